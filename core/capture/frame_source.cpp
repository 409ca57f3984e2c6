#include "core/capture/frame_source.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>
#include <cstring>
#include <mutex>

namespace incidoc {
namespace {

bool isDevicePath(const QString& path)
{
    return path.startsWith(QLatin1String("/dev/video"));
}

QImage toImage(const cv::Mat& bgr)
{
    cv::Mat rgb;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB);
    else if (bgr.channels() == 4)
        cv::cvtColor(bgr, rgb, cv::COLOR_BGRA2RGB);
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    QImage image(rgb.cols, rgb.rows, QImage::Format_RGB888);
    for (int y = 0; y < rgb.rows; ++y)
        std::memcpy(image.scanLine(y), rgb.ptr(y), static_cast<size_t>(rgb.cols) * 3);
    return image;
}

// OpenCV and FFmpeg would print their own messages for a file they cannot read ("moov atom not found"); the
// error we return says it once, in words a person understands. OpenCV sets FFmpeg's log level from this
// variable when it first opens a video (once per process): quiet, unless someone asked for its messages.
void quietLibraries()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (!qEnvironmentVariableIsSet("OPENCV_FFMPEG_LOGLEVEL") && !qEnvironmentVariableIsSet("OPENCV_FFMPEG_DEBUG"))
            qputenv("OPENCV_FFMPEG_LOGLEVEL", "-8"); // AV_LOG_QUIET
        if (!qEnvironmentVariableIsSet("OPENCV_LOG_LEVEL"))
            cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    });
}

class CvFrameSource final : public FrameSource {
public:
    CvFrameSource(QString name, bool device) : m_name(std::move(name)), m_device(device) {}

    Status open()
    {
        quietLibraries();
        try {
            if (m_device) {
                bool ok = false;
                const int index = m_name.mid(int(qstrlen("/dev/video"))).toInt(&ok);
                if (ok)
                    m_capture.open(index, cv::CAP_V4L2);
                if (!m_capture.isOpened())
                    m_capture.open(m_name.toStdString(), cv::CAP_V4L2);
                if (!m_capture.isOpened())
                    return makeError(
                        ErrorCode::Unavailable,
                        QStringLiteral("the camera %1 cannot be opened (in use, or not a camera)").arg(m_name));
                m_capture.set(cv::CAP_PROP_BUFFERSIZE, 1); // the newest frame, not a backlog
                m_clock.start();
            } else {
                m_capture.open(m_name.toStdString(), cv::CAP_FFMPEG);
                if (!m_capture.isOpened())
                    return makeError(
                        ErrorCode::InvalidInput,
                        QStringLiteral("not a video (no video stream, or a damaged file): %1").arg(m_name));
            }
            m_fps = m_capture.get(cv::CAP_PROP_FPS);
            if (!std::isfinite(m_fps) || m_fps <= 0 || m_fps > 1000)
                m_fps = 0;
            // A stream that opens but yields no frame is no video either: read the first one now.
            if (!m_capture.read(m_pending) || m_pending.empty())
                return m_device ? makeError(ErrorCode::Unavailable,
                                            QStringLiteral("the camera %1 gives no frames").arg(m_name))
                                : makeError(ErrorCode::InvalidInput,
                                            QStringLiteral("not a video (no frame can be read): %1").arg(m_name));
            m_pendingMs = timeOfCurrent();
            m_size = QSize(m_pending.cols, m_pending.rows);
        } catch (const cv::Exception& e) {
            return makeError(m_device ? ErrorCode::Unavailable : ErrorCode::InvalidInput,
                             QStringLiteral("%1 cannot be read: %2").arg(m_name, QString::fromUtf8(e.what())));
        }
        return okStatus();
    }

    Result<std::optional<QImage>> next(qint64* timestampMs) override
    {
        try {
            if (!m_pending.empty()) {
                const QImage image = toImage(m_pending);
                m_pending.release();
                return give(image, m_pendingMs, timestampMs);
            }
            for (;;) {
                if (!m_capture.grab()) {
                    if (!m_device)
                        return std::optional<QImage>();
                    return makeError(ErrorCode::Unavailable,
                                     QFileInfo::exists(m_name)
                                         ? QStringLiteral("the camera %1 stopped giving frames").arg(m_name)
                                         : QStringLiteral("the camera %1 is gone (disconnected)").arg(m_name));
                }
                ++m_index;
                const qint64 t = timeOfCurrent();
                if (!m_device && m_interval > 0 && m_lastMs >= 0 && t - m_lastMs < m_interval)
                    continue;
                cv::Mat frame;
                if (!m_capture.retrieve(frame) || frame.empty()) {
                    if (!m_device)
                        return makeError(ErrorCode::InvalidInput,
                                         QStringLiteral("damaged video: frame %1 cannot be decoded").arg(m_index + 1));
                    continue;
                }
                return give(toImage(frame), t, timestampMs);
            }
        } catch (const cv::Exception& e) {
            return makeError(m_device ? ErrorCode::Unavailable : ErrorCode::InvalidInput,
                             QStringLiteral("%1 cannot be read: %2").arg(m_name, QString::fromUtf8(e.what())));
        }
    }

    void setMinimumInterval(int ms) override { m_interval = std::max(0, ms); }
    QSize frameSize() const override { return m_size; }
    double framesPerSecond() const override { return m_fps; }
    bool isDevice() const override { return m_device; }
    QString name() const override { return m_name; }

private:
    Result<std::optional<QImage>> give(const QImage& image, qint64 t, qint64* timestampMs)
    {
        m_lastMs = t;
        if (timestampMs)
            *timestampMs = t;
        return std::optional<QImage>(image);
    }

    // A file: the frame's place in the stream (its index at the stream's rate, which OpenCV's position
    // agrees with for constant-rate video and which never goes backwards); a device: the wall clock.
    qint64 timeOfCurrent() const
    {
        if (m_device)
            return m_clock.elapsed();
        if (m_fps > 0)
            return std::llround(static_cast<double>(m_index) * 1000.0 / m_fps);
        return std::llround(m_capture.get(cv::CAP_PROP_POS_MSEC));
    }

    QString m_name;
    bool m_device = false;
    cv::VideoCapture m_capture;
    cv::Mat m_pending; // the first frame, read by open()
    qint64 m_pendingMs = 0;
    long long m_index = 0; // of the frame last grabbed (the first is 0)
    qint64 m_lastMs = -1;
    int m_interval = 0;
    double m_fps = 0;
    QSize m_size;
    QElapsedTimer m_clock;
};

} // namespace

Result<std::unique_ptr<FrameSource>> FrameSource::open(const QString& fileOrDevice)
{
    const bool device = isDevicePath(fileOrDevice);
    const QFileInfo fi(fileOrDevice);
    if (device && !fi.exists())
        return makeError(ErrorCode::Unavailable, QStringLiteral("no camera at %1").arg(fileOrDevice));
    if (!device && !fi.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such file: %1").arg(fileOrDevice));
    if (!device && fi.isDir())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a folder, not a video: %1").arg(fileOrDevice));
    if (!device && !fi.isReadable())
        return makeError(ErrorCode::Io, QStringLiteral("the file cannot be read: %1").arg(fileOrDevice));
    if (!device && fi.size() == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a video (an empty file): %1").arg(fileOrDevice));
    auto source = std::make_unique<CvFrameSource>(fileOrDevice, device);
    if (Status st = source->open(); !st)
        return st.error();
    return std::unique_ptr<FrameSource>(std::move(source));
}

} // namespace incidoc
