// Page view and first-page latency benchmarks (a timing program, not pass/fail). Prints medians.
//   bench_view [--pages 100] [--rounds 25] [--skip-import]
// 1. A page with 2,000 boxes: switching to it (overlay built and painted, synchronous repaint).
// 2. Zoom and pan redraw of that page (viewport repaint).
// 3. Opening a 100-page scanned PDF through the main window: time from import until the first page's
//    boxes are on screen (import via the PipelineController, OCR by the core pipeline).
#include "core/pipeline/workplace.h"
#include "core/util/openmp_guard.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "tests/bench/bench_app.h"
#include "tests/bench/bench_support.h"
#include "tests/support/pdf_factory.h"
#include "tests/ui/view_test_pages.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

double ms(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    const auto app = bench::offscreenApp(argc, argv);
    int pages = 100, rounds = 25;
    bool skipImport = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--pages" && i + 1 < argc)
            pages = atoi(argv[++i]);
        else if (a == "--rounds" && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (a == "--skip-import")
            skipImport = true;
    }

    QTemporaryDir dir;
    const auto grid = test::makeGridProject(dir.path(), 2000);
    auto opened = ProjectSession::open(grid.projectPath);
    if (!opened) {
        std::fprintf(stderr, "cannot open grid project\n");
        return 1;
    }
    auto session = std::move(opened).value();
    PageView view(incidoc::makeLocalWorkplace());
    view.resize(1200, 900);
    view.setSession(session.get());
    view.show();
    (void)QTest::qWaitForWindowExposed(&view);
    view.showPage(grid.page);
    (void)QTest::qWaitFor([&] { return !view.isRenderPending(); }, 20000);

    std::vector<double> sw, words, zoom, pan;
    for (int r = 0; r < rounds; ++r) {
        view.showPage(0);
        view.viewport()->repaint();
        QElapsedTimer t;
        t.start();
        view.showPage(grid.page);
        view.viewport()->repaint();
        sw.push_back(ms(t));
        QApplication::processEvents();
    }
    for (int r = 0; r < rounds; ++r) { // the words read alone (the session's share of a switch)
        QElapsedTimer t;
        t.start();
        const auto w = session->words(grid.page);
        words.push_back(ms(t));
    }
    view.setZoom(0.5);
    (void)QTest::qWaitFor([&] { return !view.isRenderPending(); }, 20000);
    view.setZoom(0.55);
    (void)QTest::qWaitFor([&] { return !view.isRenderPending(); }, 20000);
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        view.setZoom(r % 2 ? 0.5 : 0.55);
        view.viewport()->repaint();
        zoom.push_back(ms(t));
        QApplication::processEvents();
    }
    for (int r = 0; r < rounds; ++r) {
        QScrollBar* bar = view.verticalScrollBar();
        QElapsedTimer t;
        t.start();
        bar->setValue(bar->value() + (r % 2 ? -40 : 40));
        view.viewport()->repaint();
        pan.push_back(ms(t));
        QApplication::processEvents();
    }
    std::printf("| measure (2,000 boxes, %dx%d viewport, %d rounds) | median ms | target |\n", view.viewport()->width(),
                view.viewport()->height(), rounds);
    std::printf("|---|---|---|\n");
    std::printf("| switch to the page (words read + overlay built + painted) | %.1f | <= 150 |\n", bench::median(sw));
    std::printf("| of which reading the 2,000 words from the project | %.1f | |\n", bench::median(words));
    std::printf("| zoom redraw | %.1f | <= 16 |\n", bench::median(zoom));
    std::printf("| pan redraw (40 px) | %.1f | <= 16 |\n", bench::median(pan));
    std::fflush(stdout);

    if (skipImport)
        return 0;
    const QString pdf = dir.filePath(QStringLiteral("scanned-%1.pdf").arg(pages));
    QElapsedTimer gen;
    gen.start();
    if (!test::writeManyPageScannedPdf(pdf, pages, 200, 3)) {
        std::fprintf(stderr, "cannot write the scanned PDF\n");
        return 1;
    }
    std::printf("\n(%d-page scanned PDF at 200 dpi generated in %.1f s)\n", pages, gen.elapsed() / 1000.0);
    MainWindow window(incidoc::makeLocalWorkplace());
    window.resize(1400, 900);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    if (!window.newProject(dir.filePath(QStringLiteral("scan.incidoc"))))
        return 1;
    AppSettings s = window.settings();
    s.jobs = 2;
    window.applySettings(s);
    QElapsedTimer t;
    t.start();
    window.importPaths({pdf});
    double docShown = -1;
    (void)QTest::qWaitFor(
        [&] {
            if (docShown < 0 && window.pageView()->pageId())
                docShown = ms(t);
            return window.pageView()->wordItemCount() > 0;
        },
        120000);
    window.pageView()->viewport()->repaint();
    const double firstBoxes = ms(t);
    std::printf("| opening a %d-page scanned PDF (import via the controller, --jobs 2) | ms | target |\n", pages);
    std::printf("|---|---|---|\n");
    std::printf("| first page shown (registered, render pending) | %.0f | |\n", docShown);
    std::printf("| first page's boxes on screen | %.0f | <= 3000 |\n", firstBoxes);
    if (auto rec = window.session()->page(window.pageView()->pageId()))
        std::printf("| first page's own stage times: render %d, prepare %d, OCR %d, total %d ms | | |\n",
                    rec->timings.renderMs, rec->timings.prepareMs, rec->timings.ocrMs, rec->timings.totalMs);
    window.pipeline()->cancel();
    return 0;
}
