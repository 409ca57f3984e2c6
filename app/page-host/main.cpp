// incidoc-page-host: the helper process in which the app and the CLI do the work a hostile file can crash, hang or
// exhaust memory with (core/isolation/host_server.h). It answers requests on stdin until stdin closes or
// its parent goes away; it is started by them, never by a person. Links the core only.
#include "core/isolation/host_server.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv); // before anything loads Tesseract's OpenMP runtime
    QCoreApplication host(argc, argv);
    return incidoc::runPageHost();
}
