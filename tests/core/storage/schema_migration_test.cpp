// The kind of failure in the project file: a real schema-1 project (made from the schema text Incidoc 1
// shipped, tests/core/storage/schema_v1.sql) read as it is and migrated to schema 2 with the kinds filled
// in from its reasons; every kind written and read back; requeues clearing it; hand-edited values.
#include "core/storage/project_store.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>

#include "tests/core/storage/raw_db.h"
#include "tests/core/storage/storage_test_data.h"

namespace incidoc {
namespace {

using test::fileBytes;
using test::RawDb;

QByteArray schemaVersion1()
{
    QFile f(QStringLiteral(INCIDOC_SCHEMA_V1_SQL));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << INCIDOC_SCHEMA_V1_SQL;
    return f.readAll();
}

std::unique_ptr<ProjectStore> openOrDie(const QString& path, OpenMode mode = OpenMode::ReadWrite)
{
    auto store = ProjectStore::open(path, mode);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message.toStdString());
    return store.ok() ? std::move(*store) : nullptr;
}

// The reasons Incidoc 1 stored, word for word (core/pipeline/page_host.cpp and app/cli/supervisor.cpp).
const char* const kPageCrash = "processing this page crashed the renderer or OCR engine (signal 11: Segmentation "
                               "fault); skipped";
const char* const kPageHang = "processing this page did not finish within 130 s (the renderer or OCR engine hung); "
                              "skipped";
const char* const kPageMemory = "processing this page used more than 4096 MB of memory (the budget); skipped";
const char* const kFileCrash = "processing this file crashed the renderer or OCR engine (signal 6: Aborted); skipped";
const char* const kFileHang = "processing this file did not finish within 130 s (the renderer or OCR engine hung); "
                              "skipped";
const char* const kFileMemory = "processing this file used more than 4096 MB of memory (the budget); skipped";

struct V1Page {
    int number;
    const char* status;
    const char* error; ///< nullptr: NULL
    FailureKind expected;
};

// Pages of document 1 in the schema-1 file, with the kind the migration must give each.
const V1Page kV1Pages[] = {
    {1, "done", nullptr, FailureKind::None},
    {2, "done", "page too large, rendered at 120 dpi", FailureKind::None},
    {3, "failed", kPageCrash, FailureKind::Crash},
    {4, "failed", kPageHang, FailureKind::Hang},
    {5, "failed", kPageMemory, FailureKind::Memory},
    {6, "failed", "OCR engine crashed", FailureKind::Error}, // "crashed", but not a host's words
    {7, "failed", "damaged page: cannot be rendered", FailureKind::Error},
    {8, "failed", nullptr, FailureKind::Error}, // failed without a reason is still a failure
    {9, "queued", nullptr, FailureKind::None},
    {10, "done", kPageCrash, FailureKind::None},                        // only failed pages have a kind
    {11, "failed", "Processing this page crashed", FailureKind::Error}, // not the exact words
};

struct V1Document {
    DocumentId id;
    const char* error;
    FailureKind expected;
};

const V1Document kV1Documents[] = {
    {1, nullptr, FailureKind::None},
    {2, "damaged PDF: cannot be opened", FailureKind::Error},
    {3, kFileCrash, FailureKind::Crash},
    {4, kFileHang, FailureKind::Hang},
    {5, kFileMemory, FailureKind::Memory},
    {6, kPageCrash, FailureKind::Error}, // a page's words on a file: not what a host said of a file
};

QByteArray quoted(const char* s)
{
    if (!s)
        return "NULL";
    return "'" + QByteArray(s).replace("'", "''") + "'";
}

// A project file exactly as Incidoc 1 made it: schema.sql of then, user_version 1, and rows.
void makeVersion1Project(const QString& path)
{
    RawDb raw(path);
    raw.exec("BEGIN");
    raw.exec(schemaVersion1());
    raw.exec("INSERT INTO meta (key, value) VALUES ('created_with', 'Incidoc 0.9.0'), "
             "('created_at', '2026-11-02T10:00:00.000Z')");
    for (const V1Document& d : kV1Documents) {
        raw.exec("INSERT INTO documents (id, path, name, sha256, size, kind, page_count, imported_at, error) "
                 "VALUES ("
                 + QByteArray::number(d.id) + ", '/evidence/" + QByteArray::number(d.id) + ".pdf', '"
                 + QByteArray::number(d.id) + ".pdf', 'sha-" + QByteArray::number(d.id) + "', 100, 'pdf', "
                 + (d.error ? "0" : "11") + ", '2026-11-02T10:00:00.000Z', " + quoted(d.error) + ")");
    }
    for (const V1Page& p : kV1Pages)
        raw.exec("INSERT INTO pages (document_id, number, status, error, attempts) VALUES (1, "
                 + QByteArray::number(p.number) + ", '" + p.status + "', " + quoted(p.error) + ", 1)");
    raw.exec("INSERT INTO words (page_id, ord, text, x0, y0, x1, y1, confidence, source) "
             "VALUES (1, 0, 'Incident', 10, 10, 90, 30, 91.5, 'ocr')");
    raw.exec("PRAGMA user_version = 1");
    raw.exec("COMMIT");
}

class SchemaMigrationTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("v1.incidoc"));
    }

    // The kinds the store reads, by page number / document id.
    static std::map<int, FailureKind> pageKinds(ProjectStore& store)
    {
        std::map<int, FailureKind> out;
        for (const PageRecord& p : *store.pages(1))
            out[p.number] = p.failure;
        return out;
    }
    static std::map<DocumentId, FailureKind> documentKinds(ProjectStore& store)
    {
        std::map<DocumentId, FailureKind> out;
        for (const DocumentRecord& d : *store.documents())
            out[d.id] = d.failure;
        return out;
    }
    void expectVersion1Kinds(ProjectStore& store)
    {
        const auto pages = pageKinds(store);
        ASSERT_EQ(pages.size(), std::size(kV1Pages));
        for (const V1Page& p : kV1Pages)
            EXPECT_EQ(pages.at(p.number), p.expected) << "page " << p.number << ": " << (p.error ? p.error : "NULL");
        const auto documents = documentKinds(store);
        ASSERT_EQ(documents.size(), std::size(kV1Documents));
        for (const V1Document& d : kV1Documents)
            EXPECT_EQ(documents.at(d.id), d.expected) << "document " << d.id;
        // One page read on its own, and the failures list, agree.
        const auto crashed = std::find_if(std::begin(kV1Pages), std::end(kV1Pages),
                                          [](const V1Page& p) { return p.expected == FailureKind::Crash; });
        auto pages1 = *store.pages(1);
        auto page = store.page(pages1[static_cast<size_t>(crashed - std::begin(kV1Pages))].id);
        ASSERT_TRUE(page.ok());
        EXPECT_EQ(page->failure, FailureKind::Crash);
        EXPECT_TRUE(failedInIsolation(*page));
        auto failures = store.failures();
        ASSERT_TRUE(failures.ok());
        int failedPages = 0, failedDocuments = 0;
        for (const FailureRecord& f : *failures) {
            if (f.pageNumber == 0) {
                ++failedDocuments;
                EXPECT_EQ(f.failure, documentKinds(store).at(f.documentId)) << f.reason.toStdString();
            } else {
                ++failedPages;
                EXPECT_EQ(f.failure, pages.at(f.pageNumber)) << f.reason.toStdString();
            }
        }
        EXPECT_EQ(failedPages, 7);
        EXPECT_EQ(failedDocuments, 5);
    }

    QTemporaryDir m_dir;
    QString m_path;
};

