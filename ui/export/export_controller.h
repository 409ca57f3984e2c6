#pragma once
// Runs one export of a project's bundle (core/export/bundle_export.h) in the background for the GUI:
// exportBundle() runs on a thread of a pool this object owns (it blocks until the ZIP is written and
// opens its own read-only connection, so the GUI thread keeps editing the project meanwhile). Progress
// comes back coalesced through queued invocations; the outcome is one of finished / failed / cancelled.
//
// Thread contract: GUI thread only (create, start, cancel, destroy on the thread that owns it). The
// worker captures only values (paths, options, the cancel token), never this object's state.

#include "core/export/bundle_export.h"
#include "core/util/cancel_token.h"
#include "core/util/job_tracker.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

class ExportController : public QObject {
    Q_OBJECT
public:
    /// Page images for the bundle are rendered by `workplace` (in page hosts when the app runs isolated).
    explicit ExportController(std::shared_ptr<Workplace> workplace, QObject* parent = nullptr);
    /// Cancels a running export and waits for it: the core removes its partial file, and no signal is
    /// emitted afterwards.
    ~ExportController() override;

    /// Starts writing the bundle of `projectPath` to `destination`. False (and nothing started) when an
    /// export is already running.
    bool start(const QString& projectPath, const QString& destination, const ExportOptions& options);
    /// Asks the running export to stop; cancelled() follows (or finished() if it was already complete).
    void cancel();
    bool isRunning() const { return m_running; }
    /// The latest progress of the running (or last) export.
    const ExportProgress& progress() const { return m_progress; }

Q_SIGNALS:
    void started();
    /// A newer snapshot of the progress (at most one per event-loop turn, whatever the writer's pace).
    void progressChanged(const incidoc::ExportProgress& progress);
    /// The bundle is complete at report.path.
    void finished(const incidoc::ExportReport& report);
    /// The core's message ("cannot write /x/y.zip: Permission denied"); nothing was left at the destination.
    void failed(const QString& message);
    /// The user stopped it; nothing was left at the destination and an older file there is untouched.
    void cancelled();

private:
    struct Mailbox;
    struct Outcome;
    void deliverProgress(JobTracker::Generation generation);
    void onDone(JobTracker::Generation generation, const Outcome& outcome);

    QThreadPool m_pool; ///< one thread: runs exportBundle(), which has its own page pool
    std::shared_ptr<Workplace> m_workplace;
    CancelToken m_cancel;
    std::shared_ptr<Mailbox> m_mailbox;
    JobTracker m_jobs; ///< stamps each run; late events of an older run are dropped
    bool m_running = false;
    ExportProgress m_progress;
};

} // namespace incidoc::ui
