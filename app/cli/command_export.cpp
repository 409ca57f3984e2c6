// `export -o FILE.zip`: an incidoc.bundle/1 ZIP (bundle.md).

#include "app/cli/commands.h"
#include "app/cli/progress_bar.h"
#include "core/export/bundle_export.h"
#include "core/export/form_checks.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QJsonArray>

#include <csignal>
#include <map>
#include <numeric>

namespace incidoc::cli {

namespace {

/// The checks before export on the pages the export would write: printed (and with --strict, a refusal).
/// Returns the findings, or an exit status when the project could not be read.
std::optional<int> checkBeforeExport(const CliOptions& o, std::vector<FormFinding>& findings,
                                     std::map<DocumentId, QString>& paths)
{
    auto store = ProjectStore::open(o.project, OpenMode::ReadOnly);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    auto documents = (*store)->documents();
    auto found = exportFindings(**store, FindingScope{o.exportOptions.documents, o.exportOptions.reviewedOnly});
    if (!documents || !found) {
        err(Cli::tr("error: %1").arg((!documents ? documents.error() : found.error()).message));
        return kExitUsage;
    }
    for (const DocumentRecord& d : *documents)
        paths[d.id] = d.path;
    findings = std::move(found).value();
    return std::nullopt;
}

/// --json: what a redacted export replaced (null for a plain one).
QJsonValue redactionJson(const ExportReport& r)
{
    if (!r.redacted)
        return QJsonValue(QJsonValue::Null);
    QJsonObject byType;
    int findings = 0;
    for (const auto& [type, n] : r.redactions) {
        byType.insert(type, n);
        findings += n;
    }
    return QJsonObject{
        {QStringLiteral("findings"), findings},          {QStringLiteral("by_type"), byType},
        {QStringLiteral("pages"), r.pagesRedacted},      {QStringLiteral("words_rewritten"), r.wordsRewritten},
        {QStringLiteral("areas_filled"), r.areasFilled}, {QStringLiteral("check_seconds"), r.checkSeconds}};
}

} // namespace

int commandExport(const CliOptions& o, CancelToken& interrupt)
{
    if (o.output.isEmpty()) {
        err(Cli::tr("error: export needs -o FILE.zip"));
        return kExitUsage;
    }
    if (!QFileInfo::exists(o.project)) {
        err(Cli::tr("error: cannot open project %1: it does not exist").arg(o.project));
        return kExitUsage;
    }
    std::vector<FormFinding> findings;
    std::map<DocumentId, QString> paths;
    if (auto failed = checkBeforeExport(o, findings, paths))
        return *failed;
    if (!findings.empty()) {
        if (o.strict && o.json) {
            QJsonArray list;
            for (const FormFinding& f : findings)
                list.append(findingJson(f, paths[f.document]));
            printJson(QJsonObject{{QStringLiteral("output"), QJsonValue()},
                                  {QStringLiteral("refused"), true},
                                  {QStringLiteral("checks"), list}});
        } else if (!o.json) {
            err(o.strict
                    ? Cli::tr("The checks before export found %n problem(s); nothing was written (--strict):", nullptr,
                              static_cast<int>(findings.size()))
                    : Cli::tr("The checks before export found %n problem(s) (--strict refuses to export):", nullptr,
                              static_cast<int>(findings.size())));
            constexpr std::size_t kListed = 20;
            for (std::size_t i = 0; i < findings.size() && i < kListed; ++i)
                err(findingLine(findings[i], paths[findings[i].document]));
            if (findings.size() > kListed)
                err(Cli::tr("  … and %n more", nullptr, static_cast<int>(findings.size() - kListed)));
        }
        if (o.strict)
            return kExitSomeFailed;
    }
    // A file size limit (ulimit -f) must give a clear "File too large" error, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    ProgressBar bar(!o.quiet && !o.json);
    bool totalSet = false;
    auto report = exportBundle(o.project, o.output, o.exportOptions, interrupt, [&](const ExportProgress& p) {
        if (!totalSet) {
            bar.setTotal(p.pagesTotal);
            totalSet = true;
        }
        bar.update(p.pagesWritten, 0);
    });
    bar.finish();
    if (!report) {
        if (report.error().isCancelled()) {
            if (!o.json)
                err(Cli::tr("Interrupted: no bundle was written."));
            return kExitInterrupted;
        }
        err(Cli::tr("error: %1").arg(report.error().message));
        return report.error().code == ErrorCode::NotFound || report.error().code == ErrorCode::Storage
                   ? kExitUsage
                   : kExitSomeFailed;
    }
    if (o.json) {
        printJson(QJsonObject{{QStringLiteral("output"), report->path},
                              {QStringLiteral("documents"), report->documents},
                              {QStringLiteral("pages"), report->pages},
                              {QStringLiteral("words"), report->words},
                              {QStringLiteral("entries"), static_cast<qint64>(report->entries)},
                              {QStringLiteral("bytes"), static_cast<qint64>(report->bytes)},
                              {QStringLiteral("seconds"), report->seconds},
                              {QStringLiteral("jobs"), report->jobs},
                              {QStringLiteral("checks"), static_cast<int>(findings.size())},
                              {QStringLiteral("redacted"), report->redacted},
                              {QStringLiteral("redaction"), redactionJson(*report)}});
    } else if (!o.quiet) {
        out(Cli::tr("Wrote %1: %2 page(s) of %3 document(s), %4 entries, %5 MB in %6 s (%7 jobs)")
                .arg(report->path)
                .arg(report->pages)
                .arg(report->documents)
                .arg(report->entries)
                .arg(report->bytes / 1e6, 0, 'f', 1)
                .arg(report->seconds, 0, 'f', 1)
                .arg(report->jobs));
        if (report->redacted)
            out(Cli::tr("Redacted: %1 value(s) on %2 page(s), %3 word(s) rewritten, %4 area(s) filled; checked in %5 s")
                    .arg(std::accumulate(report->redactions.begin(), report->redactions.end(), 0,
                                         [](int n, const auto& kv) { return n + kv.second; }))
                    .arg(report->pagesRedacted)
                    .arg(report->wordsRewritten)
                    .arg(report->areasFilled)
                    .arg(report->checkSeconds, 0, 'f', 1));
    }
    return kExitOk;
}

} // namespace incidoc::cli
