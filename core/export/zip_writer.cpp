#include "core/export/zip_writer.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace incidoc {
namespace {

constexpr quint32 kMax32 = 0xFFFFFFFFu;
constexpr quint16 kMax16 = 0xFFFFu;
constexpr quint16 kUtf8Flag = 0x0800;
// Version made by: Unix (3) << 8 | spec 4.5 (ZIP64); needed: 2.0 (deflate) or 4.5 (ZIP64).
constexpr quint16 kMadeBy = (3u << 8) | 45u;
constexpr quint16 kNeeded = 20, kNeededZip64 = 45;
constexpr qint64 kBufferSize = 1 << 20;
// A final, empty, fixed-Huffman deflate block: closes a stream of full-flushed pieces.
constexpr char kDeflateEnd[] = {0x03, 0x00};

void put16(QByteArray& b, quint16 v)
{
    b.append(static_cast<char>(v & 0xff));
    b.append(static_cast<char>(v >> 8));
}
void put32(QByteArray& b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b.append(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put64(QByteArray& b, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        b.append(static_cast<char>((v >> (8 * i)) & 0xff));
}

QByteArray rawDeflate(const QByteArray& bytes, int level, int flush)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>(bytes.size()))) + 64);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.constData()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    qsizetype used = 0;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(out.data() + used);
        zs.avail_out = static_cast<uInt>(out.size() - used);
        const int rc = deflate(&zs, flush);
        used = out.size() - zs.avail_out;
        if (rc == Z_STREAM_END || (flush != Z_FINISH && zs.avail_in == 0 && zs.avail_out > 0))
            break;
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            deflateEnd(&zs);
            return {};
        }
        out.resize(out.size() * 2); // deflateBound is an upper bound; this is only a safety net
    }
    deflateEnd(&zs);
    out.resize(used);
    return out;
}

} // namespace

quint32 crc32Of(const QByteArray& bytes)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    // zlib takes uInt lengths: feed large inputs in pieces.
    const char* p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const uInt n = static_cast<uInt>(std::min<qsizetype>(left, 1 << 30));
        crc = crc32(crc, reinterpret_cast<const Bytef*>(p), n);
        p += n;
        left -= n;
    }
    return static_cast<quint32>(crc);
}

QByteArray deflateChunk(const QByteArray& bytes, int level)
{
    return rawDeflate(bytes, level, Z_FULL_FLUSH);
}

ZipEntry prepareEntry(const QString& name, const QByteArray& bytes, bool compress, int level)
{
    ZipEntry e;
    e.name = name.toUtf8();
    e.crc = crc32Of(bytes);
    e.size = static_cast<quint64>(bytes.size());
    e.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    if (compress) {
        QByteArray packed = rawDeflate(bytes, level, Z_FINISH);
        if (!packed.isEmpty() && packed.size() < bytes.size()) {
            e.data = std::move(packed);
            e.deflated = true;
            return e;
        }
    }
    e.data = bytes;
    return e;
}

// ---- FragmentedEntry ------------------------------------------------------------------------------

FragmentedEntry::FragmentedEntry(QString name) : m_name(std::move(name)), m_crc(crc32(0L, Z_NULL, 0)) {}

void FragmentedEntry::append(const QByteArray& raw, const QByteArray& compressed, quint32 crc)
{
    m_crc = static_cast<quint32>(crc32_combine(m_crc, crc, static_cast<z_off_t>(raw.size())));
    m_sha.addData(raw);
    m_data.append(compressed);
    m_size += static_cast<quint64>(raw.size());
}

void FragmentedEntry::append(const QByteArray& raw)
{
    append(raw, deflateChunk(raw), crc32Of(raw));
}

ZipEntry FragmentedEntry::finish()
{
    ZipEntry e;
    e.name = m_name.toUtf8();
    m_data.append(kDeflateEnd, sizeof kDeflateEnd);
    e.data = std::move(m_data);
    e.deflated = true;
    e.crc = m_crc;
    e.size = m_size;
    e.sha256 = m_sha.result().toHex();
    m_data.clear();
    return e;
}

// ---- ZipWriter ------------------------------------------------------------------------------------

ZipWriter::ZipWriter(int fd, const QDateTime& modified) : m_fd(fd)
{
    const QDateTime t = modified.toLocalTime();
    const QDate d = t.date();
    const QTime tm = t.time();
    // DOS dates start in 1980.
    if (d.year() >= 1980 && d.year() <= 2107) {
        m_dosDate = static_cast<quint16>(((d.year() - 1980) << 9) | (d.month() << 5) | d.day());
        m_dosTime = static_cast<quint16>((tm.hour() << 11) | (tm.minute() << 5) | (tm.second() / 2));
    } else {
        m_dosDate = (1 << 5) | 1;
    }
    m_buffer.reserve(kBufferSize);
}

ZipWriter::~ZipWriter() = default;

Status ZipWriter::flush()
{
    const char* p = m_buffer.constData();
    qint64 left = m_buffer.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int e = errno;
            m_failed = true;
            m_buffer.clear();
            return makeError(ErrorCode::Io, QString::fromLocal8Bit(std::strerror(e)));
        }
        p += n;
        left -= n;
    }
    m_buffer.clear();
    return okStatus();
}

