#include "ui/shell/dialogs.h"

#include "core/imaging/prepare.h"
#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"
#include "core/pipeline/engine_choice.h"
#include "core/remote/remote_engine.h"
#include "core/render/page_renderer.h"
#include "ui/shell/language.h"

#include <QAction>
#include <QApplication>
#include <QCollator>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace incidoc::ui {

SettingsDialog::SettingsDialog(const AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_initial(settings), m_dpi(new QSpinBox(this)), m_binarize(new QComboBox(this)),
      m_languages(new QListWidget(this)), m_jobs(new QSpinBox(this)), m_threshold(new QSpinBox(this)),
      m_readableHeight(new QSpinBox(this)), m_overlayOpacity(new QSpinBox(this)), m_theme(new QComboBox(this)),
      m_uiLanguage(new QComboBox(this)), m_workers(new QLineEdit(this)), m_apiKeyFile(new QLineEdit(this)),
      m_tlsCaFile(new QLineEdit(this)), m_fallback(new QComboBox(this)), m_engines(new QComboBox(this)),
      m_profile(new QComboBox(this)), m_engineList(new QLabel(this)), m_projectNote(new QLabel(this)),
      m_testButton(new QPushButton(tr("Test co&nnection"), this)), m_testResult(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    // The groups scroll (vertically only) so the dialog fits a 1366 × 768 screen however many settings
    // there are.
    auto* content = new QWidget(this);
    auto* groups = new QVBoxLayout(content);
    groups->setContentsMargins(0, 0, 0, 0);
    groups->addWidget(makeProcessingGroup(settings));
    groups->addWidget(makeEnginesGroup(settings));
    groups->addWidget(makeReviewGroup(settings));
    groups->addWidget(makeWorkersGroup(settings));
    groups->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    scroll->setMinimumWidth(content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    layout->addWidget(scroll, 1);
    // A field reached from the keyboard (Tab, or its Alt mnemonic) is scrolled into view.
    connect(qApp, &QApplication::focusChanged, scroll, [scroll, content](QWidget*, QWidget* now) {
        if (now && content->isAncestorOf(now))
            scroll->ensureWidgetVisible(now);
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Every group in view when the screen allows, at most 640 px high.
    const int margins = layout->contentsMargins().top() + layout->contentsMargins().bottom() + layout->spacing();
    resize(scroll->minimumWidth() + layout->contentsMargins().left() + layout->contentsMargins().right(),
           std::min(content->sizeHint().height() + buttons->sizeHint().height() + margins, 640));
}

QGroupBox* SettingsDialog::makeProcessingGroup(const AppSettings& settings)
{
    auto* processing = new QGroupBox(tr("Processing (applies to pages processed from now on)"), this);
    auto* pf = new QFormLayout(processing);
    m_dpi->setRange(72, 600);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setValue(settings.dpi);
    pf->addRow(tr("Render &resolution:"), m_dpi);
    const std::pair<BinarizeMethod, QString> methods[] = {{BinarizeMethod::AdaptiveGaussian, tr("Adaptive Gaussian")},
                                                          {BinarizeMethod::Sauvola, tr("Sauvola")},
                                                          {BinarizeMethod::Otsu, tr("Otsu")},
                                                          {BinarizeMethod::None, tr("None (keep grey)")}};
    for (const auto& [m, name] : methods) {
        m_binarize->addItem(name, toString(m));
        if (m == settings.binarize)
            m_binarize->setCurrentIndex(m_binarize->count() - 1);
    }
    pf->addRow(tr("&Binarization:"), m_binarize);
    // The languages installed in Tesseract's data folder (Debian: tesseract-ocr-fra, -chi-sim, ...),
    // plus any of the settings that is not installed any more, so that it is not dropped unseen.
    m_languages->setObjectName(QStringLiteral("ocrLanguageList"));
    m_languages->setAccessibleName(tr("OCR languages"));
    m_languages->setToolTip(tr("The languages Tesseract reads the pages in; the first checked one is the main "
                               "language. More are installed with the tesseract-ocr-LANG packages."));
    const QStringList wanted = settings.languages.split(QLatin1Char('+'), Qt::SkipEmptyParts);
    QStringList offered = tesseractLanguages();
    offered.removeAll(QStringLiteral("osd")); // orientation detection, not a language to read
    // Sorted by the names shown, in the interface's language, not by Tesseract's codes.
    std::vector<std::pair<QString, QString>> named;
    for (const QString& code : offered)
        named.emplace_back(tesseractLanguageName(code), code);
    const QCollator collator;
    std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) { return collator(a.first, b.first); });
    for (const auto& [name, code] : named) {
        auto* item = new QListWidgetItem(name, m_languages);
        item->setData(Qt::UserRole, code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(wanted.contains(code) ? Qt::Checked : Qt::Unchecked);
    }
    for (const QString& code : wanted) {
        if (offered.contains(code))
            continue;
        auto* item = new QListWidgetItem(tr("%1 — not installed").arg(tesseractLanguageName(code)), m_languages);
        item->setData(Qt::UserRole, code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    }
    m_languages->setMaximumHeight(m_languages->sizeHintForRow(0) * 5 + 2 * m_languages->frameWidth() + 2);
    pf->addRow(tr("OCR &languages:"), m_languages);
    m_jobs->setRange(0, 64);
    m_jobs->setSpecialValueText(
        tr("auto: one per core (%1), or the workers' threads").arg(QThread::idealThreadCount()));
    m_jobs->setValue(settings.jobs);
    pf->addRow(tr("Parallel &jobs:"), m_jobs);
    return processing;
}

namespace {

/// "PP-OCR" for "ppocr", "Tesseract" for "tesseract": the engines as people call them.
QString engineDisplayName(const QString& name)
{
    if (name == QLatin1String("ppocr"))
        return QStringLiteral("PP-OCR");
    if (name == QLatin1String("tesseract"))
        return QStringLiteral("Tesseract");
    return name;
}

} // namespace

QGroupBox* SettingsDialog::makeEnginesGroup(const AppSettings& settings)
{
    auto* group = new QGroupBox(tr("OCR engines (this project)"), this);
    group->setObjectName(QStringLiteral("enginesGroup"));
    auto* ef = new QFormLayout(group);
    const std::vector<EngineInfo> engines = EnginePool().engines();
    m_engineList->setObjectName(QStringLiteral("enginesLabel"));
    m_engineList->setAccessibleName(tr("OCR engines on this computer"));
    m_engineList->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engineList->setWordWrap(true);
    m_engineList->setText(AboutDialog::enginesText());
    ef->addRow(tr("Installed:"), m_engineList);

    m_engines->setObjectName(QStringLiteral("engineCombo"));
    m_engines->setAccessibleName(tr("OCR engines for this project"));
    m_engines->addItem(tr("As the profile says"), QString());
    for (const QString& choice : engineChoices()) {
        QStringList names;
        QString why;
        for (const QString& name : enginesIn(choice)) {
            names << engineDisplayName(name);
            if (why.isEmpty())
                why = unavailableReason(name, engines);
        }
        const QString text = names.join(QStringLiteral(" + "));
        m_engines->addItem(why.isEmpty() ? text : tr("%1 — not available").arg(text), choice);
        if (!why.isEmpty()) {
            const int row = m_engines->count() - 1;
            m_engines->setItemData(row, tr("Not available: %1").arg(why), Qt::ToolTipRole);
            // Not offered, unless it is the project's choice already (then it stays, and falls back).
            if (auto* model = qobject_cast<QStandardItemModel*>(m_engines->model());
                model && settings.ocrEngines != choice)
                model->item(row)->setEnabled(false);
        }
    }
    m_engines->setCurrentIndex(std::max(0, m_engines->findData(settings.ocrEngines)));
    ef->addRow(tr("&Engines:"), m_engines);

    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->setAccessibleName(tr("OCR profile for this project"));
    m_profile->addItem(tr("Accurate: two readers, disagreements flagged"), QStringLiteral("accurate"));
    m_profile->addItem(tr("Fast: Tesseract alone"), QStringLiteral("fast"));
    m_profile->setCurrentIndex(
        std::max(0, m_profile->findData(settings.ocrProfile.isEmpty() ? defaultProfile() : settings.ocrProfile)));
    ef->addRow(tr("&Profile:"), m_profile);

    m_projectNote->setObjectName(QStringLiteral("enginesNote"));
    m_projectNote->setWordWrap(true);
    m_projectNote->setEnabled(false);
    ef->addRow(m_projectNote);
    setProjectChoices(false);
    return group;
}

void SettingsDialog::setProjectChoices(bool enabled)
{
    m_engines->setEnabled(enabled);
    m_profile->setEnabled(enabled);
    m_projectNote->setText(enabled ? tr("Kept in the project; applies to pages processed from now on.")
                                   : tr("Open a project that can be written to choose its engines."));
}

QGroupBox* SettingsDialog::makeReviewGroup(const AppSettings& settings)
{
    auto* review = new QGroupBox(tr("Review and appearance"), this);
    auto* rf = new QFormLayout(review);
    m_threshold->setRange(0, 100);
    m_threshold->setValue(settings.confidenceThreshold);
    m_threshold->setToolTip(tr("Words read with less confidence than this are marked for review"));
    rf->addRow(tr("Low-&confidence threshold:"), m_threshold);
    m_readableHeight->setRange(0, 200);
    m_readableHeight->setSuffix(tr(" px"));
    m_readableHeight->setSpecialValueText(tr("Do not zoom"));
    m_readableHeight->setValue(settings.readableWordHeight);
    m_readableHeight->setToolTip(tr("Tab and search zoom in until the word is this tall on screen"));
    rf->addRow(tr("&Zoom words to a height of:"), m_readableHeight);
    m_overlayOpacity->setRange(10, 100);
    m_overlayOpacity->setSuffix(tr(" %"));
    m_overlayOpacity->setValue(settings.overlayOpacity);
    rf->addRow(tr("Box &opacity:"), m_overlayOpacity);
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.theme)));
    rf->addRow(tr("&Theme:"), m_theme);
    m_uiLanguage->setObjectName(QStringLiteral("uiLanguageCombo"));
    // "System" says which of the shipped languages the system's locale gives.
    const QString systemCode = resolveUiLanguage(QStringLiteral("system"));
    QString systemName = systemCode;
    for (const UiLanguage& l : uiLanguages())
        if (l.code == systemCode)
            systemName = l.nativeName;
    m_uiLanguage->addItem(tr("System (%1)").arg(systemName), QStringLiteral("system"));
    for (const UiLanguage& l : uiLanguages())
        m_uiLanguage->addItem(l.nativeName, l.code);
    m_uiLanguage->setCurrentIndex(std::max(0, m_uiLanguage->findData(settings.uiLanguage)));
    // The windows are built once in their language: a change shows from the next start.
    auto* languageNote = new QLabel(tr("Applies the next time Incidoc starts."), review);
    languageNote->setObjectName(QStringLiteral("uiLanguageNote"));
    languageNote->setEnabled(false);
    auto* languageRow = new QHBoxLayout;
    languageRow->addWidget(m_uiLanguage);
    languageRow->addWidget(languageNote, 1);
    auto* languageLabel = new QLabel(tr("Interface lan&guage:"), review);
    languageLabel->setBuddy(m_uiLanguage);
    rf->addRow(languageLabel, languageRow);
    return review;
}

QGroupBox* SettingsDialog::makeWorkersGroup(const AppSettings& settings)
{
    auto* cluster = new QGroupBox(tr("OCR workers"), this);
    cluster->setObjectName(QStringLiteral("workersGroup"));
    auto* cf = new QFormLayout(cluster);
    m_workers->setObjectName(QStringLiteral("workersEdit"));
    m_workers->setAccessibleName(tr("OCR workers"));
    m_workers->setPlaceholderText(tr("127.0.0.1:50051, … or dns:///workers:50051; empty: OCR on this computer"));
    m_workers->setToolTip(tr("incidoc-worker addresses, separated by commas, or one DNS name that lists them"));
    m_workers->setText(settings.workers);
    m_workers->setMinimumWidth(m_workers->fontMetrics().horizontalAdvance(m_workers->placeholderText()) + 24);
    cf->addRow(tr("&Workers:"), m_workers);

    // A label of its own, as the row is a layout: with the edit as buddy its mnemonic works.
    auto fileRow = [&](const QString& label, QLineEdit* edit, const QString& objectName, const QString& accessible,
                       const QString& text, const QString& title, const QString& filter) {
        edit->setObjectName(objectName);
        edit->setAccessibleName(accessible);
        edit->setText(text);
        auto* browse = new QPushButton(tr("Browse…"), cluster);
        browse->setObjectName(objectName + QStringLiteral("Browse"));
        browse->setAccessibleName(tr("Browse for %1").arg(accessible));
        connect(browse, &QPushButton::clicked, this, [this, edit, title, filter] { browseFor(edit, title, filter); });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        auto* name = new QLabel(label, cluster);
        name->setBuddy(edit);
        cf->addRow(name, row);
    };
    m_apiKeyFile->setPlaceholderText(tr("none"));
    m_apiKeyFile->setToolTip(tr("A file holding the key the workers require (sent as x-api-key)"));
    fileRow(tr("API &key file:"), m_apiKeyFile, QStringLiteral("apiKeyFileEdit"), tr("API key file"),
            settings.apiKeyFile, tr("API Key File"), tr("All files (*)"));
    m_tlsCaFile->setPlaceholderText(tr("none: no TLS"));
    m_tlsCaFile->setToolTip(tr("The CA certificate (PEM) that signed the workers' certificates; TLS is on when set"));
    fileRow(tr("TLS CA f&ile:"), m_tlsCaFile, QStringLiteral("tlsCaFileEdit"), tr("TLS CA file"), settings.tlsCaFile,
            tr("TLS CA Certificate"), tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    m_fallback->setObjectName(QStringLiteral("fallbackCombo"));
    m_fallback->setAccessibleName(tr("When no worker is reachable"));
    m_fallback->addItem(tr("Stop and keep pages queued"), QStringLiteral("stop"));
    m_fallback->addItem(tr("OCR on this computer"), QStringLiteral("local"));
    m_fallback->setCurrentIndex(std::max(0, m_fallback->findData(settings.fallback)));
    cf->addRow(tr("When no worker is reac&hable:"), m_fallback);

    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testResult->setObjectName(QStringLiteral("connectionResultLabel"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    cf->addRow(testRow);
    return cluster;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    s.dpi = m_dpi->value();
    s.binarize = binarizeMethodFromString(m_binarize->currentData().toString()).value_or(s.binarize);
    s.languages = checkedLanguages();
    if (s.languages.isEmpty()) // Tesseract needs one
        s.languages = QStringLiteral("eng");
    s.jobs = m_jobs->value();
    s.confidenceThreshold = m_threshold->value();
    s.readableWordHeight = m_readableHeight->value();
    s.overlayOpacity = m_overlayOpacity->value();
    s.theme = m_theme->currentData().toString();
    s.uiLanguage = m_uiLanguage->currentData().toString();
    s.workers = m_workers->text().trimmed();
    s.apiKeyFile = m_apiKeyFile->text().trimmed();
    s.tlsCaFile = m_tlsCaFile->text().trimmed();
    s.fallback = m_fallback->currentData().toString();
    if (m_engines->isEnabled()) {
        s.ocrEngines = m_engines->currentData().toString();
        s.ocrProfile = m_profile->currentData().toString();
    }
    return s;
}

QString SettingsDialog::checkedLanguages() const
{
    QStringList checked;
    for (int i = 0; i < m_languages->count(); ++i)
        if (m_languages->item(i)->checkState() == Qt::Checked)
            checked << m_languages->item(i)->data(Qt::UserRole).toString();
    QStringList out;
    for (const QString& code : m_initial.languages.split(QLatin1Char('+'), Qt::SkipEmptyParts))
        if (checked.contains(code) && !out.contains(code))
            out << code;
    for (const QString& code : std::as_const(checked))
        if (!out.contains(code))
            out << code;
    return out.join(QLatin1Char('+'));
}

void SettingsDialog::browseFor(QLineEdit* edit, const QString& title, const QString& filter)
{
    // open(), not getOpenFileName(): no nested event loop.
    auto* d = new QFileDialog(this, title, edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath(),
                              filter);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::ExistingFile);
    connect(d, &QFileDialog::fileSelected, edit, [edit](const QString& file) { edit->setText(file); });
    d->open();
}

namespace {

struct ConnectionTest {
    bool ok = false;
    QString text;
};

/// Worker side of the test: values in and out; the cluster is closed here, off the GUI thread.
ConnectionTest runConnectionTest(const RemoteOptions& options, const QString& languages)
{
    ConnectionTest out;
    try {
        auto cluster = RemoteCluster::connect(options, languages);
        out.ok = cluster.ok();
        out.text = cluster ? (*cluster)->summary() : cluster.error().message;
    } catch (const std::exception& e) { // nothing may cross the thread boundary as an exception
        out.text = QString::fromUtf8(e.what());
    }
    return out;
}

} // namespace

void SettingsDialog::testConnection()
{
    if (m_testing)
        return;
    const AppSettings chosen = settings();
    if (chosen.workers.isEmpty()) {
        const QString text = tr("No workers set: OCR runs on this computer.");
        m_testResult->setText(text);
        Q_EMIT connectionTested(false, text);
        return;
    }
    m_testing = true;
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(chosen.workers));
    // A dead fleet costs the connect timeout (5 s): never on the GUI thread. The watcher dies with the
    // dialog, so a result arriving after it closed is dropped.
    auto* watcher = new QFutureWatcher<ConnectionTest>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const ConnectionTest r = watcher->result();
        m_testing = false;
        m_testButton->setEnabled(true);
        const QString text = r.ok ? tr("Connected: %1").arg(r.text) : tr("Not connected: %1").arg(r.text);
        m_testResult->setText(text);
        Q_EMIT connectionTested(r.ok, text);
    });
    watcher->setFuture(QtConcurrent::run(runConnectionTest, chosen.remoteOptions(), chosen.languages));
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Incidoc"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(this);
    label->setTextFormat(Qt::RichText);
    label->setText(tr("<h2>Incidoc %1</h2><p>Review and label OCR of incident documents.</p><p>%2</p>"
                      "<p><b>OCR engines</b><br>%3</p>")
                       .arg(QCoreApplication::applicationVersion(),
                            versionsText().toHtmlEscaped().replace(QLatin1String("\n"), QLatin1String("<br>")),
                            enginesText().toHtmlEscaped().replace(QLatin1String("\n"), QLatin1String("<br>"))));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText()
{
    return tr("Qt %1\n%2\nTesseract %3\nLeptonica %4\n%5")
        .arg(QString::fromLatin1(qVersion()), popplerVersion(), tesseractVersion(), leptonicaVersion(),
             opencvVersion());
}

QString AboutDialog::enginesText()
{
    std::vector<EngineInfo> engines = EnginePool().engines();
    std::stable_partition(engines.begin(), engines.end(),
                          [](const EngineInfo& e) { return e.name == QLatin1String(EnginePool::kTesseract); });
    QStringList lines;
    for (const EngineInfo& e : engines) {
        const QString state = e.available ? tr("available") : tr("not available: %1").arg(e.reason);
        lines << tr("%1 %2 (%3) — %4: %5")
                     .arg(engineDisplayName(e.name), e.version, e.name, state,
                          e.languages.isEmpty() ? tr("no languages") : e.languages.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 640);
    auto* layout = new QVBoxLayout(this);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QAction* a : actions) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const auto& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(a->text().remove(QLatin1Char('&'))));
        m_table->setItem(row, 1, new QTableWidgetItem(keys.join(QStringLiteral(", "))));
    }
    // The page's keys that are not menu commands.
    const std::pair<QString, QString> pageKeys[] = {
        {tr("Type on the selected word: edit it, starting with that character (letters, digits, punctuation: "
            "never a command)"),
         tr("any character")},
        {tr("In the word editor: store and go on to the next word to check"), tr("Return")},
        {tr("In the word editor: store and stay"), tr("Shift+Return")},
        {tr("In the word editor: take the suggestion"), tr("Tab")},
        {tr("In the word editor: split the word at the caret"), tr("Alt+S")},
        {tr("In the word editor: cancel"), tr("Esc")},
        {tr("Select the word before / after"), tr("Left, Right")},
        {tr("Select the word of the line above / below"), tr("Up, Down")},
        {tr("Extend the selection word by word"), tr("Shift+Left, Shift+Right")},
        {tr("Move the selected boxes by one pixel"), tr("Alt+arrows")},
        {tr("Resize the selected boxes by one pixel"), tr("Alt+Shift+arrows")},
        {tr("Pan the page"), tr("Ctrl+arrows, or Space held and drag")},
        {tr("Hide every box while held"), tr("Ctrl+H")},
        {tr("The words' menu"), tr("Menu, Shift+F10")},
        {tr("Clear the selection, leave draw mode"), tr("Esc")},
        {tr("Linking: pick another entity, nearest first"), tr("Tab, Shift+Tab, arrows")},
        {tr("Linking: link to the highlighted entity (removes the link when it exists)"), tr("Return")},
        {tr("Linking: link to an entity"), tr("click it")},
        {tr("Linking: cancel"), tr("Esc")},
        {tr("Select the words of an entity"), tr("double click its outline")},
    };
    for (const auto& [what, keys] : pageKeys) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(what));
        m_table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace incidoc::ui
