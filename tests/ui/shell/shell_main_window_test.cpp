// The main window driven like a user would (QTest mouse and key events on the offscreen platform) on
// a real project (the bundled sample, imported and OCR'd by the core), checking the project database
// after every step.
#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"
#include "ui/review/inspector_widget.h"
#include "ui/review/search_panel.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_list_model.h"
#include "ui/shell/reocr_dialog.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/support/pdf_factory.h"
#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class ShellTest : public test::SampleWindowTest {
protected:
    std::optional<WordRecord> dbWord(PageId page, WordId id)
    {
        for (const auto& w : dbWords(page))
            if (w.id == id)
                return w;
        return std::nullopt;
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

    // Just typing on a selected word starts the editor with what was typed. (Return went on to the next
    // word to check, maybe on another page: back to this one.)
    m_window->showPage(page);
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
    QTest::keyClick(m_view, Qt::Key_M, Qt::ControlModifier);
    auto merged = dbWord(page, a.id);
    const bool keptA = merged.has_value();
    if (!keptA)
        merged = dbWord(page, b.id);
    ASSERT_TRUE(merged.has_value());
    EXPECT_EQ(merged->text, a.text + QLatin1Char(' ') + b.text);
    EXPECT_EQ(merged->box, a.box.united(b.box));
    EXPECT_FALSE(dbWord(page, keptA ? b.id : a.id).has_value());
    const size_t afterMerge = dbWords(page).size();

    // Split the merged word in the middle (Alt+S): two words again.
    ASSERT_EQ(m_view->selectedWords().size(), 1);
    QTest::keyClick(m_view, Qt::Key_S, Qt::AltModifier);
    EXPECT_EQ(dbWords(page).size(), afterMerge + 1);

    // Alt+1 assigns the label whose shortcut is 1; Alt+0 clears it.
    const auto labels = m_window->session()->labels();
    auto one = std::find_if(labels.begin(), labels.end(),
                            [](const LabelRecord& l) { return l.shortcut == QLatin1String("1"); });
    ASSERT_NE(one, labels.end());
    const WordRecord c = dbWords(page)[5];
    click(c.id);
    QTest::keyClick(m_view, Qt::Key_1, Qt::AltModifier);
    EXPECT_EQ(dbWord(page, c.id)->labelId, one->id);
    QTest::keyClick(m_view, Qt::Key_0, Qt::AltModifier);
    EXPECT_FALSE(dbWord(page, c.id)->labelId.has_value());

    // Ctrl+Enter marks the page reviewed.
    QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    EXPECT_EQ((*store)->page(page)->review, ReviewStatus::Reviewed);

    // Ctrl+Shift+N goes to the next page not reviewed.
    QTest::keyClick(m_view, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(m_view->pageId(), pageNumber(2));
}

TEST_F(ShellTest, AltArrowKeysMoveAndAltShiftArrowsResizeTheSelectedBox)
{
    const PageId page = m_view->pageId();
    const WordRecord w = dbWords(page)[30];
    click(w.id);
    QTest::keyClick(m_view, Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(m_view, Qt::Key_Down, Qt::AltModifier);
    PixelBox expected{w.box.x0 + 1, w.box.y0 + 1, w.box.x1 + 1, w.box.y1 + 1};
    EXPECT_EQ(dbWord(page, w.id)->box, expected);
    QTest::keyClick(m_view, Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
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
        if (w.text.size() >= 6 && w.confidence && *w.confidence > 90
            && std::all_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); })) {
            target = w;
            break;
        }
    ASSERT_TRUE(target.has_value());
    std::set<WordId> before;
    for (const auto& w : dbWords(page))
        before.insert(w.id);

    m_view->setZoom(0.5);
    m_view->ensureVisible(toRectF(target->box), 100, 100);
    QTest::keyClick(m_view, Qt::Key_B, Qt::ControlModifier);
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

TEST_F(ShellTest, TabCrossesIntoTheNextDocumentAndShiftTabComesBack)
{
    // A second document: one scanned page, imported and OCR'd by the app's own pipeline.
    const QString pdf = m_dir.filePath(QStringLiteral("second.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, {{{QStringLiteral("Second report filed by the night shift"),
                                              QStringLiteral("Vehicle towed from the north gate")}}}));
    QSignalSpy imported(m_window->pipeline(), &PipelineController::importFinished);
    m_window->importPaths({pdf});
    ASSERT_TRUE(imported.wait(60000));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return m_window->pipeline()->state() == PipelineController::State::Idle; }, 120000));
    const auto docs = m_window->session()->documents();
    ASSERT_EQ(docs.size(), 2u);
    const PageId second = m_window->session()->pages(docs[1].id).front().id;
    const auto secondWords = dbWords(second);
    ASSERT_FALSE(secondWords.empty());

    AppSettings s = m_window->settings();
    s.confidenceThreshold = 100; // every OCR word is "low"; the text-layer page 1 (100) is not
    m_window->applySettings(s);
    // The last low-confidence word of the first document (its last page is scanned).
    const auto lastPage = dbWords(pageNumber(4));
    const WordRecord last = lastPage.back();
    ASSERT_TRUE(last.confidence && *last.confidence < 100);
    m_window->jumpTo(pageNumber(4), last.id);
    ASSERT_EQ(m_view->selectedWords(), QList<WordId>{last.id});

    QTest::keyClick(m_view, Qt::Key_Tab);
    EXPECT_EQ(m_view->pageId(), second) << "into the next document";
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{secondWords.front().id});
    EXPECT_EQ(m_window->documentsView()->currentIndex().row(), 1);
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(m_view->pageId(), pageNumber(4)) << "back into the first";
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{last.id});
}

