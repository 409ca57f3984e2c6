#include "core/review/line_align.h"

#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace incidoc {
namespace {

// The costs of the alignment. A word typed again costs nothing; a changed word 0.3 plus up to 0.7 for how
// much of it changed, so replacing a word (at most 1) is always cheaper than deleting it and inserting
// another (1.2), while two words that merely moved are deleted and inserted rather than both rewritten. A
// split or join costs 0.2 per extra part, plus, when its joined letters changed, 0.4 and up to 0.7 for how
// much: "hello" → "hel lo" costs 0.2, "helo" → "hel lo" 0.74 (cheaper than "hel" and "lo" inserted, 1.08),
// but "cat" → "cat is" (0.88) loses to "is" inserted (0.6), and a short word deleted beside a long one is
// deleted (0.6), never joined into it.
constexpr double kChanged = 0.3;
constexpr double kChangedParts = 0.4;
constexpr double kChangedPerLetter = 0.7;
constexpr double kDelete = 0.6;
constexpr double kInsert = 0.6;
constexpr double kExtraPart = 0.2;
constexpr int kMaxParts = 4; // a word split into (or joined from) at most this many
// A split or join is only offered when at most half the letters changed: else "the" → "the big red" would
// pass for a split of "the" rather than two words inserted, and three words all replaced for joins and
// splits of each other.
constexpr double kMaxJoinedChange = 0.5;
constexpr double kEpsilon = 1e-9;

int graphemes(const QString& s)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, s);
    int n = 0;
    while (finder.toNextBoundary() > 0)
        ++n;
    return std::max(n, 1);
}

// Levenshtein distance over code points.
int editDistance(const QList<uint>& a, const QList<uint>& b)
{
    std::vector<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// What share of the letters differ (0: the same text, 1: nothing in common).
double letterChange(const QString& was, const QString& now)
{
    if (was == now)
        return 0;
    const QList<uint> a = was.toUcs4(), b = now.toUcs4();
    const auto longest = std::max<qsizetype>({a.size(), b.size(), 1});
    return editDistance(a, b) / static_cast<double>(longest);
}

double textCost(double change)
{
    return change == 0 ? 0 : kChanged + kChangedPerLetter * change;
}

// A split or a join whose letters changed this much is a cost; above kMaxJoinedChange it is not offered.
std::optional<double> partsCost(const QString& was, const QString& now, int parts)
{
    const double change = letterChange(was, now);
    if (change > kMaxJoinedChange)
        return std::nullopt;
    return (change == 0 ? 0 : kChangedParts + kChangedPerLetter * change) + kExtraPart * (parts - 1);
}

// Which page pixels of the line are ink: the image read as grey, dark below an Otsu threshold of the part
// showing the line. Sampled once per page pixel, so a lower-resolution render works as well as a full one.
class InkMask {
public:
    InkMask(const LineInk& ink, const PixelBox& line) : m_line(line)
    {
        if (ink.image.isNull() || ink.area.isEmpty() || line.isEmpty())
            return;
        const QImage grey = ink.image.convertToFormat(QImage::Format_Grayscale8);
        const double sx = grey.width() / static_cast<double>(ink.area.width());
        const double sy = grey.height() / static_cast<double>(ink.area.height());
        auto imageX = [&](int x) { return static_cast<int>(std::floor((x + 0.5 - ink.area.x0) * sx)); };
        auto imageY = [&](int y) { return static_cast<int>(std::floor((y + 0.5 - ink.area.y0) * sy)); };
        std::vector<int> greys(static_cast<std::size_t>(line.area()), -1);
        int histogram[256] = {};
        for (int y = line.y0; y < line.y1; ++y) {
            const int iy = imageY(y);
            if (iy < 0 || iy >= grey.height())
                continue;
            const uchar* scan = grey.constScanLine(iy);
            for (int x = line.x0; x < line.x1; ++x) {
                const int ix = imageX(x);
                if (ix < 0 || ix >= grey.width())
                    continue;
                greys[index(x, y)] = scan[ix];
                ++histogram[scan[ix]];
            }
        }
        const std::optional<int> threshold = otsu(histogram);
        if (!threshold)
            return; // one colour: no ink to tell apart
        m_dark.assign(greys.size(), 0);
        for (std::size_t i = 0; i < greys.size(); ++i)
            m_dark[i] = greys[i] >= 0 && greys[i] <= *threshold;
        m_known = true;
    }

    bool known() const { return m_known; }

    /// Whether column x holds ink between rows y0 and y1 (clipped to the line).
    bool column(int x, int y0, int y1) const
    {
        if (!m_known || x < m_line.x0 || x >= m_line.x1)
            return false;
        for (int y = std::max(y0, m_line.y0); y < std::min(y1, m_line.y1); ++y)
            if (m_dark[index(x, y)])
                return true;
        return false;
    }

private:
    std::size_t index(int x, int y) const
    {
        return static_cast<std::size_t>(y - m_line.y0) * static_cast<std::size_t>(m_line.width())
               + static_cast<std::size_t>(x - m_line.x0);
    }

    // The grey that best separates the two classes of the histogram; nullopt when the contrast is too low to
    // hold ink (a blank or uniform crop).
    static std::optional<int> otsu(const int (&histogram)[256])
    {
        long long total = 0, sum = 0;
        int lo = 255, hi = 0;
        for (int g = 0; g < 256; ++g) {
            total += histogram[g];
            sum += static_cast<long long>(g) * histogram[g];
            if (histogram[g]) {
                lo = std::min(lo, g);
                hi = std::max(hi, g);
            }
        }
        if (total == 0 || hi - lo < 48)
            return std::nullopt;
        long long weightBelow = 0, sumBelow = 0;
        double best = -1;
        int threshold = lo;
        for (int g = 0; g < 255; ++g) {
            weightBelow += histogram[g];
            sumBelow += static_cast<long long>(g) * histogram[g];
            const long long weightAbove = total - weightBelow;
            if (weightBelow == 0 || weightAbove == 0)
                continue;
            const double meanBelow = static_cast<double>(sumBelow) / weightBelow;
            const double meanAbove = static_cast<double>(sum - sumBelow) / weightAbove;
            const double between =
                static_cast<double>(weightBelow) * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = g;
            }
        }
        return threshold;
    }

    PixelBox m_line;
    std::vector<uint8_t> m_dark;
    bool m_known = false;
};

struct Span {
    int x0 = 0, x1 = 0;
};

// Cuts [x0, x1) into pieces weighted by `weights` (their characters). Each cut goes into the widest ink gap
// (a run of inkless columns between inked ones, rows y0..y1) near the place the weights give, within one and
// a half characters; the gap itself belongs to neither piece. Without such a gap the cut is at that place.
std::vector<Span> cutSpan(Span span, int y0, int y1, const std::vector<int>& weights, const InkMask& ink)
{
    const int k = static_cast<int>(weights.size());
    const int width = span.x1 - span.x0;
    if (k <= 1)
        return {span};
    if (width < k)
        return std::vector<Span>(weights.size(), span); // too narrow for a column each: they share it
    std::vector<Span> gaps;
    if (ink.known()) {
        int lastInk = -1, runStart = -1;
        for (int x = span.x0; x < span.x1; ++x) {
            if (ink.column(x, y0, y1)) {
                if (runStart >= 0 && lastInk >= 0)
                    gaps.push_back({runStart, x});
                runStart = -1;
                lastInk = x;
            } else if (runStart < 0) {
                runStart = x;
            }
        }
    }
    int total = 0;
    for (int w : weights)
        total += w;
    const double perChar = width / static_cast<double>(total);
    const double window = std::max(2.0, 1.5 * perChar);
    std::vector<Span> pieces;
    int start = span.x0, before = 0;
    std::size_t firstGap = 0;
    for (int i = 1; i < k; ++i) {
        before += weights[static_cast<std::size_t>(i - 1)];
        const double target = span.x0 + width * before / static_cast<double>(total);
        const int piecesAfter = k - i;
        std::optional<std::size_t> chosen;
        for (std::size_t g = firstGap; g < gaps.size(); ++g) {
            const Span& gap = gaps[g];
            if (gap.x0 <= start || span.x1 - gap.x1 < piecesAfter)
                continue;
            if (gap.x1 < target - window || gap.x0 > target + window)
                continue;
            const auto distance = [&](const Span& s) { return std::abs((s.x0 + s.x1) / 2.0 - target); };
            if (!chosen) {
                chosen = g;
                continue;
            }
            const Span& c = gaps[*chosen];
            const int gw = gap.x1 - gap.x0, cw = c.x1 - c.x0;
            if (gw > cw || (gw == cw && distance(gap) < distance(c)))
                chosen = g;
        }
        if (chosen) {
            pieces.push_back({start, gaps[*chosen].x0});
            start = gaps[*chosen].x1;
            firstGap = *chosen + 1;
        } else {
            const int cut = std::clamp(static_cast<int>(std::lround(target)), start + 1, span.x1 - piecesAfter);
            pieces.push_back({start, cut});
            start = cut;
            while (firstGap < gaps.size() && gaps[firstGap].x0 <= start)
                ++firstGap;
        }
    }
    pieces.push_back({start, span.x1});
    return pieces;
}

enum class Step { None, Keep, Delete, Insert, Split, Merge };

struct Cell {
    double cost = std::numeric_limits<double>::infinity();
    Step step = Step::None;
    int parts = 1; ///< Split: new words made from one old; Merge: old words joined into one
};

} // namespace

std::vector<QString> lineTokens(const QString& text)
{
    std::vector<QString> out;
    QString current;
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (!current.isEmpty())
                out.push_back(std::exchange(current, QString()));
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        out.push_back(current);
    return out;
}

LineAlignment alignLine(const std::vector<LineWord>& words, const QString& text, const LineInk& ink)
{
    LineAlignment out;
    const std::vector<QString> typed = lineTokens(text);
    const int n = static_cast<int>(words.size());
    const int m = static_cast<int>(typed.size());
    if (n == 0)
        return out;
    if (m == 0) {
        for (int i = 0; i < n; ++i)
            out.removed.push_back(i);
        return out;
    }

    // Word-level edit distance: cell (i, j) aligns the first i old words with the first j typed ones.
    std::vector<std::vector<Cell>> table(static_cast<std::size_t>(n + 1), std::vector<Cell>(m + 1));
    auto at = [&](int i, int j) -> Cell& { return table[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]; };
    at(0, 0).cost = 0;
    for (int i = 0; i <= n; ++i) {
        for (int j = 0; j <= m; ++j) {
            Cell& cell = at(i, j);
            auto offer = [&](double cost, Step step, int parts) {
                if (cost < cell.cost - kEpsilon)
                    cell = {cost, step, parts};
            };
            // Tried in order of preference: on a tie the earlier step stays.
            if (i > 0 && j > 0)
                offer(at(i - 1, j - 1).cost + textCost(letterChange(words[i - 1].text, typed[j - 1])), Step::Keep, 1);
            QString joined;
            for (int k = 2; k <= kMaxParts && i > 0 && j >= k; ++k) {
                joined.clear();
                for (int p = j - k; p < j; ++p)
                    joined += typed[p];
                if (const auto cost = partsCost(words[i - 1].text, joined, k))
                    offer(at(i - 1, j - k).cost + *cost, Step::Split, k);
            }
            for (int k = 2; k <= kMaxParts && j > 0 && i >= k; ++k) {
                joined.clear();
                for (int p = i - k; p < i; ++p)
                    joined += words[p].text;
                if (const auto cost = partsCost(joined, typed[j - 1], k))
                    offer(at(i - k, j - 1).cost + *cost, Step::Merge, k);
            }
            if (i > 0)
                offer(at(i - 1, j).cost + kDelete, Step::Delete, 1);
            if (j > 0)
                offer(at(i, j - 1).cost + kInsert, Step::Insert, 1);
        }
    }
    std::vector<std::pair<Step, std::pair<int, int>>> steps; // step, (i, j) where it ends
    for (int i = n, j = m; i > 0 || j > 0;) {
        const Cell& cell = at(i, j);
        steps.push_back({cell.step, {i, j}});
        switch (cell.step) {
        case Step::Keep: --i, --j; break;
        case Step::Split: --i, j -= cell.parts; break;
        case Step::Merge: i -= cell.parts, --j; break;
        case Step::Delete: --i; break;
        case Step::Insert: --j; break;
        case Step::None: i = j = 0; break; // unreachable: every cell but (0, 0) has a step
        }
    }
    std::reverse(steps.begin(), steps.end());

    PixelBox line;
    int lineLetters = 0;
    for (const LineWord& w : words) {
        line = line.united(w.box);
        lineLetters += graphemes(w.text);
    }
    const InkMask mask(ink, line);

    for (const auto& [step, end] : steps) {
        const auto [i, j] = end;
        const Cell& cell = at(i, j);
        switch (step) {
        case Step::Keep: {
            const LineWord& w = words[static_cast<std::size_t>(i - 1)];
            const bool same = w.text == typed[j - 1];
            out.words.push_back({typed[j - 1], w.box, same ? LineChange::Same : LineChange::Edited, i - 1, i - 1});
            break;
        }
        case Step::Merge: {
            PixelBox box;
            for (int p = i - cell.parts; p < i; ++p)
                box = box.united(words[static_cast<std::size_t>(p)].box);
            for (int p = i - cell.parts + 1; p < i; ++p)
                out.removed.push_back(p);
            out.words.push_back({typed[j - 1], box, LineChange::Merged, i - cell.parts, i - 1});
            break;
        }
        case Step::Split: {
            const PixelBox& box = words[static_cast<std::size_t>(i - 1)].box;
            std::vector<int> weights;
            for (int p = j - cell.parts; p < j; ++p)
                weights.push_back(graphemes(typed[p]));
            const std::vector<Span> pieces = cutSpan({box.x0, box.x1}, box.y0, box.y1, weights, mask);
            for (int p = 0; p < cell.parts; ++p) {
                const Span& s = pieces[static_cast<std::size_t>(p)];
                out.words.push_back({typed[j - cell.parts + p],
                                     {s.x0, box.y0, s.x1, box.y1},
                                     LineChange::Split,
                                     p == 0 ? i - 1 : -1,
                                     i - 1});
            }
            break;
        }
        case Step::Delete: out.removed.push_back(i - 1); break;
        case Step::Insert: out.words.push_back({typed[j - 1], {}, LineChange::Inserted, -1, -1}); break;
        case Step::None: break;
        }
    }
    std::sort(out.removed.begin(), out.removed.end());

    // Boxes for the inserted words, run by run, from what lies between their neighbours.
    const double letterWidth = line.width() / static_cast<double>(std::max(lineLetters, 1));
    const std::size_t count = out.words.size();
    for (std::size_t r = 0; r < count;) {
        if (out.words[r].change != LineChange::Inserted) {
            ++r;
            continue;
        }
        std::size_t end = r;
        while (end < count && out.words[end].change == LineChange::Inserted)
            ++end;
        const PixelBox* left = r > 0 ? &out.words[r - 1].box : nullptr;
        const PixelBox* right = end < count ? &out.words[end].box : nullptr;
        std::vector<int> weights;
        int letters = 0;
        for (std::size_t p = r; p < end; ++p) {
            weights.push_back(graphemes(out.words[p].text));
            letters += weights.back();
        }
        const int parts = static_cast<int>(weights.size());
        const int wanted = std::max(parts, static_cast<int>(std::lround(letterWidth * (letters + parts - 1))));
        int y0 = line.y0, y1 = line.y1;
        if (left || right) {
            y0 = std::min(left ? left->y0 : right->y0, right ? right->y0 : left->y0);
            y1 = std::max(left ? left->y1 : right->y1, right ? right->y1 : left->y1);
        }
        Span gap{left ? left->x1 : line.x0, right ? right->x0 : line.x1};
        std::optional<Span> span;
        if (gap.x1 > gap.x0) {
            // Ink between the neighbours (a word the reader missed, or the words deleted there): that is where
            // the new words are.
            // The neighbours' own ink may spill a pixel or two past their boxes: not counted.
            const int room = gap.x1 - gap.x0;
            const int spill = std::min(2, room / 4);
            int first = -1, last = -1;
            for (int x = gap.x0 + (left ? spill : 0); x < gap.x1 - (right ? spill : 0); ++x)
                if (mask.column(x, y0, y1)) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            if (first >= 0 && last + 1 - first >= parts) {
                span = Span{first, last + 1};
            } else if (room >= parts && 2 * room >= wanted) {
                // Blank space: words of a plausible width, a letter's width from the neighbour they follow.
                const int width = std::min(room, wanted);
                const int margin = std::min(static_cast<int>(std::lround(letterWidth)), (room - width) / 2);
                span = left ? Span{gap.x0 + margin, gap.x0 + margin + width}
                            : Span{gap.x1 - margin - width, gap.x1 - margin};
            }
        }
        if (!span) {
            // No room between the neighbours: a slice of the nearer side of the wider neighbour (which keeps
            // its own box).
            const PixelBox* from = left && right ? (left->width() >= right->width() ? left : right)
                                   : left        ? left
                                                 : right;
            if (from) {
                const int width = std::clamp(wanted, 1, std::max(1, from->width() / 2));
                span = from == left ? Span{from->x1 - width, from->x1} : Span{from->x0, from->x0 + width};
                y0 = from->y0;
                y1 = from->y1;
            } else {
                span = Span{line.x0, line.x1};
            }
        }
        const std::vector<Span> pieces = cutSpan(*span, y0, y1, weights, mask);
        for (std::size_t p = r; p < end; ++p) {
            const Span& s = pieces[p - r];
            out.words[p].box = {s.x0, y0, s.x1, y1};
        }
        r = end;
    }

    // Every box inside the line, and at least a pixel wide and high.
    for (AlignedWord& w : out.words) {
        PixelBox b = w.box.intersected(line);
        if (b.isEmpty()) {
            const int x0 = std::clamp(w.box.x0, line.x0, line.x1 - 1);
            const int y0 = std::clamp(w.box.y0, line.y0, line.y1 - 1);
            b = {x0, y0, std::clamp(w.box.x1, x0 + 1, line.x1), std::clamp(w.box.y1, y0 + 1, line.y1)};
        }
        w.box = b;
    }
    return out;
}

} // namespace incidoc
