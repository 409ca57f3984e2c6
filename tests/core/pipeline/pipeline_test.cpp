// The pipeline end to end on generated PDFs: real Poppler, real Tesseract, a real project file.
#include "core/import/file_registration.h"
#include "core/pipeline/pipeline.h"
#include "core/storage/project_store.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "tests/support/pdf_factory.h"
#include "tests/support/temp_project.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

using Project = TempProject;

std::vector<PageJob> registerAndList(Project& p, const QStringList& files)
{
    auto store = p.store();
    const ImportReport report = registerFiles(*store, files);
    EXPECT_TRUE(report.storage.ok());
    auto jobs = store->jobs(PageStatus::Queued);
    EXPECT_TRUE(jobs.ok());
    return jobs ? *jobs : std::vector<PageJob>{};
}

PipelineStats runAll(Project& p, const std::vector<PageJob>& jobs, int threads = 2,
                     std::vector<PageProgress>* progress = nullptr)
{
    PipelineOptions options;
    options.jobs = threads;
    std::mutex m;
    auto pipeline = Pipeline::create(p.path(), options, [&](const PageProgress& pg) {
        std::lock_guard g(m);
        if (progress)
            progress->push_back(pg);
    });
    EXPECT_TRUE(pipeline.ok()) << (pipeline ? "" : qPrintable(pipeline.error().message));
    if (!pipeline)
        return {};
    (*pipeline)->enqueue(jobs);
    return (*pipeline)->wait();
}

QStringList wordsOf(const std::vector<GeneratedPage>& pages)
{
    QStringList all;
    for (const auto& page : pages)
        for (const auto& line : page.lines)
            all += line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return all;
}

QStringList storedWords(ProjectStore& store)
{
    QStringList all;
    auto docs = store.documents();
    for (const auto& d : *docs)
        for (const auto& page : *store.pages(d.id))
            for (const auto& w : *store.words(page.id))
                all += w.text;
    return all;
}

} // namespace

TEST(Pipeline, TextLayerPagesComeBackWordForWord)
{
    Project p;
    const auto pages = sampleParagraphPages(3, 7);
    const QString pdf = p.dir.filePath(QStringLiteral("text.pdf"));
    ASSERT_TRUE(writeTextPdf(pdf, pages));
    const auto stats = runAll(p, registerAndList(p, {pdf}));
    EXPECT_EQ(stats.done, 3);
    EXPECT_EQ(stats.failed, 0);
    auto store = p.store();
    EXPECT_EQ(storedWords(*store), wordsOf(pages));
    const auto summary = *store->summary();
    EXPECT_EQ(summary.textLayer, 3);
    EXPECT_EQ(summary.done, 3);
    // Boxes are inside the page and pages carry their pixel size at 300 dpi (Letter: 2550 x 3300).
    for (const auto& page : *store->pages(store->documents()->front().id)) {
        EXPECT_EQ(page.kind, PageKind::TextLayer);
        EXPECT_EQ(page.dpi, 300);
        EXPECT_NEAR(page.widthPx, 2550, 2);
        EXPECT_NEAR(page.heightPx, 3300, 2);
        for (const auto& w : *store->words(page.id)) {
            EXPECT_GE(w.box.x0, 0);
            EXPECT_LE(w.box.x1, page.widthPx);
            EXPECT_LT(w.box.y0, w.box.y1);
            EXPECT_EQ(w.source, WordSource::TextLayer);
            EXPECT_EQ(w.confidence.value_or(0), 100.0);
        }
    }
}

TEST(Pipeline, ScannedPagesAreOcredToAtLeast98PercentOfWords)
{
    Project p;
    const auto pages = sampleParagraphPages(2, 11);
    const QString pdf = p.dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(writeScannedPdf(pdf, pages, 300, 0.4, 8, 3));
    const auto stats = runAll(p, registerAndList(p, {pdf}));
    EXPECT_EQ(stats.done, 2);
    auto store = p.store();
    const QStringList truth = wordsOf(pages);
    QStringList got = storedWords(*store);
    // Multiset match: each truth word found once among the recognized words.
    int found = 0;
    for (const QString& w : truth) {
        const int at = got.indexOf(w);
        if (at >= 0) {
            ++found;
            got.removeAt(at);
        }
    }
    EXPECT_GE(found, static_cast<int>(0.98 * truth.size())) << found << " of " << truth.size();
    EXPECT_EQ(store->summary()->scanned, 2);
}

TEST(Pipeline, BlankPagesAreMarkedAndSkipped)
{
    Project p;
    std::vector<GeneratedPage> pages{GeneratedPage{{QStringLiteral("Officer Jane Morrow filed this report")}},
                                     GeneratedPage{{}}};
    const QString pdf = p.dir.filePath(QStringLiteral("blank.pdf"));
    ASSERT_TRUE(writeScannedPdf(pdf, pages, 200));
    const auto stats = runAll(p, registerAndList(p, {pdf}));
    EXPECT_EQ(stats.done, 2);
    auto store = p.store();
    const auto all = *store->pages(store->documents()->front().id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].kind, PageKind::Scanned);
    EXPECT_EQ(all[1].kind, PageKind::Blank);
    EXPECT_TRUE(store->words(all[1].id)->empty());
}

