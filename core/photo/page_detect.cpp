#include "core/photo/page_detect.h"

#include "core/photo/cv_bridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace incidoc {
namespace {

using photo_detail::downscaledBgr;

struct Line {
    cv::Point2d point, dir; // a point on the line and its unit direction
};

struct Quad {
    std::array<cv::Point2d, 4> p; // TL, TR, BR, BL at work size (may lie outside the image)
    bool cut = false;
};

struct Candidate {
    Quad quad;
    double score = 0;
    double contrast = 0;
    double share = 0;
};

double cross(cv::Point2d a, cv::Point2d b)
{
    return a.x * b.y - a.y * b.x;
}

std::optional<cv::Point2d> intersect(const Line& a, const Line& b)
{
    const double d = cross(a.dir, b.dir);
    if (std::abs(d) < 1e-6)
        return std::nullopt;
    const double t = cross(b.point - a.point, b.dir) / d;
    return a.point + t * a.dir;
}

/// Clockwise from the top left: the point nearest the image's top left (smallest x + y) starts, the
/// others follow by angle around the centre.
std::array<cv::Point2d, 4> ordered(std::array<cv::Point2d, 4> p)
{
    cv::Point2d c(0, 0);
    for (const auto& q : p)
        c += q * 0.25;
    std::sort(p.begin(), p.end(), [c](cv::Point2d a, cv::Point2d b) {
        return std::atan2(a.y - c.y, a.x - c.x) < std::atan2(b.y - c.y, b.x - c.x);
    });
    // atan2 order with y down is clockwise on screen; start at the top left.
    std::size_t first = 0;
    for (std::size_t i = 1; i < 4; ++i)
        if (p[i].x + p[i].y < p[first].x + p[first].y)
            first = i;
    std::array<cv::Point2d, 4> out;
    for (std::size_t i = 0; i < 4; ++i)
        out[i] = p[(first + i) % 4];
    return out;
}

bool isConvex(const std::array<cv::Point2d, 4>& p)
{
    int sign = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const double c = cross(p[(i + 1) % 4] - p[i], p[(i + 2) % 4] - p[(i + 1) % 4]);
        const int s = c > 0 ? 1 : (c < 0 ? -1 : 0);
        if (s == 0 || (sign != 0 && s != sign))
            return false;
        sign = s;
    }
    return true;
}

/// The smallest interior angle in degrees.
double smallestAngle(const std::array<cv::Point2d, 4>& p)
{
    double smallest = 180;
    for (std::size_t i = 0; i < 4; ++i) {
        const cv::Point2d a = p[(i + 3) % 4] - p[i], b = p[(i + 1) % 4] - p[i];
        const double na = std::hypot(a.x, a.y), nb = std::hypot(b.x, b.y);
        if (na < 1e-9 || nb < 1e-9)
            return 0;
        const double cosv = std::clamp((a.x * b.x + a.y * b.y) / (na * nb), -1.0, 1.0);
        smallest = std::min(smallest, std::acos(cosv) * 180 / CV_PI);
    }
    return smallest;
}

/// A line through the contour points near the segment a-b (more faithful than the polygon's vertices).
Line fitSide(const std::vector<cv::Point>& contour, cv::Point2d a, cv::Point2d b, double near)
{
    const cv::Point2d d = b - a;
    const double len = std::hypot(d.x, d.y);
    Line fallback{a, len > 0 ? d / len : cv::Point2d(1, 0)};
    if (len < 4)
        return fallback;
    const cv::Point2d u = d / len;
    std::vector<cv::Point2f> pts;
    for (const cv::Point& q : contour) {
        const cv::Point2d v = cv::Point2d(q) - a;
        const double along = v.x * u.x + v.y * u.y;
        const double off = std::abs(cross(u, v));
        if (off <= near && along > 0.1 * len && along < 0.9 * len)
            pts.emplace_back(static_cast<float>(q.x), static_cast<float>(q.y));
    }
    if (pts.size() < 6)
        return fallback;
    cv::Vec4f l;
    cv::fitLine(pts, l, cv::DIST_L2, 0, 0.01, 0.01);
    return {cv::Point2d(l[2], l[3]), cv::Point2d(l[0], l[1])};
}

