// The worker's operations port on its own, over real loopback sockets: HTTP/1.1 requests answered
// (and refused) as Prometheus and curl expect, the HTTP/2 preface handed over unread, and clients that
// are slow, silent, malformed or too many holding nothing for long and blocking no one.
#include "core/remote/health_port.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/prometheus_scrape.h"
#include "tests/support/qt_printers.h"

using namespace incidoc;
using namespace incidoc::remote;
using namespace std::chrono_literals;
using incidoc::test::connectTcp;
using incidoc::test::httpExchange;
using incidoc::test::httpGet;

namespace {

const QByteArray kBody = "# HELP demo_up Demo.\n# TYPE demo_up gauge\ndemo_up 1\n";
/// The whole HTTP/2 client connection preface (RFC 9113, 3.4).
const QByteArray kPreface = QByteArrayLiteral("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

/// Sockets handed over by the port, kept open until the test ends.
struct HandedOff {
    std::mutex mutex;
    std::vector<int> fds;
    std::promise<int> first;
    bool fulfilled = false;

    void take(int fd)
    {
        std::lock_guard guard(mutex);
        fds.push_back(fd);
        if (!fulfilled) {
            fulfilled = true;
            first.set_value(fd);
        }
    }
    size_t count()
    {
        std::lock_guard guard(mutex);
        return fds.size();
    }
    ~HandedOff()
    {
        for (int fd : fds)
            ::close(fd);
    }
};

std::unique_ptr<HealthPort> startPort(HandedOff* handed, int timeoutMs = 10'000, int maxConnections = 64)
{
    HealthPortOptions o;
    o.listen = QStringLiteral("127.0.0.1:0");
    o.metrics = [] { return kBody; };
    o.handOffHttp2 = [handed](int fd) { handed->take(fd); };
    o.connectionTimeoutMs = timeoutMs;
    o.maxConnections = maxConnections;
    auto port = HealthPort::start(std::move(o));
    EXPECT_TRUE(port) << (port ? QString() : port.error().message);
    return port ? std::move(port).value() : nullptr;
}

/// True when the server has closed `fd` within `waitMs` (the socket reads end of file or a reset).
bool closedByServer(int fd, int waitMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 0))) <= 0)
            return false;
        char buffer[256];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            return true;
    }
}

bool stillOpen(int fd)
{
    char c;
    const ssize_t n = ::recv(fd, &c, 1, MSG_DONTWAIT | MSG_PEEK);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void sendAll(int fd, const QByteArray& bytes)
{
    ASSERT_EQ(::send(fd, bytes.constData(), static_cast<size_t>(bytes.size()), MSG_NOSIGNAL), bytes.size());
}

} // namespace

