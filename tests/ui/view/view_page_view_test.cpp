// The page view alone on a real project: the overlay matches the stored words, the render arrives in
// the background (a stand-in first, never blocking), zoom keeps boxes on their words, a grab of the
// widget shows the overlay colour on the box edges, and the overlay follows the session's changes.
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QFile>
#include <QGraphicsScene>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/ui/view_test_pages.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class PageViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_grid = test::makeGridProject(m_dir.path(), 2000);
        ASSERT_FALSE(m_grid.projectPath.isEmpty());
        auto s = ProjectSession::open(m_grid.projectPath);
        ASSERT_TRUE(s.ok());
        m_session = std::move(s).value();
        m_view = std::make_unique<PageView>(incidoc::makeLocalWorkplace());
        m_view->resize(900, 1100);
        m_view->setSession(m_session.get());
        m_view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->showPage(m_grid.page);
    }
    void TearDown() override
    {
        m_view.reset();
        m_session.reset();
    }

    QTemporaryDir m_dir;
    test::GridPage m_grid;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<PageView> m_view;
};

TEST_F(PageViewTest, OneItemPerWordExactlyOnItsBox)
{
    const auto words = m_session->words(m_grid.page);
    ASSERT_EQ(words.size(), 2000u);
    EXPECT_EQ(m_view->wordItemCount(), 2000);
    int low = 0;
    for (const auto& w : words) {
        auto* item = m_view->wordItem(w.id);
        ASSERT_NE(item, nullptr);
        EXPECT_EQ(item->sceneBox(), toRectF(w.box));
        low += item->isLowConfidence();
    }
    EXPECT_EQ(low, 2000 / 7 + (2000 % 7 > 3));
}

TEST_F(PageViewTest, RenderArrivesInTheBackgroundAndSharpensAfterZoom)
{
    EXPECT_EQ(m_view->fitMode(), PageView::FitMode::Width);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_view->isRenderPending() && m_view->shownRenderDpi() > 0; }, 20000));
    const int fitDpi = m_view->shownRenderDpi();
    EXPECT_EQ(fitDpi, m_view->wantedRenderDpi());
    EXPECT_LT(fitDpi, 300); // the fit-width zoom is below 1: a smaller render is enough
    m_view->actualSize();
    EXPECT_EQ(m_view->zoom(), 1.0);
    EXPECT_EQ(m_view->wantedRenderDpi(), 300);
    // Meanwhile the lower-resolution render stays shown, scaled.
    EXPECT_EQ(m_view->shownRenderDpi(), fitDpi);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->shownRenderDpi() == 300; }, 20000));
    // Back to the earlier zoom: the cached render is shown at once, no new render.
    m_view->fitWidth();
    EXPECT_EQ(m_view->shownRenderDpi(), fitDpi);
    EXPECT_FALSE(m_view->isRenderPending());
}

TEST_F(PageViewTest, GrabShowsTheOverlayColourOnBoxEdges)
{
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_view->isRenderPending() && m_view->shownRenderDpi() > 0; }, 20000));
    m_view->setZoom(0.6);
    QApplication::processEvents();
    const QImage shot = m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const auto words = m_session->words(m_grid.page);
    int checked = 0, coloured = 0;
    for (const auto& w : words) {
        const QPoint left = m_view->mapFromScene(QPointF(w.box.x0, (w.box.y0 + w.box.y1) / 2.0));
        if (!shot.rect().adjusted(2, 2, -2, -2).contains(left))
            continue;
        ++checked;
        bool found = false;
        for (int d = 0; d < 21 && !found; ++d) { // dashed edges: look a few pixels up and down
            const QColor c = shot.pixelColor(left + QPoint(d % 3 - 1, d / 3 - 3));
            const bool low = w.confidence && *w.confidence < 60;
            // Normal boxes: blue (30,136,229); low confidence: red (229,57,53).
            found = low ? (c.red() > 150 && c.green() < 120 && c.blue() < 120) : (c.blue() > 150 && c.red() < 120);
        }
        coloured += found;
    }
    ASSERT_GT(checked, 100);
    EXPECT_GE(coloured, checked * 95 / 100) << coloured << " of " << checked;
    // Between boxes (inside a cell gap) the page stays white: the image is not hidden.
    const QPoint gap = m_view->mapFromScene(QPointF(words[0].box.x1 + 10, words[0].box.y0 + 5));
    EXPECT_GT(qGray(shot.pixel(gap)), 200);
}

