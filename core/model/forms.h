#pragma once
// Forms: entities (ordered groups of words on one page with a label) and links (directed, typed relations
// between two entities of a page), as the project stores them (core/storage/schema_v4.sql) and the
// exports, imports and proposals see them. Boxes are in page pixels (core/model/geometry.h).

#include "core/model/geometry.h"
#include "core/model/records.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace incidoc {

using EntityId = long long;
using LinkId = long long;

/// FUNSD's entity labels (what form-understanding datasets train on). An entity's `label` is one of
/// these or "" (not labelled yet).
inline QStringList entityRoles()
{
    return {QStringLiteral("header"), QStringLiteral("question"), QStringLiteral("answer"), QStringLiteral("other")};
}

/// The link type made when nothing else is asked for: a key (question) to its value (answer).
inline QString defaultLinkType()
{
    return QStringLiteral("key_value");
}

/// The project setting (meta key) listing the link types a person can make, comma-separated; the default
/// type is always one of them.
inline constexpr char kLinkTypesKey[] = "link_types";

/// The link types of a project from its `link_types` setting (nullopt or empty: the default alone): the
/// default first, then the others in their order, each once; names are lower-case letters, digits and '_'.
inline QStringList linkTypesFrom(const QString& setting)
{
    QStringList types{defaultLinkType()};
    for (QString t : setting.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        t = t.trimmed().toLower();
        bool ok = !t.isEmpty();
        for (QChar c : t)
            ok = ok && ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit() || c == QLatin1Char('_'));
        if (ok && !types.contains(t))
            types << t;
    }
    return types;
}

/// Where an entity or link came from (`source`): drawn by a person, proposed by Incidoc from the layout,
/// carried from another page with the same layout, or imported ("import:funsd", "import:page", ...).
inline QString userSource()
{
    return QStringLiteral("user");
}
inline QString proposalSource()
{
    return QStringLiteral("proposal");
}
inline QString carriedSource()
{
    return QStringLiteral("carried");
}

struct EntityRecord {
    EntityId id = 0;
    PageId pageId = 0;
    QString label;             ///< entityRoles() or "" (unlabelled)
    QString field;             ///< typed incident field (core/forms/fields.h: "person_name", "vin", ...) or ""
    std::vector<WordId> words; ///< the entity's words in its own order (reading order unless imported)
    QString source;            ///< userSource(), proposalSource(), carriedSource(), "import:<format>"
    bool proposed = false;     ///< a proposal nobody accepted yet (accepting clears it)
    QString externalId;        ///< its id in the file it was imported from ("" otherwise)
    /// The entity's text as imported when it differs from its words joined with spaces; nullopt: the words.
    std::optional<QString> storedText;

    // Filled by reads (not stored):
    QString text; ///< storedText, else its words' texts joined with spaces
    PixelBox box; ///< union of its words' boxes (empty when it has none)
};

struct LinkRecord {
    LinkId id = 0;
    PageId pageId = 0;
    EntityId from = 0, to = 0;        ///< directed: from the key (question) to the value (answer)
    QString type = defaultLinkType(); ///< defaultLinkType() or a type the project configured
    QString source;                   ///< as EntityRecord::source
    bool proposed = false;
};

/// A page's form: its entities (in reading order of their first words) and links.
struct PageForm {
    std::vector<EntityRecord> entities;
    std::vector<LinkRecord> links;
};

} // namespace incidoc
