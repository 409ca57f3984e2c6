// ProjectStore against real SQLite files in temporary folders: opening and refusing files, schema
// migration, storing outcomes atomically, re-OCR over edited words, the queue, reports, the edit
// history and the per-character encoding.
#include "core/storage/char_codec.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <set>

#include <sys/stat.h>

#include "tests/core/storage/storage_test_data.h"
#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

using test::doneOutcome;
using test::makeWord;
using test::pageWords;

constexpr int kIncidocApplicationId = 0x49444F43;

// A plain SQLite connection, to look at or tamper with a file behind the store's back.
class RawDb {
public:
    explicit RawDb(const QString& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    {
        EXPECT_EQ(sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr), SQLITE_OK);
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    int exec(const char* sql)
    {
        char* err = nullptr;
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
        if (rc != SQLITE_OK)
            ADD_FAILURE() << sql << ": " << (err ? err : "?");
        sqlite3_free(err);
        return rc;
    }
    QString text(const char* sql)
    {
        sqlite3_stmt* st = nullptr;
        QString out;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        else
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(m_db);
        sqlite3_finalize(st);
        return out;
    }
    long long integer(const char* sql) { return text(sql).toLongLong(); }
    sqlite3* handle() { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

DocumentRecord makeDocument(const QString& name, const QString& sha, DocumentKind kind = DocumentKind::Pdf)
{
    DocumentRecord d;
    d.path = QStringLiteral("/evidence/") + name;
    d.name = name;
    d.sha256 = sha;
    d.size = 12345;
    d.kind = kind;
    d.importedAt = QDateTime::currentDateTimeUtc();
    return d;
}

std::vector<PageInfo> makePages(int n)
{
    std::vector<PageInfo> pages;
    for (int i = 1; i <= n; ++i) {
        PageInfo p;
        p.number = i;
        p.widthPt = 612;
        p.heightPt = 792;
        pages.push_back(p);
    }
    return pages;
}

std::unique_ptr<ProjectStore> openOrDie(const QString& path, OpenMode mode = OpenMode::ReadWrite)
{
    auto store = ProjectStore::open(path, mode);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message.toStdString());
    return store.ok() ? std::move(*store) : nullptr;
}

QJsonObject json(const QString& s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

class ProjectStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("case.incidoc"));
    }

    // A project with one document of `pages` queued pages; returns the page ids.
    std::vector<PageId> projectWithPages(ProjectStore& store, int pages, const QString& sha = QStringLiteral("aa"))
    {
        auto doc = store.addDocument(makeDocument(QStringLiteral("report.pdf"), sha), makePages(pages));
        EXPECT_TRUE(doc.ok());
        auto rows = store.pages(*doc);
        EXPECT_TRUE(rows.ok());
        std::vector<PageId> ids;
        for (const PageRecord& p : *rows)
            ids.push_back(p.id);
        return ids;
    }

    QTemporaryDir m_dir;
    QString m_path;
};

// ---- opening -------------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, CreatesProjectWithPragmasAndDefaultLabelsAndReopens)
{
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), ProjectStore::kSchemaVersion);
        EXPECT_EQ(store->path(), QFileInfo(m_path).absoluteFilePath());
        auto labels = store->labels();
        ASSERT_TRUE(labels.ok());
        const QStringList expected{"PERSON", "DATE",        "TIME",         "LOCATION", "VEHICLE",
                                   "PLATE",  "CASE_NUMBER", "ORGANIZATION", "SIGNATURE"};
        ASSERT_EQ(labels->size(), 9u);
        std::set<QString> colours, shortcuts;
        for (std::size_t i = 0; i < labels->size(); ++i) {
            EXPECT_EQ((*labels)[i].name, expected[static_cast<int>(i)]);
            EXPECT_EQ((*labels)[i].shortcut, QString::number(i + 1));
            EXPECT_TRUE((*labels)[i].color.startsWith('#'));
            colours.insert((*labels)[i].color);
            shortcuts.insert((*labels)[i].shortcut);
        }
        EXPECT_EQ(colours.size(), 9u);
        EXPECT_EQ(shortcuts.size(), 9u);
        ASSERT_TRUE(store->addDocument(makeDocument("a.pdf", "sha-a"), makePages(3)).ok());

        // While open: a second raw connection sees the file's settings.
        RawDb raw(m_path, SQLITE_OPEN_READONLY);
        EXPECT_EQ(raw.integer("PRAGMA application_id"), kIncidocApplicationId);
        EXPECT_EQ(raw.integer("PRAGMA user_version"), ProjectStore::kSchemaVersion);
        EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
        EXPECT_TRUE(raw.text("SELECT value FROM meta WHERE key = 'created_with'").startsWith("Incidoc "));
    }
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    auto docs = store->documents();
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 1u);
    EXPECT_EQ((*docs)[0].name, "a.pdf");
    EXPECT_EQ((*docs)[0].sha256, "sha-a");
    EXPECT_EQ((*docs)[0].pageCount, 3);
    EXPECT_TRUE((*docs)[0].importedAt.isValid());
    EXPECT_TRUE((*docs)[0].error.isEmpty());
    EXPECT_EQ(store->labels()->size(), 9u); // seeded once, not again on reopen
}

TEST_F(ProjectStoreTest, UpgradesVersionZeroFile)
{
    {
        RawDb raw(m_path);
        raw.exec("PRAGMA application_id = 1229213507"); // ours, but user_version still 0
    }
    ASSERT_EQ(RawDb(m_path).integer("PRAGMA user_version"), 0);
    // ReadOnly never migrates: it says what to do instead.
    auto ro = ProjectStore::open(m_path, OpenMode::ReadOnly);
    ASSERT_FALSE(ro.ok());
    EXPECT_TRUE(ro.error().message.contains("older schema")) << ro.error().message.toStdString();

    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schemaVersion(), ProjectStore::kSchemaVersion);
    EXPECT_EQ(store->labels()->size(), 9u);
    EXPECT_TRUE(store->addDocument(makeDocument("a.pdf", "x"), makePages(1)).ok());
    store.reset();
    RawDb raw(m_path);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), ProjectStore::kSchemaVersion);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                          "('documents', 'pages', 'words', 'labels', 'edits', 'meta')"),
              6);
}

