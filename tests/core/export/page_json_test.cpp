#include "core/export/page_json.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace incidoc;

namespace {

DocumentRecord doc(const QString& name)
{
    DocumentRecord d;
    d.id = 3;
    d.name = name;
    d.path = QStringLiteral("/in/") + name;
    d.sha256 = QStringLiteral("ab12");
    return d;
}

} // namespace

TEST(PageJson, FollowsTheSpec)
{
    PageRecord page;
    page.number = 2;
    page.widthPx = 2550;
    page.heightPx = 3300;
    page.dpi = 300;
    page.kind = PageKind::Scanned;
    page.status = PageStatus::Done;
    page.engine = QStringLiteral("tesseract 5.3.0 (eng)");
    WordRecord a;
    a.id = 10;
    a.text = QStringLiteral("Incident");
    a.box = {212, 180, 418, 236};
    a.confidence = 96.24;
    a.order = 4; // stored order may have gaps; the JSON's never does
    WordRecord b;
    b.id = 11;
    b.text = QStringLiteral("Smith");
    b.box = {430, 180, 520, 236};
    b.source = WordSource::User;
    b.labelName = QStringLiteral("PERSON");
    b.ocrText = QStringLiteral("Srnith");
    b.order = 9;
    const QJsonObject o = pageToJson(doc(QStringLiteral("report-0042.pdf")), page, {a, b});
    EXPECT_EQ(o[QStringLiteral("schema")].toString(), QStringLiteral("incidoc.page/1"));
    EXPECT_EQ(o[QStringLiteral("document")][QStringLiteral("name")].toString(), QStringLiteral("report-0042.pdf"));
    EXPECT_TRUE(o[QStringLiteral("document")][QStringLiteral("type")].isNull());
    EXPECT_TRUE(o[QStringLiteral("document")][QStringLiteral("type_source")].isNull());
    EXPECT_TRUE(o[QStringLiteral("document")][QStringLiteral("type_confidence")].isNull());
    EXPECT_EQ(o[QStringLiteral("page")][QStringLiteral("kind")].toString(), QStringLiteral("scanned"));
    EXPECT_EQ(o[QStringLiteral("page")][QStringLiteral("review")].toString(), QStringLiteral("new"));
    EXPECT_TRUE(o[QStringLiteral("page")][QStringLiteral("error")].isNull());
    EXPECT_TRUE(o[QStringLiteral("page")][QStringLiteral("failure")].isNull());
    EXPECT_TRUE(o[QStringLiteral("page")].toObject().contains(QStringLiteral("failure")));
    const QJsonArray words = o[QStringLiteral("words")].toArray();
    ASSERT_EQ(words.size(), 2);
    EXPECT_EQ(words[0][QStringLiteral("bbox")].toArray(), (QJsonArray{212, 180, 418, 236}));
    EXPECT_DOUBLE_EQ(words[0][QStringLiteral("confidence")].toDouble(), 96.2);
    EXPECT_EQ(words[0][QStringLiteral("order")].toInt(), 0);
    EXPECT_EQ(words[1][QStringLiteral("order")].toInt(), 1);
    EXPECT_TRUE(words[1][QStringLiteral("confidence")].isNull());
    EXPECT_EQ(words[1][QStringLiteral("source")].toString(), QStringLiteral("user"));
    EXPECT_EQ(words[1][QStringLiteral("label")].toString(), QStringLiteral("PERSON"));
    EXPECT_EQ(words[1][QStringLiteral("ocr_text")].toString(), QStringLiteral("Srnith"));
    EXPECT_TRUE(words[0][QStringLiteral("ocr_text")].isNull());
}

TEST(PageJson, TheDocumentSaysItsTypeAndHowItGotIt)
{
    PageRecord page;
    DocumentRecord predicted = doc(QStringLiteral("fax-0007.png"));
    predicted.type = QStringLiteral("fax");
    predicted.typeSource = TypeSource::Predicted;
    predicted.typeConfidence = 0.62;
    const QJsonObject a = pageToJson(predicted, page, {})[QStringLiteral("document")].toObject();
    EXPECT_EQ(a[QStringLiteral("type")].toString(), QStringLiteral("fax"));
    EXPECT_EQ(a[QStringLiteral("type_source")].toString(), QStringLiteral("predicted"));
    EXPECT_DOUBLE_EQ(a[QStringLiteral("type_confidence")].toDouble(), 0.62);

    DocumentRecord typed = predicted;
    typed.typeSource = TypeSource::User;
    const QJsonObject b = pageToJson(typed, page, {})[QStringLiteral("document")].toObject();
    EXPECT_EQ(b[QStringLiteral("type_source")].toString(), QStringLiteral("user"));
    EXPECT_TRUE(b[QStringLiteral("type_confidence")].isNull());
}

