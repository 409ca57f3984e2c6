#pragma once
// The project files this process has already checked with PRAGMA quick_check (which reads the whole
// file), so that opening the same file again in the same process does not read it all again. Private
// to core/storage.
//
// A file counts as verified while it is the same file in the same state: same canonical path, same
// device and inode, same size, modification and status-change times as right after the check. Writes
// of this process (checkpoints, the checkpoint when the last connection closes) go through ownWrite(),
// which moves the recorded state along; anything else that changes the file (another process, a copy
// over it, a new file under the name) changes its times or inode, and the file is checked again.
// A state is recorded only once the file system clock has moved past the file's status-change time, so
// that a later write cannot carry the same time stamp (file times are only as fine as the kernel's clock
// tick). Files whose times have whole seconds only are never recorded.
//
// Thread-safe: one instance per process; every member may be called from any thread.

#include <QString>

#include <atomic>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include <sys/types.h>

namespace incidoc::storage {

/// What stat() says about a file: which file it is and when it last changed.
struct FileStamp {
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    timespec mtime{};
    timespec ctime{};

    bool sameFile(const FileStamp& o) const { return device == o.device && inode == o.inode; }
    bool operator==(const FileStamp& o) const;
};

class VerifiedFiles {
public:
    static VerifiedFiles& instance();

    /// The stamp of the file `path` names now (following symlinks); nullopt when it cannot be read.
    static std::optional<FileStamp> stampOf(const QString& path);

    /// True when the file at `canonicalPath`, now in state `now`, was checked in this process and has
    /// not changed since (except through ownWrite()).
    bool isVerified(const QString& canonicalPath, const FileStamp& now) const;
    /// Records a successful check of the file as it was at `before` (stamped before the check began).
    /// Records nothing when the file changed meanwhile.
    void recordVerified(const QString& canonicalPath, const FileStamp& before);
    /// Forgets the file (a check that failed).
    void forget(const QString& canonicalPath);
    /// Runs `write`, a change to the file made by this process through SQLite (a checkpoint, closing the
    /// last connection). A verified file stays verified when nothing else changed it before `write`.
    void ownWrite(const QString& canonicalPath, const std::function<void()>& write);

    /// Counts one PRAGMA quick_check run (for tests and benchmarks).
    void countCheck() { m_checks.fetch_add(1, std::memory_order_relaxed); }
    long long checksRun() const { return m_checks.load(std::memory_order_relaxed); }

private:
    struct Entry {
        QString path;
        FileStamp stamp;
        unsigned long long sequence = 0; ///< for evicting the oldest entry
    };
    using Key = std::pair<dev_t, ino_t>;

    void storeLocked(const QString& canonicalPath, const FileStamp& stamp);

    mutable std::mutex m_mutex;
    std::map<Key, Entry> m_entries;
    unsigned long long m_sequence = 0;
    std::atomic<long long> m_checks{0};
};

} // namespace incidoc::storage
