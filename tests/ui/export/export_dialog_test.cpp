// The Export dialog driven like a user would (QTest clicks and typing on the offscreen platform) on a
// real project (the bundled sample incident report, imported and OCR'd by the core pipeline), checking
// the ZIP the core writes with unzip: the chosen formats only, `unzip -t` clean, nothing left behind by
// a cancel or an error, and the project editable while the export runs.
#include "core/export/form_checks.h"
#include "core/import/file_registration.h"
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/export/export_controller.h"
#include "ui/export/export_dialog.h"
#include "ui/project_session.h"
#include "ui/review/checks_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "tests/support/pdf_factory.h"
#include "tests/ui/session_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

/// Receives QDesktopServices::openUrl() for file URLs, so "Show in Folder" is checked without
/// launching a file manager.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls << url; }
};

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
};

Run run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(60'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    return r;
}

/// The entry names of a ZIP, from its central directory (unzip -Z1).
QStringList zipEntries(const QString& zip)
{
    const Run r = run(QStringLiteral("unzip"), {QStringLiteral("-Z1"), zip});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(zip);
    QStringList names = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    names.sort();
    return names;
}

bool zipTests(const QString& zip)
{
    return run(QStringLiteral("unzip"), {QStringLiteral("-tq"), zip}).exitCode == 0;
}

QByteArray zipEntry(const QString& zip, const QString& name)
{
    return run(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, name}).out;
}

/// The files of a folder, hidden ones included (the core's partial files are hidden), without the
/// project's SQLite side files (they come and go with connections).
QStringList filesIn(const QString& dir)
{
    QStringList names;
    for (const QString& name : QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        if (!name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm")))
            names << name;
    names.sort();
    return names;
}

/// A click where a user clicks: on the indicator of a check box or radio button, mid-button otherwise.
void click(QAbstractButton* button)
{
    ASSERT_TRUE(button->isVisible() && button->isEnabled()) << qPrintable(button->text());
    const bool indicator = qobject_cast<QCheckBox*>(button) || qobject_cast<QRadioButton*>(button);
    QTest::mouseClick(button, Qt::LeftButton, {},
                      indicator ? QPoint(8, button->height() / 2) : button->rect().center());
}

class ExportDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        QCoreApplication::setApplicationName(QStringLiteral("export_dialog_test"));
        QSettings().clear();
        ASSERT_TRUE(m_dir.isValid());
        m_path = test::copySampleProject(m_dir);
        ASSERT_FALSE(m_path.isEmpty());
        m_host.resize(400, 300);
        m_host.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_host));
    }
    void TearDown() override
    {
        delete m_dialog.data();
        m_session.reset();
        QSettings().clear();
    }

    void openSession()
    {
        auto session = ProjectSession::open(m_path);
        ASSERT_TRUE(session.ok()) << qPrintable(session.error().message);
        m_session = std::move(session).value();
    }

    /// Opens the dialog the way the main window does.
    void openDialog()
    {
        if (!m_session)
            openSession();
        ASSERT_TRUE(m_session);
        m_dialog = ExportDialog::openFor(m_session.get(), incidoc::makeLocalWorkplace(), &m_host);
        ASSERT_TRUE(m_dialog);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_dialog.data()));
    }

    /// Types `path` into the destination field, as a user would.
    void typeDestination(const QString& path)
    {
        QLineEdit* edit = m_dialog->destinationEdit();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, path);
        ASSERT_EQ(edit->text(), path);
    }

    /// Clicks Export and waits (processing events) until the export has ended.
    void exportAndWait(int timeoutMs = 180'000)
    {
        QSignalSpy ended(m_dialog.data(), &ExportDialog::exportEnded);
        click(m_dialog->exportButton());
        ASSERT_TRUE(QTest::qWaitFor([&] { return ended.count() == 1; }, timeoutMs));
    }

    /// Clicks Export and waits until the first page is in the archive (the export is under way).
    void exportUntilFirstPage()
    {
        click(m_dialog->exportButton());
        ASSERT_TRUE(m_dialog->isExporting());
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return m_dialog->controller()->progress().pagesWritten >= 1 || !m_dialog->isExporting(); }, 120'000));
        ASSERT_TRUE(m_dialog->isExporting()) << "the export ended before it could be interrupted";
    }

    /// Makes the export slow enough to act on while it runs: one job, original images, visualizations.
    void chooseSlowOptions()
    {
        m_dialog->jobsBox()->setValue(1);
        click(m_dialog->imagesButton(ExportImages::Original));
    }

    QTemporaryDir m_dir;
    QString m_path;
    QWidget m_host; ///< stands in for the main window
    std::unique_ptr<ProjectSession> m_session;
    QPointer<ExportDialog> m_dialog;
};