TEST_F(ProjectStoreTest, EmptySqliteFileBecomesProject)
{
    {
        RawDb raw(m_path);
        raw.exec("VACUUM"); // a valid, empty database of nobody
    }
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    EXPECT_EQ(RawDb(m_path).integer("PRAGMA application_id"), kIncidocApplicationId);
}

TEST_F(ProjectStoreTest, RefusesNewerSchemaAndLeavesFileUntouched)
{
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        projectWithPages(*store, 2);
    }
    {
        RawDb raw(m_path);
        raw.exec("PRAGMA user_version = 99");
    }
    const QByteArray before = fileBytes(m_path);
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        auto store = ProjectStore::open(m_path, mode);
        ASSERT_FALSE(store.ok());
        EXPECT_EQ(store.error().code, ErrorCode::Unsupported);
        EXPECT_TRUE(store.error().message.contains("made by a newer version of Incidoc (schema 99)"))
            << store.error().message.toStdString();
        EXPECT_TRUE(store.error().message.contains(
            QStringLiteral("this version reads up to %1").arg(ProjectStore::kSchemaVersion)));
    }
    EXPECT_EQ(fileBytes(m_path), before);
}

// A crafted project may carry triggers or views that would run on our reads and writes (a recursive
// trigger hangs the app; trusted_schema=OFF stops only side-effect functions): refused on open.
TEST_F(ProjectStoreTest, RefusesASchemaIncidocDidNotMake)
{
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        projectWithPages(*store, 2);
    }
    const QByteArray clean = fileBytes(m_path);
    const struct {
        const char* sql;
        const char* says;
    } crafted[] = {
        {"CREATE TRIGGER spin AFTER UPDATE ON pages BEGIN "
         "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c; END",
         "trigger 'spin'"},
        {"CREATE VIEW v AS SELECT * FROM words", "view 'v'"},
        {"CREATE TABLE extra (x)", "table 'extra'"},
        {"DROP INDEX words_page", "index 'words_page'"},
        {"ALTER TABLE words ADD COLUMN payload TEXT", "table 'words'"},
    };
    for (const auto& c : crafted) {
        writeBytes(m_path, clean);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        {
            RawDb raw(m_path);
            raw.exec(c.sql);
        }
        const QByteArray before = fileBytes(m_path);
        for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto store = ProjectStore::open(m_path, mode);
            ASSERT_FALSE(store.ok()) << c.sql;
            EXPECT_EQ(store.error().code, ErrorCode::InvalidInput);
            EXPECT_TRUE(store.error().message.contains("has a schema Incidoc did not make"))
                << store.error().message.toStdString();
            EXPECT_TRUE(store.error().message.contains(c.says)) << c.sql << ": " << store.error().message.toStdString();
        }
        EXPECT_EQ(fileBytes(m_path), before) << c.sql;
    }
    // The untouched project still opens; statistics from ANALYZE are allowed.
    writeBytes(m_path, clean);
    QFile::remove(m_path + QStringLiteral("-wal"));
    QFile::remove(m_path + QStringLiteral("-shm"));
    {
        RawDb raw(m_path);
        raw.exec("ANALYZE");
    }
    EXPECT_TRUE(ProjectStore::open(m_path).ok());
}

TEST_F(ProjectStoreTest, RefusesNonSqliteFilesAndLeavesThemUntouched)
{
    QByteArray text = "Incident report 2024-113\nOfficer: J. Doe\n";
    text = text.repeated(40);
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(static_cast<char>((i * 131 + 7) & 0xff));
    const QByteArray pdf = fileBytes(test::testData("ocrmypdf/tests/resources/skew.pdf")).left(100000);
    for (const QByteArray& bytes : {text, binary, pdf, QByteArray("x")}) {
        writeBytes(m_path, bytes);
        for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto store = ProjectStore::open(m_path, mode);
            ASSERT_FALSE(store.ok());
            EXPECT_EQ(store.error().code, ErrorCode::InvalidInput);
            EXPECT_TRUE(store.error().message.startsWith("not an Incidoc project file"))
                << store.error().message.toStdString();
        }
        EXPECT_EQ(fileBytes(m_path), bytes);
        EXPECT_FALSE(QFile::exists(m_path + "-wal"));
    }
}

TEST_F(ProjectStoreTest, RefusesSqliteDatabaseOfAnotherProgram)
{
    {
        RawDb raw(m_path);
        raw.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ann', '555');");
    }
    const QByteArray before = fileBytes(m_path);
    auto store = ProjectStore::open(m_path);
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(store.error().message.startsWith("not an Incidoc project file")) << store.error().message.toStdString();
    EXPECT_EQ(fileBytes(m_path), before);

    // An application id of its own, no tables yet: still not ours.
    const QString other = m_dir.filePath("other.db");
    {
        RawDb raw(other);
        raw.exec("PRAGMA application_id = 12345; PRAGMA user_version = 1;");
    }
    const QByteArray otherBefore = fileBytes(other);
    auto second = ProjectStore::open(other);
    ASSERT_FALSE(second.ok());
    EXPECT_TRUE(second.error().message.startsWith("not an Incidoc project file"));
    EXPECT_EQ(fileBytes(other), otherBefore);
}

