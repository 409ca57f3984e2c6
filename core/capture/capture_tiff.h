#pragma once
// The capture document's file: a multi-page TIFF, each page a colour frame compressed as JPEG (libtiff),
// rewritten whole for each change (the pages kept are copied as they are, never decoded again). Private to
// core/capture. Reentrant.

#include "core/util/result.h"

#include <QDateTime>
#include <QImage>
#include <QString>

namespace incidoc::capture {

/// Writes `target`: the first `keepPages` pages of `source` (empty: none), copied byte for byte, then `frame`
/// when it is not null, as JPEG at `quality`, noted as captured at `capturedAt`. Errors: Io.
Status writeCaptureTiff(const QString& source, int keepPages, const QImage& frame, const QDateTime& capturedAt,
                        const QString& target, int quality = 90);

/// How many pages (directories) a TIFF file has; an error when it cannot be read.
Result<int> tiffPageCount(const QString& path);

} // namespace incidoc::capture
