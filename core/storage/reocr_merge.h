#pragma once
// Re-OCR over a page a person has worked on, as a pure function (no SQLite): which of the page's words
// survive, which new OCR words are left out, and the reading order of the result. Also the rule that
// places a word that is not part of a recognizer's result (a kept or user-drawn word) in that result's
// reading order. All boxes are in page pixels. Reentrant (pure functions).

#include "core/model/geometry.h"
#include "core/model/recognized_page.h"
#include "core/model/records.h"

#include <cstddef>
#include <vector>

namespace incidoc {

/// A new OCR word whose box overlaps a kept word's this much (IoU) is the same word: it is left out.
constexpr double kReocrKeepIou = 0.5;

/// A word of a result already in reading order, with the block and line it is on.
struct OrderedBox {
    PixelBox box;
    int block = 0, line = 0;
};

/// Where placeInReadingOrder puts a word.
struct Placement {
    std::size_t slot = 0;   ///< insert before ordered[slot] (ordered.size(): at the end)
    bool adoptLine = false; ///< placed on a line of the ordered words: take its block and line
    int block = 0, line = 0;
};

/// Right after its nearest left neighbour on the same text line (boxes overlapping vertically by at
/// least half the smaller height), else right before its nearest right neighbour on that line, else
/// after the last word (in reading order) whose centre lies above it, else first.
Placement placeInReadingOrder(const std::vector<OrderedBox>& ordered, const PixelBox& box);

/// A word the page has now, as the merge needs it.
struct CurrentWord {
    WordId id = 0;
    PixelBox box;
    int order = 0;             ///< its place in the page's reading order now
    bool keptByPerson = false; ///< a person drew or edited it: re-OCR never overwrites it
};

/// One word of the merged page. Its index in ReocrMerge::words is its new reading order.
struct MergedWord {
    enum class Kind { Kept, Recognized };
    Kind kind = Kind::Recognized;
    WordId keptId = 0;          ///< Kept: the existing word
    std::size_t recognized = 0; ///< Recognized: index into the new OCR words
    /// Recognized: always true, with the word's own block and line. Kept: true when the word was placed
    /// on a line of the new words (it takes that line's block and line), else it keeps its own.
    bool setsLine = false;
    int block = 0, line = 0;
};

struct ReocrMerge {
    std::vector<MergedWord> words;    ///< every word of the page afterwards, in reading order
    std::vector<WordId> removed;      ///< current words no person touched: the new OCR replaces them
    std::vector<std::size_t> dropped; ///< new OCR words a kept word covers (IoU >= kReocrKeepIou)
};

/// Merges a page's new OCR words into its current words. Kept: words a person edited or drew. Removed:
/// every other current word. New OCR words go in reading order (block, line, then left to right),
/// minus those a kept word covers. Each kept word is slotted into that order by placeInReadingOrder;
/// kept words in the same slot keep their old relative order.
ReocrMerge mergeReocr(const std::vector<CurrentWord>& current, const std::vector<RecognizedWord>& recognized);

} // namespace incidoc
