// The form keyboard driven like a user would on the sample project (QTest keys and mouse on the offscreen
// platform, the project database read after each step): group and label words into entities, select an
// entity, link two entities by keyboard and by a click, remove links, walk the proposals accepting and
// rejecting each with one key, undo; the entities and links drawn where they are; no two commands share
// a key and typing on a word of an entity still edits it.
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/main_window.h"
#include "ui/view/form_items.h"
#include "ui/view/form_layer.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <map>

#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class FormKeysTest : public test::SampleWindowTest {
protected:
    void SetUp() override
    {
        SampleWindowTest::SetUp();
        if (HasFatalFailure())
            return;
        m_page = pageNumber(2); // a scanned page
        m_window->showPage(m_page);
        focusView();
        m_form = m_view->formLayer();
        // Runs of three words on distinct lines of the page, in reading order.
        std::map<std::pair<int, int>, std::vector<WordRecord>> lines;
        for (const WordRecord& w : dbWords(m_page))
            lines[{w.block, w.line}].push_back(w);
        for (const auto& [key, words] : lines)
            if (words.size() >= 3) {
                m_runs.push_back({words[0].id, words[1].id, words[2].id});
                if (m_runs.size() == 4)
                    break;
            }
        ASSERT_EQ(m_runs.size(), 4u);
    }
    PageForm dbForm()
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        auto form = (*store)->pageForm(m_page);
        EXPECT_TRUE(form.ok());
        return form ? *form : PageForm{};
    }
    const EntityRecord* dbEntityOf(const PageForm& form, WordId word)
    {
        for (const EntityRecord& e : form.entities)
            if (std::find(e.words.begin(), e.words.end(), word) != e.words.end())
                return &e;
        return nullptr;
    }
    void select(const QList<WordId>& words)
    {
        m_view->selectWords(words);
        m_view->setFocus();
    }
    void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier) { QTest::keyClick(m_view, Qt::Key(k), mods); }
    QAction* action(const QString& text)
    {
        for (QAction* a : m_window->allActions())
            if (a->text() == text)
                return a;
        ADD_FAILURE() << "no action " << text.toStdString();
        return nullptr;
    }

    PageId m_page = 0;
    FormLayer* m_form = nullptr;
    std::vector<QList<WordId>> m_runs;
};