TEST_F(SchemaMigrationTest, ReadOnlyOpenReadsAVersion1ProjectAsItIsWithKindsFromItsReasons)
{
    makeVersion1Project(m_path);
    const QByteArray before = fileBytes(m_path);
    {
        auto store = openOrDie(m_path, OpenMode::ReadOnly);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), 1);
        expectVersion1Kinds(*store);
        EXPECT_EQ(store->words(1)->size(), 1u);
    }
    EXPECT_EQ(fileBytes(m_path), before); // not migrated, nothing written
    EXPECT_EQ(RawDb(m_path).text("PRAGMA user_version"), QStringLiteral("1"));
}

TEST_F(SchemaMigrationTest, ReadWriteOpenMigratesAVersion1ProjectOnceAndStoresTheKinds)
{
    makeVersion1Project(m_path);
    {
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), ProjectStore::kSchemaVersion); // through 2 to the newest
        expectVersion1Kinds(*store);
        // Everything else is as it was.
        const auto pages = *store->pages(1);
        EXPECT_EQ(pages[1].error, QStringLiteral("page too large, rendered at 120 dpi"));
        EXPECT_EQ(pages[2].error, QString::fromLatin1(kPageCrash));
        EXPECT_EQ(store->words(pages[0].id)->size(), 1u);
        EXPECT_EQ(store->labels()->size(), 9u);
    }
    {
        // The columns themselves, behind the store's back.
        RawDb raw(m_path);
        EXPECT_EQ(raw.text("PRAGMA user_version"), QString::number(ProjectStore::kSchemaVersion));
        EXPECT_EQ(raw.text("SELECT group_concat(number || '=' || failure, ' ') FROM "
                           "(SELECT number, failure FROM pages ORDER BY number)"),
                  QStringLiteral("1= 2= 3=crash 4=hang 5=memory 6=error 7=error 8=error 9= 10= 11=error"));
        EXPECT_EQ(raw.text("SELECT group_concat(id || '=' || failure, ' ') FROM "
                           "(SELECT id, failure FROM documents ORDER BY id)"),
                  QStringLiteral("1= 2=error 3=crash 4=hang 5=memory 6=error"));
        EXPECT_EQ(raw.text("SELECT value FROM meta WHERE key = 'created_with'"), QStringLiteral("Incidoc 0.9.0"));
        // A kind is never filled in again from the words: a later reason in a host's words stays 'error'.
        raw.exec(QByteArray("UPDATE pages SET failure = 'error', error = ") + quoted(kPageHang) + " WHERE number = 7");
    }
    // The migrated file holds exactly the schema a new project has: it opens (schema verified) either way.
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        auto store = openOrDie(m_path, mode);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), ProjectStore::kSchemaVersion);
        EXPECT_EQ(pageKinds(*store).at(3), FailureKind::Crash);
        EXPECT_EQ(pageKinds(*store).at(7), FailureKind::Error);
    }
}

