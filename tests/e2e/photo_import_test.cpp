// Photographed pages through `incidoc-cli` as a user runs it: a flat text page, phone-like photos of it
// (perspective onto a textured background, uneven light, blur, JPEG; ImageMagick; one with a corner out of
// frame) and a photo with no page in it, imported and OCR'd with real Tesseract. The photos are found to
// be photos, flattened, and read like the flat page; the page JSON carries the corners, status counts the
// photos, and the export draws the boxes back onto each photo.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>

#include "tests/support/cli_runner.h"
#include "tests/support/photo_factory.h"

namespace incidoc {
namespace {

/// Page JSON of every page under `dir` (from `dump`), by document name.
std::map<QString, QJsonObject> dumpedPages(const QString& dir)
{
    std::map<QString, QJsonObject> out;
    QDirIterator it(dir, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject page = QJsonDocument::fromJson(f.readAll()).object();
        out[page[QStringLiteral("document")].toObject()[QStringLiteral("name")].toString()] = page;
    }
    return out;
}

QStringList wordsOf(const QJsonObject& page)
{
    QStringList words;
    for (const QJsonValue& w : page[QStringLiteral("words")].toArray())
        words << w.toObject()[QStringLiteral("text")].toString();
    return test::longWords(words);
}

TEST(PhotoImport, PhotosAreFlattenedAndReadLikeTheFlatPage)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    dir.setAutoRemove(!qEnvironmentVariableIsSet("INCIDOC_KEEP_TEST_FILES")); // to look at the photos
    const test::TextPage flat = test::writeTextPage(dir.filePath(QStringLiteral("flat.png")), 5, 3);
    ASSERT_FALSE(flat.path.isEmpty());
    QString error;
    // A landscape shot of the whole page, and a portrait one with the top right corner out of frame.
    test::PhotoShot wide = test::slantedShot({2000, 1500}, 0.8, 11);
    ASSERT_TRUE(test::writePhoto(flat.path, dir.filePath(QStringLiteral("wide.jpg")), wide, &error))
        << qPrintable(error);
    test::PhotoShot cut = test::slantedShot({1500, 2000}, 0.5, 12);
    cut.corners = {QPointF(160, 190), QPointF(1560, 120), QPointF(1400, 1880), QPointF(90, 1840)};
    cut.background = QStringLiteral("plasma:grey70-tan");
    ASSERT_TRUE(test::writePhoto(flat.path, dir.filePath(QStringLiteral("cut.jpg")), cut, &error)) << qPrintable(error);
    // No page at all: a textured table.
    QProcess texture;
    texture.start(QStringLiteral("convert"),
                  {QStringLiteral("-seed"), QStringLiteral("4"), QStringLiteral("-size"), QStringLiteral("1600x1200"),
                   QStringLiteral("plasma:sienna-brown"), QStringLiteral("-quality"), QStringLiteral("80"),
                   dir.filePath(QStringLiteral("table.jpg"))});
    ASSERT_TRUE(texture.waitForFinished(60'000) && texture.exitCode() == 0);

    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    auto r = test::runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), project,
                           QStringLiteral("--profile"), QStringLiteral("fast"), flat.path,
                           dir.filePath(QStringLiteral("wide.jpg")), dir.filePath(QStringLiteral("cut.jpg")),
                           dir.filePath(QStringLiteral("table.jpg"))});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QString dumped = dir.filePath(QStringLiteral("dump"));
    r = test::runCli({QStringLiteral("dump"), QStringLiteral("-p"), project, QStringLiteral("-o"), dumped});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const auto pages = dumpedPages(dumped);
    ASSERT_EQ(pages.size(), 4u);

    // The flat page is no photo and is read as it is.
    const QJsonObject flatPage = pages.at(QStringLiteral("flat.png"));
    EXPECT_FALSE(flatPage[QStringLiteral("page")].toObject().contains(QStringLiteral("photo")));
    const QStringList reference = wordsOf(flatPage);
    ASSERT_GT(reference.size(), 60) << "the flat page must read well for the comparison to mean anything";
    EXPECT_GE(test::sharedWordShare(reference, test::longWords(flat.words)), 0.95);

    for (const QString name : {QStringLiteral("wide.jpg"), QStringLiteral("cut.jpg")}) {
        SCOPED_TRACE(qPrintable(name));
        const QJsonObject page = pages.at(name)[QStringLiteral("page")].toObject();
        const QJsonObject photo = page[QStringLiteral("photo")].toObject();
        EXPECT_EQ(photo[QStringLiteral("state")].toString(), QStringLiteral("flattened"));
        EXPECT_EQ(photo[QStringLiteral("corners")].toArray().size(), 4);
        EXPECT_FALSE(photo[QStringLiteral("manual")].toBool());
        // The flat page is upright and page-shaped.
        const double aspect = page[QStringLiteral("width")].toDouble() / page[QStringLiteral("height")].toDouble();
        EXPECT_GT(aspect, 0.69); // Letter 0.773 or A4 0.707: a photo's proportions are only so certain
        EXPECT_LT(aspect, 0.80);
        EXPECT_GE(test::sharedWordShare(wordsOf(pages.at(name)), reference), 0.90);
    }
    // A photo with no page: read as it is, never flattened.
    const QJsonObject table = pages.at(QStringLiteral("table.jpg"))[QStringLiteral("page")].toObject();
    EXPECT_NE(table[QStringLiteral("photo")].toObject()[QStringLiteral("state")].toString(),
              QStringLiteral("flattened"));

    const QJsonObject status = test::statusJson(project);
    EXPECT_EQ(status[QStringLiteral("photos")].toObject()[QStringLiteral("flattened")].toInt(), 2);

    // The export draws each photo's boxes back onto the photo.
    const QString zip = dir.filePath(QStringLiteral("out.zip"));
    r = test::runCli({QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), zip});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    QProcess list;
    list.start(QStringLiteral("unzip"), {QStringLiteral("-Z1"), zip});
    ASSERT_TRUE(list.waitForFinished(60'000));
    const QStringList entries = QString::fromUtf8(list.readAllStandardOutput()).split(QLatin1Char('\n'));
    EXPECT_EQ(entries.filter(QStringLiteral("-photo.jpg")).size(), 2) << qPrintable(entries.join(QLatin1Char(' ')));
}

} // namespace
} // namespace incidoc
