-- Incidoc project file, schema version 5 (migration 4 -> 5): documents that arrive by themselves and are
-- treated by kind. Run once inside one transaction by core/storage/schema.cpp after schema_v4.sql; the
-- store then sets PRAGMA user_version = 5. Older files have the default types and no watched files.

-- The project's document types, in the order they are offered. `name`: a stable identifier (lower case
-- letters, digits and '_'); `title`: what people see ('' for the default types: the app and the CLI show
-- their translated built-in titles). `profile`: how pages of documents of the type are processed, a JSON
-- object ('{}': the project's own choice applies; keys in core/model/document_types.h).
CREATE TABLE document_types (
    name     TEXT PRIMARY KEY,
    title    TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    profile  TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO document_types (name, position) VALUES
    ('incident_report', 1), ('narrative', 2), ('witness_statement', 3), ('photo', 4), ('fax', 5), ('other', 6);

-- How a document got its type (documents.type; '' : none yet): 'user' (an annotator set or confirmed it;
-- the classifier learns from these), 'predicted' (the classifier, `type_confidence` in 0..1), '' (none).
ALTER TABLE documents ADD COLUMN type_source TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN type_confidence REAL;

-- What the document-type classifier (core/doctype) measured on a document's first page image: ruled
-- lines, margins, ink (a JSON object of numbers). Measured once; `version`: how it was measured (another
-- version is measured again).
CREATE TABLE document_image_features (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    features    TEXT NOT NULL
);

-- Files a watcher (incidoc-cli watch, the app's Watch folders) found in a watched folder, so that a file
-- seen before is not imported again after a restart. `state`: 'waiting' (seen, not yet complete: its size
-- still changes or it does not open yet), 'imported' (registered as `document_id`), 'duplicate' (its
-- bytes are already in the project), 'failed' (`error` says why; the file is recorded like any failed
-- import), 'gone' (it disappeared before it was complete). `size` and `mtime_ms` as last seen: a file
-- replaced by other bytes (another size or time) is looked at again.
CREATE TABLE watched_files (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL DEFAULT 0,
    mtime_ms    INTEGER NOT NULL DEFAULT 0,
    state       TEXT NOT NULL DEFAULT 'waiting'
                CHECK (state IN ('waiting', 'imported', 'duplicate', 'failed', 'gone')),
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    first_seen  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    error       TEXT
);
CREATE INDEX watched_files_state ON watched_files(state);

-- What each page was last processed with: the run's options with its document type's profile applied,
-- as a canonical string (processingKey() in core/pipeline/type_profiles.h, e.g.
-- "engines=tesseract;profile=fast;dpi=150*;binarize=sauvola*;review=95*", '*' after what the type set).
-- NULL: processed before profiles were recorded (with the project's own choice). Changing a document's
-- type or a type's profile processes again the pages whose options now differ (requeueForProfiles).
ALTER TABLE pages ADD COLUMN profile TEXT;
