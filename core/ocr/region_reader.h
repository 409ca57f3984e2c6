#pragma once
// Reading one region of a page: "draw a box" (its text prefills the new word) and "re-OCR the selection
// with other settings". Crops the rendered page to the region with a white margin, enlarges the crop when
// the page cannot be rendered finer (an image), recognizes it and maps the words back into page pixels.
// Rendering is the caller's (it may happen in a page host); so is the engine (recognize).
//
// Thread contract: reentrant; takes values only.

#include "core/model/recognized_page.h"
#include "core/model/types.h"
#include "core/ocr/ocr_engine.h"

#include <QImage>
#include <QString>

#include <functional>
#include <vector>

namespace incidoc {

/// What to read. The box is in page pixels: the grid the page's words are stored in (`pageDpi`).
struct RegionRequest {
    DocumentKind kind = DocumentKind::Pdf;
    int pageDpi = 300;   ///< the page's pixel grid (PageRecord::dpi; 0: 300)
    int pageWidthPx = 0; ///< PageRecord::widthPx (0: unknown)
    PixelBox box;        ///< the region, page pixels
    QString languages = QStringLiteral("eng");
    int readDpi = 0; ///< resolution to read the region at (0: the page's)
};

/// The DPI to render the page at for `request` (the renderer may give less for a huge page).
int regionRenderDpi(const RegionRequest& request);

/// Recognizes a crop (grey, boxes in its pixels). Called once per readRegion(), on the caller's thread.
using RegionRecognizer = std::function<Result<RecognizedPage>(const QImage& crop, const OcrOptions& options)>;

/// Reads the region from `rendered`, the page rendered at `renderedDpi` (RenderedPage::image and ::dpi).
/// The words come in reading order, trimmed, without empty ones, their boxes (and their characters') in
/// page pixels. Errors: NotFound (the region is outside the page), else the recognizer's.
Result<std::vector<RecognizedWord>> readRegion(const QImage& rendered, int renderedDpi, const RegionRequest& request,
                                               const RegionRecognizer& recognize);

/// A recognizer with a Tesseract engine made for the one call. An engine that outlives the call on a pool
/// thread outlived Tesseract's own globals at exit ("free(): invalid pointer"); a region is read on a
/// person's request, so the engine's start-up (~0.2 s) is affordable.
Result<RecognizedPage> recognizeWithOwnTesseract(const QImage& crop, const OcrOptions& options);

} // namespace incidoc
