#pragma once
// Applies annotations another tool wrote (core/forms/annotation_read.h) to a page of the project: their
// words become the page's words, their entities and links its form, each marked with where it came from
// ("import:<format>": the words' engine, the entities' and links' source, their ids in the file kept as the
// entities' external ids).
//
// The words are stored like a recognizer's outcome: the page is done (the pipeline does not read it
// again), words a person edited or drew stay and stand in for the imported words under them, and the words
// are reviewed like OCR words. A file's word without a confidence counts as certain (100: annotations are
// made or checked by people). Label Studio predictions become proposals a person accepts or rejects.
//
// Threading: like the ProjectStore it is given (one thread at a time per store).

#include "core/forms/annotation_read.h"
#include "core/model/records.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace incidoc {

class ProjectStore;

/// What an import did to one page.
struct AnnotationImport {
    QString file;   ///< the annotation file read; "" when the page has none (nothing was changed)
    QString format; ///< ImportedPage::format
    int words = 0, entities = 0, links = 0;
    /// What could not be kept exactly as the file has it (English, for a person): a link from an entity to
    /// itself (the project has none), an entity whose words all lay under words a person drew, ...
    QStringList notes;
};

/// "import:hocr", "import:funsd", ...: the source recorded on what an import of `format` adds.
QString importSource(const QString& format);

/// Applies `imported` to page `page`: its words replace the page's unedited words in one transaction,
/// then its entities and links are added as one form (one edit group, undoable). Errors: NotFound (no such
/// page), Storage; InvalidInput when the store refuses the form (then the words are stored and the form
/// is not: the error says so).
Result<AnnotationImport> applyAnnotations(ProjectStore& store, PageId page, const ImportedPage& imported);

/// Finds the annotation file of the image of page `page` (annotationFileFor(imagePath, annotationsDir)),
/// reads it with the page's size and resolution, and applies it. No file: an AnnotationImport with an
/// empty `file`, nothing changed. A bad file: InvalidInput whose message starts with the file's name,
/// nothing changed (the page stays as it was, e.g. queued for OCR).
Result<AnnotationImport> importAnnotations(ProjectStore& store, PageId page, const QString& imagePath,
                                           const QString& annotationsDir = {});

} // namespace incidoc
