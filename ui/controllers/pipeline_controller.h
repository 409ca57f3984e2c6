#pragma once
// Runs the core pipeline for the open project in the background: imports files and folders, feeds
// queued pages to a Pipeline, puts the page the user looks at first, pauses, resumes and cancels, and
// tells the session about every page as soon as it is committed, so pages appear as they finish.
// With OCR workers set, a run first connects to them on a worker thread (never the GUI thread: a dead
// fleet costs the connect timeout) and keeps the connected cluster for later runs.
//
// Thread contract: GUI thread only. Pipeline progress arrives on the writer thread and is forwarded
// with a queued call; workers capture only values (paths, options), never this object's state.

#include "core/import/file_registration.h"
#include "core/pipeline/pipeline.h"
#include "core/remote/remote_engine.h"
#include "core/storage/project_store.h"
#include "core/util/job_tracker.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

namespace incidoc::ui {

class ProjectSession;

class PipelineController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused };
    Q_ENUM(State)

    /// `session` must outlive the controller. A read-only session gets no pipeline. `workplace`: where
    /// files are opened and pages processed (main()'s; page hosts in the app).
    PipelineController(ProjectSession* session, std::shared_ptr<Workplace> workplace, QObject* parent = nullptr);
    ~PipelineController() override; ///< cancels and waits for the pipeline (pages in flight stay queued)

    /// Options for the next run (a running pipeline keeps its own until it is restarted).
    void setOptions(const PipelineOptions& options);
    /// OCR workers for the next run (`workers` empty: OCR on this computer, as without this call). A run
    /// connects first, on a worker thread, then processes its pages on the workers with as many pages in
    /// flight as they have threads (unless the options set jobs). No worker reachable: with fallback
    /// Local the run goes on here (statusMessage), otherwise errorOccurred and the pages stay queued.
    /// The connected cluster is reused while these options and the run's languages stay the same.
    void setRemoteOptions(const RemoteOptions& options);
    /// A run waits for the connection to the workers.
    bool isConnecting() const { return m_connecting; }
    /// The workers the last run connected to (null: none yet, local OCR, or dropped after a stop).
    std::shared_ptr<RemoteCluster> cluster() const { return m_cluster; }

    /// Registers files/folders on a worker thread, then processes their pages. Emits importFinished.
    void importPaths(const QStringList& paths);
    bool isImporting() const { return m_importing > 0; }
    /// Queued pages (and pages a killed run left processing) are processed: call after opening.
    void resumeQueued();
    /// Pages another connection queued (a watcher that could not process them because this app holds the
    /// project's processing lock) join the run, but only while this app holds a pipeline: this never
    /// creates one (the other process may be processing them). Not while paused.
    void pickUpQueued();
    /// Processes this page before the others still waiting.
    void prioritize(PageId page);
    /// Processes a page again with the current options; words a person edited are kept by the store.
    void reprocessPage(PageId page);
    /// Processes a page again, first and alone, with other languages and render DPI than the project's
    /// (`process`: the rest of the options stay the current ones); then the pages still waiting go on
    /// with the usual options. A page that has words a person edited or drew keeps its DPI (those words
    /// are in its pixel grid). Words a person edited are kept by the store.
    void reprocessPage(PageId page, const QString& languages, int dpi);
    /// After a document's type or a type's profile changed (ProjectStore::setDocumentType, setTypeProfile):
    /// the done pages of `scope` whose options now differ are processed again with their type's profile
    /// (requeueForProfiles with the current options), words a person edited or drew kept. Paused: they
    /// wait, queued, for resume(). Returns how many pages go again.
    int reprocessForProfiles(const ProfileScope& scope);
    /// A document that failed to import is imported again; its failed pages are processed again.
    void retryFailed(DocumentId document);

    void pause();
    void resume();
    /// Stops processing; pages not processed stay queued in the project for later.
    void cancel();

    State state() const;
    int pagesDone() const { return m_done; }
    int pagesTotal() const { return m_total; }
    double pagesPerSecond() const;

