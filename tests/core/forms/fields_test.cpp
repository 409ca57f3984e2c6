// Typed incident fields on their own (core/forms/fields.h): each validator on values written the ways people
// and OCR write them (dates taken from the public FUNSD forms among them), the VIN check digit on real VINs,
// and the checks across pages and documents.
#include "core/forms/fields.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "tests/support/qt_printers.h"
#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

// Every test reads dates against this day, so two-digit years and "in the future" do not move with the clock.
const QDate kToday(2025, 6, 1);

FieldCheck check(const char* field, const char* value, const FieldPatterns& patterns = {})
{
    return checkField(QString::fromLatin1(field), QString::fromUtf8(value), patterns, kToday);
}

// ---- field set ----

TEST(FieldSet, AreTheIncidentFieldsEachWithATitle)
{
    const QStringList names = fieldNames();
    ASSERT_EQ(names.size(), 16);
    EXPECT_EQ(names.front(), QStringLiteral("case_number"));
    EXPECT_EQ(names.indexOf(QStringLiteral("vin")), 10);
    EXPECT_EQ(names.back(), QStringLiteral("report_date"));
    for (const QString& name : names)
        EXPECT_FALSE(fieldTitle(name).isEmpty()) << name;
    EXPECT_EQ(fieldTitle(QStringLiteral("date_of_birth")), QStringLiteral("Date of birth"));
    EXPECT_EQ(fieldTitle(QStringLiteral("no_such_field")), QString());
}

TEST(FieldSet, EmptyIsInvalidForEveryField)
{
    for (const QString& name : fieldNames()) {
        const FieldCheck c = checkField(name, QStringLiteral("   "), {}, kToday);
        EXPECT_FALSE(c.valid) << name;
        EXPECT_EQ(c.problem, QStringLiteral("empty")) << name;
    }
}

TEST(FieldSet, FreeTextAndUnknownFieldsAreValidWhenNotEmpty)
{
    for (const char* field : {"location", "officer", "make_model", "narrative", "unknown_field", ""}) {
        const FieldCheck c = check(field, "  1200 block of  W. Elm St,\n Apt 4 ");
        EXPECT_TRUE(c.valid) << field;
        EXPECT_EQ(c.normalized, QStringLiteral("1200 block of W. Elm St, Apt 4")) << field;
    }
}

TEST(FieldSet, AnyTextGetsAnAnswerAndAReasonWhenRefused)
{
    // Random text of the characters values are made of: each validator answers, and says why it refuses.
    const QString alphabet = QStringLiteral("0123456789 /-.:,#+()OolISBZxXAPMamphrsJulyMarché王\u0663\t");
    std::mt19937 random(11);
    std::uniform_int_distribution<int> length(0, 24), pick(0, static_cast<int>(alphabet.size()) - 1);
    for (int round = 0; round < 3000; ++round) {
        QString text;
        for (int n = length(random); n > 0; --n)
            text += alphabet[pick(random)];
        for (const QString& field : fieldNames()) {
            const FieldCheck c = checkField(field, text, {}, kToday);
            if (c.valid) {
                EXPECT_FALSE(c.normalized.isEmpty()) << field << " " << text;
                EXPECT_TRUE(c.problem.isEmpty()) << field << " " << text;
            } else {
                EXPECT_FALSE(c.problem.isEmpty()) << field << " " << text;
            }
            if (c.valid && c.date) {
                EXPECT_EQ(c.normalized, c.date->toString(Qt::ISODate)) << field << " " << text;
            }
        }
    }
}

// ---- VIN ----

TEST(VinField, CheckDigitOfRealVins)
{
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1M8GDM9AXKP042788")), 'X');
    EXPECT_EQ(vinCheckDigit(QStringLiteral("11111111111111111")), '1');
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM82633A004352")), '3');
    EXPECT_EQ(vinCheckDigit(QStringLiteral("JH4KA7561PC008269")), '1');
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1G1ZT53826F109149")), '2');
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1hgcm82633a004352")), '3'); // lower case reads the same
    // The check digit's own place has weight 0: what stands there does not change it.
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM826X3A004352")), '3');
}

TEST(VinField, CheckDigitIsNulForWhatIsNotAVin)
{
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM82633A00435")), '\0');   // 16
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM82633A0043520")), '\0'); // 18
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM82633AOO4352")), '\0');  // O
    EXPECT_EQ(vinCheckDigit(QStringLiteral("IHGCM82633A004352")), '\0');  // I
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM82633Q004352")), '\0');  // Q
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM8263-3A00435")), '\0');
    EXPECT_EQ(vinCheckDigit(QStringLiteral("1HGCM82633A00435\u0663")), '\0'); // an Arabic-Indic 3
    EXPECT_EQ(vinCheckDigit(QString()), '\0');
}

TEST(VinField, RealVinsAreValid)
{
    for (const char* vin :
         {"1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352", "JH4KA7561PC008269", "1G1ZT53826F109149"}) {
        const FieldCheck c = check("vin", vin);
        EXPECT_TRUE(c.valid) << vin << ": " << c.problem;
        EXPECT_EQ(c.normalized, QString::fromLatin1(vin));
    }
    // As OCR joins words and people write them: lower case, spaces, dashes.
    EXPECT_EQ(check("vin", "1hgcm82633a004352").normalized, QStringLiteral("1HGCM82633A004352"));
    const FieldCheck spaced = check("vin", "1HGCM8263 3A004352");
    EXPECT_TRUE(spaced.valid) << spaced.problem;
    EXPECT_EQ(spaced.normalized, QStringLiteral("1HGCM82633A004352"));
    EXPECT_TRUE(check("vin", "1M8-GDM9AX-KP042788").valid);
}

TEST(VinField, WrongCheckDigitSaysWhatItShouldBe)
{
    // A Tesla-shaped VIN whose check digit does not add up: position 9 reads 4, the rest give X.
    const FieldCheck c = check("vin", "5YJSA1E14HF176385");
    EXPECT_FALSE(c.valid);
    EXPECT_EQ(c.problem, QStringLiteral("check digit (position 9) is 4, the other characters give X"));
    EXPECT_EQ(vinCheckDigit(QStringLiteral("5YJSA1E14HF176385")), 'X');
    EXPECT_TRUE(check("vin", "5YJSA1E1XHF176385").valid);
}

