// hOCR, ALTO and PAGE XML readers. Each streams the document once with QXmlStreamReader (no DTD or
// network access: an hOCR DOCTYPE is read, never fetched) and keeps the file's ids, texts and boxes.

#include "core/forms/annotation_read_p.h"

#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace incidoc::annotation_read {

namespace {

Error brokenXml(const QXmlStreamReader& xml)
{
    return invalid(QStringLiteral("broken XML at line %1, column %2: %3")
                       .arg(xml.lineNumber())
                       .arg(xml.columnNumber())
                       .arg(xml.errorString()));
}

QString wordName(const QString& id, const QString& text)
{
    return id.isEmpty() ? QStringLiteral("word \"%1\"").arg(text) : QStringLiteral("word %1 (\"%2\")").arg(id, text);
}

// ---------------------------------------------------------------------------------------------- hOCR

// A title's properties ("image "a b.png"; bbox 0 0 10 10; x_wconf 91"), split on ';' outside quotes.
QHash<QString, QString> titleProperties(const QString& title)
{
    QHash<QString, QString> props;
    QString current;
    bool quoted = false;
    auto flush = [&] {
        const QString p = current.trimmed();
        current.clear();
        if (p.isEmpty())
            return;
        const qsizetype space = p.indexOf(QLatin1Char(' '));
        const QString name = space < 0 ? p : p.left(space);
        if (!props.contains(name))
            props.insert(name, space < 0 ? QString() : p.mid(space + 1).trimmed());
    };
    for (const QChar c : title) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == QLatin1Char(';') && !quoted)
            flush();
        else
            current += c;
    }
    flush();
    return props;
}

std::optional<PixelBox> parseBbox(const QString& value)
{
    const QStringList parts = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() != 4)
        return std::nullopt;
    int v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        const double d = parts[i].toDouble(&ok); // integers as the spec says; a writer's decimals are rounded
        if (!ok || !std::isfinite(d))
            return std::nullopt;
        v[i] = toPixel(d);
    }
    return PixelBox{v[0], v[1], v[2], v[3]};
}

