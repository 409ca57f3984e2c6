// The form and training formats of the export bundle: FUNSD (with a round trip of the public FUNSD forms),
// PAGE XML 2019-07-15 (validated by xmllint against the PRImA schema), Label Studio relations, the incident
// records, and the line images and word crops with their deterministic split by document.

#include "core/export/bundle_export.h"
#include "core/export/bundle_formats.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/support/test_paths.h"
#include "tests/support/xml_schema.h"

using namespace incidoc;

namespace {

WordRecord word(WordId id, int block, int line, const QString& text, PixelBox box, std::optional<double> conf)
{
    WordRecord w;
    w.id = id;
    w.block = block;
    w.line = line;
    w.text = text;
    w.box = box;
    w.confidence = conf;
    return w;
}

EntityRecord entity(EntityId id, const QString& label, std::vector<WordId> words, const std::vector<WordRecord>& all,
                    const QString& externalId = {})
{
    EntityRecord e;
    e.id = id;
    e.label = label;
    e.words = std::move(words);
    e.externalId = externalId;
    QStringList texts;
    for (WordId w : e.words)
        for (const WordRecord& r : all)
            if (r.id == w) {
                texts << r.text;
                e.box = e.box.united(r.box);
            }
    e.text = texts.join(QLatin1Char(' '));
    return e;
}

LinkRecord link(LinkId id, EntityId from, EntityId to, const QString& type = defaultLinkType())
{
    LinkRecord l;
    l.id = id;
    l.from = from;
    l.to = to;
    l.type = type;
    return l;
}

/// "Driver: Jonah R. Pritchard" / "VIN 1M8GDM9AXKP042788" and a stray word, as a form: a question linked to
/// a person's name, a VIN with a typed field but no label, an unlabelled entity, and a word in no entity.
BundlePage formPage()
{
    BundlePage p;
    p.document.id = 2;
    p.document.name = QStringLiteral("crash & \"report\".pdf");
    p.document.sha256 = QStringLiteral("5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9");
    p.document.importedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);
    p.slug = QStringLiteral("crash-report");
    p.page.number = 2;
    p.page.widthPx = 1000;
    p.page.heightPx = 800;
    p.page.dpi = 150;
    p.imagePath = QStringLiteral("images/crash-report/page-0002.png");
    p.words = {word(1, 0, 0, QStringLiteral("Driver:"), {100, 100, 180, 130}, 95.5),
               word(2, 0, 0, QStringLiteral("Jonah"), {200, 100, 260, 130}, 91.0),
               word(3, 0, 0, QStringLiteral("R."), {265, 100, 285, 130}, 40.0),
               word(4, 0, 0, QStringLiteral("Pritchard"), {290, 100, 380, 130}, 88.0),
               word(5, 1, 0, QStringLiteral("VIN"), {100, 200, 150, 230}, 97.0),
               word(6, 1, 0, QStringLiteral("1M8GDM9AXKP042788"), {170, 200, 420, 230}, 85.0),
               word(7, 2, 0, QStringLiteral("<stray>&"), {-5, 700, 60, 720}, std::nullopt),
               word(8, 3, 0, QStringLiteral("Notes"), {100, 300, 160, 330}, 90.0),
               word(9, 3, 1, QStringLiteral("none"), {100, 340, 150, 370}, 90.0)};
    p.entities = {entity(10, QStringLiteral("question"), {1}, p.words),
                  entity(11, QStringLiteral("answer"), {2, 3, 4}, p.words),
                  entity(12, QStringLiteral("question"), {5}, p.words), entity(13, QString(), {6}, p.words),
                  entity(14, QString(), {8, 9}, p.words)};
    p.entities[1].field = QStringLiteral("person_name");
    p.entities[3].field = QStringLiteral("vin");
    p.links = {link(1, 10, 11), link(2, 12, 13)};
    return p;
}

