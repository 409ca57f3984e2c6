// The pipeline's scheduling on scanned PDFs, with real Poppler, real Tesseract and a real project file: a
// lead page runs first and alone while the others are held back, the page asked for goes first once they
// are released, and a one-off page runs alone with options of its own while the queue waits.
#include "core/import/file_registration.h"
#include "core/pipeline/pipeline.h"
#include "core/storage/project_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "tests/support/pdf_factory.h"
#include "tests/support/temp_project.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

using Project = TempProject;

/// `pages` scanned pages of a few lines each (Tesseract reads one in about a second), registered.
std::vector<PageJob> scannedJobs(Project& p, int pages)
{
    std::vector<GeneratedPage> content;
    for (int i = 0; i < pages; ++i)
        content.push_back(GeneratedPage{{QStringLiteral("Officer Jane Morrow filed report %1").arg(i + 1),
                                         QStringLiteral("Incident at Harbor Street and Fifth Avenue")}});
    const QString pdf = p.dir.filePath(QStringLiteral("scan.pdf"));
    EXPECT_TRUE(writeScannedPdf(pdf, content, 200));
    auto store = p.store();
    EXPECT_TRUE(registerFiles(*store, {pdf}).storage.ok());
    auto jobs = store->jobs(PageStatus::Queued);
    EXPECT_TRUE(jobs.ok());
    return jobs ? *jobs : std::vector<PageJob>{};
}

/// What happened, in order: a page started (onPageInFlight) or was committed (progress).
struct Events {
    enum Kind { Start, Commit };
    struct Event {
        Kind kind;
        PageId page;
    };
    std::mutex mutex;
    std::vector<Event> list;
    int inFlight = 0, maxInFlight = 0;

    void add(Kind kind, PageId page)
    {
        std::lock_guard guard(mutex);
        list.push_back({kind, page});
    }
    /// Pages that started between the start and the commit of `page` (other than itself).
    int startedWhileRunning(PageId page)
    {
        std::lock_guard guard(mutex);
        bool running = false;
        int others = 0;
        for (const auto& e : list) {
            if (e.page == page)
                running = e.kind == Start;
            else if (running && e.kind == Start)
                ++others;
        }
        return others;
    }
    /// Pages started before `page` was started.
    int startedBefore(PageId page)
    {
        std::lock_guard guard(mutex);
        int n = 0;
        for (const auto& e : list) {
            if (e.kind != Start)
                continue;
            if (e.page == page)
                return n;
            ++n;
        }
        return -1;
    }
    std::vector<PageId> commits()
    {
        std::lock_guard guard(mutex);
        std::vector<PageId> out;
        for (const auto& e : list)
            if (e.kind == Commit)
                out.push_back(e.page);
        return out;
    }
    /// Pages in flight (started, not yet committed) at the moment `page` was started.
    int inFlightAtStartOf(PageId page)
    {
        std::lock_guard guard(mutex);
        std::vector<PageId> running;
        for (const auto& e : list) {
            if (e.kind == Start && e.page == page)
                return static_cast<int>(running.size());
            if (e.kind == Start)
                running.push_back(e.page);
            else
                running.erase(std::remove(running.begin(), running.end(), e.page), running.end());
        }
        return -1;
    }
};

std::unique_ptr<Pipeline> makePipeline(Project& p, Events& events, int jobs)
{
    PipelineOptions options;
    options.jobs = jobs;
    options.onPageInFlight = [&events](const PageJob& job, bool inFlight) {
        if (inFlight)
            events.add(Events::Start, job.pageId);
    };
    auto made = Pipeline::create(p.path(), options,
                                 [&events](const PageProgress& pg) { events.add(Events::Commit, pg.pageId); });
    EXPECT_TRUE(made.ok()) << (made ? "" : qPrintable(made.error().message));
    return made ? std::move(made).value() : nullptr;
}

int storedDpi(Project& p, PageId page)
{
    auto store = p.store();
    for (const auto& record : *store->pages(store->documents()->front().id))
        if (record.id == page)
            return record.dpi;
    return -1;
}

} // namespace

TEST(PipelineScheduling, TheLeadPageRunsFirstAndAloneThenTheOthersInParallel)
{
    Project p;
    const auto jobs = scannedJobs(p, 5);
    ASSERT_EQ(jobs.size(), 5u);
    Events events;
    auto pipeline = makePipeline(p, events, 3);
    ASSERT_TRUE(pipeline);
    const PageId lead = jobs[2].pageId; // the page someone looks at
    pipeline->enqueue({jobs.begin(), jobs.begin() + 4}, EnqueueOptions{true, lead});
    pipeline->enqueue({jobs[4]}); // comes while the lead runs: held back too
    const auto stats = pipeline->wait();
    EXPECT_EQ(stats.queued, 5);
    EXPECT_EQ(stats.done, 5);
    EXPECT_EQ(events.startedBefore(lead), 0);
    EXPECT_EQ(events.startedWhileRunning(lead), 0);
    ASSERT_FALSE(events.commits().empty());
    EXPECT_EQ(events.commits().front(), lead);
    // Released, the held pages share the cores again.
    int parallel = 0;
    for (const auto& job : jobs)
        parallel = std::max(parallel, events.inFlightAtStartOf(job.pageId));
    EXPECT_GE(parallel, 1);
    auto store = p.store();
    EXPECT_EQ(store->summary()->done, 5);
}

