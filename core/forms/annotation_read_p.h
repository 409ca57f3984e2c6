#pragma once
// Inside the annotation readers (core/forms/annotation_read.h): one reader per family of formats, each
// returning the file's pages unchecked; annotation_read.cpp picks the page and checks it.

#include "core/forms/annotation_read.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cmath>
#include <vector>

namespace incidoc::annotation_read {

/// An InvalidInput error with `message`.
Error invalid(const QString& message);

/// hOCR, ALTO or PAGE XML, from the root element and its namespace.
Result<std::vector<ImportedPage>> readXml(const QByteArray& content, const AnnotationReadOptions& options);

/// FUNSD or Label Studio JSON, from the document's shape.
Result<std::vector<ImportedPage>> readJson(const QByteArray& content, const AnnotationReadOptions& options);

/// A coordinate in pixels, rounded; values beyond any page are clamped to +-1e9 (they are refused later as
/// outside the page when its size is known) so that no conversion overflows.
inline int toPixel(double v)
{
    return static_cast<int>(std::lround(std::clamp(v, -1e9, 1e9)));
}

/// The file name at the end of a path or URL ("/data/upload/3/a.png?x=1" -> "a.png").
QString fileNameOf(const QString& pathOrUrl);

} // namespace incidoc::annotation_read
