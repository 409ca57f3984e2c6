// Two-reader OCR end to end, with the real models and real processes: the bundled sample's scanned pages
// read the same in-process, through page hosts, a second time, and with Tesseract on an incidoc-worker
// over gRPC; PP-OCR alone reads them with its own words; without the models the engine is listed as
// unavailable and the pages fall back to Tesseract with a note.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/cli_runner.h"
#include "tests/support/worker_support.h"

using namespace incidoc::test;

namespace {

QString samplePdf()
{
    return QStringLiteral(INCIDOC_SOURCE_DIR "/resources/samples/incident-report.pdf");
}

/// The words of every page of a project as page JSON (`dump`), page by page, without their ids: ids are
/// the project's row numbers, given in the order pages are stored, which two pages read at once may swap.
std::vector<QJsonArray> dumpWords(const QString& project, const QString& dir)
{
    const CliRun dump = runCli({QStringLiteral("dump"), QStringLiteral("-p"), project, QStringLiteral("-o"), dir});
    EXPECT_EQ(dump.exitCode, 0) << qPrintable(dump.err);
    std::vector<QJsonArray> pages;
    const QDir doc(QDir(dir).filePath(QStringLiteral("incident-report")));
    for (const QString& name : doc.entryList({QStringLiteral("page-*.json")}, QDir::Files, QDir::Name)) {
        QFile file(doc.filePath(name));
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        QJsonArray words;
        for (const QJsonValue& word :
             QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("words")).toArray()) {
            QJsonObject withoutId = word.toObject();
            withoutId.remove(QStringLiteral("id"));
            words.append(withoutId);
        }
        pages.push_back(words);
    }
    return pages;
}

CliRun import(const QString& project, const QStringList& extra,
              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return runCli(QStringList{QStringLiteral("import"), QStringLiteral("-p"), project, samplePdf()} + extra, 600'000,
                  env);
}

} // namespace

