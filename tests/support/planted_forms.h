#pragma once
// Incident forms with planted sensitive values, for the redacted export's tests and benchmark: police
// incident reports, insurance claims and witness statements. Each document prints its values as key: value
// lines (fields), again in a narrative paragraph (full name, surname alone, "Surname's", the name in upper
// case, a phone in another format, a date written out, one value split across a line break) and in a table
// (name | DOB | phone | plate). The documents come in pairs about one incident (the same people, vehicle and
// case number: mentions across documents), officers recur, and some witnesses are surnamed Hill while every
// narrative says "up the hill" (a name that is also an ordinary word). Names, streets, cities, numbers and
// layouts vary with the seed; everything is deterministic for a seed, and document k does not depend on
// the count. Thread contract: reentrant; needs the QGuiApplication of the test main().

#include "core/model/redaction.h"

#include <QJsonArray>
#include <QString>

#include <vector>

namespace incidoc::test {

/// One value as the document prints it.
struct PlantedValue {
    SensitiveType type = SensitiveType::Other;
    QString text;                  ///< as printed, a line break inside it given as one space
    QString place;                 ///< "field", "narrative" or "table"
    bool splitAcrossLines = false; ///< printed across a line break (the break where text has a space)
};

struct PlantedDocument {
    QString path;
    QString layout; ///< "police_report", "insurance_claim" or "witness_statement"
    bool scanned = false;
    int incident = 0; ///< documents with the same incident share their people, vehicle and case number
    std::vector<PlantedValue> values;
};

struct PlantedOptions {
    int count = 6;
    unsigned seed = 1;
    /// Born-digital PDFs (real text layer, no OCR needed) when true; else scanned PDFs (grey images, light
    /// noise and skew: read by OCR).
    bool textPdfs = true;
    /// With textPdfs: every Nth document (the Nth, 2Nth ...) is scanned all the same (0: none).
    int scannedEvery = 0;
    int scanDpi = 200;
    /// 1: fields, narrative and table on one page; 2: fields on page 1, the narrative and table on page 2
    /// (which repeats the case number as a field).
    int pagesPerDocument = 1;
};

/// Writes `options.count` documents into `dir` (which must exist), named planted-NNN-LAYOUT.pdf; returns
/// them in order (empty if a file could not be written).
std::vector<PlantedDocument> writePlantedForms(const QString& dir, const PlantedOptions& options);

/// The documents as JSON: [{"path", "layout", "scanned", "incident", "values": [{"type", "text", "place",
/// "split"}]}] (type: toString(SensitiveType)).
QJsonArray plantedManifest(const std::vector<PlantedDocument>& documents);

} // namespace incidoc::test
