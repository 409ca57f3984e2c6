// PP-OCR through OpenCV dnn, with the real models the install step fetched (build/share/incidoc/models):
// it reads the bundled sample's words, alone and batched, the same each time; bad crops are bounded;
// missing or damaged models make the engine unavailable with the reason, and two-reader pages then fall
// back to Tesseract with a note.
#include "core/ocr/engine_pool.h"
#include "core/ocr/ppocr_engine.h"
#include "core/ocr/tesseract_engine.h"
#include "core/ocr/two_readers.h"
#include "core/pipeline/page_processor.h"
#include "core/render/page_renderer.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

QString samplePdf()
{
    return QStringLiteral(INCIDOC_SOURCE_DIR "/resources/samples/incident-report.pdf");
}

struct SamplePage {
    QImage grey;
    std::vector<TextLayerWord> words;
};

/// Page 1 of the bundled sample (born digital): its image at 300 dpi and its text layer as truth.
SamplePage samplePage()
{
    SamplePage page;
    RenderOptions options;
    options.dpi = 300;
    auto rendered = renderPage(samplePdf(), DocumentKind::Pdf, 1, options);
    EXPECT_TRUE(rendered) << (rendered ? "" : qPrintable(rendered.error().message));
    if (!rendered)
        return page;
    page.grey = rendered->image.convertToFormat(QImage::Format_Grayscale8);
    auto layer = extractTextLayer(samplePdf(), 1, 300);
    EXPECT_TRUE(layer);
    if (layer)
        page.words = layer->words;
    return page;
}

std::unique_ptr<PpocrEngine> engine()
{
    auto made = PpocrEngine::create(ppocrModelDir());
    EXPECT_TRUE(made) << (made ? "" : qPrintable(made.error().message))
                      << " (the models come from `bash packaging/build.sh deps`)";
    return made ? std::move(made).value() : nullptr;
}

} // namespace

TEST(PpocrEngine, ModelsAreInstalledAndWhole)
{
    const Status verified = verifyPpocrModels(ppocrModelDir());
    EXPECT_TRUE(verified.ok()) << (verified.ok() ? "" : qPrintable(verified.error().message));
    const EngineInfo info = PpocrEngineFactory().info();
    EXPECT_TRUE(info.available) << qPrintable(info.reason);
    EXPECT_TRUE(info.version.contains(QLatin1String("PP-OCRv4")));
    EXPECT_TRUE(info.languages.contains(QStringLiteral("en")));
}

TEST(PpocrEngine, ReadsTheSampleWordsFromTheirBoxes)
{
    const SamplePage page = samplePage();
    auto ppocr = engine();
    ASSERT_TRUE(ppocr);
    ASSERT_GT(page.words.size(), 100u);
    std::vector<PixelBox> boxes;
    for (const auto& w : page.words)
        boxes.push_back(w.box);
    auto read = ppocr->readWords(page.grey, boxes, {});
    ASSERT_TRUE(read) << qPrintable(read.error().message);
    ASSERT_EQ(read->size(), page.words.size());
    int exact = 0;
    for (size_t i = 0; i < page.words.size(); ++i) {
        EXPECT_EQ((*read)[i].engine, QStringLiteral("ppocr"));
        if ((*read)[i].text == page.words[i].text)
            ++exact;
    }
    // Born-digital print at 300 dpi: nearly every word exactly (measured: see the README).
    EXPECT_GE(exact, static_cast<int>(page.words.size() * 0.9)) << exact << " of " << page.words.size();

    // The same words again, one crop per call: batching changes nothing.
    for (size_t i = 0; i < page.words.size(); i += 17) {
        auto one = ppocr->readWords(page.grey, {page.words[i].box}, {});
        ASSERT_TRUE(one);
        EXPECT_EQ((*one)[0].text, (*read)[i].text) << i;
        EXPECT_NEAR((*one)[0].confidence, (*read)[i].confidence, 0.01) << i;
    }
    // And a second run reads exactly the same.
    auto again = ppocr->readWords(page.grey, boxes, {});
    ASSERT_TRUE(again);
    for (size_t i = 0; i < page.words.size(); ++i)
        EXPECT_EQ((*again)[i].text, (*read)[i].text);
}

