#include "ui/project_session.h"

#include "core/import/form_proposals.h"
#include "core/review/line_align.h"
#include "core/storage/project_store.h"
#include "ui/editing/edit_commands.h"
#include "ui/editing/line_edit_command.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <iterator>
#include <set>

namespace incidoc::ui {

struct ProjectSession::Impl {
    std::unique_ptr<ProjectStore> store;
    QString path;
    bool readOnly = false;
    QUndoStack* undo = nullptr; // child of the session
    std::chrono::milliseconds mergeWindow{1500};
    std::vector<QString> vocabulary;
    bool vocabularyStale = true;
    QTimer* externalPoll = nullptr;                 ///< setExternalChangePolling
    std::optional<long long> dataVersion;           ///< as last seen
    std::optional<ProjectStore::ChangeMarks> marks; ///< as last seen
    QElapsedTimer vocabularyAge;                    ///< a large project is not read again more than every few seconds
};

Result<std::unique_ptr<ProjectSession>> ProjectSession::open(const QString& path, bool readOnly)
{
    auto store = ProjectStore::open(path, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    if (!store)
        return store.error();
    auto impl = std::make_unique<Impl>();
    impl->path = (*store)->path();
    impl->readOnly = readOnly;
    impl->store = std::move(*store);
    std::unique_ptr<ProjectSession> session(new ProjectSession(std::move(impl)));
    return session;
}

ProjectSession::ProjectSession(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
    m_impl->undo = new QUndoStack(this);
    connect(this, &ProjectSession::wordsChanged, this, [this] { m_impl->vocabularyStale = true; });
}

const std::vector<QString>& ProjectSession::vocabulary()
{
    if (m_impl->vocabularyStale
        && (!m_impl->vocabularyAge.isValid() || m_impl->vocabularyAge.elapsed() > 5000
            || m_impl->vocabulary.size() < 5000)) {
        m_impl->vocabularyAge.start();
        auto v = m_impl->store->vocabulary();
        m_impl->vocabulary = v ? std::move(*v) : std::vector<QString>{};
        m_impl->vocabularyStale = false;
    }
    return m_impl->vocabulary;
}

ProjectSession::~ProjectSession()
{
    // The commands refer to the store: drop them before it closes.
    delete m_impl->undo;
    m_impl->undo = nullptr;
}

QString ProjectSession::path() const
{
    return m_impl->path;
}
bool ProjectSession::isReadOnly() const
{
    return m_impl->readOnly;
}
ProjectStore& ProjectSession::store()
{
    return *m_impl->store;
}
QUndoStack* ProjectSession::undoStack() const
{
    return m_impl->undo;
}

// ---- reads: a failed read is reported and reads as empty ------------------------------------------------

std::vector<DocumentRecord> ProjectSession::documents()
{
    auto r = m_impl->store->documents();
    if (!r) {
        Q_EMIT errorOccurred(tr("Could not read the documents: %1").arg(r.error().message));
        return {};
    }
    return std::move(r).value();
}

std::vector<PageRecord> ProjectSession::pages(DocumentId document)
{
    auto r = m_impl->store->pages(document);
    if (!r) {
        Q_EMIT errorOccurred(tr("Could not read the pages: %1").arg(r.error().message));
        return {};
    }
    return std::move(r).value();
}

std::optional<PageRecord> ProjectSession::page(PageId page)
{
    auto r = m_impl->store->page(page);
    if (!r)
        return std::nullopt; // a page that does not (or no longer) exist: not an error to show
    return std::move(r).value();
}

std::optional<DocumentRecord> ProjectSession::document(DocumentId document)
{
    auto r = m_impl->store->document(document);
    if (!r)
        return std::nullopt;
    return std::move(r).value();
}

std::vector<WordRecord> ProjectSession::words(PageId page)
{
    auto r = m_impl->store->words(page);
    if (!r) {
        Q_EMIT errorOccurred(tr("Could not read the words of the page: %1").arg(r.error().message));
        return {};
    }
    return std::move(r).value();
}

std::vector<LabelRecord> ProjectSession::labels()
{
    auto r = m_impl->store->labels();
    if (!r) {
        Q_EMIT errorOccurred(tr("Could not read the labels: %1").arg(r.error().message));
        return {};
    }
    return std::move(r).value();
}

std::vector<SearchHit> ProjectSession::search(const QString& text, int limit)
{
    auto r = m_impl->store->searchWords(text, limit);
    if (!r) {
        Q_EMIT errorOccurred(tr("Search failed: %1").arg(r.error().message));
        return {};
    }
    std::vector<SearchHit> hits;
    hits.reserve(r->size());
    for (const WordHit& h : *r)
        hits.push_back({h.documentId, h.pageId, h.pageNumber, h.word.id, h.word.text, h.word.box});
    return hits;
}

std::optional<SearchHit> ProjectSession::flaggedWord(WordId from, bool forward, PageId page)
{
    auto r = m_impl->store->flaggedWord(from, forward, page);
    if (!r) {
        Q_EMIT errorOccurred(tr("Could not find the next flagged word: %1").arg(r.error().message));
        return std::nullopt;
    }
    if (!*r)
        return std::nullopt;
    const WordHit& h = **r;
    return SearchHit{h.documentId, h.pageId, h.pageNumber, h.word.id, h.word.text, h.word.box};
}

std::optional<SearchHit> ProjectSession::wordToCheck(const ReviewQueueRule& rule, WordId from, bool forward,
                                                     PageId page, bool* wrapped)
{
    auto r = m_impl->store->wordToCheck(rule, from, forward, page, wrapped);
    if (!r) {
        Q_EMIT errorOccurred(tr("Could not find the next word to check: %1").arg(r.error().message));
        return std::nullopt;
    }
    if (!*r)
        return std::nullopt;
    const WordHit& h = **r;
    return SearchHit{h.documentId, h.pageId, h.pageNumber, h.word.id, h.word.text, h.word.box};
}

int ProjectSession::wordsToCheckCount(const ReviewQueueRule& rule, DocumentId document)
{
    auto r = m_impl->store->wordsToCheckCount(rule, document);
    return r ? *r : 0;
}

int ProjectSession::flaggedWordCount(PageId page)
{
    auto r = m_impl->store->flaggedWordCount(page);
    return r ? *r : 0;
}

bool ProjectSession::hasOtherReadings()
{
    auto r = m_impl->store->hasOtherReadings();
    return r && *r;
}

// ---- mutations ------------------------------------------------------------------------------------------

namespace {

// Pushes a command and reports what its first redo did. `outcome` is filled during push.
bool pushCommand(QUndoStack* stack, StoreEditCommand* command, const EditOutcome& outcome)
{
    stack->push(command); // runs redo(): the action; an obsolete (failed or no-op) command is deleted
    return outcome.ok;
}

} // namespace

#define INCIDOC_REQUIRE_WRITABLE(ret)                                                                                  \
    if (m_impl->readOnly) {                                                                                            \
        Q_EMIT errorOccurred(ProjectSession::tr("The project is open read-only: changes cannot be saved."));           \
        return ret;                                                                                                    \
    }

bool ProjectSession::setWordText(WordId word, const QString& text)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new SetWordTextCommand(this, word, text, &outcome), outcome);
}

