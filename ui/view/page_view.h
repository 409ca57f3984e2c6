#pragma once
// The page view: a page image rendered for the current zoom (in the background, cached, a lower-
// resolution render shown scaled meanwhile) with its words as boxes on top, and the keyboard and mouse
// editing of those words. Every edit goes through ProjectSession (undoable, written at once); the view
// redraws its overlay when the session says the shown page changed. Scene coordinates are page pixels.
//
// The gestures (page_gestures.h) and the in-place text editor (inline_editor.h) are classes of their own;
// the OCR of a drawn box or of the selection runs in a RegionOcrController (ui/controllers/region_ocr.h).
// The page's form (entities as outlined groups, links as arrows, grouping, labelling, linking and the
// proposal walk) is a FormLayer (form_layer.h).
//
// Thread contract: GUI thread only. Renders and region OCR run on worker threads with value inputs; their
// results come back on the GUI thread.

#include "core/model/records.h"
#include "ui/review/review_navigator.h"

#include <QGraphicsView>
#include <QList>
#include <QPixmap>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

class QAction;
class QLineEdit;
class QMenu;

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

class FormLayer;
class InlineEditor;
class LineEditor;
class PageGestures;
class ProjectSession;
class RegionOcrController;
class RenderController;
class WordItem;
class HandlesItem;
struct OverlayStyle;
struct RegionOcrRequest;

class PageView : public QGraphicsView {
    Q_OBJECT
public:
    enum class FitMode { None, Width, Page };

    /// Pages are rendered and regions read by `workplace` (in page hosts when the app runs isolated).
    explicit PageView(std::shared_ptr<Workplace> workplace, QWidget* parent = nullptr);
    ~PageView() override;

    /// The session whose pages are shown (null: nothing). The session must outlive the view's use of it.
    void setSession(ProjectSession* session);
    /// Shows a page (0: none) with its words; keeps the fit mode.
    void showPage(PageId page);
    PageId pageId() const { return m_page.id; }
    const PageRecord& page() const { return m_page; }

    // --- selection --------------------------------------------------------------------------------
    QList<WordId> selectedWords() const;
    /// Selects these words of the shown page (others deselected) and scrolls the first into view.
    void selectWords(const QList<WordId>& words);
    /// Selects the word after (`step` 1) or before (-1) the selection in reading order; `extend`: grows
    /// or shrinks the selection from its anchor instead (Shift+arrows). False when there is none.
    bool selectNextWord(int step, bool extend);
    /// Selects the word of the line below (`step` 1) or above (-1) nearest the selection horizontally.
    bool selectWordOnNextLine(int step);
    /// Centres the word in the view and zooms in until it is readable (its height on screen at least the
    /// readable height), never zooming out. Tab, search and jumps use it.
    void revealWord(WordId word);

    // --- zoom -------------------------------------------------------------------------------------
    double zoom() const { return m_zoom; } ///< screen pixels per page pixel
    void setZoom(double zoom, const QPointF* anchorScene = nullptr);
    void zoomBy(double factor);
    void fitWidth();
    void fitPage();
    void actualSize();
    FitMode fitMode() const { return m_fit; }

    // --- options ----------------------------------------------------------------------------------
    void setConfidenceThreshold(int threshold);
    /// Screen pixels a word's height is zoomed to when it is revealed (0: no zoom, only centring).
    void setReadableWordHeight(int pixels) { m_readableHeight = pixels; }
    int readableWordHeight() const { return m_readableHeight; }
    /// How opaque the word boxes are drawn (0.1 .. 1).
    void setOverlayOpacity(double opacity);
    /// Hides every box and outline (while Ctrl+H is held), showing the bare page.
    void setOverlaysHidden(bool hidden);
    bool overlaysHidden() const { return m_overlaysHidden; }
    void setDefaultDpi(int dpi) { m_defaultDpi = dpi; }
    void setOcrLanguages(const QString& languages) { m_languages = languages; }
    void setShowWords(bool on);
    void setShowLines(bool on);
    void setShowBlocks(bool on);
    void setShowText(bool on);
    bool isDrawMode() const { return m_drawMode; }
    void setDrawMode(bool on);

