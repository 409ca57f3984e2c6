#include "ui/view/page_gestures.h"

#include "ui/project_session.h"
#include "ui/view/inline_editor.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QGraphicsRectItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QUndoStack>

#include <cmath>

namespace incidoc::ui {
namespace {

void panBy(PageView* view, int dx, int dy)
{
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + dx);
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + dy);
}

} // namespace

PageGestures::PageGestures(PageView* view) : QObject(view), m_view(view) {}

// --- mouse ----------------------------------------------------------------------------------------

bool PageGestures::mousePress(QMouseEvent* event)
{
    if (m_view->m_editor->isOpen())
        m_view->commitTextEdit();
    m_pressPos = m_lastPos = event->position().toPoint();
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_gesture = Gesture::Pan;
        m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return true;
    }
    if (event->button() == Qt::LeftButton && m_view->isDrawMode() && m_view->pageId()) {
        startDraw();
        event->accept();
        return true;
    }
    if (event->button() == Qt::LeftButton) {
        const int corner = m_view->handleAt(m_pressPos);
        if (corner >= 0) {
            const QList<WordId> sel = m_view->selectedWords();
            m_gesture = Gesture::Resize;
            m_resizeCorner = corner;
            m_resizeOriginal = m_view->wordItem(sel.first())->box();
            // The handles sit outside the box: the corner keeps its distance to where the handle was taken.
            const QRectF r = toRectF(m_resizeOriginal);
            const QPointF corners[] = {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()};
            m_resizeOffset = corners[corner] - m_view->mapToScene(m_pressPos);
            event->accept();
            return true;
        }
        WordItem* under = nullptr;
        for (auto* it : m_view->items(m_pressPos)) {
            if (it->type() == WordItem::Type && it->isVisible()) {
                under = static_cast<WordItem*>(it);
                break;
            }
        }
        // Shift adds the word under the mouse to the selection (Ctrl toggles: the scene does that).
        if (under && (event->modifiers() & Qt::ShiftModifier)) {
            under->setSelected(true);
            event->accept();
            return true;
        }
        // A press on a word that is not selected selects it on release, or starts a rubber band when
        // dragged: only a selected word moves with the mouse (or a box by its handles).
        if (under && !under->isSelected() && !(event->modifiers() & Qt::ControlModifier)) {
            m_gesture = Gesture::Band;
            m_bandWord = under->wordId();
            event->accept();
            return true;
        }
        m_gesture = Gesture::Move;
    }
    return false;
}

void PageGestures::startDraw()
{
    m_gesture = Gesture::Draw;
    m_drawStart = m_view->mapToScene(m_pressPos);
    if (!m_drawRect) {
        m_drawRect = m_view->scene()->addRect(QRectF(), QPen(QColor(0, 150, 0), 2, Qt::DashLine));
        m_drawRect->setZValue(20);
        QPen p = m_drawRect->pen();
        p.setCosmetic(true);
        m_drawRect->setPen(p);
    }
    m_drawRect->setRect(QRectF(m_drawStart, m_drawStart));
    m_drawRect->setVisible(true);
}

bool PageGestures::mouseMove(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_gesture) {
    case Gesture::Pan: {
        const QPoint d = pos - m_lastPos;
        panBy(m_view, -d.x(), -d.y());
        m_lastPos = pos;
        event->accept();
        return true;
    }
    case Gesture::Draw:
        m_drawRect->setRect(QRectF(m_drawStart, m_view->mapToScene(pos)).normalized());
        event->accept();
        return true;
    case Gesture::Resize:
        resizeTo(pos);
        event->accept();
        return true;
    case Gesture::Band: {
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return true;
        if (!m_bandRect) {
            m_bandRect = m_view->scene()->addRect(QRectF(), QPen(QColor(30, 110, 220), 1, Qt::DashLine),
                                                  QColor(30, 110, 220, 40));
            m_bandRect->setZValue(20);
            QPen p = m_bandRect->pen();
            p.setCosmetic(true);
            m_bandRect->setPen(p);
        }
        m_bandRect->setRect(QRectF(m_view->mapToScene(m_pressPos), m_view->mapToScene(pos)).normalized());
        m_bandRect->setVisible(true);
        event->accept();
        return true;
    }
    default: return false;
    }
}

void PageGestures::resizeTo(const QPoint& pos)
{
    const QList<WordId> sel = m_view->selectedWords();
    if (sel.size() != 1)
        return;
    const QPoint corner = toPagePixel(m_view->mapToScene(pos) + m_resizeOffset);
    PixelBox b = m_resizeOriginal;
    const int x = corner.x(), y = corner.y();
    if (m_resizeCorner == 0 || m_resizeCorner == 2)
        b.x0 = std::min(x, b.x1 - 1);
    else
        b.x1 = std::max(x, b.x0 + 1);
    if (m_resizeCorner == 0 || m_resizeCorner == 1)
        b.y0 = std::min(y, b.y1 - 1);
    else
        b.y1 = std::max(y, b.y0 + 1);
    m_view->wordItem(sel.first())->setPreviewBox(b);
    m_view->updateHandles();
}

void PageGestures::hover(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    WordId hovered = 0;
    const WordItem* found = nullptr;
    for (auto* it : m_view->items(event->position().toPoint())) {
        if (it->type() == WordItem::Type && it->isVisible()) {
            found = static_cast<WordItem*>(it);
            hovered = found->wordId();
            break;
        }
    }
    if (hovered == m_hovered)
        return;
    m_hovered = hovered;
    if (found)
        Q_EMIT m_view->hoveredWordChanged(true, found->text(), found->confidence().value_or(-1));
    else
        Q_EMIT m_view->hoveredWordChanged(false, QString(), -1);
}

