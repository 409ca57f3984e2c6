-- Incidoc project file, schema version 2 (migration 1 -> 2): the kind of every failure, stored beside
-- its reason so that nothing decides from the reason's words. Run once inside one transaction by
-- core/storage/schema.cpp after schema.sql; the store then fills in the kind of the failures a
-- schema-1 file already holds (ProjectStore::Impl::migrate) and sets PRAGMA user_version = 2.
-- Values: the strings of FailureKind in core/model/types.h; '' when the row did not fail.

-- A file that could not be imported (`error` set): 'error', or 'crash' / 'hang' / 'memory' when opening
-- it ended the process that read it.
ALTER TABLE documents ADD COLUMN failure TEXT NOT NULL DEFAULT ''
    CHECK (failure IN ('', 'error', 'crash', 'hang', 'memory', 'cancelled'));

-- A page with status 'failed': 'error', or 'crash' / 'hang' / 'memory' when processing it ended (or
-- was stopped in) the process that held it; '' for every other status.
ALTER TABLE pages ADD COLUMN failure TEXT NOT NULL DEFAULT ''
    CHECK (failure IN ('', 'error', 'crash', 'hang', 'memory', 'cancelled'));