TEST(PipelineScheduling, WithoutLeadEveryPageStartsAtOnce)
{
    Project p;
    const auto jobs = scannedJobs(p, 3);
    Events events;
    auto pipeline = makePipeline(p, events, 3);
    ASSERT_TRUE(pipeline);
    pipeline->enqueue(jobs);
    EXPECT_EQ(pipeline->wait().done, 3);
    int parallel = 0;
    for (const auto& job : jobs)
        parallel = std::max(parallel, events.inFlightAtStartOf(job.pageId));
    EXPECT_EQ(parallel, 2);
}

TEST(PipelineScheduling, TheAskedForPageGoesFirstWhenTheHeldPagesAreReleased)
{
    Project p;
    const auto jobs = scannedJobs(p, 5);
    Events events;
    auto pipeline = makePipeline(p, events, 1);
    ASSERT_TRUE(pipeline);
    pipeline->enqueue(jobs, EnqueueOptions{true, 0}); // no page looked at: the first leads
    pipeline->prioritize(jobs.back().pageId);         // asked for while the lead runs
    EXPECT_EQ(pipeline->wait().done, 5);
    const auto commits = events.commits();
    ASSERT_EQ(commits.size(), 5u);
    EXPECT_EQ(commits[0], jobs[0].pageId);
    EXPECT_EQ(commits[1], jobs.back().pageId);
}

TEST(PipelineScheduling, AOneOffRunsAloneWithItsOwnOptionsWhileTheQueueWaits)
{
    Project p;
    const auto jobs = scannedJobs(p, 5);
    Events events;
    auto pipeline = makePipeline(p, events, 2);
    ASSERT_TRUE(pipeline);
    pipeline->enqueue(jobs); // two start at once, three wait
    const PageId oneOff = jobs[3].pageId;
    ProcessOptions other;
    other.render.dpi = 150;
    pipeline->runAlone(jobs[3], other); // taken out of the queue: processed once, alone, at 150 dpi
    const auto stats = pipeline->wait();
    EXPECT_EQ(stats.queued, 5);
    EXPECT_EQ(stats.done, 5);
    EXPECT_EQ(events.inFlightAtStartOf(oneOff), 0);
    EXPECT_EQ(events.startedWhileRunning(oneOff), 0);
    EXPECT_EQ(events.startedBefore(oneOff), 2); // right after the pages in flight
    const auto commits = events.commits();
    EXPECT_EQ(std::count(commits.begin(), commits.end(), oneOff), 1);
    EXPECT_EQ(storedDpi(p, oneOff), 150);
    for (const auto& job : jobs) {
        if (job.pageId != oneOff) {
            EXPECT_EQ(storedDpi(p, job.pageId), 300) << job.number;
        }
    }
}

TEST(PipelineScheduling, AOneOffStillWaitingIsReplacedAndItsPageGoesBackToTheQueue)
{
    Project p;
    const auto jobs = scannedJobs(p, 4);
    Events events;
    auto pipeline = makePipeline(p, events, 2);
    ASSERT_TRUE(pipeline);
    pipeline->enqueue({jobs[0], jobs[1]}); // in flight: the one-offs wait for them
    ProcessOptions first, second;
    first.render.dpi = 150;
    second.render.dpi = 100;
    pipeline->runAlone(jobs[2], first);
    pipeline->runAlone(jobs[3], second);
    const auto stats = pipeline->wait();
    EXPECT_EQ(stats.queued, 4);
    EXPECT_EQ(stats.done, 4);
    EXPECT_EQ(events.startedWhileRunning(jobs[3].pageId), 0);
    EXPECT_EQ(storedDpi(p, jobs[3].pageId), 100);
    EXPECT_EQ(storedDpi(p, jobs[2].pageId), 300); // back in the queue, with the usual options
}

TEST(PipelineScheduling, CancelDropsHeldPagesAndAWaitingOneOffAndKeepsThemQueued)
{
    Project p;
    const auto jobs = scannedJobs(p, 5);
    Events events;
    auto pipeline = makePipeline(p, events, 2);
    ASSERT_TRUE(pipeline);
    pipeline->enqueue({jobs.begin(), jobs.begin() + 4}, EnqueueOptions{true, 0});
    ProcessOptions other;
    other.render.dpi = 150;
    pipeline->runAlone(jobs[4], other);
    pipeline->cancel();
    const auto stats = pipeline->wait();
    EXPECT_EQ(stats.queued, 5);
    EXPECT_EQ(stats.done + stats.failed + stats.cancelled, 5);
    pipeline.reset();
    auto store = p.store();
    const auto s = *store->summary();
    EXPECT_EQ(s.processing, 0);
    EXPECT_EQ(s.queued, 5 - stats.done - stats.failed);
}
