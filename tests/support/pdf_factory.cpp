#include "tests/support/pdf_factory.h"

#include "resources/samples/sample_painter.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>

#include <array>

namespace incidoc::test {

namespace {

using sample::PageScript;
using sample::TextStyle;

constexpr double kLeftMarginPt = 72.0;
constexpr double kTopMarginPt = 72.0;
constexpr double kTextWidthPt = sample::kLetterWidthPt - 2 * kLeftMarginPt;
constexpr int kLinesPerSamplePage = 20;

PageScript scriptFor(const QStringList& lines, int pointSize)
{
    PageScript script;
    const double pitch = 1.5 * pointSize;
    double baseline = kTopMarginPt + pointSize;
    for (const QString& line : lines) {
        script.texts.push_back(
            {QPointF(kLeftMarginPt, baseline), TextStyle::Plain, line.simplified(), double(pointSize)});
        baseline += pitch;
    }
    return script;
}

sample::ScanDefects defectsFor(double rotationDeg, int noiseLevel, std::uint64_t seed)
{
    sample::ScanDefects defects;
    defects.rotationDeg = rotationDeg;
    defects.noiseLevel = noiseLevel;
    defects.speckles = noiseLevel > 0 ? 12 : 0;
    defects.blur = noiseLevel > 0;
    defects.contrastLoss = noiseLevel > 0;
    defects.seed = seed;
    return defects;
}

// Plain QFile (not QSaveFile): new files get the usual umask permissions, which tests that hand
// files to another user rely on.
bool saveBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

const std::array<const char*, 14> kSubjects = {"The reporting officer",
                                               "The driver",
                                               "A witness",
                                               "The caller",
                                               "The suspect",
                                               "The victim",
                                               "The night supervisor",
                                               "A neighbour",
                                               "The tow operator",
                                               "The store manager",
                                               "A passenger",
                                               "The security guard",
                                               "The second unit",
                                               "The property owner"};
const std::array<const char*, 16> kActions = {"arrived at the scene",
                                              "reported a loud crash",
                                              "observed a dark blue sedan",
                                              "spoke with the owner",
                                              "noted broken glass on the ground",
                                              "photographed the damage",
                                              "checked the licence plate",
                                              "gave a short written statement",
                                              "called for an ambulance",
                                              "secured the area with cones",
                                              "heard two people arguing",
                                              "found the side door unlocked",
                                              "described a man in a grey jacket",
                                              "waited for the fire crew",
                                              "collected the security footage",
                                              "saw the van leave quickly"};
const std::array<const char*, 16> kPlaces = {"near the north entrance",  "on Maple Street",
                                             "behind the old warehouse", "at the corner of Fifth Avenue",
                                             "outside the pharmacy",     "in the hospital parking lot",
                                             "shortly after midnight",   "before the rain started",
                                             "during the evening shift", "at approximately 21:30 hours",
                                             "next to the bus shelter",  "on the second floor landing",
                                             "beside the loading dock",  "at the gas station on Route 9",
                                             "in front of the library",  "by the river footbridge"};

QString sentence(sample::Rng& rng)
{
    return QStringLiteral("%1 %2 %3.")
        .arg(QLatin1String(kSubjects[rng.below(kSubjects.size())]), QLatin1String(kActions[rng.below(kActions.size())]),
             QLatin1String(kPlaces[rng.below(kPlaces.size())]));
}

GeneratedPage paragraphPage(unsigned seed, int pageIndex)
{
    sample::Rng rng((std::uint64_t(seed) << 32) ^ std::uint64_t(pageIndex) * 0x9E3779B9ull ^ 0x5EEDull);
    QStringList words;
    GeneratedPage page;
    while (page.lines.size() < kLinesPerSamplePage) {
        while (words.size() < 14)
            words += sentence(rng).split(QLatin1Char(' '));
        // About ten words a line, fewer if the line would not fit the text width at 12 pt.
        int take = 9 + int(rng.below(3));
        while (take > 1
               && sample::textWidthPt(words.mid(0, take).join(QLatin1Char(' ')), TextStyle::Plain, 12) > kTextWidthPt)
            --take;
        page.lines << words.mid(0, take).join(QLatin1Char(' '));
        words = words.mid(take);
    }
    return page;
}

// Paints pages one at a time; `pageImage(i)` returns the image of page i (released after drawing).
template <typename PageImage>
bool paintImagePages(QPdfWriter& writer, int dpi, int pageCount, PageImage pageImage)
{
    sample::setupLetterWriter(writer, dpi, QStringLiteral("Incidoc test document"));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    for (int i = 0; i < pageCount; ++i) {
        if (i > 0 && !writer.newPage())
            return false;
        sample::drawFullPageImage(painter, writer, pageImage(i));
    }
    return painter.end();
}

} // namespace

QImage renderTextImage(const QStringList& lines, int dpi, int pointSize)
{
    return sample::rasterize(scriptFor(lines, pointSize), dpi);
}

bool writeTextPdf(const QString& path, const std::vector<GeneratedPage>& pages, int pointSize)
{
    constexpr int kDpi = 300;
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        sample::setupLetterWriter(writer, kDpi, QStringLiteral("Incidoc test document"));
        QPainter painter;
        if (!painter.begin(&writer))
            return false;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            sample::paintScript(painter, scriptFor(pages[i].lines, pointSize), kDpi);
        }
        if (!painter.end())
            return false;
    }
    sample::normalizePdfBytes(pdf);
    return saveBytes(path, pdf);
}

bool writeScannedPdf(const QString& path, const std::vector<GeneratedPage>& pages, int dpi, double rotationDeg,
                     int noiseLevel, unsigned seed, int pointSize)
{
    if (dpi < 10 || dpi > 1200 || pages.empty())
        return false;
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        const bool painted = paintImagePages(writer, dpi, int(pages.size()), [&](int i) {
            const QImage clean = renderTextImage(pages[std::size_t(i)].lines, dpi, pointSize);
            return sample::simulateScan(clean, defectsFor(rotationDeg, noiseLevel, std::uint64_t(seed) * 1000 + i));
        });
        if (!painted)
            return false;
    }
    // Grey JPEG like a real scanner's output (Qt alone would store RGB).
    if (!sample::repackImagesAsGreyJpeg(pdf, 90))
        return false;
    sample::normalizePdfBytes(pdf);
    return saveBytes(path, pdf);
}

std::vector<GeneratedPage> sampleParagraphPages(int count, unsigned seed)
{
    std::vector<GeneratedPage> pages;
    for (int i = 0; i < count; ++i)
        pages.push_back(paragraphPage(seed, i));
    return pages;
}

bool writeManyPageScannedPdf(const QString& path, int pageCount, int dpi, unsigned seed)
{
    if (pageCount <= 0 || dpi < 10 || dpi > 1200)
        return false;
    // Straight to the file: QPdfWriter writes each image object as soon as it is drawn.
    QPdfWriter writer(path);
    return paintImagePages(writer, dpi, pageCount, [&](int i) {
        const QImage clean = renderTextImage(paragraphPage(seed, i).lines, dpi);
        const double rotation = (int(i % 7) - 3) * 0.3;
        return sample::simulateScan(clean, defectsFor(rotation, 2, std::uint64_t(seed) * 100000 + i));
    });
}

} // namespace incidoc::test
