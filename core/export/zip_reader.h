#pragma once
// A small ZIP reader (PKWARE APPNOTE 6.3) for what zip_writer.h writes: the central directory (with the
// ZIP64 end records when present), entries stored (method 0) or deflated (method 8, zlib raw inflate),
// each checked against its CRC-32. Used to read a bundle back before it is kept.
//
// Threading: a ZipReader is opened on one thread; read() is reentrant afterwards (the file is mapped
// read-only, nothing changes).

#include "core/util/result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>
#include <vector>

namespace incidoc {

/// One entry of the central directory.
struct ZipReaderEntry {
    QString name;
    quint16 method = 0; ///< 0 stored, 8 deflated
    quint32 crc = 0;
    quint64 compressedSize = 0, size = 0;
    quint64 localOffset = 0; ///< its local file header
};

class ZipReader {
public:
    /// Opens and maps `path`, reads the central directory. Errors: Io (cannot open), InvalidInput (not a
    /// ZIP, or a directory that points outside the file).
    static Result<std::unique_ptr<ZipReader>> open(const QString& path);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    const std::vector<ZipReaderEntry>& entries() const { return m_entries; }
    /// The uncompressed bytes of entry `index`, CRC-32 checked. Errors: InvalidInput (unknown method, a
    /// damaged stream, a CRC or size that does not match, an entry over `maxSize` bytes).
    Result<QByteArray> read(std::size_t index, quint64 maxSize = quint64(1) << 31) const;

private:
    ZipReader() = default;
    Status readDirectory();

    QFile m_file;
    const uchar* m_data = nullptr;
    quint64 m_size = 0;
    std::vector<ZipReaderEntry> m_entries;
};

} // namespace incidoc
