#include "core/forms/fields.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

namespace incidoc {
namespace {

// Field names, spelled once.
const QString kCaseNumber = QStringLiteral("case_number");
const QString kIncidentDate = QStringLiteral("incident_date");
const QString kIncidentTime = QStringLiteral("incident_time");
const QString kLocation = QStringLiteral("location");
const QString kOfficer = QStringLiteral("officer");
const QString kBadgeNumber = QStringLiteral("badge_number");
const QString kPersonName = QStringLiteral("person_name");
const QString kDateOfBirth = QStringLiteral("date_of_birth");
const QString kPhone = QStringLiteral("phone");
const QString kVehiclePlate = QStringLiteral("vehicle_plate");
const QString kVin = QStringLiteral("vin");
const QString kMakeModel = QStringLiteral("make_model");
const QString kNarrative = QStringLiteral("narrative");
const QString kReportDate = QStringLiteral("report_date");
const QString kAddress = QStringLiteral("address");
const QString kEmail = QStringLiteral("email");

constexpr int kMaxAgeYears = 120;
constexpr int kEarliestIncidentYear = 1900;

FieldCheck invalid(QString problem, QString normalized = {})
{
    FieldCheck c;
    c.valid = false;
    c.problem = std::move(problem);
    c.normalized = std::move(normalized);
    return c;
}

FieldCheck validAs(QString normalized)
{
    FieldCheck c;
    c.normalized = std::move(normalized);
    return c;
}

QString quoted(const QString& s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// Letters OCR reads where a digit was printed, and the digit each most likely was.
struct Confusion {
    char letter;
    const char* digit;
};
constexpr std::array<Confusion, 12> kConfusions{{{'O', "zero"},
                                                 {'o', "zero"},
                                                 {'D', "zero"},
                                                 {'Q', "zero"},
                                                 {'I', "one"},
                                                 {'l', "one"},
                                                 {'|', "one"},
                                                 {'S', "five"},
                                                 {'s', "five"},
                                                 {'B', "eight"},
                                                 {'Z', "two"},
                                                 {'G', "six"}}};

// "letter O where a digit is expected (a zero?)" for the first such letter touching a digit in `text`; "".
QString confusionProblem(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool touchesDigit = (i > 0 && text[i - 1].isDigit()) || (i + 1 < text.size() && text[i + 1].isDigit());
        if (!touchesDigit)
            continue;
        for (const Confusion& c : kConfusions)
            if (text[i] == QLatin1Char(c.letter))
                return QStringLiteral("letter %1 where a digit is expected (a %2?)")
                    .arg(text[i])
                    .arg(QLatin1String(c.digit));
    }
    return {};
}

int digitCount(const QString& s)
{
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](QChar c) { return c.isDigit(); }));
}

// A whole-value match of a project's pattern; nullopt when the pattern is not a valid expression.
std::optional<bool> matchesPattern(const QString& pattern, const QString& value)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    if (!re.isValid())
        return std::nullopt;
    return re.match(value).hasMatch();
}

// ---- dates ----

const std::array<const char*, 12> kMonthNames{"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
const std::array<const char*, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};

// 1-12 for a month's name or an abbreviation of at least 3 letters ("sept", "jul"), else 0. `w` is lower case.
int monthFromWord(const QString& w)
{
    if (w.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m)
        if (QString::fromLatin1(kMonthNames[m]).toLower().startsWith(w))
            return m + 1;
    return 0;
}

bool isWeekday(const QString& w)
{
    return w.size() >= 3 && std::any_of(kWeekdays.begin(), kWeekdays.end(), [&](const char* d) {
               return QString::fromLatin1(d).startsWith(w);
           });
}

struct DateToken {
    QString text;
    bool number = false;
    QString separatorBefore; // what stands between the previous token and this one, white space removed
};

struct DateRead {
    std::optional<QDate> date;
    QString problem;
};

// A year of 4 digits as it is; of 2 digits the latest year ending so that is not after today's year.
std::optional<int> yearOf(const QString& digits, const QDate& today)
{
    if (digits.size() == 4)
        return digits.toInt();
    if (digits.size() != 2)
        return std::nullopt;
    const int yy = digits.toInt();
    const int century = today.year() / 100 * 100;
    return century + yy <= today.year() ? century + yy : century - 100 + yy;
}

QString impossibleDate(int year, int month, int day)
{
    if (month < 1 || month > 12)
        return QStringLiteral("there is no month %1").arg(month);
    return QStringLiteral("%1 %2 has no day %3").arg(QLatin1String(kMonthNames[month - 1])).arg(year).arg(day);
}

// The first of the (year, month, day) readings that is a date; else why the first plausible one is not.
DateRead firstPossible(const std::vector<std::array<int, 3>>& readings)
{
    for (const auto& [y, m, d] : readings)
        if (QDate date(y, m, d); date.isValid())
            return {date, {}};
    for (const auto& [y, m, d] : readings)
        if (m >= 1 && m <= 12)
            return {std::nullopt, impossibleDate(y, m, d)};
    return {std::nullopt, impossibleDate(readings.front()[0], readings.front()[1], readings.front()[2])};
}

