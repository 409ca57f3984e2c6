#pragma once
// The page host's side (the program `incidoc-page-host`, app/page-host): answers requests on stdin
// with answers on stdout (wire_p.h), one at a time, until stdin closes or its parent goes away. The
// work itself runs as in any process: a local Workplace (core/pipeline/workplace.h).

namespace incidoc {

/// Call from main() after the QCoreApplication is made (and with OMP_THREAD_LIMIT=1 in effect);
/// returns the exit code.
int runPageHost();

} // namespace incidoc
