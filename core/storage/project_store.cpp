#include "core/storage/char_codec.h"
#include "core/storage/project_store_p.h"
#include "core/storage/reocr_merge.h"
#include "core/storage/schema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

namespace incidoc {

using namespace storage;

// ---- rows ----------------------------------------------------------------------------------------

namespace {

// A failed row always has a kind (an unknown or missing one in a hand-edited file reads as Error);
// any other row has none.
FailureKind failureOf(const QString& stored, bool failed)
{
    if (!failed)
        return FailureKind::None;
    const FailureKind kind = parseEnum(failureKindFromString(stored), FailureKind::Error);
    return kind == FailureKind::None ? FailureKind::Error : kind;
}

// What a failed row stores: a failure without a kind is an error.
QString storedFailure(FailureKind kind)
{
    return toString(kind == FailureKind::None ? FailureKind::Error : kind);
}

} // namespace

std::string ProjectStore::Impl::documentFailure(const std::string& prefix) const
{
    return version >= 2 ? prefix + "failure" : schema::documentFailureOfVersion1(prefix);
}

std::string ProjectStore::Impl::pageFailure(const std::string& prefix) const
{
    return version >= 2 ? prefix + "failure" : schema::pageFailureOfVersion1(prefix);
}

std::string ProjectStore::Impl::wordSelect() const
{
    const char* readings = version >= 3 ? ", w.engine, w.flagged, w.alternatives" : ", '', 0, NULL";
    return std::string("SELECT ") + kWordColumns + readings + " FROM words w LEFT JOIN labels l ON l.id = w.label_id ";
}

std::string ProjectStore::Impl::documentSelect() const
{
    return std::string("SELECT ") + kDocumentColumns + ", " + documentFailure()
           + (version >= 5 ? ", type_source, type_confidence" : ", '', NULL") + " FROM documents ";
}

std::string ProjectStore::Impl::pageSelect() const
{
    return std::string("SELECT ") + kPageColumns + ", " + pageFailure() + (version >= 6 ? ", photo" : ", NULL")
           + " FROM pages ";
}

DocumentRecord ProjectStore::Impl::readDocument(const Query& q) const
{
    DocumentRecord d;
    d.id = q.i64(0);
    d.path = q.text(1);
    d.name = q.text(2);
    d.sha256 = q.text(3);
    d.size = q.i64(4);
    d.kind = parseEnum(documentKindFromString(q.text(5)), DocumentKind::Pdf);
    d.pageCount = q.i32(6);
    d.importedAt = parseTime(q.text(7));
    d.error = q.text(8);
    d.type = q.text(9);
    d.failure = failureOf(q.text(10), !q.isNull(8));
    d.typeSource = parseEnum(typeSourceFromString(q.text(11)), TypeSource::None);
    if (!q.isNull(12))
        d.typeConfidence = q.real(12);
    return d;
}

PageRecord ProjectStore::Impl::readPage(const Query& q) const
{
    PageRecord p;
    p.id = q.i64(0);
    p.documentId = q.i64(1);
    p.number = q.i32(2);
    p.widthPt = q.real(3);
    p.heightPt = q.real(4);
    p.widthPx = q.i32(5);
    p.heightPx = q.i32(6);
    p.dpi = q.i32(7);
    p.rotation = q.i32(8);
    p.kind = parseEnum(pageKindFromString(q.text(9)), PageKind::Unknown);
    p.status = parseEnum(pageStatusFromString(q.text(10)), PageStatus::Queued);
    p.review = parseEnum(reviewStatusFromString(q.text(11)), ReviewStatus::New);
    p.error = q.text(12);
    p.attempts = q.i32(13);
    p.engine = q.text(14);
    p.timings = {q.i32(15), q.i32(16), q.i32(17), q.i32(18), q.i32(19)};
    p.failure = failureOf(q.text(20), p.status == PageStatus::Failed);
    if (!q.isNull(21))
        p.photo = PhotoGeometry::fromJsonText(q.text(21));
    return p;
}

namespace storage {

// A crafted project file can hold any integer as a coordinate; with x0 = INT_MIN and x1 = INT_MAX,
// PixelBox::width() overflows (UBSan, found with tests/fuzz/fuzz_project_rows in splitWord). No page has
// 2^28 pixels on a side, so boxes read from the file are clamped to that range: every width, height and
// sum of two coordinates then fits an int.
constexpr long long kMaxCoordinate = 1LL << 28;

WordRow readWordRow(const Query& q)
{
    const auto coordinate = [&](int c) {
        return static_cast<int>(std::clamp(q.i64(c), -kMaxCoordinate, kMaxCoordinate));
    };
    WordRow w;
    w.id = q.i64(0);
    w.pageId = q.i64(1);
    w.block = q.i32(2);
    w.line = q.i32(3);
    w.order = q.i32(4);
    w.text = q.text(5);
    w.box = {coordinate(6), coordinate(7), coordinate(8), coordinate(9)};
    if (!q.isNull(10))
        w.confidence = q.real(10);
    w.source = q.text(11);
    if (!q.isNull(12))
        w.ocrText = q.text(12);
    if (!q.isNull(13))
        w.labelId = q.i64(13);
    if (!q.isNull(14))
        w.labelName = q.text(14);
    w.reviewed = q.i32(15) != 0;
    w.edited = q.i32(16) != 0;
    w.chars = q.blob(17);
    w.engine = q.text(18);
    w.flagged = q.i32(19) != 0;
    if (!q.isNull(20))
        w.alternatives = q.text(20);
    return w;
}

std::optional<QString> encodeReadings(const std::vector<WordReading>& readings)
{
    if (readings.empty())
        return std::nullopt;
    QJsonArray array;
    for (const WordReading& r : readings)
        array.append(QJsonObject{{QStringLiteral("engine"), r.engine},
                                 {QStringLiteral("text"), r.text},
                                 // Two decimals: what the engines mean, without float noise.
                                 {QStringLiteral("confidence"), std::round(r.confidence * 100.0) / 100.0}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<WordReading> decodeReadings(const std::optional<QString>& json)
{
    std::vector<WordReading> out;
    if (!json)
        return out;
    const QJsonDocument doc = QJsonDocument::fromJson(json->toUtf8());
    if (!doc.isArray())
        return out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("text")).isString())
            continue;
        WordReading r;
        r.engine = o.value(QStringLiteral("engine")).toString();
        r.text = o.value(QStringLiteral("text")).toString();
        r.confidence = static_cast<float>(std::clamp(o.value(QStringLiteral("confidence")).toDouble(), 0.0, 100.0));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace storage

WordRecord ProjectStore::Impl::readWord(const Query& q) const
{
    const WordRow r = readWordRow(q);
    WordRecord w;
    w.id = r.id;
    w.pageId = r.pageId;
    w.block = r.block;
    w.line = r.line;
    w.order = r.order;
    w.text = r.text;
    w.box = r.box;
    w.confidence = r.confidence;
    w.source = parseEnum(wordSourceFromString(r.source), WordSource::Ocr);
    w.ocrText = r.ocrText;
    w.labelId = r.labelId;
    w.labelName = r.labelName.value_or(QString());
    w.reviewed = r.reviewed;
    w.edited = r.edited;
    w.engine = r.engine;
    w.flagged = r.flagged;
    w.alternatives = decodeReadings(r.alternatives);
    // Characters that no longer decode (should not happen: edits re-encode them) are left out.
    if (auto chars = decodeChars(r.chars, r.box, r.text))
        w.chars = std::move(*chars);
    return w;
}

std::optional<WordRow> ProjectStore::Impl::wordRow(WordId id)
{
    const std::string sql = wordSelect() + "WHERE w.id = ?1";
    Query q(db, sql.c_str());
    q.bind(1, id);
    if (!q.next())
        return std::nullopt;
    return readWordRow(q);
}

WordRow ProjectStore::Impl::requireWord(WordId id)
{
    auto w = wordRow(id);
    if (!w)
        fail(ErrorCode::NotFound, QStringLiteral("word %1 does not exist").arg(id));
    return *w;
}

Result<std::optional<DocumentRecord>> ProjectStore::findDocumentBySha(const QString& sha256)
{
    return guarded<std::optional<DocumentRecord>>([&]() -> std::optional<DocumentRecord> {
        if (sha256.isEmpty())
            return std::nullopt;
        const std::string sql = m_impl->documentSelect() + "WHERE sha256 = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, sha256);
        if (!q.next())
            return std::nullopt;
        return m_impl->readDocument(q);
    });
}

DocumentId ProjectStore::Impl::insertDocument(const DocumentRecord& d, int pageCount, bool failed)
{
    Query q(db, "INSERT INTO documents (path, name, sha256, size, kind, page_count, imported_at, error, type, "
                "failure) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    q.bind(1, d.path).bind(2, d.name).bindTextOrNull(3, d.sha256).bind(4, static_cast<long long>(d.size));
    q.bind(5, toString(d.kind)).bind(6, pageCount);
    q.bind(7, d.importedAt.isValid() ? d.importedAt.toUTC().toString(Qt::ISODateWithMs) : nowUtc());
    if (failed)
        q.bind(8, d.error.isEmpty() ? QStringLiteral("could not be imported") : d.error);
    else
        q.bind(8, nullptr);
    q.bind(9, d.type);
    q.bind(10, failed ? storedFailure(d.failure) : QStringLiteral(""));
    try {
        q.run();
    } catch (const StoreFailure& e) {
        if (e.error.code == ErrorCode::InvalidInput && !d.sha256.isEmpty())
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("%1 is already in the project (same contents, sha256 %2)").arg(d.path, d.sha256));
        throw;
    }
    return sqlite3_last_insert_rowid(db.handle());
}

void ProjectStore::Impl::insertPages(DocumentId doc, const std::vector<PageInfo>& pages)
{
    const QString now = nowUtc();
    for (const PageInfo& p : pages) {
        Query q(db, "INSERT INTO pages (document_id, number, width_pt, height_pt, width_px, height_px, dpi, "
                    "rotation, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        q.bind(1, doc).bind(2, p.number).bind(3, p.widthPt).bind(4, p.heightPt).bind(5, p.widthPx);
        q.bind(6, p.heightPx).bind(7, p.dpi).bind(8, p.rotation).bind(9, now);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput, QStringLiteral("page %1 is listed twice").arg(p.number));
            throw;
        }
    }
}

Result<DocumentId> ProjectStore::addDocument(const DocumentRecord& document, const std::vector<PageInfo>& pages)
{
    return guarded<DocumentId>([&] {
        Transaction tx(m_impl->db);
        const int count = document.pageCount > 0 ? document.pageCount : static_cast<int>(pages.size());
        const DocumentId id = m_impl->insertDocument(document, count, false);
        m_impl->insertPages(id, pages);
        tx.commit();
        return id;
    });
}

Result<DocumentId> ProjectStore::addFailedDocument(const DocumentRecord& document)
{
    return guarded<DocumentId>([&] {
        Transaction tx(m_impl->db);
        // The same file failing again updates its record: by contents when known, else by path.
        std::optional<DocumentId> existing;
        bool existingFailed = false;
        if (!document.sha256.isEmpty()) {
            Query q(m_impl->db, "SELECT id, error IS NOT NULL FROM documents WHERE sha256 = ?1");
            q.bind(1, document.sha256);
            if (q.next()) {
                existing = q.i64(0);
                existingFailed = q.i32(1) != 0;
            }
        } else {
            Query q(m_impl->db, "SELECT id FROM documents WHERE sha256 IS NULL AND error IS NOT NULL AND path = ?1");
            q.bind(1, document.path);
            if (q.next()) {
                existing = q.i64(0);
                existingFailed = true;
            }
        }
        if (existing && !existingFailed)
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("%1 is already in the project as document %2").arg(document.path).arg(*existing));
        DocumentId id = 0;
        if (existing) {
            Query q(m_impl->db, "UPDATE documents SET path = ?2, name = ?3, size = ?4, kind = ?5, page_count = 0, "
                                "imported_at = ?6, error = ?7, type = ?8, failure = ?9 WHERE id = ?1");
            q.bind(1, *existing).bind(2, document.path).bind(3, document.name);
            q.bind(4, static_cast<long long>(document.size)).bind(5, toString(document.kind));
            q.bind(6,
                   document.importedAt.isValid() ? document.importedAt.toUTC().toString(Qt::ISODateWithMs) : nowUtc());
            q.bind(7, document.error.isEmpty() ? QStringLiteral("could not be imported") : document.error);
            q.bind(8, document.type).bind(9, storedFailure(document.failure)).run();
            id = *existing;
        } else {
            id = m_impl->insertDocument(document, 0, true);
        }
        tx.commit();
        return id;
    });
}

Status ProjectStore::replaceFailedDocument(DocumentId id, const DocumentRecord& document,
                                           const std::vector<PageInfo>& pages)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT error IS NOT NULL FROM documents WHERE id = ?1");
            q.bind(1, id);
            if (!q.next())
                fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
            if (q.i32(0) == 0)
                fail(ErrorCode::InvalidInput,
                     QStringLiteral("document %1 was imported already; only a failed import can be replaced").arg(id));
        }
        {
            Query q(m_impl->db, "DELETE FROM pages WHERE document_id = ?1");
            q.bind(1, id).run();
        }
        Query q(m_impl->db, "UPDATE documents SET path = ?2, name = ?3, sha256 = ?4, size = ?5, kind = ?6, "
                            "page_count = ?7, imported_at = ?8, error = NULL, type = ?9, failure = '' "
                            "WHERE id = ?1");
        q.bind(1, id).bind(2, document.path).bind(3, document.name).bindTextOrNull(4, document.sha256);
        q.bind(5, static_cast<long long>(document.size)).bind(6, toString(document.kind));
        q.bind(7, document.pageCount > 0 ? document.pageCount : static_cast<int>(pages.size()));
        q.bind(8, document.importedAt.isValid() ? document.importedAt.toUTC().toString(Qt::ISODateWithMs) : nowUtc());
        q.bind(9, document.type);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput,
                     QStringLiteral("%1 is already in the project (same contents)").arg(document.path));
            throw;
        }
        m_impl->insertPages(id, pages);
        tx.commit();
    });
}

