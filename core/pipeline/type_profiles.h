#pragma once
// Processing profiles per document type: how a page of a typed document is processed (its type's profile
// over the run's options), what is recorded of it (pages.profile), and which pages a change of a
// document's type or of a type's profile makes process again. Plain functions; reentrant.

#include "core/model/document_types.h"
#include "core/ocr/ocr_engine.h"
#include "core/pipeline/page_processor.h"
#include "core/storage/project_store.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace incidoc {

/// What one page is processed with. Value type.
struct PageProcessing {
    ProcessOptions options;
    /// processingKey() of `options`: recorded in pages.profile with the page's outcome.
    QString key;
    /// Why the type's profile was not applied as stored (English, for the page's note, --json and logs):
    /// a profile that does not read, PP-OCR missing.
    QStringList notes;
};

/// Applies a type's `profile` over the run's `base` options. Pure. Engines and fast/accurate are
/// resolved against `engines` like the project's own choice (resolveEngines): PP-OCR asked for but not
/// available falls back to Tesseract alone, with a note; no engine at all keeps base's, with a note.
/// `dpi`: the render DPI of PDF pages. `binarize`: what Tesseract reads (a method: the page binarized
/// with it; "none": the grey page). `reviewThreshold`: words below it are flagged (reviewThreshold of
/// ProcessOptions). An empty profile gives `base` unchanged. `type` names the type in notes.
PageProcessing applyTypeProfile(const ProcessOptions& base, const TypeProfile& profile,
                                const std::vector<EngineInfo>& engines, const QString& type = {});

/// The canonical string of what a page is processed with:
/// "engines=tesseract+ppocr;profile=accurate;dpi=300;binarize=none;review=-", a '*' after each value
/// `fromType` set (what a type's profile decided, as opposed to the project's own choice).
QString processingKey(const ProcessOptions& options, const TypeProfile& fromType = {});

/// What `row`'s page is processed with now under the run's `base` options: its document's type's
/// profile over them. No type, a type the project lacks, or an empty profile: `base` exactly. A stored
/// profile that does not read: `base`, with a note naming the type and the reason. A PDF page with
/// words a person edited or drew keeps its DPI when a profile (now, or at its last processing) would
/// change it: those words are in its pixel grid. `chosenDpi` (0: none): a DPI someone chose for this one
/// page (a re-read with settings), which wins over the profile's.
PageProcessing pageProcessing(const PageProfileRow& row, const ProcessOptions& base,
                              const std::vector<EngineInfo>& engines, int chosenDpi = 0);

/// Whether `row`'s page was last processed otherwise than `now` asks. Compares the values a type's
/// profile decided, now or last time (a change of the project's own settings processes nothing again);
/// a page never recorded counts as processed with `base`. A page without OCR (text layer, blank)
/// compares its DPI only; a page of an image file never its DPI (images are read in their own pixels).
bool processedDifferently(const PageProfileRow& row, const PageProcessing& now, const ProcessOptions& base);

/// Puts back in the queue the done pages of `scope` processed otherwise than their document's type now
/// asks (pageProcessing, processedDifferently): call after ProjectStore::setDocumentType (scope: the
/// document) or setTypeProfile (scope: the type), with the options the project's runs use. The next run
/// processes them (the app's, `incidoc-cli ocr`); words a person edited or drew are kept. Returns how
/// many pages were queued again. Errors: Storage.
Result<int> requeueForProfiles(ProjectStore& store, const ProcessOptions& base, const std::vector<EngineInfo>& engines,
                               const ProfileScope& scope = {});

/// One note per type of the project whose profile cannot be applied as stored (it does not read, or
/// PP-OCR is missing here), English: what a run reports before it starts.
Result<QStringList> typeProfileNotes(ProjectStore& store, const ProcessOptions& base,
                                     const std::vector<EngineInfo>& engines);

} // namespace incidoc
