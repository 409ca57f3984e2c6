#include "core/import/folder_watch.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QImageReader>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <utility>

#include <sys/stat.h>

namespace incidoc {
namespace {

// What a scan takes inside folders: the extensions collectFiles() takes (importer.h).
bool hasImportableExtension(const QString& name)
{
    static const QStringList kExtensions{QStringLiteral("pdf"),  QStringLiteral("png"), QStringLiteral("jpg"),
                                         QStringLiteral("jpeg"), QStringLiteral("tif"), QStringLiteral("tiff")};
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 && kExtensions.contains(name.mid(dot + 1).toLower());
}

struct Stamp {
    qint64 size = 0;
    qint64 mtimeMs = 0;
    bool operator==(const Stamp& o) const { return size == o.size && mtimeMs == o.mtimeMs; }
};

// stat(2) rather than QFileInfo: nothing cached, and one call per file per tick.
std::optional<Stamp> stampOf(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return Stamp{static_cast<qint64>(st.st_size),
                 static_cast<qint64>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000};
}

QByteArray tailOf(QFile& file, qint64 bytes)
{
    const qint64 size = file.size();
    if (!file.seek(std::max<qint64>(0, size - bytes)))
        return {};
    return file.read(bytes);
}

bool isSettled(WatchedFileRecord::State s)
{
    return s == WatchedFileRecord::State::Imported || s == WatchedFileRecord::State::Duplicate
           || s == WatchedFileRecord::State::Failed;
}

} // namespace

bool looksComplete(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return false;
    const QByteArray head = file.read(8);
    if (head.startsWith("%PDF-"))
        return tailOf(file, 4096).contains("%%EOF"); // the spec asks for it in the last 1024 bytes: lenient
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return tailOf(file, 12).startsWith(QByteArray("\0\0\0\0IEND", 8));
    if (head.startsWith("\xff\xd8"))
        return tailOf(file, 4096).contains("\xff\xd9"); // in entropy-coded data 0xFF is always stuffed
    if (head.startsWith("II*") || head.startsWith("MM\0*")) {
        file.close();
        QImageReader reader(path);
        return reader.canRead() && reader.imageCount() > 0 && reader.size().isValid();
    }
    return true; // not a type we know the end of: registration says what it is
}

FolderWatcher::FolderWatcher(QString projectPath, FolderWatchOptions options, QObject* parent)
    : QObject(parent), m_projectPath(std::move(projectPath)), m_options(std::move(options))
{
    qRegisterMetaType<incidoc::ImportedFile>();
    qRegisterMetaType<incidoc::FolderWatcher::Problem>();
    m_options.batchSize = std::max(1, m_options.batchSize);
    m_options.maxPending = std::max(1, m_options.maxPending);
}

FolderWatcher::~FolderWatcher() = default;

Status FolderWatcher::start()
{
    auto store = ProjectStore::open(m_projectPath);
    if (!store)
        return store.error();
    m_store = std::move(store).value();

    // Files that were waiting when the last watcher stopped and are gone since.
    if (auto waiting = m_store->watchedFiles(WatchedFileRecord::State::Waiting, 1'000'000)) {
        std::vector<WatchedFileRecord> gone;
        for (WatchedFileRecord& r : *waiting)
            if (!stampOf(r.path)) {
                r.state = WatchedFileRecord::State::Gone;
                gone.push_back(std::move(r));
            }
        if (!gone.empty())
            if (Status s = m_store->recordWatchedFiles(gone); !s)
                return s;
    }

    if (!m_options.doneFolder.isEmpty()) {
        const QString done = QDir::cleanPath(QFileInfo(m_options.doneFolder).absoluteFilePath());
        QDir().mkpath(done);
        m_doneCanonical = QFileInfo(done).canonicalFilePath();
        if (m_doneCanonical.isEmpty())
            m_doneCanonical = done;
    }
    for (const QString& f : m_options.folders)
        m_roots.push_back({QDir::cleanPath(QFileInfo(f).absoluteFilePath()), {}, false});

    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &FolderWatcher::onDirectoryChanged);
    m_rescanTimer = new QTimer(this);
    m_rescanTimer->setInterval(std::max(1, m_options.rescanSeconds) * 1000);
    connect(m_rescanTimer, &QTimer::timeout, this, &FolderWatcher::rescanAll);
    m_rescanTimer->start();
    m_tickTimer = new QTimer(this);
    m_tickTimer->setInterval(std::clamp(m_options.stableForMs / 4, 50, 500));
    connect(m_tickTimer, &QTimer::timeout, this, [this] {
        scanDirty();
        checkPending();
        registerReady();
        if (m_scanTruncated && m_pending.size() + m_ready.size() < static_cast<size_t>(m_options.maxPending) / 2) {
            m_scanTruncated = false;
            rescanAll();
        }
    });
    m_tickTimer->start();
    rescanAll();
    return okStatus();
}

void FolderWatcher::stop()
{
    if (m_tickTimer)
        m_tickTimer->stop();
    if (m_rescanTimer)
        m_rescanTimer->stop();
    delete m_watcher;
    m_watcher = nullptr;
    m_store.reset();
}

void FolderWatcher::reportProblem(Root& root, Problem problem, const QString& detail)
{
    if (root.problem)
        return;
    root.problem = true;
    Q_EMIT this->problem(problem, root.given, detail);
}

void FolderWatcher::clearProblem(Root& root)
{
    if (!root.problem)
        return;
    root.problem = false;
    Q_EMIT problemCleared(root.given);
}

void FolderWatcher::rescanAll()
{
    if (!m_watcher)
        return;
    for (Root& root : m_roots) {
        const QFileInfo info(root.given);
        if (info.isSymLink() && !info.exists()) { // a link to nothing, or a loop of links
            root.canonical.clear();
            reportProblem(root, Problem::Unresolvable, info.symLinkTarget());
            continue;
        }
        if (!info.exists()) {
            // Watch the nearest existing parent, so that the folder coming back is noticed at once.
            for (QDir up(root.given); up.cdUp();) {
                if (up.exists()) {
                    if (!m_watcher->directories().contains(up.absolutePath()))
                        m_watcher->addPath(up.absolutePath());
                    break;
                }
            }
            root.canonical.clear();
            reportProblem(root, Problem::Missing, {});
            continue;
        }
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty()) { // a dangling link or a symlink loop
            root.canonical.clear();
            reportProblem(root, Problem::Unresolvable, info.symLinkTarget());
            continue;
        }
        if (!QFileInfo(canonical).isDir() || !QDir(canonical).isReadable()) {
            root.canonical.clear();
            reportProblem(root, Problem::Unreadable, {});
            continue;
        }
        root.canonical = canonical;
        clearProblem(root);
    }
    for (const Root& root : m_roots)
        if (!root.canonical.isEmpty())
            scanFolder(root.canonical, true);
}

void FolderWatcher::onDirectoryChanged(const QString& folder)
{
    // Coalesced: a thousand files landing in one folder give a thousand notifications, and the folder is
    // read once per tick, not once per file.
    m_dirty.insert(folder);
}

void FolderWatcher::scanDirty()
{
    if (m_dirty.empty() || !m_watcher)
        return;
    const std::set<QString> dirty = std::exchange(m_dirty, {});
    for (const QString& folder : dirty) {
        const bool isRoot = std::any_of(m_roots.begin(), m_roots.end(),
                                        [&](const Root& r) { return r.canonical == folder || r.canonical.isEmpty(); });
        if (isRoot || !QFileInfo(folder).isDir()) {
            rescanAll(); // a root went or came back: its problem is reported or cleared
            return;
        }
        scanFolder(folder, false);
    }
}

bool FolderWatcher::isInDoneFolder(const QString& path) const
{
    return !m_doneCanonical.isEmpty()
           && (path == m_doneCanonical || path.startsWith(m_doneCanonical + QLatin1Char('/')));
}

void FolderWatcher::scanFolder(const QString& folder, bool recursive)
{
    if (isInDoneFolder(folder) || !QFileInfo(folder).isDir())
        return;
    QSet<QString> watched;
    for (const QString& d : m_watcher->directories())
        watched.insert(d);
    if (!watched.contains(folder))
        m_watcher->addPath(folder);
    // No FollowSymlinks: a link to a folder is not descended into, so no loop can trap the scan.
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.fileName().startsWith(QLatin1Char('.')) || isInDoneFolder(path))
            continue; // hidden: a download or a copy in progress often is
        if (info.isDir()) {
            if (info.isSymLink())
                continue;
            if (!watched.contains(path)) {
                m_watcher->addPath(path);
                watched.insert(path);
                if (!recursive)
                    scanFolder(path, true); // a folder moved in with its files
            }
            continue;
        }
        if (!hasImportableExtension(info.fileName()))
            continue;
        if (m_pending.size() + m_ready.size() >= static_cast<size_t>(m_options.maxPending)) {
            m_scanTruncated = true; // the rest waits for the next scan
            return;
        }
        if (const auto stamp = stampOf(path))
            consider(path, stamp->size, stamp->mtimeMs);
    }
}

