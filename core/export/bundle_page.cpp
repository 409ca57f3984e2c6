#include "core/export/bundle_page.h"

#include <QSet>

namespace incidoc {

QString bundleSlug(const QString& fileName)
{
    // The stem: what is left of the last path component without its last extension.
    QString base = fileName;
    base.replace(QLatin1Char('\\'), QLatin1Char('/'));
    base = base.section(QLatin1Char('/'), -1);
    const int dot = base.lastIndexOf(QLatin1Char('.'));
    if (dot > 0)
        base.truncate(dot);
    // NFD splits accented letters into letter + combining mark; the marks are dropped below.
    const QString decomposed = base.normalized(QString::NormalizationForm_D);
    QString slug;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        const ushort u = c.unicode();
        const bool keep =
            (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
        const QChar out = keep ? c : QLatin1Char('-');
        if (out == QLatin1Char('-') && slug.endsWith(QLatin1Char('-')))
            continue;
        slug += out;
    }
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    slug.truncate(60);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("document") : slug;
}

std::vector<QString> bundleSlugs(const std::vector<DocumentRecord>& documents)
{
    std::vector<QString> slugs;
    QSet<QString> used;
    for (const auto& d : documents) {
        const QString stem = bundleSlug(d.name.isEmpty() ? d.path : d.name);
        QString slug = stem;
        for (int n = 2; used.contains(slug.toLower()); ++n)
            slug = QStringLiteral("%1-%2").arg(stem).arg(n);
        used.insert(slug.toLower());
        slugs.push_back(slug);
    }
    return slugs;
}

QString pageStem(int number)
{
    return QStringLiteral("page-%1").arg(number, 4, 10, QLatin1Char('0'));
}

} // namespace incidoc
