#include "core/remote/worker_server.h"

#include "core/ocr/tesseract_engine.h"
#include "core/remote/health_port.h"
#include "core/remote/prometheus_text.h"
#include "core/remote/proto_convert.h"
#include "core/remote/worker_protocol.h"
#include "core/util/fault_injection.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <grpcpp/ext/health_check_service_server_builder_option.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/server_posix.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/proto_buffer_writer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "incidoc/worker/v1/worker.grpc.pb.h"
#include <unistd.h>

namespace incidoc::remote {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

long long residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

/// N threads taking calls from one queue in arrival order; each call leases an engine from the
/// server's EnginePool for as long as it reads (Tesseract is not thread-safe; its start-up costs more
/// than a page, so the pool keeps the engines).
class CallQueue {
public:
    using Task = std::function<void()>;

    void start(int threads)
    {
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { loop(); });
    }

    void post(Task task)
    {
        {
            std::lock_guard guard(m_mutex);
            m_tasks.push_back(std::move(task));
        }
        m_wake.notify_one();
    }

    /// Runs what is queued, then joins the threads.
    void stop()
    {
        {
            std::lock_guard guard(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto& t : m_threads)
            if (t.joinable())
                t.join();
        m_threads.clear();
    }

    std::pair<int, int> load() const
    {
        std::lock_guard guard(m_mutex);
        return {m_busy, static_cast<int>(m_tasks.size())};
    }

    ~CallQueue() { stop(); }

private:
    void loop()
    {
        for (;;) {
            Task task;
            {
                std::unique_lock guard(m_mutex);
                m_wake.wait(guard, [this] { return m_stopping || !m_tasks.empty(); });
                if (m_tasks.empty())
                    return; // stopping and nothing left
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
                ++m_busy;
            }
            task();
            std::lock_guard guard(m_mutex);
            --m_busy;
        }
    }

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_tasks;
    std::vector<std::thread> m_threads;
    int m_busy = 0;
    bool m_stopping = false;
};

/// Upper bounds (seconds) of the latency histogram's buckets: a page takes from a fraction of a second
/// (a small or empty one) to a minute (a large, noisy one), plus the time it waited in the queue.
constexpr std::array<double, 12> kLatencyBounds{0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60, 120};

/// Calls served and failed (by reason), and the latencies of those served (the mean, the p95 of the last
/// 1000, the maximum, and a histogram). Not locked: its owner (Stats) locks.
class Latency {
public:
    void served(double ms)
    {
        ++m_served;
        m_totalMs += ms;
        m_maxMs = std::max(m_maxMs, ms);
        if (m_recent.size() < kRecent)
            m_recent.push_back(ms);
        else
            m_recent[m_next] = ms;
        m_next = (m_next + 1) % kRecent;
        const auto bucket = std::lower_bound(kLatencyBounds.begin(), kLatencyBounds.end(), ms / 1000.0);
        ++m_buckets[static_cast<size_t>(bucket - kLatencyBounds.begin())];
    }
    void failed(const QString& reason) { ++m_failures[reason]; }
    long long servedCount() const { return m_served; }
    long long failures() const
    {
        long long n = 0;
        for (const auto& [reason, count] : m_failures)
            n += count;
        return n;
    }
    const std::map<QString, long long>& failuresByReason() const { return m_failures; }
    /// Calls served per bucket of kLatencyBounds (not cumulative); the last one is above every bound.
    const std::array<long long, kLatencyBounds.size() + 1>& buckets() const { return m_buckets; }
    double totalSeconds() const { return m_totalMs / 1000.0; }
    double mean() const { return m_served > 0 ? m_totalMs / static_cast<double>(m_served) : 0; }
    double max() const { return m_maxMs; }
    double p95() const
    {
        if (m_recent.empty())
            return 0;
        std::vector<double> sorted = m_recent;
        const size_t k = std::min(sorted.size() - 1, static_cast<size_t>(0.95 * static_cast<double>(sorted.size())));
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
        return sorted[k];
    }

private:
    static constexpr size_t kRecent = 1000;
    long long m_served = 0;
    std::map<QString, long long> m_failures; ///< by reason (the gRPC code, as in "deadline_exceeded")
    double m_totalMs = 0, m_maxMs = 0;
    std::vector<double> m_recent;
    size_t m_next = 0;
    std::array<long long, kLatencyBounds.size() + 1> m_buckets{};
};

/// A gRPC status code as a metric label: "invalid_argument", "deadline_exceeded".
QString reasonLabel(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::OK: return QStringLiteral("ok");
    case grpc::StatusCode::CANCELLED: return QStringLiteral("cancelled");
    case grpc::StatusCode::UNKNOWN: return QStringLiteral("unknown");
    case grpc::StatusCode::INVALID_ARGUMENT: return QStringLiteral("invalid_argument");
    case grpc::StatusCode::DEADLINE_EXCEEDED: return QStringLiteral("deadline_exceeded");
    case grpc::StatusCode::NOT_FOUND: return QStringLiteral("not_found");
    case grpc::StatusCode::ALREADY_EXISTS: return QStringLiteral("already_exists");
    case grpc::StatusCode::PERMISSION_DENIED: return QStringLiteral("permission_denied");
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return QStringLiteral("resource_exhausted");
    case grpc::StatusCode::FAILED_PRECONDITION: return QStringLiteral("failed_precondition");
    case grpc::StatusCode::ABORTED: return QStringLiteral("aborted");
    case grpc::StatusCode::OUT_OF_RANGE: return QStringLiteral("out_of_range");
    case grpc::StatusCode::UNIMPLEMENTED: return QStringLiteral("unimplemented");
    case grpc::StatusCode::INTERNAL: return QStringLiteral("internal");
    case grpc::StatusCode::UNAVAILABLE: return QStringLiteral("unavailable");
    case grpc::StatusCode::DATA_LOSS: return QStringLiteral("data_loss");
    case grpc::StatusCode::UNAUTHENTICATED: return QStringLiteral("unauthenticated");
    default: return QStringLiteral("code_%1").arg(static_cast<int>(code));
    }
}

