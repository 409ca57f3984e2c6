#pragma once
// Annotations written by other tools, imported with their images: an image's annotation file (hOCR, ALTO,
// PAGE XML, FUNSD JSON, Label Studio JSON; core/forms/annotation_read.h) becomes the page's words, entities
// and links as they are (boxes, texts, ids, links), the source recorded ("import:funsd", ...); the page
// needs no OCR. A file that is bad input is reported with its reason and the image stays imported (it is
// OCR'd as usual); nothing is half applied.
//
// Threading: not thread-safe (uses `store`).

#include "core/model/records.h"
#include "core/util/result.h"

#include <QString>

#include <vector>

namespace incidoc {

class ProjectStore;

/// What happened to one image's annotations.
struct AnnotationImport {
    DocumentId document = 0;
    QString imagePath;
    QString annotationPath; ///< "" when the image has none
    bool applied = false;
    QString format; ///< "hocr", "alto", "page", "funsd", "label-studio" when applied
    int words = 0, entities = 0, links = 0;
    QString error; ///< why the file was not applied ("" when it was, or when there is none)
};

/// The source recorded on imported words, entities and links: "import:<format>".
QString annotationSource(const QString& format);

/// Applies `annotationPath` to the first page of image document `document` (its size checks the boxes).
AnnotationImport applyAnnotationFile(ProjectStore& store, DocumentId document, const QString& annotationPath);

/// For each image document just imported (id and path), the annotation file beside it (same stem) or in
/// `annotationsDir`, applied. Documents that are not images, or have no annotation file, are left out of
/// the result.
std::vector<AnnotationImport> applyAnnotations(ProjectStore& store,
                                               const std::vector<std::pair<DocumentId, QString>>& documents,
                                               const QString& annotationsDir = {});

} // namespace incidoc
