#pragma once
// `incidoc.page/1`: one page with its words as JSON (../shared/specs/page-json.md). Written by
// `incidoc-cli dump` and by the export bundle.

#include "core/model/forms.h"
#include "core/model/records.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <functional>
#include <vector>

namespace incidoc {

class ProjectStore;

inline constexpr char kPageSchema[] = "incidoc.page/1";

/// The page as an `incidoc.page/1` object. `words` must be the page's words in reading order; `form` its
/// entities and links (none: empty lists). `redacted`: the words a redacted export rewrote (they carry
/// "redacted": true; null: not a redacted bundle, no such field). Reentrant.
QJsonObject pageToJson(const DocumentRecord& document, const PageRecord& page, const std::vector<WordRecord>& words,
                       const PageForm& form = {}, const QSet<WordId>* redacted = nullptr);

/// Folder names for documents: the file's stem ("report" for a/b/report.pdf); later documents with the
/// same stem get "report-2", "report-3"... in the order given. Names never contain a path separator,
/// are never "." or "..", and are at most 120 bytes of UTF-8. Reentrant.
std::vector<QString> documentFolderNames(const std::vector<DocumentRecord>& documents);

struct DumpReport {
    int documents = 0;
    int pages = 0;
};

/// Writes every page of every imported document to `dir/<doc-stem>/page-NNNN.json` (documents in
/// import order). Not thread-safe (uses `store`). Errors: Io ("cannot write ...: ...").
Result<DumpReport> dumpProject(ProjectStore& store, const QString& dir, const CancelToken& cancel = {});

} // namespace incidoc
