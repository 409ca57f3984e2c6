#pragma once
// The overlay drawn over a page: one lightweight item per word, union boxes for lines and blocks, and
// the resize handles of the selected word. A word's label colour is always shown (fill and outline); a
// word in doubt (flagged, or low confidence that no person has corrected or accepted) has its box edge in
// the doubt colour and its label colour drawn just inside it. Scene coordinates are page pixels (kSceneFromPage below).
// Items share one OverlayStyle (pens and brushes made once) so painting allocates nothing.
// GUI thread only.

#include "core/model/pixel_transform.h"
#include "core/model/records.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QPen>

#include <unordered_map>

namespace incidoc::ui {

/// Shared look of the overlay. Pens are cosmetic (constant width on screen at any zoom).
struct OverlayStyle {
    int confidenceThreshold = 60;
    bool showText = false;
    QColor defaultColor{30, 136, 229};
    QColor lowColor{229, 57, 53};
    QColor flaggedColor{245, 124, 0}; ///< orange: the readers disagree or are both unsure
    std::unordered_map<LabelId, QColor> labelColors;
    QFont textFont;

    /// Pens and brushes per colour, made on demand and kept.
    struct Paint {
        QPen pen, selectedPen;
        QBrush fill, selectedFill;
        QBrush labelFill; ///< a labelled word in doubt: the label colour shown by the fill
    };
    const Paint& paintFor(const QColor& color, bool low);
    QPen lowPen, lowSelectedPen;
    QBrush lowFill;
    QPen flaggedPen, flaggedSelectedPen;
    QBrush flaggedFill;
    QPen linePen, blockPen;
    QBrush textBackground;

    OverlayStyle();

private:
    std::unordered_map<QRgb, Paint> m_paints;
};

/// The view's scene is in page pixels: boxes and points go between the two through this transform, the
/// identity (the zoom is the view's own QTransform, from the scene to the screen).
inline const PixelTransform kSceneFromPage{};

/// A page box as a scene rectangle.
inline QRectF toRectF(const PixelBox& b)
{
    return kSceneFromPage.mapToRectF(b);
}

/// A scene rectangle (a box drawn by hand) as a page box, each edge on the nearest pixel.
inline PixelBox toPageBox(const QRectF& r)
{
    return kSceneFromPage.inverted().mapToBox(r, BoxRounding::Nearest);
}

/// A scene point (a dragged corner) as the nearest page pixel.
inline QPoint toPagePixel(const QPointF& p)
{
    return kSceneFromPage.inverted().mapToPixel(p);
}

class WordItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 101 };

    WordItem(const WordRecord& word, OverlayStyle* style);

    WordId wordId() const { return m_id; }
    const PixelBox& box() const { return m_box; }
    const QString& text() const { return m_text; }
    std::optional<double> confidence() const { return m_confidence; }
    std::optional<LabelId> labelId() const { return m_label; }
    /// Below the confidence threshold, its text neither corrected nor accepted by a person (who has read
    /// it; a label or a box change alone does not count).
    bool isLowConfidence() const;
    /// Flagged for review (its box edge drawn orange; the label colour inside it).
    bool isFlagged() const { return m_flagged; }
    /// The colour the word's label is shown in (the default colour when it has none).
    QColor labelColor() const;
    /// Shows a box while it is being resized (the stored box changes only on release).
    void setPreviewBox(const PixelBox& box);
    /// The box as shown, in scene coordinates (includes an unfinished move).
    QRectF sceneBox() const { return mapRectToScene(toRectF(m_box)); }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    WordId m_id;
    PixelBox m_box;
    QString m_text;
    std::optional<double> m_confidence;
    std::optional<LabelId> m_label;
    bool m_flagged;
    bool m_personRead; ///< text corrected or accepted (reviewed) by a person
    OverlayStyle* m_style;
};

/// A line or block: the union of its words' boxes, drawn as a thin dashed outline, not selectable.
class RegionItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 102 };
    RegionItem(const QRectF& rect, const QPen* pen) : m_rect(rect), m_pen(pen)
    {
        setAcceptedMouseButtons(Qt::NoButton);
    }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QRectF m_rect;
    const QPen* m_pen;
};

/// Corner handles of the one selected word, drawn just OUTSIDE its corners (each handle touches its
/// corner from outside) so they never cover the word itself, however small; `handleSize` is in scene
/// units (the view keeps it at a constant size on screen).
class HandlesItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 103 };
    HandlesItem()
    {
        setAcceptedMouseButtons(Qt::NoButton);
        setZValue(10);
    }
    int type() const override { return Type; }
    void setRect(const QRectF& rect, double handleSize);
    QRectF rect() const { return m_rect; }
    double handleSize() const { return m_handle; }
    /// The square of handle `corner` (0 top left, 1 top right, 2 bottom left, 3 bottom right), in scene
    /// coordinates: outside the box, touching that corner.
    QRectF handleRect(int corner) const;
    QRectF boundingRect() const override
    {
        return m_rect.adjusted(-m_handle - 1, -m_handle - 1, m_handle + 1, m_handle + 1);
    }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QRectF m_rect;
    double m_handle = 4;
};

} // namespace incidoc::ui