DateRead notADate()
{
    return {std::nullopt, QStringLiteral("not a date (07/22/1988, 1988-07-22, July 22, 1988 ...)")};
}

DateRead parseDate(const QString& value, const QDate& today)
{
    QString text = value.simplified().toLower();
    // A time after the date ("January 27, 1969 9: 00 a. m."): the date is what is checked.
    static const QRegularExpression trailingTime(
        QStringLiteral(R"(\s+\d{1,2}\s*:\s*\d{2}(\s*:\s*\d{2})?(\s*[ap]\.?\s*m\.?)?$)"));
    text.remove(trailingTime);

    std::vector<DateToken> tokens;
    QString separator;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c.isDigit() || c.isLetter()) {
            const bool number = c.isDigit();
            qsizetype j = i;
            while (j < text.size() && (number ? text[j].isDigit() : text[j].isLetter()))
                ++j;
            tokens.push_back({text.mid(i, j - i), number, separator});
            separator.clear();
            i = j;
        } else {
            if (!c.isSpace())
                separator += c;
            ++i;
        }
    }

    // Words that may stand in a date without meaning anything: weekdays, "of", "the", ordinal endings.
    std::vector<DateToken> kept;
    int month = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const DateToken& t = tokens[i];
        if (t.number) {
            kept.push_back(t);
            continue;
        }
        static const QSet<QString> ordinals{QStringLiteral("st"), QStringLiteral("nd"), QStringLiteral("rd"),
                                            QStringLiteral("th")};
        if (ordinals.contains(t.text) && i > 0 && tokens[i - 1].number && t.separatorBefore.isEmpty())
            continue;
        if (isWeekday(t.text) || t.text == QLatin1String("of") || t.text == QLatin1String("the"))
            continue;
        const int m = monthFromWord(t.text);
        if (m == 0 || month != 0) {
            const QString confusion = confusionProblem(value);
            return confusion.isEmpty() ? notADate() : DateRead{std::nullopt, confusion};
        }
        month = m;
        // The month's place is taken by the separators around it: "22-jul-1988" reads as numbers 22, 1988.
    }
    std::vector<QString> numbers;
    numbers.reserve(kept.size());
    for (const DateToken& t : kept)
        numbers.push_back(t.text);

    if (month != 0) {
        // "July 22, 1988", "22 Jul 1988", "1988 jul 22", "Jul. 22 88": a 4-digit number is the year, else the
        // first number is the day.
        static const QRegularExpression allowed(QStringLiteral(R"(^[,./\-]*$)"));
        for (const DateToken& t : tokens)
            if (!allowed.match(t.separatorBefore).hasMatch())
                return notADate();
        if (numbers.size() != 2)
            return numbers.size() < 2 ? DateRead{std::nullopt, QStringLiteral("a day or a year is missing")}
                                      : notADate();
        const bool firstIsYear = numbers[0].size() == 4;
        const QString& day = firstIsYear ? numbers[1] : numbers[0];
        const QString& year = firstIsYear ? numbers[0] : numbers[1];
        const std::optional<int> y = yearOf(year, today);
        if (day.size() > 2 || !y)
            return notADate();
        return firstPossible({{*y, month, day.toInt()}});
    }

    if (numbers.size() == 1) {
        // Compact forms: 19880722, 07221988, 072288.
        const QString& n = numbers[0];
        if (n.size() == 8) {
            const int a = n.left(4).toInt();
            std::vector<std::array<int, 3>> readings;
            if (a >= 1800 && a <= 2199)
                readings.push_back({a, n.mid(4, 2).toInt(), n.mid(6, 2).toInt()});
            readings.push_back({n.mid(4).toInt(), n.left(2).toInt(), n.mid(2, 2).toInt()});
            readings.push_back({n.mid(4).toInt(), n.mid(2, 2).toInt(), n.left(2).toInt()});
            return firstPossible(readings);
        }
        if (n.size() == 6) {
            const int y = *yearOf(n.mid(4), today);
            return firstPossible(
                {{y, n.left(2).toInt(), n.mid(2, 2).toInt()}, {y, n.mid(2, 2).toInt(), n.left(2).toInt()}});
        }
    }
    if (numbers.size() != 3) {
        const QString confusion = confusionProblem(value);
        return confusion.isEmpty() ? notADate() : DateRead{std::nullopt, confusion};
    }
    // Three numbers with the same separator between them: '/', '-', '.' or white space.
    const QString sep = kept[1].separatorBefore;
    if (kept[2].separatorBefore != sep || sep.size() > 1 || (sep.size() == 1 && !QStringLiteral("/-.").contains(sep)))
        return notADate();
    if (numbers[0].size() == 4) {
        if (numbers[1].size() > 2 || numbers[2].size() > 2)
            return notADate();
        return firstPossible({{numbers[0].toInt(), numbers[1].toInt(), numbers[2].toInt()}});
    }
    if (numbers[0].size() > 2 || numbers[1].size() > 2)
        return notADate();
    const std::optional<int> y = yearOf(numbers[2], today);
    if (!y)
        return {std::nullopt, QStringLiteral("a year has 2 or 4 digits, not %1").arg(numbers[2].size())};
    const int a = numbers[0].toInt(), b = numbers[1].toInt();
    // US order first; dotted dates are written day first where they are written at all.
    if (sep == QLatin1String("."))
        return firstPossible({{*y, b, a}, {*y, a, b}});
    return firstPossible({{*y, a, b}, {*y, b, a}});
}

