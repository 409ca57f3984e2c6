// TesseractEngine on pages rendered with known text: words, boxes, reading order, cancel,
// deadline, language errors, reuse across pages and one engine per thread.
#include "core/ocr/tesseract_engine.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "tests/support/qt_printers.h"

using namespace incidoc;
using namespace std::chrono_literals;

namespace {

// A line of text to draw at a position on a 300 dpi page.
struct Placed {
    QString text;
    int x = 0, y = 0; ///< baseline start
};

// A US-letter page at 300 dpi (2550 x 3300) unless given a size, 12 pt text (50 px, capitals
// ~36 px). Returns the grey page; `inkBoxes` gets each word's tight ink box.
QImage renderPage(const std::vector<Placed>& lines, std::vector<std::pair<QString, PixelBox>>* inkBoxes = nullptr,
                  QSize size = QSize(2550, 3300), int pixelSize = 50)
{
    QImage rgb(size, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    const QFontMetrics fm(font);
    QPainter p(&rgb);
    p.setFont(font);
    p.setPen(Qt::black);
    std::vector<std::pair<QString, QRect>> cells; // each word's advance cell (line height tall)
    for (const Placed& line : lines) {
        p.drawText(line.x, line.y, line.text);
        int x = line.x;
        for (const QString& word : line.text.split(QLatin1Char(' '))) {
            cells.push_back({word, fm.boundingRect(word).translated(x, line.y).adjusted(-2, -2, 2, 2)});
            x += fm.horizontalAdvance(word + QLatin1Char(' '));
        }
    }
    p.end();
    const QImage grey = rgb.convertToFormat(QImage::Format_Grayscale8);
    // The ink box of each word: its dark pixels inside its cell (font metrics are not tight).
    if (inkBoxes) {
        for (const auto& [word, cell] : cells) {
            PixelBox box{cell.right(), cell.bottom(), cell.left(), cell.top()};
            for (int y = std::max(0, cell.top()); y <= std::min(grey.height() - 1, cell.bottom()); ++y)
                for (int x = std::max(0, cell.left()); x <= std::min(grey.width() - 1, cell.right()); ++x)
                    if (grey.constScanLine(y)[x] < 128)
                        box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1),
                               std::max(box.y1, y + 1)};
            inkBoxes->push_back({word, box});
        }
    }
    return grey;
}

std::unique_ptr<TesseractEngine> makeEngine()
{
    auto engine = TesseractEngine::create(QStringLiteral("eng"));
    EXPECT_TRUE(engine.ok()) << (engine ? "" : qPrintable(engine.error().message));
    return engine ? std::move(engine).value() : nullptr;
}

QStringList texts(const RecognizedPage& page)
{
    QStringList out;
    for (const auto& w : page.words)
        out << w.text;
    return out;
}

bool contains(const PixelBox& outer, const PixelBox& inner, int slack = 0)
{
    return inner.x0 >= outer.x0 - slack && inner.y0 >= outer.y0 - slack && inner.x1 <= outer.x1 + slack
           && inner.y1 <= outer.y1 + slack;
}

// A full page of prose: 60 lines, enough for recognition to take a few seconds.
QImage densePage()
{
    std::vector<Placed> lines;
    for (int i = 0; i < 60; ++i)
        lines.push_back({QStringLiteral("Line %1 of the incident narrative reports what the officer saw").arg(i + 1),
                         150, 150 + 50 * i + 40});
    return renderPage(lines, nullptr, QSize(2550, 3300), 40);
}

} // namespace

