// `incidoc-cli capture` as a user runs it, on videos generated at test time (tests/core/capture/capture_videos.h):
// a page held still in a video becomes a page of a capture document, read by real Tesseract; two pages, two
// captures; what is not a video, and no camera, are said clearly with exit status 2 and change nothing; Ctrl+C
// ends the session keeping what was captured.
#include "core/storage/project_store.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <signal.h>

#include "tests/core/capture/capture_videos.h"
#include "tests/support/cli_runner.h"

namespace incidoc {
namespace {

using test::CliRun;
using test::runCli;

class CliCaptureTest : public test::VideoSuite {
protected:
    void SetUp() override
    {
        VideoSuite::SetUp();
        ASSERT_TRUE(m_dir.isValid());
    }
    QString project() const { return m_dir.filePath(QStringLiteral("cases.incidoc")); }
    CliRun capture(const QString& from, const QStringList& extra = {})
    {
        return runCli(
            QStringList{QStringLiteral("capture"), QStringLiteral("-p"), project(), QStringLiteral("--from"), from}
            + extra);
    }
    std::vector<DocumentRecord> documents()
    {
        auto store = ProjectStore::open(project(), OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        if (!store)
            return {};
        auto docs = (*store)->documents();
        return docs ? *docs : std::vector<DocumentRecord>{};
    }

    QTemporaryDir m_dir;
};

TEST_F(CliCaptureTest, APageHeldStillInAVideoIsCapturedAndRead)
{
    const QString video = m_videos.movingInSteadyAway(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const CliRun r = capture(video, {QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
    ASSERT_EQ(out.value(QStringLiteral("pages_captured")).toInt(), 1) << qPrintable(r.out);
    const QJsonArray captures = out.value(QStringLiteral("captures")).toArray();
    ASSERT_EQ(captures.size(), 1);
    const qint64 at = captures[0].toObject().value(QStringLiteral("time_ms")).toInteger();
    EXPECT_GE(at, 1700) << "after 700 ms of the page held still from 1.0 s";
    EXPECT_LE(at, 2500) << "before it moves away at 2.5 s";
    EXPECT_LE(out.value(QStringLiteral("frames_analysed")).toInt(), 46) << "at most ~10 frames a second of video";
    const QString file = out.value(QStringLiteral("document")).toString();
    EXPECT_EQ(QFileInfo(file).absolutePath(), project() + QStringLiteral(".captures"));
    EXPECT_EQ(QImageReader(file, "tiff").imageCount(), 1);

    // The page was processed like an import's, and its words are the page's.
    auto store = ProjectStore::open(project(), OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    auto pages = (*store)->pages(out.value(QStringLiteral("document_id")).toInteger());
    ASSERT_TRUE(pages.ok());
    ASSERT_EQ(pages->size(), 1u);
    EXPECT_EQ(pages->front().status, PageStatus::Done) << qPrintable(pages->front().error);
    ASSERT_TRUE(pages->front().photo.has_value());
    EXPECT_EQ(pages->front().photo->state, PhotoState::Flattened) << "the page found in the frame is read flattened";
    auto words = (*store)->words(pages->front().id);
    ASSERT_TRUE(words.ok());
    QStringList texts;
    for (const WordRecord& w : *words)
        texts << w.text.toLower();
    EXPECT_GE(texts.size(), 30) << qPrintable(texts.join(QLatin1Char(' ')));
    int known = 0;
    for (const char* w : {"delivery", "barrier", "driver", "witnesses", "photographs", "contractor"})
        known += texts.contains(QString::fromLatin1(w)) ? 1 : 0;
    EXPECT_GE(known, 4) << qPrintable(texts.join(QLatin1Char(' ')));
}

TEST_F(CliCaptureTest, TwoPagesHeldInTurnAreTwoPagesOfOneDocument)
{
    const QString video = m_videos.twoPages(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const CliRun r = capture(video, {QStringLiteral("--no-ocr")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("captured page 1 at"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("captured page 2 at"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("Captured 2 page(s) from"))) << qPrintable(r.out);
    const auto docs = documents();
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].pageCount, 2);
    EXPECT_EQ(docs[0].kind, DocumentKind::Image);
    EXPECT_EQ(QImageReader(docs[0].path, "tiff").imageCount(), 2);
    const QJsonObject status = test::statusJson(project());
    EXPECT_EQ(status.value(QStringLiteral("pages")).toObject().value(QStringLiteral("queued")).toInt(), 2)
        << qPrintable(QJsonDocument(status).toJson());
}

TEST_F(CliCaptureTest, NothingHeldStillNothingCaptured)
{
    const QString video = m_videos.steadyBlurred();
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const CliRun r = capture(video);
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("No page captured from"))) << qPrintable(r.out);
    EXPECT_TRUE(documents().empty());
    EXPECT_FALSE(QFileInfo::exists(project() + QStringLiteral(".captures")));
}

TEST_F(CliCaptureTest, WhatIsNotAVideoIsSaidClearlyAndChangesNothing)
{
    const QString sound = m_videos.audioOnly(), damaged = m_videos.corrupt();
    ASSERT_FALSE(sound.isEmpty() || damaged.isEmpty()) << qPrintable(m_videos.error());
    const QString missing = m_dir.filePath(QStringLiteral("nothing.mp4"));
    const std::pair<QString, QString> cases[] = {
        {missing, QStringLiteral("error: no such file: %1").arg(missing)},
        {sound, QStringLiteral("error: not a video (no video stream, or a damaged file): %1").arg(sound)},
        {damaged, QStringLiteral("error: not a video (no video stream, or a damaged file): %1").arg(damaged)},
    };
    for (const auto& [from, message] : cases) {
        const CliRun r = capture(from);
        EXPECT_EQ(r.exitCode, 2) << qPrintable(from);
        EXPECT_EQ(r.err.trimmed(), message) << "nothing else: no FFmpeg chatter";
    }
    const CliRun json = capture(sound, {QStringLiteral("--json")});
    EXPECT_EQ(json.exitCode, 2);
    EXPECT_TRUE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("error")).isString())
        << qPrintable(json.out);
    EXPECT_FALSE(QFileInfo::exists(project())) << "the project is left as it was: not even created";
}

TEST_F(CliCaptureTest, NoCameraIsSaidSo)
{
    QString device;
    for (int n = 0; n < 64 && device.isEmpty(); ++n)
        if (!QFileInfo::exists(QStringLiteral("/dev/video%1").arg(n)))
            device = QStringLiteral("/dev/video%1").arg(n);
    ASSERT_FALSE(device.isEmpty());
    const CliRun r = capture(device);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.trimmed(), QStringLiteral("error: no camera at %1").arg(device));
}

TEST_F(CliCaptureTest, UsageErrors)
{
    CliRun r = runCli({QStringLiteral("capture"), QStringLiteral("-p"), project()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("capture needs --from"))) << qPrintable(r.err);
    r = runCli({QStringLiteral("capture"), QStringLiteral("-p"), project(), QStringLiteral("--from"),
                QStringLiteral("a.mp4"), QStringLiteral("--steady-ms"), QStringLiteral("0")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--steady-ms"))) << qPrintable(r.err);
}

TEST_F(CliCaptureTest, CtrlCEndsTheSessionKeepingWhatWasCaptured)
{
    // Held still for a long while after the capture: time to interrupt while frames are still read.
    const QString video = m_videos.movingInSteadyAway(12);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    QProcess p;
    p.start(test::cliPath(), {QStringLiteral("capture"), QStringLiteral("-p"), project(), QStringLiteral("--from"),
                              video, QStringLiteral("--steady-ms"), QStringLiteral("300")});
    ASSERT_TRUE(p.waitForStarted(30'000));
    QString out;
    for (int i = 0; i < 600 && !out.contains(QStringLiteral("captured page 1")); ++i) {
        p.waitForReadyRead(100);
        out += QString::fromUtf8(p.readAllStandardOutput());
    }
    ASSERT_TRUE(out.contains(QStringLiteral("captured page 1"))) << qPrintable(out);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    ASSERT_TRUE(p.waitForFinished(60'000));
    out += QString::fromUtf8(p.readAllStandardOutput());
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 130) << qPrintable(out);
    EXPECT_TRUE(out.contains(QStringLiteral("Interrupted"))) << qPrintable(out);
    const auto docs = documents();
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].pageCount, 1);
    EXPECT_EQ(QImageReader(docs[0].path, "tiff").imageCount(), 1);
    const QJsonObject status = test::statusJson(project());
    EXPECT_EQ(status.value(QStringLiteral("pages")).toObject().value(QStringLiteral("queued")).toInt(), 1);
}

} // namespace
} // namespace incidoc
