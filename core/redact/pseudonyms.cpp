// Pseudonyms: every pick is drawn from HMAC-SHA-256(secret, kind | key | attempt | block), so the same
// value (by its key: a name word case folded, a phone's digits, a plate's letters and digits ...) gets the
// same pseudonym wherever it is written, and a pick that gives the original back is drawn again with the
// next attempt.
#include "core/redact/pseudonyms.h"

#include "core/forms/fields.h"
#include "core/redact/pseudonym_lists.h"

#include <QCryptographicHash>
#include <QDate>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <span>

namespace incidoc {

namespace {

constexpr int kSecretBytes = 32;
constexpr int kMaxAttempts = 64;

// Letters that never read as a digit (fields.cpp's OCR confusions: O, D, Q, I, l, S, B, Z, G), so a plate or
// ID number made of them passes its check.
constexpr std::string_view kShapeLetters = "ACEFHJKMNPRTUVWXY";
// VIN letters (no I, O, Q) and model-year codes (no I, O, Q, U, Z, 0).
constexpr std::string_view kVinLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";
constexpr std::string_view kVinYearLetters = "ABCDEFGHJKLMNPRSTVWXY";

/// A stream of numbers from the HMAC of one message (more blocks as it runs out).
class Draw {
public:
    Draw(const QByteArray& secret, const QString& kind, const QString& key, int attempt)
        : m_secret(secret), m_message(kind.toUtf8() + '\x1f' + key.toUtf8() + '\x1f' + QByteArray::number(attempt))
    {
    }
    /// Uniform in [0, n) (n > 0).
    quint32 below(quint32 n)
    {
        if (m_pos + 4 > m_block.size()) {
            m_block = QMessageAuthenticationCode::hash(m_message + '\x1f' + QByteArray::number(m_blocks++), m_secret,
                                                       QCryptographicHash::Sha256);
            m_pos = 0;
        }
        quint32 v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<quint8>(m_block[m_pos++]);
        return v % n;
    }
    QChar digit(char from = '0')
    {
        return QLatin1Char(static_cast<char>(from + below(static_cast<quint32>('9' - from + 1))));
    }
    QChar letter(std::string_view pool) { return QLatin1Char(pool[below(static_cast<quint32>(pool.size()))]); }
    QString pick(std::span<const char* const> list)
    {
        return QString::fromLatin1(list[below(static_cast<quint32>(list.size()))]);
    }

private:
    QByteArray m_secret, m_message, m_block;
    int m_pos = 0;
    int m_blocks = 0;
};

// ---- case and keys ------------------------------------------------------------------------------------

enum class Case { Upper, Lower, Title };

Case caseOf(const QString& word)
{
    bool upper = false, lower = false;
    for (QChar c : word) {
        upper |= c.isUpper();
        lower |= c.isLower();
    }
    if (upper && !lower && word.count(QRegularExpression(QStringLiteral("\\p{L}"))) > 1)
        return Case::Upper;
    if (lower && !upper)
        return Case::Lower;
    return Case::Title;
}

QString inCase(const QString& word, Case c)
{
    switch (c) {
    case Case::Upper: return word.toUpper();
    case Case::Lower: return word.toLower();
    case Case::Title: return word.left(1).toUpper() + word.mid(1).toLower();
    }
    return word;
}

/// Letters only, case folded, accents dropped.
QString foldedLetters(const QString& s)
{
    QString out;
    for (QChar c : s.normalized(QString::NormalizationForm_D))
        if (c.isLetter())
            out += c.toCaseFolded();
    return out;
}

QString upperAlnum(const QString& s)
{
    QString out;
    for (QChar c : s)
        if (c.isLetterOrNumber())
            out += c.toUpper();
    return out;
}

bool inList(std::span<const char* const> list, const QString& folded)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const char* n) { return QString::fromLatin1(n).toLower() == folded; });
}

// ---- shapes: letter for letter, digit for digit ------------------------------------------------------

