#include "core/model/redaction.h"

#include <array>

namespace incidoc {

namespace {

struct TypeName {
    SensitiveType type;
    const char* name;
    const char* title;
};

constexpr std::array<TypeName, 12> kTypes{{
    {SensitiveType::PersonName, "person_name", "Person name"},
    {SensitiveType::DateOfBirth, "date_of_birth", "Date of birth"},
    {SensitiveType::Date, "date", "Date"},
    {SensitiveType::Phone, "phone", "Phone"},
    {SensitiveType::Address, "address", "Address"},
    {SensitiveType::Email, "email", "Email"},
    {SensitiveType::VehiclePlate, "vehicle_plate", "Vehicle plate"},
    {SensitiveType::Vin, "vin", "VIN"},
    {SensitiveType::IdNumber, "id_number", "ID number"},
    {SensitiveType::Signature, "signature", "Signature"},
    {SensitiveType::Photo, "photo", "Photo of a person"},
    {SensitiveType::Other, "other", "Other"},
}};

} // namespace

QStringList sensitiveTypeNames()
{
    QStringList names;
    for (const TypeName& t : kTypes)
        names << QString::fromLatin1(t.name);
    return names;
}

QString toString(SensitiveType type)
{
    for (const TypeName& t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.name);
    return QStringLiteral("other");
}

std::optional<SensitiveType> sensitiveTypeFromString(const QString& name)
{
    for (const TypeName& t : kTypes)
        if (name == QLatin1String(t.name))
            return t.type;
    return std::nullopt;
}

QString sensitiveTypeTitle(SensitiveType type)
{
    for (const TypeName& t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.title);
    return QStringLiteral("Other");
}

QString toString(MarkTarget target)
{
    switch (target) {
    case MarkTarget::Word: return QStringLiteral("word");
    case MarkTarget::Entity: return QStringLiteral("entity");
    case MarkTarget::Region: return QStringLiteral("region");
    }
    return QStringLiteral("word");
}

std::optional<MarkTarget> markTargetFromString(const QString& name)
{
    if (name == QLatin1String("word"))
        return MarkTarget::Word;
    if (name == QLatin1String("entity"))
        return MarkTarget::Entity;
    if (name == QLatin1String("region"))
        return MarkTarget::Region;
    return std::nullopt;
}

} // namespace incidoc
