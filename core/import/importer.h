#pragma once
// Import: find files, hash them, tell what they are and how many pages they have.
// Nothing here renders or OCRs; nothing here touches the project file.

#include "core/model/records.h"
#include "core/util/result.h"

#include <QStringList>

#include <vector>

namespace incidoc {

/// Limits checked before any decoding. Value type.
struct ImportLimits {
    qint64 maxFileBytes = 2LL * 1024 * 1024 * 1024; ///< larger files are refused
    qint64 maxImagePixels = 200'000'000;            ///< image files whose header claims more are refused
};

/// Whether the file's first bytes say it is a PDF or a PNG, JPEG or TIFF image: what inspectFile() would
/// try to import (it still checks the rest). False for a missing or unreadable file. Reentrant.
bool looksImportable(const QString& path);

/// A file found by collectFiles(), or a path that could not be read (then `error` says why).
struct FoundFile {
    QString path;  ///< absolute, clean
    QString error; ///< e.g. "folder cannot be read: permission denied"
};

struct CollectedFiles {
    std::vector<FoundFile> files; ///< candidates and per-path errors, in a stable (sorted) order
    QStringList skipped;          ///< files inside folders that are not PDFs or images (by extension)
};

/// Expands files and folders (recursively, sorted, symlink loops avoided). A file named explicitly is
/// always a candidate; inside folders only .pdf/.png/.jpg/.jpeg/.tif/.tiff (any case) are.
/// Missing paths and unreadable folders become entries with an error. Reentrant.
CollectedFiles collectFiles(const QStringList& paths);

/// A file that was read, hashed and understood.
struct InspectedFile {
    DocumentRecord document;     ///< id 0; path, name, sha256, size, kind, pageCount filled
    std::vector<PageInfo> pages; ///< one per page (PDF) or frame (TIFF); 1 for PNG/JPEG
};

/// SHA-256 of a file's bytes, lower-case hex (streamed, constant memory).
Result<QString> sha256OfFile(const QString& path);

/// Reads and hashes `path`, detects its type from its bytes (not its name), opens it with Poppler or
/// Qt's image readers and lists its pages. Failures carry a reason a user understands: "empty file",
/// "not a PDF or image", "encrypted PDF (password required)", "damaged PDF: cannot be opened",
/// "image too large: 50000 x 50000 pixels (limit 200 megapixels)". When it fails after hashing,
/// `partial` (if given) receives the document with its sha256 so the failure can be recorded once.
/// Reentrant (each call opens its own Poppler document).
Result<InspectedFile> inspectFile(const QString& path, const ImportLimits& limits = {},
                                  DocumentRecord* partial = nullptr);

/// Opens files to list their pages: here (inspectFile()) or somewhere a crafted file cannot crash this
/// process (a page host, through the Workplace of core/pipeline/workplace.h). Implementations are
/// thread-safe.
class FileInspector {
public:
    virtual ~FileInspector() = default;
    /// inspectFile()'s contract.
    virtual Result<InspectedFile> inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial) = 0;
};

} // namespace incidoc
