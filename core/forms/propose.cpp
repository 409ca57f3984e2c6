#include "core/forms/propose.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace incidoc {

namespace {
// The rule's constants, tuned on the even-indexed half of FUNSD's 149 training forms (tests/bench/
// bench_forms.cpp) and checked on the other half. Lengths are in units of the text height.
constexpr double kWordGap = 2.5;         // words further apart along a line start a new entity
constexpr double kLineOverlap = 0.5;     // two words are on one line when their heights overlap this much
constexpr double kParagraphGap = 0.7;    // lines of one paragraph are at most this far apart
constexpr double kParagraphAlign = 1.0;  // ... and their left edges this close
constexpr double kHeightRatio = 2.0;     // ... and their heights this alike
constexpr double kParagraphWidth = 12.0; // ... and the upper one (not the last) at least this wide
constexpr double kWrapSlack = 3.0;   // a paragraph's line (but its last) ends less than this short of its right edge
constexpr double kAboveCost = 1.0;   // a value below its key costs this much more than one to its right
constexpr double kMaxAboveGap = 4.0; // a key further above its value than this is not its key
constexpr double kIndent = 6.0;      // a value below its key may start this far right of the key's end
constexpr double kMaxColumn = 40.0;  // a column header is at most this far above its cells
constexpr double kRowCost = 2.0;     // what passing other cells of a row costs a row header
constexpr int kKeyWords = 4;         // a key without a colon has at most this many words
constexpr double kKeyReach = 15.0;   // ... and its value is at most this far to its right
constexpr int kTableRows = 2;        // a key over this many values is a column header (a table)
constexpr double kMinScale = 0.67;   // carried forms: the target page is at most 1.5 times smaller or larger
constexpr double kMaxAspectChange = 0.1; // ... and its scales along x and y differ by at most 10 %
constexpr int kMinRuleRun = 3;           // a ruled line is this many text heights long at least

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

int overlap(int a0, int a1, int b0, int b1)
{
    return std::min(a1, b1) - std::max(a0, b0);
}

int yOverlap(const PixelBox& a, const PixelBox& b)
{
    return overlap(a.y0, a.y1, b.y0, b.y1);
}

int xOverlap(const PixelBox& a, const PixelBox& b)
{
    return overlap(a.x0, a.x1, b.x0, b.x1);
}

bool endsWithColon(const QString& text)
{
    const QString t = text.trimmed();
    return t.endsWith(QLatin1Char(':')) || t.endsWith(QChar(0xFF1A));
}

/// Indices of `boxes` in reading order: rows (a box joins the row while its centre lies within the row's
/// first box's height), top to bottom, then left to right.
std::vector<int> readingOrder(const std::vector<PixelBox>& boxes)
{
    std::vector<int> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    auto centreY = [&](int i) { return boxes[i].y0 + boxes[i].y1; }; // twice the centre: integer
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return centreY(a) < centreY(b); });
    std::vector<int> out;
    out.reserve(order.size());
    for (size_t i = 0; i < order.size();) {
        const PixelBox& first = boxes[order[i]];
        size_t j = i + 1;
        while (j < order.size() && centreY(order[j]) <= 2 * first.y1)
            ++j;
        std::vector<int> row(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j));
        std::stable_sort(row.begin(), row.end(), [&](int a, int b) { return boxes[a].x0 < boxes[b].x0; });
        out.insert(out.end(), row.begin(), row.end());
        i = j;
    }
    return out;
}

// Ruled lines of a page image: long runs of dark pixels along a row (horizontal) or a column (vertical).
struct Rule {
    int at = 0;           // the row (horizontal) or column (vertical)
    int from = 0, to = 0; // its extent along the other axis, exclusive end
};

struct Rules {
    std::vector<Rule> horizontal, vertical;

    /// A vertical rule between x = [x0, x1] that spans most of [y0, y1).
    bool separatesColumns(int x0, int x1, int y0, int y1) const
    {
        const int need = std::max(1, (y1 - y0) / 2);
        for (const Rule& r : vertical)
            if (r.at >= x0 && r.at <= x1 && overlap(r.from, r.to, y0, y1) >= need)
                return true;
        return false;
    }
    /// A horizontal rule between y = [y0, y1] under most of [x0, x1).
    bool separatesRows(int y0, int y1, int x0, int x1) const
    {
        const int need = std::max(1, (x1 - x0) / 2);
        for (const Rule& r : horizontal)
            if (r.at >= y0 && r.at <= y1 && overlap(r.from, r.to, x0, x1) >= need)
                return true;
        return false;
    }
};

