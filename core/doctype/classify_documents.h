#pragma once
// Predicting documents' types in a project: learn from the documents people typed, predict the others
// after their first page is done, store the predictions. Never overwrites a type a person set.
//
// Threading: uses the given store only (one connection, one thread at a time). Cheap enough to run after
// every processing batch: each document's first page image is measured once (kept in the project), the
// rest is read from the store; training on hundreds of documents takes milliseconds.

#include "core/doctype/type_classifier.h"
#include "core/storage/project_store.h"

#include <vector>

namespace incidoc {

/// What classifyDocuments() did.
struct ClassifyRun {
    int examples = 0;                        ///< documents typed by a person it learned from
    QStringList learnedTypes;                ///< types with at least one example
    std::vector<TypePrediction> predictions; ///< the predictions it made (stored unless dryRun)
    int waiting = 0;                         ///< documents left untyped: their first page is not done
    /// Set when nothing could be predicted: "no typed examples yet" (no document typed by a person), or
    /// "typed examples of one type only" (a second type is needed to tell types apart). Nothing is stored
    /// then (processing uses the project's default profile).
    QString note;
};

struct ClassifyOptions {
    /// Documents to predict (empty: every document whose type was not set by a person).
    std::vector<DocumentId> documents;
    /// Predict again documents that have a predicted type already (never those a person typed).
    bool repredict = false;
    bool dryRun = false; ///< predict, store nothing
    /// Where a PDF's first page is rendered to be measured (the CLI and the app: their page hosts).
    FirstPageRenderer renderPdf;
    TypeClassifier::Settings settings;
};

/// The features of every document whose first page is done, with their image measures cached in the
/// project (measured on a miss). Documents of other ids are skipped when `only` is not empty.
Result<std::vector<std::pair<DocumentRecord, DocumentFeatures>>>
loadDocumentFeatures(ProjectStore& store, const std::vector<DocumentId>& only = {},
                     const FirstPageRenderer& renderPdf = {});

/// Learns from the documents whose type a person set (type_source user) and predicts the others (see
/// ClassifyOptions), storing each with TypeSource::Predicted and its confidence. A document with a
/// person's type is never changed. Errors: the store's.
Result<ClassifyRun> classifyDocuments(ProjectStore& store, const ClassifyOptions& options = {});

/// The short form: the number of documents whose type was predicted and stored.
Result<int> classifyDocuments(ProjectStore& store, const std::vector<DocumentId>& documents, bool repredict = false);

} // namespace incidoc
