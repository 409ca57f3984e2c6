// The word edits of the app. Each public call is ONE transaction and is recorded in the edit history
// (edit_history.cpp), so it can be undone.
#include "core/storage/char_codec.h"
#include "core/storage/project_store_p.h"
#include "core/storage/reocr_merge.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace incidoc {

using namespace storage;

namespace {

struct SplitCut {
    PixelBox leftBox, rightBox;
    std::vector<RecognizedChar> leftChars, rightChars; ///< empty unless byChars
    bool byChars = false;
};

// Where splitting word `w` before index `at` cuts its box (and characters): by the character boxes when
// the characters spell the text, else proportionally to the character count.
SplitCut cutWord(const WordRow& w, int at)
{
    SplitCut out;
    if (auto decoded = w.chars.isEmpty() ? std::nullopt : decodeChars(w.chars, w.box, w.text)) {
        // Find the character where the cut falls; use the boxes only if the characters spell the text.
        int pos = 0;
        std::size_t cut = decoded->size() + 1;
        for (std::size_t i = 0; i < decoded->size(); ++i) {
            if (pos == at)
                cut = i;
            pos += static_cast<int>((*decoded)[i].text.size());
        }
        if (pos == w.text.size() && cut <= decoded->size()) {
            for (std::size_t i = 0; i < decoded->size(); ++i) {
                const RecognizedChar& c = (*decoded)[i];
                if (c.text.trimmed().isEmpty())
                    continue;
                (i < cut ? out.leftChars : out.rightChars).push_back(c);
            }
            if (!out.leftChars.empty() && !out.rightChars.empty()) {
                int lx1 = w.box.x0, rx0 = w.box.x1;
                for (const auto& c : out.leftChars)
                    lx1 = std::max(lx1, c.box.x1);
                for (const auto& c : out.rightChars)
                    rx0 = std::min(rx0, c.box.x0);
                out.leftBox = {w.box.x0, w.box.y0, std::min(lx1, w.box.x1), w.box.y1};
                out.rightBox = {std::max(rx0, w.box.x0), w.box.y0, w.box.x1, w.box.y1};
                out.byChars = !out.leftBox.isEmpty() && !out.rightBox.isEmpty();
            }
        }
    }
    if (!out.byChars) {
        if (w.box.width() < 2)
            fail(ErrorCode::InvalidInput, QStringLiteral("the word's box is too narrow to split"));
        const int cutX = std::clamp(
            w.box.x0 + static_cast<int>(std::lround(static_cast<double>(w.box.width()) * at / w.text.size())),
            w.box.x0 + 1, w.box.x1 - 1);
        out.leftBox = {w.box.x0, w.box.y0, cutX, w.box.y1};
        out.rightBox = {cutX, w.box.y0, w.box.x1, w.box.y1};
        out.leftChars.clear();
        out.rightChars.clear();
    }
    return out;
}

} // namespace

void ProjectStore::Impl::renumber(PageId page)
{
    std::vector<std::pair<WordId, int>> rows;
    {
        Query q(db, "SELECT id, ord FROM words WHERE page_id = ?1 ORDER BY ord, id");
        q.bind(1, page);
        while (q.next())
            rows.emplace_back(q.i64(0), q.i32(1));
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].second == static_cast<int>(i))
            continue;
        Query q(db, "UPDATE words SET ord = ?2 WHERE id = ?1");
        q.bind(1, rows[i].first).bind(2, static_cast<int>(i)).run();
    }
}

void ProjectStore::Impl::deleteWordTx(WordId word, long long group, const char* action)
{
    const WordRow w = requireWord(word);
    leaveEntities({word}, group);
    {
        Query q(db, "DELETE FROM words WHERE id = ?1");
        q.bind(1, word).run();
    }
    renumber(w.pageId);
    recordEdit(group, w.pageId, word, action, fullWordJson(w), QJsonObject{});
}

