// Sensitive data found on pages made for each case (their words laid out as a form or a narrative would be)
// and in a real project file: by typed fields, labels, key -> value pairs with and without stored links,
// patterns, a person's marks, and every other mention of a value in the project.
#include "core/redact/sensitive_finder.h"
#include "core/storage/project_store.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/funsd_forms.h"
#include "tests/support/qt_printers.h"
#include "tests/support/temp_project.h"
#include "tests/support/test_paths.h"

using namespace incidoc;

namespace {

constexpr int kCharWidth = 12, kHeight = 20, kLineStep = 32;

/// A page whose words are laid out line by line (12 px a character, 20 px high), ids unique in the test.
struct PageMaker {
    RedactionPageInput in;
    WordId* nextId;
    int y = 100;

    PageMaker(WordId* ids, DocumentId document, PageId page, int number) : nextId(ids)
    {
        in.document = document;
        in.page.id = page;
        in.page.documentId = document;
        in.page.number = number;
        in.page.widthPx = 2000;
        in.page.heightPx = 2600;
    }
    /// One line of words from x; returns their ids.
    std::vector<WordId> line(const QString& text, int x = 100)
    {
        std::vector<WordId> ids;
        for (const QString& t : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            WordRecord w;
            w.id = (*nextId)++;
            w.pageId = in.page.id;
            w.line = (y - 100) / kLineStep;
            w.order = static_cast<int>(in.words.size());
            w.text = t;
            w.box = {x, y, x + kCharWidth * static_cast<int>(t.size()), y + kHeight};
            x = w.box.x1 + kCharWidth;
            ids.push_back(w.id);
            in.words.push_back(w);
        }
        y += kLineStep;
        return ids;
    }
    const WordRecord& word(WordId id) const
    {
        return *std::find_if(in.words.begin(), in.words.end(), [&](const WordRecord& w) { return w.id == id; });
    }
    /// An entity of these words (text and box filled as reads do).
    EntityId entity(const std::vector<WordId>& ids, const QString& label, const QString& field = {})
    {
        EntityRecord e;
        e.id = static_cast<EntityId>(in.form.entities.size() + 1 + in.page.id * 100);
        e.pageId = in.page.id;
        e.label = label;
        e.field = field;
        e.words = ids;
        QStringList texts;
        for (WordId id : ids) {
            texts << word(id).text;
            e.box = e.box.united(word(id).box);
        }
        e.text = texts.join(QLatin1Char(' '));
        in.form.entities.push_back(e);
        return e.id;
    }
    void link(EntityId from, EntityId to)
    {
        LinkRecord l;
        l.pageId = in.page.id;
        l.from = from;
        l.to = to;
        in.form.links.push_back(l);
    }
};

RedactionPlan planOf(const std::vector<RedactionPageInput>& pages, const std::vector<LabelRecord>& labels = {},
                     const FieldPatterns& patterns = {})
{
    SensitiveFinder finder(labels, patterns);
    for (const auto& p : pages)
        finder.scan(p);
    for (const auto& p : pages)
        finder.findMentions(p);
    return finder.plan();
}

/// The texts of the findings of one type (and source, when given), in plan order.
QStringList textsOf(const RedactionPlan& plan, SensitiveType type, std::optional<FindingSource> source = {})
{
    QStringList out;
    for (const SensitiveFinding& f : plan.findings)
        if (f.type == type && (!source || f.source == *source))
            out << f.text;
    return out;
}

/// The texts of a page's words the plan rewrites, in reading order.
QStringList redactedWords(const RedactionPlan& plan, const RedactionPageInput& page)
{
    QStringList out;
    for (const WordRecord& w : page.words)
        if (plan.words.contains(w.id))
            out << w.text;
    return out;
}

std::optional<SensitiveType> typeOfWord(const RedactionPlan& plan, WordId id)
{
    const auto it = plan.words.constFind(id);
    return it == plan.words.constEnd() ? std::nullopt : std::optional(it->type);
}

class SensitiveFinderTest : public ::testing::Test {
protected:
    WordId ids = 1;
    PageMaker page(DocumentId document, PageId id, int number = 1) { return PageMaker(&ids, document, id, number); }
};

// ---- keys ----

TEST(ValueKey, IsWhatTwoWritingsOfOneValueShare)
{
    EXPECT_EQ(valueKey(SensitiveType::Phone, QStringLiteral("(555) 287-6612")), QStringLiteral("5552876612"));
    EXPECT_EQ(valueKey(SensitiveType::Phone, QStringLiteral("+1 555.287.6612")), QStringLiteral("5552876612"));
    EXPECT_EQ(valueKey(SensitiveType::Email, QStringLiteral("JPritchard @X.org")), QStringLiteral("jpritchard@x.org"));
    EXPECT_EQ(valueKey(SensitiveType::VehiclePlate, QStringLiteral("ktr-4582")), QStringLiteral("KTR4582"));
    EXPECT_EQ(valueKey(SensitiveType::PersonName, QStringLiteral("Pritchard, Jonah R.")),
              valueKey(SensitiveType::PersonName, QStringLiteral("JONAH R PRITCHARD")));
    EXPECT_EQ(valueKey(SensitiveType::DateOfBirth, QStringLiteral("July 22, 1988")), QStringLiteral("1988-07-22"));
    EXPECT_EQ(valueKey(SensitiveType::Date, QStringLiteral("07/22/1988")), QStringLiteral("1988-07-22"));
    EXPECT_EQ(valueKey(SensitiveType::Address, QStringLiteral("1200 W. Elm St")), QStringLiteral("1200welmst"));
}

TEST(KeyTable, KnowsTheKeysOfSensitiveValuesAsWritten)
{
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Driver:")), SensitiveType::PersonName);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Next of kin")), SensitiveType::PersonName);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("D.O.B.")), SensitiveType::DateOfBirth);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Date of Birth:")), SensitiveType::DateOfBirth);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("E-mail")), SensitiveType::Email);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Driver\u2019s License No.")), SensitiveType::IdNumber);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("License Plate")), SensitiveType::VehiclePlate);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Witness 2:")), SensitiveType::PersonName);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Vehicle owner")), SensitiveType::PersonName);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Signed")), SensitiveType::Signature);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Incident date")), std::nullopt);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Weather")), std::nullopt);
    // Longer keys of insurance forms; a sentence is no key.
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Driver at Time of Loss:")), SensitiveType::PersonName);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("Location:")), SensitiveType::Address);
    EXPECT_EQ(sensitiveTypeOfKey(QStringLiteral("The driver said that he was going home")), std::nullopt);
}

