#pragma once
// ProjectStore's private implementation, shared by the files that make up the store:
//   project_store.cpp  documents, pages, the processing queue, reads, reports, labels, search
//   project_open.cpp   opening: refusing foreign or damaged files, the integrity check, migrations
//   word_edits.cpp     the word edits of the app (text, box, label, add, delete, merge, split, review)
//   edit_history.cpp   the edit history: groups, records, undo and redo
//   form_edits.cpp     forms: entities and links
//   page_photo.cpp     a photographed page's corners placed by a person
//   redaction_marks.cpp  redaction marks and the project's redaction secret
// Private to core/storage. Threading: as ProjectStore (one thread at a time).

#include "core/storage/project_store.h"
#include "core/storage/sqlite_db.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace incidoc {

namespace storage {

// The columns readDocument() and readPage() read, but the kind of failure, which comes last (its
// column from schema 2 on, derived from the reason on a read-only schema-1 file: see
// ProjectStore::Impl::documentSelect()).
constexpr const char* kDocumentColumns = "id, path, name, sha256, size, kind, page_count, imported_at, error, type";
constexpr const char* kPageColumns =
    "id, document_id, number, width_pt, height_pt, width_px, height_px, dpi, rotation, kind, status, "
    "review, error, attempts, engine, render_ms, classify_ms, prepare_ms, ocr_ms, total_ms";
// The columns of a word every schema has; the engine, review flag and other readings (schema 3) follow
// them (see ProjectStore::Impl::wordSelect()).
constexpr const char* kWordColumns =
    "w.id, w.page_id, w.block, w.line, w.ord, w.text, w.x0, w.y0, w.x1, w.y1, w.confidence, w.source, "
    "w.ocr_text, w.label_id, l.name, w.reviewed, w.edited, w.chars";

/// Fields of a word row as read for editing (raw chars blob kept as is).
struct WordRow {
    WordId id = 0;
    PageId pageId = 0;
    int block = 0, line = 0, order = 0;
    QString text;
    PixelBox box;
    std::optional<double> confidence;
    QString source;
    std::optional<QString> ocrText;
    std::optional<LabelId> labelId;
    std::optional<QString> labelName;
    bool reviewed = false, edited = false;
    QByteArray chars;
    QString engine;
    bool flagged = false;
    std::optional<QString> alternatives; ///< the stored JSON array, as is
};

/// Reads a row of ProjectStore::Impl::wordSelect(); coordinates are clamped to a range whose sums fit an int.
WordRow readWordRow(const Query& q);

/// The `alternatives` column: a compact JSON array of {engine, text, confidence}; nullopt for none.
std::optional<QString> encodeReadings(const std::vector<WordReading>& readings);
/// Reads the column back; anything that is not such an array (a hand-edited file) reads as no readings.
std::vector<WordReading> decodeReadings(const std::optional<QString>& json);

// ---- JSON of word fields for the edit history (edit_history.cpp) ---------------------------------
QJsonValue jsonOrNull(const std::optional<QString>& v);
QJsonValue charsJson(const QByteArray& chars);
/// Every field of a word: what a "delete" edit keeps so undo can put the word back as it was.
QJsonObject fullWordJson(const WordRow& w);
/// The fields an edit may set (fullWordJson without id, page and reading-order slot).
QJsonObject editableFields(const WordRow& w);
QString currentAuthor();

/// `ids` without repeats, in their first order.
std::vector<WordId> uniqueIds(const std::vector<WordId>& ids);

} // namespace storage

struct ProjectStore::Impl {
    storage::Db db;
    QString path;
    QString canonicalPath; ///< for the record of verified files (verified_files.h); empty: not tracked
    QString openKey;       ///< the file (device:inode) as counted among those open in this process
    OpenMode mode = OpenMode::ReadWrite;
    int version = 0;
    QString author = storage::currentAuthor();

    ~Impl();

    // ---- opening (project_open.cpp) ----
    /// Opens `db` for writing (creating the file when `created`), write-ahead logging, migrations.
    void openForWriting(bool created);
    void migrate(int from);
    /// Migration 1 -> 2: the kind of every failure a schema-1 file holds, from its reason (schema.h).
    void fillFailureKindsOfVersion1();

