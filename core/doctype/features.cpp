// The features are cheap on purpose: a first page is measured once (its image at about 100 dpi, a few
// milliseconds), and the words come from the store. Counts enter as logarithms so that a page of 40 words
// and one of 400 differ by about as much as a form and a letter do in their other measures.
#include "core/doctype/features.h"

#include "core/render/page_renderer.h"

#include <QImageReader>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>

namespace incidoc {

namespace {

constexpr int kMeasureDpi = 100;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

/// Runs of dark pixels along rows (or columns) at least `minRun` long, counted as lines: neighbouring
/// rows that both have one are one line (a rule 3 pixels thick is one rule).
int countRules(const QImage& img, bool horizontal, int minRun)
{
    const int outer = horizontal ? img.height() : img.width();
    const int inner = horizontal ? img.width() : img.height();
    int lines = 0;
    bool previous = false;
    for (int a = 0; a < outer; ++a) {
        int run = 0, best = 0, gaps = 0;
        for (int b = 0; b < inner; ++b) {
            const int x = horizontal ? b : a, y = horizontal ? a : b;
            const bool dark = img.constScanLine(y)[x] < 140;
            if (dark) {
                ++run;
                gaps = 0;
            } else if (run > 0 && ++gaps <= 2) {
                ++run; // a dashed or broken rule is still a rule
            } else {
                best = std::max(best, run);
                run = 0;
                gaps = 0;
            }
        }
        best = std::max(best, run);
        const bool has = best >= minRun;
        if (has && !previous)
            ++lines;
        previous = has;
    }
    return lines;
}

} // namespace

QJsonObject PageImageFeatures::toJson() const
{
    return {{QStringLiteral("version"), kVersion},      {QStringLiteral("h_rules"), horizontalRules},
            {QStringLiteral("v_rules"), verticalRules}, {QStringLiteral("dark"), darkShare},
            {QStringLiteral("margin"), marginGrey},     {QStringLiteral("margin_sd"), marginSpread},
            {QStringLiteral("bilevel"), bilevel},       {QStringLiteral("anisotropic"), anisotropic},
            {QStringLiteral("no_dpi"), noDpi}};
}

PageImageFeatures PageImageFeatures::fromJson(const QJsonObject& o)
{
    PageImageFeatures f;
    f.horizontalRules = o.value(QStringLiteral("h_rules")).toDouble();
    f.verticalRules = o.value(QStringLiteral("v_rules")).toDouble();
    f.darkShare = o.value(QStringLiteral("dark")).toDouble();
    f.marginGrey = o.value(QStringLiteral("margin")).toDouble(1);
    f.marginSpread = o.value(QStringLiteral("margin_sd")).toDouble();
    f.bilevel = o.value(QStringLiteral("bilevel")).toDouble();
    f.anisotropic = o.value(QStringLiteral("anisotropic")).toDouble();
    f.noDpi = o.value(QStringLiteral("no_dpi")).toDouble();
    return f;
}

PageImageFeatures measurePageImage(const QImage& source, int dpiX, int dpiY)
{
    PageImageFeatures f;
    if (source.isNull())
        return f;
    f.anisotropic = (dpiX > 0 && dpiY > 0 && std::abs(dpiX - dpiY) * 10 > std::max(dpiX, dpiY)) ? 1 : 0;
    f.noDpi = (dpiX <= 0 || dpiY <= 0) ? 1 : 0;
    QImage grey = source.convertToFormat(QImage::Format_Grayscale8);

    // The ink's darkness on the image as it came: a bilevel image has only black ink, a grey scan or an
    // anti-aliased render has many greys.
    long long ink = 0, black = 0;
    const int step = std::max(1, static_cast<int>(std::sqrt(static_cast<double>(grey.width()) * grey.height() / 1e6)));
    for (int y = 0; y < grey.height(); y += step) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); x += step) {
            if (row[x] < 200) {
                ++ink;
                if (row[x] < 24)
                    ++black;
            }
        }
    }
    f.bilevel = ink > 0 ? static_cast<double>(black) / static_cast<double>(ink) : 0;

    // Everything else at about 100 dpi: 850 pixels across a Letter page.
    const int targetWidth = 850;
    if (grey.width() > targetWidth * 1.2)
        grey = grey.scaledToWidth(targetWidth, Qt::SmoothTransformation);
    const int w = grey.width(), h = grey.height();
    if (w < 8 || h < 8)
        return f;
    long long dark = 0;
    for (int y = 0; y < h; ++y) {
        const uchar* row = grey.constScanLine(y);
        for (int x = 0; x < w; ++x)
            dark += row[x] < 140 ? 1 : 0;
    }
    f.darkShare = static_cast<double>(dark) / (static_cast<double>(w) * h);
    f.horizontalRules = countRules(grey, true, w / 4);
    f.verticalRules = countRules(grey, false, h / 10);

    // The border: 4 % of each side. Paper is white to its edge; a photographed page lies on a table.
    const int bx = std::max(1, w / 25), by = std::max(1, h / 25);
    double sum = 0, sum2 = 0;
    long long n = 0;
    for (int y = 0; y < h; ++y) {
        const uchar* row = grey.constScanLine(y);
        const bool edgeRow = y < by || y >= h - by;
        for (int x = 0; x < w; ++x) {
            if (!edgeRow && x >= bx && x < w - bx)
                continue;
            const double v = row[x] / 255.0;
            sum += v;
            sum2 += v * v;
            ++n;
        }
    }
    f.marginGrey = sum / static_cast<double>(n);
    f.marginSpread = std::sqrt(std::max(0.0, sum2 / static_cast<double>(n) - f.marginGrey * f.marginGrey));
    return f;
}

