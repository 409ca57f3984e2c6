// Annotations imported with their images (core/import/annotation_layer.h), on the public FUNSD forms:
// each form's file becomes its page's words, entities and links, and the page exported as FUNSD again is
// the file (every entity's id, text, box, label and words, every link). A bad file changes nothing and
// says why; an image without a file is left to the OCR.

#include "core/export/bundle_page.h"
#include "core/export/format_funsd.h"
#include "core/import/annotation_layer.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <set>

#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

using test::testData;

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

QJsonArray formOf(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object().value(QLatin1String("form")).toArray();
}

std::set<std::pair<int, int>> pairsOf(const QJsonArray& linking)
{
    std::set<std::pair<int, int>> s;
    for (const QJsonValue& p : linking)
        s.insert({p.toArray()[0].toInt(), p.toArray()[1].toInt()});
    return s;
}

class AnnotationLayerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = ProjectStore::open(m_dir.filePath(QStringLiteral("layer.incidoc")));
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        store = std::move(s).value();
    }

    // Registers an image file as a document of one page of its size, as the importer does.
    DocumentId addImage(const QString& path)
    {
        DocumentRecord d;
        d.path = path;
        d.name = QFileInfo(path).fileName();
        d.sha256 = QString::number(++m_documents);
        d.kind = DocumentKind::Image;
        d.pageCount = 1;
        d.importedAt = QDateTime::currentDateTimeUtc();
        const QSize size = QImageReader(path).size();
        PageInfo info;
        info.widthPx = size.width();
        info.heightPx = size.height();
        const auto doc = store->addDocument(d, {info});
        EXPECT_TRUE(doc.ok());
        return doc.ok() ? *doc : 0;
    }

    PageRecord firstPage(DocumentId doc) { return store->pages(doc)->front(); }

    // The page as the export sees it.
    BundlePage bundlePage(DocumentId doc)
    {
        BundlePage p;
        p.document = *store->document(doc);
        p.page = firstPage(doc);
        p.words = *store->words(p.page.id);
        const PageForm form = *store->pageForm(p.page.id);
        p.entities = form.entities;
        p.links = form.links;
        return p;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> store;
    int m_documents = 0;
};

TEST_F(AnnotationLayerTest, ThePublicFormsImportedAndExportedAsFunsdComeBackIdentical)
{
    const QDir images(testData(QStringLiteral("funsd/training_data/images")));
    const QString annotations = testData(QStringLiteral("funsd/training_data/annotations"));
    std::vector<std::pair<DocumentId, QString>> added;
    for (const QString& name : images.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
        added.push_back({addImage(images.filePath(name)), images.filePath(name)});
    ASSERT_EQ(added.size(), 10u);

    const std::vector<AnnotationImport> done = applyAnnotations(*store, added, annotations);
    ASSERT_EQ(done.size(), 10u);
    int entities = 0, links = 0;
    for (size_t i = 0; i < done.size(); ++i) {
        const AnnotationImport& a = done[i];
        ASSERT_TRUE(a.applied) << a.annotationPath.toStdString() << ": " << a.error.toStdString();
        EXPECT_EQ(a.format, QStringLiteral("funsd"));
        EXPECT_EQ(a.document, added[i].first);

        const PageRecord page = firstPage(a.document);
        EXPECT_EQ(page.status, PageStatus::Done); // no OCR needed
        EXPECT_EQ(page.engine, QStringLiteral("import:funsd"));
        const BundlePage p = bundlePage(a.document);
        for (const WordRecord& w : p.words)
            EXPECT_EQ(w.engine, QStringLiteral("import:funsd"));
        for (const EntityRecord& e : p.entities)
            EXPECT_EQ(e.source, QStringLiteral("import:funsd"));
        for (const LinkRecord& l : p.links)
            EXPECT_EQ(l.source, QStringLiteral("import:funsd"));

        const QJsonArray original = formOf(readBytes(a.annotationPath));
        const QJsonArray exported = formOf(pageToFunsd(p));
        ASSERT_EQ(exported.size(), original.size()) << a.annotationPath.toStdString();
        // Entities come out sorted by their imported ids; FUNSD files list them by id too.
        for (int k = 0; k < original.size(); ++k) {
            const QJsonObject o = original[k].toObject(), e = exported[k].toObject();
            for (const char* key : {"id", "text", "box", "label", "words"})
                EXPECT_EQ(o.value(QLatin1String(key)), e.value(QLatin1String(key)))
                    << a.annotationPath.toStdString() << " entity " << k << " " << key;
            EXPECT_EQ(pairsOf(o.value(QLatin1String("linking")).toArray()),
                      pairsOf(e.value(QLatin1String("linking")).toArray()))
                << a.annotationPath.toStdString() << " entity " << k;
        }
        entities += a.entities;
        links += a.links;
    }
    // Counted with an independent script over the same ten files.
    EXPECT_EQ(entities, 559);
    EXPECT_EQ(links, 346);
}

TEST_F(AnnotationLayerTest, ABadFileChangesNothingAndSaysWhyAnImageWithoutOneIsLeftToTheOcr)
{
    const QString image = testData(QStringLiteral("funsd/training_data/images/0000971160.png"));
    const DocumentId doc = addImage(image);

    // No annotation beside the image: nothing to apply.
    EXPECT_TRUE(applyAnnotations(*store, {{doc, image}}).empty());

    // Links in a cycle: refused with the reason; the page stays queued, without words or form.
    QJsonObject root =
        QJsonDocument::fromJson(readBytes(testData(QStringLiteral("funsd/training_data/annotations/0000971160.json"))))
            .object();
    QJsonArray form = root.value(QLatin1String("form")).toArray();
    QJsonObject item = form[1].toObject();
    item.insert(QStringLiteral("linking"), QJsonArray{QJsonArray{1, 2}, QJsonArray{2, 1}});
    form[1] = item;
    root.insert(QStringLiteral("form"), form);
    const QString notes = m_dir.filePath(QStringLiteral("notes"));
    QDir().mkpath(notes);
    QFile f(QDir(notes).filePath(QStringLiteral("0000971160.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(root).toJson());
    f.close();

    const std::vector<AnnotationImport> bad = applyAnnotations(*store, {{doc, image}}, notes);
    ASSERT_EQ(bad.size(), 1u);
    EXPECT_FALSE(bad[0].applied);
    EXPECT_EQ(bad[0].annotationPath, f.fileName());
    EXPECT_TRUE(bad[0].error.contains(QStringLiteral("cycle"))) << bad[0].error.toStdString();
    const PageRecord page = firstPage(doc);
    EXPECT_EQ(page.status, PageStatus::Queued);
    EXPECT_TRUE(store->words(page.id)->empty());
    EXPECT_TRUE(store->pageForm(page.id)->entities.empty());
}

} // namespace
} // namespace incidoc
