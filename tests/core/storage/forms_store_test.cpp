// Forms in the project: entities and links added, changed and deleted with undo and redo from the edit
// history; words deleted leave their entities (an entity left empty goes with its links, undoably);
// re-OCR keeps entities where their words are kept; older files have no forms.
#include "core/storage/project_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

class FormsStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = ProjectStore::open(m_dir.filePath(QStringLiteral("forms.incidoc")));
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        store = std::move(s).value();
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/report.pdf");
        d.name = QStringLiteral("report.pdf");
        d.sha256 = QStringLiteral("cd34");
        d.importedAt = QDateTime::currentDateTimeUtc();
        std::vector<PageInfo> pages(2);
        pages[0].number = 1;
        pages[1].number = 2;
        auto doc = store->addDocument(d, pages);
        ASSERT_TRUE(doc.ok());
        for (const PageRecord& p : *store->pages(*doc))
            page.push_back(p.id);
        ASSERT_TRUE(store->storeOutcomes({test::doneOutcome(page[0], 30, 1), test::doneOutcome(page[1], 20, 2)}).ok());
        words = *store->words(page[0]);
        ASSERT_EQ(words.size(), 30u);
    }

    EntityRecord entityOf(std::vector<WordId> ids, const QString& label = {})
    {
        EntityRecord e;
        e.pageId = page[0];
        e.words = std::move(ids);
        e.label = label;
        return e;
    }

    PageForm form() { return *store->pageForm(page[0]); }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> store;
    std::vector<PageId> page;
    std::vector<WordRecord> words;
};

TEST_F(FormsStoreTest, AnEntityHasItsWordsTextAndBoxAndUndoRemovesIt)
{
    auto id = store->addEntity(entityOf({words[1].id, words[2].id}, QStringLiteral("answer")));
    ASSERT_TRUE(id.ok()) << qPrintable(id.error().message);
    PageForm f = form();
    ASSERT_EQ(f.entities.size(), 1u);
    const EntityRecord& e = f.entities[0];
    EXPECT_EQ(e.id, *id);
    EXPECT_EQ(e.label, QStringLiteral("answer"));
    EXPECT_EQ(e.source, userSource());
    EXPECT_EQ(e.text, words[1].text + QLatin1Char(' ') + words[2].text);
    EXPECT_EQ(e.box.x0, std::min(words[1].box.x0, words[2].box.x0));
    EXPECT_EQ(e.box.x1, std::max(words[1].box.x1, words[2].box.x1));
    const long long group = store->edits(page[0])->back().groupId;
    ASSERT_TRUE(store->undoEditGroup(group).ok());
    EXPECT_TRUE(form().entities.empty());
    ASSERT_TRUE(store->redoEditGroup(group).ok());
    ASSERT_EQ(form().entities.size(), 1u);
    EXPECT_EQ(form().entities[0].id, *id);
    EXPECT_EQ(form().entities[0].words, (std::vector<WordId>{words[1].id, words[2].id}));
}