/// `value` with each letter and digit drawn anew (letters from `letters`, in the original's case), the
/// rest kept.
QString reshape(Draw& d, const QString& value, std::string_view letters)
{
    QString out;
    for (QChar c : value) {
        if (c.isDigit())
            out += d.digit();
        else if (c.isLetter())
            out += c.isLower() ? d.letter(letters).toLower() : d.letter(letters);
        else
            out += c;
    }
    return out;
}

// ---- names -------------------------------------------------------------------------------------------

/// One word of a name (letters, maybe with apostrophes): a first name for a first name, a surname for
/// anything else, an initial for an initial; in the original's case.
QString nameWord(const QByteArray& secret, const QString& word, const PseudonymFilter& rejects)
{
    QString stem = word;
    QString possessive;
    static const QRegularExpression poss(QStringLiteral("(['\u2019][sS])$"));
    const auto m = poss.match(word);
    if (m.hasMatch() && word.size() > 3) {
        possessive = m.captured(1);
        stem = word.left(word.size() - possessive.size());
    }
    const QString key = foldedLetters(stem);
    if (key.isEmpty())
        return word;
    const Case c = caseOf(stem);
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        Draw d(secret, QStringLiteral("person_name"), key, attempt);
        QString out;
        if (key.size() == 1)
            out = QString(d.letter("ABCDEFGHJKLMNPRSTVW"));
        else
            out = d.pick(inList(redact::firstNames(), key) ? redact::firstNames() : redact::surnames());
        const QString cased = key.size() == 1 ? out : inCase(out, c);
        if (foldedLetters(out) != key && !(rejects && key.size() > 1 && rejects(cased)))
            return (key.size() == 1 ? (stem.front().isLower() ? out.toLower() : out) : inCase(out, c)) + possessive;
    }
    return QStringLiteral("Doe") + possessive;
}

/// Each run of letters (and apostrophes between them) of `value` replaced by its own pseudonym.
QString personName(const QByteArray& secret, const QString& value, const PseudonymFilter& rejects)
{
    QString out;
    qsizetype i = 0;
    while (i < value.size()) {
        if (!value[i].isLetter()) {
            out += value[i++];
            continue;
        }
        qsizetype j = i;
        while (j < value.size()
               && (value[j].isLetter() || value[j].isMark()
                   || ((value[j] == QLatin1Char('\'') || value[j] == QChar(0x2019)) && j + 1 < value.size()
                       && value[j + 1].isLetter())))
            ++j;
        out += nameWord(secret, value.mid(i, j - i), rejects);
        i = j;
    }
    return out;
}

// ---- dates -------------------------------------------------------------------------------------------

constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};

/// 1-12 when `word` names a month (full, 3 letters, "Sept"); 0 otherwise.
int monthOf(const QString& word)
{
    const QString w = word.toLower();
    for (int m = 0; m < 12; ++m) {
        const QString full = QString::fromLatin1(kMonths[static_cast<size_t>(m)]).toLower();
        if (w == full || (w.size() >= 3 && full.startsWith(w) && (w.size() == 3 || w == QLatin1String("sept"))))
            return m + 1;
    }
    return 0;
}

bool isWeekday(const QString& word)
{
    const QString w = word.toLower();
    for (const char* day : kWeekdays) {
        const QString full = QString::fromLatin1(day).toLower();
        if (w == full || (w.size() >= 3 && full.startsWith(w)))
            return true;
    }
    return false;
}

QString ordinalSuffix(int day)
{
    if (day % 100 >= 11 && day % 100 <= 13)
        return QStringLiteral("th");
    switch (day % 10) {
    case 1: return QStringLiteral("st");
    case 2: return QStringLiteral("nd");
    case 3: return QStringLiteral("rd");
    default: return QStringLiteral("th");
    }
}

QString padded(int v, qsizetype width)
{
    return QString::number(v).rightJustified(width, QLatin1Char('0'));
}

struct Run {
    qsizetype at = 0;
    QString text;
    bool digits = false;
};

