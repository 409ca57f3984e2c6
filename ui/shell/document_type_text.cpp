#include "ui/shell/document_type_text.h"

#include <cmath>

namespace incidoc::ui {

QString DocumentTypeText::title(const DocumentType& type)
{
    if (!type.title.isEmpty())
        return type.title;
    if (type.name == QLatin1String("incident_report"))
        return tr("Incident report form");
    if (type.name == QLatin1String("narrative"))
        return tr("Continuation / narrative sheet");
    if (type.name == QLatin1String("witness_statement"))
        return tr("Witness statement");
    if (type.name == QLatin1String("photo"))
        return tr("Photo of a document");
    if (type.name == QLatin1String("fax"))
        return tr("Fax");
    if (type.name == QLatin1String("other"))
        return tr("Other");
    return type.name;
}

QString DocumentTypeText::title(const QString& name, const std::vector<DocumentType>& types)
{
    for (const DocumentType& t : types)
        if (t.name == name)
            return title(t);
    return title(DocumentType{name, {}, 0, {}});
}

QString DocumentTypeText::shown(const DocumentRecord& document, const std::vector<DocumentType>& types)
{
    if (document.type.isEmpty())
        return {};
    const QString t = title(document.type, types);
    if (document.typeSource != TypeSource::Predicted)
        return t;
    return tr("%1? %2 %").arg(t).arg(std::lround(document.typeConfidence.value_or(0) * 100));
}

QString DocumentTypeText::explained(const DocumentRecord& document, const std::vector<DocumentType>& types)
{
    if (document.type.isEmpty())
        return tr("No type yet: Document › Type sets one.");
    if (document.typeSource == TypeSource::Predicted)
        return tr("Predicted from the documents typed so far (confidence %1 %): Ctrl+Shift+T confirms it, "
                  "F9 or Document › Type corrects it.")
            .arg(std::lround(document.typeConfidence.value_or(0) * 100));
    return tr("%1, set by a person.").arg(title(document.type, types));
}

} // namespace incidoc::ui
