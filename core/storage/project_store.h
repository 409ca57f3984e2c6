#pragma once
// The project file: one SQLite database (*.incidoc) with documents, pages, words, labels and the
// edit history. WAL, foreign keys, busy timeout, schema version (PRAGMA user_version) with
// migrations, prepared statements only.
//
// Threading: a ProjectStore is one SQLite connection; use it from one thread at a time. Any number of
// readers (each with its own ProjectStore) may run beside one writer: WAL keeps them from blocking it.
// Writers on several connections (the GUI's edits beside the PageWriter) take turns: each write is a
// short BEGIN IMMEDIATE transaction and waits up to 5 s (busy_timeout) for the other.
//
// Durability: journal_mode=WAL with synchronous=NORMAL. A committed transaction survives the process
// being killed at any moment; a power loss or OS crash may lose the last few commits (never corrupts
// the file). Pages whose outcome was lost are simply processed again.

#include "core/model/forms.h"
#include "core/model/records.h"
#include "core/model/redaction.h"
#include "core/util/result.h"

#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace incidoc {

enum class OpenMode {
    ReadWrite, ///< create the file when missing, migrate an older schema
    ReadOnly,  ///< never writes: no migration, no recovery
};

/// Counts for `incidoc-cli status` and the app's status bar.
struct ProjectSummary {
    int documents = 0;
    int failedDocuments = 0;
    int pages = 0;
    int queued = 0, processing = 0, done = 0, failed = 0;
    int scanned = 0, textLayer = 0, blank = 0, unknownKind = 0;
    long long words = 0;
    int reviewedPages = 0;
    int entities = 0, proposedEntities = 0; ///< forms: entities (of which proposals nobody accepted yet)
    int links = 0, proposedLinks = 0;       ///< and links
    /// Image pages read as photos (pages.photo): flattened (of which with corners a person placed), and
    /// photos in which no page was found (read as they are).
    int photosFlattened = 0, photosManual = 0, photosNoPage = 0;
};

/// A failure to list: a document that could not be imported or a page that could not be processed.
struct FailureRecord {
    DocumentId documentId = 0;
    QString documentPath;
    int pageNumber = 0; ///< 0 when the whole document failed
    QString reason;
    FailureKind failure = FailureKind::Error; ///< never None
};

/// A file a folder watcher found (table watched_files): what became of it, and its size and modification
/// time as last seen (a file whose size or time changes later is looked at again).
struct WatchedFileRecord {
    enum class State { Waiting, Imported, Duplicate, Failed, Gone };
    QString path; ///< absolute, clean
    qint64 size = 0;
    qint64 mtimeMs = 0;
    State state = State::Waiting;
    DocumentId documentId = 0; ///< Imported, Duplicate and (when recorded) Failed: the document
    QString firstSeen;         ///< ISO 8601 UTC (filled when read)
    QString error;             ///< Failed: why
};

/// One entry of the edit history (for undo/redo and provenance). `before`/`after` are JSON objects
/// holding the changed fields of the word ({} for a word that did not exist / no longer exists).
struct EditRecord {
    long long id = 0;
    long long groupId = 0; ///< edits made by one user action share a group (undo undoes a group)
    PageId pageId = 0;
    WordId wordId = 0;
    QString action;        ///< "text", "box", "label", "add", "delete", "review", ...
    QString before, after; ///< JSON
    QString author;
    QDateTime at;
    bool undone = false;
};

/// A word found by ProjectStore::searchWords, with the page it is on.
struct WordHit {
    DocumentId documentId = 0;
    PageId pageId = 0;
    int pageNumber = 0;
    WordRecord word;
};

/// Which words the review queue visits (ProjectStore::wordToCheck). Words on pages marked reviewed are
/// never visited.
struct ReviewQueueRule {
    /// True: the words flagged by two disagreeing readers. False: low-confidence words, i.e. words with a
    /// confidence below `threshold` whose text no person corrected (no ocr_text kept) or accepted
    /// (reviewed). A label or a box change alone does not take a word out of the queue.
    bool flags = true;
    double threshold = 60.0;
    /// With `flags` false: the flagged words too (a typed value that does not pass its check), beside the
    /// low-confidence ones.
    bool alsoFlagged = false;
};

