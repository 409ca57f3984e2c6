// Crash safety by kill loops: the real incidoc-cli (import, ocr, export) and a real editing process
// (incidoc-reliability-edit-driver) are started on small projects and SIGKILLed at seeded random
// moments, many times over; after every kill a fresh open must find the project whole: integrity_check
// ok, every page done at most once with exactly the reference run's words, nothing done before lost,
// every acknowledged edit there, the export destination either a complete bundle or what it was.
//
// Short by default (12 kills per area, for CI); INCIDOC_KILL_CYCLES=N runs N per area (the long run:
// tests/reliability/run_kill_loops.sh). INCIDOC_KILL_SEED changes the seed; every failure names its
// cycle's seed and kill moment. The kill moment is the experiment, not a wait for something: the test
// waits on conditions (the process ending, the child appearing, the killed processes being gone).

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "tests/reliability/kill_support.h"
#include "tests/support/cli_runner.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;
using namespace incidoc::test::reliability;

namespace {

constexpr int kCiCycles = 12;
constexpr int kEditsPerRun = 300;
constexpr int kPages = 8;

QString driverPath()
{
    return builtProgram(QStringLiteral("bin/incidoc-reliability-edit-driver"));
}

void report(const Tally& t)
{
    std::printf("%s\n", qPrintable(t.line()));
    std::fflush(stdout);
    EXPECT_EQ(t.pagesLost, 0);
    EXPECT_EQ(t.pagesDuplicated, 0);
    EXPECT_EQ(t.integrityErrors, 0);
    EXPECT_EQ(t.editsLost, 0);
    EXPECT_EQ(t.phantomEdits, 0);
    EXPECT_EQ(t.partialExports, 0);
}

class KillLoop : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        ASSERT_TRUE(s_dir->isValid());
        std::printf("kill loops: seed %u, %d cycles per area (INCIDOC_KILL_SEED, INCIDOC_KILL_CYCLES)\n", baseSeed(),
                    cyclesPerArea(kCiCycles));
        ASSERT_TRUE(writeInputs(inputs()));
        // The reference run: uninterrupted, with page hosts like every run below.
        const ProcessingTiming imported = timedProcessingRun(
            cliPath(),
            QStringList{QStringLiteral("import"), QStringLiteral("-p"), reference(), inputs()} + processingOptions(),
            reference());
        ASSERT_EQ(imported.exitCode, 0) << qPrintable(imported.err);
        s_import = imported;
        s_reference = new PageWords(doneWords(viewProject(reference())));
        ASSERT_EQ(s_reference->size(), static_cast<std::size_t>(kPages));
        for (const auto& [key, words] : *s_reference)
            ASSERT_GE(words.size(), 10u) << qPrintable(key.first) << " page " << key.second;
        // The files registered only, for the OCR loop; one uninterrupted OCR of them must give the
        // reference words (OCR is deterministic: otherwise the comparisons below would mean nothing).
        const auto [regMs, regCode] = timedRun(cliPath(), {QStringLiteral("import"), QStringLiteral("-p"), registered(),
                                                           inputs(), QStringLiteral("--no-ocr"), QStringLiteral("-q")});
        ASSERT_EQ(regCode, 0);
        const QString scratch = s_dir->filePath(QStringLiteral("scratch.incidoc"));
        ASSERT_TRUE(copyProject(registered(), scratch));
        const ProcessingTiming ocr = timedProcessingRun(
            cliPath(), QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), scratch} + processingOptions(),
            scratch);
        ASSERT_EQ(ocr.exitCode, 0) << qPrintable(ocr.err);
        s_ocr = ocr;
        Tally t;
        checkConverged(scratch, *s_reference, t, QStringLiteral("second uninterrupted OCR"));
        ASSERT_EQ(t.pagesLost + t.pagesDuplicated, 0) << "OCR is not deterministic between runs";
        std::printf("reference: %d pages; import %d ms (first page %d ms), registration %d ms, OCR %d ms (first page "
                    "%d ms)\n",
                    kPages, s_import.fullMs, s_import.firstPageMs, regMs, s_ocr.fullMs, s_ocr.firstPageMs);
    }
    static void TearDownTestSuite()
    {
        delete s_reference;
        s_reference = nullptr;
        delete s_dir;
        s_dir = nullptr;
    }

    static QString inputs() { return s_dir->filePath(QStringLiteral("in")); }
    static QString reference() { return s_dir->filePath(QStringLiteral("reference.incidoc")); }
    static QString registered() { return s_dir->filePath(QStringLiteral("registered.incidoc")); }

    /// Pages done or failed in a project (how far a killed run got).
    static int pagesFinished(const QString& project)
    {
        const ProjectView v = viewProject(project);
        int n = 0;
        for (const auto& [key, list] : v.pages)
            n += list.front().status == PageStatus::Done || list.front().status == PageStatus::Failed;
        return n;
    }

    /// An uninterrupted run to the end, then a retry of the pages the command failed because we killed
    /// its child: every page must then be done exactly once with the reference's words.
    static void converge(const QString& project, const QStringList& command, Tally& t, const QString& context)
    {
        const CliRun r = runCli(command + processingOptions());
        EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 2) << qPrintable(context) << ": " << qPrintable(r.err);
        EXPECT_FALSE(r.crashed);
        const CliRun retry =
            runCli(QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--failed")}
                   + processingOptions());
        EXPECT_EQ(retry.exitCode, 0) << qPrintable(context) << ": " << qPrintable(retry.err);
        checkConverged(project, *s_reference, t, context + QStringLiteral(", after the final run"));
    }

    /// The import and OCR loops: `command` on `project`, killed; a project that is finished (or every
    /// fourth cycle) is converged and started afresh from `fresh` (empty when it starts from nothing).
    static void processingLoop(Tally& t, const QStringList& command, const QString& project, const QString& fresh,
                               const ProcessingTiming& timing, unsigned areaSeed)
    {
        const int cycles = cyclesPerArea(kCiCycles);
        auto reset = [&] {
            removeProject(project);
            if (!fresh.isEmpty()) {
                ASSERT_TRUE(copyProject(fresh, project));
            }
        };
        reset();
        PageWords doneBefore;
        for (int c = 0; c < cycles; ++c) {
            const unsigned seed = baseSeed() + areaSeed + static_cast<unsigned>(c);
            std::mt19937 rng(seed);
            KillPlan plan;
            // A third of the kills land before the first page is committed (start-up, registration, the
            // first pages in flight), the rest while pages are being committed.
            const int first = timing.firstPageMs, full = timing.fullMs;
            plan.delayMs = c % 3 == 0 ? std::uniform_int_distribution<int>(0, first)(rng)
                                      : std::uniform_int_distribution<int>(first * 9 / 10, full + full / 20)(rng);
            plan.childOnly = std::uniform_int_distribution<int>(0, 3)(rng) == 0;
            plan.secondDelayMs = std::uniform_int_distribution<int>(0, full)(rng);
            const QString context = QStringLiteral("%1 cycle %2 (seed %3, kill at %4 ms%5)")
                                        .arg(t.area)
                                        .arg(c)
                                        .arg(seed)
                                        .arg(plan.delayMs)
                                        .arg(plan.childOnly ? QStringLiteral(", child first") : QString());
            const int before = pagesFinished(project);
            const KillRun k = runAndKill(cliPath(), command + processingOptions(), plan);
            ++t.cycles;
            t.kills += k.kills;
            t.childKills += k.childKilled;
            if (k.finished) {
                t.finishedFirst += !k.killed;
                EXPECT_FALSE(k.crashed) << qPrintable(context);
                EXPECT_TRUE(k.exitCode == 0 || k.exitCode == 2) << qPrintable(context) << ": " << qPrintable(k.err);
            }
            checkPagesAfterKill(project, *s_reference, doneBefore, t, context);
            const int after = pagesFinished(project);
            if (k.killed && after > 0 && after < kPages)
                ++t.midWork;
            std::printf("  %s: %s, pages finished %d -> %d\n", qPrintable(context),
                        k.killed ? (k.childKilled ? "a page host and the command killed" : "killed")
                                 : "ended by itself",
                        before, after);
            if (after == kPages || c % 4 == 3 || c == cycles - 1) {
                converge(project, command, t, context);
                reset();
                doneBefore.clear();
            }
        }
    }

    static QTemporaryDir* s_dir;
    static PageWords* s_reference;
    static ProcessingTiming s_import, s_ocr;
};
QTemporaryDir* KillLoop::s_dir = nullptr;
PageWords* KillLoop::s_reference = nullptr;
ProcessingTiming KillLoop::s_import;
ProcessingTiming KillLoop::s_ocr;

} // namespace

