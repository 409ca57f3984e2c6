// omp_probe: a program that OCRs would start like this one; it prints the OpenMP thread limit that
// libgomp (loaded with Tesseract) took at start-up. Used by openmp_guard_test.
#include "core/ocr/tesseract_engine.h"
#include "core/util/openmp_guard.h"

#include <cstdio>

int main(int argc, char** argv)
{
    incidoc::ensureOpenMpThreadLimit(argc, argv);
    // Referencing Tesseract keeps libtesseract (and so libgomp) among the loaded libraries.
    std::fprintf(stderr, "tesseract %s\n", qPrintable(incidoc::tesseractVersion()));
    std::printf("%d\n", incidoc::openMpThreadLimit());
    return 0;
}
