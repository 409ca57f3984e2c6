// A main() for a fuzz target built without libFuzzer (GCC, normal CI): runs the target's
// LLVMFuzzerTestOneInput once over each file given (folders: every file in them, sorted). It passes
// when the process survives them all; a crash, abort, sanitizer report or __builtin_trap fails it.
// Usage: fuzz_regression_<target> FILE|FOLDER...

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QStringList inDir;
            QDirIterator it(arg, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                inDir << it.next();
            inDir.sort();
            files << inDir;
        } else {
            files << arg;
        }
    }
    int run = 0;
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray bytes = f.readAll();
        std::fprintf(stderr, "running %s (%lld bytes)\n", qPrintable(path), static_cast<long long>(bytes.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.constData()), static_cast<size_t>(bytes.size()));
        ++run;
    }
    if (run == 0) {
        std::fprintf(stderr, "no inputs given\n");
        return 2;
    }
    std::fprintf(stderr, "%d inputs ran without a crash\n", run);
    return 0;
}
