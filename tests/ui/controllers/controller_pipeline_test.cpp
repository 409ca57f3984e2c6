// PipelineController on real files through the real core: import in the background, pages reported
// (and readable from the session) as they are committed, pause keeps the rest queued, resume finishes
// them, re-OCR of a page keeps a word a person edited, a document given a type is processed again with
// its type's profile; and the same through the main window.
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"
#include "ui/view/page_view.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "tests/support/pdf_factory.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

std::vector<test::GeneratedPage> pages(int n)
{
    return test::sampleParagraphPages(n, 11);
}

PipelineOptions twoJobs()
{
    PipelineOptions o;
    o.jobs = 2;
    o.process.render.dpi = 200;
    return o;
}

TEST(PipelineControllerTest, ImportShowsPagesAsTheyFinish)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, pages(3), 200));
    auto s = ProjectSession::open(dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), incidoc::makeLocalWorkplace());
    controller.setOptions(twoJobs());
    QSignalSpy processed(&controller, &PipelineController::pageProcessed);
    QSignalSpy imported(&controller, &PipelineController::importFinished);
    QSignalSpy wordsChanged(session.get(), &ProjectSession::wordsChanged);

    controller.importPaths({pdf});
    EXPECT_TRUE(controller.isImporting()); // registering runs on a worker: the call returned at once
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 30000));
    EXPECT_EQ(imported.first().at(1).toInt(), 1);
    EXPECT_EQ(controller.state(), PipelineController::State::Running);
    EXPECT_EQ(controller.pagesTotal(), 3);

    // The first page is readable from the session as soon as it is reported, before the others.
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() >= 1; }, 120000));
    const PageId first = processed.first().at(0).value<PageId>();
    EXPECT_FALSE(session->words(first).empty());
    EXPECT_EQ(session->page(first)->status, PageStatus::Done);
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
    EXPECT_EQ(processed.count(), 3);
    EXPECT_EQ(controller.pagesDone(), 3);
    EXPECT_GE(wordsChanged.count(), 3);
    EXPECT_GT(controller.pagesPerSecond(), 0.0);
    for (const auto& p : session->pages(session->documents().front().id))
        EXPECT_EQ(p.status, PageStatus::Done);
}

TEST(PipelineControllerTest, ImportTakesTheAnnotationsBesideTheImagesAndReportsABrokenOne)
{
    QTemporaryDir dir;
    const QString funsd = test::testData(QStringLiteral("funsd/training_data"));
    ASSERT_TRUE(QFile::copy(funsd + QStringLiteral("/images/0000971160.png"), dir.filePath(QStringLiteral("a.png"))));
    ASSERT_TRUE(
        QFile::copy(funsd + QStringLiteral("/annotations/0000971160.json"), dir.filePath(QStringLiteral("a.json"))));
    ASSERT_TRUE(QFile::copy(funsd + QStringLiteral("/images/92094746.png"), dir.filePath(QStringLiteral("b.png"))));
    {
        QFile broken(dir.filePath(QStringLiteral("b.json")));
        ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
        broken.write("{\"form\": [{\"id\": 0, \"text\": \"x\"");
    }
    auto s = ProjectSession::open(dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), incidoc::makeLocalWorkplace());
    controller.setOptions(twoJobs());
    QSignalSpy imported(&controller, &PipelineController::importFinished);
    QSignalSpy formChanged(session.get(), &ProjectSession::formChanged);
    controller.importPaths({dir.filePath(QStringLiteral("a.png")), dir.filePath(QStringLiteral("b.png"))});
    ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() == 1; }, 30000));
    const QString summary = imported.first().at(0).toString();
    EXPECT_TRUE(summary.contains(QStringLiteral("1 annotation file(s) imported"))) << qPrintable(summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("b.json"))) << qPrintable(summary);
    EXPECT_EQ(formChanged.count(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
    for (const DocumentRecord& d : session->documents()) {
        const PageRecord page = session->pages(d.id).front();
        EXPECT_EQ(page.status, PageStatus::Done) << qPrintable(d.name);
        const PageForm form = session->form(page.id);
        if (d.name == QLatin1String("a.png")) {
            EXPECT_EQ(form.entities.size(), 24u);
            EXPECT_EQ(form.links.size(), 10u);
            EXPECT_EQ(page.engine, QStringLiteral("import:funsd"));
        } else {
            EXPECT_TRUE(form.entities.empty()); // refused: read by OCR, as any image
            EXPECT_FALSE(session->words(page.id).empty());
        }
    }
}

TEST(PipelineControllerTest, PauseKeepsTheRestQueuedAndResumeFinishesThem)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, pages(6), 200));
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    auto s = ProjectSession::open(project);
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), incidoc::makeLocalWorkplace());
    PipelineOptions one = twoJobs();
    one.jobs = 1;
    controller.setOptions(one);
    QSignalSpy processed(&controller, &PipelineController::pageProcessed);
    controller.importPaths({pdf});
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() >= 1; }, 120000));
    controller.pause();
    EXPECT_EQ(controller.state(), PipelineController::State::Paused);
    // Let the page that was in flight settle, then nothing more may be processed.
    QTest::qWait(3000);
    const int settled = processed.count();
    QTest::qWait(4000);
    EXPECT_EQ(processed.count(), settled);
    EXPECT_LT(settled, 6);
    {
        auto store = ProjectStore::open(project, OpenMode::ReadOnly);
        auto queued = (*store)->jobs(PageStatus::Queued);
        ASSERT_TRUE(queued.ok());
        EXPECT_EQ(static_cast<int>(queued->size()), 6 - settled); // nothing lost, nothing left `processing`
    }
    controller.resume();
    EXPECT_EQ(controller.state(), PipelineController::State::Running);
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 240000));
    for (const auto& p : session->pages(session->documents().front().id))
        EXPECT_EQ(p.status, PageStatus::Done) << p.number;
    EXPECT_EQ(controller.pagesDone(), 6);
}

TEST(PipelineControllerTest, ReOcrKeepsAWordAPersonEdited)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, pages(1), 200));
    auto s = ProjectSession::open(dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), incidoc::makeLocalWorkplace());
    controller.setOptions(twoJobs());
    QSignalSpy processed(&controller, &PipelineController::pageProcessed);
    controller.importPaths({pdf});
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() == 1; }, 120000));
    const PageId page = processed.first().at(0).value<PageId>();
    const WordRecord w = session->words(page).at(3);
    ASSERT_TRUE(session->setWordText(w.id, QStringLiteral("EDITED")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 10000));

    controller.reprocessPage(page);
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() == 2; }, 120000));
    const auto after = session->words(page);
    auto it =
        std::find_if(after.begin(), after.end(), [](const WordRecord& r) { return r.text == QLatin1String("EDITED"); });
    ASSERT_NE(it, after.end());
    EXPECT_EQ(it->box, w.box);
    EXPECT_GT(after.size(), 20u);
}

TEST(PipelineControllerTest, ReOcrWithSettingsReadsThePageAloneAtItsOwnDpi)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, pages(3), 200));
    auto s = ProjectSession::open(dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), incidoc::makeLocalWorkplace());
    controller.setOptions(twoJobs());
    QSignalSpy processed(&controller, &PipelineController::pageProcessed);
    controller.importPaths({pdf});
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() >= 1; }, 120000));
    // Asked while the run goes on: the page is read alone at 150 dpi (the run's pages at 200).
    const PageId page = processed.first().at(0).value<PageId>();
    controller.reprocessPage(page, QStringLiteral("eng"), 150);
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 180000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session->page(page)->dpi == 150; }, 60000));
    EXPECT_FALSE(session->words(page).empty());
    for (const auto& p : session->pages(session->documents().front().id)) {
        EXPECT_EQ(p.status, PageStatus::Done) << p.number;
        if (p.id != page) {
            EXPECT_EQ(p.dpi, 200) << p.number;
        }
    }
}

TEST(PipelineControllerTest, ADocumentGivenATypeIsProcessedAgainWithItsProfile)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, pages(2), 200));
    auto s = ProjectSession::open(dir.filePath(QStringLiteral("p.incidoc")));
    ASSERT_TRUE(s.ok());
    auto session = std::move(s).value();
    PipelineController controller(session.get(), incidoc::makeLocalWorkplace());
    controller.setOptions(twoJobs());
    QSignalSpy processed(&controller, &PipelineController::pageProcessed);
    controller.importPaths({pdf});
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() == 2; }, 120000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 10000));
    const DocumentId doc = session->documents().front().id;
    // No type yet, or a type without a profile: nothing to do again.
    EXPECT_EQ(controller.reprocessForProfiles(ProfileScope::ofDocument(doc)), 0);

    TypeProfile fast;
    fast.profile = QStringLiteral("fast");
    fast.dpi = 150;
    ASSERT_TRUE(session->store().setTypeProfile(QStringLiteral("fax"), fast).ok());
    ASSERT_TRUE(session->store().setDocumentType(doc, QStringLiteral("fax"), TypeSource::User).ok());
    EXPECT_EQ(controller.reprocessForProfiles(ProfileScope::ofDocument(doc)), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return processed.count() == 4; }, 120000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return controller.state() == PipelineController::State::Idle; }, 10000));
    for (const auto& p : session->pages(doc)) {
        EXPECT_EQ(p.status, PageStatus::Done) << p.number;
        EXPECT_EQ(p.dpi, 150) << p.number;
        EXPECT_FALSE(p.engine.contains(QLatin1String(" + "))) << p.engine.toStdString();
        EXPECT_FALSE(session->words(p.id).empty());
    }
    EXPECT_EQ(controller.reprocessForProfiles(ProfileScope::ofType(QStringLiteral("fax"))), 0);
}

TEST(PipelineControllerTest, MainWindowImportShowsTheFirstPageWithItsBoxes)
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(test::writeScannedPdf(pdf, pages(2), 200));
    MainWindow window(incidoc::makeLocalWorkplace());
    window.show();
    ASSERT_TRUE(window.newProject(dir.filePath(QStringLiteral("new"))));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("new.incidoc"))));
    window.importPaths({pdf});
    // The document appears, then its first page's boxes appear in the page view once it is processed.
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.documentsModel()->rowCount() == 1; }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.pageView()->wordItemCount() > 20; }, 120000));
    EXPECT_EQ(window.pageView()->page().number, 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.pipeline()->state() == PipelineController::State::Idle; }, 120000));
    QTest::qWait(300); // the list refresh is coalesced
    EXPECT_EQ(window.documentsModel()
                  ->data(window.documentsModel()->index(0, DocumentsModel::Pages), Qt::DisplayRole)
                  .toString(),
              QStringLiteral("2 / 2"));
}

} // namespace
