// OCR workers in the app: the settings round trip, the settings dialog's Test connection against a real
// in-process incidoc worker (and a closed port) without blocking the GUI thread, and the pipeline
// controller running the bundled sample on a worker, stopping with pages kept queued when no worker is
// reachable, or going on locally when the user chose that.
#include "core/pipeline/workplace.h"
#include "core/remote/worker_server.h"
#include "core/storage/project_store.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/dialogs.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include "tests/support/pdf_factory.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

/// A real worker on a free loopback port, in this process.
std::unique_ptr<remote::WorkerServer> startWorker(int threads)
{
    remote::WorkerOptions o;
    o.listen = QStringLiteral("127.0.0.1:0");
    o.threads = threads;
    auto server = remote::WorkerServer::start(o);
    EXPECT_TRUE(server.ok()) << (server ? "" : qPrintable(server.error().message));
    return server ? std::move(server).value() : nullptr;
}

/// A loopback port nothing listens on any more (a worker bound it, then stopped).
QString closedAddress()
{
    auto worker = startWorker(1);
    return worker ? worker->address() : QStringLiteral("127.0.0.1:1");
}

QString samplePdf()
{
    return test::sourcePath(QStringLiteral("resources/samples/incident-report.pdf"));
}

class WorkersSettingsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        QCoreApplication::setApplicationName(QStringLiteral("workers_settings_test"));
        QSettings().clear();
        ASSERT_TRUE(m_dir.isValid());
    }
    void TearDown() override { QSettings().clear(); }

    /// A new project with the session and controller the app would make for it.
    void openProject()
    {
        m_project = m_dir.filePath(QStringLiteral("p.incidoc"));
        auto s = ProjectSession::open(m_project);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        m_session = std::move(s).value();
        m_controller = std::make_unique<PipelineController>(m_session.get(), incidoc::makeLocalWorkplace());
        PipelineOptions o;
        o.process.render.dpi = 200; // jobs stays 0 (auto): the workers' threads decide
        m_controller->setOptions(o);
    }

    /// Counts of the project's pages by status, read on a connection of their own.
    std::map<PageStatus, int> statuses()
    {
        std::map<PageStatus, int> out;
        auto store = ProjectStore::open(m_project, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        if (!store)
            return out;
        for (const auto& doc : *(*store)->documents())
            for (const auto& p : *(*store)->pages(doc.id))
                ++out[p.status];
        return out;
    }
    int scannedPages()
    {
        int n = 0;
        for (const auto& doc : m_session->documents())
            for (const auto& p : m_session->pages(doc.id))
                n += p.kind == PageKind::Scanned ? 1 : 0;
        return n;
    }

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<PipelineController> m_controller;
};

TEST_F(WorkersSettingsTest, SettingsRoundTripThroughQSettings)
{
    const AppSettings defaults = AppSettings::load();
    EXPECT_TRUE(defaults.workers.isEmpty());
    EXPECT_EQ(defaults.fallback, QStringLiteral("stop"));
    EXPECT_TRUE(defaults.remoteOptions().workers.isEmpty());

    AppSettings a;
    a.workers = QStringLiteral(" 10.0.0.5:50051,10.0.0.6:50051 ");
    a.apiKeyFile = QStringLiteral("/etc/incidoc/key");
    a.tlsCaFile = QStringLiteral("/etc/incidoc/ca.pem");
    a.fallback = QStringLiteral("local");
    a.save();
    const AppSettings b = AppSettings::load();
    EXPECT_EQ(b.workers, QStringLiteral("10.0.0.5:50051,10.0.0.6:50051"));
    EXPECT_EQ(b.apiKeyFile, a.apiKeyFile);
    EXPECT_EQ(b.tlsCaFile, a.tlsCaFile);
    EXPECT_EQ(b.fallback, QStringLiteral("local"));
    const RemoteOptions r = b.remoteOptions();
    EXPECT_EQ(r.workers, QStringLiteral("10.0.0.5:50051,10.0.0.6:50051"));
    EXPECT_EQ(r.apiKeyFile, a.apiKeyFile);
    EXPECT_EQ(r.tlsCaFile, a.tlsCaFile);
    EXPECT_EQ(r.fallback, RemoteFallback::Local);

    // A hand-edited INI file with "a:1, b:2" unquoted reads as a list: still the same workers.
    QSettings().setValue(QStringLiteral("workers/addresses"),
                         QStringList{QStringLiteral("10.0.0.5:50051"), QStringLiteral(" 10.0.0.6:50051")});
    EXPECT_EQ(AppSettings::load().remoteOptions().workers, QStringLiteral("10.0.0.5:50051, 10.0.0.6:50051"));

    // A value that is not "local" stops: pages are never OCR'd here unasked.
    QSettings().setValue(QStringLiteral("workers/fallback"), QStringLiteral("lokal"));
    EXPECT_EQ(AppSettings::load().remoteOptions().fallback, RemoteFallback::Stop);
}

