// The review keyboard driven like a user would on the sample project (QTest keys and mouse on the
// offscreen platform, the project database checked after each step): typed corrections never run a
// command, Return accepts and goes on, the queue skips reviewed pages and wraps and counts what is left,
// the word is centred and zoomed with its line magnified over the editor, keyboard selection, the rubber
// band, Ctrl+H, the words' menu and the zoom and scroll kept per page.
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/inline_editor.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QFrame>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class ReviewKeysTest : public test::SampleWindowTest {
protected:
    std::optional<WordRecord> dbWord(WordId id)
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        auto w = (*store)->word(id);
        return w ? *w : std::nullopt;
    }
    /// Every low-confidence word at `threshold` from now on (every OCR word of a scanned page at 100).
    void setThreshold(int threshold)
    {
        AppSettings s = m_window->settings();
        s.confidenceThreshold = threshold;
        m_window->applySettings(s);
    }
    WordId selected()
    {
        const auto sel = m_view->selectedWords();
        return sel.size() == 1 ? sel.first() : 0;
    }
    void select(WordId id)
    {
        m_view->selectWords({id});
        m_view->setFocus();
    }
    /// A word of a scanned page whose text is long enough to type over.
    WordRecord scannedWord(int index)
    {
        const auto words = dbWords(pageNumber(2));
        EXPECT_GT(words.size(), std::size_t(index) + 1);
        m_window->showPage(pageNumber(2));
        return words[std::size_t(index)];
    }
};

TEST_F(ReviewKeysTest, TypingDigitsOrWordsStartingWithCommandLettersStoresExactlyThatText)
{
    const int before = static_cast<int>(dbWords(pageNumber(2)).size());
    const QString typed[] = {QStringLiteral("597005708"), QStringLiteral("mud"), QStringLiteral("surely"),
                             QStringLiteral("bn+-0"), QStringLiteral("Ab.,;:'!?")};
    int i = 10;
    for (const QString& text : typed) {
        const WordRecord w = scannedWord(i++);
        select(w.id);
        QTest::keyClicks(m_view, text.left(1)); // the first key goes to the page, the others to the editor
        ASSERT_TRUE(m_view->textEditor()->isVisible()) << text.toStdString();
        QTest::keyClicks(m_view->textEditor(), text.mid(1));
        QTest::keyClick(m_view->textEditor(), Qt::Key_Return, Qt::ShiftModifier); // store and stay
        const auto stored = dbWord(w.id);
        ASSERT_TRUE(stored.has_value()) << "no merge, no split: " << text.toStdString();
        EXPECT_EQ(stored->text, text);
        EXPECT_EQ(stored->labelId, w.labelId) << "no label key ran";
        EXPECT_EQ(stored->box, w.box);
        EXPECT_EQ(m_view->selectedWords(), QList<WordId>{w.id});
        EXPECT_FALSE(m_view->isDrawMode());
    }
    EXPECT_EQ(static_cast<int>(dbWords(pageNumber(2)).size()), before);
    EXPECT_EQ(m_view->pageId(), pageNumber(2)) << "no page key ran";
}

TEST_F(ReviewKeysTest, TheEditorSuggestsAProjectWordTabTakesItReturnStoresOnlyWhatWasTyped)
{
    // A word of the project long enough to be suggested, and another word to type it on.
    const auto words = dbWords(pageNumber(2));
    const auto it = std::find_if(words.begin(), words.end(), [](const WordRecord& w) {
        return w.text.size() >= 6 && std::all_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); });
    });
    ASSERT_NE(it, words.end());
    const QString target = it->text;
    const WordRecord w = scannedWord(40);
    ASSERT_NE(w.text, target);

    select(w.id);
    QTest::keyClicks(m_view, target.left(1));
    QTest::keyClicks(m_view->textEditor(), target.mid(1, 3));
    const QString suggested = m_view->editor()->suggestion();
    ASSERT_FALSE(suggested.isEmpty());
    EXPECT_TRUE(suggested.startsWith(target.left(4))) << suggested.toStdString();
    // Return stores exactly what was typed, not the suggestion.
    QTest::keyClick(m_view->textEditor(), Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(dbWord(w.id)->text, target.left(4));

    // Tab takes the suggestion (it does not go on to the next word); Return stores it.
    select(w.id);
    QTest::keyClicks(m_view, target.left(1));
    QTest::keyClicks(m_view->textEditor(), target.mid(1, 3));
    QTest::keyClick(m_view->textEditor(), Qt::Key_Tab);
    EXPECT_EQ(m_view->textEditor()->text(), suggested);
    EXPECT_EQ(selected(), w.id);
    QTest::keyClick(m_view->textEditor(), Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(dbWord(w.id)->text, suggested);
}

TEST_F(ReviewKeysTest, ReturnAcceptsTheWordAndGoesOnTheEditorsReturnStoresAndGoesOn)
{
    setThreshold(100); // every OCR word of the scanned pages is in the queue
    m_window->showPage(pageNumber(1));
    focusView();
    QTest::keyClick(m_view, Qt::Key_Tab);
    const WordId first = selected();
    ASSERT_NE(first, 0);
    EXPECT_EQ(m_view->pageId(), pageNumber(2)) << "page 1 is a text layer: nothing to check";
    const QString before = m_window->queueStatus();
    EXPECT_TRUE(before.contains(QStringLiteral("to check in this document"))) << before.toStdString();

    QTest::keyClick(m_view, Qt::Key_Return); // accept: one key
    EXPECT_TRUE(dbWord(first)->reviewed);
    const WordId second = selected();
    ASSERT_NE(second, 0);
    EXPECT_NE(second, first);
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_window->queueStatus() != before; }, 10000)); // coalesced

    // Typing a correction and Return: stored, and on to the next word; Shift+Tab does not stop on the
    // words done (accepted or corrected).
    QTest::keyClicks(m_view, QStringLiteral("X"));
    QTest::keyClicks(m_view->textEditor(), QStringLiteral("yz"));
    QTest::keyClick(m_view->textEditor(), Qt::Key_Return);
    EXPECT_EQ(dbWord(second)->text, QStringLiteral("Xyz"));
    const WordId third = selected();
    EXPECT_NE(third, second);
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_NE(selected(), second);
    EXPECT_NE(selected(), first);

    // Undo names the change.
    EXPECT_TRUE(m_window->session()->undoStack()->undoText().contains(QStringLiteral("Xyz")))
        << m_window->session()->undoStack()->undoText().toStdString();
}

TEST_F(ReviewKeysTest, TheQueueSkipsReviewedPagesWrapsAndCounts)
{
    setThreshold(100);
    ASSERT_TRUE(m_window->session()->setPageReview(pageNumber(2), ReviewStatus::Reviewed));
    m_window->showPage(pageNumber(1));
    focusView();
    QTest::keyClick(m_view, Qt::Key_Tab);
    ASSERT_NE(selected(), 0);
    EXPECT_NE(m_view->pageId(), pageNumber(2)) << "a reviewed page is skipped";
    EXPECT_NE(m_view->pageId(), pageNumber(1));
    // Back from the first word to check: round the start of the project to the last one, with a message.
    const WordId firstStop = selected();
    // Every message shown (another one, e.g. from processing, may follow it at once).
    QSignalSpy messages(m_window->statusBar(), &QStatusBar::messageChanged);
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_NE(selected(), firstStop);
    EXPECT_TRUE(std::any_of(messages.begin(), messages.end(), [](const QList<QVariant>& m) {
        return m.at(0).toString().startsWith(QStringLiteral("Wrapped around"));
    }));
    QTest::keyClick(m_view, Qt::Key_Tab);
    EXPECT_EQ(selected(), firstStop);

    // The count matches the database: low-confidence words of pages not reviewed.
    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    const int expected = *(*store)->wordsToCheckCount(ReviewQueueRule{false, 100.0});
    EXPECT_TRUE(m_window->queueStatus().endsWith(QStringLiteral(", %1 in the project").arg(expected)))
        << m_window->queueStatus().toStdString();
}

TEST_F(ReviewKeysTest, TheWordIsCentredZoomedAndMagnifiedAboveTheEditor)
{
    setThreshold(100);
    m_view->fitPage(); // small: the words are a few pixels high
    m_window->showPage(pageNumber(1));
    focusView();
    QTest::keyClick(m_view, Qt::Key_Tab);
    const WordId w = selected();
    ASSERT_NE(w, 0);
    auto* item = m_view->wordItem(w);
    const QRect onScreen = m_view->mapFromScene(item->sceneBox()).boundingRect();
    EXPECT_GE(onScreen.height(), m_view->readableWordHeight() - 2) << "zoomed to a readable size";
    const QPoint centre = m_view->viewport()->rect().center();
    EXPECT_LT(std::abs(onScreen.center().x() - centre.x()), m_view->viewport()->width() / 4);
    // Centred, unless the page ends there (a word near the page's top or bottom edge).
    const QScrollBar* v = m_view->verticalScrollBar();
    EXPECT_TRUE(std::abs(onScreen.center().y() - centre.y()) < m_view->viewport()->height() / 4
                || v->value() == v->minimum() || v->value() == v->maximum());

    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_view->isRenderPending(); }, 30000));
    const QString textBefore = dbWord(w)->text;
    QTest::keyClicks(m_view, QStringLiteral("Q"));
    QFrame* panel = m_view->editor()->panel();
    ASSERT_TRUE(panel->isVisible());
    EXPECT_FALSE(panel->geometry().intersects(onScreen)) << "the editor never covers the word";
    const QImage strip = m_view->editor()->stripImage();
    ASSERT_FALSE(strip.isNull());
    EXPECT_GT(strip.height(), onScreen.height()) << "the line is magnified";
    // The strip shows ink (not a blank crop): some dark pixels.
    int dark = 0;
    for (int y = 0; y < strip.height(); ++y)
        for (int x = 0; x < strip.width(); ++x)
            dark += qGray(strip.pixel(x, y)) < 100;
    EXPECT_GT(dark, 20);
    QTest::keyClick(m_view->textEditor(), Qt::Key_Escape);
    EXPECT_FALSE(panel->isVisible());
    EXPECT_EQ(dbWord(w)->text, textBefore) << "Escape changes nothing";
}