FieldCheck checkDate(const QString& field, const QString& value, const QDate& today)
{
    const DateRead read = parseDate(value, today);
    if (!read.date)
        return invalid(read.problem);
    const QDate d = *read.date;
    FieldCheck c = validAs(d.toString(Qt::ISODate));
    c.date = d;
    if (d > today) {
        c.valid = false;
        c.problem = QStringLiteral("%1 is in the future").arg(c.normalized);
    } else if (field == kDateOfBirth && d < today.addYears(-kMaxAgeYears)) {
        c.valid = false;
        c.problem = QStringLiteral("%1 is more than %2 years ago").arg(c.normalized).arg(kMaxAgeYears);
    } else if (field != kDateOfBirth && d.year() < kEarliestIncidentYear) {
        c.valid = false;
        c.problem = QStringLiteral("%1 is before %2").arg(c.normalized).arg(kEarliestIncidentYear);
    }
    return c;
}

// ---- the other fields ----

FieldCheck checkTime(const QString& value)
{
    QString t = value.simplified().toLower();
    if (t == QLatin1String("noon"))
        return validAs(QStringLiteral("12:00"));
    if (t == QLatin1String("midnight"))
        return validAs(QStringLiteral("00:00"));
    static const QRegularExpression ampm(QStringLiteral(R"(\s*([ap])\.?\s*m\.?$)"));
    static const QRegularExpression hours(QStringLiteral(R"(\s*(hours|hrs?|h)\.?$)"));
    QChar half;
    if (const auto m = ampm.match(t); m.hasMatch()) {
        half = m.captured(1)[0];
        t.truncate(m.capturedStart());
    } else {
        t.remove(hours);
    }
    static const QRegularExpression colon(QStringLiteral(R"(^(\d{1,2})\s*[:.h]\s*(\d{2})(?:\s*:\s*(\d{2}))?$)"));
    static const QRegularExpression military(QStringLiteral(R"(^(\d{1,2})(\d{2})$)"));
    static const QRegularExpression hourOnly(QStringLiteral(R"(^(\d{1,2})$)"));
    int h = -1, m = 0, s = -1;
    if (const auto c = colon.match(t); c.hasMatch()) {
        h = c.captured(1).toInt();
        m = c.captured(2).toInt();
        if (c.hasCaptured(3))
            s = c.captured(3).toInt();
    } else if (const auto mil = military.match(t); mil.hasMatch()) {
        h = mil.captured(1).toInt();
        m = mil.captured(2).toInt();
    } else if (const auto ho = hourOnly.match(t); ho.hasMatch() && !half.isNull()) {
        h = ho.captured(1).toInt();
    } else {
        const QString confusion = confusionProblem(value);
        return invalid(confusion.isEmpty() ? QStringLiteral("not a time (14:35, 2:35 PM, 1435 hrs)") : confusion);
    }
    if (!half.isNull()) {
        if (h < 1 || h > 12)
            return invalid(QStringLiteral("hour %1 with %2M (1 to 12)").arg(h).arg(half.toUpper()));
        h = h % 12 + (half == QLatin1Char('p') ? 12 : 0);
    }
    if (h > 23)
        return invalid(QStringLiteral("there is no hour %1").arg(h));
    if (m > 59)
        return invalid(QStringLiteral("there is no minute %1").arg(m));
    if (s > 59)
        return invalid(QStringLiteral("there is no second %1").arg(s));
    const QString hm = QStringLiteral("%1:%2").arg(h, 2, 10, QLatin1Char('0')).arg(m, 2, 10, QLatin1Char('0'));
    return validAs(s >= 0 ? hm + QStringLiteral(":%1").arg(s, 2, 10, QLatin1Char('0')) : hm);
}

// The length of the country code at the start of an international number's digits (ITU E.164 zones: 1
// and 7 have one digit, the listed ones two, every other three).
int countryCodeLength(const QString& digits)
{
    if (digits.startsWith(QLatin1Char('1')) || digits.startsWith(QLatin1Char('7')))
        return 1;
    static const QSet<int> twoDigits{20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46,
                                     47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63,
                                     64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98};
    return twoDigits.contains(digits.left(2).toInt()) ? 2 : 3;
}