TEST(TesseractEngine, ReadsRenderedWordsWithBoxesOverTheirInk)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    std::vector<std::pair<QString, PixelBox>> ink;
    const QImage page = renderPage({{QStringLiteral("Incident report number 4711"), 200, 300},
                                    {QStringLiteral("The quick brown fox jumps over the lazy dog"), 200, 420}},
                                   &ink);
    const auto result = engine->recognize(page, OcrOptions{}, CancelToken());
    ASSERT_TRUE(result.ok()) << qPrintable(result.error().message);
    EXPECT_EQ(result->engine, engine->description());
    ASSERT_EQ(texts(*result).join(QLatin1Char(' ')),
              QStringLiteral("Incident report number 4711 The quick brown fox jumps over the lazy dog"));
    ASSERT_EQ(result->words.size(), ink.size());
    for (size_t i = 0; i < ink.size(); ++i) {
        const RecognizedWord& w = result->words[i];
        // The box covers the word's ink and not much more.
        EXPECT_TRUE(contains(w.box, ink[i].second, 1))
            << qPrintable(w.text) << " ocr " << w.box.x0 << "," << w.box.y0 << "," << w.box.x1 << "," << w.box.y1
            << " ink " << ink[i].second.x0 << "," << ink[i].second.y0 << "," << ink[i].second.x1 << ","
            << ink[i].second.y1;
        EXPECT_GT(w.box.iou(ink[i].second), 0.85) << qPrintable(w.text);
        EXPECT_GT(w.confidence, 80.f) << qPrintable(w.text);
        EXPECT_LE(w.confidence, 100.f);
        // One box per character, each inside its word, left to right.
        ASSERT_EQ(static_cast<int>(w.chars.size()), w.text.size()) << qPrintable(w.text);
        QString spelled;
        int lastX = -1;
        for (const RecognizedChar& c : w.chars) {
            spelled += c.text;
            EXPECT_FALSE(c.box.isEmpty());
            EXPECT_TRUE(contains(w.box, c.box)) << qPrintable(w.text) << " " << qPrintable(c.text);
            EXPECT_GE(c.box.x0, lastX);
            lastX = c.box.x0;
        }
        EXPECT_EQ(spelled, w.text);
    }
    // Lines and blocks: valid indices, words inside their line, lines inside their block.
    ASSERT_EQ(result->lines.size(), 2u);
    ASSERT_FALSE(result->blocks.empty());
    for (const RecognizedWord& w : result->words) {
        ASSERT_GE(w.line, 0);
        ASSERT_LT(w.line, static_cast<int>(result->lines.size()));
        ASSERT_GE(w.block, 0);
        ASSERT_LT(w.block, static_cast<int>(result->blocks.size()));
        EXPECT_TRUE(contains(result->lines[w.line].box, w.box));
        EXPECT_TRUE(contains(result->blocks[w.block].box, result->lines[w.line].box));
    }
    EXPECT_EQ(result->words.front().line, 0);
    EXPECT_EQ(result->words.back().line, 1);
}

TEST(TesseractEngine, ReadsTwoColumnsColumnByColumn)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    // Two columns of prose with a clear gutter, as in a newsletter: each column is its own block,
    // read top to bottom before the next.
    std::vector<Placed> lines;
    QStringList left, right;
    const QStringList words =
        QStringLiteral("the officer arrived at the scene shortly after the alarm and found the rear door open while "
                       "two witnesses waited near the loading bay with the night guard who had called the police")
            .split(' ');
    for (int i = 0; i < 30; ++i) {
        QStringList l, r;
        for (int k = 0; k < 5; ++k) {
            l << words[(i * 5 + k) % words.size()];
            r << words[(i * 7 + k + 3) % words.size()];
        }
        left << l.join(' ');
        right << r.join(' ');
        lines.push_back({left.back(), 150, 400 + 60 * i});
        lines.push_back({right.back(), 1350, 400 + 60 * i});
    }
    const auto result =
        engine->recognize(renderPage(lines, nullptr, QSize(2550, 3300), 40), OcrOptions{}, CancelToken());
    ASSERT_TRUE(result.ok()) << qPrintable(result.error().message);
    EXPECT_EQ(texts(*result).join(QLatin1Char(' ')), (left + right).join(QLatin1Char(' ')));
    EXPECT_EQ(result->lines.size(), 60u);
    EXPECT_GE(result->blocks.size(), 2u);
    EXPECT_LT(result->words.front().block, result->words.back().block);
}

