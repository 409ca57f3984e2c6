// PageWriter against real project files: commits from many threads exactly once, readers beside the
// writer, backpressure, errors through the callback and flush(), a full disk, and a writer process
// killed mid-run (the file stays intact and every page is stored whole or not at all).
#include "core/storage/page_writer.h"
#include "core/storage/project_store.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "tests/core/storage/storage_test_data.h"
#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

using namespace std::chrono_literals;
using test::doneOutcome;

// Creates a project with one document of `pages` queued pages; returns the page ids in order.
std::vector<PageId> makeProject(const QString& path, int pages)
{
    auto store = ProjectStore::open(path);
    EXPECT_TRUE(store.ok());
    if (!store)
        return {};
    DocumentRecord d;
    d.path = "/evidence/bulk.pdf";
    d.name = "bulk.pdf";
    d.sha256 = "bulk";
    d.kind = DocumentKind::Pdf;
    std::vector<PageInfo> infos;
    for (int i = 1; i <= pages; ++i) {
        PageInfo p;
        p.number = i;
        infos.push_back(p);
    }
    auto doc = (*store)->addDocument(d, infos);
    EXPECT_TRUE(doc.ok());
    std::vector<PageId> ids;
    const std::vector<PageRecord> rows = *(*store)->pages(*doc);
    for (const PageRecord& p : rows)
        ids.push_back(p.id);
    return ids;
}

QString sqliteText(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    QString out;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        else
            out = QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(st);
    }
    sqlite3_close_v2(db);
    return out;
}

QString helperProgram()
{
    return test::builtProgram(QStringLiteral("tests/core/storage/storage_writer_helper"));
}

class PageWriterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("case.incidoc"));
    }
    QTemporaryDir m_dir;
    QString m_path;
};

TEST_F(PageWriterTest, CommitsOutcomesFromManyThreadsExactlyOnce)
{
    constexpr int kThreads = 4;
    constexpr int kPerThread = 200;
    const auto pages = makeProject(m_path, kThreads * kPerThread);
    ASSERT_EQ(pages.size(), static_cast<std::size_t>(kThreads * kPerThread));

    std::mutex mutex;
    std::map<PageId, int> calls;
    int errors = 0;
    {
        auto writer = PageWriter::start(m_path, [&](const PageOutcome& o, const Status& s) {
            std::lock_guard lock(mutex);
            ++calls[o.pageId];
            if (!s.ok())
                ++errors;
        });
        ASSERT_TRUE(writer.ok()) << writer.error().message.toStdString();
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    const PageId page = pages[static_cast<std::size_t>(t * kPerThread + i)];
                    (*writer)->markProcessing(page);
                    (*writer)->submit(doneOutcome(page, test::wordsForPage(page), static_cast<int>(page)));
                }
            });
        }
        for (std::thread& th : threads)
            th.join();
        const Status flushed = (*writer)->flush();
        ASSERT_TRUE(flushed.ok()) << flushed.error().message.toStdString();
        std::lock_guard lock(mutex);
        EXPECT_EQ(calls.size(), pages.size()); // every callback has run once flush() returns
    }
    EXPECT_EQ(errors, 0);
    for (PageId p : pages)
        EXPECT_EQ(calls[p], 1) << "page " << p;

    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    auto summary = (*store)->summary();
    EXPECT_EQ(summary->done, kThreads * kPerThread);
    long long expectedWords = 0;
    for (PageId p : pages) {
        expectedWords += test::wordsForPage(p);
        auto page = (*store)->page(p);
        EXPECT_EQ(page->attempts, 1);
        EXPECT_EQ(page->status, PageStatus::Done);
    }
    EXPECT_EQ(summary->words, expectedWords);
    EXPECT_EQ(sqliteText(m_path, "PRAGMA integrity_check"), "ok");
}

TEST_F(PageWriterTest, ReadersSeeWholePagesWhileWriterCommits)
{
    constexpr int kPages = 300;
    constexpr int kWords = 40;
    const auto pages = makeProject(m_path, kPages);
    std::atomic<bool> stop{false};
    std::atomic<int> reads{0};
    std::atomic<int> torn{0};
    std::atomic<int> readErrors{0};
    std::thread reader([&] {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        if (!store) {
            ++readErrors;
            return;
        }
        while (!stop) {
            auto s = (*store)->summary();
            if (!s) {
                ++readErrors;
                continue;
            }
            ++reads;
            if (s->words != static_cast<long long>(s->done) * kWords)
                ++torn; // words visible without their status, or the reverse
        }
    });
    {
        auto writer = PageWriter::start(m_path, nullptr);
        ASSERT_TRUE(writer.ok());
        for (PageId p : pages)
            (*writer)->submit(doneOutcome(p, kWords, static_cast<int>(p)));
        EXPECT_TRUE((*writer)->flush().ok());
    }
    stop = true;
    reader.join();
    EXPECT_EQ(readErrors, 0);
    EXPECT_EQ(torn, 0);
    EXPECT_GT(reads, 0);
    std::printf("[ measure  ] %d consistent reads while %d pages were committed\n", reads.load(), kPages);
}

TEST_F(PageWriterTest, SubmitBlocksWhenQueueIsFull)
{
    const auto pages = makeProject(m_path, 200);
    std::mutex mutex;
    std::condition_variable cv;
    bool release = false;
    std::atomic<int> submitted{0};
    std::atomic<bool> stuck{false};
    auto writer = PageWriter::start(m_path, [&](const PageOutcome&, const Status&) {
        // The writer is stuck in the callback of its first commit until the test lets it go.
        stuck = true;
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return release; });
    });
    ASSERT_TRUE(writer.ok());
    (*writer)->submit(doneOutcome(pages[0], 5, 0));
    // Only once the writer holds the first outcome alone: a slow writer thread (sanitizer builds) would
    // otherwise take the first outcomes of the producer into the same batch, and more than 64 would fit.
    const auto stuckBy = std::chrono::steady_clock::now() + 20s;
    while (!stuck && std::chrono::steady_clock::now() < stuckBy)
        std::this_thread::sleep_for(1ms);
    ASSERT_TRUE(stuck);
    std::thread producer([&] {
        for (std::size_t i = 1; i < pages.size(); ++i) {
            (*writer)->submit(doneOutcome(pages[i], 5, static_cast<int>(i)));
            ++submitted;
        }
    });
    // The first outcome is being committed; 64 more fit in the queue, then submit() blocks.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (submitted < 64 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(submitted.load(), 64);
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    cv.notify_all();
    producer.join();
    EXPECT_EQ(submitted.load(), static_cast<int>(pages.size()) - 1);
    EXPECT_TRUE((*writer)->flush().ok());
    writer->reset();
    EXPECT_EQ((*ProjectStore::open(m_path, OpenMode::ReadOnly))->summary()->done, 200);
}

