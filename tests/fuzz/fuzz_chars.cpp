// Fuzz target: the words.chars blob of a project file (core/storage/char_codec.h). A crafted project
// holds any bytes there. Input layout: 16 bytes word box (4 x int32 little-endian x0 y0 x1 y1), 1 byte
// n, n bytes of word text (UTF-8), then the blob. decodeChars must return nullopt or characters, and
// what it returns must survive encodeChars/decodeChars unchanged (boxes exactly, texts exactly).

#include "core/storage/char_codec.h"

#include <cstring>

#include "tests/fuzz/fuzz_common.h"

using namespace incidoc;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::initFuzzProcess();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 17)
        return 0;
    int32_t v[4];
    std::memcpy(v, data, sizeof v);
    const PixelBox wordBox{v[0], v[1], v[2], v[3]};
    const size_t textLen = std::min<size_t>(data[16], size - 17);
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data + 17), static_cast<qsizetype>(textLen));
    const QByteArray blob(reinterpret_cast<const char*>(data + 17 + textLen),
                          static_cast<qsizetype>(size - 17 - textLen));

    const std::optional<std::vector<RecognizedChar>> chars = decodeChars(blob, wordBox, text);
    if (!chars)
        return 0;
    const QByteArray again = encodeChars(*chars, wordBox, text);
    const std::optional<std::vector<RecognizedChar>> back = decodeChars(again, wordBox, text);
    if (!back || back->size() != chars->size())
        __builtin_trap();
    for (size_t i = 0; i < chars->size(); ++i) {
        const RecognizedChar& a = (*chars)[i];
        const RecognizedChar& b = (*back)[i];
        if (a.text != b.text || a.box.x0 != b.box.x0 || a.box.y0 != b.box.y0 || a.box.x1 != b.box.x1
            || a.box.y1 != b.box.y1)
            __builtin_trap();
    }
    return 0;
}
