#pragma once
// The page view: a page image rendered for the current zoom (in the background, cached, a lower-
// resolution render shown scaled meanwhile) with its words as boxes on top, and the keyboard and mouse
// editing of those words. Every edit goes through ProjectSession (undoable, written at once); the view
// redraws its overlay when the session says the shown page changed. Scene coordinates are page pixels.
//
// The gestures (page_gestures.h) and the in-place text editor (inline_editor.h) are classes of their own;
// the OCR of a drawn box or of the selection runs in a RegionOcrController (ui/controllers/region_ocr.h).
//
// Thread contract: GUI thread only. Renders and region OCR run on worker threads with value inputs; their
// results come back on the GUI thread.

#include "core/model/records.h"
#include "ui/review/review_navigator.h"

#include <QGraphicsView>
#include <QList>
#include <QPixmap>

#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

class QAction;
class QLineEdit;

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

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

    // --- for tests and benchmarks -----------------------------------------------------------------
    WordItem* wordItem(WordId word) const;
    int wordItemCount() const { return static_cast<int>(m_items.size()); }
    QLineEdit* textEditor() const;
    LineEditor* lineEditor() const { return m_lineEditor; }
    int shownRenderDpi() const { return m_shownDpi; }
    int wantedRenderDpi() const { return m_wantedDpi; }
    bool isRenderPending() const;
    bool isOcrPending() const;

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
    bool focusNextPrevChild(bool next) override;

private:
    // The view's parts: they reach its words, items and handles as the view itself does.
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
    bool m_showWords = true, m_showLines = false, m_showBlocks = false;
    bool m_drawMode = false;
    bool m_rebuilding = false;

    PageGestures* m_gestures;
    InlineEditor* m_editor;
    LineEditor* m_lineEditor;
    RegionOcrController* m_regionOcr;

    QList<QAction*> m_viewActions, m_editActions;
};

} // namespace incidoc::ui
