#include "core/forms/fields.h"
#include "core/redact/text_match_p.h"

#include <QRegularExpression>
#include <QSet>

namespace incidoc::redact_detail {
namespace {

// Separators a value may have between two of its characters before the stream breaks (a run of white
// space counts once: "555-\n    287" is 2).
constexpr int kMaxGap = 3;
constexpr int kMaxEmailGap = 1;

// What may stand between the characters of a phone, plate, VIN or ID number ("(555) 287-6612", "CR/2024");
// anything else (',' ':' '"' '[' ...) ends it, so that the numbers of a list or a JSON array are not read as one.
bool isNumberSeparator(QChar c)
{
    return c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(') || c == QLatin1Char(')')
           || c == QLatin1Char('/') || c == QLatin1Char('+') || c == QLatin1Char('#') || c == QLatin1Char('_')
           || c == QChar(0x2010) || c == QChar(0x2011) || c == QChar(0x2013);
}

// The letters `c` folds to (accents dropped, compatibility forms split: "ﬁ" -> "fi"), lower case.
void appendFolded(QChar c, QString& out)
{
    if (c.unicode() < 128) {
        out += c.toLower();
        return;
    }
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_KD);
    for (QChar d : decomposed)
        if (d.isLetter())
            out += d.toCaseFolded();
}

} // namespace

Stream streamOf(const QString& text, StreamKind kind)
{
    Stream st;
    st.s.reserve(text.size());
    st.pos.reserve(static_cast<size_t>(text.size()));
    int gap = 0;
    bool inSpace = false;
    const int maxGap = kind == StreamKind::Email ? kMaxEmailGap : kMaxGap;
    auto brk = [&](qsizetype i) {
        if (!st.s.isEmpty() && st.s.back() != kBreak) {
            st.s += kBreak;
            st.pos.push_back(i);
        }
        gap = 0;
        inSpace = false;
    };
    auto separator = [&](qsizetype i, bool space) {
        if (space && inSpace)
            return;
        inSpace = space;
        if (++gap > maxGap)
            brk(i);
    };
    QString folded;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        switch (kind) {
        case StreamKind::Digits:
            if (digit) {
                st.s += c;
                st.pos.push_back(i);
                gap = 0;
                inSpace = false;
            } else if (c.isSpace() || isNumberSeparator(c)) {
                separator(i, c.isSpace());
            } else {
                brk(i);
            }
            break;
        case StreamKind::Alnum:
        case StreamKind::Letters:
            if (c.isLetter() || (digit && kind == StreamKind::Alnum)) {
                folded.clear();
                appendFolded(c, folded);
                for (QChar f : folded) {
                    st.s += kind == StreamKind::Alnum ? f.toUpper() : f;
                    st.pos.push_back(i);
                }
                gap = 0;
                inSpace = false;
            } else if (c.isMark()) {
                // an accent written apart: part of its letter
            } else if (c.isDigit()
                       || (kind == StreamKind::Alnum && !c.isSpace() && !isNumberSeparator(c)
                           && c != QLatin1Char(','))) {
                brk(i);
            } else {
                separator(i, c.isSpace());
            }
            break;
        case StreamKind::Email:
            if (c.isSpace()) {
                separator(i, true);
            } else {
                st.s += c.toLower();
                st.pos.push_back(i);
                gap = 0;
                inSpace = false;
            }
            break;
        }
    }
    return st;
}

QString keyOf(const QString& value, StreamKind kind)
{
    QString key = streamOf(value, kind).s;
    key.remove(kBreak);
    return key;
}

QDate readDate(const QString& text)
{
    // The fields' reading; a date after today or long ago is still the date written.
    const FieldCheck c = checkField(QStringLiteral("incident_date"), text);
    return c.date.value_or(QDate());
}

std::vector<DateSpan> datesIn(const QString& text)
{
    static const QString month = QStringLiteral(R"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)");
    static const QRegularExpression numeric(
        QStringLiteral(R"((?<![\d.\-/])\d{1,4}\s?([/.\-])\s?\d{1,2}\s?\1\s?\d{2,4}(?!\d))"),
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression monthFirst(
        QStringLiteral(R"(\b%1\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}(?!\d))").arg(month),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dayFirst(
        QStringLiteral(R"((?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?%1,?\s+\d{2,4}(?!\d))").arg(month),
        QRegularExpression::CaseInsensitiveOption);
    std::vector<DateSpan> out;
    for (const QRegularExpression* re : {&numeric, &monthFirst, &dayFirst}) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QDate d = readDate(m.captured(0));
            if (d.isValid())
                out.push_back({m.capturedStart(), m.capturedEnd(), d});
        }
    }
    std::sort(out.begin(), out.end(), [](const DateSpan& a, const DateSpan& b) { return a.begin < b.begin; });
    return out;
}

bool isNameParticle(const QString& t)
{
    static const QSet<QString> particles{
        QStringLiteral("de"),  QStringLiteral("da"),    QStringLiteral("di"),  QStringLiteral("du"),
        QStringLiteral("del"), QStringLiteral("della"), QStringLiteral("der"), QStringLiteral("den"),
        QStringLiteral("des"), QStringLiteral("van"),   QStringLiteral("von"), QStringLiteral("la"),
        QStringLiteral("le"),  QStringLiteral("las"),   QStringLiteral("los"), QStringLiteral("les"),
        QStringLiteral("bin"), QStringLiteral("ibn"),   QStringLiteral("al"),  QStringLiteral("el"),
        QStringLiteral("mr"),  QStringLiteral("mrs"),   QStringLiteral("ms"),  QStringLiteral("miss"),
        QStringLiteral("dr"),  QStringLiteral("jr"),    QStringLiteral("sr"),  QStringLiteral("ii"),
        QStringLiteral("iii"), QStringLiteral("iv"),    QStringLiteral("the"), QStringLiteral("and"),
        QStringLiteral("st"),  QStringLiteral("saint"), QStringLiteral("esq"), QStringLiteral("phd")};
    return particles.contains(t);
}

QStringList nameTokens(const QString& name)
{
    QStringList out;
    QString token;
    auto flush = [&] {
        if (token.size() >= 3 && !isNameParticle(token) && !out.contains(token))
            out << token;
        token.clear();
    };
    for (QChar c : name) {
        if (c.isLetter())
            appendFolded(c, token);
        else if (!c.isMark())
            flush();
    }
    flush();
    return out;
}

} // namespace incidoc::redact_detail
