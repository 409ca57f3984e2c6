// main() for the ui test executables: OMP_THREAD_LIMIT=1 before libgomp loads (re-exec), the offscreen
// platform unless the caller chose one (e.g. xcb under Xvfb for screenshots), a QApplication (widgets),
// then GoogleTest.
#include "core/util/openmp_guard.h"

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
