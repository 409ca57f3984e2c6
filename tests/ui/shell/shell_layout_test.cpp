// The main window's layout and the documents list, on the real app window (offscreen) and a real
// project: the page view keeps most of the width at 1024 and 1366 px and a usable one at 640; the docks
// hide together and come back; Reset Layout recovers closed and floating docks; every dialog fits a
// 1366 × 768 screen; File › Open on a PDF or an image offers to import it; a failed document can be
// removed (and only a failed one).
#include "core/storage/project_store.h"
#include "ui/review/label_manager_dialog.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"
#include "ui/shell/reocr_dialog.h"
#include "ui/view/page_view.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdio>

#include "tests/support/pdf_factory.h"
#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

constexpr int kMaxDialogWidth = 1300; // what fits a 1366 × 768 screen with a window frame and a panel
constexpr int kMaxDialogHeight = 700;

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(10);
    }
}

/// The message box of `window` whose text contains `text` (nullptr if none).
QMessageBox* messageBox(QWidget* window, const QString& text)
{
    for (auto* box : window->findChildren<QMessageBox*>())
        if (box->isVisible() && (box->text() + box->informativeText()).contains(text))
            return box;
    return nullptr;
}

QAbstractButton* button(QMessageBox* box, const QString& text)
{
    for (QAbstractButton* b : box->buttons())
        if (b->text() == text)
            return b;
    return nullptr;
}

QAction* action(MainWindow* window, const QString& text)
{
    for (QAction* a : window->allActions())
        if (a->text() == text)
            return a;
    return nullptr;
}

/// Checks that a dialog fits: its preferred size, its minimum size and its size once shown.
void expectFits(QWidget* dialog, const char* name)
{
    dialog->show();
    settle();
    const QSize hint = dialog->sizeHint(), min = dialog->minimumSizeHint(), size = dialog->size();
    std::printf("%s: size hint %dx%d, minimum %dx%d, shown %dx%d\n", name, hint.width(), hint.height(), min.width(),
                min.height(), size.width(), size.height());
    EXPECT_LE(hint.width(), kMaxDialogWidth) << name;
    EXPECT_LE(hint.height(), kMaxDialogHeight) << name;
    EXPECT_LE(min.width(), kMaxDialogWidth) << name;
    EXPECT_LE(min.height(), kMaxDialogHeight) << name;
    EXPECT_LE(size.width(), kMaxDialogWidth) << name;
    EXPECT_LE(size.height(), kMaxDialogHeight) << name;
}

class LayoutTest : public test::SampleWindowTest {
protected:
    void SetUp() override
    {
        // A first start: no window layout remembered.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        QSettings().remove(QStringLiteral("window"));
        SampleWindowTest::SetUp();
        if (HasFatalFailure())
            return;
        focusView();
    }
    void TearDown() override
    {
        SampleWindowTest::TearDown();
        QSettings().remove(QStringLiteral("window"));
    }

    /// The window at `size` with the default dock layout (what a first start on that screen shows).
    void layoutAt(QSize size)
    {
        m_window->resize(size);
        settle();
        m_window->resetLayout();
        settle();
        ASSERT_EQ(m_window->size(), size);
    }
    QDockWidget* dock(const char* name) { return m_window->findChild<QDockWidget*>(QLatin1String(name)); }
};

