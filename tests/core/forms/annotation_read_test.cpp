// Annotation files written by other tools: hOCR and ALTO that Tesseract writes now, the FUNSD forms'
// own JSON, PAGE XML 2013 and 2019 and a Label Studio export written the way those tools write them, and
// the bad input each reader must refuse with a reason and no page.

#include "core/export/format_alto.h"
#include "core/export/format_hocr.h"
#include "core/export/format_label_studio.h"
#include "core/export/format_page_xml.h"
#include "core/forms/annotation_read.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

using test::testData;

QString writeFile(const QString& dir, const QString& name, const QByteArray& content)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    f.write(content);
    return path;
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

QSize imageSize(const QString& path)
{
    return QImageReader(path).size();
}

std::string errorOf(const Result<ImportedPage>& r)
{
    return r.ok() ? std::string("(no error)") : r.error().message.toStdString();
}

// Expects `r` to be InvalidInput whose message contains every one of `parts`.
void expectRefused(const Result<ImportedPage>& r, std::initializer_list<const char*> parts)
{
    ASSERT_FALSE(r.ok()) << "a page of " << r->words.size() << " words came back";
    EXPECT_EQ(r.error().code, ErrorCode::InvalidInput) << r.error().message.toStdString();
    for (const char* part : parts)
        EXPECT_TRUE(r.error().message.contains(QString::fromUtf8(part), Qt::CaseInsensitive))
            << "\"" << part << "\" not in: " << r.error().message.toStdString();
}

QString joinedWords(const ImportedPage& page)
{
    QStringList texts;
    for (const ImportedWord& w : page.words)
        texts << w.text;
    return texts.join(QLatin1Char(' '));
}

// ------------------------------------------------------------------------------------ Tesseract's hOCR and ALTO

// One Tesseract run over a FUNSD form writes the hOCR, the ALTO and the plain text of the same reading.
class TesseractFiles : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<QTemporaryDir>();
        ASSERT_TRUE(s_dir->isValid());
        s_image = testData(QStringLiteral("funsd/training_data/images/0000971160.png"));
        QProcess tesseract;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
        tesseract.setProcessEnvironment(env);
        tesseract.start(QStringLiteral("tesseract"),
                        {s_image, s_dir->filePath(QStringLiteral("form")), QStringLiteral("hocr"),
                         QStringLiteral("alto"), QStringLiteral("txt")});
        ASSERT_TRUE(tesseract.waitForFinished(300000));
        ASSERT_EQ(tesseract.exitCode(), 0) << tesseract.readAllStandardError().toStdString();
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    static QString hocr() { return s_dir->filePath(QStringLiteral("form.hocr")); }
    static QString alto() { return s_dir->filePath(QStringLiteral("form.xml")); }
    static QString txt() { return s_dir->filePath(QStringLiteral("form.txt")); }

    static inline std::unique_ptr<QTemporaryDir> s_dir;
    static inline QString s_image;
};

TEST_F(TesseractFiles, HocrGivesEveryWordWithItsIdBoxConfidenceLineAndBlock)
{
    const auto page = readAnnotations(hocr(), imageSize(s_image));
    ASSERT_TRUE(page.ok()) << errorOf(page);
    EXPECT_EQ(page->format, QStringLiteral("hocr"));
    EXPECT_EQ(page->imageName, QStringLiteral("0000971160.png"));
    EXPECT_EQ(page->width, 762);
    EXPECT_EQ(page->height, 1000);
    EXPECT_TRUE(page->entities.empty());
    EXPECT_TRUE(page->links.empty());

    // The same words, in the same order, as the plain text of the same run.
    const QStringList plain =
        QString::fromUtf8(readBytes(txt())).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    ASSERT_GT(plain.size(), 50);
    ASSERT_EQ(int(page->words.size()), plain.size());
    for (int i = 0; i < plain.size(); ++i)
        EXPECT_EQ(page->words[i].text, plain[i]) << i;

    // Ids, boxes and confidences exactly as the file has them (read here with a regular expression).
    const QString html = QString::fromUtf8(readBytes(hocr()));
    static const QRegularExpression wordRe(QStringLiteral(
        "<span class='ocrx_word' id='([^']+)' title='bbox (\\d+) (\\d+) (\\d+) (\\d+); x_wconf (\\d+)'"));
    int i = 0;
    for (auto it = wordRe.globalMatch(html); it.hasNext(); ++i) {
        const auto m = it.next();
        ASSERT_LT(i, int(page->words.size()));
        const ImportedWord& w = page->words[i];
        EXPECT_EQ(w.id, m.captured(1));
        EXPECT_EQ(w.box, (PixelBox{m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
                                   m.captured(5).toInt()}));
        ASSERT_TRUE(w.confidence.has_value());
        EXPECT_DOUBLE_EQ(*w.confidence, m.captured(6).toDouble());
    }
    EXPECT_EQ(i, int(page->words.size()));

    // Lines and blocks numbered from 0 in the order they appear, as many as the file has.
    EXPECT_EQ(page->words.front().line, 0);
    EXPECT_EQ(page->words.front().block, 0);
    for (size_t k = 1; k < page->words.size(); ++k) {
        EXPECT_GE(page->words[k].line, page->words[k - 1].line);
        EXPECT_LE(page->words[k].line, page->words[k - 1].line + 1);
        EXPECT_GE(page->words[k].block, page->words[k - 1].block);
    }
    EXPECT_EQ(page->words.back().line + 1, int(html.count(QStringLiteral("id='line_1_"))));
    EXPECT_EQ(page->words.back().block + 1, int(html.count(QStringLiteral("class='ocr_par'"))));
}

TEST_F(TesseractFiles, AltoOfTheSameRunGivesTheSameWordsAsItsHocr)
{
    const auto fromHocr = readAnnotations(hocr(), imageSize(s_image));
    const auto fromAlto = readAnnotations(alto(), imageSize(s_image));
    ASSERT_TRUE(fromHocr.ok()) << errorOf(fromHocr);
    ASSERT_TRUE(fromAlto.ok()) << errorOf(fromAlto);
    EXPECT_EQ(fromAlto->format, QStringLiteral("alto"));
    EXPECT_EQ(fromAlto->formatVersion, QStringLiteral("v3"));
    EXPECT_EQ(fromAlto->imageName, QStringLiteral("0000971160.png"));
    EXPECT_EQ(fromAlto->width, 762);
    EXPECT_EQ(fromAlto->height, 1000);
    ASSERT_EQ(fromAlto->words.size(), fromHocr->words.size());
    for (size_t i = 0; i < fromAlto->words.size(); ++i) {
        const ImportedWord &a = fromAlto->words[i], &h = fromHocr->words[i];
        EXPECT_EQ(a.id, QStringLiteral("string_%1").arg(i));
        EXPECT_EQ(a.text, h.text) << i;
        EXPECT_EQ(a.box, h.box) << i;
        EXPECT_EQ(a.line, h.line) << i;
        EXPECT_EQ(a.block, h.block) << i;
        ASSERT_TRUE(a.confidence.has_value());
        EXPECT_NEAR(*a.confidence, *h.confidence, 1.0) << i; // WC is x_wconf / 100 with two decimals
    }
}

