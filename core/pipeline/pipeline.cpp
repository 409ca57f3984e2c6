#include "core/pipeline/pipeline.h"

#include "core/pipeline/type_profiles.h"
#include "core/storage/page_writer.h"
#include "core/storage/project_store.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace incidoc {
namespace {

/// Counts the pool threads that ran pages of one pipeline until their thread-local objects (the
/// renderer's Poppler documents) are destroyed. Qt's threads are detached and run those
/// destructors after QThread::wait() has returned, so ~QThreadPool alone does not wait for them: the
/// process could exit and destroy Poppler's globals while a worker still closed its documents (found
/// under ThreadSanitizer: SEGV in GlobalParams::~GlobalParams at exit).
struct ThreadExitLatch {
    std::mutex mutex;
    std::condition_variable done;
    int alive = 0;
};

/// Made by a pool thread before its first page, so it is constructed before, and destroyed after, every
/// thread_local the page work creates (thread-storage objects are destroyed in reverse order).
class ThreadExitGuard {
public:
    explicit ThreadExitGuard(std::shared_ptr<ThreadExitLatch> latch) : m_latch(std::move(latch))
    {
        std::lock_guard guard(m_latch->mutex);
        ++m_latch->alive;
    }
    ~ThreadExitGuard()
    {
        std::lock_guard guard(m_latch->mutex);
        --m_latch->alive;
        m_latch->done.notify_all();
    }
    ThreadExitGuard(const ThreadExitGuard&) = delete;
    ThreadExitGuard& operator=(const ThreadExitGuard&) = delete;

private:
    std::shared_ptr<ThreadExitLatch> m_latch;
};

/// Declared before the pool in Impl, so it is destroyed after it: waits until the joined pool threads
/// have also finished destroying their thread-local objects.
struct ThreadExitWait {
    std::shared_ptr<ThreadExitLatch> latch = std::make_shared<ThreadExitLatch>();
    ~ThreadExitWait()
    {
        std::unique_lock guard(latch->mutex);
        latch->done.wait(guard, [this] { return latch->alive == 0; });
    }
};

} // namespace

struct Pipeline::Impl {
    PipelineOptions options;
    ProgressFn progress;
    QString projectPath;
    std::unique_ptr<QLockFile> lock;
    std::unique_ptr<PageWriter> writer;
    /// Reads each page's document type and its profile as the page starts (type_profiles.h), so a type
    /// set or changed during the run counts from the next page on. Guarded by profilesMutex.
    std::unique_ptr<ProjectStore> profiles;
    std::optional<std::vector<EngineInfo>> engineInfos; // what type profiles are resolved against; on first use
    std::mutex profilesMutex;
    ThreadExitWait threadExit; // must stay declared before pool
    QThreadPool pool;
    CancelToken cancel;
    QElapsedTimer clock;

    std::mutex mutex;
    std::condition_variable idle;
    std::deque<PageJob> pending;
    std::deque<PageJob> held;                   // waiting for the lead page to be committed
    PageId lead = 0;                            // the page running first and alone (0: none)
    PageId preferred = 0;                       // the page last asked for: first when held pages go on
    std::unordered_set<PageId> known;           // pending, held, in flight or awaiting commit
    std::unordered_map<PageId, PageJob> active; // pending, held, in flight or awaiting commit
    /// A page processed alone with options of its own; the first may be running, a second waits.
    struct Alone {
        PageJob job;
        std::shared_ptr<const ProcessOptions> options;
        bool started = false;
    };
    std::deque<Alone> alone;
    struct DocCount {
        int done = 0, total = 0;
    };
    std::unordered_map<DocumentId, DocCount> perDocument;
    int inFlight = 0;
    int committing = 0;  // processed, awaiting commit
    int reporting = 0;   // commits whose progress is being reported: nothing starts meanwhile
    int outstanding = 0; // pending + held + one-offs + in flight + awaiting commit
    PipelineStats stats;

    /// A page to start and the options it runs with.
    struct Start {
        PageJob job;
        std::shared_ptr<const ProcessOptions> options; // null: options.process
    };

    int jobs() const { return options.jobs > 0 ? options.jobs : std::max(1, QThread::idealThreadCount()); }