    // --- word filter ------------------------------------------------------------------------------
    /// Hides the words the filter does not keep (nullopt: every word shown), as matched by
    /// ReviewNavigator::filterWords. Hidden words are not drawn and cannot be selected (click, rubber
    /// band, Select All); hiding a selected word deselects it. The filter stays across pages and is
    /// reapplied when the shown page's words or the labels change. Emits filterApplied.
    void setWordFilter(const std::optional<WordFilter>& filter);
    const std::optional<WordFilter>& wordFilter() const { return m_filter; }
    /// Words of the shown page the filter keeps (all of them without a filter).
    int filteredWordCount() const { return m_filter ? static_cast<int>(m_kept.size()) : wordItemCount(); }
    /// True when `word` is on the shown page and the filter keeps it.
    bool isWordKept(WordId word) const;

    // --- editing entry points (also bound to keys) --------------------------------------------------
    /// Opens the in-place editor on the one selected word, optionally starting with `initial`.
    bool startTextEdit(const std::optional<QString>& initial = std::nullopt);
    void commitTextEdit();
    void cancelTextEdit();
    /// Line mode: opens the line editor (line_editor.h) on the whole text line of the selected word.
    bool startLineEdit();
    void deleteSelected();
    void mergeSelected();
    /// Splits the one selected word at character `at`, or in the middle when `at` is missing.
    void splitSelected(std::optional<int> at = std::nullopt);
    /// Assigns the label whose shortcut is `key` ("1".."9") to the selection; "0" clears.
    void assignLabelKey(const QString& key);
    /// Moves (or with `resize`, grows/shrinks the right/bottom edge of) the selected boxes.
    void nudgeSelected(int dx, int dy, bool resize);
    /// Adds a word with this box, its text read by OCR on a worker thread first.
    void addWordWithOcr(const PixelBox& box);
    /// Reads the region of the selected words again on a worker thread (other `languages`, e.g.
    /// "eng+deu", empty: the settings'; `readDpi` 0: the page's), then replaces the selected words a person
    /// has not edited by the words read, as one undoable step. False when there is nothing to read.
    /// Emits reOcrFinished.
    bool reOcrSelection(const QString& languages, int readDpi);

    /// Actions of the view with their keys (zoom, toggles, editing), for menus and the shortcut table.
    QList<QAction*> viewActions() const { return m_viewActions; }
    QList<QAction*> editActions() const { return m_editActions; }
    /// The Form menu's actions (group, label, link, proposals: form_layer.h); separators included.
    QList<QAction*> formActions() const;
    /// The page's form: entities and links drawn and edited.
    FormLayer* formLayer() const { return m_form; }
    /// More actions for the words' context menu (the main window's review actions).
    void setContextActions(const QList<QAction*>& actions) { m_contextActions = actions; }
    /// Opens the words' context menu at `viewPos` (the selection's centre when null). For tests: the
    /// menu, not yet executed.
    QMenu* contextMenuAt(const QPoint& viewPos);

    // --- where each page was looked at ----------------------------------------------------------------
    /// The zoom, fit mode and centre of each page shown in this session, to restore them when a page is
    /// shown again (a page shown for the first time starts at its top, fitted to the width).
    QVariantMap viewStates() const;
    void setViewStates(const QVariantMap& states);

