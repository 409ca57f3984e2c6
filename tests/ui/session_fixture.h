#pragma once
// A real project for the session, editing and review tests: the bundled sample incident report
// (one born-digital page, three scanned pages) imported and OCR'd through the core pipeline once per
// test program, then copied for each test so every test starts from the same file.
// Thread contract: call from the test (GUI) thread.

#include <QString>
#include <QTemporaryDir>

namespace incidoc::test {

/// Path of the processed sample project (made on first call; empty with a test failure if that failed).
QString sampleProjectTemplate();

/// Copies the sample project into `dir` as "sample.incidoc"; returns its path (empty on failure).
QString copySampleProject(const QTemporaryDir& dir);

} // namespace incidoc::test
