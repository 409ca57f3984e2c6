// The review widgets and helpers driven with QTest events on the offscreen platform, against a real
// project (the bundled sample through the real pipeline), checking the project database after each step.
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/review/inspector_widget.h"
#include "ui/review/label_manager_dialog.h"
#include "ui/review/review_navigator.h"
#include "ui/review/search_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "tests/ui/session_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class ReviewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        path = test::copySampleProject(dir);
        ASSERT_FALSE(path.isEmpty());
        auto s = ProjectSession::open(path);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        session = std::move(s).value();
        auto o = ProjectStore::open(path);
        ASSERT_TRUE(o.ok());
        other = std::move(o).value();
        QObject::connect(session.get(), &ProjectSession::errorOccurred, [this](const QString& m) { errors << m; });
        document = session->documents().front().id;
        pages = session->pages(document);
        ASSERT_EQ(pages.size(), 4u);
    }

    WordRecord dbWord(WordId id)
    {
        auto r = other->word(id);
        EXPECT_TRUE(r.ok() && r->has_value());
        return r.ok() && r->has_value() ? **r : WordRecord{};
    }

    // An OCR word of a scanned page (its text is what Tesseract read).
    WordRecord ocrWord()
    {
        for (const WordRecord& w : session->words(pages[1].id))
            if (w.source == WordSource::Ocr && w.text.size() >= 3)
                return w;
        ADD_FAILURE() << "no OCR word";
        return {};
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<ProjectSession> session;
    std::unique_ptr<ProjectStore> other;
    DocumentId document = 0;
    std::vector<PageRecord> pages;
    QStringList errors;
};

