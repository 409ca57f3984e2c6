#include "app/cli/process_queued.h"

#include "app/cli/commands.h"
#include "app/cli/progress_bar.h"
#include "core/doctype/classify_documents.h"
#include "core/ocr/engine_pool.h"
#include "core/pipeline/type_profiles.h"
#include "core/storage/project_store.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

namespace incidoc::cli {
namespace {

/// --workers: connects the cluster and makes the pipeline OCR on it, or notes why OCR runs here
/// (--fallback local). An error: the run cannot start.
Status connectWorkers(const CliOptions& o, PipelineOptions& pipelineOptions, RunResult& r)
{
    auto cluster = RemoteCluster::connect(o.remote, o.pipeline.process.languages);
    QString shownNote; // clusterNote in the user's language (the JSON keeps the English one)
    if (cluster) {
        r.cluster = *cluster;
        pipelineOptions.remote = o.remote;
        // As many pages in flight as the workers have threads (unless --jobs says otherwise).
        if (pipelineOptions.jobs <= 0)
            pipelineOptions.jobs = std::min(1024, r.cluster->totalThreads());
        r.clusterNote = QStringLiteral("OCR on %1").arg(r.cluster->summary());
        shownNote = Cli::tr("OCR on %1").arg(r.cluster->summary());
    } else if (cluster.error().code == ErrorCode::Unavailable && o.remote.fallback == RemoteFallback::Local) {
        r.clusterNote = QStringLiteral("%1: OCR runs on this machine (--fallback local)").arg(cluster.error().message);
        shownNote = Cli::tr("%1: OCR runs on this machine (--fallback local)").arg(cluster.error().message);
    } else {
        return cluster.error();
    }
    if (!o.quiet && !o.json)
        err(shownNote);
    return okStatus();
}

/// The queued pages (listed after the pipeline recovered interrupted ones), with their files' paths.
Result<std::vector<PageJob>> listQueued(const QString& project, QHash<DocumentId, QString>& paths)
{
    auto store = ProjectStore::open(project);
    if (!store)
        return store.error();
    auto queued = (*store)->jobs(PageStatus::Queued);
    if (!queued)
        return queued.error();
    for (const auto& j : *queued)
        paths.insert(j.documentId, j.path);
    return std::move(queued).value();
}

/// Predicts the type of each document whose first page the run has done (learned from the documents
/// people typed; silent while none is), on a thread of its own with a connection of its own, so that the
/// document's other pages are processed with its type's profile; a page already done whose options that
/// changes is queued again and handed to the pipeline. finish() predicts what is left and joins.
class TypePredictor {
public:
    TypePredictor(const CliOptions& o, Pipeline& pipeline, std::shared_ptr<Workplace> workplace)
        : m_options(o), m_pipeline(pipeline), m_workplace(std::move(workplace))
    {
        m_thread = std::thread([this] { loop(); });
    }
    ~TypePredictor() { finish(); }
    void firstPageDone(DocumentId document)
    {
        {
            std::lock_guard guard(m_mutex);
            m_waiting.push_back(document);
        }
        m_wake.notify_one();
    }
    void finish()
    {
        {
            std::lock_guard guard(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }
    int predicted() const { return m_predicted; } ///< after finish()
    int requeued() const { return m_requeued; }   ///< after finish()

private:
    void loop()
    {
        std::unique_ptr<ProjectStore> store;
        for (;;) {
            std::vector<DocumentId> batch;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_waiting.empty(); });
                if (m_waiting.empty())
                    return;
                batch.swap(m_waiting);
            }
            if (!store) {
                auto opened = ProjectStore::open(m_options.project);
                if (!opened)
                    continue; // the run's own writes say what is wrong with the project
                store = std::move(opened).value();
            }
            auto predicted = predictTypesAfterFirstPage(m_options, *store, batch, m_workplace);
            if (!predicted)
                continue; // a type not predicted: the pages keep the project's profile
            m_predicted += static_cast<int>(predicted->predictions.size());
            m_requeued += static_cast<int>(predicted->again.size());
            if (!predicted->again.empty())
                m_pipeline.enqueue(predicted->again);
        }
    }

    const CliOptions& m_options;
    Pipeline& m_pipeline;
    std::shared_ptr<Workplace> m_workplace;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<DocumentId> m_waiting;
    bool m_stopping = false;
    int m_predicted = 0, m_requeued = 0;
    std::thread m_thread;
};

} // namespace

Result<TypesPredicted> predictTypesAfterFirstPage(const CliOptions& o, ProjectStore& store,
                                                  const std::vector<DocumentId>& documents,
                                                  const std::shared_ptr<Workplace>& workplace)
{
    ClassifyOptions options;
    options.documents = documents;
    options.renderPdf = firstPdfPageIn(workplace);
    auto run = classifyDocuments(store, options);
    if (!run)
        return run.error();
    TypesPredicted result;
    result.predictions = std::move(run->predictions);
    for (const TypePrediction& p : result.predictions) {
        auto requeued = requeueForTypeChange(o, store, ProfileScope::ofDocument(p.document));
        if (!requeued || *requeued == 0)
            continue;
        if (auto queued = store.jobs(PageStatus::Queued))
            for (const PageJob& j : *queued)
                if (j.documentId == p.document)
                    result.again.push_back(j);
    }
    return result;
}

