// A document's type in the real main window (offscreen) on the bundled sample project: the documents list
// shows a predicted type with its confidence, Ctrl+Shift+T confirms it, Document › Type corrects it,
// Ctrl+Z puts the previous type back (with its source and confidence); the Document Types dialog adds,
// profiles and removes a type; predicting with no typed document says so and sets nothing.
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/shell/document_types_dialog.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class DocumentTypesTest : public test::SampleWindowTest {
protected:
    DocumentRecord dbDocument(DocumentId id)
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto d = (*store)->document(id);
        EXPECT_TRUE(d.ok());
        return d ? *d : DocumentRecord{};
    }
    QString typeCell(DocumentId id)
    {
        DocumentsModel* model = m_window->documentsModel();
        return model->index(model->rowOf(id), DocumentsModel::Type).data().toString();
    }
    DocumentId selectFirstDocument()
    {
        DocumentsModel* model = m_window->documentsModel();
        EXPECT_GE(model->rowCount(), 1);
        m_window->documentsView()->setCurrentIndex(model->index(0, 0));
        return model->documentAt(0);
    }
};

TEST_F(DocumentTypesTest, APredictedTypeIsShownConfirmedByKeyCorrectedFromTheMenuAndUndone)
{
    const DocumentId doc = selectFirstDocument();
    ASSERT_NE(doc, 0);
    EXPECT_EQ(m_window->currentDocument(), doc);
    // The classifier's guess, as a processing run would store it.
    ASSERT_TRUE(m_window->session()->store().setDocumentType(doc, QStringLiteral("fax"), TypeSource::Predicted, 0.62));
    m_window->session()->notifyDocumentsChanged();
    ASSERT_TRUE(QTest::qWaitFor([&] { return typeCell(doc) == QStringLiteral("Fax? 62 %"); }, 5000))
        << qPrintable(typeCell(doc));

    focusView();
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    DocumentRecord d = dbDocument(doc);
    EXPECT_EQ(d.type, QStringLiteral("fax"));
    EXPECT_EQ(d.typeSource, TypeSource::User);
    EXPECT_FALSE(d.typeConfidence.has_value());
    EXPECT_TRUE(QTest::qWaitFor([&] { return typeCell(doc) == QStringLiteral("Fax"); }, 5000));

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    d = dbDocument(doc);
    EXPECT_EQ(d.type, QStringLiteral("fax"));
    EXPECT_EQ(d.typeSource, TypeSource::Predicted);
    ASSERT_TRUE(d.typeConfidence.has_value());
    EXPECT_DOUBLE_EQ(*d.typeConfidence, 0.62);

    // Document › Type › Witness statement corrects it; undo and redo.
    auto* menu = m_window->findChild<QMenu*>(QStringLiteral("documentTypeMenu"));
    ASSERT_NE(menu, nullptr);
    Q_EMIT menu->aboutToShow();
    auto* witness = menu->findChild<QAction*>(QStringLiteral("documentType_witness_statement"));
    ASSERT_NE(witness, nullptr);
    EXPECT_TRUE(witness->text().startsWith(QStringLiteral("&3 ")));
    witness->trigger();
    d = dbDocument(doc);
    EXPECT_EQ(d.type, QStringLiteral("witness_statement"));
    EXPECT_EQ(d.typeSource, TypeSource::User);
    QUndoStack* undo = m_window->session()->undoStack();
    undo->undo();
    EXPECT_EQ(dbDocument(doc).type, QStringLiteral("fax"));
    EXPECT_EQ(dbDocument(doc).typeSource, TypeSource::Predicted);
    undo->redo();
    EXPECT_EQ(dbDocument(doc).type, QStringLiteral("witness_statement"));

    // Confirming a document with no predicted type changes nothing and leaves no undo step.
    const int steps = undo->count();
    EXPECT_FALSE(m_window->confirmPredictedType());
    EXPECT_EQ(undo->count(), steps);
}

TEST_F(DocumentTypesTest, TheShortcutsAreTheirOwn)
{
    QStringList keys;
    for (QAction* a : m_window->allActions())
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString();
    EXPECT_EQ(keys.count(QStringLiteral("F9")), 1);
    EXPECT_EQ(keys.count(QStringLiteral("Ctrl+Shift+T")), 1);
}

TEST_F(DocumentTypesTest, PredictingWithNoTypedDocumentSaysSoAndSetsNothing)
{
    const DocumentId doc = selectFirstDocument();
    m_window->predictTypes();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m_window->statusBar()->currentMessage().startsWith(QStringLiteral("No typed examples yet")); },
        30'000))
        << qPrintable(m_window->statusBar()->currentMessage());
    EXPECT_TRUE(dbDocument(doc).type.isEmpty());
    EXPECT_EQ(dbDocument(doc).typeSource, TypeSource::None);
}

TEST_F(DocumentTypesTest, TheDialogAddsProfilesAndRemovesATypeAndTheDefaultsKeepTheirTitles)
{
    DocumentTypesDialog dialog(m_window->session(), m_window.get());
    dialog.show();
    ASSERT_EQ(dialog.typeList()->count(), 6);
    EXPECT_EQ(dialog.typeList()->item(0)->text(), QStringLiteral("Incident report form"));
    ASSERT_TRUE(dialog.addType(QStringLiteral("parking_ticket"), QStringLiteral("Parking ticket")));
    ASSERT_EQ(dialog.typeList()->count(), 7);
    EXPECT_EQ(dialog.typeList()->currentItem()->text(), QStringLiteral("Parking ticket"));

    dialog.enginesCombo()->setCurrentIndex(dialog.enginesCombo()->findData(QStringLiteral("tesseract")));
    dialog.profileCombo()->setCurrentIndex(dialog.profileCombo()->findData(QStringLiteral("fast")));
    dialog.binarizeCombo()->setCurrentIndex(dialog.binarizeCombo()->findData(QStringLiteral("sauvola")));
    dialog.dpiSpin()->setValue(200);
    dialog.thresholdSpin()->setValue(70);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        const auto types = *(*store)->documentTypes();
        ASSERT_EQ(types.size(), 7u);
        EXPECT_EQ(types.back().name, QStringLiteral("parking_ticket"));
        EXPECT_EQ(types.back().title, QStringLiteral("Parking ticket"));
        EXPECT_EQ(types.back().profile.engines, QStringLiteral("tesseract"));
        EXPECT_EQ(types.back().profile.profile, QStringLiteral("fast"));
        EXPECT_EQ(types.back().profile.binarize, QStringLiteral("sauvola"));
        EXPECT_EQ(types.back().profile.dpi, 200);
        EXPECT_EQ(types.back().profile.reviewThreshold, 70.0);
        // Applying a default type's shown title keeps no title of its own (it stays translated).
        EXPECT_TRUE(types.front().title.isEmpty());
    }
    dialog.typeList()->setCurrentRow(0);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    EXPECT_TRUE(ProjectStore::open(m_path, OpenMode::ReadOnly).value()->documentTypes()->front().title.isEmpty());

    dialog.typeList()->setCurrentRow(6);
    ASSERT_TRUE(dialog.removeSelected(false));
    EXPECT_EQ(dialog.typeList()->count(), 6);
    EXPECT_EQ(ProjectStore::open(m_path, OpenMode::ReadOnly).value()->documentTypes()->size(), 6u);
}

} // namespace
