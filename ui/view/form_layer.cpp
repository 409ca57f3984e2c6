#include "ui/view/form_layer.h"

#include "ui/project_session.h"
#include "ui/view/form_items.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QGraphicsScene>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMouseEvent>

#include <algorithm>
#include <cmath>
#include <set>

namespace incidoc::ui {
namespace {

/// An entity's text for a message: quoted, and cut when long.
QString quoted(const EntityRecord* e)
{
    if (!e)
        return QString();
    QString text = e->text.simplified();
    if (text.size() > 32)
        text = text.left(31) + QChar(0x2026);
    return QStringLiteral("“%1”").arg(text);
}

/// The gap between two rectangles (0 when they touch or overlap).
double gap(const QRectF& a, const QRectF& b)
{
    const double dx = std::max({0.0, b.left() - a.right(), a.left() - b.right()});
    const double dy = std::max({0.0, b.top() - a.bottom(), a.top() - b.bottom()});
    return std::hypot(dx, dy);
}

bool isLinkKey(int key)
{
    switch (key) {
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Escape: return true;
    default: return false;
    }
}

} // namespace

FormLayer::FormLayer(PageView* view) : QObject(view), m_view(view)
{
    view->installEventFilter(this);
    // The current proposal is marked only while it is what is selected.
    connect(view, &PageView::selectionChanged, this, [this] {
        if (m_current)
            markItems();
    });
    createActions();
}

void FormLayer::createActions()
{
    // The keymap: every printable key edits the selected word (page_view.cpp), so every command has Ctrl
    // or Alt, or a key that types nothing (F8). Entity labels are Alt+Shift+<initial> beside the word
    // labels' Alt+<digit>.
    auto add = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* a = new QAction(text, m_view);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while the page view has focus
        connect(a, &QAction::triggered, this, slot);
        m_view->addAction(a);
        m_actions << a;
        return a;
    };
    auto separator = [this] {
        auto* s = new QAction(this);
        s->setSeparator(true);
        m_actions << s;
    };
    add(tr("&Group Words"), {QKeySequence(QStringLiteral("Ctrl+G"))}, [this] { groupSelected(); });
    add(tr("&Ungroup"), {QKeySequence(QStringLiteral("Ctrl+Shift+G"))}, [this] { ungroupSelected(); });
    add(tr("&Select Entity"), {QKeySequence(QStringLiteral("Ctrl+Shift+E"))}, [this] { selectEntity(); });
    separator();
    add(tr("Label Entity &Header"), {QKeySequence(QStringLiteral("Alt+Shift+H"))},
        [this] { labelSelected(QStringLiteral("header")); });
    add(tr("Label Entity &Question"), {QKeySequence(QStringLiteral("Alt+Shift+Q"))},
        [this] { labelSelected(QStringLiteral("question")); });
    add(tr("Label Entity &Answer"), {QKeySequence(QStringLiteral("Alt+Shift+A"))},
        [this] { labelSelected(QStringLiteral("answer")); });
    add(tr("Label Entity &Other"), {QKeySequence(QStringLiteral("Alt+Shift+O"))},
        [this] { labelSelected(QStringLiteral("other")); });
    add(tr("&Clear Entity Label"), {QKeySequence(QStringLiteral("Alt+Shift+U"))}, [this] { labelSelected({}); });
    separator();
    add(tr("&Link to Entity…"), {QKeySequence(QStringLiteral("Ctrl+K"))}, [this] { startLink(); });
    add(tr("Link &Type…"), {QKeySequence(QStringLiteral("Alt+Shift+T"))}, [this] { chooseLinkType(); });
    add(tr("Remove the Entity’s &Links"), {QKeySequence(QStringLiteral("Alt+Shift+L"))}, [this] { removeLinks(); });
    separator();
    add(tr("&Next Proposal"), {QKeySequence(Qt::Key_F8)}, [this] { nextProposal(1); });
    add(tr("&Previous Proposal"), {QKeySequence(Qt::SHIFT | Qt::Key_F8)}, [this] { nextProposal(-1); });
    add(tr("Accept Proposal and Go &On"),
        {QKeySequence(Qt::ALT | Qt::Key_Return), QKeySequence(Qt::ALT | Qt::Key_Enter)}, [this] { acceptCurrent(); });
    add(tr("Re&ject Proposal and Go On"), {QKeySequence(Qt::ALT | Qt::Key_Delete)}, [this] { rejectCurrent(); });
    add(tr("Accept All Proposals on &Page"), {}, [this] { acceptAll(); });
    add(tr("Reject All Proposals on Pa&ge"), {}, [this] { rejectAll(); });

