#include "core/storage/project_store.h"

#include "core/storage/char_codec.h"
#include "core/storage/schema.h"
#include "core/util/version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <new>
#include <string>
#include <unordered_map>

namespace incidoc {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr double kKeepOverlapIou = 0.5; // a new OCR word this close to a kept word is the same word
constexpr char kSqliteMagic[] = "SQLite format 3"; // + NUL: the first 16 bytes of every SQLite file

// Thrown inside this file only; every public function catches it and returns the Error.
struct StoreFailure {
    Error error;
    int sqliteCode = SQLITE_OK; ///< the SQLite result code when SQLite failed
};

[[noreturn]] void fail(ErrorCode code, const QString& message)
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

// Maps an SQLite failure to a message a user understands; the SQLite text follows for support.
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
    case SQLITE_READONLY:
        return makeError(ErrorCode::Io, QStringLiteral("project file is read-only: ") + where);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(ErrorCode::Storage, QStringLiteral("project file is damaged: ") + where);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return makeError(ErrorCode::Io, QStringLiteral("cannot access project file: ") + where);
    case SQLITE_CONSTRAINT:
        return makeError(ErrorCode::InvalidInput, QStringLiteral("rejected by the project file: ") + where);
    default:
        return makeError(ErrorCode::Storage, QStringLiteral("project database error: ") + where);
    }
}

[[noreturn]] void throwSqlite(sqlite3* db, int rc, const QString& context)
{
    throw StoreFailure{sqliteError(db, rc, context), rc};
}

// One SQLite connection and its cache of prepared statements (keyed by SQL text).
class Db {
public:
    Db() = default;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db() { close(); }

    void close()
    {
        for (auto& [sql, stmt] : m_cache)
            sqlite3_finalize(stmt.stmt);
        m_cache.clear();
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = nullptr;
    }

    sqlite3* handle() const { return m_db; }
    sqlite3** slot() { return &m_db; }

    /// Runs SQL without values (DDL, pragmas with constants, BEGIN/COMMIT). Throws on failure.
    void exec(const char* sql, const QString& context = {})
    {
        char* msg = nullptr;
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &msg);
        sqlite3_free(msg);
        if (rc != SQLITE_OK)
            throwSqlite(m_db, rc, context);
    }

    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };

    /// A cached statement; `*owned` is set when the cached one is busy (nested use of the same SQL) and
    /// a fresh one had to be prepared that the caller must finalize.
    sqlite3_stmt* acquire(const char* sql, bool* owned)
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

    void release(const char* sql, sqlite3_stmt* stmt, bool owned)
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

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, Cached> m_cache;
};

// A prepared statement borrowed from the cache for one use; values are bound, never spliced into SQL.
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
    Query& bind(int i, const QString& v)
    {
        const QByteArray utf8 = v.toUtf8();
        return check(sqlite3_bind_text64(m_stmt, i, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                                         SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    /// A null QByteArray binds NULL.
    Query& bind(int i, const QByteArray& v)
    {
        if (v.isNull())
            return bind(i, nullptr);
        return check(sqlite3_bind_blob64(m_stmt, i, v.constData(), static_cast<sqlite3_uint64>(v.size()),
                                         SQLITE_TRANSIENT));
    }
    template <typename T>
    Query& bind(int i, const std::optional<T>& v)
    {
        return v ? bind(i, *v) : bind(i, nullptr);
    }
    /// Binds an empty string as NULL (optional text columns such as error).
    Query& bindTextOrNull(int i, const QString& v) { return v.isEmpty() ? bind(i, nullptr) : bind(i, v); }

    /// Steps once: true with a row, false when done. Throws on failure.
    bool next()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        throwSqlite(m_db.handle(), rc, {});
    }
    /// Runs a statement that returns no rows; returns how many rows it changed.
    int run()
    {
        while (next()) {
        }
        return sqlite3_changes(m_db.handle());
    }

    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    long long i64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    int i32(int c) const { return sqlite3_column_int(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    QString text(int c) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, c)) : QString();
    }
    QByteArray blob(int c) const
    {
        const void* p = sqlite3_column_blob(m_stmt, c);
        return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(m_stmt, c)) : QByteArray();
    }

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

// BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a transaction
// never fails half-way because another connection wrote in between. Rolls back unless committed.
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

template <typename E>
E parseEnum(std::optional<E> v, E fallback)
{
    return v ? *v : fallback;
}

// ---- reading order -------------------------------------------------------------------------------

struct OrderedBox {
    PixelBox box;
    int block = 0, line = 0;
};

struct Placement {
    std::size_t slot = 0;       ///< insert before ordered[slot] (ordered.size(): at the end)
    bool adoptLine = false;     ///< placed on a line of the ordered words: take its block and line
    int block = 0, line = 0;
};

bool sameLine(const PixelBox& a, const PixelBox& b)
{
    const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    const int minHeight = std::min(a.height(), b.height());
    return minHeight > 0 && overlap * 2 >= minHeight;
}

double centerX(const PixelBox& b) { return (b.x0 + b.x1) / 2.0; }
double centerY(const PixelBox& b) { return (b.y0 + b.y1) / 2.0; }

// Where a word that is not part of a recognizer's result (a kept or user-drawn word) goes in that
// result's reading order. Deliberately simple: right after its nearest left neighbour on the same text
// line, else right before its nearest right neighbour on that line, else after the last word (in
// reading order) that lies above it, else first.
Placement placeInReadingOrder(const std::vector<OrderedBox>& ordered, const PixelBox& box)
{
    Placement p;
    std::optional<std::size_t> left, right, above;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const PixelBox& o = ordered[i].box;
        if (sameLine(o, box)) {
            if (centerX(o) < centerX(box)) {
                if (!left || o.x1 >= ordered[*left].box.x1)
                    left = i;
            } else if (!right || o.x0 < ordered[*right].box.x0) {
                right = i;
            }
        } else if (centerY(o) < box.y0) {
            above = i;
        }
    }
    if (left || right) {
        const std::size_t anchor = left ? *left : *right;
        p.slot = left ? anchor + 1 : anchor;
        p.adoptLine = true;
        p.block = ordered[anchor].block;
        p.line = ordered[anchor].line;
    } else {
        p.slot = above ? *above + 1 : 0;
    }
    return p;
}

// ---- JSON of word fields for the edit history ------------------------------------------------------

QJsonValue jsonOrNull(const std::optional<QString>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString toJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Fields of a word row as read for editing (raw chars blob kept as is).
struct WordRow {
    WordId id = 0;
    PageId pageId = 0;
    int block = 0, line = 0, order = 0;
    QString text;
    PixelBox box;
    std::optional<double> confidence;
    QString source;
    std::optional<QString> ocrText;
    std::optional<LabelId> labelId;
    std::optional<QString> labelName;
    bool reviewed = false, edited = false;
    QByteArray chars;
};

QJsonValue charsJson(const QByteArray& chars)
{
    return chars.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromLatin1(chars.toBase64()));
}

QJsonObject fullWordJson(const WordRow& w)
{
    QJsonObject o;
    o[QStringLiteral("id")] = w.id;
    o[QStringLiteral("page_id")] = w.pageId;
    o[QStringLiteral("block")] = w.block;
    o[QStringLiteral("line")] = w.line;
    o[QStringLiteral("ord")] = w.order;
    o[QStringLiteral("text")] = w.text;
    o[QStringLiteral("x0")] = w.box.x0;
    o[QStringLiteral("y0")] = w.box.y0;
    o[QStringLiteral("x1")] = w.box.x1;
    o[QStringLiteral("y1")] = w.box.y1;
    o[QStringLiteral("confidence")] = w.confidence ? QJsonValue(*w.confidence) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("source")] = w.source;
    o[QStringLiteral("ocr_text")] = jsonOrNull(w.ocrText);
    o[QStringLiteral("label_id")] = w.labelId ? QJsonValue(*w.labelId) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("label")] = jsonOrNull(w.labelName);
    o[QStringLiteral("reviewed")] = w.reviewed;
    o[QStringLiteral("edited")] = w.edited;
    o[QStringLiteral("chars")] = charsJson(w.chars);
    return o;
}

QString currentAuthor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

// ---- opening -----------------------------------------------------------------------------------

// True when nobody should write the path: no write permission bits at all (respected even for root,
// who access() would let write anything), or access() says no (permissions, read-only mount).
bool isWriteProtected(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::stat(native.constData(), &st) != 0)
        return false;
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return true;
    return ::access(native.constData(), W_OK) != 0;
}

void applyConnectionPragmas(Db& db)
{
    sqlite3_extended_result_codes(db.handle(), 1);
    sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
    // The schema is ours alone: no functions with side effects in views/triggers of a crafted file;
    // cell_size_check catches damaged b-tree cells on read instead of misreading them.
    db.exec("PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA foreign_keys = ON;",
            QStringLiteral("configuring the connection"));
}

struct FileFacts {
    int applicationId = 0;
    int userVersion = 0;
    bool empty = true; ///< no tables or indexes at all
};

// Reads the header facts and refuses anything that is not an Incidoc project we can read.
FileFacts inspect(Db& db, const QString& path)
{
    FileFacts f;
    {
        Query q(db, "PRAGMA application_id");
        if (q.next())
            f.applicationId = q.i32(0);
    }
    {
        Query q(db, "PRAGMA user_version");
        if (q.next())
            f.userVersion = q.i32(0);
    }
    {
        Query q(db, "SELECT count(*) FROM sqlite_schema");
        if (q.next())
            f.empty = q.i64(0) == 0;
    }
    const bool blank = f.applicationId == 0 && f.userVersion == 0 && f.empty;
    if (f.applicationId != schema::kApplicationId && !blank)
        fail(ErrorCode::InvalidInput,
             QStringLiteral("not an Incidoc project file: %1 (an SQLite database of another program)").arg(path));
    if (f.userVersion > ProjectStore::kSchemaVersion)
        fail(ErrorCode::Unsupported, QStringLiteral("%1 was made by a newer version of Incidoc (schema %2); "
                                                    "this version reads up to %3")
                                         .arg(path)
                                         .arg(f.userVersion)
                                         .arg(ProjectStore::kSchemaVersion));
    return f;
}

