// ProjectSession's redaction marks: each change one undoable command over the store's edit groups.

#include "ui/editing/edit_commands.h"
#include "ui/project_session.h"

#include <QUndoStack>

namespace incidoc::ui {

std::vector<RedactionMark> ProjectSession::redactionMarks(PageId page)
{
    auto marks = store().redactionMarks(page);
    return marks ? std::move(*marks) : std::vector<RedactionMark>{};
}

namespace {

/// One undoable command (the store's edit group) that applies `action`, unless the project is read-only.
bool pushMarkEdit(ProjectSession* session, const QString& what, FormEditCommand::Action action)
{
    if (session->isReadOnly()) {
        Q_EMIT session->errorOccurred(ProjectSession::tr("The project is open read-only: changes cannot be saved."));
        return false;
    }
    EditOutcome outcome;
    session->undoStack()->push(new FormEditCommand(session, what, std::move(action), &outcome));
    return outcome.ok;
}

} // namespace

bool ProjectSession::addRedactionMarks(const std::vector<RedactionMark>& marks, const QString& what)
{
    if (marks.empty() && !isReadOnly())
        return true;
    return pushMarkEdit(this, what, [marks](ProjectStore& store, long long group) -> Result<long long> {
        long long last = 0;
        for (const RedactionMark& m : marks) {
            auto id = store.addRedactionMark(m, group);
            if (!id)
                return id.error();
            last = *id;
        }
        return last;
    });
}

bool ProjectSession::deleteRedactionMarks(const std::vector<RedactionMarkId>& marks, const QString& what)
{
    if (marks.empty() && !isReadOnly())
        return true;
    return pushMarkEdit(this, what, [marks](ProjectStore& store, long long group) -> Result<long long> {
        const Status done = store.deleteRedactionMarks(marks, group);
        if (!done)
            return done.error();
        return 0LL;
    });
}

} // namespace incidoc::ui
