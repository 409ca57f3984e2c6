// Two readers in the project file (schema 3): a real schema-2 project (made from the schema text Incidoc
// shipped, tests/core/storage/schema_v2.sql) read as it is and migrated; each word's engine, review flag
// and other readings written, read back, kept by re-OCR; editing or accepting a word clears its flag and
// undo restores it; the review walk over flagged words across the project.
#include "core/storage/project_store.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/core/storage/raw_db.h"
#include "tests/core/storage/storage_test_data.h"

namespace incidoc {
namespace {

using test::fileBytes;
using test::RawDb;

std::unique_ptr<ProjectStore> openOrDie(const QString& path, OpenMode mode = OpenMode::ReadWrite)
{
    auto store = ProjectStore::open(path, mode);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message.toStdString());
    return store.ok() ? std::move(*store) : nullptr;
}

// A project file exactly as Incidoc made it at schema 2: one document, one done page, two words.
void makeVersion2Project(const QString& path)
{
    QFile f(QStringLiteral(INCIDOC_SCHEMA_V2_SQL));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << INCIDOC_SCHEMA_V2_SQL;
    RawDb raw(path);
    raw.exec("BEGIN");
    raw.exec(f.readAll());
    raw.exec("INSERT INTO meta (key, value) VALUES ('created_with', 'Incidoc 1.0.0'), "
             "('created_at', '2026-11-20T10:00:00.000Z')");
    raw.exec("INSERT INTO documents (id, path, name, sha256, size, kind, page_count, imported_at) "
             "VALUES (1, '/evidence/1.pdf', '1.pdf', 'sha-1', 100, 'pdf', 1, '2026-11-20T10:00:00.000Z')");
    raw.exec("INSERT INTO pages (id, document_id, number, status) VALUES (1, 1, 1, 'done')");
    raw.exec("INSERT INTO words (page_id, ord, text, x0, y0, x1, y1, confidence, source) "
             "VALUES (1, 0, 'Incident', 10, 10, 90, 30, 91.5, 'ocr'), (1, 1, 'report', 100, 10, 160, 30, 40, 'ocr')");
    raw.exec("PRAGMA user_version = 2");
    raw.exec("COMMIT");
}

TEST(WordReadingsMigration, ReadOnlyOpenReadsAVersion2ProjectAsItIs)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.incidoc"));
    makeVersion2Project(path);
    const QByteArray before = fileBytes(path);
    {
        auto store = openOrDie(path, OpenMode::ReadOnly);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), 2);
        const auto words = *store->words(1);
        ASSERT_EQ(words.size(), 2u);
        for (const WordRecord& w : words) {
            EXPECT_EQ(w.engine, QString());
            EXPECT_FALSE(w.flagged);
            EXPECT_TRUE(w.alternatives.empty());
        }
        EXPECT_EQ(store->word(words[0].id)->value().text, QStringLiteral("Incident"));
        EXPECT_EQ(store->searchWords(QStringLiteral("rep"))->size(), 1u);
        EXPECT_EQ(*store->flaggedWordCount(), 0);
        EXPECT_FALSE(*store->hasOtherReadings());
        EXPECT_FALSE(store->flaggedWord(0)->has_value());
        // No forms before schema 4: an empty form, and adding one is refused clearly.
        EXPECT_TRUE(store->pageForm(1)->entities.empty());
        EntityRecord e;
        e.pageId = 1;
        e.words = {words[0].id};
        EXPECT_FALSE(store->addEntity(e).ok());
    }
    EXPECT_EQ(fileBytes(path), before); // not migrated, nothing written
    EXPECT_EQ(RawDb(path).text("PRAGMA user_version"), QStringLiteral("2"));
}