// --- what each page was processed with (type profiles, schema 5): values for the block of the same name

/// One page with what decides how it is processed now (its document's type and that type's stored
/// profile) and what it was processed with last (core/pipeline/type_profiles.h reads these).
struct PageProfileRow {
    PageId page = 0;
    DocumentId document = 0;
    DocumentKind documentKind = DocumentKind::Pdf;
    PageStatus status = PageStatus::Queued;
    PageKind kind = PageKind::Unknown;
    int dpi = 0;                 ///< the page's stored DPI (0: not rendered yet)
    QString type;                ///< its document's type; empty: none
    QString profileJson;         ///< that type's profile as stored; "{}" for no type or a type the project lacks
    QString processedWith;       ///< pages.profile; empty: not recorded (processed with the project's choice)
    bool hasPersonWords = false; ///< words a person edited or drew (they stay in the page's pixel grid)
};

/// Which pages ProjectStore::pageProfiles lists: one page, a document's, those of a type's documents;
/// nothing set: every page of an imported document.
struct ProfileScope {
    PageId page = 0;
    DocumentId document = 0;
    std::optional<QString> type;

    static ProfileScope ofPage(PageId id) { return {id, 0, std::nullopt}; }
    static ProfileScope ofDocument(DocumentId id) { return {0, id, std::nullopt}; }
    static ProfileScope ofType(const QString& name) { return {0, 0, name}; }
};

class ProjectStore {
public:
    /// 2: documents and pages store the kind of their failure (FailureKind). A file of schema 1 opened
    /// ReadWrite is migrated (the kinds filled in from the reasons); opened ReadOnly it is read as it is,
    /// each failure's kind derived from its reason as the migration would (schema.h).
    /// 3: words store the engine that read them, a review flag and the other engines' readings. A file of
    /// schema 1 or 2 opened ReadWrite is migrated; opened ReadOnly its words read as no engine, not
    /// flagged, no other readings.
    /// 4: forms: entities (groups of words with a label) and links between them. Older files opened
    /// ReadOnly have none.
    /// 7: redaction marks (a word, entity or region marked sensitive or not) and the redaction secret. Older
    /// files opened ReadOnly have no marks (and no secret: a redacted export needs the project writable once).
    static constexpr int kSchemaVersion = 7;

    /// Opens (ReadWrite: creates) a project. Errors with a clear message for: a file that is not an
    /// Incidoc project ("not an Incidoc project"), a newer schema ("made by a newer Incidoc (schema
    /// 3); this version reads up to 2"), a corrupt file, a locked or read-only file (ReadWrite).
    /// Never overwrites a file it does not understand.
    static Result<std::unique_ptr<ProjectStore>> open(const QString& path, OpenMode mode = OpenMode::ReadWrite);
    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    QString path() const;
    int schemaVersion() const;

    /// How many integrity checks (PRAGMA quick_check, which reads the whole file) open() has run in this
    /// process. open() checks a file once per process: again only when the file was replaced or changed
    /// by someone else since. For tests and benchmarks.
    static long long integrityChecksRun();

    // --- documents and pages ---------------------------------------------------------------------
    Result<std::optional<DocumentRecord>> findDocumentBySha(const QString& sha256);
    /// Adds a document and its pages (status queued) in one transaction.
    Result<DocumentId> addDocument(const DocumentRecord& document, const std::vector<PageInfo>& pages);
    /// Records a file that could not be imported (document.error set, no pages). A file with the same
    /// sha256 already recorded as failed is updated instead of added again.
    Result<DocumentId> addFailedDocument(const DocumentRecord& document);
    /// Replaces a failed document's record with a successful import (retry of a failed file).
    Status replaceFailedDocument(DocumentId id, const DocumentRecord& document, const std::vector<PageInfo>& pages);
    /// Removes a document with its pages, their words and their edit history, in one transaction (no undo:
    /// the edits go with the pages). Errors: NotFound; InvalidInput while one of its pages is being
    /// processed (the pipeline is writing it); Storage.
    Status removeDocument(DocumentId id);
    /// Whether a document failed as a whole: its file could not be imported, or every one of its pages
    /// failed (so it has no words). What the app and the CLI let a person remove. Errors: NotFound.
    Result<bool> isFailedDocument(DocumentId id);
    Result<std::vector<DocumentRecord>> documents();
    Result<DocumentRecord> document(DocumentId id);
    Result<std::vector<PageRecord>> pages(DocumentId id);
    Result<PageRecord> page(PageId id);
    /// Words of a page in reading order, with label names.
    Result<std::vector<WordRecord>> words(PageId id);

