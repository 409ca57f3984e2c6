#pragma once
// Frames from a video file or a V4L2 device (/dev/videoN), through OpenCV's videoio: the CLI's capture
// and the tests read videos this way (the app's camera comes through Qt Multimedia instead, into the same
// CaptureAnalyzer). Not thread-safe: one reader per source.

#include "core/util/result.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

namespace incidoc {

class FrameSource {
public:
    virtual ~FrameSource() = default;
    /// A file, or a device path /dev/videoN. Errors: NotFound ("no such file"), InvalidInput ("not a video:
    /// no video stream"), Unavailable ("camera /dev/video0 cannot be opened").
    static Result<std::unique_ptr<FrameSource>> open(const QString& fileOrDevice);

    /// The next frame (Format_RGB888) and its time in the stream. nullopt at the end of the stream; an error
    /// when a device disappears or a file turns out damaged mid-way.
    virtual Result<std::optional<QImage>> next(qint64* timestampMs) = 0;
    virtual QSize frameSize() const = 0;
    virtual double framesPerSecond() const = 0; ///< 0 when unknown
    virtual bool isDevice() const = 0;
};

} // namespace incidoc
