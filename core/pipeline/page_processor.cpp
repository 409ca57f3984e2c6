#include "core/pipeline/page_processor.h"

#include "core/classify/classifier.h"
#include "core/model/pixel_transform.h"
#include "core/ocr/two_readers.h"
#include "core/pipeline/engine_choice.h"
#include "core/util/fault_injection.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <exception>

namespace incidoc {
namespace {

int elapsedMs(QElapsedTimer& t)
{
    const auto ms = static_cast<int>(t.elapsed());
    t.restart();
    return ms;
}

PageOutcome failed(const PageJob& job, const Error& error)
{
    PageOutcome out;
    out.pageId = job.pageId;
    out.status = PageStatus::Failed;
    out.error = error.message;
    return out;
}

/// A scanned page may carry a few words of text (a scanner's stamp, a file name, an OCR layer of a
/// single word): taking those would lose the page. When the layer is thin, look at a coarse render
/// with the text boxes painted out: if real content is left, the page is OCR'd instead.
bool hasContentBeyondThinTextLayer(const PageJob& job, const std::vector<TextLayerWord>& words,
                                   const ProcessOptions& options, const CancelToken& cancel)
{
    constexpr std::size_t kThinLayerWords = 40;
    constexpr int kPreviewDpi = 72;
    if (words.size() >= kThinLayerWords)
        return false;
    RenderOptions preview = options.render;
    preview.dpi = kPreviewDpi;
    auto rendered = renderPage(job.path, job.kind, job.number, preview, cancel);
    if (!rendered)
        return false; // the text layer is still usable; the render problem will not go away with OCR
    QImage image = rendered->image;
    const auto previewFromPage = PixelTransform::scaling(static_cast<double>(rendered->dpi) / options.render.dpi);
    for (const auto& w : words) {
        const PixelBox b = previewFromPage.map(w.box).adjusted(-1, -1, 1, 1).clampedTo(image.width(), image.height());
        for (int y = b.y0; y < b.y1; ++y)
            std::fill_n(image.scanLine(y) + b.x0, b.width(), uchar(255));
    }
    return !isBlankPage(image);
}

Result<PageOutcome> process(const PageJob& job, const ProcessOptions& options, const EngineProvider& engineFor,
                            const CancelToken& cancel, const PhaseFn& onPhase)
{
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();
    PageOutcome out;
    out.pageId = job.pageId;

    // 1. A PDF page whose text layer holds real text takes its words from it: no render, no OCR.
    if (job.kind == DocumentKind::Pdf) {
        auto layer = extractTextLayer(job.path, job.number, options.render.dpi);
        if (!layer)
            return failed(job, layer.error());
        const auto assessment = assessTextLayer(layer->words);
        out.timings.classifyMs = elapsedMs(step);
        if (assessment.quality == TextLayerQuality::Good
            && !hasContentBeyondThinTextLayer(job, layer->words, options, cancel)) {
            const int dpi =
                effectiveDpi(layer->widthPt, layer->heightPt, options.render.dpi, options.render.pixelBudget);
            out.result = textLayerToPage(layer->words);
            // The layer's boxes are at the asked DPI; a page over the pixel budget is stored at a lower one.
            if (dpi != options.render.dpi)
                PixelTransform::scaling(static_cast<double>(dpi) / options.render.dpi).mapInPlace(out.result);
            out.kind = PageKind::TextLayer;
            out.source = WordSource::TextLayer;
            out.engine = out.result.engine;
            out.dpi = dpi;
            out.rotation = layer->rotation;
            out.widthPt = layer->widthPt;
            out.heightPt = layer->heightPt;
            out.widthPx = static_cast<int>(std::lround(layer->widthPt * dpi / 72.0));
            out.heightPx = static_cast<int>(std::lround(layer->heightPt * dpi / 72.0));
            if (dpi != options.render.dpi)
                out.error = QStringLiteral("page too large, rendered at %1 dpi").arg(dpi);
            out.timings.totalMs = static_cast<int>(total.elapsed());
            return out;
        }
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }

    // 2. Render. An image page is read as the photo it may be: flattened as stored, or looked at now.
    RenderOptions renderOptions = options.render;
    if (job.kind == DocumentKind::Image) {
        renderOptions.photo = job.photo;
        renderOptions.lookAtPhoto = !job.photo.has_value();
    }
    auto rendered = renderPage(job.path, job.kind, job.number, renderOptions, cancel);
    if (!rendered) {
        if (rendered.error().isCancelled())
            return rendered.error();
        return failed(job, rendered.error());
    }
    out.timings.renderMs = elapsedMs(step);
    const QImage& page = rendered->image;
    out.widthPx = page.width();
    out.heightPx = page.height();
    out.dpi = rendered->dpi;
    out.rotation = rendered->rotation;
    out.widthPt = rendered->widthPt;
    out.heightPt = rendered->heightPt;
    out.error = rendered->note;
    out.photo = rendered->photo;

    // 3. Blank pages are marked and skipped.
    if (isBlankPage(page)) {
        out.kind = PageKind::Blank;
        out.timings.classifyMs += elapsedMs(step);
        out.timings.totalMs = static_cast<int>(total.elapsed());
        return out;
    }
    out.kind = PageKind::Scanned;
    out.timings.classifyMs += elapsedMs(step);

    // 4. Prepare: bring text to the size Tesseract reads best.
    OcrInput prepared = options.normalizeTextSize ? prepareForOcr(page) : OcrInput{page, 1.0, std::nullopt};
    const double scale = prepared.scale;
    const PixelTransform ocrFromPage = prepared.fromPage();
    QImage ocrInput = std::move(prepared.image);
    if (options.ocrReadsBinarized)
        ocrInput = binarize(ocrInput, options.binarize);
    out.timings.prepareMs = elapsedMs(step);
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));

