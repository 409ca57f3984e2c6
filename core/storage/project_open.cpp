// Opening a project file: refusing what is not an Incidoc project or is damaged (before anything is
// written), the integrity check (once per file and process, see verified_files.h), the write-ahead log,
// and schema migrations.
#include "core/storage/project_store_p.h"
#include "core/storage/schema.h"
#include "core/storage/verified_files.h"
#include "core/util/version.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>

#include <map>
#include <mutex>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace incidoc {

using namespace storage;

namespace {

constexpr char kSqliteMagic[] = "SQLite format 3"; // + NUL: the first 16 bytes of every SQLite file
// What SQLite's own automatic checkpoint uses (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT): our WAL hook
// replaces it so that this process's checkpoints keep a verified file verified.
constexpr int kAutoCheckpointFrames = 1000;

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
void runIntegrityCheck(Db& db)
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
        entries << q.text(0) + QLatin1Char('\x1f') + q.text(1) + QLatin1Char('\x1f') + q.text(2) + QLatin1Char('\x1f')
                       + q.text(3);
    return entries;
}

// What a project at schema `version` (1..latest) contains: the migrations up to it run on an empty
// in-memory database.
const QStringList& expectedSchema(int version)
{
    static const std::vector<QStringList> byVersion = [] {
        std::vector<QStringList> entries;
        Db db;
        const int rc = sqlite3_open_v2(":memory:", db.slot(), SQLITE_OPEN_READWRITE, nullptr);
        if (rc != SQLITE_OK)
            return entries;
        for (const auto& m : schema::migrations()) {
            db.exec(m.sql, QStringLiteral("building the expected schema"));
            entries.push_back(schemaEntries(db));
        }
        return entries;
    }();
    static const QStringList none;
    return version >= 1 && version <= static_cast<int>(byVersion.size()) ? byVersion[version - 1] : none;
}

