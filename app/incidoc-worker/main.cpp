// incidoc-worker: a stateless OCR server for the incidoc.worker.v1 gRPC service (../shared/specs/cli.md).
// Everything but flags and signals is core/remote/worker_server.

#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"
#include "core/remote/worker_protocol.h"
#include "core/remote/worker_server.h"
#include "core/util/openmp_guard.h"
#include "core/util/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>

#include <csignal>
#include <cstdio>

#include <pthread.h>

namespace {

void err(const QString& s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
    std::fflush(stderr);
}

} // namespace

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv); // before anything else: may re-exec
    // SIGTERM and SIGINT are taken by sigwait() below, not by handlers: blocked here, before any thread
    // exists, so every thread gRPC and the engine pool start inherits the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("incidoc-worker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDOC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Incidoc OCR worker: serves the incidoc.worker.v1 gRPC service (and grpc.health.v1.Health) with a pool\n"
        "of OCR engines (Tesseract, and PP-OCR where its models are installed). SIGTERM drains: no new calls, calls in "
        "flight finish, exit 0."));
    parser.addHelpOption();
    const QCommandLineOption versionOpt(QStringList{QStringLiteral("version"), QStringLiteral("V")},
                                        QStringLiteral("Print the versions of the worker and its engine."));
    const QCommandLineOption listenOpt(
        QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1:50051; 0.0.0.0:PORT for a fleet)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:50051"));
    const QCommandLineOption threadsOpt(
        QStringLiteral("threads"), QStringLiteral("Pages recognized at once (default: cores)."), QStringLiteral("N"));
    const QCommandLineOption keyOpt(
        QStringLiteral("api-key-file"),
        QStringLiteral("File whose first line is the API key every call must carry (x-api-key)."),
        QStringLiteral("FILE"));
    const QCommandLineOption certOpt(
        QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (chain): serve TLS only."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOpt(QStringLiteral("tls-key"), QStringLiteral("PEM private key of the certificate."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption maxMessageOpt(
        QStringLiteral("max-message-mb"),
        QStringLiteral("Largest request accepted, in MB (default 64: a 40-megapixel page as raw grey is 40 MB)."),
        QStringLiteral("N"));
    const QCommandLineOption drainOpt(
        QStringLiteral("drain-seconds"),
        QStringLiteral("On SIGTERM, how long calls in flight may take to finish (default 120)."), QStringLiteral("S"));
    const QCommandLineOption languagesOpt(
        QStringLiteral("languages"),
        QStringLiteral("Engines to load at start, per thread (default eng; others load on first use)."),
        QStringLiteral("LANGS"));
    const QCommandLineOption enginesOpt(
        QStringLiteral("engines"),
        QStringLiteral("OCR engines calls may name, e.g. tesseract,ppocr (default: every available one; a call "
                       "that names none is read by tesseract)."),
        QStringLiteral("LIST"));
    const QCommandLineOption insecureOpt(
        QStringLiteral("insecure"),
        QStringLiteral("Allow a non-loopback address without TLS and an API key (trusted networks only)."));
    const QCommandLineOption healthOpt(
        QStringLiteral("health-listen"),
        QStringLiteral("Also serve, in plaintext here, grpc.health.v1.Health and no other gRPC service (for Kubernetes "
                       "gRPC probes) and Prometheus metrics (HTTP GET /metrics). Without it, no metrics are served."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption quietOpt(QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                                      QStringLiteral("No line per call (start, stop and errors only)."));
    for (const auto* o : {&versionOpt, &listenOpt, &threadsOpt, &keyOpt, &certOpt, &tlsKeyOpt, &maxMessageOpt,
                          &drainOpt, &languagesOpt, &enginesOpt, &insecureOpt, &healthOpt, &quietOpt})
        parser.addOption(*o);
    if (!parser.parse(QCoreApplication::arguments())) {
        err(QStringLiteral("error: %1\nTry 'incidoc-worker --help'.").arg(parser.errorText()));
        return 1;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(versionOpt)) {
        std::printf("incidoc-worker %s\ntesseract %s, leptonica %s, languages %s, OpenMP thread limit %d\n",
                    INCIDOC_VERSION, qPrintable(incidoc::tesseractVersion()), qPrintable(incidoc::leptonicaVersion()),
                    qPrintable(incidoc::tesseractLanguages().join(QLatin1Char(','))), incidoc::openMpThreadLimit());
        QStringList engines;
        for (const incidoc::EngineInfo& e : incidoc::EnginePool().engines())
            engines << QStringLiteral("%1 %2 (%3)")
                           .arg(e.name, e.version,
                                e.available ? QStringLiteral("available")
                                            : QStringLiteral("not available: ") + e.reason);
        std::printf("engines: %s\n", qPrintable(engines.join(QStringLiteral(", "))));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err(QStringLiteral("error: unexpected argument '%1'\nTry 'incidoc-worker --help'.")
                .arg(parser.positionalArguments().first()));
        return 1;
    }
    auto number = [&](const QCommandLineOption& opt, int min, int max, int fallback, int& target) {
        if (!parser.isSet(opt)) {
            target = fallback;
            return true;
        }
        bool ok = false;
        const int v = parser.value(opt).toInt(&ok);
        if (!ok || v < min || v > max) {
            err(QStringLiteral("error: --%1 takes a whole number from %2 to %3")
                    .arg(opt.names().constLast())
                    .arg(min)
                    .arg(max));
            return false;
        }
        target = v;
        return true;
    };

    incidoc::remote::WorkerOptions options;
    int maxMb = 64, drainSeconds = 120;
    if (!number(threadsOpt, 1, 256, 0, options.threads) || !number(maxMessageOpt, 1, 1024, 64, maxMb)
        || !number(drainOpt, 0, 86400, 120, drainSeconds))
        return 1;
    options.listen = parser.value(listenOpt);
    options.maxMessageBytes = static_cast<long long>(maxMb) * 1024 * 1024;
    options.insecure = parser.isSet(insecureOpt);
    options.tlsCertFile = parser.value(certOpt);
    options.healthListen = parser.value(healthOpt);
    options.tlsKeyFile = parser.value(tlsKeyOpt);
    if (parser.isSet(languagesOpt))
        options.preloadLanguages = parser.value(languagesOpt);
    if (parser.isSet(enginesOpt)) {
        for (const QString& e : parser.value(enginesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!options.enabledEngines.contains(e.trimmed()))
                options.enabledEngines << e.trimmed();
        if (options.enabledEngines.isEmpty()) {
            err(QStringLiteral("error: --engines takes a list of engine names, e.g. tesseract,ppocr"));
            return 1;
        }
    }
    if (parser.isSet(keyOpt)) {
        auto key = incidoc::remote::readApiKeyFile(parser.value(keyOpt));
        if (!key) {
            err(QStringLiteral("error: %1").arg(key.error().message));
            return 1;
        }
        options.apiKey = *key;
    }
    const bool quiet = parser.isSet(quietOpt);
    options.log = [quiet](const QString& line) {
        if (quiet && line.contains(QLatin1String(" peer=")) && line.contains(QLatin1String(" OK")))
            return;
        err(line);
    };

    auto server = incidoc::remote::WorkerServer::start(options);
    if (!server) {
        err(QStringLiteral("error: %1").arg(server.error().message));
        return 1;
    }
    int signal = 0;
    while (sigwait(&stopSignals, &signal) != 0) {
    }
    err(QStringLiteral("received %1").arg(signal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT")));
    (*server)->drain(drainSeconds * 1000);
    server->reset();
    return 0;
}