TEST_F(ExportDialogTest, OffersTheProjectsDocumentsAndDefaults)
{
    QSettings().setValue(QStringLiteral("processing/jobs"), 3);
    openDialog();
    EXPECT_FALSE(m_dialog->isModal()); // annotators keep working in the main window
    QListWidget* docs = m_dialog->documentList();
    ASSERT_EQ(docs->count(), 1);
    EXPECT_TRUE(docs->item(0)->text().contains(QStringLiteral("incident-report.pdf")));
    EXPECT_TRUE(docs->item(0)->text().contains(QStringLiteral("4")));
    EXPECT_EQ(docs->item(0)->checkState(), Qt::Checked);
    EXPECT_TRUE(m_dialog->pageJsonBox()->isChecked());
    EXPECT_FALSE(m_dialog->pageJsonBox()->isEnabled()); // always in
    for (auto f : {ExportDialog::Format::Coco, ExportDialog::Format::LabelStudio, ExportDialog::Format::Hocr,
                   ExportDialog::Format::Alto, ExportDialog::Format::Metrics})
        EXPECT_TRUE(m_dialog->formatBox(f)->isChecked());
    // The form formats are in by default; the training sets (many small images) on demand.
    for (auto f : {ExportDialog::Format::Funsd, ExportDialog::Format::PageXml, ExportDialog::Format::Records})
        EXPECT_TRUE(m_dialog->formatBox(f)->isChecked());
    for (auto f : {ExportDialog::Format::Lines, ExportDialog::Format::Crops})
        EXPECT_FALSE(m_dialog->formatBox(f)->isChecked());
    EXPECT_TRUE(m_dialog->imagesButton(ExportImages::Binarized)->isChecked());
    EXPECT_TRUE(m_dialog->visualizationsBox()->isChecked());
    EXPECT_FALSE(m_dialog->reviewedOnlyBox()->isChecked());
    EXPECT_EQ(m_dialog->jobsBox()->value(), 3);
    EXPECT_EQ(m_dialog->destination(), m_dir.filePath(QStringLiteral("sample.zip")));
    EXPECT_TRUE(m_dialog->exportButton()->isEnabled());
    EXPECT_FALSE(m_dialog->cancelButton()->isVisible());

    const ExportOptions o = m_dialog->options();
    EXPECT_TRUE(o.documents.empty()); // every document
    EXPECT_EQ(o.images, ExportImages::Binarized);
    EXPECT_EQ(o.jobs, 3);

    // Unticking the only document (space bar on the list) leaves nothing to export.
    docs->setFocus();
    docs->setCurrentRow(0);
    QTest::keyClick(docs, Qt::Key_Space);
    EXPECT_EQ(docs->item(0)->checkState(), Qt::Unchecked);
    EXPECT_FALSE(m_dialog->exportButton()->isEnabled());
    // An empty destination cannot be exported to either.
    QTest::keyClick(docs, Qt::Key_Space);
    EXPECT_TRUE(m_dialog->exportButton()->isEnabled());
    m_dialog->destinationEdit()->clear();
    EXPECT_FALSE(m_dialog->exportButton()->isEnabled());

    // A second "Export…" brings back the same dialog; without the setting, jobs default to the cores.
    EXPECT_EQ(ExportDialog::openFor(m_session.get(), incidoc::makeLocalWorkplace(), &m_host), m_dialog.data());
    QSettings().remove(QStringLiteral("processing/jobs"));
    ExportDialog other(m_session.get(), incidoc::makeLocalWorkplace());
    EXPECT_EQ(other.jobsBox()->value(), std::max(1, QThread::idealThreadCount()));
}

