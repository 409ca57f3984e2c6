// Render: PDF pages and image files to grey page images (rotation, crop box, pixel budget, bands,
// time limit, cancel, threads) and the PDF text layer in the same pixel space.
#include "core/render/page_renderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/core/render/handmade_pdf.h"
#include "tests/support/qt_printers.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using incidoc::test::testData;

namespace {

QString resource(const char* name)
{
    return testData(QStringLiteral("ocrmypdf/tests/resources/") + QLatin1String(name));
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    EXPECT_TRUE(test::writeFile(path, bytes));
    return path;
}

qint64 darkPixels(const QImage& grey, PixelBox box, int threshold = 128)
{
    box = box.clampedTo(grey.width(), grey.height());
    qint64 n = 0;
    for (int y = box.y0; y < box.y1; ++y) {
        const uchar* row = grey.constScanLine(y);
        for (int x = box.x0; x < box.x1; ++x)
            n += row[x] < threshold;
    }
    return n;
}

PixelBox whole(const QImage& img)
{
    return {0, 0, img.width(), img.height()};
}

PixelBox grown(PixelBox b, int by)
{
    return {b.x0 - by, b.y0 - by, b.x1 + by, b.y1 + by};
}

/// Checks that the text layer lines up with the render: every word box holds ink, and (on pages that
/// carry only text) almost all ink lies inside some word box.
void expectTextOnInk(const QImage& grey, const std::vector<TextLayerWord>& words, bool onlyText)
{
    ASSERT_FALSE(words.empty());
    QImage mask(grey.size(), QImage::Format_Grayscale8);
    mask.fill(0);
    for (const TextLayerWord& w : words) {
        SCOPED_TRACE(w.text.toStdString());
        EXPECT_GT(darkPixels(grey, w.box), 0.05 * static_cast<double>(w.box.area()) / 4);
        const PixelBox g = grown(w.box, 2).clampedTo(grey.width(), grey.height());
        for (int y = g.y0; y < g.y1; ++y)
            std::memset(mask.scanLine(y) + g.x0, 255, static_cast<size_t>(g.width()));
    }
    if (!onlyText)
        return;
    qint64 total = 0, inside = 0;
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x)
            if (grey.constScanLine(y)[x] < 128) {
                ++total;
                inside += mask.constScanLine(y)[x] != 0;
            }
    ASSERT_GT(total, 0);
    EXPECT_GT(static_cast<double>(inside) / static_cast<double>(total), 0.97);
}

/// Renders the page with pdftoppm (grey, crop box) and expects nearly the same picture.
void expectSameAsPdftoppm(const QString& pdf, int number, int dpi, const QImage& ours)
{
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("ref"));
    QProcess p;
    p.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-gray"), QStringLiteral("-cropbox"),
             QStringLiteral("-f"), QString::number(number), QStringLiteral("-l"), QString::number(number),
             QStringLiteral("-singlefile"), pdf, base});
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const QImage ref = QImage(base + QStringLiteral(".pgm")).convertToFormat(QImage::Format_Grayscale8);
    ASSERT_FALSE(ref.isNull());
    ASSERT_EQ(ref.size(), ours.size());
    qint64 diff = 0, refInk = 0;
    for (int y = 0; y < ref.height(); ++y)
        for (int x = 0; x < ref.width(); ++x) {
            diff += std::abs(ref.constScanLine(y)[x] - ours.constScanLine(y)[x]);
            refInk += ref.constScanLine(y)[x] < 128;
        }
    EXPECT_GT(refInk, 0);
    EXPECT_LT(static_cast<double>(diff) / (ref.width() * ref.height()), 2.0);
}

/// A page whose content stream has `ops` small filled rectangles: slow enough to hit a time limit.
QByteArray heavyPage(int ops)
{
    QByteArray content;
    content.reserve(ops * 24);
    for (int i = 0; i < ops; ++i)
        content += QByteArray::number(i % 600) + " " + QByteArray::number((i / 600) % 780) + " 7 7 re f\n";
    return content;
}

