#pragma once
// The app's settings (QSettings): processing options for new runs, OCR workers, review threshold, theme,
// interface language.
// Value type; load()/save() on the GUI thread.

#include "core/pipeline/pipeline.h"
#include "core/remote/remote_options.h"

#include <QString>

namespace incidoc::ui {

struct AppSettings {
    int dpi = 300;
    BinarizeMethod binarize = BinarizeMethod::AdaptiveGaussian;
    QString languages = QStringLiteral("eng");
    int jobs = 0;                             ///< 0: one per core
    int confidenceThreshold = 60;             ///< words below it are marked for review
    int readableWordHeight = 36;              ///< screen pixels a word is zoomed to when the queue shows it
    int overlayOpacity = 100;                 ///< percent: how opaque the word boxes are drawn
    QString theme = QStringLiteral("system"); ///< "light", "dark" or "system"
    /// Interface language: "system" (follow the system locale), "en", "fr" or "zh_CN"; read at start.
    QString uiLanguage = QStringLiteral("system");
    /// OCR workers ("HOST:PORT,..." or "dns:///NAME:PORT"); empty: OCR on this computer.
    QString workers;
    QString apiKeyFile;                        ///< file holding the workers' API key; empty: none
    QString tlsCaFile;                         ///< PEM CA of the workers' certificates; empty: no TLS
    QString fallback = QStringLiteral("stop"); ///< no worker reachable: "stop" (pages stay queued) or "local"
    /// The open project's OCR engine choice (its meta table, not QSettings; empty: the defaults):
    /// "tesseract", "ppocr" or "tesseract+ppocr", and "fast" or "accurate".
    QString ocrEngines, ocrProfile;

    static AppSettings load();
    void save() const;
    /// Options for the next pipeline run (the engines as they resolve on this computer: an unavailable
    /// PP-OCR falls back to Tesseract alone).
    PipelineOptions pipelineOptions() const;
    /// Why the engines used differ from the choice (translated), e.g. "PP-OCR is not available (…):
    /// Tesseract reads alone."; empty when they do not.
    QString engineNote() const;
    /// Options for connecting to the OCR workers (`workers` empty: OCR runs locally).
    RemoteOptions remoteOptions() const;
};

/// Applies "light", "dark" or "system" to the application palette.
void applyTheme(const QString& theme);

} // namespace incidoc::ui