// Puts a word back with its id, at the reading-order slot it had (its `ord` in the JSON).
Result<WordId> ProjectStore::addUserWord(PageId page, const WordRecord& word, long long group)
{
    return guarded<WordId>([&] {
        if (word.box.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a word needs a box with a width and a height"));
        Transaction tx(m_impl->db);
        Db& db = m_impl->db;
        {
            Query q(db, "SELECT 1 FROM pages WHERE id = ?1");
            if (!q.bind(1, page).next())
                fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(page));
        }
        std::vector<OrderedBox> ordered;
        {
            Query q(db, "SELECT x0, y0, x1, y1, block, line FROM words WHERE page_id = ?1 ORDER BY ord, id");
            q.bind(1, page);
            while (q.next())
                ordered.push_back({{q.i32(0), q.i32(1), q.i32(2), q.i32(3)}, q.i32(4), q.i32(5)});
        }
        m_impl->renumber(page); // make ord match positions in `ordered` before shifting
        const Placement place = placeInReadingOrder(ordered, word.box);
        {
            Query q(db, "UPDATE words SET ord = ord + 1 WHERE page_id = ?1 AND ord >= ?2");
            q.bind(1, page).bind(2, static_cast<int>(place.slot)).run();
        }
        const long long g = m_impl->groupOr(group);
        Query q(db, "INSERT INTO words (page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, "
                    "label_id, reviewed, edited, chars) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, 'user', "
                    "?10, ?11, 0, ?12)");
        q.bind(1, page).bind(2, place.adoptLine ? place.block : word.block);
        q.bind(3, place.adoptLine ? place.line : word.line).bind(4, static_cast<int>(place.slot));
        q.bind(5, word.text).bind(6, word.box.x0).bind(7, word.box.y0).bind(8, word.box.x1).bind(9, word.box.y1);
        q.bind(10, word.labelId).bind(11, word.reviewed);
        const QByteArray chars = encodeChars(word.chars, word.box, word.text);
        q.bind(12, chars.isEmpty() ? QByteArray() : chars);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput && word.labelId)
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(*word.labelId));
            throw;
        }
        const WordId id = sqlite3_last_insert_rowid(db.handle());
        m_impl->recordEdit(g, page, id, "add", QJsonObject{}, fullWordJson(m_impl->requireWord(id)));
        tx.commit();
        return id;
    });
}

Status ProjectStore::updateWordText(WordId word, const QString& text, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        if (w.text == text)
            return; // nothing changes: no history entry
        // The first change of a recognizer's word keeps what the engine read.
        const std::optional<QString> ocrText =
            w.source != QLatin1String("user") && !w.ocrText ? std::optional<QString>(w.text) : w.ocrText;
        const long long g = m_impl->groupOr(group);
        // The per-character data describes the old text; it goes (into the history, for undo). A person
        // has read the word: it is no longer flagged.
        Query q(m_impl->db, "UPDATE words SET text = ?2, ocr_text = ?3, edited = 1, chars = NULL, flagged = 0 "
                            "WHERE id = ?1");
        q.bind(1, word).bind(2, text).bind(3, ocrText).run();
        QJsonObject before{{QStringLiteral("text"), w.text},
                           {QStringLiteral("ocr_text"), jsonOrNull(w.ocrText)},
                           {QStringLiteral("edited"), w.edited},
                           {QStringLiteral("chars"), charsJson(w.chars)}};
        QJsonObject after{{QStringLiteral("text"), text},
                          {QStringLiteral("ocr_text"), jsonOrNull(ocrText)},
                          {QStringLiteral("edited"), true},
                          {QStringLiteral("chars"), QJsonValue(QJsonValue::Null)}};
        if (w.flagged) {
            before[QStringLiteral("flagged")] = true;
            after[QStringLiteral("flagged")] = false;
        }
        m_impl->recordEdit(g, w.pageId, word, "text", before, after);
        tx.commit();
    });
}

Status ProjectStore::acceptWord(WordId word, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        if (!w.flagged && w.reviewed)
            return; // nothing changes: no history entry
        const long long g = m_impl->groupOr(group);
        Query q(m_impl->db, "UPDATE words SET flagged = 0, reviewed = 1 WHERE id = ?1");
        q.bind(1, word).run();
        m_impl->recordEdit(
            g, w.pageId, word, "accept",
            QJsonObject{{QStringLiteral("flagged"), w.flagged}, {QStringLiteral("reviewed"), w.reviewed}},
            QJsonObject{{QStringLiteral("flagged"), false}, {QStringLiteral("reviewed"), true}});
        tx.commit();
    });
}

