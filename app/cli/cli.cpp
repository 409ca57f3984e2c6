#include "app/cli/cli.h"

#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/supervisor.h"
#include "core/ocr/tesseract_engine.h"
#include "core/pipeline/page_host.h"

#include <QCoreApplication>

#include <csignal>

namespace incidoc::cli {
namespace {

// Ctrl-C: the first one cancels cleanly (finished pages are kept, the rest stays queued); a second
// one falls back to the default action.
CancelToken* g_interrupt = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_interrupt)
        g_interrupt->cancel(); // a lock-free atomic store: async-signal-safe
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

/// Catches Ctrl-C and SIGTERM into `interrupt` while it lives.
class InterruptScope {
public:
    explicit InterruptScope(CancelToken& interrupt)
    {
        g_interrupt = &interrupt;
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
    }
    ~InterruptScope()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        g_interrupt = nullptr;
    }
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
};

/// import and ocr run in a supervised child: a page that crashes or hangs Poppler or Tesseract is
/// recorded and skipped, and the run goes on (supervisor.h).
int runSupervised(const QStringList& arguments, const CliOptions& o, const CancelToken& interrupt)
{
    SupervisorOptions so;
    so.program = QCoreApplication::applicationFilePath();
    so.arguments = arguments.mid(1);
    so.project = o.project;
    // Past its render and OCR time limits a page is hung: the engines' own limits come first.
    so.budgets = pageHangBudgets(o.pipeline.process, 10'000, o.remote.workers.isEmpty() ? nullptr : &o.remote);
    so.memoryLimitBytes = o.memoryLimitMb * 1024 * 1024;
    so.quiet = o.quiet;
    so.json = o.json;
    return superviseCommand(so, interrupt);
}

int runCommand(const CliOptions& o, CancelToken& interrupt)
{
    if (o.command == QLatin1String("import"))
        return commandImport(o, interrupt);
    if (o.command == QLatin1String("ocr"))
        return commandOcr(o, interrupt);
    if (o.command == QLatin1String("status"))
        return commandStatus(o);
    if (o.command == QLatin1String("dump"))
        return commandDump(o, interrupt);
    if (o.command == QLatin1String("export"))
        return commandExport(o, interrupt);
    return kExitUsage;
}

} // namespace

int run(const QStringList& arguments)
{
    auto line = parseCommandLine(arguments);
    if (!line) {
        err(line.error().message);
        return kExitUsage;
    }
    if (line->action == CommandLine::Action::Help) {
        out(line->helpText);
        return kExitOk;
    }
    if (line->action == CommandLine::Action::Version)
        return commandVersion();
    CliOptions& o = line->options;
    if (Status languages = checkLanguages(o, tesseractLanguages()); !languages) {
        err(languages.error().message);
        return kExitUsage;
    }

    CancelToken interrupt;
    const InterruptScope interruptScope(interrupt);
    const bool processing = o.command == QLatin1String("import") || o.command == QLatin1String("ocr");
    const bool child = qEnvironmentVariableIsSet(child_env::kChild);
    if (processing && o.isolate && !child)
        return runSupervised(arguments, o, interrupt);
    if (child && qgetenv(child_env::kCommand) == "resume") {
        // A supervised run after a crash: the files are registered; process what is queued.
        o.command = QStringLiteral("ocr");
        o.inputs.clear();
        o.all = o.failed = false;
    }
    return runCommand(o, interrupt);
}

} // namespace incidoc::cli
