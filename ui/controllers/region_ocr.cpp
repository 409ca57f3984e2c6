#include "ui/controllers/region_ocr.h"

#include "core/ocr/region_reader.h"
#include "core/pipeline/workplace.h"

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

RegionOcrResult ocrRegion(const RegionOcrRequest& request, Workplace& workplace)
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
        options.photo = request.photo;
        // Rendered and read in a page host when the app runs isolated.
        auto page = workplace.renderForDisplay(request.path, request.kind, request.number, options, {});
        if (!page) {
            out.error = page.error().message;
            return out;
        }
        const RegionRecognizer recognize = [&workplace](const QImage& crop, const OcrOptions& ocr) {
            return workplace.recognize(crop, ocr, {});
        };
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

RegionOcrController::RegionOcrController(std::shared_ptr<Workplace> workplace, QObject* parent)
    : QObject(parent), m_workplace(std::move(workplace))
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
    auto future =
        QtConcurrent::run(&m_pool, [request, workplace = m_workplace] { return ocrRegion(request, *workplace); });
    m_last = QFuture<void>(future);
    future.then(this, [this, context = QPointer<QObject>(context), done = std::move(done)](const RegionOcrResult& r) {
        --m_pending;
        if (context)
            done(r);
    });
}

} // namespace incidoc::ui