TEST_F(PageWriterTest, ReportsErrorsThroughCallbackAndFlushAndKeepsGoing)
{
    const auto pages = makeProject(m_path, 3);
    std::mutex mutex;
    std::map<PageId, bool> results;
    auto writer = PageWriter::start(m_path, [&](const PageOutcome& o, const Status& s) {
        std::lock_guard lock(mutex);
        results[o.pageId] = s.ok();
    });
    ASSERT_TRUE(writer.ok());
    const PageId missing = pages.back() + 1000;
    (*writer)->submit(doneOutcome(pages[0], 5, 1));
    (*writer)->submit(doneOutcome(missing, 5, 2)); // a page that does not exist
    (*writer)->submit(doneOutcome(pages[1], 5, 3));
    const Status flushed = (*writer)->flush();
    ASSERT_FALSE(flushed.ok());
    EXPECT_EQ(flushed.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(flushed.error().message.contains("does not exist"));
    {
        std::lock_guard lock(mutex);
        EXPECT_FALSE(results[missing]);
        EXPECT_TRUE(results[pages[0]]); // the bad outcome does not take the others down
        EXPECT_TRUE(results[pages[1]]);
    }
    // The error was reported once; the writer goes on.
    (*writer)->submit(doneOutcome(pages[2], 5, 4));
    EXPECT_TRUE((*writer)->flush().ok());
    writer->reset();
    EXPECT_EQ((*ProjectStore::open(m_path, OpenMode::ReadOnly))->summary()->done, 3);
}

TEST_F(PageWriterTest, DestructorCommitsWhatWasSubmitted)
{
    const auto pages = makeProject(m_path, 50);
    {
        auto writer = PageWriter::start(m_path, nullptr);
        ASSERT_TRUE(writer.ok());
        for (PageId p : pages)
            (*writer)->submit(doneOutcome(p, 3, 0));
    }
    EXPECT_EQ((*ProjectStore::open(m_path, OpenMode::ReadOnly))->summary()->done, 50);
}

TEST_F(PageWriterTest, StartFailsCleanlyOnUnusableFile)
{
    QFile f(m_path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto writer = PageWriter::start(m_path, nullptr);
    ASSERT_FALSE(writer.ok());
    EXPECT_TRUE(writer.error().message.startsWith("not an Incidoc project file"));
}

TEST_F(PageWriterTest, DiskFullIsReportedNotCrashed)
{
    const auto pages = makeProject(m_path, 400);
    QProcess helper;
    helper.start(helperProgram(), {QStringLiteral("diskfull"), m_path});
    ASSERT_TRUE(helper.waitForFinished(120000)) << helper.errorString().toStdString();
    const QString out = QString::fromUtf8(helper.readAllStandardOutput() + helper.readAllStandardError());
    ASSERT_EQ(helper.exitStatus(), QProcess::NormalExit) << out.toStdString();
    EXPECT_EQ(helper.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains("error: disk full")) << out.toStdString();
    EXPECT_TRUE(out.contains("flush: disk full")) << out.toStdString();

    // What was committed before the disk filled up is intact.
    EXPECT_EQ(sqliteText(m_path, "PRAGMA integrity_check"), "ok");
    auto store = ProjectStore::open(m_path);
    ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
    auto summary = (*store)->summary();
    EXPECT_GE(summary->done, 5); // the helper commits 5 pages before it limits the file size
    EXPECT_LT(summary->done, 400);
    EXPECT_EQ(summary->words, static_cast<long long>(summary->done) * 300);
}

TEST_F(PageWriterTest, KilledWriterLeavesIntactFileWithWholePages)
{
    constexpr int kPages = 3000;
    const auto pages = makeProject(m_path, kPages);
    int previousDone = 0;
    // Kill at three different points of the run; each restart continues with the pages still queued.
    for (int round = 0; round < 3; ++round) {
        SCOPED_TRACE(round);
        {
            auto store = ProjectStore::open(m_path);
            ASSERT_TRUE(store.ok());
            ASSERT_TRUE((*store)->recoverInterrupted().ok());
        }
        QProcess helper;
        helper.start(helperProgram(), {QStringLiteral("write"), m_path});
        ASSERT_TRUE(helper.waitForStarted());
        const int killAfter = 60 + round * 45;
        int seen = 0;
        QByteArray pending;
        const auto deadline = std::chrono::steady_clock::now() + 120s;
        while (seen < killAfter && std::chrono::steady_clock::now() < deadline && helper.waitForReadyRead(10000)) {
            pending += helper.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                ASSERT_FALSE(line.startsWith("error")) << line.toStdString();
                if (line.startsWith("committed "))
                    seen = line.mid(10).toInt();
            }
        }
        ASSERT_GE(seen, killAfter) << "the helper did not get going";
        helper.kill(); // SIGKILL, mid-commit as likely as not
        ASSERT_TRUE(helper.waitForFinished(10000));
        ASSERT_EQ(helper.exitStatus(), QProcess::CrashExit);

        EXPECT_EQ(sqliteText(m_path, "PRAGMA integrity_check"), "ok");
        auto store = ProjectStore::open(m_path);
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        int done = 0, processing = 0;
        for (PageId p : pages) {
            auto page = (*store)->page(p);
            ASSERT_TRUE(page.ok());
            const std::size_t words = (*store)->words(p)->size();
            if (page->status == PageStatus::Done) {
                ++done;
                EXPECT_EQ(words, static_cast<std::size_t>(test::wordsForPage(p))) << "page " << p;
            } else {
                EXPECT_EQ(words, 0u) << "page " << p << " has words but is not done";
                processing += page->status == PageStatus::Processing;
            }
        }
        EXPECT_GE(done, previousDone + killAfter) << "committed pages were lost";
        EXPECT_LT(done, kPages);
        EXPECT_EQ(*(*store)->recoverInterrupted(), processing);
        std::printf("[ measure  ] round %d: killed after %d reported commits: %d pages done, %d were processing\n",
                    round, seen, done, processing);
        previousDone = done;
    }
}

} // namespace
} // namespace incidoc
