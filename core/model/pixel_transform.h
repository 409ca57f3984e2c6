#pragma once
// PixelTransform: the one way a box goes from one pixel grid to another (core/model/geometry.h names the
// spaces). Every mapping of boxes in Incidoc is one of these, built where the two grids meet and carried
// to where the boxes come back:
//  - OCR input pixels -> page pixels: PixelTransform::scaling(s) is the rescale for the engine
//    (core/imaging/prepare.h), its inverse maps the engine's words back (core/pipeline/page_processor.cpp);
//  - PDF points -> page pixels: PixelTransform::pointsToPixels(dpi); a page stored at a lower DPI than
//    asked takes its text-layer boxes through scaling(stored dpi / asked dpi);
//  - page pixels -> a region's crop: the crop origin, the render and enlargement scale and the white
//    margin (core/ocr/region_reader.cpp); the inverse maps the region's words back;
//  - page pixels <-> the page view's scene: the identity (ui/view/overlay_items.h); the zoom is the
//    view's QTransform.
//
// A point maps as  target = (source - pre) * scale + post  (x and y each). The two offsets are kept apart
// so that a mapping is evaluated in the order of the steps it stands for, and the inverse divides by the
// scale rather than multiplying by its reciprocal: every box lands on exactly the pixel the hand-written
// formulas this replaces gave (their tests compare against them). Boxes are rounded per edge, outward by
// default; results outside the int range saturate.
//
// Thread contract: a value type; reentrant.

#include "core/model/geometry.h"
#include "core/model/recognized_page.h"

#include <QPoint>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace incidoc {

/// How a mapped edge becomes a whole pixel.
enum class BoxRounding {
    Outward, ///< left/top down, right/bottom up: the box keeps every pixel it touched (recognized boxes)
    Nearest, ///< each edge to the nearest pixel, halves away from zero (a box drawn by hand)
};

/// A scale (x and y apart) with offsets from a source pixel grid into a target grid.
class PixelTransform {
public:
    /// The identity.
    PixelTransform() = default;
    /// target = (source - pre) * scale + post.
    PixelTransform(QPointF pre, double scaleX, double scaleY, QPointF post)
        : m_preX(pre.x()), m_preY(pre.y()), m_postX(post.x()), m_postY(post.y()), m_scaleX(scaleX), m_scaleY(scaleY)
    {
    }
    PixelTransform(QPointF pre, double scale, QPointF post) : PixelTransform(pre, scale, scale, post) {}

    /// target = source * scale: an image resampled by `scale`.
    static PixelTransform scaling(double scale) { return scaling(scale, scale); }
    static PixelTransform scaling(double scaleX, double scaleY) { return {{}, scaleX, scaleY, {}}; }
    /// target = source + (dx, dy).
    static PixelTransform translation(double dx, double dy) { return {{}, 1.0, 1.0, {dx, dy}}; }
    /// PDF points (1/72 in) to pixels at `dpi`.
    static PixelTransform pointsToPixels(double dpi) { return scaling(dpi / 72.0); }

    /// Target units per source unit.
    double scaleX() const { return m_divides ? 1.0 / m_scaleX : m_scaleX; }
    double scaleY() const { return m_divides ? 1.0 / m_scaleY : m_scaleY; }
    bool isIdentity() const;

    /// The mapping back: inverted().map(map(p)) == p up to floating-point rounding; inverted().inverted()
    /// is this transform exactly. A zero scale has no inverse (its inverse maps to infinities).
    PixelTransform inverted() const;
    /// This transform, then `next`: `then(next).map(p) == next.map(map(p))` up to floating-point rounding.
    PixelTransform then(const PixelTransform& next) const;

    double mapX(double x) const;
    double mapY(double y) const;
    QPointF map(const QPointF& p) const { return {mapX(p.x()), mapY(p.y())}; }
    /// The nearest target pixel of a point (halves away from zero).
    QPoint mapToPixel(const QPointF& p) const;
    /// The corner maps and the size scales, like QTransform::mapRect() for a positive scale.
    QRectF map(const QRectF& r) const;
    QRectF mapToRectF(const PixelBox& b) const { return map(QRectF(b.x0, b.y0, b.width(), b.height())); }

    /// A box given by its edges, each mapped and then rounded.
    PixelBox mapEdges(double x0, double y0, double x1, double y1, BoxRounding rounding = BoxRounding::Outward) const;
    PixelBox map(const PixelBox& b, BoxRounding rounding = BoxRounding::Outward) const
    {
        return mapEdges(b.x0, b.y0, b.x1, b.y1, rounding);
    }
    PixelBox mapToBox(const QRectF& r, BoxRounding rounding) const
    {
        return mapEdges(r.left(), r.top(), r.right(), r.bottom(), rounding);
    }

    /// A word's box and its characters' boxes (outward).
    void mapInPlace(RecognizedWord& word) const;
    /// Every box of a recognized page: words, their characters, lines and blocks (outward).
    void mapInPlace(RecognizedPage& page) const;
    /// The same, each box then clamped into a target page of `width` x `height` pixels.
    void mapInPlace(RecognizedPage& page, int width, int height) const;

    /// Exact: the same steps with the same numbers.
    bool operator==(const PixelTransform&) const = default;

private:
    void normalize();

    double m_preX = 0.0, m_preY = 0.0, m_postX = 0.0, m_postY = 0.0;
    double m_scaleX = 1.0, m_scaleY = 1.0;
    bool m_divides = false; ///< the scale divides (an inverse): (source - pre) / scale + post
};

} // namespace incidoc