TEST_F(ExportDialogTest, TheRedactCheckboxReachesTheExportOptions)
{
    openDialog();
    ASSERT_TRUE(m_dialog);
    QCheckBox* redact = m_dialog->redactBox();
    ASSERT_NE(redact, nullptr);
    EXPECT_TRUE(redact->isVisible());
    EXPECT_FALSE(redact->isChecked()); // a plain export unless asked for
    EXPECT_FALSE(m_dialog->options().redact);
    QTest::mouseClick(redact, Qt::LeftButton, {}, QPoint(8, redact->height() / 2));
    EXPECT_TRUE(redact->isChecked());
    EXPECT_TRUE(m_dialog->options().redact);
    // The rest of the options stay as they were.
    EXPECT_TRUE(m_dialog->options().documents.empty());
    EXPECT_EQ(m_dialog->options().images, ExportImages::Binarized);
    QTest::keyClick(redact, Qt::Key_Space);
    EXPECT_FALSE(m_dialog->options().redact);
}

TEST_F(ExportDialogTest, ListsTheChecksBeforeExportOfTheChosenDocumentsAndPages)
{
    // An entity without a label on a page marked reviewed: a finding before export.
    openSession();
    const DocumentId doc = m_session->documents().front().id;
    const PageId page1 = m_session->pages(doc).front().id;
    const auto words = m_session->words(page1);
    ASSERT_GE(words.size(), 2u);
    ASSERT_TRUE(m_session->groupWords({words[0].id, words[1].id}));
    ASSERT_TRUE(m_session->setPageReview(page1, ReviewStatus::Reviewed));
    openDialog();
    auto expected = [&](bool reviewedOnly) {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto f = exportFindings(**store, FindingScope{{}, reviewedOnly});
        EXPECT_TRUE(f.ok());
        return f.ok() ? *f : std::vector<FormFinding>{};
    };
    auto listed = [&](const QString& kind) {
        const QString title = ChecksPanel::kindTitle(kind);
        for (int i = 0; i < m_dialog->checksList()->count(); ++i)
            if (m_dialog->checksList()->item(i)->text().contains(title))
                return true;
        return false;
    };
    QListWidget* checks = m_dialog->checksList();
    EXPECT_EQ(static_cast<std::size_t>(checks->count()), expected(false).size());
    EXPECT_TRUE(listed(QStringLiteral("unlabelled_entity")));
    EXPECT_TRUE(m_dialog->checksLabel()->text().contains(QString::number(checks->count())));

    // Reviewed pages only: the pages not reviewed are not looked at; the reviewed one still is.
    click(m_dialog->reviewedOnlyBox());
    EXPECT_EQ(static_cast<std::size_t>(checks->count()), expected(true).size());
    EXPECT_TRUE(listed(QStringLiteral("unlabelled_entity")));
    // No document chosen: nothing to check.
    m_dialog->documentList()->item(0)->setCheckState(Qt::Unchecked);
    EXPECT_EQ(checks->count(), 0);
}

