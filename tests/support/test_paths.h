#pragma once
// Where tests find things: the real documents (../shared/testdata by default, CMake option
// INCIDOC_TESTDATA_DIR), the source tree, built programs, and fresh temporary folders.

#include <QString>
#include <QTemporaryDir>

namespace incidoc::test {

/// Path inside the shared test data, e.g. testData("funsd/training_data/images").
QString testData(const QString& relative);
/// Path inside the source tree.
QString sourcePath(const QString& relative);
/// Path of a program built by this build, e.g. builtProgram("app/cli/incidoc-cli").
QString builtProgram(const QString& relative);

} // namespace incidoc::test
