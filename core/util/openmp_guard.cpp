#include "core/util/openmp_guard.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <unistd.h>

namespace incidoc {

void ensureOpenMpThreadLimit(int argc, char** argv)
{
    (void)argc;
    const char* current = std::getenv("OMP_THREAD_LIMIT");
    if (current && std::strcmp(current, "1") == 0)
        return;
    // A second guard variable stops a loop if exec keeps returning here for some reason.
    if (std::getenv("INCIDOC_OMP_REEXEC")) {
        std::fprintf(stderr, "incidoc: warning: could not set OMP_THREAD_LIMIT=1 before start-up\n");
        return;
    }
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::setenv("INCIDOC_OMP_REEXEC", "1", 1);
    ::execv("/proc/self/exe", argv);
    // exec failed (no /proc?): carry on with whatever libgomp decided.
    std::fprintf(stderr, "incidoc: warning: re-exec with OMP_THREAD_LIMIT=1 failed: %s\n", std::strerror(errno));
}

int openMpThreadLimit()
{
    using Fn = int (*)();
    auto fn = reinterpret_cast<Fn>(::dlsym(RTLD_DEFAULT, "omp_get_thread_limit"));
    return fn ? fn() : -1;
}

} // namespace incidoc