TEST_F(PageViewTest, OverlayFollowsTheSessionAndUndo)
{
    const auto words = m_session->words(m_grid.page);
    const WordRecord w = words[42];
    m_view->selectWords({w.id});
    const PixelBox moved{w.box.x0 + 30, w.box.y0 + 5, w.box.x1 + 30, w.box.y1 + 5};
    ASSERT_TRUE(m_session->setWordBox(w.id, moved));
    EXPECT_EQ(m_view->wordItem(w.id)->sceneBox(), toRectF(moved));
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{w.id}); // selection survives the redraw
    m_session->undoStack()->undo();
    EXPECT_EQ(m_view->wordItem(w.id)->sceneBox(), toRectF(w.box));
    ASSERT_TRUE(m_session->deleteWords({w.id}));
    EXPECT_EQ(m_view->wordItem(w.id), nullptr);
    EXPECT_EQ(m_view->wordItemCount(), 1999);
}

TEST_F(PageViewTest, RubberBandAndDragMoveAWordBox)
{
    m_view->actualSize();
    const auto words = m_session->words(m_grid.page);
    const WordRecord w = words[0];
    m_view->ensureVisible(toRectF(w.box), 50, 50);
    QApplication::processEvents();
    // Rubber band around the first two words of the first row.
    const QPoint a = m_view->mapFromScene(QPointF(w.box.x0 - 20, w.box.y0 - 20));
    const QPoint b = m_view->mapFromScene(QPointF(words[1].box.x0 + 10, w.box.y1 - 5));
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(m_view->viewport(), (a + b) / 2);
    QTest::mouseMove(m_view->viewport(), b);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, b);
    EXPECT_EQ(m_view->selectedWords(), (QList<WordId>{words[0].id, words[1].id}));

    // Drag the first word by (40, 25) page pixels (zoom 1).
    m_view->selectWords({w.id});
    const QPoint from = m_view->mapFromScene(QPointF((w.box.x0 + w.box.x1) / 2.0, (w.box.y0 + w.box.y1) / 2.0));
    const QPoint to = from + QPoint(40, 25);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(10, 5));
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    const auto after = m_session->words(m_grid.page);
    auto it = std::find_if(after.begin(), after.end(), [&](const WordRecord& r) { return r.id == w.id; });
    ASSERT_NE(it, after.end());
    EXPECT_EQ(it->box, (PixelBox{w.box.x0 + 40, w.box.y0 + 25, w.box.x1 + 40, w.box.y1 + 25}));
}

namespace {

bool near(const QColor& c, const QColor& want, int tolerance)
{
    return std::abs(c.red() - want.red()) <= tolerance && std::abs(c.green() - want.green()) <= tolerance
           && std::abs(c.blue() - want.blue()) <= tolerance;
}

} // namespace

