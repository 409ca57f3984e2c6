// Page hosts: real helper processes (`incidoc-page-host`), real Poppler and Tesseract.
// A page that crashes, hangs or eats memory in a host fails alone with its reason; this process lives.
#include "core/import/file_registration.h"
#include "core/isolation/hosted_workplace.h"
#include "core/ocr/tesseract_engine.h"
#include "core/pipeline/pipeline.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include <unistd.h>

#include "tests/support/pdf_factory.h"
#include "tests/support/qt_printers.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

PageHostOptions hostOptions()
{
    PageHostOptions o;
    // INCIDOC_TEST_PAGE_HOST: another build's app (a sanitizer build of this test need not build the app).
    o.program = qEnvironmentVariable("INCIDOC_TEST_PAGE_HOST", builtProgram(QStringLiteral("bin/incidoc-page-host")));
    return o;
}

/// Sets INCIDOC_FAULT for the hosts started while it lives (hosts read it when they start).
struct Fault {
    explicit Fault(const QString& spec) { qputenv("INCIDOC_FAULT", spec.toUtf8()); }
    ~Fault() { qunsetenv("INCIDOC_FAULT"); }
};

class PageHostTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QFileInfo::exists(hostOptions().program)) << hostOptions().program;
        auto pages = sampleParagraphPages(3, 5);
        for (auto& p : pages)
            p.lines = p.lines.mid(0, 4);
        m_pdf = m_dir.filePath(QStringLiteral("scan.pdf"));
        ASSERT_TRUE(writeScannedPdf(m_pdf, pages, 150));
    }

    PageJob job(int number) const
    {
        PageJob j;
        j.pageId = number;
        j.documentId = 1;
        j.path = m_pdf;
        j.kind = DocumentKind::Pdf;
        j.number = number;
        return j;
    }

    QTemporaryDir m_dir;
    QString m_pdf;
};

QStringList wordsOf(const RecognizedPage& page)
{
    QStringList out;
    for (const auto& w : page.words)
        out << QStringLiteral("%1 %2,%3,%4,%5 %6")
                   .arg(w.text)
                   .arg(w.box.x0)
                   .arg(w.box.y0)
                   .arg(w.box.x1)
                   .arg(w.box.y1)
                   .arg(w.confidence, 0, 'g', 9);
    return out;
}

} // namespace

TEST_F(PageHostTest, AHostGivesExactlyWhatProcessingHereGives)
{
    PageHostPool pool(hostOptions());
    ProcessOptions options;
    options.render.dpi = 150;
    auto remote = pool.process(job(1), options, {});
    ASSERT_TRUE(remote) << remote.error().message;

    // Here: the same engines (both readers of the default profile), in this process.
    auto local = makeLocalWorkplace()->process(job(1), options, {}, nullptr, {});
    ASSERT_TRUE(local);

    EXPECT_EQ(remote->status, PageStatus::Done);
    EXPECT_EQ(remote->kind, local->kind);
    EXPECT_EQ(remote->widthPx, local->widthPx);
    EXPECT_EQ(remote->dpi, local->dpi);
    EXPECT_EQ(remote->engine, local->engine);
    EXPECT_GT(remote->result.words.size(), 5u);
    EXPECT_EQ(wordsOf(remote->result), wordsOf(local->result));
    EXPECT_EQ(remote->result.lines.size(), local->result.lines.size());
    EXPECT_EQ(remote->result.blocks.size(), local->result.blocks.size());

    // The host is kept, with its engine, for the next page.
    auto second = pool.process(job(2), options, {});
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, PageStatus::Done);
    EXPECT_EQ(pool.hostsStarted(), 1);
    EXPECT_EQ(pool.hostsLost(), 0);
}

TEST_F(PageHostTest, ARenderInAHostIsTheSameImage)
{
    PageHostPool pool(hostOptions());
    RenderOptions options;
    options.dpi = 100;
    auto remote = pool.render(m_pdf, DocumentKind::Pdf, 2, options);
    ASSERT_TRUE(remote) << remote.error().message;
    auto local = renderPage(m_pdf, DocumentKind::Pdf, 2, options);
    ASSERT_TRUE(local);
    EXPECT_EQ(remote->image, local->image);
    EXPECT_EQ(remote->dpi, local->dpi);
    EXPECT_DOUBLE_EQ(remote->widthPt, local->widthPt);

    auto missing = pool.render(m_pdf, DocumentKind::Pdf, 9, options);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, renderPage(m_pdf, DocumentKind::Pdf, 9, options).error().message);
}

