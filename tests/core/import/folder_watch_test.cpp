// Watch folders against real folders and a real project: files dropped at once and slowly, a file that
// never finishes, restarts, a thousand small files with memory bounded, a folder removed and recreated,
// a symbolic link loop, the done folder. The watcher runs on this thread's event loop; every wait is on a
// condition with a generous deadline, never on a duration.
#include "core/import/folder_watch.h"
#include "core/storage/project_store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <functional>

#include "tests/support/file_drops.h"
#include "tests/support/pdf_factory.h"

namespace incidoc {
namespace {

constexpr int kDeadlineMs = 120'000;

bool waitFor(const std::function<bool()>& done, int deadlineMs = kDeadlineMs)
{
    return test::waitFor(done, deadlineMs, 5);
}

using test::smallPng;
using test::writeFile;

/// Spins the event loop for `ms` (to let a watcher do what it would; never asserted on).
void spin(int ms)
{
    test::waitFor([] { return false; }, ms, 5);
}

QByteArray scannedPdf(const QString& scratch, int pages)
{
    const QString path = QDir(scratch).filePath(QStringLiteral("scan.pdf"));
    if (!test::writeScannedPdf(path, test::sampleParagraphPages(pages, 7), 100))
        return {};
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class FolderWatchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_in = m_dir.filePath(QStringLiteral("in"));
        ASSERT_TRUE(QDir().mkpath(m_in));
    }
    QString project() const { return m_dir.filePath(QStringLiteral("p.incidoc")); }

    FolderWatchOptions options() const
    {
        FolderWatchOptions o;
        o.folders = {m_in};
        o.stableForMs = 300;
        o.rescanSeconds = 1;
        return o;
    }

    std::unique_ptr<FolderWatcher> startWatcher(const FolderWatchOptions& o)
    {
        auto w = std::make_unique<FolderWatcher>(project(), o);
        QObject::connect(w.get(), &FolderWatcher::fileSettled, [this](const ImportedFile& f) { m_settled << f.path; });
        const Status s = w->start();
        EXPECT_TRUE(s.ok()) << (s ? "" : qPrintable(s.error().message));
        return w;
    }

    std::vector<DocumentRecord> documents()
    {
        auto store = ProjectStore::open(project(), OpenMode::ReadOnly);
        if (!store)
            return {};
        auto docs = (*store)->documents();
        return docs ? *docs : std::vector<DocumentRecord>{};
    }

    std::optional<WatchedFileRecord> row(const QString& path)
    {
        auto store = ProjectStore::open(project(), OpenMode::ReadOnly);
        if (!store)
            return std::nullopt;
        auto r = (*store)->watchedFile(
            QFileInfo(path).canonicalFilePath().isEmpty() ? path : QFileInfo(path).canonicalFilePath());
        return r ? *r : std::nullopt;
    }

    int countDocuments() { return static_cast<int>(documents().size()); }

    QTemporaryDir m_dir;
    QString m_in;
    QStringList m_settled;
};

TEST_F(FolderWatchTest, FilesDroppedAtOnceInFoldersAndSubfoldersAreImportedOnceEach)
{
    auto watcher = startWatcher(options());
    for (int i = 0; i < 12; ++i)
        ASSERT_TRUE(
            writeFile(QDir(m_in).filePath(QStringLiteral("%1/f%2.png").arg(i % 3 ? "a/b" : ".").arg(i)), smallPng(i)));
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("notes.txt")), "not a scan"));
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 12; }));
    spin(1500); // rescans go by: nothing is imported twice
    const auto docs = documents();
    ASSERT_EQ(docs.size(), 12u);
    for (const DocumentRecord& d : docs) {
        EXPECT_TRUE(d.error.isEmpty()) << qPrintable(d.path);
        EXPECT_EQ(d.pageCount, 1);
        const auto r = row(d.path);
        ASSERT_TRUE(r.has_value()) << qPrintable(d.path);
        EXPECT_EQ(r->state, WatchedFileRecord::State::Imported);
        EXPECT_EQ(r->documentId, d.id);
    }
    EXPECT_EQ(m_settled.size(), 12);
}

TEST_F(FolderWatchTest, AFileWrittenSlowlyIsImportedWholeNeverHalfWritten)
{
    const QByteArray pdf = scannedPdf(m_dir.path(), 3);
    ASSERT_FALSE(pdf.isEmpty());
    auto watcher = startWatcher(options());
    const QString path = QDir(m_in).filePath(QStringLiteral("slow.pdf"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    // Ten pieces, each left alone longer than the watcher's stability time before the next.
    const qsizetype piece = pdf.size() / 10 + 1;
    for (qsizetype at = 0; at < pdf.size(); at += piece) {
        ASSERT_GT(f.write(pdf.mid(at, piece)), 0);
        f.flush();
        if (at + piece < pdf.size()) {
            spin(700);
            EXPECT_EQ(countDocuments(), 0) << "registered at " << at + piece << " of " << pdf.size() << " bytes";
            if (at == 0) {
                ASSERT_TRUE(waitFor([&] { return row(path).has_value(); }));
                EXPECT_EQ(row(path)->state, WatchedFileRecord::State::Waiting); // what `status` lists
            }
        }
    }
    f.close();
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 1; }));
    const auto docs = documents();
    EXPECT_TRUE(docs[0].error.isEmpty()) << qPrintable(docs[0].error);
    EXPECT_EQ(docs[0].pageCount, 3);
    EXPECT_EQ(row(path)->state, WatchedFileRecord::State::Imported);
}

