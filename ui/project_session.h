#pragma once
// The open project as the GUI sees it: one ProjectStore connection on the GUI thread, the undo stack,
// and change notifications. Views subscribe to the signals (observer); they are never called by the
// engine. Every mutation is an undoable command (QUndoStack) that writes to the project at once:
// there is no Save.
//
// Thread contract: GUI thread only.

#include "core/model/forms.h"
#include "core/model/records.h"
#include "core/model/redaction.h"
#include "core/storage/project_store.h"
#include "core/util/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

class QUndoStack;

namespace incidoc {
class ProjectStore;
struct LineInk;
struct ReviewQueueRule;
} // namespace incidoc

namespace incidoc::ui {

/// What replaceWordsByOcr did.
struct ReplaceOutcome {
    int removed = 0;     ///< selected words that were replaced
    int kept = 0;        ///< selected words kept because a person edited or drew them
    QList<WordId> added; ///< the new words, in reading order
};

/// A search hit: one word somewhere in the project.
struct SearchHit {
    DocumentId documentId = 0;
    PageId pageId = 0;
    int pageNumber = 0;
    WordId wordId = 0;
    QString text;
    PixelBox box;
};

class ProjectSession : public QObject {
    Q_OBJECT
public:
    /// Opens (creates) a project. A corrupt, locked, read-only or newer-schema file gives the store's
    /// clear message; such a file is never overwritten. `readOnly` opens without writing at all.
    static Result<std::unique_ptr<ProjectSession>> open(const QString& path, bool readOnly = false);
    ~ProjectSession() override;

    QString path() const;
    bool isReadOnly() const;
    ProjectStore& store();
    QUndoStack* undoStack() const;

    // --- reads (fresh from the project; cheap enough per page) -------------------------------------
    std::vector<DocumentRecord> documents();
    std::vector<PageRecord> pages(DocumentId document);
    std::optional<PageRecord> page(PageId page);
    std::optional<DocumentRecord> document(DocumentId document);
    std::vector<WordRecord> words(PageId page);
    std::vector<LabelRecord> labels();
    /// Words whose text contains `text` (case-insensitive), in document/page/reading order; at most `limit`.
    std::vector<SearchHit> search(const QString& text, int limit = 1000);
    /// The review walk: the next (or previous) flagged word after word `from` in reading order across the
    /// project, wrapping around; `from` 0: from the edge of `page` (0: of the project). nullopt: none.
    std::optional<SearchHit> flaggedWord(WordId from, bool forward, PageId page = 0);
    /// How many words of the project (`page` 0) or of one page are flagged for review.
    int flaggedWordCount(PageId page = 0);
    /// Whether any word of the project was read by two engines (holds another engine's reading).
    bool hasOtherReadings();
    /// The review queue's walk (ProjectStore::wordToCheck): the next (or previous) word `rule` keeps after
    /// word `from`, skipping pages marked reviewed, wrapping around (`wrapped` says so). nullopt: none.
    std::optional<SearchHit> wordToCheck(const ReviewQueueRule& rule, WordId from, bool forward, PageId page = 0,
                                         bool* wrapped = nullptr);
    /// How many words `rule` keeps on pages not marked reviewed, in `document` (0: the whole project).
    int wordsToCheckCount(const ReviewQueueRule& rule, DocumentId document = 0);
    /// The project's word texts, the most frequent first (ProjectStore::vocabulary); read again after the
    /// words changed.
    const std::vector<QString>& vocabulary();