TEST_F(LayoutTest, ThePageViewKeepsMostOfTheWidth)
{
    for (const QSize size : {QSize(1024, 768), QSize(1366, 768)}) {
        layoutAt(size);
        const int view = m_view->width();
        std::printf("window %dx%d: page view %dx%d (%.0f %% of the width)\n", size.width(), size.height(), view,
                    m_view->height(), 100.0 * view / size.width());
        EXPECT_GE(view, size.width() * 60 / 100) << size.width();
        EXPECT_GE(m_view->height(), size.height() / 2);
        for (QDockWidget* d : m_window->docks()) {
            EXPECT_FALSE(d->isHidden()) << qPrintable(d->objectName());
            EXPECT_FALSE(d->isFloating()) << qPrintable(d->objectName());
        }
        EXPECT_EQ(m_window->dockWidgetArea(dock("documentsDock")), Qt::LeftDockWidgetArea);
        EXPECT_EQ(m_window->dockWidgetArea(dock("inspectorDock")), Qt::RightDockWidgetArea);
        // The inspector, the word being corrected, is not a hidden tab.
        EXPECT_TRUE(m_window->tabifiedDockWidgets(dock("inspectorDock")).isEmpty());
        EXPECT_GE(dock("inspectorDock")->width(), 140);
        EXPECT_GE(dock("documentsDock")->width(), 120);
    }
    // A narrow window: the docks give way, the page still gets room to work in.
    layoutAt(QSize(640, 600));
    std::printf("window 640x600: page view %d px wide\n", m_view->width());
    EXPECT_GE(m_view->width(), 300);
}

TEST_F(LayoutTest, DocksHideTogetherAndComeBackWithCtrlShiftD)
{
    layoutAt(QSize(1024, 768));
    const int withDocks = m_view->width();
    QAction* docks = action(m_window.get(), QStringLiteral("Show &Docks"));
    ASSERT_NE(docks, nullptr);
    EXPECT_EQ(docks->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    EXPECT_TRUE(docks->isChecked());
    dock("searchDock")->close(); // closed on its own: stays closed

    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    for (QDockWidget* d : m_window->docks())
        EXPECT_TRUE(d->isHidden()) << qPrintable(d->objectName());
    EXPECT_FALSE(docks->isChecked());
    EXPECT_GE(m_view->width(), m_window->width() * 95 / 100);

    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    EXPECT_TRUE(docks->isChecked());
    for (QDockWidget* d : m_window->docks())
        EXPECT_EQ(d->isHidden(), d == dock("searchDock")) << qPrintable(d->objectName());
    EXPECT_NEAR(m_view->width(), withDocks, 2);

    // With every dock closed one by one, the key brings them all back.
    for (QDockWidget* d : m_window->docks())
        d->close();
    settle();
    EXPECT_FALSE(docks->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    for (QDockWidget* d : m_window->docks())
        EXPECT_FALSE(d->isHidden()) << qPrintable(d->objectName());
}

TEST_F(LayoutTest, ResetLayoutRecoversClosedAndFloatingDocksAndTheLayoutIsKept)
{
    layoutAt(QSize(1024, 768));
    const int defaultWidth = m_view->width();
    dock("inspectorDock")->close();
    QDockWidget* pages = dock("pagesDock");
    pages->setFloating(true);
    pages->move(-5000, -5000); // dragged off the screen
    m_window->resizeDocks({dock("documentsDock")}, {600}, Qt::Horizontal);
    settle();
    EXPECT_LT(m_view->width(), defaultWidth - 100);

    QAction* reset = action(m_window.get(), QStringLiteral("&Reset Layout"));
    ASSERT_NE(reset, nullptr);
    reset->trigger();
    settle();
    for (QDockWidget* d : m_window->docks()) {
        EXPECT_FALSE(d->isHidden()) << qPrintable(d->objectName());
        EXPECT_FALSE(d->isFloating()) << qPrintable(d->objectName());
    }
    EXPECT_EQ(m_window->dockWidgetArea(pages), Qt::LeftDockWidgetArea);
    EXPECT_NEAR(m_view->width(), defaultWidth, 4);

    // What the user arranged is what the next start shows.
    dock("historyDock")->close();
    m_window->close();
    MainWindow again(incidoc::makeLocalWorkplace());
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    EXPECT_EQ(again.size(), QSize(1024, 768));
    EXPECT_TRUE(again.findChild<QDockWidget*>(QStringLiteral("historyDock"))->isHidden());
    EXPECT_FALSE(again.findChild<QDockWidget*>(QStringLiteral("inspectorDock"))->isHidden());
}

TEST_F(LayoutTest, EveryDialogFitsA1366x768Screen)
{
    auto* settings = new SettingsDialog(m_window->settings(), m_window.get());
    expectFits(settings, "settings");
    auto* shortcuts = new ShortcutsDialog(m_window->allActions(), m_window.get());
    expectFits(shortcuts, "shortcuts");
    auto* about = new AboutDialog(m_window.get());
    expectFits(about, "about");
    auto* reocr = new ReOcrDialog(QStringLiteral("eng"), 300, 3, m_window.get());
    expectFits(reocr, "re-ocr");
    auto* labels = new LabelManagerDialog(m_window->session(), m_window.get());
    expectFits(labels, "labels");
}

TEST_F(LayoutTest, OpeningAPdfOffersToImportItIntoTheOpenProject)
{
    const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
    ASSERT_TRUE(test::writeTextPdf(pdf, {{{QStringLiteral("Dear Sir, the report follows.")}}}));
    const QByteArray bytes = [&] {
        QFile f(pdf);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    EXPECT_FALSE(m_window->openProject(pdf));
    ASSERT_NE(m_window->session(), nullptr);
    EXPECT_EQ(m_window->session()->path(), m_path); // the project stays open
    auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("importOffer"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(QStringLiteral("letter.pdf"))) << qPrintable(box->text());
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("sample.incidoc")))
        << qPrintable(box->informativeText());
    EXPECT_FALSE(box->text().contains(QStringLiteral("SQLite")));
    QAbstractButton* import = button(box, QStringLiteral("&Import"));
    ASSERT_NE(import, nullptr);
    import->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->documentsModel()->rowCount() == 2; }, 60'000));
    bool found = false;
    for (const DocumentRecord& d : m_window->session()->documents())
        found = found || (d.name == QStringLiteral("letter.pdf") && d.error.isEmpty());
    EXPECT_TRUE(found);
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), bytes); // never written
}

