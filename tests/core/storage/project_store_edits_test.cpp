// The store's editing API for the app: one-word reads, batch label / reviewed / delete, merge, split,
// search, label update, and undo / redo of edit groups from the edit history (each one transaction).
#include "core/storage/project_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

std::string describe(const WordRecord& w)
{
    QString chars;
    for (const RecognizedChar& c : w.chars)
        chars += QStringLiteral("%1@%2,%3,%4,%5 ").arg(c.text).arg(c.box.x0).arg(c.box.y0).arg(c.box.x1).arg(c.box.y1);
    return QStringLiteral("#%1 ord %2 '%3' [%4,%5,%6,%7] conf %8 ocr '%9' label %10 rev %11 edit %12 %13")
        .arg(w.id)
        .arg(w.order)
        .arg(w.text)
        .arg(w.box.x0)
        .arg(w.box.y0)
        .arg(w.box.x1)
        .arg(w.box.y1)
        .arg(w.confidence ? QString::number(*w.confidence) : QStringLiteral("-"))
        .arg(w.ocrText.value_or(QStringLiteral("<none>")))
        .arg(w.labelId ? QString::number(*w.labelId) : QStringLiteral("-"))
        .arg(w.reviewed)
        .arg(w.edited)
        .arg(chars)
        .toStdString();
}

std::vector<std::string> describeAll(const std::vector<WordRecord>& words)
{
    std::vector<std::string> out;
    for (const WordRecord& w : words)
        out.push_back(describe(w));
    return out;
}

class ProjectStoreEditsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = ProjectStore::open(m_dir.filePath(QStringLiteral("edits.incidoc")));
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        store = std::move(s).value();
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/report.pdf");
        d.name = QStringLiteral("report.pdf");
        d.sha256 = QStringLiteral("ab12");
        d.importedAt = QDateTime::currentDateTimeUtc();
        std::vector<PageInfo> pages(2);
        pages[0].number = 1;
        pages[1].number = 2;
        auto doc = store->addDocument(d, pages);
        ASSERT_TRUE(doc.ok());
        for (const PageRecord& p : *store->pages(*doc))
            page.push_back(p.id);
        ASSERT_TRUE(store->storeOutcomes({test::doneOutcome(page[0], 40, 1), test::doneOutcome(page[1], 30, 2)}).ok());
        words = *store->words(page[0]);
        ASSERT_EQ(words.size(), 40u);
    }

    std::vector<WordRecord> now() { return *store->words(page[0]); }
    long long lastGroup()
    {
        auto e = store->edits(page[0]);
        return e->empty() ? 0 : e->back().groupId;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> store;
    std::vector<PageId> page;
    std::vector<WordRecord> words;
};

TEST_F(ProjectStoreEditsTest, WordReadsOneWordWithItsLabel)
{
    ASSERT_TRUE(store->setWordLabel(words[3].id, LabelId{1}).ok());
    auto w = store->word(words[3].id);
    ASSERT_TRUE(w.ok() && w->has_value());
    EXPECT_EQ((*w)->text, words[3].text);
    EXPECT_EQ((*w)->labelName, QStringLiteral("PERSON"));
    EXPECT_EQ((*w)->chars.size(), words[3].chars.size());
    auto missing = store->word(999999);
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
}

TEST_F(ProjectStoreEditsTest, UndoAndRedoAGroupFromTheHistory)
{
    auto g = store->beginEditGroup();
    ASSERT_TRUE(g.ok());
    ASSERT_TRUE(store->updateWordText(words[0].id, QStringLiteral("fixed"), *g).ok());
    ASSERT_TRUE(store->updateWordBox(words[1].id, {10, 10, 50, 40}, *g).ok());
    ASSERT_TRUE(store->deleteWord(words[2].id, *g).ok());
    ASSERT_TRUE(store->setPageReview(page[0], ReviewStatus::InProgress, *g).ok());
    const auto after = now();
    ASSERT_TRUE(store->undoEditGroup(*g).ok());
    EXPECT_EQ(describeAll(now()), describeAll(words));
    EXPECT_EQ(store->page(page[0])->review, ReviewStatus::New);
    for (const EditRecord& e : *store->editGroup(*g))
        EXPECT_TRUE(e.undone);
    EXPECT_FALSE(store->undoEditGroup(*g).ok()) << "undone already";
    ASSERT_TRUE(store->redoEditGroup(*g).ok());
    EXPECT_EQ(describeAll(now()), describeAll(after));
    EXPECT_EQ(store->page(page[0])->review, ReviewStatus::InProgress);
    EXPECT_FALSE(store->redoEditGroup(*g).ok()) << "not undone";
    auto none = store->undoEditGroup(987654);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::NotFound);
}