TEST_F(FormKeysTest, GroupLabelSelectAndUngroupByKeysEachOneUndoStep)
{
    QUndoStack* undo = m_window->session()->undoStack();
    select(m_runs[0]);
    key(Qt::Key_G, Qt::ControlModifier);
    PageForm form = dbForm();
    ASSERT_EQ(form.entities.size(), 1u);
    EXPECT_EQ(QList<WordId>(form.entities[0].words.begin(), form.entities[0].words.end()), m_runs[0]);
    EXPECT_EQ(form.entities[0].label, QString());
    ASSERT_EQ(m_form->entityItemCount(), 1);
    EntityItem* item = m_form->entityItem(form.entities[0].id);
    ASSERT_NE(item, nullptr);
    for (WordId w : m_runs[0]) // the outline lies around every word, padded
        EXPECT_TRUE(item->outlineRect().contains(m_view->wordItem(w)->sceneBox().adjusted(-2, -2, 2, 2)));
    const int steps = undo->count();

    // The same words again: no new entity, the entity stays selected.
    key(Qt::Key_G, Qt::ControlModifier);
    EXPECT_EQ(dbForm().entities.size(), 1u);
    EXPECT_EQ(undo->count(), steps);
    EXPECT_EQ(m_view->selectedWords(), m_runs[0]);

    // Labels from the keyboard, on one word of it: the entity is labelled.
    select({m_runs[0][1]});
    key(Qt::Key_Q, Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_EQ(dbForm().entities[0].label, QStringLiteral("question"));
    EXPECT_EQ(m_form->entityItem(form.entities[0].id)->tagText(), QStringLiteral("question"));
    key(Qt::Key_H, Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_EQ(dbForm().entities[0].label, QStringLiteral("header"));
    key(Qt::Key_U, Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_EQ(dbForm().entities[0].label, QString());
    EXPECT_EQ(undo->count(), steps + 3);

    // Ctrl+Shift+E: the whole entity from one of its words.
    key(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(m_view->selectedWords(), m_runs[0]);

    // A label key on words in no entity groups them with that label, one step.
    select(m_runs[1]);
    key(Qt::Key_A, Qt::AltModifier | Qt::ShiftModifier);
    form = dbForm();
    ASSERT_EQ(form.entities.size(), 2u);
    ASSERT_NE(dbEntityOf(form, m_runs[1][0]), nullptr);
    EXPECT_EQ(dbEntityOf(form, m_runs[1][0])->label, QStringLiteral("answer"));
    EXPECT_EQ(undo->count(), steps + 4);
    key(Qt::Key_O, Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_EQ(dbEntityOf(dbForm(), m_runs[1][0])->label, QStringLiteral("other"));

    // Part of an entity grouped again leaves it: the entity is split.
    select({m_runs[1][2]});
    key(Qt::Key_G, Qt::ControlModifier);
    form = dbForm();
    EXPECT_EQ(form.entities.size(), 3u);
    EXPECT_EQ(dbEntityOf(form, m_runs[1][0])->words.size(), 2u);

    // Ungroup, then undo everything back to one unlabelled entity, step by step.
    select(m_runs[1]);
    key(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(dbForm().entities.size(), 1u);
    EXPECT_EQ(m_form->entityItemCount(), 1);
    while (undo->index() > steps)
        key(Qt::Key_Z, Qt::ControlModifier);
    form = dbForm();
    ASSERT_EQ(form.entities.size(), 1u);
    EXPECT_EQ(form.entities[0].label, QString());
    EXPECT_EQ(m_form->entityItemCount(), 1);
}

TEST_F(FormKeysTest, TypingOnAWordOfAnEntityStillEditsIt)
{
    ASSERT_NE(m_window->session()->groupWords(m_runs[0], QStringLiteral("question")), 0);
    select({m_runs[0][0]});
    QTest::keyClicks(m_view, QStringLiteral("G"));
    ASSERT_TRUE(m_view->textEditor()->isVisible());
    QTest::keyClicks(m_view->textEditor(), QStringLiteral("ate:"));
    QTest::keyClick(m_view->textEditor(), Qt::Key_Return, Qt::ShiftModifier);
    const PageForm form = dbForm();
    ASSERT_EQ(form.entities.size(), 1u);
    EXPECT_TRUE(form.entities[0].text.startsWith(QStringLiteral("Gate: "))) << form.entities[0].text.toStdString();
    EXPECT_EQ(form.entities[0].label, QStringLiteral("question"));
}

TEST_F(FormKeysTest, LinkByKeyboardNearestFirstAndByClickEscCancelsAndTheValueLosesItsLinks)
{
    ProjectSession* session = m_window->session();
    const EntityId key0 = session->groupWords(m_runs[0], QStringLiteral("question"));
    const EntityId a1 = session->groupWords(m_runs[1], QStringLiteral("answer"));
    const EntityId a2 = session->groupWords(m_runs[2], QStringLiteral("answer"));
    const EntityId a3 = session->groupWords(m_runs[3], QStringLiteral("answer"));
    ASSERT_TRUE(key0 && a1 && a2 && a3);
    ASSERT_EQ(m_form->entityItemCount(), 4);

    // Ctrl+K with one word of the key selected: link mode, the nearest other entity highlighted.
    select({m_runs[0][0]});
    QSignalSpy messages(m_view, &PageView::statusMessage);
    key(Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(m_form->isLinking());
    EXPECT_EQ(m_form->linkSource(), key0);
    EXPECT_FALSE(messages.isEmpty());
    EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("Return links")));
    const EntityId nearest = m_form->linkTarget();
    const QRectF from = m_form->entityItem(key0)->outlineRect();
    auto distance = [&](EntityId e) { // the gap between the two outlines
        const QRectF r = m_form->entityItem(e)->outlineRect();
        const double dx = std::max({0.0, r.left() - from.right(), from.left() - r.right()});
        const double dy = std::max({0.0, r.top() - from.bottom(), from.top() - r.bottom()});
        return std::hypot(dx, dy);
    };
    for (EntityId e : {a1, a2, a3})
        EXPECT_LE(distance(nearest), distance(e) + 1e-6);
    EXPECT_EQ(m_form->entityItem(nearest)->mark(), FormMark::LinkTarget);
    EXPECT_EQ(m_form->entityItem(key0)->mark(), FormMark::LinkSource);
    // Tab goes on to the next entity (not the review's next word), Shift+Tab back, Right on again.
    const WordId selectedBefore = m_view->selectedWords().first();
    key(Qt::Key_Tab);
    const EntityId second = m_form->linkTarget();
    EXPECT_NE(second, nearest);
    EXPECT_EQ(m_view->selectedWords().first(), selectedBefore);
    EXPECT_EQ(m_view->pageId(), m_page);
    key(Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(m_form->linkTarget(), nearest);
    key(Qt::Key_Right);
    EXPECT_EQ(m_form->linkTarget(), second);
    key(Qt::Key_Left);
    EXPECT_LE(distance(nearest), distance(second) + 1e-6);

    // Return links (one undo step) and leaves link mode; Return is not the review's accept.
    const int steps = session->undoStack()->count();
    key(Qt::Key_Return);
    EXPECT_FALSE(m_form->isLinking());
    PageForm form = dbForm();
    ASSERT_EQ(form.links.size(), 1u);
    EXPECT_EQ(form.links[0].from, key0);
    EXPECT_EQ(form.links[0].to, nearest);
    EXPECT_FALSE(form.links[0].proposed);
    EXPECT_EQ(session->undoStack()->count(), steps + 1);
    ASSERT_EQ(m_form->linkItemCount(), 1);
    // The arrow runs from the key's outline to the value's, its head at the value.
    const QLineF line = m_form->linkItem(form.links[0].id)->line();
    EXPECT_TRUE(from.adjusted(-1, -1, 1, 1).contains(line.p1()));
    EXPECT_TRUE(m_form->entityItem(nearest)->outlineRect().adjusted(-1, -1, 1, 1).contains(line.p2()));

    // Esc cancels: nothing linked.
    select(m_runs[0]);
    key(Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(m_form->isLinking());
    key(Qt::Key_Escape);
    EXPECT_FALSE(m_form->isLinking());
    EXPECT_EQ(dbForm().links.size(), 1u);
    EXPECT_EQ(m_view->selectedWords(), m_runs[0]) << "Esc left the selection alone";

    // A click on an entity links to it.
    const EntityId clicked = a3 == nearest ? a2 : a3;
    key(Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(m_form->isLinking());
    const QRectF target = m_view->wordItem(m_runs[clicked == a3 ? 3 : 2][1])->sceneBox();
    m_view->centerOn(target.center());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->mapFromScene(target.center()));
    EXPECT_FALSE(m_form->isLinking());
    form = dbForm();
    ASSERT_EQ(form.links.size(), 2u);
    EXPECT_TRUE(std::any_of(form.links.begin(), form.links.end(),
                            [&](const LinkRecord& l) { return l.from == key0 && l.to == clicked; }));

    // Linking to a target already linked removes that link.
    select(m_runs[0]);
    key(Qt::Key_K, Qt::ControlModifier);
    ASSERT_EQ(m_form->linkTarget(), nearest);
    EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("removes the link")));
    key(Qt::Key_Return);
    form = dbForm();
    ASSERT_EQ(form.links.size(), 1u);
    EXPECT_EQ(form.links[0].to, clicked);

    // Alt+Shift+L on the value: its incoming link goes; undo brings it back.
    select({m_runs[clicked == a3 ? 3 : 2][0]});
    key(Qt::Key_L, Qt::AltModifier | Qt::ShiftModifier);
    EXPECT_TRUE(dbForm().links.empty());
    EXPECT_EQ(m_form->linkItemCount(), 0);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(dbForm().links.size(), 1u);
    EXPECT_EQ(m_form->linkItemCount(), 1);

    // Ctrl+K on words in no entity says why and does nothing.
    const auto words = dbWords(m_page);
    const PageForm now = dbForm();
    const auto loose =
        std::find_if(words.begin(), words.end(), [&](const WordRecord& w) { return dbEntityOf(now, w.id) == nullptr; });
    ASSERT_NE(loose, words.end());
    select({loose->id});
    key(Qt::Key_K, Qt::ControlModifier);
    EXPECT_FALSE(m_form->isLinking());
    EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("one entity")));
}

TEST_F(FormKeysTest, ProposalsAreWalkedAcceptedAndRejectedWithOneKeyEachOneUndoStep)
{
    ProjectSession* session = m_window->session();
    PageForm proposed;
    for (int i = 0; i < 3; ++i) {
        EntityRecord e;
        e.label = i == 0 ? QStringLiteral("question") : QStringLiteral("answer");
        e.words.assign(m_runs[std::size_t(i)].begin(), m_runs[std::size_t(i)].end());
        e.source = proposalSource();
        e.proposed = true;
        proposed.entities.push_back(e);
    }
    LinkRecord l;
    l.from = 0; // indexes into proposed.entities
    l.to = 1;
    l.source = proposalSource();
    l.proposed = true;
    proposed.links.push_back(l);
    ASSERT_TRUE(session->addForm(m_page, proposed, QStringLiteral("Proposals")));
    ASSERT_EQ(m_form->entityItemCount(), 3);
    ASSERT_EQ(m_form->linkItemCount(), 1);
    EXPECT_EQ(m_form->proposalCount(), 2) << "the link with its two entities, and the third entity";
    for (const EntityRecord& e : m_form->form().entities)
        EXPECT_TRUE(m_form->entityItem(e.id)->isProposed());
    EXPECT_TRUE(m_form->linkItem(m_form->form().links[0].id)->isProposed());

    // F8: the link first (its two entities selected), then the lone entity, then round again.
    key(Qt::Key_F8);
    QList<WordId> pair = m_runs[0] + m_runs[1];
    std::sort(pair.begin(), pair.end());
    QList<WordId> sel = m_view->selectedWords();
    std::sort(sel.begin(), sel.end());
    EXPECT_EQ(sel, pair);
    key(Qt::Key_F8);
    EXPECT_EQ(m_view->selectedWords(), m_runs[2]);
    // The proposal being reviewed is marked while it is what is selected.
    const EntityId lone = m_form->entityOfWord(m_runs[2][0]);
    EXPECT_EQ(m_form->entityItem(lone)->mark(), FormMark::Current);
    select({m_runs[3][0]});
    EXPECT_EQ(m_form->entityItem(lone)->mark(), FormMark::None);
    select(m_runs[2]);
    EXPECT_EQ(m_form->entityItem(lone)->mark(), FormMark::Current);
    key(Qt::Key_F8, Qt::ShiftModifier);
    sel = m_view->selectedWords();
    std::sort(sel.begin(), sel.end());
    EXPECT_EQ(sel, pair);

    // Alt+Return accepts the link with its entities (one step) and goes on to the next proposal.
    const int steps = session->undoStack()->count();
    key(Qt::Key_Return, Qt::AltModifier);
    PageForm form = dbForm();
    ASSERT_EQ(form.links.size(), 1u);
    EXPECT_FALSE(form.links[0].proposed);
    EXPECT_FALSE(dbEntityOf(form, m_runs[0][0])->proposed);
    EXPECT_FALSE(dbEntityOf(form, m_runs[1][0])->proposed);
    EXPECT_TRUE(dbEntityOf(form, m_runs[2][0])->proposed);
    EXPECT_EQ(session->undoStack()->count(), steps + 1);
    EXPECT_EQ(m_view->selectedWords(), m_runs[2]);
    EXPECT_FALSE(m_form->linkItem(form.links[0].id)->isProposed());

    // Alt+Delete rejects it: the entity goes, its words stay.
    key(Qt::Key_Delete, Qt::AltModifier);
    form = dbForm();
    EXPECT_EQ(form.entities.size(), 2u);
    EXPECT_EQ(dbEntityOf(form, m_runs[2][0]), nullptr);
    const auto words = dbWords(m_page);
    EXPECT_TRUE(std::any_of(words.begin(), words.end(), [&](const WordRecord& w) { return w.id == m_runs[2][0]; }));
    EXPECT_EQ(session->undoStack()->count(), steps + 2);
    EXPECT_EQ(m_form->proposalCount(), 0);

    // Undo both: the proposals are back; Accept All accepts them in one step.
    key(Qt::Key_Z, Qt::ControlModifier);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_form->proposalCount(), 2);
    QAction* all = action(QStringLiteral("Accept All Proposals on &Page"));
    ASSERT_NE(all, nullptr);
    all->trigger();
    form = dbForm();
    EXPECT_TRUE(
        std::none_of(form.entities.begin(), form.entities.end(), [](const EntityRecord& e) { return e.proposed; }));
    EXPECT_TRUE(std::none_of(form.links.begin(), form.links.end(), [](const LinkRecord& k) { return k.proposed; }));
    EXPECT_EQ(session->undoStack()->count(), steps + 1);
    EXPECT_EQ(m_form->proposalCount(), 0);
    key(Qt::Key_F8);
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("No proposals")));
}

