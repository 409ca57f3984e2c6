#include "core/pipeline/pipeline.h"

#include "core/storage/page_writer.h"
#include "core/storage/project_store.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QThread>
#include <QThreadPool>

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
    ThreadExitWait threadExit; // must stay declared before pool
    QThreadPool pool;
    CancelToken cancel;
    QElapsedTimer clock;

    std::mutex mutex;
    std::condition_variable idle;
    std::deque<PageJob> pending;
    std::unordered_set<PageId> known;           // pending, in flight or awaiting commit
    std::unordered_map<PageId, PageJob> active; // in flight or awaiting commit
    struct DocCount {
        int done = 0, total = 0;
    };
    std::unordered_map<DocumentId, DocCount> perDocument;
    int inFlight = 0;
    int outstanding = 0; // pending + in flight + awaiting commit
    PipelineStats stats;

    int jobs() const { return options.jobs > 0 ? options.jobs : std::max(1, QThread::idealThreadCount()); }

    /// Takes what may start now (with the mutex held); the caller starts them without it, so the
    /// writer's lock is never taken inside ours.
    std::vector<PageJob> takeStartable()
    {
        std::vector<PageJob> start;
        while (inFlight < jobs() && !pending.empty() && !cancel.isCancelled()) {
            start.push_back(pending.front());
            pending.pop_front();
            ++inFlight;
        }
        return start;
    }

    /// Tasks capture `this`: the pool is a member and ~Pipeline waits for it, so Impl outlives them.
    void launch(const std::vector<PageJob>& start)
    {
        for (const auto& job : start) {
            writer->markProcessing(job.pageId);
            pool.start([this, job] { run(job); });
        }
    }

    void run(const PageJob& job)
    {
        // A pool thread only ever runs this pipeline's pages (the pool is ours), so one guard per thread.
        thread_local ThreadExitGuard exitGuard(threadExit.latch);
        if (options.onPageInFlight)
            options.onPageInFlight(job, true);
        PhaseFn phase;
        if (options.onPagePhase)
            phase = [this, &job](PagePhase p) { options.onPagePhase(job, p); };
        auto outcome = options.workplace->process(job, options.process, cancel,
                                                  options.remote ? &*options.remote : nullptr, phase);
        if (options.onPageInFlight)
            options.onPageInFlight(job, false);

        if (outcome) {
            writer->submit(std::move(outcome).value());
        }
        // The engine cannot be reached (no OCR worker answers and the user chose to stop): the whole
        // run stops, and every page not done stays queued for the next one.
        const bool stopRun = !outcome && outcome.error().code == ErrorCode::Unavailable;
        std::vector<PageJob> start;
        bool firstStop = false;
        {
            std::lock_guard guard(mutex);
            --inFlight;
            if (!outcome) { // cancelled: nothing to store; it stays queued in the project
                ++stats.cancelled;
                active.erase(job.pageId);
                known.erase(job.pageId);
                --outstanding;
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
            for (const auto& job : pending) {
                active.erase(job.pageId);
                known.erase(job.pageId);
                --outstanding;
                ++stats.cancelled;
            }
            pending.clear();
        }
        idle.notify_all();
    }

    void committed(const PageOutcome& outcome, const Status& status)
    {
        PageProgress p;
        {
            std::lock_guard guard(mutex);
            auto it = active.find(outcome.pageId);
            if (it == active.end())
                return;
            const PageJob job = it->second;
            active.erase(it);
            known.erase(outcome.pageId);
            --outstanding;
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
            p.words = static_cast<int>(outcome.result.words.size());
            p.timings = outcome.timings;
            p.documentDone = doc.done;
            p.documentTotal = doc.total;
        }
        idle.notify_all();
        if (progress)
            progress(p);
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

void Pipeline::enqueue(const std::vector<PageJob>& jobs)
{
    std::vector<PageJob> start;
    {
        std::lock_guard guard(m_impl->mutex);
        for (const auto& job : jobs) {
            if (!m_impl->known.insert(job.pageId).second)
                continue;
            m_impl->pending.push_back(job);
            m_impl->active.emplace(job.pageId, job);
            ++m_impl->perDocument[job.documentId].total;
            ++m_impl->outstanding;
            ++m_impl->stats.queued;
        }
        start = m_impl->takeStartable();
    }
    m_impl->launch(start);
}

void Pipeline::prioritize(PageId page)
{
    std::lock_guard guard(m_impl->mutex);
    auto& pending = m_impl->pending;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        if (it->pageId == page) {
            PageJob job = *it;
            pending.erase(it);
            pending.push_front(job);
            return;
        }
    }
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