TEST(WordReadingsMigration, ReadWriteOpenMigratesAVersion2ProjectToTheNewest)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.incidoc"));
    makeVersion2Project(path);
    {
        auto store = openOrDie(path);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), ProjectStore::kSchemaVersion); // 3 (readings), then 4 (forms)
        const auto words = *store->words(1);
        ASSERT_EQ(words.size(), 2u);
        EXPECT_EQ(words[1].text, QStringLiteral("report"));
        EXPECT_FALSE(words[1].flagged);
        EXPECT_EQ(*store->flaggedWordCount(), 0);
        EXPECT_FALSE(*store->hasOtherReadings());
    }
    {
        RawDb raw(path);
        EXPECT_EQ(raw.text("PRAGMA user_version"), QString::number(ProjectStore::kSchemaVersion));
        EXPECT_EQ(raw.text("SELECT count(*) FROM entities"), QStringLiteral("0"));
        EXPECT_EQ(raw.text("SELECT group_concat(quote(engine) || '/' || flagged || '/' || quote(alternatives), ' ') "
                           "FROM words"),
                  QStringLiteral("''/0/NULL ''/0/NULL"));
        EXPECT_EQ(raw.text("SELECT value FROM meta WHERE key = 'created_with'"), QStringLiteral("Incidoc 1.0.0"));
    }
    // The migrated file holds exactly the schema a new project has: it opens (schema verified) either way.
    for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        auto store = openOrDie(path, mode);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schemaVersion(), ProjectStore::kSchemaVersion);
        auto form = store->pageForm(1);
        ASSERT_TRUE(form.ok());
        EXPECT_TRUE(form->entities.empty());
    }
}

// A new project with two documents of pages whose words carry readings and flags.
class WordReadingsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("p.incidoc"));
        m_store = openOrDie(m_path);
        ASSERT_TRUE(m_store);
        for (int d = 0; d < 2; ++d) {
            DocumentRecord doc;
            doc.path = QStringLiteral("/evidence/%1.pdf").arg(d);
            doc.name = QStringLiteral("%1.pdf").arg(d);
            doc.sha256 = QStringLiteral("sha-%1").arg(d);
            auto id = m_store->addDocument(doc, {{1, 612, 792, 0, 0, 0, 0}, {2, 612, 792, 0, 0, 0, 0}});
            ASSERT_TRUE(id.ok());
            for (const PageRecord& p : *m_store->pages(*id))
                m_pages.push_back(p.id);
        }
    }

    // A page of `count` words read by two engines; the words at `flagged` are flagged and carry the
    // other reading.
    PageOutcome twoReaderOutcome(PageId page, int count, const std::vector<int>& flagged, int seed)
    {
        PageOutcome o = test::doneOutcome(page, count, seed);
        for (std::size_t i = 0; i < o.result.words.size(); ++i) {
            RecognizedWord& w = o.result.words[i];
            w.engine = QStringLiteral("tesseract");
            if (std::find(flagged.begin(), flagged.end(), static_cast<int>(i)) != flagged.end()) {
                w.flagged = true;
                w.alternatives.push_back({QStringLiteral("ppocr"), w.text + QStringLiteral("é\""), 87.5f});
            }
        }
        return o;
    }

    // Five words a page; flagged: document 1 page 1 words 1 and 3, document 2 page 1 word 0, page 2
    // words 2 and 4.
    bool storeAll()
    {
        if (!m_store->markProcessing(m_pages).ok())
            return false;
        const std::vector<std::vector<int>> flagged = {{1, 3}, {}, {0}, {2, 4}};
        std::vector<PageOutcome> outcomes;
        for (std::size_t i = 0; i < m_pages.size(); ++i)
            outcomes.push_back(twoReaderOutcome(m_pages[i], 5, flagged[i], static_cast<int>(i)));
        return m_store->storeOutcomes(outcomes).ok();
    }

    std::vector<WordRecord> words(PageId page) { return *m_store->words(page); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ProjectStore> m_store;
    std::vector<PageId> m_pages; ///< document 1 pages 1, 2, document 2 pages 1, 2
};

