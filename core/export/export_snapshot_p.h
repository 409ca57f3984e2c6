#pragma once
// Private to core/export: the consistent view of a project that one export reads — the documents, labels
// and pages chosen by the options, read in one read transaction (annotators may keep editing), and each
// page's words read on demand inside that same transaction.
//
// Threading: one thread (the exporting one) uses an ExportSnapshot.

#include "core/export/bundle_export.h"
#include "core/export/bundle_page.h"
#include "core/util/result.h"

#include <memory>
#include <vector>

namespace incidoc {

class ProjectStore;
class ExportRedaction;

/// A page chosen for the bundle: its document (an index into documents()) and its record.
struct SnapshotPage {
    std::size_t document;
    PageRecord page;
};

class ExportSnapshot {
public:
    /// Opens `projectPath` read-only and reads what `options` choose. Errors: NotFound / Storage (project);
    /// InvalidInput (no such document, nothing to export).
    static Result<std::unique_ptr<ExportSnapshot>> open(const QString& projectPath, const ExportOptions& options);
    ~ExportSnapshot(); ///< ends the read transaction
    ExportSnapshot(const ExportSnapshot&) = delete;
    ExportSnapshot& operator=(const ExportSnapshot&) = delete;

    /// Documents that are exported (without an import error), in project order.
    const std::vector<DocumentRecord>& documents() const { return m_documents; }
    /// Their folder names in the bundle (bundleSlugs), in the same order.
    const std::vector<QString>& slugs() const { return m_slugs; }
    const std::vector<int>& pagesPerDocument() const { return m_pagesPerDocument; }
    const std::vector<LabelRecord>& labels() const { return m_labels; }
    /// The pages in bundle order (document by document, page by page).
    const std::vector<SnapshotPage>& pages() const { return m_pages; }

    /// Page `index` of pages() with its words (character boxes dropped: no format uses them). The image
    /// is announced when `wantImages` and the page has one (hasPageImage). Errors: Storage.
    Result<BundlePage> page(std::size_t index, bool wantImages);

    /// A redacted export: documents() become their pseudonymised records (names, paths, hashes) and
    /// slugs() follow the new names; pages are still rendered from the original files.
    void pseudonymise(const ExportRedaction& redaction);

private:
    explicit ExportSnapshot(std::unique_ptr<ProjectStore> store);
    Status read(const ExportOptions& options);

    std::unique_ptr<ProjectStore> m_store;
    std::vector<DocumentRecord> m_documents;
    std::vector<QString> m_sourcePaths; ///< each document's source file (rendering only)
    std::vector<QString> m_slugs;
    std::vector<int> m_pagesPerDocument;
    std::vector<LabelRecord> m_labels;
    std::vector<SnapshotPage> m_pages;
};

/// Whether a page has an image in the bundle: only pages that were processed have a known pixel grid
/// that boxes refer to.
bool hasPageImage(const PageRecord& page);

} // namespace incidoc