TEST_F(FormKeysTest, TheProposalWalkGoesOnToTheNextPageThatHasProposals)
{
    ProjectSession* session = m_window->session();
    auto propose = [&](PageId page, const QList<WordId>& words) {
        PageForm form;
        EntityRecord e;
        e.words.assign(words.begin(), words.end());
        e.source = proposalSource();
        e.proposed = true;
        form.entities.push_back(e);
        ASSERT_TRUE(session->addForm(page, form, QStringLiteral("Proposals")));
    };
    const PageId other = pageNumber(3);
    const auto otherWords = dbWords(other);
    ASSERT_GE(otherWords.size(), 4u);
    propose(m_page, m_runs[0]);
    propose(other, {otherWords[2].id, otherWords[3].id});

    key(Qt::Key_F8);
    EXPECT_EQ(m_view->selectedWords(), m_runs[0]);
    key(Qt::Key_F8); // past the page's last one: page 3's
    EXPECT_EQ(m_view->pageId(), other);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{otherWords[2].id, otherWords[3].id}));
    key(Qt::Key_F8); // round the document's end
    EXPECT_EQ(m_view->pageId(), m_page);
    EXPECT_EQ(m_view->selectedWords(), m_runs[0]);

    // Accepting the page's last one goes on to the next page's; the last of all says so.
    key(Qt::Key_Return, Qt::AltModifier);
    EXPECT_EQ(m_view->pageId(), other);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{otherWords[2].id, otherWords[3].id}));
    key(Qt::Key_Return, Qt::AltModifier);
    EXPECT_EQ(m_view->pageId(), other);
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("No proposals left")))
        << m_window->statusBar()->currentMessage().toStdString();
    EXPECT_EQ(m_form->proposalCount(), 0);
}