Status ProjectStore::removeDocument(DocumentId id)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT id FROM documents WHERE id = ?1");
            q.bind(1, id);
            if (!q.next())
                fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
        }
        {
            Query q(m_impl->db, "SELECT count(*) FROM pages WHERE document_id = ?1 AND status = 'processing'");
            q.bind(1, id);
            if (q.next() && q.i32(0) > 0)
                fail(ErrorCode::InvalidInput,
                     QStringLiteral("document %1 is being processed; cancel or wait, then remove it").arg(id));
        }
        // Pages, their words and edits go by the schema's ON DELETE CASCADE (foreign keys are on).
        Query q(m_impl->db, "DELETE FROM documents WHERE id = ?1");
        q.bind(1, id).run();
        tx.commit();
    });
}

Result<bool> ProjectStore::isFailedDocument(DocumentId id)
{
    return guarded<bool>([&] {
        Query q(m_impl->db, "SELECT d.error IS NOT NULL, (SELECT count(*) FROM pages p WHERE p.document_id = d.id), "
                            "(SELECT count(*) FROM pages p WHERE p.document_id = d.id AND p.status = 'failed') "
                            "FROM documents d WHERE d.id = ?1");
        q.bind(1, id);
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
        return q.i32(0) != 0 || (q.i32(1) > 0 && q.i32(2) == q.i32(1));
    });
}

