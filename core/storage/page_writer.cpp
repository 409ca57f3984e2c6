#include "core/storage/page_writer.h"

#include "core/storage/project_store.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace incidoc {
namespace {

// Outcomes waiting beyond this block submit(): memory stays bounded (an outcome of a dense page with
// its characters is some 100 KiB) while the writer catches up.
constexpr std::size_t kMaxQueued = 64;

} // namespace

struct PageWriter::Impl {
    std::unique_ptr<ProjectStore> store;
    CommittedFn committed;

    std::mutex mutex;
    std::condition_variable work;  ///< the writer waits for something to commit (or stop)
    std::condition_variable space; ///< submit() waits for room in the queue
    std::condition_variable done;  ///< flush() waits for commits
    std::vector<PageOutcome> outcomes;
    std::vector<PageId> claims;
    unsigned long long queuedSeq = 0;   ///< items ever queued (outcomes and claims)
    unsigned long long finishedSeq = 0; ///< items whose commit finished (ok or not)
    std::optional<Error> firstError;    ///< the first error since the last flush()
    bool stopping = false;
    std::thread thread;

    void run();
    void commit(const std::vector<PageId>& batchClaims, const std::vector<PageOutcome>& batchOutcomes);
    void notify(const PageOutcome& outcome, const Status& status);
    void noteError(const Error& error)
    {
        std::lock_guard lock(mutex);
        if (!firstError)
            firstError = error;
    }
};

Result<std::unique_ptr<PageWriter>> PageWriter::start(const QString& projectPath, CommittedFn committed)
{
    auto store = ProjectStore::open(projectPath, OpenMode::ReadWrite);
    if (!store)
        return store.error();
    try {
        auto impl = std::make_unique<Impl>();
        impl->store = std::move(*store);
        impl->committed = std::move(committed);
        Impl* raw = impl.get();
        impl->thread = std::thread([raw] { raw->run(); });
        return std::unique_ptr<PageWriter>(new PageWriter(std::move(impl)));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, QStringLiteral("cannot start the page writer: %1").arg(e.what()));
    }
}

PageWriter::PageWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PageWriter::~PageWriter()
{
    if (!m_impl)
        return;
    (void)flush();
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->work.notify_all();
    m_impl->space.notify_all();
    if (m_impl->thread.joinable())
        m_impl->thread.join();
}

void PageWriter::submit(PageOutcome outcome)
{
    std::unique_lock lock(m_impl->mutex);
    // The committed callback runs on the writer thread: blocking it there would wait for itself.
    if (std::this_thread::get_id() != m_impl->thread.get_id())
        m_impl->space.wait(lock, [&] { return m_impl->outcomes.size() < kMaxQueued || m_impl->stopping; });
    m_impl->outcomes.push_back(std::move(outcome));
    ++m_impl->queuedSeq;
    lock.unlock();
    m_impl->work.notify_one();
}

void PageWriter::markProcessing(PageId page)
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->claims.push_back(page);
        ++m_impl->queuedSeq;
    }
    m_impl->work.notify_one();
}

Status PageWriter::flush()
{
    std::unique_lock lock(m_impl->mutex);
    if (std::this_thread::get_id() == m_impl->thread.get_id())
        return makeError(ErrorCode::Internal, QStringLiteral("PageWriter::flush() called from its own callback"));
    const unsigned long long target = m_impl->queuedSeq;
    m_impl->done.wait(lock, [&] { return m_impl->finishedSeq >= target; });
    if (m_impl->firstError) {
        Error e = *m_impl->firstError;
        m_impl->firstError.reset();
        return e;
    }
    return okStatus();
}

void PageWriter::Impl::run()
{
    std::vector<PageId> batchClaims;
    std::vector<PageOutcome> batchOutcomes;
    for (;;) {
        unsigned long long batchEnd = 0;
        {
            std::unique_lock lock(mutex);
            work.wait(lock, [&] { return stopping || !outcomes.empty() || !claims.empty(); });
            if (outcomes.empty() && claims.empty())
                return; // stopping with nothing left
            // Everything waiting goes into one transaction: one commit (and one WAL sync) per batch.
            batchClaims.swap(claims);
            batchOutcomes.swap(outcomes);
            batchEnd = queuedSeq;
        }
        space.notify_all();

        commit(batchClaims, batchOutcomes);
        batchClaims.clear();
        batchOutcomes.clear();

        {
            std::lock_guard lock(mutex);
            finishedSeq = batchEnd;
        }
        done.notify_all();
    }
}

void PageWriter::Impl::commit(const std::vector<PageId>& batchClaims, const std::vector<PageOutcome>& batchOutcomes)
{
    const Status status = store->commitBatch(batchClaims, batchOutcomes);
    if (status.ok()) {
        for (const PageOutcome& o : batchOutcomes)
            notify(o, status);
        return;
    }
    // A problem of the whole file (disk full, locked, I/O) fails every outcome alike; anything else (a
    // page deleted meanwhile, ...) is one outcome's problem: commit the rest one by one without it.
    if (status.error().code == ErrorCode::Io || batchClaims.size() + batchOutcomes.size() <= 1) {
        noteError(status.error());
        for (const PageOutcome& o : batchOutcomes)
            notify(o, status);
        return;
    }
    if (!batchClaims.empty()) {
        for (PageId claim : batchClaims) {
            const Status s = store->commitBatch({claim}, {});
            if (!s.ok())
                noteError(s.error());
        }
    }
    for (const PageOutcome& o : batchOutcomes) {
        const Status s = store->commitBatch({}, {o});
        if (!s.ok())
            noteError(s.error());
        notify(o, s);
    }
}

void PageWriter::Impl::notify(const PageOutcome& outcome, const Status& status)
{
    if (!committed)
        return;
    try {
        committed(outcome, status);
    } catch (...) {
        // A throwing callback must not take the writer thread (and with it every later commit) down.
        noteError(makeError(ErrorCode::Internal, QStringLiteral("the page writer's callback threw an exception")));
    }
}

} // namespace incidoc
