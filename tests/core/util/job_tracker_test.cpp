// JobTracker: a result is current only while nothing newer was started or invalidated, and stamps
// taken from many threads at once are all different.
#include "core/util/job_tracker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

using namespace incidoc;

TEST(JobTrackerTest, OnlyTheLatestRequestIsCurrent)
{
    JobTracker jobs;
    EXPECT_EQ(jobs.current(), 0);
    const auto first = jobs.start();
    EXPECT_TRUE(jobs.isCurrent(first));
    const auto second = jobs.start();
    EXPECT_FALSE(jobs.isCurrent(first)); // the page the user left: its render is dropped
    EXPECT_TRUE(jobs.isCurrent(second));
    EXPECT_EQ(jobs.current(), second);
}

TEST(JobTrackerTest, InvalidateMakesEverythingInFlightStale)
{
    JobTracker jobs;
    const auto stamp = jobs.start();
    jobs.invalidate();
    EXPECT_FALSE(jobs.isCurrent(stamp));
    EXPECT_TRUE(jobs.isCurrent(jobs.current())); // a request stamped with current() after it matters
    const auto next = jobs.start();
    EXPECT_NE(next, stamp);
    EXPECT_TRUE(jobs.isCurrent(next));
}

TEST(JobTrackerTest, StampsFromManyThreadsAreAllDifferent)
{
    JobTracker jobs;
    constexpr int kThreads = 8, kEach = 10'000;
    std::vector<std::vector<JobTracker::Generation>> stamps(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&jobs, &mine = stamps[t]] {
            for (int i = 0; i < kEach; ++i)
                mine.push_back(jobs.start());
        });
    for (auto& t : threads)
        t.join();
    std::vector<JobTracker::Generation> all;
    for (const auto& s : stamps)
        all.insert(all.end(), s.begin(), s.end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());
    EXPECT_EQ(jobs.current(), JobTracker::Generation(kThreads) * kEach);
    EXPECT_TRUE(jobs.isCurrent(all.back()));
}
