#pragma once
// Frames from a video file or a V4L2 device (/dev/videoN), through OpenCV's videoio: the CLI's capture
// and the tests read videos this way (the app's camera comes through Qt Multimedia instead, into the same
// CaptureAnalyzer). Not thread-safe: one reader per source.

#include "core/util/result.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

namespace incidoc {

class FrameSource {
public:
    virtual ~FrameSource() = default;
    /// A file, or a device path /dev/videoN. Errors: NotFound ("no such file: F"), InvalidInput ("not a video
    /// (no video stream, or a damaged file): F"), Unavailable ("no camera at /dev/video0", "the camera
    /// /dev/video0 cannot be opened").
    static Result<std::unique_ptr<FrameSource>> open(const QString& fileOrDevice);

    /// The next frame (Format_RGB888) and its time in the stream (a file: its presentation time; a device:
    /// milliseconds since it was opened). nullopt at the end of a file; an error (Unavailable) when a device
    /// disappears or stops giving frames.
    virtual Result<std::optional<QImage>> next(qint64* timestampMs) = 0;
    /// A file: next() skips (without converting them) the frames less than `ms` after the last one it gave,
    /// so that a long video is analysed at a bounded rate. A device gives its newest frame anyway. 0: every frame.
    virtual void setMinimumInterval(int ms) = 0;
    virtual QSize frameSize() const = 0;
    virtual double framesPerSecond() const = 0; ///< 0 when unknown
    virtual bool isDevice() const = 0;
    virtual QString name() const = 0; ///< the path it was opened with
};

} // namespace incidoc