RenderOptions atDpi(int dpi)
{
    RenderOptions o;
    o.dpi = dpi;
    return o;
}

} // namespace

TEST(EffectiveDpi, KeepsRequestedWhenItFitsElseLargestFittingDpi)
{
    EXPECT_EQ(effectiveDpi(612, 792, 300, 40'000'000), 300);
    const int dpi = effectiveDpi(14400, 14400, 300, 40'000'000);
    EXPECT_EQ(dpi, 31); // 200 in x 31 dpi = 6200 px; 6200^2 = 38.4 MP; 32 dpi would be 40.96 MP
    EXPECT_EQ(effectiveDpi(14400, 14400, 300, 1), 1);
    EXPECT_EQ(effectiveDpi(0, 0, 300, 40'000'000), 300);
}

TEST(RenderPage, LetterPageAt300DpiIsGreyAndSized)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(1);
    pages[0].content = test::textAt(72, 700, 24, "Hello render");
    const QString path = write(dir, QStringLiteral("letter.pdf"), test::handmadePdf(pages));
    const Result<RenderedPage> got = renderPage(path, DocumentKind::Pdf, 1, RenderOptions{});
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_EQ(got->image.format(), QImage::Format_Grayscale8);
    EXPECT_EQ(got->image.width(), 2550);
    EXPECT_EQ(got->image.height(), 3300);
    EXPECT_EQ(got->dpi, 300);
    EXPECT_TRUE(got->note.isEmpty());
    EXPECT_DOUBLE_EQ(got->widthPt, 612);

    const Result<TextLayer> layer = extractTextLayer(path, 1, 300);
    ASSERT_TRUE(layer.ok());
    ASSERT_EQ(layer->words.size(), 2u);
    EXPECT_EQ(layer->words[0].text, QStringLiteral("Hello"));
    EXPECT_TRUE(layer->words[0].spaceAfter);
    // Baseline at 792 - 700 = 92 pt from the top = 383 px: inside the box, with the descent below it.
    EXPECT_LT(layer->words[0].box.y0, 383 - 60);
    EXPECT_GT(layer->words[0].box.y1, 383);
    EXPECT_LT(layer->words[0].box.y1, 383 + 25);
    EXPECT_NEAR(layer->words[0].box.x0, 300, 4);
    expectTextOnInk(got->image, layer->words, true);
}

TEST(RenderPage, CropBoxSmallerThanMediaBox)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(2);
    for (test::HandmadePage& p : pages) {
        p.cropBox = "100 200 400 500"; // 300 x 300 pt
        // Inside the crop box: text. Outside: a black square that must not show.
        p.content = test::textAt(150, 350, 20, "Cropped text") + "0 0 90 90 re f\n";
    }
    pages[1].rotate = 90;
    const QString path = write(dir, QStringLiteral("crop.pdf"), test::handmadePdf(pages));
    for (int number : {1, 2}) {
        SCOPED_TRACE(number);
        const Result<RenderedPage> got = renderPage(path, DocumentKind::Pdf, number, atDpi(144));
        ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
        EXPECT_EQ(got->image.width(), 600);
        EXPECT_EQ(got->image.height(), 600);
        EXPECT_EQ(got->rotation, number == 1 ? 0 : 90);
        const Result<TextLayer> layer = extractTextLayer(path, number, 144);
        ASSERT_TRUE(layer.ok());
        ASSERT_EQ(layer->words.size(), 2u);
        EXPECT_EQ(layer->words[1].text, QStringLiteral("text"));
        expectTextOnInk(got->image, layer->words, true); // the square outside the crop box left no ink
        expectSameAsPdftoppm(path, number, 144, got->image);
        if (number == 1) {
            // Baseline 350 pt is 150 pt below the crop top (500): 300 px; x 150 pt is 50 pt right of it.
            EXPECT_NEAR(layer->words[0].box.x0, 100, 3);
            EXPECT_NEAR(layer->words[0].box.y1, 300, 12);
        } else {
            // Turned 90 degrees clockwise: the words run top to bottom.
            EXPECT_GT(layer->words[0].box.height(), layer->words[0].box.width());
        }
    }
}

