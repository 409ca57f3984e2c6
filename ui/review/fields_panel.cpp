#include "ui/review/fields_panel.h"

#include "core/export/form_checks.h"
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/review/field_flagger.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <set>

namespace incidoc::ui {
namespace {

constexpr int kRowRole = Qt::UserRole + 1;

QIcon invalidMark()
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xd0, 0x21, 0x21));
    p.drawEllipse(1, 1, 10, 10);
    p.setPen(QPen(Qt::white, 1.6));
    p.drawLine(QPointF(4, 4), QPointF(8, 8));
    p.drawLine(QPointF(8, 4), QPointF(4, 8));
    return QIcon(pm);
}

} // namespace

QString FieldsPanel::fieldDisplayTitle(const QString& field)
{
    // The English titles of core/forms/fields.h, translated here: the core knows no translations.
    static const char* const kTitles[][2] = {
        {"case_number", QT_TR_NOOP("Case number")},
        {"incident_date", QT_TR_NOOP("Incident date")},
        {"incident_time", QT_TR_NOOP("Incident time")},
        {"location", QT_TR_NOOP("Location")},
        {"officer", QT_TR_NOOP("Officer")},
        {"badge_number", QT_TR_NOOP("Badge number")},
        {"person_name", QT_TR_NOOP("Person name")},
        {"date_of_birth", QT_TR_NOOP("Date of birth")},
        {"phone", QT_TR_NOOP("Phone")},
        {"vehicle_plate", QT_TR_NOOP("Vehicle plate")},
        {"vin", QT_TR_NOOP("VIN")},
        {"address", QT_TR_NOOP("Address")},
        {"email", QT_TR_NOOP("Email")},
        {"make_model", QT_TR_NOOP("Make and model")},
        {"narrative", QT_TR_NOOP("Narrative")},
        {"report_date", QT_TR_NOOP("Report date")},
    };
    for (const auto& t : kTitles)
        if (field == QLatin1String(t[0]))
            return tr(t[1]);
    const QString title = fieldTitle(field);
    return title.isEmpty() ? field : title;
}

QString FieldsPanel::roleDisplayName(const QString& role)
{
    if (role.isEmpty())
        return tr("(no label)");
    if (role == QLatin1String("header"))
        return tr("Header");
    if (role == QLatin1String("question"))
        return tr("Question (key)");
    if (role == QLatin1String("answer"))
        return tr("Answer (value)");
    if (role == QLatin1String("other"))
        return tr("Other");
    return role;
}

FieldsPanel::FieldsPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_flagger(new FieldFlagger(session, this)), m_summary(new QLabel(this)),
      m_list(new QTreeWidget(this)), m_field(new QComboBox(this)), m_label(new QComboBox(this)),
      m_value(new QLineEdit(this)), m_problem(new QLabel(this)), m_patterns(new QPushButton(tr("&Patterns…"), this))
{
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("fieldsList"));
    m_list->setHeaderLabels({tr("Entry"), tr("Field")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Return shows the value's words on the page; Tab goes to its field, label and text."));

    m_field->setObjectName(QStringLiteral("fieldsField"));
    m_field->addItem(tr("(no field)"), QString());
    for (const QString& f : fieldNames())
        m_field->addItem(fieldDisplayTitle(f), f);
    m_label->setObjectName(QStringLiteral("fieldsLabel"));
    m_label->addItem(roleDisplayName({}), QString());
    for (const QString& r : entityRoles())
        m_label->addItem(roleDisplayName(r), r);
    m_value->setObjectName(QStringLiteral("fieldsValue"));
    m_value->setToolTip(tr("The value's text; Enter saves it"));
    m_problem->setObjectName(QStringLiteral("fieldsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_patterns->setObjectName(QStringLiteral("fieldsPatterns"));
    m_patterns->setToolTip(tr("The project's patterns of case numbers and vehicle plates"));

    auto* form = new QFormLayout;
    auto* fieldLabel = new QLabel(tr("&Field:"), this);
    fieldLabel->setBuddy(m_field);
    auto* labelLabel = new QLabel(tr("&Label:"), this);
    labelLabel->setBuddy(m_label);
    auto* valueLabel = new QLabel(tr("&Value:"), this);
    valueLabel->setBuddy(m_value);
    form->addRow(fieldLabel, m_field);
    form->addRow(labelLabel, m_label);
    form->addRow(valueLabel, m_value);
    form->addRow(QString(), m_problem);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_patterns);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);

    // itemActivated: Return on the current row, or a double click.
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int row = item ? item->data(0, kRowRole).toInt() : -1;
        if (row < 0 || row >= static_cast<int>(m_rows.size()))
            return;
        if (const EntityRecord* e = entity(m_rows[row].value))
            Q_EMIT entityActivated(m_page, QList<WordId>(e->words.begin(), e->words.end()));
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { loadEditor(); });
    connect(m_field, &QComboBox::activated, this, &FieldsPanel::commitField);
    connect(m_label, &QComboBox::activated, this, &FieldsPanel::commitLabel);
    connect(m_value, &QLineEdit::returnPressed, this, &FieldsPanel::commitText);
    connect(m_patterns, &QPushButton::clicked, this, &FieldsPanel::editPatterns);
    auto ours = [this](PageId page) {
        if (page == m_page)
            reload();
    };
    connect(session, &ProjectSession::formChanged, this, ours);
    connect(session, &ProjectSession::wordsChanged, this, ours);
    reload();
}

