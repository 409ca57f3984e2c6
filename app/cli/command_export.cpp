// `export -o FILE.zip`: an incidoc.bundle/1 ZIP (bundle.md).

#include "app/cli/commands.h"
#include "app/cli/progress_bar.h"
#include "core/export/bundle_export.h"

#include <QFileInfo>

#include <csignal>

namespace incidoc::cli {

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
                              {QStringLiteral("jobs"), report->jobs}});
    } else if (!o.quiet) {
        out(Cli::tr("Wrote %1: %2 page(s) of %3 document(s), %4 entries, %5 MB in %6 s (%7 jobs)")
                .arg(report->path)
                .arg(report->pages)
                .arg(report->documents)
                .arg(report->entries)
                .arg(report->bytes / 1e6, 0, 'f', 1)
                .arg(report->seconds, 0, 'f', 1)
                .arg(report->jobs));
    }
    return kExitOk;
}

} // namespace incidoc::cli
