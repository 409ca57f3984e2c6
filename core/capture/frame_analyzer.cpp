#include "core/capture/frame_analyzer.h"

#include "core/photo/cv_bridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace incidoc {
namespace {

// Motion is measured on a small, slightly blurred copy: sensor noise and compression artefacts average
// out, a page sliding by a few pixels does not.
constexpr int kMotionWidth = 160;
// The page's corners may wander this share of the frame's diagonal between frames and still count as in
// place (detection jitters by a pixel or two at analysis size).
constexpr double kCornersStill = 0.012;
// A steady period is over — the next one may be captured — once the page clearly moved: motion above
// twice the still threshold, its corners this far, or no page in two frames running.
constexpr double kCornersMoved = 0.04;
constexpr double kMovedFactor = 2.0;
constexpr int kFramesGone = 2;
// Below this variance of the Laplacian a region is flat (a blank sheet): there is nothing to judge focus by.
constexpr double kFlatDetail = 20.0;

double cornerShift(const std::array<QPointF, 4>& a, const std::array<QPointF, 4>& b, double diagonal)
{
    double most = 0;
    for (size_t i = 0; i < 4; ++i)
        most = std::max(most, std::hypot(a[i].x() - b[i].x(), a[i].y() - b[i].y()));
    return diagonal > 0 ? most / diagonal : 0;
}

double laplacianVariance(const cv::Mat& grey)
{
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_32F, 3);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    return stddev[0] * stddev[0];
}

// Sharpness inside the page, its border left out (the page's own edge against the
// background is sharp however blurred the text is).
double focusMeasure(const cv::Mat& grey, const PageDetection& page, double toSmall)
{
    cv::Rect roi(0, 0, grey.cols, grey.rows);
    if (page.found) {
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (const QPointF& c : page.corners) {
            x0 = std::min(x0, c.x() * toSmall);
            y0 = std::min(y0, c.y() * toSmall);
            x1 = std::max(x1, c.x() * toSmall);
            y1 = std::max(y1, c.y() * toSmall);
        }
        const double insetX = (x1 - x0) * 0.12, insetY = (y1 - y0) * 0.12;
        const cv::Rect inner(cv::Point(static_cast<int>(x0 + insetX), static_cast<int>(y0 + insetY)),
                             cv::Point(static_cast<int>(x1 - insetX), static_cast<int>(y1 - insetY)));
        const cv::Rect clipped = inner & roi;
        if (clipped.width >= 16 && clipped.height >= 16)
            roi = clipped;
    }
    // How much a slight blur takes away from the fine detail: much from a sharp image, little from one
    // that is blurred already. A ratio, so the amount of text on the page does not matter.
    const cv::Mat region = grey(roi);
    const double detail = laplacianVariance(region);
    if (detail < kFlatDetail)
        return 0; // nothing on it to focus on
    cv::Mat softer;
    cv::GaussianBlur(region, softer, cv::Size(0, 0), 1.0);
    return 100.0 * std::clamp(1.0 - laplacianVariance(softer) / detail, 0.0, 1.0);
}

} // namespace

CaptureAnalyzer::CaptureAnalyzer(const CaptureOptions& options) : m_options(options)
{
    if (m_options.stillBelow <= 0)
        m_options.stillBelow = kDefaultStillBelow;
    if (m_options.sharpAbove <= 0)
        m_options.sharpAbove = kDefaultSharpAbove;
    if (m_options.analysisSize < 64)
        m_options.analysisSize = 640;
    m_options.steadyForMs = std::max(0, m_options.steadyForMs);
}

void CaptureAnalyzer::reset()
{
    m_previous = QImage();
    m_previousFound = false;
    m_steadySinceMs = -1;
    m_captured = false;
    m_framesWithoutPage = 0;
}

void CaptureAnalyzer::markCaptured()
{
    m_captured = true;
}

FrameVerdict CaptureAnalyzer::analyze(const QImage& frame, qint64 timestampMs)
{
    FrameVerdict v;
    if (frame.isNull())
        return v;
    // The frame reduced to analysis size as the photo stage reads frames (no full-size conversion first).
    double toSmall = 1;
    const cv::Mat smallBgr = photo_detail::downscaledBgr(frame, m_options.analysisSize, toSmall);
    if (smallBgr.empty())
        return v;
    const QImage small(smallBgr.data, smallBgr.cols, smallBgr.rows, static_cast<qsizetype>(smallBgr.step),
                       QImage::Format_BGR888);

    // The page, found at analysis size; its corners given in the frame's pixels.
    PageDetectOptions detect;
    detect.workSize = m_options.analysisSize;
    v.page = detectPage(small, detect);
    if (v.page.found)
        for (QPointF& c : v.page.corners)
            c /= toSmall;

    cv::Mat grey;
    cv::cvtColor(smallBgr, grey, cv::COLOR_BGR2GRAY);
    v.sharpness = focusMeasure(grey, v.page, toSmall);
    v.sharp = v.sharpness >= m_options.sharpAbove;

    cv::Mat motionGrey;
    const double toMotion = static_cast<double>(kMotionWidth) / std::max(grey.cols, grey.rows);
    cv::resize(grey, motionGrey, cv::Size(), toMotion, toMotion, cv::INTER_AREA);
    cv::GaussianBlur(motionGrey, motionGrey, cv::Size(3, 3), 0);
    const QImage motionImage = QImage(motionGrey.data, motionGrey.cols, motionGrey.rows,
                                      static_cast<qsizetype>(motionGrey.step), QImage::Format_Grayscale8)
                                   .copy();
    const bool havePrevious = !m_previous.isNull() && m_previous.size() == motionImage.size();
    if (havePrevious) {
        cv::Mat previous(m_previous.height(), m_previous.width(), CV_8UC1, const_cast<uchar*>(m_previous.constBits()),
                         static_cast<size_t>(m_previous.bytesPerLine()));
        cv::Mat diff;
        cv::absdiff(motionGrey, previous, diff);
        v.motion = cv::mean(diff)[0];
    }
    const double diagonal = std::hypot(frame.width(), frame.height());
    const double shift = v.page.found && m_previousFound ? cornerShift(v.page.corners, m_previousCorners, diagonal) : 0;
    v.still = havePrevious && v.motion < m_options.stillBelow && shift < kCornersStill;

    // The steady period: page found, still and sharp, timed from its first frame.
    m_framesWithoutPage = v.page.found ? 0 : m_framesWithoutPage + 1;
    const bool moved = (havePrevious && v.motion > kMovedFactor * m_options.stillBelow) || shift > kCornersMoved
                       || m_framesWithoutPage >= kFramesGone;
    if (moved)
        m_captured = false;
    v.steady = v.page.found && v.still && v.sharp;
    if (v.steady) {
        if (m_steadySinceMs < 0 || timestampMs < m_steadySinceMs)
            m_steadySinceMs = timestampMs;
        v.steadyMs = static_cast<int>(std::min<qint64>(timestampMs - m_steadySinceMs, 1 << 30));
        if (!m_captured && v.steadyMs >= m_options.steadyForMs) {
            v.capture = true;
            m_captured = true;
        }
    } else {
        m_steadySinceMs = -1;
    }
    v.captured = m_captured;

    m_previous = motionImage;
    m_previousFound = v.page.found;
    if (v.page.found)
        m_previousCorners = v.page.corners;
    return v;
}

} // namespace incidoc
