-- A copy of core/storage/schema.sql and core/storage/schema_v2.sql as Incidoc shipped schema version 2,
-- one after the other, kept apart from the program: schema_migration_test builds real schema-2 project
-- files from it and migrates them to schema 3.
-- Enumerations are stored as the strings of core/model/types.h. Times are ISO 8601 UTC text.
-- Boxes are in page pixels (core/model/geometry.h): [x0, x1) x [y0, y1), origin top-left.

PRAGMA application_id = 1229213507; -- 0x49444F43, "IDOC": tells an Incidoc project from any other SQLite file

-- Small key/value facts about the file: created_with, created_at, last_edit_group.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- One row per source file. A file that could not be imported has `error` set and no pages;
-- `sha256` is NULL when the file could not even be read.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    name        TEXT NOT NULL,
    sha256      TEXT UNIQUE,
    size        INTEGER NOT NULL DEFAULT 0,
    kind        TEXT NOT NULL CHECK (kind IN ('pdf', 'image')),
    page_count  INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    error       TEXT,                          -- NULL when the file imported
    type        TEXT NOT NULL DEFAULT ''       -- document class; '' until classification exists
);

-- One row per page (or TIFF frame) of an imported document: the processing queue and its results.
CREATE TABLE pages (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,              -- 1-based
    width_pt    REAL NOT NULL DEFAULT 0,
    height_pt   REAL NOT NULL DEFAULT 0,
    width_px    INTEGER NOT NULL DEFAULT 0,
    height_px   INTEGER NOT NULL DEFAULT 0,
    dpi         INTEGER NOT NULL DEFAULT 0,
    rotation    INTEGER NOT NULL DEFAULT 0,
    kind        TEXT NOT NULL DEFAULT 'unknown'
                CHECK (kind IN ('unknown', 'scanned', 'text-layer', 'blank')),
    status      TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'processing', 'done', 'failed')),
    review      TEXT NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'in-progress', 'reviewed')),
    error       TEXT,                          -- failed: why; done: an optional note
    attempts    INTEGER NOT NULL DEFAULT 0,
    engine      TEXT,
    render_ms   INTEGER NOT NULL DEFAULT 0,
    classify_ms INTEGER NOT NULL DEFAULT 0,
    prepare_ms  INTEGER NOT NULL DEFAULT 0,
    ocr_ms      INTEGER NOT NULL DEFAULT 0,
    total_ms    INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT,
    UNIQUE (document_id, number)
);
CREATE INDEX pages_status ON pages(status);

-- Entity labels a reviewer puts on words.
CREATE TABLE labels (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    color    TEXT NOT NULL,                    -- "#rrggbb"
    shortcut TEXT NOT NULL DEFAULT ''
);

-- Words of a page in reading order (`ord` is 0..n-1 without gaps). A word a person changed
-- (`edited` = 1) or drew (`source` = 'user') survives re-OCR. `chars` is the compact per-character
-- encoding of core/storage/char_codec.h (NULL when the recognizer gave no characters).
CREATE TABLE words (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    block      INTEGER NOT NULL DEFAULT 0,
    line       INTEGER NOT NULL DEFAULT 0,
    ord        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    x0         INTEGER NOT NULL,
    y0         INTEGER NOT NULL,
    x1         INTEGER NOT NULL,
    y1         INTEGER NOT NULL,
    confidence REAL,                           -- 0-100; NULL for words drawn by a person
    source     TEXT NOT NULL CHECK (source IN ('ocr', 'text-layer', 'user')),
    ocr_text   TEXT,                           -- what the recognizer read, once a person changed `text`
    label_id   INTEGER REFERENCES labels(id) ON DELETE SET NULL,
    reviewed   INTEGER NOT NULL DEFAULT 0,
    edited     INTEGER NOT NULL DEFAULT 0,
    chars      BLOB
);
CREATE INDEX words_page ON words(page_id, ord);
CREATE INDEX words_label ON words(label_id) WHERE label_id IS NOT NULL;

-- The edit history: one row per change a person made, for undo/redo and provenance. `before` and
-- `after` are JSON objects with the changed fields ({} for a word that did not / no longer exists);
-- a deleted word's `before` holds all of its fields so undo can recreate it. Edits of one user action
-- share `group_id` (undo undoes a group). `word_id` has no foreign key: it outlives deleted words.
CREATE TABLE edits (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL,
    page_id  INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    word_id  INTEGER,                          -- NULL for page-level edits (review status)
    action   TEXT NOT NULL,                    -- text, box, label, add, delete, review
    before   TEXT NOT NULL DEFAULT '{}',
    after    TEXT NOT NULL DEFAULT '{}',
    author   TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL,
    undone   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX edits_page ON edits(page_id, id);
CREATE INDEX edits_group ON edits(group_id);

-- The default label set: distinct colours, shortcuts 1..9.
INSERT INTO labels (name, color, shortcut) VALUES
    ('PERSON',       '#e6194b', '1'),
    ('DATE',         '#3cb44b', '2'),
    ('TIME',         '#4363d8', '3'),
    ('LOCATION',     '#f58231', '4'),
    ('VEHICLE',      '#911eb4', '5'),
    ('PLATE',        '#42d4f4', '6'),
    ('CASE_NUMBER',  '#f032e6', '7'),
    ('ORGANIZATION', '#9a6324', '8'),
    ('SIGNATURE',    '#808000', '9');

INSERT INTO meta (key, value) VALUES ('last_edit_group', '0');

-- ---- schema_v2.sql ----
-- Values: the strings of FailureKind in core/model/types.h; '' when the row did not fail.

-- A file that could not be imported (`error` set): 'error', or 'crash' / 'hang' / 'memory' when opening
-- it ended the process that read it.
ALTER TABLE documents ADD COLUMN failure TEXT NOT NULL DEFAULT ''
    CHECK (failure IN ('', 'error', 'crash', 'hang', 'memory', 'cancelled'));

-- A page with status 'failed': 'error', or 'crash' / 'hang' / 'memory' when processing it ended (or
-- was stopped in) the process that held it; '' for every other status.
ALTER TABLE pages ADD COLUMN failure TEXT NOT NULL DEFAULT ''
    CHECK (failure IN ('', 'error', 'crash', 'hang', 'memory', 'cancelled'));
