// `dump -o DIR`: every page as incidoc.page/1 JSON.

#include "app/cli/commands.h"
#include "core/export/page_json.h"
#include "core/storage/project_store.h"

namespace incidoc::cli {

int commandDump(const CliOptions& o, CancelToken& interrupt)
{
    if (o.output.isEmpty()) {
        err(Cli::tr("error: dump needs -o DIR"));
        return kExitUsage;
    }
    auto store = ProjectStore::open(o.project, OpenMode::ReadOnly);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    auto report = dumpProject(**store, o.output, interrupt);
    if (!report) {
        if (report.error().isCancelled())
            return kExitInterrupted;
        err(Cli::tr("error: %1").arg(report.error().message));
        return kExitSomeFailed;
    }
    if (o.json)
        printJson(QJsonObject{{QStringLiteral("output"), o.output},
                              {QStringLiteral("documents"), report->documents},
                              {QStringLiteral("pages"), report->pages}});
    else if (!o.quiet)
        out(Cli::tr("Wrote %1 page(s) of %2 document(s) to %3")
                .arg(report->pages)
                .arg(report->documents)
                .arg(o.output));
    return kExitOk;
}

} // namespace incidoc::cli