// PRAGMA quick_check: O(file size) but catches truncated and damaged files before anything reads rows.
void checkIntegrity(Db& db)
{
    QStringList problems;
    try {
        Query q(db, "PRAGMA quick_check(5)");
        while (q.next()) {
            const QString line = q.text(0);
            if (line != QLatin1String("ok"))
                problems << line;
        }
    } catch (const StoreFailure& e) {
        // Locked, unreadable, out of memory: say that, not "damaged".
        const int primary = e.sqliteCode & 0xff;
        if (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB && primary != SQLITE_ERROR)
            throw;
        problems << QString::fromUtf8(sqlite3_errstr(e.sqliteCode));
    }
    if (!problems.isEmpty())
        fail(ErrorCode::Storage, QStringLiteral("project file is damaged: ") + problems.join(QStringLiteral("; ")));
}

// The schema entries (type, name, table, SQL) of a database, sorted. SQLite's own statistics tables
// (ANALYZE) are left out: they are data, not behaviour.
QStringList schemaEntries(Db& db)
{
    QStringList entries;
    Query q(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name");
    while (q.next())
        entries << q.text(0) + QLatin1Char('\x1f') + q.text(1) + QLatin1Char('\x1f') + q.text(2) +
                       QLatin1Char('\x1f') + q.text(3);
    return entries;
}

// What a project at the latest schema contains: the migrations run on an empty in-memory database.
const QStringList& expectedSchema()
{
    static const QStringList entries = [] {
        Db db;
        const int rc = sqlite3_open_v2(":memory:", db.slot(), SQLITE_OPEN_READWRITE, nullptr);
        if (rc != SQLITE_OK)
            return QStringList();
        for (const auto& m : schema::migrations())
            db.exec(m.sql, QStringLiteral("building the expected schema"));
        return schemaEntries(db);
    }();
    return entries;
}

// A project file from elsewhere may carry triggers or views that run on our reads and writes (a
// recursive trigger can hang the app; trusted_schema=OFF only stops functions with side effects):
// anything in the schema that Incidoc did not put there, or changed, refuses the file.
void verifySchema(Db& db, const QString& path)
{
    const QStringList actual = schemaEntries(db);
    const QStringList& expected = expectedSchema();
    if (actual == expected)
        return;
    QStringList problems;
    auto describe = [](const QString& entry) {
        const QStringList f = entry.split(QLatin1Char('\x1f'));
        return QStringLiteral("%1 '%2'").arg(f.value(0), f.value(1));
    };
    for (const QString& e : actual)
        if (!expected.contains(e))
            problems << QStringLiteral("unexpected or changed ") + describe(e);
    for (const QString& e : expected)
        if (!actual.contains(e))
            problems << QStringLiteral("missing or changed ") + describe(e);
    problems.removeDuplicates();
    fail(ErrorCode::InvalidInput,
         QStringLiteral("project file %1 has a schema Incidoc did not make (%2): it is not opened")
             .arg(path, problems.mid(0, 4).join(QStringLiteral("; "))));
}

void openConnection(Db& db, const QString& path, int flags)
{
    const QByteArray native = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), db.slot(), flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
        const Error e = sqliteError(db.handle(), rc, QStringLiteral("opening %1").arg(path));
        db.close();
        throw StoreFailure{e, rc};
    }
    applyConnectionPragmas(db);
}

void openReadOnly(Db& db, const QString& path)
{
    try {
        openConnection(db, path, SQLITE_OPEN_READONLY);
        // A WAL file needs its -shm index: first reads create it, which fails in a read-only folder.
        Query q(db, "SELECT count(*) FROM sqlite_schema");
        q.next();
    } catch (const StoreFailure& e) {
        db.close();
        const int primary = e.sqliteCode & 0xff;
        if ((primary != SQLITE_CANTOPEN && primary != SQLITE_READONLY)
            || QFileInfo::exists(path + QStringLiteral("-wal")))
            throw;
        // A cleanly closed project (no -wal left) in a read-only folder: read it as an immutable file.
        const QByteArray uri = QUrl::fromLocalFile(path).toEncoded() + "?immutable=1";
        const int rc = sqlite3_open_v2(uri.constData(), db.slot(),
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, nullptr);
        if (rc != SQLITE_OK) {
            const Error e = sqliteError(db.handle(), rc, QStringLiteral("opening %1").arg(path));
            db.close();
            throw StoreFailure{e, rc};
        }
        applyConnectionPragmas(db);
    }
}

} // namespace

// ==================================================================================================

struct ProjectStore::Impl {
    Db db;
    QString path;
    OpenMode mode = OpenMode::ReadWrite;
    int version = 0;
    QString author = currentAuthor();

    // ---- schema ----
    void migrate(int from);

    // ---- rows ----
    DocumentRecord readDocument(const Query& q) const;
    PageRecord readPage(const Query& q) const;
    WordRecord readWord(const Query& q) const;
    std::optional<WordRow> wordRow(WordId id);
    void insertPages(DocumentId doc, const std::vector<PageInfo>& pages);
    DocumentId insertDocument(const DocumentRecord& d, int pageCount, bool failed);

    // ---- queue (inside a transaction) ----
    void markProcessingTx(const std::vector<PageId>& pages);
    void storeOutcomesTx(const std::vector<PageOutcome>& outcomes);
    void storeOutcomeTx(const PageOutcome& o, const QString& now);
    WordId insertWord(PageId page, const RecognizedWord& w, int order, int block, int line, WordSource source);
    void renumber(PageId page);

    // ---- edits (inside a transaction) ----
    long long nextGroup();
    long long groupOr(long long group) { return group > 0 ? group : nextGroup(); }
    void recordEdit(long long group, PageId page, std::optional<WordId> word, const char* action,
                    const QJsonObject& before, const QJsonObject& after);
    WordRow requireWord(WordId id);

    // ---- app editing (inside a transaction; project_store.cpp, "editing for the app") ----
    void deleteWordTx(WordId word, long long group, const char* action);
    void applyEdit(const EditRecord& e, bool undo);
    void insertWordFromJson(const QJsonObject& o);
    void updateWordFromJson(WordId word, const QJsonObject& o);
    std::vector<EditRecord> groupEdits(long long group);
};

ProjectStore::ProjectStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ProjectStore::~ProjectStore() = default;

QString ProjectStore::path() const { return m_impl->path; }
int ProjectStore::schemaVersion() const { return m_impl->version; }

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString& rawPath, OpenMode mode)
{
    return guarded<std::unique_ptr<ProjectStore>>([&]() -> std::unique_ptr<ProjectStore> {
        if (rawPath.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("no project file given"));
        const QFileInfo info(rawPath);
        const QString path = info.absoluteFilePath();
        const bool exists = info.exists();
        if (exists && !info.isFile())
            fail(ErrorCode::InvalidInput, QStringLiteral("not an Incidoc project file: %1 is not a file").arg(path));
        if (!exists && mode == OpenMode::ReadOnly)
            fail(ErrorCode::NotFound, QStringLiteral("project file not found: %1").arg(path));

        // Look at the first bytes ourselves: SQLite would treat some foreign files as empty databases.
        qint64 size = 0;
        if (exists) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                fail(ErrorCode::Io, QStringLiteral("cannot read project file %1: %2").arg(path, file.errorString()));
            size = file.size();
            const QByteArray head = file.read(16);
            if (size > 0 && (head.size() < 16 || !head.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic))))
                fail(ErrorCode::InvalidInput, QStringLiteral("not an Incidoc project file: %1").arg(path));
            if (size > 0 && size < 512)
                fail(ErrorCode::Storage, QStringLiteral("project file is damaged: %1 is truncated").arg(path));
        }
        if (mode == OpenMode::ReadWrite) {
            const QString dir = info.absolutePath();
            if (!QFileInfo(dir).isDir())
                fail(ErrorCode::NotFound, QStringLiteral("folder does not exist: %1").arg(dir));
            if (exists && isWriteProtected(path))
                fail(ErrorCode::Io, QStringLiteral("project file is read-only: %1").arg(path));
            // WAL keeps -wal and -shm files beside the project: the folder must be writable too.
            if (isWriteProtected(dir))
                fail(ErrorCode::Io,
                     QStringLiteral("project file is read-only: its folder %1 cannot be written").arg(dir));
        }

        auto impl = std::make_unique<Impl>();
        impl->path = path;
        impl->mode = mode;

        // Identify and check the file over a read-only connection first: a file we refuse is never
        // opened for writing, so not even a WAL checkpoint can touch it.
        FileFacts facts;
        if (exists && size > 0) {
            Db probeForWriting;
            Db& probe = mode == OpenMode::ReadOnly ? impl->db : probeForWriting; // ReadOnly keeps it
            openReadOnly(probe, path);
            facts = inspect(probe, path);
            checkIntegrity(probe);
            if (facts.userVersion == kSchemaVersion)
                verifySchema(probe, path);
            if (mode == OpenMode::ReadOnly) {
                if (facts.userVersion < kSchemaVersion)
                    fail(facts.userVersion == 0 && facts.applicationId == 0
                             ? ErrorCode::InvalidInput
                             : ErrorCode::Unsupported,
                         facts.userVersion == 0 && facts.applicationId == 0
                             ? QStringLiteral("not an Incidoc project file: %1 (empty database)").arg(path)
                             : QStringLiteral("project file %1 uses an older schema (%2); open it for "
                                              "writing once to upgrade it")
                                   .arg(path)
                                   .arg(facts.userVersion));
                impl->version = facts.userVersion;
                return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(impl)));
            }
        } else if (mode == OpenMode::ReadOnly) {
            fail(ErrorCode::InvalidInput, QStringLiteral("not an Incidoc project file: %1 is empty").arg(path));
        }

        Db& db = impl->db;
        openConnection(db, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (sqlite3_db_readonly(db.handle(), "main") == 1)
            fail(ErrorCode::Io, QStringLiteral("project file is read-only: %1").arg(path));
        {
            Query q(db, "PRAGMA journal_mode = WAL");
            const QString jm = q.next() ? q.text(0) : QString();
            if (jm.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                fail(ErrorCode::Storage,
                     QStringLiteral("cannot switch %1 to write-ahead logging (journal mode %2)").arg(path, jm));
        }
        // NORMAL under WAL: commits survive a killed process; only an OS crash / power loss may drop
        // the last commits (see project_store.h). FULL would fsync on every page batch.
        db.exec("PRAGMA synchronous = NORMAL", QStringLiteral("configuring the connection"));
        facts = inspect(db, path); // again: the file may have changed since the probe
        if (facts.userVersion < kSchemaVersion)
            impl->migrate(facts.userVersion);
        impl->version = kSchemaVersion;
        return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(impl)));
    });
}

