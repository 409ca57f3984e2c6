#pragma once
// A small streaming ZIP writer (PKWARE APPNOTE 6.3): entries are prepared (CRC-32, SHA-256, raw deflate)
// on any thread, then appended in order by one writer to a file descriptor. ZIP64 extra fields and the
// ZIP64 end of central directory are written when an archive needs them (more than 65,535 entries, or
// sizes / offsets over 4 GiB). Names are flagged UTF-8 (general purpose bit 11).
//
// Threading: prepareEntry(), deflateChunk() and crc32Of() are reentrant. A ZipWriter is used by one
// thread at a time. A FragmentedEntry is filled by one thread at a time (the writer, in order).

#include "core/util/result.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <vector>

namespace incidoc {

/// One entry ready to be written: its name and its bytes as they go into the archive.
struct ZipEntry {
    QByteArray name;       ///< UTF-8, '/' separated, relative
    QByteArray data;       ///< stored bytes (method 0) or raw deflate (method 8)
    bool deflated = false; ///< method 8 when true, else 0
    quint32 crc = 0;       ///< CRC-32 of the uncompressed bytes
    quint64 size = 0;      ///< uncompressed size
    QByteArray sha256;     ///< of the uncompressed bytes (lower-case hex)
};

/// CRC-32 (ZIP's polynomial) of `bytes`. Reentrant.
quint32 crc32Of(const QByteArray& bytes);

/// Raw deflate of `bytes` ending in a full flush: no final block, byte-aligned, so pieces compressed
/// independently (in parallel) can be concatenated (FragmentedEntry closes the stream). Reentrant.
QByteArray deflateChunk(const QByteArray& bytes, int level = 6);

/// Builds an entry: hashes `bytes`; deflates them at `level` when `compress` (stored instead when deflate
/// does not make them smaller). Reentrant.
ZipEntry prepareEntry(const QString& name, const QByteArray& bytes, bool compress, int level = 6);

/// An entry built from pieces in order (e.g. coco.json, one piece per page): each piece is compressed
/// on its own (deflateChunk, in parallel), appended here in order, and finish() closes the stream.
/// Memory: the compressed bytes only (plus what the caller keeps).
class FragmentedEntry {
public:
    explicit FragmentedEntry(QString name);
    /// Appends `raw` whose deflateChunk() is `compressed` and whose CRC-32 is `crc`.
    void append(const QByteArray& raw, const QByteArray& compressed, quint32 crc);
    /// Appends `raw`, compressing it here.
    void append(const QByteArray& raw);
    quint64 size() const { return m_size; }
    /// The finished entry (the object is spent afterwards).
    ZipEntry finish();

private:
    QString m_name;
    QByteArray m_data;
    quint32 m_crc;
    quint64 m_size = 0;
    QCryptographicHash m_sha{QCryptographicHash::Sha256};
};

/// Writes a ZIP archive to an open file descriptor, in the order entries are added. Never throws.
class ZipWriter {
public:
    /// `fd` stays owned by the caller. `modified` is stamped on every entry (DOS time, local).
    ZipWriter(int fd, const QDateTime& modified);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    /// Appends one entry. Errors: Io ("No space left on device", ...) with `errno`'s text.
    Status add(const ZipEntry& entry);
    /// Writes the central directory (and the ZIP64 records when needed) and flushes. Errors: Io.
    Status finish();

    quint64 bytesWritten() const { return m_offset; }
    quint64 entryCount() const { return m_central.size(); }

private:
    struct Central {
        QByteArray name;
        quint32 crc;
        quint64 compressedSize, size, offset;
        quint16 method;
    };
    Status write(const char* data, qint64 size);
    Status flush();

    int m_fd;
    quint16 m_dosTime = 0, m_dosDate = 0;
    quint64 m_offset = 0;
    QByteArray m_buffer;
    std::vector<Central> m_central;
    bool m_failed = false;
};

} // namespace incidoc
