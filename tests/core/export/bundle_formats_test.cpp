// The per-page formats of the export bundle: entry names, hOCR, ALTO, COCO, Label Studio, metrics, PNG
// and the visualization, checked with independent readers (xmllint, Qt's PNG reader, QJsonDocument).

#include "core/export/bundle_formats.h"
#include "core/imaging/prepare.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/xml_schema.h"

using namespace incidoc;

namespace {

BundlePage samplePage()
{
    BundlePage p;
    p.document.id = 4;
    p.document.name = QStringLiteral("report <1> & \"2\".pdf");
    p.slug = QStringLiteral("report-1-2");
    p.page.number = 3;
    p.page.widthPx = 1000;
    p.page.heightPx = 2000;
    p.page.dpi = 200;
    p.page.kind = PageKind::Scanned;
    p.page.status = PageStatus::Done;
    p.imagePath = QStringLiteral("images/report-1-2/page-0003.png");
    auto word = [](WordId id, int block, int line, const QString& text, PixelBox box, std::optional<double> conf,
                   const QString& label = {}) {
        WordRecord w;
        w.id = id;
        w.block = block;
        w.line = line;
        w.text = text;
        w.box = box;
        w.confidence = conf;
        w.labelName = label;
        return w;
    };
    p.words = {
        word(11, 0, 0, QStringLiteral("Officer"), {100, 100, 250, 140}, 96.4),
        word(12, 0, 0, QStringLiteral("J.<Smith>&"), {260, 100, 400, 140}, 41.0, QStringLiteral("PERSON")),
        word(13, 0, 1, QStringLiteral("事故\x01"), {100, 150, 200, 190}, 88.0),
        word(14, 1, 0, QStringLiteral("12/03/2026"), {500, 900, 700, 940}, std::nullopt, QStringLiteral("DATE"))};
    p.words[3].source = WordSource::User;
    p.words[3].edited = true;
    return p;
}

int xmllint(const QByteArray& xml, const QStringList& extra, QString* out = nullptr)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("x.xml")));
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    f.write(xml);
    f.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("xmllint"), extra + QStringList{QStringLiteral("--nonet"), f.fileName()});
    p.waitForFinished(60'000);
    if (out)
        *out = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString xpath(const QByteArray& xml, const QString& expr)
{
    QString out;
    xmllint(xml, {QStringLiteral("--xpath"), expr}, &out);
    return out.trimmed();
}

} // namespace

