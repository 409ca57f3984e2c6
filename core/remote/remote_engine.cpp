#include "core/remote/remote_engine.h"

#include "core/ocr/tesseract_engine.h"
#include "core/remote/proto_convert.h"
#include "core/remote/worker_protocol.h"
#include "core/remote/worker_targets.h"

#include <QFile>
#include <QThread>

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "incidoc/worker/v1/worker.grpc.pb.h"

namespace incidoc {

using remote::pb::OcrWorker;
namespace pb = remote::pb;

namespace {

/// Service config of the cluster channel: round_robin over every worker; only workers whose health
/// status is SERVING get calls (a draining worker turns NOT_SERVING first); UNAVAILABLE (a worker
/// that died or is shutting down) is retried once by gRPC itself, on the next worker. Once, not more:
/// a page that kills the worker reading it (a crafted page that crashes Tesseract) would otherwise
/// take one worker down per attempt.
constexpr const char* kServiceConfig = R"json({
  "loadBalancingConfig": [{"round_robin": {}}],
  "healthCheckConfig": {"serviceName": "incidoc.worker.v1.OcrWorker"},
  "methodConfig": [{
    "name": [{"service": "incidoc.worker.v1.OcrWorker"}],
    "retryPolicy": {
      "maxAttempts": 2,
      "initialBackoff": "0.2s",
      "maxBackoff": "2s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
})json";

/// Pages beyond gRPC's default retry buffer (256 KiB) would not be retried at all: the whole request
/// must stay buffered until the call commits.
constexpr int kRetryBufferBytes = 256 * 1024 * 1024;

grpc::ChannelArguments channelArguments(const QString& authority, bool tls, bool cluster)
{
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(static_cast<int>(remote::kDefaultMaxMessageBytes));
    args.SetMaxSendMessageSize(-1);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, remote::kClientKeepaliveTimeMs);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, remote::kClientKeepaliveTimeoutMs);
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
    args.SetInt("grpc.per_rpc_retry_buffer_size", kRetryBufferBytes);
    if (cluster)
        args.SetServiceConfigJSON(kServiceConfig);
    else
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1); // the probes' connections die with them
    if (tls && !authority.isEmpty())
        args.SetSslTargetNameOverride(authority.toStdString());
    return args;
}

/// Waits for an asynchronous call, cancelling it when `cancel` is set.
class CallWaiter {
public:
    std::function<void(grpc::Status)> callback()
    {
        return [this](grpc::Status s) {
            std::lock_guard guard(m_mutex);
            m_status = std::move(s);
            m_done = true;
            m_cv.notify_all();
        };
    }
    grpc::Status wait(grpc::ClientContext& ctx, const CancelToken* cancel)
    {
        std::unique_lock guard(m_mutex);
        bool cancelled = false;
        while (!m_done) {
            m_cv.wait_for(guard, std::chrono::milliseconds(50));
            if (!cancelled && cancel && cancel->isCancelled()) {
                cancelled = true;
                ctx.TryCancel();
            }
        }
        return m_status;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
    grpc::Status m_status;
};

QString grpcMessage(const grpc::Status& s)
{
    return QString::fromStdString(s.error_message());
}

} // namespace

struct RemoteCluster::Impl {
    RemoteOptions options;
    remote::WorkerTargets targets;
    QByteArray apiKey;
    bool tls = false;
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<OcrWorker::Stub> stub;
    std::vector<RemoteWorkerInfo> workers;
    int totalThreads = 0;
    remote::ImageEncoding encoding = remote::ImageEncoding::Grey8;
    TesseractEngineFactory localEngines;

    mutable std::mutex statsMutex;
    RemoteStats stats;

    void addKey(grpc::ClientContext& ctx) const
    {
        if (!apiKey.isEmpty())
            ctx.AddMetadata(remote::kApiKeyMetadata, apiKey.toStdString());
    }
    void count(const std::function<void(RemoteStats&)>& f)
    {
        std::lock_guard guard(statsMutex);
        f(stats);
    }
};

namespace {

/// One pool thread's engine: sends its pages to the cluster; falls back to its own local Tesseract
/// when configured and no worker answers.
class RemoteOcrEngine final : public OcrEngine {
public:
    RemoteOcrEngine(std::shared_ptr<RemoteCluster> cluster, QString languages, QString engine)
        : m_cluster(std::move(cluster)), m_languages(std::move(languages)), m_engine(std::move(engine))
    {
    }