    // --- for tests and benchmarks -----------------------------------------------------------------
    WordItem* wordItem(WordId word) const;
    int wordItemCount() const { return static_cast<int>(m_items.size()); }
    QLineEdit* textEditor() const;
    LineEditor* lineEditor() const { return m_lineEditor; }
    int shownRenderDpi() const { return m_shownDpi; }
    int wantedRenderDpi() const { return m_wantedDpi; }
    bool isRenderPending() const;
    bool isOcrPending() const;
    InlineEditor* editor() const { return m_editor; }

Q_SIGNALS:
    void selectionChanged(incidoc::PageId page, const QList<incidoc::WordId>& words);
    void zoomChanged(double zoom);
    /// The word under the mouse (hasWord false: none). confidence < 0 when the word has none.
    void hoveredWordChanged(bool hasWord, const QString& text, double confidence);
    void overlayBuilt(incidoc::PageId page, int words);
    void pageRendered(incidoc::PageId page, int dpi);
    void wordAdded(incidoc::WordId word);
    void reOcrFinished(incidoc::PageId page, bool ok);
    void statusMessage(const QString& message);
    /// The filter was (re)applied to the shown page: `shown` of its `total` words are kept.
    void filterApplied(incidoc::PageId page, int shown, int total);
    /// Return in the word editor, or Delete on the one word being checked: the word is done, go on to the
    /// next word to check after it.
    void advanceRequested(incidoc::WordId word);
    /// The proposal walk (F8) goes on on another page of the document: show it, then call
    /// formLayer()->nextProposal(step) there.
    void proposalPageRequested(incidoc::PageId page, int step);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    // The view's parts: they reach its words, items and handles as the view itself does.
    friend class FormLayer;
    friend class InlineEditor;
    friend class LineEditor;
    friend class PageGestures;

    void createActions();
    void reloadPage();
    void rebuildOverlay();
    void reloadLabels();
    /// Shows and hides the word items for "show words" and the filter; true if a selection was dropped.
    bool applyVisibility();
    /// applyVisibility() for a change outside rebuildOverlay: tells the selection and filter listeners.
    void reapplyFilter();
    void requestRender();
    int renderDpiFor(double zoom) const;
    QSizeF pageSize() const;
    void onSceneSelectionChanged();
    void updateHandles();
    void positionEditor();
    void applyFit();
    int handleAt(const QPoint& viewPos) const;
    RegionOcrRequest regionRequest(const PixelBox& box, const QString& languages, int readDpi) const;
    /// The kept words in reading order (those the filter shows).
    std::vector<const WordRecord*> keptWords() const;
    void rememberViewState();
    /// Gives the label actions the names of the labels that have their keys.
    void updateLabelActions();

    ProjectSession* m_session = nullptr;
    RenderController* m_render;
    PageRecord m_page;
    DocumentRecord m_document;
    std::vector<WordRecord> m_words;
    std::unordered_map<WordId, WordItem*> m_items;
    std::unique_ptr<OverlayStyle> m_style;
    std::optional<WordFilter> m_filter;
    std::unordered_set<WordId> m_kept; ///< words of the shown page the filter keeps (with a filter)
    HandlesItem* m_handles = nullptr;
    QList<QGraphicsItem*> m_regionItems;

    QPixmap m_pixmap; ///< what is drawn under the overlay (maybe a lower-resolution stand-in)
    int m_shownDpi = 0;
    int m_wantedDpi = 0;
    int m_defaultDpi = 300;
    QString m_languages = QStringLiteral("eng");

    double m_zoom = 1.0;
    FitMode m_fit = FitMode::Width;
    int m_readableHeight = 36;
    double m_overlayOpacity = 1.0;
    bool m_overlaysHidden = false;
    WordId m_anchor = 0; ///< where a Shift+arrow selection started
    struct ViewState {
        double zoom = 1.0;
        FitMode fit = FitMode::Width;
        QPointF centre;
    };
    std::unordered_map<PageId, ViewState> m_viewStates;
    bool m_showWords = true, m_showLines = false, m_showBlocks = false;
    bool m_drawMode = false;
    bool m_rebuilding = false;

    PageGestures* m_gestures;
    FormLayer* m_form;
    InlineEditor* m_editor;
    LineEditor* m_lineEditor;
    RegionOcrController* m_regionOcr;

    QList<QAction*> m_viewActions, m_editActions, m_contextActions;
    QList<QAction*> m_labelActions; ///< Alt+1 … Alt+9, named after their labels
};

} // namespace incidoc::ui
