// Live capture benchmark (a timing program, not pass/fail): a 1080p video made at run time (a page slides in
// over a table, holds still, slides away; one period per page) played through the real capture window
// (File › Capture from Video File…) with the real main window, as a user would. Prints:
//   - frames shown per second (painted in the live view), frames analysed per second, frames dropped by the
//     analyser (it was busy) and frames not shown (the previous one was still being prepared);
//   - per capture, the time from the analyser's "capture" to the page on screen in the main window with its
//     boxes (OCR done, overlay built), and to the page processed; medians.
//   bench_capture_view [--pages 3] [--size 1920x1080] [--gap 6]
// --gap: seconds of empty table after each page (the OCR of one capture finishes before the next comes, so
// that each page's boxes can be seen). Run with QT_MEDIA_BACKEND=ffmpeg (the window chooses it when unset).
#include "core/pipeline/workplace.h"
#include "core/util/openmp_guard.h"
#include "ui/capture/capture_dialog.h"
#include "ui/capture/frame_pump.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "tests/bench/bench_app.h"
#include "tests/ui/capture/capture_videos.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    const auto app = bench::offscreenApp(argc, argv);
    int pages = 3;
    QSize size(1920, 1080);
    double gap = 6;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--pages" && i + 1 < argc)
            pages = atoi(argv[++i]);
        else if (a == "--size" && i + 1 < argc) {
            const QList<QByteArray> wh = QByteArray(argv[++i]).split('x');
            if (wh.size() == 2)
                size = QSize(wh[0].toInt(), wh[1].toInt());
        } else if (a == "--gap" && i + 1 < argc)
            gap = atof(argv[++i]);
    }
    QTemporaryDir dir;
    test::CaptureVideo video;
    video.size = size;
    video.emptySeconds = gap;
    for (int i = 0; i < pages; ++i)
        video.pages << QStringLiteral("PAGE %1\n\nThe vehicle was parked on the north side of the road when the driver "
                                      "of the second car lost control on the wet surface and struck its rear "
                                      "bumper. Nobody was hurt. The police arrived at ten past nine and took "
                                      "statements from both drivers and from two witnesses.")
                           .arg(i + 1);
    const QString file = dir.filePath(QStringLiteral("capture.mp4"));
    QElapsedTimer gen;
    gen.start();
    if (const QString e = test::makeCaptureVideo(video, file); !e.isEmpty()) {
        std::fprintf(stderr, "cannot make the video: %s\n", qPrintable(e));
        return 1;
    }
    std::printf("(%dx%d video, %d page(s), generated in %.1f s)\n", size.width(), size.height(), pages,
                gen.elapsed() / 1000.0);

    MainWindow window(makeLocalWorkplace());
    window.resize(1366, 768);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    if (!window.newProject(dir.filePath(QStringLiteral("capture.incidoc"))))
        return 1;
    CaptureDialog* d = window.openCapture(false);
    auto* pump = d->findChild<FramePump*>();
    QElapsedTimer clock;
    clock.start();
    std::vector<double> called;        // when the analyser called each capture
    QHash<PageId, double> calledAt;    // page -> when its capture was called
    QHash<PageId, double> processedIn; // page -> capture to page done
    QHash<PageId, double> onScreenIn;  // page -> capture to boxes on screen
    double lastCalled = -1;
    QObject::connect(pump, &FramePump::captureCalled, [&] { lastCalled = clock.nsecsElapsed() / 1e6; });
    QObject::connect(d, &CaptureDialog::captured, [&](PageId page, DocumentId) {
        calledAt[page] = lastCalled >= 0 ? lastCalled : clock.nsecsElapsed() / 1e6; // manual: now
        lastCalled = -1;
    });
    QObject::connect(window.pipeline(), &PipelineController::pageProcessed, [&](PageId page, DocumentId, bool) {
        if (calledAt.contains(page) && !processedIn.contains(page))
            processedIn[page] = clock.nsecsElapsed() / 1e6 - calledAt[page];
    });
    QObject::connect(window.pageView(), &PageView::overlayBuilt, [&](PageId page, int words) {
        if (words > 0 && calledAt.contains(page) && !onScreenIn.contains(page)) {
            window.pageView()->viewport()->repaint();
            onScreenIn[page] = clock.nsecsElapsed() / 1e6 - calledAt[page];
        }
    });
    bool finished = false;
    QObject::connect(d, &CaptureDialog::fileFinished, [&] { finished = true; });
    const int paintedBefore = d->framesPainted();
    QElapsedTimer play;
    play.start();
    d->playFile(file);
    (void)QTest::qWaitFor([&] { return finished; }, 600'000);
    const double seconds = play.elapsed() / 1000.0;
    const FramePumpStats s = d->frameStats();
    const double painted = d->framesPainted() - paintedBefore;
    // The last capture's OCR may still run.
    (void)QTest::qWaitFor([&] { return processedIn.size() >= calledAt.size(); }, 120'000);
    (void)QTest::qWaitFor([&] { return onScreenIn.contains(window.pageView()->pageId()); }, 10'000);

    std::printf("| live view, %dx%d video, %.1f s played | value | target |\n", size.width(), size.height(), seconds);
    std::printf("|---|---|---|\n");
    std::printf("| frames delivered by the player | %d (%.1f/s) | |\n", s.received, s.received / seconds);
    std::printf("| frames shown (painted) per second | %.1f | >= 20 |\n", painted / seconds);
    std::printf("| frames analysed per second | %.1f | >= 5 |\n", s.analysed / seconds);
    std::printf("| frames not analysed (analyser busy) | %d | |\n", s.dropped);
    std::printf("| frames not shown (view busy) | %d | |\n", s.notShown);
    std::printf("| captures (one per steady period expected) | %lld of %d | |\n",
                static_cast<long long>(calledAt.size()), pages);
    std::vector<double> done, screen;
    for (auto it = processedIn.begin(); it != processedIn.end(); ++it)
        done.push_back(it.value());
    for (auto it = onScreenIn.begin(); it != onScreenIn.end(); ++it)
        screen.push_back(it.value());
    std::printf("| capture called -> page processed (OCR done), median of %zu | %.0f ms | |\n", done.size(),
                median(done));
    std::printf("| capture called -> page on screen with its boxes, median of %zu | %.0f ms | |\n", screen.size(),
                median(screen));
    window.pipeline()->cancel();
    return 0;
}
