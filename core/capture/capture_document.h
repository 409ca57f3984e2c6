#pragma once
// A capture session's document: each captured frame becomes the next page of one multi-page TIFF kept
// beside the project (<project>.captures/capture-<UTC time>.tiff; JPEG-compressed, colour, the frame as
// shot), a document of kind image whose pages are queued for processing like any import; the last page
// can be taken back, one by one, down to an empty document (which is then removed with its file).
//
// The file is rewritten whole for each change (a temporary file renamed over it: a reader that has it open
// keeps reading the pages it had), and the document's sha256, size and page count follow it.
//
// Thread contract: one CaptureDocument per session, on the thread that owns its ProjectStore.

#include "core/model/records.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QImage>
#include <QString>

namespace incidoc {

class ProjectStore;

class CaptureDocument {
public:
    /// Begins a session for the project at `projectPath` (the document is created with the first page).
    CaptureDocument(ProjectStore& store, QString projectPath);

    /// Writes `frame` as the next page and queues it. The page's id. Errors: Io (the file cannot be written:
    /// nothing changed), Storage.
    Result<PageId> append(const QImage& frame, const QDateTime& capturedAt = QDateTime::currentDateTimeUtc());
    /// Takes back the last page (its words and edits go with it); the document and its file go when its last
    /// page does (the next append starts a new one). Errors: InvalidInput (no page to take back, or the page
    /// is being processed right now), Io, Storage.
    Status undoLast();

    DocumentId documentId() const { return m_document; } ///< 0 before the first capture
    QString filePath() const { return m_file; }          ///< empty before the first capture
    int pageCount() const { return m_pages; }
    /// The folder captures of the project at `projectPath` go to: <project>.captures beside it.
    static QString capturesFolder(const QString& projectPath);

private:
    ProjectStore& m_store;
    QString m_projectPath;
    QString m_file;
    DocumentId m_document = 0;
    int m_pages = 0;
};

} // namespace incidoc
