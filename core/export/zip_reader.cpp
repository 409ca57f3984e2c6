#include "core/export/zip_reader.h"

#include "core/export/zip_writer.h"

#include <zlib.h>

#include <algorithm>

namespace incidoc {
namespace {

quint16 le16(const uchar* p)
{
    return static_cast<quint16>(p[0] | (p[1] << 8));
}

quint32 le32(const uchar* p)
{
    return static_cast<quint32>(p[0]) | (static_cast<quint32>(p[1]) << 8) | (static_cast<quint32>(p[2]) << 16)
           | (static_cast<quint32>(p[3]) << 24);
}

quint64 le64(const uchar* p)
{
    return static_cast<quint64>(le32(p)) | (static_cast<quint64>(le32(p + 4)) << 32);
}

Error damaged(const QString& what)
{
    return makeError(ErrorCode::InvalidInput, QStringLiteral("damaged ZIP archive: %1").arg(what));
}

} // namespace

ZipReader::~ZipReader()
{
    if (m_data)
        m_file.unmap(const_cast<uchar*>(m_data));
}

Result<std::unique_ptr<ZipReader>> ZipReader::open(const QString& path)
{
    std::unique_ptr<ZipReader> r(new ZipReader);
    r->m_file.setFileName(path);
    if (!r->m_file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, r->m_file.errorString()));
    r->m_size = static_cast<quint64>(r->m_file.size());
    if (r->m_size < 22)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is not a ZIP archive").arg(path));
    r->m_data = r->m_file.map(0, static_cast<qint64>(r->m_size));
    if (!r->m_data)
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, r->m_file.errorString()));
    if (auto s = r->readDirectory(); !s)
        return s.error();
    return r;
}

Status ZipReader::readDirectory()
{
    // The end of central directory record: 22 bytes plus a comment of at most 65,535.
    const quint64 lowest = m_size > 22 + 65535 ? m_size - 22 - 65535 : 0;
    quint64 eocd = m_size - 22;
    for (;; --eocd) {
        if (le32(m_data + eocd) == 0x06054b50)
            break;
        if (eocd == lowest)
            return damaged(QStringLiteral("no end of central directory"));
    }
    quint64 count = le16(m_data + eocd + 10);
    quint64 dirSize = le32(m_data + eocd + 12);
    quint64 dirOffset = le32(m_data + eocd + 16);
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    if (eocd >= 20 && le32(m_data + eocd - 20) == 0x07064b50) {
        const quint64 at = le64(m_data + eocd - 20 + 8);
        if (at + 56 > m_size || le32(m_data + at) != 0x06064b50)
            return damaged(QStringLiteral("bad ZIP64 end record"));
        count = le64(m_data + at + 32);
        dirSize = le64(m_data + at + 40);
        dirOffset = le64(m_data + at + 48);
    }
    if (dirOffset > m_size || dirSize > m_size - dirOffset)
        return damaged(QStringLiteral("central directory outside the file"));
    quint64 p = dirOffset;
    const quint64 end = dirOffset + dirSize;
    m_entries.reserve(static_cast<std::size_t>(std::min<quint64>(count, 1'000'000)));
    for (quint64 i = 0; i < count; ++i) {
        if (p + 46 > end || le32(m_data + p) != 0x02014b50)
            return damaged(QStringLiteral("bad central directory entry %1").arg(i));
        ZipReaderEntry e;
        e.method = le16(m_data + p + 10);
        e.crc = le32(m_data + p + 16);
        e.compressedSize = le32(m_data + p + 20);
        e.size = le32(m_data + p + 24);
        const quint16 nameLength = le16(m_data + p + 28), extraLength = le16(m_data + p + 30),
                      commentLength = le16(m_data + p + 32);
        e.localOffset = le32(m_data + p + 42);
        if (p + 46 + nameLength + extraLength + commentLength > end)
            return damaged(QStringLiteral("bad central directory entry %1").arg(i));
        e.name = QString::fromUtf8(reinterpret_cast<const char*>(m_data + p + 46), nameLength);
        // The ZIP64 extra field holds, in order, the values whose 32-bit fields are 0xFFFFFFFF.
        const uchar* x = m_data + p + 46 + nameLength;
        const uchar* xEnd = x + extraLength;
        while (x + 4 <= xEnd) {
            const quint16 id = le16(x), length = le16(x + 2);
            const uchar* v = x + 4;
            if (v + length > xEnd)
                break;
            if (id == 0x0001) {
                const uchar* q = v;
                auto take = [&](quint64& field) {
                    if (field == 0xFFFFFFFFu && q + 8 <= v + length) {
                        field = le64(q);
                        q += 8;
                    }
                };
                take(e.size);
                take(e.compressedSize);
                take(e.localOffset);
            }
            x = v + length;
        }
        m_entries.push_back(std::move(e));
        p += 46 + nameLength + extraLength + commentLength;
    }
    return okStatus();
}

Result<QByteArray> ZipReader::read(std::size_t index, quint64 maxSize) const
{
    const ZipReaderEntry& e = m_entries.at(index);
    if (e.size > maxSize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is too large to read back").arg(e.name));
    const quint64 at = e.localOffset;
    if (at + 30 > m_size || le32(m_data + at) != 0x04034b50)
        return damaged(QStringLiteral("bad local header of %1").arg(e.name));
    const quint64 data = at + 30 + le16(m_data + at + 26) + le16(m_data + at + 28);
    if (data > m_size || e.compressedSize > m_size - data)
        return damaged(QStringLiteral("%1 runs past the end of the file").arg(e.name));
    QByteArray out;
    if (e.method == 0) {
        if (e.compressedSize != e.size)
            return damaged(QStringLiteral("sizes of %1 differ").arg(e.name));
        out = QByteArray(reinterpret_cast<const char*>(m_data + data), static_cast<qsizetype>(e.size));
    } else if (e.method == 8) {
        out.resize(static_cast<qsizetype>(e.size));
        z_stream zs{};
        if (inflateInit2(&zs, -15) != Z_OK)
            return makeError(ErrorCode::Internal, QStringLiteral("zlib: inflateInit2 failed"));
        // zlib counts in uInt: feed and drain in pieces below 4 GiB.
        const uchar* in = m_data + data;
        quint64 inLeft = e.compressedSize, outDone = 0;
        int rc = Z_OK;
        while (rc == Z_OK) {
            const uInt inChunk = static_cast<uInt>(std::min<quint64>(inLeft, 1u << 30));
            zs.next_in = const_cast<Bytef*>(in);
            zs.avail_in = inChunk;
            const uInt outChunk = static_cast<uInt>(std::min<quint64>(e.size - outDone, 1u << 30));
            zs.next_out = reinterpret_cast<Bytef*>(out.data() + outDone);
            zs.avail_out = outChunk;
            rc = inflate(&zs, Z_NO_FLUSH);
            const uInt usedIn = inChunk - zs.avail_in, madeOut = outChunk - zs.avail_out;
            in += usedIn;
            inLeft -= usedIn;
            outDone += madeOut;
            if (rc == Z_OK && usedIn == 0 && madeOut == 0)
                rc = Z_BUF_ERROR; // no progress: the stream is truncated or longer than its size
        }
        inflateEnd(&zs);
        if (rc != Z_STREAM_END || outDone != e.size)
            return damaged(QStringLiteral("cannot inflate %1").arg(e.name));
    } else {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 uses compression method %2").arg(e.name).arg(e.method));
    }
    if (crc32Of(out) != e.crc)
        return damaged(QStringLiteral("CRC-32 of %1 does not match").arg(e.name));
    return out;
}

} // namespace incidoc
