#pragma once
// hOCR 1.2 of one bundle page (hocr/<doc>/page-NNNN.hocr). Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>

namespace incidoc {

/// hOCR 1.2 (XHTML): ocr_page > ocr_carea > ocr_line > ocrx_word with bbox and x_wconf.
QByteArray pageToHocr(const BundlePage& page);

} // namespace incidoc
