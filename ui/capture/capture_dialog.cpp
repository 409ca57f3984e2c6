#include "ui/capture/capture_dialog.h"

#include "ui/capture/capture_view.h"
#include "ui/controllers/pipeline_controller.h"
#include "ui/project_session.h"

#include <QCamera>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QPushButton>
#include <QShortcut>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoSink>

namespace incidoc::ui {

CaptureDialog::CaptureDialog(ProjectSession* session, PipelineController* pipeline, QWidget* parent)
    : QDialog(parent), m_session(session), m_pipeline(pipeline), m_pump(new FramePump(CaptureOptions{}, this)),
      m_devices(new QMediaDevices(this)), m_captureSession(new QMediaCaptureSession(this)),
      m_timings(qEnvironmentVariableIsSet("INCIDOC_CAPTURE_TIMINGS"))
{
    setObjectName(QStringLiteral("captureDialog"));
    setWindowTitle(tr("Capture"));
    setAttribute(Qt::WA_DeleteOnClose);
    buildUi();
    m_captureSession->setVideoSink(m_pump->sink());
    connect(m_pump, &FramePump::frameReady, m_view, &CaptureView::setFrame);
    connect(m_pump, &FramePump::frameReady, this, [this] {
        if (!m_captureButton->isEnabled())
            updateButtons(); // the first frame: there is something to capture
    });
    connect(m_pump, &FramePump::analysed, this, &CaptureDialog::onAnalysed);
    connect(m_pump, &FramePump::captureCalled, this, [this](const QImage& frame, const FrameVerdict&) {
        if (m_timings)
            qInfo("capture-timing called %lld", QDateTime::currentMSecsSinceEpoch());
        capture(frame);
    });
    connect(m_view, &CaptureView::resized, m_pump, &FramePump::setDisplaySize);
    connect(m_devices, &QMediaDevices::videoInputsChanged, this, &CaptureDialog::refreshCameras);
    refreshCameras();
    updateStatus();
    resize(900, 640);
}

CaptureDialog::~CaptureDialog()
{
    stopSources();
}

CaptureDialog* CaptureDialog::openFor(ProjectSession* session, PipelineController* pipeline, QWidget* parent)
{
    auto* d = parent ? parent->findChild<CaptureDialog*>() : nullptr;
    if (!d) {
        d = new CaptureDialog(session, pipeline, parent);
        d->show();
        if (!QMediaDevices::videoInputs().isEmpty())
            d->startCamera();
    } else {
        d->show();
    }
    d->raise();
    d->activateWindow();
    return d;
}

void CaptureDialog::buildUi()
{
    m_view = new CaptureView(this);
    m_view->setObjectName(QStringLiteral("captureView"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("captureStatus"));
    m_status->setTextInteractionFlags(Qt::NoTextInteraction);

    m_cameras = new QComboBox(this);
    m_cameras->setToolTip(tr("The camera to capture from"));
    m_cameraButton = new QPushButton(tr("Start &Camera"), this);
    m_cameraButton->setToolTip(tr("Shows what the chosen camera sees; pages held still are captured by themselves"));
    m_fileButton = new QPushButton(tr("From &Video File…"), this);
    m_fileButton->setObjectName(QStringLiteral("captureFromFile"));
    m_fileButton->setToolTip(tr("Plays a video file through the same capture, as if it were a camera"));
    m_captureButton = new QPushButton(tr("Ca&pture"), this);
    m_captureButton->setObjectName(QStringLiteral("captureNow"));
    m_captureButton->setToolTip(tr("Takes the frame on screen as the next page now (Space)"));
    m_undoButton = new QPushButton(tr("&Undo Last Capture"), this);
    m_undoButton->setObjectName(QStringLiteral("undoCapture"));
    m_undoButton->setToolTip(tr("Takes the last captured page back out of the project (Ctrl+Z); again for the "
                                "one before"));
    auto* close = new QPushButton(tr("Close"), this);
    close->setToolTip(tr("Stops capturing; the pages captured stay in the project"));
    // Space and Enter must not press whichever button has the focus (Undo, say): the buttons take no focus.
    for (QPushButton* b : {m_cameraButton, m_fileButton, m_captureButton, m_undoButton, close}) {
        b->setAutoDefault(false);
        b->setFocusPolicy(Qt::NoFocus);
    }
    connect(m_cameraButton, &QPushButton::clicked, this, [this] { startCamera(); });
    connect(m_fileButton, &QPushButton::clicked, this, &CaptureDialog::chooseFile);
    connect(m_captureButton, &QPushButton::clicked, this, [this] { captureNow(); });
    connect(m_undoButton, &QPushButton::clicked, this, [this] { undoLastCapture(); });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    // The window holds no text to type in: Space and Ctrl+Z are its own, and do not reach the main window.
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    connect(space, &QShortcut::activated, this, [this] { captureNow(); });
    auto* undo = new QShortcut(QKeySequence::Undo, this);
    connect(undo, &QShortcut::activated, this, [this] { undoLastCapture(); });

    auto* sources = new QHBoxLayout;
    sources->addWidget(m_cameras, 1);
    sources->addWidget(m_cameraButton);
    sources->addWidget(m_fileButton);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_captureButton);
    actions->addWidget(m_undoButton);
    actions->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sources);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    setFocusPolicy(Qt::StrongFocus);
}