// ---- fields, labels, keys ----

TEST_F(SensitiveFinderTest, TypedFieldsAreFoundByTheirType)
{
    PageMaker p = page(1, 10);
    const auto name = p.line(QStringLiteral("Jonah R. Pritchard"));
    const auto dob = p.line(QStringLiteral("1988-07-22"));
    const auto loc = p.line(QStringLiteral("400 block of Harmon Ave"));
    const auto vin = p.line(QStringLiteral("1HGCM82633A004352"));
    const auto caseNo = p.line(QStringLiteral("2024/417"));
    const auto officer = p.line(QStringLiteral("Sgt. Ada Okafor"));
    const auto address = p.line(QStringLiteral("12 Rue Lepic, Paris"));
    const auto email = p.line(QStringLiteral("ada.okafor@pd.example.org"));
    const auto narrative = p.line(QStringLiteral("Vehicle left the road"));
    p.entity(name, QStringLiteral("answer"), QStringLiteral("person_name"));
    p.entity(dob, QStringLiteral("answer"), QStringLiteral("date_of_birth"));
    p.entity(loc, QStringLiteral("answer"), QStringLiteral("location"));
    p.entity(vin, QStringLiteral("answer"), QStringLiteral("vin"));
    p.entity(caseNo, QStringLiteral("answer"), QStringLiteral("case_number"));
    p.entity(officer, QStringLiteral("answer"), QStringLiteral("officer"));
    p.entity(address, QStringLiteral("answer"), QStringLiteral("address"));
    p.entity(email, QStringLiteral("answer"), QStringLiteral("email"));
    p.entity(narrative, QStringLiteral("answer"), QStringLiteral("narrative"));
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(textsOf(plan, SensitiveType::PersonName, FindingSource::Field),
              (QStringList{QStringLiteral("Jonah R. Pritchard"), QStringLiteral("Ada Okafor")}));
    // The officer's title stays, and is no part of the name searched for elsewhere.
    EXPECT_FALSE(plan.words.contains(officer.front())) << "Sgt. is a title, not the person";
    for (const SensitiveValue& v : plan.values)
        EXPECT_FALSE(v.text.startsWith(QStringLiteral("Sgt"))) << qPrintable(v.text);
    EXPECT_EQ(textsOf(plan, SensitiveType::DateOfBirth), QStringList{QStringLiteral("1988-07-22")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Address, FindingSource::Field),
              (QStringList{QStringLiteral("400 block of Harmon Ave"), QStringLiteral("12 Rue Lepic, Paris")}));
    EXPECT_EQ(textsOf(plan, SensitiveType::Vin), QStringList{QStringLiteral("1HGCM82633A004352")});
    EXPECT_EQ(textsOf(plan, SensitiveType::IdNumber), QStringList{QStringLiteral("2024/417")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Email), QStringList{QStringLiteral("ada.okafor@pd.example.org")});
    for (WordId id : narrative)
        EXPECT_FALSE(plan.words.contains(id)) << "a narrative is not sensitive as a whole";
    // Each word knows its place in its finding.
    const WordRedaction& last = plan.words.value(name.back());
    EXPECT_EQ(last.type, SensitiveType::PersonName);
    EXPECT_EQ(last.part, 2);
    EXPECT_EQ(last.parts, 3);
    EXPECT_EQ(plan.findings[static_cast<size_t>(last.finding)].text, QStringLiteral("Jonah R. Pritchard"));
    // Values: distinct, each finding pointing at its own.
    for (const SensitiveFinding& f : plan.findings) {
        ASSERT_GE(f.value, 0) << qPrintable(f.text);
        EXPECT_EQ(plan.values[static_cast<size_t>(f.value)].key, f.key);
        EXPECT_EQ(plan.values[static_cast<size_t>(f.value)].type, f.type);
    }
    EXPECT_EQ(plan.countByType().at(SensitiveType::PersonName), 2);
}