bool ProjectSession::setWordBox(WordId word, const PixelBox& box)
{
    return setWordBoxes({{word, box}});
}

bool ProjectSession::setWordBoxes(const std::vector<std::pair<WordId, PixelBox>>& boxes)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (boxes.empty())
        return true;
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new SetWordsBoxCommand(this, boxes, &outcome), outcome);
}

std::chrono::milliseconds ProjectSession::undoMergeWindow() const
{
    return m_impl->mergeWindow;
}

void ProjectSession::setUndoMergeWindow(std::chrono::milliseconds window)
{
    m_impl->mergeWindow = window;
}

bool ProjectSession::setWordsLabel(const QList<WordId>& words, std::optional<LabelId> label)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (words.isEmpty())
        return true;
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new SetWordsLabelCommand(this, words, label, &outcome), outcome);
}

WordId ProjectSession::addWord(PageId page, const PixelBox& box, const QString& text)
{
    INCIDOC_REQUIRE_WRITABLE(0)
    EditOutcome outcome;
    if (!pushCommand(m_impl->undo, new AddWordCommand(this, page, box, text, &outcome), outcome))
        return 0;
    return outcome.createdWord;
}

bool ProjectSession::deleteWords(const QList<WordId>& words)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (words.isEmpty())
        return true;
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new DeleteWordsCommand(this, words, &outcome), outcome);
}

