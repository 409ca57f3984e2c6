// Frames from generated videos through OpenCV's videoio, and the clear errors for what is not a video:
// a missing file, a folder, an empty file, a damaged file, a sound with no picture, no camera.
#include "core/capture/frame_source.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/capture/capture_videos.h"

namespace incidoc {
namespace {

class FrameSourceTest : public test::VideoSuite {
protected:
    QTemporaryDir& m_dir = *s_dir;
};

TEST_F(FrameSourceTest, ReadsEveryFrameOfAVideoInOrder)
{
    const QString video = m_videos.movingInSteadyAway(1.0); // 4 s at 25 fps
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    auto source = FrameSource::open(video);
    ASSERT_TRUE(source.ok()) << qPrintable(source.error().message);
    EXPECT_EQ((*source)->frameSize(), QSize(960, 720));
    EXPECT_NEAR((*source)->framesPerSecond(), 25.0, 0.01);
    EXPECT_FALSE((*source)->isDevice());
    int frames = 0;
    qint64 last = -1, t = 0;
    for (;;) {
        auto frame = (*source)->next(&t);
        ASSERT_TRUE(frame.ok()) << qPrintable(frame.error().message);
        if (!frame->has_value())
            break;
        EXPECT_EQ((*frame)->format(), QImage::Format_RGB888);
        EXPECT_EQ((*frame)->size(), QSize(960, 720));
        EXPECT_GT(t, last);
        last = t;
        ++frames;
    }
    EXPECT_EQ(frames, 100);
    EXPECT_EQ(last, 3960);
    // At the end it stays at the end.
    auto after = (*source)->next(&t);
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after->has_value());
}

TEST_F(FrameSourceTest, AMinimumIntervalSkipsFramesInBetween)
{
    const QString video = m_videos.movingInSteadyAway(1.0);
    ASSERT_FALSE(video.isEmpty()) << qPrintable(m_videos.error());
    auto source = FrameSource::open(video);
    ASSERT_TRUE(source.ok()) << qPrintable(source.error().message);
    (*source)->setMinimumInterval(100);
    std::vector<qint64> times;
    qint64 t = 0;
    while (auto frame = (*source)->next(&t)) {
        if (!frame->has_value())
            break;
        times.push_back(t);
    }
    ASSERT_EQ(times.size(), 34u); // 0, 120, 240, ...: every third frame at 25 fps (40 ms apart)
    for (size_t i = 1; i < times.size(); ++i)
        EXPECT_GE(times[i] - times[i - 1], 100);
}

TEST_F(FrameSourceTest, AMissingFileIsNotFound)
{
    auto source = FrameSource::open(m_dir.filePath(QStringLiteral("nothing.mp4")));
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(source.error().message.startsWith(QStringLiteral("no such file: ")))
        << qPrintable(source.error().message);
}

TEST_F(FrameSourceTest, AFolderOrAnEmptyFileIsNotAVideo)
{
    auto folder = FrameSource::open(m_dir.path());
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().code, ErrorCode::InvalidInput);
    const QString empty = m_dir.filePath(QStringLiteral("empty.mp4"));
    QFile f(empty);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    auto source = FrameSource::open(empty);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(source.error().message.contains(QStringLiteral("not a video"))) << qPrintable(source.error().message);
}

TEST_F(FrameSourceTest, ADamagedFileIsNotAVideo)
{
    const QString damaged = m_videos.corrupt();
    ASSERT_FALSE(damaged.isEmpty()) << qPrintable(m_videos.error());
    auto source = FrameSource::open(damaged);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(source.error().message,
              QStringLiteral("not a video (no video stream, or a damaged file): %1").arg(damaged));
}

TEST_F(FrameSourceTest, ASoundWithNoPictureIsNotAVideo)
{
    const QString sound = m_videos.audioOnly();
    ASSERT_FALSE(sound.isEmpty()) << qPrintable(m_videos.error());
    auto source = FrameSource::open(sound);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(source.error().message.startsWith(QStringLiteral("not a video"))) << qPrintable(source.error().message);
}

TEST_F(FrameSourceTest, NoCameraIsSaidSo)
{
    // Find a /dev/videoN that does not exist on this machine (usually all of them).
    QString device;
    for (int n = 0; n < 64 && device.isEmpty(); ++n)
        if (!QFile::exists(QStringLiteral("/dev/video%1").arg(n)))
            device = QStringLiteral("/dev/video%1").arg(n);
    ASSERT_FALSE(device.isEmpty());
    auto source = FrameSource::open(device);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(source.error().message, QStringLiteral("no camera at %1").arg(device));
}

} // namespace
} // namespace incidoc
