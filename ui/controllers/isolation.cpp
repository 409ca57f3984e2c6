#include "ui/controllers/isolation.h"

#include <mutex>

namespace incidoc::ui::isolation {
namespace {

std::mutex g_mutex;
std::shared_ptr<PageHostPool> g_processing;
std::shared_ptr<PageHostPool> g_interactive;

} // namespace

void configure(const PageHostOptions& options)
{
    std::lock_guard guard(g_mutex);
    if (options.program.isEmpty()) {
        g_processing.reset();
        g_interactive.reset();
        return;
    }
    // Holders (pipelines, renders in flight) keep their pool alive until they are done with it.
    g_processing = std::make_shared<PageHostPool>(options);
    g_interactive = std::make_shared<PageHostPool>(options);
}

std::shared_ptr<PageHostPool> processing()
{
    std::lock_guard guard(g_mutex);
    return g_processing;
}

std::shared_ptr<PageHostPool> interactive()
{
    std::lock_guard guard(g_mutex);
    return g_interactive;
}

Result<RenderedPage> renderForDisplay(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                      const CancelToken& cancel)
{
    if (const auto hosts = interactive()) // a page that crashes Poppler ends a host only
        return hosts->render(path, kind, number, options, cancel);
    return renderPage(path, kind, number, options, cancel);
}

} // namespace incidoc::ui::isolation
