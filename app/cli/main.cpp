#include "app/cli/cli.h"
#include "core/util/openmp_guard.h"
#include "core/util/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <csignal>

namespace {

/// The shipped translation for the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): "fr", "zh_CN",
/// or empty for English, C and POSIX (the messages' own language) and anything not translated. The same
/// rule as the app's (ui/shell/language.cpp), which this program does not link.
QString systemTranslation()
{
    bool chineseRejected = false;
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QLocale l(name);
        if (name == QLatin1String("C") || name == QLatin1String("POSIX") || l.language() == QLocale::C
            || l.language() == QLocale::English)
            return {};
        if (l.language() == QLocale::French)
            return QStringLiteral("fr");
        if (l.language() == QLocale::Chinese) {
            if (!chineseRejected && l.script() == QLocale::SimplifiedHanScript)
                return QStringLiteral("zh_CN");
            chineseRejected = true; // Traditional script: English rather than Simplified
        }
    }
    return {};
}

/// Installs Qt's (the --help parser's words) and incidoc's translators for the system locale. The .qm
/// files are looked for in $INCIDOC_TRANSLATIONS_DIR, the build tree (bin/../translations) and the
/// installed folder (bin/../share/incidoc/translations).
void installTranslations(QCoreApplication& app)
{
    const QString code = systemTranslation();
    if (code.isEmpty())
        return;
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QStringList dirs;
    if (const QString env = qEnvironmentVariable("INCIDOC_TRANSLATIONS_DIR"); !env.isEmpty())
        dirs << env;
    const QDir bin(QCoreApplication::applicationDirPath());
    dirs << bin.filePath(QStringLiteral("../translations"))
         << bin.filePath(QStringLiteral("../share/incidoc/translations"));
    auto* own = new QTranslator(&app);
    for (const QString& dir : dirs) {
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("incidoc_%1.qm").arg(code)))
            && own->load(QStringLiteral("incidoc_%1").arg(code), dir)) {
            QCoreApplication::installTranslator(own);
            return;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv); // before anything else: may re-exec
    // A worker that dies mid-call must not take the command with it: a write to its closed socket
    // gives EPIPE, not SIGPIPE (the same for a closed stdout pipe).
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("incidoc-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INCIDOC_VERSION));
    installTranslations(app);
    return incidoc::cli::run(QCoreApplication::arguments());
}
