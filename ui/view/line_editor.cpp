#include "ui/view/line_editor.h"

#include "core/review/line_align.h"
#include "ui/project_session.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace incidoc::ui {

LineEditor::LineEditor(PageView* view) : QObject(view), m_view(view), m_edit(new QLineEdit(view->viewport()))
{
    m_edit->setObjectName(QStringLiteral("lineEditor"));
    m_edit->hide();
    m_edit->installEventFilter(this);
    connect(view, &PageView::zoomChanged, this, &LineEditor::reposition);
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &LineEditor::reposition);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LineEditor::reposition);
    connect(view, &PageView::overlayBuilt, this, [this](PageId page) {
        if (isOpen() && page != m_page)
            cancel(); // another page is shown: its line is gone from sight
    });
}

bool LineEditor::start()
{
    ProjectSession* session = m_view->m_session;
    const QList<WordId> sel = m_view->selectedWords();
    if (!session || sel.isEmpty() || isOpen())
        return false;
    if (session->isReadOnly()) {
        Q_EMIT m_view->statusMessage(QCoreApplication::translate(
            "incidoc::ui::PageView", "The project is open read-only: words cannot be changed."));
        return false;
    }
    const auto selected = std::find_if(m_view->m_words.begin(), m_view->m_words.end(),
                                       [&](const WordRecord& w) { return w.id == sel.first(); });
    if (selected == m_view->m_words.end())
        return false;
    // The words of its block and line that reach it through words beside each other (boxes overlapping in
    // height): a skewed line stays whole, while a word drawn far off that merely took the same numbers (a
    // drawn word away from every line keeps block 0, line 0) stays out.
    std::vector<const WordRecord*> candidates;
    for (const WordRecord& w : m_view->m_words)
        if (w.block == selected->block && w.line == selected->line)
            candidates.push_back(&w);
    std::vector<bool> inLine(candidates.size(), false);
    for (std::size_t i = 0; i < candidates.size(); ++i)
        inLine[i] = candidates[i]->id == selected->id;
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            for (std::size_t j = 0; j < candidates.size() && !inLine[i]; ++j) {
                if (!inLine[j])
                    continue;
                const PixelBox& a = candidates[i]->box;
                const PixelBox& b = candidates[j]->box;
                const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
                if (overlap * 3 >= std::min(a.height(), b.height()))
                    inLine[i] = grew = true;
            }
        }
    }
    QStringList texts;
    m_words.clear();
    m_line = {};
    for (std::size_t i = 0; i < candidates.size(); ++i) { // the view keeps them in reading order
        if (!inLine[i])
            continue;
        m_words << candidates[i]->id;
        texts << candidates[i]->text;
        m_line = m_line.united(candidates[i]->box);
    }
    m_page = m_view->pageId();
    m_original = texts.join(QLatin1Char(' '));
    m_edit->setText(m_original);
    m_edit->selectAll();
    reposition();
    m_edit->show();
    m_edit->setFocus(Qt::OtherFocusReason);
    return true;
}

void LineEditor::reposition()
{
    if (!isOpen())
        return;
    // Under the line, as wide as it (at least wide enough for its text), so the line's image stays in sight.
    const QRect r = m_view->mapFromScene(toRectF(m_line)).boundingRect();
    QFont f = m_edit->font();
    f.setPixelSize(std::clamp(int(r.height() * 0.7), 11, 36));
    m_edit->setFont(f);
    const int h = m_edit->sizeHint().height();
    const int w = std::max({r.width(), m_edit->fontMetrics().horizontalAdvance(m_edit->text()) + 24, 200});
    m_edit->setGeometry(r.left(), r.bottom() + 3, w, h);
}

LineInk LineEditor::ink(const PixelBox& line) const
{
    const QPixmap& pixmap = m_view->m_pixmap;
    const QSizeF page = m_view->pageSize();
    if (pixmap.isNull() || page.isEmpty() || line.isEmpty())
        return {};
    // The render may be at any resolution: crop the pixels over the line and say which page pixels they show.
    const double sx = pixmap.width() / page.width(), sy = pixmap.height() / page.height();
    const int x0 = std::max(0, int(std::floor(line.x0 * sx))), y0 = std::max(0, int(std::floor(line.y0 * sy)));
    const int x1 = std::min(pixmap.width(), int(std::ceil(line.x1 * sx)));
    const int y1 = std::min(pixmap.height(), int(std::ceil(line.y1 * sy)));
    if (x1 <= x0 || y1 <= y0)
        return {};
    LineInk out;
    out.image = pixmap.copy(x0, y0, x1 - x0, y1 - y0).toImage();
    out.area = {int(std::lround(x0 / sx)), int(std::lround(y0 / sy)), int(std::lround(x1 / sx)),
                int(std::lround(y1 / sy))};
    return out;
}

void LineEditor::commit()
{
    if (!isOpen())
        return;
    const PageId page = m_page;
    const QList<WordId> words = m_words;
    const QString text = m_edit->text();
    const bool changed = text.simplified() != m_original.simplified();
    const PixelBox line = m_line;
    close();
    ProjectSession* session = m_view->m_session;
    if (!session || !changed)
        return;
    const LineInk shown = page == m_view->pageId() ? ink(line) : LineInk{};
    const auto after = session->setLineText(page, words, text, &shown);
    if (after && page == m_view->pageId())
        m_view->selectWords(*after);
}

void LineEditor::cancel()
{
    if (isOpen())
        close();
}

void LineEditor::close()
{
    m_page = 0;
    m_words.clear();
    m_edit->hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

bool LineEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit) {
        if (event->type() == QEvent::KeyPress) {
            auto* ke = static_cast<QKeyEvent*>(event);
            if (ke->key() == Qt::Key_Escape) {
                cancel();
                return true;
            }
            if (ke->key() == Qt::Key_Return || ke->key() == Qt::Key_Enter) {
                // Handled here: QLineEdit passes Return on to its parent, the view.
                commit();
                return true;
            }
        } else if (event->type() == QEvent::FocusOut && isOpen()) {
            commit(); // clicking elsewhere keeps what was typed
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace incidoc::ui
