#include "core/classify/classifier.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace incidoc {
namespace {

bool isVowel(QChar c)
{
    // Base letter of accented forms too (é -> e): decomposition()'s first code point.
    QChar base = c.toLower();
    if (base.decompositionTag() == QChar::Canonical) {
        const QString d = base.decomposition();
        if (!d.isEmpty())
            base = d.at(0);
    }
    return QStringLiteral("aeiouy").contains(base);
}

bool isLatinLetter(QChar c)
{
    return c.isLetter() && c.script() == QChar::Script_Latin;
}

QString percent(double share)
{
    return QString::number(static_cast<int>(std::lround(share * 100))) + QLatin1Char('%');
}

} // namespace

// A text layer is worth keeping when it reads as language. Fonts without a Unicode mapping make
// Poppler emit glyph ids as characters: control codes, private-use code points, U+FFFD, or, when the
// ids happen to fall in the ASCII range, strings of punctuation and digits ("7+%-). Invisible junk
// layers from bad OCR show the same signs. The rules, each general rather than tuned to one file:
//  1. unmapped characters (control, private use, unassigned, surrogates, U+FFFD) over 10% of the
//     non-space characters: real text has essentially none.
//  2. letters and digits under 50% of the non-space characters: prose, forms and tables alike are
//     mostly letters and digits; punctuation-heavy strings are glyph ids.
//  3. with at least 20 words: over 70% of them single characters; fonts that lost their mapping and
//     spacing produce one "word" per glyph.
//  4. with at least 40 Latin letters: vowels (a e i o u y, accents included) under 15% of them. Every
//     language written in Latin script is well above that (English ~38%, Czech ~30%); shifted or
//     scrambled glyph codes are not.
TextLayerAssessment assessTextLayer(const std::vector<TextLayerWord>& words)
{
    qint64 nonSpace = 0, unmapped = 0, alnum = 0, latin = 0, vowels = 0;
    int wordCount = 0, singleGlyphWords = 0;
    for (const TextLayerWord& w : words) {
        int glyphs = 0;
        for (const QChar c : w.text) {
            if (c.isSpace())
                continue;
            ++nonSpace;
            ++glyphs;
            const QChar::Category cat = c.category();
            if (cat == QChar::Other_Control || cat == QChar::Other_PrivateUse || cat == QChar::Other_NotAssigned
                || cat == QChar::Other_Surrogate || c == QChar::ReplacementCharacter)
                ++unmapped;
            if (c.isLetterOrNumber())
                ++alnum;
            if (isLatinLetter(c)) {
                ++latin;
                if (isVowel(c))
                    ++vowels;
            }
        }
        if (glyphs > 0) {
            ++wordCount;
            if (glyphs == 1)
                ++singleGlyphWords;
        }
    }
    if (nonSpace == 0)
        return {TextLayerQuality::None, QStringLiteral("no text layer")};
    const double n = static_cast<double>(nonSpace);
    if (unmapped / n > 0.10)
        return {TextLayerQuality::Garbage,
                percent(unmapped / n) + QStringLiteral(" of characters are unmapped, private-use or control")};
    if (alnum / n < 0.5)
        return {TextLayerQuality::Garbage,
                percent(1.0 - alnum / n) + QStringLiteral(" of characters are not letters or digits")};
    if (wordCount >= 20 && singleGlyphWords > 0.7 * wordCount)
        return {TextLayerQuality::Garbage, percent(static_cast<double>(singleGlyphWords) / wordCount)
                                               + QStringLiteral(" of words are single characters")};
    if (latin >= 40 && vowels < 0.15 * static_cast<double>(latin))
        return {TextLayerQuality::Garbage, QStringLiteral("only ")
                                               + percent(static_cast<double>(vowels) / static_cast<double>(latin))
                                               + QStringLiteral(" of letters are vowels")};
    return {TextLayerQuality::Good, QStringLiteral("%1 words, %2 characters").arg(wordCount).arg(nonSpace)};
}

