#include "core/remote/proto_convert.h"

#include <QBuffer>
#include <QImageReader>

namespace incidoc::remote {
namespace {

void setBox(const PixelBox& b, pb::Box* out)
{
    out->set_x0(b.x0);
    out->set_y0(b.y0);
    out->set_x1(b.x1);
    out->set_y1(b.y1);
}

/// Boxes from another implementation are not trusted: coordinates beyond +-2^28 (far past any page)
/// are clamped, so mapping them back to page pixels (a float scale) cannot overflow.
constexpr int kMaxCoordinate = 1 << 28;

PixelBox box(const pb::Box& b)
{
    const auto c = [](int v) { return std::clamp(v, -kMaxCoordinate, kMaxCoordinate); };
    return {c(b.x0()), c(b.y0()), c(b.x1()), c(b.y1())};
}

std::string utf8(const QString& s)
{
    const QByteArray b = s.toUtf8();
    return {b.constData(), static_cast<size_t>(b.size())};
}

QString qstring(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

void toProto(const RecognizedPage& page, pb::RecognizeResponse* out)
{
    out->mutable_words()->Reserve(static_cast<int>(page.words.size()));
    for (const RecognizedWord& w : page.words) {
        pb::Word* pw = out->add_words();
        pw->set_text(utf8(w.text));
        setBox(w.box, pw->mutable_box());
        pw->set_confidence(w.confidence);
        pw->set_block(static_cast<uint32_t>(std::max(0, w.block)));
        pw->set_line(static_cast<uint32_t>(std::max(0, w.line)));
        pw->mutable_chars()->Reserve(static_cast<int>(w.chars.size()));
        for (const RecognizedChar& c : w.chars) {
            pb::Char* pc = pw->add_chars();
            pc->set_text(utf8(c.text));
            setBox(c.box, pc->mutable_box());
            pc->set_confidence(c.confidence);
        }
        pw->set_engine(utf8(w.engine));
        pw->set_flagged(w.flagged);
        for (const WordReading& a : w.alternatives) {
            pb::Reading* pa = pw->add_alternatives();
            pa->set_engine(utf8(a.engine));
            pa->set_text(utf8(a.text));
            pa->set_confidence(a.confidence);
        }
    }
    for (const TextRegion& l : page.lines) {
        pb::Region* r = out->add_lines();
        setBox(l.box, r->mutable_box());
        r->set_confidence(l.confidence);
    }
    for (const TextRegion& b : page.blocks) {
        pb::Region* r = out->add_blocks();
        setBox(b.box, r->mutable_box());
        r->set_confidence(b.confidence);
    }
    out->set_engine(utf8(page.engine));
}

RecognizedPage fromProto(const pb::RecognizeResponse& response)
{
    RecognizedPage page;
    page.engine = qstring(response.engine());
    page.lines.reserve(static_cast<size_t>(response.lines_size()));
    for (const pb::Region& r : response.lines())
        page.lines.push_back({box(r.box()), r.confidence()});
    page.blocks.reserve(static_cast<size_t>(response.blocks_size()));
    for (const pb::Region& r : response.blocks())
        page.blocks.push_back({box(r.box()), r.confidence()});
    page.words.reserve(static_cast<size_t>(response.words_size()));
    // Indices from another implementation are not trusted: out-of-range ones are clamped, so a faulty
    // worker can give a wrong grouping but never an index the store or the exporters would misuse.
    const auto clampIndex = [](uint32_t v, size_t n) {
        return n == 0 ? 0 : static_cast<int>(std::min<size_t>(v, n - 1));
    };
    for (const pb::Word& pw : response.words()) {
        RecognizedWord w;
        w.text = qstring(pw.text());
        w.box = box(pw.box());
        w.confidence = std::clamp(pw.confidence(), 0.f, 100.f);
        w.block = clampIndex(pw.block(), page.blocks.size());
        w.line = clampIndex(pw.line(), page.lines.size());
        w.chars.reserve(static_cast<size_t>(pw.chars_size()));
        for (const pb::Char& pc : pw.chars())
            w.chars.push_back({qstring(pc.text()), box(pc.box()), std::clamp(pc.confidence(), 0.f, 100.f)});
        w.engine = qstring(pw.engine());
        w.flagged = pw.flagged();
        for (const pb::Reading& pa : pw.alternatives())
            w.alternatives.push_back(
                {qstring(pa.engine()), qstring(pa.text()), std::clamp(pa.confidence(), 0.f, 100.f)});
        page.words.push_back(std::move(w));
    }
    return page;
}

pb::Segmentation toProto(Segmentation s)
{
    switch (s) {
    case Segmentation::SingleBlock: return pb::SEGMENTATION_SINGLE_BLOCK;
    case Segmentation::SparseText: return pb::SEGMENTATION_SPARSE_TEXT;
    case Segmentation::Auto: break;
    }
    return pb::SEGMENTATION_AUTO;
}

Segmentation fromProto(pb::Segmentation s)
{
    switch (s) {
    case pb::SEGMENTATION_SINGLE_BLOCK: return Segmentation::SingleBlock;
    case pb::SEGMENTATION_SPARSE_TEXT: return Segmentation::SparseText;
    default: return Segmentation::Auto;
    }
}

Status encodeImage(const QImage& image, int dpi, ImageEncoding encoding, pb::PageImage* out)
{
    if (image.isNull())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("empty image"));
    const QImage grey =
        image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    out->set_dpi(static_cast<uint32_t>(std::max(0, dpi)));
    out->set_width(static_cast<uint32_t>(grey.width()));
    out->set_height(static_cast<uint32_t>(grey.height()));
    if (encoding == ImageEncoding::Png) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        // Quality 80 is zlib level 2 in Qt's PNG writer: most of the size gain of level 9 on page scans
        // at a fraction of its time.
        if (!grey.save(&buffer, "PNG", 80))
            return makeError(ErrorCode::Internal, QStringLiteral("the page image could not be encoded as PNG"));
        out->set_encoding(pb::PageImage::PNG);
        out->set_data(png.constData(), static_cast<size_t>(png.size()));
        return okStatus();
    }
    out->set_encoding(pb::PageImage::GREY8);
    std::string* data = out->mutable_data();
    const auto w = static_cast<size_t>(grey.width());
    data->resize(w * static_cast<size_t>(grey.height()));
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(data->data() + static_cast<size_t>(y) * w, grey.constScanLine(y), w);
    return okStatus();
}

Result<QImage> decodeImage(const pb::PageImage& image, long long maxPixels)
{
    const long long w = image.width(), h = image.height();
    if (image.dpi() != 0 && (image.dpi() < 30 || image.dpi() > 2400))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("dpi %1 is out of range (30 to 2400, or 0 for unknown)").arg(image.dpi()));
    switch (image.encoding()) {
    case pb::PageImage::GREY8: {
        if (w <= 0 || h <= 0)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("GREY8 image needs a width and a height"));
        // Divide rather than multiply: width and height are uint32 from the network, and their product
        // can exceed long long (signed overflow, found with tests/fuzz/fuzz_worker).
        if (w > maxPixels / h)
            return makeError(
                ErrorCode::TooLarge,
                QStringLiteral("image of %1 x %2 pixels is over the limit of %3 pixels").arg(w).arg(h).arg(maxPixels));
        if (static_cast<long long>(image.data().size()) != w * h)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("GREY8 image of %1 x %2 needs %3 bytes, got %4")
                                                          .arg(w)
                                                          .arg(h)
                                                          .arg(w * h)
                                                          .arg(image.data().size()));
        QImage grey(static_cast<int>(w), static_cast<int>(h), QImage::Format_Grayscale8);
        if (grey.isNull())
            return makeError(ErrorCode::TooLarge, QStringLiteral("no memory for a %1 x %2 image").arg(w).arg(h));
        for (int y = 0; y < grey.height(); ++y)
            std::memcpy(grey.scanLine(y), image.data().data() + static_cast<size_t>(y) * static_cast<size_t>(w),
                        static_cast<size_t>(w));
        return grey;
    }
    case pb::PageImage::PNG: {
        QByteArray bytes = QByteArray::fromRawData(image.data().data(), static_cast<qsizetype>(image.data().size()));
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "PNG");
        // The header's size is checked before anything is decoded (a small PNG can claim gigapixels).
        const QSize size = reader.size();
        if (!size.isValid() || size.isEmpty())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("PNG image cannot be read (bad header)"));
        if (static_cast<long long>(size.width()) * size.height() > maxPixels)
            return makeError(ErrorCode::TooLarge,
                             QStringLiteral("image of %1 x %2 pixels is over the limit of %3 pixels")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(maxPixels));
        if ((w != 0 && w != size.width()) || (h != 0 && h != size.height()))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("PNG is %1 x %2, the request says %3 x %4")
                                                          .arg(size.width())
                                                          .arg(size.height())
                                                          .arg(w)
                                                          .arg(h));
        reader.setAllocationLimit(static_cast<int>(std::min<long long>(maxPixels * 8 / (1024 * 1024) + 1, 1 << 20)));
        QImage decoded = reader.read();
        if (decoded.isNull())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("PNG image cannot be decoded: %1").arg(reader.errorString()));
        return decoded.format() == QImage::Format_Grayscale8 ? decoded
                                                             : decoded.convertToFormat(QImage::Format_Grayscale8);
    }
    default: return makeError(ErrorCode::InvalidInput, QStringLiteral("image encoding is missing or unknown"));
    }
}

grpc::Status toGrpcStatus(const Error& error)
{
    const std::string message = error.message.toStdString();
    switch (error.code) {
    case ErrorCode::Cancelled: return {grpc::StatusCode::CANCELLED, message};
    case ErrorCode::Timeout: return {grpc::StatusCode::DEADLINE_EXCEEDED, message};
    case ErrorCode::InvalidInput:
    case ErrorCode::Unsupported:
    case ErrorCode::NotFound: return {grpc::StatusCode::INVALID_ARGUMENT, message};
    case ErrorCode::TooLarge: return {grpc::StatusCode::RESOURCE_EXHAUSTED, message};
    case ErrorCode::Unavailable: return {grpc::StatusCode::UNAVAILABLE, message};
    default: return {grpc::StatusCode::INTERNAL, message};
    }
}

} // namespace incidoc::remote