TEST_F(ExportDialogTest, WritesOnlyTheChosenFormats)
{
    openDialog();
    click(m_dialog->formatBox(ExportDialog::Format::Coco));
    click(m_dialog->formatBox(ExportDialog::Format::Hocr));
    click(m_dialog->formatBox(ExportDialog::Format::Metrics));
    click(m_dialog->formatBox(ExportDialog::Format::Funsd));
    click(m_dialog->formatBox(ExportDialog::Format::PageXml));
    click(m_dialog->formatBox(ExportDialog::Format::Records));
    click(m_dialog->imagesButton(ExportImages::None));
    click(m_dialog->visualizationsBox());
    ASSERT_FALSE(m_dialog->formatBox(ExportDialog::Format::Coco)->isChecked());
    ASSERT_FALSE(m_dialog->visualizationsBox()->isChecked());
    typeDestination(QStringLiteral("subset")); // relative to the project's folder; ".zip" is added
    const QString zip = m_dir.filePath(QStringLiteral("subset.zip"));

    exportAndWait();
    ASSERT_FALSE(m_dialog->messageLabel()->property("error").toBool()) << qPrintable(m_dialog->messageLabel()->text());
    ASSERT_TRUE(QFile::exists(zip));
    EXPECT_EQ(m_dialog->lastBundle(), zip);
    EXPECT_TRUE(zipTests(zip));

    const QStringList entries = zipEntries(zip);
    QString slug;
    for (const QString& e : entries)
        if (e.startsWith(QLatin1String("documents/")))
            slug = e.section(QLatin1Char('/'), 1, 1);
    ASSERT_FALSE(slug.isEmpty());
    QStringList expected{QStringLiteral("README.md"), QStringLiteral("manifest.json"),
                         QStringLiteral("labelstudio.json")};
    for (int page = 1; page <= 4; ++page) {
        const QString n = QStringLiteral("page-%1").arg(page, 4, 10, QLatin1Char('0'));
        expected << QStringLiteral("documents/%1/%2.json").arg(slug, n)
                 << QStringLiteral("alto/%1/%2.xml").arg(slug, n);
    }
    expected.sort();
    EXPECT_EQ(entries, expected);

    // The outcome: path and counts, Show in Folder, the chosen phases complete, the others not shown.
    const QString message = m_dialog->messageLabel()->text();
    EXPECT_TRUE(message.contains(QDir::toNativeSeparators(zip))) << qPrintable(message);
    EXPECT_TRUE(message.contains(QStringLiteral("4 page"))) << qPrintable(message);
    EXPECT_TRUE(message.contains(QStringLiteral("%1 entries").arg(entries.size()))) << qPrintable(message);
    EXPECT_TRUE(m_dialog->showInFolderButton()->isVisible());
    for (ExportPhase done : {ExportPhase::PageJson, ExportPhase::LabelStudio, ExportPhase::Alto, ExportPhase::Bundle}) {
        QProgressBar* bar = m_dialog->phaseBar(done);
        EXPECT_TRUE(bar->isVisible()) << qPrintable(toString(done));
        EXPECT_GT(bar->maximum(), 0) << qPrintable(toString(done));
        EXPECT_EQ(bar->value(), bar->maximum()) << qPrintable(toString(done));
        EXPECT_FALSE(m_dialog->phaseLabel(done)->text().isEmpty());
    }
    EXPECT_TRUE(m_dialog->phaseLabel(ExportPhase::PageJson)->text().startsWith(QStringLiteral("4 of 4")));
    for (ExportPhase off :
         {ExportPhase::Images, ExportPhase::Visualizations, ExportPhase::Coco, ExportPhase::Hocr, ExportPhase::Metrics})
        EXPECT_FALSE(m_dialog->phaseBar(off)->isVisible()) << qPrintable(toString(off));
    EXPECT_TRUE(m_dialog->exportButton()->isEnabled()); // ready for another export
    EXPECT_TRUE(m_dialog->jobsBox()->isEnabled());
}

