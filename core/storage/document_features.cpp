// The document-type classifier's measures of first pages (schema 5): a cache, so that a page image is
// rendered once for the classifier. A project made before the table existed simply has no cache.
#include "core/storage/project_store_p.h"

namespace incidoc {

using namespace storage;

Result<std::vector<std::pair<DocumentId, QString>>> ProjectStore::documentImageFeatures(int version)
{
    return guarded<std::vector<std::pair<DocumentId, QString>>>([&] {
        std::vector<std::pair<DocumentId, QString>> out;
        if (m_impl->version < 5)
            return out;
        Query q(m_impl->db, "SELECT document_id, features FROM document_image_features WHERE version = ?1");
        q.bind(1, version);
        while (q.next())
            out.emplace_back(q.i64(0), q.text(1));
        return out;
    });
}

Status ProjectStore::setDocumentImageFeatures(DocumentId document, int version, const QString& json)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT 1 FROM documents WHERE id = ?1");
            q.bind(1, document);
            if (!q.next())
                fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(document));
        }
        Query q(m_impl->db, "INSERT OR REPLACE INTO document_image_features (document_id, version, features) "
                            "VALUES (?1, ?2, ?3)");
        q.bind(1, document).bind(2, version).bind(3, json);
        q.run();
        tx.commit();
    });
}

} // namespace incidoc