TEST_F(TesseractFiles, AltoV2AndV4NamespacesReadTheSameAndUnknownOnesAreRefused)
{
    QTemporaryDir dir;
    const QByteArray v3 = readBytes(alto());
    const auto reference = readAnnotations(alto());
    ASSERT_TRUE(reference.ok()) << errorOf(reference);
    for (const char* version : {"v2", "v4"}) {
        QByteArray other = v3;
        other.replace("ns-v3#", QByteArray("ns-") + version + "#");
        const auto page = readAnnotations(writeFile(dir.path(), QStringLiteral("alto.xml"), other));
        ASSERT_TRUE(page.ok()) << errorOf(page);
        EXPECT_EQ(page->formatVersion, QLatin1String(version));
        ASSERT_EQ(page->words.size(), reference->words.size());
        EXPECT_EQ(joinedWords(*page), joinedWords(*reference));
        EXPECT_EQ(page->words.back().box, reference->words.back().box);
    }
    QByteArray v9 = v3;
    v9.replace("ns-v3#", "ns-v9#");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("v9.xml"), v9)), {"ALTO", "namespace", "ns-v9"});
}

TEST_F(TesseractFiles, BrokenOrForeignFilesFromTesseractAreRefused)
{
    QTemporaryDir dir;
    // Cut in the middle: broken XML, with where.
    const QByteArray html = readBytes(hocr());
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("cut.hocr"), html.left(html.size() / 2))),
                  {"broken XML", "line"});
    const QByteArray xml = readBytes(alto());
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("cut.xml"), xml.left(xml.size() * 2 / 3))),
                  {"broken XML"});
    // An image of another size than the one the file describes.
    expectRefused(readAnnotations(hocr(), QSize(381, 500)), {"762×1000", "381×500"});
    // One word moved off the page.
    QByteArray moved = html;
    const QRegularExpression first(QStringLiteral("title='bbox (\\d+) (\\d+) (\\d+) (\\d+); x_wconf"));
    const auto m = first.match(QString::fromUtf8(html));
    ASSERT_TRUE(m.hasMatch());
    moved.replace(m.captured(0).toUtf8(), QByteArray("title='bbox 700 ") + m.captured(2).toUtf8() + " 790 "
                                              + m.captured(4).toUtf8() + "; x_wconf");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("moved.hocr"), moved), imageSize(s_image)),
                  {"word_1_1", "outside", "700"});
}

// ---------------------------------------------------------------------------------------------- ALTO units

QByteArray altoInUnit(const char* unit, const char* pageW, const char* pageH, const char* hpos, const char* vpos,
                      const char* width, const char* height)
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:xlink="http://www.w3.org/1999/xlink"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-4.xsd">
  <Description>
    <MeasurementUnit>)")
           + unit + R"(</MeasurementUnit>
    <sourceImageInformation><fileName>C:\scans\report-0007.tif</fileName></sourceImageInformation>
  </Description>
  <Layout>
    <Page ID="P1" PHYSICAL_IMG_NR="1" WIDTH=")"
           + pageW + R"(" HEIGHT=")" + pageH + R"(">
      <PrintSpace HPOS="0" VPOS="0" WIDTH=")"
           + pageW + R"(" HEIGHT=")" + pageH + R"(">
        <TextBlock ID="TB1" HPOS=")"
           + hpos + R"(" VPOS=")" + vpos + R"(" WIDTH=")" + width + R"(" HEIGHT=")" + height + R"(">
          <TextLine ID="TL1" HPOS=")"
           + hpos + R"(" VPOS=")" + vpos + R"(" WIDTH=")" + width + R"(" HEIGHT=")" + height + R"(">
            <String ID="S1" CONTENT="KTR" WC="0.9" HPOS=")"
           + hpos + R"(" VPOS=")" + vpos + R"(" WIDTH=")" + width + R"(" HEIGHT=")" + height + R"("/>
          </TextLine>
        </TextBlock>
      </PrintSpace>
    </Page>
  </Layout>
</alto>
)";
}

TEST(AltoUnits, Mm10AndInch1200AreConvertedWithTheResolutionOrTheImageSize)
{
    QTemporaryDir dir;
    // A US letter page (8.5 x 11 in) at 300 dpi is 2550 x 3300 pixels. The word: 1 in from the left,
    // 2 in from the top, 0.5 in wide, 1/6 in high: 300, 600, 450, 650 in pixels.
    const QString mm10 = writeFile(dir.path(), QStringLiteral("mm10.xml"),
                                   altoInUnit("mm10", "2159", "2794", "254", "508", "127", "42.333"));
    const QString inch = writeFile(dir.path(), QStringLiteral("inch.xml"),
                                   altoInUnit("inch1200", "10200", "13200", "1200", "2400", "600", "200"));
    const PixelBox expected{300, 600, 450, 650};
    for (const QString& path : {mm10, inch}) {
        AnnotationReadOptions byDpi;
        byDpi.dpi = 300;
        const auto page = readAnnotations(path, byDpi);
        ASSERT_TRUE(page.ok()) << errorOf(page);
        EXPECT_EQ(page->formatVersion, QStringLiteral("v4"));
        EXPECT_EQ(page->imageName, QStringLiteral("report-0007.tif"));
        EXPECT_EQ(page->width, 2550);
        EXPECT_EQ(page->height, 3300);
        ASSERT_EQ(page->words.size(), 1u);
        EXPECT_EQ(page->words[0].box, expected);
        EXPECT_EQ(page->words[0].id, QStringLiteral("S1"));
        EXPECT_DOUBLE_EQ(*page->words[0].confidence, 90.0);

        // No resolution: the image's size and the page's give it.
        const auto bySize = readAnnotations(path, QSize(2550, 3300));
        ASSERT_TRUE(bySize.ok()) << errorOf(bySize);
        EXPECT_EQ(bySize->words[0].box, expected);

        // Neither: refused, saying why.
        expectRefused(readAnnotations(path), {"resolution is unknown"});
    }
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("pt.xml"),
                                            altoInUnit("points", "612", "792", "72", "144", "36", "12"))),
                  {"MeasurementUnit", "points"});
}

// ---------------------------------------------------------------------------------------------- FUNSD

struct FunsdTruth {
    int entities = 0, links = 0, textsKept = 0;
};

// Every entity (id, label, text, words with texts and boxes) and every link of a FUNSD file, compared
// with the file read here directly.
FunsdTruth expectSameAsFunsdFile(const ImportedPage& page, const QString& path)
{
    const QJsonArray form = QJsonDocument::fromJson(readBytes(path)).object().value(QLatin1String("form")).toArray();
    FunsdTruth truth;
    EXPECT_EQ(page.format, QStringLiteral("funsd"));
    EXPECT_EQ(int(page.entities.size()), form.size());
    QSet<QPair<QString, QString>> pairs;
    for (int i = 0; i < form.size() && i < int(page.entities.size()); ++i) {
        const QJsonObject item = form[i].toObject();
        const ImportedEntity& e = page.entities[i];
        EXPECT_EQ(e.id, QString::number(item.value(QLatin1String("id")).toInt()));
        EXPECT_EQ(e.label, item.value(QLatin1String("label")).toString());
        const QJsonArray words = item.value(QLatin1String("words")).toArray();
        EXPECT_EQ(int(e.words.size()), words.size()) << e.id.toStdString();
        QStringList texts;
        for (int k = 0; k < words.size() && k < int(e.words.size()); ++k) {
            const ImportedWord& w = page.words.at(e.words[k]);
            const QJsonObject wo = words[k].toObject();
            const QJsonArray box = wo.value(QLatin1String("box")).toArray();
            EXPECT_EQ(w.text, wo.value(QLatin1String("text")).toString());
            EXPECT_EQ(w.box, (PixelBox{box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt()}));
            EXPECT_FALSE(w.confidence.has_value());
            texts << w.text;
        }
        const QString text = item.value(QLatin1String("text")).toString();
        EXPECT_EQ(e.text.value_or(texts.join(QLatin1Char(' '))), text) << e.id.toStdString();
        if (e.text) {
            EXPECT_NE(*e.text, texts.join(QLatin1Char(' ')));
            ++truth.textsKept;
        }
        for (const QJsonValue& p : item.value(QLatin1String("linking")).toArray())
            pairs.insert({QString::number(p.toArray()[0].toInt()), QString::number(p.toArray()[1].toInt())});
    }
    QSet<QPair<QString, QString>> read;
    for (const ImportedLink& l : page.links) {
        EXPECT_TRUE(l.type.isEmpty());
        read.insert({l.from, l.to});
    }
    EXPECT_EQ(read, pairs);
    EXPECT_EQ(int(page.links.size()), int(pairs.size())); // each pair once, though both entities list it
    truth.entities = int(page.entities.size());
    truth.links = int(page.links.size());
    return truth;
}

