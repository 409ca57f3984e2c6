#include "ui/export/export_dialog.h"

#include "core/export/form_checks.h"
#include "core/storage/project_store.h"
#include "ui/export/export_controller.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"
#include "ui/review/checks_panel.h"
#include "ui/shell/app_settings.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace incidoc::ui {
namespace {

const QString kFolderKey = QStringLiteral("export/folder");
constexpr int kDocumentIdRole = Qt::UserRole + 1;

QString phaseName(ExportPhase phase)
{
    switch (phase) {
    case ExportPhase::Images: return ExportDialog::tr("Page images");
    case ExportPhase::Visualizations: return ExportDialog::tr("Visualizations");
    case ExportPhase::PageJson: return ExportDialog::tr("Page JSON");
    case ExportPhase::Coco: return ExportDialog::tr("COCO");
    case ExportPhase::LabelStudio: return ExportDialog::tr("Label Studio");
    case ExportPhase::Hocr: return ExportDialog::tr("hOCR");
    case ExportPhase::Alto: return ExportDialog::tr("ALTO");
    case ExportPhase::Metrics: return ExportDialog::tr("Metrics");
    case ExportPhase::Funsd: return ExportDialog::tr("FUNSD");
    case ExportPhase::PageXml: return ExportDialog::tr("PAGE XML");
    case ExportPhase::Records: return ExportDialog::tr("Incident records");
    case ExportPhase::Lines: return ExportDialog::tr("Line images");
    case ExportPhase::Crops: return ExportDialog::tr("Word crops");
    case ExportPhase::Bundle: return ExportDialog::tr("README, manifest, combined files");
    }
    return {};
}

QString bytesText(quint64 bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes));
}

} // namespace

