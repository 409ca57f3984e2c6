#include "core/ocr/region_reader.h"

#include "core/model/pixel_transform.h"
#include "core/ocr/tesseract_engine.h"

#include <QPainter>
#include <QRect>

#include <algorithm>
#include <cmath>

namespace incidoc {
namespace {

/// A white margin around the crop: Tesseract's page segmentation needs some background.
constexpr int kMargin = 16;
/// A region is read within this long: a person waits for it.
constexpr int kDeadlineMs = 20'000;

int pageDpiOf(const RegionRequest& request)
{
    return request.pageDpi > 0 ? request.pageDpi : 300;
}

} // namespace

int regionRenderDpi(const RegionRequest& request)
{
    return request.readDpi > 0 ? request.readDpi : pageDpiOf(request);
}

Result<std::vector<RecognizedWord>> readRegion(const QImage& rendered, int renderedDpi, const RegionRequest& request,
                                               const RegionRecognizer& recognize)
{
    const int pageDpi = pageDpiOf(request);
    const int readDpi = regionRenderDpi(request);
    // How many rendered pixels per page pixel: a PDF renders at the asked DPI (or lower, when the page
    // is huge); an image always comes in its own grid (the page grid).
    double scaleRendered = request.kind == DocumentKind::Pdf ? double(renderedDpi) / pageDpi : 1.0;
    if (request.pageWidthPx > 0 && rendered.width() > 0)
        scaleRendered = double(rendered.width()) / request.pageWidthPx;
    const QRect src =
        PixelTransform::scaling(scaleRendered).mapToRectF(request.box).toAlignedRect().intersected(rendered.rect());
    if (src.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("the region is outside the page"));
    // Images cannot be rendered finer: enlarge the crop to read at the asked resolution.
    const double enlarge = std::clamp(readDpi / (pageDpi * scaleRendered), 1.0, 4.0);
    const double scale = scaleRendered * enlarge; // crop pixels per page pixel
    const QSize inner(int(std::lround(src.width() * enlarge)), int(std::lround(src.height() * enlarge)));
    QImage crop(inner.width() + 2 * kMargin, inner.height() + 2 * kMargin, QImage::Format_Grayscale8);
    crop.fill(255);
    {
        QPainter p(&crop);
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(QRect(QPoint(kMargin, kMargin), inner), rendered, src);
    }
    OcrOptions ocr;
    ocr.languages = request.languages;
    ocr.dpi = int(std::lround(pageDpi * scale));
    ocr.deadlineMs = kDeadlineMs;
    auto result = recognize(crop, ocr);
    if (!result)
        return result.error();
    // Page pixels to crop pixels: from the crop's origin on the page, at `scale`, past the margin. Its
    // inverse takes the words back (undoing the margin, the enlargement and the render scale).
    const PixelTransform cropFromPage(QPointF(src.x() / scaleRendered, src.y() / scaleRendered), scale,
                                      QPointF(kMargin, kMargin));
    const PixelTransform pageFromCrop = cropFromPage.inverted();
    std::vector<RecognizedWord> words;
    for (RecognizedWord w : result->words) {
        if (w.text.trimmed().isEmpty())
            continue;
        w.text = w.text.trimmed();
        pageFromCrop.mapInPlace(w);
        if (w.box.isEmpty())
            continue;
        words.push_back(std::move(w));
    }
    return words;
}

Result<RecognizedPage> recognizeWithOwnTesseract(const QImage& crop, const OcrOptions& options)
{
    auto made = TesseractEngine::create(options.languages);
    if (!made)
        return made.error();
    const std::unique_ptr<TesseractEngine> engine = std::move(made).value();
    return engine->recognize(crop, options, CancelToken());
}

} // namespace incidoc