TEST_F(ShellTest, FirstEditPutsThePageInProgressOnItsThumbnail)
{
    const PageId page = pageNumber(2);
    m_window->showPage(page);
    const int row = m_window->pageListModel()->rowOf(page);
    const auto reviewShown = [&] {
        return m_window->pageListModel()
            ->data(m_window->pageListModel()->index(row), PageListModel::ReviewRole)
            .toInt();
    };
    EXPECT_EQ(reviewShown(), int(ReviewStatus::New));
    const WordRecord w = dbWords(page)[3];
    click(w.id);
    QTest::keyClick(m_view, 'X');
    QTest::keyClick(m_view->textEditor(), Qt::Key_Return);
    ASSERT_EQ(dbWord(page, w.id)->text, QStringLiteral("X"));
    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->page(page)->review, ReviewStatus::InProgress);
    EXPECT_EQ(reviewShown(), int(ReviewStatus::InProgress));
    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ((*store)->page(page)->review, ReviewStatus::New);
    EXPECT_EQ(reviewShown(), int(ReviewStatus::New));
}

TEST_F(ShellTest, ReOcrSelectionReplacesUneditedWordsInOneUndoStep)
{
    const PageId page = pageNumber(2);
    m_window->showPage(page);
    // Three neighbouring, plainly lettered words of one line.
    const auto words = dbWords(page);
    std::vector<WordRecord> pick;
    auto plain = [](const WordRecord& w) {
        return w.text.size() >= 3 && std::all_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); });
    };
    for (size_t i = 0; i + 2 < words.size() && pick.empty(); ++i)
        if (words[i].line == words[i + 2].line && words[i].block == words[i + 2].block && plain(words[i])
            && plain(words[i + 1]) && plain(words[i + 2]))
            pick = {words[i], words[i + 1], words[i + 2]};
    ASSERT_EQ(pick.size(), 3u);
    // A person corrects the middle one: re-OCR must keep it.
    ASSERT_TRUE(m_window->session()->setWordText(pick[1].id, QStringLiteral("KEEPME")));
    const auto before = dbWords(page);
    const int undoBefore = m_window->session()->undoStack()->count();

    m_view->selectWords({pick[0].id, pick[1].id, pick[2].id});
    QSignalSpy done(m_view, &PageView::reOcrFinished);
    ASSERT_TRUE(m_window->reOcr(true, QStringLiteral("eng"), 400));
    ASSERT_TRUE(done.wait(60000));
    ASSERT_TRUE(done.at(0).at(1).toBool());

    const auto after = dbWords(page);
    EXPECT_FALSE(dbWord(page, pick[0].id)) << "an unedited word is replaced";
    EXPECT_FALSE(dbWord(page, pick[2].id));
    ASSERT_TRUE(dbWord(page, pick[1].id)) << "the edited word stays";
    EXPECT_EQ(dbWord(page, pick[1].id)->text, QStringLiteral("KEEPME"));
    QStringList added;
    for (const auto& w : after)
        if (std::none_of(before.begin(), before.end(), [&](const WordRecord& b) { return b.id == w.id; })) {
            added << w.text;
            EXPECT_EQ(w.source, WordSource::User);
            EXPECT_LT(w.box.iou(dbWord(page, pick[1].id)->box), 0.5) << "nothing read over the kept word";
        }
    EXPECT_TRUE(added.contains(pick[0].text)) << added.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(added.contains(pick[2].text)) << added.join(QLatin1Char(' ')).toStdString();
    for (const auto& w : after) // a new word sits where the word it replaces was
        if (w.text == pick[0].text && w.source == WordSource::User)
            EXPECT_GT(w.box.iou(pick[0].box), 0.6);
    EXPECT_EQ(after.size(), before.size() - 2 + added.size());
    EXPECT_EQ(m_window->session()->undoStack()->count(), undoBefore + 1) << "one undo step";

    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);
    const auto undone = dbWords(page);
    ASSERT_EQ(undone.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(undone[i].id, before[i].id);
        EXPECT_EQ(undone[i].text, before[i].text);
    }
}

