// Line mode's re-alignment on its own (core/review/line_align.h): which old word each typed word carries on,
// where split, joined and inserted words get their boxes (at the ink gaps of a drawn line image when there is
// one), and that every box stays inside the line.
#include "core/review/line_align.h"

#include <QColor>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace incidoc {

// Readable failures: a box as [x0,y0 x1,y1].
void PrintTo(const PixelBox& b, std::ostream* os)
{
    *os << "[" << b.x0 << "," << b.y0 << " " << b.x1 << "," << b.y1 << "]";
}

namespace {

constexpr int kTop = 100, kBottom = 140;

LineWord word(const char* text, int x0, int x1)
{
    return {QString::fromUtf8(text), {x0, kTop, x1, kBottom}};
}

std::vector<std::string> texts(const LineAlignment& a)
{
    std::vector<std::string> out;
    for (const AlignedWord& w : a.words)
        out.push_back(w.text.toStdString());
    return out;
}

PixelBox unionOf(const std::vector<LineWord>& words)
{
    PixelBox u;
    for (const LineWord& w : words)
        u = u.united(w.box);
    return u;
}

// A line image of the page rectangle `area` at `scale` image pixels per page pixel: white, with a black bar
// (a "letter") over each page-pixel column range of `glyphs`, from kTop + 5 to kBottom - 5.
LineInk drawInk(const PixelBox& area, const std::vector<std::pair<int, int>>& glyphs, double scale = 1.0)
{
    QImage image(static_cast<int>(std::lround(area.width() * scale)),
                 static_cast<int>(std::lround(area.height() * scale)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.scale(scale, scale);
    p.translate(-area.x0, -area.y0);
    for (const auto& [x0, x1] : glyphs)
        p.fillRect(QRectF(x0, kTop + 5, x1 - x0, kBottom - kTop - 10), Qt::black);
    p.end();
    return {image, area};
}

// Letters `width` wide with `gap` between them, from x, for each word of `letters`; words `space` apart.
// Returns the glyph columns; `ends` gets each word's [x0, x1).
std::vector<std::pair<int, int>> letters(int x, const std::vector<int>& wordLetters, int width, int gap, int space,
                                         std::vector<std::pair<int, int>>* ends = nullptr)
{
    std::vector<std::pair<int, int>> out;
    for (int n : wordLetters) {
        const int start = x;
        for (int i = 0; i < n; ++i) {
            out.push_back({x, x + width});
            x += width + (i + 1 < n ? gap : 0);
        }
        if (ends)
            ends->push_back({start, x});
        x += space;
    }
    return out;
}

TEST(LineAlign, TheSameTextKeepsEveryWordAndBox)
{
    const std::vector<LineWord> words{word("The", 10, 60), word("quick", 70, 150), word("fox.", 160, 220)};
    const LineAlignment a = alignLine(words, QStringLiteral("The quick fox."));
    ASSERT_EQ(a.words.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(a.words[i].change, LineChange::Same);
        EXPECT_EQ(a.words[i].from, i);
        EXPECT_EQ(a.words[i].box, words[i].box);
    }
    EXPECT_TRUE(a.removed.empty());
    // Extra white space typed between, before and after the words changes nothing.
    const LineAlignment spaced = alignLine(words, QStringLiteral("  The\tquick   fox.  "));
    EXPECT_EQ(texts(spaced), (std::vector<std::string>{"The", "quick", "fox."}));
    for (const AlignedWord& w : spaced.words)
        EXPECT_EQ(w.change, LineChange::Same);
}

TEST(LineAlign, AWordEditedInPlaceKeepsItsBox)
{
    const std::vector<LineWord> words{word("Total:", 10, 80), word("S97.00", 90, 170), word("USD", 180, 220)};
    const LineAlignment a = alignLine(words, QStringLiteral("Total: $97.00 USD"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"Total:", "$97.00", "USD"}));
    EXPECT_EQ(a.words[1].change, LineChange::Edited);
    EXPECT_EQ(a.words[1].from, 1);
    EXPECT_EQ(a.words[1].box, words[1].box);
    EXPECT_EQ(a.words[0].change, LineChange::Same);
    EXPECT_EQ(a.words[2].change, LineChange::Same);
    EXPECT_TRUE(a.removed.empty());
}

TEST(LineAlign, EveryWordReplacedKeepsTheBoxesInOrder)
{
    const std::vector<LineWord> words{word("aaa", 0, 40), word("bbb", 50, 90), word("ccc", 100, 140)};
    const LineAlignment a = alignLine(words, QStringLiteral("xyz uvw rst"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"xyz", "uvw", "rst"}));
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(a.words[i].change, LineChange::Edited);
        EXPECT_EQ(a.words[i].from, i);
        EXPECT_EQ(a.words[i].box, words[i].box);
    }
    EXPECT_TRUE(a.removed.empty());
}

