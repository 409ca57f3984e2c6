#include "core/export/format_funsd.h"

#include "core/export/format_support_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace incidoc {

namespace {

QJsonArray boxJson(const PixelBox& b)
{
    return QJsonArray{b.x0, b.y0, b.x1, b.y1};
}

/// The entities' FUNSD ids: their imported ids when all are integers and unique, else nullopt.
std::optional<std::vector<long long>> importedIds(const std::vector<EntityRecord>& entities)
{
    std::vector<long long> ids;
    QSet<long long> seen;
    for (const EntityRecord& e : entities) {
        bool ok = false;
        const long long id = e.externalId.trimmed().toLongLong(&ok);
        if (!ok || id < 0 || seen.contains(id))
            return std::nullopt;
        seen.insert(id);
        ids.push_back(id);
    }
    return ids;
}

} // namespace

QString funsdLabel(const EntityRecord& e)
{
    if (!e.label.isEmpty())
        return e.label;
    return e.field.isEmpty() ? QStringLiteral("other") : QStringLiteral("answer");
}

QByteArray pageToFunsd(const BundlePage& p)
{
    QHash<WordId, const WordRecord*> wordsById;
    for (const WordRecord& w : p.words)
        wordsById.insert(w.id, &w);

    // Ids: the imported ones (a FUNSD page comes back with its own ids), else the page's order.
    const std::size_t n = p.entities.size();
    std::vector<long long> ids(n);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = static_cast<long long>(i);
        order[i] = i;
    }
    long long nextId = static_cast<long long>(n);
    if (auto imported = importedIds(p.entities)) {
        ids = *imported;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
        nextId = n ? *std::max_element(ids.begin(), ids.end()) + 1 : 0;
    }
    QHash<EntityId, long long> funsdId;
    for (std::size_t i = 0; i < n; ++i)
        funsdId.insert(p.entities[i].id, ids[i]);

    // Each entity's links in the page's order of links, both ends; links to entities not on the page are
    // left out.
    QHash<EntityId, QJsonArray> linking;
    for (const LinkRecord& l : p.links) {
        if (!funsdId.contains(l.from) || !funsdId.contains(l.to))
            continue;
        const QJsonArray pair{funsdId.value(l.from), funsdId.value(l.to)};
        linking[l.from].append(pair);
        if (l.to != l.from)
            linking[l.to].append(pair);
    }

    QJsonArray form;
    QSet<WordId> inEntity;
    for (std::size_t i : order) {
        const EntityRecord& e = p.entities[i];
        QJsonArray words;
        for (WordId id : e.words) {
            inEntity.insert(id);
            if (const WordRecord* w = wordsById.value(id))
                words.append(QJsonObject{{QStringLiteral("text"), w->text}, {QStringLiteral("box"), boxJson(w->box)}});
        }
        form.append(QJsonObject{{QStringLiteral("id"), ids[i]},
                                {QStringLiteral("text"), e.text},
                                {QStringLiteral("box"), boxJson(e.box)},
                                {QStringLiteral("label"), funsdLabel(e)},
                                {QStringLiteral("words"), words},
                                {QStringLiteral("linking"), linking.value(e.id)}});
    }
    for (const WordRecord& w : p.words) {
        if (inEntity.contains(w.id))
            continue;
        form.append(QJsonObject{
            {QStringLiteral("id"), nextId++},
            {QStringLiteral("text"), w.text},
            {QStringLiteral("box"), boxJson(w.box)},
            {QStringLiteral("label"), QStringLiteral("other")},
            {QStringLiteral("words"),
             QJsonArray{QJsonObject{{QStringLiteral("text"), w.text}, {QStringLiteral("box"), boxJson(w.box)}}}},
            {QStringLiteral("linking"), QJsonArray()}});
    }
    return bundle::compact(QJsonObject{{QStringLiteral("form"), form}});
}

} // namespace incidoc
