#include "ui/view/page_view.h"

#include "ui/controllers/region_ocr.h"
#include "ui/controllers/render_controller.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"
#include "ui/view/form_layer.h"
#include "ui/view/inline_editor.h"
#include "ui/view/line_editor.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_gestures.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QUndoStack>

#include <cmath>
#include <map>

namespace incidoc::ui {
namespace {

constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 8.0;
constexpr int kRenderDpis[] = {36, 54, 72, 100, 150, 200, 300, 400, 600};

} // namespace

PageView::PageView(std::shared_ptr<Workplace> workplace, QWidget* parent)
    : QGraphicsView(parent), m_render(new RenderController(workplace, this)), m_style(std::make_unique<OverlayStyle>())
{
    auto* scene = new QGraphicsScene(this);
    // Items are rebuilt whole when a page's words change; a BSP tree would be rebuilt each time.
    scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    setScene(scene);
    setBackgroundBrush(palette().color(QPalette::Dark));
    setCacheMode(QGraphicsView::CacheBackground); // the page image is the background: panning reuses it
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing);
    setRenderHint(QPainter::SmoothPixmapTransform, true);
    setRenderHint(QPainter::Antialiasing, false);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::NoAnchor);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(false); // files dropped here go to the main window (import)

    m_handles = new HandlesItem();
    m_handles->setVisible(false);
    scene->addItem(m_handles);

    connect(scene, &QGraphicsScene::selectionChanged, this, &PageView::onSceneSelectionChanged);
    connect(m_render, &RenderController::rendered, this, [this](PageId page, int dpi, const QPixmap& pixmap) {
        if (page != m_page.id)
            return;
        m_pixmap = pixmap;
        m_shownDpi = dpi;
        resetCachedContent();
        viewport()->update();
        if (m_editor->isOpen())
            m_editor->reposition(); // the strip shows the sharper render
        Q_EMIT pageRendered(page, dpi);
    });
    connect(m_render, &RenderController::failed, this, [this](PageId page, const QString& message) {
        if (page == m_page.id)
            Q_EMIT statusMessage(tr("The page image cannot be shown: %1").arg(message));
    });

    m_gestures = new PageGestures(this);
    m_form = new FormLayer(this);
    m_editor = new InlineEditor(this);
    m_lineEditor = new LineEditor(this);
    m_regionOcr = new RegionOcrController(std::move(workplace), this);

    createActions();
}

PageView::~PageView()
{
    // The scene deletes its items after this body: their deselection must not reach a half-dead view.
    disconnect(scene(), nullptr, this, nullptr);
    m_rebuilding = true;
    // The parts that call back into the view go before it: the editor would commit on the focus its line
    // edit loses as the viewport goes, and a region read would be handed to a dead view.
    delete m_editor;
    m_editor = nullptr;
    delete m_lineEditor;
    m_lineEditor = nullptr;
    delete m_regionOcr; // waits for the read in flight; its result is dropped
    m_regionOcr = nullptr;
}

void PageView::createActions()
{
    // The keymap: with one word selected every printable key (letters, digits, punctuation) starts
    // editing that word with the character typed, so no command is on a plain printable key. Commands
    // use Ctrl or Alt, or keys that type nothing (F2, Delete, Tab, Return, arrows, Escape).
    auto add = [this](QList<QAction*>& list, const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcuts(keys);
        // They act only while the page view (or its editor) has focus, so typing elsewhere is safe.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        list << a;
        return a;
    };
    add(m_viewActions, tr("Zoom &In"), {QKeySequence(QStringLiteral("Ctrl++")), QKeySequence(QStringLiteral("Ctrl+="))},
        [this] { zoomBy(1.25); });
    add(m_viewActions, tr("Zoom &Out"), {QKeySequence(QStringLiteral("Ctrl+-"))}, [this] { zoomBy(0.8); });
    add(m_viewActions, tr("&Actual Size (100 %)"), {QKeySequence(QStringLiteral("Ctrl+0"))}, [this] { actualSize(); });
    add(m_viewActions, tr("Fit &Width"), {QKeySequence(QStringLiteral("Ctrl+1"))}, [this] { fitWidth(); });
    add(m_viewActions, tr("Fit &Page"), {QKeySequence(QStringLiteral("Ctrl+2"))}, [this] { fitPage(); });
    auto toggle = [&](const QString& text, const QString& key, bool on, auto setter) {
        auto* a = add(m_viewActions, text, {QKeySequence(key)}, [] {});
        a->setCheckable(true);
        a->setChecked(on);
        connect(a, &QAction::toggled, this, setter);
    };
    toggle(tr("Show &Words"), QStringLiteral("Ctrl+Shift+W"), true, [this](bool on) { setShowWords(on); });
    toggle(tr("Show &Lines"), QStringLiteral("Ctrl+Shift+L"), false, [this](bool on) { setShowLines(on); });
    toggle(tr("Show &Blocks"), QStringLiteral("Ctrl+Shift+K"), false, [this](bool on) { setShowBlocks(on); });
    toggle(tr("Show Recognized &Text Above Boxes"), QStringLiteral("Ctrl+T"), false,
           [this](bool on) { setShowText(on); });
    m_viewActions << m_form->showAction();

    add(m_editActions, tr("&Edit Text"), {QKeySequence(Qt::Key_F2)}, [this] { startTextEdit(); });
    add(m_editActions, tr("Edit &Line"), {QKeySequence(QStringLiteral("Shift+F2"))}, [this] { startLineEdit(); });
    auto* draw = add(m_editActions, tr("&Draw Box"), {QKeySequence(QStringLiteral("Ctrl+B"))}, [] {});
    draw->setCheckable(true);
    connect(draw, &QAction::toggled, this, [this](bool on) { setDrawMode(on); });
    add(m_editActions, tr("De&lete Words"), {QKeySequence::Delete}, [this] { deleteSelected(); });
    add(m_editActions, tr("&Merge Words"), {QKeySequence(QStringLiteral("Ctrl+M"))}, [this] { mergeSelected(); });
    add(m_editActions, tr("&Split Word"), {QKeySequence(QStringLiteral("Alt+S"))}, [this] { splitSelected(); });
    add(m_editActions, tr("Select &All Words"), {QKeySequence::SelectAll}, [this] {
        QList<WordId> all;
        for (const auto& w : m_words)
            all << w.id;
        selectWords(all);
    });
    for (int k = 1; k <= 9; ++k) {
        const QString key = QString::number(k);
        m_labelActions << add(m_editActions, tr("Assign Label %1").arg(k),
                              {QKeySequence(QStringLiteral("Alt+%1").arg(k))}, [this, key] { assignLabelKey(key); });
    }
    add(m_editActions, tr("Clear Label"), {QKeySequence(QStringLiteral("Alt+0"))},
        [this] { assignLabelKey(QStringLiteral("0")); });
    updateLabelActions();
}

