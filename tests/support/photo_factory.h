#pragma once
// Phone-like photos of a known page, made the way the tests of photographed pages need them: a text page
// (PNG, letter size at 200 dpi, English sentences in DejaVu Serif) warped by a perspective transform
// (ImageMagick's -distort Perspective) onto a textured background, with uneven light, a little blur and
// JPEG compression. Deterministic for a seed. Thread contract: reentrant (each call runs `convert`).

#include <QPointF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <array>

namespace incidoc::test {

/// A flat page: where it was written and the words on it.
struct TextPage {
    QString path;
    QStringList words;
};

/// Writes a 1700 x 2200 page (letter at 200 dpi: a title and `paragraphs` paragraphs) as PNG.
TextPage writeTextPage(const QString& path, unsigned seed, int paragraphs = 4);

/// How the page is photographed.
struct PhotoShot {
    QSize size{2000, 1500};         ///< the photo
    std::array<QPointF, 4> corners; ///< where the page's corners land (TL, TR, BR, BL; may be outside)
    QString background = QStringLiteral("plasma:wheat-sienna"); ///< an ImageMagick image source
    bool unevenLight = true;                                    ///< a radial fall-off of the light over the whole photo
    double blur = 1.0;                                          ///< Gaussian sigma, pixels
    int quality = 80;                                           ///< JPEG
    unsigned seed = 1;
};

/// Photographs `flatPage` into `out` (JPEG). False with `error` set when ImageMagick fails.
bool writePhoto(const QString& flatPage, const QString& out, const PhotoShot& shot, QString* error = nullptr);

/// A page photographed at a slant, whole, centred: corners inset by 12-22 % of the photo, skewed by `tilt` (0..1).
PhotoShot slantedShot(QSize size, double tilt, unsigned seed);

/// Words of 3+ letters (lower case, punctuation stripped) of a text, in order: what the photo tests compare.
QStringList longWords(const QString& text);
QStringList longWords(const QStringList& words);

/// The share of `reference` words (a multiset) also found in `read`: 0..1 (1 when `reference` is empty).
double sharedWordShare(const QStringList& read, const QStringList& reference);

} // namespace incidoc::test
