// `incidoc-cli ocr` as a user runs it on a project whose documents have types: the page hosts process each
// document's pages with its type's profile, and a type whose stored profile cannot be applied is named
// (stderr, and `notes` in --json) while its pages are processed with the project's choice.
#include "core/pipeline/type_profiles.h"
#include "core/storage/project_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

TEST(CliProfiles, OcrProcessesEachDocumentWithItsTypesProfile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("cases.incidoc"));
    const QString fax = dir.filePath(QStringLiteral("fax.pdf")), form = dir.filePath(QStringLiteral("form.pdf")),
                  odd = dir.filePath(QStringLiteral("odd.pdf"));
    ASSERT_TRUE(writeScannedPdf(fax, sampleParagraphPages(1, 21), 300));
    ASSERT_TRUE(writeScannedPdf(form, sampleParagraphPages(1, 22), 300));
    ASSERT_TRUE(writeScannedPdf(odd, sampleParagraphPages(1, 23), 300));
    const CliRun import = runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("--no-ocr"),
                                  QStringLiteral("-p"), project, fax, form, odd});
    ASSERT_EQ(import.exitCode, 0) << qPrintable(import.err);
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        auto docs = *(*store)->documents();
        ASSERT_EQ(docs.size(), 3u);
        TypeProfile quick;
        quick.profile = QStringLiteral("fast");
        quick.dpi = 150;
        quick.reviewThreshold = 90;
        ASSERT_TRUE((*store)->setTypeProfile(QStringLiteral("fax"), quick).ok());
        TypeProfile broken;
        broken.engines = QStringLiteral("abbyy"); // stored as it is, as a hand-edited file could have it
        ASSERT_TRUE((*store)->setTypeProfile(QStringLiteral("other"), broken).ok());
        ASSERT_TRUE((*store)->setDocumentType(docs[0].id, QStringLiteral("fax"), TypeSource::User).ok());
        ASSERT_TRUE((*store)->setDocumentType(docs[2].id, QStringLiteral("other"), TypeSource::Predicted, 0.7).ok());
    }
    const CliRun ocr = runCli({QStringLiteral("ocr"), QStringLiteral("--json"), QStringLiteral("--jobs"),
                               QStringLiteral("2"), QStringLiteral("-p"), project});
    ASSERT_EQ(ocr.exitCode, 0) << qPrintable(ocr.err);
    const QJsonObject report = QJsonDocument::fromJson(ocr.out.toUtf8()).object();
    EXPECT_EQ(report.value(QStringLiteral("pages")).toObject().value(QStringLiteral("done")).toInt(), 3);
    const QString note = QStringLiteral("type \"other\": its profile cannot be read (engines: \"abbyy\" is not "
                                        "tesseract, ppocr or tesseract+ppocr): the project's settings apply");
    EXPECT_TRUE(report.value(QStringLiteral("notes")).toArray().contains(note)) << qPrintable(ocr.out);

    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok());
    auto docs = *(*store)->documents();
    const PageRecord faxPage = (*store)->pages(docs[0].id)->front();
    EXPECT_EQ(faxPage.dpi, 150);
    EXPECT_FALSE(faxPage.engine.contains(QLatin1String(" + "))) << qPrintable(faxPage.engine);
    for (const WordRecord& w : *(*store)->words(faxPage.id))
        EXPECT_EQ(w.flagged, w.confidence.value_or(0) < 90.0);
    for (const DocumentRecord& d : {docs[1], docs[2]}) {
        const PageRecord page = (*store)->pages(d.id)->front();
        EXPECT_EQ(page.dpi, 300);
    }
    EXPECT_EQ((*store)->pages(docs[2].id)->front().error, note);
    EXPECT_EQ((*store)->pageProfiles(ProfileScope::ofDocument(docs[0].id))->front().processedWith,
              QStringLiteral("engines=tesseract*;profile=fast*;dpi=150*;binarize=none;review=90*"));
}

// A document nobody typed gets its type predicted after its first page (learned from the two typed
// ones), and its page is processed again with that type's profile in the same run.
TEST(CliProfiles, ATypePredictedAfterTheFirstPageBringsItsProfile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("cases.incidoc"));
    const QString fax = dir.filePath(QStringLiteral("fax.pdf")), sheet = dir.filePath(QStringLiteral("sheet.pdf")),
                  next = dir.filePath(QStringLiteral("next-fax.pdf"));
    ASSERT_TRUE(writeScannedPdf(fax, sampleParagraphPages(1, 21), 300));
    ASSERT_TRUE(writeScannedPdf(sheet, sampleParagraphPages(1, 57), 200));
    ASSERT_TRUE(writeScannedPdf(next, sampleParagraphPages(1, 21), 299)); // the same page, other bytes
    const CliRun first = runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("--no-ocr"),
                                 QStringLiteral("-p"), project, fax, sheet});
    ASSERT_EQ(first.exitCode, 0) << qPrintable(first.err);
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        auto docs = *(*store)->documents();
        ASSERT_EQ(docs.size(), 2u);
        TypeProfile quick;
        quick.profile = QStringLiteral("fast");
        quick.dpi = 150;
        ASSERT_TRUE((*store)->setTypeProfile(QStringLiteral("fax"), quick).ok());
        ASSERT_TRUE((*store)->setDocumentType(docs[0].id, QStringLiteral("fax"), TypeSource::User).ok());
        ASSERT_TRUE((*store)->setDocumentType(docs[1].id, QStringLiteral("narrative"), TypeSource::User).ok());
    }
    const CliRun ocr = runCli({QStringLiteral("ocr"), QStringLiteral("-q"), QStringLiteral("-p"), project});
    ASSERT_EQ(ocr.exitCode, 0) << qPrintable(ocr.err);

    const CliRun import = runCli({QStringLiteral("import"), QStringLiteral("--json"), QStringLiteral("--profile"),
                                  QStringLiteral("fast"), QStringLiteral("-p"), project, next});
    ASSERT_EQ(import.exitCode, 0) << qPrintable(import.err);
    const QJsonObject report = QJsonDocument::fromJson(import.out.toUtf8()).object();
    EXPECT_EQ(report.value(QStringLiteral("types_predicted")).toInt(), 1) << qPrintable(import.out);

    auto store = ProjectStore::open(project);
    ASSERT_TRUE(store.ok());
    auto docs = *(*store)->documents();
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(docs[2].type, QStringLiteral("fax"));
    EXPECT_EQ(docs[2].typeSource, TypeSource::Predicted);
    ASSERT_TRUE(docs[2].typeConfidence.has_value());
    const PageRecord page = (*store)->pages(docs[2].id)->front();
    EXPECT_EQ(page.status, PageStatus::Done);
    EXPECT_EQ(page.dpi, 150) << "processed again with the predicted type's profile";
    const QString with = (*store)->pageProfiles(ProfileScope::ofDocument(docs[2].id))->front().processedWith;
    EXPECT_TRUE(with.startsWith(QStringLiteral("engines=tesseract*;profile=fast*;dpi=150*"))) << qPrintable(with);
}

} // namespace
