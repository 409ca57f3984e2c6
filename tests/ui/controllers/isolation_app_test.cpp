// The app's isolation: with a HostedWorkplace as the app's main() makes it (page hosts running
// `incidoc-page-host`) handed to the controllers, a page that crashes or hangs Poppler or Tesseract while it is
// processed, shown or read as a region fails alone with its reason, and the app — this test process — lives on.
#include "core/isolation/hosted_workplace.h"
#include "core/storage/project_store.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/controllers/region_ocr.h"
#include "ui/export/export_controller.h"
#include "ui/project_session.h"
#include "ui/view/page_view.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <csignal>

#include "tests/support/pdf_factory.h"
#include "tests/support/qt_printers.h"
#include "tests/support/test_paths.h"
#include "tests/support/worker_support.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class IsolationAppTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto pages = test::sampleParagraphPages(3, 17);
        for (auto& p : pages)
            p.lines = p.lines.mid(0, 4);
        m_pdf = m_dir.filePath(QStringLiteral("scan.pdf"));
        ASSERT_TRUE(test::writeScannedPdf(m_pdf, pages, 150));
    }
    void TearDown() override
    {
        m_hosts.reset();
        m_workplace.reset();
        qunsetenv("INCIDOC_FAULT");
    }

    /// Isolation as the app's main() sets it up (until then, work runs here); `fault`: INCIDOC_FAULT for the
    /// hosts it starts.
    void isolate(const QString& fault, int slackMs = 10'000)
    {
        if (!fault.isEmpty())
            qputenv("INCIDOC_FAULT", fault.toUtf8());
        PageHostOptions o;
        o.program = test::builtProgram(QStringLiteral("bin/incidoc-page-host"));
        o.slackMs = slackMs;
        m_hosts = std::make_shared<HostedWorkplace>(o);
        m_workplace = m_hosts;
    }

    std::unique_ptr<ProjectSession> importAll(const PipelineOptions& options)
    {
        auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("p.incidoc")));
        EXPECT_TRUE(s.ok());
        if (!s)
            return nullptr;
        auto session = std::move(s).value();
        PipelineController controller(session.get(), m_workplace);
        controller.setOptions(options);
        QSignalSpy imported(&controller, &PipelineController::importFinished);
        controller.importPaths({m_pdf});
        EXPECT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 60000));
        EXPECT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
        return session;
    }

    QTemporaryDir m_dir;
    QString m_pdf;
    std::shared_ptr<Workplace> m_workplace = makeLocalWorkplace();
    std::shared_ptr<HostedWorkplace> m_hosts; ///< m_workplace once isolate() is called
};

PipelineOptions quick()
{
    PipelineOptions o;
    o.jobs = 2;
    o.process.render.dpi = 150;
    return o;
}

} // namespace

TEST_F(IsolationAppTest, APageThatCrashesTheEnginesFailsAloneAndTheAppGoesOn)
{
    isolate(QStringLiteral("segv@scan.pdf#2"));
    auto session = importAll(quick());
    ASSERT_TRUE(session);
    const auto pages = session->pages(session->documents().front().id);
    ASSERT_EQ(pages.size(), 3u);
    for (const auto& p : pages) {
        if (p.number == 2) {
            EXPECT_TRUE(failedInIsolation(p)) << p.error;
            EXPECT_TRUE(p.error.contains(QStringLiteral("signal 11"))) << p.error;
        } else {
            EXPECT_EQ(p.status, PageStatus::Done) << p.error;
            EXPECT_FALSE(session->words(p.id).empty());
        }
    }
    EXPECT_EQ(m_hosts->processing()->hostsLost(), 2);
}

TEST_F(IsolationAppTest, AHangingPageFailsAtItsBudgetAndTheRestIsDone)
{
    isolate(QStringLiteral("hang@scan.pdf#1"), 1000);
    PipelineOptions o = quick();
    o.process.render.timeLimitMs = 2000;
    o.process.ocrDeadlineMs = 8000;
    auto session = importAll(o);
    ASSERT_TRUE(session);
    for (const auto& p : session->pages(session->documents().front().id)) {
        if (p.number == 1)
            // It hangs before its render: the render phase's budget, 2 x 1.25 + 1 = 3.5 s.
            EXPECT_TRUE(p.error.contains(QStringLiteral("did not finish within 3 s"))) << p.error;
        else
            EXPECT_EQ(p.status, PageStatus::Done) << p.error;
    }
}

TEST_F(IsolationAppTest, APageThatCrashesTheRendererIsNotShownAndOthersAre)
{
    isolate(QStringLiteral("segv@render:scan.pdf#1"));
    auto session = importAll(quick()); // processing does not use the display render: every page is done
    ASSERT_TRUE(session);
    const auto pages = session->pages(session->documents().front().id);
    ASSERT_EQ(pages.size(), 3u);

    PageView view(m_workplace);
    view.resize(600, 800);
    view.setSession(session.get());
    QSignalSpy messages(&view, &PageView::statusMessage);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.showPage(pages[0].id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return messages.count() > 0; }, 30000));
    EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("crashed the renderer")))
        << messages.last().at(0).toString();
    EXPECT_EQ(view.shownRenderDpi(), 0);

    view.showPage(pages[1].id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return view.shownRenderDpi() > 0; }, 30000));
    EXPECT_GE(m_hosts->interactive()->hostsLost(), 2);
}

