#pragma once
// Words and page outcomes with known contents, shared by the storage tests and their helper process.

#include "core/model/records.h"

#include <QString>

#include <vector>

namespace incidoc::test {

/// A word whose characters split its box evenly, with per-character confidences.
inline RecognizedWord makeWord(const QString& text, const PixelBox& box, int block, int line, float confidence)
{
    RecognizedWord w;
    w.text = text;
    w.box = box;
    w.block = block;
    w.line = line;
    w.confidence = confidence;
    const QList<uint> cps = text.toUcs4();
    const int n = static_cast<int>(cps.size());
    for (int i = 0; i < n; ++i) {
        const char32_t cp = cps[i];
        RecognizedChar c;
        c.text = QString::fromUcs4(&cp, 1);
        c.box = {box.x0 + box.width() * i / n, box.y0 + (i % 3), box.x0 + box.width() * (i + 1) / n - 1,
                 box.y1 - (i % 2)};
        c.confidence = confidence - static_cast<float>(i % 4) * 1.5f;
        w.chars.push_back(c);
    }
    return w;
}

/// `count` words of 3-7 letters (5 on average) laid out like 300-dpi text: 10 words a line, a block
/// per 100 words. `seed` varies the letters so pages differ.
inline std::vector<RecognizedWord> pageWords(int count, int seed)
{
    std::vector<RecognizedWord> words;
    words.reserve(count);
    unsigned state = 2654435761u * static_cast<unsigned>(seed + 1);
    auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7fff;
    };
    for (int i = 0; i < count; ++i) {
        const int len = 3 + static_cast<int>(next() % 5);
        QString text;
        for (int k = 0; k < len; ++k)
            text += QChar(static_cast<char16_t>(u'a' + next() % 26));
        const int x0 = 150 + (i % 10) * 220;
        const int y0 = 200 + (i / 10) * 95;
        const PixelBox box{x0, y0, x0 + len * 28, y0 + 42};
        const float conf = 70.f + static_cast<float>(next() % 3000) / 100.f;
        words.push_back(makeWord(text, box, i / 100, i / 10, conf));
    }
    return words;
}

/// A done outcome of a scanned page with `wordCount` words.
inline PageOutcome doneOutcome(PageId page, int wordCount, int seed)
{
    PageOutcome o;
    o.pageId = page;
    o.status = PageStatus::Done;
    o.kind = PageKind::Scanned;
    o.widthPx = 2550;
    o.heightPx = 3300;
    o.dpi = 300;
    o.widthPt = 612;
    o.heightPt = 792;
    o.engine = QStringLiteral("tesseract 5.3.0 (eng)");
    o.timings = {120, 5, 30, 900, 1060};
    o.source = WordSource::Ocr;
    o.result.words = pageWords(wordCount, seed);
    o.result.engine = o.engine;
    return o;
}

/// How many words the kill-safety helper writes for a page: differs from page to page so a half-written
/// page could not pass for a whole one.
inline int wordsForPage(PageId page)
{
    return 10 + static_cast<int>(page % 13);
}

} // namespace incidoc::test
