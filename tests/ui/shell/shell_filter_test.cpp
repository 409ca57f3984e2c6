// The word filter of the main window (View › Filter Words…) driven through its real widgets on the
// bundled sample project (imported and OCR'd by the core): which word boxes stay visible, the status bar
// count, Clear, and Tab navigation that stops only on the words the filter keeps. Expected sets are
// computed from a fresh read of the project database.
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/review/word_filter_bar.h"
#include "ui/shell/main_window.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <set>

#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class FilterTest : public test::SampleWindowTest {
protected:
    void SetUp() override
    {
        SampleWindowTest::SetUp();
        if (HasFatalFailure())
            return;
        m_bar = m_window->filterBar();
        ASSERT_NE(m_bar, nullptr);
        focusView();
    }

    /// The ids of the shown page whose word box is visible.
    std::set<WordId> visibleWords()
    {
        std::set<WordId> out;
        for (const auto& w : dbWords(m_view->pageId())) {
            auto* item = m_view->wordItem(w.id);
            EXPECT_NE(item, nullptr);
            if (item && item->isVisible())
                out.insert(w.id);
        }
        return out;
    }
    LabelRecord firstLabel()
    {
        const auto labels = m_window->session()->labels();
        EXPECT_FALSE(labels.empty());
        return labels.empty() ? LabelRecord{} : labels.front();
    }
    /// Chooses a label in the bar's combo box with the keyboard, as a user would.
    void chooseLabel(LabelId id)
    {
        QComboBox* combo = m_bar->labelCombo();
        const int index = combo->findData(static_cast<qlonglong>(id));
        ASSERT_GE(index, 0);
        combo->setFocus();
        while (combo->currentIndex() < index)
            QTest::keyClick(combo, Qt::Key_Down);
        ASSERT_EQ(combo->currentIndex(), index);
    }
    void typeInto(QSpinBox* spin, const QString& text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Return);
    }

    WordFilterBar* m_bar = nullptr;
};

TEST_F(FilterTest, LabelFilterShowsExactlyTheLabelledWordsAndFollowsEdits)
{
    const PageId page = m_view->pageId();
    const auto words = dbWords(page);
    ASSERT_GT(words.size(), 50u);
    const WordRecord a = words[5], b = words[40], c = words[20];
    const LabelRecord label = firstLabel();
    ASSERT_TRUE(m_window->session()->setWordsLabel({a.id, b.id}, label.id));
    int labelled = 0;
    for (const auto& w : dbWords(page))
        labelled += w.labelId == label.id;
    ASSERT_EQ(labelled, 2) << "only the two words carry the label in the project";

    // A word selected before the filter hides it is deselected.
    m_view->selectWords({c.id});
    ASSERT_EQ(m_view->selectedWords(), QList<WordId>{c.id});

    EXPECT_FALSE(m_bar->isVisible());
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier); // View › Filter Words…
    EXPECT_TRUE(m_bar->isVisible());
    EXPECT_TRUE(m_bar->labelCombo()->hasFocus());
    EXPECT_TRUE(m_window->filterStatus().isEmpty());
    chooseLabel(label.id);

    EXPECT_EQ(visibleWords(), (std::set<WordId>{a.id, b.id}));
    EXPECT_TRUE(m_view->selectedWords().isEmpty());
    EXPECT_EQ(m_window->filterStatus(), QStringLiteral("Filter: 2 of %1 words").arg(words.size()));

    // Select All and a rubber band over the whole page pick only the words shown.
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{a.id, b.id}));
    QTest::keyClick(m_view, Qt::Key_Escape);
    m_view->fitPage();
    const QPoint topLeft = m_view->mapFromScene(QPointF(1, 1));
    const QPoint bottomRight = m_view->mapFromScene(QPointF(m_view->page().widthPx - 1, m_view->page().heightPx - 1));
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, topLeft);
    QTest::mouseMove(m_view->viewport(), (topLeft + bottomRight) / 2);
    QTest::mouseMove(m_view->viewport(), bottomRight);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, bottomRight);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{a.id, b.id}));

    // A word labelled now appears at once: the filter is reapplied when the words change.
    ASSERT_TRUE(m_window->session()->setWordsLabel({c.id}, label.id));
    EXPECT_EQ(visibleWords(), (std::set<WordId>{a.id, b.id, c.id}));
    EXPECT_EQ(m_window->filterStatus(), QStringLiteral("Filter: 3 of %1 words").arg(words.size()));

    // Another page: the filter stays and counts that page's words (none labelled there).
    const PageId second = pageNumber(2);
    m_window->showPage(second);
    ASSERT_EQ(m_view->pageId(), second);
    EXPECT_TRUE(visibleWords().empty());
    EXPECT_EQ(m_window->filterStatus(), QStringLiteral("Filter: 0 of %1 words").arg(dbWords(second).size()));
    m_window->showPage(page);

    // Clear shows every word again and the status bar drops the count.
    QTest::mouseClick(m_bar->clearButton(), Qt::LeftButton);
    EXPECT_EQ(visibleWords().size(), words.size());
    EXPECT_TRUE(m_window->filterStatus().isEmpty());
    EXPECT_EQ(m_bar->labelCombo()->currentIndex(), 0);
}

