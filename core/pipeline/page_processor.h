#pragma once
// One page through the stages: text layer? → render → blank? → prepare → OCR, as a value.
// Reentrant: call from any pool thread with that thread's own OCR engine.

#include "core/imaging/prepare.h"
#include "core/model/records.h"
#include "core/ocr/ocr_engine.h"
#include "core/render/page_renderer.h"
#include "core/util/cancel_token.h"

#include <functional>
#include <optional>

namespace incidoc {

/// How pages are processed. Value type, shared read-only by every task of a run.
struct ProcessOptions {
    RenderOptions render; ///< DPI, pixel budget, render time limit
    QString languages = QStringLiteral("eng");
    BinarizeOptions binarize; ///< for the stored/exported page image
    /// Whether Tesseract reads the binarized image instead of the grey one (decided by measurement on
    /// the FUNSD pages: see the README's accuracy table).
    bool ocrReadsBinarized = false;
    bool normalizeTextSize = true; ///< rescale so capitals are kTargetCapHeightPx tall
    int ocrDeadlineMs =
        60'000; ///< per page (real 300 dpi scans take ~3 s; x1.25 + 10 s: a hung OCR is given up in 85 s)
    /// Which engines read a scanned page: "tesseract", "ppocr" or "tesseract+ppocr" (two readers:
    /// Tesseract's layout, PP-OCR re-reads each word). Empty: the profile decides.
    QString engines;
    /// "fast" (Tesseract alone) or "accurate" (two readers); the default for scanned pages is accurate.
    QString profile = QStringLiteral("accurate");
    /// Words read below this confidence (0-100) are flagged for review: on a page Tesseract reads alone
    /// (which flags none otherwise), and as the two readers' TwoReaderOptions::flagBelow. Unset: the
    /// engines' own rule. Set by a document type's profile (type_profiles.h).
    std::optional<float> reviewThreshold;
};

/// Where a page is, for those who give each phase its own time budget (the page host pool). Render: everything Poppler
/// does (text layer, render) and the preparation; Ocr: from getting the engine to the recognized words.
enum class PagePhase : quint8 { Render = 1, Ocr = 2 };
/// Told when a page enters a phase, on the thread processing it.
using PhaseFn = std::function<void(PagePhase)>;

/// Gives the calling thread's OCR engine of a family ("tesseract", "ppocr"), creating it on first use.
/// Errors when it cannot be made.
using EngineProvider = std::function<Result<OcrEngine*>(const QString& family)>;

/// Which engines read a scanned page under `options`: the first reads the page (layout, lines, words),
/// the second (empty: none) re-reads each word. "ppocr" alone: PP-OCR reads the page.
struct ReadingPlan {
    QString first;
    QString second;
};
ReadingPlan readingPlan(const ProcessOptions& options);

/// Processes one page. Never throws. A failure comes back as an outcome with status Failed and a
/// reason; cancellation comes back as an Error with code Cancelled, an engine that cannot be reached
/// (no OCR worker answers, fallback "stop") as code Unavailable: nothing to store in either case.
/// `onPhase` (optional) hears Render first, then Ocr when OCR begins.
Result<PageOutcome> processPage(const PageJob& job, const ProcessOptions& options, const EngineProvider& engine,
                                const CancelToken& cancel, const PhaseFn& onPhase = {});

} // namespace incidoc
