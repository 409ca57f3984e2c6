#pragma once
// For the metrics tests: a plain HTTP/1.1 client over a TCP socket (what Prometheus does when it scrapes),
// and a strict reader of Prometheus' text format (version 0.0.4) that refuses anything the format does
// not allow, so that a test proves the text a worker serves is well-formed.

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace incidoc::test {

/// An HTTP answer as read off the socket.
struct HttpReply {
    int status = 0;                             ///< 0: no (complete) answer; `error` says why
    std::map<std::string, std::string> headers; ///< names in lower case
    QByteArray body;
    QString error;
};

/// Connects to 127.0.0.1:port, sends `request` as is, reads until the server closes (at most
/// `timeoutMs`, connecting included), and parses the status line, headers and body (Content-Length must
/// match the body; for a HEAD request, there must be no body).
HttpReply httpExchange(int port, const QByteArray& request, int timeoutMs = 10'000, bool head = false);
/// GET `path` over HTTP/1.1.
HttpReply httpGet(int port, const QByteArray& path = "/metrics", int timeoutMs = 10'000);

/// A connected TCP socket to 127.0.0.1:port (blocking), -1 on failure; the caller closes it.
int connectTcp(int port);

struct Sample {
    std::string name;                          ///< with its suffix (_bucket, _sum, _count)
    std::map<std::string, std::string> labels; ///< values unescaped
    double value = 0;
};

struct MetricFamily {
    std::string type; ///< counter, gauge, histogram
    std::string help; ///< unescaped
    std::vector<Sample> samples;
};

/// A scrape, parsed: families by name.
struct Exposition {
    std::map<std::string, MetricFamily> families;

    /// The value of `name` with exactly these labels; nothing when there is no such sample.
    std::optional<double> value(const std::string& name, const std::map<std::string, std::string>& labels = {}) const;
};

/// Parses `text` strictly: every line is a `# HELP`, a `# TYPE` or a sample; each family has exactly one
/// HELP and one TYPE line, before its samples, which are contiguous; names and label names are valid,
/// label values correctly escaped, values are numbers (or +Inf, -Inf, NaN); no series twice; counters end
/// in `_total`; a histogram's series each have buckets with increasing `le` and non-decreasing counts,
/// ending in le="+Inf", a `_sum`, and a `_count` equal to the +Inf bucket. Returns nothing and sets
/// `error` (with the line) on the first violation.
std::optional<Exposition> parseExposition(const QByteArray& text, QString* error);

} // namespace incidoc::test
