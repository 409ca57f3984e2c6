#include "core/storage/verified_files.h"

#include <QFile>

#include <chrono>
#include <thread>

#include <sys/stat.h>

namespace incidoc::storage {
namespace {

// Enough for every project a session opens; a file evicted is only checked once more.
constexpr std::size_t kMaxEntries = 64;
// The kernel stamps files from its coarse clock (one tick: 1-10 ms); waiting longer means something odd.
constexpr auto kMaxTickWait = std::chrono::milliseconds(50);

bool sameTime(const timespec& a, const timespec& b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool laterThan(const timespec& a, const timespec& b)
{
    return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
}

// True once any write from now on gets a status-change time later than the stamp's: the file system's
// clock (the coarse real-time clock on Linux) has moved past it. Files with whole-second times (FAT,
// old ext formats, some network shares) give no such promise in a useful time: false.
bool waitPastStamp(const FileStamp& stamp)
{
    if (stamp.ctime.tv_nsec == 0 && stamp.mtime.tv_nsec == 0)
        return false;
    const auto deadline = std::chrono::steady_clock::now() + kMaxTickWait;
    for (;;) {
        timespec now{};
        clock_gettime(CLOCK_REALTIME_COARSE, &now);
        if (laterThan(now, stamp.ctime))
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

} // namespace

bool FileStamp::operator==(const FileStamp& o) const
{
    return sameFile(o) && size == o.size && sameTime(mtime, o.mtime) && sameTime(ctime, o.ctime);
}

VerifiedFiles& VerifiedFiles::instance()
{
    static VerifiedFiles files;
    return files;
}

std::optional<FileStamp> VerifiedFiles::stampOf(const QString& path)
{
    struct stat st {};
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return FileStamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim};
}

bool VerifiedFiles::isVerified(const QString& canonicalPath, const FileStamp& now) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find({now.device, now.inode});
    return it != m_entries.end() && it->second.path == canonicalPath && it->second.stamp == now;
}

void VerifiedFiles::recordVerified(const QString& canonicalPath, const FileStamp& before)
{
    std::lock_guard lock(m_mutex);
    const std::optional<FileStamp> after = stampOf(canonicalPath);
    if (after && *after == before && waitPastStamp(*after))
        storeLocked(canonicalPath, *after);
    else
        m_entries.erase({before.device, before.inode});
}

void VerifiedFiles::forget(const QString& canonicalPath)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = it->second.path == canonicalPath ? m_entries.erase(it) : std::next(it);
}

void VerifiedFiles::ownWrite(const QString& canonicalPath, const std::function<void()>& write)
{
    std::lock_guard lock(m_mutex);
    const std::optional<FileStamp> before = stampOf(canonicalPath);
    const auto it = before ? m_entries.find({before->device, before->inode}) : m_entries.end();
    const bool wasVerified = it != m_entries.end() && it->second.path == canonicalPath && it->second.stamp == *before;
    if (!wasVerified) {
        write();
        return;
    }
    try {
        write();
    } catch (...) {
        m_entries.erase(it);
        throw;
    }
    const std::optional<FileStamp> after = stampOf(canonicalPath);
    if (after && after->sameFile(*before) && (*after == *before || waitPastStamp(*after)))
        it->second.stamp = *after;
    else
        m_entries.erase(it);
}

void VerifiedFiles::storeLocked(const QString& canonicalPath, const FileStamp& stamp)
{
    const Key key{stamp.device, stamp.inode};
    if (m_entries.size() >= kMaxEntries && !m_entries.count(key)) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->second.sequence < oldest->second.sequence)
                oldest = it;
        m_entries.erase(oldest);
    }
    m_entries[key] = Entry{canonicalPath, stamp, ++m_sequence};
}

} // namespace incidoc::storage
