// Line mode in the page view on a real project (the bundled sample through the real pipeline): the line
// editor opens on a real text line of a scanned page with the line's text, what is typed is stored exactly
// (a word changed, a word split, words joined or removed), unchanged words keep their ids and boxes, every
// box stays inside the line, and one undo puts the line back as it was.
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/view/line_editor.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/ui/session_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

// A word as the tests compare it: everything the line edit may change, and its place.
std::string describe(const WordRecord& w)
{
    return QStringLiteral("#%1 '%2' [%3,%4 %5,%6] b%7 l%8 o%9 label%10 edited%11 %12")
        .arg(w.id)
        .arg(w.text)
        .arg(w.box.x0)
        .arg(w.box.y0)
        .arg(w.box.x1)
        .arg(w.box.y1)
        .arg(w.block)
        .arg(w.line)
        .arg(w.order)
        .arg(w.labelId.value_or(0))
        .arg(w.edited)
        .arg(w.ocrText.value_or(QStringLiteral("-")))
        .toStdString();
}

std::vector<std::string> describe(const std::vector<WordRecord>& words)
{
    std::vector<std::string> out;
    for (const WordRecord& w : words)
        out.push_back(describe(w));
    return out;
}

bool allLetters(const QString& s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.isLetter(); });
}

class LineEditorTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = test::copySampleProject(m_dir);
        ASSERT_FALSE(m_path.isEmpty());
        auto s = ProjectSession::open(m_path);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        m_session = std::move(s).value();
        QObject::connect(m_session.get(), &ProjectSession::errorOccurred, [this](const QString& m) { m_errors << m; });
        const auto docs = m_session->documents();
        ASSERT_EQ(docs.size(), 1u);
        const auto pages = m_session->pages(docs.front().id);
        ASSERT_EQ(pages.size(), 4u);
        m_page = pages[1].id; // scanned
        m_view = std::make_unique<PageView>(incidoc::makeLocalWorkplace());
        m_view->resize(1000, 900);
        m_view->setSession(m_session.get());
        m_view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->showPage(m_page);
        // The page image is there: its ink gaps place the cuts.
        ASSERT_TRUE(QTest::qWaitFor([&] { return !m_view->isRenderPending() && m_view->shownRenderDpi() > 0; }, 30000));
        m_line = findLine();
        ASSERT_GE(m_line.size(), 4u) << "no line of four words or more, the third a word of four letters or more";
        for (const WordRecord& w : m_line)
            m_lineBox = m_lineBox.united(w.box);
    }
    void TearDown() override
    {
        m_view.reset();
        m_session.reset();
    }

    // A text line of the scanned page with at least four words, its third word all letters and at least four
    // long (to be split), in reading order.
    std::vector<WordRecord> findLine() const
    {
        const auto words = m_session->words(m_page);
        for (const WordRecord& first : words) {
            std::vector<WordRecord> line;
            for (const WordRecord& w : words)
                if (w.block == first.block && w.line == first.line)
                    line.push_back(w);
            if (line.size() >= 4 && line.front().id == first.id && allLetters(line[2].text) && line[2].text.size() >= 4)
                return line;
        }
        return {};
    }

    QString lineText() const
    {
        QStringList texts;
        for (const WordRecord& w : m_line)
            texts << w.text;
        return texts.join(QLatin1Char(' '));
    }

    QLineEdit* openEditor(WordId on)
    {
        m_view->selectWords({on});
        m_view->setFocus();
        if (!m_view->startLineEdit())
            return nullptr;
        return m_view->lineEditor()->lineEdit();
    }

    // Types `text` over the whole line in the open editor, as keys.
    static void typeOver(QLineEdit* edit, const QString& text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    WordRecord word(WordId id) const
    {
        for (const WordRecord& w : m_session->words(m_page))
            if (w.id == id)
                return w;
        ADD_FAILURE() << "word " << id << " is not on the page";
        return {};
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<PageView> m_view;
    PageId m_page = 0;
    std::vector<WordRecord> m_line;
    PixelBox m_lineBox;
    QStringList m_errors;
};

TEST_F(LineEditorTest, ShiftF2OpensTheWholeLineUnderIt)
{
    m_view->selectWords({m_line[1].id});
    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_F2, Qt::ShiftModifier);
    LineEditor* editor = m_view->lineEditor();
    ASSERT_TRUE(editor->isOpen());
    QLineEdit* edit = editor->lineEdit();
    EXPECT_TRUE(edit->isVisible());
    EXPECT_TRUE(edit->hasFocus());
    EXPECT_EQ(edit->text(), lineText());
    QList<WordId> ids;
    for (const WordRecord& w : m_line)
        ids << w.id;
    EXPECT_EQ(editor->words(), ids);
    // Under the line and at least as wide as it.
    const QRect line = m_view->mapFromScene(toRectF(m_lineBox)).boundingRect();
    EXPECT_GE(edit->geometry().top(), line.bottom());
    EXPECT_GE(edit->width(), line.width());
    EXPECT_EQ(edit->x(), line.left());
    // The action is in the view's edit actions, with its key.
    const auto actions = m_view->editActions();
    EXPECT_TRUE(std::any_of(actions.begin(), actions.end(),
                            [](QAction* a) { return a->shortcut() == QKeySequence(QStringLiteral("Shift+F2")); }));
}

