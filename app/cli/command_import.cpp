// `import PATH...`: registers files and folders in the project, then processes the new pages.

#include "app/cli/commands.h"
#include "app/cli/process_queued.h"
#include "core/import/annotation_layer.h"
#include "core/import/file_registration.h"
#include "core/storage/project_store.h"

#include <QJsonArray>

namespace incidoc::cli {
namespace {

/// Registers the inputs, opening each file in `workplace` (the project is closed again on return); an
/// error: it cannot be opened.
Result<ImportReport> registerInputs(const CliOptions& o, const std::shared_ptr<Workplace>& workplace,
                                    CancelToken& interrupt, std::vector<AnnotationImport>& annotations)
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
    // Annotations beside the images (or in --annotations DIR) become their pages' words and forms.
    std::vector<std::pair<DocumentId, QString>> added;
    for (const ImportedFile& f : report.files)
        if (f.outcome == ImportedFile::Outcome::Added && f.documentId != 0)
            added.push_back({f.documentId, f.path});
    annotations = applyAnnotations(**store, added, o.annotationsDir);
    return report;
}

void reportAnnotations(const CliOptions& o, const std::vector<AnnotationImport>& annotations, QJsonObject& json)
{
    QJsonArray list;
    int applied = 0;
    for (const AnnotationImport& a : annotations) {
        list.append(QJsonObject{{QStringLiteral("image"), a.imagePath},
                                {QStringLiteral("annotations"), a.annotationPath},
                                {QStringLiteral("document_id"), a.document},
                                {QStringLiteral("applied"), a.applied},
                                {QStringLiteral("format"), a.applied ? QJsonValue(a.format) : QJsonValue()},
                                {QStringLiteral("words"), a.words},
                                {QStringLiteral("entities"), a.entities},
                                {QStringLiteral("links"), a.links},
                                {QStringLiteral("error"), a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)}});
        applied += a.applied ? 1 : 0;
        if (!a.applied && !o.json)
            err(Cli::tr("  ANNOTATIONS NOT IMPORTED  %1: %2 (the image is read by OCR)")
                    .arg(a.annotationPath, a.error));
    }
    json.insert(QStringLiteral("annotations"), list);
    if (!annotations.empty() && !o.json && !o.quiet)
        out(Cli::tr("Annotations: %1 file(s) imported as their pages' words and forms; %2 refused")
                .arg(applied)
                .arg(static_cast<int>(annotations.size()) - applied));
}

void reportRegistration(const CliOptions& o, const ImportReport& report, QJsonObject& json)
{
    QJsonArray files;
    for (const auto& f : report.files)
        files.append(
            QJsonObject{{QStringLiteral("path"), f.path},
                        {QStringLiteral("outcome"), importOutcomeName(f.outcome)},
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
    std::vector<AnnotationImport> annotations;
    auto registered = registerInputs(o, workplace, interrupt, annotations);
    if (!registered) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, registered.error().message));
        return kExitUsage;
    }
    const ImportReport& report = *registered;
    reportRegistration(o, report, json);
    reportAnnotations(o, annotations, json);
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
