#pragma once
// The parts of the worker protocol (proto/incidoc/worker/v1/worker.proto) that the server, the client
// and the programs share, without gRPC in the header: names, limits, agreed keepalive settings and
// the API key file.

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <string_view>

namespace incidoc::remote {

/// The service, also the name its health status is published under (besides "").
inline constexpr const char* kServiceName = "incidoc.worker.v1.OcrWorker";
/// Call metadata that carries the API key.
inline constexpr const char* kApiKeyMetadata = "x-api-key";
/// What a worker accepts by default: a 40-megapixel page (the renderer's pixel budget) sent as raw
/// 8-bit grey is 40 MB; the rest is headroom for the request's other fields.
inline constexpr long long kDefaultMaxMessageBytes = 64LL * 1024 * 1024;
/// Largest image a worker decodes (pixels), whatever its encoding: above the renderer's budget and
/// the largest OCR input the client makes, below what would exhaust a worker's memory.
inline constexpr long long kMaxImagePixels = 120'000'000;

/// Keepalive agreed between client and worker: the client pings an idle connection every 30 s and
/// drops it when no answer comes within 10 s (a worker that vanished without closing its socket); the
/// worker accepts pings as often as every 10 s, so it never answers the client's pings with GOAWAY
/// ("too_many_pings").
inline constexpr int kClientKeepaliveTimeMs = 30'000;
inline constexpr int kClientKeepaliveTimeoutMs = 10'000;
inline constexpr int kServerMinPingIntervalMs = 10'000;
inline constexpr int kServerKeepaliveTimeMs = 60'000;
inline constexpr int kServerKeepaliveTimeoutMs = 20'000;
/// Workers close each connection after 5 minutes (calls in flight get 10 more to finish), so clients
/// resolve a dns:/// name again and find workers an autoscaler added while a long import runs.
inline constexpr int kServerMaxConnectionAgeMs = 5 * 60'000;
inline constexpr int kServerMaxConnectionAgeGraceMs = 10 * 60'000;

/// Reads an API key file: its first line, surrounding whitespace removed. Errors: NotFound / Io with
/// the path, InvalidInput when the key is empty or shorter than 16 characters.
Result<QByteArray> readApiKeyFile(const QString& path);

/// Compares two keys in time that depends only on their lengths, not on where they differ.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

/// True for "localhost", 127.0.0.0/8 and ::1 (with or without brackets).
bool isLoopbackHost(const QString& host);

/// Splits "host:port", "[v6]:port" into host (brackets removed) and port. Errors: InvalidInput.
Result<std::pair<QString, int>> splitHostPort(const QString& address);

/// For an UNAVAILABLE call's message: true when an established connection broke during the call (the
/// worker process died reading the page), false when no worker could be reached at all. gRPC tells them
/// apart only in words. "connections to all backends failing; last error: ...: Connection reset by peer"
/// is the second kind: the call found no connection to start on; the words after "last error" are an
/// older connection's.
bool droppedMidCall(std::string_view grpcMessage);

/// "Incidoc worker 0.1.0" style version of this build.
QString workerVersion();

} // namespace incidoc::remote
