#pragma once
// metrics/pages.csv (a row per page) and metrics/summary.json (totals over the bundle). Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <map>

namespace incidoc {

/// Counts of one page for metrics/summary.json (added up over the bundle).
struct PageStats {
    long long words = 0, lowConfidence = 0, edited = 0, labelled = 0, reviewedWords = 0, userWords = 0;
    long long withConfidence = 0; ///< words that have a confidence (not drawn by a person)
    double confidenceSum = 0;
    std::array<long long, 10> histogram{}; ///< confidences in [0,10), [10,20), ... [90,100]
    QHash<QString, long long> labels;      ///< words per label name
    void add(const PageStats& other);
};
PageStats pageStats(const BundlePage& page, double lowConfidence);

/// metrics/pages.csv header line and one row (with the newline).
QByteArray pagesCsvHeader();
QByteArray pagesCsvRow(const BundlePage& page, const PageStats& stats);

/// Pages of the bundle counted by status, kind and review state (for metrics/summary.json).
struct PageCounts {
    std::map<QString, int> byStatus, byKind, byReview;
    void add(const PageRecord& page);
};

/// metrics/summary.json: the totals of a bundle of `documents` documents and `pages` pages.
QByteArray metricsSummary(const PageStats& totals, const PageCounts& counts, int documents, int pages,
                          double lowConfidence);

} // namespace incidoc
