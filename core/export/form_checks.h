#pragma once
// The checks of a project's forms, read from the project: every typed value with the checks across pages
// and documents (core/forms/fields.h), and the checks before export on the pages an export would write
// (core/forms/export_checks.h). What `incidoc-cli status`, `export --strict`, the app's Checks panel and
// its export dialog list.
//
// Threading: not thread-safe (uses `store`, like the store itself).

#include "core/forms/fields.h"
#include "core/model/records.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <vector>

namespace incidoc {

class ProjectStore;

/// Project settings (meta) holding the patterns of typed fields.
inline constexpr char kCaseNumberPatternKey[] = "pattern_case_number";
inline constexpr char kVehiclePlatePatternKey[] = "pattern_vehicle_plate";

/// The project's field patterns ("" when not set).
Result<FieldPatterns> projectPatterns(ProjectStore& store);

/// Findings of the typed values of the project (document 0) or one document: invalid values and the
/// checks across pages and documents.
Result<std::vector<FormFinding>> fieldFindings(ProjectStore& store, DocumentId document = 0);

/// Which pages the checks before export look at: as ExportOptions::documents / reviewedOnly.
struct FindingScope {
    std::vector<DocumentId> documents; ///< empty: every imported document
    bool reviewedOnly = false;
};

/// The checks before export on every page in `scope`, in document and page order.
Result<std::vector<FormFinding>> exportFindings(ProjectStore& store, const FindingScope& scope = {},
                                                const CancelToken& cancel = {});

} // namespace incidoc
