#pragma once
// What a redacted export will redact, drawn over the page view: sensitive words and regions as a dark
// hatched fill (their type as tooltip), words a person marked not sensitive with a dashed outline. It shows
// the plan (RedactionPlanner) and, at once, the page's own marks (so a mark shows before the plan comes
// back). Also the region gesture of "Mark Region Sensitive…": armed, a drag on the page draws a rectangle
// and emits regionDrawn; Escape cancels.
//
// Thread contract: GUI thread only.

#include "core/model/redaction.h"
#include "core/redact/sensitive_finder.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <memory>
#include <vector>

class QAction;
class QGraphicsItem;
class QGraphicsRectItem;

namespace incidoc::ui {

class PageView;
class ProjectSession;
class RedactionPlanner;

class RedactionLayer : public QObject {
    Q_OBJECT
public:
    RedactionLayer(PageView* view, QObject* parent = nullptr);
    ~RedactionLayer() override;

    /// The project whose plan and marks are shown (null: none). Both must outlive their use here.
    void setSession(ProjectSession* session, RedactionPlanner* planner);
    /// The View menu's "Show Redaction" toggle.
    QAction* showAction() const { return m_show; }
    bool isShown() const;

    /// Arms the region gesture: the next drag on the page draws a region of `type`.
    void armRegion(SensitiveType type);
    void cancelRegion();
    bool isRegionArmed() const { return m_armed; }

    /// Draws the overlay again (the page, its words, the plan or the marks changed).
    void rebuild();

    // --- for tests ----------------------------------------------------------------------------------
    /// The boxes drawn as redacted (page pixels) and the words drawn as overruled, on the shown page.
    const std::vector<PixelBox>& redactedBoxes() const { return m_redacted; }
    const std::vector<WordId>& overruledWords() const { return m_overruled; }

Q_SIGNALS:
    /// A region of `type` was drawn on `page` (page pixels).
    void regionDrawn(incidoc::PageId page, const incidoc::PixelBox& box, incidoc::SensitiveType type);
    void statusMessage(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void clearItems();
    void addRedacted(const PixelBox& box, SensitiveType type);

    PageView* m_view;
    ProjectSession* m_session = nullptr;
    RedactionPlanner* m_planner = nullptr;
    QAction* m_show;
    std::vector<QGraphicsItem*> m_items;
    std::vector<PixelBox> m_redacted;
    std::vector<WordId> m_overruled;
    bool m_armed = false;
    SensitiveType m_regionType = SensitiveType::Other;
    bool m_dragging = false;
    QPointF m_from;
    QGraphicsRectItem* m_rubber = nullptr;
};

} // namespace incidoc::ui