Result<std::vector<DocumentRecord>> ProjectStore::documents()
{
    return guarded<std::vector<DocumentRecord>>([&] {
        const std::string sql = m_impl->documentSelect() + "ORDER BY id";
        Query q(m_impl->db, sql.c_str());
        std::vector<DocumentRecord> out;
        while (q.next())
            out.push_back(m_impl->readDocument(q));
        return out;
    });
}

Result<DocumentRecord> ProjectStore::document(DocumentId id)
{
    return guarded<DocumentRecord>([&] {
        const std::string sql = m_impl->documentSelect() + "WHERE id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
        return m_impl->readDocument(q);
    });
}

Result<std::vector<PageRecord>> ProjectStore::pages(DocumentId id)
{
    return guarded<std::vector<PageRecord>>([&] {
        const std::string sql = m_impl->pageSelect() + "WHERE document_id = ?1 ORDER BY number";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        std::vector<PageRecord> out;
        while (q.next())
            out.push_back(m_impl->readPage(q));
        return out;
    });
}

Result<PageRecord> ProjectStore::page(PageId id)
{
    return guarded<PageRecord>([&] {
        const std::string sql = m_impl->pageSelect() + "WHERE id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(id));
        return m_impl->readPage(q);
    });
}

Result<std::vector<WordRecord>> ProjectStore::words(PageId id)
{
    return guarded<std::vector<WordRecord>>([&] {
        const std::string sql = m_impl->wordSelect() + "WHERE w.page_id = ?1 ORDER BY w.ord, w.id";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        std::vector<WordRecord> out;
        while (q.next())
            out.push_back(m_impl->readWord(q));
        return out;
    });
}

