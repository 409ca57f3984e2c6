#include "ui/view/redaction_layer.h"

#include "ui/project_session.h"
#include "ui/review/redaction_panel.h"
#include "ui/review/redaction_planner.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QBrush>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPen>
#include <QPixmap>

#include <algorithm>
#include <cmath>
#include <set>

namespace incidoc::ui {
namespace {

/// Under the words (their boxes stay visible and editable over the hatch), over the page and the entities.
constexpr double kZRedacted = -0.5;
constexpr double kZRubber = 60;
constexpr int kMinRegion = 4; ///< page pixels: a smaller drag is a click, not a region

PixelBox boxOf(const QRectF& r)
{
    return PixelBox{static_cast<int>(std::floor(r.left())), static_cast<int>(std::floor(r.top())),
                    static_cast<int>(std::ceil(r.right())), static_cast<int>(std::ceil(r.bottom()))};
}

/// A dark veil with darker diagonal lines: plainly "this goes", the text still legible under it.
const QBrush& hatchBrush()
{
    static const QBrush brush = [] {
        QPixmap tile(8, 8);
        tile.fill(QColor(0, 0, 0, 95));
        QPainter p(&tile);
        p.setPen(QPen(QColor(0, 0, 0, 210), 1.5));
        p.drawLine(0, 8, 8, 0);
        p.drawLine(-4, 4, 4, -4);
        p.drawLine(4, 12, 12, 4);
        return QBrush(tile);
    }();
    return brush;
}

} // namespace

RedactionLayer::RedactionLayer(PageView* view, QObject* parent)
    : QObject(parent), m_view(view), m_show(new QAction(tr("Show &Redaction"), this))
{
    m_show->setCheckable(true);
    m_show->setChecked(true);
    m_show->setObjectName(QStringLiteral("showRedactionAction"));
    m_show->setToolTip(tr("Shows what a redacted export replaces: hatched, sensitive; dashed, marked not sensitive"));
    connect(m_show, &QAction::toggled, this, [this](bool on) {
        if (on && m_planner && m_planner->isStale())
            m_planner->schedule();
        rebuild();
    });
    connect(view, &PageView::overlayBuilt, this, [this] { rebuild(); });
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
}

RedactionLayer::~RedactionLayer() = default;

void RedactionLayer::setSession(ProjectSession* session, RedactionPlanner* planner)
{
    cancelRegion();
    clearItems();
    m_session = session;
    m_planner = planner;
    if (!session || !planner)
        return;
    connect(session, &ProjectSession::redactionChanged, this, [this](PageId page) {
        if (page == m_view->pageId() || page == 0)
            rebuild();
    });
    connect(planner, &RedactionPlanner::planReady, this, &RedactionLayer::rebuild);
    connect(planner, &RedactionPlanner::staleChanged, this, [this] {
        if (isShown())
            m_planner->schedule();
    });
    if (isShown())
        planner->schedule();
}

bool RedactionLayer::isShown() const
{
    return m_show->isChecked();
}

void RedactionLayer::clearItems()
{
    for (QGraphicsItem* item : m_items) {
        if (item->scene())
            item->scene()->removeItem(item);
        delete item;
    }
    m_items.clear();
    m_redacted.clear();
    m_overruled.clear();
}

void RedactionLayer::addRedacted(const PixelBox& box, SensitiveType type)
{
    // A type drawn twice on one box (the plan and the mark it comes from) is one item.
    for (const PixelBox& b : m_redacted)
        if (b.x0 == box.x0 && b.y0 == box.y0 && b.x1 == box.x1 && b.y1 == box.y1)
            return;
    auto* item = new QGraphicsRectItem(toRectF(box));
    QPen pen(QColor(20, 20, 20), 0);
    pen.setCosmetic(true);
    item->setPen(pen);
    item->setBrush(hatchBrush());
    item->setZValue(kZRedacted);
    item->setAcceptedMouseButtons(Qt::NoButton);
    item->setToolTip(tr("Redacted: %1").arg(RedactionPanel::typeTitle(type)));
    item->setData(0, QStringLiteral("redacted"));
    m_view->scene()->addItem(item);
    m_items.push_back(item);
    m_redacted.push_back(box);
}

void RedactionLayer::rebuild()
{
    clearItems();
    const PageId page = m_view->pageId();
    if (!m_session || !page || !isShown() || m_view->overlaysHidden())
        return;
    auto wordBox = [this](WordId id) -> std::optional<PixelBox> {
        if (const WordItem* w = m_view->wordItem(id))
            return w->box();
        return std::nullopt;
    };
    std::set<WordId> overruled;
    std::vector<WordRecord> words; // read when an entity or region is marked not sensitive
    // The page's marks first: they show at once, before a new plan comes back.
    for (const RedactionMark& m : m_session->redactionMarks(page)) {
        if (!m.sensitive) {
            if (m.target == MarkTarget::Word && m.word) {
                overruled.insert(m.word);
                continue;
            }
            if (words.empty())
                words = m_session->words(page);
            for (const WordRecord& w : words) { // the words whose centres lie in it
                const int cx = (w.box.x0 + w.box.x1) / 2, cy = (w.box.y0 + w.box.y1) / 2;
                if (cx >= m.box.x0 && cx < m.box.x1 && cy >= m.box.y0 && cy < m.box.y1)
                    overruled.insert(w.id);
            }
            continue;
        }
        if (m.target == MarkTarget::Word) {
            if (auto b = wordBox(m.word))
                addRedacted(*b, m.type);
        } else {
            addRedacted(m.box, m.type);
        }
    }
    if (m_planner && m_planner->plan()) {
        const RedactionPlan& plan = *m_planner->plan();
        for (const SensitiveFinding& f : plan.findings) {
            if (f.page != page)
                continue;
            if (f.words.empty()) {
                addRedacted(f.box, f.type);
                continue;
            }
            for (WordId w : f.words)
                if (auto b = wordBox(w))
                    addRedacted(*b, f.type);
        }
        if (auto it = plan.fills.find(page); it != plan.fills.end())
            for (const PixelBox& b : it->second)
                addRedacted(b, SensitiveType::Other);
        for (WordId w : plan.overruled)
            if (wordBox(w))
                overruled.insert(w);
    }
    for (WordId w : overruled) {
        auto b = wordBox(w);
        if (!b)
            continue;
        auto* item = new QGraphicsRectItem(toRectF(*b).adjusted(-2, -2, 2, 2));
        QPen pen(QColor(0, 121, 107), 2, Qt::DashLine);
        pen.setCosmetic(true);
        item->setPen(pen);
        item->setBrush(Qt::NoBrush);
        item->setZValue(kZRedacted);
        item->setAcceptedMouseButtons(Qt::NoButton);
        item->setToolTip(tr("Marked not sensitive: kept in a redacted export"));
        m_view->scene()->addItem(item);
        m_items.push_back(item);
        m_overruled.push_back(w);
    }
}

void RedactionLayer::armRegion(SensitiveType type)
{
    if (!m_session || !m_view->pageId())
        return;
    m_armed = true;
    m_regionType = type;
    m_view->viewport()->setCursor(Qt::CrossCursor);
    Q_EMIT statusMessage(
        tr("Drag a rectangle over the %1 to redact; Escape cancels").arg(RedactionPanel::typeTitle(type).toLower()));
}

void RedactionLayer::cancelRegion()
{
    const bool was = m_armed;
    m_armed = false;
    m_dragging = false;
    delete m_rubber;
    m_rubber = nullptr;
    m_view->viewport()->unsetCursor();
    if (was)
        Q_EMIT statusMessage(tr("Region marking cancelled"));
}

bool RedactionLayer::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_armed)
        return false;
    if (watched == m_view) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            cancelRegion();
            return true;
        }
        return false;
    }
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton) {
            cancelRegion();
            return true;
        }
        m_dragging = true;
        m_from = m_view->mapToScene(e->position().toPoint());
        m_rubber = new QGraphicsRectItem(QRectF(m_from, m_from));
        QPen pen(QColor(20, 20, 20), 2, Qt::DashLine);
        pen.setCosmetic(true);
        m_rubber->setPen(pen);
        m_rubber->setBrush(hatchBrush());
        m_rubber->setZValue(kZRubber);
        m_view->scene()->addItem(m_rubber);
        return true;
    }
    case QEvent::MouseMove:
        if (m_dragging && m_rubber) {
            const QPointF to = m_view->mapToScene(static_cast<QMouseEvent*>(event)->position().toPoint());
            m_rubber->setRect(QRectF(m_from, to).normalized());
        }
        return true;
    case QEvent::MouseButtonRelease: {
        if (!m_dragging)
            return true;
        const QPointF to = m_view->mapToScene(static_cast<QMouseEvent*>(event)->position().toPoint());
        PixelBox box = boxOf(QRectF(m_from, to).normalized());
        box.x0 = std::max(box.x0, 0); // not off the page's top left (its size: the store checks)
        box.y0 = std::max(box.y0, 0);
        const SensitiveType type = m_regionType;
        const PageId page = m_view->pageId();
        m_armed = false;
        m_dragging = false;
        delete m_rubber;
        m_rubber = nullptr;
        m_view->viewport()->unsetCursor();
        if (box.width() < kMinRegion || box.height() < kMinRegion) {
            Q_EMIT statusMessage(tr("Region marking cancelled: the rectangle is too small"));
            return true;
        }
        Q_EMIT regionDrawn(page, box, type);
        return true;
    }
    case QEvent::MouseButtonDblClick: return true;
    default: return false;
    }
}

} // namespace incidoc::ui
