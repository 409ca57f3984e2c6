// The main window driven like a user would (QTest mouse and key events on the offscreen platform) on
// a real project (the bundled sample, imported and OCR'd by the core), checking the project database
// after every step.
#include "core/storage/project_store.h"
#include "tests/ui/session_fixture.h"
#include "ui/project_session.h"
#include "ui/review/inspector_widget.h"
#include "ui/review/search_panel.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class ShellTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        ASSERT_TRUE(m_dir.isValid());
        m_path = test::copySampleProject(m_dir);
        ASSERT_FALSE(m_path.isEmpty());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 950);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        ASSERT_TRUE(m_window->openProject(m_path)) << qPrintable(m_window->lastError());
        m_view = m_window->pageView();
        QApplication::setActiveWindow(m_window.get());
        m_view->setFocus();
        QApplication::processEvents();
    }
    void TearDown() override { m_window.reset(); }

    /// A fresh read of the project, on a connection of its own (what is committed, nothing else).
    std::vector<WordRecord> dbWords(PageId page)
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto words = (*store)->words(page);
        EXPECT_TRUE(words.ok());
        return words ? *words : std::vector<WordRecord>{};
    }
    std::optional<WordRecord> dbWord(PageId page, WordId id)
    {
        for (const auto& w : dbWords(page))
            if (w.id == id)
                return w;
        return std::nullopt;
    }
    PageId pageNumber(int n)
    {
        const auto docs = m_window->session()->documents();
        for (const auto& p : m_window->session()->pages(docs.front().id))
            if (p.number == n)
                return p.id;
        return 0;
    }
    QPoint viewPos(WordId id)
    {
        auto* item = m_view->wordItem(id);
        EXPECT_NE(item, nullptr);
        return item ? m_view->mapFromScene(item->sceneBox().center()) : QPoint();
    }
    void click(WordId id, Qt::KeyboardModifiers mods = {})
    {
        m_view->ensureVisible(m_view->wordItem(id)->sceneBox());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, mods, viewPos(id));
    }
    /// Two neighbouring words of one line with plain letters (for merge and split).
    std::pair<WordRecord, WordRecord> neighbours(PageId page)
    {
        const auto words = dbWords(page);
        for (size_t i = 0; i + 1 < words.size(); ++i) {
            const auto &a = words[i], &b = words[i + 1];
            if (a.line == b.line && a.block == b.block && a.text.size() >= 4 && b.text.size() >= 4)
                return {a, b};
        }
        ADD_FAILURE() << "no neighbouring words";
        return {};
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    PageView* m_view = nullptr;
};

TEST_F(ShellTest, OpensProjectAndDrawsABoxWhereEachWordIs)
{
    EXPECT_EQ(m_window->documentsModel()->rowCount(), 1);
    EXPECT_EQ(m_view->pageId(), pageNumber(1));
    const auto words = dbWords(m_view->pageId());
    ASSERT_GT(words.size(), 100u);
    EXPECT_EQ(m_view->wordItemCount(), static_cast<int>(words.size()));
    for (const auto& w : words) {
        auto* item = m_view->wordItem(w.id);
        ASSERT_NE(item, nullptr) << w.text.toStdString();
        EXPECT_EQ(item->sceneBox(), toRectF(w.box)) << w.text.toStdString();
    }
    EXPECT_TRUE(m_window->windowTitle().contains(QStringLiteral("sample.incidoc")));
}

TEST_F(ShellTest, ClickSelectsAWordAndTheInspectorShowsIt)
{
    const auto words = dbWords(m_view->pageId());
    const WordRecord& w = words[10];
    click(w.id);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{w.id});
    ASSERT_NE(m_window->inspector(), nullptr);
    EXPECT_EQ(m_window->inspector()->selection(), QList<WordId>{w.id});
    // Ctrl+click adds a second word; clicking the page background clears.
    click(words[11].id, Qt::ControlModifier);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{w.id, words[11].id}));
}

TEST_F(ShellTest, TypeACorrectionThenUndoAndRedoInTheDatabase)
{
    const PageId page = m_view->pageId();
    const WordRecord w = dbWords(page)[20];
    click(w.id);
    QTest::keyClick(m_view, Qt::Key_F2);
    ASSERT_TRUE(m_view->textEditor()->isVisible());
    EXPECT_EQ(m_view->textEditor()->text(), w.text);
    QTest::keyClicks(m_view->textEditor(), QStringLiteral("Corrected")); // replaces the selected text
    QTest::keyClick(m_view->textEditor(), Qt::Key_Return);
    EXPECT_FALSE(m_view->textEditor()->isVisible());
    EXPECT_EQ(dbWord(page, w.id)->text, QStringLiteral("Corrected"));

    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(dbWord(page, w.id)->text, w.text);
    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(dbWord(page, w.id)->text, QStringLiteral("Corrected"));

    // Just typing on a selected word starts the editor with what was typed.
    const WordRecord v = dbWords(page)[21];
    click(v.id);
    QTest::keyClick(m_view, 'Q');
    ASSERT_TRUE(m_view->textEditor()->isVisible());
    EXPECT_TRUE(m_view->textEditor()->hasFocus());
    QTest::keyClicks(m_view->textEditor(), QStringLiteral("xyz")); // the keys that follow go to the editor
    QTest::keyClick(m_view->textEditor(), Qt::Key_Enter);
    EXPECT_EQ(dbWord(page, v.id)->text, QStringLiteral("Qxyz"));
}

