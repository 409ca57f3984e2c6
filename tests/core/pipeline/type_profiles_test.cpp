// Processing per document type: each document's pages are processed with its type's profile and the
// project records with what; changing a document's type or a type's profile processes again exactly the
// pages that differ, keeping what a person edited. Real Poppler, real Tesseract and PP-OCR, a real
// project file.
#include "core/import/file_registration.h"
#include "core/isolation/hosted_workplace.h"
#include "core/ocr/engine_pool.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/type_profiles.h"
#include "core/storage/project_store.h"

#include <QFileInfo>

#include <gtest/gtest.h>

#include "tests/support/missing_models_factory.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/qt_printers.h"
#include "tests/support/temp_project.h"
#include "tests/support/test_paths.h"
#include "tests/support/worker_support.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

/// The installed engines: Tesseract, and PP-OCR as the second reader (the build puts its models where
/// the tests find them).
std::shared_ptr<EnginePool> twoReaderPool()
{
    auto pool = std::make_shared<EnginePool>();
    for (const EngineInfo& e : pool->engines())
        EXPECT_TRUE(e.available) << e.name.toStdString() << ": " << e.reason.toStdString();
    return pool;
}

/// Registers one-page scanned PDFs (300 dpi), one document each; returns their ids in order.
std::vector<DocumentId> addScans(TempProject& p, int count)
{
    QStringList files;
    for (int i = 0; i < count; ++i) {
        const QString path = p.dir.filePath(QStringLiteral("scan%1.pdf").arg(i));
        EXPECT_TRUE(writeScannedPdf(path, sampleParagraphPages(1, 40 + i), 300));
        files << path;
    }
    auto store = p.store();
    EXPECT_TRUE(registerFiles(*store, files).storage.ok());
    std::vector<DocumentId> ids;
    for (const auto& d : *store->documents())
        ids.push_back(d.id);
    return ids;
}

PipelineStats runQueued(TempProject& p, const std::shared_ptr<EnginePool>& pool, const ProcessOptions& process = {},
                        std::shared_ptr<Workplace> workplace = {}, std::optional<RemoteOptions> remote = {})
{
    PipelineOptions options;
    options.jobs = 2;
    options.engines = pool;
    options.process = process;
    options.workplace = std::move(workplace);
    options.remote = std::move(remote);
    auto pipeline = Pipeline::create(p.path(), options);
    EXPECT_TRUE(pipeline.ok()) << (pipeline ? "" : qPrintable(pipeline.error().message));
    if (!pipeline)
        return {};
    (*pipeline)->enqueue(*p.store()->jobs(PageStatus::Queued));
    return (*pipeline)->wait();
}

/// A quick profile: Tesseract alone at 150 dpi reading a Sauvola-binarized page, words below 95 flagged.
TypeProfile fastSauvola()
{
    TypeProfile t;
    t.profile = QStringLiteral("fast");
    t.dpi = 150;
    t.binarize = QStringLiteral("sauvola");
    t.reviewThreshold = 95;
    return t;
}

PageRecord onlyPage(ProjectStore& store, DocumentId doc)
{
    auto pages = store.pages(doc);
    EXPECT_TRUE(pages && pages->size() == 1u);
    return pages && !pages->empty() ? pages->front() : PageRecord{};
}

QString recordedProfile(ProjectStore& store, DocumentId doc)
{
    auto rows = store.pageProfiles(ProfileScope::ofDocument(doc));
    return rows && !rows->empty() ? rows->front().processedWith : QString();
}

const QString kFastSauvolaKey =
    QStringLiteral("engines=tesseract*;profile=fast*;dpi=150*;binarize=sauvola*;review=95*");
const QString kBaseKey = QStringLiteral("engines=tesseract+ppocr;profile=accurate;dpi=300;binarize=none;review=-");

} // namespace

