#pragma once
// Page detection: where is the page in a photo or a camera frame? The four corners of the sheet of paper,
// found against a cluttered or textured background, in shadow, with low-contrast edges, with a corner out of
// frame. OpenCV inside; QImage at the boundary (any format). Reentrant.

#include <QImage>
#include <QPointF>
#include <QString>

#include <array>

namespace incidoc {

struct PageDetectOptions {
    int workSize = 640; ///< the longer side the image is analysed at (the corners are given at full size)
};

struct PageDetection {
    bool found = false;
    std::array<QPointF, 4> corners; ///< top left, top right, bottom right, bottom left, in the image's pixels
    double confidence = 0;          ///< 0..1
    bool cutByFrame = false;        ///< a part of the page lies outside the image (its corners estimated)
    QString note;                   ///< why nothing was found, or what was estimated
};

/// Finds the page. `found` is false when no page-like quadrilateral covers a plausible share of the image.
PageDetection detectPage(const QImage& image, const PageDetectOptions& options = {});

} // namespace incidoc
