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
/// "address", "email", "make_model", "narrative", "report_date" (the date the report was written, checked
/// against the incident date).
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
    std::optional<QDate> date; ///< dates (incident_date, date_of_birth, report_date): the date read, when one was
};

/// Validates `value` as field `field`. Unknown fields and free-text fields (location, officer, narrative,
/// make_model, person_name beyond "has letters") are valid when not empty.
FieldCheck checkField(const QString& field, const QString& value, const FieldPatterns& patterns = {});

/// The same with the day taken as today: two-digit years (the latest year ending so that is not after
/// `today`'s year), dates in the future, a date of birth more than 120 years before. The overload above
/// uses QDate::currentDate().
///
/// What each field accepts, and its normalized form:
///  - case_number: the project's pattern, else letters and digits joined by '-' or '/', at least one digit,
///    4 characters or more ("CR-2024-00417"; normalized upper case, a leading '#' dropped);
///  - incident_date, date_of_birth, report_date: "07/22/1988", "7/22/88", "22.07.1988", "1988-07-22",
///    "19880722", "July 22, 1988", "22 Jul 1988", "Jul. 22 1988", "Friday, July 22nd, 1988" (numbers with '/'
///    or '-' are month/day first and day/month when that is the only possible reading; with '.' day first);
///    normalized ISO ("1988-07-22"); a date that does not exist, a date after today, a date of birth more
///    than 120 years ago or an incident or report date before 1900 is invalid;
///  - incident_time: "14:35", "2:35 PM", "2:35 p.m.", "1435 hrs", "14h35", "noon"; normalized "14:35"
///    (seconds kept when given: "14:35:20"); an hour above 23 (12 with AM/PM) or a minute above 59 is invalid;
///  - phone: 7 to 15 digits; North American numbers ("(555) 201-4477", "1-555-201-4477") normalized
///    "+1 555 201 4477", international ones ("+44 20 7946 0958", "0044 ...") "+44 2079460958", a 7-digit
///    local number "201 4477", others their digits; an extension is kept (" ext. 12"); a North American
///    area code cannot start with 0 or 1;
///  - badge_number: digits with an optional prefix of up to 4 letters ("4471", "PO-4471", "#4471");
///    normalized "PO4471";
///  - vehicle_plate: the project's pattern, else 2 to 8 letters and digits with single spaces or dashes
///    between them ("KTR 4582"); normalized upper case;
///  - vin: 17 letters and digits without I, O, Q (spaces and dashes between them dropped), its check digit
///    (position 9) right and its model year (position 10) not U, Z or 0; normalized upper case;
///  - person_name: letters (any script), spaces, '-', '\'', '.', ','; at least 2 letters, no digit;
///  - email: local@domain.tld (letters, digits and . _ % + - before the '@'; a domain of dotted parts, a
///    top-level part of at least 2 letters); normalized lower case;
///  - address: free text, valid when not empty;
///  - every other field: valid when not empty (normalized: white space simplified).
/// A letter among digits that OCR often reads for a digit (O for 0, l for 1, S for 5 ...) gets a problem
/// that says so.
FieldCheck checkField(const QString& field, const QString& value, const FieldPatterns& patterns, const QDate& today);

/// The digits of `s`, in order ("(555) 201-4477" → "5552014477").
QString digitsOf(const QString& s);

/// What two mentions of a person are compared by: the name's letters only, case folded and without
/// accents, "Last, First" turned into "First Last" ("Pritchard, Jonah R." and "JONAH R PRITCHARD" give
/// "jonahrpritchard"). "" when the name has no letters.
QString personNameKey(const QString& name);

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
/// documents. Deterministic order (document, page, entity), whatever the order of `values`.
///
/// - "invalid": a value its validator rejects ("Date of birth \"02/30/1988\": February 1988 has no day 30");
/// - "case_number_differs": on a page whose case number is not the one most pages of its document carry
///   (compared by letters and digits, case-insensitive; on a tie, the one on the earliest page wins);
/// - "birth_date_differs": a person name (personNameKey) is paired with the date of birth on the same page
///   nearest below it or to its right on its line (closest pairs first, one date of birth per name, so a
///   row without one does not take the next row's); where the same person has another date of birth than
///   the one given most often in the project (on a tie, the earliest), on that date of birth;
/// - "date_order": within a document, a date of birth after the earliest incident date, a report date
///   before the latest incident date.
/// Only valid dates take part in the checks across pages.
std::vector<FormFinding> checkFields(const std::vector<FieldValue>& values, const FieldPatterns& patterns = {});

/// The same with the day taken as today (see checkField).
std::vector<FormFinding> checkFields(const std::vector<FieldValue>& values, const FieldPatterns& patterns,
                                     const QDate& today);

} // namespace incidoc
