// The worker's metrics, scraped the way Prometheus does (HTTP/1.1 GET /metrics over TCP) from a real
// worker on loopback (real gRPC, real Tesseract) while it recognizes pages: the queue and the busy
// threads seen while calls wait, counters that rise by exactly the calls served, failed and refused, a
// histogram that counts every page served, a text that a strict reader accepts at every scrape, and
// Kubernetes' gRPC health checks on the same port, also while it drains and while hostile clients hang on.
#include "core/ocr/tesseract_engine.h"
#include "core/remote/proto_convert.h"
#include "core/remote/worker_protocol.h"
#include "core/remote/worker_server.h"

#include <QTemporaryDir>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "grpc/health/v1/health.grpc.pb.h"
#include "incidoc/worker/v1/worker.grpc.pb.h"
#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/pdf_factory.h"
#include "tests/support/prometheus_scrape.h"
#include "tests/support/qt_printers.h"
#include "tests/support/worker_support.h"

using namespace incidoc;
using namespace incidoc::remote;
using namespace std::chrono_literals;
using incidoc::test::Exposition;
using incidoc::test::httpGet;
namespace health = ::grpc::health::v1;
using Labels = std::map<std::string, std::string>;

namespace {

const Labels kTesseract{{"engine", "tesseract"}};

class WorkerMetricsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_key = test::writeApiKey(m_dir.filePath(QStringLiteral("api-key")));
        ASSERT_FALSE(m_key.isEmpty());
    }

    std::unique_ptr<WorkerServer> startServer(int threads)
    {
        WorkerOptions o;
        o.listen = QStringLiteral("127.0.0.1:0");
        o.healthListen = QStringLiteral("127.0.0.1:0");
        o.threads = threads;
        o.apiKey = m_key;
        o.enabledEngines = {QStringLiteral("tesseract")};
        auto s = WorkerServer::start(std::move(o));
        EXPECT_TRUE(s) << (s ? QString() : s.error().message);
        return s ? std::move(s).value() : nullptr;
    }

    /// One scrape, read strictly; fails the test on any HTTP or format error.
    Exposition scrape(const WorkerServer& server)
    {
        const auto reply = httpGet(server.healthPort());
        EXPECT_EQ(reply.status, 200) << reply.error;
        EXPECT_EQ(reply.headers.count("content-type") ? reply.headers.at("content-type") : std::string(),
                  "text/plain; version=0.0.4; charset=utf-8");
        QString error;
        auto parsed = test::parseExposition(reply.body, &error);
        EXPECT_TRUE(parsed) << error << "\n" << reply.body.constData();
        return parsed ? *parsed : Exposition();
    }

    static double value(const Exposition& e, const std::string& name, const Labels& labels = {})
    {
        const auto v = e.value(name, labels);
        EXPECT_TRUE(v) << name << " is missing";
        return v.value_or(-1);
    }

    std::unique_ptr<pb::OcrWorker::Stub> stub(const WorkerServer& server)
    {
        return pb::OcrWorker::NewStub(
            grpc::CreateChannel(server.address().toStdString(), grpc::InsecureChannelCredentials()));
    }

    grpc::Status recognize(pb::OcrWorker::Stub& s, const pb::RecognizeRequest& request, bool withKey = true)
    {
        grpc::ClientContext ctx;
        if (withKey)
            ctx.AddMetadata(kApiKeyMetadata, m_key.toStdString());
        ctx.set_deadline(std::chrono::system_clock::now() + 300s);
        pb::RecognizeResponse response;
        return s.Recognize(&ctx, request, &response);
    }

    /// The top `rows` rows of a page of known text at 200 dpi, as PNG: well under a second of Tesseract
    /// here, but long enough for calls to wait for each other. Small on the wire: under ThreadSanitizer
    /// every byte gRPC hands over is checked, and megabytes of raw grey take minutes on a busy machine
    /// (long enough for the worker's keepalive pings to give up on a starved client).
    static pb::RecognizeRequest page(unsigned seed, int rows)
    {
        pb::RecognizeRequest r;
        const auto pages = test::sampleParagraphPages(1, seed);
        const QImage full = test::renderTextImage(pages[0].lines, 200);
        EXPECT_TRUE(encodeImage(full.copy(0, 0, full.width(), std::min(rows, full.height())), 200, ImageEncoding::Grey8,
                                r.mutable_image())
                        .ok());
        r.mutable_options()->set_languages("eng");
        return r;
    }

    /// A gRPC health check on the port, over a connection of its own (as the kubelet makes).
    static grpc::Status checkHealth(int port, const std::string& service, health::HealthCheckResponse* response)
    {
        auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
        auto h = health::Health::NewStub(channel);
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + 20s);
        health::HealthCheckRequest req;
        req.set_service(service);
        return h->Check(&ctx, req, response);
    }

    static health::HealthCheckResponse::ServingStatus healthOf(int port, const std::string& service)
    {
        health::HealthCheckResponse response;
        const grpc::Status st = checkHealth(port, service, &response);
        EXPECT_TRUE(st.ok()) << st.error_message();
        return st.ok() ? response.status() : health::HealthCheckResponse::UNKNOWN;
    }

    /// Waits until no thread counts as busy (a thread stays busy a moment after its reply went out).
    static void waitIdle(const WorkerServer& server)
    {
        for (int i = 0; i < 1000 && (server.counters().busy != 0 || server.counters().queued != 0); ++i)
            std::this_thread::sleep_for(5ms);
    }

    QTemporaryDir m_dir;
    QByteArray m_key;
};

} // namespace

