#pragma once
// The undoable edits of the annotation app: one QUndoCommand per user action. Each command writes to
// the project at once (through ProjectStore, in the edit history): its first redo() is the action itself
// (one edit group); undo() and later redo() revert and re-apply its groups from the history
// (ProjectStore::undoEditGroups / redoEditGroups), in one transaction. A command holds several groups
// when later actions merged into it (box nudges of the same words within a moment: SetWordsBoxCommand).
// Every command's text names what it changed and the words ("Text 'Pp,' → 'P.'", "Label PERSON on 3
// words"), read from the project when the command is made. A write that fails emits
// ProjectSession::errorOccurred and marks the command obsolete, so QUndoStack drops it; nothing is
// half written. After each change the session's wordsChanged / pageChanged signals go out.
//
// Thread contract: GUI thread only (like the ProjectSession they belong to).

#include "core/model/records.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QUndoCommand>

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace incidoc {
class ProjectStore;
struct EditRecord;
} // namespace incidoc

namespace incidoc::ui {

class ProjectSession;

/// What the first redo() of a command produced; filled while QUndoStack::push runs (the command may be
/// deleted by push when it turned out to be obsolete).
struct EditOutcome {
    bool ok = false;
    bool changed = false;       ///< false: nothing to change (no history entry, command not kept)
    WordId createdWord = 0;     ///< addWord: the new word; splitWord: the right part
    QList<WordId> createdWords; ///< replaceWords: the new words
    long long createdId = 0;    ///< form edits: the new entity or link
};

/// Base of every edit command: runs the action in an edit group, then undoes / redoes the group.
class StoreEditCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(incidoc::ui::StoreEditCommand)
public:
    StoreEditCommand(ProjectSession* session, const QString& text, EditOutcome* outcome);
    void redo() override;
    void undo() override;
    /// The first edit group in the project's history (0 before the first redo).
    long long group() const { return m_groups.empty() ? 0 : m_groups.front(); }
    /// Every edit group of the command, oldest first (more than one after merges).
    const std::vector<long long>& groups() const { return m_groups; }

    /// A word's text as a command names it: quoted, elided past a few characters.
    static QString quoted(const QString& text);
    /// Words as a command names them: "'a'", "'a', 'b'" (up to three), else "4 words".
    static QString wordList(ProjectSession* session, const QList<WordId>& words);

protected:
    /// Takes over the groups (and the pages to announce) of `later`, a command performed after this one
    /// and merged into it: undo reverts them all (newest first), redo re-applies them (oldest first).
    void absorb(const StoreEditCommand& later);
    bool isPerformed() const { return m_performed; }
    ProjectSession* session() const { return m_session; }
    /// The action itself, all of it in edit group `group`. Returns the error when it could not be written.
    virtual Status perform(ProjectStore& store, long long group) = 0;
    /// Called after perform() succeeded (e.g. to keep an id for the outcome).
    void setCreatedWord(WordId word) { m_created = word; }
    void addCreatedWord(WordId word) { m_createdWords << word; }
    void setCreatedId(long long id) { m_createdId = id; }

private:
    void fail(const Error& error);
    void announce();
    /// Pages whose words `edits` changed and whose review is `new` become `in progress` (in m_group).
    /// Returns whether any page changed.
    Result<bool> startReviews(ProjectStore& store, const std::vector<EditRecord>& edits);

    ProjectSession* m_session;
    EditOutcome* m_outcome;
    std::vector<long long> m_groups;
    bool m_performed = false;
    WordId m_created = 0;
    QList<WordId> m_createdWords;
    long long m_createdId = 0;
    std::set<PageId> m_wordPages;      ///< pages whose words the group changes
    std::set<PageId> m_pages;          ///< pages whose own fields (review status) the group changes
    std::set<PageId> m_formPages;      ///< pages whose entities or links the group changes
    std::set<PageId> m_redactionPages; ///< pages whose redaction marks the group changes
};

class SetWordTextCommand : public StoreEditCommand {
public:
    SetWordTextCommand(ProjectSession* session, WordId word, QString text, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    WordId m_word;
    QString m_text;
};

/// Moves or resizes the boxes of one or more words. Successive commands on the same words, each within
/// the session's merge window of the one before (holding an arrow key, nudging a box pixel by pixel),
/// merge into one undo entry.
class SetWordsBoxCommand : public StoreEditCommand {
public:
    using Boxes = std::vector<std::pair<WordId, PixelBox>>;
    SetWordsBoxCommand(ProjectSession* session, Boxes boxes, EditOutcome* outcome);

    enum { Id = 0x1b0c5 };
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    std::set<WordId> wordSet() const;

    Boxes m_boxes;
    std::chrono::steady_clock::time_point m_last; ///< when the newest action of this entry was made
};

class SetWordsLabelCommand : public StoreEditCommand {
public:
    SetWordsLabelCommand(ProjectSession* session, QList<WordId> words, std::optional<LabelId> label,
                         EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    QList<WordId> m_words;
    std::optional<LabelId> m_label;
};

class AddWordCommand : public StoreEditCommand {
public:
    AddWordCommand(ProjectSession* session, PageId page, const PixelBox& box, QString text, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    PageId m_page;
    PixelBox m_box;
    QString m_text;
};

class DeleteWordsCommand : public StoreEditCommand {
public:
    DeleteWordsCommand(ProjectSession* session, QList<WordId> words, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    QList<WordId> m_words;
};

class MergeWordsCommand : public StoreEditCommand {
public:
    MergeWordsCommand(ProjectSession* session, QList<WordId> words, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    QList<WordId> m_words;
};

class SplitWordCommand : public StoreEditCommand {
public:
    SplitWordCommand(ProjectSession* session, WordId word, int at, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    WordId m_word;
    int m_at;
};

/// Re-OCR of a selection: deletes `remove` and adds `add` (as the person's words) in one edit group.
class ReplaceWordsCommand : public StoreEditCommand {
public:
    ReplaceWordsCommand(ProjectSession* session, PageId page, QList<WordId> remove, std::vector<WordRecord> add,
                        EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    PageId m_page;
    QList<WordId> m_remove;
    std::vector<WordRecord> m_add;
};

class SetPageReviewCommand : public StoreEditCommand {
public:
    SetPageReviewCommand(ProjectSession* session, PageId page, ReviewStatus review, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    PageId m_page;
    ReviewStatus m_review;
};

class SetWordsReviewedCommand : public StoreEditCommand {
public:
    SetWordsReviewedCommand(ProjectSession* session, QList<WordId> words, bool reviewed, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    QList<WordId> m_words;
    bool m_reviewed;
};

class AcceptWordCommand : public StoreEditCommand {
public:
    AcceptWordCommand(ProjectSession* session, WordId word, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    WordId m_word;
};

/// An edit of a page's form (entities and links) or of its redaction marks: `action` writes it in the group and returns
/// the new entity's or link's id (0 when it creates none) or the error.
class FormEditCommand : public StoreEditCommand {
public:
    using Action = std::function<Result<long long>(ProjectStore& store, long long group)>;
    FormEditCommand(ProjectSession* session, const QString& text, Action action, EditOutcome* outcome);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    Action m_action;
};

} // namespace incidoc::ui
