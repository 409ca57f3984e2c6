#include "core/imaging/prepare.h"

#include <QBuffer>
#include <QImageWriter>

#include <opencv2/core.hpp>
#include <opencv2/core/version.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace incidoc {

namespace {

// Grey input as Format_Grayscale8 (a shallow copy when it already is one).
QImage asGrey(const QImage& image)
{
    if (image.isNull() || image.format() == QImage::Format_Grayscale8)
        return image;
    return image.convertToFormat(QImage::Format_Grayscale8);
}

// A read-only view of the QImage's pixels: no copy; the row stride is QImage's (32-bit aligned).
cv::Mat viewOf(const QImage& grey)
{
    return cv::Mat(grey.height(), grey.width(), CV_8UC1, const_cast<uchar*>(grey.constBits()),
                   static_cast<size_t>(grey.bytesPerLine()));
}

// A writable view of a freshly allocated QImage, so OpenCV writes straight into it.
cv::Mat writableViewOf(QImage& grey)
{
    return cv::Mat(grey.height(), grey.width(), CV_8UC1, grey.bits(), static_cast<size_t>(grey.bytesPerLine()));
}

// Copies `m` into a new QImage unless it already lives in `target` (OpenCV reallocates when the
// destination does not fit, which our preallocated views always do; this is a safety net).
QImage intoImage(const cv::Mat& m, QImage target)
{
    if (target.isNull() || m.data != target.constBits()) {
        target = QImage(m.cols, m.rows, QImage::Format_Grayscale8);
        if (target.isNull())
            return {};
        for (int y = 0; y < m.rows; ++y)
            std::copy_n(m.ptr<uchar>(y), m.cols, target.scanLine(y));
    }
    return target;
}

int oddBlock(int block)
{
    block = std::max(block, 3);
    return block % 2 == 0 ? block + 1 : block;
}

cv::Mat sauvola(const cv::Mat& src, int block, double k)
{
    // Local mean and standard deviation from box filters of I and I^2: O(1) per pixel at any window.
    constexpr double kR = 128.0; // dynamic range of the standard deviation for 8-bit input
    cv::Mat f;
    src.convertTo(f, CV_32F);
    cv::Mat mean, meanSq;
    const cv::Size win(block, block);
    cv::boxFilter(f, mean, CV_32F, win, cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::boxFilter(f.mul(f), meanSq, CV_32F, win, cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    cv::Mat var = meanSq - mean.mul(mean);
    cv::max(var, 0.0, var); // rounding can make it slightly negative
    cv::Mat sd;
    cv::sqrt(var, sd);
    cv::Mat threshold = mean.mul(1.0 + k * (sd / kR - 1.0));
    cv::Mat out;
    cv::compare(f, threshold, out, cv::CMP_GT); // 255 where brighter than the threshold: background
    return out;
}

} // namespace

std::optional<double> estimateCapHeight(const QImage& image)
{
    try {
        const QImage grey = asGrey(image);
        if (grey.isNull() || grey.width() < 8 || grey.height() < 8)
            return std::nullopt;
        const cv::Mat src = viewOf(grey);

        // A nearly uniform page has no text; Otsu would split its noise into specks.
        cv::Scalar mean, stddev;
        cv::meanStdDev(src, mean, stddev);
        if (stddev[0] < 2.0)
            return std::nullopt;

        // Ink as foreground. Otsu suits this: we only need the shapes of the glyphs, and forms are
        // mostly dark ink on light paper.
        cv::Mat ink;
        cv::threshold(src, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
        cv::Mat labels, stats, centroids;
        const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);

        const int maxHeight = std::max(12, std::min(grey.height() / 8, 400));
        std::vector<int> heights;
        heights.reserve(static_cast<size_t>(n));
        for (int i = 1; i < n; ++i) { // 0 is the background
            const int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
            const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
            const int area = stats.at<int>(i, cv::CC_STAT_AREA);
            if (h < 4 || h > maxHeight || area < 6)
                continue; // specks, dots, commas; tall rules and frames
            const double aspect = static_cast<double>(w) / h;
            if (aspect < 0.08 || aspect > 4.0)
                continue; // vertical and horizontal rules, underlines, merged runs of a line
            const double fill = static_cast<double>(area) / (static_cast<double>(w) * h);
            if (fill < 0.08)
                continue; // boxes and frames: thin outlines around mostly empty space
            heights.push_back(h);
        }
        if (heights.size() < 12)
            return std::nullopt;

        // In mixed-case text most glyphs are x-height; capitals, digits, ascenders (and descenders,
        // which are about as tall) make up the top quarter or so. The 80th percentile sits on them
        // whether the text is mixed case or all capitals, and ignores the odd merged blob.
        const size_t at = static_cast<size_t>(std::floor(0.8 * static_cast<double>(heights.size() - 1)));
        std::nth_element(heights.begin(), heights.begin() + static_cast<long>(at), heights.end());
        return static_cast<double>(heights[at]);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

double ocrScaleFactor(std::optional<double> capHeightPx, double target)
{
    if (!capHeightPx || *capHeightPx <= 0 || target <= 0)
        return 1.0;
    if (std::abs(*capHeightPx - target) <= 0.15 * target)
        return 1.0;
    return std::clamp(target / *capHeightPx, 0.5, 4.0);
}

QImage rescaled(const QImage& image, double scale)
{
    const QImage grey = asGrey(image);
    if (grey.isNull() || scale == 1.0 || !(scale > 0) || !std::isfinite(scale))
        return grey;
    try {
        const int w = std::max(1, static_cast<int>(std::lround(grey.width() * scale)));
        const int h = std::max(1, static_cast<int>(std::lround(grey.height() * scale)));
        QImage out(w, h, QImage::Format_Grayscale8);
        if (out.isNull())
            return {};
        cv::Mat dst = writableViewOf(out);
        // Cubic keeps glyph edges sharp when enlarging; area averaging avoids aliasing when shrinking.
        cv::resize(viewOf(grey), dst, cv::Size(w, h), 0, 0, scale > 1.0 ? cv::INTER_CUBIC : cv::INTER_AREA);
        out = intoImage(dst, out);
        const int dpmX = grey.dotsPerMeterX(), dpmY = grey.dotsPerMeterY();
        if (dpmX > 0 && dpmY > 0) {
            out.setDotsPerMeterX(static_cast<int>(std::lround(dpmX * scale)));
            out.setDotsPerMeterY(static_cast<int>(std::lround(dpmY * scale)));
        }
        return out;
    } catch (const std::exception&) {
        return {};
    }
}

OcrInput prepareForOcr(const QImage& grey, double target)
{
    OcrInput in;
    in.capHeightPx = estimateCapHeight(grey);
    in.scale = ocrScaleFactor(in.capHeightPx, target);
    in.image = rescaled(grey, in.scale);
    return in;
}

QImage binarize(const QImage& image, const BinarizeOptions& options)
{
    const QImage grey = asGrey(image);
    if (grey.isNull() || options.method == BinarizeMethod::None)
        return grey;
    try {
        const cv::Mat src = viewOf(grey);
        const int block = oddBlock(options.blockSize);
        QImage out(grey.width(), grey.height(), QImage::Format_Grayscale8);
        if (out.isNull())
            return {};
        cv::Mat dst = writableViewOf(out);
        switch (options.method) {
        case BinarizeMethod::AdaptiveGaussian:
            cv::adaptiveThreshold(src, dst, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, block, options.c);
            break;
        case BinarizeMethod::Sauvola: sauvola(src, block, options.sauvolaK).copyTo(dst); break;
        case BinarizeMethod::Otsu: cv::threshold(src, dst, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU); break;
        case BinarizeMethod::None: break;
        }
        out = intoImage(dst, out);
        out.setDotsPerMeterX(grey.dotsPerMeterX());
        out.setDotsPerMeterY(grey.dotsPerMeterY());
        return out;
    } catch (const std::exception&) {
        return {};
    }
}

QByteArray encodeBilevelPng(const QImage& binary)
{
    if (binary.isNull())
        return {};
    try {
        // Built by hand rather than with convertToFormat (which dithers grey by default and picks its own
        // palette order): index 0 black, 1 white, cut at mid-grey. A two-entry palette makes Qt's PNG
        // writer store a 1-bit image.
        const QImage grey = asGrey(binary);
        QImage mono(grey.width(), grey.height(), QImage::Format_Mono);
        if (mono.isNull())
            return {};
        mono.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
        mono.setDotsPerMeterX(grey.dotsPerMeterX());
        mono.setDotsPerMeterY(grey.dotsPerMeterY());
        for (int y = 0; y < grey.height(); ++y) {
            const uchar* in = grey.constScanLine(y);
            uchar* out = mono.scanLine(y);
            std::fill_n(out, mono.bytesPerLine(), uchar(0));
            for (int x = 0; x < grey.width(); ++x) {
                if (in[x] >= 128)
                    out[x >> 3] |= static_cast<uchar>(0x80 >> (x & 7)); // Format_Mono: MSB first
            }
        }
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "png");
        writer.setQuality(0); // Qt maps PNG quality 0 to zlib level 9 (setCompression is not the PNG knob)
        if (!writer.write(mono))
            return {};
        return bytes;
    } catch (const std::exception&) {
        return {};
    }
}

QString opencvVersion()
{
    return QStringLiteral("opencv " CV_VERSION);
}

} // namespace incidoc
