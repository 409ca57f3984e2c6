#include "app/cli/cli.h"

#include "app/cli/progress_bar.h"
#include "app/cli/supervisor.h"
#include "core/export/bundle_export.h"
#include "core/export/page_json.h"
#include "core/imaging/prepare.h"
#include "core/ocr/remote_engine.h"
#include "core/ocr/tesseract_engine.h"
#include "core/pipeline/import_session.h"
#include "core/pipeline/page_host.h"
#include "core/pipeline/pipeline.h"
#include "core/render/page_renderer.h"
#include "core/storage/project_store.h"
#include "core/util/openmp_guard.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

namespace incidoc::cli {
namespace {

/// Messages for people go through Cli::tr() (translation context "cli"; the translator for the system
/// locale is installed in main.cpp). Not translated: --json output, --version, and the failure reasons
/// recorded in the project, which other tools and other users' locales read.
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

// Ctrl-C: the first one cancels cleanly (finished pages are kept, the rest stays queued); a second
// one falls back to the default action.
CancelToken* g_interrupt = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_interrupt)
        g_interrupt->cancel(); // a lock-free atomic store: async-signal-safe
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void out(const QString& s)
{
    std::fprintf(stdout, "%s\n", qPrintable(s));
    std::fflush(stdout); // a supervised child may die any time: what it said must be out
}

void err(const QString& s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
}

void printJson(const QJsonObject& o)
{
    std::fprintf(stdout, "%s", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
}

struct Options {
    QString command;
    QStringList inputs;
    QString project;
    QString output;
    bool json = false;
    bool quiet = false;
    bool noOcr = false;
    bool failed = false;
    bool all = false;
    PipelineOptions pipeline;
    RemoteOptions remote;        ///< --workers: OCR on a worker cluster
    ImportLimits importLimits;   ///< --max-file-mb
    bool isolate = true;         ///< import/ocr in a supervised child process (--no-isolation: here)
    long long memoryLimitMb = 4096; ///< the child's memory budget (--memory-limit-mb; 0: none)
    ExportOptions exportOptions; ///< export
};

QString outcomeName(ImportedFile::Outcome o)
{
    switch (o) {
    case ImportedFile::Outcome::Added:
        return QStringLiteral("added");
    case ImportedFile::Outcome::Duplicate:
        return QStringLiteral("duplicate");
    case ImportedFile::Outcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

/// Runs the pipeline over every queued page of the project, with a progress bar and Ctrl-C.
struct RunResult {
    PipelineStats stats;
    std::shared_ptr<RemoteCluster> cluster; ///< when OCR ran on workers
    QString clusterNote;                    ///< e.g. why it ran locally instead
    QJsonArray failures;
    bool interrupted = false;
    Error error;
    bool ok = true;
};

RunResult processQueued(const Options& o, CancelToken& interrupt)
{
    RunResult r;
    std::vector<PageJob> jobs;
    QHash<DocumentId, QString> paths;
    {
        auto store = ProjectStore::open(o.project);
        if (!store) {
            r.ok = false;
            r.error = store.error();
            return r;
        }
        // Jobs are listed after the pipeline recovered interrupted pages (see below), so list them there.
    }
    PipelineOptions pipelineOptions = o.pipeline;
    // A supervised child lists its pages in flight, and the phase each is in, for the supervisor.
    if (const QString path = QString::fromLocal8Bit(qgetenv(child_env::kInFlight)); !path.isEmpty()) {
        auto inFlight = std::make_shared<InFlightList>(path);
        pipelineOptions.onPageInFlight = [inFlight](const PageJob& job, bool on) { inFlight->set(job, on); };
        pipelineOptions.onPagePhase = [inFlight](const PageJob& job, PagePhase phase) {
            inFlight->enter(job, phase);
        };
    }
    if (!o.remote.workers.isEmpty()) {
        auto cluster = RemoteCluster::connect(o.remote, o.pipeline.process.languages);
        QString shownNote; // clusterNote in the user's language (the JSON keeps the English one)
        if (cluster) {
            r.cluster = *cluster;
            pipelineOptions.engines = r.cluster->engineFactory();
            // As many pages in flight as the workers have threads (unless --jobs says otherwise).
            if (pipelineOptions.jobs <= 0)
                pipelineOptions.jobs = std::min(1024, r.cluster->totalThreads());
            r.clusterNote = QStringLiteral("OCR on %1").arg(r.cluster->summary());
            shownNote = Cli::tr("OCR on %1").arg(r.cluster->summary());
        } else if (cluster.error().code == ErrorCode::Unavailable && o.remote.fallback == RemoteFallback::Local) {
            r.clusterNote = QStringLiteral("%1: OCR runs on this machine (--fallback local)").arg(cluster.error().message);
            shownNote = Cli::tr("%1: OCR runs on this machine (--fallback local)").arg(cluster.error().message);
        } else {
            r.ok = false;
            r.error = cluster.error();
            return r;
        }
        if (!o.quiet && !o.json)
            err(shownNote);
    }
    ProgressBar bar(!o.quiet && !o.json);
    std::mutex mutex;
    int done = 0, failed = 0;
    long long words = 0;
    const QString countsPath = QString::fromLocal8Bit(qgetenv(child_env::kCounts));
    auto onProgress = [&](const PageProgress& p) {
        std::lock_guard guard(mutex);
        if (p.status == PageStatus::Failed) {
            ++failed;
            const QString where = paths.value(p.documentId);
            r.failures.append(QJsonObject{{QStringLiteral("path"), where},
                                          {QStringLiteral("page"), p.number},
                                          {QStringLiteral("reason"), p.error}});
            if (!o.json)
                bar.message(Cli::tr("  FAILED  %1 page %2: %3").arg(where).arg(p.number).arg(p.error));
        } else {
            ++done;
            words += p.words;
        }
        bar.update(done, failed);
        if (!countsPath.isEmpty()) { // a supervised child: what it finished, should it die next
            QFile f(countsPath);
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(QByteArray::number(done) + ' ' + QByteArray::number(failed) + ' ' + QByteArray::number(words));
        }
    };

    // Pages that were in flight when a supervised run crashed go first, one at a time, so that the
    // supervisor can tell which of them crashes (supervisor.h).
    PipelineStats first;
    const QStringList alone =
        QString::fromLocal8Bit(qgetenv(child_env::kAloneFirst)).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!alone.isEmpty()) {
        PipelineOptions one = pipelineOptions;
        one.jobs = 1;
        auto suspectsRun = Pipeline::create(o.project, one, onProgress);
        if (!suspectsRun) {
            r.ok = false;
            r.error = suspectsRun.error();
            return r;
        }
        std::vector<PageJob> suspects;
        if (auto store = ProjectStore::open(o.project)) {
            if (auto queued = (*store)->jobs(PageStatus::Queued)) {
                for (const QString& id : alone)
                    for (const PageJob& j : *queued)
                        if (QString::number(j.pageId) == id) {
                            suspects.push_back(j);
                            paths.insert(j.documentId, j.path);
                        }
            }
        }
        bar.setTotal(static_cast<int>(suspects.size()));
        (*suspectsRun)->enqueue(suspects);
        first = (*suspectsRun)->wait();
    }

    auto pipeline = Pipeline::create(o.project, pipelineOptions, onProgress);
    if (!pipeline) {
        r.ok = false;
        r.error = pipeline.error();
        return r;
    }
    {
        auto store = ProjectStore::open(o.project);
        if (!store) {
            r.ok = false;
            r.error = store.error();
            return r;
        }
        auto queued = (*store)->jobs(PageStatus::Queued);
        if (!queued) {
            r.ok = false;
            r.error = queued.error();
            return r;
        }
        jobs = std::move(queued).value();
        for (const auto& j : jobs)
            paths.insert(j.documentId, j.path);
    }
    bar.setTotal(static_cast<int>(jobs.size()) + first.done + first.failed);
    // Forward Ctrl-C to the pipeline: a watcher polls the signal-set flag (the handler itself may only
    // set an atomic). A std::thread, joined before the pipeline is destroyed: its join is a real
    // pthread_join, which ThreadSanitizer sees (QThread::wait() on a finished QThread is not).
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (!finished.load()) {
            if (interrupt.isCancelled()) {
                (*pipeline)->cancel();
                break;
            }
            QThread::msleep(50);
        }
    });
    (*pipeline)->enqueue(jobs);
    r.stats = (*pipeline)->wait();
    r.stats.queued += first.queued;
    r.stats.done += first.done;
    r.stats.failed += first.failed;
    r.stats.words += first.words;
    // Pages finished by earlier children of a supervised run that died (supervisor.h).
    if (const QList<QByteArray> prior = qgetenv(child_env::kPriorCounts).split(' '); prior.size() == 3) {
        r.stats.done += prior[0].toInt();
        r.stats.failed += prior[1].toInt();
        r.stats.words += prior[2].toLongLong();
        r.stats.queued += prior[0].toInt() + prior[1].toInt();
    }
    finished = true;
    watcher.join();
    bar.finish();
    r.interrupted = interrupt.isCancelled();
    if (!r.stats.storage.ok()) {
        r.ok = false;
        r.error = r.stats.storage.error();
    }
    return r;
}

int reportRun(const Options& o, const RunResult& r, QJsonObject& json)
{
    // Pages and files a supervised run had to skip (they crashed or hung an earlier child): listed with
    // this run's failures.
    QJsonArray failures = r.failures;
    int skipped = 0;
    if (const QByteArray file = qgetenv(child_env::kFailures); !file.isEmpty()) {
        QFile f(QString::fromLocal8Bit(file));
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray& line : f.readAll().split('\n'))
                if (!line.trimmed().isEmpty()) {
                    failures.append(QJsonDocument::fromJson(line).object());
                    ++skipped;
                }
    }