    /// Takes what may start now (with the mutex held); the caller starts them without it, so the
    /// writer's lock is never taken inside ours. While a one-off waits or runs, nothing else starts;
    /// it starts itself once every page started before it is committed. While a commit is being
    /// reported nothing starts either: whoever hears of a commit hears of it before what it let start.
    std::vector<Start> takeStartable()
    {
        std::vector<Start> start;
        if (cancel.isCancelled() || reporting > 0)
            return start;
        if (!alone.empty()) {
            Alone& next = alone.front();
            if (!next.started && inFlight == 0 && committing == 0) {
                next.started = true;
                ++inFlight;
                active.emplace(next.job.pageId, next.job);
                start.push_back({next.job, next.options});
            }
            return start;
        }
        while (inFlight < jobs() && !pending.empty()) {
            start.push_back({pending.front(), nullptr});
            pending.pop_front();
            ++inFlight;
        }
        return start;
    }

    /// Tasks capture `this`: the pool is a member and ~Pipeline waits for it, so Impl outlives them.
    void launch(const std::vector<Start>& start)
    {
        for (const auto& s : start) {
            writer->markProcessing(s.job.pageId);
            pool.start([this, s] { run(s.job, s.options); });
        }
    }

    /// Counts a page in (with the mutex held).
    void admit(const PageJob& job)
    {
        active.emplace(job.pageId, job);
        ++perDocument[job.documentId].total;
        ++outstanding;
        ++stats.queued;
    }

    /// Counts a page that never started out again (with the mutex held).
    void withdraw(PageId page)
    {
        auto it = active.find(page);
        if (it == active.end())
            return;
        --perDocument[it->second.documentId].total;
        --stats.queued;
        --outstanding;
        active.erase(it);
        known.erase(page);
    }

    /// The page `page` left (committed or abandoned): the pages held behind it as the lead go on, the
    /// one-off it was is done (with the mutex held).
    void left(PageId page)
    {
        if (!alone.empty() && alone.front().started && alone.front().job.pageId == page)
            alone.pop_front();
        if (lead == 0 || page != lead)
            return;
        lead = 0;
        auto first = std::find_if(held.begin(), held.end(), [this](const PageJob& j) { return j.pageId == preferred; });
        if (first != held.end())
            std::rotate(held.begin(), first, first + 1);
        pending.insert(pending.end(), held.begin(), held.end());
        held.clear();
    }

    /// The options `job` runs with: its document type's profile over the run's, or over a one-off's (whose
    /// languages stay, and whose DPI wins when it is not the run's: chosen for that page).
    PageProcessing processingFor(const PageJob& job, const std::shared_ptr<const ProcessOptions>& oneOff)
    {
        const ProcessOptions& base = oneOff ? *oneOff : options.process;
        std::lock_guard guard(profilesMutex);
        auto rows = profiles->pageProfiles(ProfileScope::ofPage(job.pageId));
        if (!rows || rows->empty()) // not readable: the run's options, as without types
            return {base, processingKey(base), {}};
        const PageProfileRow& row = rows->front();
        if (row.type.isEmpty() && row.processedWith.isEmpty())
            return {base, processingKey(base), {}};
        if (!engineInfos)
            engineInfos = options.engines ? options.engines->engines() : EnginePool().engines();
        const int chosenDpi = oneOff && oneOff->render.dpi != options.process.render.dpi ? oneOff->render.dpi : 0;
        return pageProcessing(row, base, *engineInfos, chosenDpi);
    }

    void run(const PageJob& job, const std::shared_ptr<const ProcessOptions>& oneOff)
    {
        // A pool thread only ever runs this pipeline's pages (the pool is ours), so one guard per thread.
        thread_local ThreadExitGuard exitGuard(threadExit.latch);
        if (options.onPageInFlight)
            options.onPageInFlight(job, true);
        PhaseFn phase;
        if (options.onPagePhase)
            phase = [this, &job](PagePhase p) { options.onPagePhase(job, p); };
        const PageProcessing processing = processingFor(job, oneOff);
        auto outcome = options.workplace->process(job, processing.options, cancel,
                                                  options.remote ? &*options.remote : nullptr, phase);
        if (options.onPageInFlight)
            options.onPageInFlight(job, false);
        if (outcome) {
            outcome->profile = processing.key;
            if (outcome->status == PageStatus::Done && !processing.notes.isEmpty()) {
                QStringList notes = processing.notes; // why the type's profile was not applied as stored
                if (!outcome->error.isEmpty())
                    notes.prepend(outcome->error);
                outcome->error = notes.join(QStringLiteral("; "));
            }
        }

        if (outcome) {
            {
                std::lock_guard guard(mutex);
                ++committing; // before submit: the commit may be reported before we take the lock again
            }
            writer->submit(std::move(outcome).value());
        }
        // The engine cannot be reached (no OCR worker answers and the user chose to stop): the whole
        // run stops, and every page not done stays queued for the next one.
        const bool stopRun = !outcome && outcome.error().code == ErrorCode::Unavailable;
        std::vector<Start> start;
        bool firstStop = false;
        {
            std::lock_guard guard(mutex);
            --inFlight;
            if (!outcome) { // cancelled: nothing to store; it stays queued in the project
                ++stats.cancelled;
                active.erase(job.pageId);
                known.erase(job.pageId);
                --outstanding;
                left(job.pageId);
                if (stopRun && stats.stopped.ok()) {
                    stats.stopped = outcome.error();
                    firstStop = true;
                }
            }
            if (!stopRun)
                start = takeStartable();
        }
        if (stopRun)
            stopAll();
        if (firstStop && options.onStopped)
            options.onStopped(outcome.error());
        idle.notify_all();
        launch(start);
    }

