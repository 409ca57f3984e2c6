#include "ui/shell/main_window.h"

#include "core/import/importer.h"
#include "core/pipeline/engine_choice.h"
#include "core/storage/project_store.h"
#include "ui/capture/capture_dialog.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/controllers/watch_controller.h"
#include "ui/export/export_dialog.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"
#include "ui/review/checks_panel.h"
#include "ui/review/fields_panel.h"
#include "ui/review/inspector_widget.h"
#include "ui/review/label_manager_dialog.h"
#include "ui/review/review_navigator.h"
#include "ui/review/search_panel.h"
#include "ui/review/word_filter_bar.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/page_list_model.h"
#include "ui/shell/progress_panel.h"
#include "ui/shell/reocr_dialog.h"
#include "ui/view/form_layer.h"
#include "ui/view/page_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace incidoc::ui {
namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentProjects");

/// Where the zoom and scroll of each page of the project at `path` are kept (QSettings).
QString viewStatesKey(const QString& path)
{
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    return QStringLiteral("viewStates/%1").arg(QString::fromLatin1(hash));
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<Workplace> workplace, QWidget* parent)
    : QMainWindow(parent), m_workplace(std::move(workplace)), m_settings(AppSettings::load()),
      m_view(new PageView(m_workplace, this)), m_documents(new DocumentsModel(this)),
      m_pages(new PageListModel(m_workplace, this)), m_pageLabel(new QLabel(this)), m_zoomLabel(new QLabel(this)),
      m_wordLabel(new QLabel(this)), m_confLabel(new QLabel(this)), m_filterLabel(new QLabel(this)),
      m_queueLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setCentralWidget(m_view);
    setDockNestingEnabled(true);
    createDocks();
    createActions();
    createStatusBar();
    applySettings(m_settings);

    connect(m_view, &PageView::statusMessage, this, [this](const QString& m) { statusBar()->showMessage(m, 6000); });
    connect(m_view, &PageView::zoomChanged, this, [this] { updateStatus(); });
    connect(m_filterBar, &WordFilterBar::filterChanged, m_view, &PageView::setWordFilter);
    connect(m_view, &PageView::advanceRequested, this, [this] { goToWordToReview(true); });
    connect(m_view, &PageView::filterApplied, this,
            [this](PageId, int shown, int total) { updateFilterStatus(shown, total); });
    connect(m_view, &PageView::hoveredWordChanged, this, [this](bool has, const QString& text, double conf) {
        m_wordLabel->setText(has ? tr("Word: %1").arg(text) : QString());
        m_confLabel->setText(has ? (conf >= 0 ? tr("Confidence: %1").arg(conf, 0, 'f', 0) : tr("Confidence: —"))
                                 : QString());
    });

    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: 1400 × 900, or the whole screen when it is smaller (a laptop's 1366 × 768).
        const QRect screenArea = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
        resize(QSize(1400, 900).boundedTo(screenArea.size()));
        if (screenArea.width() < 1400 || screenArea.height() < 900)
            move(screenArea.topLeft());
    }
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray()))
        resetLayout();
    updateDocksAction();
    updateTitle();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    closeProject();
    // QWidget's destructor hides (and deletes) the docks one by one: nothing to keep in step any more.
    for (QDockWidget* d : m_docks)
        disconnect(d->toggleViewAction(), nullptr, this, nullptr);
    m_docksAction = nullptr;
}

// --- construction ---------------------------------------------------------------------------------

void MainWindow::createDocks()
{
    auto dock = [this](const QString& title, const QString& name, QWidget* w, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name); // saveState() needs it
        d->setWidget(w);
        addDockWidget(area, d);
        m_docks << d;
        return d;
    };
    // Forms scroll instead of holding their dock (and so the page view) at their own width.
    auto scrolling = [this](QWidget* content) {
        auto* area = new QScrollArea(this);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(content);
        return area;
    };

    m_documentsView = new QTableView(this);
    m_documentsView->setModel(m_documents);
    m_documentsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_documentsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_documentsView->verticalHeader()->hide();
    m_documentsView->horizontalHeader()->setStretchLastSection(true);
    m_documentsView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_documentsView->setWordWrap(false);
    connect(m_documentsView, &QWidget::customContextMenuRequested, this, &MainWindow::onDocumentsContextMenu);
    connect(m_documentsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const DocumentId doc = m_documents->documentAt(current.row());
                if (doc && doc != m_currentDoc)
                    showDocument(doc);
            });
    // Delete in the documents list: removes the current document when it failed (asks first).
    auto* remove = new QAction(tr("&Remove Document…"), m_documentsView);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, [this] {
        if (const DocumentId doc = m_documents->documentAt(m_documentsView->currentIndex().row()))
            removeDocument(doc);
    });
    m_documentsView->addAction(remove);
    m_writeActions << remove;
    dock(tr("Documents"), QStringLiteral("documentsDock"), m_documentsView, Qt::LeftDockWidgetArea);

    m_pagesView = new QListView(this);
    m_pagesView->setModel(m_pages);
    m_pagesView->setViewMode(QListView::ListMode);
    m_pagesView->setIconSize(QSize(96, 124));
    m_pagesView->setUniformItemSizes(true);
    m_pagesView->setSpacing(2);
    connect(m_pagesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const PageId page = m_pages->pageAt(current.row());
                if (page && page != m_view->pageId())
                    showPage(page);
            });
    dock(tr("Pages"), QStringLiteral("pagesDock"), m_pagesView, Qt::LeftDockWidgetArea);

    // The inspector and search panel are bound to a session: made when a project opens.
    m_inspectorDock = dock(tr("Inspector"), QStringLiteral("inspectorDock"),
                           scrolling(new QLabel(tr("No project"), this)), Qt::RightDockWidgetArea);
    m_searchDock =
        dock(tr("Search"), QStringLiteral("searchDock"), new QLabel(tr("No project"), this), Qt::RightDockWidgetArea);

    m_progress = new ProgressPanel(this);
    dock(tr("Progress"), QStringLiteral("progressDock"), scrolling(m_progress), Qt::RightDockWidgetArea);

    m_undoView = new QUndoView(this);
    m_undoView->setEmptyLabel(tr("<opened>"));
    dock(tr("History"), QStringLiteral("historyDock"), m_undoView, Qt::RightDockWidgetArea);
    createFormDocks();
    for (QDockWidget* d : m_docks)
        connect(d->toggleViewAction(), &QAction::toggled, this, &MainWindow::updateDocksAction);
}

