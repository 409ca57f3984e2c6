// The files folder watchers found (table watched_files of schema 5), and moving a document's file.
#include "core/storage/project_store_p.h"

namespace incidoc {

using namespace storage;

namespace {

const char* stateName(WatchedFileRecord::State s)
{
    switch (s) {
    case WatchedFileRecord::State::Waiting: return "waiting";
    case WatchedFileRecord::State::Imported: return "imported";
    case WatchedFileRecord::State::Duplicate: return "duplicate";
    case WatchedFileRecord::State::Failed: return "failed";
    case WatchedFileRecord::State::Gone: return "gone";
    }
    return "waiting";
}

WatchedFileRecord::State stateFromName(const QString& name)
{
    using S = WatchedFileRecord::State;
    for (S s : {S::Waiting, S::Imported, S::Duplicate, S::Failed, S::Gone})
        if (name == QLatin1String(stateName(s)))
            return s;
    return S::Waiting;
}

constexpr const char* kWatchedColumns = "path, size, mtime_ms, state, document_id, first_seen, error";

WatchedFileRecord readWatched(const Query& q)
{
    WatchedFileRecord r;
    r.path = q.text(0);
    r.size = q.i64(1);
    r.mtimeMs = q.i64(2);
    r.state = stateFromName(q.text(3));
    r.documentId = q.isNull(4) ? 0 : q.i64(4);
    r.firstSeen = q.text(5);
    r.error = q.isNull(6) ? QString() : q.text(6);
    return r;
}

} // namespace

Result<std::optional<WatchedFileRecord>> ProjectStore::watchedFile(const QString& path)
{
    return guarded<std::optional<WatchedFileRecord>>([&]() -> std::optional<WatchedFileRecord> {
        if (m_impl->version < 5)
            return std::nullopt;
        const std::string sql = std::string("SELECT ") + kWatchedColumns + " FROM watched_files WHERE path = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, path);
        if (!q.next())
            return std::nullopt;
        return readWatched(q);
    });
}

Status ProjectStore::recordWatchedFiles(const std::vector<WatchedFileRecord>& files)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const QString now = nowUtc();
        for (const WatchedFileRecord& f : files) {
            Query q(
                m_impl->db,
                "INSERT INTO watched_files (path, size, mtime_ms, state, document_id, first_seen, updated_at, error) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7) ON CONFLICT(path) DO UPDATE SET size = excluded.size, "
                "mtime_ms = excluded.mtime_ms, state = excluded.state, document_id = excluded.document_id, "
                "updated_at = excluded.updated_at, error = excluded.error");
            q.bind(1, f.path).bind(2, static_cast<long long>(f.size)).bind(3, static_cast<long long>(f.mtimeMs));
            q.bind(4, QString::fromLatin1(stateName(f.state)));
            if (f.documentId > 0)
                q.bind(5, static_cast<long long>(f.documentId));
            else
                q.bind(5, nullptr);
            q.bind(6, now).bindTextOrNull(7, f.error);
            q.run();
        }
        tx.commit();
    });
}

Result<std::vector<WatchedFileRecord>> ProjectStore::watchedFiles(WatchedFileRecord::State state, int limit, int* total)
{
    if (total)
        *total = 0;
    return guarded<std::vector<WatchedFileRecord>>([&] {
        std::vector<WatchedFileRecord> out;
        if (m_impl->version < 5)
            return out;
        const QString name = QString::fromLatin1(stateName(state));
        if (total) {
            Query c(m_impl->db, "SELECT COUNT(*) FROM watched_files WHERE state = ?1");
            c.bind(1, name);
            if (c.next())
                *total = c.i32(0);
        }
        const std::string sql = std::string("SELECT ") + kWatchedColumns
                                + " FROM watched_files WHERE state = ?1 ORDER BY first_seen, path LIMIT ?2";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, name).bind(2, limit);
        while (q.next())
            out.push_back(readWatched(q));
        return out;
    });
}

Status ProjectStore::setDocumentPath(DocumentId id, const QString& path)
{
    return guardedStatus([&] {
        Query q(m_impl->db, "UPDATE documents SET path = ?2 WHERE id = ?1");
        q.bind(1, static_cast<long long>(id)).bind(2, path);
        if (q.run() == 0)
            fail(ErrorCode::NotFound, QStringLiteral("no document %1").arg(id));
    });
}

Result<long long> ProjectStore::dataVersion()
{
    return guarded<long long>([&] {
        Query q(m_impl->db, "PRAGMA data_version");
        return q.next() ? q.i64(0) : 0LL;
    });
}

Result<ProjectStore::ChangeMarks> ProjectStore::changeMarks()
{
    return guarded<ChangeMarks>([&] {
        ChangeMarks marks;
        Query d(m_impl->db, "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM documents");
        if (d.next()) {
            marks.documents = d.i32(0);
            marks.lastDocument = d.i64(1);
        }
        Query p(m_impl->db, "SELECT id FROM pages WHERE status IN ('queued', 'processing') ORDER BY id");
        while (p.next())
            marks.unfinishedPages.push_back(p.i64(0));
        return marks;
    });
}

} // namespace incidoc
