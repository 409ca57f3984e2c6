#include "ui/controllers/region_ocr.h"

#include "core/ocr/tesseract_engine.h"
#include "core/render/page_renderer.h"
#include "ui/controllers/isolation.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace incidoc::ui {

QString RegionOcrResult::text() const
{
    QStringList out;
    for (const auto& w : words)
        if (!w.text.trimmed().isEmpty())
            out << w.text.trimmed();
    return out.join(QLatin1Char(' '));
}

RegionOcrResult ocrRegion(const RegionOcrRequest& request)
{
    RegionOcrResult out;
    try {
        const int pageDpi = request.pageDpi > 0 ? request.pageDpi : 300;
        const int readDpi = request.readDpi > 0 ? request.readDpi : pageDpi;
        RenderOptions options;
        options.dpi = readDpi;
        // Render and read in a page host when the app runs isolated (ui/controllers/isolation.h).
        const auto hosts = isolation::interactive();
        auto page = isolation::renderForDisplay(request.path, request.kind, request.number, options);
        if (!page) {
            out.error = page.error().message;
            return out;
        }
        // How many rendered pixels per page pixel: a PDF renders at the asked DPI (or lower, when the page
        // is huge); an image always comes in its own grid (the page grid).
        double rendered = request.kind == DocumentKind::Pdf ? double(page->dpi) / pageDpi : 1.0;
        if (request.pageWidthPx > 0 && page->image.width() > 0)
            rendered = double(page->image.width()) / request.pageWidthPx;
        const QRect inPage(request.box.x0, request.box.y0, request.box.width(), request.box.height());
        const QRect src = QRectF(inPage.x() * rendered, inPage.y() * rendered, inPage.width() * rendered,
                                 inPage.height() * rendered)
                              .toAlignedRect()
                              .intersected(page->image.rect());
        if (src.isEmpty()) {
            out.error = QCoreApplication::translate("incidoc::ui::RegionOcr", "the region is outside the page");
            return out;
        }
        // Images cannot be rendered finer: enlarge the crop to read at the asked resolution.
        const double enlarge = std::clamp(readDpi / (pageDpi * rendered), 1.0, 4.0);
        const double scale = rendered * enlarge; // crop pixels per page pixel
        // A white margin around the crop: Tesseract's page segmentation needs some background.
        constexpr int kMargin = 16;
        const QSize inner(int(std::lround(src.width() * enlarge)), int(std::lround(src.height() * enlarge)));
        QImage crop(inner.width() + 2 * kMargin, inner.height() + 2 * kMargin, QImage::Format_Grayscale8);
        crop.fill(255);
        {
            QPainter p(&crop);
            p.setRenderHint(QPainter::SmoothPixmapTransform, true);
            p.drawImage(QRect(QPoint(kMargin, kMargin), inner), page->image, src);
        }
        OcrOptions ocr;
        ocr.languages = request.languages;
        ocr.dpi = int(std::lround(pageDpi * scale));
        ocr.deadlineMs = 20'000;
        Result<RecognizedPage> result = makeError(ErrorCode::Internal, QString());
        if (hosts) {
            result = hosts->recognize(crop, ocr);
        } else {
            // An engine per call, gone when the call ends: a thread-local one outlived Tesseract's own
            // globals on pool threads that end at exit ("free(): invalid pointer" at exit in CI). A region
            // is read on a person's request, so the engine's start-up (~0.2 s) is affordable.
            auto made = TesseractEngine::create(request.languages);
            if (!made) {
                out.error = made.error().message;
                return out;
            }
            const std::unique_ptr<TesseractEngine> engine = std::move(made).value();
            result = engine->recognize(crop, ocr, CancelToken());
        }
        if (!result) {
            out.error = result.error().message;
            return out;
        }
        // Back to page pixels: undo the margin, the enlargement and the render scale.
        const double ox = src.x() / rendered, oy = src.y() / rendered;
        auto toPage = [&](const PixelBox& b) {
            PixelBox r{int(std::floor(ox + (b.x0 - kMargin) / scale)), int(std::floor(oy + (b.y0 - kMargin) / scale)),
                       int(std::ceil(ox + (b.x1 - kMargin) / scale)), int(std::ceil(oy + (b.y1 - kMargin) / scale))};
            return r;
        };
        for (RecognizedWord w : result->words) {
            if (w.text.trimmed().isEmpty())
                continue;
            w.text = w.text.trimmed();
            w.box = toPage(w.box);
            for (auto& c : w.chars)
                c.box = toPage(c.box);
            if (w.box.isEmpty())
                continue;
            out.words.push_back(std::move(w));
        }
    } catch (const std::exception& e) { // nothing crosses the thread boundary as an exception
        out.error = QString::fromUtf8(e.what());
    } catch (...) {
        out.error = QCoreApplication::translate("incidoc::ui::RegionOcr", "the region could not be read");
    }
    return out;
}

} // namespace incidoc::ui