TEST(PageJson, EachWordSaysWhichEngineReadItWhetherItIsFlaggedAndTheOtherReadings)
{
    PageRecord page;
    page.status = PageStatus::Done;
    WordRecord a;
    a.id = 1;
    a.text = QStringLiteral("Smith");
    a.box = {10, 10, 90, 30};
    a.confidence = 71.0;
    a.engine = QStringLiteral("tesseract");
    a.flagged = true;
    a.alternatives.push_back({QStringLiteral("ppocr"), QStringLiteral("Srnith"), 87.54f});
    WordRecord b; // a text layer's word: no engine, nothing to look at
    b.id = 2;
    b.text = QStringLiteral("Report");
    b.box = {100, 10, 190, 30};
    b.source = WordSource::TextLayer;
    const QJsonArray words = pageToJson(doc(QStringLiteral("a.pdf")), page, {a, b})[QStringLiteral("words")].toArray();
    ASSERT_EQ(words.size(), 2);
    EXPECT_EQ(words[0][QStringLiteral("engine")].toString(), QStringLiteral("tesseract"));
    EXPECT_TRUE(words[0][QStringLiteral("flagged")].toBool());
    const QJsonArray alternatives = words[0][QStringLiteral("alternatives")].toArray();
    ASSERT_EQ(alternatives.size(), 1);
    EXPECT_EQ(alternatives[0].toObject(), (QJsonObject{{QStringLiteral("engine"), QStringLiteral("ppocr")},
                                                       {QStringLiteral("text"), QStringLiteral("Srnith")},
                                                       {QStringLiteral("confidence"), 87.5}}));
    EXPECT_TRUE(words[1][QStringLiteral("engine")].isNull());
    EXPECT_TRUE(words[1].toObject().contains(QStringLiteral("engine")));
    EXPECT_FALSE(words[1][QStringLiteral("flagged")].toBool());
    EXPECT_TRUE(words[1][QStringLiteral("flagged")].isBool());
    EXPECT_TRUE(words[1][QStringLiteral("alternatives")].isArray());
    EXPECT_TRUE(words[1][QStringLiteral("alternatives")].toArray().isEmpty());
}

TEST(PageJson, AFailedPageSaysWhyAndWhatKindOfFailure)
{
    PageRecord page;
    page.status = PageStatus::Failed;
    page.error = QStringLiteral("processing this page used more than 4096 MB of memory (the budget); skipped");
    for (FailureKind kind : {FailureKind::Error, FailureKind::Crash, FailureKind::Hang, FailureKind::Memory}) {
        page.failure = kind;
        const QJsonObject pg = pageToJson(doc(QStringLiteral("a.pdf")), page, {})[QStringLiteral("page")].toObject();
        EXPECT_EQ(pg[QStringLiteral("status")].toString(), QStringLiteral("failed"));
        EXPECT_EQ(pg[QStringLiteral("error")].toString(), page.error); // the reason, unchanged
        EXPECT_EQ(pg[QStringLiteral("failure")].toString(), toString(kind));
    }
}

TEST(PageJson, FolderNamesAreSafeAndUnique)
{
    std::vector<DocumentRecord> docs{
        doc(QStringLiteral("report.pdf")), doc(QStringLiteral("report.png")),
        doc(QStringLiteral("Report.tif")), doc(QStringLiteral("..pdf")),
        doc(QStringLiteral(".pdf")),       doc(QString(300, QChar(0x00e9)) + QStringLiteral(".pdf")),
        doc(QStringLiteral("a\\b:c.pdf")), doc(QStringLiteral("事故报告.pdf"))};
    const auto names = documentFolderNames(docs);
    EXPECT_EQ(names[0], QStringLiteral("report"));
    EXPECT_EQ(names[1], QStringLiteral("report-2"));
    EXPECT_EQ(names[2], QStringLiteral("Report-3")); // case-insensitive file systems must not collide
    QSet<QString> seen;
    for (const auto& n : names) {
        EXPECT_FALSE(n.isEmpty());
        EXPECT_NE(n, QStringLiteral("."));
        EXPECT_NE(n, QStringLiteral(".."));
        EXPECT_FALSE(n.contains(QLatin1Char('/')));
        EXPECT_FALSE(n.contains(QLatin1Char('\\')));
        EXPECT_LE(n.toUtf8().size(), 130);
        EXPECT_FALSE(seen.contains(n.toCaseFolded()));
        seen.insert(n.toCaseFolded());
    }
    EXPECT_EQ(names[7], QStringLiteral("事故报告"));
}

