// Prepare: capital-height estimate, OCR scale factor, rescale, binarize, 1-bit PNG.
#include "core/imaging/prepare.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPainter>

#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/funsd.h"
#include "tests/support/test_paths.h"

using namespace incidoc;

namespace {

const char* const kSentences[] = {
    "Incident report filed on Monday 12 March by the Night Shift",
    "The quick brown fox jumps over the lazy dog near Gate 7",
    "Total damages were estimated at 4,250 dollars and 80 cents",
    "Witnesses: Maria Lopez, John Smith and Dr. Wang (Security)",
    "Please return the signed form to Human Resources by Friday",
    "Vehicle plate ABC-1234 was parked in the loading bay area",
};

// A page of mixed-case text whose capital letters are `capPx` pixels tall (QPainter cannot draw
// into Grayscale8 directly, so draw RGB and convert).
QImage textPage(double capPx, int width = 0, int lines = 6)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(100);
    const double capAt100 = QFontMetricsF(font).capHeight();
    font.setPixelSize(std::max(4, static_cast<int>(std::lround(100.0 * capPx / capAt100))));
    const QFontMetricsF fm(font);
    const int w = width > 0 ? width : static_cast<int>(fm.horizontalAdvance(QString::fromLatin1(kSentences[0])) * 1.2);
    const int lineStep = static_cast<int>(std::ceil(fm.lineSpacing() * 1.5));
    QImage rgb(w, lineStep * (lines + 1), QImage::Format_RGB32);
    rgb.fill(Qt::white);
    QPainter p(&rgb);
    p.setFont(font);
    p.setPen(Qt::black);
    for (int i = 0; i < lines; ++i)
        p.drawText(QPointF(w * 0.05, lineStep * (i + 1)), QString::fromLatin1(kSentences[i % 6]));
    p.end();
    return rgb.convertToFormat(QImage::Format_Grayscale8);
}

bool onlyBlackAndWhite(const QImage& img)
{
    for (int y = 0; y < img.height(); ++y) {
        const uchar* row = img.constScanLine(y);
        for (int x = 0; x < img.width(); ++x)
            if (row[x] != 0 && row[x] != 255)
                return false;
    }
    return true;
}

} // namespace

TEST(EstimateCapHeight, FindsTheCapitalHeightOfRenderedText)
{
    for (double cap : {10.0, 20.0, 40.0}) {
        const QImage page = textPage(cap);
        const auto estimate = estimateCapHeight(page);
        ASSERT_TRUE(estimate.has_value()) << cap;
        EXPECT_NEAR(*estimate, cap, 0.25 * cap) << "cap height " << cap << " px";
        std::printf("rendered cap %.0f px -> estimate %.1f px\n", cap, *estimate);
    }
}

TEST(EstimateCapHeight, IgnoresRulesAndBoxesAroundText)
{
    QImage page = textPage(20, 2400, 6);
    const auto plain = estimateCapHeight(page);
    ASSERT_TRUE(plain.has_value());
    // A form's furniture: a frame round the text, rules under each line, a few check boxes.
    QImage rgb = page.convertToFormat(QImage::Format_RGB32);
    QPainter p(&rgb);
    p.setPen(QPen(Qt::black, 3));
    p.drawRect(10, 10, rgb.width() - 20, rgb.height() - 20);
    for (int y = 60; y < rgb.height() - 20; y += 60)
        p.drawLine(40, y, rgb.width() - 40, y);
    for (int i = 0; i < 5; ++i)
        p.drawRect(2200, 40 + 60 * i, 30, 30);
    p.end();
    const auto withForm = estimateCapHeight(rgb.convertToFormat(QImage::Format_Grayscale8));
    ASSERT_TRUE(withForm.has_value());
    EXPECT_NEAR(*withForm, 20.0, 5.0);
}

