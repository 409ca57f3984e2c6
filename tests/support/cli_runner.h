#pragma once
// Runs the built incidoc-cli as a real process (for end-to-end tests).

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace incidoc::test {

struct CliRun {
    int exitCode = -1;
    bool crashed = false; ///< ended by a signal (a crash, or a kill we sent)
    bool timedOut = false;
    QString out, err;
};

/// Path of the built incidoc-cli.
QString cliPath();
/// Runs incidoc-cli with `args`, waiting up to `timeoutMs`. `env` defaults to this process's environment.
CliRun runCli(const QStringList& args, int timeoutMs = 600'000,
              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());
/// `incidoc-cli status -p PROJECT --json`, parsed (a test failure when the command fails).
QJsonObject statusJson(const QString& project);
/// Runs sqlite3's PRAGMA integrity_check on a file with the sqlite3 program; returns its output.
QString integrityCheck(const QString& databasePath);

} // namespace incidoc::test
