// The worker service in-process (a real gRPC server on a loopback port, real Tesseract) and the remote
// engine against it: identical results to local OCR, the API key, malformed and oversized requests,
// status counters, health, drain, TLS, and what the client does when no worker answers.
#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"
#include "core/remote/proto_convert.h"
#include "core/remote/remote_engine.h"
#include "core/remote/worker_protocol.h"
#include "core/remote/worker_server.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "incidoc/worker/v1/worker.grpc.pb.h"

#include "tests/support/missing_models_factory.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/qt_printers.h"
#include "tests/support/worker_support.h"

using namespace incidoc;
using incidoc::test::MissingModelsFactory;
using namespace incidoc::remote;
using namespace std::chrono_literals;
namespace health = ::grpc::health::v1;

namespace {

/// A page of known text, as the pipeline would hand it to OCR (200 dpi keeps the test quick).
QImage testPage(unsigned seed = 3, int lines = 8)
{
    auto pages = test::sampleParagraphPages(1, seed);
    return test::renderTextImage(pages[0].lines.mid(0, lines), 200);
}

OcrOptions ocrOptions()
{
    OcrOptions o;
    o.dpi = 200;
    return o;
}

void expectSamePage(const RecognizedPage& a, const RecognizedPage& b)
{
    ASSERT_EQ(a.words.size(), b.words.size());
    EXPECT_EQ(a.engine, b.engine);
    ASSERT_EQ(a.lines.size(), b.lines.size());
    ASSERT_EQ(a.blocks.size(), b.blocks.size());
    for (size_t i = 0; i < a.words.size(); ++i) {
        const auto &x = a.words[i], &y = b.words[i];
        EXPECT_EQ(x.text, y.text) << i;
        EXPECT_EQ(x.box.x0, y.box.x0);
        EXPECT_EQ(x.box.y0, y.box.y0);
        EXPECT_EQ(x.box.x1, y.box.x1);
        EXPECT_EQ(x.box.y1, y.box.y1);
        EXPECT_EQ(x.confidence, y.confidence); // bit for bit: floats travel as floats
        EXPECT_EQ(x.block, y.block);
        EXPECT_EQ(x.line, y.line);
        ASSERT_EQ(x.chars.size(), y.chars.size());
        for (size_t c = 0; c < x.chars.size(); ++c) {
            EXPECT_EQ(x.chars[c].text, y.chars[c].text);
            EXPECT_EQ(x.chars[c].box.x0, y.chars[c].box.x0);
            EXPECT_EQ(x.chars[c].box.x1, y.chars[c].box.x1);
            EXPECT_EQ(x.chars[c].confidence, y.chars[c].confidence);
        }
    }
    for (size_t i = 0; i < a.lines.size(); ++i) {
        EXPECT_EQ(a.lines[i].box.y0, b.lines[i].box.y0);
        EXPECT_EQ(a.lines[i].confidence, b.lines[i].confidence);
    }
}

class WorkerServerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_keyFile = m_dir.filePath(QStringLiteral("api-key"));
        m_key = test::writeApiKey(m_keyFile);
        ASSERT_FALSE(m_key.isEmpty());
    }

    WorkerOptions options(int threads = 2)
    {
        WorkerOptions o;
        o.listen = QStringLiteral("127.0.0.1:0");
        o.threads = threads;
        o.apiKey = m_key;
        o.log = [this](const QString& line) {
            std::lock_guard guard(m_logMutex);
            m_log << line;
        };
        return o;
    }

    std::unique_ptr<WorkerServer> startServer(WorkerOptions o)
    {
        auto s = WorkerServer::start(std::move(o));
        EXPECT_TRUE(s) << (s ? QString() : s.error().message);
        return s ? std::move(s).value() : nullptr;
    }

    QStringList log()
    {
        std::lock_guard guard(m_logMutex);
        return m_log;
    }

    std::unique_ptr<pb::OcrWorker::Stub> stub(const WorkerServer& server)
    {
        return pb::OcrWorker::NewStub(
            grpc::CreateChannel(server.address().toStdString(), grpc::InsecureChannelCredentials()));
    }

    grpc::Status recognize(pb::OcrWorker::Stub& s, const pb::RecognizeRequest& request, pb::RecognizeResponse* response,
                           const QByteArray& key)
    {
        grpc::ClientContext ctx;
        if (!key.isNull())
            ctx.AddMetadata(kApiKeyMetadata, key.toStdString());
        ctx.set_deadline(std::chrono::system_clock::now() + 60s);
        return s.Recognize(&ctx, request, response);
    }

    /// `small`: the first lines only — for requests whose content does not matter (under
    /// ThreadSanitizer every byte a gRPC thread hands over is checked, and slowly).
    pb::RecognizeRequest validRequest(ImageEncoding encoding = ImageEncoding::Grey8, bool small = false)
    {
        pb::RecognizeRequest r;
        const QImage page = testPage();
        EXPECT_TRUE(
            encodeImage(small ? page.copy(0, 0, page.width(), 500) : page, 200, encoding, r.mutable_image()).ok());
        r.mutable_options()->set_languages("eng");
        return r;
    }

    RemoteOptions remote(const WorkerServer& server)
    {
        RemoteOptions o;
        o.workers = server.address();
        o.apiKeyFile = m_keyFile;
        o.connectTimeoutMs = 30000; // generous: sanitizer builds on a busy machine are slow
        return o;
    }

    QTemporaryDir m_dir;
    QString m_keyFile;
    QByteArray m_key;
    std::mutex m_logMutex;
    QStringList m_log;
};

