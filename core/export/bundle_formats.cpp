#include "core/export/bundle_formats.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPen>
#include <QSet>

#include <zlib.h>

#include <algorithm>
#include <cmath>

namespace incidoc {
namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// XML text / attribute escaping; characters XML 1.0 forbids (most C0 controls) are dropped, so a
/// word with a stray control character never makes a file unparseable.
QByteArray xmlEscaped(const QString& s)
{
    QString out;
    out.reserve(s.size() + 8);
    for (const QChar c : s) {
        const ushort u = c.unicode();
        if (u < 0x20 && u != 0x09 && u != 0x0a && u != 0x0d)
            continue;
        if (u == 0xfffe || u == 0xffff)
            continue;
        switch (u) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&apos;"); break;
        default: out += c;
        }
    }
    return out.toUtf8();
}

QByteArray num(long long v)
{
    return QByteArray::number(v);
}

/// A number with at most `decimals` decimals and no trailing zeros ("12.5", "3").
QByteArray dec(double v, int decimals)
{
    QByteArray b = QByteArray::number(v, 'f', decimals);
    if (b.contains('.')) {
        while (b.endsWith('0'))
            b.chop(1);
        if (b.endsWith('.'))
            b.chop(1);
    }
    if (b == "-0")
        b = "0";
    return b;
}

/// Runs of words sharing (block, line) in reading order: the lines of hOCR and ALTO. A change of block
/// starts a new block. Returned as index ranges.
struct LineRun {
    std::size_t begin, end;
    bool newBlock;
};

std::vector<LineRun> lineRuns(const std::vector<WordRecord>& words)
{
    std::vector<LineRun> runs;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool sameLine = i > 0 && words[i].block == words[i - 1].block && words[i].line == words[i - 1].line;
        if (sameLine) {
            runs.back().end = i + 1;
        } else {
            runs.push_back({i, i + 1, i == 0 || words[i].block != words[i - 1].block});
        }
    }
    return runs;
}

PixelBox unionOf(const std::vector<WordRecord>& words, std::size_t begin, std::size_t end)
{
    PixelBox b;
    for (std::size_t i = begin; i < end; ++i)
        b = b.united(words[i].box);
    return b;
}

QByteArray bboxTitle(const PixelBox& b)
{
    return "bbox " + num(b.x0) + ' ' + num(b.y0) + ' ' + num(b.x1) + ' ' + num(b.y1);
}

QByteArray altoPos(const PixelBox& b)
{
    return "HPOS=\"" + num(b.x0) + "\" VPOS=\"" + num(b.y0) + "\" WIDTH=\"" + num(std::max(0, b.width())) +
           "\" HEIGHT=\"" + num(std::max(0, b.height())) + '"';
}

QString labelOf(const WordRecord& w)
{
    return w.labelName;
}

} // namespace

QString bundleSlug(const QString& fileName)
{
    // The stem: what is left of the last path component without its last extension.
    QString base = fileName;
    base.replace(QLatin1Char('\\'), QLatin1Char('/'));
    base = base.section(QLatin1Char('/'), -1);
    const int dot = base.lastIndexOf(QLatin1Char('.'));
    if (dot > 0)
        base.truncate(dot);
    // NFD splits accented letters into letter + combining mark; the marks are dropped below.
    const QString decomposed = base.normalized(QString::NormalizationForm_D);
    QString slug;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        const ushort u = c.unicode();
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
                          u == '-';
        const QChar out = keep ? c : QLatin1Char('-');
        if (out == QLatin1Char('-') && slug.endsWith(QLatin1Char('-')))
            continue;
        slug += out;
    }
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    slug.truncate(60);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("document") : slug;
}

std::vector<QString> bundleSlugs(const std::vector<DocumentRecord>& documents)
{
    std::vector<QString> slugs;
    QSet<QString> used;
    for (const auto& d : documents) {
        const QString stem = bundleSlug(d.name.isEmpty() ? d.path : d.name);
        QString slug = stem;
        for (int n = 2; used.contains(slug.toLower()); ++n)
            slug = QStringLiteral("%1-%2").arg(stem).arg(n);
        used.insert(slug.toLower());
        slugs.push_back(slug);
    }
    return slugs;
}

