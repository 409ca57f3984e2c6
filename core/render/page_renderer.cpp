#include "core/render/page_renderer.h"

#include "core/photo/flatten.h"
#include "core/photo/photo_check.h"
#include "core/render/image_checks.h"
#include "core/render/pdf_document.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <poppler-qt6.h>
#include <poppler-version.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <list>
#include <memory>
#include <mutex>

#include <sys/stat.h>

namespace incidoc {
namespace {

// Poppler::Document is not safe for concurrent use, and opening one costs a parse of the xref and
// page tree (milliseconds for a big file, per page that would be too slow for born-digital PDFs at
// 50 pages/s). So the process keeps the documents used last and lends each to one thread at a time;
// a file that changed on disk (mtime or size) is reopened.
//
// The cache is process-wide and never destroyed, not per thread: a thread's own cache was closed by its
// thread_local destructor when the thread ended, and a pool thread can end after the pool's owner has
// returned — while the process exits. Closing the last Poppler document tears down Poppler's global
// parameters, which then raced with exit()'s static destructors (SIGSEGV after an interrupted export).
// Documents still idle at exit are left to the operating system.
void warmUpPopplerOnce();

class DocumentCache {
public:
    static constexpr size_t kCapacity = 8;

    struct Entry {
        QString path;
        qint64 modifiedNs = 0;
        qint64 size = 0;
        std::unique_ptr<Poppler::Document> doc;
    };

    static DocumentCache& instance()
    {
        static auto* cache = new DocumentCache; // never destroyed (see above)
        return *cache;
    }

    /// A document of `path` for this thread alone until the entry is handed back with giveBack().
    Result<Entry> borrow(const QString& path)
    {
        warmUpPopplerOnce();
        // stat() rather than QFileInfo::lastModified(): the latter converts to local time, which goes
        // through glibc's tzset() on every call (slow, and reported as a race by ThreadSanitizer).
        struct stat st {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0 || S_ISDIR(st.st_mode))
            return makeError(ErrorCode::NotFound, QStringLiteral("file not found"));
        const qint64 modified = static_cast<qint64>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        const qint64 size = static_cast<qint64>(st.st_size);
        std::list<Entry> stale;
        {
            std::lock_guard lock(m_mutex);
            for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
                if (it->path == path && it->modifiedNs == modified && it->size == size) {
                    Entry e = std::move(*it);
                    m_idle.erase(it);
                    return e;
                }
            }
            for (auto it = m_idle.begin(); it != m_idle.end();) {
                auto next = std::next(it);
                if (it->path == path)
                    stale.splice(stale.end(), m_idle, it); // an older version of the file
                it = next;
            }
        } // stale documents are closed outside the lock
        auto opened = openPdf(path);
        if (!opened)
            return opened.error();
        std::unique_ptr<Poppler::Document> doc = std::move(opened).value();
        doc->setRenderBackend(Poppler::Document::SplashBackend);
        doc->setRenderHint(Poppler::Document::Antialiasing, true);
        doc->setRenderHint(Poppler::Document::TextAntialiasing, true);
        return Entry{path, modified, size, std::move(doc)};
    }

    void giveBack(Entry entry)
    {
        std::list<Entry> evicted;
        {
            std::lock_guard lock(m_mutex);
            m_idle.push_front(std::move(entry)); // most recently used first
            while (m_idle.size() > kCapacity)
                evicted.splice(evicted.end(), m_idle, std::prev(m_idle.end()));
        }
    }

private:
    std::mutex m_mutex;
    std::list<Entry> m_idle; ///< documents no thread holds, most recently used first
};

// Poppler (22.12) creates its process-wide sRGB and XYZ colour profiles lazily, without a lock, in the
// first GfxState constructor: two threads rendering or extracting their first page at the same time race
// on those static shared_ptrs (ThreadSanitizer: GfxState::GfxState against make_GfxLCMSProfilePtr on
// another thread). So the first use in the process renders a one-point blank page alone; every later
// page runs in parallel as before.
void warmUpPopplerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        silencePopplerMessages();
        static const char kBlankPdf[] = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                                        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>endobj\n"
                                        "trailer<</Root 1 0 R>>\n%%EOF\n";
        std::unique_ptr<Poppler::Document> doc(
            Poppler::Document::loadFromData(QByteArray(kBlankPdf, sizeof(kBlankPdf) - 1)));
        if (!doc)
            return;
        std::unique_ptr<Poppler::Page> page(doc->page(0));
        if (page)
            (void)page->renderToImage(72, 72); // constructs the first GfxState
    });
}

