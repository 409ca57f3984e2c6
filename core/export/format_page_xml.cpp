#include "core/export/format_page_xml.h"

#include "core/export/format_funsd.h"
#include "core/export/format_support_p.h"
#include "core/util/version.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace incidoc {

using namespace bundle;

namespace {

/// The box's corners clockwise from the top left; the schema takes no negative coordinates.
QByteArray points(const PixelBox& b)
{
    const QByteArray x0 = num(std::max(0, b.x0)), y0 = num(std::max(0, b.y0));
    const QByteArray x1 = num(std::max(0, b.x1)), y1 = num(std::max(0, b.y1));
    return x0 + ',' + y0 + ' ' + x1 + ',' + y0 + ' ' + x1 + ',' + y1 + ' ' + x0 + ',' + y1;
}

/// A value inside PAGE's custom attribute syntax ("tag {key:value;}"): no braces, colons, semicolons or
/// spaces.
QString customValue(const QString& s)
{
    QString out;
    for (const QChar c : s)
        out += (c.isSpace() || c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char(':')
                || c == QLatin1Char(';'))
                   ? QLatin1Char('_')
                   : c;
    return out;
}

/// One TextRegion to write: its words (indices into the page's words, in the region's order).
struct Region {
    QByteArray id;
    std::vector<std::size_t> words;
    const EntityRecord* entity = nullptr;
    std::size_t first = 0; ///< the smallest reading-order index of its words (sorts the regions)
};

std::vector<Region> regionsOf(const BundlePage& p, QHash<EntityId, QByteArray>& entityRegion)
{
    std::vector<Region> regions;
    QHash<WordId, std::size_t> index;
    for (std::size_t i = 0; i < p.words.size(); ++i)
        index.insert(p.words[i].id, i);
    QSet<std::size_t> used;
    for (const EntityRecord& e : p.entities) {
        Region r;
        r.id = "e" + num(e.id);
        r.entity = &e;
        for (WordId id : e.words) {
            const auto it = index.constFind(id);
            if (it == index.constEnd() || used.contains(*it))
                continue; // a word belongs to one region only (its ids must be unique)
            used.insert(*it);
            r.words.push_back(*it);
        }
        if (r.words.empty())
            continue;
        r.first = *std::min_element(r.words.begin(), r.words.end());
        entityRegion.insert(e.id, r.id);
        regions.push_back(std::move(r));
    }
    // The words in no entity (all of them without entities): one region per block, in reading order.
    std::map<int, std::size_t> byBlock; // block -> index into regions
    int blockNo = 0;
    for (std::size_t i = 0; i < p.words.size(); ++i) {
        if (used.contains(i))
            continue;
        const int block = p.words[i].block;
        auto it = byBlock.find(block);
        // Without entities, a change of block in reading order starts a region (as hOCR and ALTO do).
        const bool restart = p.entities.empty() && it != byBlock.end() && regions[it->second].words.back() + 1 != i;
        if (it == byBlock.end() || restart) {
            Region r;
            r.id = "r" + num(++blockNo);
            r.first = i;
            regions.push_back(std::move(r));
            it = byBlock.insert_or_assign(block, regions.size() - 1).first;
        }
        regions[it->second].words.push_back(i);
    }
    std::stable_sort(regions.begin(), regions.end(),
                     [](const Region& a, const Region& b) { return a.first < b.first; });
    return regions;
}

QByteArray textEquiv(const QString& text, const std::optional<double>& confidence = std::nullopt)
{
    QByteArray t = "<TextEquiv";
    if (confidence)
        t += " conf=\"" + dec(std::clamp(*confidence, 0.0, 100.0) / 100.0, 3) + '"';
    return t + "><Unicode>" + xmlEscaped(text) + "</Unicode></TextEquiv>\n";
}

void writeRegion(QByteArray& a, const BundlePage& p, const Region& r, int readingIndex)
{
    const auto& words = p.words;
    PixelBox box;
    for (std::size_t i : r.words)
        box = box.united(words[i].box);
    a += "<TextRegion id=\"" + r.id + '"';
    QString custom = QStringLiteral("readingOrder {index:%1;}").arg(readingIndex);
    if (r.entity) {
        const QString label = funsdLabel(*r.entity);
        custom += QStringLiteral(" structure {type:%1;}").arg(customValue(label));
        if (!r.entity->field.isEmpty())
            custom += QStringLiteral(" field {name:%1;}").arg(customValue(r.entity->field));
        if (label == QLatin1String("header"))
            a += " type=\"heading\"";
    }
    a += " custom=\"" + xmlEscaped(custom) + "\">\n<Coords points=\"" + points(box) + "\"/>\n";
    // Lines: the region's words sharing (block, line), in the order their first words come.
    std::vector<std::pair<std::pair<int, int>, std::vector<std::size_t>>> lines;
    for (std::size_t i : r.words) {
        const std::pair<int, int> key{words[i].block, words[i].line};
        auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == key; });
        if (it == lines.end())
            lines.push_back({key, {i}});
        else
            it->second.push_back(i);
    }
    QStringList lineTexts;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const QByteArray lineId = r.id + "_l" + num(static_cast<long long>(l) + 1);
        PixelBox lineBox;
        QStringList texts;
        for (std::size_t i : lines[l].second) {
            lineBox = lineBox.united(words[i].box);
            texts << words[i].text;
        }
        a += "<TextLine id=\"" + lineId + "\">\n<Coords points=\"" + points(lineBox) + "\"/>\n";
        int wordNo = 0;
        for (std::size_t i : lines[l].second) {
            const WordRecord& w = words[i];
            a += "<Word id=\"" + lineId + "_w" + num(++wordNo) + "\">\n<Coords points=\"" + points(w.box) + "\"/>\n"
                 + textEquiv(w.text, w.confidence) + "</Word>\n";
        }
        lineTexts << texts.join(QLatin1Char(' '));
        a += textEquiv(lineTexts.back()) + "</TextLine>\n";
    }
    a += textEquiv(r.entity ? r.entity->text : lineTexts.join(QLatin1Char('\n'))) + "</TextRegion>\n";
}

} // namespace

