#pragma once
// The inspector: shows the selected word(s) and edits them through the ProjectSession (every change is
// an undoable command written at once). One word: text (Enter commits), confidence, source, the original
// OCR text, label, box (spin boxes, committed when editing finishes), reviewed. Several words: label and
// reviewed apply to all of them. Refreshes itself when the session reports the page's words changed.
//
// Thread contract: GUI thread only.

#include "core/model/records.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace incidoc::ui {

class ProjectSession;

class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(ProjectSession* session, QWidget* parent = nullptr);

    /// Shows these words of `page` (empty: nothing selected).
    void setSelection(PageId page, const QList<WordId>& words);
    PageId page() const { return m_page; }
    QList<WordId> selection() const { return m_words; }

private:
    void reload();
    void reloadLabels();
    void commitText();
    void commitBox();
    void commitLabel(int index);
    void commitReviewed(bool reviewed);

    ProjectSession* m_session;
    PageId m_page = 0;
    QList<WordId> m_words;
    std::vector<WordRecord> m_shown; ///< the selected words as last read
    bool m_loading = false;

    QLabel* m_summary;
    QLineEdit* m_text;
    QLabel* m_confidence;
    QLabel* m_source;
    QLabel* m_ocrText;
    QComboBox* m_label;
    QSpinBox* m_x0;
    QSpinBox* m_y0;
    QSpinBox* m_x1;
    QSpinBox* m_y1;
    QCheckBox* m_reviewed;
};

} // namespace incidoc::ui
