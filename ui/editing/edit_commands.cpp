#include "ui/editing/edit_commands.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <QStringList>

#include <algorithm>
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
        const long long g = *group;
        m_groups = {g};
        const Status done = perform(store, g);
        if (!done) {
            fail(done.error());
            return;
        }
        m_performed = true;
        auto edits = store.editGroup(g);
        if (!edits) {
            fail(edits.error());
            return;
        }
        // The first edit of a word on a page still `new` starts its review: `in progress`, in the same
        // edit group, so undoing the edit puts the page back to `new`.
        const Result<bool> started = startReviews(store, *edits);
        if (!started) {
            (void)store.undoEditGroup(g); // all or nothing: the word edit goes too
            fail(started.error());
            return;
        }
        if (started.value())
            edits = store.editGroup(g);
        if (!edits) {
            fail(edits.error());
            return;
        }
        for (const EditRecord& e : *edits) {
            if (e.action == QLatin1String("entity") || e.action == QLatin1String("link"))
                m_formPages.insert(e.pageId);
            else if (e.action == QLatin1String("redaction"))
                m_redactionPages.insert(e.pageId);
            else
                (e.wordId != 0 ? m_wordPages : m_pages).insert(e.pageId);
        }
        if (m_outcome) {
            m_outcome->ok = true;
            m_outcome->changed = !edits->empty();
            m_outcome->createdWord = m_created;
            m_outcome->createdWords = m_createdWords;
            m_outcome->createdId = m_createdId;
            m_outcome = nullptr; // only valid during push
        }
        if (edits->empty()) {
            setObsolete(true); // nothing changed: nothing to undo
            return;
        }
    } else {
        const Status done = store.redoEditGroups(m_groups);
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
        if (e.wordId != 0 && e.action != QLatin1String("redaction")) // a mark is no edit of the word
            pages.insert(e.pageId);
    bool any = false;
    for (PageId id : pages) {
        auto page = store.page(id);
        if (!page)
            return page.error();
        if (page->review != ReviewStatus::New)
            continue;
        const Status done = store.setPageReview(id, ReviewStatus::InProgress, m_groups.front());
        if (!done)
            return done.error();
        any = true;
    }
    return any;
}

void StoreEditCommand::undo()
{
    const Status done = m_session->store().undoEditGroups(m_groups);
    if (!done) {
        fail(done.error());
        return;
    }
    announce();
}

void StoreEditCommand::absorb(const StoreEditCommand& later)
{
    m_groups.insert(m_groups.end(), later.m_groups.begin(), later.m_groups.end());
    m_wordPages.insert(later.m_wordPages.begin(), later.m_wordPages.end());
    m_pages.insert(later.m_pages.begin(), later.m_pages.end());
    m_formPages.insert(later.m_formPages.begin(), later.m_formPages.end());
    m_redactionPages.insert(later.m_redactionPages.begin(), later.m_redactionPages.end());
}

QString StoreEditCommand::quoted(const QString& text)
{
    // Long enough to tell words apart, short enough for the Edit menu.
    constexpr int kMax = 24;
    QString t = text.simplified();
    if (t.size() > kMax)
        t = t.left(kMax - 1) + QChar(0x2026);
    return QStringLiteral("'%1'").arg(t);
}

QString StoreEditCommand::wordList(ProjectSession* session, const QList<WordId>& words)
{
    constexpr int kNamed = 3;
    // Never one word here (one is always named): "%n words" reads right in English.
    if (words.size() > kNamed || words.isEmpty())
        return tr("%n words", nullptr, static_cast<int>(words.size()));
    QStringList names;
    for (WordId id : words) {
        auto w = session->store().word(id);
        if (!w || !*w)
            return words.size() == 1 ? tr("a word") : tr("%n words", nullptr, static_cast<int>(words.size()));
        names << quoted((*w)->text);
    }
    return names.join(QStringLiteral(", "));
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
    for (PageId page : m_formPages)
        Q_EMIT m_session->formChanged(page);
    for (PageId page : m_redactionPages)
        Q_EMIT m_session->redactionChanged(page);
}

// ---- the actions --------------------------------------------------------------------------------------

