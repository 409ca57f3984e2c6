#pragma once
// What the document-type classifier looks at: the first page of a document, measured two ways. Its layout
// (page size and shape, how much of it is text and how large, ruled lines, whether it is a scan, a
// bilevel fax or a photo on a background) as a fixed vector of numbers, and its words (lower-cased, for
// TF-IDF). Pure functions of their inputs; reentrant.

#include "core/model/records.h"
#include "core/render/page_renderer.h"
#include "core/util/result.h"

#include <QImage>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <vector>

namespace incidoc {

/// What is measured on the first page's image (rendered small): see measurePageImage(). Stored per
/// document by the classifier (ProjectStore::documentImageFeatures) so that a page is rendered once.
struct PageImageFeatures {
    static constexpr int kVersion = 1; ///< another version is measured again
    double horizontalRules = 0;        ///< horizontal ruled lines (runs over a quarter of the width)
    double verticalRules = 0;          ///< vertical ruled lines (runs over a tenth of the height)
    double darkShare = 0;              ///< share of dark pixels
    double marginGrey = 1;             ///< mean grey of the outer border (1: white paper to the edge)
    double marginSpread = 0;           ///< its standard deviation (texture of a background)
    double bilevel = 0;                ///< share of the ink that is pure black (a fax, a bilevel scan)
    double anisotropic = 0;            ///< 1 when the image's horizontal and vertical DPI differ (a fax)
    double noDpi = 0;                  ///< 1 for an image without a resolution (a camera picture)

    QJsonObject toJson() const;
    static PageImageFeatures fromJson(const QJsonObject& o);
};

/// Measures `grey` (any size; Format_Grayscale8 or convertible). `dpiX`/`dpiY`: the source image's own
/// resolution (0 when it has none, or for a PDF page pass the render DPI twice).
PageImageFeatures measurePageImage(const QImage& grey, int dpiX, int dpiY);

/// Renders the first page of a PDF (renderPage()'s contract, at `options.dpi`): the CLI and the app pass
/// their page hosts, so that a crafted file cannot crash them; empty: rendered in this process.
using FirstPageRenderer = std::function<Result<RenderedPage>(const QString& path, const RenderOptions& options)>;

/// Renders (a PDF, with `render` when given) or reads (an image file) the first page of `document` small
/// (about 100 dpi) and measures it. Errors: the file cannot be read.
Result<PageImageFeatures> measureFirstPage(const DocumentRecord& document, const FirstPageRenderer& render = {});

/// The layout vector's entries, in order (for logs and the benchmark).
const QStringList& layoutFeatureNames();

/// A document as the classifier sees it.
struct DocumentFeatures {
    DocumentId document = 0;
    std::vector<double> layout; ///< layoutFeatureNames().size() numbers, unscaled
    std::vector<QString> terms; ///< lower-cased words of two letters or more and their bigrams ("a b")
};

/// The features of a document from its first page's record, its words and its image measures.
DocumentFeatures documentFeatures(const DocumentRecord& document, const PageRecord& firstPage,
                                  const std::vector<WordRecord>& words, const PageImageFeatures& image);

/// Lower-cased words of two letters or more (letters, digits, apostrophes inside), then the bigrams.
std::vector<QString> termsOf(const std::vector<QString>& words);

} // namespace incidoc
