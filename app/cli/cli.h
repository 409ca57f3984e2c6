#pragma once
// incidoc-cli: the commands of ../shared/specs/cli.md over the core engine.

#include <QCoreApplication>
#include <QStringList>

namespace incidoc::cli {

/// Exit statuses (cli.md): 0 all done; 1 bad usage or unusable project; 2 some inputs failed;
/// 130 interrupted.
enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitSomeFailed = 2, kExitInterrupted = 130 };

/// Messages for people go through Cli::tr() (translation context "cli"; the translator for the system
/// locale is installed in main.cpp). Not translated: --json output, --version, and the failure reasons
/// recorded in the project, which other tools and other users' locales read.
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

/// Parses `arguments` (argv as strings) and runs the command. Prints to stdout/stderr.
int run(const QStringList& arguments);

} // namespace incidoc::cli
