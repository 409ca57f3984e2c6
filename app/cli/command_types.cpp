// `types` and `classify`: the project's document types (with how many documents a person typed as
// each, its processing profile and its title), changes to them and to documents' types, and predictions
// of the types of documents nobody typed yet, learned from those a person did (core/doctype).

#include "app/cli/commands.h"
#include "app/cli/process_queued.h"
#include "core/doctype/classify_documents.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>

namespace incidoc::cli {

QString typeTitle(const DocumentType& type)
{
    if (!type.title.isEmpty())
        return type.title;
    static const std::map<QString, const char*> builtIn{
        {QStringLiteral("incident_report"), QT_TRANSLATE_NOOP("cli", "Incident report form")},
        {QStringLiteral("narrative"), QT_TRANSLATE_NOOP("cli", "Continuation / narrative sheet")},
        {QStringLiteral("witness_statement"), QT_TRANSLATE_NOOP("cli", "Witness statement")},
        {QStringLiteral("photo"), QT_TRANSLATE_NOOP("cli", "Photo of a document")},
        {QStringLiteral("fax"), QT_TRANSLATE_NOOP("cli", "Fax")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("cli", "Other")}};
    if (auto it = builtIn.find(type.name); it != builtIn.end())
        return Cli::tr(it->second);
    return type.name;
}

QJsonObject typeCountsJson(const std::vector<DocumentRecord>& documents)
{
    std::map<QString, std::pair<int, int>> byType; // user, predicted
    int untyped = 0;
    for (const DocumentRecord& d : documents) {
        if (!d.error.isEmpty())
            continue;
        if (d.typeSource == TypeSource::None)
            ++untyped;
        else
            (d.typeSource == TypeSource::User ? byType[d.type].first : byType[d.type].second) += 1;
    }
    QJsonObject types;
    int predicted = 0;
    for (const auto& [name, counts] : byType) {
        types.insert(name,
                     QJsonObject{{QStringLiteral("user"), counts.first}, {QStringLiteral("predicted"), counts.second}});
        predicted += counts.second;
    }
    return {{QStringLiteral("by_type"), types},
            {QStringLiteral("predicted"), predicted},
            {QStringLiteral("untyped"), untyped}};
}

QString typeCountsLine(const std::vector<DocumentRecord>& documents)
{
    const QJsonObject counts = typeCountsJson(documents);
    QStringList parts;
    const QJsonObject byType = counts.value(QStringLiteral("by_type")).toObject();
    for (auto it = byType.begin(); it != byType.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        parts << Cli::tr("%1 %2").arg(it.key()).arg(c.value(QStringLiteral("user")).toInt()
                                                    + c.value(QStringLiteral("predicted")).toInt());
    }
    return Cli::tr("Types:     %1 (%2 predicted, %3 untyped)")
        .arg(parts.isEmpty() ? Cli::tr("none") : parts.join(QStringLiteral(", ")))
        .arg(counts.value(QStringLiteral("predicted")).toInt())
        .arg(counts.value(QStringLiteral("untyped")).toInt());
}

namespace {

QString percent(double confidence)
{
    return QString::number(std::lround(confidence * 100));
}

QString profileText(const TypeProfile& p)
{
    if (p.isEmpty())
        return Cli::tr("the project's");
    return QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact));
}

int listTypes(const CliOptions& o, ProjectStore& store)
{
    auto types = store.documentTypes();
    auto documents = store.documents();
    if (!types || !documents) {
        err(Cli::tr("error: %1").arg((!types ? types.error() : documents.error()).message));
        return kExitUsage;
    }
    std::map<QString, std::pair<int, int>> counts;
    for (const DocumentRecord& d : *documents)
        if (d.typeSource != TypeSource::None)
            (d.typeSource == TypeSource::User ? counts[d.type].first : counts[d.type].second) += 1;
    if (o.json) {
        QJsonArray list;
        for (const DocumentType& t : *types)
            list.append(QJsonObject{{QStringLiteral("name"), t.name},
                                    {QStringLiteral("title"), typeTitle(t)},
                                    {QStringLiteral("examples"), counts[t.name].first},
                                    {QStringLiteral("predicted"), counts[t.name].second},
                                    {QStringLiteral("profile"), t.profile.toJson()}});
        printJson(QJsonObject{{QStringLiteral("types"), list}});
        return kExitOk;
    }
    for (const DocumentType& t : *types)
        out(Cli::tr("%1  %2 example(s), %3 predicted  profile: %4  \"%5\"")
                .arg(t.name, -20)
                .arg(counts[t.name].first)
                .arg(counts[t.name].second)
                .arg(profileText(t.profile), typeTitle(t)));
    return kExitOk;
}

