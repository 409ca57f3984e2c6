#include "core/export/export_redaction_p.h"
#include "core/export/export_snapshot_p.h"
#include "core/storage/project_store.h"

#include <QSet>

namespace incidoc {

bool hasPageImage(const PageRecord& page)
{
    return page.status == PageStatus::Done && page.widthPx > 0 && page.heightPx > 0;
}

ExportSnapshot::ExportSnapshot(std::unique_ptr<ProjectStore> store) : m_store(std::move(store)) {}

ExportSnapshot::~ExportSnapshot()
{
    (void)m_store->endSnapshot();
}

Result<std::unique_ptr<ExportSnapshot>> ExportSnapshot::open(const QString& projectPath, const ExportOptions& options)
{
    auto opened = ProjectStore::open(projectPath, OpenMode::ReadOnly);
    if (!opened)
        return opened.error();
    if (auto s = (*opened)->beginSnapshot(); !s)
        return s.error();
    std::unique_ptr<ExportSnapshot> snapshot(new ExportSnapshot(std::move(opened).value()));
    if (auto s = snapshot->read(options); !s)
        return s.error();
    return snapshot;
}

Status ExportSnapshot::read(const ExportOptions& o)
{
    auto allDocs = m_store->documents();
    if (!allDocs)
        return allDocs.error();
    auto labels = m_store->labels();
    if (!labels)
        return labels.error();
    m_labels = std::move(labels).value();
    QSet<DocumentId> wanted(o.documents.begin(), o.documents.end());
    QSet<DocumentId> found;
    for (const auto& d : *allDocs) {
        if (!wanted.isEmpty() && !wanted.contains(d.id))
            continue;
        found.insert(d.id);
        if (d.error.isEmpty())
            m_documents.push_back(d);
    }
    for (DocumentId id : o.documents)
        if (!found.contains(id))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("the project has no document with id %1").arg(id));
    m_slugs = bundleSlugs(m_documents);
    for (const DocumentRecord& d : m_documents)
        m_sourcePaths.push_back(d.path);
    m_pagesPerDocument.assign(m_documents.size(), 0);
    for (std::size_t i = 0; i < m_documents.size(); ++i) {
        auto list = m_store->pages(m_documents[i].id);
        if (!list)
            return list.error();
        for (auto& pg : *list) {
            if (o.reviewedOnly && pg.review != ReviewStatus::Reviewed)
                continue;
            m_pages.push_back({i, std::move(pg)});
            ++m_pagesPerDocument[i];
        }
    }
    if (m_pages.empty())
        return makeError(ErrorCode::InvalidInput, o.reviewedOnly
                                                      ? QStringLiteral("nothing to export: no reviewed pages")
                                                      : QStringLiteral("nothing to export: the project has no pages"));
    return okStatus();
}

Result<BundlePage> ExportSnapshot::page(std::size_t index, bool wantImages)
{
    const SnapshotPage& ref = m_pages[index];
    auto words = m_store->words(ref.page.id);
    if (!words)
        return words.error();
    BundlePage p;
    p.document = m_documents[ref.document];
    p.sourcePath = m_sourcePaths[ref.document];
    p.slug = m_slugs[ref.document];
    p.page = ref.page;
    p.words = std::move(words).value();
    for (auto& word : p.words) {
        word.chars.clear(); // no format uses them; they are most of a word's memory
        word.chars.shrink_to_fit();
    }
    auto form = m_store->pageForm(ref.page.id);
    if (!form)
        return form.error();
    p.entities = std::move(form->entities);
    p.links = std::move(form->links);
    p.hasImage = wantImages && hasPageImage(ref.page);
    p.imagePath = QStringLiteral("images/%1/%2.png").arg(p.slug, pageStem(ref.page.number));
    return p;
}

void ExportSnapshot::pseudonymise(const ExportRedaction& redaction)
{
    for (std::size_t i = 0; i < m_documents.size(); ++i)
        m_documents[i] = redaction.document(i, m_documents[i]);
    m_slugs = bundleSlugs(m_documents);
}

} // namespace incidoc
