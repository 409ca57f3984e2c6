#include "core/render/image_checks.h"

#include <QImageReader>

#include <cmath>
#include <mutex>

namespace incidoc {

void ensureImageAllocationLimit()
{
    // Qt refuses images over 128 MB by default, which a 600 dpi A3 scan exceeds. Our own header checks
    // refuse anything over the configured pixel limits first; this limit stays as Qt's last line of
    // defence so that no reader ever attempts a multi-GB allocation. Set once (it is a global).
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(kImageAllocationLimitMb); });
}

QString damagedImageMessage(const QString& readerError)
{
    const QString why = readerError.toLower();
    if (why.isEmpty() || why == QLatin1String("unknown error"))
        return QStringLiteral("damaged image: cannot be decoded");
    return QStringLiteral("damaged image: ") + why;
}

Status checkImagePixels(QSize size, qint64 maxPixels)
{
    const qint64 pixels = static_cast<qint64>(size.width()) * size.height();
    if (pixels > maxPixels)
        return makeError(ErrorCode::TooLarge, QStringLiteral("image too large: %1 x %2 pixels (limit %3 megapixels)")
                                                  .arg(size.width())
                                                  .arg(size.height())
                                                  .arg(static_cast<double>(maxPixels) / 1e6));
    return okStatus();
}

int dpiOf(const QImage& image)
{
    // Qt's readers leave a file without resolution at QImage's default (the screen's, 96 dpi), so that
    // value means "none in the header". A genuine 96 dpi header is reported as 0 too: no scanner uses it.
    const int dpm = image.dotsPerMeterX();
    if (dpm <= 0 || dpm == QImage(1, 1, QImage::Format_Mono).dotsPerMeterX())
        return 0;
    return static_cast<int>(std::lround(dpm * 0.0254));
}

} // namespace incidoc
