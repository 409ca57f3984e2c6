#include "ui/view/form_items.h"

#include "ui/view/overlay_items.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace incidoc::ui {
namespace {

constexpr double kPad = 5;          ///< page pixels between the words and the outline
constexpr double kHead = 10;        ///< arrow head length, screen pixels
constexpr double kMaxHead = 40;     ///< ... but never more than this in page pixels (far zoomed out)
constexpr int kProposedAlpha = 150; ///< proposals are drawn paler

QFont tagFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(10);
    return f;
}

/// Where the ray from the centre of `r` towards `towards` leaves `r`.
QPointF exitPoint(const QRectF& r, const QPointF& towards)
{
    const QPointF c = r.center();
    const QPointF d = towards - c;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
        return c;
    double t = 1.0;
    if (std::abs(d.x()) > 1e-9)
        t = std::min(t, (r.width() / 2) / std::abs(d.x()));
    if (std::abs(d.y()) > 1e-9)
        t = std::min(t, (r.height() / 2) / std::abs(d.y()));
    return c + d * t;
}

QColor markColor(FormMark mark, const QColor& normal)
{
    switch (mark) {
    case FormMark::LinkSource: return QColor(123, 31, 162); // purple
    case FormMark::LinkTarget: return QColor(255, 111, 0);
    default: return normal;
    }
}

} // namespace

QColor entityColor(const QString& label)
{
    if (label == QLatin1String("header"))
        return QColor(173, 20, 87); // crimson
    if (label == QLatin1String("question"))
        return QColor(40, 53, 147); // indigo
    if (label == QLatin1String("answer"))
        return QColor(46, 125, 50); // green
    if (label == QLatin1String("other"))
        return QColor(109, 76, 65); // brown
    return QColor(97, 97, 97);      // unlabelled
}

// --- the tag ----------------------------------------------------------------------------------------

/// The label tag over an entity's top left corner: the same size on screen at any zoom.
class TagItem final : public QGraphicsItem {
public:
    explicit TagItem(QGraphicsItem* parent) : QGraphicsItem(parent)
    {
        setFlag(ItemIgnoresTransformations);
        setAcceptedMouseButtons(Qt::NoButton);
    }
    void setText(const QString& text, const QColor& color, bool proposed)
    {
        prepareGeometryChange();
        m_text = text;
        m_color = color;
        m_proposed = proposed;
        const QFontMetricsF fm(tagFont());
        m_rect = QRectF(0, -fm.height() - 3, fm.horizontalAdvance(text) + 8, fm.height() + 2);
    }
    QRectF boundingRect() const override { return m_rect.adjusted(-1, -1, 1, 1); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        QColor fill = m_color;
        fill.setAlpha(m_proposed ? 120 : 220);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(m_rect, 3, 3);
        painter->setPen(Qt::white);
        painter->setFont(tagFont());
        painter->drawText(m_rect, Qt::AlignCenter, m_text);
    }

private:
    QString m_text;
    QColor m_color;
    bool m_proposed = false;
    QRectF m_rect;
};

// --- entities ---------------------------------------------------------------------------------------

EntityItem::EntityItem(const EntityRecord& entity) : m_entity(entity), m_tag(new TagItem(this))
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(-1); // under the words: the outline lies around them
    m_tag->setPos(outlineRect().topLeft());
    m_tag->setText(tagText(), entityColor(m_entity.label), m_entity.proposed);
}

QRectF EntityItem::outlineRect() const
{
    return toRectF(m_entity.box).adjusted(-kPad, -kPad, kPad, kPad);
}

QString EntityItem::tagText() const
{
    // The stored names (FUNSD's labels, the field keys): what the exports write.
    QString text = m_entity.label.isEmpty() ? QStringLiteral("—") : m_entity.label;
    if (!m_entity.field.isEmpty())
        text += QStringLiteral(" · ") + m_entity.field;
    if (m_entity.proposed)
        text += QStringLiteral(" ?");
    return text;
}

void EntityItem::setMark(FormMark mark)
{
    if (mark == m_mark)
        return;
    m_mark = mark;
    update();
}

QRectF EntityItem::boundingRect() const
{
    return outlineRect().adjusted(-3, -3, 3, 3);
}

void EntityItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    QColor color = markColor(m_mark, entityColor(m_entity.label));
    if (m_entity.proposed && m_mark == FormMark::None)
        color.setAlpha(kProposedAlpha);
    const bool strong = m_mark != FormMark::None;
    QPen pen(color, strong ? 3.0 : 1.6, m_entity.proposed ? Qt::DashLine : Qt::SolidLine);
    pen.setCosmetic(true);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(pen);
    QColor fill = color;
    fill.setAlpha(strong ? 40 : 0);
    painter->setBrush(strong ? QBrush(fill) : Qt::NoBrush);
    const double radius = std::min(kPad * 1.6, outlineRect().height() / 3);
    painter->drawRoundedRect(outlineRect(), radius, radius);
}

// --- links ------------------------------------------------------------------------------------------

LinkItem::LinkItem(const LinkRecord& link, const QRectF& from, const QRectF& to) : m_link(link)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(3); // over the words, under the handles
    m_line = QLineF(exitPoint(from, to.center()), exitPoint(to, from.center()));
    m_bounds = QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-kMaxHead, -kMaxHead, kMaxHead, kMaxHead);
    if (m_link.type != defaultLinkType() && !m_link.type.isEmpty()) // room for the type's name at the middle
        m_bounds |= QRectF(m_line.center() - QPointF(0, 400), QSizeF(1200, 400));
}

void LinkItem::setMark(FormMark mark)
{
    if (mark == m_mark)
        return;
    m_mark = mark;
    update();
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_line.length() < 1e-6)
        return;
    QColor color = m_mark == FormMark::None ? QColor(38, 50, 56) : markColor(FormMark::LinkTarget, {});
    if (m_link.proposed && m_mark == FormMark::None)
        color.setAlpha(kProposedAlpha);
    const bool dashed = m_link.proposed || m_link.id == 0;
    QPen pen(color, m_mark == FormMark::None ? 1.6 : 2.8, dashed ? Qt::DashLine : Qt::SolidLine);
    pen.setCosmetic(true);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(pen);
    painter->drawLine(m_line);
    // The head at the value, the same size on screen whatever the zoom.
    const double scale = std::max(1e-6, painter->worldTransform().m22());
    const double head = std::min(kHead / scale, kMaxHead);
    const double angle = std::atan2(m_line.dy(), m_line.dx());
    const QPointF tip = m_line.p2();
    const QPointF a = tip - QPointF(std::cos(angle - M_PI / 7), std::sin(angle - M_PI / 7)) * head;
    const QPointF b = tip - QPointF(std::cos(angle + M_PI / 7), std::sin(angle + M_PI / 7)) * head;
    QPen solid = pen;
    solid.setStyle(Qt::SolidLine);
    painter->setPen(solid);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF({tip, a, b}));
    // A link of another type than key -> value says which, at its middle.
    if (m_link.type != defaultLinkType() && !m_link.type.isEmpty()) {
        painter->save();
        painter->translate(m_line.center());
        painter->scale(1.0 / scale, 1.0 / scale);
        QFont font = painter->font();
        font.setPixelSize(11);
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(QPointF(4, -4), m_link.type);
        painter->restore();
    }
}

} // namespace incidoc::ui
