#include "app/cli/cli.h"

#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "core/isolation/hosted_workplace.h"
#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"

#include <QCoreApplication>
#include <QFile>

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

/// Where import and ocr open files and process pages: in page hosts (core/isolation/), so that a file
/// that crashes or hangs Poppler or Tesseract, or exhausts memory, fails alone and the run goes on;
/// with --no-isolation or INCIDOC_NO_ISOLATION=1, in this process.
Result<std::shared_ptr<Workplace>> makeWorkplace(const CliOptions& o)
{
    if (!o.isolate)
        return makeLocalWorkplace();
    PageHostOptions hosts;
    hosts.program = pageHostProgram();
    if (hosts.program.isEmpty())
        return makeError(ErrorCode::Unavailable,
                         Cli::tr("the page helper incidoc-page-host is missing (looked beside %1 and in "
                                 "../libexec/incidoc): reinstall incidoc-cli, or run with --no-isolation")
                             .arg(QCoreApplication::applicationDirPath()));
    hosts.memoryLimitBytes = o.memoryLimitMb * 1024 * 1024;
    return std::shared_ptr<Workplace>(std::make_shared<HostedWorkplace>(hosts));
}

int runCommand(const CliOptions& o, CancelToken& interrupt)
{
    if (o.command == QLatin1String("import") || o.command == QLatin1String("ocr") || o.command == QLatin1String("watch")
        || o.command == QLatin1String("classify") || o.command == QLatin1String("capture")) {
        auto workplace = makeWorkplace(o);
        if (!workplace) {
            err(Cli::tr("error: %1").arg(workplace.error().message));
            return kExitUsage;
        }
        if (o.command == QLatin1String("watch"))
            return commandWatch(o, *workplace, interrupt);
        if (o.command == QLatin1String("classify"))
            return commandClassify(o, *workplace);
        if (o.command == QLatin1String("capture"))
            return commandCapture(o, *workplace, interrupt);
        return o.command == QLatin1String("import") ? commandImport(o, *workplace, interrupt)
                                                    : commandOcr(o, *workplace, interrupt);
    }
    if (o.command == QLatin1String("status"))
        return commandStatus(o);
    if (o.command == QLatin1String("dump"))
        return commandDump(o, interrupt);
    if (o.command == QLatin1String("export"))
        return commandExport(o, interrupt);
    if (o.command == QLatin1String("engines"))
        return commandEngines(o);
    if (o.command == QLatin1String("remove"))
        return commandRemove(o);
    if (o.command == QLatin1String("propose"))
        return commandPropose(o);
    if (o.command == QLatin1String("types"))
        return commandTypes(o);
    if (o.command == QLatin1String("redactions"))
        return commandRedactions(o);
    if (o.command == QLatin1String("mark"))
        return commandMark(o);
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
    // Tesseract's model for this run: its folder becomes TESSDATA_PREFIX, which the page hosts inherit
    // (workers on other machines keep their own).
    if (!o.tesseractModel.isEmpty()) {
        auto dir = tesseractModelDir(o.tesseractModel);
        if (!dir) {
            err(Cli::tr("error: --tesseract-model %1: %2").arg(o.tesseractModel, dir.error().message));
            return kExitUsage;
        }
        if (dir->isEmpty())
            qunsetenv("TESSDATA_PREFIX");
        else
            qputenv("TESSDATA_PREFIX", QFile::encodeName(*dir));
    }
    if (Status languages = checkLanguages(o, tesseractLanguages()); !languages) {
        err(languages.error().message);
        return kExitUsage;
    }
    if (o.command == QLatin1String("import") || o.command == QLatin1String("ocr") || o.command == QLatin1String("watch")
        || o.command == QLatin1String("capture")) {
        if (Status engines = checkEngines(o, EnginePool().engines()); !engines) {
            err(engines.error().message);
            return kExitUsage;
        }
    }

    if (qEnvironmentVariableIntValue("INCIDOC_NO_ISOLATION") == 1) // as in the app: for a debugger
        o.isolate = false;

    CancelToken interrupt;
    const InterruptScope interruptScope(interrupt);
    return runCommand(o, interrupt);
}

} // namespace incidoc::cli
