#include "core/export/bundle_export.h"

#include "core/export/bundle_formats.h"
#include "core/export/page_json.h"
#include "core/export/zip_writer.h"
#include "core/ocr/tesseract_engine.h"
#include "core/render/page_renderer.h"
#include "core/storage/project_store.h"
#include "core/util/version.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace incidoc {
namespace {

constexpr int kLevel = 6;
constexpr char kPartialSuffix[] = ".incidoc-partial";

// Per-page entries, in the order they go into the archive.
enum Slot { kJson, kImage, kVisualization, kHocr, kAlto, kSlotCount };

/// A piece of a streamed entry (coco.json, labelstudio.json, pages.csv) made by a page task.
struct Fragment {
    QByteArray raw, compressed;
    quint32 crc = 0;
    bool present = false;
};

Fragment fragmentOf(QByteArray raw)
{
    Fragment f;
    f.compressed = deflateChunk(raw, kLevel);
    f.crc = crc32Of(raw);
    f.raw = std::move(raw);
    f.present = true;
    return f;
}

/// One page on its way into the archive. Filled by pool tasks, emptied by the writer.
struct PageWork {
    BundlePage page;
    int imageId = 0;
    long long firstAnnotationId = 1;
    std::array<std::optional<ZipEntry>, kSlotCount> entries;
    Fragment cocoAnnotations, labelStudio, csvRow;
    QByteArray cocoImage;
    PageStats stats;
    int pending = 0; ///< tasks not finished (guarded by the shared mutex)
};

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

QString binarizationName(const BinarizeOptions& b)
{
    switch (b.method) {
    case BinarizeMethod::AdaptiveGaussian:
        return QStringLiteral("adaptive-gaussian %1 %2").arg(b.blockSize).arg(b.c);
    case BinarizeMethod::Sauvola:
        return QStringLiteral("sauvola %1 %2").arg(b.blockSize).arg(b.sauvolaK);
    case BinarizeMethod::Otsu:
        return QStringLiteral("otsu");
    case BinarizeMethod::None:
        return QStringLiteral("none");
    }
    return {};
}

QString imagesName(ExportImages i)
{
    switch (i) {
    case ExportImages::Binarized:
        return QStringLiteral("binarized");
    case ExportImages::Original:
        return QStringLiteral("original");
    case ExportImages::None:
        return QStringLiteral("none");
    }
    return {};
}

/// "poppler 22.12.0" -> "22.12.0"
QString bareVersion(const QString& v)
{
    const int space = v.lastIndexOf(QLatin1Char(' '));
    return space >= 0 ? v.mid(space + 1) : v;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

/// Removes partial files that killed exports to the same destination left behind: their process is gone
/// and nobody holds their lock (a lock dies with its process, even on kill -9).
void removeStalePartials(const QDir& dir, const QString& destName)
{
    const QString prefix = QLatin1Char('.') + destName + QLatin1Char('.');
    const QStringList names = dir.entryList({prefix + QLatin1Char('*') + QLatin1String(kPartialSuffix)},
                                            QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        const QString pidText = name.mid(prefix.size(), name.size() - prefix.size() - int(sizeof kPartialSuffix) + 1);
        bool ok = false;
        const qint64 pid = pidText.toLongLong(&ok);
        if (!ok || processAlive(pid))
            continue;
        const QByteArray path = QFile::encodeName(dir.filePath(name));
        const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            ::unlink(path.constData());
        ::close(fd);
    }
}

/// The partial file: created exclusively and locked; unlinked by the destructor unless committed.
class PartialFile {
public:
    ~PartialFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_path.isEmpty() && !m_committed)
            ::unlink(m_path.constData());
    }
    Status create(const QString& destination)
    {
        const QFileInfo info(destination);
        m_dest = QFile::encodeName(info.absoluteFilePath());
        const QDir dir = info.absoluteDir();
        if (!dir.exists())
            return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: the folder %2 does not exist")
                                                .arg(destination, dir.path()));
        if (info.isDir())
            return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: it is a folder").arg(destination));
        removeStalePartials(dir, info.fileName());
        const QString name = QStringLiteral(".%1.%2%3").arg(info.fileName()).arg(::getpid()).arg(QLatin1String(kPartialSuffix));
        const QByteArray path = QFile::encodeName(dir.filePath(name));
        ::unlink(path.constData()); // our own pid: a leftover of an earlier process with this pid, long dead
        m_fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (m_fd < 0)
            return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, errnoText(errno)));
        m_path = path;
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
            return makeError(ErrorCode::Io, QStringLiteral("cannot lock %1: %2").arg(QString::fromLocal8Bit(path),
                                                                                     errnoText(errno)));
        return okStatus();
    }
    int fd() const { return m_fd; }
    /// fsync, close, rename over the destination, fsync the folder.
    Status commit(const QString& destination)
    {
        if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
            const int e = errno;
            m_fd = -1;
            return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, errnoText(e)));
        }
        m_fd = -1;
        if (::rename(m_path.constData(), m_dest.constData()) != 0)
            return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, errnoText(errno)));
        m_committed = true;
        const QByteArray dir = QFile::encodeName(QFileInfo(QFile::decodeName(m_dest)).absolutePath());
        const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            ::fsync(dfd); // makes the rename durable; failing here loses nothing already written
            ::close(dfd);
        }
        return okStatus();
    }

