// Crash safety on a full disk: the project (or the export destination) lives on a small tmpfs that we
// fill up. Import, editing and export must stop with a clear error (no crash), the project must still
// open and pass integrity_check with everything committed before intact, nothing partial may be left,
// and once space is freed the work finishes. Mounting needs root, which the test environment has.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>

#include <sys/statvfs.h>
#include <unistd.h>

#include "tests/reliability/kill_support.h"
#include "tests/support/cli_runner.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;
using namespace incidoc::test::reliability;

namespace {

QString driverPath()
{
    return builtProgram(QStringLiteral("bin/incidoc-reliability-edit-driver"));
}

/// A tmpfs of `sizeKb` mounted at `path` for the lifetime of the object (unmounted even when a test
/// fails half-way).
class Tmpfs {
public:
    Tmpfs(const QString& path, int sizeKb) : m_path(path)
    {
        QDir().mkpath(path);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=%1k").arg(sizeKb), QStringLiteral("tmpfs"), path});
        p.waitForFinished(30'000);
        m_mounted = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        m_error = QString::fromUtf8(p.readAll());
    }
    ~Tmpfs()
    {
        if (!m_mounted)
            return;
        QProcess p;
        p.start(QStringLiteral("umount"), {m_path});
        p.waitForFinished(30'000);
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            QProcess lazy; // something still holds a file there: detach it anyway
            lazy.start(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
            lazy.waitForFinished(30'000);
        }
    }
    Tmpfs(const Tmpfs&) = delete;
    Tmpfs& operator=(const Tmpfs&) = delete;
    bool mounted() const { return m_mounted; }
    QString error() const { return m_error; }
    QString filePath(const QString& name) const { return m_path + QLatin1Char('/') + name; }

private:
    QString m_path;
    bool m_mounted = false;
    QString m_error;
};

qint64 freeBytes(const QString& path)
{
    struct statvfs s {};
    if (::statvfs(QFile::encodeName(path).constData(), &s) != 0)
        return -1;
    return static_cast<qint64>(s.f_bavail) * static_cast<qint64>(s.f_frsize);
}

/// Fills the file system of `dir` with a file until `leave` bytes are free.
bool fillLeaving(const QString& dir, qint64 leave)
{
    QFile f(dir + QStringLiteral("/filler"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const QByteArray block(4096, 'x');
    while (freeBytes(dir) > leave)
        if (f.write(block) != block.size())
            return false;
    return f.flush();
}

bool isDiskFullMessage(const QString& s)
{
    return s.contains(QLatin1String("No space left on device"), Qt::CaseInsensitive)
           || s.contains(QLatin1String("disk is full"), Qt::CaseInsensitive)
           || s.contains(QLatin1String("disk full"), Qt::CaseInsensitive);
}

class DiskFull : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        ASSERT_TRUE(writeInputs(inputs()));
        const CliRun r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("-p"), reference(), inputs()}
                                + processingOptions());
        ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
        s_reference = new PageWords(doneWords(viewProject(reference())));
        ASSERT_EQ(s_reference->size(), 8u);
    }
    static void TearDownTestSuite()
    {
        delete s_reference;
        s_reference = nullptr;
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override { ASSERT_EQ(::geteuid(), 0u) << "these tests mount a small tmpfs and need root"; }

    static QString inputs() { return s_dir->filePath(QStringLiteral("in")); }
    static QString reference() { return s_dir->filePath(QStringLiteral("reference.incidoc")); }

    static QTemporaryDir* s_dir;
    static PageWords* s_reference;
};
QTemporaryDir* DiskFull::s_dir = nullptr;
PageWords* DiskFull::s_reference = nullptr;

} // namespace

TEST_F(DiskFull, ImportStopsWithAClearErrorKeepsWhatWasCommittedAndFinishesOnceSpaceIsFreed)
{
    QTemporaryDir here;
    Tmpfs disk(here.filePath(QStringLiteral("disk")), 16 * 1024);
    ASSERT_TRUE(disk.mounted()) << qPrintable(disk.error());
    const QString project = disk.filePath(QStringLiteral("p.incidoc"));
    const CliRun first = runCli(
        QStringList{QStringLiteral("import"), QStringLiteral("-p"), project, inputs() + QStringLiteral("/a-scan.pdf")}
        + processingOptions());
    ASSERT_EQ(first.exitCode, 0) << qPrintable(first.err);
    PageWords committed = doneWords(viewProject(project));
    ASSERT_EQ(committed.size(), 2u);

    ASSERT_TRUE(fillLeaving(here.filePath(QStringLiteral("disk")), 96 * 1024));
    const CliRun full =
        runCli(QStringList{QStringLiteral("import"), QStringLiteral("-p"), project, inputs()} + processingOptions());
    EXPECT_FALSE(full.crashed);
    EXPECT_NE(full.exitCode, 0) << qPrintable(full.out);
    EXPECT_TRUE(isDiskFullMessage(full.err)) << qPrintable(full.err);
    EXPECT_FALSE(full.err.contains(QLatin1String("crashed"))) << qPrintable(full.err);
    std::printf("import onto the full disk: exit %d, %s\n", full.exitCode, qPrintable(full.err.trimmed()));

    // Still full: the project opens, passes integrity_check, and what was committed is intact.
    Tally t;
    checkPagesAfterKill(project, *s_reference, committed, t, QStringLiteral("on the full disk"));
    EXPECT_GE(committed.size(), 2u);
    std::printf("pages done on the full disk: %zu of 8\n", committed.size());

    ASSERT_TRUE(QFile::remove(here.filePath(QStringLiteral("disk/filler"))));
    const CliRun rest =
        runCli(QStringList{QStringLiteral("import"), QStringLiteral("-p"), project, inputs()} + processingOptions());
    EXPECT_EQ(rest.exitCode, 0) << qPrintable(rest.err);
    const CliRun retry =
        runCli(QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--failed")}
               + processingOptions());
    EXPECT_EQ(retry.exitCode, 0) << qPrintable(retry.err);
    checkConverged(project, *s_reference, t, QStringLiteral("after freeing space"));
    EXPECT_EQ(t.pagesLost + t.pagesDuplicated + t.integrityErrors, 0);
}

TEST_F(DiskFull, OcrStopsWithAClearErrorKeepsTheCommittedPagesAndFinishesOnceSpaceIsFreed)
{
    QTemporaryDir here;
    Tmpfs disk(here.filePath(QStringLiteral("disk")), 16 * 1024);
    ASSERT_TRUE(disk.mounted()) << qPrintable(disk.error());
    const QString project = disk.filePath(QStringLiteral("p.incidoc"));
    const CliRun registered = runCli({QStringLiteral("import"), QStringLiteral("-p"), project, inputs(),
                                      QStringLiteral("--no-ocr"), QStringLiteral("-q")});
    ASSERT_EQ(registered.exitCode, 0) << qPrintable(registered.err);
    // Room for the start of the run (WAL index, the first commits), not for every page's words.
    ASSERT_TRUE(fillLeaving(here.filePath(QStringLiteral("disk")), 160 * 1024));
    const CliRun full = runCli(QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), project} + processingOptions());
    EXPECT_FALSE(full.crashed);
    EXPECT_NE(full.exitCode, 0) << qPrintable(full.out);
    EXPECT_TRUE(isDiskFullMessage(full.err)) << qPrintable(full.err);
    EXPECT_FALSE(full.err.contains(QLatin1String("crashed"))) << qPrintable(full.err);
    std::printf("OCR onto the full disk: exit %d, %s\n", full.exitCode, qPrintable(full.err.trimmed()));

