#include "core/capture/capture_tiff.h"

#include <QFile>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <vector>

#include <tiffio.h>

namespace incidoc::capture {
namespace {

// libtiff reports through handlers; ours keep the last message for the error we return instead of
// printing it (the global handlers would write to stderr from whatever thread).
int keepMessage(TIFF*, void* user, const char* module, const char* fmt, va_list ap)
{
    char text[512];
    std::vsnprintf(text, sizeof text, fmt, ap);
    auto* message = static_cast<QString*>(user);
    *message = (module ? QString::fromUtf8(module) + QStringLiteral(": ") : QString()) + QString::fromUtf8(text);
    return 1;
}

int ignoreWarning(TIFF*, void*, const char*, const char*, va_list)
{
    return 1;
}

struct TiffCloser {
    void operator()(TIFF* t) const
    {
        if (t)
            TIFFClose(t);
    }
};
using TiffPtr = std::unique_ptr<TIFF, TiffCloser>;

TiffPtr openTiff(const QString& path, const char* mode, QString* message)
{
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options, keepMessage, message);
    TIFFOpenOptionsSetWarningHandlerExtR(options, ignoreWarning, nullptr);
    TiffPtr t(TIFFOpenExt(QFile::encodeName(path).constData(), mode, options));
    TIFFOpenOptionsFree(options);
    return t;
}

Error ioError(const QString& what, const QString& message)
{
    return makeError(ErrorCode::Io, message.isEmpty() ? what : what + QStringLiteral(": ") + message);
}

// Copies the current directory of `in` to `out` without decoding it: the tags that describe the image and
// its strips as they are.
bool copyPageRaw(TIFF* in, TIFF* out, int number, int total)
{
    uint32_t width = 0, length = 0, rowsPerStrip = 0;
    uint16_t bits = 8, samples = 3, compression = COMPRESSION_NONE, photometric = PHOTOMETRIC_RGB,
             planar = PLANARCONFIG_CONTIG;
    TIFFGetField(in, TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(in, TIFFTAG_IMAGELENGTH, &length);
    TIFFGetFieldDefaulted(in, TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(in, TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetFieldDefaulted(in, TIFFTAG_COMPRESSION, &compression);
    TIFFGetField(in, TIFFTAG_PHOTOMETRIC, &photometric);
    TIFFGetFieldDefaulted(in, TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetFieldDefaulted(in, TIFFTAG_ROWSPERSTRIP, &rowsPerStrip);
    if (TIFFIsTiled(in) || width == 0 || length == 0)
        return false;
    TIFFSetField(out, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    TIFFSetField(out, TIFFTAG_IMAGEWIDTH, width);
    TIFFSetField(out, TIFFTAG_IMAGELENGTH, length);
    TIFFSetField(out, TIFFTAG_BITSPERSAMPLE, bits);
    TIFFSetField(out, TIFFTAG_SAMPLESPERPIXEL, samples);
    TIFFSetField(out, TIFFTAG_COMPRESSION, compression);
    TIFFSetField(out, TIFFTAG_PHOTOMETRIC, photometric);
    TIFFSetField(out, TIFFTAG_PLANARCONFIG, planar);
    TIFFSetField(out, TIFFTAG_ROWSPERSTRIP, rowsPerStrip);
    TIFFSetField(out, TIFFTAG_PAGENUMBER, static_cast<uint16_t>(number), static_cast<uint16_t>(total));
    if (photometric == PHOTOMETRIC_YCBCR) {
        uint16_t h = 2, v = 2;
        if (TIFFGetField(in, TIFFTAG_YCBCRSUBSAMPLING, &h, &v))
            TIFFSetField(out, TIFFTAG_YCBCRSUBSAMPLING, h, v);
        float* reference = nullptr;
        if (TIFFGetField(in, TIFFTAG_REFERENCEBLACKWHITE, &reference) && reference)
            TIFFSetField(out, TIFFTAG_REFERENCEBLACKWHITE, reference);
    }
    if (compression == COMPRESSION_JPEG) {
        uint32_t count = 0;
        void* tables = nullptr;
        if (TIFFGetField(in, TIFFTAG_JPEGTABLES, &count, &tables) && count > 0)
            TIFFSetField(out, TIFFTAG_JPEGTABLES, count, tables);
    }
    for (ttag_t tag : {TIFFTAG_IMAGEDESCRIPTION, TIFFTAG_DATETIME, TIFFTAG_SOFTWARE}) {
        const char* text = nullptr;
        if (TIFFGetField(in, tag, &text) && text)
            TIFFSetField(out, tag, text);
    }
    std::vector<unsigned char> buffer;
    const uint32_t strips = TIFFNumberOfStrips(in);
    for (uint32_t s = 0; s < strips; ++s) {
        const uint64_t size = TIFFGetStrileByteCount(in, s);
        buffer.resize(static_cast<size_t>(size));
        const tmsize_t read = TIFFReadRawStrip(in, s, buffer.data(), static_cast<tmsize_t>(size));
        if (read < 0 || TIFFWriteRawStrip(out, s, buffer.data(), read) < 0)
            return false;
    }
    return TIFFWriteDirectory(out) != 0;
}

bool writeFrame(TIFF* out, const QImage& frame, const QDateTime& capturedAt, int number, int quality)
{
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    TIFFSetField(out, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    TIFFSetField(out, TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(rgb.width()));
    TIFFSetField(out, TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(rgb.height()));
    TIFFSetField(out, TIFFTAG_BITSPERSAMPLE, uint16_t(8));
    TIFFSetField(out, TIFFTAG_SAMPLESPERPIXEL, uint16_t(3));
    TIFFSetField(out, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(out, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(out, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_YCBCR);
    TIFFSetField(out, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB); // libtiff converts RGB rows to YCbCr
    TIFFSetField(out, TIFFTAG_JPEGQUALITY, quality);
    TIFFSetField(out, TIFFTAG_ROWSPERSTRIP, uint32_t(64)); // a multiple of 16, as 2x2 subsampled JPEG needs
    TIFFSetField(out, TIFFTAG_PAGENUMBER, static_cast<uint16_t>(number), static_cast<uint16_t>(number + 1));
    const QByteArray description =
        QStringLiteral("Incidoc capture %1").arg(capturedAt.toUTC().toString(Qt::ISODateWithMs)).toUtf8();
    TIFFSetField(out, TIFFTAG_IMAGEDESCRIPTION, description.constData());
    const QByteArray stamp = capturedAt.toUTC().toString(QStringLiteral("yyyy:MM:dd HH:mm:ss")).toLatin1();
    TIFFSetField(out, TIFFTAG_DATETIME, stamp.constData());
    TIFFSetField(out, TIFFTAG_SOFTWARE, "Incidoc");
    for (int y = 0; y < rgb.height(); ++y)
        if (TIFFWriteScanline(out, const_cast<uchar*>(rgb.constScanLine(y)), static_cast<uint32_t>(y), 0) < 0)
            return false;
    return TIFFWriteDirectory(out) != 0;
}

} // namespace

Status writeCaptureTiff(const QString& source, int keepPages, const QImage& frame, const QDateTime& capturedAt,
                        const QString& target, int quality)
{
    QString message;
    TiffPtr out = openTiff(target, "w", &message);
    if (!out)
        return ioError(QStringLiteral("cannot write %1").arg(target), message);
    const int total = keepPages + (frame.isNull() ? 0 : 1);
    if (keepPages > 0) {
        QString readMessage;
        TiffPtr in = openTiff(source, "r", &readMessage);
        if (!in)
            return ioError(QStringLiteral("cannot read %1").arg(source), readMessage);
        for (int i = 0; i < keepPages; ++i) {
            if (!TIFFSetDirectory(in.get(), static_cast<tdir_t>(i)))
                return ioError(QStringLiteral("%1 has no page %2").arg(source).arg(i + 1), readMessage);
            if (!copyPageRaw(in.get(), out.get(), i, total))
                return ioError(QStringLiteral("cannot copy page %1 of %2").arg(i + 1).arg(source),
                               readMessage.isEmpty() ? message : readMessage);
        }
    }
    if (!frame.isNull() && !writeFrame(out.get(), frame, capturedAt, keepPages, quality))
        return ioError(QStringLiteral("cannot write %1").arg(target), message);
    TIFF* raw = out.release();
    TIFFClose(raw); // flushes; errors were reported by the writes above
    return okStatus();
}

Result<int> tiffPageCount(const QString& path)
{
    QString message;
    TiffPtr in = openTiff(path, "r", &message);
    if (!in)
        return ioError(QStringLiteral("cannot read %1").arg(path), message);
    return static_cast<int>(TIFFNumberOfDirectories(in.get()));
}

} // namespace incidoc::capture