    m_showAction = new QAction(tr("Show &Form (Entities and Links)"), m_view);
    m_showAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+M")));
    m_showAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_showAction->setCheckable(true);
    m_showAction->setChecked(m_shown);
    connect(m_showAction, &QAction::toggled, this, &FormLayer::setShown);
    m_view->addAction(m_showAction);
}

void FormLayer::setSession(ProjectSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_linkType.clear(); // another project, other types
    if (session)
        connect(session, &ProjectSession::formChanged, this, [this](PageId page) {
            if (page == m_view->pageId())
                rebuild();
        });
}

void FormLayer::setShown(bool shown)
{
    m_shown = shown;
    if (m_showAction->isChecked() != shown)
        m_showAction->setChecked(shown);
    if (!shown)
        cancelLink();
    applyVisibility();
}

// --- items ------------------------------------------------------------------------------------------

void FormLayer::rebuild()
{
    QGraphicsScene* scene = m_view->scene();
    for (auto& [id, item] : m_entityItems) {
        scene->removeItem(item);
        delete item;
    }
    m_entityItems.clear();
    for (auto& [id, item] : m_linkItems) {
        scene->removeItem(item);
        delete item;
    }
    m_linkItems.clear();
    delete m_preview;
    m_preview = nullptr;
    m_wordEntity.clear();
    m_position.clear();

    const PageId page = m_view->pageId();
    if (page != m_page) { // another page: nothing is current or being linked there
        m_page = page;
        m_current.reset();
        m_linkFrom = 0;
        m_candidates.clear();
    }
    m_form = (m_session && page) ? m_session->form(page) : PageForm{};
    int index = 0;
    for (const EntityRecord& e : m_form.entities) {
        m_position[e.id] = index++;
        for (WordId w : e.words)
            m_wordEntity[w] = e.id;
        auto* item = new EntityItem(e);
        scene->addItem(item);
        m_entityItems.emplace(e.id, item);
    }
    for (const LinkRecord& l : m_form.links) {
        auto from = m_entityItems.find(l.from), to = m_entityItems.find(l.to);
        if (from == m_entityItems.end() || to == m_entityItems.end())
            continue;
        auto* item = new LinkItem(l, from->second->outlineRect(), to->second->outlineRect());
        scene->addItem(item);
        m_linkItems.emplace(l.id, item);
    }
    if (m_linkFrom) { // the same target stays highlighted while it is still there
        const EntityId target = linkTarget();
        if (!entityItem(m_linkFrom) || !findCandidates(m_linkFrom)) {
            cancelLink();
        } else {
            auto it = std::find(m_candidates.begin(), m_candidates.end(), target);
            m_candidate = it != m_candidates.end() ? static_cast<int>(it - m_candidates.begin()) : 0;
        }
    }
    applyVisibility();
    markItems();
}

void FormLayer::applyVisibility()
{
    const bool visible = m_shown && !m_view->overlaysHidden();
    for (auto& [id, item] : m_entityItems)
        item->setVisible(visible);
    for (auto& [id, item] : m_linkItems)
        item->setVisible(visible);
    if (m_preview)
        m_preview->setVisible(visible);
}

QList<WordId> FormLayer::currentWords() const
{
    QList<WordId> words;
    if (!m_current)
        return words;
    auto add = [&](EntityId id) {
        if (const EntityRecord* e = entity(id))
            for (WordId w : e->words)
                if (!words.contains(w))
                    words << w;
    };
    if (!m_current->isLink)
        add(m_current->id);
    else if (auto* l = linkItem(m_current->id)) {
        add(l->link().from);
        add(l->link().to);
    }
    std::sort(words.begin(), words.end());
    return words;
}

bool FormLayer::isCurrentSelected() const
{
    QList<WordId> sel = m_view->selectedWords();
    std::sort(sel.begin(), sel.end());
    const QList<WordId> words = currentWords();
    return !words.isEmpty() && words == sel;
}

