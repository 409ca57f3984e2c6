#pragma once
// Shared set-up for the fuzz targets (tests/fuzz/fuzz_*.cpp): a QGuiApplication on the offscreen
// platform (Qt's image readers and fonts need one), OMP_THREAD_LIMIT=1, and a private temp folder where
// each input is written to a file of its own (the core's parsers work on paths).
//
// Each target defines LLVMFuzzerInitialize() (calls initFuzzProcess()) and LLVMFuzzerTestOneInput().
// Built with libFuzzer (INCIDOC_FUZZ=ON) or with regression_main.cpp as a plain program for ctest.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace incidoc::fuzz {

/// Once per process: environment, the QGuiApplication and the temp folder. Not thread-safe (libFuzzer
/// calls targets from one thread).
inline void initFuzzProcess()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    setenv("OMP_THREAD_LIMIT", "1", 0);
    // Qt's image readers warn about every malformed input (libpng, libtiff): keep the fuzzer's output
    // readable. INCIDOC_FUZZ_VERBOSE=1 keeps the messages.
    if (!qEnvironmentVariableIsSet("INCIDOC_FUZZ_VERBOSE"))
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    static int argc = 1;
    static char name[] = "incidoc-fuzz";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* app = new QGuiApplication(argc, argv); // lives until exit on purpose
    (void)app;
}

/// A folder of this process under $TMPDIR, removed at exit.
inline const QString& tempFolder()
{
    static QTemporaryDir* dir = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/incidoc-fuzz-XXXXXX"));
    static const QString path = dir->path();
    static const struct Cleanup {
        ~Cleanup() { delete dir; } // removes the folder (and anything a crash did not leave)
    } cleanup;
    return path;
}

/// Writes `data` to a new file in tempFolder() named "<n><suffix>" (a new name for each input: the
/// renderer caches open PDFs by path, size and mtime, so reusing a name could hit a stale entry).
/// Removes the file when destroyed.
class TempInput {
public:
    TempInput(const uint8_t* data, size_t size, const QString& suffix)
    {
        static unsigned long long counter = 0;
        m_path = tempFolder() + QStringLiteral("/in-%1%2").arg(++counter).arg(suffix);
        QFile f(m_path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            f.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
            m_ok = f.error() == QFileDevice::NoError;
        }
    }
    ~TempInput() { QFile::remove(m_path); }
    TempInput(const TempInput&) = delete;
    TempInput& operator=(const TempInput&) = delete;

    const QString& path() const { return m_path; }
    bool ok() const { return m_ok; }

private:
    QString m_path;
    bool m_ok = false;
};

/// The image suffix a user's file of this content would most likely have (only the bytes decide what
/// the importer does; the suffix matters to Qt's reader choice in renderPage).
inline QString imageSuffixFor(const uint8_t* data, size_t size)
{
    const QByteArray head(reinterpret_cast<const char*>(data), static_cast<qsizetype>(std::min<size_t>(size, 8)));
    if (head.startsWith("\xff\xd8\xff"))
        return QStringLiteral(".jpg");
    if (head.startsWith(QByteArray("II*\0", 4)) || head.startsWith(QByteArray("MM\0*", 4)))
        return QStringLiteral(".tif");
    return QStringLiteral(".png");
}

} // namespace incidoc::fuzz