QJsonArray formOf(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(json, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << qPrintable(error.errorString());
    return d.object()[QStringLiteral("form")].toArray();
}

QJsonArray box(int x0, int y0, int x1, int y1)
{
    return QJsonArray{x0, y0, x1, y1};
}

QString xpath(const QByteArray& xml, const QString& expr)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("x.xml")));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(xml);
    f.close();
    QProcess p;
    p.start(QStringLiteral("xmllint"), {QStringLiteral("--nonet"), QStringLiteral("--xpath"), expr, f.fileName()});
    p.waitForFinished(60'000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

/// XPath over PAGE's namespace without declaring it.
QString pg(const QString& path)
{
    QString out = path;
    out.replace(QRegularExpression(QStringLiteral("/([A-Za-z]+)")), QStringLiteral("/*[local-name()='\\1']"));
    return out;
}

bool haveXmllint()
{
    QProcess p;
    p.start(QStringLiteral("xmllint"), {QStringLiteral("--version")});
    return p.waitForFinished(10'000) && p.exitStatus() == QProcess::NormalExit;
}

} // namespace

// ---- FUNSD ------------------------------------------------------------------------------------------

TEST(FormsFormats, FunsdListsEntitiesWithLabelsWordsAndLinksInBothEnds)
{
    const QJsonArray form = formOf(pageToFunsd(formPage()));
    ASSERT_EQ(form.size(), 6); // 5 entities + the word in none
    // Without imported ids: 0..n-1 in the page's order.
    for (int i = 0; i < form.size(); ++i)
        EXPECT_EQ(form[i][QStringLiteral("id")].toInt(-1), i);
    const QJsonObject driver = form[0].toObject(), name = form[1].toObject();
    EXPECT_EQ(driver[QStringLiteral("text")].toString(), QStringLiteral("Driver:"));
    EXPECT_EQ(driver[QStringLiteral("label")].toString(), QStringLiteral("question"));
    EXPECT_EQ(driver[QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{0, 1}}));
    EXPECT_EQ(name[QStringLiteral("text")].toString(), QStringLiteral("Jonah R. Pritchard"));
    EXPECT_EQ(name[QStringLiteral("box")].toArray(), box(200, 100, 380, 130));
    EXPECT_EQ(name[QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{0, 1}}));
    const QJsonArray words = name[QStringLiteral("words")].toArray();
    ASSERT_EQ(words.size(), 3);
    EXPECT_EQ(words[1][QStringLiteral("text")].toString(), QStringLiteral("R."));
    EXPECT_EQ(words[1][QStringLiteral("box")].toArray(), box(265, 100, 285, 130));
    // A typed field without a label is a value; an entity with neither is "other".
    EXPECT_EQ(form[3][QStringLiteral("label")].toString(), QStringLiteral("answer"));
    EXPECT_EQ(form[3][QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{2, 3}}));
    EXPECT_EQ(form[4][QStringLiteral("label")].toString(), QStringLiteral("other"));
    EXPECT_EQ(form[4][QStringLiteral("text")].toString(), QStringLiteral("Notes none"));
    EXPECT_TRUE(form[4][QStringLiteral("linking")].toArray().isEmpty());
    // The word in no entity: an "other" entity of its own, its text kept as it is.
    const QJsonObject stray = form[5].toObject();
    EXPECT_EQ(stray[QStringLiteral("label")].toString(), QStringLiteral("other"));
    EXPECT_EQ(stray[QStringLiteral("text")].toString(), QStringLiteral("<stray>&"));
    EXPECT_EQ(stray[QStringLiteral("box")].toArray(), box(-5, 700, 60, 720));
    EXPECT_EQ(stray[QStringLiteral("words")].toArray().size(), 1);

    // A page with no entities: every word is an entity.
    BundlePage bare = formPage();
    bare.entities.clear();
    bare.links.clear();
    const QJsonArray plain = formOf(pageToFunsd(bare));
    ASSERT_EQ(plain.size(), 9);
    EXPECT_EQ(plain[8][QStringLiteral("text")].toString(), QStringLiteral("none"));
}

