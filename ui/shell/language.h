#pragma once
// The interface language: which translations Incidoc ships, where their .qm files are, and installing
// Qt's and Incidoc's translators for the language chosen in Settings (or the system's). Also readable
// names for Tesseract's language codes, for the OCR language lists.
// GUI (main) thread only: translators are installed on the application object.

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace incidoc::ui {

/// A language the interface is translated into: its code ("en", "fr", "zh_CN") and its own name.
struct UiLanguage {
    QString code;
    QString nativeName;
};

/// The languages of the interface, English (the source language) first.
QList<UiLanguage> uiLanguages();

/// The folders searched for incidoc_<code>.qm, in order: $INCIDOC_TRANSLATIONS_DIR, the build tree's
/// translations folder (bin/../translations) and the installed one (bin/../share/incidoc/translations).
QStringList translationDirs();

/// The shipped language to use for `choice`: "fr", "zh_CN" or "en". "system" (or anything unknown)
/// follows `system`'s UI languages in order; English, C and POSIX stop the search (no translation).
QString resolveUiLanguage(const QString& choice, const QLocale& system = QLocale::system());

/// Installs Qt's own translations (qtbase, from Qt's translations folder) and Incidoc's for `choice`
/// ("system", "en", "fr", "zh_CN"), replacing those an earlier call installed. Returns the language now
/// in use ("en": no translator). Call before the windows are made: they are not retranslated.
QString installTranslations(QCoreApplication& app, const QString& choice);

/// The same for the language chosen in Settings (AppSettings::uiLanguage; "system" by default).
QString installTranslations(QCoreApplication& app);

/// "French (fra)": a readable, translated name for a Tesseract language code ("chi_sim", "deu_frak").
QString tesseractLanguageName(const QString& code);

} // namespace incidoc::ui