Status ZipWriter::write(const char* data, qint64 size)
{
    if (m_failed)
        return makeError(ErrorCode::Io, QStringLiteral("an earlier write failed"));
    if (m_buffer.size() + size > kBufferSize) {
        if (auto s = flush(); !s)
            return s;
    }
    if (size >= kBufferSize) {
        m_buffer = QByteArray::fromRawData(data, static_cast<qsizetype>(size));
        Status s = flush();
        m_buffer = QByteArray();
        m_buffer.reserve(kBufferSize);
        if (!s)
            return s;
    } else {
        m_buffer.append(data, static_cast<qsizetype>(size));
    }
    m_offset += static_cast<quint64>(size);
    return okStatus();
}

Status ZipWriter::add(const ZipEntry& e)
{
    const quint64 compressed = static_cast<quint64>(e.data.size());
    const bool zip64Sizes = e.size >= kMax32 || compressed >= kMax32;
    const quint16 method = e.deflated ? 8 : 0;
    Central c{e.name, e.crc, compressed, e.size, m_offset, method};

    QByteArray h;
    h.reserve(30 + e.name.size() + 20);
    put32(h, 0x04034b50);
    put16(h, zip64Sizes ? kNeededZip64 : kNeeded);
    put16(h, kUtf8Flag);
    put16(h, method);
    put16(h, m_dosTime);
    put16(h, m_dosDate);
    put32(h, e.crc);
    put32(h, zip64Sizes ? kMax32 : static_cast<quint32>(compressed));
    put32(h, zip64Sizes ? kMax32 : static_cast<quint32>(e.size));
    put16(h, static_cast<quint16>(e.name.size()));
    put16(h, zip64Sizes ? 20 : 0);
    h.append(e.name);
    if (zip64Sizes) {
        // In a local header the ZIP64 field holds both sizes.
        put16(h, 0x0001);
        put16(h, 16);
        put64(h, e.size);
        put64(h, compressed);
    }
    if (auto s = write(h.constData(), h.size()); !s)
        return s;
    if (auto s = write(e.data.constData(), e.data.size()); !s)
        return s;
    m_central.push_back(std::move(c));
    return okStatus();
}

Status ZipWriter::finish()
{
    const quint64 cdStart = m_offset;
    for (const Central& c : m_central) {
        QByteArray extra;
        if (c.size >= kMax32)
            put64(extra, c.size);
        if (c.compressedSize >= kMax32)
            put64(extra, c.compressedSize);
        if (c.offset >= kMax32)
            put64(extra, c.offset);
        const bool zip64 = !extra.isEmpty();
        QByteArray h;
        h.reserve(46 + c.name.size() + 28);
        put32(h, 0x02014b50);
        put16(h, kMadeBy);
        put16(h, zip64 ? kNeededZip64 : kNeeded);
        put16(h, kUtf8Flag);
        put16(h, c.method);
        put16(h, m_dosTime);
        put16(h, m_dosDate);
        put32(h, c.crc);
        put32(h, c.compressedSize >= kMax32 ? kMax32 : static_cast<quint32>(c.compressedSize));
        put32(h, c.size >= kMax32 ? kMax32 : static_cast<quint32>(c.size));
        put16(h, static_cast<quint16>(c.name.size()));
        put16(h, zip64 ? static_cast<quint16>(4 + extra.size()) : 0);
        put16(h, 0);                // comment
        put16(h, 0);                // disk
        put16(h, 0);                // internal attributes
        put32(h, (0100644u) << 16); // external: a regular file, rw-r--r--
        put32(h, c.offset >= kMax32 ? kMax32 : static_cast<quint32>(c.offset));
        h.append(c.name);
        if (zip64) {
            put16(h, 0x0001);
            put16(h, static_cast<quint16>(extra.size()));
            h.append(extra);
        }
        if (auto s = write(h.constData(), h.size()); !s)
            return s;
    }
    const quint64 cdSize = m_offset - cdStart;
    const quint64 count = m_central.size();
    const bool zip64 = count >= kMax16 || cdSize >= kMax32 || cdStart >= kMax32;
    QByteArray t;
    if (zip64) {
        const quint64 zip64End = m_offset;
        put32(t, 0x06064b50);
        put64(t, 44);
        put16(t, kMadeBy);
        put16(t, kNeededZip64);
        put32(t, 0);
        put32(t, 0);
        put64(t, count);
        put64(t, count);
        put64(t, cdSize);
        put64(t, cdStart);
        put32(t, 0x07064b50); // locator
        put32(t, 0);
        put64(t, zip64End);
        put32(t, 1);
    }
    put32(t, 0x06054b50);
    put16(t, 0);
    put16(t, 0);
    put16(t, count >= kMax16 ? kMax16 : static_cast<quint16>(count));
    put16(t, count >= kMax16 ? kMax16 : static_cast<quint16>(count));
    put32(t, cdSize >= kMax32 ? kMax32 : static_cast<quint32>(cdSize));
    put32(t, cdStart >= kMax32 ? kMax32 : static_cast<quint32>(cdStart));
    put16(t, 0);
    if (auto s = write(t.constData(), t.size()); !s)
        return s;
    return flush();
}

} // namespace incidoc