    // --- mutations: each pushes one undoable command; false (and errorOccurred) when the write failed --
    bool setWordText(WordId word, const QString& text);
    /// Moves or resizes one box. Successive changes of the same box, each within undoMergeWindow() of the
    /// one before, are one undo entry.
    bool setWordBox(WordId word, const PixelBox& box);
    /// Moves or resizes several boxes as ONE command (one undo entry; all or nothing), merged like
    /// setWordBox's with the changes of the same words just before.
    bool setWordBoxes(const std::vector<std::pair<WordId, PixelBox>>& boxes);
    bool setWordsLabel(const QList<WordId>& words, std::optional<LabelId> label);
    /// Draws a new word (source "user"); returns its id, or 0 on failure.
    WordId addWord(PageId page, const PixelBox& box, const QString& text);
    bool deleteWords(const QList<WordId>& words);
    /// Merges words of one page into one (text joined with spaces in reading order, union box).
    bool mergeWords(const QList<WordId>& words);
    /// Splits a word at character `at` (1..length-1) into two, using its character boxes when it has them.
    bool splitWord(WordId word, int at);
    /// Re-OCR of a selection: the words of `selection` (on `page`) that no person edited or drew are
    /// replaced by `read` (page pixels), as ONE undoable command. Edited and drawn words are never touched;
    /// a word read that overlaps (IoU >= 0.5) a word that stays is dropped. The new words are recorded as
    /// the person's (source "user", no confidence): a later re-OCR of the page keeps them.
    /// nullopt (and errorOccurred) when the write failed.
    std::optional<ReplaceOutcome> replaceWordsByOcr(PageId page, const QList<WordId>& selection,
                                                    const std::vector<RecognizedWord>& read);
    /// Line mode: the words `lineWords` of one text line of `page` become the words of `text` (the whole line
    /// as typed), re-aligned by alignLine (core/review/line_align.h; `ink`, when given: the page image under
    /// the line, whose ink gaps place the cuts) as ONE undoable command. A word carried on keeps its id, label
    /// and history; new words are the person's. Returns the line's words afterwards in the order typed (the
    /// same ids and no undo step when nothing changed); nullopt (and errorOccurred) when none of `lineWords`
    /// is on the page or the write failed.
    std::optional<QList<WordId>> setLineText(PageId page, const QList<WordId>& lineWords, const QString& text,
                                             const LineInk* ink = nullptr);
    bool setPageReview(PageId page, ReviewStatus review);
    bool setWordsReviewed(const QList<WordId>& words, bool reviewed);
    /// A person read a flagged word and it is right: its flag is cleared (undoable). A word that is not
    /// flagged is left alone (true, nothing on the undo stack).
    bool acceptWord(WordId word);
    bool addLabel(const LabelRecord& label);
    bool updateLabel(const LabelRecord& label);
    /// How many words of the project carry `label` (-1 when it could not be read).
    int labelWordCount(LabelId label);
    /// Deletes a label; its words keep their text and box and have no label (one transaction, recorded
    /// in the edit history). Not undoable, like the other label settings.
    bool deleteLabel(LabelId label);

    // --- forms: entities and links (each an undoable command) -------------------------------------
    /// The page's entities (text and box filled) and links; empty when it has none or on a read error.
    PageForm form(PageId page);
    /// Groups words of one page into a new entity with `label` (may be ""), the words in reading order;
    /// they leave the entities they were in. Returns the entity, or 0 (and errorOccurred).
    EntityId groupWords(const QList<WordId>& words, const QString& label = {});
    /// Ungroups entities: they go with their links; their words stay.
    bool ungroup(const QList<EntityId>& entities);
    /// Labels entities (FUNSD's header, question, answer, other, or "" for none), one undo step.
    bool setEntitiesLabel(const QList<EntityId>& entities, const QString& label);
    /// Sets an entity's typed field (core/forms/fields.h; "" for none).
    bool setEntityField(EntityId entity, const QString& field);
    /// Links two entities of one page (`type` "": the default, key -> value). Returns the link, or 0.
    LinkId linkEntities(EntityId from, EntityId to, const QString& type = {});
    bool deleteLinks(const QList<LinkId>& links);
    /// The project's link types (setting kLinkTypesKey; the default first).
    QStringList linkTypes();
    /// Adds a link type to the project's list (a project setting, not undoable). False (and errorOccurred)
    /// for a name that is not lower-case letters, digits and '_' or when the write failed.
    bool addLinkType(const QString& type);
    /// Accepts proposals (their proposed mark cleared; a link's two entities are accepted with it), one
    /// undo step.
    bool acceptProposals(const QList<EntityId>& entities, const QList<LinkId>& links);
    /// Rejects proposals: the links, then the entities (with any link left on them) are deleted.
    bool rejectProposals(const QList<EntityId>& entities, const QList<LinkId>& links);
    /// Adds a whole form to a page (proposals, a form carried from another page) as ONE undo step named
    /// `what`; links' from/to are indexes into form.entities (ProjectStore::addForm).
    bool addForm(PageId page, const PageForm& form, const QString& what);
    /// Flags words of `page` for review (an invalid typed value: the review queue visits them) or clears
    /// their flag. Not undoable, like the readers' flags it shares (checks set it). Emits wordsChanged.
    bool setWordsFlagged(PageId page, const QList<WordId>& words, bool flagged);