    // --- the processing queue --------------------------------------------------------------------
    /// Pages left `processing` by a process that died go back to `queued`. Returns how many.
    Result<int> recoverInterrupted();
    /// Jobs for pages with this status, in document then page order.
    Result<std::vector<PageJob>> jobs(PageStatus status);
    /// failed -> queued (retry), reason and kind of failure cleared. Returns how many.
    Result<int> requeueFailed();
    /// every page of an imported document -> queued (redo), kind of failure cleared (a failed page's reason
    /// stays until it is processed again). Returns how many.
    Result<int> requeueAll();
    /// queued -> processing, attempts + 1, in one transaction.
    Status markProcessing(const std::vector<PageId>& pages);
    /// Stores each outcome (words + page status + geometry + timings) in ONE transaction for the batch.
    /// Re-OCR never overwrites a word a person edited or drew: such words are kept, new OCR words that
    /// overlap them (IoU >= 0.5) are dropped, and reading order is renumbered (a kept word goes right
    /// after its left neighbour on its text line, else before its right one, else after the words above).
    /// An outcome read as a photo with other corners than the page has now (changed while it was read) is
    /// stale: not stored, the page back in the queue.
    Status storeOutcomes(const std::vector<PageOutcome>& outcomes);
    /// markProcessing(claims) and storeOutcomes(outcomes) in ONE transaction (claims first): what
    /// PageWriter commits per batch.
    Status commitBatch(const std::vector<PageId>& claims, const std::vector<PageOutcome>& outcomes);

    // --- consistent reads (export) ----------------------------------------------------------------
    /// Starts a read transaction: every read on this store until endSnapshot() sees the project as it
    /// was at this call, while writers on other connections go on (WAL). Meanwhile do not write on this
    /// store, nor call summary() (it opens a transaction of its own). Errors: Storage.
    Status beginSnapshot();
    /// Ends the read transaction begun by beginSnapshot() (no-op when none is open).
    Status endSnapshot();

    // --- reporting -------------------------------------------------------------------------------
    Result<ProjectSummary> summary();
    Result<std::vector<FailureRecord>> failures();

    // --- labels ----------------------------------------------------------------------------------
    Result<std::vector<LabelRecord>> labels();
    Result<LabelId> addLabel(const LabelRecord& label);

    // --- edits (every change is recorded in the edit history) --------------------------------------
    /// Starts a new edit group (one user action); returns its id. Edits made without a group get one each.
    Result<long long> beginEditGroup();
    Result<WordId> addUserWord(PageId page, const WordRecord& word, long long group = 0);
    Status updateWordText(WordId word, const QString& text, long long group = 0);
    Status updateWordBox(WordId word, const PixelBox& box, long long group = 0);
    Status setWordLabel(WordId word, std::optional<LabelId> label, long long group = 0);
    Status deleteWord(WordId word, long long group = 0);
    Status setPageReview(PageId page, ReviewStatus review, long long group = 0);
    Result<std::vector<EditRecord>> edits(PageId page);

