#pragma once
// Readers of annotation files written by other tools: hOCR, ALTO (v2, v3, v4), PAGE XML (2013-07-15 to
// 2019-07-15), FUNSD JSON and Label Studio JSON (tasks, lists of tasks, exports). Each file becomes one
// neutral ImportedPage (words, entities, links) with ids, texts and boxes exactly as the file has them;
// nothing here knows the project or its storage. The format is decided from the content, never from the
// file name alone.
//
// Bad input (broken XML, an unknown schema or namespace, a JSON that is neither FUNSD nor Label Studio,
// boxes outside the page, links to missing ids, link cycles, an empty file) gives an error with a reason a
// person understands and no partial page.
//
// Threading: every function is reentrant (no shared state).

#include "core/model/geometry.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>
#include <vector>

namespace incidoc {

/// A word (or the smallest text unit the file has: a PAGE line without words, a Label Studio region).
/// Boxes are in page pixels (core/model/geometry.h); ALTO in mm10 / inch1200 and Label Studio percentages
/// are converted, nothing else is touched.
struct ImportedWord {
    QString id; ///< its id in the file ("word_1_3", "string_7", a Label Studio region id); "" when it has none
    QString text;
    PixelBox box;
    /// 0-100 like the OCR's (hOCR x_wconf as is; ALTO WC, PAGE conf and Label Studio score times 100);
    /// nullopt when the file gives none (FUNSD).
    std::optional<double> confidence;
    int block = 0; ///< 0-based, in the order blocks appear (hOCR ocr_par or ocr_carea, ALTO TextBlock, PAGE TextRegion)
    /// 0-based over the page, in the order lines appear. FUNSD form items and Label Studio regions are each
    /// a block and a line of their own.
    int line = 0;
    /// The word's own label: Incidoc's Label Studio export labels words apart from its entity regions;
    /// "" for every other file.
    QString label;
};

/// An ordered group of words with a label, as the file has it: a FUNSD form item; a PAGE TextRegion with a
/// structure type (`custom="structure {type:question;}"`) or named by a link Relation (label: the
/// structure type, else its @type; a region with only an @type, as OCR tools write for every region, is
/// layout, not an entity); a Label Studio region with labels (the first is the label) or named by a
/// relation, or an entity region of Incidoc's own export (meta {"entity": true, "words": [...]}).
struct ImportedEntity {
    QString id;             ///< its id in the file (FUNSD's number as text, PAGE region id, Label Studio region id)
    QString label;          ///< as in the file ("question", "header", ...); "" when it has none
    std::vector<int> words; ///< indexes into ImportedPage::words, in the file's order; never empty
    std::optional<QString> text; ///< the file's text of the entity when it differs from its words joined with spaces
};

/// A directed link between two entities (ids of ImportedEntity): FUNSD's `linking` pair [from, to], a PAGE
/// Relation of type "link" (source, target), a Label Studio relation (from_id -> to_id; reversed for
/// direction "left"). A link from an entity to itself is kept (one FUNSD form has one); two or more links
/// that close a cycle are refused.
struct ImportedLink {
    QString from, to;
    /// The file's type for it (a Label Studio relation's label; a PAGE Relation's Label, else its custom
    /// attribute: "key_value" or "relation {type:key_value;}"); "" when none.
    QString type;
};

/// One page of annotations.
struct ImportedPage {
    QString format;            ///< "hocr", "alto", "page", "funsd", "label-studio"
    QString formatVersion;     ///< "v3" (ALTO), "2019-07-15" (PAGE); "" for the others
    QString imageName;         ///< the image's file name as the file names it (no folder); "" when it does not
    int width = 0, height = 0; ///< the page's size in pixels as the file gives it; 0 when it does not
    /// Label Studio: the words and entities come from a prediction (a model's), not a person's annotation.
    bool predicted = false;
    std::vector<ImportedWord> words;
    std::vector<ImportedEntity> entities;
    std::vector<ImportedLink> links; ///< distinct (a link listed twice in the file is here once)
};

/// What a reader may know besides the file.
struct AnnotationReadOptions {
    /// The image's size in pixels: when valid, every box must lie inside it (within a few pixels), a file
    /// that states another page size is refused, and Label Studio percentages are converted with it.
    QSize imageSize;
    /// The image's resolution: converts ALTO measured in mm10 or inch1200. 0: derived from the image size
    /// and the ALTO page's size when both are known, else such a file is refused.
    int dpi = 0;
    /// The image's file name: picks the task of a Label Studio file that holds several.
    QString imageName;
};

/// How far (in pixels) a box may stick out of the page before the file is refused.
inline constexpr int kAnnotationBoxTolerancePx = 3;

/// Reads the annotation file at `path` (format from its content). NotFound / Io when it cannot be read,
/// InvalidInput with the reason when it is not a page of annotations Incidoc can take. This overload
/// matches a list of Label Studio tasks by the file's own stem (a.json holds the task of a.png).
Result<ImportedPage> readAnnotations(const QString& path, QSize imageSize = {});
Result<ImportedPage> readAnnotations(const QString& path, const AnnotationReadOptions& options);

/// The same on a file's bytes.
Result<ImportedPage> readAnnotationBytes(const QByteArray& content, const AnnotationReadOptions& options = {});

/// Every page of the file: one for most formats, one per task of a Label Studio list or export. All or
/// nothing: the first page that is bad input makes the whole file an error.
Result<std::vector<ImportedPage>> readAnnotationPages(const QString& path, const AnnotationReadOptions& options = {});

/// The annotation file of an image: in `annotationsDir` when given, else (or when none is there) beside
/// the image, with the image's stem and one of the extensions .json, .hocr, .html, .xml (also .page.xml,
/// .alto.xml, .hocr.html), tried in that order. "" when there is none.
QString annotationFileFor(const QString& imagePath, const QString& annotationsDir = {});

} // namespace incidoc