    // 5. OCR with this thread's cached engine.
    if (onPhase)
        onPhase(PagePhase::Ocr);
    faultPoint(QStringLiteral("ocr:%1#%2").arg(QFileInfo(job.path).fileName()).arg(job.number)); // tests
    const ReadingPlan plan = readingPlan(options);
    QString firstFamily = plan.first;
    QStringList notes;
    if (!out.error.isEmpty())
        notes << out.error;
    auto engine = engineFor(firstFamily);
    if (!engine && firstFamily != QLatin1String("tesseract") && engine.error().code == ErrorCode::Engine) {
        // PP-OCR asked for but unavailable (a missing or damaged model): Tesseract reads the page.
        notes << QStringLiteral("%1 unavailable (%2): read by Tesseract").arg(firstFamily, engine.error().message);
        firstFamily = QStringLiteral("tesseract");
        engine = engineFor(firstFamily);
    }
    if (!engine) {
        if (engine.error().code == ErrorCode::Unavailable)
            return engine.error();
        return failed(job, engine.error());
    }
    OcrOptions ocr;
    ocr.languages = options.languages;
    // An image without a DPI in its header: after rescaling, its text has the size of 10-12 pt print at
    // 300 dpi, which is what Tesseract's heuristics then expect.
    ocr.dpi = rendered->dpi > 0 ? static_cast<int>(std::lround(rendered->dpi * scale)) : 300;
    ocr.deadlineMs = options.ocrDeadlineMs;
    ocr.tryInverted = options.profile != QLatin1String("fast");
    ocr.tag = QStringLiteral("doc %1 page %2").arg(job.documentId).arg(job.number);
    auto recognized = (*engine)->recognize(ocrInput, ocr, cancel);
    if (!recognized) {
        // Cancelled, or no OCR worker reachable: nothing to store, the page stays queued.
        if (recognized.error().isCancelled() || recognized.error().code == ErrorCode::Unavailable)
            return recognized.error();
        return failed(job, recognized.error());
    }
    out.engine = recognized->engine.isEmpty() ? (*engine)->description() : recognized->engine;
    for (RecognizedWord& word : recognized->words)
        if (word.engine.isEmpty())
            word.engine = firstFamily;
    // Two readers: the second re-reads every word on the same image.
    bool readTwiceDone = false;
    if (!plan.second.isEmpty() && firstFamily == QLatin1String("tesseract")) {
        auto second = engineFor(plan.second);
        if (!second) {
            if (second.error().code == ErrorCode::Unavailable || second.error().isCancelled())
                return second.error();
            notes << QStringLiteral("%1 unavailable (%2): read by Tesseract alone")
                         .arg(plan.second, second.error().message);
        } else {
            TwoReaderOptions two;
            if (options.reviewThreshold)
                two.flagBelow = *options.reviewThreshold;
            Status twice = readTwice(*recognized, ocrInput, **second, plan.second, two, cancel);
            if (!twice.ok()) {
                if (twice.error().isCancelled())
                    return twice.error();
                notes << QStringLiteral("%1 failed (%2): read by Tesseract alone")
                             .arg(plan.second, twice.error().message);
            } else {
                out.engine += QStringLiteral(" + ") + (*second)->description();
                readTwiceDone = true;
            }
        }
    }
    // Read once, with a review threshold (a document type's profile): the words below it are flagged.
    if (!readTwiceDone && options.reviewThreshold)
        for (RecognizedWord& word : recognized->words)
            word.flagged = word.confidence < *options.reviewThreshold;
    out.error = notes.join(QStringLiteral("; "));
    out.timings.ocrMs = elapsedMs(step);
    out.result = std::move(recognized).value();
    ocrFromPage.inverted().mapInPlace(out.result, out.widthPx, out.heightPx); // back to page pixels, on the page
    out.source = WordSource::Ocr;
    out.timings.totalMs = static_cast<int>(total.elapsed());
    return out;
}

} // namespace

ReadingPlan readingPlan(const ProcessOptions& options)
{
    QString engines = options.engines;
    if (engines.isEmpty())
        engines = enginesOfProfile(options.profile);
    else if (!engineChoices().contains(engines))
        engines = QStringLiteral("tesseract");
    const QStringList names = enginesIn(engines);
    return {names.value(0), names.value(1)};
}

Result<PageOutcome> processPage(const PageJob& job, const ProcessOptions& options, const EngineProvider& engine,
                                const CancelToken& cancel, const PhaseFn& onPhase)
{
    if (onPhase)
        onPhase(PagePhase::Render);
    faultPoint(QStringLiteral("%1#%2").arg(QFileInfo(job.path).fileName()).arg(job.number));
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    try {
        return process(job, options, engine, cancel, onPhase);
    } catch (const std::bad_alloc&) {
        return failed(job, makeError(ErrorCode::TooLarge, QStringLiteral("out of memory while processing the page")));
    } catch (const std::exception& e) {
        return failed(job, makeError(ErrorCode::Internal,
                                     QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what()))));
    } catch (...) {
        return failed(job, makeError(ErrorCode::Internal, QStringLiteral("internal error")));
    }
}

} // namespace incidoc
