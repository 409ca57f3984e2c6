// Each generator writes a page script (resources/samples/sample_painter.h) with words drawn from small
// phrase lists, so that two documents of a type share vocabulary and shape without being copies.
#include "tests/support/mixed_set.h"

#include "resources/samples/sample_painter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace incidoc::test {

namespace {

using sample::PageScript;
using sample::Rng;
using sample::TextStyle;

template <typename T, std::size_t N>
QString pick(Rng& rng, const T (&list)[N])
{
    return QString::fromUtf8(list[rng.below(N)]);
}

const char* const kAgencies[] = {"Riverside Police Department", "County Sheriff's Office", "Harbor City Police",
                                 "Metro Transit Police",        "Lakeview Public Safety",  "State Highway Patrol"};
const char* const kFirst[] = {"James", "Maria",  "Robert", "Linda", "Ahmed",
                              "Chen",  "Olivia", "Daniel", "Sofia", "Peter"};
const char* const kLast[] = {"Miller", "Garcia", "Nguyen", "Okafor", "Schmidt", "Rossi", "Kowalski", "Brown", "Dubois"};
const char* const kStreets[] = {"Maple Street", "Fifth Avenue", "Harbor Road", "Elm Court", "Station Lane", "Route 9"};
const char* const kOffences[] = {"Burglary",          "Theft from vehicle", "Assault",     "Vandalism",
                                 "Traffic collision", "Disturbance",        "Shoplifting", "Trespass"};

QString name(Rng& rng)
{
    return pick(rng, kFirst) + QLatin1Char(' ') + pick(rng, kLast);
}
QString address(Rng& rng)
{
    return QStringLiteral("%1 %2").arg(10 + rng.below(980)).arg(pick(rng, kStreets));
}
QString date(Rng& rng)
{
    return QStringLiteral("%1/%2/2026")
        .arg(1 + rng.below(12), 2, 10, QLatin1Char('0'))
        .arg(1 + rng.below(28), 2, 10, QLatin1Char('0'));
}

// Third-person prose: what an officer writes on a continuation sheet.
const char* const kNarrSubjects[] = {"Officer Miller",  "I",       "The reporting officer", "Unit 12", "Sgt. Rossi",
                                     "The second unit", "Dispatch"};
const char* const kNarrActions[] = {"arrived at the scene",        "observed a dark blue sedan parked",
                                    "spoke with the owner",        "noted broken glass on the ground",
                                    "photographed the damage",     "checked the licence plate",
                                    "requested a tow truck",       "secured the area",
                                    "located the suspect vehicle", "advised the complainant of the case number",
                                    "canvassed the neighbourhood", "collected the security footage",
                                    "transported the arrestee",    "booked the property into evidence"};
const char* const kNarrPlaces[] = {
    "near the north entrance",       "on Maple Street",          "behind the warehouse",
    "at approximately 21:30 hours",  "during the evening shift", "in the hospital parking lot",
    "at the corner of Fifth Avenue", "before the rain started",  "next to the bus shelter"};
// First-person prose: what a witness writes.
const char* const kWitSubjects[] = {"I", "I", "My husband and I", "I", "My neighbour and I", "I"};
const char* const kWitActions[] = {"was walking my dog",
                                   "heard a loud bang",
                                   "saw a man running",
                                   "was waiting for the bus",
                                   "noticed a white van",
                                   "looked out of my window",
                                   "heard someone shouting",
                                   "saw two people arguing",
                                   "called the police",
                                   "did not recognise him",
                                   "remember he wore a grey jacket",
                                   "was very frightened",
                                   "think he was about thirty years old"};
const char* const kWitPlaces[] = {
    "near my house",     "outside the pharmacy",    "at about nine in the evening", "on my way home from work",
    "across the street", "by the river footbridge", "in front of the library",      "just after midnight"};

QString sentence(Rng& rng, const char* const* subjects, std::size_t ns, const char* const* actions, std::size_t na,
                 const char* const* places, std::size_t np)
{
    return QStringLiteral("%1 %2 %3.")
        .arg(QString::fromUtf8(subjects[rng.below(ns)]), QString::fromUtf8(actions[rng.below(na)]),
             QString::fromUtf8(places[rng.below(np)]));
}

QString prose(Rng& rng, bool firstPerson, int sentences)
{
    QStringList out;
    for (int i = 0; i < sentences; ++i)
        out << (firstPerson ? sentence(rng, kWitSubjects, std::size(kWitSubjects), kWitActions, std::size(kWitActions),
                                       kWitPlaces, std::size(kWitPlaces))
                            : sentence(rng, kNarrSubjects, std::size(kNarrSubjects), kNarrActions,
                                       std::size(kNarrActions), kNarrPlaces, std::size(kNarrPlaces)));
    return out.join(QLatin1Char(' '));
}

void text(PageScript& s, double x, double y, TextStyle style, const QString& t)
{
    s.texts.push_back({QPointF(x, y), style, t, 0});
}

/// Paragraph text wrapped from `y`; returns the next baseline.
double paragraph(PageScript& s, double x, double y, double width, const QString& t, bool ruled)
{
    for (const QString& line : sample::wrapText(t, TextStyle::Body, width)) {
        text(s, x, y, TextStyle::Body, line);
        if (ruled)
            s.rules.emplace_back(x, y + 4, x + width, y + 4);
        y += 17;
    }
    return y;
}

PageScript incidentForm(Rng& rng)
{
    PageScript s;
    text(s, 54, 60, TextStyle::Heading, pick(rng, kAgencies));
    const char* const titles[] = {"INCIDENT REPORT", "OFFENSE / INCIDENT REPORT", "GENERAL INCIDENT REPORT"};
    text(s, 54, 88, TextStyle::Title, pick(rng, titles));
    const char* const fields[] = {
        "Incident No.:", "Date of Incident:", "Time:",     "Location:", "Offense:",      "Reporting Officer:",
        "Badge No.:",    "Victim Name:",      "Address:",  "Phone:",    "Suspect Name:", "Date of Birth:",
        "Vehicle:",      "Plate No.:",        "Property:", "Value:",    "Weapon:",       "Injuries:",
        "Supervisor:",   "Disposition:"};
    const int rows = 7 + static_cast<int>(rng.below(4));
    double y = 110;
    int f = static_cast<int>(rng.below(4));
    for (int r = 0; r < rows; ++r) {
        const int cols = 1 + static_cast<int>(rng.below(2)) + (r % 3 == 0 ? 1 : 0);
        const double w = 504.0 / cols;
        for (int c = 0; c < cols; ++c) {
            const double x = 54 + c * w;
            s.frames.emplace_back(x, y, w, 34);
            const QString label = QString::fromUtf8(fields[f++ % std::size(fields)]);
            text(s, x + 3, y + 10, TextStyle::Label, label.toUpper());
            QString value;
            if (label.startsWith(QLatin1String("Date")))
                value = date(rng);
            else if (label.contains(QLatin1String("Name")) || label.contains(QLatin1String("Officer"))
                     || label.startsWith(QLatin1String("Supervisor")))
                value = name(rng);
            else if (label.startsWith(QLatin1String("Address")) || label.startsWith(QLatin1String("Location")))
                value = address(rng);
            else if (label.startsWith(QLatin1String("Offense")))
                value = pick(rng, kOffences);
            else
                value = QString::number(1000 + rng.below(90000));
            text(s, x + 6, y + 27, TextStyle::Body, value);
        }
        y += 34;
    }
    // A narrative box with a few lines.
    s.frames.emplace_back(54, y + 10, 504, 150);
    text(s, 57, y + 21, TextStyle::Label, QStringLiteral("NARRATIVE:"));
    paragraph(s, 60, y + 38, 490, prose(rng, false, 3 + static_cast<int>(rng.below(3))), false);
    text(s, 54, 740, TextStyle::Small,
         QStringLiteral("Officer signature: ____________  Page 1 of %1").arg(2 + rng.below(3)));
    return s;
}

PageScript narrativeSheet(Rng& rng)
{
    PageScript s;
    const char* const titles[] = {"CONTINUATION SHEET", "NARRATIVE CONTINUATION", "SUPPLEMENTAL NARRATIVE",
                                  "INCIDENT NARRATIVE (continued)"};
    text(s, 72, 60, TextStyle::Heading, pick(rng, titles));
    text(
        s, 72, 80, TextStyle::Small,
        QStringLiteral("Case No. 2026-%1    Page %2 of %3").arg(10000 + rng.below(90000)).arg(2 + rng.below(2)).arg(4));
    s.rules.emplace_back(72, 88, 540, 88);
    const bool ruled = rng.below(3) == 0;
    double y = 110;
    const int paragraphs = 3 + static_cast<int>(rng.below(3));
    for (int p = 0; p < paragraphs && y < 690; ++p)
        y = paragraph(s, 72, y, 468, prose(rng, false, 4 + static_cast<int>(rng.below(5))), ruled) + 10;
    return s;
}

PageScript witnessStatement(Rng& rng)
{
    PageScript s;
    const char* const titles[] = {"WITNESS STATEMENT", "STATEMENT OF WITNESS", "VOLUNTARY STATEMENT"};
    text(s, 72, 64, TextStyle::Title, pick(rng, titles));
    text(s, 72, 96, TextStyle::Body, QStringLiteral("Name: %1").arg(name(rng)));
    text(s, 330, 96, TextStyle::Body, QStringLiteral("Date of birth: %1").arg(date(rng)));
    text(s, 72, 114, TextStyle::Body, QStringLiteral("Address: %1").arg(address(rng)));
    text(s, 72, 132, TextStyle::Body, QStringLiteral("Statement taken by: %1").arg(name(rng)));
    double y = 164;
    const QString opening = QStringLiteral("I, %1, make this statement of my own free will.").arg(name(rng));
    y = paragraph(s, 72, y, 468, opening + QLatin1Char(' ') + prose(rng, true, 5 + static_cast<int>(rng.below(6))),
                  false)
        + 10;
    y = paragraph(s, 72, y, 468, prose(rng, true, 3 + static_cast<int>(rng.below(4))), false) + 14;
    y = paragraph(s, 72, y, 468,
                  QStringLiteral("I declare that this statement is true to the best of my knowledge and belief."),
                  false)
        + 24;
    text(s, 72, y, TextStyle::Body, QStringLiteral("Signature:"));
    s.rules.emplace_back(140, y + 2, 300, y + 2);
    text(s, 330, y, TextStyle::Body, QStringLiteral("Date: %1").arg(date(rng)));
    return s;
}

PageScript otherDocument(Rng& rng)
{
    PageScript s;
    switch (rng.below(3)) {
    case 0: { // an invoice
        text(s, 72, 70, TextStyle::Title, QStringLiteral("INVOICE"));
        text(s, 400, 70, TextStyle::Body, QStringLiteral("No. %1").arg(100000 + rng.below(900000)));
        text(s, 72, 100, TextStyle::Body, QStringLiteral("Acme Towing & Storage Ltd"));
        text(s, 72, 116, TextStyle::Body, address(rng));
        const char* const items[] = {"Tow service",    "Storage per day", "Winching", "After hours fee",
                                     "Fuel surcharge", "Lockout service", "Mileage"};
        double y = 160;
        text(s, 72, y, TextStyle::Label, QStringLiteral("DESCRIPTION"));
        text(s, 380, y, TextStyle::Label, QStringLiteral("QTY"));
        text(s, 460, y, TextStyle::Label, QStringLiteral("AMOUNT"));
        const int n = 4 + static_cast<int>(rng.below(5));
        for (int i = 0; i < n; ++i) {
            y += 20;
            text(s, 72, y, TextStyle::Body, pick(rng, items));
            text(s, 380, y, TextStyle::Body, QString::number(1 + rng.below(5)));
            text(s, 460, y, TextStyle::Body, QStringLiteral("$%1.00").arg(20 + rng.below(400)));
        }
        text(s, 380, y + 30, TextStyle::Heading, QStringLiteral("TOTAL $%1.00").arg(200 + rng.below(2000)));
        break;
    }
    case 1: { // a memo
        text(s, 72, 70, TextStyle::Title, QStringLiteral("MEMORANDUM"));
        text(s, 72, 100, TextStyle::Body, QStringLiteral("TO: All shift supervisors"));
        text(s, 72, 118, TextStyle::Body, QStringLiteral("FROM: %1, Fleet Manager").arg(name(rng)));
        text(s, 72, 136, TextStyle::Body, QStringLiteral("SUBJECT: Vehicle maintenance schedule"));
        s.rules.emplace_back(72, 146, 540, 146);
        const char* const memo[] = {"Please make sure every patrol car is inspected before the start of each month.",
                                    "The workshop will be closed on public holidays and the weekend after.",
                                    "Fuel cards must be returned to the front desk at the end of the shift.",
                                    "Tyre pressure and oil levels are to be checked weekly and written in the logbook.",
                                    "Requests for new equipment go through the budget office by the fifteenth.",
                                    "Thank you for your cooperation in keeping the fleet in good order."};
        double y = 170;
        for (int i = 0; i < 4 + static_cast<int>(rng.below(3)); ++i)
            y = paragraph(s, 72, y, 468, pick(rng, memo), false) + 8;
        break;
    }
    default: { // a duty roster
        text(s, 72, 70, TextStyle::Title, QStringLiteral("DUTY ROSTER"));
        text(s, 72, 92, TextStyle::Body, QStringLiteral("Week %1").arg(1 + rng.below(52)));
        const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int d = 0; d < 7; ++d)
            text(s, 200 + d * 48, 130, TextStyle::Label, QString::fromUtf8(days[d]));
        for (int r = 0; r < 8 + static_cast<int>(rng.below(6)); ++r) {
            text(s, 72, 152 + r * 20, TextStyle::Body, name(rng));
            for (int d = 0; d < 7; ++d)
                text(s, 200 + d * 48, 152 + r * 20, TextStyle::Body,
                     rng.below(3) == 0 ? QStringLiteral("off")
                                       : QStringLiteral("%1-%2").arg(6 + rng.below(3) * 8).arg(14 + rng.below(3) * 8));
        }
        break;
    }
    }
    return s;
}