    // --- editing for the app: each call is ONE transaction, recorded in the edit history -----------
    /// One word (with its label name), or nullopt when there is no such word.
    Result<std::optional<WordRecord>> word(WordId id);
    /// Labels several words at once ("label" edits, like setWordLabel).
    Status setWordsLabel(const std::vector<WordId>& words, std::optional<LabelId> label, long long group = 0);
    /// Marks words reviewed or not ("reviewed" edits).
    Status setWordsReviewed(const std::vector<WordId>& words, bool reviewed, long long group = 0);
    /// Deletes several words ("delete" edits holding every field, like deleteWord).
    Status deleteWords(const std::vector<WordId>& words, long long group = 0);
    /// Merges two or more words of one page into the first of them in reading order: text joined with
    /// spaces in reading order, union box, lowest confidence, characters kept when all have them. The
    /// others are deleted. Returns the merged word's id (the first word's). Edits: "merge".
    Result<WordId> mergeWords(const std::vector<WordId>& words, long long group = 0);
    /// Splits a word before QString index `at` (1..length-1; spaces at the cut are dropped) into the word
    /// itself (left part) and a new word right after it in reading order (right part). The cut follows
    /// the character boxes when the word has them, else the character count. Returns {left, right}.
    Result<std::pair<WordId, WordId>> splitWord(WordId word, int at, long long group = 0);
    /// A person read the word and it is right ("accept" edit): its review flag is cleared and it counts as
    /// reviewed, so the review queue no longer visits it (undo restores both). A word neither flagged nor
    /// unreviewed is left alone (no edit). Editing a word's text clears the flag too.
    Status acceptWord(WordId word, long long group = 0);
    /// The review walk: the first flagged word after word `from` (forward) or before it (backward) in
    /// reading order across the project (documents in order, their pages in order, words in reading
    /// order), wrapping around at the ends; `from` itself only when it is the one flagged word. `from` 0
    /// (or a word that no longer exists) with a `page`: from that page's start (forward) or end
    /// (backward), so its own words come first; with no page either: the project's first (forward) or
    /// last flagged word. nullopt: no word is flagged.
    Result<std::optional<WordHit>> flaggedWord(WordId from, bool forward = true, PageId page = 0);
    /// How many words are flagged on page `page`, or in the whole project when `page` is 0.
    Result<int> flaggedWordCount(PageId page = 0);
    /// The review queue's walk: the first word `rule` keeps after word `from` (forward) or before it
    /// (backward) in reading order across the project, skipping pages marked reviewed; `from` and `page`
    /// as for flaggedWord. Wraps around at the ends; `wrapped` (when given) tells whether it did.
    Result<std::optional<WordHit>> wordToCheck(const ReviewQueueRule& rule, WordId from, bool forward = true,
                                               PageId page = 0, bool* wrapped = nullptr);
    /// How many words `rule` keeps on pages not marked reviewed, in document `document` (0: the project).
    Result<int> wordsToCheckCount(const ReviewQueueRule& rule, DocumentId document = 0);
    /// Whether any word of the project holds another engine's reading (it was read by two engines): a
    /// project with none was never reviewed by flags (older projects, one engine).
    Result<bool> hasOtherReadings();
    /// The project's word texts of two characters or more, the most frequent first (ties in text order),
    /// at most `limit`: what the word editor suggests while a person types.
    Result<std::vector<QString>> vocabulary(int limit = 20000);
    /// Words whose text contains `text` (case-insensitive), in document, page and reading order.
    Result<std::vector<WordHit>> searchWords(const QString& text, int limit = 1000);
    /// Renames, recolours or re-keys a label (not part of the word edit history: labels are project
    /// settings).
    Status updateLabel(const LabelRecord& label);
    /// How many words carry label `label`.
    Result<int> labelWordCount(LabelId label);
    /// Deletes a label (not part of the undo history: labels are project settings). In ONE transaction,
    /// every word that carries it loses it, each change recorded as a "label" edit in one new edit group
    /// (returned; 0 when no word had it), and the label goes. Undoing an older edit that named the label
    /// gives the word no label. Errors: NotFound (no such label).
    Result<long long> deleteLabel(LabelId label);
    /// The edits of one group, in the order they were made.
    Result<std::vector<EditRecord>> editGroup(long long group);
    /// Undoes a group: puts every word and page it changed back as it was before (newest edit first)
    /// and marks its edits undone. Fails, changing nothing, when the group is already undone or a
    /// word it needs no longer exists (e.g. re-OCR replaced it).
    Status undoEditGroup(long long group);
    /// Redoes an undone group (oldest edit first) and clears its undone marks.
    Status redoEditGroup(long long group);
    /// Undoes several groups (given oldest first) in ONE transaction, newest group first: all or none.
    Status undoEditGroups(const std::vector<long long>& groups);
    /// Redoes several undone groups (given oldest first) in ONE transaction, oldest first: all or none.
    Status redoEditGroups(const std::vector<long long>& groups);