/// Whether the segment a-b runs along the image's border (a side cut by the frame).
bool onFrame(cv::Point2d a, cv::Point2d b, cv::Size size, double tol)
{
    const double w = size.width - 1, h = size.height - 1;
    return (a.x <= tol && b.x <= tol) || (a.y <= tol && b.y <= tol) || (a.x >= w - tol && b.x >= w - tol)
           || (a.y >= h - tol && b.y >= h - tol);
}

/// Four corners from the outline of a page-like region: its convex hull reduced to a few sides; sides along
/// the frame are the frame's, the others are fitted to the outline and intersected (a corner out of frame is
/// where its two sides meet, outside the image).
std::optional<Quad> quadFromContour(const std::vector<cv::Point>& contour, cv::Size size)
{
    std::vector<cv::Point> hull;
    cv::convexHull(contour, hull);
    if (hull.size() < 3)
        return std::nullopt;
    const double perimeter = cv::arcLength(hull, true);
    std::vector<cv::Point> poly;
    for (double f = 0.01; f <= 0.08; f += 0.005) {
        cv::approxPolyDP(hull, poly, f * perimeter, true);
        if (poly.size() <= 6)
            break;
    }
    const double diag = std::hypot(size.width, size.height);
    const double tol = std::max(2.0, 0.006 * diag);
    // The simplification may cut a short run along the frame (a corner just out of frame) into a slanted
    // side, which bends the neighbouring side's line: both ends of every such run are kept.
    std::vector<bool> keep(hull.size(), false);
    for (const cv::Point& p : poly)
        if (const auto it = std::find(hull.begin(), hull.end(), p); it != hull.end())
            keep[static_cast<std::size_t>(it - hull.begin())] = true;
    for (std::size_t i = 0; i < hull.size(); ++i) {
        const cv::Point2d a(hull[i]), b(hull[(i + 1) % hull.size()]);
        if (onFrame(a, b, size, tol) && std::hypot(b.x - a.x, b.y - a.y) > 3 * tol)
            keep[i] = keep[(i + 1) % hull.size()] = true;
    }
    poly.clear();
    for (std::size_t i = 0; i < hull.size(); ++i)
        if (keep[i])
            poly.push_back(hull[i]);
    if (poly.size() < 3)
        return std::nullopt;
    struct Side {
        cv::Point2d a, b;
        bool frame;
        double len;
    };
    std::vector<Side> sides;
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const cv::Point2d a(poly[i]), b(poly[(i + 1) % poly.size()]);
        sides.push_back({a, b, onFrame(a, b, size, tol), std::hypot(b.x - a.x, b.y - a.y)});
    }
    // Merge neighbouring sides that are nearly collinear (a hull's corner rounded by blur).
    for (bool merged = true; merged && sides.size() > 3;) {
        merged = false;
        for (std::size_t i = 0; i < sides.size(); ++i) {
            Side& s = sides[i];
            Side& t = sides[(i + 1) % sides.size()];
            if (s.frame != t.frame)
                continue;
            const cv::Point2d u = (s.b - s.a) / std::max(1e-9, s.len), v = (t.b - t.a) / std::max(1e-9, t.len);
            if (std::abs(cross(u, v)) < std::sin(12 * CV_PI / 180) && u.dot(v) > 0) {
                s.b = t.b;
                s.len = std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
                sides.erase(sides.begin() + static_cast<long>((i + 1) % sides.size()));
                merged = true;
                break;
            }
        }
    }
    std::vector<std::size_t> free;
    for (std::size_t i = 0; i < sides.size(); ++i)
        if (!sides[i].frame)
            free.push_back(i);
    bool cut = free.size() != sides.size();
    // Keep the four longest sides in their order around the outline; too few free sides: frame sides fill in.
    std::vector<std::size_t> chosen = free;
    if (chosen.size() > 4) {
        std::sort(chosen.begin(), chosen.end(),
                  [&](std::size_t a, std::size_t b) { return sides[a].len > sides[b].len; });
        chosen.resize(4);
    } else if (chosen.size() < 4) {
        std::vector<std::size_t> frame;
        for (std::size_t i = 0; i < sides.size(); ++i)
            if (sides[i].frame)
                frame.push_back(i);
        std::sort(frame.begin(), frame.end(),
                  [&](std::size_t a, std::size_t b) { return sides[a].len > sides[b].len; });
        for (std::size_t i : frame) {
            if (chosen.size() == 4)
                break;
            chosen.push_back(i);
        }
        if (chosen.size() < 4)
            return std::nullopt;
    }
    std::sort(chosen.begin(), chosen.end());
    const double near = std::max(2.0, 0.012 * diag);
    std::array<Line, 4> lines;
    for (std::size_t i = 0; i < 4; ++i) {
        const Side& s = sides[chosen[i]];
        lines[i] = s.frame ? Line{s.a, (s.b - s.a) / std::max(1e-9, s.len)} : fitSide(contour, s.a, s.b, near);
    }
    std::array<cv::Point2d, 4> corners;
    for (std::size_t i = 0; i < 4; ++i) {
        const auto p = intersect(lines[i], lines[(i + 1) % 4]);
        if (!p)
            return std::nullopt;
        corners[i] = *p;
    }
    // An estimated corner far outside the image is a failed fit, not a page.
    for (const auto& p : corners)
        if (p.x < -0.5 * size.width || p.x > 1.5 * size.width || p.y < -0.5 * size.height || p.y > 1.5 * size.height)
            return std::nullopt;
    Quad q{ordered(corners), cut};
    if (!isConvex(q.p))
        return std::nullopt;
    for (const auto& p : q.p)
        if (p.x < -tol || p.y < -tol || p.x > size.width - 1 + tol || p.y > size.height - 1 + tol)
            q.cut = true;
    return q;
}

