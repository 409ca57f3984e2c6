// main() for every test executable: OMP_THREAD_LIMIT=1 before libgomp loads (re-exec), then a
// QGuiApplication on the offscreen platform (QPdfWriter and fonts need a Gui application).
#include "core/util/openmp_guard.h"

#include <QGuiApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