TEST_F(WordReadingsTest, EngineFlagAndReadingsAreStoredAndReadBack)
{
    ASSERT_TRUE(storeAll());
    const auto page = words(m_pages[0]);
    ASSERT_EQ(page.size(), 5u);
    for (std::size_t i = 0; i < page.size(); ++i) {
        EXPECT_EQ(page[i].engine, QStringLiteral("tesseract"));
        EXPECT_EQ(page[i].flagged, i == 1 || i == 3) << i;
        if (i == 1 || i == 3) {
            ASSERT_EQ(page[i].alternatives.size(), 1u);
            EXPECT_EQ(page[i].alternatives[0].engine, QStringLiteral("ppocr"));
            EXPECT_EQ(page[i].alternatives[0].text, page[i].text + QStringLiteral("é\""));
            EXPECT_FLOAT_EQ(page[i].alternatives[0].confidence, 87.5f);
        } else {
            EXPECT_TRUE(page[i].alternatives.empty());
        }
    }
    // The column is compact JSON (or NULL).
    EXPECT_EQ(RawDb(m_path).text("SELECT count(*) FROM words WHERE alternatives IS NULL"), QStringLiteral("15"));
    EXPECT_TRUE(RawDb(m_path)
                    .text("SELECT alternatives FROM words WHERE id = " + QByteArray::number(page[1].id))
                    .startsWith(QStringLiteral("[{\"confidence\":87.5,\"engine\":\"ppocr\",\"text\":")));
    EXPECT_EQ(*m_store->flaggedWordCount(), 5);
    EXPECT_TRUE(*m_store->hasOtherReadings());
    EXPECT_EQ(*m_store->flaggedWordCount(m_pages[0]), 2);
    EXPECT_EQ(*m_store->flaggedWordCount(m_pages[1]), 0);
    // From a second, read-only connection.
    auto reader = openOrDie(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(reader);
    EXPECT_TRUE(reader->word(page[3].id)->value().flagged);
    EXPECT_EQ(reader->word(page[3].id)->value().alternatives.size(), 1u);
}

TEST_F(WordReadingsTest, HandEditedReadingsReadSafely)
{
    ASSERT_TRUE(storeAll());
    const auto page = words(m_pages[0]);
    {
        RawDb raw(m_path);
        raw.exec("UPDATE words SET alternatives = 'not json' WHERE id = " + QByteArray::number(page[1].id));
        raw.exec("UPDATE words SET alternatives = '[1, {\"engine\": 2}, {\"text\": \"x\", \"confidence\": 1e9}]' "
                 "WHERE id = "
                 + QByteArray::number(page[3].id));
    }
    EXPECT_TRUE(m_store->word(page[1].id)->value().alternatives.empty());
    const auto alternatives = m_store->word(page[3].id)->value().alternatives;
    ASSERT_EQ(alternatives.size(), 1u);
    EXPECT_EQ(alternatives[0].text, QStringLiteral("x"));
    EXPECT_EQ(alternatives[0].engine, QString());
    EXPECT_FLOAT_EQ(alternatives[0].confidence, 100.f);
}

TEST_F(WordReadingsTest, ReOcrKeepsEditedWordsAndBringsTheNewReadings)
{
    ASSERT_TRUE(storeAll());
    const auto before = words(m_pages[0]);
    ASSERT_TRUE(m_store->updateWordText(before[1].id, QStringLiteral("fixed")).ok());
    ASSERT_TRUE(m_store->markProcessing({m_pages[0]}).ok());
    PageOutcome again = twoReaderOutcome(m_pages[0], 5, {0, 1}, 1);
    for (RecognizedWord& w : again.result.words)
        w.engine = QStringLiteral("ppocr");
    ASSERT_TRUE(m_store->storeOutcomes({again}).ok());
    const auto after = words(m_pages[0]);
    ASSERT_EQ(after.size(), 5u);
    // The person's word survives as it was (not flagged: they edited it); the others are new.
    EXPECT_EQ(after[1].id, before[1].id);
    EXPECT_EQ(after[1].text, QStringLiteral("fixed"));
    EXPECT_FALSE(after[1].flagged);
    EXPECT_EQ(after[1].engine, QStringLiteral("tesseract"));
    EXPECT_TRUE(after[0].flagged);
    EXPECT_EQ(after[0].engine, QStringLiteral("ppocr"));
    EXPECT_EQ(after[0].alternatives.size(), 1u);
    EXPECT_FALSE(after[3].flagged);
}

TEST_F(WordReadingsTest, EditingOrAcceptingClearsTheFlagAndUndoRestoresIt)
{
    ASSERT_TRUE(storeAll());
    const auto page = words(m_pages[0]);
    const WordId edited = page[1].id, accepted = page[3].id;

    const long long textGroup = *m_store->beginEditGroup();
    ASSERT_TRUE(m_store->updateWordText(edited, page[1].alternatives[0].text, textGroup).ok());
    EXPECT_FALSE(m_store->word(edited)->value().flagged);
    EXPECT_EQ(m_store->word(edited)->value().text, page[1].alternatives[0].text);
    EXPECT_EQ(m_store->word(edited)->value().alternatives.size(), 1u); // the readings stay

    const long long acceptGroup = *m_store->beginEditGroup();
    ASSERT_TRUE(m_store->acceptWord(accepted, acceptGroup).ok());
    EXPECT_FALSE(m_store->word(accepted)->value().flagged);
    EXPECT_EQ(m_store->word(accepted)->value().text, page[3].text);
    const auto edits = *m_store->editGroup(acceptGroup);
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].action, QStringLiteral("accept"));
    EXPECT_EQ(edits[0].wordId, accepted);
    EXPECT_TRUE(m_store->word(accepted)->value().reviewed);
    // Accepting a word that is not flagged marks it reviewed (the low-confidence queue leaves it);
    // accepting it again changes nothing and records nothing.
    std::size_t editCount = m_store->edits(m_pages[0])->size();
    ASSERT_FALSE(m_store->word(page[0].id)->value().reviewed);
    ASSERT_TRUE(m_store->acceptWord(page[0].id).ok());
    EXPECT_TRUE(m_store->word(page[0].id)->value().reviewed);
    EXPECT_EQ(m_store->edits(m_pages[0])->size(), ++editCount);
    ASSERT_TRUE(m_store->acceptWord(page[0].id).ok());
    ASSERT_TRUE(m_store->acceptWord(accepted).ok());
    EXPECT_EQ(m_store->edits(m_pages[0])->size(), editCount);
    EXPECT_EQ(*m_store->flaggedWordCount(m_pages[0]), 0);

    ASSERT_TRUE(m_store->undoEditGroup(acceptGroup).ok());
    EXPECT_TRUE(m_store->word(accepted)->value().flagged);
    EXPECT_FALSE(m_store->word(accepted)->value().reviewed);
    ASSERT_TRUE(m_store->undoEditGroup(textGroup).ok());
    EXPECT_TRUE(m_store->word(edited)->value().flagged);
    EXPECT_EQ(m_store->word(edited)->value().text, page[1].text);
    EXPECT_EQ(*m_store->flaggedWordCount(m_pages[0]), 2);
    ASSERT_TRUE(m_store->redoEditGroup(acceptGroup).ok());
    EXPECT_FALSE(m_store->word(accepted)->value().flagged);
}

