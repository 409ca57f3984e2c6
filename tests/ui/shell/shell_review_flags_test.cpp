// Review by the readers' flags, in the real main window on a copy of the bundled sample project: some
// words are stored as two engines read them (flagged, with PP-OCR's reading beside Tesseract's) through
// the store's own page outcomes, then Tab / Shift+Tab walk the flagged words across the project, the
// inspector shows both readings, Ctrl+Shift+O takes the other reading, Ctrl+Shift+A accepts a word, and
// undo flags it again; a project whose flags are all cleared stays on the flags.
#include "ui/review/inspector_widget.h"
#include "ui/view/overlay_items.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>

#include "tests/ui/sample_window_fixture.h"

namespace incidoc {
namespace {

class ReviewFlagsTest : public test::SampleWindowTest {
protected:
    // Stores page `page` again as two engines read it: every word Tesseract's, the words at `flagged`
    // flagged with PP-OCR's different reading ("<text>~"). Returns the page's new words.
    std::vector<WordRecord> readByTwoEngines(PageId page, const std::vector<int>& flagged)
    {
        auto store = ProjectStore::open(m_path);
        EXPECT_TRUE(store.ok());
        if (!store.ok())
            return {};
        ProjectStore& s = **store;
        const PageRecord p = *s.page(page);
        PageOutcome o;
        o.pageId = page;
        o.status = PageStatus::Done;
        o.kind = p.kind;
        o.widthPx = p.widthPx;
        o.heightPx = p.heightPx;
        o.dpi = p.dpi;
        o.rotation = p.rotation;
        o.widthPt = p.widthPt;
        o.heightPt = p.heightPt;
        o.engine = p.engine;
        o.timings = p.timings;
        o.source = WordSource::Ocr;
        const std::vector<WordRecord> before = *s.words(page);
        for (std::size_t i = 0; i < before.size(); ++i) {
            const WordRecord& w = before[i];
            RecognizedWord r;
            r.text = w.text;
            r.box = w.box;
            r.confidence = static_cast<float>(w.confidence.value_or(90.0));
            r.block = w.block;
            r.line = w.line;
            r.engine = QStringLiteral("tesseract");
            if (std::find(flagged.begin(), flagged.end(), static_cast<int>(i)) != flagged.end()) {
                r.flagged = true;
                r.alternatives.push_back({QStringLiteral("ppocr"), w.text + QStringLiteral("~"), 64.0f});
            }
            o.result.words.push_back(std::move(r));
        }
        EXPECT_TRUE(s.markProcessing({page}).ok());
        EXPECT_TRUE(s.storeOutcomes({o}).ok());
        return *s.words(page);
    }

    std::optional<WordRecord> dbWord(WordId id)
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto w = (*store)->word(id);
        return w.ok() ? *w : std::nullopt;
    }

    WordId selected()
    {
        const auto sel = m_view->selectedWords();
        return sel.size() == 1 ? sel.first() : 0;
    }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(m_view, static_cast<Qt::Key>(key), modifiers);
    }
};

TEST_F(ReviewFlagsTest, TabWalksTheFlaggedWordsOfTheProjectInReadingOrderAndWraps)
{
    const auto page2 = readByTwoEngines(pageNumber(2), {1, 3});
    const auto page4 = readByTwoEngines(pageNumber(4), {0});
    ASSERT_GT(page2.size(), 3u);
    ASSERT_FALSE(page4.empty());
    m_window->showPage(pageNumber(1));
    focusView();

    press(Qt::Key_Tab);
    EXPECT_EQ(m_view->pageId(), pageNumber(2));
    EXPECT_EQ(selected(), page2[1].id);
    // Flagged words are drawn as such.
    ASSERT_NE(m_view->wordItem(page2[1].id), nullptr);
    EXPECT_TRUE(m_view->wordItem(page2[1].id)->isFlagged());
    EXPECT_FALSE(m_view->wordItem(page2[0].id)->isFlagged());
    press(Qt::Key_Tab);
    EXPECT_EQ(selected(), page2[3].id);
    press(Qt::Key_Tab);
    EXPECT_EQ(m_view->pageId(), pageNumber(4));
    EXPECT_EQ(selected(), page4[0].id);
    press(Qt::Key_Tab); // round the end of the project to its first flagged word
    EXPECT_EQ(m_view->pageId(), pageNumber(2));
    EXPECT_EQ(selected(), page2[1].id);
    press(Qt::Key_Backtab, Qt::ShiftModifier); // and back round the start
    EXPECT_EQ(m_view->pageId(), pageNumber(4));
    EXPECT_EQ(selected(), page4[0].id);
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(selected(), page2[3].id);
}