QString pageStem(int number)
{
    return QStringLiteral("page-%1").arg(number, 4, 10, QLatin1Char('0'));
}

// ---- hOCR ---------------------------------------------------------------------------------------

QByteArray pageToHocr(const BundlePage& p)
{
    const int n = p.page.number;
    QByteArray h;
    h.reserve(512 + static_cast<qsizetype>(p.words.size()) * 110);
    h += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n<head>\n<title>" +
         xmlEscaped(p.document.name) + " page " + num(n) +
         "</title>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
         "<meta name=\"ocr-system\" content=\"incidoc\"/>\n"
         "<meta name=\"ocr-capabilities\" content=\"ocr_page ocr_carea ocr_line ocrx_word ocrp_wconf\"/>\n"
         "</head>\n<body>\n";
    const QByteArray dpi = num(p.page.dpi);
    h += "<div class=\"ocr_page\" id=\"page_" + num(n) + "\" title=\"image &quot;" + xmlEscaped(p.imagePath) +
         "&quot;; bbox 0 0 " + num(p.page.widthPx) + ' ' + num(p.page.heightPx) + "; ppageno " + num(n - 1) +
         (p.page.dpi > 0 ? "; scan_res " + dpi + ' ' + dpi : QByteArray()) + "\">\n";
    const auto runs = lineRuns(p.words);
    int blockNo = 0, lineNo = 0, wordNo = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].newBlock) {
            if (r > 0)
                h += "</div>\n";
            std::size_t end = r + 1;
            while (end < runs.size() && !runs[end].newBlock)
                ++end;
            h += "<div class=\"ocr_carea\" id=\"block_" + num(n) + '_' + num(++blockNo) + "\" title=\"" +
                 bboxTitle(unionOf(p.words, runs[r].begin, runs[end - 1].end)) + "\">\n";
        }
        h += " <span class=\"ocr_line\" id=\"line_" + num(n) + '_' + num(++lineNo) + "\" title=\"" +
             bboxTitle(unionOf(p.words, runs[r].begin, runs[r].end)) + "\">";
        for (std::size_t i = runs[r].begin; i < runs[r].end; ++i) {
            const WordRecord& w = p.words[i];
            if (i > runs[r].begin)
                h += ' ';
            h += "<span class=\"ocrx_word\" id=\"word_" + num(n) + '_' + num(++wordNo) + "\" title=\"" +
                 bboxTitle(w.box) +
                 (w.confidence ? "; x_wconf " + num(std::lround(std::clamp(*w.confidence, 0.0, 100.0))) : QByteArray()) +
                 '"' + (w.labelName.isEmpty() ? QByteArray() : " data-label=\"" + xmlEscaped(w.labelName) + '"') + '>' +
                 xmlEscaped(w.text) + "</span>";
        }
        h += "</span>\n";
    }
    if (!runs.empty())
        h += "</div>\n";
    h += "</div>\n</body>\n</html>\n";
    return h;
}

// ---- ALTO v4 ------------------------------------------------------------------------------------