/// A page of a borrowed document; the document goes back to the cache when this ends (the page first).
struct OpenPage {
    DocumentCache::Entry document;
    std::unique_ptr<Poppler::Page> page;

    OpenPage() = default;
    OpenPage(OpenPage&&) = default;
    OpenPage& operator=(OpenPage&&) = delete;
    ~OpenPage()
    {
        page.reset();
        if (document.doc)
            DocumentCache::instance().giveBack(std::move(document));
    }
    const Poppler::Page& operator*() const { return *page; }
};

Result<std::unique_ptr<OpenPage>> openPage(const QString& path, int number)
{
    Result<DocumentCache::Entry> borrowed = DocumentCache::instance().borrow(path);
    if (!borrowed.ok())
        return borrowed.error();
    auto open = std::make_unique<OpenPage>();
    open->document = std::move(borrowed).value();
    Poppler::Document* doc = open->document.doc.get();
    const int count = doc->numPages();
    if (count <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("PDF has no pages"));
    if (number < 1 || number > count)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("page %1 does not exist (the PDF has %2)").arg(number).arg(count));
    open->page = doc->page(number - 1);
    if (!open->page)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("page %1 could not be read").arg(number));
    return open;
}

// Poppler sizes its bitmap as (int)(points * dpi / 72 + 0.5) (SplashOutputDev::startPage).
int pixelsFor(double points, int dpi)
{
    return static_cast<int>(points * dpi / 72.0 + 0.5);
}

// What Poppler's abort callback reads. Lives on the caller's stack for the duration of the render.
struct AbortContext {
    const CancelToken* cancel = nullptr;
    Deadline deadline;
    bool cancelled = false;
    bool timedOut = false;
};

bool shouldAbort(const QVariant& payload)
{
    auto* ctx = reinterpret_cast<AbortContext*>(payload.value<quintptr>());
    if (!ctx)
        return false;
    if (ctx->cancel->isCancelled())
        ctx->cancelled = true;
    else if (ctx->deadline.expired())
        ctx->timedOut = true;
    return ctx->cancelled || ctx->timedOut;
}

// Fonts map ligature glyphs to U+FB00..U+FB06 ("ﬁ"); people search and label "fi". Expand them to
// their letters (compatibility decomposition) so text-layer words read like OCR words.
QString expandLigatures(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0xFB00 && c <= 0xFB06) {
            const QString letters = text.at(i).decomposition();
            if (!letters.isEmpty()) {
                text.replace(i, 1, letters);
                i += letters.size() - 1;
            }
        }
    }
    return text;
}

QString secondsText(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0);
}

std::optional<Error> abortError(const AbortContext& ctx, int timeLimitMs)
{
    if (ctx.cancelled || ctx.cancel->isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    if (ctx.timedOut)
        return makeError(ErrorCode::Timeout,
                         QStringLiteral("render took longer than %1 s").arg(secondsText(timeLimitMs)));
    return std::nullopt;
}

// Grey from Poppler's 32-bit output (always on opaque white paper) with Rec. 601 luma, in this thread.
// QImage::convertToFormat() would split large images over Qt's own thread pool: more threads inside a
// page task that the pipeline already runs in parallel (and, Qt not being instrumented, noise for
// ThreadSanitizer). Other formats (image files) go through Qt.
QImage toGrey(const QImage& img)
{
    const QImage::Format f = img.format();
    if (f != QImage::Format_RGB32 && f != QImage::Format_ARGB32 && f != QImage::Format_ARGB32_Premultiplied)
        return img.convertToFormat(QImage::Format_Grayscale8);
    QImage out(img.size(), QImage::Format_Grayscale8);
    if (out.isNull())
        return out;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb* src = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        uchar* dst = out.scanLine(y);
        for (int x = 0; x < img.width(); ++x)
            dst[x] = static_cast<uchar>((qRed(src[x]) * 299 + qGreen(src[x]) * 587 + qBlue(src[x]) * 114 + 500) / 1000);
    }
    out.setDotsPerMeterX(img.dotsPerMeterX());
    out.setDotsPerMeterY(img.dotsPerMeterY());
    return out;
}

// Copies a rendered (ARGB) slice into rows [y, y + slice.height()) of the grey page.
void copyGreyRows(const QImage& slice, QImage& page, int y)
{
    const QImage grey = toGrey(slice);
    const int rows = std::min(grey.height(), page.height() - y);
    const int bytes = std::min(grey.width(), page.width());
    for (int r = 0; r < rows; ++r)
        std::memcpy(page.scanLine(y + r), grey.constScanLine(r), static_cast<size_t>(bytes));
}

