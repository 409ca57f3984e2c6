#pragma once
// Is an image a photo of a page rather than a scan? EXIF (a camera's make and model, exposure), a camera's
// aspect ratio and the background around the page. And the one call the renderer makes on an image it has
// not looked at before: examine, find the page, plan its flattening. Reentrant.

#include "core/model/photo_geometry.h"
#include "core/photo/flatten.h"

#include <QImage>
#include <QString>

namespace incidoc {

struct PhotoEvidence {
    bool isPhoto = false;
    QString reason; ///< what decided it, in English for notes and logs ("EXIF: camera Pixel 7", "background around the
                    ///< page")
};

/// `path`: the file (for its EXIF; may be empty for a frame); `image`: its pixels upright.
PhotoEvidence examineImage(const QString& path, const QImage& image);

/// examineImage -> detectPage -> planFlattening: NotPhoto, NoPage (with a note) or Flattened.
PhotoGeometry lookAtImage(const QString& path, const QImage& image, const FlattenOptions& options = {});

} // namespace incidoc