bool hasClass(const QXmlStreamAttributes& attrs, const char* cls)
{
    const QStringList classes =
        attrs.value(QLatin1String("class")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return classes.contains(QLatin1String(cls));
}

Result<std::vector<ImportedPage>> readHocr(QXmlStreamReader& xml)
{
    ImportedPage page;
    page.format = QStringLiteral("hocr");
    struct Context {
        int carea = -1, par = -1, line = -1;
        bool rejected = false; // inside a <del>: a reading the OCR did not choose (hOCR alternatives)
    };
    std::vector<Context> stack{Context{}};
    int careas = 0, pars = 0, lines = 0, pages = 0;
    std::map<std::pair<int, int>, int> blocks; // (carea, par) -> block number, in order of appearance
    int wordDepth = -1;                        // stack depth of the ocrx_word being read, -1 outside one
    ImportedWord word;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QXmlStreamAttributes attrs = xml.attributes();
            Context ctx = stack.back();
            if (wordDepth >= 0 && xml.name() == QLatin1String("del"))
                ctx.rejected = true;
            if (wordDepth < 0 && attrs.hasAttribute(QLatin1String("class"))) {
                const QHash<QString, QString> props = titleProperties(attrs.value(QLatin1String("title")).toString());
                if (hasClass(attrs, "ocr_page")) {
                    if (++pages > 1)
                        return invalid(QStringLiteral("the hOCR file holds more than one page (ocr_page); Incidoc "
                                                      "reads one page per image"));
                    if (const auto box = parseBbox(props.value(QStringLiteral("bbox")))) {
                        page.width = box->width();
                        page.height = box->height();
                    }
                    QString image = props.value(QStringLiteral("image"));
                    if (image.size() >= 2 && image.startsWith(QLatin1Char('"')) && image.endsWith(QLatin1Char('"')))
                        image = image.mid(1, image.size() - 2);
                    page.imageName = fileNameOf(image);
                } else if (hasClass(attrs, "ocr_carea")) {
                    ctx.carea = careas++;
                    ctx.par = -1;
                } else if (hasClass(attrs, "ocr_par")) {
                    ctx.par = pars++;
                } else if (hasClass(attrs, "ocr_line") || hasClass(attrs, "ocr_header")
                           || hasClass(attrs, "ocr_caption") || hasClass(attrs, "ocr_textfloat")
                           || hasClass(attrs, "ocrx_line")) {
                    ctx.line = lines++;
                } else if (hasClass(attrs, "ocrx_word")) {
                    word = ImportedWord{};
                    word.id = attrs.value(QLatin1String("id")).toString();
                    const auto box = parseBbox(props.value(QStringLiteral("bbox")));
                    if (!box)
                        return invalid(QStringLiteral("hOCR %1 has no bbox in its title")
                                           .arg(word.id.isEmpty() ? QStringLiteral("word") : word.id));
                    word.box = *box;
                    if (props.contains(QStringLiteral("x_wconf"))) {
                        bool ok = false;
                        const double conf = props.value(QStringLiteral("x_wconf")).toDouble(&ok);
                        if (!ok || !(conf >= 0 && conf <= 100))
                            return invalid(QStringLiteral("hOCR %1 has an x_wconf that is not between 0 and 100")
                                               .arg(word.id.isEmpty() ? QStringLiteral("word") : word.id));
                        word.confidence = conf;
                    }
                    if (ctx.line < 0) // a word outside any line is a line of its own
                        ctx.line = lines++;
                    const auto key = std::make_pair(ctx.carea, ctx.par);
                    auto it = blocks.find(key);
                    if (it == blocks.end())
                        it = blocks.emplace(key, int(blocks.size())).first;
                    word.block = it->second;
                    word.line = ctx.line;
                    wordDepth = int(stack.size());
                }
            }
            stack.push_back(ctx);
        } else if (token == QXmlStreamReader::EndElement) {
            stack.pop_back();
            if (wordDepth >= 0 && int(stack.size()) == wordDepth) {
                word.text = word.text.trimmed();
                page.words.push_back(std::move(word));
                wordDepth = -1;
            }
        } else if (token == QXmlStreamReader::Characters && wordDepth >= 0 && !stack.back().rejected) {
            word.text += xml.text();
        }
    }
    if (xml.hasError())
        return brokenXml(xml);
    if (pages == 0 && page.words.empty())
        return invalid(QStringLiteral("an HTML file without hOCR (no ocr_page, no ocrx_word)"));
    return std::vector<ImportedPage>{std::move(page)};
}

// ---------------------------------------------------------------------------------------------- ALTO

