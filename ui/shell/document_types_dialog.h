#pragma once
// Document › Document Types…: the project's document types, added, retitled and removed, and each
// type's processing profile (engines, fast or accurate, PDF resolution, binarization, review threshold).
// Every change is written at once (project settings, not undoable, like labels).
// GUI thread only.

#include "core/model/document_types.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace incidoc::ui {

class ProjectSession;

class DocumentTypesDialog : public QDialog {
    Q_OBJECT
public:
    explicit DocumentTypesDialog(ProjectSession* session, QWidget* parent = nullptr);

    // For tests: the widgets a person uses.
    QListWidget* typeList() const { return m_list; }
    QLineEdit* titleEdit() const { return m_title; }
    QComboBox* enginesCombo() const { return m_engines; }
    QComboBox* profileCombo() const { return m_profile; }
    QSpinBox* dpiSpin() const { return m_dpi; }
    QComboBox* binarizeCombo() const { return m_binarize; }
    QDoubleSpinBox* thresholdSpin() const { return m_threshold; }
    QPushButton* applyButton() const { return m_apply; }
    /// Adds a type named `name` (a-z, 0-9, _) titled `title`; false (with a message box) when refused.
    bool addType(const QString& name, const QString& title);
    /// Removes the selected type (its documents keep no type), after asking unless `ask` is false.
    bool removeSelected(bool ask = true);

private:
    void reload(const QString& select = {});
    void showSelected();
    bool applySelected();

    ProjectSession* m_session;
    std::vector<DocumentType> m_types;
    QListWidget* m_list;
    QLineEdit* m_title;
    QComboBox *m_engines, *m_profile, *m_binarize;
    QSpinBox* m_dpi;
    QDoubleSpinBox* m_threshold;
    QPushButton *m_apply, *m_remove;
};

} // namespace incidoc::ui
