#pragma once
// Processing the project's queued pages, shared by `import` (after registering) and `ocr`: a progress
// bar, Ctrl-C, OCR on workers (--workers), and the report of the run (text and --json).

#include "app/cli/cli_options.h"
#include "core/doctype/type_classifier.h"
#include "core/pipeline/engine_choice.h"
#include "core/pipeline/pipeline.h"
#include "core/remote/remote_engine.h"
#include "core/storage/project_store.h"
#include "core/util/cancel_token.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace incidoc::cli {

/// What a run did.
struct RunResult {
    PipelineStats stats;
    std::shared_ptr<RemoteCluster> cluster; ///< when OCR ran on workers: what connect() found
    RemoteStats remote;                     ///< the run's OCR calls on workers
    QString clusterNote;                    ///< e.g. why it ran locally instead
    QString engines, profile;               ///< what read the scanned pages (after any fallback)
    QStringList notes;                      ///< e.g. that PP-OCR is not available and Tesseract read alone
    QJsonArray failures;
    /// Documents whose type was predicted after their first page was done in this run (core/doctype),
    /// and pages processed again because the type's profile changed their options.
    int typesPredicted = 0, pagesRequeuedForType = 0;
    bool interrupted = false;
    Error error;
    bool ok = true;
};

/// The engines and profile for the run: --engine/--profile when given (then remembered in the project),
/// else the project's choice, else the defaults; resolved against the engines available here (an
/// unavailable PP-OCR the profile asked for: Tesseract alone, with a note on stderr unless -q). Errors:
/// the project cannot be opened or written, an engine --engine named cannot run.
Result<ResolvedEngines> chooseEngines(const CliOptions& o);

/// After a document's type or a type's profile changed (`type`, `types profile`): the done pages of
/// `scope` whose options now differ go back to the queue (requeueForProfiles, with the project's engine
/// choice and these options), for `incidoc-cli ocr` to process; words a person edited or drew are kept.
/// Returns how many.
Result<int> requeueForTypeChange(const CliOptions& o, ProjectStore& store, const ProfileScope& scope);

/// What predictTypesAfterFirstPage() did.
struct TypesPredicted {
    std::vector<TypePrediction> predictions;
    std::vector<PageJob> again; ///< pages queued again: their options changed with the predicted type
};

/// After their first pages are done: predicts the types of `documents` (core/doctype: learned from the
/// documents people typed; nothing while none is; a PDF's first page measured in `workplace`), and queues
/// again their done pages whose options the predicted type changes. Errors: the classifier's (the pages
/// then keep the project's settings).
Result<TypesPredicted> predictTypesAfterFirstPage(const CliOptions& o, ProjectStore& store,
                                                  const std::vector<DocumentId>& documents,
                                                  const std::shared_ptr<Workplace>& workplace);

/// Runs the pipeline over every queued page of the project in `workplace`, with a progress bar and Ctrl-C.
/// Pages of typed documents are processed with their type's profile; a type whose profile cannot be
/// applied as stored is noted (stderr unless -q, and `notes` in --json).
RunResult processQueued(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt);

/// Prints the run's summary (unless --json or -q), adds it to `json`, and returns the exit status.
int reportRun(const CliOptions& o, const RunResult& r, QJsonObject& json);

} // namespace incidoc::cli