std::vector<Run> runsOf(const QString& s)
{
    std::vector<Run> runs;
    qsizetype i = 0;
    while (i < s.size()) {
        const bool digit = s[i].isDigit();
        if (!digit && !s[i].isLetter()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < s.size() && (digit ? s[j].isDigit() : s[j].isLetter()))
            ++j;
        runs.push_back({i, s.mid(i, j - i), digit});
        i = j;
    }
    return runs;
}

/// `value`, a date read as `from`, written as `to` in the same format; "" when the format is not understood.
QString rewriteDate(const QString& value, const QDate& from, const QDate& to)
{
    std::vector<Run> runs = runsOf(value);
    enum Role { None, Day, Month, Year2, Year4, MonthName, Weekday, Ordinal, Compact };
    std::vector<Role> roles(runs.size(), None);
    const bool named = std::any_of(runs.begin(), runs.end(), [](const Run& r) { return !r.digits && monthOf(r.text); });
    std::vector<std::size_t> numbers;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& r = runs[i];
        if (!r.digits) {
            if (monthOf(r.text) == from.month())
                roles[i] = MonthName;
            else if (isWeekday(r.text))
                roles[i] = Weekday;
            else if (i > 0 && runs[i - 1].digits && runs[i - 1].at + runs[i - 1].text.size() == r.at
                     && QStringList{QStringLiteral("st"), QStringLiteral("nd"), QStringLiteral("rd"),
                                    QStringLiteral("th")}
                            .contains(r.text.toLower()))
                roles[i] = Ordinal;
            else
                return {};
        } else {
            numbers.push_back(i);
        }
    }
    if (numbers.size() == 1 && runs[numbers[0]].text.size() == 8 && !named) {
        roles[numbers[0]] = Compact;
    } else if (named) {
        for (std::size_t i : numbers) {
            const QString& t = runs[i].text;
            const int v = t.toInt();
            if (t.size() == 4 && v == from.year())
                roles[i] = Year4;
            else if (t.size() <= 2 && v == from.day()
                     && std::none_of(roles.begin(), roles.end(), [](Role r) { return r == Day; }))
                roles[i] = Day;
            else if (t.size() == 2 && v == from.year() % 100)
                roles[i] = Year2;
            else
                return {};
        }
    } else {
        if (numbers.size() != 3)
            return {};
        // Which run is the day, the month, the year: the readings fields.cpp accepts, the usual one first
        // ('.' day first, '/' and '-' month first).
        const bool dayFirst = value.contains(QLatin1Char('.'));
        const std::vector<std::array<Role, 3>> orders =
            dayFirst ? std::vector<std::array<Role, 3>>{{Day, Month, Year4}, {Month, Day, Year4}, {Year4, Month, Day}}
                     : std::vector<std::array<Role, 3>>{{Month, Day, Year4}, {Day, Month, Year4}, {Year4, Month, Day}};
        bool found = false;
        for (const auto& order : orders) {
            bool fits = true;
            std::array<Role, 3> got = order;
            for (std::size_t k = 0; k < 3 && fits; ++k) {
                const QString& t = runs[numbers[k]].text;
                const int v = t.toInt();
                switch (order[k]) {
                case Day: fits = t.size() <= 2 && v == from.day(); break;
                case Month: fits = t.size() <= 2 && v == from.month(); break;
                default:
                    if (t.size() == 4 && v == from.year())
                        got[k] = Year4;
                    else if (t.size() == 2 && v == from.year() % 100)
                        got[k] = Year2;
                    else
                        fits = false;
                }
            }
            if (fits) {
                for (std::size_t k = 0; k < 3; ++k)
                    roles[numbers[k]] = got[k];
                found = true;
                break;
            }
        }
        if (!found)
            return {};
    }

    // A day or month of two digits is zero padded when it starts with a zero, or (numbers only) when the
    // other of the two has two digits as well ("12/22/1988" pads, "7/22/88" does not).
    qsizetype dayWidth = 0, monthWidth = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (roles[i] == Day)
            dayWidth = runs[i].text.size();
        else if (roles[i] == Month)
            monthWidth = runs[i].text.size();
    }
    auto width = [&](const QString& text, qsizetype other) -> qsizetype {
        if (text.size() != 2)
            return 1;
        return text.startsWith(QLatin1Char('0')) || (!named && other == 2) ? 2 : 1;
    };
    QString out = value;
    for (std::size_t i = runs.size(); i-- > 0;) {
        const Run& r = runs[i];
        QString text;
        switch (roles[i]) {
        case Day: text = padded(to.day(), width(r.text, monthWidth)); break;
        case Month: text = padded(to.month(), width(r.text, dayWidth)); break;
        case Year4: text = padded(to.year(), 4); break;
        case Year2: text = padded(to.year() % 100, 2); break;
        case Ordinal: text = inCase(ordinalSuffix(to.day()), caseOf(r.text)); break;
        case MonthName: {
            const QString full = QString::fromLatin1(kMonths[static_cast<size_t>(to.month() - 1)]);
            const bool abbreviated =
                r.text.size() < QString::fromLatin1(kMonths[static_cast<size_t>(from.month() - 1)]).size();
            text = inCase(abbreviated ? full.left(3) : full, caseOf(r.text));
            break;
        }
        case Weekday: {
            const QString full = QString::fromLatin1(kWeekdays[static_cast<size_t>(to.dayOfWeek() - 1)]);
            text = inCase(r.text.size() <= 3 ? full.left(3) : full, caseOf(r.text));
            break;
        }
        case Compact: {
            const QString t = r.text;
            if (t == from.toString(QStringLiteral("yyyyMMdd")))
                text = to.toString(QStringLiteral("yyyyMMdd"));
            else if (t == from.toString(QStringLiteral("MMddyyyy")))
                text = to.toString(QStringLiteral("MMddyyyy"));
            else if (t == from.toString(QStringLiteral("ddMMyyyy")))
                text = to.toString(QStringLiteral("ddMMyyyy"));
            else
                return {};
            break;
        }
        case None: return {};
        }
        out.replace(r.at, r.text.size(), text);
    }
    return out;
}

