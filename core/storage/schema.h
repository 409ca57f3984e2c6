#pragma once
// The project file's schema: its application id and the list of migrations that bring a file from
// PRAGMA user_version N-1 to N. Internal to core/storage. Reentrant (constant data only).

#include <string>
#include <vector>

namespace incidoc::schema {

/// PRAGMA application_id of every Incidoc project ("IDOC"); any other value is not our file.
inline constexpr int kApplicationId = 0x49444F43;

/// One step of the schema history. `sql` holds DDL and constant seed rows only (no values from input);
/// the store runs it, then sets PRAGMA user_version = version, all in one transaction.
struct Migration {
    int version; ///< user_version after this step
    const char* sql;
};

/// All steps in ascending version order: 0 -> 1 creates everything (schema.sql), 1 -> 2 adds the kind of
/// failure to documents and pages (schema_v2.sql; the store then fills it in from the reasons, see
/// pageFailureOfVersion1), 2 -> 3 adds each word's engine, review flag and other readings (schema_v3.sql),
/// 3 -> 4 forms (entities, links: schema_v4.sql), 4 -> 5 document types with their profiles, how a
/// document got its type, and the files watchers found (schema_v5.sql).
/// To add version 6, write schema_v6.sql (ALTER TABLE ... / CREATE ...), compile it in like schema_v5.sql
/// and append {6, kVersion6}; then raise ProjectStore::kSchemaVersion.
const std::vector<Migration>& migrations();

/// An SQL expression for the kind of failure (a FailureKind string) of a row of `pages` written by
/// schema 1, which stored only the reason: the words the page hosts and the CLI supervisor used for a
/// page that crashed ("processing this page crashed"), hung ("... did not finish within") or ran out of
/// memory ("... used more than N MB of memory"); any other failed page is 'error'; a page that did not
/// fail ''. Used once by the migration to schema 2, and by a read-only store of a schema-1 file (which
/// cannot be migrated) in place of the column. `prefix`: "" or a table alias with its dot ("p.").
std::string pageFailureOfVersion1(const std::string& prefix = {});
/// The same for `documents` ("processing this file crashed", ...): a file with an error is 'error'
/// unless the reason says it crashed, hung or ran out of memory; '' when it imported.
std::string documentFailureOfVersion1(const std::string& prefix = {});

/// The newest version the migrations reach (== ProjectStore::kSchemaVersion).
int latestVersion();

} // namespace incidoc::schema
