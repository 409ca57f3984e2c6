// Redaction in the main window on a copy of the bundled sample project (processed by the real pipeline):
// a word marked sensitive (Ctrl+Alt+S) is one undo step and shows hatched on the page; a region drawn by a
// drag after Redaction › Mark Region Sensitive › Signature… is marked, and Escape cancels the gesture; the
// Redaction dock lists a planted phone (found by its pattern) and a marked word, and Return on the phone
// shows its page with the phone selected.
#include "core/storage/project_store.h"
#include "ui/review/redaction_panel.h"
#include "ui/view/redaction_layer.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QTreeWidget>
#include <QUndoStack>

#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class RedactionWindowTest : public test::SampleWindowTest {
protected:
    std::vector<RedactionMark> dbMarks(PageId page)
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto marks = (*store)->redactionMarks(page);
        EXPECT_TRUE(marks.ok());
        return marks ? *marks : std::vector<RedactionMark>{};
    }
    QAction* action(const char* name)
    {
        auto* a = m_window->findChild<QAction*>(QLatin1String(name));
        EXPECT_NE(a, nullptr) << name;
        return a;
    }
    /// A word of `page` that reads as a capitalised name (letters only, at least 4).
    WordRecord nameLikeWord(PageId page)
    {
        for (const WordRecord& w : m_window->session()->words(page))
            if (w.text.size() >= 4 && w.text.front().isUpper()
                && std::all_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); }))
                return w;
        ADD_FAILURE() << "no capitalised word on the page";
        return {};
    }
    static bool sameBox(const PixelBox& a, const PixelBox& b)
    {
        return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
    }
};

TEST_F(RedactionWindowTest, MarkingAWordSensitiveIsOneUndoStepAndShowsOnThePage)
{
    const PageId page = pageNumber(1);
    m_window->showPage(page);
    const WordRecord word = nameLikeWord(page);
    m_view->selectWords({word.id});
    focusView();
    QUndoStack* undo = m_window->session()->undoStack();
    const int before = undo->count();

    // Ctrl+Alt+S on the page: marked, as Other (one capitalised word may be a name, a make or a place).
    QTest::keyClick(m_view, Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
    auto marks = dbMarks(page);
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].target, MarkTarget::Word);
    EXPECT_EQ(marks[0].word, word.id);
    EXPECT_TRUE(marks[0].sensitive);
    EXPECT_EQ(marks[0].type, SensitiveType::Other);
    EXPECT_TRUE(sameBox(marks[0].box, word.box));
    EXPECT_EQ(undo->count(), before + 1);
    EXPECT_EQ(
        undo->text(undo->count() - 1),
        QStringLiteral("Mark '%1' sensitive (%2)").arg(word.text, RedactionPanel::typeTitle(SensitiveType::Other)));
    RedactionLayer* layer = m_window->redactionLayer();
    // Drawn at once from the mark (the plan, with the page's other findings, follows after a pause).
    auto drawn = [&] {
        const auto& boxes = layer->redactedBoxes();
        return std::any_of(boxes.begin(), boxes.end(), [&](const PixelBox& b) { return sameBox(b, word.box); });
    };
    auto outlined = [&] {
        const auto& words = layer->overruledWords();
        return std::find(words.begin(), words.end(), word.id) != words.end();
    };
    EXPECT_TRUE(drawn());
    // The word itself is unchanged (a mark is no edit of its text or box).
    auto words = dbWords(page);
    auto it = std::find_if(words.begin(), words.end(), [&](const WordRecord& w) { return w.id == word.id; });
    ASSERT_NE(it, words.end());
    EXPECT_EQ(it->text, word.text);

    // One Ctrl+Z takes it back, overlay included (once the plan is made again); redo puts it back.
    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(dbMarks(page).empty());
    EXPECT_EQ(undo->count(), before + 1);
    EXPECT_EQ(undo->index(), before);
    QTRY_VERIFY_WITH_TIMEOUT(!drawn(), 15000);
    undo->redo();
    EXPECT_EQ(dbMarks(page).size(), 1u);
    EXPECT_TRUE(drawn());

    // Marked not sensitive (Ctrl+Alt+N): the mark is replaced, the word outlined dashed, not hatched.
    QTest::keyClick(m_view, Qt::Key_N, Qt::ControlModifier | Qt::AltModifier);
    marks = dbMarks(page);
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_FALSE(marks[0].sensitive);
    EXPECT_TRUE(outlined());
    QTRY_VERIFY_WITH_TIMEOUT(!drawn(), 15000);
    // Cleared (Ctrl+Alt+X): no mark; the View toggle hides the overlay.
    QTest::keyClick(m_view, Qt::Key_X, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_TRUE(dbMarks(page).empty());
    QTRY_VERIFY_WITH_TIMEOUT(!outlined(), 15000);
    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(outlined());
    layer->showAction()->setChecked(false);
    EXPECT_TRUE(layer->overruledWords().empty());
    EXPECT_TRUE(layer->redactedBoxes().empty());
}