TEST_F(FolderWatchTest, AFileThatNeverFinishesWaitsThenIsRecordedAsFailedAfterTheGiveUpTime)
{
    const QByteArray pdf = scannedPdf(m_dir.path(), 1);
    ASSERT_FALSE(pdf.isEmpty());
    const QString path = QDir(m_in).filePath(QStringLiteral("half.pdf"));
    ASSERT_TRUE(writeFile(path, pdf.left(pdf.size() / 2)));
    {
        auto watcher = startWatcher(options());
        ASSERT_TRUE(waitFor([&] { return row(path).has_value(); }));
        spin(2000); // long past the stability time: incomplete, it waits
        EXPECT_EQ(countDocuments(), 0);
        EXPECT_EQ(row(path)->state, WatchedFileRecord::State::Waiting);
    }
    FolderWatchOptions o = options();
    o.giveUpMs = 1000;
    auto watcher = startWatcher(o);
    ASSERT_TRUE(waitFor([&] { return row(path)->state != WatchedFileRecord::State::Waiting; }));
    EXPECT_EQ(row(path)->state, WatchedFileRecord::State::Failed);
    const auto docs = documents();
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_FALSE(docs[0].error.isEmpty()); // recorded like any failed import, with its reason

    // Finished at last (other size): looked at again, and the failed record becomes the import.
    ASSERT_TRUE(writeFile(path, pdf));
    ASSERT_TRUE(waitFor([&] { return row(path)->state == WatchedFileRecord::State::Imported; }));
    const auto after = documents(); // the half file's failure is no longer listed: the file is in
    ASSERT_EQ(after.size(), 1u);
    EXPECT_TRUE(after[0].error.isEmpty());
    EXPECT_EQ(after[0].pageCount, 1);
}

TEST_F(FolderWatchTest, ARestartImportsNothingTwiceAndFinishesWhatAStopInterrupted)
{
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("f%1.png").arg(i)), smallPng(100 + i)));
    {
        auto watcher = startWatcher(options());
        ASSERT_TRUE(waitFor([&] { return m_settled.size() == 5; }));
    }
    ASSERT_EQ(countDocuments(), 5);
    // As if killed between registering a file and writing its row: the row goes back to waiting.
    const QString first = QFileInfo(QDir(m_in).filePath(QStringLiteral("f0.png"))).canonicalFilePath();
    {
        auto store = ProjectStore::open(project());
        ASSERT_TRUE(store.ok());
        auto r = (*store)->watchedFile(first);
        ASSERT_TRUE(r.ok() && r->has_value());
        WatchedFileRecord back = **r;
        back.state = WatchedFileRecord::State::Waiting;
        back.documentId = 0;
        ASSERT_TRUE((*store)->recordWatchedFiles({back}).ok());
    }
    m_settled.clear();
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("new.png")), smallPng(999)));
    auto watcher = startWatcher(options());
    ASSERT_TRUE(waitFor([&] { return m_settled.size() == 2; }));
    spin(1500);
    EXPECT_EQ(m_settled.size(), 2); // f0 (again) and new.png; the four others were settled before
    EXPECT_EQ(countDocuments(), 6);
    EXPECT_EQ(row(first)->state, WatchedFileRecord::State::Imported); // its own import, not a duplicate
}

TEST_F(FolderWatchTest, AThousandSmallFilesAreAllImportedWithBoundedMemory)
{
    constexpr int kFiles = 1000;
    for (int i = 0; i < kFiles; ++i)
        ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("d%1/s%2.png").arg(i % 10).arg(i)), smallPng(i)));
    FolderWatchOptions o = options();
    o.maxPending = 150;
    o.batchSize = 16;
    auto watcher = startWatcher(o);
    int mostPending = 0;
    ASSERT_TRUE(waitFor([&] {
        mostPending = std::max(mostPending, watcher->pendingCount());
        return m_settled.size() >= kFiles;
    }));
    EXPECT_LE(mostPending, o.maxPending);
    EXPECT_EQ(countDocuments(), kFiles);
    spin(1500);
    EXPECT_EQ(countDocuments(), kFiles);
    EXPECT_EQ(m_settled.size(), kFiles);
}