FieldCheck checkPhone(const QString& value)
{
    QString s = value.simplified();
    QString extension;
    static const QRegularExpression ext(QStringLiteral(R"((?<=[\d)])\s*(?:ext\.?|extension|x)\s*(\d{1,6})$)"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = ext.match(s); m.hasMatch()) {
        extension = QStringLiteral(" ext. ") + m.captured(1);
        s.truncate(m.capturedStart());
    }
    static const QRegularExpression shape(QStringLiteral(R"(^\+?[\d\s().\-/]+$)"));
    if (!shape.match(s).hasMatch()) {
        const QString confusion = confusionProblem(s);
        if (!confusion.isEmpty())
            return invalid(confusion);
        return invalid(s.contains(QLatin1Char('+'))
                           ? QStringLiteral("'+' only stands at the start")
                           : QStringLiteral("a phone number has only digits, spaces and ( ) - . /"));
    }
    QString digits = digitsOf(s);
    bool international = s.startsWith(QLatin1Char('+'));
    if (!international && digits.startsWith(QLatin1String("00"))) {
        international = true;
        digits.remove(0, 2);
    }
    if (digits.size() < 7)
        return invalid(QStringLiteral("%1 digits; a phone number has 7 to 15").arg(digits.size()));
    if (digits.size() > 15)
        return invalid(QStringLiteral("%1 digits; a phone number has 7 to 15").arg(digits.size()));

    const bool nanp = international
                          ? digits.startsWith(QLatin1Char('1'))
                          : digits.size() == 10 || (digits.size() == 11 && digits.startsWith(QLatin1Char('1')));
    if (nanp) {
        const QString national = international || digits.size() == 11 ? digits.mid(1) : digits;
        if (national.size() != 10)
            return invalid(
                QStringLiteral("a North American number has 10 digits after +1, this one %1").arg(national.size()));
        if (national[0] == QLatin1Char('0') || national[0] == QLatin1Char('1'))
            return invalid(QStringLiteral("area code %1 cannot start with %2").arg(national.left(3)).arg(national[0]));
        return validAs(QStringLiteral("+1 %1 %2 %3").arg(national.left(3), national.mid(3, 3), national.mid(6))
                       + extension);
    }
    if (international) {
        const int cc = countryCodeLength(digits);
        return validAs(QStringLiteral("+%1 %2").arg(digits.left(cc), digits.mid(cc)) + extension);
    }
    if (digits.size() == 7)
        return validAs(QStringLiteral("%1 %2").arg(digits.left(3), digits.mid(3)) + extension);
    return validAs(digits + extension);
}

FieldCheck checkBadge(const QString& value)
{
    const QString s = value.simplified();
    static const QRegularExpression shape(QStringLiteral(R"(^(?:#\s*|no\.?\s*)?([a-z]{1,4})?[\s\-#]?(\d{1,10})$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (const auto m = shape.match(s); m.hasMatch())
        return validAs(m.captured(1).toUpper() + m.captured(2));
    const QString confusion = confusionProblem(s);
    if (!confusion.isEmpty())
        return invalid(confusion);
    if (digitCount(s) == 0)
        return invalid(QStringLiteral("a badge number has digits"));
    return invalid(QStringLiteral("a badge number is digits after an optional prefix of letters (PO-4471)"));
}

FieldCheck checkCaseNumber(const QString& value, const QString& pattern)
{
    QString s = value.simplified();
    if (!pattern.isEmpty()) {
        const std::optional<bool> match = matchesPattern(pattern, s);
        if (!match)
            return invalid(QStringLiteral("the project's case number pattern %1 is not a valid regular expression")
                               .arg(quoted(pattern)));
        if (!*match)
            return invalid(QStringLiteral("does not match the project's case number pattern %1").arg(quoted(pattern)),
                           s.toUpper());
        return validAs(s.toUpper());
    }
    if (s.startsWith(QLatin1Char('#')))
        s = s.mid(1).trimmed();
    static const QRegularExpression spacedSeparator(QStringLiteral(R"(\s*([-/])\s*)"));
    s.replace(spacedSeparator, QStringLiteral("\\1"));
    s = s.toUpper();
    static const QRegularExpression shape(QStringLiteral(R"(^[A-Z0-9]+(?:[-/][A-Z0-9]+)*$)"));
    if (!shape.match(s).hasMatch())
        return invalid(QStringLiteral("a case number is letters and digits joined by '-' or '/'"), s);
    if (digitCount(s) == 0)
        return invalid(QStringLiteral("a case number has at least one digit"), s);
    if (s.size() < 4)
        return invalid(QStringLiteral("a case number has at least 4 characters"), s);
    return validAs(s);
}

FieldCheck checkPlate(const QString& value, const QString& pattern)
{
    const QString s = value.simplified();
    if (!pattern.isEmpty()) {
        const std::optional<bool> match = matchesPattern(pattern, s);
        if (!match)
            return invalid(QStringLiteral("the project's vehicle plate pattern %1 is not a valid regular expression")
                               .arg(quoted(pattern)));
        if (!*match)
            return invalid(QStringLiteral("does not match the project's vehicle plate pattern %1").arg(quoted(pattern)),
                           s.toUpper());
        return validAs(s.toUpper());
    }
    const QString upper = s.toUpper();
    static const QRegularExpression shape(QStringLiteral(R"(^[A-Z0-9]+(?:[ \-][A-Z0-9]+)*$)"));
    if (!shape.match(upper).hasMatch())
        return invalid(QStringLiteral("a plate is letters and digits with single spaces or dashes between them"));
    const auto alnum = std::count_if(upper.begin(), upper.end(), [](QChar c) { return c.isLetterOrNumber(); });
    if (alnum < 2 || alnum > 8)
        return invalid(QStringLiteral("%1 letters and digits; a plate has 2 to 8").arg(alnum));
    return validAs(upper);
}

int vinValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.digitValue();
    // The transliteration of ISO 3779 / 49 CFR 565: A-H 1-8, J-R 1-9 without O and Q, S-Z 2-9.
    static const QHash<QChar, int> letters{{u'A', 1}, {u'B', 2}, {u'C', 3}, {u'D', 4}, {u'E', 5}, {u'F', 6},
                                           {u'G', 7}, {u'H', 8}, {u'J', 1}, {u'K', 2}, {u'L', 3}, {u'M', 4},
                                           {u'N', 5}, {u'P', 7}, {u'R', 9}, {u'S', 2}, {u'T', 3}, {u'U', 4},
                                           {u'V', 5}, {u'W', 6}, {u'X', 7}, {u'Y', 8}, {u'Z', 9}};
    return letters.value(c, -1);
}

FieldCheck checkVin(const QString& value)
{
    QString vin = value.toUpper();
    static const QRegularExpression separators(QStringLiteral(R"([\s\-])"));
    vin.remove(separators);
    for (qsizetype i = 0; i < vin.size(); ++i) {
        const QChar c = vin[i];
        if (c == QLatin1Char('I') || c == QLatin1Char('O') || c == QLatin1Char('Q'))
            return invalid(QStringLiteral("letter %1 at position %2: VINs have no I, O or Q (a %3?)")
                               .arg(c)
                               .arg(i + 1)
                               .arg(c == QLatin1Char('I') ? QStringLiteral("one") : QStringLiteral("zero")),
                           vin);
        if (vinValue(c) < 0)
            return invalid(QStringLiteral("%1 at position %2 is not a VIN character (0-9, A-Z)")
                               .arg(quoted(QString(c)))
                               .arg(i + 1),
                           vin);
    }
    if (vin.size() != 17)
        return invalid(QStringLiteral("%1 characters; a VIN has 17").arg(vin.size()), vin);
    const char expected = vinCheckDigit(vin);
    if (vin[8] != QLatin1Char(expected))
        return invalid(QStringLiteral("check digit (position 9) is %1, the other characters give %2")
                           .arg(vin[8])
                           .arg(QLatin1Char(expected)),
                       vin);
    if (vin[9] == QLatin1Char('U') || vin[9] == QLatin1Char('Z') || vin[9] == QLatin1Char('0'))
        return invalid(QStringLiteral("model year (position 10) cannot be %1").arg(vin[9]), vin);
    return validAs(vin);
}

FieldCheck checkEmail(const QString& value)
{
    const QString s = value.simplified();
    static const QRegularExpression shape(
        QStringLiteral(R"(^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$)"));
    if (shape.match(s).hasMatch())
        return validAs(s.toLower());
    if (!s.contains(QLatin1Char('@')))
        return invalid(QStringLiteral("an e-mail address has an '@' (name@example.org)"));
    if (s.contains(QLatin1Char(' ')))
        return invalid(QStringLiteral("an e-mail address has no spaces"));
    return invalid(QStringLiteral("not an e-mail address (name@example.org)"));
}

FieldCheck checkPersonName(const QString& value)
{
    const QString s = value.simplified();
    int letters = 0;
    for (const QChar c : s) {
        if (c.isLetter() || c.isMark()) {
            letters += c.isLetter() ? 1 : 0;
        } else if (c.isDigit()) {
            return invalid(QStringLiteral("digit %1 in a name").arg(c), s);
        } else if (!QStringLiteral(" -'.,\u2019").contains(c)) {
            return invalid(QStringLiteral("%1 in a name").arg(quoted(QString(c))), s);
        }
    }
    if (letters < 2)
        return invalid(QStringLiteral("a name has at least 2 letters"), s);
    return validAs(s);
}

} // namespace

QString digitsOf(const QString& s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit())
            out += c;
    return out;
}

