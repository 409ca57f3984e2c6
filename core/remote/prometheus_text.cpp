#include "core/remote/prometheus_text.h"

#include <charconv>
#include <cmath>

namespace incidoc::remote {
namespace {

QByteArray escaped(const QByteArray& in, bool quotes)
{
    QByteArray out;
    out.reserve(in.size());
    for (const char c : in) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && quotes)
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

const char* typeName(PrometheusText::Type type)
{
    switch (type) {
    case PrometheusText::Type::Counter: return "counter";
    case PrometheusText::Type::Gauge: return "gauge";
    case PrometheusText::Type::Histogram: return "histogram";
    }
    return "untyped";
}

} // namespace

QByteArray PrometheusText::number(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? QByteArray(buffer, end - buffer) : QByteArrayLiteral("NaN");
}

void PrometheusText::family(const char* name, Type type, const char* help)
{
    m_name = name;
    m_text += "# HELP " + m_name + ' ' + escaped(QByteArray(help), false) + '\n';
    m_text += "# TYPE " + m_name + ' ' + typeName(type) + '\n';
}

void PrometheusText::line(const QByteArray& suffix, const Labels& labels, const char* extraName,
                          const QByteArray& extraValue, double value)
{
    m_text += m_name + suffix;
    if (!labels.empty() || extraName) {
        m_text += '{';
        bool first = true;
        for (const auto& [name, v] : labels) {
            if (!first)
                m_text += ',';
            first = false;
            m_text += QByteArray(name) + "=\"" + escaped(v.toUtf8(), true) + '"';
        }
        if (extraName)
            m_text += QByteArray(first ? "" : ",") + extraName + "=\"" + extraValue + '"';
        m_text += '}';
    }
    m_text += ' ' + number(value) + '\n';
}

void PrometheusText::sample(const Labels& labels, double value)
{
    line({}, labels, nullptr, {}, value);
}

void PrometheusText::histogram(const Labels& labels, std::span<const double> bounds, std::span<const long long> counts,
                               double sum)
{
    long long cumulative = 0;
    for (size_t i = 0; i < bounds.size(); ++i) {
        cumulative += i < counts.size() ? counts[i] : 0;
        line(QByteArrayLiteral("_bucket"), labels, "le", number(bounds[i]), static_cast<double>(cumulative));
    }
    if (counts.size() > bounds.size())
        cumulative += counts[bounds.size()];
    line(QByteArrayLiteral("_bucket"), labels, "le", QByteArrayLiteral("+Inf"), static_cast<double>(cumulative));
    line(QByteArrayLiteral("_sum"), labels, nullptr, {}, sum);
    line(QByteArrayLiteral("_count"), labels, nullptr, {}, static_cast<double>(cumulative));
}

} // namespace incidoc::remote
