#include "ui/view/page_corners_dialog.h"

#include "core/photo/flatten.h"
#include "core/photo/page_detect.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QImageIOHandler>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace incidoc::ui {
namespace {

constexpr int kDisplayMax = 2000; ///< display copy's long side at most (a 50-megapixel photo stays light)
constexpr double kReach = 0.5;    ///< corners may lie this share of the photo beyond its edges
constexpr double kGrab = 14;      ///< screen pixels around a handle that grab it
constexpr int kLoupe = 150;       ///< the magnifier's side, screen pixels
constexpr double kLoupeZoom = 4;  ///< the magnifier's zoom over the display copy

} // namespace

/// The photo, the quadrilateral and its handles; the mouse drags the handles.
class CornersCanvas : public QWidget {
public:
    explicit CornersCanvas(PageCornersDialog* dialog) : QWidget(dialog), m_dialog(dialog)
    {
        setMinimumSize(360, 300);
        setFocusPolicy(Qt::StrongFocus);
        setMouseTracking(true);
        setCursor(Qt::CrossCursor);
        setAccessibleName(PageCornersDialog::tr("Page corners"));
    }

    QSize sizeHint() const override
    {
        const QSize screen =
            QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableSize() : QSize(1280, 800);
        const QSize room(screen.width() * 7 / 10, screen.height() * 7 / 10);
        return m_dialog->m_display.isNull() ? QSize(480, 360)
                                            : m_dialog->m_display.size().scaled(room, Qt::KeepAspectRatio);
    }

