#pragma once
// The form drawn over a page: an entity as a rounded outline around its words (the union of their boxes,
// padded) in the colour of its label, with a small tag naming the label and the typed field; a link as an
// arrow from the key entity to the value entity. Proposals (not accepted yet) are dashed and paler.
// Scene coordinates are page pixels (overlay_items.h). None of these items takes the mouse: clicks reach
// the words under them, and the form layer (form_layer.h) finds the entity under a point itself.
// GUI thread only.

#include "core/model/forms.h"

#include <QColor>
#include <QGraphicsItem>

namespace incidoc::ui {

class TagItem;

/// How an entity or link is emphasised: the source and the candidate target of a link being made, and
/// the proposal being reviewed.
enum class FormMark { None, Current, LinkSource, LinkTarget };

/// The colour of an entity label (FUNSD's header, question, answer, other; unlabelled: grey).
QColor entityColor(const QString& label);

class EntityItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 111 };

    explicit EntityItem(const EntityRecord& entity);

    EntityId entityId() const { return m_entity.id; }
    const EntityRecord& entity() const { return m_entity; }
    bool isProposed() const { return m_entity.proposed; }
    /// The outline's rectangle (the words' union box padded), in scene coordinates.
    QRectF outlineRect() const;
    /// The tag's text: the label (or "unlabelled") and the typed field when set ("question · vin").
    QString tagText() const;
    void setMark(FormMark mark);
    FormMark mark() const { return m_mark; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    EntityRecord m_entity;
    FormMark m_mark = FormMark::None;
    TagItem* m_tag;
};

/// An arrow from one entity's outline to another's (the head at the value), or a link being made.
class LinkItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 112 };

    /// `link.id` 0: the preview of a link being made.
    LinkItem(const LinkRecord& link, const QRectF& from, const QRectF& to);

    LinkId linkId() const { return m_link.id; }
    const LinkRecord& link() const { return m_link; }
    bool isProposed() const { return m_link.proposed; }
    /// The arrow's ends on the two outlines, in scene coordinates (the second one at the head).
    QLineF line() const { return m_line; }
    void setMark(FormMark mark);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    LinkRecord m_link;
    QLineF m_line;
    QRectF m_bounds;
    FormMark m_mark = FormMark::None;
};

} // namespace incidoc::ui