TEST(BundleFormats, SlugsAreAsciiSafeUniqueAndNeverEmpty)
{
    EXPECT_EQ(bundleSlug(QStringLiteral("Rapport d'été 2026.pdf")), QStringLiteral("Rapport-d-ete-2026"));
    EXPECT_EQ(bundleSlug(QStringLiteral("../../etc/passwd")), QStringLiteral("passwd"));
    EXPECT_EQ(bundleSlug(QStringLiteral("a\\b\\..\\c.pdf")), QStringLiteral("c"));
    EXPECT_EQ(bundleSlug(QStringLiteral("事故报告.pdf")), QStringLiteral("document"));
    EXPECT_EQ(bundleSlug(QStringLiteral("..")), QStringLiteral("document"));
    EXPECT_EQ(bundleSlug(QStringLiteral(".pdf")), QStringLiteral("pdf"));
    EXPECT_LE(bundleSlug(QString(500, QLatin1Char('x')) + QStringLiteral(".pdf")).size(), 60);
    std::vector<DocumentRecord> docs(5);
    docs[0].name = QStringLiteral("report.pdf");
    docs[1].name = QStringLiteral("Report.png");
    docs[2].name = QStringLiteral("report-2.pdf"); // collides with the made-up name of docs[1]
    docs[3].name = QStringLiteral("事故.pdf");
    docs[4].name = QStringLiteral("报告.pdf");
    const auto slugs = bundleSlugs(docs);
    EXPECT_EQ(slugs[0], QStringLiteral("report"));
    EXPECT_EQ(slugs[1], QStringLiteral("Report-2"));
    EXPECT_EQ(slugs[2], QStringLiteral("report-2-2"));
    EXPECT_EQ(slugs[3], QStringLiteral("document"));
    EXPECT_EQ(slugs[4], QStringLiteral("document-2"));
    for (const QString& s : slugs) {
        for (const QChar c : s)
            EXPECT_TRUE((c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_'))
                << qPrintable(s);
    }
    EXPECT_EQ(pageStem(7), QStringLiteral("page-0007"));
    EXPECT_EQ(pageStem(12345), QStringLiteral("page-12345"));
}

TEST(BundleFormats, HocrIsWellFormedWithPagesLinesWordsAndConfidence)
{
    const QByteArray hocr = pageToHocr(samplePage());
    QString out;
    ASSERT_EQ(xmllint(hocr, {QStringLiteral("--noout")}, &out), 0) << qPrintable(out) << hocr.constData();
    // XPath with the XHTML namespace ignored through local-name().
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(//*[@class='ocr_page'])")), QStringLiteral("1"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(//*[@class='ocr_carea'])")), QStringLiteral("2"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(//*[@class='ocr_line'])")), QStringLiteral("3"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(//*[@class='ocrx_word'])")), QStringLiteral("4"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(//*[@class='ocrx_word'][2]/@title)")),
              QStringLiteral("bbox 260 100 400 140; x_wconf 41"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(//*[@class='ocrx_word'][2])")), QStringLiteral("J.<Smith>&"));
    EXPECT_EQ(
        xpath(hocr, QStringLiteral("string(//*[@class='ocr_page']/@title)")),
        QStringLiteral("image \"images/report-1-2/page-0003.png\"; bbox 0 0 1000 2000; ppageno 2; scan_res 200 200"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string((//*[@class='ocrx_word'])[4]/@title)")),
              QStringLiteral("bbox 500 900 700 940"));
}

TEST(BundleFormats, AltoIsWellFormedV4WithStringsInLinesInBlocks)
{
    const QByteArray alto = pageToAlto(samplePage());
    QString out;
    ASSERT_EQ(xmllint(alto, {QStringLiteral("--noout")}, &out), 0) << qPrintable(out);
    const QString ns = QStringLiteral("http://www.loc.gov/standards/alto/ns-v4#");
    EXPECT_EQ(xpath(alto, QStringLiteral("namespace-uri(/*)")), ns);
    EXPECT_EQ(xpath(alto, QStringLiteral("string(//*[local-name()='MeasurementUnit'])")), QStringLiteral("pixel"));
    EXPECT_EQ(xpath(alto, QStringLiteral("count(//*[local-name()='Page']/*[local-name()='PrintSpace']/"
                                         "*[local-name()='TextBlock'])")),
              QStringLiteral("2"));
    EXPECT_EQ(xpath(alto, QStringLiteral("count(//*[local-name()='TextBlock']/*[local-name()='TextLine']/"
                                         "*[local-name()='String'])")),
              QStringLiteral("4"));
    EXPECT_EQ(xpath(alto, QStringLiteral("string(//*[local-name()='String'][@ID='string_2']/@CONTENT)")),
              QStringLiteral("J.<Smith>&"));
    EXPECT_EQ(xpath(alto, QStringLiteral("string(//*[local-name()='String'][@ID='string_2']/@WC)")),
              QStringLiteral("0.41"));
    EXPECT_EQ(xpath(alto, QStringLiteral("concat(//*[local-name()='String'][@ID='string_2']/@HPOS, ',', "
                                         "//*[local-name()='String'][@ID='string_2']/@WIDTH)")),
              QStringLiteral("260,140"));
    EXPECT_EQ(xpath(alto, QStringLiteral("string(//*[local-name()='Page']/@WIDTH)")), QStringLiteral("1000"));
    // The control character in a word is dropped, never written (XML 1.0 forbids it).
    EXPECT_EQ(xpath(alto, QStringLiteral("string(//*[local-name()='String'][@ID='string_3']/@CONTENT)")),
              QStringLiteral("事故"));
}

TEST(BundleFormats, AltoValidatesAgainstTheAlto44Schema)
{
    BundlePage empty = samplePage(); // a page without words: a PrintSpace with no blocks
    empty.words.clear();
    BundlePage unprocessed = samplePage(); // never rendered: no pixel size, no DPI, no confidences
    unprocessed.page.widthPx = unprocessed.page.heightPx = unprocessed.page.dpi = 0;
    for (auto& w : unprocessed.words)
        w.confidence.reset();
    BundlePage extremes = samplePage(); // confidences outside 0-100, an empty word, an inverted box
    extremes.words[0].confidence = 140.0;
    extremes.words[1].confidence = -3.0;
    extremes.words[2].text.clear();
    extremes.words[3].box = {700, 940, 500, 900};
    for (const BundlePage& p : {samplePage(), empty, unprocessed, extremes}) {
        const test::SchemaCheck check = test::validateAgainstSchema(pageToAlto(p), QStringLiteral("alto-4-4.xsd"));
        EXPECT_EQ(check.code, 0) << qPrintable(check.output);
    }
}

TEST(BundleFormats, AltoSchemaCheckRejectsAnInvalidAlto)
{
    // The schema checks prove something only if they can fail: an ALTO that is well-formed but breaks
    // the schema (a String without its required CONTENT; an element ALTO does not have) is rejected.
    const QByteArray alto = pageToAlto(samplePage());
    ASSERT_TRUE(alto.contains(" CONTENT=\"Officer\""));
    ASSERT_TRUE(alto.contains("<SP/>"));
    for (const QByteArray& broken :
         {QByteArray(alto).replace(" CONTENT=\"Officer\"", ""), QByteArray(alto).replace("<SP/>", "<Space/>")}) {
        ASSERT_EQ(xmllint(broken, {QStringLiteral("--noout")}), 0);
        const test::SchemaCheck check = test::validateAgainstSchema(broken, QStringLiteral("alto-4-4.xsd"));
        EXPECT_EQ(check.code, 3) << qPrintable(check.output);
    }
}

TEST(BundleFormats, CocoAndLabelStudioPiecesAssembleIntoValidJson)
{
    const BundlePage p = samplePage();
    std::vector<LabelRecord> labels(2);
    labels[0].name = QStringLiteral("PERSON");
    labels[1].name = QStringLiteral("DATE");
    const auto cats = cocoCategoryIds(labels);
    const QByteArray coco = cocoHead(labels, QStringLiteral("2026-01-01T00:00:00Z"))
                            + cocoAnnotations(p, 7, 100, cats, false) + cocoMiddle() + cocoImage(p, 7) + "]}";
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(coco, &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << qPrintable(error.errorString());
    const QJsonArray anns = o[QStringLiteral("annotations")].toArray();
    ASSERT_EQ(anns.size(), 4);
    EXPECT_EQ(anns[1][QStringLiteral("id")].toInt(), 101);
    EXPECT_EQ(anns[1][QStringLiteral("bbox")].toArray(), (QJsonArray{260, 100, 140, 40}));
    EXPECT_EQ(anns[1][QStringLiteral("category_id")].toInt(), cats.value(QStringLiteral("PERSON")));
    EXPECT_EQ(anns[0][QStringLiteral("category_id")].toInt(), 1);
    EXPECT_EQ(anns[1][QStringLiteral("text")].toString(), QStringLiteral("J.<Smith>&"));
    EXPECT_EQ(anns[1][QStringLiteral("page")].toInt(), 3);
    EXPECT_TRUE(anns[3][QStringLiteral("confidence")].isNull());
    EXPECT_EQ(o[QStringLiteral("categories")].toArray().size(), 3);
    EXPECT_EQ(o[QStringLiteral("images")][0][QStringLiteral("file_name")].toString(), p.imagePath);

    const QJsonObject task = QJsonDocument::fromJson(labelStudioTask(p, 7)).object();
    EXPECT_EQ(task[QStringLiteral("data")][QStringLiteral("ocr")].toString(), p.imagePath);
    const QJsonArray results = task[QStringLiteral("predictions")][0][QStringLiteral("result")].toArray();
    ASSERT_EQ(results.size(), 4 * 2 + 2); // rectangle + textarea per word, labels for the two labelled
    EXPECT_EQ(results[2][QStringLiteral("id")], results[3][QStringLiteral("id")]);
    EXPECT_EQ(results[3][QStringLiteral("id")], results[4][QStringLiteral("id")]);
    EXPECT_EQ(results[2][QStringLiteral("type")].toString(), QStringLiteral("rectangle"));
    EXPECT_EQ(results[3][QStringLiteral("type")].toString(), QStringLiteral("textarea"));
    EXPECT_EQ(results[4][QStringLiteral("type")].toString(), QStringLiteral("labels"));
    EXPECT_DOUBLE_EQ(results[2][QStringLiteral("value")][QStringLiteral("x")].toDouble(), 26.0);
    EXPECT_DOUBLE_EQ(results[2][QStringLiteral("value")][QStringLiteral("height")].toDouble(), 2.0);
    EXPECT_EQ(results[3][QStringLiteral("value")][QStringLiteral("text")].toArray()[0].toString(),
              QStringLiteral("J.<Smith>&"));
    EXPECT_EQ(results[4][QStringLiteral("value")][QStringLiteral("labels")].toArray()[0].toString(),
              QStringLiteral("PERSON"));

    BundlePage reviewed = p;
    reviewed.page.review = ReviewStatus::Reviewed;
    const QJsonObject rtask = QJsonDocument::fromJson(labelStudioTask(reviewed, 7)).object();
    EXPECT_TRUE(rtask.contains(QStringLiteral("annotations")));
    EXPECT_FALSE(rtask.contains(QStringLiteral("predictions")));
}

// A page read by two engines: word 12 is flagged and carries PP-OCR's reading; word 11 is Tesseract's,
// unflagged; the others (no engine) are as before.
BundlePage twoReaderPage()
{
    BundlePage p = samplePage();
    p.words[0].engine = QStringLiteral("tesseract");
    p.words[1].engine = QStringLiteral("tesseract");
    p.words[1].flagged = true;
    p.words[1].alternatives.push_back({QStringLiteral("ppocr"), QStringLiteral("J. <Smith>"), 87.5f});
    return p;
}

TEST(BundleFormats, HocrCarriesTheOtherReadingsAsAlternativesAndKeepsTheChosenConfidence)
{
    const QByteArray hocr = pageToHocr(twoReaderPage());
    QString out;
    ASSERT_EQ(xmllint(hocr, {QStringLiteral("--noout")}, &out), 0) << qPrintable(out) << hocr.constData();
    const QString word = QStringLiteral("//*[@class='ocrx_word'][2]");
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/@title)").arg(word)),
              QStringLiteral("bbox 260 100 400 140; x_wconf 41"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/@data-flagged)").arg(word)), QStringLiteral("true"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/@data-engine)").arg(word)), QStringLiteral("tesseract"));
    const QString alts = word + QStringLiteral("/*[@class='alternatives']");
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(%1/*)").arg(alts)), QStringLiteral("2"));
    // The chosen reading first (ins), then the other (del), each with its cost (100 - confidence).
    EXPECT_EQ(xpath(hocr, QStringLiteral("local-name(%1/*[1])").arg(alts)), QStringLiteral("ins"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/*[1]/@class)").arg(alts)), QStringLiteral("alt"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/*[1]/@title)").arg(alts)), QStringLiteral("x_cost 59"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/*[1])").arg(alts)), QStringLiteral("J.<Smith>&"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("local-name(%1/*[2])").arg(alts)), QStringLiteral("del"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/*[2]/@title)").arg(alts)), QStringLiteral("x_cost 12.5"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(%1/*[2])").arg(alts)), QStringLiteral("J. <Smith>"));
    // Words without other readings are plain text, unflagged words have no flag.
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(//*[@class='alternatives'])")), QStringLiteral("1"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("count(//*[@data-flagged])")), QStringLiteral("1"));
    EXPECT_EQ(xpath(hocr, QStringLiteral("string(//*[@class='ocrx_word'][1])")), QStringLiteral("Officer"));
}

TEST(BundleFormats, AltoCarriesTheOtherReadingsAsAlternativesAndValidates)
{
    const QByteArray alto = pageToAlto(twoReaderPage());
    const test::SchemaCheck check = test::validateAgainstSchema(alto, QStringLiteral("alto-4-4.xsd"));
    EXPECT_EQ(check.code, 0) << qPrintable(check.output) << alto.constData();
    const QString word = QStringLiteral("//*[local-name()='String'][@ID='string_2']");
    EXPECT_EQ(xpath(alto, QStringLiteral("string(%1/@CONTENT)").arg(word)), QStringLiteral("J.<Smith>&"));
    EXPECT_EQ(xpath(alto, QStringLiteral("string(%1/@WC)").arg(word)), QStringLiteral("0.41"));
    EXPECT_EQ(xpath(alto, QStringLiteral("count(%1/*[local-name()='ALTERNATIVE'])").arg(word)), QStringLiteral("1"));
    EXPECT_EQ(xpath(alto, QStringLiteral("string(%1/*[local-name()='ALTERNATIVE'])").arg(word)),
              QStringLiteral("J. <Smith>"));
    EXPECT_EQ(xpath(alto, QStringLiteral("string(%1/*[local-name()='ALTERNATIVE']/@PURPOSE)").arg(word)),
              QStringLiteral("ppocr"));
    EXPECT_EQ(xpath(alto, QStringLiteral("count(//*[local-name()='ALTERNATIVE'])")), QStringLiteral("1"));
}

TEST(BundleFormats, CocoAndLabelStudioCarryTheFlagAndTheOtherReadings)
{
    const BundlePage p = twoReaderPage();
    const auto cats = cocoCategoryIds({});
    const QByteArray coco = cocoHead({}, QStringLiteral("2026-01-01T00:00:00Z"))
                            + cocoAnnotations(p, 7, 100, cats, false) + cocoMiddle() + cocoImage(p, 7) + "]}";
    QJsonParseError error;
    const QJsonArray anns = QJsonDocument::fromJson(coco, &error).object()[QStringLiteral("annotations")].toArray();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << qPrintable(error.errorString());
    ASSERT_EQ(anns.size(), 4);
    const QJsonObject flagged = anns[1][QStringLiteral("attributes")].toObject();
    EXPECT_TRUE(flagged[QStringLiteral("flagged")].toBool());
    EXPECT_EQ(flagged[QStringLiteral("engine")].toString(), QStringLiteral("tesseract"));
    ASSERT_EQ(flagged[QStringLiteral("alternatives")].toArray().size(), 1);
    EXPECT_EQ(flagged[QStringLiteral("alternatives")][0].toObject(),
              (QJsonObject{{QStringLiteral("engine"), QStringLiteral("ppocr")},
                           {QStringLiteral("text"), QStringLiteral("J. <Smith>")},
                           {QStringLiteral("confidence"), 87.5}}));
    EXPECT_EQ(anns[1][QStringLiteral("confidence")].toDouble(), 41.0); // the chosen reading's
    const QJsonObject plain = anns[3][QStringLiteral("attributes")].toObject();
    EXPECT_FALSE(plain[QStringLiteral("flagged")].toBool());
    EXPECT_TRUE(plain[QStringLiteral("engine")].isNull());
    EXPECT_TRUE(plain[QStringLiteral("alternatives")].toArray().isEmpty());

    const QJsonObject task = QJsonDocument::fromJson(labelStudioTask(p, 7)).object();
    const QJsonArray results = task[QStringLiteral("predictions")][0][QStringLiteral("result")].toArray();
    ASSERT_EQ(results.size(), 4 * 2 + 2);
    // Every result of word 12 (rectangle, textarea, labels) carries the region's metadata.
    for (int i : {2, 3, 4}) {
        const QJsonObject meta = results[i][QStringLiteral("meta")].toObject();
        EXPECT_TRUE(meta[QStringLiteral("flagged")].toBool()) << i;
        EXPECT_EQ(meta[QStringLiteral("alternatives")][0][QStringLiteral("text")].toString(),
                  QStringLiteral("J. <Smith>"));
        EXPECT_EQ(meta[QStringLiteral("text")].toArray(),
                  (QJsonArray{QStringLiteral("flagged for review"), QStringLiteral("ppocr: J. <Smith> (87.5)")}));
    }
    EXPECT_FALSE(results[0][QStringLiteral("meta")][QStringLiteral("flagged")].toBool());
    EXPECT_EQ(results[0][QStringLiteral("meta")][QStringLiteral("engine")].toString(), QStringLiteral("tesseract"));
    EXPECT_FALSE(results[5].toObject().contains(QStringLiteral("meta"))); // no engine read it, nothing flagged
}

TEST(BundleFormats, MetricsRowCountsWords)
{
    const BundlePage p = samplePage();
    const PageStats s = pageStats(p, 60.0);
    EXPECT_EQ(s.words, 4);
    EXPECT_EQ(s.lowConfidence, 1);
    EXPECT_EQ(s.labelled, 2);
    EXPECT_EQ(s.edited, 1);
    EXPECT_EQ(s.withConfidence, 3);
    EXPECT_EQ(pagesCsvHeader(),
              QByteArray("document,page,kind,status,review,words,mean_confidence,low_confidence_words,"
                         "edited_words,labelled_words,render_ms,ocr_ms\n"));
    EXPECT_EQ(pagesCsvRow(p, s), QByteArray("report-1-2,3,scanned,done,new,4,75.1,1,1,2,0,0\n"));
}

TEST(BundleFormats, PngsDecodeToTheSamePixelsAsTheImagingEncoder)
{
    QImage grey(301, 97, QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x)
            grey.scanLine(y)[x] = static_cast<uchar>((x * 7 + y * 13) % 256);
    const QImage bin = binarize(grey);
    QImage fast, reference;
    ASSERT_TRUE(fast.loadFromData(encodeGreyPng(bin, true), "PNG"));
    ASSERT_TRUE(reference.loadFromData(encodeBilevelPng(bin), "PNG"));
    ASSERT_EQ(fast.size(), bin.size());
    EXPECT_EQ(fast.convertToFormat(QImage::Format_Grayscale8), reference.convertToFormat(QImage::Format_Grayscale8));
    QImage original;
    ASSERT_TRUE(original.loadFromData(encodeGreyPng(grey, false), "PNG"));
    EXPECT_EQ(original.convertToFormat(QImage::Format_Grayscale8), grey);
}

TEST(BundleFormats, VisualizationIsAJpegWithColouredBoxes)
{
    QImage grey(1000, 2000, QImage::Format_Grayscale8);
    grey.fill(255);
    const BundlePage p = samplePage();
    QHash<QString, QColor> colors{{QStringLiteral("PERSON"), QColor(QStringLiteral("#e6194b"))},
                                  {QStringLiteral("DATE"), QColor(QStringLiteral("#3cb44b"))}};
    const QByteArray jpeg = drawVisualization(grey, p, colors, 60.0, 1000);
    QImage img;
    ASSERT_TRUE(img.loadFromData(jpeg, "JPEG"));
    EXPECT_EQ(img.size(), QSize(500, 1000)); // long side capped at 1000
    // The DATE word's box edge (500,900)-(700,940) at half scale: greenish; its inside tinted.
    const QColor edge = img.pixelColor(300, 450);
    EXPECT_GT(edge.green(), edge.red() + 40) << qPrintable(edge.name());
    // Away from every box: still white.
    EXPECT_GT(qGray(img.pixel(450, 800)), 240);
}
