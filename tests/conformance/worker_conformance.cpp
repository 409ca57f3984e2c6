// incidoc-worker-conformance: checks that a server implements incidoc.worker.v1 as Incidoc relies on
// (core/remote/proto/incidoc/worker/v1/worker.proto). Run it against any implementation:
//
//   incidoc-worker-conformance --target HOST:PORT [--api-key-file F] [--tls-ca F] [gtest flags]
//
// It uses only the .proto, gRPC and Qt (to draw test pages): nothing of Incidoc's engine, so what it
// accepts is the protocol, not our implementation. Exit 0 when every check passes.
#include <QBuffer>
#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cstring>
#include <future>
#include <set>

#include "grpc/health/v1/health.grpc.pb.h"
#include "incidoc/worker/v1/worker.grpc.pb.h"

namespace pb = ::incidoc::worker::v1;
namespace health = ::grpc::health::v1;
using namespace std::chrono_literals;

namespace {

struct Config {
    std::string target;
    std::string apiKey; // empty: the server is expected to need none
    std::string tlsCa;
} g_config;

std::shared_ptr<grpc::Channel> channel()
{
    static std::shared_ptr<grpc::Channel> c = [] {
        grpc::ChannelArguments args;
        args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
        std::shared_ptr<grpc::ChannelCredentials> creds = grpc::InsecureChannelCredentials();
        if (!g_config.tlsCa.empty()) {
            grpc::SslCredentialsOptions ssl;
            ssl.pem_root_certs = g_config.tlsCa;
            creds = grpc::SslCredentials(ssl);
        }
        return grpc::CreateCustomChannel(g_config.target, creds, args);
    }();
    return c;
}

void prepare(grpc::ClientContext& ctx, const std::string& key = g_config.apiKey)
{
    if (!key.empty())
        ctx.AddMetadata("x-api-key", key);
    ctx.set_deadline(std::chrono::system_clock::now() + 120s);
    ctx.set_wait_for_ready(true);
}

const QStringList kLines = {
    QStringLiteral("Incident report 2024-117 filed by Officer Martinez"),
    QStringLiteral("Vehicle struck the barrier near the north entrance"),
    QStringLiteral("Witness statements were taken at the scene"),
    QStringLiteral("Damage estimate pending insurance review"),
};

/// A 300 dpi page with kLines in 12 pt DejaVu Sans, as 8-bit grey.
QImage testPage()
{
    QImage rgb(2550, 1200, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(50);
    QPainter p(&rgb);
    p.setFont(font);
    p.setPen(Qt::black);
    int y = 300;
    for (const QString& line : kLines) {
        p.drawText(300, y, line);
        y += 75;
    }
    p.end();
    return rgb.convertToFormat(QImage::Format_Grayscale8);
}

pb::RecognizeRequest request(const QImage& grey, bool png)
{
    pb::RecognizeRequest r;
    pb::PageImage* image = r.mutable_image();
    image->set_dpi(300);
    image->set_width(static_cast<uint32_t>(grey.width()));
    image->set_height(static_cast<uint32_t>(grey.height()));
    if (png) {
        QByteArray bytes;
        QBuffer b(&bytes);
        b.open(QIODevice::WriteOnly);
        grey.save(&b, "PNG");
        image->set_encoding(pb::PageImage::PNG);
        image->set_data(bytes.constData(), static_cast<size_t>(bytes.size()));
    } else {
        image->set_encoding(pb::PageImage::GREY8);
        std::string data(static_cast<size_t>(grey.width()) * static_cast<size_t>(grey.height()), '\0');
        for (int row = 0; row < grey.height(); ++row)
            std::memcpy(data.data() + static_cast<size_t>(row) * static_cast<size_t>(grey.width()),
                        grey.constScanLine(row), static_cast<size_t>(grey.width()));
        image->set_data(std::move(data));
    }
    r.mutable_options()->set_languages("eng");
    return r;
}

grpc::Status recognize(const pb::RecognizeRequest& req, pb::RecognizeResponse* resp,
                       const std::string& key = g_config.apiKey)
{
    auto stub = pb::OcrWorker::NewStub(channel());
    grpc::ClientContext ctx;
    prepare(ctx, key);
    return stub->Recognize(&ctx, req, resp);
}

std::string fingerprint(const pb::RecognizeResponse& r)
{
    pb::RecognizeResponse copy = r;
    copy.clear_timings();
    copy.clear_served_by();
    std::string out;
    copy.SerializeToString(&out);
    return out;
}

bool inside(const pb::Box& b, int w, int h)
{
    return b.x0() >= 0 && b.y0() >= 0 && b.x1() <= w && b.y1() <= h && b.x0() < b.x1() && b.y0() < b.y1();
}

TEST(Conformance, HealthIsServingWithoutAKey)
{
    auto stub = health::Health::NewStub(channel());
    for (const char* name : {"", "incidoc.worker.v1.OcrWorker"}) {
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + 30s);
        ctx.set_wait_for_ready(true);
        health::HealthCheckRequest req;
        req.set_service(name);
        health::HealthCheckResponse resp;
        const grpc::Status st = stub->Check(&ctx, req, &resp);
        ASSERT_TRUE(st.ok()) << "service '" << name << "': " << st.error_message();
        EXPECT_EQ(resp.status(), health::HealthCheckResponse::SERVING) << name;
    }
}

TEST(Conformance, ListEnginesDescribesTheWorker)
{
    auto stub = pb::OcrWorker::NewStub(channel());
    grpc::ClientContext ctx;
    prepare(ctx);
    pb::ListEnginesResponse resp;
    const grpc::Status st = stub->ListEngines(&ctx, pb::ListEnginesRequest(), &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();
    ASSERT_GE(resp.engines_size(), 1);
    EXPECT_FALSE(resp.engines(0).name().empty());
    EXPECT_FALSE(resp.engines(0).version().empty());
    const std::set<std::string> langs(resp.engines(0).languages().begin(), resp.engines(0).languages().end());
    EXPECT_TRUE(langs.count("eng")) << "Incidoc's default language 'eng' must be offered";
    EXPECT_GE(resp.threads(), 1u);
    EXPECT_GE(resp.max_message_bytes(), 16u * 1024 * 1024) << "real pages need at least 16 MB";
}

TEST(Conformance, RecognizeFindsTheWordsWithConsistentStructure)
{
    const QImage page = testPage();
    pb::RecognizeResponse resp;
    const grpc::Status st = recognize(request(page, false), &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_FALSE(resp.engine().empty());
    std::multiset<std::string> found;
    uint32_t lastBlock = 0, lastLine = 0;
    for (const pb::Word& w : resp.words()) {
        found.insert(w.text());
        EXPECT_TRUE(inside(w.box(), page.width(), page.height())) << w.text();
        EXPECT_GE(w.confidence(), 0.f);
        EXPECT_LE(w.confidence(), 100.f);
        ASSERT_LT(w.block(), static_cast<uint32_t>(resp.blocks_size())) << w.text();
        ASSERT_LT(w.line(), static_cast<uint32_t>(resp.lines_size())) << w.text();
        EXPECT_GE(w.block(), lastBlock) << "words must come in reading order";
        EXPECT_GE(w.line(), lastLine) << "words must come in reading order";
        lastBlock = w.block();
        lastLine = w.line();
        for (const pb::Char& c : w.chars())
            EXPECT_TRUE(inside(c.box(), page.width(), page.height())) << w.text();
    }
    int expected = 0, matched = 0;
    for (const QString& line : kLines)
        for (const QString& word : line.split(QLatin1Char(' '))) {
            ++expected;
            matched += found.count(word.toStdString()) > 0 ? 1 : 0;
        }
    EXPECT_GE(matched * 10, expected * 8) << matched << " of " << expected << " words read exactly";
    for (const pb::Region& r : resp.lines())
        EXPECT_TRUE(inside(r.box(), page.width(), page.height()));
    for (const pb::Region& r : resp.blocks())
        EXPECT_TRUE(inside(r.box(), page.width(), page.height()));
}

TEST(Conformance, PngAndRawGreyGiveTheSameAnswerEveryTime)
{
    const QImage page = testPage();
    pb::RecognizeResponse grey1, grey2, png;
    ASSERT_TRUE(recognize(request(page, false), &grey1).ok());
    ASSERT_TRUE(recognize(request(page, false), &grey2).ok());
    ASSERT_TRUE(recognize(request(page, true), &png).ok());
    EXPECT_EQ(fingerprint(grey1), fingerprint(grey2)) << "the same request must give the same result";
    EXPECT_EQ(fingerprint(grey1), fingerprint(png)) << "PNG and GREY8 of one image must give the same result";
}

TEST(Conformance, ABlankPageHasNoWords)
{
    QImage blank(1200, 1600, QImage::Format_Grayscale8);
    blank.fill(255);
    pb::RecognizeResponse resp;
    const grpc::Status st = recognize(request(blank, false), &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(resp.words_size(), 0);
}

TEST(Conformance, MalformedRequestsAreInvalidArgumentsAndTheServerStaysUp)
{
    const QImage page = testPage();
    {
        grpc::GenericStub generic(channel());
        grpc::ClientContext ctx;
        prepare(ctx);
        const std::string garbage("\xff\xff\xff\xff\x0f not a message", 19);
        grpc::Slice slice(garbage);
        grpc::ByteBuffer req(&slice, 1), reply;
        std::promise<grpc::Status> done;
        generic.UnaryCall(&ctx, "/incidoc.worker.v1.OcrWorker/Recognize", grpc::StubOptions(), &req, &reply,
                          [&](grpc::Status s) { done.set_value(s); });
        EXPECT_EQ(done.get_future().get().error_code(), grpc::StatusCode::INVALID_ARGUMENT)
            << "bytes that are not a request";
    }
    pb::RecognizeResponse resp;
    pb::RecognizeRequest mismatch = request(page, false);
    mismatch.mutable_image()->set_height(mismatch.image().height() + 7);
    EXPECT_EQ(recognize(mismatch, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "GREY8 size mismatch";
    pb::RecognizeRequest noEncoding = request(page, false);
    noEncoding.mutable_image()->set_encoding(pb::PageImage::ENCODING_UNSPECIFIED);
    EXPECT_EQ(recognize(noEncoding, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "no encoding";
    pb::RecognizeRequest badPng = request(page, true);
    badPng.mutable_image()->mutable_data()->resize(100);
    EXPECT_EQ(recognize(badPng, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "truncated PNG";
    pb::RecognizeRequest language = request(page, false);
    language.mutable_options()->set_languages("zzz_not_a_language");
    EXPECT_EQ(recognize(language, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "unknown language";
    EXPECT_TRUE(recognize(request(page, false), &resp).ok()) << "the server must still serve";
}

TEST(Conformance, CallsWithoutTheKeyAreUnauthenticated)
{
    if (g_config.apiKey.empty())
        GTEST_SKIP() << "no --api-key-file given: the server is not expected to need a key";
    pb::RecognizeResponse resp;
    const pb::RecognizeRequest req = request(testPage(), false);
    EXPECT_EQ(recognize(req, &resp, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(recognize(req, &resp, g_config.apiKey + "x").error_code(), grpc::StatusCode::UNAUTHENTICATED);
    auto stub = pb::OcrWorker::NewStub(channel());
    grpc::ClientContext ctx;
    prepare(ctx, "wrong-wrong-wrong-wrong");
    pb::GetStatusResponse status;
    EXPECT_EQ(stub->GetStatus(&ctx, pb::GetStatusRequest(), &status).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST(Conformance, StatusCountsServedPages)
{
    auto stub = pb::OcrWorker::NewStub(channel());
    auto status = [&] {
        grpc::ClientContext ctx;
        prepare(ctx);
        pb::GetStatusResponse s;
        EXPECT_TRUE(stub->GetStatus(&ctx, pb::GetStatusRequest(), &s).ok());
        return s;
    };
    const pb::GetStatusResponse before = status();
    pb::RecognizeResponse resp;
    ASSERT_TRUE(recognize(request(testPage(), false), &resp).ok());
    const pb::GetStatusResponse after = status();
    EXPECT_GE(after.threads(), 1u);
    EXPECT_GE(after.pages_served(), before.pages_served() + 1);
    EXPECT_FALSE(after.draining());
}

pb::ListEnginesResponse listEngines()
{
    auto stub = pb::OcrWorker::NewStub(channel());
    grpc::ClientContext ctx;
    prepare(ctx);
    pb::ListEnginesResponse resp;
    const grpc::Status st = stub->ListEngines(&ctx, pb::ListEnginesRequest(), &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
}

TEST(Conformance, EnginesAreNamedAndTheFirstIsTheDefault)
{
    const pb::ListEnginesResponse engines = listEngines();
    ASSERT_GE(engines.engines_size(), 1);
    std::set<std::string> names;
    for (const pb::Engine& e : engines.engines()) {
        EXPECT_FALSE(e.name().empty());
        EXPECT_TRUE(names.insert(e.name()).second) << "engine listed twice: " << e.name();
        EXPECT_TRUE(e.available() || !e.reason().empty()) << e.name() << ": an unavailable engine says why";
    }
    ASSERT_TRUE(engines.engines(0).available()) << "the default engine must be served";
    const QImage page = testPage();
    pb::RecognizeResponse unnamed, named;
    ASSERT_TRUE(recognize(request(page, false), &unnamed).ok());
    pb::RecognizeRequest req = request(page, false);
    req.set_engine(engines.engines(0).name());
    const grpc::Status st = recognize(req, &named);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(fingerprint(unnamed), fingerprint(named)) << "a request naming no engine is read by the first listed";
}

TEST(Conformance, EveryAvailableEngineReadsAPage)
{
    const QImage page = testPage();
    const pb::ListEnginesResponse engines = listEngines();
    for (const pb::Engine& e : engines.engines()) {
        if (!e.available() || !e.detects() || !e.recognizes())
            continue;
        pb::RecognizeRequest req = request(page, false);
        req.set_engine(e.name());
        pb::RecognizeResponse resp;
        const grpc::Status st = recognize(req, &resp);
        ASSERT_TRUE(st.ok()) << e.name() << ": " << st.error_message();
        std::multiset<std::string> found;
        for (const pb::Word& w : resp.words()) {
            found.insert(w.text());
            EXPECT_TRUE(inside(w.box(), page.width(), page.height())) << e.name() << ": " << w.text();
        }
        int expected = 0, matched = 0;
        for (const QString& line : kLines)
            for (const QString& word : line.split(QLatin1Char(' '))) {
                ++expected;
                matched += found.count(word.toStdString()) > 0 ? 1 : 0;
            }
        EXPECT_GE(matched * 10, expected * 5) << e.name() << ": " << matched << " of " << expected;
    }
}

TEST(Conformance, EnginesNotServedAreRefusedClearly)
{
    const QImage page = testPage();
    pb::RecognizeResponse resp;
    pb::RecognizeRequest unknown = request(page, false);
    unknown.set_engine("no-such-engine");
    const grpc::Status st = recognize(unknown, &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "an engine the worker does not know";
    EXPECT_NE(st.error_message().find("no-such-engine"), std::string::npos) << st.error_message();
    const pb::ListEnginesResponse engines = listEngines();
    for (const pb::Engine& e : engines.engines()) {
        if (e.available())
            continue;
        pb::RecognizeRequest req = request(page, false);
        req.set_engine(e.name());
        EXPECT_EQ(recognize(req, &resp).error_code(), grpc::StatusCode::FAILED_PRECONDITION)
            << e.name() << " is listed as not served";
    }
    EXPECT_TRUE(recognize(request(page, false), &resp).ok()) << "the server must still serve";
}

TEST(Conformance, StatusCountsEachEngine)
{
    auto stub = pb::OcrWorker::NewStub(channel());
    auto status = [&] {
        grpc::ClientContext ctx;
        prepare(ctx);
        pb::GetStatusResponse s;
        EXPECT_TRUE(stub->GetStatus(&ctx, pb::GetStatusRequest(), &s).ok());
        return s;
    };
    const std::string first = listEngines().engines(0).name();
    auto served = [&](const pb::GetStatusResponse& s) -> const pb::EngineStatus* {
        for (const pb::EngineStatus& e : s.engines())
            if (e.name() == first)
                return &e;
        return nullptr;
    };
    const pb::GetStatusResponse before = status();
    ASSERT_NE(served(before), nullptr) << "GetStatus lists the default engine";
    pb::RecognizeResponse resp;
    ASSERT_TRUE(recognize(request(testPage(), false), &resp).ok());
    const pb::GetStatusResponse after = status();
    const pb::EngineStatus* e = served(after);
    ASSERT_NE(e, nullptr);
    EXPECT_GE(e->pages_served(), served(before)->pages_served() + 1);
    EXPECT_GT(e->latency_ms_mean(), 0);
    EXPECT_GE(e->latency_ms_max(), e->latency_ms_p95());
    uint64_t total = 0;
    std::set<std::string> listed;
    const pb::ListEnginesResponse engines = listEngines();
    for (const pb::Engine& l : engines.engines())
        listed.insert(l.name());
    for (const pb::EngineStatus& s : after.engines()) {
        EXPECT_TRUE(listed.count(s.name())) << s.name() << " is not listed by ListEngines";
        total += s.pages_served();
    }
    EXPECT_EQ(total, after.pages_served()) << "every served page is counted under its engine";
}

std::string readFile(const char* path, const char* what)
{
    QFile f(QString::fromLocal8Bit(path));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "incidoc-worker-conformance: cannot read %s %s\n", what, path);
        std::exit(2);
    }
    return f.readAll().toStdString();
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the test pages
    ::testing::InitGoogleTest(&argc, argv);
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--target" && hasValue)
            g_config.target = argv[++i];
        else if (a == "--api-key-file" && hasValue) {
            std::string key = readFile(argv[++i], "API key file");
            key = key.substr(0, key.find('\n'));
            while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back())))
                key.pop_back();
            g_config.apiKey = key;
        } else if (a == "--tls-ca" && hasValue)
            g_config.tlsCa = readFile(argv[++i], "CA file");
        else {
            std::fprintf(stderr,
                         "usage: incidoc-worker-conformance --target HOST:PORT [--api-key-file F] [--tls-ca F]\n");
            return 2;
        }
    }
    if (g_config.target.empty()) {
        std::fprintf(stderr, "usage: incidoc-worker-conformance --target HOST:PORT [--api-key-file F] [--tls-ca F]\n");
        return 2;
    }
    return RUN_ALL_TESTS();
}