TEST_F(ProjectStoreTest, RefusesTruncatedOrCorruptedProject)
{
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        const auto pages = projectWithPages(*store, 40);
        std::vector<PageOutcome> outcomes;
        for (std::size_t i = 0; i < pages.size(); ++i)
            outcomes.push_back(doneOutcome(pages[i], 300, static_cast<int>(i)));
        ASSERT_TRUE(store->storeOutcomes(outcomes).ok());
    }
    const QByteArray good = fileBytes(m_path);
    ASSERT_GT(good.size(), 200000);

    struct Damage {
        const char* what;
        QByteArray bytes;
    };
    QByteArray garbled = good;
    for (qsizetype i = good.size() / 3; i < good.size() / 3 + 20000; ++i)
        garbled[i] = static_cast<char>(i * 7);
    const std::vector<Damage> damages{{"truncated to half", good.left(good.size() / 2)},
                                      {"middle overwritten", garbled},
                                      {"header only", good.left(200)}};
    for (const Damage& d : damages) {
        SCOPED_TRACE(d.what);
        writeBytes(m_path, d.bytes);
        for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto store = ProjectStore::open(m_path, mode);
            ASSERT_FALSE(store.ok());
            EXPECT_TRUE(store.error().message.startsWith("project file is damaged"))
                << store.error().message.toStdString();
        }
        EXPECT_EQ(fileBytes(m_path), d.bytes);
    }
}

TEST_F(ProjectStoreTest, ReadOnlyFileRefusedForWritingButOpensReadOnly)
{
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        projectWithPages(*store, 2);
    }
    ASSERT_TRUE(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = fileBytes(m_path);

    auto rw = ProjectStore::open(m_path, OpenMode::ReadWrite);
    ASSERT_FALSE(rw.ok());
    EXPECT_EQ(rw.error().code, ErrorCode::Io);
    EXPECT_TRUE(rw.error().message.startsWith("project file is read-only")) << rw.error().message.toStdString();

    auto ro = openOrDie(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(ro);
    auto docs = ro->documents();
    ASSERT_TRUE(docs.ok());
    EXPECT_EQ(docs->size(), 1u);
    EXPECT_EQ(ro->summary()->pages, 2);
    // Writing through a read-only store is an error, not a crash, and changes nothing.
    auto failed = ro->requeueAll();
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.error().message.contains("read-only")) << failed.error().message.toStdString();
    ro.reset();
    EXPECT_EQ(fileBytes(m_path), before);
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
}

TEST_F(ProjectStoreTest, ReadOnlyFolderRefusedForWriting)
{
    const QString folder = m_dir.filePath("archive");
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString path = folder + "/case.incidoc";
    {
        auto store = openOrDie(path);
        ASSERT_TRUE(store);
    }
    // SQLite keeps -wal and -shm files beside the project while writing: a read-only folder will not do.
    ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                                  | QFile::ReadOther | QFile::ExeOther));
    const QByteArray before = fileBytes(path);
    auto rw = ProjectStore::open(path);
    ASSERT_FALSE(rw.ok());
    EXPECT_TRUE(rw.error().message.startsWith("project file is read-only")) << rw.error().message.toStdString();
    auto created = ProjectStore::open(folder + "/new.incidoc");
    ASSERT_FALSE(created.ok());
    EXPECT_FALSE(QFile::exists(folder + "/new.incidoc"));
    auto ro = ProjectStore::open(path, OpenMode::ReadOnly);
    EXPECT_TRUE(ro.ok());
    ro = makeError(ErrorCode::Internal, "closed");
    EXPECT_EQ(fileBytes(path), before);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST_F(ProjectStoreTest, MissingFileOrFolder)
{
    auto ro = ProjectStore::open(m_path, OpenMode::ReadOnly);
    ASSERT_FALSE(ro.ok());
    EXPECT_EQ(ro.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(QFile::exists(m_path));
    auto rw = ProjectStore::open(m_dir.filePath("no/such/folder/case.incidoc"));
    ASSERT_FALSE(rw.ok());
    EXPECT_EQ(rw.error().code, ErrorCode::NotFound);
    auto dir = ProjectStore::open(m_dir.path());
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().code, ErrorCode::InvalidInput);
}

TEST_F(ProjectStoreTest, FileLockedByAnotherWriterIsRefusedAfterBusyTimeout)
{
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
    }
    RawDb other(m_path);
    // Exclusive locking mode: the other program keeps the whole file to itself, readers included.
    other.exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE meta SET value = value;");
    const auto t0 = std::chrono::steady_clock::now();
    auto store = ProjectStore::open(m_path);
    const auto waited = std::chrono::steady_clock::now() - t0;
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::Io);
    EXPECT_TRUE(store.error().message.startsWith("project file is locked by another program"))
        << store.error().message.toStdString();
    std::printf("[ measure  ] open of a locked project gave up after %lld ms\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count()));
    other.exec("COMMIT");
}