Result<std::vector<ImportedPage>> readAlto(QXmlStreamReader& xml, const QString& version,
                                           const AnnotationReadOptions& options)
{
    ImportedPage page;
    page.format = QStringLiteral("alto");
    page.formatVersion = version;
    struct RawWord {
        double h, v, w, ht;
    };
    std::vector<RawWord> raw;
    QString unit = QStringLiteral("pixel");
    double pageW = 0, pageH = 0;
    int pages = 0, blocks = 0, lines = 0;
    int block = -1, line = -1;
    auto number = [](const QXmlStreamAttributes& a, const char* name, bool* ok) {
        const double v = a.value(QLatin1String(name)).toString().toDouble(ok);
        *ok = *ok && std::isfinite(v);
        return v;
    };
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        const QXmlStreamAttributes attrs = xml.attributes();
        if (name == QLatin1String("MeasurementUnit")) {
            unit = xml.readElementText().trimmed();
        } else if (name == QLatin1String("fileName")) {
            page.imageName = fileNameOf(xml.readElementText().trimmed());
        } else if (name == QLatin1String("Page")) {
            if (++pages > 1)
                return invalid(
                    QStringLiteral("the ALTO file holds more than one Page; Incidoc reads one page per image"));
            bool ok = false;
            pageW = number(attrs, "WIDTH", &ok);
            pageH = number(attrs, "HEIGHT", &ok);
        } else if (name == QLatin1String("TextBlock")) {
            block = blocks++;
        } else if (name == QLatin1String("TextLine")) {
            line = lines++;
        } else if (name == QLatin1String("String")) {
            ImportedWord w;
            w.id = attrs.value(QLatin1String("ID")).toString();
            w.text = attrs.value(QLatin1String("CONTENT")).toString();
            bool ok[4] = {false, false, false, false};
            const RawWord r{number(attrs, "HPOS", &ok[0]), number(attrs, "VPOS", &ok[1]),
                            number(attrs, "WIDTH", &ok[2]), number(attrs, "HEIGHT", &ok[3])};
            if (!(ok[0] && ok[1] && ok[2] && ok[3]))
                return invalid(
                    QStringLiteral("ALTO String %1 lacks HPOS, VPOS, WIDTH or HEIGHT").arg(wordName(w.id, w.text)));
            if (attrs.hasAttribute(QLatin1String("WC"))) {
                bool wcOk = false;
                const double wc = attrs.value(QLatin1String("WC")).toString().toDouble(&wcOk);
                if (!wcOk || !(wc >= 0 && wc <= 1))
                    return invalid(QStringLiteral("ALTO String %1 has a WC that is not between 0 and 1")
                                       .arg(wordName(w.id, w.text)));
                w.confidence = wc * 100.0;
            }
            if (block < 0)
                block = blocks++;
            if (line < 0)
                line = lines++;
            w.block = block;
            w.line = line;
            page.words.push_back(std::move(w));
            raw.push_back(r);
        }
    }
    if (xml.hasError())
        return brokenXml(xml);

    double factor = 1.0;
    if (unit == QLatin1String("mm10") || unit == QLatin1String("inch1200")) {
        const double perInch = unit == QLatin1String("mm10") ? 254.0 : 1200.0;
        if (options.dpi > 0)
            factor = options.dpi / perInch;
        else if (options.imageSize.isValid() && pageW > 0)
            factor = options.imageSize.width() / pageW;
        else
            return invalid(QStringLiteral("the ALTO file measures in %1 and the image's resolution is unknown: "
                                          "cannot convert its positions to pixels")
                               .arg(unit));
    } else if (unit != QLatin1String("pixel")) {
        return invalid(QStringLiteral("unknown ALTO MeasurementUnit \"%1\" (pixel, mm10 or inch1200)").arg(unit));
    }
    page.width = toPixel(pageW * factor);
    page.height = toPixel(pageH * factor);
    for (size_t i = 0; i < raw.size(); ++i) {
        const RawWord& r = raw[i];
        page.words[i].box = {toPixel(r.h * factor), toPixel(r.v * factor), toPixel((r.h + r.w) * factor),
                             toPixel((r.v + r.ht) * factor)};
    }
    return std::vector<ImportedPage>{std::move(page)};
}

// ---------------------------------------------------------------------------------------------- PAGE

std::optional<PixelBox> parsePoints(const QString& points)
{
    const QStringList pairs = points.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (pairs.isEmpty())
        return std::nullopt;
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = std::numeric_limits<double>::lowest(), y1 = x1;
    for (const QString& pair : pairs) {
        const qsizetype comma = pair.indexOf(QLatin1Char(','));
        if (comma < 0)
            return std::nullopt;
        bool okX = false, okY = false;
        const double x = pair.left(comma).toDouble(&okX), y = pair.mid(comma + 1).toDouble(&okY);
        if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y))
            return std::nullopt;
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
    }
    return PixelBox{toPixel(x0), toPixel(y0), toPixel(x1), toPixel(y1)};
}

