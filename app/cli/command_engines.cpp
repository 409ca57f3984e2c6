// `engines`: every OCR engine this installation has, with its version, languages, capabilities and
// whether it can run here (and why not).

#include "app/cli/commands.h"
#include "core/ocr/engine_pool.h"

#include <QJsonArray>

#include <algorithm>

namespace incidoc::cli {

QJsonObject engineJson(const EngineInfo& e)
{
    return QJsonObject{
        {QStringLiteral("name"), e.name},       {QStringLiteral("available"), e.available},
        {QStringLiteral("version"), e.version}, {QStringLiteral("languages"), QJsonArray::fromStringList(e.languages)},
        {QStringLiteral("detects"), e.detects}, {QStringLiteral("recognizes"), e.recognizes},
        {QStringLiteral("reason"), e.reason}};
}

int commandEngines(const CliOptions& o)
{
    std::vector<EngineInfo> engines = EnginePool().engines();
    // The default first, as the worker lists them.
    std::stable_partition(engines.begin(), engines.end(),
                          [](const EngineInfo& e) { return e.name == QLatin1String(EnginePool::kTesseract); });
    if (o.json) {
        QJsonArray list;
        for (const EngineInfo& e : engines)
            list.append(engineJson(e));
        printJson(QJsonObject{{QStringLiteral("engines"), list}});
        return kExitOk;
    }
    for (const EngineInfo& e : engines) {
        QStringList capabilities;
        if (e.detects)
            capabilities << Cli::tr("detects");
        if (e.recognizes)
            capabilities << Cli::tr("recognizes");
        out(Cli::tr("%1 %2: %3")
                .arg(e.name, e.version,
                     e.available ? Cli::tr("available") : Cli::tr("not available: %1").arg(e.reason)));
        out(Cli::tr("  capabilities: %1").arg(capabilities.join(QStringLiteral(", "))));
        out(Cli::tr("  languages:    %1").arg(e.languages.join(QStringLiteral(", "))));
    }
    return kExitOk;
}

} // namespace incidoc::cli
