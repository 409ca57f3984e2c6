#include "core/export/form_checks.h"

#include "core/forms/export_checks.h"
#include "core/storage/project_store.h"

#include <algorithm>

namespace incidoc {

Result<FieldPatterns> projectPatterns(ProjectStore& store)
{
    FieldPatterns p;
    auto caseNumber = store.meta(QString::fromLatin1(kCaseNumberPatternKey));
    if (!caseNumber)
        return caseNumber.error();
    auto plate = store.meta(QString::fromLatin1(kVehiclePlatePatternKey));
    if (!plate)
        return plate.error();
    p.caseNumber = caseNumber->value_or(QString());
    p.vehiclePlate = plate->value_or(QString());
    return p;
}

Result<std::vector<FormFinding>> fieldFindings(ProjectStore& store, DocumentId document)
{
    auto patterns = projectPatterns(store);
    if (!patterns)
        return patterns.error();
    // Cross-document checks (the same person with the same date of birth) need every value: read them
    // all, then keep the findings of the document asked for.
    auto entities = store.fieldEntities();
    if (!entities)
        return entities.error();
    std::vector<FieldValue> values;
    values.reserve(entities->size());
    for (const auto& [page, entity] : *entities) {
        FieldValue v;
        v.document = page.documentId;
        v.page = page.id;
        v.pageNumber = page.number;
        v.entity = entity.id;
        v.field = entity.field;
        v.value = entity.text;
        v.box = entity.box;
        values.push_back(v);
    }
    std::vector<FormFinding> findings = checkFields(values, *patterns);
    if (document != 0)
        std::erase_if(findings, [&](const FormFinding& f) { return f.document != document; });
    return findings;
}

Result<std::vector<FormFinding>> exportFindings(ProjectStore& store, const FindingScope& scope,
                                                const CancelToken& cancel)
{
    auto documents = store.documents();
    if (!documents)
        return documents.error();
    std::vector<FormFinding> out;
    for (const DocumentRecord& d : *documents) {
        if (!d.error.isEmpty())
            continue;
        if (!scope.documents.empty()
            && std::find(scope.documents.begin(), scope.documents.end(), d.id) == scope.documents.end())
            continue;
        auto pages = store.pages(d.id);
        if (!pages)
            return pages.error();
        for (const PageRecord& p : *pages) {
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            if (scope.reviewedOnly && p.review != ReviewStatus::Reviewed)
                continue;
            auto words = store.words(p.id);
            if (!words)
                return words.error();
            auto form = store.pageForm(p.id);
            if (!form)
                return form.error();
            std::vector<FormFinding> found = exportChecks(p, *words, *form);
            out.insert(out.end(), found.begin(), found.end());
        }
    }
    return out;
}

} // namespace incidoc