bool writePdf(const QString& path, const PageScript& script)
{
    QPdfWriter writer(path);
    sample::setupLetterWriter(writer, 72, QStringLiteral("mixed set"));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    sample::paintScript(painter, script, 72);
    return painter.end();
}

bool writeScan(const QString& path, const PageScript& script, int dpi, Rng& rng)
{
    sample::ScanDefects defects;
    defects.rotationDeg = (rng.unit() - 0.5) * 1.6;
    defects.noiseLevel = 4 + static_cast<int>(rng.below(6));
    defects.speckles = 10;
    defects.blur = true;
    defects.contrastLoss = true;
    defects.seed = rng.next();
    QImage image = sample::simulateScan(sample::rasterize(script, dpi), defects);
    image.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    return image.save(path);
}

/// A page photographed on a table: perspective, uneven light, a textured background, no resolution.
bool writePhoto(const QString& path, const PageScript& script, int dpi, Rng& rng)
{
    const QImage page = sample::rasterize(script, dpi);
    const bool portrait = rng.below(3) != 0;
    const int longSide = static_cast<int>(page.height() * (1.15 + rng.unit() * 0.2));
    const int w = portrait ? longSide * 3 / 4 : longSide, h = portrait ? longSide : longSide * 3 / 4;
    QImage photo(w, h, QImage::Format_RGB32);
    const QColor table = QColor::fromHsv(static_cast<int>(rng.below(360)), 60 + static_cast<int>(rng.below(80)),
                                         90 + static_cast<int>(rng.below(80)));
    photo.fill(table);
    {
        QPainter p(&photo);
        // Wood-like grain.
        for (int i = 0; i < h; i += 3) {
            const int shade = static_cast<int>(rng.below(40));
            p.setPen(QPen(table.darker(100 + shade), 1 + rng.below(3)));
            p.drawLine(0, i, w, i + static_cast<int>((rng.unit() - 0.5) * 40));
        }
        const double sx = w * 0.5, sy = h * 0.5;
        const double pw = page.width() * 0.5, ph = page.height() * 0.5;
        auto jitter = [&] { return (rng.unit() - 0.5) * 0.12 * std::min(pw, ph); };
        const double scale = std::min(w * 0.85 / page.width(), h * 0.85 / page.height());
        QPolygonF to;
        to << QPointF(sx - pw * scale + jitter(), sy - ph * scale + jitter())
           << QPointF(sx + pw * scale + jitter(), sy - ph * scale + jitter())
           << QPointF(sx + pw * scale * 0.92 + jitter(), sy + ph * scale + jitter())
           << QPointF(sx - pw * scale * 0.92 + jitter(), sy + ph * scale + jitter());
        QPolygonF from;
        from << QPointF(0, 0) << QPointF(page.width(), 0) << QPointF(page.width(), page.height())
             << QPointF(0, page.height());
        QTransform t;
        if (QTransform::quadToQuad(from, to, t)) {
            p.setRenderHint(QPainter::SmoothPixmapTransform, true);
            p.setTransform(t);
            p.drawImage(0, 0, page);
            p.resetTransform();
        }
        // A light falling off to one side.
        QLinearGradient light(0, 0, w, h);
        light.setColorAt(0, QColor(255, 255, 230, 0));
        light.setColorAt(1, QColor(0, 0, 0, 70 + static_cast<int>(rng.below(50))));
        p.fillRect(photo.rect(), light);
    }
    return photo.save(path, "JPG", 85); // a JPEG with no resolution, like a phone's
}

