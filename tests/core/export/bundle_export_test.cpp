// exportBundle() on real projects (generated PDFs and an image imported and processed by the real
// pipeline): contents, filters, the consistent snapshot, cancel, and errors that leave no file.
// Full validation of a bundle by Python's zipfile, unzip and xmllint is in tests/e2e/export_test.cpp.

#include "core/export/bundle_export.h"
#include "core/export/form_checks.h"
#include "core/export/format_training.h"
#include "core/import/file_registration.h"
#include "core/pipeline/pipeline.h"
#include "core/storage/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <mutex>

#include "tests/support/pdf_factory.h"
#include "tests/support/xml_schema.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

QByteArray unzipEntry(const QString& zip, const QString& name)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, name});
    p.waitForFinished(60'000);
    return p.readAllStandardOutput();
}

QStringList unzipList(const QString& zip)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-Z1"), zip});
    p.waitForFinished(60'000);
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray fileSha(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

/// A processed project: "Report é #1.pdf" (3 text-layer pages), "report 1.pdf" (1 page, same slug stem)
/// and "scan.png" (an image, OCR'd). Words labelled PERSON on page 1; page 2 reviewed.
class ExportProject : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const QString a = s_dir->filePath(QStringLiteral("Report é #1.pdf"));
        const QString b = s_dir->filePath(QStringLiteral("report 1.pdf"));
        const QString c = s_dir->filePath(QStringLiteral("scan.png"));
        ASSERT_TRUE(writeTextPdf(a, sampleParagraphPages(3, 5)));
        ASSERT_TRUE(writeTextPdf(b, sampleParagraphPages(1, 9)));
        QImage img = renderTextImage(sampleParagraphPages(1, 3)[0].lines.mid(0, 6), 150);
        ASSERT_TRUE(img.save(c, "PNG"));
        s_sources = {a, b, c};
        {
            auto store = ProjectStore::open(projectPath());
            ASSERT_TRUE(store.ok());
            const ImportReport report = registerFiles(**store, s_sources);
            ASSERT_EQ(report.added, 3);
        }
        PipelineOptions options;
        options.jobs = 2;
        auto pipeline = Pipeline::create(projectPath(), options);
        ASSERT_TRUE(pipeline.ok());
        {
            auto store = ProjectStore::open(projectPath());
            (*pipeline)->enqueue(*(*store)->jobs(PageStatus::Queued));
        }
        const PipelineStats stats = (*pipeline)->wait();
        ASSERT_EQ(stats.done, 5);
        auto store = ProjectStore::open(projectPath());
        auto docs = *(*store)->documents();
        auto pages = *(*store)->pages(docs[0].id);
        auto words = *(*store)->words(pages[0].id);
        auto labels = *(*store)->labels();
        ASSERT_GE(words.size(), 5u);
        ASSERT_TRUE((*store)->setWordsLabel({words[0].id, words[1].id}, labels[0].id).ok());
        ASSERT_TRUE((*store)->setPageReview(pages[1].id, ReviewStatus::Reviewed).ok());
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QString projectPath() { return s_dir->filePath(QStringLiteral("p.incidoc")); }

    static QTemporaryDir* s_dir;
    static QStringList s_sources;
};
QTemporaryDir* ExportProject::s_dir = nullptr;
QStringList ExportProject::s_sources;

} // namespace