void FormLayer::markItems()
{
    for (auto& [id, item] : m_entityItems)
        item->setMark(FormMark::None);
    for (auto& [id, item] : m_linkItems)
        item->setMark(FormMark::None);
    delete m_preview;
    m_preview = nullptr;
    if (m_current && isCurrentSelected()) { // marked while it is what is selected
        if (m_current->isLink) {
            if (auto* l = linkItem(m_current->id)) {
                l->setMark(FormMark::Current);
                if (auto* e = entityItem(l->link().from))
                    e->setMark(FormMark::Current);
                if (auto* e = entityItem(l->link().to))
                    e->setMark(FormMark::Current);
            }
        } else if (auto* e = entityItem(m_current->id)) {
            e->setMark(FormMark::Current);
        }
    }
    if (m_linkFrom) {
        auto* from = entityItem(m_linkFrom);
        auto* to = entityItem(linkTarget());
        if (from)
            from->setMark(FormMark::LinkSource);
        if (from && to) {
            to->setMark(FormMark::LinkTarget);
            LinkRecord preview;
            preview.from = m_linkFrom;
            preview.to = to->entityId();
            m_preview = new LinkItem(preview, from->outlineRect(), to->outlineRect());
            m_preview->setMark(FormMark::LinkTarget);
            m_preview->setZValue(4);
            m_view->scene()->addItem(m_preview);
            m_preview->setVisible(m_shown && !m_view->overlaysHidden());
        }
    }
}

// --- reads ------------------------------------------------------------------------------------------

EntityId FormLayer::entityOfWord(WordId word) const
{
    auto it = m_wordEntity.find(word);
    return it == m_wordEntity.end() ? 0 : it->second;
}

EntityId FormLayer::entityAt(const QPointF& scenePos) const
{
    EntityId best = 0;
    double bestArea = 0;
    for (const auto& [id, item] : m_entityItems) {
        const QRectF r = item->outlineRect();
        if (!r.contains(scenePos))
            continue;
        const double area = r.width() * r.height();
        if (!best || area < bestArea) {
            best = id;
            bestArea = area;
        }
    }
    return best;
}

const EntityRecord* FormLayer::entity(EntityId id) const
{
    auto it = m_entityItems.find(id);
    return it == m_entityItems.end() ? nullptr : &it->second->entity();
}

EntityItem* FormLayer::entityItem(EntityId id) const
{
    auto it = m_entityItems.find(id);
    return it == m_entityItems.end() ? nullptr : it->second;
}

LinkItem* FormLayer::linkItem(LinkId id) const
{
    auto it = m_linkItems.find(id);
    return it == m_linkItems.end() ? nullptr : it->second;
}

QList<EntityId> FormLayer::selectedEntities() const
{
    QList<EntityId> out;
    for (WordId w : m_view->selectedWords())
        if (const EntityId e = entityOfWord(w); e && !out.contains(e))
            out << e;
    return out;
}

// --- grouping and labels ----------------------------------------------------------------------------

bool FormLayer::groupSelected()
{
    const QList<WordId> sel = m_view->selectedWords();
    if (!m_session || sel.isEmpty()) {
        Q_EMIT m_view->statusMessage(tr("Select the words to group first."));
        return false;
    }
    const QList<EntityId> ents = selectedEntities();
    if (ents.size() == 1) {
        const EntityRecord* e = entity(ents.first());
        QList<WordId> words(e->words.begin(), e->words.end());
        std::sort(words.begin(), words.end());
        QList<WordId> sorted = sel;
        std::sort(sorted.begin(), sorted.end());
        if (sorted == words) { // already that entity: nothing to do but show it
            m_view->selectWords(sel);
            Q_EMIT m_view->statusMessage(tr("These words are already the entity %1.").arg(quoted(e)));
            return true;
        }
    }
    const EntityId id = m_session->groupWords(sel);
    if (!id)
        return false;
    Q_EMIT m_view->statusMessage(
        tr("Grouped %n word(s) into an entity: Alt+Shift+H, Q, A or O labels it.", nullptr, int(sel.size())));
    return true;
}

bool FormLayer::ungroupSelected()
{
    const QList<EntityId> ents = selectedEntities();
    if (!m_session || ents.isEmpty()) {
        Q_EMIT m_view->statusMessage(tr("The selected words are in no entity."));
        return false;
    }
    return m_session->ungroup(ents);
}