/// A fax: 204 x 98 dpi (fine horizontally, coarse vertically), bilevel, a header line, specks.
bool writeFax(const QString& path, const PageScript& base, Rng& rng)
{
    PageScript script = base;
    text(script, 24, 18, TextStyle::Small,
         QStringLiteral("%1 %2:%3  FROM: %4  +1 555 %5  P.00%6/00%7")
             .arg(date(rng))
             .arg(8 + rng.below(10))
             .arg(rng.below(60), 2, 10, QLatin1Char('0'))
             .arg(pick(rng, kAgencies).toUpper())
             .arg(1000 + rng.below(9000))
             .arg(1)
             .arg(1 + rng.below(4)));
    const QImage fine = sample::rasterize(script, 204);
    QImage coarse =
        fine.scaled(fine.width(), fine.height() * 98 / 204, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const int threshold = 150 + static_cast<int>(rng.below(50));
    QImage mono(coarse.size(), QImage::Format_Mono);
    mono.setColor(0, qRgb(255, 255, 255));
    mono.setColor(1, qRgb(0, 0, 0));
    mono.fill(0);
    for (int y = 0; y < coarse.height(); ++y) {
        const uchar* row = coarse.constScanLine(y);
        for (int x = 0; x < coarse.width(); ++x) {
            bool black = row[x] < threshold;
            if (rng.below(2000) == 0)
                black = !black; // line noise
            if (black)
                mono.setPixel(x, y, 1);
        }
    }
    mono.setDotsPerMeterX(static_cast<int>(std::lround(204 / 0.0254)));
    mono.setDotsPerMeterY(static_cast<int>(std::lround(98 / 0.0254)));
    return mono.save(path, "PNG");
}

} // namespace

