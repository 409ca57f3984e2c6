#include "core/isolation/host_process_p.h"
#include "core/isolation/wire_p.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace incidoc::hosts {
namespace {

Error cannotStart(const QString& program, int error)
{
    return makeError(
        ErrorCode::Unavailable,
        QStringLiteral("cannot start the page helper %1: %2").arg(program, QString::fromLocal8Bit(strerror(error))));
}

/// This process's environment for a host: no display, one OpenMP thread.
std::vector<std::string> hostEnvironment()
{
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string v(*e);
        if (v.rfind("QT_QPA_PLATFORM=", 0) == 0 || v.rfind("OMP_THREAD_LIMIT=", 0) == 0)
            continue;
        env.push_back(v);
    }
    env.emplace_back("QT_QPA_PLATFORM=offscreen");
    env.emplace_back("OMP_THREAD_LIMIT=1");
    return env;
}

/// The host closed its stdout: how did it end? It is normally reaped at once; one that closed its
/// stdout and lives on is killed.
int reapSignal(HostProcess& h)
{
    int status = 0;
    for (int i = 0; i < 200 && h.pid > 0; ++i) {
        const pid_t r = ::waitpid(h.pid, &status, i < 199 ? WNOHANG : 0);
        if (r == h.pid) {
            h.pid = -1;
            return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        }
        if (r < 0)
            break;
        if (i == 198)
            ::kill(h.pid, SIGKILL);
        ::usleep(10'000);
    }
    return 0;
}

/// Reads the frames a host sends for one request: phase frames, then the answer.
class FrameReader {
public:
    /// False: the host is gone (end of file, an error, or garbage on the pipe).
    bool readSome(int fd)
    {
        const ssize_t n = m_haveHeader ? ::read(fd, m_body.data() + (m_body.size() - m_need), m_need)
                                       : ::read(fd, m_header + m_headerHave, static_cast<size_t>(4 - m_headerHave));
        if (n < 0 && errno == EINTR)
            return true;
        if (n <= 0)
            return false;
        if (!m_haveHeader) {
            m_headerHave += static_cast<int>(n);
            if (m_headerHave == 4) {
                m_haveHeader = true;
                m_need = wire::frameSize(m_header);
                if (m_need > wire::kMaxFrame)
                    return false;
                m_body.resize(static_cast<qsizetype>(m_need));
            }
        } else {
            m_need -= static_cast<quint32>(n);
        }
        return true;
    }
    /// A whole frame has arrived (then take() it).
    bool complete() const { return m_haveHeader && m_need == 0; }
    QByteArray take()
    {
        m_haveHeader = false;
        m_headerHave = 0;
        return std::exchange(m_body, {});
    }

private:
    char m_header[4] = {};
    int m_headerHave = 0;
    bool m_haveHeader = false;
    quint32 m_need = 0;
    QByteArray m_body;
};

} // namespace

Result<HostProcess> startHost(const QString& program, const QStringList& arguments)
{
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return cannotStart(program, errno);
    if (::pipe2(out, O_CLOEXEC) != 0) {
        const int error = errno;
        ::close(in[0]);
        ::close(in[1]);
        return cannotStart(program, error);
    }
    std::vector<std::string> env = hostEnvironment();
    std::vector<std::string> args{program.toStdString()};
    for (const QString& a : arguments)
        args.push_back(a.toStdString());
    std::vector<char*> argv, envp;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        return cannotStart(program, rc);
    }
    return HostProcess{pid, in[1], out[0]};
}

void endHost(HostProcess& h, bool kill)
{
    if (h.toHost >= 0)
        ::close(h.toHost);
    if (h.fromHost >= 0)
        ::close(h.fromHost);
    h.toHost = h.fromHost = -1;
    if (h.pid > 0) {
        if (kill)
            ::kill(h.pid, SIGKILL);
        // Closing its stdin ends an idle host; give it a moment, then make sure.
        for (int i = 0; i < 50; ++i) {
            if (::waitpid(h.pid, nullptr, WNOHANG) != 0) {
                h.pid = -1;
                return;
            }
            ::usleep(10'000);
        }
        ::kill(h.pid, SIGKILL);
        ::waitpid(h.pid, nullptr, 0);
    }
    h.pid = -1;
}

CallResult callHost(HostProcess& h, const QByteArray& request, const PageBudgets& budgets, qint64 memoryLimitBytes,
                    const CancelToken& cancel)
{
    CallResult r;
    if (!wire::writeFrame(h.toHost, request)) {
        r.end = CallEnd::Stale; // EPIPE: nobody reads the host's stdin any more
        return r;
    }
    QElapsedTimer clock;
    clock.start();
    PagePhase phase = PagePhase::Render;
    qint64 phaseStart = 0;
    qint64 lastMemoryCheck = 0;
    FrameReader frames;
    while (true) {
        if (cancel.isCancelled()) {
            r.end = CallEnd::Cancelled;
            return r;
        }
        if (const int budgetMs = budgets.of(phase); budgetMs > 0 && clock.elapsed() - phaseStart > budgetMs) {
            r.end = CallEnd::Hung;
            r.budgetMs = budgetMs;
            return r;
        }
        if (memoryLimitBytes > 0 && clock.elapsed() - lastMemoryCheck >= 500) {
            lastMemoryCheck = clock.elapsed();
            if (residentBytesOf(h.pid) > memoryLimitBytes) {
                r.end = CallEnd::OverMemory;
                return r;
            }
        }
        pollfd p{h.fromHost, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        if (!frames.readSome(h.fromHost))
            break;
        if (!frames.complete())
            continue;
        QByteArray frame = frames.take();
        if (frame.size() == 2 && quint8(frame[0]) == wire::kPhaseFrame) {
            if (const auto next = static_cast<PagePhase>(quint8(frame[1])); next != phase) {
                phase = next;
                phaseStart = clock.elapsed();
            }
            continue;
        }
        r.body = std::move(frame);
        return r;
    }
    r.end = CallEnd::Died;
    r.signal = reapSignal(h);
    return r;
}

} // namespace incidoc::hosts
