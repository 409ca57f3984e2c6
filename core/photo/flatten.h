#pragma once
// Flattening: a photographed page made flat. A perspective transform from the page's four corners onto a
// rectangle at a chosen DPI, deskewed (by turning the corners, see deskewed()), with the illumination evened out (a
// shadow, a lamp's gradient). OpenCV inside; QImage at the boundary. Reentrant.

#include "core/model/photo_geometry.h"

#include <QImage>
#include <QString>

namespace incidoc {

struct FlattenOptions {
    int dpi = 300;                   ///< the flat page's resolution (its size in inches is assumed, see planFlattening)
    bool evenLight = true;           ///< even out the illumination
    qint64 pixelBudget = 40'000'000; ///< the flat page's pixels at most (a lower DPI otherwise)
};

/// The geometry of a page at `corners` in a photo of `photoSize`: the page's aspect ratio from the
/// quadrilateral, its size in pixels at the DPI (never far above what the photo resolves), state Flattened.
PhotoGeometry planFlattening(QSize photoSize, const std::array<QPointF, 4>& corners,
                             const FlattenOptions& options = {});

/// The flat page (Format_Grayscale8, geometry.pageSize) from the upright photo (any format). A geometry
/// that is not flattened gives the photo in grey, as it is.
QImage flattenPhoto(const QImage& photo, const PhotoGeometry& geometry);

/// The slope of the text lines on a flat page, in degrees (positive: lines fall to the right, clockwise on
/// screen), from -5 to 5; 0 when there is too little text to tell.
double textSkewDegrees(const QImage& page);

/// The geometry with its corners turned so that its flat page's text lines come out level: the page rotated
/// by `degrees` (textSkewDegrees of its flat page) about its centre, mapped back onto the photo. The flat
/// page keeps its size; boxes still map back through photoToPage/pageToPhoto.
PhotoGeometry deskewed(const PhotoGeometry& geometry, double degrees);

} // namespace incidoc