TEST(Pipeline, ARequestedPageJumpsTheQueue)
{
    Project p;
    const QString pdf = p.dir.filePath(QStringLiteral("many.pdf"));
    ASSERT_TRUE(writeTextPdf(pdf, sampleParagraphPages(12, 5)));
    const auto jobs = registerAndList(p, {pdf});
    ASSERT_EQ(jobs.size(), 12u);
    PipelineOptions options;
    options.jobs = 1;
    std::vector<PageId> order;
    std::mutex m;
    auto pipeline = Pipeline::create(p.path(), options, [&](const PageProgress& pg) {
        std::lock_guard g(m);
        order.push_back(pg.pageId);
    });
    ASSERT_TRUE(pipeline.ok());
    // With one thread, the first page may already be running when the request comes; the asked-for
    // page must be next.
    (*pipeline)->enqueue(jobs);
    (*pipeline)->prioritize(jobs.back().pageId);
    (*pipeline)->wait();
    ASSERT_EQ(order.size(), 12u);
    const auto at = std::find(order.begin(), order.end(), jobs.back().pageId) - order.begin();
    EXPECT_LE(at, 1);
}

TEST(Pipeline, CancelStopsPromptlyAndKeepsFinishedPages)
{
    Project p;
    const QString pdf = p.dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(writeScannedPdf(pdf, sampleParagraphPages(8, 2), 300));
    const auto jobs = registerAndList(p, {pdf});
    PipelineOptions options;
    options.jobs = 2;
    std::atomic<int> committed{0};
    auto pipeline = Pipeline::create(p.path(), options, [&](const PageProgress&) { ++committed; });
    ASSERT_TRUE(pipeline.ok());
    (*pipeline)->enqueue(jobs);
    while (committed.load() < 1)
        QThread::msleep(20);
    (*pipeline)->cancel();
    const auto stats = (*pipeline)->wait();
    EXPECT_GE(stats.done, 1);
    EXPECT_GE(stats.cancelled, 1);
    EXPECT_EQ(stats.done + stats.failed + stats.cancelled, 8);
    pipeline->reset();
    auto store = p.store();
    const auto s = *store->summary();
    EXPECT_EQ(s.done, stats.done);
    EXPECT_EQ(s.processing, 0); // nothing left claimed
    EXPECT_EQ(s.queued, 8 - stats.done - stats.failed);
}

TEST(Pipeline, AFailingPageIsRecordedAndTheOthersGoOn)
{
    Project p;
    const QString good = p.dir.filePath(QStringLiteral("good.pdf"));
    ASSERT_TRUE(writeTextPdf(good, sampleParagraphPages(2, 1)));
    const QString bad = p.dir.filePath(QStringLiteral("bad.pdf"));
    ASSERT_TRUE(writeTextPdf(bad, sampleParagraphPages(2, 2)));
    auto jobs = registerAndList(p, {good, bad});
    ASSERT_EQ(jobs.size(), 4u);
    // The file changes after import: its pages can no longer be read.
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("%PDF-1.4\nthis is no longer a PDF\n");
    f.close();
    const auto stats = runAll(p, jobs);
    EXPECT_EQ(stats.done, 2);
    EXPECT_EQ(stats.failed, 2);
    auto store = p.store();
    const auto failures = *store->failures();
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_FALSE(failures[0].reason.isEmpty());
}

TEST(Pipeline, OneProcessingRunPerProject)
{
    Project p;
    {
        auto s = p.store();
    }
    auto first = Pipeline::create(p.path(), {});
    ASSERT_TRUE(first.ok());
    auto second = Pipeline::create(p.path(), {});
    ASSERT_FALSE(second.ok());
    EXPECT_TRUE(second.error().message.contains(QStringLiteral("another Incidoc process")));
}

TEST(Pipeline, RedoingOcrKeepsWordsAPersonEdited)
{
    Project p;
    const QString pdf = p.dir.filePath(QStringLiteral("text.pdf"));
    ASSERT_TRUE(writeTextPdf(pdf, sampleParagraphPages(1, 3)));
    runAll(p, registerAndList(p, {pdf}));
    auto store = p.store();
    const PageId page = store->pages(store->documents()->front().id)->front().id;
    const auto before = *store->words(page);
    ASSERT_GT(before.size(), 5u);
    ASSERT_TRUE(store->updateWordText(before[2].id, QStringLiteral("CORRECTED")).ok());
    ASSERT_GT(*store->requeueAll(), 0);
    const auto stats = runAll(p, *store->jobs(PageStatus::Queued));
    EXPECT_EQ(stats.done, 1);
    const auto after = *store->words(page);
    EXPECT_EQ(after.size(), before.size());
    int corrected = 0;
    for (const auto& w : after)
        corrected += w.text == QLatin1String("CORRECTED");
    EXPECT_EQ(corrected, 1);
}

TEST(Pipeline, AScanWithAFewWordsOfTextLayerIsStillOcred)
{
    // A scanner that stamps "Scanned 2026-03-14 09:12" as real text on top of the page image.
    Project p;
    const auto pages = sampleParagraphPages(1, 17);
    const QString pdf = p.dir.filePath(QStringLiteral("stamped.pdf"));
    {
        QPdfWriter writer(pdf);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        QPainter painter(&writer);
        painter.drawImage(QRect(0, 0, 2550, 3300), renderTextImage(pages[0].lines, 300));
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
        painter.drawText(QPointF(100, 3200), QStringLiteral("Scanned 2026-03-14 09:12"));
    }
    const auto stats = runAll(p, registerAndList(p, {pdf}));
    EXPECT_EQ(stats.done, 1);
    auto store = p.store();
    const auto page = store->pages(store->documents()->front().id)->front();
    EXPECT_EQ(page.kind, PageKind::Scanned);
    EXPECT_GT(store->words(page.id)->size(), 150u);
}