TEST_F(ExportProject, BundleHoldsEveryPageInEveryFormatWithPixelSizesAndLabels)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("bundle.zip"));
    ExportOptions o;
    o.jobs = 2;
    o.formats.lines = o.formats.crops = true; // every format, the opt-in ones too
    std::mutex m;
    ExportProgress last;
    int calls = 0;
    auto report = exportBundle(projectPath(), zip, o, {}, [&](const ExportProgress& p) {
        std::lock_guard g(m);
        last = p;
        ++calls;
    });
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);
    EXPECT_EQ(report->pages, 5);
    EXPECT_EQ(report->documents, 3);
    EXPECT_GT(calls, 4);
    EXPECT_EQ(last.pagesWritten, 5);
    for (int i = 0; i < kExportPhaseCount; ++i) {
        EXPECT_EQ(last.phases[i].done, last.phases[i].total) << qPrintable(toString(ExportPhase(i)));
        EXPECT_GT(last.phases[i].total, 0) << qPrintable(toString(ExportPhase(i)));
    }
    EXPECT_EQ(QFileInfo(zip).size(), static_cast<qint64>(report->bytes));

    const QStringList names = unzipList(zip);
    EXPECT_EQ(static_cast<quint64>(names.size()), report->entries);
    const QStringList slugs{QStringLiteral("Report-e-1"), QStringLiteral("report-1"), QStringLiteral("scan")};
    const std::vector<int> counts{3, 1, 1};
    for (int d = 0; d < 3; ++d) {
        for (int n = 1; n <= counts[d]; ++n) {
            const QString stem = QStringLiteral("%1/page-%2").arg(slugs[d]).arg(n, 4, 10, QLatin1Char('0'));
            for (const QString& e : {QStringLiteral("documents/%1.json"), QStringLiteral("images/%1.png"),
                                     QStringLiteral("visualizations/%1.jpg"), QStringLiteral("hocr/%1.hocr"),
                                     QStringLiteral("alto/%1.xml")})
                EXPECT_TRUE(names.contains(e.arg(stem))) << qPrintable(e.arg(stem));
            const QJsonObject page =
                QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("documents/%1.json").arg(stem))).object();
            QImage image;
            ASSERT_TRUE(image.loadFromData(unzipEntry(zip, QStringLiteral("images/%1.png").arg(stem)), "PNG"));
            EXPECT_EQ(image.width(), page[QStringLiteral("page")][QStringLiteral("width")].toInt()) << qPrintable(stem);
            EXPECT_EQ(image.height(), page[QStringLiteral("page")][QStringLiteral("height")].toInt())
                << qPrintable(stem);
            EXPECT_EQ(image.depth(), 1);
        }
    }
    // The image document keeps its own pixel grid.
    QImage scan;
    ASSERT_TRUE(scan.load(s_sources[2]));
    QImage exported;
    ASSERT_TRUE(exported.loadFromData(unzipEntry(zip, QStringLiteral("images/scan/page-0001.png")), "PNG"));
    EXPECT_EQ(exported.size(), scan.size());
    for (const QString& e :
         {QStringLiteral("coco.json"), QStringLiteral("labelstudio.json"), QStringLiteral("metrics/pages.csv"),
          QStringLiteral("metrics/summary.json"), QStringLiteral("README.md"), QStringLiteral("manifest.json")})
        EXPECT_TRUE(names.contains(e)) << qPrintable(e);
    EXPECT_EQ(names.constLast(), QStringLiteral("manifest.json"));

    const QJsonObject first =
        QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("documents/Report-e-1/page-0001.json"))).object();
    EXPECT_EQ(first[QStringLiteral("words")][0][QStringLiteral("label")].toString(), QStringLiteral("PERSON"));
    const QJsonObject summary =
        QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("metrics/summary.json"))).object();
    EXPECT_EQ(summary[QStringLiteral("labelled_words")].toInt(), 2);
    EXPECT_EQ(summary[QStringLiteral("pages_by_review")][QStringLiteral("reviewed")].toInt(), 1);
    const QJsonObject manifest = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("manifest.json"))).object();
    EXPECT_EQ(manifest[QStringLiteral("entries")].toArray().size(), names.size() - 1);
    EXPECT_EQ(manifest[QStringLiteral("documents")][0][QStringLiteral("sha256")].toString().toLatin1(),
              fileSha(s_sources[0]));
    EXPECT_FALSE(manifest[QStringLiteral("engines")][QStringLiteral("tesseract")].toString().isEmpty());
    EXPECT_EQ(manifest[QStringLiteral("settings")][QStringLiteral("binarization")].toString(),
              QStringLiteral("adaptive-gaussian 11 2"));
    // Nothing but the bundle is left beside it.
    EXPECT_EQ(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("bundle.zip")});
}

