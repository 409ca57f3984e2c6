// FUNSD and Label Studio JSON readers: the document's shape says which (FUNSD: an object with `form[]`;
// Label Studio: a task with `data` and `annotations` or `predictions`, or a list of them as its export
// writes).

#include "core/forms/annotation_read_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace incidoc::annotation_read {

namespace {

// An id as text: FUNSD's numbers ("12"), Label Studio's strings as they are.
std::optional<QString> idText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(static_cast<long long>(d));
    }
    return std::nullopt;
}

// FUNSD's [left, top, right, bottom].
std::optional<PixelBox> funsdBox(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 4)
        return std::nullopt;
    int c[4];
    for (int i = 0; i < 4; ++i) {
        if (!a[i].isDouble())
            return std::nullopt;
        c[i] = toPixel(a[i].toDouble());
    }
    return PixelBox{c[0], c[1], c[2], c[3]};
}

// ---------------------------------------------------------------------------------------------- FUNSD

Result<std::vector<ImportedPage>> readFunsd(const QJsonObject& root)
{
    ImportedPage page;
    page.format = QStringLiteral("funsd");
    const QJsonArray form = root.value(QLatin1String("form")).toArray();
    std::vector<std::pair<QString, QString>> pairs;
    for (int i = 0; i < form.size(); ++i) {
        if (!form[i].isObject())
            return invalid(QStringLiteral("FUNSD form item %1 is not an object").arg(i));
        const QJsonObject item = form[i].toObject();
        const auto id = idText(item.value(QLatin1String("id")));
        if (!id)
            return invalid(QStringLiteral("FUNSD form item %1 has no id").arg(i));
        if (!item.value(QLatin1String("words")).isArray())
            return invalid(QStringLiteral("FUNSD entity %1 has no words list").arg(*id));
        ImportedEntity e;
        e.id = *id;
        e.label = item.value(QLatin1String("label")).toString();
        QStringList texts;
        for (const QJsonValue& wv : item.value(QLatin1String("words")).toArray()) {
            const QJsonObject wo = wv.toObject();
            ImportedWord w;
            w.text = wo.value(QLatin1String("text")).toString();
            const auto box = funsdBox(wo.value(QLatin1String("box")));
            if (!wv.isObject() || !box)
                return invalid(
                    QStringLiteral("a word of FUNSD entity %1 has no box [left, top, right, bottom]").arg(*id));
            w.box = *box;
            w.block = i;
            w.line = i;
            e.words.push_back(int(page.words.size()));
            texts << w.text;
            page.words.push_back(std::move(w));
        }
        const QJsonValue text = item.value(QLatin1String("text"));
        if (text.isString() && text.toString() != texts.join(QLatin1Char(' ')))
            e.text = text.toString();
        for (const QJsonValue& pv : item.value(QLatin1String("linking")).toArray()) {
            const QJsonArray pair = pv.toArray();
            const auto from = pair.size() == 2 ? idText(pair[0]) : std::nullopt;
            const auto to = pair.size() == 2 ? idText(pair[1]) : std::nullopt;
            if (!from || !to)
                return invalid(
                    QStringLiteral("FUNSD entity %1 has a linking entry that is not a pair of ids").arg(*id));
            pairs.emplace_back(*from, *to);
        }
        page.entities.push_back(std::move(e));
    }
    for (const auto& [from, to] : pairs)
        page.links.push_back({from, to, QString()});
    return std::vector<ImportedPage>{std::move(page)};
}

// ---------------------------------------------------------------------------------------------- Label Studio

bool isLabelStudioTask(const QJsonValue& v)
{
    const QJsonObject o = v.toObject();
    return v.isObject() && o.value(QLatin1String("data")).isObject()
           && (o.value(QLatin1String("annotations")).isArray() || o.value(QLatin1String("predictions")).isArray());
}

