// incidoc [PROJECT.incidoc]: wires the app together and does nothing else.
#include "core/isolation/hosted_workplace.h"
#include "core/util/openmp_guard.h"
#include "core/util/version.h"
#include "ui/shell/language.h"
#include "ui/shell/main_window.h"
#include "ui/view/view_geometry_dump.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv); // before anything loads Tesseract's OpenMP runtime
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Incidoc"));
    QApplication::setApplicationName(QStringLiteral("Incidoc"));
    QApplication::setApplicationVersion(QStringLiteral(INCIDOC_VERSION));
    // The desktop entry and icon the Debian package installs (resources/desktop).
    QGuiApplication::setDesktopFileName(QStringLiteral("incidoc"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("incidoc")));
    incidoc::ui::installTranslations(app); // the language chosen in Settings, else the system's

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Review and label OCR of incident documents."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption readOnly(QStringLiteral("read-only"),
                                QApplication::translate("main", "Open the project read-only."));
    parser.addOption(readOnly);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "An .incidoc project to open."),
                                 QStringLiteral("[PROJECT.incidoc]"));
    parser.process(app);

    // Where the work runs, made once here and handed down: page hosts (helper processes a hostile file
    // can crash or hang instead of the app); INCIDOC_NO_ISOLATION=1 keeps it in this process (for
    // debugging with a debugger), as does a build without the helper program. Declared before the window
    // and destroyed after it, before `app`: a local workplace's Tesseract engines must not outlive main().
    std::shared_ptr<incidoc::Workplace> workplace;
    const QString hostProgram = incidoc::pageHostProgram();
    if (qEnvironmentVariableIntValue("INCIDOC_NO_ISOLATION") == 1 || hostProgram.isEmpty())
        workplace = incidoc::makeLocalWorkplace();
    else
        workplace = std::make_shared<incidoc::HostedWorkplace>(incidoc::PageHostOptions{hostProgram, {}});

    incidoc::ui::MainWindow window(workplace);
    // Screenshot tests: where the word boxes are on the screen (see view_geometry_dump.h).
    if (const QString dump = qEnvironmentVariable("INCIDOC_VIEW_GEOMETRY"); !dump.isEmpty())
        incidoc::ui::dumpViewGeometryWhenShown(
            window.pageView(), [&window] { return window.session(); }, dump);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first(), parser.isSet(readOnly));
    return app.exec();
}
