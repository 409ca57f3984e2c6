#include "ui/shell/dialogs.h"

#include "core/imaging/prepare.h"
#include "core/ocr/tesseract_engine.h"
#include "core/render/page_renderer.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace incidoc::ui {

SettingsDialog::SettingsDialog(const AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_initial(settings), m_dpi(new QSpinBox(this)), m_binarize(new QComboBox(this)),
      m_languages(new QLineEdit(this)), m_jobs(new QSpinBox(this)), m_threshold(new QSpinBox(this)),
      m_theme(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

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
    m_languages->setText(settings.languages);
    m_languages->setToolTip(tr("Tesseract languages joined with +, e.g. eng+fra. Installed: %1")
                                .arg(tesseractLanguages().join(QStringLiteral(", "))));
    pf->addRow(tr("&Languages:"), m_languages);
    m_jobs->setRange(0, 64);
    m_jobs->setSpecialValueText(tr("one per core (%1)").arg(QThread::idealThreadCount()));
    m_jobs->setValue(settings.jobs);
    pf->addRow(tr("Parallel &jobs:"), m_jobs);
    layout->addWidget(processing);

    auto* review = new QGroupBox(tr("Review and appearance"), this);
    auto* rf = new QFormLayout(review);
    m_threshold->setRange(0, 100);
    m_threshold->setValue(settings.confidenceThreshold);
    m_threshold->setToolTip(tr("Words read with less confidence than this are marked for review"));
    rf->addRow(tr("Low-&confidence threshold:"), m_threshold);
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.theme)));
    rf->addRow(tr("&Theme:"), m_theme);
    layout->addWidget(review);

    // Placeholder for the worker cluster (a later issue): visible so users know where it will be.
    auto* cluster = new QGroupBox(tr("Worker cluster"), this);
    auto* cf = new QFormLayout(cluster);
    cf->addRow(tr("Workers:"), new QLineEdit(cluster));
    cf->addRow(new QLabel(tr("Processing on other machines is not available yet."), cluster));
    cluster->setEnabled(false);
    layout->addWidget(cluster);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    s.dpi = m_dpi->value();
    s.binarize = binarizeMethodFromString(m_binarize->currentData().toString()).value_or(s.binarize);
    s.languages = m_languages->text().trimmed().isEmpty() ? QStringLiteral("eng") : m_languages->text().trimmed();
    s.jobs = m_jobs->value();
    s.confidenceThreshold = m_threshold->value();
    s.theme = m_theme->currentData().toString();
    return s;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Incidoc"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(this);
    label->setTextFormat(Qt::RichText);
    label->setText(tr("<h2>Incidoc %1</h2><p>Review and label OCR of incident documents.</p><p>%2</p>")
                       .arg(QCoreApplication::applicationVersion(), versionsText().toHtmlEscaped().replace(
                                                                        QLatin1String("\n"), QLatin1String("<br>"))));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText()
{
    return tr("Qt %1\n%2\nTesseract %3\nLeptonica %4\n%5")
        .arg(QString::fromLatin1(qVersion()), popplerVersion(), tesseractVersion(), leptonicaVersion(), opencvVersion());
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
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace incidoc::ui