void FolderWatcher::consider(const QString& path, qint64 size, qint64 mtimeMs)
{
    if (m_pending.count(path) || m_readySet.count(path))
        return;
    auto row = m_store->watchedFile(path);
    if (!row) {
        Q_EMIT storageError(row.error().message);
        return;
    }
    bool recorded = false;
    DocumentId previous = 0;
    if (row->has_value()) {
        const WatchedFileRecord& r = **row;
        const bool unchanged = r.size == size && r.mtimeMs == mtimeMs;
        if (unchanged && isSettled(r.state)) {
            // Registered, but still here although it should have moved: a stop between the two.
            if (!m_doneCanonical.isEmpty() && r.state != WatchedFileRecord::State::Failed) {
                ImportedFile file;
                file.path = path;
                file.documentId = r.documentId;
                file.outcome = r.state == WatchedFileRecord::State::Imported ? ImportedFile::Outcome::Added
                                                                             : ImportedFile::Outcome::Duplicate;
                moveDone(path, file);
            }
            return;
        }
        recorded = unchanged && r.state == WatchedFileRecord::State::Waiting;
        previous = r.documentId;
    }
    Candidate c;
    c.previousDocument = previous;
    c.size = size;
    c.mtimeMs = mtimeMs;
    c.unchangedFor.start();
    c.recorded = recorded;
    m_pending.emplace(path, std::move(c));
}

void FolderWatcher::checkPending()
{
    if (!m_store)
        return;
    std::vector<WatchedFileRecord> gone;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        Candidate& c = it->second;
        const auto stamp = stampOf(it->first);
        if (!stamp) { // removed (or moved away) before it was complete
            if (c.recorded)
                gone.push_back({it->first, c.size, c.mtimeMs, WatchedFileRecord::State::Gone, 0, {}, {}});
            it = m_pending.erase(it);
            continue;
        }
        if (stamp->size != c.size || stamp->mtimeMs != c.mtimeMs) {
            c.size = stamp->size;
            c.mtimeMs = stamp->mtimeMs;
            c.unchangedFor.restart();
            c.recorded = false;
        } else if (c.unchangedFor.elapsed() >= m_options.stableForMs
                   && (looksComplete(it->first) || c.unchangedFor.elapsed() >= m_options.giveUpMs)) {
            m_ready.push_back(it->first);
            m_readySet.insert(it->first);
            it = m_pending.erase(it);
            continue;
        }
        ++it;
    }
    if (!gone.empty())
        if (Status s = m_store->recordWatchedFiles(gone); !s)
            Q_EMIT storageError(s.error().message);
    recordWaiting();
}

void FolderWatcher::recordWaiting()
{
    std::vector<WatchedFileRecord> rows;
    for (auto& [path, c] : m_pending)
        if (!c.recorded)
            rows.push_back({path, c.size, c.mtimeMs, WatchedFileRecord::State::Waiting, c.previousDocument, {}, {}});
    if (rows.empty())
        return;
    if (Status s = m_store->recordWatchedFiles(rows); !s) {
        Q_EMIT storageError(s.error().message);
        return;
    }
    for (auto& [path, c] : m_pending)
        c.recorded = true;
}

void FolderWatcher::registerReady()
{
    if (!m_store || m_ready.empty())
        return;
    m_batchAdded = 0;
    for (int n = 0; n < m_options.batchSize && !m_ready.empty(); ++n) {
        const QString path = m_ready.front();
        m_ready.pop_front();
        m_readySet.erase(path);
        if (const auto before = stampOf(path))
            settle(path, before->size, before->mtimeMs);
        // else: gone; its waiting row is corrected by the next start
    }
    Q_EMIT batchRegistered(m_batchAdded);
}