TEST_F(KillLoop, ImportOfAFolderKilledDuringRegistrationAndOcr)
{
    Tally t;
    t.area = QStringLiteral("import");
    const QString project = s_dir->filePath(QStringLiteral("import.incidoc"));
    processingLoop(t, {QStringLiteral("import"), QStringLiteral("-p"), project, inputs()}, project, QString(), s_import,
                   1000);
    report(t);
}

TEST_F(KillLoop, OcrKilledAtRandomMoments)
{
    Tally t;
    t.area = QStringLiteral("ocr");
    const QString project = s_dir->filePath(QStringLiteral("ocr.incidoc"));
    processingLoop(t, {QStringLiteral("ocr"), QStringLiteral("-p"), project}, project, registered(), s_ocr, 2000);
    report(t);
}

TEST_F(KillLoop, EditsKilledAtRandomMomentsKeepEveryAcknowledgedEdit)
{
    Tally t;
    t.area = QStringLiteral("edit");
    // How long an uninterrupted driver run takes, and that it checks out.
    const QString scratch = s_dir->filePath(QStringLiteral("edit-scratch.incidoc"));
    ASSERT_TRUE(copyProject(reference(), scratch));
    const auto [fullMs, code] =
        timedRun(driverPath(), {scratch, QString::number(baseSeed()), QString::number(kEditsPerRun)});
    ASSERT_EQ(code, 0);

    const QString project = s_dir->filePath(QStringLiteral("edit.incidoc"));
    ASSERT_TRUE(copyProject(reference(), project));
    EditExpectations expected;
    const int cycles = cyclesPerArea(kCiCycles);
    for (int c = 0; c < cycles; ++c) {
        const unsigned seed = baseSeed() + 3000 + static_cast<unsigned>(c);
        std::mt19937 rng(seed);
        KillPlan plan;
        plan.delayMs = std::uniform_int_distribution<int>(0, fullMs + fullMs / 5)(rng);
        const QString context =
            QStringLiteral("edit cycle %1 (seed %2, kill at %3 ms)").arg(c).arg(seed).arg(plan.delayMs);
        const KillRun k =
            runAndKill(driverPath(), {project, QString::number(seed), QString::number(kEditsPerRun)}, plan);
        ++t.cycles;
        t.kills += k.kills;
        const EditLog log = parseEditLog(k.out);
        EXPECT_TRUE(log.fail.isEmpty()) << qPrintable(context) << ": " << qPrintable(log.fail);
        if (k.finished) {
            ++t.finishedFirst;
            EXPECT_EQ(k.exitCode, 0) << qPrintable(context) << ": " << qPrintable(k.err);
            EXPECT_TRUE(log.done) << qPrintable(context);
        } else if (!log.acks.empty()) {
            ++t.midWork;
        }
        expected.apply(log, t);
        checkEdits(project, expected, t, context);
        if (::testing::Test::HasFatalFailure())
            return;
    }
    EXPECT_GT(t.editsAcked, 0);
    report(t);
}

