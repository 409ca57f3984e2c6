#pragma once
// Pseudonyms for a redacted export: each sensitive value becomes a fake one of the same type and shape,
// derived from the project's secret (HMAC-SHA-256 of the type and the value's key): the same value gets the
// same pseudonym on every page, in every document and in every re-export of the project; another project
// (another secret) gets others. A pseudonym never equals the value it replaces.
//  - person names: word by word (so "Pritchard" alone and "Jonah Pritchard" agree), each word a fake first
//    name or surname with the original's capitalisation (JONAH → MORGAN);
//  - dates (of birth and others): shifted by the project's dateShiftDays() and written in the original's
//    format ("07/22/1988", "22.07.1988", "July 22, 1988"): intervals between dates stay;
//  - phones: the same format, digit for digit (punctuation and spacing kept; a country code kept; a North
//    American number stays one: area code and exchange start with 2-9); the same digits written otherwise
//    ("(555) 287-6612", "1-555-287-6612") get the same fake digits;
//  - plates, ID numbers: letter for letter and digit for digit (the plate passes the same check);
//  - VINs: a fake VIN with a valid check digit and the original's model-year position kind;
//  - emails: "<fake-name>.<n>@example.org" style; addresses: a fake house number and street of the same
//    word count; signatures "[signature]", photos "[photo]", other "[redacted]".
//
// Threading: const member functions are reentrant.

#include "core/model/redaction.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace incidoc {

/// 32 random bytes for a new project secret.
QByteArray newRedactionSecret();

class Pseudonymizer {
public:
    explicit Pseudonymizer(QByteArray secret);

    /// The pseudonym of a whole value.
    QString pseudonym(SensitiveType type, const QString& value) const;
    /// The words holding one value, rewritten: as many texts as given, each word's share of the pseudonym
    /// (for a name, each word's own pseudonym); characters around the value inside a word (a quote, "'s",
    /// a trailing ',' or ':') are kept.
    std::vector<QString> rewriteWords(SensitiveType type, const std::vector<QString>& words) const;
    /// The number of days every date is shifted by: never 0, the same for the whole project.
    int dateShiftDays() const;

private:
    QByteArray m_secret;
};

} // namespace incidoc
