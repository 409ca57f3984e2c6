#include "app/cli/cli.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv); // before anything else: may re-exec
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("incidoc-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDOC_VERSION));
    return incidoc::cli::run(QCoreApplication::arguments());
}
