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

} // namespace incidoc