TEST_F(KillLoop, ExportLeavesACompleteBundleOrTheOldOneNeverAPartialOne)
{
    Tally t;
    t.area = QStringLiteral("export");
    const QString project = s_dir->filePath(QStringLiteral("export.incidoc"));
    ASSERT_TRUE(copyProject(reference(), project));
    const QString out = s_dir->filePath(QStringLiteral("export-out"));
    ASSERT_TRUE(QDir().mkpath(out));
    const QString zip = out + QStringLiteral("/bundle.zip");
    auto exportArgs = [&] {
        return QStringList{QStringLiteral("export"),
                           QStringLiteral("-p"),
                           project,
                           QStringLiteral("-o"),
                           zip,
                           QStringLiteral("--jobs"),
                           QStringLiteral("2"),
                           QStringLiteral("-q")};
    };
    const QString measure = s_dir->filePath(QStringLiteral("measure.zip"));
    const auto [fullMs, code] =
        timedRun(cliPath(), {QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), measure,
                             QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("-q")});
    ASSERT_EQ(code, 0);
    ASSERT_EQ(bundleProblem(measure), QString());

    std::set<QByteArray> valid; // bundles already checked, by SHA-256
    auto checkDestination = [&](const QByteArray& before, const QString& context) {
        ++t.exportsChecked;
        const QStringList all = QDir(out).entryList(QDir::Files | QDir::Hidden);
        for (const QString& f : all)
            if (f != QLatin1String("bundle.zip") && !f.endsWith(QLatin1String(".incidoc-partial"))) {
                ++t.partialExports;
                ADD_FAILURE() << qPrintable(context) << ": a stray file " << qPrintable(f);
            }
        if (!QFileInfo::exists(zip)) {
            if (!before.isEmpty()) {
                ++t.partialExports;
                ADD_FAILURE() << qPrintable(context) << ": the previous bundle is gone";
            }
            return;
        }
        const QByteArray now = sha(zip);
        if (valid.count(now))
            return;
        const QString problem = bundleProblem(zip);
        if (!problem.isEmpty()) {
            ++t.partialExports;
            ADD_FAILURE() << qPrintable(context)
                          << ": the bundle at the destination is not complete: " << qPrintable(problem);
        } else {
            valid.insert(now);
        }
    };

    const int cycles = cyclesPerArea(kCiCycles);
    for (int c = 0; c < cycles; ++c) {
        const unsigned seed = baseSeed() + 4000 + static_cast<unsigned>(c);
        std::mt19937 rng(seed);
        KillPlan plan;
        plan.delayMs = std::uniform_int_distribution<int>(0, fullMs + fullMs / 7)(rng);
        const QString context =
            QStringLiteral("export cycle %1 (seed %2, kill at %3 ms)").arg(c).arg(seed).arg(plan.delayMs);
        const QByteArray before = QFileInfo::exists(zip) ? sha(zip) : QByteArray();
        const KillRun k = runAndKill(cliPath(), exportArgs(), plan);
        ++t.cycles;
        t.kills += k.kills;
        if (k.finished) {
            ++t.finishedFirst;
            EXPECT_EQ(k.exitCode, 0) << qPrintable(context) << ": " << qPrintable(k.err);
            // A finished export removed what killed ones left.
            EXPECT_TRUE(partialFiles(out).isEmpty()) << qPrintable(context);
        } else if (!partialFiles(out).isEmpty()) {
            ++t.midWork;
        }
        checkDestination(before, context);
        const QString integrity = integrityCheck(project);
        if (integrity != QLatin1String("ok")) {
            ++t.integrityErrors;
            ADD_FAILURE() << qPrintable(context) << ": integrity_check: " << qPrintable(integrity);
        }
        if (c % 4 == 3) {
            // An uninterrupted export: a complete bundle, and the killed runs' partials cleaned up.
            const QStringList stale = partialFiles(out);
            const CliRun r = runCli(exportArgs());
            EXPECT_EQ(r.exitCode, 0) << qPrintable(context) << ": " << qPrintable(r.err);
            EXPECT_TRUE(partialFiles(out).isEmpty())
                << qPrintable(context) << ": stale partials left: " << qPrintable(partialFiles(out).join(' '))
                << " (before: " << qPrintable(stale.join(' ')) << ")";
            checkDestination(QByteArray(), context + QStringLiteral(", uninterrupted export"));
            EXPECT_TRUE(QFileInfo::exists(zip));
        }
    }
    report(t);
}

