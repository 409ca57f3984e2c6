#pragma once
// Prometheus' text exposition format (version 0.0.4), as a worker serves it on GET /metrics.

#include <QByteArray>
#include <QString>

#include <span>
#include <utility>
#include <vector>

namespace incidoc::remote {

/// Writes one scrape's worth of metrics: each family once, with its HELP and TYPE lines, then its
/// samples. Label values and help texts are escaped as the format requires; numbers are written in
/// their shortest exact form ("+Inf", "NaN" for those). Not thread-safe: one per scrape.
class PrometheusText {
public:
    enum class Type { Counter, Gauge, Histogram };
    using Labels = std::vector<std::pair<const char*, QString>>;

    /// The value of the Content-Type header for this format.
    static constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// Starts a family. `name` must follow Prometheus' rules ([a-zA-Z_:][a-zA-Z0-9_:]*); a counter's name
    /// ends in `_total`.
    void family(const char* name, Type type, const char* help);
    /// A sample of the current family (a counter or gauge).
    void sample(const Labels& labels, double value);
    /// The samples of one histogram series of the current family: `counts[i]` calls took at most
    /// `bounds[i]` seconds and more than `bounds[i - 1]`; `counts` has one more element (above the last
    /// bound). Written as cumulative `_bucket` lines ending in le="+Inf", then `_sum` and `_count`.
    void histogram(const Labels& labels, std::span<const double> bounds, std::span<const long long> counts, double sum);

    const QByteArray& text() const { return m_text; }

    /// A number as the format writes it: the shortest form that reads back as the same double.
    static QByteArray number(double value);

private:
    void line(const QByteArray& suffix, const Labels& labels, const char* extraName, const QByteArray& extraValue,
              double value);

    QByteArray m_text;
    QByteArray m_name; ///< the current family
};

} // namespace incidoc::remote
