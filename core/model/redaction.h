#pragma once
// Redaction: the kinds of sensitive data a redacted export replaces (core/redact/), and the marks a person
// makes on a page — a word, an entity or a region marked sensitive, or a finding overruled as not
// sensitive — as the project stores them (core/storage/schema_v7.sql). Boxes: page pixels.

#include "core/model/forms.h"
#include "core/model/geometry.h"
#include "core/model/records.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace incidoc {

/// What a sensitive value is; decides its pseudonym (core/redact/pseudonyms.h).
enum class SensitiveType {
    PersonName,   ///< "person_name": a fake name, token by token (first names for first names ...)
    DateOfBirth,  ///< "date_of_birth": shifted like every date (intervals within a document kept)
    Date,         ///< "date": any other date (incident, report): shifted
    Phone,        ///< "phone": a fake number of the same format
    Address,      ///< "address": a fake street address (number, street, city words)
    Email,        ///< "email": a fake address at example.com/.org
    VehiclePlate, ///< "vehicle_plate": same shape (letters for letters, digits for digits), passes the plate check
    Vin,          ///< "vin": a fake VIN with a valid check digit
    IdNumber,     ///< "id_number": case, badge, licence, SSN, policy numbers: same shape
    Signature,    ///< "signature": the image area blanked, its words' text "[signature]"
    Photo,        ///< "photo": a photo of a person: the image area blanked
    Other,        ///< "other": marked by a person without a type: "[redacted]" of the same shape
};

/// The stable names above, in that order.
QStringList sensitiveTypeNames();
QString toString(SensitiveType type);
std::optional<SensitiveType> sensitiveTypeFromString(const QString& name);
/// The English title ("Person name", "Date of birth", ...); the app translates it.
QString sensitiveTypeTitle(SensitiveType type);

using RedactionMarkId = long long;

/// What a mark is on.
enum class MarkTarget { Word, Entity, Region };
QString toString(MarkTarget target);                                 ///< "word", "entity", "region"
std::optional<MarkTarget> markTargetFromString(const QString& name); ///< nullopt: unknown

/// A person's decision on a page (table redaction_marks).
struct RedactionMark {
    RedactionMarkId id = 0;
    PageId pageId = 0;
    MarkTarget target = MarkTarget::Word;
    WordId word = 0;     ///< Word: the word marked (0 otherwise)
    EntityId entity = 0; ///< Entity: the entity marked (0 otherwise)
    /// Word: the word's box when marked (finds the word again after a re-OCR replaced it: the words whose
    /// centres lie in it); Entity: its words' box; Region: the region. Never empty.
    PixelBox box;
    bool sensitive = true; ///< false: "not sensitive" — overrules what the finder would redact there
    SensitiveType type = SensitiveType::Other; ///< sensitive marks: the kind (decides the pseudonym)
};

} // namespace incidoc