TEST_F(ReviewFlagsTest, TheInspectorShowsBothReadingsAndTheKeysTakeTheOtherOrAcceptTheWord)
{
    const auto page2 = readByTwoEngines(pageNumber(2), {1, 3});
    ASSERT_GT(page2.size(), 3u);
    m_window->showPage(pageNumber(2));
    focusView();
    press(Qt::Key_Tab);
    ASSERT_EQ(selected(), page2[1].id);

    auto* readings = m_window->findChild<QLabel*>(QStringLiteral("inspectorReadings"));
    ASSERT_NE(readings, nullptr);
    EXPECT_EQ(readings->text(), QStringLiteral("Tesseract read %1 · PP-OCR read %1~").arg(page2[1].text));
    auto* accept = m_window->findChild<QPushButton*>(QStringLiteral("inspectorAccept"));
    ASSERT_NE(accept, nullptr);
    EXPECT_TRUE(accept->isEnabled());

    // Ctrl+Shift+O: the other reading becomes the text; the word is no longer flagged.
    press(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    auto w = dbWord(page2[1].id);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->text, page2[1].text + QStringLiteral("~"));
    EXPECT_FALSE(w->flagged);
    EXPECT_EQ(w->ocrText, std::optional<QString>(page2[1].text));
    EXPECT_FALSE(m_view->wordItem(page2[1].id)->isFlagged());
    // The readings still say what each engine read.
    EXPECT_EQ(readings->text(), QStringLiteral("Tesseract read %1 · PP-OCR read %1~").arg(page2[1].text));
    // Undo: as Tesseract read it, flagged again.
    m_window->session()->undoStack()->undo();
    w = dbWord(page2[1].id);
    EXPECT_EQ(w->text, page2[1].text);
    EXPECT_TRUE(w->flagged);
    EXPECT_TRUE(m_view->wordItem(page2[1].id)->isFlagged());

    // Ctrl+Shift+A, from the inspector's text field: accepted as it reads, the text unchanged.
    press(Qt::Key_Tab);
    ASSERT_EQ(selected(), page2[3].id);
    auto* text = m_window->findChild<QLineEdit*>(QStringLiteral("inspectorText"));
    ASSERT_NE(text, nullptr);
    text->setFocus();
    QTest::keyClick(text, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    w = dbWord(page2[3].id);
    EXPECT_FALSE(w->flagged);
    EXPECT_EQ(w->text, page2[3].text);
    EXPECT_EQ(text->text(), page2[3].text);
    EXPECT_EQ(m_window->session()->undoStack()->undoText(), QStringLiteral("Accept '%1'").arg(page2[3].text))
        << "the undo entry names the word it accepted";
    m_window->session()->undoStack()->undo();
    EXPECT_TRUE(dbWord(page2[3].id)->flagged);
}

TEST_F(ReviewFlagsTest, AProjectReadByTwoEnginesStaysOnItsFlagsWhenNoneIsLeft)
{
    const auto page2 = readByTwoEngines(pageNumber(2), {2});
    ASSERT_GT(page2.size(), 2u);
    m_window->showPage(pageNumber(1));
    focusView();
    press(Qt::Key_Tab);
    ASSERT_EQ(selected(), page2[2].id);
    press(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(dbWord(page2[2].id)->flagged);
    // Nothing is flagged any more: Tab stays (no low-confidence walk in a two-reader project) and says so.
    press(Qt::Key_Tab);
    EXPECT_EQ(selected(), page2[2].id);
    EXPECT_EQ(m_window->statusBar()->currentMessage(),
              QStringLiteral("No word left to check: the review queue is empty."));
    EXPECT_EQ(m_window->queueStatus(), QStringLiteral("Nothing left to check"));
}

} // namespace
} // namespace incidoc
