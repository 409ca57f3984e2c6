#include "core/model/pixel_transform.h"

#include <climits>
#include <cmath>

namespace incidoc {
namespace {

/// A rounded coordinate as an int, saturating instead of overflowing (a degenerate scale from a bad
/// file must not become undefined behaviour); NaN becomes 0.
int saturated(double v)
{
    if (std::isnan(v))
        return 0;
    if (v <= static_cast<double>(INT_MIN))
        return INT_MIN;
    if (v >= static_cast<double>(INT_MAX))
        return INT_MAX;
    return static_cast<int>(v);
}

template <typename Box>
void mapBoxes(const PixelTransform& t, std::vector<Box>& items)
{
    for (auto& item : items)
        item.box = t.map(item.box);
}

} // namespace

bool PixelTransform::isIdentity() const
{
    return m_preX == 0.0 && m_preY == 0.0 && m_postX == 0.0 && m_postY == 0.0 && m_scaleX == 1.0 && m_scaleY == 1.0;
}

PixelTransform PixelTransform::inverted() const
{
    PixelTransform inv = *this;
    inv.m_preX = m_postX;
    inv.m_preY = m_postY;
    inv.m_postX = m_preX;
    inv.m_postY = m_preY;
    inv.m_divides = !m_divides;
    inv.normalize();
    return inv;
}

PixelTransform PixelTransform::then(const PixelTransform& next) const
{
    if (isIdentity())
        return next;
    if (next.isIdentity())
        return *this;
    // next(this(p)) = (p - pre) * scale * next.scale + next(post).
    PixelTransform out;
    out.m_preX = m_preX;
    out.m_preY = m_preY;
    out.m_postX = next.mapX(m_postX);
    out.m_postY = next.mapY(m_postY);
    if (m_divides == next.m_divides) {
        out.m_divides = m_divides;
        out.m_scaleX = m_scaleX * next.m_scaleX;
        out.m_scaleY = m_scaleY * next.m_scaleY;
    } else {
        out.m_scaleX = scaleX() * next.scaleX();
        out.m_scaleY = scaleY() * next.scaleY();
    }
    out.normalize();
    return out;
}

void PixelTransform::normalize()
{
    if (m_scaleX == 1.0 && m_scaleY == 1.0)
        m_divides = false; // dividing by 1 and multiplying by 1 are the same, exactly
}

double PixelTransform::mapX(double x) const
{
    return m_divides ? (x - m_preX) / m_scaleX + m_postX : (x - m_preX) * m_scaleX + m_postX;
}

double PixelTransform::mapY(double y) const
{
    return m_divides ? (y - m_preY) / m_scaleY + m_postY : (y - m_preY) * m_scaleY + m_postY;
}

QPoint PixelTransform::mapToPixel(const QPointF& p) const
{
    return {saturated(std::round(mapX(p.x()))), saturated(std::round(mapY(p.y())))};
}

QRectF PixelTransform::map(const QRectF& r) const
{
    return {mapX(r.x()), mapY(r.y()), m_divides ? r.width() / m_scaleX : r.width() * m_scaleX,
            m_divides ? r.height() / m_scaleY : r.height() * m_scaleY};
}

PixelBox PixelTransform::mapEdges(double x0, double y0, double x1, double y1, BoxRounding rounding) const
{
    x0 = mapX(x0);
    y0 = mapY(y0);
    x1 = mapX(x1);
    y1 = mapY(y1);
    if (rounding == BoxRounding::Nearest)
        return {saturated(std::round(x0)), saturated(std::round(y0)), saturated(std::round(x1)),
                saturated(std::round(y1))};
    return {saturated(std::floor(x0)), saturated(std::floor(y0)), saturated(std::ceil(x1)), saturated(std::ceil(y1))};
}

void PixelTransform::mapInPlace(RecognizedWord& word) const
{
    word.box = map(word.box);
    mapBoxes(*this, word.chars);
}

void PixelTransform::mapInPlace(RecognizedPage& page) const
{
    for (auto& w : page.words)
        mapInPlace(w);
    mapBoxes(*this, page.lines);
    mapBoxes(*this, page.blocks);
}

void PixelTransform::mapInPlace(RecognizedPage& page, int width, int height) const
{
    auto clamp = [width, height](auto& items) {
        for (auto& item : items)
            item.box = item.box.clampedTo(width, height);
    };
    mapInPlace(page);
    for (auto& w : page.words) {
        w.box = w.box.clampedTo(width, height);
        clamp(w.chars);
    }
    clamp(page.lines);
    clamp(page.blocks);
}

// Declared in geometry.h, which cannot include this header.
PixelBox pointsToPixels(double x0, double y0, double x1, double y1, double dpi)
{
    return PixelTransform::pointsToPixels(dpi).mapEdges(x0, y0, x1, y1);
}

} // namespace incidoc