bool ProjectSession::mergeWords(const QList<WordId>& words)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new MergeWordsCommand(this, words, &outcome), outcome);
}

bool ProjectSession::splitWord(WordId word, int at)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new SplitWordCommand(this, word, at, &outcome), outcome);
}

std::optional<ReplaceOutcome> ProjectSession::replaceWordsByOcr(PageId page, const QList<WordId>& selection,
                                                                const std::vector<RecognizedWord>& read)
{
    INCIDOC_REQUIRE_WRITABLE(std::nullopt)
    ReplaceOutcome out;
    QList<WordId> remove;
    std::vector<PixelBox> staying; // every word of the page that is not replaced
    for (const WordRecord& w : words(page)) {
        const bool selected = selection.contains(w.id);
        const bool protectedWord = w.edited || w.source == WordSource::User;
        if (selected && !protectedWord) {
            remove << w.id;
            continue;
        }
        out.kept += selected;
        staying.push_back(w.box);
    }
    std::vector<WordRecord> add;
    for (const RecognizedWord& r : read) {
        const bool overlaps =
            std::any_of(staying.begin(), staying.end(), [&](const PixelBox& b) { return b.iou(r.box) >= 0.5; });
        if (overlaps)
            continue;
        WordRecord w;
        w.text = r.text;
        w.box = r.box;
        w.chars = r.chars;
        add.push_back(std::move(w));
    }
    out.removed = static_cast<int>(remove.size());
    if (remove.isEmpty() && add.empty())
        return out; // nothing to change: no undo step
    EditOutcome outcome;
    auto* command = new ReplaceWordsCommand(this, page, remove, add, &outcome);
    if (!pushCommand(m_impl->undo, command, outcome))
        return std::nullopt;
    out.added = outcome.createdWords;
    return out;
}

std::optional<QList<WordId>> ProjectSession::setLineText(PageId page, const QList<WordId>& lineWords,
                                                         const QString& text, const LineInk* ink)
{
    INCIDOC_REQUIRE_WRITABLE(std::nullopt)
    std::vector<WordRecord> line; // in the page's reading order, whatever order the ids came in
    for (WordRecord& w : words(page))
        if (lineWords.contains(w.id))
            line.push_back(std::move(w));
    if (line.empty()) {
        Q_EMIT errorOccurred(tr("The words of this line are no longer on the page."));
        return std::nullopt;
    }
    std::vector<LineWord> old;
    QList<WordId> ids;
    for (const WordRecord& w : line) {
        old.push_back({w.text, w.box});
        ids << w.id;
    }
    LineAlignment alignment = alignLine(old, text, ink ? *ink : LineInk{});
    const bool unchanged = alignment.removed.empty() && alignment.words.size() == line.size()
                           && std::all_of(alignment.words.begin(), alignment.words.end(),
                                          [](const AlignedWord& w) { return w.change == LineChange::Same; });
    if (unchanged)
        return ids; // nothing to change: no undo step
    EditOutcome outcome;
    auto* command = new SetLineTextCommand(this, page, std::move(line), std::move(alignment), &outcome);
    if (!pushCommand(m_impl->undo, command, outcome))
        return std::nullopt;
    return outcome.createdWords;
}

bool ProjectSession::setPageReview(PageId page, ReviewStatus review)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new SetPageReviewCommand(this, page, review, &outcome), outcome);
}

bool ProjectSession::setWordsReviewed(const QList<WordId>& words, bool reviewed)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (words.isEmpty())
        return true;
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new SetWordsReviewedCommand(this, words, reviewed, &outcome), outcome);
}

bool ProjectSession::acceptWord(WordId word)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    EditOutcome outcome;
    return pushCommand(m_impl->undo, new AcceptWordCommand(this, word, &outcome), outcome);
}

// ---- forms -------------------------------------------------------------------------------------------

PageForm ProjectSession::form(PageId page)
{
    auto f = m_impl->store->pageForm(page);
    return f ? std::move(f).value() : PageForm{};
}

