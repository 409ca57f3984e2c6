#include "core/export/format_label_studio.h"

#include "core/export/format_support_p.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace incidoc {

using bundle::compact;

namespace {

double pct(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

/// The page's form: each entity as a region of its own ("e<id>": rectangle, its text, its label; `meta`
/// names its words' regions and its typed field) and each link between two of them as a `relation`.
void appendForm(QJsonArray& results, const BundlePage& p, double W, double H)
{
    QSet<EntityId> withRegion;
    for (const EntityRecord& e : p.entities) {
        if (e.box.isEmpty())
            continue;
        withRegion.insert(e.id);
        const QString rid = QStringLiteral("e%1").arg(e.id);
        const QJsonObject value{{QStringLiteral("x"), pct(100.0 * e.box.x0 / W)},
                                {QStringLiteral("y"), pct(100.0 * e.box.y0 / H)},
                                {QStringLiteral("width"), pct(100.0 * e.box.width() / W)},
                                {QStringLiteral("height"), pct(100.0 * e.box.height() / H)},
                                {QStringLiteral("rotation"), 0}};
        QJsonArray words;
        for (WordId w : e.words)
            words.append(QStringLiteral("w%1").arg(w));
        QJsonObject meta{{QStringLiteral("entity"), true}, {QStringLiteral("words"), words}};
        if (!e.field.isEmpty())
            meta.insert(QStringLiteral("field"), e.field);
        auto result = [&](const char* from, const char* type, const QJsonObject& v) {
            return QJsonObject{{QStringLiteral("id"), rid},
                               {QStringLiteral("from_name"), QLatin1String(from)},
                               {QStringLiteral("to_name"), QStringLiteral("image")},
                               {QStringLiteral("type"), QLatin1String(type)},
                               {QStringLiteral("original_width"), p.page.widthPx},
                               {QStringLiteral("original_height"), p.page.heightPx},
                               {QStringLiteral("image_rotation"), 0},
                               {QStringLiteral("value"), v},
                               {QStringLiteral("meta"), meta}};
        };
        results.append(result("bbox", "rectangle", value));
        QJsonObject text = value;
        text.insert(QStringLiteral("text"), QJsonArray{e.text});
        results.append(result("transcription", "textarea", text));
        if (!e.label.isEmpty()) {
            QJsonObject labels = value;
            labels.insert(QStringLiteral("labels"), QJsonArray{e.label});
            results.append(result("label", "labels", labels));
        }
    }
    for (const LinkRecord& l : p.links) {
        if (!withRegion.contains(l.from) || !withRegion.contains(l.to))
            continue;
        results.append(QJsonObject{{QStringLiteral("from_id"), QStringLiteral("e%1").arg(l.from)},
                                   {QStringLiteral("to_id"), QStringLiteral("e%1").arg(l.to)},
                                   {QStringLiteral("type"), QStringLiteral("relation")},
                                   {QStringLiteral("direction"), QStringLiteral("right")},
                                   {QStringLiteral("labels"), QJsonArray{l.type}}});
    }
}

} // namespace

QByteArray labelStudioTask(const BundlePage& p, int taskId)
{
    const double W = std::max(1, p.page.widthPx), H = std::max(1, p.page.heightPx);
    QJsonArray results;
    double confSum = 0;
    int confCount = 0;
    for (const WordRecord& w : p.words) {
        const QString rid = QStringLiteral("w%1").arg(w.id);
        QJsonObject value{{QStringLiteral("x"), pct(100.0 * w.box.x0 / W)},
                          {QStringLiteral("y"), pct(100.0 * w.box.y0 / H)},
                          {QStringLiteral("width"), pct(100.0 * std::max(0, w.box.width()) / W)},
                          {QStringLiteral("height"), pct(100.0 * std::max(0, w.box.height()) / H)},
                          {QStringLiteral("rotation"), 0}};
        auto result = [&](const char* from, const char* type, const QJsonObject& v) {
            QJsonObject r{{QStringLiteral("id"), rid},
                          {QStringLiteral("from_name"), QLatin1String(from)},
                          {QStringLiteral("to_name"), QStringLiteral("image")},
                          {QStringLiteral("type"), QLatin1String(type)},
                          {QStringLiteral("original_width"), p.page.widthPx},
                          {QStringLiteral("original_height"), p.page.heightPx},
                          {QStringLiteral("image_rotation"), 0},
                          {QStringLiteral("value"), v}};
            if (w.confidence)
                r.insert(QStringLiteral("score"), std::round(*w.confidence * 10.0) / 1000.0);
            // Region metadata: the engine, the review flag and the other engines' readings (a word no
            // engine read and nobody flagged has none); `text` is what Label Studio shows of it.
            if (!w.engine.isEmpty() || w.flagged) {
                QJsonObject meta = bundle::readingsJson(w);
                QJsonArray notes;
                for (const WordReading& alt : w.alternatives)
                    notes.append(
                        QStringLiteral("%1: %2 (%3)").arg(alt.engine, alt.text).arg(alt.confidence, 0, 'f', 1));
                if (w.flagged)
                    notes.prepend(QStringLiteral("flagged for review"));
                if (!notes.isEmpty())
                    meta.insert(QStringLiteral("text"), notes);
                r.insert(QStringLiteral("meta"), meta);
            }
            return r;
        };
        results.append(result("bbox", "rectangle", value));
        QJsonObject text = value;
        text.insert(QStringLiteral("text"), QJsonArray{w.text});
        results.append(result("transcription", "textarea", text));
        if (!w.labelName.isEmpty()) {
            QJsonObject labels = value;
            labels.insert(QStringLiteral("labels"), QJsonArray{w.labelName});
            results.append(result("label", "labels", labels));
        }
        if (w.confidence) {
            confSum += *w.confidence;
            ++confCount;
        }
    }
    appendForm(results, p, W, H);
    QJsonObject task{{QStringLiteral("id"), taskId},
                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("ocr"), p.imagePath},
                                                          {QStringLiteral("document"), p.slug},
                                                          {QStringLiteral("document_name"), p.document.name},
                                                          {QStringLiteral("page"), p.page.number}}}};
    if (p.page.review == ReviewStatus::Reviewed) {
        task.insert(QStringLiteral("annotations"), QJsonArray{QJsonObject{{QStringLiteral("result"), results},
                                                                          {QStringLiteral("ground_truth"), false}}});
    } else {
        task.insert(QStringLiteral("predictions"),
                    QJsonArray{QJsonObject{{QStringLiteral("model_version"),
                                            p.page.engine.isEmpty() ? QStringLiteral("incidoc") : p.page.engine},
                                           {QStringLiteral("score"), confCount ? confSum / confCount / 100.0 : 0.0},
                                           {QStringLiteral("result"), results}}});
    }
    return compact(task);
}

} // namespace incidoc