TEST(LineAlign, WithoutInkASplitCutsByCharacterCount)
{
    const std::vector<LineWord> words{word("Name:", 0, 50), word("JohnSmith", 60, 150)};
    const LineAlignment a = alignLine(words, QStringLiteral("Name: John Smith"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"Name:", "John", "Smith"}));
    EXPECT_EQ(a.words[0].change, LineChange::Same);
    EXPECT_EQ(a.words[1].change, LineChange::Split);
    EXPECT_EQ(a.words[2].change, LineChange::Split);
    EXPECT_EQ(a.words[1].from, 1); // the first part carries the word on
    EXPECT_EQ(a.words[2].from, -1);
    EXPECT_EQ(a.words[2].fromLast, 1);
    EXPECT_EQ(a.words[1].box, (PixelBox{60, kTop, 100, kBottom})); // 4 of 9 letters
    EXPECT_EQ(a.words[2].box, (PixelBox{100, kTop, 150, kBottom}));
    EXPECT_TRUE(a.removed.empty());
    // A split with a letter corrected too is still a split.
    const LineAlignment b = alignLine({word("helo", 0, 40)}, QStringLiteral("hel lo"));
    ASSERT_EQ(texts(b), (std::vector<std::string>{"hel", "lo"}));
    EXPECT_EQ(b.words[0].change, LineChange::Split);
    EXPECT_EQ(b.words[1].change, LineChange::Split);
    EXPECT_EQ(b.words[0].box, (PixelBox{0, kTop, 24, kBottom}));
    // But a word typed right after another, whose letters differ, is an insertion: the first keeps its box.
    const LineAlignment c = alignLine({word("cat", 0, 30), word("sat", 40, 70)}, QStringLiteral("cat is sat"));
    ASSERT_EQ(texts(c), (std::vector<std::string>{"cat", "is", "sat"}));
    EXPECT_EQ(c.words[0].change, LineChange::Same);
    EXPECT_EQ(c.words[0].box, (PixelBox{0, kTop, 30, kBottom}));
    EXPECT_EQ(c.words[1].change, LineChange::Inserted);
}

TEST(LineAlign, ASplitGoesIntoTheInkGapBetweenTheWords)
{
    // "Invoice2024" read as one word, but on the image "Invoice" and "2024" stand 14 px apart; the letters
    // are 2 px apart. 7 of 11 letters put the proportional cut 3 px right of the real space.
    std::vector<std::pair<int, int>> ends;
    const auto glyphs = letters(20, {7, 4}, 16, 2, 14, &ends);
    const std::vector<LineWord> words{{QStringLiteral("Invoice2024"), {ends[0].first, kTop, ends[1].second, kBottom}}};
    const LineInk ink = drawInk({0, kTop - 10, 300, kBottom + 10}, glyphs);
    const LineAlignment a = alignLine(words, QStringLiteral("Invoice 2024"), ink);
    ASSERT_EQ(texts(a), (std::vector<std::string>{"Invoice", "2024"}));
    EXPECT_EQ(a.words[0].box, (PixelBox{ends[0].first, kTop, ends[0].second, kBottom}));
    EXPECT_EQ(a.words[1].box, (PixelBox{ends[1].first, kTop, ends[1].second, kBottom}));
    // Without the image, the cut is where the letters count puts it: inside "2024"'s first letter.
    const LineAlignment blind = alignLine(words, QStringLiteral("Invoice 2024"));
    EXPECT_NE(blind.words[0].box, a.words[0].box);
    EXPECT_EQ(blind.words[0].box.x1, blind.words[1].box.x0);
}