TEST_F(SensitiveFinderTest, WordLabelsSayWhatTheyHoldAndSignaturesAndPhotosAreFilled)
{
    const std::vector<LabelRecord> labels{
        {1, QStringLiteral("Driver_Name"), {}, {}},   {2, QStringLiteral("dob"), {}, {}},
        {3, QStringLiteral("signature"), {}, {}},     {4, QStringLiteral("face photo"), {}, {}},
        {5, QStringLiteral("License Plate"), {}, {}}, {6, QStringLiteral("weather"), {}, {}}};
    PageMaker p = page(1, 10);
    const auto name = p.line(QStringLiteral("Maria Lopez"));
    const auto dob = p.line(QStringLiteral("03.11.1979"));
    const auto sig = p.line(QStringLiteral("M.Lopez~"));
    const auto photo = p.line(QStringLiteral("[photo]"));
    const auto plate = p.line(QStringLiteral("7XYZ123"));
    const auto weather = p.line(QStringLiteral("rainy"));
    auto label = [&](const std::vector<WordId>& ids, LabelId l) {
        for (WordRecord& w : p.in.words)
            if (std::find(ids.begin(), ids.end(), w.id) != ids.end())
                w.labelId = l;
    };
    label(name, 1);
    label(dob, 2);
    label(sig, 3);
    label(photo, 4);
    label(plate, 5);
    label(weather, 6);
    const RedactionPlan plan = planOf({p.in}, labels);
    EXPECT_EQ(textsOf(plan, SensitiveType::PersonName, FindingSource::Label),
              QStringList{QStringLiteral("Maria Lopez")});
    EXPECT_EQ(textsOf(plan, SensitiveType::DateOfBirth, FindingSource::Label),
              QStringList{QStringLiteral("03.11.1979")});
    EXPECT_EQ(typeOfWord(plan, sig.front()), SensitiveType::Signature);
    EXPECT_EQ(typeOfWord(plan, photo.front()), SensitiveType::Photo);
    EXPECT_EQ(typeOfWord(plan, plate.front()), SensitiveType::VehiclePlate);
    EXPECT_FALSE(plan.words.contains(weather.front()));
    ASSERT_EQ(plan.fills.count(10), 1u);
    const auto& fills = plan.fills.at(10);
    auto filled = [&](WordId id) {
        const PixelBox box = p.word(id).box;
        return std::any_of(fills.begin(), fills.end(), [&](const PixelBox& f) { return f.intersected(box) == box; });
    };
    EXPECT_TRUE(filled(sig.front()));
    EXPECT_TRUE(filled(photo.front()));
    EXPECT_FALSE(filled(name.front())) << "a name's words are rewritten, not filled";
}

TEST_F(SensitiveFinderTest, KeysFindTheirValuesWithoutStoredLinks)
{
    PageMaker p = page(1, 10);
    p.line(QStringLiteral("Driver: Jonah R. Pritchard"));
    p.line(QStringLiteral("Date of Birth: 07/22/1988"));
    p.line(QStringLiteral("Owner: Maria Lopez Tel: 555 201 4477"));
    p.line(QStringLiteral("Next of kin: Esther Pritchard"));
    p.line(QStringLiteral("Address: 1200 W. Elm St, Apt 4"));
    p.line(QStringLiteral("DL: D123-4567-8901"));
    p.line(QStringLiteral("Weather: Clear"));
    p.line(QStringLiteral("INCIDENT REPORT Case No. 2026-INC-04417"));
    p.line(QStringLiteral("Page No. 2"));
    p.line(QStringLiteral("Badge No.: Silver"));
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(textsOf(plan, SensitiveType::PersonName, FindingSource::KeyValue),
              (QStringList{QStringLiteral("Jonah R. Pritchard"), QStringLiteral("Maria Lopez"),
                           QStringLiteral("Esther Pritchard")}));
    EXPECT_EQ(textsOf(plan, SensitiveType::DateOfBirth), QStringList{QStringLiteral("07/22/1988")})
        << "the date found by its key is a date of birth, not a date";
    EXPECT_TRUE(textsOf(plan, SensitiveType::Date).isEmpty());
    EXPECT_EQ(textsOf(plan, SensitiveType::Phone), QStringList{QStringLiteral("555 201 4477")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Address), QStringList{QStringLiteral("1200 W. Elm St, Apt 4")});
    EXPECT_EQ(textsOf(plan, SensitiveType::IdNumber, FindingSource::KeyValue),
              (QStringList{QStringLiteral("D123-4567-8901"), QStringLiteral("2026-INC-04417")}))
        << "a number's key without ':' (\"Case No.\") names the word after it; \"Page No.\" does not";
    const QStringList words = redactedWords(plan, p.in);
    EXPECT_FALSE(words.contains(QStringLiteral("Driver:")));
    EXPECT_FALSE(words.contains(QStringLiteral("Tel:")));
    EXPECT_FALSE(words.contains(QStringLiteral("Clear")));
    EXPECT_FALSE(words.contains(QStringLiteral("Silver"))) << "a number's key paired with a word without digits";
}

TEST_F(SensitiveFinderTest, StoredLinksAndTableHeadersGiveTheirValuesTypes)
{
    PageMaker p = page(1, 10);
    const auto ownerKey = p.line(QStringLiteral("Registered Owner"));
    const auto owner = p.line(QStringLiteral("Grace Hill"), 140);
    const auto header = p.line(QStringLiteral("Witness"));
    const auto cell = p.line(QStringLiteral("Tomas Novak"));
    const auto colour = p.line(QStringLiteral("Colour"));
    const auto blue = p.line(QStringLiteral("Blue"));
    p.link(p.entity(ownerKey, QStringLiteral("question")), p.entity(owner, QStringLiteral("answer")));
    p.link(p.entity(header, QStringLiteral("question")), p.entity(cell, QStringLiteral("answer")));
    p.link(p.entity(colour, QStringLiteral("question")), p.entity(blue, QStringLiteral("answer")));
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(textsOf(plan, SensitiveType::PersonName, FindingSource::KeyValue),
              (QStringList{QStringLiteral("Grace Hill"), QStringLiteral("Tomas Novak")}));
    EXPECT_FALSE(plan.words.contains(blue.front()));
}

TEST_F(SensitiveFinderTest, SignatureKeyBlanksItsValue)
{
    PageMaker p = page(1, 10);
    p.line(QStringLiteral("Signature: J.R.Pritchard"));
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(textsOf(plan, SensitiveType::Signature), QStringList{QStringLiteral("J.R.Pritchard")});
    ASSERT_EQ(plan.fills.count(10), 1u);
    EXPECT_EQ(plan.fills.at(10).front(), p.in.words.back().box);
}

// ---- patterns ----