TEST_F(PageHostTest, RegionOcrInAHostReadsTheWords)
{
    PageHostPool pool(hostOptions());
    RenderOptions ro;
    ro.dpi = 300;
    auto page = renderPage(m_pdf, DocumentKind::Pdf, 1, ro);
    ASSERT_TRUE(page);
    OcrOptions options;
    options.dpi = 300;
    auto remote = pool.recognize(page->image, options);
    ASSERT_TRUE(remote) << remote.error().message;
    auto engine = TesseractEngineFactory().create(options.languages);
    ASSERT_TRUE(engine);
    auto local = (*engine)->recognize(page->image, options, {});
    ASSERT_TRUE(local);
    EXPECT_GT(remote->words.size(), 5u);
    EXPECT_EQ(wordsOf(*remote), wordsOf(*local));
}

TEST_F(PageHostTest, APageThatCrashesTwoHostsFailsAloneAndThePoolGoesOn)
{
    Fault fault(QStringLiteral("segv@scan.pdf#2"));
    PageHostPool pool(hostOptions());
    ProcessOptions options;
    options.render.dpi = 150;
    auto crashed = pool.process(job(2), options, {});
    ASSERT_TRUE(crashed) << crashed.error().message;
    EXPECT_EQ(crashed->status, PageStatus::Failed);
    EXPECT_EQ(crashed->pageId, 2);
    EXPECT_TRUE(crashed->error.startsWith(QLatin1String(kIsolationFailurePrefix))) << crashed->error;
    EXPECT_TRUE(crashed->error.contains(QStringLiteral("crashed the renderer or OCR engine (signal 11")))
        << crashed->error;
    EXPECT_EQ(pool.hostsLost(), 2); // tried twice, on two hosts

    auto next = pool.process(job(3), options, {});
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, PageStatus::Done);
    EXPECT_EQ(pool.hostsStarted(), 3);
}

TEST_F(PageHostTest, AHangingPageIsStoppedAtItsBudget)
{
    Fault fault(QStringLiteral("hang@scan.pdf#1"));
    PageHostOptions o = hostOptions();
    o.slackMs = 1000;
    PageHostPool pool(o);
    ProcessOptions options;
    options.render.timeLimitMs = 1000;
    options.ocrDeadlineMs = 1000;
    QElapsedTimer clock;
    clock.start();
    auto hung = pool.process(job(1), options, {});
    ASSERT_TRUE(hung);
    EXPECT_EQ(hung->status, PageStatus::Failed);
    // It hangs before its render: the render phase's budget stops it.
    EXPECT_EQ(hung->error, isolationHangReason(pageHangBudgets(options, 1000).renderMs));
    EXPECT_GE(clock.elapsed(), pageHangBudgets(options, 1000).renderMs);
    EXPECT_LT(clock.elapsed(), pageHangBudgets(options, 1000).renderMs + 5000);
    EXPECT_EQ(pool.hostsLost(), 1); // a hang is not tried again
}

// Each phase has its own budget: a page hung in Poppler (which never polls the abort callback) is given
// up at the render budget, not at the whole page's; one hung once its OCR began, at the OCR budget.
TEST_F(PageHostTest, EachPhaseOfAPageIsHeldToItsOwnBudget)
{
    PageHostOptions o = hostOptions();
    o.slackMs = 1000;
    ProcessOptions options;
    options.render.timeLimitMs = 2000; // render budget 2 x 1.25 + 1 = 3.5 s
    options.ocrDeadlineMs = 60'000;    // OCR budget 76 s; the page's were (2 + 60) x 1.25 + 1 = 78.5 s
    const PageBudgets budgets = pageHangBudgets(options, o.slackMs);
    EXPECT_EQ(budgets.renderMs, 3500);
    EXPECT_EQ(budgets.ocrMs, 76'000);
    {
        Fault fault(QStringLiteral("hang@scan.pdf#1"));
        PageHostPool pool(o);
        QElapsedTimer clock;
        clock.start();
        auto hung = pool.process(job(1), options, {});
        ASSERT_TRUE(hung);
        EXPECT_EQ(hung->status, PageStatus::Failed);
        EXPECT_EQ(hung->error, isolationHangReason(budgets.renderMs));
        EXPECT_GE(clock.elapsed(), budgets.renderMs);
        EXPECT_LT(clock.elapsed(), budgets.renderMs + 5000);
    }
    // The other way round: a long render limit, a short OCR deadline, a hang once OCR began. The host
    // tells the pool when the page enters its OCR phase; the clock starts again there.
    options.render.timeLimitMs = 60'000; // render budget 76 s
    options.ocrDeadlineMs = 2000;        // OCR budget 3.5 s
    const PageBudgets ocrFirst = pageHangBudgets(options, o.slackMs);
    Fault fault(QStringLiteral("hang@ocr:scan.pdf#2"));
    PageHostPool pool(o);
    QElapsedTimer clock;
    clock.start();
    auto hung = pool.process(job(2), options, {});
    ASSERT_TRUE(hung);
    EXPECT_EQ(hung->status, PageStatus::Failed);
    EXPECT_EQ(hung->error, isolationHangReason(ocrFirst.ocrMs));
    EXPECT_GE(clock.elapsed(), ocrFirst.ocrMs);
    EXPECT_LT(clock.elapsed(), ocrFirst.ocrMs + 10'000) << "held to the render budget, or to the page's";
}

TEST_F(PageHostTest, APageOverTheMemoryBudgetIsStopped)
{
    Fault fault(QStringLiteral("memory@scan.pdf#3"));
    PageHostOptions o = hostOptions();
    o.memoryLimitBytes = 400LL * 1024 * 1024;
    PageHostPool pool(o);
    auto over = pool.process(job(3), ProcessOptions{}, {});
    ASSERT_TRUE(over);
    EXPECT_EQ(over->status, PageStatus::Failed);
    EXPECT_EQ(over->error, isolationMemoryReason("page", o.memoryLimitBytes));
}

TEST_F(PageHostTest, CancelStopsTheHostPromptly)
{
    Fault fault(QStringLiteral("hang@scan.pdf#1"));
    PageHostPool pool(hostOptions());
    CancelToken cancel;
    std::thread canceller([cancel]() mutable {
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
        cancel.cancel();
    });
    QElapsedTimer clock;
    clock.start();
    auto r = pool.process(job(1), ProcessOptions{}, cancel);
    canceller.join();
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().isCancelled());
    EXPECT_LT(clock.elapsed(), 5000);
}

TEST_F(PageHostTest, AMissingHostProgramIsAClearErrorNotAFailedPage)
{
    PageHostOptions o = hostOptions();
    o.program = m_dir.filePath(QStringLiteral("no-such-program"));
    PageHostPool pool(o);
    auto r = pool.process(job(1), ProcessOptions{}, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("cannot start the page helper"))) << r.error().message;
}