/// Counters and latencies, over every call and per engine: one set, which GetStatus, counters() and the
/// metrics port all read.
class Stats {
public:
    /// The engines calls may name, in the order GetStatus lists them.
    void setEngines(const QStringList& engines)
    {
        std::lock_guard guard(m_mutex);
        m_order = engines;
        for (const QString& e : engines)
            m_engines[e];
    }
    void served(const QString& engine, double ms)
    {
        std::lock_guard guard(m_mutex);
        m_all.served(ms);
        m_engines[engine].served(ms);
    }
    void failed(const QString& engine, grpc::StatusCode code)
    {
        std::lock_guard guard(m_mutex);
        m_all.failed(reasonLabel(code));
        m_engines[engine].failed(reasonLabel(code));
    }
    void rejected(grpc::StatusCode code)
    {
        std::lock_guard guard(m_mutex);
        ++m_rejected[reasonLabel(code)];
    }
    void fill(pb::GetStatusResponse* out) const
    {
        std::lock_guard guard(m_mutex);
        out->set_pages_served(static_cast<uint64_t>(m_all.servedCount()));
        out->set_failures(static_cast<uint64_t>(m_all.failures()));
        out->set_rejected(static_cast<uint64_t>(rejectedCount()));
        out->set_latency_ms_mean(m_all.mean());
        out->set_latency_ms_max(m_all.max());
        out->set_latency_ms_p95(m_all.p95());
        for (const QString& name : m_order) {
            const Latency& l = m_engines.at(name);
            pb::EngineStatus* e = out->add_engines();
            e->set_name(name.toStdString());
            e->set_pages_served(static_cast<uint64_t>(l.servedCount()));
            e->set_failures(static_cast<uint64_t>(l.failures()));
            e->set_latency_ms_mean(l.mean());
            e->set_latency_ms_p95(l.p95());
            e->set_latency_ms_max(l.max());
        }
    }
    void fill(WorkerCounters* out) const
    {
        std::lock_guard guard(m_mutex);
        out->pagesServed = m_all.servedCount();
        out->failures = m_all.failures();
        out->rejected = rejectedCount();
        for (const QString& name : m_order) {
            const Latency& l = m_engines.at(name);
            out->engines.push_back({name, l.servedCount(), l.failures(), l.mean(), l.max()});
        }
    }
    /// The counter and histogram families (the gauges are the server's).
    void fill(PrometheusText& out) const
    {
        using Type = PrometheusText::Type;
        std::lock_guard guard(m_mutex);
        out.family("incidoc_worker_pages_served_total", Type::Counter,
                   "Recognize calls answered with a recognized page, by engine.");
        for (const QString& name : m_order)
            out.sample({{"engine", name}}, static_cast<double>(m_engines.at(name).servedCount()));
        out.family("incidoc_worker_recognize_failures_total", Type::Counter,
                   "Recognize calls that were accepted but failed (bad image, deadline, cancelled, engine error), by "
                   "engine and reason (the gRPC status code).");
        for (const QString& name : m_order)
            for (const auto& [reason, count] : m_engines.at(name).failuresByReason())
                out.sample({{"engine", name}, {"reason", reason}}, static_cast<double>(count));
        out.family("incidoc_worker_requests_rejected_total", Type::Counter,
                   "Calls refused before any work (no or wrong API key, draining, malformed request, engine or "
                   "language not served), by reason (the gRPC status code).");
        for (const auto& [reason, count] : m_rejected)
            out.sample({{"reason", reason}}, static_cast<double>(count));
        out.family("incidoc_worker_recognize_duration_seconds", Type::Histogram,
                   "Time from a Recognize call's arrival to its answer, waiting in the queue included; calls served "
                   "only, by engine.");
        for (const QString& name : m_order) {
            const Latency& l = m_engines.at(name);
            out.histogram({{"engine", name}}, kLatencyBounds, l.buckets(), l.totalSeconds());
        }
    }

private:
    long long rejectedCount() const
    {
        long long n = 0;
        for (const auto& [reason, count] : m_rejected)
            n += count;
        return n;
    }

