#pragma once
// How to reach a cluster of incidoc-worker processes: plain values, no gRPC, so that settings, the
// pipeline and the page hosts can carry them without seeing the client (remote_engine.h).

#include <QString>

namespace incidoc {

/// What to do when no worker can be reached (at the start or in the middle of a run).
enum class RemoteFallback {
    Stop,  ///< stop the run with a clear message; pages not done stay queued for the next run
    Local, ///< OCR those pages on this machine instead
};

struct RemoteOptions {
    QString workers;    ///< "HOST:PORT[,HOST:PORT...]" or "dns:///NAME:PORT"
    QString apiKeyFile; ///< sent as `x-api-key`; empty: none
    /// TLS: on when a CA file is given (certificates are checked against it) or `tls` is set (the
    /// system's CAs).
    QString tlsCaFile;
    bool tls = false;
    /// Send the key without TLS to workers that are not on this machine (a trusted private network).
    bool insecure = false;
    RemoteFallback fallback = RemoteFallback::Stop;
    int connectTimeoutMs = 5000; ///< how long to wait for each worker at the start
    /// How long a call may wait beyond the page's OCR deadline (transfer, queueing on the worker).
    int callSlackMs = 30'000;
    /// Send page images as PNG (smaller, costs client CPU) instead of raw grey. Default: raw grey when
    /// every worker is on this machine, PNG otherwise.
    enum class Images { Auto, Grey8, Png } images = Images::Auto;
};

/// Counters of OCR calls on workers: a cluster's since connect(), or a workplace's (workplace.h).
struct RemoteStats {
    long long remotePages = 0; ///< pages recognized by a worker
    long long localPages = 0;  ///< pages recognized locally after no worker could be reached (fallback)
    long long retries = 0;     ///< calls made again by the engine after UNAVAILABLE (beyond gRPC's own)
    long long failures = 0;    ///< calls that ended in an error returned to the pipeline
    double bytesSent = 0;

    RemoteStats& operator+=(const RemoteStats& o)
    {
        remotePages += o.remotePages;
        localPages += o.localPages;
        retries += o.retries;
        failures += o.failures;
        bytesSent += o.bytesSent;
        return *this;
    }
    /// What happened between `before` and this.
    RemoteStats since(const RemoteStats& before) const
    {
        return {remotePages - before.remotePages, localPages - before.localPages, retries - before.retries,
                failures - before.failures, bytesSent - before.bytesSent};
    }
};

} // namespace incidoc