TEST_F(SchemaMigrationTest, AVersion1ProjectWithASchemaIncidocDidNotMakeIsRefusedUntouched)
{
    makeVersion1Project(m_path);
    RawDb(m_path).exec("CREATE TRIGGER evil AFTER UPDATE ON pages BEGIN DELETE FROM words; END");
    const QByteArray before = fileBytes(m_path);
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        auto store = ProjectStore::open(m_path, mode);
        ASSERT_FALSE(store.ok());
        EXPECT_EQ(store.error().code, ErrorCode::InvalidInput);
        EXPECT_TRUE(store.error().message.contains(QStringLiteral("schema Incidoc did not make")))
            << store.error().message.toStdString();
    }
    EXPECT_EQ(fileBytes(m_path), before);
    EXPECT_EQ(RawDb(m_path).text("PRAGMA user_version"), QStringLiteral("1"));
}

// A new project against the failure kinds of its writes.
class FailureKindStoreTest : public SchemaMigrationTest {
protected:
    void SetUp() override
    {
        SchemaMigrationTest::SetUp();
        m_path = m_dir.filePath(QStringLiteral("new.incidoc"));
        m_store = openOrDie(m_path);
        ASSERT_TRUE(m_store);
        DocumentRecord doc;
        doc.path = QStringLiteral("/evidence/a.pdf");
        doc.name = QStringLiteral("a.pdf");
        doc.sha256 = QStringLiteral("sha-a");
        doc.failure = FailureKind::Crash; // ignored: the file imported
        std::vector<PageInfo> infos;
        for (int i = 1; i <= 8; ++i)
            infos.push_back({i, 612, 792, 0, 0, 0, 0});
        auto id = m_store->addDocument(doc, infos);
        ASSERT_TRUE(id.ok());
        m_doc = *id;
        for (const PageRecord& p : *m_store->pages(m_doc))
            m_pages.push_back(p.id);
    }

    // Outcomes for pages 1..6 failed with each kind (page 1: no kind given), 7 done, 8 left queued.
    void storeEveryKind()
    {
        ASSERT_TRUE(m_store->markProcessing({m_pages.begin(), m_pages.begin() + 7}).ok());
        std::vector<PageOutcome> outcomes;
        const FailureKind kinds[] = {FailureKind::None, FailureKind::Error,  FailureKind::Crash,
                                     FailureKind::Hang, FailureKind::Memory, FailureKind::Cancelled};
        for (size_t i = 0; i < std::size(kinds); ++i) {
            PageOutcome o;
            o.pageId = m_pages[i];
            o.status = PageStatus::Failed;
            o.failure = kinds[i];
            o.error = QStringLiteral("reason %1").arg(i + 1); // words that say nothing of the kind
            outcomes.push_back(o);
        }
        PageOutcome done = test::doneOutcome(m_pages[6], 5, 7);
        done.failure = FailureKind::Hang; // a page that is done has no failure, whatever it is given
        done.error = QStringLiteral("processing this page did not finish within 12 s");
        outcomes.push_back(done);
        ASSERT_TRUE(m_store->storeOutcomes(outcomes).ok());
    }

    std::vector<FailureKind> kinds()
    {
        std::vector<FailureKind> out;
        for (const PageRecord& p : *m_store->pages(m_doc))
            out.push_back(p.failure);
        return out;
    }

    std::unique_ptr<ProjectStore> m_store;
    DocumentId m_doc = 0;
    std::vector<PageId> m_pages;
};

