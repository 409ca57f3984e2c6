#pragma once
// Internal helpers shared by import and render (not part of the public interface): the checks made
// before decoding an image, and process-wide Poppler/Qt settings applied once. Thread-safe.

#include "core/util/result.h"

#include <QImage>
#include <QSize>

#include <memory>

namespace Poppler {
class Document;
}

namespace incidoc {

/// Qt's image-reader allocation limit in MB (Qt's default is 128). Large enough for a 200 MP image at
/// 4 bytes per pixel; anything larger is refused by our own header checks before Qt is asked to decode.
constexpr int kImageAllocationLimitMb = 1024;

/// Sets QImageReader::setAllocationLimit(kImageAllocationLimitMb) once per process.
void ensureImageAllocationLimit();

/// Routes Poppler's error output to nowhere once per process (malformed files print many lines).
void silencePopplerMessages();

/// Opens a PDF with Poppler (messages silenced). Errors: InvalidInput "damaged PDF: cannot be opened",
/// Unsupported "encrypted PDF (password required)". The document belongs to the calling thread.
Result<std::unique_ptr<Poppler::Document>> openPdf(const QString& path);

/// TooLarge "image too large: W x H pixels (limit N megapixels)" when size has more than maxPixels.
Status checkImagePixels(QSize size, qint64 maxPixels);

/// "damaged image: <what Qt's reader says>", or "damaged image: cannot be decoded" when it only says
/// "Unknown error".
QString damagedImageMessage(const QString& readerError);

/// The image's horizontal resolution from its header (dots per meter), or 0 when it has none.
int dpiOf(const QImage& image);

/// Poppler::Page::Orientation (as int) to the /Rotate angle in degrees.
int rotationDegrees(int popplerOrientation);

} // namespace incidoc