    Result<RecognizedPage> recognize(const QImage& image, const OcrOptions& options, const CancelToken& cancel) override
    {
        RemoteCluster::Impl& c = m_cluster->impl();
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        pb::RecognizeRequest request;
        if (Status encoded = remote::encodeImage(image, options.dpi, c.encoding, request.mutable_image());
            !encoded.ok())
            return encoded.error();
        request.mutable_options()->set_languages(options.languages.toStdString());
        request.mutable_options()->set_segmentation(remote::toProto(options.segmentation));
        request.mutable_options()->set_deadline_ms(static_cast<uint32_t>(std::max(0, options.deadlineMs)));
        request.set_request_tag(options.tag.left(80).toStdString());
        if (!m_engine.isEmpty())
            request.set_engine(m_engine.toStdString());
        const double bytes = static_cast<double>(request.image().data().size());

        // gRPC retries UNAVAILABLE itself (service config); these rounds cover a fleet that is briefly
        // all away (workers restarting, a rollout), before the fallback decides.
        constexpr int kRounds = 3;
        grpc::Status last;
        for (int round = 0; round < kRounds; ++round) {
            if (round > 0) {
                c.count([](RemoteStats& s) { ++s.retries; });
                for (int i = 0; i < 10 * round && !cancel.isCancelled(); ++i)
                    QThread::msleep(50);
            }
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            grpc::ClientContext ctx;
            c.addKey(ctx);
            const long long budget =
                options.deadlineMs > 0 ? options.deadlineMs + c.options.callSlackMs : 24LL * 3600 * 1000;
            ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(budget));
            pb::RecognizeResponse response;
            CallWaiter waiter;
            c.stub->async()->Recognize(&ctx, &request, &response, waiter.callback());
            last = waiter.wait(ctx, &cancel);
            c.count([&](RemoteStats& s) { s.bytesSent += bytes; });
            if (last.ok()) {
                c.count([](RemoteStats& s) { ++s.remotePages; });
                return remote::fromProto(response);
            }
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            // CANCELLED that we did not ask for: a worker that hit its drain deadline. Try elsewhere.
            if (last.error_code() != grpc::StatusCode::UNAVAILABLE && last.error_code() != grpc::StatusCode::CANCELLED)
                break;
            // The connection broke while the page was being read, on two workers in a row (gRPC's one
            // retry): the page itself kills workers. It fails; the fleet lives.
            if (last.error_code() == grpc::StatusCode::UNAVAILABLE && remote::droppedMidCall(last.error_message()))
                return failed(
                    makeError(ErrorCode::Engine,
                              QStringLiteral("OCR of this page ended the worker reading it, twice (%1); skipped")
                                  .arg(grpcMessage(last))));
        }

        const QString detail = grpcMessage(last);
        switch (last.error_code()) {
        case grpc::StatusCode::DEADLINE_EXCEEDED:
            return failed(
                makeError(ErrorCode::Timeout,
                          QStringLiteral("OCR took longer than %1 s (on a worker)").arg(options.deadlineMs / 1000.0)));
        case grpc::StatusCode::INVALID_ARGUMENT:
            return failed(
                makeError(ErrorCode::InvalidInput, QStringLiteral("the worker refused the page: %1").arg(detail)));
        case grpc::StatusCode::RESOURCE_EXHAUSTED:
            return failed(
                makeError(ErrorCode::TooLarge, QStringLiteral("the page is too large for the worker: %1").arg(detail)));
        case grpc::StatusCode::UNAVAILABLE:
        case grpc::StatusCode::CANCELLED:
            return unreachable(QStringLiteral("no OCR worker reachable at %1 (%2)").arg(c.options.workers, detail),
                               image, options, cancel);
        case grpc::StatusCode::UNAUTHENTICATED:
        case grpc::StatusCode::PERMISSION_DENIED:
            return unreachable(QStringLiteral("the OCR workers refused the API key (%1)").arg(detail), image, options,
                               cancel);
        case grpc::StatusCode::UNIMPLEMENTED:
            return unreachable(QStringLiteral("%1 is not an Incidoc OCR worker (%2)").arg(c.options.workers, detail),
                               image, options, cancel);
        default: return failed(makeError(ErrorCode::Engine, QStringLiteral("the OCR worker failed: %1").arg(detail)));
        }
    }

    QString description() const override
    {
        return QStringLiteral("incidoc-worker at %1 (%2)").arg(m_cluster->options().workers, m_languages);
    }

private:
    Result<RecognizedPage> failed(Error e)
    {
        m_cluster->impl().count([](RemoteStats& s) { ++s.failures; });
        return e;
    }