// A copy of the project whose scanned image page is stored as two engines read it: the flags and the
// other readings reach every format of the bundle from the project file.
TEST_F(ExportProject, TheEnginesFlagsAndOtherReadingsReachEveryFormat)
{
    QTemporaryDir out;
    const QString copy = out.filePath(QStringLiteral("two-readers.incidoc"));
    ASSERT_TRUE(QFile::copy(projectPath(), copy));
    QString firstText, otherText;
    {
        auto store = ProjectStore::open(copy);
        ASSERT_TRUE(store.ok()) << qPrintable(store.error().message);
        ProjectStore& s = **store;
        const DocumentId scan = s.documents()->back().id;
        const PageRecord page = s.pages(scan)->front();
        const std::vector<WordRecord> words = *s.words(page.id);
        ASSERT_GE(words.size(), 2u);
        PageOutcome o;
        o.pageId = page.id;
        o.kind = page.kind;
        o.widthPx = page.widthPx;
        o.heightPx = page.heightPx;
        o.dpi = page.dpi;
        o.engine = page.engine;
        for (std::size_t i = 0; i < words.size(); ++i) {
            RecognizedWord r;
            r.text = words[i].text;
            r.box = words[i].box;
            r.confidence = static_cast<float>(words[i].confidence.value_or(90.0));
            r.block = words[i].block;
            r.line = words[i].line;
            r.engine = QStringLiteral("tesseract");
            if (i == 0) {
                r.flagged = true;
                r.alternatives.push_back({QStringLiteral("ppocr"), words[i].text + QStringLiteral("&"), 66.6f});
            }
            o.result.words.push_back(std::move(r));
        }
        firstText = words[0].text;
        otherText = firstText + QStringLiteral("&");
        ASSERT_TRUE(s.markProcessing({page.id}).ok());
        ASSERT_TRUE(s.storeOutcomes({o}).ok());
    }
    const QString zip = out.filePath(QStringLiteral("bundle.zip"));
    ExportOptions o;
    o.jobs = 2;
    o.images = ExportImages::None;
    o.visualizations = false;
    o.documents = {3};
    auto report = exportBundle(copy, zip, o);
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);

    const QJsonArray words = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("documents/scan/page-0001.json")))
                                 .object()[QStringLiteral("words")]
                                 .toArray();
    ASSERT_GE(words.size(), 2);
    EXPECT_EQ(words[0][QStringLiteral("engine")].toString(), QStringLiteral("tesseract"));
    EXPECT_TRUE(words[0][QStringLiteral("flagged")].toBool());
    EXPECT_EQ(words[0][QStringLiteral("alternatives")][0][QStringLiteral("text")].toString(), otherText);
    EXPECT_DOUBLE_EQ(words[0][QStringLiteral("alternatives")][0][QStringLiteral("confidence")].toDouble(), 66.6);
    EXPECT_FALSE(words[1][QStringLiteral("flagged")].toBool());
    EXPECT_TRUE(words[1][QStringLiteral("alternatives")].toArray().isEmpty());

    const QByteArray hocr = unzipEntry(zip, QStringLiteral("hocr/scan/page-0001.hocr"));
    EXPECT_TRUE(
        hocr.contains("<del class=\"alt\" title=\"x_cost 33.4\">" + otherText.toHtmlEscaped().toUtf8() + "</del>"))
        << hocr.constData();
    const QByteArray alto = unzipEntry(zip, QStringLiteral("alto/scan/page-0001.xml"));
    EXPECT_TRUE(
        alto.contains("<ALTERNATIVE PURPOSE=\"ppocr\">" + otherText.toHtmlEscaped().toUtf8() + "</ALTERNATIVE>"));
    const SchemaCheck check = validateAgainstSchema(alto, QStringLiteral("alto-4-4.xsd"));
    EXPECT_EQ(check.code, 0) << qPrintable(check.output);

    const QJsonObject coco = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("coco.json"))).object();
    const QJsonObject first = coco[QStringLiteral("annotations")][0][QStringLiteral("attributes")].toObject();
    EXPECT_TRUE(first[QStringLiteral("flagged")].toBool());
    EXPECT_EQ(first[QStringLiteral("alternatives")][0][QStringLiteral("engine")].toString(), QStringLiteral("ppocr"));
    const QJsonArray tasks = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("labelstudio.json"))).array();
    ASSERT_EQ(tasks.size(), 1);
    const QJsonObject region =
        tasks[0][QStringLiteral("predictions")][0][QStringLiteral("result")][0][QStringLiteral("meta")].toObject();
    EXPECT_TRUE(region[QStringLiteral("flagged")].toBool());
    EXPECT_EQ(region[QStringLiteral("alternatives")][0][QStringLiteral("text")].toString(), otherText);
}