TEST(VinField, EveryOneDigitMisreadingIsCaught)
{
    // Weights 2..10 against 11, a prime: any single digit changed into another changes the sum modulo 11.
    const QString vin = QStringLiteral("1HGCM82633A004352");
    int tried = 0;
    for (int pos = 0; pos < 17; ++pos) {
        if (pos == 8 || !vin[pos].isDigit())
            continue;
        for (char d = '0'; d <= '9'; ++d) {
            if (vin[pos] == QLatin1Char(d))
                continue;
            QString wrong = vin;
            wrong[pos] = QLatin1Char(d);
            if (pos == 9 && d == '0')
                continue; // model year 0 is refused for its own reason
            EXPECT_FALSE(checkField(QStringLiteral("vin"), wrong, {}, kToday).valid) << wrong;
            ++tried;
        }
    }
    EXPECT_GT(tried, 90);
}

TEST(VinField, OcrConfusionsAreInvalidAndNamed)
{
    const FieldCheck o = check("vin", "1M8GDM9AOKP042788"); // an O where the check digit stands
    EXPECT_FALSE(o.valid);
    EXPECT_EQ(o.problem, QStringLiteral("letter O at position 9: VINs have no I, O or Q (a zero?)"));
    const FieldCheck zero = check("vin", "1HGCM82633AO04352"); // O for the 0 at position 12
    EXPECT_FALSE(zero.valid);
    EXPECT_EQ(zero.problem, QStringLiteral("letter O at position 12: VINs have no I, O or Q (a zero?)"));
    const FieldCheck one = check("vin", "IHGCM82633A004352");
    EXPECT_FALSE(one.valid);
    EXPECT_EQ(one.problem, QStringLiteral("letter I at position 1: VINs have no I, O or Q (a one?)"));
    EXPECT_FALSE(check("vin", "1HGCM82633Q004352").valid);
}

TEST(VinField, LengthAndCharactersAndModelYear)
{
    EXPECT_EQ(check("vin", "1HGCM82633A00435").problem, QStringLiteral("16 characters; a VIN has 17"));
    EXPECT_EQ(check("vin", "1HGCM82633A0043521").problem, QStringLiteral("18 characters; a VIN has 17"));
    EXPECT_EQ(check("vin", "1HGCM82*33A004352").problem,
              QStringLiteral("\"*\" at position 8 is not a VIN character (0-9, A-Z)"));
    // A VIN whose check digit is right but whose model year (position 10) is Z.
    QString vin = QStringLiteral("1HGCM8263ZA004352");
    vin[8] = QLatin1Char(vinCheckDigit(vin));
    const FieldCheck c = checkField(QStringLiteral("vin"), vin, {}, kToday);
    EXPECT_FALSE(c.valid);
    EXPECT_EQ(c.problem, QStringLiteral("model year (position 10) cannot be Z"));
}

// ---- dates ----

struct DateCase {
    const char* text;
    const char* iso;
};

TEST(DateField, ManyWrittenForms)
{
    const std::vector<DateCase> cases{
        {"07/22/1988", "1988-07-22"},        {"7/22/88", "1988-07-22"},
        {"22.07.1988", "1988-07-22"},        {"1988-07-22", "1988-07-22"},
        {"1988/7/22", "1988-07-22"},         {"July 22, 1988", "1988-07-22"},
        {"22 Jul 1988", "1988-07-22"},       {"Jul. 22 1988", "1988-07-22"},
        {"jul 22 88", "1988-07-22"},         {"22-JUL-1988", "1988-07-22"},
        {"22nd of July 1988", "1988-07-22"}, {"Friday, July 22nd, 1988", "1988-07-22"},
        {"1988 July 22", "1988-07-22"},      {"19880722", "1988-07-22"},
        {"07221988", "1988-07-22"},          {"072288", "1988-07-22"},
        {"7-22-1988", "1988-07-22"},         {"07 22 1988", "1988-07-22"},
        {"  07/22/1988  ", "1988-07-22"},    {"Sept. 5, 2001", "2001-09-05"},
        {"Feb 29, 2024", "2024-02-29"},
    };
    for (const DateCase& c : cases) {
        for (const char* field : {"incident_date", "date_of_birth", "report_date"}) {
            const FieldCheck r = check(field, c.text);
            EXPECT_TRUE(r.valid) << field << " " << c.text << ": " << r.problem;
            EXPECT_EQ(r.normalized, QString::fromLatin1(c.iso)) << c.text;
            ASSERT_TRUE(r.date.has_value()) << c.text;
            EXPECT_EQ(*r.date, QDate::fromString(QString::fromLatin1(c.iso), Qt::ISODate)) << c.text;
        }
    }
}