TEST(EstimateCapHeight, NothingOnABlankOrTextlessPage)
{
    QImage white(800, 1000, QImage::Format_Grayscale8);
    white.fill(255);
    EXPECT_FALSE(estimateCapHeight(white).has_value());
    // Only a table grid: long thin rules, no glyphs.
    QImage grid(800, 1000, QImage::Format_RGB32);
    grid.fill(Qt::white);
    QPainter p(&grid);
    p.setPen(QPen(Qt::black, 2));
    for (int x = 50; x < 800; x += 150)
        p.drawLine(x, 50, x, 950);
    for (int y = 50; y < 1000; y += 100)
        p.drawLine(50, y, 750, y);
    p.end();
    EXPECT_FALSE(estimateCapHeight(grid.convertToFormat(QImage::Format_Grayscale8)).has_value());
    EXPECT_FALSE(estimateCapHeight(QImage()).has_value());
}

TEST(EstimateCapHeight, FunsdFormsHaveSmallPrint)
{
    // ~100 dpi scans of forms typed in 9-12 pt: capitals of about 7-13 px.
    const auto pages = test::loadFunsdPages(test::testData(QStringLiteral("funsd/training_data")));
    ASSERT_EQ(pages.size(), 10u);
    for (const auto& page : pages) {
        const QImage grey = QImage(page.imagePath).convertToFormat(QImage::Format_Grayscale8);
        ASSERT_FALSE(grey.isNull()) << qPrintable(page.imagePath);
        const auto cap = estimateCapHeight(grey);
        ASSERT_TRUE(cap.has_value()) << qPrintable(page.name);
        EXPECT_GE(*cap, 6.0) << qPrintable(page.name);
        EXPECT_LE(*cap, 14.0) << qPrintable(page.name);
        std::printf("%s: cap height %.1f px, scale %.2f\n", qPrintable(page.name), *cap, ocrScaleFactor(cap));
    }
}

TEST(OcrScaleFactor, ScalesCapitalsToTheTargetWithinLimits)
{
    EXPECT_DOUBLE_EQ(ocrScaleFactor(std::nullopt), 1.0);
    EXPECT_DOUBLE_EQ(ocrScaleFactor(0.0), 1.0);
    EXPECT_DOUBLE_EQ(ocrScaleFactor(kTargetCapHeightPx), 1.0);
    EXPECT_DOUBLE_EQ(ocrScaleFactor(kTargetCapHeightPx * 1.14), 1.0); // within 15%: leave it
    EXPECT_DOUBLE_EQ(ocrScaleFactor(kTargetCapHeightPx * 0.86), 1.0);
    EXPECT_DOUBLE_EQ(ocrScaleFactor(10.0), kTargetCapHeightPx / 10.0);
    EXPECT_DOUBLE_EQ(ocrScaleFactor(10.0, 20.0), 2.0);
    EXPECT_DOUBLE_EQ(ocrScaleFactor(2.0), 4.0);   // clamped up
    EXPECT_DOUBLE_EQ(ocrScaleFactor(300.0), 0.5); // clamped down
    EXPECT_DOUBLE_EQ(ocrScaleFactor(45.0, 30.0), 30.0 / 45.0);
}

TEST(Rescaled, ResizesAndKeepsTheContent)
{
    const QImage page = textPage(10, 0, 2);
    EXPECT_EQ(rescaled(page, 1.0).cacheKey(), page.cacheKey()); // scale 1: the image itself
    const QImage up = rescaled(page, 3.0);
    EXPECT_EQ(up.format(), QImage::Format_Grayscale8);
    EXPECT_EQ(up.width(), page.width() * 3);
    EXPECT_EQ(up.height(), page.height() * 3);
    const auto cap = estimateCapHeight(up);
    ASSERT_TRUE(cap.has_value());
    EXPECT_NEAR(*cap, 30.0, 7.5);
    const QImage down = rescaled(up, 0.5);
    EXPECT_EQ(down.width(), static_cast<int>(std::lround(up.width() * 0.5)));
    // Area averaging: a 2x2 checkerboard becomes uniform mid-grey, not aliased black or white.
    QImage checker(64, 64, QImage::Format_Grayscale8);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            checker.scanLine(y)[x] = ((x + y) % 2) ? 255 : 0;
    const QImage half = rescaled(checker, 0.5);
    for (int y = 0; y < half.height(); ++y)
        for (int x = 0; x < half.width(); ++x)
            ASSERT_NEAR(half.constScanLine(y)[x], 128, 2) << x << "," << y;
    EXPECT_TRUE(rescaled(QImage(), 2.0).isNull());
}

