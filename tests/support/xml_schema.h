#pragma once
// XML Schema validation for the export tests, offline: xmllint with the XSDs in ../shared/schemas (CMake
// cache variable INCIDOC_SCHEMAS_DIR) and that folder's XML catalog, which maps the network locations the
// schemas import (ALTO imports XLink from loc.gov) to the local copies. Header-only.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace incidoc::test {

/// Path of a file in the schemas folder, e.g. schemaPath("alto-4-4.xsd").
inline QString schemaPath(const QString& name)
{
    return QDir::cleanPath(QStringLiteral(INCIDOC_SCHEMAS_DIR) + QLatin1Char('/') + name);
}

/// xmllint's verdict: exit code 0 when every file is valid, 3 when one is not (5: the schema itself did
/// not load), -1 when xmllint could not run; `output` holds its messages.
struct SchemaCheck {
    int code = -1;
    QString output;
};

/// Validates `files` against `schema` (a file name in the schemas folder).
inline SchemaCheck validateAgainstSchema(const QStringList& files, const QString& schema)
{
    const QString xsd = schemaPath(schema);
    if (!QFile::exists(xsd))
        return {-1, QStringLiteral("no schema %1 (set INCIDOC_SCHEMAS_DIR)").arg(xsd)};
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XML_CATALOG_FILES"), schemaPath(QStringLiteral("catalog.xml")));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("xmllint"),
            QStringList{QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"), xsd} + files);
    if (!p.waitForFinished(300'000) || p.exitStatus() != QProcess::NormalExit)
        return {-1, QStringLiteral("xmllint did not finish: ") + p.errorString()};
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}

/// Validates one document held in memory against `schema`.
inline SchemaCheck validateAgainstSchema(const QByteArray& xml, const QString& schema)
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("document.xml")));
    if (!f.open(QIODevice::WriteOnly) || f.write(xml) != xml.size())
        return {-1, QStringLiteral("cannot write %1").arg(f.fileName())};
    f.close();
    return validateAgainstSchema(QStringList{f.fileName()}, schema);
}

} // namespace incidoc::test