TEST(LineAlign, ASplitFindsTheGapInALowerResolutionRender)
{
    std::vector<std::pair<int, int>> ends;
    const auto glyphs = letters(40, {5, 6}, 20, 3, 24, &ends);
    const std::vector<LineWord> words{word("Date:", 0, 30),
                                      {QStringLiteral("March152024"), {ends[0].first, kTop, ends[1].second, kBottom}}};
    // The render at a third of the page's resolution (like the view's fit-width render).
    const LineInk ink = drawInk({0, kTop - 20, 400, kBottom + 20}, glyphs, 1.0 / 3);
    const LineAlignment a = alignLine(words, QStringLiteral("Date: March 152024"), ink);
    ASSERT_EQ(texts(a), (std::vector<std::string>{"Date:", "March", "152024"}));
    // Within a render pixel (3 page pixels) of the real gap.
    EXPECT_NEAR(a.words[1].box.x1, ends[0].second, 3);
    EXPECT_NEAR(a.words[2].box.x0, ends[1].first, 3);
    EXPECT_LT(a.words[1].box.x1, a.words[2].box.x0);
}

TEST(LineAlign, ASplitIntoThreeUsesTheGapsInOrder)
{
    std::vector<std::pair<int, int>> ends;
    const auto glyphs = letters(0, {3, 2, 4}, 10, 1, 12, &ends);
    const std::vector<LineWord> words{{QStringLiteral("onetwothre"), {0, kTop, ends[2].second, kBottom}}};
    const LineAlignment a = alignLine(words, QStringLiteral("one tw othre"), drawInk({0, kTop, 200, kBottom}, glyphs));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"one", "tw", "othre"}));
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(a.words[i].change, LineChange::Split);
        EXPECT_EQ(a.words[i].box.x0, ends[i].first) << i;
        EXPECT_EQ(a.words[i].box.x1, ends[i].second) << i;
    }
}

TEST(LineAlign, JoinedWordsGetTheUnionOfTheirBoxes)
{
    const std::vector<LineWord> words{word("to", 10, 30), word("day", 34, 70), word("we", 90, 120)};
    const LineAlignment a = alignLine(words, QStringLiteral("today we"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"today", "we"}));
    EXPECT_EQ(a.words[0].change, LineChange::Merged);
    EXPECT_EQ(a.words[0].from, 0);
    EXPECT_EQ(a.words[0].fromLast, 1);
    EXPECT_EQ(a.words[0].box, (PixelBox{10, kTop, 70, kBottom}));
    EXPECT_EQ(a.words[1].change, LineChange::Same);
    EXPECT_EQ(a.removed, std::vector<int>{1});
    // Boxes of different heights: the union holds both.
    std::vector<LineWord> uneven{{QStringLiteral("New"), {0, 95, 40, 135}},
                                 {QStringLiteral("York"), {45, 100, 90, 145}}};
    const LineAlignment b = alignLine(uneven, QStringLiteral("NewYork"));
    ASSERT_EQ(b.words.size(), 1u);
    EXPECT_EQ(b.words[0].box, (PixelBox{0, 95, 90, 145}));
}