void FieldsPanel::setPage(PageId page)
{
    if (page == m_page)
        return;
    m_page = page;
    reload();
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

int FieldsPanel::currentRow() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kRowRole).toInt() : -1;
}

void FieldsPanel::setCurrentRow(int row)
{
    if (row >= 0 && row < m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(row));
}

const EntityRecord* FieldsPanel::entity(EntityId id) const
{
    for (const EntityRecord& e : m_form.entities)
        if (e.id == id)
            return &e;
    return nullptr;
}

const EntityRecord* FieldsPanel::currentValue() const
{
    const int row = currentRow();
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? entity(m_rows[row].value) : nullptr;
}

void FieldsPanel::reload()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int oldRow = currentRow();
    const Row before = oldRow >= 0 && oldRow < static_cast<int>(m_rows.size()) ? m_rows[oldRow] : Row{};
    const bool listHadFocus = m_list->hasFocus();

    m_form = m_page ? m_session->form(m_page) : PageForm{};
    m_rows.clear();
    // Links in the reading order of their keys (then of their values), then the entities no link ties.
    std::map<EntityId, int> rank;
    for (std::size_t i = 0; i < m_form.entities.size(); ++i)
        rank[m_form.entities[i].id] = static_cast<int>(i);
    std::vector<const LinkRecord*> links;
    for (const LinkRecord& l : m_form.links)
        if (rank.count(l.from) && rank.count(l.to))
            links.push_back(&l);
    std::stable_sort(links.begin(), links.end(), [&](const LinkRecord* a, const LinkRecord* b) {
        return std::pair(rank[a->from], rank[a->to]) < std::pair(rank[b->from], rank[b->to]);
    });
    std::set<EntityId> linked;
    for (const LinkRecord* l : links) {
        m_rows.push_back(Row{l->from, l->to, l->id});
        linked.insert(l->from);
        linked.insert(l->to);
    }
    for (const EntityRecord& e : m_form.entities)
        if (!linked.count(e.id))
            m_rows.push_back(Row{0, e.id, 0});

    m_list->clear();
    const FieldPatterns& patterns = m_flagger->patterns();
    QList<QTreeWidgetItem*> items;
    int invalid = 0;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        const EntityRecord* value = entity(r.value);
        const EntityRecord* key = r.key ? entity(r.key) : nullptr;
        // A pair says what it is ("Driver: → Jonah R. Pritchard"); an entity alone says its label.
        const QString entry = key ? tr("%1 → %2").arg(key->text, value->text)
                                  : tr("%1 (%2)").arg(value->text, roleDisplayName(value->label));
        auto* item = new QTreeWidgetItem(
            {entry, value->field.isEmpty() ? QStringLiteral("—") : fieldDisplayTitle(value->field)});
        item->setData(0, kRowRole, static_cast<int>(i));
        item->setToolTip(0, entry);
        if (!value->field.isEmpty()) {
            const FieldCheck check = checkField(value->field, value->text, patterns);
            if (!check.valid) {
                ++invalid;
                item->setIcon(0, invalidMark());
                item->setForeground(1, QColor(0xc6, 0x28, 0x28));
                item->setToolTip(0, check.problem);
                item->setToolTip(1, check.problem);
            }
        }
        const bool proposed = value->proposed || (key && key->proposed);
        if (proposed) {
            QFont f = item->font(0);
            f.setItalic(true);
            for (int c = 0; c < 2; ++c)
                item->setFont(c, f);
            item->setToolTip(1, tr("Proposed: not accepted yet"));
        }
        items << item;
    }
    m_list->addTopLevelItems(items);

    if (!m_page)
        m_summary->setText(tr("No page shown."));
    else if (m_form.entities.empty())
        m_summary->setText(tr("No entities on this page yet: group words on the page into entities."));
    else
        m_summary->setText(
            tr("%n link(s)", nullptr, static_cast<int>(links.size())) + QStringLiteral(" · ")
            + tr("%n entity(ies)", nullptr, static_cast<int>(m_form.entities.size()))
            + (invalid ? QStringLiteral(" · ") + tr("%n invalid value(s)", nullptr, invalid) : QString()));

    // The same row again (the same key and value), else the same position.
    int row = -1;
    for (std::size_t i = 0; i < m_rows.size() && before.value; ++i)
        if (m_rows[i].value == before.value && m_rows[i].key == before.key)
            row = static_cast<int>(i);
    if (row < 0 && oldRow >= 0 && !m_rows.empty())
        row = std::min(oldRow, static_cast<int>(m_rows.size()) - 1);
    if (row >= 0)
        m_list->setCurrentItem(m_list->topLevelItem(row));
    if (listHadFocus)
        m_list->setFocus();
    m_loading = wasLoading;
    loadEditor();
}