TEST(Funsd, EveryEntityAndLinkOfThePublicFormsComesBackExactly)
{
    const QDir annotations(testData(QStringLiteral("funsd/training_data/annotations")));
    const QStringList files = annotations.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_EQ(files.size(), 10);
    FunsdTruth total;
    for (const QString& name : files) {
        const QString path = annotations.filePath(name);
        const QString image =
            testData(QStringLiteral("funsd/training_data/images/%1.png").arg(QFileInfo(name).completeBaseName()));
        const auto page = readAnnotations(path, imageSize(image)); // every box inside its image
        ASSERT_TRUE(page.ok()) << name.toStdString() << ": " << errorOf(page);
        const FunsdTruth t = expectSameAsFunsdFile(*page, path);
        total.entities += t.entities;
        total.links += t.links;
        total.textsKept += t.textsKept;
    }
    // Counted with an independent script over the same ten files.
    EXPECT_EQ(total.entities, 559);
    EXPECT_EQ(total.links, 346);
    EXPECT_EQ(total.textsKept, 18);
}

QString funsdVariant(const QString& dir, const QString& name, const std::function<void(QJsonArray&)>& change)
{
    const QString source = testData(QStringLiteral("funsd/training_data/annotations/0000971160.json"));
    QJsonObject root = QJsonDocument::fromJson(readBytes(source)).object();
    QJsonArray form = root.value(QLatin1String("form")).toArray();
    change(form);
    root.insert(QStringLiteral("form"), form);
    return writeFile(dir, name, QJsonDocument(root).toJson());
}

void setLinking(QJsonArray& form, int index, const QJsonArray& linking)
{
    QJsonObject item = form[index].toObject();
    item.insert(QStringLiteral("linking"), linking);
    form[index] = item;
}

TEST(Funsd, BadFilesAreRefusedWithTheirReason)
{
    QTemporaryDir dir;
    const QSize size = imageSize(testData(QStringLiteral("funsd/training_data/images/0000971160.png")));

    // A word far outside the 762 x 1000 image: named by its text.
    const QString outside = funsdVariant(dir.path(), QStringLiteral("outside.json"), [](QJsonArray& form) {
        QJsonObject item = form[2].toObject();
        QJsonArray words = item.value(QLatin1String("words")).toArray();
        QJsonObject w = words[0].toObject();
        w.insert(QStringLiteral("box"), QJsonArray{95, 1355, 169, 1370});
        words[0] = w;
        item.insert(QStringLiteral("words"), words);
        form[2] = item;
    });
    expectRefused(readAnnotations(outside, size), {"Suggestion:", "outside", "762×1000"});
    EXPECT_TRUE(readAnnotations(outside).ok()) << "without the image's size nothing says where the page ends";

    // A word a pixel past the edge is within the tolerance.
    const QString edge = funsdVariant(dir.path(), QStringLiteral("edge.json"), [](QJsonArray& form) {
        QJsonObject item = form[2].toObject();
        QJsonArray words = item.value(QLatin1String("words")).toArray();
        QJsonObject w = words[0].toObject();
        w.insert(QStringLiteral("box"), QJsonArray{95, 990, 169, 1001});
        words[0] = w;
        item.insert(QStringLiteral("words"), words);
        form[2] = item;
    });
    EXPECT_TRUE(readAnnotations(edge, size).ok()) << errorOf(readAnnotations(edge, size));

    // A link to an entity the file does not have.
    const QString missing = funsdVariant(dir.path(), QStringLiteral("missing.json"), [](QJsonArray& form) {
        setLinking(form, 1, QJsonArray{QJsonArray{1, 999}});
    });
    expectRefused(readAnnotations(missing), {"999", "not an entity"});

    // 1 -> 2 -> 3 -> 1: a cycle over distinct links.
    const QString cycle = funsdVariant(dir.path(), QStringLiteral("cycle.json"), [](QJsonArray& form) {
        setLinking(form, 1, QJsonArray{QJsonArray{1, 2}, QJsonArray{3, 1}});
        setLinking(form, 2, QJsonArray{QJsonArray{1, 2}, QJsonArray{2, 3}});
        setLinking(form, 3, QJsonArray{QJsonArray{2, 3}, QJsonArray{3, 1}});
    });
    expectRefused(readAnnotations(cycle), {"cycle", "1 → 2 → 3 → 1"});

    // Both directions between two entities: a cycle too.
    const QString back = funsdVariant(dir.path(), QStringLiteral("back.json"), [](QJsonArray& form) {
        setLinking(form, 1, QJsonArray{QJsonArray{1, 2}});
        setLinking(form, 2, QJsonArray{QJsonArray{2, 1}});
    });
    expectRefused(readAnnotations(back), {"cycle"});

    // The same pair listed by both of its entities (as FUNSD does) is one link, no cycle.
    const QString twice = funsdVariant(dir.path(), QStringLiteral("twice.json"), [](QJsonArray& form) {
        setLinking(form, 1, QJsonArray{QJsonArray{1, 2}});
        setLinking(form, 2, QJsonArray{QJsonArray{1, 2}});
    });
    const auto once = readAnnotations(twice);
    ASSERT_TRUE(once.ok()) << errorOf(once);

    // A box that is not four numbers.
    const QString shape = funsdVariant(dir.path(), QStringLiteral("shape.json"), [](QJsonArray& form) {
        QJsonObject item = form[0].toObject();
        item.insert(QStringLiteral("words"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("R&D")},
                                                                    {QStringLiteral("box"), QJsonArray{1, 2, 3}}}});
        form[0] = item;
    });
    expectRefused(readAnnotations(shape), {"entity 0", "box"});
}

// ---------------------------------------------------------------------------------------------- PAGE XML