TEST_F(ProjectStoreEditsTest, AnUndoThatCannotApplyChangesNothing)
{
    auto g = store->beginEditGroup();
    ASSERT_TRUE(store->updateWordText(words[0].id, QStringLiteral("one"), *g).ok());
    ASSERT_TRUE(store->updateWordText(words[1].id, QStringLiteral("two"), *g).ok());
    ASSERT_TRUE(store->deleteWord(words[0].id).ok()); // someone else removes a word the group changed
    const auto before = now();
    EXPECT_FALSE(store->undoEditGroup(*g).ok());
    EXPECT_EQ(describeAll(now()), describeAll(before)) << "the second word's undo was rolled back too";
    for (const EditRecord& e : *store->editGroup(*g))
        EXPECT_FALSE(e.undone);
}

TEST_F(ProjectStoreEditsTest, BatchesAreOneTransaction)
{
    // The last id does not exist: nothing of the batch is written.
    EXPECT_FALSE(store->setWordsLabel({words[0].id, words[1].id, 999999}, LabelId{2}).ok());
    EXPECT_FALSE(store->setWordsReviewed({words[0].id, 999999}, true).ok());
    EXPECT_FALSE(store->deleteWords({words[0].id, 999999}).ok());
    EXPECT_EQ(describeAll(now()), describeAll(words));
    EXPECT_TRUE(store->edits(page[0])->empty());

    ASSERT_TRUE(store->setWordsLabel({words[0].id, words[1].id, words[0].id}, LabelId{2}).ok());
    ASSERT_TRUE(store->setWordsReviewed({words[0].id, words[5].id}, true).ok());
    ASSERT_TRUE(store->deleteWords({words[7].id, words[8].id}).ok());
    const auto edits = *store->edits(page[0]);
    ASSERT_EQ(edits.size(), 6u);
    EXPECT_EQ(edits[0].action, QStringLiteral("label"));
    EXPECT_EQ(edits[0].groupId, edits[1].groupId);
    EXPECT_EQ(edits[2].action, QStringLiteral("reviewed"));
    EXPECT_EQ(edits[4].action, QStringLiteral("delete"));
    EXPECT_NE(edits[2].groupId, edits[0].groupId);
    const auto rows = now();
    EXPECT_EQ(rows.size(), 38u);
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(rows[i].order, static_cast<int>(i));
    ASSERT_TRUE(store->undoEditGroup(edits[4].groupId).ok());
    EXPECT_EQ(now().size(), 40u);
    EXPECT_EQ(describe(now()[7]), describe(words[7]));
}

TEST_F(ProjectStoreEditsTest, MergeJoinsInReadingOrderAndUndoes)
{
    auto merged = store->mergeWords({words[12].id, words[11].id, words[13].id});
    ASSERT_TRUE(merged.ok()) << qPrintable(merged.error().message);
    EXPECT_EQ(*merged, words[11].id);
    const WordRecord m = **store->word(*merged);
    EXPECT_EQ(m.text, words[11].text + " " + words[12].text + " " + words[13].text);
    EXPECT_EQ(m.box, words[11].box.united(words[12].box).united(words[13].box));
    EXPECT_EQ(m.order, 11);
    EXPECT_EQ(m.ocrText, std::optional<QString>(m.text));
    EXPECT_EQ(m.chars.size(), words[11].chars.size() + words[12].chars.size() + words[13].chars.size() + 2);
    EXPECT_EQ(now().size(), 38u);
    EXPECT_EQ(now()[12].id, words[14].id);
    ASSERT_TRUE(store->undoEditGroup(lastGroup()).ok());
    EXPECT_EQ(describeAll(now()), describeAll(words));

    EXPECT_FALSE(store->mergeWords({words[0].id}).ok());
    const WordId otherPage = store->words(page[1])->front().id;
    auto mixed = store->mergeWords({words[0].id, otherPage});
    ASSERT_FALSE(mixed.ok());
    EXPECT_EQ(mixed.error().code, ErrorCode::InvalidInput);
}

