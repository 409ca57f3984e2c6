#include "ui/editing/edit_commands.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <utility>
#include <vector>

namespace incidoc::ui {
namespace {

std::vector<WordId> toVector(const QList<WordId>& list)
{
    return std::vector<WordId>(list.begin(), list.end());
}

} // namespace

StoreEditCommand::StoreEditCommand(ProjectSession* session, const QString& text, EditOutcome* outcome)
    : QUndoCommand(text), m_session(session), m_outcome(outcome)
{
}

void StoreEditCommand::redo()
{
    ProjectStore& store = m_session->store();
    if (!m_performed) {
        // The first redo is the action itself, in a fresh edit group.
        auto group = store.beginEditGroup();
        if (!group) {
            fail(group.error());
            return;
        }
        m_group = *group;
        const Status done = perform(store, m_group);
        if (!done) {
            fail(done.error());
            return;
        }
        m_performed = true;
        auto edits = store.editGroup(m_group);
        if (!edits) {
            fail(edits.error());
            return;
        }
        // The first edit of a word on a page still `new` starts its review: `in progress`, in the same
        // edit group, so undoing the edit puts the page back to `new`.
        const Result<bool> started = startReviews(store, *edits);
        if (!started) {
            (void)store.undoEditGroup(m_group); // all or nothing: the word edit goes too
            fail(started.error());
            return;
        }
        if (started.value())
            edits = store.editGroup(m_group);
        if (!edits) {
            fail(edits.error());
            return;
        }
        for (const EditRecord& e : *edits)
            (e.wordId != 0 ? m_wordPages : m_pages).insert(e.pageId);
        if (m_outcome) {
            m_outcome->ok = true;
            m_outcome->changed = !edits->empty();
            m_outcome->createdWord = m_created;
            m_outcome->createdWords = m_createdWords;
            m_outcome = nullptr; // only valid during push
        }
        if (edits->empty()) {
            setObsolete(true); // nothing changed: nothing to undo
            return;
        }
    } else {
        const Status done = store.redoEditGroup(m_group);
        if (!done) {
            fail(done.error());
            return;
        }
    }
    announce();
}

Result<bool> StoreEditCommand::startReviews(ProjectStore& store, const std::vector<EditRecord>& edits)
{
    std::set<PageId> pages;
    for (const EditRecord& e : edits)
        if (e.wordId != 0)
            pages.insert(e.pageId);
    bool any = false;
    for (PageId id : pages) {
        auto page = store.page(id);
        if (!page)
            return page.error();
        if (page->review != ReviewStatus::New)
            continue;
        const Status done = store.setPageReview(id, ReviewStatus::InProgress, m_group);
        if (!done)
            return done.error();
        any = true;
    }
    return any;
}

void StoreEditCommand::undo()
{
    const Status done = m_session->store().undoEditGroup(m_group);
    if (!done) {
        fail(done.error());
        return;
    }
    announce();
}

void StoreEditCommand::fail(const Error& error)
{
    if (m_outcome) {
        m_outcome->ok = false;
        m_outcome = nullptr;
    }
    setObsolete(true);
    Q_EMIT m_session->errorOccurred(tr("Could not save the change (%1): %2").arg(text(), error.message));
}

void StoreEditCommand::announce()
{
    for (PageId page : m_wordPages)
        Q_EMIT m_session->wordsChanged(page);
    for (PageId page : m_pages)
        Q_EMIT m_session->pageChanged(page);
}

// ---- the actions --------------------------------------------------------------------------------------

SetWordTextCommand::SetWordTextCommand(ProjectSession* session, WordId word, QString text, EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Edit text"), outcome), m_word(word), m_text(std::move(text))
{
}

Status SetWordTextCommand::perform(ProjectStore& store, long long group)
{
    return store.updateWordText(m_word, m_text, group);
}

SetWordBoxCommand::SetWordBoxCommand(ProjectSession* session, WordId word, const PixelBox& box, EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Move or resize box"), outcome), m_word(word), m_box(box)
{
}

Status SetWordBoxCommand::perform(ProjectStore& store, long long group)
{
    return store.updateWordBox(m_word, m_box, group);
}

SetWordsLabelCommand::SetWordsLabelCommand(ProjectSession* session, QList<WordId> words, std::optional<LabelId> label,
                                           EditOutcome* outcome)
    : StoreEditCommand(session, label ? StoreEditCommand::tr("Set label") : StoreEditCommand::tr("Clear label"),
                       outcome),
      m_words(std::move(words)), m_label(label)
{
}

Status SetWordsLabelCommand::perform(ProjectStore& store, long long group)
{
    return store.setWordsLabel(toVector(m_words), m_label, group);
}

AddWordCommand::AddWordCommand(ProjectSession* session, PageId page, const PixelBox& box, QString text,
                               EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Add box"), outcome), m_page(page), m_box(box),
      m_text(std::move(text))
{
}

Status AddWordCommand::perform(ProjectStore& store, long long group)
{
    WordRecord word;
    word.text = m_text;
    word.box = m_box;
    auto id = store.addUserWord(m_page, word, group);
    if (!id)
        return id.error();
    setCreatedWord(*id);
    return okStatus();
}

DeleteWordsCommand::DeleteWordsCommand(ProjectSession* session, QList<WordId> words, EditOutcome* outcome)
    : StoreEditCommand(session,
                       words.size() == 1 ? StoreEditCommand::tr("Delete box")
                                         : StoreEditCommand::tr("Delete %n boxes", nullptr, words.size()),
                       outcome),
      m_words(std::move(words))
{
}

Status DeleteWordsCommand::perform(ProjectStore& store, long long group)
{
    return store.deleteWords(toVector(m_words), group);
}

MergeWordsCommand::MergeWordsCommand(ProjectSession* session, QList<WordId> words, EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Merge %n words", nullptr, words.size()), outcome),
      m_words(std::move(words))
{
}

Status MergeWordsCommand::perform(ProjectStore& store, long long group)
{
    auto merged = store.mergeWords(toVector(m_words), group);
    if (!merged)
        return merged.error();
    setCreatedWord(*merged);
    return okStatus();
}

SplitWordCommand::SplitWordCommand(ProjectSession* session, WordId word, int at, EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Split word"), outcome), m_word(word), m_at(at)
{
}

Status SplitWordCommand::perform(ProjectStore& store, long long group)
{
    auto parts = store.splitWord(m_word, m_at, group);
    if (!parts)
        return parts.error();
    setCreatedWord(parts->second);
    return okStatus();
}

ReplaceWordsCommand::ReplaceWordsCommand(ProjectSession* session, PageId page, QList<WordId> remove,
                                         std::vector<WordRecord> add, EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Re-OCR %n word(s)", nullptr, remove.size()), outcome),
      m_page(page), m_remove(std::move(remove)), m_add(std::move(add))
{
}

Status ReplaceWordsCommand::perform(ProjectStore& store, long long group)
{
    // Each store call is its own transaction: when one fails, what this group already did is undone,
    // so the command is all or nothing.
    auto rollBack = [&](const Error& error) -> Status {
        (void)store.undoEditGroup(group);
        return error;
    };
    if (!m_remove.isEmpty()) {
        const Status removed = store.deleteWords(toVector(m_remove), group);
        if (!removed)
            return rollBack(removed.error());
    }
    for (const WordRecord& w : m_add) {
        auto id = store.addUserWord(m_page, w, group);
        if (!id)
            return rollBack(id.error());
        addCreatedWord(*id);
    }
    return okStatus();
}

SetPageReviewCommand::SetPageReviewCommand(ProjectSession* session, PageId page, ReviewStatus review,
                                           EditOutcome* outcome)
    : StoreEditCommand(session,
                       review == ReviewStatus::Reviewed     ? StoreEditCommand::tr("Mark page reviewed")
                       : review == ReviewStatus::InProgress ? StoreEditCommand::tr("Mark page in progress")
                                                            : StoreEditCommand::tr("Mark page new"),
                       outcome),
      m_page(page), m_review(review)
{
}

Status SetPageReviewCommand::perform(ProjectStore& store, long long group)
{
    return store.setPageReview(m_page, m_review, group);
}

SetWordsReviewedCommand::SetWordsReviewedCommand(ProjectSession* session, QList<WordId> words, bool reviewed,
                                                 EditOutcome* outcome)
    : StoreEditCommand(session,
                       reviewed ? StoreEditCommand::tr("Mark words reviewed")
                                : StoreEditCommand::tr("Mark words not reviewed"),
                       outcome),
      m_words(std::move(words)), m_reviewed(reviewed)
{
}

Status SetWordsReviewedCommand::perform(ProjectStore& store, long long group)
{
    return store.setWordsReviewed(toVector(m_words), m_reviewed, group);
}

AcceptWordCommand::AcceptWordCommand(ProjectSession* session, WordId word, EditOutcome* outcome)
    : StoreEditCommand(session, StoreEditCommand::tr("Accept word"), outcome), m_word(word)
{
}

Status AcceptWordCommand::perform(ProjectStore& store, long long group)
{
    return store.acceptWord(m_word, group);
}

} // namespace incidoc::ui