TEST(ShellOpenDocument, WithoutAProjectAnImageOffersANewProjectThatImportsIt)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("scan.png"));
    ASSERT_TRUE(test::renderTextImage({QStringLiteral("Incident at the corner")}, 150).save(png));
    MainWindow window(incidoc::makeLocalWorkplace());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    EXPECT_FALSE(window.openProject(png));
    EXPECT_EQ(window.session(), nullptr);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("importOffer"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("create a project")))
        << qPrintable(box->informativeText());
    QAbstractButton* create = button(box, QStringLiteral("&New Project…"));
    ASSERT_NE(create, nullptr);
    create->click();
    settle();
    QFileDialog* picker = nullptr;
    for (auto* d : window.findChildren<QFileDialog*>())
        if (d->isVisible())
            picker = d;
    ASSERT_NE(picker, nullptr);
    const QString project = dir.filePath(QStringLiteral("scans.incidoc"));
    Q_EMIT picker->fileSelected(project); // what choosing the name does
    ASSERT_NE(window.session(), nullptr);
    EXPECT_EQ(window.session()->path(), project);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.documentsModel()->rowCount() == 1; }, 60'000));
    EXPECT_EQ(window.session()->documents().front().name, QStringLiteral("scan.png"));
    picker->close();
}

class RemoveDocumentUiTest : public test::SampleWindowTest {
protected:
    /// Imports a file that cannot be imported (a damaged PDF): the project gets a failed document.
    DocumentId importBroken()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.pdf"));
        QFile f(broken);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\nthis is not a PDF body at all\n");
        f.close();
        m_window->importPaths({broken});
        EXPECT_TRUE(QTest::qWaitFor([&] { return m_window->documentsModel()->rowCount() == 2; }, 60'000));
        for (const DocumentRecord& d : m_window->session()->documents())
            if (d.name == QStringLiteral("broken.pdf"))
                return d.id;
        return 0;
    }
    int documentsInTheFile()
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        return store.ok() ? static_cast<int>((*store)->documents()->size()) : -1;
    }
    void pressDeleteOn(DocumentId doc)
    {
        QTableView* list = m_window->documentsView();
        list->setCurrentIndex(m_window->documentsModel()->index(m_window->documentsModel()->rowOf(doc), 0));
        QApplication::setActiveWindow(m_window.get());
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        settle();
    }
};

