#pragma once
// The mouse and keyboard gestures of the page view: pan (middle button, or Space and drag), draw a box
// (draw mode: the region is read by OCR and becomes a word), resize the one selected box by a corner
// handle, move selected words (the scene drags them; their new boxes are stored on release), a rubber
// band (also when it starts on a word that is not selected: that word is not moved), Shift-click to add
// to the selection, hover (the word under the mouse), and the keys: arrows select the word before, after,
// above or below (Shift extends, Alt moves the boxes, Alt+Shift resizes, Ctrl pans), Escape, Ctrl+H held
// hides the boxes, the Menu key opens the words' menu, and typing edits the selected word.
//
// Thread contract: GUI thread only. Belongs to a PageView, whose event handlers ask it first: a handler
// that returns true took the event, else the view passes it on to QGraphicsView.

#include "core/model/records.h"

#include <QObject>
#include <QPoint>
#include <QPointF>

class QGraphicsRectItem;
class QKeyEvent;
class QMouseEvent;

namespace incidoc::ui {

class PageView;

class PageGestures : public QObject {
    Q_OBJECT
public:
    explicit PageGestures(PageView* view);

    bool mousePress(QMouseEvent* event);
    /// False: the view passes the move to the scene, then calls hover().
    bool mouseMove(QMouseEvent* event);
    /// Tells who is under the mouse while no button is held (status bar).
    void hover(QMouseEvent* event);
    /// False: the view passes the release to the scene, then calls afterSceneRelease().
    bool mouseRelease(QMouseEvent* event);
    /// Stores the boxes of the words the scene dragged (or puts them back after a mere click).
    void afterSceneRelease(QMouseEvent* event);
    bool keyPress(QKeyEvent* event);
    bool keyRelease(QKeyEvent* event);

    bool isSpaceHeld() const { return m_spaceHeld; }

private:
    enum class Gesture { None, Pan, Draw, Resize, Move, Band };

    void startDraw();
    void resizeTo(const QPoint& pos);

    PageView* m_view;
    Gesture m_gesture = Gesture::None;
    Gesture m_released = Gesture::None; ///< the gesture the last release ended
    QPoint m_pressPos, m_lastPos;
    QPointF m_drawStart;
    QGraphicsRectItem* m_drawRect = nullptr; ///< the box being drawn (a scene item, made on first use)
    QGraphicsRectItem* m_bandRect = nullptr; ///< a rubber band that started on a word not selected
    WordId m_bandWord = 0;                   ///< the word it started on (selected by a mere click)
    int m_resizeCorner = -1;
    PixelBox m_resizeOriginal;
    QPointF m_resizeOffset; ///< from the mouse to the corner being dragged (scene)
    bool m_spaceHeld = false;
    WordId m_hovered = -1;
};

} // namespace incidoc::ui
