#include "ui/review/field_flagger.h"

#include "core/export/form_checks.h"
#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <unordered_set>

namespace incidoc::ui {

FieldFlagger::FieldFlagger(ProjectSession* session, QObject* parent) : QObject(parent), m_session(session)
{
    if (auto p = projectPatterns(session->store()))
        m_patterns = *p;
    if (auto entities = session->store().fieldEntities())
        for (const auto& [page, entity] : *entities)
            m_seen[entity.id] = Seen{page.id, entity.field, entity.text};
    // A word edit changes the text of its entity; a form edit its field. Both come here after the change
    // is written (and again after its undo).
    connect(session, &ProjectSession::formChanged, this, &FieldFlagger::checkPage);
    connect(session, &ProjectSession::wordsChanged, this, &FieldFlagger::checkPage);
}

void FieldFlagger::setPatterns(const FieldPatterns& patterns)
{
    m_patterns = patterns;
    auto entities = m_session->store().fieldEntities();
    if (!entities)
        return;
    for (const auto& [page, entity] : *entities) {
        m_seen[entity.id] = Seen{page.id, entity.field, entity.text};
        apply(page.id, entity);
    }
}

void FieldFlagger::checkPage(PageId page)
{
    if (m_session->isReadOnly())
        return;
    const PageForm form = m_session->form(page);
    std::unordered_set<EntityId> present;
    std::vector<const EntityRecord*> changed;
    for (const EntityRecord& e : form.entities) {
        present.insert(e.id);
        auto it = m_seen.find(e.id);
        const bool differs =
            it == m_seen.end() ? !e.field.isEmpty() : it->second.field != e.field || it->second.text != e.text;
        if (!differs)
            continue;
        if (e.field.isEmpty())
            m_seen.erase(e.id);
        else
            m_seen[e.id] = Seen{page, e.field, e.text};
        changed.push_back(&e);
    }
    std::erase_if(m_seen, [&](const auto& seen) { return seen.second.page == page && !present.count(seen.first); });
    // After the bookkeeping: flagging emits wordsChanged, which comes back here and finds nothing new.
    for (const EntityRecord* e : changed)
        apply(page, *e);
}

void FieldFlagger::apply(PageId page, const EntityRecord& entity)
{
    const bool invalid = !entity.field.isEmpty() && !checkField(entity.field, entity.text, m_patterns).valid;
    std::unordered_set<WordId> mine(entity.words.begin(), entity.words.end());
    QList<WordId> toChange;
    for (const WordRecord& w : m_session->words(page)) {
        if (!mine.count(w.id))
            continue;
        if (invalid && !w.flagged)
            toChange << w.id;
        else if (!invalid && w.flagged && w.alternatives.empty())
            toChange << w.id;
    }
    if (!toChange.isEmpty())
        m_session->setWordsFlagged(page, toChange, invalid);
}

} // namespace incidoc::ui