TEST_F(FormKeysTest, TheFormIsHiddenByItsViewToggleAndByCtrlH)
{
    ASSERT_NE(m_window->session()->groupWords(m_runs[0], QStringLiteral("question")), 0);
    ASSERT_NE(m_window->session()->groupWords(m_runs[1], QStringLiteral("answer")), 0);
    const PageForm form = m_form->form();
    ASSERT_EQ(form.entities.size(), 2u);
    ASSERT_NE(m_window->session()->linkEntities(form.entities[0].id, form.entities[1].id), 0);
    EntityItem* item = m_form->entityItem(form.entities[0].id);
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(item->isVisible());
    EXPECT_EQ(entityColor(QStringLiteral("question")), entityColor(QStringLiteral("question")));
    EXPECT_NE(entityColor(QStringLiteral("question")), entityColor(QStringLiteral("answer")));

    // Ctrl+H held hides every box, the form too.
    QTest::keyPress(m_view, Qt::Key_H, Qt::ControlModifier);
    EXPECT_FALSE(m_form->entityItem(form.entities[0].id)->isVisible());
    EXPECT_FALSE(m_form->linkItem(m_form->form().links[0].id)->isVisible());
    QTest::keyRelease(m_view, Qt::Key_H, Qt::ControlModifier);
    EXPECT_TRUE(m_form->entityItem(form.entities[0].id)->isVisible());

    // View › Show Form off: the words stay, the form goes.
    QAction* show = m_view->formLayer()->showAction();
    ASSERT_TRUE(show->isChecked());
    key(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(show->isChecked());
    EXPECT_FALSE(m_form->entityItem(form.entities[0].id)->isVisible());
    EXPECT_TRUE(m_view->wordItem(m_runs[0][0])->isVisible());
    show->trigger();
    EXPECT_TRUE(m_form->entityItem(form.entities[0].id)->isVisible());

    // A double click on the outline, beside the words, selects the entity's words.
    const QRectF outline = m_form->entityItem(form.entities[0].id)->outlineRect();
    m_view->centerOn(outline.center());
    m_view->selectWords({});
    const QPointF onRing(outline.left() + 1.5, outline.center().y());
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, m_view->mapFromScene(onRing));
    EXPECT_EQ(m_view->selectedWords(), m_runs[0]);
}

