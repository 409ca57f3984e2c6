#pragma once
// Review navigation without widgets: next / previous low-confidence word in reading order across the
// pages of a document, next unreviewed page, and filtering a page's words by label or confidence.
// Results are SearchHits, so the main window jumps to them the way it jumps to a search result.
//
// Thread contract: GUI thread only (reads through the ProjectSession).

#include "ui/project_session.h"

#include <optional>
#include <vector>

namespace incidoc::ui {

/// Which words a filter keeps. An unset field does not filter.
struct WordFilter {
    std::optional<LabelId> label;       ///< only words with this label
    bool unlabeledOnly = false;         ///< only words without a label
    std::optional<double> minConfidence; ///< confidence >= this (words without confidence fail it)
    std::optional<double> maxConfidence; ///< confidence < this (words without confidence fail it)
};

class ReviewNavigator {
public:
    static constexpr double kDefaultThreshold = 60.0;

    explicit ReviewNavigator(ProjectSession* session);

    /// Words below this confidence (0-100) are "low confidence". Default 60.
    void setThreshold(double threshold) { m_threshold = threshold; }
    double threshold() const { return m_threshold; }

    /// The first low-confidence word that is not reviewed after `after` (0: from the start of the
    /// document), in reading order, across the document's pages (page order). nullopt at the end: the
    /// caller may start again from 0 to wrap around. Words drawn by a person have no confidence and are
    /// never low-confidence.
    std::optional<SearchHit> nextLowConfidence(DocumentId document, WordId after = 0);
    /// The same backwards: the last such word before `before` (0: from the end of the document).
    std::optional<SearchHit> previousLowConfidence(DocumentId document, WordId before = 0);

    /// The next page of the document after `after` (0: from the first) whose review status is not
    /// Reviewed, wrapping around to the pages before it; nullopt when every other page is reviewed.
    std::optional<PageRecord> nextUnreviewedPage(DocumentId document, PageId after = 0);

    /// The words of `words` the filter keeps, in their order.
    static std::vector<WordRecord> filterWords(const std::vector<WordRecord>& words, const WordFilter& filter);
    /// True when the word is low-confidence at `threshold` and not reviewed.
    static bool isLowConfidence(const WordRecord& word, double threshold);

private:
    std::optional<SearchHit> step(DocumentId document, WordId from, bool forward);

    ProjectSession* m_session;
    double m_threshold = kDefaultThreshold;
};

} // namespace incidoc::ui