// ---- storing outcomes ------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, StoresOutcomeWithWordsGeometryAndTimings)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const auto pages = projectWithPages(*store, 2);
    PageOutcome o = doneOutcome(pages[0], 25, 1);
    o.error = "page too large, rendered at 120 dpi";
    ASSERT_TRUE(store->storeOutcomes({o}).ok());

    auto page = store->page(pages[0]);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->status, PageStatus::Done);
    EXPECT_EQ(page->kind, PageKind::Scanned);
    EXPECT_EQ(page->widthPx, 2550);
    EXPECT_EQ(page->heightPx, 3300);
    EXPECT_EQ(page->dpi, 300);
    EXPECT_DOUBLE_EQ(page->widthPt, 612);
    EXPECT_EQ(page->engine, "tesseract 5.3.0 (eng)");
    EXPECT_EQ(page->error, "page too large, rendered at 120 dpi");
    EXPECT_EQ(page->timings.ocrMs, 900);
    EXPECT_EQ(page->timings.totalMs, 1060);

    auto words = store->words(pages[0]);
    ASSERT_TRUE(words.ok());
    ASSERT_EQ(words->size(), 25u);
    for (std::size_t i = 0; i < words->size(); ++i) {
        const WordRecord& w = (*words)[i];
        const RecognizedWord& in = o.result.words[i];
        EXPECT_EQ(w.order, static_cast<int>(i));
        EXPECT_EQ(w.text, in.text);
        EXPECT_EQ(w.box, in.box);
        ASSERT_TRUE(w.confidence.has_value());
        EXPECT_NEAR(*w.confidence, in.confidence, 1e-4);
        EXPECT_EQ(w.source, WordSource::Ocr);
        EXPECT_FALSE(w.edited);
        EXPECT_FALSE(w.ocrText.has_value());
        ASSERT_EQ(w.chars.size(), in.chars.size());
        for (std::size_t k = 0; k < in.chars.size(); ++k) {
            EXPECT_EQ(w.chars[k].text, in.chars[k].text);
            EXPECT_EQ(w.chars[k].box, in.chars[k].box);
            EXPECT_NEAR(w.chars[k].confidence, in.chars[k].confidence, 0.25);
        }
    }
    EXPECT_TRUE(store->words(pages[1])->empty());
    EXPECT_EQ(store->page(pages[1])->status, PageStatus::Queued);
}

TEST_F(ProjectStoreTest, BatchIsAllOrNothing)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const auto pages = projectWithPages(*store, 2);
    // The second outcome names a page that does not exist: nothing of the batch may be stored.
    auto result = store->storeOutcomes({doneOutcome(pages[0], 30, 1), doneOutcome(pages[1] + 1000, 30, 2)});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->page(pages[0])->status, PageStatus::Queued);
    EXPECT_TRUE(store->words(pages[0])->empty());
    EXPECT_EQ(store->summary()->words, 0);

    // Same for an outcome that is neither done nor failed.
    PageOutcome bad = doneOutcome(pages[1], 5, 3);
    bad.status = PageStatus::Processing;
    ASSERT_FALSE(store->storeOutcomes({doneOutcome(pages[0], 30, 1), bad}).ok());
    EXPECT_EQ(store->summary()->done, 0);

    ASSERT_TRUE(store->storeOutcomes({doneOutcome(pages[0], 30, 1), doneOutcome(pages[1], 12, 2)}).ok());
    EXPECT_EQ(store->summary()->done, 2);
    EXPECT_EQ(store->summary()->words, 42);
}

TEST_F(ProjectStoreTest, ReOcrKeepsEditedAndUserWordsAndDropsOverlappingNewWords)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const PageId page = projectWithPages(*store, 1)[0];
    // One line of four words, a second line of two.
    auto first = [] {
        PageOutcome o = doneOutcome(0, 0, 0);
        o.result.words = {
            makeWord("Incident", {100, 100, 300, 140}, 0, 0, 90), makeWord("repart", {320, 100, 480, 140}, 0, 0, 60),
            makeWord("no.", {500, 100, 560, 140}, 0, 0, 95),      makeWord("113", {580, 100, 650, 140}, 0, 0, 97),
            makeWord("Officer", {100, 200, 260, 240}, 0, 1, 92),  makeWord("Doe", {280, 200, 360, 240}, 0, 1, 93)};
        return o;
    }();
    first.pageId = page;
    ASSERT_TRUE(store->storeOutcomes({first}).ok());
    auto words = *store->words(page);
    ASSERT_EQ(words.size(), 6u);
    const WordId repart = words[1].id;
    const WordId officer = words[4].id;
    ASSERT_TRUE(store->updateWordText(repart, "report").ok());
    ASSERT_TRUE(store->setWordLabel(officer, store->labels()->at(0).id).ok());
    // A word the OCR missed, drawn by a person between "Officer" and "Doe"... to the right of Doe.
    WordRecord drawn;
    drawn.text = "J.";
    drawn.box = {380, 200, 420, 240};
    auto drawnId = store->addUserWord(page, drawn);
    ASSERT_TRUE(drawnId.ok());

    // Re-OCR: different texts; "raport" overlaps the edited "report" (dropped), "J" overlaps the drawn
    // word (dropped), "Officar" overlaps the labelled "Officer" (dropped).
    PageOutcome second = doneOutcome(page, 0, 0);
    second.result.words = {
        makeWord("Incldent", {102, 101, 301, 141}, 0, 0, 80), makeWord("raport", {322, 100, 478, 141}, 0, 0, 70),
        makeWord("No.", {500, 100, 561, 140}, 0, 0, 95),      makeWord("113", {580, 100, 650, 140}, 0, 0, 97),
        makeWord("Officar", {101, 200, 259, 240}, 0, 1, 70),  makeWord("Doe", {280, 200, 360, 240}, 0, 1, 93),
        makeWord("J", {382, 201, 418, 240}, 0, 1, 40),        makeWord("Smith", {440, 200, 560, 240}, 0, 1, 91)};
    ASSERT_TRUE(store->storeOutcomes({second}).ok());

    words = *store->words(page);
    QStringList texts;
    for (const WordRecord& w : words)
        texts << w.text;
    EXPECT_EQ(texts, (QStringList{"Incldent", "report", "No.", "113", "Officer", "Doe", "J.", "Smith"}));
    for (std::size_t i = 0; i < words.size(); ++i)
        EXPECT_EQ(words[i].order, static_cast<int>(i)) << "ord must be 0..n-1 without gaps";
    EXPECT_EQ(words[1].id, repart);
    EXPECT_EQ(words[1].ocrText, std::optional<QString>("repart"));
    EXPECT_TRUE(words[1].edited);
    EXPECT_EQ(words[4].id, officer);
    EXPECT_EQ(words[4].labelName, "PERSON");
    EXPECT_EQ(words[6].id, *drawnId);
    EXPECT_EQ(words[6].source, WordSource::User);
    EXPECT_FALSE(words[6].confidence.has_value());
    EXPECT_EQ(words[6].line, 1); // took the line of its neighbour

    // A blank re-run keeps only the kept words, renumbered.
    PageOutcome blank = doneOutcome(page, 0, 0);
    blank.kind = PageKind::Blank;
    ASSERT_TRUE(store->storeOutcomes({blank}).ok());
    words = *store->words(page);
    ASSERT_EQ(words.size(), 3u);
    for (std::size_t i = 0; i < words.size(); ++i)
        EXPECT_EQ(words[i].order, static_cast<int>(i));
    EXPECT_EQ(store->page(page)->kind, PageKind::Blank);
}