namespace {

double median(std::vector<int> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

struct Row {
    std::vector<int> words;
    double top = 0, bottom = 0; // running mean band of the words in the row
};

struct Line {
    std::vector<int> words; // left to right
    PixelBox box;
};

} // namespace

// Layout from geometry alone (Poppler's own order follows the content stream, which for forms and
// generated PDFs is often not the reading order):
//  - rows: words whose vertical extents overlap by at least half the smaller height;
//  - lines: a row split where the horizontal gap exceeds 2 line heights (columns, form fields);
//  - blocks: consecutive lines that overlap horizontally, with a vertical gap under 1.5 line heights;
//  - order: blocks by their top (quantised to a line height, so blocks starting on the same row go left
//    to right), lines top to bottom, words left to right.
RecognizedPage textLayerToPage(const std::vector<TextLayerWord>& words)
{
    RecognizedPage page;
    page.engine = QStringLiteral("pdf text layer");

    std::vector<int> order;
    for (int i = 0; i < static_cast<int>(words.size()); ++i)
        if (!words[static_cast<size_t>(i)].box.isEmpty() && !words[static_cast<size_t>(i)].text.trimmed().isEmpty())
            order.push_back(i);
    if (order.empty())
        return page;
    auto box = [&](int i) -> const PixelBox& { return words[static_cast<size_t>(i)].box; };
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const int ca = box(a).y0 + box(a).y1, cb = box(b).y0 + box(b).y1;
        return ca != cb ? ca < cb : box(a).x0 < box(b).x0;
    });

    // Rows.
    std::vector<Row> rows;
    for (int i : order) {
        const PixelBox& b = box(i);
        int best = -1;
        double bestOverlap = 0;
        for (int r = static_cast<int>(rows.size()) - 1; r >= 0 && r >= static_cast<int>(rows.size()) - 8; --r) {
            const Row& row = rows[static_cast<size_t>(r)];
            const double overlap = std::min<double>(b.y1, row.bottom) - std::max<double>(b.y0, row.top);
            const double smaller = std::min<double>(b.height(), row.bottom - row.top);
            if (overlap >= 0.5 * smaller && overlap > bestOverlap) {
                best = r;
                bestOverlap = overlap;
            }
        }
        if (best < 0) {
            rows.push_back(Row{{i}, static_cast<double>(b.y0), static_cast<double>(b.y1)});
        } else {
            Row& row = rows[static_cast<size_t>(best)];
            const double n = static_cast<double>(row.words.size());
            row.top = (row.top * n + b.y0) / (n + 1);
            row.bottom = (row.bottom * n + b.y1) / (n + 1);
            row.words.push_back(i);
        }
    }

    // Lines.
    std::vector<Line> lines;
    for (Row& row : rows) {
        std::sort(row.words.begin(), row.words.end(), [&](int a, int b) { return box(a).x0 < box(b).x0; });
        const double height = std::max(1.0, row.bottom - row.top);
        Line current;
        for (int i : row.words) {
            if (!current.words.empty() && box(i).x0 - current.box.x1 > 2.0 * height) {
                lines.push_back(std::move(current));
                current = Line{};
            }
            current.words.push_back(i);
            current.box = current.box.united(box(i));
        }
        if (!current.words.empty())
            lines.push_back(std::move(current));
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
    });

    // Blocks: each line joins the block whose last line is just above it and overlaps it horizontally.
    struct Block {
        std::vector<int> lines;
        PixelBox box;
    };
    std::vector<Block> blocks;
    for (int l = 0; l < static_cast<int>(lines.size()); ++l) {
        const PixelBox& lb = lines[static_cast<size_t>(l)].box;
        int best = -1;
        int bestGap = 0;
        for (int k = 0; k < static_cast<int>(blocks.size()); ++k) {
            const PixelBox& last = lines[static_cast<size_t>(blocks[static_cast<size_t>(k)].lines.back())].box;
            const int gap = lb.y0 - last.y1;
            const double lineHeight = std::max(lb.height(), last.height());
            const bool overlapsX = std::min(lb.x1, last.x1) > std::max(lb.x0, last.x0);
            const bool below = lb.y0 >= last.y0 + last.height() / 2; // not the same row
            if (overlapsX && below && gap <= 1.5 * lineHeight && (best < 0 || gap < bestGap)) {
                best = k;
                bestGap = gap;
            }
        }
        if (best < 0) {
            blocks.push_back(Block{{l}, lb});
        } else {
            blocks[static_cast<size_t>(best)].lines.push_back(l);
            blocks[static_cast<size_t>(best)].box = blocks[static_cast<size_t>(best)].box.united(lb);
        }
    }
    std::vector<int> heights;
    for (const Line& line : lines)
        heights.push_back(line.box.height());
    const int quantum = std::max(1, static_cast<int>(median(heights)));
    std::sort(blocks.begin(), blocks.end(), [quantum](const Block& a, const Block& b) {
        const int ra = a.box.y0 / quantum, rb = b.box.y0 / quantum;
        return ra != rb ? ra < rb : a.box.x0 < b.box.x0;
    });

    for (const Block& block : blocks) {
        const int blockIndex = static_cast<int>(page.blocks.size());
        page.blocks.push_back(TextRegion{block.box, 100.f});
        for (int l : block.lines) {
            const Line& line = lines[static_cast<size_t>(l)];
            const int lineIndex = static_cast<int>(page.lines.size());
            page.lines.push_back(TextRegion{line.box, 100.f});
            for (int i : line.words) {
                RecognizedWord w;
                w.text = words[static_cast<size_t>(i)].text;
                w.box = box(i);
                w.confidence = 100.f;
                w.block = blockIndex;
                w.line = lineIndex;
                page.words.push_back(std::move(w));
            }
        }
    }
    return page;
}

