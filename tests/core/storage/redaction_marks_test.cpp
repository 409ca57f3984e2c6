// Redaction marks in the project (schema 7): a word, an entity or a region marked sensitive or not, with
// the target's box; a mark on the same target replacing the old one; undo and redo from the edit history
// putting marks back exactly; bad marks refused; marks going with their page and kept through a re-OCR;
// the project's redaction secret made once and kept; a schema-6 file migrated, and read-only as it is.
// Real SQLite project files.
#include "core/storage/project_store.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/storage/raw_db.h"
#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

class RedactionMarksTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        path = m_dir.filePath(QStringLiteral("marks.incidoc"));
        auto s = ProjectStore::open(path);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        store = std::move(s).value();
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/report.pdf");
        d.name = QStringLiteral("report.pdf");
        d.sha256 = QStringLiteral("ef56");
        d.importedAt = QDateTime::currentDateTimeUtc();
        std::vector<PageInfo> pages(2);
        pages[0].number = 1;
        pages[1].number = 2;
        doc = *store->addDocument(d, pages);
        for (const PageRecord& p : *store->pages(doc))
            page.push_back(p.id);
        ASSERT_TRUE(store->storeOutcomes({test::doneOutcome(page[0], 30, 1), test::doneOutcome(page[1], 20, 2)}).ok());
        words = *store->words(page[0]);
        ASSERT_EQ(words.size(), 30u);
    }

    RedactionMark wordMark(WordId word, SensitiveType type = SensitiveType::PersonName, PageId on = 0)
    {
        RedactionMark m;
        m.pageId = on ? on : page[0];
        m.target = MarkTarget::Word;
        m.word = word;
        m.type = type;
        return m;
    }

    RedactionMark regionMark(const PixelBox& box, SensitiveType type = SensitiveType::Signature)
    {
        RedactionMark m;
        m.pageId = page[0];
        m.target = MarkTarget::Region;
        m.box = box;
        m.type = type;
        return m;
    }

    std::vector<RedactionMark> marks(PageId p = 0) { return *store->redactionMarks(p); }
    long long lastGroup() { return store->edits(page[0])->back().groupId; }

    QTemporaryDir m_dir;
    QString path;
    std::unique_ptr<ProjectStore> store;
    DocumentId doc = 0;
    std::vector<PageId> page;
    std::vector<WordRecord> words;
};

bool sameMark(const RedactionMark& a, const RedactionMark& b)
{
    return a.id == b.id && a.pageId == b.pageId && a.target == b.target && a.word == b.word && a.entity == b.entity
           && a.box == b.box && a.sensitive == b.sensitive && a.type == b.type;
}

TEST_F(RedactionMarksTest, MarksKeepTheirTargetsBoxAndKind)
{
    auto w = store->addRedactionMark(wordMark(words[2].id));
    ASSERT_TRUE(w.ok()) << qPrintable(w.error().message);
    EntityRecord e;
    e.pageId = page[0];
    e.words = {words[5].id, words[6].id};
    const EntityId entity = *store->addEntity(e);
    RedactionMark em;
    em.pageId = page[0];
    em.target = MarkTarget::Entity;
    em.entity = entity;
    em.type = SensitiveType::Address;
    auto en = store->addRedactionMark(em);
    ASSERT_TRUE(en.ok()) << qPrintable(en.error().message);
    auto r = store->addRedactionMark(regionMark({100, 2000, 900, 2200}));
    ASSERT_TRUE(r.ok());
    RedactionMark notSensitive = wordMark(words[9].id, SensitiveType::Date);
    notSensitive.sensitive = false;
    ASSERT_TRUE(store->addRedactionMark(notSensitive).ok());

    const std::vector<RedactionMark> all = marks(page[0]);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].id, *w);
    EXPECT_EQ(all[0].target, MarkTarget::Word);
    EXPECT_EQ(all[0].word, words[2].id);
    EXPECT_EQ(all[0].box, words[2].box);
    EXPECT_EQ(all[0].type, SensitiveType::PersonName);
    EXPECT_TRUE(all[0].sensitive);
    EXPECT_EQ(all[1].target, MarkTarget::Entity);
    EXPECT_EQ(all[1].entity, entity);
    EXPECT_EQ(all[1].box, words[5].box.united(words[6].box));
    EXPECT_EQ(all[1].type, SensitiveType::Address);
    EXPECT_EQ(all[2].target, MarkTarget::Region);
    EXPECT_EQ(all[2].box, (PixelBox{100, 2000, 900, 2200}));
    EXPECT_EQ(all[2].type, SensitiveType::Signature);
    EXPECT_FALSE(all[3].sensitive);
    EXPECT_TRUE(marks(page[1]).empty());
    EXPECT_EQ(marks().size(), 4u);
    // Read back by a second connection: what is in the file.
    auto again = ProjectStore::open(path, OpenMode::ReadOnly);
    ASSERT_TRUE(again.ok());
    const auto reread = *(*again)->redactionMarks();
    ASSERT_EQ(reread.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_TRUE(sameMark(reread[i], all[i])) << i;
}