QStringList fieldNames()
{
    return {kCaseNumber, kIncidentDate, kIncidentTime, kLocation, kOfficer, kBadgeNumber, kPersonName, kDateOfBirth,
            kPhone,      kVehiclePlate, kVin,          kAddress,  kEmail,   kMakeModel,   kNarrative,  kReportDate};
}

QString fieldTitle(const QString& field)
{
    static const QHash<QString, QString> titles{{kCaseNumber, QStringLiteral("Case number")},
                                                {kIncidentDate, QStringLiteral("Incident date")},
                                                {kIncidentTime, QStringLiteral("Incident time")},
                                                {kLocation, QStringLiteral("Location")},
                                                {kOfficer, QStringLiteral("Officer")},
                                                {kBadgeNumber, QStringLiteral("Badge number")},
                                                {kPersonName, QStringLiteral("Person name")},
                                                {kDateOfBirth, QStringLiteral("Date of birth")},
                                                {kPhone, QStringLiteral("Phone")},
                                                {kVehiclePlate, QStringLiteral("Vehicle plate")},
                                                {kVin, QStringLiteral("VIN")},
                                                {kAddress, QStringLiteral("Address")},
                                                {kEmail, QStringLiteral("Email")},
                                                {kMakeModel, QStringLiteral("Make and model")},
                                                {kNarrative, QStringLiteral("Narrative")},
                                                {kReportDate, QStringLiteral("Report date")}};
    return titles.value(field);
}

