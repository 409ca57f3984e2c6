#include "core/photo/cv_bridge.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace incidoc::photo_detail {

cv::Mat colourViewOf(const QImage& image, QImage& keep, bool* rgba)
{
    if (rgba)
        *rgba = false;
    switch (image.format()) {
    case QImage::Format_Grayscale8:
        keep = image;
        return cv::Mat(keep.height(), keep.width(), CV_8UC1, const_cast<uchar*>(keep.constBits()),
                       static_cast<size_t>(keep.bytesPerLine()));
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        // 0xAARRGGBB in native (little-endian) order: B, G, R, A in memory.
        keep = image;
        return cv::Mat(keep.height(), keep.width(), CV_8UC4, const_cast<uchar*>(keep.constBits()),
                       static_cast<size_t>(keep.bytesPerLine()));
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888_Premultiplied:
        if (!rgba)
            break;
        *rgba = true;
        keep = image;
        return cv::Mat(keep.height(), keep.width(), CV_8UC4, const_cast<uchar*>(keep.constBits()),
                       static_cast<size_t>(keep.bytesPerLine()));
    case QImage::Format_BGR888:
        keep = image;
        return cv::Mat(keep.height(), keep.width(), CV_8UC3, const_cast<uchar*>(keep.constBits()),
                       static_cast<size_t>(keep.bytesPerLine()));
    default: break;
    }
    // Indexed, mono, 16-bit, RGB888 (R first), RGBA where the caller reads BGRA only: one conversion to a
    // format read as is.
    keep = image.convertToFormat(image.isGrayscale() && image.depth() <= 16 ? QImage::Format_Grayscale8
                                                                            : QImage::Format_RGB32);
    if (keep.isNull())
        return {};
    return colourViewOf(keep, keep);
}

cv::Mat greyOf(const QImage& image)
{
    QImage keep;
    bool rgba = false;
    const cv::Mat view = colourViewOf(image, keep, &rgba);
    cv::Mat grey;
    if (view.empty())
        return grey;
    if (view.channels() == 1)
        view.copyTo(grey);
    else
        cv::cvtColor(view, grey,
                     view.channels() == 4 ? (rgba ? cv::COLOR_RGBA2GRAY : cv::COLOR_BGRA2GRAY) : cv::COLOR_BGR2GRAY);
    return grey;
}

cv::Mat downscaledBgr(const QImage& image, int longSide, double& scale)
{
    scale = 1;
    QImage keep;
    bool rgba = false;
    const cv::Mat view = colourViewOf(image, keep, &rgba);
    if (view.empty())
        return {};
    const int longest = std::max(view.cols, view.rows);
    cv::Mat small;
    if (longest > longSide) {
        scale = static_cast<double>(longSide) / longest;
        const cv::Size size(std::max(1, static_cast<int>(std::lround(view.cols * scale))),
                            std::max(1, static_cast<int>(std::lround(view.rows * scale))));
        cv::resize(view, small, size, 0, 0, cv::INTER_AREA);
    } else {
        small = view;
    }
    cv::Mat bgr;
    if (small.channels() == 1)
        cv::cvtColor(small, bgr, cv::COLOR_GRAY2BGR);
    else if (small.channels() == 4)
        cv::cvtColor(small, bgr, rgba ? cv::COLOR_RGBA2BGR : cv::COLOR_BGRA2BGR);
    else
        bgr = small.clone();
    return bgr;
}

QImage greyImageOf(const cv::Mat& grey)
{
    QImage out(grey.cols, grey.rows, QImage::Format_Grayscale8);
    if (out.isNull())
        return out;
    for (int y = 0; y < grey.rows; ++y)
        std::copy_n(grey.ptr<uchar>(y), grey.cols, out.scanLine(y));
    return out;
}

} // namespace incidoc::photo_detail
