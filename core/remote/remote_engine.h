#pragma once
// OCR on a cluster of incidoc-worker processes (core/remote, proto incidoc.worker.v1), behind the same
// OcrEngine interface as local Tesseract: the pipeline renders and prepares pages as always and sends
// the prepared image to a worker, which runs the same engine code, so the words are the same.
//
// One gRPC channel per cluster: round_robin over every worker address, client-side health checks (a
// draining or sick worker gets no new pages), a deadline on every call, UNAVAILABLE retried by the
// channel's service config (on another worker), keepalive agreed with the workers'.

#include "core/ocr/ocr_engine.h"
#include "core/remote/remote_options.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace incidoc {

/// The name the cluster's engines are registered under in an EnginePool (engine_pool.h).
inline const QString kRemoteEngine = QStringLiteral("remote");

/// One worker as found at connect().
struct RemoteWorkerInfo {
    QString address;
    bool reachable = false;
    QString error; ///< why it is not reachable
    int threads = 0;
    QString version; ///< worker program version
    QString engine;  ///< "tesseract 5.3.0"
    QStringList languages;
};

/// A connected cluster: shared by every engine it makes. Thread-safe.
class RemoteCluster : public std::enable_shared_from_this<RemoteCluster> {
public:
    /// Resolves the workers, asks each for its engines and threads (ListEngines), checks that the
    /// reachable ones have `languages`, and opens the channel. Errors: InvalidInput (targets, key, TLS
    /// files, key without TLS off this machine), Unavailable (no worker reachable — the caller decides
    /// about the fallback), Engine (a language missing on the workers), and a refused key.
    static Result<std::shared_ptr<RemoteCluster>> connect(const RemoteOptions& options, const QString& languages);
    ~RemoteCluster();

    const RemoteOptions& options() const;
    /// Every worker address with what connect() found.
    std::vector<RemoteWorkerInfo> workers() const;
    /// Threads of the reachable workers: the pipeline keeps this many pages in flight.
    int totalThreads() const;
    /// "3 workers (6 threads) at 127.0.0.1:50051, …"
    QString summary() const;
    RemoteStats stats() const;

    /// Engines that send pages to this cluster (with the configured fallback), asking the workers for
    /// `engine` by name ("ppocr"); empty: the workers' default (Tesseract). The local fallback is
    /// Tesseract whatever the engine.
    std::shared_ptr<const OcrEngineFactory> engineFactory(const QString& engine = {});

    /// Implementation detail shared with the engines (remote_engine.cpp).
    struct Impl;
    Impl& impl() { return *m_impl; }

private:
    explicit RemoteCluster(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc
