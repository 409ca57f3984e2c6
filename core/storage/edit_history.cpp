// The edit history: every word or page edit is one row holding the changed fields before and after
// (JSON), grouped by user action. Undo and redo work from the history itself: reverting a group is
// applying its `before` states newest first (redo: `after`, oldest first). One transaction per call:
// an undo that cannot be applied completely changes nothing.
#include "core/storage/char_codec.h"
#include "core/storage/project_store_p.h"

#include <QJsonDocument>

#include <algorithm>
#include <limits>

namespace incidoc {

using namespace storage;

namespace {

QString toJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

namespace storage {

QJsonValue jsonOrNull(const std::optional<QString>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue charsJson(const QByteArray& chars)
{
    return chars.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromLatin1(chars.toBase64()));
}

QJsonObject fullWordJson(const WordRow& w)
{
    QJsonObject o;
    o[QStringLiteral("id")] = w.id;
    o[QStringLiteral("page_id")] = w.pageId;
    o[QStringLiteral("block")] = w.block;
    o[QStringLiteral("line")] = w.line;
    o[QStringLiteral("ord")] = w.order;
    o[QStringLiteral("text")] = w.text;
    o[QStringLiteral("x0")] = w.box.x0;
    o[QStringLiteral("y0")] = w.box.y0;
    o[QStringLiteral("x1")] = w.box.x1;
    o[QStringLiteral("y1")] = w.box.y1;
    o[QStringLiteral("confidence")] = w.confidence ? QJsonValue(*w.confidence) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("source")] = w.source;
    o[QStringLiteral("ocr_text")] = jsonOrNull(w.ocrText);
    o[QStringLiteral("label_id")] = w.labelId ? QJsonValue(*w.labelId) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("label")] = jsonOrNull(w.labelName);
    o[QStringLiteral("reviewed")] = w.reviewed;
    o[QStringLiteral("edited")] = w.edited;
    o[QStringLiteral("chars")] = charsJson(w.chars);
    o[QStringLiteral("engine")] = w.engine;
    o[QStringLiteral("flagged")] = w.flagged;
    o[QStringLiteral("alternatives")] = jsonOrNull(w.alternatives); // the column's JSON text
    return o;
}

std::vector<WordId> uniqueIds(const std::vector<WordId>& ids)
{
    std::vector<WordId> out;
    for (WordId id : ids)
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    return out;
}

QString currentAuthor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QJsonObject editableFields(const WordRow& w)
{
    QJsonObject o = fullWordJson(w);
    // Identity and position are not fields an edit sets: the row keeps its id, page and slot.
    o.remove(QStringLiteral("id"));
    o.remove(QStringLiteral("page_id"));
    o.remove(QStringLiteral("ord"));
    return o;
}

} // namespace storage