TEST_F(LineEditorTest, AWordDrawnFarFromTheLineIsNotPartOfIt)
{
    // A box drawn in a band of the page no word reaches (between two lines, or below the last) is on no
    // line: it takes block 0, line 0, the numbers of the page's first line.
    const PageRecord page = *m_session->page(m_page);
    std::vector<std::pair<int, int>> bands;
    for (const WordRecord& w : m_session->words(m_page))
        bands.push_back({w.box.y0, w.box.y1});
    std::sort(bands.begin(), bands.end());
    int freeY = -1, reached = 0;
    for (const auto& [y0, y1] : bands) {
        if (y0 - reached >= 60 && reached > m_lineBox.y1) {
            freeY = reached + 10;
            break;
        }
        reached = std::max(reached, y1);
    }
    if (freeY < 0)
        freeY = reached + 10;
    ASSERT_LT(freeY + 40, page.heightPx);
    const WordId drawn = m_session->addWord(m_page, {100, freeY, 300, freeY + 40}, QStringLiteral("stray"));
    ASSERT_NE(drawn, 0);
    const WordRecord stray = word(drawn);
    ASSERT_EQ(stray.block, m_line[0].block);
    ASSERT_EQ(stray.line, m_line[0].line);
    ASSERT_NE(openEditor(m_line[0].id), nullptr);
    EXPECT_FALSE(m_view->lineEditor()->words().contains(drawn));
    EXPECT_EQ(m_view->lineEditor()->lineEdit()->text(), lineText());
}

