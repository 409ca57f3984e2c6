#pragma once
// The in-place editor of a word's text: a line edit under the word's box (so the word's image stays
// visible), opened on the one selected word, committed with Return or by clicking elsewhere, cancelled
// with Escape; Alt+S splits the word at the caret. The text goes to the session (undoable).
//
// Thread contract: GUI thread only. Belongs to a PageView, which forwards its editing calls here.

#include "core/model/records.h"

#include <QObject>
#include <QString>

#include <optional>

class QLineEdit;

namespace incidoc::ui {

class PageView;

class InlineEditor : public QObject {
    Q_OBJECT
public:
    /// The line edit lives on `view`'s viewport.
    explicit InlineEditor(PageView* view);

    /// Opens on the one selected word, starting with `initial` (else the word's text, selected).
    bool start(const std::optional<QString>& initial);
    void commit();
    void cancel();
    /// Follows the word's box after a zoom or a scroll.
    void reposition();

    bool isOpen() const { return m_word != 0; }
    WordId word() const { return m_word; }
    QLineEdit* lineEdit() const { return m_edit; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Hides the editor and gives the focus back to the view.
    void close();

    PageView* m_view;
    QLineEdit* m_edit;
    WordId m_word = 0; ///< the word being edited (0: closed)
};

} // namespace incidoc::ui
