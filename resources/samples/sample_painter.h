#pragma once
// Painting of synthetic documents with known text, shared by the bundled-sample generator
// (incidoc-make-sample) and the test PDF factories (tests/support/pdf_factory.h).
//
// A page is described once as a PageScript (text runs, frames, rules, in PDF points from the top-left
// corner of a US Letter page) and can then be painted as vector text into a QPdfWriter (born-digital) or
// rasterized into a greyscale QImage and degraded to look scanned. The ground-truth text of a page
// comes from the same script, so it is exactly what was drawn.
//
// Everything here is deterministic: fixed fonts (DejaVu Sans / DejaVu Serif), and a private integer
// random generator instead of <random> distributions, whose output is implementation-defined.
// Thread contract: reentrant (no shared state); QFont/QPainter need a QGuiApplication to exist.

#include <QFont>
#include <QImage>
#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

class QPainter;
class QPdfWriter;

namespace incidoc::sample {

/// US Letter in PDF points (1/72 inch).
inline constexpr double kLetterWidthPt = 612.0;
inline constexpr double kLetterHeightPt = 792.0;

/// Typographic roles; each maps to one fixed DejaVu font (see fontFor).
enum class TextStyle { Title, Heading, Section, Label, Body, Small, Plain };

/// One line of text drawn at a baseline position (points, page top-left origin).
struct TextRun {
    QPointF baseline;
    TextStyle style = TextStyle::Body;
    QString text;
    double pointSize = 0; ///< Overrides the style's size when > 0 (used by TextStyle::Plain).
};

/// Everything drawn on one page, in points from the page's top-left corner.
struct PageScript {
    std::vector<TextRun> texts;
    std::vector<QRectF> frames;       ///< Stroked rectangles (form boxes, table cells).
    std::vector<QRectF> shades;       ///< Light grey filled rectangles (section bars).
    std::vector<QLineF> rules;        ///< Straight lines (signature lines, underlines).
    std::vector<QPolygonF> scribbles; ///< Hand-drawn strokes (signatures); not text.

    /// Text lines in reading order: runs sharing a baseline are joined left to right by one space,
    /// lines ordered top to bottom.
    QStringList groundTruth() const;
};

/// Small deterministic generator (SplitMix64): same seed, same numbers on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    /// Uniform integer in [0, bound).
    std::uint32_t below(std::uint32_t bound);
    /// Uniform in [0, 1).
    double unit();
    /// Roughly Gaussian (Irwin-Hall sum of four uniforms), mean 0, standard deviation ~1.
    double gaussian();

private:
    std::uint64_t m_state;
};

/// The fixed font of a style ("DejaVu Sans" or "DejaVu Serif"), sized in points.
QFont fontFor(TextStyle style, double pointSizeOverride = 0);
/// Whether the fonts resolved by fontFor are really DejaVu (fontconfig may substitute silently).
bool fontsAvailable(QString* detail = nullptr);
/// Advance width of `text` in points.
double textWidthPt(const QString& text, TextStyle style, double pointSizeOverride = 0);
/// Greedy word wrap of `text` into lines no wider than `widthPt` points; words joined by one space.
QStringList wrapText(const QString& text, TextStyle style, double widthPt);

/// Paints the script on a painter whose device has `dpi` dots per inch (fonts are sized in points,
/// so the device's logical DPI must equal `dpi`). Vector output on a QPdfWriter.
void paintScript(QPainter& painter, const PageScript& script, int dpi);
/// The script rasterized on a white Letter page: Format_Grayscale8, `dpi` dots per inch.
QImage rasterize(const PageScript& script, int dpi);

/// How a page image is spoiled to look like a scan.
struct ScanDefects {
    double rotationDeg = 0;    ///< Skew, positive = clockwise.
    int noiseLevel = 0;        ///< Standard deviation of the grey noise, in grey levels (0 = none).
    int speckles = 0;          ///< Number of dark dust specks.
    bool blur = false;         ///< 3x3 box blur (slight loss of sharpness).
    bool contrastLoss = false; ///< Paper not quite white, ink not quite black.
    std::uint64_t seed = 1;
};

/// A degraded copy of a Grayscale8 page image, same size (and DPI) as the input.
QImage simulateScan(const QImage& page, const ScanDefects& defects);

/// Sets up a Letter, portrait, zero-margin page layout at `dpi` with fixed title and creator.
void setupLetterWriter(QPdfWriter& writer, int dpi, const QString& title);
/// Draws `image` over the whole current page of a writer set up by setupLetterWriter.
void drawFullPageImage(QPainter& painter, const QPdfWriter& writer, const QImage& image);

/// Rewrites the page images of a QPdfWriter output (Qt 6.4 always stores them as RGB JPEG at quality 94)
/// as single-channel grey JPEG at `quality`, and rebuilds the cross-reference table. Roughly a third of
/// the size, which is what lets the bundled sample keep 300 dpi scans. Returns false, leaving `pdf`
/// untouched, if the file is not laid out as QPdfWriter writes it.
bool repackImagesAsGreyJpeg(QByteArray& pdf, int quality);

/// Makes a QPdfWriter output byte-reproducible: replaces the creation date and the random document
/// ID (both regenerated on every run by Qt) with fixed values of the same length, so the cross-reference
/// offsets stay valid. Returns false if the expected fields were not found.
bool normalizePdfBytes(QByteArray& pdf);

} // namespace incidoc::sample