    json.insert(QStringLiteral("pages"), QJsonObject{{QStringLiteral("queued"), r.stats.queued},
                                                      {QStringLiteral("done"), r.stats.done},
                                                      {QStringLiteral("failed"), r.stats.failed + skipped},
                                                      {QStringLiteral("not_processed"), r.stats.cancelled}});
    json.insert(QStringLiteral("words"), r.stats.words);
    json.insert(QStringLiteral("seconds"), r.stats.seconds);
    json.insert(QStringLiteral("page_failures"), failures);
    json.insert(QStringLiteral("interrupted"), r.interrupted);
    if (!o.remote.workers.isEmpty()) {
        QJsonObject workers{{QStringLiteral("target"), o.remote.workers}, {QStringLiteral("note"), r.clusterNote}};
        if (r.cluster) {
            const RemoteStats rs = r.cluster->stats();
            workers.insert(QStringLiteral("threads"), r.cluster->totalThreads());
            workers.insert(QStringLiteral("remote_pages"), rs.remotePages);
            workers.insert(QStringLiteral("local_pages"), rs.localPages);
            workers.insert(QStringLiteral("retries"), rs.retries);
            workers.insert(QStringLiteral("bytes_sent"), rs.bytesSent);
            if (rs.localPages > 0 && !o.json && !o.quiet)
                err(Cli::tr("%1 page(s) were OCR'd on this machine: no worker was reachable for them (--fallback local)")
                        .arg(rs.localPages));
        }
        if (!r.stats.stopped.ok())
            workers.insert(QStringLiteral("stopped"), r.stats.stopped.error().message);
        json.insert(QStringLiteral("workers"), workers);
    }
    if (!o.json && !o.quiet && r.stats.queued > 0) {
        const double rate = r.stats.seconds > 0 ? (r.stats.done + r.stats.failed) / r.stats.seconds : 0;
        out(Cli::tr("Processed %1 pages in %2 s (%3 pages/s): %4 done, %5 failed, %6 words")
                .arg(r.stats.done + r.stats.failed)
                .arg(r.stats.seconds, 0, 'f', 1)
                .arg(rate, 0, 'f', 2)
                .arg(r.stats.done)
                .arg(r.stats.failed + skipped)
                .arg(r.stats.words));
    }
    if (r.interrupted) {
        if (!o.json)
            err(Cli::tr("Interrupted: %1 pages stay queued; run `incidoc-cli ocr -p %2` to continue.")
                    .arg(r.stats.cancelled)
                    .arg(o.project));
        return kExitInterrupted;
    }
    if (!r.stats.stopped.ok()) {
        err(Cli::tr("error: OCR stopped: %1. %2 page(s) stay queued: run `incidoc-cli ocr -p %3` when a worker is "
                           "reachable, or add --fallback local to OCR on this machine.")
                .arg(r.stats.stopped.error().message)
                .arg(r.stats.cancelled)
                .arg(o.project));
        return kExitUsage;
    }
    if (!r.ok) {
        err(Cli::tr("error: %1").arg(r.error.message));
        return kExitSomeFailed;
    }
    return r.stats.failed > 0 || skipped > 0 ? kExitSomeFailed : kExitOk;
}