void ProjectStore::Impl::migrate(int from)
{
    for (const schema::Migration& step : schema::migrations()) {
        if (step.version <= from)
            continue;
        Transaction tx(db);
        // Another process may have migrated while we waited for the write lock.
        int current = 0;
        {
            Query q(db, "PRAGMA user_version");
            if (q.next())
                current = q.i32(0);
        }
        if (current >= step.version)
            continue;
        db.exec(step.sql, QStringLiteral("upgrading the project file to schema %1").arg(step.version));
        if (step.version == 1) {
            Query q(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
            q.bind(1, QStringLiteral("created_with")).bind(2, QStringLiteral("Incidoc " INCIDOC_VERSION)).run();
            Query t(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
            t.bind(1, QStringLiteral("created_at")).bind(2, nowUtc()).run();
        }
        // PRAGMA takes no bound parameters; the value is our own constant, not input.
        const std::string setVersion = "PRAGMA user_version = " + std::to_string(step.version);
        db.exec(setVersion.c_str(), QStringLiteral("upgrading the project file"));
        tx.commit();
        from = step.version;
    }
}

// ---- documents and pages ---------------------------------------------------------------------------

namespace {
constexpr const char* kDocumentColumns =
    "SELECT id, path, name, sha256, size, kind, page_count, imported_at, error, type FROM documents ";
constexpr const char* kPageColumns =
    "SELECT id, document_id, number, width_pt, height_pt, width_px, height_px, dpi, rotation, kind, status, "
    "review, error, attempts, engine, render_ms, classify_ms, prepare_ms, ocr_ms, total_ms FROM pages ";
} // namespace

DocumentRecord ProjectStore::Impl::readDocument(const Query& q) const
{
    DocumentRecord d;
    d.id = q.i64(0);
    d.path = q.text(1);
    d.name = q.text(2);
    d.sha256 = q.text(3);
    d.size = q.i64(4);
    d.kind = parseEnum(documentKindFromString(q.text(5)), DocumentKind::Pdf);
    d.pageCount = q.i32(6);
    d.importedAt = parseTime(q.text(7));
    d.error = q.text(8);
    d.type = q.text(9);
    return d;
}

PageRecord ProjectStore::Impl::readPage(const Query& q) const
{
    PageRecord p;
    p.id = q.i64(0);
    p.documentId = q.i64(1);
    p.number = q.i32(2);
    p.widthPt = q.real(3);
    p.heightPt = q.real(4);
    p.widthPx = q.i32(5);
    p.heightPx = q.i32(6);
    p.dpi = q.i32(7);
    p.rotation = q.i32(8);
    p.kind = parseEnum(pageKindFromString(q.text(9)), PageKind::Unknown);
    p.status = parseEnum(pageStatusFromString(q.text(10)), PageStatus::Queued);
    p.review = parseEnum(reviewStatusFromString(q.text(11)), ReviewStatus::New);
    p.error = q.text(12);
    p.attempts = q.i32(13);
    p.engine = q.text(14);
    p.timings = {q.i32(15), q.i32(16), q.i32(17), q.i32(18), q.i32(19)};
    return p;
}

namespace {
constexpr const char* kWordSelect =
    "SELECT w.id, w.page_id, w.block, w.line, w.ord, w.text, w.x0, w.y0, w.x1, w.y1, w.confidence, w.source, "
    "w.ocr_text, w.label_id, l.name, w.reviewed, w.edited, w.chars FROM words w "
    "LEFT JOIN labels l ON l.id = w.label_id ";

// A crafted project file can hold any integer as a coordinate; with x0 = INT_MIN and x1 = INT_MAX,
// PixelBox::width() overflows (UBSan, found with tests/fuzz/fuzz_project_rows in splitWord). No page has
// 2^28 pixels on a side, so boxes read from the file are clamped to that range: every width, height and
// sum of two coordinates then fits an int.
constexpr long long kMaxCoordinate = 1LL << 28;

WordRow readWordRow(const Query& q)
{
    const auto coordinate = [&](int c) {
        return static_cast<int>(std::clamp(q.i64(c), -kMaxCoordinate, kMaxCoordinate));
    };
    WordRow w;
    w.id = q.i64(0);
    w.pageId = q.i64(1);
    w.block = q.i32(2);
    w.line = q.i32(3);
    w.order = q.i32(4);
    w.text = q.text(5);
    w.box = {coordinate(6), coordinate(7), coordinate(8), coordinate(9)};
    if (!q.isNull(10))
        w.confidence = q.real(10);
    w.source = q.text(11);
    if (!q.isNull(12))
        w.ocrText = q.text(12);
    if (!q.isNull(13))
        w.labelId = q.i64(13);
    if (!q.isNull(14))
        w.labelName = q.text(14);
    w.reviewed = q.i32(15) != 0;
    w.edited = q.i32(16) != 0;
    w.chars = q.blob(17);
    return w;
}
} // namespace

WordRecord ProjectStore::Impl::readWord(const Query& q) const
{
    const WordRow r = readWordRow(q);
    WordRecord w;
    w.id = r.id;
    w.pageId = r.pageId;
    w.block = r.block;
    w.line = r.line;
    w.order = r.order;
    w.text = r.text;
    w.box = r.box;
    w.confidence = r.confidence;
    w.source = parseEnum(wordSourceFromString(r.source), WordSource::Ocr);
    w.ocrText = r.ocrText;
    w.labelId = r.labelId;
    w.labelName = r.labelName.value_or(QString());
    w.reviewed = r.reviewed;
    w.edited = r.edited;
    // Characters that no longer decode (should not happen: edits re-encode them) are left out.
    if (auto chars = decodeChars(r.chars, r.box, r.text))
        w.chars = std::move(*chars);
    return w;
}

std::optional<WordRow> ProjectStore::Impl::wordRow(WordId id)
{
    static const std::string sql = std::string(kWordSelect) + "WHERE w.id = ?1";
    Query q(db, sql.c_str());
    q.bind(1, id);
    if (!q.next())
        return std::nullopt;
    return readWordRow(q);
}

WordRow ProjectStore::Impl::requireWord(WordId id)
{
    auto w = wordRow(id);
    if (!w)
        fail(ErrorCode::NotFound, QStringLiteral("word %1 does not exist").arg(id));
    return *w;
}

Result<std::optional<DocumentRecord>> ProjectStore::findDocumentBySha(const QString& sha256)
{
    return guarded<std::optional<DocumentRecord>>([&]() -> std::optional<DocumentRecord> {
        if (sha256.isEmpty())
            return std::nullopt;
        static const std::string sql = std::string(kDocumentColumns) + "WHERE sha256 = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, sha256);
        if (!q.next())
            return std::nullopt;
        return m_impl->readDocument(q);
    });
}

DocumentId ProjectStore::Impl::insertDocument(const DocumentRecord& d, int pageCount, bool failed)
{
    Query q(db, "INSERT INTO documents (path, name, sha256, size, kind, page_count, imported_at, error, type) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    q.bind(1, d.path).bind(2, d.name).bindTextOrNull(3, d.sha256).bind(4, static_cast<long long>(d.size));
    q.bind(5, toString(d.kind)).bind(6, pageCount);
    q.bind(7, d.importedAt.isValid() ? d.importedAt.toUTC().toString(Qt::ISODateWithMs) : nowUtc());
    if (failed)
        q.bind(8, d.error.isEmpty() ? QStringLiteral("could not be imported") : d.error);
    else
        q.bind(8, nullptr);
    q.bind(9, d.type);
    try {
        q.run();
    } catch (const StoreFailure& e) {
        if (e.error.code == ErrorCode::InvalidInput && !d.sha256.isEmpty())
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("%1 is already in the project (same contents, sha256 %2)").arg(d.path, d.sha256));
        throw;
    }
    return sqlite3_last_insert_rowid(db.handle());
}

void ProjectStore::Impl::insertPages(DocumentId doc, const std::vector<PageInfo>& pages)
{
    const QString now = nowUtc();
    for (const PageInfo& p : pages) {
        Query q(db, "INSERT INTO pages (document_id, number, width_pt, height_pt, width_px, height_px, dpi, "
                    "rotation, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        q.bind(1, doc).bind(2, p.number).bind(3, p.widthPt).bind(4, p.heightPt).bind(5, p.widthPx);
        q.bind(6, p.heightPx).bind(7, p.dpi).bind(8, p.rotation).bind(9, now);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput, QStringLiteral("page %1 is listed twice").arg(p.number));
            throw;
        }
    }
}

Result<DocumentId> ProjectStore::addDocument(const DocumentRecord& document, const std::vector<PageInfo>& pages)
{
    return guarded<DocumentId>([&] {
        Transaction tx(m_impl->db);
        const int count = document.pageCount > 0 ? document.pageCount : static_cast<int>(pages.size());
        const DocumentId id = m_impl->insertDocument(document, count, false);
        m_impl->insertPages(id, pages);
        tx.commit();
        return id;
    });
}

Result<DocumentId> ProjectStore::addFailedDocument(const DocumentRecord& document)
{
    return guarded<DocumentId>([&] {
        Transaction tx(m_impl->db);
        // The same file failing again updates its record: by contents when known, else by path.
        std::optional<DocumentId> existing;
        bool existingFailed = false;
        if (!document.sha256.isEmpty()) {
            Query q(m_impl->db, "SELECT id, error IS NOT NULL FROM documents WHERE sha256 = ?1");
            q.bind(1, document.sha256);
            if (q.next()) {
                existing = q.i64(0);
                existingFailed = q.i32(1) != 0;
            }
        } else {
            Query q(m_impl->db, "SELECT id FROM documents WHERE sha256 IS NULL AND error IS NOT NULL AND path = ?1");
            q.bind(1, document.path);
            if (q.next()) {
                existing = q.i64(0);
                existingFailed = true;
            }
        }
        if (existing && !existingFailed)
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("%1 is already in the project as document %2").arg(document.path).arg(*existing));
        DocumentId id = 0;
        if (existing) {
            Query q(m_impl->db, "UPDATE documents SET path = ?2, name = ?3, size = ?4, kind = ?5, page_count = 0, "
                                "imported_at = ?6, error = ?7, type = ?8 WHERE id = ?1");
            q.bind(1, *existing).bind(2, document.path).bind(3, document.name);
            q.bind(4, static_cast<long long>(document.size)).bind(5, toString(document.kind));
            q.bind(6, document.importedAt.isValid() ? document.importedAt.toUTC().toString(Qt::ISODateWithMs)
                                                    : nowUtc());
            q.bind(7, document.error.isEmpty() ? QStringLiteral("could not be imported") : document.error);
            q.bind(8, document.type).run();
            id = *existing;
        } else {
            id = m_impl->insertDocument(document, 0, true);
        }
        tx.commit();
        return id;
    });
}

