#include "core/import/form_proposals.h"

#include "core/forms/propose.h"
#include "core/storage/project_store.h"

#include <map>
#include <set>

namespace incidoc {

QImage proposalImage(const DocumentRecord& document, const PageRecord& page)
{
    if (document.kind != DocumentKind::Image || page.number != 1)
        return {};
    QImage image(document.path);
    if (image.width() != page.widthPx || image.height() != page.heightPx)
        return {};
    return image;
}

Result<ProposalCounts> proposeOnPage(ProjectStore& store, PageId page, const ProposeOptions& options,
                                     const QImage& image, long long group)
{
    ProposalCounts made;
    if (group == 0) {
        auto g = store.beginEditGroup();
        if (!g)
            return g.error();
        group = *g;
    }
    if (options.entities) {
        auto words = store.words(page);
        if (!words)
            return words.error();
        auto form = store.pageForm(page);
        if (!form)
            return form.error();
        std::set<WordId> taken;
        for (const EntityRecord& e : form->entities)
            taken.insert(e.words.begin(), e.words.end());
        std::vector<WordRecord> free;
        for (const WordRecord& w : *words)
            if (!taken.count(w.id))
                free.push_back(w);
        PageForm add;
        for (const ProposedEntity& pe : proposeEntities(free, image)) {
            EntityRecord e;
            e.label = pe.label;
            e.source = proposalSource();
            e.proposed = !options.accept;
            for (int i : pe.words)
                e.words.push_back(free[static_cast<std::size_t>(i)].id);
            add.entities.push_back(e);
        }
        if (!add.entities.empty()) {
            auto ids = store.addForm(page, add, group);
            if (!ids)
                return ids.error();
            made.entities = static_cast<int>(ids->size());
        }
    }
    if (options.links) {
        auto form = store.pageForm(page);
        if (!form)
            return form.error();
        std::set<std::pair<EntityId, EntityId>> linked;
        for (const LinkRecord& l : form->links) {
            linked.insert({l.from, l.to});
            linked.insert({l.to, l.from});
        }
        for (const ProposedLink& pl : proposeLinks(form->entities)) {
            const EntityRecord& from = form->entities[static_cast<std::size_t>(pl.from)];
            const EntityRecord& to = form->entities[static_cast<std::size_t>(pl.to)];
            if (linked.count({from.id, to.id}))
                continue;
            LinkRecord l;
            l.from = from.id;
            l.to = to.id;
            l.type = pl.type;
            l.source = proposalSource();
            l.proposed = !options.accept;
            auto id = store.addLink(l, group);
            if (!id)
                return id.error();
            linked.insert({from.id, to.id});
            linked.insert({to.id, from.id});
            ++made.links;
        }
    }
    return made;
}

Result<CarrySource> carrySource(ProjectStore& store, PageId page)
{
    CarrySource source;
    source.page = page;
    auto words = store.words(page);
    if (!words)
        return words.error();
    auto form = store.pageForm(page);
    if (!form)
        return form.error();
    source.words = std::move(words).value();
    source.form = std::move(form).value();
    std::erase_if(source.form.entities, [](const EntityRecord& e) { return e.proposed; });
    std::erase_if(source.form.links, [](const LinkRecord& l) { return l.proposed; });
    if (source.form.entities.empty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the page has no accepted entities to carry"));
    return source;
}

Result<ProposalCounts> carryOntoPage(ProjectStore& store, const CarrySource& source, PageId page, bool accept,
                                     long long group)
{
    ProposalCounts made;
    if (page == source.page)
        return made;
    auto words = store.words(page);
    if (!words)
        return words.error();
    auto form = store.pageForm(page);
    if (!form)
        return form.error();
    if (!form->entities.empty())
        return made; // a page with a form of its own keeps it
    const PageForm carried = carryForm(source.words, source.form, *words);
    if (carried.entities.empty())
        return made;
    PageForm add;
    std::map<EntityId, long long> index;
    for (const EntityRecord& e : carried.entities) {
        EntityRecord c = e;
        c.id = 0;
        c.source = carriedSource();
        c.proposed = !accept;
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
        c.proposed = !accept;
        add.links.push_back(c);
    }
    auto ids = store.addForm(page, add, group);
    if (!ids)
        return ids.error();
    made.entities = static_cast<int>(add.entities.size());
    made.links = static_cast<int>(add.links.size());
    return made;
}

} // namespace incidoc
