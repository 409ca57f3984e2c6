#pragma once
// Private to core/export: the bundle's own files — manifest.json (provenance: engines, settings, the
// documents with their source hashes, and the SHA-256 of every other entry; written last) and README.md.
// Reentrant.

#include "core/export/bundle_export.h"
#include "core/export/export_snapshot_p.h"
#include "core/export/format_metrics.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace incidoc {

/// The manifest's `documents`: every document of the snapshot that has pages in the bundle.
QJsonArray manifestDocuments(const ExportSnapshot& snapshot);

/// manifest.json. `documents` from manifestDocuments(), `entries` every other entry (path, bytes, sha256).
QByteArray bundleManifest(const ExportOptions& options, const QString& created, const QString& projectPath,
                          const std::vector<SnapshotPage>& pages, const QJsonArray& documents,
                          const QJsonArray& entries);

/// README.md: what the bundle holds and how to load it.
QByteArray bundleReadme(const ExportOptions& options, const QString& created, int documents, int pages,
                        const PageStats& totals, const QStringList& formats);

} // namespace incidoc