TEST_F(FilterTest, ConfidenceBelowShowsOnlyTheWordsBelowItInTheDatabase)
{
    const PageId page = pageNumber(2); // scanned: OCR confidences spread out
    m_window->showPage(page);
    ASSERT_EQ(m_view->pageId(), page);
    const auto words = dbWords(page);
    ASSERT_FALSE(words.empty());

    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    typeInto(m_bar->maxConfidenceSpin(), QStringLiteral("85"));
    ASSERT_EQ(m_bar->maxConfidenceSpin()->value(), 85);
    std::set<WordId> below;
    for (const auto& w : words)
        if (w.confidence && *w.confidence < 85)
            below.insert(w.id);
    ASSERT_FALSE(below.empty());
    ASSERT_LT(below.size(), words.size()) << "the page needs words on both sides of 85";
    EXPECT_EQ(visibleWords(), below);
    EXPECT_EQ(m_window->filterStatus(), QStringLiteral("Filter: %1 of %2 words").arg(below.size()).arg(words.size()));

    // A lower bound as well: the range [60, 85).
    typeInto(m_bar->minConfidenceSpin(), QStringLiteral("60"));
    std::set<WordId> range;
    for (const auto& w : words)
        if (w.confidence && *w.confidence >= 60 && *w.confidence < 85)
            range.insert(w.id);
    EXPECT_EQ(visibleWords(), range);

    QTest::mouseClick(m_bar->clearButton(), Qt::LeftButton);
    EXPECT_EQ(visibleWords().size(), words.size());
    EXPECT_EQ(m_bar->minConfidenceSpin()->value(), 0);
    EXPECT_EQ(m_bar->maxConfidenceSpin()->value(), 100);
    EXPECT_TRUE(m_window->filterStatus().isEmpty());
}

TEST_F(FilterTest, TabWithAFilterLandsOnlyOnTheWordsItShows)
{
    AppSettings s = m_window->settings();
    s.confidenceThreshold = 100; // every OCR word of the scanned pages is low-confidence
    m_window->applySettings(s);
    const PageId page2 = pageNumber(2);
    const auto words = dbWords(page2);
    std::vector<WordRecord> low;
    for (const auto& w : words)
        if (w.confidence && *w.confidence < 100)
            low.push_back(w);
    ASSERT_GT(low.size(), 30u);
    const WordRecord x = low[10], y = low[25]; // low-confidence words come before both

    // Without a filter Tab from page 1 stops on the first low-confidence word of page 2, not on x.
    QTest::keyClick(m_view, Qt::Key_Tab);
    ASSERT_EQ(m_view->pageId(), page2);
    ASSERT_EQ(m_view->selectedWords(), QList<WordId>{low.front().id});

    const LabelRecord label = firstLabel();
    ASSERT_TRUE(m_window->session()->setWordsLabel({x.id, y.id}, label.id));
    m_window->showPage(pageNumber(1));
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    chooseLabel(label.id);
    m_view->setFocus();

    QTest::keyClick(m_view, Qt::Key_Tab);
    EXPECT_EQ(m_view->pageId(), page2);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{x.id});
    QTest::keyClick(m_view, Qt::Key_Tab);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{y.id});
    // Every message shown (another one, e.g. from processing, may follow it at once).
    QSignalSpy messages(m_window->statusBar(), &QStatusBar::messageChanged);
    QTest::keyClick(m_view, Qt::Key_Tab); // no other word of the project carries the label: round to x
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{x.id});
    EXPECT_TRUE(std::any_of(messages.begin(), messages.end(), [](const QList<QVariant>& m) {
        return m.at(0).toString().startsWith(QStringLiteral("Wrapped around"));
    }));
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier); // and back round the start to y
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{y.id});
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{x.id});

    // A confidence filter: every Tab stop is a word below it (checked in the database).
    QTest::mouseClick(m_bar->clearButton(), Qt::LeftButton);
    typeInto(m_bar->maxConfidenceSpin(), QStringLiteral("80"));
    m_window->showPage(pageNumber(1));
    m_view->setFocus();
    std::vector<WordId> expected;
    for (const auto& w : low)
        if (*w.confidence < 80)
            expected.push_back(w.id);
    ASSERT_GE(expected.size(), 2u);
    ASSERT_NE(expected.front(), low.front().id) << "the filter must skip some low-confidence words";
    for (std::size_t i = 0; i < 2; ++i) {
        QTest::keyClick(m_view, Qt::Key_Tab);
        ASSERT_EQ(m_view->pageId(), page2);
        ASSERT_EQ(m_view->selectedWords(), QList<WordId>{expected[i]});
        EXPECT_TRUE(m_view->wordItem(expected[i])->isVisible());
    }
}

} // namespace