void FieldsPanel::loadEditor()
{
    if (m_loading)
        return;
    m_loading = true;
    const EntityRecord* e = currentValue();
    const bool writable = e && !m_session->isReadOnly();
    m_field->setEnabled(writable);
    m_label->setEnabled(writable);
    m_value->setEnabled(writable);
    m_patterns->setEnabled(!m_session->isReadOnly());
    m_field->setCurrentIndex(e ? std::max(0, m_field->findData(e->field)) : 0);
    m_label->setCurrentIndex(e ? std::max(0, m_label->findData(e->label)) : 0);
    m_value->setText(e ? e->text : QString());
    QString problem;
    if (e && !e->field.isEmpty()) {
        const FieldCheck check = checkField(e->field, e->text, m_flagger->patterns());
        if (!check.valid)
            problem = check.problem;
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_loading = false;
}

void FieldsPanel::commitField(int index)
{
    const EntityRecord* e = currentValue();
    if (m_loading || !e || index < 0)
        return;
    const QString field = m_field->itemData(index).toString();
    if (field == e->field)
        return;
    if (!m_session->setEntityField(e->id, field))
        loadEditor();
}

void FieldsPanel::commitLabel(int index)
{
    const EntityRecord* e = currentValue();
    if (m_loading || !e || index < 0)
        return;
    const QString label = m_label->itemData(index).toString();
    if (label == e->label)
        return;
    if (!m_session->setEntitiesLabel({e->id}, label))
        loadEditor();
}

void FieldsPanel::commitText()
{
    const EntityRecord* e = currentValue();
    if (m_loading || !e)
        return;
    const QString text = m_value->text().simplified();
    if (text.isEmpty() || text == e->text || e->words.empty()) {
        m_value->setText(e->text); // an empty value is not a correction: ungroup or delete the words instead
        return;
    }
    // One word: its text. Several: the words re-cut as one line typed anew (a word carried on keeps its id).
    const bool ok =
        e->words.size() == 1
            ? m_session->setWordText(e->words.front(), text)
            : m_session->setLineText(m_page, QList<WordId>(e->words.begin(), e->words.end()), text).has_value();
    if (!ok)
        loadEditor();
}

bool FieldsPanel::setPatterns(const FieldPatterns& patterns)
{
    if (m_session->isReadOnly())
        return false;
    ProjectStore& store = m_session->store();
    for (const auto& [key, value] : {std::pair(kCaseNumberPatternKey, patterns.caseNumber),
                                     std::pair(kVehiclePlatePatternKey, patterns.vehiclePlate)}) {
        const Status done = store.setMeta(QString::fromLatin1(key), value.trimmed());
        if (!done) {
            Q_EMIT m_session->errorOccurred(tr("Could not save the patterns: %1").arg(done.error().message));
            return false;
        }
    }
    m_flagger->setPatterns(FieldPatterns{patterns.caseNumber.trimmed(), patterns.vehiclePlate.trimmed()});
    reload();
    Q_EMIT patternsChanged();
    return true;
}

void FieldsPanel::editPatterns()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("fieldPatternsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Field Patterns"));
    auto* caseNumber = new QLineEdit(m_flagger->patterns().caseNumber, dialog);
    caseNumber->setObjectName(QStringLiteral("patternCaseNumber"));
    caseNumber->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("[0-9]{2}-[0-9]{6}")));
    auto* plate = new QLineEdit(m_flagger->patterns().vehiclePlate, dialog);
    plate->setObjectName(QStringLiteral("patternVehiclePlate"));
    plate->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("[A-Z]{3} ?[0-9]{4}")));
    auto* note = new QLabel(tr("Regular expressions a whole value must match. Empty: any usual shape."), dialog);
    note->setWordWrap(true);
    auto* error = new QLabel(dialog);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto* form = new QFormLayout;
    form->addRow(tr("&Case number:"), caseNumber);
    form->addRow(tr("Vehicle &plate:"), plate);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this, dialog, caseNumber, plate, error] {
        for (QLineEdit* edit : {caseNumber, plate}) {
            const QRegularExpression re(edit->text().trimmed());
            if (!re.isValid()) {
                error->setText(tr("Not a valid pattern: %1").arg(re.errorString()));
                edit->setFocus();
                return;
            }
        }
        if (setPatterns(FieldPatterns{caseNumber->text(), plate->text()}))
            dialog->accept();
    });
    dialog->open();
}

} // namespace incidoc::ui