TEST_F(ShellTest, MergeSplitLabelKeyAndMarkReviewedWithTheKeyboard)
{
    const PageId page = m_view->pageId();
    const auto [a, b] = neighbours(page);
    click(a.id);
    click(b.id, Qt::ControlModifier);
    QTest::keyClick(m_view, Qt::Key_M);
    auto merged = dbWord(page, a.id);
    const bool keptA = merged.has_value();
    if (!keptA)
        merged = dbWord(page, b.id);
    ASSERT_TRUE(merged.has_value());
    EXPECT_EQ(merged->text, a.text + QLatin1Char(' ') + b.text);
    EXPECT_EQ(merged->box, a.box.united(b.box));
    EXPECT_FALSE(dbWord(page, keptA ? b.id : a.id).has_value());
    const size_t afterMerge = dbWords(page).size();

    // Split the merged word in the middle (S): two words again.
    ASSERT_EQ(m_view->selectedWords().size(), 1);
    QTest::keyClick(m_view, Qt::Key_S);
    EXPECT_EQ(dbWords(page).size(), afterMerge + 1);

    // Key 1 assigns the label whose shortcut is 1; 0 clears it.
    const auto labels = m_window->session()->labels();
    auto one = std::find_if(labels.begin(), labels.end(), [](const LabelRecord& l) { return l.shortcut == QLatin1String("1"); });
    ASSERT_NE(one, labels.end());
    const WordRecord c = dbWords(page)[5];
    click(c.id);
    QTest::keyClick(m_view, Qt::Key_1);
    EXPECT_EQ(dbWord(page, c.id)->labelId, one->id);
    QTest::keyClick(m_view, Qt::Key_0);
    EXPECT_FALSE(dbWord(page, c.id)->labelId.has_value());

    // Ctrl+Enter marks the page reviewed.
    QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    EXPECT_EQ((*store)->page(page)->review, ReviewStatus::Reviewed);

    // N goes to the next page not reviewed.
    QTest::keyClick(m_view, Qt::Key_N);
    EXPECT_EQ(m_view->pageId(), pageNumber(2));
}

TEST_F(ShellTest, ArrowKeysMoveAndShiftArrowsResizeTheSelectedBox)
{
    const PageId page = m_view->pageId();
    const WordRecord w = dbWords(page)[30];
    click(w.id);
    QTest::keyClick(m_view, Qt::Key_Right);
    QTest::keyClick(m_view, Qt::Key_Down);
    PixelBox expected{w.box.x0 + 1, w.box.y0 + 1, w.box.x1 + 1, w.box.y1 + 1};
    EXPECT_EQ(dbWord(page, w.id)->box, expected);
    QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
    expected.x1 += 1;
    EXPECT_EQ(dbWord(page, w.id)->box, expected);
    EXPECT_EQ(m_view->wordItem(w.id)->sceneBox(), toRectF(expected));
}

TEST_F(ShellTest, DrawingABoxAddsAUserWordWithTheTextOcrReadInIt)
{
    const PageId page = pageNumber(2); // a scanned page
    m_window->showPage(page);
    ASSERT_EQ(m_view->pageId(), page);
    // A long, confidently read word: draw a box around it (a little larger than its box).
    std::optional<WordRecord> target;
    for (const auto& w : dbWords(page))
        if (w.text.size() >= 6 && w.confidence && *w.confidence > 90 &&
            std::all_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); })) {
            target = w;
            break;
        }
    ASSERT_TRUE(target.has_value());
    std::set<WordId> before;
    for (const auto& w : dbWords(page))
        before.insert(w.id);

    m_view->setZoom(0.5);
    m_view->ensureVisible(toRectF(target->box), 100, 100);
    QTest::keyClick(m_view, Qt::Key_B);
    ASSERT_TRUE(m_view->isDrawMode());
    const QPoint from = m_view->mapFromScene(QPointF(target->box.x0 - 6, target->box.y0 - 6));
    const QPoint to = m_view->mapFromScene(QPointF(target->box.x1 + 6, target->box.y1 + 6));
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), (from + to) / 2);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_view->isOcrPending(); }, 60000));

    std::optional<WordRecord> added;
    for (const auto& w : dbWords(page))
        if (!before.count(w.id))
            added = w;
    ASSERT_TRUE(added.has_value());
    EXPECT_EQ(added->source, WordSource::User);
    EXPECT_EQ(added->text, target->text);
    EXPECT_NEAR(added->box.x0, target->box.x0 - 6, 2);
    EXPECT_NEAR(added->box.y1, target->box.y1 + 6, 2);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{added->id});
}