// ---- the processing queue --------------------------------------------------------------------------

Result<int> ProjectStore::recoverInterrupted()
{
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        Query q(m_impl->db,
                "UPDATE pages SET status = 'queued', failure = '', updated_at = ?1 WHERE status = 'processing'");
        const int n = q.bind(1, nowUtc()).run();
        tx.commit();
        return n;
    });
}

Result<std::vector<PageJob>> ProjectStore::jobs(PageStatus status)
{
    return guarded<std::vector<PageJob>>([&] {
        const std::string sql = std::string("SELECT p.id, p.document_id, d.path, d.kind, p.number, p.attempts, ")
                                + (m_impl->version >= 6 ? "p.photo" : "NULL")
                                + " FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.status = ?1 "
                                  "ORDER BY p.document_id, p.number";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, toString(status));
        std::vector<PageJob> out;
        while (q.next()) {
            PageJob j;
            j.pageId = q.i64(0);
            j.documentId = q.i64(1);
            j.path = q.text(2);
            j.kind = parseEnum(documentKindFromString(q.text(3)), DocumentKind::Pdf);
            j.number = q.i32(4);
            j.attempts = q.i32(5);
            if (!q.isNull(6))
                j.photo = PhotoGeometry::fromJsonText(q.text(6));
            out.push_back(std::move(j));
        }
        return out;
    });
}

Result<int> ProjectStore::requeueFailed()
{
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        Query q(
            m_impl->db,
            "UPDATE pages SET status = 'queued', error = NULL, failure = '', updated_at = ?1 WHERE status = 'failed'");
        const int n = q.bind(1, nowUtc()).run();
        tx.commit();
        return n;
    });
}

Result<int> ProjectStore::requeueAll()
{
    // Pages `processing` belong to a run in progress (or to recoverInterrupted) and are left alone.
    // Words stay: storeOutcomes replaces the unedited ones when each page is done again.
    return guarded<int>([&] {
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "UPDATE pages SET status = 'queued', failure = '', updated_at = ?1 "
                            "WHERE status IN ('done', 'failed')");
        const int n = q.bind(1, nowUtc()).run();
        tx.commit();
        return n;
    });
}

void ProjectStore::Impl::markProcessingTx(const std::vector<PageId>& pages)
{
    const QString now = nowUtc();
    for (PageId id : pages) {
        Query q(db, "UPDATE pages SET status = 'processing', failure = '', attempts = attempts + 1, updated_at = ?2 "
                    "WHERE id = ?1");
        if (q.bind(1, id).bind(2, now).run() == 0)
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(id));
    }
}

Status ProjectStore::markProcessing(const std::vector<PageId>& pages)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        m_impl->markProcessingTx(pages);
        tx.commit();
    });
}

WordId ProjectStore::Impl::insertWord(PageId page, const RecognizedWord& w, int order, int block, int line,
                                      WordSource source)
{
    Query q(db,
            "INSERT INTO words (page_id, block, line, ord, text, x0, y0, x1, y1, confidence, source, chars, "
            "engine, flagged, alternatives) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    q.bind(1, page).bind(2, block).bind(3, line).bind(4, order).bind(5, w.text);
    q.bind(6, w.box.x0).bind(7, w.box.y0).bind(8, w.box.x1).bind(9, w.box.y1);
    q.bind(10, static_cast<double>(w.confidence)).bind(11, toString(source));
    const QByteArray chars = encodeChars(w.chars, w.box, w.text);
    q.bind(12, chars.isEmpty() ? QByteArray() : chars);
    q.bind(13, w.engine).bind(14, w.flagged).bind(15, encodeReadings(w.alternatives));
    q.run();
    return sqlite3_last_insert_rowid(db.handle());
}

void ProjectStore::Impl::storeOutcomeTx(const PageOutcome& o, const QString& now)
{
    if (o.status == PageStatus::Failed) {
        // A failed attempt keeps whatever the page had (words from an earlier run, edits).
        Query q(db, "UPDATE pages SET status = 'failed', error = ?2, failure = ?4, updated_at = ?3 WHERE id = ?1");
        q.bind(1, o.pageId).bind(2, o.error.isEmpty() ? QStringLiteral("failed") : o.error).bind(3, now);
        q.bind(4, storedFailure(o.failure));
        if (q.run() == 0)
            fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(o.pageId));
        return;
    }
    if (o.photo && version >= 6) {
        // Read with other corners than the page has now (a person moved them, or took a move back, after the
        // job was handed out): stale. The page stays as it was left (queued), to be read with its corners. A
        // page first looked at has none stored, and what was found is kept.
        Query q(db, "SELECT photo FROM pages WHERE id = ?1");
        q.bind(1, o.pageId);
        if (q.next() && !q.isNull(0)) {
            const auto stored = PhotoGeometry::fromJsonText(q.text(0));
            if (stored && *stored != *o.photo) {
                Query back(db, "UPDATE pages SET status = 'queued' WHERE id = ?1 AND status = 'processing'");
                back.bind(1, o.pageId).run();
                return;
            }
        }
    }
    if (o.status != PageStatus::Done)
        fail(
            ErrorCode::InvalidInput,
            QStringLiteral("page %1: an outcome must be done or failed, not %2").arg(o.pageId).arg(toString(o.status)));
    storePageFacts(o, now);
    if (!o.profile.isEmpty() && version >= 5) { // what it was processed with (type profiles)
        Query q(db, "UPDATE pages SET profile = ?2 WHERE id = ?1");
        q.bind(1, o.pageId).bind(2, o.profile).run();
    }
    if (o.photo && version >= 6) { // how an image page was read as a photo: every later render applies it
        Query q(db, "UPDATE pages SET photo = ?2 WHERE id = ?1");
        q.bind(1, o.pageId).bind(2, o.photo->toJsonText()).run();
    }
    mergeWordsTx(o);
}