int commandImport(const Options& o, CancelToken& interrupt)
{
    QJsonObject json{{QStringLiteral("project"), o.project}};
    ImportReport report;
    {
        auto store = ProjectStore::open(o.project);
        if (!store) {
            err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
            return kExitUsage;
        }
        RegisterOptions registration;
        registration.limits = o.importLimits;
        if (const QByteArray marker = qgetenv(child_env::kInspectMarker); !marker.isEmpty()) {
            // A supervised child notes the file it opens: if the reader crashes on it, the supervisor
            // knows which file to skip.
            const QString path = QString::fromLocal8Bit(marker);
            registration.beforeInspect = [path](const QString& file) {
                QFile f(path);
                if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    f.write(file.toUtf8());
            };
        }
        if (const QByteArray skip = qgetenv(child_env::kSkipFiles); !skip.isEmpty()) {
            QFile f(QString::fromLocal8Bit(skip));
            if (f.open(QIODevice::ReadOnly))
                registration.skip = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        report = registerFiles(**store, o.inputs, registration, interrupt, [&](const ImportedFile& f) {
            if (f.outcome == ImportedFile::Outcome::Failed && !o.json)
                err(Cli::tr("  FAILED  %1: %2").arg(f.path, f.error));
        });
    }
    // Registration is over: a crash from here on is not the last file's (the supervisor reads this).
    if (const QByteArray marker = qgetenv(child_env::kInspectMarker); !marker.isEmpty())
        QFile::remove(QString::fromLocal8Bit(marker));
    QJsonArray files;
    for (const auto& f : report.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("outcome"), outcomeName(f.outcome)},
                                 {QStringLiteral("document_id"), f.documentId},
                                 {QStringLiteral("pages"), f.pages},
                                 {QStringLiteral("error"), f.error.isEmpty() ? QJsonValue() : QJsonValue(f.error)}});
    json.insert(QStringLiteral("files"), files);
    json.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(report.skipped));
    if (!o.json && !o.quiet) {
        out(Cli::tr("Added %1 file(s) with %2 page(s); %3 already in the project; %4 failed%5")
                .arg(report.added)
                .arg(report.pagesAdded)
                .arg(report.duplicates)
                .arg(report.failed)
                .arg(report.skipped.isEmpty() ? QString()
                                              : Cli::tr("; %1 other file(s) skipped").arg(report.skipped.size())));
    }
    if (!report.storage.ok()) {
        err(Cli::tr("error: %1").arg(report.storage.error().message));
        if (o.json)
            printJson(json);
        return kExitSomeFailed;
    }
    int status = report.failed > 0 ? kExitSomeFailed : kExitOk;
    if (interrupt.isCancelled()) {
        if (o.json)
            printJson(json);
        return kExitInterrupted;
    }
    if (!o.noOcr) {
        const RunResult r = processQueued(o, interrupt);
        if (!r.ok && r.stats.queued == 0) {
            err(Cli::tr("error: %1").arg(r.error.message));
            return kExitUsage;
        }
        const int runStatus = reportRun(o, r, json);
        if (runStatus != kExitOk)
            status = runStatus;
    }
    if (o.json)
        printJson(json);
    return status;
}