Status ProjectStore::replaceFailedDocument(DocumentId id, const DocumentRecord& document,
                                           const std::vector<PageInfo>& pages)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT error IS NOT NULL FROM documents WHERE id = ?1");
            q.bind(1, id);
            if (!q.next())
                fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
            if (q.i32(0) == 0)
                fail(ErrorCode::InvalidInput,
                     QStringLiteral("document %1 was imported already; only a failed import can be replaced").arg(id));
        }
        {
            Query q(m_impl->db, "DELETE FROM pages WHERE document_id = ?1");
            q.bind(1, id).run();
        }
        Query q(m_impl->db, "UPDATE documents SET path = ?2, name = ?3, sha256 = ?4, size = ?5, kind = ?6, "
                            "page_count = ?7, imported_at = ?8, error = NULL, type = ?9 WHERE id = ?1");
        q.bind(1, id).bind(2, document.path).bind(3, document.name).bindTextOrNull(4, document.sha256);
        q.bind(5, static_cast<long long>(document.size)).bind(6, toString(document.kind));
        q.bind(7, document.pageCount > 0 ? document.pageCount : static_cast<int>(pages.size()));
        q.bind(8, document.importedAt.isValid() ? document.importedAt.toUTC().toString(Qt::ISODateWithMs) : nowUtc());
        q.bind(9, document.type);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput,
                     QStringLiteral("%1 is already in the project (same contents)").arg(document.path));
            throw;
        }
        m_impl->insertPages(id, pages);
        tx.commit();
    });
}

Result<std::vector<DocumentRecord>> ProjectStore::documents()
{
    return guarded<std::vector<DocumentRecord>>([&] {
        static const std::string sql = std::string(kDocumentColumns) + "ORDER BY id";
        Query q(m_impl->db, sql.c_str());
        std::vector<DocumentRecord> out;
        while (q.next())
            out.push_back(m_impl->readDocument(q));
        return out;
    });
}

Result<DocumentRecord> ProjectStore::document(DocumentId id)
{
    return guarded<DocumentRecord>([&] {
        static const std::string sql = std::string(kDocumentColumns) + "WHERE id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
        return m_impl->readDocument(q);
    });
}

Result<std::vector<PageRecord>> ProjectStore::pages(DocumentId id)
{
    return guarded<std::vector<PageRecord>>([&] {
        static const std::string sql = std::string(kPageColumns) + "WHERE document_id = ?1 ORDER BY number";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        std::vector<PageRecord> out;
        while (q.next())
            out.push_back(m_impl->readPage(q));
        return out;
    });
}

Result<PageRecord> ProjectStore::page(PageId id)
{
    return guarded<PageRecord>([&] {
        static const std::string sql = std::string(kPageColumns) + "WHERE id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(id));
        return m_impl->readPage(q);
    });
}

Result<std::vector<WordRecord>> ProjectStore::words(PageId id)
{
    return guarded<std::vector<WordRecord>>([&] {
        static const std::string sql = std::string(kWordSelect) + "WHERE w.page_id = ?1 ORDER BY w.ord, w.id";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        std::vector<WordRecord> out;
        while (q.next())
            out.push_back(m_impl->readWord(q));
        return out;
    });
}

// ---- the processing queue --------------------------------------------------------------------------

Result<int> ProjectStore::recoverInterrupted()
{
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "UPDATE pages SET status = 'queued', updated_at = ?1 WHERE status = 'processing'");
        const int n = q.bind(1, nowUtc()).run();
        tx.commit();
        return n;
    });
}

Result<std::vector<PageJob>> ProjectStore::jobs(PageStatus status)
{
    return guarded<std::vector<PageJob>>([&] {
        Query q(m_impl->db, "SELECT p.id, p.document_id, d.path, d.kind, p.number, p.attempts FROM pages p "
                            "JOIN documents d ON d.id = p.document_id WHERE p.status = ?1 "
                            "ORDER BY p.document_id, p.number");
        q.bind(1, toString(status));
        std::vector<PageJob> out;
        while (q.next()) {
            PageJob j;
            j.pageId = q.i64(0);
            j.documentId = q.i64(1);
            j.path = q.text(2);
            j.kind = parseEnum(documentKindFromString(q.text(3)), DocumentKind::Pdf);
            j.number = q.i32(4);
            j.attempts = q.i32(5);
            out.push_back(std::move(j));
        }
        return out;
    });
}

Result<int> ProjectStore::requeueFailed()
{
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        Query q(m_impl->db,
                "UPDATE pages SET status = 'queued', error = NULL, updated_at = ?1 WHERE status = 'failed'");
        const int n = q.bind(1, nowUtc()).run();
        tx.commit();
        return n;
    });
}

Result<int> ProjectStore::requeueAll()
{
    // Pages `processing` belong to a run in progress (or to recoverInterrupted) and are left alone.
    // Words stay: storeOutcomes replaces the unedited ones when each page is done again.
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "UPDATE pages SET status = 'queued', updated_at = ?1 WHERE status IN ('done', 'failed')");
        const int n = q.bind(1, nowUtc()).run();
        tx.commit();
        return n;
    });
}

void ProjectStore::Impl::markProcessingTx(const std::vector<PageId>& pages)
{
    const QString now = nowUtc();
    for (PageId id : pages) {
        Query q(db, "UPDATE pages SET status = 'processing', attempts = attempts + 1, updated_at = ?2 WHERE id = ?1");
        if (q.bind(1, id).bind(2, now).run() == 0)
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(id));
    }
}

Status ProjectStore::markProcessing(const std::vector<PageId>& pages)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        m_impl->markProcessingTx(pages);
        tx.commit();
    });
}

WordId ProjectStore::Impl::insertWord(PageId page, const RecognizedWord& w, int order, int block, int line,
                                      WordSource source)
{
    Query q(db, "INSERT INTO words (page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, chars) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    q.bind(1, page).bind(2, block).bind(3, line).bind(4, order).bind(5, w.text);
    q.bind(6, w.box.x0).bind(7, w.box.y0).bind(8, w.box.x1).bind(9, w.box.y1);
    q.bind(10, static_cast<double>(w.confidence)).bind(11, toString(source));
    const QByteArray chars = encodeChars(w.chars, w.box, w.text);
    q.bind(12, chars.isEmpty() ? QByteArray() : chars);
    q.run();
    return sqlite3_last_insert_rowid(db.handle());
}

void ProjectStore::Impl::storeOutcomeTx(const PageOutcome& o, const QString& now)
{
    if (o.status == PageStatus::Failed) {
        // A failed attempt keeps whatever the page had (words from an earlier run, edits).
        Query q(db, "UPDATE pages SET status = 'failed', error = ?2, updated_at = ?3 WHERE id = ?1");
        q.bind(1, o.pageId).bind(2, o.error.isEmpty() ? QStringLiteral("failed") : o.error).bind(3, now);
        if (q.run() == 0)
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(o.pageId));
        return;
    }
    if (o.status != PageStatus::Done)
        fail(ErrorCode::InvalidInput,
             QStringLiteral("page %1: an outcome must be done or failed, not %2").arg(o.pageId).arg(toString(o.status)));

    {
        // Point sizes of 0 mean "not known here" (image files): keep what the import stored.
        Query q(db, "UPDATE pages SET status = 'done', kind = ?2, error = ?3, width_px = ?4, height_px = ?5, "
                    "dpi = ?6, rotation = ?7, width_pt = CASE WHEN ?8 > 0 THEN ?8 ELSE width_pt END, "
                    "height_pt = CASE WHEN ?9 > 0 THEN ?9 ELSE height_pt END, engine = ?10, render_ms = ?11, "
                    "classify_ms = ?12, prepare_ms = ?13, ocr_ms = ?14, total_ms = ?15, updated_at = ?16 "
                    "WHERE id = ?1");
        q.bind(1, o.pageId).bind(2, toString(o.kind)).bindTextOrNull(3, o.error).bind(4, o.widthPx);
        q.bind(5, o.heightPx).bind(6, o.dpi).bind(7, o.rotation).bind(8, o.widthPt).bind(9, o.heightPt);
        q.bindTextOrNull(10, o.engine.isEmpty() ? o.result.engine : o.engine);
        q.bind(11, o.timings.renderMs).bind(12, o.timings.classifyMs).bind(13, o.timings.prepareMs);
        q.bind(14, o.timings.ocrMs).bind(15, o.timings.totalMs).bind(16, now);
        if (q.run() == 0)
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(o.pageId));
    }

    // Words a person edited or drew survive; everything else the recognizer wrote is replaced.
    struct Kept {
        WordId id;
        PixelBox box;
        int order;
    };
    std::vector<Kept> kept;
    {
        Query q(db, "SELECT id, x0, y0, x1, y1, ord FROM words WHERE page_id = ?1 AND (source = 'user' OR edited = 1) "
                    "ORDER BY ord, id");
        q.bind(1, o.pageId);
        while (q.next())
            kept.push_back({q.i64(0), {q.i32(1), q.i32(2), q.i32(3), q.i32(4)}, q.i32(5)});
    }
    {
        Query q(db, "DELETE FROM words WHERE page_id = ?1 AND source != 'user' AND edited = 0");
        q.bind(1, o.pageId).run();
    }

    // New words in reading order (block, line, then left to right), minus those a kept word replaces.
    std::vector<const RecognizedWord*> fresh;
    fresh.reserve(o.result.words.size());
    for (const RecognizedWord& w : o.result.words) {
        const bool covered = std::any_of(kept.begin(), kept.end(),
                                         [&](const Kept& k) { return k.box.iou(w.box) >= kKeepOverlapIou; });
        if (!covered)
            fresh.push_back(&w);
    }
    std::stable_sort(fresh.begin(), fresh.end(), [](const RecognizedWord* a, const RecognizedWord* b) {
        if (a->block != b->block)
            return a->block < b->block;
        if (a->line != b->line)
            return a->line < b->line;
        return a->box.x0 < b->box.x0;
    });

    if (kept.empty()) {
        const WordSource source = o.source == WordSource::User ? WordSource::Ocr : o.source;
        for (std::size_t i = 0; i < fresh.size(); ++i)
            insertWord(o.pageId, *fresh[i], static_cast<int>(i), fresh[i]->block, fresh[i]->line, source);
        return;
    }

    // Slot each kept word into the new order; kept words in the same slot keep their old order.
    std::vector<OrderedBox> ordered;
    ordered.reserve(fresh.size());
    for (const RecognizedWord* w : fresh)
        ordered.push_back({w->box, w->block, w->line});
    struct Slotted {
        Placement place;
        const Kept* word;
    };
    std::vector<Slotted> slotted;
    for (const Kept& k : kept)
        slotted.push_back({placeInReadingOrder(ordered, k.box), &k});
    std::stable_sort(slotted.begin(), slotted.end(),
                     [](const Slotted& a, const Slotted& b) { return a.place.slot < b.place.slot; });

    const WordSource source = o.source == WordSource::User ? WordSource::Ocr : o.source;
    int order = 0;
    std::size_t next = 0;
    auto emitKept = [&](std::size_t slot) {
        while (next < slotted.size() && slotted[next].place.slot == slot) {
            const Slotted& s = slotted[next++];
            if (s.place.adoptLine) {
                Query q(db, "UPDATE words SET ord = ?2, block = ?3, line = ?4 WHERE id = ?1");
                q.bind(1, s.word->id).bind(2, order).bind(3, s.place.block).bind(4, s.place.line).run();
            } else {
                Query q(db, "UPDATE words SET ord = ?2 WHERE id = ?1");
                q.bind(1, s.word->id).bind(2, order).run();
            }
            ++order;
        }
    };
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        emitKept(i);
        insertWord(o.pageId, *fresh[i], order++, fresh[i]->block, fresh[i]->line, source);
    }
    emitKept(fresh.size());
}

