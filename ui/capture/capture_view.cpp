#include "ui/capture/capture_view.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QTimer>

namespace incidoc::ui {

namespace {
constexpr int kFlashMs = 450;
} // namespace

CaptureView::CaptureView(QWidget* parent) : QWidget(parent), m_flashTimer(new QTimer(this))
{
    setMinimumSize(320, 180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_flashTimer->setInterval(30);
    connect(m_flashTimer, &QTimer::timeout, this, [this] {
        if (!m_flash.isValid() || m_flash.elapsed() > kFlashMs) {
            m_flash.invalidate();
            m_flashTimer->stop();
        }
        update();
    });
}

void CaptureView::setFrame(const QImage& image, const QSize& frameSize)
{
    m_image = image;
    m_frameSize = frameSize;
    m_newFrame = true;
    update();
}

void CaptureView::setDetection(const PageDetection& page, bool steady)
{
    m_page = page;
    m_steady = steady;
    update();
}

void CaptureView::flash()
{
    m_flash.start();
    m_flashTimer->start();
    update();
}

void CaptureView::setMessage(const QString& message, bool clearFrame)
{
    m_message = message;
    if (clearFrame) {
        m_image = {};
        m_page = {};
    }
    update();
}

QRectF CaptureView::imageRect() const
{
    if (m_image.isNull())
        return {};
    QSizeF size = m_image.size();
    size.scale(QSizeF(width(), height()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void CaptureView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    Q_EMIT resized(size());
}

void CaptureView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(24, 24, 24));
    const QRectF target = imageRect();
    if (!m_image.isNull()) {
        p.drawImage(target, m_image);
        if (m_newFrame) {
            ++m_painted;
            m_newFrame = false;
        }
    }
    if (!m_image.isNull() && m_page.found && m_frameSize.isValid()) {
        const double sx = target.width() / m_frameSize.width();
        const double sy = target.height() / m_frameSize.height();
        QPolygonF quad;
        for (const QPointF& c : m_page.corners)
            quad << QPointF(target.left() + c.x() * sx, target.top() + c.y() * sy);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour = m_steady ? QColor(40, 200, 90) : QColor(240, 170, 30);
        QColor fill = colour;
        fill.setAlpha(40);
        p.setBrush(fill);
        p.setPen(QPen(colour, 3));
        p.drawPolygon(quad);
    }
    if (m_flash.isValid()) { // the capture: a white flash fading out, and a tick in the middle
        const double left = 1.0 - double(m_flash.elapsed()) / kFlashMs;
        if (left > 0) {
            p.fillRect(target.isValid() ? target : QRectF(rect()), QColor(255, 255, 255, int(160 * left)));
            const QPointF c = rect().center();
            const double s = std::min(width(), height()) / 8.0;
            QPainterPath tick;
            tick.moveTo(c + QPointF(-s, 0));
            tick.lineTo(c + QPointF(-s / 3, s * 0.7));
            tick.lineTo(c + QPointF(s, -s * 0.7));
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(QColor(40, 200, 90, int(255 * left)), s / 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(tick);
        }
    }
    if (!m_message.isEmpty()) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        p.setFont(f);
        const QRect box = rect().adjusted(24, 24, -24, -24);
        QRect text = p.boundingRect(box, Qt::AlignCenter | Qt::TextWordWrap, m_message).adjusted(-12, -8, 12, 8);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 180));
        p.drawRoundedRect(text, 6, 6);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
}

} // namespace incidoc::ui