TEST_F(ExportProject, EveryAltoFileOfTheBundleValidatesAgainstTheAlto44Schema)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("bundle.zip"));
    ExportOptions o;
    o.jobs = 2;
    o.images = ExportImages::None;
    o.visualizations = false;
    auto report = exportBundle(projectPath(), zip, o);
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);
    QStringList alto;
    for (const QString& name : unzipList(zip)) {
        if (!name.startsWith(QLatin1String("alto/")))
            continue;
        const QString path = out.filePath(QStringLiteral("x/") + name);
        ASSERT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(unzipEntry(zip, name));
        alto << path;
    }
    EXPECT_EQ(alto.size(), report->pages);
    const SchemaCheck check = validateAgainstSchema(alto, QStringLiteral("alto-4-4.xsd"));
    EXPECT_EQ(check.code, 0) << qPrintable(check.output);
}

// FUNSD, PAGE XML and the training sets from the project: the training sets render the pages even when the
// bundle holds no page images, each document's samples land in its split, and every PAGE file validates.
TEST_F(ExportProject, FormAndTrainingFormatsOfTheProject)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("train.zip"));
    ExportOptions o;
    o.jobs = 2;
    o.images = ExportImages::None;
    o.visualizations = false;
    o.formats = *ExportFormats::parse(QStringLiteral("funsd,page,lines,crops"));
    ExportProgress last;
    std::mutex m;
    auto report = exportBundle(projectPath(), zip, o, {}, [&](const ExportProgress& p) {
        std::lock_guard g(m);
        last = p;
    });
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);
    for (ExportPhase phase :
         {ExportPhase::Funsd, ExportPhase::PageXml, ExportPhase::Lines, ExportPhase::Crops, ExportPhase::Bundle}) {
        EXPECT_GT(last.phase(phase).total, 0) << qPrintable(toString(phase));
        EXPECT_EQ(last.phase(phase).done, last.phase(phase).total) << qPrintable(toString(phase));
    }
    const QStringList names = unzipList(zip);
    EXPECT_TRUE(names.filter(QRegularExpression(QStringLiteral("^(images|documents|alto)/"))).isEmpty());
    EXPECT_EQ(names.filter(QRegularExpression(QStringLiteral("^funsd/.*/page-\\d{4}\\.json$"))).size(), 5);
    QStringList pageXml;
    for (const QString& name : names.filter(QRegularExpression(QStringLiteral("^page/.*\\.xml$")))) {
        const QString path = out.filePath(QStringLiteral("x/") + name);
        ASSERT_TRUE(QDir().mkpath(QFileInfo(path).path()));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(unzipEntry(zip, name));
        pageXml << path;
    }
    ASSERT_EQ(pageXml.size(), 5);
    const SchemaCheck check = validateAgainstSchema(pageXml, QStringLiteral("pagecontent-2019-07-15.xsd"));
    EXPECT_EQ(check.code, 0) << qPrintable(check.output);
    // Each document's samples in its split, named after it; each line image with its transcription.
    const QJsonObject manifest = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("manifest.json"))).object();
    for (const auto& d : manifest[QStringLiteral("documents")].toArray()) {
        const QString slug = d[QStringLiteral("slug")].toString();
        const QString split = toString(documentSplit(d[QStringLiteral("sha256")].toString()));
        const QStringList lines =
            names.filter(QRegularExpression(QStringLiteral("^lines/[a-z]+/%1-p\\d{4}-l\\d{3}\\.png$").arg(slug)));
        ASSERT_FALSE(lines.isEmpty()) << qPrintable(slug);
        for (const QString& line : lines) {
            EXPECT_TRUE(line.startsWith(QStringLiteral("lines/%1/").arg(split))) << qPrintable(line);
            QString gt = line;
            gt.replace(QStringLiteral(".png"), QStringLiteral(".gt.txt"));
            EXPECT_FALSE(unzipEntry(zip, gt).trimmed().isEmpty()) << qPrintable(gt);
        }
        QImage first;
        ASSERT_TRUE(first.loadFromData(unzipEntry(zip, lines.first()), "PNG"));
        EXPECT_GT(first.width(), first.height());
        EXPECT_FALSE(
            names.filter(QRegularExpression(QStringLiteral("^crops/%1/%2-p0001-w\\d{4}\\.png$").arg(split, slug)))
                .isEmpty())
            << qPrintable(slug);
    }
    int labelled = 0;
    for (const QString& labels : names.filter(QRegularExpression(QStringLiteral("^crops/[a-z]+/labels\\.txt$")))) {
        for (const QString& line :
             QString::fromUtf8(unzipEntry(zip, labels)).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString image = line.section(QLatin1Char('\t'), 0, 0);
            EXPECT_TRUE(image.startsWith(labels.section(QLatin1Char('/'), 0, 1) + QLatin1Char('/')))
                << qPrintable(line);
            EXPECT_TRUE(names.contains(image)) << qPrintable(line);
            EXPECT_FALSE(line.section(QLatin1Char('\t'), 1).isEmpty()) << qPrintable(line);
            ++labelled;
        }
    }
    EXPECT_EQ(labelled, names.filter(QRegularExpression(QStringLiteral("^crops/.*\\.png$"))).size());
    EXPECT_GT(labelled, 30);
}

