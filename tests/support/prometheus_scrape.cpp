#include "tests/support/prometheus_scrape.h"

#include <QList>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <set>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace incidoc::test {

int connectTcp(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

HttpReply httpExchange(int port, const QByteArray& request, int timeoutMs, bool head)
{
    HttpReply reply;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    const int fd = connectTcp(port);
    if (fd < 0) {
        reply.error = QStringLiteral("cannot connect to port %1").arg(port);
        return reply;
    }
    qsizetype sent = 0;
    while (sent < request.size()) {
        const ssize_t n =
            ::send(fd, request.constData() + sent, static_cast<size_t>(request.size() - sent), MSG_NOSIGNAL);
        if (n <= 0) {
            reply.error = QStringLiteral("send failed");
            ::close(fd);
            return reply;
        }
        sent += n;
    }
    QByteArray raw;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) {
            reply.error =
                QStringLiteral("no complete answer within %1 ms (%2 bytes read)").arg(timeoutMs).arg(raw.size());
            ::close(fd);
            return reply;
        }
        char buffer[8192];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            reply.error = QStringLiteral("connection reset after %1 bytes").arg(raw.size());
            ::close(fd);
            return reply;
        }
        if (n == 0)
            break;
        raw.append(buffer, n);
    }
    ::close(fd);

    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        reply.error = QStringLiteral("no header end in: %1").arg(QString::fromLatin1(raw.left(200)));
        return reply;
    }
    QList<QByteArray> lines = raw.left(headEnd + 2).split('\n'); // every line with its \r
    lines.removeLast();
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 3 || statusLine[0] != "HTTP/1.1") {
        reply.error = QStringLiteral("bad status line: %1").arg(QString::fromLatin1(lines.first()));
        return reply;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0 || !lines[i].endsWith('\r')) {
            reply.error = QStringLiteral("bad header line: %1").arg(QString::fromLatin1(lines[i]));
            return reply;
        }
        reply.headers[lines[i].first(colon).toLower().toStdString()] = lines[i].mid(colon + 1).trimmed().toStdString();
    }
    reply.body = raw.mid(headEnd + 4);
    const auto length = reply.headers.find("content-length");
    if (head && !reply.body.isEmpty()) {
        reply.error = QStringLiteral("a body (%1 bytes) in the answer to HEAD").arg(reply.body.size());
        return reply;
    }
    if (length == reply.headers.end() || (!head && std::to_string(reply.body.size()) != length->second)) {
        reply.error = QStringLiteral("Content-Length does not match the body (%1 bytes)").arg(reply.body.size());
        return reply;
    }
    reply.status = statusLine[1].toInt();
    return reply;
}

HttpReply httpGet(int port, const QByteArray& path, int timeoutMs)
{
    return httpExchange(port,
                        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                            + "\r\nUser-Agent: incidoc-test\r\nAccept: text/plain\r\n\r\n",
                        timeoutMs);
}

std::optional<double> Exposition::value(const std::string& name, const std::map<std::string, std::string>& labels) const
{
    for (const auto& [familyName, family] : families)
        for (const Sample& s : family.samples)
            if (s.name == name && s.labels == labels)
                return s.value;
    return std::nullopt;
}

namespace {

bool isMetricName(const std::string& s)
{
    static const std::regex re("[a-zA-Z_:][a-zA-Z0-9_:]*");
    return std::regex_match(s, re);
}

bool isLabelName(const std::string& s)
{
    static const std::regex re("[a-zA-Z_][a-zA-Z0-9_]*");
    return std::regex_match(s, re) && s.rfind("__", 0) != 0;
}

std::optional<double> parseValue(const std::string& s)
{
    if (s == "+Inf")
        return HUGE_VAL;
    if (s == "-Inf")
        return -HUGE_VAL;
    if (s == "NaN")
        return std::nan("");
    static const std::regex re(R"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?)");
    if (!std::regex_match(s, re))
        return std::nullopt;
    return std::strtod(s.c_str(), nullptr);
}

/// HELP text: \\ and \n are the only escapes.
std::optional<std::string> unescapeHelp(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i == s.size())
            return std::nullopt;
        if (s[i] == '\\')
            out += '\\';
        else if (s[i] == 'n')
            out += '\n';
        else
            return std::nullopt;
    }
    return out;
}

