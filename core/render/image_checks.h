#pragma once
// The checks made before an image file is decoded, shared by import (inspecting a file) and render.
// Thread-safe.

#include "core/util/result.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace incidoc {

/// Qt's image-reader allocation limit in MB (Qt's default is 128). Large enough for a 200 MP image at
/// 4 bytes per pixel; anything larger is refused by our own header checks before Qt is asked to decode.
constexpr int kImageAllocationLimitMb = 1024;

/// Sets QImageReader::setAllocationLimit(kImageAllocationLimitMb) once per process.
void ensureImageAllocationLimit();

/// TooLarge "image too large: W x H pixels (limit N megapixels)" when size has more than maxPixels.
Status checkImagePixels(QSize size, qint64 maxPixels);

/// "damaged image: <what Qt's reader says>", or "damaged image: cannot be decoded" when it only says
/// "Unknown error".
QString damagedImageMessage(const QString& readerError);

/// The image's horizontal resolution from its header (dots per meter), or 0 when it has none.
int dpiOf(const QImage& image);

} // namespace incidoc
