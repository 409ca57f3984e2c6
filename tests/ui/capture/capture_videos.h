#pragma once
// Videos for the capture tests and bench, made at run time with ImageMagick and ffmpeg: a printed page (text)
// slides in over a textured table, holds still, slides away, and the empty table shows for a moment; one
// such period per page. Each steady period should give exactly one capture.
// Thread contract: any thread (runs external programs and waits for them).

#include <QSize>
#include <QString>
#include <QStringList>

namespace incidoc::test {

struct CaptureVideo {
    QSize size{1280, 720};
    int fps = 30;
    double moveSeconds = 1.0;   ///< sliding in, and again sliding away
    double steadySeconds = 1.5; ///< held still
    double emptySeconds = 1.0;  ///< the table alone, after each page
    /// One steady period per text, the page showing that text.
    QStringList pages;
};

/// Writes the video as `path` (H.264 in MP4). Empty on success, else what failed.
QString makeCaptureVideo(const CaptureVideo& video, const QString& path);
/// A sound-only file (AAC in M4A, two seconds of a tone). Empty on success, else what failed.
QString makeAudioOnlyFile(const QString& path);

} // namespace incidoc::test