void ProjectStore::Impl::storePageFacts(const PageOutcome& o, const QString& now)
{
    // Point sizes of 0 mean "not known here" (image files): keep what the import stored.
    Query q(db, "UPDATE pages SET status = 'done', failure = '', kind = ?2, error = ?3, width_px = ?4, height_px = ?5, "
                "dpi = ?6, rotation = ?7, width_pt = CASE WHEN ?8 > 0 THEN ?8 ELSE width_pt END, "
                "height_pt = CASE WHEN ?9 > 0 THEN ?9 ELSE height_pt END, engine = ?10, render_ms = ?11, "
                "classify_ms = ?12, prepare_ms = ?13, ocr_ms = ?14, total_ms = ?15, updated_at = ?16 "
                "WHERE id = ?1");
    q.bind(1, o.pageId).bind(2, toString(o.kind)).bindTextOrNull(3, o.error).bind(4, o.widthPx);
    q.bind(5, o.heightPx).bind(6, o.dpi).bind(7, o.rotation).bind(8, o.widthPt).bind(9, o.heightPt);
    q.bindTextOrNull(10, o.engine.isEmpty() ? o.result.engine : o.engine);
    q.bind(11, o.timings.renderMs).bind(12, o.timings.classifyMs).bind(13, o.timings.prepareMs);
    q.bind(14, o.timings.ocrMs).bind(15, o.timings.totalMs).bind(16, now);
    if (q.run() == 0)
        fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(o.pageId));
}

// Words a person edited or drew survive; everything else the recognizer wrote is replaced (reocr_merge.h).
void ProjectStore::Impl::mergeWordsTx(const PageOutcome& o)
{
    std::vector<CurrentWord> current;
    {
        // (A crafted file's `edited` may be neither 0 nor 1: such a word is neither kept nor replaced.)
        Query q(db, "SELECT id, x0, y0, x1, y1, ord, source = 'user' OR edited = 1 FROM words WHERE page_id = ?1 "
                    "AND (source = 'user' OR edited IN (0, 1)) ORDER BY ord, id");
        q.bind(1, o.pageId);
        while (q.next())
            current.push_back({q.i64(0), {q.i32(1), q.i32(2), q.i32(3), q.i32(4)}, q.i32(5), q.i32(6) != 0});
    }
    const ReocrMerge merge = mergeReocr(current, o.result.words);
    // Entities keep their words through re-OCR: a removed word's place goes to the new word over it.
    std::map<WordId, PixelBox> removedBoxes;
    std::map<WordId, EntityId> membership;
    if (hasForms() && !merge.removed.empty()) {
        for (const CurrentWord& c : current)
            removedBoxes[c.id] = c.box;
        Query q(db, "SELECT ew.word_id, ew.entity_id FROM entity_words ew JOIN words w ON w.id = ew.word_id "
                    "WHERE w.page_id = ?1");
        q.bind(1, o.pageId);
        while (q.next())
            membership[q.i64(0)] = q.i64(1);
    }
    for (WordId id : merge.removed) {
        Query q(db, "DELETE FROM words WHERE id = ?1");
        q.bind(1, id).run();
    }
    const WordSource source = o.source == WordSource::User ? WordSource::Ocr : o.source;
    for (std::size_t order = 0; order < merge.words.size(); ++order) {
        const MergedWord& m = merge.words[order];
        const int ord = static_cast<int>(order);
        if (m.kind == MergedWord::Kind::Recognized) {
            insertWord(o.pageId, o.result.words[m.recognized], ord, m.block, m.line, source);
        } else if (m.setsLine) {
            Query q(db, "UPDATE words SET ord = ?2, block = ?3, line = ?4 WHERE id = ?1");
            q.bind(1, m.keptId).bind(2, ord).bind(3, m.block).bind(4, m.line).run();
        } else {
            Query q(db, "UPDATE words SET ord = ?2 WHERE id = ?1");
            q.bind(1, m.keptId).bind(2, ord).run();
        }
    }
    std::erase_if(membership, [&](const auto& m) {
        return std::find(merge.removed.begin(), merge.removed.end(), m.first) == merge.removed.end();
    });
    carryEntitiesThroughReocr(o.pageId, removedBoxes, membership);
}

void ProjectStore::Impl::storeOutcomesTx(const std::vector<PageOutcome>& outcomes)
{
    const QString now = nowUtc();
    for (const PageOutcome& o : outcomes)
        storeOutcomeTx(o, now);
}

Status ProjectStore::storeOutcomes(const std::vector<PageOutcome>& outcomes)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        m_impl->storeOutcomesTx(outcomes);
        tx.commit();
    });
}

Status ProjectStore::commitBatch(const std::vector<PageId>& claims, const std::vector<PageOutcome>& outcomes)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        m_impl->markProcessingTx(claims);
        m_impl->storeOutcomesTx(outcomes);
        tx.commit();
    });
}

// ---- consistent reads -------------------------------------------------------------------------------