TEST(DateField, RealFormsFromFunsd)
{
    // Answers to "Date" questions on the public FUNSD training forms, as annotated (OCR spacing included).
    const std::vector<DateCase> cases{
        {"9/ 3/ 92", "1992-09-03"},                     // 0000971160
        {"6/ 25/ 81", "1981-06-25"},                    // 0001485288
        {"3/17/82", "1982-03-17"},                      // 0060068489
        {"2 /26 /98", "1998-02-26"},                    // 71202511
        {"SEPT. 27, 1991", "1991-09-27"},               // 91355841
        {"9 /8 /95", "1995-09-08"},                     // 92094746
        {"May 1, 1985", "1985-05-01"},                  // 0000989556
        {"11- 16- 87", "1987-11-16"},                   // 0011505151
        {"10- NOV- 1986", "1986-11-10"},                // 0060214859
        {"15. 03. 2000", "2000-03-15"},                 // 71601299
        {"JAN 19. 1995", "1995-01-19"},                 // 92298125
        {"March3, 1995", "1995-03-03"},                 // 11508234
        {"APRIL 1,1957", "1957-04-01"},                 // 0060136394
        {"28 Apr. 98", "1998-04-28"},                   // 0060165115
        {"25 March 1982", "1982-03-25"},                // 89368010
        {"16/3/82", "1982-03-16"},                      // 89368010: day first, the only possible reading
        {"11 18 83", "1983-11-18"},                     // 00860012_00860014
        {"September 26 1995", "1995-09-26"},            // 92091873
        {"8/06/93", "1993-08-06"},                      // 91391310
        {"03/ 24/ 99", "1999-03-24"},                   // 71341634
        {"(4 /23 /72)", "1972-04-23"},                  // 0001438955
        {"January 27, 1969 9: 00 a. m.", "1969-01-27"}, // 0012947358
    };
    for (const DateCase& c : cases) {
        const FieldCheck r = check("incident_date", c.text);
        EXPECT_TRUE(r.valid) << c.text << ": " << r.problem;
        EXPECT_EQ(r.normalized, QString::fromLatin1(c.iso)) << c.text;
    }
    // Answers on the same forms that are not one date: a person should look at them.
    for (const char* text : {"unknown", "B 90", "3433/ 3/ 95", "12/ 90", "5/5", "11/1381", "10/ /9 87", "5/3 90",
                             "12- -4 -87", "As required", "8/5 and 6", "March 15- 19, 1999", "October 3rd"})
        EXPECT_FALSE(check("incident_date", text).valid) << text;
    // A year OCR doubled lands in the future.
    const FieldCheck doubled = check("incident_date", "9/ 17/ 8181");
    EXPECT_FALSE(doubled.valid);
    EXPECT_EQ(doubled.problem, QStringLiteral("8181-09-17 is in the future"));
}

// The answers linked from a question about a date on the FUNSD forms of the shared test data, read as they
// are annotated: the validator reads every one that is a date and refuses the others.
TEST(DateField, AnswersToDateQuestionsOnTheSharedFunsdForms)
{
    const QDir dir(test::testData(QStringLiteral("funsd/training_data/annotations")));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_EQ(files.size(), 10);
    std::vector<std::string> read;
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name;
        const QJsonArray form =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("form")).toArray();
        QHash<int, QJsonObject> byId;
        for (const QJsonValue& e : form)
            byId.insert(e.toObject().value(QStringLiteral("id")).toInt(), e.toObject());
        for (const QJsonValue& e : form) {
            const QJsonObject question = e.toObject();
            if (question.value(QStringLiteral("label")).toString() != QStringLiteral("question")
                || !question.value(QStringLiteral("text"))
                        .toString()
                        .contains(QStringLiteral("date"), Qt::CaseInsensitive))
                continue;
            for (const QJsonValue& link : question.value(QStringLiteral("linking")).toArray()) {
                const int from = link.toArray().at(0).toInt(), to = link.toArray().at(1).toInt();
                const int other = from == question.value(QStringLiteral("id")).toInt() ? to : from;
                const QJsonObject answer = byId.value(other);
                if (answer.value(QStringLiteral("label")).toString() != QStringLiteral("answer"))
                    continue;
                const QString text = answer.value(QStringLiteral("text")).toString();
                const FieldCheck c = checkField(QStringLiteral("incident_date"), text, {}, kToday);
                read.push_back(QFileInfo(name).baseName().toStdString() + " " + text.toStdString() + " -> "
                               + (c.valid ? c.normalized.toStdString() : std::string("invalid")));
            }
        }
    }
    std::sort(read.begin(), read.end());
    const std::vector<std::string> expected{
        "0000971160 9/ 3/ 92 -> 1992-09-03",  "0001485288 6/ 25/ 81 -> 1981-06-25",
        "0001485288 6/ 25/ 81 -> 1981-06-25", "0060068489 3/17/82 -> 1982-03-17",
        "01073843 unknown -> invalid",        "71202511  -> invalid",
        "71202511 2 /26 /98 -> 1998-02-26",   "71202511 2/ 26/ 98 -> 1998-02-26",
        "71202511 B 90 -> invalid",           "91355841 SEPT. 27, 1991 -> 1991-09-27",
        "92094746 9 /8 /95 -> 1995-09-08",
    };
    EXPECT_EQ(read, expected);
}

TEST(DateField, MonthFirstWhenAmbiguousDayFirstWhenOnlyThatFits)
{
    EXPECT_EQ(check("incident_date", "03/04/1988").normalized, QStringLiteral("1988-03-04"));
    EXPECT_EQ(check("incident_date", "03-04-1988").normalized, QStringLiteral("1988-03-04"));
    EXPECT_EQ(check("incident_date", "13/04/1988").normalized, QStringLiteral("1988-04-13"));
    EXPECT_EQ(check("incident_date", "31/12/1999").normalized, QStringLiteral("1999-12-31"));
    // Dotted dates are written day first.
    EXPECT_EQ(check("incident_date", "03.04.1988").normalized, QStringLiteral("1988-04-03"));
    EXPECT_EQ(check("incident_date", "04.13.1988").normalized, QStringLiteral("1988-04-13"));
}

TEST(DateField, ImpossibleDatesAreInvalidWithTheReason)
{
    EXPECT_EQ(check("date_of_birth", "02/30/1988").problem, QStringLiteral("February 1988 has no day 30"));
    EXPECT_EQ(check("date_of_birth", "30/02/1988").problem, QStringLiteral("February 1988 has no day 30"));
    EXPECT_EQ(check("date_of_birth", "2/29/1989").problem, QStringLiteral("February 1989 has no day 29"));
    EXPECT_TRUE(check("date_of_birth", "2/29/1988").valid);
    EXPECT_EQ(check("date_of_birth", "13/13/1988").problem, QStringLiteral("there is no month 13"));
    EXPECT_EQ(check("date_of_birth", "April 31, 1990").problem, QStringLiteral("April 1990 has no day 31"));
    EXPECT_EQ(check("date_of_birth", "1990-04-31").problem, QStringLiteral("April 1990 has no day 31"));
    EXPECT_EQ(check("date_of_birth", "00/10/1990").problem, QStringLiteral("October 1990 has no day 0"));
    EXPECT_EQ(check("date_of_birth", "7/22/988").problem, QStringLiteral("a year has 2 or 4 digits, not 3"));
    EXPECT_FALSE(check("date_of_birth", "July 1988").valid);
    EXPECT_FALSE(check("date_of_birth", "July August 22 1988").valid);
    EXPECT_FALSE(check("date_of_birth", "tomorrow").valid);
    EXPECT_FALSE(check("date_of_birth", "7/22/1988/4").valid);
    EXPECT_FALSE(check("date_of_birth", "123/22/1988").valid);
    // The month is read for what it is, even when the date is not possible.
    const FieldCheck invalid = check("date_of_birth", "February 30, 1988");
    EXPECT_FALSE(invalid.valid);
    EXPECT_FALSE(invalid.date.has_value());
}

