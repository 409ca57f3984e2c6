#pragma once
// Private to core/export: what a redacted export (ExportOptions::redact) does to the bundle — the plan of
// the project's sensitive data (core/redact/sensitive_finder.h) and the pseudonyms derived from its secret,
// applied to every page before any format sees it (words rewritten, entities' texts made again, document
// names, paths and hashes replaced), the page image areas filled, the redaction report, and the check of
// the finished archive (every text entry searched for the original values, every image read by OCR and
// its text searched too).
//
// Threading: an ExportRedaction is prepared and applied to pages on the exporting thread; fill() and the
// read-only accessors are reentrant (page tasks call them). verifyArchive() blocks the calling thread.

#include "core/export/bundle_page.h"
#include "core/redact/leak_check.h"
#include "core/redact/pseudonyms.h"
#include "core/redact/sensitive_finder.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QImage>
#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace incidoc {

/// The bundle name of the `index`-th document (0-based) of a redacted export: "document-001.pdf" (the
/// original's extension in lower case, kept: it says how the source was read, nothing about whom).
QString redactedDocumentName(std::size_t index, const DocumentRecord& original);

class ExportRedaction {
public:
    /// The plan of the project (`documents`: the export's choice, empty: all) and its pseudonyms. The
    /// secret is read from the project; a project that has none yet is opened writable once to make it.
    /// Errors: Storage, Io ("the project has no redaction secret yet and cannot be written: ...").
    static Result<std::unique_ptr<ExportRedaction>> prepare(const QString& projectPath,
                                                            const std::vector<DocumentId>& documents);

    const RedactionPlan& plan() const { return m_plan; }
    const Pseudonymizer& pseudonyms() const { return m_pseudonyms; }

    /// A document as a redacted bundle names it (`index`: its place among the exported documents): the
    /// name and path "document-001.pdf", the SHA-256 a keyed hash of the original one (so the split of
    /// the training sets stays per document), no size nor import date.
    DocumentRecord document(std::size_t index, const DocumentRecord& original) const;

    /// Rewrites one page: each sensitive word's text its share of its finding's pseudonym, its engine
    /// readings and its original OCR text dropped, entities' texts made again from their words; fills
    /// `page.redacted` and `page.blackout`, and counts the page for the report. Called in page order.
    void apply(BundlePage& page);

    /// Fills the page's blackout areas of `grey` (the page image, page pixels) opaque black.
    static void fill(QImage& grey, const BundlePage& page);

    /// redaction/report.json: counts only (never a value nor a pseudonym).
    QByteArray report() const;
    int wordsRewritten() const { return m_wordsRewritten; }
    /// Dates of the project that read like the pseudonym of another (the shift apart): not searched by the
    /// check, since the bundle holds them as that other date's pseudonym.
    int datesEqualToAShiftedDate() const;
    int areasFilled() const { return m_areasFilled; }
    int pagesWithRedactions() const { return static_cast<int>(m_pages.size()); }
    /// The plan's findings on the exported pages, per type name.
    std::map<QString, int> countsByType() const;

    /// Reads the finished archive at `path` back: every text entry decompressed and searched for the
    /// original values, every image entry (PNG, JPEG) read by Tesseract (`jobs` threads) and its text
    /// searched. Errors: Cancelled; Io (unreadable archive); Engine ("redaction check failed: <entry> holds a
    /// person name" / "... (OCR)").
    Status verifyArchive(const QString& path, int jobs, const CancelToken& cancel) const;

private:
    ExportRedaction(RedactionPlan plan, QByteArray secret);

    RedactionPlan m_plan;
    QByteArray m_secret;
    Pseudonymizer m_pseudonyms;
    // Findings of the exported pages (apply() counts them).
    std::map<SensitiveType, int> m_byType;
    std::map<FindingSource, int> m_bySource;
    std::vector<std::pair<QString, int>> m_pages; ///< (document slug, page number) with redactions
    int m_wordsRewritten = 0;
    int m_areasFilled = 0;
    QSet<QString> m_shiftedDates; ///< valueKey() of every date's pseudonym written
};

} // namespace incidoc
