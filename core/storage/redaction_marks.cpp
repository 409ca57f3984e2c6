// Redaction marks (schema 7: redaction_marks): a word, an entity or a region of a page a person marked
// sensitive, or a finding overruled as not sensitive. Every change is recorded in the edit history as a
// "redaction" edit whose before/after is the mark's whole row ({}: the mark did not exist), so undo and
// redo put marks back exactly, ids included. The project's redaction secret lives in the meta table.
#include "core/storage/project_store_p.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <array>

namespace incidoc {

using namespace storage;

namespace {

constexpr const char* kRedactionAction = "redaction";
constexpr const char* kSecretKey = "redaction_secret";
constexpr int kSecretBytes = 32;

constexpr const char* kMarkSelect =
    "SELECT id, page_id, target, coalesce(word_id, 0), coalesce(entity_id, 0), x0, y0, x1, y1, sensitive, type "
    "FROM redaction_marks ";

RedactionMark readMark(const Query& q)
{
    RedactionMark m;
    m.id = q.i64(0);
    m.pageId = q.i64(1);
    m.target = markTargetFromString(q.text(2)).value_or(MarkTarget::Region);
    m.word = q.i64(3);
    m.entity = q.i64(4);
    m.box = {q.i32(5), q.i32(6), q.i32(7), q.i32(8)};
    m.sensitive = q.i32(9) != 0;
    m.type = sensitiveTypeFromString(q.text(10)).value_or(SensitiveType::Other);
    return m;
}

/// The stored row of a mark (what a "redaction" edit holds).
QJsonObject markJson(const RedactionMark& m, const QString& createdAt)
{
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("page_id"), m.pageId},
                       {QStringLiteral("target"), toString(m.target)},
                       {QStringLiteral("word_id"), m.word},
                       {QStringLiteral("entity_id"), m.entity},
                       {QStringLiteral("x0"), m.box.x0},
                       {QStringLiteral("y0"), m.box.y0},
                       {QStringLiteral("x1"), m.box.x1},
                       {QStringLiteral("y1"), m.box.y1},
                       {QStringLiteral("sensitive"), m.sensitive},
                       {QStringLiteral("type"), m.sensitive ? toString(m.type) : QString()},
                       {QStringLiteral("created_at"), createdAt}};
}

std::optional<RedactionMark> markRow(Db& db, RedactionMarkId id, QString* createdAt)
{
    static const std::string sql = std::string(kMarkSelect) + "WHERE id = ?1";
    Query q(db, sql.c_str());
    if (!q.bind(1, id).next())
        return std::nullopt;
    RedactionMark m = readMark(q);
    Query c(db, "SELECT created_at FROM redaction_marks WHERE id = ?1");
    if (c.bind(1, id).next())
        *createdAt = c.text(0);
    return m;
}

void insertMark(Db& db, const QJsonObject& o)
{
    auto val = [&](const char* key) { return o.value(QLatin1String(key)); };
    Query q(db, "INSERT INTO redaction_marks (id, page_id, target, word_id, entity_id, x0, y0, x1, y1, sensitive, "
                "type, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    q.bind(1, val("id").toInteger()).bind(2, val("page_id").toInteger()).bind(3, val("target").toString());
    const long long word = val("word_id").toInteger(), entity = val("entity_id").toInteger();
    q.bind(4, word > 0 ? std::optional<long long>(word) : std::nullopt);
    q.bind(5, entity > 0 ? std::optional<long long>(entity) : std::nullopt);
    q.bind(6, val("x0").toInt()).bind(7, val("y0").toInt()).bind(8, val("x1").toInt()).bind(9, val("y1").toInt());
    q.bind(10, val("sensitive").toBool()).bind(11, val("type").toString());
    const QString at = val("created_at").toString();
    q.bind(12, at.isEmpty() ? nowUtc() : at);
    q.run();
}

void requireMarks(int version)
{
    if (version < 7)
        fail(ErrorCode::InvalidInput, QStringLiteral("this project file is too old for redaction marks (open it "
                                                     "for writing to migrate it)"));
}

} // namespace