TEST(DateField, OcrLettersAmongDigitsAreNamed)
{
    EXPECT_EQ(check("date_of_birth", "O7/22/1988").problem,
              QStringLiteral("letter O where a digit is expected (a zero?)"));
    EXPECT_EQ(check("incident_date", "07/22/l988").problem,
              QStringLiteral("letter l where a digit is expected (a one?)"));
    EXPECT_EQ(check("incident_date", "07/2S/1988").problem,
              QStringLiteral("letter S where a digit is expected (a five?)"));
}

TEST(DateField, TwoDigitYearsAreTheLatestNotInTheFuture)
{
    // Today is 2025-06-01 in these tests.
    EXPECT_EQ(check("incident_date", "7/22/24").normalized, QStringLiteral("2024-07-22"));
    EXPECT_EQ(check("incident_date", "1/2/25").normalized, QStringLiteral("2025-01-02"));
    EXPECT_EQ(check("date_of_birth", "7/22/26").normalized, QStringLiteral("1926-07-22"));
    EXPECT_EQ(check("date_of_birth", "7/22/99").normalized, QStringLiteral("1999-07-22"));
    EXPECT_EQ(check("date_of_birth", "7/22/00").normalized, QStringLiteral("2000-07-22"));
    // Same year, later in it: the year is right and the date is in the future, not a century ago.
    const FieldCheck later = check("incident_date", "12/24/25");
    EXPECT_FALSE(later.valid);
    EXPECT_EQ(later.problem, QStringLiteral("2025-12-24 is in the future"));
}

TEST(DateField, BirthDatesInTheFutureOrMoreThan120YearsAgoAreInvalid)
{
    const FieldCheck future = check("date_of_birth", "2025-06-02");
    EXPECT_FALSE(future.valid);
    EXPECT_EQ(future.problem, QStringLiteral("2025-06-02 is in the future"));
    ASSERT_TRUE(future.date.has_value()); // the date read is kept even when it is refused
    EXPECT_EQ(*future.date, QDate(2025, 6, 2));
    EXPECT_TRUE(check("date_of_birth", "2025-06-01").valid); // born today
    EXPECT_TRUE(check("date_of_birth", "1905-06-01").valid); // 120 years to the day
    const FieldCheck old = check("date_of_birth", "1905-05-31");
    EXPECT_FALSE(old.valid);
    EXPECT_EQ(old.problem, QStringLiteral("1905-05-31 is more than 120 years ago"));
    EXPECT_FALSE(check("date_of_birth", "01/01/1850").valid);
    // Incident and report dates: not in the future, not before 1900.
    EXPECT_FALSE(check("incident_date", "2025-06-02").valid);
    EXPECT_TRUE(check("incident_date", "1901-01-01").valid);
    EXPECT_EQ(check("report_date", "1899-12-31").problem, QStringLiteral("1899-12-31 is before 1900"));
}

TEST(DateField, TheOverloadWithoutTodayUsesTheClock)
{
    const QDate tomorrow = QDate::currentDate().addDays(1);
    EXPECT_FALSE(checkField(QStringLiteral("date_of_birth"), tomorrow.toString(Qt::ISODate)).valid);
    EXPECT_TRUE(checkField(QStringLiteral("date_of_birth"), QStringLiteral("1988-07-22")).valid);
}

// ---- times ----

TEST(TimeField, WrittenForms)
{
    const std::vector<std::pair<const char*, const char*>> cases{
        {"14:35", "14:35"},    {"2:35 PM", "14:35"},  {"2:35pm", "14:35"},      {"2:35 p.m.", "14:35"},
        {"1435 hrs", "14:35"}, {"1435", "14:35"},     {"1435 hours", "14:35"},  {"0905 HRS", "09:05"},
        {"905 hrs", "09:05"},  {"14h35", "14:35"},    {"9: 00 a. m.", "09:00"}, {"12:15 AM", "00:15"},
        {"12:15 PM", "12:15"}, {"2 PM", "14:00"},     {"00:00", "00:00"},       {"23:59:30", "23:59:30"},
        {"noon", "12:00"},     {"Midnight", "00:00"}, {"14.35", "14:35"},       {"1435h", "14:35"},
    };
    for (const auto& [text, expected] : cases) {
        const FieldCheck c = check("incident_time", text);
        EXPECT_TRUE(c.valid) << text << ": " << c.problem;
        EXPECT_EQ(c.normalized, QString::fromLatin1(expected)) << text;
    }
}

TEST(TimeField, ImpossibleOrUnreadable)
{
    EXPECT_EQ(check("incident_time", "25:10").problem, QStringLiteral("there is no hour 25"));
    EXPECT_EQ(check("incident_time", "2460 hrs").problem, QStringLiteral("there is no hour 24"));
    EXPECT_EQ(check("incident_time", "14:60").problem, QStringLiteral("there is no minute 60"));
    EXPECT_EQ(check("incident_time", "13:30 PM").problem, QStringLiteral("hour 13 with PM (1 to 12)"));
    EXPECT_EQ(check("incident_time", "0:30 AM").problem, QStringLiteral("hour 0 with AM (1 to 12)"));
    EXPECT_EQ(check("incident_time", "14:3O").problem, QStringLiteral("letter O where a digit is expected (a zero?)"));
    EXPECT_FALSE(check("incident_time", "14").valid); // an hour alone needs AM or PM
    EXPECT_FALSE(check("incident_time", "afternoon").valid);
    EXPECT_FALSE(check("incident_time", "14:355").valid);
}