TEST_F(RedactionWindowTest, ARegionIsMarkedByADragAndEscapeCancels)
{
    const PageId page = pageNumber(1);
    m_window->showPage(page);
    focusView();
    QWidget* viewport = m_view->viewport();
    const QPoint from = m_view->mapFromScene(QPointF(200, 300));
    const QPoint to = m_view->mapFromScene(QPointF(700, 420));

    // Armed then Escape: the drag that follows is an ordinary one, nothing is marked.
    action("markRegion_signature")->trigger();
    EXPECT_TRUE(m_window->redactionLayer()->isRegionArmed());
    QTest::keyClick(m_view, Qt::Key_Escape);
    EXPECT_FALSE(m_window->redactionLayer()->isRegionArmed());

    // Ctrl+Alt+R arms a signature region; press, move, release on the page.
    QTest::keyClick(m_view, Qt::Key_R, Qt::ControlModifier | Qt::AltModifier);
    ASSERT_TRUE(m_window->redactionLayer()->isRegionArmed());
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    EXPECT_FALSE(m_window->redactionLayer()->isRegionArmed());
    const auto marks = dbMarks(page);
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].target, MarkTarget::Region);
    EXPECT_EQ(marks[0].type, SensitiveType::Signature);
    EXPECT_TRUE(marks[0].sensitive);
    // Within a few page pixels of the drag (a screen pixel is more than one page pixel when zoomed out).
    const double tolerance = 2.0 / m_view->zoom() + 1;
    EXPECT_NEAR(marks[0].box.x0, 200, tolerance);
    EXPECT_NEAR(marks[0].box.y0, 300, tolerance);
    EXPECT_NEAR(marks[0].box.x1, 700, tolerance);
    EXPECT_NEAR(marks[0].box.y1, 420, tolerance);
    const auto& boxes = m_window->redactionLayer()->redactedBoxes();
    EXPECT_TRUE(std::any_of(boxes.begin(), boxes.end(), [&](const PixelBox& b) { return sameBox(b, marks[0].box); }));
    // One undo step.
    m_window->session()->undoStack()->undo();
    EXPECT_TRUE(dbMarks(page).empty());
}

TEST_F(RedactionWindowTest, ThePanelListsAPlantedPhoneAndAMarkedWordAndJumpsToThem)
{
    ProjectSession* session = m_window->session();
    const PageId page1 = pageNumber(1), page2 = pageNumber(2);
    // A phone planted on page 2 (a person typed it over a word), a word marked on page 1.
    const auto words2 = session->words(page2);
    ASSERT_FALSE(words2.empty());
    const WordRecord planted = words2[words2.size() / 2];
    ASSERT_TRUE(session->setWordText(planted.id, QStringLiteral("(555) 287-6612")));
    m_window->showPage(page1);
    const WordRecord marked = nameLikeWord(page1);
    m_view->selectWords({marked.id});
    QAction* other = action("markSensitiveAs_other");
    ASSERT_NE(other, nullptr);
    other->trigger();
    ASSERT_EQ(dbMarks(page1).size(), 1u);
    EXPECT_EQ(dbMarks(page1)[0].type, SensitiveType::Other);

    QDockWidget* dock = m_window->redactionDock();
    ASSERT_NE(dock, nullptr);
    dock->show();
    dock->raise();
    RedactionPanel* panel = m_window->redactionPanel();
    ASSERT_NE(panel, nullptr);
    auto findingOf = [panel](WordId word, FindingSource source) {
        const auto& f = panel->findings();
        for (std::size_t i = 0; i < f.size(); ++i)
            if (f[i].source == source && std::find(f[i].words.begin(), f[i].words.end(), word) != f[i].words.end())
                return static_cast<int>(i);
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(findingOf(planted.id, FindingSource::Pattern) >= 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(findingOf(marked.id, FindingSource::Manual) >= 0, 15000);
    const int phone = findingOf(planted.id, FindingSource::Pattern);
    EXPECT_EQ(panel->findings()[phone].type, SensitiveType::Phone);
    QTreeWidgetItem* item = panel->findingItem(phone);
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(item->text(0).contains(QStringLiteral("287-6612")));
    EXPECT_EQ(item->text(1), RedactionPanel::typeTitle(SensitiveType::Phone));
    EXPECT_EQ(item->text(2), RedactionPanel::sourceTitle(FindingSource::Pattern));
    ASSERT_NE(item->parent(), nullptr);
    EXPECT_TRUE(item->parent()->text(0).startsWith(QStringLiteral("Page 2")));
    // The header counts per type.
    EXPECT_TRUE(
        panel->header()->text().contains(RedactionPanel::typeTitle(SensitiveType::Phone) + QStringLiteral(": ")));
    EXPECT_TRUE(
        panel->header()->text().contains(RedactionPanel::typeTitle(SensitiveType::Other) + QStringLiteral(": ")));

    // Return on the phone: page 2 with the phone selected.
    QTreeWidget* tree = panel->tree();
    tree->setFocus();
    tree->setCurrentItem(item);
    QTest::keyClick(tree, Qt::Key_Return);
    EXPECT_EQ(m_view->pageId(), page2);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{planted.id});

    // Marked not sensitive there, the phone leaves the list after the pause.
    focusView();
    action("markNotSensitiveAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(findingOf(planted.id, FindingSource::Pattern) < 0, 15000);
}

} // namespace
