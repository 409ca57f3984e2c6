-- Incidoc project file, schema version 4 (migration 3 -> 4): forms. Entities are ordered groups of words of
-- one page with a label; links are directed, typed relations between two entities of a page. Run once
-- inside one transaction by core/storage/schema.cpp after schema_v3.sql; the store then sets
-- PRAGMA user_version = 4. Older files have no entities and no links.

-- `label`: FUNSD's header, question, answer, other, or '' (not labelled yet). `field`: a typed incident
-- field (core/forms/fields.h) or ''. `source`: 'user', 'proposal', 'carried' or 'import:<format>';
-- `proposed` = 1 while nobody accepted the proposal. `external_id`: the entity's id in the file it was
-- imported from. `text`: the entity's text as imported when it differs from its words joined with spaces
-- (NULL: the words).
CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    page_id     INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    label       TEXT NOT NULL DEFAULT '',
    field       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'user',
    proposed    INTEGER NOT NULL DEFAULT 0,
    external_id TEXT NOT NULL DEFAULT '',
    text        TEXT
);
CREATE INDEX entities_page ON entities(page_id);

-- The words of an entity in the entity's order. A word belongs to one entity at most. A deleted word
-- leaves its entity (the store records that in the edit history and removes an entity left empty).
CREATE TABLE entity_words (
    word_id   INTEGER PRIMARY KEY REFERENCES words(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    ord       INTEGER NOT NULL
);
CREATE INDEX entity_words_entity ON entity_words(entity_id, ord);

-- Links from one entity to another of the same page (`type` 'key_value': a question to its answer).
CREATE TABLE links (
    id          INTEGER PRIMARY KEY,
    page_id     INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    from_entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    to_entity   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    type        TEXT NOT NULL DEFAULT 'key_value',
    source      TEXT NOT NULL DEFAULT 'user',
    proposed    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (from_entity, to_entity, type)
);
CREATE INDEX links_page ON links(page_id);
CREATE INDEX links_to ON links(to_entity);
