// Captured pages: a capture document (core/capture/capture_document.h) grows and shrinks by its last page,
// and its file's sha256 and size follow each change.
#include "core/storage/project_store_p.h"

namespace incidoc {

using namespace storage;

namespace {

struct DocumentPages {
    int count = 0;
    PageId last = 0;
    QString lastStatus;
};

DocumentPages requireImportedDocument(Db& db, DocumentId document)
{
    {
        Query q(db, "SELECT error IS NOT NULL FROM documents WHERE id = ?1");
        q.bind(1, document);
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(document));
        if (q.i32(0) != 0)
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("document %1 failed to import; it has no pages").arg(document));
    }
    DocumentPages pages;
    Query q(db, "SELECT id, number, status FROM pages WHERE document_id = ?1 ORDER BY number DESC LIMIT 1");
    q.bind(1, document);
    if (q.next()) {
        pages.last = q.i64(0);
        pages.count = q.i32(1);
        pages.lastStatus = q.text(2);
    }
    return pages;
}

void recordFile(Db& db, DocumentId document, int pageCount, const QString& sha256, qint64 size)
{
    Query q(db, "UPDATE documents SET page_count = ?2, sha256 = ?3, size = ?4 WHERE id = ?1");
    q.bind(1, document).bind(2, pageCount).bindTextOrNull(3, sha256).bind(4, static_cast<long long>(size));
    q.run();
}

} // namespace

Result<PageId> ProjectStore::appendDocumentPage(DocumentId document, const PageInfo& page, const QString& sha256,
                                                qint64 size)
{
    return guarded<PageId>([&] {
        Transaction tx(m_impl->db);
        const DocumentPages pages = requireImportedDocument(m_impl->db, document);
        PageInfo next = page;
        next.number = pages.count + 1;
        m_impl->insertPages(document, {next});
        const PageId id = sqlite3_last_insert_rowid(m_impl->db.handle());
        recordFile(m_impl->db, document, next.number, sha256, size);
        tx.commit();
        return id;
    });
}

Status ProjectStore::removeLastDocumentPage(DocumentId document, const QString& sha256, qint64 size)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const DocumentPages pages = requireImportedDocument(m_impl->db, document);
        if (pages.count == 0)
            fail(ErrorCode::InvalidInput, QStringLiteral("document %1 has no pages").arg(document));
        if (pages.lastStatus == QLatin1String("processing"))
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("page %1 of document %2 is being processed; wait, then take it back")
                     .arg(pages.count)
                     .arg(document));
        // Its words, entities, links and edits go by the schema's ON DELETE CASCADE (foreign keys are on).
        Query q(m_impl->db, "DELETE FROM pages WHERE id = ?1");
        q.bind(1, pages.last).run();
        recordFile(m_impl->db, document, pages.count - 1, sha256, size);
        tx.commit();
    });
}

} // namespace incidoc