TEST_F(IsolationAppTest, RegionOcrRunsInAHost)
{
    isolate(QString());
    RegionOcrRequest request;
    request.path = m_pdf;
    request.kind = DocumentKind::Pdf;
    request.number = 1;
    request.pageDpi = 150;
    request.readDpi = 300;
    request.box = PixelBox{0, 0, 1240, 1754};
    const RegionOcrResult r = ocrRegion(request, *m_workplace);
    EXPECT_TRUE(r.error.isEmpty()) << r.error;
    EXPECT_GT(r.words.size(), 5u);
    EXPECT_EQ(m_hosts->interactive()->hostsStarted(), 1);
}

TEST_F(IsolationAppTest, AFileThatCrashesTheReaderAsItOpensIsRecordedAndTheOthersImport)
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.pdf"));
    ASSERT_TRUE(QFile::copy(m_pdf, bad));
    QFile f(bad); // different bytes: not a duplicate of scan.pdf
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write("\n% another file\n");
    f.close();
    isolate(QStringLiteral("segv@bad.pdf"));
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), m_workplace);
    controller.setOptions(quick());
    QSignalSpy imported(&controller, &PipelineController::importFinished);
    controller.importPaths({m_pdf, bad});
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 60000));
    EXPECT_EQ(imported.first().at(1).toInt(), 1); // added
    EXPECT_EQ(imported.first().at(2).toInt(), 1); // failed
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
    bool sawBad = false;
    for (const auto& doc : session->documents()) {
        if (doc.name == QStringLiteral("bad.pdf")) {
            sawBad = true;
            EXPECT_TRUE(doc.error.startsWith(
                QStringLiteral("processing this file crashed the renderer or OCR engine (signal 11")))
                << doc.error;
        } else {
            EXPECT_TRUE(doc.error.isEmpty()) << doc.error;
            for (const auto& p : session->pages(doc.id))
                EXPECT_EQ(p.status, PageStatus::Done);
        }
    }
    EXPECT_TRUE(sawBad);
}

TEST_F(IsolationAppTest, ExportRendersItsPageImagesInHostsAndTheBundleIsTheSame)
{
    auto session = importAll(quick());
    ASSERT_TRUE(session);
    const QString project = m_dir.filePath(QStringLiteral("p.incidoc"));
    session.reset();
    auto exportWith = [&](const QString& zip) {
        ExportController controller(m_workplace);
        QSignalSpy finished(&controller, &ExportController::finished);
        ExportOptions o;
        o.visualizations = false;
        EXPECT_TRUE(controller.start(project, zip, o));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !controller.isRunning(); }, 120'000));
        EXPECT_EQ(finished.count(), 1);
        return finished.isEmpty() ? ExportReport{} : finished.first().first().value<ExportReport>();
    };
    const ExportReport here = exportWith(m_dir.filePath(QStringLiteral("here.zip")));
    isolate(QString());
    const ExportReport isolated = exportWith(m_dir.filePath(QStringLiteral("isolated.zip")));
    EXPECT_EQ(isolated.pages, 3);
    EXPECT_EQ(m_hosts->processing()->hostsStarted() > 0, true);
    EXPECT_EQ(isolated.words, here.words);
    // The same page images, byte for byte.
    auto images = [&](const QString& zip) {
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), m_dir.filePath(zip), QStringLiteral("images/*")});
        EXPECT_TRUE(unzip.waitForFinished(60'000));
        return unzip.readAllStandardOutput();
    };
    const QByteArray a = images(QStringLiteral("here.zip"));
    EXPECT_GT(a.size(), 1000);
    EXPECT_EQ(a, images(QStringLiteral("isolated.zip")));
}

// With OCR workers set, the hosts render and prepare each page and send it to the workers: the same
// isolation, and the OCR still happens on the fleet.
TEST_F(IsolationAppTest, WithWorkersThePagesGoThroughHostsToTheFleet)
{
    QString error;
    auto worker = test::WorkerProcess::start({QStringLiteral("--threads"), QStringLiteral("2")}, &error);
    ASSERT_TRUE(worker) << error;
    isolate(QStringLiteral("segv@scan.pdf#2"));
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), m_workplace);
    controller.setOptions(quick());
    RemoteOptions remote;
    remote.workers = worker->address();
    controller.setRemoteOptions(remote);
    QSignalSpy imported(&controller, &PipelineController::importFinished);
    controller.importPaths({m_pdf});
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 60000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
    for (const auto& p : session->pages(session->documents().front().id)) {
        if (p.number == 2) {
            EXPECT_TRUE(failedInIsolation(p)) << p.error;
        } else {
            EXPECT_EQ(p.status, PageStatus::Done) << p.error;
            EXPECT_FALSE(session->words(p.id).empty());
        }
    }
    // Pages 1 and 3 were read by the worker (one log line per call), none by the hosts' own Tesseract.
    EXPECT_EQ(worker->log().count(QStringLiteral(" OK ")), 2) << worker->log();
    EXPECT_EQ(m_hosts->processing()->hostsLost(), 2);

    // The fleet gone: the run stops with the message and the pages stay queued (fallback Stop).
    worker->signal(SIGKILL);
    worker->waitForExit(10'000);
    QSignalSpy errors(&controller, &PipelineController::errorOccurred);
    controller.reprocessPage(session->pages(session->documents().front().id).front().id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
    ASSERT_FALSE(errors.isEmpty());
    EXPECT_TRUE(errors.last().at(0).toString().contains(QStringLiteral("no OCR worker reachable")))
        << errors.last().at(0).toString();
}