TEST(LineAlign, ADeletedWordIsGoneAndTheOthersStay)
{
    const std::vector<LineWord> words{word("the", 0, 40), word("quick", 50, 110), word("fox", 120, 160)};
    const LineAlignment a = alignLine(words, QStringLiteral("the fox"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"the", "fox"}));
    EXPECT_EQ(a.words[0].from, 0);
    EXPECT_EQ(a.words[1].from, 2);
    EXPECT_EQ(a.words[1].box, words[2].box);
    EXPECT_EQ(a.removed, std::vector<int>{1});
    // A short word deleted too (not joined into its neighbour).
    const LineAlignment b = alignLine({word("a", 0, 10), word("cat", 20, 60)}, QStringLiteral("cat"));
    ASSERT_EQ(texts(b), std::vector<std::string>{"cat"});
    EXPECT_EQ(b.words[0].change, LineChange::Same);
    EXPECT_EQ(b.removed, std::vector<int>{0});
    // Beside a long word, whose letters it would barely change: deleted, not joined (the long word keeps its
    // box).
    const LineAlignment c =
        alignLine({word("information", 0, 110), word("a", 116, 124)}, QStringLiteral("information"));
    ASSERT_EQ(texts(c), std::vector<std::string>{"information"});
    EXPECT_EQ(c.words[0].change, LineChange::Same);
    EXPECT_EQ(c.words[0].box, (PixelBox{0, kTop, 110, kBottom}));
    EXPECT_EQ(c.removed, std::vector<int>{1});
}

TEST(LineAlign, AnInsertedWordTakesTheInkTheReaderMissed)
{
    // "quick" is on the image between "the" and "fox", but was not read.
    const std::vector<LineWord> words{word("the", 10, 60), word("fox", 200, 250)};
    // The neighbours' ink spills a pixel past their boxes (not part of the missed word).
    const std::vector<std::pair<int, int>> glyphs{{10, 61}, {85, 160}, {199, 250}};
    const LineAlignment a =
        alignLine(words, QStringLiteral("the quick fox"), drawInk({0, kTop - 10, 300, kBottom + 10}, glyphs));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"the", "quick", "fox"}));
    EXPECT_EQ(a.words[1].change, LineChange::Inserted);
    EXPECT_EQ(a.words[1].from, -1);
    EXPECT_EQ(a.words[1].box, (PixelBox{85, kTop, 160, kBottom}));
    EXPECT_EQ(a.words[0].box, words[0].box);
    EXPECT_EQ(a.words[2].box, words[1].box);
    // Two words inserted there share that ink at its gap.
    const std::vector<std::pair<int, int>> two{{10, 60}, {80, 110}, {125, 170}, {200, 250}};
    const LineAlignment b =
        alignLine(words, QStringLiteral("the big red fox"), drawInk({0, kTop - 10, 300, kBottom + 10}, two));
    ASSERT_EQ(texts(b), (std::vector<std::string>{"the", "big", "red", "fox"}));
    EXPECT_EQ(b.words[1].box, (PixelBox{80, kTop, 110, kBottom}));
    EXPECT_EQ(b.words[2].box, (PixelBox{125, kTop, 170, kBottom}));
}

TEST(LineAlign, AnInsertedWordTakesBlankSpaceBetweenItsNeighbours)
{
    const std::vector<LineWord> words{word("Name", 0, 40), word("Smith", 150, 200)};
    const LineAlignment a = alignLine(words, QStringLiteral("Name John Smith"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"Name", "John", "Smith"}));
    const PixelBox& b = a.words[1].box;
    EXPECT_GE(b.x0, 40);
    EXPECT_LE(b.x1, 150);
    EXPECT_GT(b.width(), 10);
    EXPECT_EQ(b.y0, kTop);
    EXPECT_EQ(b.y1, kBottom);
}

TEST(LineAlign, WithNoRoomAnInsertedWordIsCarvedFromItsNeighbour)
{
    // A full stop the reader missed at the end of the line: no space after "done".
    const std::vector<LineWord> words{word("all", 0, 30), word("done", 40, 80)};
    const LineAlignment a = alignLine(words, QStringLiteral("all done ."));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"all", "done", "."}));
    EXPECT_EQ(a.words[1].box, words[1].box); // the neighbour keeps its box
    const PixelBox& dot = a.words[2].box;
    EXPECT_EQ(dot.x1, 80);
    EXPECT_GE(dot.x0, 60); // at most half the neighbour
    EXPECT_FALSE(dot.isEmpty());
    // At the start of the line: carved from the first word's left side.
    const LineAlignment b = alignLine(words, QStringLiteral("( all done"));
    ASSERT_EQ(texts(b), (std::vector<std::string>{"(", "all", "done"}));
    EXPECT_EQ(b.words[0].box.x0, 0);
    EXPECT_LE(b.words[0].box.x1, 15);
    EXPECT_EQ(b.words[1].box, words[0].box);
}

