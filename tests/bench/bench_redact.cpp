// bench_redact: writes the planted forms of tests/support/planted_forms.h and their manifest, for
// bench_redact.py (which imports them with incidoc-cli, exports plain and --redact, and looks for every
// planted value in the redacted bundle).
//
//   bench_redact --dir DIR [--count 60] [--seed 1] [--scanned-every 5] [--dpi 200] [--pages 1]
//
// Writes DIR/forms/planted-NNN-LAYOUT.pdf (born-digital; every Nth scanned at --dpi, 0: none) and
// DIR/planted.json (plantedManifest: per document its path, layout and the values planted, with type, text
// as printed and place: field, narrative or table).
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>

#include <cstdio>

#include "tests/support/planted_forms.h"

using namespace incidoc;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("work folder"), QStringLiteral("DIR"));
    const QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("documents"), QStringLiteral("N"),
                                      QStringLiteral("60"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("the set's seed"), QStringLiteral("N"),
                                     QStringLiteral("1"));
    const QCommandLineOption scannedOpt(QStringLiteral("scanned-every"),
                                        QStringLiteral("every Nth document scanned (0: none)"), QStringLiteral("N"),
                                        QStringLiteral("5"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), QStringLiteral("scan resolution"), QStringLiteral("N"),
                                    QStringLiteral("200"));
    const QCommandLineOption pagesOpt(QStringLiteral("pages"), QStringLiteral("pages per document (1 or 2)"),
                                      QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions({dirOpt, countOpt, seedOpt, scannedOpt, dpiOpt, pagesOpt});
    parser.process(app);
    const QDir dir(parser.value(dirOpt));
    const QString forms = dir.filePath(QStringLiteral("forms"));
    if (parser.value(dirOpt).isEmpty() || !QDir().mkpath(forms)) {
        std::fprintf(stderr, "--dir DIR is required\n");
        return 1;
    }
    test::PlantedOptions options;
    options.count = parser.value(countOpt).toInt();
    options.seed = parser.value(seedOpt).toUInt();
    options.scannedEvery = parser.value(scannedOpt).toInt();
    options.scanDpi = parser.value(dpiOpt).toInt();
    options.pagesPerDocument = parser.value(pagesOpt).toInt();
    const std::vector<test::PlantedDocument> docs = test::writePlantedForms(forms, options);
    if (docs.empty()) {
        std::fprintf(stderr, "could not write the forms into %s\n", qPrintable(forms));
        return 1;
    }
    QFile manifest(dir.filePath(QStringLiteral("planted.json")));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || manifest.write(QJsonDocument(test::plantedManifest(docs)).toJson()) < 0) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(manifest.fileName()));
        return 1;
    }
    std::size_t values = 0, scanned = 0;
    for (const auto& d : docs) {
        values += d.values.size();
        scanned += d.scanned ? 1 : 0;
    }
    std::printf("%zu documents (%zu scanned), %zu planted values -> %s\n", docs.size(), scanned, values,
                qPrintable(manifest.fileName()));
    return 0;
}
