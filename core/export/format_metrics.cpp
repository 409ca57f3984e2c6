#include "core/export/format_metrics.h"

#include "core/export/format_support_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace incidoc {

using namespace bundle;

namespace {

QString labelOf(const WordRecord& w)
{
    return w.labelName;
}

QJsonObject countsJson(const std::map<QString, int>& m)
{
    QJsonObject obj;
    for (const auto& [k, v] : m)
        obj.insert(k, v);
    return obj;
}

} // namespace

void PageStats::add(const PageStats& o)
{
    words += o.words;
    lowConfidence += o.lowConfidence;
    edited += o.edited;
    labelled += o.labelled;
    reviewedWords += o.reviewedWords;
    userWords += o.userWords;
    withConfidence += o.withConfidence;
    confidenceSum += o.confidenceSum;
    for (std::size_t i = 0; i < histogram.size(); ++i)
        histogram[i] += o.histogram[i];
    for (auto it = o.labels.begin(); it != o.labels.end(); ++it)
        labels[it.key()] += it.value();
}

PageStats pageStats(const BundlePage& p, double lowConfidence)
{
    PageStats s;
    for (const WordRecord& w : p.words) {
        ++s.words;
        if (w.edited)
            ++s.edited;
        if (w.reviewed)
            ++s.reviewedWords;
        if (w.source == WordSource::User)
            ++s.userWords;
        if (!labelOf(w).isEmpty()) {
            ++s.labelled;
            ++s.labels[labelOf(w)];
        }
        if (w.confidence) {
            const double c = std::clamp(*w.confidence, 0.0, 100.0);
            ++s.withConfidence;
            s.confidenceSum += c;
            ++s.histogram[std::min<std::size_t>(9, static_cast<std::size_t>(c / 10.0))];
            if (c < lowConfidence)
                ++s.lowConfidence;
        }
    }
    return s;
}

QByteArray pagesCsvHeader()
{
    return "document,page,kind,status,review,words,mean_confidence,low_confidence_words,edited_words,"
           "labelled_words,render_ms,ocr_ms\n";
}

QByteArray pagesCsvRow(const BundlePage& p, const PageStats& s)
{
    // The slug is ASCII letters, digits, '-' and '_': never needs CSV quoting.
    return p.slug.toUtf8() + ',' + num(p.page.number) + ','
           + (p.page.kind == PageKind::Unknown ? QByteArray() : toString(p.page.kind).toUtf8()) + ','
           + toString(p.page.status).toUtf8() + ',' + toString(p.page.review).toUtf8() + ',' + num(s.words) + ','
           + (s.withConfidence ? dec(s.confidenceSum / s.withConfidence, 1) : QByteArray()) + ',' + num(s.lowConfidence)
           + ',' + num(s.edited) + ',' + num(s.labelled) + ',' + num(p.page.timings.renderMs) + ','
           + num(p.page.timings.ocrMs) + '\n';
}

void PageCounts::add(const PageRecord& page)
{
    ++byStatus[toString(page.status)];
    ++byReview[toString(page.review)];
    ++byKind[page.kind == PageKind::Unknown ? QStringLiteral("unknown") : toString(page.kind)];
}

QByteArray metricsSummary(const PageStats& totals, const PageCounts& counts, int documents, int pages,
                          double lowConfidence)
{
    QJsonObject labelsUsed;
    for (auto it = totals.labels.begin(); it != totals.labels.end(); ++it)
        labelsUsed.insert(it.key(), it.value());
    QJsonArray histogram;
    for (long long h : totals.histogram)
        histogram.append(h);
    const QJsonObject summary{{QStringLiteral("documents"), documents},
                              {QStringLiteral("pages"), pages},
                              {QStringLiteral("pages_by_status"), countsJson(counts.byStatus)},
                              {QStringLiteral("pages_by_kind"), countsJson(counts.byKind)},
                              {QStringLiteral("pages_by_review"), countsJson(counts.byReview)},
                              {QStringLiteral("words"), totals.words},
                              {QStringLiteral("words_with_confidence"), totals.withConfidence},
                              {QStringLiteral("mean_confidence"),
                               totals.withConfidence
                                   ? QJsonValue(std::round(totals.confidenceSum / totals.withConfidence * 10) / 10)
                                   : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("low_confidence_threshold"), lowConfidence},
                              {QStringLiteral("low_confidence_words"), totals.lowConfidence},
                              {QStringLiteral("confidence_histogram"),
                               QJsonObject{{QStringLiteral("bin_width"), 10}, {QStringLiteral("counts"), histogram}}},
                              {QStringLiteral("edited_words"), totals.edited},
                              {QStringLiteral("user_words"), totals.userWords},
                              {QStringLiteral("reviewed_words"), totals.reviewedWords},
                              {QStringLiteral("labelled_words"), totals.labelled},
                              {QStringLiteral("words_by_label"), labelsUsed}};
    return QJsonDocument(summary).toJson(QJsonDocument::Indented);
}

} // namespace incidoc
