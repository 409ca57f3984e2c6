// Nearest example rather than a fitted model: with three examples per type a logistic regression has
// almost nothing to fit. The nearest example beat the centroid on the mixed set because a type such as
// "other" (invoices, memos, book pages) is several kinds of page, which one centroid blurs. The layout is standardized
// on the examples (with a floor on the spread, so that a feature all examples share does not blow up on the first
// document that differs).
#include "core/doctype/type_classifier.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace incidoc {

namespace {

double dot(const std::vector<std::pair<int, double>>& a, const std::vector<std::pair<int, double>>& b)
{
    double s = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first == b[j].first)
            s += a[i++].second * b[j++].second;
        else if (a[i].first < b[j].first)
            ++i;
        else
            ++j;
    }
    return s;
}

void normalize(std::vector<std::pair<int, double>>& v)
{
    double n = 0;
    for (const auto& [i, x] : v)
        n += x * x;
    if (n <= 0)
        return;
    n = std::sqrt(n);
    for (auto& [i, x] : v)
        x /= n;
}

} // namespace

void TypeClassifier::train(const std::vector<TypedExample>& examples, const std::vector<DocumentFeatures>& corpus,
                           Settings settings)
{
    *this = TypeClassifier{};
    m_settings = settings;
    if (examples.empty())
        return;

    // Document frequencies over the corpus and the examples (a document counted once).
    std::vector<int> df;
    int documents = 0;
    QHash<DocumentId, bool> seen;
    auto count = [&](const DocumentFeatures& f) {
        if (f.document != 0 && seen.contains(f.document))
            return;
        seen.insert(f.document, true);
        ++documents;
        QHash<QString, bool> once;
        for (const QString& t : f.terms) {
            if (once.contains(t))
                continue;
            once.insert(t, true);
            auto it = m_termIndex.find(t);
            if (it == m_termIndex.end()) {
                it = m_termIndex.insert(t, static_cast<int>(df.size()));
                df.push_back(0);
            }
            ++df[static_cast<std::size_t>(*it)];
        }
    };
    for (const TypedExample& e : examples)
        count(e.features);
    for (const DocumentFeatures& f : corpus)
        count(f);
    m_idf.resize(df.size());
    for (std::size_t i = 0; i < df.size(); ++i)
        m_idf[i] = std::log((1.0 + documents) / (1.0 + df[i])) + 1.0;

    // Layout: mean and spread over the examples.
    const std::size_t dims = examples.front().features.layout.size();
    m_mean.assign(dims, 0);
    m_scale.assign(dims, 1);
    for (const TypedExample& e : examples)
        for (std::size_t i = 0; i < dims; ++i)
            m_mean[i] += e.features.layout[i] / static_cast<double>(examples.size());
    for (std::size_t i = 0; i < dims; ++i) {
        double var = 0, lo = examples.front().features.layout[i], hi = lo;
        for (const TypedExample& e : examples) {
            const double d = e.features.layout[i] - m_mean[i];
            var += d * d;
            lo = std::min(lo, e.features.layout[i]);
            hi = std::max(hi, e.features.layout[i]);
        }
        const double sd = std::sqrt(var / static_cast<double>(examples.size()));
        m_scale[i] = std::max({sd, 0.05 * std::abs(m_mean[i]), 0.02});
    }

    m_weight.assign(dims, 1);
    for (const TypedExample& e : examples) {
        int type = static_cast<int>(m_types.indexOf(e.type));
        if (type < 0) {
            type = static_cast<int>(m_types.size());
            m_types.append(e.type);
        }
        m_points.push_back({type, tfidf(e.features.terms), scaled(e.features.layout)});
    }
    if (m_settings.relevance && m_types.size() > 1)
        weighLayout();
    for (int t = 0; t < m_types.size(); ++t) {
        Point c{t, {}, std::vector<double>(dims, 0)};
        std::map<int, double> words;
        int n = 0;
        for (const Point& p : m_points) {
            if (p.type != t)
                continue;
            ++n;
            for (const auto& [i, x] : p.words)
                words[i] += x;
            for (std::size_t i = 0; i < dims; ++i)
                c.layout[i] += p.layout[i];
        }
        for (std::size_t i = 0; i < dims; ++i)
            c.layout[i] /= n;
        c.words.assign(words.begin(), words.end());
        normalize(c.words);
        m_centroids.push_back(std::move(c));
    }
}

