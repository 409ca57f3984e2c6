#pragma once
// Inside the photo stage and the capture stage that analyses frames with it: QImage <-> cv::Mat without
// copies where the formats allow, and the downscaled colour image the detectors work on.

#include <QImage>

#include <opencv2/core.hpp>

namespace incidoc::photo_detail {

/// The image as BGR(A)/grey pixels shared with `keep` (a converted copy when the format is not one OpenCV
/// reads directly). `keep` must outlive the returned Mat. `rgba`: the four channels are R, G, B, A in memory
/// (Format_RGBA8888 and kin, as camera frames often arrive) rather than B, G, R, A.
cv::Mat colourViewOf(const QImage& image, QImage& keep, bool* rgba = nullptr);

/// The image in grey (CV_8UC1, a new buffer).
cv::Mat greyOf(const QImage& image);

/// The image reduced (INTER_AREA) so that its longer side is at most `longSide`, as BGR (CV_8UC3).
/// `scale` receives small / original.
cv::Mat downscaledBgr(const QImage& image, int longSide, double& scale);

/// A CV_8UC1 Mat as a Format_Grayscale8 QImage (a deep copy).
QImage greyImageOf(const cv::Mat& grey);

} // namespace incidoc::photo_detail