// The image of a task: data.image (the image templates), data.ocr (the OCR template), else the first value
// that names an image file.
QString taskImage(const QJsonObject& data)
{
    for (const char* key : {"image", "ocr", "img", "url"})
        if (data.value(QLatin1String(key)).isString())
            return fileNameOf(data.value(QLatin1String(key)).toString());
    for (auto it = data.begin(); it != data.end(); ++it) {
        const QString s = it.value().toString().toLower();
        for (const char* ext : {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".gif"})
            if (s.contains(QLatin1String(ext)))
                return fileNameOf(it.value().toString());
    }
    return {};
}

struct Region {
    QString id;
    std::optional<PixelBox> box;
    std::optional<QString> text;
    QStringList labels;
    std::optional<double> score;
    int width = 0, height = 0;
    /// An entity region of Incidoc's own export (meta {"entity": true, "words": [region ids]}): a group of
    /// the word regions it names, not a word itself.
    std::optional<QStringList> members;
};

// A region's box in pixels from a result's value (percentages of the image): a rectangle (rotated about
// its top-left corner by `rotation` degrees clockwise, as Label Studio draws it) or a polygon's points.
std::optional<PixelBox> resultBox(const QJsonObject& value, double W, double H)
{
    std::vector<std::pair<double, double>> corners;
    if (value.value(QLatin1String("points")).isArray()) {
        for (const QJsonValue& p : value.value(QLatin1String("points")).toArray()) {
            const QJsonArray xy = p.toArray();
            if (xy.size() < 2)
                return std::nullopt;
            corners.emplace_back(xy[0].toDouble() * W / 100.0, xy[1].toDouble() * H / 100.0);
        }
        if (corners.empty())
            return std::nullopt;
    } else if (value.value(QLatin1String("x")).isDouble() && value.value(QLatin1String("y")).isDouble()
               && value.value(QLatin1String("width")).isDouble() && value.value(QLatin1String("height")).isDouble()) {
        const double x = value.value(QLatin1String("x")).toDouble() * W / 100.0;
        const double y = value.value(QLatin1String("y")).toDouble() * H / 100.0;
        const double w = value.value(QLatin1String("width")).toDouble() * W / 100.0;
        const double h = value.value(QLatin1String("height")).toDouble() * H / 100.0;
        const double rotation = value.value(QLatin1String("rotation")).toDouble();
        if (rotation == 0.0)
            return PixelBox{toPixel(x), toPixel(y), toPixel(x + w), toPixel(y + h)};
        const double a = rotation * std::numbers::pi / 180.0, c = std::cos(a), s = std::sin(a);
        for (const auto& [dx, dy] : {std::pair{0.0, 0.0}, {w, 0.0}, {w, h}, {0.0, h}})
            corners.emplace_back(x + dx * c - dy * s, y + dx * s + dy * c);
    } else {
        return std::nullopt;
    }
    double x0 = corners[0].first, y0 = corners[0].second, x1 = x0, y1 = y0;
    for (const auto& [px, py] : corners) {
        x0 = std::min(x0, px);
        y0 = std::min(y0, py);
        x1 = std::max(x1, px);
        y1 = std::max(y1, py);
    }
    return PixelBox{toPixel(std::floor(x0 + 1e-6)), toPixel(std::floor(y0 + 1e-6)), toPixel(std::ceil(x1 - 1e-6)),
                    toPixel(std::ceil(y1 - 1e-6))};
}

