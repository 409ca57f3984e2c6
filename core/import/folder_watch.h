#pragma once
// Watch folders: files that land in a folder (or its subfolders) are registered in the project once they
// are complete, never half-written. Used by `incidoc-cli watch` and by the app's Watch folders setting.
//
// How a file goes: found (a folder change reported by QFileSystemWatcher, or the periodic rescan that
// catches what the notifications miss: network shares, lost events, a folder that came back) -> waiting
// (recorded in watched_files, so `status` lists it) -> complete (its size and modification time have not
// changed for `stableForMs` and its bytes end as a finished file of its type does: %%EOF, IEND, EOI) ->
// registered with registerFiles() (hashed, deduplicated by SHA-256, pages queued) -> its watched_files row
// says imported, duplicate or failed. A file that stays incomplete is never registered, until it has been
// left unchanged for `giveUpMs`: then it is registered as it is and its failure ("damaged PDF") recorded.
//
// Restart-safe without a shared transaction: a file whose row does not yet say what became of it (a kill
// -9 between registering it and writing its row) is registered again on restart, which the SHA-256
// deduplication turns into a no-op; a duplicate of the document registered from the same path counts as
// that file's import. A row that does say so is skipped while the file keeps its size and time.
//
// Memory stays bounded: scans stream the folders and stop taking files once `maxPending` wait in memory
// (the next scan, soon after, takes the rest); registration takes `batchSize` files at a time and yields
// to the event loop between batches.
//
// Folders are not followed through symbolic links (no symlink loop can trap a scan); a watched folder
// that is missing, unreadable or cannot be resolved is reported (problem()) and looked at again at every
// rescan; once it is back, it is scanned again (problemCleared()).
//
// Thread contract: a QObject of the thread it lives in (the app and the CLI move it to a thread of its own,
// since registering a file reads and hashes it). It opens its own connection to the project.

#include "core/import/file_registration.h"
#include "core/storage/project_store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <deque>
#include <map>
#include <memory>
#include <set>

class QFileSystemWatcher;
class QTimer;

namespace incidoc {

/// What a FolderWatcher watches and how. Value type.
struct FolderWatchOptions {
    QStringList folders;       ///< the watched folders (their subfolders too)
    int stableForMs = 1000;    ///< a file is complete once unchanged this long (and it ends as it should)
    int rescanSeconds = 30;    ///< full rescan period (the fallback for lost notifications)
    int giveUpMs = 10 * 60000; ///< unchanged this long yet incomplete: registered as it is (recorded failed)
    QString doneFolder;        ///< non-empty: imported and duplicate files are moved here (subfolders kept)
    int batchSize = 16;        ///< files registered per turn of the event loop
    int maxPending = 2000;     ///< files held in memory while they wait to be complete
    RegisterOptions registration;
};

/// Whether `path`'s bytes end as a complete file of its type: a PDF's %%EOF near the end, a PNG's IEND
/// chunk, a JPEG's end-of-image marker; a TIFF: its header and first directory can be read. A file that
/// fails this is still being written (or damaged). Reentrant.
bool looksComplete(const QString& path);

/// Watches folders and registers the files that land there in one project. See the file comment.
class FolderWatcher : public QObject {
    Q_OBJECT
public:
    enum class Problem { Missing, Unreadable, Unresolvable };
    Q_ENUM(Problem)

    FolderWatcher(QString projectPath, FolderWatchOptions options, QObject* parent = nullptr);
    ~FolderWatcher() override;

    /// Opens the project, marks rows of files that vanished while nobody watched as gone, watches the
    /// folders and scans them. Call in the watcher's thread. Errors: the project cannot be opened.
    Status start();
    /// Stops watching (what waits stays recorded as waiting). Call in the watcher's thread.
    void stop();
    /// Files in memory waiting to be complete or registered (for progress).
    int pendingCount() const { return static_cast<int>(m_pending.size() + m_ready.size()); }

Q_SIGNALS:
    /// One file settled: registered (added, duplicate or failed) as `file` says.
    void fileSettled(const incidoc::ImportedFile& file);
    /// A batch was registered: its new pages are queued in the project (`added` files with pages).
    void batchRegistered(int added);
    /// A watched folder cannot be watched now; it is looked at again at every rescan.
    void problem(incidoc::FolderWatcher::Problem problem, const QString& folder, const QString& detail);
    void problemCleared(const QString& folder);
    /// A project write failed (the watcher goes on: the file is looked at again later).
    void storageError(const QString& message);

private:
    struct Candidate {
        qint64 size = -1;
        qint64 mtimeMs = -1;
        QElapsedTimer unchangedFor;      ///< since size and mtime were last seen to change
        bool recorded = false;           ///< its waiting row is written
        DocumentId previousDocument = 0; ///< what an earlier version of the file was registered as
    };
    struct Root {
        QString given;     ///< as configured
        QString canonical; ///< resolved; empty while it cannot be
        bool problem = false;
    };

    void rescanAll();
    void scanFolder(const QString& folder, bool recursive);
    void onDirectoryChanged(const QString& folder);
    void scanDirty();
    void consider(const QString& path, qint64 size, qint64 mtimeMs);
    void checkPending();
    void registerReady();
    void settle(const QString& path, qint64 size, qint64 mtimeMs);
    void moveDone(const QString& path, const ImportedFile& file);
    QString doneTarget(const QString& path) const;
    bool isInDoneFolder(const QString& path) const;
    void recordWaiting();
    void reportProblem(Root& root, Problem problem, const QString& detail);
    void clearProblem(Root& root);

    QString m_projectPath;
    FolderWatchOptions m_options;
    QString m_doneCanonical;
    std::unique_ptr<ProjectStore> m_store;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_rescanTimer = nullptr;
    QTimer* m_tickTimer = nullptr;
    std::vector<Root> m_roots;
    std::map<QString, Candidate> m_pending; ///< waiting to be complete, by path
    std::deque<QString> m_ready;            ///< complete, waiting to be registered
    std::set<QString> m_readySet;
    std::set<QString> m_dirty;    ///< folders a notification named since the last tick
    int m_batchAdded = 0;         ///< files with pages registered in the current batch
    bool m_scanTruncated = false; ///< a scan stopped at maxPending: scan again once room is made
};

} // namespace incidoc

Q_DECLARE_METATYPE(incidoc::ImportedFile)
