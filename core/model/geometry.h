#pragma once
// Coordinate spaces used in Incidoc (convert between them only with a PixelTransform,
// core/model/pixel_transform.h, which lists where each conversion is made):
//  - page pixels: the page image every stored box refers to. Origin top-left, x1/y1 exclusive.
//    For a PDF page: the render at the page's DPI after its /Rotate. For an image file: its own grid.
//  - PDF points (1/72 in): Poppler's text-layer boxes, already rotated like the render.
//    pointsToPixels() converts them.
//  - OCR input pixels: the page image rescaled by a factor s for the OCR engine;
//    PixelTransform::scaling(s).inverted() maps a box back to page pixels.
//  - region crop pixels: a region of the page cut out (and maybe enlarged) with a margin, for reading a
//    drawn box (core/ocr/region_reader.h).
//  - the page view's scene: page pixels themselves; the view's zoom maps the scene to the screen.

#include <algorithm>
#include <cmath> // for the files that take std::floor and std::ceil from here

namespace incidoc {

/// An axis-aligned box in page pixels: [x0, x1) x [y0, y1), origin top-left.
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    bool isEmpty() const { return x1 <= x0 || y1 <= y0; }
    long long area() const { return isEmpty() ? 0 : static_cast<long long>(width()) * height(); }

    PixelBox united(const PixelBox& o) const
    {
        if (isEmpty())
            return o;
        if (o.isEmpty())
            return *this;
        return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
    }
    PixelBox intersected(const PixelBox& o) const
    {
        return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
    }
    double iou(const PixelBox& o) const
    {
        const long long inter = intersected(o).area();
        const long long uni = area() + o.area() - inter;
        return uni > 0 ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
    }
    /// Clamp into a page of the given pixel size.
    PixelBox clampedTo(int width, int height) const
    {
        return {std::clamp(x0, 0, width), std::clamp(y0, 0, height), std::clamp(x1, 0, width),
                std::clamp(y1, 0, height)};
    }
    /// Edges moved outward by the given amounts (negative: inward), like QRect::adjusted().
    PixelBox adjusted(int dx0, int dy0, int dx1, int dy1) const { return {x0 + dx0, y0 + dy0, x1 + dx1, y1 + dy1}; }
    bool operator==(const PixelBox&) const = default;
};

/// A box in PDF points (x0,y0 top-left), converted to page pixels at `dpi` (outward):
/// PixelTransform::pointsToPixels(dpi), defined in pixel_transform.cpp.
PixelBox pointsToPixels(double x0, double y0, double x1, double y1, double dpi);

} // namespace incidoc
