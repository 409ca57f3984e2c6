#pragma once
// labelstudio.json of a bundle: one Label Studio task per page, joined in page order. Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>

namespace incidoc {

/// One Label Studio task for the OCR template (data.ocr; rectangle + textarea (+ labels) results sharing
/// an id, in percent of the image). Reviewed pages carry `annotations`, the others `predictions`. The page's
/// entities follow its words as regions of their own ("e<id>": rectangle, textarea with the entity's text,
/// labels with its label) and its links as `relation` results between them (direction "right", labels
/// [the link's type]).
QByteArray labelStudioTask(const BundlePage& page, int taskId);

} // namespace incidoc