TEST_F(RemoveDocumentUiTest, DeleteInTheDocumentsListRemovesAFailedDocumentOnceConfirmed)
{
    const DocumentId broken = importBroken();
    ASSERT_NE(broken, 0);
    ASSERT_TRUE(m_window->session()->isFailedDocument(broken));
    ASSERT_EQ(documentsInTheFile(), 2);

    // Cancel keeps it.
    pressDeleteOn(broken);
    auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("removeDocumentConfirm"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("broken.pdf")));
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("cannot be undone")))
        << qPrintable(box->informativeText());
    box->button(QMessageBox::Cancel)->click();
    settle();
    EXPECT_EQ(documentsInTheFile(), 2);

    pressDeleteOn(broken);
    box = m_window->findChild<QMessageBox*>(QStringLiteral("removeDocumentConfirm"));
    ASSERT_NE(box, nullptr);
    QAbstractButton* remove = button(box, QStringLiteral("&Remove"));
    ASSERT_NE(remove, nullptr);
    remove->click();
    settle();
    EXPECT_EQ(documentsInTheFile(), 1);
    EXPECT_EQ(m_window->documentsModel()->rowCount(), 1);
    EXPECT_FALSE(m_window->session()->document(broken).has_value());
    EXPECT_NE(m_view->pageId(), 0); // the sample's page is shown
}

TEST_F(RemoveDocumentUiTest, ADocumentWithReadPagesIsNeverRemoved)
{
    const DocumentId sample = m_window->session()->documents().front().id;
    ASSERT_FALSE(m_window->session()->isFailedDocument(sample));
    pressDeleteOn(sample);
    EXPECT_EQ(m_window->findChild<QMessageBox*>(QStringLiteral("removeDocumentConfirm")), nullptr);
    QMessageBox* refusal = messageBox(m_window.get(), QStringLiteral("Only a document that failed"));
    ASSERT_NE(refusal, nullptr);
    refusal->close();
    EXPECT_FALSE(m_window->session()->removeDocument(sample)); // nor through the session
    EXPECT_EQ(documentsInTheFile(), 1);

    // The context menu offers it disabled, and enabled on a failed document.
    const DocumentId broken = importBroken();
    ASSERT_NE(broken, 0);
    auto menuAction = [&](DocumentId doc) -> QAction* {
        QTableView* list = m_window->documentsView();
        const QRect row =
            list->visualRect(m_window->documentsModel()->index(m_window->documentsModel()->rowOf(doc), 0));
        Q_EMIT list->customContextMenuRequested(row.center());
        settle();
        QAction* found = nullptr;
        for (auto* menu : m_window->findChildren<QMenu*>())
            if (menu->isVisible())
                for (QAction* a : menu->actions())
                    if (a->text() == QStringLiteral("&Remove Document…"))
                        found = a;
        return found;
    };
    QAction* onSample = menuAction(sample);
    ASSERT_NE(onSample, nullptr);
    EXPECT_FALSE(onSample->isEnabled());
    qobject_cast<QMenu*>(onSample->parent())->close();
    settle();
    QAction* onBroken = menuAction(broken);
    ASSERT_NE(onBroken, nullptr);
    EXPECT_TRUE(onBroken->isEnabled());
    onBroken->trigger();
    settle();
    EXPECT_NE(m_window->findChild<QMessageBox*>(QStringLiteral("removeDocumentConfirm")), nullptr);
}

} // namespace