TEST(FormsFormats, FunsdKeepsImportedIdsOnlyWhenAllAreUniqueIntegers)
{
    BundlePage p = formPage();
    const QStringList ids{QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("12"), QStringLiteral("4"),
                          QStringLiteral("0")};
    for (int i = 0; i < 5; ++i)
        p.entities[i].externalId = ids[i];
    QJsonArray form = formOf(pageToFunsd(p));
    ASSERT_EQ(form.size(), 6);
    // Sorted by the imported id; links name them; the extra word gets the next free id.
    QList<int> got;
    for (const auto& e : form)
        got << e[QStringLiteral("id")].toInt();
    EXPECT_EQ(got, (QList<int>{0, 3, 4, 7, 12, 13}));
    EXPECT_EQ(form[1][QStringLiteral("text")].toString(), QStringLiteral("Jonah R. Pritchard"));
    EXPECT_EQ(form[1][QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{7, 3}}));
    EXPECT_EQ(form[3][QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{7, 3}}));

    // One duplicate (or one non-integer) and the page's order is used instead.
    p.entities[4].externalId = QStringLiteral("3");
    form = formOf(pageToFunsd(p));
    EXPECT_EQ(form[1][QStringLiteral("id")].toInt(), 1);
    EXPECT_EQ(form[1][QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{0, 1}}));
    p.entities[4].externalId = QStringLiteral("q1");
    form = formOf(pageToFunsd(p));
    EXPECT_EQ(form[1][QStringLiteral("id")].toInt(), 1);
}

/// The public FUNSD forms as Incidoc holds them after an import (entities with their ids, texts, boxes,
/// labels and words; links once each), exported again: every entity and link comes back identical.
TEST(FormsFormats, FunsdRoundTripOfThePublicForms)
{
    const QDir dir(test::testData(QStringLiteral("funsd/training_data/annotations")));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_GE(files.size(), 5) << qPrintable(dir.path());
    int entities = 0, links = 0;
    for (const QString& name : files) {
        QFile f(dir.filePath(name));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QJsonArray original = formOf(f.readAll());
        BundlePage p;
        p.page.widthPx = 1000;
        p.page.heightPx = 1000;
        WordId nextWord = 1;
        std::set<std::pair<int, int>> seenLinks;
        auto toBox = [](const QJsonValue& v) {
            const QJsonArray a = v.toArray();
            return PixelBox{a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()};
        };
        for (const auto& v : original) {
            const QJsonObject o = v.toObject();
            EntityRecord e;
            e.id = 1000 + o[QStringLiteral("id")].toInt();
            e.externalId = QString::number(o[QStringLiteral("id")].toInt());
            e.label = o[QStringLiteral("label")].toString();
            e.text = o[QStringLiteral("text")].toString();
            e.box = toBox(o[QStringLiteral("box")]);
            for (const auto& wv : o[QStringLiteral("words")].toArray()) {
                WordRecord w = word(nextWord++, 0, 0, wv[QStringLiteral("text")].toString(),
                                    toBox(wv[QStringLiteral("box")]), 90.0);
                e.words.push_back(w.id);
                p.words.push_back(w);
            }
            for (const auto& lv : o[QStringLiteral("linking")].toArray()) {
                const std::pair<int, int> pair{lv[0].toInt(), lv[1].toInt()};
                if (seenLinks.insert(pair).second)
                    p.links.push_back(
                        link(static_cast<LinkId>(seenLinks.size()), 1000 + pair.first, 1000 + pair.second));
            }
            p.entities.push_back(std::move(e));
        }
        // An entity with no words still has its words list (empty); nothing is added.
        const QJsonArray exported = formOf(pageToFunsd(p));
        ASSERT_EQ(exported.size(), original.size()) << qPrintable(name);
        for (int i = 0; i < original.size(); ++i) {
            const QJsonObject a = original[i].toObject(), b = exported[i].toObject();
            for (const char* key : {"id", "text", "box", "label", "words"})
                EXPECT_EQ(a[QLatin1String(key)], b[QLatin1String(key)])
                    << qPrintable(name) << " entity " << i << " " << key;
            // FUNSD lists a link in both entities, in no particular order, a few of them twice.
            auto pairs = [](const QJsonArray& l) {
                std::set<std::pair<int, int>> s;
                for (const auto& x : l)
                    s.insert({x[0].toInt(), x[1].toInt()});
                return s;
            };
            EXPECT_EQ(pairs(a[QStringLiteral("linking")].toArray()), pairs(b[QStringLiteral("linking")].toArray()))
                << qPrintable(name) << " entity " << i;
            ++entities;
        }
        links += static_cast<int>(p.links.size());
    }
    EXPECT_GT(entities, 100);
    EXPECT_GT(links, 50);
}