TEST_F(ExportDialogTest, WritesEveryFormatWithOriginalImagesAndShowsTheFolder)
{
    openDialog();
    click(m_dialog->imagesButton(ExportImages::Original));
    click(m_dialog->formatBox(ExportDialog::Format::Lines));
    click(m_dialog->formatBox(ExportDialog::Format::Crops));
    const QString zip = m_dir.filePath(QStringLiteral("all.zip"));
    typeDestination(zip);
    exportAndWait();
    ASSERT_TRUE(QFile::exists(zip)) << qPrintable(m_dialog->messageLabel()->text());
    EXPECT_TRUE(zipTests(zip));

    const QStringList entries = zipEntries(zip);
    for (const char* single :
         {"README.md", "manifest.json", "coco.json", "labelstudio.json", "metrics/pages.csv", "metrics/summary.json"})
        EXPECT_TRUE(entries.contains(QLatin1String(single))) << single;
    for (const char* prefix : {"documents/", "images/", "visualizations/", "hocr/", "alto/", "funsd/", "page/"})
        EXPECT_EQ(entries.filter(QRegularExpression(QStringLiteral("^%1.*/page-000[1-4]\\.").arg(prefix))).size(), 4)
            << prefix;
    // The training sets: a line image beside each transcription, word crops listed in their split's labels.
    const QStringList lineImages =
        entries.filter(QRegularExpression(QStringLiteral("^lines/(train|val|test)/.*\\.png$")));
    EXPECT_GT(lineImages.size(), 8);
    EXPECT_EQ(entries.filter(QRegularExpression(QStringLiteral("^lines/.*\\.gt\\.txt$"))).size(), lineImages.size());
    const QStringList labelFiles = entries.filter(QRegularExpression(QStringLiteral("^crops/[a-z]+/labels\\.txt$")));
    ASSERT_EQ(labelFiles.size(), 1); // one document: one split
    const QStringList labelLines =
        QString::fromUtf8(zipEntry(zip, labelFiles.first())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    EXPECT_GT(labelLines.size(), 20);
    for (const QString& line : labelLines)
        EXPECT_TRUE(entries.contains(line.section(QLatin1Char('\t'), 0, 0))) << qPrintable(line);
    // Original page images are 8-bit grey, not the 1-bit binarized ones.
    const QStringList pngs = entries.filter(QRegularExpression(QStringLiteral("^images/.*\\.png$")));
    ASSERT_FALSE(pngs.isEmpty());
    QImage image;
    ASSERT_TRUE(image.loadFromData(zipEntry(zip, pngs.last()), "PNG"));
    EXPECT_EQ(image.depth(), 8);
    EXPECT_TRUE(image.isGrayscale());
    EXPECT_GT(image.width(), 1000);

    // Show in Folder asks the desktop to open the bundle's folder.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    click(m_dialog->showInFolderButton());
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    ASSERT_EQ(catcher.urls.size(), 1);
    EXPECT_EQ(QDir(catcher.urls.first().toLocalFile()), QDir(m_dir.path()));
}

TEST_F(ExportDialogTest, ExportsTheChosenDocumentsAndReviewedPagesOnly)
{
    // A second document, registered but not processed yet: its pages have no image, only their JSON.
    const QString other = m_dir.filePath(QStringLiteral("witness statement.pdf"));
    ASSERT_TRUE(test::writeTextPdf(other, test::sampleParagraphPages(2, 7)));
    {
        auto store = ProjectStore::open(m_path);
        ASSERT_TRUE(store.ok());
        ASSERT_EQ(registerFiles(**store, {other}).added, 1);
    }
    openSession();
    const auto docs = m_session->documents();
    ASSERT_EQ(docs.size(), 2u);
    const DocumentRecord sample = docs[0].name.startsWith(QLatin1String("incident")) ? docs[0] : docs[1];
    const auto pages = m_session->pages(sample.id);
    ASSERT_EQ(pages.size(), 4u);
    ASSERT_TRUE(m_session->setPageReview(pages[1].id, ReviewStatus::Reviewed));

    openDialog();
    QListWidget* list = m_dialog->documentList();
    ASSERT_EQ(list->count(), 2);
    EXPECT_TRUE(m_dialog->options().documents.empty());
    const int witnessRow = list->item(0)->text().startsWith(QLatin1String("witness")) ? 0 : 1;
    list->setFocus();
    list->setCurrentRow(witnessRow);
    QTest::keyClick(list, Qt::Key_Space);
    ASSERT_EQ(list->item(witnessRow)->checkState(), Qt::Unchecked);
    ASSERT_EQ(m_dialog->options().documents, std::vector<DocumentId>{sample.id});
    click(m_dialog->reviewedOnlyBox());
    click(m_dialog->visualizationsBox());
    const QString zip = m_dir.filePath(QStringLiteral("reviewed.zip"));
    typeDestination(zip);
    exportAndWait();
    ASSERT_TRUE(QFile::exists(zip)) << qPrintable(m_dialog->messageLabel()->text());
    EXPECT_TRUE(zipTests(zip));
    const QStringList entries = zipEntries(zip);
    const QStringList json = entries.filter(QRegularExpression(QStringLiteral("^documents/")));
    ASSERT_EQ(json.size(), 1) << qPrintable(entries.join(QLatin1Char(' ')));
    EXPECT_TRUE(json.first().startsWith(QStringLiteral("documents/incident-report/page-0002.json")));
    EXPECT_TRUE(m_dialog->messageLabel()->text().contains(QStringLiteral("1 page")));

    // Both documents, all pages: the unprocessed ones come as JSON without images.
    QTest::keyClick(list, Qt::Key_Space);
    click(m_dialog->reviewedOnlyBox());
    exportAndWait();
    const QStringList all = zipEntries(zip);
    EXPECT_EQ(all.filter(QRegularExpression(QStringLiteral("^documents/"))).size(), 6);
    EXPECT_EQ(all.filter(QRegularExpression(QStringLiteral("^images/"))).size(), 4);
    EXPECT_TRUE(zipTests(zip));
}

TEST_F(ExportDialogTest, FitsA1366x768ScreenAndDoesNotGrowAfterAnExport)
{
    // A long destination (a deep folder, a long name): the outcome message repeats it.
    const QString deep = m_dir.filePath(QStringLiteral("evidence-bundles-for-the-quarterly-review/"
                                                       "2026/northern-district/incident-reports-exported"));
    ASSERT_TRUE(QDir().mkpath(deep));
    QSettings().setValue(QStringLiteral("export/folder"), deep);
    openDialog();
    QApplication::processEvents();
    const QSize before = m_dialog->size();
    auto fits = [](const QSize& s) { return s.width() <= 1300 && s.height() <= 700; };
    EXPECT_TRUE(fits(before)) << before.width() << "x" << before.height();
    EXPECT_TRUE(fits(m_dialog->sizeHint())) << m_dialog->sizeHint().width() << "x" << m_dialog->sizeHint().height();

    click(m_dialog->imagesButton(ExportImages::None));
    exportAndWait();
    ASSERT_FALSE(m_dialog->messageLabel()->property("error").toBool()) << qPrintable(m_dialog->messageLabel()->text());
    EXPECT_TRUE(m_dialog->messageLabel()->isVisible());
    EXPECT_TRUE(m_dialog->phaseBar(ExportPhase::PageJson)->isVisible());
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(10);
    }
    const QSize after = m_dialog->size(), minimum = m_dialog->minimumSizeHint();
    std::printf("export dialog: %dx%d before, %dx%d after an export (minimum %dx%d)\n", before.width(), before.height(),
                after.width(), after.height(), minimum.width(), minimum.height());
    EXPECT_EQ(after, before);
    EXPECT_TRUE(fits(minimum)) << minimum.width() << "x" << minimum.height();
    EXPECT_TRUE(fits(m_dialog->sizeHint())) << m_dialog->sizeHint().width() << "x" << m_dialog->sizeHint().height();
    // The whole outcome is there to read, path included.
    EXPECT_TRUE(m_dialog->messageLabel()->text().contains(QDir::toNativeSeparators(deep)));
}

