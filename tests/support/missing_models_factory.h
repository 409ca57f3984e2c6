#pragma once
// For tests of engine listings and choices: a family that is registered but cannot run here (its models
// are missing), with a fixed reason the tests compare against. Real installations without the models get
// the same shape from PpocrEngineFactory (ppocr_engine_test covers that one).

#include "core/ocr/ocr_engine.h"

namespace incidoc::test {

class MissingModelsFactory final : public OcrEngineFactory {
public:
    Result<std::unique_ptr<OcrEngine>> create(const QString&) const override
    {
        return makeError(ErrorCode::Engine, QStringLiteral("models missing"));
    }
    EngineInfo info() const override
    {
        EngineInfo info;
        info.version = QStringLiteral("PP-OCRv4");
        info.languages = {QStringLiteral("ch"), QStringLiteral("en")};
        info.available = false;
        info.reason = QStringLiteral("model file ch_PP-OCRv4_det_infer.onnx is missing");
        return info;
    }
};

} // namespace incidoc::test