// A copy of the project with a form on the scanned page (a key linked to a typed value): the form reaches
// FUNSD, PAGE XML, Label Studio and the incident records from the project file.
TEST_F(ExportProject, AStoredFormReachesFunsdPageXmlLabelStudioAndTheRecords)
{
    QTemporaryDir out;
    const QString copy = out.filePath(QStringLiteral("form.incidoc"));
    ASSERT_TRUE(QFile::copy(projectPath(), copy));
    QString keyText, valueText;
    {
        auto store = ProjectStore::open(copy);
        ASSERT_TRUE(store.ok()) << qPrintable(store.error().message);
        ProjectStore& s = **store;
        const DocumentId scan = s.documents()->back().id;
        const PageRecord page = s.pages(scan)->front();
        const std::vector<WordRecord> words = *s.words(page.id);
        ASSERT_GE(words.size(), 3u);
        PageForm form;
        EntityRecord key;
        key.pageId = page.id;
        key.label = QStringLiteral("question");
        key.words = {words[0].id};
        EntityRecord value;
        value.pageId = page.id;
        value.label = QStringLiteral("answer");
        value.field = QStringLiteral("case_number");
        value.words = {words[1].id, words[2].id};
        form.entities = {key, value};
        LinkRecord link;
        link.from = 0;
        link.to = 1;
        form.links = {link};
        ASSERT_TRUE(s.addForm(page.id, form).ok());
        // The project's own case number pattern, which accepts two words the default shape rejects.
        ASSERT_TRUE(s.setMeta(QString::fromLatin1(kCaseNumberPatternKey), QStringLiteral(".+ .+")).ok());
        keyText = words[0].text;
        valueText = words[1].text + QLatin1Char(' ') + words[2].text;
    }
    const QString zip = out.filePath(QStringLiteral("form.zip"));
    ExportOptions o;
    o.jobs = 2;
    o.images = ExportImages::None;
    o.visualizations = false;
    o.documents = {3};
    o.formats = *ExportFormats::parse(QStringLiteral("funsd,page,labelstudio,records"));
    auto report = exportBundle(copy, zip, o);
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);

    const QJsonArray form = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("funsd/scan/page-0001.json")))
                                .object()[QStringLiteral("form")]
                                .toArray();
    ASSERT_GE(form.size(), 3);
    EXPECT_EQ(form[0][QStringLiteral("text")].toString(), keyText);
    EXPECT_EQ(form[0][QStringLiteral("label")].toString(), QStringLiteral("question"));
    EXPECT_EQ(form[0][QStringLiteral("linking")].toArray(), (QJsonArray{QJsonArray{0, 1}}));
    EXPECT_EQ(form[1][QStringLiteral("text")].toString(), valueText);
    EXPECT_EQ(form[1][QStringLiteral("words")].toArray().size(), 2);
    EXPECT_EQ(form[2][QStringLiteral("label")].toString(), QStringLiteral("other")); // a word in no entity

    const QByteArray xml = unzipEntry(zip, QStringLiteral("page/scan/page-0001.xml"));
    EXPECT_EQ(validateAgainstSchema(xml, QStringLiteral("pagecontent-2019-07-15.xsd")).code, 0);
    EXPECT_TRUE(xml.contains("<Relation id=\"rel_1\" type=\"link\" custom=\"key_value\">")) << xml.constData();

    const QJsonArray tasks = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("labelstudio.json"))).array();
    ASSERT_EQ(tasks.size(), 1);
    int relations = 0;
    for (const auto& r : tasks[0][QStringLiteral("predictions")][0][QStringLiteral("result")].toArray())
        relations += r[QStringLiteral("type")] == QStringLiteral("relation") ? 1 : 0;
    EXPECT_EQ(relations, 1);

    const QJsonObject record = QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("records/scan.json"))).object();
    const QJsonArray fields = record[QStringLiteral("fields")].toArray();
    ASSERT_EQ(fields.size(), 1) << unzipEntry(zip, QStringLiteral("records/scan.json")).constData();
    EXPECT_EQ(fields[0][QStringLiteral("field")].toString(), QStringLiteral("case_number"));
    EXPECT_EQ(fields[0][QStringLiteral("value")].toString(), valueText);
    EXPECT_EQ(fields[0][QStringLiteral("key")].toString(), keyText);
    EXPECT_EQ(fields[0][QStringLiteral("page")].toInt(), 1);
    EXPECT_FALSE(checkField(QStringLiteral("case_number"), valueText).valid);
    EXPECT_TRUE(fields[0][QStringLiteral("valid")].toBool())
        << qPrintable(fields[0][QStringLiteral("problem")].toString());
    const QList<QByteArray> csv = unzipEntry(zip, QStringLiteral("records.csv")).split('\n');
    ASSERT_GE(csv.size(), 2);
    EXPECT_TRUE(csv[1].startsWith("scan,1,case_number,")) << csv[1].constData();
}