namespace {

std::optional<QString> optText(const QJsonValue& v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

QByteArray charsFromJson(const QJsonValue& v)
{
    return v.isString() ? QByteArray::fromBase64(v.toString().toLatin1()) : QByteArray();
}

constexpr const char* kEditSelect =
    "SELECT id, group_id, page_id, coalesce(word_id, 0), action, before, after, author, at, undone FROM edits ";

EditRecord readEdit(const Query& q)
{
    EditRecord e;
    e.id = q.i64(0);
    e.groupId = q.i64(1);
    e.pageId = q.i64(2);
    e.wordId = q.i64(3);
    e.action = q.text(4);
    e.before = q.text(5);
    e.after = q.text(6);
    e.author = q.text(7);
    e.at = parseTime(q.text(8));
    e.undone = q.i32(9) != 0;
    return e;
}

} // namespace

// ---- groups and records ----------------------------------------------------------------------------

long long ProjectStore::Impl::nextGroup()
{
    long long last = 0;
    {
        Query q(db, "SELECT max(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_edit_group'), 0), "
                    "coalesce((SELECT max(group_id) FROM edits), 0))");
        if (q.next())
            last = q.i64(0);
    }
    // The counter comes from the file: a crafted project can hold the largest integer there, and + 1
    // would overflow (UBSan, found by tests/fuzz/fuzz_project_rows). No real history gets near it.
    if (last == std::numeric_limits<long long>::max())
        fail(ErrorCode::Storage, QStringLiteral("project file is damaged: the edit history counter is out of range"));
    Query q(db, "INSERT INTO meta (key, value) VALUES ('last_edit_group', ?1) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, QString::number(last + 1)).run();
    return last + 1;
}

void ProjectStore::Impl::recordEdit(long long group, PageId page, std::optional<WordId> word, const char* action,
                                    const QJsonObject& before, const QJsonObject& after)
{
    Query q(db, "INSERT INTO edits (group_id, page_id, word_id, action, before, after, author, at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    q.bind(1, group).bind(2, page).bind(3, word).bind(4, QString::fromLatin1(action));
    q.bind(5, toJson(before)).bind(6, toJson(after)).bind(7, author).bind(8, nowUtc()).run();
}

Result<long long> ProjectStore::beginEditGroup()
{
    return guarded<long long>([&] {
        Transaction tx(m_impl->db);
        const long long g = m_impl->nextGroup();
        tx.commit();
        return g;
    });
}

Result<std::vector<EditRecord>> ProjectStore::edits(PageId page)
{
    return guarded<std::vector<EditRecord>>([&] {
        static const std::string sql = std::string(kEditSelect) + "WHERE page_id = ?1 ORDER BY id";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, page);
        std::vector<EditRecord> out;
        while (q.next())
            out.push_back(readEdit(q));
        return out;
    });
}

std::vector<EditRecord> ProjectStore::Impl::groupEdits(long long group)
{
    static const std::string sql = std::string(kEditSelect) + "WHERE group_id = ?1 ORDER BY id";
    Query q(db, sql.c_str());
    q.bind(1, group);
    std::vector<EditRecord> out;
    while (q.next())
        out.push_back(readEdit(q));
    return out;
}

// ---- undo and redo ---------------------------------------------------------------------------------

// Puts a word back with its id, at the reading-order slot it had (its `ord` in the JSON).
void ProjectStore::Impl::insertWordFromJson(const QJsonObject& o)
{
    const WordId id = o.value(QStringLiteral("id")).toInteger();
    const PageId page = o.value(QStringLiteral("page_id")).toInteger();
    if (id <= 0 || page <= 0)
        fail(ErrorCode::Internal, QStringLiteral("an edit history entry lacks the word's id or page"));
    if (wordRow(id))
        fail(ErrorCode::InvalidInput, QStringLiteral("word %1 exists already").arg(id));
    {
        Query q(db, "SELECT 1 FROM pages WHERE id = ?1");
        if (!q.bind(1, page).next())
            fail(ErrorCode::NotFound, QStringLiteral("page %1 no longer exists").arg(page));
    }
    renumber(page);
    const int ord = o.value(QStringLiteral("ord")).toInt();
    {
        Query q(db, "UPDATE words SET ord = ord + 1 WHERE page_id = ?1 AND ord >= ?2");
        q.bind(1, page).bind(2, ord).run();
    }
    Query q(db, "INSERT INTO words (id, page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, "
                "ocr_text, label_id, reviewed, edited, chars, engine, flagged, alternatives) VALUES (?1, ?2, ?3, ?4, "
                "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
    q.bind(1, id).bind(2, page).bind(3, o.value(QStringLiteral("block")).toInt());
    q.bind(4, o.value(QStringLiteral("line")).toInt()).bind(5, ord).bind(6, o.value(QStringLiteral("text")).toString());
    q.bind(7, o.value(QStringLiteral("x0")).toInt()).bind(8, o.value(QStringLiteral("y0")).toInt());
    q.bind(9, o.value(QStringLiteral("x1")).toInt()).bind(10, o.value(QStringLiteral("y1")).toInt());
    const QJsonValue conf = o.value(QStringLiteral("confidence"));
    if (conf.isDouble())
        q.bind(11, conf.toDouble());
    else
        q.bind(11, nullptr);
    q.bind(12, o.value(QStringLiteral("source")).toString(QStringLiteral("user")));
    q.bind(13, optText(o.value(QStringLiteral("ocr_text"))));
    const QJsonValue label = o.value(QStringLiteral("label_id"));
    q.bind(14, existingLabel(label.isDouble() ? std::optional<LabelId>(label.toInteger()) : std::nullopt));
    q.bind(15, o.value(QStringLiteral("reviewed")).toBool()).bind(16, o.value(QStringLiteral("edited")).toBool());
    q.bind(17, charsFromJson(o.value(QStringLiteral("chars"))));
    // Absent in entries written before schema 3: no engine, not flagged, no other readings.
    q.bind(18, o.value(QStringLiteral("engine")).toString()).bind(19, o.value(QStringLiteral("flagged")).toBool());
    q.bind(20, optText(o.value(QStringLiteral("alternatives"))));
    q.run();
    renumber(page);
}

// A label deleted since the edit was made reads as no label (its words lost it when it was deleted).
std::optional<LabelId> ProjectStore::Impl::existingLabel(std::optional<LabelId> label)
{
    if (!label)
        return std::nullopt;
    Query q(db, "SELECT 1 FROM labels WHERE id = ?1");
    return q.bind(1, *label).next() ? label : std::nullopt;
}

// Sets the fields present in `o` (a `before` or `after` state of an update edit).
void ProjectStore::Impl::updateWordFromJson(WordId word, const QJsonObject& o)
{
    const WordRow w = requireWord(word);
    WordRow n = w;
    auto has = [&](const char* key) { return o.contains(QLatin1String(key)); };
    auto val = [&](const char* key) { return o.value(QLatin1String(key)); };
    if (has("text"))
        n.text = val("text").toString();
    if (has("ocr_text"))
        n.ocrText = optText(val("ocr_text"));
    if (has("x0"))
        n.box = {val("x0").toInt(), val("y0").toInt(), val("x1").toInt(), val("y1").toInt()};
    if (has("confidence"))
        n.confidence =
            val("confidence").isDouble() ? std::optional<double>(val("confidence").toDouble()) : std::nullopt;
    if (has("source"))
        n.source = val("source").toString();
    if (has("label_id"))
        n.labelId = existingLabel(val("label_id").isDouble() ? std::optional<LabelId>(val("label_id").toInteger())
                                                             : std::nullopt);
    if (has("reviewed"))
        n.reviewed = val("reviewed").toBool();
    if (has("edited"))
        n.edited = val("edited").toBool();
    if (has("block"))
        n.block = val("block").toInt();
    if (has("line"))
        n.line = val("line").toInt();
    if (has("engine"))
        n.engine = val("engine").toString();
    if (has("flagged"))
        n.flagged = val("flagged").toBool();
    if (has("alternatives"))
        n.alternatives = optText(val("alternatives"));
    if (has("chars")) {
        n.chars = charsFromJson(val("chars"));
    } else if (n.box != w.box && !w.chars.isEmpty()) {
        // A box edit's state has no characters: they are relative to the box, so re-encode them.
        auto decoded = decodeChars(w.chars, w.box, w.text);
        n.chars = decoded ? encodeChars(*decoded, n.box, n.text) : QByteArray();
    }
    Query q(db, "UPDATE words SET text = ?2, ocr_text = ?3, x0 = ?4, y0 = ?5, x1 = ?6, y1 = ?7, confidence = ?8, "
                "source = ?9, label_id = ?10, reviewed = ?11, edited = ?12, block = ?13, line = ?14, chars = ?15, "
                "engine = ?16, flagged = ?17, alternatives = ?18 WHERE id = ?1");
    q.bind(1, word).bind(2, n.text).bind(3, n.ocrText).bind(4, n.box.x0).bind(5, n.box.y0).bind(6, n.box.x1);
    q.bind(7, n.box.y1).bind(8, n.confidence).bind(9, n.source).bind(10, n.labelId).bind(11, n.reviewed);
    q.bind(12, n.edited).bind(13, n.block).bind(14, n.line).bind(15, n.chars.isEmpty() ? QByteArray() : n.chars);
    q.bind(16, n.engine).bind(17, n.flagged).bind(18, n.alternatives);
    q.run();
}

void ProjectStore::Impl::applyEdit(const EditRecord& e, bool undo)
{
    const QJsonObject before = QJsonDocument::fromJson(e.before.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
    const QJsonObject& target = undo ? before : after;
    const QJsonObject& from = undo ? after : before;
    if (e.action == QLatin1String("entity") || e.action == QLatin1String("link")) {
        applyFormEdit(e, target, from);
        return;
    }
    if (e.action == QLatin1String("redaction")) { // a redaction mark (redaction_marks.cpp)
        applyRedactionEdit(e, target, from);
        return;
    }
    if (e.wordId == 0 && e.action == QLatin1String("photo")) { // a page's corners (page_photo.cpp)
        applyPhotoEdit(e, target, from);
        return;
    }
    if (e.wordId == 0) { // a page-level edit
        if (target.contains(QStringLiteral("review"))) {
            Query q(db, "UPDATE pages SET review = ?2 WHERE id = ?1");
            if (q.bind(1, e.pageId).bind(2, target.value(QStringLiteral("review")).toString()).run() == 0)
                fail(ErrorCode::NotFound, QStringLiteral("page %1 no longer exists").arg(e.pageId));
        }
        return;
    }
    if (target.isEmpty()) { // the word did not exist in the target state
        const WordRow w = requireWord(e.wordId);
        Query q(db, "DELETE FROM words WHERE id = ?1");
        q.bind(1, e.wordId).run();
        renumber(w.pageId);
    } else if (from.isEmpty()) { // the word comes back
        insertWordFromJson(target);
    } else {
        updateWordFromJson(e.wordId, target);
    }
}

Result<std::vector<EditRecord>> ProjectStore::editGroup(long long group)
{
    return guarded<std::vector<EditRecord>>([&] { return m_impl->groupEdits(group); });
}

// Reverts (undo) or re-applies (redo) one group inside the caller's transaction.
void ProjectStore::Impl::applyGroup(long long group, bool undo)
{
    Impl& impl = *this;
    const std::vector<EditRecord> edits = impl.groupEdits(group);
    if (edits.empty())
        fail(ErrorCode::NotFound, undo ? QStringLiteral("there is no edit group %1 to undo").arg(group)
                                       : QStringLiteral("there is no edit group %1 to redo").arg(group));
    for (const EditRecord& e : edits)
        if (e.undone == undo)
            fail(ErrorCode::InvalidInput, undo ? QStringLiteral("edit group %1 is undone already").arg(group)
                                               : QStringLiteral("edit group %1 is not undone").arg(group));
    if (undo) {
        for (auto it = edits.rbegin(); it != edits.rend(); ++it)
            impl.applyEdit(*it, true);
    } else {
        for (const EditRecord& e : edits)
            impl.applyEdit(e, false);
    }
    Query q(impl.db, "UPDATE edits SET undone = ?2 WHERE group_id = ?1");
    q.bind(1, group).bind(2, undo ? 1 : 0).run();
}

Status ProjectStore::undoEditGroup(long long group)
{
    return undoEditGroups({group});
}

Status ProjectStore::redoEditGroup(long long group)
{
    return redoEditGroups({group});
}

Status ProjectStore::undoEditGroups(const std::vector<long long>& groups)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        for (auto it = groups.rbegin(); it != groups.rend(); ++it)
            m_impl->applyGroup(*it, true);
        tx.commit();
    });
}

Status ProjectStore::redoEditGroups(const std::vector<long long>& groups)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        for (long long g : groups)
            m_impl->applyGroup(g, false);
        tx.commit();
    });
}

} // namespace incidoc
