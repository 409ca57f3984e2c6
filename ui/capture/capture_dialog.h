#pragma once
// File › Capture…: the capture window. A live view of a camera, or of a video file played at its own pace
// (From Video File…, the same frame path, so capture can be tried and tested without a camera), with the
// page the analyser finds outlined and a status line (page found, steady, sharp, captures so far). A capture
// is taken by itself once the page is held still and sharp (the analyser calls for it), or by hand (Space,
// Capture); each one becomes the next page of this session's capture document and is processed like any
// import. Undo Last Capture (Ctrl+Z) takes pages back one by one, down to none.
//
// Bad input never loses a capture: no camera, a camera that goes away, a file that cannot be played or has no
// video stream each give a message in the view; the pages captured so far stay in the project.
//
// INCIDOC_CAPTURE_TIMINGS (set, any value) logs when the analyser calls for a capture and when its page is written
// ("capture-timing called|written <ms since the epoch>"); tests/bench/bench_capture_view measures the rest.
//
// Thread contract: GUI thread only. Non-modal; the session and pipeline must outlive it (the main window
// closes it with the project).

#include "core/capture/capture_document.h"
#include "ui/capture/frame_pump.h"

#include <QCameraDevice>
#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <memory>

class QCamera;
class QComboBox;
class QLabel;
class QMediaCaptureSession;
class QMediaDevices;
class QMediaPlayer;
class QPushButton;

namespace incidoc::ui {

class CaptureView;
class PipelineController;
class ProjectSession;

class CaptureDialog : public QDialog {
    Q_OBJECT
public:
    /// `pipeline` may be null (pages then wait, queued, for the next run).
    CaptureDialog(ProjectSession* session, PipelineController* pipeline, QWidget* parent = nullptr);
    ~CaptureDialog() override;

    /// The capture window of `parent` (made and shown if there is none yet), raised.
    static CaptureDialog* openFor(ProjectSession* session, PipelineController* pipeline, QWidget* parent);

    /// Starts the camera chosen in the window (the first one); false, and a message, when there is none.
    bool startCamera();
    /// Plays a video file into the same frame path; its errors come as messages in the window.
    void playFile(const QString& path);
    /// Asks for a video file (a non-modal file dialog), then plays it.
    void chooseFile();
    /// Stops the camera or the file (the captures stay).
    void stop();

    /// Takes the frame on screen as the next page (Space). False when there is no frame or the write failed.
    bool captureNow();
    /// Takes back the last page captured in this window (Ctrl+Z). False when there is none.
    bool undoLastCapture();

    int captureCount() const;
    DocumentId documentId() const;
    QString statusText() const;
    /// The message shown in the view (empty: none).
    QString message() const;
    FramePumpStats frameStats() const { return m_pump->stats(); }
    /// Frames painted in the view since it opened.
    int framesPainted() const;
    /// Whether a file is playing (or paused at its end).
    bool isPlayingFile() const { return m_playing; }

Q_SIGNALS:
    /// A capture became page `page` of `document` (queued for processing).
    void captured(incidoc::PageId page, incidoc::DocumentId document);
    /// The last capture was taken back (`document` 0: the document went with its last page).
    void captureUndone(incidoc::DocumentId document);
    /// A video file reached its end.
    void fileFinished();
    /// A message appeared in the view (no camera, an error, the end of a file).
    void messageShown(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    static QString noCameraMessage();
    void buildUi();
    void refreshCameras();
    void showMessage(const QString& message, bool clearFrame = false);
    void onAnalysed(const FrameVerdict& verdict, const QSize& frameSize);
    bool capture(const QImage& frame);
    void updateStatus();
    void updateButtons();
    void stopSources();

    ProjectSession* m_session;
    QPointer<PipelineController> m_pipeline;
    FramePump* m_pump;
    CaptureView* m_view;
    QLabel* m_status;
    QComboBox* m_cameras;
    QPushButton* m_cameraButton;
    QPushButton* m_captureButton;
    QPushButton* m_undoButton;
    QPushButton* m_fileButton;
    QMediaDevices* m_devices;
    QMediaCaptureSession* m_captureSession;
    QCamera* m_camera = nullptr;
    QCameraDevice m_cameraDevice;
    QMediaPlayer* m_player = nullptr;
    QString m_file;
    bool m_playing = false;
    std::unique_ptr<CaptureDocument> m_document;
    FrameVerdict m_lastVerdict;
    bool m_hasVerdict = false;
    bool m_timings = false; // INCIDOC_CAPTURE_TIMINGS: log when captures are called and written
};

} // namespace incidoc::ui