char vinCheckDigit(const QString& vin)
{
    static constexpr std::array<int, 17> kWeights{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    if (vin.size() != 17)
        return '\0';
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = vinValue(vin[i].toUpper());
        if (v < 0)
            return '\0';
        sum += v * kWeights[static_cast<size_t>(i)];
    }
    const int r = sum % 11;
    return r == 10 ? 'X' : static_cast<char>('0' + r);
}

FieldCheck checkField(const QString& field, const QString& value, const FieldPatterns& patterns)
{
    return checkField(field, value, patterns, QDate::currentDate());
}

FieldCheck checkField(const QString& field, const QString& value, const FieldPatterns& patterns, const QDate& today)
{
    if (value.trimmed().isEmpty())
        return invalid(QStringLiteral("empty"));
    if (field == kCaseNumber)
        return checkCaseNumber(value, patterns.caseNumber);
    if (field == kIncidentDate || field == kDateOfBirth || field == kReportDate)
        return checkDate(field, value, today);
    if (field == kIncidentTime)
        return checkTime(value);
    if (field == kPhone)
        return checkPhone(value);
    if (field == kBadgeNumber)
        return checkBadge(value);
    if (field == kVehiclePlate)
        return checkPlate(value, patterns.vehiclePlate);
    if (field == kVin)
        return checkVin(value);
    if (field == kPersonName)
        return checkPersonName(value);
    if (field == kEmail)
        return checkEmail(value);
    return validAs(value.simplified());
}

QString personNameKey(const QString& name)
{
    QString s = name.simplified();
    // "Pritchard, Jonah R." is "Jonah R. Pritchard"; "John Smith, Jr." stays.
    if (s.count(QLatin1Char(',')) == 1) {
        const qsizetype comma = s.indexOf(QLatin1Char(','));
        const QString after = s.mid(comma + 1).trimmed();
        QString bare = after.toLower();
        bare.remove(QLatin1Char('.'));
        static const QSet<QString> suffixes{QStringLiteral("jr"),  QStringLiteral("sr"), QStringLiteral("ii"),
                                            QStringLiteral("iii"), QStringLiteral("iv"), QStringLiteral("phd"),
                                            QStringLiteral("md"),  QStringLiteral("esq")};
        if (!after.isEmpty() && !suffixes.contains(bare))
            s = after + QLatin1Char(' ') + s.left(comma);
    }
    QString key;
    for (const QChar c : s.normalized(QString::NormalizationForm_KD))
        if (c.isLetter())
            key += c;
    return key.toCaseFolded();
}

