#pragma once
// A capture session's document: each captured frame becomes the next page of one multi-page TIFF kept
// beside the project (<project>.captures/capture-<time>.tiff; JPEG-compressed, colour, the frame as
// shot), a document of kind image whose pages are queued for processing like any import; the last page
// can be taken back, one by one, down to an empty document (which is then removed).
//
// Thread contract: one CaptureDocument per session, on the thread that owns its ProjectStore.

#include "core/model/records.h"
#include "core/util/result.h"

#include <QImage>
#include <QString>

namespace incidoc {

class ProjectStore;

class CaptureDocument {
public:
    /// Begins a session for the project at `projectPath` (the document is created with the first page).
    CaptureDocument(ProjectStore& store, QString projectPath);

    /// Writes `frame` as the next page and queues it. The page's id.
    Result<PageId> append(const QImage& frame);
    /// Takes back the last page (its words and edits go with it); the document goes when its last page does.
    Status undoLast();

    DocumentId documentId() const { return m_document; } ///< 0 before the first capture
    QString filePath() const { return m_file; }
    int pageCount() const { return m_pages; }

private:
    ProjectStore& m_store;
    QString m_projectPath;
    QString m_file;
    DocumentId m_document = 0;
    int m_pages = 0;
};

} // namespace incidoc