// ---- PAGE XML ---------------------------------------------------------------------------------------

TEST(FormsFormats, PageXmlOfAFormValidatesWithRegionsPerEntityReadingOrderAndRelations)
{
    ASSERT_TRUE(haveXmllint()) << "xmllint (libxml2-utils) is needed";
    const QByteArray xml = pageToPageXml(formPage(), QStringLiteral("2026-12-05T06:00:00Z"));
    const test::SchemaCheck check = test::validateAgainstSchema(xml, QStringLiteral("pagecontent-2019-07-15.xsd"));
    ASSERT_EQ(check.code, 0) << qPrintable(check.output) << xml.constData();

    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Metadata/Created)"))),
              QStringLiteral("2026-11-02T09:30:00Z"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Metadata/LastChange)"))),
              QStringLiteral("2026-12-05T06:00:00Z"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/@imageFilename)"))),
              QStringLiteral("images/crash-report/page-0002.png"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/@imageWidth)"))), QStringLiteral("1000"));
    // 5 entities + one region for the word in none; in reading order.
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("count(/PcGts/Page/TextRegion)"))), QStringLiteral("6"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("count(/PcGts/Page/ReadingOrder/OrderedGroup/RegionRefIndexed)"))),
              QStringLiteral("6"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/ReadingOrder/OrderedGroup/RegionRefIndexed[2]/"
                                           "@regionRef)"))),
              QStringLiteral("e11"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[@id='e11']/@custom)"))),
              QStringLiteral("readingOrder {index:1;} structure {type:answer;} field {name:person_name;}"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[@id='e13']/@custom)"))),
              QStringLiteral("readingOrder {index:3;} structure {type:answer;} field {name:vin;}"));
    EXPECT_EQ(
        xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[@id='e11']/TextLine/Word[2]/TextEquiv/@conf)"))),
        QStringLiteral("0.4"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[@id='e11']/TextLine/Word[2]/Coords/"
                                           "@points)"))),
              QStringLiteral("265,100 285,100 285,130 265,130"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[@id='e11']/TextEquiv/Unicode)"))),
              QStringLiteral("Jonah R. Pritchard"));
    // Every reference names a region of the page (xmllint does not check IDREFs against the schema).
    EXPECT_EQ(xpath(xml, QStringLiteral("count(//@regionRef[not(. = //@id)])")), QStringLiteral("0"));
    EXPECT_EQ(xpath(xml, QStringLiteral("count(//@regionRef)")), QStringLiteral("10"));
    // Two lines in the entity whose words sit on two lines.
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("count(/PcGts/Page/TextRegion[@id='e14']/TextLine)"))), QStringLiteral("2"));
    // The word drawn by a person has no confidence; its negative coordinate is clamped.
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("count(//Word[TextEquiv/Unicode='<stray>&']/TextEquiv/@conf)"))),
              QStringLiteral("0"));
    EXPECT_EQ(
        xpath(xml, pg(QStringLiteral("count(/PcGts/Page/Relations/Relation[@type='link'][@custom='key_value'])"))),
        QStringLiteral("2"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/Relations/Relation[2]/SourceRegionRef/@regionRef)"))),
              QStringLiteral("e12"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/Relations/Relation[2]/TargetRegionRef/@regionRef)"))),
              QStringLiteral("e13"));
}

