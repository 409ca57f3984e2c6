#include "ui/review/review_navigator.h"

#include <algorithm>

namespace incidoc::ui {

ReviewNavigator::ReviewNavigator(ProjectSession* session) : m_session(session) {}

bool ReviewNavigator::isLowConfidence(const WordRecord& word, double threshold)
{
    return !word.reviewed && !word.ocrText && word.confidence && *word.confidence < threshold;
}

ReviewQueueRule ReviewNavigator::queueRule()
{
    // Projects whose words were read by two engines are reviewed by their flags, even when none is left.
    // Others by their low-confidence words, and the words flagged for a typed value that is not valid
    // (a flag alone does not switch the queue: the low-confidence words would drop out of it).
    const bool flags = m_session->hasOtherReadings();
    return ReviewQueueRule{flags, m_threshold, !flags};
}

std::optional<SearchHit> ReviewNavigator::nextToCheck(const ReviewPosition& from, bool forward, bool* wrapped)
{
    return m_session->wordToCheck(queueRule(), from.word, forward, from.page, wrapped);
}

int ReviewNavigator::toCheckCount(DocumentId document)
{
    return m_session->wordsToCheckCount(queueRule(), document);
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

// The store's walk, without its wrap-around.
std::optional<SearchHit> ReviewNavigator::step(const ReviewPosition& from, bool forward)
{
    bool wrapped = false;
    auto hit = m_session->wordToCheck(ReviewQueueRule{false, m_threshold}, from.word, forward, from.page, &wrapped);
    if (wrapped)
        return std::nullopt;
    return hit;
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