TEST_F(SensitiveFinderTest, PatternsFindEveryPhoneEmailDatePlateVinAndIdNumber)
{
    PageMaker p = page(1, 10);
    p.line(QStringLiteral("Call (555) 287-6612 or 555-287-6613 or 5552876614 or +1 555 287 6615 or 555.287.6616"));
    p.line(QStringLiteral("Mail jpritchard@x.org now; the report of July 22, 1988 and 22 Jul 1988 and 2024-03-15"));
    p.line(QStringLiteral("Plate KTR 4582 left; VIN 1M8GDM9AXKP042788 seen; SSN 123-45-6789; case CR-2024-00417 open"));
    p.line(QStringLiteral("Badge 4471 and 12 cars and version 1.2 and room 101 and 555-0199"));
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(
        textsOf(plan, SensitiveType::Phone),
        (QStringList{QStringLiteral("(555) 287-6612"), QStringLiteral("555-287-6613"), QStringLiteral("5552876614"),
                     QStringLiteral("+1 555 287 6615"), QStringLiteral("555.287.6616")}));
    EXPECT_EQ(textsOf(plan, SensitiveType::Email), QStringList{QStringLiteral("jpritchard@x.org")});
    EXPECT_EQ(
        textsOf(plan, SensitiveType::Date),
        (QStringList{QStringLiteral("July 22, 1988"), QStringLiteral("22 Jul 1988"), QStringLiteral("2024-03-15")}));
    EXPECT_EQ(textsOf(plan, SensitiveType::VehiclePlate), QStringList{QStringLiteral("KTR 4582")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Vin), QStringList{QStringLiteral("1M8GDM9AXKP042788")});
    EXPECT_EQ(textsOf(plan, SensitiveType::IdNumber),
              (QStringList{QStringLiteral("123-45-6789;"), QStringLiteral("CR-2024-00417")}))
        << "a word holding part of a value is redacted whole";
    for (const QString& w : {QStringLiteral("Badge"), QStringLiteral("4471"), QStringLiteral("12"),
                             QStringLiteral("1.2"), QStringLiteral("101"), QStringLiteral("Call")})
        EXPECT_FALSE(redactedWords(plan, p.in).contains(w)) << qPrintable(w);
}

TEST_F(SensitiveFinderTest, ValuesSplitAcrossWordsAndLineBreaksAreFoundWhole)
{
    PageMaker p = page(1, 10);
    p.line(QStringLiteral("Reach him at (555)"));
    p.line(QStringLiteral("287-6612 or jpritchard@x."));
    p.line(QStringLiteral("org about case CR-2024-"));
    p.line(QStringLiteral("00417 and VIN 1M8GDM9AX KP042788"));
    p.line(QStringLiteral("born July"));
    p.line(QStringLiteral("22, 1988 ok"));
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(textsOf(plan, SensitiveType::Phone), QStringList{QStringLiteral("(555) 287-6612")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Email), QStringList{QStringLiteral("jpritchard@x. org")});
    EXPECT_EQ(textsOf(plan, SensitiveType::IdNumber), QStringList{QStringLiteral("CR-2024- 00417")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Vin), QStringList{QStringLiteral("1M8GDM9AX KP042788")});
    EXPECT_EQ(textsOf(plan, SensitiveType::Date), QStringList{QStringLiteral("July 22, 1988")});
    const RedactionPlan again = planOf({p.in});
    EXPECT_EQ(plan.values.size(), again.values.size()) << "deterministic";
}

TEST_F(SensitiveFinderTest, TheProjectsPlatePatternFindsItsPlates)
{
    PageMaker p = page(1, 10);
    p.line(QStringLiteral("Vehicle B-AB 1234 parked"));
    FieldPatterns patterns;
    patterns.vehiclePlate = QStringLiteral(R"([A-Z]{1,3}-[A-Z]{1,2} \d{1,4})");
    const RedactionPlan plan = planOf({p.in}, {}, patterns);
    EXPECT_EQ(textsOf(plan, SensitiveType::VehiclePlate), QStringList{QStringLiteral("B-AB 1234")});
    EXPECT_TRUE(textsOf(planOf({p.in}), SensitiveType::VehiclePlate).isEmpty());
}

// ---- mentions ----

TEST_F(SensitiveFinderTest, MentionsOfANameOnOtherPagesAndDocumentsInEveryWriting)
{
    PageMaker form = page(1, 10);
    form.line(QStringLiteral("Driver: Jonah R. Pritchard"));
    form.line(QStringLiteral("Witness: Grace Hill"));
    PageMaker narrative = page(1, 11, 2);
    narrative.line(QStringLiteral("Pritchard's car was seen by JONAH PRITCHARD himself and by Mr. Pritchard."));
    narrative.line(QStringLiteral("He walked up the hill; Hill said the driver was Prit-"));
    narrative.line(QStringLiteral("chard. Write to jpritchard@x.org or call grace hill."));
    narrative.line(QStringLiteral("The chardonnay and the hills and Hillary were not his."));
    PageMaker other = page(2, 20);
    other.line(QStringLiteral("Statement of Pritchard, Jonah R. dated today"));
    const RedactionPlan plan = planOf({form.in, narrative.in, other.in});

    EXPECT_EQ(redactedWords(plan, narrative.in),
              (QStringList{QStringLiteral("Pritchard's"), QStringLiteral("JONAH"), QStringLiteral("PRITCHARD"),
                           QStringLiteral("Pritchard."), QStringLiteral("Hill"), QStringLiteral("Prit-"),
                           QStringLiteral("chard."), QStringLiteral("jpritchard@x.org"), QStringLiteral("grace"),
                           QStringLiteral("hill.")}));
    EXPECT_EQ(redactedWords(plan, other.in),
              (QStringList{QStringLiteral("Pritchard,"), QStringLiteral("Jonah"), QStringLiteral("R.")}));
    for (const SensitiveFinding& f : plan.findings) {
        if (f.page == 10 || f.type == SensitiveType::Email)
            continue; // the e-mail address is a value of its own, found by its pattern
        EXPECT_EQ(f.source, FindingSource::Mention) << qPrintable(f.text);
        EXPECT_EQ(f.type, SensitiveType::PersonName) << qPrintable(f.text);
        // A mention carries the key of the value it mentions: one pseudonym for all.
        EXPECT_TRUE(f.key == valueKey(SensitiveType::PersonName, QStringLiteral("Jonah R. Pritchard"))
                    || f.key == valueKey(SensitiveType::PersonName, QStringLiteral("Grace Hill")))
            << qPrintable(f.text);
    }
    EXPECT_EQ(textsOf(plan, SensitiveType::PersonName).count(QStringLiteral("Pritchard's")), 1);
    // Two values, however many mentions.
    EXPECT_EQ(std::count_if(plan.values.begin(), plan.values.end(),
                            [](const SensitiveValue& v) { return v.type == SensitiveType::PersonName; }),
              2);
}

