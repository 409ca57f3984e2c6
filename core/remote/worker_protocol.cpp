#include "core/remote/worker_protocol.h"

#include "core/util/version.h"

#include <QFile>
#include <QFileInfo>

#include <arpa/inet.h>

namespace incidoc::remote {

Result<QByteArray> readApiKeyFile(const QString& path)
{
    QFile file(path);
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("API key file not found: %1").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("API key file cannot be read: %1 (%2)").arg(path, file.errorString()));
    // A key is short; reading a few KiB is enough and keeps a wrong path (a large file) harmless.
    const QByteArray head = file.read(4096);
    const QByteArray key = head.split('\n').value(0).trimmed();
    if (key.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("API key file is empty: %1").arg(path));
    if (key.size() < 16)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("API key in %1 is too short (at least 16 characters; e.g. "
                                        "`openssl rand -hex 32 > %1`)")
                             .arg(path));
    return key;
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    // Walk the longer of the two whole, so the time does not tell where the first difference is.
    const qsizetype n = std::max(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
        const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

bool isLoopbackHost(const QString& hostIn)
{
    QString host = hostIn;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QByteArray h = host.toLatin1();
    in_addr v4{};
    if (inet_pton(AF_INET, h.constData(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, h.constData(), &v6) == 1)
        return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

Result<std::pair<QString, int>> splitHostPort(const QString& address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == address.size() - 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not HOST:PORT (e.g. 127.0.0.1:50051)").arg(address));
    QString host = address.left(colon);
    bool ok = false;
    const int port = address.mid(colon + 1).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' has no valid port number").arg(address));
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1': write IPv6 addresses in brackets, e.g. [::1]:50051").arg(address));
    if (host.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' has no host").arg(address));
    return std::pair<QString, int>{host, port};
}

bool droppedMidCall(std::string_view m)
{
    for (std::string_view unreachable :
         {"failed to connect", "Failed to connect", "Connection refused", "DNS resolution failed", "no healthy",
          "empty address list", "Name resolution", "No address", "shutting down", "all backends failing", "last error",
          "no children", "no ready"})
        if (m.find(unreachable) != std::string_view::npos)
            return false;
    for (std::string_view dropped : {"Socket closed", "Connection reset", "Broken pipe", "Stream removed", "EOF",
                                     "Endpoint closing", "RST_STREAM"})
        if (m.find(dropped) != std::string_view::npos)
            return true;
    return false;
}

QString workerVersion()
{
    return QStringLiteral(INCIDOC_VERSION);
}

} // namespace incidoc::remote
