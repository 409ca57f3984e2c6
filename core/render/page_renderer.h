#pragma once
// Render: a page of a PDF (Poppler-Qt6) or an image file (Qt image readers) as an 8-bit grey image,
// and a PDF page's text layer as words in the same pixel space.
//
// Threading: every function is reentrant. Poppler::Document is not safe for concurrent use, so each
// thread keeps its own open documents in a small thread-local cache (see page_renderer.cpp); no
// Poppler object is ever shared between threads.

#include "core/model/geometry.h"
#include "core/model/photo_geometry.h"
#include "core/model/types.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace incidoc {

struct RenderOptions {
    int dpi = 300;                   ///< requested resolution for PDF pages
    qint64 pixelBudget = 40'000'000; ///< a PDF page over this many pixels is rendered at a lower DPI
    int timeLimitMs = 60'000;        ///< a render taking longer is aborted (Poppler's abort callback)
    qint64 bandPixels = 16'000'000;  ///< a PDF page over this many pixels is rendered in horizontal bands
                                     ///< (Poppler renders 4 bytes/pixel; bands keep that memory small)
    /// An image page read as a photo (core/photo): flattened as this says (NotPhoto/NoPage: as it is).
    std::optional<PhotoGeometry> photo;
    /// An image page with no `photo` yet is looked at (core/photo/photo_check.h: a photo? where is the page?)
    /// and read as found; RenderedPage::photo tells what was found. Off: read as it is.
    bool lookAtPhoto = false;
};

/// A rendered page in page pixels.
struct RenderedPage {
    QImage image;       ///< QImage::Format_Grayscale8, upright (PDF /Rotate applied)
    int dpi = 0;        ///< effective DPI (PDF: maybe lower than asked; image: header or 0)
    int rotation = 0;   ///< PDF /Rotate that was applied
    double widthPt = 0; ///< PDF: crop box size after rotation; image: 0
    double heightPt = 0;
    QString note; ///< e.g. "page too large, rendered at 120 dpi"; empty otherwise
    /// An image page: how it was read as a photo (the options' own, or what looking at it found); nullopt
    /// for PDF pages and when the image was not looked at.
    std::optional<PhotoGeometry> photo;
};

/// The DPI at which a PDF page of the given size (points) stays within the pixel budget:
/// `requested` when it fits, else the largest whole DPI that does (at least 1).
int effectiveDpi(double widthPt, double heightPt, int requested, qint64 pixelBudget);

/// Renders page `number` (1-based; TIFF frame for images). Errors: NotFound, InvalidInput ("damaged
/// PDF", "page 7 does not exist"), Timeout ("render took longer than 60 s"), Cancelled, TooLarge.
Result<RenderedPage> renderPage(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                const CancelToken& cancel = {});

/// Renders pages: here (renderPage()) or somewhere a crafted file cannot crash this process (a page host,
/// through the Workplace of core/pipeline/workplace.h). Implementations are thread-safe.
class PageRendering {
public:
    virtual ~PageRendering() = default;
    /// renderPage()'s contract.
    virtual Result<RenderedPage> render(const QString& path, DocumentKind kind, int number,
                                        const RenderOptions& options, const CancelToken& cancel) = 0;
};

/// A word of a PDF text layer, in page pixels at the given DPI (same space as renderPage()).
struct TextLayerWord {
    QString text;
    PixelBox box;
    bool spaceAfter = true; ///< Poppler's hasSpaceAfter(): false inside hyphenated/glued runs
};

/// A PDF page's text layer at `dpi`, in Poppler's reading order (empty when the page has none).
/// Also reports the page's size in points and rotation so callers need not render.
struct TextLayer {
    std::vector<TextLayerWord> words;
    double widthPt = 0, heightPt = 0;
    int rotation = 0;
};
Result<TextLayer> extractTextLayer(const QString& path, int number, int dpi);

/// Versions for provenance: "poppler 22.08.0".
QString popplerVersion();

} // namespace incidoc
