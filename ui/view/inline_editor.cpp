#include "ui/view/inline_editor.h"

#include "ui/project_session.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>

#include <algorithm>

namespace incidoc::ui {

InlineEditor::InlineEditor(PageView* view) : QObject(view), m_view(view), m_edit(new QLineEdit(view->viewport()))
{
    m_edit->hide();
    m_edit->installEventFilter(this);
}

bool InlineEditor::start(const std::optional<QString>& initial)
{
    const QList<WordId> sel = m_view->selectedWords();
    ProjectSession* session = m_view->m_session;
    if (session && session->isReadOnly() && !sel.isEmpty()) {
        // The view's context: the string was the view's before the editor was a class of its own.
        Q_EMIT m_view->statusMessage(QCoreApplication::translate(
            "incidoc::ui::PageView", "The project is open read-only: words cannot be changed."));
        return false;
    }
    if (!session || sel.size() != 1)
        return false;
    auto* item = m_view->wordItem(sel.first());
    if (!item)
        return false;
    m_word = item->wordId();
    m_edit->setText(initial.value_or(item->text()));
    if (!initial)
        m_edit->selectAll();
    reposition();
    m_edit->show();
    m_edit->setFocus(Qt::OtherFocusReason);
    if (initial)
        m_edit->end(false);
    return true;
}

void InlineEditor::reposition()
{
    if (!m_word)
        return;
    auto* item = m_view->wordItem(m_word);
    if (!item)
        return;
    // Under the box, so the word's image stays visible while it is being corrected.
    const QRect r = m_view->mapFromScene(item->sceneBox()).boundingRect();
    QFont f = m_edit->font();
    f.setPixelSize(std::clamp(int(r.height() * 0.7), 11, 36));
    m_edit->setFont(f);
    const int h = m_edit->sizeHint().height();
    const int w = std::max(r.width() + 40, m_edit->fontMetrics().horizontalAdvance(m_edit->text()) + 40);
    m_edit->setGeometry(r.left(), r.bottom() + 3, std::max(w, 140), h);
}

void InlineEditor::commit()
{
    if (!m_word)
        return;
    const WordId word = m_word;
    const QString text = m_edit->text();
    close();
    auto* item = m_view->wordItem(word);
    ProjectSession* session = m_view->m_session;
    if (session && item && text != item->text() && !text.trimmed().isEmpty())
        session->setWordText(word, text);
}

void InlineEditor::cancel()
{
    if (m_word)
        close();
}

void InlineEditor::close()
{
    m_word = 0;
    m_edit->hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

bool InlineEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit) {
        if (event->type() == QEvent::KeyPress) {
            auto* ke = static_cast<QKeyEvent*>(event);
            if (ke->key() == Qt::Key_Escape) {
                cancel();
                return true;
            }
            if (ke->key() == Qt::Key_Return || ke->key() == Qt::Key_Enter) {
                // Handled here: QLineEdit passes Return on to its parent, which would reopen the editor.
                commit();
                return true;
            }
            if (ke->key() == Qt::Key_S && (ke->modifiers() & Qt::AltModifier)) { // split at the caret
                const WordId word = m_word;
                const int at = m_edit->cursorPosition();
                cancel();
                m_view->selectWords({word});
                m_view->splitSelected(at);
                return true;
            }
        } else if (event->type() == QEvent::FocusOut && m_word) {
            commit(); // clicking elsewhere keeps what was typed
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace incidoc::ui