TEST_F(ProjectStoreTest, FailedOutcomeKeepsExistingWords)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const PageId page = projectWithPages(*store, 1)[0];
    ASSERT_TRUE(store->storeOutcomes({doneOutcome(page, 20, 4)}).ok());
    PageOutcome failed;
    failed.pageId = page;
    failed.status = PageStatus::Failed;
    failed.error = "OCR timed out after 120 s";
    ASSERT_TRUE(store->storeOutcomes({failed}).ok());
    auto p = store->page(page);
    EXPECT_EQ(p->status, PageStatus::Failed);
    EXPECT_EQ(p->error, "OCR timed out after 120 s");
    EXPECT_EQ(p->kind, PageKind::Scanned);
    EXPECT_EQ(store->words(page)->size(), 20u);
}

// ---- the queue --------------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, JobsMarkProcessingAndRecoverInterrupted)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const auto a = projectWithPages(*store, 3, "sha-a");
    auto docB = store->addDocument(makeDocument("photo.png", "sha-b", DocumentKind::Image), makePages(1));
    ASSERT_TRUE(docB.ok());

    auto queued = store->jobs(PageStatus::Queued);
    ASSERT_TRUE(queued.ok());
    ASSERT_EQ(queued->size(), 4u);
    EXPECT_EQ((*queued)[0].pageId, a[0]);
    EXPECT_EQ((*queued)[2].number, 3);
    EXPECT_EQ((*queued)[2].path, "/evidence/report.pdf");
    EXPECT_EQ((*queued)[3].kind, DocumentKind::Image);
    EXPECT_EQ((*queued)[3].documentId, *docB);

    ASSERT_TRUE(store->markProcessing({a[0], a[1]}).ok());
    auto processing = *store->jobs(PageStatus::Processing);
    ASSERT_EQ(processing.size(), 2u);
    EXPECT_EQ(processing[0].attempts, 1);
    EXPECT_EQ(store->jobs(PageStatus::Queued)->size(), 2u);
    EXPECT_FALSE(store->markProcessing({a[2], 999999}).ok()); // unknown page: nothing claimed
    EXPECT_EQ(store->page(a[2])->status, PageStatus::Queued);

    // The process "dies": a new connection recovers the claims.
    store.reset();
    store = openOrDie(m_path);
    auto recovered = store->recoverInterrupted();
    ASSERT_TRUE(recovered.ok());
    EXPECT_EQ(*recovered, 2);
    EXPECT_EQ(store->jobs(PageStatus::Queued)->size(), 4u);
    EXPECT_EQ(*store->recoverInterrupted(), 0);
    ASSERT_TRUE(store->markProcessing({a[0]}).ok());
    EXPECT_EQ(store->page(a[0])->attempts, 2);
}

TEST_F(ProjectStoreTest, RequeueFailedAndAll)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const auto pages = projectWithPages(*store, 4);
    PageOutcome failed;
    failed.pageId = pages[1];
    failed.status = PageStatus::Failed;
    failed.error = "render failed";
    ASSERT_TRUE(store->storeOutcomes({doneOutcome(pages[0], 10, 1), failed}).ok());
    ASSERT_TRUE(store->markProcessing({pages[2]}).ok());

    EXPECT_EQ(*store->requeueFailed(), 1);
    EXPECT_EQ(store->page(pages[1])->status, PageStatus::Queued);
    EXPECT_EQ(*store->requeueFailed(), 0);

    EXPECT_EQ(*store->requeueAll(), 1); // the done page; the processing one belongs to a running job
    EXPECT_EQ(store->page(pages[0])->status, PageStatus::Queued);
    EXPECT_EQ(store->words(pages[0])->size(), 10u); // words stay until the page is done again
    EXPECT_EQ(store->page(pages[2])->status, PageStatus::Processing);
}

// ---- reports and failed documents ------------------------------------------------------------------