TEST_F(SensitiveFinderTest, MentionsOfPhonesPlatesAndDatesOfBirthWrittenOtherwise)
{
    PageMaker form = page(1, 10);
    form.line(QStringLiteral("Phone: (555) 287-6612"));
    form.line(QStringLiteral("DOB: 07/22/1988"));
    form.line(QStringLiteral("Plate: KTR 4582"));
    form.line(QStringLiteral("Badge: PO-4471"));
    PageMaker narrative = page(2, 20);
    narrative.line(QStringLiteral("Called 555-287-6612 then 5552876612 then 555.287."));
    narrative.line(QStringLiteral("6612 twice; born on July 22, 1988 in a car ktr-4582 (KTR4582)."));
    narrative.line(QStringLiteral("Unit po4471 and room 4471 and 28766 stay."));
    const RedactionPlan plan = planOf({form.in, narrative.in});
    EXPECT_EQ(
        redactedWords(plan, narrative.in),
        (QStringList{QStringLiteral("555-287-6612"), QStringLiteral("5552876612"), QStringLiteral("555.287."),
                     QStringLiteral("6612"), QStringLiteral("July"), QStringLiteral("22,"), QStringLiteral("1988"),
                     QStringLiteral("ktr-4582"), QStringLiteral("(KTR4582)."), QStringLiteral("po4471")}));
    for (const SensitiveFinding& f : plan.findings)
        if (f.page == 20 && f.text.startsWith(QLatin1String("July"))) {
            EXPECT_EQ(f.type, SensitiveType::DateOfBirth) << "the same day as a date of birth is that date of birth";
            EXPECT_EQ(f.key, QStringLiteral("1988-07-22"));
        }
}

// ---- marks ----

TEST_F(SensitiveFinderTest, AnOverruledMarkKeepsItsWordsEverywhere)
{
    PageMaker form = page(1, 10);
    const auto date = form.line(QStringLiteral("Printed 2024-03-15 form 7"));
    const auto name = form.line(QStringLiteral("Name: Tomas Hill"));
    PageMaker other = page(1, 11, 2);
    other.line(QStringLiteral("Revised 2024-03-15 by Tomas"));
    RedactionMark keep;
    keep.id = 5;
    keep.pageId = 10;
    keep.target = MarkTarget::Word;
    keep.word = date[1];
    keep.box = form.word(date[1]).box;
    keep.sensitive = false;
    form.in.marks.push_back(keep);
    RedactionMark keepHill = keep;
    keepHill.id = 6;
    keepHill.word = name[2];
    keepHill.box = form.word(name[2]).box;
    form.in.marks.push_back(keepHill);
    const RedactionPlan plan = planOf({form.in, other.in});
    EXPECT_FALSE(plan.words.contains(date[1]));
    EXPECT_TRUE(plan.overruled.count(date[1]));
    EXPECT_TRUE(plan.overruled.count(name[2]));
    EXPECT_EQ(textsOf(plan, SensitiveType::PersonName, FindingSource::KeyValue), QStringList{QStringLiteral("Tomas")})
        << "the overruled word leaves the finding";
    // The date that was overruled where it was found is no value, so not a mention elsewhere: it is still a
    // date by its own pattern there.
    EXPECT_EQ(redactedWords(plan, other.in), (QStringList{QStringLiteral("2024-03-15"), QStringLiteral("Tomas")}));
    for (const SensitiveFinding& f : plan.findings)
        EXPECT_TRUE(std::find(f.words.begin(), f.words.end(), date[1]) == f.words.end());
}

