#include "core/export/format_training.h"

#include "core/export/format_images.h"

#include <QCryptographicHash>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace incidoc {

namespace {

QString oneLine(QString text)
{
    for (QChar& c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar(0x2028)
            || c == QChar(0x2029))
            c = QLatin1Char(' ');
    return text;
}

/// The crop of `box` with padding, clamped to the image; null when nothing is left.
QImage cropOf(const QImage& grey, const PixelBox& box)
{
    const PixelBox b =
        box.adjusted(-kCropPadding, -kCropPadding, kCropPadding, kCropPadding).clampedTo(grey.width(), grey.height());
    if (box.isEmpty() || b.isEmpty())
        return {};
    return grey.copy(b.x0, b.y0, b.width(), b.height());
}

QString stemOf(const BundlePage& p, const char* kind, int number, int digits)
{
    return QStringLiteral("%1-p%2-%3%4")
        .arg(p.slug)
        .arg(p.page.number, 4, 10, QLatin1Char('0'))
        .arg(QLatin1String(kind))
        .arg(number, digits, 10, QLatin1Char('0'));
}

} // namespace

QString toString(DataSplit split)
{
    switch (split) {
    case DataSplit::Train: return QStringLiteral("train");
    case DataSplit::Val: return QStringLiteral("val");
    case DataSplit::Test: return QStringLiteral("test");
    }
    return {};
}

DataSplit documentSplit(const QString& sha256)
{
    const QByteArray hash = QCryptographicHash::hash(sha256.toLower().toLatin1(), QCryptographicHash::Sha256);
    const quint32 h = (quint32(uchar(hash[0])) << 24) | (quint32(uchar(hash[1])) << 16) | (quint32(uchar(hash[2])) << 8)
                      | quint32(uchar(hash[3]));
    const quint32 bucket = h % 100;
    return bucket < 80 ? DataSplit::Train : bucket < 90 ? DataSplit::Val : DataSplit::Test;
}

std::vector<TrainingSample> lineSamples(const QImage& grey, const BundlePage& p)
{
    // Lines: the words sharing (block, line), in the order their first words come.
    std::vector<std::pair<std::pair<int, int>, std::vector<const WordRecord*>>> lines;
    for (const WordRecord& w : p.words) {
        const std::pair<int, int> key{w.block, w.line};
        auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == key; });
        if (it == lines.end())
            lines.push_back({key, {&w}});
        else
            it->second.push_back(&w);
    }
    const QString dir = QStringLiteral("lines/") + toString(documentSplit(p.document.sha256)) + QLatin1Char('/');
    std::vector<TrainingSample> samples;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        PixelBox box;
        QStringList texts;
        for (const WordRecord* w : lines[l].second) {
            const QString t = oneLine(w->text).trimmed();
            if (t.isEmpty())
                continue;
            box = box.united(w->box);
            texts << t;
        }
        const QString text = texts.join(QLatin1Char(' '));
        const QImage crop = text.isEmpty() ? QImage() : cropOf(grey, box);
        if (crop.isNull())
            continue;
        TrainingSample s;
        s.name = dir + stemOf(p, "l", static_cast<int>(l) + 1, 3) + QStringLiteral(".png");
        s.png = encodeGreyPng(crop, false);
        s.text = text;
        if (!s.png.isEmpty())
            samples.push_back(std::move(s));
    }
    return samples;
}

std::vector<TrainingSample> wordSamples(const QImage& grey, const BundlePage& p)
{
    const QString dir = QStringLiteral("crops/") + toString(documentSplit(p.document.sha256)) + QLatin1Char('/');
    std::vector<TrainingSample> samples;
    for (std::size_t i = 0; i < p.words.size(); ++i) {
        const WordRecord& w = p.words[i];
        const QString text = oneLine(w.text).trimmed();
        const QImage crop = text.isEmpty() ? QImage() : cropOf(grey, w.box);
        if (crop.isNull())
            continue;
        TrainingSample s;
        s.name = dir + stemOf(p, "w", static_cast<int>(i) + 1, 4) + QStringLiteral(".png");
        s.png = encodeGreyPng(crop, false);
        s.text = text;
        if (!s.png.isEmpty())
            samples.push_back(std::move(s));
    }
    return samples;
}

QByteArray cropLabels(const std::vector<TrainingSample>& samples)
{
    QByteArray out;
    for (const TrainingSample& s : samples)
        out += s.name.toUtf8() + '\t' + s.text.toUtf8() + '\n';
    return out;
}

} // namespace incidoc
