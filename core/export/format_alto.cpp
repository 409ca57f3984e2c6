#include "core/export/format_alto.h"

#include "core/export/format_support_p.h"

#include <algorithm>

namespace incidoc {

using namespace bundle;

namespace {

QByteArray altoPos(const PixelBox& b)
{
    return "HPOS=\"" + num(b.x0) + "\" VPOS=\"" + num(b.y0) + "\" WIDTH=\"" + num(std::max(0, b.width()))
           + "\" HEIGHT=\"" + num(std::max(0, b.height())) + '"';
}

} // namespace

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
         "<Description>\n<MeasurementUnit>pixel</MeasurementUnit>\n<sourceImageInformation>\n<fileName>"
         + xmlEscaped(p.imagePath) + "</fileName>\n</sourceImageInformation>\n</Description>\n";
    const PixelBox whole{0, 0, p.page.widthPx, p.page.heightPx};
    a += "<Layout>\n<Page ID=\"page_" + num(n) + "\" PHYSICAL_IMG_NR=\"" + num(n) + "\" WIDTH=\"" + num(p.page.widthPx)
         + "\" HEIGHT=\"" + num(p.page.heightPx) + "\">\n<PrintSpace " + altoPos(whole) + ">\n";
    const auto runs = lineRuns(p.words);
    int blockNo = 0, lineNo = 0, wordNo = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].newBlock) {
            if (r > 0)
                a += "</TextBlock>\n";
            std::size_t end = r + 1;
            while (end < runs.size() && !runs[end].newBlock)
                ++end;
            a += "<TextBlock ID=\"block_" + num(++blockNo) + "\" "
                 + altoPos(unionOf(p.words, runs[r].begin, runs[end - 1].end)) + ">\n";
        }
        a += "<TextLine ID=\"line_" + num(++lineNo) + "\" " + altoPos(unionOf(p.words, runs[r].begin, runs[r].end))
             + ">\n";
        for (std::size_t i = runs[r].begin; i < runs[r].end; ++i) {
            const WordRecord& w = p.words[i];
            if (i > runs[r].begin)
                a += "<SP/>\n";
            a += "<String ID=\"string_" + num(++wordNo) + "\" " + altoPos(w.box) + " CONTENT=\"" + xmlEscaped(w.text)
                 + '"'
                 + (w.confidence ? " WC=\"" + dec(std::clamp(*w.confidence, 0.0, 100.0) / 100.0, 3) + '"'
                                 : QByteArray());
            if (w.alternatives.empty()) {
                a += "/>\n";
            } else {
                // The other engines' readings, each named by its engine.
                a += ">\n";
                for (const WordReading& r : w.alternatives)
                    a += "<ALTERNATIVE PURPOSE=\"" + xmlEscaped(r.engine) + "\">" + xmlEscaped(r.text)
                         + "</ALTERNATIVE>\n";
                a += "</String>\n";
            }
        }
        a += "</TextLine>\n";
    }
    if (!runs.empty())
        a += "</TextBlock>\n";
    a += "</PrintSpace>\n</Page>\n</Layout>\n</alto>\n";
    return a;
}

} // namespace incidoc