TEST(HealthPort, ServesMetricsToGetAndHeadAndRefusesTheRest)
{
    HandedOff handed;
    auto port = startPort(&handed);
    ASSERT_TRUE(port);
    const int p = port->port();
    ASSERT_GT(p, 0);

    auto reply = httpGet(p);
    ASSERT_EQ(reply.status, 200) << reply.error;
    EXPECT_EQ(reply.body, kBody);
    EXPECT_EQ(reply.headers["content-type"], "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(reply.headers["connection"], "close");
    EXPECT_EQ(httpGet(p, "/metrics?name[]=demo_up").status, 200); // Prometheus may add parameters

    reply = httpExchange(p, "HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n", 10'000, true);
    ASSERT_EQ(reply.status, 200) << reply.error;
    EXPECT_EQ(reply.headers["content-length"], std::to_string(kBody.size()));
    // HTTP/1.0, and bare line ends, as old tools send them.
    reply = httpExchange(p, "GET /metrics HTTP/1.0\n\n");
    ASSERT_EQ(reply.status, 200) << reply.error;
    EXPECT_EQ(reply.body, kBody);

    EXPECT_EQ(httpGet(p, "/").status, 404);
    EXPECT_EQ(httpGet(p, "/metrics/../etc/passwd").status, 404);
    EXPECT_EQ(httpGet(p, "/healthz").status, 404);
    reply = httpExchange(p, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    EXPECT_EQ(reply.status, 405) << reply.error;
    EXPECT_EQ(reply.headers["allow"], "GET, HEAD");
    EXPECT_EQ(httpExchange(p, "DELETE /metrics HTTP/1.1\r\n\r\n").status, 405);
    EXPECT_EQ(httpExchange(p, "GET /metrics HTTP/3.0\r\n\r\n").status, 505);
    EXPECT_EQ(httpExchange(p, "GET /metrics\r\n\r\n").status, 400);
    EXPECT_EQ(httpExchange(p, "hello there, port\r\n\r\n").status, 400);
    EXPECT_EQ(httpExchange(p, QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15)).status,
              400); // TLS
    // A request head over the limit (8 KiB) is refused, not buffered on.
    const QByteArray huge = "GET /metrics HTTP/1.1\r\nX-Pad: " + QByteArray(20'000, 'a') + "\r\n\r\n";
    EXPECT_EQ(httpExchange(p, huge).status, 431);
    EXPECT_EQ(handed.count(), 0u);
    // Still serving after all that.
    EXPECT_EQ(httpGet(p).status, 200);
}

TEST(HealthPort, Http2ConnectionsAreHandedOverUnread)
{
    HandedOff handed;
    auto port = startPort(&handed);
    ASSERT_TRUE(port);
    const int client = connectTcp(port->port());
    ASSERT_GE(client, 0);
    // The preface in two pieces, the first shorter than what the port looks at.
    sendAll(client, kPreface.left(2));
    std::this_thread::sleep_for(50ms);
    sendAll(client, kPreface.mid(2));
    auto first = handed.first.get_future();
    ASSERT_EQ(first.wait_for(10s), std::future_status::ready);
    const int server = first.get();
    // The receiver reads the whole preface: the port consumed nothing.
    QByteArray got;
    while (got.size() < kPreface.size()) {
        pollfd pf{server, POLLIN, 0};
        ASSERT_EQ(::poll(&pf, 1, 5000), 1);
        char buffer[64];
        const ssize_t n = ::recv(server, buffer, sizeof buffer, 0);
        ASSERT_GT(n, 0);
        got.append(buffer, n);
    }
    EXPECT_EQ(got, kPreface);
    // And it is the client's connection, both ways.
    ASSERT_EQ(::send(server, "ok", 2, MSG_NOSIGNAL), 2);
    char reply[2] = {};
    ASSERT_EQ(::recv(client, reply, 2, MSG_WAITALL), 2);
    EXPECT_EQ(QByteArray(reply, 2), "ok");
    ::close(client);
    EXPECT_EQ(handed.count(), 1u);
}

TEST(HealthPort, SlowSilentAndHalfPrefaceClientsBlockNobodyAndAreDropped)
{
    HandedOff handed;
    auto port = startPort(&handed, 3000);
    ASSERT_TRUE(port);
    const int p = port->port();
    const int silent = connectTcp(p);
    const int slow = connectTcp(p);
    const int halfPreface = connectTcp(p);
    const int halfThenGone = connectTcp(p);
    ASSERT_TRUE(silent >= 0 && slow >= 0 && halfPreface >= 0 && halfThenGone >= 0);
    sendAll(slow, "GET /met");
    sendAll(halfPreface, "PR");
    sendAll(halfThenGone, "PRI");
    ::shutdown(halfThenGone, SHUT_WR); // never the rest of the preface

    // Meanwhile others are answered at once (well before the 3 s the slow ones may take).
    for (int i = 0; i < 5; ++i) {
        const auto reply = httpGet(p, "/metrics", 1500);
        EXPECT_EQ(reply.status, 200) << reply.error;
    }
    EXPECT_TRUE(closedByServer(halfThenGone, 2000)); // no need to wait for its timeout
    // Then the port closes the slow ones: none is handed on, none keeps its socket.
    EXPECT_TRUE(closedByServer(silent, 10'000));
    EXPECT_TRUE(closedByServer(slow, 10'000));
    EXPECT_TRUE(closedByServer(halfPreface, 10'000));
    EXPECT_EQ(handed.count(), 0u);
    for (int fd : {silent, slow, halfPreface, halfThenGone})
        ::close(fd);
}

TEST(HealthPort, TheOldestConnectionMakesRoomWhenFull)
{
    HandedOff handed;
    auto port = startPort(&handed, 60'000, 3);
    ASSERT_TRUE(port);
    const int p = port->port();
    std::vector<int> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(connectTcp(p));
        ASSERT_GE(idle.back(), 0);
        std::this_thread::sleep_for(50ms); // accepted in this order
    }
    const auto reply = httpGet(p, "/metrics", 5000);
    EXPECT_EQ(reply.status, 200) << reply.error;
    EXPECT_TRUE(closedByServer(idle[0], 5000));
    EXPECT_TRUE(stillOpen(idle[2]));
    for (int fd : idle)
        ::close(fd);
}

TEST(HealthPort, StopClosesEverything)
{
    HandedOff handed;
    auto port = startPort(&handed);
    ASSERT_TRUE(port);
    const int p = port->port();
    const int idle = connectTcp(p);
    ASSERT_GE(idle, 0);
    ASSERT_EQ(httpGet(p).status, 200); // the idle one has been accepted by now
    port->stop();
    EXPECT_TRUE(closedByServer(idle, 5000));
    EXPECT_LT(connectTcp(p), 0); // nobody listens any more
    ::close(idle);
}

TEST(HealthPort, AddressesAndTheirErrors)
{
    HandedOff handed;
    // All interfaces: reachable over loopback.
    HealthPortOptions any;
    any.listen = QStringLiteral("0.0.0.0:0");
    any.metrics = [] { return kBody; };
    auto wildcard = HealthPort::start(std::move(any));
    ASSERT_TRUE(wildcard) << wildcard.error().message;
    EXPECT_EQ(httpGet((*wildcard)->port()).status, 200);

    // A port in use (by that one) is refused, as is an address that is not one.
    HealthPortOptions taken;
    taken.listen = QStringLiteral("127.0.0.1:%1").arg((*wildcard)->port());
    auto clash = HealthPort::start(std::move(taken));
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code, ErrorCode::Unavailable) << clash.error().message;
    EXPECT_TRUE(clash.error().message.contains(QStringLiteral("metrics"))) << clash.error().message;
    for (const char* bad : {"no-port", "127.0.0.1:99999", "[::1:80", ""}) {
        HealthPortOptions o;
        o.listen = QString::fromLatin1(bad);
        auto r = HealthPort::start(std::move(o));
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::InvalidInput) << bad << ": " << r.error().message;
    }
}