namespace {

long long pushForm(ProjectSession* session, QUndoStack* stack, const QString& text, FormEditCommand::Action action)
{
    EditOutcome outcome;
    stack->push(new FormEditCommand(session, text, std::move(action), &outcome));
    if (!outcome.ok)
        return -1;
    return outcome.createdId;
}

Result<long long> noId(const Status& done)
{
    if (!done)
        return done.error();
    return 0LL;
}

/// Reads each entity, lets `change` edit it (false: leave it) and stores it, all in `group`.
template <typename Change>
Status changeEntities(ProjectStore& store, long long group, const std::vector<EntityId>& ids, bool skipMissing,
                      Change change)
{
    for (EntityId id : ids) {
        auto e = store.entity(id);
        if (!e)
            return e.error();
        if (!*e) {
            if (skipMissing)
                continue;
            return makeError(ErrorCode::NotFound, QStringLiteral("entity %1 no longer exists").arg(id));
        }
        EntityRecord changed = **e;
        if (!change(changed))
            continue;
        if (Status done = store.updateEntity(changed, group); !done)
            return done;
    }
    return okStatus();
}

QString entityName(ProjectSession* session, EntityId id)
{
    auto e = session->store().entity(id);
    if (!e || !*e)
        return ProjectSession::tr("an entity");
    return StoreEditCommand::quoted((*e)->text);
}

} // namespace

EntityId ProjectSession::groupWords(const QList<WordId>& words, const QString& label)
{
    INCIDOC_REQUIRE_WRITABLE(0)
    if (words.isEmpty())
        return 0;
    auto first = m_impl->store->word(words.front());
    if (!first || !*first) {
        Q_EMIT errorOccurred(tr("Could not group the words: word %1 no longer exists").arg(words.front()));
        return 0;
    }
    // The entity's words in reading order.
    std::vector<WordRecord> pageWords = this->words((*first)->pageId);
    EntityRecord e;
    e.pageId = (*first)->pageId;
    e.label = label;
    e.source = userSource();
    for (const WordRecord& w : pageWords)
        if (words.contains(w.id))
            e.words.push_back(w.id);
    if (e.words.size() != static_cast<std::size_t>(words.size()))
        e.words.assign(words.begin(), words.end()); // the store names the word that is not on the page
    const QString text = tr("Group %1").arg(StoreEditCommand::wordList(this, words));
    const long long id = pushForm(this, m_impl->undo, text,
                                  [e](ProjectStore& store, long long group) { return store.addEntity(e, group); });
    return id > 0 ? id : 0;
}

bool ProjectSession::ungroup(const QList<EntityId>& entities)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (entities.isEmpty())
        return true;
    const QString text = entities.size() == 1 ? tr("Ungroup %1").arg(entityName(this, entities.front()))
                                              : tr("Ungroup %n entities", nullptr, static_cast<int>(entities.size()));
    const std::vector<EntityId> ids(entities.begin(), entities.end());
    return pushForm(this, m_impl->undo, text,
                    [ids](ProjectStore& store, long long group) -> Result<long long> {
                        const Status done = store.deleteEntities(ids, group);
                        if (!done)
                            return done.error();
                        return 0LL;
                    })
           >= 0;
}

bool ProjectSession::setEntitiesLabel(const QList<EntityId>& entities, const QString& label)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (entities.isEmpty())
        return true;
    const QString what = entities.size() == 1 ? entityName(this, entities.front())
                                              : tr("%n entities", nullptr, static_cast<int>(entities.size()));
    const QString text = label.isEmpty() ? tr("No label on %1").arg(what) : tr("Label %1 on %2").arg(label, what);
    const std::vector<EntityId> ids(entities.begin(), entities.end());
    return pushForm(this, m_impl->undo, text,
                    [ids, label](ProjectStore& store, long long group) {
                        return noId(changeEntities(store, group, ids, false, [&](EntityRecord& e) {
                            e.label = label;
                            e.proposed = false; // labelling a proposal accepts it
                            return true;
                        }));
                    })
           >= 0;
}

