#include "core/export/format_coco.h"
#include "core/export/ordered_writer_p.h"

#include <QJsonObject>

namespace incidoc {

ZipEntry textEntry(const QString& name, const QByteArray& bytes)
{
    return prepareEntry(name, bytes, true, kZipLevel);
}

Fragment fragmentOf(QByteArray raw)
{
    Fragment f;
    f.compressed = deflateChunk(raw, kZipLevel);
    f.crc = crc32Of(raw);
    f.raw = std::move(raw);
    f.present = true;
    return f;
}

// ---- the queue ------------------------------------------------------------------------------------

void ExportQueue::fail(Error e)
{
    std::lock_guard lock(mutex);
    if (!failure)
        failure = std::move(e);
    changed.notify_all();
}

bool ExportQueue::stopped(const CancelToken& cancel)
{
    if (cancel.isCancelled())
        return true;
    std::lock_guard lock(mutex);
    return failure.has_value();
}

void ExportQueue::produced(ExportPhase phase, qsizetype bytes)
{
    auto& p = progress.phases[static_cast<int>(phase)];
    ++p.done;
    p.bytes += static_cast<quint64>(bytes);
}

void ExportQueue::report(ExportPhase phase, qsizetype bytes)
{
    std::lock_guard lock(mutex);
    produced(phase, bytes);
}

void ExportQueue::taskDone(PageWork& work)
{
    std::lock_guard lock(mutex);
    if (--work.pending == 0)
        changed.notify_all();
}

bool ExportQueue::waitForRoom(std::size_t limit, const CancelToken& cancel)
{
    std::unique_lock lock(mutex);
    // Wakes now and then to look at the cancel token (a signal handler cannot notify).
    while (!failure && !cancel.isCancelled() && window.size() >= limit)
        changed.wait_for(lock, std::chrono::milliseconds(100));
    return !failure && !cancel.isCancelled();
}

void ExportQueue::push(std::shared_ptr<PageWork> work)
{
    std::lock_guard lock(mutex);
    window.push_back(std::move(work));
}

void ExportQueue::finishSubmitting(std::optional<Error> readError)
{
    std::lock_guard lock(mutex);
    submitDone = true;
    if (readError && !failure)
        failure = std::move(readError);
    changed.notify_all();
}

void ExportQueue::wakeAll()
{
    std::lock_guard lock(mutex);
    changed.notify_all();
}

// ---- the writer -----------------------------------------------------------------------------------

OrderedWriter::OrderedWriter(ZipWriter& zip, const QString& destination, ExportQueue& queue, const CancelToken& cancel,
                             const ExportProgressFn& progress)
    : m_zip(zip), m_destination(destination), m_queue(queue), m_cancel(cancel), m_progress(progress)
{
}

void OrderedWriter::openCombined(const ExportFormats& formats, const std::vector<LabelRecord>& labels,
                                 const QString& created)
{
    if (formats.coco)
        m_coco.append(cocoHead(labels, created));
    if (formats.labelStudio)
        m_labelStudio.append("[\n");
    if (formats.metrics)
        m_pagesCsv.append(pagesCsvHeader());
}

void OrderedWriter::start()
{
    m_thread = std::thread([this] { run(); });
}

void OrderedWriter::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

Status OrderedWriter::writeEntry(const ZipEntry& e)
{
    if (auto s = m_zip.add(e); !s)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(m_destination, s.error().message));
    m_manifestEntries.append(QJsonObject{{QStringLiteral("path"), QString::fromUtf8(e.name)},
                                         {QStringLiteral("bytes"), static_cast<qint64>(e.size)},
                                         {QStringLiteral("sha256"), QString::fromLatin1(e.sha256)}});
    return okStatus();
}

