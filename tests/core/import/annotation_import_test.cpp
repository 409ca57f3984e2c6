// Annotations of the public FUNSD forms and of a Label Studio task imported into a project: the page's
// words, entities and links are the file's (texts, boxes, labels, ids, links), their source is recorded,
// and a bad file changes nothing.

#include "core/import/annotation_import.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

using test::testData;

class AnnotationImportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = ProjectStore::open(m_dir.filePath(QStringLiteral("import.incidoc")));
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        store = std::move(s).value();
    }

    // Registers an image file as a document of one page of its size; returns the page.
    PageId addImage(const QString& path)
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
        return store->pages(*doc)->front().id;
    }

    QString write(const QString& name, const QByteArray& content)
    {
        QFile f(m_dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return f.fileName();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> store;
    int m_documents = 0;
};

PixelBox boxOf(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()};
}

TEST_F(AnnotationImportTest, EveryFunsdEntityAndLinkIsThePagesFormAsTheFileHasIt)
{
    const QString images = testData(QStringLiteral("funsd/training_data/images"));
    const QString annotations = testData(QStringLiteral("funsd/training_data/annotations"));
    int forms = 0;
    for (const QString& image : QDir(images).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
        const QString imagePath = QDir(images).filePath(image);
        const PageId page = addImage(imagePath);
        const auto done = importAnnotations(*store, page, imagePath, annotations);
        ASSERT_TRUE(done.ok()) << image.toStdString() << ": " << done.error().message.toStdString();
        EXPECT_EQ(done->format, QStringLiteral("funsd"));
        EXPECT_TRUE(done->notes.isEmpty()) << done->notes.join(QLatin1Char('\n')).toStdString();

        const QJsonArray items = QJsonDocument::fromJson([&] {
                                     QFile f(done->file);
                                     EXPECT_TRUE(f.open(QIODevice::ReadOnly));
                                     return f.readAll();
                                 }())
                                     .object()
                                     .value(QLatin1String("form"))
                                     .toArray();
        const PageRecord record = *store->page(page);
        EXPECT_EQ(record.status, PageStatus::Done);
        EXPECT_EQ(record.engine, QStringLiteral("import:funsd"));
        const std::vector<WordRecord> words = *store->words(page);
        QHash<WordId, const WordRecord*> wordById;
        for (const WordRecord& w : words) {
            wordById.insert(w.id, &w);
            EXPECT_EQ(w.engine, QStringLiteral("import:funsd"));
            EXPECT_EQ(w.source, WordSource::Ocr);
            EXPECT_FALSE(w.reviewed);
        }
        EXPECT_EQ(int(words.size()), done->words);

        const PageForm form = *store->pageForm(page);
        ASSERT_EQ(int(form.entities.size()), items.size());
        QHash<QString, const EntityRecord*> byExternal;
        QHash<EntityId, QString> externalOf;
        for (const EntityRecord& e : form.entities) {
            byExternal.insert(e.externalId, &e);
            externalOf.insert(e.id, e.externalId);
        }
        QSet<QPair<QString, QString>> truthLinks;
        for (const QJsonValue& v : items) {
            const QJsonObject item = v.toObject();
            const QString id = QString::number(item.value(QLatin1String("id")).toInt());
            const EntityRecord* e = byExternal.value(id);
            ASSERT_NE(e, nullptr) << id.toStdString();
            EXPECT_EQ(e->label, item.value(QLatin1String("label")).toString());
            EXPECT_EQ(e->text, item.value(QLatin1String("text")).toString()) << id.toStdString();
            EXPECT_EQ(e->box, boxOf(item.value(QLatin1String("box")))) << id.toStdString();
            EXPECT_EQ(e->source, QStringLiteral("import:funsd"));
            EXPECT_FALSE(e->proposed);
            const QJsonArray itemWords = item.value(QLatin1String("words")).toArray();
            ASSERT_EQ(int(e->words.size()), itemWords.size()) << id.toStdString();
            for (int k = 0; k < itemWords.size(); ++k) {
                const WordRecord* w = wordById.value(e->words[size_t(k)]);
                ASSERT_NE(w, nullptr);
                EXPECT_EQ(w->text, itemWords[k].toObject().value(QLatin1String("text")).toString());
                EXPECT_EQ(w->box, boxOf(itemWords[k].toObject().value(QLatin1String("box"))));
            }
            for (const QJsonValue& p : item.value(QLatin1String("linking")).toArray())
                truthLinks.insert({QString::number(p.toArray()[0].toInt()), QString::number(p.toArray()[1].toInt())});
        }
        QSet<QPair<QString, QString>> links;
        for (const LinkRecord& l : form.links) {
            links.insert({externalOf.value(l.from), externalOf.value(l.to)});
            EXPECT_EQ(l.type, defaultLinkType());
            EXPECT_EQ(l.source, QStringLiteral("import:funsd"));
        }
        EXPECT_EQ(links, truthLinks) << image.toStdString();
        EXPECT_EQ(int(form.links.size()), truthLinks.size());
        ++forms;
    }
    EXPECT_EQ(forms, 10);
}