    /// No worker can take the page: OCR it here, or stop the run (the page stays queued).
    Result<RecognizedPage> unreachable(const QString& why, const QImage& image, const OcrOptions& options,
                                       const CancelToken& cancel)
    {
        RemoteCluster::Impl& c = m_cluster->impl();
        if (c.options.fallback == RemoteFallback::Stop)
            return failed(makeError(ErrorCode::Unavailable, why));
        if (!m_local) {
            auto made = c.localEngines.create(m_languages);
            if (!made)
                return failed(made.error());
            m_local = std::move(made).value();
        }
        auto page = m_local->recognize(image, options, cancel);
        if (page)
            c.count([](RemoteStats& s) { ++s.localPages; });
        return page;
    }

    std::shared_ptr<RemoteCluster> m_cluster;
    QString m_languages;
    QString m_engine; ///< asked of the workers by name; empty: their default
    std::unique_ptr<OcrEngine> m_local;
};

class RemoteEngineFactory final : public OcrEngineFactory {
public:
    RemoteEngineFactory(std::shared_ptr<RemoteCluster> cluster, QString engine)
        : m_cluster(std::move(cluster)), m_engine(std::move(engine))
    {
    }
    Result<std::unique_ptr<OcrEngine>> create(const QString& languages) const override
    {
        return std::unique_ptr<OcrEngine>(std::make_unique<RemoteOcrEngine>(m_cluster, languages, m_engine));
    }

private:
    std::shared_ptr<RemoteCluster> m_cluster;
    QString m_engine;
};

/// Asks one worker for its engines and threads.
RemoteWorkerInfo probe(const RemoteCluster::Impl& c, const QString& address, grpc::StatusCode* code)
{
    RemoteWorkerInfo info;
    info.address = address;
    auto channel = grpc::CreateCustomChannel(address.toStdString(), c.credentials,
                                             channelArguments(c.targets.authority, c.tls, false));
    auto stub = OcrWorker::NewStub(channel);
    grpc::ClientContext ctx;
    c.addKey(ctx);
    ctx.set_wait_for_ready(true); // wait for the connection, up to the deadline
    ctx.set_deadline(std::chrono::system_clock::now()
                     + std::chrono::milliseconds(std::max(100, c.options.connectTimeoutMs)));
    pb::ListEnginesRequest request;
    pb::ListEnginesResponse response;
    const grpc::Status s = stub->ListEngines(&ctx, request, &response);
    *code = s.error_code();
    if (!s.ok()) {
        info.error = s.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED
                         ? QStringLiteral("no answer within %1 s").arg(c.options.connectTimeoutMs / 1000.0)
                         : grpcMessage(s);
        return info;
    }
    info.reachable = true;
    info.threads = static_cast<int>(std::max<uint32_t>(1, response.threads()));
    info.version = QString::fromStdString(response.worker_version());
    if (response.engines_size() > 0) {
        // Tesseract's (the engine calls that name none are read by); the first for workers that predate names.
        int which = 0;
        for (int i = 0; i < response.engines_size(); ++i)
            if (response.engines(i).name() == "tesseract")
                which = i;
        const pb::Engine& e = response.engines(which);
        info.engine =
            QStringLiteral("%1 %2").arg(QString::fromStdString(e.name()), QString::fromStdString(e.version()));
        for (const auto& l : e.languages())
            info.languages << QString::fromStdString(l);
    }
    return info;
}

} // namespace

