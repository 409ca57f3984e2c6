// incidoc-make-sample OUT.pdf OUT.txt
//
// Writes the bundled sample incident report: page 1 born-digital (vector text), pages 2-4 "scanned"
// (greyscale page images, skewed, noisy, no text layer), and the ground truth of every page: the text
// lines in reading order, exactly as drawn. Fixed fonts and a fixed seed make it reproducible.
#include "resources/samples/sample_painter.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QHashSeed>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace incidoc::sample;

namespace {

constexpr int kPageCount = 4;
constexpr int kVectorDpi = 300;
constexpr int kScanDpi = 300;
constexpr int kScanNoise = 4;
// Grey JPEG quality of the scanned pages: keeps the committed sample near 1.2 MB.
constexpr int kJpegQuality = 65;
constexpr std::uint64_t kSeed = 20260314;
constexpr double kMargin = 42.0;
constexpr double kContentWidth = kLetterWidthPt - 2 * kMargin;
const QString kCaseNumber = QStringLiteral("Case No. 2026-INC-04417");

// Set when some text does not fit its box: the tool then fails instead of writing a broken sample.
bool g_layoutError = false;

void layoutError(const QString& what)
{
    std::fprintf(stderr, "incidoc-make-sample: layout: %s\n", qPrintable(what));
    g_layoutError = true;
}

void text(PageScript& page, double x, double y, TextStyle style, const QString& value, double size = 0)
{
    page.texts.push_back({QPointF(x, y), style, value, size});
}

void textRight(PageScript& page, double right, double y, TextStyle style, const QString& value)
{
    text(page, right - textWidthPt(value, style), y, style, value);
}

void textCentred(PageScript& page, double y, TextStyle style, const QString& value)
{
    text(page, (kLetterWidthPt - textWidthPt(value, style)) / 2, y, style, value);
}

// Agency banner, form title and case number box; returns the y below it.
double header(PageScript& page, const QString& title, int pageNumber)
{
    textCentred(page, 52, TextStyle::Heading, QStringLiteral("MILLBROOK FALLS POLICE DEPARTMENT"));
    textCentred(page, 65, TextStyle::Small,
                QStringLiteral("Records Division, 118 Harbor Street, Millbrook Falls, Telephone (555) 010-4400"));
    page.rules.push_back(QLineF(kMargin, 73, kLetterWidthPt - kMargin, 73));
    page.rules.push_back(QLineF(kMargin, 75.5, kLetterWidthPt - kMargin, 75.5));
    text(page, kMargin, 102, TextStyle::Title, title);
    const double boxWidth = textWidthPt(kCaseNumber, TextStyle::Heading) + 16;
    if (kMargin + textWidthPt(title, TextStyle::Title) > kLetterWidthPt - kMargin - boxWidth - 8)
        layoutError(QStringLiteral("title \"%1\" runs into the case number").arg(title));
    page.frames.push_back(QRectF(kLetterWidthPt - kMargin - boxWidth, 86, boxWidth, 23));
    text(page, kLetterWidthPt - kMargin - boxWidth + 8, 102, TextStyle::Heading, kCaseNumber);
    text(page, kLetterWidthPt - kMargin - 60, 120, TextStyle::Small,
         QStringLiteral("Page %1 of %2").arg(pageNumber).arg(kPageCount));
    return 130;
}

double sectionBar(PageScript& page, double y, const QString& title)
{
    const QRectF bar(kMargin, y, kContentWidth, 16);
    page.shades.push_back(bar);
    page.frames.push_back(bar);
    text(page, kMargin + 5, y + 11.5, TextStyle::Section, title);
    return y + 16;
}

struct Field {
    QString label;
    QString value;
    double share; // fraction of the content width
};

// One row of boxed "Label: value" cells.
double fieldRow(PageScript& page, double y, const std::vector<Field>& fields)
{
    constexpr double kHeight = 22;
    double x = kMargin;
    for (const Field& field : fields) {
        const double width = kContentWidth * field.share;
        page.frames.push_back(QRectF(x, y, width, kHeight));
        text(page, x + 5, y + 15, TextStyle::Label, field.label);
        const double valueX = x + 5 + textWidthPt(field.label, TextStyle::Label) + 5;
        text(page, valueX, y + 15, TextStyle::Body, field.value);
        if (valueX + textWidthPt(field.value, TextStyle::Body) > x + width - 3)
            layoutError(QStringLiteral("field \"%1\" overflows its box").arg(field.label));
        x += width;
    }
    return y + kHeight;
}

// A framed block of wrapped paragraphs.
double paragraphBox(PageScript& page, double y, const QStringList& paragraphs, double leading = 14.5)
{
    const double top = y;
    y += 6;
    for (const QString& paragraph : paragraphs) {
        for (const QString& line : wrapText(paragraph, TextStyle::Body, kContentWidth - 16)) {
            y += leading;
            text(page, kMargin + 8, y, TextStyle::Body, line);
        }
        y += 6;
    }
    y += 4;
    page.frames.push_back(QRectF(kMargin, top, kContentWidth, y - top));
    return y;
}

// A deterministic handwritten-looking signature stroke starting at (x, baseline).
void signature(PageScript& page, double x, double baseline, double width, std::uint64_t seed)
{
    Rng rng(seed);
    QPolygonF stroke;
    const int steps = 120;
    const double phase = rng.unit() * 3.0;
    const double turns = 18.0 + rng.unit() * 10.0;
    double height = 6.0;
    for (int i = 0; i <= steps; ++i) {
        const double t = double(i) / steps;
        height = std::clamp(height + (rng.unit() - 0.5) * 2.0, 3.0, 10.0);
        const double loop = std::sin(t * turns + phase) * height;
        stroke << QPointF(x + t * width + std::cos(t * turns + phase) * 4.0, baseline - 6 + loop * (1.0 - 0.5 * t));
    }
    page.scribbles.push_back(stroke);
    QPolygonF flourish;
    for (int i = 0; i <= 20; ++i) {
        const double t = double(i) / 20;
        flourish << QPointF(x + 4 + t * width * 0.9, baseline + 2 - 3 * std::sin(t * 3.1));
    }
    page.scribbles.push_back(flourish);
}

// "Label: value" on one baseline, outside any box.
void labelValue(PageScript& page, double y, const QString& label, const QString& value)
{
    text(page, kMargin, y, TextStyle::Label, label);
    text(page, kMargin + textWidthPt(label, TextStyle::Label) + 6, y, TextStyle::Body, value);
}

// Signature line with a caption below it.
void signatureLine(PageScript& page, double x, double y, double width, const QString& caption)
{
    page.rules.push_back(QLineF(x, y, x + width, y));
    text(page, x, y + 11, TextStyle::Small, caption);
}

void footer(PageScript& page, int pageNumber)
{
    page.rules.push_back(QLineF(kMargin, 752, kLetterWidthPt - kMargin, 752));
    text(page, kMargin, 764, TextStyle::Small, QStringLiteral("Form MFPD-101 (Rev. 01/2025)"));
    textRight(page, kLetterWidthPt - kMargin, 764, TextStyle::Small,
              pageNumber < kPageCount ? QStringLiteral("Continued on page %1").arg(pageNumber + 1)
                                      : QStringLiteral("End of report"));
}

PageScript pageOne()
{
    PageScript page;
    double y = header(page, QStringLiteral("INCIDENT REPORT"), 1);

    y = sectionBar(page, y, QStringLiteral("1. INCIDENT DETAILS"));
    y = fieldRow(page, y,
                 {{QStringLiteral("Date of Incident:"), QStringLiteral("03/14/2026"), 0.36},
                  {QStringLiteral("Time:"), QStringLiteral("22:47"), 0.24},
                  {QStringLiteral("Report Date:"), QStringLiteral("03/15/2026"), 0.40}});
    y = fieldRow(
        page, y,
        {{QStringLiteral("Location:"), QStringLiteral("1420 Alder Grove Road, Millbrook Falls, near Pole 7731"), 1.0}});
    y = fieldRow(page, y,
                 {{QStringLiteral("Incident Type:"), QStringLiteral("Traffic collision with property damage"), 0.64},
                  {QStringLiteral("Weather:"), QStringLiteral("Rain, wet road"), 0.36}});
    y += 10;

    y = sectionBar(page, y, QStringLiteral("2. REPORTING OFFICER"));
    y = fieldRow(page, y,
                 {{QStringLiteral("Reporting Officer:"), QStringLiteral("Sgt. Dana Whitfield"), 0.60},
                  {QStringLiteral("Badge No.:"), QStringLiteral("2291"), 0.40}});
    y = fieldRow(page, y,
                 {{QStringLiteral("Unit:"), QStringLiteral("Patrol Division, Car 14"), 0.60},
                  {QStringLiteral("Shift:"), QStringLiteral("Night (B)"), 0.40}});
    y += 10;

    y = sectionBar(page, y, QStringLiteral("3. VEHICLE INFORMATION"));
    y = fieldRow(page, y,
                 {{QStringLiteral("Vehicle Make/Model:"), QStringLiteral("Subaru Outback"), 0.50},
                  {QStringLiteral("Year:"), QStringLiteral("2019"), 0.20},
                  {QStringLiteral("Colour:"), QStringLiteral("Silver"), 0.30}});
    y = fieldRow(page, y,
                 {{QStringLiteral("Licence Plate:"), QStringLiteral("KTR 4582"), 0.50},
                  {QStringLiteral("Registered Owner:"), QStringLiteral("Jonah R. Pritchard"), 0.50}});
    y += 10;

    y = sectionBar(page, y, QStringLiteral("4. PERSONS INVOLVED AND WITNESSES"));
    y = fieldRow(page, y,
                 {{QStringLiteral("Driver:"), QStringLiteral("Jonah R. Pritchard"), 0.55},
                  {QStringLiteral("Date of Birth:"), QStringLiteral("07/22/1988"), 0.45}});
    y = fieldRow(page, y,
                 {{QStringLiteral("Witness 1:"), QStringLiteral("Elena Marsh"), 0.55},
                  {QStringLiteral("Phone:"), QStringLiteral("(555) 014-2283"), 0.45}});
    y = fieldRow(page, y,
                 {{QStringLiteral("Witness 2:"), QStringLiteral("Theodore Quill"), 0.55},
                  {QStringLiteral("Phone:"), QStringLiteral("(555) 019-7740"), 0.45}});
    y += 10;

    y = sectionBar(page, y, QStringLiteral("5. NARRATIVE"));
    paragraphBox(page, y,
                 {QStringLiteral("On March 14, 2026 at approximately 22:47 hours I was dispatched to 1420 "
                                 "Alder Grove Road regarding "
                                 "a single vehicle collision with a utility pole. On arrival I found a "
                                 "silver Subaru Outback, licence "
                                 "plate KTR 4582, resting against the pole on the north shoulder with heavy "
                                 "damage to the front end. "
                                 "The driver, Jonah Pritchard, was standing beside the vehicle and stated "
                                 "that he swerved to avoid a "
                                 "deer that crossed the roadway. He complained of minor pain in his left "
                                 "wrist and declined transport "
                                 "by ambulance. Witness Elena Marsh was driving eastbound behind the vehicle "
                                 "and saw it leave the lane. "
                                 "Witness Theodore Quill lives at 1416 Alder Grove Road and heard the impact "
                                 "from his porch. The road "
                                 "surface was wet and the street light above the scene was not working.")});

    footer(page, 1);
    return page;
}

PageScript pageTwo()
{
    PageScript page;
    double y = header(page, QStringLiteral("CONTINUATION SHEET"), 2);
    y = sectionBar(page, y, QStringLiteral("5. NARRATIVE (CONTINUED)"));
    y = paragraphBox(
        page, y,
        {QStringLiteral("I checked the driver for signs of impairment. His speech was clear, his eyes were not "
                        "bloodshot "
                        "and I did not smell any alcohol on his breath. He stated that he had been driving home from "
                        "his "
                        "work shift at the Riverside Grain Cooperative and was travelling at about forty miles per "
                        "hour. "
                        "The posted limit on this section of Alder Grove Road is thirty five miles per hour."),
         QStringLiteral(
             "I photographed the scene, the vehicle and the tire marks on the pavement. The marks began "
             "about "
             "sixty feet west of the pole and curved toward the north shoulder, which agrees with the "
             "account "
             "given by the driver. I found deer hair on the front bumper and a set of deer tracks in the mud "
             "beside the road. Nine photographs were taken and uploaded to the evidence system."),
         QStringLiteral("Millbrook Falls Power was notified of the damaged pole at 23:05 hours and a crew arrived at "
                        "23:40 hours. The crew placed cones around the pole and reported that it was cracked at the "
                        "base "
                        "but still carrying the line. Eastbound traffic was held for twenty minutes while the crew "
                        "secured the line."),
         QStringLiteral(
             "The vehicle was not drivable and was towed from the scene by Harlan Towing at 23:55 hours. "
             "The driver was given a ride home by his sister, Ruth Pritchard, who arrived at 00:10 hours.")});
    y += 16;
    labelValue(page, y, QStringLiteral("Evidence:"), QStringLiteral("Nine photographs, item numbers E-0411 to E-0419"));
    y += 16;
    labelValue(page, y, QStringLiteral("Body camera:"), QStringLiteral("Recording 22:58 to 23:31, camera BWC-2291"));
    y += 60;
    signature(page, kMargin + 12, y, 140, kSeed + 21);
    signatureLine(page, kMargin, y + 4, 220, QStringLiteral("Reporting Officer: Sgt. Dana Whitfield, Badge 2291"));
    text(page, kMargin + 300, y, TextStyle::Body, QStringLiteral("03/15/2026"));
    signatureLine(page, kMargin + 290, y + 4, 140, QStringLiteral("Date"));
    footer(page, 2);
    return page;
}

PageScript pageThree()
{
    PageScript page;
    double y = header(page, QStringLiteral("WITNESS STATEMENT"), 3);
    y = sectionBar(page, y, QStringLiteral("WITNESS INFORMATION"));
    y = fieldRow(page, y,
                 {{QStringLiteral("Name:"), QStringLiteral("Elena Marsh"), 0.55},
                  {QStringLiteral("Phone:"), QStringLiteral("(555) 014-2283"), 0.45}});
    y = fieldRow(page, y, {{QStringLiteral("Address:"), QStringLiteral("88 Cedar Hollow Lane, Millbrook Falls"), 1.0}});
    y = fieldRow(page, y,
                 {{QStringLiteral("Statement Date:"), QStringLiteral("03/14/2026"), 0.55},
                  {QStringLiteral("Time:"), QStringLiteral("23:20"), 0.45}});
    y += 10;
    y = sectionBar(page, y, QStringLiteral("STATEMENT"));
    y = paragraphBox(
        page, y,
        {QStringLiteral("I was driving east on Alder Grove Road on my way home from the library. It was raining and "
                        "the road was dark because the street light near the bend was out. A silver car was ahead of "
                        "me, maybe three or four car lengths, and it was going a little faster than I was."),
         QStringLiteral("Just before the bend I saw something brown run across the road from the left. The silver car "
                        "braked and turned hard to the right. The back of the car slid out and the car went off the "
                        "road and hit the pole. I heard a loud bang and the lights on the pole flickered."),
         QStringLiteral("I stopped behind the car and turned on my hazard lights. The driver got out by himself and "
                        "said he was okay but that his wrist hurt. I called 911 at 22:45 and waited with him until the "
                        "officer arrived. I did not see any other cars on the road at the time."),
         QStringLiteral("I declare that this statement is true to the best of my knowledge.")});
    y += 44;
    signature(page, kMargin + 10, y, 150, kSeed + 31);
    signatureLine(page, kMargin, y + 4, 220, QStringLiteral("Witness Signature"));
    text(page, kMargin + 300, y, TextStyle::Body, QStringLiteral("03/14/2026"));
    signatureLine(page, kMargin + 290, y + 4, 140, QStringLiteral("Date"));
    y += 50;
    signature(page, kMargin + 14, y, 130, kSeed + 32);
    signatureLine(page, kMargin, y + 4, 220, QStringLiteral("Officer Taking Statement: Sgt. Dana Whitfield"));
    footer(page, 3);
    return page;
}

PageScript pageFour()
{
    PageScript page;
    double y = header(page, QStringLiteral("PROPERTY DAMAGE"), 4);
    y = sectionBar(page, y, QStringLiteral("6. DAMAGED PROPERTY"));

    const std::vector<double> widths = {30, 158, 102, 168, 70};
    const std::vector<std::vector<QString>> rows = {
        {QStringLiteral("No."), QStringLiteral("Item"), QStringLiteral("Owner"), QStringLiteral("Damage"),
         QStringLiteral("Est. Value")},
        {QStringLiteral("1"), QStringLiteral("Subaru Outback KTR 4582"), QStringLiteral("J. Pritchard"),
         QStringLiteral("Front end and radiator"), QStringLiteral("$6,800")},
        {QStringLiteral("2"), QStringLiteral("Utility pole 7731"), QStringLiteral("Millbrook Power"),
         QStringLiteral("Cracked at base, leaning"), QStringLiteral("$4,200")},
        {QStringLiteral("3"), QStringLiteral("Mailbox and post"), QStringLiteral("T. Quill"),
         QStringLiteral("Post snapped, box dented"), QStringLiteral("$150")},
        {QStringLiteral("4"), QStringLiteral("Garden fence"), QStringLiteral("T. Quill"),
         QStringLiteral("Two panels broken"), QStringLiteral("$380")},
    };
    constexpr double kRowHeight = 21;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double x = kMargin;
        if (r == 0)
            page.shades.push_back(QRectF(kMargin, y, kContentWidth, kRowHeight));
        for (std::size_t c = 0; c < widths.size(); ++c) {
            page.frames.push_back(QRectF(x, y, widths[c], kRowHeight));
            const TextStyle style = r == 0 ? TextStyle::Label : TextStyle::Body;
            text(page, x + 5, y + 14.5, style, rows[r][c]);
            if (textWidthPt(rows[r][c], style) > widths[c] - 8)
                layoutError(QStringLiteral("cell \"%1\" overflows").arg(rows[r][c]));
            x += widths[c];
        }
        y += kRowHeight;
    }
    y += 18;
    labelValue(page, y, QStringLiteral("Total estimated damage:"), QStringLiteral("$11,530"));
    y += 14;

