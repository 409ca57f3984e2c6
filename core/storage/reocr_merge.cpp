#include "core/storage/reocr_merge.h"

#include <algorithm>
#include <optional>

namespace incidoc {
namespace {

bool sameLine(const PixelBox& a, const PixelBox& b)
{
    const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    const int minHeight = std::min(a.height(), b.height());
    return minHeight > 0 && overlap * 2 >= minHeight;
}

double centerX(const PixelBox& b)
{
    return (b.x0 + b.x1) / 2.0;
}
double centerY(const PixelBox& b)
{
    return (b.y0 + b.y1) / 2.0;
}

// The new words to store, as indices into `recognized`, in reading order; the covered ones go to `dropped`.
std::vector<std::size_t> freshInReadingOrder(const std::vector<const CurrentWord*>& kept,
                                             const std::vector<RecognizedWord>& recognized,
                                             std::vector<std::size_t>& dropped)
{
    std::vector<std::size_t> fresh;
    fresh.reserve(recognized.size());
    for (std::size_t i = 0; i < recognized.size(); ++i) {
        const PixelBox& box = recognized[i].box;
        const bool covered = std::any_of(kept.begin(), kept.end(),
                                         [&](const CurrentWord* k) { return k->box.iou(box) >= kReocrKeepIou; });
        (covered ? dropped : fresh).push_back(i);
    }
    std::stable_sort(fresh.begin(), fresh.end(), [&](std::size_t ia, std::size_t ib) {
        const RecognizedWord& a = recognized[ia];
        const RecognizedWord& b = recognized[ib];
        if (a.block != b.block)
            return a.block < b.block;
        if (a.line != b.line)
            return a.line < b.line;
        return a.box.x0 < b.box.x0;
    });
    return fresh;
}

} // namespace

// Deliberately simple: a person's word goes where a reader would look for it next to its neighbours.
Placement placeInReadingOrder(const std::vector<OrderedBox>& ordered, const PixelBox& box)
{
    Placement p;
    std::optional<std::size_t> left, right, above;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const PixelBox& o = ordered[i].box;
        if (sameLine(o, box)) {
            if (centerX(o) < centerX(box)) {
                if (!left || o.x1 >= ordered[*left].box.x1)
                    left = i;
            } else if (!right || o.x0 < ordered[*right].box.x0) {
                right = i;
            }
        } else if (centerY(o) < box.y0) {
            above = i;
        }
    }
    if (left || right) {
        const std::size_t anchor = left ? *left : *right;
        p.slot = left ? anchor + 1 : anchor;
        p.adoptLine = true;
        p.block = ordered[anchor].block;
        p.line = ordered[anchor].line;
    } else {
        p.slot = above ? *above + 1 : 0;
    }
    return p;
}

ReocrMerge mergeReocr(const std::vector<CurrentWord>& current, const std::vector<RecognizedWord>& recognized)
{
    ReocrMerge out;
    std::vector<const CurrentWord*> kept;
    for (const CurrentWord& w : current) {
        if (w.keptByPerson)
            kept.push_back(&w);
        else
            out.removed.push_back(w.id);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const CurrentWord* a, const CurrentWord* b) {
        return a->order != b->order ? a->order < b->order : a->id < b->id;
    });
    const std::vector<std::size_t> fresh = freshInReadingOrder(kept, recognized, out.dropped);

    // Slot each kept word into the new order; kept words in the same slot keep their old order.
    std::vector<OrderedBox> ordered;
    ordered.reserve(fresh.size());
    for (std::size_t i : fresh)
        ordered.push_back({recognized[i].box, recognized[i].block, recognized[i].line});
    struct Slotted {
        Placement place;
        const CurrentWord* word;
    };
    std::vector<Slotted> slotted;
    slotted.reserve(kept.size());
    for (const CurrentWord* k : kept)
        slotted.push_back({placeInReadingOrder(ordered, k->box), k});
    std::stable_sort(slotted.begin(), slotted.end(),
                     [](const Slotted& a, const Slotted& b) { return a.place.slot < b.place.slot; });

    out.words.reserve(fresh.size() + kept.size());
    std::size_t next = 0;
    auto emitKept = [&](std::size_t slot) {
        for (; next < slotted.size() && slotted[next].place.slot == slot; ++next) {
            const Placement& p = slotted[next].place;
            out.words.push_back({MergedWord::Kind::Kept, slotted[next].word->id, 0, p.adoptLine, p.block, p.line});
        }
    };
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        emitKept(i);
        const RecognizedWord& w = recognized[fresh[i]];
        out.words.push_back({MergedWord::Kind::Recognized, 0, fresh[i], true, w.block, w.line});
    }
    emitKept(fresh.size());
    return out;
}

} // namespace incidoc
