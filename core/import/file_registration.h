#pragma once
// Registering files in a project: collect (folders recursively), hash, deduplicate by SHA-256,
// inspect, record each file (or its failure) with its pages queued. Rendering and OCR are the
// pipeline's job afterwards.

#include "core/import/importer.h"
#include "core/model/records.h"
#include "core/util/cancel_token.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace incidoc {

class ProjectStore;

/// What became of one input file.
struct ImportedFile {
    enum class Outcome { Added, Duplicate, Failed };
    QString path;
    Outcome outcome = Outcome::Added;
    DocumentId documentId = 0; ///< 0 when the failure could not be recorded
    int pages = 0;
    QString error;                           ///< Failed: the reason, in words a user understands
    FailureKind failure = FailureKind::None; ///< Failed: its kind (as stored with the document)
};

struct ImportReport {
    std::vector<ImportedFile> files;
    QStringList skipped; ///< files in folders that are not PDFs or images
    int added = 0, duplicates = 0, failed = 0;
    int pagesAdded = 0;
    Status storage = okStatus(); ///< a project write that failed stops the batch
};

/// How registerFiles() treats files beyond the limits.
struct RegisterOptions {
    ImportLimits limits;
    /// Where files are opened (the app and the CLI: a page host, so a file that crashes Poppler is recorded
    /// as failed); null: inspectFile() in this process. A file it cannot open is recorded with the kind of
    /// failure it puts in the partial record (DocumentRecord::failure: Crash, Hang, Memory), else Hang for
    /// a Timeout error and Error for any other.
    std::shared_ptr<FileInspector> inspector;
};

/// As below, with the inspector and limits of `options`.
ImportReport registerFiles(ProjectStore& store, const QStringList& paths, const RegisterOptions& options,
                           const CancelToken& cancel = {}, const std::function<void(const ImportedFile&)>& onFile = {});

/// Registers every file under `paths` in `store`. Per-file failures are recorded in the project and
/// the batch goes on. `onFile` (optional) is called after each file, on the calling thread.
/// Not thread-safe (uses `store`); cancel stops between files.
ImportReport registerFiles(ProjectStore& store, const QStringList& paths, const ImportLimits& limits = {},
                           const CancelToken& cancel = {}, const std::function<void(const ImportedFile&)>& onFile = {});

} // namespace incidoc