TEST_F(SensitiveFinderTest, RegionWordAndEntityMarks)
{
    PageMaker p = page(1, 10);
    const auto a = p.line(QStringLiteral("Seen near the old mill by a farmer"));
    const auto b = p.line(QStringLiteral("who keeps bees"));
    const auto sig = p.line(QStringLiteral("scribble"));
    const auto ent = p.line(QStringLiteral("Red Fox Farm"));
    const EntityId farm = p.entity(ent, QStringLiteral("answer"));
    // A region over "old mill" and an empty area (a text-layer page's picture): both filled.
    RedactionMark region;
    region.id = 1;
    region.pageId = 10;
    region.target = MarkTarget::Region;
    region.box = p.word(a[3]).box.united(p.word(a[4]).box);
    region.type = SensitiveType::Address;
    RedactionMark empty = region;
    empty.id = 2;
    empty.box = {1500, 1500, 1800, 1900};
    empty.type = SensitiveType::Photo;
    // A word mark whose word is gone (a re-OCR replaced it): the words whose centres lie in its box.
    RedactionMark word;
    word.id = 3;
    word.pageId = 10;
    word.target = MarkTarget::Word;
    word.word = 99999;
    word.box = p.word(b[2]).box;
    word.type = SensitiveType::Other;
    RedactionMark signature;
    signature.id = 4;
    signature.pageId = 10;
    signature.target = MarkTarget::Word;
    signature.word = sig.front();
    signature.box = p.word(sig.front()).box;
    signature.type = SensitiveType::Signature;
    RedactionMark entity;
    entity.id = 5;
    entity.pageId = 10;
    entity.target = MarkTarget::Entity;
    entity.entity = farm;
    entity.box = p.in.form.entities.front().box;
    entity.type = SensitiveType::Address;
    p.in.marks = {region, empty, word, signature, entity};
    const RedactionPlan plan = planOf({p.in});
    EXPECT_EQ(
        redactedWords(plan, p.in),
        (QStringList{QStringLiteral("old"), QStringLiteral("mill"), QStringLiteral("bees"), QStringLiteral("scribble"),
                     QStringLiteral("Red"), QStringLiteral("Fox"), QStringLiteral("Farm")}));
    EXPECT_EQ(typeOfWord(plan, a[3]), SensitiveType::Address);
    EXPECT_EQ(typeOfWord(plan, b[2]), SensitiveType::Other);
    ASSERT_EQ(plan.fills.count(10), 1u);
    const auto& fills = plan.fills.at(10);
    EXPECT_EQ(fills.size(), 3u) << "two regions and the signature";
    EXPECT_NE(std::find(fills.begin(), fills.end(), empty.box), fills.end());
    EXPECT_NE(std::find(fills.begin(), fills.end(), region.box), fills.end());
    const auto bare =
        std::find_if(plan.findings.begin(), plan.findings.end(), [](const SensitiveFinding& f) { return f.mark == 2; });
    ASSERT_NE(bare, plan.findings.end());
    EXPECT_TRUE(bare->words.empty());
    EXPECT_EQ(bare->box, empty.box);
    EXPECT_EQ(bare->source, FindingSource::Manual);
    EXPECT_EQ(bare->value, -1);
    // A marked value is looked for elsewhere too.
    PageMaker other = page(1, 11, 2);
    other.line(QStringLiteral("Deliveries to RED FOX FARM on Mondays"));
    const RedactionPlan both = planOf({p.in, other.in});
    EXPECT_EQ(redactedWords(both, other.in),
              (QStringList{QStringLiteral("RED"), QStringLiteral("FOX"), QStringLiteral("FARM")}));
}

// ---- a project ----

TEST_F(SensitiveFinderTest, PlanOfARealProjectReadsWordsFormsLabelsAndMarks)
{
    test::TempProject project;
    auto store = project.store();
    ASSERT_TRUE(store);
    // Two documents of one page each: a form with a driver, a narrative that names him.
    PageMaker form = page(0, 0);
    form.line(QStringLiteral("Driver: Jonah R. Pritchard"));
    form.line(QStringLiteral("Phone: (555) 287-6612"));
    form.line(QStringLiteral("Case Number"));
    form.line(QStringLiteral("CR-2024-00417"));
    form.line(QStringLiteral("Printed by county"));
    PageMaker narrative = page(0, 0);
    narrative.line(QStringLiteral("Pritchard called from 555-287-6612 about CR-2024-00417."));
    narrative.line(QStringLiteral("A failed page follows."));
    std::vector<PageId> pageIds;
    for (int d = 0; d < 2; ++d) {
        DocumentRecord doc;
        doc.path = QStringLiteral("/tmp/report-%1.png").arg(d);
        doc.name = QStringLiteral("report-%1.png").arg(d);
        doc.sha256 = QString(64, QLatin1Char(d == 0 ? 'a' : 'b'));
        doc.size = 100;
        doc.kind = DocumentKind::Image;
        doc.pageCount = 1;
        PageInfo info;
        info.widthPx = 2000;
        info.heightPx = 2600;
        auto id = store->addDocument(doc, {info});
        ASSERT_TRUE(id.ok()) << qPrintable(id.error().message);
        const PageRecord page = store->pages(*id)->front();
        pageIds.push_back(page.id);
        PageOutcome o;
        o.pageId = page.id;
        o.widthPx = 2000;
        o.heightPx = 2600;
        o.dpi = 300;
        o.engine = QStringLiteral("tesseract");
        for (const WordRecord& w : (d == 0 ? form : narrative).in.words) {
            RecognizedWord r;
            r.text = w.text;
            r.box = w.box;
            r.confidence = 95.f;
            r.line = w.line;
            o.result.words.push_back(r);
        }
        ASSERT_TRUE(store->markProcessing({page.id}).ok());
        ASSERT_TRUE(store->storeOutcomes({o}).ok());
    }
    // The case number's key and value as stored entities and a link; the narrative's "failed" marked
    // sensitive.
    const std::vector<WordRecord> formWords = *store->words(pageIds[0]);
    auto idOf = [&](const std::vector<WordRecord>& words, const QString& text) {
        return std::find_if(words.begin(), words.end(), [&](const WordRecord& w) { return w.text == text; })->id;
    };
    EntityRecord key;
    key.pageId = pageIds[0];
    key.label = QStringLiteral("question");
    key.words = {idOf(formWords, QStringLiteral("Case")), idOf(formWords, QStringLiteral("Number"))};
    EntityRecord value;
    value.pageId = pageIds[0];
    value.label = QStringLiteral("answer");
    value.field = QStringLiteral("case_number");
    value.words = {idOf(formWords, QStringLiteral("CR-2024-00417"))};
    auto keyId = store->addEntity(key);
    auto valueId = store->addEntity(value);
    ASSERT_TRUE(keyId.ok() && valueId.ok());
    LinkRecord link;
    link.pageId = pageIds[0];
    link.from = *keyId;
    link.to = *valueId;
    ASSERT_TRUE(store->addLink(link).ok());
    const std::vector<WordRecord> narrativeWords = *store->words(pageIds[1]);
    RedactionMark mark;
    mark.pageId = pageIds[1];
    mark.target = MarkTarget::Word;
    mark.word = idOf(narrativeWords, QStringLiteral("failed"));
    mark.box = std::find_if(narrativeWords.begin(), narrativeWords.end(), [&](const WordRecord& w) {
                   return w.id == mark.word;
               })->box;
    mark.type = SensitiveType::Other;
    ASSERT_TRUE(store->addRedactionMark(mark).ok());

    auto plan = planRedaction(*store);
    ASSERT_TRUE(plan.ok()) << qPrintable(plan.error().message);
    QStringList narrativeRedacted;
    for (const WordRecord& w : narrativeWords)
        if (plan->words.contains(w.id))
            narrativeRedacted << w.text;
    EXPECT_EQ(narrativeRedacted, (QStringList{QStringLiteral("Pritchard"), QStringLiteral("555-287-6612"),
                                              QStringLiteral("CR-2024-00417."), QStringLiteral("failed")}));
    EXPECT_EQ(textsOf(*plan, SensitiveType::IdNumber, FindingSource::Field),
              QStringList{QStringLiteral("CR-2024-00417")});
    EXPECT_EQ(textsOf(*plan, SensitiveType::PersonName, FindingSource::KeyValue),
              QStringList{QStringLiteral("Jonah R. Pritchard")})
        << "a page with stored entities keeps its own keys found by their ':'";
    EXPECT_FALSE(plan->words.contains(idOf(formWords, QStringLiteral("county"))));

    // One document only: the other's values are not looked for.
    auto only = planRedaction(*store, {store->documents()->back().id});
    ASSERT_TRUE(only.ok());
    EXPECT_TRUE(textsOf(*only, SensitiveType::PersonName).isEmpty()) << "\"Pritchard\" alone is found from the form";
    EXPECT_FALSE(planRedaction(*store, {12345}).ok());
}

} // namespace

