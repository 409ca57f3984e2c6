// Removing a document: its pages, their words and their edit history go in one transaction (the
// schema's cascades), other documents stay as they were, and a document whose page is being processed
// is refused. Counted on a raw SQLite connection, behind the store's back.
#include "core/storage/project_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/storage/raw_db.h"
#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

class RemoveDocumentTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("remove.incidoc"));
        auto s = ProjectStore::open(m_path);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        store = std::move(s).value();
    }

    DocumentId addDocument(const QString& name, int pageCount)
    {
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/") + name;
        d.name = name;
        d.sha256 = name + QStringLiteral("-sha");
        d.importedAt = QDateTime::currentDateTimeUtc();
        std::vector<PageInfo> pages(static_cast<size_t>(pageCount));
        for (int i = 0; i < pageCount; ++i)
            pages[static_cast<size_t>(i)].number = i + 1;
        auto doc = store->addDocument(d, pages);
        EXPECT_TRUE(doc.ok());
        return doc.ok() ? *doc : 0;
    }
    std::vector<PageId> pageIds(DocumentId doc)
    {
        std::vector<PageId> ids;
        for (const PageRecord& p : *store->pages(doc))
            ids.push_back(p.id);
        return ids;
    }
    int count(const char* sql) { return test::RawDb(m_path).text(sql).toInt(); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ProjectStore> store;
};

TEST_F(RemoveDocumentTest, TakesItsPagesWordsAndEditsAndLeavesTheOthers)
{
    const DocumentId kept = addDocument(QStringLiteral("kept.pdf"), 2);
    const DocumentId gone = addDocument(QStringLiteral("gone.pdf"), 3);
    const std::vector<PageId> keptPages = pageIds(kept), gonePages = pageIds(gone);
    ASSERT_TRUE(store
                    ->storeOutcomes({test::doneOutcome(keptPages[0], 20, 1), test::doneOutcome(gonePages[0], 30, 2),
                                     test::doneOutcome(gonePages[1], 25, 3)})
                    .ok());
    const auto goneWords = *store->words(gonePages[0]);
    const auto keptWords = *store->words(keptPages[0]);
    ASSERT_TRUE(store->updateWordText(goneWords[0].id, QStringLiteral("edited")).ok());
    ASSERT_TRUE(store->updateWordText(keptWords[0].id, QStringLiteral("mine")).ok());
    ASSERT_TRUE(store->setPageReview(gonePages[2], ReviewStatus::Reviewed).ok());
    ASSERT_EQ(count("SELECT count(*) FROM words"), 75);
    ASSERT_EQ(count("SELECT count(*) FROM edits"), 3);

    ASSERT_TRUE(store->removeDocument(gone).ok());

    const auto docs = *store->documents();
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].id, kept);
    EXPECT_FALSE(store->document(gone).ok());
    EXPECT_EQ(count("SELECT count(*) FROM pages"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM words"), 20);
    EXPECT_EQ(count("SELECT count(*) FROM edits"), 1); // the kept document's edit only
    EXPECT_EQ(store->words(keptPages[0])->front().text, QStringLiteral("mine"));
    EXPECT_EQ(store->summary()->documents, 1);
    EXPECT_EQ(store->removeDocument(gone).error().code, ErrorCode::NotFound);
}

TEST_F(RemoveDocumentTest, AFailedImportGoesAndItsFileCanBeImportedAgain)
{
    DocumentRecord failed;
    failed.path = QStringLiteral("/evidence/broken.pdf");
    failed.name = QStringLiteral("broken.pdf");
    failed.sha256 = QStringLiteral("broken-sha");
    failed.error = QStringLiteral("damaged PDF: cannot be opened");
    auto id = store->addFailedDocument(failed);
    ASSERT_TRUE(id.ok());
    ASSERT_EQ(store->failures()->size(), 1u);

    ASSERT_TRUE(store->removeDocument(*id).ok());
    EXPECT_TRUE(store->documents()->empty());
    EXPECT_TRUE(store->failures()->empty());
    // Its sha256 is free again: the same file can be recorded anew (e.g. repaired and imported).
    EXPECT_FALSE(store->findDocumentBySha(QStringLiteral("broken-sha"))->has_value());
    EXPECT_TRUE(store->addFailedDocument(failed).ok());
}

TEST_F(RemoveDocumentTest, AFailedDocumentIsOneWhoseImportOrEveryPageFailed)
{
    const DocumentId read = addDocument(QStringLiteral("read.pdf"), 2);
    const DocumentId allFailed = addDocument(QStringLiteral("all-failed.pdf"), 2);
    const DocumentId queued = addDocument(QStringLiteral("queued.pdf"), 1);
    const std::vector<PageId> readPages = pageIds(read), failedPages = pageIds(allFailed);
    auto failedOutcome = [](PageId page) {
        PageOutcome o;
        o.pageId = page;
        o.status = PageStatus::Failed;
        o.error = QStringLiteral("render failed");
        return o;
    };
    ASSERT_TRUE(store
                    ->storeOutcomes({test::doneOutcome(readPages[0], 10, 1), failedOutcome(readPages[1]),
                                     failedOutcome(failedPages[0]), failedOutcome(failedPages[1])})
                    .ok());
    DocumentRecord broken;
    broken.path = QStringLiteral("/evidence/broken.pdf");
    broken.name = QStringLiteral("broken.pdf");
    broken.error = QStringLiteral("damaged PDF: cannot be opened");
    const auto brokenId = store->addFailedDocument(broken);
    ASSERT_TRUE(brokenId.ok());

    EXPECT_FALSE(*store->isFailedDocument(read)); // one page read: a person's work may be in it
    EXPECT_TRUE(*store->isFailedDocument(allFailed));
    EXPECT_FALSE(*store->isFailedDocument(queued)); // not read yet
    EXPECT_TRUE(*store->isFailedDocument(*brokenId));
    EXPECT_EQ(store->isFailedDocument(9999).error().code, ErrorCode::NotFound);
}

TEST_F(RemoveDocumentTest, ADocumentBeingProcessedIsRefusedAndKept)
{
    const DocumentId doc = addDocument(QStringLiteral("busy.pdf"), 2);
    const std::vector<PageId> pages = pageIds(doc);
    ASSERT_TRUE(store->markProcessing({pages[1]}).ok());
    const Status refused = store->removeDocument(doc);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("being processed")))
        << qPrintable(refused.error().message);
    EXPECT_EQ(store->documents()->size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM pages"), 2);
}

} // namespace
