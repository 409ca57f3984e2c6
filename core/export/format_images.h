#pragma once
// The image entries of a bundle: the page image as PNG (images/<doc>/page-NNNN.png) and the
// visualization JPEG (visualizations/<doc>/page-NNNN.jpg).
//
// Threading: reentrant; drawVisualization paints on a QImage, which is safe off the GUI thread.

#include "core/export/bundle_page.h"

#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>

namespace incidoc {

/// A page image as PNG at zlib `level`: `bilevel` makes a 1-bit greyscale PNG (pixels >= 128 white, the
/// same cut as core/imaging encodeBilevelPng, which uses level 9: measured 0.83 s against 0.07 s at level 6
/// on a noisy scanned page, for 7% more bytes), else an 8-bit greyscale PNG (Up filter). `grey` is
/// Format_Grayscale8. Empty on failure. Reentrant.
QByteArray encodeGreyPng(const QImage& grey, bool bilevel, int level = 6);

/// The page image with each word's box drawn in its label's colour (unlabelled: blue), low-confidence
/// words (confidence < `lowConfidence`) marked with a red dashed outline, scaled so its long side is at
/// most `maxSide` pixels, as a JPEG. Empty on failure.
QByteArray drawVisualization(const QImage& grey, const BundlePage& page, const QHash<QString, QColor>& labelColors,
                             double lowConfidence, int maxSide = 1700, int quality = 85);

/// A photographed page (page.page.photo flattened): the photo it was read from (its source file, upright) with
/// the page's outline and each word's box mapped back onto it (PhotoGeometry::pageToPhoto(), so boxes become
/// quadrilaterals), coloured as drawVisualization() does, long side at most `maxSide`, as a JPEG. Empty when
/// the page is not a flattened photo or the photo cannot be read.
QByteArray drawPhotoVisualization(const BundlePage& page, const QHash<QString, QColor>& labelColors,
                                  double lowConfidence, int maxSide = 1700, int quality = 85);

} // namespace incidoc
