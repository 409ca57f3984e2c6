// The app and watch folders: what another connection adds to the open project (a second writer, as
// `incidoc-cli watch` is) appears in the window, and pages another process finishes show as done; the
// app's own Watch folders (a project setting) import what lands there and process its pages. The real
// window on the offscreen platform, a real project, real files; waits on conditions with deadlines.
#include "core/import/file_registration.h"
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/controllers/watch_controller.h"
#include "ui/project_session.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_list_model.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <functional>

#include "tests/support/cli_runner.h"
#include "tests/support/file_drops.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

bool waitFor(const std::function<bool()>& done, int deadlineMs = 180'000)
{
    return test::waitFor(done, deadlineMs);
}

class ShellWatchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        m_window = std::make_unique<MainWindow>(makeLocalWorkplace());
        ASSERT_TRUE(m_window->newProject(project()));
    }
    void TearDown() override { m_window.reset(); }
    QString project() const { return m_dir.filePath(QStringLiteral("p.incidoc")); }
    QString scan() const { return test::testData(QStringLiteral("funsd/training_data/images/0001485288.png")); }

    std::optional<PageRecord> firstPage()
    {
        auto docs = m_window->session()->documents();
        if (docs.empty())
            return std::nullopt;
        auto pages = m_window->session()->pages(docs.front().id);
        return pages.empty() ? std::nullopt : std::optional<PageRecord>(pages.front());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(ShellWatchTest, WhatAWatcherInAnotherProcessAddsAppearsAndItsPagesShowAsDone)
{
    ASSERT_EQ(m_window->documentsModel()->rowCount(), 0);
    const QString in = m_dir.filePath(QStringLiteral("in"));
    ASSERT_TRUE(QDir().mkpath(in));
    QProcess watcher;
    watcher.setProgram(test::cliPath());
    watcher.setArguments({QStringLiteral("watch"), QStringLiteral("-p"), project(), in, QStringLiteral("--rescan"),
                          QStringLiteral("1"), QStringLiteral("--stable-for"), QStringLiteral("200"),
                          QStringLiteral("--jobs"), QStringLiteral("1")});
    watcher.start();
    ASSERT_TRUE(watcher.waitForStarted(30'000));
    ASSERT_TRUE(QFile::copy(scan(), QDir(in).filePath(QStringLiteral("scan.png"))));

    // The document and its page appear in the window's lists ...
    ASSERT_TRUE(waitFor([&] { return m_window->documentsModel()->rowCount() == 1; }))
        << qPrintable(QString::fromUtf8(watcher.readAllStandardError()));
    ASSERT_TRUE(waitFor([&] { return m_window->pageListModel()->rowCount() == 1; }));
    const auto page = firstPage();
    ASSERT_TRUE(page.has_value());
    // ... and once the watcher has read it (or the app, when it holds the processing lock), it is done.
    ASSERT_TRUE(waitFor([&] {
        const auto p = m_window->session()->page(page->id);
        return p && p->status == PageStatus::Done;
    })) << qPrintable(QString::fromUtf8(watcher.readAllStandardError()));
    EXPECT_FALSE(m_window->session()->words(page->id).empty());
    watcher.terminate();
    ASSERT_TRUE(watcher.waitForFinished(60'000));
    EXPECT_EQ(watcher.exitCode(), 0);
}

TEST_F(ShellWatchTest, TheProjectsWatchFoldersImportWhatLandsThereAndTheAppProcessesIt)
{
    WatchController* watch = m_window->watchController();
    ASSERT_NE(watch, nullptr);
    const QString in = m_dir.filePath(QStringLiteral("in"));
    ASSERT_TRUE(QDir().mkpath(in));
    watch->setTimings(200, 1);
    ASSERT_TRUE(watch->setProjectFolders({in}));
    EXPECT_TRUE(watch->isWatching());
    EXPECT_EQ(watch->projectFolders(), QStringList{QFileInfo(in).absoluteFilePath()});

    ASSERT_TRUE(QDir().mkpath(QDir(in).filePath(QStringLiteral("sub"))));
    ASSERT_TRUE(QFile::copy(scan(), QDir(in).filePath(QStringLiteral("sub/scan.png"))));
    ASSERT_TRUE(waitFor([&] { return m_window->documentsModel()->rowCount() == 1; }));
    ASSERT_TRUE(waitFor([&] {
        const auto p = firstPage();
        return p && p->status == PageStatus::Done;
    }));
    EXPECT_FALSE(m_window->session()->words(firstPage()->id).empty());

    // The setting is the project's: opened again, the folder is watched again.
    m_window->closeProject();
    ASSERT_TRUE(m_window->openProject(project()));
    ASSERT_NE(m_window->watchController(), nullptr);
    EXPECT_TRUE(m_window->watchController()->isWatching());
    ASSERT_TRUE(m_window->watchController()->setProjectFolders({}));
    EXPECT_FALSE(m_window->watchController()->isWatching());
}

TEST_F(ShellWatchTest, AnotherConnectionOpenedInTheAppWhileAnotherProcessWritesLeavesTheProjectReadable)
{
    // A second connection opened and closed in the app's process (as the app's imports and pipelines do)
    // must not drop the locks of the app's own connection: if it did, the other process's last
    // connection would checkpoint and delete the -wal and -shm files the app still reads ("database disk
    // image is malformed", and pages done elsewhere never showing as done).
    {
        auto other = ProjectStore::open(project());
        ASSERT_TRUE(other.ok());
        ASSERT_EQ(registerFiles(**other, {scan()}).added, 1);
    }
    const test::CliRun run = test::runCli({QStringLiteral("ocr"), QStringLiteral("-p"), project()});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    auto fresh = ProjectStore::open(project(), OpenMode::ReadOnly);
    ASSERT_TRUE(fresh.ok()) << qPrintable(fresh.error().message);
    ASSERT_TRUE(waitFor([&] {
        const auto page = firstPage();
        return page && page->status == PageStatus::Done;
    }));
}

} // namespace