QByteArray pageToAlto(const BundlePage& p)
{
    const int n = p.page.number;
    QByteArray a;
    a.reserve(1024 + static_cast<qsizetype>(p.words.size()) * 130);
    a += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# "
         "http://www.loc.gov/standards/alto/v4/alto-4-2.xsd\">\n"
         "<Description>\n<MeasurementUnit>pixel</MeasurementUnit>\n<sourceImageInformation>\n<fileName>" +
         xmlEscaped(p.imagePath) + "</fileName>\n</sourceImageInformation>\n</Description>\n";
    const PixelBox whole{0, 0, p.page.widthPx, p.page.heightPx};
    a += "<Layout>\n<Page ID=\"page_" + num(n) + "\" PHYSICAL_IMG_NR=\"" + num(n) + "\" WIDTH=\"" +
         num(p.page.widthPx) + "\" HEIGHT=\"" + num(p.page.heightPx) + "\">\n<PrintSpace " + altoPos(whole) + ">\n";
    const auto runs = lineRuns(p.words);
    int blockNo = 0, lineNo = 0, wordNo = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].newBlock) {
            if (r > 0)
                a += "</TextBlock>\n";
            std::size_t end = r + 1;
            while (end < runs.size() && !runs[end].newBlock)
                ++end;
            a += "<TextBlock ID=\"block_" + num(++blockNo) + "\" " +
                 altoPos(unionOf(p.words, runs[r].begin, runs[end - 1].end)) + ">\n";
        }
        a += "<TextLine ID=\"line_" + num(++lineNo) + "\" " + altoPos(unionOf(p.words, runs[r].begin, runs[r].end)) +
             ">\n";
        for (std::size_t i = runs[r].begin; i < runs[r].end; ++i) {
            const WordRecord& w = p.words[i];
            if (i > runs[r].begin)
                a += "<SP/>\n";
            a += "<String ID=\"string_" + num(++wordNo) + "\" " + altoPos(w.box) + " CONTENT=\"" + xmlEscaped(w.text) +
                 '"' +
                 (w.confidence ? " WC=\"" + dec(std::clamp(*w.confidence, 0.0, 100.0) / 100.0, 3) + '"' : QByteArray()) +
                 "/>\n";
        }
        a += "</TextLine>\n";
    }
    if (!runs.empty())
        a += "</TextBlock>\n";
    a += "</PrintSpace>\n</Page>\n</Layout>\n</alto>\n";
    return a;
}

// ---- COCO ---------------------------------------------------------------------------------------

QHash<QString, int> cocoCategoryIds(const std::vector<LabelRecord>& labels)
{
    QHash<QString, int> ids;
    ids.insert(QStringLiteral("word"), 1);
    int next = 2;
    for (const auto& l : labels)
        if (!ids.contains(l.name))
            ids.insert(l.name, next++);
    return ids;
}

QByteArray cocoHead(const std::vector<LabelRecord>& labels, const QString& created)
{
    QJsonArray cats{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("word")},
                                {QStringLiteral("supercategory"), QStringLiteral("text")}}};
    const auto ids = cocoCategoryIds(labels);
    QSet<QString> seen{QStringLiteral("word")};
    for (const auto& l : labels) {
        if (seen.contains(l.name))
            continue;
        seen.insert(l.name);
        cats.append(QJsonObject{{QStringLiteral("id"), ids.value(l.name)}, {QStringLiteral("name"), l.name},
                                {QStringLiteral("supercategory"), QStringLiteral("label")}});
    }
    const QJsonObject info{{QStringLiteral("description"), QStringLiteral("Incidoc export (incidoc.bundle/1)")},
                           {QStringLiteral("version"), QStringLiteral("1.0")},
                           {QStringLiteral("date_created"), created}};
    return "{\"info\":" + compact(info) + ",\"licenses\":[],\"categories\":" + QJsonDocument(cats).toJson(QJsonDocument::Compact) +
           ",\"annotations\":[";
}

QByteArray cocoMiddle()
{
    return "],\"images\":[";
}

QByteArray cocoImage(const BundlePage& p, int imageId)
{
    return compact(QJsonObject{{QStringLiteral("id"), imageId},
                               {QStringLiteral("file_name"), p.imagePath},
                               {QStringLiteral("width"), p.page.widthPx},
                               {QStringLiteral("height"), p.page.heightPx},
                               {QStringLiteral("document"), p.slug},
                               {QStringLiteral("document_name"), p.document.name},
                               {QStringLiteral("page"), p.page.number}});
}

