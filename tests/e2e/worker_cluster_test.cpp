// The worker cluster end to end: incidoc-worker processes on loopback ports and incidoc-cli processes
// using them. A worker killed mid-run, identical words to a local run, SIGTERM drain, TLS, a wrong
// key, and no worker at all (stop or fall back).
#include "core/remote/remote_engine.h"
#include "core/storage/project_store.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <future>
#include <map>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/qt_printers.h"
#include "tests/support/worker_support.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

/// A scanned PDF of `count` short pages (a few lines each: OCR stays quick, the pipeline still does
/// everything it does for a real scan).
QString makeScannedPdf(const QString& dir, int count, int lines = 5)
{
    auto pages = sampleParagraphPages(count, 21);
    for (auto& p : pages)
        p.lines = p.lines.mid(0, lines);
    const QString path = dir + QStringLiteral("/scans.pdf");
    EXPECT_TRUE(writeScannedPdf(path, pages, 150));
    return path;
}

/// Every page's words as "text x0,y0,x1,y1 confidence" lines, by page number.
std::map<int, QStringList> wordsByPage(const QString& project)
{
    std::map<int, QStringList> out;
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    EXPECT_TRUE(store) << (store ? QString() : store.error().message);
    if (!store)
        return out;
    for (const auto& doc : *(*store)->documents())
        for (const auto& page : *(*store)->pages(doc.id)) {
            QStringList& words = out[page.number];
            for (const auto& w : *(*store)->words(page.id))
                words << QStringLiteral("%1 %2,%3,%4,%5 %6")
                             .arg(w.text)
                             .arg(w.box.x0)
                             .arg(w.box.y0)
                             .arg(w.box.x1)
                             .arg(w.box.y1)
                             .arg(w.confidence.value_or(-1), 0, 'g', 9);
        }
    return out;
}

ProjectSummary summaryOf(const QString& project)
{
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    EXPECT_TRUE(store);
    auto s = (*store)->summary();
    EXPECT_TRUE(s);
    return s ? *s : ProjectSummary{};
}

/// The failed pages' errors, for failure messages.
QString failedPagesOf(const QString& project)
{
    QString out;
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    if (!store)
        return out;
    for (DocumentId id = 1; id <= 8; ++id) {
        auto pages = (*store)->pages(id);
        if (!pages)
            continue;
        for (const PageRecord& p : *pages)
            if (p.status == PageStatus::Failed)
                out += QStringLiteral("page %1: %2\n").arg(p.number).arg(p.error);
    }
    return out;
}

/// Recognize calls the worker answered OK (from its log: one line per call).
int okCalls(WorkerProcess& w)
{
    static const QRegularExpression kOk(QStringLiteral("Recognize peer=[^\n]* OK "));
    int n = 0;
    for (auto it = kOk.globalMatch(w.log()); it.hasNext(); it.next())
        ++n;
    return n;
}

std::unique_ptr<WorkerProcess> startWorker(const QStringList& args)
{
    QString error;
    auto w = WorkerProcess::start(args, &error);
    EXPECT_TRUE(w) << error;
    return w;
}

class WorkerClusterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_keyFile = m_dir.filePath(QStringLiteral("api-key"));
        m_key = writeApiKey(m_keyFile);
        ASSERT_FALSE(m_key.isEmpty());
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_keyFile;
    QByteArray m_key;
};

