#include "core/photo/flatten.h"

#include "core/photo/cv_bridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace incidoc {
namespace {

constexpr double kLetter = 8.5 / 11.0; // width / height of US Letter
constexpr double kA4 = 210.0 / 297.0;  // and of A4
constexpr double kMaxUpsample = 2.0;   // the flat page resolves at most this much more than the photo
constexpr double kSnap = 0.03;         // an aspect within 3 % of a paper size is that paper size

double dist(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

/// The page's width / height from its quadrilateral in a photo with its principal point at the centre
/// (Zhang and He, "Whiteboard scanning and image enhancement"): the rectangle's true aspect under
/// perspective. Falls back to the mean opposite sides when the focal length cannot be recovered (nearly
/// parallel sides, a degenerate quad); a typical phone focal length when it cannot be recovered.
double trueAspect(QSize photoSize, const std::array<QPointF, 4>& c)
{
    const double top = dist(c[0], c[1]), bottom = dist(c[3], c[2]);
    const double left = dist(c[0], c[3]), right = dist(c[1], c[2]);
    const double simple = (top + bottom) / std::max(1e-9, left + right);
    const double u0 = photoSize.width() / 2.0, v0 = photoSize.height() / 2.0;
    const cv::Vec3d m1(c[0].x(), c[0].y(), 1), m2(c[1].x(), c[1].y(), 1), m3(c[3].x(), c[3].y(), 1),
        m4(c[2].x(), c[2].y(), 1);
    const double k2 = m1.cross(m4).dot(m3) / m2.cross(m4).dot(m3);
    const double k3 = m1.cross(m4).dot(m2) / m3.cross(m4).dot(m2);
    const cv::Vec3d n2 = k2 * m2 - m1, n3 = k3 * m3 - m1;
    if (!std::isfinite(k2) || !std::isfinite(k3))
        return simple;
    const double longSide = std::max(photoSize.width(), photoSize.height());
    // A phone's main camera: a focal length of about 0.8 x the image's long side (26 mm equivalent).
    double f2 = 0.64 * longSide * longSide;
    // Tilted one way only (or not at all), the focal length cannot be recovered: the typical one is used.
    if (std::abs(n2[2]) > 2e-3 && std::abs(n3[2]) > 2e-3) {
        const double n23n33 = n2[2] * n3[2];
        const double measured = -((n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 * u0)
                                  + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0 + n2[2] * n3[2] * v0 * v0))
                                / n23n33;
        // A focal length far outside what cameras have (0.3x to 5x the image's long side) is noise.
        if (measured > 0.09 * longSide * longSide && measured < 25 * longSide * longSide)
            f2 = measured;
    }
    auto norm2 = [&](const cv::Vec3d& n) {
        const double x = (n[0] - u0 * n[2]), y = (n[1] - v0 * n[2]);
        return x * x / f2 + y * y / f2 + n[2] * n[2];
    };
    const double aspect = std::sqrt(norm2(n2) / norm2(n3));
    if (!std::isfinite(aspect) || aspect <= 0)
        return simple;
    return aspect;
}

} // namespace

