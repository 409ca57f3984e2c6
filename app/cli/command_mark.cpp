// `mark --page ID (--word ID | --entity ID | --region X0,Y0,X1,Y1) [--type TYPE | --not-sensitive]`: what
// a person marks in the app's Redaction panel, from a script: a word, an entity or a region of a page
// marked sensitive (of a type: it decides the pseudonym of a redacted export) or not sensitive (a finding
// overruled). A mark on the same target replaces the old one; the edit is in the project's history.

#include "app/cli/commands.h"
#include "core/model/redaction.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QJsonObject>

namespace incidoc::cli {

int commandMark(const CliOptions& o)
{
    if (!QFileInfo(o.project).isFile()) {
        err(Cli::tr("error: cannot open project %1: no such file").arg(o.project));
        return kExitUsage;
    }
    auto opened = ProjectStore::open(o.project, OpenMode::ReadWrite);
    if (!opened) {
        err(Cli::tr("error: cannot open project %1: %2").arg(o.project, opened.error().message));
        return kExitUsage;
    }
    ProjectStore& store = **opened;
    const CliOptions::MarkArgs& a = o.mark;
    RedactionMark mark;
    mark.pageId = a.page;
    if (a.word > 0) {
        mark.target = MarkTarget::Word;
        mark.word = a.word;
    } else if (a.entity > 0) {
        mark.target = MarkTarget::Entity;
        mark.entity = a.entity;
    } else {
        mark.target = MarkTarget::Region;
        mark.box = a.region.value_or(PixelBox{});
    }
    mark.sensitive = !a.notSensitive;
    mark.type = sensitiveTypeFromString(a.type).value_or(SensitiveType::Other);
    auto id = store.addRedactionMark(mark);
    if (!id) {
        err(Cli::tr("error: %1").arg(id.error().message));
        return id.error().code == ErrorCode::NotFound || id.error().code == ErrorCode::InvalidInput ? kExitUsage
                                                                                                    : kExitSomeFailed;
    }
    RedactionMark stored = mark;
    if (auto marks = store.redactionMarks(a.page))
        for (const RedactionMark& m : *marks)
            if (m.id == *id)
                stored = m;
    if (o.json) {
        printJson(QJsonObject{{QStringLiteral("mark_id"), *id},
                              {QStringLiteral("page_id"), stored.pageId},
                              {QStringLiteral("target"), toString(stored.target)},
                              {QStringLiteral("word_id"), stored.word},
                              {QStringLiteral("entity_id"), stored.entity},
                              {QStringLiteral("box"), QJsonObject{{QStringLiteral("x0"), stored.box.x0},
                                                                  {QStringLiteral("y0"), stored.box.y0},
                                                                  {QStringLiteral("x1"), stored.box.x1},
                                                                  {QStringLiteral("y1"), stored.box.y1}}},
                              {QStringLiteral("sensitive"), stored.sensitive},
                              {QStringLiteral("type"), stored.sensitive ? toString(stored.type) : QString()}});
    } else if (!o.quiet) {
        const QString what = stored.target == MarkTarget::Word     ? Cli::tr("word %1").arg(stored.word)
                             : stored.target == MarkTarget::Entity ? Cli::tr("entity %1").arg(stored.entity)
                                                                   : Cli::tr("region %1,%2,%3,%4")
                                                                         .arg(stored.box.x0)
                                                                         .arg(stored.box.y0)
                                                                         .arg(stored.box.x1)
                                                                         .arg(stored.box.y1);
        out(stored.sensitive
                ? Cli::tr("Marked %1 of page %2 sensitive (%3): mark %4")
                      .arg(what)
                      .arg(stored.pageId)
                      .arg(toString(stored.type))
                      .arg(*id)
                : Cli::tr("Marked %1 of page %2 not sensitive: mark %3").arg(what).arg(stored.pageId).arg(*id));
    }
    return kExitOk;
}

} // namespace incidoc::cli
