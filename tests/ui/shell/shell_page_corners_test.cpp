// A photographed page's corners in the real main window (offscreen): a photo (a sheet with text on a
// darker table, JPEG) imported and read, Page › Page Corners… opens on it, the keyboard moves corners
// (Tab chooses, Shift+arrow: 10 photo pixels, arrow: 1), Return stores them as a person's and the page is
// processed again; Ctrl+Z puts the previous geometry back and processes it again; a fold is refused;
// Escape changes nothing; "Read As It Is" reads it with no flattening; a PDF page has no corners to place.
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_list_model.h"
#include "ui/view/page_corners_dialog.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace incidoc;
using namespace incidoc::ui;

namespace {

/// A phone-like photo of a page: a white sheet, a little turned, with lines of text, on a grainy table.
QString writePhoto(const QString& path)
{
    QImage photo(1200, 900, QImage::Format_RGB32);
    photo.fill(QColor(112, 92, 70));
    QPainter p(&photo);
    QRandomGenerator grain(7);
    for (int i = 0; i < 4000; ++i) {
        p.setPen(QColor(90 + grain.bounded(40), 75 + grain.bounded(30), 55 + grain.bounded(25)));
        const int x = grain.bounded(1200), y = grain.bounded(900);
        p.drawLine(x, y, x + grain.bounded(30), y + grain.bounded(3));
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(600, 450);
    p.rotate(-4);
    p.fillRect(QRect(-380, -330, 760, 660), Qt::white);
    p.setPen(Qt::black);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(30);
    p.setFont(font);
    const QStringList lines{QStringLiteral("INCIDENT REPORT"), QStringLiteral("Reported by: Maria Lopez"),
                            QStringLiteral("Location: North car park"), QStringLiteral("Vehicle damaged on arrival"),
                            QStringLiteral("Witness statement attached")};
    for (int i = 0; i < lines.size(); ++i)
        p.drawText(QPointF(-330, -230 + i * 80), lines[i]);
    p.end();
    EXPECT_TRUE(photo.save(path, "JPEG", 88));
    return path;
}

class PageCornersTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("photos.incidoc"));
        m_window = std::make_unique<MainWindow>(makeLocalWorkplace());
        m_window->resize(1300, 900);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        ASSERT_TRUE(m_window->newProject(m_path)) << qPrintable(m_window->lastError());
        m_window->importPaths({writePhoto(m_dir.filePath(QStringLiteral("statement.jpg")))});
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const auto docs = m_window->session()->documents();
                if (docs.empty())
                    return false;
                const auto pages = m_window->session()->pages(docs.front().id);
                if (pages.empty() || pages.front().status != PageStatus::Done)
                    return false;
                m_page = pages.front().id;
                return true;
            },
            180000));
        m_window->showPage(m_page);
        QApplication::setActiveWindow(m_window.get());
        m_window->pageView()->setFocus();
    }
    void TearDown() override { m_window.reset(); }

    /// The page as committed (a connection of its own).
    PageRecord dbPage()
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto page = (*store)->page(m_page);
        EXPECT_TRUE(page.ok());
        return page ? *page : PageRecord{};
    }
    /// Waits until the page was processed again after `attempts` (and is done).
    bool processedAgain(int attempts)
    {
        return QTest::qWaitFor(
            [&] {
                const PageRecord p = dbPage();
                return p.attempts > attempts && p.status == PageStatus::Done;
            },
            180000);
    }
    QString photoText(const PageRecord& p) { return p.photo ? p.photo->toJsonText() : QStringLiteral("null"); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    PageId m_page = 0;
};

