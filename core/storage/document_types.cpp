// Document types (schema 5): the project's list with a processing profile each, and each document's type
// with how it got it. Not in the edit history: the app's undo puts a document's previous type back.
#include "core/storage/project_store_p.h"

#include <QJsonDocument>

namespace incidoc {

using namespace storage;

namespace {

TypeProfile storedProfile(const QString& text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    // A stored profile that no longer reads (edited by hand) counts as empty: the project's choice.
    return typeProfileFromJson(o).value_or(TypeProfile{});
}

void requireType(Db& db, const QString& name)
{
    Query q(db, "SELECT 1 FROM document_types WHERE name = ?1");
    q.bind(1, name);
    if (!q.next())
        fail(ErrorCode::NotFound, QStringLiteral("the project has no document type \"%1\"").arg(name));
}

} // namespace

Result<std::vector<DocumentType>> ProjectStore::documentTypes()
{
    return guarded<std::vector<DocumentType>>([&] {
        std::vector<DocumentType> out;
        if (m_impl->version < 5) {
            int position = 0;
            for (const QString& name : defaultDocumentTypes())
                out.push_back({name, {}, ++position, {}});
            return out;
        }
        Query q(m_impl->db, "SELECT name, title, position, profile FROM document_types ORDER BY position, name");
        while (q.next())
            out.push_back({q.text(0), q.text(1), q.i32(2), storedProfile(q.text(3))});
        return out;
    });
}

Status ProjectStore::addDocumentType(const QString& name, const QString& title)
{
    return guardedStatus([&] {
        if (!isValidTypeName(name))
            fail(ErrorCode::InvalidInput,
                 QStringLiteral("\"%1\" is not a valid type name (a-z, 0-9 and _, starting with a letter)").arg(name));
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT 1 FROM document_types WHERE name = ?1");
            q.bind(1, name);
            if (q.next())
                fail(ErrorCode::InvalidInput, QStringLiteral("the project has a type \"%1\" already").arg(name));
        }
        Query q(m_impl->db, "INSERT INTO document_types (name, title, position) "
                            "VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM document_types))");
        q.bind(1, name).bind(2, title.trimmed());
        q.run();
        tx.commit();
    });
}

Status ProjectStore::setDocumentTypeTitle(const QString& name, const QString& title)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        requireType(m_impl->db, name);
        Query q(m_impl->db, "UPDATE document_types SET title = ?2 WHERE name = ?1");
        q.bind(1, name).bind(2, title.trimmed());
        q.run();
        tx.commit();
    });
}

Status ProjectStore::setTypeProfile(const QString& name, const TypeProfile& profile)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        requireType(m_impl->db, name);
        Query q(m_impl->db, "UPDATE document_types SET profile = ?2 WHERE name = ?1");
        q.bind(1, name).bind(2, QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)));
        q.run();
        tx.commit();
    });
}

Status ProjectStore::removeDocumentType(const QString& name)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        requireType(m_impl->db, name);
        {
            Query q(m_impl->db, "UPDATE documents SET type = '', type_source = '', type_confidence = NULL "
                                "WHERE type = ?1");
            q.bind(1, name);
            q.run();
        }
        Query q(m_impl->db, "DELETE FROM document_types WHERE name = ?1");
        q.bind(1, name);
        q.run();
        tx.commit();
    });
}

Status ProjectStore::setDocumentType(DocumentId id, const QString& type, TypeSource source,
                                     std::optional<double> confidence)
{
    return guardedStatus([&] {
        Transaction tx(m_impl->db);
        {
            Query q(m_impl->db, "SELECT 1 FROM documents WHERE id = ?1");
            q.bind(1, id);
            if (!q.next())
                fail(ErrorCode::NotFound, QStringLiteral("document %1 does not exist").arg(id));
        }
        if (!type.isEmpty()) {
            Query q(m_impl->db, "SELECT 1 FROM document_types WHERE name = ?1");
            q.bind(1, type);
            if (!q.next())
                fail(ErrorCode::InvalidInput, QStringLiteral("the project has no document type \"%1\"").arg(type));
        }
        const TypeSource stored = type.isEmpty() ? TypeSource::None : source;
        Query q(m_impl->db, "UPDATE documents SET type = ?2, type_source = ?3, type_confidence = ?4 WHERE id = ?1");
        q.bind(1, id).bind(2, type).bind(3, toString(stored));
        if (stored == TypeSource::Predicted && confidence)
            q.bind(4, *confidence);
        else
            q.bind(4, nullptr);
        q.run();
        tx.commit();
    });
}

} // namespace incidoc
