#include "core/export/format_images.h"

#include "core/model/pixel_transform.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>
#include <QPen>
#include <QPolygonF>
#include <QTransform>

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace incidoc {

namespace {

void putBigEndian(QByteArray& out, quint32 v)
{
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

void pngChunk(QByteArray& out, const char* type, const QByteArray& data)
{
    const quint32 n = static_cast<quint32>(data.size());
    const char len[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    out.append(len, 4);
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data);
    const uLong crc =
        crc32(0L, reinterpret_cast<const Bytef*>(out.constData() + start), static_cast<uInt>(out.size() - start));
    const char c[4] = {char(crc >> 24), char(crc >> 16), char(crc >> 8), char(crc)};
    out.append(c, 4);
}

QByteArray jpegOf(const QImage& canvas, int quality)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!canvas.save(&buffer, "JPEG", quality))
        return {};
    return jpeg;
}

} // namespace

QByteArray encodeGreyPng(const QImage& input, bool bilevel, int level)
{
    if (input.isNull())
        return {};
    const QImage grey =
        input.format() == QImage::Format_Grayscale8 ? input : input.convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width(), h = grey.height();
    const qsizetype rowBytes = bilevel ? (w + 7) / 8 : w;
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray idat;
    idat.resize(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>((rowBytes + 1) * h))) + 64);
    zs.next_out = reinterpret_cast<Bytef*>(idat.data());
    zs.avail_out = static_cast<uInt>(idat.size());
    // Rows are deflated one at a time: only one filtered row is ever held.
    std::vector<uchar> row(static_cast<std::size_t>(rowBytes) + 1);
    for (int y = 0; y < h; ++y) {
        const uchar* in = grey.constScanLine(y);
        if (bilevel) {
            row[0] = 0; // filter None: 1-bit rows gain little from filtering
            std::fill(row.begin() + 1, row.end(), uchar(0));
            for (int x = 0; x < w; ++x)
                if (in[x] >= 128)
                    row[1 + (x >> 3)] |= static_cast<uchar>(0x80 >> (x & 7));
        } else {
            row[0] = 2; // filter Up: scanned pages change little from one row to the next
            const uchar* above = y > 0 ? grey.constScanLine(y - 1) : nullptr;
            for (int x = 0; x < w; ++x)
                row[1 + x] = static_cast<uchar>(in[x] - (above ? above[x] : 0));
        }
        zs.next_in = row.data();
        zs.avail_in = static_cast<uInt>(row.size());
        if (deflate(&zs, y + 1 == h ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_ERROR || zs.avail_in != 0) {
            deflateEnd(&zs);
            return {};
        }
    }
    if (h == 0 || zs.avail_out == 0) {
        deflateEnd(&zs);
        return {};
    }
    idat.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putBigEndian(ihdr, static_cast<quint32>(w));
    putBigEndian(ihdr, static_cast<quint32>(h));
    ihdr.append(char(bilevel ? 1 : 8)); // bit depth
    ihdr.append(char(0));               // colour type 0: greyscale (1-bit: 0 black, 1 white)
    ihdr.append(3, char(0));            // deflate, adaptive filtering, no interlace
    pngChunk(png, "IHDR", ihdr);
    const int dpm = grey.dotsPerMeterX();
    if (dpm > 0 && grey.dotsPerMeterY() > 0) {
        QByteArray phys;
        putBigEndian(phys, static_cast<quint32>(dpm));
        putBigEndian(phys, static_cast<quint32>(grey.dotsPerMeterY()));
        phys.append(char(1)); // metres
        pngChunk(png, "pHYs", phys);
    }
    pngChunk(png, "IDAT", idat);
    pngChunk(png, "IEND", {});
    return png;
}

// ---- visualization ------------------------------------------------------------------------------

