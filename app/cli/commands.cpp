#include "app/cli/commands.h"

#include <QDir>
#include <QFileInfo>
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

DocumentId findDocument(const std::vector<DocumentRecord>& documents, const QString& name)
{
    bool isId = false;
    const DocumentId id = name.toLongLong(&isId);
    const QString path = QDir::cleanPath(QFileInfo(name).absoluteFilePath());
    for (const DocumentRecord& d : documents)
        if ((isId && d.id == id) || (!isId && (d.path == name || d.path == path)))
            return d.id;
    return 0;
}

std::optional<OpenedProject> openWithDocuments(const CliOptions& o)
{
    auto store = ProjectStore::open(o.project, OpenMode::ReadWrite);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return std::nullopt;
    }
    auto documents = (*store)->documents();
    if (!documents) {
        err(Cli::tr("error: %1").arg(documents.error().message));
        return std::nullopt;
    }
    return OpenedProject{std::move(store).value(), std::move(documents).value()};
}

QString importOutcomeName(ImportedFile::Outcome outcome)
{
    switch (outcome) {
    case ImportedFile::Outcome::Added: return QStringLiteral("added");
    case ImportedFile::Outcome::Duplicate: return QStringLiteral("duplicate");
    case ImportedFile::Outcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

QJsonObject findingJson(const FormFinding& f, const QString& documentPath)
{
    QJsonObject o{{QStringLiteral("kind"), f.kind},
                  {QStringLiteral("message"), f.message},
                  {QStringLiteral("document_id"), f.document},
                  {QStringLiteral("path"), documentPath},
                  {QStringLiteral("page"), f.pageNumber}};
    if (f.entity != 0)
        o.insert(QStringLiteral("entity_id"), f.entity);
    if (f.word != 0)
        o.insert(QStringLiteral("word_id"), f.word);
    return o;
}

QString findingLine(const FormFinding& f, const QString& documentPath)
{
    return f.pageNumber > 0 ? Cli::tr("  %1 page %2: %3").arg(documentPath).arg(f.pageNumber).arg(f.message)
                            : Cli::tr("  %1: %2").arg(documentPath, f.message);
}

} // namespace incidoc::cli
