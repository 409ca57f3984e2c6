#pragma once
// The incident records of a bundle: records/<doc>.json, one per document (every typed field of its forms
// with its value, whether it is valid and why not, where it is and the text of its key, plus the findings
// of the checks across pages and documents), and records.csv, one row per typed field of the export.
//
// Threading: reentrant.

#include "core/export/bundle_page.h"
#include "core/forms/fields.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace incidoc {

/// One typed field found on a page: an entity with EntityRecord::field set.
struct RecordField {
    EntityId entity = 0;
    PageId pageId = 0;
    int page = 0; ///< page number
    QString field, value;
    QString key; ///< the text of the entity linked to it (its key: the link's source; else its target), or ""
    PixelBox box;
};

/// The typed fields of one page, in the page's order of entities.
std::vector<RecordField> pageRecordFields(const BundlePage& page);

/// One document's typed fields, in page order.
struct DocumentFields {
    DocumentRecord document;
    QString slug;
    std::vector<RecordField> fields;
};

/// The entries: records/<slug>.json for each document, then records.csv. Each value is checked with
/// checkField(`patterns`); the findings across pages and documents (checkFields over every document given)
/// go into the records of the documents they are about.
///
/// records/<slug>.json: {"schema": "incidoc.record/1", "document": {"slug", "name", "sha256"},
///   "record": {field: the first value of each field, normalized when valid},
///   "fields": [{"field", "title", "value", "normalized", "valid", "problem", "page", "box" [x0, y0, x1, y1],
///   "key"}], "findings": [{"kind", "message", "page"}]} ("key" null when nothing is linked; "findings" leave
///   out the invalid values, which "fields" already says).
/// records.csv: document,page,field,value,normalized,valid,problem,key,x0,y0,x1,y1 (RFC 4180 quoting).
std::vector<std::pair<QString, QByteArray>> incidentRecords(const std::vector<DocumentFields>& documents,
                                                            const FieldPatterns& patterns);

} // namespace incidoc