bool ProjectSession::setEntityField(EntityId entity, const QString& field)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    const QString text = field.isEmpty() ? tr("No field on %1").arg(entityName(this, entity))
                                         : tr("Field %1 on %2").arg(field, entityName(this, entity));
    return pushForm(this, m_impl->undo, text,
                    [entity, field](ProjectStore& store, long long group) {
                        return noId(changeEntities(store, group, {entity}, false, [&](EntityRecord& e) {
                            e.field = field;
                            e.proposed = false;
                            return true;
                        }));
                    })
           >= 0;
}

LinkId ProjectSession::linkEntities(EntityId from, EntityId to, const QString& type)
{
    INCIDOC_REQUIRE_WRITABLE(0)
    const QString text = tr("Link %1 → %2").arg(entityName(this, from), entityName(this, to));
    LinkRecord l;
    l.from = from;
    l.to = to;
    l.type = type.isEmpty() ? defaultLinkType() : type;
    l.source = userSource();
    const long long id = pushForm(this, m_impl->undo, text,
                                  [l](ProjectStore& store, long long group) { return store.addLink(l, group); });
    return id > 0 ? id : 0;
}

QStringList ProjectSession::linkTypes()
{
    auto setting = m_impl->store->meta(QString::fromLatin1(kLinkTypesKey));
    return linkTypesFrom(setting && *setting ? **setting : QString());
}

bool ProjectSession::addLinkType(const QString& type)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    const QStringList now = linkTypes();
    const QStringList added = linkTypesFrom(now.join(QLatin1Char(',')) + QLatin1Char(',') + type);
    if (added.size() == now.size()) {
        if (now.contains(type.trimmed().toLower()))
            return true;
        Q_EMIT errorOccurred(tr("A link type is made of lower-case letters, digits and _: %1").arg(type));
        return false;
    }
    const Status done = m_impl->store->setMeta(QString::fromLatin1(kLinkTypesKey), added.join(QLatin1Char(',')));
    if (!done) {
        Q_EMIT errorOccurred(tr("Could not save the link types: %1").arg(done.error().message));
        return false;
    }
    return true;
}

bool ProjectSession::deleteLinks(const QList<LinkId>& links)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (links.isEmpty())
        return true;
    const std::vector<LinkId> ids(links.begin(), links.end());
    return pushForm(this, m_impl->undo, tr("Delete %n link(s)", nullptr, static_cast<int>(links.size())),
                    [ids](ProjectStore& store, long long group) { return noId(store.deleteLinks(ids, group)); })
           >= 0;
}

bool ProjectSession::acceptProposals(const QList<EntityId>& entities, const QList<LinkId>& links)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (entities.isEmpty() && links.isEmpty())
        return true;
    const std::vector<EntityId> entityIds(entities.begin(), entities.end());
    const std::vector<LinkId> linkIds(links.begin(), links.end());
    const QString text = tr("Accept %n proposal(s)", nullptr, static_cast<int>(entities.size() + links.size()));
    return pushForm(this, m_impl->undo, text,
                    [entityIds, linkIds](ProjectStore& store, long long group) -> Result<long long> {
                        std::vector<EntityId> ends = entityIds;
                        for (LinkId id : linkIds) {
                            auto l = store.link(id);
                            if (!l)
                                return l.error();
                            if (!*l)
                                return makeError(ErrorCode::NotFound,
                                                 QStringLiteral("link %1 no longer exists").arg(id));
                            ends.push_back((*l)->from);
                            ends.push_back((*l)->to);
                            LinkRecord changed = **l;
                            changed.proposed = false;
                            const Status done = store.updateLink(changed, group);
                            if (!done)
                                return done.error();
                        }
                        return noId(changeEntities(store, group, ends, true, [](EntityRecord& e) {
                            const bool was = e.proposed;
                            e.proposed = false;
                            return was;
                        }));
                    })
           >= 0;
}

bool ProjectSession::rejectProposals(const QList<EntityId>& entities, const QList<LinkId>& links)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (entities.isEmpty() && links.isEmpty())
        return true;
    const std::vector<EntityId> entityIds(entities.begin(), entities.end());
    const std::vector<LinkId> linkIds(links.begin(), links.end());
    const QString text = tr("Reject %n proposal(s)", nullptr, static_cast<int>(entities.size() + links.size()));
    return pushForm(this, m_impl->undo, text,
                    [entityIds, linkIds](ProjectStore& store, long long group) -> Result<long long> {
                        if (!linkIds.empty()) {
                            const Status done = store.deleteLinks(linkIds, group);
                            if (!done)
                                return done.error();
                        }
                        if (!entityIds.empty()) {
                            const Status done = store.deleteEntities(entityIds, group);
                            if (!done)
                                return done.error();
                        }
                        return 0LL;
                    })
           >= 0;
}

