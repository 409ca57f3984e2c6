#include "ui/controllers/region_ocr.h"

#include "core/ocr/region_reader.h"
#include "core/render/page_renderer.h"
#include "ui/controllers/isolation.h"

#include <QCoreApplication>
#include <QPointer>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

namespace incidoc::ui {

QString RegionOcrResult::text() const
{
    QStringList out;
    for (const auto& w : words)
        if (!w.text.trimmed().isEmpty())
            out << w.text.trimmed();
    return out.join(QLatin1Char(' '));
}

RegionOcrResult ocrRegion(const RegionOcrRequest& request, const std::shared_ptr<EnginePool>& engines)
{
    RegionOcrResult out;
    try {
        RegionRequest region;
        region.kind = request.kind;
        region.pageDpi = request.pageDpi;
        region.pageWidthPx = request.pageWidthPx;
        region.box = request.box;
        region.languages = request.languages;
        region.readDpi = request.readDpi;
        RenderOptions options;
        options.dpi = regionRenderDpi(region);
        // Render and read in a page host when the app runs isolated (ui/controllers/isolation.h).
        const auto hosts = isolation::hosts();
        auto page = isolation::renderForDisplay(request.path, request.kind, request.number, options);
        if (!page) {
            out.error = page.error().message;
            return out;
        }
        RegionRecognizer recognize = recognizeWithOwnTesseract;
        if (hosts) {
            recognize = [hosts](const QImage& crop, const OcrOptions& ocr) { return hosts->recognize(crop, ocr, {}); };
        } else if (engines) {
            recognize = [engines](const QImage& crop, const OcrOptions& ocr) -> Result<RecognizedPage> {
                auto lease = engines->acquire(QString::fromLatin1(EnginePool::kTesseract), ocr.languages);
                if (!lease)
                    return lease.error();
                return (*lease)->recognize(crop, ocr, {});
            };
        }
        auto words = readRegion(page->image, page->dpi, region, recognize);
        if (!words) {
            out.error = words.error().code == ErrorCode::NotFound
                            ? QCoreApplication::translate("incidoc::ui::RegionOcr", "the region is outside the page")
                            : words.error().message;
            return out;
        }
        out.words = std::move(words).value();
    } catch (const std::exception& e) { // nothing crosses the thread boundary as an exception
        out.error = QString::fromUtf8(e.what());
    } catch (...) {
        out.error = QCoreApplication::translate("incidoc::ui::RegionOcr", "the region could not be read");
    }
    return out;
}

RegionOcrController::RegionOcrController(QObject* parent) : QObject(parent), m_engines(std::make_shared<EnginePool>())
{
    m_pool.setMaxThreadCount(1);
}

RegionOcrController::~RegionOcrController()
{
    if (m_last.isValid())
        m_last.waitForFinished();
    m_pool.waitForDone();
}

void RegionOcrController::read(const RegionOcrRequest& request, QObject* context,
                               std::function<void(const RegionOcrResult&)> done)
{
    ++m_pending;
    auto future = QtConcurrent::run(&m_pool, [request, engines = m_engines] { return ocrRegion(request, engines); });
    m_last = QFuture<void>(future);
    future.then(this, [this, context = QPointer<QObject>(context), done = std::move(done)](const RegionOcrResult& r) {
        --m_pending;
        if (context)
            done(r);
    });
}

} // namespace incidoc::ui
