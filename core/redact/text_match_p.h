#pragma once
// What the finder and the leak check share: the comparison streams a text is read through (its digits, its
// letters and digits, its letters, its characters without white space), and the dates found in a text.
// Internal to core/redact.

#include <QDate>
#include <QString>

#include <vector>

namespace incidoc::redact_detail {

/// A text reduced to the characters one kind of value is compared by; `pos[i]` is where `s[i]` stands in the
/// text. A run of separators longer than a value may hold becomes one kBreak.
struct Stream {
    QString s;
    std::vector<qsizetype> pos;
};

inline constexpr QChar kBreak = QChar(0x0001);

enum class StreamKind {
    Digits,  ///< '0'-'9'; white space and "-.()/+#_" separate, the rest breaks
    Alnum,   ///< letters (folded, upper case) and digits; white space, "-.()/+#_," separate, the rest breaks
    Letters, ///< letters (folded, lower case, without accents); a digit breaks
    Email,   ///< every character in lower case; white space is a separator
};

Stream streamOf(const QString& text, StreamKind kind);
/// `value` reduced like a text of that kind, without breaks (what a stream is searched for).
QString keyOf(const QString& value, StreamKind kind);

/// One date written in a text: [begin, end) and the day it names.
struct DateSpan {
    qsizetype begin = 0, end = 0;
    QDate date;
};
/// Every date in `text`: numeric (07/22/1988, 22.07.1988, 1988-07-22, 7/22/88) and with a month's name
/// (July 22, 1988; 22 Jul 1988; 22nd of July 1988), white space or a line break between its parts.
std::vector<DateSpan> datesIn(const QString& text);
/// The date `text` reads as (the fields' date reading), or an invalid QDate.
QDate readDate(const QString& text);

/// Particles and titles that are never a mention of a name on their own ("de", "van", "Mr").
bool isNameParticle(const QString& foldedToken);
/// The words of a name that are mentions on their own: its tokens of letters (folded, lower case), at least
/// 3 letters, not particles.
QStringList nameTokens(const QString& name);

} // namespace incidoc::redact_detail
