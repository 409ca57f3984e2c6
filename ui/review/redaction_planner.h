#pragma once
// What a redacted export of the open project would redact (core/redact/sensitive_finder.h), for the
// Redaction panel and the page view's redaction overlay. planRedaction reads the whole project, so it runs
// on a worker thread with a connection of its own (read-only); the plan comes back on the GUI thread as
// planReady. Changes to the project make the plan stale (staleChanged): its users ask for a new one with
// schedule() only while they show it, and several requests in a row make one run.
//
// Thread contract: GUI thread only (the worker gets the project's path, nothing else).

#include "core/redact/sensitive_finder.h"

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace incidoc::ui {

class ProjectSession;

class RedactionPlanner : public QObject {
    Q_OBJECT
public:
    explicit RedactionPlanner(ProjectSession* session, QObject* parent = nullptr);

    /// The newest plan (null before the first one came back).
    std::shared_ptr<const RedactionPlan> plan() const { return m_plan; }
    /// The error of the newest run ("" when it succeeded).
    QString error() const { return m_error; }
    /// True when the project changed since the plan was made (or there is none).
    bool isStale() const { return m_stale; }
    /// True while a run is under way.
    bool isRunning() const { return m_running; }
    /// Plans again after a short pause (several calls: one run).
    void schedule();
    /// Plans again now (a run under way: once more after it).
    void runNow();

Q_SIGNALS:
    /// A new plan (or error()) came back.
    void planReady();
    /// The project changed: the plan is stale.
    void staleChanged();

private:
    void markStale();

    ProjectSession* m_session;
    QString m_path;
    QTimer* m_debounce;
    std::shared_ptr<const RedactionPlan> m_plan;
    QString m_error;
    bool m_stale = true;
    bool m_running = false;
    bool m_again = false;
};

} // namespace incidoc::ui
