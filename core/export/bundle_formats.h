#pragma once
// The per-page pieces of an `incidoc.bundle/1` ZIP (../shared/specs/bundle.md): entry names, hOCR 1.2,
// ALTO v4, COCO and Label Studio fragments, the metrics row and the visualization JPEG. Each function
// turns one page (with its words) into bytes, so the export can run them for many pages in parallel.
//
// Threading: every function is reentrant (no shared state); drawVisualization paints on a QImage, which
// is safe off the GUI thread.

#include "core/model/records.h"

#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>

#include <array>
#include <vector>

namespace incidoc {

/// One exported page with everything its formats need. Coordinates: page pixels (core/model/geometry.h).
struct BundlePage {
    DocumentRecord document;
    QString slug;                    ///< the document's folder in the bundle
    PageRecord page;
    std::vector<WordRecord> words;   ///< reading order
    QString imagePath;               ///< entry name of the page image ("images/<slug>/page-0001.png")
    bool hasImage = false;           ///< false: --images none, or the page was never rendered
};

/// A document's file stem as an ASCII slug (letters, digits, '-', '_'; accents dropped, anything else
/// becomes '-', at most 60 characters, never empty: "document"). Reentrant.
QString bundleSlug(const QString& fileName);

/// Slugs for documents in the order given, made unique (case-insensitively) with -2, -3, ...
std::vector<QString> bundleSlugs(const std::vector<DocumentRecord>& documents);

/// "page-0001" for page 1 (more digits past 9999).
QString pageStem(int number);

/// hOCR 1.2 (XHTML): ocr_page > ocr_carea > ocr_line > ocrx_word with bbox and x_wconf.
QByteArray pageToHocr(const BundlePage& page);

/// ALTO v4: Page > PrintSpace > TextBlock > TextLine > String (CONTENT, WC 0-1), pixel units.
QByteArray pageToAlto(const BundlePage& page);

/// Categories for COCO: 1 is "word" (unlabelled words), then one per label in the order given.
QHash<QString, int> cocoCategoryIds(const std::vector<LabelRecord>& labels);

/// The opening of coco.json up to and including `"annotations":[` (categories in `cocoCategoryIds` order).
/// The annotations follow, then cocoMiddle(), the images, and "]}".
QByteArray cocoHead(const std::vector<LabelRecord>& labels, const QString& created);
/// `],"images":[` : between the annotations and the images.
QByteArray cocoMiddle();

/// The COCO `images` item of a page (compact JSON object).
QByteArray cocoImage(const BundlePage& page, int imageId);

/// The COCO `annotations` items of a page, comma-separated (compact JSON objects), ids from
/// `firstAnnotationId`; starts with a comma when `leadingComma`. Empty when the page has no words.
QByteArray cocoAnnotations(const BundlePage& page, int imageId, long long firstAnnotationId,
                           const QHash<QString, int>& categories, bool leadingComma);

/// One Label Studio task for the OCR template (data.ocr; rectangle + textarea (+ labels) results sharing
/// an id, in percent of the image). Reviewed pages carry `annotations`, the others `predictions`.
QByteArray labelStudioTask(const BundlePage& page, int taskId);

/// Counts of one page for metrics/summary.json (added up over the bundle).
struct PageStats {
    long long words = 0, lowConfidence = 0, edited = 0, labelled = 0, reviewedWords = 0, userWords = 0;
    long long withConfidence = 0;  ///< words that have a confidence (not drawn by a person)
    double confidenceSum = 0;
    std::array<long long, 10> histogram{}; ///< confidences in [0,10), [10,20), ... [90,100]
    QHash<QString, long long> labels;      ///< words per label name
    void add(const PageStats& other);
};
PageStats pageStats(const BundlePage& page, double lowConfidence);

/// metrics/pages.csv header line and one row (with the newline).
QByteArray pagesCsvHeader();
QByteArray pagesCsvRow(const BundlePage& page, const PageStats& stats);

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

} // namespace incidoc
