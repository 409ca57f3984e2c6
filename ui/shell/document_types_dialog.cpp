#include "ui/shell/document_types_dialog.h"

#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/shell/document_type_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace incidoc::ui {

namespace {

/// A combo box whose first entry (data "") means: the project's own choice.
QComboBox* choices(QWidget* parent, const QString& projectText, const QStringList& values)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(projectText, QString());
    for (const QString& v : values)
        combo->addItem(v, v);
    return combo;
}

void select(QComboBox* combo, const QString& value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

} // namespace

DocumentTypesDialog::DocumentTypesDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_list(new QListWidget(this)), m_title(new QLineEdit(this)),
      m_engines(choices(this, tr("(the project's)"),
                        {QStringLiteral("tesseract"), QStringLiteral("ppocr"), QStringLiteral("tesseract+ppocr")})),
      m_profile(choices(this, tr("(the project's)"), {QStringLiteral("fast"), QStringLiteral("accurate")})),
      m_binarize(choices(
          this, tr("(the project's)"),
          {QStringLiteral("adaptive"), QStringLiteral("sauvola"), QStringLiteral("otsu"), QStringLiteral("none")})),
      m_dpi(new QSpinBox(this)), m_threshold(new QDoubleSpinBox(this)), m_apply(new QPushButton(tr("&Apply"), this)),
      m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Document Types"));
    setObjectName(QStringLiteral("documentTypesDialog"));
    m_list->setObjectName(QStringLiteral("documentTypeList"));
    // 0 is the project's resolution; a type's own is 50 to 1200 dpi (typeProfileFromJson's rule).
    m_dpi->setRange(49, 1200);
    m_dpi->setSpecialValueText(tr("(the project's)"));
    m_dpi->setSuffix(tr(" dpi"));
    m_threshold->setRange(-1, 100);
    m_threshold->setDecimals(0);
    m_threshold->setSpecialValueText(tr("(the engines' rule)"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Engines:"), m_engines);
    form->addRow(tr("&Speed:"), m_profile);
    form->addRow(tr("PDF &resolution:"), m_dpi);
    form->addRow(tr("&Binarization:"), m_binarize);
    form->addRow(tr("Review &below confidence:"), m_threshold);
    auto* hint = new QLabel(tr("Pages of documents of this type are processed with these settings; what is "
                               "left at \"the project's\" follows the project."),
                            this);
    hint->setWordWrap(true);
    form->addRow(hint);

    auto* add = new QPushButton(tr("A&dd…"), this);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_apply, 0, Qt::AlignRight);
    right->addStretch();
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showSelected(); });
    connect(m_apply, &QPushButton::clicked, this, [this] { applySelected(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add a Document Type"),
                                                   tr("Name (lower-case letters, digits and _, e.g. parking_ticket):"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            addType(name, QString());
    });
    const bool writable = !m_session->isReadOnly();
    for (QWidget* w : std::initializer_list<QWidget*>{add, m_remove, m_apply})
        w->setEnabled(writable);
    reload();
    resize(640, 360);
}

void DocumentTypesDialog::reload(const QString& selectName)
{
    auto types = m_session->store().documentTypes();
    m_types = types ? std::move(types).value() : std::vector<DocumentType>{};
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = 0;
    for (std::size_t i = 0; i < m_types.size(); ++i) {
        auto* item = new QListWidgetItem(DocumentTypeText::title(m_types[i]), m_list);
        item->setData(Qt::UserRole, m_types[i].name);
        item->setToolTip(m_types[i].name);
        if (m_types[i].name == selectName)
            row = static_cast<int>(i);
    }
    m_list->setCurrentRow(m_types.empty() ? -1 : row);
    showSelected();
}

void DocumentTypesDialog::showSelected()
{
    const int row = m_list->currentRow();
    const bool has = row >= 0 && row < static_cast<int>(m_types.size());
    for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_engines, m_profile, m_dpi, m_binarize, m_threshold})
        w->setEnabled(has);
    m_remove->setEnabled(has && !m_session->isReadOnly());
    if (!has)
        return;
    const DocumentType& t = m_types[static_cast<std::size_t>(row)];
    m_title->setText(DocumentTypeText::title(t));
    select(m_engines, t.profile.engines);
    select(m_profile, t.profile.profile);
    select(m_binarize, t.profile.binarize);
    m_dpi->setValue(t.profile.dpi > 0 ? t.profile.dpi : m_dpi->minimum());
    m_threshold->setValue(t.profile.reviewThreshold.value_or(-1));
}

bool DocumentTypesDialog::applySelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_types.size()))
        return false;
    const DocumentType& t = m_types[static_cast<std::size_t>(row)];
    TypeProfile p;
    p.engines = m_engines->currentData().toString();
    p.profile = m_profile->currentData().toString();
    p.binarize = m_binarize->currentData().toString();
    p.dpi = m_dpi->value() == m_dpi->minimum() ? 0 : m_dpi->value();
    if (m_threshold->value() >= 0)
        p.reviewThreshold = m_threshold->value();
    // A default type keeps no title of its own while it shows its built-in (translated) one.
    QString title = m_title->text().trimmed();
    if (title == DocumentTypeText::title(DocumentType{t.name, {}, 0, {}}))
        title.clear();
    Status s = m_session->store().setTypeProfile(t.name, p);
    if (s)
        s = m_session->store().setDocumentTypeTitle(t.name, title);
    if (!s) {
        QMessageBox::warning(this, tr("Document Types"), s.error().message);
        return false;
    }
    const QString name = t.name;
    reload(name);
    m_session->notifyDocumentsChanged();
    m_session->notifyTypeProfilesChanged(ProfileScope::ofType(name));
    return true;
}

bool DocumentTypesDialog::addType(const QString& name, const QString& title)
{
    if (Status s = m_session->store().addDocumentType(name, title); !s) {
        QMessageBox::warning(this, tr("Document Types"), s.error().message);
        return false;
    }
    reload(name);
    m_session->notifyDocumentsChanged();
    return true;
}

bool DocumentTypesDialog::removeSelected(bool ask)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_types.size()))
        return false;
    const DocumentType t = m_types[static_cast<std::size_t>(row)];
    if (ask
        && QMessageBox::question(
               this, tr("Remove a Document Type"),
               tr("Remove the type \"%1\"? Documents of this type will have no type.").arg(DocumentTypeText::title(t)))
               != QMessageBox::Yes)
        return false;
    if (Status s = m_session->store().removeDocumentType(t.name); !s) {
        QMessageBox::warning(this, tr("Document Types"), s.error().message);
        return false;
    }
    reload();
    m_session->notifyDocumentsChanged();
    m_session->notifyTypeProfilesChanged(ProfileScope{}); // its documents have no type now
    return true;
}

} // namespace incidoc::ui
