// The Fields dock driven with QTest keys on the offscreen platform, against the bundled sample project
// (processed by the real pipeline): its rows, the typed field changed from the keyboard, an invalid VIN
// marked and flagged into the review queue, and un-flagged once corrected; the project database is read
// on a connection of its own after each step.
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/review/fields_panel.h"
#include "ui/review/review_navigator.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "tests/ui/session_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

// A VIN whose check digit (position 9, 'X') is right, and the same with a wrong one.
const QString kValidVin = QStringLiteral("1M8GDM9AXKP042788");
const QString kWrongCheckDigitVin = QStringLiteral("1M8GDM9A3KP042788");

class FieldsPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        path = test::copySampleProject(dir);
        ASSERT_FALSE(path.isEmpty());
        auto s = ProjectSession::open(path);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        session = std::move(s).value();
        QObject::connect(session.get(), &ProjectSession::errorOccurred, [this](const QString& m) { errors << m; });
        const auto pages = session->pages(session->documents().front().id);
        ASSERT_EQ(pages.size(), 4u);
        page1 = pages[0].id; // born digital: its words are the PDF's text
        words = session->words(page1);
    }

    /// The ids of `count` words from the first word whose text is `first` (`skip` words after it).
    QList<WordId> run(const QString& first, int count, int skip = 0)
    {
        for (std::size_t i = 0; i + skip + count <= words.size(); ++i) {
            if (words[i].text != first)
                continue;
            QList<WordId> ids;
            for (int k = 0; k < count; ++k)
                ids << words[i + skip + k].id;
            return ids;
        }
        ADD_FAILURE() << "no word " << qPrintable(first);
        return {};
    }

    WordRecord dbWord(WordId id)
    {
        auto store = ProjectStore::open(path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto w = (*store)->word(id);
        EXPECT_TRUE(w.ok() && w->has_value());
        return w.ok() && w->has_value() ? **w : WordRecord{};
    }
    EntityRecord dbEntity(EntityId id)
    {
        auto store = ProjectStore::open(path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto e = (*store)->entity(id);
        EXPECT_TRUE(e.ok() && e->has_value());
        return e.ok() && e->has_value() ? **e : EntityRecord{};
    }

    /// Shows the panel on page 1, active, as a dock would be.
    void showPanel(FieldsPanel& panel)
    {
        panel.resize(520, 560);
        panel.show();
        QApplication::setActiveWindow(&panel);
        ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
        panel.setPage(page1);
    }

    int rowOf(const FieldsPanel& panel, EntityId value)
    {
        for (std::size_t i = 0; i < panel.rows().size(); ++i)
            if (panel.rows()[i].value == value)
                return static_cast<int>(i);
        return -1;
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<ProjectSession> session;
    PageId page1 = 0;
    std::vector<WordRecord> words;
    QStringList errors;
};

TEST_F(FieldsPanelTest, ListsALinkedPairAndTheEntitiesNoLinkTiesAndReturnShowsTheValue)
{
    const EntityId driver = session->groupWords(run(QStringLiteral("Driver:"), 1), QStringLiteral("question"));
    const QList<WordId> nameWords = run(QStringLiteral("Driver:"), 3, 1);
    const EntityId name = session->groupWords(nameWords, QStringLiteral("answer"));
    const EntityId plate = session->groupWords(run(QStringLiteral("KTR"), 2));
    ASSERT_TRUE(driver && name && plate);
    ASSERT_TRUE(session->linkEntities(driver, name));

    FieldsPanel panel(session.get());
    showPanel(panel);
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("fieldsList"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(panel.rows().size(), 2u) << "one row for the pair, one for the entity no link ties";
    EXPECT_EQ(panel.rows()[0].key, driver);
    EXPECT_EQ(panel.rows()[0].value, name);
    EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("Driver: → Jonah R. Pritchard"));
    EXPECT_EQ(panel.rows()[1].key, 0);
    EXPECT_EQ(panel.rows()[1].value, plate);
    EXPECT_EQ(list->topLevelItem(1)->text(0), QStringLiteral("KTR 4582 (%1)").arg(FieldsPanel::roleDisplayName({})));

    // Return on the pair asks for its value's words on the page.
    QSignalSpy spy(&panel, &FieldsPanel::entityActivated);
    list->setFocus();
    panel.setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<PageId>(), page1);
    EXPECT_EQ(spy.at(0).at(1).value<QList<WordId>>(), nameWords);

    // The list follows the project: an unlinked pair loses its row.
    ASSERT_TRUE(session->deleteLinks({session->form(page1).links.front().id}));
    EXPECT_EQ(panel.rows().size(), 3u);
    session->undoStack()->undo();
    EXPECT_EQ(panel.rows().size(), 2u);
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(FieldsPanelTest, TheTypedFieldAndLabelChangeFromTheKeyboard)
{
    const EntityId driver = session->groupWords(run(QStringLiteral("Driver:"), 1), QStringLiteral("question"));
    const EntityId name = session->groupWords(run(QStringLiteral("Driver:"), 3, 1), QStringLiteral("answer"));
    ASSERT_TRUE(session->linkEntities(driver, name));
    FieldsPanel panel(session.get());
    showPanel(panel);
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("fieldsList"));
    auto* field = panel.findChild<QComboBox*>(QStringLiteral("fieldsField"));
    auto* label = panel.findChild<QComboBox*>(QStringLiteral("fieldsLabel"));
    ASSERT_TRUE(list && field && label);

    // From the list, Tab goes to the row's field; Down picks the next field, a letter the next one
    // starting with it.
    list->setFocus();
    panel.setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), field);
    EXPECT_EQ(field->currentIndex(), 0) << "(no field)";
    QTest::keyClick(field, Qt::Key_Down);
    EXPECT_EQ(dbEntity(name).field, QStringLiteral("case_number"));
    EXPECT_EQ(list->topLevelItem(0)->text(1), FieldsPanel::fieldDisplayTitle(QStringLiteral("case_number")));
    QTest::keyClick(field, Qt::Key_P);
    EXPECT_EQ(dbEntity(name).field, QStringLiteral("person_name"));
    EXPECT_EQ(field->currentData().toString(), QStringLiteral("person_name"));
    EXPECT_EQ(QApplication::focusWidget(), field) << "the editor keeps the focus while the list refreshes";
    EXPECT_TRUE(list->topLevelItem(0)->icon(0).isNull()) << "a person's name is valid";

    // The label, one Tab further.
    QTest::keyClick(field, Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), label);
    QTest::keyClick(label, Qt::Key_Up); // answer -> question
    EXPECT_EQ(dbEntity(name).label, QStringLiteral("question"));

    // Each change is one undo step.
    session->undoStack()->undo();
    EXPECT_EQ(dbEntity(name).label, QStringLiteral("answer"));
    session->undoStack()->undo();
    EXPECT_EQ(dbEntity(name).field, QStringLiteral("case_number"));
    EXPECT_EQ(field->currentData().toString(), QStringLiteral("case_number"));
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(FieldsPanelTest, AnInvalidVinIsMarkedAndFlaggedIntoTheQueueAndUnflaggedOnceCorrected)
{
    const QList<WordId> year = run(QStringLiteral("2019"), 1); // "Year: 2019": a word to type a VIN into
    const EntityId vin = session->groupWords(year);
    ASSERT_TRUE(vin);
    FieldsPanel panel(session.get());
    showPanel(panel);
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("fieldsList"));
    auto* field = panel.findChild<QComboBox*>(QStringLiteral("fieldsField"));
    auto* value = panel.findChild<QLineEdit*>(QStringLiteral("fieldsValue"));
    auto* problem = panel.findChild<QLabel*>(QStringLiteral("fieldsProblem"));
    ASSERT_TRUE(list && field && value && problem);
    const int row = rowOf(panel, vin);
    ASSERT_GE(row, 0);
    panel.setCurrentRow(row);
    EXPECT_FALSE(dbWord(year.front()).flagged);
    // The queue of a project read by one engine: its low-confidence words (on the scanned pages).
    ReviewNavigator queue(session.get());
    const int toCheck = queue.toCheckCount();
    auto hit = queue.nextToCheck({}, true);
    EXPECT_TRUE(!hit || hit->wordId != year.front());

    // The field becomes VIN: "2019" is not one. The row gets the red mark with the reason as tooltip, the
    // word is flagged and the review queue goes to it.
    field->setFocus();
    field->setCurrentIndex(field->findData(QStringLiteral("vin")) - 1);
    QTest::keyClick(field, Qt::Key_Down);
    ASSERT_EQ(dbEntity(vin).field, QStringLiteral("vin"));
    QTreeWidgetItem* item = list->topLevelItem(rowOf(panel, vin));
    EXPECT_FALSE(item->icon(0).isNull());
    const FieldCheck check = checkField(QStringLiteral("vin"), QStringLiteral("2019"));
    ASSERT_FALSE(check.valid);
    EXPECT_EQ(item->toolTip(0), check.problem);
    EXPECT_EQ(problem->text(), check.problem);
    EXPECT_TRUE(dbWord(year.front()).flagged);
    hit = queue.nextToCheck({}, true);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->wordId, year.front()) << "the first word to check of the project, before the scanned pages'";
    EXPECT_EQ(queue.toCheckCount(), toCheck + 1) << "the low-confidence words stay in the queue";

    // Typed again with a wrong check digit: still invalid, flagged again after the edit.
    value->setFocus();
    value->selectAll();
    QTest::keyClicks(value, kWrongCheckDigitVin);
    QTest::keyClick(value, Qt::Key_Return);
    EXPECT_EQ(dbWord(year.front()).text, kWrongCheckDigitVin);
    EXPECT_TRUE(dbWord(year.front()).flagged);
    EXPECT_FALSE(list->topLevelItem(rowOf(panel, vin))->icon(0).isNull());

    // Corrected: the mark goes, the word leaves the queue.
    value->selectAll();
    QTest::keyClicks(value, kValidVin);
    QTest::keyClick(value, Qt::Key_Return);
    EXPECT_EQ(dbWord(year.front()).text, kValidVin);
    EXPECT_FALSE(dbWord(year.front()).flagged);
    EXPECT_TRUE(list->topLevelItem(rowOf(panel, vin))->icon(0).isNull());
    EXPECT_TRUE(problem->text().isEmpty());
    hit = queue.nextToCheck({}, true);
    EXPECT_TRUE(!hit || hit->wordId != year.front());
    EXPECT_EQ(queue.toCheckCount(), toCheck);

    // Undo brings the wrong VIN back, flagged.
    session->undoStack()->undo();
    EXPECT_EQ(dbWord(year.front()).text, kWrongCheckDigitVin);
    EXPECT_TRUE(dbWord(year.front()).flagged);
    // The field taken away: the flag goes with it.
    field->setFocus();
    field->setCurrentIndex(1);
    QTest::keyClick(field, Qt::Key_Up);
    EXPECT_EQ(dbEntity(vin).field, QString());
    EXPECT_FALSE(dbWord(year.front()).flagged);
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(FieldsPanelTest, ThePatternsAreKeptInTheProjectAndCheckTheValuesAgain)
{
    const QList<WordId> number = run(QStringLiteral("2026-INC-04417"), 1);
    const EntityId caseNumber = session->groupWords(number);
    ASSERT_TRUE(session->setEntityField(caseNumber, QStringLiteral("case_number")));
    FieldsPanel panel(session.get());
    showPanel(panel);
    EXPECT_FALSE(dbWord(number.front()).flagged);
    ASSERT_TRUE(panel.setPatterns(FieldPatterns{QStringLiteral("[0-9]{2}-[0-9]{6}"), QString()}));
    auto store = ProjectStore::open(path, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->meta(QStringLiteral("pattern_case_number"))->value_or(QString()),
              QStringLiteral("[0-9]{2}-[0-9]{6}"));
    EXPECT_TRUE(dbWord(number.front()).flagged) << "the case number no longer matches the project's pattern";
    ASSERT_TRUE(panel.setPatterns(FieldPatterns{QStringLiteral("[0-9]{4}-INC-[0-9]{5}"), QString()}));
    EXPECT_FALSE(dbWord(number.front()).flagged);

    // The dialog of the Patterns… button: a broken expression is refused with the reason, a good one kept.
    auto* button = panel.findChild<QPushButton*>(QStringLiteral("fieldsPatterns"));
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    auto* dialog = panel.findChild<QDialog*>(QStringLiteral("fieldPatternsDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    auto* plate = dialog->findChild<QLineEdit*>(QStringLiteral("patternVehiclePlate"));
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(plate && ok);
    EXPECT_EQ(dialog->findChild<QLineEdit*>(QStringLiteral("patternCaseNumber"))->text(),
              QStringLiteral("[0-9]{4}-INC-[0-9]{5}"));
    plate->setFocus();
    QTest::keyClicks(plate, QStringLiteral("[A-Z"));
    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_TRUE(dialog->isVisible()) << "a broken pattern is not kept";
    EXPECT_EQ((*store)->meta(QStringLiteral("pattern_vehicle_plate"))->value_or(QString()), QString());
    QTest::keyClicks(plate, QStringLiteral("]{3} [0-9]{4}"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    EXPECT_EQ((*store)->meta(QStringLiteral("pattern_vehicle_plate"))->value_or(QString()),
              QStringLiteral("[A-Z]{3} [0-9]{4}"));
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

} // namespace
