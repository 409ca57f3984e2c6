#include "core/storage/sqlite_db.h"

#include <cerrno>

namespace incidoc::storage {
namespace {

// The errno of the last failed system call on the database or its WAL file. sqlite3_system_errno()
// reads the global errno, which is gone by the time an I/O error reaches us; the unix VFS keeps its own.
int lastFileErrno(sqlite3* db)
{
    int err = 0;
    sqlite3_file* wal = nullptr;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK && wal && wal->pMethods
        && wal->pMethods->xFileControl(wal, SQLITE_FCNTL_LAST_ERRNO, &err) == SQLITE_OK && err != 0)
        return err;
    err = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &err) == SQLITE_OK && err != 0)
        return err;
    return sqlite3_system_errno(db);
}

} // namespace

void fail(ErrorCode code, const QString& message)
{
    throw StoreFailure{makeError(code, message)};
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString& s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t : QDateTime::fromString(s, Qt::ISODate);
}

Error sqliteError(sqlite3* db, int rc, const QString& context)
{
    const int primary = rc & 0xff;
    const QString detail = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    const QString where = context.isEmpty() ? detail : context + QStringLiteral(": ") + detail;
    // A write that ran out of room: no space (SQLITE_FULL), over quota, or over the file size limit.
    const int sysErrno = db && primary == SQLITE_IOERR ? lastFileErrno(db) : 0;
    if (primary == SQLITE_FULL || sysErrno == ENOSPC || sysErrno == EFBIG || sysErrno == EDQUOT)
        return makeError(ErrorCode::Io, QStringLiteral("disk full: ") + where);
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Io,
                         QStringLiteral("project file is locked by another program (still busy after %1 s): %2")
                             .arg(kBusyTimeoutMs / 1000)
                             .arg(where));
    case SQLITE_READONLY: return makeError(ErrorCode::Io, QStringLiteral("project file is read-only: ") + where);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return makeError(ErrorCode::Storage, QStringLiteral("project file is damaged: ") + where);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return makeError(ErrorCode::Io, QStringLiteral("cannot access project file: ") + where);
    case SQLITE_CONSTRAINT:
        return makeError(ErrorCode::InvalidInput, QStringLiteral("rejected by the project file: ") + where);
    default: return makeError(ErrorCode::Storage, QStringLiteral("project database error: ") + where);
    }
}

void throwSqlite(sqlite3* db, int rc, const QString& context)
{
    throw StoreFailure{sqliteError(db, rc, context), rc};
}

// ---- Db ------------------------------------------------------------------------------------------

void Db::close()
{
    for (auto& [sql, stmt] : m_cache)
        sqlite3_finalize(stmt.stmt);
    m_cache.clear();
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

void Db::exec(const char* sql, const QString& context)
{
    char* msg = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        throwSqlite(m_db, rc, context);
}

sqlite3_stmt* Db::acquire(const char* sql, bool* owned)
{
    *owned = false;
    auto it = m_cache.find(sql);
    if (it != m_cache.end() && !it->second.inUse) {
        it->second.inUse = true;
        return it->second.stmt;
    }
    sqlite3_stmt* stmt = nullptr;
    const unsigned flags = it == m_cache.end() ? SQLITE_PREPARE_PERSISTENT : 0;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, flags, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throwSqlite(m_db, rc, QStringLiteral("preparing a query"));
    }
    if (it == m_cache.end()) {
        m_cache.emplace(sql, Cached{stmt, true});
    } else {
        *owned = true;
    }
    return stmt;
}

void Db::release(const char* sql, sqlite3_stmt* stmt, bool owned)
{
    if (owned) {
        sqlite3_finalize(stmt);
        return;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    auto it = m_cache.find(sql);
    if (it != m_cache.end())
        it->second.inUse = false;
}

// ---- Query ---------------------------------------------------------------------------------------

Query& Query::bind(int i, const QString& v)
{
    const QByteArray utf8 = v.toUtf8();
    return check(sqlite3_bind_text64(m_stmt, i, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8));
}

Query& Query::bind(int i, const QByteArray& v)
{
    if (v.isNull())
        return bind(i, nullptr);
    return check(
        sqlite3_bind_blob64(m_stmt, i, v.constData(), static_cast<sqlite3_uint64>(v.size()), SQLITE_TRANSIENT));
}

bool Query::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throwSqlite(m_db.handle(), rc, {});
}

int Query::run()
{
    while (next()) {
    }
    return sqlite3_changes(m_db.handle());
}

QString Query::text(int c) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, c)) : QString();
}

QByteArray Query::blob(int c) const
{
    const void* p = sqlite3_column_blob(m_stmt, c);
    return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(m_stmt, c)) : QByteArray();
}

} // namespace incidoc::storage
