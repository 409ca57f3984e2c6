#pragma once
// Compact binary encoding of a word's characters (text, box, confidence) for the words.chars column.
// Internal to core/storage. Reentrant (pure functions).
//
// Layout: one tag byte, a varint count, then
//   tag 0x01 ("implicit text"): the characters are the word's code points in order, texts not stored;
//   tag 0x02 ("explicit text"): each character's UTF-8 text as varint length + bytes;
// then per character: zigzag varint (x0 - previous x1, the first relative to the word's x0),
// zigzag varint width, zigzag varint (y0 - word y0), zigzag varint (y1 - word y1), one byte
// confidence * 2 (0..200, so confidence round-trips to within 0.25). Boxes round-trip exactly.
// A 5-letter word of 300-dpi text takes about 27 bytes.

#include "core/model/geometry.h"
#include "core/model/recognized_page.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace incidoc {

/// Encodes `chars` relative to the word's box and text. An empty list encodes to an empty array.
QByteArray encodeChars(const std::vector<RecognizedChar>& chars, const PixelBox& wordBox, const QString& wordText);

/// Decodes what encodeChars wrote for the same word box and text. An empty array gives an empty list;
/// malformed bytes give nullopt (never a crash).
std::optional<std::vector<RecognizedChar>> decodeChars(const QByteArray& bytes, const PixelBox& wordBox,
                                                       const QString& wordText);

} // namespace incidoc