ExportDialog* ExportDialog::openFor(ProjectSession* session, std::shared_ptr<Workplace> workplace, QWidget* parent)
{
    if (!session)
        return nullptr;
    // One export dialog per project: a second Ctrl+E brings the open one back (it may be running).
    if (parent) {
        for (auto* existing : parent->findChildren<ExportDialog*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (existing->m_projectPath == session->path()) {
                existing->show();
                existing->raise();
                existing->activateWindow();
                return existing;
            }
        }
    }
    auto* dialog = new ExportDialog(session, std::move(workplace), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show(); // modeless: the annotators keep working in the main window while it exports
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

ExportDialog::ExportDialog(ProjectSession* session, std::shared_ptr<Workplace> workplace, QWidget* parent)
    : QDialog(parent), m_projectPath(session ? session->path() : QString()),
      m_controller(new ExportController(std::move(workplace), this)), m_destination(new QLineEdit(this)),
      m_browse(new QPushButton(tr("&Browse…"), this)), m_destinationNote(new QLabel(this)),
      m_documents(new QListWidget(this)), m_reviewedOnly(new QCheckBox(tr("&Reviewed pages only"), this)),
      m_json(new QCheckBox(tr("Page &JSON"), this)),
      m_visualizations(new QCheckBox(tr("&Visualizations (pages with their boxes drawn)"), this)),
      m_redact(new QCheckBox(tr("Re&dact personal data (pseudonymised copy)"), this)), m_jobs(new QSpinBox(this)),
      m_optionsBox(new QGroupBox(tr("What to export"), this)), m_progressBox(new QGroupBox(tr("Progress"), this)),
      m_summary(new QLabel(this)), m_checksBox(new QWidget(this)), m_checksSummary(new QLabel(this)),
      m_checks(new QListWidget(this)), m_message(new QLabel(this)), m_export(new QPushButton(tr("&Export"), this)),
      m_cancel(new QPushButton(tr("&Cancel Export"), this)),
      m_showInFolder(new QPushButton(tr("&Show in Folder"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setModal(false);
    const QFileInfo project(m_projectPath);
    setWindowTitle(tr("Export %1").arg(project.completeBaseName()));

    // --- destination ---
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* destRow = new QHBoxLayout;
    QString folder = QSettings().value(kFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = project.absolutePath();
    m_destination->setText(QDir::toNativeSeparators(QDir(folder).filePath(project.completeBaseName() + ".zip")));
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    m_destination->setClearButtonEnabled(true);
    destRow->addWidget(m_destination, 1);
    destRow->addWidget(m_browse);
    auto* destLabel = new QLabel(tr("&Destination:"), this);
    destLabel->setBuddy(m_destination); // a row of two widgets has no buddy of its own: Alt+D goes to the path
    form->addRow(destLabel, destRow);
    // One line, always there (empty when there is nothing to say): the dialog keeps its height when a
    // note comes or goes. A note longer than the dialog is wide is cut; its tooltip has it whole.
    m_destinationNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_destinationNote->setMinimumHeight(m_destinationNote->fontMetrics().height());
    m_destinationNote->setEnabled(false); // greyed: a hint, not an error
    form->addRow(QString(), m_destinationNote);
    layout->addLayout(form);

    // The options on the left; the progress and the outcome on the right, in room kept for them from the
    // start: an export does not make the dialog grow (it fits a 1366 × 768 screen before and after).
    setUpOptions(session);
    setUpProgress();
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // wraps to the column's width
    m_message->setVisible(false);
    auto* columns = new QHBoxLayout;
    columns->addWidget(m_optionsBox);
    // Under the options and the progress, as wide as the dialog: the room kept for the outcome stays.
    auto* checks = new QVBoxLayout(m_checksBox);
    checks->setContentsMargins(0, 0, 0, 0);
    m_checksSummary->setObjectName(QStringLiteral("exportChecksSummary"));
    m_checksSummary->setWordWrap(true);
    m_checks->setObjectName(QStringLiteral("exportChecks"));
    // Three rows, whatever the checks find: the dialog keeps its size.
    m_checks->setFixedHeight(3 * m_checks->fontMetrics().height() + 2 * m_checks->frameWidth() + 6);
    checks->addWidget(m_checksSummary);
    checks->addWidget(m_checks);
    auto* outcome = new QVBoxLayout;
    outcome->addWidget(m_progressBox);
    // Room for an outcome of a few lines under the progress, kept while no outcome shows.
    auto* messageRoom = new QWidget(this);
    auto* messageLayout = new QVBoxLayout(messageRoom);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_message);
    messageLayout->addStretch(1);
    messageRoom->setMinimumHeight(4 * m_message->fontMetrics().lineSpacing());
    outcome->addWidget(messageRoom);
    outcome->addStretch(1);
    columns->addLayout(outcome, 1);
    layout->addLayout(columns);
    layout->addWidget(m_checksBox);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_showInFolder, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_export->setDefault(true);
    m_cancel->setVisible(false);
    m_showInFolder->setVisible(false);
    layout->addWidget(buttons);

    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_showInFolder, &QPushButton::clicked, this, &ExportDialog::showInFolder);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_destination, &QLineEdit::textChanged, this, [this] {
        updateDestinationNote();
        updateButtons();
    });
    connect(m_documents, &QListWidget::itemChanged, this, &ExportDialog::updateButtons);
    connect(m_documents, &QListWidget::itemChanged, this, &ExportDialog::updateChecks);
    connect(m_reviewedOnly, &QCheckBox::toggled, this, &ExportDialog::updateChecks);
    connect(m_controller, &ExportController::progressChanged, this, &ExportDialog::showProgress);
    connect(m_controller, &ExportController::finished, this, &ExportDialog::onFinished);
    connect(m_controller, &ExportController::failed, this, &ExportDialog::onFailed);
    connect(m_controller, &ExportController::cancelled, this, &ExportDialog::onCancelled);
    if (session) {
        // The project was closed: an idle dialog goes with it; a running export finishes (it has its own
        // connection) and its outcome stays on screen.
        connect(session, &QObject::destroyed, this, [this] {
            if (!isExporting())
                close();
        });
    }
    updateDestinationNote();
    updateButtons();
    updateChecks();
}

void ExportDialog::updateChecks()
{
    m_checks->clear();
    auto store = ProjectStore::open(m_projectPath, OpenMode::ReadOnly);
    if (!store) {
        m_checksSummary->setText(tr("The checks could not be read: %1").arg(store.error().message));
        return;
    }
    const ExportOptions o = options();
    bool anyChosen = false;
    for (int i = 0; i < m_documents->count(); ++i)
        anyChosen = anyChosen || m_documents->item(i)->checkState() == Qt::Checked;
    if (!anyChosen) { // options() says "every document" with an empty list: here it is none
        m_checksSummary->setText(tr("Checks before export: no document chosen."));
        return;
    }
    auto findings = exportFindings(**store, FindingScope{o.documents, o.reviewedOnly});
    if (!findings) {
        m_checksSummary->setText(tr("The checks could not be read: %1").arg(findings.error().message));
        return;
    }
    std::map<DocumentId, QString> names;
    if (auto docs = (*store)->documents())
        for (const DocumentRecord& d : *docs)
            names[d.id] = d.name;
    for (const FormFinding& f : *findings) {
        auto* item = new QListWidgetItem(tr("%1, page %2: %3 — %4")
                                             .arg(names[f.document])
                                             .arg(f.pageNumber)
                                             .arg(ChecksPanel::kindTitle(f.kind), f.message),
                                         m_checks);
        item->setToolTip(item->text());
    }
    m_checksSummary->setText(findings->empty() ? tr("Checks before export: nothing to fix.")
                                               : tr("Checks before export: %n finding(s) to look at (View › Checks).",
                                                    nullptr, static_cast<int>(findings->size())));
}

/// What goes in: the documents, reviewed pages only, the formats, the page images, the jobs.
void ExportDialog::setUpOptions(ProjectSession* session)
{
    auto* options = new QGridLayout(m_optionsBox);
    auto* docsLabel = new QLabel(tr("D&ocuments:"), m_optionsBox);
    docsLabel->setBuddy(m_documents);
    options->addWidget(docsLabel, 0, 0, 1, 2);
    if (session) {
        for (const DocumentRecord& doc : session->documents()) {
            auto* item = new QListWidgetItem(m_documents);
            item->setData(kDocumentIdRole, static_cast<qlonglong>(doc.id));
            if (doc.error.isEmpty()) {
                item->setText(tr("%1 (%n page(s))", nullptr, doc.pageCount).arg(doc.name));
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Checked);
            } else {
                // A file that did not import has no pages: shown so the list matches the project, not
                // exportable.
                item->setText(tr("%1 (import failed)").arg(doc.name));
                item->setToolTip(FailureText::ofDocument(doc));
                item->setFlags(Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
        }
    }
    m_documents->setMaximumHeight(120);
    options->addWidget(m_documents, 1, 0, 1, 2);
    options->addWidget(m_reviewedOnly, 2, 0, 1, 2);

    auto* formatsBox = new QGroupBox(tr("Formats"), m_optionsBox);
    auto* formats = new QGridLayout(formatsBox);
    m_json->setChecked(true);
    m_json->setEnabled(false);
    m_json->setToolTip(tr("incidoc.page/1, one file per page: always written, the other formats are made from it."));
    formats->addWidget(m_json, 0, 0);
    // Words and pages on the left, forms and training sets on the right.
    const std::array<QString, 10> formatNames{tr("&COCO (detection boxes)"),
                                              tr("&Label Studio (OCR template)"),
                                              tr("&hOCR"),
                                              tr("&ALTO v4"),
                                              tr("&Metrics (pages.csv, summary.json)"),
                                              tr("&FUNSD (form entities and links)"),
                                              tr("&PAGE XML 2019"),
                                              tr("&Incident records (JSON, CSV)"),
                                              tr("Line images for &Tesseract training"),
                                              tr("&Word crops for recognition training")};
    const ExportFormats defaults;
    const std::array<bool, 10> checked{defaults.coco,    defaults.labelStudio, defaults.hocr,    defaults.alto,
                                       defaults.metrics, defaults.funsd,       defaults.pageXml, defaults.records,
                                       defaults.lines,   defaults.crops};
    for (std::size_t i = 0; i < m_formats.size(); ++i) {
        m_formats[i] = new QCheckBox(formatNames[i], formatsBox);
        m_formats[i]->setChecked(checked[i]);
        const int row = i < 5 ? static_cast<int>(i) + 1 : static_cast<int>(i) - 5;
        formats->addWidget(m_formats[i], row, i < 5 ? 0 : 1);
    }
    const QString split = tr("Cut from the page images; each document goes whole into train (80 %), val (10 %) or "
                             "test (10 %).");
    formatBox(Format::Lines)->setToolTip(split);
    formatBox(Format::Crops)->setToolTip(split);
    options->addWidget(formatsBox, 3, 0);

    auto* imagesBox = new QGroupBox(tr("Page images"), m_optionsBox);
    auto* images = new QVBoxLayout(imagesBox);
    m_images[static_cast<int>(ExportImages::Binarized)] = new QRadioButton(tr("&Binarized (1-bit PNG)"), imagesBox);
    m_images[static_cast<int>(ExportImages::Original)] = new QRadioButton(tr("&Original (grey PNG)"), imagesBox);
    m_images[static_cast<int>(ExportImages::None)] = new QRadioButton(tr("&None"), imagesBox);
    for (auto* b : m_images)
        images->addWidget(b);
    imagesButton(ExportImages::Binarized)->setChecked(true);
    images->addStretch();
    options->addWidget(imagesBox, 3, 1);

    m_visualizations->setChecked(true);
    options->addWidget(m_visualizations, 4, 0, 1, 2);
    auto* jobsRow = new QHBoxLayout;
    auto* jobsLabel = new QLabel(tr("&Jobs:"), m_optionsBox);
    jobsLabel->setBuddy(m_jobs);
    m_jobs->setRange(1, 64);
    const int jobs = AppSettings::load().jobs; // the processing setting: 0 means one per core
    m_jobs->setValue(jobs > 0 ? jobs : std::max(1, QThread::idealThreadCount()));
    m_jobs->setToolTip(tr("Pages prepared in parallel."));
    jobsRow->addWidget(jobsLabel);
    jobsRow->addWidget(m_jobs);
    jobsRow->addStretch();
    options->addLayout(jobsRow, 5, 0, 1, 2);
    m_redact->setObjectName(QStringLiteral("redactBox"));
    options->addWidget(m_redact, 6, 0, 1, 2);
    auto* redactNote = new QLabel(tr("Names, dates, phones, addresses, plates and IDs become consistent fake values; "
                                     "their areas of the images are filled; no source files. Checked before it is "
                                     "kept."),
                                  m_optionsBox);
    redactNote->setWordWrap(true);
    redactNote->setContentsMargins(24, 0, 0, 0);
    QFont small = redactNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    redactNote->setFont(small);
    options->addWidget(redactNote, 7, 0, 1, 2);
}

/// One row per phase: name, bar, items and bytes.
void ExportDialog::setUpProgress()
{
    auto* progress = new QGridLayout(m_progressBox);
    for (int i = 0; i < kExportPhaseCount; ++i) {
        const auto phase = static_cast<ExportPhase>(i);
        m_phaseNames[i] = new QLabel(phaseName(phase), m_progressBox);
        m_phaseBars[i] = new QProgressBar(m_progressBox);
        m_phaseBars[i]->setObjectName(QStringLiteral("phase-") + toString(phase));
        m_phaseDetails[i] = new QLabel(m_progressBox);
        m_phaseDetails[i]->setMinimumWidth(
            QFontMetrics(font()).horizontalAdvance(QStringLiteral("0000 of 0000 · 000.0 MB")));
        progress->addWidget(m_phaseNames[i], i, 0);
        progress->addWidget(m_phaseBars[i], i, 1);
        progress->addWidget(m_phaseDetails[i], i, 2);
    }
    progress->addWidget(m_summary, kExportPhaseCount, 0, 1, 3);
    progress->setRowStretch(kExportPhaseCount + 1, 1); // rows from the top, whatever the box's height
    // The box keeps the size of every row shown; until an export starts it only says what it is for.
    m_progressBox->setMinimumSize(m_progressBox->sizeHint());
    for (int i = 0; i < kExportPhaseCount; ++i) {
        m_phaseNames[i]->setVisible(false);
        m_phaseBars[i]->setVisible(false);
        m_phaseDetails[i]->setVisible(false);
    }
    m_summary->setText(tr("The progress of each part of the bundle shows here during an export."));
    m_summary->setWordWrap(true);
}

ExportDialog::~ExportDialog() = default;

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    bool all = true;
    for (int i = 0; i < m_documents->count(); ++i) {
        const QListWidgetItem* item = m_documents->item(i);
        if (!(item->flags() & Qt::ItemIsEnabled))
            continue;
        if (item->checkState() == Qt::Checked)
            o.documents.push_back(item->data(kDocumentIdRole).toLongLong());
        else
            all = false;
    }
    if (all) // every document: the core takes the project's list in its own snapshot
        o.documents.clear();
    o.reviewedOnly = m_reviewedOnly->isChecked();
    o.formats.json = true;
    o.formats.coco = formatBox(Format::Coco)->isChecked();
    o.formats.labelStudio = formatBox(Format::LabelStudio)->isChecked();
    o.formats.hocr = formatBox(Format::Hocr)->isChecked();
    o.formats.alto = formatBox(Format::Alto)->isChecked();
    o.formats.metrics = formatBox(Format::Metrics)->isChecked();
    o.formats.funsd = formatBox(Format::Funsd)->isChecked();
    o.formats.pageXml = formatBox(Format::PageXml)->isChecked();
    o.formats.records = formatBox(Format::Records)->isChecked();
    o.formats.lines = formatBox(Format::Lines)->isChecked();
    o.formats.crops = formatBox(Format::Crops)->isChecked();
    o.images = imagesButton(ExportImages::Original)->isChecked() ? ExportImages::Original
               : imagesButton(ExportImages::None)->isChecked()   ? ExportImages::None
                                                                 : ExportImages::Binarized;
    o.visualizations = m_visualizations->isChecked();
    o.redact = m_redact->isChecked();
    o.jobs = m_jobs->value();
    o.lowConfidence = AppSettings::load().confidenceThreshold; // the review threshold the user works with
    return o;
}

QString ExportDialog::destination() const
{
    QString text = QDir::fromNativeSeparators(m_destination->text().trimmed());
    if (text.isEmpty())
        return {};
    if (text == QLatin1String("~") || text.startsWith(QLatin1String("~/")))
        text = QDir::homePath() + text.mid(1);
    if (QFileInfo(text).suffix().isEmpty() && !QFileInfo(text).isDir())
        text += QLatin1String(".zip");
    // A relative name is relative to the project's folder, not to wherever the app was started.
    return QDir::cleanPath(QDir(QFileInfo(m_projectPath).absolutePath()).absoluteFilePath(text));
}

bool ExportDialog::isExporting() const
{
    return m_controller->isRunning();
}

void ExportDialog::browse()
{
    auto* picker = new QFileDialog(this, tr("Export To"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setAcceptMode(QFileDialog::AcceptSave);
    picker->setFileMode(QFileDialog::AnyFile);
    picker->setNameFilter(tr("ZIP archives (*.zip)"));
    picker->setDefaultSuffix(QStringLiteral("zip"));
    const QString current = destination();
    if (!current.isEmpty()) {
        picker->setDirectory(QFileInfo(current).absolutePath());
        picker->selectFile(QFileInfo(current).fileName());
    }
    connect(picker, &QFileDialog::fileSelected, this,
            [this](const QString& file) { m_destination->setText(QDir::toNativeSeparators(file)); });
    picker->open();
}

void ExportDialog::updateDestinationNote()
{
    const QString dest = destination();
    const QFileInfo info(dest);
    QString note;
    if (!dest.isEmpty() && info.isDir())
        note = tr("This is a folder: add a file name.");
    else if (!dest.isEmpty() && info.exists())
        note = tr("%1 exists: it is replaced only once the new bundle is complete.").arg(info.fileName());
    m_destinationNote->setText(note);
    m_destinationNote->setToolTip(note);
}

void ExportDialog::updateButtons()
{
    const bool running = isExporting();
    bool anyDocument = false;
    for (int i = 0; i < m_documents->count() && !anyDocument; ++i)
        anyDocument = m_documents->item(i)->checkState() == Qt::Checked;
    m_export->setEnabled(!running && anyDocument && !m_destination->text().trimmed().isEmpty());
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
}

void ExportDialog::setRunning(bool running)
{
    m_optionsBox->setEnabled(!running);
    m_destination->setEnabled(!running);
    m_browse->setEnabled(!running);
    updateButtons();
}

void ExportDialog::resetProgress()
{
    const ExportOptions o = options();
    const std::array<bool, kExportPhaseCount> on{o.images != ExportImages::None,
                                                 o.visualizations,
                                                 true,
                                                 o.formats.coco,
                                                 o.formats.labelStudio,
                                                 o.formats.hocr,
                                                 o.formats.alto,
                                                 o.formats.metrics,
                                                 o.formats.funsd,
                                                 o.formats.pageXml,
                                                 o.formats.records,
                                                 o.formats.lines,
                                                 o.formats.crops,
                                                 true};
    for (int i = 0; i < kExportPhaseCount; ++i) {
        m_phaseNames[i]->setVisible(on[i]);
        m_phaseBars[i]->setVisible(on[i]);
        m_phaseDetails[i]->setVisible(on[i]);
        m_phaseBars[i]->setRange(0, 0); // busy until the core reports its totals (after the first page)
        m_phaseBars[i]->setValue(0);
        m_phaseDetails[i]->clear();
    }
    m_summary->setText(tr("Reading the project…"));
}

void ExportDialog::startExport()
{
    if (isExporting())
        return;
    const QString dest = destination();
    if (dest.isEmpty()) {
        showMessage(tr("Choose the file to write the bundle to."), true);
        return;
    }
    if (QFileInfo(dest).isDir()) {
        showMessage(tr("%1 is a folder: choose a file name for the bundle.").arg(QDir::toNativeSeparators(dest)), true);
        return;
    }
    const QFileInfo project(m_projectPath);
    if (QFileInfo(dest).absoluteFilePath() == project.absoluteFilePath()
        || (QFileInfo::exists(dest) && QFileInfo(dest).canonicalFilePath() == project.canonicalFilePath())) {
        showMessage(tr("The bundle cannot replace the project file itself: choose another name."), true);
        return;
    }
    m_destination->setText(QDir::toNativeSeparators(dest)); // show what is written, ".zip" included
    const ExportOptions o = options();
    m_lastBundle.clear();
    m_message->setVisible(false);
    m_showInFolder->setVisible(false);
    resetProgress();
    if (!m_controller->start(m_projectPath, dest, o))
        return;
    QSettings().setValue(kFolderKey, QFileInfo(dest).absolutePath());
    setRunning(true);
}

void ExportDialog::cancelExport()
{
    if (!isExporting())
        return;
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling…"));
    m_controller->cancel();
}

void ExportDialog::reject()
{
    if (isExporting()) {
        // Closing means "stop": the dialog goes once the core has removed its partial file.
        m_closeWhenStopped = true;
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::showProgress(const ExportProgress& p)
{
    for (int i = 0; i < kExportPhaseCount; ++i) {
        const PhaseProgress& ph = p.phases[i];
        if (!m_phaseBars[i]->isVisibleTo(m_progressBox))
            continue;
        if (ph.total <= 0 && ph.done <= 0) {
            // Nothing of this kind in this export (e.g. images of pages that were never processed).
            m_phaseBars[i]->setRange(0, 1);
            m_phaseBars[i]->setValue(i == static_cast<int>(ExportPhase::Bundle) ? 0 : 1);
            m_phaseDetails[i]->setText(i == static_cast<int>(ExportPhase::Bundle) ? QString() : tr("none"));
            continue;
        }
        m_phaseBars[i]->setRange(0, std::max(ph.total, ph.done));
        m_phaseBars[i]->setValue(ph.done);
        m_phaseDetails[i]->setText(tr("%1 of %2 · %3").arg(ph.done).arg(ph.total).arg(bytesText(ph.bytes)));
    }
    m_summary->setText(tr("%1 of %2 pages in the archive · %3 entries · %4 written")
                           .arg(p.pagesWritten)
                           .arg(p.pagesTotal)
                           .arg(p.entriesWritten)
                           .arg(bytesText(p.bytesWritten)));
}

void ExportDialog::onFinished(const ExportReport& r)
{
    m_lastBundle = r.path;
    showMessage(tr("Exported %n page(s) to %1.", nullptr, r.pages).arg(QDir::toNativeSeparators(r.path))
                    + QLatin1Char('\n')
                    + tr("%n document(s), %1 words, %2 entries, %3, in %4 s with %5 jobs.", nullptr, r.documents)
                          .arg(r.words)
                          .arg(r.entries)
                          .arg(bytesText(r.bytes))
                          .arg(r.seconds, 0, 'f', 1)
                          .arg(r.jobs)
                    + (r.redacted ? QLatin1Char('\n')
                                        + tr("Redacted: %n word(s) replaced by pseudonyms, %1 area(s) filled on %2 "
                                             "page(s); read back and checked in %3 s.",
                                             nullptr, r.wordsRewritten)
                                              .arg(r.areasFilled)
                                              .arg(r.pagesRedacted)
                                              .arg(r.checkSeconds, 0, 'f', 1)
                                  : QString()),
                false);
    m_showInFolder->setVisible(true);
    endExport();
}

void ExportDialog::onFailed(const QString& message)
{
    m_summary->setText(tr("Stopped."));
    showMessage(tr("The export failed: %1\nNothing was written to the destination.").arg(message), true);
    m_closeWhenStopped = false; // the user must see why
    endExport();
}

void ExportDialog::onCancelled()
{
    m_summary->setText(tr("Cancelled."));
    showMessage(tr("Export cancelled: nothing was written, and a file that was already at %1 is unchanged.")
                    .arg(QDir::toNativeSeparators(destination())),
                false);
    endExport();
}

void ExportDialog::endExport()
{
    setRunning(false);
    updateDestinationNote();
    Q_EMIT exportEnded();
    if (m_closeWhenStopped) {
        m_closeWhenStopped = false;
        QDialog::reject();
    }
}

void ExportDialog::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    // Red reads on the light and the dark theme alike.
    m_message->setStyleSheet(error ? QStringLiteral("color: #d32f2f; font-weight: bold;") : QString());
    m_message->setProperty("error", error);
    m_message->setVisible(true);
}

void ExportDialog::showInFolder()
{
    if (m_lastBundle.isEmpty())
        return;
    QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_lastBundle).absolutePath()));
}

} // namespace incidoc::ui