Status ProjectStore::beginSnapshot()
{
    return guardedStatus([&] {
        m_impl->db.exec("BEGIN", QStringLiteral("reading the project"));
        // A deferred BEGIN takes its snapshot at the first read: read now, so the snapshot is this moment.
        try {
            Query q(m_impl->db, "SELECT count(*) FROM documents");
            q.next();
        } catch (...) {
            sqlite3_exec(m_impl->db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    });
}

Status ProjectStore::endSnapshot()
{
    return guardedStatus([&] {
        if (!sqlite3_get_autocommit(m_impl->db.handle()))
            m_impl->db.exec("COMMIT", QStringLiteral("reading the project"));
    });
}

// ---- reporting -------------------------------------------------------------------------------------

Result<ProjectSummary> ProjectStore::summary()
{
    return guarded<ProjectSummary>([&] {
        ProjectSummary s;
        // One read transaction so the counts agree with each other while a writer commits.
        m_impl->db.exec("BEGIN", QStringLiteral("reading the project"));
        struct EndRead {
            Db& db;
            ~EndRead() { sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr); }
        } endRead{m_impl->db};
        {
            Query q(m_impl->db, "SELECT count(*), coalesce(sum(error IS NOT NULL), 0) FROM documents");
            if (q.next()) {
                s.documents = q.i32(0);
                s.failedDocuments = q.i32(1);
            }
        }
        {
            Query q(m_impl->db,
                    "SELECT count(*), coalesce(sum(status = 'queued'), 0), coalesce(sum(status = 'processing'), 0), "
                    "coalesce(sum(status = 'done'), 0), coalesce(sum(status = 'failed'), 0), "
                    "coalesce(sum(kind = 'scanned'), 0), coalesce(sum(kind = 'text-layer'), 0), "
                    "coalesce(sum(kind = 'blank'), 0), coalesce(sum(kind = 'unknown'), 0), "
                    "coalesce(sum(review = 'reviewed'), 0) FROM pages");
            if (q.next()) {
                s.pages = q.i32(0);
                s.queued = q.i32(1);
                s.processing = q.i32(2);
                s.done = q.i32(3);
                s.failed = q.i32(4);
                s.scanned = q.i32(5);
                s.textLayer = q.i32(6);
                s.blank = q.i32(7);
                s.unknownKind = q.i32(8);
                s.reviewedPages = q.i32(9);
            }
        }
        {
            Query q(m_impl->db, "SELECT count(*) FROM words");
            if (q.next())
                s.words = q.i64(0);
        }
        if (m_impl->version >= 6) {
            Query q(m_impl->db,
                    "SELECT coalesce(sum(json_extract(photo, '$.state') = 'flattened'), 0), "
                    "coalesce(sum(json_extract(photo, '$.state') = 'flattened' AND json_extract(photo, '$.manual')), "
                    "0), coalesce(sum(json_extract(photo, '$.state') = 'no-page'), 0) FROM pages "
                    "WHERE photo IS NOT NULL AND json_valid(photo)");
            if (q.next()) {
                s.photosFlattened = q.i32(0);
                s.photosManual = q.i32(1);
                s.photosNoPage = q.i32(2);
            }
        }
        if (m_impl->hasForms()) {
            Query q(m_impl->db,
                    "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM entities WHERE proposed = "
                    "1), (SELECT count(*) FROM links), (SELECT count(*) FROM links WHERE proposed = 1)");
            if (q.next()) {
                s.entities = q.i32(0);
                s.proposedEntities = q.i32(1);
                s.links = q.i32(2);
                s.proposedLinks = q.i32(3);
            }
        }
        return s;
    });
}

Result<std::vector<FailureRecord>> ProjectStore::failures()
{
    return guarded<std::vector<FailureRecord>>([&] {
        std::vector<FailureRecord> out;
        const std::string sql = "SELECT id, path, 0, error, " + m_impl->documentFailure()
                                + " FROM documents WHERE error IS NOT NULL "
                                  "UNION ALL "
                                  "SELECT d.id, d.path, p.number, coalesce(p.error, ''), "
                                + m_impl->pageFailure("p.")
                                + " FROM pages p JOIN documents d "
                                  "ON d.id = p.document_id WHERE p.status = 'failed' "
                                  "ORDER BY 1, 3";
        Query q(m_impl->db, sql.c_str());
        while (q.next())
            out.push_back({q.i64(0), q.text(1), q.i32(2), q.text(3), failureOf(q.text(4), true)});
        return out;
    });
}

// ---- labels --------------------------------------------------------------------------------------------

Result<std::optional<QString>> ProjectStore::meta(const QString& key)
{
    return guarded<std::optional<QString>>([&]() -> std::optional<QString> {
        Query q(m_impl->db, "SELECT value FROM meta WHERE key = ?1");
        q.bind(1, key);
        if (!q.next() || q.isNull(0))
            return std::nullopt;
        return q.text(0);
    });
}

Status ProjectStore::setMeta(const QString& key, const QString& value)
{
    return guardedStatus([&] {
        Query q(m_impl->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
        q.bind(1, key).bind(2, value);
        q.run();
    });
}

Result<std::vector<LabelRecord>> ProjectStore::labels()
{
    return guarded<std::vector<LabelRecord>>([&] {
        Query q(m_impl->db, "SELECT id, name, color, shortcut FROM labels ORDER BY id");
        std::vector<LabelRecord> out;
        while (q.next())
            out.push_back({q.i64(0), q.text(1), q.text(2), q.text(3)});
        return out;
    });
}

Result<LabelId> ProjectStore::addLabel(const LabelRecord& label)
{
    return guarded<LabelId>([&] {
        if (label.name.trimmed().isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a label needs a name"));
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "INSERT INTO labels (name, color, shortcut) VALUES (?1, ?2, ?3)");
        q.bind(1, label.name.trimmed()).bind(2, label.color).bind(3, label.shortcut);
        try {
            q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput, QStringLiteral("a label named %1 already exists").arg(label.name));
            throw;
        }
        const LabelId id = sqlite3_last_insert_rowid(m_impl->db.handle());
        tx.commit();
        return id;
    });
}

// ---- words for the app ----------------------------------------------------------------------------

Result<std::optional<WordRecord>> ProjectStore::word(WordId id)
{
    return guarded<std::optional<WordRecord>>([&]() -> std::optional<WordRecord> {
        const std::string sql = m_impl->wordSelect() + "WHERE w.id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, id);
        if (!q.next())
            return std::nullopt;
        return m_impl->readWord(q);
    });
}

Result<std::vector<WordHit>> ProjectStore::searchWords(const QString& text, int limit)
{
    return guarded<std::vector<WordHit>>([&] {
        std::vector<WordHit> out;
        const QString needle = text.trimmed();
        if (needle.isEmpty() || limit <= 0)
            return out;
        // SQLite's LIKE folds ASCII case only: it prefilters ASCII needles; QString does the real
        // (Unicode) case-insensitive match either way.
        bool ascii = true;
        for (QChar c : needle)
            ascii = ascii && c.unicode() < 128;
        QString pattern = QStringLiteral("%");
        if (ascii) {
            for (QChar c : needle) {
                if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
                    pattern += QLatin1Char('\\');
                pattern += c;
            }
            pattern += QLatin1Char('%');
        }
        const std::string sql = m_impl->wordSelect()
                                + ", pages p WHERE p.id = w.page_id AND w.text LIKE ?1 ESCAPE '\\' "
                                  "ORDER BY p.document_id, p.number, w.ord, w.id";
        static const std::string sqlDoc = "SELECT document_id, number FROM pages WHERE id = ?1";
        Query q(m_impl->db, sql.c_str());
        q.bind(1, pattern);
        std::unordered_map<PageId, std::pair<DocumentId, int>> pageInfo;
        while (q.next() && static_cast<int>(out.size()) < limit) {
            if (!q.text(5).contains(needle, Qt::CaseInsensitive))
                continue;
            WordHit h;
            h.word = m_impl->readWord(q);
            auto it = pageInfo.find(h.word.pageId);
            if (it == pageInfo.end()) {
                Query p(m_impl->db, sqlDoc.c_str());
                p.bind(1, h.word.pageId);
                std::pair<DocumentId, int> info{0, 0};
                if (p.next())
                    info = {p.i64(0), p.i32(1)};
                it = pageInfo.emplace(h.word.pageId, info).first;
            }
            h.pageId = h.word.pageId;
            h.documentId = it->second.first;
            h.pageNumber = it->second.second;
            out.push_back(std::move(h));
        }
        return out;
    });
}

Result<std::optional<WordHit>> ProjectStore::flaggedWord(WordId from, bool forward, PageId page)
{
    return guarded<std::optional<WordHit>>([&]() -> std::optional<WordHit> {
        Impl& d = *m_impl;
        if (d.version < 3)
            return std::nullopt;
        return d.walkWords("w.flagged = 1 ", from, forward, page, nullptr);
    });
}

namespace {

/// The SQL condition of a review-queue rule on words `w` of pages `p` (?5: the threshold).
std::string queueCondition(const ReviewQueueRule& rule, int version)
{
    std::string c = "p.review != 'reviewed' AND ";
    if (rule.flags)
        return c + (version >= 3 ? "w.flagged = 1 " : "0 ");
    const std::string low = "w.confidence IS NOT NULL AND w.confidence < ?5 AND w.reviewed = 0 AND w.ocr_text IS NULL ";
    if (rule.alsoFlagged && version >= 3)
        return c + "(w.flagged = 1 OR (" + low + ")) ";
    return c + low;
}

} // namespace

Result<std::optional<WordHit>> ProjectStore::wordToCheck(const ReviewQueueRule& rule, WordId from, bool forward,
                                                         PageId page, bool* wrapped)
{
    return guarded<std::optional<WordHit>>([&]() -> std::optional<WordHit> {
        Impl& d = *m_impl;
        return d.walkWords(queueCondition(rule, d.version), from, forward, page, wrapped,
                           rule.flags ? std::nullopt : std::optional<double>(rule.threshold));
    });
}

Result<int> ProjectStore::wordsToCheckCount(const ReviewQueueRule& rule, DocumentId document)
{
    return guarded<int>([&] {
        Impl& d = *m_impl;
        std::string sql =
            "SELECT count(*) FROM words w JOIN pages p ON p.id = w.page_id WHERE " + queueCondition(rule, d.version);
        if (document > 0)
            sql += "AND p.document_id = ?6";
        Query q(d.db, sql.c_str());
        if (!rule.flags)
            q.bind(5, rule.threshold);
        if (document > 0)
            q.bind(6, document);
        return q.next() ? q.i32(0) : 0;
    });
}

std::optional<WordHit> ProjectStore::Impl::walkWords(const std::string& condition, WordId from, bool forward,
                                                     PageId page, bool* wrapped, std::optional<double> threshold)
{
    Impl& d = *this;
    if (wrapped)
        *wrapped = false;
    // Where `from` stands in reading order: (document, page number, ord, id).
    std::optional<std::array<long long, 4>> at;
    if (from > 0) {
        Query q(d.db, "SELECT p.document_id, p.number, w.ord, w.id FROM words w JOIN pages p ON p.id = w.page_id "
                      "WHERE w.id = ?1");
        if (q.bind(1, from).next())
            at = std::array<long long, 4>{q.i64(0), q.i64(1), q.i64(2), q.i64(3)};
    }
    if (!at && page > 0) { // just before the page's first word (forward) or after its last (backward)
        Query q(d.db, "SELECT document_id, number FROM pages WHERE id = ?1");
        if (q.bind(1, page).next()) {
            const long long edge =
                forward ? std::numeric_limits<long long>::min() : std::numeric_limits<long long>::max();
            at = std::array<long long, 4>{q.i64(0), q.i64(1), edge, edge};
        }
    }
    const char* const order = forward ? "ORDER BY p.document_id, p.number, w.ord, w.id LIMIT 1"
                                      : "ORDER BY p.document_id DESC, p.number DESC, w.ord DESC, w.id DESC LIMIT 1";
    const std::string base = d.wordSelect() + "JOIN pages p ON p.id = w.page_id WHERE " + condition;
    auto find = [&](bool afterFrom) -> std::optional<WordHit> {
        std::string sql = base;
        if (afterFrom)
            sql += forward ? "AND (p.document_id, p.number, w.ord, w.id) > (?1, ?2, ?3, ?4) "
                           : "AND (p.document_id, p.number, w.ord, w.id) < (?1, ?2, ?3, ?4) ";
        sql += order;
        Query q(d.db, sql.c_str());
        if (afterFrom)
            q.bind(1, (*at)[0]).bind(2, (*at)[1]).bind(3, (*at)[2]).bind(4, (*at)[3]);
        if (threshold)
            q.bind(5, *threshold);
        if (!q.next())
            return std::nullopt;
        WordHit h;
        h.word = d.readWord(q);
        h.pageId = h.word.pageId;
        Query p(d.db, "SELECT document_id, number FROM pages WHERE id = ?1");
        if (p.bind(1, h.pageId).next()) {
            h.documentId = p.i64(0);
            h.pageNumber = p.i32(1);
        }
        return h;
    };
    if (at)
        if (auto hit = find(true))
            return hit;
    auto hit = find(false); // wrap around (or start at an end)
    if (wrapped && at && hit)
        *wrapped = true;
    return hit;
}

Result<int> ProjectStore::flaggedWordCount(PageId page)
{
    return guarded<int>([&] {
        if (m_impl->version < 3)
            return 0;
        Query q(m_impl->db, page > 0 ? "SELECT count(*) FROM words WHERE flagged = 1 AND page_id = ?1"
                                     : "SELECT count(*) FROM words WHERE flagged = 1");
        if (page > 0)
            q.bind(1, page);
        return q.next() ? q.i32(0) : 0;
    });
}

Result<std::vector<QString>> ProjectStore::vocabulary(int limit)
{
    return guarded<std::vector<QString>>([&] {
        Query q(m_impl->db, "SELECT text FROM words WHERE length(text) >= 2 GROUP BY text "
                            "ORDER BY count(*) DESC, text LIMIT ?1");
        q.bind(1, limit);
        std::vector<QString> out;
        while (q.next())
            out.push_back(q.text(0));
        return out;
    });
}

Result<bool> ProjectStore::hasOtherReadings()
{
    return guarded<bool>([&] {
        if (m_impl->version < 3)
            return false;
        Query q(m_impl->db, "SELECT EXISTS (SELECT 1 FROM words WHERE alternatives IS NOT NULL)");
        return q.next() && q.i32(0) != 0;
    });
}

Status ProjectStore::updateLabel(const LabelRecord& label)
{
    return guardedStatus([&] {
        if (label.name.trimmed().isEmpty())
            fail(ErrorCode::InvalidInput, QStringLiteral("a label needs a name"));
        Transaction tx(m_impl->db);
        Query q(m_impl->db, "UPDATE labels SET name = ?2, color = ?3, shortcut = ?4 WHERE id = ?1");
        q.bind(1, label.id).bind(2, label.name.trimmed()).bind(3, label.color).bind(4, label.shortcut);
        int changed = 0;
        try {
            changed = q.run();
        } catch (const StoreFailure& e) {
            if (e.error.code == ErrorCode::InvalidInput)
                fail(ErrorCode::InvalidInput, QStringLiteral("a label named %1 already exists").arg(label.name));
            throw;
        }
        if (changed == 0)
            fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(label.id));
        tx.commit();
    });
}

