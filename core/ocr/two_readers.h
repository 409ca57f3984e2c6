#pragma once
// Two-reader OCR: Tesseract gives the layout, lines and word boxes; a second engine (PP-OCR) re-reads each
// word's crop. Both readings are kept; the chosen one is decided from agreement and both confidences, and
// a word is flagged for review when the readers disagree or both are unsure.

#include "core/model/recognized_page.h"
#include "core/ocr/ocr_engine.h"

namespace incidoc {

/// The rules, tuned on the public FUNSD training forms (tests/core/ocr/readers_dump and the README's
/// two-reader figures): where the readers disagree, PP-OCR wins only when it is sure and surer than
/// Tesseract; a word both doubt is almost always noise (a rule, a speck), and is dropped.
struct TwoReaderOptions {
    /// Words Tesseract reads at this confidence or above are not re-read (100.5: every word is). On 20
    /// FUNSD forms re-reading the 23 % of words below 90 gave the same F1 as re-reading all (0.672),
    /// with fewer flags; PP-OCR costs about 30 ms per word on one core, so this is what keeps it cheap.
    float rereadBelow = 90.f;
    /// The second reading wins a disagreement at this confidence or above, and only when it is this
    /// much surer than Tesseract.
    float takeSecondAbove = 90.f;
    float takeSecondMargin = 10.f;
    /// Readers that agree are flagged when either is below this.
    float flagBelow = 80.f;
    /// A word Tesseract reads below `dropFirstBelow` and the second reader below `dropSecondBelow` (or
    /// not at all) is dropped: of 272 such words on 20 forms, 267 were not words.
    float dropFirstBelow = 60.f;
    float dropSecondBelow = 80.f;
    /// Crop each word over its line's full height (else over its own box): measured worse on FUNSD.
    bool spanLine = false;
};

/// The decision for one word, given both readings (exposed for tests and tuning).
struct TwoReaderChoice {
    bool takeSecond = false;
    bool flagged = false;
    bool drop = false;
};
TwoReaderChoice chooseReading(const QString& first, float firstConfidence, const QString& second,
                              float secondConfidence, const TwoReaderOptions& options);

/// Re-reads `page`'s words (boxes in `grey`'s pixels) with `second` (registry name `secondName`), and
/// sets each word's text, confidence, engine, flag and alternatives. The page's own words must come from
/// Tesseract (`engine` "tesseract" is set on every word first). Errors: what `second` returns.
Status readTwice(RecognizedPage& page, const QImage& grey, OcrEngine& second, const QString& secondName,
                 const TwoReaderOptions& options, const CancelToken& cancel);

} // namespace incidoc