RemoteCluster::RemoteCluster(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RemoteCluster::~RemoteCluster() = default;

Result<std::shared_ptr<RemoteCluster>> RemoteCluster::connect(const RemoteOptions& options, const QString& languagesIn)
{
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    auto targets = remote::resolveWorkerTargets(options.workers);
    if (!targets)
        return targets.error();
    impl->targets = *targets;
    if (!options.apiKeyFile.isEmpty()) {
        auto key = remote::readApiKeyFile(options.apiKeyFile);
        if (!key)
            return key.error();
        impl->apiKey = *key;
    }
    impl->tls = options.tls || !options.tlsCaFile.isEmpty();
    if (!impl->apiKey.isEmpty() && !impl->tls && !impl->targets.allLoopback && !options.insecure)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("refusing to send the API key unencrypted to workers that are not on this machine "
                           "(%1): give the workers' CA with --tls-ca (or --insecure on a trusted private network)")
                .arg(options.workers));
    if (impl->tls) {
        grpc::SslCredentialsOptions ssl;
        if (!options.tlsCaFile.isEmpty()) {
            QFile ca(options.tlsCaFile);
            if (!ca.open(QIODevice::ReadOnly))
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("TLS CA file cannot be read: %1 (%2)").arg(options.tlsCaFile, ca.errorString()));
            const QByteArray pem = ca.read(1 << 20);
            if (!pem.contains("-----BEGIN CERTIFICATE-----"))
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("TLS CA file is not a PEM certificate: %1").arg(options.tlsCaFile));
            ssl.pem_root_certs = pem.toStdString();
        }
        impl->credentials = grpc::SslCredentials(ssl);
    } else {
        impl->credentials = grpc::InsecureChannelCredentials();
    }
    switch (options.images) {
    case RemoteOptions::Images::Grey8: impl->encoding = remote::ImageEncoding::Grey8; break;
    case RemoteOptions::Images::Png: impl->encoding = remote::ImageEncoding::Png; break;
    case RemoteOptions::Images::Auto:
        impl->encoding = impl->targets.allLoopback ? remote::ImageEncoding::Grey8 : remote::ImageEncoding::Png;
        break;
    }

    // Every worker at once: a fleet with a few dead addresses costs one timeout, not one per address.
    const int n = static_cast<int>(impl->targets.addresses.size());
    impl->workers.resize(static_cast<size_t>(n));
    std::vector<grpc::StatusCode> codes(static_cast<size_t>(n), grpc::StatusCode::OK);
    {
        std::vector<std::thread> probes;
        for (int i = 0; i < n; ++i)
            // The address is copied here, not read in the thread: QList's non-const operator[] detaches
            // a list that is shared (targets above still holds it), and detaching in three threads at
            // once freed the copy another was reading: an empty address ("dns:///", the worker counted
            // as unreachable) or a crash of the client.
            probes.emplace_back([&, i, address = impl->targets.addresses.at(i)] {
                impl->workers[static_cast<size_t>(i)] = probe(*impl, address, &codes[static_cast<size_t>(i)]);
            });
        for (auto& t : probes)
            t.join();
    }
    QStringList unreachable;
    for (size_t i = 0; i < impl->workers.size(); ++i) {
        const RemoteWorkerInfo& w = impl->workers[i];
        if (codes[i] == grpc::StatusCode::UNAUTHENTICATED || codes[i] == grpc::StatusCode::PERMISSION_DENIED)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("worker %1 refused the API key (%2)").arg(w.address, w.error));
        if (w.reachable)
            impl->totalThreads += w.threads;
        else
            unreachable << QStringLiteral("%1: %2").arg(w.address, w.error);
    }
    if (impl->totalThreads == 0)
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("no OCR worker reachable (%1)").arg(unreachable.join(QStringLiteral("; "))));
    const QString languages = languagesIn.trimmed().isEmpty() ? QStringLiteral("eng") : languagesIn.trimmed();
    for (const RemoteWorkerInfo& w : impl->workers) {
        if (!w.reachable)
            continue;
        for (const QString& l : languages.split(QLatin1Char('+'), Qt::SkipEmptyParts))
            if (!w.languages.contains(l))
                return makeError(ErrorCode::Engine,
                                 QStringLiteral("worker %1 has no Tesseract language data for '%2' (it has %3)")
                                     .arg(w.address, l, w.languages.join(QLatin1Char(','))));
    }

    impl->channel = grpc::CreateCustomChannel(impl->targets.channelTarget.toStdString(), impl->credentials,
                                              channelArguments(impl->targets.authority, impl->tls, true));
    impl->stub = OcrWorker::NewStub(impl->channel);
    return std::shared_ptr<RemoteCluster>(new RemoteCluster(std::move(impl)));
}

const RemoteOptions& RemoteCluster::options() const
{
    return m_impl->options;
}

std::vector<RemoteWorkerInfo> RemoteCluster::workers() const
{
    return m_impl->workers;
}

int RemoteCluster::totalThreads() const
{
    return m_impl->totalThreads;
}

QString RemoteCluster::summary() const
{
    int reachable = 0;
    for (const auto& w : m_impl->workers)
        reachable += w.reachable ? 1 : 0;
    QString s = QStringLiteral("%1 worker(s) (%2 threads) at %3")
                    .arg(reachable)
                    .arg(m_impl->totalThreads)
                    .arg(m_impl->options.workers);
    const int missing = static_cast<int>(m_impl->workers.size()) - reachable;
    if (missing > 0)
        s += QStringLiteral("; %1 not reachable").arg(missing);
    return s;
}

RemoteStats RemoteCluster::stats() const
{
    std::lock_guard guard(m_impl->statsMutex);
    return m_impl->stats;
}

std::shared_ptr<const OcrEngineFactory> RemoteCluster::engineFactory(const QString& engine)
{
    return std::make_shared<RemoteEngineFactory>(shared_from_this(), engine);
}

} // namespace incidoc