TEST(FormsFormats, PageXmlWithoutEntitiesHasARegionPerBlockAndValidates)
{
    ASSERT_TRUE(haveXmllint());
    BundlePage p = formPage();
    p.entities.clear();
    p.links.clear();
    const QByteArray xml = pageToPageXml(p, QStringLiteral("2026-12-05T06:00:00Z"));
    const test::SchemaCheck check = test::validateAgainstSchema(xml, QStringLiteral("pagecontent-2019-07-15.xsd"));
    ASSERT_EQ(check.code, 0) << qPrintable(check.output) << xml.constData();
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("count(/PcGts/Page/TextRegion)"))), QStringLiteral("4"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("count(/PcGts/Page/Relations)"))), QStringLiteral("0"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[1]/TextLine/TextEquiv/Unicode)"))),
              QStringLiteral("Driver: Jonah R. Pritchard"));
    EXPECT_EQ(xpath(xml, pg(QStringLiteral("string(/PcGts/Page/TextRegion[4]/TextEquiv/Unicode)"))),
              QStringLiteral("Notes\nnone"));

    // An empty page is valid too (no regions, no reading order).
    p.words.clear();
    const test::SchemaCheck empty = test::validateAgainstSchema(
        pageToPageXml(p, QStringLiteral("2026-12-05T06:00:00Z")), QStringLiteral("pagecontent-2019-07-15.xsd"));
    EXPECT_EQ(empty.code, 0) << qPrintable(empty.output);
}

TEST(FormsFormats, PageXmlSchemaCheckRejectsABrokenPage)
{
    ASSERT_TRUE(haveXmllint());
    QByteArray xml = pageToPageXml(formPage(), QStringLiteral("2026-12-05T06:00:00Z"));
    // A negative coordinate, and a confidence above 1.
    xml.replace("265,100 285,100", "-265,100 285,100");
    EXPECT_NE(test::validateAgainstSchema(xml, QStringLiteral("pagecontent-2019-07-15.xsd")).code, 0);
    xml = pageToPageXml(formPage(), QStringLiteral("2026-12-05T06:00:00Z"));
    xml.replace("conf=\"0.4\"", "conf=\"40\"");
    EXPECT_NE(test::validateAgainstSchema(xml, QStringLiteral("pagecontent-2019-07-15.xsd")).code, 0);
}

// ---- Label Studio -----------------------------------------------------------------------------------

TEST(FormsFormats, LabelStudioTaskHasEntityRegionsAndRelationsBesideTheWords)
{
    const BundlePage p = formPage();
    const QJsonObject task = QJsonDocument::fromJson(labelStudioTask(p, 3)).object();
    const QJsonArray results = task[QStringLiteral("predictions")][0][QStringLiteral("result")].toArray();
    QSet<QString> ids;
    std::map<QString, QJsonObject> entityLabels;
    QList<QJsonObject> relations;
    int wordRectangles = 0;
    for (const auto& v : results) {
        const QJsonObject r = v.toObject();
        if (r[QStringLiteral("type")] == QStringLiteral("relation")) {
            relations << r;
            continue;
        }
        ids.insert(r[QStringLiteral("id")].toString());
        if (r[QStringLiteral("type")] == QStringLiteral("rectangle")
            && r[QStringLiteral("id")].toString().startsWith('w'))
            ++wordRectangles;
        if (r[QStringLiteral("type")] == QStringLiteral("labels") && r[QStringLiteral("id")].toString().startsWith('e'))
            entityLabels[r[QStringLiteral("id")].toString()] = r;
    }
    EXPECT_EQ(wordRectangles, 9); // the words are all still there
    for (EntityId e : {10, 11, 12, 13, 14})
        EXPECT_TRUE(ids.contains(QStringLiteral("e%1").arg(e))) << e;
    EXPECT_EQ(entityLabels.size(), 3u); // the labelled ones
    EXPECT_EQ(entityLabels[QStringLiteral("e11")][QStringLiteral("value")][QStringLiteral("labels")].toArray(),
              QJsonArray{QStringLiteral("answer")});
    EXPECT_EQ(entityLabels[QStringLiteral("e11")][QStringLiteral("value")][QStringLiteral("x")].toDouble(), 20.0);
    EXPECT_EQ(entityLabels[QStringLiteral("e11")][QStringLiteral("meta")][QStringLiteral("field")].toString(),
              QStringLiteral("person_name"));
    ASSERT_EQ(relations.size(), 2);
    EXPECT_EQ(relations[0][QStringLiteral("from_id")].toString(), QStringLiteral("e10"));
    EXPECT_EQ(relations[0][QStringLiteral("to_id")].toString(), QStringLiteral("e11"));
    EXPECT_EQ(relations[0][QStringLiteral("direction")].toString(), QStringLiteral("right"));
    EXPECT_EQ(relations[0][QStringLiteral("labels")].toArray(), QJsonArray{QStringLiteral("key_value")});
    // Every relation joins two regions of the task.
    for (const auto& r : relations) {
        EXPECT_TRUE(ids.contains(r[QStringLiteral("from_id")].toString()));
        EXPECT_TRUE(ids.contains(r[QStringLiteral("to_id")].toString()));
    }
}