TEST_F(ExportDialogTest, CancelLeavesNoFileAndKeepsTheOldOne)
{
    const QString zip = m_dir.filePath(QStringLiteral("old.zip"));
    const QByteArray old = "an older bundle that must survive a cancelled export";
    {
        QFile f(zip);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(old);
    }
    openDialog();
    const QStringList before = filesIn(m_dir.path());
    chooseSlowOptions();
    typeDestination(zip);
    bool noted = false; // the user is told the file is replaced only once the new one is complete
    for (const QLabel* label : m_dialog->findChildren<QLabel*>())
        noted = noted || (label->isVisible() && label->text().contains(QStringLiteral("replaced only once")));
    EXPECT_TRUE(noted);
    QSignalSpy cancelled(m_dialog->controller(), &ExportController::cancelled);
    QSignalSpy finished(m_dialog->controller(), &ExportController::finished);
    QSignalSpy ended(m_dialog.data(), &ExportDialog::exportEnded);
    exportUntilFirstPage();
    EXPECT_FALSE(m_dialog->destinationEdit()->isEnabled()); // options are locked while it runs
    EXPECT_FALSE(m_dialog->exportButton()->isEnabled());
    click(m_dialog->cancelButton());
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended.count() == 1; }, 60'000));
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(finished.count(), 0);
    EXPECT_TRUE(m_dialog->messageLabel()->text().contains(QStringLiteral("cancelled")));
    EXPECT_FALSE(m_dialog->showInFolderButton()->isVisible());

    QFile f(zip);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), old);
    EXPECT_EQ(filesIn(m_dir.path()), before); // no partial file beside it
    EXPECT_TRUE(m_dialog->exportButton()->isEnabled());
}

