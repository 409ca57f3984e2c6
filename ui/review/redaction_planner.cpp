#include "ui/review/redaction_planner.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

namespace incidoc::ui {
namespace {

constexpr int kDebounceMs = 600;

Result<RedactionPlan> planOnWorker(const QString& path)
{
    auto store = ProjectStore::open(path, OpenMode::ReadOnly);
    if (!store)
        return store.error();
    return planRedaction(**store);
}

} // namespace

RedactionPlanner::RedactionPlanner(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_path(session->path()), m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &RedactionPlanner::runNow);
    connect(session, &ProjectSession::redactionChanged, this, &RedactionPlanner::markStale);
    connect(session, &ProjectSession::formChanged, this, &RedactionPlanner::markStale);
    connect(session, &ProjectSession::wordsChanged, this, &RedactionPlanner::markStale);
    connect(session, &ProjectSession::pageChanged, this, &RedactionPlanner::markStale);
    connect(session, &ProjectSession::documentsChanged, this, &RedactionPlanner::markStale);
    connect(session, &ProjectSession::labelsChanged, this, &RedactionPlanner::markStale);
    connect(session, &ProjectSession::changedElsewhere, this, &RedactionPlanner::markStale);
}

void RedactionPlanner::markStale()
{
    m_stale = true;
    Q_EMIT staleChanged();
}

void RedactionPlanner::schedule()
{
    m_debounce->start();
}

void RedactionPlanner::runNow()
{
    m_debounce->stop();
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    m_stale = false;
    auto* watcher = new QFutureWatcher<Result<RedactionPlan>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        Result<RedactionPlan> result = watcher->result();
        m_running = false;
        if (result) {
            m_plan = std::make_shared<const RedactionPlan>(std::move(*result));
            m_error.clear();
        } else {
            m_error = result.error().message;
        }
        if (m_again)
            runNow();
        else
            Q_EMIT planReady();
    });
    watcher->setFuture(QtConcurrent::run(planOnWorker, m_path));
}

} // namespace incidoc::ui
