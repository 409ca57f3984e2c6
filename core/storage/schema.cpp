#include "core/storage/schema.h"

#include "core/storage/schema_sql.h" // generated from schema.sql

namespace incidoc::schema {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> steps{
        {1, schema_sql::kVersion1},
    };
    return steps;
}

int latestVersion()
{
    return migrations().back().version;
}

} // namespace incidoc::schema
