#pragma once
// What people see of document types: the translated titles of the default types, and a document's type
// as the documents list shows it ("Fax", or "Fax? 62 %" while only the classifier says so).
// GUI thread only (translations).

#include "core/model/records.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace incidoc::ui {

struct DocumentTypeText {
    Q_DECLARE_TR_FUNCTIONS(incidoc::ui::DocumentTypeText)
public:
    /// The type's own title, else the translated built-in title of a default type, else its name.
    static QString title(const DocumentType& type);
    /// The title of the type named `name` among `types` (its name when it is not one of them).
    static QString title(const QString& name, const std::vector<DocumentType>& types);
    /// A document's type: "" (none), "Fax" (a person's), "Fax? 62 %" (predicted, with its confidence).
    static QString shown(const DocumentRecord& document, const std::vector<DocumentType>& types);
    /// The tooltip of a document's type: who set it.
    static QString explained(const DocumentRecord& document, const std::vector<DocumentType>& types);
};

} // namespace incidoc::ui
