// `incidoc-cli watch` as a real process: files dropped while it runs are imported and OCR'd, `status`
// shows what waits, SIGTERM ends it cleanly, and a kill -9 at any moment followed by a restart loses
// nothing and duplicates nothing (exactly one document per file). Waits are on conditions with generous
// deadlines, never on durations.
#include "core/storage/project_store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include <signal.h>

#include "tests/support/cli_runner.h"
#include "tests/support/file_drops.h"
#include "tests/support/test_paths.h"

namespace incidoc {
namespace {

constexpr int kDeadlineMs = 300'000;

bool waitFor(const std::function<bool()>& done, int deadlineMs = kDeadlineMs)
{
    return test::waitFor(done, deadlineMs, 50);
}

using test::smallPng;
using test::writeFile;

class CliWatchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_in = m_dir.filePath(QStringLiteral("in"));
        ASSERT_TRUE(QDir().mkpath(m_in));
    }
    void TearDown() override
    {
        if (m_watch && m_watch->state() != QProcess::NotRunning) {
            m_watch->kill();
            m_watch->waitForFinished(30'000);
        }
    }
    QString project() const { return m_dir.filePath(QStringLiteral("p.incidoc")); }

    void startWatch(const QStringList& extra)
    {
        m_watch = std::make_unique<QProcess>();
        m_watch->setProgram(test::cliPath());
        m_watch->setArguments(QStringList{QStringLiteral("watch"), QStringLiteral("-p"), project(), m_in,
                                          QStringLiteral("--rescan"), QStringLiteral("1"),
                                          QStringLiteral("--stable-for"), QStringLiteral("200"),
                                          QStringLiteral("--json")}
                              + extra);
        m_watch->setProcessChannelMode(QProcess::SeparateChannels);
        m_watch->start();
        ASSERT_TRUE(m_watch->waitForStarted(30'000));
    }
    /// Lines of --json events printed so far with `"event":"<kind>"`.
    int events(const QString& kind)
    {
        m_out += QString::fromUtf8(m_watch->readAllStandardOutput());
        return static_cast<int>(m_out.count(QStringLiteral("\"event\":\"%1\"").arg(kind)));
    }

    std::vector<DocumentRecord> documents()
    {
        auto store = ProjectStore::open(project(), OpenMode::ReadOnly);
        if (!store)
            return {};
        auto docs = (*store)->documents();
        return docs ? *docs : std::vector<DocumentRecord>{};
    }

    QTemporaryDir m_dir;
    QString m_in;
    std::unique_ptr<QProcess> m_watch;
    QString m_out;
};

TEST_F(CliWatchTest, DroppedScansAreImportedAndReadAndSigtermEndsCleanly)
{
    startWatch({QStringLiteral("--jobs"), QStringLiteral("2")});
    const QString scan = test::testData(QStringLiteral("funsd/training_data/images/0001485288.png"));
    ASSERT_TRUE(QDir().mkpath(QDir(m_in).filePath(QStringLiteral("sub"))));
    ASSERT_TRUE(QFile::copy(scan, QDir(m_in).filePath(QStringLiteral("sub/a.png"))));
    ASSERT_TRUE(waitFor([&] { return events(QStringLiteral("page")) >= 1; })) << qPrintable(m_out);
    const QJsonObject status = test::statusJson(project());
    EXPECT_EQ(status.value(QStringLiteral("documents")).toInt(), 1);
    EXPECT_EQ(status.value(QStringLiteral("pages")).toObject().value(QStringLiteral("done")).toInt(), 1);
    EXPECT_GT(status.value(QStringLiteral("words")).toInt(), 20);
    EXPECT_EQ(status.value(QStringLiteral("watched")).toObject().value(QStringLiteral("imported")).toInt(), 1);

    // A file still being written: `status` lists it as waiting, and nothing of it is imported.
    QFile half(QDir(m_in).filePath(QStringLiteral("half.png")));
    const QByteArray png = smallPng(1);
    ASSERT_TRUE(half.open(QIODevice::WriteOnly));
    half.write(png.left(png.size() / 2));
    half.flush();
    ASSERT_TRUE(waitFor([&] {
        return test::statusJson(project())
                   .value(QStringLiteral("watched"))
                   .toObject()
                   .value(QStringLiteral("waiting"))
                   .toInt()
               == 1;
    }));
    const QJsonArray waiting = test::statusJson(project())
                                   .value(QStringLiteral("watched"))
                                   .toObject()
                                   .value(QStringLiteral("waiting_files"))
                                   .toArray();
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_TRUE(waiting[0].toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral("half.png")));
    EXPECT_EQ(documents().size(), 1u);
    half.write(png.mid(png.size() / 2));
    half.close();
    ASSERT_TRUE(waitFor([&] { return events(QStringLiteral("page")) >= 2; })) << qPrintable(m_out);

    m_watch->terminate(); // SIGTERM
    ASSERT_TRUE(m_watch->waitForFinished(60'000));
    EXPECT_EQ(m_watch->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(m_watch->exitCode(), 0);
    EXPECT_EQ(documents().size(), 2u);
}

TEST_F(CliWatchTest, KillNineAtAnyMomentThenRestartLosesNothingAndDuplicatesNothing)
{
    constexpr int kFiles = 60;
    std::set<QString> expected;
    for (int i = 0; i < kFiles; ++i) {
        const QString path = QDir(m_in).filePath(QStringLiteral("d%1/f%2.png").arg(i % 4).arg(i));
        ASSERT_TRUE(writeFile(path, smallPng(i)));
        expected.insert(QFileInfo(path).canonicalFilePath());
    }
    // Three kills in the middle of the stream (after a few files each time), then a run to the end.
    for (int round = 0; round < 3; ++round) {
        startWatch({});
        const int before = static_cast<int>(documents().size());
        ASSERT_TRUE(waitFor([&] { return static_cast<int>(documents().size()) >= std::min(kFiles, before + 5); }));
        ::kill(static_cast<pid_t>(m_watch->processId()), SIGKILL);
        ASSERT_TRUE(m_watch->waitForFinished(30'000));
        EXPECT_EQ(m_watch->exitStatus(), QProcess::CrashExit);
    }
    startWatch({});
    ASSERT_TRUE(waitFor([&] {
        const QJsonObject s = test::statusJson(project());
        const QJsonObject pages = s.value(QStringLiteral("pages")).toObject();
        return s.value(QStringLiteral("documents")).toInt() >= kFiles
               && pages.value(QStringLiteral("done")).toInt() + pages.value(QStringLiteral("failed")).toInt() >= kFiles;
    })) << qPrintable(m_out);
    m_watch->terminate();
    ASSERT_TRUE(m_watch->waitForFinished(60'000));

    const auto docs = documents();
    std::set<QString> paths;
    for (const DocumentRecord& d : docs) {
        EXPECT_TRUE(d.error.isEmpty()) << qPrintable(d.path) << ": " << qPrintable(d.error);
        EXPECT_TRUE(paths.insert(d.path).second) << "twice: " << qPrintable(d.path);
    }
    EXPECT_EQ(docs.size(), static_cast<size_t>(kFiles));
    EXPECT_EQ(paths, expected);
    const QJsonObject s = test::statusJson(project());
    EXPECT_EQ(s.value(QStringLiteral("pages")).toObject().value(QStringLiteral("queued")).toInt(), 0);
    EXPECT_EQ(s.value(QStringLiteral("pages")).toObject().value(QStringLiteral("processing")).toInt(), 0);
    EXPECT_EQ(s.value(QStringLiteral("watched")).toObject().value(QStringLiteral("waiting")).toInt(), 0);
    EXPECT_EQ(s.value(QStringLiteral("watched")).toObject().value(QStringLiteral("imported")).toInt(), kFiles);
}

} // namespace
} // namespace incidoc
