#pragma once
// Invalid typed values into the review queue: when an entity's typed field or its text changes (a field
// set or changed, a word of it edited, an undo), its value is checked again under the project's patterns;
// an invalid value flags its words for review (Tab visits them), a value that became valid (or lost its
// field) clears the flags this set. Words that carry another engine's reading keep their flag: that one
// is the readers' disagreement, not the field's. Values nobody changed since the project opened are left
// as they are (a person may have accepted a word the validator does not like: it is not flagged again).
//
// Thread contract: GUI thread only.

#include "core/forms/fields.h"
#include "core/model/forms.h"

#include <QObject>

#include <unordered_map>

namespace incidoc::ui {

class ProjectSession;

class FieldFlagger : public QObject {
    Q_OBJECT
public:
    /// Reads the project's patterns and the typed values as they are now (nothing is flagged here).
    explicit FieldFlagger(ProjectSession* session, QObject* parent = nullptr);

    const FieldPatterns& patterns() const { return m_patterns; }
    /// New patterns: every typed value is checked again and flagged or cleared.
    void setPatterns(const FieldPatterns& patterns);
    /// Checks the entities of `page` against what was seen before; changed values are flagged or cleared.
    void checkPage(PageId page);

private:
    struct Seen {
        PageId page = 0;
        QString field;
        QString text;
    };
    /// Flags or clears the words of `entity` (on `page`) as its value is valid or not.
    void apply(PageId page, const EntityRecord& entity);

    ProjectSession* m_session;
    FieldPatterns m_patterns;
    std::unordered_map<EntityId, Seen> m_seen; ///< the entities with a typed field, as last checked
};

} // namespace incidoc::ui