Result<PageImageFeatures> measureFirstPage(const DocumentRecord& document, const FirstPageRenderer& render)
{
    if (document.kind == DocumentKind::Image) {
        QImageReader reader(document.path);
        const QImage image = reader.read();
        if (image.isNull())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("cannot read %1: %2").arg(document.path, reader.errorString()));
        const int dpiX = static_cast<int>(std::lround(image.dotsPerMeterX() * 0.0254));
        const int dpiY = static_cast<int>(std::lround(image.dotsPerMeterY() * 0.0254));
        // Qt gives 72 dpi (2835 dots per metre) to images that say nothing: count those as none.
        const bool unset = image.dotsPerMeterX() == 2835 && image.dotsPerMeterY() == 2835;
        return measurePageImage(image, unset ? 0 : dpiX, unset ? 0 : dpiY);
    }
    RenderOptions options;
    options.dpi = kMeasureDpi;
    options.timeLimitMs = 20'000;
    auto page = render ? render(document.path, options) : renderPage(document.path, document.kind, 1, options);
    if (!page)
        return page.error();
    return measurePageImage(page->image, page->dpi, page->dpi);
}

const QStringList& layoutFeatureNames()
{
    static const QStringList names{
        QStringLiteral("aspect"),        QStringLiteral("landscape"),      QStringLiteral("width_in"),
        QStringLiteral("text_density"),  QStringLiteral("log_words"),      QStringLiteral("log_lines"),
        QStringLiteral("word_height"),   QStringLiteral("colon_share"),    QStringLiteral("upper_share"),
        QStringLiteral("digit_share"),   QStringLiteral("words_per_line"), QStringLiteral("h_rules"),
        QStringLiteral("v_rules"),       QStringLiteral("dark_share"),     QStringLiteral("margin_grey"),
        QStringLiteral("margin_spread"), QStringLiteral("bilevel"),        QStringLiteral("anisotropic"),
        QStringLiteral("no_dpi"),        QStringLiteral("text_layer"),     QStringLiteral("image_file"),
        QStringLiteral("log_pages"),     QStringLiteral("left_spread")};
    return names;
}

