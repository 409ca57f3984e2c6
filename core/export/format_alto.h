#pragma once
// ALTO v4 of one bundle page (alto/<doc>/page-NNNN.xml); valid against the ALTO 4.4 schema. Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>

namespace incidoc {

/// ALTO v4: Page > PrintSpace > TextBlock > TextLine > String (CONTENT, WC 0-1), pixel units.
QByteArray pageToAlto(const BundlePage& page);

} // namespace incidoc
