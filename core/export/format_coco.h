#pragma once
// coco.json, the COCO detection file of a bundle, written in pieces: its head, then each page's
// annotations (made in parallel, joined in page order), then the images list. Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace incidoc {

/// Categories for COCO: 1 is "word" (unlabelled words), then one per label in the order given.
QHash<QString, int> cocoCategoryIds(const std::vector<LabelRecord>& labels);

/// The opening of coco.json up to and including `"annotations":[` (categories in `cocoCategoryIds` order).
/// The annotations follow, then cocoMiddle(), the images, and "]}".
QByteArray cocoHead(const std::vector<LabelRecord>& labels, const QString& created);
/// `],"images":[` : between the annotations and the images.
QByteArray cocoMiddle();

/// The COCO `images` item of a page (compact JSON object).
QByteArray cocoImage(const BundlePage& page, int imageId);

/// The COCO `annotations` items of a page, comma-separated (compact JSON objects), ids from
/// `firstAnnotationId`; starts with a comma when `leadingComma`. Empty when the page has no words.
QByteArray cocoAnnotations(const BundlePage& page, int imageId, long long firstAnnotationId,
                           const QHash<QString, int>& categories, bool leadingComma);

} // namespace incidoc
