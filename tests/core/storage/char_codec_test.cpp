// The character-box codec of the words.chars column (core/storage/char_codec.h) on its own: what it
// encodes comes back (boxes exactly, confidences to 0.25), and bytes it did not write are an error
// (nullopt), never a crash or a wrong answer that looks right.
#include "core/storage/char_codec.h"

#include <QList>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace incidoc {
namespace {

std::vector<RecognizedChar> evenChars(const QString& text, const PixelBox& box)
{
    std::vector<RecognizedChar> out;
    const QList<uint> cps = text.toUcs4();
    const int n = static_cast<int>(cps.size());
    for (int i = 0; i < n; ++i) {
        const char32_t cp = cps[i];
        out.push_back(
            {QString::fromUcs4(&cp, 1),
             {box.x0 + box.width() * i / n, box.y0 + i % 3, box.x0 + box.width() * (i + 1) / n - 2, box.y1 - i % 2},
             60.f + static_cast<float>(i % 11) * 3.5f});
    }
    return out;
}

void expectSame(const std::vector<RecognizedChar>& got, const std::vector<RecognizedChar>& want)
{
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].text, want[i].text) << i;
        EXPECT_EQ(got[i].box, want[i].box) << i;
        EXPECT_NEAR(got[i].confidence, want[i].confidence, 0.25) << i;
    }
}

std::vector<RecognizedChar> roundTrip(const std::vector<RecognizedChar>& chars, const PixelBox& box,
                                      const QString& text)
{
    const auto back = decodeChars(encodeChars(chars, box, text), box, text);
    EXPECT_TRUE(back.has_value());
    return back.value_or(std::vector<RecognizedChar>{});
}

TEST(CharCodec, RoundTripsCharactersThatSpellTheWord)
{
    const PixelBox box{1200, 800, 1340, 842};
    const QString text = QStringLiteral("Größe");
    const auto chars = evenChars(text, box);
    const QByteArray bytes = encodeChars(chars, box, text);
    EXPECT_EQ(bytes.at(0), '\x01');     // implicit text: the word's code points are not stored again
    EXPECT_LE(bytes.size(), 2 + 5 * 6); // "about 27 bytes" for five letters
    expectSame(roundTrip(chars, box, text), chars);
}

TEST(CharCodec, RoundTripsCharactersWithTextsOfTheirOwn)
{
    // A ligature (two letters in one box) and a code point outside the BMP.
    const PixelBox box{10, 10, 200, 60};
    const QString text = QStringLiteral("ffi\U0001D11E");
    std::vector<RecognizedChar> chars{{QStringLiteral("ffi"), {10, 10, 90, 60}, 80.f},
                                      {QStringLiteral("\U0001D11E"), {95, 12, 200, 58}, 40.5f}};
    const QByteArray bytes = encodeChars(chars, box, text);
    EXPECT_EQ(bytes.at(0), '\x02');
    expectSame(roundTrip(chars, box, text), chars);
}

TEST(CharCodec, EmptyListIsAnEmptyBlobAndBack)
{
    EXPECT_TRUE(encodeChars({}, {0, 0, 10, 10}, QStringLiteral("x")).isEmpty());
    const auto back = decodeChars(QByteArray(), {0, 0, 10, 10}, QStringLiteral("x"));
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(back->empty());
}

TEST(CharCodec, BoxesOutsideTheWordAndOverlappingEachOtherRoundTripExactly)
{
    // Negative deltas (a character left of the previous one, above/below the word box) and far values.
    const PixelBox box{-50, 1000, 5000, 1100};
    const QString text = QStringLiteral("abc");
    const std::vector<RecognizedChar> chars{{QStringLiteral("a"), {4000, 900, 4100, 1200}, 0.f},
                                            {QStringLiteral("b"), {-60, 1050, -55, 1051}, 100.f},
                                            {QStringLiteral("c"), {-60, 1050, -60, 1050}, 50.25f}};
    expectSame(roundTrip(chars, box, text), chars);
    // The largest boxes an int holds.
    const int lo = std::numeric_limits<int>::min() / 2, hi = std::numeric_limits<int>::max() / 2;
    const std::vector<RecognizedChar> wide{{QStringLiteral("a"), {lo, lo, hi, hi}, 10.f}};
    expectSame(roundTrip(wide, {lo, lo, hi, hi}, QStringLiteral("a")), wide);
}

