#pragma once
// Coordinate spaces used in Incidoc (convert between them only in the functions named here):
//  - page pixels: the page image every stored box refers to. Origin top-left, x1/y1 exclusive.
//    For a PDF page: the render at the page's DPI after its /Rotate. For an image file: its own grid.
//  - PDF points (1/72 in): Poppler's text-layer boxes, already rotated like the render.
//    pointsToPixels() converts them.
//  - OCR input pixels: the page image rescaled by a factor s for the OCR engine;
//    PixelBox::unscaled(s) maps a box back to page pixels.

#include <algorithm>
#include <cmath>

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
    /// Map a box found in an image scaled by `scale` back to the unscaled image (outward rounding).
    PixelBox unscaled(double scale) const
    {
        if (scale == 1.0)
            return *this;
        return {static_cast<int>(std::floor(x0 / scale)), static_cast<int>(std::floor(y0 / scale)),
                static_cast<int>(std::ceil(x1 / scale)), static_cast<int>(std::ceil(y1 / scale))};
    }
    bool operator==(const PixelBox&) const = default;
};

/// A box in PDF points (x0,y0 top-left), converted to page pixels at `dpi`.
inline PixelBox pointsToPixels(double x0, double y0, double x1, double y1, double dpi)
{
    const double k = dpi / 72.0;
    return {static_cast<int>(std::floor(x0 * k)), static_cast<int>(std::floor(y0 * k)),
            static_cast<int>(std::ceil(x1 * k)), static_cast<int>(std::ceil(y1 * k))};
}

} // namespace incidoc