Rules findRules(const QImage& page, double textHeight)
{
    Rules rules;
    if (page.isNull())
        return rules;
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width(), h = grey.height();
    const int minRun = std::max(20, static_cast<int>(kMinRuleRun * textHeight));
    constexpr int kDark = 128;
    for (int y = 0; y < h; ++y) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < w;) {
            if (row[x] >= kDark) {
                ++x;
                continue;
            }
            int end = x;
            while (end < w && row[end] < kDark)
                ++end;
            if (end - x >= minRun)
                rules.horizontal.push_back({y, x, end});
            x = end;
        }
    }
    std::vector<int> runStart(static_cast<size_t>(w), -1);
    for (int y = 0; y <= h; ++y) {
        const uchar* row = y < h ? grey.constScanLine(y) : nullptr;
        for (int x = 0; x < w; ++x) {
            const bool dark = row && row[x] < kDark;
            int& start = runStart[static_cast<size_t>(x)];
            if (dark && start < 0)
                start = y;
            else if (!dark && start >= 0) {
                // Vertical rules of a one-line cell are short: twice the text height is enough.
                if (y - start >= std::max(12, static_cast<int>(2 * textHeight)))
                    rules.vertical.push_back({x, start, y});
                start = -1;
            }
        }
    }
    return rules;
}

// A horizontal run of words (a phrase) while proposeEntities builds entities.
struct Phrase {
    std::vector<int> words; // indices into the words, left to right
    PixelBox box;
    bool closed = false; // ends with a word ending in ':'
};

double heightOf(const PixelBox& b)
{
    return std::max(1, b.height());
}

} // namespace

