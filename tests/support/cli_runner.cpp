#include "tests/support/cli_runner.h"

#include <QJsonDocument>
#include <QProcess>

#include <gtest/gtest.h>

#include "tests/support/test_paths.h"

namespace incidoc::test {

QString cliPath()
{
    return builtProgram(QStringLiteral("bin/incidoc-cli"));
}

CliRun runCli(const QStringList& args, int timeoutMs, const QProcessEnvironment& env)
{
    CliRun r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    if (!p.waitForStarted(10'000)) {
        r.err = QStringLiteral("could not start %1").arg(cliPath());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(10'000);
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString integrityCheck(const QString& databasePath)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {databasePath, QStringLiteral("PRAGMA integrity_check;")});
    p.waitForFinished(60'000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QJsonObject statusJson(const QString& project)
{
    const CliRun r = runCli({QStringLiteral("status"), QStringLiteral("-p"), project, QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace incidoc::test
