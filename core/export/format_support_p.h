#pragma once
// Private to core/export: small text helpers shared by the format writers (format_*.cpp).
// Reentrant.

#include "core/export/bundle_page.h"
#include "core/model/records.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace incidoc::bundle {

/// `o` as compact JSON.
QByteArray compact(const QJsonObject& o);

/// XML text / attribute escaping; characters XML 1.0 forbids (most C0 controls) are dropped, so a
/// word with a stray control character never makes a file unparseable.
QByteArray xmlEscaped(const QString& s);

QByteArray num(long long v);

/// A number with at most `decimals` decimals and no trailing zeros ("12.5", "3").
QByteArray dec(double v, int decimals);

/// Runs of words sharing (block, line) in reading order: the lines of hOCR and ALTO. A change of block
/// starts a new block. Returned as index ranges.
struct LineRun {
    std::size_t begin, end;
    bool newBlock;
};
std::vector<LineRun> lineRuns(const std::vector<WordRecord>& words);

/// A word's engine, review flag and the other engines' readings, for the JSON formats:
/// {"engine": "tesseract" | null, "flagged": bool, "alternatives": [{"engine", "text", "confidence"}]}.
QJsonObject readingsJson(const WordRecord& w);

/// `page` without the proposals nobody accepted yet (entities and links marked `proposed`, and links to
/// such entities): what the form formats (FUNSD, PAGE XML, Label Studio, records) export. The page itself
/// when it has none, else a copy made in `copy`.
const BundlePage& withoutProposals(const BundlePage& page, BundlePage& copy);

/// The box around words [begin, end).
PixelBox unionOf(const std::vector<WordRecord>& words, std::size_t begin, std::size_t end);

} // namespace incidoc::bundle
