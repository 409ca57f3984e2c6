// Fuzz target: an image file from outside (PNG, JPEG, TIFF incl. multi-page), as the pipeline takes it:
// import (inspectFile: sniffing, header size checks against the pixel limit, decoding every frame),
// then renderPage for each frame (Qt image readers, grey conversion) and the blank-page test.
// Limits are the production defaults (ImportLimits{}, RenderOptions{}).

#include "core/classify/classifier.h"
#include "core/import/importer.h"
#include "core/render/page_renderer.h"

#include <algorithm>

#include "tests/fuzz/fuzz_common.h"

using namespace incidoc;

namespace {

constexpr int kMaxFrames = 4; // frames rendered per input (inspectFile itself decodes all of them)

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::initFuzzProcess();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::TempInput input(data, size, fuzz::imageSuffixFor(data, size));
    if (!input.ok())
        return 0;
    Result<InspectedFile> inspected = inspectFile(input.path());
    const int frames = inspected.ok() && inspected->document.kind == DocumentKind::Image
                           ? std::min(kMaxFrames, static_cast<int>(inspected->pages.size()))
                           : 1; // a refused file must also be refused by the renderer, not crash it
    for (int n = 1; n <= frames; ++n) {
        Result<RenderedPage> rendered = renderPage(input.path(), DocumentKind::Image, n, RenderOptions{});
        if (!rendered.ok())
            continue;
        if (rendered->image.isNull() || rendered->image.format() != QImage::Format_Grayscale8)
            __builtin_trap(); // renderPage promises an 8-bit grey image
        if (inspected.ok() && inspected->document.kind == DocumentKind::Image) {
            // The stored page size (import) and the rendered grid must agree: boxes refer to it.
            const PageInfo& info = inspected->pages[static_cast<size_t>(n - 1)];
            if (info.widthPx != rendered->image.width() || info.heightPx != rendered->image.height())
                __builtin_trap();
        }
        (void)isBlankPage(rendered->image);
    }
    return 0;
}
