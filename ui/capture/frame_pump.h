#pragma once
// The frame path of live capture: a QVideoSink that a camera (QMediaCaptureSession) or a video file
// (QMediaPlayer) plays into; each frame is turned into a QImage scaled for the live view, and analysed
// for the page in it by a CaptureAnalyzer (core/capture). Both happen off the GUI thread, one frame at a
// time each: a frame that arrives while the analyser is busy is not analysed (counted as dropped), one that
// arrives while the previous one is still being scaled for the view is not shown (counted too), so the
// view stays fluid whatever the analysis costs.
//
// Thread contract: GUI thread only. The worker tasks capture values (the frame, the analyser they alone use
// while it is busy) and report back with queued calls; the destructor waits for them.

#include "core/capture/frame_analyzer.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QThreadPool>
#include <QVideoFrame>

#include <memory>

class QVideoSink;

namespace incidoc::ui {

/// What the pump did since the stream started (reset()).
struct FramePumpStats {
    int received = 0;     ///< frames the sink delivered
    int shown = 0;        ///< frames handed to the view
    int notShown = 0;     ///< frames skipped by the view (the previous one was still being prepared)
    int analysed = 0;     ///< frames the analyser looked at
    int dropped = 0;      ///< frames not analysed (the analyser was busy)
    qint64 elapsedMs = 0; ///< since the first frame
};

class FramePump : public QObject {
    Q_OBJECT
public:
    explicit FramePump(const CaptureOptions& options = {}, QObject* parent = nullptr);
    ~FramePump() override; ///< waits for the frames in flight

    /// Where the camera or the player delivers its frames.
    QVideoSink* sink() const { return m_sink; }
    /// The size frames are scaled to (keeping their aspect) for the view.
    void setDisplaySize(const QSize& size) { m_displaySize = size; }
    /// A new stream: counts start again, the analyser forgets the frames before.
    void reset();
    /// A capture was taken by hand: the analyser counts the current steady period as captured.
    void markCaptured();

    /// The last frame delivered, at full size (null before the first one). Converted here, on demand.
    QImage currentFrame() const;
    bool hasFrame() const { return m_last.isValid(); }
    FramePumpStats stats() const;

Q_SIGNALS:
    /// A frame for the view, scaled to the display size; `frameSize`: its size as shot.
    void frameReady(const QImage& image, const QSize& frameSize);
    /// What the analyser saw in one frame (corners in the frame's pixels).
    void analysed(const incidoc::FrameVerdict& verdict, const QSize& frameSize);
    /// The analyser calls for a capture of `frame` (full size, as shot).
    void captureCalled(const QImage& frame, const incidoc::FrameVerdict& verdict);

private:
    void onFrame(const QVideoFrame& frame);

    QVideoSink* m_sink;
    QThreadPool m_pool;
    std::shared_ptr<CaptureAnalyzer> m_analyzer; // used by one task at a time (m_analysing)
    QVideoFrame m_last;
    QSize m_displaySize{960, 540};
    bool m_preparing = false; // a frame is being scaled for the view
    bool m_analysing = false; // the analyser is busy
    bool m_resetPending = false;
    bool m_capturedPending = false;
    int m_generation = 0; // results of a stream before reset() are dropped
    FramePumpStats m_stats;
    QElapsedTimer m_clock;
    qint64 m_firstStartUs = -1;
};

} // namespace incidoc::ui
