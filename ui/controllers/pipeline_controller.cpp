#include "ui/controllers/pipeline_controller.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QFileInfo>

namespace incidoc::ui {
namespace {

struct ImportOutcome {
    ImportReport report;
    QString error; ///< the project could not be opened by the worker
};

/// Worker side of an import: its own connection, only values in and out.
ImportOutcome runImport(const QString& projectPath, const QStringList& paths)
{
    ImportOutcome out;
    try {
        auto store = ProjectStore::open(projectPath);
        if (!store) {
            out.error = store.error().message;
            return out;
        }
        out.report = registerFiles(**store, paths);
    } catch (const std::exception& e) { // nothing may cross the thread boundary as an exception
        out.error = QString::fromUtf8(e.what());
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
    return job;
}

} // namespace

PipelineController::PipelineController(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session)
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

double PipelineController::pagesPerSecond() const
{
    const double s = m_activeSeconds + (m_state == State::Running && m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0);
    return s > 0.05 ? m_done / s : 0.0;
}

void PipelineController::setState(State state)
{
    if (state == m_state)
        return;
    if (m_state == State::Running && m_clock.isValid())
        m_activeSeconds += m_clock.elapsed() / 1000.0;
    if (state == State::Running)
        m_clock.start();
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool PipelineController::ensurePipeline()
{
    if (m_pipeline)
        return true;
    if (m_stopping.isValid() && !m_stopping.isFinished())
        return false;
    const long long generation = ++m_generation;
    // Runs on the writer thread: hand a copy of the progress to the GUI thread and return at once.
    // `this` outlives every pipeline (the destructor waits for them), so the queued call is safe.
    auto progress = [this, generation](const PageProgress& p) {
        QMetaObject::invokeMethod(this, [this, p, generation] { onProgress(p, generation); }, Qt::QueuedConnection);
    };
    auto made = Pipeline::create(m_session->path(), m_options, progress);
    if (!made) {
        Q_EMIT errorOccurred(tr("Pages cannot be processed now: %1").arg(made.error().message));
        return false;
    }
    m_pipeline = std::move(made).value();
    return true;
}

void PipelineController::enqueue(const std::vector<PageJob>& jobs)
{
    if (jobs.empty() || m_session->isReadOnly())
        return;
    auto& run = m_run;
    if (m_state == State::Idle && run.all.size() == run.done.size()) { // a new run starts counting afresh
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
    if (m_state == State::Paused) { // the queue waits in the project; explicit jobs wait here
        m_deferred.insert(m_deferred.end(), jobs.begin(), jobs.end());
        Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        return;
    }
    if (!ensurePipeline()) {
        if (m_stopping.isValid() && !m_stopping.isFinished()) { // the previous one is still shutting down
            m_deferred.insert(m_deferred.end(), jobs.begin(), jobs.end());
            m_startWhenStopped = true;
            setState(State::Running);
        } else {
            run = {};
            m_done = m_total = 0;
            setState(State::Idle);
        }
        Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
        return;
    }
    setState(State::Running);
    m_pipeline->enqueue(jobs);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::onProgress(const PageProgress& p, long long generation)
{
    Q_UNUSED(generation); // an older run's pages were committed too: they count and are shown
    auto& run = m_run;
    if (run.all.count(p.pageId) && run.done.insert(p.pageId).second)
        ++m_done;
    m_session->notifyPageProcessed(p.documentId, p.pageId);
    Q_EMIT pageProcessed(p.pageId, p.documentId, p.status == PageStatus::Done);
    if (m_state == State::Running && m_done >= m_total && m_deferred.empty())
        setState(State::Idle);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::resumeQueued()
{
    if (m_session->isReadOnly())
        return;
    auto queued = m_session->store().jobs(PageStatus::Queued);
    auto processing = m_session->store().jobs(PageStatus::Processing);
    if ((!queued || queued->empty()) && (!processing || processing->empty()))
        return;
    if (!ensurePipeline()) // creating it puts pages a killed run left `processing` back in the queue
        return;
    auto jobs = m_session->store().jobs(PageStatus::Queued);
    if (!jobs) {
        Q_EMIT errorOccurred(jobs.error().message);
        return;
    }
    if (!processing->empty())
        m_session->notifyDocumentsChanged();
    enqueue(*jobs);
}

void PipelineController::prioritize(PageId page)
{
    if (m_pipeline)
        m_pipeline->prioritize(page);
}

void PipelineController::reprocessPage(PageId pageId)
{
    auto page = m_session->page(pageId);
    if (!page)
        return;
    auto doc = m_session->document(page->documentId);
    if (!doc)
        return;
    enqueue({jobFor(*doc, *page)});
    prioritize(pageId);
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
    QtConcurrent::run(runImport, project, paths).then(this, [this](const ImportOutcome& out) {
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
                reasons << QStringLiteral("%1: %2").arg(QFileInfo(f.path).fileName(), f.error);
        QString summary = tr("%n file(s) added", nullptr, r.added);
        if (r.duplicates)
            summary += tr(", %n already in the project", nullptr, r.duplicates);
        if (r.failed)
            summary += tr(", %n failed (%1)", nullptr, r.failed).arg(reasons.join(QStringLiteral("; ")));
        if (!r.storage.ok())
            summary += tr("; the project could not be written: %1").arg(r.storage.error().message);
        if (auto jobs = m_session->store().jobs(PageStatus::Queued); jobs && m_state != State::Paused)
            enqueue(*jobs);
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
    m_stopping = QtConcurrent::run([dying]() mutable { dying.reset(); });
    m_stopping.then(this, [this] { finishStopping(); });
}

void PipelineController::finishStopping()
{
    if (m_stopping.isValid() && !m_stopping.isFinished())
        return;
    m_stopping = {};
    m_session->notifyDocumentsChanged(); // abandoned pages are back to `queued`
    if (m_startWhenStopped && m_state == State::Running) {
        m_startWhenStopped = false;
        std::vector<PageJob> jobs;
        if (auto queued = m_session->store().jobs(PageStatus::Queued))
            jobs = *queued;
        jobs.insert(jobs.end(), m_deferred.begin(), m_deferred.end());
        m_deferred.clear();
        if (!ensurePipeline()) {
            setState(State::Idle);
            return;
        }
        m_pipeline->enqueue(jobs);
    }
}

void PipelineController::pause()
{
    if (m_state != State::Running)
        return;
    stopPipeline(true);
    m_startWhenStopped = false;
    setState(State::Paused);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::resume()
{
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    if (m_stopping.isValid() && !m_stopping.isFinished()) {
        m_startWhenStopped = true; // finishStopping reads the queue once the old run has put it back
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
        setState(State::Idle);
        return;
    }
    m_pipeline->enqueue(jobs);
    Q_EMIT progressChanged(m_done, m_total, pagesPerSecond());
}

void PipelineController::cancel()
{
    stopPipeline(false);
    m_startWhenStopped = false;
    m_deferred.clear();
    m_run = {};
    m_done = m_total = 0;
    m_activeSeconds = 0;
    setState(State::Idle);
    Q_EMIT progressChanged(0, 0, 0.0);
}

} // namespace incidoc::ui