TEST_F(FormKeysTest, NoTwoCommandsShareAKeyAndTheFormKeysAreInTheTable)
{
    std::map<QString, QString> seen;
    for (QAction* a : m_window->allActions()) {
        if (m_window->documentsView()->actions().contains(a))
            continue; // the documents list's own keys (Delete there removes a document)
        for (const QKeySequence& k : a->shortcuts()) {
            const QString keys = k.toString();
            auto [it, added] = seen.emplace(keys, a->text());
            EXPECT_TRUE(added) << keys.toStdString() << ": " << it->second.toStdString() << " and "
                               << a->text().toStdString();
        }
    }
    ShortcutsDialog dialog(m_window->allActions());
    QStringList rows;
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        rows << dialog.table()->item(r, 0)->text() + QLatin1Char('=') + dialog.table()->item(r, 1)->text();
    for (const char* row :
         {"Group Words=Ctrl+G", "Ungroup=Ctrl+Shift+G", "Label Entity Question=Alt+Shift+Q", "Link to Entity…=Ctrl+K",
          "Next Proposal=F8", "Accept Proposal and Go On=Alt+Return, Alt+Enter", "Reject Proposal and Go On=Alt+Del"})
        EXPECT_TRUE(rows.contains(QString::fromUtf8(row)))
            << row << " not in " << rows.join(QLatin1Char('|')).toStdString();
    QStringList menus;
    for (QAction* m : m_window->menuBar()->actions())
        menus << m->text();
    EXPECT_TRUE(menus.contains(QStringLiteral("F&orm"))) << menus.join(QLatin1Char(' ')).toStdString();
}

} // namespace

