#include "core/storage/schema.h"

#include "core/storage/schema_sql.h" // generated from schema.sql

namespace incidoc::schema {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> steps{
        {1, schema_sql::kVersion1}, {2, schema_sql::kVersion2}, {3, schema_sql::kVersion3}, {4, schema_sql::kVersion4},
        {5, schema_sql::kVersion5}, {6, schema_sql::kVersion6}, {7, schema_sql::kVersion7},
    };
    return steps;
}

// GLOB, not LIKE: the reasons were written in exactly these words (LIKE would ignore case).
std::string pageFailureOfVersion1(const std::string& prefix)
{
    const std::string error = prefix + "error";
    return "(CASE WHEN " + prefix
           + "status <> 'failed' THEN '' "
             "WHEN "
           + error
           + " GLOB 'processing this page crashed*' THEN 'crash' "
             "WHEN "
           + error
           + " GLOB 'processing this page did not finish within*' THEN 'hang' "
             "WHEN "
           + error
           + " GLOB 'processing this page used more than * MB of memory*' THEN 'memory' "
             "ELSE 'error' END)";
}

std::string documentFailureOfVersion1(const std::string& prefix)
{
    const std::string error = prefix + "error";
    return "(CASE WHEN " + error
           + " IS NULL THEN '' "
             "WHEN "
           + error
           + " GLOB 'processing this file crashed*' THEN 'crash' "
             "WHEN "
           + error
           + " GLOB 'processing this file did not finish within*' THEN 'hang' "
             "WHEN "
           + error
           + " GLOB 'processing this file used more than * MB of memory*' THEN 'memory' "
             "ELSE 'error' END)";
}

int latestVersion()
{
    return migrations().back().version;
}

} // namespace incidoc::schema
