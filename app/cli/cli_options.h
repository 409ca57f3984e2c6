#pragma once
// What the incidoc-cli command line asks for, parsed into values. Parsing prints nothing and runs
// nothing: a usage error comes back as an Error whose message is the text to print (exit status 1).

#include "core/export/bundle_export.h"
#include "core/import/importer.h"
#include "core/model/geometry.h"
#include "core/ocr/ocr_engine.h"
#include "core/pipeline/pipeline.h"
#include "core/remote/remote_options.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace incidoc::cli {

/// A command and its settings. Value type. The defaults are those of cli.md.
struct CliOptions {
    QString command; ///< import, ocr, status, dump, export, engines, remove, propose, types, classify, watch or capture
    QStringList inputs; ///< import: the files and folders; watch: the folders
    QString project;
    QString output; ///< dump: the folder; export: the .zip file
    bool json = false;
    bool quiet = false;
    bool noOcr = false;
    bool failed = false;
    bool all = false;
    PipelineOptions pipeline;       ///< jobs 0 (the cores), 300 dpi, render 60 s, OCR 60 s
    RemoteOptions remote;           ///< --workers: OCR on a worker cluster
    ImportLimits importLimits;      ///< --max-file-mb (default 2048)
    bool isolate = true;            ///< import/ocr: files and pages in page hosts (--no-isolation: here)
    long long memoryLimitMb = 4096; ///< each page host's memory budget (--memory-limit-mb; 0: none)
    ExportOptions exportOptions;    ///< export
    /// import/ocr: --engine and --profile as given (empty: not given, the project's choice applies).
    QString engines, profile;
    /// import/ocr/watch/capture: --tesseract-model as given (empty: TESSDATA_PREFIX or Debian's model).
    QString tesseractModel;
    bool strict = false; ///< export: refuse to write while checks before export find anything
    /// propose: what to propose (neither given: both), and whether to accept the proposals at once.
    bool proposeEntities = false, proposeLinks = false, accept = false;
    QString annotationsDir; ///< import: annotation files by image stem (else beside each image)
    QString carryFrom;      ///< propose: carry the form of this document's first page (id or path)
    /// types profile: what was given besides --engine and --profile (`engines`, `profile` above); `clear`:
    /// the type's profile emptied (the project's own choice applies).
    struct TypeProfileArgs {
        int dpi = 0; ///< --dpi given; 0: not given
        QString binarize;
        std::optional<double> reviewThreshold;
        bool clear = false;
    } typeProfile;
    /// watch: full rescan period (--rescan SECONDS), how long a file stays unchanged before it counts as
    /// complete (--stable-for MS), and where finished files go (--move-done DIR; --done: a done/ folder
    /// in the first watched folder; empty: they stay).
    int rescanSeconds = 30;
    int stableForMs = 1000;
    QString moveDone;
    /// capture: the video file or camera (--from FILE|/dev/videoN) and how long a page is held still before
    /// it is captured (--steady-ms, default 700).
    QString captureFrom;
    int steadyMs = 700;
    /// mark: the page (--page), what on it (--word, --entity or --region X0,Y0,X1,Y1 in page pixels), the
    /// sensitive type (--type, default "other") or --not-sensitive.
    struct MarkArgs {
        long long page = 0;
        long long word = 0;
        long long entity = 0;
        std::optional<PixelBox> region;
        QString type;
        bool notSensitive = false;
    } mark;
};

/// The outcome of a command line that parsed: print the help or the versions, or run a command.
struct CommandLine {
    enum class Action { Run, Help, Version };
    Action action = Action::Run;
    CliOptions options; ///< Run
    QString helpText;   ///< Help
};

/// Parses `arguments` (argv as strings, the program first). Checks everything the command line alone
/// decides, in a fixed order so that the first problem is the one reported; the message is translated
/// (context "cli"), begins with "error: " and has no final newline.
Result<CommandLine> parseCommandLine(const QStringList& arguments);

/// The OCR languages are installed here, when OCR may run on this machine (import and ocr without
/// --workers, or with --fallback local): one clear message instead of every page failing. On workers
/// they are checked at connect (RemoteCluster::connect).
Status checkLanguages(const CliOptions& options, const QStringList& installed);

/// The engines --engine names can be used (`engines`: what this installation's pool has; with --workers
/// too, as the pages' engines are chosen here): one clear message naming the engine and why it cannot run.
Status checkEngines(const CliOptions& options, const std::vector<EngineInfo>& engines);

} // namespace incidoc::cli