Result<int> ProjectStore::labelWordCount(LabelId label)
{
    return guarded<int>([&] {
        Query q(m_impl->db, "SELECT count(*) FROM words WHERE label_id = ?1");
        q.bind(1, label);
        return q.next() ? q.i32(0) : 0;
    });
}

Result<long long> ProjectStore::deleteLabel(LabelId label)
{
    return guarded<long long>([&] {
        Transaction tx(m_impl->db);
        QString name;
        {
            Query q(m_impl->db, "SELECT name FROM labels WHERE id = ?1");
            if (!q.bind(1, label).next())
                fail(ErrorCode::NotFound, QStringLiteral("label %1 does not exist").arg(label));
            name = q.text(0);
        }
        // The words lose the label before it goes (rather than by ON DELETE SET NULL), so that the
        // history says which words had it.
        std::vector<std::pair<WordId, PageId>> words;
        {
            Query q(m_impl->db, "SELECT id, page_id FROM words WHERE label_id = ?1 ORDER BY page_id, ord");
            q.bind(1, label);
            while (q.next())
                words.emplace_back(q.i64(0), q.i64(1));
        }
        long long group = 0;
        if (!words.empty()) {
            group = m_impl->nextGroup();
            const QJsonObject before{{QStringLiteral("label_id"), label}, {QStringLiteral("label"), name}};
            const QJsonObject after{{QStringLiteral("label_id"), QJsonValue(QJsonValue::Null)},
                                    {QStringLiteral("label"), QJsonValue(QJsonValue::Null)}};
            Query clear(m_impl->db, "UPDATE words SET label_id = NULL WHERE label_id = ?1");
            clear.bind(1, label).run();
            for (const auto& [word, page] : words)
                m_impl->recordEdit(group, page, word, "label", before, after);
        }
        Query q(m_impl->db, "DELETE FROM labels WHERE id = ?1");
        q.bind(1, label).run();
        tx.commit();
        return group;
    });
}

} // namespace incidoc