    y = sectionBar(page, y, QStringLiteral("7. DISPOSITION AND FOLLOW-UP"));
    y = paragraphBox(
        page, y,
        {QStringLiteral("Vehicle towed by Harlan Towing to the storage yard at 5 Depot Street. The driver was issued a "
                        "written warning for speed too fast for conditions. No citation was issued."),
         QStringLiteral(
             "Millbrook Falls Power will replace the pole under work ticket 55-1093. Mr. Quill was given the "
             "case number for his insurance claim on the mailbox and fence."),
         QStringLiteral("Case status: Closed, no further action required.")});

    y += 50;
    signature(page, kMargin + 12, y, 140, kSeed + 41);
    signatureLine(page, kMargin, y + 4, 220, QStringLiteral("Reporting Officer: Sgt. Dana Whitfield, Badge 2291"));
    text(page, kMargin + 300, y, TextStyle::Body, QStringLiteral("03/15/2026"));
    signatureLine(page, kMargin + 290, y + 4, 140, QStringLiteral("Date"));
    y += 50;
    signature(page, kMargin + 12, y, 120, kSeed + 42);
    signatureLine(page, kMargin, y + 4, 220, QStringLiteral("Reviewed by: Lt. Carla Benning"));
    text(page, kMargin + 300, y, TextStyle::Body, QStringLiteral("03/16/2026"));
    signatureLine(page, kMargin + 290, y + 4, 140, QStringLiteral("Date"));
    footer(page, 4);
    return page;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        std::fprintf(stderr, "incidoc-make-sample: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    // Qt writes the PDF's font objects in QHash order; a fixed hash seed makes the bytes reproducible.
    QHashSeed::setDeterministicGlobalSeed();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: incidoc-make-sample OUT.pdf OUT.txt\n");
        return 2;
    }
    QString fontProblem;
    if (!fontsAvailable(&fontProblem)) {
        std::fprintf(stderr, "incidoc-make-sample: fonts-dejavu-core is required (%s)\n", qPrintable(fontProblem));
        return 1;
    }

