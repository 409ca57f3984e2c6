#pragma once
// Opening PDFs with Poppler, for import (inspecting a file) and render: the same errors from one place,
// and Poppler's process-wide settings applied once. Thread-safe; a document belongs to the thread
// that opened it.

#include "core/util/result.h"

#include <QString>

#include <memory>

namespace Poppler {
class Document;
}

namespace incidoc {

/// Routes Poppler's error output to nowhere once per process (malformed files print many lines).
void silencePopplerMessages();

/// Opens a PDF with Poppler (messages silenced). Errors: InvalidInput "damaged PDF: cannot be opened",
/// Unsupported "encrypted PDF (password required)". The document belongs to the calling thread.
Result<std::unique_ptr<Poppler::Document>> openPdf(const QString& path);

/// Poppler::Page::Orientation (as int) to the /Rotate angle in degrees.
int rotationDegrees(int popplerOrientation);

} // namespace incidoc