TEST_F(FailureKindStoreTest, EveryKindIsStoredWithItsOutcomeAndReadBack)
{
    storeEveryKind();
    const std::vector<FailureKind> expected = {FailureKind::Error, FailureKind::Error,  FailureKind::Crash,
                                               FailureKind::Hang,  FailureKind::Memory, FailureKind::Cancelled,
                                               FailureKind::None,  FailureKind::None};
    EXPECT_EQ(kinds(), expected);
    EXPECT_EQ(RawDb(m_path).text("SELECT group_concat(failure, ',') FROM (SELECT failure FROM pages ORDER BY number)"),
              QStringLiteral("error,error,crash,hang,memory,cancelled,,"));
    // From a second connection, after reopening, and through the failures list.
    m_store.reset();
    m_store = openOrDie(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(m_store);
    EXPECT_EQ(kinds(), expected);
    const std::vector<PageRecord> pages = *m_store->pages(m_doc);
    EXPECT_FALSE(failedInIsolation(pages[1]));
    EXPECT_TRUE(failedInIsolation(pages[2]));
    EXPECT_TRUE(failedInIsolation(pages[3]));
    EXPECT_TRUE(failedInIsolation(pages[4]));
    EXPECT_FALSE(failedInIsolation(pages[6])); // its note has a host's words; it is done
    auto failures = m_store->failures();
    ASSERT_TRUE(failures.ok());
    ASSERT_EQ(failures->size(), 6u);
    for (const FailureRecord& f : *failures)
        EXPECT_EQ(f.failure, expected[static_cast<size_t>(f.pageNumber - 1)]) << f.reason.toStdString();
}

TEST_F(FailureKindStoreTest, RequeueAndProcessingClearTheKind)
{
    storeEveryKind();
    auto requeued = m_store->requeueFailed();
    ASSERT_TRUE(requeued.ok());
    EXPECT_EQ(*requeued, 6);
    EXPECT_EQ(kinds(), std::vector<FailureKind>(8, FailureKind::None));
    EXPECT_EQ(RawDb(m_path).text("SELECT count(*) FROM pages WHERE failure <> ''"), QStringLiteral("0"));

    storeEveryKind();
    ASSERT_TRUE(m_store->requeueAll().ok());
    EXPECT_EQ(kinds(), std::vector<FailureKind>(8, FailureKind::None));
    EXPECT_EQ(RawDb(m_path).text("SELECT count(*) FROM pages WHERE failure <> ''"), QStringLiteral("0"));

    // A failed page claimed again (without a requeue) is being processed, not failed.
    storeEveryKind();
    ASSERT_TRUE(m_store->markProcessing({m_pages[2]}).ok());
    EXPECT_EQ(m_store->page(m_pages[2])->failure, FailureKind::None);
    EXPECT_EQ(RawDb(m_path).text("SELECT failure FROM pages WHERE id = " + QByteArray::number(m_pages[2])), QString());
    // ... and done the next time.
    ASSERT_TRUE(m_store->storeOutcomes({test::doneOutcome(m_pages[2], 3, 1)}).ok());
    EXPECT_EQ(m_store->page(m_pages[2])->failure, FailureKind::None);
    EXPECT_EQ(m_store->page(m_pages[2])->status, PageStatus::Done);
}

TEST_F(FailureKindStoreTest, DocumentsThatCannotBeImportedKeepTheirKind)
{
    EXPECT_EQ(m_store->document(m_doc)->failure, FailureKind::None);
    DocumentRecord crashed;
    crashed.path = QStringLiteral("/evidence/b.pdf");
    crashed.name = QStringLiteral("b.pdf");
    crashed.sha256 = QStringLiteral("sha-b");
    crashed.error = QStringLiteral("the reader stopped");
    crashed.failure = FailureKind::Crash;
    auto id = m_store->addFailedDocument(crashed);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(m_store->document(*id)->failure, FailureKind::Crash);

    DocumentRecord plain = crashed;
    plain.path = QStringLiteral("/evidence/c.pdf");
    plain.sha256.clear();
    plain.error = QStringLiteral("not a PDF or image");
    plain.failure = FailureKind::None; // no kind given: an error
    auto plainId = m_store->addFailedDocument(plain);
    ASSERT_TRUE(plainId.ok());
    EXPECT_EQ(m_store->document(*plainId)->failure, FailureKind::Error);

    // The same file failing again, now over its time budget: its record, and its kind, are updated.
    crashed.failure = FailureKind::Hang;
    ASSERT_EQ(*m_store->addFailedDocument(crashed), *id);
    EXPECT_EQ(m_store->document(*id)->failure, FailureKind::Hang);
    EXPECT_EQ(m_store->findDocumentBySha(QStringLiteral("sha-b"))->value().failure, FailureKind::Hang);

    // Imported on a retry: no failure any more.
    DocumentRecord imported = crashed;
    imported.error.clear();
    ASSERT_TRUE(m_store->replaceFailedDocument(*id, imported, {{1, 612, 792, 0, 0, 0, 0}}).ok());
    EXPECT_EQ(m_store->document(*id)->failure, FailureKind::None);
    EXPECT_EQ(RawDb(m_path).text("SELECT group_concat(failure, ',') FROM (SELECT failure FROM documents ORDER BY id)"),
              QStringLiteral(",,error"));
}

// A hand-edited file may hold any text in the column (CHECK bypassed): a failed row still reads as a
// failure (Error), and a row that did not fail reads as none, whatever the column says.
TEST_F(FailureKindStoreTest, HandEditedKindsReadSafely)
{
    storeEveryKind();
    m_store.reset();
    {
        RawDb raw(m_path);
        raw.exec("PRAGMA ignore_check_constraints = ON");
        raw.exec("UPDATE pages SET failure = 'exploded' WHERE number = 3");
        raw.exec("UPDATE pages SET failure = '' WHERE number = 4");
        raw.exec("UPDATE pages SET failure = 'crash' WHERE number IN (7, 8)");
    }
    m_store = openOrDie(m_path);
    ASSERT_TRUE(m_store);
    const std::vector<FailureKind> k = kinds();
    EXPECT_EQ(k[2], FailureKind::Error);
    EXPECT_EQ(k[3], FailureKind::Error);
    EXPECT_EQ(k[4], FailureKind::Memory);
    EXPECT_EQ(k[6], FailureKind::None);
    EXPECT_EQ(k[7], FailureKind::None);
}

} // namespace
} // namespace incidoc
