// main() for every test executable: OMP_THREAD_LIMIT=1 before libgomp loads (re-exec), then a
// QGuiApplication on the offscreen platform (QPdfWriter and fonts need a Gui application).
#include "core/util/openmp_guard.h"

#include <QGuiApplication>
#include <QThreadPool>

#include <gtest/gtest.h>

#include <cstdlib>

#if defined(__SANITIZE_THREAD__)
// ThreadSanitizer builds (preset tsan): the suppressions for uninstrumented Debian libraries (each entry
// explained in tests/tsan.supp), stop at the first report, and a history long enough to restore the
// earlier access's stack so the suppressions can match it. Built in rather than set by ctest because
// CMake 3.25's gtest_discover_tests keeps only the first ENVIRONMENT entry; TSAN_OPTIONS still overrides.
extern "C" const char* __tsan_default_options()
{
    return "suppressions=" INCIDOC_SOURCE_DIR "/tests/tsan.supp:halt_on_error=1:history_size=7";
}
#endif

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer builds (preset asan): LeakSanitizer suppressions for process-wide caches of
// uninstrumented Debian libraries, each entry explained in tests/lsan.supp.
extern "C" const char* __lsan_default_options()
{
    return "suppressions=" INCIDOC_SOURCE_DIR "/tests/lsan.supp";
}
#endif

int main(int argc, char** argv)
{
    // incidoc-cli children (sanitizer builds too in these presets) inherit the same options.
#if defined(__SANITIZE_THREAD__)
    ::setenv("TSAN_OPTIONS", __tsan_default_options(), 0);
#endif
#if defined(__SANITIZE_ADDRESS__)
    ::setenv("LSAN_OPTIONS", __lsan_default_options(), 0);
#endif
    incidoc::ensureOpenMpThreadLimit(argc, argv);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Test programs live under <build>/tests, not <build>/bin: point them at the build's models (a test
    // that wants them absent sets its own folder).
    if (qEnvironmentVariableIsEmpty("INCIDOC_MODELS_DIR"))
        qputenv("INCIDOC_MODELS_DIR", INCIDOC_BINARY_DIR "/share/incidoc/models");
    QGuiApplication app(argc, argv);
#if defined(__SANITIZE_THREAD__)
    // Qt's own image code (QImage conversions/scaling in the test documents' painting) splits work over
    // Qt's global pool, whose task queue is shared by its workers under a futex mutex TSan cannot see
    // and touched only inside unexported Qt functions (no name a suppression could match). With a single
    // global worker there is no worker-against-worker traffic on that queue. Our pipeline has its own pool.
    QThreadPool::globalInstance()->setMaxThreadCount(1);
#endif
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