/// Whether the quad is the image's frame (all four corners at the image's corners).
bool isFrame(const Quad& q, cv::Size size)
{
    const double tol = std::max(2.0, 0.01 * std::hypot(size.width, size.height));
    const cv::Point2d frame[4] = {
        {0, 0}, {size.width - 1.0, 0}, {size.width - 1.0, size.height - 1.0}, {0, size.height - 1.0}};
    for (std::size_t i = 0; i < 4; ++i)
        if (std::hypot(q.p[i].x - frame[i].x, q.p[i].y - frame[i].y) > tol)
            return false;
    return true;
}

/// The contours, largest area first (each area computed once).
void sortByArea(std::vector<std::vector<cv::Point>>& contours)
{
    std::vector<std::pair<double, std::size_t>> areas;
    for (std::size_t i = 0; i < contours.size(); ++i)
        areas.emplace_back(cv::contourArea(contours[i]), i);
    std::sort(areas.begin(), areas.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::vector<cv::Point>> sorted;
    sorted.reserve(contours.size());
    for (const auto& [area, i] : areas)
        sorted.push_back(std::move(contours[i]));
    contours = std::move(sorted);
}

/// "Paper-likeness": bright and colourless, 0..255, blurred so that print on the page does not count.
cv::Mat paperMap(const cv::Mat& bgr)
{
    cv::Mat hsv;
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
    std::vector<cv::Mat> ch;
    cv::split(hsv, ch);
    cv::Mat paper;
    cv::addWeighted(ch[2], 1.0, ch[1], -1.0, 0, paper); // V - S, saturating at 0
    // Print is dark and thin: a closing (max then min) removes it before the page's outline is looked for.
    const cv::Mat k = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5));
    cv::morphologyEx(paper, paper, cv::MORPH_CLOSE, k);
    cv::medianBlur(paper, paper, 5);
    return paper;
}