    PageWords committed;
    Tally t;
    checkPagesAfterKill(project, *s_reference, committed, t, QStringLiteral("on the full disk"));
    std::printf("pages done on the full disk: %zu of 8\n", committed.size());

    ASSERT_TRUE(QFile::remove(here.filePath(QStringLiteral("disk/filler"))));
    const CliRun rest = runCli(QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), project} + processingOptions());
    EXPECT_EQ(rest.exitCode, 0) << qPrintable(rest.err);
    const CliRun retry =
        runCli(QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--failed")}
               + processingOptions());
    EXPECT_EQ(retry.exitCode, 0) << qPrintable(retry.err);
    checkPagesAfterKill(project, *s_reference, committed, t, QStringLiteral("after freeing space"));
    checkConverged(project, *s_reference, t, QStringLiteral("after freeing space"));
    EXPECT_EQ(t.pagesLost + t.pagesDuplicated + t.integrityErrors, 0);
}

TEST_F(DiskFull, EditsStopWithAClearErrorAndEveryAcknowledgedEditStays)
{
    QTemporaryDir here;
    Tmpfs disk(here.filePath(QStringLiteral("disk")), 16 * 1024);
    ASSERT_TRUE(disk.mounted()) << qPrintable(disk.error());
    const QString project = disk.filePath(QStringLiteral("p.incidoc"));
    ASSERT_TRUE(copyProject(reference(), project));
    ASSERT_TRUE(fillLeaving(here.filePath(QStringLiteral("disk")), 256 * 1024));

    QProcess p;
    p.start(driverPath(), {project, QStringLiteral("7"), QStringLiteral("1000000")});
    ASSERT_TRUE(p.waitForFinished(300'000)) << "the edit driver did not stop on the full disk";
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 2);
    const EditLog log = parseEditLog(QString::fromUtf8(p.readAllStandardOutput()));
    EXPECT_TRUE(isDiskFullMessage(log.fail)) << qPrintable(log.fail);
    EXPECT_FALSE(log.acks.empty());
    std::printf("edits onto the full disk: %zu acknowledged, then %s\n", log.acks.size(), qPrintable(log.fail));

    Tally t;
    EditExpectations expected;
    expected.apply(log, t);
    checkEdits(project, expected, t, QStringLiteral("on the full disk"));

    ASSERT_TRUE(QFile::remove(here.filePath(QStringLiteral("disk/filler"))));
    QProcess again;
    again.start(driverPath(), {project, QStringLiteral("8"), QStringLiteral("50")});
    ASSERT_TRUE(again.waitForFinished(120'000));
    EXPECT_EQ(again.exitCode(), 0) << again.readAllStandardError().constData();
    const EditLog more = parseEditLog(QString::fromUtf8(again.readAllStandardOutput()));
    EXPECT_TRUE(more.done);
    expected.apply(more, t);
    checkEdits(project, expected, t, QStringLiteral("after freeing space"));
    EXPECT_EQ(t.editsLost + t.phantomEdits + t.integrityErrors, 0);
}

TEST_F(DiskFull, ExportOntoAFullDiskKeepsThePreviousBundleAndLeavesNoPartial)
{
    QTemporaryDir here;
    const QString project = here.filePath(QStringLiteral("p.incidoc"));
    ASSERT_TRUE(copyProject(reference(), project));
    Tmpfs disk(here.filePath(QStringLiteral("disk")), 16 * 1024);
    ASSERT_TRUE(disk.mounted()) << qPrintable(disk.error());
    const QString zip = disk.filePath(QStringLiteral("b.zip"));
    const QStringList args{QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), zip,
                           QStringLiteral("-q")};
    const CliRun first = runCli(args);
    ASSERT_EQ(first.exitCode, 0) << qPrintable(first.err);
    ASSERT_EQ(bundleProblem(zip), QString());
    const QByteArray old = sha(zip);

    ASSERT_TRUE(fillLeaving(here.filePath(QStringLiteral("disk")), 64 * 1024));
    const CliRun full = runCli(args);
    EXPECT_FALSE(full.crashed);
    EXPECT_EQ(full.exitCode, 2) << qPrintable(full.err);
    EXPECT_TRUE(full.err.contains(QStringLiteral("No space left on device"))) << qPrintable(full.err);
    EXPECT_EQ(sha(zip), old) << "the previous bundle changed";
    std::printf("export onto the full disk: exit %d, %s\n", full.exitCode, qPrintable(full.err.trimmed()));
    EXPECT_EQ(QDir(here.filePath(QStringLiteral("disk"))).entryList(QDir::Files | QDir::Hidden).join(QLatin1Char(' ')),
              QStringLiteral("b.zip filler"));
    EXPECT_EQ(integrityCheck(project), QStringLiteral("ok"));

    ASSERT_TRUE(QFile::remove(here.filePath(QStringLiteral("disk/filler"))));
    const CliRun again = runCli(args);
    EXPECT_EQ(again.exitCode, 0) << qPrintable(again.err);
    EXPECT_EQ(bundleProblem(zip), QString());
    EXPECT_TRUE(partialFiles(here.filePath(QStringLiteral("disk"))).isEmpty());
}
