// The photo stage on generated phone-like photos: a known text page warped by a camera's perspective onto a
// textured background (ImageMagick, at test time) with uneven light, blur, noise and JPEG. The page's corners
// are found, the flattened page reads like the flat page (real Tesseract), scans stay scans, a photo with
// no page is read as it is, huge, tiny and odd images are handled.
#include "core/ocr/tesseract_engine.h"
#include "core/photo/flatten.h"
#include "core/photo/page_detect.h"
#include "core/photo/photo_check.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "tests/support/test_paths.h"

using namespace incidoc;

namespace {

const QStringList kWords =
    QStringLiteral("account action advice almost animal answer appear apple arrive autumn balance basket "
                   "battle beach become before behind belief bottle branch bread bridge bright brother "
                   "budget butter button camera candle canvas carbon castle cattle center chance change "
                   "charge cheese circle clever clothes cloud coffee collar colour common copper corner "
                   "cotton country cousin credit crowd damage danger decide degree desert detail dinner "
                   "doctor double dream driver during early effect eight energy engine enough event "
                   "evening except expert factor family famous farmer father figure finger finish flower "
                   "follow forest forget friend future garden gentle glass golden ground growth guard "
                   "guide hammer handle happen harbor health heavy height history honest hunger island "
                   "jacket journey judge kettle kitchen knife ladder language laugh leather letter level "
                   "library listen little market master matter meadow measure memory middle minute mirror "
                   "moment money morning mother motion mountain narrow nation nature needle number object "
                   "office orange order paper parcel pencil people pepper person picture pillow planet")
        .split(QLatin1Char(' '));

constexpr QSize kPhoto(1200, 1600); // a 3:4 phone photo
constexpr QSize kPage(1275, 1650);  // US Letter at 150 dpi

bool run(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/convert"), args);
    if (!p.waitForFinished(120'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        ADD_FAILURE() << "convert failed: " << p.readAllStandardError().toStdString();
        return false;
    }
    return true;
}

/// A Letter page of six paragraphs of dictionary words (DejaVu Sans, 11 pt at 150 dpi), drawn line by line.
void makeTextPage(const QString& path, unsigned seed)
{
    std::mt19937 rnd(seed);
    QStringList args{QStringLiteral("-size"),       QStringLiteral("%1x%2").arg(kPage.width()).arg(kPage.height()),
                     QStringLiteral("xc:white"),    QStringLiteral("-font"),
                     QStringLiteral("DejaVu-Sans"), QStringLiteral("-pointsize"),
                     QStringLiteral("23"),          QStringLiteral("-fill"),
                     QStringLiteral("black")};
    int y = 130;
    for (int para = 0; para < 6; ++para) {
        QString line;
        const int n = 30 + static_cast<int>(rnd() % 10);
        for (int i = 0; i < n; ++i) {
            const QString word = kWords[static_cast<int>(rnd() % static_cast<unsigned>(kWords.size()))];
            if (line.size() + word.size() > 62) {
                args << QStringLiteral("-annotate") << QStringLiteral("+128+%1").arg(y) << line;
                y += 31;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        args << QStringLiteral("-annotate") << QStringLiteral("+128+%1").arg(y) << line + QLatin1Char('.');
        y += 62;
    }
    args << QStringLiteral("-colorspace") << QStringLiteral("Gray") << path;
    run(args);
}

using Corners = std::array<QPointF, 4>;

/// The page's corners as a pinhole camera sees it (focal length 0.9 x the photo's long side, principal point
/// at the centre): tilted by tiltX/tiltY degrees, turned in its plane, its height `fill` of the photo's.
Corners cameraCorners(double tiltX, double tiltY, double turn, double fill, QPointF shift = {})
{
    const double w = kPhoto.width(), h = kPhoto.height(), f = 0.9 * std::max(w, h);
    const double aspect = static_cast<double>(kPage.width()) / kPage.height();
    const double ax = tiltX * M_PI / 180, ay = tiltY * M_PI / 180, az = turn * M_PI / 180;
    const double distance = f / (fill * h);
    Corners out;
    const double xs[4] = {-aspect / 2, aspect / 2, aspect / 2, -aspect / 2}, ys[4] = {-0.5, -0.5, 0.5, 0.5};
    for (int i = 0; i < 4; ++i) {
        double x = xs[i] * std::cos(az) - ys[i] * std::sin(az), y = xs[i] * std::sin(az) + ys[i] * std::cos(az);
        double z = y * std::sin(ax);
        y = y * std::cos(ax);
        const double x2 = x * std::cos(ay) + z * std::sin(ay);
        z = -x * std::sin(ay) + z * std::cos(ay) + distance;
        x = x2;
        out[static_cast<std::size_t>(i)] =
            QPointF(f * x / z + w / 2 + shift.x() * w, f * y / z + h / 2 + shift.y() * h);
    }
    return out;
}

enum class Background { Plasma, Wood, Table, WhiteTable, GreyPlasma };
enum class Light { Gradient, Shadow, Radial };

QStringList backgroundArgs(Background bg, int seed)
{
    const QString small = QStringLiteral("%1x%2").arg(kPhoto.width() / 4).arg(kPhoto.height() / 4);
    const QString full = QStringLiteral("%1x%2!").arg(kPhoto.width()).arg(kPhoto.height());
    const QString s = QString::number(seed);
    switch (bg) {
    case Background::Plasma:
        return {"(", "-size", small, "-seed", s, "plasma:tan-sienna", "-blur", "0x1", "-resize", full, ")"};
    case Background::Wood:
        return {"(",           "-size",  small,         "xc:",           "-seed",           s,
                "+noise",      "Random", "-blur",       "0x1",           "-motion-blur",    "0x12+90",
                "-colorspace", "Gray",   "-auto-level", "+level-colors", "#4a2c12,#b98a55", "-resize",
                full,          ")"};
    case Background::WhiteTable:
        return {"(",      "-size",    small,   "xc:gray90", "-seed",   s,    "-attenuate", "0.4",
                "+noise", "Gaussian", "-blur", "0x1",       "-resize", full, ")"};
    case Background::Table:
        return {"(",      "-size",    small,   "xc:gray80", "-seed",   s,    "-attenuate", "0.6",
                "+noise", "Gaussian", "-blur", "0x1",       "-resize", full, ")"};
    case Background::GreyPlasma: // grey mottled with tan: as light and as colourless as a page in shade
        return {"(", "-size", small, "-seed", s, "plasma:grey70-tan", "-blur", "0x1", "-resize", full, ")"};
    }
    return {};
}

QStringList lightArgs(Light light)
{
    const QString size = QStringLiteral("%1x%2").arg(kPhoto.width()).arg(kPhoto.height());
    switch (light) {
    case Light::Gradient: return {"(", "-size", size, "-define", "gradient:angle=135", "gradient:white-gray55", ")"};
    case Light::Shadow:
        return {"(",
                "-size",
                size,
                "xc:white",
                "-fill",
                "gray50",
                "-draw",
                QStringLiteral("polygon 0,0 %1,0 %2,%3 0,%3")
                    .arg(kPhoto.width() / 2)
                    .arg(kPhoto.width() / 4)
                    .arg(kPhoto.height()),
                "-blur",
                "0x27",
                ")"};
    case Light::Radial: return {"(", "-size", size, "radial-gradient:white-gray60", ")"};
    }
    return {};
}

/// The page photographed: warped to `corners` over the background, lit unevenly, blurred, noisy, JPEG 80.
bool photograph(const QString& page, const QString& out, const Corners& c, Background bg, Light light, int seed)
{
    QString spec;
    const QPointF src[4] = {{0, 0},
                            {double(kPage.width()), 0},
                            {double(kPage.width()), double(kPage.height())},
                            {0, double(kPage.height())}};
    for (int i = 0; i < 4; ++i)
        spec += QStringLiteral("%1,%2 %3,%4 ")
                    .arg(src[i].x())
                    .arg(src[i].y())
                    .arg(c[static_cast<std::size_t>(i)].x(), 0, 'f', 1)
                    .arg(c[static_cast<std::size_t>(i)].y(), 0, 'f', 1);
    QStringList args = backgroundArgs(bg, seed);
    args << "(" << page << "-colorspace"
         << "sRGB"
         << "-alpha"
         << "set"
         << "-virtual-pixel"
         << "transparent"
         << "-define" << QStringLiteral("distort:viewport=%1x%2+0+0").arg(kPhoto.width()).arg(kPhoto.height())
         << "-distort"
         << "Perspective" << spec.trimmed() << ")"
         << "-compose"
         << "over"
         << "-composite";
    args << lightArgs(light) << "-compose"
         << "multiply"
         << "-composite"
         << "-blur"
         << "0x0.8"
         << "-seed" << QString::number(seed) << "-attenuate"
         << "0.25"
         << "+noise"
         << "Gaussian"
         << "-quality"
         << "80" << out;
    return run(args);
}

/// A camera's EXIF (make, model, exposure time, aperture) put into a JPEG file as its APP1 segment.
bool addCameraExif(const QString& jpeg)
{
    QFile f(jpeg);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray data = f.readAll();
    f.close();
    if (data.size() < 4 || static_cast<uchar>(data[0]) != 0xFF || static_cast<uchar>(data[1]) != 0xD8)
        return false;
    QByteArray tiff(112, '\0');
    auto u16 = [&](int at, quint16 v) { qToLittleEndian<quint16>(v, tiff.data() + at); };
    auto u32 = [&](int at, quint32 v) { qToLittleEndian<quint32>(v, tiff.data() + at); };
    auto entry = [&](int at, quint16 tag, quint16 type, quint32 count, quint32 value) {
        u16(at, tag);
        u16(at + 2, type);
        u32(at + 4, count);
        u32(at + 8, value);
    };
    tiff[0] = 'I';
    tiff[1] = 'I';
    u16(2, 42);
    u32(4, 8);
    u16(8, 3);                   // IFD0: Make, Model, Exif IFD
    entry(10, 0x010F, 2, 7, 50); // Make "Google"
    entry(22, 0x0110, 2, 8, 57); // Model "Pixel 7"
    entry(34, 0x8769, 4, 1, 66); // the Exif IFD
    std::memcpy(tiff.data() + 50, "Google\0Pixel 7\0", 15);
    u16(66, 2); // Exif IFD: ExposureTime, FNumber
    entry(68, 0x829A, 5, 1, 96);
    entry(80, 0x829D, 5, 1, 104);
    u32(96, 1);
    u32(100, 60);
    u32(104, 18);
    u32(108, 10);
    QByteArray app1("\xFF\xE1", 2);
    const int length = 2 + 6 + static_cast<int>(tiff.size());
    app1.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xFF));
    app1.append("Exif\0\0", 6).append(tiff);
    data.insert(2, app1);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

QImage load(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

double cornerError(const Corners& a, const Corners& b)
{
    double worst = 0;
    for (std::size_t i = 0; i < 4; ++i)
        worst = std::max(worst, std::hypot(a[i].x() - b[i].x(), a[i].y() - b[i].y()));
    return worst;
}

std::map<QString, int> wordsOf(const RecognizedPage& page)
{
    std::map<QString, int> words;
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]+"));
    for (const RecognizedWord& w : page.words)
        for (auto it = letters.globalMatch(w.text); it.hasNext();) {
            const QString m = it.next().captured().toLower();
            if (m.size() >= 3)
                ++words[m];
        }
    return words;
}

/// The share of the reference's words (a multiset) found in `found`.
double shareOf(const std::map<QString, int>& found, const std::map<QString, int>& reference)
{
    int total = 0, common = 0;
    for (const auto& [word, n] : reference) {
        total += n;
        const auto it = found.find(word);
        common += std::min(n, it == found.end() ? 0 : it->second);
    }
    return total ? static_cast<double>(common) / total : 0;
}

struct Shot {
    const char* name;
    double tiltX, tiltY, turn, fill;
    QPointF shift;
    Background bg;
    Light light;
};

const Shot kShots[] = {
    {"plasma_gradient", 20, 8, 4, 0.72, {}, Background::Plasma, Light::Gradient},
    {"wood_shadow", -30, 0, 0, 0.70, {0, 0.02}, Background::Wood, Light::Shadow},
    {"plasma_turned", 15, -22, -9, 0.74, {0.02, 0}, Background::Plasma, Light::Radial},
    {"table_low_contrast", 10, 5, -3, 0.75, {}, Background::Table, Light::Radial},
    {"corner_out_of_frame", 12, 10, 8, 0.84, {0.09, 0}, Background::Wood, Light::Radial},
    {"white_on_light_table", 10, 5, -3, 0.75, {}, Background::WhiteTable, Light::Gradient},
};

class PhotoTest : public ::testing::Test {
protected:
    // Under ctest every test runs in a process of its own: each makes only the photos it uses.
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        makeTextPage(s_dir->filePath(QStringLiteral("page.png")), 7);
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QString path(const QString& name) { return s_dir->filePath(name); }
    static const Shot& shot(const char* name)
    {
        for (const Shot& s : kShots)
            if (qstrcmp(s.name, name) == 0)
                return s;
        return kShots[0];
    }
    static Corners cornersOf(const Shot& s) { return cameraCorners(s.tiltX, s.tiltY, s.turn, s.fill, s.shift); }
    /// The shot's photo file, made on first use.
    static QString photoFile(const Shot& s)
    {
        const QString file = path(QStringLiteral("%1.jpg").arg(QLatin1String(s.name)));
        if (!QFile::exists(file))
            photograph(path("page.png"), file, cornersOf(s), s.bg, s.light, static_cast<int>(&s - kShots) + 1);
        return file;
    }
    static QImage photo(const Shot& s) { return load(photoFile(s)); }

    static QTemporaryDir* s_dir;
};

QTemporaryDir* PhotoTest::s_dir = nullptr;

const double kDiagonal = std::hypot(kPhoto.width(), kPhoto.height()); // 2000 px

TEST_F(PhotoTest, FindsThePageUnderPerspectiveShadowUnevenLightAndClutter)
{
    for (const char* name :
         {"plasma_gradient", "wood_shadow", "plasma_turned", "table_low_contrast", "white_on_light_table"}) {
        SCOPED_TRACE(name);
        const Shot& s = shot(name);
        const PageDetection d = detectPage(photo(s));
        ASSERT_TRUE(d.found) << d.note.toStdString();
        EXPECT_FALSE(d.cutByFrame);
        EXPECT_GT(d.confidence, 0.3);
        EXPECT_LT(cornerError(d.corners, cornersOf(s)), 0.01 * kDiagonal); // 20 px of 2000
    }
}

TEST_F(PhotoTest, CameraFrameFormatsGiveTheSamePage)
{
    const QImage image = photo(shot("plasma_gradient")).convertToFormat(QImage::Format_RGB32);
    const PageDetection reference = detectPage(image);
    ASSERT_TRUE(reference.found);
    for (const QImage::Format format : {QImage::Format_RGBA8888, QImage::Format_RGBX8888, QImage::Format_RGB888,
                                        QImage::Format_BGR888, QImage::Format_ARGB32_Premultiplied}) {
        SCOPED_TRACE(format);
        const PageDetection d = detectPage(image.convertToFormat(format));
        ASSERT_TRUE(d.found);
        EXPECT_LT(cornerError(d.corners, reference.corners), 1.0);
    }
}

TEST_F(PhotoTest, EstimatesACornerOutsideTheFrame)
{
    const Shot& s = shot("corner_out_of_frame");
    const Corners truth = cornersOf(s);
    ASSERT_GT(truth[1].x(), kPhoto.width() + 100); // the top right corner is well outside the photo
    const PageDetection d = detectPage(photo(s));
    ASSERT_TRUE(d.found) << d.note.toStdString();
    EXPECT_TRUE(d.cutByFrame);
    EXPECT_LT(cornerError(d.corners, truth), 0.02 * kDiagonal);
}

/// A page with one corner cut off by one side of the frame, on a background that is low-contrast grey or
/// coloured.
struct CutShot {
    const char* name;
    double tiltX, tiltY, turn, fill;
    QPointF shift;
    std::size_t cutCorner; ///< the corner outside the frame (0 top left, clockwise)
    Background bg;
};

const CutShot kCutShots[] = {
    {"right_grey", 10, 8, 6, 0.82, {0.08, 0}, 1, Background::GreyPlasma},
    {"right_coloured", 10, 8, 6, 0.82, {0.08, 0}, 1, Background::Plasma},
    {"left_grey", 10, -8, -6, 0.82, {-0.08, 0}, 0, Background::GreyPlasma},
    {"left_coloured", 10, -8, -6, 0.82, {-0.08, 0}, 0, Background::Plasma},
    {"top_grey", 8, 4, -6, 0.78, {0.02, -0.1}, 1, Background::GreyPlasma},
    {"top_coloured", 8, 4, -6, 0.78, {0.02, -0.1}, 1, Background::Plasma},
    {"bottom_grey", -8, 4, 6, 0.78, {0.02, 0.1}, 2, Background::GreyPlasma},
    {"bottom_coloured", -8, 4, 6, 0.78, {0.02, 0.1}, 2, Background::Plasma},
};

void PrintTo(const CutShot& s, std::ostream* os)
{
    *os << s.name;
}

/// One photo per case (the flat page and its words once per test program).
class PhotoCutByFrameTest : public ::testing::TestWithParam<CutShot> {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        makeTextPage(s_dir->filePath(QStringLiteral("page.png")), 7);
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QTemporaryDir* s_dir;
};

QTemporaryDir* PhotoCutByFrameTest::s_dir = nullptr;

TEST_P(PhotoCutByFrameTest, EstimatesTheCornerAndReadsLikeTheFlatPage)
{
    const CutShot& s = GetParam();
    const Corners truth = cameraCorners(s.tiltX, s.tiltY, s.turn, s.fill, s.shift);
    // Exactly the chosen corner is outside the frame, well outside; the others are inside.
    for (std::size_t i = 0; i < 4; ++i) {
        const QPointF p = truth[i];
        const double outside = std::max({-p.x(), -p.y(), p.x() - (kPhoto.width() - 1), p.y() - (kPhoto.height() - 1)});
        if (i == s.cutCorner)
            ASSERT_GT(outside, 60) << i;
        else
            ASSERT_LT(outside, -20) << i;
    }
    const QString page = s_dir->filePath(QStringLiteral("page.png"));
    const QString file = s_dir->filePath(QStringLiteral("%1.jpg").arg(QLatin1String(s.name)));
    ASSERT_TRUE(photograph(page, file, truth, s.bg, Light::Radial, 12));
    const QImage image = load(file);
    const PageDetection d = detectPage(image);
    ASSERT_TRUE(d.found) << d.note.toStdString();
    EXPECT_TRUE(d.cutByFrame);
    EXPECT_LT(cornerError(d.corners, truth), 0.02 * kDiagonal);

    auto engine = TesseractEngine::create(QStringLiteral("eng"));
    ASSERT_TRUE(engine) << engine.error().message.toStdString();
    OcrOptions options;
    options.dpi = 150;
    const auto flat = (*engine)->recognize(load(page).convertToFormat(QImage::Format_Grayscale8), options, {});
    ASSERT_TRUE(flat);
    const PhotoGeometry g = lookAtImage(file, image);
    ASSERT_TRUE(g.isFlattened()) << g.note.toStdString();
    options.dpi = g.dpi;
    const auto read = (*engine)->recognize(flattenPhoto(image, g), options, {});
    ASSERT_TRUE(read);
    const double share = shareOf(wordsOf(*read), wordsOf(*flat));
    EXPECT_GE(share, 0.90);
    std::printf("%s: corners within %.1f px, %.3f of the flat page's words\n", s.name, cornerError(d.corners, truth),
                share);
}

INSTANTIATE_TEST_SUITE_P(Photo, PhotoCutByFrameTest, ::testing::ValuesIn(kCutShots),
                         [](const ::testing::TestParamInfo<CutShot>& info) { return std::string(info.param.name); });

TEST_F(PhotoTest, GeneratedPhotosAreRecognisedAndPlannedAsLetterPages)
{
    for (const Shot& s : kShots) {
        SCOPED_TRACE(s.name);
        const QString file = photoFile(s);
        const QImage image = load(file);
        const PhotoEvidence e = examineImage(file, image);
        EXPECT_TRUE(e.isPhoto) << e.reason.toStdString();
        const PhotoGeometry g = lookAtImage(file, image);
        ASSERT_EQ(g.state, PhotoState::Flattened) << g.note.toStdString();
        EXPECT_EQ(g.photoSize, kPhoto);
        // The true aspect under perspective (Letter, 0.773) within 6 %.
        EXPECT_NEAR(static_cast<double>(g.pageSize.width()) / g.pageSize.height(), 8.5 / 11, 0.06 * 8.5 / 11);
        // Boxes on the flat page map back onto the photo: the page's corners land on the detected corners.
        const QPointF br = g.pageToPhoto().map(QPointF(g.pageSize.width(), g.pageSize.height()));
        EXPECT_LT(std::hypot(br.x() - g.corners[2].x(), br.y() - g.corners[2].y()), 1.0);
    }
}

TEST_F(PhotoTest, FlattenedPhotosReadLikeTheFlatPage)
{
    auto engine = TesseractEngine::create(QStringLiteral("eng"));
    ASSERT_TRUE(engine) << engine.error().message.toStdString();
    OcrOptions options;
    options.dpi = 150;
    const auto flat =
        (*engine)->recognize(load(path("page.png")).convertToFormat(QImage::Format_Grayscale8), options, {});
    ASSERT_TRUE(flat);
    const auto reference = wordsOf(*flat);
    int total = 0;
    for (const auto& [w, n] : reference)
        total += n;
    ASSERT_GT(total, 150);
    for (const char* name : {"wood_shadow", "corner_out_of_frame", "table_low_contrast"}) {
        SCOPED_TRACE(name);
        const QString file = photoFile(shot(name));
        const QImage image = load(file);
        const PhotoGeometry g = lookAtImage(file, image);
        ASSERT_TRUE(g.isFlattened()) << g.note.toStdString();
        const QImage page = flattenPhoto(image, g);
        ASSERT_EQ(page.size(), g.pageSize);
        ASSERT_EQ(page.format(), QImage::Format_Grayscale8);
        options.dpi = g.dpi;
        const auto read = (*engine)->recognize(page, options, {});
        ASSERT_TRUE(read);
        const double share = shareOf(wordsOf(*read), reference);
        EXPECT_GE(share, 0.90);
        std::printf("%s: %.3f of the flat page's words\n", name, share);
    }
}

TEST_F(PhotoTest, TextPrintedAskewComesOutLevel)
{
    // The text of the page turned 2 degrees clockwise on the sheet: the sheet's corners alone leave it
    // sloping.
    ASSERT_TRUE(run({path("page.png"), "-background", "white", "-rotate", "2", "-gravity", "center", "-extent",
                     QStringLiteral("%1x%2").arg(kPage.width()).arg(kPage.height()), path("askew.png")}));
    EXPECT_NEAR(textSkewDegrees(load(path("askew.png"))), 2.0, 0.2);
    EXPECT_NEAR(textSkewDegrees(load(path("page.png"))), 0.0, 0.1);
    const Shot& s = shot("plasma_gradient");
    const QString file = path("askew.jpg");
    ASSERT_TRUE(photograph(path("askew.png"), file, cornersOf(s), s.bg, s.light, 9));
    const QImage image = load(file);
    const PhotoGeometry g = lookAtImage(file, image);
    ASSERT_TRUE(g.isFlattened());
    EXPECT_TRUE(g.note.contains(QStringLiteral("deskewed"))) << g.note.toStdString();
    EXPECT_LT(std::abs(textSkewDegrees(flattenPhoto(image, g))), 0.3);
}

TEST_F(PhotoTest, ScansAreNotPhotos)
{
    QStringList scans{path("page.png")};
    // A fax: the page in black and white at a fax's 204 x 196 dpi.
    run({path("page.png"), "-resize", "1728x2158!", "-threshold", "60%", "-monochrome", path("fax.png")});
    scans << path("fax.png");
    const QDir funsd(test::testData(QStringLiteral("funsd/training_data/images")));
    for (const QString& name : funsd.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
        scans << funsd.filePath(name);
    ASSERT_GE(scans.size(), 6);
    // A 4:3 crop of a form scan: a camera's aspect ratio, but paper all around; and the same scanned askew.
    run({scans.last(), "-gravity", "center", "-crop", "750x1000+0+0", "+repage", path("form_4x3.png")});
    run({scans.last(), "-background", "white", "-rotate", "2", "-gravity", "center", "-extent", "750x1000",
         path("form_4x3_askew.png")});
    scans << path("form_4x3.png") << path("form_4x3_askew.png");
    for (const QString& scan : scans) {
        SCOPED_TRACE(scan.toStdString());
        const QImage image = load(scan);
        ASSERT_FALSE(image.isNull());
        EXPECT_FALSE(examineImage(scan, image).isPhoto) << examineImage(scan, image).reason.toStdString();
        const PhotoGeometry g = lookAtImage(scan, image);
        EXPECT_EQ(g.state, PhotoState::NotPhoto);
        EXPECT_EQ(g.photoSize, image.size());
        EXPECT_EQ(flattenPhoto(image, g), image.convertToFormat(QImage::Format_Grayscale8));
    }
}

TEST_F(PhotoTest, APhotoWithNoPageIsReadAsItIsWithANote)
{
    const QString texture = path("texture.jpg");
    ASSERT_TRUE(run({"-size", "300x400", "-seed", "5", "plasma:tan-sienna", "-resize", "1200x1600!", "-attenuate",
                     "0.3", "+noise", "Gaussian", "-quality", "80", texture}));
    const QImage image = load(texture);
    EXPECT_FALSE(detectPage(image).found);
    EXPECT_EQ(lookAtImage(texture, image).state, PhotoState::NotPhoto); // no EXIF, no page: nothing says photo
    ASSERT_TRUE(addCameraExif(texture));
    const PhotoEvidence e = examineImage(texture, image);
    EXPECT_TRUE(e.isPhoto);
    EXPECT_EQ(e.reason, QStringLiteral("EXIF: camera Google Pixel 7"));
    const PhotoGeometry g = lookAtImage(texture, image);
    EXPECT_EQ(g.state, PhotoState::NoPage);
    EXPECT_EQ(g.note, QStringLiteral("photo: no page found, read as it is"));
    EXPECT_EQ(g.photoSize, image.size());
    EXPECT_EQ(flattenPhoto(image, g).size(), image.size());
}

TEST_F(PhotoTest, APageLargerThanTheFrameIsTheWholeFrame)
{
    // A camera close to the page: only the middle of the page, paper to every edge.
    const QString close = path("close.jpg");
    ASSERT_TRUE(run({path("page.png"), "-gravity", "center", "-crop", "900x1200+0+0", "+repage", "-resize",
                     "1200x1600!", "-quality", "80", close}));
    ASSERT_TRUE(addCameraExif(close));
    const QImage image = load(close);
    const PhotoGeometry g = lookAtImage(close, image);
    ASSERT_EQ(g.state, PhotoState::Flattened) << g.note.toStdString();
    const Corners frame{QPointF(0, 0), QPointF(1199, 0), QPointF(1199, 1599), QPointF(0, 1599)};
    EXPECT_LT(cornerError(g.corners, frame), 0.02 * kDiagonal);
    EXPECT_TRUE(g.note.contains(QStringLiteral("fills the frame"))) << g.note.toStdString();
    EXPECT_FALSE(flattenPhoto(image, g).isNull());
}

TEST_F(PhotoTest, PlanningSnapsToLetterAndNeverUpsamplesFarBeyondThePhoto)
{
    const Corners corners = cornersOf(shot("plasma_turned"));
    const PhotoGeometry g = planFlattening(kPhoto, corners, {});
    EXPECT_EQ(g.state, PhotoState::Flattened);
    EXPECT_NEAR(static_cast<double>(g.pageSize.width()) / g.pageSize.height(), 8.5 / 11, 1e-3); // Letter
    // The page is ~1200 px tall in the photo (~110 dpi over 11 in): 300 dpi would be 2.7x that.
    EXPECT_LT(g.dpi, 300);
    EXPECT_LE(g.pageSize.height(), 2.0 * 1300);
    FlattenOptions small;
    small.pixelBudget = 1'000'000;
    const PhotoGeometry capped = planFlattening(kPhoto, corners, small);
    EXPECT_LE(static_cast<qint64>(capped.pageSize.width()) * capped.pageSize.height(), small.pixelBudget);
    // Degenerate corners do not crash and give a page of at least one pixel.
    const PhotoGeometry degenerate =
        planFlattening(kPhoto, {QPointF(5, 5), QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)});
    EXPECT_GE(degenerate.pageSize.width(), 1);
    EXPECT_GE(degenerate.pageSize.height(), 1);
}

TEST_F(PhotoTest, ACornersPlanForOneSizeFlattensTheSamePhotoAtAnother)
{
    const Shot& s = shot("plasma_gradient");
    const QImage full = photo(s);
    const PhotoGeometry g = lookAtImage(QString(), full);
    ASSERT_TRUE(g.isFlattened());
    const QImage a = flattenPhoto(full, g);
    const QImage b = flattenPhoto(full.scaled(full.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), g);
    ASSERT_EQ(a.size(), b.size());
    // Same page, less detail: the flat pages agree on a coarse scale.
    const QImage sa = a.scaled(a.size() / 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage sb = b.scaled(b.size() / 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double diff = 0;
    for (int y = 0; y < sa.height(); ++y)
        for (int x = 0; x < sa.width(); ++x)
            diff += std::abs(sa.constScanLine(y)[x] - sb.constScanLine(y)[x]);
    EXPECT_LT(diff / (sa.width() * sa.height()), 8.0);
}

TEST_F(PhotoTest, AFiftyMegapixelPhotoIsFlattenedWithinThePixelBudget)
{
    const QImage big = photo(shot("plasma_gradient"))
                           .scaled(6144, 8192, Qt::IgnoreAspectRatio, Qt::FastTransformation)
                           .convertToFormat(QImage::Format_RGB32); // 50.3 megapixels
    ASSERT_FALSE(big.isNull());
    FlattenOptions options;
    options.pixelBudget = 20'000'000;
    QElapsedTimer t;
    t.start();
    const PhotoGeometry g = lookAtImage(QString(), big, options);
    ASSERT_TRUE(g.isFlattened()) << g.note.toStdString();
    EXPECT_LE(static_cast<qint64>(g.pageSize.width()) * g.pageSize.height(), options.pixelBudget);
    const QImage page = flattenPhoto(big, g);
    EXPECT_EQ(page.size(), g.pageSize);
    // Bounded, not a benchmark: minutes would mean a runaway (e.g. a full-size analysis).
    EXPECT_LT(t.elapsed(), 60'000);
}

TEST_F(PhotoTest, TinyEmptyAndOddImagesDoNotCrash)
{
    std::vector<QImage> images{QImage(),
                               QImage(1, 1, QImage::Format_RGB32),
                               QImage(10, 7, QImage::Format_ARGB32),
                               QImage(64, 48, QImage::Format_Mono),
                               QImage(640, 480, QImage::Format_Indexed8),
                               QImage(640, 480, QImage::Format_RGB16),
                               QImage(640, 480, QImage::Format_Grayscale16),
                               QImage(800, 600, QImage::Format_RGB888),
                               QImage(800, 600, QImage::Format_ARGB32_Premultiplied),
                               QImage(800, 600, QImage::Format_RGBA8888),
                               QImage(800, 600, QImage::Format_RGBX64),
                               QImage(1, 4000, QImage::Format_Grayscale8)};
    for (QImage& image : images) {
        if (image.isNull())
            continue;
        if (image.format() == QImage::Format_Indexed8) {
            image.setColorCount(2);
            image.setColor(0, qRgb(0, 0, 0));
            image.setColor(1, qRgb(255, 255, 255));
        }
        image.fill(0);
    }
    for (const QImage& image : images) {
        SCOPED_TRACE(image.size().width());
        const PageDetection d = detectPage(image);
        EXPECT_FALSE(d.found && (image.width() < 16 || image.height() < 16));
        const PhotoGeometry g = lookAtImage(QStringLiteral("/nonexistent/x.jpg"), image);
        EXPECT_NE(g.state, PhotoState::Flattened);
        // A plan from elsewhere applied to whatever image comes.
        const PhotoGeometry plan =
            planFlattening(QSize(100, 100), {QPointF(10, 10), QPointF(90, 12), QPointF(88, 90), QPointF(12, 88)});
        const QImage flat = flattenPhoto(image, plan);
        if (!image.isNull()) {
            EXPECT_EQ(flat.size(), plan.pageSize);
        }
    }
}

} // namespace
