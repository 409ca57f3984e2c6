// bench_doctypes: accuracy of the document-type classifier with 3 typed examples per type on a mixed set.
//
//   bench_doctypes --dir DIR [--per-type 12] [--draws 25] [--seed 1] [--funsd DIR] [--other FILE]... [--jobs 2]
//
// Writes the mixed set of tests/support/mixed_set.h into DIR (half the text documents as scanned PNGs,
// the incident reports alternating generated forms and FUNSD's scanned forms from --funsd, "other"
// alternating generated documents and the --other files; FUNSD files are linked, never copied), imports
// it into DIR/types.incidoc and processes it for real (Tesseract, profile fast). A second run reuses the
// project (delete DIR to start again). Then, for each of --draws random draws, 3 documents of each type
// are the typed examples and the others are predicted: it prints the accuracy of each setting (centroid
// or nearest neighbour; words only, layout only, both), the median over the draws, and the confusion
// matrix summed over the draws for the default setting, as the README shows it.
#include "core/doctype/classify_documents.h"
#include "core/import/file_registration.h"
#include "core/pipeline/pipeline.h"
#include "core/storage/project_store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "tests/support/mixed_set.h"

using namespace incidoc;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("OMP_THREAD_LIMIT", "1");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("work folder"), QStringLiteral("DIR"));
    const QCommandLineOption perTypeOpt(QStringLiteral("per-type"), QStringLiteral("documents per type"),
                                        QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption drawsOpt(QStringLiteral("draws"), QStringLiteral("random draws"), QStringLiteral("N"),
                                      QStringLiteral("25"));
    const QCommandLineOption funsdOpt(QStringLiteral("funsd"), QStringLiteral("FUNSD images folder"),
                                      QStringLiteral("DIR"));
    const QCommandLineOption otherOpt(QStringLiteral("other"), QStringLiteral("an 'other' document"),
                                      QStringLiteral("FILE"));
    const QCommandLineOption jobsOpt(QStringLiteral("jobs"), QStringLiteral("pages in parallel"), QStringLiteral("N"),
                                     QStringLiteral("2"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("the set's seed"), QStringLiteral("N"),
                                     QStringLiteral("1"));
    parser.addOptions({dirOpt, perTypeOpt, drawsOpt, funsdOpt, otherOpt, jobsOpt, seedOpt});
    parser.process(app);
    const QDir dir(parser.value(dirOpt));
    if (parser.value(dirOpt).isEmpty() || !QDir().mkpath(dir.path())) {
        std::fprintf(stderr, "--dir DIR is required\n");
        return 1;
    }
    const QString project = dir.filePath(QStringLiteral("types.incidoc"));
    const QString truthFile = dir.filePath(QStringLiteral("truth.tsv"));

    if (!QFileInfo::exists(project)) {
        test::MixedSetOptions options;
        options.perType = parser.value(perTypeOpt).toInt();
        options.seed = parser.value(seedOpt).toUInt();
        options.textPdfs = false;
        options.scanDpi = 200;
        if (parser.isSet(funsdOpt)) {
            const QDir funsd(parser.value(funsdOpt));
            for (const QString& f : funsd.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
                options.funsdImages << funsd.filePath(f);
            // A spread of forms, not the first few of the folder.
            std::mt19937 shuffle(5);
            std::shuffle(options.funsdImages.begin(), options.funsdImages.end(), shuffle);
        }
        for (const QString& f : parser.values(otherOpt))
            options.otherFiles << QFileInfo(f).absoluteFilePath();
        const auto set = test::writeMixedSet(dir.path(), options);
        QFile truth(truthFile);
        if (!truth.open(QIODevice::WriteOnly))
            return 1;
        QStringList paths;
        for (const auto& d : set) {
            truth.write(QStringLiteral("%1\t%2\n").arg(d.path, d.type).toUtf8());
            paths << d.path;
        }
        truth.close();
        auto store = ProjectStore::open(project);
        if (!store)
            return 1;
        const ImportReport report = registerFiles(**store, paths);
        std::printf("mixed set: %zu documents, %d imported (%d duplicates, %d failed)\n", set.size(), report.added,
                    report.duplicates, report.failed);
    }
    {
        PipelineOptions options;
        options.jobs = parser.value(jobsOpt).toInt();
        options.process.profile = QStringLiteral("fast");
        auto pipeline = Pipeline::create(project, options);
        if (!pipeline) {
            std::fprintf(stderr, "%s\n", qPrintable(pipeline.error().message));
            return 1;
        }
        auto store = ProjectStore::open(project);
        const auto jobs = *(*store)->jobs(PageStatus::Queued);
        if (!jobs.empty()) {
            QElapsedTimer t;
            t.start();
            (*pipeline)->enqueue(jobs);
            const PipelineStats stats = (*pipeline)->wait();
            std::printf("processed %d pages in %.0f s\n", stats.done, t.elapsed() / 1000.0);
        }
    }

    QHash<QString, QString> truth;
    {
        QFile f(truthFile);
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const QList<QByteArray> parts = line.split('\t');
            if (parts.size() == 2)
                truth.insert(QString::fromUtf8(parts[0]), QString::fromUtf8(parts[1]));
        }
    }
    auto store = ProjectStore::open(project);
    QElapsedTimer loadTimer;
    loadTimer.start();
    auto loaded = loadDocumentFeatures(**store);
    if (!loaded)
        return 1;
    std::printf("features of %zu documents read in %lld ms\n", loaded->size(), loadTimer.elapsed());
    std::map<QString, std::vector<std::size_t>> byType;
    std::vector<DocumentFeatures> corpus;
    for (std::size_t i = 0; i < loaded->size(); ++i) {
        byType[truth.value((*loaded)[i].first.path)].push_back(i);
        corpus.push_back((*loaded)[i].second);
    }
    for (const auto& [type, list] : byType)
        std::printf("  %-18s %zu documents\n", qPrintable(type), list.size());

    struct Setting {
        const char* name;
        TypeClassifier::Settings settings;
    };
    const std::vector<Setting> settings{{"nearest example, words 0.3 (default)", TypeClassifier::Settings{}},
                                        {"centroid, words 0.3", {0.3, 0.1, false, true}},
                                        {"  without feature relevance", {0.3, 0.1, true, false}},
                                        {"  words 0.5", {0.5, 0.1, true, true}},
                                        {"  words 0.15", {0.15, 0.1, true, true}},
                                        {"  words only", {1.0, 0.1, true, true}},
                                        {"  layout only", {0.0, 0.1, true, true}},
                                        {"  centroid, without feature relevance", {0.3, 0.1, false, false}}};
    const QStringList types = defaultDocumentTypes();
    const int draws = parser.value(drawsOpt).toInt();
    std::map<QString, std::map<QString, int>> confusion;
    double trainMs = 0;
    std::vector<double> rightConfidence, wrongConfidence;
    for (const Setting& setting : settings) {
        std::vector<double> accuracies;
        std::mt19937 rng(42);
        for (int draw = 0; draw < draws; ++draw) {
            std::vector<TypedExample> examples;
            std::vector<std::size_t> rest;
            for (const auto& [type, list] : byType) {
                std::vector<std::size_t> order = list;
                std::shuffle(order.begin(), order.end(), rng);
                for (std::size_t k = 0; k < order.size(); ++k)
                    (k < 3 ? examples.push_back({corpus[order[k]], type}), void() : rest.push_back(order[k]));
            }
            QElapsedTimer t;
            t.start();
            TypeClassifier classifier;
            classifier.train(examples, corpus, setting.settings);
            int right = 0;
            for (std::size_t i : rest) {
                const auto p = classifier.predict(corpus[i]);
                const QString expected = truth.value((*loaded)[i].first.path);
                right += p->type == expected ? 1 : 0;
                if (&setting == &settings.front()) {
                    ++confusion[expected][p->type];
                    (p->type == expected ? rightConfidence : wrongConfidence).push_back(p->confidence);
                }
            }
            if (&setting == &settings.front())
                trainMs += t.nsecsElapsed() / 1e6;
            accuracies.push_back(static_cast<double>(right) / static_cast<double>(rest.size()));
        }
        std::printf("%-40s median accuracy %.1f %% (min %.1f, max %.1f) over %d draws\n", setting.name,
                    100 * median(accuracies), 100 * *std::min_element(accuracies.begin(), accuracies.end()),
                    100 * *std::max_element(accuracies.begin(), accuracies.end()), draws);
    }
    std::printf("train + predict %zu documents: %.1f ms per draw\n", corpus.size(), trainMs / draws);
    std::printf("median confidence: right %.2f, wrong %.2f (%zu wrong of %zu)\n", median(rightConfidence),
                median(wrongConfidence), wrongConfidence.size(), wrongConfidence.size() + rightConfidence.size());
    std::printf("\nconfusion matrix (rows: true type, columns: predicted; summed over %d draws)\n", draws);
    std::printf("| %-18s |", "true \\ predicted");
    for (const QString& t : types)
        std::printf(" %s |", qPrintable(t));
    std::printf("\n|---|");
    for (qsizetype i = 0; i < types.size(); ++i)
        std::printf("---|");
    std::printf("\n");
    for (const QString& row : types) {
        std::printf("| %-18s |", qPrintable(row));
        for (const QString& col : types)
            std::printf(" %d |", confusion[row][col]);
        std::printf("\n");
    }
    return 0;
}
