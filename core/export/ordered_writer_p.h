#pragma once
// Private to core/export: the pages in flight and the one thread that writes them into the archive in
// page order.
//
// The exporting thread reads pages from the snapshot and pushes each into a window (bounded, so memory
// stays flat whatever the page count); page tasks on the pool fill in its entries and fragments; the
// writer thread takes the oldest page once all of its tasks are done, appends its entries to the ZIP,
// its fragments to the combined files (coco.json, labelstudio.json, metrics/pages.csv), records every
// entry for the manifest and reports progress.
//
// Threading: ExportQueue is shared by every thread of an export and guards itself with `mutex`. The
// OrderedWriter's thread is the only one that touches the archive and the combined files until join();
// after it the exporting thread may.

#include "core/export/bundle_export.h"
#include "core/export/bundle_page.h"
#include "core/export/format_metrics.h"
#include "core/export/format_records.h"
#include "core/export/format_training.h"
#include "core/export/zip_writer.h"

#include <QJsonArray>

#include <array>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace incidoc {

/// zlib level of every deflated entry.
inline constexpr int kZipLevel = 6;

/// A deflated text entry.
ZipEntry textEntry(const QString& name, const QByteArray& bytes);

/// Per-page entries, in the order they go into the archive.
enum PageSlot {
    kJsonSlot,
    kImageSlot,
    kVisualizationSlot,
    kPhotoVisualizationSlot, ///< a photographed page: the boxes drawn back onto the photo
    kHocrSlot,
    kAltoSlot,
    kFunsdSlot,
    kPageXmlSlot,
    kSlotCount
};

/// A piece of a combined entry (coco.json, labelstudio.json, pages.csv) made by a page task.
struct Fragment {
    QByteArray raw, compressed;
    quint32 crc = 0;
    bool present = false;
};

/// `raw` compressed and checksummed on the calling thread (a page task).
Fragment fragmentOf(QByteArray raw);

/// One page on its way into the archive. Filled by pool tasks, emptied by the writer.
struct PageWork {
    BundlePage page;
    int imageId = 0;
    long long firstAnnotationId = 1;
    std::array<std::optional<ZipEntry>, kSlotCount> entries;
    Fragment cocoAnnotations, labelStudio, csvRow;
    /// Line images, their .gt.txt and word crops, after the slots (the render task fills them).
    std::vector<ZipEntry> trainingEntries;
    Fragment cropLabels;                   ///< this page's lines of crops/<split>/labels.txt
    int split = 0;                         ///< DataSplit of the page's document
    bool records = false;                  ///< the records are asked for: the page's typed fields follow
    std::vector<RecordField> recordFields; ///< its typed fields
    QByteArray cocoImage;
    PageStats stats;
    int pending = 0; ///< tasks not finished (guarded by the queue's mutex)
};

/// Everything the exporting thread, the page tasks and the writer share, guarded by `mutex`.
struct ExportQueue {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::shared_ptr<PageWork>> window; ///< submitted, not yet written, in page order
    bool submitDone = false;
    std::optional<Error> failure; ///< the first error (stops everything)
    ExportProgress progress;

    /// Records the first error and wakes everyone.
    void fail(Error e);
    /// Cancelled or failed.
    bool stopped(const CancelToken& cancel);
    /// Counts an item of `phase` (the caller holds `mutex`).
    void produced(ExportPhase phase, qsizetype bytes);
    /// Counts an item of `phase` (takes `mutex`).
    void report(ExportPhase phase, qsizetype bytes);
    /// A task of `work` is finished.
    void taskDone(PageWork& work);
    /// Blocks until fewer than `limit` pages are in flight; false when the export stopped meanwhile.
    bool waitForRoom(std::size_t limit, const CancelToken& cancel);
    void push(std::shared_ptr<PageWork> work);
    /// No more pages will be pushed; `readError` (reading the snapshot failed) fails the export.
    void finishSubmitting(std::optional<Error> readError);
    void wakeAll();
};

class OrderedWriter {
public:
    /// Writes to `zip`; errors name `destination`. `progress` is called on the writer thread after each page.
    OrderedWriter(ZipWriter& zip, const QString& destination, ExportQueue& queue, const CancelToken& cancel,
                  const ExportProgressFn& progress);
    OrderedWriter(const OrderedWriter&) = delete;
    OrderedWriter& operator=(const OrderedWriter&) = delete;

    /// Opens the combined files `formats` ask for (before start()).
    void openCombined(const ExportFormats& formats, const std::vector<LabelRecord>& labels, const QString& created);
    void start();
    bool running() const { return m_thread.joinable(); }
    /// Waits for the thread: it ends when every page is written, or at the first failure or cancel.
    void join();

    /// Appends `entry` to the archive and lists it for the manifest. Errors: Io.
    Status writeEntry(const ZipEntry& entry);
    /// After join(): closes the combined files and writes them (the records checked with `patterns`), each
    /// counted in the Bundle phase.
    Status writeCombined(const ExportFormats& formats, const FieldPatterns& patterns);

    const PageStats& totals() const { return m_totals; }
    const PageCounts& counts() const { return m_counts; }
    /// Every entry written so far (path, bytes, sha256), in archive order.
    QJsonArray takeManifestEntries() { return std::exchange(m_manifestEntries, QJsonArray()); }

private:
    void run();
    Status writePage(const PageWork& work);

    ZipWriter& m_zip;
    QString m_destination;
    ExportQueue& m_queue;
    const CancelToken& m_cancel;
    const ExportProgressFn& m_progress;
    std::thread m_thread;

    FragmentedEntry m_coco{QStringLiteral("coco.json")};
    FragmentedEntry m_labelStudio{QStringLiteral("labelstudio.json")};
    FragmentedEntry m_pagesCsv{QStringLiteral("metrics/pages.csv")};
    std::array<FragmentedEntry, kDataSplitCount> m_cropLabels{FragmentedEntry(QStringLiteral("crops/train/labels.txt")),
                                                              FragmentedEntry(QStringLiteral("crops/val/labels.txt")),
                                                              FragmentedEntry(QStringLiteral("crops/test/labels.txt"))};
    std::array<bool, kDataSplitCount> m_cropSplitUsed{};
    std::vector<DocumentFields> m_records; ///< the typed fields of each document written, in order
    QByteArray m_cocoImages;               ///< ~200 bytes a page: the COCO images list, written after the annotations
    PageStats m_totals;
    PageCounts m_counts;
    QJsonArray m_manifestEntries;
};

} // namespace incidoc