namespace {

void sql(const QString& db, const QString& statement)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {db, statement});
    ASSERT_TRUE(p.waitForFinished(30'000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().constData();
}

} // namespace

// The checks above can fail: a damaged project, a lost edit and a cut bundle are each caught.
TEST_F(KillLoop, ChecksCatchADuplicatedPageALostEditAndAPartialBundle)
{
    const QString pages = s_dir->filePath(QStringLiteral("tampered-pages.incidoc"));
    ASSERT_TRUE(copyProject(reference(), pages));
    PageWords done = *s_reference;
    Tally t;
    sql(pages, QStringLiteral("UPDATE words SET ord = ord + 1 WHERE id = (SELECT max(id) FROM words)"));
    EXPECT_NONFATAL_FAILURE(checkPagesAfterKill(pages, *s_reference, done, t, QStringLiteral("tampered")),
                            "reading order is not 0..n-1");
    EXPECT_EQ(t.pagesDuplicated, 1);
    done = *s_reference;
    ASSERT_TRUE(copyProject(reference(), pages));
    sql(pages, QStringLiteral("UPDATE pages SET status = 'queued' WHERE id = (SELECT min(id) FROM pages)"));
    EXPECT_NONFATAL_FAILURE(checkPagesAfterKill(pages, *s_reference, done, t, QStringLiteral("tampered")),
                            "was done and is now queued");
    EXPECT_EQ(t.pagesLost, 1);

    const QString edits = s_dir->filePath(QStringLiteral("tampered-edits.incidoc"));
    ASSERT_TRUE(copyProject(reference(), edits));
    QProcess driver;
    driver.start(driverPath(), {edits, QStringLiteral("11"), QStringLiteral("40")});
    ASSERT_TRUE(driver.waitForFinished(60'000));
    EditExpectations expected;
    expected.apply(parseEditLog(QString::fromUtf8(driver.readAllStandardOutput())), t);
    checkEdits(edits, expected, t, QStringLiteral("untouched"));
    WordId victim = 0;
    for (const auto& [id, w] : expected.words)
        if (w.exists && w.textKnown)
            victim = id;
    ASSERT_GT(victim, 0);
    sql(edits, QStringLiteral("UPDATE words SET text = 'tampered' WHERE id = %1").arg(victim));
    EXPECT_NONFATAL_FAILURE(checkEdits(edits, expected, t, QStringLiteral("tampered")), "acknowledged");
    QString text = expected.words[victim].text;
    sql(edits, QStringLiteral("UPDATE words SET text = '%1' WHERE id = %2")
                   .arg(text.replace(QLatin1Char('\''), QStringLiteral("''")))
                   .arg(victim));
    checkEdits(edits, expected, t, QStringLiteral("restored"));
    // An edit nobody made (a copy of the last one in a group never begun).
    sql(edits, QStringLiteral("CREATE TEMP TABLE t AS SELECT * FROM edits WHERE id = (SELECT max(id) FROM edits); "
                              "UPDATE t SET id = id + 100000, group_id = 999999; INSERT INTO edits SELECT * FROM t;"));
    EXPECT_NONFATAL_FAILURE(checkEdits(edits, expected, t, QStringLiteral("tampered")), "was never begun");

    const QString zip = s_dir->filePath(QStringLiteral("cut.zip"));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("-p"), edits, QStringLiteral("-o"), zip,
                      QStringLiteral("--images"), QStringLiteral("none"), QStringLiteral("-q")})
                  .exitCode,
              0);
    EXPECT_EQ(bundleProblem(zip), QString());
    QFile f(zip);
    ASSERT_TRUE(f.resize(f.size() / 2));
    EXPECT_FALSE(bundleProblem(zip).isEmpty());
}