TEST_F(PageViewTest, ALabelledWordInDoubtShowsItsLabelColourAndTheDoubtMarking)
{
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_view->isRenderPending() && m_view->shownRenderDpi() > 0; }, 20000));
    const auto words = m_session->words(m_grid.page);
    const WordRecord low = words[3], plain = words[4], lowUnlabelled = words[10]; // confidence 40, 92, 40
    ASSERT_TRUE(m_view->wordItem(low.id)->isLowConfidence());
    ASSERT_TRUE(m_view->wordItem(lowUnlabelled.id)->isLowConfidence());
    LabelRecord date;
    for (const LabelRecord& l : m_session->labels())
        if (l.name == QStringLiteral("DATE"))
            date = l;
    ASSERT_NE(date.id, 0);
    const QColor green(date.color); // #3cb44b
    // Labelled as another tool would have (labelling in the app marks the word edited, which ends its
    // low-confidence look), and a confident word flagged by the second reader: set in the file.
    const WordRecord flagged = words[5];
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(QFile::encodeName(m_grid.projectPath).constData(), &db), SQLITE_OK);
        const QByteArray sql = QStringLiteral("UPDATE words SET label_id = %1 WHERE id IN (%2, %3, %4); "
                                              "UPDATE words SET flagged = 1 WHERE id = %4")
                                   .arg(date.id)
                                   .arg(low.id)
                                   .arg(plain.id)
                                   .arg(flagged.id)
                                   .toUtf8();
        EXPECT_EQ(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    m_session->notifyPageProcessed(0, m_grid.page); // the view reads the page again
    ASSERT_TRUE(m_view->wordItem(low.id)->isLowConfidence());
    ASSERT_TRUE(m_view->wordItem(flagged.id)->isFlagged());
    ASSERT_EQ(m_view->wordItem(low.id)->labelColor(), green);
    m_view->actualSize();
    m_view->ensureVisible(toRectF(low.box), 50, 50);
    QApplication::processEvents();
    const QImage shot = m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);

    // Looks along a vertical run of pixels `dx` screen pixels right of the word's left edge.
    auto find = [&](const WordRecord& w, int dx, auto test) {
        const QPoint left = m_view->mapFromScene(QPointF(w.box.x0, (w.box.y0 + w.box.y1) / 2.0));
        for (int dy = -4; dy <= 4; ++dy)
            for (int ddx = -1; ddx <= 1; ++ddx)
                if (test(shot.pixelColor(left + QPoint(dx + ddx, dy))))
                    return true;
        return false;
    };
    auto isGreen = [&](const QColor& c) { return near(c, green, 40); };
    auto isRed = [](const QColor& c) { return c.red() > 150 && c.green() < 120 && c.blue() < 120; };
    // The low-confidence labelled word: the doubt colour on its edge, its label colour just inside.
    EXPECT_TRUE(find(low, 0, isRed)) << "the doubt marking";
    EXPECT_TRUE(find(low, 3, isGreen)) << "the label colour inside the doubt marking";
    const QPoint centre = m_view->mapFromScene(toRectF(low.box).center());
    const QColor fill = shot.pixelColor(centre);
    EXPECT_GT(fill.green(), fill.red()) << "a green tint fills the box";
    EXPECT_GT(fill.green(), fill.blue());
    // The flagged labelled word: orange edge, the label colour inside.
    auto isOrange = [](const QColor& c) { return c.red() > 200 && c.green() > 80 && c.green() < 170 && c.blue() < 80; };
    EXPECT_TRUE(find(flagged, 0, isOrange));
    EXPECT_TRUE(find(flagged, 3, isGreen));
    // The confident labelled word: its label colour on the edge; no doubt colour anywhere near it.
    EXPECT_TRUE(find(plain, 0, isGreen));
    EXPECT_FALSE(find(plain, 0, isRed));
    // The low-confidence word without a label: the doubt marking, no label colour.
    m_view->ensureVisible(toRectF(lowUnlabelled.box), 50, 50);
    QApplication::processEvents();
    const QImage shot2 = m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QPoint left2 =
        m_view->mapFromScene(QPointF(lowUnlabelled.box.x0, (lowUnlabelled.box.y0 + lowUnlabelled.box.y1) / 2.0));
    bool red = false, labelled = false;
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -1; dx <= 4; ++dx) {
            red |= isRed(shot2.pixelColor(left2 + QPoint(dx, dy)));
            labelled |= isGreen(shot2.pixelColor(left2 + QPoint(dx, dy)));
        }
    EXPECT_TRUE(red);
    EXPECT_FALSE(labelled);
}

