#pragma once
// Where the workers are: `--workers HOST:PORT[,HOST:PORT...]` or one `dns:///NAME:PORT` name, turned
// into one gRPC channel target (for round_robin over all of them) and the list of addresses behind it
// (to ask each worker how many threads it has). Reentrant; resolving names blocks (getaddrinfo).

#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace incidoc::remote {

struct WorkerTargets {
    /// For grpc::CreateCustomChannel: "ipv4:10.0.0.1:50051,10.0.0.2:50051", "ipv6:[::1]:50051,…" or
    /// "dns:///workers.example:50051" (gRPC resolves the name itself, again when connections fail).
    QString channelTarget;
    /// Every worker address as "host:port" ("[v6]:port"), resolved now.
    QStringList addresses;
    /// Every address is on this machine (the API key may then travel without TLS).
    bool allLoopback = false;
    /// The name to check TLS certificates against when it is not an address (dns:/// or host names).
    QString authority;
};

/// Parses and resolves `spec`. Errors: InvalidInput (syntax, mixed IPv4/IPv6), NotFound (a name that
/// does not resolve).
Result<WorkerTargets> resolveWorkerTargets(const QString& spec);

} // namespace incidoc::remote