bool ProjectSession::addForm(PageId page, const PageForm& form, const QString& what)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (form.entities.empty())
        return true;
    return pushForm(this, m_impl->undo, what,
                    [page, form](ProjectStore& store, long long group) -> Result<long long> {
                        auto ids = store.addForm(page, form, group);
                        if (!ids)
                            return ids.error();
                        return 0LL;
                    })
           >= 0;
}

std::pair<int, int> ProjectSession::proposeOnPage(PageId page)
{
    INCIDOC_REQUIRE_WRITABLE((std::pair{-1, 0}))
    QImage image;
    if (auto p = this->page(page))
        if (auto d = document(p->documentId))
            image = proposalImage(*d, *p);
    ProposalCounts made;
    const long long done = pushForm(this, m_impl->undo, tr("Propose entities and links"),
                                    [&](ProjectStore& store, long long group) -> Result<long long> {
                                        auto counts =
                                            incidoc::proposeOnPage(store, page, ProposeOptions{}, image, group);
                                        if (!counts)
                                            return counts.error();
                                        made = *counts;
                                        return 0LL;
                                    });
    if (done < 0)
        return {-1, 0};
    return {made.entities, made.links};
}

std::tuple<int, int, int> ProjectSession::carryFormFrom(PageId from)
{
    INCIDOC_REQUIRE_WRITABLE((std::tuple{-1, 0, 0}))
    auto source = carrySource(*m_impl->store, from);
    if (!source) {
        Q_EMIT errorOccurred(tr("Could not carry the form: %1").arg(source.error().message));
        return {-1, 0, 0};
    }
    int pages = 0;
    ProposalCounts made;
    const long long done = pushForm(this, m_impl->undo, tr("Carry the form to pages with the same layout"),
                                    [&](ProjectStore& store, long long group) -> Result<long long> {
                                        auto documents = store.documents();
                                        if (!documents)
                                            return documents.error();
                                        for (const DocumentRecord& d : *documents) {
                                            auto list = store.pages(d.id);
                                            if (!list)
                                                return list.error();
                                            for (const PageRecord& p : *list) {
                                                if (p.status != PageStatus::Done || p.id == from)
                                                    continue;
                                                auto counts = carryOntoPage(store, *source, p.id, false, group);
                                                if (!counts)
                                                    return counts.error();
                                                pages += counts->entities > 0 ? 1 : 0;
                                                made.entities += counts->entities;
                                                made.links += counts->links;
                                            }
                                        }
                                        return 0LL;
                                    });
    if (done < 0)
        return {-1, 0, 0};
    return {pages, made.entities, made.links};
}

// Labels are project settings, not word edits: saved at once, not on the undo stack.
bool ProjectSession::addLabel(const LabelRecord& label)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    auto id = m_impl->store->addLabel(label);
    if (!id) {
        Q_EMIT errorOccurred(tr("Could not add the label: %1").arg(id.error().message));
        return false;
    }
    Q_EMIT labelsChanged();
    return true;
}

bool ProjectSession::updateLabel(const LabelRecord& label)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    const Status done = m_impl->store->updateLabel(label);
    if (!done) {
        Q_EMIT errorOccurred(tr("Could not change the label: %1").arg(done.error().message));
        return false;
    }
    Q_EMIT labelsChanged();
    return true;
}

int ProjectSession::labelWordCount(LabelId label)
{
    auto n = m_impl->store->labelWordCount(label);
    return n ? *n : -1;
}

