#include "ui/shell/page_list_model.h"

#include "core/pipeline/workplace.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"

#include <QColor>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <unordered_map>

namespace incidoc::ui {
namespace {

QImage renderThumb(const std::shared_ptr<Workplace>& workplace, const QString& path, DocumentKind kind, int number,
                   const std::optional<PhotoGeometry>& photo)
{
    RenderOptions o;
    o.dpi = PageListModel::kThumbDpi;
    o.photo = photo;
    auto page = workplace->renderForDisplay(path, kind, number, o, {});
    if (!page)
        return {};
    QImage img = page->image;
    if (img.width() > 160) // image files come at their own size
        img = img.scaledToWidth(160, Qt::SmoothTransformation);
    return img.convertToFormat(QImage::Format_RGB32);
}

QColor reviewColor(ReviewStatus r)
{
    switch (r) {
    case ReviewStatus::New: return QColor(158, 158, 158);
    case ReviewStatus::InProgress: return QColor(251, 140, 0);
    case ReviewStatus::Reviewed: return QColor(67, 160, 71);
    }
    return {};
}

/// The page's status and kind as the tooltip shows them, in the interface's language.
QString statusText(PageStatus s)
{
    switch (s) {
    case PageStatus::Queued: return PageListModel::tr("queued");
    case PageStatus::Processing: return PageListModel::tr("processing");
    case PageStatus::Done: return PageListModel::tr("done");
    case PageStatus::Failed: return PageListModel::tr("failed");
    }
    return toString(s);
}

QString kindText(PageKind k)
{
    switch (k) {
    case PageKind::Unknown: return PageListModel::tr("kind not yet known");
    case PageKind::Scanned: return PageListModel::tr("scanned");
    case PageKind::TextLayer: return PageListModel::tr("text layer");
    case PageKind::Blank: return PageListModel::tr("blank");
    }
    return toString(k);
}

} // namespace

PageListModel::PageListModel(std::shared_ptr<Workplace> workplace, QObject* parent)
    : QAbstractListModel(parent), m_workplace(std::move(workplace))
{
    m_pool.setMaxThreadCount(1);
}

PageListModel::~PageListModel()
{
    if (m_running.isValid())
        m_running.waitForFinished();
    m_pool.waitForDone();
}

void PageListModel::setSession(ProjectSession* session)
{
    m_session = session;
    setDocument(0);
}

void PageListModel::setDocument(DocumentId document)
{
    beginResetModel();
    m_jobs.invalidate();
    m_thumbs.clear();
    m_pages.clear();
    m_doc = {};
    if (m_session && document) {
        if (auto d = m_session->document(document)) {
            m_doc = *d;
            m_pages = m_session->pages(document);
        }
    }
    m_rendering = false;
    endResetModel();
    renderNextThumbnail();
}

void PageListModel::refresh()
{
    if (!m_session || !m_doc.id)
        return;
    auto pages = m_session->pages(m_doc.id);
    // A page read again with other geometry (a photo's corners moved) shows another image.
    std::unordered_map<PageId, const PageRecord*> before;
    for (const PageRecord& was : m_pages)
        before.emplace(was.id, &was);
    for (const PageRecord& now : pages)
        if (auto it = before.find(now.id);
            it != before.end() && (it->second->widthPx != now.widthPx || it->second->photo != now.photo))
            m_thumbs.erase(now.id);
    if (pages.size() != m_pages.size()) {
        beginResetModel();
        m_pages = std::move(pages);
        endResetModel();
    } else {
        m_pages = std::move(pages);
        if (!m_pages.empty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    }
    renderNextThumbnail();
}

void PageListModel::refreshPage(PageId page)
{
    const int row = rowOf(page);
    if (row < 0 || !m_session)
        return;
    if (auto p = m_session->page(page)) {
        // Processed (its geometry is known now), or its photo's corners changed: another image.
        if (p->widthPx != m_pages[row].widthPx || p->photo != m_pages[row].photo)
            m_thumbs.erase(page);
        m_pages[row] = *p;
        Q_EMIT dataChanged(index(row), index(row));
    }
    renderNextThumbnail();
}

PageId PageListModel::pageAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_pages[row].id : 0;
}

int PageListModel::rowOf(PageId page) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (m_pages[i].id == page)
            return i;
    return -1;
}

int PageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_pages.size());
}

void PageListModel::renderNextThumbnail()
{
    // One at a time, so thumbnails never crowd out the page view's render or the OCR.
    if (m_rendering || !m_doc.id)
        return;
    for (const auto& p : m_pages) {
        // Only finished pages: while pages are being processed the CPU belongs to the OCR (the page
        // the user waits for), and a finished page is what the list shows as having "appeared".
        if (m_thumbs.count(p.id) || p.status != PageStatus::Done)
            continue;
        m_rendering = true;
        const PageId id = p.id;
        const JobTracker::Generation generation = m_jobs.current();
        auto future = QtConcurrent::run(&m_pool, renderThumb, m_workplace, m_doc.path, m_doc.kind, p.number, p.photo);
        m_running = QFuture<void>(future);
        future.then(this, [this, id, generation](const QImage& img) {
            if (!m_jobs.isCurrent(generation))
                return; // another document is shown now (m_rendering was reset with it)
            m_rendering = false;
            QPixmap pm = img.isNull() ? QPixmap(120, 155) : QPixmap::fromImage(img);
            if (img.isNull())
                pm.fill(Qt::lightGray);
            m_thumbs[id] = pm;
            const int row = rowOf(id);
            if (row >= 0)
                Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
            renderNextThumbnail();
        });
        return;
    }
}

QVariant PageListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PageRecord& p = m_pages[index.row()];
    switch (role) {
    case PageIdRole: return p.id;
    case ReviewRole: return static_cast<int>(p.review);
    case StatusRole: return static_cast<int>(p.status);
    case Qt::DisplayRole: {
        QString review;
        switch (p.review) {
        case ReviewStatus::New: review = tr("new"); break;
        case ReviewStatus::InProgress: review = tr("in progress"); break;
        case ReviewStatus::Reviewed: review = tr("reviewed"); break;
        }
        QString text = tr("Page %1 · %2").arg(p.number).arg(review);
        if (p.status == PageStatus::Queued || p.status == PageStatus::Processing)
            text += QLatin1Char('\n') + (p.status == PageStatus::Queued ? tr("waiting") : tr("processing…"));
        else if (p.status == PageStatus::Failed)
            text += QLatin1Char('\n') + tr("failed");
        return text;
    }
    case Qt::ToolTipRole:
        // A failed page: the text of its kind of failure, its reason as detail; else its note, if any.
        return p.status != PageStatus::Failed && p.error.isEmpty()
                   ? tr("%1, %2").arg(statusText(p.status), kindText(p.kind))
                   : tr("%1, %2: %3").arg(statusText(p.status), kindText(p.kind), FailureText::ofPage(p));
    case Qt::DecorationRole: {
        auto it = m_thumbs.find(p.id);
        QPixmap pm;
        if (it != m_thumbs.end()) {
            pm = it->second.copy();
        } else {
            pm = QPixmap(120, 155);
            pm.fill(QColor(235, 235, 235));
        }
        // A coloured band along the left edge tells the review status at a glance.
        QPainter painter(&pm);
        painter.fillRect(QRect(0, 0, 6, pm.height()), reviewColor(p.review));
        if (p.status == PageStatus::Failed)
            painter.fillRect(QRect(0, 0, pm.width(), 6), QColor(198, 40, 40));
        return pm;
    }
    case Qt::ForegroundRole: return p.status == PageStatus::Failed ? QVariant(QColor(198, 40, 40)) : QVariant();
    }
    return {};
}

} // namespace incidoc::ui
