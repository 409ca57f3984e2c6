#include "ui/controllers/render_controller.h"

#include "core/pipeline/workplace.h"

#include <QtConcurrent/QtConcurrentRun>

namespace incidoc::ui {
namespace {

struct RenderResult {
    QImage image; ///< RGB32, ready for a cheap QPixmap::fromImage on the GUI thread
    QString error;
    bool cancelled = false;
};

RenderResult renderOnWorker(const std::shared_ptr<Workplace>& workplace, const QString& path, DocumentKind kind,
                            int number, int dpi, const std::optional<PhotoGeometry>& photo, const CancelToken& cancel)
{
    RenderResult out;
    try {
        RenderOptions options;
        options.dpi = dpi > 0 ? dpi : 150;
        options.pixelBudget = 60'000'000;
        options.photo = photo;
        auto page = workplace->renderForDisplay(path, kind, number, options, cancel);
        if (!page) {
            out.cancelled = page.error().isCancelled();
            out.error = page.error().message;
            return out;
        }
        // Converting here keeps the GUI thread's QPixmap::fromImage a plain copy.
        out.image = page->image.convertToFormat(QImage::Format_RGB32);
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

} // namespace

RenderController::RenderController(std::shared_ptr<Workplace> workplace, QObject* parent)
    : QObject(parent), m_workplace(std::move(workplace))
{
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(-1); // keep the threads (and their open documents) while the view lives
}

RenderController::~RenderController()
{
    // Results of running renders are dropped with their context (this); the renders themselves are
    // cancelled and waited for so none is left running while the application shuts down.
    m_cancel.cancel();
    for (auto& f : m_running)
        f.waitForFinished();
    m_pool.waitForDone();
}

QPixmap RenderController::request(const Target& target, int* cachedDpi)
{
    if (const auto* exact = m_cache.find(target.page, target.dpi)) {
        if (cachedDpi)
            *cachedDpi = exact->dpi;
        if (m_pending && m_inFlight.page != target.page)
            m_cancel.cancel();
        m_jobs.invalidate(); // whatever is in flight no longer matters to the view
        m_pending = false;
        return exact->pixmap;
    }
    QPixmap fallback;
    if (const auto* near = m_cache.best(target.page, target.dpi)) {
        fallback = near->pixmap;
        if (cachedDpi)
            *cachedDpi = near->dpi;
    } else if (cachedDpi) {
        *cachedDpi = 0;
    }
    if (m_pending && m_inFlight.page == target.page && m_inFlight.dpi == target.dpi)
        return fallback; // already on its way
    if (m_pending)
        m_cancel.cancel();
    m_cancel = CancelToken();
    m_inFlight = target;
    m_pending = true;
    const JobTracker::Generation generation = m_jobs.start();
    const PageId page = target.page;
    const int dpi = target.dpi;
    auto future = QtConcurrent::run(&m_pool, renderOnWorker, m_workplace, target.path, target.kind, target.number,
                                    target.dpi, target.photo, m_cancel);
    m_running.removeIf([](const QFuture<void>& f) { return f.isFinished(); });
    m_running << QFuture<void>(future);
    future.then(this, [this, generation, page, dpi](const RenderResult& r) {
        const bool current = m_jobs.isCurrent(generation);
        if (current)
            m_pending = false;
        if (r.cancelled)
            return;
        if (r.image.isNull()) {
            if (current)
                Q_EMIT failed(page, r.error);
            return;
        }
        const QPixmap pixmap = QPixmap::fromImage(r.image);
        m_cache.insert(page, dpi, pixmap); // a stale render is still worth keeping
        if (current)
            Q_EMIT rendered(page, dpi, pixmap);
    });
    return fallback;
}

void RenderController::invalidate(PageId page)
{
    m_cache.removePage(page);
}

} // namespace incidoc::ui