TEST_F(ShellTest, ReOcrPageDialogRequeuesWithOtherSettingsAndKeepsEditedWords)
{
    // The dialog offers the installed languages (not osd) and starts from the settings.
    const PageId scanned = pageNumber(3);
    m_window->showPage(scanned);
    m_window->reOcrWithSettings();
    auto* dialog = m_window->findChild<ReOcrDialog*>();
    ASSERT_NE(dialog, nullptr);
    QStringList offered;
    for (int i = 0; i < dialog->languageList()->count(); ++i)
        offered << dialog->languageList()->item(i)->text();
    QStringList installed = tesseractLanguages();
    installed.removeAll(QStringLiteral("osd"));
    EXPECT_EQ(offered, installed);
    EXPECT_EQ(dialog->languages(), QStringLiteral("eng"));
    EXPECT_FALSE(dialog->selectionButton()->isEnabled()) << "nothing selected";
    EXPECT_EQ(dialog->scope(), ReOcrDialog::Scope::Page);

    // A corrected word on the page: it is kept, and the page keeps its pixel grid.
    const WordRecord w = dbWords(scanned)[5];
    ASSERT_TRUE(m_window->session()->setWordText(w.id, QStringLiteral("Edited")));
    dialog->dpiBox()->setValue(200);
    QSignalSpy processed(m_window->pipeline(), &PipelineController::pageProcessed);
    dialog->accept();
    ASSERT_TRUE(processed.wait(120000));
    EXPECT_EQ(processed.at(0).at(0).value<PageId>(), scanned);
    ASSERT_TRUE(dbWord(scanned, w.id));
    EXPECT_EQ(dbWord(scanned, w.id)->text, QStringLiteral("Edited"));
    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->page(scanned)->dpi, 300);
    EXPECT_EQ((*store)->page(scanned)->status, PageStatus::Done);

    // A page nobody edited is read at the new resolution.
    const PageId other = pageNumber(2);
    m_window->showPage(other);
    const auto old = dbWords(other);
    processed.clear();
    ASSERT_TRUE(m_window->reOcr(false, QStringLiteral("eng"), 200));
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() >= 1; }, 120000));
    EXPECT_EQ(processed.at(0).at(0).value<PageId>(), other);
    EXPECT_EQ((*store)->page(other)->dpi, 200);
    const auto fresh = dbWords(other);
    ASSERT_FALSE(fresh.empty());
    EXPECT_LT(fresh.front().box.x1, old.front().box.x1) << "boxes in the 200 dpi grid";
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return m_window->pipeline()->state() == PipelineController::State::Idle; }, 60000));
}

/// A read-only bind mount of a folder holding a project, removed again at the end.
class ReadOnlyMount {
public:
    explicit ReadOnlyMount(const QString& source, const QString& target) : m_target(target)
    {
        QDir().mkpath(target);
        m_mounted = run({QStringLiteral("--bind"), source, target});
        if (m_mounted && !run({QStringLiteral("-o"), QStringLiteral("remount,ro,bind"), target}))
            m_error = QStringLiteral("remount read-only failed");
    }
    ~ReadOnlyMount()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {m_target});
    }
    bool ok() const { return m_mounted && m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    bool run(const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral("mount"), args);
        if (!p.waitForFinished(20000) || p.exitCode() != 0) {
            m_error = QStringLiteral("mount %1: %2")
                          .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
            return false;
        }
        return true;
    }
    QString m_target;
    bool m_mounted = false;
    QString m_error;
};

TEST_F(ShellTest, AProjectOnAReadOnlyMountIsOfferedReadOnlyAndRefusesEdits)
{
    m_window->closeProject();
    const QString src = m_dir.filePath(QStringLiteral("src"));
    ASSERT_TRUE(QDir().mkpath(src));
    ASSERT_TRUE(QFile::copy(m_path, src + QStringLiteral("/ro.incidoc")));
    QByteArray bytes;
    {
        QFile f(src + QStringLiteral("/ro.incidoc"));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        bytes = f.readAll();
    }
    const QString mountPoint = m_dir.filePath(QStringLiteral("ro"));
    std::unique_ptr<ReadOnlyMount> mount;
    if (geteuid() == 0) {
        mount = std::make_unique<ReadOnlyMount>(src, mountPoint);
        ASSERT_TRUE(mount->ok()) << "root cannot be denied writing by permissions; a read-only bind mount is "
                                    "needed: "
                                 << mount->error().toStdString();
    } else { // a user: permissions deny writing the file and its folder
        QFile::setPermissions(src + QStringLiteral("/ro.incidoc"), QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        QFile::setPermissions(src, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        QFile::link(src, mountPoint);
    }
    const QString ro = mountPoint + QStringLiteral("/ro.incidoc");
    ASSERT_FALSE(QFileInfo(ro).isWritable());

    EXPECT_FALSE(m_window->openProject(ro)) << "not for editing";
    EXPECT_EQ(m_window->session(), nullptr);
    auto* offer = m_window->findChild<QMessageBox*>(QStringLiteral("readOnlyOffer"));
    ASSERT_NE(offer, nullptr) << qPrintable(m_window->lastError());
    QAbstractButton* openRo = nullptr;
    for (QAbstractButton* b : offer->buttons())
        if (b->text() == QStringLiteral("Open Read-Only"))
            openRo = b;
    ASSERT_NE(openRo, nullptr);
    QTest::mouseClick(openRo, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->session() != nullptr; }, 5000));
    EXPECT_TRUE(m_window->session()->isReadOnly());
    EXPECT_TRUE(m_window->windowTitle().contains(QStringLiteral("read-only")));
    EXPECT_EQ(m_window->pipeline(), nullptr);
    m_view = m_window->pageView();
    ASSERT_GT(m_view->wordItemCount(), 0) << "the words are shown";

    // Typing on a word: refused, with a message saying why.
    const WordRecord w = m_window->session()->words(m_view->pageId())[4];
    m_view->setFocus();
    click(w.id);
    QTest::keyClick(m_view, 'Z');
    EXPECT_FALSE(m_view->textEditor()->isVisible());
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("read-only")))
        << m_window->statusBar()->currentMessage().toStdString();
    // Any edit through the session: refused with a clear message.
    EXPECT_FALSE(m_window->session()->setWordText(w.id, QStringLiteral("Nope")));
    EXPECT_TRUE(m_window->lastError().contains(QStringLiteral("read-only"))) << m_window->lastError().toStdString();
    EXPECT_EQ(m_window->session()->undoStack()->count(), 0);

    m_window->closeProject();
    QFile f(ro);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), bytes) << "the file is untouched";
    EXPECT_FALSE(QFile::exists(src + QStringLiteral("/ro.incidoc-wal")));
}

TEST_F(ShellTest, ShortcutTableListsEveryActionWithItsKeys)
{
    ShortcutsDialog dialog(m_window->allActions());
    auto* table = dialog.table();
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QLatin1Char('=') + table->item(r, 1)->text();
    EXPECT_TRUE(rows.contains(QStringLiteral("Merge Words=Ctrl+M"))) << rows.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("Draw Box=Ctrl+B")));
    EXPECT_TRUE(rows.contains(QStringLiteral("Next Unreviewed Page=Ctrl+Shift+N")));
    EXPECT_TRUE(rows.contains(QStringLiteral("Accept Word and Go On=Return, Enter")));
    // The menus name the labels by their keys.
    EXPECT_TRUE(rows.contains(QStringLiteral("Label “PERSON”=Alt+1")));
    // No command is on a key that types a character: with a word selected, typing always edits it.
    for (QAction* a : m_window->allActions())
        for (const QKeySequence& k : a->shortcuts()) {
            const QKeyCombination c = k[0];
            const bool modifier = c.keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
            const QString typed = QKeySequence(c.key()).toString();
            const bool prints = typed.size() == 1 && typed.at(0).isPrint() && !typed.at(0).isSpace();
            EXPECT_FALSE(prints && !modifier) << a->text().toStdString() << " on " << k.toString().toStdString();
        }
    EXPECT_GT(table->rowCount(), 25);
    EXPECT_TRUE(AboutDialog::versionsText().contains(QStringLiteral("Tesseract")));
}