QByteArray drawVisualization(const QImage& grey, const BundlePage& p, const QHash<QString, QColor>& labelColors,
                             double lowConfidence, int maxSide, int quality)
{
    if (grey.isNull() || maxSide < 16)
        return {};
    const int longSide = std::max(grey.width(), grey.height());
    const double k = longSide > maxSide ? static_cast<double>(maxSide) / longSide : 1.0;
    // Scale while still 8-bit grey (a quarter of the pixels of RGB), then paint in colour.
    QImage base = k < 1.0 ? grey.scaled(std::max(1, static_cast<int>(std::lround(grey.width() * k))),
                                        std::max(1, static_cast<int>(std::lround(grey.height() * k))),
                                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                          : grey;
    QImage canvas = base.convertToFormat(QImage::Format_RGB32);
    if (canvas.isNull())
        return {};
    // Boxes are in page pixels; the image may differ slightly from the page size (never by much).
    const PixelTransform toImage = PixelTransform::scaling(
        static_cast<double>(canvas.width()) / std::max(1, p.page.widthPx > 0 ? p.page.widthPx : grey.width()),
        static_cast<double>(canvas.height()) / std::max(1, p.page.heightPx > 0 ? p.page.heightPx : grey.height()));
    {
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::Antialiasing, false);
        const QColor unlabelled(0x1f, 0x5f, 0xd0);
        const QColor low(0xe0, 0x10, 0x10);
        const double width = std::max(1.0, 2.0 * std::min(1.0, k * 2.0));
        for (const WordRecord& w : p.words) {
            QRectF r = toImage.mapToRectF(w.box);
            r.setSize({std::max(1.0, r.width()), std::max(1.0, r.height())}); // a box stays visible
            QColor c = w.labelName.isEmpty() ? unlabelled : labelColors.value(w.labelName, unlabelled);
            if (!w.labelName.isEmpty()) {
                QColor fill = c;
                fill.setAlpha(60);
                painter.fillRect(r, fill);
            }
            painter.setPen(QPen(c, width));
            painter.drawRect(r);
            if (w.confidence && *w.confidence < lowConfidence) {
                QPen pen(low, width, Qt::DashLine);
                painter.setPen(pen);
                painter.drawRect(r.adjusted(-2 * width, -2 * width, 2 * width, 2 * width));
            }
        }
    }
    return jpegOf(canvas, quality);
}

QByteArray drawPhotoVisualization(const BundlePage& p, const QHash<QString, QColor>& labelColors, double lowConfidence,
                                  int maxSide, int quality)
{
    if (!p.page.photo || !p.page.photo->isFlattened() || maxSide < 16)
        return {};
    const PhotoGeometry& g = *p.page.photo;
    QImageReader reader(p.sourcePath.isEmpty() ? p.document.path : p.sourcePath);
    reader.setAutoTransform(true);
    if (p.document.kind == DocumentKind::Image && p.page.number > 1 && !reader.jumpToImage(p.page.number - 1))
        return {};
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return {};
    // Decoded straight at the visualization's size (a 50-megapixel photo is never held whole).
    const QSize upright = g.photoSize.isValid() ? g.photoSize : size;
    const double k = std::min(1.0, static_cast<double>(maxSide) / std::max(upright.width(), upright.height()));
    const QSize target(std::max(1, static_cast<int>(std::lround(upright.width() * k))),
                       std::max(1, static_cast<int>(std::lround(upright.height() * k))));
    // The reader's size is before the EXIF rotation; ask for the scaled size in its own orientation.
    const bool turned = size.width() != upright.width() && size.width() == upright.height();
    reader.setScaledSize(turned ? target.transposed() : target);
    QImage canvas = reader.read().convertToFormat(QImage::Format_RGB32);
    if (canvas.isNull())
        return {};
    const QTransform toCanvas = g.pageToPhoto()
                                * QTransform::fromScale(static_cast<double>(canvas.width()) / upright.width(),
                                                        static_cast<double>(canvas.height()) / upright.height());
    {
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::Antialiasing, true);
        const double width = std::max(1.0, 2.0 * std::min(1.0, k * 2.0));
        const QColor unlabelled(0x1f, 0x5f, 0xd0);
        const QColor low(0xe0, 0x10, 0x10);
        painter.setPen(QPen(QColor(0x10, 0xa0, 0x40), 2 * width));
        painter.drawPolygon(toCanvas.map(QPolygonF(QRectF(0, 0, g.pageSize.width(), g.pageSize.height()))));
        for (const WordRecord& w : p.words) {
            const QPolygonF quad = toCanvas.map(QPolygonF(QRectF(w.box.x0, w.box.y0, w.box.width(), w.box.height())));
            const QColor c = w.labelName.isEmpty() ? unlabelled : labelColors.value(w.labelName, unlabelled);
            const bool lowWord = w.confidence && *w.confidence < lowConfidence;
            painter.setPen(QPen(lowWord ? low : c, width, lowWord ? Qt::DashLine : Qt::SolidLine));
            if (!w.labelName.isEmpty()) {
                QColor fill = c;
                fill.setAlpha(60);
                painter.setBrush(fill);
            } else {
                painter.setBrush(Qt::NoBrush);
            }
            painter.drawPolygon(quad);
        }
    }
    return jpegOf(canvas, quality);
}

} // namespace incidoc