    mutable std::mutex m_mutex;
    Latency m_all;
    std::map<QString, Latency> m_engines;
    QStringList m_order;
    std::map<QString, long long> m_rejected; ///< by reason
};

/// A Recognize call: its cancel flag follows the client (cancel, deadline) and the drain deadline.
class RecognizeReactor final : public grpc::ServerUnaryReactor {
public:
    CancelToken cancel;
    void OnCancel() override { cancel.cancel(); }
    void OnDone() override { delete this; }
};

QString peerOf(grpc::CallbackServerContext* ctx)
{
    return QString::fromStdString(ctx->peer());
}

/// grpc.health.v1.Health for the plaintext health port: Check only (what probes use), answering from
/// the worker's state. gRPC's default health service cannot be the only service of a server.
class HealthOnlyService final : public ::grpc::health::v1::Health::CallbackService {
public:
    explicit HealthOnlyService(const std::atomic<bool>& draining) : m_draining(draining) {}
    grpc::ServerUnaryReactor* Check(grpc::CallbackServerContext* ctx,
                                    const ::grpc::health::v1::HealthCheckRequest* request,
                                    ::grpc::health::v1::HealthCheckResponse* response) override
    {
        auto* reactor = ctx->DefaultReactor();
        if (!request->service().empty() && request->service() != kServiceName) {
            reactor->Finish({grpc::StatusCode::NOT_FOUND, "unknown service"});
            return reactor;
        }
        response->set_status(m_draining.load() ? ::grpc::health::v1::HealthCheckResponse::NOT_SERVING
                                               : ::grpc::health::v1::HealthCheckResponse::SERVING);
        reactor->Finish(grpc::Status::OK);
        return reactor;
    }

private:
    const std::atomic<bool>& m_draining;
};

using ServiceBase = pb::OcrWorker::WithRawCallbackMethod_Recognize<
    pb::OcrWorker::WithCallbackMethod_ListEngines<pb::OcrWorker::WithCallbackMethod_GetStatus<pb::OcrWorker::Service>>>;

} // namespace

struct WorkerServer::Impl final : public ServiceBase {
    WorkerOptions options;
    int threads = 1;
    QStringList languages;
    QStringList enabled;            ///< engines calls may name, the default first
    std::vector<EngineInfo> listed; ///< every engine of the pool, the default first (ListEngines)
    QString servedBy;
    Clock::time_point startedAt = Clock::now();
    Stats stats;
    CallQueue pool;
    std::unique_ptr<grpc::Server> server;
    std::unique_ptr<HealthOnlyService> healthService;
    /// Health only, with no port of its own: healthListener hands it the gRPC connections of its port.
    std::unique_ptr<grpc::Server> healthServer;
    std::unique_ptr<HealthPort> healthListener; // --health-listen: gRPC health checks and GET /metrics
    QString tesseract;                          // its version, for build_info
    double startedAtUnix = 0;
    int port = 0;
    int healthPort = 0;
    bool tls = false;
    QString host;
    std::atomic<bool> draining{false};
    std::mutex logMutex;
    std::once_flag drainOnce;
    std::mutex doneMutex;
    std::condition_variable doneCv;
    bool drained = false;

    void log(const QString& line)
    {
        if (!options.log)
            return;
        std::lock_guard guard(logMutex);
        options.log(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + line);
    }

    bool authorized(grpc::CallbackServerContext* ctx) const
    {
        if (options.apiKey.isEmpty())
            return true;
        const auto& metadata = ctx->client_metadata();
        const auto it = metadata.find(kApiKeyMetadata);
        if (it == metadata.end())
            return false;
        return constantTimeEquals(QByteArray(it->second.data(), static_cast<qsizetype>(it->second.size())),
                                  options.apiKey);
    }

    /// The refusals every OcrWorker call shares; OK when the call may go on.
    grpc::Status admit(grpc::CallbackServerContext* ctx) const
    {
        if (!authorized(ctx))
            return {grpc::StatusCode::UNAUTHENTICATED, "missing or invalid API key"};
        if (draining.load())
            return {grpc::StatusCode::UNAVAILABLE, "worker is shutting down"};
        return grpc::Status::OK;
    }

