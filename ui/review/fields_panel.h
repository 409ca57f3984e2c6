#pragma once
// The Fields dock: the shown page as a form. One row per key -> value link ("Driver: → Jonah R.
// Pritchard"), then the entities no link ties, with their label ("Witness 1: (Question (key))"); each row
// shows the typed field of its value (the link's target, or the entity itself) and, when the value does not
// pass its field's check under the project's patterns, a red mark with the problem as tooltip. Under the
// list the current row's value is edited: its typed field, its label and its text (Enter saves; one word:
// that word's text, more: the words re-cut as a line). Return or a double click on a row emits
// entityActivated: the main window shows the value's words on the page. Patterns… edits the project's case
// number and plate patterns. The panel refreshes when the page's form or words change, and owns the
// FieldFlagger that flags invalid values into the review queue.
//
// Thread contract: GUI thread only.

#include "core/forms/fields.h"
#include "core/model/forms.h"

#include <QList>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace incidoc::ui {

class FieldFlagger;
class ProjectSession;

class FieldsPanel : public QWidget {
    Q_OBJECT
public:
    /// A row of the list: a link's key and value, or one entity no link ties (key 0).
    struct Row {
        EntityId key = 0;
        EntityId value = 0;
        LinkId link = 0;
    };

    explicit FieldsPanel(ProjectSession* session, QWidget* parent = nullptr);

    /// Shows the form of `page` (0: none).
    void setPage(PageId page);
    PageId page() const { return m_page; }
    /// The rows shown, in list order.
    const std::vector<Row>& rows() const { return m_rows; }
    /// The row the editor works on (-1: none).
    int currentRow() const;
    void setCurrentRow(int row);
    /// The shown page's form as last read.
    const PageForm& form() const { return m_form; }
    FieldFlagger* flagger() const { return m_flagger; }

    /// Opens the small dialog that edits the project's patterns (case number, vehicle plate).
    void editPatterns();
    /// Keeps the patterns in the project (empty: the field's default shape); values are checked again.
    bool setPatterns(const FieldPatterns& patterns);

    /// A typed field's title in the user's language ("date_of_birth" → "Date of birth"); unknown names
    /// as core/forms/fields.h titles them, else as they are.
    static QString fieldDisplayTitle(const QString& field);
    /// An entity label (FUNSD role) in the user's language; "" → "(no label)".
    static QString roleDisplayName(const QString& role);

Q_SIGNALS:
    /// A row was chosen: show these words (the row's value) of `page`.
    void entityActivated(incidoc::PageId page, const QList<incidoc::WordId>& words);
    /// The project's patterns changed (the checks read them).
    void patternsChanged();

private:
    void reload();
    void loadEditor();
    const EntityRecord* entity(EntityId id) const;
    const EntityRecord* currentValue() const;
    void commitField(int index);
    void commitLabel(int index);
    void commitText();

    ProjectSession* m_session;
    FieldFlagger* m_flagger;
    PageId m_page = 0;
    PageForm m_form;
    std::vector<Row> m_rows;
    bool m_loading = false;

    QLabel* m_summary;
    QTreeWidget* m_list;
    QComboBox* m_field;
    QComboBox* m_label;
    QLineEdit* m_value;
    QLabel* m_problem;
    QPushButton* m_patterns;
};

} // namespace incidoc::ui
