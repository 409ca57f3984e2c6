#pragma once
// The word filter bar: a tool bar with a label choice (Any label, No label, each project label), a
// confidence range (at least / below, 0-100) and a Clear button. It only builds a WordFilter; the page
// view applies it (ReviewNavigator::filterWords) and the main window uses it for Tab navigation.
// A range of 0 to 100 leaves confidence unfiltered, so words drawn by a person (no confidence) stay.
//
// Thread contract: GUI thread only.

#include "ui/review/review_navigator.h"

#include <QToolBar>

#include <optional>

class QComboBox;
class QPushButton;
class QSpinBox;

namespace incidoc::ui {

class ProjectSession;

class WordFilterBar : public QToolBar {
    Q_OBJECT
public:
    explicit WordFilterBar(QWidget* parent = nullptr);

    /// Follows this session's labels (null: none) and clears the filter: label ids are per project.
    void setSession(ProjectSession* session);
    /// The filter the widgets describe; nullopt when they keep every word.
    std::optional<WordFilter> filter() const;
    /// Resets every widget to "keep every word".
    void clear();
    /// Shows the bar and puts the keyboard focus on the label choice.
    void focusFilter();

    QComboBox* labelCombo() const { return m_label; }
    QSpinBox* minConfidenceSpin() const { return m_min; }
    QSpinBox* maxConfidenceSpin() const { return m_max; }
    QPushButton* clearButton() const { return m_clear; }

Q_SIGNALS:
    /// The widgets changed: the new filter (nullopt: none).
    void filterChanged(const std::optional<incidoc::ui::WordFilter>& filter);

private:
    void reloadLabels();
    void emitChanged();

    ProjectSession* m_session = nullptr;
    QComboBox* m_label;
    QSpinBox* m_min;
    QSpinBox* m_max;
    QPushButton* m_clear;
    bool m_updating = false;
};

} // namespace incidoc::ui