// "readingOrder {index:0;} structure {type:question;}" -> "question".
QString customStructureType(const QString& custom)
{
    static const QRegularExpression re(QStringLiteral(R"(structure\s*\{[^}]*\btype\s*:\s*([^;}]+))"));
    const auto m = re.match(custom);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

// A Relation's custom attribute as a link type: "key_value" as it is (Incidoc's export), or the `type` of
// "relation {type:key_value;}"; "" when it has neither.
QString customLinkType(const QString& custom)
{
    const QString c = custom.trimmed();
    if (!c.contains(QLatin1Char('{')))
        return c.contains(QLatin1Char(' ')) ? QString() : c;
    static const QRegularExpression re(QStringLiteral(R"(\{[^}]*\btype\s*:\s*([^;}]+))"));
    const auto m = re.match(c);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

struct TextCandidate {
    int index = std::numeric_limits<int>::max();
    std::optional<double> conf;
    QString text;
};

// The reading with the lowest @index (the first when none has one).
const TextCandidate* bestText(const std::vector<TextCandidate>& texts)
{
    const TextCandidate* best = nullptr;
    for (const TextCandidate& t : texts)
        if (!best || t.index < best->index)
            best = &t;
    return best;
}

Result<std::vector<ImportedPage>> readPage(QXmlStreamReader& xml, const QString& version)
{
    ImportedPage page;
    page.format = QStringLiteral("page");
    page.formatVersion = version;

    struct Region {
        QString id, label;
        bool labelled = false; ///< a structure type (not only an @type)
        std::vector<int> words;
        std::vector<TextCandidate> texts;
        int block = 0;
    };
    struct Element { // what the element being read is, for Coords, TextEquiv and Labels to attach to
        enum Kind { Other, RegionEl, LineEl, WordEl, RelationEl, GlyphEl } kind = Other;
    };
    std::vector<Region> regions;
    std::vector<int> regionStack; // indexes into regions
    std::vector<Element::Kind> kinds;
    int lines = 0;
    struct Unit {
        QString id;
        std::optional<PixelBox> box;
        std::vector<TextCandidate> texts;
        int line = -1;
        bool hasWords = false;
    } lineUnit, wordUnit;
    struct Relation {
        QString type, label, custom;
        QStringList refs;
    } relation;
    TextCandidate* pendingText = nullptr; // the TextEquiv being read
    TextCandidate discard;
    bool pageSeen = false;

    auto pushWord = [&](const Unit& u, const char* what) -> std::optional<Error> {
        if (!u.box)
            return invalid(QStringLiteral("PAGE %1 %2 has no Coords").arg(QLatin1String(what), u.id));
        ImportedWord w;
        w.id = u.id;
        w.box = *u.box;
        if (const TextCandidate* t = bestText(u.texts)) {
            w.text = t->text;
            if (t->conf)
                w.confidence = *t->conf * 100.0;
        }
        w.block = regionStack.empty() ? 0 : regions[regionStack.back()].block;
        w.line = u.line;
        const int index = int(page.words.size());
        for (int r : regionStack)
            regions[r].words.push_back(index);
        page.words.push_back(std::move(w));
        return std::nullopt;
    };

    int blocks = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            const QXmlStreamAttributes attrs = xml.attributes();
            const Element::Kind parent = kinds.empty() ? Element::Other : kinds.back();
            Element::Kind kind = Element::Other;
            // A unit starting inside a TextEquiv (only a hostile file does that) replaces the texts the
            // pending reading points into: that reading is dropped.
            if (name == QLatin1String("Word") || name == QLatin1String("TextLine")
                || name == QLatin1String("TextRegion"))
                pendingText = nullptr;
            if (name == QLatin1String("Page")) {
                pageSeen = true;
                page.imageName = fileNameOf(attrs.value(QLatin1String("imageFilename")).toString());
                page.width = attrs.value(QLatin1String("imageWidth")).toInt();
                page.height = attrs.value(QLatin1String("imageHeight")).toInt();
            } else if (name == QLatin1String("TextRegion")) {
                kind = Element::RegionEl;
                Region r;
                r.id = attrs.value(QLatin1String("id")).toString();
                r.label = customStructureType(attrs.value(QLatin1String("custom")).toString());
                r.labelled = !r.label.isEmpty();
                if (r.label.isEmpty())
                    r.label = attrs.value(QLatin1String("type")).toString();
                r.block = blocks++;
                regions.push_back(std::move(r));
                regionStack.push_back(int(regions.size()) - 1);
            } else if (name == QLatin1String("TextLine")) {
                if (parent != Element::RegionEl)
                    return invalid(QStringLiteral("PAGE TextLine %1 is not inside a TextRegion")
                                       .arg(attrs.value(QLatin1String("id")).toString()));
                kind = Element::LineEl;
                lineUnit = Unit{};
                lineUnit.id = attrs.value(QLatin1String("id")).toString();
                lineUnit.line = lines++;
            } else if (name == QLatin1String("Word")) {
                kind = Element::WordEl;
                wordUnit = Unit{};
                wordUnit.id = attrs.value(QLatin1String("id")).toString();
                if (parent != Element::LineEl)
                    return invalid(QStringLiteral("PAGE Word %1 is not inside a TextLine").arg(wordUnit.id));
                wordUnit.line = lineUnit.line;
                lineUnit.hasWords = true;
            } else if (name == QLatin1String("Glyph")) {
                kind = Element::GlyphEl;
            } else if (name == QLatin1String("Relation")) {
                kind = Element::RelationEl;
                relation = Relation{};
                relation.type = attrs.value(QLatin1String("type")).toString();
                relation.custom = attrs.value(QLatin1String("custom")).toString();
            } else if (name == QLatin1String("Coords")) {
                const QString points = attrs.value(QLatin1String("points")).toString();
                Unit* u = parent == Element::WordEl ? &wordUnit : parent == Element::LineEl ? &lineUnit : nullptr;
                if (u) {
                    u->box = parsePoints(points);
                    if (!u->box)
                        return invalid(QStringLiteral("PAGE element %1 has Coords without valid points").arg(u->id));
                }
            } else if (name == QLatin1String("TextEquiv")) {
                std::vector<TextCandidate>* texts = parent == Element::WordEl   ? &wordUnit.texts
                                                    : parent == Element::LineEl ? &lineUnit.texts
                                                    : parent == Element::RegionEl && !regionStack.empty()
                                                        ? &regions[regionStack.back()].texts
                                                        : nullptr;
                pendingText = &discard;
                if (texts) {
                    TextCandidate t;
                    bool ok = false;
                    const int index = attrs.value(QLatin1String("index")).toInt(&ok);
                    if (ok)
                        t.index = index;
                    if (attrs.hasAttribute(QLatin1String("conf"))) {
                        const double conf = attrs.value(QLatin1String("conf")).toDouble(&ok);
                        if (!ok || !(conf >= 0 && conf <= 1))
                            return invalid(QStringLiteral("a PAGE TextEquiv has a conf that is not between 0 and 1"));
                        t.conf = conf;
                    }
                    texts->push_back(t);
                    pendingText = &texts->back();
                }
            } else if (name == QLatin1String("Unicode")) {
                const QString text = xml.readElementText();
                if (pendingText)
                    pendingText->text = text;
                continue; // readElementText consumed the end element
            } else if (name == QLatin1String("Label")) {
                if (parent == Element::RelationEl && relation.label.isEmpty())
                    relation.label = attrs.value(QLatin1String("value")).toString();
            } else if (name == QLatin1String("Labels")) {
                kind = parent; // a Label inside Labels belongs to the Labels' parent
            } else if (name == QLatin1String("SourceRegionRef") || name == QLatin1String("TargetRegionRef")
                       || name == QLatin1String("RegionRef")) {
                if (parent == Element::RelationEl)
                    relation.refs << attrs.value(QLatin1String("regionRef")).toString();
            }
            kinds.push_back(kind);
        } else if (token == QXmlStreamReader::EndElement) {
            const Element::Kind kind = kinds.empty() ? Element::Other : kinds.back();
            if (!kinds.empty())
                kinds.pop_back();
            const QStringView name = xml.name();
            if (name == QLatin1String("TextEquiv")) {
                pendingText = nullptr;
            } else if (kind == Element::WordEl && name == QLatin1String("Word")) {
                if (auto e = pushWord(wordUnit, "Word"))
                    return *e;
            } else if (kind == Element::LineEl && name == QLatin1String("TextLine")) {
                if (!lineUnit.hasWords) // a line without words is the smallest unit the file has
                    if (auto e = pushWord(lineUnit, "TextLine"))
                        return *e;
            } else if (kind == Element::RegionEl && name == QLatin1String("TextRegion")) {
                regionStack.pop_back();
            } else if (kind == Element::RelationEl && name == QLatin1String("Relation")) {
                if (relation.type == QLatin1String("link")) {
                    if (relation.refs.size() != 2)
                        return invalid(QStringLiteral("a PAGE link Relation names %1 regions instead of two")
                                           .arg(relation.refs.size()));
                    page.links.push_back({relation.refs[0], relation.refs[1],
                                          relation.label.isEmpty() ? customLinkType(relation.custom) : relation.label});
                }
            }
        }
    }
    if (xml.hasError())
        return brokenXml(xml);
    if (!pageSeen)
        return invalid(QStringLiteral("the PAGE file has no Page element"));

    // Regions become entities when labelled or linked; a linked region must exist and hold words.
    QHash<QString, int> byId;
    for (int i = 0; i < int(regions.size()); ++i)
        byId.insert(regions[i].id, i);
    std::vector<bool> isEntity(regions.size(), false);
    for (int i = 0; i < int(regions.size()); ++i)
        isEntity[i] = regions[i].labelled && !regions[i].words.empty();
    for (const ImportedLink& l : page.links) {
        for (const QString& end : {l.from, l.to}) {
            const auto it = byId.constFind(end);
            if (it == byId.constEnd())
                return invalid(QStringLiteral("a PAGE link Relation refers to %1, which is not a TextRegion of the "
                                              "page")
                                   .arg(end));
            if (regions[*it].words.empty())
                return invalid(
                    QStringLiteral("a PAGE link Relation refers to TextRegion %1, which has no words").arg(end));
            isEntity[*it] = true;
        }
    }
    for (int i = 0; i < int(regions.size()); ++i) {
        if (!isEntity[i])
            continue;
        Region& r = regions[i];
        ImportedEntity e;
        e.id = r.id;
        e.label = r.label;
        e.words = r.words;
        if (const TextCandidate* t = bestText(r.texts)) {
            QStringList joined;
            for (int w : r.words)
                joined << page.words[w].text;
            if (t->text != joined.join(QLatin1Char(' ')))
                e.text = t->text;
        }
        page.entities.push_back(std::move(e));
    }
    return std::vector<ImportedPage>{std::move(page)};
}

