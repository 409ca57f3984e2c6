#pragma once
// Recognition training data from a bundle page: line images with their transcriptions beside them
// (lines/<split>/<doc>-p0001-l003.png + .gt.txt, tesstrain's layout) and word crops with a labels file
// (crops/<split>/<doc>-p0001-w0001.png, crops/<split>/labels.txt in PaddleOCR's recognition format
// "path<TAB>text", paths relative to the bundle root). Each document goes whole into one split.
//
// Threading: reentrant (QImage copies and PNG encoding only).

#include "core/export/bundle_page.h"

#include <QByteArray>
#include <QImage>
#include <QString>

#include <vector>

namespace incidoc {

/// The train / validation / test split a document belongs to.
enum class DataSplit { Train, Val, Test };
inline constexpr int kDataSplitCount = 3;

/// "train", "val", "test".
QString toString(DataSplit split);

/// Deterministic, by document: h = the first 8 hex digits of SHA-256(the document's lower-case SHA-256 hex
/// as ASCII) read as an integer; h % 100 < 80: train, < 90: val, else test. In Python:
/// `int(hashlib.sha256(doc_sha256.encode()).hexdigest()[:8], 16) % 100`.
DataSplit documentSplit(const QString& sha256);

/// Pixels added around each crop (clamped to the page).
inline constexpr int kCropPadding = 4;

/// One training sample: the image entry's name, its PNG (8-bit grey) and its text.
struct TrainingSample {
    QString name;
    QByteArray png;
    QString text; ///< on one line: tabs and line breaks become spaces
};

/// One image per text line (the words sharing block and line, in reading order, joined with spaces): the
/// union of their boxes with kCropPadding around it, cut from `grey` (the page image in page pixels).
/// Lines numbered from 1 in reading order; lines with no text or no box are left out (the numbers skip
/// them).
std::vector<TrainingSample> lineSamples(const QImage& grey, const BundlePage& page);

/// One image per word with text and a box (words numbered from 1 in reading order).
std::vector<TrainingSample> wordSamples(const QImage& grey, const BundlePage& page);

/// crops/<split>/labels.txt lines for `samples`: "<name>\t<text>\n" each.
QByteArray cropLabels(const std::vector<TrainingSample>& samples);

} // namespace incidoc