    void refuse(const char* method, grpc::CallbackServerContext* ctx, const grpc::Status& status)
    {
        stats.rejected(status.error_code());
        log(QStringLiteral("%1 peer=%2 %3 \"%4\"")
                .arg(QLatin1String(method), peerOf(ctx), codeName(status.error_code()),
                     QString::fromStdString(status.error_message())));
    }

    static QString codeName(grpc::StatusCode code)
    {
        switch (code) {
        case grpc::StatusCode::OK: return QStringLiteral("OK");
        case grpc::StatusCode::CANCELLED: return QStringLiteral("CANCELLED");
        case grpc::StatusCode::INVALID_ARGUMENT: return QStringLiteral("INVALID_ARGUMENT");
        case grpc::StatusCode::DEADLINE_EXCEEDED: return QStringLiteral("DEADLINE_EXCEEDED");
        case grpc::StatusCode::RESOURCE_EXHAUSTED: return QStringLiteral("RESOURCE_EXHAUSTED");
        case grpc::StatusCode::UNAUTHENTICATED: return QStringLiteral("UNAUTHENTICATED");
        case grpc::StatusCode::UNAVAILABLE: return QStringLiteral("UNAVAILABLE");
        case grpc::StatusCode::INTERNAL: return QStringLiteral("INTERNAL");
        default: return QStringLiteral("code %1").arg(static_cast<int>(code));
        }
    }

    grpc::ServerUnaryReactor* Recognize(grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override
    {
        const Clock::time_point received = Clock::now();
        auto* reactor = new RecognizeReactor();
        if (grpc::Status refused = admit(ctx); !refused.ok()) {
            refuse("Recognize", ctx, refused);
            reactor->Finish(refused);
            return reactor;
        }
        // Parsed here, not by gRPC, so that bytes that are not a RecognizeRequest get INVALID_ARGUMENT
        // (gRPC's own parser would answer INTERNAL).
        auto req = std::make_shared<pb::RecognizeRequest>();
        {
            grpc::ByteBuffer copy(*request); // shares the slices, no copy of the data
            grpc::ProtoBufferReader reader(&copy);
            if (!req->ParseFromZeroCopyStream(&reader)) {
                const grpc::Status bad(grpc::StatusCode::INVALID_ARGUMENT, "request is not a valid RecognizeRequest");
                refuse("Recognize", ctx, bad);
                reactor->Finish(bad);
                return reactor;
            }
        }
        QString engineName = QString::fromStdString(req->engine()).trimmed();
        if (engineName.isEmpty())
            engineName = QString::fromLatin1(EnginePool::kTesseract); // clients that predate engine names
        if (!enabled.contains(engineName)) {
            const QString served = enabled.join(QStringLiteral(", "));
            const grpc::Status bad =
                options.engines->hasEngine(engineName)
                    ? grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                                   QStringLiteral("engine \"%1\" is not served by this worker (it serves: %2)")
                                       .arg(engineName, served)
                                       .toStdString())
                    : grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                   QStringLiteral("unknown engine \"%1\" (this worker serves: %2)")
                                       .arg(engineName.left(40), served)
                                       .toStdString());
            refuse("Recognize", ctx, bad);
            reactor->Finish(bad);
            return reactor;
        }
        QString languages = QString::fromStdString(req->options().languages()).trimmed();
        if (languages.isEmpty())
            languages = QStringLiteral("eng");
        static const QRegularExpression kLanguages(QStringLiteral("^[A-Za-z0-9_-]+(\\+[A-Za-z0-9_-]+)*$"));
        QString why;
        if (languages.size() > 200 || !kLanguages.match(languages).hasMatch())
            why = QStringLiteral("languages must look like eng or eng+fra");
        else if (engineName == QLatin1String(EnginePool::kTesseract)) // other engines read their own way
            for (const QString& l : languages.split(QLatin1Char('+')))
                if (!this->languages.contains(l))
                    why = QStringLiteral("language '%1' is not installed on this worker").arg(l);
        if (!why.isEmpty()) {
            const grpc::Status bad(grpc::StatusCode::INVALID_ARGUMENT, why.toStdString());
            refuse("Recognize", ctx, bad);
            reactor->Finish(bad);
            return reactor;
        }

