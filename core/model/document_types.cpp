#include "core/model/document_types.h"

#include <QRegularExpression>

namespace incidoc {

QStringList defaultDocumentTypes()
{
    return {QStringLiteral("incident_report"), QStringLiteral("narrative"), QStringLiteral("witness_statement"),
            QStringLiteral("photo"),           QStringLiteral("fax"),       QStringLiteral("other")};
}

bool isValidTypeName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    return pattern.match(name).hasMatch();
}

bool TypeProfile::isEmpty() const
{
    return engines.isEmpty() && profile.isEmpty() && dpi == 0 && binarize.isEmpty() && !reviewThreshold;
}

QJsonObject TypeProfile::toJson() const
{
    QJsonObject o;
    if (!engines.isEmpty())
        o.insert(QStringLiteral("engines"), engines);
    if (!profile.isEmpty())
        o.insert(QStringLiteral("profile"), profile);
    if (dpi > 0)
        o.insert(QStringLiteral("dpi"), dpi);
    if (!binarize.isEmpty())
        o.insert(QStringLiteral("binarize"), binarize);
    if (reviewThreshold)
        o.insert(QStringLiteral("review_threshold"), *reviewThreshold);
    return o;
}

std::optional<TypeProfile> typeProfileFromJson(const QJsonObject& json, QString* error)
{
    const auto bad = [&](const QString& why) -> std::optional<TypeProfile> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    TypeProfile p;
    p.engines = json.value(QStringLiteral("engines")).toString();
    if (!p.engines.isEmpty()
        && !QStringList{QStringLiteral("tesseract"), QStringLiteral("ppocr"), QStringLiteral("tesseract+ppocr")}
                .contains(p.engines))
        return bad(QStringLiteral("engines: \"%1\" is not tesseract, ppocr or tesseract+ppocr").arg(p.engines));
    p.profile = json.value(QStringLiteral("profile")).toString();
    if (!p.profile.isEmpty() && p.profile != QLatin1String("fast") && p.profile != QLatin1String("accurate"))
        return bad(QStringLiteral("profile: \"%1\" is not fast or accurate").arg(p.profile));
    const QJsonValue dpi = json.value(QStringLiteral("dpi"));
    if (!dpi.isUndefined() && !dpi.isNull()) {
        const int d = dpi.toInt(-1);
        if (d != 0 && (d < 50 || d > 1200))
            return bad(QStringLiteral("dpi: %1 is not between 50 and 1200").arg(dpi.toDouble()));
        p.dpi = d;
    }
    p.binarize = json.value(QStringLiteral("binarize")).toString();
    if (!p.binarize.isEmpty()
        && !QStringList{QStringLiteral("adaptive"), QStringLiteral("sauvola"), QStringLiteral("otsu"),
                        QStringLiteral("none")}
                .contains(p.binarize))
        return bad(QStringLiteral("binarize: \"%1\" is not adaptive, sauvola, otsu or none").arg(p.binarize));
    const QJsonValue threshold = json.value(QStringLiteral("review_threshold"));
    if (!threshold.isUndefined() && !threshold.isNull()) {
        const double t = threshold.toDouble(-1);
        if (!threshold.isDouble() || t < 0 || t > 100)
            return bad(QStringLiteral("review_threshold: not a number between 0 and 100"));
        p.reviewThreshold = t;
    }
    return p;
}

QString toString(TypeSource v)
{
    switch (v) {
    case TypeSource::None: return {};
    case TypeSource::User: return QStringLiteral("user");
    case TypeSource::Predicted: return QStringLiteral("predicted");
    }
    return {};
}

std::optional<TypeSource> typeSourceFromString(const QString& s)
{
    if (s.isEmpty())
        return TypeSource::None;
    if (s == QLatin1String("user"))
        return TypeSource::User;
    if (s == QLatin1String("predicted"))
        return TypeSource::Predicted;
    return std::nullopt;
}

} // namespace incidoc
