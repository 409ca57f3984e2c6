// Fuzz target: a PDF from outside, as the pipeline takes it: import (inspectFile), then for the first
// pages the text layer (extractTextLayer) with classification (assessTextLayer, textLayerToPage) and a
// render (renderPage) with the blank-page test (isBlankPage). Any crash, sanitizer report, hang or
// runaway allocation is a bug; error results are the expected outcome for most inputs.

#include "core/classify/classifier.h"
#include "core/import/importer.h"
#include "core/render/page_renderer.h"

#include <algorithm>

#include "tests/fuzz/fuzz_common.h"

using namespace incidoc;

namespace {

// Pages looked at per input: enough to reach page-tree and cross-page bugs, few enough to stay fast.
constexpr int kMaxPages = 3;

void classifyAndRender(const QString& path, int number, bool banded)
{
    // The text layer at the pipeline's DPI, then classification of it.
    if (Result<TextLayer> layer = extractTextLayer(path, number, 300); layer.ok()) {
        const TextLayerAssessment quality = assessTextLayer(layer->words);
        (void)quality;
        const RecognizedPage page = textLayerToPage(layer->words);
        (void)page;
    }
    // A small render keeps each input fast; a small band size sends most pages through the banded path
    // (every other input), the rest through the single-image one.
    RenderOptions options;
    options.dpi = 72;
    options.pixelBudget = 2'000'000;
    options.timeLimitMs = 10'000;
    options.bandPixels = banded ? 100'000 : 0;
    if (Result<RenderedPage> rendered = renderPage(path, DocumentKind::Pdf, number, options); rendered.ok()) {
        if (rendered->image.format() != QImage::Format_Grayscale8 || rendered->image.isNull())
            __builtin_trap(); // renderPage promises an 8-bit grey image
        (void)isBlankPage(rendered->image);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::initFuzzProcess();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::TempInput input(data, size, QStringLiteral(".pdf"));
    if (!input.ok())
        return 0;
    DocumentRecord partial;
    Result<InspectedFile> inspected = inspectFile(input.path(), {}, &partial);
    const bool banded = size % 2 == 1;
    if (inspected.ok() && inspected->document.kind == DocumentKind::Pdf) {
        const int pages = std::min(kMaxPages, static_cast<int>(inspected->pages.size()));
        for (int n = 1; n <= pages; ++n)
            classifyAndRender(input.path(), n, banded);
    } else {
        // The pipeline would not get here, but render and text extraction must refuse a bad file on
        // their own too (a file that changed on disk after import).
        classifyAndRender(input.path(), 1, banded);
    }
    return 0;
}