TEST_F(WorkerServerTest, RemoteResultsAreIdenticalToLocalOcr)
{
    auto server = startServer(options());
    ASSERT_TRUE(server);
    const QImage page = testPage();
    auto local = TesseractEngine::create(QStringLiteral("eng"));
    ASSERT_TRUE(local);
    auto expected = (*local)->recognize(page, ocrOptions(), CancelToken());
    ASSERT_TRUE(expected) << expected.error().message;
    ASSERT_GT(expected->words.size(), 40u);

    for (auto images : {RemoteOptions::Images::Grey8, RemoteOptions::Images::Png}) {
        RemoteOptions ro = remote(*server);
        ro.images = images;
        auto cluster = RemoteCluster::connect(ro, QStringLiteral("eng"));
        ASSERT_TRUE(cluster) << cluster.error().message;
        EXPECT_EQ((*cluster)->totalThreads(), 2);
        auto engine = (*cluster)->engineFactory()->create(QStringLiteral("eng"));
        ASSERT_TRUE(engine);
        auto got = (*engine)->recognize(page, ocrOptions(), CancelToken());
        ASSERT_TRUE(got) << got.error().message;
        expectSamePage(*expected, *got);
        EXPECT_EQ((*cluster)->stats().remotePages, 1);
        EXPECT_EQ((*cluster)->stats().localPages, 0);
    }
    EXPECT_EQ(server->counters().pagesServed, 2);
}

