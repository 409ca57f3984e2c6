// Helper process for page_writer_test: writes page outcomes through a PageWriter in a process of its
// own, so the test can kill it mid-run or let it run out of disk space.
//
//   storage_writer_helper write <project>     claim and store every queued page, printing
//                                             "committed N" after each commit, until killed or done
//   storage_writer_helper diskfull <project>  the same under a file size limit just above the current
//                                             files: prints "error: <message>" for the first failure;
//                                             exit 0 when that message says "disk full"
#include "core/storage/page_writer.h"
#include "core/storage/project_store.h"

#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <mutex>

#include <sys/resource.h>

#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

std::mutex g_printMutex;

void say(const QString& line)
{
    std::lock_guard lock(g_printMutex);
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3)
        return 64;
    const QString mode = QString::fromLocal8Bit(argv[1]);
    const QString path = QString::fromLocal8Bit(argv[2]);

    std::vector<PageJob> jobs;
    {
        auto store = ProjectStore::open(path);
        if (!store) {
            say("error: " + store.error().message);
            return 3;
        }
        auto queued = (*store)->jobs(PageStatus::Queued);
        if (!queued) {
            say("error: " + queued.error().message);
            return 3;
        }
        jobs = std::move(*queued);
    }

    const bool diskFull = mode == QLatin1String("diskfull");
    std::atomic<int> committed{0};
    std::atomic<bool> failed{false};
    auto writer = PageWriter::start(path, [&](const PageOutcome&, const Status& status) {
        if (!status.ok()) {
            if (!failed.exchange(true))
                say("error: " + status.error().message);
            return;
        }
        say(QStringLiteral("committed %1").arg(++committed));
    });
    if (!writer) {
        say("error: " + writer.error().message);
        return 3;
    }

    constexpr std::size_t kBeforeLimit = 5;
    if (diskFull) {
        // Some pages committed first, so the test can check they survive the failure.
        for (std::size_t i = 0; i < std::min(kBeforeLimit, jobs.size()); ++i)
            (*writer)->submit(test::doneOutcome(jobs[i].pageId, 300, static_cast<int>(i)));
        if (!(*writer)->flush().ok())
            return 3;
        // A file size limit just above what exists now: the WAL soon cannot grow, as on a full disk.
        // SIGXFSZ would kill us; ignored, the write fails with EFBIG / a short write instead.
        std::signal(SIGXFSZ, SIG_IGN);
        const qint64 limit = std::max(QFileInfo(path).size(), QFileInfo(path + "-wal").size()) + 256 * 1024;
        rlimit rl{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            return 4;
    }

    constexpr std::size_t kClaimAhead = 8;
    for (std::size_t i = diskFull ? kBeforeLimit : 0; i < jobs.size() && !failed; ++i) {
        // Claims run a little ahead of the outcomes, as in the pipeline: a kill leaves some pages
        // `processing` without their outcome.
        if (i % kClaimAhead == 0)
            for (std::size_t k = i; k < std::min(jobs.size(), i + kClaimAhead); ++k)
                (*writer)->markProcessing(jobs[k].pageId);
        const PageId page = jobs[i].pageId;
        const int words = diskFull ? 300 : test::wordsForPage(page);
        (*writer)->submit(test::doneOutcome(page, words, static_cast<int>(page)));
    }
    const Status flushed = (*writer)->flush();
    if (diskFull) {
        if (flushed.ok()) {
            say("error: none (the size limit was never reached)");
            return 2;
        }
        say("flush: " + flushed.error().message);
        writer->reset(); // the destructor must not hang or crash after the failure
        return flushed.error().message.startsWith(QLatin1String("disk full")) ? 0 : 2;
    }
    say(QStringLiteral("finished %1").arg(committed.load()));
    return flushed.ok() ? 0 : 1;
}