// ---- phones ------------------------------------------------------------------------------------------

QString phone(const QByteArray& secret, const QString& value)
{
    QString digits = digitsOf(value);
    if (digits.isEmpty())
        return {};
    // How many leading digits are a country code kept as it is: "+1", "1-" before 10 digits, "+44", "0044".
    qsizetype keep = 0;
    const QString trimmed = value.trimmed();
    if (trimmed.startsWith(QLatin1Char('+')) || trimmed.startsWith(QLatin1String("00"))) {
        const qsizetype zeros = trimmed.startsWith(QLatin1String("00")) ? 2 : 0;
        const QChar first = digits.size() > zeros ? digits[zeros] : QLatin1Char('0');
        keep = zeros + (first == QLatin1Char('1') || first == QLatin1Char('7') ? 1 : 2);
    } else if (digits.size() == 11 && digits.front() == QLatin1Char('1')) {
        keep = 1;
    }
    keep = std::min(keep, digits.size());
    const QString national = digits.mid(keep);
    const bool nanp = national.size() == 10 && (keep == 0 || digits.front() == QLatin1Char('1'));
    const bool local = national.size() == 7 && keep == 0;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        Draw d(secret, QStringLiteral("phone"), national, attempt);
        QString drawn;
        for (qsizetype i = 0; i < national.size(); ++i) {
            // North American numbers: the area code and the exchange start with 2-9.
            const bool leading = (nanp && (i == 0 || i == 3)) || (local && i == 0);
            drawn += leading ? d.digit('2') : d.digit();
        }
        if (drawn == national)
            continue;
        const QString all = digits.left(keep) + drawn;
        QString out;
        qsizetype k = 0;
        for (QChar c : value)
            out += c.isDigit() ? all[k++] : c;
        return out;
    }
    return {};
}

// ---- plates, VINs, ID numbers ------------------------------------------------------------------------

QString shaped(const QByteArray& secret, const QString& kind, const QString& value)
{
    const QString key = upperAlnum(value);
    if (key.isEmpty())
        return {};
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        Draw d(secret, kind, key, attempt);
        const QString out = reshape(d, value, kShapeLetters);
        if (upperAlnum(out) != key)
            return out;
    }
    return {};
}

