#include "ui/shell/language.h"

#include "ui/shell/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace incidoc::ui {
namespace {

/// The translators installed by installTranslations(), so that a second call replaces them.
QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

// The Tesseract languages most likely met in incident documents, named in the interface's language;
// the rest get Qt's English name (QLocale knows the ISO 639-2 codes Tesseract uses).
struct NamedCode {
    const char* code;
    const char* name;
};
constexpr NamedCode kTesseractNames[] = {
    {"eng", QT_TRANSLATE_NOOP("incidoc::ui::Language", "English")},
    {"fra", QT_TRANSLATE_NOOP("incidoc::ui::Language", "French")},
    {"deu", QT_TRANSLATE_NOOP("incidoc::ui::Language", "German")},
    {"spa", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Spanish")},
    {"ita", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Italian")},
    {"por", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Portuguese")},
    {"nld", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Dutch")},
    {"pol", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Polish")},
    {"rus", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Russian")},
    {"ukr", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Ukrainian")},
    {"tur", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Turkish")},
    {"ara", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Arabic")},
    {"heb", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Hebrew")},
    {"hin", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Hindi")},
    {"chi_sim", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Chinese (Simplified)")},
    {"chi_tra", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Chinese (Traditional)")},
    {"jpn", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Japanese")},
    {"kor", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Korean")},
    {"vie", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Vietnamese")},
    {"osd", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Orientation and script detection")},
    {"equ", QT_TRANSLATE_NOOP("incidoc::ui::Language", "Math equations")},
};

} // namespace

QList<UiLanguage> uiLanguages()
{
    // Each in its own language: whoever cannot read the current one still finds theirs.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QStringList translationDirs()
{
    QStringList dirs;
    if (const QString env = qEnvironmentVariable("INCIDOC_TRANSLATIONS_DIR"); !env.isEmpty())
        dirs << env;
    // Relative to the executable, so that the build tree and any install prefix work without a
    // compiled-in path: build/bin/../translations, PREFIX/bin/../share/incidoc/translations.
    const QDir bin(QCoreApplication::applicationDirPath());
    dirs << QDir::cleanPath(bin.filePath(QStringLiteral("../translations")))
         << QDir::cleanPath(bin.filePath(QStringLiteral("../share/incidoc/translations")));
    return dirs;
}

QString resolveUiLanguage(const QString& choice, const QLocale& system)
{
    for (const UiLanguage& l : uiLanguages())
        if (choice == l.code)
            return l.code;
    // The system's languages in order of preference (LANGUAGE, then LC_ALL / LC_MESSAGES / LANG).
    bool chineseRejected = false;
    for (const QString& name : system.uiLanguages()) {
        if (name == QLatin1String("C") || name == QLatin1String("POSIX"))
            return QStringLiteral("en");
        const QLocale l(name);
        switch (l.language()) {
        case QLocale::C:
        case QLocale::English: return QStringLiteral("en"); // the source language: nothing to load
        case QLocale::French: return QStringLiteral("fr");
        case QLocale::Chinese:
            // Traditional-script readers get English rather than a script they may not read; a later
            // bare "zh" in the same list must not bring Simplified back.
            if (!chineseRejected && l.script() == QLocale::SimplifiedHanScript)
                return QStringLiteral("zh_CN");
            chineseRejected = true;
            break;
        default: break; // not translated: try the next preference
        }
    }
    return QStringLiteral("en");
}

QString installTranslations(QCoreApplication& app, const QString& choice)
{
    for (const QPointer<QTranslator>& t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();

    const QString code = resolveUiLanguage(choice);
    if (code == QLatin1String("en"))
        return code;
    const QLocale locale(code);
    // Qt's own strings (standard buttons, file dialogs, the command line parser) from Qt's translations.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
    } else {
        delete qt;
    }
    auto* own = new QTranslator(&app);
    for (const QString& dir : translationDirs()) {
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("incidoc_%1.qm").arg(code)))
            && own->load(QStringLiteral("incidoc_%1").arg(code), dir)) {
            QCoreApplication::installTranslator(own);
            installed() << own;
            return code;
        }
    }
    delete own;
    qWarning("Incidoc: no translation for %s found in %s", qPrintable(code),
             qPrintable(translationDirs().join(QStringLiteral(", "))));
    return installed().isEmpty() ? QStringLiteral("en") : code;
}

QString installTranslations(QCoreApplication& app)
{
    return installTranslations(app, AppSettings::load().uiLanguage);
}

QString tesseractLanguageName(const QString& code)
{
    // "chi_sim_vert", "deu_frak", "script/Latin": the base code names the language.
    QString base = code;
    QString variant;
    if (code.endsWith(QLatin1String("_vert"))) {
        base.chop(5);
        variant = QCoreApplication::translate("incidoc::ui::Language", "vertical");
    } else if (code.endsWith(QLatin1String("_frak")) || code == QLatin1String("frk")) {
        base = code == QLatin1String("frk") ? QStringLiteral("deu") : code.left(code.size() - 5);
        variant = QCoreApplication::translate("incidoc::ui::Language", "Fraktur");
    } else if (code.endsWith(QLatin1String("_old"))) {
        base.chop(4);
        variant = QCoreApplication::translate("incidoc::ui::Language", "historic");
    }
    QString name;
    for (const NamedCode& n : kTesseractNames)
        if (base == QLatin1String(n.code))
            name = QCoreApplication::translate("incidoc::ui::Language", n.name);
    if (name.isEmpty()) {
        const QLocale::Language language =
            QLocale::codeToLanguage(base.section(QLatin1Char('_'), 0, 0), QLocale::ISO639Part2 | QLocale::ISO639Part3);
        if (language != QLocale::AnyLanguage && language != QLocale::C)
            name = QLocale::languageToString(language);
    }
    if (name.isEmpty())
        return code;
    if (!variant.isEmpty())
        name = QCoreApplication::translate("incidoc::ui::Language", "%1, %2", "language, variant").arg(name, variant);
    return QCoreApplication::translate("incidoc::ui::Language", "%1 (%2)", "language name (Tesseract code)")
        .arg(name, code);
}

} // namespace incidoc::ui
