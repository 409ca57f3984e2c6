#pragma once
// What a recognizer (OCR engine or PDF text layer) found on one page, in page pixels.

#include "core/model/geometry.h"

#include <QString>

#include <vector>

namespace incidoc {

/// One character of a word, in page pixels (for word splitting and character-level export).
struct RecognizedChar {
    QString text; ///< usually one code point; a ligature may be more
    PixelBox box;
    float confidence = 0.f; ///< 0-100
};

/// One engine's reading of a word (two-reader OCR keeps every reading).
struct WordReading {
    QString engine; ///< registry name: "tesseract", "ppocr"
    QString text;
    float confidence = 0.f; ///< 0-100
};

/// One word. `block` and `line` index RecognizedPage::blocks / lines.
struct RecognizedWord {
    QString text;
    PixelBox box;
    float confidence = 0.f; ///< 0-100; 100 for text-layer words
    int block = 0;
    int line = 0;
    std::vector<RecognizedChar> chars;
    QString engine;                        ///< registry name of the engine that read `text`; "" for a text layer
    bool flagged = false;                  ///< a person should look: the readers disagree, or both are unsure
    std::vector<WordReading> alternatives; ///< the other engines' readings (not the chosen one)
};

/// A block or a text line with its box and mean confidence.
struct TextRegion {
    PixelBox box;
    float confidence = 0.f;
};

/// Words in reading order (blocks, then lines, then left to right), with their lines and blocks.
struct RecognizedPage {
    std::vector<RecognizedWord> words;
    std::vector<TextRegion> lines;
    std::vector<TextRegion> blocks;
    QString engine; ///< e.g. "tesseract 5.3.0 (eng)" or "pdf text layer"
};

} // namespace incidoc
