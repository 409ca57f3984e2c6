// incidoc-bench-docs: writes the generated documents the benchmarks run on.
//   incidoc-bench-docs text N OUT.pdf        N born-digital pages of incident-report prose
//   incidoc-bench-docs scanned N OUT.pdf [DPI] N scanned-looking pages (written one at a time)
#include <QGuiApplication>

#include <cstdio>

#include "tests/support/pdf_factory.h"

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: incidoc-bench-docs text|scanned N OUT.pdf [DPI]\n");
        return 1;
    }
    const int n = args[2].toInt();
    bool ok = false;
    if (args[1] == QLatin1String("text"))
        ok = incidoc::test::writeTextPdf(args[3], incidoc::test::sampleParagraphPages(n, 1));
    else if (args[1] == QLatin1String("scanned"))
        ok = incidoc::test::writeManyPageScannedPdf(args[3], n, args.size() > 4 ? args[4].toInt() : 300, 1);
    if (!ok) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(args[3]));
        return 1;
    }
    return 0;
}
