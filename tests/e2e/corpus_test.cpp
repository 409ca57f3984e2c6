// Real documents through incidoc-cli: FUNSD forms scored against their word-level truth, the bundled
// sample against its ground truth, and the special PDFs of the shared corpus.
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/cli_runner.h"
#include "tests/support/funsd.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::vector<FunsdWord> wordsOfPageJson(const QJsonObject& page)
{
    std::vector<FunsdWord> words;
    for (const auto& w : page[QStringLiteral("words")].toArray()) {
        const QJsonArray b = w[QStringLiteral("bbox")].toArray();
        words.push_back(
            {w[QStringLiteral("text")].toString(), PixelBox{b[0].toInt(), b[1].toInt(), b[2].toInt(), b[3].toInt()}});
    }
    return words;
}

/// Ground truth of the bundled sample: "=== page N ===" headers, then lines.
std::vector<QStringList> sampleTruth()
{
    QFile f(sourcePath(QStringLiteral("resources/samples/incident-report.txt")));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    std::vector<QStringList> pages;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("=== page"))) {
            pages.emplace_back();
            continue;
        }
        if (!pages.empty())
            pages.back() += line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return pages;
}

/// How many truth words are found among `got` (as a multiset).
int matchedWords(const QStringList& truth, QStringList got)
{
    int found = 0;
    for (const QString& w : truth) {
        const int at = got.indexOf(w);
        if (at >= 0) {
            ++found;
            got.removeAt(at);
        }
    }
    return found;
}

} // namespace

TEST(Corpus, FunsdFormsScoreClearlyAbovePlainTesseract)
{
    const auto truth = loadFunsdPages(testData(QStringLiteral("funsd/training_data")));
    ASSERT_EQ(truth.size(), 10u);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("funsd.incidoc"));
    const CliRun import =
        runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("--jobs"), QStringLiteral("2"),
                QStringLiteral("-p"), project, testData(QStringLiteral("funsd/training_data/images"))});
    ASSERT_EQ(import.exitCode, 0) << qPrintable(import.err);
    const QString out = dir.filePath(QStringLiteral("dump"));
    ASSERT_EQ(
        runCli({QStringLiteral("dump"), QStringLiteral("-q"), QStringLiteral("-p"), project, QStringLiteral("-o"), out})
            .exitCode,
        0);
    WordScore total;
    for (const auto& page : truth) {
        const QJsonObject json = readJson(QDir(out).filePath(page.name + QStringLiteral("/page-0001.json")));
        ASSERT_FALSE(json.isEmpty()) << qPrintable(page.name);
        // Image files keep their own pixel grid: boxes compare directly with FUNSD's.
        EXPECT_EQ(json[QStringLiteral("page")][QStringLiteral("kind")].toString(), QStringLiteral("scanned"));
        const WordScore s = scoreWords(wordsOfPageJson(json), page.words);
        std::printf("%s: P %.3f R %.3f F1 %.3f\n", qPrintable(page.name), s.precision(), s.recall(), s.f1());
        total += s;
    }
    std::printf("FUNSD through incidoc-cli: P %.3f R %.3f F1 %.3f (plain tesseract: F1 0.47)\n", total.precision(),
                total.recall(), total.f1());
    EXPECT_GT(total.f1(), 0.60);
}

TEST(Corpus, BundledSampleComesBackThroughBothPaths)
{
    const auto truth = sampleTruth();
    ASSERT_EQ(truth.size(), 4u);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("sample.incidoc"));
    const CliRun import = runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), project,
                                  sourcePath(QStringLiteral("resources/samples/incident-report.pdf"))});
    ASSERT_EQ(import.exitCode, 0) << qPrintable(import.err);
    const QString out = dir.filePath(QStringLiteral("dump"));
    ASSERT_EQ(
        runCli({QStringLiteral("dump"), QStringLiteral("-q"), QStringLiteral("-p"), project, QStringLiteral("-o"), out})
            .exitCode,
        0);
    for (int n = 1; n <= 4; ++n) {
        const QJsonObject json = readJson(
            QDir(out).filePath(QStringLiteral("incident-report/page-%1.json").arg(n, 4, 10, QLatin1Char('0'))));
        QStringList got;
        for (const auto& w : wordsOfPageJson(json))
            got += w.text;
        const QStringList& want = truth[n - 1];
        const int found = matchedWords(want, got);
        const QString kind = json[QStringLiteral("page")][QStringLiteral("kind")].toString();
        std::printf("sample page %d (%s): %d of %d words\n", n, qPrintable(kind), found, int(want.size()));
        if (n == 1) {
            EXPECT_EQ(kind, QStringLiteral("text-layer"));
            // Every word, exactly (the form's right-aligned fields may come in another reading order).
            EXPECT_EQ(found, want.size());
            EXPECT_EQ(got.size(), want.size());
        } else {
            EXPECT_EQ(kind, QStringLiteral("scanned"));
            EXPECT_GE(found, 0.85 * want.size());
        }
    }
}

TEST(Corpus, GarbageTextLayerIsOcredAndRealOnesAreTaken)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString res = testData(QStringLiteral("ocrmypdf/tests/resources")) + QLatin1Char('/');
    const CliRun import = runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), project,
                                  res + QStringLiteral("truetype_font_nomapping.pdf"),
                                  testData(QStringLiteral("pdfjs/test/pdfs/annotation-highlight.pdf")),
                                  testData(QStringLiteral("poppler-test/unittestcases/orientation.pdf"))});
    ASSERT_EQ(import.exitCode, 0) << qPrintable(import.err);
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    for (const auto& d : *(*store)->documents()) {
        const auto pages = *(*store)->pages(d.id);
        if (d.name == QLatin1String("truetype_font_nomapping.pdf")) {
            ASSERT_EQ(pages.size(), 1u);
            EXPECT_EQ(pages[0].kind, PageKind::Scanned); // garbage layer detected: OCR'd instead
            QStringList words;
            for (const auto& w : *(*store)->words(pages[0].id))
                words += w.text;
            // The page shows one word, "Phone", whose text layer holds unmapped glyph codes; OCR reads it.
            EXPECT_TRUE(words.contains(QStringLiteral("Phone"))) << qPrintable(words.join(' '));
        } else if (d.name == QLatin1String("annotation-highlight.pdf")) {
            EXPECT_EQ(pages[0].kind, PageKind::TextLayer);
        } else {
            // Portrait, landscape, upside down, seascape: /Rotate honoured, boxes in the rotated page.
            ASSERT_EQ(pages.size(), 4u);
            EXPECT_LT(pages[0].widthPx, pages[0].heightPx);
            EXPECT_GT(pages[1].widthPx, pages[1].heightPx);
            for (const auto& p : pages) {
                EXPECT_EQ(p.status, PageStatus::Done);
                for (const auto& w : *(*store)->words(p.id)) {
                    EXPECT_LE(w.box.x1, p.widthPx);
                    EXPECT_LE(w.box.y1, p.heightPx);
                }
            }
        }
    }
}
