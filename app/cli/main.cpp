#include "app/cli/cli.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv); // before anything else: may re-exec
    // A worker that dies mid-call must not take the command with it: a write to its closed socket
    // gives EPIPE, not SIGPIPE (the same for a closed stdout pipe).
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("incidoc-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDOC_VERSION));
    return incidoc::cli::run(QCoreApplication::arguments());
}