QString CaptureDialog::noCameraMessage()
{
    return tr("No camera found. Connect a camera and it appears here, or capture from a video file "
              "(From Video File…).");
}

void CaptureDialog::refreshCameras()
{
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    const QString chosen = m_cameras->currentData().toString();
    m_cameras->clear();
    for (const QCameraDevice& d : inputs)
        m_cameras->addItem(d.description(), QString::fromUtf8(d.id()));
    if (const int i = m_cameras->findData(chosen); i >= 0)
        m_cameras->setCurrentIndex(i);
    if (inputs.isEmpty())
        m_cameras->addItem(tr("No camera"));
    m_cameras->setEnabled(!inputs.isEmpty());
    m_cameraButton->setEnabled(!inputs.isEmpty());
    // The camera in use went away: say so; the pages captured are in the project already.
    if (m_camera && !inputs.contains(m_cameraDevice)) {
        const QString name = m_cameraDevice.description();
        stopSources();
        showMessage(tr("The camera “%1” was disconnected. The %n page(s) captured are kept; connect it again and "
                       "press Start Camera, or capture from a video file.",
                       nullptr, captureCount())
                        .arg(name));
    } else if (inputs.isEmpty() && !m_playing) {
        showMessage(noCameraMessage(), true);
    } else if (!inputs.isEmpty() && !m_camera && !m_playing && m_view->message() == noCameraMessage()) {
        showMessage(tr("A camera is connected: press Start Camera."));
    }
    updateButtons();
}

bool CaptureDialog::startCamera()
{
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    if (inputs.isEmpty()) {
        showMessage(noCameraMessage(), true);
        return false;
    }
    QCameraDevice device = inputs.front();
    const QString wanted = m_cameras->currentData().toString();
    for (const QCameraDevice& d : inputs)
        if (QString::fromUtf8(d.id()) == wanted)
            device = d;
    stopSources();
    m_pump->reset();
    m_cameraDevice = device;
    m_camera = new QCamera(device, this);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString& text) {
        if (error == QCamera::NoError)
            return;
        const QString name = m_cameraDevice.description();
        stopSources();
        showMessage(tr("The camera “%1” stopped: %2. The %n page(s) captured are kept.", nullptr, captureCount())
                        .arg(name, text));
    });
    m_captureSession->setCamera(m_camera);
    m_camera->start();
    showMessage({});
    updateButtons();
    return true;
}

void CaptureDialog::chooseFile()
{
    auto* d = new QFileDialog(this, tr("Capture from Video File"));
    d->setObjectName(QStringLiteral("captureFileDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::ExistingFile);
    d->setNameFilters({tr("Videos (*.mp4 *.mkv *.webm *.avi *.mov *.m4v *.mpg *.mpeg *.ogv)"), tr("All files (*)")});
    connect(d, &QFileDialog::fileSelected, this, &CaptureDialog::playFile);
    d->open();
}

void CaptureDialog::playFile(const QString& path)
{
    stopSources();
    m_pump->reset();
    m_file = path;
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo(path).isFile()) {
        showMessage(tr("%1 cannot be found.").arg(QDir::toNativeSeparators(path)), true);
        return;
    }
    m_player = new QMediaPlayer(this);
    m_player->setVideoOutput(m_pump->sink());
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this, name](QMediaPlayer::Error error, const QString& text) {
        if (error == QMediaPlayer::NoError)
            return;
        stopSources();
        showMessage(tr("%1 cannot be played: %2. The %n page(s) captured are kept.", nullptr, captureCount())
                        .arg(name, text.isEmpty() ? tr("not a video this computer can read") : text),
                    true);
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this, name](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::InvalidMedia) {
            stopSources();
            showMessage(tr("%1 cannot be played: not a video this computer can read.").arg(name), true);
        } else if ((status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia) && m_player
                   && !m_player->hasVideo()) {
            stopSources();
            showMessage(tr("%1 has no video stream (sound only?): there is nothing to capture from.").arg(name), true);
        } else if (status == QMediaPlayer::EndOfMedia) {
            m_playing = false;
            m_view->setDetection({}, false);
            showMessage(tr("End of %1: %n page(s) captured so far.", nullptr, captureCount()).arg(name));
            updateButtons();
            Q_EMIT fileFinished();
        }
    });
    m_playing = true;
    showMessage({});
    setWindowTitle(tr("Capture — %1").arg(name));
    // A file that cannot be opened fails inside setSource (errorOccurred, the player stopped and gone).
    QMediaPlayer* player = m_player;
    player->setSource(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
    if (m_player == player)
        player->play();
    updateButtons();
}