private:
    int m_fd = -1;
    QByteArray m_path, m_dest;
    bool m_committed = false;
};

/// Everything the page tasks and the writer share, guarded by `mutex`.
struct Shared {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::shared_ptr<PageWork>> window; ///< submitted, not yet written, in page order
    bool submitDone = false;
    std::optional<Error> failure;                  ///< the first error (stops everything)
    ExportProgress progress;

    void fail(Error e)
    {
        std::lock_guard lock(mutex);
        if (!failure)
            failure = std::move(e);
        changed.notify_all();
    }
    bool stopped(const CancelToken& cancel)
    {
        if (cancel.isCancelled())
            return true;
        std::lock_guard lock(mutex);
        return failure.has_value();
    }
    void produced(ExportPhase phase, qsizetype bytes)
    {
        auto& p = progress.phases[static_cast<int>(phase)];
        ++p.done;
        p.bytes += static_cast<quint64>(bytes);
    }
    /// A task of `work` is finished.
    void taskDone(PageWork& work)
    {
        std::lock_guard lock(mutex);
        if (--work.pending == 0)
            changed.notify_all();
    }
};

ZipEntry textEntry(const QString& name, const QByteArray& bytes)
{
    return prepareEntry(name, bytes, true, kLevel);
}

/// Text formats of one page (cheap): page JSON, hOCR, ALTO, COCO and Label Studio pieces, metrics row.
void runTextTask(Shared& shared, PageWork& w, const ExportOptions& o, const QHash<QString, int>& categories)
{
    const BundlePage& p = w.page;
    const QString dir = p.slug + QLatin1Char('/') + pageStem(p.page.number);
    std::vector<std::pair<ExportPhase, qsizetype>> done;
    if (o.formats.json) {
        const QByteArray json = QJsonDocument(pageToJson(p.document, p.page, p.words)).toJson(QJsonDocument::Indented);
        w.entries[kJson] = textEntry(QStringLiteral("documents/") + dir + QStringLiteral(".json"), json);
        done.emplace_back(ExportPhase::PageJson, json.size());
    }
    if (o.formats.hocr) {
        const QByteArray hocr = pageToHocr(p);
        w.entries[kHocr] = textEntry(QStringLiteral("hocr/") + dir + QStringLiteral(".hocr"), hocr);
        done.emplace_back(ExportPhase::Hocr, hocr.size());
    }
    if (o.formats.alto) {
        const QByteArray alto = pageToAlto(p);
        w.entries[kAlto] = textEntry(QStringLiteral("alto/") + dir + QStringLiteral(".xml"), alto);
        done.emplace_back(ExportPhase::Alto, alto.size());
    }
    if (o.formats.coco) {
        w.cocoImage = cocoImage(p, w.imageId);
        w.cocoAnnotations = fragmentOf(cocoAnnotations(p, w.imageId, w.firstAnnotationId, categories, w.firstAnnotationId > 1));
        done.emplace_back(ExportPhase::Coco, w.cocoAnnotations.raw.size() + w.cocoImage.size());
    }
    if (o.formats.labelStudio) {
        w.labelStudio = fragmentOf((w.imageId > 1 ? QByteArray(",\n") : QByteArray()) + labelStudioTask(p, w.imageId));
        done.emplace_back(ExportPhase::LabelStudio, w.labelStudio.raw.size());
    }
    w.stats = pageStats(p, o.lowConfidence);
    if (o.formats.metrics) {
        w.csvRow = fragmentOf(pagesCsvRow(p, w.stats));
        done.emplace_back(ExportPhase::Metrics, w.csvRow.raw.size());
    }
    std::lock_guard lock(shared.mutex);
    for (const auto& [phase, bytes] : done)
        shared.produced(phase, bytes);
}