std::vector<ProposedEntity> proposeEntities(const std::vector<WordRecord>& words, const QImage& page)
{
    std::vector<int> live;
    std::vector<double> heights;
    for (int i = 0; i < static_cast<int>(words.size()); ++i)
        if (!words[i].text.trimmed().isEmpty() && !words[i].box.isEmpty()) {
            live.push_back(i);
            heights.push_back(heightOf(words[i].box));
        }
    if (live.empty())
        return {};
    const double textHeight = median(heights);
    const Rules rules = findRules(page, textHeight);

    // Phrases: each word, left to right, extends the phrase on its line whose last word is nearest.
    std::stable_sort(live.begin(), live.end(), [&](int a, int b) { return words[a].box.x0 < words[b].box.x0; });
    std::vector<Phrase> phrases;
    for (int i : live) {
        const PixelBox& b = words[i].box;
        int best = -1;
        double bestGap = 0;
        for (int p = 0; p < static_cast<int>(phrases.size()); ++p) {
            const Phrase& phrase = phrases[p];
            if (phrase.closed)
                continue;
            const PixelBox& last = words[phrase.words.back()].box;
            const double h = std::min(heightOf(last), heightOf(b));
            if (yOverlap(last, b) < kLineOverlap * h)
                continue;
            const double gap = b.x0 - last.x1;
            const double unit = (heightOf(last) + heightOf(b)) / 2;
            if (gap < -0.5 * h || gap > kWordGap * unit)
                continue;
            if (rules.separatesColumns(last.x1 - 1, b.x0 + 1, std::max(last.y0, b.y0), std::min(last.y1, b.y1)))
                continue;
            if (best < 0 || gap < bestGap) {
                best = p;
                bestGap = gap;
            }
        }
        if (best < 0) {
            phrases.push_back({{}, {}, false});
            best = static_cast<int>(phrases.size()) - 1;
        }
        Phrase& phrase = phrases[best];
        phrase.words.push_back(i);
        phrase.box = phrase.box.united(b);
        phrase.closed = endsWithColon(words[i].text);
    }

    // Paragraphs: a phrase continues the nearest phrase above it that it may continue: set like the lines of
    // one paragraph (close below it, left edges aligned, similar heights, the upper line wide and full, no
    // rule between them), the upper one not a key.
    const int n = static_cast<int>(phrases.size());
    // Measured where the lines meet (a skewed page's long lines overlap as a whole): the lower line's first
    // word against the word of the upper line above it.
    auto below = [&](int a, int b) { // b is a candidate next line of a
        const PixelBox &A = phrases[a].box, &B = phrases[b].box;
        if (xOverlap(A, B) <= 0)
            return false;
        const PixelBox& first = words[phrases[b].words.front()].box;
        const PixelBox* over = &words[phrases[a].words.front()].box;
        for (int w : phrases[a].words)
            if (words[w].box.x0 <= std::max(first.x0, A.x0))
                over = &words[w].box;
        const double unit = std::min(textHeight * 1.5, (heightOf(*over) + heightOf(first)) / 2);
        return first.y0 >= over->y1 - 0.3 * unit && first.y0 - over->y1 <= kParagraphGap * unit;
    };
    std::vector<int> next(static_cast<size_t>(n), -1), prev(static_cast<size_t>(n), -1);
    auto joins = [&](int a, int b) { // b may continue the paragraph of a
        if (b == a || !below(a, b))
            return false;
        const PixelBox &A = phrases[a].box, &B = phrases[b].box;
        const double unit = std::min(textHeight * 1.5, (heightOf(A) + heightOf(B)) / 2);
        const double ha = heightOf(words[phrases[a].words.front()].box);
        const double hb = heightOf(words[phrases[b].words.front()].box);
        if (std::abs(A.x0 - B.x0) > kParagraphAlign * unit || std::max(ha, hb) > kHeightRatio * std::min(ha, hb))
            return false;
        // A paragraph's line ends where the next line's first word would not have fit: lines of a list do not.
        const PixelBox& first = words[phrases[b].words.front()].box;
        if (A.x1 + (0.5 + kWrapSlack) * unit + first.width() < std::max(A.x1, B.x1))
            return false;
        if (A.width() < kParagraphWidth * unit)
            return false;
        return !rules.separatesRows(A.y1 - 1, B.y0 + 1, std::max(A.x0, B.x0), std::min(A.x1, B.x1));
    };
    // Top to bottom, each line takes the nearest line below that may continue it and is not taken yet.
    std::vector<int> byTop(static_cast<size_t>(n));
    std::iota(byTop.begin(), byTop.end(), 0);
    std::stable_sort(byTop.begin(), byTop.end(), [&](int a, int b) { return phrases[a].box.y0 < phrases[b].box.y0; });
    for (int a : byTop) {
        if (phrases[a].closed)
            continue;
        int best = -1;
        for (int b = 0; b < n; ++b)
            if (prev[static_cast<size_t>(b)] < 0 && joins(a, b)
                && (best < 0 || phrases[b].box.y0 < phrases[best].box.y0))
                best = b;
        if (best < 0)
            continue;
        next[static_cast<size_t>(a)] = best;
        prev[static_cast<size_t>(best)] = a;
    }

    std::vector<ProposedEntity> entities;
    for (int a = 0; a < n; ++a) {
        if (prev[static_cast<size_t>(a)] >= 0)
            continue;
        ProposedEntity e;
        for (int p = a; p >= 0; p = next[static_cast<size_t>(p)]) {
            for (int w : phrases[p].words) {
                e.words.push_back(w);
                e.text += (e.text.isEmpty() ? QString() : QStringLiteral(" ")) + words[w].text.trimmed();
            }
            e.box = e.box.united(phrases[p].box);
        }
        entities.push_back(std::move(e));
    }
    std::vector<PixelBox> boxes;
    for (const ProposedEntity& e : entities)
        boxes.push_back(words[e.words.front()].box);
    std::vector<ProposedEntity> ordered;
    std::vector<EntityRecord> records;
    // An entity set in bold (every word) is a key, like one ending in ':'.
    const std::vector<bool> boldWord = boldWords(words, page);
    std::vector<bool> bold;
    for (int i : readingOrder(boxes)) {
        ordered.push_back(std::move(entities[i]));
        EntityRecord r;
        r.text = ordered.back().text;
        r.box = ordered.back().box;
        records.push_back(std::move(r));
        bool all = !ordered.back().words.empty();
        for (int w : ordered.back().words)
            all = all && boldWord[static_cast<std::size_t>(w)];
        bold.push_back(all);
    }
    const std::vector<QString> labels = guessLabels(records, bold);
    for (size_t i = 0; i < ordered.size(); ++i)
        ordered[i].label = labels[i];
    return ordered;
}

namespace {

/// The height of one line of text on a page of entities: the median of their heights (most are one line).
double lineHeight(const std::vector<EntityRecord>& entities)
{
    std::vector<double> h;
    for (const EntityRecord& e : entities)
        if (!e.box.isEmpty())
            h.push_back(heightOf(e.box));
    return std::max(1.0, median(h));
}

/// A mark rather than words: a tick, a cross, a box ("☑", "X", "(X)", "-"): what a checkbox holds.
bool isMark(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 3)
        return false;
    for (const QChar c : t)
        if (c.isDigit() || (c.isLetter() && c.toUpper() != QLatin1Char('X')))
            return false;
    return true;
}

/// Too small to stand between a key and its value: punctuation alone (":", "-").
bool isPunctuation(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() > 2)
        return false;
    for (const QChar c : t)
        if (c.isLetterOrNumber())
            return false;
    return true;
}

