#include "ui/view/overlay_items.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

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
    f.setAlpha(60); // as the exported visualization fills labelled words
    p.labelFill = QBrush(f);
    return m_paints.emplace(color.rgb(), p).first->second;
}

WordItem::WordItem(const WordRecord& word, OverlayStyle* style)
    : m_id(word.id), m_box(word.box), m_text(word.text), m_confidence(word.confidence), m_label(word.labelId),
      m_flagged(word.flagged), m_personRead(word.ocrText.has_value() || word.reviewed), m_style(style)
{
    setFlags(ItemIsSelectable | ItemIsMovable);
}

bool WordItem::isLowConfidence() const
{
    return !m_personRead && m_confidence && *m_confidence < m_style->confidenceThreshold;
}

QColor WordItem::labelColor() const
{
    if (m_label) {
        auto it = m_style->labelColors.find(*m_label);
        if (it != m_style->labelColors.end())
            return it->second;
    }
    return m_style->defaultColor;
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
    const bool doubt = m_flagged || isLowConfidence();
    const auto& p = m_style->paintFor(labelColor(), false);
    if (!doubt) {
        painter->setPen(selected ? p.selectedPen : p.pen);
        painter->setBrush(selected ? p.selectedFill : p.fill);
        painter->drawRect(r);
    } else {
        // The doubt marking is the box edge (dashed red: low confidence; orange: flagged); the label
        // colour fills the box and outlines it just inside, so a labelled word in doubt shows both.
        painter->setPen(m_flagged ? (selected ? m_style->flaggedSelectedPen : m_style->flaggedPen)
                                  : (selected ? m_style->lowSelectedPen : m_style->lowPen));
        if (m_label)
            painter->setBrush(selected ? p.selectedFill : p.labelFill);
        else
            painter->setBrush(m_flagged ? m_style->flaggedFill : m_style->lowFill);
        painter->drawRect(r);
        if (m_label) {
            // Two screen pixels inside the edge, whatever the zoom; on a box too small for it the fill
            // alone shows the label.
            const double scale = std::max(1e-6, painter->worldTransform().m22());
            const double inset = 2.5 / scale;
            const QRectF inner = r.adjusted(inset, inset, -inset, -inset);
            if (inner.width() > inset && inner.height() > inset) {
                painter->setPen(selected ? p.selectedPen : p.pen);
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(inner);
            }
        }
    }
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
    for (int corner = 0; corner < 4; ++corner)
        painter->drawRect(handleRect(corner));
}

QRectF HandlesItem::handleRect(int corner) const
{
    const double h = m_handle;
    const double x = (corner == 0 || corner == 2) ? m_rect.left() - h : m_rect.right();
    const double y = corner < 2 ? m_rect.top() - h : m_rect.bottom();
    return QRectF(x, y, h, h);
}

} // namespace incidoc::ui
