// bench_page_host [PDF] [ROUNDS]: what the app's isolation costs (core/isolation/hosted_workplace.h).
// Side by side in one run, alternating rounds, one thread: every page of PDF (default: the bundled
// sample incident report) processed in this process with a cached engine vs in a page host (kept
// between pages, as the app does); the display render (150 dpi) here vs in a host; and a host's start
// (first call on a new pool minus a warm call). Prints medians; run with OMP_THREAD_LIMIT=1.
#include "core/isolation/hosted_workplace.h"
#include "core/ocr/tesseract_engine.h"
#include "core/render/page_renderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "tests/bench/bench_support.h"

using namespace incidoc;

namespace {

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString pdf = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                 : QStringLiteral(INCIDOC_SOURCE_DIR "/resources/samples/incident-report.pdf");
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    PageHostOptions hostOptions;
    hostOptions.program = QStringLiteral(INCIDOC_BINARY_DIR "/bin/incidoc-page-host");
    if (!QFileInfo::exists(hostOptions.program)) {
        std::fprintf(stderr, "build the app first: %s\n", qPrintable(hostOptions.program));
        return 1;
    }
    auto info = inspectFile(pdf);
    if (!info) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(pdf), qPrintable(info.error().message));
        return 1;
    }
    const int pages = static_cast<int>(info->pages.size());
    // In this process, with the same engines a host uses (both readers of the default profile).
    const auto local = makeLocalWorkplace();
    ProcessOptions options;
    auto job = [&](int number) {
        PageJob j;
        j.pageId = number;
        j.path = pdf;
        j.number = number;
        return j;
    };

    std::vector<double> here, hosted, renderHere, renderHosted, starts;
    PageHostPool pool(hostOptions);
    for (int round = 0; round < rounds; ++round) {
        // A cold host: its start and Tesseract's load, measured on a pool of its own.
        {
            PageHostPool cold(hostOptions);
            QElapsedTimer t;
            t.start();
            auto r = cold.render(pdf, DocumentKind::Pdf, 1, RenderOptions{150});
            const double first = t.nsecsElapsed() / 1e6;
            t.restart();
            auto again = cold.render(pdf, DocumentKind::Pdf, 1, RenderOptions{150});
            if (r && again)
                starts.push_back(first - t.nsecsElapsed() / 1e6);
        }
        for (int order = 0; order < 2; ++order) {
            const bool hostFirst = (round + order) % 2 == 0;
            double total = 0;
            for (int n = 1; n <= pages; ++n) {
                QElapsedTimer t;
                t.start();
                if (hostFirst) {
                    auto r = pool.process(job(n), options, {});
                    if (!r || r->status != PageStatus::Done)
                        return std::fprintf(stderr, "page %d failed in a host\n", n), 1;
                    total += t.nsecsElapsed() / 1e6;
                } else {
                    auto r = local->process(job(n), options, {}, nullptr, {});
                    if (!r || r->status != PageStatus::Done)
                        return std::fprintf(stderr, "page %d failed here\n", n), 1;
                    total += t.nsecsElapsed() / 1e6;
                }
                t.restart();
                RenderOptions ro;
                ro.dpi = 150;
                if (hostFirst) {
                    if (pool.render(pdf, DocumentKind::Pdf, n, ro))
                        renderHosted.push_back(t.nsecsElapsed() / 1e6);
                } else if (renderPage(pdf, DocumentKind::Pdf, n, ro)) {
                    renderHere.push_back(t.nsecsElapsed() / 1e6);
                }
            }
            (hostFirst ? hosted : here).push_back(total / pages);
        }
    }
    // Per page: each round's total over the pages / pages. The pool's first page includes its host's
    // start (once per thread in the app too); the rounds after are warm.
    const double h = bench::median(hosted), l = bench::median(here);
    std::printf("%d page(s) of %s, %d round(s), medians (ms; per page = a round's total / pages):\n", pages,
                qPrintable(QFileInfo(pdf).fileName()), rounds);
    std::printf("| work | in this process | in a page host | ratio |\n|---|---|---|---|\n");
    std::printf("| process a page (render 300 dpi, classify, prepare, OCR) | %.0f | %.0f | %.3f |\n", l, h, h / l);
    const double rh = bench::median(renderHosted), rl = bench::median(renderHere);
    std::printf("| display render, 150 dpi | %.1f | %.1f | %.2f |\n", rl, rh, rh / rl);
    std::printf("| starting a host (once per thread; first call minus a warm one) | - | %.0f | - |\n",
                bench::median(starts));
    return 0;
}
