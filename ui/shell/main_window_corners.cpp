// The Page menu: a photographed page's four corners, placed by a person (Page › Page Corners…), one undo
// step that has the page processed again (ui/editing/page_photo_command.h); and how the page is read as a
// photo, in the status bar.
#include "ui/controllers/pipeline_controller.h"
#include "ui/editing/page_photo_command.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/page_corners_dialog.h"
#include "ui/view/page_view.h"

#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QUndoStack>

namespace incidoc::ui {

void MainWindow::createPageMenu()
{
    auto* menu = menuBar()->addMenu(tr("P&age"));
    m_cornersAction = menu->addAction(tr("Page &Corners…"), this, [this] { openPageCorners(); });
    m_cornersAction->setObjectName(QStringLiteral("pageCornersAction"));
    // P for perspective (and page); with Ctrl it is never typed into a word.
    m_cornersAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    connect(menu, &QMenu::aboutToShow, this, &MainWindow::updatePageCornersAction);
    connect(this, &MainWindow::pageShown, this, &MainWindow::updatePageCornersAction);
    updatePageCornersAction();
}

void MainWindow::updatePageCornersAction()
{
    if (!m_cornersAction)
        return;
    bool enabled = false;
    if (m_session && !m_session->isReadOnly() && m_view->pageId() != 0)
        if (const auto page = m_session->page(m_view->pageId()))
            if (const auto doc = m_session->document(page->documentId))
                enabled = doc->kind == DocumentKind::Image;
    m_cornersAction->setEnabled(enabled);
}

PageCornersDialog* MainWindow::openPageCorners()
{
    updatePageCornersAction();
    if (!m_cornersAction->isEnabled())
        return nullptr;
    const auto page = m_session->page(m_view->pageId());
    const auto doc = page ? m_session->document(page->documentId) : std::nullopt;
    if (!page || !doc)
        return nullptr;
    if (page->status == PageStatus::Processing) {
        statusBar()->showMessage(tr("This page is being processed: its corners can be placed once it is done."), 6000);
        return nullptr;
    }
    auto* d = new PageCornersDialog(doc->path, page->number, page->photo, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, id = page->id] { setPagePhoto(id, d->geometry()); });
    d->open();
    return d;
}

bool MainWindow::setPagePhoto(PageId page, const PhotoGeometry& geometry)
{
    const auto record = m_session ? m_session->page(page) : std::nullopt;
    if (!record || m_session->isReadOnly())
        return false;
    const QString text = geometry.isFlattened() ? tr("Page corners of page %1").arg(record->number)
                                                : tr("Read page %1 as it is").arg(record->number);
    EditOutcome outcome;
    auto* command = new SetPagePhotoCommand(
        m_session.get(), page, geometry, text,
        [this](PageId p) {
            if (m_pipeline)
                m_pipeline->reprocessPage(p, QString(), 0); // first and alone, the person's corners kept
        },
        &outcome);
    m_session->undoStack()->push(command); // runs redo(): the change; a failed one is dropped
    if (outcome.ok && outcome.changed)
        statusBar()->showMessage(tr("The page is read again with its new corners; words you edited are kept."), 6000);
    return outcome.ok;
}

QString MainWindow::photoStatus(const PageRecord& page) const
{
    if (!page.photo)
        return {};
    switch (page.photo->state) {
    case PhotoState::Flattened:
        return page.photo->manual ? tr(" · photo, corners placed by hand") : tr(" · photo, flattened");
    case PhotoState::NoPage: return tr(" · photo, no page found (read as it is)");
    case PhotoState::NotPhoto: break;
    }
    return {};
}

} // namespace incidoc::ui