PhotoGeometry planFlattening(QSize photoSize, const std::array<QPointF, 4>& corners, const FlattenOptions& options)
{
    PhotoGeometry g;
    g.photoSize = photoSize;
    g.corners = corners;
    g.state = PhotoState::Flattened;
    g.evenLight = options.evenLight;
    double aspect = trueAspect(photoSize, corners);
    aspect = std::clamp(aspect, 0.2, 5.0);
    // Snap to a paper size (either way up); the short side's inches follow from it (Letter otherwise).
    double shortInches = 8.5;
    const double portrait = aspect <= 1 ? aspect : 1 / aspect;
    if (std::abs(portrait - kLetter) / kLetter < kSnap) {
        aspect = aspect <= 1 ? kLetter : 1 / kLetter;
    } else if (std::abs(portrait - kA4) / kA4 < kSnap) {
        aspect = aspect <= 1 ? kA4 : 1 / kA4;
        shortInches = 210 / 25.4;
    }
    const double wIn = aspect <= 1 ? shortInches : shortInches * aspect;
    const double hIn = aspect <= 1 ? shortInches / aspect : shortInches;
    // What the photo resolves: the longest of the quad's sides, in photo pixels, along the page's long side.
    const double photoW = std::max(dist(corners[0], corners[1]), dist(corners[3], corners[2]));
    const double photoH = std::max(dist(corners[0], corners[3]), dist(corners[1], corners[2]));
    double dpi = std::max(1, options.dpi);
    const double resolved = std::max(photoW / wIn, photoH / hIn); // the photo's own DPI on the page
    if (resolved > 0)
        dpi = std::min(dpi, kMaxUpsample * resolved);
    if (options.pixelBudget > 0 && wIn * hIn * dpi * dpi > static_cast<double>(options.pixelBudget))
        dpi = std::sqrt(static_cast<double>(options.pixelBudget) / (wIn * hIn));
    dpi = std::max(dpi, 1.0);
    g.dpi = std::max(1, static_cast<int>(std::floor(dpi)));
    g.pageSize = QSize(std::max(1, static_cast<int>(std::lround(wIn * g.dpi))),
                       std::max(1, static_cast<int>(std::lround(hIn * g.dpi))));
    return g;
}

namespace {

/// Illumination evened out: the page divided by its paper's brightness (estimated at a coarse scale with
/// print removed by a closing), so that paper is white everywhere and ink keeps its contrast.
void evenOut(cv::Mat& page)
{
    const int longSide = std::max(page.cols, page.rows);
    const double s = std::min(1.0, 200.0 / longSide);
    cv::Mat small;
    cv::resize(page, small, cv::Size(std::max(1, cvRound(page.cols * s)), std::max(1, cvRound(page.rows * s))), 0, 0,
               cv::INTER_AREA);
    // Print is thin at this scale: the local maximum is the paper, then smoothed.
    const int k = std::max(3, (std::max(small.cols, small.rows) / 25) | 1);
    cv::Mat paper;
    cv::dilate(small, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::erode(paper, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k / 2 | 1, k / 2 | 1)));
    cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 2.0);
    cv::Mat big;
    cv::resize(paper, big, page.size(), 0, 0, cv::INTER_LINEAR);
    // In 8 bits (a 40-megapixel page would need 320 MB as floats): paper at ~250, ink keeps its ratio to the
    // paper; saturating.
    cv::max(big, 24, big); // a black background around the page is not paper to divide by
    cv::divide(page, big, page, 250.0);
}

} // namespace

QImage flattenPhoto(const QImage& photo, const PhotoGeometry& geometry)
{
    if (photo.isNull())
        return {};
    if (!geometry.isFlattened())
        return photo.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat grey = photo_detail::greyOf(photo);
    if (grey.empty())
        return {};
    // Corners are in the geometry's photo pixels; the same photo at another size scales them.
    double sx = 1, sy = 1;
    if (geometry.photoSize.isValid() && geometry.photoSize != photo.size()) {
        sx = static_cast<double>(photo.width()) / geometry.photoSize.width();
        sy = static_cast<double>(photo.height()) / geometry.photoSize.height();
    }
    std::vector<cv::Point2f> from;
    for (const QPointF& p : geometry.corners)
        from.emplace_back(static_cast<float>(p.x() * sx), static_cast<float>(p.y() * sy));
    const double w = geometry.pageSize.width(), h = geometry.pageSize.height();
    // Far fewer page pixels than photo pixels: shrink the photo first (a warp alone would alias).
    const double quadW = std::max(cv::norm(from[1] - from[0]), cv::norm(from[2] - from[3]));
    const double quadH = std::max(cv::norm(from[3] - from[0]), cv::norm(from[2] - from[1]));
    const double reduce = std::min(w / std::max(1.0, quadW), h / std::max(1.0, quadH));
    if (reduce < 0.6) {
        const double r = std::min(1.0, reduce * 1.25);
        cv::Mat smaller;
        cv::resize(grey, smaller, cv::Size(std::max(1, cvRound(grey.cols * r)), std::max(1, cvRound(grey.rows * r))), 0,
                   0, cv::INTER_AREA);
        const double rx = static_cast<double>(smaller.cols) / grey.cols,
                     ry = static_cast<double>(smaller.rows) / grey.rows;
        for (auto& p : from)
            p = cv::Point2f(static_cast<float>((p.x + 0.5) * rx - 0.5), static_cast<float>((p.y + 0.5) * ry - 0.5));
        grey = smaller;
    }
    const std::vector<cv::Point2f> to{
        {0, 0}, {static_cast<float>(w), 0}, {static_cast<float>(w), static_cast<float>(h)}, {0, static_cast<float>(h)}};
    const cv::Mat m = cv::getPerspectiveTransform(from, to);
    cv::Mat page;
    cv::warpPerspective(grey, page, m, cv::Size(geometry.pageSize.width(), geometry.pageSize.height()), cv::INTER_CUBIC,
                        cv::BORDER_REPLICATE);
    grey.release();
    if (geometry.evenLight)
        evenOut(page);
    return photo_detail::greyImageOf(page);
}