// A project file from elsewhere may carry triggers or views that run on our reads and writes (a
// recursive trigger can hang the app; trusted_schema=OFF only stops functions with side effects):
// anything in the schema that Incidoc did not put there, or changed, refuses the file.
void verifySchema(Db& db, const QString& path, int version)
{
    const QStringList actual = schemaEntries(db);
    const QStringList& expected = expectedSchema(version);
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

// The integrity check, unless this process checked the same file, unchanged since, before.
void checkIntegrity(Db& db, const QString& canonicalPath, const std::optional<FileStamp>& stamp)
{
    VerifiedFiles& verified = VerifiedFiles::instance();
    if (stamp && verified.isVerified(canonicalPath, *stamp))
        return;
    verified.countCheck();
    try {
        runIntegrityCheck(db);
    } catch (...) {
        verified.forget(canonicalPath);
        throw;
    }
    if (stamp)
        verified.recordVerified(canonicalPath, *stamp);
}

// Checkpoints as SQLite's automatic checkpoint would, through VerifiedFiles::ownWrite (the context is
// the Impl's canonical path, which outlives the connection).
int checkpointHook(void* context, sqlite3* db, const char* name, int frames)
{
    if (frames >= kAutoCheckpointFrames)
        VerifiedFiles::instance().ownWrite(*static_cast<const QString*>(context),
                                           [&] { sqlite3_wal_checkpoint(db, name); });
    return SQLITE_OK;
}

// The project files this process has open through SQLite, by device and inode, with how many
// connections. Reading such a file's header ourselves would be harmful: closing any descriptor of a file
// drops every POSIX lock this process holds on it, SQLite's included, and another process could then take
// the file for its own (a last-connection checkpoint deleting the -wal and -shm our connections still
// use). SQLite itself never closes a descriptor while another of its connections holds locks on the file.
// A file replaced by another one (another inode) is looked at again.
std::mutex g_openFilesMutex;
std::map<QString, int> g_openFiles;

QString fileKey(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QStringLiteral("%1:%2").arg(static_cast<qulonglong>(st.st_dev)).arg(static_cast<qulonglong>(st.st_ino));
}

bool isOpenInThisProcess(const QString& path)
{
    const QString key = fileKey(path);
    if (key.isEmpty())
        return false;
    std::lock_guard lock(g_openFilesMutex);
    return g_openFiles.count(key) > 0;
}

QString noteOpen(const QString& path)
{
    const QString key = fileKey(path);
    if (!key.isEmpty()) {
        std::lock_guard lock(g_openFilesMutex);
        ++g_openFiles[key];
    }
    return key;
}

void noteClosed(const QString& key)
{
    std::lock_guard lock(g_openFilesMutex);
    if (auto it = g_openFiles.find(key); it != g_openFiles.end() && --it->second <= 0)
        g_openFiles.erase(it);
}

struct FileCheck {
    QFileInfo info;
    QString path; ///< absolute
    bool exists = false;
    qint64 size = 0;
};

// What can be told without SQLite: the file is a file, starts like an SQLite database, is not cut
// short, and (ReadWrite) it and its folder can be written.
FileCheck checkFile(const QString& rawPath, OpenMode mode)
{
    if (rawPath.isEmpty())
        fail(ErrorCode::InvalidInput, QStringLiteral("no project file given"));
    FileCheck f{QFileInfo(rawPath), {}, false, 0};
    f.path = f.info.absoluteFilePath();
    f.exists = f.info.exists();
    const QString& path = f.path;
    if (f.exists && !f.info.isFile())
        fail(ErrorCode::InvalidInput, QStringLiteral("not an Incidoc project file: %1 is not a file").arg(path));
    if (!f.exists && mode == OpenMode::ReadOnly)
        fail(ErrorCode::NotFound, QStringLiteral("project file not found: %1").arg(path));

    // Look at the first bytes ourselves: SQLite would treat some foreign files as empty databases. Not a
    // file this process has open already (it was looked at then): see g_openFiles.
    if (f.exists && isOpenInThisProcess(path)) {
        f.size = f.info.size();
    } else if (f.exists) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            fail(ErrorCode::Io, QStringLiteral("cannot read project file %1: %2").arg(path, file.errorString()));
        f.size = file.size();
        const QByteArray head = file.read(16);
        if (f.size > 0 && (head.size() < 16 || !head.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic))))
            fail(ErrorCode::InvalidInput, QStringLiteral("not an Incidoc project file: %1").arg(path));
        if (f.size > 0 && f.size < 512)
            fail(ErrorCode::Storage, QStringLiteral("project file is damaged: %1 is truncated").arg(path));
    }
    if (mode == OpenMode::ReadWrite) {
        const QString dir = f.info.absolutePath();
        if (!QFileInfo(dir).isDir())
            fail(ErrorCode::NotFound, QStringLiteral("folder does not exist: %1").arg(dir));
        if (f.exists && isWriteProtected(path))
            fail(ErrorCode::Io, QStringLiteral("project file is read-only: %1").arg(path));
        // WAL keeps -wal and -shm files beside the project: the folder must be writable too.
        if (isWriteProtected(dir))
            fail(ErrorCode::Io, QStringLiteral("project file is read-only: its folder %1 cannot be written").arg(dir));
    }
    return f;
}

// Identifies and checks an existing file over a read-only connection: a file we refuse is never
// opened for writing, so not even a WAL checkpoint can touch it.
FileFacts probe(Db& db, const QString& path, const QString& canonicalPath)
{
    // Stamped before the check: a change while it runs is not taken for verified.
    const std::optional<FileStamp> stamp = VerifiedFiles::stampOf(canonicalPath);
    openReadOnly(db, path);
    const FileFacts facts = inspect(db, path);
    checkIntegrity(db, canonicalPath, stamp);
    // An older schema too: a file is migrated (or read) only when it holds exactly what Incidoc made.
    if (facts.userVersion >= 1)
        verifySchema(db, path, facts.userVersion);
    return facts;
}

// A read-only store keeps the probe's connection. It reads schema 1 as well (never migrated: a read-only
// open writes nothing); its reads then derive what schema 2 added (project_store.cpp).
void acceptForReading(const FileFacts& facts, const QString& path)
{
    if (facts.userVersion >= 1)
        return;
    const bool empty = facts.userVersion == 0 && facts.applicationId == 0;
    fail(empty ? ErrorCode::InvalidInput : ErrorCode::Unsupported,
         empty ? QStringLiteral("not an Incidoc project file: %1 (empty database)").arg(path)
               : QStringLiteral("project file %1 uses an older schema (%2); open it for writing once to "
                                "upgrade it")
                     .arg(path)
                     .arg(facts.userVersion));
}

} // namespace

ProjectStore::ProjectStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ProjectStore::~ProjectStore() = default;