void ProjectStore::Impl::storeOutcomesTx(const std::vector<PageOutcome>& outcomes)
{
    const QString now = nowUtc();
    for (const PageOutcome& o : outcomes)
        storeOutcomeTx(o, now);
}

Status ProjectStore::storeOutcomes(const std::vector<PageOutcome>& outcomes)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        m_impl->storeOutcomesTx(outcomes);
        tx.commit();
    });
}

Status ProjectStore::commitBatch(const std::vector<PageId>& claims, const std::vector<PageOutcome>& outcomes)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        m_impl->markProcessingTx(claims);
        m_impl->storeOutcomesTx(outcomes);
        tx.commit();
    });
}

// ---- consistent reads -------------------------------------------------------------------------------

Status ProjectStore::beginSnapshot()
{
    return guardedStatus([&] {
        m_impl->db.exec("BEGIN", QStringLiteral("reading the project"));
        // A deferred BEGIN takes its snapshot at the first read: read now, so the snapshot is this moment.
        try {
            Query q(m_impl->db, "SELECT count(*) FROM documents");
            q.next();
        } catch (...) {
            sqlite3_exec(m_impl->db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    });
}

Status ProjectStore::endSnapshot()
{
    return guardedStatus([&] {
        if (!sqlite3_get_autocommit(m_impl->db.handle()))
            m_impl->db.exec("COMMIT", QStringLiteral("reading the project"));
    });
}

// ---- reporting -------------------------------------------------------------------------------------

Result<ProjectSummary> ProjectStore::summary()
{
    return guarded<ProjectSummary>([&] {
        ProjectSummary s;
        // One read transaction so the counts agree with each other while a writer commits.
        m_impl->db.exec("BEGIN", QStringLiteral("reading the project"));
        struct EndRead {
            Db& db;
            ~EndRead() { sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr); }
        } endRead{m_impl->db};
        {
            Query q(m_impl->db, "SELECT count(*), coalesce(sum(error IS NOT NULL), 0) FROM documents");
            if (q.next()) {
                s.documents = q.i32(0);
                s.failedDocuments = q.i32(1);
            }
        }
        {
            Query q(m_impl->db,
                    "SELECT count(*), coalesce(sum(status = 'queued'), 0), coalesce(sum(status = 'processing'), 0), "
                    "coalesce(sum(status = 'done'), 0), coalesce(sum(status = 'failed'), 0), "
                    "coalesce(sum(kind = 'scanned'), 0), coalesce(sum(kind = 'text-layer'), 0), "
                    "coalesce(sum(kind = 'blank'), 0), coalesce(sum(kind = 'unknown'), 0), "
                    "coalesce(sum(review = 'reviewed'), 0) FROM pages");
            if (q.next()) {
                s.pages = q.i32(0);
                s.queued = q.i32(1);
                s.processing = q.i32(2);
                s.done = q.i32(3);
                s.failed = q.i32(4);
                s.scanned = q.i32(5);
                s.textLayer = q.i32(6);
                s.blank = q.i32(7);
                s.unknownKind = q.i32(8);
                s.reviewedPages = q.i32(9);
            }
        }
        {
            Query q(m_impl->db, "SELECT count(*) FROM words");
            if (q.next())
                s.words = q.i64(0);
        }
        return s;
    });
}

Result<std::vector<FailureRecord>> ProjectStore::failures()
{
    return guarded<std::vector<FailureRecord>>([&] {
        std::vector<FailureRecord> out;
        Query q(m_impl->db,
                "SELECT id, path, 0, error FROM documents WHERE error IS NOT NULL "
                "UNION ALL "
                "SELECT d.id, d.path, p.number, coalesce(p.error, '') FROM pages p JOIN documents d "
                "ON d.id = p.document_id WHERE p.status = 'failed' "
                "ORDER BY 1, 3");
        while (q.next())
            out.push_back({q.i64(0), q.text(1), q.i32(2), q.text(3)});
        return out;
    });
}

// ---- labels --------------------------------------------------------------------------------------------

Result<std::vector<LabelRecord>> ProjectStore::labels()
{
    return guarded<std::vector<LabelRecord>>([&] {
        Query q(m_impl->db, "SELECT id, name, color, shortcut FROM labels ORDER BY id");
        std::vector<LabelRecord> out;
        while (q.next())
            out.push_back({q.i64(0), q.text(1), q.text(2), q.text(3)});
        return out;
    });
}

Result<LabelId> ProjectStore::addLabel(const LabelRecord& label)
{
    return guarded<LabelId>([&] {
        if (label.name.trimmed().isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a label needs a name"));
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "INSERT INTO labels (name, color, shortcut) VALUES (?1, ?2, ?3)");
        q.bind(1, label.name.trimmed()).bind(2, label.color).bind(3, label.shortcut);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput, QStringLiteral("a label named %1 already exists").arg(label.name));
            throw;
        }
        const LabelId id = sqlite3_last_insert_rowid(m_impl->db.handle());
        tx.commit();
        return id;
    });
}

// ---- edits ------------------------------------------------------------------------------------------

long long ProjectStore::Impl::nextGroup()
{
    long long last = 0;
    {
        Query q(db, "SELECT max(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_edit_group'), 0), "
                    "coalesce((SELECT max(group_id) FROM edits), 0))");
        if (q.next())
            last = q.i64(0);
    }
    // The counter comes from the file: a crafted project can hold the largest integer there, and + 1
    // would overflow (UBSan, found by tests/fuzz/fuzz_project_rows). No real history gets near it.
    if (last == std::numeric_limits<long long>::max())
        fail(ErrorCode::Storage,
             QStringLiteral("project file is damaged: the edit history counter is out of range"));
    Query q(db, "INSERT INTO meta (key, value) VALUES ('last_edit_group', ?1) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, QString::number(last + 1)).run();
    return last + 1;
}

void ProjectStore::Impl::recordEdit(long long group, PageId page, std::optional<WordId> word, const char* action,
                                    const QJsonObject& before, const QJsonObject& after)
{
    Query q(db, "INSERT INTO edits (group_id, page_id, word_id, action, before, after, author, at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    q.bind(1, group).bind(2, page).bind(3, word).bind(4, QString::fromLatin1(action));
    q.bind(5, toJson(before)).bind(6, toJson(after)).bind(7, author).bind(8, nowUtc()).run();
}

void ProjectStore::Impl::renumber(PageId page)
{
    std::vector<std::pair<WordId, int>> rows;
    {
        Query q(db, "SELECT id, ord FROM words WHERE page_id = ?1 ORDER BY ord, id");
        q.bind(1, page);
        while (q.next())
            rows.emplace_back(q.i64(0), q.i32(1));
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].second == static_cast<int>(i))
            continue;
        Query q(db, "UPDATE words SET ord = ?2 WHERE id = ?1");
        q.bind(1, rows[i].first).bind(2, static_cast<int>(i)).run();
    }
}

Result<long long> ProjectStore::beginEditGroup()
{
    return guarded<long long>([&] {
        Transaction tx(m_impl->db);
        const long long g = m_impl->nextGroup();
        tx.commit();
        return g;
    });
}

