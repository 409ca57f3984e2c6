#pragma once
// The main window: projects (new, open, recent, read-only), import by dialog and drag and drop, the
// documents list, page thumbnails, the page view, inspector, search, progress and undo history docks,
// the status bar, the review navigation (next low-confidence word, next unreviewed page) and the word
// filter bar (View › Filter Words…: the page view hides the words it does not keep, Tab skips them).
// The Form menu holds the page view's form commands (form_layer.h: group, label, link, proposals).
// The Page menu holds a photographed page's corners (main_window_corners.cpp, page_corners_dialog.h).
// Owns the ProjectSession and the PipelineController of the open project.
//
// Thread contract: GUI thread only. Dialogs and message boxes are shown with open(), never exec(): no
// nested event loops.

#include "core/model/records.h"
#include "core/model/redaction.h"
#include "ui/shell/app_settings.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>
#include <set>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QMenu;
class QMessageBox;
class QTableView;
class QTimer;
class QUndoView;

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

class CaptureDialog;
class ChecksPanel;
class DocumentsModel;
class FieldsPanel;
class PageCornersDialog;
class PageListModel;
class PageView;
class PipelineController;
class ProgressPanel;
class RedactionLayer;
class RedactionPanel;
class RedactionPlanner;
class WatchController;
class ProjectSession;
class InspectorWidget;
class SearchPanel;
class ReviewNavigator;
class WordFilterBar;
struct SearchHit;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `workplace`: where pages are processed, rendered and read and files opened (main()'s: page hosts
    /// unless isolation is off); handed to the page view, the thumbnails, the pipeline and the export.
    explicit MainWindow(std::shared_ptr<Workplace> workplace, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens an existing project. On failure the store's message is shown (the file is never
    /// touched) and false returned; a read-only file is offered to be opened read-only.
    bool openProject(const QString& path, bool readOnly = false);
    /// Creates a new project at `path` (refuses an existing file) and opens it.
    bool newProject(const QString& path);
    void closeProject();
    /// Imports files and folders into the open project in the background.
    void importPaths(const QStringList& paths);

    // --- layout ----------------------------------------------------------------------------------
    /// The docks as a first start places them (View › Reset Layout): documents over pages on the left,
    /// the inspector over the search, progress and history tabs on the right, narrow enough that the
    /// page view keeps most of the window's width. Closed and floating docks come back.
    void resetLayout();
    /// Hides every dock, the page view taking the whole window, or shows again the docks hidden that
    /// way (every dock when none was) (View › Show Docks, Ctrl+Shift+D).
    void setDocksShown(bool shown);
    QList<QDockWidget*> docks() const { return m_docks; }

    // --- documents -------------------------------------------------------------------------------
    /// Asks to remove a document that failed (documents list › Remove Document…, or Delete there) and
    /// removes it once confirmed. Other documents are refused with a message saying why.
    void removeDocument(DocumentId document);

    void showDocument(DocumentId document, PageId page = 0);
    void showPage(PageId page);
    /// Shows the page of a search hit and selects its word.
    void jumpTo(PageId page, WordId word);
    /// Shows `page` with `words` selected, the first one centred (the Fields and Checks docks); no words:
    /// the page alone.
    void showWords(PageId page, const QList<WordId>& words);

    // --- document types (Document menu) ---------------------------------------------------------
    /// The current document: the documents list's current row, else the shown page's document (0: none).
    DocumentId currentDocument() const;
    /// The current document's type becomes `type` ("" : none), a person's choice, one undo step. False
    /// when there is no document, the project is read-only or the write failed.
    bool setCurrentDocumentType(const QString& type);
    /// Ctrl+Shift+T: the current document's predicted type becomes a person's, one undo step.
    bool confirmPredictedType();
    /// Document › Predict Types: learns from the documents people typed and predicts the others (in the
    /// background, on a connection of its own); the status bar says what it did.
    void predictTypes();
    /// After a document's first page is done (not a document a person typed): its type is predicted in
    /// the background (batched: a short wait gathers the documents that finish meanwhile), and its pages
    /// are processed with the predicted type's profile. Silent when nothing is typed yet.
    void predictTypeAfterFirstPage(PageId page, DocumentId document, bool ok);
    /// Predicts `documents` (empty: every one not typed by a person) on a connection of its own, then
    /// has their pages processed with their type's profile; `automatic`: says nothing unless it predicted.
    void runTypePrediction(const std::vector<DocumentId>& documents, bool automatic);
    /// Document › Document Types…
    void editDocumentTypes();

    // --- a photographed page's corners (Page menu, main_window_corners.cpp) -------------------------
    /// Page › Page Corners… (Ctrl+Shift+P), on a page of an image file: the dialog with the original photo
    /// and the page's corners (open, deleted when closed); its OK is setPagePhoto. Null when the shown page
    /// is not an image's, the project is read-only, or the page is being processed (the status bar says so).
    PageCornersDialog* openPageCorners();
    /// The shown page's corners become `geometry` (a person's), one undo step (SetPagePhotoCommand); the
    /// page is processed again at once, first, and again after an undo or redo. False when it could not
    /// be written (the error is shown).
    bool setPagePhoto(PageId page, const PhotoGeometry& geometry);

    // --- review navigation ----------------------------------------------------------------------
    /// Tab / Shift+Tab, the review queue: the next (previous) word to check in reading order across the
    /// project — its flagged words when they were read by two engines, else its low-confidence words —
    /// skipping words a person corrected or accepted and pages marked reviewed, wrapping around with a
    /// message. The word is selected, centred and zoomed to a readable size. False: nothing to check.
    bool goToWordToReview(bool forward);
    /// Return on the page: the selected word is accepted as right (it leaves the queue), then the next
    /// word to check is shown.
    bool acceptAndGoOn();
    /// The selected word takes its other engine's reading / is accepted as it reads (Ctrl+Shift+O / A).
    bool takeOtherReading();
    bool acceptWord();
    bool goToNextUnreviewedPage();
    void markPageReviewed();
    void reprocessPage();
    /// Opens "Re-OCR with Settings…" for the shown page or the selected words.
    void reOcrWithSettings();
    /// What that dialog does: reads the selected words (`selection`) or the shown page again with these
    /// languages and DPI; edited words are kept. False when there was nothing to read.
    bool reOcr(bool selection, const QString& languages, int dpi);

    // --- live capture ----------------------------------------------------------------------------
    /// File › Capture… (`fromFile` false: the camera) and File › Capture from Video File… (asks for the file):
    /// the capture window, one per project, raised if open. Null without a writable project.
    CaptureDialog* openCapture(bool fromFile);

    // --- parts, for tests -----------------------------------------------------------------------
    ProjectSession* session() const { return m_session.get(); }
    PageView* pageView() const { return m_view; }
    PipelineController* pipeline() const { return m_pipeline; }
    /// The open project's Watch folders (null: no project, or a read-only one).
    WatchController* watchController() const { return m_watch; }
    DocumentsModel* documentsModel() const { return m_documents; }
    PageListModel* pageListModel() const { return m_pages; }
    QTableView* documentsView() const { return m_documentsView; }
    QListView* pagesView() const { return m_pagesView; }
    ProgressPanel* progressPanel() const { return m_progress; }
    InspectorWidget* inspector() const { return m_inspector; }
    SearchPanel* searchPanel() const { return m_search; }
    FieldsPanel* fieldsPanel() const { return m_fields; }
    ChecksPanel* checksPanel() const { return m_checks; }
    RedactionPanel* redactionPanel() const { return m_redaction; }
    QDockWidget* redactionDock() const { return m_redactionDock; }
    RedactionLayer* redactionLayer() const { return m_redactionLayer; }
    WordFilterBar* filterBar() const { return m_filterBar; }
    /// The status bar's "Filter: N of M words" (empty without a filter).
    QString filterStatus() const;
    /// The status bar's "12 words to check in this document, 140 in the project".
    QString queueStatus() const;
    /// Every action with its keys (menus and page view), for the shortcut table.
    QList<QAction*> allActions() const;
    /// The last error shown to the user (empty if none).
    QString lastError() const { return m_lastError; }
    const AppSettings& settings() const { return m_settings; }
    void applySettings(const AppSettings& settings);
    /// Keeps the open project's OCR engine choice in the project and uses it for the pages processed
    /// from now on (a note in the status bar when PP-OCR is not available here). Errors: no writable
    /// project, or the project cannot be written.
    Status setProjectEngineChoice(const QString& engines, const QString& profile);

Q_SIGNALS:
    void projectOpened(const QString& path);
    void pageShown(incidoc::PageId page);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions(); ///< the menus and the toolbar, one function each:
    void createFileMenu();
    void createEditMenu();
    void createFormMenu();     ///< entities, labels, links and proposals (the page view's form layer)
    void createDocumentMenu(); ///< a document's type (main_window_types.cpp)
    void fillTypeMenu();
    void createPageMenu(); ///< a photographed page's corners (main_window_corners.cpp)
    void updatePageCornersAction();
    /// " · photo, flattened" and the like for the status bar's page label; empty for a scan or a PDF page.
    QString photoStatus(const PageRecord& page) const;
    void createViewMenu();
    void createReviewMenu();
    void createProcessingMenu();
    void createHelpMenu();
    void createToolBar();
    void createDocks();
    /// The Fields and Checks docks: made empty with the others, filled when a project opens.
    void createFormDocks();
    void connectFormDocks();
    void closeFormDocks();
    void createStatusBar();
    // Redaction (main_window_redaction.cpp): the menu, the dock, the page view's overlay and the marks.
    void createRedactionMenu();
    void createRedactionDock();
    void connectRedaction();
    void closeRedaction();
    /// Marks for the selected entities (else the selected words) of the shown page.
    std::vector<RedactionMark> selectionTargets(bool sensitive, SensitiveType type);
    /// The type "Mark Sensitive" gives the selection: what the finder found there, the entity's typed
    /// field, what the text looks like (an email, a VIN, a date, a phone, a capitalised name), else Other.
    SensitiveType guessSensitiveType();
    /// The selection as an undo entry names it: the entity's text, else its words ("'a', 'b'", "4 words").
    QString selectionName();
    void markSelectionSensitive(std::optional<SensitiveType> type);
    void markSelectionNotSensitive();
    void clearSelectionRedactionMarks();
    void markRegionSensitive(incidoc::PageId page, const incidoc::PixelBox& box, incidoc::SensitiveType type);
    void connectSession();
    void updateTitle();
    void updateActions();
    void updateStatus();
    void updateFilterStatus(int shown, int total);
    void updateQueueStatus();
    void scheduleQueueStatus();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void showError(const QString& title, const QString& text);
    void scheduleRefresh();
    void refreshNow();

    void onNew();
    void onOpen();
    void onImportFiles();
    void onImportFolder();
    /// File › Watch Folders…: the folders whose new files come into this project (one per line).
    void onWatchFolders();
    // live capture (ui/capture)
    void createCaptureActions(QMenu* file);
    void onSettings();
    void onDocumentsContextMenu(const QPoint& pos);
    /// File › Open on a PDF or an image: offers to import it into the open project (or to make one).
    void offerImport(const QString& path);
    /// Puts `content` into a dock made by createDocks (in its scroll area when it has one); returns the
    /// widget it held, now the caller's.
    QWidget* setDockContent(QDockWidget* dock, QWidget* content);
    void updateDocksAction();

    std::shared_ptr<Workplace> m_workplace;
    AppSettings m_settings;
    std::unique_ptr<ProjectSession> m_session;
    PipelineController* m_pipeline = nullptr;
    WatchController* m_watch = nullptr;
    PageView* m_view;
    DocumentsModel* m_documents;
    PageListModel* m_pages;
    QTableView* m_documentsView = nullptr;
    QListView* m_pagesView = nullptr;
    ProgressPanel* m_progress = nullptr;
    QUndoView* m_undoView = nullptr;
    InspectorWidget* m_inspector = nullptr;
    SearchPanel* m_search = nullptr;
    WordFilterBar* m_filterBar = nullptr;
    std::unique_ptr<ReviewNavigator> m_navigator; ///< Tab / Shift+Tab and next unreviewed page
    QDockWidget* m_inspectorDock = nullptr;
    QDockWidget* m_searchDock = nullptr;
    FieldsPanel* m_fields = nullptr;
    ChecksPanel* m_checks = nullptr;
    QDockWidget* m_fieldsDock = nullptr;
    QDockWidget* m_checksDock = nullptr;
    RedactionPanel* m_redaction = nullptr;
    RedactionPlanner* m_redactionPlanner = nullptr;
    RedactionLayer* m_redactionLayer = nullptr;
    QDockWidget* m_redactionDock = nullptr;
    QList<QDockWidget*> m_docks;
    DocumentId m_currentDoc = 0;
    bool m_refreshPending = false;
    bool m_queueStatusPending = false;
    QString m_lastError;

    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction *m_undo = nullptr, *m_redo = nullptr;
    QList<QAction*> m_projectActions;   ///< enabled only with a project open
    QList<QAction*> m_writeActions;     ///< enabled only with a writable project
    QMenu* m_typeMenu = nullptr;        ///< Document › Type, filled with the project's types when shown
    QAction* m_cornersAction = nullptr; ///< Page › Page Corners…, enabled on pages of image files
    /// Documents whose first page is done and whose type is to be predicted; a prediction running.
    std::set<DocumentId> m_typePredictionWaiting;
    bool m_typePredictionRunning = false;
    QTimer* m_typePredictionTimer = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_docksAction = nullptr;          ///< View › Show Docks
    QList<QDockWidget*> m_docksHiddenTogether; ///< what "Show Docks" brings back

    QLabel* m_pageLabel;
    QLabel* m_zoomLabel;
    QLabel* m_wordLabel;
    QLabel* m_confLabel;
    QLabel* m_filterLabel;
    QLabel* m_queueLabel;
};

} // namespace incidoc::ui
