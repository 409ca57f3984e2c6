#include "tests/support/test_paths.h"

#include <QDir>

namespace incidoc::test {

QString testData(const QString& relative)
{
    return QDir::cleanPath(QStringLiteral(INCIDOC_TESTDATA_DIR) + QLatin1Char('/') + relative);
}

QString sourcePath(const QString& relative)
{
    return QDir::cleanPath(QStringLiteral(INCIDOC_SOURCE_DIR) + QLatin1Char('/') + relative);
}

QString builtProgram(const QString& relative)
{
    return QDir::cleanPath(QStringLiteral(INCIDOC_BINARY_DIR) + QLatin1Char('/') + relative);
}

} // namespace incidoc::test