TEST(PageJson, DumpWritesEveryPage)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.incidoc"));
    auto store = std::move(ProjectStore::open(path)).value();
    DocumentRecord d = doc(QStringLiteral("a.pdf"));
    d.sha256 = QStringLiteral("0011");
    d.pageCount = 2;
    std::vector<PageInfo> pages(2);
    pages[1].number = 2;
    ASSERT_TRUE(store->addDocument(d, pages).ok());
    DocumentRecord e = doc(QStringLiteral("sub/a.png"));
    e.name = QStringLiteral("a.png");
    e.sha256 = QStringLiteral("0022");
    e.kind = DocumentKind::Image;
    e.pageCount = 1;
    ASSERT_TRUE(store->addDocument(e, {PageInfo{}}).ok());
    const QString out = dir.filePath(QStringLiteral("out"));
    auto report = dumpProject(*store, out);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->documents, 2);
    EXPECT_EQ(report->pages, 3);
    for (const QString& f : {QStringLiteral("a/page-0001.json"), QStringLiteral("a/page-0002.json"),
                             QStringLiteral("a-2/page-0001.json")}) {
        QFile file(QDir(out).filePath(f));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(f);
        const auto json = QJsonDocument::fromJson(file.readAll());
        EXPECT_EQ(json[QStringLiteral("schema")].toString(), QStringLiteral("incidoc.page/1"));
    }
}

TEST(PageJson, HoldsThePagesEntitiesAndLinks)
{
    PageRecord page;
    page.number = 1;
    WordRecord key, first, last;
    key.id = 1;
    key.text = QStringLiteral("Driver:");
    first.id = 2;
    first.text = QStringLiteral("Jonah");
    last.id = 3;
    last.text = QStringLiteral("Pritchard");
    PageForm form;
    EntityRecord q;
    q.id = 20;
    q.label = QStringLiteral("question");
    q.words = {1};
    q.text = QStringLiteral("Driver:");
    q.box = {10, 10, 60, 22};
    q.source = userSource();
    EntityRecord a;
    a.id = 21;
    a.label = QStringLiteral("answer");
    a.field = QStringLiteral("person_name");
    a.words = {2, 3};
    a.text = QStringLiteral("Jonah Pritchard");
    a.box = {70, 10, 190, 22};
    a.source = proposalSource();
    a.proposed = true;
    form.entities = {q, a};
    LinkRecord l;
    l.id = 5;
    l.from = 20;
    l.to = 21;
    form.links = {l};
    const QJsonObject o = pageToJson(doc(QStringLiteral("a.pdf")), page, {key, first, last}, form);
    const QJsonArray entities = o[QStringLiteral("entities")].toArray();
    ASSERT_EQ(entities.size(), 2);
    EXPECT_EQ(entities[0][QStringLiteral("label")].toString(), QStringLiteral("question"));
    EXPECT_TRUE(entities[0][QStringLiteral("field")].isNull());
    EXPECT_EQ(entities[1][QStringLiteral("field")].toString(), QStringLiteral("person_name"));
    EXPECT_EQ(entities[1][QStringLiteral("words")].toArray(), (QJsonArray{2, 3}));
    EXPECT_EQ(entities[1][QStringLiteral("text")].toString(), QStringLiteral("Jonah Pritchard"));
    EXPECT_EQ(entities[1][QStringLiteral("bbox")].toArray(), (QJsonArray{70, 10, 190, 22}));
    EXPECT_TRUE(entities[1][QStringLiteral("proposed")].toBool());
    const QJsonArray links = o[QStringLiteral("links")].toArray();
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0][QStringLiteral("from")].toInt(), 20);
    EXPECT_EQ(links[0][QStringLiteral("to")].toInt(), 21);
    EXPECT_EQ(links[0][QStringLiteral("type")].toString(), QStringLiteral("key_value"));
    // A page without a form has empty lists.
    const QJsonObject none = pageToJson(doc(QStringLiteral("a.pdf")), page, {key});
    EXPECT_TRUE(none[QStringLiteral("entities")].toArray().isEmpty());
    EXPECT_TRUE(none[QStringLiteral("links")].toArray().isEmpty());
}