Result<WordId> ProjectStore::addUserWord(PageId page, const WordRecord& word, long long group)
{
    return guarded<WordId>([&] {
        if (word.box.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a word needs a box with a width and a height"));
        Transaction tx(m_impl->db);
        Db& db = m_impl->db;
        {
            Query q(db, "SELECT 1 FROM pages WHERE id = ?1");
            if (!q.bind(1, page).next())
                fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(page));
        }
        std::vector<OrderedBox> ordered;
        {
            Query q(db, "SELECT x0, y0, x1, y1, block, line FROM words WHERE page_id = ?1 ORDER BY ord, id");
            q.bind(1, page);
            while (q.next())
                ordered.push_back({{q.i32(0), q.i32(1), q.i32(2), q.i32(3)}, q.i32(4), q.i32(5)});
        }
        m_impl->renumber(page); // make ord match positions in `ordered` before shifting
        const Placement place = placeInReadingOrder(ordered, word.box);
        {
            Query q(db, "UPDATE words SET ord = ord + 1 WHERE page_id = ?1 AND ord >= ?2");
            q.bind(1, page).bind(2, static_cast<int>(place.slot)).run();
        }
        const long long g = m_impl->groupOr(group);
        Query q(db, "INSERT INTO words (page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, "
                    "label_id, reviewed, edited, chars) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, 'user', "
                    "?10, ?11, 0, ?12)");
        q.bind(1, page).bind(2, place.adoptLine ? place.block : word.block);
        q.bind(3, place.adoptLine ? place.line : word.line).bind(4, static_cast<int>(place.slot));
        q.bind(5, word.text).bind(6, word.box.x0).bind(7, word.box.y0).bind(8, word.box.x1).bind(9, word.box.y1);
        q.bind(10, word.labelId).bind(11, word.reviewed);
        const QByteArray chars = encodeChars(word.chars, word.box, word.text);
        q.bind(12, chars.isEmpty() ? QByteArray() : chars);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput && word.labelId)
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(*word.labelId));
            throw;
        }
        const WordId id = sqlite3_last_insert_rowid(db.handle());
        m_impl->recordEdit(g, page, id, "add", QJsonObject{}, fullWordJson(m_impl->requireWord(id)));
        tx.commit();
        return id;
    });
}

Status ProjectStore::updateWordText(WordId word, const QString& text, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        if (w.text == text)
            return; // nothing changes: no history entry
        // The first change of a recognizer's word keeps what the engine read.
        const std::optional<QString> ocrText =
            w.source != QLatin1String("user") && !w.ocrText ? std::optional<QString>(w.text) : w.ocrText;
        const long long g = m_impl->groupOr(group);
        // The per-character data describes the old text; it goes (into the history, for undo).
        Query q(m_impl->db, "UPDATE words SET text = ?2, ocr_text = ?3, edited = 1, chars = NULL WHERE id = ?1");
        q.bind(1, word).bind(2, text).bind(3, ocrText).run();
        QJsonObject before{{QStringLiteral("text"), w.text},
                           {QStringLiteral("ocr_text"), jsonOrNull(w.ocrText)},
                           {QStringLiteral("edited"), w.edited},
                           {QStringLiteral("chars"), charsJson(w.chars)}};
        QJsonObject after{{QStringLiteral("text"), text},
                          {QStringLiteral("ocr_text"), jsonOrNull(ocrText)},
                          {QStringLiteral("edited"), true},
                          {QStringLiteral("chars"), QJsonValue(QJsonValue::Null)}};
        m_impl->recordEdit(g, w.pageId, word, "text", before, after);
        tx.commit();
    });
}

Status ProjectStore::updateWordBox(WordId word, const PixelBox& box, long long group)
{
    return guardedStatus([&] {
        if (box.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a word needs a box with a width and a height"));
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        if (w.box == box && w.edited)
            return;
        const long long g = m_impl->groupOr(group);
        // Character boxes are stored relative to the word box: re-encode them so they stay where they are.
        QByteArray chars = w.chars;
        if (!chars.isEmpty()) {
            auto decoded = decodeChars(chars, w.box, w.text);
            chars = decoded ? encodeChars(*decoded, box, w.text) : QByteArray();
        }
        Query q(m_impl->db, "UPDATE words SET x0 = ?2, y0 = ?3, x1 = ?4, y1 = ?5, edited = 1, chars = ?6 WHERE id = ?1");
        q.bind(1, word).bind(2, box.x0).bind(3, box.y0).bind(4, box.x1).bind(5, box.y1);
        q.bind(6, chars.isEmpty() ? QByteArray() : chars).run();
        auto boxJson = [](const PixelBox& b, bool edited) {
            return QJsonObject{{QStringLiteral("x0"), b.x0},
                               {QStringLiteral("y0"), b.y0},
                               {QStringLiteral("x1"), b.x1},
                               {QStringLiteral("y1"), b.y1},
                               {QStringLiteral("edited"), edited}};
        };
        m_impl->recordEdit(g, w.pageId, word, "box", boxJson(w.box, w.edited), boxJson(box, true));
        tx.commit();
    });
}

Status ProjectStore::setWordLabel(WordId word, std::optional<LabelId> label, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        std::optional<QString> newName;
        if (label) {
            Query q(m_impl->db, "SELECT name FROM labels WHERE id = ?1");
            if (!q.bind(1, *label).next())
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(*label));
            newName = q.text(0);
        }
        if (w.labelId == label && w.edited)
            return;
        const long long g = m_impl->groupOr(group);
        Query q(m_impl->db, "UPDATE words SET label_id = ?2, edited = 1 WHERE id = ?1");
        q.bind(1, word).bind(2, label).run();
        auto labelJson = [](std::optional<LabelId> id, const std::optional<QString>& name, bool edited) {
            return QJsonObject{{QStringLiteral("label_id"), id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("label"), jsonOrNull(name)},
                               {QStringLiteral("edited"), edited}};
        };
        m_impl->recordEdit(g, w.pageId, word, "label", labelJson(w.labelId, w.labelName, w.edited),
                           labelJson(label, newName, true));
        tx.commit();
    });
}

Status ProjectStore::deleteWord(WordId word, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        const long long g = m_impl->groupOr(group);
        {
            Query q(m_impl->db, "DELETE FROM words WHERE id = ?1");
            q.bind(1, word).run();
        }
        m_impl->renumber(w.pageId);
        // All fields go into the history so undo can put the word back as it was.
        m_impl->recordEdit(g, w.pageId, word, "delete", fullWordJson(w), QJsonObject{});
        tx.commit();
    });
}

Status ProjectStore::setPageReview(PageId page, ReviewStatus review, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        QString old;
        {
            Query q(m_impl->db, "SELECT review FROM pages WHERE id = ?1");
            if (!q.bind(1, page).next())
                fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(page));
            old = q.text(0);
        }
        const QString now = toString(review);
        if (old == now)
            return;
        const long long g = m_impl->groupOr(group);
        Query q(m_impl->db, "UPDATE pages SET review = ?2 WHERE id = ?1");
        q.bind(1, page).bind(2, now).run();
        m_impl->recordEdit(g, page, std::nullopt, "review", QJsonObject{{QStringLiteral("review"), old}},
                           QJsonObject{{QStringLiteral("review"), now}});
        tx.commit();
    });
}

Result<std::vector<EditRecord>> ProjectStore::edits(PageId page)
{
    return guarded<std::vector<EditRecord>>([&] {
        Query q(m_impl->db, "SELECT id, group_id, page_id, coalesce(word_id, 0), action, before, after, author, at, "
                            "undone FROM edits WHERE page_id = ?1 ORDER BY id");
        q.bind(1, page);
        std::vector<EditRecord> out;
        while (q.next()) {
            EditRecord e;
            e.id = q.i64(0);
            e.groupId = q.i64(1);
            e.pageId = q.i64(2);
            e.wordId = q.i64(3);
            e.action = q.text(4);
            e.before = q.text(5);
            e.after = q.text(6);
            e.author = q.text(7);
            e.at = parseTime(q.text(8));
            e.undone = q.i32(9) != 0;
            out.push_back(std::move(e));
        }
        return out;
    });
}

// ---- editing for the app ----------------------------------------------------------------------------
// Undo and redo work from the edit history itself: every edit row holds the changed fields before and
// after, so reverting a group is applying its `before` states newest first (redo: `after`, oldest
// first). One transaction per call: an undo that cannot be applied completely changes nothing.