// A PAGE 2019 file as Transkribus-style tools write it: a header region, a key and a value region labelled
// through `custom` and linked by a Relation, a region whose line has no words (only the line's text).
const char* const kPage2019 = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15 http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/pagecontent.xsd">
  <Metadata>
    <Creator>prov=READ-COOP:name=PyXRIF:version=2.5.1</Creator>
    <Created>2024-03-02T10:14:09.416+01:00</Created>
    <LastChange>2024-03-02T10:20:31.002+01:00</LastChange>
  </Metadata>
  <Page imageFilename="incident_0001.png" imageWidth="1000" imageHeight="800">
    <ReadingOrder>
      <OrderedGroup id="ro_1" caption="Regions reading order">
        <RegionRefIndexed index="0" regionRef="r_head"/>
        <RegionRefIndexed index="1" regionRef="r_key"/>
        <RegionRefIndexed index="2" regionRef="r_value"/>
        <RegionRefIndexed index="3" regionRef="r_plate"/>
      </OrderedGroup>
    </ReadingOrder>
    <Relations>
      <Relation id="rel_1" type="link">
        <Labels><Label value="key_value" type="relation"/></Labels>
        <SourceRegionRef regionRef="r_key"/>
        <TargetRegionRef regionRef="r_value"/>
      </Relation>
      <Relation id="rel_2" type="join">
        <SourceRegionRef regionRef="r_head"/>
        <TargetRegionRef regionRef="r_plate"/>
      </Relation>
    </Relations>
    <TextRegion id="r_head" type="heading" custom="readingOrder {index:0;} structure {type:header;}">
      <Coords points="50,40 450,40 450,70 50,70"/>
      <TextLine id="r_head_l1" custom="readingOrder {index:0;}">
        <Coords points="50,40 450,40 450,70 50,70"/>
        <Baseline points="50,66 450,66"/>
        <Word id="r_head_l1_w1">
          <Coords points="50,40 240,40 240,70 50,70"/>
          <TextEquiv conf="0.97"><Unicode>INCIDENT</Unicode></TextEquiv>
        </Word>
        <Word id="r_head_l1_w2">
          <Coords points="260,41 450,40 449,70 261,69"/>
          <TextEquiv conf="0.95"><Unicode>REPORT</Unicode></TextEquiv>
        </Word>
        <TextEquiv><Unicode>INCIDENT REPORT</Unicode></TextEquiv>
      </TextLine>
      <TextEquiv><Unicode>INCIDENT REPORT</Unicode></TextEquiv>
    </TextRegion>
    <TextRegion id="r_key" custom="readingOrder {index:1;} structure {type:question;}">
      <Coords points="50,120 160,120 160,145 50,145"/>
      <TextLine id="r_key_l1">
        <Coords points="50,120 160,120 160,145 50,145"/>
        <Word id="r_key_l1_w1">
          <Coords points="50,120 160,120 160,145 50,145"/>
          <TextEquiv conf="0.91"><Unicode>Driver:</Unicode></TextEquiv>
        </Word>
      </TextLine>
      <TextEquiv><Unicode>Driver :</Unicode></TextEquiv>
    </TextRegion>
    <TextRegion id="r_value" custom="readingOrder {index:2;} structure {type:answer;}">
      <Coords points="180,118 470,118 470,146 180,146"/>
      <TextLine id="r_value_l1">
        <Coords points="180,118 470,118 470,146 180,146"/>
        <Word id="r_value_l1_w1">
          <Coords points="180,118 250,118 250,146 180,146"/>
          <TextEquiv conf="0.93"><Unicode>Jonah</Unicode></TextEquiv>
        </Word>
        <Word id="r_value_l1_w2">
          <Coords points="262,118 290,118 290,146 262,146"/>
          <TextEquiv conf="0.88"><Unicode>R.</Unicode></TextEquiv>
        </Word>
        <Word id="r_value_l1_w3">
          <Coords points="302,118 470,118 470,146 302,146"/>
          <TextEquiv index="2" conf="0.41"><Unicode>Pritchord</Unicode></TextEquiv>
          <TextEquiv index="1" conf="0.86"><Unicode>Pritchard</Unicode></TextEquiv>
        </Word>
      </TextLine>
      <TextEquiv><Unicode>Jonah R. Pritchard</Unicode></TextEquiv>
    </TextRegion>
    <TextRegion id="r_plate" type="paragraph" custom="readingOrder {index:3;}">
      <Coords points="50,200 400,200 400,228 50,228"/>
      <TextLine id="r_plate_l1">
        <Coords points="50,200 400,200 400,228 50,228"/>
        <TextEquiv conf="0.8"><Unicode>Licence Plate: KTR 4582</Unicode></TextEquiv>
      </TextLine>
    </TextRegion>
  </Page>
</PcGts>
)";

TEST(PageXml, Page2019GivesWordsLabelledRegionsAsEntitiesAndLinkRelations)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("incident_0001.xml"), kPage2019);

    // The sample is valid PAGE 2019 (the schema in ../shared/schemas), as a tool would write it.
    QProcess xmllint;
    xmllint.start(QStringLiteral("xmllint"),
                  {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"),
                   QString::fromUtf8(INCIDOC_SCHEMAS_DIR) + QStringLiteral("/pagecontent-2019-07-15.xsd"), path});
    ASSERT_TRUE(xmllint.waitForFinished(60000));
    EXPECT_EQ(xmllint.exitCode(), 0) << xmllint.readAllStandardError().toStdString();

    const auto page = readAnnotations(path, QSize(1000, 800));
    ASSERT_TRUE(page.ok()) << errorOf(page);
    EXPECT_EQ(page->format, QStringLiteral("page"));
    EXPECT_EQ(page->formatVersion, QStringLiteral("2019-07-15"));
    EXPECT_EQ(page->imageName, QStringLiteral("incident_0001.png"));
    EXPECT_EQ(page->width, 1000);
    EXPECT_EQ(page->height, 800);

    ASSERT_EQ(page->words.size(), 7u);
    EXPECT_EQ(joinedWords(*page), QStringLiteral("INCIDENT REPORT Driver: Jonah R. Pritchard Licence Plate: KTR 4582"));
    const ImportedWord& report = page->words[1];
    EXPECT_EQ(report.id, QStringLiteral("r_head_l1_w2"));
    EXPECT_EQ(report.box, (PixelBox{260, 40, 450, 70})); // the bounding box of its polygon
    EXPECT_DOUBLE_EQ(*report.confidence, 95.0);
    EXPECT_EQ(page->words[5].text, QStringLiteral("Pritchard")); // TextEquiv index 1 before index 2
    EXPECT_DOUBLE_EQ(*page->words[5].confidence, 86.0);
    const ImportedWord& plate = page->words[6]; // a line without words is one unit
    EXPECT_EQ(plate.id, QStringLiteral("r_plate_l1"));
    EXPECT_EQ(plate.box, (PixelBox{50, 200, 400, 228}));
    EXPECT_DOUBLE_EQ(*plate.confidence, 80.0);
    EXPECT_EQ(page->words[0].block, 0);
    EXPECT_EQ(page->words[2].block, 1);
    EXPECT_EQ(page->words[5].block, 2);
    EXPECT_EQ(plate.block, 3);
    EXPECT_EQ(page->words[1].line, 0);
    EXPECT_EQ(page->words[4].line, 2);
    EXPECT_EQ(plate.line, 3);

    // r_plate has only a layout type and no link: not an entity.
    ASSERT_EQ(page->entities.size(), 3u);
    EXPECT_EQ(page->entities[0].id, QStringLiteral("r_head"));
    EXPECT_EQ(page->entities[0].label, QStringLiteral("header")); // the structure type, not @type
    EXPECT_EQ(page->entities[0].words, (std::vector<int>{0, 1}));
    EXPECT_FALSE(page->entities[0].text.has_value());
    EXPECT_EQ(page->entities[1].id, QStringLiteral("r_key"));
    EXPECT_EQ(page->entities[1].label, QStringLiteral("question")); // custom structure type
    EXPECT_EQ(page->entities[1].words, (std::vector<int>{2}));
    EXPECT_EQ(page->entities[1].text, std::optional<QString>(QStringLiteral("Driver :"))); // differs: kept
    EXPECT_EQ(page->entities[2].id, QStringLiteral("r_value"));
    EXPECT_EQ(page->entities[2].label, QStringLiteral("answer"));
    EXPECT_EQ(page->entities[2].words, (std::vector<int>{3, 4, 5}));
    EXPECT_FALSE(page->entities[2].text.has_value());

    // The link relation, with its label; the join relation is not a link.
    ASSERT_EQ(page->links.size(), 1u);
    EXPECT_EQ(page->links[0].from, QStringLiteral("r_key"));
    EXPECT_EQ(page->links[0].to, QStringLiteral("r_value"));
    EXPECT_EQ(page->links[0].type, QStringLiteral("key_value"));
}