TEST_F(PageViewTest, AWordAPersonEditedOrReviewedIsNoLongerLowConfidence)
{
    const auto words = m_session->words(m_grid.page);
    const WordRecord a = words[3], b = words[10]; // confidence 40
    ASSERT_TRUE(m_view->wordItem(a.id)->isLowConfidence());
    ASSERT_TRUE(m_session->setWordText(a.id, QStringLiteral("fixed")));
    EXPECT_FALSE(m_view->wordItem(a.id)->isLowConfidence());
    ASSERT_TRUE(m_session->setWordsReviewed({b.id}, true));
    EXPECT_FALSE(m_view->wordItem(b.id)->isLowConfidence());
    m_session->undoStack()->undo();
    EXPECT_TRUE(m_view->wordItem(b.id)->isLowConfidence()) << "undo: nobody has read it";
}

TEST_F(PageViewTest, HandlesSitOutsideTheBoxAndStillResizeIt)
{
    m_view->actualSize();
    const auto words = m_session->words(m_grid.page);
    const WordRecord w = words[21];
    m_view->ensureVisible(toRectF(w.box), 80, 80);
    m_view->selectWords({w.id});
    QApplication::processEvents();
    HandlesItem* handles = nullptr;
    for (QGraphicsItem* it : m_view->scene()->items())
        if (it->type() == HandlesItem::Type)
            handles = static_cast<HandlesItem*>(it);
    ASSERT_NE(handles, nullptr);
    ASSERT_TRUE(handles->isVisible());
    const QRectF box = toRectF(w.box);
    for (int corner = 0; corner < 4; ++corner) {
        const QRectF h = handles->handleRect(corner);
        EXPECT_FALSE(h.intersected(box).width() > 0 && h.intersected(box).height() > 0)
            << "handle " << corner << " covers the word";
        EXPECT_GT(h.width(), 0);
    }
    // Dragging the bottom-right handle resizes the box; the opposite corner stays.
    const QPoint from = m_view->mapFromScene(handles->handleRect(3).center());
    const QPoint to = from + QPoint(30, 12);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(10, 4));
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    WordRecord d;
    for (const WordRecord& r : m_session->words(m_grid.page))
        if (r.id == w.id)
            d = r;
    EXPECT_EQ(d.box.x0, w.box.x0);
    EXPECT_EQ(d.box.y0, w.box.y0);
    EXPECT_GT(d.box.x1, w.box.x1 + 20);
    EXPECT_GT(d.box.y1, w.box.y1 + 5);
}

} // namespace

// A page that crashed or hung the engines in a page host (core/isolation/host_pool.h) is not rendered
// again in the app, where the same crash would take the app down: the view says why instead.
TEST(PageViewIsolation, APageThatCrashedTheEnginesIsNotRendered)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::GridPage grid = test::makeGridProject(dir.path(), 50);
    ASSERT_FALSE(grid.projectPath.isEmpty());
    {
        auto store = ProjectStore::open(grid.projectPath);
        ASSERT_TRUE(store.ok());
        PageOutcome failed;
        failed.pageId = grid.page;
        failed.status = PageStatus::Failed;
        failed.failure = FailureKind::Crash; // the view decides from this, not from the words below
        failed.error = QStringLiteral("processing this page crashed the renderer or OCR engine (signal 11: "
                                      "Segmentation fault); skipped");
        ASSERT_TRUE((*store)->storeOutcomes({failed}).ok());
    }
    auto session = ProjectSession::open(grid.projectPath);
    ASSERT_TRUE(session.ok());
    PageView view(incidoc::makeLocalWorkplace());
    view.resize(600, 800);
    view.setSession(session->get());
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.showPage(grid.page);
    EXPECT_TRUE(failedInIsolation(view.page()));
    QTest::qWait(1500); // a render of this small page would have arrived by now
    EXPECT_FALSE(view.isRenderPending());
    EXPECT_EQ(view.shownRenderDpi(), 0);
    // The explanation is drawn where the page would be: dark pixels on the white page.
    const QImage shot = view.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    int dark = 0;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x)
            dark += shot.constScanLine(y)[x] < 100 ? 1 : 0;
    EXPECT_GT(dark, 50);
}

