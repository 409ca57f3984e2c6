#pragma once

namespace incidoc {

/// Debian's Tesseract is built with OpenMP; with pages already running in parallel, OpenMP's own
/// threads oversubscribe the cores (one page: 11.9 s instead of 1.9 s on 2 cores). libgomp reads
/// OMP_THREAD_LIMIT once, when it is loaded, which happens before main() because Tesseract links it.
/// So every program that OCRs calls this first thing in main(): when OMP_THREAD_LIMIT is not "1" it
/// sets it and re-executes the program (same argv) so the new process loads libgomp with it in force.
/// Returns only when the limit is in force (or re-exec failed, then it warns on stderr).
void ensureOpenMpThreadLimit(int argc, char** argv);

/// The thread limit libgomp reports (omp_get_thread_limit), or -1 when libgomp is not loaded.
int openMpThreadLimit();

} // namespace incidoc