TEST(LineAlign, AnEmptyTextRemovesEveryWord)
{
    const std::vector<LineWord> words{word("one", 0, 30), word("two", 40, 70)};
    for (const QString& text : {QString(), QStringLiteral("   \t ")}) {
        const LineAlignment a = alignLine(words, text);
        EXPECT_TRUE(a.words.empty());
        EXPECT_EQ(a.removed, (std::vector<int>{0, 1}));
    }
    // No old words: nowhere to put anything.
    const LineAlignment none = alignLine({}, QStringLiteral("text"));
    EXPECT_TRUE(none.words.empty());
    EXPECT_TRUE(none.removed.empty());
}

TEST(LineAlign, UnicodeTextsAlignByCharacters)
{
    // Accents, a German sharp s, and a combining accent (two code units, one character).
    const std::vector<LineWord> words{word("Straße", 0, 60), word("cafe", 70, 110), word("naïve", 120, 170)};
    const LineAlignment a = alignLine(words, QString::fromUtf8("Strasse cafe\u0301 naïve"));
    ASSERT_EQ(a.words.size(), 3u);
    EXPECT_EQ(a.words[0].text, QStringLiteral("Strasse"));
    EXPECT_EQ(a.words[1].text, QString::fromUtf8("cafe\u0301"));
    EXPECT_EQ(a.words[0].change, LineChange::Edited);
    EXPECT_EQ(a.words[1].change, LineChange::Edited);
    EXPECT_EQ(a.words[2].change, LineChange::Same);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(a.words[i].box, words[i].box);
    // Chinese without spaces read as one word, split by the person: 2 + 1 characters of 3.
    const LineAlignment c =
        alignLine({word("東京都", 0, 90), word("大阪府", 100, 190)}, QString::fromUtf8("東京 都 大阪府"));
    ASSERT_EQ(c.words.size(), 3u);
    EXPECT_EQ(c.words[0].text, QString::fromUtf8("東京"));
    EXPECT_EQ(c.words[0].box, (PixelBox{0, kTop, 60, kBottom}));
    EXPECT_EQ(c.words[1].box, (PixelBox{60, kTop, 90, kBottom}));
    EXPECT_EQ(c.words[2].change, LineChange::Same);
    // A character outside the Basic Multilingual Plane counts as one letter.
    const LineAlignment e = alignLine({word("ok\U0001F600", 0, 30)}, QString::fromUtf8("ok \U0001F600"));
    ASSERT_EQ(e.words.size(), 2u);
    EXPECT_EQ(e.words[0].box, (PixelBox{0, kTop, 20, kBottom}));
    EXPECT_EQ(e.words[1].box, (PixelBox{20, kTop, 30, kBottom}));
    // The ideographic space separates words too.
    EXPECT_EQ(lineTokens(QString::fromUtf8("東京\u3000大阪")).size(), 2u);
}

TEST(LineAlign, ChangesTogetherEachKeepWhatTheyShould)
{
    // Edit one word, split another, join two, delete one, insert one: the untouched words keep their boxes.
    const std::vector<LineWord> words{word("Patient", 0, 70), word("nane:", 80, 130), word("JaneDoe", 140, 210),
                                      word("(", 220, 230),    word("age", 240, 270),  word("4", 280, 290),
                                      word("2)", 292, 305),   word("ref", 320, 350)};
    const LineAlignment a = alignLine(words, QStringLiteral("Patient name: Jane Doe (age 42) ref X"));
    ASSERT_EQ(texts(a), (std::vector<std::string>{"Patient", "name:", "Jane", "Doe", "(age", "42)", "ref", "X"}));
    EXPECT_EQ(a.words[0].change, LineChange::Same);
    EXPECT_EQ(a.words[1].change, LineChange::Edited);
    EXPECT_EQ(a.words[1].box, words[1].box);
    EXPECT_EQ(a.words[2].change, LineChange::Split);
    EXPECT_EQ(a.words[3].change, LineChange::Split);
    EXPECT_EQ(a.words[4].change, LineChange::Merged);
    EXPECT_EQ(a.words[4].box, (PixelBox{220, kTop, 270, kBottom}));
    EXPECT_EQ(a.words[5].change, LineChange::Merged);
    EXPECT_EQ(a.words[5].box, (PixelBox{280, kTop, 305, kBottom}));
    EXPECT_EQ(a.words[6].change, LineChange::Same);
    EXPECT_EQ(a.words[6].box, words[7].box);
    EXPECT_EQ(a.words[7].change, LineChange::Inserted);
    EXPECT_EQ(a.removed, (std::vector<int>{4, 6}));
}