namespace {

// ---- real forms ----

TEST(SensitiveFinderOnRealForms, FunsdFormsWithTheirLinksAndWithout)
{
    const QString dir = test::testData(QStringLiteral("funsd/training_data"));
    const QStringList names = test::funsdFormNames(dir);
    ASSERT_FALSE(names.isEmpty());
    std::vector<RedactionPageInput> stored, bare;
    PageId id = 1;
    for (const QString& name : names) {
        const test::FunsdForm f = test::readFunsdForm(dir, name);
        RedactionPageInput in;
        in.document = id;
        in.page.id = id;
        in.page.number = 1;
        // A project's word ids are unique: FUNSD's are per form.
        in.words = f.words;
        for (WordRecord& w : in.words) {
            w.pageId = id;
            w.id += id * 100000;
        }
        in.form = f.form;
        for (EntityRecord& e : in.form.entities)
            for (WordId& w : e.words)
                w += id * 100000;
        stored.push_back(in);
        in.form = {};
        bare.push_back(in);
        ++id;
    }
    // The forms of the test data (1980s-90s reports and orders): with their own links and without any (keys
    // read from the layout). Keys stay readable; the phone, the dates and the people named are found; a long
    // value under a "NAME" key is found whole, its ordinary words ("Manager") are no mentions elsewhere.
    for (const auto* pages : {&stored, &bare}) {
        const RedactionPlan plan = planOf(*pages);
        const QStringList phones = textsOf(plan, SensitiveType::Phone);
        EXPECT_EQ(phones, QStringList{QStringLiteral("214 340 9308")});
        EXPECT_TRUE(textsOf(plan, SensitiveType::Date).contains(QStringLiteral("SEPT. 27, 1991")));
        EXPECT_TRUE(textsOf(plan, SensitiveType::Date).contains(QStringLiteral("3/17/82")));
        EXPECT_TRUE(textsOf(plan, SensitiveType::PersonName, FindingSource::KeyValue)
                        .contains(QStringLiteral("A. L. EVERETT, MANAGER, CHAIN ACCOUNTS - ATLANTA, GA")));
        for (const SensitiveFinding& f : plan.findings)
            EXPECT_FALSE(f.source == FindingSource::Mention && f.text.startsWith(QLatin1String("Manager")))
                << qPrintable(f.text);
        for (const auto& in : *pages)
            for (const WordRecord& w : in.words)
                EXPECT_FALSE(plan.words.contains(w.id) && w.text.size() > 1 && w.text.endsWith(QLatin1Char(':')))
                    << qPrintable(w.text);
    }
    const RedactionPlan withLinks = planOf(stored);
    EXPECT_EQ(textsOf(withLinks, SensitiveType::Signature, FindingSource::KeyValue),
              QStringList{QStringLiteral("B. D. WINGLER")});
    EXPECT_TRUE(textsOf(withLinks, SensitiveType::PersonName, FindingSource::KeyValue)
                    .contains(QStringLiteral("M. Hamann P. Harper, P. Martinez")));
}

} // namespace