// ---- training sets ----------------------------------------------------------------------------------

TEST(FormsFormats, SplitsAreDeterministicByDocumentAndNearEightyTenTen)
{
    // Values from Python: int(hashlib.sha256(s.encode()).hexdigest()[:8], 16) % 100 = 45, 85, 90.
    EXPECT_EQ(documentSplit(QStringLiteral("5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9")),
              DataSplit::Train);
    EXPECT_EQ(documentSplit(QStringLiteral("19581e27de7ced00ff1ce50b2047e7a567c76b1cbaebabe5ef03f7c3017bb5b7")),
              DataSplit::Val);
    EXPECT_EQ(documentSplit(QStringLiteral("59E19706D51D39F66711C2653CD7EB1291C94D9B55EB14BDA74CE4DC636D015A")),
              DataSplit::Test);
    std::array<int, kDataSplitCount> counts{};
    for (int i = 0; i < 3000; ++i)
        ++counts[static_cast<int>(documentSplit(
            QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex())))];
    EXPECT_NEAR(counts[0] / 3000.0, 0.8, 0.03);
    EXPECT_NEAR(counts[1] / 3000.0, 0.1, 0.02);
    EXPECT_NEAR(counts[2] / 3000.0, 0.1, 0.02);
    EXPECT_EQ(toString(DataSplit::Val), QStringLiteral("val"));
}

TEST(FormsFormats, LineImagesAndWordCropsCutThePageAroundTheBoxes)
{
    BundlePage p = formPage();
    p.words.push_back(word(20, 4, 0, QStringLiteral("  "), {500, 500, 520, 520}, 90.0));         // no text: left out
    p.words.push_back(word(21, 4, 1, QStringLiteral("tab\there"), {990, 790, 1010, 810}, 90.0)); // at the corner
    // A white page with each word's box filled black: a crop is black inside, white in its padding.
    QImage grey(p.page.widthPx, p.page.heightPx, QImage::Format_Grayscale8);
    grey.fill(255);
    {
        QPainter painter(&grey);
        for (const WordRecord& w : p.words)
            painter.fillRect(w.box.x0, w.box.y0, w.box.width(), w.box.height(), Qt::black);
    }
    const std::vector<TrainingSample> lines = lineSamples(grey, p);
    // Lines: (0,0) (1,0) (2,0) (3,0) (3,1) and (4,1); (4,0) has no text.
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[0].name, QStringLiteral("lines/train/crash-report-p0002-l001.png"));
    EXPECT_EQ(lines[0].text, QStringLiteral("Driver: Jonah R. Pritchard"));
    EXPECT_EQ(lines[5].name, QStringLiteral("lines/train/crash-report-p0002-l007.png"));
    EXPECT_EQ(lines[5].text, QStringLiteral("tab here"));
    QImage first;
    ASSERT_TRUE(first.loadFromData(lines[0].png, "PNG"));
    EXPECT_EQ(first.size(), QSize(380 - 100 + 2 * kCropPadding, 30 + 2 * kCropPadding));
    EXPECT_EQ(qGray(first.pixel(0, 0)), 255);
    EXPECT_EQ(qGray(first.pixel(kCropPadding, kCropPadding)), 0);
    QImage corner;
    ASSERT_TRUE(corner.loadFromData(lines[5].png, "PNG"));
    EXPECT_EQ(corner.size(), QSize(1000 - 990 + kCropPadding, 800 - 790 + kCropPadding)); // clamped to the page

    const std::vector<TrainingSample> crops = wordSamples(grey, p);
    ASSERT_EQ(crops.size(), 10u); // 11 words, one without text
    EXPECT_EQ(crops[2].name, QStringLiteral("crops/train/crash-report-p0002-w0003.png"));
    EXPECT_EQ(crops[2].text, QStringLiteral("R."));
    QImage r;
    ASSERT_TRUE(r.loadFromData(crops[2].png, "PNG"));
    EXPECT_EQ(r.size(), QSize(20 + 2 * kCropPadding, 30 + 2 * kCropPadding));
    EXPECT_EQ(r.format(), QImage::Format_Grayscale8);
    const QByteArray labels = cropLabels(crops);
    EXPECT_TRUE(labels.startsWith("crops/train/crash-report-p0002-w0001.png\tDriver:\n")) << labels.constData();
    EXPECT_TRUE(labels.endsWith("crops/train/crash-report-p0002-w0011.png\ttab here\n")) << labels.constData();
    EXPECT_EQ(labels.count('\n'), 10);

    // Another document goes to its own split.
    p.document.sha256 = QStringLiteral("59e19706d51d39f66711c2653cd7eb1291c94d9b55eb14bda74ce4dc636d015a");
    EXPECT_TRUE(wordSamples(grey, p)[0].name.startsWith(QStringLiteral("crops/test/")));
}

