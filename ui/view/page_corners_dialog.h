#pragma once
// Page › Page Corners…: the original photo of an image page (upright, in colour, scaled to fit) with the
// page's four corners as the project holds them, to be dragged with the mouse or moved from the keyboard
// (Tab / Shift+Tab chooses a corner, the arrows move it one photo pixel, with Shift ten; Return accepts,
// Escape cancels). A magnifier shows the chosen corner's surroundings. The quadrilateral stays convex: a
// move that would fold it is refused. "Detect Again" asks the page detector (core/photo/page_detect.h);
// "Read As It Is" reads the image with no flattening. What comes out is a PhotoGeometry (geometry()):
// the corners planned into a flat page (core/photo/flatten.h), a person's (manual).
//
// Thread contract: GUI thread only.

#include "core/model/photo_geometry.h"

#include <QCoreApplication>
#include <QDialog>
#include <QImage>

#include <array>
#include <optional>

class QLabel;
class QPushButton;

namespace incidoc::ui {

class CornersCanvas;

class PageCornersDialog : public QDialog {
    Q_OBJECT
public:
    /// The photo at `path` (frame `number`, 1-based) with the page's geometry `current` (nullopt, NotPhoto
    /// or NoPage: the corners start at the image inset by 5 % on each side). Photos larger than the
    /// screen are shown downscaled; the corners are always in the photo's own pixels.
    PageCornersDialog(const QString& path, int number, const std::optional<PhotoGeometry>& current,
                      QWidget* parent = nullptr);

    /// Whether the photo could be read (when not, the dialog says why and offers only Cancel).
    bool hasPhoto() const { return !m_display.isNull(); }
    QSize photoSize() const { return m_photoSize; }
    /// The four corners now (photo pixels): top left, top right, bottom right, bottom left.
    const std::array<QPointF, 4>& corners() const { return m_corners; }
    /// The corner the keyboard moves (0..3).
    int currentCorner() const { return m_current; }
    void setCurrentCorner(int corner);
    /// Moves a corner to `to` (photo pixels, kept within reach of the photo). False, nothing moved, when
    /// the page would no longer be a convex quadrilateral.
    bool moveCorner(int corner, QPointF to);
    /// What the dialog gives once accepted: the corners as a flat page (Flattened, manual), or the image
    /// read as it is (NotPhoto, manual) after "Read As It Is".
    PhotoGeometry geometry() const;
    /// "Detect Again": the page detector's corners replace the quadrilateral; false (and a note in the
    /// dialog) when it found no page.
    bool detectAgain();
    /// "Read As It Is": accepts the dialog with no flattening.
    void readAsItIs();

    /// Whether four corners make a convex quadrilateral, clockwise on screen from the top left.
    static bool isConvex(const std::array<QPointF, 4>& corners);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    friend class CornersCanvas;
    void updateNote();

    QImage m_display;   ///< the photo upright, downscaled to at most kDisplayMax on its long side
    double m_scale = 1; ///< display pixels per photo pixel
    QSize m_photoSize;  ///< the photo upright, in its own pixels
    std::array<QPointF, 4> m_corners;
    int m_current = 0;
    bool m_asItIs = false;
    CornersCanvas* m_canvas = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_detect = nullptr;
    QPushButton* m_asIs = nullptr;
};

} // namespace incidoc::ui
