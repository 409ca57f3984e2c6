// What each page was processed with (schema 5: pages.profile), for processing per document type:
// the facts core/pipeline/type_profiles.h decides from, and putting pages back in the queue.
#include "core/storage/project_store_p.h"

namespace incidoc {

using namespace storage;

Result<std::vector<PageProfileRow>> ProjectStore::pageProfiles(const ProfileScope& scope)
{
    return guarded<std::vector<PageProfileRow>>([&] {
        // Older read-only files: no types, nothing recorded.
        const char* sql =
            m_impl->version >= 5
                ? "SELECT p.id, p.document_id, d.kind, p.status, p.kind, p.dpi, d.type, COALESCE(t.profile, '{}'), "
                  "COALESCE(p.profile, ''), EXISTS (SELECT 1 FROM words w WHERE w.page_id = p.id "
                  "AND (w.source = 'user' OR w.edited = 1)) "
                  "FROM pages p JOIN documents d ON d.id = p.document_id "
                  "LEFT JOIN document_types t ON t.name = d.type "
                  "WHERE (?1 = 0 OR p.id = ?1) AND (?2 = 0 OR p.document_id = ?2) AND (?3 IS NULL OR d.type = ?3) "
                  "ORDER BY p.document_id, p.number"
                : "SELECT p.id, p.document_id, d.kind, p.status, p.kind, p.dpi, '', '{}', '', "
                  "EXISTS (SELECT 1 FROM words w WHERE w.page_id = p.id AND (w.source = 'user' OR w.edited = 1)) "
                  "FROM pages p JOIN documents d ON d.id = p.document_id "
                  "WHERE (?1 = 0 OR p.id = ?1) AND (?2 = 0 OR p.document_id = ?2) AND ?3 IS NULL "
                  "ORDER BY p.document_id, p.number";
        Query q(m_impl->db, sql);
        q.bind(1, static_cast<long long>(scope.page)).bind(2, static_cast<long long>(scope.document));
        q.bind(3, scope.type);
        std::vector<PageProfileRow> out;
        while (q.next()) {
            PageProfileRow r;
            r.page = q.i64(0);
            r.document = q.i64(1);
            r.documentKind = parseEnum(documentKindFromString(q.text(2)), DocumentKind::Pdf);
            r.status = parseEnum(pageStatusFromString(q.text(3)), PageStatus::Queued);
            r.kind = parseEnum(pageKindFromString(q.text(4)), PageKind::Unknown);
            r.dpi = q.i32(5);
            r.type = q.text(6);
            r.profileJson = r.type.isEmpty() ? QStringLiteral("{}") : q.text(7);
            r.processedWith = q.text(8);
            r.hasPersonWords = q.i32(9) != 0;
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<int> ProjectStore::requeuePages(const std::vector<PageId>& pages)
{
    // Words stay: storeOutcomes replaces the unedited ones when each page is done again.
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        const QString now = nowUtc();
        int n = 0;
        for (PageId id : pages) {
            Query q(m_impl->db, "UPDATE pages SET status = 'queued', failure = '', updated_at = ?2 "
                                "WHERE id = ?1 AND status = 'done'");
            n += q.bind(1, static_cast<long long>(id)).bind(2, now).run();
        }
        tx.commit();
        return n;
    });
}

Result<std::vector<std::pair<QString, QString>>> ProjectStore::storedTypeProfiles()
{
    return guarded<std::vector<std::pair<QString, QString>>>([&] {
        std::vector<std::pair<QString, QString>> out;
        if (m_impl->version < 5)
            return out;
        Query q(m_impl->db, "SELECT name, profile FROM document_types ORDER BY position, name");
        while (q.next())
            out.emplace_back(q.text(0), q.text(1));
        return out;
    });
}

} // namespace incidoc
