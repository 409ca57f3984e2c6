#pragma once
// The app's Watch folders: a FolderWatcher (core/import/folder_watch.h) on a thread of its own for the
// open project, whose new pages the PipelineController processes as they are registered. The folders
// are a setting of the project (its meta table, key kWatchFoldersKey: one folder per line), so that the
// project gets the files wherever it is opened, and `incidoc-cli watch` can be given the same folders.
//
// Thread contract: GUI thread only. The watcher lives on its own thread; its signals arrive queued.

#include "core/import/folder_watch.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <memory>

namespace incidoc::ui {

class ProjectSession;
class PipelineController;

/// The project setting that holds the watched folders, one per line.
inline const char* const kWatchFoldersKey = "watch_folders";

class WatchController : public QObject {
    Q_OBJECT
public:
    /// `session` and `pipeline` (may be null: a read-only project is not watched) must outlive this.
    WatchController(ProjectSession* session, PipelineController* pipeline, std::shared_ptr<FileInspector> inspector,
                    QObject* parent = nullptr);
    ~WatchController() override; ///< stops watching (waits for the file being registered)

    /// The folders the project's setting names (empty: none).
    QStringList projectFolders() const;
    /// Saves `folders` as the project's setting and watches them (none: stops). False when the setting
    /// cannot be written (errorOccurred).
    bool setProjectFolders(const QStringList& folders);
    /// Watches the folders of the project's setting (what opening a project does).
    void start();
    bool isWatching() const { return m_watcher != nullptr; }
    /// For tests: the stability time and rescan period of the next start() (default 1000 ms, 30 s).
    void setTimings(int stableForMs, int rescanSeconds);

Q_SIGNALS:
    /// A line for the status bar: a file imported, a folder missing or back.
    void statusMessage(const QString& message);
    void errorOccurred(const QString& message);

private:
    void stop();

    ProjectSession* m_session;
    PipelineController* m_pipeline;
    std::shared_ptr<FileInspector> m_inspector;
    QThread m_thread;
    FolderWatcher* m_watcher = nullptr; ///< lives on m_thread
    int m_stableForMs = 1000, m_rescanSeconds = 30;
};

} // namespace incidoc::ui