TEST_F(WorkerMetricsTest, QueueBusyThreadsAndCountersFollowTheCalls)
{
    auto server = startServer(1);
    ASSERT_TRUE(server);
    ASSERT_GT(server->healthPort(), 0);

    Exposition e = scrape(*server);
    EXPECT_EQ(value(e, "incidoc_worker_threads"), 1);
    EXPECT_EQ(value(e, "incidoc_worker_busy_threads"), 0);
    EXPECT_EQ(value(e, "incidoc_worker_queued_requests"), 0);
    EXPECT_EQ(value(e, "incidoc_worker_inflight_requests"), 0);
    EXPECT_EQ(value(e, "incidoc_worker_draining"), 0);
    EXPECT_EQ(value(e, "incidoc_worker_pages_served_total", kTesseract), 0);
    EXPECT_EQ(value(e, "incidoc_worker_recognize_duration_seconds_count", kTesseract), 0);
    EXPECT_EQ(value(e, "incidoc_worker_build_info",
                    {{"version", workerVersion().toStdString()}, {"tesseract", tesseractVersion().toStdString()}}),
              1);
    EXPECT_GT(value(e, "process_resident_memory_bytes"), 10.0 * 1024 * 1024);
    for (const char* family : {"incidoc_worker_recognize_duration_seconds", "incidoc_worker_pages_served_total",
                               "incidoc_worker_recognize_failures_total", "incidoc_worker_requests_rejected_total"})
        EXPECT_TRUE(e.families.count(family)) << family;
    EXPECT_EQ(e.families["incidoc_worker_recognize_duration_seconds"].type, "histogram");

    // One long page on the worker's one thread; two short ones sent while it runs wait in the queue.
    constexpr int kPages = 3;
    auto s = stub(*server);
    std::vector<pb::RecognizeRequest> pages; // made here: the text renderer (fontconfig) is not thread-safe
    {
        const QImage full = test::renderTextImage(test::sampleParagraphPages(1, 11)[0].lines, 300);
        pb::RecognizeRequest r;
        ASSERT_TRUE(encodeImage(full, 300, ImageEncoding::Png, r.mutable_image()).ok());
        r.mutable_options()->set_languages("eng");
        pages.push_back(r);
    }
    for (int i = 1; i < kPages; ++i)
        pages.push_back(page(11 + i, 400));
    // A connection per call, made before the calls, as several clients would.
    std::vector<std::unique_ptr<pb::OcrWorker::Stub>> clients;
    for (int i = 0; i < kPages; ++i) {
        auto channel = grpc::CreateChannel(server->address().toStdString(), grpc::InsecureChannelCredentials());
        ASSERT_TRUE(channel->WaitForConnected(std::chrono::system_clock::now() + 60s));
        clients.push_back(pb::OcrWorker::NewStub(channel));
    }
    std::vector<std::future<grpc::Status>> calls;
    auto send = [&](int i) {
        calls.push_back(std::async(std::launch::async, [&, i] { return recognize(*clients[i], pages[i]); }));
    };
    double maxBusy = 0, maxQueued = 0;
    int scrapes = 0;
    auto observe = [&] {
        e = scrape(*server);
        ++scrapes;
        const double busy = value(e, "incidoc_worker_busy_threads");
        const double queued = value(e, "incidoc_worker_queued_requests");
        EXPECT_EQ(value(e, "incidoc_worker_inflight_requests"), busy + queued);
        EXPECT_LE(busy, 1);
        EXPECT_LE(queued, kPages - 1);
        maxBusy = std::max(maxBusy, busy);
        maxQueued = std::max(maxQueued, queued);
        std::this_thread::sleep_for(50ms); // Prometheus scrapes far less often
    };
    auto done = [](std::future<grpc::Status>& c) { return c.wait_for(0s) == std::future_status::ready; };
    send(0);
    while (maxBusy < 1 && !done(calls[0]))
        observe();
    for (int i = 1; i < kPages; ++i)
        send(i);
    while (!std::all_of(calls.begin(), calls.end(), done))
        observe();
    for (auto& c : calls) {
        const grpc::Status st = c.get();
        EXPECT_TRUE(st.ok()) << st.error_message();
    }
    EXPECT_EQ(maxBusy, 1) << scrapes << " scrapes";
    EXPECT_GE(maxQueued, 1) << scrapes << " scrapes";

    waitIdle(*server);
    e = scrape(*server);
    EXPECT_EQ(value(e, "incidoc_worker_busy_threads"), 0);
    EXPECT_EQ(value(e, "incidoc_worker_queued_requests"), 0);
    EXPECT_EQ(value(e, "incidoc_worker_pages_served_total", kTesseract), kPages);
    EXPECT_EQ(value(e, "incidoc_worker_recognize_duration_seconds_count", kTesseract), kPages);
    Labels inf = kTesseract;
    inf["le"] = "+Inf";
    EXPECT_EQ(value(e, "incidoc_worker_recognize_duration_seconds_bucket", inf), kPages);
    // The queue time is in the latency: the last page waited for the two before it.
    const double sum = value(e, "incidoc_worker_recognize_duration_seconds_sum", kTesseract);
    EXPECT_GT(sum, 0);
    // The same counters as GetStatus: one set, two views.
    const WorkerCounters counters = server->counters();
    EXPECT_EQ(counters.pagesServed, kPages);
    ASSERT_EQ(counters.engines.size(), 1u);
    EXPECT_NEAR(counters.engines[0].latencyMsMean * kPages / 1000.0, sum, 1e-6);

    // A page that is not an image: accepted, then failed (counted as a failure, not as served).
    pb::RecognizeRequest bad = page(3, 200);
    bad.mutable_image()->set_encoding(pb::PageImage::PNG);
    bad.mutable_image()->set_data("\x89PNG\r\n\x1a\n garbage");
    EXPECT_EQ(recognize(*s, bad).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    // Refused before any work: no key; a language the worker does not have.
    EXPECT_EQ(recognize(*s, page(3, 200), false).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    pb::RecognizeRequest unknownLanguage = page(3, 200);
    unknownLanguage.mutable_options()->set_languages("xyz");
    EXPECT_EQ(recognize(*s, unknownLanguage).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    waitIdle(*server);
    e = scrape(*server);
    EXPECT_EQ(
        value(e, "incidoc_worker_recognize_failures_total", {{"engine", "tesseract"}, {"reason", "invalid_argument"}}),
        1);
    EXPECT_EQ(e.families["incidoc_worker_recognize_failures_total"].samples.size(), 1u);
    EXPECT_EQ(value(e, "incidoc_worker_requests_rejected_total", {{"reason", "unauthenticated"}}), 1);
    EXPECT_EQ(value(e, "incidoc_worker_requests_rejected_total", {{"reason", "invalid_argument"}}), 1);
    EXPECT_EQ(value(e, "incidoc_worker_pages_served_total", kTesseract), kPages);
    EXPECT_EQ(value(e, "incidoc_worker_recognize_duration_seconds_count", kTesseract), kPages);
    EXPECT_EQ(server->counters().failures, 1);
    EXPECT_EQ(server->counters().rejected, 2);
}

TEST_F(WorkerMetricsTest, HealthChecksShareThePortAndFollowTheDrain)
{
    auto server = startServer(1);
    ASSERT_TRUE(server);
    const int port = server->healthPort();

    // Health checks and scrapes at the same time, on the same port.
    std::atomic<int> scraped{0};
    auto scraper = std::async(std::launch::async, [&] {
        for (int i = 0; i < 20; ++i)
            if (httpGet(port).status == 200)
                ++scraped;
    });
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(healthOf(port, kServiceName), health::HealthCheckResponse::SERVING);
        EXPECT_EQ(healthOf(port, ""), health::HealthCheckResponse::SERVING);
    }
    scraper.get();
    EXPECT_EQ(scraped.load(), 20);

    // A page in flight, then the drain: the port says NOT_SERVING and draining until the page is done.
    auto s = stub(*server);
    const pb::RecognizeRequest longPage = page(5, 1200);
    auto inFlight = std::async(std::launch::async, [&] { return recognize(*s, longPage); });
    for (int i = 0; i < 2000 && server->counters().busy == 0; ++i)
        std::this_thread::sleep_for(5ms);
    ASSERT_EQ(server->counters().busy, 1);
    auto drained = std::async(std::launch::async, [&] { server->drain(120'000); });
    for (int i = 0; i < 2000 && !server->counters().draining; ++i)
        std::this_thread::sleep_for(5ms);
    bool sawDrainingWhileBusy = false;
    while (inFlight.wait_for(0s) != std::future_status::ready) {
        const auto reply = httpGet(port);
        if (reply.status != 200)
            break; // the page ended and the port closed in between
        QString error;
        const auto e = test::parseExposition(reply.body, &error);
        ASSERT_TRUE(e) << error;
        EXPECT_EQ(e->value("incidoc_worker_draining"), 1.0);
        if (e->value("incidoc_worker_busy_threads") == 1.0)
            sawDrainingWhileBusy = true;
        health::HealthCheckResponse response;
        if (const grpc::Status st = checkHealth(port, kServiceName, &response); st.ok()) {
            EXPECT_EQ(response.status(), health::HealthCheckResponse::NOT_SERVING);
        } else { // only once the page is done may the port be gone
            EXPECT_EQ(inFlight.wait_for(10s), std::future_status::ready) << st.error_message();
            break;
        }
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_TRUE(sawDrainingWhileBusy);
    EXPECT_TRUE(inFlight.get().ok());
    ASSERT_EQ(drained.wait_for(60s), std::future_status::ready);
    EXPECT_LT(test::connectTcp(port), 0); // the port closes with the worker
}

TEST_F(WorkerMetricsTest, HostileClientsDoNotBlockTheWorker)
{
    auto server = startServer(1);
    ASSERT_TRUE(server);
    const int port = server->healthPort();
    std::vector<int> hostile;
    auto open = [&](const QByteArray& first) {
        const int fd = test::connectTcp(port);
        ASSERT_GE(fd, 0);
        if (!first.isEmpty()) {
            ASSERT_EQ(::send(fd, first.constData(), static_cast<size_t>(first.size()), MSG_NOSIGNAL), first.size());
        }
        hostile.push_back(fd);
    };
    open({});                                                     // connects, says nothing
    open("GET /metr");                                            // a request that never ends
    open("PRI * HT");                                             // half an HTTP/2 preface
    open(QByteArray(6000, 'x'));                                  // garbage, no line end
    open("GET /metrics HTTP/1.1\r\nX: " + QByteArray(7000, 'y')); // a head growing towards the cap
    for (int i = 0; i < 100; ++i)                                 // more idle connections than the port keeps
        open({});

    // Scrapes, health checks and pages go on (each well within the 10 s the port gives a slow client).
    for (int i = 0; i < 3; ++i) {
        const auto reply = httpGet(port, "/metrics", 5000);
        ASSERT_EQ(reply.status, 200) << reply.error;
        QString error;
        EXPECT_TRUE(test::parseExposition(reply.body, &error)) << error;
    }
    EXPECT_EQ(healthOf(port, kServiceName), health::HealthCheckResponse::SERVING);
    auto s = stub(*server);
    EXPECT_TRUE(recognize(*s, page(4, 300)).ok());
    for (int fd : hostile)
        ::close(fd);
}
