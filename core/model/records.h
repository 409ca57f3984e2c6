#pragma once
// Rows of the project file as plain values (see core/storage/schema.sql for the tables).
// Boxes are in page pixels (core/model/geometry.h).

#include "core/model/document_types.h"
#include "core/model/geometry.h"
#include "core/model/photo_geometry.h"
#include "core/model/recognized_page.h"
#include "core/model/types.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace incidoc {

using DocumentId = long long;
using PageId = long long;
using WordId = long long;
using LabelId = long long;

/// Size and geometry of one page of a source file, known at import time (before rendering).
struct PageInfo {
    int number = 1;     ///< 1-based
    double widthPt = 0; ///< PDF: crop box after /Rotate, in points; image: 0
    double heightPt = 0;
    int rotation = 0; ///< PDF /Rotate in degrees (0, 90, 180, 270)
    int widthPx = 0;  ///< image: its own pixel grid; PDF: 0 until rendered
    int heightPx = 0;
    int dpi = 0; ///< image: from its header (0 if it has none); PDF: 0 until rendered
};

struct DocumentRecord {
    DocumentId id = 0;
    QString path;   ///< absolute path of the source file
    QString name;   ///< file name
    QString sha256; ///< lower-case hex of the file's bytes
    qint64 size = 0;
    DocumentKind kind = DocumentKind::Pdf;
    int pageCount = 0;
    QDateTime importedAt;
    QString error; ///< empty when the file imported; else why not
    QString type;  ///< document type (core/model/document_types.h); empty: none yet
    TypeSource typeSource = TypeSource::None;
    std::optional<double> typeConfidence; ///< Predicted: the classifier's confidence, 0..1
    /// With `error`: what kind of failure (Error unless the inspector says Crash, Hang or Memory);
    /// None when the file imported.
    FailureKind failure = FailureKind::None;
};

struct PageTimings {
    int renderMs = 0, classifyMs = 0, prepareMs = 0, ocrMs = 0, totalMs = 0;
};

struct PageRecord {
    PageId id = 0;
    DocumentId documentId = 0;
    int number = 1;
    double widthPt = 0, heightPt = 0;
    int widthPx = 0, heightPx = 0;
    int dpi = 0;
    int rotation = 0;
    PageKind kind = PageKind::Unknown;
    PageStatus status = PageStatus::Queued;
    ReviewStatus review = ReviewStatus::New;
    QString error; ///< why the page failed, or a note ("page too large, rendered at 120 dpi")
    /// Failed: what kind of failure (the app decides from this, `error` is the detail); else None.
    FailureKind failure = FailureKind::None;
    int attempts = 0;
    QString engine;
    PageTimings timings;
    /// An image page looked at as a photo (pages.photo, schema 6): how it is flattened; nullopt: not looked
    /// at yet (or not an image page).
    std::optional<PhotoGeometry> photo;
};

/// The beginning of the (untranslated) reasons the page hosts give for a page
/// that crashed, hung or ran out of memory. Only the text: nothing decides from it any more (the kind
/// is `PageRecord::failure`); the migration to schema 2 read it once to fill in the kind of older
/// projects.
inline constexpr const char* kIsolationFailurePrefix = "processing this page ";

/// Crash, Hang or Memory: processing ended (or was stopped) the process that held the page or file.
inline bool isIsolationFailure(FailureKind kind)
{
    return kind == FailureKind::Crash || kind == FailureKind::Hang || kind == FailureKind::Memory;
}

/// A page whose processing crashed, hung or exhausted memory (in a page host):
/// the app does not render it again, it may crash the app. Decided from `page.failure` alone.
inline bool failedInIsolation(const PageRecord& page)
{
    return page.status == PageStatus::Failed && isIsolationFailure(page.failure);
}

struct LabelRecord {
    LabelId id = 0;
    QString name;
    QString color;    ///< "#rrggbb"
    QString shortcut; ///< e.g. "1"
};

struct WordRecord {
    WordId id = 0;
    PageId pageId = 0;
    int block = 0, line = 0, order = 0;
    QString text;
    PixelBox box;
    std::optional<double> confidence; ///< null for words drawn by a person
    WordSource source = WordSource::Ocr;
    std::optional<QString> ocrText; ///< what the engine read, once a person changed `text`
    std::optional<LabelId> labelId;
    QString labelName; ///< filled by reads that join labels
    bool reviewed = false;
    bool edited = false; ///< a person changed text, box or label: re-OCR keeps it
    std::vector<RecognizedChar> chars;
    QString engine;                        ///< registry name of the engine that read `text`; "" for none
    bool flagged = false;                  ///< a person should look (cleared by editing or accepting it)
    std::vector<WordReading> alternatives; ///< the other engines' readings
};

/// Everything the pipeline learned about one page; stored in one transaction with its status.
struct PageOutcome {
    PageId pageId = 0;
    PageStatus status = PageStatus::Done; ///< Done or Failed
    PageKind kind = PageKind::Unknown;
    QString error; ///< Failed: why; Done: an optional note
    /// Failed: what kind of failure (stored as Error when left None); Done: None (not stored).
    FailureKind failure = FailureKind::None;
    int widthPx = 0, heightPx = 0, dpi = 0, rotation = 0;
    double widthPt = 0, heightPt = 0;
    QString engine;
    PageTimings timings;
    WordSource source = WordSource::Ocr; ///< Ocr or TextLayer
    RecognizedPage result;               ///< empty for blank and failed pages
    /// What the page was processed with (processingKey(), core/pipeline/type_profiles.h), kept in
    /// pages.profile when it is done; empty: not recorded.
    QString profile;
    /// An image page looked at as a photo: how it was read (kept in pages.photo); nullopt: not looked at.
    std::optional<PhotoGeometry> photo;
};

} // namespace incidoc

namespace incidoc {

/// One page to process, with what the pipeline needs to find its source. Value type.
struct PageJob {
    PageId pageId = 0;
    DocumentId documentId = 0;
    QString path;
    DocumentKind kind = DocumentKind::Pdf;
    int number = 1; ///< 1-based page (or TIFF frame) number
    int attempts = 0;
    /// An image page already looked at as a photo is read with this; nullopt: look at it now.
    std::optional<PhotoGeometry> photo;
};

} // namespace incidoc