Status ProjectStore::updateWordBox(WordId word, const PixelBox& box, long long group)
{
    return guardedStatus([&] {
        if (box.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a word needs a box with a width and a height"));
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        if (w.box == box && w.edited)
            return;
        const long long g = m_impl->groupOr(group);
        // Character boxes are stored relative to the word box: re-encode them so they stay where they are.
        QByteArray chars = w.chars;
        if (!chars.isEmpty()) {
            auto decoded = decodeChars(chars, w.box, w.text);
            chars = decoded ? encodeChars(*decoded, box, w.text) : QByteArray();
        }
        Query q(m_impl->db,
                "UPDATE words SET x0 = ?2, y0 = ?3, x1 = ?4, y1 = ?5, edited = 1, chars = ?6 WHERE id = ?1");
        q.bind(1, word).bind(2, box.x0).bind(3, box.y0).bind(4, box.x1).bind(5, box.y1);
        q.bind(6, chars.isEmpty() ? QByteArray() : chars).run();
        auto boxJson = [](const PixelBox& b, bool edited) {
            return QJsonObject{{QStringLiteral("x0"), b.x0},
                               {QStringLiteral("y0"), b.y0},
                               {QStringLiteral("x1"), b.x1},
                               {QStringLiteral("y1"), b.y1},
                               {QStringLiteral("edited"), edited}};
        };
        m_impl->recordEdit(g, w.pageId, word, "box", boxJson(w.box, w.edited), boxJson(box, true));
        tx.commit();
    });
}

Status ProjectStore::setWordLabel(WordId word, std::optional<LabelId> label, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        std::optional<QString> newName;
        if (label) {
            Query q(m_impl->db, "SELECT name FROM labels WHERE id = ?1");
            if (!q.bind(1, *label).next())
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(*label));
            newName = q.text(0);
        }
        if (w.labelId == label && w.edited)
            return;
        const long long g = m_impl->groupOr(group);
        Query q(m_impl->db, "UPDATE words SET label_id = ?2, edited = 1 WHERE id = ?1");
        q.bind(1, word).bind(2, label).run();
        auto labelJson = [](std::optional<LabelId> id, const std::optional<QString>& name, bool edited) {
            return QJsonObject{{QStringLiteral("label_id"), id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("label"), jsonOrNull(name)},
                               {QStringLiteral("edited"), edited}};
        };
        m_impl->recordEdit(g, w.pageId, word, "label", labelJson(w.labelId, w.labelName, w.edited),
                           labelJson(label, newName, true));
        tx.commit();
    });
}

Status ProjectStore::deleteWord(WordId word, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const WordRow w = m_impl->requireWord(word);
        const long long g = m_impl->groupOr(group);
        m_impl->leaveEntities({word}, g);
        {
            Query q(m_impl->db, "DELETE FROM words WHERE id = ?1");
            q.bind(1, word).run();
        }
        m_impl->renumber(w.pageId);
        // All fields go into the history so undo can put the word back as it was.
        m_impl->recordEdit(g, w.pageId, word, "delete", fullWordJson(w), QJsonObject{});
        tx.commit();
    });
}

Status ProjectStore::setPageReview(PageId page, ReviewStatus review, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        QString old;
        {
            Query q(m_impl->db, "SELECT review FROM pages WHERE id = ?1");
            if (!q.bind(1, page).next())
                fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(page));
            old = q.text(0);
        }
        const QString now = toString(review);
        if (old == now)
            return;
        const long long g = m_impl->groupOr(group);
        Query q(m_impl->db, "UPDATE pages SET review = ?2 WHERE id = ?1");
        q.bind(1, page).bind(2, now).run();
        m_impl->recordEdit(g, page, std::nullopt, "review", QJsonObject{{QStringLiteral("review"), old}},
                           QJsonObject{{QStringLiteral("review"), now}});
        tx.commit();
    });
}