std::vector<QString> termsOf(const std::vector<QString>& words)
{
    std::vector<QString> tokens;
    for (const QString& w : words) {
        QString t;
        for (const QChar c : w.toLower()) {
            if (c.isLetterOrNumber())
                t += c;
            else if (c == QLatin1Char('\'') && !t.isEmpty())
                continue; // "witness's" and "witnesss" alike: OCR drops apostrophes often
            else if (!t.isEmpty())
                break;
        }
        int letters = 0;
        for (const QChar c : t)
            letters += c.isLetter() ? 1 : 0;
        if (letters >= 2)
            tokens.push_back(t);
    }
    std::vector<QString> terms = tokens;
    for (std::size_t i = 1; i < tokens.size(); ++i)
        terms.push_back(tokens[i - 1] + QLatin1Char(' ') + tokens[i]);
    return terms;
}

DocumentFeatures documentFeatures(const DocumentRecord& document, const PageRecord& page,
                                  const std::vector<WordRecord>& words, const PageImageFeatures& image)
{
    DocumentFeatures f;
    f.document = document.id;
    double w = page.widthPx, h = page.heightPx;
    if (w <= 0 || h <= 0) { // a page not rendered yet: its size in points
        w = page.widthPt;
        h = page.heightPt;
    }
    const double aspect = (w > 0 && h > 0) ? h / w : 1.29;
    double widthIn = 0;
    if (page.widthPt > 0)
        widthIn = page.widthPt / 72.0;
    else if (page.dpi > 0)
        widthIn = page.widthPx / static_cast<double>(page.dpi);

    double area = 0;
    std::vector<double> heights, lefts;
    int colons = 0, upper = 0, digits = 0;
    std::map<std::pair<int, int>, int> lines;
    std::vector<QString> texts;
    for (const WordRecord& word : words) {
        area += static_cast<double>(word.box.width()) * word.box.height();
        heights.push_back(h > 0 ? word.box.height() / h : 0);
        lefts.push_back(w > 0 ? word.box.x0 / w : 0);
        const QString t = word.text.trimmed();
        if (t.endsWith(QLatin1Char(':')))
            ++colons;
        int letters = 0, capitals = 0, numbers = 0;
        for (const QChar c : t) {
            letters += c.isLetter() ? 1 : 0;
            capitals += c.isUpper() ? 1 : 0;
            numbers += c.isDigit() ? 1 : 0;
        }
        if (letters >= 2 && capitals == letters)
            ++upper;
        if (numbers > 0)
            ++digits;
        ++lines[{word.block, word.line}];
        texts.push_back(t);
    }
    const double n = static_cast<double>(words.size());
    const double share = n > 0 ? 1.0 / n : 0;
    // How spread the left edges of the words are: a form's fields start everywhere, prose at one margin.
    double leftSpread = 0;
    if (!lefts.empty()) {
        double mean = 0;
        for (double x : lefts)
            mean += x;
        mean /= n;
        for (double x : lefts)
            leftSpread += (x - mean) * (x - mean);
        leftSpread = std::sqrt(leftSpread / n);
    }
    f.layout = {aspect,
                aspect < 1 ? 1.0 : 0.0,
                widthIn,
                (w > 0 && h > 0) ? area / (w * h) : 0,
                std::log1p(n),
                std::log1p(static_cast<double>(lines.size())),
                median(heights) * 100,
                colons * share,
                upper * share,
                digits * share,
                lines.empty() ? 0 : n / static_cast<double>(lines.size()),
                std::log1p(image.horizontalRules),
                std::log1p(image.verticalRules),
                image.darkShare,
                image.marginGrey,
                image.marginSpread,
                image.bilevel,
                image.anisotropic,
                image.noDpi,
                page.kind == PageKind::TextLayer ? 1.0 : 0.0,
                document.kind == DocumentKind::Image ? 1.0 : 0.0,
                std::log1p(document.pageCount),
                leftSpread};
    f.terms = termsOf(texts);
    return f;
}

} // namespace incidoc