void PageView::updateLabelActions()
{
    std::map<QString, QString> names; // key -> label name
    if (m_session)
        for (const auto& l : m_session->labels())
            names[l.shortcut] = l.name;
    for (int k = 1; k <= m_labelActions.size(); ++k) {
        QAction* a = m_labelActions[k - 1];
        auto it = names.find(QString::number(k));
        // Only the keys that have a label are in the menus; the others say so when pressed.
        a->setText(it != names.end() ? tr("Label “%1”").arg(it->second) : tr("Assign Label %1").arg(k));
        a->setVisible(it != names.end() || !m_session);
    }
}

// --- session and page -----------------------------------------------------------------------------

void PageView::setSession(ProjectSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_form->setSession(session);
    m_render->cache().clear();
    m_page = {};
    // A project opens fitted to the width, whatever zoom the previous one had.
    m_fit = FitMode::Width;
    m_viewStates.clear();
    if (session) {
        connect(session, &ProjectSession::wordsChanged, this, [this](PageId page) {
            if (page == m_page.id)
                rebuildOverlay(); // only the page on screen is redrawn
        });
        connect(session, &ProjectSession::pageChanged, this, [this](PageId page) {
            if (page == m_page.id)
                reloadPage();
        });
        connect(session, &ProjectSession::labelsChanged, this, &PageView::reloadLabels);
        connect(session, &ProjectSession::labelsChanged, this, &PageView::updateLabelActions);
        connect(session, &QObject::destroyed, this, [this] {
            m_session = nullptr;
            showPage(0);
        });
        reloadLabels();
    }
    updateLabelActions();
    showPage(0);
}

void PageView::showPage(PageId pageId)
{
    cancelTextEdit();
    if (pageId == 0 || !m_session) {
        m_page = {};
        m_document = {};
        m_words.clear();
        m_pixmap = {};
        m_shownDpi = 0;
        rebuildOverlay();
        resetCachedContent();
        viewport()->update();
        return;
    }
    const PageId previous = m_page.id;
    auto page = m_session->page(pageId);
    if (!page) {
        Q_EMIT statusMessage(tr("Page %1 no longer exists.").arg(pageId));
        return;
    }
    if (previous && previous != pageId)
        rememberViewState();
    auto doc = m_session->document(page->documentId);
    m_page = *page;
    m_document = doc ? *doc : DocumentRecord{};
    if (previous != pageId) {
        m_pixmap = {};
        m_shownDpi = 0;
    }
    scene()->setSceneRect(QRectF(QPointF(0, 0), pageSize()));
    if (previous != pageId) {
        // Where this page was last looked at; a new page starts at its top, fitted to the width.
        auto it = m_viewStates.find(pageId);
        if (it != m_viewStates.end()) {
            m_fit = it->second.fit;
            if (m_fit == FitMode::None)
                setZoom(it->second.zoom);
            applyFit();
            centerOn(it->second.centre);
        } else if (m_fit == FitMode::None) { // the zoom stays, the page starts at its top
            horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
            verticalScrollBar()->setValue(verticalScrollBar()->minimum());
        } else {
            applyFit();
        }
    } else {
        applyFit();
    }
    rebuildOverlay();
    requestRender();
    resetCachedContent();
    viewport()->update();
}

