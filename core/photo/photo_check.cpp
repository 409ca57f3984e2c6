#include "core/photo/photo_check.h"

#include "core/photo/cv_bridge.h"
#include "core/photo/page_detect.h"

#include <QFileInfo>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>

#include <libexif/exif-data.h>

namespace incidoc {
namespace {

QString exifText(ExifData* data, ExifTag tag)
{
    ExifEntry* entry = exif_data_get_entry(data, tag);
    if (!entry)
        return {};
    std::array<char, 256> buffer{};
    exif_entry_get_value(entry, buffer.data(), static_cast<unsigned int>(buffer.size() - 1));
    return QString::fromUtf8(buffer.data()).trimmed();
}

/// A camera's EXIF: who made it and how it exposed. A scanner may write a make and a model, never an
/// exposure time or an aperture.
QString cameraFromExif(const QString& path)
{
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return {};
    std::unique_ptr<ExifData, void (*)(ExifData*)> data(exif_data_new_from_file(QFile::encodeName(path).constData()),
                                                        exif_data_unref);
    if (!data)
        return {};
    const QString make = exifText(data.get(), EXIF_TAG_MAKE);
    const QString model = exifText(data.get(), EXIF_TAG_MODEL);
    const bool exposed =
        !exifText(data.get(), EXIF_TAG_EXPOSURE_TIME).isEmpty() || !exifText(data.get(), EXIF_TAG_FNUMBER).isEmpty();
    if ((make.isEmpty() && model.isEmpty()) || !exposed)
        return {};
    return model.startsWith(make) || make.isEmpty() ? model : make + QLatin1Char(' ') + model;
}

/// Width : height of a camera's sensor or video, either way up.
bool cameraAspect(QSize size)
{
    const double r =
        static_cast<double>(std::max(size.width(), size.height())) / std::max(1, std::min(size.width(), size.height()));
    for (const double a : {4.0 / 3.0, 3.0 / 2.0, 16.0 / 9.0, 2.0, 19.5 / 9.0, 1.0})
        if (std::abs(r - a) / a < 0.012)
            return true;
    return false;
}

/// How far the quad's angles are from right angles, in degrees (the largest).
double perspectiveDegrees(const std::array<QPointF, 4>& c)
{
    double worst = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const QPointF a = c[(i + 3) % 4] - c[i], b = c[(i + 1) % 4] - c[i];
        const double na = std::hypot(a.x(), a.y()), nb = std::hypot(b.x(), b.y());
        if (na < 1e-9 || nb < 1e-9)
            return 0;
        const double cosv = std::clamp((a.x() * b.x() + a.y() * b.y()) / (na * nb), -1.0, 1.0);
        worst = std::max(worst, std::abs(std::acos(cosv) * 180 / M_PI - 90));
    }
    return worst;
}

/// Whether what lies around the page is not paper: coloured, darker than the page, or textured.
bool backgroundAround(const QImage& image, const PageDetection& page, QString& why)
{
    double scale = 1;
    const cv::Mat bgr = photo_detail::downscaledBgr(image, 480, scale);
    if (bgr.empty())
        return false;
    std::vector<cv::Point> poly;
    for (const QPointF& p : page.corners)
        poly.emplace_back(cvRound((p.x() + 0.5) * scale - 0.5), cvRound((p.y() + 0.5) * scale - 0.5));
    cv::Mat in = cv::Mat::zeros(bgr.size(), CV_8UC1);
    cv::fillConvexPoly(in, poly, cv::Scalar(255));
    cv::Mat out = 255 - in;
    // Not right at the page's edge (the outline may be a little off).
    cv::erode(out, out, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(7, 7)));
    const double outShare = cv::countNonZero(out) / static_cast<double>(bgr.size().area());
    if (outShare < 0.08)
        return false;
    cv::Mat hsv;
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
    std::vector<cv::Mat> ch;
    cv::split(hsv, ch);
    cv::Mat inCore;
    cv::erode(in, inCore, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(7, 7)));
    const double satOut = cv::mean(ch[1], out)[0];
    // The page's paper: the bright part of its inside (print left out).
    cv::Mat paperV;
    cv::dilate(ch[2], paperV, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
    const double valIn = cv::mean(paperV, inCore)[0];
    const double valOut = cv::mean(paperV, out)[0];
    // Texture: how much the background's brightness varies at a fine scale.
    cv::Mat grey, lap;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Laplacian(grey, lap, CV_16S, 3);
    cv::Mat absLap;
    cv::convertScaleAbs(lap, absLap);
    const double texOut = cv::mean(absLap, out)[0];
    if (satOut > 45) {
        why = QStringLiteral("coloured background around the page");
        return true;
    }
    if (valOut < valIn - 45) {
        why = QStringLiteral("dark background around the page");
        return true;
    }
    if (texOut > 18) {
        why = QStringLiteral("textured background around the page");
        return true;
    }
    // A white page on a light table: only a little darker around, but the page is seen in perspective (a
    // scan's boxes and pasted sheets are rectangles).
    if (valOut < valIn - 12 && page.confidence > 0.6 && perspectiveDegrees(page.corners) > 4) {
        why = QStringLiteral("a page in perspective on a lighter background");
        return true;
    }
    return false;
}

} // namespace