    const std::vector<PageScript> pages = {pageOne(), pageTwo(), pageThree(), pageFour()};
    const double rotations[kPageCount] = {0.0, 0.6, -0.9, 1.2};

    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        setupLetterWriter(writer, kVectorDpi, QStringLiteral("Incident Report 2026-INC-04417 (sample)"));
        QPainter painter(&writer);
        for (int i = 0; i < kPageCount; ++i) {
            if (i > 0)
                writer.newPage();
            if (i == 0) {
                paintScript(painter, pages[i], kVectorDpi);
                continue;
            }
            ScanDefects defects;
            defects.rotationDeg = rotations[i];
            defects.noiseLevel = kScanNoise;
            defects.speckles = 30;
            defects.blur = true;
            defects.contrastLoss = true;
            defects.seed = kSeed + std::uint64_t(i);
            drawFullPageImage(painter, writer, simulateScan(rasterize(pages[i], kScanDpi), defects));
        }
        painter.end();
    }
    if (!repackImagesAsGreyJpeg(pdf, kJpegQuality)) {
        std::fprintf(stderr, "incidoc-make-sample: could not repack the page images\n");
        return 1;
    }
    if (!normalizePdfBytes(pdf))
        std::fprintf(stderr, "warning: could not normalize the PDF date/ID; output is not byte-reproducible\n");

    QByteArray truth;
    for (int i = 0; i < kPageCount; ++i) {
        truth += QStringLiteral("=== page %1 ===\n").arg(i + 1).toUtf8();
        for (const QString& line : pages[i].groundTruth())
            truth += line.toUtf8() + '\n';
    }
    if (g_layoutError)
        return 1;
    return writeFile(args.at(1), pdf) && writeFile(args.at(2), truth) ? 0 : 1;
}
