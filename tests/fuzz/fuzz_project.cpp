// Fuzz target: a project file (.incidoc, SQLite) from outside: someone's project opened from a share or
// a mail. The bytes are written to a file and opened ReadOnly (every read), then a copy is opened
// ReadWrite (every read, then undo and redo of the newest edit group, whose JSON comes from the file).
// A crafted file must give an error result, never a crash, hang or code run.

#include "tests/fuzz/fuzz_common.h"
#include "tests/fuzz/project_reads.h"

using namespace incidoc;

namespace {

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::initFuzzProcess();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    {
        fuzz::TempInput input(data, size, QStringLiteral(".incidoc"));
        if (!input.ok())
            return 0;
        if (auto store = ProjectStore::open(input.path(), OpenMode::ReadOnly); store.ok())
            (void)fuzz::readProject(**store);
        fuzz::removeProjectFiles(input.path()); // -shm a read-only WAL reader may leave
    }
    {
        fuzz::TempInput copy(data, size, QStringLiteral(".incidoc"));
        if (!copy.ok())
            return 0;
        if (auto store = ProjectStore::open(copy.path(), OpenMode::ReadWrite); store.ok()) {
            const long long group = fuzz::readProject(**store);
            fuzz::undoRedo(**store, group);
        }
        fuzz::removeProjectFiles(copy.path());
    }
    return 0;
}
