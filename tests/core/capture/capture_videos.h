#pragma once
// Videos for the capture tests, made at test time with ImageMagick (a printed page, a textured table) and
// ffmpeg (the page moving in, held still, moving away): small (960x720, 25 fps, a few seconds) and known.

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace incidoc::test {

/// Runs `program` with `args`; an empty string when it exits 0, else what it said.
QString runTool(const QString& program, const QStringList& args, int timeoutMs = 120'000);

class CaptureVideos {
public:
    /// Makes its files in `folder` (which must exist); a file made already is made once.
    explicit CaptureVideos(QString folder);

    /// A printed page of text, 420x560 pixels; `variant` picks one of two texts.
    QString page(int variant = 1);
    /// A textured, coloured table the pages lie on, 960x720.
    QString background();
    /// The page slides in (1 s), is held still for `steadySeconds`, slides away (1 s), then the table alone.
    QString movingInSteadyAway(double steadySeconds = 1.5);
    /// Two steady periods of `steadySeconds`, one for each of two pages, each page sliding in and away.
    QString twoPages(double steadySeconds = 1.5);
    /// The page held still all along, but out of focus (a Gaussian blur over the whole frame).
    QString steadyBlurred();
    /// The page moving all the time (across, then back), never still.
    QString alwaysMoving();
    /// A sound and no picture (an .m4a of a sine tone).
    QString audioOnly();
    /// Bytes that look like nothing: the start of an MP4 cut short and scrambled.
    QString corrupt();
    /// A still page at `width`x`height` (the page fills about two thirds), `seconds` long, from the page
    /// `pagePath` (any image): what the benchmark's large videos are made of.
    QString stillPage(const QString& pagePath, int width, int height, double seconds, const QString& name);

    /// What went wrong making the last file (empty: all well).
    QString error() const { return m_error; }

private:
    QString make(const QString& name, const QStringList& ffmpegArgs);
    QString m_folder;
    QString m_error;
};

/// A test suite whose videos are made once for all its tests (ffmpeg takes a few seconds for each).
class VideoSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_videos = new CaptureVideos(s_dir->path());
    }
    static void TearDownTestSuite()
    {
        delete s_videos;
        delete s_dir;
        s_videos = nullptr;
        s_dir = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(s_dir->isValid()); }
    static inline QTemporaryDir* s_dir = nullptr;
    static inline CaptureVideos* s_videos = nullptr;
    CaptureVideos& m_videos = *s_videos;
};

} // namespace incidoc::test
