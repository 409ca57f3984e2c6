// Classify: text-layer quality on real PDFs (good layers, a font without Unicode mapping, none) and on
// PDFs written here with known sentences; layout of text-layer words into lines and blocks; blank pages.
#include "core/classify/classifier.h"

#include <QDir>
#include <QFont>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/qt_printers.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using incidoc::test::testData;

namespace {

std::vector<TextLayerWord> layerOf(const QString& path, int page = 1)
{
    const Result<TextLayer> layer = extractTextLayer(path, page, 300);
    EXPECT_TRUE(layer.ok()) << path.toStdString();
    return layer.ok() ? layer->words : std::vector<TextLayerWord>{};
}

std::vector<TextLayerWord> wordsOf(const QString& text)
{
    std::vector<TextLayerWord> out;
    int x = 0;
    for (const QString& w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out.push_back(TextLayerWord{w, PixelBox{x, 100, x + 20 * static_cast<int>(w.size()), 130}, true});
        x += 20 * static_cast<int>(w.size()) + 10;
    }
    return out;
}

QString joined(const RecognizedPage& page, int line)
{
    QStringList out;
    for (const RecognizedWord& w : page.words)
        if (w.line == line)
            out << w.text;
    return out.join(QLatin1Char(' '));
}

/// A one-page PDF written by Qt (embedded subset font with a ToUnicode map), with `paragraphs` drawn as
/// lines of text; paragraphs are separated by a blank space of three lines. Optionally a second column.
QString writePdf(const QTemporaryDir& dir, const QString& name, const QList<QStringList>& paragraphs,
                 const QList<QStringList>& rightColumn = {})
{
    const QString path = dir.filePath(name);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    QPainter p(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(11);
    p.setFont(font);
    const int lineStep = 60; // 300 dpi: 14.4 pt
    auto column = [&](const QList<QStringList>& paras, int x) {
        int y = 200;
        for (const QStringList& para : paras) {
            for (const QString& line : para) {
                p.drawText(x, y, line);
                y += lineStep;
            }
            y += 3 * lineStep;
        }
    };
    column(paragraphs, 150);
    column(rightColumn, 1300);
    p.end();
    return path;
}

const QStringList kSentences{
    QStringLiteral("The incident was reported at 14:35 by the night shift supervisor."),
    QStringLiteral("Two pallets fell from the upper rack in aisle seven."),
    QStringLiteral("Nobody was injured, but the forklift needs a new mast guard."),
};

QImage whitePage(int w = 2480, int h = 3508)
{
    QImage img(w, h, QImage::Format_Grayscale8);
    img.fill(255);
    return img;
}

} // namespace

TEST(AssessTextLayer, EmptyAndWhitespaceAreNone)
{
    EXPECT_EQ(assessTextLayer({}).quality, TextLayerQuality::None);
    EXPECT_EQ(assessTextLayer({TextLayerWord{QStringLiteral("  "), {0, 0, 5, 5}, true}}).quality,
              TextLayerQuality::None);
}

TEST(AssessTextLayer, FontWithoutUnicodeMappingIsGarbage)
{
    const std::vector<TextLayerWord> words =
        layerOf(testData(QStringLiteral("ocrmypdf/tests/resources/truetype_font_nomapping.pdf")));
    ASSERT_FALSE(words.empty());
    const TextLayerAssessment a = assessTextLayer(words);
    EXPECT_EQ(a.quality, TextLayerQuality::Garbage) << a.reason.toStdString();
    std::cout << "[ info ] truetype_font_nomapping.pdf: " << a.reason.toStdString() << "\n";
}

TEST(AssessTextLayer, RealTextLayersAreGood)
{
    for (const QString& f :
         {QStringLiteral("pdfjs/test/pdfs/annotation-highlight.pdf"), QStringLiteral("poppler-test/tests/encoding.pdf"),
          QStringLiteral("pdfjs/test/pdfs/bad-PageLabels.pdf"), QStringLiteral("pdfjs/test/pdfs/helloworld-bad.pdf"),
          QStringLiteral("ocrmypdf/tests/resources/overlay.pdf"),
          QStringLiteral("poppler-test/unittestcases/orientation.pdf")}) {
        const TextLayerAssessment a = assessTextLayer(layerOf(testData(f)));
        EXPECT_EQ(a.quality, TextLayerQuality::Good) << f.toStdString() << ": " << a.reason.toStdString();
    }
}

TEST(AssessTextLayer, ScannedPdfsHaveNone)
{
    // jbig2.pdf, c02-22.pdf and skew.pdf are images only (jbig2.pdf has no fonts, so no text layer).
    for (const char* f : {"jbig2.pdf", "c02-22.pdf", "skew.pdf", "ccitt.pdf"}) {
        const TextLayerAssessment a =
            assessTextLayer(layerOf(testData(QStringLiteral("ocrmypdf/tests/resources/") + QLatin1String(f))));
        EXPECT_EQ(a.quality, TextLayerQuality::None) << f << ": " << a.reason.toStdString();
    }
}

TEST(AssessTextLayer, GeneratedPdfWithKnownSentencesIsGood)
{
    QTemporaryDir dir;
    const QString path = writePdf(dir, QStringLiteral("known.pdf"), {kSentences});
    const std::vector<TextLayerWord> words = layerOf(path);
    QStringList texts;
    for (const TextLayerWord& w : words)
        texts << w.text;
    EXPECT_EQ(texts.join(QLatin1Char(' ')), kSentences.join(QLatin1Char(' ')));
    const TextLayerAssessment a = assessTextLayer(words);
    EXPECT_EQ(a.quality, TextLayerQuality::Good) << a.reason.toStdString();
}

TEST(AssessTextLayer, GeneralRulesOnSyntheticLayers)
{
    // Good: numbers and dates, other languages, a short form.
    for (const QString& s : {QStringLiteral("12/03/2017 4,500.00 EUR 17:45"),
                             QStringLiteral("Příliš žluťoučký kůň úpěl ďábelské ódy. Strč prst skrz krk v Brně."),
                             QStringLiteral("Größere Schäden wurden nicht festgestellt; die Übergabe erfolgte später."),
                             QStringLiteral("Name: Jane Doe Date: 2024-05-01 Signed: yes"),
                             QStringLiteral("Пожар был потушен в 15:20, пострадавших нет.")}) {
        const TextLayerAssessment a = assessTextLayer(wordsOf(s));
        EXPECT_EQ(a.quality, TextLayerQuality::Good) << s.toStdString() << ": " << a.reason.toStdString();
    }
    // Garbage: private-use glyph codes, control codes, replacement characters, punctuation soup,
    // one glyph per word, vowel-less letter strings.
    QString privateUse, control, replacement;
    for (int i = 0; i < 40; ++i) {
        privateUse += QChar(0xE000 + i);
        control += QChar(1 + i % 20);
        replacement += (i % 3 == 0) ? QChar(QChar::ReplacementCharacter) : QChar(u'a' + i % 26);
        if (i % 6 == 5) {
            privateUse += QLatin1Char(' ');
            control += QLatin1Char(' ');
            replacement += QLatin1Char(' ');
        }
    }
    QString singles;
    for (int i = 0; i < 60; ++i)
        singles += QChar(u'a' + (i * 7) % 26) + QStringLiteral(" ");
    for (const QString& s : {privateUse, control, replacement, QStringLiteral("\"7+%- #$&* (!)+ ,-./ 5%&"), singles,
                             QStringLiteral("Xkcd brrn tsk hmmm pfft grrl mnkt zvxq wrkt plnt krst bdfg hjkl mnbv")}) {
        const TextLayerAssessment a = assessTextLayer(wordsOf(s));
        EXPECT_EQ(a.quality, TextLayerQuality::Garbage) << s.toStdString() << ": " << a.reason.toStdString();
        EXPECT_FALSE(a.reason.isEmpty());
    }
}

TEST(TextLayerToPage, LinesBlocksAndReadingOrderFromAGeneratedPdf)
{
    QTemporaryDir dir;
    const QStringList shortLines{QStringLiteral("The incident was reported"),
                                 QStringLiteral("at 14:35 by the night shift."), QStringLiteral("Nobody was injured.")};
    const QList<QStringList> left{{shortLines[0], shortLines[1]}, {shortLines[2]}};
    const QList<QStringList> right{{QStringLiteral("Right column first line"), QStringLiteral("and its second line")}};
    const QString path = writePdf(dir, QStringLiteral("layout.pdf"), left, right);
    std::vector<TextLayerWord> words = layerOf(path);
    ASSERT_FALSE(words.empty());
    std::reverse(words.begin(), words.end()); // the input order must not matter
    const RecognizedPage page = textLayerToPage(words);
    EXPECT_EQ(page.engine, QStringLiteral("pdf text layer"));
    ASSERT_EQ(page.lines.size(), 5u);
    ASSERT_EQ(page.blocks.size(), 3u);
    // Blocks top to bottom, those starting on the same row left to right.
    EXPECT_EQ(joined(page, 0), shortLines[0]);
    EXPECT_EQ(joined(page, 1), shortLines[1]);
    EXPECT_EQ(joined(page, 2), QStringLiteral("Right column first line"));
    EXPECT_EQ(joined(page, 3), QStringLiteral("and its second line"));
    EXPECT_EQ(joined(page, 4), shortLines[2]);
    int lastBlock = 0, lastLine = 0;
    for (const RecognizedWord& w : page.words) {
        EXPECT_EQ(w.confidence, 100.f);
        EXPECT_GE(w.block, lastBlock);
        EXPECT_GE(w.line, lastLine);
        lastBlock = w.block;
        lastLine = w.line;
        EXPECT_EQ(page.lines[static_cast<size_t>(w.line)].box.united(w.box),
                  page.lines[static_cast<size_t>(w.line)].box);
        EXPECT_EQ(page.blocks[static_cast<size_t>(w.block)].box.united(w.box),
                  page.blocks[static_cast<size_t>(w.block)].box);
    }
    EXPECT_EQ(page.words.front().block, 0);
    EXPECT_EQ(page.words[static_cast<size_t>(joined(page, 0).count(QLatin1Char(' ')) + 1)].line, 1);
}

TEST(TextLayerToPage, SyntheticWordsWithBaselineJitter)
{
    // Two lines; words on a line differ by a few pixels (mixed fonts, superscripts-lite).
    std::vector<TextLayerWord> words{{QStringLiteral("world"), {120, 103, 200, 131}, true},
                                     {QStringLiteral("Hello"), {10, 100, 100, 130}, true},
                                     {QStringLiteral("again"), {110, 141, 190, 170}, true},
                                     {QStringLiteral("Hi"), {10, 140, 60, 170}, true},
                                     {QStringLiteral("Footer"), {10, 900, 120, 930}, true}};
    const RecognizedPage page = textLayerToPage(words);
    ASSERT_EQ(page.words.size(), 5u);
    EXPECT_EQ(joined(page, 0), QStringLiteral("Hello world"));
    EXPECT_EQ(joined(page, 1), QStringLiteral("Hi again"));
    EXPECT_EQ(joined(page, 2), QStringLiteral("Footer"));
    ASSERT_EQ(page.blocks.size(), 2u);
    EXPECT_EQ(page.blocks[0].box, (PixelBox{10, 100, 200, 170}));
    EXPECT_TRUE(textLayerToPage({}).words.empty());
}

TEST(IsBlankPage, WhiteNoiseAndBordersAreBlank)
{
    EXPECT_TRUE(isBlankPage(whitePage()));
    EXPECT_TRUE(isBlankPage(QImage()));

    QImage noise = whitePage();
    QRandomGenerator rng(7);
    for (int i = 0; i < 40000; ++i) // about 0.5% salt noise, single dark pixels
        noise.scanLine(rng.bounded(noise.height()))[rng.bounded(noise.width())] = static_cast<uchar>(rng.bounded(120));
    EXPECT_TRUE(isBlankPage(noise));

    QImage framed = whitePage();
    {
        QPainter p(&framed);
        p.setPen(QPen(Qt::black, 3));
        p.drawRect(60, 60, framed.width() - 120, framed.height() - 120); // a thin printed frame
        p.fillRect(0, 0, 25, framed.height(), QColor(40, 40, 40));       // scanner shadow on the edge
    }
    EXPECT_TRUE(isBlankPage(framed));

    QImage faint = whitePage();
    QPainter(&faint).fillRect(400, 400, 800, 800, QColor(235, 235, 235)); // faint grey smudge
    EXPECT_TRUE(isBlankPage(faint));
}

TEST(IsBlankPage, OneShortWordIsNotBlank)
{
    for (const QString& word : {QStringLiteral("OK"), QStringLiteral("Yes"), QStringLiteral("No. 7")}) {
        QImage page = whitePage();
        {
            QPainter p(&page);
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(42); // 10 pt at 300 dpi
            p.setFont(font);
            p.setPen(Qt::black);
            p.drawText(1000, 1700, word);
        }
        EXPECT_FALSE(isBlankPage(page)) << word.toStdString();
    }
}

TEST(IsBlankPage, ScannedFormsAndRenderedPagesAreNotBlank)
{
    const QDir funsd(testData(QStringLiteral("funsd/training_data/images")));
    const QStringList images = funsd.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    ASSERT_FALSE(images.isEmpty());
    for (const QString& f : images) {
        const QImage img = QImage(funsd.filePath(f)).convertToFormat(QImage::Format_Grayscale8);
        ASSERT_FALSE(img.isNull());
        EXPECT_FALSE(isBlankPage(img)) << f.toStdString();
    }
    const Result<RenderedPage> scan =
        renderPage(testData(QStringLiteral("ocrmypdf/tests/resources/skew.pdf")), DocumentKind::Pdf, 1, {});
    ASSERT_TRUE(scan.ok());
    EXPECT_FALSE(isBlankPage(scan->image));

    QTemporaryDir dir;
    const QString blankPdf = dir.filePath(QStringLiteral("blank.pdf"));
    {
        QPdfWriter writer(blankPdf);
        QPainter p(&writer); // one empty page
    }
    const Result<RenderedPage> blank = renderPage(blankPdf, DocumentKind::Pdf, 1, {});
    ASSERT_TRUE(blank.ok()) << blank.error().message.toStdString();
    EXPECT_TRUE(isBlankPage(blank->image));
}