QString vin(const QByteArray& secret, const QString& value)
{
    const QString key = upperAlnum(value);
    if (key.size() != 17)
        return shaped(secret, QStringLiteral("vin"), value);
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        Draw d(secret, QStringLiteral("vin"), key, attempt);
        QString drawn;
        for (qsizetype i = 0; i < 17; ++i) {
            const QChar c = key[i];
            if (i == 8)
                drawn += QLatin1Char('0'); // the check digit, below
            else if (i == 9)
                drawn += c.isDigit() ? d.digit('1') : d.letter(kVinYearLetters);
            else
                drawn += c.isDigit() ? d.digit() : d.letter(kVinLetters);
        }
        const char check = vinCheckDigit(drawn);
        if (check == '\0')
            continue;
        drawn[8] = QLatin1Char(check);
        if (drawn == key)
            continue;
        QString out;
        qsizetype k = 0;
        for (QChar c : value)
            out += c.isLetterOrNumber() ? drawn[k++] : c;
        return out;
    }
    return {};
}

// ---- emails and addresses ----------------------------------------------------------------------------

QString email(const QByteArray& secret, const QString& value)
{
    const QString key = value.trimmed().toLower();
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        Draw d(secret, QStringLiteral("email"), key, attempt);
        const QString out = d.pick(redact::firstNames()).toLower() + QLatin1Char('.')
                            + d.pick(redact::surnames()).toLower() + QString::number(d.below(90) + 10)
                            + (d.below(2) ? QStringLiteral("@example.org") : QStringLiteral("@example.com"));
        if (out != key)
            return out;
    }
    return {};
}

/// Words an address keeps: street kinds, directions, unit words, two-letter state codes.
bool keptAddressWord(const QString& word)
{
    static const QStringList kept{
        QStringLiteral("st"),      QStringLiteral("street"), QStringLiteral("ave"),     QStringLiteral("avenue"),
        QStringLiteral("rd"),      QStringLiteral("road"),   QStringLiteral("blvd"),    QStringLiteral("boulevard"),
        QStringLiteral("dr"),      QStringLiteral("drive"),  QStringLiteral("ln"),      QStringLiteral("lane"),
        QStringLiteral("ct"),      QStringLiteral("court"),  QStringLiteral("way"),     QStringLiteral("pl"),
        QStringLiteral("place"),   QStringLiteral("ter"),    QStringLiteral("terrace"), QStringLiteral("cir"),
        QStringLiteral("circle"),  QStringLiteral("hwy"),    QStringLiteral("highway"), QStringLiteral("pkwy"),
        QStringLiteral("parkway"), QStringLiteral("sq"),     QStringLiteral("square"),  QStringLiteral("apt"),
        QStringLiteral("unit"),    QStringLiteral("suite"),  QStringLiteral("ste"),     QStringLiteral("floor"),
        QStringLiteral("fl"),      QStringLiteral("n"),      QStringLiteral("s"),       QStringLiteral("e"),
        QStringLiteral("w"),       QStringLiteral("ne"),     QStringLiteral("nw"),      QStringLiteral("se"),
        QStringLiteral("sw"),      QStringLiteral("north"),  QStringLiteral("south"),   QStringLiteral("east"),
        QStringLiteral("west"),    QStringLiteral("of"),     QStringLiteral("the"),     QStringLiteral("and"),
        QStringLiteral("po"),      QStringLiteral("box")};
    return kept.contains(word.toLower()) || (word.size() == 2 && word == word.toUpper() && word.front().isLetter());
}