namespace {

// The texts are made when the command is, from the project as it is before the action.

std::optional<WordRecord> readWord(ProjectSession* session, WordId id)
{
    auto w = session->store().word(id);
    if (!w || !*w)
        return std::nullopt;
    return **w;
}

QString textOfText(ProjectSession* session, WordId word, const QString& text)
{
    const auto w = readWord(session, word);
    if (!w)
        return StoreEditCommand::tr("Edit text");
    return StoreEditCommand::tr("Text %1 → %2").arg(StoreEditCommand::quoted(w->text), StoreEditCommand::quoted(text));
}

QString textOfBoxes(ProjectSession* session, const SetWordsBoxCommand::Boxes& boxes)
{
    QList<WordId> words;
    for (const auto& [id, box] : boxes)
        words << id;
    if (words.size() == 1)
        return StoreEditCommand::tr("Box of %1").arg(StoreEditCommand::wordList(session, words));
    return StoreEditCommand::tr("Boxes of %1").arg(StoreEditCommand::wordList(session, words));
}

QString textOfLabel(ProjectSession* session, const QList<WordId>& words, std::optional<LabelId> label)
{
    const QString which = words.size() == 1 ? StoreEditCommand::wordList(session, words)
                                            : StoreEditCommand::tr("%n words", nullptr, int(words.size()));
    if (!label)
        return StoreEditCommand::tr("Clear label on %1").arg(which);
    QString name;
    if (auto labels = session->store().labels())
        for (const LabelRecord& l : *labels)
            if (l.id == *label)
                name = l.name;
    if (name.isEmpty())
        return StoreEditCommand::tr("Set label");
    return StoreEditCommand::tr("Label %1 on %2").arg(name, which);
}

QString textOfAdd(const QString& text)
{
    return text.trimmed().isEmpty() ? StoreEditCommand::tr("Add box")
                                    : StoreEditCommand::tr("Add %1").arg(StoreEditCommand::quoted(text));
}

QString textOfMerge(ProjectSession* session, const QList<WordId>& words)
{
    std::vector<WordRecord> read;
    for (WordId id : words)
        if (auto w = readWord(session, id))
            read.push_back(*w);
    if (read.size() != static_cast<std::size_t>(words.size()))
        return StoreEditCommand::tr("Merge %n words", nullptr, int(words.size()));
    // The merged text is joined in reading order, whatever the order of the selection.
    std::sort(read.begin(), read.end(), [](const WordRecord& a, const WordRecord& b) { return a.order < b.order; });
    QStringList texts;
    for (const WordRecord& w : read)
        texts << w.text;
    return StoreEditCommand::tr("Merge %1").arg(StoreEditCommand::quoted(texts.join(u' ')));
}

QString textOfSplit(ProjectSession* session, WordId word, int at)
{
    const auto w = readWord(session, word);
    if (!w || at <= 0 || at >= w->text.size())
        return StoreEditCommand::tr("Split word");
    return StoreEditCommand::tr("Split %1 → %2 + %3")
        .arg(StoreEditCommand::quoted(w->text), StoreEditCommand::quoted(w->text.left(at).trimmed()),
             StoreEditCommand::quoted(w->text.mid(at).trimmed()));
}

QString textOfPageReview(ProjectSession* session, PageId page, ReviewStatus review)
{
    auto p = session->store().page(page);
    if (!p)
        return review == ReviewStatus::Reviewed     ? StoreEditCommand::tr("Mark page reviewed")
               : review == ReviewStatus::InProgress ? StoreEditCommand::tr("Mark page in progress")
                                                    : StoreEditCommand::tr("Mark page new");
    return review == ReviewStatus::Reviewed     ? StoreEditCommand::tr("Mark page %1 reviewed").arg(p->number)
           : review == ReviewStatus::InProgress ? StoreEditCommand::tr("Mark page %1 in progress").arg(p->number)
                                                : StoreEditCommand::tr("Mark page %1 new").arg(p->number);
}

QString textOfAccept(ProjectSession* session, WordId word)
{
    const auto w = readWord(session, word);
    return w ? StoreEditCommand::tr("Accept %1").arg(StoreEditCommand::quoted(w->text))
             : StoreEditCommand::tr("Accept word");
}

} // namespace

SetWordTextCommand::SetWordTextCommand(ProjectSession* session, WordId word, QString text, EditOutcome* outcome)
    : StoreEditCommand(session, textOfText(session, word, text), outcome), m_word(word), m_text(std::move(text))
{
}

Status SetWordTextCommand::perform(ProjectStore& store, long long group)
{
    return store.updateWordText(m_word, m_text, group);
}

SetWordsBoxCommand::SetWordsBoxCommand(ProjectSession* session, Boxes boxes, EditOutcome* outcome)
    : StoreEditCommand(session, textOfBoxes(session, boxes), outcome), m_boxes(std::move(boxes)),
      m_last(std::chrono::steady_clock::now())
{
}

