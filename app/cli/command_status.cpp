// `status`: documents, pages by status and kind, words, reviewed pages, failures with their reasons.

#include "app/cli/commands.h"
#include "core/export/form_checks.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QJsonArray>

#include <map>

namespace incidoc::cli {
namespace {

/// The form checks: invalid typed values and the checks across pages and documents, then the checks
/// before export, with the path of each finding's document.
struct StatusChecks {
    std::vector<FormFinding> fields, beforeExport;
    std::map<DocumentId, QString> paths;
};

/// What folder watchers found: the files waiting to be complete (the first kWaitingListed of them), and
/// how many files settled each way.
struct WatchedStatus {
    std::vector<WatchedFileRecord> waiting;
    int waitingTotal = 0, imported = 0, duplicates = 0, failed = 0, gone = 0;
};
constexpr int kWaitingListed = 20;

Result<WatchedStatus> readWatched(ProjectStore& store)
{
    WatchedStatus w;
    using S = WatchedFileRecord::State;
    auto waiting = store.watchedFiles(S::Waiting, kWaitingListed, &w.waitingTotal);
    if (!waiting)
        return waiting.error();
    w.waiting = std::move(waiting).value();
    for (auto [state, count] : {std::pair{S::Imported, &w.imported}, std::pair{S::Duplicate, &w.duplicates},
                                std::pair{S::Failed, &w.failed}, std::pair{S::Gone, &w.gone}})
        if (auto none = store.watchedFiles(state, 0, count); !none)
            return none.error();
    return w;
}

QJsonObject watchedJson(const WatchedStatus& w)
{
    QJsonArray waiting;
    for (const WatchedFileRecord& r : w.waiting)
        waiting.append(QJsonObject{{QStringLiteral("path"), r.path},
                                   {QStringLiteral("size"), r.size},
                                   {QStringLiteral("first_seen"), r.firstSeen}});
    return QJsonObject{{QStringLiteral("waiting"), w.waitingTotal}, {QStringLiteral("waiting_files"), waiting},
                       {QStringLiteral("imported"), w.imported},    {QStringLiteral("duplicates"), w.duplicates},
                       {QStringLiteral("failed"), w.failed},        {QStringLiteral("gone"), w.gone}};
}

void printWatchedText(const WatchedStatus& w)
{
    if (w.waitingTotal + w.imported + w.duplicates + w.failed + w.gone == 0)
        return;
    out(Cli::tr("Watched:   %1 file(s) waiting to be complete; %2 imported, %3 already in the project, %4 failed, "
                "%5 gone before complete")
            .arg(w.waitingTotal)
            .arg(w.imported)
            .arg(w.duplicates)
            .arg(w.failed)
            .arg(w.gone));
    for (const WatchedFileRecord& r : w.waiting)
        out(Cli::tr("  waiting %1 (%2 bytes, seen %3)").arg(r.path).arg(r.size).arg(r.firstSeen));
    if (w.waitingTotal > static_cast<int>(w.waiting.size()))
        out(Cli::tr("  and %1 more").arg(w.waitingTotal - static_cast<int>(w.waiting.size())));
}

void printStatusJson(const CliOptions& o, const ProjectSummary& s, const std::vector<FailureRecord>& failures,
                     const StatusChecks& checks, const std::vector<DocumentRecord>& documents,
                     const WatchedStatus& watched)
{
    auto findings = [&](const std::vector<FormFinding>& list) {
        QJsonArray a;
        for (const FormFinding& f : list)
            a.append(findingJson(f, checks.paths.count(f.document) ? checks.paths.at(f.document) : QString()));
        return a;
    };
    QJsonArray list;
    for (const auto& f : failures)
        list.append(QJsonObject{{QStringLiteral("document_id"), f.documentId},
                                {QStringLiteral("path"), f.documentPath},
                                {QStringLiteral("page"), f.pageNumber == 0 ? QJsonValue() : QJsonValue(f.pageNumber)},
                                {QStringLiteral("reason"), f.reason},
                                {QStringLiteral("failure"), toString(f.failure)}});
    printJson(
        QJsonObject{{QStringLiteral("project"), o.project},
                    {QStringLiteral("documents"), s.documents},
                    {QStringLiteral("failed_documents"), s.failedDocuments},
                    {QStringLiteral("pages"), QJsonObject{{QStringLiteral("total"), s.pages},
                                                          {QStringLiteral("queued"), s.queued},
                                                          {QStringLiteral("processing"), s.processing},
                                                          {QStringLiteral("done"), s.done},
                                                          {QStringLiteral("failed"), s.failed}}},
                    {QStringLiteral("kinds"), QJsonObject{{QStringLiteral("scanned"), s.scanned},
                                                          {QStringLiteral("text-layer"), s.textLayer},
                                                          {QStringLiteral("blank"), s.blank},
                                                          {QStringLiteral("unknown"), s.unknownKind}}},
                    {QStringLiteral("words"), s.words},
                    {QStringLiteral("reviewed_pages"), s.reviewedPages},
                    {QStringLiteral("failures"), list},
                    {QStringLiteral("forms"), QJsonObject{{QStringLiteral("entities"), s.entities},
                                                          {QStringLiteral("proposed_entities"), s.proposedEntities},
                                                          {QStringLiteral("links"), s.links},
                                                          {QStringLiteral("proposed_links"), s.proposedLinks}}},
                    {QStringLiteral("types"), typeCountsJson(documents)},
                    {QStringLiteral("photos"), QJsonObject{{QStringLiteral("flattened"), s.photosFlattened},
                                                           {QStringLiteral("corners_by_hand"), s.photosManual},
                                                           {QStringLiteral("no_page"), s.photosNoPage}}},
                    {QStringLiteral("checks"), findings(checks.fields)},
                    {QStringLiteral("export_checks"), findings(checks.beforeExport)},
                    {QStringLiteral("watched"), watchedJson(watched)}});
}

void printStatusText(const CliOptions& o, const ProjectSummary& s, const std::vector<FailureRecord>& failures,
                     const StatusChecks& checks, const std::vector<DocumentRecord>& documents)
{
    out(Cli::tr("Project:   %1").arg(QFileInfo(o.project).absoluteFilePath()));
    out(Cli::tr("Documents: %1 (%2 failed to import)").arg(s.documents).arg(s.failedDocuments));
    out(Cli::tr("Pages:     %1 (done %2, queued %3, processing %4, failed %5)")
            .arg(s.pages)
            .arg(s.done)
            .arg(s.queued)
            .arg(s.processing)
            .arg(s.failed));
    out(Cli::tr("Kinds:     scanned %1, text-layer %2, blank %3, not yet known %4")
            .arg(s.scanned)
            .arg(s.textLayer)
            .arg(s.blank)
            .arg(s.unknownKind));
    out(Cli::tr("Words:     %1").arg(s.words));
    out(Cli::tr("Reviewed:  %1 page(s)").arg(s.reviewedPages));
    out(typeCountsLine(documents));
    if (s.photosFlattened > 0 || s.photosNoPage > 0)
        out(Cli::tr("Photos:    %1 page(s) flattened (%2 with corners placed by hand), %3 with no page found")
                .arg(s.photosFlattened)
                .arg(s.photosManual)
                .arg(s.photosNoPage));
    if (s.entities > 0 || s.links > 0)
        out(Cli::tr("Forms:     %1 entities (%2 proposed), %3 links (%4 proposed)")
                .arg(s.entities)
                .arg(s.proposedEntities)
                .arg(s.links)
                .arg(s.proposedLinks));
    for (const auto& [title, list] : {std::pair{Cli::tr("Checks:"), &checks.fields},
                                      std::pair{Cli::tr("Checks before export:"), &checks.beforeExport}}) {
        if (list->empty())
            continue;
        out(title);
        for (const FormFinding& f : *list)
            out(findingLine(f, checks.paths.count(f.document) ? checks.paths.at(f.document) : QString()));
    }
    if (!failures.empty()) {
        out(Cli::tr("Failures:"));
        for (const auto& f : failures) {
            if (f.pageNumber == 0)
                out(Cli::tr("  %1: %2").arg(f.documentPath, f.reason));
            else
                out(Cli::tr("  %1 page %2: %3").arg(f.documentPath).arg(f.pageNumber).arg(f.reason));
        }
    }
}

} // namespace

int commandStatus(const CliOptions& o)
{
    auto store = ProjectStore::open(o.project, QFileInfo::exists(o.project) ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    auto summary = (*store)->summary();
    auto failures = (*store)->failures();
    if (!summary || !failures) {
        err(Cli::tr("error: %1").arg((!summary ? summary.error() : failures.error()).message));
        return kExitUsage;
    }
    StatusChecks checks;
    auto fields = fieldFindings(**store);
    auto beforeExport = exportFindings(**store);
    auto documents = (*store)->documents();
    if (!fields || !beforeExport || !documents) {
        err(Cli::tr("error: %1")
                .arg((!fields         ? fields.error()
                      : !beforeExport ? beforeExport.error()
                                      : documents.error())
                         .message));
        return kExitUsage;
    }
    checks.fields = std::move(fields).value();
    checks.beforeExport = std::move(beforeExport).value();
    for (const DocumentRecord& d : *documents)
        checks.paths[d.id] = d.path;
    auto watched = readWatched(**store);
    if (!watched) {
        err(Cli::tr("error: %1").arg(watched.error().message));
        return kExitUsage;
    }
    if (o.json) {
        printStatusJson(o, *summary, *failures, checks, *documents, *watched);
    } else {
        printStatusText(o, *summary, *failures, checks, *documents);
        printWatchedText(*watched);
    }
    return kExitOk;
}

} // namespace incidoc::cli