void PageView::reloadPage()
{
    auto page = m_session ? m_session->page(m_page.id) : std::nullopt;
    if (!page) {
        showPage(0);
        return;
    }
    // A photo flattened (or its corners moved) may keep the size and still show another image.
    const bool geometry = page->widthPx != m_page.widthPx || page->heightPx != m_page.heightPx
                          || page->dpi != m_page.dpi || page->photo != m_page.photo;
    m_page = *page;
    if (geometry) { // processed at last (or again): the stand-in size and renders no longer fit
        m_render->invalidate(m_page.id);
        m_pixmap = {};
        m_shownDpi = 0;
        scene()->setSceneRect(QRectF(QPointF(0, 0), pageSize()));
        applyFit();
        requestRender();
        resetCachedContent();
    }
    rebuildOverlay();
}

QSizeF PageView::pageSize() const
{
    if (m_page.widthPx > 0 && m_page.heightPx > 0)
        return QSizeF(m_page.widthPx, m_page.heightPx);
    if (m_page.widthPt > 0) // not processed yet: the size it will have at the processing DPI
        return QSizeF(m_page.widthPt * m_defaultDpi / 72.0, m_page.heightPt * m_defaultDpi / 72.0);
    return QSizeF(m_page.id ? 2550 : 0, m_page.id ? 3300 : 0);
}

void PageView::reloadLabels()
{
    m_style->labelColors.clear();
    if (m_session)
        for (const auto& l : m_session->labels())
            m_style->labelColors[l.id] = QColor(l.color);
    if (m_filter)
        reapplyFilter();
    viewport()->update();
}

void PageView::setWordFilter(const std::optional<WordFilter>& filter)
{
    m_filter = filter;
    reapplyFilter();
}

bool PageView::isWordKept(WordId word) const
{
    return m_items.count(word) && (!m_filter || m_kept.count(word));
}

bool PageView::applyVisibility()
{
    m_kept.clear();
    if (m_filter) // the one implementation of the matching, shared with the review navigation
        for (const WordRecord& w : ReviewNavigator::filterWords(m_words, *m_filter))
            m_kept.insert(w.id);
    const bool wasRebuilding = m_rebuilding;
    m_rebuilding = true; // one selectionChanged for the whole pass, sent by the caller
    bool dropped = false;
    for (auto& [id, item] : m_items) {
        const bool kept = !m_filter || m_kept.count(id);
        // Only the filter deselects: "Show Words" off hides boxes but keeps what is selected.
        if (!kept && item->isSelected()) {
            item->setSelected(false);
            dropped = true;
        }
        item->setVisible(m_showWords && kept && !m_overlaysHidden);
    }
    for (auto* item : m_regionItems)
        item->setVisible(!m_overlaysHidden);
    m_form->applyVisibility();
    m_rebuilding = wasRebuilding;
    return dropped;
}

void PageView::reapplyFilter()
{
    if (applyVisibility()) {
        if (m_editor->isOpen() && !isWordKept(m_editor->word()))
            cancelTextEdit();
        updateHandles();
        Q_EMIT selectionChanged(m_page.id, selectedWords());
    }
    Q_EMIT filterApplied(m_page.id, filteredWordCount(), wordItemCount());
}

void PageView::rebuildOverlay()
{
    m_rebuilding = true;
    const QList<WordId> keep = selectedWords();
    auto* s = scene();
    for (auto& [id, item] : m_items) {
        s->removeItem(item);
        delete item;
    }
    m_items.clear();
    for (auto* item : m_regionItems) {
        s->removeItem(item);
        delete item;
    }
    m_regionItems.clear();
    m_words = (m_session && m_page.id) ? m_session->words(m_page.id) : std::vector<WordRecord>{};

    m_items.reserve(m_words.size());
    for (const auto& w : m_words) {
        auto* item = new WordItem(w, m_style.get());
        item->setOpacity(m_overlayOpacity);
        s->addItem(item);
        m_items.emplace(w.id, item);
    }
    applyVisibility(); // before the selection comes back: words the filter hides stay unselected
    if (m_showLines || m_showBlocks) {
        std::map<std::pair<int, int>, QRectF> lines;
        std::map<int, QRectF> blocks;
        for (const auto& w : m_words) {
            const QRectF r = toRectF(w.box);
            auto& l = lines[{w.block, w.line}];
            l = l.isNull() ? r : l.united(r);
            auto& b = blocks[w.block];
            b = b.isNull() ? r : b.united(r);
        }
        if (m_showLines)
            for (const auto& [k, r] : lines)
                m_regionItems << new RegionItem(r.adjusted(-3, -3, 3, 3), &m_style->linePen);
        if (m_showBlocks)
            for (const auto& [k, r] : blocks)
                m_regionItems << new RegionItem(r.adjusted(-8, -8, 8, 8), &m_style->blockPen);
        for (auto* item : m_regionItems) {
            item->setVisible(!m_overlaysHidden);
            s->addItem(item);
        }
    }
    m_form->rebuild(); // the words' boxes may have moved
    for (WordId id : keep)
        if (auto* item = wordItem(id))
            item->setSelected(true);
    m_rebuilding = false;
    updateHandles();
    const QList<WordId> now = selectedWords();
    if (now != keep || true)
        Q_EMIT selectionChanged(m_page.id, now); // the inspector re-reads the (maybe changed) words
    Q_EMIT filterApplied(m_page.id, filteredWordCount(), wordItemCount());
    Q_EMIT overlayBuilt(m_page.id, static_cast<int>(m_items.size()));
}

