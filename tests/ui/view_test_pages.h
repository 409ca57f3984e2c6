#pragma once
// A project whose one page (a generated born-digital PDF page, 2550 x 3300 px at 300 dpi) carries a
// given number of words laid out in a grid, stored through the real ProjectStore (as the pipeline
// would store an OCR result). For the page view tests and benchmarks (2,000 boxes).
// Thread contract: GUI thread (needs the QGuiApplication for the PDF).

#include "core/model/records.h"

#include <QString>

namespace incidoc::test {

struct GridPage {
    QString projectPath;
    DocumentId document = 0;
    PageId page = 0;
};

/// Writes `dir`/grid.pdf and `dir`/grid.incidoc; `words` words, every 7th below confidence 60.
/// Empty projectPath (and a test failure) when something failed.
GridPage makeGridProject(const QString& dir, int words);

} // namespace incidoc::test
