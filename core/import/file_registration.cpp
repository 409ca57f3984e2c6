#include "core/import/file_registration.h"

#include "core/storage/project_store.h"

#include <QDateTime>
#include <QFileInfo>

namespace incidoc {
namespace {

DocumentRecord failedRecord(const QString& path, const QString& error)
{
    DocumentRecord doc;
    doc.path = path;
    doc.name = QFileInfo(path).fileName();
    doc.size = QFileInfo(path).size();
    doc.importedAt = QDateTime::currentDateTimeUtc();
    doc.error = error;
    doc.failure = error.isEmpty() ? FailureKind::None : FailureKind::Error;
    return doc;
}

// The kind of a file's failure to open: what the inspector says (a page host sets `partial->failure` to
// Crash, Hang or Memory when opening the file ended or stopped the host), else a Timeout is a Hang (over
// its time budget) and anything else an Error. Never read from the message's words.
FailureKind failureOfInspection(FailureKind reported, const Error& error)
{
    if (reported != FailureKind::None)
        return reported;
    return error.code == ErrorCode::Timeout ? FailureKind::Hang : FailureKind::Error;
}

} // namespace

ImportReport registerFiles(ProjectStore& store, const QStringList& paths, const ImportLimits& limits,
                           const CancelToken& cancel, const std::function<void(const ImportedFile&)>& onFile)
{
    RegisterOptions options;
    options.limits = limits;
    return registerFiles(store, paths, options, cancel, onFile);
}

ImportReport registerFiles(ProjectStore& store, const QStringList& paths, const RegisterOptions& options,
                           const CancelToken& cancel, const std::function<void(const ImportedFile&)>& onFile)
{
    const ImportLimits& limits = options.limits;
    ImportReport report;
    const CollectedFiles collected = collectFiles(paths);
    report.skipped = collected.skipped;

    auto finish = [&](ImportedFile file) {
        switch (file.outcome) {
        case ImportedFile::Outcome::Added:
            ++report.added;
            report.pagesAdded += file.pages;
            break;
        case ImportedFile::Outcome::Duplicate: ++report.duplicates; break;
        case ImportedFile::Outcome::Failed: ++report.failed; break;
        }
        if (onFile)
            onFile(file);
        report.files.push_back(std::move(file));
    };
    auto recordFailure = [&](ImportedFile& file, DocumentRecord doc) {
        file.outcome = ImportedFile::Outcome::Failed;
        file.error = doc.error;
        file.failure = doc.failure;
        auto id = store.addFailedDocument(doc);
        if (id)
            file.documentId = *id;
        else
            report.storage = id.error();
    };

    for (const FoundFile& found : collected.files) {
        if (cancel.isCancelled() || !report.storage.ok())
            break;
        ImportedFile file;
        file.path = found.path;
        if (!found.error.isEmpty()) {
            recordFailure(file, failedRecord(found.path, found.error));
            finish(std::move(file));
            continue;
        }
        // Hash first: a file already in the project is recognized without opening it.
        auto sha = sha256OfFile(found.path);
        if (!sha) {
            recordFailure(file, failedRecord(found.path, sha.error().message));
            finish(std::move(file));
            continue;
        }
        auto existing = store.findDocumentBySha(*sha);
        if (!existing) {
            report.storage = existing.error();
            break;
        }
        const bool retry = existing->has_value() && !(*existing)->error.isEmpty();
        if (existing->has_value() && !retry) {
            file.outcome = ImportedFile::Outcome::Duplicate;
            file.documentId = (*existing)->id;
            file.pages = (*existing)->pageCount;
            finish(std::move(file));
            continue;
        }

        DocumentRecord partial = failedRecord(found.path, QString());
        partial.sha256 = *sha;
        auto inspected = options.inspector ? options.inspector->inspect(found.path, limits, &partial)
                                           : inspectFile(found.path, limits, &partial);
        if (!inspected) {
            partial.error = inspected.error().message;
            partial.failure = failureOfInspection(partial.failure, inspected.error());
            if (partial.sha256.isEmpty())
                partial.sha256 = *sha;
            recordFailure(file, partial);
            finish(std::move(file));
            continue;
        }
        DocumentRecord doc = inspected->document;
        doc.importedAt = QDateTime::currentDateTimeUtc();
        if (retry) {
            const DocumentId id = (*existing)->id;
            const Status replaced = store.replaceFailedDocument(id, doc, inspected->pages);
            if (!replaced.ok()) {
                report.storage = replaced.error();
                break;
            }
            file.documentId = id;
        } else {
            auto id = store.addDocument(doc, inspected->pages);
            if (!id) {
                report.storage = id.error();
                break;
            }
            file.documentId = *id;
        }
        file.pages = static_cast<int>(inspected->pages.size());
        finish(std::move(file));
    }
    return report;
}

} // namespace incidoc
