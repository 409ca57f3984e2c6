#pragma once
// The export bundle (`incidoc.bundle/1`, ../shared/specs/bundle.md): a ZIP dataset of a project's
// pages in several formats, written atomically beside its destination.
//
// How it runs: the calling thread reads a consistent snapshot of the project (one read transaction, so
// annotators may keep editing) page by page and hands each page to a QThreadPool of `jobs` threads that
// renders its image, draws the visualization and produces every text format; entries are hashed and
// compressed in those tasks; one writer thread appends them to the archive in page order. A window of
// pages in flight bounds memory whatever the page count.
// The parts, private to core/export: export_snapshot_p.h (the read), page_tasks_p.h (the pool's work),
// ordered_writer_p.h (the window and the writer thread), manifest_p.h, partial_file_p.h; the formats are
// one file each (bundle_formats.h lists them).
//
// Thread contract: exportBundle() may be called from any thread (not the GUI thread: it blocks until the
// bundle is written); the progress callback runs on the writer thread and must be quick.

#include "core/imaging/prepare.h"
#include "core/model/records.h"
#include "core/render/page_renderer.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace incidoc {

/// What the page image entries hold.
enum class ExportImages {
    Binarized, ///< 1-bit PNG of the re-rendered page (default)
    Original,  ///< 8-bit grey PNG of the re-rendered page
    None,      ///< no page images
};

/// Which annotation formats go in. Page JSON, COCO, Label Studio, hOCR, ALTO, metrics, FUNSD, PAGE XML and
/// the incident records by default; the recognition training sets (line images, word crops) on demand.
struct ExportFormats {
    bool json = true, coco = true, labelStudio = true, hocr = true, alto = true, metrics = true;
    bool funsd = true, pageXml = true, records = true;
    bool lines = false, crops = false;
    /// Parses "json,coco,labelstudio,hocr,alto,metrics,funsd,page,records,lines,crops" (any subset, any
    /// order). nullopt: unknown name.
    static std::optional<ExportFormats> parse(const QString& list);
    QStringList names() const;
    /// Whether a format needs the page image (the training sets crop it).
    bool needsPageImage() const { return lines || crops; }
};

struct ExportOptions {
    std::vector<DocumentId> documents; ///< empty: every imported document
    bool reviewedOnly = false;         ///< only pages whose review status is "reviewed"
    ExportFormats formats;
    ExportImages images = ExportImages::Binarized;
    bool visualizations = true;
    int jobs = 0;                    ///< pool threads; 0: the number of cores
    BinarizeOptions binarize;        ///< for ExportImages::Binarized (default adaptive Gaussian 11 / 2)
    double lowConfidence = 60.0;     ///< words below it are "low confidence" (metrics, visualizations)
    int renderTimeLimitMs = 120'000; ///< per page re-render
    /// A redacted, pseudonymised bundle (core/redact/): sensitive words rewritten as pseudonyms, their
    /// areas of the page images filled, document names, paths and hashes replaced, no source files; every
    /// entry read back and checked before the bundle is kept (any original value found: an error, no file).
    bool redact = false;
    /// Where the page images are rendered again (the app: a page host, so a page that crashes Poppler
    /// fails the export, not the app); null: renderPage() in this process.
    std::shared_ptr<PageRendering> renderer;
};

/// The parts of the bundle, each reported on its own.
enum class ExportPhase {
    Images,
    Visualizations,
    PageJson,
    Coco,
    LabelStudio,
    Hocr,
    Alto,
    Metrics,
    Funsd,
    PageXml,
    Records,
    Lines,
    Crops,
    Bundle
};
inline constexpr int kExportPhaseCount = 14;
QString toString(ExportPhase phase);

/// Progress of one phase: items (pages, or the final files for Bundle) done out of total, and the
/// uncompressed bytes produced.
struct PhaseProgress {
    int done = 0, total = 0;
    quint64 bytes = 0;
};

/// A snapshot of the whole export's progress (a value).
struct ExportProgress {
    std::array<PhaseProgress, kExportPhaseCount> phases{};
    int pagesWritten = 0, pagesTotal = 0; ///< pages whose entries are in the archive
    quint64 entriesWritten = 0;
    quint64 bytesWritten = 0; ///< archive bytes written so far
    const PhaseProgress& phase(ExportPhase p) const { return phases[static_cast<int>(p)]; }
};

struct ExportReport {
    QString path; ///< the finished bundle
    int documents = 0, pages = 0;
    long long words = 0;
    quint64 entries = 0; ///< ZIP entries including manifest.json
    quint64 bytes = 0;   ///< size of the ZIP
    double seconds = 0;
    int jobs = 0;
    // A redacted export (ExportOptions::redact):
    bool redacted = false;
    std::map<QString, int> redactions; ///< findings on the exported pages per type name ("person_name", ...)
    int pagesRedacted = 0;             ///< pages with at least one redaction
    int wordsRewritten = 0;            ///< words whose text became a pseudonym
    int areasFilled = 0;               ///< areas filled black in the page images
    double checkSeconds = 0;           ///< the read-back check (texts and the OCR of every image), in `seconds`
};

using ExportProgressFn = std::function<void(const ExportProgress&)>;

/// Writes the bundle of `projectPath` to `destination` (a .zip path). The project is opened read-only.
/// Written to a hidden partial file beside the destination (".<name>.<pid>.incidoc-partial", locked
/// while written; partials left by killed runs are removed), fsynced and renamed over the destination
/// only when complete: on error or cancel nothing is left and an older file at the destination is
/// untouched. Errors: Cancelled; NotFound / Storage (project); InvalidInput (no such document, nothing
/// to export); Io ("cannot write /x/y.zip: No space left on device"); Engine ("cannot render page 3
/// of report.pdf: ..." — a page whose image cannot be re-rendered fails the export: a bundle is complete
/// or absent; with `redact`, "redaction check failed: <entry> holds a person name (OCR)" — an original value
/// found when the finished archive was read back). Never throws.
Result<ExportReport> exportBundle(const QString& projectPath, const QString& destination, const ExportOptions& options,
                                  const CancelToken& cancel = {}, const ExportProgressFn& progress = {});

} // namespace incidoc
