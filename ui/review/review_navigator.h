#pragma once
// Review navigation without widgets: the review queue (the next / previous word to check in reading
// order across the whole project: documents in project order, their pages in page order; flagged words
// or low-confidence ones; how many are left), next unreviewed page, and
// filtering a page's words by label or confidence. Results are SearchHits, so the main window jumps to
// them the way it jumps to a search result.
//
// Thread contract: GUI thread only (reads through the ProjectSession).

#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <optional>
#include <vector>

namespace incidoc::ui {

/// Which words a filter keeps. An unset field does not filter.
struct WordFilter {
    std::optional<LabelId> label;        ///< only words with this label
    bool unlabeledOnly = false;          ///< only words without a label
    std::optional<double> minConfidence; ///< confidence >= this (words without confidence fail it)
    std::optional<double> maxConfidence; ///< confidence < this (words without confidence fail it)
};

/// Where a step starts. `page` 0: the start of the project (forward) or its end (backward). `word` 0 on
/// a page: that page's words are all candidates (forward: from its first word; backward: from its last).
/// A `word` that is no longer on the page counts as the page's end (forward) or start (backward).
struct ReviewPosition {
    PageId page = 0;
    WordId word = 0;
};

class ReviewNavigator {
public:
    static constexpr double kDefaultThreshold = 60.0;

    explicit ReviewNavigator(ProjectSession* session);

    /// Words below this confidence (0-100) are "low confidence". Default 60.
    void setThreshold(double threshold) { m_threshold = threshold; }
    double threshold() const { return m_threshold; }

    // --- the review queue ---------------------------------------------------------------------------
    /// What the queue visits: the flagged words when the project's words were read by two engines (even
    /// when no flag is left), else the low-confidence words at the threshold and the words flagged for an
    /// invalid typed value. Words a person edited or accepted, and pages marked reviewed, are never visited.
    ReviewQueueRule queueRule();
    /// The next (previous) word of the queue after `from`, across the project in reading order, wrapping
    /// around (`wrapped` tells whether it did). nullopt: nothing left to check.
    std::optional<SearchHit> nextToCheck(const ReviewPosition& from, bool forward, bool* wrapped = nullptr);
    /// How many words the queue still holds in `document` (0: the whole project).
    int toCheckCount(DocumentId document = 0);

    /// The first low-confidence word that is not reviewed after `from`, in reading order, across the
    /// pages and documents of the project, skipping pages marked reviewed. nullopt at the end of the
    /// project (no wrap-around: the caller may start again from {}). Words drawn by a person have no
    /// confidence and are never low-confidence; words whose text a person corrected or accepted are not either.
    std::optional<SearchHit> nextLowConfidence(const ReviewPosition& from = {});
    /// The same backwards: the last such word before `from`.
    std::optional<SearchHit> previousLowConfidence(const ReviewPosition& from = {});

    /// The next processed page of the project after `after` (0: from the first) whose review status is
    /// not Reviewed, wrapping around to the pages before it; nullopt when every other page is reviewed.
    std::optional<PageRecord> nextUnreviewedPage(PageId after = 0);

    /// The words of `words` the filter keeps, in their order.
    static std::vector<WordRecord> filterWords(const std::vector<WordRecord>& words, const WordFilter& filter);
    /// True when the word is low-confidence at `threshold`, not reviewed and its text not corrected.
    static bool isLowConfidence(const WordRecord& word, double threshold);

private:
    std::optional<SearchHit> step(const ReviewPosition& from, bool forward);
    /// Every page of the project: documents in project order, pages in page order.
    std::vector<PageRecord> projectPages();

    ProjectSession* m_session;
    double m_threshold = kDefaultThreshold;
};

} // namespace incidoc::ui