/// Some entity other than `a` and `b` (and other than those `passes` lets through) lies in `between`.
template <typename Passes>
bool blocked(const std::vector<EntityRecord>& entities, size_t a, size_t b, const PixelBox& between, Passes passes)
{
    if (between.isEmpty())
        return false;
    for (size_t e = 0; e < entities.size(); ++e) {
        if (e == a || e == b || entities[e].box.isEmpty() || isPunctuation(entities[e].text) || passes(e))
            continue;
        const PixelBox& box = entities[e].box;
        const int cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
        if (box.intersected(between).area() > 0
            && ((cx >= between.x0 && cx < between.x1) || (cy >= between.y0 && cy < between.y1)))
            return true;
    }
    return false;
}

bool blocked(const std::vector<EntityRecord>& entities, size_t a, size_t b, const PixelBox& between)
{
    return blocked(entities, a, b, between, [](size_t) { return false; });
}

/// A value right of its key on the key's line: the cost (in line heights), or a negative number when `value`
/// is not there.
double rightCost(const EntityRecord& key, const EntityRecord& value, double unit)
{
    const PixelBox &k = key.box, &v = value.box;
    if (v.x0 < k.x1 - 0.5 * unit)
        return -1;
    if (yOverlap(k, v) < 0.4 * std::min(heightOf(k), heightOf(v)))
        return -1;
    return (v.x0 - k.x1) / unit + 0.3 * std::abs(v.y0 - k.y0) / unit;
}

/// A value below its key, in its column or indented under it. `maxGap`: how far below (line heights).
double belowCost(const EntityRecord& key, const EntityRecord& value, double unit, double maxGap = kMaxAboveGap)
{
    const PixelBox &k = key.box, &v = value.box;
    if (v.y0 < k.y1 - 0.3 * unit || v.y0 - k.y1 > maxGap * unit)
        return -1;
    if (xOverlap(k, v) <= 0 && (v.x0 < k.x0 - unit || v.x0 > k.x1 + kIndent * unit))
        return -1;
    return kAboveCost + (v.y0 - k.y1) / unit + 0.2 * std::abs(v.x0 - k.x0) / unit;
}

struct TextShape {
    int letters = 0, upper = 0, digits = 0, words = 0;
};

TextShape shapeOf(const QString& text)
{
    TextShape s;
    for (const QChar c : text) {
        if (c.isLetter()) {
            ++s.letters;
            s.upper += c.isUpper() ? 1 : 0;
        }
        s.digits += c.isDigit() ? 1 : 0;
    }
    s.words = static_cast<int>(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
    return s;
}

} // namespace

std::vector<bool> boldWords(const std::vector<WordRecord>& words, const QImage& page)
{
    std::vector<bool> bold(words.size(), false);
    if (page.isNull() || words.size() < 8)
        return bold;
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    constexpr int kDark = 128;
    // Stroke width: the mean dark run along the box's rows (a word without ascenders has a lower box, so
    // the box's height is no measure; the page's usual word is).
    std::vector<double> widths(words.size(), -1);
    std::vector<double> all;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const PixelBox& b = words[i].box;
        const int x0 = std::max(0, b.x0), x1 = std::min(grey.width(), b.x1);
        const int y0 = std::max(0, b.y0), y1 = std::min(grey.height(), b.y1);
        if (x1 - x0 < 2 || y1 - y0 < 4 || words[i].text.trimmed().isEmpty())
            continue;
        long long dark = 0, runs = 0;
        for (int y = y0; y < y1; ++y) {
            const uchar* row = grey.constScanLine(y);
            bool inRun = false;
            for (int x = x0; x < x1; ++x) {
                const bool d = row[x] < kDark;
                dark += d ? 1 : 0;
                runs += (d && !inRun) ? 1 : 0;
                inRun = d;
            }
        }
        if (runs == 0)
            continue;
        widths[i] = static_cast<double>(dark) / static_cast<double>(runs);
        all.push_back(widths[i]);
    }
    if (all.size() < 8)
        return bold;
    const double usual = median(all);
    for (std::size_t i = 0; i < words.size(); ++i)
        bold[i] = widths[i] > 0 && widths[i] >= 1.35 * usual;
    return bold;
}

