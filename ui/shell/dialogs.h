#pragma once
// The shell's small dialogs: settings (QSettings through AppSettings; the OCR languages offered are
// those installed in Tesseract's tessdata folder; the open project's OCR engines), about (library
// versions and OCR engines) and
// the keyboard shortcut table (generated from the actions, so it is never out of date).
// GUI thread only. Show them with open(): no nested event loop.

#include "ui/shell/app_settings.h"

#include <QDialog>
#include <QList>

class QAction;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace incidoc::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    /// What the user chose (meaningful after accept).
    AppSettings settings() const;

    /// Connects to the workers as entered (on a worker thread: the dialog stays responsive) and shows
    /// what was found, or why not, below the button. Emits connectionTested when done.
    void testConnection();
    bool isTestingConnection() const { return m_testing; }

    /// The installed Tesseract languages (not osd), checkable, with readable names; item data: the code.
    QListWidget* ocrLanguageList() const { return m_languages; }
    /// The interface language: item data "system", "en", "fr" or "zh_CN".
    QComboBox* uiLanguageBox() const { return m_uiLanguage; }
    /// The open project's engines: item data "" (the profile decides), "tesseract", "ppocr",
    /// "tesseract+ppocr"; and its profile: "accurate", "fast". Enabled only with a writable project.
    QComboBox* engineBox() const { return m_engines; }
    QComboBox* profileBox() const { return m_profile; }
    /// One line per engine: name, version, availability (and why not), languages.
    QLabel* enginesLabel() const { return m_engineList; }
    /// Whether a writable project is open: its engine choice can be changed.
    void setProjectChoices(bool enabled);

Q_SIGNALS:
    /// A connection test ended: `ok` with the cluster's summary, otherwise the error shown.
    void connectionTested(bool ok, const QString& text);

private:
    /// The dialog's three groups, filled from `settings`.
    QGroupBox* makeProcessingGroup(const AppSettings& settings);
    QGroupBox* makeReviewGroup(const AppSettings& settings);
    QGroupBox* makeWorkersGroup(const AppSettings& settings);
    QGroupBox* makeEnginesGroup(const AppSettings& settings);
    void browseFor(QLineEdit* edit, const QString& title, const QString& filter);
    /// The checked OCR languages joined with "+": those of the settings first, in their order (the
    /// first is Tesseract's main language), then the newly checked ones in list order.
    QString checkedLanguages() const;

    AppSettings m_initial;
    QSpinBox* m_dpi;
    QComboBox* m_binarize;
    QListWidget* m_languages;
    QSpinBox* m_jobs;
    QSpinBox* m_threshold;
    QSpinBox* m_readableHeight;
    QSpinBox* m_overlayOpacity;
    QComboBox* m_theme;
    QComboBox* m_uiLanguage;
    QLineEdit* m_workers;
    QLineEdit* m_apiKeyFile;
    QLineEdit* m_tlsCaFile;
    QComboBox* m_fallback;
    QComboBox* m_engines;
    QComboBox* m_profile;
    QLabel* m_engineList;
    QLabel* m_projectNote;
    QPushButton* m_testButton;
    QLabel* m_testResult;
    bool m_testing = false;
};

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    /// "Qt 6.4.2, Poppler …, Tesseract …, Leptonica …, OpenCV …" as shown.
    static QString versionsText();
    /// The OCR engines, one line each: name, version, available or not (and why).
    static QString enginesText();
};

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    /// One row per action that has a shortcut: its menu text and every key sequence.
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace incidoc::ui