WordItem* PageView::wordItem(WordId word) const
{
    auto it = m_items.find(word);
    return it == m_items.end() ? nullptr : it->second;
}

bool PageView::isRenderPending() const
{
    return m_render->isPending();
}

// --- rendering ------------------------------------------------------------------------------------

int PageView::renderDpiFor(double zoom) const
{
    if (m_document.kind == DocumentKind::Image)
        return 0; // an image has one pixel grid
    const double pageDpi = m_page.dpi > 0 ? m_page.dpi : m_defaultDpi;
    const double needed = pageDpi * zoom * devicePixelRatioF();
    for (int d : kRenderDpis)
        if (d >= needed * 0.95)
            return d;
    return kRenderDpis[std::size(kRenderDpis) - 1];
}

void PageView::requestRender()
{
    if (!m_page.id || m_document.path.isEmpty())
        return;
    if (failedInIsolation(m_page))
        return; // processing it crashed, hung or ran out of memory: drawBackground() says so instead
    m_wantedDpi = renderDpiFor(m_zoom);
    if (m_wantedDpi == m_shownDpi && !m_pixmap.isNull())
        return;
    RenderController::Target t;
    t.page = m_page.id;
    t.path = m_document.path;
    t.kind = m_document.kind;
    t.number = m_page.number;
    t.dpi = m_wantedDpi;
    t.photo = m_page.photo;
    int cachedDpi = 0;
    QPixmap pixmap = m_render->request(t, &cachedDpi);
    if (!pixmap.isNull()
        && (m_pixmap.isNull() || cachedDpi == m_wantedDpi
            || std::abs(cachedDpi - m_wantedDpi) < std::abs(m_shownDpi - m_wantedDpi))) {
        m_pixmap = pixmap;
        m_shownDpi = cachedDpi;
        resetCachedContent();
        viewport()->update();
    }
}

void PageView::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, backgroundBrush());
    if (!m_page.id)
        return;
    const QRectF pageRect(QPointF(0, 0), pageSize());
    painter->fillRect(pageRect.translated(4 / m_zoom, 4 / m_zoom), QColor(0, 0, 0, 60));
    painter->fillRect(pageRect, Qt::white);
    if (!m_pixmap.isNull())
        painter->drawPixmap(pageRect, m_pixmap, QRectF(m_pixmap.rect()));
    if (failedInIsolation(m_page)) {
        painter->save();
        painter->setPen(palette().color(QPalette::WindowText));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() / std::max(0.05, m_zoom));
        painter->setFont(f);
        painter->drawText(
            pageRect.adjusted(pageRect.width() / 10, pageRect.height() / 10, -pageRect.width() / 10, 0),
            Qt::AlignTop | Qt::AlignHCenter | Qt::TextWordWrap,
            m_page.error.isEmpty()
                ? FailureText::pageNotShown(m_page.failure)
                : QStringLiteral("%1\n\n%2").arg(FailureText::pageNotShown(m_page.failure), m_page.error));
        painter->restore();
    }
}

// --- zoom -----------------------------------------------------------------------------------------

void PageView::setZoom(double zoom, const QPointF* anchorScene)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const QPointF anchor = anchorScene ? *anchorScene : mapToScene(viewport()->rect().center());
    const QPoint anchorView = anchorScene ? mapFromScene(*anchorScene) : viewport()->rect().center();
    m_zoom = zoom;
    setTransform(QTransform::fromScale(zoom, zoom));
    // Keep the anchor under the same screen point.
    const QPointF now = mapToScene(anchorView);
    const QPointF delta = (now - anchor) * zoom;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::lround(delta.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::lround(delta.y())));
    updateHandles();
    positionEditor();
    requestRender();
    Q_EMIT zoomChanged(m_zoom);
}

void PageView::zoomBy(double factor)
{
    m_fit = FitMode::None;
    // Zooming keeps the selection in sight: it zooms about the selected words when there are some.
    QRectF sel;
    for (WordId id : selectedWords())
        if (auto* item = wordItem(id))
            sel = sel.isNull() ? item->sceneBox() : sel.united(item->sceneBox());
    if (sel.isNull()) {
        setZoom(m_zoom * factor);
        return;
    }
    const QPointF anchor = sel.center();
    setZoom(m_zoom * factor, &anchor);
    if (!mapToScene(viewport()->rect()).boundingRect().contains(sel))
        centerOn(anchor);
}

void PageView::fitWidth()
{
    m_fit = FitMode::Width;
    applyFit();
}

void PageView::fitPage()
{
    m_fit = FitMode::Page;
    applyFit();
}

