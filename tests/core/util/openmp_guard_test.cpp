// The OpenMP guard: every program that OCRs runs with libgomp's thread limit at 1, whether or not
// OMP_THREAD_LIMIT was in its environment (ensureOpenMpThreadLimit re-executes the program).
#include "core/ocr/tesseract_engine.h"
#include "core/util/openmp_guard.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

using namespace incidoc;

namespace {

// Runs omp_probe with `env` and returns what it printed (the thread limit).
QString runProbe(const QProcessEnvironment& env)
{
    QProcess probe;
    probe.setProcessEnvironment(env);
    probe.start(QStringLiteral(INCIDOC_OMP_PROBE));
    if (!probe.waitForFinished(60'000)) {
        probe.kill();
        probe.waitForFinished();
        return QStringLiteral("probe did not finish: %1").arg(probe.errorString());
    }
    return QString::fromLatin1(probe.readAllStandardOutput()).trimmed();
}

QProcessEnvironment environmentWithoutLimit()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("OMP_THREAD_LIMIT"));
    env.remove(QStringLiteral("INCIDOC_OMP_REEXEC"));
    return env;
}

} // namespace

TEST(OpenMpGuard, LimitIsOneInThisProcessOnceTesseractIsLoaded)
{
    auto engine = TesseractEngine::create(QStringLiteral("eng"));
    ASSERT_TRUE(engine.ok());
    EXPECT_EQ(openMpThreadLimit(), 1);
}

TEST(OpenMpGuard, ProgramStartedWithoutTheVariableStillRunsWithLimitOne)
{
    EXPECT_EQ(runProbe(environmentWithoutLimit()), QStringLiteral("1"));
}

TEST(OpenMpGuard, WithoutTheGuardLibgompWouldBeUnlimited)
{
    // The control experiment: the loop-breaker variable stops the re-exec, so libgomp keeps its
    // default (no limit). Shows the probe can tell the difference.
    QProcessEnvironment env = environmentWithoutLimit();
    env.insert(QStringLiteral("INCIDOC_OMP_REEXEC"), QStringLiteral("1"));
    const QString limit = runProbe(env);
    bool ok = false;
    const int n = limit.toInt(&ok);
    ASSERT_TRUE(ok) << qPrintable(limit);
    EXPECT_GT(n, 1);
}