// PAGE 2013 as Aletheia writes it: a link relation names its two regions with RegionRef.
const char* const kPage2013 = R"(<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15 http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15/pagecontent.xsd"
       pcGtsId="pc-00000017">
  <Metadata>
    <Creator>Aletheia</Creator>
    <Created>2015-06-11T09:20:11</Created>
    <LastChange>2015-06-11T09:41:53</LastChange>
  </Metadata>
  <Page imageFilename="scans/dob_form.tif" imageWidth="1240" imageHeight="1754">
    <Relations>
      <Relation type="link" custom="relation {type:key_value;}">
        <RegionRef regionRef="r1"/>
        <RegionRef regionRef="r2"/>
      </Relation>
    </Relations>
    <TextRegion id="r1" type="paragraph" custom="structure {type:question;}">
      <Coords points="100,300 400,300 400,340 100,340"/>
      <TextLine id="l1">
        <Coords points="100,300 400,300 400,340 100,340"/>
        <Word id="w1"><Coords points="100,300 180,300 180,340 100,340"/><TextEquiv conf="0.99"><Unicode>Date</Unicode></TextEquiv></Word>
        <Word id="w2"><Coords points="190,300 220,300 220,340 190,340"/><TextEquiv conf="0.98"><Unicode>of</Unicode></TextEquiv></Word>
        <Word id="w3"><Coords points="230,300 400,300 400,340 230,340"/><TextEquiv conf="0.97"><Unicode>Birth:</Unicode></TextEquiv></Word>
      </TextLine>
    </TextRegion>
    <TextRegion id="r2" type="paragraph">
      <Coords points="420,298 600,298 600,342 420,342"/>
      <TextLine id="l2">
        <Coords points="420,298 600,298 600,342 420,342"/>
        <Word id="w4"><Coords points="420,298 600,298 600,342 420,342"/><TextEquiv conf="0.74"><Unicode>07/22/1988</Unicode></TextEquiv></Word>
      </TextLine>
    </TextRegion>
  </Page>
</PcGts>
)";

TEST(PageXml, Page2013LinksNameTheirRegionsWithRegionRef)
{
    QTemporaryDir dir;
    const auto page =
        readAnnotations(writeFile(dir.path(), QStringLiteral("dob_form.xml"), kPage2013), QSize(1240, 1754));
    ASSERT_TRUE(page.ok()) << errorOf(page);
    EXPECT_EQ(page->formatVersion, QStringLiteral("2013-07-15"));
    EXPECT_EQ(page->imageName, QStringLiteral("dob_form.tif"));
    ASSERT_EQ(page->words.size(), 4u);
    EXPECT_EQ(page->words[3].box, (PixelBox{420, 298, 600, 342}));
    EXPECT_NEAR(*page->words[3].confidence, 74.0, 1e-9);
    ASSERT_EQ(page->entities.size(), 2u);
    EXPECT_EQ(page->entities[0].label, QStringLiteral("question")); // custom wins over @type
    EXPECT_EQ(page->entities[0].words, (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(page->entities[1].label, QStringLiteral("paragraph")); // linked: its @type labels it
    ASSERT_EQ(page->links.size(), 1u);
    EXPECT_EQ(page->links[0].from, QStringLiteral("r1"));
    EXPECT_EQ(page->links[0].to, QStringLiteral("r2"));
    EXPECT_EQ(page->links[0].type, QStringLiteral("key_value")); // from the custom attribute
}

TEST(PageXml, BadPageFilesAreRefused)
{
    QTemporaryDir dir;
    QByteArray oldVersion(kPage2013);
    oldVersion.replace("2013-07-15", "2010-03-19");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("old.xml"), oldVersion)),
                  {"PAGE", "namespace", "2010-03-19"});
    QByteArray noNamespace(kPage2013);
    noNamespace.replace("xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15\"", "");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("nons.xml"), noNamespace)),
                  {"PAGE", "namespace"});
    QByteArray missing(kPage2019);
    missing.replace("<TargetRegionRef regionRef=\"r_value\"/>", "<TargetRegionRef regionRef=\"r_gone\"/>");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("missing.xml"), missing)), {"r_gone"});
    QByteArray outside(kPage2019);
    outside.replace("302,118 470,118 470,146 302,146", "302,118 1470,118 1470,146 302,146");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("outside.xml"), outside), QSize(1000, 800)),
                  {"r_value_l1_w3", "Pritchard", "outside"});
    QByteArray cycle(kPage2019);
    cycle.replace("</Relations>", R"(<Relation id="rel_3" type="link"><SourceRegionRef regionRef="r_value"/>
        <TargetRegionRef regionRef="r_key"/></Relation></Relations>)");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("cycle.xml"), cycle)), {"cycle", "r_key"});
    // Units inside a reading (hostile nesting): refused, without touching what the reading was read into.
    QByteArray nested(kPage2019);
    nested.replace("<TextEquiv conf=\"0.91\"><Unicode>Driver:</Unicode></TextEquiv>",
                   "<TextEquiv conf=\"0.91\"><Word id=\"inner\"><Coords points=\"50,120 60,130\"/><TextEquiv>"
                   "<TextLine id=\"deeper\"/></TextEquiv></Word><Unicode>Driver:</Unicode></TextEquiv>");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("nested.xml"), nested)),
                  {"Word inner", "not inside a TextLine"});
    QByteArray broken(kPage2019);
    broken.replace("</TextLine>", "</TextLin>");
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("broken.xml"), broken)), {"broken XML"});
}

// ---------------------------------------------------------------------------------------------- Label Studio