TEST(PpocrEngine, ReadsTheWholeSamplePageWithWordBoxes)
{
    const SamplePage page = samplePage();
    auto ppocr = engine();
    ASSERT_TRUE(ppocr);
    auto read = ppocr->recognize(page.grey, OcrOptions{}, {});
    ASSERT_TRUE(read) << qPrintable(read.error().message);
    EXPECT_FALSE(read->lines.empty());
    // A truth word is found when a predicted word with the same text overlaps its box.
    int found = 0;
    for (const auto& truth : page.words) {
        for (const auto& w : read->words) {
            if (w.text == truth.text && !w.box.intersected(truth.box).isEmpty()) {
                ++found;
                break;
            }
        }
    }
    EXPECT_GE(found, static_cast<int>(page.words.size() * 0.75)) << found << " of " << page.words.size();
    for (const auto& w : read->words) {
        EXPECT_EQ(w.engine, QStringLiteral("ppocr"));
        EXPECT_GT(w.box.width(), 0);
        EXPECT_GE(w.box.x0, 0);
        EXPECT_LE(w.box.x1, page.grey.width());
    }
}

TEST(PpocrEngine, BadCropsAreBoundedNotCrashes)
{
    auto ppocr = engine();
    ASSERT_TRUE(ppocr);
    QImage noise(3000, 200, QImage::Format_Grayscale8);
    QRandomGenerator random(7);
    for (int y = 0; y < noise.height(); ++y)
        for (int x = 0; x < noise.width(); ++x)
            noise.scanLine(y)[x] = static_cast<uchar>(random.bounded(256));
    const std::vector<PixelBox> boxes = {
        PixelBox{10, 10, 10, 10},         // 0 × 0
        PixelBox{50, 50, 40, 40},         // inverted
        PixelBox{-500, -500, -400, -400}, // outside the image
        PixelBox{0, 0, 3000, 30},         // enormously wide: squeezed into the widest bucket
        PixelBox{100, 20, 400, 180},      // pure noise
        PixelBox{0, 0, 1, 200},           // one pixel wide
    };
    auto read = ppocr->readWords(noise, boxes, {});
    ASSERT_TRUE(read) << qPrintable(read.error().message);
    ASSERT_EQ(read->size(), boxes.size());
    EXPECT_TRUE((*read)[0].text.isEmpty());
    EXPECT_EQ((*read)[0].confidence, 0.f);
    EXPECT_TRUE((*read)[1].text.isEmpty());
    EXPECT_TRUE((*read)[2].text.isEmpty());
    auto page = ppocr->recognize(noise, OcrOptions{}, {});
    EXPECT_TRUE(page);
    auto tiny = ppocr->recognize(QImage(3, 3, QImage::Format_Grayscale8), OcrOptions{}, {});
    ASSERT_TRUE(tiny);
    EXPECT_TRUE(tiny->words.empty());
}

TEST(PpocrEngine, CancelledBeforeStartIsCancelled)
{
    const SamplePage page = samplePage();
    auto ppocr = engine();
    ASSERT_TRUE(ppocr);
    CancelToken cancel;
    cancel.cancel();
    auto read = ppocr->readWords(page.grey, {page.words.front().box}, cancel);
    ASSERT_FALSE(read);
    EXPECT_TRUE(read.error().isCancelled());
}

TEST(PpocrEngine, MissingOrDamagedModelsMakeItUnavailableWithTheReason)
{
    QTemporaryDir empty;
    const EngineInfo none = PpocrEngineFactory(empty.path()).info();
    EXPECT_FALSE(none.available);
    EXPECT_TRUE(none.reason.contains(QLatin1String("not installed"))) << qPrintable(none.reason);
    auto made = PpocrEngineFactory(empty.path()).create(QStringLiteral("eng"));
    ASSERT_FALSE(made);
    EXPECT_EQ(made.error().code, ErrorCode::Engine);

    // A copy of the real models with one recognizer truncated: damaged, named.
    QTemporaryDir copy;
    const QDir source(ppocrModelDir());
    for (const QString& name : source.entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(source.filePath(name), QDir(copy.path()).filePath(name)));
    QFile truncated(QDir(copy.path()).filePath(QStringLiteral("rec-128.onnx")));
    ASSERT_TRUE(truncated.resize(1000));
    const EngineInfo damaged = PpocrEngineFactory(copy.path()).info();
    EXPECT_FALSE(damaged.available);
    EXPECT_TRUE(damaged.reason.contains(QLatin1String("rec-128.onnx"))
                && damaged.reason.contains(QLatin1String("damaged")))
        << qPrintable(damaged.reason);
}