double textSkewDegrees(const QImage& page)
{
    cv::Mat grey = photo_detail::greyOf(page);
    if (grey.empty() || grey.cols < 32 || grey.rows < 32)
        return 0;
    // About 1000 px wide: lines of text stay lines, and there are few enough ink pixels to project.
    const double s = std::min(1.0, 1000.0 / std::max(grey.cols, grey.rows));
    if (s < 1)
        cv::resize(grey, grey, cv::Size(std::max(1, cvRound(grey.cols * s)), std::max(1, cvRound(grey.rows * s))), 0, 0,
                   cv::INTER_AREA);
    cv::Mat ink;
    cv::adaptiveThreshold(grey, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 31, 15);
    // Leave out a margin: the page's edge and what lies beyond it are not text.
    const int mx = ink.cols / 20, my = ink.rows / 20;
    std::vector<cv::Point> points;
    cv::findNonZero(ink(cv::Rect(mx, my, ink.cols - 2 * mx, ink.rows - 2 * my)), points);
    if (points.size() < 500 || points.size() > static_cast<std::size_t>(ink.total() / 3))
        return 0;
    // Each angle shears the ink onto the vertical axis; level lines of text give the sharpest profile.
    auto sharpness = [&](double degrees) {
        const double t = std::tan(degrees * CV_PI / 180);
        const int offset = static_cast<int>(std::ceil(std::abs(t) * ink.cols)) + 1;
        std::vector<int> bins(static_cast<std::size_t>(ink.rows + 2 * offset), 0);
        for (const cv::Point& p : points)
            ++bins[static_cast<std::size_t>(cvRound(p.y - p.x * t) + offset)];
        double sum = 0;
        for (const int b : bins)
            sum += static_cast<double>(b) * b;
        return sum;
    };
    double best = 0, bestScore = sharpness(0);
    const double flat = bestScore;
    for (double a = -5; a <= 5.001; a += 0.25) {
        const double v = sharpness(a);
        if (v > bestScore)
            best = a, bestScore = v;
    }
    for (double a = best - 0.2; a <= best + 0.201; a += 0.05) {
        const double v = sharpness(a);
        if (v > bestScore)
            best = a, bestScore = v;
    }
    // No clear peak (pictures, no lines of text): no skew to correct.
    if (bestScore < flat * 1.02 && std::abs(best) > 0)
        return 0;
    return best;
}

PhotoGeometry deskewed(const PhotoGeometry& geometry, double degrees)
{
    if (!geometry.isFlattened() || degrees == 0)
        return geometry;
    const QTransform back = geometry.pageToPhoto();
    const double w = geometry.pageSize.width(), h = geometry.pageSize.height();
    // Text sloping by `degrees` on the flat page: the new page's x axis runs along it.
    QTransform turn;
    turn.translate(w / 2, h / 2);
    turn.rotate(degrees);
    turn.translate(-w / 2, -h / 2);
    PhotoGeometry g = geometry;
    const QPointF page[4] = {{0, 0}, {w, 0}, {w, h}, {0, h}};
    for (std::size_t i = 0; i < 4; ++i)
        g.corners[i] = back.map(turn.map(page[i]));
    return g;
}

} // namespace incidoc
