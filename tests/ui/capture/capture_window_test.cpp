// The capture window, as File › Capture… and File › Capture from Video File… open it: generated videos (a page
// sliding in over a table, held still, sliding away) played through the real window on the offscreen platform
// give exactly one capture per steady period; the captures are pages of one document in the project (real
// SQLite) and are read by the app's pipeline; Undo Last Capture takes them back one by one. No camera (this
// machine has none), a damaged file and a sound-only file each give a message and nothing is lost.
#include "core/pipeline/workplace.h"
#include "ui/capture/capture_dialog.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QFile>
#include <QMediaDevices>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "tests/support/file_drops.h"
#include "tests/ui/capture/capture_videos.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

const QString kFirst = QStringLiteral(
    "INCIDENT REPORT\n\nThe vehicle was parked on the north side of the road when the driver of the second car "
    "lost control on the wet surface and struck its rear bumper. Nobody was hurt. The police arrived at ten past "
    "nine and took statements from both drivers and from two witnesses standing at the bus stop.");
const QString kSecond = QStringLiteral(
    "WITNESS STATEMENT\n\nI saw the blue van turn left without signalling and strike the parked car at low "
    "speed. The driver stepped out, looked at the damage and wrote a note which he left under the wiper. "
    "I gave my name and telephone number to the officer who came later that morning.");

class CaptureWindowTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
        s_videos = new QTemporaryDir;
    }
    static void TearDownTestSuite()
    {
        delete s_videos;
        s_videos = nullptr;
    }
    /// A generated video, made on first use (ctest runs each test in a process of its own: only what it needs).
    static QString video(const QString& name)
    {
        const QString path = s_videos->filePath(name);
        if (QFile::exists(path))
            return path;
        QString error;
        if (name == QLatin1String("sound.m4a")) {
            error = test::makeAudioOnlyFile(path);
        } else {
            test::CaptureVideo v;
            v.pages = name == QLatin1String("two.mp4") ? QStringList{kFirst, kSecond} : QStringList{kFirst};
            error = test::makeCaptureVideo(v, path);
        }
        EXPECT_TRUE(error.isEmpty()) << error.toStdString();
        return path;
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        m_window = std::make_unique<MainWindow>(makeLocalWorkplace());
        ASSERT_TRUE(m_window->newProject(m_dir.filePath(QStringLiteral("p.incidoc"))));
        m_window->show();
    }
    void TearDown() override { m_window.reset(); }

    /// The window playing `file` to its end (a deadline of a minute past its length).
    CaptureDialog* playToEnd(const QString& file)
    {
        CaptureDialog* d = m_window->openCapture(false);
        if (!d)
            return nullptr;
        QSignalSpy finished(d, &CaptureDialog::fileFinished);
        d->playFile(file);
        EXPECT_TRUE(test::waitFor([&] { return finished.count() > 0; }, 90'000)) << d->message().toStdString();
        return d;
    }

    std::vector<PageRecord> capturedPages(DocumentId document) { return m_window->session()->pages(document); }

    /// Every page of `document` read (or failed): a page being read cannot be taken back.
    bool waitUntilRead(DocumentId document)
    {
        return test::waitFor(
            [&] {
                for (const PageRecord& p : capturedPages(document))
                    if (p.status == PageStatus::Queued || p.status == PageStatus::Processing)
                        return false;
                return true;
            },
            240'000);
    }

    static QTemporaryDir* s_videos;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTemporaryDir* CaptureWindowTest::s_videos = nullptr;

TEST_F(CaptureWindowTest, WithoutACameraTheWindowSaysSoAndStillOffersAVideoFile)
{
    ASSERT_TRUE(QMediaDevices::videoInputs().isEmpty()) << "this test expects a machine without a camera";
    CaptureDialog* d = m_window->openCapture(false);
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->message().contains(QStringLiteral("No camera"))) << d->message().toStdString();
    EXPECT_FALSE(d->startCamera());
    auto* fromFile = d->findChild<QPushButton*>(QStringLiteral("captureFromFile"));
    ASSERT_NE(fromFile, nullptr);
    EXPECT_TRUE(fromFile->isEnabled());
    EXPECT_FALSE(d->captureNow()); // nothing on screen: nothing captured
    EXPECT_EQ(d->captureCount(), 0);
    // The same window again, not a second one.
    EXPECT_EQ(m_window->openCapture(false), d);
}

TEST_F(CaptureWindowTest, OneSteadyPeriodGivesOneCaptureWhichIsReadAndUndone)
{
    CaptureDialog* d = playToEnd(video(QStringLiteral("one.mp4")));
    ASSERT_NE(d, nullptr);
    const FramePumpStats stats = d->frameStats();
    EXPECT_GT(stats.analysed, 10);
    EXPECT_GT(stats.shown, 10);
    EXPECT_GT(d->framesPainted(), 10);
    ASSERT_EQ(d->captureCount(), 1) << d->statusText().toStdString();
    const DocumentId doc = d->documentId();
    ASSERT_NE(doc, 0);
    ASSERT_EQ(capturedPages(doc).size(), 1u);
    // The app's pipeline reads it: words with boxes on the page.
    const PageId page = capturedPages(doc).front().id;
    ASSERT_TRUE(test::waitFor(
        [&] {
            auto p = m_window->session()->page(page);
            return p && (p->status == PageStatus::Done || p->status == PageStatus::Failed);
        },
        180'000));
    EXPECT_EQ(m_window->session()->page(page)->status, PageStatus::Done)
        << m_window->session()->page(page)->error.toStdString();
    EXPECT_FALSE(m_window->session()->words(page).empty());

    EXPECT_TRUE(d->undoLastCapture());
    EXPECT_EQ(d->captureCount(), 0);
    EXPECT_FALSE(m_window->session()->document(doc).has_value()); // the document went with its last page
    EXPECT_FALSE(d->undoLastCapture());
}

TEST_F(CaptureWindowTest, TwoSteadyPeriodsGiveTwoPagesOfOneDocumentUndoneOneByOne)
{
    CaptureDialog* d = playToEnd(video(QStringLiteral("two.mp4")));
    ASSERT_NE(d, nullptr);
    ASSERT_EQ(d->captureCount(), 2) << d->statusText().toStdString();
    const DocumentId doc = d->documentId();
    auto pages = capturedPages(doc);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].number, 1);
    EXPECT_EQ(pages[1].number, 2);
    // The window's own keys: Space takes the frame on screen (the end of the video) as a third page, Ctrl+Z
    // takes pages back one by one.
    ASSERT_TRUE(waitUntilRead(doc));
    for (const PageRecord& p : capturedPages(doc)) {
        EXPECT_EQ(p.status, PageStatus::Done) << p.error.toStdString();
        EXPECT_FALSE(m_window->session()->words(p.id).empty());
    }
    d->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(d));
    QTest::keyClick(d, Qt::Key_Space);
    EXPECT_EQ(d->captureCount(), 3);
    EXPECT_EQ(capturedPages(doc).size(), 3u);
    ASSERT_TRUE(waitUntilRead(doc));
    // The main window shows each capture as it comes, and never a page that was taken back.
    auto* view = m_window->findChild<PageView*>();
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->pageId(), capturedPages(doc).back().id);
    QTest::keyClick(d, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(d->captureCount(), 2);
    EXPECT_EQ(capturedPages(doc).size(), 2u);
    EXPECT_EQ(view->pageId(), pages[1].id);
    EXPECT_TRUE(d->undoLastCapture());
    EXPECT_EQ(capturedPages(doc).size(), 1u);
    EXPECT_EQ(capturedPages(doc).front().id, pages[0].id);
    EXPECT_EQ(view->pageId(), pages[0].id);
    EXPECT_TRUE(d->undoLastCapture());
    EXPECT_FALSE(m_window->session()->document(doc).has_value());
    EXPECT_EQ(d->captureCount(), 0);
    EXPECT_EQ(view->pageId(), 0);
}

TEST_F(CaptureWindowTest, ADamagedFileOrASoundOnlyFileGivesAMessageAndKeepsTheCaptures)
{
    CaptureDialog* d = playToEnd(video(QStringLiteral("one.mp4")));
    ASSERT_NE(d, nullptr);
    ASSERT_EQ(d->captureCount(), 1);

    const QString damaged = m_dir.filePath(QStringLiteral("damaged.mp4"));
    QFile in(video(QStringLiteral("one.mp4")));
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    QFile out(damaged);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(in.read(20'000)); // the start of the file only: its index (at the end) is missing
    out.close();
    QSignalSpy messages(d, &CaptureDialog::messageShown);
    d->playFile(damaged);
    ASSERT_TRUE(test::waitFor([&] { return messages.count() > 0; }, 30'000));
    EXPECT_TRUE(d->message().contains(QStringLiteral("cannot be played"))) << d->message().toStdString();
    EXPECT_FALSE(d->isPlayingFile());

    messages.clear();
    d->playFile(video(QStringLiteral("sound.m4a")));
    ASSERT_TRUE(test::waitFor([&] { return messages.count() > 0; }, 30'000));
    EXPECT_TRUE(d->message().contains(QStringLiteral("no video stream"))) << d->message().toStdString();

    messages.clear();
    d->playFile(m_dir.filePath(QStringLiteral("nowhere.mp4")));
    EXPECT_TRUE(d->message().contains(QStringLiteral("cannot be found"))) << d->message().toStdString();

    EXPECT_EQ(d->captureCount(), 1); // nothing lost
    EXPECT_EQ(capturedPages(d->documentId()).size(), 1u);
}

TEST_F(CaptureWindowTest, TheFileMenuOpensTheWindowAndAsksForAVideo)
{
    QAction* fromVideo = m_window->findChild<QAction*>(QStringLiteral("captureFromVideoAction"));
    ASSERT_NE(fromVideo, nullptr);
    ASSERT_TRUE(fromVideo->isEnabled());
    fromVideo->trigger();
    auto* d = m_window->findChild<CaptureDialog*>();
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->findChild<QWidget*>(QStringLiteral("captureFileDialog")), nullptr);
    m_window->closeProject(); // the window goes with the project it captures into
    EXPECT_EQ(m_window->findChild<CaptureDialog*>(), nullptr);
    EXPECT_FALSE(fromVideo->isEnabled());
}

} // namespace
