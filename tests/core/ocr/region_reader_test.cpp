// readRegion with the real Tesseract: the words of a region of a page and only those, their boxes back
// in page pixels whether the page was rendered at its own resolution, finer, or (an image) enlarged to
// read it at a higher DPI; a region off the page and an engine that fails are errors.
#include "core/ocr/region_reader.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QStringList>

#include <gtest/gtest.h>

#include "tests/support/qt_printers.h"

using namespace incidoc;

namespace {

constexpr int kPageDpi = 300;
const QSize kPageSize(1600, 700); // page pixels at kPageDpi

struct Line {
    QString text;
    int x = 0, baseline = 0; ///< page pixels
};

const std::vector<Line> kLines = {
    {QStringLiteral("Vehicle stopped near the bridge"), 100, 200},
    {QStringLiteral("Officer wrote seven reports"), 100, 450},
};

/// The page rendered `scale` times finer than its pixel grid (scale 2: 600 dpi), grey.
QImage renderPage(double scale)
{
    QImage rgb((QSizeF(kPageSize) * scale).toSize(), QImage::Format_RGB32);
    rgb.fill(Qt::white);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(int(50 * scale));
    QPainter p(&rgb);
    p.setFont(font);
    p.setPen(Qt::black);
    for (const Line& l : kLines)
        p.drawText(QPointF(l.x * scale, l.baseline * scale), l.text);
    p.end();
    return rgb.convertToFormat(QImage::Format_Grayscale8);
}

/// The box of a line in page pixels (its cell: font metrics, a little loose).
PixelBox lineCell(const Line& l)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(50);
    const QRect r = QFontMetrics(font).boundingRect(l.text).translated(l.x, l.baseline);
    return {r.left(), r.top(), r.right() + 1, r.bottom() + 1};
}

/// A region around a line, with some room.
PixelBox around(const Line& l)
{
    const PixelBox c = lineCell(l);
    return {c.x0 - 30, c.y0 - 30, c.x1 + 30, c.y1 + 30};
}

QStringList texts(const std::vector<RecognizedWord>& words)
{
    QStringList out;
    for (const auto& w : words)
        out << w.text;
    return out;
}

/// Every word's box lies on its line's cell (a few pixels of slack for the metrics and the rounding).
void expectOnLine(const std::vector<RecognizedWord>& words, const Line& l)
{
    const PixelBox cell = lineCell(l);
    for (const auto& w : words) {
        EXPECT_GE(w.box.x0, cell.x0 - 6) << w.text.toStdString();
        EXPECT_GE(w.box.y0, cell.y0 - 6) << w.text.toStdString();
        EXPECT_LE(w.box.x1, cell.x1 + 6) << w.text.toStdString();
        EXPECT_LE(w.box.y1, cell.y1 + 6) << w.text.toStdString();
        for (const auto& c : w.chars) {
            EXPECT_GE(c.box.x0, w.box.x0 - 2);
            EXPECT_LE(c.box.x1, w.box.x1 + 2);
        }
    }
}

RegionRequest requestFor(const PixelBox& box, DocumentKind kind = DocumentKind::Pdf)
{
    RegionRequest r;
    r.kind = kind;
    r.pageDpi = kPageDpi;
    r.pageWidthPx = kPageSize.width();
    r.box = box;
    return r;
}

TEST(RegionReaderTest, ReadsTheWordsOfTheRegionOnlyInPagePixels)
{
    const QImage page = renderPage(1.0);
    const auto words = readRegion(page, kPageDpi, requestFor(around(kLines[1])), recognizeWithOwnTesseract);
    ASSERT_TRUE(words.ok()) << words.error().message.toStdString();
    EXPECT_EQ(texts(*words).join(QLatin1Char(' ')), kLines[1].text);
    expectOnLine(*words, kLines[1]);
}

TEST(RegionReaderTest, APageRenderedFinerMapsBackToThePageGrid)
{
    const QImage page = renderPage(2.0); // the region read at 600 dpi of a page stored at 300
    RegionRequest request = requestFor(around(kLines[0]));
    request.readDpi = 600;
    EXPECT_EQ(regionRenderDpi(request), 600);
    int askedDpi = 0;
    auto recognize = [&](const QImage& crop, const OcrOptions& options) {
        askedDpi = options.dpi;
        return recognizeWithOwnTesseract(crop, options);
    };
    const auto words = readRegion(page, 600, request, recognize);
    ASSERT_TRUE(words.ok()) << words.error().message.toStdString();
    EXPECT_EQ(askedDpi, 600);
    EXPECT_EQ(texts(*words).join(QLatin1Char(' ')), kLines[0].text);
    expectOnLine(*words, kLines[0]);
}

TEST(RegionReaderTest, AnImageIsEnlargedToBeReadAtTheAskedResolution)
{
    const QImage page = renderPage(1.0); // an image comes in its own grid, whatever DPI is asked
    RegionRequest request = requestFor(around(kLines[1]), DocumentKind::Image);
    request.readDpi = 600;
    QSize cropSize;
    int askedDpi = 0;
    auto recognize = [&](const QImage& crop, const OcrOptions& options) {
        cropSize = crop.size();
        askedDpi = options.dpi;
        return recognizeWithOwnTesseract(crop, options);
    };
    const auto words = readRegion(page, kPageDpi, request, recognize);
    ASSERT_TRUE(words.ok()) << words.error().message.toStdString();
    EXPECT_EQ(askedDpi, 600);
    EXPECT_GE(cropSize.width(), 2 * request.box.width()); // twice as many pixels, plus the margin
    EXPECT_EQ(texts(*words).join(QLatin1Char(' ')), kLines[1].text);
    expectOnLine(*words, kLines[1]);
}

TEST(RegionReaderTest, ARegionOffThePageIsNotFoundAndNothingIsRecognized)
{
    const QImage page = renderPage(1.0);
    bool called = false;
    auto recognize = [&](const QImage& crop, const OcrOptions& options) {
        called = true;
        return recognizeWithOwnTesseract(crop, options);
    };
    const auto words = readRegion(page, kPageDpi, requestFor(PixelBox{5000, 5000, 5200, 5100}), recognize);
    ASSERT_FALSE(words.ok());
    EXPECT_EQ(words.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(called);
}

TEST(RegionReaderTest, AnEngineThatCannotStartIsTheError)
{
    const QImage page = renderPage(1.0);
    RegionRequest request = requestFor(around(kLines[0]));
    request.languages = QStringLiteral("xyz"); // no such traineddata
    const auto words = readRegion(page, kPageDpi, request, recognizeWithOwnTesseract);
    ASSERT_FALSE(words.ok());
    EXPECT_EQ(words.error().code, ErrorCode::Engine);
}

TEST(RegionReaderTest, ABlankRegionReadsNoWords)
{
    const QImage page = renderPage(1.0);
    const auto words = readRegion(page, kPageDpi, requestFor(PixelBox{100, 520, 900, 680}), recognizeWithOwnTesseract);
    ASSERT_TRUE(words.ok()) << words.error().message.toStdString();
    EXPECT_TRUE(words->empty()) << texts(*words).join(QLatin1Char(' ')).toStdString();
}

} // namespace
