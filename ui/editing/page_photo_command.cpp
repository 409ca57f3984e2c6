#include "ui/editing/page_photo_command.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <utility>

namespace incidoc::ui {

SetPagePhotoCommand::SetPagePhotoCommand(ProjectSession* session, PageId page, PhotoGeometry geometry,
                                         const QString& text, std::function<void(PageId)> processAgain,
                                         EditOutcome* outcome)
    : StoreEditCommand(session, text, outcome), m_page(page), m_geometry(std::move(geometry)),
      m_processAgain(std::move(processAgain))
{
}

Status SetPagePhotoCommand::perform(ProjectStore& store, long long group)
{
    return store.setPagePhoto(m_page, m_geometry, group);
}

void SetPagePhotoCommand::redo()
{
    StoreEditCommand::redo();
    processAgain();
}

void SetPagePhotoCommand::undo()
{
    StoreEditCommand::undo();
    processAgain();
}

void SetPagePhotoCommand::processAgain()
{
    if (isObsolete()) // not written (or nothing to change): the page was not queued
        return;
    // The queued status shows at once (documents list, page list); the words follow when it is done.
    session()->notifyDocumentsChanged();
    if (m_processAgain)
        m_processAgain(m_page);
}

} // namespace incidoc::ui
