#pragma once
// Line mode's re-alignment, as a pure function: a text line's words (text and box) and the text a person
// typed for the whole line give the line's new words, each with a box. The old and new words are aligned
// by a word-level edit distance whose costs come from the characters (a word typed again unchanged costs
// nothing, a corrected word little, a word split by a typed space or joined by a deleted one little when
// its letters stay), so only what the person changed moves:
//  - a word whose text is the same keeps its box exactly; a word edited in place keeps its box too;
//  - a word split in two (or more) is cut at the ink gap nearest the place its characters give (without a
//    gap or an image: at that place);
//  - words joined get the union of their boxes;
//  - an inserted word gets the ink (or the space) between its neighbours, or, when there is none, a slice
//    of its nearest neighbour's box;
//  - a deleted word is gone.
// Every box of the result lies inside the union of the line's old boxes. All boxes are in page pixels
// (core/model/geometry.h). Reentrant (pure functions).

#include "core/model/geometry.h"

#include <QImage>
#include <QString>

#include <vector>

namespace incidoc {

/// One word of the line before the edit, in reading order.
struct LineWord {
    QString text;
    PixelBox box; ///< page pixels
};

/// The page image under the line, to find the ink gaps (columns without dark pixels). `image` shows the
/// page-pixel rectangle `area` at any scale (e.g. a crop of a lower-resolution render); any format, read as
/// grey. A null image: no ink is known, boxes are cut by character count.
struct LineInk {
    QImage image;
    PixelBox area; ///< page pixels shown by `image`
};

/// What became of a word of the new text.
enum class LineChange {
    Same,     ///< an old word typed again unchanged: its box
    Edited,   ///< an old word whose text changed: its box
    Split,    ///< a part of an old word cut in two or more
    Merged,   ///< old words joined into one: the union of their boxes
    Inserted, ///< a word with no old word: a box carved from its neighbours' space or ink
};

/// One word of the line after the edit, in the order typed.
struct AlignedWord {
    QString text;
    PixelBox box; ///< page pixels, inside the line's old union box
    LineChange change = LineChange::Inserted;
    /// Index (into the old words) of the word this one carries on (its identity: id, label, history), or -1
    /// for a new word. Same and Edited: the old word; Merged: the first of the joined words; Split: the old
    /// word for the first part, -1 for the others; Inserted: -1.
    int from = -1;
    /// Split: index of the old word cut; Merged: index of the last joined word; else `from`.
    int fromLast = -1;
};

struct LineAlignment {
    std::vector<AlignedWord> words; ///< the new words in the order of the typed text
    std::vector<int> removed;       ///< old words no new word carries on (deleted, or joined into another)
};

/// The typed text as words: split at white space, empty parts dropped.
std::vector<QString> lineTokens(const QString& text);

/// Aligns the old words of a line with `text`, the whole line as typed. An empty (or blank) `text` removes
/// every word. With no old words there is no line to place words in: the result is empty.
LineAlignment alignLine(const std::vector<LineWord>& words, const QString& text, const LineInk& ink = {});

} // namespace incidoc