// orientation.pdf draws "Portrait", "Landscape", ... upright on a portrait page and turns pages 2-4 with
// /Rotate 90/180/270, so a correct render shows the words turned with the page. pdftoppm (Poppler's own
// command line renderer, crop box, same rotation rules) is the reference picture.
TEST(RenderPage, OrientationPdfHonoursRotate)
{
    const QString path = testData(QStringLiteral("poppler-test/unittestcases/orientation.pdf"));
    const QStringList expected{QStringLiteral("Portrait"), QStringLiteral("Landscape"), QStringLiteral("Upside"),
                               QStringLiteral("Seascape")};
    for (int number = 1; number <= 4; ++number) {
        SCOPED_TRACE(number);
        const Result<RenderedPage> got = renderPage(path, DocumentKind::Pdf, number, atDpi(72));
        ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
        EXPECT_EQ(got->rotation, (number - 1) * 90);
        const bool turned = number % 2 == 0;
        EXPECT_EQ(got->image.width() > got->image.height(), turned);
        expectSameAsPdftoppm(path, number, 72, got->image);
        const Result<TextLayer> layer = extractTextLayer(path, number, 72);
        ASSERT_TRUE(layer.ok());
        ASSERT_FALSE(layer->words.empty());
        EXPECT_EQ(layer->words[0].text, expected[number - 1]);
        EXPECT_EQ(layer->rotation, got->rotation);
        // Text turned by 90 or 270 degrees runs vertically in the page image.
        const PixelBox b = layer->words[0].box;
        EXPECT_EQ(b.height() > b.width(), turned);
        // The word was written near the top-left corner of the unrotated page; it moves with the page.
        const int cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
        const bool right = cx > got->image.width() / 2, bottom = cy > got->image.height() / 2;
        EXPECT_EQ(right, number == 2 || number == 3);
        EXPECT_EQ(bottom, number == 3 || number == 4);
        expectTextOnInk(got->image, layer->words, true);
    }
}

TEST(RenderPage, RotatedSkewPdfMatchesPdftoppm)
{
    const Result<RenderedPage> got = renderPage(resource("rotated_skew.pdf"), DocumentKind::Pdf, 1, atDpi(100));
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_EQ(got->rotation, 90);
    EXPECT_EQ(got->image.width(), 850); // 612 pt: the landscape media box turned upright
    EXPECT_EQ(got->image.height(), 1100);
    expectSameAsPdftoppm(resource("rotated_skew.pdf"), 1, 100, got->image);
}

TEST(RenderPage, HugePageIsRenderedAtLowerDpiWithinBudgetInBands)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(1);
    pages[0].mediaBox = "0 0 14400 14400";           // 200 x 200 inches
    pages[0].content = "7200 7200 1440 1440 re f\n"; // a 20 x 20 inch square right of and above the centre
    const QString path = write(dir, QStringLiteral("poster.pdf"), test::handmadePdf(pages));
    QElapsedTimer timer;
    timer.start();
    const Result<RenderedPage> got = renderPage(path, DocumentKind::Pdf, 1, RenderOptions{});
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    std::cout << "[ info ] 200 x 200 in page rendered in " << timer.elapsed() << " ms\n";
    EXPECT_EQ(got->dpi, 31);
    EXPECT_EQ(got->note, QStringLiteral("page too large, rendered at 31 dpi"));
    EXPECT_EQ(got->image.format(), QImage::Format_Grayscale8);
    EXPECT_LE(static_cast<qint64>(got->image.width()) * got->image.height(), RenderOptions{}.pixelBudget);
    EXPECT_EQ(got->image.width(), 6200);
    // The square spans x 3100..3720 and (top-left origin) y 2480..3100 at 31 dpi, across several bands.
    EXPECT_EQ(darkPixels(got->image, {3105, 2485, 3715, 3095}), 610 * 610);
    EXPECT_EQ(darkPixels(got->image, whole(got->image)), darkPixels(got->image, {3098, 2478, 3722, 3102}));
}

