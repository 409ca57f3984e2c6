#pragma once
// What the commands of incidoc-cli share: printing, and one entry point per command (one file each:
// command_<name>.cpp). Each returns its exit status (cli.h) and prints its own messages and --json.

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "core/util/cancel_token.h"

#include <QJsonObject>
#include <QString>

namespace incidoc::cli {

/// A line on stdout, flushed at once: a supervised child may die any time, and what it said must be out.
void out(const QString& s);
/// A line on stderr.
void err(const QString& s);
/// `o` as indented JSON on stdout (--json).
void printJson(const QJsonObject& o);

int commandImport(const CliOptions& o, CancelToken& interrupt);
int commandOcr(const CliOptions& o, CancelToken& interrupt);
int commandStatus(const CliOptions& o);
int commandDump(const CliOptions& o, CancelToken& interrupt);
int commandExport(const CliOptions& o, CancelToken& interrupt);
/// --version: Incidoc's and the engines' versions (not translated: scripts read it).
int commandVersion();

} // namespace incidoc::cli