TEST_F(LineEditorTest, ChangingAndSplittingWordsKeepsBoxesInsideTheLineAndOneUndoRestoresIt)
{
    const auto before = describe(m_session->words(m_page));
    const int steps = m_session->undoStack()->count();
    QLineEdit* edit = openEditor(m_line[0].id);
    ASSERT_NE(edit, nullptr);
    // Word 2 changed, word 3 split in the middle (a space typed inside it), the rest typed again.
    const QString third = m_line[2].text;
    const int half = static_cast<int>(third.size()) / 2;
    QStringList typed;
    for (std::size_t i = 0; i < m_line.size(); ++i) {
        if (i == 1)
            typed << QStringLiteral("Changed");
        else if (i == 2)
            typed << third.left(half) << third.mid(half);
        else
            typed << m_line[i].text;
    }
    typeOver(edit, typed.join(QLatin1Char(' ')));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_FALSE(m_view->lineEditor()->isOpen());
    EXPECT_TRUE(m_errors.isEmpty()) << qPrintable(m_errors.join(QLatin1Char('\n')));

    // One undo step, named after the change.
    ASSERT_EQ(m_session->undoStack()->count(), steps + 1);
    const QString undoText = m_session->undoStack()->undoText();
    EXPECT_TRUE(undoText.startsWith(QStringLiteral("Line '"))) << qPrintable(undoText);
    EXPECT_TRUE(undoText.contains(QStringLiteral("Changed"))) << qPrintable(undoText);

    // The line's words are selected afterwards, in the order typed, with exactly the texts typed.
    const QList<WordId> after = m_view->selectedWords();
    ASSERT_EQ(after.size(), typed.size());
    for (qsizetype i = 0; i < after.size(); ++i)
        EXPECT_EQ(word(after[i]).text, typed[i]) << i;
    // The ids: untouched words, the changed word and the first part of the split word carry on.
    EXPECT_EQ(after[0], m_line[0].id);
    EXPECT_EQ(after[1], m_line[1].id);
    EXPECT_EQ(after[2], m_line[2].id);
    for (std::size_t i = 3; i < m_line.size(); ++i)
        EXPECT_EQ(after[static_cast<qsizetype>(i + 1)], m_line[i].id) << i;
    const auto isOld = [&](WordId id) {
        return std::any_of(m_line.begin(), m_line.end(), [&](const WordRecord& w) { return w.id == id; });
    };
    EXPECT_FALSE(isOld(after[3])); // the second part is a new word
    // The boxes: unchanged and changed words keep theirs; the split parts share the split word's; every box
    // inside the line's union box; all on the line.
    EXPECT_EQ(word(after[0]).box, m_line[0].box);
    EXPECT_EQ(word(after[1]).box, m_line[1].box);
    for (std::size_t i = 3; i < m_line.size(); ++i)
        EXPECT_EQ(word(after[static_cast<qsizetype>(i + 1)]).box, m_line[i].box) << i;
    const PixelBox left = word(after[2]).box, right = word(after[3]).box;
    EXPECT_EQ(left.intersected(m_line[2].box), left);
    EXPECT_EQ(right.intersected(m_line[2].box), right);
    // Cut at an ink gap of the shown render (a cut by letter count alone leaves no space between the parts).
    EXPECT_LT(left.x1, right.x0);
    EXPECT_EQ(left.x0, m_line[2].box.x0);
    EXPECT_EQ(right.x1, m_line[2].box.x1);
    for (WordId id : after) {
        const WordRecord w = word(id);
        EXPECT_FALSE(w.box.isEmpty());
        EXPECT_EQ(w.box.intersected(m_lineBox), w.box) << describe(w);
        EXPECT_EQ(w.block, m_line[0].block) << describe(w);
        EXPECT_EQ(w.line, m_line[0].line) << describe(w);
    }
    // Reading order: the line reads as typed.
    std::vector<WordId> order;
    for (const WordRecord& w : m_session->words(m_page))
        if (after.contains(w.id))
            order.push_back(w.id);
    EXPECT_EQ(order, std::vector<WordId>(after.begin(), after.end()));

    // One undo: the page exactly as before (ids, texts, boxes, order, flags); redo: as typed again.
    m_session->undoStack()->undo();
    EXPECT_EQ(describe(m_session->words(m_page)), before);
    m_session->undoStack()->redo();
    for (qsizetype i = 0; i < after.size(); ++i)
        EXPECT_EQ(word(after[i]).text, typed[i]) << i;
}

TEST_F(LineEditorTest, JoinedAndDeletedWordsAndTheirLabels)
{
    ASSERT_TRUE(m_session->addLabel({0, QStringLiteral("NAME"), QStringLiteral("#123456"), QString()}));
    const LabelId label = m_session->labels().back().id;
    ASSERT_TRUE(m_session->setWordsLabel({m_line[0].id, m_line[2].id}, label));
    const WordRecord labelled = word(m_line[2].id);
    const auto before = describe(m_session->words(m_page));
    QLineEdit* edit = openEditor(m_line[2].id);
    ASSERT_NE(edit, nullptr);
    // Words 1 and 2 joined (the space between them deleted), word 4 deleted.
    QStringList typed{m_line[0].text + m_line[1].text, m_line[2].text};
    for (std::size_t i = 4; i < m_line.size(); ++i)
        typed << m_line[i].text;
    typeOver(edit, typed.join(QLatin1Char(' ')));
    QTest::keyClick(edit, Qt::Key_Enter);
    const QList<WordId> after = m_view->selectedWords();
    ASSERT_EQ(after.size(), typed.size());
    const WordRecord joined = word(after[0]);
    EXPECT_EQ(joined.id, m_line[0].id);
    EXPECT_EQ(joined.text, typed[0]);
    EXPECT_EQ(joined.box, m_line[0].box.united(m_line[1].box));
    EXPECT_EQ(joined.labelId, label); // its label and id survive
    const WordRecord kept = word(after[1]);
    EXPECT_EQ(kept.id, m_line[2].id);
    EXPECT_EQ(kept.box, m_line[2].box);
    EXPECT_EQ(kept.labelId, label);
    EXPECT_EQ(kept.text, labelled.text); // typed again unchanged: untouched
    EXPECT_EQ(kept.edited, labelled.edited);
    EXPECT_EQ(kept.ocrText, labelled.ocrText);
    const auto ids = m_session->words(m_page);
    for (WordId gone : {m_line[1].id, m_line[3].id})
        EXPECT_TRUE(std::none_of(ids.begin(), ids.end(), [&](const WordRecord& w) { return w.id == gone; }));
    m_session->undoStack()->undo();
    EXPECT_EQ(describe(m_session->words(m_page)), before);
}

