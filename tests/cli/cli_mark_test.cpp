// `incidoc-cli mark` as a script runs it: a word, an entity and a region of a page marked sensitive or not,
// read back from the project; a mark on the same word replacing the old one; what does not exist or does
// not fit refused with exit status 1 and nothing changed.
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/storage/storage_test_data.h"
#include "tests/support/cli_runner.h"

namespace incidoc {
namespace {

using test::CliRun;
using test::runCli;

class CliMarkTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto store = ProjectStore::open(project());
        ASSERT_TRUE(store.ok());
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/report.pdf");
        d.name = QStringLiteral("report.pdf");
        d.sha256 = QStringLiteral("aa11");
        d.importedAt = QDateTime::currentDateTimeUtc();
        std::vector<PageInfo> pages(2);
        pages[0].number = 1;
        pages[1].number = 2;
        const DocumentId doc = *(*store)->addDocument(d, pages);
        for (const PageRecord& p : *(*store)->pages(doc))
            page.push_back(p.id);
        ASSERT_TRUE(
            (*store)->storeOutcomes({test::doneOutcome(page[0], 12, 1), test::doneOutcome(page[1], 5, 2)}).ok());
        words = *(*store)->words(page[0]);
        otherPageWord = (*store)->words(page[1])->front().id;
        EntityRecord e;
        e.pageId = page[0];
        e.words = {words[4].id, words[5].id};
        entity = *(*store)->addEntity(e);
    }
    QString project() const { return m_dir.filePath(QStringLiteral("marks.incidoc")); }
    CliRun mark(const QStringList& args)
    {
        return runCli(QStringList{QStringLiteral("mark"), QStringLiteral("-p"), project()} + args, 120'000);
    }
    std::vector<RedactionMark> marks()
    {
        auto store = ProjectStore::open(project(), OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        return store ? *(*store)->redactionMarks() : std::vector<RedactionMark>{};
    }

    QTemporaryDir m_dir;
    std::vector<PageId> page;
    std::vector<WordRecord> words;
    WordId otherPageWord = 0;
    EntityId entity = 0;
};

TEST_F(CliMarkTest, AWordAnEntityAndARegionAreMarked)
{
    const QString pageId = QString::number(page[0]);
    CliRun r = mark({QStringLiteral("--page"), pageId, QStringLiteral("--word"), QString::number(words[2].id),
                     QStringLiteral("--type"), QStringLiteral("person_name"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("target")).toString(), QStringLiteral("word"));
    EXPECT_EQ(o.value(QStringLiteral("type")).toString(), QStringLiteral("person_name"));
    EXPECT_EQ(o.value(QStringLiteral("box")).toObject().value(QStringLiteral("x0")).toInt(), words[2].box.x0);

    r = mark({QStringLiteral("--page"), pageId, QStringLiteral("--entity"), QString::number(entity),
              QStringLiteral("--type"), QStringLiteral("address")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("sensitive (address)"))) << qPrintable(r.out);
    r = mark({QStringLiteral("--page"), pageId, QStringLiteral("--region"), QStringLiteral("100,2000,900,2200")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);

    std::vector<RedactionMark> m = marks();
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].word, words[2].id);
    EXPECT_EQ(m[0].type, SensitiveType::PersonName);
    EXPECT_EQ(m[1].entity, entity);
    EXPECT_EQ(m[1].box, words[4].box.united(words[5].box));
    EXPECT_EQ(m[2].target, MarkTarget::Region);
    EXPECT_EQ(m[2].box, (PixelBox{100, 2000, 900, 2200}));
    EXPECT_EQ(m[2].type, SensitiveType::Other);

    // The same word again, not sensitive: it replaces the first mark.
    r = mark({QStringLiteral("--page"), pageId, QStringLiteral("--word"), QString::number(words[2].id),
              QStringLiteral("--not-sensitive")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    m = marks();
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[2].word, words[2].id);
    EXPECT_FALSE(m[2].sensitive);
}

TEST_F(CliMarkTest, BadMarksAreRefusedAndChangeNothing)
{
    const QString pageId = QString::number(page[0]);
    const std::vector<QStringList> bad{
        {QStringLiteral("--word"), QString::number(words[0].id)}, // no page
        {QStringLiteral("--page"), pageId},                       // no target
        {QStringLiteral("--page"), pageId, QStringLiteral("--word"), QStringLiteral("1"), QStringLiteral("--region"),
         QStringLiteral("1,1,5,5")},                                                                   // two targets
        {QStringLiteral("--page"), pageId, QStringLiteral("--region"), QStringLiteral("10,10,10,40")}, // empty
        {QStringLiteral("--page"), pageId, QStringLiteral("--region"), QStringLiteral("1,2,3")},
        {QStringLiteral("--page"), pageId, QStringLiteral("--word"), QString::number(words[0].id),
         QStringLiteral("--type"), QStringLiteral("shoe_size")},
        {QStringLiteral("--page"), pageId, QStringLiteral("--word"), QString::number(words[0].id),
         QStringLiteral("--type"), QStringLiteral("phone"), QStringLiteral("--not-sensitive")},
        {QStringLiteral("--page"), pageId, QStringLiteral("--word"), QString::number(otherPageWord)}, // other page
        {QStringLiteral("--page"), pageId, QStringLiteral("--word"), QStringLiteral("987654")},
        {QStringLiteral("--page"), QStringLiteral("424242"), QStringLiteral("--region"), QStringLiteral("1,1,5,5")},
        {QStringLiteral("--page"), pageId, QStringLiteral("--entity"), QStringLiteral("x")},
    };
    for (const QStringList& args : bad) {
        const CliRun r = mark(args);
        EXPECT_EQ(r.exitCode, 1) << qPrintable(args.join(QLatin1Char(' ')));
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("error: "))) << qPrintable(r.err);
    }
    EXPECT_TRUE(marks().empty());
    const CliRun missing =
        runCli({QStringLiteral("mark"), QStringLiteral("-p"), m_dir.filePath(QStringLiteral("none.incidoc")),
                QStringLiteral("--page"), QStringLiteral("1"), QStringLiteral("--region"), QStringLiteral("1,1,5,5")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("none.incidoc"))));
}

} // namespace
} // namespace incidoc
