// `redactions`: what a redacted export (`export --redact`) would replace — every sensitive value the
// finder found (core/redact/sensitive_finder.h), with its type, why it was found, its document and page.
// The values are printed as they read in the project (this is the project's own view, never a bundle's).

#include "app/cli/commands.h"
#include "core/redact/sensitive_finder.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QJsonArray>

#include <map>

namespace incidoc::cli {

int commandRedactions(const CliOptions& o)
{
    if (!QFileInfo::exists(o.project)) {
        err(Cli::tr("error: cannot open project %1: it does not exist").arg(o.project));
        return kExitUsage;
    }
    auto store = ProjectStore::open(o.project, OpenMode::ReadOnly);
    if (!store) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
        return kExitUsage;
    }
    auto documents = (*store)->documents();
    if (!documents) {
        err(Cli::tr("error: %1").arg(documents.error().message));
        return kExitUsage;
    }
    std::map<DocumentId, QString> names;
    for (const DocumentRecord& d : *documents)
        names[d.id] = d.name;
    auto plan = planRedaction(**store);
    if (!plan) {
        err(Cli::tr("error: %1").arg(plan.error().message));
        return kExitUsage;
    }
    std::map<QString, int> byType;
    for (const SensitiveFinding& f : plan->findings)
        ++byType[toString(f.type)];
    if (o.json) {
        QJsonArray list;
        for (const SensitiveFinding& f : plan->findings) {
            QJsonArray words;
            for (WordId w : f.words)
                words.append(w);
            list.append(QJsonObject{{QStringLiteral("type"), toString(f.type)},
                                    {QStringLiteral("source"), toString(f.source)},
                                    {QStringLiteral("document"), f.document},
                                    {QStringLiteral("document_name"), names[f.document]},
                                    {QStringLiteral("page"), f.pageNumber},
                                    {QStringLiteral("text"), f.text},
                                    {QStringLiteral("bbox"), QJsonArray{f.box.x0, f.box.y0, f.box.x1, f.box.y1}},
                                    {QStringLiteral("words"), words}});
        }
        QJsonObject types;
        for (const auto& [type, n] : byType)
            types.insert(type, n);
        printJson(QJsonObject{{QStringLiteral("findings"), list},
                              {QStringLiteral("by_type"), types},
                              {QStringLiteral("values"), static_cast<int>(plan->values.size())}});
        return kExitOk;
    }
    if (plan->findings.empty()) {
        if (!o.quiet)
            out(Cli::tr("Nothing to redact."));
        return kExitOk;
    }
    for (const SensitiveFinding& f : plan->findings)
        out(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                .arg(toString(f.type), toString(f.source), names[f.document])
                .arg(f.pageNumber)
                .arg(f.text));
    if (!o.quiet)
        out(Cli::tr("%n finding(s) of %1 distinct value(s).", nullptr, static_cast<int>(plan->findings.size()))
                .arg(plan->values.size()));
    return kExitOk;
}

} // namespace incidoc::cli