TEST_F(LineEditorTest, EscapeCancelsAndClickingElsewhereCommits)
{
    const auto before = describe(m_session->words(m_page));
    const int steps = m_session->undoStack()->count();
    QLineEdit* edit = openEditor(m_line[0].id);
    ASSERT_NE(edit, nullptr);
    typeOver(edit, QStringLiteral("nothing of this is kept"));
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_FALSE(m_view->lineEditor()->isOpen());
    EXPECT_FALSE(edit->isVisible());
    EXPECT_EQ(m_session->undoStack()->count(), steps);
    EXPECT_EQ(describe(m_session->words(m_page)), before);

    // The same text typed again: nothing to change, no undo step.
    edit = openEditor(m_line[0].id);
    ASSERT_NE(edit, nullptr);
    typeOver(edit, lineText());
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(m_session->undoStack()->count(), steps);

    // Focus leaving the field keeps what was typed.
    edit = openEditor(m_line[0].id);
    ASSERT_NE(edit, nullptr);
    QStringList changed;
    for (const WordRecord& w : m_line)
        changed << w.text;
    changed[1] = QStringLiteral("Other");
    typeOver(edit, changed.join(QLatin1Char(' ')));
    m_view->setFocus(Qt::MouseFocusReason);
    QApplication::processEvents();
    EXPECT_FALSE(m_view->lineEditor()->isOpen());
    EXPECT_EQ(m_session->undoStack()->count(), steps + 1);
    EXPECT_EQ(word(m_line[1].id).text, QStringLiteral("Other"));
    EXPECT_EQ(word(m_line[1].id).box, m_line[1].box);
}

TEST_F(LineEditorTest, AReadOnlyProjectOpensNoLineEditor)
{
    m_view.reset();
    m_session.reset();
    auto s = ProjectSession::open(m_path, true);
    ASSERT_TRUE(s.ok());
    m_session = std::move(s).value();
    m_view = std::make_unique<PageView>(incidoc::makeLocalWorkplace());
    m_view->setSession(m_session.get());
    m_view->show();
    m_view->showPage(m_page);
    QStringList messages;
    QObject::connect(m_view.get(), &PageView::statusMessage, [&](const QString& m) { messages << m; });
    m_view->selectWords({m_line[0].id});
    EXPECT_FALSE(m_view->startLineEdit());
    EXPECT_FALSE(m_view->lineEditor()->isOpen());
    EXPECT_FALSE(messages.isEmpty());
    // The session refuses too, and says why.
    QStringList errors;
    QObject::connect(m_session.get(), &ProjectSession::errorOccurred, [&](const QString& m) { errors << m; });
    EXPECT_FALSE(m_session->setLineText(m_page, {m_line[0].id}, QStringLiteral("x")).has_value());
    EXPECT_EQ(errors.size(), 1);
}

TEST_F(LineEditorTest, WordsNoLongerOnThePageAreAnError)
{
    const auto before = describe(m_session->words(m_page));
    EXPECT_FALSE(m_session->setLineText(m_page, {987654321}, QStringLiteral("x")).has_value());
    EXPECT_EQ(m_errors.size(), 1);
    EXPECT_EQ(describe(m_session->words(m_page)), before);
}

TEST_F(LineEditorTest, AnEmptyLineRemovesItsWordsUntilUndone)
{
    const auto before = describe(m_session->words(m_page));
    QLineEdit* edit = openEditor(m_line[1].id);
    ASSERT_NE(edit, nullptr);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(m_view->selectedWords().isEmpty());
    const auto words = m_session->words(m_page);
    for (const WordRecord& gone : m_line)
        EXPECT_TRUE(std::none_of(words.begin(), words.end(), [&](const WordRecord& w) { return w.id == gone.id; }));
    m_session->undoStack()->undo();
    EXPECT_EQ(describe(m_session->words(m_page)), before);
}

} // namespace
