// `--version`: Incidoc's version and its engines' (not translated: scripts and bug reports read it).

#include "app/cli/commands.h"
#include "core/imaging/prepare.h"
#include "core/ocr/tesseract_engine.h"
#include "core/render/page_renderer.h"
#include "core/util/openmp_guard.h"
#include "core/util/version.h"

namespace incidoc::cli {

int commandVersion()
{
    out(QStringLiteral("incidoc-cli %1\nQt %2, %3, tesseract %4, leptonica %5, %6, OpenMP thread limit %7")
            .arg(QStringLiteral(INCIDOC_VERSION), QString::fromLatin1(qVersion()), popplerVersion(), tesseractVersion(),
                 leptonicaVersion(), opencvVersion())
            .arg(openMpThreadLimit()));
    return kExitOk;
}

} // namespace incidoc::cli