QByteArray cocoAnnotations(const BundlePage& p, int imageId, long long firstAnnotationId,
                           const QHash<QString, int>& categories, bool leadingComma)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(p.words.size()) * 190);
    long long id = firstAnnotationId;
    for (const WordRecord& w : p.words) {
        if (leadingComma || id != firstAnnotationId)
            out += ',';
        const int cat = w.labelName.isEmpty() ? 1 : categories.value(w.labelName, 1);
        const int bw = std::max(0, w.box.width()), bh = std::max(0, w.box.height());
        QJsonObject o{{QStringLiteral("id"), id++},
                      {QStringLiteral("image_id"), imageId},
                      {QStringLiteral("category_id"), cat},
                      {QStringLiteral("bbox"), QJsonArray{w.box.x0, w.box.y0, bw, bh}},
                      {QStringLiteral("area"), static_cast<qint64>(bw) * bh},
                      {QStringLiteral("iscrowd"), 0},
                      {QStringLiteral("segmentation"), QJsonArray{}},
                      {QStringLiteral("text"), w.text},
                      {QStringLiteral("confidence"), w.confidence ? QJsonValue(std::round(*w.confidence * 10.0) / 10.0)
                                                                  : QJsonValue(QJsonValue::Null)},
                      {QStringLiteral("label"), w.labelName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(w.labelName)},
                      {QStringLiteral("document"), p.slug},
                      {QStringLiteral("page"), p.page.number}};
        out += compact(o);
    }
    return out;
}

// ---- Label Studio -------------------------------------------------------------------------------

QByteArray labelStudioTask(const BundlePage& p, int taskId)
{
    const double W = std::max(1, p.page.widthPx), H = std::max(1, p.page.heightPx);
    QJsonArray results;
    double confSum = 0;
    int confCount = 0;
    for (const WordRecord& w : p.words) {
        const QString rid = QStringLiteral("w%1").arg(w.id);
        auto pct = [](double v) { return std::round(v * 10000.0) / 10000.0; };
        QJsonObject value{{QStringLiteral("x"), pct(100.0 * w.box.x0 / W)},
                          {QStringLiteral("y"), pct(100.0 * w.box.y0 / H)},
                          {QStringLiteral("width"), pct(100.0 * std::max(0, w.box.width()) / W)},
                          {QStringLiteral("height"), pct(100.0 * std::max(0, w.box.height()) / H)},
                          {QStringLiteral("rotation"), 0}};
        auto result = [&](const char* from, const char* type, const QJsonObject& v) {
            QJsonObject r{{QStringLiteral("id"), rid},
                          {QStringLiteral("from_name"), QLatin1String(from)},
                          {QStringLiteral("to_name"), QStringLiteral("image")},
                          {QStringLiteral("type"), QLatin1String(type)},
                          {QStringLiteral("original_width"), p.page.widthPx},
                          {QStringLiteral("original_height"), p.page.heightPx},
                          {QStringLiteral("image_rotation"), 0},
                          {QStringLiteral("value"), v}};
            if (w.confidence)
                r.insert(QStringLiteral("score"), std::round(*w.confidence * 10.0) / 1000.0);
            return r;
        };
        results.append(result("bbox", "rectangle", value));
        QJsonObject text = value;
        text.insert(QStringLiteral("text"), QJsonArray{w.text});
        results.append(result("transcription", "textarea", text));
        if (!w.labelName.isEmpty()) {
            QJsonObject labels = value;
            labels.insert(QStringLiteral("labels"), QJsonArray{w.labelName});
            results.append(result("label", "labels", labels));
        }
        if (w.confidence) {
            confSum += *w.confidence;
            ++confCount;
        }
    }
    QJsonObject task{{QStringLiteral("id"), taskId},
                     {QStringLiteral("data"), QJsonObject{{QStringLiteral("ocr"), p.imagePath},
                                                          {QStringLiteral("document"), p.slug},
                                                          {QStringLiteral("document_name"), p.document.name},
                                                          {QStringLiteral("page"), p.page.number}}}};
    if (p.page.review == ReviewStatus::Reviewed) {
        task.insert(QStringLiteral("annotations"),
                    QJsonArray{QJsonObject{{QStringLiteral("result"), results},
                                           {QStringLiteral("ground_truth"), false}}});
    } else {
        task.insert(QStringLiteral("predictions"),
                    QJsonArray{QJsonObject{{QStringLiteral("model_version"),
                                            p.page.engine.isEmpty() ? QStringLiteral("incidoc") : p.page.engine},
                                           {QStringLiteral("score"), confCount ? confSum / confCount / 100.0 : 0.0},
                                           {QStringLiteral("result"), results}}});
    }
    return compact(task);
}

// ---- metrics ------------------------------------------------------------------------------------

