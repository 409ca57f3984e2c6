#include "ui/controllers/watch_controller.h"

#include "core/storage/project_store.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"

#include <QDir>
#include <QFileInfo>

namespace incidoc::ui {

WatchController::WatchController(ProjectSession* session, PipelineController* pipeline,
                                 std::shared_ptr<FileInspector> inspector, QObject* parent)
    : QObject(parent), m_session(session), m_pipeline(pipeline), m_inspector(std::move(inspector))
{
    m_thread.setObjectName(QStringLiteral("watch folders"));
}

WatchController::~WatchController()
{
    stop();
}

QStringList WatchController::projectFolders() const
{
    const auto value = m_session->store().meta(QString::fromLatin1(kWatchFoldersKey));
    if (!value || !value->has_value())
        return {};
    QStringList folders;
    for (const QString& line : (*value)->split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            folders << line.trimmed();
    return folders;
}

bool WatchController::setProjectFolders(const QStringList& folders)
{
    QStringList clean;
    for (const QString& f : folders)
        if (!f.trimmed().isEmpty())
            clean << QDir::cleanPath(QFileInfo(f.trimmed()).absoluteFilePath());
    if (const Status saved =
            m_session->store().setMeta(QString::fromLatin1(kWatchFoldersKey), clean.join(QLatin1Char('\n')));
        !saved) {
        Q_EMIT errorOccurred(tr("The watched folders could not be saved: %1").arg(saved.error().message));
        return false;
    }
    start();
    return true;
}

void WatchController::setTimings(int stableForMs, int rescanSeconds)
{
    m_stableForMs = stableForMs;
    m_rescanSeconds = rescanSeconds;
}

void WatchController::start()
{
    stop();
    if (!m_pipeline || m_session->isReadOnly())
        return;
    const QStringList folders = projectFolders();
    if (folders.isEmpty())
        return;
    FolderWatchOptions options;
    options.folders = folders;
    options.stableForMs = m_stableForMs;
    options.rescanSeconds = m_rescanSeconds;
    options.registration.inspector = m_inspector;
    m_watcher = new FolderWatcher(m_session->path(), options);
    m_watcher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_watcher, &QObject::deleteLater);
    connect(m_watcher, &FolderWatcher::fileSettled, this, [this](const ImportedFile& f) {
        switch (f.outcome) {
        case ImportedFile::Outcome::Added:
            Q_EMIT statusMessage(tr("Watched folder: %1 imported").arg(QFileInfo(f.path).fileName()));
            break;
        case ImportedFile::Outcome::Duplicate:
            Q_EMIT statusMessage(tr("Watched folder: %1 is already in the project").arg(QFileInfo(f.path).fileName()));
            break;
        case ImportedFile::Outcome::Failed:
            Q_EMIT statusMessage(
                tr("Watched folder: %1 could not be imported: %2").arg(QFileInfo(f.path).fileName(), f.error));
            break;
        }
    });
    connect(m_watcher, &FolderWatcher::batchRegistered, this, [this](int added) {
        if (added == 0)
            return;
        m_session->notifyDocumentsChanged();
        m_pipeline->resumeQueued();
    });
    connect(
        m_watcher, &FolderWatcher::problem, this,
        [this](FolderWatcher::Problem problem, const QString& folder, const QString&) {
            switch (problem) {
            case FolderWatcher::Problem::Missing:
                Q_EMIT statusMessage(tr("Watched folder %1 is missing; it is watched for again").arg(folder));
                break;
            case FolderWatcher::Problem::Unreadable:
                Q_EMIT statusMessage(tr("Watched folder %1 cannot be read").arg(folder));
                break;
            case FolderWatcher::Problem::Unresolvable:
                Q_EMIT statusMessage(
                    tr("Watched folder %1 cannot be resolved (a symbolic link loop or a link to nothing)").arg(folder));
                break;
            }
        });
    connect(m_watcher, &FolderWatcher::problemCleared, this,
            [this](const QString& folder) { Q_EMIT statusMessage(tr("Watched folder %1 is back").arg(folder)); });
    m_thread.start();
    FolderWatcher* watcher = m_watcher;
    QMetaObject::invokeMethod(watcher, [this, watcher] {
        const Status started = watcher->start();
        if (!started) {
            const QString message = started.error().message;
            QMetaObject::invokeMethod(this, [this, message] {
                Q_EMIT errorOccurred(tr("The watched folders cannot be watched: %1").arg(message));
            });
        }
    });
}

void WatchController::stop()
{
    if (!m_watcher)
        return;
    FolderWatcher* watcher = m_watcher;
    m_watcher = nullptr;
    disconnect(watcher, nullptr, this, nullptr);
    QMetaObject::invokeMethod(watcher, [watcher] { watcher->stop(); });
    m_thread.quit(); // the watcher is deleted on its thread once the loop ends
    m_thread.wait();
}

} // namespace incidoc::ui
