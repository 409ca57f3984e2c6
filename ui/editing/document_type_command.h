#pragma once
// Undo of a document's type: a document's type is not part of the words' edit history (the store keeps
// only the current one), so the command keeps the type, source and confidence it replaced and puts them
// back. Its first redo() is the change itself; a write that fails emits ProjectSession::errorOccurred and
// marks the command obsolete (QUndoStack drops it). After each change: documentsChanged.
//
// Thread contract: GUI thread only.

#include "core/model/records.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

namespace incidoc::ui {

class ProjectSession;

class SetDocumentTypeCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(incidoc::ui::SetDocumentTypeCommand)
public:
    /// The type a document gets: name ("" : none), how it got it, the classifier's confidence.
    struct TypeState {
        QString type;
        TypeSource source = TypeSource::None;
        std::optional<double> confidence;
    };
    /// `text`: what the Edit menu shows ("Type: Fax").
    SetDocumentTypeCommand(ProjectSession* session, DocumentId document, TypeState before, TypeState after,
                           const QString& text);
    void redo() override;
    void undo() override;
    /// Whether the last redo() or undo() was written.
    bool ok() const { return m_ok; }

private:
    void apply(const TypeState& state);

    ProjectSession* m_session;
    DocumentId m_document;
    TypeState m_before, m_after;
    bool m_ok = false;
};

} // namespace incidoc::ui