int commandOcr(const Options& o, CancelToken& interrupt)
{
    {
        auto store = ProjectStore::open(o.project);
        if (!store) {
            err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
            return kExitUsage;
        }
        Result<int> requeued = 0;
        if (o.all)
            requeued = (*store)->requeueAll();
        else if (o.failed)
            requeued = (*store)->requeueFailed();
        if (!requeued) {
            err(Cli::tr("error: %1").arg(requeued.error().message));
            return kExitUsage;
        }
    }
    QJsonObject json{{QStringLiteral("project"), o.project}};
    const RunResult r = processQueued(o, interrupt);
    if (!r.ok && r.stats.queued == 0) {
        err(Cli::tr("error: %1").arg(r.error.message));
        return kExitUsage;
    }
    if (!o.json && !o.quiet && r.stats.queued == 0)
        out(Cli::tr("Nothing to do: no queued pages."));
    const int status = reportRun(o, r, json);
    if (o.json)
        printJson(json);
    return status;
}

int commandStatus(const Options& o)
{
    auto store = ProjectStore::open(o.project, QFileInfo::exists(o.project) ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    auto summary = (*store)->summary();
    auto failures = (*store)->failures();
    if (!summary || !failures) {
        err(Cli::tr("error: %1").arg((!summary ? summary.error() : failures.error()).message));
        return kExitUsage;
    }
    const ProjectSummary& s = *summary;
    if (o.json) {
        QJsonArray list;
        for (const auto& f : *failures)
            list.append(QJsonObject{{QStringLiteral("document_id"), f.documentId},
                                    {QStringLiteral("path"), f.documentPath},
                                    {QStringLiteral("page"), f.pageNumber == 0 ? QJsonValue() : QJsonValue(f.pageNumber)},
                                    {QStringLiteral("reason"), f.reason}});
        printJson(QJsonObject{
            {QStringLiteral("project"), o.project},
            {QStringLiteral("documents"), s.documents},
            {QStringLiteral("failed_documents"), s.failedDocuments},
            {QStringLiteral("pages"), QJsonObject{{QStringLiteral("total"), s.pages},
                                                  {QStringLiteral("queued"), s.queued},
                                                  {QStringLiteral("processing"), s.processing},
                                                  {QStringLiteral("done"), s.done},
                                                  {QStringLiteral("failed"), s.failed}}},
            {QStringLiteral("kinds"), QJsonObject{{QStringLiteral("scanned"), s.scanned},
                                                  {QStringLiteral("text-layer"), s.textLayer},
                                                  {QStringLiteral("blank"), s.blank},
                                                  {QStringLiteral("unknown"), s.unknownKind}}},
            {QStringLiteral("words"), s.words},
            {QStringLiteral("reviewed_pages"), s.reviewedPages},
            {QStringLiteral("failures"), list}});
        return kExitOk;
    }
    out(Cli::tr("Project:   %1").arg(QFileInfo(o.project).absoluteFilePath()));
    out(Cli::tr("Documents: %1 (%2 failed to import)").arg(s.documents).arg(s.failedDocuments));
    out(Cli::tr("Pages:     %1 (done %2, queued %3, processing %4, failed %5)")
            .arg(s.pages)
            .arg(s.done)
            .arg(s.queued)
            .arg(s.processing)
            .arg(s.failed));
    out(Cli::tr("Kinds:     scanned %1, text-layer %2, blank %3, not yet known %4")
            .arg(s.scanned)
            .arg(s.textLayer)
            .arg(s.blank)
            .arg(s.unknownKind));
    out(Cli::tr("Words:     %1").arg(s.words));
    out(Cli::tr("Reviewed:  %1 page(s)").arg(s.reviewedPages));
    if (!failures->empty()) {
        out(Cli::tr("Failures:"));
        for (const auto& f : *failures) {
            if (f.pageNumber == 0)
                out(Cli::tr("  %1: %2").arg(f.documentPath, f.reason));
            else
                out(Cli::tr("  %1 page %2: %3").arg(f.documentPath).arg(f.pageNumber).arg(f.reason));
        }
    }
    return kExitOk;
}

int commandDump(const Options& o, CancelToken& interrupt)
{
    if (o.output.isEmpty()) {
        err(Cli::tr("error: dump needs -o DIR"));
        return kExitUsage;
    }
    auto store = ProjectStore::open(o.project, OpenMode::ReadOnly);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    auto report = dumpProject(**store, o.output, interrupt);
    if (!report) {
        if (report.error().isCancelled())
            return kExitInterrupted;
        err(Cli::tr("error: %1").arg(report.error().message));
        return kExitSomeFailed;
    }
    if (o.json)
        printJson(QJsonObject{{QStringLiteral("output"), o.output},
                              {QStringLiteral("documents"), report->documents},
                              {QStringLiteral("pages"), report->pages}});
    else if (!o.quiet)
        out(Cli::tr("Wrote %1 page(s) of %2 document(s) to %3").arg(report->pages).arg(report->documents).arg(o.output));
    return kExitOk;
}

int commandExport(const Options& o, CancelToken& interrupt)
{
    if (o.output.isEmpty()) {
        err(Cli::tr("error: export needs -o FILE.zip"));
        return kExitUsage;
    }
    if (!QFileInfo::exists(o.project)) {
        err(Cli::tr("error: cannot open project %1: it does not exist").arg(o.project));
        return kExitUsage;
    }
    // A file size limit (ulimit -f) must give a clear "File too large" error, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    ProgressBar bar(!o.quiet && !o.json);
    bool totalSet = false;
    auto report = exportBundle(o.project, o.output, o.exportOptions, interrupt, [&](const ExportProgress& p) {
        if (!totalSet) {
            bar.setTotal(p.pagesTotal);
            totalSet = true;
        }
        bar.update(p.pagesWritten, 0);
    });
    bar.finish();
    if (!report) {
        if (report.error().isCancelled()) {
            if (!o.json)
                err(Cli::tr("Interrupted: no bundle was written."));
            return kExitInterrupted;
        }
        err(Cli::tr("error: %1").arg(report.error().message));
        return report.error().code == ErrorCode::NotFound || report.error().code == ErrorCode::Storage
                   ? kExitUsage
                   : kExitSomeFailed;
    }
    if (o.json) {
        printJson(QJsonObject{{QStringLiteral("output"), report->path},
                              {QStringLiteral("documents"), report->documents},
                              {QStringLiteral("pages"), report->pages},
                              {QStringLiteral("words"), report->words},
                              {QStringLiteral("entries"), static_cast<qint64>(report->entries)},
                              {QStringLiteral("bytes"), static_cast<qint64>(report->bytes)},
                              {QStringLiteral("seconds"), report->seconds},
                              {QStringLiteral("jobs"), report->jobs}});
    } else if (!o.quiet) {
        out(Cli::tr("Wrote %1: %2 page(s) of %3 document(s), %4 entries, %5 MB in %6 s (%7 jobs)")
                .arg(report->path)
                .arg(report->pages)
                .arg(report->documents)
                .arg(report->entries)
                .arg(report->bytes / 1e6, 0, 'f', 1)
                .arg(report->seconds, 0, 'f', 1)
                .arg(report->jobs));
    }
    return kExitOk;
}

QString versions()
{
    return QStringLiteral("incidoc-cli %1\nQt %2, %3, tesseract %4, leptonica %5, %6, OpenMP thread limit %7")
        .arg(QStringLiteral(INCIDOC_VERSION), QString::fromLatin1(qVersion()), popplerVersion(), tesseractVersion(),
             leptonicaVersion(), opencvVersion())
        .arg(openMpThreadLimit());
}

} // namespace

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr(
        "Incidoc command line: import incident documents into a project, OCR them, inspect and dump the results.\n\n"
        "Commands:\n"
        "  import PATH...   add PDFs, images and folders, then render, classify and OCR new pages\n"
        "  ocr              process queued or interrupted pages (--failed: retry failed; --all: redo all)\n"
        "  status           documents, pages by status and kind, words, failures\n"
        "  dump -o DIR      write every page as incidoc.page/1 JSON\n"
        "  export -o F.zip  write an incidoc.bundle/1 ZIP dataset (images, visualizations, JSON, COCO,\n"
        "                   Label Studio, hOCR, ALTO, metrics)\n\n"
        "OCR on a cluster: start incidoc-worker processes and add --workers HOST:PORT,... (or dns:///NAME:PORT)\n"
        "to import or ocr; pages in flight default to the workers' total threads."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), Cli::tr("import, ocr, status, dump or export"));
    parser.addPositionalArgument(QStringLiteral("paths"), Cli::tr("files and folders (import)"), QStringLiteral("[PATH...]"));
    const QCommandLineOption versionOpt(QStringList{QStringLiteral("version"), QStringLiteral("V")},
                                        Cli::tr("Print versions of Incidoc and its engines."));
    const QCommandLineOption projectOpt(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                                        Cli::tr("Project file (*.incidoc); created when missing."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Cli::tr("Machine-readable output."));
    const QCommandLineOption quietOpt(QStringList{QStringLiteral("q"), QStringLiteral("quiet")}, Cli::tr("Print only errors."));
    const QCommandLineOption jobsOpt(QStringLiteral("jobs"), Cli::tr("Pages in parallel (default: cores)."), QStringLiteral("N"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), Cli::tr("Render resolution for PDF pages (default 300)."), QStringLiteral("N"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), Cli::tr("OCR languages, e.g. eng or eng+fra (default eng)."), QStringLiteral("LANGS"));
    const QCommandLineOption binarizeOpt(QStringLiteral("binarize"),
                                         Cli::tr("Binarization for page images: adaptive (default), sauvola, otsu, none."),
                                         QStringLiteral("METHOD"));
    const QCommandLineOption noOcrOpt(QStringLiteral("no-ocr"), Cli::tr("import: only register the files."));
    const QCommandLineOption failedOpt(QStringLiteral("failed"), Cli::tr("ocr: retry failed pages."));
    const QCommandLineOption allOpt(QStringLiteral("all"), Cli::tr("ocr: redo every page (words a person edited are kept)."));
    const QCommandLineOption outputOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       Cli::tr("dump: output folder; export: the .zip file."), QStringLiteral("PATH"));
    const QCommandLineOption renderTimeoutOpt(QStringLiteral("render-timeout"),
                                              Cli::tr("Seconds a page render may take (default 60)."), QStringLiteral("S"));
    const QCommandLineOption ocrTimeoutOpt(QStringLiteral("ocr-timeout"),
                                           Cli::tr("Seconds OCR of a page may take (default 120)."), QStringLiteral("S"));
    const QCommandLineOption formatsOpt(QStringLiteral("formats"),
                                        Cli::tr("export: json,coco,labelstudio,hocr,alto,metrics (default: all)."),
                                        QStringLiteral("LIST"));
    const QCommandLineOption reviewedOnlyOpt(QStringLiteral("reviewed-only"), Cli::tr("export: only reviewed pages."));
    const QCommandLineOption imagesOpt(QStringLiteral("images"),
                                       Cli::tr("export: page images binarized (default), original or none."),
                                       QStringLiteral("MODE"));
    const QCommandLineOption noVisualizationsOpt(QStringLiteral("no-visualizations"),
                                                 Cli::tr("export: no page visualizations."));
    const QCommandLineOption documentsOpt(QStringLiteral("documents"), Cli::tr("export: only these document ids."),
                                          QStringLiteral("ID,..."));
    const QCommandLineOption workersOpt(QStringLiteral("workers"),
                                        Cli::tr("OCR on incidoc-worker processes: HOST:PORT[,HOST:PORT...] or dns:///NAME:PORT."),
                                        QStringLiteral("LIST"));
    const QCommandLineOption apiKeyFileOpt(QStringLiteral("api-key-file"),
                                           Cli::tr("File holding the workers' API key (first line)."), QStringLiteral("FILE"));
    const QCommandLineOption tlsCaOpt(QStringLiteral("tls-ca"),
                                      Cli::tr("Connect to the workers with TLS, checking their certificates against this CA (PEM)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption fallbackOpt(QStringLiteral("fallback"),
                                         Cli::tr("When no worker is reachable: stop (default; pages stay queued) or local (OCR here)."),
                                         QStringLiteral("MODE"));
    const QCommandLineOption workerImagesOpt(QStringLiteral("worker-images"),
                                             Cli::tr("How pages travel to workers: grey8 (raw, default on this machine) or png "
                                                            "(default for other machines)."),
                                             QStringLiteral("MODE"));
    const QCommandLineOption noIsolationOpt(QStringLiteral("no-isolation"),
                                            Cli::tr("import/ocr: run in this process, not in a supervised child "
                                                           "(a crash in a page then ends the run)."));
    const QCommandLineOption memoryLimitOpt(QStringLiteral("memory-limit-mb"),
                                            Cli::tr("import/ocr: memory budget of the processing (default 4096; 0: "
                                                           "none); over it, the pages in flight are skipped."),
                                            QStringLiteral("MB"));
    const QCommandLineOption maxFileOpt(QStringLiteral("max-file-mb"),
                                        Cli::tr("import: larger files are refused (default 2048)."), QStringLiteral("MB"));
    const QCommandLineOption insecureOpt(QStringLiteral("insecure"),
                                         Cli::tr("Send the API key to workers on other machines without TLS (trusted networks only)."));
    for (const auto* opt : {&formatsOpt, &reviewedOnlyOpt, &imagesOpt, &noVisualizationsOpt, &documentsOpt, &workersOpt,
                            &apiKeyFileOpt, &tlsCaOpt, &fallbackOpt, &insecureOpt, &workerImagesOpt, &noIsolationOpt,
                            &memoryLimitOpt, &maxFileOpt})
        parser.addOption(*opt);
    for (const auto* opt : {&versionOpt, &projectOpt, &jsonOpt, &quietOpt, &jobsOpt, &dpiOpt, &langOpt, &binarizeOpt,
                            &noOcrOpt, &failedOpt, &allOpt, &outputOpt, &renderTimeoutOpt, &ocrTimeoutOpt})
        parser.addOption(*opt);

    if (!parser.parse(arguments)) {
        err(Cli::tr("error: %1\nTry 'incidoc-cli --help'.").arg(parser.errorText()));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return kExitOk;
    }
    if (parser.isSet(versionOpt)) {
        out(versions());
        return kExitOk;
    }

    Options o;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err(Cli::tr("error: no command given\nTry 'incidoc-cli --help'."));
        return kExitUsage;
    }
    o.command = positional.first();
    o.inputs = positional.mid(1);
    o.project = parser.value(projectOpt);
    o.output = parser.value(outputOpt);
    o.json = parser.isSet(jsonOpt);
    o.quiet = parser.isSet(quietOpt);
    o.noOcr = parser.isSet(noOcrOpt);
    o.failed = parser.isSet(failedOpt);
    o.all = parser.isSet(allOpt);

    auto positiveInt = [&](const QCommandLineOption& opt, int fallback, int max, int& target) {
        if (!parser.isSet(opt)) {
            target = fallback;
            return true;
        }
        bool ok = false;
        const int v = parser.value(opt).toInt(&ok);
        if (!ok || v < 1 || v > max) {
            err(Cli::tr("error: --%1 takes a whole number from 1 to %2").arg(opt.names().constLast()).arg(max));
            return false;
        }
        target = v;
        return true;
    };
    int renderTimeout = 60, ocrTimeout = 120;
    if (!positiveInt(jobsOpt, 0, 256, o.pipeline.jobs) || !positiveInt(dpiOpt, 300, 1200, o.pipeline.process.render.dpi) ||
        !positiveInt(renderTimeoutOpt, 60, 86400, renderTimeout) || !positiveInt(ocrTimeoutOpt, 120, 86400, ocrTimeout))
        return kExitUsage;
    int maxFileMb = 2048;
    if (!positiveInt(maxFileOpt, 2048, 1 << 20, maxFileMb))
        return kExitUsage;
    o.importLimits.maxFileBytes = static_cast<qint64>(maxFileMb) * 1024 * 1024;
    if (parser.isSet(memoryLimitOpt)) {
        bool ok = false;
        o.memoryLimitMb = parser.value(memoryLimitOpt).toLongLong(&ok);
        if (!ok || o.memoryLimitMb < 0 || (o.memoryLimitMb > 0 && o.memoryLimitMb < 256)) {
            err(Cli::tr("error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up"));
            return kExitUsage;
        }
    }
    o.isolate = !parser.isSet(noIsolationOpt);
    o.pipeline.process.render.timeLimitMs = renderTimeout * 1000;
    o.pipeline.process.ocrDeadlineMs = ocrTimeout * 1000;
    if (parser.isSet(langOpt))
        o.pipeline.process.languages = parser.value(langOpt);
    if (parser.isSet(binarizeOpt)) {
        auto m = binarizeMethodFromString(parser.value(binarizeOpt));
        if (!m) {
            err(Cli::tr("error: --binarize takes adaptive, sauvola, otsu or none"));
            return kExitUsage;
        }
        o.pipeline.process.binarize.method = *m;
    }

    o.remote.workers = parser.value(workersOpt).trimmed();
    o.remote.apiKeyFile = parser.value(apiKeyFileOpt);
    o.remote.tlsCaFile = parser.value(tlsCaOpt);
    o.remote.insecure = parser.isSet(insecureOpt);
    if (parser.isSet(fallbackOpt)) {
        const QString mode = parser.value(fallbackOpt);
        if (mode == QLatin1String("local"))
            o.remote.fallback = RemoteFallback::Local;
        else if (mode == QLatin1String("stop"))
            o.remote.fallback = RemoteFallback::Stop;
        else {
            err(Cli::tr("error: --fallback takes stop or local"));
            return kExitUsage;
        }
    }
    if (parser.isSet(workerImagesOpt)) {
        const QString mode = parser.value(workerImagesOpt);
        if (mode == QLatin1String("grey8"))
            o.remote.images = RemoteOptions::Images::Grey8;
        else if (mode == QLatin1String("png"))
            o.remote.images = RemoteOptions::Images::Png;
        else {
            err(Cli::tr("error: --worker-images takes grey8 or png"));
            return kExitUsage;
        }
    }
    if (o.remote.workers.isEmpty() && (parser.isSet(apiKeyFileOpt) || parser.isSet(tlsCaOpt) || parser.isSet(fallbackOpt))) {
        err(Cli::tr("error: --api-key-file, --tls-ca and --fallback need --workers"));
        return kExitUsage;
    }

    const QStringList commands{QStringLiteral("import"), QStringLiteral("ocr"), QStringLiteral("status"), QStringLiteral("dump"),
                               QStringLiteral("export")};
    if (!commands.contains(o.command)) {
        err(Cli::tr("error: unknown command '%1' (import, ocr, status, dump, export)").arg(o.command));
        return kExitUsage;
    }
    if (o.command == QLatin1String("export")) {
        ExportOptions& e = o.exportOptions;
        e.jobs = o.pipeline.jobs;
        e.reviewedOnly = parser.isSet(reviewedOnlyOpt);
        e.visualizations = !parser.isSet(noVisualizationsOpt);
        if (parser.isSet(binarizeOpt))
            e.binarize.method = o.pipeline.process.binarize.method;
        if (parser.isSet(formatsOpt)) {
            auto f = ExportFormats::parse(parser.value(formatsOpt));
            if (!f) {
                err(Cli::tr("error: --formats takes a list of json, coco, labelstudio, hocr, alto, metrics"));
                return kExitUsage;
            }
            e.formats = *f;
        }
        if (parser.isSet(imagesOpt)) {
            const QString mode = parser.value(imagesOpt);
            if (mode == QLatin1String("binarized"))
                e.images = ExportImages::Binarized;
            else if (mode == QLatin1String("original"))
                e.images = ExportImages::Original;
            else if (mode == QLatin1String("none"))
                e.images = ExportImages::None;
            else {
                err(Cli::tr("error: --images takes binarized, original or none"));
                return kExitUsage;
            }
        }
        if (parser.isSet(documentsOpt)) {
            for (const QString& id : parser.value(documentsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const long long v = id.trimmed().toLongLong(&ok);
                if (!ok || v < 1) {
                    err(Cli::tr("error: --documents takes document ids (whole numbers), e.g. 1,3"));
                    return kExitUsage;
                }
                e.documents.push_back(v);
            }
        }
    }
    if (o.project.isEmpty()) {
        err(Cli::tr("error: -p/--project FILE is required"));
        return kExitUsage;
    }
    if (o.command == QLatin1String("import") && o.inputs.isEmpty()) {
        err(Cli::tr("error: import needs at least one file or folder"));
        return kExitUsage;
    }
    if (o.command != QLatin1String("import") && !o.inputs.isEmpty()) {
        err(Cli::tr("error: %1 takes no paths").arg(o.command));
        return kExitUsage;
    }
    // Languages are checked up front (one clear message instead of every page failing): here when OCR
    // may run on this machine, on the workers when it runs there (RemoteCluster::connect).
    const bool mayOcrHere = o.remote.workers.isEmpty() || o.remote.fallback == RemoteFallback::Local;
    if ((o.command == QLatin1String("ocr") || o.command == QLatin1String("import")) && mayOcrHere) {
        const QStringList have = tesseractLanguages();
        for (const QString& lang : o.pipeline.process.languages.split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
            if (!have.contains(lang)) {
                // Debian names the packages with dashes and in lower case: chi_sim -> tesseract-ocr-chi-sim.
                err(Cli::tr("error: Tesseract language data for '%1' is not installed (Debian package %2)")
                        .arg(lang, QStringLiteral("tesseract-ocr-") + lang.toLower().replace(QLatin1Char('_'), QLatin1Char('-'))));
                return kExitUsage;
            }
        }
    }

    CancelToken interrupt;
    g_interrupt = &interrupt;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    const bool processing = o.command == QLatin1String("import") || o.command == QLatin1String("ocr");
    const bool child = qEnvironmentVariableIsSet(child_env::kChild);
    if (processing && o.isolate && !child) {
        // The command runs in a supervised child: a page that crashes or hangs Poppler or Tesseract is
        // recorded and skipped, and the run goes on (supervisor.h).
        SupervisorOptions so;
        so.program = QCoreApplication::applicationFilePath();
        so.arguments = arguments.mid(1);
        so.project = o.project;
        // Past its render and OCR time limits a page is hung: the engines' own limits come first.
        so.budgets =
            pageHangBudgets(o.pipeline.process, 10'000, o.remote.workers.isEmpty() ? nullptr : &o.remote);
        so.memoryLimitBytes = o.memoryLimitMb * 1024 * 1024;
        so.quiet = o.quiet;
        so.json = o.json;
        const int code = superviseCommand(so, interrupt);
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        g_interrupt = nullptr;
        return code;
    }
    if (child && qgetenv(child_env::kCommand) == "resume") {
        // A supervised run after a crash: the files are registered; process what is queued.
        o.command = QStringLiteral("ocr");
        o.inputs.clear();
        o.all = o.failed = false;
    }

    int status = kExitUsage;
    if (o.command == QLatin1String("import"))
        status = commandImport(o, interrupt);
    else if (o.command == QLatin1String("ocr"))
        status = commandOcr(o, interrupt);
    else if (o.command == QLatin1String("status"))
        status = commandStatus(o);
    else if (o.command == QLatin1String("dump"))
        status = commandDump(o, interrupt);
    else if (o.command == QLatin1String("export"))
        status = commandExport(o, interrupt);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_interrupt = nullptr;
    return status;
}

} // namespace incidoc::cli