// ---- phones ----

TEST(PhoneField, NorthAmericanAndInternational)
{
    const std::vector<std::pair<const char*, const char*>> cases{
        {"(555) 201-4477", "+1 555 201 4477"},
        {"555-201-4477", "+1 555 201 4477"},
        {"555.201.4477", "+1 555 201 4477"},
        {"1-555-201-4477", "+1 555 201 4477"},
        {"+1 (555) 201-4477", "+1 555 201 4477"},
        {"5552014477", "+1 555 201 4477"},
        {"(555) 201-4477 ext. 12", "+1 555 201 4477 ext. 12"},
        {"555-201-4477 x12", "+1 555 201 4477 ext. 12"},
        {"201-4477", "201 4477"},
        {"+44 20 7946 0958", "+44 2079460958"},
        {"0044 20 7946 0958", "+44 2079460958"},
        {"+33 1 23 45 67 89", "+33 123456789"},
        {"+49 30 901820", "+49 30901820"},
        {"+353 1 234 5678", "+353 12345678"},
        {"+7 495 123-45-67", "+7 4951234567"},
        {"020 7946 0958", "02079460958"},
    };
    for (const auto& [text, expected] : cases) {
        const FieldCheck c = check("phone", text);
        EXPECT_TRUE(c.valid) << text << ": " << c.problem;
        EXPECT_EQ(c.normalized, QString::fromLatin1(expected)) << text;
    }
}

TEST(PhoneField, TooShortTooLongOrNotDigits)
{
    EXPECT_EQ(check("phone", "201-447").problem, QStringLiteral("6 digits; a phone number has 7 to 15"));
    EXPECT_EQ(check("phone", "+44 1234 567890 123456").problem,
              QStringLiteral("18 digits; a phone number has 7 to 15"));
    EXPECT_EQ(check("phone", "(555) 2O1-4477").problem, QStringLiteral("letter O where a digit is expected (a zero?)"));
    EXPECT_EQ(check("phone", "(055) 201-4477").problem, QStringLiteral("area code 055 cannot start with 0"));
    EXPECT_EQ(check("phone", "+1 555 201 447").problem,
              QStringLiteral("a North American number has 10 digits after +1, this one 9"));
    EXPECT_FALSE(check("phone", "555 201 4477 +1").valid);
    EXPECT_FALSE(check("phone", "call the desk").valid);
}

// ---- badges, plates, case numbers ----

TEST(BadgeField, DigitsWithAnOptionalLetterPrefix)
{
    const std::vector<std::pair<const char*, const char*>> cases{
        {"4471", "4471"},   {"#4471", "4471"}, {"PO-4471", "PO4471"},   {"po 4471", "PO4471"},
        {"A1234", "A1234"}, {"No. 88", "88"},  {"SGT 0032", "SGT0032"},
    };
    for (const auto& [text, expected] : cases) {
        const FieldCheck c = check("badge_number", text);
        EXPECT_TRUE(c.valid) << text << ": " << c.problem;
        EXPECT_EQ(c.normalized, QString::fromLatin1(expected)) << text;
    }
    EXPECT_EQ(check("badge_number", "44O7").problem, QStringLiteral("letter O where a digit is expected (a zero?)"));
    EXPECT_EQ(check("badge_number", "SGT").problem, QStringLiteral("a badge number has digits"));
    EXPECT_FALSE(check("badge_number", "4471-22").valid);
    EXPECT_FALSE(check("badge_number", "ABCDE 12").valid);
}

TEST(PlateField, DefaultShapeAndProjectPattern)
{
    EXPECT_EQ(check("vehicle_plate", "KTR 4582").normalized, QStringLiteral("KTR 4582"));
    EXPECT_EQ(check("vehicle_plate", "ktr-4582").normalized, QStringLiteral("KTR-4582"));
    EXPECT_TRUE(check("vehicle_plate", "7ABC123").valid);
    EXPECT_TRUE(check("vehicle_plate", "AB").valid);
    EXPECT_EQ(check("vehicle_plate", "A").problem, QStringLiteral("1 letters and digits; a plate has 2 to 8"));
    EXPECT_EQ(check("vehicle_plate", "ABCD 12345").problem, QStringLiteral("9 letters and digits; a plate has 2 to 8"));
    EXPECT_FALSE(check("vehicle_plate", "KTR--4582").valid);
    EXPECT_FALSE(check("vehicle_plate", "KTR*4582").valid);

    FieldPatterns p;
    p.vehiclePlate = QStringLiteral(R"([A-Z]{3} \d{4})");
    EXPECT_TRUE(check("vehicle_plate", " KTR  4582 ", p).valid);
    const FieldCheck c = check("vehicle_plate", "KTR-4582", p);
    EXPECT_FALSE(c.valid);
    EXPECT_EQ(c.problem, QStringLiteral(R"(does not match the project's vehicle plate pattern "[A-Z]{3} \d{4}")"));
    EXPECT_FALSE(check("vehicle_plate", "KTR 45821", p).valid); // a whole match, not a part
    p.vehiclePlate = QStringLiteral("[A-Z");
    EXPECT_FALSE(check("vehicle_plate", "KTR 4582", p).valid);
}

