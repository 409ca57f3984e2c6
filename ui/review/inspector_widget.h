#pragma once
// The inspector: shows the selected word(s) and edits them through the ProjectSession (every change is
// an undoable command written at once). One word: text (Enter commits), confidence, source, the original
// OCR text, label, box (spin boxes, committed when editing finishes), reviewed; a word read by two engines
// shows both readings ("Tesseract read X · PP-OCR read Y"), with buttons to take the other reading or to
// accept the word as it is (both clear its review flag). Several words: label and reviewed apply to all
// of them. Refreshes itself when the session reports the page's words changed.
//
// Thread contract: GUI thread only.

#include "core/model/records.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
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

    /// The one selected word's text becomes its other engine's reading (the first other reading). False
    /// when there is no such word or the edit failed.
    bool takeOtherReading();
    /// The one selected word is accepted as it reads now: its review flag is cleared. False when no one
    /// word is selected or the edit failed.
    bool acceptWord();

    /// An engine's registry name as people know it ("Tesseract", "PP-OCR"); unknown names as they are.
    static QString engineDisplayName(const QString& engine);
    /// "PP-OCR read X · Tesseract read Y" for a word read by two engines; empty otherwise.
    static QString readingsText(const WordRecord& word);

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
    QLabel* m_readings;
    QPushButton* m_takeOther;
    QPushButton* m_accept;
    QComboBox* m_label;
    QSpinBox* m_x0;
    QSpinBox* m_y0;
    QSpinBox* m_x1;
    QSpinBox* m_y1;
    QCheckBox* m_reviewed;
};

} // namespace incidoc::ui
