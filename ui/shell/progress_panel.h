#pragma once
// The progress dock: pages done / total, pages per second, pause / resume and cancel for the
// PipelineController. GUI thread only.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace incidoc::ui {

class PipelineController;

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget* parent = nullptr);
    /// Follows this controller (null: none).
    void setController(PipelineController* controller);

    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString text() const;

private:
    void update(int done, int total, double pagesPerSecond);
    void updateState();

    PipelineController* m_controller = nullptr;
    QProgressBar* m_bar;
    QLabel* m_label;
    QPushButton* m_pause;
    QPushButton* m_cancel;
};

} // namespace incidoc::ui
