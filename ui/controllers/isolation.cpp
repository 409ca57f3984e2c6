#include "ui/controllers/isolation.h"

#include <mutex>

namespace incidoc::ui::isolation {
namespace {

std::mutex g_mutex;
std::shared_ptr<HostedWorkplace> g_hosts;

} // namespace

void configure(const PageHostOptions& options)
{
    std::lock_guard guard(g_mutex);
    // Holders (pipelines, renders in flight) keep their workplace alive until they are done with it.
    g_hosts = options.program.isEmpty() ? nullptr : std::make_shared<HostedWorkplace>(options);
}

std::shared_ptr<HostedWorkplace> hosts()
{
    std::lock_guard guard(g_mutex);
    return g_hosts;
}

std::shared_ptr<PageHostPool> processing()
{
    std::lock_guard guard(g_mutex);
    return g_hosts ? g_hosts->processing() : nullptr;
}

std::shared_ptr<PageHostPool> interactive()
{
    std::lock_guard guard(g_mutex);
    return g_hosts ? g_hosts->interactive() : nullptr;
}

Result<RenderedPage> renderForDisplay(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                      const CancelToken& cancel)
{
    if (const auto here = hosts()) // a page that crashes Poppler ends a host only
        return here->renderForDisplay(path, kind, number, options, cancel);
    return renderPage(path, kind, number, options, cancel);
}

} // namespace incidoc::ui::isolation