Status ProjectStore::setWordsLabel(const std::vector<WordId>& words, std::optional<LabelId> label, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        std::optional<QString> newName;
        if (label) {
            Query q(m_impl->db, "SELECT name FROM labels WHERE id = ?1");
            if (!q.bind(1, *label).next())
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(*label));
            newName = q.text(0);
        }
        auto labelJson = [](std::optional<LabelId> id, const std::optional<QString>& name, bool edited) {
            return QJsonObject{{QStringLiteral("label_id"), id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("label"), jsonOrNull(name)},
                               {QStringLiteral("edited"), edited}};
        };
        long long g = 0;
        for (WordId word : storage::uniqueIds(words)) {
            const WordRow w = m_impl->requireWord(word);
            if (w.labelId == label && w.edited)
                continue;
            if (g == 0)
                g = m_impl->groupOr(group);
            Query q(m_impl->db, "UPDATE words SET label_id = ?2, edited = 1 WHERE id = ?1");
            q.bind(1, word).bind(2, label).run();
            m_impl->recordEdit(g, w.pageId, word, "label", labelJson(w.labelId, w.labelName, w.edited),
                               labelJson(label, newName, true));
        }
        tx.commit();
    });
}

Status ProjectStore::setWordsReviewed(const std::vector<WordId>& words, bool reviewed, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        long long g = 0;
        for (WordId word : storage::uniqueIds(words)) {
            const WordRow w = m_impl->requireWord(word);
            if (w.reviewed == reviewed)
                continue;
            if (g == 0)
                g = m_impl->groupOr(group);
            Query q(m_impl->db, "UPDATE words SET reviewed = ?2 WHERE id = ?1");
            q.bind(1, word).bind(2, reviewed).run();
            m_impl->recordEdit(g, w.pageId, word, "reviewed", QJsonObject{{QStringLiteral("reviewed"), w.reviewed}},
                               QJsonObject{{QStringLiteral("reviewed"), reviewed}});
        }
        tx.commit();
    });
}

Status ProjectStore::deleteWords(const std::vector<WordId>& words, long long group)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        const std::vector<WordId> ids = storage::uniqueIds(words);
        if (ids.empty())
            return;
        const long long g = m_impl->groupOr(group);
        for (WordId word : ids)
            m_impl->deleteWordTx(word, g, "delete");
        tx.commit();
    });
}

Result<WordId> ProjectStore::mergeWords(const std::vector<WordId>& words, long long group)
{
    return guarded<WordId>([&] {
        Transaction tx(m_impl->db);
        Impl& d = *m_impl;
        const std::vector<WordId> ids = storage::uniqueIds(words);
        if (ids.size() < 2)
            fail(ErrorCode::InvalidInput, QStringLiteral("merging needs at least two words"));
        std::vector<WordRow> rows;
        for (WordId id : ids)
            rows.push_back(d.requireWord(id));
        for (const WordRow& r : rows)
            if (r.pageId != rows.front().pageId)
                fail(ErrorCode::InvalidInput, QStringLiteral("only words of one page can be merged"));
        d.renumber(rows.front().pageId);
        for (WordRow& r : rows)
            r = d.requireWord(r.id); // ord after renumbering
        std::sort(rows.begin(), rows.end(), [](const WordRow& a, const WordRow& b) { return a.order < b.order; });

        const WordRow& first = rows.front();
        WordRow merged = first;
        QStringList texts, ocrTexts;
        bool anyRecognized = false, allChars = true, allReviewed = true;
        std::vector<RecognizedChar> chars;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const WordRow& r = rows[i];
            texts << r.text;
            ocrTexts << r.ocrText.value_or(r.text);
            anyRecognized = anyRecognized || r.source != QLatin1String("user");
            allReviewed = allReviewed && r.reviewed;
            if (i > 0) {
                merged.box = merged.box.united(r.box);
                if (r.confidence && (!merged.confidence || *r.confidence < *merged.confidence))
                    merged.confidence = r.confidence;
                if (!merged.labelId)
                    merged.labelId = r.labelId;
            }
            auto decoded = r.chars.isEmpty() ? std::nullopt : decodeChars(r.chars, r.box, r.text);
            if (!decoded || decoded->empty()) {
                allChars = false;
                continue;
            }
            if (i > 0 && !chars.empty()) {
                // The joining space gets the gap between the two words as its box, so a later split
                // at that space cuts where the words met.
                const PixelBox& prev = chars.back().box;
                const PixelBox& next = decoded->front().box;
                const int x0 = prev.x1, x1 = std::max(prev.x1, next.x0);
                chars.push_back({QStringLiteral(" "), {x0, merged.box.y0, x1, merged.box.y1}, 100.f});
            }
            chars.insert(chars.end(), decoded->begin(), decoded->end());
        }
        merged.text = texts.join(QLatin1Char(' '));
        merged.ocrText = anyRecognized ? std::optional<QString>(ocrTexts.join(QLatin1Char(' '))) : std::nullopt;
        merged.reviewed = allReviewed;
        merged.edited = true;
        // A person made this word: no engine read it as it is now.
        merged.flagged = false;
        merged.alternatives.reset();
        merged.chars = allChars ? encodeChars(chars, merged.box, merged.text) : QByteArray();

        const long long g = d.groupOr(group);
        for (std::size_t i = 1; i < rows.size(); ++i)
            d.deleteWordTx(rows[i].id, g, "merge");
        QJsonObject before = editableFields(first);
        QJsonObject after = editableFields(merged);
        d.updateWordFromJson(first.id, after);
        after = editableFields(d.requireWord(first.id));
        d.recordEdit(g, first.pageId, first.id, "merge", before, after);
        tx.commit();
        return first.id;
    });
}

