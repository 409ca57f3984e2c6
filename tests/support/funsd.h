#pragma once
// FUNSD ground truth (../shared/testdata/funsd) and a word-level scorer for OCR output.
// A predicted word matches a truth word when their boxes overlap with IoU >= 0.5 and the texts are
// identical; matching is one-to-one, greedy by descending IoU. Reentrant.

#include "core/model/geometry.h"
#include "core/model/types.h"

#include <QString>

#include <vector>

namespace incidoc::test {

/// A word with its box in the page image's pixels (FUNSD: [left, top, right, bottom]).
struct FunsdWord {
    QString text;
    PixelBox box;
};

/// One annotated form: its image and its words (truth words with empty text are left out).
struct FunsdPage {
    QString name;      ///< file stem, e.g. "0000971160"
    QString imagePath; ///< images/<name>.png
    std::vector<FunsdWord> words;
};

/// Reads every annotations/*.json under `dataDir` (e.g. testData("funsd/training_data")), sorted by
/// name. Empty when the folder has none; a file that does not parse is skipped with a warning.
std::vector<FunsdPage> loadFunsdPages(const QString& dataDir);

/// Counts of one scoring; add them up over pages, then read precision / recall / F1.
struct WordScore {
    int predicted = 0;
    int truth = 0;
    int matched = 0;

    double precision() const { return predicted ? double(matched) / predicted : 0.0; }
    double recall() const { return truth ? double(matched) / truth : 0.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    WordScore& operator+=(const WordScore& o)
    {
        predicted += o.predicted;
        truth += o.truth;
        matched += o.matched;
        return *this;
    }
};

/// Scores predicted words against truth words of one page. Predicted words with empty text count
/// as nothing (neither predicted nor matched).
WordScore scoreWords(const std::vector<FunsdWord>& predicted, const std::vector<FunsdWord>& truth, double minIou = 0.5);

/// How a FUNSD page goes through the pipeline the app uses: grey page -> estimateCapHeight ->
/// ocrScaleFactor -> rescaled -> (grey or binarize) -> TesseractEngine -> boxes back to page pixels.
struct FunsdPipeline {
    bool rescale = true;
    double targetCapHeightPx = 30.0;
    BinarizeMethod binarize = BinarizeMethod::None; ///< what Tesseract reads: grey (None) or binary
    int blockSize = 11;                             ///< binarize window (BinarizeOptions::blockSize)
    int assumedDpi = 100;                           ///< FUNSD PNGs carry no dpi; they are ~100 dpi scans
};

/// One page's outcome.
struct FunsdPageRun {
    QString name;
    double scale = 1.0;
    double capHeightPx = 0.0; ///< estimate on the original page; 0 when none
    WordScore score;
    QString error; ///< empty when OCR succeeded
};

/// Runs `pipeline` on `pages` with `threads` worker threads, one Tesseract engine per thread
/// (reused for every page that thread takes). Results in the order of `pages`.
std::vector<FunsdPageRun> runFunsd(const std::vector<FunsdPage>& pages, const FunsdPipeline& pipeline, int threads = 2);

} // namespace incidoc::test
