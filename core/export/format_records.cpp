#include "core/export/format_records.h"

#include "core/export/format_support_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace incidoc {

namespace {

QByteArray csvField(const QString& s)
{
    QByteArray b = s.toUtf8();
    if (!b.contains(',') && !b.contains('"') && !b.contains('\n') && !b.contains('\r'))
        return b;
    b.replace("\"", "\"\"");
    return '"' + b + '"';
}

} // namespace

std::vector<RecordField> pageRecordFields(const BundlePage& p)
{
    QHash<EntityId, const EntityRecord*> byId;
    for (const EntityRecord& e : p.entities)
        byId.insert(e.id, &e);
    std::vector<RecordField> fields;
    for (const EntityRecord& e : p.entities) {
        if (e.field.isEmpty())
            continue;
        RecordField f;
        f.entity = e.id;
        f.pageId = p.page.id;
        f.page = p.page.number;
        f.field = e.field;
        f.value = e.text;
        f.box = e.box;
        // Its key: the entity a link comes from (key -> value); else one it points to.
        const EntityRecord* key = nullptr;
        for (const LinkRecord& l : p.links)
            if (l.to == e.id && l.from != e.id && (key = byId.value(l.from)))
                break;
        if (!key)
            for (const LinkRecord& l : p.links)
                if (l.from == e.id && l.to != e.id && (key = byId.value(l.to)))
                    break;
        if (key)
            f.key = key->text;
        fields.push_back(std::move(f));
    }
    return fields;
}

std::vector<std::pair<QString, QByteArray>> incidentRecords(const std::vector<DocumentFields>& documents,
                                                            const FieldPatterns& patterns)
{
    std::vector<FieldValue> values;
    for (const DocumentFields& d : documents)
        for (const RecordField& f : d.fields)
            values.push_back({d.document.id, f.pageId, f.page, f.entity, f.field, f.value, f.box});
    const std::vector<FormFinding> findings = checkFields(values, patterns);

    std::vector<std::pair<QString, QByteArray>> out;
    QByteArray csv = "document,page,field,value,normalized,valid,problem,key,x0,y0,x1,y1\n";
    for (const DocumentFields& d : documents) {
        QJsonArray fields;
        QJsonObject record;
        for (const RecordField& f : d.fields) {
            const FieldCheck check = checkField(f.field, f.value, patterns);
            if (!record.contains(f.field))
                record.insert(f.field, check.valid && !check.normalized.isEmpty() ? check.normalized : f.value);
            fields.append(QJsonObject{
                {QStringLiteral("field"), f.field},
                {QStringLiteral("title"), fieldTitle(f.field)},
                {QStringLiteral("value"), f.value},
                {QStringLiteral("normalized"), check.normalized},
                {QStringLiteral("valid"), check.valid},
                {QStringLiteral("problem"), check.problem},
                {QStringLiteral("page"), f.page},
                {QStringLiteral("box"), QJsonArray{f.box.x0, f.box.y0, f.box.x1, f.box.y1}},
                {QStringLiteral("key"), f.key.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.key)}});
            csv += d.slug.toUtf8() + ',' + bundle::num(f.page) + ',' + csvField(f.field) + ',' + csvField(f.value) + ','
                   + csvField(check.normalized) + ',' + (check.valid ? "true" : "false") + ',' + csvField(check.problem)
                   + ',' + csvField(f.key) + ',' + bundle::num(f.box.x0) + ',' + bundle::num(f.box.y0) + ','
                   + bundle::num(f.box.x1) + ',' + bundle::num(f.box.y1) + '\n';
        }
        QJsonArray documentFindings;
        for (const FormFinding& finding : findings) {
            if (finding.document != d.document.id || finding.kind == QLatin1String("invalid"))
                continue;
            documentFindings.append(QJsonObject{{QStringLiteral("kind"), finding.kind},
                                                {QStringLiteral("message"), finding.message},
                                                {QStringLiteral("page"), finding.pageNumber}});
        }
        const QJsonObject json{{QStringLiteral("schema"), QStringLiteral("incidoc.record/1")},
                               {QStringLiteral("document"), QJsonObject{{QStringLiteral("slug"), d.slug},
                                                                        {QStringLiteral("name"), d.document.name},
                                                                        {QStringLiteral("sha256"), d.document.sha256}}},
                               {QStringLiteral("record"), record},
                               {QStringLiteral("fields"), fields},
                               {QStringLiteral("findings"), documentFindings}};
        out.emplace_back(QStringLiteral("records/") + d.slug + QStringLiteral(".json"),
                         QJsonDocument(json).toJson(QJsonDocument::Indented));
    }
    out.emplace_back(QStringLiteral("records.csv"), csv);
    return out;
}

} // namespace incidoc