QString address(const QByteArray& secret, const QString& value)
{
    static const QRegularExpression ordinal(QStringLiteral("^(\\d+)(st|nd|rd|th)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        QString out;
        bool city = false;
        qsizetype i = 0;
        while (i < value.size()) {
            if (!value[i].isLetterOrNumber()) {
                city |= value[i] == QLatin1Char(',');
                out += value[i++];
                continue;
            }
            qsizetype j = i;
            while (j < value.size() && value[j].isLetterOrNumber())
                ++j;
            const QString word = value.mid(i, j - i);
            i = j;
            const auto m = ordinal.match(word);
            if (m.hasMatch()) {
                Draw d(secret, QStringLiteral("address_number"), m.captured(1), attempt);
                const int n = static_cast<int>(d.below(98)) + 1;
                out += QString::number(n) + inCase(ordinalSuffix(n), caseOf(m.captured(2)));
            } else if (std::any_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); })) {
                Draw d(secret, QStringLiteral("address_number"), word.toUpper(), attempt);
                QString drawn = reshape(d, word, kShapeLetters);
                if (drawn.front().isDigit() && drawn.front() == QLatin1Char('0'))
                    drawn[0] = d.digit('1');
                out += drawn;
            } else if (keptAddressWord(word) && attempt < kMaxAttempts / 2) {
                out += word;
            } else {
                Draw d(secret, city ? QStringLiteral("address_city") : QStringLiteral("address_street"),
                       foldedLetters(word), attempt);
                out += inCase(d.pick(city ? redact::cityNames() : redact::streetNames()), caseOf(word));
            }
        }
        if (out.toLower() != value.toLower())
            return out;
    }
    return {};
}

// ---- spreading a value over its words ----------------------------------------------------------------

struct WordParts {
    QString before, core, after;
};

WordParts splitWord(SensitiveType type, const QString& word)
{
    WordParts p;
    qsizetype a = 0, b = word.size();
    while (a < b && !word[a].isLetterOrNumber())
        ++a;
    while (b > a && !word[b - 1].isLetterOrNumber())
        --b;
    if (type == SensitiveType::PersonName && b - a > 3) {
        const QString tail = word.mid(b - 2, 2);
        if ((tail[0] == QLatin1Char('\'') || tail[0] == QChar(0x2019)) && tail[1].toLower() == QLatin1Char('s'))
            b -= 2; // a possessive: kept around the name
    }
    p.before = word.left(a);
    p.core = word.mid(a, b - a);
    p.after = word.mid(b);
    return p;
}

} // namespace

QByteArray newRedactionSecret()
{
    std::array<quint32, kSecretBytes / 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.data()), kSecretBytes);
}

Pseudonymizer::Pseudonymizer(QByteArray secret) : m_secret(std::move(secret)) {}

int Pseudonymizer::dateShiftDays() const
{
    Draw d(m_secret, QStringLiteral("date_shift"), QString(), 0);
    const int days = 30 + static_cast<int>(d.below(671)); // 30 .. 700 days
    return d.below(2) ? days : -days;
}

void Pseudonymizer::setFilter(PseudonymFilter rejects)
{
    m_rejects = std::move(rejects);
}

QString Pseudonymizer::pseudonym(SensitiveType type, const QString& value) const
{
    // A pseudonym the filter rejects (it reads like another original value) is drawn again from a salted
    // secret; names are filtered word by word (nameWord), dates are shifted, never drawn.
    const bool drawn = type != SensitiveType::PersonName && type != SensitiveType::DateOfBirth
                       && type != SensitiveType::Date && type != SensitiveType::Signature
                       && type != SensitiveType::Photo && type != SensitiveType::Other;
    QString out = pseudonymWith(m_secret, type, value);
    for (int salt = 1; drawn && m_rejects && salt < 16 && m_rejects(out); ++salt)
        out = pseudonymWith(m_secret + "\x1fsalt" + QByteArray::number(salt), type, value);
    return out;
}