    /// Photo pixels -> widget pixels: the photo and the quadrilateral fit the widget with a margin.
    QTransform toWidget() const
    {
        QRectF world(QPointF(0, 0), QSizeF(m_dialog->m_photoSize));
        for (const QPointF& c : m_dialog->m_corners)
            world |= QRectF(c, QSizeF(1, 1));
        const double margin = 16;
        const double s = std::min((width() - 2 * margin) / std::max(1.0, world.width()),
                                  (height() - 2 * margin) / std::max(1.0, world.height()));
        const QPointF offset((width() - world.width() * s) / 2 - world.left() * s,
                             (height() - world.height() * s) / 2 - world.top() * s);
        return QTransform(s, 0, 0, s, offset.x(), offset.y());
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::Dark));
        const PageCornersDialog& d = *m_dialog;
        if (d.m_display.isNull())
            return;
        const QTransform t = toWidget();
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(t.mapRect(QRectF(QPointF(0, 0), QSizeF(d.m_photoSize))), d.m_display);
        p.setRenderHint(QPainter::Antialiasing);
        QPolygonF quad;
        for (const QPointF& c : d.m_corners)
            quad << t.map(c);
        // Outside the page dimmed, so the page stands out.
        QPainterPath outside;
        outside.addRect(rect());
        QPainterPath page;
        page.addPolygon(quad);
        page.closeSubpath();
        p.fillPath(outside.subtracted(page), QColor(0, 0, 0, 90));
        p.setPen(QPen(QColor(0, 170, 255), 2));
        p.drawPolygon(quad);
        for (int i = 0; i < 4; ++i) {
            const bool current = i == d.m_current;
            p.setPen(QPen(current ? QColor(255, 255, 255) : QColor(0, 90, 160), current ? 3 : 2));
            p.setBrush(current ? QColor(255, 140, 0) : QColor(0, 170, 255, 200));
            p.drawEllipse(quad[i], current ? 9 : 7, current ? 9 : 7);
        }
        paintLoupe(p, quad);
    }

    /// The chosen corner magnified, beside it on the page's side (so that it hides neither the corner nor,
    /// on a page of some size, the other handles), kept within the widget.
    void paintLoupe(QPainter& p, const QPolygonF& quad)
    {
        const PageCornersDialog& d = *m_dialog;
        const QPointF at = quad[d.m_current];
        const QPointF inward = (quad[0] + quad[1] + quad[2] + quad[3]) / 4 - at;
        const double gap = 28;
        double x = inward.x() >= 0 ? at.x() + gap : at.x() - gap - kLoupe;
        double y = inward.y() >= 0 ? at.y() + gap : at.y() - gap - kLoupe;
        x = std::clamp(x, 4.0, std::max(4.0, width() - kLoupe - 4.0));
        y = std::clamp(y, 4.0, std::max(4.0, height() - kLoupe - 4.0));
        const QRectF box(x, y, kLoupe, kLoupe);
        // What it shows: the display copy around the corner, at kLoupeZoom display pixels per pixel.
        const QPointF centre = d.m_corners[d.m_current] * d.m_scale;
        const double side = kLoupe / kLoupeZoom;
        const QRectF source(centre - QPointF(side / 2, side / 2), QSizeF(side, side));
        p.save();
        p.setPen(QPen(QColor(255, 255, 255), 2));
        p.setBrush(palette().color(QPalette::Dark));
        p.drawRect(box);
        p.setClipRect(box);
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(box, d.m_display, source);
        // The quadrilateral's edges through the corner, and a cross hair on it.
        auto inLoupe = [&](QPointF photo) {
            return box.topLeft() + (photo * d.m_scale - source.topLeft()) * kLoupeZoom;
        };
        const QPointF c = inLoupe(d.m_corners[d.m_current]);
        p.setPen(QPen(QColor(0, 170, 255), 1.5));
        p.drawLine(c, inLoupe(d.m_corners[(d.m_current + 1) % 4]));
        p.drawLine(c, inLoupe(d.m_corners[(d.m_current + 3) % 4]));
        p.setPen(QPen(QColor(255, 140, 0), 1));
        p.drawLine(QPointF(box.left(), c.y()), QPointF(box.right(), c.y()));
        p.drawLine(QPointF(c.x(), box.top()), QPointF(c.x(), box.bottom()));
        p.restore();
    }

    void mousePressEvent(QMouseEvent* e) override
    {
        const QTransform t = toWidget();
        int best = -1;
        double bestDistance = kGrab;
        for (int i = 0; i < 4; ++i) {
            const double distance = QLineF(t.map(m_dialog->m_corners[i]), e->position()).length();
            if (distance <= bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        m_dragging = best;
        if (best >= 0)
            m_dialog->setCurrentCorner(best);
    }

    void mouseMoveEvent(QMouseEvent* e) override
    {
        if (m_dragging < 0)
            return;
        bool invertible = false;
        const QTransform back = toWidget().inverted(&invertible);
        if (invertible)
            m_dialog->moveCorner(m_dragging, back.map(e->position())); // a fold is refused: it stays put
    }

    void mouseReleaseEvent(QMouseEvent*) override { m_dragging = -1; }

private:
    PageCornersDialog* m_dialog;
    int m_dragging = -1;
};

PageCornersDialog::PageCornersDialog(const QString& path, int number, const std::optional<PhotoGeometry>& current,
                                     QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Page Corners"));
    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (number > 1)
        reader.jumpToImage(number - 1);
    const QSize raw = reader.size();
    if (raw.isValid()) {
        // The reader scales before it turns the image upright: scale in the file's orientation.
        const bool turned = reader.transformation() & QImageIOHandler::TransformationRotate90;
        m_photoSize = turned ? raw.transposed() : raw;
        m_scale = std::min(1.0, static_cast<double>(kDisplayMax) / std::max(raw.width(), raw.height()));
        if (m_scale < 1)
            reader.setScaledSize((QSizeF(raw) * m_scale).toSize());
        m_display = reader.read().convertToFormat(QImage::Format_RGB32);
        if (!m_display.isNull())
            m_scale = static_cast<double>(m_display.width()) / m_photoSize.width();
    }
    if (current && current->isFlattened() && isConvex(current->corners)) {
        m_corners = current->corners;
    } else {
        const double w = m_photoSize.width(), h = m_photoSize.height();
        m_corners = {QPointF(w * 0.05, h * 0.05), QPointF(w * 0.95, h * 0.05), QPointF(w * 0.95, h * 0.95),
                     QPointF(w * 0.05, h * 0.95)};
    }

    auto* layout = new QVBoxLayout(this);
    m_canvas = new CornersCanvas(this);
    layout->addWidget(m_canvas, 1);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_detect = buttons->addButton(tr("&Detect Again"), QDialogButtonBox::ActionRole);
    m_asIs = buttons->addButton(tr("&Read As It Is"), QDialogButtonBox::ActionRole);
    m_asIs->setToolTip(tr("Read the image with no flattening, as a scan"));
    for (QPushButton* b :
         {m_detect, m_asIs, buttons->button(QDialogButtonBox::Ok), buttons->button(QDialogButtonBox::Cancel)})
        b->setFocusPolicy(Qt::NoFocus);                      // Tab moves between corners; the buttons have mnemonics
    buttons->button(QDialogButtonBox::Ok)->setDefault(true); // Return
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_detect, &QPushButton::clicked, this, [this] { detectAgain(); });
    connect(m_asIs, &QPushButton::clicked, this, [this] { readAsItIs(); });
    if (m_display.isNull()) {
        m_note->setText(tr("The photo cannot be read: %1").arg(reader.errorString()));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        m_detect->setEnabled(false);
        m_asIs->setEnabled(false);
    } else {
        updateNote();
    }
    m_canvas->setFocus();
}