        const QString peer = peerOf(ctx);
        const auto clientDeadline = ctx->deadline();
        pool.post([this, reactor, req, response, received, languages, engineName, peer, clientDeadline] {
            const double queuedMs = msSince(received);
            const pb::PageImage& image = req->image();
            const QString shape =
                QStringLiteral("%1x%2 %3")
                    .arg(image.width())
                    .arg(image.height())
                    .arg(image.encoding() == pb::PageImage::PNG ? QStringLiteral("png") : QStringLiteral("grey8"));
            const QString tag = QString::fromStdString(req->request_tag()).left(80);
            auto finish = [&](const grpc::Status& status, int words, double decodeMs, double ocrMs) {
                const double totalMs = msSince(received);
                if (status.ok())
                    stats.served(engineName, totalMs);
                else
                    stats.failed(engineName, status.error_code());
                log(QStringLiteral("Recognize peer=%1 tag=\"%2\" engine=%3 %4 %5 %6 ms (queued %7, decode %8, ocr %9) "
                                   "words=%10%11")
                        .arg(peer, tag, engineName, shape, codeName(status.error_code()))
                        .arg(totalMs, 0, 'f', 0)
                        .arg(queuedMs, 0, 'f', 0)
                        .arg(decodeMs, 0, 'f', 0)
                        .arg(ocrMs, 0, 'f', 0)
                        .arg(words)
                        .arg(status.ok()
                                 ? QString()
                                 : QStringLiteral(" \"%1\"").arg(QString::fromStdString(status.error_message()))));
                reactor->Finish(status); // the last use of reactor and response
            };
            if (reactor->cancel.isCancelled())
                return finish({grpc::StatusCode::CANCELLED, "cancelled before it started"}, 0, 0, 0);

            faultPoint(QStringLiteral("worker:") + tag); // tests: a page that kills the worker reading it
            const Clock::time_point decodeStart = Clock::now();
            auto decoded = decodeImage(image, kMaxImagePixels);
            const double decodeMs = msSince(decodeStart);
            if (!decoded)
                return finish(toGrpcStatus(decoded.error()), 0, decodeMs, 0);
            auto engine = options.engines->acquire(engineName, languages);
            if (!engine)
                return finish({grpc::StatusCode::INTERNAL, engine.error().message.toStdString()}, 0, decodeMs, 0);

            OcrOptions ocr;
            ocr.languages = languages;
            ocr.dpi = image.dpi() > 0 ? static_cast<int>(image.dpi()) : 300;
            ocr.segmentation = fromProto(req->options().segmentation());
            ocr.deadlineMs = req->options().deadline_ms() > 0
                                 ? static_cast<int>(std::min<uint32_t>(req->options().deadline_ms(), 86'400'000))
                                 : options.defaultDeadlineMs;
            // Never work past the client's own deadline: nobody would read the answer.
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(clientDeadline - std::chrono::system_clock::now())
                    .count();
            if (left < 24LL * 3600 * 1000)
                ocr.deadlineMs = static_cast<int>(std::clamp<long long>(left, 1, ocr.deadlineMs));
            const Clock::time_point ocrStart = Clock::now();
            auto page = (*engine)->recognize(*decoded, ocr, reactor->cancel);
            const double ocrMs = msSince(ocrStart);
            if (!page)
                return finish(toGrpcStatus(page.error()), 0, decodeMs, ocrMs);

            pb::RecognizeResponse out;
            toProto(*page, &out);
            out.mutable_timings()->set_queued_ms(queuedMs);
            out.mutable_timings()->set_decode_ms(decodeMs);
            out.mutable_timings()->set_recognize_ms(ocrMs);
            out.set_served_by(servedBy.toStdString());
            bool own = false;
            const grpc::Status serialized =
                grpc::SerializationTraits<pb::RecognizeResponse>::Serialize(out, response, &own);
            finish(serialized, static_cast<int>(page->words.size()), decodeMs, ocrMs);
        });
        return reactor;
    }

    grpc::ServerUnaryReactor* ListEngines(grpc::CallbackServerContext* ctx, const pb::ListEnginesRequest*,
                                          pb::ListEnginesResponse* response) override
    {
        auto* reactor = ctx->DefaultReactor();
        if (grpc::Status refused = admit(ctx); !refused.ok()) {
            refuse("ListEngines", ctx, refused);
            reactor->Finish(refused);
            return reactor;
        }
        for (const EngineInfo& info : listed) {
            pb::Engine* engine = response->add_engines();
            engine->set_name(info.name.toStdString());
            engine->set_version(info.version.toStdString());
            const QStringList& langs = info.name == QLatin1String(EnginePool::kTesseract) ? languages : info.languages;
            for (const QString& l : langs)
                engine->add_languages(l.toStdString());
            engine->set_available(enabled.contains(info.name));
            engine->set_reason(info.reason.toStdString());
            engine->set_detects(info.detects);
            engine->set_recognizes(info.recognizes);
        }
        response->set_worker_version(workerVersion().toStdString());
        response->set_threads(static_cast<uint32_t>(threads));
        response->set_max_message_bytes(static_cast<uint64_t>(options.maxMessageBytes));
        log(QStringLiteral("ListEngines peer=%1 OK").arg(peerOf(ctx)));
        reactor->Finish(grpc::Status::OK);
        return reactor;
    }

    grpc::ServerUnaryReactor* GetStatus(grpc::CallbackServerContext* ctx, const pb::GetStatusRequest*,
                                        pb::GetStatusResponse* response) override
    {
        auto* reactor = ctx->DefaultReactor();
        // Status is served while draining too: it is how an operator watches a drain.
        if (!authorized(ctx)) {
            const grpc::Status refused(grpc::StatusCode::UNAUTHENTICATED, "missing or invalid API key");
            refuse("GetStatus", ctx, refused);
            reactor->Finish(refused);
            return reactor;
        }
        const auto [busy, queued] = pool.load();
        response->set_threads(static_cast<uint32_t>(threads));
        response->set_busy(static_cast<uint32_t>(busy));
        response->set_queued(static_cast<uint32_t>(queued));
        response->set_memory_bytes(static_cast<uint64_t>(residentBytes()));
        stats.fill(response);
        response->set_uptime_s(msSince(startedAt) / 1000.0);
        response->set_draining(draining.load());
        reactor->Finish(grpc::Status::OK);
        return reactor;
    }

    /// GET /metrics on the health port: the queue and threads now, and Stats' counters and histogram.
    QByteArray metricsText() const
    {
        using Type = PrometheusText::Type;
        PrometheusText out;
        const auto [busy, queued] = pool.load();
        out.family("incidoc_worker_build_info", Type::Gauge,
                   "Always 1; the labels give the versions of the worker and of Tesseract.");
        out.sample({{"version", workerVersion()}, {"tesseract", tesseract}}, 1);
        out.family("incidoc_worker_threads", Type::Gauge, "Engine threads: the pages this worker recognizes at once.");
        out.sample({}, threads);
        out.family("incidoc_worker_busy_threads", Type::Gauge, "Engine threads recognizing a page now.");
        out.sample({}, busy);
        out.family("incidoc_worker_queued_requests", Type::Gauge,
                   "Recognize calls accepted and waiting for a free engine thread (the queue depth).");
        out.sample({}, queued);
        out.family("incidoc_worker_inflight_requests", Type::Gauge,
                   "Recognize calls accepted and not answered yet: those queued plus those being recognized.");
        out.sample({}, busy + queued);
        out.family("incidoc_worker_draining", Type::Gauge,
                   "1 once the worker drains (SIGTERM): it refuses new calls and finishes those in flight.");
        out.sample({}, draining.load() ? 1 : 0);
        stats.fill(out);
        out.family("incidoc_worker_start_time_seconds", Type::Gauge, "When the worker started, in Unix time.");
        out.sample({}, startedAtUnix);
        out.family("process_resident_memory_bytes", Type::Gauge, "Resident memory of the worker process.");
        out.sample({}, static_cast<double>(residentBytes()));
        return out.text();
    }

    /// The engines served: those asked for (each registered and available), or every available one;
    /// the default ("tesseract") first. Fills `enabled`, `listed` and the per-engine counters.
    Status chooseEngines(const WorkerOptions& o)
    {
        const QString tesseract = QString::fromLatin1(EnginePool::kTesseract);
        listed = o.engines->engines();
        std::stable_partition(listed.begin(), listed.end(), [&](const EngineInfo& e) { return e.name == tesseract; });
        for (const QString& asked : o.enabledEngines) {
            const auto it =
                std::find_if(listed.begin(), listed.end(), [&](const EngineInfo& e) { return e.name == asked; });
            if (it == listed.end()) {
                QStringList names;
                for (const EngineInfo& e : listed)
                    names << e.name;
                return makeError(ErrorCode::InvalidInput, QStringLiteral("unknown engine \"%1\" (this worker has: %2)")
                                                              .arg(asked, names.join(QStringLiteral(", "))));
            }
            if (!it->available)
                return makeError(ErrorCode::Unavailable,
                                 QStringLiteral("the engine %1 is not available: %2").arg(asked, it->reason));
        }
        for (EngineInfo& e : listed) {
            const bool wanted = o.enabledEngines.isEmpty() ? e.available : o.enabledEngines.contains(e.name);
            if (wanted)
                enabled << e.name;
            else if (e.available)
                e.reason = QStringLiteral("not enabled on this worker (--engines)");
        }
        if (enabled.isEmpty())
            return makeError(ErrorCode::Unavailable, QStringLiteral("no OCR engine is available on this worker"));
        stats.setEngines(enabled);
        return okStatus();
    }

    void drainNow(int drainMs)
    {
        std::call_once(drainOnce, [&] {
            draining = true;
            if (server) {
                if (auto* health = server->GetHealthCheckService())
                    health->SetServingStatus(false);
                log(QStringLiteral("draining: finishing calls in flight (up to %1 s), refusing new ones")
                        .arg(drainMs / 1000.0));
                // Shutdown stops accepting calls at once and waits for those in flight; at the deadline
                // it cancels the rest (their reactors' OnCancel stops the engines between words).
                server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(std::max(0, drainMs)));
            }
            pool.stop();
            if (server)
                server->Wait();
            // The health port last: it answers NOT_SERVING, and shows the drain in its metrics, until the
            // calls are done. Its listener first, so that no connection reaches a server shutting down.
            if (healthListener)
                healthListener->stop();
            if (healthServer) {
                healthServer->Shutdown(std::chrono::system_clock::now());
                healthServer->Wait();
            }
            log(QStringLiteral("stopped"));
            std::lock_guard guard(doneMutex);
            drained = true;
            doneCv.notify_all();
        });
        std::unique_lock guard(doneMutex);
        doneCv.wait(guard, [this] { return drained; });
    }
};

