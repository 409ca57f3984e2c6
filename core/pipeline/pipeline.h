#pragma once
// The pipeline: runs pages through page_processor on a QThreadPool it owns, with a bounded number in
// flight, a priority lane for the page an annotator looks at, cancel, and progress as it happens.
// Results go to the project's single PageWriter; progress is reported after they are committed.
// Scheduling shared by the app and the CLI: a lead page that runs first and alone while the others are
// held back (EnqueueOptions), and a one-off page processed alone with options of its own (runAlone).

#include "core/model/records.h"
#include "core/ocr/engine_pool.h"
#include "core/pipeline/page_processor.h"
#include "core/pipeline/workplace.h"
#include "core/remote/remote_options.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace incidoc {

struct PipelineOptions {
    int jobs = 0; ///< pages in parallel; 0: the number of cores
    ProcessOptions process;
    /// Where pages are processed (the app: page hosts, so a page that crashes or hangs Poppler or
    /// Tesseract fails alone); null: in this process, with engines leased from `engines`.
    std::shared_ptr<Workplace> workplace;
    /// The OCR engines of the in-process workplace; null: a pool of this pipeline's own.
    std::shared_ptr<EnginePool> engines;
    /// OCR on these workers instead of the workplace's own engines.
    std::optional<RemoteOptions> remote;
    /// Called once, on a pool thread, when the run stops by itself because the OCR engine cannot be
    /// reached (no worker answers and the fallback is "stop"); PipelineStats::stopped says it too.
    std::function<void(const Error& why)> onStopped;
    /// Called on the pool thread right before a page starts (true) and once it is finished or
    /// abandoned (false), before its result is queued for storage: the pages in flight at any moment
    /// (the project learns of them later, in batches).
    std::function<void(const PageJob& job, bool inFlight)> onPageInFlight;
    /// Called on the pool thread when a page processed in this process (not in a page host) enters a
    /// phase (page hosts hold each phase to its own budget by themselves).
    std::function<void(const PageJob& job, PagePhase phase)> onPagePhase;
};

/// What happened to one page, reported once its outcome is committed to the project.
struct PageProgress {
    PageId pageId = 0;
    DocumentId documentId = 0;
    int number = 0;
    PageStatus status = PageStatus::Done;
    PageKind kind = PageKind::Unknown;
    QString error;
    FailureKind failure = FailureKind::None; ///< Failed: what kind of failure (as stored)
    int words = 0;
    PageTimings timings;
    int documentDone = 0;  ///< pages of this document finished in this run (done or failed)
    int documentTotal = 0; ///< pages of this document in this run
};

struct PipelineStats {
    int queued = 0; ///< pages handed to the pipeline
    int done = 0;
    int failed = 0;
    int cancelled = 0; ///< not processed (cancel): they stay queued in the project
    long long words = 0;
    double seconds = 0;
    Status storage = okStatus(); ///< the first storage error, if any
    /// Why the run stopped by itself (no OCR worker reachable): the pages not done stay queued.
    Status stopped = okStatus();
};

/// How enqueue() starts the pages it is given.
struct EnqueueOptions {
    /// The lead page runs first and alone; the others (and pages enqueued meanwhile) are held back until
    /// it is committed, so the page someone waits for does not share the cores (pages already in flight
    /// finish beside it). Only when nothing is held already and more than one new page comes.
    bool leadAlone = false;
    /// The lead (the page someone looks at); 0 or not among the new pages: the first new page.
    PageId leadPage = 0;
};

/// Thread contract: all public functions are thread-safe. The progress callback runs on the writer
/// thread: it must be quick and must not call back into the pipeline's wait().
class Pipeline {
public:
    using ProgressFn = std::function<void(const PageProgress&)>;

    /// Opens the project for writing, takes the project's processing lock (one processing run per
    /// project at a time: "project is being processed by another Incidoc process (pid N)"), and puts
    /// pages a killed run left `processing` back in the queue.
    static Result<std::unique_ptr<Pipeline>> create(const QString& projectPath, PipelineOptions options,
                                                    ProgressFn progress = {});
    ~Pipeline(); ///< cancels what is left and waits

    /// Adds pages to the queue (in order). Pages already queued or in flight are not added twice.
    void enqueue(const std::vector<PageJob>& jobs, const EnqueueOptions& how = {});
    /// Moves a queued (or held) page to the front: the page an annotator is looking at is processed
    /// next; pages held behind a lead are released with this one first.
    void prioritize(PageId page);
    /// Processes `job` alone with `options` instead of PipelineOptions::process (a page read again with
    /// other languages or DPI): it starts once the pages in flight are committed, and no other page
    /// starts until it is committed. Taken out of the queue if it waits there. A one-off still waiting
    /// for its turn is replaced: its page goes back to the front of the queue, with the usual options.
    void runAlone(const PageJob& job, const ProcessOptions& options);
    /// Stops promptly: no new pages start; pages in flight are abandoned (they stay queued); pages
    /// already committed are kept.
    void cancel();
    CancelToken cancelToken() const;
    /// Blocks until every enqueued page is finished (or cancelled) and committed.
    PipelineStats wait();

private:
    struct Impl;
    explicit Pipeline(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc
