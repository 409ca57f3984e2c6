#include "ui/review/review_navigator.h"

#include <algorithm>

namespace incidoc::ui {

ReviewNavigator::ReviewNavigator(ProjectSession* session) : m_session(session) {}

bool ReviewNavigator::isLowConfidence(const WordRecord& word, double threshold)
{
    return !word.reviewed && word.confidence && *word.confidence < threshold;
}

std::optional<SearchHit> ReviewNavigator::nextLowConfidence(const ReviewPosition& from)
{
    return step(from, true);
}

std::optional<SearchHit> ReviewNavigator::previousLowConfidence(const ReviewPosition& from)
{
    return step(from, false);
}

std::vector<PageRecord> ReviewNavigator::projectPages()
{
    std::vector<PageRecord> all;
    for (const DocumentRecord& d : m_session->documents()) {
        std::vector<PageRecord> pages = m_session->pages(d.id);
        all.insert(all.end(), pages.begin(), pages.end());
    }
    return all;
}

// Page records are cheap; words are read page by page, so a long project costs only the pages walked.
std::optional<SearchHit> ReviewNavigator::step(const ReviewPosition& from, bool forward)
{
    std::vector<PageRecord> pages = projectPages();
    if (!forward)
        std::reverse(pages.begin(), pages.end());
    auto start = pages.begin();
    if (from.page != 0) {
        start = std::find_if(pages.begin(), pages.end(), [&](const PageRecord& p) { return p.id == from.page; });
        if (start == pages.end())
            start = pages.begin(); // the page is gone: walk the whole project
    }
    for (auto it = start; it != pages.end(); ++it) {
        std::vector<WordRecord> words = m_session->words(it->id);
        if (!forward)
            std::reverse(words.begin(), words.end());
        auto w = words.begin();
        if (it == start && from.page != 0 && from.word != 0) { // strictly after the word we start from
            w = std::find_if(words.begin(), words.end(), [&](const WordRecord& r) { return r.id == from.word; });
            if (w != words.end())
                ++w;
        }
        for (; w != words.end(); ++w)
            if (isLowConfidence(*w, m_threshold))
                return SearchHit{it->documentId, it->id, it->number, w->id, w->text, w->box};
    }
    return std::nullopt;
}

std::optional<PageRecord> ReviewNavigator::nextUnreviewedPage(PageId after)
{
    const std::vector<PageRecord> pages = projectPages();
    std::size_t start = 0;
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (pages[i].id == after)
            start = i + 1;
    for (std::size_t k = 0; k < pages.size(); ++k) {
        const PageRecord& p = pages[(start + k) % pages.size()];
        // A page still waiting (or failed) has nothing to review yet.
        if (p.id != after && p.status == PageStatus::Done && p.review != ReviewStatus::Reviewed)
            return p;
    }
    return std::nullopt;
}

std::vector<WordRecord> ReviewNavigator::filterWords(const std::vector<WordRecord>& words, const WordFilter& filter)
{
    std::vector<WordRecord> out;
    for (const WordRecord& w : words) {
        if (filter.label && w.labelId != filter.label)
            continue;
        if (filter.unlabeledOnly && w.labelId)
            continue;
        if (filter.minConfidence && (!w.confidence || *w.confidence < *filter.minConfidence))
            continue;
        if (filter.maxConfidence && (!w.confidence || *w.confidence >= *filter.maxConfidence))
            continue;
        out.push_back(w);
    }
    return out;
}

} // namespace incidoc::ui