Status SetWordsBoxCommand::perform(ProjectStore& store, long long group)
{
    for (const auto& [word, box] : m_boxes) {
        const Status done = store.updateWordBox(word, box, group);
        if (!done) {
            // Each box is its own transaction: the ones already moved go back, so the command is all or
            // nothing.
            (void)store.undoEditGroup(group);
            return done;
        }
    }
    return okStatus();
}

std::set<WordId> SetWordsBoxCommand::wordSet() const
{
    std::set<WordId> out;
    for (const auto& [word, box] : m_boxes)
        out.insert(word);
    return out;
}

bool SetWordsBoxCommand::mergeWith(const QUndoCommand* other)
{
    // QUndoStack offers every pushed command with the same id, even one that failed or changed nothing.
    const auto* later = dynamic_cast<const SetWordsBoxCommand*>(other);
    if (!later || later->isObsolete() || !later->isPerformed() || isObsolete() || !isPerformed())
        return false;
    if (later->wordSet() != wordSet())
        return false;
    if (later->m_last - m_last > session()->undoMergeWindow())
        return false;
    absorb(*later);
    m_boxes = later->m_boxes;
    m_last = later->m_last;
    return true;
}

SetWordsLabelCommand::SetWordsLabelCommand(ProjectSession* session, QList<WordId> words, std::optional<LabelId> label,
                                           EditOutcome* outcome)
    : StoreEditCommand(session, textOfLabel(session, words, label), outcome), m_words(std::move(words)), m_label(label)
{
}

Status SetWordsLabelCommand::perform(ProjectStore& store, long long group)
{
    return store.setWordsLabel(toVector(m_words), m_label, group);
}

AddWordCommand::AddWordCommand(ProjectSession* session, PageId page, const PixelBox& box, QString text,
                               EditOutcome* outcome)
    : StoreEditCommand(session, textOfAdd(text), outcome), m_page(page), m_box(box), m_text(std::move(text))
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
    : StoreEditCommand(session, StoreEditCommand::tr("Delete %1").arg(wordList(session, words)), outcome),
      m_words(std::move(words))
{
}

Status DeleteWordsCommand::perform(ProjectStore& store, long long group)
{
    return store.deleteWords(toVector(m_words), group);
}

MergeWordsCommand::MergeWordsCommand(ProjectSession* session, QList<WordId> words, EditOutcome* outcome)
    : StoreEditCommand(session, textOfMerge(session, words), outcome), m_words(std::move(words))
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
    : StoreEditCommand(session, textOfSplit(session, word, at), outcome), m_word(word), m_at(at)
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
    : StoreEditCommand(session,
                       remove.isEmpty() ? StoreEditCommand::tr("Re-OCR: add %n word(s)", nullptr, int(add.size()))
                                        : StoreEditCommand::tr("Re-OCR %1").arg(wordList(session, remove)),
                       outcome),
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
    : StoreEditCommand(session, textOfPageReview(session, page, review), outcome), m_page(page), m_review(review)
{
}

Status SetPageReviewCommand::perform(ProjectStore& store, long long group)
{
    return store.setPageReview(m_page, m_review, group);
}

SetWordsReviewedCommand::SetWordsReviewedCommand(ProjectSession* session, QList<WordId> words, bool reviewed,
                                                 EditOutcome* outcome)
    : StoreEditCommand(session,
                       reviewed ? StoreEditCommand::tr("Mark %1 reviewed").arg(wordList(session, words))
                                : StoreEditCommand::tr("Mark %1 not reviewed").arg(wordList(session, words)),
                       outcome),
      m_words(std::move(words)), m_reviewed(reviewed)
{
}

Status SetWordsReviewedCommand::perform(ProjectStore& store, long long group)
{
    return store.setWordsReviewed(toVector(m_words), m_reviewed, group);
}

AcceptWordCommand::AcceptWordCommand(ProjectSession* session, WordId word, EditOutcome* outcome)
    : StoreEditCommand(session, textOfAccept(session, word), outcome), m_word(word)
{
}

Status AcceptWordCommand::perform(ProjectStore& store, long long group)
{
    return store.acceptWord(m_word, group);
}

FormEditCommand::FormEditCommand(ProjectSession* session, const QString& text, Action action, EditOutcome* outcome)
    : StoreEditCommand(session, text, outcome), m_action(std::move(action))
{
}

Status FormEditCommand::perform(ProjectStore& store, long long group)
{
    const Result<long long> done = m_action(store, group);
    if (!done)
        return done.error();
    setCreatedId(*done);
    return okStatus();
}

} // namespace incidoc::ui
