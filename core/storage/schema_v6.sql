-- Incidoc project file, schema version 6 (migration 5 -> 6): photographed pages. Run once inside one
-- transaction by core/storage/schema.cpp after schema_v5.sql; the store then sets PRAGMA user_version = 6.

-- How an image page is read as a photo (core/model/photo_geometry.h, a JSON object): not a photo, a photo
-- with no page found, or the page's four corners in the photo and the flat page's size and DPI. NULL: not
-- looked at yet (older projects' pages, pages of PDFs); the page is looked at when it is next processed.
-- Every render of the page (the view, OCR, the export) applies it; corners a person placed are kept.
ALTER TABLE pages ADD COLUMN photo TEXT;