namespace {

// Area-average downsampling by an integer factor (a box filter), grey in, grey out.
std::vector<uchar> downsample(const QImage& g8, int factor, int& outW, int& outH)
{
    outW = std::max(1, g8.width() / factor);
    outH = std::max(1, g8.height() / factor);
    std::vector<uchar> out(static_cast<size_t>(outW) * static_cast<size_t>(outH));
    std::vector<int> sums(static_cast<size_t>(outW));
    for (int oy = 0; oy < outH; ++oy) {
        std::fill(sums.begin(), sums.end(), 0);
        int rows = 0;
        for (int y = oy * factor; y < std::min(g8.height(), (oy + 1) * factor); ++y, ++rows) {
            const uchar* row = g8.constScanLine(y);
            for (int ox = 0; ox < outW; ++ox) {
                const uchar* px = row + ox * factor;
                const int n = std::min(factor, g8.width() - ox * factor);
                for (int k = 0; k < n; ++k)
                    sums[static_cast<size_t>(ox)] += px[k];
            }
        }
        for (int ox = 0; ox < outW; ++ox) {
            const int n = std::min(factor, g8.width() - ox * factor) * rows;
            out[static_cast<size_t>(oy) * static_cast<size_t>(outW) + static_cast<size_t>(ox)] =
                static_cast<uchar>(sums[static_cast<size_t>(ox)] / std::max(1, n));
        }
    }
    return out;
}

struct Component {
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = -1, y1 = -1; // inclusive bounds
    int area = 0;
};

int findRoot(std::vector<int>& parent, int i)
{
    while (parent[static_cast<size_t>(i)] != i) {
        parent[static_cast<size_t>(i)] = parent[static_cast<size_t>(parent[static_cast<size_t>(i)])];
        i = parent[static_cast<size_t>(i)];
    }
    return i;
}

// 8-connected components of the `dark` mask (two-pass labelling with union-find).
std::vector<Component> components(const std::vector<uchar>& dark, int w, int h)
{
    std::vector<int> label(dark.size(), -1);
    std::vector<int> parent;
    auto at = [w](int x, int y) { return static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x); };
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (!dark[at(x, y)])
                continue;
            int l = -1;
            const int nx[4] = {x - 1, x - 1, x, x + 1}, ny[4] = {y, y - 1, y - 1, y - 1};
            for (int k = 0; k < 4; ++k) {
                if (nx[k] < 0 || nx[k] >= w || ny[k] < 0)
                    continue;
                const int n = label[at(nx[k], ny[k])];
                if (n < 0)
                    continue;
                if (l < 0) {
                    l = n;
                } else {
                    const int a = findRoot(parent, l), b = findRoot(parent, n);
                    if (a != b)
                        parent[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
                }
            }
            if (l < 0) {
                l = static_cast<int>(parent.size());
                parent.push_back(l);
            }
            label[at(x, y)] = l;
        }
    }
    std::vector<int> index(parent.size(), -1);
    std::vector<Component> out;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const int l = label[at(x, y)];
            if (l < 0)
                continue;
            const int root = findRoot(parent, l);
            if (index[static_cast<size_t>(root)] < 0) {
                index[static_cast<size_t>(root)] = static_cast<int>(out.size());
                out.emplace_back();
            }
            Component& c = out[static_cast<size_t>(index[static_cast<size_t>(root)])];
            c.x0 = std::min(c.x0, x);
            c.y0 = std::min(c.y0, y);
            c.x1 = std::max(c.x1, x);
            c.y1 = std::max(c.y1, y);
            ++c.area;
        }
    }
    return out;
}

} // namespace

