#pragma once
// A mixed set of incident documents of known types, for the document-type classifier's test and
// benchmark: incident report forms (generated forms, or FUNSD's scanned forms when given), narrative
// continuation sheets, witness statements, photos of a page on a table, faxes (bilevel, 204 x 98 dpi,
// with a fax header line) and other documents (invoices, memos, timetables, or the shared PDFs when
// given). Wording, names, fonts, layout details and defects vary with the seed; everything is
// deterministic for a seed. Thread contract: reentrant; needs the QGuiApplication of the test main().

#include <QString>
#include <QStringList>

#include <vector>

namespace incidoc::test {

struct MixedDocument {
    QString path;
    QString type; ///< one of the default document types (core/model/document_types.h)
};

struct MixedSetOptions {
    int perType = 5;
    unsigned seed = 1;
    /// Text documents as born-digital PDFs (fast: no OCR) when true; else as scanned images (real OCR),
    /// half of them.
    bool textPdfs = true;
    /// Resolution of the scanned images (the photos are painted at two thirds of it).
    int scanDpi = 150;
    QStringList funsdImages; ///< when given: the incident reports alternate generated forms and these
    QStringList otherFiles;  ///< when given: the "other" documents alternate generated ones and these
};

/// Writes the set into `dir` (which must exist); returns the documents in a shuffled order.
std::vector<MixedDocument> writeMixedSet(const QString& dir, const MixedSetOptions& options);

} // namespace incidoc::test