TEST_F(ProjectStoreEditsTest, SplitCutsAtTheCharacterBoxes)
{
    const WordRecord w = words[20];
    ASSERT_GE(w.text.size(), 3);
    auto parts = store->splitWord(w.id, 1);
    ASSERT_TRUE(parts.ok()) << qPrintable(parts.error().message);
    const WordRecord left = **store->word(parts->first);
    const WordRecord right = **store->word(parts->second);
    EXPECT_EQ(left.id, w.id);
    EXPECT_EQ(left.text, w.text.left(1));
    EXPECT_EQ(right.text, w.text.mid(1));
    EXPECT_EQ(left.box, (PixelBox{w.box.x0, w.box.y0, w.chars[0].box.x1, w.box.y1}));
    EXPECT_EQ(right.box.x0, w.chars[1].box.x0);
    EXPECT_EQ(right.order, left.order + 1);
    EXPECT_EQ(right.confidence, w.confidence);
    ASSERT_EQ(right.chars.size(), w.chars.size() - 1);
    EXPECT_EQ(right.chars[0].box, w.chars[1].box);
    ASSERT_TRUE(store->undoEditGroup(lastGroup()).ok());
    EXPECT_EQ(describeAll(now()), describeAll(words));
    EXPECT_FALSE(store->splitWord(w.id, w.text.size()).ok());
    EXPECT_FALSE(store->splitWord(999999, 1).ok());
}

TEST_F(ProjectStoreEditsTest, SearchIsCaseInsensitiveAndLiteral)
{
    ASSERT_TRUE(store->updateWordText(words[5].id, QStringLiteral("Plate_KTR")).ok());
    ASSERT_TRUE(store->updateWordText(store->words(page[1])->at(3).id, QStringLiteral("plateXKTR")).ok());
    auto hits = store->searchWords(QStringLiteral("PLATE_"));
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u) << "'_' is not a wildcard";
    EXPECT_EQ(hits->front().word.id, words[5].id);
    EXPECT_EQ(hits->front().pageNumber, 1);
    hits = store->searchWords(QStringLiteral("ktr"));
    ASSERT_EQ(hits->size(), 2u);
    EXPECT_EQ(hits->at(0).pageNumber, 1);
    EXPECT_EQ(hits->at(1).pageNumber, 2);
    EXPECT_EQ(store->searchWords(QStringLiteral("ktr"), 1)->size(), 1u);
    EXPECT_TRUE(store->searchWords(QStringLiteral("  "))->empty());
}

TEST_F(ProjectStoreEditsTest, UpdateLabel)
{
    auto labels = *store->labels();
    LabelRecord l = labels[0];
    l.name = QStringLiteral("SUSPECT");
    l.color = QStringLiteral("#010203");
    l.shortcut = QStringLiteral("S");
    ASSERT_TRUE(store->updateLabel(l).ok());
    EXPECT_EQ(store->labels()->at(0).name, QStringLiteral("SUSPECT"));
    EXPECT_EQ(store->labels()->at(0).color, QStringLiteral("#010203"));
    l.name = QStringLiteral("DATE");
    EXPECT_EQ(store->updateLabel(l).error().code, ErrorCode::InvalidInput);
    l.id = 4242;
    l.name = QStringLiteral("NEW");
    EXPECT_EQ(store->updateLabel(l).error().code, ErrorCode::NotFound);
}

