#include "ui/shell/reocr_dialog.h"

#include "core/ocr/tesseract_engine.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace incidoc::ui {

ReOcrDialog::ReOcrDialog(const QString& languages, int dpi, int selectedWords, QWidget* parent)
    : QDialog(parent), m_page(new QRadioButton(tr("The whole &page"), this)),
      m_selection(new QRadioButton(tr("The &selected words (%n)", nullptr, selectedWords), this)),
      m_languages(new QListWidget(this)), m_dpi(new QSpinBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Re-OCR with Settings"));
    setObjectName(QStringLiteral("reOcrDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* scope = new QVBoxLayout;
    scope->addWidget(m_selection);
    scope->addWidget(m_page);
    form->addRow(tr("Read again:"), scope);
    m_selection->setEnabled(selectedWords > 0);
    (selectedWords > 0 ? m_selection : m_page)->setChecked(true);

    // "osd" is orientation detection, not a language to read.
    const QStringList wanted = languages.split(QLatin1Char('+'), Qt::SkipEmptyParts);
    for (const QString& lang : tesseractLanguages()) {
        if (lang == QLatin1String("osd"))
            continue;
        auto* item = new QListWidgetItem(lang, m_languages);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(wanted.contains(lang) ? Qt::Checked : Qt::Unchecked);
    }
    m_languages->setMaximumHeight(140);
    form->addRow(tr("&Languages:"), m_languages);

    m_dpi->setRange(72, 600);
    m_dpi->setSingleStep(50);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setValue(std::clamp(dpi, 72, 600));
    m_dpi->setToolTip(tr("Small print reads better at a higher resolution. A page with words you edited keeps "
                         "its resolution."));
    form->addRow(tr("&Resolution:"), m_dpi);
    layout->addLayout(form);
    auto* note = new QLabel(tr("Words you edited or drew are kept as they are."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Read Again"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_languages, &QListWidget::itemChanged, this, &ReOcrDialog::updateOk);
    updateOk();
}

ReOcrDialog::Scope ReOcrDialog::scope() const
{
    return m_selection->isChecked() ? Scope::Selection : Scope::Page;
}

QString ReOcrDialog::languages() const
{
    QStringList out;
    for (int i = 0; i < m_languages->count(); ++i)
        if (m_languages->item(i)->checkState() == Qt::Checked)
            out << m_languages->item(i)->text();
    return out.join(QLatin1Char('+'));
}

int ReOcrDialog::dpi() const
{
    return m_dpi->value();
}

void ReOcrDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!languages().isEmpty()); // Tesseract needs one
}

} // namespace incidoc::ui