void OrderedWriter::run()
{
    for (;;) {
        std::shared_ptr<PageWork> w;
        {
            std::unique_lock lock(m_queue.mutex);
            m_queue.changed.wait(lock, [&] {
                return m_queue.failure || m_cancel.isCancelled()
                       || (!m_queue.window.empty() && m_queue.window.front()->pending == 0)
                       || (m_queue.submitDone && m_queue.window.empty());
            });
            if (m_queue.failure || m_cancel.isCancelled() || m_queue.window.empty())
                return;
            w = m_queue.window.front();
        }
        if (auto s = writePage(*w); !s) {
            m_queue.fail(s.error());
            return;
        }
        ExportProgress snapshot;
        {
            std::lock_guard lock(m_queue.mutex);
            ++m_queue.progress.pagesWritten;
            m_queue.progress.entriesWritten = m_zip.entryCount();
            m_queue.progress.bytesWritten = m_zip.bytesWritten();
            snapshot = m_queue.progress;
        }
        // Reported before the page leaves the window, so no further page is read meanwhile.
        if (m_progress)
            m_progress(snapshot);
        {
            std::lock_guard lock(m_queue.mutex);
            m_queue.window.pop_front();
            m_queue.changed.notify_all();
        }
    }
}

Status OrderedWriter::writePage(const PageWork& w)
{
    for (const auto& e : w.entries) {
        if (!e)
            continue;
        if (auto s = writeEntry(*e); !s)
            return s;
    }
    for (const ZipEntry& e : w.trainingEntries)
        if (auto s = writeEntry(e); !s)
            return s;
    if (w.cropLabels.present) {
        m_cropLabels[w.split].append(w.cropLabels.raw, w.cropLabels.compressed, w.cropLabels.crc);
        m_cropSplitUsed[w.split] = true;
    }
    if (w.records) {
        if (m_records.empty() || m_records.back().document.id != w.page.document.id)
            m_records.push_back({w.page.document, w.page.slug, {}});
        auto& fields = m_records.back().fields;
        fields.insert(fields.end(), w.recordFields.begin(), w.recordFields.end());
    }
    if (w.cocoAnnotations.present) {
        m_coco.append(w.cocoAnnotations.raw, w.cocoAnnotations.compressed, w.cocoAnnotations.crc);
        if (!m_cocoImages.isEmpty())
            m_cocoImages += ",\n";
        m_cocoImages += w.cocoImage;
    }
    if (w.labelStudio.present)
        m_labelStudio.append(w.labelStudio.raw, w.labelStudio.compressed, w.labelStudio.crc);
    if (w.csvRow.present)
        m_pagesCsv.append(w.csvRow.raw, w.csvRow.compressed, w.csvRow.crc);
    m_totals.add(w.stats);
    m_counts.add(w.page.page);
    return okStatus();
}

Status OrderedWriter::writeCombined(const ExportFormats& formats, const FieldPatterns& patterns)
{
    auto write = [this](FragmentedEntry& entry) -> Status {
        const ZipEntry e = entry.finish();
        Status s = writeEntry(e);
        m_queue.report(ExportPhase::Bundle, static_cast<qsizetype>(e.size));
        return s;
    };
    if (formats.coco) {
        m_coco.append(cocoMiddle() + m_cocoImages + "]}\n");
        m_cocoImages.clear();
        if (auto s = write(m_coco); !s)
            return s;
    }
    if (formats.labelStudio) {
        m_labelStudio.append("\n]\n");
        if (auto s = write(m_labelStudio); !s)
            return s;
    }
    if (formats.metrics)
        if (auto s = write(m_pagesCsv); !s)
            return s;
    if (formats.records) {
        // All at the end: the checks across documents need every value.
        for (const auto& [name, bytes] : incidentRecords(m_records, patterns)) {
            Status s = writeEntry(textEntry(name, bytes));
            m_queue.report(ExportPhase::Bundle, bytes.size());
            if (!s)
                return s;
        }
        m_records.clear();
    }
    for (int split = 0; split < kDataSplitCount; ++split)
        if (m_cropSplitUsed[split])
            if (auto s = write(m_cropLabels[split]); !s)
                return s;
    return okStatus();
}

} // namespace incidoc
