#pragma once

#include "core/ocr/ocr_engine.h"

#include <memory>

namespace incidoc {

/// Tesseract through its C++ API: one TessBaseAPI, initialized once for its languages and reused for
/// every page (never per page). SetSourceResolution, automatic page segmentation, words/lines/blocks
/// and character boxes from the result iterator, deadline and cancel through ETEXT_DESC.
/// Not thread-safe: one instance per thread.
class TesseractEngine final : public OcrEngine {
public:
    /// Errors: Engine ("Tesseract language data for 'xyz' is not installed").
    static Result<std::unique_ptr<TesseractEngine>> create(const QString& languages);
    ~TesseractEngine() override;

    Result<RecognizedPage> recognize(const QImage& grey, const OcrOptions& options, const CancelToken& cancel) override;
    QString description() const override;

private:
    struct Impl;
    explicit TesseractEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

class TesseractEngineFactory final : public OcrEngineFactory {
public:
    Result<std::unique_ptr<OcrEngine>> create(const QString& languages) const override;
    /// Version and installed languages; unavailable when no language data is installed.
    EngineInfo info() const override;
};

/// "5.3.0"
QString tesseractVersion();
/// "1.82.0"
QString leptonicaVersion();
/// Languages with traineddata installed (e.g. {"eng", "osd"}).
QStringList tesseractLanguages();

/// Where Tesseract's English model `model` is installed: "fast" is Debian's tessdata_fast (its own
/// folder, "" here: Tesseract's default); "best_int" is the 4.0.0 best_int model the install step
/// fetches (modelsDir()/tessdata-best-int). Errors: InvalidInput (another name), NotFound (not installed, with the
/// path).
Result<QString> tesseractModelDir(const QString& model);

} // namespace incidoc
