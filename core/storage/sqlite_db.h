#pragma once
// The SQLite layer under ProjectStore: one connection with a cache of prepared statements (Db), a
// borrowed statement with bound values (Query), BEGIN IMMEDIATE transactions, the mapping of SQLite
// failures to messages a user understands, and the guard that turns them into Result values.
// Private to core/storage (not installed, not included outside it).
//
// Threading: a Db is one connection; use it (and its Queries) from one thread at a time.
// Errors: functions here throw StoreFailure; every public ProjectStore function catches it with
// guarded()/guardedStatus(), so no exception leaves the store.

#include "core/util/result.h"

#include <QDateTime>
#include <QString>

#include <sqlite3.h>

#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <unordered_map>

namespace incidoc::storage {

constexpr int kBusyTimeoutMs = 5000;

/// Thrown inside core/storage only; every public function catches it and returns the Error.
struct StoreFailure {
    Error error;
    int sqliteCode = SQLITE_OK; ///< the SQLite result code when SQLite failed
};

[[noreturn]] void fail(ErrorCode code, const QString& message);

/// Maps an SQLite failure to a message a user understands; the SQLite text follows for support.
Error sqliteError(sqlite3* db, int rc, const QString& context);
[[noreturn]] void throwSqlite(sqlite3* db, int rc, const QString& context);

QString nowUtc();
QDateTime parseTime(const QString& s);

template <typename E>
E parseEnum(std::optional<E> v, E fallback)
{
    return v ? *v : fallback;
}

/// One SQLite connection and its cache of prepared statements (keyed by SQL text).
class Db {
public:
    Db() = default;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db() { close(); }

    void close();

    sqlite3* handle() const { return m_db; }
    sqlite3** slot() { return &m_db; }

    /// Runs SQL without values (DDL, pragmas with constants, BEGIN/COMMIT). Throws on failure.
    void exec(const char* sql, const QString& context = {});

    /// A cached statement; `*owned` is set when the cached one is busy (nested use of the same SQL) and
    /// a fresh one had to be prepared that the caller must finalize.
    sqlite3_stmt* acquire(const char* sql, bool* owned);
    void release(const char* sql, sqlite3_stmt* stmt, bool owned);

private:
    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };

    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, Cached> m_cache;
};

/// A prepared statement borrowed from the cache for one use; values are bound, never spliced into SQL.
class Query {
public:
    Query(Db& db, const char* sql) : m_db(db), m_sql(sql) { m_stmt = db.acquire(sql, &m_owned); }
    ~Query() { m_db.release(m_sql, m_stmt, m_owned); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind(int i, long long v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Query& bind(int i, int v) { return check(sqlite3_bind_int(m_stmt, i, v)); }
    Query& bind(int i, bool v) { return check(sqlite3_bind_int(m_stmt, i, v ? 1 : 0)); }
    Query& bind(int i, double v) { return check(sqlite3_bind_double(m_stmt, i, v)); }
    Query& bind(int i, std::nullptr_t) { return check(sqlite3_bind_null(m_stmt, i)); }
    Query& bind(int i, const QString& v);
    /// A null QByteArray binds NULL.
    Query& bind(int i, const QByteArray& v);
    template <typename T>
    Query& bind(int i, const std::optional<T>& v)
    {
        return v ? bind(i, *v) : bind(i, nullptr);
    }
    /// Binds an empty string as NULL (optional text columns such as error).
    Query& bindTextOrNull(int i, const QString& v) { return v.isEmpty() ? bind(i, nullptr) : bind(i, v); }

    /// Steps once: true with a row, false when done. Throws on failure.
    bool next();
    /// Runs a statement that returns no rows; returns how many rows it changed.
    int run();

    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    long long i64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    int i32(int c) const { return sqlite3_column_int(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    QString text(int c) const;
    QByteArray blob(int c) const;

private:
    Query& check(int rc)
    {
        if (rc != SQLITE_OK)
            throwSqlite(m_db.handle(), rc, QStringLiteral("binding a value"));
        return *this;
    }

    Db& m_db;
    const char* m_sql;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_owned = false;
};

/// BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a transaction
/// never fails half-way because another connection wrote in between. Rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Db& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE", QStringLiteral("starting a change")); }
    ~Transaction()
    {
        if (!m_done && !sqlite3_get_autocommit(m_db.handle()))
            sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit()
    {
        m_db.exec("COMMIT", QStringLiteral("saving a change"));
        m_done = true;
    }

private:
    Db& m_db;
    bool m_done = false;
};

/// Runs `f` and returns its value, or the Error of whatever it threw.
template <typename T, typename F>
Result<T> guarded(F&& f)
{
    try {
        return Result<T>(f());
    } catch (const StoreFailure& e) {
        return e.error;
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::Storage, QStringLiteral("out of memory"));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, QString::fromUtf8(e.what()));
    } catch (...) {
        return makeError(ErrorCode::Internal, QStringLiteral("unexpected exception in the project store"));
    }
}

template <typename F>
Status guardedStatus(F&& f)
{
    return guarded<Unit>([&] {
        f();
        return Unit{};
    });
}

} // namespace incidoc::storage