    /// Proposes entities (for the words in no entity) and key -> value links on a page from its layout, as
    /// ONE undo step (core/import/form_proposals.h). Returns how many of each, or -1 entities on failure
    /// (and errorOccurred).
    std::pair<int, int> proposeOnPage(PageId page);
    /// Carries page `from`'s accepted form onto every other page of the project with no entities whose
    /// layout aligns with it, as proposals, ONE undo step. Returns {pages, entities, links} carried, or
    /// pages -1 on failure (and errorOccurred; a page with no accepted entity says so).
    std::tuple<int, int, int> carryFormFrom(PageId from);

    // --- redaction marks (ui/project_session_redaction.cpp) -------------------------------------------
    /// The page's redaction marks (0: the whole project's); empty on a read error.
    std::vector<RedactionMark> redactionMarks(PageId page);
    /// Adds marks (a word, entity or region marked sensitive or not) as ONE undo step named `what`; a mark
    /// on a target that has one replaces it. False (and errorOccurred) when the write failed.
    bool addRedactionMarks(const std::vector<RedactionMark>& marks, const QString& what);
    /// Deletes marks as ONE undo step named `what`.
    bool deleteRedactionMarks(const std::vector<RedactionMarkId>& marks, const QString& what);

    /// Box changes of the same words closer in time than this merge into one undo entry (1.5 s).
    std::chrono::milliseconds undoMergeWindow() const;
    void setUndoMergeWindow(std::chrono::milliseconds window);

    // --- from the pipeline (PipelineController calls these on the GUI thread) -----------------------
    void notifyPageProcessed(DocumentId document, PageId page);
    void notifyDocumentsChanged();
    /// A document's type or a type's profile changed (`scope`): the pages whose processing options now
    /// differ are processed again (the main window hands this to its PipelineController).
    void notifyTypeProfilesChanged(const incidoc::ProfileScope& scope);

    // --- what other connections wrote (`incidoc-cli watch`, import or ocr in another process) --------
    /// Polls the project every `intervalMs` (0: never, the default) for commits made by other connections
    /// (SQLite's data_version: one cheap query). When there were some, emits documentsChanged when
    /// documents came or went, pageChanged and wordsChanged for each page that was waiting and is
    /// finished now, then changedElsewhere.
    void setExternalChangePolling(int intervalMs);
    /// What the timer does, once, now. True when other connections wrote since the last check.
    bool checkExternalChanges();

    // --- documents --------------------------------------------------------------------------------
    /// Whether a document failed as a whole: its file could not be imported, or every one of its pages
    /// failed (it has no words). Only such documents can be removed here.
    bool isFailedDocument(DocumentId document);
    /// Removes a failed document (isFailedDocument) with its pages and their history. Not undoable: there
    /// is nothing of a person's work in it. False (and errorOccurred) for any other document or when the
    /// write failed.
    bool removeDocument(DocumentId document);

Q_SIGNALS:
    void wordsChanged(incidoc::PageId page);                      ///< words of a page were added, changed or removed
    void pageChanged(incidoc::PageId page);                       ///< a page's status, kind, review or geometry
    void documentsChanged();                                      ///< documents added or their status changed
    void typeProfilesChanged(const incidoc::ProfileScope& scope); ///< see notifyTypeProfilesChanged
    void labelsChanged();
    void formChanged(incidoc::PageId page);      ///< entities or links of a page were added, changed or removed
    void redactionChanged(incidoc::PageId page); ///< redaction marks of a page were added or removed
    void errorOccurred(const QString& message);  ///< a write failed: show it; nothing was half written
    /// Another connection wrote to the project (checkExternalChanges): e.g. pages a watcher queued.
    void changedElsewhere();

private:
    struct Impl;
    explicit ProjectSession(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc::ui