TEST_F(WordReadingsTest, DeleteUndoAndMergeSplitKeepOrClearTheFields)
{
    ASSERT_TRUE(storeAll());
    const auto page = words(m_pages[0]);
    // Deleted and put back by undo: every field as it was.
    const long long g = *m_store->beginEditGroup();
    ASSERT_TRUE(m_store->deleteWord(page[3].id, g).ok());
    ASSERT_TRUE(m_store->undoEditGroup(g).ok());
    const WordRecord back = m_store->word(page[3].id)->value();
    EXPECT_TRUE(back.flagged);
    EXPECT_EQ(back.engine, QStringLiteral("tesseract"));
    ASSERT_EQ(back.alternatives.size(), 1u);
    EXPECT_EQ(back.alternatives[0].text, page[3].alternatives[0].text);
    // A merge is a person's word: not flagged, no engine readings of its own; undo brings them back.
    const long long mg = *m_store->beginEditGroup();
    auto merged = m_store->mergeWords({page[3].id, page[4].id}, mg);
    ASSERT_TRUE(merged.ok());
    EXPECT_FALSE(m_store->word(*merged)->value().flagged);
    EXPECT_TRUE(m_store->word(*merged)->value().alternatives.empty());
    ASSERT_TRUE(m_store->undoEditGroup(mg).ok());
    EXPECT_TRUE(m_store->word(page[3].id)->value().flagged);
    EXPECT_EQ(m_store->word(page[3].id)->value().alternatives.size(), 1u);
    // So is a split.
    auto split = m_store->splitWord(page[1].id, 1);
    ASSERT_TRUE(split.ok());
    EXPECT_FALSE(m_store->word(split->first)->value().flagged);
    EXPECT_FALSE(m_store->word(split->second)->value().flagged);
    EXPECT_EQ(m_store->word(split->second)->value().engine, QStringLiteral("tesseract"));
}

TEST_F(WordReadingsTest, TheReviewWalkFollowsReadingOrderAcrossTheProjectAndWraps)
{
    ASSERT_TRUE(storeAll());
    std::vector<WordId> expected;
    for (int i : {1, 3})
        expected.push_back(words(m_pages[0])[static_cast<std::size_t>(i)].id);
    expected.push_back(words(m_pages[2])[0].id);
    for (int i : {2, 4})
        expected.push_back(words(m_pages[3])[static_cast<std::size_t>(i)].id);

    auto hit = *m_store->flaggedWord(0);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->word.id, expected[0]);
    EXPECT_EQ(hit->pageId, m_pages[0]);
    EXPECT_EQ(hit->pageNumber, 1);
    std::vector<WordId> forward{hit->word.id};
    for (int i = 0; i < 5; ++i)
        forward.push_back((*m_store->flaggedWord(forward.back()))->word.id);
    EXPECT_EQ(forward,
              (std::vector<WordId>{expected[0], expected[1], expected[2], expected[3], expected[4], expected[0]}));
    const auto third = *m_store->flaggedWord(expected[1]);
    EXPECT_EQ(third->documentId, m_store->page(m_pages[2])->documentId);
    EXPECT_EQ(third->pageNumber, 1);

    std::vector<WordId> backward{(*m_store->flaggedWord(0, false))->word.id};
    for (int i = 0; i < 5; ++i)
        backward.push_back((*m_store->flaggedWord(backward.back(), false))->word.id);
    EXPECT_EQ(backward,
              (std::vector<WordId>{expected[4], expected[3], expected[2], expected[1], expected[0], expected[4]}));
    // From a word that is not flagged: the next flagged one after it.
    EXPECT_EQ((*m_store->flaggedWord(words(m_pages[0])[2].id))->word.id, expected[1]);
    EXPECT_EQ((*m_store->flaggedWord(words(m_pages[1])[0].id, false))->word.id, expected[1]);

    // From a page's edge: its own flagged words first (forward from its start, backward from its end).
    EXPECT_EQ((*m_store->flaggedWord(0, true, m_pages[0]))->word.id, expected[0]);
    EXPECT_EQ((*m_store->flaggedWord(0, false, m_pages[0]))->word.id, expected[1]);
    EXPECT_EQ((*m_store->flaggedWord(0, true, m_pages[1]))->word.id, expected[2]);
    EXPECT_EQ((*m_store->flaggedWord(0, false, m_pages[1]))->word.id, expected[1]);
    EXPECT_EQ((*m_store->flaggedWord(0, true, m_pages[3]))->word.id, expected[3]);
    EXPECT_EQ((*m_store->flaggedWord(0, false, m_pages[2]))->word.id, expected[2]);
    // A word that is gone counts as its page's edge.
    EXPECT_EQ((*m_store->flaggedWord(999999, true, m_pages[2]))->word.id, expected[2]);

    // One flagged word left: the walk stays on it. None: nothing.
    for (std::size_t i = 1; i < expected.size(); ++i)
        ASSERT_TRUE(m_store->acceptWord(expected[i]).ok());
    EXPECT_EQ((*m_store->flaggedWord(expected[0]))->word.id, expected[0]);
    ASSERT_TRUE(m_store->acceptWord(expected[0]).ok());
    EXPECT_FALSE(m_store->flaggedWord(expected[0])->has_value());
    EXPECT_EQ(*m_store->flaggedWordCount(), 0);
}