TEST(TypeProfiles, AProfileOverTheRunsOptions)
{
    const ProcessOptions base;
    const auto engines = twoReaderPool()->engines();
    const PageProcessing none = applyTypeProfile(base, {}, engines);
    EXPECT_EQ(none.key, kBaseKey);
    EXPECT_EQ(none.key, processingKey(base));
    EXPECT_TRUE(none.notes.isEmpty());
    EXPECT_FALSE(none.options.reviewThreshold);
    EXPECT_FALSE(none.options.ocrReadsBinarized);

    const PageProcessing fast = applyTypeProfile(base, fastSauvola(), engines, QStringLiteral("fax"));
    EXPECT_EQ(fast.key, kFastSauvolaKey);
    EXPECT_EQ(fast.options.engines, QStringLiteral("tesseract"));
    EXPECT_EQ(fast.options.profile, QStringLiteral("fast"));
    EXPECT_EQ(fast.options.render.dpi, 150);
    EXPECT_TRUE(fast.options.ocrReadsBinarized);
    EXPECT_EQ(fast.options.binarize.method, BinarizeMethod::Sauvola);
    EXPECT_EQ(fast.options.reviewThreshold.value_or(0), 95.f);
    EXPECT_EQ(fast.options.languages, base.languages); // what a profile does not set stays the run's

    // Only engines named: the run's fast/accurate stays.
    TypeProfile ppocr;
    ppocr.engines = QStringLiteral("tesseract+ppocr");
    ProcessOptions fastBase;
    fastBase.engines = QStringLiteral("tesseract");
    fastBase.profile = QStringLiteral("fast");
    EXPECT_EQ(applyTypeProfile(fastBase, ppocr, engines).key,
              QStringLiteral("engines=tesseract+ppocr*;profile=fast*;dpi=300;binarize=none;review=-"));
}

TEST(TypeProfiles, OnlyWhatATypeDecidesIsCompared)
{
    const ProcessOptions base;
    const auto engines = twoReaderPool()->engines();
    PageProfileRow row;
    row.status = PageStatus::Done;
    row.kind = PageKind::Scanned;
    row.dpi = 300;
    // Processed with the project's choice, no type now: nothing differs, even with other project settings.
    ProcessOptions other = base;
    other.render.dpi = 200;
    row.processedWith = processingKey(other);
    EXPECT_FALSE(processedDifferently(row, pageProcessing(row, base, engines), base));
    // Typed now with a profile: what it sets is compared.
    row.type = QStringLiteral("fax");
    row.profileJson = QStringLiteral(R"({"profile": "fast", "dpi": 150})");
    EXPECT_TRUE(processedDifferently(row, pageProcessing(row, base, engines), base));
    // A page with a text layer only depends on the DPI; a page of an image file never on it.
    row.kind = PageKind::TextLayer;
    row.processedWith = kBaseKey;
    row.profileJson = QStringLiteral(R"({"profile": "fast"})");
    EXPECT_FALSE(processedDifferently(row, pageProcessing(row, base, engines), base));
    row.profileJson = QStringLiteral(R"({"dpi": 150})");
    EXPECT_TRUE(processedDifferently(row, pageProcessing(row, base, engines), base));
    row.kind = PageKind::Scanned;
    row.documentKind = DocumentKind::Image;
    EXPECT_FALSE(processedDifferently(row, pageProcessing(row, base, engines), base));
    // A page with words a person edited or drew keeps its DPI, so it is not processed again for the DPI.
    row.documentKind = DocumentKind::Pdf;
    row.hasPersonWords = true;
    const PageProcessing kept = pageProcessing(row, base, engines);
    EXPECT_EQ(kept.options.render.dpi, 300);
    EXPECT_FALSE(processedDifferently(row, kept, base));
}

/// Two documents: a fax (fastSauvola) and an incident report (no profile: the project's choice).
std::vector<DocumentId> faxAndReport(TempProject& p)
{
    const auto docs = addScans(p, 2);
    EXPECT_EQ(docs.size(), 2u);
    auto store = p.store();
    EXPECT_TRUE(store->setTypeProfile(QStringLiteral("fax"), fastSauvola()).ok());
    EXPECT_TRUE(store->setDocumentType(docs[0], QStringLiteral("fax"), TypeSource::User).ok());
    EXPECT_TRUE(store->setDocumentType(docs[1], QStringLiteral("incident_report"), TypeSource::User).ok());
    return docs;
}