// The writing connection: write-ahead logging, this process's checkpoints tracked, then migrations.
void ProjectStore::Impl::openForWriting(bool created)
{
    openConnection(db, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_db_readonly(db.handle(), "main") == 1)
        fail(ErrorCode::Io, QStringLiteral("project file is read-only: %1").arg(path));
    if (created)
        canonicalPath = QFileInfo(path).canonicalFilePath();
    sqlite3_wal_hook(db.handle(), checkpointHook, &canonicalPath);
    VerifiedFiles::instance().ownWrite(canonicalPath, [&] {
        Query q(db, "PRAGMA journal_mode = WAL");
        const QString jm = q.next() ? q.text(0) : QString();
        if (jm.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            fail(ErrorCode::Storage,
                 QStringLiteral("cannot switch %1 to write-ahead logging (journal mode %2)").arg(path, jm));
    });
    // NORMAL under WAL: commits survive a killed process; only an OS crash / power loss may drop
    // the last commits (see project_store.h). FULL would fsync on every page batch.
    db.exec("PRAGMA synchronous = NORMAL", QStringLiteral("configuring the connection"));
    const FileFacts facts = inspect(db, path); // again: the file may have changed since the probe
    if (facts.userVersion < ProjectStore::kSchemaVersion)
        migrate(facts.userVersion);
    version = ProjectStore::kSchemaVersion;
    // A file this connection made needs no check: it holds nothing but what the migrations wrote. (Not
    // so when someone else filled the file since it was found empty: then it was not empty here.)
    if (created && facts.userVersion == 0 && facts.empty)
        if (const auto stamp = VerifiedFiles::stampOf(canonicalPath))
            VerifiedFiles::instance().recordVerified(canonicalPath, *stamp);
}

ProjectStore::Impl::~Impl()
{
    // The last connection to close checkpoints into the file: a change of our own.
    if (mode == OpenMode::ReadWrite && db.handle() && !canonicalPath.isEmpty())
        VerifiedFiles::instance().ownWrite(canonicalPath, [&] { db.close(); });
    db.close();
    if (!openKey.isEmpty())
        noteClosed(openKey);
}

QString ProjectStore::path() const
{
    return m_impl->path;
}
int ProjectStore::schemaVersion() const
{
    return m_impl->version;
}
long long ProjectStore::integrityChecksRun()
{
    return VerifiedFiles::instance().checksRun();
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString& rawPath, OpenMode mode)
{
    return guarded<std::unique_ptr<ProjectStore>>([&]() -> std::unique_ptr<ProjectStore> {
        const FileCheck file = checkFile(rawPath, mode);
        auto impl = std::make_unique<Impl>();
        impl->path = file.path;
        impl->mode = mode;
        const bool created = !file.exists || file.size == 0;
        if (!created) {
            impl->canonicalPath = file.info.canonicalFilePath();
            Db probeForWriting;
            Db& db = mode == OpenMode::ReadOnly ? impl->db : probeForWriting; // ReadOnly keeps it
            const FileFacts facts = probe(db, file.path, impl->canonicalPath);
            if (mode == OpenMode::ReadOnly) {
                acceptForReading(facts, file.path);
                impl->version = facts.userVersion;
                impl->openKey = noteOpen(file.path);
                return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(impl)));
            }
        } else if (mode == OpenMode::ReadOnly) {
            fail(ErrorCode::InvalidInput, QStringLiteral("not an Incidoc project file: %1 is empty").arg(file.path));
        }
        impl->openForWriting(created);
        impl->openKey = noteOpen(file.path);
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
        if (step.version == 2)
            fillFailureKindsOfVersion1();
        // PRAGMA takes no bound parameters; the value is our own constant, not input.
        const std::string setVersion = "PRAGMA user_version = " + std::to_string(step.version);
        db.exec(setVersion.c_str(), QStringLiteral("upgrading the project file"));
        tx.commit();
        from = step.version;
    }
}

// Once, in the migration's transaction: schema 1 kept only the reason, in the fixed words of the page
// hosts and the CLI supervisor. From here on the kind is written with the failure and read, never guessed.
void ProjectStore::Impl::fillFailureKindsOfVersion1()
{
    const std::string pages =
        "UPDATE pages SET failure = " + schema::pageFailureOfVersion1() + " WHERE status = 'failed'";
    db.exec(pages.c_str(), QStringLiteral("upgrading the project file to schema 2"));
    const std::string documents =
        "UPDATE documents SET failure = " + schema::documentFailureOfVersion1() + " WHERE error IS NOT NULL";
    db.exec(documents.c_str(), QStringLiteral("upgrading the project file to schema 2"));
}

} // namespace incidoc