namespace {

// ---- generated forms ----

/// A VIN with its check digit right, from 16 other characters.
QString validVin(const QString& sixteen)
{
    QString vin = sixteen.left(8) + QLatin1Char('0') + sixteen.mid(8);
    vin[8] = QLatin1Char(vinCheckDigit(vin));
    return vin;
}

TEST_F(SensitiveFinderTest, FiftyGeneratedFormsLeaveNoPlantedValueUnfound)
{
    // 50 one-page reports: keys and values (stored as fields on every other form, read from the layout on
    // the others), a narrative that names the driver and repeats the phone and the plate in other writings,
    // and a table of witnesses (with stored links on every other form). Nothing marked by a person: every
    // planted value is found.
    const QStringList first{QStringLiteral("Jonah"),  QStringLiteral("Maria"), QStringLiteral("Tomas"),
                            QStringLiteral("Esther"), QStringLiteral("Ada"),   QStringLiteral("Wen")};
    const QStringList last{QStringLiteral("Pritchard"), QStringLiteral("Lopez"), QStringLiteral("Novak"),
                           QStringLiteral("Okafor"),    QStringLiteral("Hill"),  QStringLiteral("Marsh"),
                           QStringLiteral("Castillo"),  QStringLiteral("Brandt")};
    std::vector<RedactionPageInput> pages;
    struct Planted {
        PageId page;
        std::vector<WordId> words;
        QString what;
    };
    std::vector<Planted> fieldValues, narrativeValues, tableValues;
    for (int i = 0; i < 50; ++i) {
        PageMaker p = page(i / 5 + 1, 1000 + i, i % 5 + 1);
        const QString given = first[i % first.size()], family = last[(i * 3) % last.size()];
        const QString name = given + QStringLiteral(" ") + family;
        const QString phone = QStringLiteral("(%1) %2-%3").arg(200 + i).arg(300 + i).arg(1000 + i * 7);
        const QString plate = QStringLiteral("K%1R %2").arg(QChar(QLatin1Char('A' + i % 26))).arg(4000 + i);
        const QString vin = validVin(QStringLiteral("1HGCM8263%1").arg(100000 + i * 13));
        const QString dob = QStringLiteral("%1/%2/19%3").arg(1 + i % 12).arg(1 + i % 28).arg(60 + i % 30);
        const QString email =
            given.toLower() + QStringLiteral(".") + family.toLower() + QStringLiteral("@mail.example");
        const QString caseNo = QStringLiteral("CR-2024-%1").arg(10000 + i);
        const QString address = QStringLiteral("%1 Elm St").arg(100 + i);
        const bool stored = i % 2 == 0;
        auto keyValue = [&](const QString& key, const QString& value, const QString& field) {
            const auto k = p.line(key + QStringLiteral(" ") + value);
            const std::vector<WordId> v(k.begin() + key.count(QLatin1Char(' ')) + 1, k.end());
            if (stored)
                p.entity(v, QStringLiteral("answer"), field);
            fieldValues.push_back({p.in.page.id, v, value});
        };
        keyValue(QStringLiteral("Driver:"), name, QStringLiteral("person_name"));
        keyValue(QStringLiteral("Date of birth:"), dob, QStringLiteral("date_of_birth"));
        keyValue(QStringLiteral("Phone:"), phone, QStringLiteral("phone"));
        keyValue(QStringLiteral("Address:"), address, QStringLiteral("address"));
        keyValue(QStringLiteral("Email:"), email, QStringLiteral("email"));
        keyValue(QStringLiteral("Plate:"), plate, QStringLiteral("vehicle_plate"));
        keyValue(QStringLiteral("VIN:"), vin, QStringLiteral("vin"));
        keyValue(QStringLiteral("Case No:"), caseNo, QStringLiteral("case_number"));
        p.y += kLineStep;
        auto sentence = [&](const QString& text, const QStringList& planted) {
            const auto ids = p.line(text);
            for (const QString& s : planted)
                for (WordId id : ids)
                    if (p.word(id).text.contains(s))
                        narrativeValues.push_back({p.in.page.id, {id}, s});
        };
        sentence(QStringLiteral("%1 said %2's car was parked on the hill.").arg(family.toUpper(), family),
                 {family.toUpper(), family});
        sentence(
            QStringLiteral("Call %1 or %2 about plate %3.")
                .arg(QString(phone).remove(QRegularExpression(QStringLiteral("[^0-9]"))),
                     QString(phone)
                         .replace(QLatin1Char(' '), QLatin1Char('.'))
                         .remove(QLatin1Char('('))
                         .remove(QLatin1Char(')')),
                     QString(plate).toLower().replace(QLatin1Char(' '), QLatin1Char('-'))),
            {QString(phone).remove(QRegularExpression(QStringLiteral("[^0-9]"))), QString(plate).toLower().left(3)});
        p.y += kLineStep;
        const auto header = p.line(QStringLiteral("Witness"));
        const EntityId headerEntity = stored ? p.entity(header, QStringLiteral("question")) : 0;
        for (int r = 0; r < 2; ++r) {
            // A name of its own (not a mention of another value): what the table alone must give.
            static const QStringList syllables{QStringLiteral("Ka"), QStringLiteral("Lo"), QStringLiteral("Mi"),
                                               QStringLiteral("Ne"), QStringLiteral("Ru"), QStringLiteral("So"),
                                               QStringLiteral("Ta"), QStringLiteral("Vi")};
            static const QStringList given{QStringLiteral("Ilse"), QStringLiteral("Oskar"), QStringLiteral("Runa"),
                                           QStringLiteral("Teodor")};
            const int n = 2 * i + r;
            const QString witness = given[n % 4] + QStringLiteral(" ") + syllables[n % 8]
                                    + syllables[(n / 8) % 8].toLower() + syllables[(n / 64) % 8].toLower()
                                    + QStringLiteral("ton");
            const auto cell = p.line(witness);
            if (stored)
                p.link(headerEntity, p.entity(cell, QStringLiteral("answer")));
            tableValues.push_back({p.in.page.id, cell, witness});
        }
        pages.push_back(p.in);
    }
    const RedactionPlan plan = planOf(pages);
    auto found = [&](const Planted& v) {
        return std::all_of(v.words.begin(), v.words.end(), [&](WordId id) { return plan.words.contains(id); });
    };
    for (const Planted& v : fieldValues)
        EXPECT_TRUE(found(v)) << "page " << v.page << ": " << qPrintable(v.what);
    for (const Planted& v : narrativeValues)
        EXPECT_TRUE(found(v)) << "page " << v.page << ": " << qPrintable(v.what);
    // The witnesses' names are their own (no mention of another value): the table alone gives them, by its
    // stored links or, without any, by its header over its column.
    for (const Planted& v : tableValues)
        EXPECT_TRUE(found(v)) << "page " << v.page << ": " << qPrintable(v.what);
    EXPECT_GE(fieldValues.size(), 400u);
    EXPECT_GE(narrativeValues.size(), 150u);
}

} // namespace