/// The fax read fast at 150 dpi with its words below 95 flagged; the report at 300 dpi by two readers.
void expectEachWithItsProfile(TempProject& p, const std::vector<DocumentId>& docs)
{
    ASSERT_EQ(docs.size(), 2u);
    auto store = p.store();

    const PageRecord fax = onlyPage(*store, docs[0]);
    EXPECT_EQ(fax.dpi, 150);
    EXPECT_NEAR(fax.widthPx, 1275, 2);
    EXPECT_FALSE(fax.engine.contains(QLatin1String(" + "))) << fax.engine; // Tesseract alone
    EXPECT_EQ(recordedProfile(*store, docs[0]), kFastSauvolaKey);
    const auto faxWords = *store->words(fax.id);
    ASSERT_GT(faxWords.size(), 20u);
    int flagged = 0;
    for (const WordRecord& w : faxWords) {
        EXPECT_EQ(w.engine, QStringLiteral("tesseract"));
        EXPECT_TRUE(w.alternatives.empty());
        EXPECT_EQ(w.flagged, w.confidence.value_or(0) < 95.0) << w.text.toStdString() << " " << *w.confidence;
        flagged += w.flagged;
    }
    EXPECT_GT(flagged, 0); // 95 is strict: some words of a 150-dpi page are below it

    const PageRecord report = onlyPage(*store, docs[1]);
    EXPECT_EQ(report.dpi, 300);
    EXPECT_NEAR(report.widthPx, 2550, 2);
    EXPECT_TRUE(report.engine.contains(QLatin1String(" + "))) << report.engine; // two readers
    EXPECT_EQ(recordedProfile(*store, docs[1]), kBaseKey);
    EXPECT_TRUE(report.error.isEmpty()) << report.error;
}

TEST(TypeProfiles, EachDocumentIsProcessedWithItsTypesProfile)
{
    TempProject p;
    const auto docs = faxAndReport(p);
    EXPECT_EQ(runQueued(p, twoReaderPool()).done, 2);
    expectEachWithItsProfile(p, docs);
}

TEST(TypeProfiles, InPageHostsToo)
{
    TempProject p;
    const auto docs = faxAndReport(p);
    PageHostOptions hosts;
    hosts.program = builtProgram(QStringLiteral("bin/incidoc-page-host"));
    ASSERT_TRUE(QFileInfo::exists(hosts.program)) << hosts.program;
    EXPECT_EQ(runQueued(p, twoReaderPool(), {}, std::make_shared<HostedWorkplace>(hosts)).done, 2);
    expectEachWithItsProfile(p, docs);
}

TEST(TypeProfiles, WithOcrWorkersToo)
{
    TempProject p;
    const auto docs = faxAndReport(p);
    QString error;
    auto worker = WorkerProcess::start({QStringLiteral("--threads"), QStringLiteral("2")}, &error);
    ASSERT_TRUE(worker) << error;
    RemoteOptions remote;
    remote.workers = worker->address();
    EXPECT_EQ(runQueued(p, twoReaderPool(), {}, {}, remote).done, 2);
    expectEachWithItsProfile(p, docs);
    EXPECT_TRUE(worker->log().contains(QLatin1String("doc "))) << worker->log(); // the worker read them
}

TEST(TypeProfiles, APageReadAgainWithItsOwnSettingsKeepsItsTypesEngines)
{
    TempProject p;
    const auto docs = faxAndReport(p);
    const auto pool = twoReaderPool();
    PipelineOptions options;
    options.engines = pool;
    auto pipeline = Pipeline::create(p.path(), options);
    ASSERT_TRUE(pipeline.ok());
    const auto jobs = *p.store()->jobs(PageStatus::Queued);
    ASSERT_EQ(jobs.size(), 2u);
    // The fax's page read alone at 200 dpi (someone chose it for this page): the type's engines,
    // binarization and threshold, the chosen DPI.
    ProcessOptions chosen;
    chosen.render.dpi = 200;
    (*pipeline)->runAlone(jobs[0], chosen);
    EXPECT_EQ((*pipeline)->wait().done, 1);
    pipeline->reset();
    auto store = p.store();
    const PageRecord page = onlyPage(*store, docs[0]);
    EXPECT_EQ(page.dpi, 200);
    EXPECT_FALSE(page.engine.contains(QLatin1String(" + "))) << page.engine;
    EXPECT_EQ(recordedProfile(*store, docs[0]),
              QStringLiteral("engines=tesseract*;profile=fast*;dpi=200*;binarize=sauvola*;review=95*"));
    for (const WordRecord& w : *store->words(page.id))
        EXPECT_EQ(w.flagged, w.confidence.value_or(0) < 95.0);
}

TEST(TypeProfiles, ChangingATypeProcessesAgainOnlyWhatDiffersAndKeepsEdits)
{
    TempProject p;
    const auto docs = addScans(p, 2);
    ASSERT_EQ(docs.size(), 2u);
    const auto pool = twoReaderPool();
    const ProcessOptions base;
    {
        auto store = p.store();
        ASSERT_TRUE(store->setTypeProfile(QStringLiteral("fax"), fastSauvola()).ok());
        ASSERT_TRUE(store->setDocumentType(docs[0], QStringLiteral("fax"), TypeSource::User).ok());
    }
    EXPECT_EQ(runQueued(p, pool).done, 2);

    WordId edited = 0;
    {
        auto store = p.store();
        const PageRecord page = onlyPage(*store, docs[1]);
        const auto words = *store->words(page.id);
        ASSERT_FALSE(words.empty());
        edited = words.front().id;
        ASSERT_TRUE(store->updateWordText(edited, QStringLiteral("Corrected")).ok());
        // Nothing changed yet: nothing to process again.
        EXPECT_EQ(*requeueForProfiles(*store, base, pool->engines()), 0);
        // The second document becomes a fax: its page only.
        ASSERT_TRUE(store->setDocumentType(docs[1], QStringLiteral("fax"), TypeSource::User).ok());
        EXPECT_EQ(*requeueForProfiles(*store, base, pool->engines(), ProfileScope::ofDocument(docs[1])), 1);
        EXPECT_EQ(onlyPage(*store, docs[0]).status, PageStatus::Done);
        EXPECT_EQ(onlyPage(*store, docs[1]).status, PageStatus::Queued);
    }
    const PipelineStats again = runQueued(p, pool);
    EXPECT_EQ(again.queued, 1);
    EXPECT_EQ(again.done, 1);
    {
        auto store = p.store();
        const PageRecord page = onlyPage(*store, docs[1]);
        EXPECT_EQ(page.status, PageStatus::Done);
        // Its edited word is kept, in the pixel grid it was made in: the page keeps its 300 dpi.
        EXPECT_EQ(page.dpi, 300);
        EXPECT_FALSE(page.engine.contains(QLatin1String(" + "))) << page.engine;
        EXPECT_EQ(recordedProfile(*store, docs[1]),
                  QStringLiteral("engines=tesseract*;profile=fast*;dpi=300*;binarize=sauvola*;review=95*"));
        bool found = false;
        for (const WordRecord& w : *store->words(page.id)) {
            if (w.id == edited) {
                found = true;
                EXPECT_EQ(w.text, QStringLiteral("Corrected"));
                EXPECT_TRUE(w.edited);
            } else {
                EXPECT_EQ(w.engine, QStringLiteral("tesseract"));
                EXPECT_EQ(w.flagged, w.confidence.value_or(0) < 95.0);
            }
        }
        EXPECT_TRUE(found);
        // Done as asked: nothing more; the same profile set again changes nothing.
        EXPECT_EQ(*requeueForProfiles(*store, base, pool->engines()), 0);
        ASSERT_TRUE(store->setTypeProfile(QStringLiteral("fax"), fastSauvola()).ok());
        EXPECT_EQ(*requeueForProfiles(*store, base, pool->engines(), ProfileScope::ofType(QStringLiteral("fax"))), 0);
        // Back to no type: processed again, with the project's options.
        ASSERT_TRUE(store->setDocumentType(docs[0], {}, TypeSource::None).ok());
        EXPECT_EQ(*requeueForProfiles(*store, base, pool->engines(), ProfileScope::ofDocument(docs[0])), 1);
        // A type's profile changed: the pages of its documents.
        TypeProfile looser = fastSauvola();
        looser.reviewThreshold = 60;
        ASSERT_TRUE(store->setTypeProfile(QStringLiteral("fax"), looser).ok());
        EXPECT_EQ(*requeueForProfiles(*store, base, pool->engines(), ProfileScope::ofType(QStringLiteral("fax"))), 1);
        EXPECT_EQ(onlyPage(*store, docs[1]).status, PageStatus::Queued);
    }
}

