#pragma once
// Private to core/export: the work done for each page on the export's thread pool — the text formats
// (page JSON, hOCR, ALTO, COCO and Label Studio pieces, the metrics row), and for pages with an image the
// re-render, the page PNG and the visualization JPEG (its own task, so both images are made in parallel).
// Entries are hashed and compressed here; the ordered writer only appends them.
//
// Threading: the tasks run on the pool and write only into their own PageWork; they count progress and
// report failures through the ExportQueue. Exceptions never leave a task.

#include "core/export/ordered_writer_p.h"

#include <QColor>
#include <QHash>
#include <QImage>

class QThreadPool;

namespace incidoc {

/// What every task of an export reads (all of it outlives the pool's tasks).
struct PageTaskContext {
    const ExportOptions& options;
    const QHash<QString, int>& categories; ///< cocoCategoryIds
    const QHash<QString, QColor>& colors;  ///< label colours for the visualizations
    const QString& created;                ///< the export's time (ISO 8601 UTC)
    const CancelToken& cancel;
    ExportQueue& queue;
    QThreadPool& pool;
};

/// Starts the tasks of `work` (already in the queue's window, `pending` set to 1, or 2 when `render`).
void startPageTasks(const PageTaskContext& context, const std::shared_ptr<PageWork>& work, bool render);

/// The page re-rendered for the export at its stored DPI, resampled to its stored pixel grid when the
/// render rounds a pixel differently. Errors: Cancelled; Engine (cannot render, or the size changed by
/// more than 2 %: the source file has changed).
Result<QImage> renderForExport(const BundlePage& page, const ExportOptions& options, const CancelToken& cancel);

} // namespace incidoc