void TypeClassifier::weighLayout()
{
    // Fisher's ratio per feature on the standardized examples; a small floor keeps every feature in play
    // (three examples per type may not show what separates a type met later).
    const std::size_t dims = m_mean.size();
    const auto types = static_cast<std::size_t>(m_types.size());
    std::vector<double> ratio(dims, 0);
    for (std::size_t i = 0; i < dims; ++i) {
        std::vector<double> sum(types, 0);
        std::vector<int> n(types, 0);
        for (const Point& p : m_points) {
            sum[static_cast<std::size_t>(p.type)] += p.layout[i];
            ++n[static_cast<std::size_t>(p.type)];
        }
        double between = 0, within = 0;
        for (const Point& p : m_points) {
            const auto t = static_cast<std::size_t>(p.type);
            const double mean = sum[t] / n[t];
            within += (p.layout[i] - mean) * (p.layout[i] - mean);
            between += mean * mean; // the overall mean of standardized values is 0
        }
        ratio[i] = between / (within + 0.1 * static_cast<double>(m_points.size()));
    }
    double mean = 0;
    for (double r : ratio)
        mean += r / static_cast<double>(dims);
    if (mean <= 0)
        return;
    for (std::size_t i = 0; i < dims; ++i) {
        m_weight[i] = std::clamp(std::sqrt(ratio[i] / mean), 0.25, 3.0);
        for (Point& p : m_points)
            p.layout[i] *= m_weight[i];
    }
}

TypeClassifier::Sparse TypeClassifier::tfidf(const std::vector<QString>& terms) const
{
    std::map<int, double> counts;
    for (const QString& t : terms)
        if (auto it = m_termIndex.constFind(t); it != m_termIndex.constEnd())
            counts[*it] += 1;
    Sparse v;
    for (const auto& [i, c] : counts)
        v.emplace_back(i, (1.0 + std::log(c)) * m_idf[static_cast<std::size_t>(i)]);
    normalize(v);
    return v;
}

std::vector<double> TypeClassifier::scaled(const std::vector<double>& layout) const
{
    std::vector<double> z(m_mean.size(), 0);
    for (std::size_t i = 0; i < z.size() && i < layout.size(); ++i)
        z[i] = std::clamp((layout[i] - m_mean[i]) / m_scale[i], -6.0, 6.0) * (i < m_weight.size() ? m_weight[i] : 1.0);
    return z;
}

double TypeClassifier::similarity(const Sparse& words, const std::vector<double>& layout, const Sparse& words2,
                                  const std::vector<double>& layout2) const
{
    // Layout: a distance turned into a similarity in 0..1 (cosine of standardized vectors would call two
    // documents alike that are both far from the mean in the same direction but not near each other).
    double d2 = 0;
    for (std::size_t i = 0; i < layout.size() && i < layout2.size(); ++i)
        d2 += (layout[i] - layout2[i]) * (layout[i] - layout2[i]);
    const double layoutSimilarity =
        std::exp(-d2 / (2.0 * static_cast<double>(std::max<std::size_t>(1, layout.size()))));
    const bool noWords = words.empty() || words2.empty();
    const double w = noWords ? 0.0 : m_settings.wordWeight;
    return w * dot(words, words2) + (1 - w) * layoutSimilarity;
}

std::optional<TypePrediction> TypeClassifier::predict(const DocumentFeatures& features) const
{
    if (m_types.isEmpty())
        return std::nullopt;
    const Sparse words = tfidf(features.terms);
    const std::vector<double> layout = scaled(features.layout);
    std::vector<double> best(static_cast<std::size_t>(m_types.size()), -1);
    if (m_settings.nearestNeighbour) {
        for (const Point& p : m_points)
            best[static_cast<std::size_t>(p.type)] =
                std::max(best[static_cast<std::size_t>(p.type)], similarity(words, layout, p.words, p.layout));
    } else {
        for (const Point& c : m_centroids)
            best[static_cast<std::size_t>(c.type)] = similarity(words, layout, c.words, c.layout);
    }
    const double top = *std::max_element(best.begin(), best.end());
    std::vector<double> p(best.size());
    double sum = 0;
    for (std::size_t i = 0; i < best.size(); ++i)
        sum += p[i] = std::exp((best[i] - top) / m_settings.temperature);
    TypePrediction out;
    out.document = features.document;
    for (std::size_t i = 0; i < p.size(); ++i)
        out.scores.emplace_back(m_types[static_cast<int>(i)], p[i] / sum);
    std::stable_sort(out.scores.begin(), out.scores.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    out.type = out.scores.front().first;
    out.confidence = out.scores.front().second;
    if (m_types.size() == 1) // nothing to weigh against: how alike it is to the one type
        out.confidence = out.scores.front().second = std::clamp(top, 0.0, 1.0);
    return out;
}

} // namespace incidoc
