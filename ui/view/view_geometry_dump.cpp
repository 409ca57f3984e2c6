#include "ui/view/view_geometry_dump.h"

#include "ui/project_session.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace incidoc::ui {
namespace {

void writeGeometry(PageView* view, ProjectSession* session, const QString& path)
{
    QSaveFile file(path); // written whole or not at all: the test polls for it
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return;
    QTextStream out(&file);
    const QColor c = OverlayStyle().defaultColor;
    out << "colour " << c.red() << ' ' << c.green() << ' ' << c.blue() << '\n';
    QWidget* vp = view->viewport();
    const QPoint origin = vp->mapToGlobal(QPoint(0, 0));
    out << "viewport " << origin.x() << ' ' << origin.y() << ' ' << vp->width() << ' ' << vp->height() << '\n';
    const QPoint viewOrigin = view->mapToGlobal(QPoint(0, 0));
    out << "view " << viewOrigin.x() << ' ' << viewOrigin.y() << ' ' << view->width() << ' ' << view->height() << '\n';
    const QRect window = view->window()->geometry();
    out << "window " << window.x() << ' ' << window.y() << ' ' << window.width() << ' ' << window.height() << '\n';
    for (const WordRecord& w : session->words(view->pageId())) {
        const WordItem* item = view->wordItem(w.id);
        if (!item)
            continue;
        const QRect r = view->mapFromScene(item->sceneBox()).boundingRect();
        if (!vp->rect().contains(r))
            continue;
        const QRect g(vp->mapToGlobal(r.topLeft()), r.size());
        out << "word " << w.id << ' ' << g.x() << ' ' << g.y() << ' ' << g.width() << ' ' << g.height() << ' '
            << (item->isLowConfidence() ? 1 : 0) << '\n';
    }
    out.flush();
    file.commit();
}

} // namespace

void dumpViewGeometryWhenShown(PageView* view, std::function<ProjectSession*()> session, const QString& path)
{
    struct State {
        bool rendered = false, built = false, written = false;
    };
    auto state = std::make_shared<State>();
    QPointer<PageView> guard(view);
    auto maybeWrite = [guard, session, path, state] {
        if (!guard || state->written || !state->rendered || !state->built)
            return;
        state->written = true;
        QTimer::singleShot(800, guard, [guard, session, path] { // let the boxes be painted first
            if (guard && session())
                writeGeometry(guard, session(), path);
        });
    };
    QObject::connect(view, &PageView::pageRendered, view, [state, maybeWrite](PageId, int) {
        state->rendered = true;
        maybeWrite();
    });
    QObject::connect(view, &PageView::overlayBuilt, view, [state, maybeWrite](PageId, int words) {
        state->built = state->built || words > 0;
        maybeWrite();
    });
}

} // namespace incidoc::ui