/// `name{a="x",b="y"} value [timestamp]`
std::optional<Sample> parseSample(const std::string& line, std::string* why)
{
    Sample s;
    size_t i = 0;
    while (i < line.size() && line[i] != '{' && line[i] != ' ')
        ++i;
    s.name = line.substr(0, i);
    if (!isMetricName(s.name)) {
        *why = "bad metric name";
        return std::nullopt;
    }
    if (i < line.size() && line[i] == '{') {
        ++i;
        while (true) {
            if (i < line.size() && line[i] == '}' && s.labels.empty()) { // {} is allowed
                ++i;
                break;
            }
            const size_t eq = line.find('=', i);
            if (eq == std::string::npos) {
                *why = "label without =";
                return std::nullopt;
            }
            const std::string label = line.substr(i, eq - i);
            if (!isLabelName(label)) {
                *why = "bad label name '" + label + "'";
                return std::nullopt;
            }
            i = eq + 1;
            if (i >= line.size() || line[i] != '"') {
                *why = "label value not quoted";
                return std::nullopt;
            }
            ++i;
            std::string value;
            bool closed = false;
            while (i < line.size()) {
                const char c = line[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i >= line.size()) {
                        *why = "dangling backslash";
                        return std::nullopt;
                    }
                    const char e = line[i++];
                    if (e == '\\' || e == '"')
                        value += e;
                    else if (e == 'n')
                        value += '\n';
                    else {
                        *why = "bad escape in a label value";
                        return std::nullopt;
                    }
                } else {
                    value += c;
                }
            }
            if (!closed) {
                *why = "unterminated label value";
                return std::nullopt;
            }
            if (!s.labels.emplace(label, value).second) {
                *why = "label '" + label + "' twice";
                return std::nullopt;
            }
            if (i < line.size() && line[i] == ',') {
                ++i;
                continue;
            }
            if (i < line.size() && line[i] == '}') {
                ++i;
                break;
            }
            *why = "expected , or } after a label";
            return std::nullopt;
        }
    }
    if (i >= line.size() || line[i] != ' ') {
        *why = "no space before the value";
        return std::nullopt;
    }
    const std::string rest = line.substr(i + 1);
    const size_t space = rest.find(' ');
    const auto value = parseValue(rest.substr(0, space));
    if (!value) {
        *why = "bad value '" + rest.substr(0, space) + "'";
        return std::nullopt;
    }
    if (space != std::string::npos) {
        static const std::regex timestamp("-?[0-9]+");
        if (!std::regex_match(rest.substr(space + 1), timestamp)) {
            *why = "bad timestamp";
            return std::nullopt;
        }
    }
    s.value = *value;
    return s;
}

std::string seriesKey(const std::string& name, std::map<std::string, std::string> labels, bool dropLe)
{
    if (dropLe)
        labels.erase("le");
    std::string key = name + "{";
    for (const auto& [k, v] : labels)
        key += k + "=\"" + v + "\",";
    return key + "}";
}

} // namespace

