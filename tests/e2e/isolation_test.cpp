// Isolation of `import` and `ocr` (page hosts, core/isolation/): a page that crashes or hangs the engines, a
// file that crashes the reader while it is opened, a page over the memory budget: each is recorded as
// failed with its reason and the run goes on. Faults are injected where Poppler or Tesseract would fail
// (core/util/fault_injection.h; every build but Release). Also: killing the command ends its page hosts.
#include "core/storage/project_store.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/qt_printers.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

class IsolationTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        unsigned seed = 5;
        for (const char* name : {"a.pdf", "b.pdf"}) { // different text: two documents, not one twice
            auto pages = sampleParagraphPages(4, seed++);
            for (auto& p : pages)
                p.lines = p.lines.mid(0, 4);
            ASSERT_TRUE(writeScannedPdf(m_dir.filePath(QString::fromLatin1(name)), pages, 150));
        }
    }
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QProcessEnvironment faults(const QString& spec) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INCIDOC_FAULT"), spec);
        return env;
    }
    ProjectSummary summary()
    {
        if (!QFileInfo::exists(path("p.incidoc")))
            return {};
        auto store = ProjectStore::open(path("p.incidoc"), OpenMode::ReadOnly);
        EXPECT_TRUE(store) << (store ? QString() : store.error().message);
        if (!store)
            return {};
        auto s = (*store)->summary();
        return s ? *s : ProjectSummary{};
    }
    QStringList failures()
    {
        QStringList out;
        auto store = ProjectStore::open(path("p.incidoc"), OpenMode::ReadOnly);
        for (const auto& f : *(*store)->failures())
            out << QStringLiteral("%1#%2: %3")
                       .arg(QFileInfo(f.documentPath).fileName())
                       .arg(f.pageNumber)
                       .arg(f.reason);
        return out;
    }

    QTemporaryDir m_dir;
};

TEST_F(IsolationTest, APageThatCrashesIsSkippedAndTheRestIsDone)
{
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                               path("b.pdf"), QStringLiteral("--json")},
                              600'000, faults(QStringLiteral("crash@a.pdf#3")));
    EXPECT_FALSE(run.crashed) << run.err;
    EXPECT_EQ(run.exitCode, 2) << run.err;
    const ProjectSummary s = summary();
    EXPECT_EQ(s.pages, 8);
    EXPECT_EQ(s.done, 7);
    EXPECT_EQ(s.failed, 1);
    EXPECT_EQ(s.queued + s.processing, 0);
    const QStringList f = failures();
    ASSERT_EQ(f.size(), 1) << f.join(QLatin1Char('\n'));
    EXPECT_TRUE(
        f[0].startsWith(QStringLiteral("a.pdf#3: processing this page crashed the renderer or OCR engine (signal 6")))
        << f[0];
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonArray listed = json[QStringLiteral("page_failures")].toArray();
    ASSERT_EQ(listed.size(), 1) << run.out;
    EXPECT_EQ(listed[0][QStringLiteral("page")].toInt(), 3);
    EXPECT_EQ(integrityCheck(path("p.incidoc")), QStringLiteral("ok"));
}

TEST_F(IsolationTest, ASegfaultingPageAmongManyInFlightIsFound)
{
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                               path("b.pdf"), QStringLiteral("--jobs"), QStringLiteral("4")},
                              600'000, faults(QStringLiteral("segv@b.pdf#2")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    const QStringList f = failures();
    ASSERT_EQ(f.size(), 1) << f.join(QLatin1Char('\n'));
    EXPECT_TRUE(f[0].startsWith(QStringLiteral("b.pdf#2: processing this page crashed"))) << f[0];
    EXPECT_TRUE(f[0].contains(QStringLiteral("signal 11"))) << f[0];
    EXPECT_EQ(summary().done, 7);
}

TEST_F(IsolationTest, AHangingPageIsStoppedAtItsTimeBudget)
{
    QDeadlineTimer timer(QDeadlineTimer::Forever);
    QElapsedTimer clock;
    clock.start();
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                               QStringLiteral("--render-timeout"), QStringLiteral("2"), QStringLiteral("--ocr-timeout"),
                               QStringLiteral("2")},
                              600'000, faults(QStringLiteral("hang@a.pdf#2")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    // It hangs before its render: budget 2 x 1.25 + 10 = 12.5 s, plus the other pages.
    EXPECT_LT(clock.elapsed(), 60'000);
    const QStringList f = failures();
    ASSERT_EQ(f.size(), 1) << f.join(QLatin1Char('\n'));
    EXPECT_TRUE(f[0].startsWith(QStringLiteral("a.pdf#2: processing this page did not finish within 12 s"))) << f[0];
    EXPECT_EQ(summary().done, 3);
}

// Each phase of a page has its own budget: a page hung in Poppler is given up at the render budget
// (2 x 1.25 + 10 = 12.5 s here), not after the whole page's (with the OCR's 60 s: 97.5 s).
TEST_F(IsolationTest, APageHungInItsRenderIsGivenUpAtTheRenderBudget)
{
    QElapsedTimer clock;
    clock.start();
    const CliRun run =
        runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                QStringLiteral("--render-timeout"), QStringLiteral("2"), QStringLiteral("--jobs"), QStringLiteral("1")},
               600'000, faults(QStringLiteral("hang@a.pdf#1")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_LT(clock.elapsed(), 80'000) << "held for the whole page's budget";
    const QStringList f = failures();
    ASSERT_EQ(f.size(), 1) << f.join(QLatin1Char('\n'));
    EXPECT_TRUE(f[0].startsWith(QStringLiteral("a.pdf#1: processing this page did not finish within 12 s"))) << f[0];
    EXPECT_EQ(summary().done, 3);
}