TEST_F(ExportDialogTest, UnwritableDestinationShowsTheErrorAndWritesNothing)
{
    openDialog();
    click(m_dialog->imagesButton(ExportImages::None));
    // A path through a regular file cannot be created, whoever runs the test (root included).
    QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QStringList before = filesIn(m_dir.path());
    for (const QString& dest :
         {m_dir.filePath(QStringLiteral("blocker/out.zip")), QStringLiteral("/proc/incidoc-export.zip")}) {
        SCOPED_TRACE(qPrintable(dest));
        QSignalSpy failed(m_dialog->controller(), &ExportController::failed);
        typeDestination(dest);
        exportAndWait(60'000);
        ASSERT_EQ(failed.count(), 1);
        const QString error = failed.first().first().toString();
        EXPECT_FALSE(error.isEmpty());
        EXPECT_TRUE(m_dialog->messageLabel()->isVisible());
        EXPECT_TRUE(m_dialog->messageLabel()->property("error").toBool());
        EXPECT_TRUE(m_dialog->messageLabel()->text().contains(error)) << qPrintable(m_dialog->messageLabel()->text());
        EXPECT_TRUE(error.contains(dest) || error.contains(QStringLiteral("cannot"))) << qPrintable(error);
        EXPECT_FALSE(QFile::exists(dest));
        EXPECT_FALSE(m_dialog->showInFolderButton()->isVisible());
        EXPECT_TRUE(m_dialog->exportButton()->isEnabled()); // the user can pick another file
        EXPECT_TRUE(m_dialog->isVisible());
    }
    EXPECT_EQ(filesIn(m_dir.path()), before);
}

TEST_F(ExportDialogTest, EditingWhileTheExportRunsIsNotBlocked)
{
    openSession();
    const auto docs = m_session->documents();
    ASSERT_EQ(docs.size(), 1u);
    const auto pages = m_session->pages(docs[0].id);
    ASSERT_EQ(pages.size(), 4u);
    const auto words = m_session->words(pages.back().id);
    ASSERT_FALSE(words.empty());
    const WordRecord word = words.front();
    const QString edited = QStringLiteral("EditedDuringExport");

    openDialog();
    chooseSlowOptions();
    const QString zip = m_dir.filePath(QStringLiteral("during.zip"));
    typeDestination(zip);
    QSignalSpy ended(m_dialog.data(), &ExportDialog::exportEnded);
    exportUntilFirstPage();

    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(m_session->setWordText(word.id, edited)); // a write on the GUI thread, mid-export
    const qint64 editMs = clock.elapsed();
    EXPECT_LT(editMs, 2000) << "the edit waited for the export";
    EXPECT_TRUE(m_dialog->isExporting());
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended.count() == 1; }, 180'000));
    ASSERT_TRUE(QFile::exists(zip)) << qPrintable(m_dialog->messageLabel()->text());
    EXPECT_TRUE(zipTests(zip));

    // The edit is in the project; the bundle holds the snapshot taken when the export began.
    auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    auto stored = (*store)->words(pages.back().id);
    ASSERT_TRUE(stored.ok());
    bool found = false;
    for (const auto& w : *stored)
        found = found || (w.id == word.id && w.text == edited);
    EXPECT_TRUE(found);
    const QStringList entries = zipEntries(zip);
    const QStringList last = entries.filter(QRegularExpression(QStringLiteral("^documents/.*/page-0004\\.json$")));
    ASSERT_EQ(last.size(), 1);
    const QByteArray json = zipEntry(zip, last.first());
    EXPECT_TRUE(json.contains(word.text.toUtf8()));
    EXPECT_FALSE(json.contains(edited.toUtf8()));
}

