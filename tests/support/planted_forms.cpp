// The people, vehicle and numbers of an incident are drawn from the incident's own seed, so both documents
// about it print the same values; each document then prints them through its layout's fields, narrative and
// table, recording every value where it is printed.
#include "tests/support/planted_forms.h"

#include "core/forms/fields.h"
#include "resources/samples/sample_painter.h"

#include <QDate>
#include <QDir>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <array>
#include <utility>

#include "tests/support/pdf_factory.h"

namespace incidoc::test {

namespace {

using sample::Rng;

constexpr int kPointSize = 10;
// writeTextPdf's text width (Letter less two 1-inch margins), with a little room to spare.
constexpr double kTextWidthPt = 612.0 - 2 * 72.0 - 8.0;

template <typename T, std::size_t N>
QString pick(Rng& rng, const T (&list)[N])
{
    return QString::fromUtf8(list[rng.below(N)]);
}

// Uncommon names and streets: a pseudonym or an ordinary word of the forms rarely equals one of them, so a
// leak check that searches for them finds the original, not a coincidence. "Hill" (below) is the exception
// on purpose.
const char* const kFirst[] = {"Jonah",    "Marisol",   "Desmond",    "Ingrid",    "Tobias",   "Priya",      "Callum",
                              "Yusuf",    "Beatrix",   "Lorcan",     "Anneliese", "Ravi",     "Solveig",    "Emeka",
                              "Henrike",  "Caspian",   "Delphine",   "Kwame",     "Thaddeus", "Oksana",     "Ignatius",
                              "Perpetua", "Lysander",  "Wilhelmina", "Cosimo",    "Ottoline", "Barnaby",    "Zuleika",
                              "Fitzroy",  "Seraphina", "Leopold",    "Ysolde",    "Evander",  "Marguerite", "Crispin",
                              "Ondine",   "Alaric",    "Philippa",   "Tiberius",  "Rosamund"};
const char* const kLast[] = {
    "Pritchard",         "Okonkwo",    "Castellanos", "Thorvaldsen",   "Abernathy",    "Delacroix",   "Nakamura",
    "Brannigan",         "Szymanski",  "Fairweather", "Oyelaran",      "Lindqvist",    "Hartigan",    "Kaczmarek",
    "Achterberg",        "Quintero",   "Vandermeer",  "Esposito",      "Rahimi",       "Gallagher",   "Wolstenholme",
    "Featherstonehaugh", "Przybylski", "Oduya",       "Ravensworth",   "Castellucci",  "Drummond",    "Ekwueme",
    "Haverbrook",        "Iskandarov", "Jablonski",   "Kettleborough", "Lachapelle",   "Montgomerie", "Nightingale",
    "Oberholzer",        "Pemberton",  "Quarterman",  "Rutherfurd",    "Sandoval-Pike"};
const char* const kOfficerFirst[] = {"Dana", "Rafael", "Glenda", "Anton", "Imogen", "Bartholomew", "Cordelia"};
const char* const kOfficerLast[] = {"Whitcombe", "Ostrowski", "Marchetti",  "Verhoeven",
                                    "Sayers",    "Tremaine",  "Bellweather"};
const char* const kRanks[] = {"Officer", "Sgt.", "Cpl.", "Det."};
const char* const kStreets[] = {"Larkspur Lane",       "Quillon Avenue",  "Birchmont Road",      "Tamarack Court",
                                "Wexford Drive",       "Saltmarsh Way",   "Corliss Street",      "Pennywhistle Road",
                                "Brackenridge Avenue", "Ostrander Place", "Juniper Hollow Road", "Calloway Terrace"};
const char* const kCities[] = {"Fairhaven", "Marlow Springs", "Eastbrook", "Kessington", "Port Alder", "Wyndham Falls"};
const char* const kDomains[] = {"northmail.com", "quillpost.net", "harborlink.org", "mailbarn.com"};
const char* const kVehicles[] = {"2019 Honda Civic",    "2016 Ford Escape",      "2021 Toyota Corolla",
                                 "2014 Subaru Outback", "2018 Chevrolet Malibu", "2020 Hyundai Elantra"};
const char* const kWmi[] = {"1HG", "1FM", "2T1", "4S4", "1G1", "5NP", "JN1", "WBA"};
const char* const kAgencies[] = {"Fairhaven Police Department", "Kessington County Sheriff's Office",
                                 "Eastbrook Police Department", "Port Alder Public Safety"};
const char* const kInsurers[] = {"Granite Mutual Insurance", "Bluewater Auto Insurance", "Keystone Casualty Company"};
const char* const kOccupations[] = {"Teacher", "Nurse", "Electrician", "Retired", "Student", "Accountant"};
// Letters of plates: no I, O or Q (read as digits by OCR and by people).
constexpr char kPlateLetters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
constexpr char kVinChars[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
constexpr char kVinYears[] = "ABCDEFGHJKLMNPRSTVWXY123456789";

QChar charOf(Rng& rng, const char* chars, std::size_t n)
{
    return QLatin1Char(chars[rng.below(std::uint32_t(n))]);
}

QString digits(Rng& rng, int count)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out += QLatin1Char(char('0' + rng.below(10)));
    return out;
}

QString number(int value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

struct Person {
    QString first;
    QString last;
    QDate dob;
    QString phone;  ///< 10 digits
    QString street; ///< "1427 Larkspur Lane"
    QString city;
    QString email;
    QString licence;
    QString ssn;
    int phoneFormat = 0;

    QString full() const { return first + QLatin1Char(' ') + last; }
    QString address() const { return street + QStringLiteral(", ") + city; }
};

struct Officer {
    QString rank;
    QString first;
    QString last;
    QString badge;
    QString full() const { return first + QLatin1Char(' ') + last; }
};

struct Incident {
    Person driver;
    Person owner;
    Person witness;
    Officer officer;
    QString agency;
    QString insurer;
    QDate date;
    QString caseNo;
    QString claimNo;
    QString policyNo;
    QString vehicle;
    QString plate;
    QString vin;
};

/// The 4 ways a phone is printed: "(555) 287-6612", "555-287-6612", "5552876612", "555.287.6612".
QString formatPhone(const QString& d, int format)
{
    const QString a = d.left(3), b = d.mid(3, 3), c = d.mid(6);
    switch (format % 4) {
    case 0: return QStringLiteral("(%1) %2-%3").arg(a, b, c);
    case 1: return QStringLiteral("%1-%2-%3").arg(a, b, c);
    case 2: return d;
    default: return QStringLiteral("%1.%2.%3").arg(a, b, c);
    }
}

QString shortDate(const QDate& d)
{
    return d.toString(QStringLiteral("MM/dd/yyyy"));
}

QString longDate(const QDate& d)
{
    return QLocale::c().toString(d, QStringLiteral("MMMM d, yyyy"));
}

QString vin(Rng& rng)
{
    QString v = pick(rng, kWmi);
    while (v.size() < 8)
        v += charOf(rng, kVinChars, sizeof kVinChars - 1);
    v += QLatin1Char('0'); // the check digit, computed below
    v += charOf(rng, kVinYears, sizeof kVinYears - 1);
    v += charOf(rng, kPlateLetters, sizeof kPlateLetters - 1);
    v += digits(rng, 6);
    v[8] = QLatin1Char(vinCheckDigit(v));
    return v;
}

QString plate(Rng& rng)
{
    QString p;
    if (rng.below(2) == 0) { // "KTR 4582"
        for (int i = 0; i < 3; ++i)
            p += charOf(rng, kPlateLetters, sizeof kPlateLetters - 1);
        p += QLatin1Char(' ') + number(1000 + int(rng.below(9000)), 4);
    } else { // "7BXK219"
        p += QLatin1Char(char('1' + rng.below(9)));
        for (int i = 0; i < 3; ++i)
            p += charOf(rng, kPlateLetters, sizeof kPlateLetters - 1);
        p += number(100 + int(rng.below(900)), 3);
    }
    return p;
}

Person person(Rng& rng, const QString& first, const QString& last)
{
    Person p;
    p.first = first;
    p.last = last;
    p.dob = QDate(1950 + int(rng.below(55)), 1 + int(rng.below(12)), 1 + int(rng.below(28)));
    const int areas[] = {555, 312, 617, 503, 720, 919};
    p.phone = QString::number(areas[rng.below(6)]) + QString::number(200 + rng.below(800)) + digits(rng, 4);
    p.street = QStringLiteral("%1 %2").arg(100 + rng.below(9800)).arg(pick(rng, kStreets));
    p.city = pick(rng, kCities);
    const QString domain = pick(rng, kDomains);
    p.email =
        (rng.below(2) ? first.toLower() + QLatin1Char('.') + last.toLower() : first.left(1).toLower() + last.toLower())
        + QLatin1Char('@') + domain;
    p.licence = QString(charOf(rng, kPlateLetters, sizeof kPlateLetters - 1)) + digits(rng, 7);
    p.ssn = QStringLiteral("%1-%2-%3")
                .arg(number(100 + int(rng.below(566)), 3), number(1 + int(rng.below(99)), 2),
                     number(1 + int(rng.below(9999)), 4));
    p.phoneFormat = int(rng.below(4));
    return p;
}

std::array<Officer, 5> officers(unsigned seed)
{
    Rng rng((std::uint64_t(seed) << 32) ^ 0x0FF1CE5ull);
    std::array<Officer, 5> out;
    std::vector<int> firsts(std::size(kOfficerFirst)), lasts(std::size(kOfficerLast));
    for (std::size_t i = 0; i < firsts.size(); ++i)
        firsts[i] = lasts[i] = int(i);
    for (std::size_t i = firsts.size() - 1; i > 0; --i) {
        std::swap(firsts[i], firsts[rng.below(std::uint32_t(i + 1))]);
        std::swap(lasts[i], lasts[rng.below(std::uint32_t(i + 1))]);
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = {pick(rng, kRanks), QString::fromUtf8(kOfficerFirst[firsts[i]]),
                  QString::fromUtf8(kOfficerLast[lasts[i]]), QString::number(10000 + rng.below(90000))};
    return out;
}

Incident incident(unsigned seed, int k)
{
    Rng rng((std::uint64_t(seed) << 32) ^ (std::uint64_t(k + 1) * 0x9E3779B97F4A7C15ull) ^ 0xF0F0ull);
    // Three different surnames and first names.
    std::array<int, 3> firsts{}, lasts{};
    for (int i = 0; i < 3; ++i) {
        do
            firsts[i] = int(rng.below(std::size(kFirst)));
        while (std::find(firsts.begin(), firsts.begin() + i, firsts[i]) != firsts.begin() + i);
        do
            lasts[i] = int(rng.below(std::size(kLast)));
        while (std::find(lasts.begin(), lasts.begin() + i, lasts[i]) != lasts.begin() + i);
    }
    Incident in;
    in.driver = person(rng, QString::fromUtf8(kFirst[firsts[0]]), QString::fromUtf8(kLast[lasts[0]]));
    in.owner = person(rng, QString::fromUtf8(kFirst[firsts[1]]), QString::fromUtf8(kLast[lasts[1]]));
    // Every third incident's witness is surnamed Hill, a name that is also an ordinary word.
    in.witness = person(rng, QString::fromUtf8(kFirst[firsts[2]]),
                        k % 3 == 1 ? QStringLiteral("Hill") : QString::fromUtf8(kLast[lasts[2]]));
    in.officer = officers(seed)[std::size_t(k) % 5];
    in.agency = pick(rng, kAgencies);
    in.insurer = pick(rng, kInsurers);
    in.date = QDate(2023 + int(rng.below(3)), 1 + int(rng.below(12)), 1 + int(rng.below(28)));
    in.caseNo = QStringLiteral("CR-%1-%2").arg(in.date.year()).arg(number(int(rng.below(100000)), 5));
    in.claimNo = QStringLiteral("CLM-%1-%2").arg(number(10000 + int(rng.below(90000)), 5)).arg(in.date.year() % 100);
    in.policyNo = QStringLiteral("POL-%1").arg(1000000 + rng.below(9000000));
    in.vehicle = pick(rng, kVehicles);
    in.plate = plate(rng);
    in.vin = vin(rng);
    return in;
}

/// A document's lines and what they plant.
class Sheet {
public:
    explicit Sheet(std::vector<PlantedValue>& values) : m_values(values) {}

    void line(const QString& text) { m_lines << text; }

    /// "Key: value", the value planted as a field.
    void field(const QString& key, SensitiveType type, const QString& value, const QString& prefix = {})
    {
        m_lines << key + QStringLiteral(": ") + prefix + value;
        m_values.push_back({type, value, QStringLiteral("field"), false});
    }

    /// A table row "a | b | c | d": each (type, text) planted as a table value unless its type is Other.
    void row(const std::vector<std::pair<SensitiveType, QString>>& cells)
    {
        QStringList texts;
        for (const auto& [type, text] : cells) {
            texts << text;
            if (type != SensitiveType::Other)
                m_values.push_back({type, text, QStringLiteral("table"), false});
        }
        m_lines << texts.join(QStringLiteral(" | "));
    }

    /// Words wrapped to the text width; a '\n' in `text` forces a line break there.
    void paragraph(const QString& text)
    {
        for (const QString& piece : text.split(QLatin1Char('\n'))) {
            QString current;
            for (const QString& word : piece.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const QString next = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
                if (!current.isEmpty()
                    && sample::textWidthPt(next, sample::TextStyle::Plain, kPointSize) > kTextWidthPt) {
                    m_lines << current;
                    current = word;
                } else {
                    current = next;
                }
            }
            m_lines << current;
        }
    }

    QStringList take() { return std::exchange(m_lines, {}); }

private:
    QStringList m_lines;
    std::vector<PlantedValue>& m_values;
};

/// Narrative text assembled piece by piece, its values planted as narrative values.
class Narrative {
public:
    explicit Narrative(std::vector<PlantedValue>& values) : m_values(values) {}

    Narrative& operator<<(const QString& plain)
    {
        m_text += plain;
        return *this;
    }

    /// Plants `value`; `split`: printed across a line break (at its last space, else after its last '-').
    Narrative& put(SensitiveType type, const QString& value, bool split = false)
    {
        QString printed = value;
        if (split) {
            const int space = value.lastIndexOf(QLatin1Char(' '));
            if (space > 0) {
                printed[space] = QLatin1Char('\n');
            } else {
                const int dash = value.lastIndexOf(QLatin1Char('-'));
                printed.insert(dash + 1, QLatin1Char('\n'));
            }
        }
        m_text += printed;
        m_values.push_back(
            {type, QString(printed).replace(QLatin1Char('\n'), QLatin1Char(' ')), QStringLiteral("narrative"), split});
        return *this;
    }

    QString text() const { return m_text; }

private:
    QString m_text;
    std::vector<PlantedValue>& m_values;
};

using T = SensitiveType;

// Which narrative value is split across a line break: a person's full name, a phone, an address.
enum class Split { Name, Phone, Address };

void personsTable(Sheet& s, const Incident& in, int offset)
{
    s.line({});
    s.line(QStringLiteral("PERSONS INVOLVED"));
    s.line(QStringLiteral("Name | DOB | Phone | Plate"));
    const auto row = [&](const Person& p, const QString& plate) {
        s.row({{T::PersonName, p.full()},
               {T::DateOfBirth, shortDate(p.dob)},
               {T::Phone, formatPhone(p.phone, p.phoneFormat + offset)},
               {plate == QLatin1String("-") ? T::Other : T::VehiclePlate, plate}});
    };
    row(in.driver, in.plate);
    row(in.owner, in.plate);
    row(in.witness, QStringLiteral("-"));
}

// Phones are printed in the field's format in fields, the next one in the narrative and the one after that
// in the table; a phone split across lines is printed "555-287-6612" there.
QString narrativePhone(const Person& p, Split split, bool splitThis)
{
    return formatPhone(p.phone, splitThis && split == Split::Phone ? 1 : p.phoneFormat + 1);
}

void policeReport(Sheet& s, Narrative& n, const Incident& in, Split split, bool twoPages,
                  std::vector<QStringList>& pages)
{
    const Person &d = in.driver, &o = in.owner, &w = in.witness;
    s.line(in.agency.toUpper());
    s.line(QStringLiteral("INCIDENT REPORT"));
    s.field(QStringLiteral("Case No."), T::IdNumber, in.caseNo);
    s.field(QStringLiteral("Date of Incident"), T::Date, shortDate(in.date));
    s.field(QStringLiteral("Location"), T::Address, d.street);
    s.field(QStringLiteral("Reporting Officer"), T::PersonName, in.officer.full(), in.officer.rank + QLatin1Char(' '));
    s.field(QStringLiteral("Badge No."), T::IdNumber, in.officer.badge);
    s.field(QStringLiteral("Driver"), T::PersonName, d.full());
    s.field(QStringLiteral("DOB"), T::DateOfBirth, shortDate(d.dob));
    s.field(QStringLiteral("Address"), T::Address, d.address());
    s.field(QStringLiteral("Phone"), T::Phone, formatPhone(d.phone, d.phoneFormat));
    s.field(QStringLiteral("Email"), T::Email, d.email);
    s.field(QStringLiteral("Driver's Licence No."), T::IdNumber, d.licence);
    s.field(QStringLiteral("SSN"), T::IdNumber, d.ssn);
    s.line(QStringLiteral("Vehicle: ") + in.vehicle);
    s.field(QStringLiteral("Plate"), T::VehiclePlate, in.plate);
    s.field(QStringLiteral("VIN"), T::Vin, in.vin);
    s.field(QStringLiteral("Owner"), T::PersonName, o.full());
    s.field(QStringLiteral("Owner Phone"), T::Phone, formatPhone(o.phone, o.phoneFormat));
    s.field(QStringLiteral("Witness"), T::PersonName, w.full());
    s.field(QStringLiteral("Witness DOB"), T::DateOfBirth, shortDate(w.dob));
    if (twoPages) {
        pages.push_back(s.take());
        s.line(QStringLiteral("INCIDENT REPORT (CONTINUED)"));
        s.field(QStringLiteral("Case No."), T::IdNumber, in.caseNo);
    }
    s.line({});
    s.line(QStringLiteral("NARRATIVE"));
    n << QStringLiteral("On ");
    n.put(T::Date, longDate(in.date)) << QStringLiteral(
        " at approximately 17:40 hours I responded to a collision in front of ");
    n.put(T::Address, d.street, split == Split::Address) << QStringLiteral(". The driver, ");
    n.put(T::PersonName, d.full(), split == Split::Name) << QStringLiteral(", stated that ");
    n.put(T::PersonName, d.last + QStringLiteral("'s"))
        << QStringLiteral(" ") << in.vehicle << QStringLiteral(" (plate ");
    n.put(T::VehiclePlate, in.plate) << QStringLiteral(") was struck by a vehicle that left the scene. The owner, ");
    n.put(T::PersonName, o.full()) << QStringLiteral(", was contacted at ");
    n.put(T::Phone, narrativePhone(o, split, false)) << QStringLiteral(" and confirmed the details. ");
    n.put(T::PersonName, w.full()) << QStringLiteral(
        " was walking up the hill toward the school and saw the collision. ");
    n.put(T::PersonName, w.last) << QStringLiteral(" can be reached at ");
    n.put(T::Phone, narrativePhone(w, split, true), split == Split::Phone) << QStringLiteral(" or ");
    n.put(T::Email, w.email) << QStringLiteral(". ");
    n.put(T::PersonName, d.full().toUpper()) << QStringLiteral(" declined medical aid and was given case number ");
    n.put(T::IdNumber, in.caseNo) << QStringLiteral(".");
    s.paragraph(n.text());
    personsTable(s, in, 2);
}

void insuranceClaim(Sheet& s, Narrative& n, const Incident& in, Split split, bool twoPages,
                    std::vector<QStringList>& pages)
{
    const Person &d = in.driver, &o = in.owner, &w = in.witness;
    s.line(in.insurer.toUpper());
    s.line(QStringLiteral("AUTOMOBILE CLAIM FORM"));
    s.field(QStringLiteral("Claim No."), T::IdNumber, in.claimNo);
    s.field(QStringLiteral("Policy No."), T::IdNumber, in.policyNo);
    s.field(QStringLiteral("Date of Loss"), T::Date, shortDate(in.date));
    s.field(QStringLiteral("Date Reported"), T::Date, shortDate(in.date.addDays(3)));
    s.field(QStringLiteral("Police Report No."), T::IdNumber, in.caseNo);
    s.field(QStringLiteral("Policyholder"), T::PersonName, o.full());
    s.field(QStringLiteral("Date of Birth"), T::DateOfBirth, shortDate(o.dob));
    s.field(QStringLiteral("Address"), T::Address, o.address());
    s.field(QStringLiteral("Phone"), T::Phone, formatPhone(o.phone, o.phoneFormat));
    s.field(QStringLiteral("Email"), T::Email, o.email);
    s.field(QStringLiteral("SSN"), T::IdNumber, o.ssn);
    s.line(QStringLiteral("Vehicle: ") + in.vehicle);
    s.field(QStringLiteral("Plate"), T::VehiclePlate, in.plate);
    s.field(QStringLiteral("VIN"), T::Vin, in.vin);
    s.field(QStringLiteral("Driver at Time of Loss"), T::PersonName, d.full());
    s.field(QStringLiteral("Driver DOB"), T::DateOfBirth, shortDate(d.dob));
    s.field(QStringLiteral("Driver's Licence No."), T::IdNumber, d.licence);
    s.field(QStringLiteral("Driver Phone"), T::Phone, formatPhone(d.phone, d.phoneFormat));
    s.field(QStringLiteral("Witness"), T::PersonName, w.full());
    if (twoPages) {
        pages.push_back(s.take());
        s.line(QStringLiteral("AUTOMOBILE CLAIM FORM (CONTINUED)"));
        s.field(QStringLiteral("Claim No."), T::IdNumber, in.claimNo);
    }
    s.line({});
    s.line(QStringLiteral("DESCRIPTION OF LOSS"));
    n << QStringLiteral("On ");
    n.put(T::Date, longDate(in.date)) << QStringLiteral(" my ") << in.vehicle << QStringLiteral(", plate ");
    n.put(T::VehiclePlate, in.plate) << QStringLiteral(", was being driven by ");
    n.put(T::PersonName, d.full(), split == Split::Name) << QStringLiteral(" with my permission when it was hit near ");
    n.put(T::Address, d.street, split == Split::Address) << QStringLiteral(". ");
    n.put(T::PersonName, d.last) << QStringLiteral(" was not injured. ");
    n.put(T::PersonName, w.full()) << QStringLiteral(
        ", who lives up the hill from there, saw it happen. Police report ");
    n.put(T::IdNumber, in.caseNo) << QStringLiteral(" was filed by Officer ");
    n.put(T::PersonName, in.officer.last) << QStringLiteral(". ");
    n.put(T::PersonName, d.full().toUpper()) << QStringLiteral(" can be reached at ");
    n.put(T::Phone, narrativePhone(d, split, false)) << QStringLiteral("; ");
    n.put(T::PersonName, w.last + QStringLiteral("'s")) << QStringLiteral(" number is ");
    n.put(T::Phone, narrativePhone(w, split, true), split == Split::Phone)
        << QStringLiteral(". Photos were sent from ");
    n.put(T::Email, o.email) << QStringLiteral(".");
    s.paragraph(n.text());
    personsTable(s, in, 2);
}

void witnessStatement(Sheet& s, Narrative& n, const Incident& in, Split split, bool twoPages,
                      std::vector<QStringList>& pages, Rng& rng)
{
    const Person &d = in.driver, &o = in.owner, &w = in.witness;
    s.line(in.agency.toUpper());
    s.line(QStringLiteral("WITNESS STATEMENT"));
    s.field(QStringLiteral("Case No."), T::IdNumber, in.caseNo);
    s.field(QStringLiteral("Date of Statement"), T::Date, shortDate(in.date.addDays(1)));
    s.field(QStringLiteral("Statement of"), T::PersonName, w.full());
    s.field(QStringLiteral("Date of Birth"), T::DateOfBirth, shortDate(w.dob));
    s.field(QStringLiteral("Address"), T::Address, w.address());
    s.field(QStringLiteral("Phone"), T::Phone, formatPhone(w.phone, w.phoneFormat));
    s.field(QStringLiteral("Email"), T::Email, w.email);
    s.line(QStringLiteral("Occupation: ") + pick(rng, kOccupations));
    s.field(QStringLiteral("Taken by"), T::PersonName, in.officer.full(), in.officer.rank + QLatin1Char(' '));
    s.field(QStringLiteral("Badge No."), T::IdNumber, in.officer.badge);
    s.field(QStringLiteral("Vehicle Plate"), T::VehiclePlate, in.plate);
    s.field(QStringLiteral("VIN"), T::Vin, in.vin);
    if (twoPages) {
        pages.push_back(s.take());
        s.line(QStringLiteral("WITNESS STATEMENT (CONTINUED)"));
        s.field(QStringLiteral("Case No."), T::IdNumber, in.caseNo);
    }
    s.line({});
    s.line(QStringLiteral("STATEMENT"));
    n << QStringLiteral("On ");
    n.put(T::Date, longDate(in.date)) << QStringLiteral(" I was walking up the hill toward ");
    n.put(T::Address, d.street, split == Split::Address)
        << QStringLiteral(" when I saw a ") << in.vehicle << QStringLiteral(" with plate ");
    n.put(T::VehiclePlate, in.plate) << QStringLiteral(" hit a parked car. The driver, whom I later knew as ");
    n.put(T::PersonName, d.full(), split == Split::Name) << QStringLiteral(", got out and gave me his number, ");
    n.put(T::Phone, narrativePhone(d, split, false)) << QStringLiteral(". I saw ");
    n.put(T::PersonName, d.full().toUpper()) << QStringLiteral(" again when the police arrived. ");
    n.put(T::PersonName, o.full()) << QStringLiteral(", the owner, came later; ");
    n.put(T::PersonName, o.last + QStringLiteral("'s"))
        << QStringLiteral(" car had a dent on the rear door. I gave my number, ");
    n.put(T::Phone, narrativePhone(w, split, true), split == Split::Phone) << QStringLiteral(", and my email, ");
    n.put(T::Email, w.email) << QStringLiteral(", to Officer ");
    n.put(T::PersonName, in.officer.last) << QStringLiteral(" for case ");
    n.put(T::IdNumber, in.caseNo) << QStringLiteral(".");
    s.paragraph(n.text());
    personsTable(s, in, 2);
}

const char* const kLayouts[] = {"police_report", "insurance_claim", "witness_statement"};

} // namespace

std::vector<PlantedDocument> writePlantedForms(const QString& dir, const PlantedOptions& options)
{
    std::vector<PlantedDocument> documents;
    for (int i = 0; i < options.count; ++i) {
        // Two documents per incident, of different layouts: (police, claim), (claim, statement), ...
        const int k = i / 2;
        const int layout = (k + i % 2) % 3;
        const Incident in = incident(options.seed, k);
        Rng rng((std::uint64_t(options.seed) << 32) ^ (std::uint64_t(i + 1) * 0xD1B54A32D192ED03ull));
        PlantedDocument doc;
        doc.layout = QString::fromUtf8(kLayouts[layout]);
        doc.incident = k;
        doc.scanned = !options.textPdfs || (options.scannedEvery > 0 && (i + 1) % options.scannedEvery == 0);
        doc.path = QDir(dir).filePath(QStringLiteral("planted-%1-%2.pdf").arg(number(i, 3), doc.layout));

        const Split split = Split(i % 3);
        const bool twoPages = options.pagesPerDocument >= 2;
        std::vector<QStringList> lines;
        Sheet sheet(doc.values);
        Narrative narrative(doc.values);
        if (layout == 0)
            policeReport(sheet, narrative, in, split, twoPages, lines);
        else if (layout == 1)
            insuranceClaim(sheet, narrative, in, split, twoPages, lines);
        else
            witnessStatement(sheet, narrative, in, split, twoPages, lines, rng);
        lines.push_back(sheet.take());

        std::vector<GeneratedPage> pages;
        for (const QStringList& l : lines)
            pages.push_back({l});
        const bool written = doc.scanned
                                 ? writeScannedPdf(doc.path, pages, options.scanDpi, (int(rng.below(7)) - 3) * 0.15, 2,
                                                   options.seed * 1000 + unsigned(i), kPointSize)
                                 : writeTextPdf(doc.path, pages, kPointSize);
        if (!written)
            return {};
        documents.push_back(std::move(doc));
    }
    return documents;
}

QJsonArray plantedManifest(const std::vector<PlantedDocument>& documents)
{
    QJsonArray out;
    for (const PlantedDocument& doc : documents) {
        QJsonArray values;
        for (const PlantedValue& v : doc.values)
            values.append(QJsonObject{{QStringLiteral("type"), toString(v.type)},
                                      {QStringLiteral("text"), v.text},
                                      {QStringLiteral("place"), v.place},
                                      {QStringLiteral("split"), v.splitAcrossLines}});
        out.append(QJsonObject{{QStringLiteral("path"), doc.path},
                               {QStringLiteral("layout"), doc.layout},
                               {QStringLiteral("scanned"), doc.scanned},
                               {QStringLiteral("incident"), doc.incident},
                               {QStringLiteral("values"), values}});
    }
    return out;
}

} // namespace incidoc::test