const char* const kPagePrefix = "http://schema.primaresearch.org/PAGE/gts/pagecontent/";

} // namespace

Result<std::vector<ImportedPage>> readXml(const QByteArray& content, const AnnotationReadOptions& options)
{
    QXmlStreamReader xml(content);
    while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::StartElement) {
    }
    if (xml.hasError())
        return brokenXml(xml);
    if (!xml.isStartElement())
        return invalid(QStringLiteral("an XML file without any element"));
    const QString root = xml.name().toString();
    const QString ns = xml.namespaceUri().toString();
    if (root.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0)
        return readHocr(xml);
    if (root == QLatin1String("alto")) {
        static const QRegularExpression altoNs(QStringLiteral(R"(^http://www\.loc\.gov/standards/alto/ns-(v[234])#$)"));
        const auto m = altoNs.match(ns);
        if (!m.hasMatch())
            return invalid(QStringLiteral("an ALTO file with an unknown namespace \"%1\" (Incidoc reads ALTO v2, v3 "
                                          "and v4)")
                               .arg(ns));
        return readAlto(xml, m.captured(1), options);
    }
    if (root == QLatin1String("PcGts")) {
        const QString version =
            ns.startsWith(QLatin1String(kPagePrefix)) ? ns.mid(int(strlen(kPagePrefix))) : QString();
        static const QStringList known{QStringLiteral("2013-07-15"), QStringLiteral("2016-07-15"),
                                       QStringLiteral("2017-07-15"), QStringLiteral("2018-07-15"),
                                       QStringLiteral("2019-07-15")};
        if (!known.contains(version))
            return invalid(QStringLiteral("a PAGE file with an unknown namespace \"%1\" (Incidoc reads PAGE "
                                          "2013-07-15 to 2019-07-15)")
                               .arg(ns));
        return readPage(xml, version);
    }
    return invalid(QStringLiteral("an XML file that is not hOCR, ALTO or PAGE (root element <%1>%2)")
                       .arg(root, ns.isEmpty() ? QString() : QStringLiteral(" in namespace \"%1\"").arg(ns)));
}

} // namespace incidoc::annotation_read