    /// Cancel: no new pages start, the pending ones stay queued in the project.
    void stopAll()
    {
        cancel.cancel();
        {
            std::lock_guard guard(mutex);
            auto drop = [this](const PageJob& job) {
                active.erase(job.pageId);
                known.erase(job.pageId);
                --outstanding;
                ++stats.cancelled;
            };
            for (const auto& job : pending)
                drop(job);
            for (const auto& job : held)
                drop(job);
            pending.clear();
            held.clear();
            lead = 0;
            while (!alone.empty() && !alone.back().started) { // not in `active` until it starts
                known.erase(alone.back().job.pageId);
                --outstanding;
                ++stats.cancelled;
                alone.pop_back();
            }
        }
        idle.notify_all();
    }

    void committed(const PageOutcome& outcome, const Status& status)
    {
        PageProgress p;
        std::vector<Start> start;
        {
            std::lock_guard guard(mutex);
            --committing;
            auto it = active.find(outcome.pageId);
            if (it == active.end())
                return;
            const PageJob job = it->second;
            active.erase(it);
            known.erase(outcome.pageId);
            --outstanding;
            left(outcome.pageId);
            ++reporting; // what this commit lets start (a one-off, held pages) starts after its report
            if (!status.ok() && stats.storage.ok())
                stats.storage = status.error();
            const bool ok = status.ok() && outcome.status == PageStatus::Done;
            if (ok) {
                ++stats.done;
                stats.words += static_cast<long long>(outcome.result.words.size());
            } else {
                ++stats.failed;
            }
            auto& doc = perDocument[job.documentId];
            ++doc.done;
            p.pageId = outcome.pageId;
            p.documentId = job.documentId;
            p.number = job.number;
            p.status = ok ? PageStatus::Done : PageStatus::Failed;
            p.kind = outcome.kind;
            p.error = status.ok() ? outcome.error : status.error().message;
            if (!ok)
                p.failure = status.ok() && outcome.failure != FailureKind::None ? outcome.failure : FailureKind::Error;
            p.words = static_cast<int>(outcome.result.words.size());
            p.timings = outcome.timings;
            p.documentDone = doc.done;
            p.documentTotal = doc.total;
        }
        idle.notify_all();
        if (progress)
            progress(p);
        {
            std::lock_guard guard(mutex);
            --reporting;
            start = takeStartable();
        }
        launch(start); // after the progress: whoever hears of a commit hears of it before what it let start
    }
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Pipeline::~Pipeline()
{
    cancel();
    wait();
    m_impl->pool.waitForDone();
    m_impl->writer.reset(); // its last callbacks use members declared after it
}

Result<std::unique_ptr<Pipeline>> Pipeline::create(const QString& projectPath, PipelineOptions options,
                                                   ProgressFn progress)
{
    auto impl = std::make_unique<Impl>();
    impl->projectPath = projectPath;
    impl->progress = std::move(progress);
    if (!options.workplace)
        options.workplace = makeLocalWorkplace(options.engines);
    impl->options = std::move(options);

    // One processing run per project: two would claim the same pages.
    impl->lock = std::make_unique<QLockFile>(projectPath + QStringLiteral(".lock"));
    impl->lock->setStaleLockTime(0); // a lock whose process is gone is taken over, never waited for
    if (!impl->lock->tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        impl->lock->getLockInfo(&pid, &host, &app);
        return makeError(ErrorCode::Io,
                         QStringLiteral("project is being processed by another Incidoc process (pid %1)").arg(pid));
    }
    {
        auto store = ProjectStore::open(projectPath);
        if (!store)
            return store.error();
        auto recovered = (*store)->recoverInterrupted();
        if (!recovered)
            return recovered.error();
        impl->profiles = std::move(store).value();
    }

    Impl* raw = impl.get();
    auto writer =
        PageWriter::start(projectPath, [raw](const PageOutcome& o, const Status& s) { raw->committed(o, s); });
    if (!writer)
        return writer.error();
    impl->writer = std::move(writer).value();
    impl->pool.setMaxThreadCount(impl->jobs());
    impl->pool.setExpiryTimeout(-1); // keep threads, and with them their open Poppler documents, for the run
    impl->clock.start();
    return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

void Pipeline::enqueue(const std::vector<PageJob>& jobs, const EnqueueOptions& how)
{
    std::vector<Impl::Start> start;
    {
        std::lock_guard guard(m_impl->mutex);
        Impl& d = *m_impl;
        std::vector<PageJob> added;
        for (const auto& job : jobs) {
            if (d.known.insert(job.pageId).second) {
                d.admit(job);
                added.push_back(job);
            }
        }
        auto lead = added.end();
        if (how.leadAlone && d.lead == 0 && d.held.empty() && added.size() > 1) {
            // The lead's boxes are what someone waits for: it gets a core to itself, and the rest start
            // once it is committed (measured: with the other pages beside it, it waited for a core).
            if (how.leadPage != 0)
                d.preferred = how.leadPage;
            lead =
                std::find_if(added.begin(), added.end(), [&how](const PageJob& j) { return j.pageId == how.leadPage; });
            if (lead == added.end())
                lead = added.begin();
            d.lead = lead->pageId;
            d.pending.push_front(*lead);
        }
        for (auto it = added.begin(); it != added.end(); ++it) {
            if (it == lead)
                continue;
            (d.lead != 0 ? d.held : d.pending).push_back(*it); // after the lead, in order
        }
        start = d.takeStartable();
    }
    m_impl->launch(start);
}

void Pipeline::prioritize(PageId page)
{
    std::lock_guard guard(m_impl->mutex);
    m_impl->preferred = page;
    for (auto* queue : {&m_impl->pending, &m_impl->held}) {
        auto it = std::find_if(queue->begin(), queue->end(), [page](const PageJob& j) { return j.pageId == page; });
        if (it != queue->end()) {
            std::rotate(queue->begin(), it, it + 1);
            return;
        }
    }
}

void Pipeline::runAlone(const PageJob& job, const ProcessOptions& options)
{
    std::vector<Impl::Start> start;
    {
        std::lock_guard guard(m_impl->mutex);
        Impl& d = *m_impl;
        if (d.cancel.isCancelled())
            return;
        // Waiting in the queue with the usual options: it runs as the one-off instead.
        for (auto* queue : {&d.pending, &d.held}) {
            auto it =
                std::find_if(queue->begin(), queue->end(), [&job](const PageJob& j) { return j.pageId == job.pageId; });
            if (it != queue->end()) {
                queue->erase(it);
                d.withdraw(job.pageId);
                break;
            }
        }
        if (!d.alone.empty() && !d.alone.back().started) { // replaced: back to the queue, usual options
            const PageJob replaced = d.alone.back().job;
            d.alone.pop_back();
            if (replaced.pageId == job.pageId) { // asked again: counted once, below
                --d.outstanding;
                --d.stats.queued;
                --d.perDocument[replaced.documentId].total;
            } else {
                d.active.emplace(replaced.pageId, replaced);
                d.pending.push_front(replaced);
            }
        }
        // Known from now on, so the queue does not take it again; counted in when it starts (the page may
        // still be in flight with the usual options).
        d.known.insert(job.pageId);
        d.alone.push_back({job, std::make_shared<const ProcessOptions>(options), false});
        ++d.perDocument[job.documentId].total;
        ++d.outstanding;
        ++d.stats.queued;
        start = d.takeStartable();
    }
    m_impl->launch(start);
}

void Pipeline::cancel()
{
    m_impl->stopAll();
}

CancelToken Pipeline::cancelToken() const
{
    return m_impl->cancel;
}

PipelineStats Pipeline::wait()
{
    {
        std::unique_lock guard(m_impl->mutex);
        m_impl->idle.wait(guard, [this] { return m_impl->outstanding == 0; });
    }
    m_impl->pool.waitForDone();
    const Status flushed = m_impl->writer->flush();
    // Pages claimed by tasks that were cancelled mid-page go back to the queue now, not at next open.
    if (m_impl->cancel.isCancelled()) {
        if (auto store = ProjectStore::open(m_impl->projectPath))
            (void)(*store)->recoverInterrupted();
    }
    std::lock_guard guard(m_impl->mutex);
    if (!flushed.ok() && m_impl->stats.storage.ok())
        m_impl->stats.storage = flushed.error();
    m_impl->stats.seconds = m_impl->clock.elapsed() / 1000.0;
    return m_impl->stats;
}

} // namespace incidoc