TEST(ShellOpen, CorruptOrForeignProjectShowsTheErrorAndIsNeverWritten)
{
    QTemporaryDir dir;
    MainWindow window(incidoc::makeLocalWorkplace());
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
    EXPECT_FALSE(QFile::exists(corrupt + QStringLiteral("-wal"))
                 && QFileInfo(corrupt + QStringLiteral("-wal")).size() > 0);

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

TEST_F(ShellTest, SettingsAndAboutShowTheEnginesAndKeepTheProjectsChoice)
{
    EXPECT_TRUE(AboutDialog::enginesText().contains(
        QStringLiteral("Tesseract %1 (tesseract) — available: ").arg(tesseractVersion())))
        << qPrintable(AboutDialog::enginesText());

    // Settings › OCR engines, through the menu, on the open (writable) project.
    QAction* open = nullptr;
    for (QAction* a : m_window->allActions())
        if (a->text() == QStringLiteral("&Settings…"))
            open = a;
    ASSERT_NE(open, nullptr);
    open->trigger();
    auto* dialog = m_window->findChild<SettingsDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->enginesLabel()->text().contains(QStringLiteral("Tesseract")))
        << qPrintable(dialog->enginesLabel()->text());
    QComboBox* engines = dialog->engineBox();
    QComboBox* profile = dialog->profileBox();
    ASSERT_TRUE(engines->isEnabled());
    EXPECT_EQ(engines->currentData().toString(), QString()); // a new project: the profile decides
    EXPECT_EQ(profile->currentData().toString(), QStringLiteral("accurate"));
    QStringList choices;
    for (int i = 0; i < engines->count(); ++i)
        choices << engines->itemData(i).toString();
    EXPECT_EQ(choices, (QStringList{QString(), QStringLiteral("tesseract"), QStringLiteral("ppocr"),
                                    QStringLiteral("tesseract+ppocr")}));
    engines->setCurrentIndex(engines->findData(QStringLiteral("tesseract")));
    profile->setCurrentIndex(profile->findData(QStringLiteral("fast")));
    dialog->accept();
    QApplication::processEvents();
    EXPECT_EQ(m_window->settings().ocrEngines, QStringLiteral("tesseract"));
    EXPECT_EQ(m_window->settings().pipelineOptions().process.profile, QStringLiteral("fast"));
    EXPECT_EQ(m_window->settings().pipelineOptions().process.engines, QStringLiteral("tesseract"));
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        ASSERT_TRUE(store.ok());
        EXPECT_EQ(*(*store)->meta(QStringLiteral("ocr_engines")), std::optional<QString>(QStringLiteral("tesseract")));
        EXPECT_EQ(*(*store)->meta(QStringLiteral("ocr_profile")), std::optional<QString>(QStringLiteral("fast")));
    }

    // Other settings do not touch the project's choice; reopened, the project brings it back.
    m_window->applySettings(AppSettings{});
    EXPECT_EQ(m_window->settings().ocrProfile, QStringLiteral("fast"));
    m_window->closeProject();
    EXPECT_TRUE(m_window->settings().ocrProfile.isEmpty());
    ASSERT_TRUE(m_window->openProject(m_path));
    EXPECT_EQ(m_window->settings().ocrEngines, QStringLiteral("tesseract"));
    EXPECT_EQ(m_window->settings().ocrProfile, QStringLiteral("fast"));

    // The default (accurate) falls back to Tesseract alone here when PP-OCR cannot run, with a note.
    ASSERT_TRUE(m_window->setProjectEngineChoice({}, QStringLiteral("accurate")).ok());
    bool ppocrHere = false;
    for (const EngineInfo& e : EnginePool().engines())
        ppocrHere = ppocrHere || (e.name == QLatin1String("ppocr") && e.available);
    const PipelineOptions options = m_window->settings().pipelineOptions();
    EXPECT_EQ(options.process.profile, QStringLiteral("accurate"));
    EXPECT_EQ(options.process.engines, ppocrHere ? QStringLiteral("tesseract+ppocr") : QStringLiteral("tesseract"));
    EXPECT_EQ(m_window->settings().engineNote().isEmpty(), ppocrHere);
    if (!ppocrHere) {
        EXPECT_TRUE(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("PP-OCR is not available")))
            << qPrintable(m_window->statusBar()->currentMessage());
        // Not offered in Settings while it cannot run.
        SettingsDialog again(m_window->settings());
        auto* model = qobject_cast<QStandardItemModel*>(again.engineBox()->model());
        ASSERT_NE(model, nullptr);
        EXPECT_FALSE(model->item(again.engineBox()->findData(QStringLiteral("ppocr")))->isEnabled());
        EXPECT_TRUE(model->item(again.engineBox()->findData(QStringLiteral("tesseract")))->isEnabled());
        EXPECT_FALSE(again.engineBox()->isEnabled()); // until told a writable project is open
    }
}
