#include "core/export/bundle_export.h"

#include "core/export/bundle_formats.h"
#include "core/export/export_redaction_p.h"
#include "core/export/export_snapshot_p.h"
#include "core/export/form_checks.h"
#include "core/export/manifest_p.h"
#include "core/export/ordered_writer_p.h"
#include "core/export/page_tasks_p.h"
#include "core/export/partial_file_p.h"
#include "core/export/zip_writer.h"
#include "core/storage/project_store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <QThreadPool>

namespace incidoc {

// ---- options --------------------------------------------------------------------------------------

std::optional<ExportFormats> ExportFormats::parse(const QString& list)
{
    ExportFormats f;
    f.json = f.coco = f.labelStudio = f.hocr = f.alto = f.metrics = false;
    f.funsd = f.pageXml = f.records = f.lines = f.crops = false;
    const QStringList names = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (names.isEmpty())
        return std::nullopt;
    for (QString n : names) {
        n = n.trimmed().toLower();
        if (n == QLatin1String("json"))
            f.json = true;
        else if (n == QLatin1String("coco"))
            f.coco = true;
        else if (n == QLatin1String("labelstudio") || n == QLatin1String("label-studio"))
            f.labelStudio = true;
        else if (n == QLatin1String("hocr"))
            f.hocr = true;
        else if (n == QLatin1String("alto"))
            f.alto = true;
        else if (n == QLatin1String("metrics"))
            f.metrics = true;
        else if (n == QLatin1String("funsd"))
            f.funsd = true;
        else if (n == QLatin1String("page") || n == QLatin1String("pagexml"))
            f.pageXml = true;
        else if (n == QLatin1String("records"))
            f.records = true;
        else if (n == QLatin1String("lines"))
            f.lines = true;
        else if (n == QLatin1String("crops"))
            f.crops = true;
        else
            return std::nullopt;
    }
    return f;
}

QStringList ExportFormats::names() const
{
    QStringList n;
    if (json)
        n << QStringLiteral("json");
    if (coco)
        n << QStringLiteral("coco");
    if (labelStudio)
        n << QStringLiteral("labelstudio");
    if (hocr)
        n << QStringLiteral("hocr");
    if (alto)
        n << QStringLiteral("alto");
    if (metrics)
        n << QStringLiteral("metrics");
    if (funsd)
        n << QStringLiteral("funsd");
    if (pageXml)
        n << QStringLiteral("page");
    if (records)
        n << QStringLiteral("records");
    if (lines)
        n << QStringLiteral("lines");
    if (crops)
        n << QStringLiteral("crops");
    return n;
}

QString toString(ExportPhase phase)
{
    static const char* const names[] = {"images",  "visualizations", "page-json", "coco",  "labelstudio",
                                        "hocr",    "alto",           "metrics",   "funsd", "page-xml",
                                        "records", "lines",          "crops",     "bundle"};
    static_assert(std::size(names) == kExportPhaseCount);
    return QString::fromLatin1(names[static_cast<int>(phase)]);
}

// ---- the export -----------------------------------------------------------------------------------
//
// The parts: export_snapshot (what is exported, read in one transaction), page_tasks (each page's
// formats and images on the pool), ordered_writer (the window of pages in flight and the thread that
// writes them in page order), manifest (manifest.json, README.md), partial_file (the atomic destination).

namespace {

void initProgress(ExportProgress& progress, const ExportSnapshot& snapshot, const ExportOptions& o)
{
    const std::vector<SnapshotPage>& pages = snapshot.pages();
    int withImage = 0;
    std::array<bool, kDataSplitCount> splits{};
    QSet<std::size_t> documents;
    for (const auto& r : pages) {
        withImage += hasPageImage(r.page) ? 1 : 0;
        documents.insert(r.document);
        if (hasPageImage(r.page))
            splits[static_cast<int>(documentSplit(snapshot.documents()[r.document].sha256))] = true;
    }
    // crops/<split>/labels.txt for each split with a page to crop.
    const int cropLabelFiles = o.formats.crops ? static_cast<int>(std::count(splits.begin(), splits.end(), true)) : 0;
    const int n = static_cast<int>(pages.size());
    const bool wantImages = o.images != ExportImages::None;
    auto& ph = progress.phases;
    ph[int(ExportPhase::Images)].total = wantImages ? withImage : 0;
    ph[int(ExportPhase::Visualizations)].total = o.visualizations ? withImage : 0;
    ph[int(ExportPhase::PageJson)].total = o.formats.json ? n : 0;
    ph[int(ExportPhase::Coco)].total = o.formats.coco ? n : 0;
    ph[int(ExportPhase::LabelStudio)].total = o.formats.labelStudio ? n : 0;
    ph[int(ExportPhase::Hocr)].total = o.formats.hocr ? n : 0;
    ph[int(ExportPhase::Alto)].total = o.formats.alto ? n : 0;
    ph[int(ExportPhase::Metrics)].total = o.formats.metrics ? n : 0;
    ph[int(ExportPhase::Funsd)].total = o.formats.funsd ? n : 0;
    ph[int(ExportPhase::PageXml)].total = o.formats.pageXml ? n : 0;
    ph[int(ExportPhase::Records)].total = o.formats.records ? n : 0;
    ph[int(ExportPhase::Lines)].total = o.formats.lines ? withImage : 0;
    ph[int(ExportPhase::Crops)].total = o.formats.crops ? withImage : 0;
    ph[int(ExportPhase::Bundle)].total =
        2 + (o.formats.coco ? 1 : 0) + (o.formats.labelStudio ? 1 : 0) + (o.formats.metrics ? 2 : 0)
        + (o.formats.records ? static_cast<int>(documents.size()) + 1 : 0) + cropLabelFiles;
    progress.pagesTotal = n;
}

/// Reads the pages from the snapshot into the queue's window, in order, and starts their tasks; stops at
/// a failure or cancel. Returns the number of words submitted.
long long submitPages(ExportSnapshot& snapshot, const PageTaskContext& c, int jobs, ExportRedaction* redaction)
{
    const ExportOptions& o = c.options;
    const bool wantImages = o.images != ExportImages::None;
    // Pages in flight (submitted, not yet written): bounds memory. Enough for every thread to stay busy
    // while the writer waits for the oldest page.
    const std::size_t window = static_cast<std::size_t>(std::max(4, 3 * jobs));
    long long nextAnnotation = 1;
    long long words = 0;
    std::optional<Error> readError;
    for (std::size_t i = 0; i < snapshot.pages().size(); ++i) {
        if (!c.queue.waitForRoom(window, c.cancel))
            break;
        auto page = snapshot.page(i, wantImages);
        if (!page) {
            readError = page.error();
            break;
        }
        auto w = std::make_shared<PageWork>();
        w->page = std::move(page).value();
        // Redacted before any format sees the page.
        if (redaction)
            redaction->apply(w->page);
        w->imageId = static_cast<int>(i) + 1;
        w->firstAnnotationId = nextAnnotation;
        nextAnnotation += static_cast<long long>(w->page.words.size());
        words += static_cast<long long>(w->page.words.size());
        const bool render =
            hasPageImage(w->page.page) && (wantImages || o.visualizations || o.formats.needsPageImage());
        w->pending = 1 + (render ? 1 : 0);
        c.queue.push(w);
        startPageTasks(c, w, render);
    }
    c.queue.finishSubmitting(std::move(readError));
    return words;
}

/// After the pages: the combined files, metrics/summary.json and README.md.
Status writeClosingEntries(OrderedWriter& writer, ExportQueue& queue, const ExportSnapshot& snapshot,
                           const ExportOptions& o, const FieldPatterns& patterns, const QString& created,
                           const ExportRedaction* redaction)
{
    Status s = writer.writeCombined(o.formats, patterns);
    const int documents = static_cast<int>(snapshot.documents().size());
    const int pages = static_cast<int>(snapshot.pages().size());
    if (s && o.formats.metrics) {
        const QByteArray summary = metricsSummary(writer.totals(), writer.counts(), documents, pages, o.lowConfidence);
        s = writer.writeEntry(textEntry(QStringLiteral("metrics/summary.json"), summary));
        queue.report(ExportPhase::Bundle, summary.size());
    }
    if (s && redaction) {
        const QByteArray report = redaction->report();
        s = writer.writeEntry(textEntry(QStringLiteral("redaction/report.json"), report));
        queue.report(ExportPhase::Bundle, report.size());
    }
    const QByteArray readme = bundleReadme(o, created, documents, pages, writer.totals(), o.formats.names());
    if (s)
        s = writer.writeEntry(textEntry(QStringLiteral("README.md"), readme));
    queue.report(ExportPhase::Bundle, readme.size());
    return s;
}

/// Whatever way the export leaves (an error, or an exception), no task or writer outlives it.
struct Stopper {
    ExportQueue& queue;
    QThreadPool& pool;
    OrderedWriter& writer;
    ~Stopper()
    {
        if (!writer.running())
            return;
        queue.fail(makeError(ErrorCode::Internal, QStringLiteral("export stopped")));
        pool.waitForDone();
        writer.join();
    }
};

Result<ExportReport> exportImpl(const QString& projectPath, const QString& destination, const ExportOptions& o,
                                const CancelToken& cancel, const ExportProgressFn& progressFn)
{
    QElapsedTimer clock;
    clock.start();
    const QString created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (destination.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no destination file given"));
    if (!QFileInfo::exists(projectPath))
        return makeError(ErrorCode::NotFound, QStringLiteral("project %1 does not exist").arg(projectPath));
    auto opened = ExportSnapshot::open(projectPath, o);
    if (!opened)
        return opened.error();
    ExportSnapshot& snapshot = **opened;
    std::unique_ptr<ExportRedaction> redaction;
    if (o.redact) {
        auto prepared = ExportRedaction::prepare(projectPath, o.documents);
        if (!prepared)
            return prepared.error();
        redaction = std::move(prepared).value();
        snapshot.pseudonymise(*redaction);
    }
    // The records check typed values with the project's own patterns (case numbers, plates).
    FieldPatterns patterns;
    if (o.formats.records) {
        auto store = ProjectStore::open(projectPath, OpenMode::ReadOnly);
        if (!store)
            return store.error();
        auto read = projectPatterns(**store);
        if (!read)
            return read.error();
        patterns = *read;
    }

    PartialFile partial;
    if (auto s = partial.create(destination); !s)
        return s.error();
    ZipWriter zip(partial.fd(), QDateTime::currentDateTime());

    const int jobs = o.jobs > 0 ? o.jobs : std::max(1, QThread::idealThreadCount());
    ExportQueue queue;
    initProgress(queue.progress, snapshot, o);
    const QHash<QString, int> categories = cocoCategoryIds(snapshot.labels());
    QHash<QString, QColor> colors;
    for (const auto& l : snapshot.labels())
        colors.insert(l.name, QColor(l.color));

    OrderedWriter writer(zip, destination, queue, cancel, progressFn);
    writer.openCombined(o.formats, snapshot.labels(), created);
    QThreadPool pool;
    pool.setMaxThreadCount(jobs);
    Stopper stopper{queue, pool, writer};
    writer.start();
    const long long words = submitPages(snapshot, PageTaskContext{o, categories, colors, created, cancel, queue, pool},
                                        jobs, redaction.get());
    pool.waitForDone();
    queue.wakeAll();
    writer.join();
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("export cancelled"));
    if (queue.failure)
        return *queue.failure;

    if (auto s = writeClosingEntries(writer, queue, snapshot, o, patterns, created, redaction.get()); !s)
        return s.error();
    // The manifest goes last: it lists every other entry.
    const QJsonArray documents = manifestDocuments(snapshot);
    const QByteArray manifest =
        bundleManifest(o, created, projectPath, snapshot.pages(), documents, writer.takeManifestEntries());
    if (auto st = zip.add(textEntry(QStringLiteral("manifest.json"), manifest)); !st)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, st.error().message));
    queue.report(ExportPhase::Bundle, manifest.size());
    if (auto st = zip.finish(); !st)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, st.error().message));
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("export cancelled"));
    ExportReport report;
    report.entries = zip.entryCount();
    report.bytes = zip.bytesWritten();
    if (redaction) {
        // Read back before it is kept: on a leak the partial file goes, the destination is untouched.
        QElapsedTimer check;
        check.start();
        if (auto st = redaction->verifyArchive(partial.path(), jobs, cancel); !st)
            return st.error();
        report.checkSeconds = check.elapsed() / 1000.0;
        report.redacted = true;
        report.redactions = redaction->countsByType();
        report.pagesRedacted = redaction->pagesWithRedactions();
        report.wordsRewritten = redaction->wordsRewritten();
        report.areasFilled = redaction->areasFilled();
    }
    if (auto st = partial.commit(destination); !st)
        return st.error();
    report.path = QFileInfo(destination).absoluteFilePath();
    report.documents = static_cast<int>(documents.size());
    report.pages = static_cast<int>(snapshot.pages().size());
    report.words = words;
    report.jobs = jobs;
    report.seconds = clock.elapsed() / 1000.0;
    if (progressFn) {
        std::lock_guard lock(queue.mutex);
        queue.progress.entriesWritten = report.entries;
        queue.progress.bytesWritten = report.bytes;
        progressFn(queue.progress);
    }
    return report;
}

} // namespace

Result<ExportReport> exportBundle(const QString& projectPath, const QString& destination, const ExportOptions& options,
                                  const CancelToken& cancel, const ExportProgressFn& progress)
{
    try {
        return exportImpl(projectPath, destination, options, cancel, progress);
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::TooLarge, QStringLiteral("out of memory while exporting"));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, QString::fromUtf8(e.what()));
    } catch (...) {
        return makeError(ErrorCode::Internal, QStringLiteral("unexpected exception while exporting"));
    }
}

} // namespace incidoc