/// After a type change: the done pages of `scope` whose options now differ go back to the queue; says
/// how to process them. Returns how many (0 when the requeue failed: said on stderr).
int requeueChanged(const CliOptions& o, ProjectStore& store, const ProfileScope& scope)
{
    auto requeued = requeueForTypeChange(o, store, scope);
    if (!requeued) {
        err(Cli::tr("error: %1").arg(requeued.error().message));
        return 0;
    }
    return *requeued;
}

void sayRequeued(const CliOptions& o, int pages)
{
    if (pages > 0 && !o.json && !o.quiet)
        out(Cli::tr("%n page(s) will be read again with their type's profile: incidoc-cli ocr -p %1 reads them",
                    nullptr, pages)
                .arg(o.project));
}

/// `types profile NAME`: the given settings over the type's current profile, checked by the rules of
/// typeProfileFromJson (a DPI outside 50..1200 is refused there).
Status changeProfile(const CliOptions& o, ProjectStore& store, const QString& name)
{
    auto types = store.documentTypes();
    if (!types)
        return types.error();
    const auto type = std::find_if(types->begin(), types->end(), [&](const DocumentType& t) { return t.name == name; });
    if (type == types->end())
        return makeError(ErrorCode::NotFound, Cli::tr("the project has no document type \"%1\"").arg(name));
    QJsonObject json = o.typeProfile.clear ? QJsonObject{} : type->profile.toJson();
    if (!o.engines.isEmpty())
        json.insert(QStringLiteral("engines"), o.engines);
    if (!o.profile.isEmpty())
        json.insert(QStringLiteral("profile"), o.profile);
    if (o.typeProfile.dpi > 0)
        json.insert(QStringLiteral("dpi"), o.typeProfile.dpi);
    if (!o.typeProfile.binarize.isEmpty())
        json.insert(QStringLiteral("binarize"), o.typeProfile.binarize);
    if (o.typeProfile.reviewThreshold)
        json.insert(QStringLiteral("review_threshold"), *o.typeProfile.reviewThreshold);
    QString why;
    const auto profile = typeProfileFromJson(json, &why);
    if (!profile)
        return makeError(ErrorCode::InvalidInput, why);
    if (Status s = store.setTypeProfile(name, *profile); !s)
        return s;
    if (!o.json && !o.quiet)
        out(Cli::tr("%1: profile %2").arg(name, profileText(*profile)));
    sayRequeued(o, requeueChanged(o, store, ProfileScope::ofType(name)));
    return okStatus();
}

