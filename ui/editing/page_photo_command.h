#pragma once
// Undo of a photographed page's corners (Page › Page Corners…): one edit group in the project's history
// (ProjectStore::setPagePhoto: the geometry, the page's size and the boxes of the words it carries), undone
// and redone from there like the word edits. After the change and after each undo or redo the page is
// queued in the project: `processAgain` (the main window's: its pipeline) has it processed again, so the
// view shows the new flat page with its words. A write that fails emits ProjectSession::errorOccurred
// and the command is dropped (a page being processed cannot change its corners until it is done).
//
// Thread contract: GUI thread only.

#include "core/model/photo_geometry.h"
#include "ui/editing/edit_commands.h"

#include <functional>

namespace incidoc::ui {

class SetPagePhotoCommand : public StoreEditCommand {
    Q_DECLARE_TR_FUNCTIONS(incidoc::ui::SetPagePhotoCommand)
public:
    /// `text`: what the Edit menu shows ("Page corners of page 2"). `processAgain` may be empty.
    SetPagePhotoCommand(ProjectSession* session, PageId page, PhotoGeometry geometry, const QString& text,
                        std::function<void(PageId)> processAgain, EditOutcome* outcome = nullptr);
    void redo() override;
    void undo() override;
    PageId page() const { return m_page; }

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    void processAgain();

    PageId m_page;
    PhotoGeometry m_geometry;
    std::function<void(PageId)> m_processAgain;
};

} // namespace incidoc::ui
