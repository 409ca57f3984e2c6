#pragma once
// Renders pages for the page view and the thumbnails on worker threads (core renderPage), caches
// them per (page, dpi) and hands them back on the GUI thread. Every request carries a generation
// number; a result for an older request is cached but not announced, so a late render never replaces
// the page the user moved on to. Thread contract: GUI thread only; workers get values only.

#include "core/model/records.h"
#include "core/util/cancel_token.h"
#include "core/util/job_tracker.h"
#include "ui/view/render_cache.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPixmap>
#include <QThreadPool>

#include <memory>

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

class RenderController : public QObject {
    Q_OBJECT
public:
    /// What to render: a page of a source file at a DPI (0 for image files: their own pixel grid).
    struct Target {
        PageId page = 0;
        QString path;
        DocumentKind kind = DocumentKind::Pdf;
        int number = 1;
        int dpi = 0;
        std::optional<PhotoGeometry> photo; ///< an image page read as a photo (PageRecord::photo)
    };

    /// Renders through `workplace` (Workplace::renderForDisplay: in a page host when the app runs isolated).
    explicit RenderController(std::shared_ptr<Workplace> workplace, QObject* parent = nullptr);
    ~RenderController() override;

    /// Asks for `target`. Returns the best render already cached (exact, or another DPI to show scaled
    /// meanwhile; null when none). When the exact one is not cached it is rendered in the background and
    /// rendered() follows, unless a newer request came first.
    QPixmap request(const Target& target, int* cachedDpi = nullptr);
    /// True while the last request's render is running.
    bool isPending() const { return m_pending; }
    void invalidate(PageId page);
    RenderCache& cache() { return m_cache; }

Q_SIGNALS:
    void rendered(incidoc::PageId page, int dpi, const QPixmap& pixmap);
    void failed(incidoc::PageId page, const QString& message);

private:
    // Own threads: Poppler documents are cached per thread (thread_local) and must be closed when these
    // threads end with this object, not in the global pool's threads at process exit.
    QThreadPool m_pool;
    std::shared_ptr<Workplace> m_workplace;
    RenderCache m_cache;
    JobTracker m_jobs; ///< a render the view no longer waits for is cached but not shown
    bool m_pending = false;
    Target m_inFlight;
    CancelToken m_cancel;
    QList<QFuture<void>> m_running; ///< waited for on destruction: no render outlives the app
};

} // namespace incidoc::ui