void PageView::actualSize()
{
    m_fit = FitMode::None;
    setZoom(1.0);
}

void PageView::applyFit()
{
    const QSizeF size = pageSize();
    if (m_fit == FitMode::None || size.isEmpty())
        return;
    const QSize vp = maximumViewportSize() - QSize(verticalScrollBar()->sizeHint().width() + 8, 8);
    double z = vp.width() / size.width();
    if (m_fit == FitMode::Page)
        z = std::min(z, (maximumViewportSize().height() - 8) / size.height());
    setZoom(z);
    if (m_fit == FitMode::Width || m_fit == FitMode::Page) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
        verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    }
}

void PageView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    applyFit();
}

void PageView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const QPointF anchor = mapToScene(event->position().toPoint());
        m_fit = FitMode::None;
        setZoom(m_zoom * std::pow(1.0015, event->angleDelta().y()), &anchor);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PageView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (m_editor->lineEdit()->isVisible())
        positionEditor();
}

// --- selection ------------------------------------------------------------------------------------

QList<WordId> PageView::selectedWords() const
{
    QList<WordId> ids;
    // In reading order, whatever order the scene keeps them in.
    for (const auto& w : m_words) {
        auto it = m_items.find(w.id);
        if (it != m_items.end() && it->second->isSelected())
            ids << w.id;
    }
    return ids;
}

void PageView::selectWords(const QList<WordId>& words)
{
    m_rebuilding = true;
    scene()->clearSelection();
    WordItem* first = nullptr;
    for (WordId id : words) {
        if (!isWordKept(id))
            continue; // hidden by the filter: not selectable
        if (auto* item = wordItem(id)) {
            item->setSelected(true);
            if (!first)
                first = item;
        }
    }
    m_rebuilding = false;
    if (first)
        ensureVisible(first->sceneBox(), 60, 60);
    const QList<WordId> now = selectedWords();
    if (now.size() == 1 || !now.contains(m_anchor))
        m_anchor = now.isEmpty() ? 0 : now.first();
    onSceneSelectionChanged();
}

void PageView::revealWord(WordId word)
{
    auto* item = wordItem(word);
    if (!item)
        return;
    const QRectF box = item->sceneBox();
    const double onScreen = box.height() * m_zoom;
    if (m_readableHeight > 0 && onScreen > 0 && onScreen < m_readableHeight) {
        m_fit = FitMode::None;
        const QPointF c = box.center();
        // Not so far that the word's line would not fit the view's width.
        const double z = std::min(m_readableHeight / box.height(), viewport()->width() * 0.9 / box.width());
        setZoom(std::max(m_zoom, z), &c);
    }
    centerOn(box.center());
    updateHandles();
    positionEditor();
}

std::vector<const WordRecord*> PageView::keptWords() const
{
    std::vector<const WordRecord*> out;
    for (const auto& w : m_words)
        if (isWordKept(w.id))
            out.push_back(&w);
    return out;
}

bool PageView::selectNextWord(int step, bool extend)
{
    const std::vector<const WordRecord*> words = keptWords();
    const QList<WordId> sel = selectedWords();
    if (words.empty() || sel.isEmpty())
        return false;
    auto indexOf = [&](WordId id) {
        for (std::size_t i = 0; i < words.size(); ++i)
            if (words[i]->id == id)
                return static_cast<int>(i);
        return -1;
    };
    if (!extend) {
        const int from = indexOf(step > 0 ? sel.last() : sel.first());
        const int to = from + step;
        if (from < 0 || to < 0 || to >= static_cast<int>(words.size()))
            return false;
        selectWords({words[static_cast<std::size_t>(to)]->id});
        return true;
    }
    // Shift: the selection runs from the anchor to a moving end, in reading order.
    const int anchor = indexOf(sel.contains(m_anchor) ? m_anchor : sel.first());
    const int first = indexOf(sel.first()), last = indexOf(sel.last());
    if (anchor < 0 || first < 0 || last < 0)
        return false;
    const int end = (anchor == first ? last : first) + step;
    if (end < 0 || end >= static_cast<int>(words.size()))
        return false;
    QList<WordId> range;
    for (int i = std::min(anchor, end); i <= std::max(anchor, end); ++i)
        range << words[static_cast<std::size_t>(i)]->id;
    const WordId keepAnchor = words[static_cast<std::size_t>(anchor)]->id;
    selectWords(range);
    m_anchor = keepAnchor;
    if (auto* item = wordItem(words[static_cast<std::size_t>(end)]->id))
        ensureVisible(item->sceneBox(), 60, 60);
    return true;
}