TEST_F(ExportProject, OptionsSelectDocumentsReviewedPagesFormatsAndImages)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("sel.zip"));
    ExportOptions o;
    o.jobs = 1;
    o.reviewedOnly = true;
    o.images = ExportImages::Original;
    o.visualizations = false;
    o.formats = *ExportFormats::parse(QStringLiteral("json,coco"));
    auto report = exportBundle(projectPath(), zip, o);
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);
    EXPECT_EQ(report->pages, 1);
    QStringList names = unzipList(zip);
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("README.md"), QStringLiteral("coco.json"),
                                  QStringLiteral("documents/Report-e-1/page-0002.json"),
                                  QStringLiteral("images/Report-e-1/page-0002.png"), QStringLiteral("manifest.json")}));
    QImage grey;
    ASSERT_TRUE(grey.loadFromData(unzipEntry(zip, QStringLiteral("images/Report-e-1/page-0002.png")), "PNG"));
    EXPECT_EQ(grey.depth(), 8);

    ExportOptions d;
    d.documents = {3};
    d.images = ExportImages::None;
    ASSERT_TRUE(exportBundle(projectPath(), zip, d).ok());
    names = unzipList(zip);
    EXPECT_TRUE(names.contains(QStringLiteral("documents/scan/page-0001.json")));
    EXPECT_FALSE(names.contains(QStringLiteral("documents/report-1/page-0001.json")));
    EXPECT_FALSE(names.join(QLatin1Char(' ')).contains(QStringLiteral("images/")));

    d.documents = {42};
    auto missing = exportBundle(projectPath(), zip, d);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("42")));
}