    // ---- rows (project_store.cpp) ----
    /// The kind of failure of a row of `documents` / `pages` (alias `prefix`: "" or "p."): the column,
    /// or on a schema-1 file (read-only: it was not migrated) what the migration would store.
    std::string documentFailure(const std::string& prefix = {}) const;
    std::string pageFailure(const std::string& prefix = {}) const;
    /// "SELECT <the columns readDocument() reads> FROM documents " (resp. pages), to append a clause to.
    std::string documentSelect() const;
    std::string pageSelect() const;
    /// "SELECT <the columns readWordRow() reads> FROM words w LEFT JOIN labels l ... ", to append a clause
    /// to (before schema 3: no engine, not flagged, no other readings).
    std::string wordSelect() const;
    /// The first word matching `condition` (SQL on words `w` joined to pages `p`; ?5 binds `threshold`)
    /// after `from` in reading order: ProjectStore::flaggedWord's walk for any condition.
    std::optional<WordHit> walkWords(const std::string& condition, WordId from, bool forward, PageId page,
                                     bool* wrapped, std::optional<double> threshold = std::nullopt);
    DocumentRecord readDocument(const storage::Query& q) const;
    PageRecord readPage(const storage::Query& q) const;
    WordRecord readWord(const storage::Query& q) const;
    std::optional<storage::WordRow> wordRow(WordId id);
    storage::WordRow requireWord(WordId id);
    void insertPages(DocumentId doc, const std::vector<PageInfo>& pages);
    DocumentId insertDocument(const DocumentRecord& d, int pageCount, bool failed);

    // ---- queue, inside a transaction (project_store.cpp) ----
    void markProcessingTx(const std::vector<PageId>& pages);
    void storeOutcomesTx(const std::vector<PageOutcome>& outcomes);
    void storeOutcomeTx(const PageOutcome& o, const QString& now);
    void storePageFacts(const PageOutcome& o, const QString& now);
    void mergeWordsTx(const PageOutcome& o);
    WordId insertWord(PageId page, const RecognizedWord& w, int order, int block, int line, WordSource source);

    // ---- word edits, inside a transaction (word_edits.cpp) ----
    void renumber(PageId page);
    void deleteWordTx(WordId word, long long group, const char* action);

    // ---- edit history, inside a transaction (edit_history.cpp) ----
    long long nextGroup();
    long long groupOr(long long group) { return group > 0 ? group : nextGroup(); }
    void recordEdit(long long group, PageId page, std::optional<WordId> word, const char* action,
                    const QJsonObject& before, const QJsonObject& after);
    void applyEdit(const EditRecord& e, bool undo);
    void applyGroup(long long group, bool undo);
    std::optional<LabelId> existingLabel(std::optional<LabelId> label);
    void insertWordFromJson(const QJsonObject& o);
    void updateWordFromJson(WordId word, const QJsonObject& o);
    std::vector<EditRecord> groupEdits(long long group);

    // ---- forms, inside a transaction (form_edits.cpp) ----
    bool hasForms() const; ///< schema 4 or later
    void requireForms() const;
    std::optional<EntityRecord> entityRow(EntityId id);
    void fillEntity(EntityRecord& e);
    std::optional<LinkRecord> linkRow(LinkId id);
    void writeEntity(const EntityRecord& e);
    void writeLink(const LinkRecord& l);
    void requireEntityWords(const EntityRecord& e);
    EntityId addEntityTx(EntityRecord e, long long group);
    LinkId addLinkTx(LinkRecord l, long long group, bool allowSelf = false);
    void updateEntityTx(const EntityRecord& before, const EntityRecord& after, long long group);
    void deleteEntityTx(const EntityRecord& e, long long group);
    void deleteLinkTx(const LinkRecord& l, long long group);
    /// Before words are deleted (or join entity `keep`): their entities lose them, recorded in `group`.
    void leaveEntities(const std::vector<WordId>& words, long long group, EntityId keep = 0);
    /// Undo/redo of an "entity" or "link" edit: puts the `target` state in place.
    void applyFormEdit(const EditRecord& e, const QJsonObject& target, const QJsonObject& from);
    // ---- photographed pages, inside a transaction (page_photo.cpp) ----
    /// Undo/redo of a page-level "photo" edit: puts the `target` geometry and page size in place, carries
    /// the words this group does not record from the `from` flat page onto the target's, queues the page.
    void applyPhotoEdit(const EditRecord& e, const QJsonObject& target, const QJsonObject& from);
    // ---- redaction marks, inside a transaction (redaction_marks.cpp) ----
    /// Undo/redo of a "redaction" edit: the mark's row as `target` holds it ({}: the mark goes).
    void applyRedactionEdit(const EditRecord& e, const QJsonObject& target, const QJsonObject& from);
    void carryEntitiesThroughReocr(PageId page, const std::map<WordId, PixelBox>& removed,
                                   const std::map<WordId, EntityId>& membership);
};

} // namespace incidoc