TEST(CaseNumberField, DefaultShapeAndProjectPattern)
{
    const std::vector<std::pair<const char*, const char*>> cases{
        {"CR-2024-00417", "CR-2024-00417"},
        {"24-1234", "24-1234"},
        {"#24-1234", "24-1234"},
        {"2024/0417", "2024/0417"},
        {"cr-2024-00417", "CR-2024-00417"},
        {"24 - 1234", "24-1234"},
        {"A123", "A123"},
        {"1234", "1234"},
    };
    for (const auto& [text, expected] : cases) {
        const FieldCheck c = check("case_number", text);
        EXPECT_TRUE(c.valid) << text << ": " << c.problem;
        EXPECT_EQ(c.normalized, QString::fromLatin1(expected)) << text;
    }
    EXPECT_EQ(check("case_number", "CR-ABCD").problem, QStringLiteral("a case number has at least one digit"));
    EXPECT_EQ(check("case_number", "A12").problem, QStringLiteral("a case number has at least 4 characters"));
    EXPECT_FALSE(check("case_number", "CR 2024 417").valid);
    EXPECT_FALSE(check("case_number", "24_1234").valid);
    EXPECT_FALSE(check("case_number", "-1234").valid);

    FieldPatterns p;
    p.caseNumber = QStringLiteral(R"(\d{2}-\d{6})");
    EXPECT_TRUE(check("case_number", "24-004417", p).valid);
    EXPECT_FALSE(check("case_number", "24-4417", p).valid);
    EXPECT_FALSE(check("case_number", "CR-2024-00417", p).valid);
    p.caseNumber = QStringLiteral("(");
    EXPECT_EQ(check("case_number", "24-004417", p).problem,
              QStringLiteral("the project's case number pattern \"(\" is not a valid regular expression"));
}

// ---- names ----

TEST(PersonNameField, LettersWithoutDigits)
{
    for (const char* name : {"Jonah R. Pritchard", "Pritchard, Jonah R.", "O'Brien", "Anne-Marie Lévesque",
                             "José Núñez", "Li", "王小明", "D’Angelo", "John Smith, Jr."}) {
        const FieldCheck c = check("person_name", name);
        EXPECT_TRUE(c.valid) << name << ": " << c.problem;
    }
    EXPECT_EQ(check("person_name", "  Jonah   R. Pritchard ").normalized, QStringLiteral("Jonah R. Pritchard"));
    EXPECT_EQ(check("person_name", "Pr1tchard").problem, QStringLiteral("digit 1 in a name"));
    EXPECT_EQ(check("person_name", "J").problem, QStringLiteral("a name has at least 2 letters"));
    EXPECT_EQ(check("person_name", "J. .").problem, QStringLiteral("a name has at least 2 letters"));
    EXPECT_EQ(check("person_name", "jonah@example").problem, QStringLiteral("\"@\" in a name"));
}

TEST(PersonNameField, KeyIgnoresCaseSpacingPunctuationAccentsAndCommaOrder)
{
    const QString key = personNameKey(QStringLiteral("Jonah R. Pritchard"));
    EXPECT_EQ(key, QStringLiteral("jonahrpritchard"));
    EXPECT_EQ(personNameKey(QStringLiteral("JONAH R PRITCHARD")), key);
    EXPECT_EQ(personNameKey(QStringLiteral("  jonah  r.pritchard")), key);
    EXPECT_EQ(personNameKey(QStringLiteral("Pritchard, Jonah R.")), key);
    EXPECT_EQ(personNameKey(QStringLiteral("José Núñez")), personNameKey(QStringLiteral("JOSE NUNEZ")));
    EXPECT_EQ(personNameKey(QStringLiteral("John Smith, Jr.")), QStringLiteral("johnsmithjr"));
    EXPECT_NE(personNameKey(QStringLiteral("Jonah Pritchard")), key);
    EXPECT_EQ(personNameKey(QStringLiteral("12 34")), QString());
}

// ---- checks across pages and documents ----

FieldValue value(DocumentId doc, int pageNumber, EntityId entity, const char* field, const char* text,
                 PixelBox box = {100, 100, 300, 130})
{
    FieldValue v;
    v.document = doc;
    v.page = doc * 100 + pageNumber; // page ids differ across documents
    v.pageNumber = pageNumber;
    v.entity = entity;
    v.field = QString::fromLatin1(field);
    v.value = QString::fromUtf8(text);
    v.box = box;
    return v;
}

// Every finding's message, for a failing assertion.
std::string all(const std::vector<FormFinding>& findings)
{
    std::string out;
    for (const FormFinding& f : findings)
        out += f.kind.toStdString() + ": " + f.message.toStdString() + "\n";
    return out;
}

std::vector<std::string> kinds(const std::vector<FormFinding>& findings)
{
    std::vector<std::string> out;
    for (const FormFinding& f : findings)
        out.push_back(f.kind.toStdString());
    return out;
}

