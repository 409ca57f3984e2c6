#include "core/export/format_support_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace incidoc::bundle {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject readingsJson(const WordRecord& w)
{
    QJsonArray alternatives;
    for (const WordReading& r : w.alternatives)
        alternatives.append(QJsonObject{{QStringLiteral("engine"), r.engine},
                                        {QStringLiteral("text"), r.text},
                                        {QStringLiteral("confidence"), std::round(r.confidence * 10.0) / 10.0}});
    return QJsonObject{
        {QStringLiteral("engine"), w.engine.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(w.engine)},
        {QStringLiteral("flagged"), w.flagged},
        {QStringLiteral("alternatives"), alternatives}};
}

QByteArray xmlEscaped(const QString& s)
{
    QString out;
    out.reserve(s.size() + 8);
    for (const QChar c : s) {
        const ushort u = c.unicode();
        if (u < 0x20 && u != 0x09 && u != 0x0a && u != 0x0d)
            continue;
        if (u == 0xfffe || u == 0xffff)
            continue;
        switch (u) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&apos;"); break;
        default: out += c;
        }
    }
    return out.toUtf8();
}

QByteArray num(long long v)
{
    return QByteArray::number(v);
}

QByteArray dec(double v, int decimals)
{
    QByteArray b = QByteArray::number(v, 'f', decimals);
    if (b.contains('.')) {
        while (b.endsWith('0'))
            b.chop(1);
        if (b.endsWith('.'))
            b.chop(1);
    }
    if (b == "-0")
        b = "0";
    return b;
}

std::vector<LineRun> lineRuns(const std::vector<WordRecord>& words)
{
    std::vector<LineRun> runs;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool sameLine = i > 0 && words[i].block == words[i - 1].block && words[i].line == words[i - 1].line;
        if (sameLine) {
            runs.back().end = i + 1;
        } else {
            runs.push_back({i, i + 1, i == 0 || words[i].block != words[i - 1].block});
        }
    }
    return runs;
}

const BundlePage& withoutProposals(const BundlePage& page, BundlePage& copy)
{
    const bool any = std::any_of(page.entities.begin(), page.entities.end(), [](const auto& e) { return e.proposed; })
                     || std::any_of(page.links.begin(), page.links.end(), [](const auto& l) { return l.proposed; });
    if (!any)
        return page;
    copy = page;
    QSet<EntityId> dropped;
    for (const EntityRecord& e : page.entities)
        if (e.proposed)
            dropped.insert(e.id);
    std::erase_if(copy.entities, [](const EntityRecord& e) { return e.proposed; });
    std::erase_if(copy.links, [&](const LinkRecord& l) {
        return l.proposed || dropped.contains(l.from) || dropped.contains(l.to);
    });
    return copy;
}

PixelBox unionOf(const std::vector<WordRecord>& words, std::size_t begin, std::size_t end)
{
    PixelBox b;
    for (std::size_t i = begin; i < end; ++i)
        b = b.united(words[i].box);
    return b;
}

} // namespace incidoc::bundle