TEST_F(ReviewTest, InspectorTypedCorrectionIsSavedAndUndoable)
{
    InspectorWidget inspector(session.get());
    inspector.show();
    const WordRecord w = ocrWord();
    inspector.setSelection(w.pageId, {w.id});
    auto* text = inspector.findChild<QLineEdit*>(QStringLiteral("inspectorText"));
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(text->text(), w.text);
    EXPECT_TRUE(text->isEnabled());

    text->setFocus();
    QTest::keyClick(text, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(text, QStringLiteral("Pritchard"));
    EXPECT_EQ(dbWord(w.id).text, w.text) << "nothing is saved before Enter";
    QTest::keyClick(text, Qt::Key_Return);
    WordRecord d = dbWord(w.id);
    EXPECT_EQ(d.text, QStringLiteral("Pritchard"));
    EXPECT_EQ(d.ocrText, std::optional<QString>(w.text)) << "ocr_text keeps what the engine read";
    EXPECT_TRUE(d.edited);
    EXPECT_EQ(session->undoStack()->count(), 1);

    // Undo through the stack: the inspector follows the project.
    session->undoStack()->undo();
    EXPECT_EQ(dbWord(w.id).text, w.text);
    EXPECT_EQ(text->text(), w.text);
    session->undoStack()->redo();
    EXPECT_EQ(text->text(), QStringLiteral("Pritchard"));
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(ReviewTest, InspectorLabelsBoxAndReviewed)
{
    InspectorWidget inspector(session.get());
    inspector.show();
    const auto words = session->words(pages[1].id);
    inspector.setSelection(pages[1].id, {words[0].id});
    auto* label = inspector.findChild<QComboBox*>(QStringLiteral("inspectorLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->currentIndex(), 0) << "(no label)";
    label->setFocus();
    QTest::keyClick(label, Qt::Key_Down); // the user picks the next entry: PERSON
    EXPECT_EQ(dbWord(words[0].id).labelName, QStringLiteral("PERSON"));
    EXPECT_EQ(label->currentIndex(), 1);
    QTest::keyClick(label, Qt::Key_Down);
    EXPECT_EQ(dbWord(words[0].id).labelName, QStringLiteral("DATE"));

    // The box: type a new x1 and finish editing.
    auto* x1 = inspector.findChild<QSpinBox*>(QStringLiteral("inspectorX1"));
    ASSERT_NE(x1, nullptr);
    EXPECT_EQ(x1->value(), words[0].box.x1);
    x1->setFocus();
    x1->selectAll();
    QTest::keyClicks(x1, QString::number(words[0].box.x1 + 7));
    QTest::keyClick(x1, Qt::Key_Return);
    EXPECT_EQ(dbWord(words[0].id).box.x1, words[0].box.x1 + 7);
    EXPECT_EQ(dbWord(words[0].id).box.x0, words[0].box.x0);

    // Several words: the label and reviewed apply to all, the text cannot be edited.
    inspector.setSelection(pages[1].id, {words[1].id, words[2].id});
    EXPECT_FALSE(inspector.findChild<QLineEdit*>(QStringLiteral("inspectorText"))->isEnabled());
    auto* reviewed = inspector.findChild<QCheckBox*>(QStringLiteral("inspectorReviewed"));
    ASSERT_NE(reviewed, nullptr);
    QTest::mouseClick(reviewed, Qt::LeftButton, {}, QPoint(5, reviewed->height() / 2));
    EXPECT_TRUE(dbWord(words[1].id).reviewed);
    EXPECT_TRUE(dbWord(words[2].id).reviewed);
    label->setFocus();
    label->setCurrentIndex(0);
    QTest::keyClick(label, Qt::Key_Down);
    EXPECT_EQ(dbWord(words[1].id).labelName, QStringLiteral("PERSON"));
    EXPECT_EQ(dbWord(words[2].id).labelName, QStringLiteral("PERSON"));

    // A word deleted elsewhere drops out of the selection.
    ASSERT_TRUE(session->deleteWords({words[1].id}));
    EXPECT_EQ(inspector.selection(), QList<WordId>{words[2].id});
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(ReviewTest, SearchPanelFindsWordsAndEmitsTheChosenHit)
{
    SearchPanel panel(session.get());
    panel.resize(600, 400);
    panel.show();
    QSignalSpy spy(&panel, &SearchPanel::hitActivated);
    auto* query = panel.findChild<QLineEdit*>(QStringLiteral("searchQuery"));
    auto* results = panel.findChild<QTreeWidget*>(QStringLiteral("searchResults"));
    ASSERT_TRUE(query && results);
    query->setFocus();
    QTest::keyClicks(query, QStringLiteral("millbrook"));
    QTest::keyClick(query, Qt::Key_Return);
    ASSERT_GT(results->topLevelItemCount(), 0);
    ASSERT_EQ(static_cast<std::size_t>(results->topLevelItemCount()), panel.hits().size());
    const QTreeWidgetItem* first = results->topLevelItem(0);
    EXPECT_EQ(first->text(0), QStringLiteral("incident-report.pdf"));
    EXPECT_TRUE(first->text(2).contains(QStringLiteral("Millbrook"), Qt::CaseInsensitive));
    EXPECT_TRUE(first->text(3).contains(QStringLiteral("[") + first->text(2) + QStringLiteral("]")));
    // Enter on the results list chooses the current one.
    QTest::keyClick(results, Qt::Key_Return);
    ASSERT_EQ(spy.count(), 1);
    const auto hit = spy.at(0).at(0).value<SearchHit>();
    EXPECT_EQ(hit.wordId, panel.hits().front().wordId);
    EXPECT_EQ(hit.box, dbWord(hit.wordId).box);
    EXPECT_EQ(dbWord(hit.wordId).pageId, hit.pageId);

    // A double click chooses the one under the mouse.
    const int last = results->topLevelItemCount() - 1;
    results->scrollToItem(results->topLevelItem(last));
    const QRect rect = results->visualItemRect(results->topLevelItem(last));
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_GE(spy.count(), 2);
    EXPECT_EQ(spy.last().at(0).value<SearchHit>().wordId, panel.hits()[static_cast<std::size_t>(last)].wordId);

    // Results follow edits.
    panel.search(QStringLiteral("zebracorn"));
    EXPECT_EQ(results->topLevelItemCount(), 0);
    ASSERT_TRUE(session->setWordText(hit.wordId, QStringLiteral("Zebracorn")));
    panel.search(QStringLiteral("zebracorn"));
    ASSERT_EQ(results->topLevelItemCount(), 1);
}

TEST_F(ReviewTest, NavigatorWalksLowConfidenceWordsInReadingOrder)
{
    ReviewNavigator nav(session.get());
    EXPECT_EQ(nav.threshold(), 60.0);
    nav.setThreshold(90.0);               // the sample is clean: a high bar gives enough words to walk
    std::vector<ReviewPosition> expected; // every low-confidence word of the project, in reading order
    for (const PageRecord& p : pages)
        for (const WordRecord& w : *other->words(p.id))
            if (w.confidence && *w.confidence < 90.0 && !w.reviewed)
                expected.push_back({p.id, w.id});
    ASSERT_GE(expected.size(), 3u);
    auto ids = [](const std::vector<ReviewPosition>& v) {
        std::vector<WordId> out;
        for (const auto& p : v)
            out.push_back(p.word);
        return out;
    };

    std::vector<WordId> walked;
    std::optional<SearchHit> h = nav.nextLowConfidence();
    int lastPage = 0;
    while (h) {
        walked.push_back(h->wordId);
        EXPECT_GE(h->pageNumber, lastPage);
        lastPage = h->pageNumber;
        EXPECT_EQ(h->box, dbWord(h->wordId).box);
        h = nav.nextLowConfidence({h->pageId, h->wordId});
    }
    EXPECT_EQ(walked, ids(expected));

    // Backwards.
    auto back = nav.previousLowConfidence();
    ASSERT_TRUE(back);
    EXPECT_EQ(back->wordId, expected.back().word);
    back = nav.previousLowConfidence(expected.back());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->wordId, expected[expected.size() - 2].word);

    // A reviewed word is skipped.
    ASSERT_TRUE(session->setWordsReviewed({expected[1].word}, true));
    auto next = nav.nextLowConfidence(expected[0]);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->wordId, expected[2].word);

    // The default threshold agrees with the same rule.
    nav.setThreshold(ReviewNavigator::kDefaultThreshold);
    auto low = nav.nextLowConfidence();
    if (low) {
        EXPECT_LT(*dbWord(low->wordId).confidence, 60.0);
    } else {
        for (const PageRecord& p : pages)
            for (const WordRecord& w : *other->words(p.id))
                EXPECT_FALSE(ReviewNavigator::isLowConfidence(w, 60.0));
    }
}

TEST_F(ReviewTest, NavigatorNextUnreviewedPageAndFilters)
{
    ReviewNavigator nav(session.get());
    ASSERT_TRUE(session->setPageReview(pages[1].id, ReviewStatus::Reviewed));
    auto p = nav.nextUnreviewedPage(pages[0].id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->number, 3) << "page 2 is reviewed";
    p = nav.nextUnreviewedPage(pages[3].id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->number, 1) << "wraps around";
    for (const PageRecord& page : {pages[0], pages[2], pages[3]})
        ASSERT_TRUE(session->setPageReview(page.id, ReviewStatus::Reviewed));
    EXPECT_FALSE(nav.nextUnreviewedPage(pages[0].id));
    session->undoStack()->undo();
    p = nav.nextUnreviewedPage(pages[0].id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->number, 4);

    const auto words = session->words(pages[2].id);
    const LabelId person = session->labels()[0].id;
    ASSERT_TRUE(session->setWordsLabel({words[0].id, words[2].id}, person));
    const auto labelled = ReviewNavigator::filterWords(session->words(pages[2].id), {person, false, {}, {}});
    ASSERT_EQ(labelled.size(), 2u);
    EXPECT_EQ(labelled[0].id, words[0].id);
    EXPECT_EQ(labelled[1].id, words[2].id);
    const auto unlabelled = ReviewNavigator::filterWords(session->words(pages[2].id), {std::nullopt, true, {}, {}});
    EXPECT_EQ(unlabelled.size(), words.size() - 2);
    const auto band = ReviewNavigator::filterWords(words, {std::nullopt, false, 80.0, 95.0});
    for (const WordRecord& w : band)
        EXPECT_TRUE(*w.confidence >= 80.0 && *w.confidence < 95.0);
    std::size_t inBand = 0;
    for (const WordRecord& w : words)
        inBand += w.confidence && *w.confidence >= 80.0 && *w.confidence < 95.0;
    EXPECT_EQ(band.size(), inBand);
}

TEST_F(ReviewTest, LabelManagerAddsRenamesRecoloursAndRekeys)
{
    LabelManagerDialog dialog(session.get());
    dialog.show();
    QTableWidget* table = dialog.table();
    ASSERT_EQ(table->rowCount(), 9);
    EXPECT_EQ(table->item(0, LabelManagerDialog::NameColumn)->text(), QStringLiteral("PERSON"));
    EXPECT_EQ(table->item(0, LabelManagerDialog::ShortcutColumn)->text(), QStringLiteral("1"));

    auto* add = dialog.findChild<QPushButton*>(QStringLiteral("labelAdd"));
    ASSERT_NE(add, nullptr);
    QTest::mouseClick(add, Qt::LeftButton);
    auto labels = *other->labels();
    ASSERT_EQ(labels.size(), 10u);
    EXPECT_EQ(labels.back().name, QStringLiteral("LABEL 10"));
    ASSERT_EQ(table->rowCount(), 10);

    // The name cell is open for editing: type the new name.
    auto* line = table->viewport()->findChild<QLineEdit*>();
    ASSERT_NE(line, nullptr) << "the new label's name is being edited";
    EXPECT_EQ(table->currentRow(), 9);
    EXPECT_EQ(line->text(), QStringLiteral("LABEL 10"));
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("WEAPON"));
    QTest::keyClick(line, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits the editor's data queued
    EXPECT_EQ(other->labels()->back().name, QStringLiteral("WEAPON"));

    // Shortcut and colour.
    table->item(9, LabelManagerDialog::ShortcutColumn)->setText(QStringLiteral("ctrl+w"));
    EXPECT_EQ(other->labels()->back().shortcut, QStringLiteral("Ctrl+W"));
    ASSERT_TRUE(dialog.setLabelColor(9, QStringLiteral("#102030")));
    EXPECT_EQ(other->labels()->back().color, QStringLiteral("#102030"));
    EXPECT_EQ(table->item(9, LabelManagerDialog::ColorColumn)->background().color(), QColor(QStringLiteral("#102030")));

    // A duplicate name is refused and the table shows the stored name again.
    table->item(9, LabelManagerDialog::NameColumn)->setText(QStringLiteral("PERSON"));
    EXPECT_EQ(errors.size(), 1);
    QCoreApplication::processEvents();
    EXPECT_EQ(table->item(9, LabelManagerDialog::NameColumn)->text(), QStringLiteral("WEAPON"));
    EXPECT_EQ(other->labels()->back().name, QStringLiteral("WEAPON"));
}

TEST_F(ReviewTest, LabelManagerDeletesALabelAfterSayingWhatHappensToItsWords)
{
    const auto words = session->words(pages[1].id);
    ASSERT_GE(words.size(), 12u);
    const LabelRecord person = session->labels()[0];
    QList<WordId> ids;
    for (std::size_t i = 0; i < 12; ++i)
        ids << words[i].id;
    ASSERT_TRUE(session->setWordsLabel(ids, person.id));
    LabelManagerDialog dialog(session.get());
    dialog.show();
    QTableWidget* table = dialog.table();
    ASSERT_EQ(table->rowCount(), 9);

    // Cancel: nothing changes.
    table->setCurrentCell(0, LabelManagerDialog::NameColumn);
    auto* del = dialog.findChild<QPushButton*>(QStringLiteral("labelDelete"));
    ASSERT_NE(del, nullptr);
    QTest::mouseClick(del, Qt::LeftButton);
    auto* question = dialog.findChild<QMessageBox*>(QStringLiteral("labelDeleteQuestion"));
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(question->isVisible()) << "shown with open(): the test goes on while it is up";
    EXPECT_TRUE(question->text().startsWith(QStringLiteral("12 words labelled PERSON will have no label.")))
        << qPrintable(question->text());
    question->button(QMessageBox::Cancel)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(other->labels()->size(), 9u);
    EXPECT_EQ((*other->word(ids[0]))->labelId, std::optional<LabelId>(person.id));

    // Confirm: the label goes, its words stay without a label, the table follows.
    QMessageBox* again = dialog.askToDeleteLabel(0);
    ASSERT_NE(again, nullptr);
    QAbstractButton* yes = nullptr;
    for (QAbstractButton* b : again->buttons())
        if (again->buttonRole(b) == QMessageBox::DestructiveRole)
            yes = b;
    ASSERT_NE(yes, nullptr);
    EXPECT_EQ(yes->text(), QStringLiteral("Delete PERSON"));
    yes->click();
    QCoreApplication::processEvents();
    ASSERT_EQ(other->labels()->size(), 8u);
    EXPECT_EQ(other->labels()->front().name, QStringLiteral("DATE"));
    for (WordId id : ids) {
        const auto w = *other->word(id);
        ASSERT_TRUE(w.has_value());
        EXPECT_FALSE(w->labelId.has_value());
    }
    EXPECT_EQ(table->rowCount(), 8);
    EXPECT_EQ(table->item(0, LabelManagerDialog::NameColumn)->text(), QStringLiteral("DATE"));
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));

    EXPECT_EQ(LabelManagerDialog::deleteQuestion(QStringLiteral("DATE"), 1).section(u'.', 0, 0),
              QStringLiteral("1 word labelled DATE will have no label"));
    EXPECT_EQ(LabelManagerDialog::deleteQuestion(QStringLiteral("DATE"), 0).section(u'.', 0, 0),
              QStringLiteral("No word is labelled DATE"));
    EXPECT_EQ(dialog.askToDeleteLabel(42), nullptr);
}

} // namespace
