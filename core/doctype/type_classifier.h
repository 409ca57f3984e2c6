#pragma once
// The document-type classifier: learned from the documents people typed (a handful per type is enough
// to start), it predicts the type of another document with a confidence. Each type scores its nearest
// typed example (or its centroid); the similarity mixes the words (TF-IDF, cosine; weight 0.3) and the
// layout (standardized, each feature weighed by how well it separates the types); the confidence is the
// softmax of the types' scores, low when two types are close. Measured on the mixed set with 3 examples
// per type (tests/bench/bench_doctypes.cpp): nearest example 88.9 %, centroid 87.0 %, words alone 46 %,
// layout alone 78 %.
//
// Value type; train once, then predict() is const and reentrant.

#include "core/doctype/features.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace incidoc {

/// A typed document to learn from.
struct TypedExample {
    DocumentFeatures features;
    QString type;
};

/// A prediction: the type, its confidence (0..1) and every type's probability, best first.
struct TypePrediction {
    DocumentId document = 0;
    QString type;
    double confidence = 0;
    std::vector<std::pair<QString, double>> scores;
};

class TypeClassifier {
public:
    /// How the words and the layout are weighed (1: words only; 0: layout only), and how sharp the
    /// confidence is (the softmax temperature over cosine similarities).
    struct Settings {
        double wordWeight = 0.3;
        double temperature = 0.1;
        bool nearestNeighbour = true; ///< the nearest example of each type (false: the type's centroid)
        /// Weigh each layout feature by how well it separates the examples' types (between-type over
        /// within-type variance): a fax's bilevel ink counts more than its word count.
        bool relevance = true;
    };

    TypeClassifier() = default;
    /// Learns from `examples`; `corpus` (may include the examples) gives the words' document frequencies.
    void train(const std::vector<TypedExample>& examples, const std::vector<DocumentFeatures>& corpus,
               Settings settings);
    void train(const std::vector<TypedExample>& examples, const std::vector<DocumentFeatures>& corpus)
    {
        train(examples, corpus, Settings{});
    }

    /// The types it learned (those with at least one example), in the order first seen.
    const QStringList& types() const { return m_types; }
    bool isEmpty() const { return m_types.isEmpty(); }

    /// nullopt when it learned nothing.
    std::optional<TypePrediction> predict(const DocumentFeatures& features) const;

private:
    using Sparse = std::vector<std::pair<int, double>>; // term index, weight; sorted by index

    Sparse tfidf(const std::vector<QString>& terms) const;
    void weighLayout();
    std::vector<double> scaled(const std::vector<double>& layout) const;
    double similarity(const Sparse& words, const std::vector<double>& layout, const Sparse& words2,
                      const std::vector<double>& layout2) const;

    Settings m_settings;
    QHash<QString, int> m_termIndex;
    std::vector<double> m_idf;
    std::vector<double> m_mean, m_scale, m_weight;
    QStringList m_types;
    struct Point {
        int type = 0;
        Sparse words;
        std::vector<double> layout;
    };
    std::vector<Point> m_points;    ///< the examples
    std::vector<Point> m_centroids; ///< one per type
};

} // namespace incidoc