TEST_F(WorkerServerTest, EveryCallNeedsTheKeyButHealthDoesNot)
{
    auto server = startServer(options());
    ASSERT_TRUE(server);
    auto s = stub(*server);
    pb::RecognizeResponse response;
    const pb::RecognizeRequest request = validRequest();
    for (const QByteArray& key :
         {QByteArray(), QByteArray("wrong-key-wrong-key-wrong-key"), m_key.left(m_key.size() - 1), m_key + "x"}) {
        const grpc::Status st = recognize(*s, request, &response, key);
        EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << key.constData();
        EXPECT_EQ(st.error_message(), "missing or invalid API key"); // nothing that helps guessing
    }
    {
        grpc::ClientContext ctx;
        pb::GetStatusRequest req;
        pb::GetStatusResponse resp;
        EXPECT_EQ(s->GetStatus(&ctx, req, &resp).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    }
    {
        grpc::ClientContext ctx;
        pb::ListEnginesRequest req;
        pb::ListEnginesResponse resp;
        EXPECT_EQ(s->ListEngines(&ctx, req, &resp).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    }
    EXPECT_EQ(server->counters().rejected, 6);
    EXPECT_EQ(server->counters().pagesServed, 0);
    // The log says what was refused, never the key.
    for (const QString& line : log())
        EXPECT_FALSE(line.contains(QString::fromLatin1(m_key))) << line;

    auto h = health::Health::NewStub(
        grpc::CreateChannel(server->address().toStdString(), grpc::InsecureChannelCredentials()));
    for (const char* name : {"", kServiceName}) {
        grpc::ClientContext ctx;
        health::HealthCheckRequest req;
        req.set_service(name);
        health::HealthCheckResponse resp;
        ASSERT_TRUE(h->Check(&ctx, req, &resp).ok()) << name;
        EXPECT_EQ(resp.status(), health::HealthCheckResponse::SERVING);
    }
    // With the key, the same request works.
    EXPECT_TRUE(recognize(*s, request, &response, m_key).ok());
    EXPECT_GT(response.words_size(), 40);

    // The client finds a wrong key at connect time and says so.
    QFile wrong(m_dir.filePath(QStringLiteral("wrong-key")));
    ASSERT_TRUE(wrong.open(QIODevice::WriteOnly));
    wrong.write("not-the-key-not-the-key\n");
    wrong.close();
    RemoteOptions ro = remote(*server);
    ro.apiKeyFile = wrong.fileName();
    auto cluster = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_FALSE(cluster);
    EXPECT_TRUE(cluster.error().message.contains(QStringLiteral("refused the API key"))) << cluster.error().message;
}

TEST_F(WorkerServerTest, MalformedRequestsAreRefusedAndTheWorkerStaysUp)
{
    auto server = startServer(options());
    ASSERT_TRUE(server);
    auto s = stub(*server);
    pb::RecognizeResponse response;

    // Bytes that are not a RecognizeRequest at all.
    {
        auto channel = grpc::CreateChannel(server->address().toStdString(), grpc::InsecureChannelCredentials());
        grpc::GenericStub generic(channel);
        grpc::ClientContext ctx;
        ctx.AddMetadata(kApiKeyMetadata, m_key.toStdString());
        const std::string garbage("\xff\xff\xff\xff\x0f\x12\x34 not protobuf", 22);
        grpc::Slice slice(garbage);
        grpc::ByteBuffer request(&slice, 1), reply;
        std::promise<grpc::Status> done;
        generic.UnaryCall(&ctx, "/incidoc.worker.v1.OcrWorker/Recognize", grpc::StubOptions(), &request, &reply,
                          [&](grpc::Status st) { done.set_value(st); });
        const grpc::Status st = done.get_future().get();
        EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
    }
    struct Case {
        const char* name;
        std::function<void(pb::RecognizeRequest&)> spoil;
        grpc::StatusCode code;
    };
    const std::vector<Case> cases = {
        {"no image", [](pb::RecognizeRequest& r) { r.clear_image(); }, grpc::StatusCode::INVALID_ARGUMENT},
        {"size mismatch", [](pb::RecognizeRequest& r) { r.mutable_image()->set_width(r.image().width() + 1); },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"truncated data", [](pb::RecognizeRequest& r) { r.mutable_image()->mutable_data()->resize(1000); },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"zero width", [](pb::RecognizeRequest& r) { r.mutable_image()->set_width(0); },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"dpi out of range", [](pb::RecognizeRequest& r) { r.mutable_image()->set_dpi(9000); },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"bad png",
         [](pb::RecognizeRequest& r) {
             r.mutable_image()->set_encoding(pb::PageImage::PNG);
             r.mutable_image()->set_data("\x89PNG\r\n\x1a\n garbage");
         },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"unknown language", [](pb::RecognizeRequest& r) { r.mutable_options()->set_languages("xyz"); },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"path as language", [](pb::RecognizeRequest& r) { r.mutable_options()->set_languages("../../etc/passwd"); },
         grpc::StatusCode::INVALID_ARGUMENT},
        {"gigapixel claim",
         [](pb::RecognizeRequest& r) {
             r.mutable_image()->set_width(100000);
             r.mutable_image()->set_height(100000);
         },
         grpc::StatusCode::RESOURCE_EXHAUSTED},
    };
    for (const Case& c : cases) {
        pb::RecognizeRequest request = validRequest(ImageEncoding::Grey8, true);
        c.spoil(request);
        const grpc::Status st = recognize(*s, request, &response, m_key);
        EXPECT_EQ(st.error_code(), c.code) << c.name << ": " << st.error_message();
        EXPECT_FALSE(st.error_message().empty()) << c.name;
    }
    // A PNG whose header claims 50000 x 50000 pixels: refused before decoding.
    {
        QImage tiny(8, 8, QImage::Format_Grayscale8);
        tiny.fill(255);
        QByteArray png;
        QBuffer b(&png);
        b.open(QIODevice::WriteOnly);
        tiny.save(&b, "PNG");
        // IHDR width and height are the big-endian words at offsets 16 and 20.
        auto put32 = [&](int off, quint32 v) {
            png[off] = char(v >> 24), png[off + 1] = char(v >> 16), png[off + 2] = char(v >> 8), png[off + 3] = char(v);
        };
        put32(16, 50000);
        put32(20, 50000);
        // The chunk's CRC-32 (over type and data, bytes 12..28) must match, or libpng stops earlier.
        quint32 crc = 0xffffffffu;
        for (int i = 12; i < 29; ++i) {
            crc ^= static_cast<unsigned char>(png[i]);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        put32(29, ~crc);
        pb::RecognizeRequest request = validRequest(ImageEncoding::Grey8, true);
        request.mutable_image()->set_encoding(pb::PageImage::PNG);
        request.mutable_image()->set_width(0);
        request.mutable_image()->set_height(0);
        request.mutable_image()->set_data(png.constData(), static_cast<size_t>(png.size()));
        const grpc::Status st = recognize(*s, request, &response, m_key);
        EXPECT_EQ(st.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << st.error_message();
    }
    // Still serving.
    EXPECT_TRUE(recognize(*s, validRequest(ImageEncoding::Grey8, true), &response, m_key).ok());
    EXPECT_EQ(server->counters().pagesServed, 1);
}

TEST_F(WorkerServerTest, RequestsOverTheReceiveLimitAreRefused)
{
    WorkerOptions o = options(1);
    o.maxMessageBytes = 1024 * 1024; // 1 MiB
    auto server = startServer(std::move(o));
    ASSERT_TRUE(server);
    auto s = stub(*server);
    pb::RecognizeRequest request;
    QImage big(1500, 1000, QImage::Format_Grayscale8); // 1.5 MB raw
    big.fill(255);
    ASSERT_TRUE(encodeImage(big, 300, ImageEncoding::Grey8, request.mutable_image()).ok());
    pb::RecognizeResponse response;
    const grpc::Status st = recognize(*s, request, &response, m_key);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << st.error_message();
    // The same page as PNG fits, and the worker is still up.
    pb::RecognizeRequest small;
    ASSERT_TRUE(encodeImage(big, 300, ImageEncoding::Png, small.mutable_image()).ok());
    EXPECT_TRUE(recognize(*s, small, &response, m_key).ok());
}

TEST_F(WorkerServerTest, StatusAndEnginesReportTheWorker)
{
    auto server = startServer(options(2));
    ASSERT_TRUE(server);
    auto s = stub(*server);
    pb::RecognizeResponse response;
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(recognize(*s, validRequest(), &response, m_key).ok());
    EXPECT_FALSE(response.served_by().empty());
    EXPECT_EQ(response.engine(),
              tesseractVersion().prepend(QStringLiteral("tesseract ")).append(QStringLiteral(" (eng)")).toStdString());
    EXPECT_GT(response.timings().recognize_ms(), 0);

    // A thread counts as busy until its task has returned, a moment after the reply went out.
    for (int i = 0; i < 200 && server->counters().busy != 0; ++i)
        std::this_thread::sleep_for(5ms);
    grpc::ClientContext ctx;
    ctx.AddMetadata(kApiKeyMetadata, m_key.toStdString());
    pb::GetStatusResponse st;
    ASSERT_TRUE(s->GetStatus(&ctx, pb::GetStatusRequest(), &st).ok());
    EXPECT_EQ(st.threads(), 2u);
    EXPECT_EQ(st.busy(), 0u);
    EXPECT_EQ(st.queued(), 0u);
    EXPECT_EQ(st.pages_served(), 3u);
    EXPECT_EQ(st.failures(), 0u);
    EXPECT_GT(st.memory_bytes(), 10u * 1024 * 1024);
    EXPECT_GT(st.latency_ms_mean(), 0);
    EXPECT_GE(st.latency_ms_max(), st.latency_ms_p95());
    EXPECT_FALSE(st.draining());

    grpc::ClientContext ctx2;
    ctx2.AddMetadata(kApiKeyMetadata, m_key.toStdString());
    pb::ListEnginesResponse engines;
    ASSERT_TRUE(s->ListEngines(&ctx2, pb::ListEnginesRequest(), &engines).ok());
    // Tesseract first; every other registered family after it (EnginesAreListed checks them).
    ASSERT_EQ(engines.engines_size(), static_cast<int>(EnginePool().engineNames().size()));
    EXPECT_EQ(engines.engines(0).name(), "tesseract");
    EXPECT_EQ(engines.threads(), 2u);
    EXPECT_EQ(engines.max_message_bytes(), static_cast<uint64_t>(kDefaultMaxMessageBytes));
    bool hasEng = false;
    for (const auto& l : engines.engines(0).languages())
        hasEng = hasEng || l == "eng";
    EXPECT_TRUE(hasEng);

    // One log line per call, no page content.
    const QStringList lines = log();
    EXPECT_EQ(lines.filter(QStringLiteral("Recognize peer=")).size(), 3);
    for (const QString& line : lines.filter(QStringLiteral("Recognize")))
        EXPECT_TRUE(line.contains(QStringLiteral(" OK ")) && line.contains(QStringLiteral("words="))) << line;
}

TEST_F(WorkerServerTest, DrainFinishesCallsInFlightAndRefusesNewOnes)
{
    auto server = startServer(options(1));
    ASSERT_TRUE(server);
    auto s = stub(*server);
    // A full page in flight.
    pb::RecognizeRequest request;
    ASSERT_TRUE(encodeImage(testPage(5, 20), 200, ImageEncoding::Grey8, request.mutable_image()).ok());
    auto inFlight = std::async(std::launch::async, [&] {
        pb::RecognizeResponse response;
        const grpc::Status st = recognize(*s, request, &response, m_key);
        return std::make_pair(st, response.words_size());
    });
    for (int i = 0; i < 400 && server->counters().busy == 0; ++i)
        std::this_thread::sleep_for(10ms);
    ASSERT_EQ(server->counters().busy, 1);

    auto drained = std::async(std::launch::async, [&] { server->drain(60'000); });
    for (int i = 0; i < 200 && !server->counters().draining; ++i)
        std::this_thread::sleep_for(5ms);
    // A new call now is refused (a new connection cannot even be made once shutdown has begun).
    pb::RecognizeResponse response;
    auto fresh = stub(*server);
    const grpc::Status refused = recognize(*fresh, validRequest(), &response, m_key);
    EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAVAILABLE) << refused.error_message();

    const auto [status, words] = inFlight.get();
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_GT(words, 100);
    ASSERT_EQ(drained.wait_for(30s), std::future_status::ready);
    EXPECT_EQ(server->counters().pagesServed, 1);
}

TEST_F(WorkerServerTest, DrainDeadlineCancelsWhatIsStillRunning)
{
    auto server = startServer(options(1));
    ASSERT_TRUE(server);
    auto s = stub(*server);
    pb::RecognizeRequest request;
    ASSERT_TRUE(encodeImage(test::renderTextImage(test::sampleParagraphPages(1, 9)[0].lines, 300), 300,
                            ImageEncoding::Grey8, request.mutable_image())
                    .ok());
    auto inFlight = std::async(std::launch::async, [&] {
        pb::RecognizeResponse response;
        return recognize(*s, request, &response, m_key);
    });
    for (int i = 0; i < 400 && server->counters().busy == 0; ++i)
        std::this_thread::sleep_for(10ms);
    server->drain(100); // far shorter than the page: it is cancelled, not finished
    const grpc::Status st = inFlight.get();
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(server->counters().pagesServed, 0);
}

TEST_F(WorkerServerTest, TlsWithCertificatesMadeNow)
{
    test::TestCertificates certs;
    QString error;
    ASSERT_TRUE(test::makeTestCertificates(m_dir.path(), &certs, &error)) << error;
    WorkerOptions o = options(1);
    o.tlsCertFile = certs.serverCert;
    o.tlsKeyFile = certs.serverKey;
    auto server = startServer(std::move(o));
    ASSERT_TRUE(server);
    EXPECT_TRUE(server->usesTls());

    const QImage page = testPage();
    RemoteOptions ro = remote(*server);
    ro.tlsCaFile = certs.caCert;
    auto cluster = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_TRUE(cluster) << cluster.error().message;
    auto engine = (*cluster)->engineFactory()->create(QStringLiteral("eng"));
    auto got = (*engine)->recognize(page, ocrOptions(), CancelToken());
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_GT(got->words.size(), 40u);

    // A client that trusts another CA, or speaks plaintext, gets nowhere.
    ro.tlsCaFile = certs.otherCaCert;
    auto distrust = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_FALSE(distrust);
    EXPECT_EQ(distrust.error().code, ErrorCode::Unavailable) << distrust.error().message;
    ro.tlsCaFile.clear();
    auto plain = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_FALSE(plain);
    EXPECT_EQ(plain.error().code, ErrorCode::Unavailable) << plain.error().message;
    // A CA file that is not a certificate.
    ro.tlsCaFile = m_keyFile;
    auto notPem = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_FALSE(notPem);
    EXPECT_TRUE(notPem.error().message.contains(QStringLiteral("not a PEM certificate"))) << notPem.error().message;
}

TEST_F(WorkerServerTest, RefusesUnsafeSetups)
{
    WorkerOptions o = options(1);
    o.listen = QStringLiteral("0.0.0.0:0");
    auto open = WorkerServer::start(o);
    ASSERT_FALSE(open);
    EXPECT_TRUE(open.error().message.contains(QStringLiteral("without TLS and an API key"))) << open.error().message;
    o.tlsCertFile = QStringLiteral("/nonexistent/cert.pem");
    auto halfTls = WorkerServer::start(o);
    ASSERT_FALSE(halfTls);
    EXPECT_TRUE(halfTls.error().message.contains(QStringLiteral("TLS needs both"))) << halfTls.error().message;
    o.tlsKeyFile = QStringLiteral("/nonexistent/key.pem");
    auto missing = WorkerServer::start(o);
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("/nonexistent/cert.pem"))) << missing.error().message;

    // The same port twice.
    auto first = startServer(options(1));
    ASSERT_TRUE(first);
    WorkerOptions again = options(1);
    again.listen = first->address();
    auto second = WorkerServer::start(again);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::Unavailable);

    // The client will not send a key in plaintext to another machine.
    RemoteOptions ro;
    ro.workers = QStringLiteral("192.0.2.7:50051");
    ro.apiKeyFile = m_keyFile;
    auto cluster = RemoteCluster::connect(ro, QStringLiteral("eng"));
    ASSERT_FALSE(cluster);
    EXPECT_TRUE(cluster.error().message.contains(QStringLiteral("refusing to send the API key")))
        << cluster.error().message;
}

TEST_F(WorkerServerTest, HealthOnlyPortServesNothingElse)
{
    WorkerOptions o = options(1);
    o.healthListen = QStringLiteral("127.0.0.1:0");
    auto server = startServer(std::move(o));
    ASSERT_TRUE(server);
    ASSERT_GT(server->healthPort(), 0);
    const std::string address = "127.0.0.1:" + std::to_string(server->healthPort());
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    auto h = health::Health::NewStub(channel);
    auto check = [&](const char* name, health::HealthCheckResponse* resp) {
        grpc::ClientContext ctx;
        health::HealthCheckRequest req;
        req.set_service(name);
        return h->Check(&ctx, req, resp);
    };
    health::HealthCheckResponse resp;
    ASSERT_TRUE(check(kServiceName, &resp).ok());
    EXPECT_EQ(resp.status(), health::HealthCheckResponse::SERVING);
    EXPECT_EQ(check("other.Service", &resp).error_code(), grpc::StatusCode::NOT_FOUND);
    // The OCR service is not on that port, key or no key.
    auto s = pb::OcrWorker::NewStub(channel);
    pb::RecognizeResponse response;
    EXPECT_EQ(recognize(*s, validRequest(), &response, m_key).error_code(), grpc::StatusCode::UNIMPLEMENTED);
}

TEST_F(WorkerServerTest, NoWorkerReachableStopsOrFallsBackAsChosen)
{
    auto server = startServer(options(1));
    ASSERT_TRUE(server);
    const QImage page = testPage();
    RemoteOptions stopOptions = remote(*server);
    RemoteOptions localOptions = remote(*server);
    localOptions.fallback = RemoteFallback::Local;
    auto stopCluster = RemoteCluster::connect(stopOptions, QStringLiteral("eng"));
    auto localCluster = RemoteCluster::connect(localOptions, QStringLiteral("eng"));
    ASSERT_TRUE(stopCluster && localCluster);
    auto stopEngine = (*stopCluster)->engineFactory()->create(QStringLiteral("eng"));
    auto localEngine = (*localCluster)->engineFactory()->create(QStringLiteral("eng"));
    server->drain(0);
    server.reset(); // the only worker is gone

    auto stopped = (*stopEngine)->recognize(page, ocrOptions(), CancelToken());
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(stopped.error().message.contains(QStringLiteral("no OCR worker reachable"))) << stopped.error().message;

    auto local = (*localEngine)->recognize(page, ocrOptions(), CancelToken());
    ASSERT_TRUE(local) << local.error().message;
    EXPECT_GT(local->words.size(), 40u);
    EXPECT_EQ((*localCluster)->stats().localPages, 1);

    // And at connect time: nothing listens there now.
    auto none = RemoteCluster::connect(stopOptions, QStringLiteral("eng"));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(none.error().message.contains(stopOptions.workers)) << none.error().message;
}

TEST_F(WorkerServerTest, ClientCancelStopsTheCall)
{
    auto server = startServer(options(1));
    ASSERT_TRUE(server);
    auto cluster = RemoteCluster::connect(remote(*server), QStringLiteral("eng"));
    ASSERT_TRUE(cluster) << cluster.error().message;
    auto engine = (*cluster)->engineFactory()->create(QStringLiteral("eng"));
    const QImage page = test::renderTextImage(test::sampleParagraphPages(1, 11)[0].lines, 300);
    CancelToken cancel;
    auto call = std::async(std::launch::async, [&] { return (*engine)->recognize(page, ocrOptions(), cancel); });
    for (int i = 0; i < 400 && server->counters().busy == 0; ++i)
        std::this_thread::sleep_for(10ms);
    cancel.cancel();
    ASSERT_EQ(call.wait_for(10s), std::future_status::ready);
    auto result = call.get();
    ASSERT_FALSE(result);
    EXPECT_TRUE(result.error().isCancelled());
    // The worker stopped the engine too and is free again.
    for (int i = 0; i < 500 && server->counters().busy != 0; ++i)
        std::this_thread::sleep_for(10ms);
    EXPECT_EQ(server->counters().busy, 0);
}

TEST_F(WorkerServerTest, LanguageMissingOnTheWorkersIsFoundAtConnect)
{
    auto server = startServer(options(1));
    ASSERT_TRUE(server);
    auto cluster = RemoteCluster::connect(remote(*server), QStringLiteral("eng+zzz"));
    ASSERT_FALSE(cluster);
    EXPECT_TRUE(cluster.error().message.contains(QStringLiteral("'zzz'"))) << cluster.error().message;
}

} // namespace

namespace {

/// Tesseract, a second available family ("second", Tesseract's code under another name) and "broken".
std::shared_ptr<EnginePool> twoFamilyPool()
{
    auto pool = std::make_shared<EnginePool>();
    pool->registerEngine(QStringLiteral("second"), std::make_shared<TesseractEngineFactory>());
    pool->registerEngine(QStringLiteral("broken"), std::make_shared<MissingModelsFactory>());
    return pool;
}

} // namespace

TEST_F(WorkerServerTest, EnginesAreListedNamedByCallsAndCountedApart)
{
    WorkerOptions o = options(2);
    o.engines = twoFamilyPool();
    // Every available family is served by default, Tesseract first (others, such as a PP-OCR with its
    // models, may be registered too).
    QStringList expected{QStringLiteral("tesseract")};
    for (const EngineInfo& e : o.engines->engines())
        if (e.available && e.name != QLatin1String("tesseract"))
            expected << e.name;
    ASSERT_TRUE(expected.contains(QStringLiteral("second")));
    ASSERT_FALSE(expected.contains(QStringLiteral("broken")));
    const QString served = expected.join(QStringLiteral(", "));
    const size_t families = o.engines->engines().size();
    auto server = startServer(o);
    ASSERT_TRUE(server);
    EXPECT_EQ(server->enabledEngines(), expected);
    auto s = stub(*server);

    grpc::ClientContext listCtx;
    listCtx.AddMetadata(kApiKeyMetadata, m_key.toStdString());
    pb::ListEnginesResponse list;
    ASSERT_TRUE(s->ListEngines(&listCtx, pb::ListEnginesRequest(), &list).ok());
    ASSERT_EQ(static_cast<size_t>(list.engines_size()), families);
    EXPECT_EQ(list.engines(0).name(), "tesseract"); // the default first
    EXPECT_TRUE(list.engines(0).available());
    EXPECT_TRUE(list.engines(0).detects());
    EXPECT_TRUE(list.engines(0).recognizes());
    EXPECT_EQ(list.engines(0).version(), tesseractVersion().toStdString());
    std::map<std::string, pb::Engine> byName;
    for (const auto& e : list.engines())
        byName[e.name()] = e;
    EXPECT_TRUE(byName["second"].available());
    EXPECT_FALSE(byName["broken"].available());
    EXPECT_EQ(byName["broken"].reason(), "model file ch_PP-OCRv4_det_infer.onnx is missing");
    EXPECT_EQ(byName["broken"].version(), "PP-OCRv4");
    ASSERT_EQ(byName["broken"].languages_size(), 2);

    // No name: Tesseract (clients that predate names); a name: that engine, the same code, the same words.
    pb::RecognizeResponse unnamed, second;
    ASSERT_TRUE(recognize(*s, validRequest(), &unnamed, m_key).ok());
    pb::RecognizeRequest named = validRequest();
    named.set_engine("second");
    for (int i = 0; i < 2; ++i) {
        const grpc::Status st = recognize(*s, named, &second, m_key);
        ASSERT_TRUE(st.ok()) << st.error_message();
    }
    ASSERT_EQ(unnamed.words_size(), second.words_size());
    EXPECT_GT(unnamed.words_size(), 20);

    pb::RecognizeResponse refused;
    pb::RecognizeRequest broken = validRequest(ImageEncoding::Grey8, true);
    broken.set_engine("broken");
    const grpc::Status notServed = recognize(*s, broken, &refused, m_key);
    EXPECT_EQ(notServed.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_EQ(QString::fromStdString(notServed.error_message()),
              QStringLiteral("engine \"broken\" is not served by this worker (it serves: %1)").arg(served));
    pb::RecognizeRequest unknown = validRequest(ImageEncoding::Grey8, true);
    unknown.set_engine("easyocr");
    const grpc::Status notKnown = recognize(*s, unknown, &refused, m_key);
    EXPECT_EQ(notKnown.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(QString::fromStdString(notKnown.error_message()),
              QStringLiteral("unknown engine \"easyocr\" (this worker serves: %1)").arg(served));

    for (int i = 0; i < 200 && server->counters().busy != 0; ++i)
        std::this_thread::sleep_for(5ms);
    grpc::ClientContext ctx;
    ctx.AddMetadata(kApiKeyMetadata, m_key.toStdString());
    pb::GetStatusResponse st;
    ASSERT_TRUE(s->GetStatus(&ctx, pb::GetStatusRequest(), &st).ok());
    EXPECT_EQ(st.pages_served(), 3u);
    EXPECT_EQ(st.rejected(), 2u);
    ASSERT_EQ(st.engines_size(), expected.size());
    std::map<std::string, pb::EngineStatus> statusOf;
    for (int i = 0; i < st.engines_size(); ++i) {
        EXPECT_EQ(QString::fromStdString(st.engines(i).name()), expected[i]);
        statusOf[st.engines(i).name()] = st.engines(i);
    }
    EXPECT_EQ(statusOf["tesseract"].pages_served(), 1u);
    EXPECT_EQ(statusOf["second"].pages_served(), 2u);
    for (const char* name : {"tesseract", "second"}) {
        const pb::EngineStatus& e = statusOf[name];
        EXPECT_EQ(e.failures(), 0u);
        EXPECT_GT(e.latency_ms_mean(), 0);
        EXPECT_GE(e.latency_ms_max(), e.latency_ms_p95());
        EXPECT_GT(e.latency_ms_p95(), 0);
    }
    const WorkerCounters counters = server->counters();
    ASSERT_EQ(counters.engines.size(), static_cast<size_t>(expected.size()));
    EXPECT_EQ(counters.engines[1].name, expected[1]);
    for (const EngineCounters& c : counters.engines) {
        if (c.name == QLatin1String("second")) {
            EXPECT_EQ(c.pagesServed, 2);
        }
    }
    EXPECT_EQ(log().filter(QStringLiteral("engine=second")).size(), 2);
}

TEST_F(WorkerServerTest, OnlyTheEnginesAskedForAreServed)
{
    WorkerOptions o = options(1);
    o.engines = twoFamilyPool();
    o.enabledEngines = {QStringLiteral("tesseract")};
    auto server = startServer(o);
    ASSERT_TRUE(server);
    auto s = stub(*server);
    grpc::ClientContext listCtx;
    listCtx.AddMetadata(kApiKeyMetadata, m_key.toStdString());
    pb::ListEnginesResponse list;
    ASSERT_TRUE(s->ListEngines(&listCtx, pb::ListEnginesRequest(), &list).ok());
    for (const auto& e : list.engines()) {
        EXPECT_EQ(e.available(), e.name() == "tesseract") << e.name();
        if (e.name() == "second") {
            EXPECT_EQ(e.reason(), "not enabled on this worker (--engines)");
        }
    }
    pb::RecognizeRequest named = validRequest(ImageEncoding::Grey8, true);
    named.set_engine("second");
    pb::RecognizeResponse response;
    EXPECT_EQ(recognize(*s, named, &response, m_key).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

    // Asking for an engine the worker cannot run, or does not have, is refused at start with the reason.
    WorkerOptions broken = options(1);
    broken.engines = twoFamilyPool();
    broken.enabledEngines = {QStringLiteral("tesseract"), QStringLiteral("broken")};
    auto refused = WorkerServer::start(broken);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(refused.error().message,
              QStringLiteral("the engine broken is not available: model file ch_PP-OCRv4_det_infer.onnx is missing"));
    WorkerOptions unknown = options(1);
    unknown.enabledEngines = {QStringLiteral("easyocr")};
    auto notKnown = WorkerServer::start(unknown);
    ASSERT_FALSE(notKnown);
    EXPECT_EQ(notKnown.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(notKnown.error().message.startsWith(QStringLiteral("unknown engine \"easyocr\"")))
        << notKnown.error().message;
}

TEST_F(WorkerServerTest, TheClientAsksForAnEngineByName)
{
    WorkerOptions o = options(1);
    o.engines = twoFamilyPool();
    auto server = startServer(o);
    ASSERT_TRUE(server);
    auto cluster = RemoteCluster::connect(remote(*server), QStringLiteral("eng"));
    ASSERT_TRUE(cluster) << cluster.error().message;
    // The worker lists "broken" and "second" too: the client still finds Tesseract's languages.
    ASSERT_EQ((*cluster)->workers().size(), 1u);
    EXPECT_TRUE((*cluster)->workers()[0].engine.startsWith(QStringLiteral("tesseract ")));
    const QImage page = testPage(3, 3);
    auto second = (*cluster)->engineFactory(QStringLiteral("second"))->create(QStringLiteral("eng"));
    ASSERT_TRUE(second);
    auto read = (*second)->recognize(page, ocrOptions(), CancelToken());
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_FALSE(read->words.empty());
    auto broken = (*cluster)->engineFactory(QStringLiteral("broken"))->create(QStringLiteral("eng"));
    ASSERT_TRUE(broken);
    auto refused = (*broken)->recognize(page, ocrOptions(), CancelToken());
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("not served by this worker")))
        << refused.error().message;
    std::map<QString, long long> served;
    for (const EngineCounters& c : server->counters().engines)
        served[c.name] = c.pagesServed;
    EXPECT_EQ(served[QStringLiteral("tesseract")], 0);
    EXPECT_EQ(served[QStringLiteral("second")], 1);
}
