#include "core/export/format_coco.h"

#include "core/export/format_support_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace incidoc {

using bundle::compact;

QHash<QString, int> cocoCategoryIds(const std::vector<LabelRecord>& labels)
{
    QHash<QString, int> ids;
    ids.insert(QStringLiteral("word"), 1);
    int next = 2;
    for (const auto& l : labels)
        if (!ids.contains(l.name))
            ids.insert(l.name, next++);
    return ids;
}

QByteArray cocoHead(const std::vector<LabelRecord>& labels, const QString& created)
{
    QJsonArray cats{QJsonObject{{QStringLiteral("id"), 1},
                                {QStringLiteral("name"), QStringLiteral("word")},
                                {QStringLiteral("supercategory"), QStringLiteral("text")}}};
    const auto ids = cocoCategoryIds(labels);
    QSet<QString> seen{QStringLiteral("word")};
    for (const auto& l : labels) {
        if (seen.contains(l.name))
            continue;
        seen.insert(l.name);
        cats.append(QJsonObject{{QStringLiteral("id"), ids.value(l.name)},
                                {QStringLiteral("name"), l.name},
                                {QStringLiteral("supercategory"), QStringLiteral("label")}});
    }
    const QJsonObject info{{QStringLiteral("description"), QStringLiteral("Incidoc export (incidoc.bundle/1)")},
                           {QStringLiteral("version"), QStringLiteral("1.0")},
                           {QStringLiteral("date_created"), created}};
    return "{\"info\":" + compact(info) + ",\"licenses\":[],\"categories\":"
           + QJsonDocument(cats).toJson(QJsonDocument::Compact) + ",\"annotations\":[";
}

QByteArray cocoMiddle()
{
    return "],\"images\":[";
}

QByteArray cocoImage(const BundlePage& p, int imageId)
{
    return compact(QJsonObject{{QStringLiteral("id"), imageId},
                               {QStringLiteral("file_name"), p.imagePath},
                               {QStringLiteral("width"), p.page.widthPx},
                               {QStringLiteral("height"), p.page.heightPx},
                               {QStringLiteral("document"), p.slug},
                               {QStringLiteral("document_name"), p.document.name},
                               {QStringLiteral("page"), p.page.number}});
}

QByteArray cocoAnnotations(const BundlePage& p, int imageId, long long firstAnnotationId,
                           const QHash<QString, int>& categories, bool leadingComma)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(p.words.size()) * 190);
    long long id = firstAnnotationId;
    for (const WordRecord& w : p.words) {
        if (leadingComma || id != firstAnnotationId)
            out += ',';
        const int cat = w.labelName.isEmpty() ? 1 : categories.value(w.labelName, 1);
        const int bw = std::max(0, w.box.width()), bh = std::max(0, w.box.height());
        QJsonObject o{
            {QStringLiteral("id"), id++},
            {QStringLiteral("image_id"), imageId},
            {QStringLiteral("category_id"), cat},
            {QStringLiteral("bbox"), QJsonArray{w.box.x0, w.box.y0, bw, bh}},
            {QStringLiteral("area"), static_cast<qint64>(bw) * bh},
            {QStringLiteral("iscrowd"), 0},
            {QStringLiteral("segmentation"), QJsonArray{}},
            {QStringLiteral("text"), w.text},
            {QStringLiteral("confidence"),
             w.confidence ? QJsonValue(std::round(*w.confidence * 10.0) / 10.0) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("label"), w.labelName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(w.labelName)},
            {QStringLiteral("document"), p.slug},
            {QStringLiteral("page"), p.page.number},
            // The engine that read the text, the review flag and the other engines' readings.
            {QStringLiteral("attributes"), bundle::readingsJson(w)}};
        out += compact(o);
    }
    return out;
}

} // namespace incidoc