namespace {

// The values in the order every check reads them, whatever order they came in: by document, page, place on
// the page (top to bottom, left to right), then entity.
std::vector<const FieldValue*> inReadingOrder(const std::vector<FieldValue>& values)
{
    std::vector<const FieldValue*> out;
    out.reserve(values.size());
    for (const FieldValue& v : values)
        out.push_back(&v);
    std::sort(out.begin(), out.end(), [](const FieldValue* a, const FieldValue* b) {
        return std::tie(a->document, a->pageNumber, a->page, a->box.y0, a->box.x0, a->entity, a->field, a->value)
               < std::tie(b->document, b->pageNumber, b->page, b->box.y0, b->box.x0, b->entity, b->field, b->value);
    });
    return out;
}

FormFinding findingAt(const FieldValue& v, QString kind, QString message)
{
    return {std::move(kind), std::move(message), v.document, v.page, v.pageNumber, v.entity};
}

QString titleOf(const QString& field)
{
    const QString title = fieldTitle(field);
    return title.isEmpty() ? (field.isEmpty() ? QStringLiteral("Field") : field) : title;
}

// The case numbers of one document: the value most pages carry; every other one is reported where it is.
void checkCaseNumbers(const std::vector<const FieldValue*>& values, const std::vector<FieldCheck>& checks,
                      std::vector<FormFinding>& findings)
{
    // document -> (key in first-seen order, the pages carrying it)
    std::map<DocumentId, std::vector<std::pair<QString, QSet<PageId>>>> byDocument;
    std::map<DocumentId, QSet<PageId>> pagesWithNumber;
    std::vector<QString> keys(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        const FieldValue& v = *values[i];
        if (v.field != kCaseNumber || v.value.trimmed().isEmpty())
            continue;
        QString key;
        for (const QChar c : checks[i].normalized.isEmpty() ? v.value : checks[i].normalized)
            if (c.isLetterOrNumber())
                key += c.toUpper();
        keys[i] = key;
        auto& entries = byDocument[v.document];
        auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == key; });
        if (it == entries.end())
            entries.push_back({key, {v.page}});
        else
            it->second.insert(v.page);
        pagesWithNumber[v.document].insert(v.page);
    }
    std::map<DocumentId, std::pair<QString, qsizetype>> majority;
    for (const auto& [document, entries] : byDocument) {
        if (entries.size() < 2)
            continue;
        // max_element keeps the first of equals: the case number seen first wins a tie.
        const auto best = std::max_element(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return a.second.size() < b.second.size();
        });
        majority[document] = {best->first, best->second.size()};
    }
    QHash<QString, QString> shownAs; // key -> the first value written with it, for the message
    for (size_t i = 0; i < values.size(); ++i)
        if (!keys[i].isEmpty() && !shownAs.contains(keys[i]))
            shownAs.insert(keys[i], values[i]->value.simplified());
    for (size_t i = 0; i < values.size(); ++i) {
        const FieldValue& v = *values[i];
        const auto it = majority.find(v.document);
        if (keys[i].isEmpty() || it == majority.end() || keys[i] == it->second.first)
            continue;
        findings.push_back(findingAt(v, QStringLiteral("case_number_differs"),
                                     QStringLiteral("Case number %1 differs from %2, the case number on %3 of %4 pages "
                                                    "of this document")
                                         .arg(quoted(v.value.simplified()), quoted(shownAs.value(it->second.first)))
                                         .arg(it->second.second)
                                         .arg(pagesWithNumber[v.document].size())));
    }
}

// How far `dob` is from `name` when it stands on the name's line to its right or below it; nullopt when it
// stands above the name or to its left on its line.
std::optional<double> distanceBelowOrRight(const PixelBox& name, const PixelBox& dob)
{
    const int nameMiddle = (name.y0 + name.y1) / 2;
    const int dobMiddle = (dob.y0 + dob.y1) / 2;
    const bool sameLine = dobMiddle >= name.y0 && dobMiddle <= name.y1;
    if (sameLine && dob.x0 < name.x0)
        return std::nullopt;
    if (!sameLine && dobMiddle < nameMiddle)
        return std::nullopt;
    const double dx = std::max({0, dob.x0 - name.x1, name.x0 - dob.x1});
    const double dy = std::max({0, dob.y0 - name.y1, name.y0 - dob.y1});
    return std::hypot(dx, dy);
}

// Each person name with the date of birth that belongs to it: on the same page, below the name or to its
// right on its line. The closest pairs are made first and each name and date of birth is in one pair at
// most, so that a row whose date of birth is missing does not take the next row's. Pairs by name index.
std::vector<std::pair<size_t, size_t>> pairNamesWithBirthDates(const std::vector<const FieldValue*>& values)
{
    struct Candidate {
        double distance;
        size_t name;
        size_t dob;
    };
    std::vector<std::pair<size_t, size_t>> pairs;
    // The values are in reading order: one page's values stand together.
    for (size_t begin = 0, end = 0; begin < values.size(); begin = end) {
        end = begin;
        while (end < values.size() && values[end]->document == values[begin]->document
               && values[end]->page == values[begin]->page)
            ++end;
        std::vector<Candidate> candidates;
        for (size_t i = begin; i < end; ++i) {
            if (values[i]->field != kPersonName)
                continue;
            for (size_t j = begin; j < end; ++j)
                if (values[j]->field == kDateOfBirth)
                    if (const std::optional<double> d = distanceBelowOrRight(values[i]->box, values[j]->box))
                        candidates.push_back({*d, i, j});
        }
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return std::tie(a.distance, a.name, a.dob) < std::tie(b.distance, b.name, b.dob);
        });
        QSet<size_t> pairedNames, pairedDates;
        for (const Candidate& c : candidates) {
            if (pairedNames.contains(c.name) || pairedDates.contains(c.dob))
                continue;
            pairedNames.insert(c.name);
            pairedDates.insert(c.dob);
            pairs.emplace_back(c.name, c.dob);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

void checkBirthDates(const std::vector<const FieldValue*>& values, const std::vector<FieldCheck>& checks,
                     std::vector<FormFinding>& findings)
{
    struct Mention {
        size_t name;
        size_t dob;
        QDate date;
    };
    // Person key -> its mentions with a valid date of birth, in reading order; keys in first-seen order. An
    // invalid date of birth is already reported as such.
    std::vector<std::pair<QString, std::vector<Mention>>> people;
    for (const auto& [name, dob] : pairNamesWithBirthDates(values)) {
        const QString key = personNameKey(values[name]->value);
        if (key.isEmpty() || !checks[dob].valid || !checks[dob].date)
            continue;
        auto it = std::find_if(people.begin(), people.end(), [&](const auto& p) { return p.first == key; });
        if (it == people.end()) {
            people.push_back({key, {}});
            it = std::prev(people.end());
        }
        it->second.push_back({name, dob, *checks[dob].date});
    }
    for (const auto& [key, mentions] : people) {
        std::vector<std::pair<QDate, int>> counts; // first-seen order
        for (const Mention& m : mentions) {
            auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == m.date; });
            if (it == counts.end())
                counts.push_back({m.date, 1});
            else
                ++it->second;
        }
        if (counts.size() < 2)
            continue;
        const auto best = std::max_element(counts.begin(), counts.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        for (const Mention& m : mentions) {
            if (m.date == best->first)
                continue;
            const QString dates =
                best->second == 1 ? QStringLiteral("once") : QStringLiteral("%1 times").arg(best->second);
            findings.push_back(
                findingAt(*values[m.dob], QStringLiteral("birth_date_differs"),
                          QStringLiteral("Date of birth of %1 is %2 here but %3 elsewhere (given %4)")
                              .arg(quoted(values[m.name]->value.simplified()), m.date.toString(Qt::ISODate),
                                   best->first.toString(Qt::ISODate), dates)));
        }
    }
}

