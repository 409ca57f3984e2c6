#pragma once
// Line mode's editor: a one-line text field under a whole text line of the page, as wide as the line,
// holding the line's words joined by spaces. It opens on the line of the selected word; Return (or clicking
// elsewhere) commits, Escape cancels. The text goes to ProjectSession::setLineText, which re-aligns the
// line's boxes to it (core/review/line_align.h) at the ink gaps of the page image shown, as one undoable
// step; the line's words are selected afterwards.
//
// Thread contract: GUI thread only. Belongs to a PageView (it reads the view's words and page image).

#include "core/model/records.h"

#include <QList>
#include <QObject>
#include <QString>

class QLineEdit;

namespace incidoc {
struct LineInk;
} // namespace incidoc

namespace incidoc::ui {

class PageView;

class LineEditor : public QObject {
    Q_OBJECT
public:
    /// The line edit lives on `view`'s viewport.
    explicit LineEditor(PageView* view);

    /// Opens on the text line (block and line) of the first selected word. False when no word is selected,
    /// the project is read-only, or the editor is open already.
    bool start();
    void commit();
    void cancel();
    /// Follows the line after a zoom, a scroll or a redraw.
    void reposition();

    bool isOpen() const { return m_page != 0; }
    /// The words being edited, in reading order (empty when closed).
    const QList<WordId>& words() const { return m_words; }
    QLineEdit* lineEdit() const { return m_edit; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Hides the editor and gives the focus back to the view.
    void close();
    /// The view's page image under `line` (null when none is shown yet).
    LineInk ink(const PixelBox& line) const;

    PageView* m_view;
    QLineEdit* m_edit;
    PageId m_page = 0; ///< the page of the line being edited (0: closed)
    QList<WordId> m_words;
    PixelBox m_line; ///< union of the line's boxes when it opened, page pixels
    QString m_original;
};

} // namespace incidoc::ui
