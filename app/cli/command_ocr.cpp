// `ocr`: processes the queued and interrupted pages (--failed: also the failed ones; --all: every page).

#include "app/cli/commands.h"
#include "app/cli/process_queued.h"
#include "core/storage/project_store.h"

namespace incidoc::cli {

int commandOcr(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt)
{
    {
        auto store = ProjectStore::open(o.project);
        if (!store) {
            err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
            return kExitUsage;
        }
        Result<int> requeued = 0;
        if (o.all)
            requeued = (*store)->requeueAll();
        else if (o.failed)
            requeued = (*store)->requeueFailed();
        if (!requeued) {
            err(Cli::tr("error: %1").arg(requeued.error().message));
            return kExitUsage;
        }
    }
    QJsonObject json{{QStringLiteral("project"), o.project}};
    const RunResult r = processQueued(o, workplace, interrupt);
    if (!r.ok && r.stats.queued == 0) {
        err(Cli::tr("error: %1").arg(r.error.message));
        return kExitUsage;
    }
    if (!o.json && !o.quiet && r.stats.queued == 0)
        out(Cli::tr("Nothing to do: no queued pages."));
    const int status = reportRun(o, r, json);
    if (o.json)
        printJson(json);
    return status;
}

} // namespace incidoc::cli