TEST_F(WordReadingsTest, TheReviewQueueSkipsReviewedPagesCountsAndWraps)
{
    // Words 0 and 3 of every page read with low confidence; flags as in storeAll().
    ASSERT_TRUE(m_store->markProcessing(m_pages).ok());
    const std::vector<std::vector<int>> flagged = {{1, 3}, {}, {0}, {2, 4}};
    std::vector<PageOutcome> outcomes;
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        outcomes.push_back(twoReaderOutcome(m_pages[i], 5, flagged[i], static_cast<int>(i)));
        for (std::size_t k = 0; k < 5; ++k)
            outcomes.back().result.words[k].confidence = (k == 0 || k == 3) ? 41.0f : 96.0f;
    }
    ASSERT_TRUE(m_store->storeOutcomes(outcomes).ok());
    const DocumentId doc1 = m_store->page(m_pages[0])->documentId;

    ReviewQueueRule flags;
    EXPECT_EQ(*m_store->wordsToCheckCount(flags), 5);
    EXPECT_EQ(*m_store->wordsToCheckCount(flags, doc1), 2);
    ReviewQueueRule low{false, 60.0};
    EXPECT_EQ(*m_store->wordsToCheckCount(low), 8);
    EXPECT_EQ(*m_store->wordsToCheckCount(low, doc1), 4);
    EXPECT_EQ(*m_store->wordsToCheckCount(ReviewQueueRule{false, 30.0}), 0);

    // Low-confidence walk: page order, reading order; an edited or accepted word leaves the queue.
    bool wrapped = true;
    auto hit = *m_store->wordToCheck(low, 0, true, 0, &wrapped);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->word.id, words(m_pages[0])[0].id);
    EXPECT_FALSE(wrapped);
    ASSERT_TRUE(m_store->updateWordText(words(m_pages[0])[3].id, QStringLiteral("fixed")).ok());
    ASSERT_TRUE(m_store->acceptWord(words(m_pages[1])[0].id).ok());
    hit = *m_store->wordToCheck(low, hit->word.id, true, 0, &wrapped);
    EXPECT_EQ(hit->word.id, words(m_pages[1])[3].id);
    EXPECT_EQ(*m_store->wordsToCheckCount(low), 6);

    // A page marked reviewed is skipped, its words are not counted.
    ASSERT_TRUE(m_store->setPageReview(m_pages[2], ReviewStatus::Reviewed).ok());
    hit = *m_store->wordToCheck(low, hit->word.id, true, 0, &wrapped);
    EXPECT_EQ(hit->pageId, m_pages[3]);
    EXPECT_EQ(hit->word.id, words(m_pages[3])[0].id);
    EXPECT_FALSE(wrapped);
    EXPECT_EQ(*m_store->wordsToCheckCount(low), 4);
    EXPECT_EQ(*m_store->wordsToCheckCount(flags), 3); // one edited, one on the reviewed page
    hit = *m_store->wordToCheck(flags, words(m_pages[0])[3].id, true, 0, &wrapped);
    EXPECT_EQ(hit->word.id, words(m_pages[3])[2].id); // page 3's flagged word is skipped

    // Past the last word it wraps to the first, and says so; backward likewise.
    hit = *m_store->wordToCheck(low, words(m_pages[3])[3].id, true, 0, &wrapped);
    EXPECT_EQ(hit->word.id, words(m_pages[0])[0].id);
    EXPECT_TRUE(wrapped);
    hit = *m_store->wordToCheck(low, words(m_pages[0])[0].id, false, 0, &wrapped);
    EXPECT_EQ(hit->word.id, words(m_pages[3])[3].id);
    EXPECT_TRUE(wrapped);
    // From the edge of a page: its own words first.
    hit = *m_store->wordToCheck(low, 0, true, m_pages[3], &wrapped);
    EXPECT_EQ(hit->word.id, words(m_pages[3])[0].id);
    EXPECT_FALSE(wrapped);
}

} // namespace
} // namespace incidoc
