#pragma once
// Test documents with known text: born-digital PDFs (real text layer), "scanned" PDFs (greyscale page
// images, no text layer) and the page rasters themselves. Pages are US Letter; text is DejaVu Sans,
// one line per entry, left margin 1 inch, first baseline 1 inch + one line from the top, line pitch
// 1.5 x point size. Everything is deterministic (fixed fonts, fixed seeds).
// Thread contract: reentrant; needs the QGuiApplication that the test main() creates.

#include <QImage>
#include <QString>
#include <QStringList>

#include <vector>

namespace incidoc::test {

/// The text of one generated page, one entry per printed line.
struct GeneratedPage {
    QStringList lines;
};

/// Born-digital PDF: each line drawn as real text (words separated by single spaces). Returns false if
/// the file cannot be written. Lines wider than the page are not wrapped; about 36 lines fit at 12 pt.
bool writeTextPdf(const QString& path, const std::vector<GeneratedPage>& pages, int pointSize = 12);

/// Scanned-looking PDF: each page rasterized at `dpi` into an 8-bit grey image (rotated by
/// `rotationDeg`, with grey noise of standard deviation `noiseLevel` plus a little blur, specks and
/// contrast loss when noiseLevel > 0) and placed over the whole page as a grey JPEG. No text layer.
/// The text is set at `pointSize` like writeTextPdf's.
bool writeScannedPdf(const QString& path, const std::vector<GeneratedPage>& pages, int dpi = 300,
                     double rotationDeg = 0, int noiseLevel = 0, unsigned seed = 1, int pointSize = 12);

/// The clean raster of one page: Format_Grayscale8, Letter at `dpi` (e.g. 2550 x 3300 at 300 dpi),
/// same layout as writeTextPdf.
QImage renderTextImage(const QStringList& lines, int dpi, int pointSize = 12);

/// `count` pages of plain English incident-report sentences, 20 lines of about 10 words each, every
/// line fitting the page at 12 pt. Same seed, same pages; page k does not depend on `count`.
std::vector<GeneratedPage> sampleParagraphPages(int count, unsigned seed);

/// A long scanned PDF (e.g. 500 pages for memory benchmarks), written straight to the file one page
/// image at a time so memory stays flat (about 50 MB peak): the pages of sampleParagraphPages(pageCount,
/// seed), skewed by up to +-0.9 degrees with light noise (level 2), stored as Qt stores images (RGB JPEG,
/// quality 94). Measured: 500 pages at 200 dpi take about 3 minutes. Returns false if the file cannot be
/// written or pageCount < 1.
bool writeManyPageScannedPdf(const QString& path, int pageCount, int dpi = 200, unsigned seed = 1);

} // namespace incidoc::test