bool FormLayer::labelSelected(const QString& label)
{
    const QList<WordId> sel = m_view->selectedWords();
    if (!m_session || sel.isEmpty()) {
        Q_EMIT m_view->statusMessage(tr("Select the words of an entity to label it."));
        return false;
    }
    const bool allGrouped = std::all_of(sel.begin(), sel.end(), [this](WordId w) { return entityOfWord(w) != 0; });
    if (allGrouped)
        return m_session->setEntitiesLabel(selectedEntities(), label);
    // Words in no entity yet: grouped with the label, one step.
    return m_session->groupWords(sel, label) != 0;
}

bool FormLayer::selectEntity()
{
    const QList<EntityId> ents = selectedEntities();
    if (ents.isEmpty()) {
        Q_EMIT m_view->statusMessage(tr("The selected words are in no entity."));
        return false;
    }
    QList<WordId> words;
    for (EntityId id : ents)
        if (const EntityRecord* e = entity(id))
            words.append(QList<WordId>(e->words.begin(), e->words.end()));
    m_view->selectWords(words);
    return true;
}

// --- links ------------------------------------------------------------------------------------------

bool FormLayer::startLink()
{
    const QList<WordId> sel = m_view->selectedWords();
    const QList<EntityId> ents = selectedEntities();
    const bool oneEntity =
        ents.size() == 1 && std::all_of(sel.begin(), sel.end(), [this](WordId w) { return entityOfWord(w) != 0; });
    if (!m_session || !oneEntity) {
        Q_EMIT m_view->statusMessage(tr("Select the words of one entity to link from (Ctrl+G groups words)."));
        return false;
    }
    const EntityId from = ents.first();
    if (!findCandidates(from)) {
        Q_EMIT m_view->statusMessage(tr("There is no other entity on this page to link to."));
        return false;
    }
    m_candidate = 0;
    m_linkFrom = from;
    if (!m_shown)
        setShown(true);
    markItems();
    updateLinkMessage();
    return true;
}

bool FormLayer::findCandidates(EntityId from)
{
    m_candidates.clear();
    auto* source = entityItem(from);
    if (!source)
        return false;
    const QRectF r0 = source->outlineRect();
    std::vector<std::pair<std::pair<double, double>, EntityId>> others;
    for (const auto& [id, item] : m_entityItems)
        if (id != from) {
            const QRectF r = item->outlineRect();
            const QPointF d = r.center() - r0.center();
            others.push_back({{gap(r0, r), std::hypot(d.x(), d.y())}, id});
        }
    std::sort(others.begin(), others.end());
    for (const auto& o : others)
        m_candidates.push_back(o.second);
    return !m_candidates.empty();
}

EntityId FormLayer::linkTarget() const
{
    if (!m_linkFrom || m_candidates.empty())
        return 0;
    return m_candidates[static_cast<std::size_t>(m_candidate)];
}

void FormLayer::cycleTarget(int step)
{
    if (!m_linkFrom || m_candidates.empty())
        return;
    const int n = static_cast<int>(m_candidates.size());
    m_candidate = ((m_candidate + step) % n + n) % n;
    markItems();
    if (auto* item = entityItem(linkTarget()))
        m_view->ensureVisible(item->outlineRect(), 60, 60);
    updateLinkMessage();
}

void FormLayer::updateLinkMessage()
{
    if (!m_linkFrom)
        return;
    const EntityId to = linkTarget();
    const bool exists = std::any_of(m_form.links.begin(), m_form.links.end(),
                                    [&](const LinkRecord& l) { return l.from == m_linkFrom && l.to == to; });
    const QString what = exists ? tr("Return removes the link") : tr("Return links");
    Q_EMIT m_view->statusMessage(tr("Link %1 → %2: Tab or the arrows pick another entity, %3, Esc cancels; or "
                                    "click an entity.")
                                     .arg(quoted(entity(m_linkFrom)), quoted(entity(to)), what));
}