TEST(RenderPage, BandedRenderMatchesOneShotRender)
{
    for (const char* name : {"rotated_skew.pdf", "c02-22.pdf"}) {
        SCOPED_TRACE(name);
        RenderOptions oneShot = atDpi(150);
        oneShot.bandPixels = 0; // never band
        RenderOptions banded = atDpi(150);
        banded.bandPixels = 1; // always band
        const Result<RenderedPage> a = renderPage(resource(name), DocumentKind::Pdf, 1, oneShot);
        const Result<RenderedPage> b = renderPage(resource(name), DocumentKind::Pdf, 1, banded);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_EQ(a->image.size(), b->image.size());
        qint64 diff = 0;
        for (int y = 0; y < a->image.height(); ++y)
            for (int x = 0; x < a->image.width(); ++x)
                diff += std::abs(a->image.constScanLine(y)[x] - b->image.constScanLine(y)[x]);
        EXPECT_LT(static_cast<double>(diff) / (a->image.width() * a->image.height()), 1.0);
    }
}

TEST(RenderPage, TimeLimitAndCancelAbortTheRender)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(1);
    pages[0].content = heavyPage(300'000);
    const QString path = write(dir, QStringLiteral("heavy.pdf"), test::handmadePdf(pages));

    QElapsedTimer timer;
    timer.start();
    const Result<RenderedPage> full = renderPage(path, DocumentKind::Pdf, 1, atDpi(150));
    const qint64 fullMs = timer.elapsed();
    ASSERT_TRUE(full.ok()) << full.error().message.toStdString();
    std::cout << "[ info ] heavy page rendered in " << fullMs << " ms\n";

    RenderOptions limited = atDpi(150);
    limited.timeLimitMs = 5;
    const Result<RenderedPage> late = renderPage(path, DocumentKind::Pdf, 1, limited);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, ErrorCode::Timeout);
    EXPECT_EQ(late.error().message, QStringLiteral("render took longer than 0.005 s"));

    CancelToken cancel;
    std::thread canceller([cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        cancel.cancel();
    });
    timer.restart();
    const Result<RenderedPage> stopped = renderPage(path, DocumentKind::Pdf, 1, atDpi(150), cancel);
    const qint64 stoppedMs = timer.elapsed();
    canceller.join();
    ASSERT_FALSE(stopped.ok());
    EXPECT_TRUE(stopped.error().isCancelled());
    EXPECT_LT(stoppedMs, fullMs);

    const Result<RenderedPage> before = renderPage(path, DocumentKind::Pdf, 1, atDpi(150), cancel);
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.error().code, ErrorCode::Cancelled);
}

