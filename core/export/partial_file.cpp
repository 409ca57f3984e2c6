#include "core/export/partial_file_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace incidoc {
namespace {

constexpr char kPartialSuffix[] = ".incidoc-partial";

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

/// Removes partial files that killed exports to the same destination left behind: their process is gone
/// and nobody holds their lock (a lock dies with its process, even on kill -9).
void removeStalePartials(const QDir& dir, const QString& destName)
{
    const QString prefix = QLatin1Char('.') + destName + QLatin1Char('.');
    const QStringList names = dir.entryList({prefix + QLatin1Char('*') + QLatin1String(kPartialSuffix)},
                                            QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        const QString pidText = name.mid(prefix.size(), name.size() - prefix.size() - int(sizeof kPartialSuffix) + 1);
        bool ok = false;
        const qint64 pid = pidText.toLongLong(&ok);
        if (!ok || processAlive(pid))
            continue;
        const QByteArray path = QFile::encodeName(dir.filePath(name));
        const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            ::unlink(path.constData());
        ::close(fd);
    }
}

} // namespace

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

PartialFile::~PartialFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_path.isEmpty() && !m_committed)
        ::unlink(m_path.constData());
}

Status PartialFile::create(const QString& destination)
{
    const QFileInfo info(destination);
    m_dest = QFile::encodeName(info.absoluteFilePath());
    const QDir dir = info.absoluteDir();
    if (!dir.exists())
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: the folder %2 does not exist").arg(destination, dir.path()));
    if (info.isDir())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: it is a folder").arg(destination));
    removeStalePartials(dir, info.fileName());
    const QString name =
        QStringLiteral(".%1.%2%3").arg(info.fileName()).arg(::getpid()).arg(QLatin1String(kPartialSuffix));
    const QByteArray path = QFile::encodeName(dir.filePath(name));
    ::unlink(path.constData()); // our own pid: a leftover of an earlier process with this pid, long dead
    m_fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (m_fd < 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, errnoText(errno)));
    m_path = path;
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot lock %1: %2").arg(QString::fromLocal8Bit(path), errnoText(errno)));
    return okStatus();
}

Status PartialFile::commit(const QString& destination)
{
    if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
        const int e = errno;
        m_fd = -1;
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, errnoText(e)));
    }
    m_fd = -1;
    if (::rename(m_path.constData(), m_dest.constData()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, errnoText(errno)));
    m_committed = true;
    const QByteArray dir = QFile::encodeName(QFileInfo(QFile::decodeName(m_dest)).absolutePath());
    const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd); // makes the rename durable; failing here loses nothing already written
        ::close(dfd);
    }
    return okStatus();
}

} // namespace incidoc