std::vector<QString> guessLabels(const std::vector<EntityRecord>& entities, const std::vector<bool>& bold)
{
    const size_t n = entities.size();
    std::vector<QString> labels(n);
    const double unit = lineHeight(entities);
    const QString question = QStringLiteral("question"), answer = QStringLiteral("answer");
    // A key's value: right of it on its line or just below it, nothing in between.
    auto valueOfKey = [&](size_t i) {
        const EntityRecord& e = entities[i];
        for (size_t k = 0; k < n; ++k) {
            if (k == i || labels[k] != question)
                continue;
            const PixelBox& kb = entities[k].box;
            if (rightCost(entities[k], e, unit) >= 0 && !blocked(entities, k, i, {kb.x1, e.box.y0, e.box.x0, e.box.y1}))
                return true;
            const double below = belowCost(entities[k], e, unit);
            if (below >= 0 && below - kAboveCost <= 1.5
                && !blocked(entities, k, i, {e.box.x0, kb.y1, e.box.x1, e.box.y0}))
                return true;
        }
        return false;
    };
    // Keys: a text ending in ':'. Their values are not keys; other keys are short labels of words (not a
    // number) with something on their right on their line, or heading a column of at least two entries.
    std::vector<bool> colonValue(n, false);
    for (size_t i = 0; i < n; ++i)
        if (!entities[i].box.isEmpty()
            && (endsWithColon(entities[i].text)
                || (i < bold.size() && bold[i] && shapeOf(entities[i].text).letters >= 2
                    && shapeOf(entities[i].text).words <= kKeyWords)))
            labels[i] = question;
    for (size_t i = 0; i < n; ++i)
        colonValue[i] = labels[i].isEmpty() && !entities[i].box.isEmpty() && valueOfKey(i);
    for (size_t i = 0; i < n; ++i) {
        const EntityRecord& e = entities[i];
        if (e.box.isEmpty() || !labels[i].isEmpty() || colonValue[i])
            continue;
        const TextShape shape = shapeOf(e.text);
        if (shape.letters < 2 || shape.digits > shape.letters || shape.words > kKeyWords)
            continue;
        int right = 0, column = 0, above = 0;
        for (size_t k = 0; k < n; ++k) {
            if (k == i || entities[k].box.isEmpty() || isPunctuation(entities[k].text))
                continue;
            const EntityRecord& v = entities[k];
            const double r = rightCost(e, v, unit);
            if (r >= 0 && r <= kKeyReach && !endsWithColon(v.text)
                && !blocked(entities, i, k,
                            {e.box.x1, std::max(e.box.y0, v.box.y0), v.box.x0, std::min(e.box.y1, v.box.y1)}))
                ++right;
            const bool inColumn = xOverlap(e.box, v.box) >= 0.5 * std::min(e.box.width(), v.box.width());
            if (inColumn && belowCost(e, v, unit, kMaxColumn) >= 0)
                ++column;
            if (inColumn && belowCost(v, e, unit) >= 0)
                ++above;
        }
        if (right > 0 || (column >= 2 && above == 0))
            labels[i] = question;
    }
    for (size_t i = 0; i < n; ++i) {
        if (!labels[i].isEmpty() || entities[i].box.isEmpty())
            continue;
        const EntityRecord& e = entities[i];
        bool alone = true;
        for (size_t k = 0; k < n; ++k)
            if (k != i && yOverlap(entities[k].box, e.box) > 0)
                alone = false;
        const bool isAnswer = colonValue[i] || valueOfKey(i);
        if (isAnswer) {
            labels[i] = answer;
            continue;
        }
        const TextShape shape = shapeOf(e.text);
        const bool capitals = shape.letters >= 3 && shape.upper == shape.letters;
        const bool tall = heightOf(e.box) >= 1.5 * unit && e.text.size() <= 60;
        labels[i] = alone && (capitals || tall) ? QStringLiteral("header") : QStringLiteral("other");
    }
    for (QString& l : labels)
        if (l.isEmpty())
            l = QStringLiteral("other");
    return labels;
}

