#pragma once
// Where the app does the work a hostile page can crash or hang: processing pages, rendering them for
// display and reading a drawn region run in page hosts (core/isolation/hosted_workplace.h: `incidoc-page-host`),
// once main() configures them. Not configured (tests that do not ask for it), the work runs in this
// process as before.
//
// Thread contract: configure() on the GUI thread before any window exists (or in a test's set-up);
// the getters are thread-safe.

#include "core/isolation/hosted_workplace.h"
#include "core/pipeline/workplace.h"

#include <memory>

namespace incidoc::ui::isolation {

/// `options.program` empty: no isolation (the default).
void configure(const PageHostOptions& options);
/// The page hosts, where the app's work runs (null: not configured: here). Not a Workplace for "here":
/// its engines would outlive main() and Tesseract's globals.
std::shared_ptr<HostedWorkplace> hosts();
/// Hosts for the pipeline's pages (null: not configured).
std::shared_ptr<PageHostPool> processing();
/// Hosts for display renders and region OCR, apart from the pipeline's so a long run never makes the
/// page the user opens wait (null: not configured).
std::shared_ptr<PageHostPool> interactive();

/// renderPage() for display (the view, thumbnails, region OCR): in an interactive host when configured,
/// else here. Thread-safe.
Result<RenderedPage> renderForDisplay(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                      const CancelToken& cancel = {});

} // namespace incidoc::ui::isolation