Result<QImage> renderForExport(const BundlePage& p, const ExportOptions& o, const CancelToken& cancel)
{
    RenderOptions ro;
    ro.dpi = p.page.dpi > 0 ? p.page.dpi : 300;
    ro.timeLimitMs = o.renderTimeLimitMs;
    // The page was rendered at this DPI when it was processed, so it fits any budget it fitted then.
    ro.pixelBudget = std::max<qint64>(ro.pixelBudget, static_cast<qint64>(p.page.widthPx) * p.page.heightPx + 1);
    auto r = o.renderer ? o.renderer->render(p.document.path, p.document.kind, p.page.number, ro, cancel)
                      : renderPage(p.document.path, p.document.kind, p.page.number, ro, cancel);
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

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray readme(const ExportOptions& o, const QString& created, int documents, int pages, const PageStats& total,
                  const QStringList& formats)
{
    QByteArray r;
    r += "# Incidoc export bundle (incidoc.bundle/1)\n\n";
    r += "Made by Incidoc " INCIDOC_VERSION " on " + created.toUtf8() + " from " + QByteArray::number(documents) +
         " document(s), " + QByteArray::number(pages) + " page(s), " + QByteArray::number(total.words) + " word(s) (" +
         QByteArray::number(total.labelled) + " labelled, " + QByteArray::number(total.lowConfidence) +
         " below confidence " + QByteArray::number(o.lowConfidence) + ").\n\n";
    r += "Options: formats " + formats.join(QLatin1Char(',')).toUtf8() + "; page images " +
         imagesName(o.images).toUtf8() + "; visualizations " + (o.visualizations ? "on" : "off") + "; " +
         (o.reviewedOnly ? "reviewed pages only" : "all pages") + ".\n\n";
    r += "## What is inside\n\n"
         "| path | what |\n|---|---|\n"
         "| `manifest.json` | schema, date, engine versions, settings, documents (with source SHA-256) and the "
         "SHA-256 of every other entry |\n"
         "| `documents/<doc>/page-NNNN.json` | one page with every word (`incidoc.page/1`): text, box `[x0, y0, x1, "
         "y1]` in page pixels, confidence 0-100, label, source, review state |\n"
         "| `images/<doc>/page-NNNN.png` | the page image every box refers to (binarized 1-bit by default, or grey); "
         "re-rendered from the source at the page's DPI; image files keep their own pixel grid |\n"
         "| `visualizations/<doc>/page-NNNN.jpg` | the page with its boxes: blue = no label, label colour otherwise, "
         "red dashed outline = confidence below the threshold (scaled to at most 1700 px) |\n"
         "| `coco.json` | COCO detection: category `word` for unlabelled words plus one per label; `bbox` is "
         "`[x, y, w, h]`; each annotation has `text`, `confidence`, `document`, `page` |\n"
         "| `labelstudio.json` | Label Studio tasks for the OCR template (`data.ocr`; results `bbox` rectangle, "
         "`transcription` textarea, `label` labels sharing a region id, in percent); reviewed pages as "
         "`annotations`, others as `predictions` |\n"
         "| `hocr/<doc>/page-NNNN.hocr` | hOCR 1.2 |\n"
         "| `alto/<doc>/page-NNNN.xml` | ALTO v4 (pixel units, WC confidence 0-1) |\n"
         "| `metrics/pages.csv`, `metrics/summary.json` | per-page counts and totals |\n\n"
         "`<doc>` is the document's file name made safe (ASCII letters, digits, `-`, `_`), unique with -2, -3, ...\n"
         "Image paths in COCO, Label Studio, hOCR and ALTO are relative to the bundle root, also when the "
         "bundle was made without page images.\n\n"
         "## Loading it\n\n"
         "```python\n"
         "import json, zipfile\n"
         "z = zipfile.ZipFile('bundle.zip')\n"
         "manifest = json.loads(z.read('manifest.json'))\n"
         "coco = json.loads(z.read('coco.json'))          # or pycocotools.coco.COCO after extracting\n"
         "page = json.loads(z.read(manifest['entries'][0]['path']))\n"
         "```\n\n"
         "Label Studio: extract the bundle, serve `images/` (or set up local storage), create a project with the "
         "OCR template and import `labelstudio.json`. Verify the bundle: every `sha256` in `manifest.json` is the "
         "SHA-256 of that entry's bytes.\n";
    return r;
}

} // namespace