    // --- forms: entities and links (each call ONE transaction, recorded in the edit history) -------
    /// The page's entities (text and box filled; in reading order of their first words) and links.
    Result<PageForm> pageForm(PageId page);
    /// One entity (text and box filled), or nullopt.
    Result<std::optional<EntityRecord>> entity(EntityId id);
    /// Adds an entity of `entity.pageId` made of `entity.words` (at least one, all on that page, in the
    /// entity's order). A word that belonged to another entity leaves it (an entity left with no words goes
    /// with its links). Edits: "entity". Errors: InvalidInput (no words, a word of another page), NotFound.
    Result<EntityId> addEntity(const EntityRecord& entity, long long group = 0);
    /// Sets an entity's label, field, words, proposed mark and stored text (its id and page stay). No
    /// words: the entity is deleted with its links. Unchanged: no edit.
    Status updateEntity(const EntityRecord& entity, long long group = 0);
    /// Deletes entities with their links (their words stay).
    Status deleteEntities(const std::vector<EntityId>& entities, long long group = 0);
    /// One link, or nullopt.
    Result<std::optional<LinkRecord>> link(LinkId id);
    /// Adds a link between two entities of one page. Errors: InvalidInput (an entity to itself, entities
    /// of different pages, the same link exists), NotFound. Edits: "link".
    Result<LinkId> addLink(const LinkRecord& link, long long group = 0);
    /// Sets a link's type and proposed mark (its ends and page stay).
    Status updateLink(const LinkRecord& link, long long group = 0);
    Status deleteLinks(const std::vector<LinkId>& links, long long group = 0);
    /// Adds a whole form to page `page` in ONE transaction: its entities (their `words` on that page),
    /// then its links, whose `from` and `to` are INDEXES into form.entities. Returns the new entity ids
    /// in order. Errors as addEntity / addLink; nothing is added on an error.
    Result<std::vector<EntityId>> addForm(PageId page, const PageForm& form, long long group = 0);
    /// Annotations imported from another tool become the page's words and form, in ONE transaction: the
    /// page is done (kind `kind`, no OCR needed), its words are `words` in that reading order (engine
    /// `source`, e.g. "import:funsd"; kept by a later re-OCR like a person's), then `form`'s entities (their
    /// `words` are INDEXES into `words`) and links (from/to: indexes into form.entities). Errors:
    /// InvalidInput when the page has words already or an index is out of range (nothing is stored).
    Status storeImportedPage(PageId page, const std::vector<RecognizedWord>& words, const PageForm& form,
                             const QString& source, PageKind kind = PageKind::Scanned);
    /// The entities that carry a typed field, in document, page and reading order (text and box filled),
    /// with the document and page number of each: what the checks across pages read. document 0: all.
    Result<std::vector<std::pair<PageRecord, EntityRecord>>> fieldEntities(DocumentId document = 0);
    /// Marks the words of entities flagged for review (a person should look: an invalid typed value), or
    /// clears the mark when `flagged` is false. Not part of the undo history (checks set it).
    Status setWordsFlagged(const std::vector<WordId>& words, bool flagged);

