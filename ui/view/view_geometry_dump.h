#pragma once
// A debugging aid for screenshot tests: once the shown page is rendered and its word boxes are built,
// writes where the boxes are on the screen to a text file, so a test that grabs the screen (under Xvfb)
// can check that the overlay is drawn where the words are. Enabled by the app when the environment
// variable INCIDOC_VIEW_GEOMETRY names the file.
//
// File format (text, one record per line):
//   colour R G B            the pen colour of an unlabelled, confident word box
//   viewport X Y W H        the page view's viewport, in screen pixels
//   view X Y W H            the page view itself (viewport, frame and scroll bars), in screen pixels
//   window X Y W H          the main window (without its frame), in screen pixels
//   word ID X Y W H LOW     a word box fully inside the viewport, in screen pixels; LOW 1: low confidence
//
// Thread contract: GUI thread only.

#include <QString>

#include <functional>

namespace incidoc::ui {

class PageView;
class ProjectSession;

/// Writes the file once, after the first page shown in `view` has both its render and its boxes (and
/// a short pause for them to be painted). Call it before a project is opened; `session` gives the open
/// project's session when the file is written.
void dumpViewGeometryWhenShown(PageView* view, std::function<ProjectSession*()> session, const QString& path);

} // namespace incidoc::ui