// And a page that hangs once its OCR has begun (Tesseract polls its deadline only between words, not
// in layout analysis) is held to the OCR budget, 2 x 1.25 + 10 = 12.5 s here; its render budget (60 s
// by default: 85 s) no longer counts.
TEST_F(IsolationTest, APageHungInItsOcrIsGivenUpAtTheOcrBudget)
{
    QElapsedTimer clock;
    clock.start();
    const CliRun run =
        runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                QStringLiteral("--ocr-timeout"), QStringLiteral("2"), QStringLiteral("--jobs"), QStringLiteral("1")},
               600'000, faults(QStringLiteral("hang@ocr:a.pdf#3")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_LT(clock.elapsed(), 80'000) << "held for the whole page's budget";
    const QStringList f = failures();
    ASSERT_EQ(f.size(), 1) << f.join(QLatin1Char('\n'));
    EXPECT_TRUE(f[0].startsWith(QStringLiteral("a.pdf#3: processing this page did not finish within 12 s"))) << f[0];
    EXPECT_EQ(summary().done, 3);
}

TEST_F(IsolationTest, AFileThatCrashesTheReaderIsSkipped)
{
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), m_dir.path()},
                              600'000, faults(QStringLiteral("crash@a.pdf")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_TRUE(run.err.contains(QStringLiteral("a.pdf: processing this file crashed"))) << run.err;
    const ProjectSummary s = summary();
    EXPECT_EQ(s.failedDocuments, 1);
    EXPECT_EQ(s.done, 4); // b.pdf
    // Later, without the fault, the file is retried like any file that failed to import.
    const CliRun again = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf")});
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(summary().done, 8);
}

// A file that hangs the reader as it is opened is given up at its budget (60 s x1.25 + 10 s: hashing
// and parsing up to 2 GB; any hostile file is given up within 90 s), and the other files are imported.
TEST_F(IsolationTest, AFileThatHangsTheReaderIsGivenUpAtItsBudget)
{
    QElapsedTimer clock;
    clock.start();
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), m_dir.path()},
                              600'000, faults(QStringLiteral("hang@a.pdf")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_LT(clock.elapsed(), 300'000);
    EXPECT_TRUE(run.err.contains(QStringLiteral("a.pdf: processing this file did not finish within 85 s"))) << run.err;
    const ProjectSummary s = summary();
    EXPECT_EQ(s.failedDocuments, 1);
    EXPECT_EQ(s.done, 4); // b.pdf
}

TEST_F(IsolationTest, APageOverTheMemoryBudgetIsSkipped)
{
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                               QStringLiteral("--memory-limit-mb"), QStringLiteral("600"), QStringLiteral("--jobs"),
                               QStringLiteral("1")},
                              600'000, faults(QStringLiteral("memory@a.pdf#4")));
    EXPECT_EQ(run.exitCode, 2) << run.err;
    const QStringList f = failures();
    ASSERT_EQ(f.size(), 1) << f.join(QLatin1Char('\n'));
    EXPECT_TRUE(f[0].startsWith(QStringLiteral("a.pdf#4: processing this page used more than 600 MB"))) << f[0];
    EXPECT_EQ(summary().done, 3);
}

TEST_F(IsolationTest, KillingTheCommandKillsItsChildToo)
{
    QProcess p;
    QProcessEnvironment env = faults(QStringLiteral("hang@a.pdf#1"));
    p.setProcessEnvironment(env);
    p.start(cliPath(), {QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf")});
    ASSERT_TRUE(p.waitForStarted());
    // Wait until a page host has the hanging page in flight. The project may be half made when it is
    // first looked at: an open that fails is "not yet", not a failure.
    const auto pagesNow = [this] {
        auto store = ProjectStore::open(path("p.incidoc"), OpenMode::ReadOnly);
        auto s = store ? (*store)->summary() : Result<ProjectSummary>(makeError(ErrorCode::Internal, {}));
        return s ? s->pages : 0;
    };
    QDeadlineTimer wait(60'000);
    while (!wait.hasExpired() && pagesNow() == 0)
        QThread::msleep(100);
    QThread::msleep(1000);
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    ASSERT_TRUE(p.waitForFinished(10'000));
    // No process is left holding the project: a new run gets the processing lock at once.
    QDeadlineTimer gone(10'000);
    CliRun run;
    do {
        run = runCli({QStringLiteral("ocr"), QStringLiteral("-p"), path("p.incidoc")});
    } while (run.exitCode == 1 && run.err.contains(QStringLiteral("being processed")) && !gone.hasExpired()
             && (QThread::msleep(200), true));
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(summary().done, 4);
}

TEST_F(IsolationTest, WithoutIsolationACrashEndsTheRunButLosesNothingCommitted)
{
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path("p.incidoc"), path("a.pdf"),
                               QStringLiteral("--no-isolation"), QStringLiteral("--jobs"), QStringLiteral("1")},
                              600'000, faults(QStringLiteral("crash@a.pdf#3")));
    EXPECT_TRUE(run.crashed);
    const CliRun resume = runCli({QStringLiteral("ocr"), QStringLiteral("-p"), path("p.incidoc")});
    EXPECT_EQ(resume.exitCode, 0) << resume.err;
    EXPECT_EQ(summary().done, 4);
}

} // namespace
