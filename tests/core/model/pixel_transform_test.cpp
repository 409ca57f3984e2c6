// PixelTransform: identity, scale, offset, composition and inverse; and every box lands on exactly the
// pixel of the hand-written formula it replaced (copied below as they were), for many random boxes and at
// the .5 edges, so stored boxes and OCR results do not move.
#include "core/model/pixel_transform.h"

#include <QRect>

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <random>

using namespace incidoc;

namespace {

// --- the formulas PixelTransform replaced, verbatim -----------------------------------------------

/// PixelBox::unscaled(scale): a box of the OCR input back to page pixels.
PixelBox oldUnscaled(const PixelBox& b, double scale)
{
    if (scale == 1.0)
        return b;
    return {static_cast<int>(std::floor(b.x0 / scale)), static_cast<int>(std::floor(b.y0 / scale)),
            static_cast<int>(std::ceil(b.x1 / scale)), static_cast<int>(std::ceil(b.y1 / scale))};
}

/// page_processor.cpp rescaleBoxes(): text-layer boxes to a page stored at a lower DPI.
PixelBox oldRescaled(const PixelBox& b, double factor)
{
    if (factor == 1.0)
        return b;
    return {static_cast<int>(std::floor(b.x0 * factor)), static_cast<int>(std::floor(b.y0 * factor)),
            static_cast<int>(std::ceil(b.x1 * factor)), static_cast<int>(std::ceil(b.y1 * factor))};
}

/// geometry.h pointsToPixels().
PixelBox oldPointsToPixels(double x0, double y0, double x1, double y1, double dpi)
{
    const double k = dpi / 72.0;
    return {static_cast<int>(std::floor(x0 * k)), static_cast<int>(std::floor(y0 * k)),
            static_cast<int>(std::ceil(x1 * k)), static_cast<int>(std::ceil(y1 * k))};
}

/// page_processor.cpp hasContentBeyondThinTextLayer(): a text box painted out on the preview render.
PixelBox oldPreviewBox(const PixelBox& b, double k, int width, int height)
{
    return PixelBox{static_cast<int>(b.x0 * k) - 1, static_cast<int>(b.y0 * k) - 1,
                    static_cast<int>(std::ceil(b.x1 * k)) + 1, static_cast<int>(std::ceil(b.y1 * k)) + 1}
        .clampedTo(width, height);
}

/// region_reader.cpp: the region's rectangle on the render.
QRect oldRegionSource(const PixelBox& box, double scaleRendered)
{
    const QRect inPage(box.x0, box.y0, box.width(), box.height());
    return QRectF(inPage.x() * scaleRendered, inPage.y() * scaleRendered, inPage.width() * scaleRendered,
                  inPage.height() * scaleRendered)
        .toAlignedRect();
}

/// region_reader.cpp toPage: a word of the crop back to page pixels.
PixelBox oldRegionToPage(const PixelBox& b, const QRect& src, double scaleRendered, double scale, int margin)
{
    const double ox = src.x() / scaleRendered, oy = src.y() / scaleRendered;
    return PixelBox{int(std::floor(ox + (b.x0 - margin) / scale)), int(std::floor(oy + (b.y0 - margin) / scale)),
                    int(std::ceil(ox + (b.x1 - margin) / scale)), int(std::ceil(oy + (b.y1 - margin) / scale))};
}

/// page_gestures.cpp toBox(): a rectangle drawn in the view's scene to page pixels.
PixelBox oldDrawnBox(const QRectF& r)
{
    return {int(std::lround(r.left())), int(std::lround(r.top())), int(std::lround(r.right())),
            int(std::lround(r.bottom()))};
}

// --- random inputs ----------------------------------------------------------------------------------

struct Random {
    std::mt19937 gen{20261204};

