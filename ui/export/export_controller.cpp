#include "ui/export/export_controller.h"

#include "core/pipeline/workplace.h"

#include <QMetaObject>

#include <mutex>
#include <optional>

namespace incidoc::ui {

/// The latest progress, handed from the core's writer thread to the GUI thread. The writer only
/// overwrites it; a queued call is posted only when none is pending, so a fast export never floods the
/// GUI event queue with one event per page.
struct ExportController::Mailbox {
    std::mutex mutex;
    ExportProgress latest;
    bool pending = false;

    /// Stores `p`; true when the caller must post a delivery.
    bool put(const ExportProgress& p)
    {
        std::lock_guard lock(mutex);
        latest = p;
        const bool post = !pending;
        pending = true;
        return post;
    }
    /// The progress stored since the last take(), if any.
    std::optional<ExportProgress> take()
    {
        std::lock_guard lock(mutex);
        if (!pending)
            return std::nullopt;
        pending = false;
        return latest;
    }
};

/// What the worker hands back: a value, never an exception (Result<T> has no default constructor,
/// so it is unpacked here).
struct ExportController::Outcome {
    std::optional<ExportReport> report;
    Error error;
};

ExportController::ExportController(std::shared_ptr<Workplace> workplace, QObject* parent)
    : QObject(parent), m_workplace(std::move(workplace))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("incidoc-export"));
}

ExportController::~ExportController()
{
    // The worker posts to `this`: it must be done before this object goes. Cancelling makes the core stop
    // within a page and remove its partial file.
    m_cancel.cancel();
    m_pool.waitForDone();
}

bool ExportController::start(const QString& projectPath, const QString& destination, const ExportOptions& requested)
{
    if (m_running)
        return false;
    ExportOptions options = requested;
    // Page images are rendered again for the bundle: isolated, in page hosts.
    if (!options.renderer)
        options.renderer = m_workplace;
    m_running = true;
    m_cancel = CancelToken{};
    m_mailbox = std::make_shared<Mailbox>();
    m_progress = ExportProgress{};
    const JobTracker::Generation generation = m_jobs.start();

    // Runs on the core's writer thread: store a copy and return at once. `this` outlives the run (the
    // destructor waits for the pool), so posting to it is safe; a posted call dies with it.
    auto progress = [this, mailbox = m_mailbox, generation](const ExportProgress& p) {
        if (mailbox->put(p))
            QMetaObject::invokeMethod(
                this, [this, generation] { deliverProgress(generation); }, Qt::QueuedConnection);
    };
    const CancelToken cancel = m_cancel;
    m_pool.start([this, projectPath, destination, options, cancel, progress, generation] {
        Outcome outcome;
        auto result = exportBundle(projectPath, destination, options, cancel, progress); // never throws
        if (result)
            outcome.report = std::move(result).value();
        else
            outcome.error = result.error();
        QMetaObject::invokeMethod(
            this, [this, generation, outcome] { onDone(generation, outcome); }, Qt::QueuedConnection);
    });
    Q_EMIT started();
    return true;
}

void ExportController::cancel()
{
    if (m_running)
        m_cancel.cancel();
}

void ExportController::deliverProgress(JobTracker::Generation generation)
{
    if (!m_jobs.isCurrent(generation) || !m_mailbox)
        return;
    if (auto p = m_mailbox->take()) {
        m_progress = *p;
        Q_EMIT progressChanged(m_progress);
    }
}

void ExportController::onDone(JobTracker::Generation generation, const Outcome& outcome)
{
    if (!m_jobs.isCurrent(generation))
        return;
    // The last progress (every phase complete) may still sit in the mailbox: show it before the outcome.
    if (auto p = m_mailbox ? m_mailbox->take() : std::nullopt) {
        m_progress = *p;
        Q_EMIT progressChanged(m_progress);
    }
    m_running = false;
    m_mailbox.reset();
    if (outcome.report)
        Q_EMIT finished(*outcome.report);
    else if (outcome.error.isCancelled())
        Q_EMIT cancelled();
    else
        Q_EMIT failed(outcome.error.message);
}

} // namespace incidoc::ui
