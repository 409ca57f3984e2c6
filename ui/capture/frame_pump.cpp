#include "ui/capture/frame_pump.h"

#include <QVideoSink>

namespace incidoc::ui {

namespace {

/// Qt 6.4 on Linux picks GStreamer by default, which reads no H.264 without plugins a desktop may lack; the
/// FFmpeg backend (Qt's own plugin) reads files and V4L2 cameras alike. Chosen before Qt Multimedia's first
/// use, unless the user chose one (QT_MEDIA_BACKEND).
QVideoSink* makeSink(QObject* parent)
{
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    return new QVideoSink(parent);
}

} // namespace

FramePump::FramePump(const CaptureOptions& options, QObject* parent)
    : QObject(parent), m_sink(makeSink(this)), m_analyzer(std::make_shared<CaptureAnalyzer>(options))
{
    // One task prepares a frame for the view while another analyses an earlier one: two at most, so that
    // the analysis of a 1080p frame never holds the view back.
    m_pool.setMaxThreadCount(2);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &FramePump::onFrame);
}

FramePump::~FramePump()
{
    disconnect(m_sink, nullptr, this, nullptr);
    m_pool.waitForDone();
}

void FramePump::reset()
{
    ++m_generation;
    m_resetPending = true;
    m_capturedPending = false;
    m_stats = {};
    m_firstStartUs = -1;
    m_last = {};
    m_clock.invalidate();
}

void FramePump::markCaptured()
{
    m_capturedPending = true;
}

QImage FramePump::currentFrame() const
{
    if (!m_last.isValid())
        return {};
    QVideoFrame frame = m_last;
    return frame.toImage();
}

FramePumpStats FramePump::stats() const
{
    FramePumpStats s = m_stats;
    s.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    return s;
}

void FramePump::onFrame(const QVideoFrame& frame)
{
    if (!frame.isValid())
        return;
    if (!m_clock.isValid())
        m_clock.start();
    ++m_stats.received;
    m_last = frame;
    // The frame's time in its stream (a file's position); a source without one gets the wall clock.
    qint64 timestampMs = m_clock.elapsed();
    if (frame.startTime() >= 0) {
        if (m_firstStartUs < 0 || frame.startTime() < m_firstStartUs)
            m_firstStartUs = frame.startTime();
        timestampMs = (frame.startTime() - m_firstStartUs) / 1000;
    }

    const bool show = !m_preparing;
    const bool analyse = !m_analysing;
    if (!show)
        ++m_stats.notShown;
    if (!analyse)
        ++m_stats.dropped;
    if (!show && !analyse)
        return;

    // Show and analyse share one conversion when both are free; each otherwise converts its own frame.
    m_preparing = m_preparing || show;
    m_analysing = m_analysing || analyse;
    const bool reset = analyse && std::exchange(m_resetPending, false);
    const bool captured = analyse && std::exchange(m_capturedPending, false);
    const QSize displaySize = m_displaySize;
    const int generation = m_generation;
    std::shared_ptr<CaptureAnalyzer> analyzer = analyse ? m_analyzer : nullptr;
    m_pool.start([this, frame, show, analyzer, reset, captured, displaySize, generation, timestampMs]() mutable {
        QImage image = frame.toImage();
        const QSize frameSize = image.size();
        if (show) {
            QImage shown =
                image.isNull() ? QImage() : image.scaled(displaySize, Qt::KeepAspectRatio, Qt::FastTransformation);
            QMetaObject::invokeMethod(this, [this, shown, frameSize, generation] {
                m_preparing = false;
                if (generation != m_generation || shown.isNull())
                    return;
                ++m_stats.shown;
                Q_EMIT frameReady(shown, frameSize);
            });
        }
        if (!analyzer)
            return;
        if (reset)
            analyzer->reset();
        if (captured)
            analyzer->markCaptured();
        FrameVerdict verdict;
        if (!image.isNull())
            verdict = analyzer->analyze(image, timestampMs);
        QImage kept = verdict.capture ? image : QImage();
        QMetaObject::invokeMethod(this, [this, verdict, kept, frameSize, generation] {
            m_analysing = false;
            if (generation != m_generation)
                return;
            ++m_stats.analysed;
            Q_EMIT analysed(verdict, frameSize);
            if (verdict.capture)
                Q_EMIT captureCalled(kept, verdict);
        });
    });
}

} // namespace incidoc::ui