Q_SIGNALS:
    void stateChanged(incidoc::ui::PipelineController::State state);
    void progressChanged(int done, int total, double pagesPerSecond);
    void pageProcessed(incidoc::PageId page, incidoc::DocumentId document, bool ok);
    /// A user-readable summary ("2 files added, 1 failed: …").
    void importFinished(const QString& summary, int added, int failed);
    void errorOccurred(const QString& message);
    /// Something worth a line in the status bar that is not an error ("OCR on 2 worker(s) …").
    void statusMessage(const QString& message);

private:
    /// Where the run is. What the app shows (State) follows from it: Starting and Processing are Running.
    /// A connection to the workers (m_connecting) and the teardown of a stopped pipeline (m_stopping) are
    /// background tasks, not phases: either can finish in any phase, and the phase says what then happens.
    enum class Phase {
        Idle,       ///< no run: nothing processes, nothing waits to start
        Starting,   ///< a run waits to start until the last pipeline is torn down or the workers are connected
        Processing, ///< a run is processing (its pipeline, if any, runs; a one-off page may run alone)
        Paused,     ///< the run waits for resume(); its pages stay queued in the project
    };

    /// `leadAlone`: the first job (or the page the user looks at) runs first and alone; the pipeline
    /// holds the others back until it is committed, so the first page's boxes do not wait for a core.
    void enqueue(const std::vector<PageJob>& jobs, bool leadAlone = false);
    /// Hands the pages queued in the project and those deferred here to the pipeline.
    void enqueueWaiting();
    std::optional<PageJob> jobForPage(PageId page);
    bool ensurePipeline();
    void stopPipeline(bool keepQueue);
    void onProgress(const PageProgress& progress, JobTracker::Generation generation);
    void setState(State state);
    /// The run starts once the last pipeline is torn down or the workers are connected (while Running).
    void startWhenReady();
    /// The run waiting to start is starting now (or was dropped): it no longer waits.
    void startingNow();
    void finishStopping();
    void startOneOff();
    bool waitsForOneOff() const { return m_oneOff.has_value(); }
    /// A previous pipeline is still being torn down, or a connection to the workers is being made.
    bool waitsForStart() const { return (m_stopping.isValid() && !m_stopping.isFinished()) || m_connecting; }
    /// Identifies a connection: the remote options and the languages it was checked for.
    QString clusterKey(const QString& languages) const;
    void connectCluster(const QString& key, const QString& languages);
    void onConnected(const QString& key, const std::shared_ptr<RemoteCluster>& cluster, const Error& error);
    void startAfterConnect();
    /// The run waiting to start is dropped (its pages stay queued in the project).
    void abandonRun();
    /// The workers could not be reached in the middle of run `generation` (fallback Stop).
    void onWorkersUnavailable(JobTracker::Generation generation);

    ProjectSession* m_session;
    std::shared_ptr<Workplace> m_workplace;
    PipelineOptions m_options;
    std::unique_ptr<Pipeline> m_pipeline;
    JobTracker m_pipelines;            ///< stamps each pipeline; an older one's progress is still real (committed)
    QFuture<PipelineStats> m_stopping; ///< a pipeline being torn down on a worker thread
    bool m_resumeWhenStarted = false;  ///< the waiting run also takes every page queued in the project
    RemoteOptions m_remote;
    std::shared_ptr<RemoteCluster> m_cluster;
    QString m_clusterKey; ///< what m_cluster was connected with
    QString m_localKey;   ///< no worker reachable for these, fallback Local: until Idle, OCR here
    bool m_connecting = false;
    struct RunPages {
        std::unordered_set<PageId> all, done; ///< pages of this run, and those already reported
    } m_run;
    std::vector<PageJob> m_deferred; ///< jobs that arrived while a pipeline was being torn down
    struct OneOff {
        PageJob job;
        ProcessOptions options;
        JobTracker::Generation generation = 0; ///< the pipeline it was handed to (0: not yet)
    };
    /// A page to process alone with other options (re-OCR with settings): Pipeline::runAlone once a
    /// pipeline runs, until it is committed.
    std::optional<OneOff> m_oneOff;
    PageId m_viewed = 0; ///< the page the user looks at (prioritize; the lead of a run)
    Phase m_phase = Phase::Idle;
    int m_done = 0, m_total = 0;
    int m_importing = 0;
    QElapsedTimer m_clock;
    double m_activeSeconds = 0;
};

} // namespace incidoc::ui