TEST_F(RedactionMarksTest, BadMarksAreRefused)
{
    EXPECT_EQ(store->addRedactionMark(wordMark(987654)).error().code, ErrorCode::NotFound);
    const WordId other = store->words(page[1])->front().id;
    EXPECT_EQ(store->addRedactionMark(wordMark(other)).error().code, ErrorCode::InvalidInput);
    RedactionMark unknownPage = regionMark({1, 1, 5, 5});
    unknownPage.pageId = 424242;
    EXPECT_EQ(store->addRedactionMark(unknownPage).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store->addRedactionMark(regionMark({10, 10, 10, 40})).error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(store->addRedactionMark(regionMark({50, 50, 20, 80})).error().code, ErrorCode::InvalidInput);
    RedactionMark em;
    em.pageId = page[0];
    em.target = MarkTarget::Entity;
    em.entity = 31337;
    EXPECT_EQ(store->addRedactionMark(em).error().code, ErrorCode::NotFound);
    EntityRecord e;
    e.pageId = page[1];
    e.words = {other};
    em.entity = *store->addEntity(e);
    EXPECT_EQ(store->addRedactionMark(em).error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(marks().empty());
}

TEST_F(RedactionMarksTest, AMarkOnTheSameTargetReplacesTheOldOneAndUndoBringsItBack)
{
    const RedactionMarkId first = *store->addRedactionMark(wordMark(words[4].id, SensitiveType::PersonName));
    const RedactionMarkId region = *store->addRedactionMark(regionMark({10, 10, 200, 60}));
    const std::vector<RedactionMark> before = marks();
    RedactionMark overruled = wordMark(words[4].id);
    overruled.sensitive = false;
    const RedactionMarkId second = *store->addRedactionMark(overruled);
    EXPECT_NE(second, first);
    std::vector<RedactionMark> now = marks();
    ASSERT_EQ(now.size(), 2u);
    EXPECT_EQ(now[0].id, region);
    EXPECT_EQ(now[1].id, second);
    EXPECT_FALSE(now[1].sensitive);
    // A region with the same box replaces; another box does not.
    ASSERT_TRUE(store->addRedactionMark(regionMark({10, 10, 200, 60}, SensitiveType::Photo)).ok());
    ASSERT_TRUE(store->addRedactionMark(regionMark({10, 10, 200, 61})).ok());
    EXPECT_EQ(marks().size(), 3u);
    // Undo the three groups: the marks as they were, ids included.
    const std::vector<EditRecord> edits = *store->edits(page[0]);
    std::vector<long long> groups;
    for (const EditRecord& e : edits)
        if (e.action == QLatin1String("redaction") && (groups.empty() || groups.back() != e.groupId))
            groups.push_back(e.groupId);
    ASSERT_EQ(groups.size(), 5u);
    ASSERT_TRUE(store->undoEditGroups({groups[2], groups[3], groups[4]}).ok());
    now = marks();
    ASSERT_EQ(now.size(), before.size());
    for (std::size_t i = 0; i < now.size(); ++i)
        EXPECT_TRUE(sameMark(now[i], before[i])) << i;
    ASSERT_TRUE(store->redoEditGroups({groups[2], groups[3], groups[4]}).ok());
    now = marks();
    ASSERT_EQ(now.size(), 3u);
    EXPECT_EQ(now[0].id, second);
    EXPECT_EQ(now[1].type, SensitiveType::Photo);
    EXPECT_EQ(now[2].box, (PixelBox{10, 10, 200, 61}));
}

TEST_F(RedactionMarksTest, DeletedMarksComeBackWithUndo)
{
    const RedactionMarkId a = *store->addRedactionMark(wordMark(words[1].id));
    const RedactionMarkId b = *store->addRedactionMark(regionMark({300, 300, 400, 400}));
    const std::vector<RedactionMark> before = marks();
    ASSERT_TRUE(store->deleteRedactionMarks({a, 999999, b, a}).ok());
    EXPECT_TRUE(marks().empty());
    const long long group = lastGroup();
    EXPECT_EQ(store->editGroup(group)->size(), 2u);
    ASSERT_TRUE(store->undoEditGroup(group).ok());
    const std::vector<RedactionMark> back = marks();
    ASSERT_EQ(back.size(), 2u);
    EXPECT_TRUE(sameMark(back[0], before[0]));
    EXPECT_TRUE(sameMark(back[1], before[1]));
    ASSERT_TRUE(store->redoEditGroup(group).ok());
    EXPECT_TRUE(marks().empty());
    // Nothing to delete: no edit recorded.
    const std::size_t count = store->edits(page[0])->size();
    ASSERT_TRUE(store->deleteRedactionMarks({123456}).ok());
    EXPECT_EQ(store->edits(page[0])->size(), count);
}

TEST_F(RedactionMarksTest, MarksInOneGroupWithOtherEditsUndoTogether)
{
    const long long group = *store->beginEditGroup();
    ASSERT_TRUE(store->addRedactionMark(wordMark(words[7].id), group).ok());
    ASSERT_TRUE(store->addRedactionMark(wordMark(words[8].id), group).ok());
    ASSERT_TRUE(store->updateWordText(words[7].id, QStringLiteral("Pritchard"), group).ok());
    ASSERT_TRUE(store->undoEditGroup(group).ok());
    EXPECT_TRUE(marks().empty());
    EXPECT_EQ(store->word(words[7].id)->value().text, words[7].text);
    ASSERT_TRUE(store->redoEditGroup(group).ok());
    EXPECT_EQ(marks().size(), 2u);
}

TEST_F(RedactionMarksTest, MarksGoWithTheirPageAndStayThroughAReocr)
{
    ASSERT_TRUE(store->addRedactionMark(wordMark(words[3].id)).ok());
    ASSERT_TRUE(
        store->addRedactionMark(wordMark(store->words(page[1])->front().id, SensitiveType::Phone, page[1])).ok());
    // The page read again: its words replaced; the mark keeps its box (it finds the new word there).
    ASSERT_TRUE(store->storeOutcomes({test::doneOutcome(page[0], 25, 7)}).ok());
    const std::vector<RedactionMark> kept = marks(page[0]);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].box, words[3].box);
    // Removing the document takes its pages' marks.
    ASSERT_TRUE(store->removeDocument(doc).ok());
    EXPECT_TRUE(marks().empty());
    test::RawDb raw(path);
    EXPECT_EQ(raw.text("SELECT count(*) FROM redaction_marks"), QStringLiteral("0"));
}

