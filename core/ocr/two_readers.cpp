#include "core/ocr/two_readers.h"

#include <algorithm>

namespace incidoc {

namespace {

/// Removes the marked words, and lines and blocks left without words (indexes renumbered).
void removeWords(RecognizedPage& page, const std::vector<char>& dropped)
{
    if (std::find(dropped.begin(), dropped.end(), 1) == dropped.end())
        return;
    std::vector<RecognizedWord> kept;
    std::vector<char> lineUsed(page.lines.size(), 0), blockUsed(page.blocks.size(), 0);
    for (size_t i = 0; i < page.words.size(); ++i) {
        if (dropped[i])
            continue;
        RecognizedWord& word = page.words[i];
        if (word.line >= 0 && word.line < static_cast<int>(lineUsed.size()))
            lineUsed[static_cast<size_t>(word.line)] = 1;
        if (word.block >= 0 && word.block < static_cast<int>(blockUsed.size()))
            blockUsed[static_cast<size_t>(word.block)] = 1;
        kept.push_back(std::move(word));
    }
    const auto renumber = [](std::vector<TextRegion>& regions, const std::vector<char>& used) {
        std::vector<int> index(regions.size(), -1);
        std::vector<TextRegion> out;
        for (size_t i = 0; i < regions.size(); ++i) {
            if (used[i]) {
                index[i] = static_cast<int>(out.size());
                out.push_back(regions[i]);
            }
        }
        regions = std::move(out);
        return index;
    };
    const std::vector<int> lineIndex = renumber(page.lines, lineUsed);
    const std::vector<int> blockIndex = renumber(page.blocks, blockUsed);
    for (RecognizedWord& word : kept) {
        if (word.line >= 0 && word.line < static_cast<int>(lineIndex.size()))
            word.line = std::max(0, lineIndex[static_cast<size_t>(word.line)]);
        if (word.block >= 0 && word.block < static_cast<int>(blockIndex.size()))
            word.block = std::max(0, blockIndex[static_cast<size_t>(word.block)]);
    }
    page.words = std::move(kept);
}

} // namespace

namespace {

/// The same reading up to typographic quotes and dashes (Tesseract reads ’ where PP-OCR reads ').
bool sameReading(const QString& a, const QString& b)
{
    if (a.size() != b.size())
        return false;
    const auto plain = [](QChar c) -> char16_t {
        switch (c.unicode()) {
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x2032: return u'\'';
        case 0x201C:
        case 0x201D:
        case 0x201F:
        case 0x2033: return u'"';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2212: return u'-';
        default: return c.unicode();
        }
    };
    for (qsizetype i = 0; i < a.size(); ++i)
        if (plain(a.at(i)) != plain(b.at(i)))
            return false;
    return true;
}

} // namespace

TwoReaderChoice chooseReading(const QString& first, float firstConfidence, const QString& second,
                              float secondConfidence, const TwoReaderOptions& options)
{
    TwoReaderChoice choice;
    if (firstConfidence < options.dropFirstBelow && secondConfidence < options.dropSecondBelow) {
        choice.drop = true;
        return choice;
    }
    if (sameReading(first, second)) {
        choice.flagged = std::min(firstConfidence, secondConfidence) < options.flagBelow;
        return choice;
    }
    choice.flagged = true;
    choice.takeSecond = !second.isEmpty() && secondConfidence >= options.takeSecondAbove
                        && secondConfidence - firstConfidence > options.takeSecondMargin;
    return choice;
}

Status readTwice(RecognizedPage& page, const QImage& grey, OcrEngine& second, const QString& secondName,
                 const TwoReaderOptions& options, const CancelToken& cancel)
{
    std::vector<PixelBox> boxes;
    std::vector<size_t> which;
    for (size_t i = 0; i < page.words.size(); ++i) {
        RecognizedWord& word = page.words[i];
        word.engine = QStringLiteral("tesseract");
        if (word.confidence < options.rereadBelow) {
            // The crop spans the word's line from top to bottom, so that "on" is read at the size of its
            // line's capitals, as PP-OCR's detector would have cut it; not when that would make it far
            // taller than the word (a slanted line's box).
            PixelBox box = word.box;
            if (options.spanLine && word.line >= 0 && word.line < static_cast<int>(page.lines.size())) {
                const PixelBox& line = page.lines[static_cast<size_t>(word.line)].box;
                const PixelBox spanned{box.x0, std::min(box.y0, line.y0), box.x1, std::max(box.y1, line.y1)};
                if (spanned.height() * 2 <= 5 * std::max(1, box.height()))
                    box = spanned;
            }
            boxes.push_back(box);
            which.push_back(i);
        }
    }
    if (boxes.empty())
        return okStatus();
    auto readings = second.readWords(grey, boxes, cancel);
    if (!readings)
        return readings.error();
    std::vector<char> dropped(page.words.size(), 0);
    for (size_t k = 0; k < which.size() && k < readings->size(); ++k) {
        RecognizedWord& word = page.words[which[k]];
        WordReading theirs = (*readings)[k];
        theirs.engine = secondName;
        WordReading ours{word.engine, word.text, word.confidence};
        const TwoReaderChoice choice =
            chooseReading(ours.text, ours.confidence, theirs.text, theirs.confidence, options);
        if (choice.drop) {
            dropped[which[k]] = 1;
            continue;
        }
        word.flagged = choice.flagged;
        if (sameReading(ours.text, theirs.text)) {
            // The readers agree (up to a quote's or dash's style): Tesseract's text, the other kept as
            // evidence.
            word.confidence = std::max(ours.confidence, theirs.confidence);
            word.alternatives.push_back(std::move(theirs));
            continue;
        }
        if (choice.takeSecond) {
            word.text = theirs.text;
            word.confidence = theirs.confidence;
            word.engine = theirs.engine;
            // Tesseract's character boxes belong to its own reading.
            word.chars.clear();
            word.alternatives.push_back(std::move(ours));
        } else {
            word.alternatives.push_back(std::move(theirs));
        }
    }
    removeWords(page, dropped);
    return okStatus();
}

} // namespace incidoc