TEST_F(ExportProject, ReadsOneSnapshotWhileAnAnnotatorKeepsEditing)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("snap.zip"));
    auto editor = ProjectStore::open(projectPath());
    ASSERT_TRUE(editor.ok());
    auto docs = *(*editor)->documents();
    // The last page (the image): with one job, four pages are in flight at most, so its words are read
    // only after the first page is written, when the edit below has been made.
    const auto pages = *(*editor)->pages(docs[2].id);
    const auto lastWords = *(*editor)->words(pages[0].id);
    const QString before = lastWords[0].text;
    ExportOptions o;
    o.jobs = 1;
    o.images = ExportImages::None;
    o.visualizations = false;
    bool edited = false;
    Status editStatus = okStatus();
    auto report = exportBundle(projectPath(), zip, o, {}, [&](const ExportProgress& p) {
        // After the first page is in the archive, an annotator changes a word of the last page.
        if (!edited && p.pagesWritten == 1) {
            edited = true;
            editStatus = (*editor)->updateWordText(lastWords[0].id, QStringLiteral("EDITED-DURING-EXPORT"));
        }
    });
    ASSERT_TRUE(report.ok()) << qPrintable(report.error().message);
    ASSERT_TRUE(edited);
    EXPECT_TRUE(editStatus.ok()) << qPrintable(editStatus.error().message); // the export never blocks editing
    const QJsonObject page3 =
        QJsonDocument::fromJson(unzipEntry(zip, QStringLiteral("documents/scan/page-0001.json"))).object();
    EXPECT_EQ(page3[QStringLiteral("words")][0][QStringLiteral("text")].toString(), before);
    EXPECT_EQ((*(*editor)->word(lastWords[0].id))->text, QStringLiteral("EDITED-DURING-EXPORT"));
    ASSERT_TRUE((*editor)->updateWordText(lastWords[0].id, before).ok());
}

TEST_F(ExportProject, CancelLeavesTheOldBundleIntactAndNoPartialFile)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("old.zip"));
    {
        QFile f(zip);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("the old bundle");
    }
    CancelToken cancel;
    ExportOptions o;
    o.jobs = 2;
    auto report = exportBundle(projectPath(), zip, o, cancel, [&](const ExportProgress& p) {
        if (p.pagesWritten >= 1)
            cancel.cancel();
    });
    ASSERT_FALSE(report.ok());
    EXPECT_TRUE(report.error().isCancelled());
    QFile f(zip);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("the old bundle"));
    EXPECT_EQ(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("old.zip")});
}