bool PageView::selectWordOnNextLine(int step)
{
    const std::vector<const WordRecord*> words = keptWords();
    const QList<WordId> sel = selectedWords();
    if (words.empty() || sel.isEmpty())
        return false;
    const WordRecord* from = nullptr;
    for (const auto* w : words)
        if (w->id == (step > 0 ? sel.last() : sel.first()))
            from = w;
    if (!from)
        return false;
    // The nearest line below (above): the words whose vertical centre is past this word's box, the
    // closest such line first, then the word nearest horizontally.
    const double cy = (from->box.y0 + from->box.y1) / 2.0, cx = (from->box.x0 + from->box.x1) / 2.0;
    const WordRecord* best = nullptr;
    double bestDy = 0, bestDx = 0;
    for (const auto* w : words) {
        const double wy = (w->box.y0 + w->box.y1) / 2.0;
        const double dy = (wy - cy) * step;
        if (dy <= from->box.height() * 0.5)
            continue;
        const double dx = std::abs((w->box.x0 + w->box.x1) / 2.0 - cx);
        // Same line when the vertical distance is within half a word height of the best.
        const bool sameLine = best && std::abs(dy - bestDy) < from->box.height() * 0.5;
        if (!best || (!sameLine && dy < bestDy) || (sameLine && dx < bestDx)) {
            best = w;
            bestDy = sameLine ? std::min(bestDy, dy) : dy;
            bestDx = dx;
        }
    }
    if (!best)
        return false;
    selectWords({best->id});
    return true;
}

void PageView::onSceneSelectionChanged()
{
    if (m_rebuilding)
        return;
    updateHandles();
    Q_EMIT selectionChanged(m_page.id, selectedWords());
}

void PageView::updateHandles()
{
    const QList<WordId> sel = selectedWords();
    WordItem* item = sel.size() == 1 ? wordItem(sel.first()) : nullptr;
    if (!item || !m_showWords || m_overlaysHidden) {
        m_handles->setVisible(false);
        return;
    }
    m_handles->setRect(item->sceneBox(), 7.0 / m_zoom);
    m_handles->setVisible(true);
}

int PageView::handleAt(const QPoint& viewPos) const
{
    if (!m_handles->isVisible())
        return -1;
    // The handles sit outside the box's corners: a press on one (or a pixel or two around it) resizes,
    // a press inside a small word still reaches the word.
    for (int i = 0; i < 4; ++i) {
        const QRect handle = mapFromScene(m_handles->handleRect(i)).boundingRect().adjusted(-2, -2, 2, 2);
        if (handle.contains(viewPos))
            return i;
    }
    return -1;
}

// --- options --------------------------------------------------------------------------------------

void PageView::setConfidenceThreshold(int threshold)
{
    m_style->confidenceThreshold = threshold;
    viewport()->update();
}

void PageView::setOverlayOpacity(double opacity)
{
    m_overlayOpacity = std::clamp(opacity, 0.1, 1.0);
    for (auto& [id, item] : m_items)
        item->setOpacity(m_overlayOpacity);
}

void PageView::setOverlaysHidden(bool hidden)
{
    if (hidden == m_overlaysHidden)
        return;
    m_overlaysHidden = hidden;
    applyVisibility();
    updateHandles();
    Q_EMIT statusMessage(hidden ? tr("Boxes hidden while Ctrl+H is held.") : QString());
}

void PageView::setShowWords(bool on)
{
    m_showWords = on;
    applyVisibility();
    updateHandles();
}

void PageView::setShowLines(bool on)
{
    m_showLines = on;
    rebuildOverlay();
}

void PageView::setShowBlocks(bool on)
{
    m_showBlocks = on;
    rebuildOverlay();
}

void PageView::setShowText(bool on)
{
    m_style->showText = on;
    rebuildOverlay(); // bounding rects change
}

void PageView::setDrawMode(bool on)
{
    m_drawMode = on;
    setDragMode(on ? QGraphicsView::NoDrag : QGraphicsView::RubberBandDrag);
    viewport()->setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    for (auto* a : m_editActions)
        if (a->isCheckable() && a->isChecked() != on)
            a->setChecked(on);
    Q_EMIT statusMessage(on ? tr("Draw mode: drag a box around a word (B or Esc to leave)") : QString());
}

// --- editing --------------------------------------------------------------------------------------

bool PageView::startTextEdit(const std::optional<QString>& initial)
{
    return m_editor->start(initial);
}

void PageView::positionEditor()
{
    m_editor->reposition();
}

bool PageView::startLineEdit()
{
    return m_lineEditor->start();
}

void PageView::commitTextEdit()
{
    m_editor->commit();
}

void PageView::cancelTextEdit()
{
    m_editor->cancel();
}

QLineEdit* PageView::textEditor() const
{
    return m_editor->lineEdit();
}

void PageView::deleteSelected()
{
    const QList<WordId> sel = selectedWords();
    if (!m_session || sel.isEmpty())
        return;
    // Deleting the one word being checked (a box with no word in it) goes on to the next word to check.
    const WordItem* item = sel.size() == 1 ? wordItem(sel.first()) : nullptr;
    const bool checking = item && (item->isFlagged() || item->isLowConfidence());
    if (m_session->deleteWords(sel) && checking)
        Q_EMIT advanceRequested(sel.first());
}

void PageView::mergeSelected()
{
    const QList<WordId> sel = selectedWords();
    if (!m_session)
        return;
    if (sel.size() < 2) {
        Q_EMIT statusMessage(tr("Select two or more words to merge."));
        return;
    }
    m_session->mergeWords(sel);
}

