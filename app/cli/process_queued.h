#pragma once
// Processing the project's queued pages, shared by `import` (after registering) and `ocr`: a progress
// bar, Ctrl-C, OCR on workers (--workers), and the report of the run (text and --json).

#include "app/cli/cli_options.h"
#include "core/pipeline/pipeline.h"
#include "core/remote/remote_engine.h"
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
    QJsonArray failures;
    bool interrupted = false;
    Error error;
    bool ok = true;
};

/// Runs the pipeline over every queued page of the project in `workplace`, with a progress bar and Ctrl-C.
RunResult processQueued(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt);

/// Prints the run's summary (unless --json or -q), adds it to `json`, and returns the exit status.
int reportRun(const CliOptions& o, const RunResult& r, QJsonObject& json);

} // namespace incidoc::cli