// An export of two tasks as Label Studio 1.x writes it ("Export" > JSON): the first annotated by a person
// (rectangle, textarea and labels results sharing an id; a relation), the second only predicted by a model.
const char* const kLabelStudioExport = R"([
  {
    "id": 41,
    "annotations": [
      {
        "id": 17, "completed_by": 1,
        "result": [
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 10, "y": 20, "width": 15, "height": 2.5, "rotation": 0},
           "id": "k1Xz9Pq", "from_name": "bbox", "to_name": "image", "type": "rectangle", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 10, "y": 20, "width": 15, "height": 2.5, "rotation": 0, "text": ["Driver:"]},
           "id": "k1Xz9Pq", "from_name": "transcription", "to_name": "image", "type": "textarea", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 10, "y": 20, "width": 15, "height": 2.5, "rotation": 0, "labels": ["question"]},
           "id": "k1Xz9Pq", "from_name": "label", "to_name": "image", "type": "labels", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 30, "y": 20, "width": 25, "height": 2.5, "rotation": 0},
           "id": "v7Hn2Lm", "from_name": "bbox", "to_name": "image", "type": "rectangle", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 30, "y": 20, "width": 25, "height": 2.5, "rotation": 0, "text": ["Jonah R. Pritchard"]},
           "id": "v7Hn2Lm", "from_name": "transcription", "to_name": "image", "type": "textarea", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 30, "y": 20, "width": 25, "height": 2.5, "rotation": 0, "labels": ["answer"]},
           "id": "v7Hn2Lm", "from_name": "label", "to_name": "image", "type": "labels", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 5, "y": 5, "width": 40, "height": 3.75, "rotation": 0},
           "id": "Qm3bT0a", "from_name": "bbox", "to_name": "image", "type": "rectangle", "origin": "manual"},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 5, "y": 5, "width": 40, "height": 3.75, "rotation": 0, "text": ["INCIDENT REPORT"]},
           "id": "Qm3bT0a", "from_name": "transcription", "to_name": "image", "type": "textarea", "origin": "manual"},
          {"from_id": "k1Xz9Pq", "to_id": "v7Hn2Lm", "type": "relation", "direction": "right", "labels": ["key_value"]}
        ],
        "was_cancelled": false, "ground_truth": false,
        "created_at": "2024-03-02T10:14:09.416522Z", "updated_at": "2024-03-02T10:20:31.002145Z",
        "draft_created_at": null, "lead_time": 84.213, "prediction": {}, "result_count": 0,
        "unique_id": "6c1f0b7e-3d0a-4c8e-9a51-2f0e6f1b9d44", "import_id": null, "last_action": null,
        "task": 41, "project": 3, "updated_by": 1, "parent_prediction": null, "parent_annotation": null,
        "last_created_by": null
      }
    ],
    "file_upload": "5f3c2a1b-incident_0001.png",
    "drafts": [],
    "predictions": [],
    "data": {"ocr": "/data/upload/3/5f3c2a1b-incident_0001.png"},
    "meta": {}, "created_at": "2024-03-02T10:01:44.101233Z", "updated_at": "2024-03-02T10:20:31.021877Z",
    "inner_id": 1, "total_annotations": 1, "cancelled_annotations": 0, "total_predictions": 0,
    "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": null, "project": 3,
    "updated_by": 1, "comment_authors": []
  },
  {
    "id": 42,
    "annotations": [],
    "file_upload": "0e9d7c55-incident_0002.png",
    "drafts": [],
    "predictions": [
      {
        "id": 5, "model_version": "tesseract 5.3.0", "created_ago": "3 hours, 2 minutes",
        "result": [
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 50, "y": 50, "width": 10, "height": 6.25, "rotation": 90},
           "id": "p0", "from_name": "bbox", "to_name": "image", "type": "rectangle", "score": 0.93},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 50, "y": 50, "width": 10, "height": 6.25, "rotation": 90, "text": ["KTR"]},
           "id": "p0", "from_name": "transcription", "to_name": "image", "type": "textarea", "score": 0.93},
          {"original_width": 1000, "original_height": 800, "image_rotation": 0,
           "value": {"x": 12.5, "y": 10, "width": 8.75, "height": 2.5, "rotation": 0, "rectanglelabels": ["vehicle_plate"]},
           "id": "p1", "from_name": "field", "to_name": "image", "type": "rectanglelabels", "score": 0.5}
        ],
        "score": 0.715, "cluster": null, "neighbors": null, "mislabeling": 0.0,
        "created_at": "2024-03-02T07:12:00.000000Z", "updated_at": "2024-03-02T07:12:00.000000Z",
        "task": 42, "project": 3
      }
    ],
    "data": {"ocr": "/data/upload/3/0e9d7c55-incident_0002.png"},
    "meta": {}, "created_at": "2024-03-02T10:01:44.101233Z", "updated_at": "2024-03-02T10:01:44.101233Z",
    "inner_id": 2, "total_annotations": 0, "cancelled_annotations": 0, "total_predictions": 1,
    "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": null, "project": 3,
    "updated_by": null, "comment_authors": []
  }
])";

TEST(LabelStudio, AnExportGivesEachImageItsTaskWithRegionsLabelsAndRelations)
{
    QTemporaryDir dir;
    const QString path =
        writeFile(dir.path(), QStringLiteral("project-3-at-2024-03-02-10-21.json"), kLabelStudioExport);

    AnnotationReadOptions first;
    first.imageName = QStringLiteral("incident_0001.png");
    first.imageSize = QSize(1000, 800);
    const auto page = readAnnotations(path, first);
    ASSERT_TRUE(page.ok()) << errorOf(page);
    EXPECT_EQ(page->format, QStringLiteral("label-studio"));
    EXPECT_EQ(page->imageName, QStringLiteral("5f3c2a1b-incident_0001.png"));
    EXPECT_EQ(page->width, 1000);
    EXPECT_EQ(page->height, 800);
    EXPECT_FALSE(page->predicted);
    ASSERT_EQ(page->words.size(), 3u);
    EXPECT_EQ(page->words[0].id, QStringLiteral("k1Xz9Pq"));
    EXPECT_EQ(page->words[0].text, QStringLiteral("Driver:"));
    EXPECT_EQ(page->words[0].box, (PixelBox{100, 160, 250, 180}));
    EXPECT_FALSE(page->words[0].confidence.has_value());
    EXPECT_EQ(page->words[1].text, QStringLiteral("Jonah R. Pritchard"));
    EXPECT_EQ(page->words[1].box, (PixelBox{300, 160, 550, 180}));
    EXPECT_EQ(page->words[2].text, QStringLiteral("INCIDENT REPORT"));
    EXPECT_EQ(page->words[2].box, (PixelBox{50, 40, 450, 70}));
    ASSERT_EQ(page->entities.size(), 2u); // the header has no label and no relation
    EXPECT_EQ(page->entities[0].id, QStringLiteral("k1Xz9Pq"));
    EXPECT_EQ(page->entities[0].label, QStringLiteral("question"));
    EXPECT_EQ(page->entities[0].words, std::vector<int>{0});
    EXPECT_EQ(page->entities[1].label, QStringLiteral("answer"));
    ASSERT_EQ(page->links.size(), 1u);
    EXPECT_EQ(page->links[0].from, QStringLiteral("k1Xz9Pq"));
    EXPECT_EQ(page->links[0].to, QStringLiteral("v7Hn2Lm"));
    EXPECT_EQ(page->links[0].type, QStringLiteral("key_value"));

    AnnotationReadOptions second;
    second.imageName = QStringLiteral("/scans/incident_0002.png");
    const auto predicted = readAnnotations(path, second);
    ASSERT_TRUE(predicted.ok()) << errorOf(predicted);
    EXPECT_TRUE(predicted->predicted);
    ASSERT_EQ(predicted->words.size(), 2u);
    EXPECT_EQ(predicted->words[0].text, QStringLiteral("KTR"));
    // 100 x 50 pixels at (500, 400), turned 90° clockwise about its top-left corner.
    EXPECT_EQ(predicted->words[0].box, (PixelBox{450, 400, 500, 500}));
    EXPECT_DOUBLE_EQ(*predicted->words[0].confidence, 93.0);
    EXPECT_EQ(predicted->words[1].text, QString());
    EXPECT_EQ(predicted->words[1].box, (PixelBox{125, 80, 213, 100})); // 212.5 rounded
    ASSERT_EQ(predicted->entities.size(), 1u);
    EXPECT_EQ(predicted->entities[0].label, QStringLiteral("vehicle_plate"));

    // Every task at once; a list without the image's name cannot say which is its page.
    const auto all = readAnnotationPages(path);
    ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
    EXPECT_EQ(all->size(), 2u);
    expectRefused(readAnnotations(path), {"2 tasks"});
    AnnotationReadOptions other;
    other.imageName = QStringLiteral("incident_0003.png");
    expectRefused(readAnnotations(path, other), {"none", "incident_0003.png"});
}

