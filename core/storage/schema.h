#pragma once
// The project file's schema: its application id and the list of migrations that bring a file from
// PRAGMA user_version N-1 to N. Internal to core/storage. Reentrant (constant data only).

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

/// All steps in ascending version order: 0 -> 1 creates everything (schema.sql). To add version 2,
/// write schema_v2.sql (ALTER TABLE ... / CREATE ...), compile it in like schema.sql and append
/// {2, kVersion2}; then raise ProjectStore::kSchemaVersion.
const std::vector<Migration>& migrations();

/// The newest version the migrations reach (== ProjectStore::kSchemaVersion).
int latestVersion();

} // namespace incidoc::schema