/// `types set TYPE DOC...`, `types clear DOC...`, `types confirm DOC...`.
int changeDocuments(const CliOptions& o, ProjectStore& store)
{
    const QString sub = o.inputs.first();
    const QString type = sub == QLatin1String("set") ? o.inputs.at(1) : QString();
    const QStringList names = o.inputs.mid(sub == QLatin1String("set") ? 2 : 1);
    auto documents = store.documents();
    if (!documents) {
        err(Cli::tr("error: %1").arg(documents.error().message));
        return kExitUsage;
    }
    QJsonArray changed, refused;
    int requeued = 0;
    for (const QString& name : names) {
        const DocumentId id = findDocument(*documents, name);
        QString why, newType = type;
        if (!id) {
            why = Cli::tr("no such document in the project");
        } else {
            const auto d =
                std::find_if(documents->begin(), documents->end(), [&](const DocumentRecord& r) { return r.id == id; });
            if (sub == QLatin1String("confirm")) {
                newType = d->type;
                if (d->typeSource != TypeSource::Predicted)
                    why = Cli::tr("it has no predicted type to confirm");
            }
            if (why.isEmpty()) {
                if (Status s = store.setDocumentType(id, newType, TypeSource::User); !s)
                    why = s.error().message;
                else
                    requeued += requeueChanged(o, store, ProfileScope::ofDocument(id));
            }
        }
        if (why.isEmpty()) {
            changed.append(QJsonObject{{QStringLiteral("document_id"), id},
                                       {QStringLiteral("name"), name},
                                       {QStringLiteral("type"), newType}});
            if (!o.json && !o.quiet)
                out(newType.isEmpty() ? Cli::tr("%1: no type").arg(name) : Cli::tr("%1: %2").arg(name, newType));
        } else {
            refused.append(QJsonObject{
                {QStringLiteral("document_id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("reason"), why}});
            err(Cli::tr("error: %1: %2").arg(name, why));
        }
    }
    sayRequeued(o, requeued);
    if (o.json)
        printJson(QJsonObject{{QStringLiteral("changed"), changed},
                              {QStringLiteral("refused"), refused},
                              {QStringLiteral("requeued_pages"), requeued}});
    return refused.isEmpty() ? kExitOk : kExitSomeFailed;
}

} // namespace

int commandTypes(const CliOptions& o)
{
    const bool readOnly = o.inputs.isEmpty() || o.inputs.first() == QLatin1String("list");
    auto store = ProjectStore::open(o.project, readOnly && QFileInfo::exists(o.project) ? OpenMode::ReadOnly
                                                                                        : OpenMode::ReadWrite);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    if (readOnly)
        return listTypes(o, **store);
    const QString sub = o.inputs.first();
    if (sub == QLatin1String("set") || sub == QLatin1String("clear") || sub == QLatin1String("confirm"))
        return changeDocuments(o, **store);
    const QString name = o.inputs.at(1);
    Status done = okStatus();
    if (sub == QLatin1String("add"))
        done = (*store)->addDocumentType(name, o.inputs.value(2));
    else if (sub == QLatin1String("remove")) {
        done = (*store)->removeDocumentType(name);
        if (done) // its documents have no type now
            sayRequeued(o, requeueChanged(o, **store, ProfileScope{}));
    } else if (sub == QLatin1String("title"))
        done = (*store)->setDocumentTypeTitle(name, o.inputs.at(2));
    else if (sub == QLatin1String("profile"))
        done = changeProfile(o, **store, name);
    if (!done) {
        err(Cli::tr("error: %1").arg(done.error().message));
        return kExitSomeFailed;
    }
    if (o.json)
        return listTypes(o, **store);
    if (!o.quiet && sub != QLatin1String("profile"))
        out(Cli::tr("Done: types %1 %2").arg(sub, name));
    return kExitOk;
}

int commandClassify(const CliOptions& o, const std::shared_ptr<Workplace>& workplace)
{
    auto opened = openWithDocuments(o);
    if (!opened)
        return kExitUsage;
    const auto store = &opened->store;
    const auto documents = &opened->documents;
    ClassifyOptions options;
    options.repredict = o.all;
    options.renderPdf = firstPdfPageIn(workplace);
    for (const QString& name : o.inputs) {
        const DocumentId id = findDocument(*documents, name);
        if (!id) {
            err(Cli::tr("error: %1: no such document in the project").arg(name));
            return kExitSomeFailed;
        }
        options.documents.push_back(id);
    }
    // Naming documents asks for their prediction, whether they had one or not.
    if (!options.documents.empty())
        options.repredict = true;
    auto run = classifyDocuments(**store, options);
    if (!run) {
        err(Cli::tr("error: %1").arg(run.error().message));
        return kExitUsage;
    }
    int requeued = 0;
    for (const TypePrediction& p : run->predictions)
        requeued += requeueChanged(o, **store, ProfileScope::ofDocument(p.document));
    std::map<DocumentId, QString> paths;
    for (const DocumentRecord& d : *documents)
        paths[d.id] = d.path;
    if (o.json) {
        QJsonArray list;
        for (const TypePrediction& p : run->predictions) {
            QJsonObject scores;
            for (const auto& [type, score] : p.scores)
                scores.insert(type, score);
            list.append(QJsonObject{{QStringLiteral("document_id"), p.document},
                                    {QStringLiteral("path"), paths[p.document]},
                                    {QStringLiteral("type"), p.type},
                                    {QStringLiteral("confidence"), p.confidence},
                                    {QStringLiteral("scores"), scores}});
        }
        QJsonObject result{{QStringLiteral("examples"), run->examples},
                           {QStringLiteral("learned_types"), QJsonArray::fromStringList(run->learnedTypes)},
                           {QStringLiteral("predictions"), list},
                           {QStringLiteral("waiting"), run->waiting},
                           {QStringLiteral("requeued_pages"), requeued}};
        if (!run->note.isEmpty())
            result.insert(QStringLiteral("note"), run->note);
        printJson(result);
        return kExitOk;
    }
    if (!run->note.isEmpty()) {
        if (run->examples == 0)
            out(Cli::tr("No typed examples yet: type a few documents of each type (incidoc-cli types set TYPE "
                        "DOC...), then classify. Nothing was predicted; pages are processed with the project's "
                        "profile."));
        else
            out(Cli::tr("Documents of one type only were typed (%1): type a few of another type too, then classify. "
                        "Nothing was predicted.")
                    .arg(run->learnedTypes.join(QStringLiteral(", "))));
        return kExitOk;
    }
    if (o.quiet)
        return kExitOk;
    out(Cli::tr("Learned from %1 typed document(s) of %2 type(s): %3")
            .arg(run->examples)
            .arg(run->learnedTypes.size())
            .arg(run->learnedTypes.join(QStringLiteral(", "))));
    for (const TypePrediction& p : run->predictions) {
        QString line = Cli::tr("  %1: %2 (%3 %)").arg(paths[p.document], p.type, percent(p.confidence));
        if (p.scores.size() > 1 && p.scores[1].second > 0.2)
            line += Cli::tr(", or %1 (%2 %)").arg(p.scores[1].first, percent(p.scores[1].second));
        out(line);
    }
    out(Cli::tr("%n document(s) predicted", nullptr, static_cast<int>(run->predictions.size())));
    if (run->waiting > 0)
        out(Cli::tr("%n document(s) wait for their first page", nullptr, run->waiting));
    sayRequeued(o, requeued);
    return kExitOk;
}

} // namespace incidoc::cli