TEST_F(WorkerClusterTest, SixtyPagesOnThreeWorkersOneKilledMidRun)
{
    const QString pdf = makeScannedPdf(m_dir.path(), 60);
    std::vector<std::unique_ptr<WorkerProcess>> workers;
    QStringList addresses;
    for (int i = 0; i < 3; ++i) {
        workers.push_back(startWorker(
            {QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--api-key-file"), m_keyFile}));
        ASSERT_TRUE(workers.back());
        addresses << workers.back()->address();
    }

    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("remote.incidoc")), pdf,
                          QStringLiteral("--workers"), addresses.join(QLatin1Char(',')),
                          QStringLiteral("--api-key-file"), m_keyFile, QStringLiteral("--json")});
    ASSERT_TRUE(cli.waitForStarted());
    // Let every worker take part, then kill one of them while it has a page (each has one thread, and
    // the client keeps three pages in flight).
    QDeadlineTimer wait(300'000);
    while (!wait.hasExpired()
           && (okCalls(*workers[0]) + okCalls(*workers[1]) + okCalls(*workers[2]) < 12 || okCalls(*workers[1]) < 2))
        QThread::msleep(50);
    ASSERT_FALSE(wait.hasExpired()) << workers[1]->log();
    const int servedByKilled = okCalls(*workers[1]);
    workers[1]->signal(SIGKILL);
    ASSERT_EQ(workers[1]->waitForExit(10'000), -1); // killed, not exited

    ASSERT_TRUE(cli.waitForFinished(600'000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    ASSERT_EQ(cli.exitStatus(), QProcess::NormalExit) << err;
    ASSERT_EQ(cli.exitCode(), 0) << err;
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    EXPECT_EQ(json[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 60);
    EXPECT_EQ(json[QStringLiteral("pages")][QStringLiteral("failed")].toInt(), 0);
    // The client lives through the kill: one process did the whole run (a client that died would end the
    // run: nothing restarts it; no restart note either). A client that found a worker unreachable at the
    // start would report fewer threads (the note says which).
    EXPECT_FALSE(err.contains(QStringLiteral("the processing child was restarted"))) << err;
    EXPECT_EQ(json[QStringLiteral("workers")][QStringLiteral("threads")].toInt(), 3)
        << json[QStringLiteral("workers")][QStringLiteral("note")].toString() << "\n"
        << err;
    EXPECT_EQ(json[QStringLiteral("workers")][QStringLiteral("local_pages")].toInt(), 0);

    // Every page done, once: 60 pages, each with its words once (the store keeps one result per page).
    const ProjectSummary s = summaryOf(path(QStringLiteral("remote.incidoc")));
    EXPECT_EQ(s.pages, 60);
    EXPECT_EQ(s.done, 60);
    EXPECT_EQ(s.queued + s.processing + s.failed, 0);
    EXPECT_EQ(integrityCheck(path(QStringLiteral("remote.incidoc"))), QStringLiteral("ok"));
    // The survivors took over: between them and what the killed one finished, every page was read.
    const int served = okCalls(*workers[0]) + okCalls(*workers[2]) + servedByKilled;
    EXPECT_GE(served, 60);
    EXPECT_GT(okCalls(*workers[0]), 0);
    EXPECT_GT(okCalls(*workers[2]), 0);

    // The same file OCR'd in-process: the same words, boxes and confidences on every page.
    const CliRun local = runCli({QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("local.incidoc")),
                                 pdf, QStringLiteral("-q")});
    ASSERT_EQ(local.exitCode, 0) << local.err;
    const auto remoteWords = wordsByPage(path(QStringLiteral("remote.incidoc")));
    const auto localWords = wordsByPage(path(QStringLiteral("local.incidoc")));
    ASSERT_EQ(remoteWords.size(), 60u);
    ASSERT_EQ(localWords.size(), 60u);
    int words = 0;
    for (const auto& [number, list] : localWords) {
        EXPECT_EQ(remoteWords.at(number), list) << "page " << number;
        words += static_cast<int>(list.size());
    }
    EXPECT_GT(words, 60 * 30);
}

// Connecting asks every worker for its threads, one thread per worker; each must find its worker (they
// once raced on the shared address list: an empty address, a worker counted as unreachable, or a crash).
// The race shows under load or ThreadSanitizer (the tsan preset), rarely on a quiet machine.
TEST_F(WorkerClusterTest, ConnectFindsEveryWorkerEveryTime)
{
    std::vector<std::unique_ptr<WorkerProcess>> workers;
    QStringList addresses;
    for (int i = 0; i < 3; ++i) {
        workers.push_back(startWorker(
            {QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--api-key-file"), m_keyFile}));
        ASSERT_TRUE(workers.back());
        addresses << workers.back()->address();
    }
    RemoteOptions ro;
    ro.workers = addresses.join(QLatin1Char(','));
    ro.apiKeyFile = m_keyFile;
    for (int round = 0; round < 40; ++round) {
        auto cluster = RemoteCluster::connect(ro, QStringLiteral("eng"));
        ASSERT_TRUE(cluster) << cluster.error().message;
        ASSERT_EQ((*cluster)->totalThreads(), 3) << "round " << round << ": " << (*cluster)->summary().toStdString();
    }
}

TEST_F(WorkerClusterTest, SigtermDrainsTheWorkerProcess)
{
    auto worker =
        startWorker({QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--api-key-file"), m_keyFile});
    ASSERT_TRUE(worker);
    RemoteOptions ro;
    ro.workers = worker->address();
    ro.apiKeyFile = m_keyFile;
    auto cluster = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_TRUE(cluster) << cluster.error().message;
    auto engine = (*cluster)->engineFactory()->create(QStringLiteral("eng"));
    ASSERT_TRUE(engine);
    const QImage page = renderTextImage(sampleParagraphPages(1, 4)[0].lines, 300);
    auto call = std::async(std::launch::async, [&] { return (*engine)->recognize(page, OcrOptions{}, CancelToken()); });
    // Wait until the worker has the page (it logs calls when they end, so watch its status instead).
    QDeadlineTimer wait(60'000);
    while (!wait.hasExpired() && !worker->log().contains(QStringLiteral("ListEngines")))
        QThread::msleep(20);
    QThread::msleep(400); // the page is on its way or being read; either way it is in flight
    worker->signal(SIGTERM);
    auto result = call.get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_GT(result->words.size(), 100u);
    EXPECT_EQ(worker->waitForExit(60'000), 0) << worker->log();
    const QString log = worker->log();
    EXPECT_TRUE(log.contains(QStringLiteral("received SIGTERM"))) << log;
    EXPECT_TRUE(log.contains(QStringLiteral("draining"))) << log;
    EXPECT_TRUE(log.contains(QStringLiteral("Recognize peer="))) << log;
    // Gone: nothing answers there any more.
    auto after = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_FALSE(after);
    EXPECT_EQ(after.error().code, ErrorCode::Unavailable);
}

TEST_F(WorkerClusterTest, TlsAndKeyThroughTheCommandLine)
{
    TestCertificates certs;
    QString error;
    ASSERT_TRUE(makeTestCertificates(m_dir.path(), &certs, &error)) << error;
    // Bound to every interface (allowed with TLS and a key), reached on loopback.
    QString startError;
    auto worker = WorkerProcess::start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                        QStringLiteral("--threads"), QStringLiteral("2"),
                                        QStringLiteral("--api-key-file"), m_keyFile, QStringLiteral("--tls-cert"),
                                        certs.serverCert, QStringLiteral("--tls-key"), certs.serverKey},
                                       &startError);
    ASSERT_TRUE(worker) << startError;
    EXPECT_TRUE(worker->log().contains(QStringLiteral("(TLS)"))) << worker->log();
    const QString pdf = makeScannedPdf(m_dir.path(), 4);
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("tls.incidoc")), pdf,
                               QStringLiteral("--workers"), worker->address(), QStringLiteral("--api-key-file"),
                               m_keyFile, QStringLiteral("--tls-ca"), certs.caCert});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.err.contains(QStringLiteral("OCR on 1 worker(s) (2 threads)"))) << run.err;
    EXPECT_EQ(summaryOf(path(QStringLiteral("tls.incidoc"))).done, 4);
    EXPECT_GE(okCalls(*worker), 4) << worker->log();

    // Without TLS the same worker cannot be reached.
    const CliRun plain =
        runCli({QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("plain.incidoc")), pdf,
                QStringLiteral("--workers"), worker->address(), QStringLiteral("--api-key-file"), m_keyFile});
    EXPECT_EQ(plain.exitCode, 1) << plain.err;
    EXPECT_TRUE(plain.err.contains(QStringLiteral("no OCR worker reachable"))) << plain.err;
    // A worker on every interface without TLS is refused unless asked for.
    QString refused;
    EXPECT_FALSE(WorkerProcess::start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")}, &refused));
    EXPECT_TRUE(refused.contains(QStringLiteral("refusing to listen"))) << refused;
}

TEST_F(WorkerClusterTest, WrongKeyIsRefusedWithoutDetail)
{
    auto worker =
        startWorker({QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--api-key-file"), m_keyFile});
    ASSERT_TRUE(worker);
    const QString wrongKey = path(QStringLiteral("wrong-key"));
    const QByteArray wrong = writeApiKey(wrongKey);
    const QString pdf = makeScannedPdf(m_dir.path(), 2);
    const CliRun run =
        runCli({QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("p.incidoc")), pdf,
                QStringLiteral("--workers"), worker->address(), QStringLiteral("--api-key-file"), wrongKey});
    EXPECT_EQ(run.exitCode, 1) << run.err;
    EXPECT_TRUE(run.err.contains(QStringLiteral("refused the API key"))) << run.err;
    const QString log = worker->log();
    EXPECT_TRUE(log.contains(QStringLiteral("UNAUTHENTICATED"))) << log;
    EXPECT_FALSE(log.contains(QString::fromLatin1(wrong)));
    EXPECT_FALSE(log.contains(QString::fromLatin1(m_key)));
    // Nothing was lost: the pages wait in the project.
    EXPECT_EQ(summaryOf(path(QStringLiteral("p.incidoc"))).queued, 2);
}

TEST_F(WorkerClusterTest, NoWorkerReachableStopsOrFallsBackLocally)
{
    const QString pdf = makeScannedPdf(m_dir.path(), 3);
    const QString nowhere = QStringLiteral("127.0.0.1:1"); // nothing listens on port 1
    const CliRun stop = runCli({QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("p.incidoc")), pdf,
                                QStringLiteral("--workers"), nowhere});
    EXPECT_EQ(stop.exitCode, 1) << stop.err;
    EXPECT_TRUE(stop.err.contains(QStringLiteral("no OCR worker reachable"))) << stop.err;
    ProjectSummary s = summaryOf(path(QStringLiteral("p.incidoc")));
    EXPECT_EQ(s.queued, 3);
    EXPECT_EQ(s.failed, 0);

    const CliRun local =
        runCli({QStringLiteral("ocr"), QStringLiteral("-p"), path(QStringLiteral("p.incidoc")),
                QStringLiteral("--workers"), nowhere, QStringLiteral("--fallback"), QStringLiteral("local")});
    EXPECT_EQ(local.exitCode, 0) << local.err;
    EXPECT_TRUE(local.err.contains(QStringLiteral("OCR runs on this machine"))) << local.err;
    s = summaryOf(path(QStringLiteral("p.incidoc")));
    EXPECT_EQ(s.done, 3);
}

TEST_F(WorkerClusterTest, TheOnlyWorkerDyingMidRunStopsTheRunAndLosesNothing)
{
    const QString pdf = makeScannedPdf(m_dir.path(), 24);
    auto worker = startWorker({QStringLiteral("--threads"), QStringLiteral("1")});
    ASSERT_TRUE(worker);
    const QString project = path(QStringLiteral("p.incidoc"));
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("import"), QStringLiteral("-p"), project, pdf, QStringLiteral("--workers"),
                          worker->address()});
    ASSERT_TRUE(cli.waitForStarted());
    QDeadlineTimer wait(300'000);
    while (!wait.hasExpired() && okCalls(*worker) < 3)
        QThread::msleep(50);
    worker->signal(SIGKILL);
    ASSERT_TRUE(cli.waitForFinished(300'000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    EXPECT_EQ(cli.exitCode(), 1) << err;
    EXPECT_TRUE(err.contains(QStringLiteral("OCR stopped: no OCR worker reachable"))) << err;
    EXPECT_TRUE(err.contains(QStringLiteral("stay queued"))) << err;
    ProjectSummary s = summaryOf(project);
    EXPECT_GE(s.done, 3);
    EXPECT_EQ(s.failed, 0) << failedPagesOf(project).toStdString() << err.toStdString();
    EXPECT_EQ(s.processing, 0);
    EXPECT_EQ(s.done + s.queued, 24);

    // A new worker: the rest is done, nothing twice.
    const int queuedBefore = s.queued;
    auto second = startWorker({QStringLiteral("--threads"), QStringLiteral("2")});
    ASSERT_TRUE(second);
    const CliRun resume =
        runCli({QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--workers"), second->address()});
    EXPECT_EQ(resume.exitCode, 0) << resume.err;
    s = summaryOf(project);
    EXPECT_EQ(s.done, 24);
    EXPECT_EQ(okCalls(*second), queuedBefore); // exactly the pages that were left
}

TEST_F(WorkerClusterTest, APageThatKillsWorkersFailsAloneAndTheFleetLives)
{
    // Page 2 ends any worker that reads it (fault injection in the worker, as a crafted page that
    // crashes Tesseract would): it may take at most two workers with it, and only it fails.
    const QString pdf = makeScannedPdf(m_dir.path(), 6);
    qputenv("INCIDOC_FAULT", "crash@worker:doc 1 page 2");
    std::vector<std::unique_ptr<WorkerProcess>> workers;
    QStringList addresses;
    for (int i = 0; i < 3; ++i) {
        workers.push_back(startWorker({QStringLiteral("--threads"), QStringLiteral("1")}));
        ASSERT_TRUE(workers.back());
        addresses << workers.back()->address();
    }
    qunsetenv("INCIDOC_FAULT");
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-p"), path(QStringLiteral("p.incidoc")), pdf,
                               QStringLiteral("--workers"), addresses.join(QLatin1Char(','))});
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_TRUE(run.err.contains(QStringLiteral("page 2: OCR of this page ended the worker reading it, twice")))
        << run.err;
    const ProjectSummary s = summaryOf(path(QStringLiteral("p.incidoc")));
    EXPECT_EQ(s.done, 5);
    EXPECT_EQ(s.failed, 1);
    int alive = 0;
    for (auto& w : workers)
        alive += w->running() ? 1 : 0;
    EXPECT_GE(alive, 1);
    EXPECT_LE(3 - alive, 2) << "a page may end at most two workers";
}

} // namespace