TEST_F(ProjectStoreTest, SummaryFailuresAndFailedDocuments)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const auto pages = projectWithPages(*store, 4, "sha-ok");
    DocumentRecord broken = makeDocument("broken.pdf", "sha-broken");
    broken.error = "not a PDF or image";
    auto brokenId = store->addFailedDocument(broken);
    ASSERT_TRUE(brokenId.ok());
    // The same file failing again updates its record.
    broken.error = "damaged PDF: no xref table";
    EXPECT_EQ(*store->addFailedDocument(broken), *brokenId);
    DocumentRecord unreadable = makeDocument("locked.pdf", QString());
    unreadable.error = "permission denied";
    auto unreadableId = store->addFailedDocument(unreadable);
    ASSERT_TRUE(unreadableId.ok());
    EXPECT_NE(*unreadableId, *brokenId);
    EXPECT_EQ(*store->addFailedDocument(unreadable), *unreadableId); // same path, still unreadable
    // A file already imported is not turned into a failure.
    EXPECT_FALSE(store->addFailedDocument(makeDocument("report.pdf", "sha-ok")).ok());

    PageOutcome failed;
    failed.pageId = pages[2];
    failed.status = PageStatus::Failed;
    failed.error = "OCR engine crashed";
    PageOutcome blank = doneOutcome(pages[1], 0, 0);
    blank.kind = PageKind::Blank;
    PageOutcome text = doneOutcome(pages[3], 7, 0);
    text.kind = PageKind::TextLayer;
    text.source = WordSource::TextLayer;
    ASSERT_TRUE(store->storeOutcomes({doneOutcome(pages[0], 11, 1), blank, failed, text}).ok());
    ASSERT_TRUE(store->setPageReview(pages[0], ReviewStatus::Reviewed).ok());

    auto s = store->summary();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->documents, 3);
    EXPECT_EQ(s->failedDocuments, 2);
    EXPECT_EQ(s->pages, 4);
    EXPECT_EQ(s->done, 3);
    EXPECT_EQ(s->failed, 1);
    EXPECT_EQ(s->queued, 0);
    EXPECT_EQ(s->scanned, 1);
    EXPECT_EQ(s->blank, 1);
    EXPECT_EQ(s->textLayer, 1);
    EXPECT_EQ(s->unknownKind, 1); // the failed page never got classified
    EXPECT_EQ(s->words, 18);
    EXPECT_EQ(s->reviewedPages, 1);
    EXPECT_EQ((*store->words(pages[3]))[0].source, WordSource::TextLayer);

    auto f = store->failures();
    ASSERT_TRUE(f.ok());
    ASSERT_EQ(f->size(), 3u);
    EXPECT_EQ((*f)[0].pageNumber, 3);
    EXPECT_EQ((*f)[0].reason, "OCR engine crashed");
    EXPECT_EQ((*f)[0].documentPath, "/evidence/report.pdf");
    EXPECT_EQ((*f)[1].documentId, *brokenId);
    EXPECT_EQ((*f)[1].pageNumber, 0);
    EXPECT_EQ((*f)[1].reason, "damaged PDF: no xref table");
    EXPECT_EQ((*f)[2].reason, "permission denied");

    // The broken file was repaired and imported on retry.
    DocumentRecord repaired = makeDocument("broken.pdf", "sha-repaired");
    ASSERT_TRUE(store->replaceFailedDocument(*brokenId, repaired, makePages(2)).ok());
    auto doc = store->document(*brokenId);
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(doc->error.isEmpty());
    EXPECT_EQ(doc->sha256, "sha-repaired");
    EXPECT_EQ(doc->pageCount, 2);
    EXPECT_EQ(store->pages(*brokenId)->size(), 2u);
    EXPECT_EQ(store->summary()->failedDocuments, 1);
    EXPECT_EQ(store->failures()->size(), 2u);
    EXPECT_TRUE(store->findDocumentBySha("sha-repaired")->has_value());
    EXPECT_FALSE(store->findDocumentBySha("sha-broken")->has_value());
    // Only a failed document can be replaced.
    EXPECT_FALSE(store->replaceFailedDocument(*brokenId, repaired, makePages(1)).ok());
    // A duplicate import is refused with a clear message.
    auto dup = store->addDocument(makeDocument("copy.pdf", "sha-ok"), makePages(1));
    ASSERT_FALSE(dup.ok());
    EXPECT_TRUE(dup.error().message.contains("already in the project")) << dup.error().message.toStdString();
}