TEST_F(ShellTest, SearchResultJumpsToThePageAndSelectsTheWord)
{
    const auto hits = m_window->session()->search(QStringLiteral("Quill"));
    ASSERT_FALSE(hits.empty());
    SearchPanel* panel = m_window->searchPanel();
    ASSERT_NE(panel, nullptr);
    // Choose the last hit (on a later page than the one shown).
    const SearchHit want = hits.back();
    panel->search(QStringLiteral("Quill"));
    auto* tree = panel->findChild<QTreeWidget*>();
    ASSERT_NE(tree, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tree->topLevelItemCount() > 0; }, 5000));
    QTreeWidgetItem* last = tree->topLevelItem(tree->topLevelItemCount() - 1);
    while (last->childCount())
        last = last->child(last->childCount() - 1);
    tree->setCurrentItem(last);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    EXPECT_EQ(m_view->pageId(), want.pageId);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{want.wordId});
}

TEST_F(ShellTest, TabWalksTheLowConfidenceWordsAcrossPages)
{
    AppSettings s = m_window->settings();
    s.confidenceThreshold = 95; // the sample's scanned pages have words below this
    m_window->applySettings(s);
    QTest::keyClick(m_view, Qt::Key_Tab); // page 1 is a text layer (100): goes on to a scanned page
    const auto sel = m_view->selectedWords();
    ASSERT_EQ(sel.size(), 1);
    EXPECT_NE(m_view->pageId(), pageNumber(1));
    const auto w = dbWord(m_view->pageId(), sel.first());
    ASSERT_TRUE(w && w->confidence);
    EXPECT_LT(*w->confidence, 95);
    QTest::keyClick(m_view, Qt::Key_Tab);
    ASSERT_EQ(m_view->selectedWords().size(), 1);
    EXPECT_NE(m_view->selectedWords().first(), sel.first());
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(m_view->selectedWords(), sel);
}

TEST_F(ShellTest, ShortcutTableListsEveryActionWithItsKeys)
{
    ShortcutsDialog dialog(m_window->allActions());
    auto* table = dialog.table();
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QLatin1Char('=') + table->item(r, 1)->text();
    EXPECT_TRUE(rows.contains(QStringLiteral("Merge Words=M"))) << rows.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Draw Box=B")));
    EXPECT_TRUE(rows.contains(QStringLiteral("Next Unreviewed Page=N")));
    EXPECT_GT(table->rowCount(), 25);
    EXPECT_TRUE(AboutDialog::versionsText().contains(QStringLiteral("Tesseract")));
}

TEST(ShellOpen, CorruptOrForeignProjectShowsTheErrorAndIsNeverWritten)
{
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    const QString corrupt = dir.filePath(QStringLiteral("corrupt.incidoc"));
    QByteArray bytes("SQLite format 3");
    bytes.append('\0');
    for (int i = 0; i < 8192; ++i)
        bytes.append(char((i * 131) % 251));
    {
        QFile f(corrupt);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    EXPECT_FALSE(window.openProject(corrupt));
    EXPECT_FALSE(window.lastError().isEmpty());
    EXPECT_EQ(window.session(), nullptr);
    auto* box = window.findChild<QMessageBox*>();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("corrupt.incidoc")));
    QFile f(corrupt);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), bytes);
    EXPECT_FALSE(QFile::exists(corrupt + QStringLiteral("-wal")) && QFileInfo(corrupt + QStringLiteral("-wal")).size() > 0);

    // A text file that is not a project at all.
    const QString text = dir.filePath(QStringLiteral("notes.incidoc"));
    {
        QFile t(text);
        ASSERT_TRUE(t.open(QIODevice::WriteOnly));
        t.write("just some notes\n");
    }
    EXPECT_FALSE(window.openProject(text));
    EXPECT_FALSE(window.lastError().isEmpty());
    QFile t(text);
    ASSERT_TRUE(t.open(QIODevice::ReadOnly));
    EXPECT_EQ(t.readAll(), QByteArray("just some notes\n"));

    // New refuses to overwrite an existing file.
    EXPECT_FALSE(window.newProject(text));
}

} // namespace