TEST_F(ExportDialogTest, ClosingWhileExportingCancelsAndThenCloses)
{
    openDialog();
    chooseSlowOptions();
    const QString zip = m_dir.filePath(QStringLiteral("closed.zip"));
    typeDestination(zip);
    const QStringList before = filesIn(m_dir.path());
    exportUntilFirstPage();
    click(m_dialog->closeButton());
    EXPECT_TRUE(m_dialog && m_dialog->isVisible());                          // stays until the core has cleaned up
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_dialog.isNull(); }, 60'000)); // closed and deleted
    EXPECT_FALSE(QFile::exists(zip));
    EXPECT_EQ(filesIn(m_dir.path()), before);
}

TEST_F(ExportDialogTest, ControllerRunsOneExportAtATimeAndCleansUpWhenDestroyed)
{
    const QString zip = m_dir.filePath(QStringLiteral("controller.zip"));
    ExportOptions o;
    o.jobs = 1;
    o.images = ExportImages::Original;
    const QStringList before = filesIn(m_dir.path());
    {
        ExportController controller(incidoc::makeLocalWorkplace());
        QSignalSpy progress(&controller, &ExportController::progressChanged);
        ASSERT_TRUE(controller.start(m_path, zip, o));
        EXPECT_TRUE(controller.isRunning());
        EXPECT_FALSE(controller.start(m_path, zip, o)); // one at a time
        ASSERT_TRUE(QTest::qWaitFor([&] { return controller.progress().pagesWritten >= 1; }, 120'000));
        EXPECT_GE(progress.count(), 1);
    } // destroyed mid-export: cancelled and waited for
    EXPECT_FALSE(QFile::exists(zip));
    EXPECT_EQ(filesIn(m_dir.path()), before);

    ExportController controller(incidoc::makeLocalWorkplace());
    QSignalSpy finished(&controller, &ExportController::finished);
    QSignalSpy progress(&controller, &ExportController::progressChanged);
    o.images = ExportImages::None;
    o.visualizations = false;
    ASSERT_TRUE(controller.start(m_path, zip, o));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !controller.isRunning(); }, 120'000));
    ASSERT_EQ(finished.count(), 1);
    const auto report = finished.first().first().value<ExportReport>();
    EXPECT_EQ(report.pages, 4);
    EXPECT_EQ(report.path, zip);
    EXPECT_EQ(controller.progress().pagesWritten, 4); // the last progress arrives before the outcome
    EXPECT_EQ(controller.progress().phase(ExportPhase::Bundle).done,
              controller.progress().phase(ExportPhase::Bundle).total);
    EXPECT_TRUE(zipTests(zip));
}

} // namespace

#include "export_dialog_test.moc"
