#include "core/remote/health_port.h"

#include "core/remote/prometheus_text.h"
#include "core/remote/worker_protocol.h"

#include <QList>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <list>
#include <thread>
#include <vector>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace incidoc::remote {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// The first bytes of the HTTP/2 connection preface (RFC 9113, 3.4); "PRI" is no HTTP/1.1 method.
constexpr char kPreface[] = "PRI ";
constexpr int kPrefaceBytes = 4;
/// A connection that has sent part of the preface: it is peeked at again after this (its unread bytes
/// would make poll() report it readable at once, again and again).
constexpr milliseconds kPeekAgain{10};
/// After the answer: how long the connection may take to close its side (read and discarded meanwhile),
/// so that closing ours does not reset the connection before the client has read the answer.
constexpr milliseconds kLinger{2000};
constexpr qsizetype kMaxDiscard = 64 * 1024;
/// After running out of file descriptors: how long before accepting again (the listening socket stays
/// readable, poll() would spin).
constexpr milliseconds kAcceptPause{100};

struct Connection {
    enum class State { Sniffing, Reading, Writing, Closing };
    int fd = -1;
    State state = State::Sniffing;
    Clock::time_point deadline;
    Clock::time_point peekAgainAt; ///< Sniffing: not polled for input before this
    QByteArray in;                 ///< Reading: the request head so far
    QByteArray out;                ///< Writing: the answer
    qsizetype sent = 0;
    qsizetype discarded = 0; ///< Closing
};

QByteArray httpResponse(int code, const char* reason, const QByteArray& body, bool headOnly,
                        const char* contentType = "text/plain; charset=utf-8", const char* extraHeader = nullptr)
{
    QByteArray r = "HTTP/1.1 " + QByteArray::number(code) + ' ' + reason + "\r\n";
    r += "Content-Type: " + QByteArray(contentType) + "\r\n";
    r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (extraHeader)
        r += QByteArray(extraHeader) + "\r\n";
    r += "Connection: close\r\n\r\n";
    if (!headOnly)
        r += body;
    return r;
}

bool isToken(const QByteArray& s)
{
    static constexpr const char* kSeparators = "()<>@,;:\\\"/[]?={} \t";
    return !s.isEmpty()
           && std::all_of(s.begin(), s.end(), [](char c) { return c > 32 && c < 127 && !std::strchr(kSeparators, c); });
}

/// `s` up to the first `c`, or all of it.
QByteArray upTo(const QByteArray& s, char c)
{
    const qsizetype at = s.indexOf(c);
    return at < 0 ? s : s.first(at);
}

/// The answer to one request head (request line and headers; the headers are not needed).
QByteArray answer(const QByteArray& head, const std::function<QByteArray()>& metrics)
{
    QByteArray requestLine = upTo(head, '\n');
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || !parts[2].startsWith("HTTP/"))
        return httpResponse(400, "Bad Request", "malformed HTTP request\n", false);
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return httpResponse(505, "HTTP Version Not Supported",
                            "HTTP/1.1 only (gRPC clients: HTTP/2 with prior knowledge)\n", false);
    const bool headOnly = parts[0] == "HEAD";
    if (parts[0] != "GET" && !headOnly)
        return httpResponse(405, "Method Not Allowed", "only GET and HEAD\n", false, "text/plain; charset=utf-8",
                            "Allow: GET, HEAD");
    const QByteArray path = upTo(parts[1], '?');
    if (path != "/metrics")
        return httpResponse(404, "Not Found", "not found: this port serves /metrics (and gRPC health checks)\n",
                            headOnly);
    return httpResponse(200, "OK", metrics ? metrics() : QByteArray(), headOnly, PrometheusText::kContentType);
}

qsizetype headEnd(const QByteArray& in)
{
    const qsizetype crlf = in.indexOf("\r\n\r\n");
    const qsizetype lf = in.indexOf("\n\n");
    if (crlf < 0)
        return lf;
    return lf < 0 ? crlf : std::min(crlf, lf);
}

} // namespace

struct HealthPort::Impl {
    HealthPortOptions options;
    std::vector<int> listeners;
    int wake = -1; ///< eventfd: stop() writes to it
    int port = 0;
    std::thread thread;
    std::list<Connection> connections; ///< the oldest first
    Clock::time_point acceptPausedUntil;

    ~Impl()
    {
        for (const Connection& c : connections)
            ::close(c.fd);
        for (int fd : listeners)
            ::close(fd);
        if (wake >= 0)
            ::close(wake);
    }

