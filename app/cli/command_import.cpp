// `import PATH...`: registers files and folders in the project, then processes the new pages.

#include "app/cli/commands.h"
#include "app/cli/process_queued.h"
#include "core/import/file_registration.h"
#include "core/storage/project_store.h"

#include <QJsonArray>

namespace incidoc::cli {
namespace {

QString outcomeName(ImportedFile::Outcome o)
{
    switch (o) {
    case ImportedFile::Outcome::Added: return QStringLiteral("added");
    case ImportedFile::Outcome::Duplicate: return QStringLiteral("duplicate");
    case ImportedFile::Outcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

/// Registers the inputs, opening each file in `workplace` (the project is closed again on return); an
/// error: it cannot be opened.
Result<ImportReport> registerInputs(const CliOptions& o, const std::shared_ptr<Workplace>& workplace,
                                    CancelToken& interrupt)
{
    auto store = ProjectStore::open(o.project);
    if (!store)
        return store.error();
    RegisterOptions registration;
    registration.limits = o.importLimits;
    registration.inspector = workplace;
    ImportReport report = registerFiles(**store, o.inputs, registration, interrupt, [&](const ImportedFile& f) {
        if (f.outcome == ImportedFile::Outcome::Failed && !o.json)
            err(Cli::tr("  FAILED  %1: %2").arg(f.path, f.error));
    });
    return report;
}

void reportRegistration(const CliOptions& o, const ImportReport& report, QJsonObject& json)
{
    QJsonArray files;
    for (const auto& f : report.files)
        files.append(
            QJsonObject{{QStringLiteral("path"), f.path},
                        {QStringLiteral("outcome"), outcomeName(f.outcome)},
                        {QStringLiteral("document_id"), f.documentId},
                        {QStringLiteral("pages"), f.pages},
                        {QStringLiteral("error"), f.error.isEmpty() ? QJsonValue() : QJsonValue(f.error)},
                        {QStringLiteral("failure"),
                         f.outcome == ImportedFile::Outcome::Failed ? QJsonValue(toString(f.failure)) : QJsonValue()}});
    json.insert(QStringLiteral("files"), files);
    json.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(report.skipped));
    if (!o.json && !o.quiet) {
        out(Cli::tr("Added %1 file(s) with %2 page(s); %3 already in the project; %4 failed%5")
                .arg(report.added)
                .arg(report.pagesAdded)
                .arg(report.duplicates)
                .arg(report.failed)
                .arg(report.skipped.isEmpty() ? QString()
                                              : Cli::tr("; %1 other file(s) skipped").arg(report.skipped.size())));
    }
}

} // namespace

int commandImport(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt)
{
    QJsonObject json{{QStringLiteral("project"), o.project}};
    auto registered = registerInputs(o, workplace, interrupt);
    if (!registered) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, registered.error().message));
        return kExitUsage;
    }
    const ImportReport& report = *registered;
    reportRegistration(o, report, json);
    if (!report.storage.ok()) {
        err(Cli::tr("error: %1").arg(report.storage.error().message));
        if (o.json)
            printJson(json);
        return kExitSomeFailed;
    }
    int status = report.failed > 0 ? kExitSomeFailed : kExitOk;
    if (interrupt.isCancelled()) {
        if (o.json)
            printJson(json);
        return kExitInterrupted;
    }
    if (o.noOcr) {
        // The choice is remembered for the pages' OCR later.
        if (auto engines = chooseEngines(o); !engines) {
            err(Cli::tr("error: %1").arg(engines.error().message));
            if (o.json)
                printJson(json);
            return kExitUsage;
        }
    } else {
        const RunResult r = processQueued(o, workplace, interrupt);
        if (!r.ok && r.stats.queued == 0) {
            err(Cli::tr("error: %1").arg(r.error.message));
            return kExitUsage;
        }
        const int runStatus = reportRun(o, r, json);
        if (runStatus != kExitOk)
            status = runStatus;
    }
    if (o.json)
        printJson(json);
    return status;
}

} // namespace incidoc::cli