std::vector<ProposedLink> proposeLinks(const std::vector<EntityRecord>& entities)
{
    const size_t n = entities.size();
    std::vector<QString> labels(n);
    bool guess = false;
    for (size_t i = 0; i < n; ++i) {
        labels[i] = entities[i].label;
        guess = guess || labels[i].isEmpty();
    }
    if (guess) {
        const std::vector<QString> guessed = guessLabels(entities);
        for (size_t i = 0; i < n; ++i)
            if (labels[i].isEmpty())
                labels[i] = guessed[i];
    }
    const double unit = lineHeight(entities);
    auto isKey = [&](size_t i) { return labels[i] == QLatin1String("question"); };
    auto isValue = [&](size_t i) { return labels[i] == QLatin1String("answer"); };

    std::vector<ProposedLink> links;
    std::set<std::pair<int, int>> made;
    auto add = [&](size_t key, size_t value, double cost) {
        const int a = static_cast<int>(key), b = static_cast<int>(value);
        const std::pair<int, int> pair = std::minmax(a, b);
        if (key == value || !made.insert(pair).second)
            return;
        links.push_back({static_cast<int>(key), static_cast<int>(value), defaultLinkType(), 1.0 / (1.0 + 0.3 * cost)});
    };
    // For each value: the nearest unblocked key on its line to its left (to its right for a checkbox mark),
    // and the nearest key above it; values stacked under one key (a column) do not block it.
    struct Choice {
        long right = -1, below = -1, row = -1;
        double rightCost = 0, belowCost = 0, rowCost = 0;
    };
    std::vector<Choice> choices(n);
    std::vector<int> column(n, 0); // values that have the key as their key above
    for (size_t v = 0; v < n; ++v) {
        if (!isValue(v) || entities[v].box.isEmpty())
            continue;
        const PixelBox& vb = entities[v].box;
        Choice& c = choices[v];
        for (size_t k = 0; k < n; ++k) {
            if (k == v || !isKey(k) || entities[k].box.isEmpty())
                continue;
            const PixelBox& kb = entities[k].box;
            double r = rightCost(entities[k], entities[v], unit);
            PixelBox between{kb.x1, std::max(kb.y0, vb.y0), vb.x0, std::min(kb.y1, vb.y1)};
            if (r < 0 && isMark(entities[v].text)) {
                r = rightCost(entities[v], entities[k], unit);
                between = {vb.x1, std::max(kb.y0, vb.y0), kb.x0, std::min(kb.y1, vb.y1)};
            }
            if (r >= 0 && (c.right < 0 || r < c.rightCost) && !blocked(entities, k, v, between)) {
                c.right = static_cast<long>(k);
                c.rightCost = r;
            }
            // A row's header, past the row's other cells.
            if (r >= 0 && (c.row < 0 || r < c.rowCost)
                && !blocked(entities, k, v, between, [&](size_t e) { return isValue(e); })) {
                c.row = static_cast<long>(k);
                c.rowCost = r;
            }
            const double b = belowCost(entities[k], entities[v], unit, kMaxColumn);
            if (b < 0 || (c.below >= 0 && b >= c.belowCost))
                continue;
            const PixelBox above{std::max(kb.x0, vb.x0), kb.y1, std::max(std::min(kb.x1, vb.x1), vb.x0 + 1), vb.y0};
            bool throughValues = false;
            const bool stopped = blocked(entities, k, v, above, [&](size_t e) {
                const bool value = isValue(e);
                throughValues = throughValues || value;
                return value;
            });
            if (stopped || (!throughValues && b - kAboveCost > kMaxAboveGap + 0.2 * std::abs(vb.x0 - kb.x0) / unit))
                continue;
            // A column's cells sit under its header, not beside it.
            if (throughValues && xOverlap(kb, vb) < 0.5 * std::min(kb.width(), vb.width()))
                continue;
            c.below = static_cast<long>(k);
            c.belowCost = b;
        }
        if (c.right < 0 && c.row >= 0) {
            c.right = c.row;
            c.rightCost = c.rowCost + kRowCost;
        }
        if (c.below >= 0)
            ++column[static_cast<size_t>(c.below)];
    }
    // A key with its value on its right is not also the key of the values below it (unless it heads a column).
    std::vector<bool> hasRight(n, false);
    for (const Choice& c : choices)
        if (c.right >= 0)
            hasRight[static_cast<size_t>(c.right)] = true;
    for (size_t v = 0; v < n; ++v) {
        Choice& c = choices[v];
        if (c.below >= 0 && hasRight[static_cast<size_t>(c.below)] && column[static_cast<size_t>(c.below)] < kTableRows)
            c.below = -1;
    }
    for (size_t v = 0; v < n; ++v) {
        const Choice& c = choices[v];
        const bool table = c.below >= 0 && column[static_cast<size_t>(c.below)] >= kTableRows;
        if (c.right >= 0 && table) {
            add(static_cast<size_t>(c.right), v, c.rightCost);
            add(static_cast<size_t>(c.below), v, c.belowCost);
        } else if (c.right >= 0 && (c.below < 0 || c.rightCost <= c.belowCost))
            add(static_cast<size_t>(c.right), v, c.rightCost);
        else if (c.below >= 0)
            add(static_cast<size_t>(c.below), v, c.belowCost);
    }
    std::stable_sort(links.begin(), links.end(),
                     [](const ProposedLink& a, const ProposedLink& b) { return a.score > b.score; });
    return links;
}

namespace {

struct Anchor {
    double fromX, fromY, toX, toY;
};

/// Text of a word as an anchor: "" when it cannot be one (short, or no letter or digit).
QString anchorText(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() < 3)
        return {};
    for (const QChar c : t)
        if (c.isLetterOrNumber())
            return t;
    return {};
}

std::map<QString, int> uniqueAnchors(const std::vector<WordRecord>& words)
{
    std::map<QString, int> seen; // text -> index, or -1 when it occurs more than once
    for (int i = 0; i < static_cast<int>(words.size()); ++i) {
        const QString t = anchorText(words[i].text);
        if (t.isEmpty() || words[i].box.isEmpty())
            continue;
        auto [it, fresh] = seen.emplace(t, i);
        if (!fresh)
            it->second = -1;
    }
    return seen;
}

/// Least squares of to = s * from + d on the given pairs; false when the pairs do not spread.
bool fitAxis(const std::vector<std::pair<double, double>>& pairs, double& scale, double& shift)
{
    const double n = static_cast<double>(pairs.size());
    if (pairs.empty())
        return false;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto& [x, y] : pairs) {
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double var = sxx - sx * sx / n;
    if (var <= 1e-6 * n) {
        scale = 1;
        shift = (sy - sx) / n;
        return true;
    }
    scale = (sxy - sx * sy / n) / var;
    shift = (sy - scale * sx) / n;
    return true;
}

} // namespace

PageAlignment alignPages(const std::vector<WordRecord>& fromWords, const std::vector<WordRecord>& toWords)
{
    PageAlignment result;
    const std::map<QString, int> from = uniqueAnchors(fromWords), to = uniqueAnchors(toWords);
    std::vector<Anchor> anchors;
    std::vector<double> heights;
    for (const auto& [text, i] : from) {
        const auto it = to.find(text);
        if (i < 0 || it == to.end() || it->second < 0)
            continue;
        const PixelBox &a = fromWords[static_cast<size_t>(i)].box, &b = toWords[static_cast<size_t>(it->second)].box;
        anchors.push_back({(a.x0 + a.x1) / 2.0, (a.y0 + a.y1) / 2.0, (b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0});
        heights.push_back(heightOf(a));
    }
    if (anchors.size() < 3)
        return result;
    // Keep the work bounded on pages with very many anchors: a spread-out subset is enough for the consensus.
    std::vector<Anchor> sample = anchors;
    if (sample.size() > 120) {
        std::vector<Anchor> every;
        const size_t step = sample.size() / 120 + 1;
        for (size_t i = 0; i < sample.size(); i += step)
            every.push_back(sample[i]);
        sample = std::move(every);
    }
    const double tolerance = std::max(3.0, 0.6 * median(heights));
    auto inliersOf = [&](double sx, double dx, double sy, double dy) {
        std::vector<size_t> in;
        for (size_t i = 0; i < anchors.size(); ++i)
            if (std::abs(sx * anchors[i].fromX + dx - anchors[i].toX) <= tolerance
                && std::abs(sy * anchors[i].fromY + dy - anchors[i].toY) <= tolerance)
                in.push_back(i);
        return in;
    };
    // Consensus: every pair of anchors proposes a scale and shift per axis (a pair too close on an axis
    // proposes scale 1 there); the proposal most anchors agree with wins.
    std::vector<size_t> best;
    for (size_t i = 0; i < sample.size(); ++i)
        for (size_t j = i + 1; j < sample.size(); ++j) {
            const Anchor &a = sample[i], &b = sample[j];
            const double ddx = b.fromX - a.fromX, ddy = b.fromY - a.fromY;
            const double sx = std::abs(ddx) > 4 * tolerance ? (b.toX - a.toX) / ddx : 1.0;
            const double sy = std::abs(ddy) > 4 * tolerance ? (b.toY - a.toY) / ddy : 1.0;
            // Scans of one printed form differ in scale a little and keep their aspect ratio.
            if (sx < kMinScale || sx > 1 / kMinScale || sy < kMinScale || sy > 1 / kMinScale
                || std::abs(sx / sy - 1) > kMaxAspectChange)
                continue;
            std::vector<size_t> in = inliersOf(sx, a.toX - sx * a.fromX, sy, a.toY - sy * a.fromY);
            if (in.size() > best.size())
                best = std::move(in);
        }
    if (best.size() < 3)
        return result;
    // Least squares on the inliers, once more with the inliers of that fit.
    for (int round = 0; round < 2; ++round) {
        std::vector<std::pair<double, double>> xs, ys;
        for (size_t i : best) {
            xs.emplace_back(anchors[i].fromX, anchors[i].toX);
            ys.emplace_back(anchors[i].fromY, anchors[i].toY);
        }
        fitAxis(xs, result.scaleX, result.dx);
        fitAxis(ys, result.scaleY, result.dy);
        std::vector<size_t> in = inliersOf(result.scaleX, result.dx, result.scaleY, result.dy);
        if (in.size() < 3)
            break;
        best = std::move(in);
    }
    result.anchors = static_cast<int>(best.size());
    result.valid = result.anchors >= 3;
    return result;
}

PageForm carryForm(const std::vector<WordRecord>& fromWords, const PageForm& fromForm,
                   const std::vector<WordRecord>& toWords)
{
    PageForm out;
    const PageAlignment align = alignPages(fromWords, toWords);
    if (!align.valid)
        return out;
    std::map<WordId, const WordRecord*> fromById;
    for (const WordRecord& w : fromWords)
        fromById[w.id] = &w;
    // Each entity's box on the target page: its words' boxes (or its stored box) mapped.
    std::vector<PixelBox> mapped;
    for (const EntityRecord& e : fromForm.entities) {
        PixelBox box;
        for (WordId id : e.words)
            if (const auto it = fromById.find(id); it != fromById.end())
                box = box.united(it->second->box);
        if (box.isEmpty())
            box = e.box;
        mapped.push_back({static_cast<int>(std::lround(align.scaleX * box.x0 + align.dx)),
                          static_cast<int>(std::lround(align.scaleY * box.y0 + align.dy)),
                          static_cast<int>(std::lround(align.scaleX * box.x1 + align.dx)),
                          static_cast<int>(std::lround(align.scaleY * box.y1 + align.dy))});
    }
    // Each target word goes to the smallest mapped box that holds its centre.
    std::vector<std::vector<int>> taken(fromForm.entities.size());
    for (int w = 0; w < static_cast<int>(toWords.size()); ++w) {
        const PixelBox& b = toWords[static_cast<size_t>(w)].box;
        if (b.isEmpty() || toWords[static_cast<size_t>(w)].text.trimmed().isEmpty())
            continue;
        const int cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
        long best = -1;
        for (size_t e = 0; e < mapped.size(); ++e) {
            const PixelBox& m = mapped[e];
            if (m.isEmpty() || cx < m.x0 || cx >= m.x1 || cy < m.y0 || cy >= m.y1)
                continue;
            if (best < 0 || m.area() < mapped[static_cast<size_t>(best)].area())
                best = static_cast<long>(e);
        }
        if (best >= 0)
            taken[static_cast<size_t>(best)].push_back(w);
    }
    // A value filled in longer on this page than on the labelled one runs out of its mapped box: the rest of
    // the phrase (proposeEntities() on this page) that an entity holds most of, where no entity took it, joins.
    std::vector<long> owner(toWords.size(), -1);
    for (size_t e = 0; e < taken.size(); ++e)
        for (int w : taken[e])
            owner[static_cast<size_t>(w)] = static_cast<long>(e);
    for (const ProposedEntity& phrase : proposeEntities(toWords)) {
        std::map<long, int> votes;
        for (int w : phrase.words)
            if (owner[static_cast<size_t>(w)] >= 0)
                ++votes[owner[static_cast<size_t>(w)]];
        long best = -1;
        int most = 0;
        for (const auto& [e, n] : votes)
            if (n > most) {
                best = e;
                most = n;
            }
        if (best < 0)
            continue;
        for (int w : phrase.words)
            if (owner[static_cast<size_t>(w)] < 0) {
                owner[static_cast<size_t>(w)] = best;
                taken[static_cast<size_t>(best)].push_back(w);
            }
    }
    std::set<EntityId> kept;
    for (size_t e = 0; e < fromForm.entities.size(); ++e) {
        if (taken[e].empty())
            continue;
        const EntityRecord& source = fromForm.entities[e];
        EntityRecord carried;
        carried.id = source.id;
        carried.label = source.label;
        carried.field = source.field;
        carried.source = carriedSource();
        carried.proposed = true;
        std::vector<PixelBox> boxes;
        for (int w : taken[e])
            boxes.push_back(toWords[static_cast<size_t>(w)].box);
        for (int i : readingOrder(boxes)) {
            const WordRecord& w = toWords[static_cast<size_t>(taken[e][static_cast<size_t>(i)])];
            carried.words.push_back(w.id);
            carried.pageId = w.pageId;
            carried.text += (carried.text.isEmpty() ? QString() : QStringLiteral(" ")) + w.text.trimmed();
            carried.box = carried.box.united(w.box);
        }
        kept.insert(carried.id);
        out.entities.push_back(std::move(carried));
    }
    for (const LinkRecord& link : fromForm.links) {
        if (!kept.count(link.from) || !kept.count(link.to))
            continue;
        LinkRecord carried = link;
        carried.id = 0;
        carried.pageId = out.entities.front().pageId;
        carried.source = carriedSource();
        carried.proposed = true;
        out.links.push_back(std::move(carried));
    }
    return out;
}

} // namespace incidoc