bool FormLayer::finishLink(EntityId target)
{
    if (!m_linkFrom || !m_session)
        return false;
    const EntityId from = m_linkFrom;
    const EntityId to = target ? target : linkTarget();
    if (!to || to == from || !entity(to)) {
        Q_EMIT m_view->statusMessage(tr("Pick another entity to link to, or Esc to cancel."));
        return false;
    }
    const QString fromText = quoted(entity(from)), toText = quoted(entity(to));
    m_linkFrom = 0;
    m_candidates.clear();
    markItems();
    QList<LinkId> existing;
    for (const LinkRecord& l : m_form.links)
        if (l.from == from && l.to == to)
            existing << l.id;
    if (!existing.isEmpty()) {
        if (!m_session->deleteLinks(existing))
            return false;
        Q_EMIT m_view->statusMessage(tr("Link %1 → %2 removed.").arg(fromText, toText));
        return true;
    }
    if (!m_session->linkEntities(from, to, linkType()))
        return false;
    if (linkType() == defaultLinkType())
        Q_EMIT m_view->statusMessage(tr("Linked %1 → %2.").arg(fromText, toText));
    else
        Q_EMIT m_view->statusMessage(tr("Linked %1 → %2 (%3).").arg(fromText, toText, linkType()));
    return true;
}

void FormLayer::chooseLinkType()
{
    if (!m_session)
        return;
    const QStringList types = m_session->linkTypes();
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(m_view, tr("Link Type"),
                              tr("Type of the links Ctrl+K makes (type a new name to add one):"), types,
                              std::max(0, static_cast<int>(types.indexOf(linkType()))), true, &ok)
            .trimmed()
            .toLower();
    if (!ok || chosen.isEmpty())
        return;
    if (!types.contains(chosen) && !m_session->addLinkType(chosen))
        return;
    m_linkType = chosen;
    Q_EMIT m_view->statusMessage(tr("Links made with Ctrl+K are now of type %1.").arg(chosen));
}

void FormLayer::cancelLink()
{
    if (!m_linkFrom)
        return;
    m_linkFrom = 0;
    m_candidates.clear();
    markItems();
    Q_EMIT m_view->statusMessage(tr("Link cancelled."));
}

bool FormLayer::removeLinks()
{
    const QList<EntityId> ents = selectedEntities();
    if (!m_session || ents.size() != 1) {
        Q_EMIT m_view->statusMessage(tr("Select the words of one entity to remove its links."));
        return false;
    }
    const EntityId e = ents.first();
    QList<LinkId> in, out;
    for (const LinkRecord& l : m_form.links) {
        if (l.to == e)
            in << l.id;
        else if (l.from == e)
            out << l.id;
    }
    const QList<LinkId>& gone = in.isEmpty() ? out : in;
    if (gone.isEmpty()) {
        Q_EMIT m_view->statusMessage(tr("The entity %1 has no links.").arg(quoted(entity(e))));
        return false;
    }
    return m_session->deleteLinks(gone);
}

bool FormLayer::linkKey(int key, Qt::KeyboardModifiers mods)
{
    Q_UNUSED(mods);
    switch (key) {
    case Qt::Key_Tab:
    case Qt::Key_Right:
    case Qt::Key_Down: cycleTarget(1); return true;
    case Qt::Key_Backtab:
    case Qt::Key_Left:
    case Qt::Key_Up: cycleTarget(-1); return true;
    case Qt::Key_Return:
    case Qt::Key_Enter: finishLink(); return true;
    case Qt::Key_Escape: cancelLink(); return true;
    default: return false;
    }
}

bool FormLayer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view || !m_linkFrom)
        return false;
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const auto mods = key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
        if (!isLinkKey(key->key()) || mods != Qt::NoModifier)
            return false;
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // the key comes as a key press, not as the review's Tab or Return
            return true;
        }
        linkKey(key->key(), key->modifiers());
        return true;
    }
    return false;
}

bool FormLayer::mousePress(QMouseEvent* event)
{
    if (!m_linkFrom || event->button() != Qt::LeftButton)
        return false;
    const EntityId target = entityAt(m_view->mapToScene(event->position().toPoint()));
    if (target && target != m_linkFrom)
        finishLink(target);
    else if (!target)
        cancelLink();
    event->accept();
    return true;
}

