#include "ui/review/label_manager_dialog.h"

#include "ui/project_session.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace incidoc::ui {
namespace {

// Colours for new labels, distinct from each other and from the default set's first ones.
constexpr const char* kPalette[] = {"#469990", "#dcbeff", "#fabed4", "#ffd8b1", "#aaffc3",
                                    "#000075", "#a9a9a9", "#bfef45", "#ffe119", "#800000"};

} // namespace

LabelManagerDialog::LabelManagerDialog(ProjectSession* session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Labels"));
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("labelTable"));
    m_table->setHorizontalHeaderLabels({tr("Colour"), tr("Name"), tr("Shortcut")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);

    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("labelAdd"));
    auto* rename = new QPushButton(tr("&Rename"), this);
    m_color = new QPushButton(tr("&Colour…"), this);
    auto* shortcut = new QPushButton(tr("&Shortcut"), this);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("labelDelete"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* side = new QVBoxLayout;
    for (QPushButton* b : {m_add, rename, m_color, shortcut, m_delete})
        side->addWidget(b);
    side->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_table, 1);
    top->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);

    const bool writable = !m_session->isReadOnly();
    for (QPushButton* b : {m_add, rename, m_color, shortcut, m_delete})
        b->setEnabled(writable);
    if (!writable)
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    connect(m_add, &QPushButton::clicked, this, [this] {
        if (addLabel()) {
            // Rename the new label in place.
            m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
            m_table->editItem(m_table->item(m_table->rowCount() - 1, NameColumn));
        }
    });
    auto editCell = [this](int column) {
        const int row = m_table->currentRow();
        if (row >= 0)
            m_table->editItem(m_table->item(row, column));
    };
    connect(rename, &QPushButton::clicked, this, [editCell] { editCell(NameColumn); });
    connect(shortcut, &QPushButton::clicked, this, [editCell] { editCell(ShortcutColumn); });
    connect(m_color, &QPushButton::clicked, this, &LabelManagerDialog::chooseColor);
    connect(m_delete, &QPushButton::clicked, this, [this] { askToDeleteLabel(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int, int column) {
        if (column == ColorColumn)
            chooseColor();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &LabelManagerDialog::commitItem);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_session, &ProjectSession::labelsChanged, this, &LabelManagerDialog::reload);
    reload();
    resize(460, 360);
}

void LabelManagerDialog::reload()
{
    m_loading = true;
    const int current = m_table->currentRow();
    m_labels = m_session->labels();
    m_table->setRowCount(static_cast<int>(m_labels.size()));
    for (int row = 0; row < static_cast<int>(m_labels.size()); ++row) {
        const LabelRecord& l = m_labels[static_cast<std::size_t>(row)];
        auto* swatch = new QTableWidgetItem(l.color);
        swatch->setBackground(QColor(l.color));
        swatch->setForeground(QColor(l.color).lightness() < 128 ? Qt::white : Qt::black);
        swatch->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        swatch->setToolTip(tr("Double-click to choose a colour"));
        m_table->setItem(row, ColorColumn, swatch);
        m_table->setItem(row, NameColumn, new QTableWidgetItem(l.name));
        m_table->setItem(row, ShortcutColumn, new QTableWidgetItem(l.shortcut));
    }
    if (current >= 0 && current < m_table->rowCount())
        m_table->setCurrentCell(current, NameColumn);
    m_loading = false;
}

bool LabelManagerDialog::addLabel(const QString& name, const QString& color, const QString& shortcut)
{
    LabelRecord l;
    l.name = name;
    if (l.name.isEmpty()) {
        for (int n = static_cast<int>(m_labels.size()) + 1;; ++n) {
            const QString candidate = tr("LABEL %1").arg(n);
            if (std::none_of(m_labels.begin(), m_labels.end(),
                             [&](const LabelRecord& r) { return r.name == candidate; })) {
                l.name = candidate;
                break;
            }
        }
    }
    l.color = color.isEmpty() ? QString::fromLatin1(kPalette[m_labels.size() % std::size(kPalette)]) : color;
    l.shortcut = shortcut;
    return m_session->addLabel(l);
}

bool LabelManagerDialog::setLabelColor(int row, const QString& color)
{
    if (row < 0 || row >= static_cast<int>(m_labels.size()) || !QColor(color).isValid())
        return false;
    LabelRecord l = m_labels[static_cast<std::size_t>(row)];
    l.color = QColor(color).name();
    return m_session->updateLabel(l);
}

void LabelManagerDialog::chooseColor()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_labels.size()) || m_session->isReadOnly())
        return;
    const QColor chosen = QColorDialog::getColor(QColor(m_labels[static_cast<std::size_t>(row)].color), this,
                                                 tr("Colour of %1").arg(m_labels[static_cast<std::size_t>(row)].name));
    if (chosen.isValid())
        setLabelColor(row, chosen.name());
}

void LabelManagerDialog::commitItem(QTableWidgetItem* item)
{
    if (m_loading || !item)
        return;
    const int row = item->row();
    if (row < 0 || row >= static_cast<int>(m_labels.size()))
        return;
    LabelRecord l = m_labels[static_cast<std::size_t>(row)];
    if (item->column() == NameColumn)
        l.name = item->text().trimmed();
    else if (item->column() == ShortcutColumn)
        l.shortcut = QKeySequence(item->text().trimmed()).toString(); // normalized, e.g. "ctrl+k" -> "Ctrl+K"
    else
        return;
    if (l.name == m_labels[static_cast<std::size_t>(row)].name
        && l.shortcut == m_labels[static_cast<std::size_t>(row)].shortcut)
        return;
    if (!m_session->updateLabel(l)) {
        // Refused (e.g. a duplicate name): show what is stored. Deferred: we are inside itemChanged.
        QMetaObject::invokeMethod(this, &LabelManagerDialog::reload, Qt::QueuedConnection);
    }
}

QString LabelManagerDialog::deleteQuestion(const QString& name, int words)
{
    QString what;
    if (words == 0)
        what = tr("No word is labelled %1.").arg(name);
    else if (words == 1)
        what = tr("1 word labelled %1 will have no label.").arg(name);
    else
        what = tr("%n words labelled %1 will have no label.", nullptr, words).arg(name);
    return what + QLatin1Char(' ') + tr("Their text and boxes stay. Deleting a label cannot be undone.");
}

QMessageBox* LabelManagerDialog::askToDeleteLabel(int row)
{
    if (row < 0 || row >= static_cast<int>(m_labels.size()) || m_session->isReadOnly())
        return nullptr;
    const LabelRecord label = m_labels[static_cast<std::size_t>(row)];
    const int words = m_session->labelWordCount(label.id);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete label %1?").arg(label.name),
                                deleteQuestion(label.name, std::max(0, words)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("labelDeleteQuestion"));
    QPushButton* yes = box->addButton(tr("Delete %1").arg(label.name), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // By id, not row: the table may have been reloaded while the question was open.
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, id = label.id](QAbstractButton* clicked) {
        if (clicked == yes)
            m_session->deleteLabel(id);
    });
    box->open();
    return box;
}

} // namespace incidoc::ui