void PageView::splitSelected(std::optional<int> at)
{
    const QList<WordId> sel = selectedWords();
    if (!m_session || sel.size() != 1)
        return;
    auto* item = wordItem(sel.first());
    const int len = static_cast<int>(item->text().size());
    if (len < 2) {
        Q_EMIT statusMessage(tr("A word of one character cannot be split."));
        return;
    }
    const int pos = std::clamp(at.value_or(len / 2), 1, len - 1);
    m_session->splitWord(item->wordId(), pos);
}

void PageView::assignLabelKey(const QString& key)
{
    const QList<WordId> sel = selectedWords();
    if (!m_session || sel.isEmpty())
        return;
    if (key == QLatin1String("0")) {
        m_session->setWordsLabel(sel, std::nullopt);
        return;
    }
    for (const auto& l : m_session->labels()) {
        if (l.shortcut == key) {
            m_session->setWordsLabel(sel, l.id);
            return;
        }
    }
    Q_EMIT statusMessage(tr("No label has the key %1.").arg(key));
}

void PageView::nudgeSelected(int dx, int dy, bool resize)
{
    const QList<WordId> sel = selectedWords();
    if (!m_session || sel.isEmpty())
        return;
    const QSizeF size = pageSize();
    // One command for all the boxes: successive nudges of the same words merge into one undo entry.
    std::vector<std::pair<WordId, PixelBox>> boxes;
    for (WordId id : sel) {
        auto* item = wordItem(id);
        if (!item)
            continue;
        PixelBox b = item->box();
        if (resize) {
            b.x1 = std::max(b.x0 + 1, b.x1 + dx);
            b.y1 = std::max(b.y0 + 1, b.y1 + dy);
        } else {
            b = {b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy};
        }
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > size.width() || b.y1 > size.height())
            continue;
        boxes.emplace_back(id, b);
    }
    if (!boxes.empty())
        m_session->setWordBoxes(boxes);
}

RegionOcrRequest PageView::regionRequest(const PixelBox& box, const QString& languages, int readDpi) const
{
    RegionOcrRequest r;
    r.path = m_document.path;
    r.kind = m_document.kind;
    r.number = m_page.number;
    r.photo = m_page.photo;
    r.pageDpi = m_page.dpi > 0 ? m_page.dpi : m_defaultDpi;
    r.pageWidthPx = m_page.widthPx;
    r.box = box;
    r.languages = languages.isEmpty() ? m_languages : languages;
    r.readDpi = readDpi;
    return r;
}

void PageView::addWordWithOcr(const PixelBox& box)
{
    if (!m_session || !m_page.id || m_session->isReadOnly())
        return;
    const PageId page = m_page.id;
    Q_EMIT statusMessage(tr("Reading the new box…"));
    auto done = [this, page, box](const RegionOcrResult& read) {
        if (!m_session)
            return;
        const QString text = read.text();
        const WordId id = m_session->addWord(page, box, text);
        if (!id)
            return;
        if (page == m_page.id)
            selectWords({id});
        Q_EMIT statusMessage(text.isEmpty() ? tr("New box added; no text was read in it (F2 to type it).")
                                            : tr("New box added: “%1”").arg(text));
        Q_EMIT wordAdded(id);
    };
    m_regionOcr->read(regionRequest(box, QString(), 0), this, done);
}

bool PageView::reOcrSelection(const QString& languages, int readDpi)
{
    const QList<WordId> selected = selectedWords();
    if (!m_session || !m_page.id || selected.isEmpty())
        return false;
    if (m_session->isReadOnly()) {
        Q_EMIT statusMessage(tr("The project is open read-only: nothing can be read again."));
        return false;
    }
    PixelBox region;
    for (const WordRecord& w : m_words)
        if (selected.contains(w.id))
            region = region.united(w.box);
    if (region.isEmpty())
        return false;
    // A little room around the words, so their edges are read too.
    const int pad = std::max(4, region.height() / 8);
    region = {region.x0 - pad, region.y0 - pad, region.x1 + pad, region.y1 + pad};
    const PageId page = m_page.id;
    Q_EMIT statusMessage(tr("Reading the selection again…"));
    auto done = [this, page, selected](const RegionOcrResult& read) {
        if (!m_session)
            return;
        if (!read.error.isEmpty()) {
            Q_EMIT statusMessage(tr("The selection could not be read again: %1").arg(read.error));
            Q_EMIT reOcrFinished(page, false);
            return;
        }
        const auto replaced = m_session->replaceWordsByOcr(page, selected, read.words);
        if (replaced && page == m_page.id)
            selectWords(replaced->added);
        if (replaced)
            Q_EMIT statusMessage(tr("Read again: %1 word(s) replaced by %2; %3 edited word(s) kept.")
                                     .arg(replaced->removed)
                                     .arg(replaced->added.size())
                                     .arg(replaced->kept));
        Q_EMIT reOcrFinished(page, replaced.has_value());
    };
    m_regionOcr->read(regionRequest(region, languages, readDpi), this, done);
    return true;
}