TEST_F(PageCornersTest, KeysMoveTheCornersReturnStoresThemAndTheUndoPutsThemBack)
{
    const PageRecord before = dbPage();
    QAction* action = m_window->findChild<QAction*>(QStringLiteral("pageCornersAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->isEnabled());
    EXPECT_EQ(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    for (QAction* other : m_window->allActions()) // no other command holds its key (it would fire neither)
        if (other != action)
            EXPECT_FALSE(other->shortcuts().contains(action->shortcut())) << qPrintable(other->text());

    PageCornersDialog* dialog = m_window->openPageCorners();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(dialog->hasPhoto());
    EXPECT_EQ(dialog->photoSize(), QSize(1200, 900));
    const std::array<QPointF, 4> start = dialog->corners();
    if (!before.photo || !before.photo->isFlattened()) // not flattened: the image inset by 5 %
        EXPECT_EQ(start[0], QPointF(60, 45));
    QWidget* keys = dialog->focusWidget() ? dialog->focusWidget() : dialog;
    EXPECT_EQ(dialog->currentCorner(), 0);
    QTest::keyClick(keys, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(keys, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(keys, Qt::Key_Down);
    QTest::keyClick(keys, Qt::Key_Tab); // the top right corner
    EXPECT_EQ(dialog->currentCorner(), 1);
    QTest::keyClick(keys, Qt::Key_Left);
    QTest::keyClick(keys, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(dialog->currentCorner(), 0);
    std::array<QPointF, 4> want = start;
    want[0] += QPointF(10, 11);
    want[1] += QPointF(-1, 0);
    EXPECT_EQ(dialog->corners(), want);

    // The page's thumbnail (rendered once the page is done) follows the new corners.
    auto thumbnail = [&] {
        PageListModel* pages = m_window->pageListModel();
        return qvariant_cast<QPixmap>(pages->data(pages->index(pages->rowOf(before.id)), Qt::DecorationRole)).toImage();
    };
    const QSize placeholder(120, 155);
    ASSERT_TRUE(QTest::qWaitFor([&] { return thumbnail().size() != placeholder; }, 10000));
    const QImage oldThumbnail = thumbnail();

    const int attempts = before.attempts;
    QTest::keyClick(keys, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dbPage().photo && dbPage().photo->corners == want; }, 5000));
    PageRecord after = dbPage();
    EXPECT_EQ(after.photo->state, PhotoState::Flattened);
    EXPECT_TRUE(after.photo->manual);
    EXPECT_EQ(QSize(after.widthPx, after.heightPx), after.photo->pageSize);
    ASSERT_EQ(m_window->session()->undoStack()->count(), 1);
    EXPECT_EQ(m_window->session()->undoStack()->text(0), QStringLiteral("Page corners of page 1"));
    ASSERT_TRUE(processedAgain(attempts)) << "the page is processed again with the person's corners";
    after = dbPage();
    ASSERT_TRUE(after.photo.has_value());
    EXPECT_EQ(after.photo->corners, want); // the run kept them
    EXPECT_TRUE(after.photo->manual);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const QImage now = thumbnail();
            return now.size() != placeholder && now != oldThumbnail;
        },
        10000));
    // The status bar says how the page is read.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            for (QLabel* label : m_window->statusBar()->findChildren<QLabel*>())
                if (label->text().contains(QStringLiteral("photo, corners placed by hand")))
                    return true;
            return false;
        },
        5000));

    QApplication::setActiveWindow(m_window.get());
    m_window->pageView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return photoText(dbPage()) == photoText(before); }, 5000))
        << qPrintable(photoText(dbPage()));
    ASSERT_TRUE(processedAgain(after.attempts)) << "undone, the page is processed again";
    const PageRecord undone = dbPage();
    EXPECT_EQ(QSize(undone.widthPx, undone.heightPx), QSize(before.widthPx, before.heightPx));
}

TEST_F(PageCornersTest, AFoldIsRefusedEscapeChangesNothingAndReadAsItIsReadsItFlat)
{
    const PageRecord before = dbPage();
    PageCornersDialog* dialog = m_window->openPageCorners();
    ASSERT_NE(dialog, nullptr);
    const std::array<QPointF, 4> start = dialog->corners();
    // The top left corner dragged past the diagonal: the page would fold; it stays where it was.
    EXPECT_FALSE(dialog->moveCorner(0, QPointF(1100, 800)));
    EXPECT_EQ(dialog->corners(), start);
    EXPECT_TRUE(dialog->moveCorner(0, start[0] + QPointF(3, 4)));
    QTest::keyClick(dialog->focusWidget() ? dialog->focusWidget() : dialog, Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_EQ(photoText(dbPage()), photoText(before));
    EXPECT_EQ(m_window->session()->undoStack()->count(), 0);

    dialog = m_window->openPageCorners();
    ASSERT_NE(dialog, nullptr);
    auto* asIs = dialog->findChild<QPushButton*>();
    for (auto* b : dialog->findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("As It Is")))
            asIs = b;
    ASSERT_NE(asIs, nullptr);
    asIs->click();
    const PageRecord plain = dbPage();
    if (before.photo && before.photo->state == PhotoState::NotPhoto) {
        EXPECT_EQ(m_window->session()->undoStack()->count(), 0); // it was read as it is already
    } else {
        ASSERT_TRUE(plain.photo.has_value());
        EXPECT_EQ(plain.photo->state, PhotoState::NotPhoto);
        EXPECT_EQ(QSize(plain.widthPx, plain.heightPx), QSize(1200, 900));
        EXPECT_EQ(m_window->session()->undoStack()->text(0), QStringLiteral("Read page 1 as it is"));
    }
}

} // namespace