TEST_F(WorkersSettingsTest, DialogShowsAndReturnsTheWorkerSettings)
{
    AppSettings in;
    in.workers = QStringLiteral("dns:///workers:50051");
    in.fallback = QStringLiteral("local");
    SettingsDialog dialog(in);
    auto* workers = dialog.findChild<QLineEdit*>(QStringLiteral("workersEdit"));
    auto* key = dialog.findChild<QLineEdit*>(QStringLiteral("apiKeyFileEdit"));
    auto* ca = dialog.findChild<QLineEdit*>(QStringLiteral("tlsCaFileEdit"));
    auto* fallback = dialog.findChild<QComboBox*>(QStringLiteral("fallbackCombo"));
    ASSERT_TRUE(workers && key && ca && fallback);
    EXPECT_EQ(workers->text(), in.workers);
    EXPECT_TRUE(workers->placeholderText().contains(QStringLiteral("dns:///")));
    EXPECT_EQ(fallback->currentData().toString(), QStringLiteral("local"));
    EXPECT_FALSE(workers->accessibleName().isEmpty());
    EXPECT_TRUE(dialog.findChild<QPushButton*>(QStringLiteral("apiKeyFileEditBrowse")));
    EXPECT_TRUE(dialog.findChild<QPushButton*>(QStringLiteral("tlsCaFileEditBrowse")));

    workers->setText(QStringLiteral("  127.0.0.1:50051, 127.0.0.1:50052 "));
    key->setText(QStringLiteral("/tmp/key"));
    ca->setText(QStringLiteral("/tmp/ca.pem"));
    fallback->setCurrentIndex(fallback->findData(QStringLiteral("stop")));
    const AppSettings out = dialog.settings();
    EXPECT_EQ(out.workers, QStringLiteral("127.0.0.1:50051, 127.0.0.1:50052"));
    EXPECT_EQ(out.apiKeyFile, QStringLiteral("/tmp/key"));
    EXPECT_EQ(out.tlsCaFile, QStringLiteral("/tmp/ca.pem"));
    EXPECT_EQ(out.fallback, QStringLiteral("stop"));
}

TEST_F(WorkersSettingsTest, TestConnectionShowsTheWorkersWithoutBlocking)
{
    auto worker = startWorker(2);
    ASSERT_TRUE(worker);
    AppSettings in;
    in.workers = worker->address();
    SettingsDialog dialog(in);
    dialog.show();
    auto* button = dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"));
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("connectionResultLabel"));
    ASSERT_TRUE(button && result);
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);

    QTest::mouseClick(button, Qt::LeftButton);
    // The click returned before the answer: the connection is made on a worker thread.
    EXPECT_TRUE(dialog.isTestingConnection());
    EXPECT_FALSE(button->isEnabled());
    EXPECT_TRUE(result->text().contains(worker->address())) << qPrintable(result->text());
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_TRUE(tested.first().at(0).toBool()) << qPrintable(result->text());
    EXPECT_TRUE(result->text().contains(QStringLiteral("1 worker(s) (2 threads) at %1").arg(worker->address())))
        << qPrintable(result->text());
    EXPECT_TRUE(button->isEnabled());
}