/// The mean of `map` inside the quad and in a band just outside it (inside the image only).
void insideOutside(const cv::Mat& map, const Quad& q, double& inside, double& outside, double& outsideShare)
{
    const cv::Size size = map.size();
    const double diag = std::hypot(size.width, size.height);
    std::vector<cv::Point> poly;
    for (const auto& p : q.p)
        poly.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::Mat in = cv::Mat::zeros(size, CV_8UC1);
    cv::fillConvexPoly(in, poly, cv::Scalar(255));
    // Grown and shrunk by a disc: for a convex polygon, the polygon with or without a thick outline (much
    // cheaper than a dilation by a large kernel).
    const int band = std::max(3, static_cast<int>(0.04 * diag));
    const int margin = std::max(1, band / 3);
    const std::vector<std::vector<cv::Point>> outline{poly};
    cv::Mat eroded = in.clone();
    cv::polylines(eroded, outline, true, cv::Scalar(0), 2 * margin + 1);
    cv::Mat ring = cv::Mat::zeros(size, CV_8UC1);
    cv::polylines(ring, outline, true, cv::Scalar(255), 2 * band + 1);
    ring.setTo(0, in);
    // Leave a small gap on both sides of the outline (it is blurred and may be a little off).
    cv::polylines(ring, outline, true, cv::Scalar(0), 2 * margin + 1);
    const double ringPixels = cv::countNonZero(ring);
    const double inPixels = cv::countNonZero(eroded);
    inside = inPixels > 0 ? cv::mean(map, eroded)[0] : 0;
    outside = ringPixels > 0 ? cv::mean(map, ring)[0] : inside;
    // How much of the ring a page this big would have inside the image: little when the page fills the frame.
    const double fullRing = std::max(1.0, cv::arcLength(poly, true) * (band - margin));
    outsideShare = std::min(1.0, ringPixels / fullRing);
}

/// The share of the quad's outline (inside the image, off its border) that runs along an edge of the image:
/// a page's sides are sharp, a shadow's or a blob's outline is not. 0.5 when no side can be judged.
double edgeSupport(const cv::Mat& edges, const Quad& q)
{
    const int w = edges.cols, h = edges.rows;
    int seen = 0, hit = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const cv::Point2d a = q.p[i], b = q.p[(i + 1) % 4];
        const int steps = std::max(2, static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / 2));
        for (int k = 1; k < steps; ++k) {
            const cv::Point2d p = a + (b - a) * (static_cast<double>(k) / steps);
            const int x = cvRound(p.x), y = cvRound(p.y);
            if (x < 3 || y < 3 || x >= w - 3 || y >= h - 3)
                continue;
            ++seen;
            if (edges.at<uchar>(y, x))
                ++hit;
        }
    }
    return seen < 20 ? 0.5 : static_cast<double>(hit) / seen;
}

void consider(std::vector<Candidate>& out, const std::optional<Quad>& quad, const cv::Mat& paper, const cv::Mat& edges)
{
    if (!quad)
        return;
    const cv::Size size = paper.size();
    const double imageArea = static_cast<double>(size.area());
    // The share of the image the page covers (the part inside the frame).
    std::vector<cv::Point> poly;
    for (const auto& p : quad->p)
        poly.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::Mat in = cv::Mat::zeros(size, CV_8UC1);
    cv::fillConvexPoly(in, poly, cv::Scalar(255));
    const double share = cv::countNonZero(in) / imageArea;
    if (share < 0.08 || smallestAngle(quad->p) < 35)
        return;
    double inside = 0, outside = 0, ringShare = 0;
    insideOutside(paper, *quad, inside, outside, ringShare);
    const double contrast = (inside - outside) / 255.0;
    Candidate c;
    c.quad = *quad;
    c.share = share;
    c.contrast = contrast;
    // Sharp sides, brighter than the surroundings, big enough, rectangular-ish; a page filling the frame has
    // no surroundings to compare with.
    const double angleScore = std::clamp((smallestAngle(quad->p) - 35) / 40, 0.0, 1.0);
    const double contrastScore = ringShare < 0.15 ? 0.3 : std::clamp(contrast * 3, 0.0, 1.0);
    const double brightScore = std::clamp((inside - 60) / 100, 0.0, 1.0);
    const double support = edgeSupport(edges, *quad);
    c.score = (0.45 * support + 0.35 * contrastScore + 0.2 * std::min(1.0, share / 0.3)) * (0.7 + 0.3 * angleScore)
              * brightScore;
    out.push_back(c);
}

