#pragma once
// PAGE XML 2019-07-15 of one bundle page (page/<doc>/page-NNNN.xml), the ground-truth format of OCR-D,
// Transkribus, eScriptorium, Aletheia and kraken; valid against the PRImA schema. Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>
#include <QString>

namespace incidoc {

/// PcGts with Metadata (Creator, Created: the document's import time, LastChange: `created`, the export's
/// time, ISO 8601 UTC) and a Page (imageFilename relative to the bundle root, imageWidth, imageHeight):
///  - regions: one TextRegion per entity when the page has entities (custom "readingOrder {index:N;}
///    structure {type:question;}", plus "field {name:vin;}" for a typed field; a header is type "heading"),
///    the words in no entity grouped by block into regions of their own; without entities one TextRegion
///    per block. Each region holds TextLines (its words sharing a block and line) of Words, each with Coords
///    (the box's four corners) and TextEquiv (Unicode; conf 0-1 for words an engine read);
///  - ReadingOrder: an OrderedGroup of RegionRefIndexed, regions in the order of their first words;
///  - Relations: one Relation type="link" per link, custom = the link's type ("key_value"), from
///    SourceRegionRef (the key) to TargetRegionRef (the value).
QByteArray pageToPageXml(const BundlePage& page, const QString& created);

} // namespace incidoc
