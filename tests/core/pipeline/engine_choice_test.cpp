// The engine choice: kept in a real project file, resolved against a real engine pool (Tesseract, and a
// second family whose models are missing).
#include "core/ocr/engine_pool.h"
#include "core/ocr/tesseract_engine.h"
#include "core/pipeline/engine_choice.h"
#include "core/storage/project_store.h"

#include <gtest/gtest.h>

#include "tests/support/missing_models_factory.h"
#include "tests/support/qt_printers.h"
#include "tests/support/temp_project.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

/// Tesseract alone, as an installation without PP-OCR has it.
std::vector<EngineInfo> tesseractOnly()
{
    std::vector<EngineInfo> out;
    for (const EngineInfo& e : EnginePool().engines())
        if (e.name == QLatin1String("tesseract"))
            out.push_back(e);
    return out;
}

std::vector<EngineInfo> enginesWithBrokenPpocr()
{
    EnginePool pool;
    pool.registerEngine(QStringLiteral("ppocr"), std::make_shared<MissingModelsFactory>());
    return pool.engines();
}

} // namespace

TEST(EngineChoice, TesseractInfoComesFromTheInstalledEngine)
{
    const EnginePool pool;
    const auto engines = pool.engines();
    ASSERT_FALSE(engines.empty());
    const auto it = std::find_if(engines.begin(), engines.end(),
                                 [](const EngineInfo& e) { return e.name == QLatin1String("tesseract"); });
    ASSERT_NE(it, engines.end());
    EXPECT_EQ(it->version, tesseractVersion());
    EXPECT_EQ(it->languages, tesseractLanguages());
    EXPECT_TRUE(it->languages.contains(QStringLiteral("eng")));
    EXPECT_TRUE(it->available);
    EXPECT_TRUE(it->detects);
    EXPECT_TRUE(it->recognizes);
    EXPECT_TRUE(it->reason.isEmpty());
}

TEST(EngineChoice, KeptInTheProject)
{
    TempProject project;
    {
        auto store = project.store();
        ASSERT_TRUE(store);
        auto fresh = readEngineChoice(*store);
        ASSERT_TRUE(fresh.ok());
        EXPECT_TRUE(fresh->engines.isEmpty());
        EXPECT_TRUE(fresh->profile.isEmpty());
        EXPECT_FALSE(store->meta(QStringLiteral("ocr_engines"))->has_value());
        ASSERT_TRUE(writeEngineChoice(*store, {QStringLiteral("tesseract+ppocr"), QStringLiteral("fast")}).ok());
        EXPECT_FALSE(writeEngineChoice(*store, {QStringLiteral("easyocr"), {}}).ok());
    }
    auto reopened = ProjectStore::open(project.path(), OpenMode::ReadOnly);
    ASSERT_TRUE(reopened.ok());
    auto choice = readEngineChoice(**reopened);
    ASSERT_TRUE(choice.ok());
    EXPECT_EQ(choice->engines, QStringLiteral("tesseract+ppocr"));
    EXPECT_EQ(choice->profile, QStringLiteral("fast"));
    EXPECT_EQ(*(*reopened)->meta(QStringLiteral("ocr_profile")), std::optional<QString>(QStringLiteral("fast")));
    EXPECT_FALSE((*reopened)->setMeta(QStringLiteral("ocr_profile"), QStringLiteral("accurate")).ok());
}

TEST(EngineChoice, ProfilesChooseTheEngines)
{
    EnginePool pool;
    pool.registerEngine(QStringLiteral("ppocr"), std::make_shared<TesseractEngineFactory>()); // an available one
    auto accurate = resolveEngines({}, false, pool.engines());
    ASSERT_TRUE(accurate.ok());
    EXPECT_EQ(accurate->engines, QStringLiteral("tesseract+ppocr"));
    EXPECT_EQ(accurate->profile, QStringLiteral("accurate"));
    EXPECT_TRUE(accurate->notes.isEmpty());
    auto fast = resolveEngines({{}, QStringLiteral("fast")}, false, pool.engines());
    ASSERT_TRUE(fast.ok());
    EXPECT_EQ(fast->engines, QStringLiteral("tesseract"));
    auto named = resolveEngines({QStringLiteral("ppocr"), QStringLiteral("fast")}, true, pool.engines());
    ASSERT_TRUE(named.ok());
    EXPECT_EQ(named->engines, QStringLiteral("ppocr"));
}

TEST(EngineChoice, TheDefaultFallsBackToTesseractWithANote)
{
    for (const auto& engines : {enginesWithBrokenPpocr(), tesseractOnly()}) {
        auto r = resolveEngines({}, false, engines);
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->engines, QStringLiteral("tesseract"));
        EXPECT_EQ(r->profile, QStringLiteral("accurate"));
        ASSERT_EQ(r->notes.size(), 1);
        EXPECT_TRUE(r->notes[0].startsWith(QStringLiteral("ppocr is not available"))) << r->notes[0];
        EXPECT_EQ(r->fellBackFrom, QStringLiteral("ppocr"));
    }
    auto r = resolveEngines({}, false, enginesWithBrokenPpocr());
    EXPECT_EQ(r->fallbackReason, QStringLiteral("model file ch_PP-OCRv4_det_infer.onnx is missing"));
    // A project's stored choice falls back too (the project may have come from another machine).
    auto stored = resolveEngines({QStringLiteral("tesseract+ppocr"), {}}, false, enginesWithBrokenPpocr());
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->engines, QStringLiteral("tesseract"));
}

TEST(EngineChoice, AnEngineAskedForByNameMustBeAvailable)
{
    for (const QString& choice : {QStringLiteral("ppocr"), QStringLiteral("tesseract+ppocr")}) {
        auto r = resolveEngines({choice, {}}, true, enginesWithBrokenPpocr());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::Unavailable);
        EXPECT_EQ(r.error().message, QStringLiteral("the OCR engine ppocr is not available: model file "
                                                    "ch_PP-OCRv4_det_infer.onnx is missing"));
    }
    auto missing = resolveEngines({QStringLiteral("ppocr"), {}}, true, tesseractOnly());
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("not part of this installation")));
    auto tesseract = resolveEngines({QStringLiteral("tesseract"), {}}, true, enginesWithBrokenPpocr());
    ASSERT_TRUE(tesseract.ok());
    EXPECT_TRUE(tesseract->notes.isEmpty());
    EXPECT_FALSE(resolveEngines({QStringLiteral("easyocr"), {}}, true, {}).ok());
    EXPECT_FALSE(resolveEngines({{}, QStringLiteral("slow")}, false, {}).ok());
}
