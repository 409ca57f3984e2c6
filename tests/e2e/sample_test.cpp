// The bundled sample incident report (resources/samples) and the test PDF factories, checked with the
// Poppler command-line tools and Tesseract as separate processes, the way a user would look at them.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/pdf_factory.h"
#include "tests/support/test_paths.h"

using namespace incidoc::test;

namespace {

struct ProcessRun {
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

ProcessRun run(const QString& program, const QStringList& args, int timeoutMs = 120'000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(program, args);
    ProcessRun r;
    r.finished = process.waitForFinished(timeoutMs);
    if (!r.finished)
        process.kill();
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString generator()
{
    return builtProgram(QStringLiteral("resources/incidoc-make-sample"));
}

QString committedPdf()
{
    return sourcePath(QStringLiteral("resources/samples/incident-report.pdf"));
}

QString committedTruth()
{
    return sourcePath(QStringLiteral("resources/samples/incident-report.txt"));
}

int pageCount(const QString& pdf)
{
    const ProcessRun r = run(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption).match(r.out);
    return r.exitCode == 0 && m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pageText(const QString& pdf, int page)
{
    const ProcessRun r =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                                          QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    return r.out;
}

QStringList sortedWords(const QString& text)
{
    QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    std::sort(words.begin(), words.end());
    return words;
}

QStringList sortedWords(const QStringList& lines)
{
    return sortedWords(lines.join(QLatin1Char('\n')));
}

// Ground truth file -> lines of each page ("=== page N ===" headers).
std::vector<QStringList> truthPages(const QByteArray& truth)
{
    std::vector<QStringList> pages;
    const QStringList lines = QString::fromUtf8(truth).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.startsWith(QStringLiteral("=== page ")))
            pages.emplace_back();
        else if (!pages.empty() && !line.isEmpty())
            pages.back() << line;
    }
    return pages;
}

// Lines of each image on a page from `pdfimages -list` (page, width, height, color, x-ppi).
struct ImageInfo {
    int page = 0;
    int width = 0;
    int height = 0;
    QString color;
    int xPpi = 0;
};

std::vector<ImageInfo> imagesOf(const QString& pdf)
{
    const ProcessRun r = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    std::vector<ImageInfo> images;
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    for (const QString& line : lines.mid(2)) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() < 14)
            continue;
        images.push_back({f[0].toInt(), f[3].toInt(), f[4].toInt(), f[5], f[12].toInt()});
    }
    return images;
}

// Generates the sample into `dir` and returns {pdf, txt}.
std::pair<QString, QString> generate(const QTemporaryDir& dir, const QString& stem)
{
    const QString pdf = dir.filePath(stem + QStringLiteral(".pdf"));
    const QString txt = dir.filePath(stem + QStringLiteral(".txt"));
    const ProcessRun r = run(generator(), {pdf, txt});
    EXPECT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    return {pdf, txt};
}

} // namespace

TEST(BundledSample, RegeneratedGroundTruthMatchesCommittedFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto [pdf, txt] = generate(dir, QStringLiteral("sample"));
    const QByteArray committed = readAll(committedTruth());
    ASSERT_FALSE(committed.isEmpty()) << "missing " << qPrintable(committedTruth());
    EXPECT_EQ(readAll(txt), committed)
        << "the generator and resources/samples/incident-report.txt disagree: regenerate (see README.md)";
}

TEST(BundledSample, RegeneratedPdfHasTheCommittedPageCount)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto [pdf, txt] = generate(dir, QStringLiteral("sample"));
    const int committedPages = pageCount(committedPdf());
    EXPECT_GE(committedPages, 4);
    EXPECT_EQ(pageCount(pdf), committedPages);
    EXPECT_EQ(int(truthPages(readAll(committedTruth())).size()), committedPages);
}

TEST(BundledSample, GeneratorIsByteReproducible)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto [pdfA, txtA] = generate(dir, QStringLiteral("a"));
    const auto [pdfB, txtB] = generate(dir, QStringLiteral("b"));
    const QByteArray a = readAll(pdfA);
    ASSERT_GT(a.size(), 100'000);
    EXPECT_TRUE(a == readAll(pdfB)) << "two runs wrote different PDF bytes";
    EXPECT_EQ(readAll(txtA), readAll(txtB));
}