bool FormLayer::mouseDoubleClick(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_shown || m_view->overlaysHidden())
        return false;
    const QPoint pos = event->position().toPoint();
    for (auto* it : m_view->items(pos))
        if (it->type() == WordItem::Type && it->isVisible())
            return false; // on a word: the word's own double click (edit its text)
    const EntityId e = entityAt(m_view->mapToScene(pos));
    if (!e)
        return false;
    const EntityRecord* rec = entity(e);
    m_view->selectWords(QList<WordId>(rec->words.begin(), rec->words.end()));
    event->accept();
    return true;
}

// --- proposals --------------------------------------------------------------------------------------

std::vector<FormLayer::Proposal> FormLayer::proposals() const
{
    std::vector<Proposal> out;
    std::set<EntityId> inLink;
    auto pos = [this](EntityId id) {
        auto it = m_position.find(id);
        return it == m_position.end() ? 0 : it->second;
    };
    for (const LinkRecord& l : m_form.links)
        if (l.proposed) {
            out.push_back({true, l.id, pos(l.from)});
            inLink.insert(l.from);
            inLink.insert(l.to);
        }
    for (const EntityRecord& e : m_form.entities)
        if (e.proposed && !inLink.count(e.id))
            out.push_back({false, e.id, pos(e.id)});
    std::stable_sort(out.begin(), out.end(), [](const Proposal& a, const Proposal& b) {
        if (a.position != b.position)
            return a.position < b.position;
        return a.isLink < b.isLink;
    });
    return out;
}

int FormLayer::proposalCount() const
{
    return static_cast<int>(proposals().size());
}

void FormLayer::selectProposal(const Proposal& p)
{
    m_current = p;
    QList<WordId> words;
    auto addWords = [&](EntityId id) {
        if (const EntityRecord* e = entity(id))
            words.append(QList<WordId>(e->words.begin(), e->words.end()));
    };
    if (p.isLink) {
        if (auto* l = linkItem(p.id)) {
            addWords(l->link().from);
            addWords(l->link().to);
        }
    } else {
        addWords(p.id);
    }
    m_view->selectWords(words);
    markItems();
}

PageId FormLayer::otherPageWithProposals(int step) const
{
    const PageRecord& here = m_view->page();
    if (!m_session || !here.id)
        return 0;
    std::vector<PageRecord> pages = m_session->pages(here.documentId);
    std::sort(pages.begin(), pages.end(), [](const PageRecord& a, const PageRecord& b) { return a.number < b.number; });
    auto at = std::find_if(pages.begin(), pages.end(), [&](const PageRecord& p) { return p.id == here.id; });
    if (at == pages.end())
        return 0;
    const int n = static_cast<int>(pages.size());
    const int from = static_cast<int>(at - pages.begin());
    // The document's other pages after this one (before it with `step` -1), round its end.
    for (int k = 1; k < n; ++k) {
        const PageRecord& p = pages[static_cast<std::size_t>(((from + k * step) % n + n) % n)];
        const PageForm form = m_session->form(p.id);
        if (std::any_of(form.entities.begin(), form.entities.end(), [](const EntityRecord& e) { return e.proposed; })
            || std::any_of(form.links.begin(), form.links.end(), [](const LinkRecord& l) { return l.proposed; }))
            return p.id;
    }
    return 0;
}

bool FormLayer::nextProposal(int step)
{
    const std::vector<Proposal> list = proposals();
    const int n = static_cast<int>(list.size());
    int index = step > 0 ? 0 : n - 1;
    bool past = n == 0; // past the page's last (first) proposal: on to another page that has some
    if (m_current && n > 0) {
        auto it = std::find_if(list.begin(), list.end(), [&](const Proposal& p) {
            return p.isLink == m_current->isLink && p.id == m_current->id;
        });
        if (it != list.end()) {
            const int i = static_cast<int>(it - list.begin()) + step;
            past = i < 0 || i >= n;
            index = (i % n + n) % n;
        } else if (step > 0) {
            auto next = std::find_if(list.begin(), list.end(),
                                     [&](const Proposal& p) { return p.position >= m_current->position; });
            past = next == list.end();
            index = past ? 0 : static_cast<int>(next - list.begin());
        } else {
            index = -1;
            for (int i = 0; i < n; ++i)
                if (list[static_cast<std::size_t>(i)].position < m_current->position)
                    index = i;
            past = index < 0;
            if (past)
                index = n - 1;
        }
    }
    if (past) {
        if (const PageId other = otherPageWithProposals(step > 0 ? 1 : -1)) {
            m_current.reset();
            Q_EMIT m_view->proposalPageRequested(other, step > 0 ? 1 : -1);
            return true;
        }
    }
    if (n == 0) {
        m_current.reset();
        markItems();
        Q_EMIT m_view->statusMessage(tr("No proposals in this document."));
        return false;
    }
    selectProposal(list[static_cast<std::size_t>(index)]);
    Q_EMIT m_view->statusMessage(
        tr("Proposal %1 of %2: Alt+Return accepts, Alt+Delete rejects, F8 skips.").arg(index + 1).arg(n));
    return true;
}

