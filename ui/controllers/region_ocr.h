#pragma once
// OCR of one region of a page, for "draw a box" (its text prefills the new word) and "re-OCR the
// selection with other settings" (its words replace the selected ones). ocrRegion() renders the page and
// reads the region through a Workplace (renderForDisplay, recognize: in a page host when the app runs
// isolated) with the core's readRegion() (core/ocr/region_reader.h); RegionOcrController runs it off the
// GUI thread.
//
// Thread contract: ocrRegion() is reentrant and meant for a worker thread: it takes values and the
// (thread-safe) workplace only. RegionOcrController: GUI thread only.

#include "core/model/records.h"
#include "core/ocr/ocr_engine.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

namespace incidoc {
class Workplace;
} // namespace incidoc

namespace incidoc::ui {

/// What to read. Boxes are in page pixels (the grid the page's words are stored in, `pageDpi`).
struct RegionOcrRequest {
    QString path; ///< the document's source file
    DocumentKind kind = DocumentKind::Pdf;
    int number = 1;                     ///< 1-based page number
    std::optional<PhotoGeometry> photo; ///< an image page read as a photo (PageRecord::photo)
    int pageDpi = 300;                  ///< the page's pixel grid (PageRecord::dpi; 0: 300)
    int pageWidthPx = 0;                ///< PageRecord::widthPx (0: unknown)
    PixelBox box;                       ///< the region, page pixels
    QString languages = QStringLiteral("eng");
    int readDpi = 0; ///< resolution to read the region at (0: the page's)
};

/// The words read, in page pixels and reading order; `error` says why nothing could be read.
struct RegionOcrResult {
    std::vector<RecognizedWord> words;
    QString error;
    /// The words' texts joined by spaces (the prefill of a drawn box).
    QString text() const;
};

/// Reads the region: the page rendered and the region read by `workplace`. Never throws.
RegionOcrResult ocrRegion(const RegionOcrRequest& request, Workplace& workplace);

/// Reads regions one after another on a thread of its own (a person draws one box after another) and
/// hands each result to the GUI thread. Its destructor waits for the read in flight.
class RegionOcrController : public QObject {
    Q_OBJECT
public:
    explicit RegionOcrController(std::shared_ptr<Workplace> workplace, QObject* parent = nullptr);
    ~RegionOcrController() override;

    /// Reads `request` in the background; `done` runs on the GUI thread with the result, unless
    /// `context` is gone by then.
    void read(const RegionOcrRequest& request, QObject* context, std::function<void(const RegionOcrResult&)> done);
    /// Reads not yet handed back.
    bool isPending() const { return m_pending > 0; }

private:
    std::shared_ptr<Workplace> m_workplace; ///< destroyed with this object, after m_pool
    QThreadPool m_pool;
    QFuture<void> m_last; ///< the last read, waited for on destruction
    int m_pending = 0;
};

} // namespace incidoc::ui