TEST(Rescaled, RespectsRowPaddingOfOddWidths)
{
    // Width 13: QImage pads rows to 16 bytes; a view that ignored bytesPerLine would shear the image.
    QImage img(13, 20, QImage::Format_Grayscale8);
    ASSERT_GT(img.bytesPerLine(), 13);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 13; ++x)
            img.scanLine(y)[x] = x < 6 ? 0 : 255;
    const QImage up = rescaled(img, 2.0);
    for (int y = 0; y < up.height(); ++y) {
        EXPECT_LT(up.constScanLine(y)[2], 20) << y;
        EXPECT_GT(up.constScanLine(y)[22], 235) << y;
    }
    const QImage bin = binarize(img, {BinarizeMethod::Otsu});
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 13; ++x)
            ASSERT_EQ(bin.constScanLine(y)[x], x < 6 ? 0 : 255) << x << "," << y;
}

TEST(PrepareForOcr, RescalesSmallPrintToTheTarget)
{
    const QImage page = textPage(10, 0, 4);
    const OcrInput in = prepareForOcr(page);
    ASSERT_TRUE(in.capHeightPx.has_value());
    EXPECT_DOUBLE_EQ(in.scale, ocrScaleFactor(in.capHeightPx));
    EXPECT_GT(in.scale, 2.0);
    EXPECT_EQ(in.image.width(), static_cast<int>(std::lround(page.width() * in.scale)));
    const auto after = estimateCapHeight(in.image);
    ASSERT_TRUE(after.has_value());
    EXPECT_NEAR(*after, kTargetCapHeightPx, 0.25 * kTargetCapHeightPx);
    // Text already at the target is left alone; a blank page too.
    const OcrInput same = prepareForOcr(textPage(kTargetCapHeightPx, 0, 4));
    EXPECT_DOUBLE_EQ(same.scale, 1.0);
    QImage white(500, 500, QImage::Format_Grayscale8);
    white.fill(255);
    const OcrInput blank = prepareForOcr(white);
    EXPECT_FALSE(blank.capHeightPx.has_value());
    EXPECT_DOUBLE_EQ(blank.scale, 1.0);
    EXPECT_EQ(blank.image.cacheKey(), white.cacheKey());
    EXPECT_TRUE(prepareForOcr(QImage()).image.isNull());
}

TEST(Binarize, EveryMethodSeparatesInkFromUnevenPaper)
{
    // Text on paper that darkens from left (250) to right (150): a global threshold struggles,
    // local ones must not.
    QImage page = textPage(20, 1600, 3);
    for (int y = 0; y < page.height(); ++y) {
        uchar* row = page.scanLine(y);
        for (int x = 0; x < page.width(); ++x) {
            const double paper = 250.0 - 100.0 * x / page.width();
            row[x] = static_cast<uchar>(std::lround(row[x] / 255.0 * paper));
        }
    }
    const QImage clean = textPage(20, 1600, 3);
    for (BinarizeMethod m : {BinarizeMethod::AdaptiveGaussian, BinarizeMethod::Sauvola}) {
        BinarizeOptions options{m};
        options.blockSize = 31;
        const QImage bin = binarize(page, options);
        ASSERT_EQ(bin.format(), QImage::Format_Grayscale8);
        ASSERT_EQ(bin.size(), page.size());
        EXPECT_TRUE(onlyBlackAndWhite(bin)) << qPrintable(toString(m));
        long long inkHits = 0, ink = 0, paperHits = 0, paper = 0;
        for (int y = 0; y < clean.height(); ++y) {
            for (int x = 0; x < clean.width(); ++x) {
                const uchar c = clean.constScanLine(y)[x];
                const uchar b = bin.constScanLine(y)[x];
                if (c < 60) {
                    ++ink;
                    inkHits += b == 0;
                } else if (c > 250) {
                    ++paper;
                    paperHits += b == 255;
                }
            }
        }
        EXPECT_GT(double(inkHits) / ink, 0.9) << qPrintable(toString(m));
        EXPECT_GT(double(paperHits) / paper, 0.98) << qPrintable(toString(m));
    }
}