TEST(FormsFormats, FormatNamesParseAndTheTrainingSetsAreOptIn)
{
    const ExportFormats defaults;
    EXPECT_TRUE(defaults.funsd && defaults.pageXml && defaults.records);
    EXPECT_FALSE(defaults.lines || defaults.crops);
    const auto f = ExportFormats::parse(QStringLiteral("funsd, PAGE,records,lines,crops"));
    ASSERT_TRUE(f.has_value());
    EXPECT_TRUE(f->funsd && f->pageXml && f->records && f->lines && f->crops);
    EXPECT_FALSE(f->json || f->coco || f->labelStudio || f->hocr || f->alto || f->metrics);
    EXPECT_EQ(f->names(), (QStringList{QStringLiteral("funsd"), QStringLiteral("page"), QStringLiteral("records"),
                                       QStringLiteral("lines"), QStringLiteral("crops")}));
    EXPECT_FALSE(ExportFormats::parse(QStringLiteral("funsd,xfund")).has_value());
    EXPECT_EQ(toString(ExportPhase::PageXml), QStringLiteral("page-xml"));
    EXPECT_EQ(toString(ExportPhase::Bundle), QStringLiteral("bundle"));
}

// ---- incident records -------------------------------------------------------------------------------

TEST(FormsFormats, RecordsCheckEveryTypedFieldWithItsKeyAndTheFindingsAcrossPages)
{
    BundlePage first = formPage();
    first.page.id = 31;
    const std::vector<RecordField> fields = pageRecordFields(first);
    ASSERT_EQ(fields.size(), 2u);
    EXPECT_EQ(fields[0].field, QStringLiteral("person_name"));
    EXPECT_EQ(fields[0].key, QStringLiteral("Driver:"));
    EXPECT_EQ(fields[1].field, QStringLiteral("vin"));
    EXPECT_EQ(fields[1].value, QStringLiteral("1M8GDM9AXKP042788"));
    EXPECT_EQ(fields[1].key, QStringLiteral("VIN"));
    EXPECT_EQ(fields[1].box, (PixelBox{170, 200, 420, 230}));

    // Page 3 of the same document: a VIN with a wrong check digit, a date of birth that does not exist,
    // a name with a comma and quotes (CSV quoting), no key.
    DocumentFields doc{formPage().document, QStringLiteral("crash-report"), fields};
    auto field = [](PageId pageId, int page, EntityId id, const QString& name, const QString& value) {
        RecordField f;
        f.entity = id;
        f.pageId = pageId;
        f.page = page;
        f.field = name;
        f.value = value;
        f.box = {10, 20, 30, 40};
        return f;
    };
    doc.fields.push_back(field(32, 3, 40, QStringLiteral("vin"), QStringLiteral("1M8GDM9AYKP042788")));
    doc.fields.push_back(field(32, 3, 41, QStringLiteral("date_of_birth"), QStringLiteral("02/30/1988")));
    doc.fields.push_back(field(32, 3, 42, QStringLiteral("person_name"), QStringLiteral("Pritchard, \"Jo\" R.")));
    // Another document with its own case numbers: page 2 differs from pages 1 and 3.
    DocumentFields other;
    other.document.id = 5;
    other.document.name = QStringLiteral("witness.pdf");
    other.slug = QStringLiteral("witness");
    for (int page : {1, 2, 3})
        other.fields.push_back(field(50 + page, page, 60 + page, QStringLiteral("case_number"),
                                     page == 2 ? QStringLiteral("CR-2024-00418") : QStringLiteral("CR-2024-00417")));

    const auto files = incidentRecords({doc, other}, {});
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[0].first, QStringLiteral("records/crash-report.json"));
    EXPECT_EQ(files[1].first, QStringLiteral("records/witness.json"));
    EXPECT_EQ(files[2].first, QStringLiteral("records.csv"));

    const QJsonObject record = QJsonDocument::fromJson(files[0].second).object();
    EXPECT_EQ(record[QStringLiteral("schema")].toString(), QStringLiteral("incidoc.record/1"));
    EXPECT_EQ(record[QStringLiteral("document")][QStringLiteral("sha256")].toString(), formPage().document.sha256);
    const QJsonArray recordFields = record[QStringLiteral("fields")].toArray();
    ASSERT_EQ(recordFields.size(), 5);
    const QJsonObject vin = recordFields[1].toObject(), badVin = recordFields[2].toObject();
    EXPECT_TRUE(vin[QStringLiteral("valid")].toBool());
    EXPECT_EQ(vin[QStringLiteral("page")].toInt(), 2);
    EXPECT_EQ(vin[QStringLiteral("key")].toString(), QStringLiteral("VIN"));
    EXPECT_EQ(vin[QStringLiteral("box")].toArray(), box(170, 200, 420, 230));
    EXPECT_TRUE(vin[QStringLiteral("problem")].toString().isEmpty());
    EXPECT_FALSE(badVin[QStringLiteral("valid")].toBool());
    EXPECT_FALSE(badVin[QStringLiteral("problem")].toString().isEmpty());
    EXPECT_TRUE(badVin[QStringLiteral("key")].isNull());
    EXPECT_FALSE(recordFields[3][QStringLiteral("valid")].toBool()); // February 30th
    // The record: the first value of each field.
    EXPECT_EQ(record[QStringLiteral("record")][QStringLiteral("vin")].toString(), QStringLiteral("1M8GDM9AXKP042788"));
    EXPECT_EQ(record[QStringLiteral("record")][QStringLiteral("person_name")].toString().remove(QLatin1Char('.')),
              QStringLiteral("Jonah R Pritchard"));

    const QJsonObject witness = QJsonDocument::fromJson(files[1].second).object();
    const QJsonArray findings = witness[QStringLiteral("findings")].toArray();
    ASSERT_EQ(findings.size(), 1) << files[1].second.constData();
    EXPECT_EQ(findings[0][QStringLiteral("kind")].toString(), QStringLiteral("case_number_differs"));
    EXPECT_EQ(findings[0][QStringLiteral("page")].toInt(), 2);

    const QList<QByteArray> csv = files[2].second.split('\n');
    ASSERT_EQ(csv.size(), 1 + 5 + 3 + 1); // header, rows, the empty piece after the last line break
    EXPECT_EQ(csv[0], "document,page,field,value,normalized,valid,problem,key,x0,y0,x1,y1");
    EXPECT_TRUE(csv[2].startsWith("crash-report,2,vin,1M8GDM9AXKP042788,1M8GDM9AXKP042788,true,,VIN,170,200,420,230"))
        << csv[2].constData();
    EXPECT_TRUE(csv[3].startsWith("crash-report,3,vin,1M8GDM9AYKP042788,")) << csv[3].constData();
    EXPECT_TRUE(csv[3].contains(",false,")) << csv[3].constData();
    EXPECT_TRUE(csv[5].startsWith("crash-report,3,person_name,\"Pritchard, \"\"Jo\"\" R.\",")) << csv[5].constData();
    EXPECT_TRUE(csv[7].startsWith("witness,2,case_number,CR-2024-00418,")) << csv[7].constData();
}
