#pragma once
// The capture window's live view: the latest frame fitted in the widget, the page the analyser found
// outlined on it (amber while it moves, green once steady), a flash and a tick when a capture is taken,
// and a message in place of the picture when there is nothing to show (no camera, a file that cannot be
// played).
//
// Thread contract: GUI thread only.

#include "core/photo/page_detect.h"

#include <QElapsedTimer>
#include <QImage>
#include <QWidget>

class QTimer;

namespace incidoc::ui {

class CaptureView : public QWidget {
    Q_OBJECT
public:
    explicit CaptureView(QWidget* parent = nullptr);

    /// The frame to show (already scaled for the view), and its size as shot (the outline's coordinates).
    void setFrame(const QImage& image, const QSize& frameSize);
    /// The page found in the frame (corners in the frame's pixels); `steady`: held still and sharp.
    void setDetection(const PageDetection& page, bool steady);
    /// Shows a capture was taken: a brief flash and a tick.
    void flash();
    /// A message shown over the view (empty: none); `clearFrame`: the picture goes too.
    void setMessage(const QString& message, bool clearFrame = false);
    QString message() const { return m_message; }
    /// Frames shown since the view was created (painted, not just received).
    int framesPainted() const { return m_painted; }

Q_SIGNALS:
    void resized(const QSize& size);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF imageRect() const;

    QImage m_image;
    QSize m_frameSize;
    PageDetection m_page;
    bool m_steady = false;
    QString m_message;
    QElapsedTimer m_flash; // running while the flash fades
    QTimer* m_flashTimer;
    int m_painted = 0;
    bool m_newFrame = false;
};

} // namespace incidoc::ui
