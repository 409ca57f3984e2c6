#include "resources/samples/sample_painter.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>

namespace incidoc::sample {

namespace {

constexpr double kPointsPerInch = 72.0;
// Metrics are taken on a 300 dpi reference device: at screen resolutions hinting would distort widths.
constexpr int kMetricsDpi = 300;

QImage makePageImage(int dpi, QImage::Format format)
{
    const int width = int(std::lround(kLetterWidthPt / kPointsPerInch * dpi));
    const int height = int(std::lround(kLetterHeightPt / kPointsPerInch * dpi));
    QImage image(width, height, format);
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

const QImage& metricsDevice()
{
    static const QImage device = makePageImage(kMetricsDpi, QImage::Format_RGB32).copy(0, 0, 1, 1);
    return device;
}

} // namespace

std::uint64_t Rng::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint32_t Rng::below(std::uint32_t bound)
{
    return bound == 0 ? 0 : std::uint32_t(next() % bound);
}

double Rng::unit()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);
}

double Rng::gaussian()
{
    // Sum of four uniforms has variance 4/12; scale to unit variance.
    const double sum = unit() + unit() + unit() + unit() - 2.0;
    return sum * std::sqrt(3.0);
}

QStringList PageScript::groundTruth() const
{
    // Group by baseline rounded to a tenth of a point so runs laid out on one line share a key.
    std::map<long, std::vector<const TextRun*>> byLine;
    for (const TextRun& run : texts) {
        if (run.text.trimmed().isEmpty())
            continue;
        byLine[std::lround(run.baseline.y() * 10.0)].push_back(&run);
    }
    QStringList lines;
    for (auto& [key, runs] : byLine) {
        std::stable_sort(runs.begin(), runs.end(),
                         [](const TextRun* a, const TextRun* b) { return a->baseline.x() < b->baseline.x(); });
        QStringList parts;
        for (const TextRun* run : runs)
            parts << run->text.simplified();
        lines << parts.join(QLatin1Char(' '));
    }
    return lines;
}

QFont fontFor(TextStyle style, double pointSizeOverride)
{
    QFont font;
    double size = 10.0;
    switch (style) {
    case TextStyle::Title:
        font.setFamily(QStringLiteral("DejaVu Serif"));
        font.setBold(true);
        size = 17.0;
        break;
    case TextStyle::Heading:
        font.setFamily(QStringLiteral("DejaVu Sans"));
        font.setBold(true);
        size = 13.0;
        break;
    case TextStyle::Section:
        font.setFamily(QStringLiteral("DejaVu Sans"));
        font.setBold(true);
        size = 9.5;
        break;
    case TextStyle::Label:
        font.setFamily(QStringLiteral("DejaVu Sans"));
        font.setBold(true);
        size = 9.0;
        break;
    case TextStyle::Body:
        font.setFamily(QStringLiteral("DejaVu Serif"));
        size = 10.5;
        break;
    case TextStyle::Small:
        font.setFamily(QStringLiteral("DejaVu Sans"));
        size = 7.5;
        break;
    case TextStyle::Plain:
        font.setFamily(QStringLiteral("DejaVu Sans"));
        size = 12.0;
        break;
    }
    if (pointSizeOverride > 0)
        size = pointSizeOverride;
    font.setPointSizeF(size);
    // No fallback family and no kerning: the same glyph advances in the PDF and in the raster.
    font.setStyleStrategy(QFont::StyleStrategy(QFont::PreferMatch | QFont::PreferAntialias));
    font.setKerning(false);
    // Qt 6.4 cannot switch OpenType features off directly, but it drops ligatures when a letter spacing
    // is set. Without this "fi"/"ffi" become ligature glyphs and the PDF text layer reads "Oﬃcer".
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

bool fontsAvailable(QString* detail)
{
    for (TextStyle style : {TextStyle::Title, TextStyle::Body, TextStyle::Label}) {
        const QFont font = fontFor(style);
        const QFontInfo info(font);
        if (info.family() != font.family()) {
            if (detail)
                *detail = QStringLiteral("font \"%1\" resolved to \"%2\"").arg(font.family(), info.family());
            return false;
        }
    }
    return true;
}

double textWidthPt(const QString& text, TextStyle style, double pointSizeOverride)
{
    const QFontMetricsF metrics(fontFor(style, pointSizeOverride), &metricsDevice());
    return metrics.horizontalAdvance(text) * kPointsPerInch / kMetricsDpi;
}

QStringList wrapText(const QString& text, TextStyle style, double widthPt)
{
    QStringList lines;
    QString current;
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (!current.isEmpty() && textWidthPt(candidate, style) > widthPt) {
            lines << current;
            current = word;
        } else {
            current = candidate;
        }
    }
    if (!current.isEmpty())
        lines << current;
    return lines;
}

