// Pseudonyms: the same secret gives the same pseudonyms, another secret others; each type keeps its shape
// and passes its validator (phones, dates, plates, VINs); dates shifted keep their intervals and format;
// words rewritten keep what stands around the value; a thousand random values never map to themselves.
#include "core/forms/fields.h"
#include "core/redact/pseudonyms.h"

#include <QDate>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <set>

using namespace incidoc;

namespace {

QByteArray secretOf(char c)
{
    return QByteArray(32, c);
}

/// The shape of a text: 'A' for a letter, '9' for a digit, the rest as it is.
QString shapeOf(const QString& s)
{
    QString out;
    for (QChar c : s)
        out += c.isDigit() ? QLatin1Char('9') : c.isLetter() ? (c.isLower() ? QLatin1Char('a') : QLatin1Char('A')) : c;
    return out;
}

class PseudonymsTest : public ::testing::Test {
protected:
    Pseudonymizer p{secretOf('k')};
};

TEST(PseudonymSecret, NewSecretsAre32RandomBytes)
{
    const QByteArray a = newRedactionSecret(), b = newRedactionSecret();
    EXPECT_EQ(a.size(), 32);
    EXPECT_EQ(b.size(), 32);
    EXPECT_NE(a, b);
}

TEST_F(PseudonymsTest, TheSameSecretGivesTheSamePseudonymsAnotherGivesOthers)
{
    const Pseudonymizer same(secretOf('k')), other(secretOf('z'));
    const std::vector<std::pair<SensitiveType, QString>> values{
        {SensitiveType::PersonName, QStringLiteral("Jonah Pritchard")},
        {SensitiveType::Phone, QStringLiteral("(555) 287-6612")},
        {SensitiveType::VehiclePlate, QStringLiteral("KTR 4582")},
        {SensitiveType::Vin, QStringLiteral("1HGCM82633A004352")},
        {SensitiveType::IdNumber, QStringLiteral("CR-2024-00417")},
        {SensitiveType::Email, QStringLiteral("jonah.pritchard@mail.com")},
        {SensitiveType::Address, QStringLiteral("4127 Maple Street, Riverton")},
        {SensitiveType::DateOfBirth, QStringLiteral("07/22/1988")},
    };
    int differ = 0;
    for (const auto& [type, value] : values) {
        const QString a = p.pseudonym(type, value);
        EXPECT_EQ(a, same.pseudonym(type, value)) << value.toStdString();
        EXPECT_NE(a, value);
        differ += a != other.pseudonym(type, value) ? 1 : 0;
    }
    EXPECT_EQ(differ, static_cast<int>(values.size()));
    EXPECT_NE(p.dateShiftDays(), other.dateShiftDays());
}

TEST_F(PseudonymsTest, NamesGoWordByWordInTheOriginalsCase)
{
    const QString full = p.pseudonym(SensitiveType::PersonName, QStringLiteral("Jonah Pritchard"));
    const QStringList parts = full.split(QLatin1Char(' '));
    ASSERT_EQ(parts.size(), 2);
    EXPECT_EQ(parts[0], p.pseudonym(SensitiveType::PersonName, QStringLiteral("Jonah")));
    EXPECT_EQ(parts[1], p.pseudonym(SensitiveType::PersonName, QStringLiteral("Pritchard")));
    EXPECT_EQ(p.pseudonym(SensitiveType::PersonName, QStringLiteral("JONAH")), parts[0].toUpper());
    EXPECT_EQ(p.pseudonym(SensitiveType::PersonName, QStringLiteral("jonah")), parts[0].toLower());
    EXPECT_EQ(p.pseudonym(SensitiveType::PersonName, QStringLiteral("Pritchard, Jonah R.")),
              parts[1] + QStringLiteral(", ") + parts[0] + QStringLiteral(" ")
                  + p.pseudonym(SensitiveType::PersonName, QStringLiteral("R")) + QStringLiteral("."));
    EXPECT_TRUE(parts[0].front().isUpper());
    EXPECT_TRUE(parts[0].mid(1).isLower());
    EXPECT_TRUE(checkField(QStringLiteral("person_name"), full).valid);
    // A first name becomes a first name: the same pool whatever its place.
    EXPECT_EQ(p.pseudonym(SensitiveType::PersonName, QStringLiteral("Mary Jonah")).split(QLatin1Char(' '))[1],
              parts[0]);
}

TEST_F(PseudonymsTest, PhonesKeepTheirFormatDigitForDigitAndStayNorthAmerican)
{
    for (const QString& phone :
         {QStringLiteral("(555) 287-6612"), QStringLiteral("555-287-6612"), QStringLiteral("5552876612"),
          QStringLiteral("1-555-287-6612"), QStringLiteral("+1 555 287 6612"), QStringLiteral("287-6612"),
          QStringLiteral("+44 20 7946 0958")}) {
        const QString fake = p.pseudonym(SensitiveType::Phone, phone);
        EXPECT_EQ(shapeOf(fake), shapeOf(phone)) << phone.toStdString() << " -> " << fake.toStdString();
        EXPECT_NE(fake, phone);
        const FieldCheck c = checkField(QStringLiteral("phone"), fake);
        EXPECT_TRUE(c.valid) << fake.toStdString() << ": " << c.problem.toStdString();
        QString digits = fake;
        digits.remove(QRegularExpression(QStringLiteral("\\D")));
        if (digits.size() == 10 || (digits.size() == 11 && digits.front() == QLatin1Char('1'))) {
            const QString national = digits.right(10);
            EXPECT_GE(national[0], QLatin1Char('2')) << fake.toStdString();
            EXPECT_GE(national[3], QLatin1Char('2')) << fake.toStdString();
        }
    }
    // The same number in other formats: the same digits.
    auto digits = [&](const QString& s) {
        QString d = p.pseudonym(SensitiveType::Phone, s);
        return d.remove(QRegularExpression(QStringLiteral("\\D"))).right(10);
    };
    EXPECT_EQ(digits(QStringLiteral("(555) 287-6612")), digits(QStringLiteral("555.287.6612")));
    EXPECT_EQ(digits(QStringLiteral("(555) 287-6612")), digits(QStringLiteral("1-555-287-6612")));
    EXPECT_TRUE(
        p.pseudonym(SensitiveType::Phone, QStringLiteral("+44 20 7946 0958")).startsWith(QLatin1String("+44 ")));
}

TEST_F(PseudonymsTest, DatesAreShiftedInTheOriginalsFormat)
{
    const int shift = p.dateShiftDays();
    EXPECT_NE(shift, 0);
    EXPECT_GE(std::abs(shift), 30);
    EXPECT_LE(std::abs(shift), 700);
    const QDate d(1988, 7, 22), s = d.addDays(shift);
    struct Case {
        QString in, out;
    };
    const std::vector<Case> cases{
        {QStringLiteral("07/22/1988"), s.toString(QStringLiteral("MM/dd/yyyy"))},
        {QStringLiteral("7/22/88"), s.toString(QStringLiteral("M/d/yy"))},
        {QStringLiteral("22.07.1988"), s.toString(QStringLiteral("dd.MM.yyyy"))},
        {QStringLiteral("1988-07-22"), s.toString(QStringLiteral("yyyy-MM-dd"))},
        {QStringLiteral("19880722"), s.toString(QStringLiteral("yyyyMMdd"))},
        {QStringLiteral("July 22, 1988"), QLocale::c().toString(s, QStringLiteral("MMMM d, yyyy"))},
        {QStringLiteral("JULY 22, 1988"), QLocale::c().toString(s, QStringLiteral("MMMM d, yyyy")).toUpper()},
        {QStringLiteral("22 Jul 1988"), QLocale::c().toString(s, QStringLiteral("d MMM yyyy"))},
    };
    for (const Case& c : cases) {
        const QString got = p.pseudonym(SensitiveType::DateOfBirth, c.in);
        EXPECT_EQ(got, c.out) << c.in.toStdString();
    }
    const QString weekday = p.pseudonym(SensitiveType::Date, QStringLiteral("Friday, July 22nd, 1988"));
    const FieldCheck read = checkField(QStringLiteral("incident_date"), weekday);
    ASSERT_TRUE(read.date.has_value()) << weekday.toStdString();
    EXPECT_EQ(*read.date, s);
    EXPECT_TRUE(weekday.startsWith(QLocale::c().toString(s, QStringLiteral("dddd, MMMM d")))) << weekday.toStdString();
    // Intervals between two dates stay.
    auto dateOf = [&](const QString& text) {
        return *checkField(QStringLiteral("incident_date"), p.pseudonym(SensitiveType::Date, text)).date;
    };
    const QDate a = dateOf(QStringLiteral("03/14/2021")), b = dateOf(QStringLiteral("2021-09-30"));
    EXPECT_EQ(a.daysTo(b), QDate(2021, 3, 14).daysTo(QDate(2021, 9, 30)));
}

TEST_F(PseudonymsTest, PlatesVinsAndIdNumbersKeepTheirShapeAndPassTheirChecks)
{
    for (const QString& plate : {QStringLiteral("KTR 4582"), QStringLiteral("7ABC123"), QStringLiteral("ab-12-cd")}) {
        const QString fake = p.pseudonym(SensitiveType::VehiclePlate, plate);
        EXPECT_EQ(shapeOf(fake), shapeOf(plate)) << fake.toStdString();
        EXPECT_NE(fake.toUpper(), plate.toUpper());
        const FieldCheck c = checkField(QStringLiteral("vehicle_plate"), fake);
        EXPECT_TRUE(c.valid) << fake.toStdString() << ": " << c.problem.toStdString();
    }
    for (const QString& vin : {QStringLiteral("1HGCM82633A004352"), QStringLiteral("1M8GDM9AXKP042788"),
                               QStringLiteral("5YJ3E1EA7KF3-12345")}) {
        const QString fake = p.pseudonym(SensitiveType::Vin, vin);
        EXPECT_EQ(shapeOf(fake).remove(8, 1), shapeOf(vin).remove(8, 1)) << fake.toStdString();
        const FieldCheck c = checkField(QStringLiteral("vin"), fake);
        EXPECT_TRUE(c.valid) << fake.toStdString() << ": " << c.problem.toStdString();
        QString alnum = fake;
        alnum.remove(QLatin1Char('-'));
        EXPECT_EQ(vinCheckDigit(alnum), alnum[8].toLatin1());
        QString original = vin;
        original.remove(QLatin1Char('-'));
        EXPECT_EQ(alnum[9].isDigit(), original[9].isDigit()) << "model year kind of " << fake.toStdString();
    }
    for (const QString& id :
         {QStringLiteral("CR-2024-00417"), QStringLiteral("123-45-6789"), QStringLiteral("PO4471")}) {
        const QString fake = p.pseudonym(SensitiveType::IdNumber, id);
        EXPECT_EQ(shapeOf(fake), shapeOf(id)) << fake.toStdString();
        EXPECT_NE(fake, id);
    }
    EXPECT_TRUE(
        checkField(QStringLiteral("case_number"), p.pseudonym(SensitiveType::IdNumber, QStringLiteral("CR-2024-00417")))
            .valid);
}

TEST_F(PseudonymsTest, EmailsAddressesAndBlanks)
{
    const QString email = p.pseudonym(SensitiveType::Email, QStringLiteral("Jonah.Pritchard@gmail.com"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral(R"(^[a-z]+\.[a-z]+\d+@example\.(org|com)$)")).match(email).hasMatch())
        << email.toStdString();
    const QString street = QStringLiteral("4127 Maple Street, Riverton OH");
    const QString address = p.pseudonym(SensitiveType::Address, street);
    EXPECT_EQ(address.split(QLatin1Char(' ')).size(), street.split(QLatin1Char(' ')).size()) << address.toStdString();
    EXPECT_TRUE(address.front().isDigit());
    EXPECT_FALSE(address.contains(QLatin1String("Maple")));
    EXPECT_FALSE(address.contains(QLatin1String("Riverton")));
    EXPECT_FALSE(address.contains(QLatin1String("4127")));
    EXPECT_TRUE(address.contains(QLatin1String(" Street, ")));
    EXPECT_EQ(p.pseudonym(SensitiveType::Signature, QStringLiteral("J. Pritchard")), QStringLiteral("[signature]"));
    EXPECT_EQ(p.pseudonym(SensitiveType::Photo, QString()), QStringLiteral("[photo]"));
    EXPECT_EQ(p.pseudonym(SensitiveType::Other, QStringLiteral("secret")), QStringLiteral("[redacted]"));
}

TEST_F(PseudonymsTest, WordsAreRewrittenKeepingWhatStandsAroundTheValue)
{
    const QString pritchard = p.pseudonym(SensitiveType::PersonName, QStringLiteral("Pritchard"));
    const QString jonah = p.pseudonym(SensitiveType::PersonName, QStringLiteral("Jonah"));
    EXPECT_EQ(p.rewriteWords(SensitiveType::PersonName, {QStringLiteral("Jonah"), QStringLiteral("Pritchard's")}),
              (std::vector<QString>{jonah, pritchard + QStringLiteral("'s")}));
    EXPECT_EQ(p.rewriteWords(SensitiveType::PersonName, {QStringLiteral("\"Pritchard,")}),
              std::vector<QString>{QStringLiteral("\"") + pritchard + QStringLiteral(",")});

    const QString phone = p.pseudonym(SensitiveType::Phone, QStringLiteral("(555) 287-6612"));
    const std::vector<QString> words =
        p.rewriteWords(SensitiveType::Phone, {QStringLiteral("(555)"), QStringLiteral("287-6612.")});
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0] + QLatin1Char(' ') + words[1], phone + QLatin1Char('.'));
    EXPECT_TRUE(words[0].startsWith(QLatin1Char('(')) && words[0].endsWith(QLatin1Char(')')));

    const std::vector<QString> date = p.rewriteWords(
        SensitiveType::DateOfBirth, {QStringLiteral("July"), QStringLiteral("22,"), QStringLiteral("1988")});
    ASSERT_EQ(date.size(), 3u);
    EXPECT_TRUE(date[1].endsWith(QLatin1Char(','))) << date[1].toStdString();
    const FieldCheck c =
        checkField(QStringLiteral("date_of_birth"), date[0] + QLatin1Char(' ') + date[1] + QLatin1Char(' ') + date[2]);
    ASSERT_TRUE(c.date.has_value());
    EXPECT_EQ(*c.date, QDate(1988, 7, 22).addDays(p.dateShiftDays()));

    // An address over its words: the comma before the city stays with its word, the city is a city.
    const std::vector<QString> address =
        p.rewriteWords(SensitiveType::Address, {QStringLiteral("4127"), QStringLiteral("Maple"),
                                                QStringLiteral("Street,"), QStringLiteral("Riverton.")});
    ASSERT_EQ(address.size(), 4u);
    EXPECT_EQ(address[2], QStringLiteral("Street,"));
    EXPECT_TRUE(address[3].endsWith(QLatin1Char('.')));
    EXPECT_NE(address[0], QStringLiteral("4127"));
    EXPECT_NE(address[1], QStringLiteral("Maple"));
    EXPECT_EQ(address[0] + QLatin1Char(' ') + address[1] + QLatin1Char(' ') + address[2] + QLatin1Char(' ')
                  + address[3],
              p.pseudonym(SensitiveType::Address, QStringLiteral("4127 Maple Street, Riverton")) + QLatin1Char('.'));

    const std::vector<QString> signature =
        p.rewriteWords(SensitiveType::Signature, {QStringLiteral("J."), QStringLiteral("Pritchard")});
    EXPECT_EQ(signature, (std::vector<QString>{QStringLiteral("[signature]"), QStringLiteral("[signature]")}));
    // An email spread over one word, a plate over two.
    const std::vector<QString> plate =
        p.rewriteWords(SensitiveType::VehiclePlate, {QStringLiteral("KTR"), QStringLiteral("4582")});
    ASSERT_EQ(plate.size(), 2u);
    EXPECT_EQ(plate[0] + QLatin1Char(' ') + plate[1],
              p.pseudonym(SensitiveType::VehiclePlate, QStringLiteral("KTR 4582")));
}

