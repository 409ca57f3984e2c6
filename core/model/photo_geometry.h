#pragma once
// PhotoGeometry: how a photographed page (a phone photo, a camera frame) becomes a flat page, kept per page
// (pages.photo, core/storage/schema_v6.sql) so that every render of the page (OCR, the view, the export) gives
// the same flat image and boxes on it map back onto the photo for visualizations.
//
// Spaces: *photo pixels* are the pixels of the source image upright (its EXIF orientation applied, as the
// renderer reads it); *page pixels* are the flat page's (core/model/geometry.h). The four corners are the
// page's in photo pixels, clockwise from the top left of the page as it is read. The mapping photo -> page is
// the homography taking the corners onto the page rectangle [0, width] x [0, height].
//
// Thread contract: a value type; reentrant.

#include <QJsonObject>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QTransform>

#include <array>
#include <optional>

namespace incidoc {

/// What looking at an image as a photo found.
enum class PhotoState {
    NotPhoto,  ///< a scan or a born-digital image: read as it is
    Flattened, ///< a photo with a page found in it: read flattened
    NoPage,    ///< a photo in which no page was found: read as it is, with a note
};

struct PhotoGeometry {
    PhotoState state = PhotoState::NotPhoto;
    QSize photoSize;                ///< the photo upright, in its pixels
    std::array<QPointF, 4> corners; ///< Flattened: top left, top right, bottom right, bottom left (photo pixels)
    QSize pageSize;                 ///< Flattened: the flat page in page pixels
    int dpi = 0;                    ///< Flattened: the flat page's resolution (assumed from the page size)
    bool manual = false;            ///< the corners were placed by a person (kept when the page is read again)
    bool evenLight = true;          ///< the flat page's illumination is evened out
    QString note;                   ///< why, for NotPhoto/NoPage ("photo: no page found, read as it is")

    bool isFlattened() const { return state == PhotoState::Flattened && pageSize.isValid(); }
    /// Photo pixels -> page pixels (a projective QTransform); the identity unless flattened.
    QTransform photoToPage() const;
    /// Page pixels -> photo pixels: boxes of the flat page drawn on the photo.
    QTransform pageToPhoto() const;

    /// {"state": "flattened", "photo_size": [w, h], "corners": [[x, y] x4], "page_size": [w, h], "dpi": 300,
    ///  "manual": false, "even_light": true, "note": "..."} (what pages.photo and page JSON hold).
    QJsonObject toJson() const;
    /// nullopt when `json` is not such an object (a damaged value counts as never examined).
    static std::optional<PhotoGeometry> fromJson(const QJsonObject& json);
    static std::optional<PhotoGeometry> fromJsonText(const QString& text);
    QString toJsonText() const;

    friend bool operator==(const PhotoGeometry&, const PhotoGeometry&) = default;
};

QString photoStateName(PhotoState state); ///< "not-photo", "flattened", "no-page"

} // namespace incidoc
