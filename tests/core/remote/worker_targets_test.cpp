// Worker addresses, API key files and the key comparison: parsing, resolving and refusing.
#include "core/remote/worker_protocol.h"
#include "core/remote/worker_targets.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/qt_printers.h"

using namespace incidoc;
using namespace incidoc::remote;

TEST(WorkerTargets, ListOfIpv4AddressesIsOneRoundRobinTarget)
{
    auto t = resolveWorkerTargets(QStringLiteral("127.0.0.1:50051, 127.0.0.2:50052,127.0.0.1:50051"));
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->channelTarget, QStringLiteral("ipv4:127.0.0.1:50051,127.0.0.2:50052"));
    EXPECT_EQ(t->addresses, (QStringList{QStringLiteral("127.0.0.1:50051"), QStringLiteral("127.0.0.2:50052")}));
    EXPECT_TRUE(t->allLoopback);
}

TEST(WorkerTargets, HostNamesAreResolvedNow)
{
    auto t = resolveWorkerTargets(QStringLiteral("localhost:6000"));
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_TRUE(t->channelTarget.startsWith(QStringLiteral("ipv4:127."))
                || t->channelTarget.startsWith(QStringLiteral("ipv6:[::1]")))
        << t->channelTarget;
    EXPECT_TRUE(t->allLoopback);
    EXPECT_EQ(t->authority, QStringLiteral("localhost"));
}

TEST(WorkerTargets, DnsNameIsPassedToGrpcAndResolvedForProbing)
{
    auto t = resolveWorkerTargets(QStringLiteral("dns:///localhost:7000"));
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->channelTarget, QStringLiteral("dns:///localhost:7000"));
    ASSERT_FALSE(t->addresses.isEmpty());
    EXPECT_TRUE(t->addresses.first().endsWith(QStringLiteral(":7000")));
    EXPECT_TRUE(t->allLoopback);
}

TEST(WorkerTargets, Ipv6InBrackets)
{
    auto t = resolveWorkerTargets(QStringLiteral("[::1]:50051"));
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->channelTarget, QStringLiteral("ipv6:[::1]:50051"));
    EXPECT_TRUE(t->allLoopback);
}

TEST(WorkerTargets, NotLoopbackIsNoticed)
{
    auto t = resolveWorkerTargets(QStringLiteral("127.0.0.1:1,192.0.2.7:50051"));
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_FALSE(t->allLoopback);
}

TEST(WorkerTargets, BadSpecsGetClearErrors)
{
    const struct {
        const char* spec;
        const char* says;
    } cases[] = {
        {"", "no workers"},
        {"localhost", "HOST:PORT"},
        {"127.0.0.1:99999", "port"},
        {"127.0.0.1:0", "port 0"},
        {"::1:50051", "brackets"},
        {"127.0.0.1:1,[::1]:2", "IPv4 and IPv6"},
        {"no-such-host.invalid:50051", "cannot be resolved"},
        {"dns:///no-such-host.invalid:50051", "cannot be resolved"},
    };
    for (const auto& c : cases) {
        auto t = resolveWorkerTargets(QString::fromLatin1(c.spec));
        ASSERT_FALSE(t) << c.spec;
        EXPECT_TRUE(t.error().message.contains(QLatin1String(c.says))) << c.spec << ": " << t.error().message;
    }
}

TEST(ApiKey, FileIsReadAndChecked)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key"));
    auto missing = readApiKeyFile(path);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("  \n");
    f.close();
    auto empty = readApiKeyFile(path);
    ASSERT_FALSE(empty);
    EXPECT_TRUE(empty.error().message.contains(QStringLiteral("empty")));

    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("short\n");
    f.close();
    auto shortKey = readApiKeyFile(path);
    ASSERT_FALSE(shortKey);
    EXPECT_TRUE(shortKey.error().message.contains(QStringLiteral("too short")));

    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("  0123456789abcdef0123  \nsecond line ignored\n");
    f.close();
    auto key = readApiKeyFile(path);
    ASSERT_TRUE(key) << key.error().message;
    EXPECT_EQ(*key, QByteArray("0123456789abcdef0123"));
}

TEST(ApiKey, ComparisonIsExact)
{
    EXPECT_TRUE(constantTimeEquals("0123456789abcdef", "0123456789abcdef"));
    EXPECT_FALSE(constantTimeEquals("0123456789abcdef", "0123456789abcdeg"));
    EXPECT_FALSE(constantTimeEquals("0123456789abcdef", "0123456789abcdef0"));
    EXPECT_FALSE(constantTimeEquals("", "x"));
    EXPECT_FALSE(constantTimeEquals("0123456789abcdef", ""));
}

TEST(Loopback, Hosts)
{
    EXPECT_TRUE(isLoopbackHost(QStringLiteral("localhost")));
    EXPECT_TRUE(isLoopbackHost(QStringLiteral("127.0.0.1")));
    EXPECT_TRUE(isLoopbackHost(QStringLiteral("127.8.9.10")));
    EXPECT_TRUE(isLoopbackHost(QStringLiteral("[::1]")));
    EXPECT_TRUE(isLoopbackHost(QStringLiteral("::1")));
    EXPECT_FALSE(isLoopbackHost(QStringLiteral("0.0.0.0")));
    EXPECT_FALSE(isLoopbackHost(QStringLiteral("10.0.0.1")));
    EXPECT_FALSE(isLoopbackHost(QStringLiteral("::")));
    EXPECT_FALSE(isLoopbackHost(QStringLiteral("example.org")));
}

// The messages gRPC 1.51 gave in real runs: a worker killed during the call, and the retry that then
// found no connection (its "last error" is the old connection's reset; it must not count as a second
// worker killed by the page, or a page is failed only because the fleet's one worker died).
TEST(WorkerProtocol, DroppedMidCallTellsABrokenCallFromNoWorker)
{
    EXPECT_TRUE(droppedMidCall("Socket closed"));
    EXPECT_TRUE(droppedMidCall("recvmsg:Connection reset by peer"));
    EXPECT_TRUE(droppedMidCall("Broken pipe"));
    EXPECT_FALSE(droppedMidCall("connections to all backends failing; last error: UNAVAILABLE: ipv4:127.0.0.1:43331: "
                                "recvmsg:Connection reset by peer"));
    EXPECT_FALSE(
        droppedMidCall("connections to all backends failing; last error: UNKNOWN: ipv4:127.0.0.1:43331: Failed to "
                       "connect to remote host: Connection refused"));
    EXPECT_FALSE(droppedMidCall("failed to connect to all addresses"));
    EXPECT_FALSE(droppedMidCall(""));
}
