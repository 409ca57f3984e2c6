// The re-OCR merge and the reading-order placement on their own (core/storage/reocr_merge.h), without
// SQLite: which words a person's work keeps, which new OCR words are left out, and the reading order.
#include "core/storage/reocr_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace incidoc {
namespace {

RecognizedWord ocrWord(const char* text, const PixelBox& box, int block, int line)
{
    RecognizedWord w;
    w.text = QString::fromUtf8(text);
    w.box = box;
    w.block = block;
    w.line = line;
    w.confidence = 90.f;
    return w;
}

// The merged page as text: "+text" a new OCR word, "#id" a kept word (with "@block.line" when it took a
// line of the new words).
std::vector<std::string> spell(const ReocrMerge& m, const std::vector<RecognizedWord>& ocr)
{
    std::vector<std::string> out;
    for (const MergedWord& w : m.words) {
        if (w.kind == MergedWord::Kind::Recognized) {
            out.push_back("+" + ocr[w.recognized].text.toStdString());
        } else {
            std::string s = "#" + std::to_string(w.keptId);
            if (w.setsLine)
                s += "@" + std::to_string(w.block) + "." + std::to_string(w.line);
            out.push_back(s);
        }
    }
    return out;
}

using Strings = std::vector<std::string>;

// Two lines of three words, 300-dpi-like: y 100-140 and 200-240, words 100 px wide with 50 px gaps.
std::vector<RecognizedWord> twoLines()
{
    return {ocrWord("a1", {100, 100, 200, 140}, 0, 0), ocrWord("a2", {250, 100, 350, 140}, 0, 0),
            ocrWord("a3", {400, 100, 500, 140}, 0, 0), ocrWord("b1", {100, 200, 200, 240}, 0, 1),
            ocrWord("b2", {250, 200, 350, 240}, 0, 1), ocrWord("b3", {400, 200, 500, 240}, 0, 1)};
}

TEST(ReocrMerge, PageWithoutWordsTakesTheNewWordsInReadingOrder)
{
    // Given out of order: sorted by block, line, then left to right.
    const std::vector<RecognizedWord> ocr{ocrWord("b1", {100, 200, 200, 240}, 1, 0),
                                          ocrWord("a2", {250, 100, 350, 140}, 0, 0),
                                          ocrWord("a1", {100, 100, 200, 140}, 0, 0)};
    const ReocrMerge m = mergeReocr({}, ocr);
    EXPECT_EQ(spell(m, ocr), (Strings{"+a1", "+a2", "+b1"}));
    EXPECT_TRUE(m.removed.empty());
    EXPECT_TRUE(m.dropped.empty());
    for (const MergedWord& w : m.words) {
        EXPECT_TRUE(w.setsLine); // new words keep their own block and line
        EXPECT_EQ(w.block, ocr[w.recognized].block);
        EXPECT_EQ(w.line, ocr[w.recognized].line);
    }
}

TEST(ReocrMerge, SortIsStableForWordsAtTheSamePlace)
{
    const std::vector<RecognizedWord> ocr{ocrWord("first", {100, 100, 200, 140}, 0, 0),
                                          ocrWord("second", {100, 100, 200, 140}, 0, 0)};
    EXPECT_EQ(spell(mergeReocr({}, ocr), ocr), (Strings{"+first", "+second"}));
}

TEST(ReocrMerge, UneditedWordsAreReplacedEditedAndDrawnOnesKept)
{
    const std::vector<CurrentWord> current{{1, {100, 100, 200, 140}, 0, false},
                                           {2, {250, 100, 350, 140}, 1, true},
                                           {3, {400, 100, 500, 140}, 2, false},
                                           {4, {900, 900, 990, 940}, 3, true}};
    const std::vector<RecognizedWord> ocr = twoLines();
    const ReocrMerge m = mergeReocr(current, ocr);
    EXPECT_EQ(m.removed, (std::vector<WordId>{1, 3}));
    // Word 2 is where a2 was: a2 is the same word and is left out.
    ASSERT_EQ(m.dropped.size(), 1u);
    EXPECT_EQ(ocr[m.dropped[0]].text, "a2");
    // Word 2 follows a1 on its line and takes that line; word 4 is below everything: last, own line.
    EXPECT_EQ(spell(m, ocr), (Strings{"+a1", "#2@0.0", "+a3", "+b1", "+b2", "+b3", "#4"}));
}

TEST(ReocrMerge, IouThreshold)
{
    const std::vector<RecognizedWord> ocr{ocrWord("w", {0, 0, 100, 100}, 0, 0)};
    // 0 - 200 wide against 0 - 100: IoU exactly 0.5 -> the same word.
    EXPECT_EQ(mergeReocr({{1, {0, 0, 200, 100}, 0, true}}, ocr).dropped.size(), 1u);
    // 0 - 201: IoU 100/201 < 0.5 -> a different word, both stay.
    const ReocrMerge m = mergeReocr({{1, {0, 0, 201, 100}, 0, true}}, ocr);
    EXPECT_TRUE(m.dropped.empty());
    EXPECT_EQ(m.words.size(), 2u);
    // An unedited word never removes a new one, however much they overlap.
    const ReocrMerge replaced = mergeReocr({{1, {0, 0, 100, 100}, 0, false}}, ocr);
    EXPECT_TRUE(replaced.dropped.empty());
    EXPECT_EQ(spell(replaced, ocr), (Strings{"+w"}));
}

TEST(ReocrMerge, KeptWordGoesBeforeItsRightNeighbourWhenNothingIsLeftOfIt)
{
    const std::vector<RecognizedWord> ocr = twoLines();
    const ReocrMerge m = mergeReocr({{5, {10, 200, 60, 240}, 0, true}}, ocr);
    EXPECT_EQ(spell(m, ocr), (Strings{"+a1", "+a2", "+a3", "#5@0.1", "+b1", "+b2", "+b3"}));
}

TEST(ReocrMerge, KeptWordOffAnyLineGoesAfterTheWordsAboveIt)
{
    const std::vector<RecognizedWord> ocr = twoLines();
    // Between the two lines (y 160-180): overlaps neither line, below line a's centre.
    const ReocrMerge between = mergeReocr({{5, {600, 160, 700, 180}, 0, true}}, ocr);
    EXPECT_EQ(spell(between, ocr), (Strings{"+a1", "+a2", "+a3", "#5", "+b1", "+b2", "+b3"}));
    // Above everything: first.
    const ReocrMerge top = mergeReocr({{5, {100, 10, 200, 40}, 0, true}}, ocr);
    EXPECT_EQ(spell(top, ocr), (Strings{"#5", "+a1", "+a2", "+a3", "+b1", "+b2", "+b3"}));
}

TEST(ReocrMerge, KeptWordsInOneSlotKeepTheirOldOrder)
{
    const std::vector<RecognizedWord> ocr = twoLines();
    // Three kept words right of a3 on line a: all in the slot after a3, in their old order (ord, then
    // id), whatever their position on the page or the order they are given in.
    const std::vector<CurrentWord> current{
        {30, {700, 100, 800, 140}, 5, true}, {10, {900, 100, 990, 140}, 2, true}, {20, {550, 100, 650, 140}, 2, true}};
    const ReocrMerge m = mergeReocr(current, ocr);
    EXPECT_EQ(spell(m, ocr), (Strings{"+a1", "+a2", "+a3", "#10@0.0", "#20@0.0", "#30@0.0", "+b1", "+b2", "+b3"}));
}

TEST(ReocrMerge, EveryWordOnceAndOrderIsTheIndex)
{
    const std::vector<RecognizedWord> ocr = twoLines();
    const std::vector<CurrentWord> current{{1, {100, 100, 200, 140}, 0, true},
                                           {2, {250, 200, 350, 240}, 1, false},
                                           {3, {2000, 3000, 2100, 3040}, 2, true}};
    const ReocrMerge m = mergeReocr(current, ocr);
    // Words after the merge: kept (2) + new (6) - dropped (a1, covered by 1).
    EXPECT_EQ(m.words.size(), 2u + ocr.size() - m.dropped.size());
    std::vector<int> seenNew(ocr.size(), 0);
    int kept = 0;
    for (const MergedWord& w : m.words) {
        if (w.kind == MergedWord::Kind::Kept)
            ++kept;
        else
            ++seenNew[w.recognized];
    }
    EXPECT_EQ(kept, 2);
    for (std::size_t i = 0; i < ocr.size(); ++i) {
        const bool dropped = std::find(m.dropped.begin(), m.dropped.end(), i) != m.dropped.end();
        EXPECT_EQ(seenNew[i], dropped ? 0 : 1) << i;
    }
    EXPECT_EQ(m.removed, (std::vector<WordId>{2}));
}

// ---- placeInReadingOrder on its own -----------------------------------------------------------------

TEST(PlaceInReadingOrder, LeftNeighbourOnTheLineWinsOverRight)
{
    const std::vector<OrderedBox> ordered{
        {{100, 100, 200, 140}, 0, 0}, {{400, 100, 500, 140}, 0, 0}, {{100, 200, 200, 240}, 1, 3}};
    const Placement p = placeInReadingOrder(ordered, {250, 105, 350, 145});
    EXPECT_EQ(p.slot, 1u);
    EXPECT_TRUE(p.adoptLine);
    EXPECT_EQ(p.block, 0);
    EXPECT_EQ(p.line, 0);
    // On the second line, right of its only word: after it, with its block and line.
    const Placement q = placeInReadingOrder(ordered, {300, 200, 350, 240});
    EXPECT_EQ(q.slot, 3u);
    EXPECT_TRUE(q.adoptLine);
    EXPECT_EQ(q.block, 1);
    EXPECT_EQ(q.line, 3);
}

TEST(PlaceInReadingOrder, SameLineNeedsHalfTheSmallerHeight)
{
    const std::vector<OrderedBox> ordered{{{100, 100, 200, 140}, 0, 0}};
    // 20 of 40 px overlap: same line.
    EXPECT_TRUE(placeInReadingOrder(ordered, {300, 120, 400, 160}).adoptLine);
    // 19 px: not the same line; its top (121) is below the word's centre (120): after it, own line.
    const Placement p = placeInReadingOrder(ordered, {300, 121, 400, 161});
    EXPECT_FALSE(p.adoptLine);
    EXPECT_EQ(p.slot, 1u);
    // An empty result: first.
    EXPECT_EQ(placeInReadingOrder({}, {0, 0, 10, 10}).slot, 0u);
}

} // namespace
} // namespace incidoc
