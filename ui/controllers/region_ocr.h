#pragma once
// OCR of one region of a page, for "draw a box" (its text prefills the new word) and "re-OCR the
// selection with other settings" (its words replace the selected ones). Renders the page, crops the
// region with a white margin, optionally enlarges it to read at a higher resolution, recognizes it with
// the core TesseractEngine and maps the words back into page pixels.
//
// Thread contract: ocrRegion() is reentrant and meant for a worker thread: it takes values only and
// makes its own Tesseract engine for the call.

#include "core/model/records.h"

#include <QString>

#include <vector>

namespace incidoc::ui {

/// What to read. Boxes are in page pixels (the grid the page's words are stored in, `pageDpi`).
struct RegionOcrRequest {
    QString path;                   ///< the document's source file
    DocumentKind kind = DocumentKind::Pdf;
    int number = 1;                 ///< 1-based page number
    int pageDpi = 300;              ///< the page's pixel grid (PageRecord::dpi; 0: 300)
    int pageWidthPx = 0;            ///< PageRecord::widthPx (0: unknown)
    PixelBox box;                   ///< the region, page pixels
    QString languages = QStringLiteral("eng");
    int readDpi = 0;                ///< resolution to read the region at (0: the page's)
};

/// The words read, in page pixels and reading order; `error` says why nothing could be read.
struct RegionOcrResult {
    std::vector<RecognizedWord> words;
    QString error;
    /// The words' texts joined by spaces (the prefill of a drawn box).
    QString text() const;
};

/// Reads the region. Never throws.
RegionOcrResult ocrRegion(const RegionOcrRequest& request);

} // namespace incidoc::ui