TEST_F(ReviewKeysTest, ArrowsSelectShiftArrowsExtendAndTheRubberBandNeverMovesAWord)
{
    const WordRecord a = scannedWord(20);
    const auto words = dbWords(pageNumber(2));
    select(a.id);
    QTest::keyClick(m_view, Qt::Key_Right);
    EXPECT_EQ(selected(), words[21].id);
    QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{words[21].id, words[22].id, words[23].id}));
    QTest::keyClick(m_view, Qt::Key_Left, Qt::ShiftModifier);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{words[21].id, words[22].id}));
    QTest::keyClick(m_view, Qt::Key_Left);
    EXPECT_EQ(selected(), words[20].id);
    QTest::keyClick(m_view, Qt::Key_Down);
    const auto below = dbWord(selected());
    ASSERT_TRUE(below.has_value());
    EXPECT_GT(below->box.y0, a.box.y1 - a.box.height() / 2) << "a word of the line below";
    for (const auto& w : dbWords(pageNumber(2)))
        EXPECT_EQ(w.box,
                  std::find_if(words.begin(), words.end(), [&](const WordRecord& o) { return o.id == w.id; })->box)
            << "arrows without Alt move no box";

    // A rubber band that starts on a word that is not selected selects, it does not move the word.
    m_view->scene()->clearSelection();
    const WordRecord b = words[30], c = words[31];
    m_view->ensureVisible(toRectF(b.box));
    const QPoint from = m_view->mapFromScene(toRectF(b.box).center());
    const QPoint to = m_view->mapFromScene(toRectF(c.box).center()) + QPoint(0, 2);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), (from + to) / 2);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    EXPECT_TRUE(m_view->selectedWords().contains(b.id));
    EXPECT_TRUE(m_view->selectedWords().contains(c.id));
    EXPECT_EQ(dbWord(b.id)->box, b.box);
    EXPECT_EQ(dbWord(c.id)->box, c.box);
}

TEST_F(ReviewKeysTest, CtrlHHidesTheBoxesWhileHeldAndTheMenuOffersTheWordCommands)
{
    const WordRecord a = scannedWord(5);
    select(a.id);
    QTest::keyPress(m_view, Qt::Key_H, Qt::ControlModifier);
    EXPECT_TRUE(m_view->overlaysHidden());
    EXPECT_FALSE(m_view->wordItem(a.id)->isVisible());
    QTest::keyRelease(m_view, Qt::Key_H, Qt::ControlModifier);
    EXPECT_FALSE(m_view->overlaysHidden());
    EXPECT_TRUE(m_view->wordItem(a.id)->isVisible());

    QMenu* menu = m_view->contextMenuAt(QPoint(10, 10));
    QStringList texts;
    for (QAction* act : menu->actions())
        texts << act->text().remove(QLatin1Char('&'));
    for (const char* want :
         {"Edit Text", "Edit Line", "Merge Words", "Split Word", "Delete Words", "Accept Word and Go On", "Label"})
        EXPECT_TRUE(texts.contains(QString::fromLatin1(want)))
            << want << ": " << texts.join(QLatin1Char('|')).toStdString();
    delete menu;
}

TEST_F(ReviewKeysTest, ZoomAndScrollAreKeptPerPageAndANewPageStartsAtItsTop)
{
    m_window->showPage(pageNumber(2));
    m_view->zoomBy(4.0); // as Ctrl++ does: the fit mode goes
    const double zoom = m_view->zoom();
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum() / 2);
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    m_window->showPage(pageNumber(3));
    EXPECT_NEAR(m_view->zoom(), zoom, 1e-6) << "the zoom stays";
    EXPECT_EQ(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->minimum()) << "at the top";
    m_window->showPage(pageNumber(2));
    EXPECT_NEAR(m_view->zoom(), zoom, 1e-6);
    const QPointF back = m_view->mapToScene(m_view->viewport()->rect().center());
    EXPECT_LT(QLineF(back, centre).length(), 5.0);

    // Kept with the project: a new window on it shows page 2 where it was.
    const QString path = m_path;
    m_window->closeProject();
    ASSERT_TRUE(m_window->openProject(path));
    EXPECT_EQ(m_view->fitMode(), PageView::FitMode::Width) << "a project opens fitted, not at the old zoom";
    m_window->showPage(pageNumber(2));
    EXPECT_NEAR(m_view->zoom(), zoom, 1e-6);
}

} // namespace
