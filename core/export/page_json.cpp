#include "core/export/page_json.h"

#include "core/storage/project_store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <unordered_set>

namespace incidoc {
namespace {

QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

/// Trims a string to at most `maxBytes` of UTF-8 without cutting a character.
QString truncatedUtf8(QString s, int maxBytes)
{
    while (s.toUtf8().size() > maxBytes)
        s.chop(s.size() > 1 && s.at(s.size() - 1).isLowSurrogate() ? 2 : 1);
    return s;
}

QString safeStem(const DocumentRecord& doc)
{
    QString stem = QFileInfo(doc.name.isEmpty() ? doc.path : doc.name).completeBaseName();
    // Keep any Unicode, but nothing a file system or an unzip tool treats specially.
    for (QChar& c : stem) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':')
            || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    }
    stem = truncatedUtf8(stem.trimmed(), 120);
    if (stem.isEmpty() || stem == QLatin1String(".") || stem == QLatin1String(".."))
        stem = QStringLiteral("document");
    return stem;
}

} // namespace

QJsonObject pageToJson(const DocumentRecord& document, const PageRecord& page, const std::vector<WordRecord>& words,
                       const PageForm& form, const QSet<WordId>* redacted)
{
    QJsonObject doc{
        {QStringLiteral("id"), document.id},
        {QStringLiteral("name"), document.name},
        {QStringLiteral("source_path"), document.path},
        {QStringLiteral("sha256"), document.sha256},
        {QStringLiteral("type"), orNull(document.type)},
        // How it got its type: "user" (a person), "predicted" (the classifier, with its confidence).
        {QStringLiteral("type_source"), orNull(toString(document.typeSource))},
        {QStringLiteral("type_confidence"), document.typeSource == TypeSource::Predicted && document.typeConfidence
                                                ? QJsonValue(*document.typeConfidence)
                                                : QJsonValue(QJsonValue::Null)}};
    QJsonObject pg{{QStringLiteral("number"), page.number},
                   {QStringLiteral("width"), page.widthPx},
                   {QStringLiteral("height"), page.heightPx},
                   {QStringLiteral("dpi"), page.dpi},
                   {QStringLiteral("rotation"), page.rotation},
                   {QStringLiteral("kind"),
                    page.kind == PageKind::Unknown ? QJsonValue(QJsonValue::Null) : QJsonValue(toString(page.kind))},
                   {QStringLiteral("status"), toString(page.status)},
                   {QStringLiteral("review"), toString(page.review)},
                   {QStringLiteral("engine"), orNull(page.engine)},
                   {QStringLiteral("error"), orNull(page.error)},
                   // Added to incidoc.page/1 (a new field; no other changes meaning): the kind of a failed
                   // page's failure, null when the page did not fail.
                   {QStringLiteral("failure"), page.failure == FailureKind::None ? QJsonValue(QJsonValue::Null)
                                                                                 : QJsonValue(toString(page.failure))}};
    // Added to incidoc.page/1: an image page read as a photo (core/model/photo_geometry.h): the page's corners
    // in the photo, so boxes map back onto it; absent for other pages.
    if (page.photo && page.photo->state != PhotoState::NotPhoto)
        pg.insert(QStringLiteral("photo"), page.photo->toJson());
    QJsonArray list;
    int order = 0;
    for (const WordRecord& w : words) {
        QJsonObject o{{QStringLiteral("id"), w.id},
                      {QStringLiteral("text"), w.text},
                      {QStringLiteral("bbox"), QJsonArray{w.box.x0, w.box.y0, w.box.x1, w.box.y1}},
                      {QStringLiteral("confidence"), w.confidence ? QJsonValue(std::round(*w.confidence * 10.0) / 10.0)
                                                                  : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("block"), w.block},
                      {QStringLiteral("line"), w.line},
                      // Reading order as the spec defines it: 0, 1, 2... with no gaps, whatever is stored.
                      {QStringLiteral("order"), order++},
                      {QStringLiteral("label"), orNull(w.labelName)},
                      {QStringLiteral("source"), toString(w.source)},
                      {QStringLiteral("ocr_text"), w.ocrText ? QJsonValue(*w.ocrText) : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("reviewed"), w.reviewed}};
        // Added to incidoc.page/1 (new fields; no other changes meaning): the engine whose reading is
        // `text` (null: a text layer or a person), whether a person should look at the word, and the
        // other engines' readings ([] when there are none).
        o[QStringLiteral("engine")] = orNull(w.engine);
        o[QStringLiteral("flagged")] = w.flagged;
        QJsonArray alternatives;
        for (const WordReading& r : w.alternatives)
            alternatives.append(QJsonObject{{QStringLiteral("engine"), r.engine},
                                            {QStringLiteral("text"), r.text},
                                            {QStringLiteral("confidence"), std::round(r.confidence * 10.0) / 10.0}});
        o[QStringLiteral("alternatives")] = alternatives;
        // Added to incidoc.page/1 in redacted bundles: the word's text is a pseudonym.
        if (redacted && redacted->contains(w.id))
            o[QStringLiteral("redacted")] = true;
        list.append(o);
    }
    // Added to incidoc.page/1 (new fields; no other changes meaning): the page's form. Entities are groups
    // of words (`words`: word ids in the entity's order) with a FUNSD label and a typed field; links go
    // from one entity to another (`from` -> `to`, question -> answer for `key_value`).
    QJsonArray entities;
    for (const EntityRecord& e : form.entities) {
        QJsonArray ids;
        for (WordId w : e.words)
            ids.append(w);
        entities.append(QJsonObject{{QStringLiteral("id"), e.id},
                                    {QStringLiteral("label"), orNull(e.label)},
                                    {QStringLiteral("field"), orNull(e.field)},
                                    {QStringLiteral("text"), e.text},
                                    {QStringLiteral("bbox"), QJsonArray{e.box.x0, e.box.y0, e.box.x1, e.box.y1}},
                                    {QStringLiteral("words"), ids},
                                    {QStringLiteral("source"), e.source},
                                    {QStringLiteral("proposed"), e.proposed},
                                    {QStringLiteral("external_id"), orNull(e.externalId)}});
    }
    QJsonArray links;
    for (const LinkRecord& l : form.links)
        links.append(QJsonObject{{QStringLiteral("id"), l.id},
                                 {QStringLiteral("from"), l.from},
                                 {QStringLiteral("to"), l.to},
                                 {QStringLiteral("type"), l.type},
                                 {QStringLiteral("source"), l.source},
                                 {QStringLiteral("proposed"), l.proposed}});
    return QJsonObject{{QStringLiteral("schema"), QString::fromLatin1(kPageSchema)},
                       {QStringLiteral("document"), doc},
                       {QStringLiteral("page"), pg},
                       {QStringLiteral("words"), list},
                       {QStringLiteral("entities"), entities},
                       {QStringLiteral("links"), links}};
}