// The decision not to render comes from the kind alone: a page that failed with an ordinary error is
// rendered, even when its reason reads like a crash; and a kind the view does not render is explained in
// the app's language, with the reason as detail.
TEST(PageViewIsolation, APageWithAnOrdinaryErrorIsRenderedWhateverItsReasonSays)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::GridPage grid = test::makeGridProject(dir.path(), 50);
    ASSERT_FALSE(grid.projectPath.isEmpty());
    {
        auto store = ProjectStore::open(grid.projectPath);
        ASSERT_TRUE(store.ok());
        PageOutcome failed;
        failed.pageId = grid.page;
        failed.status = PageStatus::Failed;
        failed.failure = FailureKind::Error;
        failed.error = QStringLiteral("processing this page crashed the renderer or OCR engine (signal 11)");
        ASSERT_TRUE((*store)->storeOutcomes({failed}).ok());
    }
    auto session = ProjectSession::open(grid.projectPath);
    ASSERT_TRUE(session.ok());
    PageView view(incidoc::makeLocalWorkplace());
    view.resize(600, 800);
    view.setSession(session->get());
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.showPage(grid.page);
    EXPECT_EQ(view.page().failure, FailureKind::Error);
    EXPECT_FALSE(failedInIsolation(view.page()));
    EXPECT_TRUE(QTest::qWaitFor([&] { return view.shownRenderDpi() > 0; }, 30000));
}

TEST(FailureText, ChosenFromTheKindWithTheReasonAsDetail)
{
    PageRecord page;
    page.status = PageStatus::Failed;
    page.error = QStringLiteral("reason from the engine");
    page.failure = FailureKind::Hang;
    EXPECT_EQ(ui::FailureText::ofPage(page),
              ui::FailureText::pageSummary(FailureKind::Hang) + QStringLiteral(" (") + page.error + QLatin1Char(')'));
    EXPECT_TRUE(ui::FailureText::pageNotShown(FailureKind::Hang).contains(QStringLiteral("time budget")));
    EXPECT_TRUE(ui::FailureText::pageNotShown(FailureKind::Memory).contains(QStringLiteral("memory")));
    EXPECT_TRUE(ui::FailureText::pageNotShown(FailureKind::Crash).contains(QStringLiteral("crashed")));
    page.failure = FailureKind::Crash;
    EXPECT_TRUE(ui::FailureText::ofPage(page).startsWith(ui::FailureText::pageSummary(FailureKind::Crash)));
    // The same words with another kind say what that kind is.
    page.failure = FailureKind::Error;
    page.error = QStringLiteral("processing this page did not finish within 12 s");
    EXPECT_TRUE(ui::FailureText::ofPage(page).startsWith(ui::FailureText::pageSummary(FailureKind::Error)));
    // A page that is done shows its note as it is.
    page.status = PageStatus::Done;
    page.failure = FailureKind::None;
    page.error = QStringLiteral("page too large, rendered at 120 dpi");
    EXPECT_EQ(ui::FailureText::ofPage(page), page.error);
    DocumentRecord doc;
    doc.error = QStringLiteral("opening took 130 s");
    doc.failure = FailureKind::Memory;
    EXPECT_EQ(ui::FailureText::ofDocument(doc), ui::FailureText::documentSummary(FailureKind::Memory)
                                                    + QStringLiteral(" (") + doc.error + QLatin1Char(')'));
    EXPECT_TRUE(ui::FailureText::ofDocument(DocumentRecord{}).isEmpty());
}