TEST_F(ExportProject, StalePartialsOfDeadProcessesAreRemoved)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("b.zip"));
    // pid 2^22 + 1 is above Linux's pid_max ceiling: no process can have it.
    const QString stale = out.filePath(QStringLiteral(".b.zip.4194305.incidoc-partial"));
    const QString other = out.filePath(QStringLiteral(".c.zip.4194305.incidoc-partial")); // another destination's
    for (const QString& p : {stale, other}) {
        QFile f(p);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("PK half a bundle");
    }
    ExportOptions o;
    o.images = ExportImages::None;
    o.visualizations = false;
    ASSERT_TRUE(exportBundle(projectPath(), zip, o).ok());
    EXPECT_FALSE(QFile::exists(stale));
    EXPECT_TRUE(QFile::exists(other));
}

TEST_F(ExportProject, UnwritableDestinationIsAClearError)
{
    ExportOptions o;
    auto noFolder = exportBundle(projectPath(), QStringLiteral("/nonexistent-folder/x/b.zip"), o);
    ASSERT_FALSE(noFolder.ok());
    EXPECT_EQ(noFolder.error().code, ErrorCode::Io);
    EXPECT_TRUE(noFolder.error().message.contains(QStringLiteral("does not exist")))
        << qPrintable(noFolder.error().message);
    // /proc accepts no new files, even from root.
    auto proc = exportBundle(projectPath(), QStringLiteral("/proc/b.zip"), o);
    ASSERT_FALSE(proc.ok());
    EXPECT_EQ(proc.error().code, ErrorCode::Io);
    EXPECT_TRUE(proc.error().message.startsWith(QStringLiteral("cannot write /proc/b.zip")))
        << qPrintable(proc.error().message);
    EXPECT_FALSE(QFile::exists(QStringLiteral("/proc/b.zip")));
    QTemporaryDir out;
    auto folder = exportBundle(projectPath(), out.path(), o);
    ASSERT_FALSE(folder.ok());
    EXPECT_TRUE(folder.error().message.contains(QStringLiteral("folder"))) << qPrintable(folder.error().message);
    auto noProject =
        exportBundle(out.filePath(QStringLiteral("none.incidoc")), out.filePath(QStringLiteral("b.zip")), o);
    ASSERT_FALSE(noProject.ok());
    EXPECT_EQ(noProject.error().code, ErrorCode::NotFound);
}

TEST(BundleExport, APageThatCannotBeRenderedFailsTheExportLeavingNoFileAndTheProjectUntouched)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("gone.pdf"));
    ASSERT_TRUE(writeTextPdf(pdf, sampleParagraphPages(2, 1)));
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        ASSERT_EQ(registerFiles(**store, {pdf}).added, 1);
    }
    {
        auto pipeline = Pipeline::create(project, {});
        ASSERT_TRUE(pipeline.ok());
        auto store = ProjectStore::open(project);
        (*pipeline)->enqueue(*(*store)->jobs(PageStatus::Queued));
        ASSERT_EQ((*pipeline)->wait().done, 2);
    }
    // The source is damaged after import: its pages can no longer be rendered.
    {
        QFile f(pdf);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("%PDF-1.4\nthis is no longer a PDF\n");
    }
    const QByteArray before = fileSha(project);
    const QString zip = dir.filePath(QStringLiteral("b.zip"));
    auto report = exportBundle(project, zip, ExportOptions{});
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().code, ErrorCode::Engine);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("gone.pdf"))) << qPrintable(report.error().message);
    EXPECT_FALSE(QFile::exists(zip));
    EXPECT_EQ(QDir(dir.path()).entryList({QStringLiteral("*partial*")}, QDir::Files | QDir::Hidden), QStringList{});
    EXPECT_EQ(fileSha(project), before);
    // Without page images or visualizations, nothing needs rendering: the export works.
    ExportOptions textOnly;
    textOnly.images = ExportImages::None;
    textOnly.visualizations = false;
    EXPECT_TRUE(exportBundle(project, zip, textOnly).ok());
}