Result<std::vector<RedactionMark>> ProjectStore::redactionMarks(PageId page)
{
    return guarded<std::vector<RedactionMark>>([&] {
        std::vector<RedactionMark> out;
        if (m_impl->version < 7)
            return out; // an older file opened read-only: no marks
        static const std::string all = std::string(kMarkSelect) + "ORDER BY page_id, id";
        static const std::string one = std::string(kMarkSelect) + "WHERE page_id = ?1 ORDER BY id";
        Query q(m_impl->db, page > 0 ? one.c_str() : all.c_str());
        if (page > 0)
            q.bind(1, page);
        while (q.next())
            out.push_back(readMark(q));
        return out;
    });
}

Result<RedactionMarkId> ProjectStore::addRedactionMark(const RedactionMark& mark, long long group)
{
    return guarded<RedactionMarkId>([&] {
        requireMarks(m_impl->version);
        Impl& impl = *m_impl;
        Db& db = impl.db;
        Transaction tx(db);
        {
            Query q(db, "SELECT 1 FROM pages WHERE id = ?1");
            if (!q.bind(1, mark.pageId).next())
                fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(mark.pageId));
        }
        RedactionMark m = mark;
        m.id = 0;
        // The box is the target's own: a word's box, an entity's words' box, or the region given.
        switch (m.target) {
        case MarkTarget::Word: {
            m.entity = 0;
            const std::optional<WordRow> w = impl.wordRow(m.word);
            if (!w)
                fail(ErrorCode::NotFound, QStringLiteral("word %1 does not exist").arg(m.word));
            if (w->pageId != m.pageId)
                fail(ErrorCode::InvalidInput, QStringLiteral("word %1 is not on page %2").arg(m.word).arg(m.pageId));
            m.box = w->box;
            break;
        }
        case MarkTarget::Entity: {
            m.word = 0;
            std::optional<EntityRecord> e = impl.entityRow(m.entity);
            if (!e)
                fail(ErrorCode::NotFound, QStringLiteral("entity %1 does not exist").arg(m.entity));
            if (e->pageId != m.pageId)
                fail(ErrorCode::InvalidInput,
                     QStringLiteral("entity %1 is not on page %2").arg(m.entity).arg(m.pageId));
            impl.fillEntity(*e);
            m.box = e->box;
            break;
        }
        case MarkTarget::Region:
            m.word = 0;
            m.entity = 0;
            break;
        }
        if (m.box.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a redaction mark needs a box that is not empty"));
        if (!m.sensitive)
            m.type = SensitiveType::Other; // stored as "": a "not sensitive" mark has no kind

        const long long g = impl.groupOr(group);
        // A mark on the same target goes first (recorded: undo puts it back).
        std::vector<RedactionMarkId> replaced;
        {
            Query q(db, "SELECT id FROM redaction_marks WHERE page_id = ?1 AND target = ?2 AND "
                        "((target = 'word' AND word_id = ?3) OR (target = 'entity' AND entity_id = ?4) OR "
                        "(target = 'region' AND x0 = ?5 AND y0 = ?6 AND x1 = ?7 AND y1 = ?8)) ORDER BY id");
            q.bind(1, m.pageId).bind(2, toString(m.target)).bind(3, m.word).bind(4, m.entity);
            q.bind(5, m.box.x0).bind(6, m.box.y0).bind(7, m.box.x1).bind(8, m.box.y1);
            while (q.next())
                replaced.push_back(q.i64(0));
        }
        for (RedactionMarkId id : replaced) {
            QString at;
            const std::optional<RedactionMark> old = markRow(db, id, &at);
            Query q(db, "DELETE FROM redaction_marks WHERE id = ?1");
            q.bind(1, id).run();
            impl.recordEdit(g, old->pageId, std::nullopt, kRedactionAction, markJson(*old, at), QJsonObject{});
        }
        {
            Query q(db, "INSERT INTO redaction_marks (page_id, target, word_id, entity_id, x0, y0, x1, y1, sensitive, "
                        "type, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
            q.bind(1, m.pageId).bind(2, toString(m.target));
            q.bind(3, m.word > 0 ? std::optional<long long>(m.word) : std::nullopt);
            q.bind(4, m.entity > 0 ? std::optional<long long>(m.entity) : std::nullopt);
            q.bind(5, m.box.x0).bind(6, m.box.y0).bind(7, m.box.x1).bind(8, m.box.y1).bind(9, m.sensitive);
            q.bind(10, m.sensitive ? toString(m.type) : QString()).bind(11, nowUtc()).run();
        }
        m.id = sqlite3_last_insert_rowid(db.handle());
        QString at;
        const std::optional<RedactionMark> added = markRow(db, m.id, &at);
        impl.recordEdit(g, m.pageId, std::nullopt, kRedactionAction, QJsonObject{}, markJson(*added, at));
        tx.commit();
        return m.id;
    });
}

Status ProjectStore::deleteRedactionMarks(const std::vector<RedactionMarkId>& marks, long long group)
{
    return guardedStatus([&] {
        requireMarks(m_impl->version);
        Impl& impl = *m_impl;
        Transaction tx(impl.db);
        long long g = 0;
        for (RedactionMarkId id : uniqueIds(marks)) {
            QString at;
            const std::optional<RedactionMark> old = markRow(impl.db, id, &at);
            if (!old)
                continue; // unknown: ignored
            if (g == 0)
                g = impl.groupOr(group);
            Query q(impl.db, "DELETE FROM redaction_marks WHERE id = ?1");
            q.bind(1, id).run();
            impl.recordEdit(g, old->pageId, std::nullopt, kRedactionAction, markJson(*old, at), QJsonObject{});
        }
        tx.commit();
    });
}

void ProjectStore::Impl::applyRedactionEdit(const EditRecord& e, const QJsonObject& target, const QJsonObject& from)
{
    const QJsonObject& row = target.isEmpty() ? from : target;
    const RedactionMarkId id = row.value(QStringLiteral("id")).toInteger();
    if (id <= 0)
        fail(ErrorCode::Internal, QStringLiteral("edit %1 holds no redaction mark").arg(e.id));
    {
        Query q(db, "DELETE FROM redaction_marks WHERE id = ?1");
        q.bind(1, id).run();
    }
    if (!target.isEmpty())
        insertMark(db, target);
}

Result<QByteArray> ProjectStore::redactionSecret()
{
    return guarded<QByteArray>([&] {
        Db& db = m_impl->db;
        auto stored = [&]() -> std::optional<QByteArray> {
            Query q(db, "SELECT value FROM meta WHERE key = ?1");
            q.bind(1, QString::fromLatin1(kSecretKey));
            if (!q.next() || q.isNull(0))
                return std::nullopt;
            const QByteArray secret = QByteArray::fromHex(q.text(0).toLatin1());
            // Anything else (a hand-edited file) is made anew, when the project is writable.
            return secret.size() == kSecretBytes ? std::optional<QByteArray>(secret) : std::nullopt;
        };
        if (m_impl->mode == OpenMode::ReadOnly || m_impl->version < 7) {
            if (auto secret = stored())
                return *secret;
            fail(ErrorCode::Io, QStringLiteral("this project has no redaction secret yet and is open read-only: open "
                                               "it for writing once (a redacted export needs one)"));
        }
        Transaction tx(db); // another process making one at the same time waits, then reads it
        if (auto secret = stored())
            return *secret;
        // What newRedactionSecret() (core/redact/pseudonyms.h) makes: storage may not include the redact stage.
        std::array<quint32, kSecretBytes / 4> words{};
        QRandomGenerator::system()->fillRange(words.data(), words.size());
        const QByteArray secret(reinterpret_cast<const char*>(words.data()), kSecretBytes);
        Query q(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
        q.bind(1, QString::fromLatin1(kSecretKey)).bind(2, QString::fromLatin1(secret.toHex())).run();
        tx.commit();
        return secret;
    });
}

} // namespace incidoc