void checkDateOrder(const std::vector<const FieldValue*>& values, const std::vector<FieldCheck>& checks,
                    std::vector<FormFinding>& findings)
{
    std::map<DocumentId, std::pair<QDate, QDate>> incidents; // document -> earliest, latest incident date
    for (size_t i = 0; i < values.size(); ++i) {
        if (values[i]->field != kIncidentDate || !checks[i].valid || !checks[i].date)
            continue;
        const QDate d = *checks[i].date;
        auto [it, inserted] = incidents.try_emplace(values[i]->document, d, d);
        if (!inserted) {
            it->second.first = std::min(it->second.first, d);
            it->second.second = std::max(it->second.second, d);
        }
    }
    for (size_t i = 0; i < values.size(); ++i) {
        const FieldValue& v = *values[i];
        const auto it = incidents.find(v.document);
        if (it == incidents.end() || !checks[i].valid || !checks[i].date)
            continue;
        const QDate d = *checks[i].date;
        if (v.field == kDateOfBirth && d > it->second.first)
            findings.push_back(findingAt(v, QStringLiteral("date_order"),
                                         QStringLiteral("Date of birth %1 is after the incident date %2")
                                             .arg(d.toString(Qt::ISODate), it->second.first.toString(Qt::ISODate))));
        else if (v.field == kReportDate && d < it->second.second)
            findings.push_back(findingAt(v, QStringLiteral("date_order"),
                                         QStringLiteral("Report date %1 is before the incident date %2")
                                             .arg(d.toString(Qt::ISODate), it->second.second.toString(Qt::ISODate))));
    }
}

} // namespace

std::vector<FormFinding> checkFields(const std::vector<FieldValue>& values, const FieldPatterns& patterns)
{
    return checkFields(values, patterns, QDate::currentDate());
}

std::vector<FormFinding> checkFields(const std::vector<FieldValue>& values, const FieldPatterns& patterns,
                                     const QDate& today)
{
    const std::vector<const FieldValue*> ordered = inReadingOrder(values);
    std::vector<FieldCheck> checks;
    checks.reserve(ordered.size());
    for (const FieldValue* v : ordered)
        checks.push_back(checkField(v->field, v->value, patterns, today));

    std::vector<FormFinding> findings;
    for (size_t i = 0; i < ordered.size(); ++i) {
        if (checks[i].valid)
            continue;
        const FieldValue& v = *ordered[i];
        const QString shown = v.value.simplified();
        findings.push_back(findingAt(
            v, QStringLiteral("invalid"),
            shown.isEmpty() ? QStringLiteral("%1 is empty").arg(titleOf(v.field))
                            : QStringLiteral("%1 %2: %3").arg(titleOf(v.field), quoted(shown), checks[i].problem)));
    }
    checkCaseNumbers(ordered, checks, findings);
    checkBirthDates(ordered, checks, findings);
    checkDateOrder(ordered, checks, findings);

    // Where they are; on one place, in the order the checks ran (invalid values first).
    std::stable_sort(findings.begin(), findings.end(), [](const FormFinding& a, const FormFinding& b) {
        return std::tie(a.document, a.pageNumber, a.page, a.entity)
               < std::tie(b.document, b.pageNumber, b.page, b.entity);
    });
    return findings;
}

} // namespace incidoc