TEST_F(ProjectStoreEditsTest, SeveralGroupsUndoAndRedoAsOne)
{
    // Three nudges of one box, each its own group, undone together newest first and redone oldest first.
    std::vector<long long> groups;
    PixelBox b = words[3].box;
    for (int i = 0; i < 3; ++i) {
        groups.push_back(*store->beginEditGroup());
        b = {b.x0 + 1, b.y0, b.x1 + 1, b.y1};
        ASSERT_TRUE(store->updateWordBox(words[3].id, b, groups.back()).ok());
    }
    ASSERT_TRUE(store->undoEditGroups(groups).ok());
    EXPECT_EQ(describeAll(now()), describeAll(words));
    ASSERT_TRUE(store->redoEditGroups(groups).ok());
    EXPECT_EQ((*store->word(words[3].id))->box, b);

    // All or none: one group that cannot be undone (undone already) leaves the others as they are.
    ASSERT_TRUE(store->undoEditGroup(groups[2]).ok());
    const auto before = now();
    EXPECT_FALSE(store->undoEditGroups(groups).ok());
    EXPECT_EQ(describeAll(now()), describeAll(before));
    for (long long g : {groups[0], groups[1]})
        for (const EditRecord& e : *store->editGroup(g))
            EXPECT_FALSE(e.undone);
}

TEST_F(ProjectStoreEditsTest, DeleteLabelClearsItsWordsInOneTransaction)
{
    const LabelId person = store->labels()->at(0).id;
    const LabelId date = store->labels()->at(1).id;
    auto g = store->beginEditGroup();
    ASSERT_TRUE(store->setWordsLabel({words[0].id, words[1].id, words[2].id}, person, *g).ok());
    ASSERT_TRUE(store->setWordsLabel({words[5].id}, date).ok());
    EXPECT_EQ(*store->labelWordCount(person), 3);
    EXPECT_EQ(*store->labelWordCount(date), 1);

    auto deleted = store->deleteLabel(person);
    ASSERT_TRUE(deleted.ok()) << qPrintable(deleted.error().message);
    EXPECT_NE(*deleted, 0);
    EXPECT_EQ(store->labels()->size(), 8u);
    for (int i : {0, 1, 2}) {
        const WordRecord w = **store->word(words[static_cast<std::size_t>(i)].id);
        EXPECT_FALSE(w.labelId.has_value());
        EXPECT_TRUE(w.labelName.isEmpty());
        EXPECT_EQ(w.text, words[static_cast<std::size_t>(i)].text) << "the word itself stays";
    }
    EXPECT_EQ((*store->word(words[5].id))->labelId, std::optional<LabelId>(date)) << "other labels stay";
    // The history says which words lost it.
    const auto edits = *store->editGroup(*deleted);
    ASSERT_EQ(edits.size(), 3u);
    for (const EditRecord& e : edits) {
        EXPECT_EQ(e.action, QStringLiteral("label"));
        EXPECT_EQ(QJsonDocument::fromJson(e.before.toUtf8()).object().value(QStringLiteral("label")).toString(),
                  QStringLiteral("PERSON"));
    }
    // Undoing the older labelling gives the words their earlier state (no label); redoing it cannot give
    // them a label that no longer exists: none, and no error.
    ASSERT_TRUE(store->undoEditGroup(*g).ok());
    EXPECT_FALSE((*store->word(words[0].id))->labelId.has_value());
    ASSERT_TRUE(store->redoEditGroup(*g).ok());
    EXPECT_FALSE((*store->word(words[0].id))->labelId.has_value());
    // A deleted word that had the label comes back without it.
    ASSERT_TRUE(store->setWordsLabel({words[6].id}, date).ok());
    auto del = store->beginEditGroup();
    ASSERT_TRUE(store->deleteWords({words[6].id}, *del).ok());
    ASSERT_TRUE(store->deleteLabel(date).ok());
    ASSERT_TRUE(store->undoEditGroup(*del).ok());
    EXPECT_FALSE((*store->word(words[6].id))->labelId.has_value());

    EXPECT_EQ(store->deleteLabel(person).error().code, ErrorCode::NotFound);
    auto unused = store->deleteLabel(store->labels()->at(0).id);
    ASSERT_TRUE(unused.ok());
    EXPECT_EQ(*unused, 0) << "no word had it: no edit group";
}

} // namespace