TEST(Binarize, SauvolaFollowsItsFormula)
{
    // Check a few pixels against T = m * (1 + k * (s / 128 - 1)) computed directly.
    const QImage page = textPage(12, 700, 2);
    BinarizeOptions options{BinarizeMethod::Sauvola};
    options.blockSize = 15;
    const QImage bin = binarize(page, options);
    int checked = 0;
    for (int y = 8; y < page.height() - 8; y += 2) {
        for (int x = 8; x < page.width() - 8; x += 3) {
            double sum = 0, sumSq = 0;
            for (int dy = -7; dy <= 7; ++dy)
                for (int dx = -7; dx <= 7; ++dx) {
                    const double v = page.constScanLine(y + dy)[x + dx];
                    sum += v;
                    sumSq += v * v;
                }
            const double m = sum / 225.0;
            const double s = std::sqrt(std::max(0.0, sumSq / 225.0 - m * m));
            const double t = m * (1.0 + options.sauvolaK * (s / 128.0 - 1.0));
            const double v = page.constScanLine(y)[x];
            if (std::abs(v - t) < 0.5)
                continue; // too close to call with float rounding
            ASSERT_EQ(bin.constScanLine(y)[x], v > t ? 255 : 0) << x << "," << y;
            ++checked;
        }
    }
    EXPECT_GT(checked, 5000);
}

TEST(Binarize, OtsuNoneAndBadInput)
{
    const QImage page = textPage(15, 900, 2);
    const QImage otsu = binarize(page, {BinarizeMethod::Otsu});
    EXPECT_TRUE(onlyBlackAndWhite(otsu));
    EXPECT_EQ(otsu.pixelColor(0, 0), QColor(Qt::white));
    // None hands back the grey page untouched.
    EXPECT_EQ(binarize(page, {BinarizeMethod::None}).cacheKey(), page.cacheKey());
    // An even or tiny block size is made odd and usable rather than tripping OpenCV's assertion.
    BinarizeOptions even{BinarizeMethod::AdaptiveGaussian};
    even.blockSize = 10;
    EXPECT_FALSE(binarize(page, even).isNull());
    even.blockSize = 0;
    EXPECT_FALSE(binarize(page, even).isNull());
    EXPECT_TRUE(binarize(QImage()).isNull());
    // Colour input is converted to grey first.
    EXPECT_TRUE(onlyBlackAndWhite(binarize(page.convertToFormat(QImage::Format_RGB32))));
}

TEST(EncodeBilevelPng, WritesAOneBitPngThatDecodesToTheSamePixels)
{
    const QImage bin = binarize(textPage(20, 1200, 4));
    const QByteArray png = encodeBilevelPng(bin);
    ASSERT_GT(png.size(), 33);
    ASSERT_TRUE(png.startsWith("\x89PNG\r\n\x1a\n"));
    ASSERT_EQ(png.mid(12, 4), QByteArray("IHDR"));
    EXPECT_EQ(static_cast<int>(static_cast<uchar>(png[24])), 1) << "IHDR bit depth";
    QImage back = QImage::fromData(png, "PNG").convertToFormat(QImage::Format_Grayscale8);
    ASSERT_EQ(back.size(), bin.size());
    for (int y = 0; y < bin.height(); ++y)
        ASSERT_EQ(memcmp(back.constScanLine(y), bin.constScanLine(y), static_cast<size_t>(bin.width())), 0) << y;
    // Much smaller than the same page as an 8-bit PNG.
    QByteArray grey;
    QBuffer buf(&grey);
    buf.open(QIODevice::WriteOnly);
    bin.save(&buf, "PNG");
    EXPECT_LT(png.size(), grey.size());
    // An all-white page is still 1-bit.
    QImage white(100, 50, QImage::Format_Grayscale8);
    white.fill(255);
    const QByteArray whitePng = encodeBilevelPng(white);
    ASSERT_GT(whitePng.size(), 24);
    EXPECT_EQ(static_cast<int>(static_cast<uchar>(whitePng[24])), 1);
    EXPECT_EQ(QImage::fromData(whitePng).pixelColor(10, 10), QColor(Qt::white));
    EXPECT_TRUE(encodeBilevelPng(QImage()).isEmpty());
}

TEST(OpencvVersion, NamesTheLibrary)
{
    EXPECT_TRUE(opencvVersion().startsWith(QStringLiteral("opencv 4."))) << qPrintable(opencvVersion());
}
