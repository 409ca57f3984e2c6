#pragma once
// Prepare: rescale a page so its text is the size the OCR engine reads best, and binarize it for
// storage and export. OpenCV inside; QImage (Format_Grayscale8) at the boundary. Reentrant.

#include "core/model/pixel_transform.h"
#include "core/model/types.h"

#include <QByteArray>
#include <QImage>

#include <optional>

namespace incidoc {

/// Capital height (pixels) at which Tesseract reads best.
inline constexpr double kTargetCapHeightPx = 30.0;

/// Estimates the typical capital-letter height of the text on a grey page, in its pixels, from the
/// connected components of a binarized copy. nullopt when the page has too few text-like components.
std::optional<double> estimateCapHeight(const QImage& grey);

/// The factor to scale a page by so capitals reach `target` px: clamped to [0.5, 4]; 1 when the
/// estimate is missing or already within 15% of the target.
double ocrScaleFactor(std::optional<double> capHeightPx, double target = kTargetCapHeightPx);

/// Resamples a grey image by `scale` (cubic up, area down). Returns the image itself for scale 1.
QImage rescaled(const QImage& grey, double scale);

/// A page ready for OCR: the grey page rescaled so its capitals are about `target` px. Measured on
/// the FUNSD forms, Tesseract reads this grey image better than any binarized version of it; hand the
/// engine dpi = page dpi x scale and map its boxes back with fromPage().inverted().
struct OcrInput {
    QImage image;                      ///< Format_Grayscale8
    double scale = 1.0;                ///< image = page x scale
    std::optional<double> capHeightPx; ///< the estimate on the page, in page pixels

    /// Page pixels to the pixels of `image`.
    PixelTransform fromPage() const { return PixelTransform::scaling(scale); }
};

/// estimateCapHeight -> ocrScaleFactor -> rescaled, in one call. A null page gives a null image.
OcrInput prepareForOcr(const QImage& grey, double target = kTargetCapHeightPx);

struct BinarizeOptions {
    BinarizeMethod method = BinarizeMethod::AdaptiveGaussian;
    int blockSize = 11; ///< odd; adaptive Gaussian and Sauvola window
    double c = 2.0;     ///< adaptive Gaussian: subtracted from the weighted mean
    double sauvolaK = 0.34;
};

/// Black text (0) on white (255), Format_Grayscale8. Method None returns the grey image unchanged.
QImage binarize(const QImage& grey, const BinarizeOptions& options = {});

/// A binarized page as a 1-bit PNG (the compact form for storing or exporting page images).
QByteArray encodeBilevelPng(const QImage& binary);

/// OpenCV version for provenance: "opencv 4.6.0".
QString opencvVersion();

} // namespace incidoc