Result<std::pair<WordId, WordId>> ProjectStore::splitWord(WordId word, int at, long long group)
{
    return guarded<std::pair<WordId, WordId>>([&] {
        Transaction tx(m_impl->db);
        Impl& d = *m_impl;
        d.renumber(d.requireWord(word).pageId);
        const WordRow w = d.requireWord(word);
        if (at < 1 || at >= w.text.size())
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("cannot split \"%1\" at character %2: the cut must be inside the word")
                     .arg(w.text)
                     .arg(at));
        const QString leftText = w.text.left(at).trimmed();
        const QString rightText = w.text.mid(at).trimmed();
        if (leftText.isEmpty() || rightText.isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("cannot split \"%1\" at character %2: one part would be "
                                                         "empty")
                                              .arg(w.text)
                                              .arg(at));
        const SplitCut cut = cutWord(w, at);
        const PixelBox &leftBox = cut.leftBox, &rightBox = cut.rightBox;
        const bool byChars = cut.byChars;
        const std::optional<QString> ocrText =
            w.source != QLatin1String("user") ? std::optional<QString>(w.ocrText.value_or(w.text)) : w.ocrText;

        const long long g = d.groupOr(group);
        WordRow left = w;
        left.text = leftText;
        left.box = leftBox;
        left.ocrText = ocrText;
        left.edited = true;
        left.flagged = false; // a person cut it: the engines' readings were of the whole word
        left.alternatives.reset();
        left.chars = byChars ? encodeChars(cut.leftChars, leftBox, leftText) : QByteArray();
        const QJsonObject before = editableFields(w);
        d.updateWordFromJson(w.id, editableFields(left));
        d.recordEdit(g, w.pageId, w.id, "split", before, editableFields(d.requireWord(w.id)));

        {
            Query q(d.db, "UPDATE words SET ord = ord + 1 WHERE page_id = ?1 AND ord > ?2");
            q.bind(1, w.pageId).bind(2, w.order).run();
        }
        const QByteArray rc = byChars ? encodeChars(cut.rightChars, rightBox, rightText) : QByteArray();
        Query q(d.db, "INSERT INTO words (page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, "
                      "ocr_text, label_id, reviewed, edited, chars, engine) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                      "?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?16)");
        q.bind(1, w.pageId).bind(2, w.block).bind(3, w.line).bind(4, w.order + 1).bind(5, rightText);
        q.bind(6, rightBox.x0).bind(7, rightBox.y0).bind(8, rightBox.x1).bind(9, rightBox.y1);
        q.bind(10, w.confidence).bind(11, w.source).bind(12, ocrText).bind(13, w.labelId).bind(14, w.reviewed);
        q.bind(15, rc.isEmpty() ? QByteArray() : rc).bind(16, w.engine);
        q.run();
        const WordId right = sqlite3_last_insert_rowid(d.db.handle());
        d.recordEdit(g, w.pageId, right, "split", QJsonObject{}, fullWordJson(d.requireWord(right)));
        tx.commit();
        return std::make_pair(w.id, right);
    });
}

} // namespace incidoc