// Random lines and random edits: the typed words come out exactly, in order; every box is inside the line's
// union box and not empty; each old word is carried on by one new word or removed, exactly once.
TEST(LineAlign, EveryBoxStaysInsideTheLine)
{
    std::mt19937 random(20261205);
    const QString alphabet = QString::fromUtf8("abcdefghijklmnopqrstuvwxyzé東京0123456789.,:");
    auto randomWord = [&] {
        QString s;
        const int n = 1 + static_cast<int>(random() % 8);
        for (int i = 0; i < n; ++i)
            s += alphabet[static_cast<qsizetype>(random() % alphabet.size())];
        return s;
    };
    for (int round = 0; round < 400; ++round) {
        std::vector<LineWord> words;
        std::vector<std::pair<int, int>> glyphs;
        int x = static_cast<int>(random() % 50);
        const int n = 1 + static_cast<int>(random() % 8);
        for (int i = 0; i < n; ++i) {
            const QString t = randomWord();
            const int w = static_cast<int>(t.size()) * (8 + static_cast<int>(random() % 10));
            const int dy = static_cast<int>(random() % 7) - 3;
            words.push_back({t, {x, kTop + dy, x + w, kBottom + dy}});
            glyphs.push_back({x + 1, x + w - 1});
            x += w + static_cast<int>(random() % 30);
        }
        QStringList typed;
        for (const LineWord& w : words) {
            switch (random() % 6) {
            case 0: break; // deleted
            case 1: typed << randomWord(); break;
            case 2: typed << w.text << randomWord(); break;
            case 3: typed << w.text.left(w.text.size() / 2) << w.text.mid(w.text.size() / 2); break;
            default: typed << w.text; break;
            }
        }
        if (random() % 4 == 0)
            typed.prepend(randomWord());
        for (QString& t : typed)
            t = t.trimmed();
        typed.removeAll(QString());
        const QString text = typed.join(QLatin1Char(' '));
        const PixelBox line = unionOf(words);
        const LineInk ink = round % 2 ? drawInk(line, glyphs, 0.5) : LineInk{};
        const LineAlignment a = alignLine(words, text, ink);
        ASSERT_EQ(a.words.size(), static_cast<std::size_t>(typed.size())) << text.toStdString();
        std::vector<int> carried(words.size(), 0);
        for (std::size_t i = 0; i < a.words.size(); ++i) {
            const AlignedWord& w = a.words[i];
            EXPECT_EQ(w.text, typed[static_cast<qsizetype>(i)]);
            EXPECT_FALSE(w.box.isEmpty()) << text.toStdString();
            EXPECT_EQ(w.box.intersected(line), w.box) << text.toStdString();
            if (w.from >= 0)
                ++carried[static_cast<std::size_t>(w.from)];
            if (w.change == LineChange::Same || w.change == LineChange::Edited) {
                EXPECT_EQ(w.box, words[static_cast<std::size_t>(w.from)].box);
            }
        }
        for (int r : a.removed)
            ++carried[static_cast<std::size_t>(r)];
        for (std::size_t i = 0; i < words.size(); ++i)
            EXPECT_EQ(carried[i], 1) << text.toStdString();
    }
}

} // namespace
} // namespace incidoc
