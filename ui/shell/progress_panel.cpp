#include "ui/shell/progress_panel.h"

#include "ui/controllers/pipeline_controller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace incidoc::ui {

ProgressPanel::ProgressPanel(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_label(new QLabel(this)), m_pause(new QPushButton(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Stop starting new pages; resume later"));
    m_cancel->setToolTip(tr("Stop processing; unprocessed pages stay queued in the project"));
    update(0, 0, 0);
    updateState();
}

void ProgressPanel::setController(PipelineController* controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    disconnect(m_pause, nullptr, nullptr, nullptr);
    disconnect(m_cancel, nullptr, nullptr, nullptr);
    m_controller = controller;
    if (controller) {
        connect(controller, &PipelineController::progressChanged, this, &ProgressPanel::update);
        connect(controller, &PipelineController::stateChanged, this, &ProgressPanel::updateState);
        connect(controller, &QObject::destroyed, this, [this] {
            m_controller = nullptr;
            updateState();
        });
        connect(m_pause, &QPushButton::clicked, controller, [controller] {
            if (controller->state() == PipelineController::State::Paused)
                controller->resume();
            else
                controller->pause();
        });
        connect(m_cancel, &QPushButton::clicked, controller, &PipelineController::cancel);
        update(controller->pagesDone(), controller->pagesTotal(), controller->pagesPerSecond());
    } else {
        update(0, 0, 0);
    }
    updateState();
}

QString ProgressPanel::text() const
{
    return m_label->text();
}

void ProgressPanel::update(int done, int total, double pagesPerSecond)
{
    m_bar->setRange(0, std::max(total, 1));
    m_bar->setValue(total ? done : 0);
    if (total == 0)
        m_label->setText(tr("Nothing to process"));
    else
        m_label->setText(tr("%1 / %2 pages · %3 pages/s").arg(done).arg(total).arg(pagesPerSecond, 0, 'f', 2));
}

void ProgressPanel::updateState()
{
    const auto state = m_controller ? m_controller->state() : PipelineController::State::Idle;
    m_pause->setEnabled(state != PipelineController::State::Idle);
    m_cancel->setEnabled(state != PipelineController::State::Idle);
    m_pause->setText(state == PipelineController::State::Paused ? tr("Resume") : tr("Pause"));
}

} // namespace incidoc::ui