TEST_F(FormsStoreTest, BadEntitiesAndLinksAreRefused)
{
    EXPECT_EQ(store->addEntity(entityOf({})).error().code, ErrorCode::InvalidInput);
    const WordId other = store->words(page[1])->front().id;
    EXPECT_EQ(store->addEntity(entityOf({words[0].id, other})).error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(store->addEntity(entityOf({987654})).error().code, ErrorCode::NotFound);
    const EntityId a = *store->addEntity(entityOf({words[0].id}));
    LinkRecord self;
    self.from = a;
    self.to = a;
    EXPECT_EQ(store->addLink(self).error().code, ErrorCode::InvalidInput);
    EntityRecord onTwo;
    onTwo.pageId = page[1];
    onTwo.words = {other};
    const EntityId b = *store->addEntity(onTwo);
    LinkRecord across;
    across.from = a;
    across.to = b;
    EXPECT_EQ(store->addLink(across).error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(form().links.empty());
}

TEST_F(FormsStoreTest, AWordJoiningAnEntityLeavesItsOldOne)
{
    const EntityId a = *store->addEntity(entityOf({words[0].id, words[1].id}));
    const EntityId b = *store->addEntity(entityOf({words[1].id, words[2].id}));
    PageForm f = form();
    ASSERT_EQ(f.entities.size(), 2u);
    EXPECT_EQ(store->entity(a)->value().words, std::vector<WordId>{words[0].id});
    EXPECT_EQ(store->entity(b)->value().words, (std::vector<WordId>{words[1].id, words[2].id}));
    // Undo of b's group gives word 1 back to a.
    ASSERT_TRUE(store->undoEditGroup(store->edits(page[0])->back().groupId).ok());
    EXPECT_EQ(store->entity(a)->value().words, (std::vector<WordId>{words[0].id, words[1].id}));
    EXPECT_FALSE(store->entity(b)->has_value());
}

TEST_F(FormsStoreTest, LinksJoinEntitiesAndGoWithThem)
{
    const EntityId key = *store->addEntity(entityOf({words[0].id}, QStringLiteral("question")));
    const EntityId value = *store->addEntity(entityOf({words[1].id, words[2].id}, QStringLiteral("answer")));
    LinkRecord l;
    l.from = key;
    l.to = value;
    auto link = store->addLink(l);
    ASSERT_TRUE(link.ok()) << qPrintable(link.error().message);
    EXPECT_EQ(store->addLink(l).error().code, ErrorCode::InvalidInput); // the same link twice
    PageForm f = form();
    ASSERT_EQ(f.links.size(), 1u);
    EXPECT_EQ(f.links[0].from, key);
    EXPECT_EQ(f.links[0].to, value);
    EXPECT_EQ(f.links[0].type, defaultLinkType());
    EXPECT_EQ(f.links[0].pageId, page[0]);

    ASSERT_TRUE(store->deleteEntities({value}).ok());
    f = form();
    EXPECT_EQ(f.entities.size(), 1u);
    EXPECT_TRUE(f.links.empty());
    ASSERT_TRUE(store->undoEditGroup(store->edits(page[0])->back().groupId).ok());
    f = form();
    EXPECT_EQ(f.entities.size(), 2u);
    ASSERT_EQ(f.links.size(), 1u);
    EXPECT_EQ(f.links[0].id, *link);
}

TEST_F(FormsStoreTest, DeletedWordsShrinkEntitiesAndAnEmptyOneGoesWithItsLinksUndoably)
{
    const EntityId key = *store->addEntity(entityOf({words[0].id}, QStringLiteral("question")));
    const EntityId value = *store->addEntity(entityOf({words[1].id, words[2].id}, QStringLiteral("answer")));
    LinkRecord l;
    l.from = key;
    l.to = value;
    ASSERT_TRUE(store->addLink(l).ok());

    ASSERT_TRUE(store->deleteWords({words[2].id}).ok());
    const long long first = store->edits(page[0])->back().groupId;
    EXPECT_EQ(store->entity(value)->value().words, std::vector<WordId>{words[1].id});
    EXPECT_EQ(form().links.size(), 1u);

    ASSERT_TRUE(store->deleteWords({words[0].id}).ok()); // the key's only word
    PageForm f = form();
    ASSERT_EQ(f.entities.size(), 1u);
    EXPECT_EQ(f.entities[0].id, value);
    EXPECT_TRUE(f.links.empty());

    ASSERT_TRUE(store->undoEditGroup(store->edits(page[0])->back().groupId).ok());
    f = form();
    ASSERT_EQ(f.entities.size(), 2u);
    ASSERT_EQ(f.links.size(), 1u);
    EXPECT_EQ(store->entity(key)->value().words, std::vector<WordId>{words[0].id});
    ASSERT_TRUE(store->undoEditGroup(first).ok());
    EXPECT_EQ(store->entity(value)->value().words, (std::vector<WordId>{words[1].id, words[2].id}));
}

TEST_F(FormsStoreTest, UpdateSetsLabelFieldAndProposedAndIsOneUndoStep)
{
    EntityRecord e = entityOf({words[4].id, words[5].id});
    e.proposed = true;
    e.source = proposalSource();
    const EntityId id = *store->addEntity(e);
    EntityRecord changed = store->entity(id)->value();
    changed.label = QStringLiteral("answer");
    changed.field = QStringLiteral("person_name");
    changed.proposed = false;
    ASSERT_TRUE(store->updateEntity(changed).ok());
    EntityRecord now = store->entity(id)->value();
    EXPECT_EQ(now.label, QStringLiteral("answer"));
    EXPECT_EQ(now.field, QStringLiteral("person_name"));
    EXPECT_FALSE(now.proposed);
    EXPECT_EQ(now.source, proposalSource());
    const auto edits = *store->edits(page[0]);
    ASSERT_TRUE(store->undoEditGroup(edits.back().groupId).ok());
    now = store->entity(id)->value();
    EXPECT_TRUE(now.label.isEmpty());
    EXPECT_TRUE(now.proposed);
    // Unchanged: no edit.
    const std::size_t count = store->edits(page[0])->size();
    ASSERT_TRUE(store->updateEntity(now).ok());
    EXPECT_EQ(store->edits(page[0])->size(), count);
}

TEST_F(FormsStoreTest, AddFormAddsEntitiesAndLinksByIndexAllOrNothing)
{
    PageForm f;
    f.entities.push_back(entityOf({words[10].id}, QStringLiteral("question")));
    f.entities.push_back(entityOf({words[11].id, words[12].id}, QStringLiteral("answer")));
    f.entities[1].storedText = QStringLiteral("as imported");
    f.entities[1].externalId = QStringLiteral("7");
    LinkRecord l;
    l.from = 0;
    l.to = 1;
    f.links.push_back(l);
    auto ids = store->addForm(page[0], f);
    ASSERT_TRUE(ids.ok()) << qPrintable(ids.error().message);
    PageForm got = form();
    ASSERT_EQ(got.entities.size(), 2u);
    EXPECT_EQ(got.entities[1].text, QStringLiteral("as imported"));
    EXPECT_EQ(got.entities[1].externalId, QStringLiteral("7"));
    ASSERT_EQ(got.links.size(), 1u);
    EXPECT_EQ(got.links[0].from, (*ids)[0]);

    PageForm bad = f;
    bad.entities[0].words = {words[20].id};
    bad.entities[1].words = {words[21].id};
    bad.links[0].to = 5; // no such entity
    EXPECT_EQ(store->addForm(page[0], bad).error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(form().entities.size(), 2u);
}

TEST_F(FormsStoreTest, ReOcrKeepsEntitiesOverTheNewWords)
{
    const EntityId id = *store->addEntity(entityOf({words[3].id, words[4].id}, QStringLiteral("answer")));
    const EntityId gone = *store->addEntity(entityOf({words[29].id}));
    // The page read again: the same words but the last one (the engine no longer finds it).
    PageOutcome again = test::doneOutcome(page[0], 29, 1);
    ASSERT_TRUE(store->storeOutcomes({again}).ok());
    const std::vector<WordRecord> now = *store->words(page[0]);
    const auto e = store->entity(id)->value();
    ASSERT_EQ(e.words.size(), 2u);
    EXPECT_EQ(e.label, QStringLiteral("answer"));
    EXPECT_EQ(e.text, words[3].text + QLatin1Char(' ') + words[4].text);
    EXPECT_FALSE(store->entity(gone)->has_value());
}

TEST_F(FormsStoreTest, FieldEntitiesListTypedValuesInDocumentOrder)
{
    EntityRecord a = entityOf({words[7].id}, QStringLiteral("answer"));
    a.field = QStringLiteral("vin");
    ASSERT_TRUE(store->addEntity(a).ok());
    ASSERT_TRUE(store->addEntity(entityOf({words[8].id}, QStringLiteral("answer"))).ok());
    EntityRecord b;
    b.pageId = page[1];
    b.words = {store->words(page[1])->front().id};
    b.field = QStringLiteral("case_number");
    ASSERT_TRUE(store->addEntity(b).ok());
    auto values = store->fieldEntities();
    ASSERT_TRUE(values.ok());
    ASSERT_EQ(values->size(), 2u);
    EXPECT_EQ((*values)[0].second.field, QStringLiteral("vin"));
    EXPECT_EQ((*values)[0].first.number, 1);
    EXPECT_EQ((*values)[1].second.field, QStringLiteral("case_number"));
    EXPECT_EQ((*values)[1].first.number, 2);
}

} // namespace
