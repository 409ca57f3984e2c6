#include "tests/ui/view_test_pages.h"

#include "core/import/file_registration.h"
#include "core/storage/project_store.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/pdf_factory.h"

namespace incidoc::test {

GridPage makeGridProject(const QString& dir, int count)
{
    GridPage out;
    const QString pdf = dir + QStringLiteral("/grid.pdf");
    const QString project = dir + QStringLiteral("/grid.incidoc");
    EXPECT_TRUE(writeTextPdf(pdf, sampleParagraphPages(1, 7)));
    auto store = ProjectStore::open(project);
    EXPECT_TRUE(store.ok());
    if (!store)
        return out;
    const ImportReport report = registerFiles(**store, {pdf});
    EXPECT_EQ(report.added, 1);
    auto jobs = (*store)->jobs(PageStatus::Queued);
    if (!jobs || jobs->size() != 1) {
        ADD_FAILURE() << "no queued page";
        return out;
    }
    PageOutcome o;
    o.pageId = jobs->front().pageId;
    o.status = PageStatus::Done;
    o.kind = PageKind::Scanned;
    o.widthPx = 2550;
    o.heightPx = 3300;
    o.dpi = 300;
    o.widthPt = 612;
    o.heightPt = 792;
    o.engine = QStringLiteral("grid");
    const int cols = 20;
    const int rows = (count + cols - 1) / cols;
    const double cellW = 2350.0 / cols, cellH = 3100.0 / std::max(rows, 1);
    for (int i = 0; i < count; ++i) {
        const int r = i / cols, c = i % cols;
        RecognizedWord w;
        w.text = QStringLiteral("w%1").arg(i);
        const int x0 = 100 + int(c * cellW), y0 = 100 + int(r * cellH);
        w.box = {x0, y0, x0 + int(cellW * 0.8), y0 + std::max(4, int(cellH * 0.7))};
        w.confidence = (i % 7 == 3) ? 40.f : 92.f;
        w.block = r / 10;
        w.line = r;
        o.result.words.push_back(w);
    }
    EXPECT_TRUE((*store)->storeOutcomes({o}).ok());
    out.projectPath = project;
    out.document = jobs->front().documentId;
    out.page = o.pageId;
    return out;
}

} // namespace incidoc::test
