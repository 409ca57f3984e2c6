#pragma once
// The application the GUI benchmark programs run in.

#include <QApplication>
#include <QStandardPaths>

#include <memory>

namespace incidoc::bench {

/// A QApplication on the offscreen platform (unless QT_QPA_PLATFORM says otherwise), its settings in the
/// test location. Call after ensureOpenMpThreadLimit().
inline std::unique_ptr<QApplication> offscreenApp(int& argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    auto app = std::make_unique<QApplication>(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    return app;
}

} // namespace incidoc::bench
