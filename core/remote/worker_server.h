#pragma once
// The OCR worker: serves incidoc.worker.v1.OcrWorker and grpc.health.v1.Health on one port, with a
// pool of OCR engines (one per thread, created once and reused: the same engine code as local OCR, so
// remote and local results are identical). incidoc-worker is a thin main() around this class; tests
// run it in-process too.

#include "core/ocr/engine_pool.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace incidoc::remote {

struct WorkerOptions {
    QString listen = QStringLiteral("127.0.0.1:50051"); ///< HOST:PORT; port 0 picks a free one
    int threads = 0;   ///< pages recognized at once (one engine each); 0: the number of cores
    QByteArray apiKey; ///< required in `x-api-key` on every OcrWorker call; empty: no key
    /// A second, plaintext port that serves only grpc.health.v1.Health (for Kubernetes' gRPC probes,
    /// which cannot speak TLS); empty: none.
    QString healthListen;
    QString tlsCertFile;           ///< PEM certificate chain; with tlsKeyFile the port speaks TLS only
    QString tlsKeyFile;            ///< PEM private key
    long long maxMessageBytes = 0; ///< receive limit; 0: kDefaultMaxMessageBytes (64 MiB)
    /// Allow a non-loopback address without TLS and an API key (a private network, a test).
    bool insecure = false;
    int defaultDeadlineMs = 120'000;                  ///< per page, when a request gives none
    QString preloadLanguages = QStringLiteral("eng"); ///< engines made at start, per thread ("" for none)
    /// Where the call threads lease their engines; null: a pool of the server's own.
    std::shared_ptr<EnginePool> engines;
    /// The engine families calls may name (RecognizeRequest.engine), as registered in `engines`; every one
    /// must be available. Empty: every available family of `engines`. A call that names none is read by
    /// "tesseract".
    QStringList enabledEngines;
    /// Languages Tesseract has (for INVALID_ARGUMENT on others); empty: Tesseract's installed ones.
    QStringList languages;
    /// One line per call (method, peer, sizes, status, times; never page content). Null: no log.
    /// Called from gRPC and pool threads, one call at a time.
    std::function<void(const QString&)> log;
};

/// One engine's Recognize calls, as GetStatus serves them.
struct EngineCounters {
    QString name;
    long long pagesServed = 0;
    long long failures = 0;
    double latencyMsMean = 0;
    double latencyMsMax = 0;
};

/// Counters, as GetStatus serves them.
struct WorkerCounters {
    int threads = 0;
    int busy = 0;
    int queued = 0;
    long long pagesServed = 0;
    long long failures = 0;
    long long rejected = 0;
    bool draining = false;
    std::vector<EngineCounters> engines; ///< per engine served, in ListEngines' order
};

/// Thread contract: all functions are thread-safe; drain() may be called from a signal-watching thread.
class WorkerServer {
public:
    /// Binds and starts serving. Errors: InvalidInput (bad address, non-loopback without TLS and key
    /// unless `insecure`, an enabled engine that is not registered), Unavailable (an enabled engine that
    /// cannot run here, with its reason), Io (certificate files), Unavailable (the port cannot be bound), Engine (the
    /// preload engines cannot be made).
    static Result<std::unique_ptr<WorkerServer>> start(WorkerOptions options);
    ~WorkerServer(); ///< drain(0)

    /// The engines calls may name, the default ("tesseract") first.
    QStringList enabledEngines() const;
    /// The port bound (useful with port 0).
    int port() const;
    /// The health-only port bound (0: none).
    int healthPort() const;
    /// "127.0.0.1:PORT" style address clients reach it at (loopback when bound to a wildcard).
    QString address() const;
    bool usesTls() const;

    /// SIGTERM: health turns NOT_SERVING, new calls are refused (UNAVAILABLE: clients retry elsewhere),
    /// calls in flight finish; those still running after `drainMs` are cancelled. Returns when all are done.
    void drain(int drainMs);
    /// Blocks until drain() has finished (from another thread).
    void wait();

    WorkerCounters counters() const;

private:
    struct Impl;
    explicit WorkerServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc::remote
