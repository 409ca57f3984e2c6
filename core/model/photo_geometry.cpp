#include "core/model/photo_geometry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPolygonF>

namespace incidoc {
namespace {

QJsonArray pair(double a, double b)
{
    return QJsonArray{a, b};
}

std::optional<QPointF> pointOf(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
        return std::nullopt;
    return QPointF(a[0].toDouble(), a[1].toDouble());
}

std::optional<QSize> sizeOf(const QJsonValue& v)
{
    const auto p = pointOf(v);
    if (!p || p->x() < 0 || p->y() < 0 || p->x() > 1e6 || p->y() > 1e6)
        return std::nullopt;
    return QSize(static_cast<int>(p->x()), static_cast<int>(p->y()));
}

} // namespace

QString photoStateName(PhotoState state)
{
    switch (state) {
    case PhotoState::NotPhoto: return QStringLiteral("not-photo");
    case PhotoState::Flattened: return QStringLiteral("flattened");
    case PhotoState::NoPage: return QStringLiteral("no-page");
    }
    return {};
}

QTransform PhotoGeometry::photoToPage() const
{
    if (!isFlattened())
        return {};
    const QPolygonF from{corners[0], corners[1], corners[2], corners[3]};
    const double w = pageSize.width(), h = pageSize.height();
    const QPolygonF to{QPointF(0, 0), QPointF(w, 0), QPointF(w, h), QPointF(0, h)};
    QTransform t;
    if (!QTransform::quadToQuad(from, to, t))
        return {};
    return t;
}

QTransform PhotoGeometry::pageToPhoto() const
{
    bool invertible = false;
    const QTransform back = photoToPage().inverted(&invertible);
    return invertible ? back : QTransform();
}

QJsonObject PhotoGeometry::toJson() const
{
    QJsonObject o{{QStringLiteral("state"), photoStateName(state)}};
    if (photoSize.isValid())
        o.insert(QStringLiteral("photo_size"), pair(photoSize.width(), photoSize.height()));
    if (state == PhotoState::Flattened) {
        QJsonArray c;
        for (const QPointF& p : corners)
            c.append(pair(p.x(), p.y()));
        o.insert(QStringLiteral("corners"), c);
        o.insert(QStringLiteral("page_size"), pair(pageSize.width(), pageSize.height()));
        o.insert(QStringLiteral("dpi"), dpi);
        o.insert(QStringLiteral("even_light"), evenLight);
    }
    if (manual || state == PhotoState::Flattened) // a person's "read it as it is" is theirs too
        o.insert(QStringLiteral("manual"), manual);
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

std::optional<PhotoGeometry> PhotoGeometry::fromJson(const QJsonObject& json)
{
    PhotoGeometry g;
    const QString state = json.value(QStringLiteral("state")).toString();
    if (state == photoStateName(PhotoState::NotPhoto))
        g.state = PhotoState::NotPhoto;
    else if (state == photoStateName(PhotoState::Flattened))
        g.state = PhotoState::Flattened;
    else if (state == photoStateName(PhotoState::NoPage))
        g.state = PhotoState::NoPage;
    else
        return std::nullopt;
    if (json.contains(QStringLiteral("photo_size"))) {
        const auto size = sizeOf(json.value(QStringLiteral("photo_size")));
        if (!size)
            return std::nullopt;
        g.photoSize = *size;
    }
    g.note = json.value(QStringLiteral("note")).toString();
    g.manual = json.value(QStringLiteral("manual")).toBool();
    if (g.state != PhotoState::Flattened)
        return g;
    const QJsonArray c = json.value(QStringLiteral("corners")).toArray();
    const auto page = sizeOf(json.value(QStringLiteral("page_size")));
    if (c.size() != 4 || !page || page->isEmpty())
        return std::nullopt;
    for (int i = 0; i < 4; ++i) {
        const auto p = pointOf(c[i]);
        if (!p)
            return std::nullopt;
        g.corners[static_cast<std::size_t>(i)] = *p;
    }
    g.pageSize = *page;
    g.dpi = json.value(QStringLiteral("dpi")).toInt();
    g.evenLight = json.value(QStringLiteral("even_light")).toBool(true);
    return g;
}

std::optional<PhotoGeometry> PhotoGeometry::fromJsonText(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return fromJson(doc.object());
}

QString PhotoGeometry::toJsonText() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

} // namespace incidoc
