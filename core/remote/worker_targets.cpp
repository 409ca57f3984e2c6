#include "core/remote/worker_targets.h"

#include "core/remote/worker_protocol.h"

#include <memory>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

namespace incidoc::remote {
namespace {

struct Resolved {
    QStringList v4, v6; // addresses without port
};

Result<Resolved> resolveHost(const QString& host)
{
    Resolved r;
    const QByteArray h = host.toLatin1();
    in_addr a4{};
    in6_addr a6{};
    if (inet_pton(AF_INET, h.constData(), &a4) == 1) {
        r.v4 << host;
        return r;
    }
    if (inet_pton(AF_INET6, h.constData(), &a6) == 1) {
        r.v6 << host;
        return r;
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    const int rc = getaddrinfo(h.constData(), nullptr, &hints, &list);
    if (rc != 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("worker host '%1' cannot be resolved: %2")
                                                  .arg(host, QString::fromLocal8Bit(gai_strerror(rc))));
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> owner(list, freeaddrinfo);
    char text[INET6_ADDRSTRLEN] = {};
    for (addrinfo* ai = list; ai; ai = ai->ai_next) {
        if (ai->ai_family == AF_INET) {
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr, text, sizeof text);
            if (!r.v4.contains(QString::fromLatin1(text)))
                r.v4 << QString::fromLatin1(text);
        } else if (ai->ai_family == AF_INET6) {
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr, text, sizeof text);
            if (!r.v6.contains(QString::fromLatin1(text)))
                r.v6 << QString::fromLatin1(text);
        }
    }
    return r;
}

} // namespace

Result<WorkerTargets> resolveWorkerTargets(const QString& specIn)
{
    const QString spec = specIn.trimmed();
    if (spec.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no workers given"));
    WorkerTargets t;
    if (spec.startsWith(QLatin1String("dns:"))) {
        // dns:///name:port (or dns://authority/name:port): one name, many addresses (a headless Service).
        QString rest = spec.mid(4);
        if (rest.startsWith(QLatin1String("//"))) {
            const qsizetype slash = rest.indexOf(QLatin1Char('/'), 2);
            if (slash < 0)
                return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' is not dns:///NAME:PORT").arg(spec));
            rest = rest.mid(slash + 1);
        }
        auto hp = splitHostPort(rest);
        if (!hp)
            return hp.error();
        auto resolved = resolveHost(hp->first);
        if (!resolved)
            return resolved.error();
        t.channelTarget = spec;
        t.authority = hp->first;
        for (const QString& a : resolved->v4)
            t.addresses << QStringLiteral("%1:%2").arg(a).arg(hp->second);
        for (const QString& a : resolved->v6)
            t.addresses << QStringLiteral("[%1]:%2").arg(a).arg(hp->second);
        if (t.addresses.isEmpty())
            return makeError(ErrorCode::NotFound, QStringLiteral("'%1' resolves to no address").arg(hp->first));
    } else {
        // A list: every name resolved now, all addresses in one ipv4: or ipv6: target, which gRPC's
        // round_robin spreads calls over (a list of names has no single gRPC target form).
        QStringList v4, v6;
        QString authority;
        for (const QString& part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            auto hp = splitHostPort(part.trimmed());
            if (!hp)
                return hp.error();
            if (hp->second == 0)
                return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1' has port 0").arg(part));
            auto resolved = resolveHost(hp->first);
            if (!resolved)
                return resolved.error();
            const QByteArray h = hp->first.toLatin1();
            in_addr a4{};
            in6_addr a6{};
            if (inet_pton(AF_INET, h.constData(), &a4) != 1 && inet_pton(AF_INET6, h.constData(), &a6) != 1
                && authority.isEmpty())
                authority = hp->first;
            // A name with both kinds of address counts as IPv4 (reachable the way most fleets are set up).
            if (!resolved->v4.isEmpty()) {
                for (const QString& a : resolved->v4) {
                    const QString address = QStringLiteral("%1:%2").arg(a).arg(hp->second);
                    if (!v4.contains(address))
                        v4 << address;
                }
            } else {
                for (const QString& a : resolved->v6) {
                    const QString address = QStringLiteral("[%1]:%2").arg(a).arg(hp->second);
                    if (!v6.contains(address))
                        v6 << address;
                }
            }
        }
        if (!v4.isEmpty() && !v6.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("workers mix IPv4 and IPv6 addresses: give them all in one family, "
                                            "or as one dns:/// name"));
        if (v4.isEmpty() && v6.isEmpty())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("no workers given"));
        t.addresses = v4.isEmpty() ? v6 : v4;
        t.channelTarget =
            (v4.isEmpty() ? QStringLiteral("ipv6:") : QStringLiteral("ipv4:")) + t.addresses.join(QLatin1Char(','));
        t.authority = authority;
    }
    t.allLoopback = true;
    for (const QString& a : t.addresses) {
        auto hp = splitHostPort(a);
        if (!hp || !isLoopbackHost(hp->first))
            t.allLoopback = false;
    }
    return t;
}

} // namespace incidoc::remote