// A page is blank when nothing on it looks like a glyph. Steps:
//  - downsample (area average) to at most ~1700 px on the long side (about 150 dpi for a letter page):
//    single-pixel scanner noise averages out, strokes of text survive;
//  - dark = clearly darker than the paper (the 90th percentile grey is taken as the paper);
//  - connected components of dark pixels; ignore specks (too small to be a glyph at that scale), anything
//    touching the image edge (scanner shadows, edges of the glass) and thin or hollow frames (borders,
//    rule lines: long and at most 3 px thick, or a large box with almost no ink inside);
//  - two glyph-like components (even "OK") mean content; so does one solid mark of real size.
//  A very dark page (mean under 100) is a photo or a negative, not blank.
// Plain loops rather than OpenCV: OpenCV would start its own worker threads inside a page task.
bool isBlankPage(const QImage& grey)
{
    if (grey.isNull() || grey.width() < 1 || grey.height() < 1)
        return true;
    try {
        const QImage g8 =
            grey.format() == QImage::Format_Grayscale8 ? grey : grey.convertToFormat(QImage::Format_Grayscale8);
        const int longSide = std::max(g8.width(), g8.height());
        const int factor = std::max(1, static_cast<int>(std::ceil(longSide / 1700.0)));
        int w = 0, h = 0;
        const std::vector<uchar> small = downsample(g8, factor, w, h);

        qint64 histogram[256] = {};
        double sum = 0;
        for (uchar v : small) {
            ++histogram[v];
            sum += v;
        }
        const qint64 total = static_cast<qint64>(small.size());
        if (sum / static_cast<double>(total) < 100)
            return false;
        qint64 seen = 0;
        int paper = 255;
        for (int v = 0; v < 256; ++v) {
            seen += histogram[v];
            if (seen >= total * 9 / 10) {
                paper = v;
                break;
            }
        }
        const int threshold = std::min(160, paper - 50);
        if (threshold <= 0)
            return false;
        std::vector<uchar> dark(small.size());
        for (size_t i = 0; i < small.size(); ++i)
            dark[i] = small[i] < threshold;

        const int minSide = 3; // px at ~150 dpi: a glyph is at least ~0.5 mm
        const int minArea = 6;
        int glyphs = 0;
        for (const Component& c : components(dark, w, h)) {
            const int cw = c.x1 - c.x0 + 1, ch = c.y1 - c.y0 + 1;
            if (c.area < minArea || std::max(cw, ch) < minSide + 1 || ch < 2)
                continue; // speck
            if (c.x0 == 0 || c.y0 == 0 || c.x1 >= w - 1 || c.y1 >= h - 1)
                continue; // touches the edge: scanner border or shadow
            const bool thinLine = std::min(cw, ch) <= 3 && std::max(cw, ch) >= 15 * std::min(cw, ch);
            const bool hollowFrame =
                cw > w / 5 && ch > h / 5 && c.area < 0.05 * static_cast<double>(cw) * static_cast<double>(ch);
            if (thinLine || hollowFrame)
                continue;
            const bool solidMark = cw >= 8 && ch >= 8 && c.area >= 40;
            glyphs += solidMark ? 2 : 1;
            if (glyphs >= 2)
                return false;
        }
        return true;
    } catch (const std::exception&) {
        return false; // when unsure, a page goes to OCR rather than being skipped
    }
}

} // namespace incidoc
