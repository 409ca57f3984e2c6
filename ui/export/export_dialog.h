#pragma once
// "Export…": writes the open project as an annotated ZIP dataset (incidoc.bundle/1). The user picks the
// destination, the documents, reviewed pages only, the formats (page JSON is always in), the page images
// (binarized, original, none), visualizations and the number of jobs; Export runs the ExportController
// in the background with a progress bar per phase (items and bytes). Cancel stops it (nothing is left at
// the destination; an older file there stays as it was). Success shows the path and counts with a
// "Show in Folder" button; a failure shows the core's message. Beside the options, the checks before export
// (dangling links, unlabelled entities on reviewed pages, empty, duplicate, misplaced or tiny words) of the
// documents and pages chosen, read again when the choice changes.
//
// The dialog is modeless: annotators keep editing while it runs (the core reads a snapshot of the
// project on a connection of its own). It keeps only values from the session (path, documents), so the
// export goes on even if the project is closed meanwhile.
//
// Thread contract: GUI thread only. Show it with openFor() (show(), never exec(): no nested event loop).

#include "core/export/bundle_export.h"

#include <QDialog>
#include <QString>

#include <array>
#include <memory>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

class ExportController;
class ProjectSession;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// The formats a user can switch (page JSON is always written).
    enum class Format { Coco, LabelStudio, Hocr, Alto, Metrics, Funsd, PageXml, Records, Lines, Crops };

    /// Shows the export dialog of `session` (deleted when closed), or raises the one already open for
    /// it under `parent`. Returns the dialog; nullptr without a session.
    static ExportDialog* openFor(ProjectSession* session, std::shared_ptr<Workplace> workplace, QWidget* parent);

    /// `session` is read here only (path, documents). `workplace` renders the bundle's page images.
    ExportDialog(ProjectSession* session, std::shared_ptr<Workplace> workplace, QWidget* parent = nullptr);
    ~ExportDialog() override; ///< a running export is cancelled (and waited for) by the controller

    /// The options as the widgets say.
    ExportOptions options() const;
    /// The destination as typed, with ".zip" appended when it has no suffix; absolute.
    QString destination() const;
    bool isExporting() const;

    /// What the Export button does: validates the destination and starts the export.
    void startExport();
    /// What the Cancel button does.
    void cancelExport();
    /// Closing while an export runs cancels it; the dialog closes once the core has cleaned up.
    void reject() override;

    // --- parts, for tests -----------------------------------------------------------------------
    QLineEdit* destinationEdit() const { return m_destination; }
    QPushButton* browseButton() const { return m_browse; }
    QListWidget* documentList() const { return m_documents; }
    QCheckBox* reviewedOnlyBox() const { return m_reviewedOnly; }
    QCheckBox* pageJsonBox() const { return m_json; }
    QCheckBox* formatBox(Format format) const { return m_formats[static_cast<int>(format)]; }
    QRadioButton* imagesButton(ExportImages mode) const { return m_images[static_cast<int>(mode)]; }
    QCheckBox* visualizationsBox() const { return m_visualizations; }
    QCheckBox* redactBox() const { return m_redact; }
    QSpinBox* jobsBox() const { return m_jobs; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* closeButton() const { return m_close; }
    QPushButton* showInFolderButton() const { return m_showInFolder; }
    QProgressBar* phaseBar(ExportPhase phase) const { return m_phaseBars[static_cast<int>(phase)]; }
    QLabel* phaseLabel(ExportPhase phase) const { return m_phaseDetails[static_cast<int>(phase)]; }
    QLabel* summaryLabel() const { return m_summary; }
    /// The outcome shown under the progress: success with path and counts, the error, or "cancelled".
    QLabel* messageLabel() const { return m_message; }
    /// The checks before export of what is chosen: one line per finding, and their count.
    QListWidget* checksList() const { return m_checks; }
    QLabel* checksLabel() const { return m_checksSummary; }
    ExportController* controller() const { return m_controller; }
    /// The bundle written by the last successful export (empty otherwise).
    QString lastBundle() const { return m_lastBundle; }

Q_SIGNALS:
    /// The export ended (finished, failed or cancelled); the outcome is in messageLabel().
    void exportEnded();

private:
    void setUpOptions(ProjectSession* session);
    void setUpProgress();
    /// Reads the checks before export of the chosen documents and pages (a connection of its own).
    void updateChecks();
    void browse();
    void updateButtons();
    void updateDestinationNote();
    void setRunning(bool running);
    void resetProgress();
    void showProgress(const ExportProgress& progress);
    void onFinished(const ExportReport& report);
    void onFailed(const QString& message);
    void onCancelled();
    void showMessage(const QString& text, bool error);
    void showInFolder();
    void endExport();

    QString m_projectPath;
    ExportController* m_controller;
    QLineEdit* m_destination;
    QPushButton* m_browse;
    QLabel* m_destinationNote;
    QListWidget* m_documents;
    QCheckBox* m_reviewedOnly;
    QCheckBox* m_json;
    std::array<QCheckBox*, 10> m_formats{};
    std::array<QRadioButton*, 3> m_images{};
    QCheckBox* m_visualizations;
    QCheckBox* m_redact;
    QSpinBox* m_jobs;
    QGroupBox* m_optionsBox;
    QGroupBox* m_progressBox;
    std::array<QLabel*, kExportPhaseCount> m_phaseNames{};
    std::array<QProgressBar*, kExportPhaseCount> m_phaseBars{};
    std::array<QLabel*, kExportPhaseCount> m_phaseDetails{};
    QLabel* m_summary;
    QWidget* m_checksBox;
    QLabel* m_checksSummary;
    QListWidget* m_checks;
    QLabel* m_message;
    QPushButton* m_export;
    QPushButton* m_cancel;
    QPushButton* m_showInFolder;
    QPushButton* m_close;
    QString m_lastBundle;
    bool m_closeWhenStopped = false;
};

} // namespace incidoc::ui