TEST_F(FormKeysTest, LinksOfAnotherTypeAreMadeWithTheTypeChosenAndTheProjectKeepsItsTypes)
{
    ProjectSession* session = m_window->session();
    EXPECT_EQ(session->linkTypes(), QStringList{defaultLinkType()});
    ASSERT_TRUE(session->addLinkType(QStringLiteral("same_person")));
    EXPECT_EQ(session->linkTypes(), (QStringList{defaultLinkType(), QStringLiteral("same_person")}));
    QSignalSpy errors(session, &ProjectSession::errorOccurred);
    EXPECT_FALSE(session->addLinkType(QStringLiteral("Not a type!")));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(session->linkTypes().size(), 2);

    const EntityId a = session->groupWords(m_runs[0], QStringLiteral("answer"));
    const EntityId b = session->groupWords(m_runs[1], QStringLiteral("answer"));
    ASSERT_TRUE(a && b);
    m_form->setLinkType(QStringLiteral("same_person"));
    select({m_runs[0][0]});
    key(Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(m_form->isLinking());
    while (m_form->linkTarget() != b)
        key(Qt::Key_Tab);
    key(Qt::Key_Return);
    const PageForm f = dbForm();
    ASSERT_EQ(f.links.size(), 1u);
    EXPECT_EQ(f.links[0].type, QStringLiteral("same_person"));
    EXPECT_EQ(f.links[0].from, a);
    // The Link Type action is in the Form menu with its key.
    bool found = false;
    for (QAction* action : m_form->actions())
        found = found || action->shortcut() == QKeySequence(QStringLiteral("Alt+Shift+T"));
    EXPECT_TRUE(found);
}