std::vector<MixedDocument> writeMixedSet(const QString& dir, const MixedSetOptions& o)
{
    std::vector<MixedDocument> out;
    Rng rng(0xD0C7 ^ (static_cast<std::uint64_t>(o.seed) << 20));
    const QDir d(dir);
    auto add = [&](const QString& file, const QString& type) { out.push_back({d.filePath(file), type}); };
    auto textDoc = [&](const QString& stem, const QString& type, const PageScript& script, int i) {
        const bool scan = !o.textPdfs && i % 2 == 1;
        const QString file = stem + (scan ? QStringLiteral(".png") : QStringLiteral(".pdf"));
        const bool ok = scan ? writeScan(d.filePath(file), script, o.scanDpi, rng) : writePdf(d.filePath(file), script);
        if (ok)
            add(file, type);
    };
    for (int i = 0; i < o.perType; ++i) {
        const QString n = QString::number(i + 1).rightJustified(3, QLatin1Char('0'));
        if (!o.funsdImages.isEmpty() && i % 2 == 1) {
            const QString src = o.funsdImages[(i / 2) % o.funsdImages.size()];
            // A symbolic link, never a copy: FUNSD files stay where they are.
            const QString file = QStringLiteral("incident_report_%1.%2").arg(n, QFileInfo(src).suffix());
            if (QFile::link(src, d.filePath(file)))
                add(file, QStringLiteral("incident_report"));
        } else {
            textDoc(QStringLiteral("incident_report_") + n, QStringLiteral("incident_report"), incidentForm(rng), i);
        }
        textDoc(QStringLiteral("narrative_") + n, QStringLiteral("narrative"), narrativeSheet(rng), i);
        textDoc(QStringLiteral("witness_statement_") + n, QStringLiteral("witness_statement"), witnessStatement(rng),
                i);
        if (!o.otherFiles.isEmpty() && i % 2 == 1) {
            const QString src = o.otherFiles[(i / 2) % o.otherFiles.size()];
            const QString file = QStringLiteral("other_%1.%2").arg(n, QFileInfo(src).suffix());
            if (QFile::link(src, d.filePath(file)))
                add(file, QStringLiteral("other"));
        } else {
            textDoc(QStringLiteral("other_") + n, QStringLiteral("other"), otherDocument(rng), i);
        }
        // Photos and faxes carry any of the text documents.
        auto anyPage = [&](int k) {
            switch (k % 3) {
            case 0: return incidentForm(rng);
            case 1: return witnessStatement(rng);
            default: return narrativeSheet(rng);
            }
        };
        const QString photo = QStringLiteral("photo_%1.jpg").arg(n);
        if (writePhoto(d.filePath(photo), anyPage(static_cast<int>(rng.below(3))), std::max(60, o.scanDpi * 2 / 3),
                       rng))
            add(photo, QStringLiteral("photo"));
        const QString fax = QStringLiteral("fax_%1.png").arg(n);
        if (writeFax(d.filePath(fax), anyPage(static_cast<int>(rng.below(3))), rng))
            add(fax, QStringLiteral("fax"));
    }
    // Shuffled, so that "the first three of each type" is not "the first three written".
    for (std::size_t i = out.size(); i > 1; --i)
        std::swap(out[i - 1], out[rng.below(static_cast<std::uint32_t>(i))]);
    return out;
}

} // namespace incidoc::test