TEST_F(RedactionMarksTest, TheSecretIsMadeOnceAndKept)
{
    auto secret = store->redactionSecret();
    ASSERT_TRUE(secret.ok()) << qPrintable(secret.error().message);
    EXPECT_EQ(secret->size(), 32);
    EXPECT_NE(*secret, QByteArray(32, '\0'));
    EXPECT_EQ(*store->redactionSecret(), *secret);
    EXPECT_EQ(store->meta(QStringLiteral("redaction_secret"))->value(), QString::fromLatin1(secret->toHex()));
    store.reset();
    auto readOnly = ProjectStore::open(path, OpenMode::ReadOnly);
    ASSERT_TRUE(readOnly.ok());
    EXPECT_EQ(*(*readOnly)->redactionSecret(), *secret);

    // Another project: another secret.
    auto other = ProjectStore::open(m_dir.filePath(QStringLiteral("other.incidoc")));
    ASSERT_TRUE(other.ok());
    EXPECT_NE(*(*other)->redactionSecret(), *secret);
}

TEST_F(RedactionMarksTest, AReadOnlyProjectWithoutASecretSaysWhatToDo)
{
    store.reset();
    auto readOnly = ProjectStore::open(path, OpenMode::ReadOnly);
    ASSERT_TRUE(readOnly.ok());
    const QByteArray bytes = test::fileBytes(path);
    auto secret = (*readOnly)->redactionSecret();
    ASSERT_FALSE(secret.ok());
    EXPECT_EQ(secret.error().code, ErrorCode::Io);
    EXPECT_TRUE(secret.error().message.contains(QStringLiteral("read-only"))) << qPrintable(secret.error().message);
    EXPECT_FALSE((*readOnly)->addRedactionMark(wordMark(words[0].id)).ok());
    EXPECT_EQ(test::fileBytes(path), bytes);
}

TEST_F(RedactionMarksTest, ASchema6FileReadOnlyHasNoMarksAndMigratedGetsThem)
{
    store.reset();
    {
        // The file as schema 6 left it: no redaction_marks table, user_version 6.
        test::RawDb raw(path);
        raw.exec("DROP TABLE redaction_marks; PRAGMA user_version = 6;");
    }
    {
        auto old = ProjectStore::open(path, OpenMode::ReadOnly);
        ASSERT_TRUE(old.ok()) << qPrintable(old.error().message);
        EXPECT_EQ((*old)->schemaVersion(), 6);
        auto none = (*old)->redactionMarks();
        ASSERT_TRUE(none.ok()) << qPrintable(none.error().message);
        EXPECT_TRUE(none->empty());
        EXPECT_TRUE((*old)->redactionMarks(page[0])->empty());
        EXPECT_EQ((*old)->redactionSecret().error().code, ErrorCode::Io);
        EXPECT_EQ((*old)->addRedactionMark(wordMark(words[0].id)).error().code, ErrorCode::InvalidInput);
        EXPECT_EQ((*old)->words(page[0])->size(), 30u);
    }
    auto migrated = ProjectStore::open(path);
    ASSERT_TRUE(migrated.ok()) << qPrintable(migrated.error().message);
    EXPECT_EQ((*migrated)->schemaVersion(), 7);
    EXPECT_EQ((*migrated)->words(page[0])->size(), 30u);
    auto id = (*migrated)->addRedactionMark(wordMark(words[0].id));
    ASSERT_TRUE(id.ok()) << qPrintable(id.error().message);
    EXPECT_EQ((*migrated)->redactionMarks()->size(), 1u);
    EXPECT_EQ((*migrated)->redactionSecret()->size(), 32);
}

} // namespace
