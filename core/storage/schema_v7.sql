-- Incidoc project file, schema version 7 (migration 6 -> 7): redaction. Run once inside one transaction by
-- core/storage/schema.cpp after schema_v6.sql; the store then sets PRAGMA user_version = 7.

-- What a person marked sensitive (to be redacted in a redacted export), or not sensitive (a finding
-- overruled), on a page (core/model/redaction.h). `target`: 'word' (word_id; its box is kept so that the
-- mark finds the word again after a re-OCR replaced it), 'entity' (entity_id, its words' box), 'region'
-- (the box alone: the page image is filled there, and the words inside it are redacted). `type`: a
-- sensitive type name ("person_name", "signature", ...; "" with sensitive = 0). Boxes: page pixels.
CREATE TABLE redaction_marks (
    id INTEGER PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN ('word', 'entity', 'region')),
    word_id INTEGER,
    entity_id INTEGER,
    x0 INTEGER NOT NULL, y0 INTEGER NOT NULL, x1 INTEGER NOT NULL, y1 INTEGER NOT NULL,
    sensitive INTEGER NOT NULL DEFAULT 1,
    type TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX redaction_marks_page ON redaction_marks(page_id);

-- The project's redaction secret (hex) lives in the meta table under "redaction_secret", made on first
-- use: pseudonyms are derived from it, so re-exports agree and other projects differ. It never leaves the
-- project file.