std::optional<Exposition> parseExposition(const QByteArray& text, QString* error)
{
    auto fail = [&](int lineNo, const std::string& line, const std::string& why) -> std::optional<Exposition> {
        *error = QStringLiteral("line %1: %2: %3")
                     .arg(lineNo)
                     .arg(QString::fromStdString(why), QString::fromStdString(line.substr(0, 160)));
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(0, "", "empty exposition");
    if (!text.endsWith('\n'))
        return fail(0, "", "the last line does not end with a newline");
    Exposition out;
    std::string current;         // the family whose HELP/TYPE came last
    std::set<std::string> ended; // families another family's lines came after
    std::set<std::string> series;
    std::set<std::string> withSamples;
    const QList<QByteArray> lines = text.chopped(1).split('\n');
    int lineNo = 0;
    for (const QByteArray& raw : lines) {
        ++lineNo;
        const std::string line = raw.toStdString();
        if (line.empty())
            continue; // allowed, ignored
        if (line.find('\r') != std::string::npos || line.find('\t') != std::string::npos)
            return fail(lineNo, line, "carriage return or tab");
        if (line[0] == '#') {
            static const std::regex meta(R"(# (HELP|TYPE) ([^ ]+)(?: (.*))?)");
            std::smatch m;
            if (!std::regex_match(line, m, meta))
                continue; // a plain comment
            const std::string kind = m[1], name = m[2], rest = m[3];
            if (!isMetricName(name))
                return fail(lineNo, line, "bad family name");
            if (ended.count(name) || withSamples.count(name))
                return fail(lineNo, line, "HELP/TYPE after the family's samples, or the family split");
            if (!current.empty() && current != name)
                ended.insert(current);
            current = name;
            MetricFamily& f = out.families[name];
            if (kind == "HELP") {
                if (!f.help.empty())
                    return fail(lineNo, line, "second HELP");
                const auto help = unescapeHelp(rest);
                if (!help || help->empty())
                    return fail(lineNo, line, "empty or badly escaped HELP");
                f.help = *help;
            } else {
                if (!f.type.empty())
                    return fail(lineNo, line, "second TYPE");
                static const std::set<std::string> types{"counter", "gauge", "histogram", "summary", "untyped"};
                if (!types.count(rest))
                    return fail(lineNo, line, "unknown type");
                const bool total = name.size() > 6 && name.compare(name.size() - 6, 6, "_total") == 0;
                if (rest == "counter" && !total)
                    return fail(lineNo, line, "a counter's name must end in _total");
                f.type = rest;
            }
            continue;
        }
        std::string why;
        const auto sample = parseSample(line, &why);
        if (!sample)
            return fail(lineNo, line, why);
        if (current.empty())
            return fail(lineNo, line, "a sample before any HELP/TYPE");
        MetricFamily& f = out.families[current];
        if (f.type.empty() || f.help.empty())
            return fail(lineNo, line, "a sample of a family without both HELP and TYPE before it");
        const std::string& n = sample->name;
        bool belongs = n == current;
        if (f.type == "histogram")
            belongs = n == current + "_bucket" || n == current + "_sum" || n == current + "_count";
        if (!belongs)
            return fail(lineNo, line, "not a sample of the family " + current + " (" + f.type + ")");
        if (f.type == "histogram" && n == current + "_bucket" && !sample->labels.count("le"))
            return fail(lineNo, line, "a bucket without le");
        if (f.type == "counter" && (std::isnan(sample->value) || sample->value < 0))
            return fail(lineNo, line, "a counter below 0 or NaN");
        if (!series.insert(seriesKey(n, sample->labels, false)).second)
            return fail(lineNo, line, "the same series twice");
        withSamples.insert(current);
        f.samples.push_back(*sample);
    }
    for (const auto& [name, f] : out.families) {
        if (f.help.empty() || f.type.empty())
            return fail(0, name, "a family without HELP or TYPE");
        if (f.type != "histogram")
            continue;
        struct Series {
            std::vector<std::pair<double, double>> buckets; // le, count
            std::optional<double> sum, count;
        };
        std::map<std::string, Series> bySeries;
        for (const Sample& s : f.samples) {
            Series& h = bySeries[seriesKey(name, s.labels, true)];
            if (s.name == name + "_bucket") {
                const auto le = parseValue(s.labels.at("le"));
                if (!le || std::isnan(*le))
                    return fail(0, name, "bad le \"" + s.labels.at("le") + "\"");
                h.buckets.emplace_back(*le, s.value);
            } else if (s.name == name + "_sum") {
                h.sum = s.value;
            } else {
                h.count = s.value;
            }
        }
        for (const auto& [key, h] : bySeries) {
            if (h.buckets.empty() || !h.sum || !h.count)
                return fail(0, key, "a histogram series without buckets, _sum or _count");
            for (size_t i = 1; i < h.buckets.size(); ++i) {
                if (!(h.buckets[i].first > h.buckets[i - 1].first))
                    return fail(0, key, "le not increasing");
                if (h.buckets[i].second < h.buckets[i - 1].second)
                    return fail(0, key, "bucket counts not cumulative");
            }
            if (!std::isinf(h.buckets.back().first) || h.buckets.back().first < 0)
                return fail(0, key, "the last bucket is not le=\"+Inf\"");
            if (*h.count != h.buckets.back().second)
                return fail(0, key, "_count differs from the +Inf bucket");
        }
    }
    return out;
}

} // namespace incidoc::test
