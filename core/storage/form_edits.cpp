// Forms: entities (ordered groups of words of one page with a label) and links between them. Each public
// call is ONE transaction recorded in the edit history as full states ("entity" and "link" edits whose
// before/after hold {"entity": {...}} / {"link": {...}}, {} for one that did not exist), so undo and redo
// put them back exactly. Deleting words takes them out of their entities first (recorded), and an entity
// left with no words goes with its links (recorded too).
#include "core/storage/project_store_p.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <set>

namespace incidoc {

using namespace storage;

namespace {

const QString kEntityKey = QStringLiteral("entity");
const QString kLinkKey = QStringLiteral("link");

QJsonObject entityJson(const EntityRecord& e)
{
    QJsonArray words;
    for (WordId w : e.words)
        words.append(w);
    return QJsonObject{{QStringLiteral("id"), e.id},
                       {QStringLiteral("page_id"), e.pageId},
                       {QStringLiteral("label"), e.label},
                       {QStringLiteral("field"), e.field},
                       {QStringLiteral("source"), e.source},
                       {QStringLiteral("proposed"), e.proposed},
                       {QStringLiteral("external_id"), e.externalId},
                       {QStringLiteral("text"), jsonOrNull(e.storedText)},
                       {QStringLiteral("words"), words}};
}

EntityRecord entityFromJson(const QJsonObject& o)
{
    EntityRecord e;
    e.id = o.value(QStringLiteral("id")).toInteger();
    e.pageId = o.value(QStringLiteral("page_id")).toInteger();
    e.label = o.value(QStringLiteral("label")).toString();
    e.field = o.value(QStringLiteral("field")).toString();
    e.source = o.value(QStringLiteral("source")).toString(userSource());
    e.proposed = o.value(QStringLiteral("proposed")).toBool();
    e.externalId = o.value(QStringLiteral("external_id")).toString();
    const QJsonValue text = o.value(QStringLiteral("text"));
    if (text.isString())
        e.storedText = text.toString();
    for (const QJsonValue& w : o.value(QStringLiteral("words")).toArray())
        e.words.push_back(w.toInteger());
    return e;
}

QJsonObject linkJson(const LinkRecord& l)
{
    return QJsonObject{{QStringLiteral("id"), l.id},
                       {QStringLiteral("page_id"), l.pageId},
                       {QStringLiteral("from"), l.from},
                       {QStringLiteral("to"), l.to},
                       {QStringLiteral("type"), l.type},
                       {QStringLiteral("source"), l.source},
                       {QStringLiteral("proposed"), l.proposed}};
}

LinkRecord linkFromJson(const QJsonObject& o)
{
    LinkRecord l;
    l.id = o.value(QStringLiteral("id")).toInteger();
    l.pageId = o.value(QStringLiteral("page_id")).toInteger();
    l.from = o.value(QStringLiteral("from")).toInteger();
    l.to = o.value(QStringLiteral("to")).toInteger();
    l.type = o.value(QStringLiteral("type")).toString(defaultLinkType());
    l.source = o.value(QStringLiteral("source")).toString(userSource());
    l.proposed = o.value(QStringLiteral("proposed")).toBool();
    return l;
}

QJsonObject wrap(const QString& key, const QJsonObject& state)
{
    return QJsonObject{{key, state}};
}

LinkRecord readLink(const Query& q)
{
    LinkRecord l;
    l.id = q.i64(0);
    l.pageId = q.i64(1);
    l.from = q.i64(2);
    l.to = q.i64(3);
    l.type = q.text(4);
    l.source = q.text(5);
    l.proposed = q.i32(6) != 0;
    return l;
}

constexpr const char* kLinkSelect = "SELECT id, page_id, from_entity, to_entity, type, source, proposed FROM links ";

} // namespace

// ---- rows ------------------------------------------------------------------------------------------------

bool ProjectStore::Impl::hasForms() const
{
    return version >= 4;
}

std::optional<EntityRecord> ProjectStore::Impl::entityRow(EntityId id)
{
    if (!hasForms())
        return std::nullopt;
    EntityRecord e;
    {
        Query q(db, "SELECT id, page_id, label, field, source, proposed, external_id, text FROM entities "
                    "WHERE id = ?1");
        if (!q.bind(1, id).next())
            return std::nullopt;
        e.id = q.i64(0);
        e.pageId = q.i64(1);
        e.label = q.text(2);
        e.field = q.text(3);
        e.source = q.text(4);
        e.proposed = q.i32(5) != 0;
        e.externalId = q.text(6);
        if (!q.isNull(7))
            e.storedText = q.text(7);
    }
    Query q(db, "SELECT word_id FROM entity_words WHERE entity_id = ?1 ORDER BY ord, word_id");
    q.bind(1, id);
    while (q.next())
        e.words.push_back(q.i64(0));
    return e;
}

// Text and box from the entity's words.
void ProjectStore::Impl::fillEntity(EntityRecord& e)
{
    QStringList texts;
    PixelBox box;
    bool first = true;
    for (WordId id : e.words) {
        Query q(db, "SELECT text, x0, y0, x1, y1 FROM words WHERE id = ?1");
        if (!q.bind(1, id).next())
            continue;
        texts << q.text(0);
        const PixelBox b{q.i32(1), q.i32(2), q.i32(3), q.i32(4)};
        box = first ? b
                    : PixelBox{std::min(box.x0, b.x0), std::min(box.y0, b.y0), std::max(box.x1, b.x1),
                               std::max(box.y1, b.y1)};
        first = false;
    }
    e.text = e.storedText ? *e.storedText : texts.join(QLatin1Char(' '));
    e.box = box;
}

std::optional<LinkRecord> ProjectStore::Impl::linkRow(LinkId id)
{
    if (!hasForms())
        return std::nullopt;
    static const std::string sql = std::string(kLinkSelect) + "WHERE id = ?1";
    Query q(db, sql.c_str());
    if (!q.bind(1, id).next())
        return std::nullopt;
    return readLink(q);
}

// ---- states (shared by the edits and by undo/redo) ---------------------------------------------------------

// Writes entity `e` as it is (insert or update; its words replaced). Words that no longer exist are left
// out; a word in another entity moves to this one.
void ProjectStore::Impl::writeEntity(const EntityRecord& e)
{
    {
        Query q(db, "SELECT 1 FROM pages WHERE id = ?1");
        if (!q.bind(1, e.pageId).next())
            fail(ErrorCode::NotFound, QStringLiteral("page %1 no longer exists").arg(e.pageId));
    }
    {
        Query q(db, "INSERT INTO entities (id, page_id, label, field, source, proposed, external_id, text) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET label = excluded.label, "
                    "field = excluded.field, source = excluded.source, proposed = excluded.proposed, "
                    "external_id = excluded.external_id, text = excluded.text");
        q.bind(1, e.id).bind(2, e.pageId).bind(3, e.label).bind(4, e.field).bind(5, e.source);
        q.bind(6, e.proposed).bind(7, e.externalId).bind(8, e.storedText).run();
    }
    {
        Query q(db, "DELETE FROM entity_words WHERE entity_id = ?1");
        q.bind(1, e.id).run();
    }
    int ord = 0;
    for (WordId w : e.words) {
        Query exists(db, "SELECT 1 FROM words WHERE id = ?1 AND page_id = ?2");
        if (!exists.bind(1, w).bind(2, e.pageId).next())
            continue;
        Query q(db, "INSERT INTO entity_words (word_id, entity_id, ord) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (word_id) DO UPDATE SET entity_id = excluded.entity_id, ord = excluded.ord");
        q.bind(1, w).bind(2, e.id).bind(3, ord++).run();
    }
}

void ProjectStore::Impl::writeLink(const LinkRecord& l)
{
    for (EntityId end : {l.from, l.to}) {
        Query q(db, "SELECT 1 FROM entities WHERE id = ?1");
        if (!q.bind(1, end).next())
            fail(ErrorCode::NotFound, QStringLiteral("entity %1 no longer exists").arg(end));
    }
    Query q(db, "INSERT INTO links (id, page_id, from_entity, to_entity, type, source, proposed) VALUES (?1, ?2, ?3, "
                "?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET type = excluded.type, source = excluded.source, "
                "proposed = excluded.proposed");
    q.bind(1, l.id).bind(2, l.pageId).bind(3, l.from).bind(4, l.to).bind(5, l.type).bind(6, l.source);
    q.bind(7, l.proposed).run();
}

// Deletes a link, recording it.
void ProjectStore::Impl::deleteLinkTx(const LinkRecord& l, long long group)
{
    Query q(db, "DELETE FROM links WHERE id = ?1");
    q.bind(1, l.id).run();
    recordEdit(group, l.pageId, std::nullopt, "link", wrap(kLinkKey, linkJson(l)), QJsonObject{});
}

// Deletes an entity and its links, recording the links first (so undo, newest first, brings the entity
// back before its links).
void ProjectStore::Impl::deleteEntityTx(const EntityRecord& e, long long group)
{
    std::vector<LinkRecord> links;
    {
        static const std::string sql =
            std::string(kLinkSelect) + "WHERE from_entity = ?1 OR to_entity = ?1 ORDER BY id";
        Query q(db, sql.c_str());
        q.bind(1, e.id);
        while (q.next())
            links.push_back(readLink(q));
    }
    for (const LinkRecord& l : links)
        deleteLinkTx(l, group);
    Query q(db, "DELETE FROM entities WHERE id = ?1");
    q.bind(1, e.id).run();
    recordEdit(group, e.pageId, std::nullopt, "entity", wrap(kEntityKey, entityJson(e)), QJsonObject{});
}

// Sets entity `e` (an existing one), recording before and after; no words left: deleted with its links.
void ProjectStore::Impl::updateEntityTx(const EntityRecord& before, const EntityRecord& after, long long group)
{
    if (after.words.empty()) {
        deleteEntityTx(before, group);
        return;
    }
    writeEntity(after);
    const EntityRecord stored = *entityRow(after.id);
    if (entityJson(stored) == entityJson(before))
        return;
    recordEdit(group, before.pageId, std::nullopt, "entity", wrap(kEntityKey, entityJson(before)),
               wrap(kEntityKey, entityJson(stored)));
}

// Before words are deleted or moved: each entity holding some of them loses them (recorded); one left
// with no words goes with its links. `keep`: an entity not to touch (the one the words go to).
void ProjectStore::Impl::leaveEntities(const std::vector<WordId>& words, long long group, EntityId keep)
{
    if (!hasForms() || words.empty())
        return;
    std::set<EntityId> touched;
    for (WordId w : words) {
        Query q(db, "SELECT entity_id FROM entity_words WHERE word_id = ?1");
        if (q.bind(1, w).next() && q.i64(0) != keep)
            touched.insert(q.i64(0));
    }
    const std::set<WordId> leaving(words.begin(), words.end());
    for (EntityId id : touched) {
        const std::optional<EntityRecord> before = entityRow(id);
        if (!before)
            continue;
        EntityRecord after = *before;
        std::erase_if(after.words, [&](WordId w) { return leaving.count(w) > 0; });
        updateEntityTx(*before, after, group);
    }
}

void ProjectStore::Impl::applyFormEdit(const EditRecord& e, const QJsonObject& target, const QJsonObject& from)
{
    if (target.contains(kEntityKey)) {
        writeEntity(entityFromJson(target.value(kEntityKey).toObject()));
    } else if (from.contains(kEntityKey)) {
        Query q(db, "DELETE FROM entities WHERE id = ?1");
        q.bind(1, from.value(kEntityKey).toObject().value(QStringLiteral("id")).toInteger()).run();
    } else if (target.contains(kLinkKey)) {
        writeLink(linkFromJson(target.value(kLinkKey).toObject()));
    } else if (from.contains(kLinkKey)) {
        Query q(db, "DELETE FROM links WHERE id = ?1");
        q.bind(1, from.value(kLinkKey).toObject().value(QStringLiteral("id")).toInteger()).run();
    } else {
        fail(ErrorCode::Internal, QStringLiteral("edit %1 holds neither an entity nor a link").arg(e.id));
    }
}

// Checks an entity to add or set: words given, all on its page.
void ProjectStore::Impl::requireEntityWords(const EntityRecord& e)
{
    if (e.words.empty())
        fail(ErrorCode::InvalidInput, QStringLiteral("an entity needs at least one word"));
    for (WordId w : e.words) {
        const std::optional<WordRow> row = wordRow(w);
        if (!row)
            fail(ErrorCode::NotFound, QStringLiteral("word %1 does not exist").arg(w));
        if (row->pageId != e.pageId)
            fail(ErrorCode::InvalidInput, QStringLiteral("word %1 is not on page %2").arg(w).arg(e.pageId));
    }
}

void ProjectStore::Impl::requireForms() const
{
    if (!hasForms())
        fail(ErrorCode::InvalidInput, QStringLiteral("this project file is too old for forms (open it for writing "
                                                     "to migrate it)"));
}

EntityId ProjectStore::Impl::addEntityTx(EntityRecord e, long long group)
{
    requireForms();
    e.words = uniqueIds(e.words);
    requireEntityWords(e);
    if (e.source.isEmpty())
        e.source = userSource();
    leaveEntities(e.words, group);
    {
        Query q(db, "INSERT INTO entities (page_id, label, field, source, proposed, external_id, text) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        q.bind(1, e.pageId).bind(2, e.label).bind(3, e.field).bind(4, e.source).bind(5, e.proposed);
        q.bind(6, e.externalId).bind(7, e.storedText).run();
    }
    e.id = sqlite3_last_insert_rowid(db.handle());
    writeEntity(e);
    recordEdit(group, e.pageId, std::nullopt, "entity", QJsonObject{}, wrap(kEntityKey, entityJson(*entityRow(e.id))));
    return e.id;
}

LinkId ProjectStore::Impl::addLinkTx(LinkRecord l, long long group, bool allowSelf)
{
    requireForms();
    if (l.from == l.to && !allowSelf)
        fail(ErrorCode::InvalidInput, QStringLiteral("an entity cannot be linked to itself"));
    const std::optional<EntityRecord> from = entityRow(l.from), to = entityRow(l.to);
    if (!from || !to)
        fail(ErrorCode::NotFound, QStringLiteral("entity %1 does not exist").arg(from ? l.to : l.from));
    if (from->pageId != to->pageId)
        fail(ErrorCode::InvalidInput, QStringLiteral("a link joins two entities of one page"));
    l.pageId = from->pageId;
    if (l.type.isEmpty())
        l.type = defaultLinkType();
    if (l.source.isEmpty())
        l.source = userSource();
    {
        Query q(db, "SELECT 1 FROM links WHERE from_entity = ?1 AND to_entity = ?2 AND type = ?3");
        if (q.bind(1, l.from).bind(2, l.to).bind(3, l.type).next())
            fail(ErrorCode::InvalidInput, QStringLiteral("these entities are linked already"));
    }
    {
        Query q(db, "INSERT INTO links (page_id, from_entity, to_entity, type, source, proposed) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        q.bind(1, l.pageId).bind(2, l.from).bind(3, l.to).bind(4, l.type).bind(5, l.source).bind(6, l.proposed);
        q.run();
    }
    l.id = sqlite3_last_insert_rowid(db.handle());
    recordEdit(group, l.pageId, std::nullopt, "link", QJsonObject{}, wrap(kLinkKey, linkJson(l)));
    return l.id;
}

// Re-OCR replaced words that were not kept: an entity takes the new word that covers its old word
// (IoU >= 0.5), loses the words nothing covers, and goes (with its links) when none is left. Not part of
// the history (re-OCR is not a person's edit). `oldBoxes`: the removed words' boxes, before removal.
void ProjectStore::Impl::carryEntitiesThroughReocr(PageId page, const std::map<WordId, PixelBox>& removed,
                                                   const std::map<WordId, EntityId>& membership)
{
    if (!hasForms() || membership.empty())
        return;
    std::vector<std::pair<WordId, PixelBox>> current;
    {
        Query q(db, "SELECT id, x0, y0, x1, y1 FROM words WHERE page_id = ?1 AND id NOT IN (SELECT word_id FROM "
                    "entity_words) ORDER BY ord");
        q.bind(1, page);
        while (q.next())
            current.push_back({q.i64(0), {q.i32(1), q.i32(2), q.i32(3), q.i32(4)}});
    }
    std::set<WordId> taken;
    for (const auto& [oldWord, entity] : membership) {
        const auto box = removed.find(oldWord);
        if (box == removed.end())
            continue;
        WordId best = 0;
        double bestIou = 0.5;
        for (const auto& [id, b] : current) {
            const double v = box->second.iou(b);
            if (v >= bestIou && !taken.count(id)) {
                bestIou = v;
                best = id;
            }
        }
        if (best == 0)
            continue;
        taken.insert(best);
        Query q(db, "INSERT INTO entity_words (word_id, entity_id, ord) VALUES (?1, ?2, (SELECT coalesce(max(ord), "
                    "-1) + 1 FROM entity_words WHERE entity_id = ?2))");
        q.bind(1, best).bind(2, entity).run();
    }
    // Entities of the page left with no words go, with their links (ON DELETE CASCADE).
    Query q(db, "DELETE FROM entities WHERE page_id = ?1 AND id NOT IN (SELECT entity_id FROM entity_words)");
    q.bind(1, page).run();
}

// ---- public calls ------------------------------------------------------------------------------------------

Result<PageForm> ProjectStore::pageForm(PageId page)
{
    return guarded<PageForm>([&] {
        PageForm form;
        if (!m_impl->hasForms())
            return form;
        std::vector<EntityId> ids;
        {
            // Reading order of each entity's first word in the page.
            Query q(m_impl->db, "SELECT e.id FROM entities e LEFT JOIN entity_words ew ON ew.entity_id = e.id "
                                "LEFT JOIN words w ON w.id = ew.word_id WHERE e.page_id = ?1 GROUP BY e.id "
                                "ORDER BY min(coalesce(w.ord, 1000000000)), e.id");
            q.bind(1, page);
            while (q.next())
                ids.push_back(q.i64(0));
        }
        for (EntityId id : ids) {
            std::optional<EntityRecord> e = m_impl->entityRow(id);
            if (!e)
                continue;
            m_impl->fillEntity(*e);
            form.entities.push_back(std::move(*e));
        }
        static const std::string sql = std::string(kLinkSelect) + "WHERE page_id = ?1 ORDER BY id";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, page);
        while (q.next())
            form.links.push_back(readLink(q));
        return form;
    });
}

Result<std::optional<EntityRecord>> ProjectStore::entity(EntityId id)
{
    return guarded<std::optional<EntityRecord>>([&] {
        std::optional<EntityRecord> e = m_impl->entityRow(id);
        if (e)
            m_impl->fillEntity(*e);
        return e;
    });
}

Result<std::optional<LinkRecord>> ProjectStore::link(LinkId id)
{
    return guarded<std::optional<LinkRecord>>([&] { return m_impl->linkRow(id); });
}

Result<EntityId> ProjectStore::addEntity(const EntityRecord& entity, long long group)
{
    return guarded<EntityId>([&] {
        Transaction tx(m_impl->db);
        const long long g = m_impl->groupOr(group);
        const EntityId id = m_impl->addEntityTx(entity, g);
        tx.commit();
        return id;
    });
}

Status ProjectStore::updateEntity(const EntityRecord& entity, long long group)
{
    return guardedStatus([&] {
        m_impl->requireForms();
        Transaction tx(m_impl->db);
        const std::optional<EntityRecord> before = m_impl->entityRow(entity.id);
        if (!before)
            fail(ErrorCode::NotFound, QStringLiteral("entity %1 does not exist").arg(entity.id));
        EntityRecord after = *before;
        after.label = entity.label;
        after.field = entity.field;
        after.proposed = entity.proposed;
        after.storedText = entity.storedText;
        after.words = uniqueIds(entity.words);
        if (!after.words.empty())
            m_impl->requireEntityWords(after);
        const long long g = m_impl->groupOr(group);
        // Words coming from other entities leave them first.
        std::vector<WordId> incoming;
        for (WordId w : after.words)
            if (std::find(before->words.begin(), before->words.end(), w) == before->words.end())
                incoming.push_back(w);
        m_impl->leaveEntities(incoming, g, entity.id);
        m_impl->updateEntityTx(*before, after, g);
        tx.commit();
    });
}

Status ProjectStore::deleteEntities(const std::vector<EntityId>& entities, long long group)
{
    return guardedStatus([&] {
        m_impl->requireForms();
        Transaction tx(m_impl->db);
        const long long g = m_impl->groupOr(group);
        for (EntityId id : entities) {
            const std::optional<EntityRecord> e = m_impl->entityRow(id);
            if (!e)
                fail(ErrorCode::NotFound, QStringLiteral("entity %1 does not exist").arg(id));
            m_impl->deleteEntityTx(*e, g);
        }
        tx.commit();
    });
}

Result<LinkId> ProjectStore::addLink(const LinkRecord& link, long long group)
{
    return guarded<LinkId>([&] {
        Transaction tx(m_impl->db);
        const long long g = m_impl->groupOr(group);
        const LinkId id = m_impl->addLinkTx(link, g);
        tx.commit();
        return id;
    });
}

Status ProjectStore::updateLink(const LinkRecord& link, long long group)
{
    return guardedStatus([&] {
        m_impl->requireForms();
        Transaction tx(m_impl->db);
        const std::optional<LinkRecord> before = m_impl->linkRow(link.id);
        if (!before)
            fail(ErrorCode::NotFound, QStringLiteral("link %1 does not exist").arg(link.id));
        LinkRecord after = *before;
        after.type = link.type.isEmpty() ? defaultLinkType() : link.type;
        after.proposed = link.proposed;
        if (linkJson(after) == linkJson(*before))
            return;
        {
            Query q(m_impl->db, "SELECT 1 FROM links WHERE from_entity = ?1 AND to_entity = ?2 AND type = ?3 AND "
                                "id <> ?4");
            if (q.bind(1, after.from).bind(2, after.to).bind(3, after.type).bind(4, after.id).next())
                fail(ErrorCode::InvalidInput, QStringLiteral("these entities are linked already"));
        }
        const long long g = m_impl->groupOr(group);
        m_impl->writeLink(after);
        m_impl->recordEdit(g, after.pageId, std::nullopt, "link", wrap(kLinkKey, linkJson(*before)),
                           wrap(kLinkKey, linkJson(after)));
        tx.commit();
    });
}

Status ProjectStore::deleteLinks(const std::vector<LinkId>& links, long long group)
{
    return guardedStatus([&] {
        m_impl->requireForms();
        Transaction tx(m_impl->db);
        const long long g = m_impl->groupOr(group);
        for (LinkId id : links) {
            const std::optional<LinkRecord> l = m_impl->linkRow(id);
            if (!l)
                fail(ErrorCode::NotFound, QStringLiteral("link %1 does not exist").arg(id));
            m_impl->deleteLinkTx(*l, g);
        }
        tx.commit();
    });
}

Result<std::vector<EntityId>> ProjectStore::addForm(PageId page, const PageForm& form, long long group)
{
    return guarded<std::vector<EntityId>>([&] {
        Transaction tx(m_impl->db);
        const long long g = m_impl->groupOr(group);
        std::vector<EntityId> ids;
        for (EntityRecord e : form.entities) {
            e.pageId = page;
            ids.push_back(m_impl->addEntityTx(e, g));
        }
        for (LinkRecord l : form.links) {
            if (l.from < 0 || l.to < 0 || l.from >= static_cast<long long>(ids.size())
                || l.to >= static_cast<long long>(ids.size()))
                fail(ErrorCode::InvalidInput, QStringLiteral("a link names an entity the form does not have"));
            l.from = ids[static_cast<std::size_t>(l.from)];
            l.to = ids[static_cast<std::size_t>(l.to)];
            m_impl->addLinkTx(l, g);
        }
        tx.commit();
        return ids;
    });
}

Result<std::vector<std::pair<PageRecord, EntityRecord>>> ProjectStore::fieldEntities(DocumentId document)
{
    using Out = std::vector<std::pair<PageRecord, EntityRecord>>;
    return guarded<Out>([&] {
        Out out;
        if (!m_impl->hasForms())
            return out;
        std::vector<std::pair<PageId, EntityId>> ids;
        {
            Query q(m_impl->db, "SELECT e.page_id, e.id FROM entities e JOIN pages p ON p.id = e.page_id LEFT JOIN "
                                "entity_words ew ON ew.entity_id = e.id LEFT JOIN words w ON w.id = ew.word_id "
                                "WHERE e.field <> '' AND (?1 = 0 OR p.document_id = ?1) GROUP BY e.id "
                                "ORDER BY p.document_id, p.number, min(coalesce(w.ord, 1000000000)), e.id");
            q.bind(1, document);
            while (q.next())
                ids.push_back({q.i64(0), q.i64(1)});
        }
        std::map<PageId, PageRecord> pages;
        for (const auto& [pageId, entityId] : ids) {
            if (!pages.count(pageId)) {
                const std::string sql = m_impl->pageSelect() + "WHERE id = ?1";
                Query q(m_impl->db, sql.c_str());
                if (q.bind(1, pageId).next())
                    pages[pageId] = m_impl->readPage(q);
            }
            std::optional<EntityRecord> e = m_impl->entityRow(entityId);
            if (!e)
                continue;
            m_impl->fillEntity(*e);
            out.push_back({pages[pageId], std::move(*e)});
        }
        return out;
    });
}

Status ProjectStore::storeImportedPage(PageId page, const std::vector<RecognizedWord>& words, const PageForm& form,
                                       const QString& source, PageKind kind)
{
    return guardedStatus([&] {
        m_impl->requireForms();
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT count(*) FROM words WHERE page_id = ?1");
            q.bind(1, page).next();
            if (q.i64(0) > 0)
                fail(ErrorCode::InvalidInput, QStringLiteral("the page has words already"));
        }
        {
            Query q(m_impl->db, "UPDATE pages SET status = 'done', failure = '', error = NULL, kind = ?2, engine = ?3, "
                                "updated_at = ?4 WHERE id = ?1");
            if (q.bind(1, page).bind(2, toString(kind)).bind(3, source).bind(4, nowUtc()).run() == 0)
                fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(page));
        }
        std::vector<WordId> ids;
        ids.reserve(words.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
            RecognizedWord w = words[i];
            w.engine = source;
            const WordId id = m_impl->insertWord(page, w, static_cast<int>(i), w.block, w.line, WordSource::Ocr);
            // Kept by a later re-OCR, like a person's words; a confidence only when the file gave one.
            Query q(m_impl->db, "UPDATE words SET edited = 1, confidence = CASE WHEN ?2 THEN confidence END "
                                "WHERE id = ?1");
            q.bind(1, id).bind(2, w.confidence >= 0).run();
            ids.push_back(id);
        }
        const long long g = m_impl->nextGroup();
        std::vector<EntityId> entities;
        for (EntityRecord e : form.entities) {
            for (WordId& w : e.words) {
                if (w < 0 || w >= static_cast<WordId>(ids.size()))
                    fail(ErrorCode::InvalidInput, QStringLiteral("an entity names a word the page does not have"));
                w = ids[static_cast<std::size_t>(w)];
            }
            e.pageId = page;
            e.source = source;
            entities.push_back(m_impl->addEntityTx(e, g));
        }
        for (LinkRecord l : form.links) {
            if (l.from < 0 || l.to < 0 || l.from >= static_cast<long long>(entities.size())
                || l.to >= static_cast<long long>(entities.size()))
                fail(ErrorCode::InvalidInput, QStringLiteral("a link names an entity the page does not have"));
            l.from = entities[static_cast<std::size_t>(l.from)];
            l.to = entities[static_cast<std::size_t>(l.to)];
            l.source = source;
            m_impl->addLinkTx(l, g, true); // as the file has it (one public FUNSD form links an entity to itself)
        }
        tx.commit();
    });
}

Status ProjectStore::setWordsFlagged(const std::vector<WordId>& words, bool flagged)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        for (WordId w : words) {
            Query q(m_impl->db, "UPDATE words SET flagged = ?2 WHERE id = ?1");
            q.bind(1, w).bind(2, flagged).run();
        }
        tx.commit();
    });
}

} // namespace incidoc