// ---- options --------------------------------------------------------------------------------------

std::optional<ExportFormats> ExportFormats::parse(const QString& list)
{
    ExportFormats f;
    f.json = f.coco = f.labelStudio = f.hocr = f.alto = f.metrics = false;
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
    return n;
}

QString toString(ExportPhase phase)
{
    static const char* const names[] = {"images", "visualizations", "page-json", "coco", "labelstudio",
                                        "hocr",   "alto",           "metrics",   "bundle"};
    return QString::fromLatin1(names[static_cast<int>(phase)]);
}

// ---- the export -----------------------------------------------------------------------------------

namespace {

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

    // --- the snapshot: documents, labels and pages; words are read page by page below ---
    auto opened = ProjectStore::open(projectPath, OpenMode::ReadOnly);
    if (!opened)
        return opened.error();
    ProjectStore& store = **opened;
    if (auto s = store.beginSnapshot(); !s)
        return s.error();
    struct EndSnapshot {
        ProjectStore& s;
        ~EndSnapshot() { (void)s.endSnapshot(); }
    } endSnapshot{store};

    auto allDocs = store.documents();
    if (!allDocs)
        return allDocs.error();
    auto labels = store.labels();
    if (!labels)
        return labels.error();
    std::vector<DocumentRecord> docs;
    {
        QSet<DocumentId> wanted(o.documents.begin(), o.documents.end());
        QSet<DocumentId> found;
        for (const auto& d : *allDocs) {
            if (!wanted.isEmpty() && !wanted.contains(d.id))
                continue;
            found.insert(d.id);
            if (d.error.isEmpty())
                docs.push_back(d);
        }
        for (DocumentId id : o.documents)
            if (!found.contains(id))
                return makeError(ErrorCode::InvalidInput, QStringLiteral("the project has no document with id %1").arg(id));
    }
    const std::vector<QString> slugs = bundleSlugs(docs);
    struct PageRef {
        std::size_t doc;
        PageRecord page;
    };
    std::vector<PageRef> pages;
    std::vector<int> pagesPerDoc(docs.size(), 0);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        auto list = store.pages(docs[i].id);
        if (!list)
            return list.error();
        for (auto& pg : *list) {
            if (o.reviewedOnly && pg.review != ReviewStatus::Reviewed)
                continue;
            pages.push_back({i, std::move(pg)});
            ++pagesPerDoc[i];
        }
    }
    if (pages.empty())
        return makeError(ErrorCode::InvalidInput, o.reviewedOnly ? QStringLiteral("nothing to export: no reviewed pages")
                                                                 : QStringLiteral("nothing to export: the project has no pages"));

    // --- the destination ---
    PartialFile partial;
    if (auto s = partial.create(destination); !s)
        return s.error();
    ZipWriter zip(partial.fd(), QDateTime::currentDateTime());

    const int jobs = o.jobs > 0 ? o.jobs : std::max(1, QThread::idealThreadCount());
    const bool wantImages = o.images != ExportImages::None;
    auto hasImage = [&](const PageRecord& pg) {
        // Only pages that were processed have a known pixel grid that boxes refer to.
        return pg.status == PageStatus::Done && pg.widthPx > 0 && pg.heightPx > 0;
    };
    Shared shared;
    {
        int withImage = 0;
        for (const auto& r : pages)
            withImage += hasImage(r.page) ? 1 : 0;
        const int n = static_cast<int>(pages.size());
        auto& ph = shared.progress.phases;
        ph[int(ExportPhase::Images)].total = wantImages ? withImage : 0;
        ph[int(ExportPhase::Visualizations)].total = o.visualizations ? withImage : 0;
        ph[int(ExportPhase::PageJson)].total = o.formats.json ? n : 0;
        ph[int(ExportPhase::Coco)].total = o.formats.coco ? n : 0;
        ph[int(ExportPhase::LabelStudio)].total = o.formats.labelStudio ? n : 0;
        ph[int(ExportPhase::Hocr)].total = o.formats.hocr ? n : 0;
        ph[int(ExportPhase::Alto)].total = o.formats.alto ? n : 0;
        ph[int(ExportPhase::Metrics)].total = o.formats.metrics ? n : 0;
        ph[int(ExportPhase::Bundle)].total = 2 + (o.formats.coco ? 1 : 0) + (o.formats.labelStudio ? 1 : 0) +
                                             (o.formats.metrics ? 2 : 0);
        shared.progress.pagesTotal = n;
    }

    const QHash<QString, int> categories = cocoCategoryIds(*labels);
    QHash<QString, QColor> colors;
    for (const auto& l : *labels)
        colors.insert(l.name, QColor(l.color));

    // --- the writer: appends finished pages in order; streams the fragments of the combined files ---
    FragmentedEntry coco(QStringLiteral("coco.json"));
    FragmentedEntry labelStudio(QStringLiteral("labelstudio.json"));
    FragmentedEntry pagesCsv(QStringLiteral("metrics/pages.csv"));
    QByteArray cocoImages; // ~200 bytes a page: the COCO images list, written after the annotations
    if (o.formats.coco)
        coco.append(cocoHead(*labels, created));
    if (o.formats.labelStudio)
        labelStudio.append("[\n");
    if (o.formats.metrics)
        pagesCsv.append(pagesCsvHeader());
    PageStats totals;
    QJsonArray manifestEntries;
    std::map<QString, int> reviewCounts, statusCounts, kindCounts;
    auto record = [&](const ZipEntry& e) {
        manifestEntries.append(QJsonObject{{QStringLiteral("path"), QString::fromUtf8(e.name)},
                                           {QStringLiteral("bytes"), static_cast<qint64>(e.size)},
                                           {QStringLiteral("sha256"), QString::fromLatin1(e.sha256)}});
    };
    auto writeEntry = [&](const ZipEntry& e) -> Status {
        if (auto s = zip.add(e); !s)
            return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, s.error().message));
        record(e);
        return okStatus();
    };

    QThreadPool pool;
    pool.setMaxThreadCount(jobs);
    std::thread writer;
    // Whatever way this function leaves (an error, or an exception), no task or writer outlives it.
    struct Stopper {
        Shared& shared;
        QThreadPool& pool;
        std::thread& writer;
        ~Stopper()
        {
            if (!writer.joinable())
                return;
            shared.fail(makeError(ErrorCode::Internal, QStringLiteral("export stopped")));
            pool.waitForDone();
            writer.join();
        }
    } stopper{shared, pool, writer};
    writer = std::thread([&] {
        for (;;) {
            std::shared_ptr<PageWork> w;
            {
                std::unique_lock lock(shared.mutex);
                shared.changed.wait(lock, [&] {
                    return shared.failure || cancel.isCancelled() ||
                           (!shared.window.empty() && shared.window.front()->pending == 0) ||
                           (shared.submitDone && shared.window.empty());
                });
                if (shared.failure || cancel.isCancelled() || shared.window.empty())
                    return;
                w = shared.window.front();
            }
            Status s = okStatus();
            for (auto& e : w->entries) {
                if (e && s)
                    s = writeEntry(*e);
            }
            if (!s) {
                shared.fail(s.error());
                return;
            }
            if (w->cocoAnnotations.present) {
                coco.append(w->cocoAnnotations.raw, w->cocoAnnotations.compressed, w->cocoAnnotations.crc);
                if (!cocoImages.isEmpty())
                    cocoImages += ",\n";
                cocoImages += w->cocoImage;
            }
            if (w->labelStudio.present)
                labelStudio.append(w->labelStudio.raw, w->labelStudio.compressed, w->labelStudio.crc);
            if (w->csvRow.present)
                pagesCsv.append(w->csvRow.raw, w->csvRow.compressed, w->csvRow.crc);
            totals.add(w->stats);
            ++statusCounts[toString(w->page.page.status)];
            ++reviewCounts[toString(w->page.page.review)];
            ++kindCounts[w->page.page.kind == PageKind::Unknown ? QStringLiteral("unknown") : toString(w->page.page.kind)];
            ExportProgress snapshot;
            {
                std::lock_guard lock(shared.mutex);
                ++shared.progress.pagesWritten;
                shared.progress.entriesWritten = zip.entryCount();
                shared.progress.bytesWritten = zip.bytesWritten();
                snapshot = shared.progress;
            }
            // Reported before the page leaves the window, so no further page is read meanwhile.
            if (progressFn)
                progressFn(snapshot);
            {
                std::lock_guard lock(shared.mutex);
                shared.window.pop_front();
                shared.changed.notify_all();
            }
        }
    });

    // --- the pool: every page's formats, rendered images and visualizations ---
    // Pages in flight (submitted, not yet written): bounds memory. Enough for every thread to stay busy
    // while the writer waits for the oldest page.
    const std::size_t window = static_cast<std::size_t>(std::max(4, 3 * jobs));
    long long nextAnnotation = 1;
    long long wordsTotal = 0;
    std::optional<Error> readError;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        {
            std::unique_lock lock(shared.mutex);
            // Wakes now and then to look at the cancel token (a signal handler cannot notify).
            while (!shared.failure && !cancel.isCancelled() && shared.window.size() >= window)
                shared.changed.wait_for(lock, std::chrono::milliseconds(100));
            if (shared.failure || cancel.isCancelled())
                break;
        }
        const PageRef& ref = pages[i];
        auto words = store.words(ref.page.id);
        if (!words) {
            readError = words.error();
            break;
        }
        auto w = std::make_shared<PageWork>();
        w->page.document = docs[ref.doc];
        w->page.slug = slugs[ref.doc];
        w->page.page = ref.page;
        w->page.words = std::move(words).value();
        for (auto& word : w->page.words) {
            word.chars.clear(); // no format uses them; they are most of a word's memory
            word.chars.shrink_to_fit();
        }
        w->page.hasImage = wantImages && hasImage(ref.page);
        w->page.imagePath = QStringLiteral("images/%1/%2.png").arg(w->page.slug, pageStem(ref.page.number));
        w->imageId = static_cast<int>(i) + 1;
        w->firstAnnotationId = nextAnnotation;
        nextAnnotation += static_cast<long long>(w->page.words.size());
        wordsTotal += static_cast<long long>(w->page.words.size());
        const bool render = hasImage(ref.page) && (wantImages || o.visualizations);
        w->pending = 1 + (render ? 1 : 0);
        {
            std::lock_guard lock(shared.mutex);
            shared.window.push_back(w);
        }
        pool.start([&shared, &o, &categories, &cancel, w] {
            if (!shared.stopped(cancel)) {
                try {
                    runTextTask(shared, *w, o, categories);
                } catch (const std::exception& e) {
                    shared.fail(makeError(ErrorCode::Internal, QString::fromUtf8(e.what())));
                }
            }
            shared.taskDone(*w);
        });
        if (!render)
            continue;
        pool.start([&shared, &o, &colors, &cancel, &pool, w] {
            if (shared.stopped(cancel)) {
                shared.taskDone(*w);
                return;
            }
            Result<QImage> grey = makeError(ErrorCode::Internal, QString());
            try {
                grey = renderForExport(w->page, o, cancel);
            } catch (const std::exception& e) {
                grey = makeError(ErrorCode::Internal, QString::fromUtf8(e.what()));
            }
            if (!grey) {
                if (!grey.error().isCancelled())
                    shared.fail(grey.error());
                shared.taskDone(*w);
                return;
            }
            const QString dir = w->page.slug + QLatin1Char('/') + pageStem(w->page.page.number);
            if (o.visualizations) {
                // Its own task, so the visualization and the page image are made in parallel; a higher
                // priority than new pages, so the grey image is not held for long.
                {
                    std::lock_guard lock(shared.mutex);
                    ++w->pending;
                }
                QImage image = *grey;
                pool.start([&shared, &o, &colors, &cancel, w, image, dir] {
                    if (!shared.stopped(cancel)) {
                        const QByteArray jpeg = drawVisualization(image, w->page, colors, o.lowConfidence);
                        if (jpeg.isEmpty()) {
                            shared.fail(makeError(ErrorCode::Engine,
                                                  QStringLiteral("cannot draw the visualization of page %1 of %2")
                                                      .arg(w->page.page.number)
                                                      .arg(w->page.document.name)));
                        } else {
                            w->entries[kVisualization] =
                                prepareEntry(QStringLiteral("visualizations/") + dir + QStringLiteral(".jpg"), jpeg, false);
                            std::lock_guard lock(shared.mutex);
                            shared.produced(ExportPhase::Visualizations, jpeg.size());
                        }
                    }
                    shared.taskDone(*w);
                }, 1);
            }
            if (o.images != ExportImages::None) {
                // core/imaging binarizes; the PNG is written at zlib level 6 (see encodeGreyPng).
                const QByteArray png = o.images == ExportImages::Binarized
                                           ? encodeGreyPng(binarize(*grey, o.binarize), true)
                                           : encodeGreyPng(*grey, false);
                if (png.isEmpty()) {
                    shared.fail(makeError(ErrorCode::Engine, QStringLiteral("cannot encode the image of page %1 of %2")
                                                                 .arg(w->page.page.number)
                                                                 .arg(w->page.document.name)));
                } else {
                    w->entries[kImage] = prepareEntry(w->page.imagePath, png, false);
                    std::lock_guard lock(shared.mutex);
                    shared.produced(ExportPhase::Images, png.size());
                }
            }
            shared.taskDone(*w);
        });
    }
    {
        std::lock_guard lock(shared.mutex);
        shared.submitDone = true;
        if (readError && !shared.failure)
            shared.failure = *readError;
        shared.changed.notify_all();
    }
    pool.waitForDone();
    {
        std::lock_guard lock(shared.mutex);
        shared.changed.notify_all();
    }
    writer.join();
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("export cancelled"));
    if (shared.failure)
        return *shared.failure;

    // --- the combined files, README and manifest (last: it lists every other entry) ---
    auto finishPhase = [&](qsizetype bytes) {
        std::lock_guard lock(shared.mutex);
        shared.produced(ExportPhase::Bundle, bytes);
    };
    Status s = okStatus();
    if (o.formats.coco) {
        coco.append(cocoMiddle() + cocoImages + "]}\n");
        cocoImages.clear();
        const ZipEntry e = coco.finish();
        s = writeEntry(e);
        finishPhase(static_cast<qsizetype>(e.size));
    }
    if (s && o.formats.labelStudio) {
        labelStudio.append("\n]\n");
        const ZipEntry e = labelStudio.finish();
        s = writeEntry(e);
        finishPhase(static_cast<qsizetype>(e.size));
    }
    if (s && o.formats.metrics) {
        const ZipEntry csv = pagesCsv.finish();
        s = writeEntry(csv);
        finishPhase(static_cast<qsizetype>(csv.size));
        QJsonObject labelsUsed;
        for (auto it = totals.labels.begin(); it != totals.labels.end(); ++it)
            labelsUsed.insert(it.key(), it.value());
        QJsonArray histogram;
        for (long long h : totals.histogram)
            histogram.append(h);
        auto toJson = [](const std::map<QString, int>& m) {
            QJsonObject obj;
            for (const auto& [k, v] : m)
                obj.insert(k, v);
            return obj;
        };
        const QByteArray summary = json(QJsonObject{
            {QStringLiteral("documents"), static_cast<int>(docs.size())},
            {QStringLiteral("pages"), static_cast<int>(pages.size())},
            {QStringLiteral("pages_by_status"), toJson(statusCounts)},
            {QStringLiteral("pages_by_kind"), toJson(kindCounts)},
            {QStringLiteral("pages_by_review"), toJson(reviewCounts)},
            {QStringLiteral("words"), totals.words},
            {QStringLiteral("words_with_confidence"), totals.withConfidence},
            {QStringLiteral("mean_confidence"), totals.withConfidence
                                                    ? QJsonValue(std::round(totals.confidenceSum / totals.withConfidence * 10) / 10)
                                                    : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("low_confidence_threshold"), o.lowConfidence},
            {QStringLiteral("low_confidence_words"), totals.lowConfidence},
            {QStringLiteral("confidence_histogram"),
             QJsonObject{{QStringLiteral("bin_width"), 10}, {QStringLiteral("counts"), histogram}}},
            {QStringLiteral("edited_words"), totals.edited},
            {QStringLiteral("user_words"), totals.userWords},
            {QStringLiteral("reviewed_words"), totals.reviewedWords},
            {QStringLiteral("labelled_words"), totals.labelled},
            {QStringLiteral("words_by_label"), labelsUsed}});
        if (s)
            s = writeEntry(textEntry(QStringLiteral("metrics/summary.json"), summary));
        finishPhase(summary.size());
    }
    const QByteArray readmeBytes = readme(o, created, static_cast<int>(docs.size()), static_cast<int>(pages.size()),
                                          totals, o.formats.names());
    if (s)
        s = writeEntry(textEntry(QStringLiteral("README.md"), readmeBytes));
    finishPhase(readmeBytes.size());
    if (!s)
        return s.error();

    // Provenance: engines, settings, and the documents with their source hashes.
    QJsonArray documents;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (pagesPerDoc[i] == 0)
            continue;
        documents.append(QJsonObject{{QStringLiteral("id"), docs[i].id},
                                     {QStringLiteral("slug"), slugs[i]},
                                     {QStringLiteral("name"), docs[i].name},
                                     {QStringLiteral("source_path"), docs[i].path},
                                     {QStringLiteral("sha256"), docs[i].sha256},
                                     {QStringLiteral("pages"), pagesPerDoc[i]},
                                     {QStringLiteral("type"), docs[i].type.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                     : QJsonValue(docs[i].type)}});
    }
    QMap<int, int> dpis;
    QSet<QString> langSet;
    QSet<QString> enginesUsed;
    for (const auto& r : pages) {
        if (r.page.dpi > 0)
            ++dpis[r.page.dpi];
        if (!r.page.engine.isEmpty())
            enginesUsed.insert(r.page.engine);
        // "tesseract 5.3.0 (eng+fra)"
        const int open = r.page.engine.lastIndexOf(QLatin1Char('(')), close = r.page.engine.lastIndexOf(QLatin1Char(')'));
        if (open >= 0 && close > open)
            for (const QString& l : r.page.engine.mid(open + 1, close - open - 1).split(QLatin1Char('+'), Qt::SkipEmptyParts))
                langSet.insert(l);
    }
    int dpi = 0, dpiCount = -1;
    for (auto it = dpis.begin(); it != dpis.end(); ++it)
        if (it.value() > dpiCount) {
            dpi = it.key();
            dpiCount = it.value();
        }
    QStringList langs(langSet.begin(), langSet.end());
    langs.sort();
    QStringList engineList(enginesUsed.begin(), enginesUsed.end());
    engineList.sort();
    QJsonArray documentIds;
    for (DocumentId id : o.documents)
        documentIds.append(id);
    const QByteArray manifest = json(QJsonObject{
        {QStringLiteral("schema"), QStringLiteral("incidoc.bundle/1")},
        {QStringLiteral("created"), created},
        {QStringLiteral("app"), QJsonObject{{QStringLiteral("name"), QStringLiteral("incidoc")},
                                            {QStringLiteral("version"), QStringLiteral(INCIDOC_VERSION)}}},
        {QStringLiteral("engines"), QJsonObject{{QStringLiteral("tesseract"), bareVersion(tesseractVersion())},
                                                {QStringLiteral("leptonica"), bareVersion(leptonicaVersion())},
                                                {QStringLiteral("poppler"), bareVersion(popplerVersion())},
                                                {QStringLiteral("opencv"), bareVersion(opencvVersion())},
                                                {QStringLiteral("qt"), QString::fromLatin1(qVersion())}}},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("dpi"), dpi},
                     {QStringLiteral("binarization"), binarizationName(o.binarize)},
                     {QStringLiteral("languages"), QJsonArray::fromStringList(langs)},
                     {QStringLiteral("page_engines"), QJsonArray::fromStringList(engineList)},
                     {QStringLiteral("images"), imagesName(o.images)},
                     {QStringLiteral("visualizations"), o.visualizations},
                     {QStringLiteral("formats"), QJsonArray::fromStringList(o.formats.names())},
                     {QStringLiteral("reviewed_only"), o.reviewedOnly},
                     {QStringLiteral("documents"), documentIds},
                     {QStringLiteral("low_confidence_threshold"), o.lowConfidence}}},
        {QStringLiteral("project"), QFileInfo(projectPath).fileName()},
        {QStringLiteral("documents"), documents},
        {QStringLiteral("entries"), manifestEntries}});
    manifestEntries = QJsonArray();
    if (auto st = zip.add(textEntry(QStringLiteral("manifest.json"), manifest)); !st)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, st.error().message));
    finishPhase(manifest.size());
    if (auto st = zip.finish(); !st)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(destination, st.error().message));
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("export cancelled"));
    ExportReport report;
    report.entries = zip.entryCount();
    report.bytes = zip.bytesWritten();
    if (auto st = partial.commit(destination); !st)
        return st.error();
    report.path = QFileInfo(destination).absoluteFilePath();
    report.documents = static_cast<int>(documents.size());
    report.pages = static_cast<int>(pages.size());
    report.words = wordsTotal;
    report.jobs = jobs;
    report.seconds = clock.elapsed() / 1000.0;
    if (progressFn) {
        std::lock_guard lock(shared.mutex);
        shared.progress.entriesWritten = report.entries;
        shared.progress.bytesWritten = report.bytes;
        progressFn(shared.progress);
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