void CaptureDialog::stop()
{
    stopSources();
    updateButtons();
}

void CaptureDialog::stopSources()
{
    if (m_camera) {
        m_captureSession->setCamera(nullptr);
        m_camera->disconnect(this);
        m_camera->stop();
        m_camera->deleteLater();
        m_camera = nullptr;
    }
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
        m_player->setVideoOutput(static_cast<QObject*>(nullptr));
        m_player->deleteLater();
        m_player = nullptr;
    }
    m_playing = false;
    m_view->setDetection({}, false); // the outline belonged to the stream that stopped
}

void CaptureDialog::showMessage(const QString& message, bool clearFrame)
{
    if (clearFrame) { // what is no longer on screen cannot be captured
        m_pump->reset();
        m_hasVerdict = false;
    }
    m_view->setMessage(message, clearFrame);
    updateButtons();
    if (!message.isEmpty())
        Q_EMIT messageShown(message);
    updateStatus();
}

void CaptureDialog::onAnalysed(const FrameVerdict& verdict, const QSize&)
{
    m_lastVerdict = verdict;
    m_hasVerdict = true;
    m_view->setDetection(verdict.page, verdict.steady);
    updateStatus();
}

bool CaptureDialog::captureNow()
{
    if (!m_pump->hasFrame())
        return false;
    const QImage frame = m_pump->currentFrame();
    if (frame.isNull())
        return false;
    m_pump->markCaptured(); // this steady period is taken: no automatic capture of it as well
    return capture(frame);
}

bool CaptureDialog::capture(const QImage& frame)
{
    if (!m_session || m_session->isReadOnly())
        return false;
    if (!m_document)
        m_document = std::make_unique<CaptureDocument>(m_session->store(), m_session->path());
    auto page = m_document->append(frame);
    if (!page) {
        showMessage(tr("The capture could not be saved: %1").arg(page.error().message));
        return false;
    }
    if (m_timings)
        qInfo("capture-timing written %lld page %lld", QDateTime::currentMSecsSinceEpoch(),
              static_cast<long long>(*page));
    m_view->flash();
    m_session->notifyDocumentsChanged();
    if (m_pipeline)
        m_pipeline->reprocessPage(*page); // processed first, as the page the user is waiting for
    updateStatus();
    updateButtons();
    Q_EMIT captured(*page, m_document->documentId());
    return true;
}

bool CaptureDialog::undoLastCapture()
{
    if (!m_document || m_document->pageCount() == 0)
        return false;
    const Status undone = m_document->undoLast();
    if (!undone) {
        showMessage(tr("The last capture could not be taken back: %1").arg(undone.error().message));
        return false;
    }
    m_session->notifyDocumentsChanged();
    updateStatus();
    updateButtons();
    Q_EMIT captureUndone(m_document->pageCount() > 0 ? m_document->documentId() : 0);
    return true;
}

int CaptureDialog::captureCount() const
{
    return m_document ? m_document->pageCount() : 0;
}

DocumentId CaptureDialog::documentId() const
{
    return m_document ? m_document->documentId() : 0;
}

QString CaptureDialog::statusText() const
{
    return m_status->text();
}

QString CaptureDialog::message() const
{
    return m_view->message();
}

int CaptureDialog::framesPainted() const
{
    return m_view->framesPainted();
}

void CaptureDialog::updateStatus()
{
    QStringList parts;
    if (m_hasVerdict && (m_camera || m_playing)) {
        const FrameVerdict& v = m_lastVerdict;
        if (!v.page.found) {
            parts << tr("No page in view");
        } else {
            QStringList page{tr("Page found"), v.still ? tr("steady") : tr("moving"),
                             v.sharp ? tr("sharp") : tr("blurred")};
            if (v.captured)
                page << tr("captured: bring the next page");
            parts << page.join(QStringLiteral(" · "));
        }
    }
    parts << tr("%n capture(s)", nullptr, captureCount());
    m_status->setText(parts.join(QStringLiteral(" — ")));
}

void CaptureDialog::updateButtons()
{
    m_captureButton->setEnabled(m_pump->hasFrame() && m_session && !m_session->isReadOnly());
    m_undoButton->setEnabled(captureCount() > 0);
}

void CaptureDialog::closeEvent(QCloseEvent* event)
{
    stopSources();
    QDialog::closeEvent(event);
}

} // namespace incidoc::ui
