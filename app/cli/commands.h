#pragma once
// What the commands of incidoc-cli share: printing, and one entry point per command (one file each:
// command_<name>.cpp). Each returns its exit status (cli.h) and prints its own messages and --json.

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "core/forms/fields.h"
#include "core/import/file_registration.h"
#include "core/model/records.h"
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "core/util/cancel_token.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace incidoc::cli {

/// A line on stdout, flushed at once (a progress line must show before the page it announces is done).
void out(const QString& s);
/// A line on stderr.
void err(const QString& s);
/// `o` as indented JSON on stdout (--json).
void printJson(const QJsonObject& o);

/// import and ocr open files and process pages in `workplace` (page hosts unless --no-isolation).
int commandImport(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt);
int commandOcr(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt);
int commandStatus(const CliOptions& o);
/// `watch DIR...`: imports what lands in the folders, once complete, until SIGINT/SIGTERM (then exit 0).
int commandWatch(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt);
/// `capture --from FILE|/dev/videoN`: a page each time one is held still and sharp, as the pages of one
/// capture document beside the project, then processed like an import's (unless --no-ocr); Ctrl-C stops,
/// keeping what was captured.
int commandCapture(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt);
int commandDump(const CliOptions& o, CancelToken& interrupt);
int commandExport(const CliOptions& o, CancelToken& interrupt);
/// `redactions`: every sensitive value a redacted export would replace (type, source, document, page, text).
int commandRedactions(const CliOptions& o);
/// The document `name` refers to: an id, else a path (absolute or relative to here). 0: none.
DocumentId findDocument(const std::vector<DocumentRecord>& documents, const QString& name);
/// The project opened for writing with its documents, for the commands that change documents; null
/// after saying why on stderr (then the command exits kExitUsage).
struct OpenedProject {
    std::unique_ptr<ProjectStore> store;
    std::vector<DocumentRecord> documents;
};
std::optional<OpenedProject> openWithDocuments(const CliOptions& o);
/// What became of an imported file, as `import --json` and `watch --json` say it: added, duplicate, failed.
QString importOutcomeName(ImportedFile::Outcome outcome);
/// `propose [DOCUMENT...]`: entities and key -> value links proposed from the layout (--accept: accepted).
int commandPropose(const CliOptions& o);
/// A finding of the form checks as `status --json` and `export --json` list it.
QJsonObject findingJson(const FormFinding& f, const QString& documentPath);
/// A finding as a line for a person: "report.pdf page 2: the entity ... has no label".
QString findingLine(const FormFinding& f, const QString& documentPath);
/// `remove DOCUMENT...`: documents that failed, by id or path, out of the project.
int commandRemove(const CliOptions& o);
/// `engines`: every OCR engine with its version, languages, capabilities and availability.
int commandEngines(const CliOptions& o);
/// An engine as `engines --json` lists it.
QJsonObject engineJson(const EngineInfo& e);
/// `types [SUBCOMMAND ...]`: the document types, changes to them and to documents' types.
int commandTypes(const CliOptions& o);
/// `classify [DOC...]`: predicts the types of documents a person did not type, from those a person did
/// (first pages of PDFs measured in `workplace`).
int commandClassify(const CliOptions& o, const std::shared_ptr<Workplace>& workplace);
/// What people see of a type: its title, else the translated built-in title of a default type, else its name.
QString typeTitle(const DocumentType& type);
/// Documents per type (user / predicted) and untyped, for `status`.
QJsonObject typeCountsJson(const std::vector<DocumentRecord>& documents);
QString typeCountsLine(const std::vector<DocumentRecord>& documents);
/// `mark --page ID (--word ID | --entity ID | --region BOX)`: a word, an entity or a region marked
/// sensitive (--type) or not (--not-sensitive) for a redacted export; undoable in the app like any edit.
int commandMark(const CliOptions& o);
/// --version: Incidoc's and the engines' versions (not translated: scripts read it).
int commandVersion();

} // namespace incidoc::cli
