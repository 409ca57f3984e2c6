#include "core/render/pdf_document.h"

#include <poppler-qt6.h>

#include <mutex>

namespace incidoc {

int rotationDegrees(int popplerOrientation)
{
    switch (static_cast<Poppler::Page::Orientation>(popplerOrientation)) {
    case Poppler::Page::Landscape: return 90;
    case Poppler::Page::UpsideDown: return 180;
    case Poppler::Page::Seascape: return 270;
    case Poppler::Page::Portrait: break;
    }
    return 0;
}

Result<std::unique_ptr<Poppler::Document>> openPdf(const QString& path)
{
    silencePopplerMessages();
    std::unique_ptr<Poppler::Document> doc(Poppler::Document::load(path));
    if (!doc)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("damaged PDF: cannot be opened"));
    if (doc->isLocked())
        return makeError(ErrorCode::Unsupported, QStringLiteral("encrypted PDF (password required)"));
    return doc;
}

void silencePopplerMessages()
{
    // Poppler prints every syntax error of a malformed file to stderr; the caller gets a result instead.
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction([](const QString&, const QVariant&) {}, {}); });
}

} // namespace incidoc
