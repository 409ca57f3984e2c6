-- Incidoc project file, schema version 3 (migration 2 -> 3): two OCR readers. Each word records the engine
-- whose reading is its text, whether a person should look at it, and the other engines' readings. Run once
-- inside one transaction by core/storage/schema.cpp after schema_v2.sql; the store then sets
-- PRAGMA user_version = 3. Words of older files read as no engine, not flagged, no other readings.

-- `engine`: registry name of the engine that read `text` ('tesseract', 'ppocr'); '' for a text layer,
-- a word drawn by a person and every word of an older file. `flagged` = 1: the readers disagree or both
-- are unsure (a person editing or accepting the word clears it). `alternatives`: the other engines'
-- readings as a compact JSON array [{"engine": "ppocr", "text": "...", "confidence": 87.5}], NULL for none.
ALTER TABLE words ADD COLUMN engine TEXT NOT NULL DEFAULT '';
ALTER TABLE words ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE words ADD COLUMN alternatives TEXT;

-- The review walk over flagged words (few of all words).
CREATE INDEX words_flagged ON words(page_id, ord) WHERE flagged = 1;
