#pragma once
// Fault injection for the crash-safety tests: makes a chosen file or page crash, hang or eat memory, as
// a Poppler or Tesseract bug would, so that the tests can prove a run survives it. Compiled in only
// with INCIDOC_FAULT_INJECTION (every build type but Release; see the top-level CMakeLists.txt); in a
// Release build faultPoint() is empty. Driven by the environment:
//   INCIDOC_FAULT="crash@report.pdf#3,hang@scan.pdf#1,memory@big.pdf#2,crash@broken.pdf"
// "NAME#N" is page N of the file named NAME (file name only) when it is processed (its render phase),
// "ocr:NAME#N" the same page when its OCR begins; "NAME" alone is the file when it is opened for
// import. Kinds: crash (abort()), segv (SIGSEGV), hang (sleeps, ignoring every cancel and deadline),
// memory (allocates and touches memory until the process is stopped).

#include <QString>

namespace incidoc {

#ifdef INCIDOC_FAULT_INJECTION
/// Called at the points above with "NAME" or "NAME#N": acts when INCIDOC_FAULT names it. Thread-safe.
void faultPoint(const QString& where);
#else
inline void faultPoint(const QString&) {}
#endif

} // namespace incidoc
