#pragma once
// The page's form in the page view: its entities drawn as outlined groups and its links as arrows
// (form_items.h), redrawn when the session says the page's form changed, and the keyboard commands that
// edit it: group the selected words into an entity and ungroup, label the entity of the selection, select
// an entity's words, link two entities (link mode: the target picked by keyboard or by a click), remove
// links, and walk the page's proposals accepting or rejecting each with one key. Every edit goes through
// ProjectSession: one undo step each.
//
// Link mode (startLink): the source is the entity of the selected words; Tab / Right / Down (Shift+Tab /
// Left / Up) cycle through the page's other entities, nearest first; Return links the source to the one
// highlighted (or removes that link when it is already there); a click on an entity links to it; Escape or a
// click elsewhere cancels. While it lasts those keys do nothing else (they are taken before the shortcuts).
//
// Thread contract: GUI thread only. Belongs to a PageView, like PageGestures.

#include "core/model/forms.h"

#include <QObject>
#include <QPointF>

#include <optional>
#include <unordered_map>

class QAction;
class QMouseEvent;

namespace incidoc::ui {

class EntityItem;
class LinkItem;
class PageView;
class ProjectSession;

class FormLayer : public QObject {
    Q_OBJECT
public:
    explicit FormLayer(PageView* view);

    /// Follows the session's formChanged for the page shown (null: none).
    void setSession(ProjectSession* session);
    /// Reads the shown page's form again and remakes its items (the page view calls it when it rebuilds
    /// its overlay; the words' boxes may have moved).
    void rebuild();
    /// Shows or hides the items: shown when "Show Form" is on and the overlays are not hidden (Ctrl+H).
    void applyVisibility();

    /// The Form menu's actions, and View › Show Form.
    QList<QAction*> actions() const { return m_actions; }
    QAction* showAction() const { return m_showAction; }
    bool isShown() const { return m_shown; }
    void setShown(bool shown);

    // --- the commands (also bound to keys) ----------------------------------------------------------
    /// Groups the selected words into an entity; words that are already exactly one entity re-select it.
    bool groupSelected();
    /// Ungroups the entities of the selected words (their words stay).
    bool ungroupSelected();
    /// Labels the entities of the selected words (`label` "": none). Selected words in no entity are
    /// grouped into a new entity with that label first (one undo step).
    bool labelSelected(const QString& label);
    /// Selects every word of the entities of the selected words.
    bool selectEntity();
    /// Starts link mode from the entity of the selected words. False (with a message) when the
    /// selection is not the words of one entity or the page has no other entity.
    bool startLink();
    bool isLinking() const { return m_linkFrom != 0; }
    /// The type of the links Ctrl+K makes ("" or defaultLinkType(): key -> value).
    QString linkType() const { return m_linkType.isEmpty() ? defaultLinkType() : m_linkType; }
    void setLinkType(const QString& type) { m_linkType = type; }
    /// Asks for the type of the links to make (the project's types; a new name is added to them).
    void chooseLinkType();
    EntityId linkSource() const { return m_linkFrom; }
    /// The entity link mode would link to now (0: none).
    EntityId linkTarget() const;
    /// Moves the highlighted target `step` entities on (nearest first, wrapping).
    void cycleTarget(int step);
    /// Links the source to `target` (0: the highlighted one), or removes that link when it exists; ends
    /// link mode.
    bool finishLink(EntityId target = 0);
    void cancelLink();
    /// Removes the links into the entity of the selected words (those out of it when none comes in).
    bool removeLinks();

    // --- proposals -----------------------------------------------------------------------------------
    /// Selects the next (`step` 1) or previous (-1) proposal of the page after the current one: a proposed
    /// link (with its two entities), or a proposed entity in no proposed link. Past the page's last one,
    /// the next page of the document that has proposals is asked for (PageView::proposalPageRequested;
    /// its first proposal is then selected); with none, the walk wraps round the page. False: none at all.
    bool nextProposal(int step = 1);
    /// Accepts (rejects) the current proposal — or, when none is current, the proposals of the selected
    /// words' entities — then goes on to the next one. One undo step.
    bool acceptCurrent();
    bool rejectCurrent();
    /// Accepts (rejects) every proposal of the page, one undo step.
    bool acceptAll();
    bool rejectAll();
    /// How many proposals the walk has left on the page.
    int proposalCount() const;

    // --- reads ---------------------------------------------------------------------------------------
    const PageForm& form() const { return m_form; }
    /// The entity of a word of the shown page (0: none).
    EntityId entityOfWord(WordId word) const;
    /// The entity whose outline is under a scene point, the smallest one first (0: none).
    EntityId entityAt(const QPointF& scenePos) const;
    const EntityRecord* entity(EntityId id) const;
    EntityItem* entityItem(EntityId id) const;
    LinkItem* linkItem(LinkId id) const;
    int entityItemCount() const { return static_cast<int>(m_entityItems.size()); }
    int linkItemCount() const { return static_cast<int>(m_linkItems.size()); }

    // --- from the page view's event handlers ---------------------------------------------------------
    /// A press while linking picks the target (or cancels); true when taken.
    bool mousePress(QMouseEvent* event);
    /// A double click on an entity's outline (not on a word) selects its words; true when taken.
    bool mouseDoubleClick(QMouseEvent* event);

    /// The entities selected on the page (their outlines), for actions on entities (redaction marks).
    QList<EntityId> selectedEntities() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Proposal {
        bool isLink = false;
        long long id = 0;
        int position = 0; ///< reading-order index of its first entity
    };

    void createActions();
    /// The document's next (`step` 1) or previous (-1) page, round its end, that has proposals (0: none).
    PageId otherPageWithProposals(int step) const;
    std::vector<Proposal> proposals() const;
    void markItems();
    /// The words of the current proposal (sorted), and whether they are exactly the selection.
    QList<WordId> currentWords() const;
    bool isCurrentSelected() const;
    void selectProposal(const Proposal& p);
    /// After an accept or reject: the next proposal from where the last one was.
    void goOnFrom(int position);
    bool decideCurrent(bool accept);
    /// The other entities of the page, nearest to `from` first; false when there is none.
    bool findCandidates(EntityId from);
    void updateLinkMessage();
    bool linkKey(int key, Qt::KeyboardModifiers mods);

    PageView* m_view;
    ProjectSession* m_session = nullptr;
    PageId m_page = 0; ///< the page m_form is of
    PageForm m_form;
    std::unordered_map<EntityId, EntityItem*> m_entityItems;
    std::unordered_map<LinkId, LinkItem*> m_linkItems;
    std::unordered_map<WordId, EntityId> m_wordEntity;
    std::unordered_map<EntityId, int> m_position; ///< reading-order index of each entity
    bool m_shown = true;

    EntityId m_linkFrom = 0;
    QString m_linkType;                 ///< of the links made; "" the default
    std::vector<EntityId> m_candidates; ///< link mode: the other entities, nearest first
    int m_candidate = 0;
    LinkItem* m_preview = nullptr;

    std::optional<Proposal> m_current;

    QList<QAction*> m_actions;
    QAction* m_showAction = nullptr;
};

} // namespace incidoc::ui
