#pragma once
// The label manager: the project's labels with colour swatch, name and shortcut. Add makes a new label
// (a free name and the next colour) that is renamed in place; names and shortcuts are edited in the
// table; double-clicking the swatch (or "Colour…") picks a colour; Delete first says how many words will
// lose the label and asks to confirm (a window-modal question, never a nested event loop). Every change
// is saved at once through the ProjectSession (labels are project settings, not undo steps).
//
// Thread contract: GUI thread only.

#include "core/model/records.h"

#include <QDialog>

class QMessageBox;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace incidoc::ui {

class ProjectSession;

class LabelManagerDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { ColorColumn = 0, NameColumn = 1, ShortcutColumn = 2 };

    explicit LabelManagerDialog(ProjectSession* session, QWidget* parent = nullptr);

    /// Adds a label (Add button: a free name "LABEL n" and the next colour of the palette). Returns false
    /// (the session reported why) when it could not be saved.
    bool addLabel(const QString& name = QString(), const QString& color = QString(),
                  const QString& shortcut = QString());
    /// Changes the colour of the label in `row` ("#rrggbb").
    bool setLabelColor(int row, const QString& color);
    /// Asks whether to delete the label in `row`, saying how many words will lose it ("12 words labelled
    /// PERSON will have no label."); deletes it when confirmed. Returns the question (open, not exec), or
    /// nullptr when there is no such row.
    QMessageBox* askToDeleteLabel(int row);
    /// The question shown by askToDeleteLabel, while it is open.
    static QString deleteQuestion(const QString& name, int words);
    QTableWidget* table() const { return m_table; }

private:
    void reload();
    void commitItem(QTableWidgetItem* item);
    void chooseColor();

    ProjectSession* m_session;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_color;
    QPushButton* m_delete;
    std::vector<LabelRecord> m_labels;
    bool m_loading = false;
};

} // namespace incidoc::ui