    int coordinate() { return std::uniform_int_distribution<int>(-200, 20'000)(gen); }
    PixelBox box()
    {
        const int x0 = coordinate(), y0 = coordinate();
        return {x0, y0, x0 + std::uniform_int_distribution<int>(0, 900)(gen),
                y0 + std::uniform_int_distribution<int>(0, 300)(gen)};
    }
    /// Scales as they come: the text-size factor ([0.5, 4]), DPI ratios, and halves and thirds whose
    /// products land on .5 and on whole numbers.
    double scale()
    {
        static const double kExact[] = {
            0.5,       1.0,           1.5,           2.0,          3.0,          4.0, 0.25, 1.0 / 3.0,
            2.0 / 3.0, 150.0 / 300.0, 200.0 / 300.0, 300.0 / 72.0, 72.0 / 300.0, 0.3, 0.7,  1.1};
        if (std::uniform_int_distribution<int>(0, 1)(gen) == 0)
            return kExact[std::uniform_int_distribution<std::size_t>(0, std::size(kExact) - 1)(gen)];
        return std::uniform_real_distribution<double>(0.5, 4.0)(gen);
    }
    double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(gen); }
};

constexpr int kRuns = 100'000;

} // namespace

TEST(PixelTransformTest, TheIdentityLeavesEverythingAlone)
{
    const PixelTransform id;
    EXPECT_TRUE(id.isIdentity());
    EXPECT_EQ(id.scaleX(), 1.0);
    const PixelBox b{-3, 4, 17, 90};
    EXPECT_EQ(id.map(b), b);
    EXPECT_EQ(id.map(b, BoxRounding::Nearest), b);
    EXPECT_EQ(id.mapToRectF(b), QRectF(-3, 4, 20, 86));
    EXPECT_EQ(id.inverted(), id);
    EXPECT_EQ(id.then(id), id);
    EXPECT_EQ(id.map(QPointF(2.25, -7.5)), QPointF(2.25, -7.5));
    EXPECT_TRUE(PixelTransform::scaling(1.0).isIdentity());
    EXPECT_FALSE(PixelTransform::scaling(2.0).isIdentity());
    EXPECT_FALSE(PixelTransform::translation(0, 1).isIdentity());
}

TEST(PixelTransformTest, ScaleMultipliesAndRoundsOutward)
{
    const auto twice = PixelTransform::scaling(2.0);
    EXPECT_EQ(twice.map(PixelBox{1, 2, 3, 4}), (PixelBox{2, 4, 6, 8}));
    const auto third = PixelTransform::scaling(1.0 / 3.0);
    EXPECT_EQ(third.map(PixelBox{1, 2, 4, 5}), (PixelBox{0, 0, 2, 2})); // 0.33 down, 1.33 up
    EXPECT_EQ(third.map(PixelBox{1, 2, 4, 5}, BoxRounding::Nearest), (PixelBox{0, 1, 1, 2}));
    const auto wide = PixelTransform::scaling(2.0, 0.5);
    EXPECT_EQ(wide.scaleX(), 2.0);
    EXPECT_EQ(wide.scaleY(), 0.5);
    EXPECT_EQ(wide.map(PixelBox{1, 1, 3, 3}), (PixelBox{2, 0, 6, 2}));
    EXPECT_EQ(PixelTransform::pointsToPixels(144).map(PixelBox{0, 1, 10, 36}), (PixelBox{0, 2, 20, 72}));
}

TEST(PixelTransformTest, OffsetsComeBeforeAndAfterTheScale)
{
    const auto moved = PixelTransform::translation(10, -5);
    EXPECT_EQ(moved.map(PixelBox{0, 10, 4, 20}), (PixelBox{10, 5, 14, 15}));
    // A crop from (100, 50) on the page, enlarged 2x, with a margin of 16.
    const PixelTransform crop(QPointF(100, 50), 2.0, QPointF(16, 16));
    EXPECT_EQ(crop.map(QPointF(100, 50)), QPointF(16, 16));
    EXPECT_EQ(crop.map(QPointF(110, 55)), QPointF(36, 26));
    EXPECT_EQ(crop.map(QRectF(100, 50, 10, 5)), QRectF(16, 16, 20, 10));
    EXPECT_EQ(crop.inverted().map(PixelBox{16, 16, 37, 27}), (PixelBox{100, 50, 111, 56})); // 10.5 up
}

TEST(PixelTransformTest, HalvesRoundOutwardOrAwayFromZero)
{
    const auto half = PixelTransform::scaling(0.5);
    EXPECT_EQ(half.map(PixelBox{5, -5, 7, -3}), (PixelBox{2, -3, 4, -1}));
    EXPECT_EQ(half.map(PixelBox{5, -5, 7, -3}, BoxRounding::Nearest), (PixelBox{3, -3, 4, -2}));
    const PixelTransform id;
    EXPECT_EQ(id.mapToBox(QRectF(0.5, 1.5, 2.0, 2.0), BoxRounding::Nearest), (PixelBox{1, 2, 3, 4}));
    EXPECT_EQ(id.mapToBox(QRectF(-0.5, -1.5, 1.0, 1.0), BoxRounding::Nearest), (PixelBox{-1, -2, 1, -1}));
    EXPECT_EQ(id.mapToPixel(QPointF(2.5, -2.5)), QPoint(3, -3));
    EXPECT_EQ(id.mapToPixel(QPointF(2.49, -2.49)), QPoint(2, -2));
}

TEST(PixelTransformTest, CompositionAppliesTheFirstThenTheNext)
{
    const auto scale = PixelTransform::scaling(2.0);
    const auto shift = PixelTransform::translation(3, 4);
    EXPECT_EQ(scale.then(shift).map(QPointF(1, 1)), QPointF(5, 6));
    EXPECT_EQ(shift.then(scale).map(QPointF(1, 1)), QPointF(8, 10));
    EXPECT_EQ(scale.then(PixelTransform()), scale);
    EXPECT_EQ(PixelTransform().then(scale), scale);
    EXPECT_DOUBLE_EQ(scale.then(PixelTransform::scaling(1.5)).scaleX(), 3.0);
    // A page rendered at 1.5x, then a crop of it from (30, 60) enlarged 2x with a margin of 16.
    const auto renderedFromPage = PixelTransform::scaling(1.5);
    const PixelTransform cropFromRendered(QPointF(30, 60), 2.0, QPointF(16, 16));
    const auto cropFromPage = renderedFromPage.then(cropFromRendered);
    EXPECT_EQ(cropFromPage.map(QPointF(20, 40)), QPointF(16, 16));
    EXPECT_EQ(cropFromPage.map(QPointF(30, 50)), QPointF(46, 46));
    EXPECT_EQ(cropFromPage.inverted().map(QPointF(46, 46)), QPointF(30, 50));
    // Composition mixes a transform and an inverse.
    EXPECT_EQ(cropFromRendered.inverted().then(renderedFromPage.inverted()).map(QPointF(46, 46)), QPointF(30, 50));

    Random random;
    for (int i = 0; i < 1000; ++i) {
        const PixelTransform a(QPointF(random.real(-500, 500), random.real(-500, 500)), random.scale(),
                               QPointF(random.real(-50, 50), random.real(-50, 50)));
        const PixelTransform b(QPointF(random.real(-500, 500), random.real(-500, 500)), random.scale(), random.scale(),
                               QPointF(random.real(-50, 50), random.real(-50, 50)));
        for (const auto& [first, next] : {std::pair{a, b}, std::pair{a.inverted(), b}, std::pair{a, b.inverted()},
                                          std::pair{a.inverted(), b.inverted()}}) {
            const QPointF p(random.real(-1000, 5000), random.real(-1000, 5000));
            const QPointF expected = next.map(first.map(p));
            const QPointF got = first.then(next).map(p);
            EXPECT_NEAR(got.x(), expected.x(), 1e-9 * std::max(1.0, std::abs(expected.x())));
            EXPECT_NEAR(got.y(), expected.y(), 1e-9 * std::max(1.0, std::abs(expected.y())));
        }
    }
}

TEST(PixelTransformTest, TheInverseRoundTrips)
{
    Random random;
    for (int i = 0; i < 10'000; ++i) {
        const PixelTransform t(QPointF(random.real(-500, 500), random.real(-500, 500)), random.scale(), random.scale(),
                               QPointF(random.real(-50, 50), random.real(-50, 50)));
        EXPECT_EQ(t.inverted().inverted(), t);
        EXPECT_DOUBLE_EQ(t.inverted().scaleX() * t.scaleX(), 1.0);
        const QPointF p(random.real(-1000, 5000), random.real(-1000, 5000));
        const QPointF back = t.inverted().map(t.map(p));
        EXPECT_NEAR(back.x(), p.x(), 1e-9 * std::max(1.0, std::abs(p.x())));
        EXPECT_NEAR(back.y(), p.y(), 1e-9 * std::max(1.0, std::abs(p.y())));
        // Outward rounding both ways never loses a pixel of the box.
        const PixelBox b = random.box();
        const PixelBox there = t.map(b);
        EXPECT_EQ(t.inverted().map(there).united(b), t.inverted().map(there));
    }
}

TEST(PixelTransformTest, ResultsOutsideTheIntRangeSaturate)
{
    const auto huge = PixelTransform::scaling(1e12);
    EXPECT_EQ(huge.map(PixelBox{-5, -5, 5, 5}), (PixelBox{INT_MIN, INT_MIN, INT_MAX, INT_MAX}));
    const auto nan = PixelTransform::scaling(std::nan(""));
    EXPECT_EQ(nan.map(PixelBox{1, 2, 3, 4}), (PixelBox{0, 0, 0, 0}));
}

// --- the same pixels as the formulas replaced -------------------------------------------------------

TEST(PixelTransformTest, OcrBoxesBackToThePageAsPixelBoxUnscaledDid)
{
    Random random;
    for (int i = 0; i < kRuns; ++i) {
        const PixelBox b = random.box();
        const double s = random.scale();
        ASSERT_EQ(PixelTransform::scaling(s).inverted().map(b), oldUnscaled(b, s)) << "scale " << s;
    }
}

TEST(PixelTransformTest, TextLayerBoxesToALowerDpiAsRescaleBoxesDid)
{
    Random random;
    for (int i = 0; i < kRuns; ++i) {
        const PixelBox b = random.box();
        const int asked = std::uniform_int_distribution<int>(72, 600)(random.gen);
        const int stored = std::uniform_int_distribution<int>(36, asked)(random.gen);
        const double factor = static_cast<double>(stored) / asked;
        ASSERT_EQ(PixelTransform::scaling(factor).map(b), oldRescaled(b, factor)) << stored << "/" << asked;
    }
}

TEST(PixelTransformTest, PointsToPixelsAsBefore)
{
    Random random;
    for (int i = 0; i < kRuns; ++i) {
        const double x0 = random.real(-10, 2000), y0 = random.real(-10, 2000);
        // Points on a 1/4 pt grid as well: their pixels at 72, 144, 288 dpi fall on .5 and whole edges.
        const bool grid = i % 2 == 0;
        const double gx0 = grid ? std::round(x0 * 4) / 4 : x0, gy0 = grid ? std::round(y0 * 4) / 4 : y0;
        const double gx1 = gx0 + (grid ? 12.25 : random.real(0, 300)), gy1 = gy0 + (grid ? 9.5 : random.real(0, 40));
        const double dpi = grid ? std::uniform_int_distribution<int>(1, 8)(random.gen) * 36.0 : random.real(50, 1200);
        ASSERT_EQ(pointsToPixels(gx0, gy0, gx1, gy1, dpi), oldPointsToPixels(gx0, gy0, gx1, gy1, dpi)) << dpi;
    }
}

TEST(PixelTransformTest, PreviewBoxesOfAThinTextLayerAsBefore)
{
    Random random;
    for (int i = 0; i < kRuns; ++i) {
        const int width = std::uniform_int_distribution<int>(1, 2000)(random.gen);
        const int height = std::uniform_int_distribution<int>(1, 2000)(random.gen);
        // Text-layer boxes are clamped to the page when they are made; outside it as well, to be sure.
        const PixelBox b = i % 4 == 0 ? random.box() : random.box().clampedTo(width * 4, height * 4);
        const double k = 72.0 / std::uniform_int_distribution<int>(72, 600)(random.gen);
        const PixelBox now = PixelTransform::scaling(k).map(b).adjusted(-1, -1, 1, 1).clampedTo(width, height);
        ASSERT_EQ(now, oldPreviewBox(b, k, width, height)) << "k " << k;
    }
}

TEST(PixelTransformTest, RegionCropAndItsWordsAsTheRegionReaderDid)
{
    Random random;
    constexpr int kMargin = 16;
    for (int i = 0; i < kRuns; ++i) {
        const PixelBox region = random.box();
        const double scaleRendered = i % 3 == 0 ? 1.0 : random.scale();
        const double enlarge = i % 2 == 0 ? 1.0 : std::clamp(random.scale(), 1.0, 4.0);
        const double scale = scaleRendered * enlarge;
        const QRect src = PixelTransform::scaling(scaleRendered).mapToRectF(region).toAlignedRect();
        ASSERT_EQ(src, oldRegionSource(region, scaleRendered));
        const PixelTransform cropFromPage(QPointF(src.x() / scaleRendered, src.y() / scaleRendered), scale,
                                          QPointF(kMargin, kMargin));
        const PixelBox word = random.box();
        ASSERT_EQ(cropFromPage.inverted().map(word), oldRegionToPage(word, src, scaleRendered, scale, kMargin))
            << "scale " << scale;
    }
}

TEST(PixelTransformTest, DrawnRectanglesAsThePageViewRoundedThem)
{
    Random random;
    const PixelTransform pageFromScene = PixelTransform().inverted();
    for (int i = 0; i < kRuns; ++i) {
        // Scene positions of a mouse at any zoom, and on exact halves.
        const bool halves = i % 2 == 0;
        const double x = halves ? std::round(random.real(-50, 5000)) + 0.5 : random.real(-50, 5000);
        const double y = halves ? std::round(random.real(-50, 5000)) - 0.5 : random.real(-50, 5000);
        const double w = halves ? std::round(random.real(0, 500)) : random.real(0, 500);
        const QRectF r(x, y, w, random.real(0, 80));
        ASSERT_EQ(pageFromScene.mapToBox(r, BoxRounding::Nearest), oldDrawnBox(r));
        ASSERT_EQ(pageFromScene.mapToPixel(r.topLeft()), QPoint(int(std::lround(x)), int(std::lround(y))));
    }
}

TEST(PixelTransformTest, AWholePageMapsWordsCharactersLinesAndBlocksAndClamps)
{
    RecognizedPage page;
    RecognizedWord w;
    w.text = QStringLiteral("ab");
    w.box = {10, 20, 31, 41};
    w.chars = {{QStringLiteral("a"), {10, 20, 19, 41}, 90.f}, {QStringLiteral("b"), {21, 20, 31, 41}, 80.f}};
    page.words = {w};
    RecognizedWord edge;
    edge.box = {390, 290, 420, 330}; // past the page once mapped back
    page.words.push_back(edge);
    page.lines = {{{10, 20, 31, 41}, 85.f}};
    page.blocks = {{{9, 19, 420, 330}, 85.f}};

    const double s = 1.5;
    const auto pageFromOcr = PixelTransform::scaling(s).inverted();
    RecognizedPage mapped = page;
    pageFromOcr.mapInPlace(mapped, 270, 210);
    auto old = [&](const PixelBox& b) { return oldUnscaled(b, s).clampedTo(270, 210); };
    EXPECT_EQ(mapped.words[0].box, old(w.box));
    EXPECT_EQ(mapped.words[0].box, (PixelBox{6, 13, 21, 28}));
    EXPECT_EQ(mapped.words[0].chars[0].box, old(w.chars[0].box));
    EXPECT_EQ(mapped.words[0].chars[1].box, old(w.chars[1].box));
    EXPECT_EQ(mapped.words[1].box, (PixelBox{260, 193, 270, 210}));
    EXPECT_EQ(mapped.lines[0].box, old(page.lines[0].box));
    EXPECT_EQ(mapped.blocks[0].box, old(page.blocks[0].box));
    EXPECT_EQ(mapped.words[0].chars[1].text, QStringLiteral("b"));
    EXPECT_EQ(mapped.words[0].chars[1].confidence, 80.f);

    RecognizedPage unclamped = page;
    pageFromOcr.mapInPlace(unclamped);
    EXPECT_EQ(unclamped.words[1].box, (PixelBox{260, 193, 280, 220}));
    EXPECT_EQ(unclamped.blocks[0].box, oldUnscaled(page.blocks[0].box, s));

    RecognizedWord single = w;
    PixelTransform::translation(5, -5).mapInPlace(single);
    EXPECT_EQ(single.box, (PixelBox{15, 15, 36, 36}));
    EXPECT_EQ(single.chars[1].box, (PixelBox{26, 15, 36, 36}));
}
