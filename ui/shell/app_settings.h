#pragma once
// The app's settings (QSettings): processing options for new runs, review threshold, theme.
// Value type; load()/save() on the GUI thread.

#include "core/pipeline/pipeline.h"

#include <QString>

namespace incidoc::ui {

struct AppSettings {
    int dpi = 300;
    BinarizeMethod binarize = BinarizeMethod::AdaptiveGaussian;
    QString languages = QStringLiteral("eng");
    int jobs = 0;                 ///< 0: one per core
    int confidenceThreshold = 60; ///< words below it are marked for review
    QString theme = QStringLiteral("system"); ///< "light", "dark" or "system"

    static AppSettings load();
    void save() const;
    /// Options for the next pipeline run.
    PipelineOptions pipelineOptions() const;
};

/// Applies "light", "dark" or "system" to the application palette.
void applyTheme(const QString& theme);

} // namespace incidoc::ui