TEST_F(WorkersSettingsTest, TestConnectionToAClosedPortShowsTheError)
{
    AppSettings in;
    in.workers = closedAddress();
    SettingsDialog dialog(in);
    dialog.show();
    auto* button = dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton"));
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("connectionResultLabel"));
    ASSERT_TRUE(button && result);
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(20);

    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_TRUE(dialog.isTestingConnection());
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_FALSE(tested.first().at(0).toBool());
    EXPECT_TRUE(result->text().contains(QStringLiteral("no OCR worker reachable"))) << qPrintable(result->text());
    EXPECT_TRUE(result->text().contains(in.workers)) << qPrintable(result->text());
    EXPECT_GT(ticks, 0); // the event loop ran while the connection was tried

    // A malformed address is an error too, not a hang.
    dialog.findChild<QLineEdit*>(QStringLiteral("workersEdit"))->setText(QStringLiteral("no port here"));
    QTest::mouseClick(button, Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_FALSE(tested.last().at(0).toBool());
    EXPECT_TRUE(result->text().startsWith(QStringLiteral("Not connected"))) << qPrintable(result->text());
}

TEST_F(WorkersSettingsTest, SampleIsOcrdOnTheWorker)
{
    auto worker = startWorker(2);
    ASSERT_TRUE(worker);
    ASSERT_NO_FATAL_FAILURE(openProject());
    RemoteOptions remote;
    remote.workers = worker->address();
    m_controller->setRemoteOptions(remote);
    QSignalSpy imported(m_controller.get(), &PipelineController::importFinished);
    QSignalSpy errors(m_controller.get(), &PipelineController::errorOccurred);
    QSignalSpy status(m_controller.get(), &PipelineController::statusMessage);

    m_controller->importPaths({samplePdf()});
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_controller->state() == PipelineController::State::Idle; }, 240000));
    EXPECT_EQ(errors.count(), 0) << qPrintable(errors.isEmpty() ? QString() : errors.first().at(0).toString());
    const auto counts = statuses();
    EXPECT_EQ(counts.count(PageStatus::Queued), 0u);
    EXPECT_EQ(counts.count(PageStatus::Failed), 0u);
    EXPECT_EQ(counts.at(PageStatus::Done), 4);
    EXPECT_EQ(m_controller->pagesDone(), 4);
    const int scanned = scannedPages();
    EXPECT_EQ(scanned, 3);
    EXPECT_EQ(worker->counters().pagesServed, scanned); // every scanned page went to the worker
    auto cluster = m_controller->cluster();
    ASSERT_TRUE(cluster);
    EXPECT_EQ(cluster->totalThreads(), 2);
    EXPECT_EQ(cluster->stats().localPages, 0);
    const bool toldUser = std::any_of(status.begin(), status.end(), [&](const QList<QVariant>& args) {
        return args.at(0).toString().contains(worker->address());
    });
    EXPECT_TRUE(toldUser);

    // The next run reuses the connection while the options stay the same.
    PageId page = 0;
    for (const auto& p : m_session->pages(m_session->documents().front().id))
        if (p.kind == PageKind::Scanned)
            page = p.id;
    ASSERT_NE(page, 0);
    QSignalSpy processed(m_controller.get(), &PipelineController::pageProcessed);
    m_controller->reprocessPage(page);
    ASSERT_TRUE(processed.wait(120000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_controller->state() == PipelineController::State::Idle; }, 30000));
    EXPECT_EQ(m_controller->cluster(), cluster);
    EXPECT_EQ(worker->counters().pagesServed, scanned + 1);
    EXPECT_FALSE(m_session->words(page).empty());
}