TEST(TwoReaders, AgreementDisagreementAndDoubt)
{
    TwoReaderOptions options;
    auto c = chooseReading(QStringLiteral("Driver"), 95, QStringLiteral("Driver"), 99, options);
    EXPECT_FALSE(c.flagged);
    EXPECT_FALSE(c.takeSecond);
    EXPECT_FALSE(c.drop);
    c = chooseReading(QStringLiteral("Drlver"), 70, QStringLiteral("Driver"), 97, options);
    EXPECT_TRUE(c.flagged);
    EXPECT_TRUE(c.takeSecond);
    c = chooseReading(QStringLiteral("Driver"), 92, QStringLiteral("Drivor"), 95, options);
    EXPECT_TRUE(c.flagged) << "they disagree";
    EXPECT_FALSE(c.takeSecond) << "PP-OCR is not surer by enough";
    c = chooseReading(QStringLiteral("KTR"), 70, QStringLiteral("KTR"), 75, options);
    EXPECT_TRUE(c.flagged) << "agree, but unsure";
    c = chooseReading(QStringLiteral("4582"), 90, QString(), 0, options);
    EXPECT_TRUE(c.flagged);
    EXPECT_FALSE(c.takeSecond);
    EXPECT_FALSE(c.drop);
    c = chooseReading(QStringLiteral("not\u2019see"), 95, QStringLiteral("not'see"), 96, options);
    EXPECT_FALSE(c.flagged) << "the same up to the apostrophe's style";
    c = chooseReading(QStringLiteral("ee"), 27, QStringLiteral("_"), 31, options);
    EXPECT_TRUE(c.drop) << "both doubt it: a speck, not a word";
}

TEST(TwoReaders, ReadTwiceKeepsBothReadingsAndDropsWhatBothDoubt)
{
    const SamplePage sample = samplePage();
    auto ppocr = engine();
    ASSERT_TRUE(ppocr);
    ASSERT_GT(sample.words.size(), 10u);
    // Two real words on one line, and a "word" Tesseract barely believed in, on blank paper.
    RecognizedPage page;
    page.lines.push_back(TextRegion{sample.words[0].box.united(sample.words[1].box), 80.f});
    page.lines.push_back(TextRegion{PixelBox{20, 3200, 60, 3240}, 10.f});
    page.blocks.push_back(TextRegion{page.lines[0].box.united(page.lines[1].box), 50.f});
    page.words.push_back(RecognizedWord{sample.words[0].text, sample.words[0].box, 85.f, 0, 0, {}, {}, false, {}});
    page.words.push_back(RecognizedWord{QStringLiteral("XXXX"), sample.words[1].box, 40.f, 0, 0, {}, {}, false, {}});
    page.words.push_back(
        RecognizedWord{QStringLiteral("ee"), PixelBox{20, 3200, 60, 3240}, 20.f, 0, 1, {}, {}, false, {}});
    ASSERT_TRUE(readTwice(page, sample.grey, *ppocr, QStringLiteral("ppocr"), TwoReaderOptions{}, {}).ok());
    ASSERT_EQ(page.words.size(), 2u) << "the speck on blank paper is dropped";
    ASSERT_EQ(page.lines.size(), 1u) << "and its line with it";
    EXPECT_EQ(page.words[0].text, sample.words[0].text);
    EXPECT_EQ(page.words[0].engine, QStringLiteral("tesseract"));
    ASSERT_EQ(page.words[0].alternatives.size(), 1u);
    EXPECT_EQ(page.words[0].alternatives[0].engine, QStringLiteral("ppocr"));
    EXPECT_FALSE(page.words[0].flagged);
    // Tesseract's misreading loses to PP-OCR's sure one; both are kept and the word is flagged.
    EXPECT_EQ(page.words[1].text, sample.words[1].text);
    EXPECT_EQ(page.words[1].engine, QStringLiteral("ppocr"));
    EXPECT_TRUE(page.words[1].flagged);
    ASSERT_EQ(page.words[1].alternatives.size(), 1u);
    EXPECT_EQ(page.words[1].alternatives[0].text, QStringLiteral("XXXX"));
    EXPECT_EQ(page.words[1].alternatives[0].engine, QStringLiteral("tesseract"));
}

