#include "ui/controllers/pipeline_controller.h"

#include "core/import/annotation_layer.h"
#include "core/ocr/engine_pool.h"
#include "core/pipeline/type_profiles.h"
#include "core/storage/project_store.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>

namespace incidoc::ui {
namespace {

struct ImportOutcome {
    ImportReport report;
    std::vector<AnnotationImport> annotations; ///< annotation files found beside the images
    QString error;                             ///< the project could not be opened by the worker
};

/// Worker side of an import: its own connection, only values in and out.
ImportOutcome runImport(const QString& projectPath, const QStringList& paths,
                        const std::shared_ptr<FileInspector>& inspector)
{
    ImportOutcome out;
    try {
        auto store = ProjectStore::open(projectPath);
        if (!store) {
            out.error = store.error().message;
            return out;
        }
        RegisterOptions options;
        // Opening a file parses it: isolated, in a page host, so a crafted PDF that crashes Poppler is
        // recorded as a file that cannot be imported instead of ending the app.
        options.inspector = inspector;
        out.report = registerFiles(**store, paths, options);
        // Annotations of other tools beside the images (same stem) become their pages' words and forms.
        std::vector<std::pair<DocumentId, QString>> added;
        for (const ImportedFile& f : out.report.files)
            if (f.outcome == ImportedFile::Outcome::Added && f.documentId != 0)
                added.push_back({f.documentId, f.path});
        out.annotations = applyAnnotations(**store, added);
    } catch (const std::exception& e) { // nothing may cross the thread boundary as an exception
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

const QChar kKeySeparator(0x1f);

struct ConnectOutcome {
    std::shared_ptr<RemoteCluster> cluster;
    Error error;
};

/// Worker side of a connection to the OCR workers: values in and out (blocks up to the connect timeout).
ConnectOutcome runConnect(const RemoteOptions& options, const QString& languages)
{
    ConnectOutcome out;
    try {
        auto cluster = RemoteCluster::connect(options, languages);
        if (cluster)
            out.cluster = *cluster;
        else
            out.error = cluster.error();
    } catch (const std::exception& e) { // nothing may cross the thread boundary as an exception
        out.error = makeError(ErrorCode::Internal, QString::fromUtf8(e.what()));
    }
    return out;
}

PageJob jobFor(const DocumentRecord& doc, const PageRecord& page)
{
    PageJob job;
    job.pageId = page.id;
    job.documentId = doc.id;
    job.path = doc.path;
    job.kind = doc.kind;
    job.number = page.number;
    job.attempts = page.attempts;
    job.photo = page.photo; // corners a person placed are read as placed, never looked for again
    return job;
}

} // namespace

PipelineController::PipelineController(ProjectSession* session, std::shared_ptr<Workplace> workplace, QObject* parent)
    : QObject(parent), m_session(session), m_workplace(std::move(workplace))
{
}

PipelineController::~PipelineController()
{
    // No progress callback may run once this object is gone: stop everything synchronously.
    if (m_pipeline) {
        m_pipeline->cancel();
        m_pipeline.reset();
    }
    if (m_stopping.isValid())
        m_stopping.waitForFinished();
}

void PipelineController::setOptions(const PipelineOptions& options)
{
    m_options = options;
}

void PipelineController::setRemoteOptions(const RemoteOptions& options)
{
    m_remote = options;
    m_remote.workers = m_remote.workers.trimmed();
}

QString PipelineController::clusterKey(const QString& languages) const
{
    const RemoteOptions& o = m_remote;
    return QStringList{o.workers,
                       o.apiKeyFile,
                       o.tlsCaFile,
                       QString::number(o.tls),
                       QString::number(o.insecure),
                       QString::number(static_cast<int>(o.fallback)),
                       QString::number(o.connectTimeoutMs),
                       QString::number(o.callSlackMs),
                       QString::number(static_cast<int>(o.images)),
                       languages}
        .join(kKeySeparator);
}

void PipelineController::connectCluster(const QString& key, const QString& languages)
{
    m_connecting = true;
    Q_EMIT statusMessage(tr("Connecting to the OCR workers at %1…").arg(m_remote.workers));
    // The watcher is a child: if the controller goes first, the result is dropped (the task holds only
    // values and ends within the connect timeout).
    auto* watcher = new QFutureWatcher<ConnectOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        const ConnectOutcome out = watcher->result();
        onConnected(key, out.cluster, out.error);
    });
    watcher->setFuture(QtConcurrent::run(runConnect, m_remote, languages));
}

void PipelineController::onConnected(const QString& key, const std::shared_ptr<RemoteCluster>& cluster,
                                     const Error& error)
{
    m_connecting = false;
    const bool waiting = m_phase == Phase::Starting;
    // The options may have changed while connecting (the languages are the key's last part).
    const bool current = key == clusterKey(key.section(kKeySeparator, -1));
    if (cluster) {
        m_cluster = cluster;
        m_clusterKey = key;
        m_localKey.clear();
        Q_EMIT statusMessage(tr("OCR on %1").arg(cluster->summary()));
    } else if (error.code == ErrorCode::Unavailable && m_remote.fallback == RemoteFallback::Local && current) {
        m_localKey = key;
        Q_EMIT statusMessage(tr("%1: OCR runs on this computer.").arg(error.message));
    } else if (current) {
        Q_EMIT errorOccurred(tr("OCR workers cannot be used: %1. Pages stay queued.").arg(error.message));
        if (waiting)
            abandonRun();
        return;
    }
    // Otherwise the options changed while connecting: the run connects again with the new ones.
    if (waiting)
        startAfterConnect();
}

void PipelineController::startAfterConnect()
{
    if (m_phase != Phase::Starting)
        return; // paused or cancelled meanwhile: the next run uses the cluster
    if (m_oneOff) {
        startingNow();
        startOneOff();
        return;
    }
    auto processing = m_session->store().jobs(PageStatus::Processing);
    if (!ensurePipeline()) {
        if (!m_connecting) // the pipeline could not be made (errorOccurred said why)
            abandonRun();
        return; // connecting again (the options changed meanwhile)
    }
    startingNow();
    std::vector<PageJob> jobs;
    if (m_resumeWhenStarted) { // listed now: creating the pipeline put interrupted pages back in the queue
        if (auto queued = m_session->store().jobs(PageStatus::Queued))
            jobs = *queued;
        if (processing && !processing->empty())
            m_session->notifyDocumentsChanged();
    }
    m_resumeWhenStarted = false;
    jobs.insert(jobs.end(), m_deferred.begin(), m_deferred.end());
    m_deferred.clear();
    if (jobs.empty()) {
        setState(State::Idle);
        Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        return;
    }
    enqueue(jobs, true);
}

void PipelineController::abandonRun()
{
    startingNow();
    m_resumeWhenStarted = false;
    m_deferred.clear();
    m_oneOff.reset();
    m_run = {};
    m_done = m_total = 0;
    setState(State::Idle);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::onWorkersUnavailable(JobTracker::Generation generation)
{
    if (!m_pipelines.isCurrent(generation) || !m_pipeline)
        return; // that run is already being stopped
    // The pipeline has stopped itself: tear it down; finishStopping reads why from its stats.
    stopPipeline(true);
}

double PipelineController::pagesPerSecond() const
{
    const double s =
        m_activeSeconds + (state() == State::Running && m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0);
    return s > 0.05 ? m_done / s : 0.0;
}

PipelineController::State PipelineController::state() const
{
    switch (m_phase) {
    case Phase::Idle: return State::Idle;
    case Phase::Starting:
    case Phase::Processing: return State::Running;
    case Phase::Paused: return State::Paused;
    }
    return State::Idle;
}

void PipelineController::setState(State next)
{
    const State current = state();
    if (next == current)
        return; // a run that waits to start stays Starting
    if (current == State::Running && m_clock.isValid())
        m_activeSeconds += m_clock.elapsed() / 1000.0;
    if (next == State::Running)
        m_clock.start();
    if (next == State::Idle)
        m_localKey.clear(); // the next run tries the workers again
    m_phase = next == State::Idle ? Phase::Idle : next == State::Paused ? Phase::Paused : Phase::Processing;
    Q_EMIT stateChanged(next);
}

void PipelineController::startWhenReady()
{
    // Only a running run waits to start: a paused one starts on resume(), an idle one has nothing to start.
    if (m_phase == Phase::Processing)
        m_phase = Phase::Starting;
}

void PipelineController::startingNow()
{
    if (m_phase == Phase::Starting)
        m_phase = Phase::Processing;
}

bool PipelineController::ensurePipeline()
{
    if (m_pipeline)
        return true;
    if (waitsForStart())
        return false;
    // A one-off page runs in this pipeline too, with its own options (Pipeline::runAlone).
    PipelineOptions options = m_options;
    std::shared_ptr<RemoteCluster> cluster;
    if (!m_remote.workers.isEmpty()) {
        const QString key = clusterKey(options.process.languages);
        if (m_cluster && m_clusterKey == key) {
            cluster = m_cluster;
        } else if (m_localKey != key) {
            connectCluster(key, options.process.languages);
            return false; // the caller waits (waitsForStart); startAfterConnect goes on
        }
    }
    const JobTracker::Generation generation = m_pipelines.start();
    // Reaches the GUI thread from a pool thread, like progress below: the run stopped itself because
    // the workers (or the page hosts) cannot be reached.
    auto unavailable = [this, generation] {
        QMetaObject::invokeMethod(
            this, [this, generation] { onWorkersUnavailable(generation); }, Qt::QueuedConnection);
    };
    // Isolated (the app): each page in a page host, which OCRs on the workers when there are any, so a
    // page that crashes or hangs Poppler or Tesseract fails alone. Not isolated: here.
    options.workplace = m_workplace;
    if (cluster)
        options.remote = m_remote;
    options.onStopped = [unavailable](const Error&) { unavailable(); };
    if (cluster && options.jobs <= 0) // as many pages in flight as the workers have threads
        options.jobs = std::min(1024, std::max(1, cluster->totalThreads()));
    // Runs on the writer thread: hand a copy of the progress to the GUI thread and return at once.
    // `this` outlives every pipeline (the destructor waits for them), so the queued call is safe.
    auto progress = [this, generation](const PageProgress& p) {
        QMetaObject::invokeMethod(
            this, [this, p, generation] { onProgress(p, generation); }, Qt::QueuedConnection);
    };
    auto made = Pipeline::create(m_session->path(), options, progress);
    if (!made) {
        Q_EMIT errorOccurred(tr("Pages cannot be processed now: %1").arg(made.error().message));
        return false;
    }
    m_pipeline = std::move(made).value();
    return true;
}

void PipelineController::enqueue(const std::vector<PageJob>& jobs, bool leadAlone)
{
    if (jobs.empty() || m_session->isReadOnly())
        return;
    auto& run = m_run;
    if (state() == State::Idle && run.all.size() == run.done.size()) { // a new run starts counting afresh
        run = {};
        m_done = m_total = 0;
        m_activeSeconds = 0;
    }
    for (const auto& job : jobs) {
        if (run.all.insert(job.pageId).second)
            ++m_total;
        else if (run.done.erase(job.pageId)) // processed again (re-OCR, retry)
            --m_done;
    }
    // The queue waits in the project; explicit jobs wait here (once handed to the pipeline, a one-off
    // holds the others back there).
    if (state() == State::Paused || (m_oneOff && m_oneOff->generation == 0)) {
        m_deferred.insert(m_deferred.end(), jobs.begin(), jobs.end());
        Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        return;
    }
    if (!ensurePipeline()) {
        if (waitsForStart()) { // the previous one is still shutting down, or the workers are being connected
            m_deferred.insert(m_deferred.end(), jobs.begin(), jobs.end());
            setState(State::Running);
            startWhenReady();
        } else {
            run = {};
            m_done = m_total = 0;
            setState(State::Idle);
        }
        Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        return;
    }
    setState(State::Running);
    // The page the user looks at (else the first) leads alone; the pipeline holds the rest back.
    m_pipeline->enqueue(jobs, EnqueueOptions{leadAlone, m_viewed});
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::enqueueWaiting()
{
    std::vector<PageJob> jobs;
    if (auto queued = m_session->store().jobs(PageStatus::Queued))
        jobs = *queued;
    jobs.insert(jobs.end(), m_deferred.begin(), m_deferred.end());
    m_deferred.clear();
    if (!jobs.empty())
        m_pipeline->enqueue(jobs);
}

void PipelineController::onProgress(const PageProgress& p, JobTracker::Generation generation)
{
    // An older run's pages were committed too: they count and are shown.
    auto& run = m_run;
    if (run.all.count(p.pageId) && run.done.insert(p.pageId).second)
        ++m_done;
    m_session->notifyPageProcessed(p.documentId, p.pageId);
    Q_EMIT pageProcessed(p.pageId, p.documentId, p.status == PageStatus::Done);
    // The page read with other options is in: the pipeline goes on with the rest, usual options.
    if (m_oneOff && m_oneOff->generation == generation && p.pageId == m_oneOff->job.pageId)
        m_oneOff.reset();
    if (state() == State::Running && m_done >= m_total && m_deferred.empty())
        setState(State::Idle);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::pickUpQueued()
{
    if (m_session->isReadOnly() || !m_pipeline || m_phase == Phase::Paused || m_phase == Phase::Starting
        || waitsForOneOff())
        return;
    auto queued = m_session->store().jobs(PageStatus::Queued);
    if (!queued || queued->empty())
        return;
    std::vector<PageJob> fresh;
    for (const PageJob& j : *queued)
        if (!m_run.all.count(j.pageId) || m_run.done.count(j.pageId))
            fresh.push_back(j);
    if (!fresh.empty())
        enqueue(fresh);
}

void PipelineController::resumeQueued()
{
    if (m_session->isReadOnly())
        return;
    auto queued = m_session->store().jobs(PageStatus::Queued);
    auto processing = m_session->store().jobs(PageStatus::Processing);
    if ((!queued || queued->empty()) && (!processing || processing->empty()))
        return;
    if (!ensurePipeline()) { // creating it puts pages a killed run left `processing` back in the queue
        if (m_connecting) {  // every queued page goes once the workers are connected
            if (state() == State::Idle && m_run.all.size() == m_run.done.size()) {
                m_run = {};
                m_done = m_total = 0;
                m_activeSeconds = 0;
            }
            m_resumeWhenStarted = true;
            setState(State::Running);
            startWhenReady();
            Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        }
        return;
    }
    auto jobs = m_session->store().jobs(PageStatus::Queued);
    if (!jobs) {
        Q_EMIT errorOccurred(jobs.error().message);
        return;
    }
    if (!processing->empty())
        m_session->notifyDocumentsChanged();
    enqueue(*jobs, true);
}

void PipelineController::prioritize(PageId page)
{
    m_viewed = page;
    if (m_pipeline)
        m_pipeline->prioritize(page);
}

std::optional<PageJob> PipelineController::jobForPage(PageId pageId)
{
    auto page = m_session->page(pageId);
    if (!page)
        return std::nullopt;
    auto doc = m_session->document(page->documentId);
    if (!doc)
        return std::nullopt;
    return jobFor(*doc, *page);
}

void PipelineController::reprocessPage(PageId pageId)
{
    if (auto job = jobForPage(pageId)) {
        enqueue({*job});
        prioritize(pageId);
    }
}

void PipelineController::reprocessPage(PageId pageId, const QString& languages, int dpi)
{
    if (m_session->isReadOnly())
        return;
    auto job = jobForPage(pageId);
    auto page = m_session->page(pageId);
    if (!job || !page)
        return;
    OneOff oneOff;
    oneOff.job = *job;
    oneOff.options = m_options.process;
    if (!languages.isEmpty())
        oneOff.options.languages = languages;
    if (dpi > 0)
        oneOff.options.render.dpi = dpi;
    // The store keeps edited words as they are, in the page's current pixel grid: a new DPI would put
    // them beside their text. Such a page is read at its own DPI.
    const auto words = m_session->words(pageId);
    const bool keepsWords = std::any_of(words.begin(), words.end(),
                                        [](const WordRecord& w) { return w.edited || w.source == WordSource::User; });
    if (keepsWords && page->dpi > 0)
        oneOff.options.render.dpi = page->dpi;
    // A one-off still waiting is replaced; its page goes back to the usual run (the pipeline does so
    // with one it was handed).
    if (m_oneOff && m_oneOff->generation == 0)
        m_deferred.push_back(m_oneOff->job);
    m_oneOff = oneOff;
    if (m_run.all.insert(pageId).second)
        ++m_total;
    else if (m_run.done.erase(pageId))
        --m_done;
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
    if (state() == State::Paused)
        return; // resume() starts it
    setState(State::Running);
    if (m_pipeline) { // it runs alone there once the pages in flight are in, the rest held back
        m_oneOff->generation = m_pipelines.current();
        m_pipeline->runAlone(m_oneOff->job, m_oneOff->options);
        Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        return;
    }
    if (m_stopping.isValid() && !m_stopping.isFinished()) {
        startWhenReady();
        return;
    }
    startOneOff();
}

void PipelineController::startOneOff()
{
    if (!m_oneOff)
        return;
    if (!ensurePipeline()) {
        if (m_connecting) { // startAfterConnect starts it
            setState(State::Running);
            startWhenReady();
            return;
        }
        m_oneOff.reset();
        setState(State::Idle);
        return;
    }
    m_oneOff->generation = m_pipelines.current();
    setState(State::Running);
    m_pipeline->runAlone(m_oneOff->job, m_oneOff->options);
    enqueueWaiting(); // held back in the pipeline until the one-off is in
}

int PipelineController::reprocessForProfiles(const ProfileScope& scope)
{
    if (m_session->isReadOnly())
        return 0;
    auto requeued = requeueForProfiles(m_session->store(), m_options.process, EnginePool().engines(), scope);
    if (!requeued) {
        Q_EMIT errorOccurred(tr("Pages cannot be processed again: %1").arg(requeued.error().message));
        return 0;
    }
    if (*requeued == 0)
        return 0;
    m_session->notifyDocumentsChanged();
    Q_EMIT statusMessage(
        tr("%n page(s) will be processed again with their document type's profile.", nullptr, *requeued));
    if (state() == State::Paused)
        return *requeued; // resume() takes what is queued in the project
    if (auto jobs = m_session->store().jobs(PageStatus::Queued); jobs && !jobs->empty())
        enqueue(*jobs);
    return *requeued;
}

void PipelineController::retryFailed(DocumentId document)
{
    auto doc = m_session->document(document);
    if (!doc)
        return;
    if (!doc->error.isEmpty()) { // the file itself failed: import it again (the store replaces the record)
        importPaths({doc->path});
        return;
    }
    std::vector<PageJob> jobs;
    for (const auto& page : m_session->pages(document))
        if (page.status == PageStatus::Failed)
            jobs.push_back(jobFor(*doc, page));
    enqueue(jobs);
}

void PipelineController::importPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    if (m_session->isReadOnly()) {
        Q_EMIT errorOccurred(tr("The project is open read-only: nothing can be imported."));
        return;
    }
    ++m_importing;
    const QString project = m_session->path();
    const std::shared_ptr<FileInspector> inspector = m_workplace; // files are opened where the work runs
    QtConcurrent::run(runImport, project, paths, inspector).then(this, [this](const ImportOutcome& out) {
        --m_importing;
        if (!out.error.isEmpty()) {
            Q_EMIT errorOccurred(tr("Import failed: %1").arg(out.error));
            Q_EMIT importFinished(tr("Import failed: %1").arg(out.error), 0, 0);
            return;
        }
        const ImportReport& r = out.report;
        m_session->notifyDocumentsChanged();
        QStringList reasons;
        for (const auto& f : r.files)
            if (f.outcome == ImportedFile::Outcome::Failed)
                reasons << QStringLiteral("%1: %2").arg(
                    QFileInfo(f.path).fileName(),
                    FailureText::withDetail(FailureText::documentSummary(f.failure), f.error));
        QString summary = tr("%n file(s) added", nullptr, r.added);
        if (r.duplicates)
            summary += tr(", %n already in the project", nullptr, r.duplicates);
        if (r.failed)
            summary += tr(", %n failed (%1)", nullptr, r.failed).arg(reasons.join(QStringLiteral("; ")));
        if (!r.storage.ok())
            summary += tr("; the project could not be written: %1").arg(r.storage.error().message);
        int applied = 0;
        QStringList refused;
        for (const AnnotationImport& a : out.annotations) {
            if (a.applied) {
                ++applied;
                if (auto pages = m_session->store().pages(a.document); pages && !pages->empty())
                    Q_EMIT m_session->formChanged(pages->front().id);
            } else {
                refused << QStringLiteral("%1: %2").arg(QFileInfo(a.annotationPath).fileName(), a.error);
            }
        }
        if (applied)
            summary += tr("; %n annotation file(s) imported", nullptr, applied);
        if (!refused.isEmpty())
            summary += tr("; %n annotation file(s) refused (%1), their images are read by OCR", nullptr,
                          static_cast<int>(refused.size()))
                           .arg(refused.join(QStringLiteral("; ")));
        if (auto jobs = m_session->store().jobs(PageStatus::Queued); jobs && state() != State::Paused)
            enqueue(*jobs, true);
        Q_EMIT importFinished(summary, r.added, r.failed);
    });
}

void PipelineController::stopPipeline(bool keepQueue)
{
    Q_UNUSED(keepQueue); // cancelled pages always stay queued in the project
    if (!m_pipeline)
        return;
    m_pipeline->cancel();
    // ~Pipeline waits for the pages in flight to notice the cancel: never on the GUI thread.
    std::shared_ptr<Pipeline> dying(std::move(m_pipeline));
    m_stopping = QtConcurrent::run([dying]() mutable {
        const PipelineStats stats = dying->wait(); // says whether the run had stopped by itself
        dying.reset();
        return stats;
    });
    // A watcher, not QFuture::then(this, …): with Qt 6.4, then() on a future that has already finished
    // (an idle pipeline is gone at once) deadlocked the GUI thread in setContinuation.
    auto* watcher = new QFutureWatcher<PipelineStats>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        finishStopping();
    });
    watcher->setFuture(m_stopping);
}

void PipelineController::finishStopping()
{
    if (m_stopping.isValid() && !m_stopping.isFinished())
        return;
    const PipelineStats stats = m_stopping.isValid() ? m_stopping.result() : PipelineStats{};
    m_stopping = {};
    m_session->notifyDocumentsChanged(); // abandoned pages are back to `queued`
    if (!stats.stopped.ok()) {
        // No worker could be reached in the middle of the run (fallback Stop): the rest waits, queued,
        // and the next run connects afresh.
        m_cluster.reset();
        m_clusterKey.clear();
        int queued = 0;
        if (auto jobs = m_session->store().jobs(PageStatus::Queued))
            queued = static_cast<int>(jobs->size());
        abandonRun();
        Q_EMIT errorOccurred(
            tr("OCR stopped: %1. %n page(s) stay queued.", nullptr, queued).arg(stats.stopped.error().message));
        return;
    }
    if (m_phase == Phase::Starting && m_oneOff) {
        startingNow();
        startOneOff();
        return;
    }
    if (m_phase == Phase::Starting) {
        startingNow();
        std::vector<PageJob> jobs;
        if (auto queued = m_session->store().jobs(PageStatus::Queued))
            jobs = *queued;
        jobs.insert(jobs.end(), m_deferred.begin(), m_deferred.end());
        m_deferred.clear();
        if (!ensurePipeline()) {
            if (m_connecting) { // other languages than the cluster was connected for
                m_deferred = std::move(jobs);
                startWhenReady();
                return;
            }
            setState(State::Idle);
            return;
        }
        m_pipeline->enqueue(jobs);
    }
}

void PipelineController::pause()
{
    if (state() != State::Running)
        return;
    stopPipeline(true);
    startingNow();
    setState(State::Paused);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::resume()
{
    if (m_phase != Phase::Paused)
        return;
    setState(State::Running);
    if (m_stopping.isValid() && !m_stopping.isFinished()) {
        startWhenReady(); // finishStopping reads the queue once the old run has put it back
        return;
    }
    if (m_oneOff) {
        startOneOff();
        return;
    }
    std::vector<PageJob> jobs;
    if (auto queued = m_session->store().jobs(PageStatus::Queued))
        jobs = *queued;
    jobs.insert(jobs.end(), m_deferred.begin(), m_deferred.end());
    m_deferred.clear();
    if (jobs.empty()) {
        setState(State::Idle);
        return;
    }
    if (!ensurePipeline()) {
        if (m_connecting) { // startAfterConnect enqueues them
            m_deferred = std::move(jobs);
            startWhenReady();
            return;
        }
        setState(State::Idle);
        return;
    }
    m_pipeline->enqueue(jobs);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::cancel()
{
    stopPipeline(false);
    startingNow();
    m_deferred.clear();
    m_oneOff.reset();
    m_run = {};
    m_done = m_total = 0;
    m_activeSeconds = 0;
    setState(State::Idle);
    Q_EMIT progressChanged(0, 0, 0.0);
}

} // namespace incidoc::ui