Result<RenderedPage> renderPdfPage(const QString& path, int number, const RenderOptions& options,
                                   const CancelToken& cancel)
{
    Result<std::unique_ptr<OpenPage>> page = openPage(path, number);
    if (!page.ok())
        return page.error();
    const Poppler::Page& p = ***page;

    RenderedPage out;
    const QSizeF size = p.pageSizeF(); // crop box after /Rotate
    out.widthPt = size.width();
    out.heightPt = size.height();
    out.rotation = rotationDegrees(static_cast<int>(p.orientation()));
    if (!(out.widthPt > 0) || !(out.heightPt > 0))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("page %1 has no size").arg(number));
    const int requested = options.dpi > 0 ? options.dpi : 300;
    out.dpi = effectiveDpi(out.widthPt, out.heightPt, requested, options.pixelBudget);
    if (out.dpi < requested)
        out.note = QStringLiteral("page too large, rendered at %1 dpi").arg(out.dpi);

    const int width = pixelsFor(out.widthPt, out.dpi);
    const int height = pixelsFor(out.heightPt, out.dpi);
    if (width <= 0 || height <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("page %1 has no size").arg(number));

    AbortContext ctx;
    ctx.cancel = &cancel;
    ctx.deadline = Deadline::in(std::chrono::milliseconds(std::max(1, options.timeLimitMs)));
    if (options.timeLimitMs <= 0)
        ctx.deadline = Deadline(); // no limit
    const QVariant payload = QVariant::fromValue(reinterpret_cast<quintptr>(&ctx));
    const QString failed = QStringLiteral("page %1 could not be rendered").arg(number);

    const qint64 pixels = static_cast<qint64>(width) * height;
    if (pixels <= options.bandPixels || options.bandPixels <= 0) {
        const QImage img = p.renderToImage(out.dpi, out.dpi, -1, -1, -1, -1, Poppler::Page::Rotate0, nullptr, nullptr,
                                           &shouldAbort, payload);
        if (auto err = abortError(ctx, options.timeLimitMs))
            return *err;
        if (img.isNull() || img.width() <= 0 || img.height() <= 0)
            return makeError(ErrorCode::InvalidInput, failed);
        out.image = toGrey(img);
        if (out.image.isNull())
            return makeError(ErrorCode::TooLarge, QStringLiteral("page %1 is too large to hold in memory").arg(number));
        return out;
    }

    // A large page: hold only the final grey image (1 byte/pixel) plus one ARGB band of about 4 MP.
    QImage grey(width, height, QImage::Format_Grayscale8);
    if (grey.isNull())
        return makeError(ErrorCode::TooLarge, QStringLiteral("page %1 is too large to hold in memory").arg(number));
    grey.fill(255);
    const int bandRows = std::max(1, static_cast<int>(4'000'000 / width));
    for (int y = 0; y < height; y += bandRows) {
        const int rows = std::min(bandRows, height - y);
        const QImage band = p.renderToImage(out.dpi, out.dpi, 0, y, width, rows, Poppler::Page::Rotate0, nullptr,
                                            nullptr, &shouldAbort, payload);
        if (auto err = abortError(ctx, options.timeLimitMs))
            return *err;
        if (band.isNull())
            return makeError(ErrorCode::InvalidInput, failed);
        copyGreyRows(band, grey, y);
    }
    grey.setDotsPerMeterX(static_cast<int>(std::lround(out.dpi / 0.0254)));
    grey.setDotsPerMeterY(grey.dotsPerMeterX());
    out.image = std::move(grey);
    return out;
}

