#include "app/cli/commands.h"

#include <QJsonDocument>

#include <cstdio>

namespace incidoc::cli {

void out(const QString& s)
{
    std::fprintf(stdout, "%s\n", qPrintable(s));
    std::fflush(stdout);
}

void err(const QString& s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
}

void printJson(const QJsonObject& o)
{
    std::fprintf(stdout, "%s", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
}

} // namespace incidoc::cli