TEST(TypeProfiles, NoTypeOrAnEmptyProfileIsTheProjectsChoice)
{
    TempProject p;
    const auto docs = addScans(p, 2);
    ASSERT_EQ(docs.size(), 2u);
    const auto pool = twoReaderPool();
    {
        auto store = p.store(); // a type whose profile is empty
        ASSERT_TRUE(store->setDocumentType(docs[1], QStringLiteral("narrative"), TypeSource::Predicted, 0.4).ok());
    }
    EXPECT_EQ(runQueued(p, pool).done, 2);
    auto store = p.store();
    for (DocumentId doc : docs) {
        const PageRecord page = onlyPage(*store, doc);
        EXPECT_EQ(page.dpi, 300);
        EXPECT_TRUE(page.engine.contains(QLatin1String(" + "))) << page.engine;
        EXPECT_TRUE(page.error.isEmpty()) << page.error;
        EXPECT_EQ(recordedProfile(*store, doc), kBaseKey);
        for (const WordRecord& w : *store->words(page.id))
            EXPECT_TRUE(w.engine == QLatin1String("tesseract") || w.engine == QLatin1String("ppocr"));
    }
    EXPECT_EQ(*requeueForProfiles(*store, {}, pool->engines()), 0);
    ASSERT_TRUE(store->setDocumentType(docs[0], QStringLiteral("witness_statement"), TypeSource::User).ok());
    EXPECT_EQ(*requeueForProfiles(*store, {}, pool->engines(), ProfileScope::ofDocument(docs[0])), 0);
    EXPECT_EQ(*typeProfileNotes(*store, {}, pool->engines()), QStringList{});
}

TEST(TypeProfiles, AProfileThatDoesNotReadFallsBackToTheProjectsChoice)
{
    TempProject p;
    const auto docs = addScans(p, 1);
    ASSERT_EQ(docs.size(), 1u);
    const auto pool = twoReaderPool();
    const QString why = QStringLiteral("type \"fax\": its profile cannot be read (dpi: 5000 is not between 50 and "
                                       "1200): the project's settings apply");
    {
        auto store = p.store();
        TypeProfile broken;
        broken.dpi = 5000; // stored as it is (as a hand-edited file could have it)
        ASSERT_TRUE(store->setTypeProfile(QStringLiteral("fax"), broken).ok());
        ASSERT_TRUE(store->setDocumentType(docs[0], QStringLiteral("fax"), TypeSource::User).ok());
        EXPECT_EQ(*typeProfileNotes(*store, {}, pool->engines()), QStringList{why});
    }
    EXPECT_EQ(runQueued(p, pool).done, 1);
    auto store = p.store();
    const PageRecord page = onlyPage(*store, docs[0]);
    EXPECT_EQ(page.status, PageStatus::Done);
    EXPECT_EQ(page.dpi, 300);
    EXPECT_EQ(page.error, why);
    EXPECT_EQ(recordedProfile(*store, docs[0]), kBaseKey);
}

TEST(TypeProfiles, PpocrMissingFallsBackToTesseractWithANote)
{
    TempProject p;
    const auto docs = addScans(p, 1);
    ASSERT_EQ(docs.size(), 1u);
    auto pool = std::make_shared<EnginePool>();
    pool->registerEngine(QStringLiteral("ppocr"), std::make_shared<MissingModelsFactory>());
    // The project reads fast here (no PP-OCR); the type asks for accurate.
    ProcessOptions base;
    base.engines = QStringLiteral("tesseract");
    base.profile = QStringLiteral("fast");
    {
        auto store = p.store();
        TypeProfile accurate;
        accurate.profile = QStringLiteral("accurate");
        ASSERT_TRUE(store->setTypeProfile(QStringLiteral("photo"), accurate).ok());
        ASSERT_TRUE(store->setDocumentType(docs[0], QStringLiteral("photo"), TypeSource::User).ok());
    }
    EXPECT_EQ(runQueued(p, pool, base).done, 1);
    auto store = p.store();
    const PageRecord page = onlyPage(*store, docs[0]);
    EXPECT_EQ(page.status, PageStatus::Done);
    EXPECT_FALSE(page.engine.contains(QLatin1String(" + "))) << page.engine;
    EXPECT_EQ(page.error, QStringLiteral("type \"photo\": ppocr is not available (model file "
                                         "ch_PP-OCRv4_det_infer.onnx is missing): Tesseract reads alone"));
    for (const WordRecord& w : *store->words(page.id))
        EXPECT_EQ(w.engine, QStringLiteral("tesseract"));
    EXPECT_EQ(recordedProfile(*store, docs[0]),
              QStringLiteral("engines=tesseract*;profile=accurate*;dpi=300;binarize=none;review=-"));
}
