#include "core/storage/char_codec.h"

#include <QList>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace incidoc {
namespace {

constexpr char kImplicitText = 0x01;
constexpr char kExplicitText = 0x02;
// Guards decoding of garbage: no real word has more characters than this.
constexpr std::uint64_t kMaxChars = 100000;

void putVarint(QByteArray& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

void putSigned(QByteArray& out, std::int64_t v)
{
    // Zigzag: small negative and positive deltas both take one byte.
    putVarint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

class Reader {
public:
    explicit Reader(const QByteArray& bytes) : m_bytes(bytes) {}

    bool varint(std::uint64_t& v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_bytes.size())
                return false;
            const auto b = static_cast<unsigned char>(m_bytes[m_pos++]);
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool signedInt(int& v)
    {
        std::uint64_t u = 0;
        if (!varint(u))
            return false;
        const auto s = static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
        if (s < std::numeric_limits<int>::min() || s > std::numeric_limits<int>::max())
            return false;
        v = static_cast<int>(s);
        return true;
    }
    bool byte(unsigned char& b)
    {
        if (m_pos >= m_bytes.size())
            return false;
        b = static_cast<unsigned char>(m_bytes[m_pos++]);
        return true;
    }
    bool bytes(qsizetype n, QByteArray& out)
    {
        if (n < 0 || n > m_bytes.size() - m_pos)
            return false;
        out = m_bytes.mid(m_pos, n);
        m_pos += n;
        return true;
    }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    const QByteArray& m_bytes;
    qsizetype m_pos = 0;
};

// The word's code points as strings, one per character, when the characters spell the word exactly
// that way (the usual case for OCR and text-layer words); then the texts need not be stored.
std::vector<QString> codePoints(const QString& text)
{
    std::vector<QString> out;
    const QList<uint> ucs4 = text.toUcs4();
    out.reserve(ucs4.size());
    for (uint cp : ucs4) {
        const char32_t c = cp;
        out.push_back(QString::fromUcs4(&c, 1));
    }
    return out;
}

bool textsImplicit(const std::vector<RecognizedChar>& chars, const QString& wordText)
{
    const std::vector<QString> cps = codePoints(wordText);
    if (cps.size() != chars.size())
        return false;
    for (std::size_t i = 0; i < cps.size(); ++i)
        if (chars[i].text != cps[i])
            return false;
    return true;
}

} // namespace

QByteArray encodeChars(const std::vector<RecognizedChar>& chars, const PixelBox& wordBox, const QString& wordText)
{
    QByteArray out;
    if (chars.empty())
        return out;
    const bool implicit = textsImplicit(chars, wordText);
    out.reserve(static_cast<qsizetype>(2 + chars.size() * 6));
    out.append(implicit ? kImplicitText : kExplicitText);
    putVarint(out, chars.size());
    if (!implicit) {
        for (const RecognizedChar& c : chars) {
            const QByteArray utf8 = c.text.toUtf8();
            putVarint(out, static_cast<std::uint64_t>(utf8.size()));
            out.append(utf8);
        }
    }
    std::int64_t prevX1 = wordBox.x0;
    for (const RecognizedChar& c : chars) {
        putSigned(out, c.box.x0 - prevX1);
        putSigned(out, static_cast<std::int64_t>(c.box.x1) - c.box.x0);
        putSigned(out, static_cast<std::int64_t>(c.box.y0) - wordBox.y0);
        putSigned(out, static_cast<std::int64_t>(c.box.y1) - wordBox.y1);
        const float conf = std::isfinite(c.confidence) ? std::clamp(c.confidence, 0.f, 100.f) : 0.f;
        out.append(static_cast<char>(static_cast<unsigned char>(std::lround(conf * 2.f))));
        prevX1 = c.box.x1;
    }
    return out;
}

std::optional<std::vector<RecognizedChar>> decodeChars(const QByteArray& bytes, const PixelBox& wordBox,
                                                       const QString& wordText)
{
    std::vector<RecognizedChar> chars;
    if (bytes.isEmpty())
        return chars;
    Reader in(bytes);
    unsigned char tag = 0;
    std::uint64_t n = 0;
    if (!in.byte(tag) || (tag != kImplicitText && tag != kExplicitText) || !in.varint(n) || n > kMaxChars
        || n > static_cast<std::uint64_t>(bytes.size()))
        return std::nullopt;
    chars.resize(n);
    if (tag == kImplicitText) {
        const std::vector<QString> cps = codePoints(wordText);
        if (cps.size() != n)
            return std::nullopt; // the word's text changed since: the characters no longer fit
        for (std::size_t i = 0; i < n; ++i)
            chars[i].text = cps[i];
    } else {
        for (RecognizedChar& c : chars) {
            std::uint64_t len = 0;
            QByteArray utf8;
            if (!in.varint(len) || len > static_cast<std::uint64_t>(bytes.size())
                || !in.bytes(static_cast<qsizetype>(len), utf8))
                return std::nullopt;
            c.text = QString::fromUtf8(utf8);
        }
    }
    long long prevX1 = wordBox.x0;
    for (RecognizedChar& c : chars) {
        int dx = 0, w = 0, dy0 = 0, dy1 = 0;
        unsigned char conf = 0;
        if (!in.signedInt(dx) || !in.signedInt(w) || !in.signedInt(dy0) || !in.signedInt(dy1) || !in.byte(conf))
            return std::nullopt;
        const long long x0 = prevX1 + dx, x1 = x0 + w, y0 = static_cast<long long>(wordBox.y0) + dy0,
                        y1 = static_cast<long long>(wordBox.y1) + dy1;
        for (long long v : {x0, x1, y0, y1})
            if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
                return std::nullopt;
        c.box = {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1), static_cast<int>(y1)};
        c.confidence = static_cast<float>(conf) / 2.f;
        prevX1 = x1;
    }
    if (!in.atEnd())
        return std::nullopt;
    return chars;
}

} // namespace incidoc