TEST_F(PseudonymsTest, AThousandRandomValuesNeverMapToThemselves)
{
    QRandomGenerator rng(1234);
    auto digits = [&](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QLatin1Char(static_cast<char>('0' + rng.bounded(10)));
        return s;
    };
    auto letters = [&](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QLatin1Char(static_cast<char>('A' + rng.bounded(26)));
        return s;
    };
    int checked = 0;
    for (int i = 0; i < 1000; ++i) {
        const Pseudonymizer q(QByteArray::number(i).repeated(4).left(32));
        std::vector<std::pair<SensitiveType, QString>> values{
            {SensitiveType::Phone, QStringLiteral("(%1) %2-%3").arg(rng.bounded(200, 1000)).arg(digits(3), digits(4))},
            {SensitiveType::VehiclePlate, letters(3) + QLatin1Char(' ') + digits(rng.bounded(2, 5))},
            {SensitiveType::IdNumber, digits(rng.bounded(1, 10))},
            {SensitiveType::PersonName, letters(rng.bounded(1, 9))},
            {SensitiveType::Date, QDate(1930, 1, 1).addDays(rng.bounded(30000)).toString(QStringLiteral("MM/dd/yyyy"))},
            {SensitiveType::Address, digits(rng.bounded(1, 6)) + QStringLiteral(" N St")},
            {SensitiveType::Email, letters(5).toLower() + QStringLiteral("@example.org")},
        };
        for (const auto& [type, value] : values) {
            const QString fake = q.pseudonym(type, value);
            EXPECT_NE(fake.toUpper(), value.toUpper()) << toString(type).toStdString() << " " << value.toStdString();
            ++checked;
        }
    }
    EXPECT_EQ(checked, 7000);
}

} // namespace