std::vector<QString> documentFolderNames(const std::vector<DocumentRecord>& documents)
{
    std::vector<QString> names;
    std::unordered_set<QString> used;
    for (const auto& doc : documents) {
        const QString stem = safeStem(doc);
        QString name = stem;
        for (int n = 2; used.count(name.toCaseFolded()); ++n)
            name = QStringLiteral("%1-%2").arg(stem).arg(n);
        used.insert(name.toCaseFolded());
        names.push_back(name);
    }
    return names;
}

Result<DumpReport> dumpProject(ProjectStore& store, const QString& dir, const CancelToken& cancel)
{
    auto all = store.documents();
    if (!all)
        return all.error();
    std::vector<DocumentRecord> docs;
    for (auto& d : *all)
        if (d.error.isEmpty())
            docs.push_back(d);
    const auto names = documentFolderNames(docs);

    DumpReport report;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        const QString folder = QDir(dir).filePath(names[i]);
        if (!QDir().mkpath(folder))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create folder %1").arg(folder));
        auto pages = store.pages(docs[i].id);
        if (!pages)
            return pages.error();
        for (const auto& page : *pages) {
            auto words = store.words(page.id);
            if (!words)
                return words.error();
            auto form = store.pageForm(page.id);
            if (!form)
                return form.error();
            const QString path =
                QDir(folder).filePath(QStringLiteral("page-%1.json").arg(page.number, 4, 10, QLatin1Char('0')));
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly))
                return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
            out.write(QJsonDocument(pageToJson(docs[i], page, *words, *form)).toJson(QJsonDocument::Indented));
            if (!out.commit())
                return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
            ++report.pages;
        }
        ++report.documents;
    }
    return report;
}

} // namespace incidoc