void PageStats::add(const PageStats& o)
{
    words += o.words;
    lowConfidence += o.lowConfidence;
    edited += o.edited;
    labelled += o.labelled;
    reviewedWords += o.reviewedWords;
    userWords += o.userWords;
    withConfidence += o.withConfidence;
    confidenceSum += o.confidenceSum;
    for (std::size_t i = 0; i < histogram.size(); ++i)
        histogram[i] += o.histogram[i];
    for (auto it = o.labels.begin(); it != o.labels.end(); ++it)
        labels[it.key()] += it.value();
}

PageStats pageStats(const BundlePage& p, double lowConfidence)
{
    PageStats s;
    for (const WordRecord& w : p.words) {
        ++s.words;
        if (w.edited)
            ++s.edited;
        if (w.reviewed)
            ++s.reviewedWords;
        if (w.source == WordSource::User)
            ++s.userWords;
        if (!labelOf(w).isEmpty()) {
            ++s.labelled;
            ++s.labels[labelOf(w)];
        }
        if (w.confidence) {
            const double c = std::clamp(*w.confidence, 0.0, 100.0);
            ++s.withConfidence;
            s.confidenceSum += c;
            ++s.histogram[std::min<std::size_t>(9, static_cast<std::size_t>(c / 10.0))];
            if (c < lowConfidence)
                ++s.lowConfidence;
        }
    }
    return s;
}

QByteArray pagesCsvHeader()
{
    return "document,page,kind,status,review,words,mean_confidence,low_confidence_words,edited_words,"
           "labelled_words,render_ms,ocr_ms\n";
}

QByteArray pagesCsvRow(const BundlePage& p, const PageStats& s)
{
    // The slug is ASCII letters, digits, '-' and '_': never needs CSV quoting.
    return p.slug.toUtf8() + ',' + num(p.page.number) + ',' +
           (p.page.kind == PageKind::Unknown ? QByteArray() : toString(p.page.kind).toUtf8()) + ',' +
           toString(p.page.status).toUtf8() + ',' + toString(p.page.review).toUtf8() + ',' + num(s.words) + ',' +
           (s.withConfidence ? dec(s.confidenceSum / s.withConfidence, 1) : QByteArray()) + ',' + num(s.lowConfidence) +
           ',' + num(s.edited) + ',' + num(s.labelled) + ',' + num(p.page.timings.renderMs) + ',' +
           num(p.page.timings.ocrMs) + '\n';
}

// ---- PNG ----------------------------------------------------------------------------------------

namespace {

void putBigEndian(QByteArray& out, quint32 v)
{
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

void pngChunk(QByteArray& out, const char* type, const QByteArray& data)
{
    const quint32 n = static_cast<quint32>(data.size());
    const char len[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    out.append(len, 4);
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data);
    const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(out.constData() + start),
                            static_cast<uInt>(out.size() - start));
    const char c[4] = {char(crc >> 24), char(crc >> 16), char(crc >> 8), char(crc)};
    out.append(c, 4);
}

} // namespace

