#pragma once
// Live capture's eye: each frame of a camera or a video file, analysed for the page in it (core/photo),
// how sharp it is (a focus measure) and how much it moved since the frame before; a capture is called for
// once per steady period — the page held still and sharp long enough — and not again until it moves.
// The same path serves a camera (the app, Qt Multimedia), a video file and a V4L2 device (the CLI).
//
// Thread contract: one CaptureAnalyzer per stream, used by one thread at a time (the app analyses off
// the GUI thread and drops frames while busy).

#include "core/photo/page_detect.h"

#include <QImage>

#include <array>

namespace incidoc {

struct CaptureOptions {
    int steadyForMs = 700;  ///< the page must be still this long before it is captured
    double stillBelow = 0;  ///< motion (mean absolute difference, 0..255) below which a frame is still; 0: default
    double sharpAbove = 0;  ///< focus measure (0..100) above which a frame is sharp; 0: default
    int analysisSize = 640; ///< the longer side frames are analysed at
};

/// The defaults CaptureOptions' zeros stand for.
inline constexpr double kDefaultStillBelow = 2.5;
inline constexpr double kDefaultSharpAbove = 80.0;

/// What one frame showed.
struct FrameVerdict {
    PageDetection page;   ///< corners in the frame's pixels
    double sharpness = 0; ///< focus measure, 0..100 (higher: sharper): the share of the page's fine detail a slight
                          ///< blur takes away, at analysis size (0: nothing on the page to judge by)
    double motion = 0;     ///< change since the previous analysed frame, 0..255 (also counts the page's corners moving)
    bool still = false;    ///< motion below the threshold (and the page's corners in place)
    bool sharp = false;    ///< sharpness above the threshold
    bool steady = false;   ///< page found, still and sharp
    int steadyMs = 0;      ///< how long it has been steady
    bool capture = false;  ///< take this frame: the first frame after steadyForMs of a steady period
    bool captured = false; ///< the current steady period has been captured (nothing more until the page moves)
};

class CaptureAnalyzer {
public:
    explicit CaptureAnalyzer(const CaptureOptions& options = {});
    /// `timestampMs`: the frame's time in its stream (monotonic). Any format.
    FrameVerdict analyze(const QImage& frame, qint64 timestampMs);
    /// A manual capture was taken: the current steady period counts as captured.
    void markCaptured();
    void reset();

    const CaptureOptions& options() const { return m_options; }

private:
    CaptureOptions m_options;
    QImage m_previous; // the previous frame at motion size, grey, blurred
    std::array<QPointF, 4> m_previousCorners{};
    bool m_previousFound = false;
    qint64 m_steadySinceMs = -1;
    bool m_captured = false; // the current steady period has been captured
    int m_framesWithoutPage = 0;
};

} // namespace incidoc