Result<RenderedPage> renderImageFile(const QString& path, int number, const RenderOptions& options)
{
    const QFileInfo fi(path);
    if (!fi.exists() || fi.isDir())
        return makeError(ErrorCode::NotFound, QStringLiteral("file not found"));
    ensureImageAllocationLimit();
    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a readable image"));
    const int frames = std::max(1, reader.imageCount());
    if (number < 1 || number > frames)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("page %1 does not exist (the image has %2)").arg(number).arg(frames));
    if (number > 1 && !reader.jumpToImage(number - 1))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("frame %1 cannot be read").arg(number));
    const QSize size = reader.size();
    if (!size.isValid())
        return makeError(ErrorCode::InvalidInput, damagedImageMessage(reader.errorString()));
    // An image cannot be rendered smaller without changing its pixel grid (which stored boxes refer
    // to), so an oversized one is refused rather than scaled.
    const qint64 budget = options.pixelBudget > 0 ? options.pixelBudget * 5 : 200'000'000;
    if (const Status st = checkImagePixels(size, budget); !st.ok())
        return st.error();
    const QImage img = reader.read();
    if (img.isNull())
        return makeError(ErrorCode::InvalidInput, damagedImageMessage(reader.errorString()));
    RenderedPage out;
    if (options.photo || options.lookAtPhoto) {
        // A photo of a page is read flat; what was found is kept with the page so every later render agrees.
        FlattenOptions flatten;
        flatten.dpi = options.dpi;
        flatten.pixelBudget = options.pixelBudget > 0 ? options.pixelBudget : flatten.pixelBudget;
        out.photo = options.photo ? *options.photo : lookAtImage(path, img, flatten);
        if (out.photo->isFlattened()) {
            out.image = flattenPhoto(img, *out.photo);
            if (out.image.isNull())
                return makeError(ErrorCode::TooLarge, QStringLiteral("image is too large to hold in memory"));
            out.dpi = out.photo->dpi;
            return out;
        }
        out.note = out.photo->state == PhotoState::NoPage ? out.photo->note : QString();
    }
    out.image = toGrey(img);
    if (out.image.isNull())
        return makeError(ErrorCode::TooLarge, QStringLiteral("image is too large to hold in memory"));
    out.dpi = dpiOf(img);
    return out;
}

} // namespace

int effectiveDpi(double widthPt, double heightPt, int requested, qint64 pixelBudget)
{
    if (requested < 1)
        requested = 1;
    if (!(widthPt > 0) || !(heightPt > 0) || pixelBudget <= 0)
        return requested;
    auto pixelsAt = [&](int dpi) {
        return static_cast<qint64>(pixelsFor(widthPt, dpi)) * static_cast<qint64>(pixelsFor(heightPt, dpi));
    };
    if (pixelsAt(requested) <= pixelBudget)
        return requested;
    const double exact = 72.0 * std::sqrt(static_cast<double>(pixelBudget) / (widthPt * heightPt));
    int dpi = std::clamp(static_cast<int>(std::floor(exact)) + 1, 1, requested);
    while (dpi > 1 && pixelsAt(dpi) > pixelBudget) // rounding of the pixel size: step down to fit
        --dpi;
    return dpi;
}

Result<RenderedPage> renderPage(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                const CancelToken& cancel)
{
    try {
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        return kind == DocumentKind::Pdf ? renderPdfPage(path, number, options, cancel)
                                         : renderImageFile(path, number, options);
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::TooLarge, QStringLiteral("page %1 is too large to hold in memory").arg(number));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Engine, QStringLiteral("render failed: ") + QString::fromUtf8(e.what()));
    }
}

Result<TextLayer> extractTextLayer(const QString& path, int number, int dpi)
{
    try {
        Result<std::unique_ptr<OpenPage>> page = openPage(path, number);
        if (!page.ok())
            return page.error();
        const Poppler::Page& p = ***page;
        TextLayer layer;
        const QSizeF size = p.pageSizeF();
        layer.widthPt = size.width();
        layer.heightPt = size.height();
        layer.rotation = rotationDegrees(static_cast<int>(p.orientation()));
        if (dpi < 1)
            dpi = 300;
        const int width = pixelsFor(layer.widthPt, dpi);
        const int height = pixelsFor(layer.heightPt, dpi);
        // Boxes come in points of the page as displayed (after /Rotate, origin top-left of the crop box).
        for (const std::unique_ptr<Poppler::TextBox>& box : p.textList()) {
            if (!box)
                continue;
            const QString text = expandLigatures(box->text());
            if (text.trimmed().isEmpty())
                continue;
            const QRectF r = box->boundingBox();
            const PixelBox px = pointsToPixels(r.left(), r.top(), r.right(), r.bottom(), dpi).clampedTo(width, height);
            if (px.isEmpty())
                continue; // off the page: not visible, so not part of what a person reads
            layer.words.push_back(TextLayerWord{text, px, box->hasSpaceAfter()});
        }
        return layer;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Engine, QStringLiteral("text extraction failed: ") + QString::fromUtf8(e.what()));
    }
}

QString popplerVersion()
{
    return QStringLiteral("poppler ") + Poppler::Version::string();
}

} // namespace incidoc