TEST_F(AnnotationImportTest, ABadFileOrNoFileChangesNothing)
{
    const QString image = testData(QStringLiteral("funsd/training_data/images/0000971160.png"));
    const PageId page = addImage(image);

    // No annotation beside the image: nothing happens.
    const auto none = importAnnotations(*store, page, image);
    ASSERT_TRUE(none.ok()) << none.error().message.toStdString();
    EXPECT_TRUE(none->file.isEmpty());

    // Links in a cycle: refused with the file's name, the page still queued without words or form.
    QJsonObject root = QJsonDocument::fromJson([&] {
                           QFile f(testData(QStringLiteral("funsd/training_data/annotations/0000971160.json")));
                           EXPECT_TRUE(f.open(QIODevice::ReadOnly));
                           return f.readAll();
                       }())
                           .object();
    QJsonArray form = root.value(QLatin1String("form")).toArray();
    QJsonObject item = form[1].toObject();
    item.insert(QStringLiteral("linking"), QJsonArray{QJsonArray{1, 2}, QJsonArray{2, 1}});
    form[1] = item;
    root.insert(QStringLiteral("form"), form);
    QDir().mkpath(m_dir.filePath(QStringLiteral("notes")));
    write(QStringLiteral("notes/0000971160.json"), QJsonDocument(root).toJson());
    const auto bad = importAnnotations(*store, page, image, m_dir.filePath(QStringLiteral("notes")));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(bad.error().message.startsWith(QStringLiteral("0000971160.json: ")))
        << bad.error().message.toStdString();
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("cycle")));
    EXPECT_EQ(store->page(page)->status, PageStatus::Queued);
    EXPECT_TRUE(store->words(page)->empty());
    EXPECT_TRUE(store->pageForm(page)->entities.empty());

    // A link from an entity to itself (one public FUNSD form has one): the rest is imported, that link is
    // left out with a note.
    item.insert(QStringLiteral("linking"), QJsonArray{QJsonArray{1, 1}});
    form[1] = item;
    root.insert(QStringLiteral("form"), form);
    write(QStringLiteral("notes/0000971160.json"), QJsonDocument(root).toJson());
    const auto self = importAnnotations(*store, page, image, m_dir.filePath(QStringLiteral("notes")));
    ASSERT_TRUE(self.ok()) << self.error().message.toStdString();
    ASSERT_EQ(self->notes.size(), 1);
    EXPECT_TRUE(self->notes[0].contains(QStringLiteral("to itself")));
    EXPECT_EQ(self->entities, 24);
    EXPECT_EQ(store->pageForm(page)->entities.size(), 24u);
}

TEST_F(AnnotationImportTest, LabelStudioPredictionsBecomeProposalsAndAPersonsWordsStay)
{
    const QString image = testData(QStringLiteral("funsd/training_data/images/0000971160.png"));
    const PageId page = addImage(image); // 762 x 1000
    // A person drew a word before the import, where the prediction has one.
    WordRecord drawn;
    drawn.text = QStringLiteral("Date:");
    drawn.box = {100, 300, 160, 320};
    ASSERT_TRUE(store->addUserWord(page, drawn).ok());

    const QByteArray task = R"({
      "id": 7, "data": {"image": "/data/upload/1/0c1d2e3f-0000971160.png"}, "annotations": [],
      "predictions": [{"model_version": "layoutlm-v3", "score": 0.8, "result": [
        {"id": "q1", "type": "rectangle", "from_name": "bbox", "to_name": "image", "original_width": 762,
         "original_height": 1000, "value": {"x": 13.12336, "y": 30, "width": 7.87402, "height": 2, "rotation": 0},
         "score": 0.9},
        {"id": "q1", "type": "textarea", "from_name": "transcription", "to_name": "image", "original_width": 762,
         "original_height": 1000, "value": {"x": 13.12336, "y": 30, "width": 7.87402, "height": 2, "rotation": 0,
         "text": ["Date :"]}},
        {"id": "q1", "type": "labels", "from_name": "label", "to_name": "image", "original_width": 762,
         "original_height": 1000, "value": {"x": 13.12336, "y": 30, "width": 7.87402, "height": 2, "rotation": 0,
         "labels": ["question"]}},
        {"id": "a1", "type": "rectangle", "from_name": "bbox", "to_name": "image", "original_width": 762,
         "original_height": 1000, "value": {"x": 23.62205, "y": 30, "width": 13.12336, "height": 2, "rotation": 0},
         "score": 0.7},
        {"id": "a1", "type": "textarea", "from_name": "transcription", "to_name": "image", "original_width": 762,
         "original_height": 1000, "value": {"x": 23.62205, "y": 30, "width": 13.12336, "height": 2, "rotation": 0,
         "text": ["07/22/1988"]}},
        {"id": "a1", "type": "labels", "from_name": "label", "to_name": "image", "original_width": 762,
         "original_height": 1000, "value": {"x": 23.62205, "y": 30, "width": 13.12336, "height": 2, "rotation": 0,
         "labels": ["answer"]}},
        {"from_id": "q1", "to_id": "a1", "type": "relation", "direction": "right"}
      ]}]
    })";
    QTemporaryDir images;
    const QString copy = images.filePath(QStringLiteral("0000971160.png"));
    ASSERT_TRUE(QFile::copy(image, copy));
    QFile f(images.filePath(QStringLiteral("0000971160.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(task);
    f.close();

    const auto done = importAnnotations(*store, page, copy);
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    EXPECT_EQ(done->format, QStringLiteral("label-studio"));
    ASSERT_EQ(done->notes.size(), 1); // the person's word stands in for the imported one under it
    const std::vector<WordRecord> words = *store->words(page);
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].text, QStringLiteral("Date:"));
    EXPECT_EQ(words[0].source, WordSource::User);
    EXPECT_EQ(words[1].text, QStringLiteral("07/22/1988"));
    EXPECT_EQ(words[1].box, (PixelBox{180, 300, 280, 320}));
    ASSERT_TRUE(words[1].confidence.has_value());
    EXPECT_NEAR(*words[1].confidence, 70.0, 1e-4);
    const PageForm form = *store->pageForm(page);
    ASSERT_EQ(form.entities.size(), 2u);
    EXPECT_TRUE(form.entities[0].proposed);
    EXPECT_EQ(form.entities[0].label, QStringLiteral("question"));
    EXPECT_EQ(form.entities[0].words, std::vector<WordId>{words[0].id});
    EXPECT_EQ(form.entities[0].externalId, QStringLiteral("q1"));
    EXPECT_EQ(form.entities[0].source, QStringLiteral("import:label-studio"));
    ASSERT_EQ(form.links.size(), 1u);
    EXPECT_TRUE(form.links[0].proposed);
    EXPECT_EQ(form.links[0].from, form.entities[0].id);
    EXPECT_EQ(form.links[0].to, form.entities[1].id);
}

} // namespace
} // namespace incidoc