TEST(TesseractEngine, EmptyPageHasNoWordsAndNoError)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    QImage white(1275, 1650, QImage::Format_Grayscale8);
    white.fill(255);
    const auto result = engine->recognize(white, OcrOptions{}, CancelToken());
    ASSERT_TRUE(result.ok()) << qPrintable(result.error().message);
    EXPECT_TRUE(result->words.empty());
    EXPECT_TRUE(result->lines.empty());
    EXPECT_TRUE(result->blocks.empty());
}

TEST(TesseractEngine, BadImagesAreErrorsNotCrashes)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    const auto nullImage = engine->recognize(QImage(), OcrOptions{}, CancelToken());
    ASSERT_FALSE(nullImage.ok());
    EXPECT_EQ(nullImage.error().code, ErrorCode::InvalidInput);
    // Colour input is read as grey; a tiny image is simply empty.
    const QImage colour = renderPage({{QStringLiteral("Colour scan"), 100, 200}}, nullptr, QSize(900, 300))
                              .convertToFormat(QImage::Format_RGB32);
    const auto fromColour = engine->recognize(colour, OcrOptions{}, CancelToken());
    ASSERT_TRUE(fromColour.ok()) << qPrintable(fromColour.error().message);
    EXPECT_EQ(texts(*fromColour), QStringList({QStringLiteral("Colour"), QStringLiteral("scan")}));
    QImage tiny(3, 2, QImage::Format_Grayscale8);
    tiny.fill(0);
    const auto fromTiny = engine->recognize(tiny, OcrOptions{}, CancelToken());
    EXPECT_TRUE(fromTiny.ok() || fromTiny.error().code == ErrorCode::Engine);
}

TEST(TesseractEngine, CancelledBeforeStartReturnsAtOnce)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    CancelToken cancel;
    cancel.cancel();
    const QImage page = densePage();
    const auto start = std::chrono::steady_clock::now();
    const auto result = engine->recognize(page, OcrOptions{}, cancel);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
    // Tesseract is not even started (the page itself takes seconds); generous for a loaded machine.
    EXPECT_LT(std::chrono::steady_clock::now() - start, 200ms);
}

TEST(TesseractEngine, CancelWhileRecognizingStopsPromptly)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    const QImage page = densePage();
    // How long the whole page takes, so the cancel lands in the middle of recognition.
    auto t0 = std::chrono::steady_clock::now();
    const auto full = engine->recognize(page, OcrOptions{}, CancelToken());
    const auto fullTime = std::chrono::steady_clock::now() - t0;
    ASSERT_TRUE(full.ok());
    ASSERT_GT(full->words.size(), 500u);

    CancelToken cancel;
    auto pending = std::async(std::launch::async, [&] { return engine->recognize(page, OcrOptions{}, cancel); });
    std::this_thread::sleep_for(fullTime / 2);
    const auto cancelledAt = std::chrono::steady_clock::now();
    cancel.cancel();
    const auto result = pending.get();
    const auto latency = std::chrono::steady_clock::now() - cancelledAt;
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
    // Tesseract polls between words: the answer comes long before the page would have finished.
    EXPECT_LT(latency, std::max<std::chrono::steady_clock::duration>(fullTime / 4, 300ms));

    // The engine is still good for the next page.
    const auto again = engine->recognize(page, OcrOptions{}, CancelToken());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(texts(*again), texts(*full));
}

TEST(TesseractEngine, TinyDeadlineIsATimeout)
{
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    OcrOptions options;
    options.deadlineMs = 1;
    const auto result = engine->recognize(densePage(), options, CancelToken());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Timeout);
    EXPECT_FALSE(result.error().message.isEmpty());
}