WorkerServer::WorkerServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

WorkerServer::~WorkerServer()
{
    m_impl->drainNow(0);
}

Result<std::unique_ptr<WorkerServer>> WorkerServer::start(WorkerOptions options)
{
    auto impl = std::make_unique<Impl>();
    if (options.maxMessageBytes <= 0)
        options.maxMessageBytes = kDefaultMaxMessageBytes;
    if (options.maxMessageBytes > 1024LL * 1024 * 1024)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the receive limit cannot be over 1024 MB"));
    if (!options.engines)
        options.engines = std::make_shared<EnginePool>();
    impl->threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    impl->languages = options.languages.isEmpty() ? tesseractLanguages() : options.languages;
    impl->servedBy = QStringLiteral("%1/%2").arg(QSysInfo::machineHostName()).arg(getpid());
    impl->tesseract = tesseractVersion();
    impl->startedAtUnix = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;

    auto hostPort = splitHostPort(options.listen);
    if (!hostPort)
        return hostPort.error();
    impl->host = hostPort->first;
    const bool loopback = isLoopbackHost(hostPort->first);
    const bool wantTls = !options.tlsCertFile.isEmpty() || !options.tlsKeyFile.isEmpty();
    if (wantTls && (options.tlsCertFile.isEmpty() || options.tlsKeyFile.isEmpty()))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("TLS needs both a certificate (--tls-cert) and a key (--tls-key)"));
    if (!loopback && !options.insecure && (!wantTls || options.apiKey.isEmpty()))
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("refusing to listen on %1 without TLS and an API key: give --tls-cert, --tls-key "
                           "and --api-key-file (or --insecure on a trusted private network)")
                .arg(options.listen));

    std::shared_ptr<grpc::ServerCredentials> credentials;
    if (wantTls) {
        auto readPem = [](const QString& path, const char* what) -> Result<std::string> {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return makeError(
                    ErrorCode::Io,
                    QStringLiteral("TLS %1 cannot be read: %2 (%3)").arg(QLatin1String(what), path, f.errorString()));
            const QByteArray pem = f.read(1 << 20);
            if (!pem.contains("-----BEGIN "))
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("TLS %1 is not in PEM format: %2").arg(QLatin1String(what), path));
            return pem.toStdString();
        };
        auto cert = readPem(options.tlsCertFile, "certificate");
        if (!cert)
            return cert.error();
        auto key = readPem(options.tlsKeyFile, "key");
        if (!key)
            return key.error();
        grpc::SslServerCredentialsOptions ssl;
        ssl.pem_key_cert_pairs.push_back({*key, *cert});
        credentials = grpc::SslServerCredentials(ssl);
        impl->tls = true;
    } else {
        credentials = grpc::InsecureServerCredentials();
    }

    if (Status chosen = impl->chooseEngines(options); !chosen)
        return chosen.error();
    // The engines first: a worker that cannot OCR must not announce itself as serving. Tesseract's are
    // made now, per thread; other engines' on first use.
    const QString tesseract = QString::fromLatin1(EnginePool::kTesseract);
    if (!options.preloadLanguages.isEmpty() && impl->enabled.contains(tesseract)) {
        if (Status made = options.engines->preload(tesseract, options.preloadLanguages, impl->threads); !made.ok())
            return made.error();
    }
    impl->pool.start(impl->threads);
    impl->options = std::move(options);

    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    builder.AddListeningPort(impl->options.listen.toStdString(), credentials, &impl->port);
    builder.RegisterService(impl.get());
    builder.SetMaxReceiveMessageSize(static_cast<int>(impl->options.maxMessageBytes));
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, kServerKeepaliveTimeMs);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, kServerKeepaliveTimeoutMs);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, kServerMinPingIntervalMs);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 0);
    // gRPC sets SO_REUSEPORT by default: a second worker on the same port would silently share it.
    builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, kServerMaxConnectionAgeMs);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS, kServerMaxConnectionAgeGraceMs);
    impl->server = builder.BuildAndStart();
    if (!impl->server || impl->port == 0) {
        impl->pool.stop();
        impl->server.reset();
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot listen on %1 (address in use, not on this machine, or not allowed)")
                             .arg(impl->options.listen));
    }
    if (!impl->options.healthListen.isEmpty()) {
        // A server of its own with no service but health, so nothing else is ever reachable over the
        // plaintext port; no listening port either: the HealthPort owns the socket and hands this server
        // the connections that speak HTTP/2, answering HTTP/1.1 (GET /metrics) itself.
        grpc::ServerBuilder healthBuilder;
        impl->healthService = std::make_unique<HealthOnlyService>(impl->draining);
        healthBuilder.RegisterService(impl->healthService.get());
        // Not gRPC's default health service as well: it would register the same methods again.
        healthBuilder.SetOption(std::make_unique<grpc::HealthCheckServiceServerBuilderOption>(nullptr));
        impl->healthServer = healthBuilder.BuildAndStart();
        Result<std::unique_ptr<HealthPort>> listener =
            makeError(ErrorCode::Unavailable, QStringLiteral("the health check server cannot start"));
        if (impl->healthServer) {
            HealthPortOptions port;
            port.listen = impl->options.healthListen;
            port.handOffHttp2 = [server = impl->healthServer.get()](int fd) {
                grpc::AddInsecureChannelFromFd(server, fd);
            };
            port.metrics = [self = impl.get()] { return self->metricsText(); };
            listener = HealthPort::start(std::move(port));
        }
        if (!listener) {
            impl->server->Shutdown(std::chrono::system_clock::now());
            impl->server->Wait();
            impl->pool.stop();
            if (impl->healthServer) {
                impl->healthServer->Shutdown(std::chrono::system_clock::now());
                impl->healthServer->Wait();
            }
            impl->healthServer.reset();
            impl->server.reset();
            return listener.error();
        }
        impl->healthListener = std::move(listener).value();
        impl->healthPort = impl->healthListener->port();
    }
    if (auto* health = impl->server->GetHealthCheckService()) {
        health->SetServingStatus(kServiceName, true);
        health->SetServingStatus("", true);
    }
    if (impl->healthPort > 0)
        impl->log(
            QStringLiteral("health checks (plaintext, health service only) and metrics (HTTP GET /metrics) on port %1")
                .arg(impl->healthPort));
    impl->log(
        QStringLiteral("listening on %1:%2 (%3), %4 threads, engines %8, languages %5, receive limit %6 MB%7")
            .arg(impl->host)
            .arg(impl->port)
            .arg(impl->tls ? QStringLiteral("TLS") : QStringLiteral("plaintext"))
            .arg(impl->threads)
            .arg(impl->languages.join(QLatin1Char(',')))
            .arg(impl->options.maxMessageBytes / (1024 * 1024))
            .arg(impl->options.apiKey.isEmpty() ? QStringLiteral(", no API key") : QStringLiteral(", API key required"))
            .arg(impl->enabled.join(QLatin1Char(','))));
    return std::unique_ptr<WorkerServer>(new WorkerServer(std::move(impl)));
}

QStringList WorkerServer::enabledEngines() const
{
    return m_impl->enabled;
}

int WorkerServer::port() const
{
    return m_impl->port;
}

QString WorkerServer::address() const
{
    QString host = m_impl->host;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("::"))
        host = QStringLiteral("::1");
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1:%2").arg(host).arg(m_impl->port);
}

int WorkerServer::healthPort() const
{
    return m_impl->healthPort;
}

bool WorkerServer::usesTls() const
{
    return m_impl->tls;
}

void WorkerServer::drain(int drainMs)
{
    m_impl->drainNow(drainMs);
}

void WorkerServer::wait()
{
    std::unique_lock guard(m_impl->doneMutex);
    m_impl->doneCv.wait(guard, [this] { return m_impl->drained; });
}

WorkerCounters WorkerServer::counters() const
{
    WorkerCounters c;
    c.threads = m_impl->threads;
    std::tie(c.busy, c.queued) = m_impl->pool.load();
    m_impl->stats.fill(&c);
    c.draining = m_impl->draining.load();
    return c;
}

} // namespace incidoc::remote
