#pragma once
// OCR: the engine interface. Local Tesseract (tesseract_engine.h) and the gRPC worker cluster
// (remote_engine.h) implement it.

#include "core/model/recognized_page.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>

namespace incidoc {

/// How the engine finds text on the image.
enum class Segmentation {
    Auto,        ///< blocks, lines and words (Tesseract PSM_AUTO): whole pages
    SingleBlock, ///< the image is one block of text (PSM_SINGLE_BLOCK): a selected region
    SparseText,  ///< as much text as possible, in no particular order (PSM_SPARSE_TEXT)
};

struct OcrOptions {
    QString languages = QStringLiteral("eng"); ///< Tesseract form: "eng", "eng+fra"
    int dpi = 300;                             ///< resolution of the image handed to recognize() (after any rescale)
    int deadlineMs = 60'000;                   ///< give up after this long (Timeout); 0: no deadline
    Segmentation segmentation = Segmentation::Auto;
    /// Tesseract also reads each doubtful line inverted (white on dark). Off in the fast profile: it
    /// costs about 8 % per page and pays only on white-on-dark print.
    bool tryInverted = true;
    QString tag; ///< names the page in logs ("doc 3 page 2"), never its content; engines may ignore it
};

/// One OCR engine instance. Not thread-safe: use one per thread (the pipeline caches one per pool
/// thread and reuses it for every page it runs).
class OcrEngine {
public:
    virtual ~OcrEngine() = default;
    /// Recognizes an 8-bit grey (or 0/255 binary) image. Boxes are in that image's pixels.
    /// Words come in reading order with their lines, blocks and character boxes.
    /// Errors: Cancelled, Timeout, InvalidInput, Engine (the page fails), Unavailable (the engine cannot
    /// be reached at all: the run stops and the page stays queued).
    virtual Result<RecognizedPage> recognize(const QImage& grey, const OcrOptions& options,
                                             const CancelToken& cancel) = 0;
    /// Reads each box of `grey` as one word (the second reader of two-reader OCR), in the order given.
    /// Errors: Cancelled, Timeout, Engine; Unsupported by engines that only read whole pages.
    virtual Result<std::vector<WordReading>> readWords(const QImage& grey, const std::vector<PixelBox>& boxes,
                                                       const CancelToken& cancel);
    /// e.g. "tesseract 5.3.0 (eng)"
    virtual QString description() const = 0;
};

/// What an engine family is and whether it can be used here (`incidoc-cli engines`, Settings, About, the
/// worker's ListEngines).
struct EngineInfo {
    QString name;          ///< registry name: "tesseract", "ppocr"
    QString version;       ///< e.g. "5.3.0", "PP-OCRv4"
    QStringList languages; ///< what it reads: Tesseract's installed languages; {"ch", "en"} for PP-OCR
    bool detects = true;   ///< finds text on a whole page
    bool recognizes = true;
    bool available = true;
    QString reason; ///< why it is not available (a missing or corrupt model), translated
};

/// Makes engines, one per thread that asks. Implementations are thread-safe.
class OcrEngineFactory {
public:
    virtual ~OcrEngineFactory() = default;
    virtual Result<std::unique_ptr<OcrEngine>> create(const QString& languages) const = 0;
    /// Describes the family (name left empty: the pool fills in the name it was registered under).
    virtual EngineInfo info() const { return {}; }
};

} // namespace incidoc
