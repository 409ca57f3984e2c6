// `propose [DOCUMENT...]`: entities and key -> value links proposed from the layout of the pages that were
// read (core/forms/propose.h), stored as proposals a person accepts or rejects in the app (or accepted at
// once with --accept). --entities: only group words (words already in an entity are left alone); --links:
// only link the entities there are; neither: both. --from DOCUMENT: the form of that document's first page
// is carried onto the other pages with the same layout instead (aligned by anchor words). One edit group
// per page (undoable in the app).

#include "app/cli/commands.h"
#include "core/import/form_proposals.h"
#include "core/storage/project_store.h"

#include <QJsonArray>

#include <optional>

namespace incidoc::cli {
int commandPropose(const CliOptions& o)
{
    auto opened = openWithDocuments(o);
    if (!opened)
        return kExitUsage;
    ProjectStore& store = *opened->store;
    const auto documents = &opened->documents;
    std::vector<DocumentRecord> targets;
    for (const QString& name : o.inputs) {
        const DocumentId id = findDocument(*documents, name);
        if (!id) {
            err(Cli::tr("error: no document %1 in the project").arg(name));
            return kExitUsage;
        }
        targets.push_back(store.document(id).value());
    }
    if (o.inputs.isEmpty())
        for (const DocumentRecord& d : *documents)
            if (d.error.isEmpty())
                targets.push_back(d);

    // --from: the labelled form to carry (the document's first page).
    std::optional<CarrySource> source;
    DocumentId fromDocument = 0;
    if (!o.carryFrom.isEmpty()) {
        fromDocument = findDocument(*documents, o.carryFrom);
        auto pages =
            fromDocument ? store.pages(fromDocument) : Result<std::vector<PageRecord>>(std::vector<PageRecord>{});
        if (!fromDocument || !pages || pages->empty()) {
            err(Cli::tr("error: no document %1 with pages in the project").arg(o.carryFrom));
            return kExitUsage;
        }
        auto read = carrySource(store, pages->front().id);
        if (!read) {
            err(Cli::tr("error: document %1 has no accepted entities on its first page to carry").arg(o.carryFrom));
            return kExitUsage;
        }
        source = std::move(read).value();
    }
    ProposeOptions options;
    options.entities = o.proposeEntities || !o.proposeLinks;
    options.links = o.proposeLinks || !o.proposeEntities;
    options.accept = o.accept;

    QJsonArray list;
    int entities = 0, links = 0, pagesSeen = 0, failed = 0;
    for (const DocumentRecord& d : targets) {
        auto pages = store.pages(d.id);
        if (!pages) {
            err(Cli::tr("error: %1").arg(pages.error().message));
            return kExitUsage;
        }
        for (const PageRecord& p : *pages) {
            if (p.status != PageStatus::Done || (d.id == fromDocument && p.number == 1))
                continue;
            ++pagesSeen;
            auto made = source ? carryOntoPage(store, *source, p.id, o.accept)
                               : proposeOnPage(store, p.id, options, proposalImage(d, p));
            if (!made) {
                ++failed;
                err(Cli::tr("  %1 page %2: %3").arg(d.path).arg(p.number).arg(made.error().message));
                continue;
            }
            entities += made->entities;
            links += made->links;
            list.append(QJsonObject{{QStringLiteral("document_id"), d.id},
                                    {QStringLiteral("page"), p.number},
                                    {QStringLiteral("entities"), made->entities},
                                    {QStringLiteral("links"), made->links}});
        }
    }
    if (o.json) {
        printJson(QJsonObject{{QStringLiteral("project"), o.project},
                              {QStringLiteral("pages"), list},
                              {QStringLiteral("entities"), entities},
                              {QStringLiteral("links"), links},
                              {QStringLiteral("accepted"), o.accept},
                              {QStringLiteral("failed_pages"), failed}});
    } else if (!o.quiet) {
        out((o.accept ? Cli::tr("Added %1 entities and %2 links on %3 page(s)")
                      : Cli::tr("Proposed %1 entities and %2 links on %3 page(s); accept or reject them in the app"))
                .arg(entities)
                .arg(links)
                .arg(pagesSeen));
    }
    return failed > 0 ? kExitSomeFailed : kExitOk;
}

} // namespace incidoc::cli