void MainWindow::createFormDocks()
{
    auto dock = [this](const QString& title, const QString& name) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name); // saveState() needs it
        d->setWidget(new QLabel(tr("No project"), this));
        addDockWidget(Qt::RightDockWidgetArea, d);
        m_docks << d;
        return d;
    };
    m_fieldsDock = dock(tr("Fields"), QStringLiteral("fieldsDock"));
    m_checksDock = dock(tr("Checks"), QStringLiteral("checksDock"));
    createRedactionDock();
}

void MainWindow::connectFormDocks()
{
    ProjectSession* s = m_session.get();
    m_fields = new FieldsPanel(s, this);
    delete setDockContent(m_fieldsDock, m_fields);
    m_checks = new ChecksPanel(s, this);
    delete setDockContent(m_checksDock, m_checks);
    m_fields->setPage(m_view->pageId());
    connect(this, &MainWindow::pageShown, m_fields, &FieldsPanel::setPage);
    connect(m_fields, &FieldsPanel::entityActivated, this, &MainWindow::showWords);
    connect(m_fields, &FieldsPanel::patternsChanged, m_checks, &ChecksPanel::scheduleRefresh);
    connect(m_checks, &ChecksPanel::findingActivated, this,
            [this](DocumentId document, PageId page, const QList<WordId>& words) {
                if (page)
                    showWords(page, words);
                else if (document)
                    showDocument(document);
            });
    connectRedaction();
}

void MainWindow::closeFormDocks()
{
    closeRedaction();
    if (!m_fields && !m_checks)
        return;
    delete setDockContent(m_fieldsDock, new QLabel(tr("No project"), this));
    delete setDockContent(m_checksDock, new QLabel(tr("No project"), this));
    m_fields = nullptr;
    m_checks = nullptr;
}

QWidget* MainWindow::setDockContent(QDockWidget* dock, QWidget* content)
{
    if (auto* area = qobject_cast<QScrollArea*>(dock->widget())) {
        QWidget* old = area->takeWidget();
        area->setWidget(content);
        return old;
    }
    QWidget* old = dock->widget();
    dock->setWidget(content);
    return old;
}

void MainWindow::resetLayout()
{
    auto named = [this](const char* name) {
        return findChild<QDockWidget*>(QLatin1String(name), Qt::FindDirectChildrenOnly);
    };
    QDockWidget *documents = named("documentsDock"), *pages = named("pagesDock"), *progress = named("progressDock"),
                *history = named("historyDock");
    m_docksHiddenTogether.clear();
    for (QDockWidget* d : m_docks) {
        d->setFloating(false); // a dock dragged off the screen comes back
        removeDockWidget(d);
    }
    addDockWidget(Qt::LeftDockWidgetArea, documents, Qt::Vertical);
    addDockWidget(Qt::LeftDockWidgetArea, pages, Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock, Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, m_searchDock, Qt::Vertical);
    tabifyDockWidget(m_searchDock, progress);
    tabifyDockWidget(progress, history);
    for (QDockWidget* d : m_docks) {
        if (d != documents && d != pages && d != m_inspectorDock && d != m_searchDock && d != progress && d != history)
            tabifyDockWidget(history, d); // a dock this function does not know yet: with the other tabs
        d->show();
    }
    m_searchDock->raise();
    // The page view keeps about 63 % of the width: 17 % on the left, 19 % on the right, within bounds
    // that keep the lists readable on a narrow window and the docks modest on a wide one.
    const int w = width(), h = height();
    resizeDocks({documents, m_inspectorDock}, {std::clamp(w * 17 / 100, 120, 300), std::clamp(w * 19 / 100, 140, 340)},
                Qt::Horizontal);
    resizeDocks({documents, pages}, {h / 4, h * 3 / 4}, Qt::Vertical);
    resizeDocks({m_inspectorDock, m_searchDock}, {h / 2, h / 2}, Qt::Vertical);
    updateDocksAction();
}

void MainWindow::setDocksShown(bool shown)
{
    if (!shown) {
        m_docksHiddenTogether.clear();
        for (QDockWidget* d : m_docks)
            if (!d->isHidden())
                m_docksHiddenTogether << d;
        for (QDockWidget* d : m_docksHiddenTogether)
            d->hide();
    } else {
        const QList<QDockWidget*> back = m_docksHiddenTogether.isEmpty() ? m_docks : m_docksHiddenTogether;
        m_docksHiddenTogether.clear();
        for (QDockWidget* d : back)
            d->show();
    }
    updateDocksAction();
}

void MainWindow::updateDocksAction()
{
    if (!m_docksAction)
        return;
    const bool any = std::any_of(m_docks.begin(), m_docks.end(), [](QDockWidget* d) { return !d->isHidden(); });
    QSignalBlocker block(m_docksAction);
    m_docksAction->setChecked(any);
}

void MainWindow::createActions()
{
    createFileMenu();
    createEditMenu();
    createFormMenu();
    createDocumentMenu();
    createPageMenu();
    createViewMenu();
    createReviewMenu();
    createRedactionMenu();
    createProcessingMenu();
    createHelpMenu();
    createToolBar();
}

void MainWindow::createFileMenu()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* a = file->addAction(tr("&New Project…"), this, &MainWindow::onNew);
    a->setShortcut(QKeySequence::New);
    a = file->addAction(tr("&Open Project…"), this, &MainWindow::onOpen);
    a->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    a = file->addAction(tr("&Import Files…"), this, &MainWindow::onImportFiles);
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    m_writeActions << a;
    a = file->addAction(tr("Import &Folder…"), this, &MainWindow::onImportFolder);
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    m_writeActions << a;
    a = file->addAction(tr("&Watch Folders…"), this, &MainWindow::onWatchFolders);
    a->setObjectName(QStringLiteral("watchFoldersAction"));
    m_writeActions << a;
    createCaptureActions(file);
    a = file->addAction(tr("&Export…"), this, [this] { ExportDialog::openFor(m_session.get(), m_workplace, this); });
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_projectActions << a; // exporting only reads: allowed on read-only projects too
    file->addSeparator();
    a = file->addAction(tr("&Close Project"), this, &MainWindow::closeProject);
    a->setShortcut(QKeySequence::Close);
    m_projectActions << a;
    a = file->addAction(tr("&Settings…"), this, &MainWindow::onSettings);
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    file->addSeparator();
    a = file->addAction(tr("&Quit"), this, &QWidget::close);
    a->setShortcut(QKeySequence::Quit);
}

void MainWindow::createEditMenu()
{
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(tr("&Undo"), this, [this] {
        if (m_session)
            m_session->undoStack()->undo();
    });
    m_undo->setShortcuts({QKeySequence::Undo});
    m_redo = edit->addAction(tr("&Redo"), this, [this] {
        if (m_session)
            m_session->undoStack()->redo();
    });
    m_redo->setShortcuts({QKeySequence(QStringLiteral("Ctrl+Shift+Z")), QKeySequence(QStringLiteral("Ctrl+Y"))});
    edit->addSeparator();
    for (QAction* e : m_view->editActions()) {
        edit->addAction(e);
        m_writeActions << e;
    }
    edit->addSeparator();
    QAction* a = edit->addAction(tr("&Labels…"), this, [this] {
        if (!m_session)
            return;
        auto* d = new LabelManagerDialog(m_session.get(), this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    m_writeActions << a;
    a = edit->addAction(tr("&Find in Project…"), this, [this] {
        if (!m_search)
            return;
        m_searchDock->show();
        m_searchDock->raise();
        m_search->focusSearch();
    });
    a->setShortcut(QKeySequence::Find);
    m_projectActions << a;
}

void MainWindow::createFormMenu()
{
    auto* form = menuBar()->addMenu(tr("F&orm"));
    for (QAction* a : m_view->formActions()) {
        form->addAction(a);
        if (!a->isSeparator())
            m_writeActions << a;
    }
    form->addSeparator();
    QAction* a = form->addAction(tr("&Propose Entities and Links on This Page"), this, [this] {
        if (!m_session || m_view->pageId() == 0)
            return;
        const auto [entities, links] = m_session->proposeOnPage(m_view->pageId());
        if (entities < 0)
            return;
        statusBar()->showMessage(
            tr("Proposed %1 entities and %2 links: F8 walks them, Alt+Return accepts, Alt+Delete rejects")
                .arg(entities)
                .arg(links),
            8000);
        m_view->formLayer()->nextProposal(1);
    });
    a->setShortcut(QKeySequence(QStringLiteral("Alt+Shift+P")));
    m_writeActions << a;
    a = form->addAction(tr("&Carry This Page's Form to Pages with the Same Layout"), this, [this] {
        if (!m_session || m_view->pageId() == 0)
            return;
        const auto [pages, entities, links] = m_session->carryFormFrom(m_view->pageId());
        if (pages < 0)
            return;
        statusBar()->showMessage(
            tr("Carried the form onto %n page(s): %1 entities and %2 links to accept or reject", nullptr, pages)
                .arg(entities)
                .arg(links),
            8000);
    });
    m_writeActions << a;
    // The proposal walk goes on to the document's next page that has proposals.
    connect(m_view, &PageView::proposalPageRequested, this, [this](PageId page, int step) {
        showPage(page);
        if (m_view->pageId() == page)
            m_view->formLayer()->nextProposal(step);
    });
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QAction* v : m_view->viewActions())
        m_viewMenu->addAction(v);
    m_viewMenu->addSeparator();
    for (auto* d : m_docks)
        m_viewMenu->addAction(d->toggleViewAction());
    m_docksAction = m_viewMenu->addAction(tr("Show &Docks"), this, &MainWindow::setDocksShown);
    m_docksAction->setCheckable(true);
    m_docksAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    m_viewMenu->addSeparator();
    // The filter bar is made here so its action sits in the View menu; hidden until asked for.
    m_filterBar = new WordFilterBar(this);
    addToolBar(Qt::TopToolBarArea, m_filterBar);
    m_filterBar->hide();
    QAction* a = m_viewMenu->addAction(tr("&Filter Words…"), this, [this] { m_filterBar->focusFilter(); });
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    m_projectActions << a;
}

void MainWindow::createReviewMenu()
{
    auto* review = menuBar()->addMenu(tr("&Review"));
    auto viewKey = [this, review](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* act = review->addAction(text, this, slot);
        act->setShortcuts(keys);
        act->setShortcutContext(Qt::WidgetWithChildrenShortcut); // single keys only while the page has focus
        m_view->addAction(act);
        m_projectActions << act;
        return act;
    };
    viewKey(tr("&Next Word to Review"), {QKeySequence(Qt::Key_Tab)}, [this] { goToWordToReview(true); });
    viewKey(tr("&Previous Word to Review"), {QKeySequence(Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::Key_Backtab)},
            [this] { goToWordToReview(false); });
    // Return on the page (not in the word editor, whose Return stores the text and goes on too).
    QAction* acceptGoOn =
        viewKey(tr("Accept Word and &Go On"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                [this] { acceptAndGoOn(); });
    acceptGoOn->setShortcutContext(Qt::WidgetShortcut);
    m_writeActions << acceptGoOn;
    // With Ctrl and Shift: never typed into a word, so they work from the inspector's text field too.
    QAction* reading = review->addAction(tr("Take &Other Reading"), this, [this] { takeOtherReading(); });
    reading->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    m_writeActions << reading;
    QAction* accept = review->addAction(tr("A&ccept Word"), this, [this] { acceptWord(); });
    accept->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    m_writeActions << accept;
    m_view->setContextActions({acceptGoOn, accept, reading});
    viewKey(tr("Next &Unreviewed Page"), {QKeySequence(QStringLiteral("Ctrl+Shift+N"))},
            [this] { goToNextUnreviewedPage(); });
    m_writeActions << viewKey(tr("&Mark Page Reviewed"),
                              {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                              [this] { markPageReviewed(); });
    review->addSeparator();
    QAction* a = review->addAction(tr("Next Pa&ge"), this, [this] {
        const int row = m_pages->rowOf(m_view->pageId());
        if (row >= 0 && row + 1 < m_pages->rowCount())
            showPage(m_pages->pageAt(row + 1));
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_projectActions << a;
    a = review->addAction(tr("Previous P&age"), this, [this] {
        const int row = m_pages->rowOf(m_view->pageId());
        if (row > 0)
            showPage(m_pages->pageAt(row - 1));
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_projectActions << a;
}

void MainWindow::createProcessingMenu()
{
    auto* processing = menuBar()->addMenu(tr("&Processing"));
    QAction* a = processing->addAction(tr("&Re-OCR Page"), this, &MainWindow::reprocessPage);
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    m_writeActions << a;
    a = processing->addAction(tr("Re-OCR with &Settings…"), this, &MainWindow::reOcrWithSettings);
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    m_writeActions << a;
    a = processing->addAction(tr("Retry &Failed Pages"), this, [this] {
        if (m_pipeline && m_currentDoc)
            m_pipeline->retryFailed(m_currentDoc);
    });
    m_writeActions << a;
    m_pauseAction = processing->addAction(tr("&Pause"), this, [this] {
        if (!m_pipeline)
            return;
        if (m_pipeline->state() == PipelineController::State::Paused)
            m_pipeline->resume();
        else
            m_pipeline->pause();
    });
    m_cancelAction = processing->addAction(tr("&Cancel Processing"), this, [this] {
        if (m_pipeline)
            m_pipeline->cancel();
    });
}

void MainWindow::createHelpMenu()
{
    auto* help = menuBar()->addMenu(tr("&Help"));
    QAction* a = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* d = new ShortcutsDialog(allActions(), this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+/")));
    help->addAction(tr("&About Incidoc"), this, [this] {
        auto* d = new AboutDialog(this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
}

void MainWindow::createToolBar()
{
    auto* tools = addToolBar(tr("Tools"));
    tools->setObjectName(QStringLiteral("toolsToolBar"));
    tools->addAction(m_undo);
    tools->addAction(m_redo);
    tools->addSeparator();
    for (QAction* v : m_view->viewActions().mid(0, 5))
        tools->addAction(v);
    tools->addSeparator();
    for (QAction* e : m_view->editActions().mid(0, 5))
        tools->addAction(e);
}

void MainWindow::createStatusBar()
{
    statusBar()->addPermanentWidget(m_wordLabel);
    statusBar()->addPermanentWidget(m_confLabel);
    statusBar()->addPermanentWidget(m_filterLabel);
    m_filterLabel->setObjectName(QStringLiteral("filterStatus"));
    statusBar()->addPermanentWidget(m_queueLabel);
    m_queueLabel->setObjectName(QStringLiteral("queueStatus"));
    m_filterLabel->hide();
    statusBar()->addPermanentWidget(m_pageLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
}

QList<QAction*> MainWindow::allActions() const
{
    QList<QAction*> out;
    for (QAction* m : menuBar()->actions()) {
        if (!m->menu())
            continue;
        for (QAction* a : m->menu()->actions())
            if (!a->isSeparator() && !a->menu() && !out.contains(a))
                out << a;
    }
    for (QAction* a : m_view->actions() + m_documentsView->actions())
        if (!out.contains(a))
            out << a;
    return out;
}

// --- projects -------------------------------------------------------------------------------------

void MainWindow::showError(const QString& title, const QString& text)
{
    m_lastError = text;
    statusBar()->showMessage(text, 10000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::openProject(const QString& path, bool readOnly)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        showError(tr("Cannot open project"), tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (info.isFile() && info.suffix().compare(QLatin1String("incidoc"), Qt::CaseInsensitive) != 0
        && looksImportable(info.absoluteFilePath())) { // a PDF or an image: the user wants it imported
        offerImport(info.absoluteFilePath());
        return false;
    }
    auto opened = ProjectSession::open(info.absoluteFilePath(), readOnly);
    if (!opened) {
        const QString message = opened.error().message;
        // A file we may read but not write can still be reviewed: offer that instead of failing.
        const bool cannotWrite = !readOnly && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable());
        if (cannotWrite) {
            m_lastError = message;
            auto* box = new QMessageBox(QMessageBox::Question, tr("Project is read-only"),
                                        tr("%1 cannot be opened for editing:\n%2\n\nOpen it read-only?")
                                            .arg(QDir::toNativeSeparators(path), message),
                                        QMessageBox::NoButton, this);
            auto* ro = box->addButton(tr("Open Read-Only"), QMessageBox::AcceptRole);
            box->addButton(QMessageBox::Cancel);
            box->setObjectName(QStringLiteral("readOnlyOffer"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            const QString abs = info.absoluteFilePath();
            connect(box, &QMessageBox::buttonClicked, this, [this, ro, abs](QAbstractButton* b) {
                if (b == ro)
                    openProject(abs, true);
            });
            box->open();
            return false;
        }
        showError(tr("Cannot open project"),
                  tr("%1 cannot be opened:\n%2").arg(QDir::toNativeSeparators(path), message));
        return false;
    }
    closeProject();
    m_session = std::move(opened).value();
    // The project's own engine choice (absent: the defaults) for every page it processes.
    const auto choice = readEngineChoice(m_session->store());
    m_settings.ocrEngines = choice ? choice->engines : QString();
    m_settings.ocrProfile = choice ? choice->profile : QString();
    if (!m_session->isReadOnly()) {
        m_pipeline = new PipelineController(m_session.get(), m_workplace, this);
        connect(m_session.get(), &ProjectSession::typeProfilesChanged, m_pipeline,
                [this](const ProfileScope& scope) { m_pipeline->reprocessForProfiles(scope); });
        connect(m_pipeline, &PipelineController::pageProcessed, this, &MainWindow::predictTypeAfterFirstPage);
        m_pipeline->setOptions(m_settings.pipelineOptions());
        m_pipeline->setRemoteOptions(m_settings.remoteOptions());
        connect(m_pipeline, &PipelineController::errorOccurred, this,
                [this](const QString& m) { showError(tr("Processing"), m); });
        connect(m_pipeline, &PipelineController::statusMessage, this,
                [this](const QString& m) { statusBar()->showMessage(m, 10000); });
        connect(m_pipeline, &PipelineController::importFinished, this, [this](const QString& summary, int, int failed) {
            statusBar()->showMessage(summary, 10000);
            if (failed)
                m_lastError = summary;
            refreshNow();
            if (!m_currentDoc && m_documents->rowCount() > 0)
                showDocument(m_documents->documentAt(m_documents->rowCount() - 1));
        });
        connect(m_pipeline, &PipelineController::stateChanged, this, [this] { updateActions(); });
    }
    m_progress->setController(m_pipeline);
    connectSession();
    // What another process writes to the project (incidoc-cli watch, import, ocr) shows up here too.
    m_session->setExternalChangePolling(1000);
    connect(m_session.get(), &ProjectSession::changedElsewhere, this, [this] {
        if (m_pipeline)
            m_pipeline->pickUpQueued(); // pages a watcher queued while this app holds the processing lock
    });
    if (m_pipeline) {
        m_watch = new WatchController(m_session.get(), m_pipeline, m_workplace, this);
        connect(m_watch, &WatchController::statusMessage, this,
                [this](const QString& m) { statusBar()->showMessage(m, 10000); });
        connect(m_watch, &WatchController::errorOccurred, this,
                [this](const QString& m) { showError(tr("Watch Folders"), m); });
    }
    m_view->setViewStates(QSettings().value(viewStatesKey(m_session->path())).toMap());
    addRecent(m_session->path());
    updateTitle();
    updateActions();
    refreshNow();
    if (m_documents->rowCount() > 0)
        showDocument(m_documents->documentAt(0));
    if (const QString note = m_settings.engineNote(); !note.isEmpty() && m_pipeline)
        statusBar()->showMessage(note, 10000);
    if (m_pipeline)
        m_pipeline->resumeQueued(); // pages left queued or interrupted by a previous run
    if (m_watch)
        m_watch->start(); // the project's Watch folders
    Q_EMIT projectOpened(m_session->path());
    return true;
}

bool MainWindow::newProject(const QString& path)
{
    QString p = path;
    if (!p.endsWith(QLatin1String(".incidoc")))
        p += QLatin1String(".incidoc");
    if (QFileInfo::exists(p)) { // never overwrite: a project (or anything else) is already there
        showError(tr("Cannot create project"),
                  tr("%1 already exists. Use Open to open it.").arg(QDir::toNativeSeparators(p)));
        return false;
    }
    auto made = ProjectSession::open(p);
    if (!made) {
        showError(tr("Cannot create project"), made.error().message);
        return false;
    }
    made->reset(); // created; now open it the usual way
    return openProject(p);
}

void MainWindow::closeProject()
{
    if (m_session) // where each page was looked at, for the next time this project opens
        QSettings().setValue(viewStatesKey(m_session->path()), m_view->viewStates());
    for (auto* d : findChildren<LabelManagerDialog*>()) // they hold the session
        delete d;
    for (auto* d : findChildren<CaptureDialog*>()) // it holds the session (its captures are in the project)
        delete d;
    m_view->setSession(nullptr);
    m_filterBar->setSession(nullptr); // label ids belong to the project: the filter goes with it
    m_documents->setSession(nullptr);
    m_pages->setSession(nullptr);
    m_undoView->setStack(nullptr);
    if (m_inspector || m_search) {
        setDockContent(m_inspectorDock, new QLabel(tr("No project"), this));
        m_searchDock->setWidget(new QLabel(tr("No project"), this));
        delete m_inspector;
        delete m_search;
        m_inspector = nullptr;
        m_search = nullptr;
    }
    closeFormDocks();
    m_progress->setController(nullptr);
    m_navigator.reset();
    delete m_watch; // stops watching before the pipeline it feeds goes
    m_watch = nullptr;
    delete m_pipeline; // cancels and waits for pages in flight (they stay queued)
    m_pipeline = nullptr;
    m_typePredictionWaiting.clear();
    m_session.reset();
    m_settings.ocrEngines.clear();
    m_settings.ocrProfile.clear();
    m_currentDoc = 0;
    updateTitle();
    updateActions();
    updateStatus();
    updateQueueStatus();
}

void MainWindow::connectSession()
{
    ProjectSession* s = m_session.get();
    m_view->setSession(s);
    m_filterBar->setSession(s);
    m_documents->setSession(s);
    m_pages->setSession(s);
    m_undoView->setStack(s->undoStack());
    delete m_searchDock->widget();
    m_inspector = new InspectorWidget(s, this);
    delete setDockContent(m_inspectorDock, m_inspector);
    m_search = new SearchPanel(s, this);
    m_searchDock->setWidget(m_search);
    m_navigator = std::make_unique<ReviewNavigator>(s);
    connectFormDocks();
    connect(m_view, &PageView::selectionChanged, m_inspector, &InspectorWidget::setSelection);
    connect(m_search, &SearchPanel::hitActivated, this,
            [this](const SearchHit& hit) { jumpTo(hit.pageId, hit.wordId); });
    connect(s, &ProjectSession::documentsChanged, this, &MainWindow::scheduleRefresh);
    connect(s, &ProjectSession::pageChanged, this, [this](PageId page) {
        m_pages->refreshPage(page);
        scheduleRefresh();
        if (page == m_view->pageId())
            updateStatus();
    });
    connect(s, &ProjectSession::errorOccurred, this, [this](const QString& m) { showError(tr("Edit not saved"), m); });
    connect(s, &ProjectSession::wordsChanged, this, &MainWindow::scheduleQueueStatus);
    connect(s, &ProjectSession::pageChanged, this, &MainWindow::scheduleQueueStatus);
    connect(s, &ProjectSession::documentsChanged, this, &MainWindow::scheduleQueueStatus);
    auto* stack = s->undoStack();
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this,
            [this](const QString& t) { m_undo->setText(t.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(t)); });
    connect(stack, &QUndoStack::redoTextChanged, this,
            [this](const QString& t) { m_redo->setText(t.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(t)); });
}

void MainWindow::scheduleRefresh()
{
    // Pages finish several times a second: coalesce the list refreshes.
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(200, this, [this] {
        m_refreshPending = false;
        refreshNow();
    });
}

void MainWindow::refreshNow()
{
    if (!m_session)
        return;
    m_documents->refresh();
    m_pages->refresh();
    const int row = m_documents->rowOf(m_currentDoc);
    if (row >= 0 && m_documentsView->currentIndex().row() != row) {
        QSignalBlocker block(m_documentsView->selectionModel());
        m_documentsView->setCurrentIndex(m_documents->index(row, 0));
    }
    if (!m_currentDoc && m_documents->rowCount() > 0)
        showDocument(m_documents->documentAt(0));
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(tr("Incidoc"));
        return;
    }
    QString title = QFileInfo(m_session->path()).fileName();
    if (m_session->isReadOnly())
        title += tr(" (read-only)");
    setWindowTitle(tr("%1 — Incidoc").arg(title));
}

void MainWindow::updateActions()
{
    const bool open = m_session != nullptr;
    const bool writable = open && !m_session->isReadOnly();
    for (QAction* a : m_projectActions)
        a->setEnabled(open);
    for (QAction* a : m_writeActions)
        a->setEnabled(writable);
    m_undo->setEnabled(open && m_session->undoStack()->canUndo());
    m_redo->setEnabled(open && m_session->undoStack()->canRedo());
    const auto state = m_pipeline ? m_pipeline->state() : PipelineController::State::Idle;
    m_pauseAction->setEnabled(state != PipelineController::State::Idle);
    m_pauseAction->setText(state == PipelineController::State::Paused ? tr("&Resume") : tr("&Pause"));
    m_cancelAction->setEnabled(state != PipelineController::State::Idle);
    updatePageCornersAction();
}

void MainWindow::updateStatus()
{
    const PageRecord& p = m_view->page();
    if (p.id) {
        QString status;
        if (p.status == PageStatus::Queued)
            status = tr(" (waiting to be processed)");
        else if (p.status == PageStatus::Processing)
            status = tr(" (processing)");
        else if (p.status == PageStatus::Failed)
            status =
                tr(" (failed: %1)")
                    .arg(FailureText::pageSummary(p.failure == FailureKind::None ? FailureKind::Error : p.failure));
        // The reason the engine gave, for whoever wants the detail.
        m_pageLabel->setToolTip(p.status == PageStatus::Failed ? FailureText::ofPage(p) : QString());
        const auto doc = m_session ? m_session->document(p.documentId) : std::nullopt;
        m_pageLabel->setText(tr("%1 · page %2 / %3%4")
                                 .arg(doc ? doc->name : QString())
                                 .arg(p.number)
                                 .arg(doc ? doc->pageCount : 0)
                                 .arg(status + photoStatus(p)));
    } else {
        m_pageLabel->setText(m_session ? tr("No page") : tr("No project — File › Open or drop files here"));
    }
    m_zoomLabel->setText(tr("%1 %").arg(std::lround(m_view->zoom() * 100)));
}

void MainWindow::updateFilterStatus(int shown, int total)
{
    m_filterLabel->setVisible(m_view->wordFilter().has_value());
    m_filterLabel->setText(m_view->wordFilter() ? tr("Filter: %1 of %2 words").arg(shown).arg(total) : QString());
}

QString MainWindow::filterStatus() const
{
    return m_filterLabel->text();
}

QString MainWindow::queueStatus() const
{
    return m_queueLabel->text();
}

void MainWindow::addRecent(const QString& path)
{
    QSettings s;
    QStringList recent = s.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    s.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openProject(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
}

void MainWindow::onNew()
{
    auto* d = new QFileDialog(this, tr("New Project"), QString(), tr("Incidoc projects (*.incidoc)"));
    d->setAcceptMode(QFileDialog::AcceptSave);
    d->setDefaultSuffix(QStringLiteral("incidoc"));
    d->setOption(QFileDialog::DontConfirmOverwrite); // newProject refuses existing files itself
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QFileDialog::fileSelected, this, [this](const QString& f) { newProject(f); });
    d->open();
}

void MainWindow::onOpen()
{
    auto* d = new QFileDialog(this, tr("Open Project"), QString(), tr("Incidoc projects (*.incidoc);;All files (*)"));
    d->setFileMode(QFileDialog::ExistingFile);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QFileDialog::fileSelected, this, [this](const QString& f) { openProject(f); });
    d->open();
}

void MainWindow::offerImport(const QString& path)
{
    const QString name = QDir::toNativeSeparators(path);
    m_lastError = tr("%1 is a document to import, not an Incidoc project.").arg(name);
    if (m_session && m_session->isReadOnly()) {
        showError(tr("Import"), tr("%1 is a document, not an Incidoc project, and the open project is read-only: "
                                   "it cannot be imported into it.")
                                    .arg(name));
        return;
    }
    auto* box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("importOffer"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Import a Document"));
    box->setText(tr("%1 is a document, not an Incidoc project.").arg(name));
    QAbstractButton* yes = nullptr;
    if (m_session) {
        box->setInformativeText(tr("Import it into %1?").arg(QFileInfo(m_session->path()).fileName()));
        yes = box->addButton(tr("&Import"), QMessageBox::AcceptRole);
    } else {
        box->setInformativeText(tr("Documents are imported into a project: create a project (or open one) "
                                   "first. A new project will import this document."));
        yes = box->addButton(tr("&New Project…"), QMessageBox::AcceptRole);
    }
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(qobject_cast<QPushButton*>(yes));
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, path](QAbstractButton* b) {
        if (b != yes)
            return;
        if (m_session) {
            importPaths({path});
            return;
        }
        auto* d = new QFileDialog(this, tr("New Project"), QFileInfo(path).absolutePath(),
                                  tr("Incidoc projects (*.incidoc)"));
        d->setAcceptMode(QFileDialog::AcceptSave);
        d->setDefaultSuffix(QStringLiteral("incidoc"));
        d->setOption(QFileDialog::DontConfirmOverwrite); // newProject refuses existing files itself
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &QFileDialog::fileSelected, this, [this, path](const QString& f) {
            if (newProject(f))
                importPaths({path});
        });
        d->open();
    });
    box->open();
}

void MainWindow::onImportFiles()
{
    auto* d = new QFileDialog(this, tr("Import Files"), QString(),
                              tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
    d->setFileMode(QFileDialog::ExistingFiles);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QFileDialog::filesSelected, this, [this](const QStringList& f) { importPaths(f); });
    d->open();
}

void MainWindow::onWatchFolders()
{
    if (!m_watch)
        return;
    auto* d = new QInputDialog(this);
    d->setObjectName(QStringLiteral("watchFoldersDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setWindowTitle(tr("Watch Folders"));
    d->setLabelText(tr("Files that land in these folders (and their subfolders) are imported into this project "
                       "once they are complete. One folder per line; none: nothing is watched."));
    d->setOption(QInputDialog::UsePlainTextEditForTextInput);
    d->setTextValue(m_watch->projectFolders().join(QLatin1Char('\n')));
    connect(d, &QInputDialog::textValueSelected, this, [this](const QString& text) {
        if (m_watch && m_watch->setProjectFolders(text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)))
            statusBar()->showMessage(m_watch->isWatching()
                                         ? tr("Watching %n folder(s)", nullptr, m_watch->projectFolders().size())
                                         : tr("No folder is watched"),
                                     10000);
    });
    d->open();
    // Tab leaves the folder list for OK and Cancel: the dialog is used from the keyboard too.
    if (auto* edit = d->findChild<QPlainTextEdit*>())
        edit->setTabChangesFocus(true);
}

void MainWindow::onImportFolder()
{
    auto* d = new QFileDialog(this, tr("Import Folder"));
    d->setFileMode(QFileDialog::Directory);
    d->setOption(QFileDialog::ShowDirsOnly);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QFileDialog::fileSelected, this, [this](const QString& f) { importPaths({f}); });
    d->open();
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (!m_session) {
        showError(tr("Import"), tr("Open or create a project first (File › New Project)."));
        return;
    }
    if (!m_pipeline) {
        showError(tr("Import"), tr("The project is open read-only: nothing can be imported."));
        return;
    }
    statusBar()->showMessage(tr("Importing %n item(s)…", nullptr, paths.size()));
    m_pipeline->importPaths(paths);
}

void MainWindow::onSettings()
{
    auto* d = new SettingsDialog(m_settings, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    const bool writable = m_session && !m_session->isReadOnly();
    d->setProjectChoices(writable);
    connect(d, &QDialog::accepted, this, [this, d, writable] {
        const AppSettings s = d->settings();
        s.save();
        const bool enginesChanged = s.ocrEngines != m_settings.ocrEngines || s.ocrProfile != m_settings.ocrProfile;
        applySettings(s);
        if (writable && m_session && enginesChanged)
            if (Status kept = setProjectEngineChoice(s.ocrEngines, s.ocrProfile); !kept)
                showError(tr("Settings"), kept.error().message);
    });
    d->open();
}

Status MainWindow::setProjectEngineChoice(const QString& engines, const QString& profile)
{
    if (!m_session || m_session->isReadOnly())
        return makeError(ErrorCode::InvalidInput, tr("No project open that can be written."));
    if (Status kept = writeEngineChoice(m_session->store(), {engines, profile}); !kept)
        return kept;
    m_settings.ocrEngines = engines;
    m_settings.ocrProfile = profile;
    if (m_pipeline)
        m_pipeline->setOptions(m_settings.pipelineOptions());
    if (const QString note = m_settings.engineNote(); !note.isEmpty())
        statusBar()->showMessage(note, 10000);
    return okStatus();
}

void MainWindow::applySettings(const AppSettings& settings)
{
    const bool themeChanged = settings.theme != m_settings.theme;
    const QString engines = m_settings.ocrEngines, profile = m_settings.ocrProfile;
    m_settings = settings;
    // The engine choice belongs to the project: changed through setProjectEngineChoice() only.
    m_settings.ocrEngines = engines;
    m_settings.ocrProfile = profile;
    m_view->setConfidenceThreshold(settings.confidenceThreshold);
    m_view->setReadableWordHeight(settings.readableWordHeight);
    m_view->setOverlayOpacity(settings.overlayOpacity / 100.0);
    if (m_session)
        scheduleQueueStatus(); // the threshold decides what is left to check
    m_view->setDefaultDpi(settings.dpi);
    m_view->setOcrLanguages(settings.languages);
    if (m_pipeline) {
        m_pipeline->setOptions(settings.pipelineOptions());
        m_pipeline->setRemoteOptions(settings.remoteOptions());
    }
    static bool first = true;
    if (themeChanged || (first && settings.theme != QLatin1String("system")))
        applyTheme(settings.theme);
    first = false;
}

void MainWindow::onDocumentsContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_documentsView->indexAt(pos);
    if (!index.isValid() || !m_pipeline)
        return;
    const DocumentId doc = m_documents->documentAt(index.row());
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto* retry = menu->addAction(tr("Retry Failed"), this, [this, doc] { m_pipeline->retryFailed(doc); });
    retry->setEnabled(m_documents->hasFailures(index.row()));
    menu->addSeparator();
    auto* remove = menu->addAction(tr("&Remove Document…"), this, [this, doc] { removeDocument(doc); });
    const bool failed = m_session->isFailedDocument(doc);
    remove->setEnabled(failed);
    remove->setToolTip(failed ? tr("Removes the document from the project (Delete).")
                              : tr("Only a document that failed can be removed."));
    menu->setToolTipsVisible(true);
    menu->popup(m_documentsView->viewport()->mapToGlobal(pos));
}

void MainWindow::removeDocument(DocumentId document)
{
    if (!m_session)
        return;
    const auto doc = m_session->document(document);
    if (!doc)
        return;
    if (m_session->isReadOnly()) {
        showError(tr("Remove Document"), tr("The project is open read-only: nothing can be removed."));
        return;
    }
    if (!m_session->isFailedDocument(document)) {
        // Its words are someone's work, or will be: only what failed as a whole can go.
        showError(tr("Remove Document"),
                  tr("%1 was imported and has pages that were read or are waiting to be read. Only a "
                     "document that failed (its file could not be imported, or every page failed) can be "
                     "removed.")
                      .arg(doc->name));
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove Document"),
                                tr("Remove %1 from the project?").arg(doc->name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeDocumentConfirm"));
    box->setInformativeText(
        (doc->error.isEmpty() ? tr("Every page of it failed.") : tr("Its import failed: %1.").arg(doc->error))
        + QLatin1Char(' ')
        + tr("The document and its pages leave the project; the file on disk is not touched. This cannot be "
             "undone: import the file again to bring it back."));
    auto* yes = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, document](QAbstractButton* b) {
        if (b != yes || !m_session || !m_session->removeDocument(document))
            return;
        statusBar()->showMessage(tr("Document removed."), 5000);
        if (m_currentDoc == document) {
            m_currentDoc = 0;
            m_pages->setDocument(0);
            m_view->showPage(0);
        }
        refreshNow();
        updateStatus();
    });
    box->open();
}

// --- navigation -----------------------------------------------------------------------------------

void MainWindow::showDocument(DocumentId document, PageId page)
{
    if (!m_session)
        return;
    if (document != m_currentDoc || m_pages->document() != document) {
        m_currentDoc = document;
        m_pages->setDocument(document);
        const int row = m_documents->rowOf(document);
        if (row >= 0) {
            QSignalBlocker block(m_documentsView->selectionModel());
            m_documentsView->setCurrentIndex(m_documents->index(row, 0));
        }
    }
    if (!page && m_pages->rowCount() > 0)
        page = m_pages->pageAt(0);
    showPage(page);
}

void MainWindow::showPage(PageId page)
{
    if (!m_session)
        return;
    if (page) {
        auto rec = m_session->page(page);
        if (!rec)
            return;
        if (rec->documentId != m_currentDoc) {
            showDocument(rec->documentId, page);
            return;
        }
        if (m_pipeline && rec->status == PageStatus::Queued)
            m_pipeline->prioritize(page); // the page the user is looking at goes first
    }
    if (page != m_view->pageId())
        m_view->showPage(page);
    const int row = m_pages->rowOf(page);
    if (row >= 0 && m_pagesView->currentIndex().row() != row) {
        QSignalBlocker block(m_pagesView->selectionModel());
        m_pagesView->setCurrentIndex(m_pages->index(row));
    }
    m_pagesView->scrollTo(m_pages->index(row));
    updateStatus();
    updateQueueStatus();
    Q_EMIT pageShown(page);
}

void MainWindow::jumpTo(PageId page, WordId word)
{
    showPage(page);
    if (m_view->pageId() == page) {
        if (!m_view->isWordKept(word))
            statusBar()->showMessage(tr("The word is hidden by the word filter (View › Filter Words…)."), 6000);
        m_view->selectWords({word});
        m_view->revealWord(word); // centred, zoomed to a readable size
        m_view->setFocus();
    }
}

void MainWindow::showWords(PageId page, const QList<WordId>& words)
{
    if (words.isEmpty()) {
        showPage(page);
        return;
    }
    jumpTo(page, words.first());
    if (m_view->pageId() == page && words.size() > 1)
        m_view->selectWords(words);
}

bool MainWindow::goToWordToReview(bool forward)
{
    if (!m_session || !m_navigator)
        return false;
    m_navigator->setThreshold(m_settings.confidenceThreshold);
    // From the selected word (forward: the last one, backward: the first) or the edge of the shown page.
    ReviewPosition from{m_view->pageId(), 0};
    const QList<WordId> sel = m_view->selectedWords();
    if (from.page && !sel.isEmpty())
        from.word = forward ? sel.last() : sel.first();
    bool wrapped = false;
    auto hit = m_navigator->nextToCheck(from, forward, &wrapped);
    // With a word filter, only the words it keeps are stops (at most one lap of the queue).
    if (const auto& filter = m_view->wordFilter(); filter && hit) {
        std::unordered_map<PageId, std::unordered_set<WordId>> kept;
        auto isKept = [&](const SearchHit& h) {
            auto it = kept.find(h.pageId);
            if (it == kept.end()) {
                std::unordered_set<WordId> ids;
                for (const WordRecord& w : ReviewNavigator::filterWords(m_session->words(h.pageId), *filter))
                    ids.insert(w.id);
                it = kept.emplace(h.pageId, std::move(ids)).first;
            }
            return it->second.count(h.wordId) > 0;
        };
        const int total = m_navigator->toCheckCount();
        for (int i = 0; hit && !isKept(*hit); ++i) {
            bool lap = false;
            hit = i < total ? m_navigator->nextToCheck({hit->pageId, hit->wordId}, forward, &lap) : std::nullopt;
            wrapped = wrapped || lap;
        }
    }
    updateQueueStatus();
    if (!hit) {
        statusBar()->showMessage(m_view->wordFilter() ? tr("No word left to check that the filter shows.")
                                                      : tr("No word left to check: the review queue is empty."),
                                 5000);
        return false;
    }
    jumpTo(hit->pageId, hit->wordId);
    if (wrapped)
        statusBar()->showMessage(forward ? tr("Wrapped around: back to the first word to check of the project.")
                                         : tr("Wrapped around: back to the last word to check of the project."),
                                 5000);
    return true;
}

bool MainWindow::acceptAndGoOn()
{
    if (!m_session)
        return false;
    const QList<WordId> sel = m_view->selectedWords();
    if (sel.size() == 1 && !m_session->isReadOnly() && !m_session->acceptWord(sel.first()))
        return false;
    return goToWordToReview(true);
}

bool MainWindow::takeOtherReading()
{
    return m_inspector && m_inspector->takeOtherReading();
}

bool MainWindow::acceptWord()
{
    return m_inspector && m_inspector->acceptWord();
}

void MainWindow::updateQueueStatus()
{
    if (!m_session || !m_navigator) {
        m_queueLabel->clear();
        return;
    }
    m_navigator->setThreshold(m_settings.confidenceThreshold);
    const int project = m_navigator->toCheckCount();
    const int document = m_currentDoc ? m_navigator->toCheckCount(m_currentDoc) : 0;
    m_queueLabel->setText(project == 0 ? tr("Nothing left to check")
                                       : tr("%n word(s) to check in this document", nullptr, document)
                                             + tr(", %n in the project", nullptr, project));
}

void MainWindow::scheduleQueueStatus()
{
    if (m_queueStatusPending)
        return;
    m_queueStatusPending = true;
    QTimer::singleShot(150, this, [this] {
        m_queueStatusPending = false;
        updateQueueStatus();
    });
}

bool MainWindow::goToNextUnreviewedPage()
{
    if (!m_session || !m_navigator)
        return false;
    const auto page = m_navigator->nextUnreviewedPage(m_view->pageId());
    if (!page) {
        statusBar()->showMessage(tr("Every processed page is reviewed."), 5000);
        return false;
    }
    showPage(page->id);
    return true;
}

void MainWindow::markPageReviewed()
{
    if (!m_session || !m_view->pageId())
        return;
    if (m_session->setPageReview(m_view->pageId(), ReviewStatus::Reviewed))
        statusBar()->showMessage(tr("Page marked reviewed."), 4000);
}

void MainWindow::reprocessPage()
{
    if (m_pipeline && m_view->pageId()) {
        m_pipeline->reprocessPage(m_view->pageId());
        statusBar()->showMessage(tr("The page is read again; words you edited are kept."), 5000);
    }
}

void MainWindow::reOcrWithSettings()
{
    if (!m_pipeline || !m_view->pageId())
        return;
    auto* d = new ReOcrDialog(m_settings.languages, m_view->page().dpi > 0 ? m_view->page().dpi : m_settings.dpi,
                              static_cast<int>(m_view->selectedWords().size()), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this,
            [this, d] { reOcr(d->scope() == ReOcrDialog::Scope::Selection, d->languages(), d->dpi()); });
    d->open();
}

bool MainWindow::reOcr(bool selection, const QString& languages, int dpi)
{
    if (!m_session || !m_view->pageId())
        return false;
    if (m_session->isReadOnly() || !m_pipeline) {
        showError(tr("Re-OCR"), tr("The project is open read-only: nothing can be read again."));
        return false;
    }
    if (selection)
        return m_view->reOcrSelection(languages, dpi);
    m_pipeline->reprocessPage(m_view->pageId(), languages, dpi);
    statusBar()->showMessage(
        tr("The page is read again (%1, %2 dpi); words you edited are kept.").arg(languages).arg(dpi), 5000);
    return true;
}

// --- window events --------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    closeProject(); // every edit is already in the project: nothing to save
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    if (paths.size() == 1 && paths.first().endsWith(QLatin1String(".incidoc"), Qt::CaseInsensitive)) {
        openProject(paths.first());
        return;
    }
    importPaths(paths);
}

// --- live capture (File › Capture…, File › Capture from Video File…) ------------------------------------

void MainWindow::createCaptureActions(QMenu* file)
{
    QAction* a = file->addAction(tr("Ca&pture…"), this, [this] { openCapture(false); });
    a->setObjectName(QStringLiteral("captureAction"));
    a->setToolTip(tr("Captures pages with a camera: each page held still in view becomes the next page of a "
                     "capture document"));
    m_writeActions << a;
    a = file->addAction(tr("Capture from &Video File…"), this, [this] { openCapture(true); });
    a->setObjectName(QStringLiteral("captureFromVideoAction"));
    a->setToolTip(tr("Captures pages from a video file, as if it were a camera"));
    m_writeActions << a;
}

CaptureDialog* MainWindow::openCapture(bool fromFile)
{
    if (!m_session || m_session->isReadOnly())
        return nullptr;
    const bool existed = findChild<CaptureDialog*>() != nullptr;
    CaptureDialog* d = CaptureDialog::openFor(m_session.get(), m_pipeline, this);
    if (!existed) { // a capture's page is shown here as it comes, its boxes once it is read
        connect(d, &CaptureDialog::captured, this, [this](PageId page, DocumentId document) {
            refreshNow();
            showDocument(document, page);
        });
        // A capture taken back: the page on screen may be the one that went; the capture before it is shown.
        connect(d, &CaptureDialog::captureUndone, this, [this](DocumentId document) {
            refreshNow();
            if (m_view->pageId() && m_session->page(m_view->pageId()))
                return;
            if (document) {
                showDocument(document, 0);
                if (m_pages->rowCount() > 0)
                    showPage(m_pages->pageAt(m_pages->rowCount() - 1));
            } else {
                m_currentDoc = 0;
                m_pages->setDocument(0);
                showPage(0);
            }
        });
    }
    if (fromFile)
        d->chooseFile();
    return d;
}

} // namespace incidoc::ui
