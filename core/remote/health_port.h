#pragma once
// The worker's plaintext operations port: gRPC health checks (Kubernetes' gRPC probes) and Prometheus
// metrics (HTTP/1.1 GET /metrics) on one TCP port. gRPC's C++ server cannot answer HTTP/1.1, so this
// class owns the listening socket and looks at the first bytes of each connection without reading
// them: the HTTP/2 connection preface ("PRI * HTTP/2.0") means a gRPC client, whose connection is
// handed, untouched, to a gRPC server; anything else is read as an HTTP/1.1 request and answered here.

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace incidoc::remote {

struct HealthPortOptions {
    QString listen; ///< HOST:PORT ("0.0.0.0:8081", "[::]:8081", "127.0.0.1:0"); port 0 picks a free one
    /// Takes over a connected, non-blocking socket whose first bytes are the HTTP/2 preface (still
    /// unread); from then on the socket is the callee's to close.
    std::function<void(int fd)> handOffHttp2;
    /// The body of GET /metrics, in Prometheus' text format.
    std::function<QByteArray()> metrics;
    /// A connection must have sent its whole request and taken the whole answer within this time, or it
    /// is closed (a slow or silent client holds no resources for longer).
    int connectionTimeoutMs = 10'000;
    /// HTTP connections open at once (before their request is complete); above it, the oldest is closed.
    int maxConnections = 64;
    /// Largest HTTP request head (request line and headers); larger ones get 431.
    int maxRequestBytes = 8192;
};

/// Listens on a thread of its own, which also runs the two callbacks (one at a time). Serves
/// GET and HEAD /metrics (200), other paths 404, other methods 405, malformed requests 400; every answer
/// closes its connection. Thread contract: port() is thread-safe; stop() (and the destructor) from the
/// thread that started it.
class HealthPort {
public:
    /// Binds and starts listening. Errors: InvalidInput (a malformed address), Unavailable (the port
    /// cannot be bound).
    static Result<std::unique_ptr<HealthPort>> start(HealthPortOptions options);
    ~HealthPort(); ///< stop()

    int port() const;
    /// Closes the listening socket and every connection not handed off, then joins the thread.
    void stop();

private:
    struct Impl;
    explicit HealthPort(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc::remote
