#include "ui/editing/document_type_command.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"

namespace incidoc::ui {

SetDocumentTypeCommand::SetDocumentTypeCommand(ProjectSession* session, DocumentId document, TypeState before,
                                               TypeState after, const QString& text)
    : QUndoCommand(text), m_session(session), m_document(document), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void SetDocumentTypeCommand::redo()
{
    apply(m_after);
}

void SetDocumentTypeCommand::undo()
{
    apply(m_before);
}

void SetDocumentTypeCommand::apply(const TypeState& state)
{
    const Status s = m_session->store().setDocumentType(m_document, state.type, state.source, state.confidence);
    m_ok = s.ok();
    if (!m_ok) {
        setObsolete(true);
        Q_EMIT m_session->errorOccurred(tr("The document's type could not be changed: %1").arg(s.error().message));
        return;
    }
    m_session->notifyDocumentsChanged();
    m_session->notifyTypeProfilesChanged(ProfileScope::ofDocument(m_document));
}

} // namespace incidoc::ui