Result<ImportedPage> readTask(const QJsonObject& task, const AnnotationReadOptions& options)
{
    ImportedPage page;
    page.format = QStringLiteral("label-studio");
    page.imageName = taskImage(task.value(QLatin1String("data")).toObject());

    // A person's annotation wins over a model's prediction: the first annotation not cancelled that has
    // results, else the first prediction that has some.
    QJsonArray results;
    for (const QJsonValue& a : task.value(QLatin1String("annotations")).toArray()) {
        const QJsonObject o = a.toObject();
        if (!o.value(QLatin1String("was_cancelled")).toBool()
            && !o.value(QLatin1String("result")).toArray().isEmpty()) {
            results = o.value(QLatin1String("result")).toArray();
            break;
        }
    }
    if (results.isEmpty()) {
        for (const QJsonValue& p : task.value(QLatin1String("predictions")).toArray()) {
            const QJsonArray r = p.toObject().value(QLatin1String("result")).toArray();
            if (!r.isEmpty()) {
                results = r;
                page.predicted = true;
                break;
            }
        }
    }

    // Regions are the ids that have a position somewhere (rectangle, polygon, or a labels / textarea result
    // carrying one); a result without a position on an id that has none is about the whole image (a
    // transcription or choices of the task): not a region.
    auto hasPosition = [](const QJsonObject& value) {
        return value.contains(QLatin1String("x")) || value.contains(QLatin1String("points"));
    };
    QSet<QString> placed;
    for (const QJsonValue& rv : results) {
        const QJsonObject r = rv.toObject();
        if (const auto id = idText(r.value(QLatin1String("id")));
            id && hasPosition(r.value(QLatin1String("value")).toObject()))
            placed.insert(*id);
    }
    std::vector<Region> regions;
    QHash<QString, int> byId;
    struct Relation {
        QString from, to, type;
    };
    std::vector<Relation> relations;
    for (const QJsonValue& rv : results) {
        const QJsonObject r = rv.toObject();
        const QString type = r.value(QLatin1String("type")).toString();
        if (type == QLatin1String("relation")) {
            const auto from = idText(r.value(QLatin1String("from_id")));
            const auto to = idText(r.value(QLatin1String("to_id")));
            if (!from || !to)
                return invalid(QStringLiteral("a Label Studio relation lacks from_id or to_id"));
            Relation rel{*from, *to, {}};
            const QJsonArray labels = r.value(QLatin1String("labels")).toArray();
            if (!labels.isEmpty())
                rel.type = labels.first().toString();
            if (r.value(QLatin1String("direction")).toString() == QLatin1String("left"))
                std::swap(rel.from, rel.to);
            relations.push_back(rel);
            continue;
        }
        const auto id = idText(r.value(QLatin1String("id")));
        const QJsonObject value = r.value(QLatin1String("value")).toObject();
        if (!id || !placed.contains(*id))
            continue; // a result about the whole image (choices, ratings, a transcription): not a region
        auto it = byId.constFind(*id);
        if (it == byId.constEnd()) {
            it = byId.insert(*id, int(regions.size()));
            regions.push_back(Region{*id, {}, {}, {}, {}, 0, 0, std::nullopt});
        }
        Region& region = regions[*it];
        const int originalW = r.value(QLatin1String("original_width")).toInt();
        const int originalH = r.value(QLatin1String("original_height")).toInt();
        if (originalW > 0 && page.width == 0) {
            page.width = originalW;
            page.height = originalH;
        }
        if (!region.box && hasPosition(value)) {
            const double W = options.imageSize.isValid() ? options.imageSize.width() : originalW;
            const double H = options.imageSize.isValid() ? options.imageSize.height() : originalH;
            if (W <= 0 || H <= 0)
                return invalid(QStringLiteral("Label Studio region %1 has no original_width / original_height and "
                                              "the image's size is unknown")
                                   .arg(*id));
            region.box = resultBox(value, W, H);
            if (!region.box)
                return invalid(QStringLiteral("Label Studio region %1 has a malformed position").arg(*id));
        }
        if (value.value(QLatin1String("text")).isArray() && !region.text) {
            QStringList lines;
            for (const QJsonValue& t : value.value(QLatin1String("text")).toArray())
                lines << t.toString();
            region.text = lines.join(QLatin1Char(' '));
        } else if (value.value(QLatin1String("text")).isString() && !region.text) {
            region.text = value.value(QLatin1String("text")).toString();
        }
        for (auto v = value.begin(); v != value.end(); ++v)
            if (v.key().endsWith(QLatin1String("labels")) && v.value().isArray())
                for (const QJsonValue& l : v.value().toArray())
                    if (!region.labels.contains(l.toString()))
                        region.labels << l.toString();
        if (r.value(QLatin1String("score")).isDouble() && !region.score)
            region.score = r.value(QLatin1String("score")).toDouble() * 100.0;
        const QJsonObject meta = r.value(QLatin1String("meta")).toObject();
        if (!region.members && meta.value(QLatin1String("entity")).toBool()
            && meta.value(QLatin1String("words")).isArray()) {
            QStringList members;
            for (const QJsonValue& m : meta.value(QLatin1String("words")).toArray())
                if (const auto mid = idText(m))
                    members << *mid;
            region.members = members;
        }
    }

    std::vector<bool> isEntity(regions.size(), false);
    for (const Relation& rel : relations) {
        for (const QString& end : {rel.from, rel.to}) {
            const auto it = byId.constFind(end);
            if (it == byId.constEnd())
                return invalid(QStringLiteral("a Label Studio relation from %1 to %2 names %3, which is not a region "
                                              "of the task")
                                   .arg(rel.from, rel.to, end));
            isEntity[*it] = true;
        }
        page.links.push_back({rel.from, rel.to, rel.type});
    }
    // Words: every region but the entity regions (Incidoc's export); in a file that has entity regions, the
    // other regions' labels are their words' own labels, else a labelled region is an entity of one word.
    const bool entityRegions =
        std::any_of(regions.begin(), regions.end(), [](const Region& r) { return r.members.has_value(); });
    QHash<QString, int> wordOf;
    for (const Region& r : regions) {
        if (!r.box)
            return invalid(QStringLiteral("Label Studio region %1 has no rectangle or polygon").arg(r.id));
        if (r.members)
            continue;
        ImportedWord w;
        w.id = r.id;
        w.text = r.text.value_or(QString());
        w.box = *r.box;
        w.confidence = r.score;
        w.block = int(page.words.size());
        w.line = w.block;
        if (entityRegions)
            w.label = r.labels.value(0);
        wordOf.insert(r.id, int(page.words.size()));
        page.words.push_back(std::move(w));
    }
    for (int i = 0; i < int(regions.size()); ++i) {
        const Region& r = regions[i];
        if (r.members) {
            ImportedEntity e{r.id, r.labels.value(0), {}, std::nullopt};
            QStringList texts;
            for (const QString& m : *r.members) {
                const auto it = wordOf.constFind(m);
                if (it == wordOf.constEnd())
                    return invalid(QStringLiteral("Label Studio entity region %1 names %2, which is not a word "
                                                  "region of the task")
                                       .arg(r.id, m));
                e.words.push_back(*it);
                texts << page.words[size_t(*it)].text;
            }
            if (r.text && *r.text != texts.join(QLatin1Char(' ')))
                e.text = r.text;
            page.entities.push_back(std::move(e));
        } else if (isEntity[i] || (!entityRegions && !r.labels.isEmpty())) {
            page.entities.push_back({r.id, r.labels.value(0), {wordOf.value(r.id)}, std::nullopt});
        }
    }
    return page;
}

} // namespace

Result<std::vector<ImportedPage>> readJson(const QByteArray& content, const AnnotationReadOptions& options)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("broken JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (doc.isObject() && root.value(QLatin1String("form")).isArray())
        return readFunsd(root);
    QJsonArray tasks;
    if (doc.isObject() && isLabelStudioTask(root)) {
        tasks.append(root);
    } else if (doc.isArray() && !doc.array().isEmpty()) {
        for (const QJsonValue& t : doc.array())
            if (!isLabelStudioTask(t))
                return invalid(QStringLiteral("a JSON list that is not a list of Label Studio tasks (each needs "
                                              "`data` and `annotations` or `predictions`)"));
        tasks = doc.array();
    } else {
        return invalid(QStringLiteral("a JSON file that is neither FUNSD (an object with `form`) nor Label Studio "
                                      "(a task with `data` and `annotations` or `predictions`, or a list of them)"));
    }
    std::vector<ImportedPage> pages;
    for (const QJsonValue& t : tasks) {
        auto page = readTask(t.toObject(), options);
        if (!page)
            return page.error();
        pages.push_back(std::move(*page));
    }
    return pages;
}

} // namespace incidoc::annotation_read
