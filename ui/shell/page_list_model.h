#pragma once
// The pages of one document for the thumbnails dock: a small render of each page (made one at a
// time in the background), its number, processing status and review status (new / in progress /
// reviewed). GUI thread only; thumbnail renders run on a worker with value inputs.

#include "core/model/records.h"
#include "core/util/job_tracker.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QPixmap>
#include <QThreadPool>

#include <memory>
#include <unordered_map>
#include <vector>

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

class ProjectSession;

class PageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PageIdRole = Qt::UserRole + 1, ReviewRole, StatusRole };
    static constexpr int kThumbDpi = 18;

    /// Thumbnails are rendered by `workplace` (Workplace::renderForDisplay).
    explicit PageListModel(std::shared_ptr<Workplace> workplace, QObject* parent = nullptr);
    ~PageListModel() override; ///< waits for a thumbnail render still running
    void setSession(ProjectSession* session);
    void setDocument(DocumentId document);
    DocumentId document() const { return m_doc.id; }
    /// Re-reads the page records (review and status changes) without touching thumbnails.
    void refresh();
    void refreshPage(PageId page);

    PageId pageAt(int row) const;
    int rowOf(PageId page) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    void renderNextThumbnail();

    ProjectSession* m_session = nullptr;
    DocumentRecord m_doc;
    std::vector<PageRecord> m_pages;
    std::unordered_map<PageId, QPixmap> m_thumbs;
    bool m_rendering = false;
    JobTracker m_jobs; ///< thumbnails of a document no longer shown are dropped
    QFuture<void> m_running;
    QThreadPool m_pool; ///< one thread of its own (per-thread Poppler documents close with it)
    std::shared_ptr<Workplace> m_workplace;
};

} // namespace incidoc::ui
