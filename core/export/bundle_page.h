#pragma once
// One page of an `incidoc.bundle/1` ZIP (../shared/specs/bundle.md) as the format writers see it, and the
// names its entries get (document slugs, page stems).
//
// Threading: every function is reentrant (no shared state).

#include "core/model/forms.h"
#include "core/model/records.h"

#include <QSet>
#include <QString>

#include <vector>

namespace incidoc {

/// One exported page with everything its formats need. Coordinates: page pixels (core/model/geometry.h).
struct BundlePage {
    DocumentRecord document;
    QString slug; ///< the document's folder in the bundle
    PageRecord page;
    std::vector<WordRecord> words;      ///< reading order
    std::vector<EntityRecord> entities; ///< the page's form: entities (text and box filled) ...
    std::vector<LinkRecord> links;      ///< ... and links between them
    QString imagePath;                  ///< entry name of the page image ("images/<slug>/page-0001.png")
    bool hasImage = false;              ///< false: --images none, or the page was never rendered
    /// The source file the page image is rendered from: the document's path, also when `document` is
    /// the pseudonymised record of a redacted export (no entry ever holds it).
    QString sourcePath;
    // A redacted export (export_redaction_p.h):
    bool redactedBundle = false;    ///< the page belongs to a redacted bundle
    QSet<WordId> redacted;          ///< words whose text was rewritten (page JSON: "redacted": true)
    std::vector<PixelBox> blackout; ///< areas of the page image filled opaque black
};

/// A document's file stem as an ASCII slug (letters, digits, '-', '_'; accents dropped, anything else
/// becomes '-', at most 60 characters, never empty: "document"). Reentrant.
QString bundleSlug(const QString& fileName);

/// Slugs for documents in the order given, made unique (case-insensitively) with -2, -3, ...
std::vector<QString> bundleSlugs(const std::vector<DocumentRecord>& documents);

/// "page-0001" for page 1 (more digits past 9999).
QString pageStem(int number);

} // namespace incidoc