QByteArray pageToPageXml(const BundlePage& p, const QString& created)
{
    const QString imported =
        p.document.importedAt.isValid() ? p.document.importedAt.toUTC().toString(Qt::ISODate) : created;
    QByteArray a;
    a.reserve(2048 + static_cast<qsizetype>(p.words.size()) * 260);
    a += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15 "
         "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/pagecontent.xsd\">\n"
         "<Metadata>\n<Creator>Incidoc " INCIDOC_VERSION "</Creator>\n<Created>"
         + xmlEscaped(imported) + "</Created>\n<LastChange>" + xmlEscaped(created) + "</LastChange>\n<Comments>"
         + xmlEscaped(p.document.name) + ", page " + num(p.page.number) + "</Comments>\n</Metadata>\n";
    a += "<Page imageFilename=\"" + xmlEscaped(p.imagePath) + "\" imageWidth=\"" + num(p.page.widthPx)
         + "\" imageHeight=\"" + num(p.page.heightPx) + '"';
    if (p.page.dpi > 0)
        a += " imageXResolution=\"" + num(p.page.dpi) + "\" imageYResolution=\"" + num(p.page.dpi)
             + "\" imageResolutionUnit=\"PPI\"";
    a += ">\n";
    QHash<EntityId, QByteArray> entityRegion;
    const std::vector<Region> regions = regionsOf(p, entityRegion);
    if (!regions.empty()) {
        a += "<ReadingOrder>\n<OrderedGroup id=\"ro_1\" caption=\"reading order\">\n";
        for (std::size_t i = 0; i < regions.size(); ++i)
            a += "<RegionRefIndexed index=\"" + num(static_cast<long long>(i)) + "\" regionRef=\"" + regions[i].id
                 + "\"/>\n";
        a += "</OrderedGroup>\n</ReadingOrder>\n";
    }
    QByteArray relations;
    int relationNo = 0;
    for (const LinkRecord& l : p.links) {
        const QByteArray from = entityRegion.value(l.from), to = entityRegion.value(l.to);
        if (from.isEmpty() || to.isEmpty())
            continue; // an entity without words on the page has no region
        relations += "<Relation id=\"rel_" + num(++relationNo) + "\" type=\"link\" custom=\"" + xmlEscaped(l.type)
                     + "\">\n<SourceRegionRef regionRef=\"" + from + "\"/>\n<TargetRegionRef regionRef=\"" + to
                     + "\"/>\n</Relation>\n";
    }
    if (!relations.isEmpty())
        a += "<Relations>\n" + relations + "</Relations>\n";
    for (std::size_t i = 0; i < regions.size(); ++i)
        writeRegion(a, p, regions[i], static_cast<int>(i));
    a += "</Page>\n</PcGts>\n";
    return a;
}

} // namespace incidoc
