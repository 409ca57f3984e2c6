#include "core/isolation/wire_p.h"
#include "core/remote/proto_convert.h"

#include <cerrno>

#include <unistd.h>

namespace incidoc {

namespace wire {

namespace {

/// Calls `io` (::read or ::write) until all of `size` bytes went through; false at end of file or on an
/// error (EINTR is retried).
template <typename Io, typename Bytes>
bool transferAll(Io io, int fd, Bytes data, size_t size)
{
    while (size > 0) {
        const ssize_t n = io(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

} // namespace

bool writeAll(int fd, const char* data, size_t size)
{
    return transferAll(::write, fd, data, size);
}

bool readAll(int fd, char* data, size_t size)
{
    return transferAll(::read, fd, data, size);
}

bool writeFrame(int fd, const QByteArray& body)
{
    const auto size = static_cast<quint32>(body.size());
    const char header[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
    return writeAll(fd, header, 4) && writeAll(fd, body.constData(), static_cast<size_t>(body.size()));
}

quint32 frameSize(const char* h)
{
    return (quint32(uchar(h[0])) << 24) | (quint32(uchar(h[1])) << 16) | (quint32(uchar(h[2])) << 8)
           | quint32(uchar(h[3]));
}

} // namespace wire

namespace {

// A photo geometry travels as its JSON text; empty: none.
QDataStream& operator<<(QDataStream& s, const std::optional<PhotoGeometry>& g)
{
    return s << (g ? g->toJsonText() : QString());
}

QDataStream& operator>>(QDataStream& s, std::optional<PhotoGeometry>& g)
{
    QString text;
    s >> text;
    g = text.isEmpty() ? std::nullopt : PhotoGeometry::fromJsonText(text);
    return s;
}

} // namespace

QDataStream& operator<<(QDataStream& s, const RenderOptions& o)
{
    return s << qint32(o.dpi) << qint64(o.pixelBudget) << qint32(o.timeLimitMs) << qint64(o.bandPixels) << o.photo
             << o.lookAtPhoto;
}

QDataStream& operator>>(QDataStream& s, RenderOptions& o)
{
    qint32 dpi = 0, limit = 0;
    qint64 budget = 0, band = 0;
    s >> dpi >> budget >> limit >> band >> o.photo >> o.lookAtPhoto;
    o.dpi = dpi;
    o.pixelBudget = budget;
    o.timeLimitMs = limit;
    o.bandPixels = band;
    return s;
}

QDataStream& operator<<(QDataStream& s, const ProcessOptions& o)
{
    return s << o.render << o.languages << qint32(o.binarize.method) << qint32(o.binarize.blockSize) << o.binarize.c
             << o.binarize.sauvolaK << o.ocrReadsBinarized << o.normalizeTextSize << qint32(o.ocrDeadlineMs)
             << o.engines << o.profile << o.reviewThreshold.has_value() << o.reviewThreshold.value_or(0.f);
}

QDataStream& operator>>(QDataStream& s, ProcessOptions& o)
{
    qint32 method = 0, block = 0, deadline = 0;
    s >> o.render >> o.languages >> method >> block >> o.binarize.c >> o.binarize.sauvolaK >> o.ocrReadsBinarized
        >> o.normalizeTextSize >> deadline >> o.engines >> o.profile;
    bool hasThreshold = false;
    float threshold = 0;
    s >> hasThreshold >> threshold;
    o.reviewThreshold = hasThreshold ? std::optional<float>(threshold) : std::nullopt;
    o.binarize.method = static_cast<BinarizeMethod>(method);
    o.binarize.blockSize = block;
    o.ocrDeadlineMs = deadline;
    return s;
}

QDataStream& operator<<(QDataStream& s, const std::optional<RemoteOptions>& r)
{
    s << r.has_value();
    if (r)
        s << r->workers << r->apiKeyFile << r->tlsCaFile << r->tls << r->insecure << qint32(r->fallback)
          << qint32(r->connectTimeoutMs) << qint32(r->callSlackMs) << qint32(r->images);
    return s;
}

QDataStream& operator>>(QDataStream& s, std::optional<RemoteOptions>& out)
{
    bool present = false;
    s >> present;
    out.reset();
    if (!present)
        return s;
    RemoteOptions r;
    qint32 fallback = 0, connect = 0, slack = 0, images = 0;
    s >> r.workers >> r.apiKeyFile >> r.tlsCaFile >> r.tls >> r.insecure >> fallback >> connect >> slack >> images;
    r.fallback = static_cast<RemoteFallback>(fallback);
    r.connectTimeoutMs = connect;
    r.callSlackMs = slack;
    r.images = static_cast<RemoteOptions::Images>(images);
    out = r;
    return s;
}

QDataStream& operator<<(QDataStream& s, const RemoteStats& o)
{
    return s << qint64(o.remotePages) << qint64(o.localPages) << qint64(o.retries) << qint64(o.failures) << o.bytesSent;
}

QDataStream& operator>>(QDataStream& s, RemoteStats& o)
{
    qint64 remote = 0, local = 0, retries = 0, failures = 0;
    s >> remote >> local >> retries >> failures >> o.bytesSent;
    o.remotePages = remote;
    o.localPages = local;
    o.retries = retries;
    o.failures = failures;
    return s;
}

QDataStream& operator<<(QDataStream& s, const PageJob& j)
{
    return s << qint64(j.pageId) << qint64(j.documentId) << j.path << qint32(j.kind) << qint32(j.number)
             << qint32(j.attempts) << j.photo;
}

QDataStream& operator>>(QDataStream& s, PageJob& j)
{
    qint64 page = 0, doc = 0;
    qint32 kind = 0, number = 0, attempts = 0;
    s >> page >> doc >> j.path >> kind >> number >> attempts >> j.photo;
    j.pageId = page;
    j.documentId = doc;
    j.kind = static_cast<DocumentKind>(kind);
    j.number = number;
    j.attempts = attempts;
    return s;
}

QDataStream& operator<<(QDataStream& s, const OcrOptions& o)
{
    return s << o.languages << qint32(o.dpi) << qint32(o.deadlineMs) << qint32(o.segmentation) << o.tag;
}

QDataStream& operator>>(QDataStream& s, OcrOptions& o)
{
    qint32 dpi = 0, deadline = 0, seg = 0;
    s >> o.languages >> dpi >> deadline >> seg >> o.tag;
    o.dpi = dpi;
    o.deadlineMs = deadline;
    o.segmentation = static_cast<Segmentation>(seg);
    return s;
}

QDataStream& operator<<(QDataStream& s, const ImportLimits& o)
{
    return s << qint64(o.maxFileBytes) << qint64(o.maxImagePixels);
}

QDataStream& operator>>(QDataStream& s, ImportLimits& o)
{
    qint64 bytes = 0, pixels = 0;
    s >> bytes >> pixels;
    o.maxFileBytes = bytes;
    o.maxImagePixels = pixels;
    return s;
}

QDataStream& operator<<(QDataStream& s, const wire::GreyImage& g)
{
    const QImage grey =
        g.image.format() == QImage::Format_Grayscale8 ? g.image : g.image.convertToFormat(QImage::Format_Grayscale8);
    s << qint32(grey.width()) << qint32(grey.height());
    for (int y = 0; y < grey.height(); ++y)
        s.writeRawData(reinterpret_cast<const char*>(grey.constScanLine(y)), grey.width());
    return s;
}

QDataStream& operator>>(QDataStream& s, wire::GreyImage& g)
{
    qint32 w = 0, h = 0;
    s >> w >> h;
    if (s.status() != QDataStream::Ok || w < 0 || h < 0 || static_cast<qint64>(w) * h > wire::kMaxFrame) {
        s.setStatus(QDataStream::ReadCorruptData);
        return s;
    }
    g.image = QImage(w, h, QImage::Format_Grayscale8);
    if (w > 0 && h > 0 && g.image.isNull()) {
        s.setStatus(QDataStream::ReadCorruptData);
        return s;
    }
    for (int y = 0; y < h; ++y)
        if (s.readRawData(reinterpret_cast<char*>(g.image.scanLine(y)), w) != w) {
            s.setStatus(QDataStream::ReadPastEnd);
            return s;
        }
    return s;
}

QDataStream& operator<<(QDataStream& s, const RecognizedPage& page)
{
    remote::pb::RecognizeResponse r;
    remote::toProto(page, &r);
    const std::string bytes = r.SerializeAsString();
    return s << QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

QDataStream& operator>>(QDataStream& s, RecognizedPage& page)
{
    QByteArray bytes;
    s >> bytes;
    remote::pb::RecognizeResponse r;
    if (s.status() != QDataStream::Ok || !r.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()))) {
        s.setStatus(QDataStream::ReadCorruptData);
        return s;
    }
    page = remote::fromProto(r);
    return s;
}

QDataStream& operator<<(QDataStream& s, const RenderedPage& page)
{
    return s << qint32(page.dpi) << qint32(page.rotation) << page.widthPt << page.heightPt << page.note
             << wire::GreyImage{page.image} << page.photo;
}

QDataStream& operator>>(QDataStream& s, RenderedPage& page)
{
    qint32 dpi = 0, rotation = 0;
    wire::GreyImage image;
    s >> dpi >> rotation >> page.widthPt >> page.heightPt >> page.note >> image >> page.photo;
    page.dpi = dpi;
    page.rotation = rotation;
    page.image = std::move(image.image);
    return s;
}

QDataStream& operator<<(QDataStream& s, const PageOutcome& o)
{
    return s << qint64(o.pageId) << qint32(o.status) << qint32(o.kind) << o.error << qint32(o.widthPx)
             << qint32(o.heightPx) << qint32(o.dpi) << qint32(o.rotation) << o.widthPt << o.heightPt << o.engine
             << qint32(o.timings.renderMs) << qint32(o.timings.classifyMs) << qint32(o.timings.prepareMs)
             << qint32(o.timings.ocrMs) << qint32(o.timings.totalMs) << qint32(o.source) << qint32(o.failure)
             << o.result << o.photo;
}

QDataStream& operator>>(QDataStream& s, PageOutcome& o)
{
    qint64 page = 0;
    qint32 status = 0, kind = 0, w = 0, h = 0, dpi = 0, rotation = 0, render = 0, classify = 0, prepare = 0, ocr = 0,
           total = 0, source = 0, failure = 0;
    s >> page >> status >> kind >> o.error >> w >> h >> dpi >> rotation >> o.widthPt >> o.heightPt >> o.engine >> render
        >> classify >> prepare >> ocr >> total >> source >> failure >> o.result >> o.photo;
    o.pageId = page;
    o.status = static_cast<PageStatus>(status);
    o.kind = static_cast<PageKind>(kind);
    o.widthPx = w;
    o.heightPx = h;
    o.dpi = dpi;
    o.rotation = rotation;
    o.timings = {render, classify, prepare, ocr, total};
    o.source = static_cast<WordSource>(source);
    o.failure = static_cast<FailureKind>(failure);
    return s;
}

QDataStream& operator<<(QDataStream& s, const DocumentRecord& d)
{
    return s << d.path << d.name << d.sha256 << qint64(d.size) << qint32(d.kind) << qint32(d.pageCount)
             << qint32(d.failure);
}

QDataStream& operator>>(QDataStream& s, DocumentRecord& d)
{
    qint64 size = 0;
    qint32 kind = 0, count = 0, failure = 0;
    s >> d.path >> d.name >> d.sha256 >> size >> kind >> count >> failure;
    d.size = size;
    d.failure = static_cast<FailureKind>(failure);
    d.kind = static_cast<DocumentKind>(kind);
    d.pageCount = count;
    return s;
}

QDataStream& operator<<(QDataStream& s, const std::vector<PageInfo>& pages)
{
    s << quint32(pages.size());
    for (const PageInfo& p : pages)
        s << qint32(p.number) << p.widthPt << p.heightPt << qint32(p.rotation) << qint32(p.widthPx)
          << qint32(p.heightPx) << qint32(p.dpi);
    return s;
}

QDataStream& operator>>(QDataStream& s, std::vector<PageInfo>& pages)
{
    quint32 n = 0;
    s >> n;
    if (n > 10'000'000) {
        s.setStatus(QDataStream::ReadCorruptData);
        return s;
    }
    pages.resize(n);
    for (PageInfo& p : pages) {
        qint32 number = 0, rotation = 0, w = 0, h = 0, dpi = 0;
        s >> number >> p.widthPt >> p.heightPt >> rotation >> w >> h >> dpi;
        p.number = number;
        p.rotation = rotation;
        p.widthPx = w;
        p.heightPx = h;
        p.dpi = dpi;
    }
    return s;
}

QDataStream& operator<<(QDataStream& s, const Error& e)
{
    return s << qint32(e.code) << e.message;
}

QDataStream& operator>>(QDataStream& s, Error& e)
{
    qint32 code = 0;
    s >> code >> e.message;
    e.code = static_cast<ErrorCode>(code);
    return s;
}

} // namespace incidoc