    // --- document types and their processing profiles (schema 5) -----------------------------------
    /// The project's types in order. A read-only file of an older schema: the default types, no profiles.
    Result<std::vector<DocumentType>> documentTypes();
    /// Adds a type at the end. Errors: InvalidInput (not a valid name, or the project has it already).
    Status addDocumentType(const QString& name, const QString& title = {});
    /// Changes what people see of a type (empty: the built-in title of a default type). Errors: NotFound.
    Status setDocumentTypeTitle(const QString& name, const QString& title);
    /// Sets how pages of the type are processed (an empty profile: the project's choice). Errors: NotFound.
    Status setTypeProfile(const QString& name, const TypeProfile& profile);
    /// Removes a type; its documents are left with no type (in the same transaction). Errors: NotFound.
    Status removeDocumentType(const QString& name);
    /// Sets a document's type and how it got it; `type` empty clears it (source None). `confidence` is
    /// kept for Predicted only. Errors: NotFound (the document), InvalidInput (not one of the project's
    /// types).
    Status setDocumentType(DocumentId id, const QString& type, TypeSource source,
                           std::optional<double> confidence = {});

    // --- the document-type classifier's measures of first pages (schema 5) --------------------------
    /// Every measure kept with `version` (core/doctype/features.h), by document. Empty before schema 5.
    Result<std::vector<std::pair<DocumentId, QString>>> documentImageFeatures(int version);
    /// Keeps what was measured on a document's first page image (JSON text), replacing an older one.
    /// Errors: NotFound (the document), Storage.
    Status setDocumentImageFeatures(DocumentId document, int version, const QString& json);

    // --- what each page was processed with (type profiles, schema 5) -------------------------------
    /// The pages of `scope` in document and page order, with their type's stored profile and what they
    /// were processed with last (pages.profile, written by storeOutcomes from PageOutcome::profile). An
    /// older read-only file: no type, nothing recorded.
    Result<std::vector<PageProfileRow>> pageProfiles(const ProfileScope& scope = {});
    /// done pages -> queued (processed again; their words stay until then, and words a person edited or
    /// drew stay for good: storeOutcomes). Other pages are left as they are. Returns how many.
    Result<int> requeuePages(const std::vector<PageId>& pages);
    /// Each type's profile as stored (name, JSON text) in the types' order, also one that does not read
    /// (documentTypes() reads those as empty): to say which cannot be applied.
    Result<std::vector<std::pair<QString, QString>>> storedTypeProfiles();
    // --- watched folders: the files a watcher found (watched_files; core/import/folder_watch.h) ------
    /// A file's row; nullopt when no watcher recorded it (or the project is older than schema 5).
    Result<std::optional<WatchedFileRecord>> watchedFile(const QString& path);
    /// Inserts or updates the rows of `files` by path, in ONE transaction (a row keeps its first_seen).
    Status recordWatchedFiles(const std::vector<WatchedFileRecord>& files);
    /// Rows in state `state`, the longest known first, at most `limit`; `total` (when given) receives how
    /// many there are in all. Empty for a project older than schema 5.
    Result<std::vector<WatchedFileRecord>> watchedFiles(WatchedFileRecord::State state, int limit,
                                                        int* total = nullptr);
    /// Points a document at the new place of its file (a watcher moved it to its done folder).
    /// Errors: NotFound.
    Status setDocumentPath(DocumentId id, const QString& path);
    /// SQLite's PRAGMA data_version: it changes when another connection (another process, or the
    /// pipeline's writer) commits to the project, never for this connection's own writes. Cheap: what the
    /// app polls to see what a watcher added.
    Result<long long> dataVersion();
    /// The pages not done yet (queued or processing), and how many documents there are with the largest
    /// document id: what tells the app, after another connection wrote, which pages to show again.
    struct ChangeMarks {
        std::vector<PageId> unfinishedPages; ///< in id order
        int documents = 0;
        DocumentId lastDocument = 0;
        bool operator==(const ChangeMarks&) const = default;
    };
    Result<ChangeMarks> changeMarks();

