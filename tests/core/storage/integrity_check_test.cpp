// The integrity check (PRAGMA quick_check, O(file size)) runs at most once per project file and process
// (core/storage/verified_files.h), with real files: a second open does not check again, this process's
// own writes keep a file verified, and a file replaced or changed behind the store's back is checked
// again, so a damaged one is still refused.
#include "core/storage/project_store.h"
#include "core/storage/verified_files.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <ctime>
#include <thread>
#include <vector>

#include <sys/stat.h>

#include "tests/core/storage/storage_test_data.h"

namespace incidoc {
namespace {

using test::doneOutcome;

std::unique_ptr<ProjectStore> openOrDie(const QString& path, OpenMode mode = OpenMode::ReadWrite)
{
    auto store = ProjectStore::open(path, mode);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message.toStdString());
    return store.ok() ? std::move(*store) : nullptr;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

// Rewrites the file in place: same inode, as a program writing over it would.
void writeInPlace(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

// Puts a new file (a new inode) under the name, as a copy or a download over it would.
void replaceByRename(const QString& path, const QByteArray& bytes)
{
    const QString tmp = path + QStringLiteral(".new");
    writeInPlace(tmp, bytes);
    ASSERT_EQ(::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()), 0);
}

// Opens the project and returns how many integrity checks that open ran.
long long checksOfOpen(const QString& path, OpenMode mode = OpenMode::ReadWrite, bool expectOk = true)
{
    const long long before = ProjectStore::integrityChecksRun();
    auto store = ProjectStore::open(path, mode);
    EXPECT_EQ(store.ok(), expectOk) << (store.ok() ? "opened" : store.error().message.toStdString());
    return ProjectStore::integrityChecksRun() - before;
}

class IntegrityCheckTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_made = m_dir.filePath(QStringLiteral("made.incidoc"));
        m_path = m_dir.filePath(QStringLiteral("case.incidoc"));
        // A project with words, made in this process, then copied: the copy is a file this process has
        // never seen (a project from elsewhere).
        {
            auto store = openOrDie(m_made);
            ASSERT_TRUE(store);
            DocumentRecord d;
            d.path = QStringLiteral("/evidence/report.pdf");
            d.name = QStringLiteral("report.pdf");
            d.sha256 = QStringLiteral("aa");
            std::vector<PageInfo> pages(20);
            for (int i = 0; i < 20; ++i)
                pages[i].number = i + 1;
            ASSERT_TRUE(store->addDocument(d, pages).ok());
            std::vector<PageOutcome> outcomes;
            for (const PageJob& j : *store->jobs(PageStatus::Queued))
                outcomes.push_back(doneOutcome(j.pageId, 300, static_cast<int>(j.pageId)));
            ASSERT_TRUE(store->storeOutcomes(outcomes).ok());
        }
        m_good = fileBytes(m_made);
        ASSERT_GT(m_good.size(), 100000);
        replaceByRename(m_path, m_good);
    }

    QTemporaryDir m_dir;
    QString m_made, m_path;
    QByteArray m_good;
};

TEST_F(IntegrityCheckTest, ProjectMadeInThisProcessIsNotCheckedOnReopening)
{
    EXPECT_EQ(checksOfOpen(m_made), 0);
    EXPECT_EQ(checksOfOpen(m_made, OpenMode::ReadOnly), 0);
}

TEST_F(IntegrityCheckTest, SecondOpenDoesNotCheckAgain)
{
    EXPECT_EQ(checksOfOpen(m_path, OpenMode::ReadOnly), 1);
    EXPECT_EQ(checksOfOpen(m_path, OpenMode::ReadOnly), 0);
    EXPECT_EQ(checksOfOpen(m_path), 0);
    EXPECT_EQ(checksOfOpen(m_path), 0);
    // Several stores open at once (the app's reader beside the page writer): none checks.
    auto a = openOrDie(m_path);
    const long long before = ProjectStore::integrityChecksRun();
    auto b = openOrDie(m_path, OpenMode::ReadOnly);
    auto c = openOrDie(m_path);
    EXPECT_EQ(ProjectStore::integrityChecksRun() - before, 0);
    // Through a symbolic link it is the same file (same canonical path).
    const QString link = m_dir.filePath(QStringLiteral("link.incidoc"));
    ASSERT_TRUE(QFile::link(m_path, link));
    EXPECT_EQ(checksOfOpen(link, OpenMode::ReadOnly), 0);
}

TEST_F(IntegrityCheckTest, OwnWritesKeepTheFileVerified)
{
    ASSERT_EQ(checksOfOpen(m_path), 1);
    struct stat before {};
    ASSERT_EQ(::stat(QFile::encodeName(m_path).constData(), &before), 0);
    {
        // Enough pages to pass the WAL's automatic checkpoint (1000 pages of 4 KiB) during the writes,
        // and the checkpoint when the last connection closes.
        auto store = openOrDie(m_path);
        ASSERT_TRUE(store);
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/more.pdf");
        d.name = QStringLiteral("more.pdf");
        d.sha256 = QStringLiteral("bb");
        std::vector<PageInfo> pages(60);
        for (int i = 0; i < 60; ++i)
            pages[i].number = i + 1;
        ASSERT_TRUE(store->addDocument(d, pages).ok());
        for (const PageJob& j : *store->jobs(PageStatus::Queued))
            ASSERT_TRUE(store->storeOutcomes({doneOutcome(j.pageId, 400, static_cast<int>(j.pageId))}).ok());
    }
    struct stat after {};
    ASSERT_EQ(::stat(QFile::encodeName(m_path).constData(), &after), 0);
    ASSERT_NE(after.st_size, before.st_size) << "the writes did not reach the file; the test proves nothing";
    EXPECT_EQ(checksOfOpen(m_path), 0);
    EXPECT_EQ(checksOfOpen(m_path, OpenMode::ReadOnly), 0);
}

TEST_F(IntegrityCheckTest, FileReplacedIsCheckedAgain)
{
    ASSERT_EQ(checksOfOpen(m_path), 1);
    replaceByRename(m_path, m_good); // the same bytes, a new file
    EXPECT_EQ(checksOfOpen(m_path), 1);
    EXPECT_EQ(checksOfOpen(m_path), 0);
}

TEST_F(IntegrityCheckTest, DamagedFileSwappedInIsStillCaught)
{
    QByteArray garbled = m_good;
    for (qsizetype i = m_good.size() / 3; i < m_good.size() / 3 + 20000; ++i)
        garbled[i] = static_cast<char>(i * 7);
    struct Swap {
        const char* what;
        void (*put)(const QString&, const QByteArray&);
    };
    for (const Swap& swap : {Swap{"renamed over", replaceByRename}, Swap{"written in place", writeInPlace}}) {
        SCOPED_TRACE(swap.what);
        swap.put(m_path, m_good);
        ASSERT_LE(checksOfOpen(m_path), 1);
        ASSERT_EQ(checksOfOpen(m_path), 0); // verified now
        // Same size, written straight after the verified state was recorded.
        swap.put(m_path, garbled);
        for (OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            const long long before = ProjectStore::integrityChecksRun();
            auto store = ProjectStore::open(m_path, mode);
            ASSERT_FALSE(store.ok());
            EXPECT_TRUE(store.error().message.startsWith("project file is damaged"))
                << store.error().message.toStdString();
            EXPECT_EQ(ProjectStore::integrityChecksRun() - before, 1);
        }
        EXPECT_EQ(fileBytes(m_path), garbled);
    }
}