TEST(TesseractEngine, UnknownLanguageIsAClearError)
{
    for (const QString& langs : {QStringLiteral("xyz"), QStringLiteral("eng+xyz")}) {
        const auto engine = TesseractEngine::create(langs);
        ASSERT_FALSE(engine.ok()) << qPrintable(langs);
        EXPECT_EQ(engine.error().code, ErrorCode::Engine);
        EXPECT_EQ(engine.error().message, QStringLiteral("Tesseract language data for 'xyz' is not installed "
                                                         "(Debian package tesseract-ocr-xyz)"));
    }
    // Not a name at all (a path): refused before Tesseract sees it.
    const auto path = TesseractEngine::create(QStringLiteral("../tessdata/eng"));
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().code, ErrorCode::Engine);
    const auto viaFactory = TesseractEngineFactory().create(QStringLiteral("xyz"));
    ASSERT_FALSE(viaFactory.ok());
    EXPECT_TRUE(viaFactory.error().message.contains(QStringLiteral("tesseract-ocr-xyz")));
}

TEST(TesseractEngine, OneEngineReusedForThreePagesReadsLikeFreshOnes)
{
    const std::vector<QImage> pages = {
        renderPage({{QStringLiteral("First page about a broken window"), 200, 300}}),
        renderPage({{QStringLiteral("Second page lists 3 witnesses"), 300, 800},
                    {QStringLiteral("and their phone numbers"), 300, 900}}),
        renderPage({{QStringLiteral("Third page signed by the supervisor"), 150, 2000}}),
    };
    auto reused = makeEngine();
    ASSERT_TRUE(reused);
    for (const QImage& page : pages) {
        const auto a = reused->recognize(page, OcrOptions{}, CancelToken());
        auto fresh = makeEngine();
        ASSERT_TRUE(fresh);
        const auto b = fresh->recognize(page, OcrOptions{}, CancelToken());
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_FALSE(a->words.empty());
        ASSERT_EQ(texts(*a), texts(*b));
        for (size_t i = 0; i < a->words.size(); ++i)
            EXPECT_EQ(a->words[i].box, b->words[i].box) << qPrintable(a->words[i].text);
    }
}

TEST(TesseractEngine, EnginesOnTwoThreadsWorkInParallel)
{
    const QImage pageA = renderPage({{QStringLiteral("Parallel page alpha one"), 200, 300}});
    const QImage pageB = renderPage({{QStringLiteral("Concurrent sheet beta two"), 200, 300}});
    auto run = [](const QImage& page) {
        QStringList seen;
        auto engine = TesseractEngine::create(QStringLiteral("eng"));
        if (!engine)
            return QStringList{engine.error().message};
        for (int i = 0; i < 3; ++i) {
            const auto r = (*engine)->recognize(page, OcrOptions{}, CancelToken());
            seen << (r ? texts(*r).join(QLatin1Char(' ')) : r.error().message);
        }
        return seen;
    };
    auto a = std::async(std::launch::async, run, pageA);
    auto b = std::async(std::launch::async, run, pageB);
    const QStringList ra = a.get(), rb = b.get();
    EXPECT_EQ(ra, QStringList(3, QStringLiteral("Parallel page alpha one")));
    EXPECT_EQ(rb, QStringList(3, QStringLiteral("Concurrent sheet beta two")));
}

TEST(TesseractEngine, VersionsAndLanguages)
{
    EXPECT_TRUE(tesseractVersion().startsWith(QStringLiteral("5."))) << qPrintable(tesseractVersion());
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^1\\.\\d+\\.\\d+$")).match(leptonicaVersion()).hasMatch())
        << qPrintable(leptonicaVersion());
    EXPECT_TRUE(tesseractLanguages().contains(QStringLiteral("eng")));
    auto engine = makeEngine();
    ASSERT_TRUE(engine);
    EXPECT_EQ(engine->description(), QStringLiteral("tesseract %1 (eng)").arg(tesseractVersion()));
    auto viaFactory = TesseractEngineFactory().create(QStringLiteral("eng"));
    ASSERT_TRUE(viaFactory.ok());
    EXPECT_EQ((*viaFactory)->description(), engine->description());
}