namespace {

std::optional<QString> optText(const QJsonValue& v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

QByteArray charsFromJson(const QJsonValue& v)
{
    return v.isString() ? QByteArray::fromBase64(v.toString().toLatin1()) : QByteArray();
}

std::vector<WordId> uniqueIds(const std::vector<WordId>& ids)
{
    std::vector<WordId> out;
    for (WordId id : ids)
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    return out;
}

QJsonObject editableFields(const WordRow& w)
{
    QJsonObject o = fullWordJson(w);
    // Identity and position are not fields an edit sets: the row keeps its id, page and slot.
    o.remove(QStringLiteral("id"));
    o.remove(QStringLiteral("page_id"));
    o.remove(QStringLiteral("ord"));
    return o;
}

} // namespace

std::vector<EditRecord> ProjectStore::Impl::groupEdits(long long group)
{
    Query q(db, "SELECT id, group_id, page_id, coalesce(word_id, 0), action, before, after, author, at, undone "
                "FROM edits WHERE group_id = ?1 ORDER BY id");
    q.bind(1, group);
    std::vector<EditRecord> out;
    while (q.next()) {
        EditRecord e;
        e.id = q.i64(0);
        e.groupId = q.i64(1);
        e.pageId = q.i64(2);
        e.wordId = q.i64(3);
        e.action = q.text(4);
        e.before = q.text(5);
        e.after = q.text(6);
        e.author = q.text(7);
        e.at = parseTime(q.text(8));
        e.undone = q.i32(9) != 0;
        out.push_back(std::move(e));
    }
    return out;
}

void ProjectStore::Impl::deleteWordTx(WordId word, long long group, const char* action)
{
    const WordRow w = requireWord(word);
    {
        Query q(db, "DELETE FROM words WHERE id = ?1");
        q.bind(1, word).run();
    }
    renumber(w.pageId);
    recordEdit(group, w.pageId, word, action, fullWordJson(w), QJsonObject{});
}

// Puts a word back with its id, at the reading-order slot it had (its `ord` in the JSON).
void ProjectStore::Impl::insertWordFromJson(const QJsonObject& o)
{
    const WordId id = o.value(QStringLiteral("id")).toInteger();
    const PageId page = o.value(QStringLiteral("page_id")).toInteger();
    if (id <= 0 || page <= 0)
        fail(ErrorCode::Internal, QStringLiteral("an edit history entry lacks the word's id or page"));
    if (wordRow(id))
        fail(ErrorCode::InvalidInput, QStringLiteral("word %1 exists already").arg(id));
    {
        Query q(db, "SELECT 1 FROM pages WHERE id = ?1");
        if (!q.bind(1, page).next())
            fail(ErrorCode::NotFound, QStringLiteral("page %1 no longer exists").arg(page));
    }
    renumber(page);
    const int ord = o.value(QStringLiteral("ord")).toInt();
    {
        Query q(db, "UPDATE words SET ord = ord + 1 WHERE page_id = ?1 AND ord >= ?2");
        q.bind(1, page).bind(2, ord).run();
    }
    Query q(db, "INSERT INTO words (id, page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, "
                "ocr_text, label_id, reviewed, edited, chars) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                "?12, ?13, ?14, ?15, ?16, ?17)");
    q.bind(1, id).bind(2, page).bind(3, o.value(QStringLiteral("block")).toInt());
    q.bind(4, o.value(QStringLiteral("line")).toInt()).bind(5, ord).bind(6, o.value(QStringLiteral("text")).toString());
    q.bind(7, o.value(QStringLiteral("x0")).toInt()).bind(8, o.value(QStringLiteral("y0")).toInt());
    q.bind(9, o.value(QStringLiteral("x1")).toInt()).bind(10, o.value(QStringLiteral("y1")).toInt());
    const QJsonValue conf = o.value(QStringLiteral("confidence"));
    if (conf.isDouble())
        q.bind(11, conf.toDouble());
    else
        q.bind(11, nullptr);
    q.bind(12, o.value(QStringLiteral("source")).toString(QStringLiteral("user")));
    q.bind(13, optText(o.value(QStringLiteral("ocr_text"))));
    const QJsonValue label = o.value(QStringLiteral("label_id"));
    if (label.isDouble())
        q.bind(14, static_cast<long long>(label.toInteger()));
    else
        q.bind(14, nullptr);
    q.bind(15, o.value(QStringLiteral("reviewed")).toBool()).bind(16, o.value(QStringLiteral("edited")).toBool());
    q.bind(17, charsFromJson(o.value(QStringLiteral("chars"))));
    q.run();
    renumber(page);
}

// Sets the fields present in `o` (a `before` or `after` state of an update edit).
void ProjectStore::Impl::updateWordFromJson(WordId word, const QJsonObject& o)
{
    const WordRow w = requireWord(word);
    WordRow n = w;
    auto has = [&](const char* key) { return o.contains(QLatin1String(key)); };
    auto val = [&](const char* key) { return o.value(QLatin1String(key)); };
    if (has("text"))
        n.text = val("text").toString();
    if (has("ocr_text"))
        n.ocrText = optText(val("ocr_text"));
    if (has("x0"))
        n.box = {val("x0").toInt(), val("y0").toInt(), val("x1").toInt(), val("y1").toInt()};
    if (has("confidence"))
        n.confidence = val("confidence").isDouble() ? std::optional<double>(val("confidence").toDouble()) : std::nullopt;
    if (has("source"))
        n.source = val("source").toString();
    if (has("label_id"))
        n.labelId = val("label_id").isDouble() ? std::optional<LabelId>(val("label_id").toInteger()) : std::nullopt;
    if (has("reviewed"))
        n.reviewed = val("reviewed").toBool();
    if (has("edited"))
        n.edited = val("edited").toBool();
    if (has("block"))
        n.block = val("block").toInt();
    if (has("line"))
        n.line = val("line").toInt();
    if (has("chars")) {
        n.chars = charsFromJson(val("chars"));
    } else if (n.box != w.box && !w.chars.isEmpty()) {
        // A box edit's state has no characters: they are relative to the box, so re-encode them.
        auto decoded = decodeChars(w.chars, w.box, w.text);
        n.chars = decoded ? encodeChars(*decoded, n.box, n.text) : QByteArray();
    }
    Query q(db, "UPDATE words SET text = ?2, ocr_text = ?3, x0 = ?4, y0 = ?5, x1 = ?6, y1 = ?7, confidence = ?8, "
                "source = ?9, label_id = ?10, reviewed = ?11, edited = ?12, block = ?13, line = ?14, chars = ?15 "
                "WHERE id = ?1");
    q.bind(1, word).bind(2, n.text).bind(3, n.ocrText).bind(4, n.box.x0).bind(5, n.box.y0).bind(6, n.box.x1);
    q.bind(7, n.box.y1).bind(8, n.confidence).bind(9, n.source).bind(10, n.labelId).bind(11, n.reviewed);
    q.bind(12, n.edited).bind(13, n.block).bind(14, n.line).bind(15, n.chars.isEmpty() ? QByteArray() : n.chars);
    q.run();
}

void ProjectStore::Impl::applyEdit(const EditRecord& e, bool undo)
{
    const QJsonObject before = QJsonDocument::fromJson(e.before.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
    const QJsonObject& target = undo ? before : after;
    const QJsonObject& from = undo ? after : before;
    if (e.wordId == 0) { // a page-level edit
        if (target.contains(QStringLiteral("review"))) {
            Query q(db, "UPDATE pages SET review = ?2 WHERE id = ?1");
            if (q.bind(1, e.pageId).bind(2, target.value(QStringLiteral("review")).toString()).run() == 0)
                fail(ErrorCode::NotFound, QStringLiteral("page %1 no longer exists").arg(e.pageId));
        }
        return;
    }
    if (target.isEmpty()) { // the word did not exist in the target state
        const WordRow w = requireWord(e.wordId);
        Query q(db, "DELETE FROM words WHERE id = ?1");
        q.bind(1, e.wordId).run();
        renumber(w.pageId);
    } else if (from.isEmpty()) { // the word comes back
        insertWordFromJson(target);
    } else {
        updateWordFromJson(e.wordId, target);
    }
}

Result<std::optional<WordRecord>> ProjectStore::word(WordId id)
{
    return guarded<std::optional<WordRecord>>([&]() -> std::optional<WordRecord> {
        static const std::string sql = std::string(kWordSelect) + "WHERE w.id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        if (!q.next())
            return std::nullopt;
        return m_impl->readWord(q);
    });
}

Status ProjectStore::setWordsLabel(const std::vector<WordId>& words, std::optional<LabelId> label, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        std::optional<QString> newName;
        if (label) {
            Query q(m_impl->db, "SELECT name FROM labels WHERE id = ?1");
            if (!q.bind(1, *label).next())
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(*label));
            newName = q.text(0);
        }
        auto labelJson = [](std::optional<LabelId> id, const std::optional<QString>& name, bool edited) {
            return QJsonObject{{QStringLiteral("label_id"), id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("label"), jsonOrNull(name)},
                               {QStringLiteral("edited"), edited}};
        };
        long long g = 0;
        for (WordId word : uniqueIds(words)) {
            const WordRow w = m_impl->requireWord(word);
            if (w.labelId == label && w.edited)
                continue;
            if (g == 0)
                g = m_impl->groupOr(group);
            Query q(m_impl->db, "UPDATE words SET label_id = ?2, edited = 1 WHERE id = ?1");
            q.bind(1, word).bind(2, label).run();
            m_impl->recordEdit(g, w.pageId, word, "label", labelJson(w.labelId, w.labelName, w.edited),
                               labelJson(label, newName, true));
        }
        tx.commit();
    });
}

Status ProjectStore::setWordsReviewed(const std::vector<WordId>& words, bool reviewed, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        long long g = 0;
        for (WordId word : uniqueIds(words)) {
            const WordRow w = m_impl->requireWord(word);
            if (w.reviewed == reviewed)
                continue;
            if (g == 0)
                g = m_impl->groupOr(group);
            Query q(m_impl->db, "UPDATE words SET reviewed = ?2 WHERE id = ?1");
            q.bind(1, word).bind(2, reviewed).run();
            m_impl->recordEdit(g, w.pageId, word, "reviewed", QJsonObject{{QStringLiteral("reviewed"), w.reviewed}},
                               QJsonObject{{QStringLiteral("reviewed"), reviewed}});
        }
        tx.commit();
    });
}

Status ProjectStore::deleteWords(const std::vector<WordId>& words, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const std::vector<WordId> ids = uniqueIds(words);
        if (ids.empty())
            return;
        const long long g = m_impl->groupOr(group);
        for (WordId word : ids)
            m_impl->deleteWordTx(word, g, "delete");
        tx.commit();
    });
}

Result<WordId> ProjectStore::mergeWords(const std::vector<WordId>& words, long long group)
{
    return guarded<WordId>([&] {
        Transaction tx(m_impl->db);
        Impl& d = *m_impl;
        const std::vector<WordId> ids = uniqueIds(words);
        if (ids.size() < 2)
            fail(ErrorCode::InvalidInput, QStringLiteral("merging needs at least two words"));
        std::vector<WordRow> rows;
        for (WordId id : ids)
            rows.push_back(d.requireWord(id));
        for (const WordRow& r : rows)
            if (r.pageId != rows.front().pageId)
                fail(ErrorCode::InvalidInput, QStringLiteral("only words of one page can be merged"));
        d.renumber(rows.front().pageId);
        for (WordRow& r : rows)
            r = d.requireWord(r.id); // ord after renumbering
        std::sort(rows.begin(), rows.end(), [](const WordRow& a, const WordRow& b) { return a.order < b.order; });

        const WordRow& first = rows.front();
        WordRow merged = first;
        QStringList texts, ocrTexts;
        bool anyRecognized = false, allChars = true, allReviewed = true;
        std::vector<RecognizedChar> chars;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const WordRow& r = rows[i];
            texts << r.text;
            ocrTexts << r.ocrText.value_or(r.text);
            anyRecognized = anyRecognized || r.source != QLatin1String("user");
            allReviewed = allReviewed && r.reviewed;
            if (i > 0) {
                merged.box = merged.box.united(r.box);
                if (r.confidence && (!merged.confidence || *r.confidence < *merged.confidence))
                    merged.confidence = r.confidence;
                if (!merged.labelId)
                    merged.labelId = r.labelId;
            }
            auto decoded = r.chars.isEmpty() ? std::nullopt : decodeChars(r.chars, r.box, r.text);
            if (!decoded || decoded->empty()) {
                allChars = false;
                continue;
            }
            if (i > 0 && !chars.empty()) {
                // The joining space gets the gap between the two words as its box, so a later split
                // at that space cuts where the words met.
                const PixelBox& prev = chars.back().box;
                const PixelBox& next = decoded->front().box;
                const int x0 = prev.x1, x1 = std::max(prev.x1, next.x0);
                chars.push_back({QStringLiteral(" "), {x0, merged.box.y0, x1, merged.box.y1}, 100.f});
            }
            chars.insert(chars.end(), decoded->begin(), decoded->end());
        }
        merged.text = texts.join(QLatin1Char(' '));
        merged.ocrText = anyRecognized ? std::optional<QString>(ocrTexts.join(QLatin1Char(' '))) : std::nullopt;
        merged.reviewed = allReviewed;
        merged.edited = true;
        merged.chars = allChars ? encodeChars(chars, merged.box, merged.text) : QByteArray();

        const long long g = d.groupOr(group);
        for (std::size_t i = 1; i < rows.size(); ++i)
            d.deleteWordTx(rows[i].id, g, "merge");
        QJsonObject before = editableFields(first);
        QJsonObject after = editableFields(merged);
        d.updateWordFromJson(first.id, after);
        after = editableFields(d.requireWord(first.id));
        d.recordEdit(g, first.pageId, first.id, "merge", before, after);
        tx.commit();
        return first.id;
    });
}

