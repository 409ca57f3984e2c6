// `propose [DOCUMENT...]`: entities and key -> value links proposed from the layout of the pages that were
// read (core/forms/propose.h), stored as proposals a person accepts or rejects in the app (or accepted at
// once with --accept). --entities: only group words (words already in an entity are left alone); --links:
// only link the entities there are; neither: both. --from DOCUMENT: the form of that document's first page
// is carried onto the other pages with the same layout instead (aligned by anchor words). One edit group
// per page (undoable in the app).

#include "app/cli/commands.h"
#include "core/forms/propose.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>

#include <algorithm>
#include <map>
#include <set>

namespace incidoc::cli {
namespace {

DocumentId findDocument(const std::vector<DocumentRecord>& documents, const QString& name)
{
    bool isId = false;
    const DocumentId id = name.toLongLong(&isId);
    const QString path = QDir::cleanPath(QFileInfo(name).absoluteFilePath());
    for (const DocumentRecord& d : documents)
        if ((isId && d.id == id) || (!isId && (d.path == name || d.path == path)))
            return d.id;
    return 0;
}

struct PageProposals {
    int entities = 0, links = 0;
};

// The page image for the ruled lines, when the source is an image whose pixels are the page's (a PDF page
// would need rendering: its proposals use the words alone).
QImage pageImage(const DocumentRecord& d, const PageRecord& p)
{
    if (d.kind != DocumentKind::Image || p.number != 1)
        return {};
    QImage image(d.path);
    if (image.width() != p.widthPx || image.height() != p.heightPx)
        return {};
    return image;
}

Result<PageProposals> proposeOnPage(ProjectStore& store, const DocumentRecord& d, const PageRecord& p,
                                    const CliOptions& o)
{
    const bool both = !o.proposeEntities && !o.proposeLinks;
    PageProposals made;
    auto words = store.words(p.id);
    if (!words)
        return words.error();
    auto form = store.pageForm(p.id);
    if (!form)
        return form.error();
    auto group = store.beginEditGroup();
    if (!group)
        return group.error();
    const QString source = proposalSource();
    if (o.proposeEntities || both) {
        std::set<WordId> taken;
        for (const EntityRecord& e : form->entities)
            taken.insert(e.words.begin(), e.words.end());
        std::vector<WordRecord> free;
        for (const WordRecord& w : *words)
            if (!taken.count(w.id))
                free.push_back(w);
        PageForm add;
        for (const ProposedEntity& pe : proposeEntities(free, pageImage(d, p))) {
            EntityRecord e;
            e.label = pe.label;
            e.source = source;
            e.proposed = !o.accept;
            for (int i : pe.words)
                e.words.push_back(free[static_cast<std::size_t>(i)].id);
            add.entities.push_back(e);
        }
        if (!add.entities.empty()) {
            auto ids = store.addForm(p.id, add, *group);
            if (!ids)
                return ids.error();
            made.entities = static_cast<int>(ids->size());
        }
    }
    if (o.proposeLinks || both) {
        auto now = store.pageForm(p.id);
        if (!now)
            return now.error();
        std::set<std::pair<EntityId, EntityId>> linked;
        for (const LinkRecord& l : now->links) {
            linked.insert({l.from, l.to});
            linked.insert({l.to, l.from});
        }
        for (const ProposedLink& pl : proposeLinks(now->entities)) {
            const EntityRecord& from = now->entities[static_cast<std::size_t>(pl.from)];
            const EntityRecord& to = now->entities[static_cast<std::size_t>(pl.to)];
            if (linked.count({from.id, to.id}))
                continue;
            LinkRecord l;
            l.from = from.id;
            l.to = to.id;
            l.type = pl.type;
            l.source = source;
            l.proposed = !o.accept;
            auto id = store.addLink(l, *group);
            if (!id)
                return id.error();
            linked.insert({from.id, to.id});
            linked.insert({to.id, from.id});
            ++made.links;
            // A link proposed between entities a person labelled nothing: their labels follow the link.
        }
    }
    return made;
}

// Carries the form of `from` (its first page) onto page `p`, when the page has no entities yet.
Result<PageProposals> carryOnto(ProjectStore& store, const std::vector<WordRecord>& fromWords, const PageForm& fromForm,
                                const PageRecord& p, const CliOptions& o)
{
    PageProposals made;
    auto words = store.words(p.id);
    if (!words)
        return words.error();
    auto form = store.pageForm(p.id);
    if (!form)
        return form.error();
    if (!form->entities.empty())
        return made; // a page with a form of its own keeps it
    const PageForm carried = carryForm(fromWords, fromForm, *words);
    if (carried.entities.empty())
        return made;
    PageForm add;
    std::map<EntityId, long long> index;
    for (const EntityRecord& e : carried.entities) {
        EntityRecord c = e;
        c.id = 0;
        c.source = carriedSource();
        c.proposed = !o.accept;
        index[e.id] = static_cast<long long>(add.entities.size());
        add.entities.push_back(c);
    }
    for (const LinkRecord& l : carried.links) {
        if (!index.count(l.from) || !index.count(l.to))
            continue;
        LinkRecord c = l;
        c.from = index[l.from];
        c.to = index[l.to];
        c.source = carriedSource();
        c.proposed = !o.accept;
        add.links.push_back(c);
    }
    auto ids = store.addForm(p.id, add);
    if (!ids)
        return ids.error();
    made.entities = static_cast<int>(add.entities.size());
    made.links = static_cast<int>(add.links.size());
    return made;
}

} // namespace

int commandPropose(const CliOptions& o)
{
    auto opened = ProjectStore::open(o.project, OpenMode::ReadWrite);
    if (!opened) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, opened.error().message));
        return kExitUsage;
    }
    ProjectStore& store = **opened;
    auto documents = store.documents();
    if (!documents) {
        err(Cli::tr("error: %1").arg(documents.error().message));
        return kExitUsage;
    }
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

    // --from: the labelled form to carry.
    std::vector<WordRecord> fromWords;
    PageForm fromForm;
    DocumentId fromDocument = 0;
    if (!o.carryFrom.isEmpty()) {
        fromDocument = findDocument(*documents, o.carryFrom);
        auto pages =
            fromDocument ? store.pages(fromDocument) : Result<std::vector<PageRecord>>(std::vector<PageRecord>{});
        if (!fromDocument || !pages || pages->empty()) {
            err(Cli::tr("error: no document %1 with pages in the project").arg(o.carryFrom));
            return kExitUsage;
        }
        auto words = store.words(pages->front().id);
        auto form = store.pageForm(pages->front().id);
        if (!words || !form) {
            err(Cli::tr("error: %1").arg((!words ? words.error() : form.error()).message));
            return kExitUsage;
        }
        fromWords = std::move(words).value();
        fromForm = std::move(form).value();
        std::erase_if(fromForm.entities, [](const EntityRecord& e) { return e.proposed; });
        std::erase_if(fromForm.links, [](const LinkRecord& l) { return l.proposed; });
        if (fromForm.entities.empty()) {
            err(Cli::tr("error: document %1 has no accepted entities on its first page to carry").arg(o.carryFrom));
            return kExitUsage;
        }
    }

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
            auto made = fromDocument ? carryOnto(store, fromWords, fromForm, p, o) : proposeOnPage(store, d, p, o);
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