TEST(CharCodec, ConfidenceIsClampedAndQuantized)
{
    const PixelBox box{0, 0, 40, 10};
    const QString text = QStringLiteral("abcd");
    std::vector<RecognizedChar> chars = evenChars(text, box);
    chars[0].confidence = 150.f;
    chars[1].confidence = -3.f;
    chars[2].confidence = std::numeric_limits<float>::quiet_NaN();
    chars[3].confidence = 33.3f;
    const auto back = roundTrip(chars, box, text);
    ASSERT_EQ(back.size(), 4u);
    EXPECT_EQ(back[0].confidence, 100.f);
    EXPECT_EQ(back[1].confidence, 0.f);
    EXPECT_EQ(back[2].confidence, 0.f);
    EXPECT_NEAR(back[3].confidence, 33.3f, 0.25);
}

TEST(CharCodec, ManyCharactersRoundTrip)
{
    QString text;
    for (int i = 0; i < 5000; ++i)
        text += QChar(u'a' + i % 26);
    const PixelBox box{0, 0, 5000 * 20, 40};
    const auto chars = evenChars(text, box);
    expectSame(roundTrip(chars, box, text), chars);
}

TEST(CharCodec, EveryTruncationAndEveryExtraByteIsAnError)
{
    const PixelBox box{100, 100, 400, 150};
    for (const QString& text : {QStringLiteral("word"), QStringLiteral("ffi")}) {
        SCOPED_TRACE(text.toStdString());
        std::vector<RecognizedChar> chars = evenChars(text, box);
        if (text == QStringLiteral("ffi"))
            chars = {{QStringLiteral("ffi"), {100, 100, 400, 150}, 70.f}};
        const QByteArray good = encodeChars(chars, box, text);
        ASSERT_TRUE(decodeChars(good, box, text).has_value());
        for (int cut = 1; cut < good.size(); ++cut)
            EXPECT_FALSE(decodeChars(good.left(cut), box, text).has_value()) << cut;
        EXPECT_FALSE(decodeChars(good + '\0', box, text).has_value());
    }
}

TEST(CharCodec, MalformedBlobsAreErrors)
{
    const PixelBox box{0, 0, 100, 20};
    const QString text = QStringLiteral("ab");
    auto bad = [&](const QByteArray& bytes) { return !decodeChars(bytes, box, text).has_value(); };
    EXPECT_TRUE(bad(QByteArray("\x03\x02", 2)));                     // unknown tag
    EXPECT_TRUE(bad(QByteArray("\x00", 1)));                         // tag 0
    EXPECT_TRUE(bad(QByteArray("\x01", 1)));                         // no count
    EXPECT_TRUE(bad(QByteArray("\x01\x03\x00\x00\x00\x00\x00", 7))); // 3 characters for a 2-letter word
    EXPECT_TRUE(bad(QByteArray("\x01\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", 12))); // varint > 64 bits
    // A count larger than the blob could hold, and one over the limit of characters per word.
    EXPECT_TRUE(bad(QByteArray("\x02\xff\xff\x03", 4)));
    QByteArray huge("\x02\xa1\x8d\x06", 4); // 100001 characters
    huge.append(QByteArray(200001, '\0'));
    EXPECT_TRUE(bad(huge));
    // Explicit text whose length runs past the end.
    EXPECT_TRUE(bad(QByteArray("\x02\x01\x7f"
                               "a",
                               4)));
    // A delta that does not fit an int, and one that pushes a coordinate past the int range.
    EXPECT_TRUE(bad(QByteArray("\x02\x01\x01"
                               "a"
                               "\xfe\xff\xff\xff\x1f\x00\x00\x00\x00",
                               13)));
    const int big = std::numeric_limits<int>::max() - 5;
    EXPECT_FALSE(decodeChars(QByteArray("\x02\x01\x01"
                                        "a"
                                        "\x14\x02\x00\x00\x00",
                                        9),
                             {big, 0, big + 1, 1},
                             QStringLiteral("a"))
                     .has_value()); // x0 = big + 10
    // Garbage of every length up to 64 bytes from a fixed pattern: nullopt or characters, never a crash.
    for (int n = 0; n <= 64; ++n) {
        QByteArray junk;
        for (int i = 0; i < n; ++i)
            junk.append(static_cast<char>((i * 97 + n * 31) & 0xff));
        if (!junk.isEmpty())
            junk[0] = static_cast<char>(1 + n % 2);
        (void)decodeChars(junk, box, text);
    }
}

TEST(CharCodec, ImplicitTextNoLongerFitsAfterTheWordChanged)
{
    const PixelBox box{0, 0, 100, 20};
    const QByteArray bytes = encodeChars(evenChars(QStringLiteral("abc"), box), box, QStringLiteral("abc"));
    EXPECT_FALSE(decodeChars(bytes, box, QStringLiteral("abcd")).has_value());
    // Same length, other letters: the boxes still decode, with the new word's letters.
    const auto other = decodeChars(bytes, box, QStringLiteral("xyz"));
    ASSERT_TRUE(other.has_value());
    EXPECT_EQ((*other)[2].text, QStringLiteral("z"));
}

} // namespace
} // namespace incidoc
