#pragma once
// The in-place editor of a word's text: a panel on the page view's viewport holding a magnified strip of
// the word's line (the word outlined, the image under the text), what each OCR engine read, and the line
// edit. It sits along the bottom edge of the view (the top edge when the word is down there), so it
// never covers the word or the lines around it. Opened on the one selected word; Return commits and asks
// for the next word to check (PageView::advanceRequested), Shift+Return commits and stays, clicking
// elsewhere commits, Escape cancels; Alt+S splits the word at the caret. While typing, the editor
// suggests a word that starts with what was typed (the other engine's reading first, then the project's
// words, the most frequent first); Tab takes the suggestion, Return always stores exactly what is in the
// field. The text goes to the session (undoable); committing a word unchanged accepts it.
//
// Thread contract: GUI thread only. Belongs to a PageView, which forwards its editing calls here.

#include "core/model/records.h"

#include <QObject>
#include <QString>

#include <optional>

class QFrame;
class QLabel;
class QLineEdit;

namespace incidoc::ui {

class PageView;

class InlineEditor : public QObject {
    Q_OBJECT
public:
    /// The panel lives on `view`'s viewport.
    explicit InlineEditor(PageView* view);

    /// Opens on the one selected word, starting with `initial` (else the word's text, selected).
    bool start(const std::optional<QString>& initial);
    /// Stores the text; `advance`: then asks the view for the next word to check.
    void commit(bool advance = false);
    void cancel();
    /// Follows the word after a zoom, a scroll or a new render (the strip is drawn again).
    void reposition();
    bool isOpen() const { return m_word != 0; }
    WordId word() const { return m_word; }
    QLineEdit* lineEdit() const { return m_edit; }
    /// The panel (strip, readings, line edit), for tests and screenshots.
    QFrame* panel() const { return m_panel; }
    /// The magnified strip as shown (null image when the page has no render yet).
    QImage stripImage() const;
    /// The engines' readings as shown above the line edit (empty: one engine read the word).
    QString readingsText() const;
    /// What Tab would put in the field (empty: no suggestion).
    QString suggestion() const { return m_suggestion; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Hides the panel and gives the focus back to the view.
    void close();
    void updateStrip();
    void updateSuggestion(const QString& typed);

    PageView* m_view;
    QFrame* m_panel;
    QLabel* m_strip;
    QLabel* m_readings;
    QLabel* m_suggestionLabel;
    QStringList m_candidates;     ///< in the order they are suggested
    QStringList m_engineReadings; ///< what the engines read (suggestions like them come first)
    QString m_suggestion;
    QLineEdit* m_edit;
    WordId m_word = 0; ///< the word being edited (0: closed)
};

} // namespace incidoc::ui
