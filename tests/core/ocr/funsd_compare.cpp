// funsd_compare: prints word-level precision / recall / F1 on the ten FUNSD forms for each variant
// of the prepare + OCR pipeline (rescale or not; Tesseract reading grey, adaptive or Sauvola input).
// A measurement tool, not a test: the numbers go into the README; funsd_accuracy_test guards the
// chosen default. Usage: funsd_compare [threads]
#include "core/imaging/prepare.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

#include "tests/support/funsd.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    QCoreApplication app(argc, argv);
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const auto pages = loadFunsdPages(testData(QStringLiteral("funsd/training_data")));
    if (pages.empty()) {
        std::fprintf(stderr, "no FUNSD annotations found\n");
        return 1;
    }
    struct Variant {
        const char* name;
        FunsdPipeline pipeline;
    };
    const Variant variants[] = {
        {"no rescale, grey", {false, kTargetCapHeightPx, BinarizeMethod::None, 11, 100}},
        {"no rescale, adaptive (block 11)", {false, kTargetCapHeightPx, BinarizeMethod::AdaptiveGaussian, 11, 100}},
        {"no rescale, sauvola (block 11)", {false, kTargetCapHeightPx, BinarizeMethod::Sauvola, 11, 100}},
        {"rescale, grey", {true, kTargetCapHeightPx, BinarizeMethod::None, 11, 100}},
        {"rescale, adaptive (block 11)", {true, kTargetCapHeightPx, BinarizeMethod::AdaptiveGaussian, 11, 100}},
        {"rescale, sauvola (block 11)", {true, kTargetCapHeightPx, BinarizeMethod::Sauvola, 11, 100}},
        {"rescale, adaptive (block 31)", {true, kTargetCapHeightPx, BinarizeMethod::AdaptiveGaussian, 31, 100}},
        {"rescale, sauvola (block 31)", {true, kTargetCapHeightPx, BinarizeMethod::Sauvola, 31, 100}},
        {"rescale, otsu", {true, kTargetCapHeightPx, BinarizeMethod::Otsu, 11, 100}},
        {"rescale, grey, dpi 300", {true, kTargetCapHeightPx, BinarizeMethod::None, 11, 300}},
    };
    bool printedCaps = false;
    std::printf("| variant | precision | recall | F1 | seconds |\n|---|---|---|---|---|\n");
    for (const Variant& v : variants) {
        QElapsedTimer t;
        t.start();
        const auto runs = runFunsd(pages, v.pipeline, threads);
        WordScore total;
        for (const auto& r : runs) {
            if (!r.error.isEmpty())
                std::fprintf(stderr, "%s: %s\n", qPrintable(r.name), qPrintable(r.error));
            total += r.score;
        }
        std::printf("| %s | %.3f | %.3f | %.3f | %.1f |\n", v.name, total.precision(), total.recall(), total.f1(),
                    t.elapsed() / 1000.0);
        std::fflush(stdout);
        if (!printedCaps && v.pipeline.rescale) {
            for (const auto& r : runs)
                std::fprintf(stderr, "%s cap %.1f px scale %.2f F1 %.3f\n", qPrintable(r.name), r.capHeightPx, r.scale,
                             r.score.f1());
            printedCaps = true;
        }
    }
    return 0;
}
