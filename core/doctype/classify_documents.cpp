// Only a person's choices are learned from: learning from predictions would let one early mistake
// confirm itself. The IDF comes from every document read in the call, so that words all of the
// project's documents share (its agency's name, a form's printed labels) weigh little.
#include "core/doctype/classify_documents.h"

#include <QJsonDocument>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace incidoc {

Result<std::vector<std::pair<DocumentRecord, DocumentFeatures>>>
loadDocumentFeatures(ProjectStore& store, const std::vector<DocumentId>& only, const FirstPageRenderer& renderPdf)
{
    auto documents = store.documents();
    if (!documents)
        return documents.error();
    std::unordered_map<DocumentId, QString> cached;
    if (auto kept = store.documentImageFeatures(PageImageFeatures::kVersion))
        for (auto& [id, json] : *kept)
            cached.emplace(id, json);
    const std::set<DocumentId> wanted(only.begin(), only.end());

    std::vector<std::pair<DocumentRecord, DocumentFeatures>> out;
    for (const DocumentRecord& d : *documents) {
        if (!d.error.isEmpty() || (!wanted.empty() && !wanted.contains(d.id)))
            continue;
        auto pages = store.pages(d.id);
        if (!pages)
            return pages.error();
        if (pages->empty() || pages->front().status != PageStatus::Done)
            continue;
        const PageRecord& first = pages->front();
        auto words = store.words(first.id);
        if (!words)
            return words.error();
        PageImageFeatures image;
        if (auto it = cached.find(d.id); it != cached.end()) {
            image = PageImageFeatures::fromJson(QJsonDocument::fromJson(it->second.toUtf8()).object());
        } else if (auto measured = measureFirstPage(d, renderPdf)) {
            image = *measured;
            // A read-only project cannot keep it: measured again next time, nothing lost.
            (void)store.setDocumentImageFeatures(
                d.id, PageImageFeatures::kVersion,
                QString::fromUtf8(QJsonDocument(image.toJson()).toJson(QJsonDocument::Compact)));
        } // a file that no longer reads: its words and page record still say a lot
        out.emplace_back(d, documentFeatures(d, first, *words, image));
    }
    return out;
}

Result<ClassifyRun> classifyDocuments(ProjectStore& store, const ClassifyOptions& options)
{
    auto types = store.documentTypes();
    if (!types)
        return types.error();
    QStringList known;
    for (const DocumentType& t : *types)
        known.append(t.name);

    ClassifyRun run;
    // Nothing to learn from: say so before measuring any page (a watched folder's first hundreds of
    // documents arrive before anyone typed one).
    auto all = store.documents();
    if (!all)
        return all.error();
    if (std::none_of(all->begin(), all->end(), [&](const DocumentRecord& d) {
            return d.typeSource == TypeSource::User && known.contains(d.type);
        })) {
        run.note = QStringLiteral("no typed examples yet");
        return run;
    }

    auto loaded = loadDocumentFeatures(store, {}, options.renderPdf);
    if (!loaded)
        return loaded.error();

    std::vector<TypedExample> examples;
    std::vector<DocumentFeatures> corpus;
    for (const auto& [d, f] : *loaded) {
        corpus.push_back(f);
        if (d.typeSource == TypeSource::User && known.contains(d.type))
            examples.push_back({f, d.type});
    }
    TypeClassifier classifier;
    classifier.train(examples, corpus, options.settings);
    run.examples = static_cast<int>(examples.size());
    run.learnedTypes = classifier.types();

    const std::set<DocumentId> wanted(options.documents.begin(), options.documents.end());
    std::set<DocumentId> ready;
    for (const auto& [d, f] : *loaded)
        ready.insert(d.id);
    if (auto documents = store.documents()) {
        for (const DocumentRecord& d : *documents)
            if (d.error.isEmpty() && !ready.contains(d.id) && d.typeSource != TypeSource::User
                && (wanted.empty() || wanted.contains(d.id)))
                ++run.waiting;
    }

    if (classifier.isEmpty()) {
        run.note = QStringLiteral("no typed examples yet");
        return run;
    }
    // Learned one type only: every document would be "predicted" as it, sure of itself. Wait for a
    // second type.
    if (classifier.types().size() < 2) {
        run.note = QStringLiteral("typed examples of one type only");
        return run;
    }
    for (const auto& [d, f] : *loaded) {
        if (d.typeSource == TypeSource::User)
            continue; // a person's choice is never overwritten
        if (!wanted.empty() && !wanted.contains(d.id))
            continue;
        if (d.typeSource == TypeSource::Predicted && !options.repredict)
            continue;
        auto prediction = classifier.predict(f);
        if (!prediction)
            continue;
        if (!options.dryRun) {
            if (Status s = store.setDocumentType(d.id, prediction->type, TypeSource::Predicted, prediction->confidence);
                !s)
                return s.error();
            // The caller has the pages whose options this changes processed again
            // (core/pipeline/type_profiles.h: requeueForProfiles of each predicted document).
        }
        run.predictions.push_back(std::move(*prediction));
    }
    return run;
}

Result<int> classifyDocuments(ProjectStore& store, const std::vector<DocumentId>& documents, bool repredict)
{
    ClassifyOptions options;
    options.documents = documents;
    options.repredict = repredict;
    auto run = classifyDocuments(store, options);
    if (!run)
        return run.error();
    return static_cast<int>(run->predictions.size());
}

} // namespace incidoc