bool PageGestures::mouseRelease(QMouseEvent* event)
{
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    m_released = gesture;
    const QPoint pos = event->position().toPoint();
    if (gesture == Gesture::Pan) {
        m_view->viewport()->setCursor(m_spaceHeld            ? Qt::OpenHandCursor
                                      : m_view->isDrawMode() ? Qt::CrossCursor
                                                             : Qt::ArrowCursor);
        event->accept();
        return true;
    }
    if (gesture == Gesture::Draw) {
        m_drawRect->setVisible(false);
        const QRectF r = QRectF(m_drawStart, m_view->mapToScene(pos))
                             .normalized()
                             .intersected(QRectF(QPointF(0, 0), m_view->pageSize()));
        if (r.width() >= 3 && r.height() >= 3)
            m_view->addWordWithOcr(toPageBox(r));
        event->accept();
        return true;
    }
    if (gesture == Gesture::Band) {
        const bool dragged = m_bandRect && m_bandRect->isVisible();
        QList<WordId> picked;
        if (dragged) {
            const QRectF band = m_bandRect->rect();
            m_bandRect->setVisible(false);
            for (const auto& w : m_view->m_words)
                if (m_view->isWordKept(w.id) && band.intersects(toRectF(w.box)))
                    picked << w.id;
        } else {
            picked << m_bandWord;
        }
        m_view->selectWords(picked);
        event->accept();
        return true;
    }
    if (gesture == Gesture::Resize) {
        const QList<WordId> sel = m_view->selectedWords();
        ProjectSession* session = m_view->m_session;
        if (sel.size() == 1 && session) {
            const PixelBox b = m_view->wordItem(sel.first())->box();
            if (!(b == m_resizeOriginal) && !session->setWordBox(sel.first(), b))
                m_view->rebuildOverlay();
            else if (b == m_resizeOriginal)
                m_view->updateHandles();
        }
        event->accept();
        return true;
    }
    return false;
}

void PageGestures::afterSceneRelease(QMouseEvent* event)
{
    if (m_released != Gesture::Move)
        return;
    const QPoint pos = event->position().toPoint();
    const bool dragged = (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance();
    std::vector<std::pair<WordId, PixelBox>> moved;
    for (auto& [id, item] : m_view->m_items) {
        if (item->pos().isNull())
            continue;
        const QPointF d = item->pos();
        const PixelBox b = item->box();
        const int dx = int(std::lround(d.x())), dy = int(std::lround(d.y()));
        item->setPos(0, 0);
        if (dragged && (dx || dy))
            moved.push_back({id, {b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy}});
    }
    ProjectSession* session = m_view->m_session;
    if (moved.empty() || !session) {
        m_view->updateHandles();
        return;
    }
    session->setWordBoxes(moved); // one undo entry for the words dragged together
}

// --- keyboard -------------------------------------------------------------------------------------

bool PageGestures::keyPress(QKeyEvent* event)
{
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    const bool hasSelection = !m_view->selectedWords().isEmpty();
    if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down) {
        const int dx = key == Qt::Key_Left ? -1 : key == Qt::Key_Right ? 1 : 0;
        const int dy = key == Qt::Key_Up ? -1 : key == Qt::Key_Down ? 1 : 0;
        if (hasSelection && (mods & Qt::AltModifier)) // Alt: move the boxes; Alt+Shift: resize them
            m_view->nudgeSelected(dx, dy, mods & Qt::ShiftModifier);
        else if (hasSelection && !(mods & Qt::ControlModifier) && dx != 0) // the word before / after
            m_view->selectNextWord(dx, mods & Qt::ShiftModifier);
        else if (hasSelection && !(mods & (Qt::ControlModifier | Qt::ShiftModifier))) // the line above / below
            m_view->selectWordOnNextLine(dy);
        else
            panBy(m_view, dx * 60, dy * 60);
        event->accept();
        return true;
    }
    if (key == Qt::Key_Escape) {
        if (m_view->isDrawMode())
            m_view->setDrawMode(false);
        else
            m_view->scene()->clearSelection();
        event->accept();
        return true;
    }
    if (key == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        m_view->viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return true;
    }
    if (key == Qt::Key_H && (mods & Qt::ControlModifier)) { // held: the bare page
        if (!event->isAutoRepeat())
            m_view->setOverlaysHidden(true);
        event->accept();
        return true;
    }
    if (key == Qt::Key_Menu || (key == Qt::Key_F10 && mods == Qt::ShiftModifier)) {
        const QPoint centre = m_view->viewport()->rect().center();
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, centre, m_view->viewport()->mapToGlobal(centre));
        m_view->contextMenuEvent(&menu);
        event->accept();
        return true;
    }
    // Typing on the one selected word edits it, starting with the character typed: with no modifier
    // but Shift (AltGr gives Ctrl+Alt on some systems: a character it types counts too), every printable
    // character does, so a correction can never run a command.
    const QString text = event->text();
    const bool altGr = (mods & Qt::ControlModifier) && (mods & Qt::AltModifier);
    if ((!(mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) || altGr) && !text.isEmpty()
        && text.at(0).isPrint() && !text.at(0).isSpace() && m_view->selectedWords().size() == 1) {
        m_view->startTextEdit(text);
        event->accept();
        return true;
    }
    return false;
}

bool PageGestures::keyRelease(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_H || event->key() == Qt::Key_Control) && !event->isAutoRepeat()
        && m_view->overlaysHidden()) {
        m_view->setOverlaysHidden(false);
        event->accept();
        return true;
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        m_view->viewport()->setCursor(m_view->isDrawMode() ? Qt::CrossCursor : Qt::ArrowCursor);
        event->accept();
        return true;
    }
    return false;
}

} // namespace incidoc::ui