TEST(TwoReaders, PagesFallBackToTesseractWithANoteWhenPpocrIsMissing)
{
    QTemporaryDir empty;
    EnginePool pool;
    pool.registerEngine(QStringLiteral("ppocr"), std::make_shared<PpocrEngineFactory>(empty.path()));
    const auto infos = pool.engines();
    const auto it =
        std::find_if(infos.begin(), infos.end(), [](const EngineInfo& i) { return i.name == QLatin1String("ppocr"); });
    ASSERT_NE(it, infos.end());
    EXPECT_FALSE(it->available);

    // Page 2 of the sample is a scan.
    PageJob job;
    job.pageId = 1;
    job.path = samplePdf();
    job.kind = DocumentKind::Pdf;
    job.number = 2;
    ProcessOptions options; // default: accurate, two readers
    std::map<QString, EngineLease> leases;
    EngineProvider provider = [&](const QString& family) -> Result<OcrEngine*> {
        auto lease = pool.acquire(family, options.languages);
        if (!lease)
            return lease.error();
        leases[family] = std::move(lease).value();
        return leases[family].get();
    };
    auto out = processPage(job, options, provider, {});
    ASSERT_TRUE(out) << qPrintable(out.error().message);
    EXPECT_EQ(out->status, PageStatus::Done);
    EXPECT_GT(out->result.words.size(), 50u);
    EXPECT_TRUE(out->error.contains(QLatin1String("ppocr unavailable"))) << qPrintable(out->error);
    for (const auto& w : out->result.words) {
        EXPECT_EQ(w.engine, QStringLiteral("tesseract"));
        EXPECT_TRUE(w.alternatives.empty());
    }

    // With the real models the same page has both readings of each word.
    EnginePool real;
    std::map<QString, EngineLease> realLeases;
    EngineProvider realProvider = [&](const QString& family) -> Result<OcrEngine*> {
        auto lease = real.acquire(family, options.languages);
        if (!lease)
            return lease.error();
        realLeases[family] = std::move(lease).value();
        return realLeases[family].get();
    };
    auto twice = processPage(job, options, realProvider, {});
    ASSERT_TRUE(twice) << qPrintable(twice.error().message);
    EXPECT_TRUE(twice->error.isEmpty()) << qPrintable(twice->error);
    // Words Tesseract is not sure of (below 90) have both readings; words both readers doubt are dropped.
    EXPECT_LE(twice->result.words.size(), out->result.words.size());
    EXPECT_GE(twice->result.words.size(), out->result.words.size() * 9 / 10);
    int reread = 0;
    for (const auto& w : twice->result.words) {
        EXPECT_LE(w.alternatives.size(), 1u);
        if (w.alternatives.empty()) {
            EXPECT_GE(w.confidence, 90.f) << qPrintable(w.text);
        } else {
            ++reread;
        }
    }
    // Something was re-read: kept with both readings, or dropped because both readers doubted it.
    EXPECT_GT(reread + static_cast<int>(out->result.words.size() - twice->result.words.size()), 0);
    EXPECT_TRUE(twice->engine.contains(QLatin1String("ppocr")));

    // fast: Tesseract alone.
    options.profile = QStringLiteral("fast");
    auto fast = processPage(job, options, realProvider, {});
    ASSERT_TRUE(fast);
    for (const auto& w : fast->result.words)
        EXPECT_TRUE(w.alternatives.empty());
}