TEST(RenderPage, BadInputsGiveClearErrors)
{
    const Result<RenderedPage> missing = renderPage(QStringLiteral("/nonexistent/x.pdf"), DocumentKind::Pdf, 1, {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    const Result<RenderedPage> invalid = renderPage(resource("invalid.pdf"), DocumentKind::Pdf, 1, {});
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(invalid.error().message, QStringLiteral("damaged PDF: cannot be opened"));

    const Result<RenderedPage> page7 = renderPage(resource("skew.pdf"), DocumentKind::Pdf, 7, {});
    ASSERT_FALSE(page7.ok());
    EXPECT_EQ(page7.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(page7.error().message.startsWith(QStringLiteral("page 7 does not exist")));

    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(1);
    const QString locked = write(dir, QStringLiteral("locked.pdf"), test::handmadePdf(pages, true));
    const Result<RenderedPage> enc = renderPage(locked, DocumentKind::Pdf, 1, {});
    ASSERT_FALSE(enc.ok());
    EXPECT_EQ(enc.error().code, ErrorCode::Unsupported);
    const Result<TextLayer> encText = extractTextLayer(locked, 1, 300);
    ASSERT_FALSE(encText.ok());
    EXPECT_EQ(encText.error().code, ErrorCode::Unsupported);
}

TEST(RenderPage, FileChangedOnDiskIsReopened)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(1);
    const QString path = dir.filePath(QStringLiteral("changing.pdf"));
    pages[0].mediaBox = "0 0 100 100";
    ASSERT_TRUE(test::writeFile(path, test::handmadePdf(pages)));
    ASSERT_EQ(renderPage(path, DocumentKind::Pdf, 1, atDpi(72))->image.width(), 100);
    pages[0].mediaBox = "0 0 200 100";
    pages.push_back(pages[0]);
    ASSERT_TRUE(test::writeFile(path, test::handmadePdf(pages))); // size changes with the second page
    const Result<RenderedPage> again = renderPage(path, DocumentKind::Pdf, 2, atDpi(72));
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->image.width(), 200);
}

TEST(RenderPage, EverySharedPdfRendersOrFailsClearly)
{
    QStringList files;
    for (const QString& folder : {QStringLiteral("pdfjs/test/pdfs"), QStringLiteral("ocrmypdf/tests/resources"),
                                  QStringLiteral("poppler-test/tests"), QStringLiteral("poppler-test/unittestcases")}) {
        const QDir d(testData(folder));
        for (const QString& f : d.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
            files << d.filePath(f);
    }
    ASSERT_GE(files.size(), 21);
    // Truncated copies of real files too: Poppler may open them and then fail on some pages.
    QTemporaryDir dir;
    for (const char* name : {"multipage.pdf", "cardinal.pdf"}) {
        QFile src(resource(name));
        ASSERT_TRUE(src.open(QIODevice::ReadOnly));
        const QByteArray all = src.readAll();
        files << write(dir, QStringLiteral("half-") + QLatin1String(name), all.left(all.size() / 2));
    }
    int rendered = 0, failed = 0;
    for (const QString& f : files) {
        SCOPED_TRACE(f.toStdString());
        for (int number = 1; number <= 8; ++number) {
            RenderOptions o = atDpi(72);
            o.timeLimitMs = 30'000;
            const Result<RenderedPage> page = renderPage(f, DocumentKind::Pdf, number, o);
            const Result<TextLayer> text = extractTextLayer(f, number, 72);
            if (!page.ok()) {
                EXPECT_FALSE(page.error().message.isEmpty());
                EXPECT_NE(page.error().code, ErrorCode::Internal);
                EXPECT_FALSE(text.ok() && number > 1 && page.error().message.contains(QStringLiteral("exist")));
                ++failed;
                break; // past the last page (or unreadable)
            }
            ++rendered;
            EXPECT_EQ(page->image.format(), QImage::Format_Grayscale8);
            EXPECT_GT(page->image.width(), 10);
            ASSERT_TRUE(text.ok()) << text.error().message.toStdString();
            for (const TextLayerWord& w : text->words) {
                EXPECT_FALSE(w.box.isEmpty());
                EXPECT_LE(w.box.x1, page->image.width());
                EXPECT_LE(w.box.y1, page->image.height());
            }
        }
    }
    std::cout << "[ info ] " << rendered << " pages rendered, " << failed << " files ended with an error\n";
    EXPECT_GE(rendered, 30);
}

TEST(RenderPage, FourThreadsRenderSeveralPdfsLikeOneThread)
{
    struct Job {
        QString path;
        int page;
    };
    // Seven files: more than a thread's document cache holds, so documents are also evicted and reopened.
    QTemporaryDir dir;
    std::vector<Job> jobs;
    for (int f = 0; f < 2; ++f) {
        std::vector<test::HandmadePage> pages(3);
        for (int p = 0; p < 3; ++p)
            pages[static_cast<size_t>(p)].content = test::textAt(
                72, 700 - 40 * p, 14, "File " + QByteArray::number(f) + " page " + QByteArray::number(p + 1));
        const QString path = write(dir, QStringLiteral("t%1.pdf").arg(f), test::handmadePdf(pages));
        for (int p = 1; p <= 3; ++p)
            jobs.push_back({path, p});
    }
    jobs.push_back({resource("multipage.pdf"), 1});
    jobs.push_back({resource("multipage.pdf"), 6});
    for (int p = 1; p <= 2; ++p)
        jobs.push_back({resource("cardinal.pdf"), p});
    for (int p = 1; p <= 4; ++p)
        jobs.push_back({testData(QStringLiteral("poppler-test/unittestcases/orientation.pdf")), p});
    jobs.push_back({resource("skew.pdf"), 1});
    jobs.push_back({testData(QStringLiteral("pdfjs/test/pdfs/annotation-highlight.pdf")), 1});

    std::vector<QImage> reference;
    std::vector<int> referenceWords;
    for (const Job& j : jobs) {
        const Result<RenderedPage> r = renderPage(j.path, DocumentKind::Pdf, j.page, atDpi(50));
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        reference.push_back(r->image);
        referenceWords.push_back(static_cast<int>(extractTextLayer(j.path, j.page, 50)->words.size()));
    }
    std::atomic<int> mismatches{0}, failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 1; ++round) {
                for (size_t k = 0; k < jobs.size(); ++k) {
                    const size_t i = (k + static_cast<size_t>(t) * 3) % jobs.size(); // different order per thread
                    const Result<RenderedPage> r = renderPage(jobs[i].path, DocumentKind::Pdf, jobs[i].page, atDpi(50));
                    const Result<TextLayer> text = extractTextLayer(jobs[i].path, jobs[i].page, 50);
                    if (!r.ok() || !text.ok())
                        ++failures;
                    else if (r->image != reference[i] || static_cast<int>(text->words.size()) != referenceWords[i])
                        ++mismatches;
                }
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(mismatches.load(), 0);
}

TEST(RenderPage, ImageFilesKeepTheirPixelGrid)
{
    QTemporaryDir dir;
    QImage rgb(333, 222, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    QPainter(&rgb).fillRect(QRect(10, 20, 30, 40), Qt::black);
    rgb.setDotsPerMeterX(7874); // 200 dpi
    rgb.setDotsPerMeterY(7874);
    const QString png = dir.filePath(QStringLiteral("page.png"));
    ASSERT_TRUE(rgb.save(png));
    const Result<RenderedPage> got = renderPage(png, DocumentKind::Image, 1, {});
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_EQ(got->image.format(), QImage::Format_Grayscale8);
    EXPECT_EQ(got->image.size(), QSize(333, 222));
    EXPECT_EQ(got->dpi, 200);
    EXPECT_EQ(darkPixels(got->image, whole(got->image)), 30 * 40);
    EXPECT_EQ(darkPixels(got->image, {10, 20, 40, 60}), 30 * 40);

    const Result<RenderedPage> second = renderPage(png, DocumentKind::Image, 2, {});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::InvalidInput);

    const Result<RenderedPage> funsd =
        renderPage(testData(QStringLiteral("funsd/training_data/images/0000971160.png")), DocumentKind::Image, 1, {});
    ASSERT_TRUE(funsd.ok());
    EXPECT_EQ(funsd->dpi, 0);
    EXPECT_EQ(funsd->image.size(),
              QImage(testData(QStringLiteral("funsd/training_data/images/0000971160.png"))).size());
}

TEST(RenderPage, ImageOverFiveTimesThePixelBudgetIsRefused)
{
    QTemporaryDir dir;
    QImage img(1000, 1000, QImage::Format_Grayscale8);
    img.fill(255);
    const QString png = dir.filePath(QStringLiteral("big.png"));
    ASSERT_TRUE(img.save(png));
    RenderOptions tight;
    tight.pixelBudget = 100'000; // x5 = 0.5 MP < 1 MP
    const Result<RenderedPage> got = renderPage(png, DocumentKind::Image, 1, tight);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::TooLarge);
    EXPECT_EQ(got.error().message, QStringLiteral("image too large: 1000 x 1000 pixels (limit 0.5 megapixels)"));
}

TEST(RenderPage, TiffFrameTwoIsFrameTwo)
{
    QTemporaryDir dir;
    QImage a(300, 400, QImage::Format_Grayscale8), b(500, 200, QImage::Format_Grayscale8);
    a.fill(255);
    b.fill(255);
    QPainter(&a).fillRect(QRect(0, 0, 20, 20), Qt::black);
    QPainter(&b).fillRect(QRect(470, 170, 30, 30), Qt::black);
    const QString pa = dir.filePath(QStringLiteral("a.png")), pb = dir.filePath(QStringLiteral("b.png"));
    ASSERT_TRUE(a.save(pa) && b.save(pb));
    const QString tif = dir.filePath(QStringLiteral("two.tif"));
    QProcess convert;
    convert.start(QStringLiteral("convert"), {pa, pb, tif});
    ASSERT_TRUE(convert.waitForFinished(60000));
    ASSERT_EQ(convert.exitCode(), 0) << convert.readAllStandardError().toStdString();

    const Result<RenderedPage> one = renderPage(tif, DocumentKind::Image, 1, {});
    const Result<RenderedPage> two = renderPage(tif, DocumentKind::Image, 2, {});
    ASSERT_TRUE(one.ok() && two.ok());
    EXPECT_EQ(one->image.size(), QSize(300, 400));
    EXPECT_EQ(darkPixels(one->image, {0, 0, 20, 20}), 400);
    EXPECT_EQ(two->image.size(), QSize(500, 200));
    EXPECT_EQ(darkPixels(two->image, {470, 170, 500, 200}), 900);
    EXPECT_EQ(darkPixels(two->image, whole(two->image)), 900);
    const Result<RenderedPage> three = renderPage(tif, DocumentKind::Image, 3, {});
    ASSERT_FALSE(three.ok());
    EXPECT_EQ(three.error().message, QStringLiteral("page 3 does not exist (the image has 2)"));
}

// Born-digital pages skip OCR, so the text layer must come fast (target: 50 pages/s overall); the
// figure is printed, the test checks that every page's words come back complete.
TEST(ExtractTextLayer, ManyPagesOfGeneratedTextAreComplete)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    const int pages = 60, lines = 45;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        QPainter p(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(10);
        p.setFont(font);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            for (int l = 0; l < lines; ++l)
                p.drawText(
                    150, 200 + 70 * l,
                    QStringLiteral("Page %1 line %2 reports a spill near dock %3 at noon").arg(page).arg(l).arg(l % 7));
        }
    }
    QElapsedTimer timer;
    timer.start();
    for (int page = 1; page <= pages; ++page) {
        const Result<TextLayer> layer = extractTextLayer(path, page, 300);
        ASSERT_TRUE(layer.ok());
        ASSERT_EQ(layer->words.size(), static_cast<size_t>(lines * 12)) << page;
        EXPECT_EQ(layer->words[1].text, QString::number(page - 1));
    }
    const double seconds = std::max(1e-3, timer.elapsed() / 1000.0);
    std::cout << "[ info ] text layer: " << pages / seconds << " pages/s (" << lines * 12 << " words/page)\n";
}

TEST(RenderPage, PopplerVersionIsNamed)
{
    EXPECT_TRUE(popplerVersion().startsWith(QStringLiteral("poppler 2"))) << popplerVersion().toStdString();
}