void FormLayer::goOnFrom(int position)
{
    const std::vector<Proposal> list = proposals();
    auto next = std::find_if(list.begin(), list.end(), [&](const Proposal& p) { return p.position >= position; });
    if (next == list.end()) { // the page is done from here on: the next page that has proposals
        if (const PageId other = otherPageWithProposals(1)) {
            m_current.reset();
            Q_EMIT m_view->proposalPageRequested(other, 1);
            return;
        }
    }
    if (list.empty()) {
        m_current.reset();
        markItems();
        Q_EMIT m_view->statusMessage(tr("No proposals left in this document."));
        return;
    }
    selectProposal(next == list.end() ? list.front() : *next);
    Q_EMIT m_view->statusMessage(tr("%n proposal(s) left on this page.", nullptr, static_cast<int>(list.size())));
}

bool FormLayer::decideCurrent(bool accept)
{
    if (!m_session)
        return false;
    QList<EntityId> entities;
    QList<LinkId> links;
    int position = 0;
    // The current proposal while its words are still what is selected; else what the selection holds.
    if (m_current && isCurrentSelected()) {
        (m_current->isLink ? links : entities) << m_current->id;
        position = m_current->position;
    }
    if (entities.isEmpty() && links.isEmpty()) {
        const QList<EntityId> selected = selectedEntities();
        for (EntityId id : selected)
            if (const EntityRecord* e = entity(id); e && e->proposed)
                entities << id;
        for (const LinkRecord& l : m_form.links)
            if (l.proposed && selected.contains(l.from) && selected.contains(l.to))
                links << l.id;
        if (!selected.isEmpty())
            position = m_position[selected.first()];
    }
    if (entities.isEmpty() && links.isEmpty()) {
        Q_EMIT m_view->statusMessage(tr("Select a proposal first (F8 goes to the next one)."));
        return false;
    }
    m_current.reset();
    const bool ok = accept ? m_session->acceptProposals(entities, links) : m_session->rejectProposals(entities, links);
    if (ok)
        goOnFrom(position);
    return ok;
}

bool FormLayer::acceptCurrent()
{
    return decideCurrent(true);
}

bool FormLayer::rejectCurrent()
{
    return decideCurrent(false);
}

bool FormLayer::acceptAll()
{
    QList<EntityId> entities;
    QList<LinkId> links;
    for (const EntityRecord& e : m_form.entities)
        if (e.proposed)
            entities << e.id;
    for (const LinkRecord& l : m_form.links)
        if (l.proposed)
            links << l.id;
    if (!m_session || (entities.isEmpty() && links.isEmpty())) {
        Q_EMIT m_view->statusMessage(tr("No proposals on this page."));
        return false;
    }
    m_current.reset();
    if (!m_session->acceptProposals(entities, links))
        return false;
    Q_EMIT m_view->statusMessage(
        tr("Accepted %n proposal(s).", nullptr, static_cast<int>(entities.size() + links.size())));
    return true;
}

bool FormLayer::rejectAll()
{
    QList<EntityId> entities;
    QList<LinkId> links;
    for (const EntityRecord& e : m_form.entities)
        if (e.proposed)
            entities << e.id;
    for (const LinkRecord& l : m_form.links)
        if (l.proposed)
            links << l.id;
    if (!m_session || (entities.isEmpty() && links.isEmpty())) {
        Q_EMIT m_view->statusMessage(tr("No proposals on this page."));
        return false;
    }
    m_current.reset();
    if (!m_session->rejectProposals(entities, links))
        return false;
    Q_EMIT m_view->statusMessage(
        tr("Rejected %n proposal(s).", nullptr, static_cast<int>(entities.size() + links.size())));
    return true;
}

} // namespace incidoc::ui