TEST(LabelStudio, OneTaskAloneIsRead)
{
    QTemporaryDir dir;
    // Served from local storage, as Label Studio names such images.
    QJsonObject task = QJsonDocument::fromJson(kLabelStudioExport).array()[0].toObject();
    task.insert(QStringLiteral("data"),
                QJsonObject{{QStringLiteral("ocr"), QStringLiteral("/data/local-files/?d=scans%2Fincident_0001.png")}});
    const QString path = writeFile(dir.path(), QStringLiteral("incident_0001.json"), QJsonDocument(task).toJson());
    const auto page = readAnnotations(path, QSize(1000, 800));
    ASSERT_TRUE(page.ok()) << errorOf(page);
    EXPECT_EQ(page->imageName, QStringLiteral("incident_0001.png"));
    EXPECT_EQ(page->words.size(), 3u);
    EXPECT_EQ(page->links.size(), 1u);
    // Percentages follow the image: the same task on a twice larger image.
    const auto large = readAnnotations(path, QSize(2000, 1600));
    ASSERT_TRUE(large.ok()) << errorOf(large);
    EXPECT_EQ(large->words[0].box, (PixelBox{200, 320, 500, 360}));
}

TEST(LabelStudio, BadTasksAreRefused)
{
    QTemporaryDir dir;
    const QJsonObject task = QJsonDocument::fromJson(kLabelStudioExport).array()[0].toObject();
    auto withResults = [&](const std::function<void(QJsonArray&)>& change) {
        QJsonObject t = task;
        QJsonArray annotations = t.value(QLatin1String("annotations")).toArray();
        QJsonObject a = annotations[0].toObject();
        QJsonArray results = a.value(QLatin1String("result")).toArray();
        change(results);
        a.insert(QStringLiteral("result"), results);
        annotations[0] = a;
        t.insert(QStringLiteral("annotations"), annotations);
        return writeFile(dir.path(), QStringLiteral("task.json"), QJsonDocument(t).toJson());
    };
    auto relation = [](const char* from, const char* to) {
        return QJsonObject{{QStringLiteral("from_id"), QLatin1String(from)},
                           {QStringLiteral("to_id"), QLatin1String(to)},
                           {QStringLiteral("type"), QStringLiteral("relation")},
                           {QStringLiteral("direction"), QStringLiteral("right")}};
    };
    expectRefused(readAnnotations(withResults([&](QJsonArray& r) { r.append(relation("v7Hn2Lm", "gone")); })),
                  {"gone", "not a region"});
    expectRefused(readAnnotations(withResults([&](QJsonArray& r) { r.append(relation("v7Hn2Lm", "k1Xz9Pq")); })),
                  {"cycle"});
    // direction "left": the relation points the other way, which here closes a cycle as well.
    expectRefused(readAnnotations(withResults([&](QJsonArray& r) {
                      QJsonObject left = relation("k1Xz9Pq", "v7Hn2Lm");
                      left.insert(QStringLiteral("direction"), QStringLiteral("left"));
                      r.append(left);
                  })),
                  {"cycle"});
    expectRefused(readAnnotations(withResults([&](QJsonArray& r) {
                                      QJsonObject o = r[3].toObject();
                                      QJsonObject v = o.value(QLatin1String("value")).toObject();
                                      v.insert(QStringLiteral("x"), 95);
                                      o.insert(QStringLiteral("value"), v);
                                      r[3] = o;
                                  }),
                                  QSize(1000, 800)),
                  {"v7Hn2Lm", "outside"});
    // A transcription of the whole image (no position, on no region): not a word.
    const auto whole = readAnnotations(withResults([&](QJsonArray& r) {
        r.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("t9")},
            {QStringLiteral("type"), QStringLiteral("textarea")},
            {QStringLiteral("value"), QJsonObject{{QStringLiteral("text"), QJsonArray{QStringLiteral("x")}}}}});
    }));
    ASSERT_TRUE(whole.ok()) << errorOf(whole);
    EXPECT_EQ(whole->words.size(), 3u);
    // A rectangle without its height: refused.
    expectRefused(readAnnotations(withResults([&](QJsonArray& r) {
                      QJsonObject o = r[0].toObject();
                      QJsonObject v = o.value(QLatin1String("value")).toObject();
                      v.remove(QStringLiteral("height"));
                      o.insert(QStringLiteral("value"), v);
                      r[0] = o;
                  })),
                  {"k1Xz9Pq", "malformed position"});
}

// ---------------------------------------------------------------------------------------------- Incidoc's own

// A page as Incidoc exports it: two blocks, three lines, a word another engine read otherwise, a word a
// person drew (no confidence).
BundlePage exportedPage()
{
    BundlePage p;
    p.document.name = QStringLiteral("report 7.pdf");
    p.slug = QStringLiteral("report-7");
    p.page.number = 1;
    p.page.widthPx = 1000;
    p.page.heightPx = 800;
    p.page.dpi = 150;
    p.imagePath = QStringLiteral("images/report-7/page-0001.png");
    auto word = [&](int block, int line, const char* text, PixelBox box, std::optional<double> conf) {
        WordRecord w;
        w.id = WordId(p.words.size() + 1);
        w.block = block;
        w.line = line;
        w.text = QString::fromUtf8(text);
        w.box = box;
        w.confidence = conf;
        p.words.push_back(w);
    };
    word(0, 0, "INCIDENT", {50, 40, 240, 70}, 97.0);
    word(0, 0, "REPORT", {260, 40, 450, 70}, 95.0);
    word(1, 1, "Driver:", {50, 120, 160, 145}, 91.0);
    word(1, 1, "Jonah", {180, 118, 250, 146}, 93.0);
    word(1, 2, "Pritchard & Co", {50, 160, 300, 190}, std::nullopt);
    p.words[3].alternatives.push_back({QStringLiteral("ppocr"), QStringLiteral("Jonab"), 41.0f});
    p.words[3].engine = QStringLiteral("tesseract");
    return p;
}

TEST(IncidocExports, ItsOwnHocrAltoAndLabelStudioReadBack)
{
    QTemporaryDir dir;
    const BundlePage p = exportedPage();
    const QSize size(1000, 800);
    const auto hocr = readAnnotations(writeFile(dir.path(), QStringLiteral("page-0001.hocr"), pageToHocr(p)), size);
    const auto alto = readAnnotations(writeFile(dir.path(), QStringLiteral("page-0001.xml"), pageToAlto(p)), size);
    const auto ls =
        readAnnotations(writeFile(dir.path(), QStringLiteral("page-0001.json"), labelStudioTask(p, 1)), size);
    for (const auto* page : {&hocr, &alto, &ls}) {
        ASSERT_TRUE(page->ok()) << errorOf(*page);
        const ImportedPage& read = **page;
        ASSERT_EQ(read.words.size(), p.words.size()) << read.format.toStdString();
        for (size_t i = 0; i < p.words.size(); ++i) {
            EXPECT_EQ(read.words[i].text, p.words[i].text) << read.format.toStdString() << " " << i;
            EXPECT_EQ(read.words[i].box, p.words[i].box) << read.format.toStdString() << " " << i;
            EXPECT_EQ(read.words[i].confidence.has_value(), p.words[i].confidence.has_value())
                << read.format.toStdString() << " " << i;
            if (p.words[i].confidence && read.words[i].confidence) {
                EXPECT_NEAR(*read.words[i].confidence, *p.words[i].confidence, 0.5) << read.format.toStdString();
            }
            if (read.format != QLatin1String("label-studio")) {
                EXPECT_EQ(read.words[i].block, p.words[i].block) << read.format.toStdString() << " " << i;
                EXPECT_EQ(read.words[i].line, p.words[i].line) << read.format.toStdString() << " " << i;
            }
        }
    }
    EXPECT_EQ(hocr->imageName, QStringLiteral("page-0001.png"));
    EXPECT_EQ(ls->imageName, QStringLiteral("page-0001.png"));
    EXPECT_TRUE(ls->predicted); // not reviewed: Incidoc exports the page as a prediction
    EXPECT_EQ(ls->words[3].id, QStringLiteral("w4"));
}