    Status bind(const QString& listen)
    {
        auto hostPort = splitHostPort(listen);
        if (!hostPort)
            return hostPort.error();
        const QByteArray host = hostPort->first.toUtf8();
        const QByteArray service = QByteArray::number(hostPort->second);
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
        addrinfo* found = nullptr;
        const int rc = getaddrinfo(host.isEmpty() ? nullptr : host.constData(), service.constData(), &hints, &found);
        if (rc != 0)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("cannot resolve %1: %2").arg(listen, QString::fromLocal8Bit(gai_strerror(rc))));
        QString why;
        // A name may have several addresses (localhost: ::1 and 127.0.0.1): listen on each, on one port.
        for (addrinfo* a = found; a; a = a->ai_next) {
            const int fd = ::socket(a->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0)
                continue;
            const int on = 1, off = 0;
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
            if (a->ai_family == AF_INET6) // "[::]" takes IPv4 too, as gRPC's own ports do
                ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
            if (port != 0) {
                if (a->ai_family == AF_INET)
                    reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_port = htons(static_cast<uint16_t>(port));
                else if (a->ai_family == AF_INET6)
                    reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_port = htons(static_cast<uint16_t>(port));
            }
            if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, SOMAXCONN) != 0) {
                why = QString::fromLocal8Bit(std::strerror(errno));
                ::close(fd);
                continue;
            }
            sockaddr_storage bound{};
            socklen_t length = sizeof bound;
            if (port == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) == 0)
                port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                                         : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
            listeners.push_back(fd);
        }
        freeaddrinfo(found);
        if (listeners.empty() || port == 0)
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("cannot listen on %1 for health checks and metrics (%2)")
                                 .arg(listen, why.isEmpty() ? QStringLiteral("no usable address") : why));
        return okStatus();
    }

    void closeConnection(std::list<Connection>::iterator it)
    {
        ::close(it->fd);
        connections.erase(it);
    }

    void acceptFrom(int listener, Clock::time_point now)
    {
        for (int i = 0; i < 64; ++i) {
            const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                    acceptPausedUntil = now + kAcceptPause;
                return;
            }
            const int on = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            // Full: the oldest connection makes room (a flood of idle connections cannot lock probes out).
            while (!connections.empty() && static_cast<int>(connections.size()) >= std::max(1, options.maxConnections))
                closeConnection(connections.begin());
            Connection c;
            c.fd = fd;
            c.deadline = now + milliseconds(options.connectionTimeoutMs);
            connections.push_back(std::move(c));
        }
    }

    enum class Next { Keep, Close, HandedOff };

    Next sniff(Connection& c, short revents, Clock::time_point now)
    {
        char first[kPrefaceBytes];
        const ssize_t n = ::recv(c.fd, first, sizeof first, MSG_PEEK);
        if (n == 0)
            return Next::Close;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Next::Keep : Next::Close;
        if (std::memcmp(first, kPreface, static_cast<size_t>(n)) != 0) {
            c.state = Connection::State::Reading;
            return read(c);
        }
        if (n < kPrefaceBytes) {
            if (revents & (POLLRDHUP | POLLHUP | POLLERR))
                return Next::Close; // part of the preface, then the end: never a gRPC client
            c.peekAgainAt = now + kPeekAgain;
            return Next::Keep;
        }
        return Next::HandedOff;
    }

    Next read(Connection& c)
    {
        for (;;) {
            char buffer[4096];
            const qsizetype room = options.maxRequestBytes + 1 - c.in.size();
            const ssize_t n =
                ::recv(c.fd, buffer, static_cast<size_t>(std::clamp<qsizetype>(room, 1, sizeof buffer)), 0);
            if (n == 0)
                return Next::Close; // closed before its request was complete: nothing to answer
            if (n < 0)
                return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Next::Keep : Next::Close;
            c.in.append(buffer, n);
            const qsizetype end = headEnd(c.in);
            if (end >= 0 && end <= options.maxRequestBytes) {
                c.out = answer(c.in.left(end), options.metrics);
            } else if (c.in.size() > options.maxRequestBytes) {
                c.out = httpResponse(431, "Request Header Fields Too Large", "request too large\n", false);
            } else {
                continue;
            }
            c.in.clear();
            c.state = Connection::State::Writing;
            return write(c);
        }
    }

    Next write(Connection& c)
    {
        while (c.sent < c.out.size()) {
            const ssize_t n =
                ::send(c.fd, c.out.constData() + c.sent, static_cast<size_t>(c.out.size() - c.sent), MSG_NOSIGNAL);
            if (n < 0)
                return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Next::Keep : Next::Close;
            c.sent += n;
        }
        c.out.clear();
        ::shutdown(c.fd, SHUT_WR);
        c.state = Connection::State::Closing;
        c.deadline = std::min(c.deadline, Clock::now() + kLinger);
        return discard(c);
    }

    Next discard(Connection& c)
    {
        for (;;) {
            char buffer[4096];
            const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (n == 0)
                return Next::Close;
            if (n < 0)
                return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Next::Keep : Next::Close;
            c.discarded += n;
            if (c.discarded > kMaxDiscard)
                return Next::Close;
        }
    }

    Next step(Connection& c, short revents, Clock::time_point now)
    {
        switch (c.state) {
        case Connection::State::Sniffing: return sniff(c, revents, now);
        case Connection::State::Reading: return read(c);
        case Connection::State::Writing: return write(c);
        case Connection::State::Closing: return discard(c);
        }
        return Next::Close;
    }

    void run()
    {
        std::vector<pollfd> fds;
        for (;;) {
            const Clock::time_point now = Clock::now();
            for (auto it = connections.begin(); it != connections.end();) {
                if (it->deadline <= now)
                    closeConnection(it++);
                else
                    ++it;
            }

            fds.clear();
            fds.push_back({wake, POLLIN, 0});
            const bool accepting = now >= acceptPausedUntil;
            for (int fd : listeners)
                fds.push_back({fd, static_cast<short>(accepting ? POLLIN : 0), 0});
            Clock::time_point next = now + std::chrono::seconds(60);
            if (!accepting)
                next = std::min(next, acceptPausedUntil);
            for (const Connection& c : connections) {
                short events = POLLIN;
                if (c.state == Connection::State::Writing) {
                    events = POLLOUT;
                } else if (c.state == Connection::State::Sniffing && c.peekAgainAt > now) {
                    events = POLLRDHUP; // only to learn that the rest of the preface will never come
                    next = std::min(next, c.peekAgainAt);
                }
                fds.push_back({c.fd, events, 0});
                next = std::min(next, c.deadline);
            }
            const auto wait = std::chrono::ceil<milliseconds>(next - now).count();
            const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait, 0, 60'000)));
            if (ready < 0) {
                if (errno != EINTR)
                    std::this_thread::sleep_for(kPeekAgain);
                continue;
            }
            if (fds[0].revents != 0)
                return; // stop()

            const Clock::time_point after = Clock::now();
            // The connections first: those accepted below are not in `fds` yet.
            size_t i = 1 + listeners.size();
            for (auto it = connections.begin(); it != connections.end(); ++i) {
                const short revents = fds[i].revents;
                if (revents == 0) {
                    ++it;
                    continue;
                }
                const Next outcome = (revents & POLLNVAL) ? Next::Close : step(*it, revents, after);
                if (outcome == Next::Keep) {
                    ++it;
                } else if (outcome == Next::Close) {
                    closeConnection(it++);
                } else {
                    const int fd = it->fd;
                    connections.erase(it++);
                    if (options.handOffHttp2)
                        options.handOffHttp2(fd);
                    else
                        ::close(fd);
                }
            }
            for (size_t l = 0; l < listeners.size(); ++l)
                if (fds[1 + l].revents & POLLIN)
                    acceptFrom(listeners[l], after);
        }
    }
};

HealthPort::HealthPort(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HealthPort::~HealthPort()
{
    stop();
}

Result<std::unique_ptr<HealthPort>> HealthPort::start(HealthPortOptions options)
{
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    if (Status bound = impl->bind(impl->options.listen); !bound)
        return bound.error();
    impl->wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (impl->wake < 0)
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("cannot start the health port: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<HealthPort>(new HealthPort(std::move(impl)));
}

int HealthPort::port() const
{
    return m_impl->port;
}

void HealthPort::stop()
{
    if (!m_impl->thread.joinable())
        return;
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_impl->wake, &one, sizeof one);
    m_impl->thread.join();
    for (const Connection& c : m_impl->connections)
        ::close(c.fd);
    m_impl->connections.clear();
    for (int fd : m_impl->listeners)
        ::close(fd);
    m_impl->listeners.clear();
}

} // namespace incidoc::remote