void paintScript(QPainter& painter, const PageScript& script, int dpi)
{
    const double scale = dpi / kPointsPerInch;
    const auto px = [scale](const QRectF& r) {
        return QRectF(r.x() * scale, r.y() * scale, r.width() * scale, r.height() * scale);
    };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(225, 225, 225));
    for (const QRectF& shade : script.shades)
        painter.drawRect(px(shade));

    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::black, 0.8 * scale, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    for (const QRectF& frame : script.frames)
        painter.drawRect(px(frame));
    for (const QLineF& rule : script.rules)
        painter.drawLine(QLineF(rule.p1() * scale, rule.p2() * scale));

    painter.setPen(QPen(QColor(20, 30, 90), 1.1 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPolygonF& stroke : script.scribbles) {
        QPainterPath path;
        for (int i = 0; i < stroke.size(); ++i) {
            const QPointF p = stroke.at(i) * scale;
            if (i == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        painter.drawPath(path);
    }

    painter.setPen(Qt::black);
    for (const TextRun& run : script.texts) {
        painter.setFont(fontFor(run.style, run.pointSize));
        painter.drawText(run.baseline * scale, run.text);
    }
    painter.restore();
}

QImage rasterize(const PageScript& script, int dpi)
{
    // Paint in RGB32 (the raster engine's best-supported target), then reduce to 8-bit grey.
    QImage canvas = makePageImage(dpi, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    {
        QPainter painter(&canvas);
        paintScript(painter, script, dpi);
    }
    return canvas.convertToFormat(QImage::Format_Grayscale8);
}

QImage simulateScan(const QImage& page, const ScanDefects& defects)
{
    if (page.isNull())
        return {};
    QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    const int width = grey.width();
    const int height = grey.height();
    Rng rng(defects.seed);

    if (defects.rotationDeg != 0.0) {
        QImage canvas(width, height, QImage::Format_RGB32);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.translate(width / 2.0, height / 2.0);
        painter.rotate(defects.rotationDeg);
        painter.translate(-width / 2.0, -height / 2.0);
        painter.drawImage(QPointF(0, 0), grey);
        painter.end();
        grey = canvas.convertToFormat(QImage::Format_Grayscale8);
    }

    // Paper a little grey, ink a little washed out, then noise: ink 35..paper 238.
    const int ink = defects.contrastLoss ? 35 : 0;
    const int paper = defects.contrastLoss ? 238 : 255;
    for (int y = 0; y < height; ++y) {
        uchar* row = grey.scanLine(y);
        for (int x = 0; x < width; ++x) {
            double v = ink + row[x] * (paper - ink) / 255.0;
            if (defects.noiseLevel > 0)
                v += rng.gaussian() * defects.noiseLevel;
            row[x] = uchar(std::clamp(int(std::lround(v)), 0, 255));
        }
    }

    // Blur after the noise, as a scanner's optics would: softer grain, and it keeps JPEG pages small.
    if (defects.blur) {
        const QImage source = grey.copy();
        for (int y = 1; y < height - 1; ++y) {
            const uchar* above = source.constScanLine(y - 1);
            const uchar* row = source.constScanLine(y);
            const uchar* below = source.constScanLine(y + 1);
            uchar* out = grey.scanLine(y);
            for (int x = 1; x < width - 1; ++x) {
                const int sum = above[x - 1] + above[x] + above[x + 1] + row[x - 1] + row[x] + row[x + 1] + below[x - 1]
                                + below[x] + below[x + 1];
                out[x] = uchar((sum + 4) / 9);
            }
        }
    }

    if (defects.speckles > 0) {
        QImage canvas = grey.convertToFormat(QImage::Format_RGB32);
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        const double dpiScale = width / 2550.0;
        for (int i = 0; i < defects.speckles; ++i) {
            const QPointF centre(rng.below(std::uint32_t(width)), rng.below(std::uint32_t(height)));
            const double radius = (0.8 + rng.unit() * 2.2) * dpiScale;
            const int shade = 20 + int(rng.below(80));
            painter.setBrush(QColor(shade, shade, shade));
            painter.drawEllipse(centre, radius, radius * (0.6 + rng.unit() * 0.8));
        }
        painter.end();
        grey = canvas.convertToFormat(QImage::Format_Grayscale8);
    }
    grey.setDotsPerMeterX(page.dotsPerMeterX());
    grey.setDotsPerMeterY(page.dotsPerMeterY());
    return grey;
}

void setupLetterWriter(QPdfWriter& writer, int dpi, const QString& title)
{
    writer.setResolution(dpi);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Incidoc sample generator"));
}

void drawFullPageImage(QPainter& painter, const QPdfWriter& writer, const QImage& image)
{
    painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), image);
}

namespace {

struct PdfObject {
    int number = 0;
    qsizetype offset = 0;
    QByteArray bytes;
};

// Value of an object that holds just an integer ("17 0 obj\n12345\nendobj").
qsizetype integerObjectValue(const QByteArray& bytes)
{
    static const QRegularExpression number(QStringLiteral("^\\d+ 0 obj\\s*(\\d+)\\s*endobj"));
    const QRegularExpressionMatch m = number.match(QString::fromLatin1(bytes));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

bool repackImagesAsGreyJpeg(QByteArray& pdf, int quality)
{
    // Read the classic xref table QPdfWriter writes: "xref\n0 N\n" then N entries of 20 bytes.
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    if (startxref < 0)
        return false;
    bool ok = false;
    const qsizetype xrefOffset = pdf.mid(startxref + 9, 24).trimmed().split('\n').value(0).trimmed().toLongLong(&ok);
    if (!ok || xrefOffset <= 0 || xrefOffset >= startxref || !pdf.mid(xrefOffset).startsWith("xref"))
        return false;
    const qsizetype subsection = pdf.indexOf('\n', xrefOffset) + 1;
    const qsizetype entriesStart = pdf.indexOf('\n', subsection) + 1;
    const QList<QByteArray> counts = pdf.mid(subsection, entriesStart - subsection).trimmed().split(' ');
    const int count = counts.size() == 2 ? counts[1].toInt() : 0;
    const qsizetype trailer = pdf.indexOf("trailer", entriesStart);
    if (count <= 1 || counts[0] != "0" || trailer < 0 || trailer < entriesStart + count * 20)
        return false;

    std::vector<PdfObject> objects;
    for (int i = 1; i < count; ++i) {
        const QByteArray entry = pdf.mid(entriesStart + i * 20, 20);
        if (entry.size() != 20 || entry.at(17) != 'n')
            continue;
        objects.push_back({i, entry.left(10).toLongLong(), {}});
    }
    std::sort(objects.begin(), objects.end(),
              [](const PdfObject& a, const PdfObject& b) { return a.offset < b.offset; });
    if (objects.empty())
        return false;
    std::map<int, std::size_t> byNumber;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const qsizetype end = i + 1 < objects.size() ? objects[i + 1].offset : xrefOffset;
        if (objects[i].offset <= 0 || end <= objects[i].offset)
            return false;
        objects[i].bytes = pdf.mid(objects[i].offset, end - objects[i].offset);
        if (!objects[i].bytes.startsWith(QByteArray::number(objects[i].number) + " 0 obj"))
            return false;
        byNumber[objects[i].number] = i;
    }

    static const QRegularExpression lengthRef(QStringLiteral("/Length (\\d+) 0 R"));
    for (PdfObject& object : objects) {
        const QByteArray& b = object.bytes;
        if (!b.contains("/Subtype /Image") || !b.contains("/ColorSpace /DeviceRGB") || !b.contains("/DCTDecode")
            || b.contains("/SMask") || b.contains("/Mask"))
            continue;
        const qsizetype streamKeyword = b.indexOf(">>\nstream\n");
        if (streamKeyword < 0)
            continue;
        const QRegularExpressionMatch ref = lengthRef.match(QString::fromLatin1(b.left(streamKeyword)));
        if (!ref.hasMatch() || !byNumber.count(ref.captured(1).toInt()))
            continue;
        PdfObject& lengthObject = objects[byNumber[ref.captured(1).toInt()]];
        const qsizetype length = integerObjectValue(lengthObject.bytes);
        const qsizetype dataStart = streamKeyword + 10;
        if (length <= 0 || dataStart + length > b.size())
            continue;
        QImage image;
        if (!image.loadFromData(b.mid(dataStart, length), "JPEG"))
            continue;
        QByteArray jpeg;
        {
            QBuffer buffer(&jpeg);
            buffer.open(QIODevice::WriteOnly);
            QImageWriter writer(&buffer, "jpeg");
            writer.setQuality(quality);
            writer.setOptimizedWrite(true);
            if (!writer.write(image.convertToFormat(QImage::Format_Grayscale8)))
                continue;
        }
        QByteArray head = b.left(dataStart);
        head.replace("/ColorSpace /DeviceRGB", "/ColorSpace /DeviceGray");
        object.bytes = head + jpeg + b.mid(dataStart + length);
        lengthObject.bytes =
            QByteArray::number(lengthObject.number) + " 0 obj\n" + QByteArray::number(jpeg.size()) + "\nendobj\n";
    }

    // Reassemble in the original order with fresh offsets.
    QByteArray out = pdf.left(objects.front().offset);
    std::vector<qsizetype> offsets(std::size_t(count), 0);
    for (const PdfObject& object : objects) {
        offsets[std::size_t(object.number)] = out.size();
        out += object.bytes;
    }
    const qsizetype newXref = out.size();
    out += "xref\n0 " + QByteArray::number(count) + "\n";
    for (int i = 0; i < count; ++i) {
        if (i == 0 || offsets[std::size_t(i)] == 0)
            out += pdf.mid(entriesStart + i * 20, 20);
        else
            out += QByteArray::number(offsets[std::size_t(i)]).rightJustified(10, '0') + " 00000 n \n";
    }
    out += pdf.mid(trailer, startxref - trailer);
    out += "startxref\n" + QByteArray::number(newXref) + "\n%%EOF\n";
    pdf = out;
    return true;
}

bool normalizePdfBytes(QByteArray& pdf)
{
    bool changed = false;
    // Creation date: "/CreationDate (D:20260314224700+01'00')" — keep the length, fix the digits.
    static const QRegularExpression date(QStringLiteral("\\(D:([0-9]{14})"));
    const QString text = QString::fromLatin1(pdf);
    QRegularExpressionMatchIterator it = date.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        pdf.replace(m.capturedStart(1), 14, QByteArrayLiteral("20260101000000"));
        changed = true;
    }
    // XMP dates: "2026-03-14T22:47:00+01:00" — same treatment.
    static const QRegularExpression xmpDate(
        QStringLiteral("<xmp:(?:CreateDate|ModifyDate|MetadataDate)>([0-9T:\\-]{19})"));
    it = xmpDate.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        pdf.replace(m.capturedStart(1), 19, QByteArrayLiteral("2026-01-01T00:00:00"));
    }
    // Document ID (random UUID): replace every hex and text form with one derived from the content.
    static const QRegularExpression uuidHex(QStringLiteral("/ID \\[ ?<([0-9a-fA-F]{32})>"));
    const QRegularExpressionMatch idMatch = uuidHex.match(text);
    if (idMatch.hasMatch()) {
        const QByteArray oldHex = idMatch.captured(1).toLatin1();
        // The XMP packet may carry the same UUID in 8-4-4-4-12 form.
        const auto dashed = [](const QByteArray& hex) {
            return hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
                   + hex.mid(20, 12);
        };
        QByteArray withoutId = pdf;
        withoutId.replace(oldHex, QByteArray());
        withoutId.replace(oldHex.toUpper(), QByteArray());
        withoutId.replace(dashed(oldHex), QByteArray());
        const QByteArray newHex = QCryptographicHash::hash(withoutId, QCryptographicHash::Md5).toHex();
        pdf.replace(oldHex, newHex);
        pdf.replace(oldHex.toUpper(), newHex.toUpper());
        pdf.replace(dashed(oldHex), dashed(newHex));
        changed = true;
    }
    return changed;
}

} // namespace incidoc::sample