/// The outline of the largest blob of `mask` (after tidying) as a quad candidate.
void fromMask(std::vector<Candidate>& out, cv::Mat mask, const cv::Mat& paper, const cv::Mat& edges, int keep = 2)
{
    const cv::Mat k = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5));
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, k);
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, k);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    sortByArea(contours);
    const double imageArea = static_cast<double>(mask.size().area());
    for (int i = 0; i < std::min<int>(keep, static_cast<int>(contours.size())); ++i) {
        const auto& c = contours[static_cast<std::size_t>(i)];
        const double area = cv::contourArea(c);
        if (area < 0.06 * imageArea)
            break;
        std::vector<cv::Point> hull;
        cv::convexHull(c, hull);
        // A page's outline is nearly its hull; a blob of texture is not.
        if (area < 0.8 * cv::contourArea(hull))
            continue;
        consider(out, quadFromContour(c, mask.size()), paper, edges);
    }
}

} // namespace

PageDetection detectPage(const QImage& image, const PageDetectOptions& options)
{
    PageDetection result;
    if (image.isNull() || image.width() < 16 || image.height() < 16) {
        result.note = QStringLiteral("image too small to find a page in");
        return result;
    }
    double scale = 1;
    const cv::Mat bgr = downscaledBgr(image, std::max(64, options.workSize), scale);
    if (bgr.empty()) {
        result.note = QStringLiteral("image could not be read");
        return result;
    }
    const cv::Mat paper = paperMap(bgr);
    std::vector<Candidate> candidates;
    cv::Mat grey, edges;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::GaussianBlur(grey, grey, cv::Size(5, 5), 0);
    // Where the image has an edge at all (weak ones included): how candidates' sides are judged.
    cv::Mat support;
    cv::Canny(grey, support, 24, 48);
    cv::dilate(support, support, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));

    // 1. The bright, colourless region: Otsu on paper-likeness, and a stricter cut for a light background.
    cv::Mat mask;
    const double otsu = cv::threshold(paper, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    fromMask(candidates, mask, paper, support);
    cv::threshold(paper, mask, std::min(250.0, otsu + 0.5 * (255 - otsu)), 255, cv::THRESH_BINARY);
    fromMask(candidates, mask, paper, support);
    // Shadow across the page: a threshold that follows the neighbourhood (a large window) keeps its shaded part.
    cv::adaptiveThreshold(paper, mask, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY,
                          (std::max(bgr.cols, bgr.rows) / 4) | 1, -4);
    fromMask(candidates, mask, paper, support);

    // 2. Edges: the page's outline as a closed contour of strong gradients (low-contrast edges included).
    for (const double high : {otsu, otsu * 0.4}) {
        cv::Canny(grey, edges, high * 0.5, high);
        cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
        // A page cut by the frame has an open outline: the frame closes it.
        cv::rectangle(edges, cv::Rect(0, 0, edges.cols, edges.rows), cv::Scalar(255), 1);
        // A low-contrast side has gaps where the background is as light as the page: small ones are bridged.
        cv::morphologyEx(edges, edges, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(13, 13)));
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(edges, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
        sortByArea(contours);
        const double imageArea = static_cast<double>(bgr.size().area());
        std::size_t tried = 0;
        for (std::size_t i = 0; i < contours.size() && tried < 4; ++i) {
            const double area = cv::contourArea(contours[i]);
            if (area > 0.97 * imageArea) // the frame itself
                continue;
            if (area < 0.06 * imageArea)
                break;
            ++tried;
            const std::optional<Quad> quad = quadFromContour(contours[i], bgr.size());
            if (quad && !isFrame(*quad, bgr.size())) // the background around a page, closed by the frame
                consider(candidates, quad, paper, support);
        }
    }

    const auto best = std::max_element(candidates.begin(), candidates.end(),
                                       [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
    if (best == candidates.end() || best->score < 0.15) {
        result.note = QStringLiteral("no page-like quadrilateral found");
        return result;
    }
    result.found = true;
    result.confidence = std::clamp(best->score, 0.0, 1.0);
    result.cutByFrame = best->quad.cut;
    for (std::size_t i = 0; i < 4; ++i) {
        // Work pixels are centred at (i + 0.5) / scale - 0.5 in the full image.
        const cv::Point2d p = best->quad.p[i];
        result.corners[i] = QPointF((p.x + 0.5) / scale - 0.5, (p.y + 0.5) / scale - 0.5);
    }
    if (best->share > 0.97)
        result.note = QStringLiteral("the page fills the frame");
    else if (best->quad.cut)
        result.note = QStringLiteral("part of the page is outside the frame (corners estimated)");
    return result;
}

} // namespace incidoc
