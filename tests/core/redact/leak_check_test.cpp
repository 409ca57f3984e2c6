// The leak check on texts as an export writes them (JSON, XML, README lines, the OCR of an image): every
// writing of an original value is found, ordinary words and other numbers are not, and megabytes are read
// in one pass.
#include "core/redact/leak_check.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/support/qt_printers.h"

using namespace incidoc;

namespace {

SensitiveValue value(SensitiveType type, const QString& text)
{
    return {type, text, valueKey(type, text)};
}

/// The values found in `text`, by index.
std::vector<int> found(const LeakMatcher& m, const QString& text)
{
    std::vector<int> out;
    for (const Leak& l : m.find(text))
        out.push_back(l.value);
    return out;
}

const std::vector<SensitiveValue>& planted()
{
    static const std::vector<SensitiveValue> values{
        value(SensitiveType::PersonName, QStringLiteral("Jonah R. Pritchard")), // 0
        value(SensitiveType::Phone, QStringLiteral("(555) 287-6612")),          // 1
        value(SensitiveType::Email, QStringLiteral("jpritchard@x.org")),        // 2
        value(SensitiveType::VehiclePlate, QStringLiteral("KTR 4582")),         // 3
        value(SensitiveType::Vin, QStringLiteral("1M8GDM9AXKP042788")),         // 4
        value(SensitiveType::IdNumber, QStringLiteral("CR-2024-00417")),        // 5
        value(SensitiveType::DateOfBirth, QStringLiteral("07/22/1988")),        // 6
        value(SensitiveType::Address, QStringLiteral("1200 W. Elm St")),        // 7
        value(SensitiveType::PersonName, QStringLiteral("Grace Hill")),         // 8
        value(SensitiveType::IdNumber, QStringLiteral("PO-4471")),              // 9
        value(SensitiveType::Signature, QStringLiteral("J.R.P.")),              // 10
    };
    return values;
}

TEST(LeakMatcher, FindsEveryWritingOfEachValue)
{
    const LeakMatcher m(planted());
    ASSERT_EQ(m.values().size(), planted().size());
    struct Case {
        const char* text;
        std::vector<int> values;
    };
    const std::vector<Case> cases{
        {R"({"text": "JONAH R PRITCHARD"})", {0}},
        {"the car of Pritchard's brother", {0}},
        {"the driver was Prit-\nchard", {0}},
        {"Statement of Pritchard, Jonah R.", {0}},
        {"phone 555-287-6612", {1}},
        {"phone 5552876612.", {1}},
        {"phone +1 555 287 6612", {1}},
        {"phone 555.287.\n6612", {1}},
        {"mail JPritchard@X.ORG", {0, 2}},
        {"mail jpritchard@x.\norg", {0, 2}},
        {"plate ktr-4582", {3}},
        {"plate KTR4582X", {3}},
        {"vin 1m8gdm9ax kp042788", {4}},
        {"case cr 2024 00417", {5}},
        {"born July 22, 1988", {6}},
        {"born 1988-07-22T00:00", {6}},
        {"born 22nd of July\n1988", {6}},
        {"lives at 1200 W Elm St.", {7}},
        {"GRACE HILL", {8}},
        {"Hill said so", {8}},
        {"badge PO 4471", {9}},
    };
    for (const Case& c : cases)
        EXPECT_EQ(found(m, QString::fromUtf8(c.text)), c.values) << c.text;
}

TEST(LeakMatcher, OrdinaryWordsAndOtherNumbersAreNotLeaks)
{
    const LeakMatcher m(planted());
    for (const char* text :
         {"up the hill, by the grace of god", "Hillary and the hills", "chardonnay", "room 4471 and 44712",
          "x=555287661, y=2876612555", "July 22, 1989", "07/23/1988", "KTR 4583", "J.R.P. signed",
          R"({"bbox": [555, 287, 6612, 4471], "id": 1200})", "Pritchardson", "jonah's whale"})
        EXPECT_TRUE(found(m, QString::fromUtf8(text)).empty()) << text;
}

TEST(LeakMatcher, SaysWhereEachValueIsFirstAndEveryPlace)
{
    const LeakMatcher m(planted());
    const QString text = QStringLiteral("Pritchard, then 555-287-6612 and Pritchard again");
    const std::vector<Leak> first = m.find(text);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].value, 0);
    EXPECT_EQ(first[0].at, 0);
    EXPECT_EQ(first[0].end, 9);
    EXPECT_EQ(first[1].value, 1);
    EXPECT_EQ(text.mid(first[1].at, first[1].end - first[1].at), QStringLiteral("555-287-6612"));
    EXPECT_EQ(m.findAll(text).size(), 3u);
    EXPECT_TRUE(LeakMatcher({}).find(text).empty());
}

TEST(LeakMatcher, ReadsMegabytesWithHundredsOfValues)
{
    // 400 names and phones, and 4 MB of JSON-like text with one planted phone at the end.
    std::vector<SensitiveValue> values;
    std::mt19937 random(5);
    for (int i = 0; i < 200; ++i) {
        const QString first = QString(QLatin1Char('A' + i % 26)) + QStringLiteral("zed") + QLatin1Char('a' + i / 26);
        values.push_back(value(SensitiveType::PersonName, first + QStringLiteral(" Quxley")));
        values.push_back(value(SensitiveType::Phone,
                               QStringLiteral("(6%1) 555-%2").arg(10 + i % 89).arg(1000 + i, 4, 10, QLatin1Char('0'))));
    }
    values.push_back(value(SensitiveType::Phone, QStringLiteral("(555) 287-6612")));
    const LeakMatcher m(values);
    QString text;
    text.reserve(4'200'000);
    std::uniform_int_distribution<int> number(0, 99999);
    while (text.size() < 4'000'000)
        text += QStringLiteral(R"({"text": "word %1", "box": [%2, %3, %4, %5]},)"
                               "\n")
                    .arg(number(random))
                    .arg(number(random))
                    .arg(number(random))
                    .arg(number(random))
                    .arg(number(random));
    text += QStringLiteral("call 555 287 6612");
    const std::vector<Leak> leaks = m.find(text);
    ASSERT_EQ(leaks.size(), 1u);
    EXPECT_EQ(leaks[0].value, static_cast<int>(values.size()) - 1);
}

} // namespace

namespace {

TEST(LeakMatcher, ALongValueUnderANameKeyIsFoundWholeNotByItsWords)
{
    const LeakMatcher m({value(SensitiveType::PersonName, QStringLiteral("A. L. Everett, Manager, Chain Accounts"))});
    EXPECT_EQ(found(m, QStringLiteral("cc: A. L. EVERETT, MANAGER, CHAIN ACCOUNTS - ATLANTA")), std::vector<int>{0});
    EXPECT_TRUE(found(m, QStringLiteral("The Manager of Chain Accounts agreed")).empty());
}

} // namespace