void FolderWatcher::settle(const QString& path, qint64 size, qint64 mtimeMs)
{
    std::optional<WatchedFileRecord> before;
    if (auto r = m_store->watchedFile(path))
        before = *r;
    ImportReport report = registerFiles(*m_store, {path}, m_options.registration);
    if (!report.storage.ok() || report.files.empty()) {
        if (!report.storage.ok())
            Q_EMIT storageError(report.storage.error().message);
        consider(path, size, mtimeMs); // looked at again later
        return;
    }
    ImportedFile file = report.files.front();
    const auto after = stampOf(path);
    if (!after || after->size != size || after->mtimeMs != mtimeMs) {
        // Replaced or rewritten while it was read: what was registered may mix two versions. Take it out
        // and wait for the file to settle again.
        if (file.outcome == ImportedFile::Outcome::Added && file.documentId > 0)
            if (Status s = m_store->removeDocument(file.documentId); !s)
                Q_EMIT storageError(s.error().message);
        if (after)
            consider(path, after->size, after->mtimeMs);
        return;
    }
    WatchedFileRecord row{path, size, mtimeMs, WatchedFileRecord::State::Failed, file.documentId, {}, file.error};
    switch (file.outcome) {
    case ImportedFile::Outcome::Added:
        row.state = WatchedFileRecord::State::Imported;
        // The file could not be imported before (given up on while incomplete) and is whole now: that
        // failure is no longer true.
        if (before && before->documentId > 0 && before->documentId != file.documentId)
            if (auto old = m_store->document(before->documentId); old && !old->error.isEmpty() && old->path == path)
                if (Status s = m_store->removeDocument(before->documentId); !s)
                    Q_EMIT storageError(s.error().message);
        break;
    case ImportedFile::Outcome::Failed: row.state = WatchedFileRecord::State::Failed; break;
    case ImportedFile::Outcome::Duplicate: {
        // A duplicate of the document registered from this very file (a stop before its row was written,
        // or before it was moved to the done folder) is this file's import.
        row.state = WatchedFileRecord::State::Duplicate;
        if (auto doc = m_store->document(file.documentId))
            if (doc->path == path || (!m_doneCanonical.isEmpty() && doc->path == doneTarget(path)))
                row.state = WatchedFileRecord::State::Imported;
        break;
    }
    }
    if (Status s = m_store->recordWatchedFiles({row}); !s)
        Q_EMIT storageError(s.error().message);
    if (!m_doneCanonical.isEmpty() && file.outcome != ImportedFile::Outcome::Failed)
        moveDone(path, file);
    if (file.outcome == ImportedFile::Outcome::Added && file.pages > 0)
        ++m_batchAdded;
    Q_EMIT fileSettled(file);
}

QString FolderWatcher::doneTarget(const QString& path) const
{
    for (const Root& root : m_roots)
        if (!root.canonical.isEmpty() && path.startsWith(root.canonical + QLatin1Char('/')))
            return QDir(m_doneCanonical).filePath(path.mid(root.canonical.size() + 1));
    return QDir(m_doneCanonical).filePath(QFileInfo(path).fileName());
}

void FolderWatcher::moveDone(const QString& path, const ImportedFile& file)
{
    QString target = doneTarget(path);
    std::optional<DocumentRecord> doc;
    if (file.documentId > 0)
        if (auto d = m_store->document(file.documentId))
            doc = *d;
    const bool ours = file.outcome == ImportedFile::Outcome::Added && doc && (doc->path == path || doc->path == target);
    if (QFileInfo::exists(target) && !(ours && doc->path == target)) {
        // Another file of that name is there already: "name (2).pdf".
        const QFileInfo t(target);
        for (int n = 2;; ++n) {
            const QString candidate =
                t.dir().filePath(QStringLiteral("%1 (%2).%3").arg(t.completeBaseName()).arg(n).arg(t.suffix()));
            if (!QFileInfo::exists(candidate)) {
                target = candidate;
                break;
            }
        }
    }
    QDir().mkpath(QFileInfo(target).absolutePath());
    // The document points to the new place first: a stop before the move is finished by the next start
    // (the file, still here, is moved then), and pages are always rendered from where the file will be.
    if (ours && doc->path != target)
        if (Status s = m_store->setDocumentPath(file.documentId, target); !s) {
            Q_EMIT storageError(s.error().message);
            return;
        }
    if (!QFile::rename(path, target)) {
        if (ours)
            if (Status s = m_store->setDocumentPath(file.documentId, path); !s)
                Q_EMIT storageError(s.error().message);
        Q_EMIT storageError(QStringLiteral("cannot move %1 to %2").arg(path, target));
    }
}

} // namespace incidoc