// The whole pipeline on hosts: the crashing page fails with its reason, the others are done, and this
// process — standing in for the app — is still here to check.
TEST_F(PageHostTest, PipelineOnHostsSkipsTheCrashingPageAndDoesTheRest)
{
    Fault fault(QStringLiteral("crash@scan.pdf#2"));
    const QString project = m_dir.filePath(QStringLiteral("p.incidoc"));
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store);
        ASSERT_TRUE(registerFiles(**store, {m_pdf}).storage.ok());
    }
    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store);
    auto jobs = (*store)->jobs(PageStatus::Queued);
    ASSERT_TRUE(jobs);
    ASSERT_EQ(jobs->size(), 3u);

    PipelineOptions options;
    options.jobs = 2;
    options.process.render.dpi = 150;
    auto workplace = std::make_shared<HostedWorkplace>(hostOptions());
    const auto hosts = workplace->processing();
    options.workplace = workplace;
    auto pipeline = Pipeline::create(project, options);
    ASSERT_TRUE(pipeline) << pipeline.error().message;
    (*pipeline)->enqueue(*jobs);
    const PipelineStats stats = (*pipeline)->wait();
    EXPECT_EQ(stats.done, 2);
    EXPECT_EQ(stats.failed, 1);
    pipeline->reset();

    for (const auto& doc : *(*store)->documents())
        for (const auto& page : *(*store)->pages(doc.id)) {
            if (page.number == 2) {
                EXPECT_EQ(page.status, PageStatus::Failed);
                EXPECT_TRUE(failedInIsolation(page)) << page.error;
                EXPECT_TRUE(page.error.contains(QStringLiteral("signal 6"))) << page.error;
            } else {
                EXPECT_EQ(page.status, PageStatus::Done);
                EXPECT_GT((*store)->words(page.id)->size(), 5u);
            }
        }
}

namespace {

/// The pids of this process's page hosts (its children running incidoc-page-host).
std::vector<pid_t> hostPids()
{
    std::vector<pid_t> out;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const pid_t pid = entry.toInt(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!stat.open(QIODevice::ReadOnly) || !cmd.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toInt() == getpid() && cmd.readAll().contains("incidoc-page-host"))
            out.push_back(pid);
    }
    return out;
}

} // namespace

// Hosts that die while idle (the OOM killer, a stray kill) are not held against the next page: it
// goes to a fresh host, and this process does not die of SIGPIPE writing to them.
TEST_F(PageHostTest, IdleHostsThatDiedAreReplacedWithoutBlamingThePage)
{
    PageHostPool pool(hostOptions());
    ProcessOptions options;
    options.render.dpi = 150;
    // Two idle hosts: two calls at once.
    std::thread other([&] { EXPECT_TRUE(pool.process(job(1), options, {})); });
    EXPECT_TRUE(pool.process(job(2), options, {}));
    other.join();
    const std::vector<pid_t> idle = hostPids(); // two, unless one call ended before the other began
    ASSERT_GE(idle.size(), 1u);
    ASSERT_EQ(int(idle.size()), pool.hostsStarted());
    for (pid_t pid : idle)
        ::kill(pid, SIGKILL);
    QThread::msleep(300);

    auto r = pool.process(job(3), options, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->status, PageStatus::Done) << r->error;
    EXPECT_EQ(pool.hostsStarted(), int(idle.size()) + 1);
}