    // --- photographed pages: the page's four corners placed by a person (schema 6; page_photo.cpp) ----
    /// Sets how image page `page` is read as a photo: a person's corners (`geometry` Flattened, stored as
    /// manual) or "read it as it is" (NotPhoto), in ONE transaction recorded in the edit history as one
    /// group (`group`, or a new one), so that undoing it puts back the page's geometry, size and boxes and
    /// processes the page again. The boxes of the words a person edited or drew (with their character
    /// boxes) are carried from the old flat page onto the new one through the photo (old pageToPhoto, then
    /// new photoToPage; a page not flattened is the photo itself), each recorded as a "photo" edit; a box
    /// that falls partly off the new page is cut to it, one that falls wholly off (or behind the horizon)
    /// keeps its size and is moved to the nearest place on the page, so that no person's word is lost.
    /// The other words follow unrecorded (the next OCR of the page replaces them; entities find their
    /// words again by their boxes). Entities and links store no boxes. The page's pixel size and DPI become
    /// the new page's, and the page goes back to the queue (status queued, like requeuePages; undo and
    /// redo queue it too). Unchanged geometry: nothing is written. Errors: NotFound; InvalidInput for a
    /// page of a PDF, corners that are not a convex quadrilateral or a flat page with no size. A page being
    /// processed may change too: the outcome of that run, read with other corners, is not stored
    /// (storeOutcomes drops an outcome whose photo differs from the page's, and queues the page).
    Status setPagePhoto(PageId page, const PhotoGeometry& geometry, long long group = 0);

    // --- captured pages (live capture, core/capture/capture_document.h; core/storage/capture_pages.cpp) --
    // A capture document grows by its last page and shrinks by it: its file (a multi-page TIFF) is
    // rewritten each time, so its sha256 and size change with it.
    /// Appends `page` as the document's next page (its number: the page count + 1, whatever `page.number`
    /// says), queued, and records the file's new sha256 and size, in ONE transaction. `photo`: how the page
    /// is read as a photo (pages.photo: every render applies it); none: looked at when first rendered.
    /// Returns the page's id. Errors: NotFound (no such document), InvalidInput (a document that failed to
    /// import).
    Result<PageId> appendDocumentPage(DocumentId document, const PageInfo& page, const QString& sha256, qint64 size,
                                      const std::optional<PhotoGeometry>& photo = std::nullopt);
    /// Removes the document's last page with its words, forms and edit history, and records the file's new
    /// sha256 and size, in ONE transaction (the document itself stays, with no pages when that was its last;
    /// removeDocument() takes it out). Errors: NotFound (no such document), InvalidInput (it has no pages,
    /// or its last page is being processed: wait, then take it back).
    Status removeLastDocumentPage(DocumentId document, const QString& sha256, qint64 size);

    // --- redaction (schema 7; core/storage/redaction_marks.cpp) ------------------------------------------
    /// The marks of page `page` (0: of the whole project), by page then id. Older read-only files: none.
    Result<std::vector<RedactionMark>> redactionMarks(PageId page = 0);
    /// Adds a mark, in ONE transaction recorded in the edit history (action "redaction", undoable). A mark
    /// on the same target (the same word, entity, or a region with the same box) replaces the old one
    /// (recorded too). The box of a word or entity mark is taken from the word (the entity's words) now:
    /// the one given is ignored. Returns its id. Errors: NotFound (no such page, word or entity),
    /// InvalidInput (an empty box, a word or entity of another page, a file older than schema 7).
    Result<RedactionMarkId> addRedactionMark(const RedactionMark& mark, long long group = 0);
    /// Deletes marks (recorded, undoable). Unknown ids are ignored.
    Status deleteRedactionMarks(const std::vector<RedactionMarkId>& marks, long long group = 0);
    /// The project's redaction secret (32 random bytes), made and stored (meta "redaction_secret", hex) on
    /// first use. Errors: Io when it has to be made and the project is read-only.
    Result<QByteArray> redactionSecret();

    // --- project settings (the meta table) ----------------------------------------------------------
    /// A setting kept with the project (e.g. "ocr_engines", "ocr_profile"); nullopt when never set.
    Result<std::optional<QString>> meta(const QString& key);
    /// Sets (or replaces) a setting. Errors: Io (read-only project).
    Status setMeta(const QString& key, const QString& value);

private:
    struct Impl;
    explicit ProjectStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc
