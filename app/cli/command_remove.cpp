// `remove DOCUMENT...`: takes documents that failed (their file could not be imported, or every page
// failed) out of the project, with their pages and history; the app's Remove Document. A document is
// named by its id (`status --json`) or its path (as `status` lists it). Documents with pages that were
// read are refused.

#include "app/cli/commands.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace incidoc::cli {
int commandRemove(const CliOptions& o)
{
    auto opened = openWithDocuments(o);
    if (!opened)
        return kExitUsage;
    const auto store = &opened->store;
    const auto documents = &opened->documents;
    QJsonArray removed, refused;
    for (const QString& name : o.inputs) {
        const DocumentId id = findDocument(*documents, name);
        QString why;
        if (!id) {
            why = Cli::tr("no such document in the project");
        } else if (auto failed = (*store)->isFailedDocument(id); !failed) {
            why = failed.error().message;
        } else if (!*failed) {
            why = Cli::tr("its pages were read or are waiting to be read: only a document that failed can be removed");
        } else if (Status gone = (*store)->removeDocument(id); !gone) {
            why = gone.error().message;
        }
        if (why.isEmpty()) {
            removed.append(QJsonObject{{QStringLiteral("document_id"), id}, {QStringLiteral("name"), name}});
            if (!o.json && !o.quiet)
                out(Cli::tr("Removed %1").arg(name));
        } else {
            refused.append(QJsonObject{
                {QStringLiteral("document_id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("reason"), why}});
            err(Cli::tr("error: %1: %2").arg(name, why));
        }
    }
    if (o.json)
        printJson(QJsonObject{{QStringLiteral("removed"), removed}, {QStringLiteral("refused"), refused}});
    return refused.isEmpty() ? kExitOk : kExitSomeFailed;
}

} // namespace incidoc::cli