QString Pseudonymizer::pseudonymWith(const QByteArray& secret, SensitiveType type, const QString& value) const
{
    const QString redacted = QStringLiteral("[redacted]");
    if (type == SensitiveType::Signature)
        return QStringLiteral("[signature]");
    if (type == SensitiveType::Photo)
        return QStringLiteral("[photo]");
    if (type == SensitiveType::Other || value.trimmed().isEmpty())
        return redacted;
    QString out;
    switch (type) {
    case SensitiveType::PersonName: out = personName(secret, value, m_rejects); break;
    case SensitiveType::DateOfBirth:
    case SensitiveType::Date: {
        const FieldCheck read = checkField(QStringLiteral("incident_date"), value);
        if (read.date && read.date->isValid()) {
            out = rewriteDate(value, *read.date, read.date->addDays(dateShiftDays()));
            // A year of two digits can come back as the same text a century away: never the original.
            if (out.compare(value, Qt::CaseInsensitive) == 0)
                out.clear();
        }
        if (out.isEmpty())
            out = shaped(secret, QStringLiteral("date"), value);
        break;
    }
    case SensitiveType::Phone: out = phone(secret, value); break;
    case SensitiveType::Address: out = address(secret, value); break;
    case SensitiveType::Email: out = email(secret, value); break;
    case SensitiveType::VehiclePlate: out = shaped(secret, QStringLiteral("vehicle_plate"), value); break;
    case SensitiveType::Vin: out = vin(secret, value); break;
    case SensitiveType::IdNumber: out = shaped(secret, QStringLiteral("id_number"), value); break;
    default: break;
    }
    if (out.isEmpty() || out.compare(value, Qt::CaseInsensitive) == 0)
        out = shaped(secret, toString(type), value);
    return out.isEmpty() || out.compare(value, Qt::CaseInsensitive) == 0 ? redacted : out;
}

std::vector<QString> Pseudonymizer::rewriteWords(SensitiveType type, const std::vector<QString>& words) const
{
    std::vector<QString> out(words.size());
    if (type == SensitiveType::Signature || type == SensitiveType::Photo || type == SensitiveType::Other) {
        const QString text = pseudonym(type, QString());
        std::fill(out.begin(), out.end(), text);
        return out;
    }
    std::vector<WordParts> parts;
    std::vector<std::size_t> holding; // the words with a part of the value
    for (std::size_t i = 0; i < words.size(); ++i) {
        parts.push_back(splitWord(type, words[i]));
        if (!parts.back().core.isEmpty())
            holding.push_back(i);
        out[i] = words[i];
    }
    if (holding.empty())
        return out;
    if (type == SensitiveType::PersonName) { // each word its own pseudonym
        for (std::size_t i : holding)
            out[i] = parts[i].before + personName(m_secret, parts[i].core, m_rejects) + parts[i].after;
        return out;
    }
    // The value as one text: from the first word's core to the last word's, what stands between them
    // inside the value kept ("22," of "July 22, 1988"; "555)" of "(555) 287-6612"): the pseudonym keeps
    // it in place.
    const std::size_t last = holding.size() - 1;
    auto inner = [&](std::size_t k) {
        const WordParts& w = parts[holding[k]];
        return (k == 0 ? QString() : w.before) + w.core + (k == last ? QString() : w.after);
    };
    QString value;
    for (std::size_t k = 0; k < holding.size(); ++k) {
        if (k > 0)
            value += QLatin1Char(' ');
        value += inner(k);
    }
    const QString fake = pseudonym(type, value);
    QStringList pieces = fake.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (pieces.size() != static_cast<qsizetype>(holding.size())) {
        // Another number of pieces: the characters spread in proportion to the original cores' lengths.
        const QString all = pieces.join(QLatin1Char(' '));
        qsizetype total = 0;
        for (std::size_t k = 0; k < holding.size(); ++k)
            total += inner(k).size();
        pieces.clear();
        qsizetype from = 0, seen = 0;
        for (std::size_t k = 0; k < holding.size(); ++k) {
            seen += inner(k).size();
            const qsizetype to = k + 1 == holding.size() ? all.size() : std::max(from, all.size() * seen / total);
            pieces << all.mid(from, to - from).trimmed();
            from = to;
        }
    }
    for (std::size_t k = 0; k < holding.size(); ++k) {
        const std::size_t i = holding[k];
        out[i] = (k == 0 ? parts[i].before : QString()) + pieces[static_cast<qsizetype>(k)]
                 + (k == last ? parts[i].after : QString());
    }
    return out;
}

} // namespace incidoc