TEST_F(WorkersSettingsTest, NoWorkerReachableStopsAndKeepsPagesQueued)
{
    ASSERT_NO_FATAL_FAILURE(openProject());
    RemoteOptions remote;
    remote.workers = closedAddress();
    remote.fallback = RemoteFallback::Stop;
    m_controller->setRemoteOptions(remote);
    QSignalSpy imported(m_controller.get(), &PipelineController::importFinished);
    QSignalSpy errors(m_controller.get(), &PipelineController::errorOccurred);
    QSignalSpy processed(m_controller.get(), &PipelineController::pageProcessed);

    m_controller->importPaths({samplePdf()});
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 30000));
    // The run waits for the connection without holding the GUI thread.
    EXPECT_TRUE(m_controller->isConnecting() || errors.count() == 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return errors.count() == 1; }, 30000));
    EXPECT_TRUE(errors.first().at(0).toString().contains(QStringLiteral("no OCR worker reachable")))
        << qPrintable(errors.first().at(0).toString());
    EXPECT_EQ(m_controller->state(), PipelineController::State::Idle);
    EXPECT_FALSE(m_controller->isConnecting());
    EXPECT_FALSE(m_controller->cluster());
    QTest::qWait(500);
    EXPECT_EQ(processed.count(), 0);
    const auto counts = statuses();
    EXPECT_EQ(counts.at(PageStatus::Queued), 4); // nothing failed, nothing done: all wait for the next run
    EXPECT_EQ(counts.size(), 1u);
}

TEST_F(WorkersSettingsTest, NoWorkerReachableWithFallbackLocalOcrsHere)
{
    ASSERT_NO_FATAL_FAILURE(openProject());
    RemoteOptions remote;
    remote.workers = closedAddress();
    remote.fallback = RemoteFallback::Local;
    m_controller->setRemoteOptions(remote);
    QSignalSpy imported(m_controller.get(), &PipelineController::importFinished);
    QSignalSpy errors(m_controller.get(), &PipelineController::errorOccurred);
    QSignalSpy status(m_controller.get(), &PipelineController::statusMessage);

    m_controller->importPaths({samplePdf()});
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_controller->state() == PipelineController::State::Idle; }, 240000));
    EXPECT_EQ(errors.count(), 0);
    const auto counts = statuses();
    EXPECT_EQ(counts.at(PageStatus::Done), 4);
    EXPECT_EQ(counts.size(), 1u);
    EXPECT_EQ(m_controller->pagesDone(), 4);
    EXPECT_FALSE(m_controller->cluster());
    const bool toldUser = std::any_of(status.begin(), status.end(), [](const QList<QVariant>& args) {
        return args.at(0).toString().contains(QStringLiteral("OCR runs on this computer"));
    });
    EXPECT_TRUE(toldUser);
}

TEST_F(WorkersSettingsTest, WorkerGoneMidRunStopsWithPagesQueued)
{
    auto worker = startWorker(1);
    ASSERT_TRUE(worker);
    const QString pdf = m_dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, test::sampleParagraphPages(6, 11), 200));
    ASSERT_NO_FATAL_FAILURE(openProject());
    RemoteOptions remote;
    remote.workers = worker->address();
    m_controller->setRemoteOptions(remote);
    QSignalSpy errors(m_controller.get(), &PipelineController::errorOccurred);
    QSignalSpy processed(m_controller.get(), &PipelineController::pageProcessed);

    m_controller->importPaths({pdf});
    ASSERT_TRUE(processed.wait(120000)); // one page in flight at a time (the worker has one thread)
    worker.reset();                      // the only worker goes away
    ASSERT_TRUE(QTest::qWaitFor([&] { return errors.count() >= 1; }, 120000));
    EXPECT_TRUE(errors.first().at(0).toString().startsWith(QStringLiteral("OCR stopped:")))
        << qPrintable(errors.first().at(0).toString());
    EXPECT_TRUE(errors.first().at(0).toString().contains(QStringLiteral("stay queued")));
    EXPECT_EQ(m_controller->state(), PipelineController::State::Idle);
    EXPECT_FALSE(m_controller->cluster()); // the next run connects afresh
    const auto counts = statuses();
    EXPECT_EQ(counts.count(PageStatus::Processing), 0u);
    EXPECT_GE(counts.count(PageStatus::Queued) ? counts.at(PageStatus::Queued) : 0, 1);
    EXPECT_GE(counts.at(PageStatus::Done), 1);
}

} // namespace