// The same page with a form: a header, a key and its value, linked; a word in no entity; a word's own label.
BundlePage exportedForm()
{
    BundlePage p = exportedPage();
    p.words[3].labelName = QStringLiteral("PERSON");
    auto entity = [&](EntityId id, const char* label, std::vector<size_t> words) {
        EntityRecord e;
        e.id = id;
        e.label = QString::fromLatin1(label);
        QStringList texts;
        for (size_t w : words) {
            e.words.push_back(p.words[w].id);
            e.box = e.box.united(p.words[w].box);
            texts << p.words[w].text;
        }
        e.text = texts.join(QLatin1Char(' '));
        p.entities.push_back(e);
    };
    entity(10, "header", {0, 1});
    entity(11, "question", {2});
    entity(12, "answer", {3});
    LinkRecord l;
    l.id = 1;
    l.from = 11;
    l.to = 12;
    l.type = QStringLiteral("key_value");
    p.links.push_back(l);
    return p;
}

void expectExportedForm(const ImportedPage& read, const BundlePage& p)
{
    ASSERT_EQ(read.words.size(), p.words.size()) << read.format.toStdString();
    for (size_t i = 0; i < p.words.size(); ++i) {
        EXPECT_EQ(read.words[i].text, p.words[i].text) << read.format.toStdString() << " " << i;
        EXPECT_EQ(read.words[i].box, p.words[i].box) << read.format.toStdString() << " " << i;
    }
    ASSERT_EQ(read.entities.size(), 3u) << read.format.toStdString();
    const std::vector<std::pair<const char*, std::vector<int>>> expected{
        {"header", {0, 1}}, {"question", {2}}, {"answer", {3}}};
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(read.entities[i].id, QStringLiteral("e%1").arg(10 + i)) << read.format.toStdString();
        EXPECT_EQ(read.entities[i].label, QLatin1String(expected[i].first)) << read.format.toStdString();
        EXPECT_EQ(read.entities[i].words, expected[i].second) << read.format.toStdString();
        EXPECT_FALSE(read.entities[i].text.has_value()) << read.format.toStdString();
    }
    ASSERT_EQ(read.links.size(), 1u) << read.format.toStdString();
    EXPECT_EQ(read.links[0].from, QStringLiteral("e11"));
    EXPECT_EQ(read.links[0].to, QStringLiteral("e12"));
    EXPECT_EQ(read.links[0].type, QStringLiteral("key_value"));
}

TEST(IncidocExports, ItsOwnPageXmlAndLabelStudioWithAFormReadBack)
{
    QTemporaryDir dir;
    const BundlePage p = exportedForm();
    const QSize size(1000, 800);
    const auto page = readAnnotations(writeFile(dir.path(), QStringLiteral("page-0001.xml"),
                                                pageToPageXml(p, QStringLiteral("2026-12-05T06:00:00Z"))),
                                      size);
    ASSERT_TRUE(page.ok()) << errorOf(page);
    EXPECT_EQ(page->format, QStringLiteral("page"));
    EXPECT_EQ(page->imageName, QStringLiteral("page-0001.png"));
    expectExportedForm(*page, p);

    const auto ls =
        readAnnotations(writeFile(dir.path(), QStringLiteral("page-0001.json"), labelStudioTask(p, 1)), size);
    ASSERT_TRUE(ls.ok()) << errorOf(ls);
    expectExportedForm(*ls, p);
    // Beside its entity regions, a word's own label stays the word's.
    EXPECT_EQ(ls->words[3].label, QStringLiteral("PERSON"));
    EXPECT_TRUE(ls->words[0].label.isEmpty());
}

// ---------------------------------------------------------------------------------------------- other bad input

TEST(BadInput, FilesThatAreNoAnnotationsAreRefusedWithAReason)
{
    QTemporaryDir dir;
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("empty.json"), "")), {"empty"});
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("blank.xml"), "\xEF\xBB\xBF \n\t\n")),
                  {"empty"});
    expectRefused(
        readAnnotations(writeFile(dir.path(), QStringLiteral("other.json"), R"({"images": [], "annotations": []})")),
        {"neither FUNSD", "Label Studio"});
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("list.json"), "[1, 2, 3]")), {"Label Studio"});
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("cut.json"), R"({"form": [{"id": 0, )")),
                  {"broken JSON"});
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("a.xml"),
                                            R"(<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>)")),
                  {"not hOCR, ALTO or PAGE", "svg"});
    expectRefused(readAnnotations(
                      writeFile(dir.path(), QStringLiteral("page.html"), "<html><body><p>not hOCR</p></body></html>")),
                  {"without hOCR"});
    expectRefused(readAnnotations(writeFile(dir.path(), QStringLiteral("a.txt"), "Driver: Jonah R. Pritchard\n")),
                  {"neither XML", "nor JSON"});
    const auto none = readAnnotations(dir.filePath(QStringLiteral("no-such.json")));
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::NotFound);
}

// ---------------------------------------------------------------------------------------------- finding the file

TEST(AnnotationFileFor, FindsTheFileWithTheImagesStemBesideItOrInTheAnnotationsFolder)
{
    QTemporaryDir dir;
    const QString images = dir.filePath(QStringLiteral("images")), notes = dir.filePath(QStringLiteral("notes"));
    QDir().mkpath(images);
    QDir().mkpath(notes);
    for (const char* name : {"a.png", "a.json", "b.tif", "b.hocr", "c.jpg", "c.page.xml", "d.png", "e.v2.png",
                             "e.v2.xml", "f.png", "f.PNG.json"})
        writeFile(images, QString::fromLatin1(name), "x");
    writeFile(notes, QStringLiteral("d.xml"), "x");
    writeFile(notes, QStringLiteral("a.html"), "x");

    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/a.png")), images + QStringLiteral("/a.json"));
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/b.tif")), images + QStringLiteral("/b.hocr"));
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/c.jpg")), images + QStringLiteral("/c.page.xml"));
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/e.v2.png")), images + QStringLiteral("/e.v2.xml"));
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/d.png")), QString());
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/f.png")), QString());
    // The annotations folder first, then beside the image.
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/d.png"), notes), notes + QStringLiteral("/d.xml"));
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/a.png"), notes), notes + QStringLiteral("/a.html"));
    EXPECT_EQ(annotationFileFor(images + QStringLiteral("/b.tif"), notes), images + QStringLiteral("/b.hocr"));

    // The public forms: images/ and annotations/ side by side.
    const QString form = testData(QStringLiteral("funsd/training_data/images/0000971160.png"));
    EXPECT_EQ(annotationFileFor(form), QString());
    EXPECT_EQ(annotationFileFor(form, testData(QStringLiteral("funsd/training_data/annotations"))),
              testData(QStringLiteral("funsd/training_data/annotations/0000971160.json")));
}

} // namespace
} // namespace incidoc