QByteArray encodeGreyPng(const QImage& input, bool bilevel, int level)
{
    if (input.isNull())
        return {};
    const QImage grey = input.format() == QImage::Format_Grayscale8 ? input : input.convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width(), h = grey.height();
    const qsizetype rowBytes = bilevel ? (w + 7) / 8 : w;
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray idat;
    idat.resize(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>((rowBytes + 1) * h))) + 64);
    zs.next_out = reinterpret_cast<Bytef*>(idat.data());
    zs.avail_out = static_cast<uInt>(idat.size());
    // Rows are deflated one at a time: only one filtered row is ever held.
    std::vector<uchar> row(static_cast<std::size_t>(rowBytes) + 1);
    for (int y = 0; y < h; ++y) {
        const uchar* in = grey.constScanLine(y);
        if (bilevel) {
            row[0] = 0; // filter None: 1-bit rows gain little from filtering
            std::fill(row.begin() + 1, row.end(), uchar(0));
            for (int x = 0; x < w; ++x)
                if (in[x] >= 128)
                    row[1 + (x >> 3)] |= static_cast<uchar>(0x80 >> (x & 7));
        } else {
            row[0] = 2; // filter Up: scanned pages change little from one row to the next
            const uchar* above = y > 0 ? grey.constScanLine(y - 1) : nullptr;
            for (int x = 0; x < w; ++x)
                row[1 + x] = static_cast<uchar>(in[x] - (above ? above[x] : 0));
        }
        zs.next_in = row.data();
        zs.avail_in = static_cast<uInt>(row.size());
        if (deflate(&zs, y + 1 == h ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_ERROR || zs.avail_in != 0) {
            deflateEnd(&zs);
            return {};
        }
    }
    if (h == 0 || zs.avail_out == 0) {
        deflateEnd(&zs);
        return {};
    }
    idat.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putBigEndian(ihdr, static_cast<quint32>(w));
    putBigEndian(ihdr, static_cast<quint32>(h));
    ihdr.append(char(bilevel ? 1 : 8)); // bit depth
    ihdr.append(char(0));               // colour type 0: greyscale (1-bit: 0 black, 1 white)
    ihdr.append(3, char(0));            // deflate, adaptive filtering, no interlace
    pngChunk(png, "IHDR", ihdr);
    const int dpm = grey.dotsPerMeterX();
    if (dpm > 0 && grey.dotsPerMeterY() > 0) {
        QByteArray phys;
        putBigEndian(phys, static_cast<quint32>(dpm));
        putBigEndian(phys, static_cast<quint32>(grey.dotsPerMeterY()));
        phys.append(char(1)); // metres
        pngChunk(png, "pHYs", phys);
    }
    pngChunk(png, "IDAT", idat);
    pngChunk(png, "IEND", {});
    return png;
}

// ---- visualization ------------------------------------------------------------------------------

QByteArray drawVisualization(const QImage& grey, const BundlePage& p, const QHash<QString, QColor>& labelColors,
                             double lowConfidence, int maxSide, int quality)
{
    if (grey.isNull() || maxSide < 16)
        return {};
    const int longSide = std::max(grey.width(), grey.height());
    const double k = longSide > maxSide ? static_cast<double>(maxSide) / longSide : 1.0;
    // Scale while still 8-bit grey (a quarter of the pixels of RGB), then paint in colour.
    QImage base = k < 1.0 ? grey.scaled(std::max(1, static_cast<int>(std::lround(grey.width() * k))),
                                        std::max(1, static_cast<int>(std::lround(grey.height() * k))),
                                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                          : grey;
    QImage canvas = base.convertToFormat(QImage::Format_RGB32);
    if (canvas.isNull())
        return {};
    // Boxes are in page pixels; the image may differ slightly from the page size (never by much).
    const double sx = static_cast<double>(canvas.width()) / std::max(1, p.page.widthPx > 0 ? p.page.widthPx : grey.width());
    const double sy = static_cast<double>(canvas.height()) / std::max(1, p.page.heightPx > 0 ? p.page.heightPx : grey.height());
    {
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::Antialiasing, false);
        const QColor unlabelled(0x1f, 0x5f, 0xd0);
        const QColor low(0xe0, 0x10, 0x10);
        const double width = std::max(1.0, 2.0 * std::min(1.0, k * 2.0));
        for (const WordRecord& w : p.words) {
            const QRectF r(w.box.x0 * sx, w.box.y0 * sy, std::max(1.0, w.box.width() * sx),
                           std::max(1.0, w.box.height() * sy));
            QColor c = w.labelName.isEmpty() ? unlabelled : labelColors.value(w.labelName, unlabelled);
            if (!w.labelName.isEmpty()) {
                QColor fill = c;
                fill.setAlpha(60);
                painter.fillRect(r, fill);
            }
            painter.setPen(QPen(c, width));
            painter.drawRect(r);
            if (w.confidence && *w.confidence < lowConfidence) {
                QPen pen(low, width, Qt::DashLine);
                painter.setPen(pen);
                painter.drawRect(r.adjusted(-2 * width, -2 * width, 2 * width, 2 * width));
            }
        }
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!canvas.save(&buffer, "JPEG", quality))
        return {};
    return jpeg;
}

} // namespace incidoc