TEST_F(IntegrityCheckTest, WriteByAnotherConnectionMakesItCheckedAgain)
{
    ASSERT_EQ(checksOfOpen(m_path), 1);
    // A writer that is not this store (as another process would be), checkpointing into the file.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open_v2(QFile::encodeName(m_path).constData(), &raw, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(raw,
                           "UPDATE words SET text = 'changed' WHERE id IN (SELECT id FROM words LIMIT 500);"
                           "PRAGMA wal_checkpoint(TRUNCATE);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close_v2(raw);
    EXPECT_EQ(checksOfOpen(m_path), 1);
    EXPECT_EQ(checksOfOpen(m_path), 0);
}

TEST_F(IntegrityCheckTest, FileUnderAnotherNameIsCheckedAgain)
{
    ASSERT_EQ(checksOfOpen(m_path), 1);
    // A hard link: the same inode under another canonical path.
    const QString other = m_dir.filePath(QStringLiteral("other.incidoc"));
    ASSERT_EQ(::link(QFile::encodeName(m_path).constData(), QFile::encodeName(other).constData()), 0);
    EXPECT_EQ(checksOfOpen(other, OpenMode::ReadOnly), 1);
}

// Meaningful under ThreadSanitizer (the tsan preset); here it shows that concurrent opens all succeed
// and leave the file verified.
TEST_F(IntegrityCheckTest, ConcurrentOpensFromManyThreads)
{
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                auto store = ProjectStore::open(m_path, (t + i) % 2 ? OpenMode::ReadOnly : OpenMode::ReadWrite);
                if (!store.ok() || !(*store)->summary().ok())
                    ++failures;
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    EXPECT_EQ(failures.load(), 0);
    // Threads that checked at the same time may each have run the check; afterwards it is recorded.
    EXPECT_LE(checksOfOpen(m_path), 1);
    EXPECT_EQ(checksOfOpen(m_path), 0);
}

TEST(VerifiedFiles, StampsTellFilesAndChangesApart)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a")), b = dir.filePath(QStringLiteral("b"));
    writeInPlace(a, "one");
    writeInPlace(b, "one");
    const auto sa = storage::VerifiedFiles::stampOf(a), sb = storage::VerifiedFiles::stampOf(b);
    ASSERT_TRUE(sa && sb);
    EXPECT_FALSE(sa->sameFile(*sb));
    EXPECT_TRUE(*sa == *storage::VerifiedFiles::stampOf(a));
    EXPECT_FALSE(storage::VerifiedFiles::stampOf(dir.path())); // a folder is not a project file
    EXPECT_FALSE(storage::VerifiedFiles::stampOf(dir.filePath(QStringLiteral("missing"))));

    storage::VerifiedFiles& files = storage::VerifiedFiles::instance();
    files.recordVerified(a, *sa);
    EXPECT_TRUE(files.isVerified(a, *storage::VerifiedFiles::stampOf(a)));
    // Recorded only once the clock the kernel stamps files with has passed the file's status-change
    // time: whatever writes the file from now on gives it a later one (on kernels without fine-grained
    // file times, two writes within one clock tick get the same time).
    timespec now{};
    clock_gettime(CLOCK_REALTIME_COARSE, &now);
    EXPECT_TRUE(now.tv_sec > sa->ctime.tv_sec || (now.tv_sec == sa->ctime.tv_sec && now.tv_nsec > sa->ctime.tv_nsec));
    EXPECT_FALSE(files.isVerified(b, *sb));
    // Rewritten with the same size straight away: no longer the verified state.
    writeInPlace(a, "two");
    EXPECT_FALSE(files.isVerified(a, *storage::VerifiedFiles::stampOf(a)));
    // A change made through ownWrite moves the verified state along; forget() drops it.
    files.recordVerified(a, *storage::VerifiedFiles::stampOf(a));
    files.ownWrite(a, [&] { writeInPlace(a, "three"); });
    EXPECT_TRUE(files.isVerified(a, *storage::VerifiedFiles::stampOf(a)));
    files.forget(a);
    EXPECT_FALSE(files.isVerified(a, *storage::VerifiedFiles::stampOf(a)));
}

} // namespace
} // namespace incidoc