TEST(CheckFields, NothingToSayAboutGoodValues)
{
    EXPECT_TRUE(checkFields({}, {}, kToday).empty());
    const std::vector<FieldValue> values{
        value(1, 1, 11, "case_number", "CR-2024-00417", {900, 50, 1200, 80}),
        value(1, 1, 12, "incident_date", "03/14/2024", {100, 150, 300, 180}),
        value(1, 1, 13, "person_name", "Jonah R. Pritchard", {100, 200, 400, 230}),
        value(1, 1, 14, "date_of_birth", "07/22/1988", {600, 200, 800, 230}),
        value(1, 1, 15, "vin", "1HGCM82633A004352", {100, 300, 500, 330}),
        value(1, 2, 21, "case_number", "CR-2024-00417", {900, 50, 1200, 80}),
        value(1, 2, 22, "report_date", "03/15/2024", {100, 150, 300, 180}),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    EXPECT_TRUE(findings.empty()) << all(findings);
}

TEST(CheckFields, InvalidValuesNameTheFieldAndTheProblem)
{
    const std::vector<FieldValue> values{
        value(1, 1, 11, "vin", "1M8GDM9AOKP042788"),
        value(1, 1, 12, "date_of_birth", "02/30/1988", {100, 200, 300, 230}),
        value(1, 1, 13, "officer", "  "),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    ASSERT_EQ(findings.size(), 3U);
    EXPECT_EQ(kinds(findings), (std::vector<std::string>{"invalid", "invalid", "invalid"}));
    EXPECT_EQ(findings[0].entity, 11);
    EXPECT_EQ(findings[0].message,
              QStringLiteral("VIN \"1M8GDM9AOKP042788\": letter O at position 9: VINs have no I, O or Q (a zero?)"));
    EXPECT_EQ(findings[1].entity, 12);
    EXPECT_EQ(findings[1].message, QStringLiteral("Date of birth \"02/30/1988\": February 1988 has no day 30"));
    EXPECT_EQ(findings[2].message, QStringLiteral("Officer is empty"));
    EXPECT_EQ(findings[2].page, 101);
    EXPECT_EQ(findings[2].pageNumber, 1);
    EXPECT_EQ(findings[2].document, 1);
}

TEST(CheckFields, ProjectPatternsApply)
{
    FieldPatterns p;
    p.caseNumber = QStringLiteral(R"(\d{2}-\d{6})");
    const std::vector<FieldValue> values{value(1, 1, 11, "case_number", "CR-2024-00417")};
    EXPECT_EQ(kinds(checkFields(values, p, kToday)), std::vector<std::string>{"invalid"});
    EXPECT_TRUE(checkFields(values, {}, kToday).empty());
}

TEST(CheckFields, CaseNumberThatDiffersFromTheMajorityOfPages)
{
    const std::vector<FieldValue> values{
        value(1, 1, 11, "case_number", "CR-2024-00417"),
        value(1, 2, 21, "case_number", "cr 2024/00417"),
        value(1, 3, 31, "case_number", "CR-2024-00471"),
        value(1, 4, 41, "case_number", "CR-2024-00417"),
        // Another document has its own case number: not compared with the first one's.
        value(2, 1, 51, "case_number", "CR-2024-00999"),
        value(2, 2, 61, "case_number", "CR-2024-00999"),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    // "cr 2024/00417" is the same number written otherwise (but does not fit the default shape's one space).
    ASSERT_EQ(findings.size(), 2U) << all(findings);
    EXPECT_EQ(findings[0].kind, QStringLiteral("invalid"));
    EXPECT_EQ(findings[0].entity, 21);
    EXPECT_EQ(findings[1].kind, QStringLiteral("case_number_differs"));
    EXPECT_EQ(findings[1].entity, 31);
    EXPECT_EQ(findings[1].pageNumber, 3);
    EXPECT_EQ(findings[1].message, QStringLiteral("Case number \"CR-2024-00471\" differs from \"CR-2024-00417\", the "
                                                  "case number on 3 of 4 pages of this document"));
}

TEST(CheckFields, CaseNumberTieGoesToTheEarliestPage)
{
    const std::vector<FieldValue> values{
        value(1, 2, 21, "case_number", "24-5678"), value(1, 1, 11, "case_number", "24-1234"),
        value(1, 1, 12, "case_number", "24-1234", {100, 2000, 300, 2030}), // the footer repeats it: one page
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].kind, QStringLiteral("case_number_differs"));
    EXPECT_EQ(findings[0].pageNumber, 2);
    EXPECT_EQ(findings[0].message, QStringLiteral("Case number \"24-5678\" differs from \"24-1234\", the case number "
                                                  "on 1 of 2 pages of this document"));
}

TEST(CheckFields, SamePersonWithAnotherBirthDateAcrossPagesAndDocuments)
{
    const std::vector<FieldValue> values{
        // Document 1, page 1: two people side by side, each with the date of birth under the name.
        value(1, 1, 11, "person_name", "Jonah R. Pritchard", {100, 200, 500, 230}),
        value(1, 1, 12, "person_name", "Ann Pritchard", {1000, 200, 1400, 230}),
        value(1, 1, 13, "date_of_birth", "07/22/1988", {100, 260, 300, 290}),
        value(1, 1, 14, "date_of_birth", "03/02/1990", {1000, 260, 1200, 290}),
        // Page 2: the name then its date of birth on the same line, in another spelling.
        value(1, 2, 21, "person_name", "PRITCHARD, JONAH R.", {100, 200, 500, 230}),
        value(1, 2, 22, "date_of_birth", "July 22, 1988", {700, 200, 1000, 230}),
        // Document 2: the same man with another date of birth (a misread 2 for 3), and one to the left of a
        // name that must not be paired with it.
        value(2, 1, 31, "date_of_birth", "01/01/1970", {10, 400, 90, 430}),
        value(2, 1, 32, "person_name", "jonah r pritchard", {100, 400, 500, 430}),
        value(2, 1, 33, "date_of_birth", "7/23/88", {100, 460, 300, 490}),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    ASSERT_EQ(findings.size(), 1U) << all(findings);
    EXPECT_EQ(findings[0].kind, QStringLiteral("birth_date_differs"));
    EXPECT_EQ(findings[0].document, 2);
    EXPECT_EQ(findings[0].entity, 33);
    EXPECT_EQ(findings[0].message, QStringLiteral("Date of birth of \"jonah r pritchard\" is 1988-07-23 here but "
                                                  "1988-07-22 elsewhere (given 2 times)"));
}

TEST(CheckFields, BirthDatePairedWithTheNearestBelowOrRight)
{
    // A list: each row a name and its date of birth; the second person's date is not the first one's.
    const std::vector<FieldValue> values{
        value(1, 1, 11, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 1, 12, "date_of_birth", "1990-03-02", {600, 200, 800, 230}),
        value(1, 1, 13, "person_name", "Bo Chen", {100, 260, 300, 290}),
        value(1, 1, 14, "date_of_birth", "1991-04-05", {600, 260, 800, 290}),
        value(1, 2, 21, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 2, 22, "date_of_birth", "1990-03-02", {600, 200, 800, 230}),
        value(1, 2, 23, "person_name", "Bo Chen", {100, 260, 300, 290}),
        value(1, 2, 24, "date_of_birth", "1991-04-05", {600, 260, 800, 290}),
    };
    EXPECT_TRUE(checkFields(values, {}, kToday).empty());

    // The same rows with Bo Chen's date changed on page 2: found on that date, not on Ann Lee's.
    std::vector<FieldValue> changed = values;
    changed[7].value = QStringLiteral("1991-04-06");
    changed.push_back(value(2, 1, 31, "person_name", "Bo Chen", {100, 260, 300, 290}));
    changed.push_back(value(2, 1, 32, "date_of_birth", "1991-04-05", {600, 260, 800, 290}));
    const std::vector<FormFinding> findings = checkFields(changed, {}, kToday);
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].kind, QStringLiteral("birth_date_differs"));
    EXPECT_EQ(findings[0].entity, 24);
}

TEST(CheckFields, AnInvalidBirthDateIsReportedOnceNotAsADifference)
{
    const std::vector<FieldValue> values{
        value(1, 1, 11, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 1, 12, "date_of_birth", "1990-03-02", {600, 200, 800, 230}),
        value(1, 2, 21, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 2, 22, "date_of_birth", "1990-02-30", {600, 200, 800, 230}),
    };
    EXPECT_EQ(kinds(checkFields(values, {}, kToday)), std::vector<std::string>{"invalid"});
}

TEST(CheckFields, AnInvalidBirthDateIsNotReplacedByTheNextRowsOne)
{
    const std::vector<FieldValue> values{
        value(1, 1, 11, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 1, 12, "date_of_birth", "1990-03-02", {600, 200, 800, 230}),
        value(1, 1, 13, "person_name", "Bo Chen", {100, 260, 300, 290}),
        value(1, 1, 14, "date_of_birth", "1991-04-05", {600, 260, 800, 290}),
        value(1, 2, 21, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 2, 22, "date_of_birth", "1990-02-3O", {600, 200, 800, 230}),
        value(1, 2, 23, "person_name", "Bo Chen", {100, 260, 300, 290}),
        value(1, 2, 24, "date_of_birth", "1991-04-05", {600, 260, 800, 290}),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    ASSERT_EQ(kinds(findings), std::vector<std::string>{"invalid"}) << all(findings);
    EXPECT_EQ(findings[0].entity, 22);
}

TEST(CheckFields, ARowWithoutABirthDateDoesNotTakeTheNextRowsOne)
{
    const std::vector<FieldValue> values{
        value(1, 1, 11, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 1, 12, "date_of_birth", "1990-03-02", {600, 200, 800, 230}),
        value(1, 1, 13, "person_name", "Bo Chen", {100, 260, 300, 290}),
        value(1, 1, 14, "date_of_birth", "1991-04-05", {600, 260, 800, 290}),
        // Page 2: Ann Lee's date of birth is not given; Bo Chen's, on the next row, is nearest below her name
        // but is Bo Chen's.
        value(1, 2, 21, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 2, 23, "person_name", "Bo Chen", {100, 260, 300, 290}),
        value(1, 2, 24, "date_of_birth", "1991-04-05", {600, 260, 800, 290}),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    EXPECT_TRUE(findings.empty()) << all(findings);
}

TEST(CheckFields, DatesInAPlausibleOrder)
{
    const std::vector<FieldValue> values{
        value(1, 1, 11, "incident_date", "03/14/2024", {100, 100, 300, 130}),
        value(1, 1, 12, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 1, 13, "date_of_birth", "04/01/2024", {600, 200, 800, 230}), // after the incident
        value(1, 2, 21, "report_date", "03/13/2024", {100, 100, 300, 130}),   // before the incident
        value(1, 2, 22, "report_date", "03/14/2024", {100, 200, 300, 230}),   // the same day is fine
        // Another document's incident date does not order this document's dates.
        value(2, 1, 31, "incident_date", "01/01/2020", {100, 100, 300, 130}),
        value(2, 1, 32, "date_of_birth", "01/01/2019", {600, 200, 800, 230}),
    };
    const std::vector<FormFinding> findings = checkFields(values, {}, kToday);
    ASSERT_EQ(findings.size(), 2U);
    EXPECT_EQ(kinds(findings), (std::vector<std::string>{"date_order", "date_order"}));
    EXPECT_EQ(findings[0].entity, 13);
    EXPECT_EQ(findings[0].message, QStringLiteral("Date of birth 2024-04-01 is after the incident date 2024-03-14"));
    EXPECT_EQ(findings[1].entity, 21);
    EXPECT_EQ(findings[1].message, QStringLiteral("Report date 2024-03-13 is before the incident date 2024-03-14"));
}

TEST(CheckFields, SameFindingsInTheSameOrderWhateverTheInputOrder)
{
    std::vector<FieldValue> values{
        value(1, 1, 11, "case_number", "24-1234"),
        value(1, 2, 21, "case_number", "24-1234"),
        value(1, 3, 31, "case_number", "24-1243"),
        value(1, 1, 12, "incident_date", "03/14/2024", {100, 150, 300, 180}),
        value(1, 1, 13, "vin", "1HGCM82633A004353", {100, 300, 500, 330}),
        value(1, 2, 22, "person_name", "Ann Lee", {100, 200, 300, 230}),
        value(1, 2, 23, "date_of_birth", "1990-03-02", {600, 200, 800, 230}),
        value(2, 1, 32, "person_name", "ANN LEE", {100, 200, 300, 230}),
        value(2, 1, 33, "date_of_birth", "1990-03-03", {600, 200, 800, 230}),
        value(2, 1, 34, "phone", "(555) 2O1-4477", {600, 300, 800, 330}),
        value(2, 2, 41, "date_of_birth", "2030-01-01", {600, 200, 800, 230}),
    };
    const std::vector<FormFinding> expected = checkFields(values, {}, kToday);
    // VIN (1/1), case number (1/3), birth date, phone (2/1; ANN LEE's 1990-03-03 differs from the first one
    // seen, a tie), future date of birth (2/2).
    EXPECT_EQ(kinds(expected),
              (std::vector<std::string>{"invalid", "case_number_differs", "birth_date_differs", "invalid", "invalid"}));
    std::mt19937 random(7);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(values.begin(), values.end(), random);
        const std::vector<FormFinding> again = checkFields(values, {}, kToday);
        ASSERT_EQ(again.size(), expected.size());
        for (size_t i = 0; i < again.size(); ++i) {
            EXPECT_EQ(again[i].kind, expected[i].kind);
            EXPECT_EQ(again[i].message, expected[i].message);
            EXPECT_EQ(again[i].entity, expected[i].entity);
        }
    }
}

} // namespace
} // namespace incidoc