// ---- edits ---------------------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, EveryEditIsRecordedWithBeforeAndAfter)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const PageId page = projectWithPages(*store, 1)[0];
    ASSERT_TRUE(store->storeOutcomes({doneOutcome(page, 5, 9)}).ok());
    auto words = *store->words(page);
    const WordRecord w0 = words[0], w1 = words[1], w2 = words[2];

    auto group = store->beginEditGroup();
    ASSERT_TRUE(group.ok());
    ASSERT_TRUE(store->updateWordText(w0.id, "Smith", *group).ok());
    ASSERT_TRUE(store->updateWordText(w0.id, "Smyth", *group).ok());
    ASSERT_TRUE(store->updateWordBox(w1.id, {10, 20, 30, 40}, *group).ok());
    const LabelId plate = store->labels()->at(5).id;
    ASSERT_TRUE(store->setWordLabel(w2.id, plate).ok());
    ASSERT_TRUE(store->setWordLabel(w2.id, std::nullopt).ok());
    ASSERT_TRUE(store->deleteWord(w1.id).ok());
    WordRecord drawn;
    drawn.text = "KA-123";
    drawn.box = {2000, 3000, 2200, 3050};
    drawn.labelId = plate;
    auto added = store->addUserWord(page, drawn);
    ASSERT_TRUE(added.ok());
    ASSERT_TRUE(store->setPageReview(page, ReviewStatus::InProgress).ok());

    auto history = store->edits(page);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 8u);
    const auto& h = *history;
    for (const EditRecord& e : h) {
        EXPECT_EQ(e.pageId, page);
        EXPECT_FALSE(e.author.isEmpty());
        EXPECT_TRUE(e.at.isValid());
        EXPECT_FALSE(e.undone);
    }
    // Text: the first edit keeps the engine's reading in ocr_text, the second does not overwrite it.
    EXPECT_EQ(h[0].action, "text");
    EXPECT_EQ(h[0].wordId, w0.id);
    EXPECT_EQ(json(h[0].before)["text"].toString(), w0.text);
    EXPECT_TRUE(json(h[0].before)["ocr_text"].isNull());
    EXPECT_FALSE(json(h[0].before)["edited"].toBool());
    EXPECT_FALSE(json(h[0].before)["chars"].isNull());
    EXPECT_EQ(json(h[0].after)["text"].toString(), "Smith");
    EXPECT_EQ(json(h[0].after)["ocr_text"].toString(), w0.text);
    EXPECT_EQ(json(h[1].before)["text"].toString(), "Smith");
    EXPECT_EQ(json(h[1].after)["ocr_text"].toString(), w0.text);
    // One group for the first three, a group each for the rest.
    EXPECT_EQ(h[0].groupId, *group);
    EXPECT_EQ(h[1].groupId, *group);
    EXPECT_EQ(h[2].groupId, *group);
    std::set<long long> groups;
    for (std::size_t i = 3; i < h.size(); ++i)
        groups.insert(h[i].groupId);
    EXPECT_EQ(groups.size(), 5u);
    EXPECT_GT(*groups.begin(), *group);
    // Box.
    EXPECT_EQ(h[2].action, "box");
    EXPECT_EQ(json(h[2].before)["x0"].toInt(), w1.box.x0);
    EXPECT_EQ(json(h[2].before)["y1"].toInt(), w1.box.y1);
    EXPECT_EQ(json(h[2].after)["x0"].toInt(), 10);
    EXPECT_EQ(json(h[2].after)["y1"].toInt(), 40);
    EXPECT_TRUE(json(h[2].after)["edited"].toBool());
    // Label set, then cleared.
    EXPECT_EQ(h[3].action, "label");
    EXPECT_TRUE(json(h[3].before)["label_id"].isNull());
    EXPECT_EQ(json(h[3].after)["label_id"].toInteger(), plate);
    EXPECT_EQ(json(h[3].after)["label"].toString(), "PLATE");
    EXPECT_EQ(json(h[4].before)["label"].toString(), "PLATE");
    EXPECT_TRUE(json(h[4].after)["label_id"].isNull());
    // Delete keeps the whole word so undo can recreate it.
    EXPECT_EQ(h[5].action, "delete");
    const QJsonObject deleted = json(h[5].before);
    EXPECT_EQ(deleted["id"].toInteger(), w1.id);
    EXPECT_EQ(deleted["text"].toString(), w1.text);
    EXPECT_EQ(deleted["x0"].toInt(), 10);
    EXPECT_EQ(deleted["source"].toString(), "ocr");
    EXPECT_EQ(deleted["ord"].toInt(), 1);
    EXPECT_TRUE(deleted["edited"].toBool());
    EXPECT_FALSE(deleted["chars"].isNull());
    EXPECT_TRUE(json(h[5].after).isEmpty());
    // Add.
    EXPECT_EQ(h[6].action, "add");
    EXPECT_TRUE(json(h[6].before).isEmpty());
    EXPECT_EQ(json(h[6].after)["text"].toString(), "KA-123");
    EXPECT_EQ(json(h[6].after)["source"].toString(), "user");
    EXPECT_TRUE(json(h[6].after)["confidence"].isNull());
    EXPECT_EQ(json(h[6].after)["label"].toString(), "PLATE");
    // Review.
    EXPECT_EQ(h[7].action, "review");
    EXPECT_EQ(h[7].wordId, 0);
    EXPECT_EQ(json(h[7].before)["review"].toString(), "new");
    EXPECT_EQ(json(h[7].after)["review"].toString(), "in-progress");
    EXPECT_EQ(store->page(page)->review, ReviewStatus::InProgress);

    // The rows themselves.
    words = *store->words(page);
    ASSERT_EQ(words.size(), 5u); // 5 - 1 deleted + 1 added
    for (std::size_t i = 0; i < words.size(); ++i)
        EXPECT_EQ(words[i].order, static_cast<int>(i));
    EXPECT_EQ(words[0].text, "Smyth");
    EXPECT_EQ(words[0].ocrText, std::optional<QString>(w0.text));
    EXPECT_TRUE(words[0].edited);
    EXPECT_TRUE(words[0].chars.empty()); // they described the old text
    EXPECT_TRUE(words[1].edited);        // w2: label set and cleared
    EXPECT_FALSE(words[1].labelId.has_value());
    EXPECT_EQ(words[4].id, *added); // bottom right of the page: last in reading order
    EXPECT_EQ(words[4].source, WordSource::User);
    EXPECT_EQ(words[4].labelName, "PLATE");

    // Errors: unknown word, label, page; an empty box.
    EXPECT_EQ(store->updateWordText(987654, "x").error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->setWordLabel(words[0].id, 987654).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->setPageReview(987654, ReviewStatus::Reviewed).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->updateWordBox(words[0].id, {5, 5, 5, 9}).error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(store->deleteWord(w1.id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->edits(page)->size(), 8u); // failed edits leave no history
}

TEST_F(ProjectStoreTest, UserWordGoesIntoReadingOrder)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const PageId page = projectWithPages(*store, 1)[0];
    PageOutcome o = doneOutcome(page, 0, 0);
    o.result.words = {makeWord("Date:", {100, 100, 200, 140}, 0, 0, 90),
                      makeWord("2024-03-01", {400, 100, 600, 140}, 0, 0, 90),
                      makeWord("Place:", {100, 200, 220, 240}, 1, 1, 90)};
    ASSERT_TRUE(store->storeOutcomes({o}).ok());
    WordRecord between;
    between.text = "Fri";
    between.box = {250, 102, 350, 138};
    ASSERT_TRUE(store->addUserWord(page, between).ok());
    WordRecord top;
    top.text = "CONFIDENTIAL";
    top.box = {1000, 10, 1300, 50};
    ASSERT_TRUE(store->addUserWord(page, top).ok());
    QStringList texts;
    std::vector<int> orders;
    const std::vector<WordRecord> stored = *store->words(page);
    for (const WordRecord& w : stored) {
        texts << w.text;
        orders.push_back(w.order);
    }
    EXPECT_EQ(texts, (QStringList{"CONFIDENTIAL", "Date:", "Fri", "2024-03-01", "Place:"}));
    EXPECT_EQ(orders, (std::vector<int>{0, 1, 2, 3, 4}));
}

