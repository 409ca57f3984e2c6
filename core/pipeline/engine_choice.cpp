#include "core/pipeline/engine_choice.h"

#include "core/ocr/engine_pool.h"
#include "core/storage/project_store.h"

namespace incidoc {
namespace {

const QString kTesseractName = QString::fromLatin1(EnginePool::kTesseract);
const QString kPpocrName = QStringLiteral("ppocr");

} // namespace

QStringList engineChoices()
{
    return {kTesseractName, kPpocrName, kTesseractName + QLatin1Char('+') + kPpocrName};
}

QStringList profileChoices()
{
    return {QStringLiteral("fast"), QStringLiteral("accurate")};
}

QString defaultProfile()
{
    return QStringLiteral("accurate");
}

Result<EngineChoice> readEngineChoice(ProjectStore& store)
{
    EngineChoice choice;
    auto engines = store.meta(QString::fromLatin1(kMetaOcrEngines));
    if (!engines)
        return engines.error();
    auto profile = store.meta(QString::fromLatin1(kMetaOcrProfile));
    if (!profile)
        return profile.error();
    if (*engines && engineChoices().contains(**engines))
        choice.engines = **engines;
    if (*profile && profileChoices().contains(**profile))
        choice.profile = **profile;
    return choice;
}

Status writeEngineChoice(ProjectStore& store, const EngineChoice& choice)
{
    if (!choice.engines.isEmpty() && !engineChoices().contains(choice.engines))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not an engine choice: %1").arg(choice.engines));
    if (!choice.profile.isEmpty() && !profileChoices().contains(choice.profile))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a profile: %1").arg(choice.profile));
    if (Status s = store.setMeta(QString::fromLatin1(kMetaOcrEngines), choice.engines); !s)
        return s;
    return store.setMeta(QString::fromLatin1(kMetaOcrProfile), choice.profile);
}

QString enginesOfProfile(const QString& profile)
{
    return profile == QLatin1String("fast") ? kTesseractName : kTesseractName + QLatin1Char('+') + kPpocrName;
}

QStringList enginesIn(const QString& engines)
{
    return engines.split(QLatin1Char('+'), Qt::SkipEmptyParts);
}

QString unavailableReason(const QString& name, const std::vector<EngineInfo>& engines)
{
    for (const EngineInfo& info : engines) {
        if (info.name != name)
            continue;
        if (info.available)
            return {};
        return info.reason.isEmpty() ? QStringLiteral("not available") : info.reason;
    }
    return QStringLiteral("not part of this installation");
}

Result<ResolvedEngines> resolveEngines(const EngineChoice& choice, bool explicitEngines,
                                       const std::vector<EngineInfo>& engines)
{
    ResolvedEngines out;
    out.profile = choice.profile.isEmpty() ? defaultProfile() : choice.profile;
    if (!profileChoices().contains(out.profile))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("unknown profile \"%1\" (fast or accurate)").arg(out.profile));
    if (!choice.engines.isEmpty() && !engineChoices().contains(choice.engines))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("unknown engine choice \"%1\" (%2)")
                                                      .arg(choice.engines, engineChoices().join(QStringLiteral(", "))));
    out.engines = choice.engines.isEmpty() ? enginesOfProfile(out.profile) : choice.engines;
    const bool chosenByName = explicitEngines && !choice.engines.isEmpty();

    if (const QString why = unavailableReason(kTesseractName, engines);
        !why.isEmpty() && enginesIn(out.engines).contains(kTesseractName))
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("the OCR engine tesseract is not available: %1").arg(why));
    const QString ppocrWhy = unavailableReason(kPpocrName, engines);
    if (ppocrWhy.isEmpty() || !enginesIn(out.engines).contains(kPpocrName))
        return out;
    if (chosenByName)
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("the OCR engine ppocr is not available: %1").arg(ppocrWhy));
    if (const QString why = unavailableReason(kTesseractName, engines); !why.isEmpty())
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("no OCR engine is available: ppocr: %1; tesseract: %2").arg(ppocrWhy, why));
    out.notes << QStringLiteral("ppocr is not available (%1): Tesseract reads alone").arg(ppocrWhy);
    out.fellBackFrom = kPpocrName;
    out.fallbackReason = ppocrWhy;
    out.engines = kTesseractName;
    return out;
}

} // namespace incidoc