TEST(BundledSample, PageOneTextLayerHoldsTheGroundTruthWords)
{
    const std::vector<QStringList> truth = truthPages(readAll(committedTruth()));
    ASSERT_FALSE(truth.empty());
    ASSERT_GT(truth[0].size(), 20);
    EXPECT_EQ(sortedWords(pageText(committedPdf(), 1)), sortedWords(truth[0]));
    EXPECT_TRUE(truth[0].join(QLatin1Char(' ')).contains(QStringLiteral("Case No. 2026-INC-04417")));
}

TEST(BundledSample, ScannedPagesHaveNoTextLayerButOneGreyPageImage)
{
    const int pages = pageCount(committedPdf());
    ASSERT_GE(pages, 4);
    const std::vector<ImageInfo> images = imagesOf(committedPdf());
    for (int page = 2; page <= pages; ++page) {
        EXPECT_TRUE(pageText(committedPdf(), page).trimmed().isEmpty()) << "page " << page << " has text";
        const auto onPage =
            std::count_if(images.begin(), images.end(), [&](const ImageInfo& i) { return i.page == page; });
        EXPECT_EQ(onPage, 1) << "page " << page;
    }
    for (const ImageInfo& image : images) {
        EXPECT_GE(image.page, 2);
        EXPECT_EQ(image.color, QStringLiteral("gray"));
        EXPECT_EQ(image.xPpi, 300);
    }
    EXPECT_EQ(int(images.size()), pages - 1);
    EXPECT_LT(QFile(committedPdf()).size(), 1'500'000);
}

TEST(BundledSample, GeneratorReportsUsageAndUnwritableOutput)
{
    const ProcessRun usage = run(generator(), {});
    EXPECT_TRUE(usage.finished);
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_TRUE(usage.err.contains(QStringLiteral("usage")));

    QTemporaryDir dir;
    const ProcessRun bad =
        run(generator(), {dir.filePath(QStringLiteral("missing/dir/a.pdf")), dir.filePath(QStringLiteral("a.txt"))});
    EXPECT_TRUE(bad.finished);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("cannot write")));
}

TEST(PdfFactory, TextPdfHasEveryLineInItsTextLayer)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("text.pdf"));
    const auto pages = sampleParagraphPages(3, 7);
    ASSERT_TRUE(writeTextPdf(pdf, pages));
    ASSERT_EQ(pageCount(pdf), 3);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(sortedWords(pageText(pdf, i + 1)), sortedWords(pages[std::size_t(i)].lines)) << "page " << i + 1;

    // Reading order: with -layout every drawn line comes back as one line.
    const QStringList lines = pageText(pdf, 1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList simplified;
    for (const QString& line : lines)
        if (!line.trimmed().isEmpty())
            simplified << line.simplified();
    EXPECT_EQ(simplified, pages[0].lines);
}

TEST(PdfFactory, TextPdfHonoursPointSizeAndRejectsUnwritablePath)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("big.pdf"));
    ASSERT_TRUE(writeTextPdf(pdf, {GeneratedPage{{QStringLiteral("Witness statement taken at the scene")}}}, 24));
    EXPECT_EQ(sortedWords(pageText(pdf, 1)), sortedWords(QStringLiteral("Witness statement taken at the scene")));
    const ProcessRun r = run(QStringLiteral("pdffonts"), {pdf});
    EXPECT_TRUE(r.out.contains(QStringLiteral("DejaVuSans"))) << qPrintable(r.out);
    EXPECT_FALSE(writeTextPdf(dir.filePath(QStringLiteral("no/such/dir.pdf")), sampleParagraphPages(1, 1)));
}

TEST(PdfFactory, ScannedPdfHasImagesButNoTextLayer)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(writeScannedPdf(pdf, sampleParagraphPages(3, 11), 150, 0.7, 6, 3));
    ASSERT_EQ(pageCount(pdf), 3);
    for (int page = 1; page <= 3; ++page)
        EXPECT_TRUE(pageText(pdf, page).trimmed().isEmpty()) << "page " << page;
    const std::vector<ImageInfo> images = imagesOf(pdf);
    ASSERT_EQ(images.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(images[std::size_t(i)].page, i + 1);
        EXPECT_EQ(images[std::size_t(i)].width, 1275);
        EXPECT_EQ(images[std::size_t(i)].height, 1650);
        EXPECT_EQ(images[std::size_t(i)].color, QStringLiteral("gray"));
    }
    EXPECT_FALSE(writeScannedPdf(dir.filePath(QStringLiteral("no/such/dir.pdf")), sampleParagraphPages(1, 1)));
    EXPECT_FALSE(writeScannedPdf(dir.filePath(QStringLiteral("none.pdf")), {}));
}

