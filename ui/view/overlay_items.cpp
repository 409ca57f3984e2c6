#include "ui/view/overlay_items.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace incidoc::ui {

OverlayStyle::OverlayStyle()
{
    lowPen = QPen(lowColor, 1.5, Qt::DashLine);
    lowPen.setCosmetic(true);
    lowSelectedPen = QPen(lowColor, 3.0, Qt::DashLine);
    lowSelectedPen.setCosmetic(true);
    QColor tint = lowColor;
    tint.setAlpha(45);
    lowFill = QBrush(tint);
    flaggedPen = QPen(flaggedColor, 2.5);
    flaggedPen.setCosmetic(true);
    flaggedSelectedPen = QPen(flaggedColor, 4.0);
    flaggedSelectedPen.setCosmetic(true);
    tint = flaggedColor;
    tint.setAlpha(45);
    flaggedFill = QBrush(tint);
    linePen = QPen(QColor(67, 160, 71), 1.0, Qt::DashLine);
    linePen.setCosmetic(true);
    blockPen = QPen(QColor(142, 36, 170), 1.5, Qt::DashDotLine);
    blockPen.setCosmetic(true);
    textBackground = QBrush(QColor(255, 255, 224, 225));
    textFont.setFamily(QStringLiteral("DejaVu Sans"));
}

const OverlayStyle::Paint& OverlayStyle::paintFor(const QColor& color, bool low)
{
    Q_UNUSED(low);
    auto it = m_paints.find(color.rgb());
    if (it != m_paints.end())
        return it->second;
    Paint p;
    p.pen = QPen(color, 1.5);
    p.pen.setCosmetic(true);
    p.selectedPen = QPen(color, 3.0);
    p.selectedPen.setCosmetic(true);
    QColor f = color;
    f.setAlpha(28);
    p.fill = QBrush(f);
    f.setAlpha(70);
    p.selectedFill = QBrush(f);
    return m_paints.emplace(color.rgb(), p).first->second;
}

WordItem::WordItem(const WordRecord& word, OverlayStyle* style)
    : m_id(word.id), m_box(word.box), m_text(word.text), m_confidence(word.confidence), m_label(word.labelId),
      m_flagged(word.flagged), m_style(style)
{
    setFlags(ItemIsSelectable | ItemIsMovable);
}

bool WordItem::isLowConfidence() const
{
    return m_confidence && *m_confidence < m_style->confidenceThreshold;
}

void WordItem::setPreviewBox(const PixelBox& box)
{
    prepareGeometryChange();
    m_box = box;
}

QRectF WordItem::boundingRect() const
{
    QRectF r = toRectF(m_box).adjusted(-2, -2, 2, 2);
    if (m_style->showText) { // the text sits above the box so the image under it stays visible
        const double h = std::max(8.0, m_box.height() * 0.75);
        r.setTop(r.top() - h - 2);
        r.setRight(std::max(r.right(), r.left() + h * 0.7 * (m_text.size() + 1)));
    }
    return r;
}

QPainterPath WordItem::shape() const
{
    QPainterPath path;
    path.addRect(toRectF(m_box));
    return path;
}

void WordItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF r = toRectF(m_box);
    if (m_flagged) {
        painter->setPen(selected ? m_style->flaggedSelectedPen : m_style->flaggedPen);
        painter->setBrush(m_style->flaggedFill);
    } else if (isLowConfidence()) {
        painter->setPen(selected ? m_style->lowSelectedPen : m_style->lowPen);
        painter->setBrush(m_style->lowFill);
    } else {
        QColor color = m_style->defaultColor;
        if (m_label) {
            auto it = m_style->labelColors.find(*m_label);
            if (it != m_style->labelColors.end())
                color = it->second;
        }
        const auto& p = m_style->paintFor(color, false);
        painter->setPen(selected ? p.selectedPen : p.pen);
        painter->setBrush(selected ? p.selectedFill : p.fill);
    }
    painter->drawRect(r);
    if (m_style->showText && !m_text.isEmpty()) {
        const double h = std::max(8.0, m_box.height() * 0.75);
        QFont f = m_style->textFont;
        f.setPixelSize(std::max(1, int(h * 0.8)));
        painter->setFont(f);
        const QRectF tr(r.left(), r.top() - h - 2, painter->fontMetrics().horizontalAdvance(m_text) + h * 0.3, h);
        painter->fillRect(tr, m_style->textBackground);
        painter->setPen(Qt::black);
        painter->drawText(tr, Qt::AlignLeft | Qt::AlignVCenter, m_text);
    }
}

void RegionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setPen(*m_pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(m_rect);
}

void HandlesItem::setRect(const QRectF& rect, double handleSize)
{
    prepareGeometryChange();
    m_rect = rect;
    m_handle = handleSize;
}

void HandlesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    QPen pen(QColor(20, 20, 20), 1.0);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::white);
    const double h = m_handle;
    for (const QPointF& c : {m_rect.topLeft(), m_rect.topRight(), m_rect.bottomLeft(), m_rect.bottomRight()})
        painter->drawRect(QRectF(c.x() - h / 2, c.y() - h / 2, h, h));
}

} // namespace incidoc::ui