namespace {

/// Runs `jobs` and waits, forwarding Ctrl-C to the pipeline: a watcher polls the signal-set flag (the
/// handler itself may only set an atomic). A std::thread, joined before the pipeline is destroyed: its
/// join is a real pthread_join, which ThreadSanitizer sees (QThread::wait() on a finished QThread is not).
PipelineStats runInterruptible(Pipeline& pipeline, const std::vector<PageJob>& jobs, const CancelToken& interrupt)
{
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (!finished.load()) {
            if (interrupt.isCancelled()) {
                pipeline.cancel();
                break;
            }
            QThread::msleep(50);
        }
    });
    pipeline.enqueue(jobs);
    PipelineStats stats = pipeline.wait();
    finished = true;
    watcher.join();
    return stats;
}

/// --workers: the cluster's part of the --json report (and a note on pages OCR'd here).
QJsonObject workersReport(const CliOptions& o, const RunResult& r)
{
    QJsonObject workers{{QStringLiteral("target"), o.remote.workers}, {QStringLiteral("note"), r.clusterNote}};
    if (r.cluster) {
        const RemoteStats& rs = r.remote;
        workers.insert(QStringLiteral("threads"), r.cluster->totalThreads());
        workers.insert(QStringLiteral("remote_pages"), rs.remotePages);
        workers.insert(QStringLiteral("local_pages"), rs.localPages);
        workers.insert(QStringLiteral("retries"), rs.retries);
        workers.insert(QStringLiteral("bytes_sent"), rs.bytesSent);
        if (rs.localPages > 0 && !o.json && !o.quiet)
            err(Cli::tr("%1 page(s) were OCR'd on this machine: no worker was reachable for them (--fallback "
                        "local)")
                    .arg(rs.localPages));
    }
    if (!r.stats.stopped.ok())
        workers.insert(QStringLiteral("stopped"), r.stats.stopped.error().message);
    return workers;
}

} // namespace

Result<ResolvedEngines> chooseEngines(const CliOptions& o)
{
    auto store = ProjectStore::open(o.project);
    if (!store)
        return store.error();
    auto kept = readEngineChoice(**store);
    if (!kept)
        return kept.error();
    EngineChoice choice = *kept;
    if (!o.engines.isEmpty())
        choice.engines = o.engines;
    if (!o.profile.isEmpty())
        choice.profile = o.profile;
    if ((!o.engines.isEmpty() && o.engines != kept->engines) || (!o.profile.isEmpty() && o.profile != kept->profile))
        if (Status remembered = writeEngineChoice(**store, choice); !remembered)
            return remembered.error();
    auto resolved = resolveEngines(choice, !o.engines.isEmpty(), EnginePool().engines());
    if (!resolved)
        return resolved.error();
    if (!resolved->fellBackFrom.isEmpty() && !o.quiet)
        err(Cli::tr("note: the OCR engine %1 is not available (%2): Tesseract reads alone")
                .arg(resolved->fellBackFrom, resolved->fallbackReason));
    return resolved;
}

Result<int> requeueForTypeChange(const CliOptions& o, ProjectStore& store, const ProfileScope& scope)
{
    auto kept = readEngineChoice(store);
    if (!kept)
        return kept.error();
    ProcessOptions base = o.pipeline.process;
    const std::vector<EngineInfo> engines = EnginePool().engines();
    if (auto resolved = resolveEngines(*kept, false, engines)) {
        base.engines = resolved->engines;
        base.profile = resolved->profile;
    }
    return requeueForProfiles(store, base, engines, scope);
}