// ---- characters ------------------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, CharacterBoxesRoundTrip)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const PageId page = projectWithPages(*store, 1)[0];
    RecognizedWord ligature;
    ligature.text = QString::fromUtf8("\xef\xac\x81le"); // "ﬁle" read as ligature + 2 letters...
    ligature.box = {1000, 500, 1090, 540};
    ligature.confidence = 88.5f;
    // ...but the engine reports "fi" for the ligature: texts must be stored explicitly.
    ligature.chars = {{QStringLiteral("fi"), {1000, 500, 1030, 540}, 80.f},
                      {QStringLiteral("l"), {1029, 495, 1040, 541}, 99.5f}, // overlaps, sticks out
                      {QStringLiteral("e"), {1045, 510, 1090, 540}, 0.f}};
    RecognizedWord umlaut = makeWord(QString::fromUtf8("Gr\xc3\xb6\xc3\x9f"
                                                       "e \xf0\x9f\x98\x80"),
                                     {20, 30, 400, 90}, 0, 0, 55.25f);
    RecognizedWord noChars;
    noChars.text = "plain";
    noChars.box = {5, 5, 50, 20};
    noChars.confidence = 12.f;
    PageOutcome o = doneOutcome(page, 0, 0);
    o.result.words = {umlaut, ligature, noChars};
    ASSERT_TRUE(store->storeOutcomes({o}).ok());

    auto words = *store->words(page);
    ASSERT_EQ(words.size(), 3u);
    auto expectSame = [](const std::vector<RecognizedChar>& got, const std::vector<RecognizedChar>& want) {
        ASSERT_EQ(got.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ(got[i].text, want[i].text);
            EXPECT_EQ(got[i].box, want[i].box);
            EXPECT_NEAR(got[i].confidence, want[i].confidence, 0.25);
        }
    };
    const WordRecord* lig = nullptr;
    for (const WordRecord& w : words) {
        if (w.text == umlaut.text)
            expectSame(w.chars, umlaut.chars);
        if (w.text == ligature.text) {
            expectSame(w.chars, ligature.chars);
            lig = &w;
        }
        if (w.text == "plain") {
            EXPECT_TRUE(w.chars.empty());
        }
    }
    ASSERT_NE(lig, nullptr);
    // Moving the word box leaves the characters where they are on the page.
    ASSERT_TRUE(store->updateWordBox(lig->id, {990, 490, 1100, 545}).ok());
    const std::vector<WordRecord> moved = *store->words(page);
    for (const WordRecord& w : moved)
        if (w.id == lig->id)
            expectSame(w.chars, ligature.chars);

    // The codec on its own: garbage never decodes into something, nor crashes.
    const QByteArray good = encodeChars(umlaut.chars, umlaut.box, umlaut.text);
    EXPECT_LT(good.size(), 2 + static_cast<int>(umlaut.chars.size()) * 6);
    for (int cut = 1; cut < good.size(); ++cut)
        EXPECT_FALSE(decodeChars(good.left(cut), umlaut.box, umlaut.text).has_value()) << cut;
    EXPECT_FALSE(decodeChars(QByteArray("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11), umlaut.box, umlaut.text)
                     .has_value());
    EXPECT_FALSE(decodeChars(good, umlaut.box, "other text").has_value());
}

// ---- concurrency ------------------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, ReaderIsNotBlockedByUncommittedWrite)
{
    auto store = openOrDie(m_path);
    ASSERT_TRUE(store);
    const auto pages = projectWithPages(*store, 3);
    ASSERT_TRUE(store->storeOutcomes({doneOutcome(pages[0], 10, 1)}).ok());

    // Another connection is half-way through writing a page (words without the status yet).
    RawDb writer(m_path);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("UPDATE pages SET status = 'done' WHERE number = 2");
    writer.exec("INSERT INTO words (page_id, ord, text, x0, y0, x1, y1, source) "
                "SELECT id, 0, 'half', 0, 0, 5, 5, 'ocr' FROM pages WHERE number = 2");

    auto reader = openOrDie(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(reader);
    const auto t0 = std::chrono::steady_clock::now();
    auto s = reader->summary();
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_LT(elapsed, std::chrono::seconds(2)) << "a reader must not wait for the writer";
    EXPECT_EQ(s->done, 1); // the uncommitted page is invisible
    EXPECT_EQ(s->words, 10);
    // The store's own connection reads too, and its writes wait for the other writer then fail cleanly.
    EXPECT_EQ(store->summary()->done, 1);

    writer.exec("COMMIT");
    EXPECT_EQ(reader->summary()->done, 2);
    EXPECT_EQ(reader->summary()->words, 11);
}

// ---- size ---------------------------------------------------------------------------------------------------

TEST_F(ProjectStoreTest, MeasuresBytesPerScannedPage)
{
    constexpr int kPages = 40;
    constexpr int kWords = 300;
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        const auto pages = projectWithPages(*store, kPages);
        std::vector<PageOutcome> outcomes;
        for (int i = 0; i < kPages; ++i)
            outcomes.push_back(doneOutcome(pages[i], kWords, i));
        ASSERT_TRUE(store->storeOutcomes(outcomes).ok());
        EXPECT_EQ(store->summary()->words, kPages * kWords);
    }
    RawDb raw(m_path);
    raw.exec("PRAGMA journal_mode = DELETE; VACUUM;");
    const long long charsBytes = raw.integer("SELECT sum(length(chars)) FROM words");
    const long long textBytes = raw.integer("SELECT sum(length(text)) FROM words");
    raw.exec("PRAGMA journal_mode = WAL");
    const qint64 size = QFileInfo(m_path).size();
    std::printf("[ measure  ] %d pages x %d words (%.1f letters a word): file %lld bytes after VACUUM = "
                "%.1f KiB per page (chars column %.1f bytes a word)\n",
                kPages, kWords, static_cast<double>(textBytes) / (kPages * kWords), static_cast<long long>(size),
                static_cast<double>(size) / kPages / 1024.0, static_cast<double>(charsBytes) / (kPages * kWords));
    EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
}

} // namespace
} // namespace incidoc