TEST(PdfFactory, ScannedPageIsReadableByTesseract)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    const auto pages = sampleParagraphPages(1, 5);
    ASSERT_TRUE(writeScannedPdf(pdf, pages, 300, 0.5, 4, 2));
    const QString stem = dir.filePath(QStringLiteral("page"));
    const ProcessRun render =
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-gray"), QStringLiteral("-r"), QStringLiteral("300"),
                                         QStringLiteral("-singlefile"), pdf, stem});
    ASSERT_EQ(render.exitCode, 0) << qPrintable(render.err);
    const ProcessRun ocr = run(QStringLiteral("tesseract"), {stem + QStringLiteral(".pgm"), QStringLiteral("stdout")});
    ASSERT_EQ(ocr.exitCode, 0) << qPrintable(ocr.err);

    // Most words must come back: the factory's scans are meant to be OCR-able test input.
    QStringList expected = sortedWords(pages[0].lines);
    QStringList got = sortedWords(ocr.out);
    QStringList common;
    std::set_intersection(expected.begin(), expected.end(), got.begin(), got.end(), std::back_inserter(common));
    EXPECT_GT(double(common.size()) / expected.size(), 0.9) << qPrintable(ocr.out);
}

TEST(PdfFactory, RenderTextImageIsLetterSizedGreyWithInkOnlyWhereTextIs)
{
    const QImage blank = renderTextImage({}, 100);
    ASSERT_EQ(blank.size(), QSize(850, 1100));
    EXPECT_EQ(blank.format(), QImage::Format_Grayscale8);
    for (int y = 0; y < blank.height(); y += 7)
        for (int x = 0; x < blank.width(); x += 7)
            ASSERT_EQ(qGray(blank.pixel(x, y)), 255);

    const QImage text = renderTextImage({QStringLiteral("Vehicle towed from the scene")}, 300);
    ASSERT_EQ(text.size(), QSize(2550, 3300));
    // First baseline at 1 in + 12 pt = 350 px; ink between the 1 in margin and the baseline.
    int dark = 0;
    int darkOutside = 0;
    for (int y = 0; y < text.height(); ++y) {
        const uchar* row = text.constScanLine(y);
        for (int x = 0; x < text.width(); ++x) {
            if (row[x] < 128) {
                const bool inBand = y > 300 && y < 365 && x >= 300 && x < 1500;
                (inBand ? dark : darkOutside)++;
            }
        }
    }
    EXPECT_GT(dark, 2000);
    EXPECT_EQ(darkOutside, 0);
}

TEST(PdfFactory, SampleParagraphPagesAreDeterministicAndRealistic)
{
    const auto a = sampleParagraphPages(4, 9);
    const auto b = sampleParagraphPages(2, 9);
    const auto c = sampleParagraphPages(2, 10);
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(a[0].lines, b[0].lines);
    EXPECT_EQ(a[1].lines, b[1].lines);
    EXPECT_NE(a[0].lines, c[0].lines);
    EXPECT_NE(a[0].lines, a[1].lines);
    int words = 0;
    for (const auto& page : a) {
        EXPECT_EQ(page.lines.size(), 20);
        for (const QString& line : page.lines) {
            EXPECT_EQ(line, line.simplified());
            words += int(line.split(QLatin1Char(' ')).size());
        }
    }
    EXPECT_GT(words / 80.0, 8.0);
    EXPECT_LT(words / 80.0, 12.0);
}

TEST(PdfFactory, ManyPageScannedPdfWritesEveryPage)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("many.pdf"));
    ASSERT_TRUE(writeManyPageScannedPdf(pdf, 12, 100, 4));
    EXPECT_EQ(pageCount(pdf), 12);
    EXPECT_EQ(imagesOf(pdf).size(), 12u);
    EXPECT_TRUE(pageText(pdf, 12).trimmed().isEmpty());
    EXPECT_FALSE(writeManyPageScannedPdf(dir.filePath(QStringLiteral("zero.pdf")), 0));
    EXPECT_FALSE(writeManyPageScannedPdf(dir.filePath(QStringLiteral("no/such/dir.pdf")), 2));
}