// --- keyboard -------------------------------------------------------------------------------------

bool PageView::focusNextPrevChild(bool next)
{
    Q_UNUSED(next);
    return false; // Tab belongs to "next low-confidence word", not to focus moves
}

void PageView::keyPressEvent(QKeyEvent* event)
{
    if (!m_gestures->keyPress(event))
        QGraphicsView::keyPressEvent(event);
}

void PageView::keyReleaseEvent(QKeyEvent* event)
{
    if (!m_gestures->keyRelease(event))
        QGraphicsView::keyReleaseEvent(event);
}

// --- mouse (page_gestures.h) ------------------------------------------------------------------------

void PageView::mousePressEvent(QMouseEvent* event)
{
    if (m_form->mousePress(event)) // link mode: the click picks the target
        return;
    if (!m_gestures->mousePress(event))
        QGraphicsView::mousePressEvent(event);
}

void PageView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_gestures->mouseMove(event))
        return;
    QGraphicsView::mouseMoveEvent(event);
    m_gestures->hover(event);
}

void PageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_gestures->mouseRelease(event))
        return;
    QGraphicsView::mouseReleaseEvent(event);
    m_gestures->afterSceneRelease(event);
}

void PageView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_form->mouseDoubleClick(event)) // on an entity's outline: its words
        return;
    QGraphicsView::mouseDoubleClickEvent(event);
    if (!m_drawMode && selectedWords().size() == 1)
        startTextEdit();
}

void PageView::rememberViewState()
{
    if (!m_page.id)
        return;
    m_viewStates[m_page.id] = ViewState{m_zoom, m_fit, mapToScene(viewport()->rect().center())};
}

QVariantMap PageView::viewStates() const
{
    auto states = m_viewStates;
    if (m_page.id)
        states[m_page.id] = ViewState{m_zoom, m_fit, mapToScene(viewport()->rect().center())};
    QVariantMap out;
    for (const auto& [page, v] : states)
        out.insert(QString::number(page), QStringLiteral("%1 %2 %3 %4")
                                              .arg(v.zoom, 0, 'g', 12)
                                              .arg(static_cast<int>(v.fit))
                                              .arg(v.centre.x(), 0, 'f', 1)
                                              .arg(v.centre.y(), 0, 'f', 1));
    return out;
}

void PageView::setViewStates(const QVariantMap& states)
{
    m_viewStates.clear();
    for (auto it = states.begin(); it != states.end(); ++it) {
        const QStringList parts = it.value().toString().split(QLatin1Char(' '));
        bool ok = false;
        const PageId page = it.key().toLongLong(&ok);
        if (!ok || parts.size() != 4)
            continue; // written by another version, or by hand: ignored
        const int fit = parts[1].toInt();
        ViewState v{std::clamp(parts[0].toDouble(), kMinZoom, kMaxZoom),
                    fit == 1   ? FitMode::Width
                    : fit == 2 ? FitMode::Page
                               : FitMode::None,
                    QPointF(parts[2].toDouble(), parts[3].toDouble())};
        m_viewStates[page] = v;
    }
}

QMenu* PageView::contextMenuAt(const QPoint& viewPos)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    Q_UNUSED(viewPos);
    for (QAction* a : m_editActions) {
        if (a->isCheckable() || m_labelActions.contains(a) || a == m_editActions.last())
            continue; // draw mode; the labels and Clear Label: in the Label menu below
        menu->addAction(a);
    }
    if (!m_contextActions.isEmpty()) {
        menu->addSeparator();
        menu->addActions(m_contextActions);
    }
    QMenu* labels = menu->addMenu(tr("&Label"));
    for (QAction* a : m_labelActions)
        if (a->isVisible())
            labels->addAction(a);
    labels->addAction(m_editActions.last()); // Clear Label
    menu->addMenu(tr("F&orm"))->addActions(formActions());
    return menu;
}

void PageView::contextMenuEvent(QContextMenuEvent* event)
{
    if (!m_page.id || !m_session)
        return;
    QPoint at = event->pos();
    if (event->reason() == QContextMenuEvent::Mouse) {
        // A right click on a word that is not selected selects it first.
        for (auto* it : items(at)) {
            if (it->type() == WordItem::Type && it->isVisible()) {
                if (!it->isSelected())
                    selectWords({static_cast<WordItem*>(it)->wordId()});
                break;
            }
        }
    } else {
        // From the keyboard (Menu key, Shift+F10): at the selection.
        QRectF sel;
        for (WordId id : selectedWords())
            if (auto* item = wordItem(id))
                sel = sel.isNull() ? item->sceneBox() : sel.united(item->sceneBox());
        if (!sel.isNull())
            at = mapFromScene(sel.bottomLeft());
    }
    if (selectedWords().isEmpty())
        return;
    contextMenuAt(at)->popup(viewport()->mapToGlobal(at));
    event->accept();
}

QList<QAction*> PageView::formActions() const
{
    return m_form->actions();
}

bool PageView::isOcrPending() const
{
    return m_regionOcr && m_regionOcr->isPending();
}

} // namespace incidoc::ui