Result<std::pair<WordId, WordId>> ProjectStore::splitWord(WordId word, int at, long long group)
{
    return guarded<std::pair<WordId, WordId>>([&] {
        Transaction tx(m_impl->db);
        Impl& d = *m_impl;
        d.renumber(d.requireWord(word).pageId);
        const WordRow w = d.requireWord(word);
        if (at < 1 || at >= w.text.size())
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("cannot split \"%1\" at character %2: the cut must be inside the word")
                     .arg(w.text)
                     .arg(at));
        const QString leftText = w.text.left(at).trimmed();
        const QString rightText = w.text.mid(at).trimmed();
        if (leftText.isEmpty() || rightText.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("cannot split \"%1\" at character %2: one part would be "
                                                         "empty")
                                              .arg(w.text)
                                              .arg(at));
        PixelBox leftBox, rightBox;
        std::vector<RecognizedChar> leftChars, rightChars;
        bool byChars = false;
        if (auto decoded = w.chars.isEmpty() ? std::nullopt : decodeChars(w.chars, w.box, w.text)) {
            // Find the character where the cut falls; use the boxes only if the characters spell the text.
            int pos = 0;
            std::size_t cut = decoded->size() + 1;
            for (std::size_t i = 0; i < decoded->size(); ++i) {
                if (pos == at)
                    cut = i;
                pos += static_cast<int>((*decoded)[i].text.size());
            }
            if (pos == w.text.size() && cut <= decoded->size()) {
                for (std::size_t i = 0; i < decoded->size(); ++i) {
                    const RecognizedChar& c = (*decoded)[i];
                    if (c.text.trimmed().isEmpty())
                        continue;
                    (i < cut ? leftChars : rightChars).push_back(c);
                }
                if (!leftChars.empty() && !rightChars.empty()) {
                    int lx1 = w.box.x0, rx0 = w.box.x1;
                    for (const auto& c : leftChars)
                        lx1 = std::max(lx1, c.box.x1);
                    for (const auto& c : rightChars)
                        rx0 = std::min(rx0, c.box.x0);
                    leftBox = {w.box.x0, w.box.y0, std::min(lx1, w.box.x1), w.box.y1};
                    rightBox = {std::max(rx0, w.box.x0), w.box.y0, w.box.x1, w.box.y1};
                    byChars = !leftBox.isEmpty() && !rightBox.isEmpty();
                }
            }
        }
        if (!byChars) {
            if (w.box.width() < 2)
                fail(ErrorCode::InvalidInput, QStringLiteral("the word's box is too narrow to split"));
            const int cutX = std::clamp(w.box.x0 + static_cast<int>(std::lround(static_cast<double>(w.box.width())
                                                                                 * at / w.text.size())),
                                        w.box.x0 + 1, w.box.x1 - 1);
            leftBox = {w.box.x0, w.box.y0, cutX, w.box.y1};
            rightBox = {cutX, w.box.y0, w.box.x1, w.box.y1};
            leftChars.clear();
            rightChars.clear();
        }
        const std::optional<QString> ocrText =
            w.source != QLatin1String("user") ? std::optional<QString>(w.ocrText.value_or(w.text)) : w.ocrText;

        const long long g = d.groupOr(group);
        WordRow left = w;
        left.text = leftText;
        left.box = leftBox;
        left.ocrText = ocrText;
        left.edited = true;
        left.chars = byChars ? encodeChars(leftChars, leftBox, leftText) : QByteArray();
        const QJsonObject before = editableFields(w);
        d.updateWordFromJson(w.id, editableFields(left));
        d.recordEdit(g, w.pageId, w.id, "split", before, editableFields(d.requireWord(w.id)));

        {
            Query q(d.db, "UPDATE words SET ord = ord + 1 WHERE page_id = ?1 AND ord > ?2");
            q.bind(1, w.pageId).bind(2, w.order).run();
        }
        const QByteArray rc = byChars ? encodeChars(rightChars, rightBox, rightText) : QByteArray();
        Query q(d.db, "INSERT INTO words (page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, "
                      "ocr_text, label_id, reviewed, edited, chars) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                      "?11, ?12, ?13, ?14, 1, ?15)");
        q.bind(1, w.pageId).bind(2, w.block).bind(3, w.line).bind(4, w.order + 1).bind(5, rightText);
        q.bind(6, rightBox.x0).bind(7, rightBox.y0).bind(8, rightBox.x1).bind(9, rightBox.y1);
        q.bind(10, w.confidence).bind(11, w.source).bind(12, ocrText).bind(13, w.labelId).bind(14, w.reviewed);
        q.bind(15, rc.isEmpty() ? QByteArray() : rc);
        q.run();
        const WordId right = sqlite3_last_insert_rowid(d.db.handle());
        d.recordEdit(g, w.pageId, right, "split", QJsonObject{}, fullWordJson(d.requireWord(right)));
        tx.commit();
        return std::make_pair(w.id, right);
    });
}

Result<std::vector<WordHit>> ProjectStore::searchWords(const QString& text, int limit)
{
    return guarded<std::vector<WordHit>>([&] {
        std::vector<WordHit> out;
        const QString needle = text.trimmed();
        if (needle.isEmpty() || limit <= 0)
            return out;
        // SQLite's LIKE folds ASCII case only: it prefilters ASCII needles; QString does the real
        // (Unicode) case-insensitive match either way.
        bool ascii = true;
        for (QChar c : needle)
            ascii = ascii && c.unicode() < 128;
        QString pattern = QStringLiteral("%");
        if (ascii) {
            for (QChar c : needle) {
                if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
                    pattern += QLatin1Char('\\');
                pattern += c;
            }
            pattern += QLatin1Char('%');
        }
        static const std::string sql = std::string(kWordSelect)
            + ", pages p WHERE p.id = w.page_id AND w.text LIKE ?1 ESCAPE '\\' "
              "ORDER BY p.document_id, p.number, w.ord, w.id";
        static const std::string sqlDoc = "SELECT document_id, number FROM pages WHERE id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, pattern);
        std::unordered_map<PageId, std::pair<DocumentId, int>> pageInfo;
        while (q.next() && static_cast<int>(out.size()) < limit) {
            if (!q.text(5).contains(needle, Qt::CaseInsensitive))
                continue;
            WordHit h;
            h.word = m_impl->readWord(q);
            auto it = pageInfo.find(h.word.pageId);
            if (it == pageInfo.end()) {
                Query p(m_impl->db, sqlDoc.c_str());
                p.bind(1, h.word.pageId);
                std::pair<DocumentId, int> info{0, 0};
                if (p.next())
                    info = {p.i64(0), p.i32(1)};
                it = pageInfo.emplace(h.word.pageId, info).first;
            }
            h.pageId = h.word.pageId;
            h.documentId = it->second.first;
            h.pageNumber = it->second.second;
            out.push_back(std::move(h));
        }
        return out;
    });
}

Status ProjectStore::updateLabel(const LabelRecord& label)
{
    return guardedStatus([&] {
        if (label.name.trimmed().isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a label needs a name"));
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "UPDATE labels SET name = ?2, color = ?3, shortcut = ?4 WHERE id = ?1");
        q.bind(1, label.id).bind(2, label.name.trimmed()).bind(3, label.color).bind(4, label.shortcut);
        int changed = 0;
        try {
            changed = q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput, QStringLiteral("a label named %1 already exists").arg(label.name));
            throw;
        }
        if (changed == 0)
            fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(label.id));
        tx.commit();
    });
}

Result<std::vector<EditRecord>> ProjectStore::editGroup(long long group)
{
    return guarded<std::vector<EditRecord>>([&] { return m_impl->groupEdits(group); });
}

Status ProjectStore::undoEditGroup(long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const std::vector<EditRecord> edits = m_impl->groupEdits(group);
        if (edits.empty())
            fail(ErrorCode::NotFound, QStringLiteral("there is no edit group %1 to undo").arg(group));
        for (const EditRecord& e : edits)
            if (e.undone)
                fail(ErrorCode::InvalidInput, QStringLiteral("edit group %1 is undone already").arg(group));
        for (auto it = edits.rbegin(); it != edits.rend(); ++it)
            m_impl->applyEdit(*it, true);
        Query q(m_impl->db, "UPDATE edits SET undone = 1 WHERE group_id = ?1");
        q.bind(1, group).run();
        tx.commit();
    });
}

Status ProjectStore::redoEditGroup(long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const std::vector<EditRecord> edits = m_impl->groupEdits(group);
        if (edits.empty())
            fail(ErrorCode::NotFound, QStringLiteral("there is no edit group %1 to redo").arg(group));
        for (const EditRecord& e : edits)
            if (!e.undone)
                fail(ErrorCode::InvalidInput, QStringLiteral("edit group %1 is not undone").arg(group));
        for (const EditRecord& e : edits)
            m_impl->applyEdit(e, false);
        Query q(m_impl->db, "UPDATE edits SET undone = 0 WHERE group_id = ?1");
        q.bind(1, group).run();
        tx.commit();
    });
}

} // namespace incidoc