bool ProjectSession::deleteLabel(LabelId label)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    // The words' history entries are written, but the deletion is not on the undo stack: an undo or
    // redo that would give a word the deleted label gives it none instead (ProjectStore).
    auto group = m_impl->store->deleteLabel(label);
    if (!group) {
        Q_EMIT errorOccurred(tr("Could not delete the label: %1").arg(group.error().message));
        return false;
    }
    std::set<PageId> pages;
    if (*group != 0)
        if (auto edits = m_impl->store->editGroup(*group))
            for (const EditRecord& e : *edits)
                pages.insert(e.pageId);
    Q_EMIT labelsChanged();
    for (PageId page : pages)
        Q_EMIT wordsChanged(page);
    return true;
}

bool ProjectSession::setWordsFlagged(PageId page, const QList<WordId>& words, bool flagged)
{
    INCIDOC_REQUIRE_WRITABLE(false)
    if (words.isEmpty())
        return true;
    const Status done = m_impl->store->setWordsFlagged(std::vector<WordId>(words.begin(), words.end()), flagged);
    if (!done) {
        Q_EMIT errorOccurred(tr("Could not flag the words for review: %1").arg(done.error().message));
        return false;
    }
    Q_EMIT wordsChanged(page);
    return true;
}

#undef INCIDOC_REQUIRE_WRITABLE

// ---- from the pipeline ----------------------------------------------------------------------------------

void ProjectSession::notifyPageProcessed(DocumentId document, PageId page)
{
    Q_UNUSED(document)
    Q_EMIT wordsChanged(page);
    Q_EMIT pageChanged(page);
}

void ProjectSession::notifyDocumentsChanged()
{
    Q_EMIT documentsChanged();
}

void ProjectSession::notifyTypeProfilesChanged(const ProfileScope& scope)
{
    Q_EMIT typeProfilesChanged(scope);
}

// ---- what other connections wrote ----------------------------------------------------------------------

void ProjectSession::setExternalChangePolling(int intervalMs)
{
    if (intervalMs <= 0) {
        delete m_impl->externalPoll;
        m_impl->externalPoll = nullptr;
        return;
    }
    if (!m_impl->externalPoll) {
        m_impl->externalPoll = new QTimer(this);
        connect(m_impl->externalPoll, &QTimer::timeout, this, [this] { checkExternalChanges(); });
        checkExternalChanges(); // the marks to compare with
    }
    m_impl->externalPoll->start(intervalMs);
}

bool ProjectSession::checkExternalChanges()
{
    const auto version = m_impl->store->dataVersion();
    if (!version || (m_impl->dataVersion && *m_impl->dataVersion == *version))
        return false;
    const bool first = !m_impl->dataVersion.has_value();
    m_impl->dataVersion = *version;
    auto marks = m_impl->store->changeMarks();
    if (!marks)
        return false;
    const std::optional<ProjectStore::ChangeMarks> before = std::exchange(m_impl->marks, *marks);
    if (first || !before)
        return false;
    if (marks->documents != before->documents || marks->lastDocument != before->lastDocument
        || marks->unfinishedPages != before->unfinishedPages)
        Q_EMIT documentsChanged();
    // Pages that were waiting and are not any more: finished (or gone) elsewhere.
    std::vector<PageId> finished;
    std::set_difference(before->unfinishedPages.begin(), before->unfinishedPages.end(), marks->unfinishedPages.begin(),
                        marks->unfinishedPages.end(), std::back_inserter(finished));
    for (PageId page : finished) {
        Q_EMIT wordsChanged(page);
        Q_EMIT pageChanged(page);
    }
    Q_EMIT changedElsewhere();
    return true;
}

// ---- documents ------------------------------------------------------------------------------------------

bool ProjectSession::isFailedDocument(DocumentId document)
{
    const auto failed = m_impl->store->isFailedDocument(document);
    return failed && *failed;
}

bool ProjectSession::removeDocument(DocumentId document)
{
    if (m_impl->readOnly) {
        Q_EMIT errorOccurred(tr("The project is open read-only: changes cannot be saved."));
        return false;
    }
    if (!isFailedDocument(document)) {
        Q_EMIT errorOccurred(tr("Only a document that failed can be removed."));
        return false;
    }
    if (const Status removed = m_impl->store->removeDocument(document); !removed) {
        Q_EMIT errorOccurred(tr("Could not remove the document: %1").arg(removed.error().message));
        return false;
    }
    Q_EMIT documentsChanged();
    return true;
}

} // namespace incidoc::ui
