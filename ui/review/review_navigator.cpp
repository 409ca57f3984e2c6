#include "ui/review/review_navigator.h"

#include <algorithm>

namespace incidoc::ui {

ReviewNavigator::ReviewNavigator(ProjectSession* session) : m_session(session) {}

bool ReviewNavigator::isLowConfidence(const WordRecord& word, double threshold)
{
    return !word.reviewed && word.confidence && *word.confidence < threshold;
}

std::optional<SearchHit> ReviewNavigator::nextLowConfidence(DocumentId document, WordId after)
{
    return step(document, after, true);
}

std::optional<SearchHit> ReviewNavigator::previousLowConfidence(DocumentId document, WordId before)
{
    return step(document, before, false);
}

// Reads page by page (words of one page at a time), so a long document costs only the pages walked.
std::optional<SearchHit> ReviewNavigator::step(DocumentId document, WordId from, bool forward)
{
    std::vector<PageRecord> pages = m_session->pages(document);
    if (!forward)
        std::reverse(pages.begin(), pages.end());
    bool passed = from == 0; // have we reached the word we start from?
    for (const PageRecord& page : pages) {
        std::vector<WordRecord> words = m_session->words(page.id);
        if (!forward)
            std::reverse(words.begin(), words.end());
        for (const WordRecord& w : words) {
            if (!passed) {
                passed = w.id == from;
                continue;
            }
            if (isLowConfidence(w, m_threshold))
                return SearchHit{document, page.id, page.number, w.id, w.text, w.box};
        }
    }
    return std::nullopt;
}

std::optional<PageRecord> ReviewNavigator::nextUnreviewedPage(DocumentId document, PageId after)
{
    const std::vector<PageRecord> pages = m_session->pages(document);
    std::size_t start = 0;
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (pages[i].id == after)
            start = i + 1;
    for (std::size_t k = 0; k < pages.size(); ++k) {
        const PageRecord& p = pages[(start + k) % pages.size()];
        if (p.id != after && p.review != ReviewStatus::Reviewed)
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
