#pragma once
// FUNSD annotations as Incidoc sees a form: the page's words (WordRecord, ids 1..n in the file's order),
// its entities (EntityRecord with FUNSD's ids, labels, words, text and box) and its links (each linked pair
// once, in the direction FUNSD gives, question -> answer). For the proposal tests and bench_forms; header
// only so the benchmark can use it without the test support library. Reentrant.

#include "core/forms/propose.h"
#include "core/model/forms.h"
#include "core/model/records.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>
#include <vector>

namespace incidoc::test {

struct FunsdForm {
    QString name;      ///< file stem
    QString imagePath; ///< images/<name>.png
    std::vector<WordRecord> words;
    PageForm form;
    std::vector<int> wordEntity; ///< for each word, the index of its entity in form.entities
};

inline PixelBox funsdBox(const QJsonValue& v)
{
    const QJsonArray b = v.toArray();
    return b.size() == 4 ? PixelBox{b[0].toInt(), b[1].toInt(), b[2].toInt(), b[3].toInt()} : PixelBox{};
}

/// One annotations/<name>.json; an empty form (no words) when it cannot be read.
inline FunsdForm readFunsdForm(const QString& dataDir, const QString& name)
{
    FunsdForm out;
    out.name = name;
    out.imagePath = QDir(dataDir).filePath(QStringLiteral("images/%1.png").arg(name));
    QFile f(QDir(dataDir).filePath(QStringLiteral("annotations/%1.json").arg(name)));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QJsonArray form = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("form")).toArray();
    std::set<std::pair<EntityId, EntityId>> seen;
    std::vector<std::pair<EntityId, EntityId>> links;
    std::set<EntityId> ids;
    for (const QJsonValue& ev : form) {
        const QJsonObject e = ev.toObject();
        EntityRecord entity;
        entity.id = e.value(QStringLiteral("id")).toInteger();
        entity.pageId = 1;
        entity.label = e.value(QStringLiteral("label")).toString();
        entity.source = QStringLiteral("import:funsd");
        QStringList texts;
        for (const QJsonValue& wv : e.value(QStringLiteral("words")).toArray()) {
            const QJsonObject w = wv.toObject();
            WordRecord word;
            word.text = w.value(QStringLiteral("text")).toString().trimmed();
            word.box = funsdBox(w.value(QStringLiteral("box")));
            if (word.text.isEmpty() || word.box.isEmpty())
                continue;
            word.id = static_cast<WordId>(out.words.size()) + 1;
            word.pageId = 1;
            word.order = static_cast<int>(out.words.size());
            entity.words.push_back(word.id);
            entity.box = entity.box.united(word.box);
            texts << word.text;
            out.words.push_back(word);
            out.wordEntity.push_back(static_cast<int>(out.form.entities.size()));
        }
        if (entity.words.empty())
            continue; // FUNSD has a few entities with no words left; they carry no links worth scoring
        entity.text = texts.join(QLatin1Char(' '));
        ids.insert(entity.id);
        for (const QJsonValue& lv : e.value(QStringLiteral("linking")).toArray()) {
            const QJsonArray l = lv.toArray();
            if (l.size() != 2)
                continue;
            const EntityId a = l[0].toInteger(), b = l[1].toInteger();
            if (a != b && seen.insert(std::minmax(a, b)).second)
                links.emplace_back(a, b);
        }
        out.form.entities.push_back(std::move(entity));
    }
    for (const auto& [a, b] : links)
        if (ids.count(a) && ids.count(b)) {
            LinkRecord link;
            link.pageId = 1;
            link.from = a;
            link.to = b;
            link.source = QStringLiteral("import:funsd");
            out.form.links.push_back(link);
        }
    return out;
}

/// The names (stems) of annotations/*.json under `dataDir`, sorted.
inline QStringList funsdFormNames(const QString& dataDir)
{
    QStringList names;
    const QDir dir(QDir(dataDir).filePath(QStringLiteral("annotations")));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << QFileInfo(file).completeBaseName();
    return names;
}

/// Counts of a pair scoring (links, or pairs of words in one entity); add them up, then read P / R / F1.
struct PairScore {
    long long predicted = 0, truth = 0, matched = 0;

    double precision() const { return predicted ? double(matched) / double(predicted) : 0.0; }
    double recall() const { return truth ? double(matched) / double(truth) : 0.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    PairScore& operator+=(const PairScore& o)
    {
        predicted += o.predicted;
        truth += o.truth;
        matched += o.matched;
        return *this;
    }
};

/// Proposed links (indices into form.entities) against the form's links, each pair undirected. With
/// `keyValueOnly` only FUNSD's question -> answer links are the truth (header -> question links are left
/// out); every proposal counts as predicted either way.
inline PairScore scoreLinks(const FunsdForm& f, const std::vector<ProposedLink>& proposed, bool keyValueOnly)
{
    std::map<EntityId, int> index;
    for (int i = 0; i < static_cast<int>(f.form.entities.size()); ++i)
        index[f.form.entities[static_cast<size_t>(i)].id] = i;
    std::set<std::pair<int, int>> truth;
    for (const LinkRecord& l : f.form.links) {
        const int a = index.at(l.from), b = index.at(l.to);
        const QString la = f.form.entities[static_cast<size_t>(a)].label;
        const QString lb = f.form.entities[static_cast<size_t>(b)].label;
        const bool keyValue = (la == QLatin1String("question") && lb == QLatin1String("answer"))
                              || (la == QLatin1String("answer") && lb == QLatin1String("question"));
        if (!keyValueOnly || keyValue)
            truth.insert(std::minmax(a, b));
    }
    PairScore s;
    s.truth = static_cast<long long>(truth.size());
    std::set<std::pair<int, int>> seen;
    for (const ProposedLink& l : proposed) {
        const auto pair = std::minmax(l.from, l.to);
        if (!seen.insert(pair).second)
            continue;
        ++s.predicted;
        s.matched += truth.count(pair) ? 1 : 0;
    }
    return s;
}

/// Pairwise same-entity score of a grouping: for every pair of items that both have a truth group (>= 0),
/// positive when they share it; predicted positive when they share a predicted group (>= 0).
inline PairScore scoreGrouping(const std::vector<int>& predicted, const std::vector<int>& truth)
{
    PairScore s;
    for (size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0)
            continue;
        for (size_t j = i + 1; j < truth.size(); ++j) {
            if (truth[j] < 0)
                continue;
            const bool t = truth[i] == truth[j];
            const bool p = predicted[i] >= 0 && predicted[i] == predicted[j];
            s.truth += t;
            s.predicted += p;
            s.matched += t && p;
        }
    }
    return s;
}

/// proposeEntities() on `words` as a group per word (-1 for words in no entity).
inline std::vector<int> proposedGroups(const std::vector<WordRecord>& words, const QImage& page = {})
{
    std::vector<int> group(words.size(), -1);
    const std::vector<ProposedEntity> entities = proposeEntities(words, page);
    for (size_t e = 0; e < entities.size(); ++e)
        for (int w : entities[e].words)
            group[static_cast<size_t>(w)] = static_cast<int>(e);
    return group;
}

} // namespace incidoc::test