namespace {

/// examineImage, keeping the page it found (when it looked for one).
PhotoEvidence examine(const QString& path, const QImage& image, std::optional<PageDetection>& page)
{
    PhotoEvidence evidence;
    const QString camera = cameraFromExif(path);
    if (!camera.isEmpty()) {
        evidence.isPhoto = true;
        evidence.reason = QStringLiteral("EXIF: camera %1").arg(camera);
        return evidence;
    }
    if (image.isNull() || image.width() < 64 || image.height() < 64) {
        evidence.reason = QStringLiteral("too small for a photo of a page");
        return evidence;
    }
    if (!cameraAspect(image.size())) {
        evidence.reason = QStringLiteral("not a camera's aspect ratio");
        return evidence;
    }
    page = detectPage(image);
    if (!page->found) {
        evidence.reason = QStringLiteral("camera's aspect ratio, no page with a background around it");
        return evidence;
    }
    QString why;
    if (backgroundAround(image, *page, why)) {
        evidence.isPhoto = true;
        evidence.reason = QStringLiteral("camera's aspect ratio, ") + why;
        return evidence;
    }
    evidence.reason = QStringLiteral("camera's aspect ratio, paper around the page (a scan)");
    return evidence;
}

} // namespace

PhotoEvidence examineImage(const QString& path, const QImage& image)
{
    std::optional<PageDetection> page;
    return examine(path, image, page);
}

PhotoGeometry lookAtImage(const QString& path, const QImage& image, const FlattenOptions& options)
{
    PhotoGeometry g;
    g.photoSize = image.size();
    g.evenLight = options.evenLight;
    std::optional<PageDetection> page;
    const PhotoEvidence evidence = examine(path, image, page);
    if (!evidence.isPhoto) {
        g.state = PhotoState::NotPhoto;
        return g;
    }
    if (!page)
        page = detectPage(image);
    if (!page->found) {
        g.state = PhotoState::NoPage;
        g.note = QStringLiteral("photo: no page found, read as it is");
        return g;
    }
    g = planFlattening(image.size(), page->corners, options);
    g.note = QStringLiteral("photo (%1)").arg(evidence.reason);
    if (!page->note.isEmpty())
        g.note += QStringLiteral("; ") + page->note;
    // Text still sloping on the flat page (corners a little off, a page printed askew): turn the corners.
    // Looked at on a small flat page: the slope does not depend on the resolution.
    PhotoGeometry preview = g;
    const double shrink = std::min(1.0, 1100.0 / std::max(g.pageSize.width(), g.pageSize.height()));
    preview.pageSize = QSize(std::max(1, static_cast<int>(g.pageSize.width() * shrink)),
                             std::max(1, static_cast<int>(g.pageSize.height() * shrink)));
    const double skew = textSkewDegrees(flattenPhoto(image, preview));
    if (std::abs(skew) > 0.3) {
        g = deskewed(g, skew);
        g.note += QStringLiteral("; deskewed %1°").arg(skew, 0, 'f', 2);
    }
    return g;
}

} // namespace incidoc
