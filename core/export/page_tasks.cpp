#include "core/export/bundle_formats.h"
#include "core/export/export_redaction_p.h"
#include "core/export/format_records.h"
#include "core/export/page_json.h"
#include "core/export/page_tasks_p.h"
#include "core/render/page_renderer.h"

#include <QJsonDocument>
#include <QThreadPool>

#include <cmath>

namespace incidoc {
namespace {

QString entryStem(const BundlePage& p)
{
    return p.slug + QLatin1Char('/') + pageStem(p.page.number);
}

/// Text formats of one page (cheap): page JSON, hOCR, ALTO, FUNSD, PAGE XML, COCO and Label Studio pieces,
/// metrics row.
void runTextTask(const PageTaskContext& c, PageWork& w)
{
    ExportQueue& queue = c.queue;
    const ExportOptions& o = c.options;
    const QHash<QString, int>& categories = c.categories;
    const BundlePage& p = w.page;
    const QString dir = entryStem(p);
    std::vector<std::pair<ExportPhase, qsizetype>> done;
    if (o.formats.json) {
        const QByteArray json = QJsonDocument(pageToJson(p.document, p.page, p.words, PageForm{p.entities, p.links},
                                                         p.redactedBundle ? &p.redacted : nullptr))
                                    .toJson(QJsonDocument::Indented);
        w.entries[kJsonSlot] = textEntry(QStringLiteral("documents/") + dir + QStringLiteral(".json"), json);
        done.emplace_back(ExportPhase::PageJson, json.size());
    }
    if (o.formats.hocr) {
        const QByteArray hocr = pageToHocr(p);
        w.entries[kHocrSlot] = textEntry(QStringLiteral("hocr/") + dir + QStringLiteral(".hocr"), hocr);
        done.emplace_back(ExportPhase::Hocr, hocr.size());
    }
    if (o.formats.alto) {
        const QByteArray alto = pageToAlto(p);
        w.entries[kAltoSlot] = textEntry(QStringLiteral("alto/") + dir + QStringLiteral(".xml"), alto);
        done.emplace_back(ExportPhase::Alto, alto.size());
    }
    if (o.formats.funsd) {
        const QByteArray funsd = pageToFunsd(p);
        w.entries[kFunsdSlot] = textEntry(QStringLiteral("funsd/") + dir + QStringLiteral(".json"), funsd);
        done.emplace_back(ExportPhase::Funsd, funsd.size());
    }
    if (o.formats.pageXml) {
        const QByteArray xml = pageToPageXml(p, c.created);
        w.entries[kPageXmlSlot] = textEntry(QStringLiteral("page/") + dir + QStringLiteral(".xml"), xml);
        done.emplace_back(ExportPhase::PageXml, xml.size());
    }
    if (o.formats.coco) {
        w.cocoImage = cocoImage(p, w.imageId);
        w.cocoAnnotations =
            fragmentOf(cocoAnnotations(p, w.imageId, w.firstAnnotationId, categories, w.firstAnnotationId > 1));
        done.emplace_back(ExportPhase::Coco, w.cocoAnnotations.raw.size() + w.cocoImage.size());
    }
    if (o.formats.labelStudio) {
        w.labelStudio = fragmentOf((w.imageId > 1 ? QByteArray(",\n") : QByteArray()) + labelStudioTask(p, w.imageId));
        done.emplace_back(ExportPhase::LabelStudio, w.labelStudio.raw.size());
    }
    if (o.formats.records) {
        w.recordFields = pageRecordFields(p);
        w.records = true;
        done.emplace_back(ExportPhase::Records, 0);
    }
    w.stats = pageStats(p, o.lowConfidence);
    if (o.formats.metrics) {
        w.csvRow = fragmentOf(pagesCsvRow(p, w.stats));
        done.emplace_back(ExportPhase::Metrics, w.csvRow.raw.size());
    }
    std::lock_guard lock(queue.mutex);
    for (const auto& [phase, bytes] : done)
        queue.produced(phase, bytes);
}

void runVisualizationTask(const PageTaskContext& c, PageWork& w, const QImage& grey)
{
    const QByteArray jpeg = drawVisualization(grey, w.page, c.colors, c.options.lowConfidence);
    if (jpeg.isEmpty()) {
        c.queue.fail(makeError(ErrorCode::Engine, QStringLiteral("cannot draw the visualization of page %1 of %2")
                                                      .arg(w.page.page.number)
                                                      .arg(w.page.document.name)));
        return;
    }
    w.entries[kVisualizationSlot] =
        prepareEntry(QStringLiteral("visualizations/") + entryStem(w.page) + QStringLiteral(".jpg"), jpeg, false);
    c.queue.report(ExportPhase::Visualizations, jpeg.size());
    // A photographed page: its boxes also drawn back onto the photo it was read from (not in a redacted
    // bundle: the photo is the unredacted source).
    if (w.page.page.photo && w.page.page.photo->isFlattened() && !w.page.redactedBundle) {
        const QByteArray photo = drawPhotoVisualization(w.page, c.colors, c.options.lowConfidence);
        if (photo.isEmpty())
            return; // the photo can no longer be read (it was, to make the page): the flat visualization stands
        w.entries[kPhotoVisualizationSlot] = prepareEntry(
            QStringLiteral("visualizations/") + entryStem(w.page) + QStringLiteral("-photo.jpg"), photo, false);
        c.queue.report(ExportPhase::Visualizations, photo.size());
    }
}

void encodeImage(const PageTaskContext& c, PageWork& w, const QImage& grey)
{
    const ExportOptions& o = c.options;
    // core/imaging binarizes; the PNG is written at zlib level 6 (see encodeGreyPng).
    QByteArray png;
    if (o.images == ExportImages::Binarized) {
        QImage bilevel = binarize(grey, o.binarize);
        // Adaptive thresholds turn the inside of a large black area white: the areas are filled again.
        if (w.page.redactedBundle)
            ExportRedaction::fill(bilevel, w.page);
        png = encodeGreyPng(bilevel, true);
    } else {
        png = encodeGreyPng(grey, false);
    }
    if (png.isEmpty()) {
        c.queue.fail(makeError(ErrorCode::Engine, QStringLiteral("cannot encode the image of page %1 of %2")
                                                      .arg(w.page.page.number)
                                                      .arg(w.page.document.name)));
        return;
    }
    w.entries[kImageSlot] = prepareEntry(w.page.imagePath, png, false);
    c.queue.report(ExportPhase::Images, png.size());
}

/// The line images with their transcriptions and the word crops with their labels.
/// The page's training samples leave out redacted words: their crops, and the lines holding one.
BundlePage withoutRedactedWords(const BundlePage& p, bool wholeLines)
{
    BundlePage copy = p;
    QSet<QPair<int, int>> lines;
    for (const WordRecord& word : p.words)
        if (p.redacted.contains(word.id))
            lines.insert({word.block, word.line});
    std::erase_if(copy.words, [&](const WordRecord& word) {
        return p.redacted.contains(word.id) || (wholeLines && lines.contains({word.block, word.line}));
    });
    return copy;
}

void makeTrainingSamples(const PageTaskContext& c, PageWork& w, const QImage& grey)
{
    w.split = static_cast<int>(documentSplit(w.page.document.sha256));
    const bool redacted = w.page.redactedBundle && !w.page.redacted.isEmpty();
    if (c.options.formats.lines) {
        qsizetype bytes = 0;
        for (TrainingSample& s : lineSamples(grey, redacted ? withoutRedactedWords(w.page, true) : w.page)) {
            QString text = s.name;
            text.replace(text.size() - 4, 4, QStringLiteral(".gt.txt"));
            bytes += s.png.size() + s.text.toUtf8().size() + 1;
            w.trainingEntries.push_back(prepareEntry(s.name, s.png, false));
            w.trainingEntries.push_back(textEntry(text, s.text.toUtf8() + '\n'));
        }
        c.queue.report(ExportPhase::Lines, bytes);
    }
    if (c.options.formats.crops) {
        const std::vector<TrainingSample> samples =
            wordSamples(grey, redacted ? withoutRedactedWords(w.page, false) : w.page);
        qsizetype bytes = 0;
        for (const TrainingSample& s : samples) {
            bytes += s.png.size();
            w.trainingEntries.push_back(prepareEntry(s.name, s.png, false));
        }
        w.cropLabels = fragmentOf(cropLabels(samples));
        c.queue.report(ExportPhase::Crops, bytes + w.cropLabels.raw.size());
    }
}

/// Re-renders the page, starts its visualization task and encodes its image.
void runRenderTask(const PageTaskContext& c, const std::shared_ptr<PageWork>& w)
{
    Result<QImage> grey = makeError(ErrorCode::Internal, QString());
    try {
        grey = renderForExport(w->page, c.options, c.cancel);
    } catch (const std::exception& e) {
        grey = makeError(ErrorCode::Internal, QString::fromUtf8(e.what()));
    }
    if (!grey) {
        if (!grey.error().isCancelled())
            c.queue.fail(grey.error());
        return;
    }
    // A redacted bundle: its sensitive areas filled before the page is binarized, drawn or cropped.
    if (w->page.redactedBundle)
        ExportRedaction::fill(*grey, w->page);
    if (c.options.visualizations) {
        // Its own task, so the visualization and the page image are made in parallel; a higher
        // priority than new pages, so the grey image is not held for long.
        {
            std::lock_guard lock(c.queue.mutex);
            ++w->pending;
        }
        c.pool.start(
            [c, w, image = *grey] {
                if (!c.queue.stopped(c.cancel))
                    runVisualizationTask(c, *w, image);
                c.queue.taskDone(*w);
            },
            1);
    }
    if (c.options.images != ExportImages::None)
        encodeImage(c, *w, *grey);
    if (c.options.formats.needsPageImage())
        makeTrainingSamples(c, *w, *grey);
}

} // namespace

Result<QImage> renderForExport(const BundlePage& p, const ExportOptions& o, const CancelToken& cancel)
{
    RenderOptions ro;
    ro.dpi = p.page.dpi > 0 ? p.page.dpi : 300;
    ro.timeLimitMs = o.renderTimeLimitMs;
    ro.photo = p.page.photo; // a photographed page is exported flat, as it was read
    // The page was rendered at this DPI when it was processed, so it fits any budget it fitted then.
    ro.pixelBudget = std::max<qint64>(ro.pixelBudget, static_cast<qint64>(p.page.widthPx) * p.page.heightPx + 1);
    const QString& source = p.sourcePath.isEmpty() ? p.document.path : p.sourcePath;
    auto r = o.renderer ? o.renderer->render(source, p.document.kind, p.page.number, ro, cancel)
                        : renderPage(source, p.document.kind, p.page.number, ro, cancel);
    if (!r) {
        if (r.error().isCancelled())
            return r.error();
        return makeError(ErrorCode::Engine, QStringLiteral("cannot render page %1 of %2 for the export: %3")
                                                .arg(p.page.number)
                                                .arg(p.document.name, r.error().message));
    }
    QImage grey = std::move(r->image);
    // Boxes refer to the stored page size; a re-render may round a pixel differently (text-layer pages
    // store their size computed from points). Resample to the stored grid so boxes land where they should.
    if (p.page.widthPx > 0 && p.page.heightPx > 0 && grey.size() != QSize(p.page.widthPx, p.page.heightPx)) {
        const double dw = std::abs(grey.width() - p.page.widthPx) / double(p.page.widthPx);
        const double dh = std::abs(grey.height() - p.page.heightPx) / double(p.page.heightPx);
        if (dw > 0.02 || dh > 0.02)
            return makeError(ErrorCode::Engine,
                             QStringLiteral("page %1 of %2 renders at %3 x %4 pixels, but its words were found on a "
                                            "%5 x %6 page (has the source file changed?)")
                                 .arg(p.page.number)
                                 .arg(p.document.name)
                                 .arg(grey.width())
                                 .arg(grey.height())
                                 .arg(p.page.widthPx)
                                 .arg(p.page.heightPx));
        grey = grey.scaled(p.page.widthPx, p.page.heightPx, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    return grey;
}

void startPageTasks(const PageTaskContext& c, const std::shared_ptr<PageWork>& w, bool render)
{
    c.pool.start([c, w] {
        if (!c.queue.stopped(c.cancel)) {
            try {
                runTextTask(c, *w);
            } catch (const std::exception& e) {
                c.queue.fail(makeError(ErrorCode::Internal, QString::fromUtf8(e.what())));
            }
        }
        c.queue.taskDone(*w);
    });
    if (!render)
        return;
    c.pool.start([c, w] {
        if (!c.queue.stopped(c.cancel))
            runRenderTask(c, w);
        c.queue.taskDone(*w);
    });
}

} // namespace incidoc
