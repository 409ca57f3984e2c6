#include "core/export/format_hocr.h"

#include "core/export/format_support_p.h"

#include <algorithm>
#include <cmath>

namespace incidoc {

using namespace bundle;

namespace {

QByteArray bboxTitle(const PixelBox& b)
{
    return "bbox " + num(b.x0) + ' ' + num(b.y0) + ' ' + num(b.x1) + ' ' + num(b.y1);
}

// The hOCR cost of a reading: lower is more probable (100 - confidence, 0-100).
QByteArray costTitle(std::optional<double> confidence)
{
    return "x_cost " + dec(100.0 - std::clamp(confidence.value_or(0.0), 0.0, 100.0), 1);
}

// A word's text; with other engines' readings, hOCR's alternatives: the chosen reading (ins) first, then
// the others (del), each with its cost.
QByteArray wordContent(const WordRecord& w)
{
    if (w.alternatives.empty())
        return xmlEscaped(w.text);
    QByteArray c = "<span class=\"alternatives\"><ins class=\"alt\" title=\"" + costTitle(w.confidence) + "\">"
                   + xmlEscaped(w.text) + "</ins>";
    for (const WordReading& r : w.alternatives)
        c += "<del class=\"alt\" title=\"" + costTitle(r.confidence) + "\">" + xmlEscaped(r.text) + "</del>";
    return c + "</span>";
}

} // namespace

QByteArray pageToHocr(const BundlePage& p)
{
    const int n = p.page.number;
    QByteArray h;
    h.reserve(512 + static_cast<qsizetype>(p.words.size()) * 110);
    h += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n<head>\n<title>"
         + xmlEscaped(p.document.name) + " page " + num(n)
         + "</title>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
           "<meta name=\"ocr-system\" content=\"incidoc\"/>\n"
           "<meta name=\"ocr-capabilities\" content=\"ocr_page ocr_carea ocr_line ocrx_word ocrp_wconf\"/>\n"
           "</head>\n<body>\n";
    const QByteArray dpi = num(p.page.dpi);
    h += "<div class=\"ocr_page\" id=\"page_" + num(n) + "\" title=\"image &quot;" + xmlEscaped(p.imagePath)
         + "&quot;; bbox 0 0 " + num(p.page.widthPx) + ' ' + num(p.page.heightPx) + "; ppageno " + num(n - 1)
         + (p.page.dpi > 0 ? "; scan_res " + dpi + ' ' + dpi : QByteArray()) + "\">\n";
    const auto runs = lineRuns(p.words);
    int blockNo = 0, lineNo = 0, wordNo = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].newBlock) {
            if (r > 0)
                h += "</div>\n";
            std::size_t end = r + 1;
            while (end < runs.size() && !runs[end].newBlock)
                ++end;
            h += "<div class=\"ocr_carea\" id=\"block_" + num(n) + '_' + num(++blockNo) + "\" title=\""
                 + bboxTitle(unionOf(p.words, runs[r].begin, runs[end - 1].end)) + "\">\n";
        }
        h += " <span class=\"ocr_line\" id=\"line_" + num(n) + '_' + num(++lineNo) + "\" title=\""
             + bboxTitle(unionOf(p.words, runs[r].begin, runs[r].end)) + "\">";
        for (std::size_t i = runs[r].begin; i < runs[r].end; ++i) {
            const WordRecord& w = p.words[i];
            if (i > runs[r].begin)
                h += ' ';
            h +=
                "<span class=\"ocrx_word\" id=\"word_" + num(n) + '_' + num(++wordNo) + "\" title=\"" + bboxTitle(w.box)
                + (w.confidence ? "; x_wconf " + num(std::lround(std::clamp(*w.confidence, 0.0, 100.0))) : QByteArray())
                + '"' + (w.labelName.isEmpty() ? QByteArray() : " data-label=\"" + xmlEscaped(w.labelName) + '"')
                + (w.engine.isEmpty() ? QByteArray() : " data-engine=\"" + xmlEscaped(w.engine) + '"')
                + (w.flagged ? " data-flagged=\"true\"" : "") + '>' + wordContent(w) + "</span>";
        }
        h += "</span>\n";
    }
    if (!runs.empty())
        h += "</div>\n";
    h += "</div>\n</body>\n</html>\n";
    return h;
}

} // namespace incidoc