void PageCornersDialog::setCurrentCorner(int corner)
{
    m_current = ((corner % 4) + 4) % 4;
    updateNote();
    m_canvas->update();
}

bool PageCornersDialog::moveCorner(int corner, QPointF to)
{
    if (corner < 0 || corner > 3)
        return false;
    const double w = m_photoSize.width(), h = m_photoSize.height();
    to = QPointF(std::clamp(to.x(), -w * kReach, w * (1 + kReach)), std::clamp(to.y(), -h * kReach, h * (1 + kReach)));
    std::array<QPointF, 4> moved = m_corners;
    moved[static_cast<std::size_t>(corner)] = to;
    if (!isConvex(moved))
        return false;
    m_corners = moved;
    updateNote();
    m_canvas->update();
    return true;
}

PhotoGeometry PageCornersDialog::geometry() const
{
    PhotoGeometry g;
    if (m_asItIs) {
        g.state = PhotoState::NotPhoto;
        g.photoSize = m_photoSize;
    } else {
        g = planFlattening(m_photoSize, m_corners);
    }
    g.manual = true;
    return g;
}

bool PageCornersDialog::detectAgain()
{
    if (m_display.isNull())
        return false;
    const PageDetection found = detectPage(m_display); // the display copy: corners scaled back below
    if (!found.found) {
        m_note->setText(found.note.isEmpty()
                            ? tr("No page was found in this photo: place the corners yourself.")
                            : tr("No page was found in this photo (%1): place the corners yourself.").arg(found.note));
        return false;
    }
    std::array<QPointF, 4> corners;
    for (std::size_t i = 0; i < 4; ++i)
        corners[i] = found.corners[i] / m_scale;
    if (!isConvex(corners)) {
        m_note->setText(tr("The page found does not have four usable corners: place them yourself."));
        return false;
    }
    m_corners = corners;
    updateNote();
    m_canvas->update();
    return true;
}

void PageCornersDialog::readAsItIs()
{
    m_asItIs = true;
    accept();
}

bool PageCornersDialog::isConvex(const std::array<QPointF, 4>& c)
{
    for (std::size_t i = 0; i < 4; ++i) {
        const QPointF a = c[(i + 1) % 4] - c[i];
        const QPointF b = c[(i + 2) % 4] - c[(i + 1) % 4];
        if (!(a.x() * b.y() - a.y() * b.x() > 0))
            return false;
    }
    return true;
}

void PageCornersDialog::keyPressEvent(QKeyEvent* event)
{
    const double step = event->modifiers() & Qt::ShiftModifier ? 10 : 1;
    QPointF by;
    switch (event->key()) {
    case Qt::Key_Left: by = QPointF(-step, 0); break;
    case Qt::Key_Right: by = QPointF(step, 0); break;
    case Qt::Key_Up: by = QPointF(0, -step); break;
    case Qt::Key_Down: by = QPointF(0, step); break;
    default: QDialog::keyPressEvent(event); return; // Return: OK, Escape: Cancel
    }
    moveCorner(m_current, m_corners[static_cast<std::size_t>(m_current)] + by);
    event->accept();
}

bool PageCornersDialog::focusNextPrevChild(bool next)
{
    setCurrentCorner(m_current + (next ? 1 : -1));
    return true;
}

void PageCornersDialog::updateNote()
{
    static const char* const names[] = {QT_TR_NOOP("top left"), QT_TR_NOOP("top right"), QT_TR_NOOP("bottom right"),
                                        QT_TR_NOOP("bottom left")};
    const QPointF c = m_corners[static_cast<std::size_t>(m_current)];
    m_note->setText(tr("Corner: %1 at %2, %3 (photo %4 × %5). Drag the corners, or Tab to choose one and the "
                       "arrow keys to move it (Shift: 10 pixels); Return reads the page flattened.")
                        .arg(tr(names[m_current]))
                        .arg(qRound(c.x()))
                        .arg(qRound(c.y()))
                        .arg(m_photoSize.width())
                        .arg(m_photoSize.height()));
}

} // namespace incidoc::ui