RunResult processQueued(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt)
{
    RunResult r;
    auto failedRun = [&r](const Error& error) {
        r.ok = false;
        r.error = error;
        return r;
    };
    QHash<DocumentId, QString> paths;
    auto engines = chooseEngines(o);
    if (!engines)
        return failedRun(engines.error());
    r.engines = engines->engines;
    r.profile = engines->profile;
    r.notes = engines->notes;
    PipelineOptions pipelineOptions = o.pipeline;
    pipelineOptions.process.engines = engines->engines;
    pipelineOptions.process.profile = engines->profile;
    pipelineOptions.workplace = workplace;
    // Types whose profile cannot be applied as stored: said once here (each page's note says it too).
    if (auto store = ProjectStore::open(o.project)) {
        if (auto typeNotes = typeProfileNotes(**store, pipelineOptions.process, EnginePool().engines())) {
            r.notes << *typeNotes;
            if (!o.quiet && !o.json)
                for (const QString& note : *typeNotes)
                    err(Cli::tr("note: %1").arg(note));
        }
    }
    if (!o.remote.workers.isEmpty())
        if (Status connected = connectWorkers(o, pipelineOptions, r); !connected)
            return failedRun(connected.error());
    ProgressBar bar(!o.quiet && !o.json);
    std::mutex mutex;
    int done = 0, failed = 0;
    long long words = 0;
    std::atomic<TypePredictor*> typer{nullptr};
    auto onProgress = [&](const PageProgress& p) {
        std::lock_guard guard(mutex);
        if (p.number == 1 && p.status == PageStatus::Done)
            if (TypePredictor* t = typer.load())
                t->firstPageDone(p.documentId);
        if (p.status == PageStatus::Failed) {
            ++failed;
            const QString where = paths.value(p.documentId);
            r.failures.append(QJsonObject{{QStringLiteral("path"), where},
                                          {QStringLiteral("page"), p.number},
                                          {QStringLiteral("reason"), p.error},
                                          {QStringLiteral("failure"), toString(p.failure)}});
            if (!o.json)
                bar.message(Cli::tr("  FAILED  %1 page %2: %3").arg(where).arg(p.number).arg(p.error));
        } else {
            ++done;
            words += p.words;
        }
        bar.update(done, failed);
    };

    auto pipeline = Pipeline::create(o.project, pipelineOptions, onProgress);
    if (!pipeline)
        return failedRun(pipeline.error());
    auto jobs = listQueued(o.project, paths);
    if (!jobs)
        return failedRun(jobs.error());
    bar.setTotal(static_cast<int>(jobs->size()));
    const RemoteStats before = workplace->remoteStats();
    {
        TypePredictor predictor(o, **pipeline, workplace);
        typer = &predictor;
        r.stats = runInterruptible(**pipeline, *jobs, interrupt);
        {
            std::lock_guard guard(mutex); // no progress call holds the predictor past here
            typer = nullptr;
        }
        predictor.finish();
        r.typesPredicted = predictor.predicted();
        r.pagesRequeuedForType = predictor.requeued();
    }
    // Pages queued again by a prediction that came as the run ended: processed now, in this run.
    if (r.pagesRequeuedForType > 0 && !interrupt.isCancelled() && r.stats.stopped.ok() && r.stats.storage.ok()) {
        {
            std::lock_guard guard(mutex);
            bar.setTotal(static_cast<int>(jobs->size()) + r.pagesRequeuedForType);
        }
        r.stats = runInterruptible(**pipeline, {}, interrupt);
    }
    r.remote = workplace->remoteStats().since(before);
    bar.finish();
    r.interrupted = interrupt.isCancelled();
    if (!r.stats.storage.ok()) {
        r.ok = false;
        r.error = r.stats.storage.error();
    }
    return r;
}

int reportRun(const CliOptions& o, const RunResult& r, QJsonObject& json)
{
    const QJsonArray& failures = r.failures;
    json.insert(QStringLiteral("pages"), QJsonObject{{QStringLiteral("queued"), r.stats.queued},
                                                     {QStringLiteral("done"), r.stats.done},
                                                     {QStringLiteral("failed"), r.stats.failed},
                                                     {QStringLiteral("not_processed"), r.stats.cancelled}});
    json.insert(QStringLiteral("words"), r.stats.words);
    json.insert(QStringLiteral("seconds"), r.stats.seconds);
    json.insert(QStringLiteral("page_failures"), failures);
    json.insert(QStringLiteral("interrupted"), r.interrupted);
    json.insert(QStringLiteral("engines"), r.engines);
    json.insert(QStringLiteral("profile"), r.profile);
    json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(r.notes));
    json.insert(QStringLiteral("types_predicted"), r.typesPredicted);
    if (!o.remote.workers.isEmpty())
        json.insert(QStringLiteral("workers"), workersReport(o, r));
    if (!o.json && !o.quiet && r.stats.queued > 0) {
        const double rate = r.stats.seconds > 0 ? (r.stats.done + r.stats.failed) / r.stats.seconds : 0;
        out(Cli::tr("Processed %1 pages in %2 s (%3 pages/s): %4 done, %5 failed, %6 words")
                .arg(r.stats.done + r.stats.failed)
                .arg(r.stats.seconds, 0, 'f', 1)
                .arg(rate, 0, 'f', 2)
                .arg(r.stats.done)
                .arg(r.stats.failed)
                .arg(r.stats.words));
        if (r.typesPredicted > 0)
            out(Cli::tr("Predicted the type of %n document(s) after their first page", nullptr, r.typesPredicted));
    }
    if (r.interrupted) {
        if (!o.json)
            err(Cli::tr("Interrupted: %1 pages stay queued; run `incidoc-cli ocr -p %2` to continue.")
                    .arg(r.stats.cancelled)
                    .arg(o.project));
        return kExitInterrupted;
    }
    if (!r.stats.stopped.ok()) {
        err(Cli::tr("error: OCR stopped: %1. %2 page(s) stay queued: run `incidoc-cli ocr -p %3` when a "
                    "worker is "
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
    return r.stats.failed > 0 ? kExitSomeFailed : kExitOk;
}

} // namespace incidoc::cli
