#pragma once
// Where work on documents runs: the one seam between the code that asks for work (the pipeline, file
// registration, the export, the app's page view and region OCR) and the place it is done. Everything a
// hostile file can crash, hang or exhaust memory with goes through it: opening a file, processing a page,
// rendering a page, reading a region.
//
// Two places: here, in this process (makeLocalWorkplace: tests, `--no-isolation`, a debugger), and in
// page hosts, helper processes that die instead of this one (HostedWorkplace, core/isolation/). main()
// makes one and hands it to whatever needs it; nothing finds it through a global.

#include "core/import/importer.h"
#include "core/model/records.h"
#include "core/ocr/engine_pool.h"
#include "core/pipeline/page_processor.h"
#include "core/remote/remote_options.h"
#include "core/render/page_renderer.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <functional>
#include <memory>

namespace incidoc {

/// Thread contract: every function is thread-safe; calls run in parallel.
class Workplace : public FileInspector, public PageRendering {
public:
    /// processPage()'s contract. `remote`: OCR on these workers (null: the workplace's own engines).
    /// `onPhase` hears of each phase as it begins (a page host's pool follows the phases by itself).
    virtual Result<PageOutcome> process(const PageJob& job, const ProcessOptions& options, const CancelToken& cancel,
                                        const RemoteOptions* remote = nullptr, const PhaseFn& onPhase = {}) = 0;
    /// A page for a person to look at (the page view, thumbnails): kept apart from process() and
    /// render() so a long run never makes the page someone opens wait. renderPage()'s contract.
    virtual Result<RenderedPage> renderForDisplay(const QString& path, DocumentKind kind, int number,
                                                  const RenderOptions& options, const CancelToken& cancel) = 0;
    /// OCR of an image (a region someone drew), beside renderForDisplay().
    virtual Result<RecognizedPage> recognize(const QImage& image, const OcrOptions& options,
                                             const CancelToken& cancel) = 0;
    /// True when the work runs in other processes (a crash there is a failed page, not the end of this
    /// process).
    virtual bool isolated() const = 0;
    /// OCR calls made on workers through this workplace so far (process() with `remote`).
    virtual RemoteStats remoteStats() const = 0;
};

/// Work in this process; `engines` null: a pool of its own.
std::shared_ptr<Workplace> makeLocalWorkplace(std::shared_ptr<EnginePool> engines = {});

/// A PDF's first page rendered in `workplace` (renderForDisplay: beside the run, never waiting behind it),
/// e.g. for the document-type classifier's measure (core/doctype/features.h: FirstPageRenderer).
std::function<Result<RenderedPage>(const QString& path, const RenderOptions& options)>
firstPdfPageIn(std::shared_ptr<Workplace> workplace);

} // namespace incidoc
