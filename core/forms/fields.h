#pragma once
// Typed incident fields: the field set an entity can carry (EntityRecord::field), each with a validator,
// and the checks across the pages and documents of a project (the same case number on every page of a
// document, the same person with the same date of birth, dates in a plausible order).
//
// Threading: every function is reentrant (no shared state).

#include "core/model/forms.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace incidoc {

/// The typed fields, in the order the app lists them: "case_number", "incident_date", "incident_time",
/// "location", "officer", "badge_number", "person_name", "date_of_birth", "phone", "vehicle_plate", "vin",
/// "make_model", "narrative".
QStringList fieldNames();

/// The field's English title ("Date of birth"); the app translates it. "" for an unknown name.
QString fieldTitle(const QString& field);

/// Per-project patterns (project settings): regular expressions a whole value must match; "" accepts the
/// field's default shape.
struct FieldPatterns {
    QString caseNumber;
    QString vehiclePlate;
};

/// What a validator says about one value.
struct FieldCheck {
    bool valid = true;
    QString normalized;        ///< the value in a canonical form ("1988-07-22" for a date, "+1 555 010 4477" ...)
    QString problem;           ///< English, for a person: why the value is not valid ("" when valid)
    std::optional<QDate> date; ///< dates (incident_date, date_of_birth): the date read, when one was
};

/// Validates `value` as field `field`. Unknown fields and free-text fields (location, officer, narrative,
/// make_model, person_name beyond "has letters") are valid when not empty.
FieldCheck checkField(const QString& field, const QString& value, const FieldPatterns& patterns = {});

/// ISO 3779 / North American VIN check digit of a 17-character VIN ('0'-'9' or 'X'); '\0' when the VIN has
/// letters I, O, Q or a character that is not a letter or digit, or is not 17 characters long.
char vinCheckDigit(const QString& vin);

/// One typed field's value somewhere in the project: what the cross checks read.
struct FieldValue {
    DocumentId document = 0;
    PageId page = 0;
    int pageNumber = 0;
    EntityId entity = 0;
    QString field;
    QString value;
    PixelBox box;
};

/// A problem a person should look at, with where it is.
struct FormFinding {
    QString kind;    ///< "invalid", "case_number_differs", "birth_date_differs", "date_order", ...
    QString message; ///< English, for a person
    DocumentId document = 0;
    PageId page = 0;
    int pageNumber = 0;
    EntityId entity = 0; ///< 0 when the finding is about a page or document
    WordId word = 0;     ///< the word it is about, when it is about one word
};

/// Every finding over the project's field values: each invalid value, and the checks across pages and
/// documents. Deterministic order (document, page, entity).
std::vector<FormFinding> checkFields(const std::vector<FieldValue>& values, const FieldPatterns& patterns = {});

} // namespace incidoc
