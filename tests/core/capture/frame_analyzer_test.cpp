// The capture analyser on generated videos (tests/core/capture/capture_videos.h): exactly one capture per
// steady period, none while the page moves, none while it is blurred; a manual capture counts for its period.
#include "core/capture/frame_analyzer.h"
#include "core/capture/frame_source.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <vector>

#include "tests/core/capture/capture_videos.h"

namespace incidoc {
namespace {

struct Analysed {
    std::vector<qint64> captures; ///< the stream times of the frames to capture
    int frames = 0, withPage = 0, steady = 0;
    QString trace; ///< every frame's verdict, for a failure's message
};

Analysed analyse(const QString& video, const CaptureOptions& options = {}, int intervalMs = 100)
{
    Analysed out;
    auto source = FrameSource::open(video);
    EXPECT_TRUE(source.ok()) << (source ? "" : qPrintable(source.error().message));
    if (!source)
        return out;
    (*source)->setMinimumInterval(intervalMs);
    CaptureAnalyzer analyzer(options);
    for (;;) {
        qint64 t = 0;
        auto frame = (*source)->next(&t);
        EXPECT_TRUE(frame.ok());
        if (!frame || !frame->has_value())
            break;
        const FrameVerdict v = analyzer.analyze(**frame, t);
        ++out.frames;
        out.withPage += v.page.found ? 1 : 0;
        out.steady += v.steady ? 1 : 0;
        if (v.capture)
            out.captures.push_back(t);
        out.trace += QStringLiteral("%1 ms: page %2 sharp %3 motion %4%5%6\n")
                         .arg(t)
                         .arg(v.page.found ? 1 : 0)
                         .arg(v.sharpness, 0, 'f', 0)
                         .arg(v.motion, 0, 'f', 2)
                         .arg(v.steady ? QStringLiteral(" steady %1").arg(v.steadyMs) : QString())
                         .arg(v.capture ? QStringLiteral(" CAPTURE") : QString());
    }
    return out;
}

class FrameAnalyzerTest : public test::VideoSuite {};

TEST_F(FrameAnalyzerTest, OneCaptureWhileThePageIsHeldStillNoneWhileItMoves)
{
    const QString video = m_videos.movingInSteadyAway(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const Analysed a = analyse(video);
    // Still from 1.0 s to 2.5 s; captured once it has been still for 700 ms, while still.
    ASSERT_EQ(a.captures.size(), 1u) << qPrintable(a.trace);
    EXPECT_GE(a.captures[0], 1000 + 700) << qPrintable(a.trace);
    EXPECT_LE(a.captures[0], 2500) << qPrintable(a.trace);
    EXPECT_GT(a.withPage, 10) << qPrintable(a.trace);
}

TEST_F(FrameAnalyzerTest, TwoSteadyPeriodsOnTwoPagesGiveTwoCaptures)
{
    const QString video = m_videos.twoPages(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const Analysed a = analyse(video);
    ASSERT_EQ(a.captures.size(), 2u) << qPrintable(a.trace);
    // First page still 1.0-2.5 s; the second 4.9-6.4 s.
    EXPECT_GE(a.captures[0], 1700);
    EXPECT_LE(a.captures[0], 2500);
    EXPECT_GE(a.captures[1], 4900 + 700);
    EXPECT_LE(a.captures[1], 6400);
}

TEST_F(FrameAnalyzerTest, AShorterSteadyTimeCapturesSoonerStillOnce)
{
    const QString video = m_videos.movingInSteadyAway(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    CaptureOptions options;
    options.steadyForMs = 300;
    const Analysed a = analyse(video, options);
    ASSERT_EQ(a.captures.size(), 1u) << qPrintable(a.trace);
    EXPECT_LT(a.captures[0], 1000 + 700) << qPrintable(a.trace);
}

TEST_F(FrameAnalyzerTest, AHeldPageLongerThanTheSteadyTimeIsNotCapturedTwice)
{
    const QString video = m_videos.movingInSteadyAway(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    CaptureOptions options;
    options.steadyForMs = 300; // held five times as long, every frame analysed (25 a second)
    const Analysed a = analyse(video, options, 0);
    EXPECT_EQ(a.captures.size(), 1u) << qPrintable(a.trace);
    EXPECT_GT(a.steady, 25) << qPrintable(a.trace);
}

TEST_F(FrameAnalyzerTest, ABlurredPageIsNotCaptured)
{
    const QString video = m_videos.steadyBlurred();
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const Analysed a = analyse(video);
    EXPECT_TRUE(a.captures.empty()) << qPrintable(a.trace);
    EXPECT_GT(a.withPage, a.frames / 2) << "the page is found; only its blur keeps it from being captured\n"
                                        << qPrintable(a.trace);
}

TEST_F(FrameAnalyzerTest, APageThatNeverStopsIsNotCaptured)
{
    const QString video = m_videos.alwaysMoving();
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    const Analysed a = analyse(video);
    EXPECT_TRUE(a.captures.empty()) << qPrintable(a.trace);
    EXPECT_GT(a.withPage, a.frames / 2) << qPrintable(a.trace);
}

TEST_F(FrameAnalyzerTest, AManualCaptureCountsForItsSteadyPeriod)
{
    const QString video = m_videos.movingInSteadyAway(1.5);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    auto source = FrameSource::open(video);
    ASSERT_TRUE(source.ok());
    (*source)->setMinimumInterval(100);
    CaptureAnalyzer analyzer;
    int automatic = 0;
    bool manual = false;
    qint64 t = 0;
    while (auto frame = (*source)->next(&t)) {
        if (!frame->has_value())
            break;
        const FrameVerdict v = analyzer.analyze(**frame, t);
        if (v.steady && !manual) { // a person pressed the key as soon as it was steady
            analyzer.markCaptured();
            manual = true;
            continue;
        }
        automatic += v.capture ? 1 : 0;
    }
    EXPECT_TRUE(manual);
    EXPECT_EQ(automatic, 0);
}

TEST_F(FrameAnalyzerTest, ResetForgetsThePreviousFrame)
{
    const QString p = m_videos.page(1);
    ASSERT_FALSE(p.isEmpty()) << qPrintable(m_videos.error());
    QImage frame(960, 720, QImage::Format_RGB888);
    frame.fill(QColor(60, 70, 80));
    CaptureAnalyzer analyzer;
    const FrameVerdict first = analyzer.analyze(frame, 0);
    EXPECT_FALSE(first.still) << "no frame before: no motion can be measured";
    const FrameVerdict second = analyzer.analyze(frame, 100);
    EXPECT_TRUE(second.still);
    EXPECT_FALSE(second.steady);
    analyzer.reset();
    EXPECT_FALSE(analyzer.analyze(frame, 200).still);
    EXPECT_FALSE(analyzer.analyze(QImage(), 300).steady);
}

} // namespace
} // namespace incidoc