TEST_F(FolderWatchTest, AFolderRemovedAndRecreatedIsWatchedAgain)
{
    auto watcher = startWatcher(options());
    QStringList problems, cleared;
    QObject::connect(watcher.get(), &FolderWatcher::problem,
                     [&](FolderWatcher::Problem p, const QString& folder, const QString&) {
                         EXPECT_EQ(p, FolderWatcher::Problem::Missing);
                         problems << folder;
                     });
    QObject::connect(watcher.get(), &FolderWatcher::problemCleared, [&](const QString& f) { cleared << f; });
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("one.png")), smallPng(1)));
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 1; }));
    ASSERT_TRUE(QDir(m_in).removeRecursively());
    ASSERT_TRUE(waitFor([&] { return problems.size() == 1; }));
    ASSERT_TRUE(QDir().mkpath(m_in));
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("sub/two.png")), smallPng(2)));
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 2; }));
    EXPECT_EQ(cleared.size(), 1);
    // A file dropped later in the recreated folder is seen too.
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("three.png")), smallPng(3)));
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 3; }));
}

TEST_F(FolderWatchTest, SymbolicLinkLoopsNeitherTrapTheScanNorImportTwice)
{
    // Inside a watched folder: a link to its own parent.
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("a/x.png")), smallPng(7)));
    ASSERT_TRUE(QFile::link(m_in, QDir(m_in).filePath(QStringLiteral("a/loop"))));
    // A watched folder that is itself a loop of links.
    const QString l1 = m_dir.filePath(QStringLiteral("l1")), l2 = m_dir.filePath(QStringLiteral("l2"));
    ASSERT_TRUE(QFile::link(l2, l1));
    ASSERT_TRUE(QFile::link(l1, l2));
    FolderWatchOptions o = options();
    o.folders << l1;
    auto w = std::make_unique<FolderWatcher>(project(), o);
    QList<FolderWatcher::Problem> problems;
    QObject::connect(w.get(), &FolderWatcher::problem,
                     [&](FolderWatcher::Problem p, const QString&, const QString&) { problems << p; });
    ASSERT_TRUE(w->start().ok());
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 1; }));
    spin(1500);
    EXPECT_EQ(countDocuments(), 1);
    ASSERT_EQ(problems.size(), 1); // reported once, not at every rescan
    EXPECT_EQ(problems[0], FolderWatcher::Problem::Unresolvable);
}

TEST_F(FolderWatchTest, AFileReplacedByOtherBytesIsLookedAtAgain)
{
    auto watcher = startWatcher(options());
    const QString path = QDir(m_in).filePath(QStringLiteral("r.png"));
    ASSERT_TRUE(writeFile(path, smallPng(40)));
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 1; }));
    // Replaced the way scanners and copy tools do: written aside, renamed over.
    const QString aside = QDir(m_in).filePath(QStringLiteral(".r.png.part"));
    ASSERT_TRUE(writeFile(aside, smallPng(41)));
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(QFile::rename(aside, path));
    ASSERT_TRUE(waitFor([&] { return countDocuments() == 2; }));
    spin(1000);
    EXPECT_EQ(countDocuments(), 2);
}

TEST_F(FolderWatchTest, FinishedFilesMoveToTheDoneFolderAndTheirDocumentsFollow)
{
    FolderWatchOptions o = options();
    o.doneFolder = QDir(m_in).filePath(QStringLiteral("done"));
    auto watcher = startWatcher(o);
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("sub/m.png")), smallPng(50)));
    ASSERT_TRUE(writeFile(QDir(m_in).filePath(QStringLiteral("copy.png")), smallPng(50))); // a duplicate
    ASSERT_TRUE(waitFor([&] { return m_settled.size() == 2; }));
    const QString done = QFileInfo(o.doneFolder).canonicalFilePath();
    const auto docs = documents();
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_TRUE(docs[0].path.startsWith(done + QLatin1Char('/'))) << qPrintable(docs[0].path);
    EXPECT_TRUE(QFileInfo::exists(docs[0].path));
    EXPECT_FALSE(QFileInfo::exists(QDir(m_in).filePath(QStringLiteral("sub/m.png"))));
    EXPECT_FALSE(QFileInfo::exists(QDir(m_in).filePath(QStringLiteral("copy.png"))));
    spin(1500); // the done folder is not watched: nothing comes back from it
    EXPECT_EQ(countDocuments(), 1);
}

TEST(LooksComplete, TruncatedFilesAreNotCompleteWholeOnesAre)
{
    QTemporaryDir dir;
    const QByteArray png = smallPng(3);
    const QString p = dir.filePath(QStringLiteral("a.png"));
    ASSERT_TRUE(writeFile(p, png.left(png.size() - 5)));
    EXPECT_FALSE(looksComplete(p));
    ASSERT_TRUE(writeFile(p, png));
    EXPECT_TRUE(looksComplete(p));
    const QByteArray pdf = scannedPdf(dir.path(), 1);
    const QString q = dir.filePath(QStringLiteral("a.pdf"));
    ASSERT_TRUE(writeFile(q, pdf.left(pdf.size() - 200)));
    EXPECT_FALSE(looksComplete(q));
    ASSERT_TRUE(writeFile(q, pdf));
    EXPECT_TRUE(looksComplete(q));
    EXPECT_FALSE(looksComplete(dir.filePath(QStringLiteral("missing.png"))));
}

} // namespace
} // namespace incidoc