TEST(TwoReadersEndToEnd, SameReadingsInProcessInPageHostsTwiceAndOnAWorker)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto at = [&](const QString& name) { return dir.filePath(name); };

    CliRun run = import(at(QStringLiteral("local.incidoc")), {QStringLiteral("--no-isolation")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const auto local = dumpWords(at(QStringLiteral("local.incidoc")), at(QStringLiteral("local")));
    ASSERT_EQ(local.size(), 4u);

    run = import(at(QStringLiteral("hosts.incidoc")), {});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    run = import(at(QStringLiteral("again.incidoc")), {});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);

    const QString keyFile = at(QStringLiteral("api-key"));
    ASSERT_FALSE(writeApiKey(keyFile).isEmpty());
    QString error;
    auto worker = WorkerProcess::start(
        {QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--api-key-file"), keyFile}, &error);
    ASSERT_TRUE(worker) << qPrintable(error);
    run = import(at(QStringLiteral("worker.incidoc")),
                 {QStringLiteral("--workers"), worker->address(), QStringLiteral("--api-key-file"), keyFile});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);

    // Scanned pages 2-4 were read by two engines: both readings kept on the words Tesseract doubted.
    int reread = 0, flagged = 0;
    for (size_t p = 1; p < local.size(); ++p) {
        for (const QJsonValue& v : local[p]) {
            const QJsonObject w = v.toObject();
            const QJsonArray alternatives = w.value(QStringLiteral("alternatives")).toArray();
            reread += alternatives.isEmpty() ? 0 : 1;
            flagged += w.value(QStringLiteral("flagged")).toBool() ? 1 : 0;
            EXPECT_TRUE(w.value(QStringLiteral("engine")).toString() == QLatin1String("tesseract")
                        || w.value(QStringLiteral("engine")).toString() == QLatin1String("ppocr"));
        }
    }
    EXPECT_GT(reread, 0);
    // The text-layer page has no engine reading at all.
    for (const QJsonValue& v : local[0])
        EXPECT_TRUE(v.toObject().value(QStringLiteral("alternatives")).toArray().isEmpty());

    for (const QString& name : {QStringLiteral("hosts"), QStringLiteral("again"), QStringLiteral("worker")}) {
        const auto other = dumpWords(at(name + QStringLiteral(".incidoc")), at(name));
        ASSERT_EQ(other.size(), local.size()) << qPrintable(name);
        for (size_t p = 0; p < local.size(); ++p)
            EXPECT_EQ(other[p], local[p]) << qPrintable(name) << " page " << p + 1;
    }
    EXPECT_GE(flagged, 0);
}

TEST(TwoReadersEndToEnd, PpocrAloneAndFastAloneReadTheSample)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    CliRun run =
        import(dir.filePath(QStringLiteral("ppocr.incidoc")), {QStringLiteral("--engine"), QStringLiteral("ppocr")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const auto ppocr = dumpWords(dir.filePath(QStringLiteral("ppocr.incidoc")), dir.filePath(QStringLiteral("p")));
    ASSERT_EQ(ppocr.size(), 4u);
    for (size_t p = 1; p < ppocr.size(); ++p) {
        EXPECT_GT(ppocr[p].size(), 100) << "page " << p + 1;
        for (const QJsonValue& v : ppocr[p])
            EXPECT_EQ(v.toObject().value(QStringLiteral("engine")).toString(), QStringLiteral("ppocr"));
    }
    run = import(dir.filePath(QStringLiteral("fast.incidoc")), {QStringLiteral("--profile"), QStringLiteral("fast")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const auto fast = dumpWords(dir.filePath(QStringLiteral("fast.incidoc")), dir.filePath(QStringLiteral("f")));
    for (size_t p = 1; p < fast.size(); ++p) {
        for (const QJsonValue& v : fast[p]) {
            EXPECT_EQ(v.toObject().value(QStringLiteral("engine")).toString(), QStringLiteral("tesseract"));
            EXPECT_TRUE(v.toObject().value(QStringLiteral("alternatives")).toArray().isEmpty());
            EXPECT_FALSE(v.toObject().value(QStringLiteral("flagged")).toBool());
        }
    }
}

TEST(TwoReadersEndToEnd, WithoutTheModelsPpocrIsUnavailableAndPagesFallBackWithANote)
{
    QTemporaryDir dir, noModels;
    ASSERT_TRUE(dir.isValid() && noModels.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("INCIDOC_MODELS_DIR"), noModels.path());

    const CliRun engines = runCli({QStringLiteral("engines"), QStringLiteral("--json")}, 60'000, env);
    ASSERT_EQ(engines.exitCode, 0) << qPrintable(engines.err);
    bool listed = false;
    for (const QJsonValue& v :
         QJsonDocument::fromJson(engines.out.toUtf8()).object().value(QStringLiteral("engines")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("name")).toString() != QLatin1String("ppocr"))
            continue;
        listed = true;
        EXPECT_FALSE(e.value(QStringLiteral("available")).toBool());
        EXPECT_TRUE(e.value(QStringLiteral("reason")).toString().contains(QLatin1String("not installed")))
            << qPrintable(e.value(QStringLiteral("reason")).toString());
    }
    EXPECT_TRUE(listed) << qPrintable(engines.out);

    // The default (accurate) needs PP-OCR: Tesseract reads alone, and the run says so.
    const CliRun run = import(dir.filePath(QStringLiteral("a.incidoc")), {}, env);
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QLatin1String("ppocr"))) << qPrintable(run.err);
    const auto pages = dumpWords(dir.filePath(QStringLiteral("a.incidoc")), dir.filePath(QStringLiteral("d")));
    ASSERT_EQ(pages.size(), 4u);
    for (size_t p = 1; p < pages.size(); ++p) {
        EXPECT_GT(pages[p].size(), 100);
        for (const QJsonValue& v : pages[p])
            EXPECT_EQ(v.toObject().value(QStringLiteral("engine")).toString(), QStringLiteral("tesseract"));
    }
    // Asked for by name, it is an error that gives the reason.
    const CliRun named =
        import(dir.filePath(QStringLiteral("b.incidoc")), {QStringLiteral("--engine"), QStringLiteral("ppocr")}, env);
    EXPECT_NE(named.exitCode, 0);
    EXPECT_TRUE(named.err.contains(QLatin1String("not installed"))) << qPrintable(named.err);
}

TEST(TwoReadersEndToEnd, TheBestIntModelIsOfferedAndItsAbsenceIsAClearError)
{
    QTemporaryDir dir, noModels;
    ASSERT_TRUE(dir.isValid() && noModels.isValid());
    const auto pageJson = [&](const QString& name, int page) {
        QFile file(
            dir.filePath(name + QStringLiteral("/incident-report/page-%1.json").arg(page, 4, 10, QLatin1Char('0'))));
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(file.fileName());
        return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("page")).toObject();
    };
    // best_int reads the scanned pages (through page hosts, which inherit the choice); the pages say so.
    CliRun run = import(dir.filePath(QStringLiteral("best.incidoc")),
                        {QStringLiteral("--profile"), QStringLiteral("fast"), QStringLiteral("--tesseract-model"),
                         QStringLiteral("best_int")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const auto best = dumpWords(dir.filePath(QStringLiteral("best.incidoc")), dir.filePath(QStringLiteral("best")));
    ASSERT_EQ(best.size(), 4u);
    EXPECT_GT(best[1].size(), 100);
    EXPECT_TRUE(pageJson(QStringLiteral("best"), 2)
                    .value(QStringLiteral("engine"))
                    .toString()
                    .contains(QLatin1String("tessdata-best-int")))
        << qPrintable(pageJson(QStringLiteral("best"), 2).value(QStringLiteral("engine")).toString());
    // "fast" is Debian's model, whatever TESSDATA_PREFIX says.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TESSDATA_PREFIX"), noModels.path());
    run = import(dir.filePath(QStringLiteral("fast.incidoc")),
                 {QStringLiteral("--profile"), QStringLiteral("fast"), QStringLiteral("--tesseract-model"),
                  QStringLiteral("fast")},
                 env);
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    dumpWords(dir.filePath(QStringLiteral("fast.incidoc")), dir.filePath(QStringLiteral("fast")));
    EXPECT_FALSE(
        pageJson(QStringLiteral("fast"), 2).value(QStringLiteral("engine")).toString().contains(QLatin1String(";")));

    // Not installed, or a name it does not know: a clear error, and no project is made.
    env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("INCIDOC_MODELS_DIR"), noModels.path());
    run = import(dir.filePath(QStringLiteral("missing.incidoc")),
                 {QStringLiteral("--tesseract-model"), QStringLiteral("best_int")}, env);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.err.contains(QLatin1String("eng.traineddata is missing"))) << qPrintable(run.err);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("missing.incidoc"))));
    run = import(dir.filePath(QStringLiteral("bogus.incidoc")),
                 {QStringLiteral("--tesseract-model"), QStringLiteral("best")});
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.err.contains(QLatin1String("fast or best_int"))) << qPrintable(run.err);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("bogus.incidoc"))));
}
