// The capture document against a real project: each capture the next page of one JPEG-in-TIFF beside the
// project, read back by the renderer; undo page by page down to nothing; the document's sha256 and size
// follow the file; a page being processed is not taken back.
#include "core/capture/capture_document.h"
#include "core/render/page_renderer.h"
#include "core/storage/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>

#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/temp_project.h"

namespace incidoc {
namespace {

/// A colour frame with a big digit on it, different for each `n`.
QImage frame(int n, QSize size = QSize(640, 480))
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(QColor(30 + 50 * n, 60 + 40 * n, 200 - 30 * n));
    QPainter p(&image);
    p.fillRect(QRect(80, 60, size.width() - 160, size.height() - 120), Qt::white);
    p.setPen(Qt::black);
    QFont font = p.font();
    font.setPixelSize(size.height() / 3);
    p.setFont(font);
    p.drawText(image.rect(), Qt::AlignCenter, QString::number(n));
    return image;
}

QString sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

int tiffFrames(const QString& path)
{
    QImageReader reader(path, "tiff");
    return reader.imageCount();
}

/// Mean absolute difference of two images in grey, 0..255.
double difference(const QImage& a, const QImage& b)
{
    const QImage ga = a.convertToFormat(QImage::Format_Grayscale8), gb = b.convertToFormat(QImage::Format_Grayscale8);
    if (ga.size() != gb.size())
        return 255;
    double sum = 0;
    for (int y = 0; y < ga.height(); ++y)
        for (int x = 0; x < ga.width(); ++x)
            sum += std::abs(int(ga.constScanLine(y)[x]) - int(gb.constScanLine(y)[x]));
    return sum / (double(ga.width()) * ga.height());
}

class CaptureDocumentTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_store = m_project.store();
        ASSERT_TRUE(m_store);
    }
    /// The document as stored agrees with its file: pages, sha256, size.
    void expectConsistent(const CaptureDocument& capture)
    {
        auto doc = m_store->document(capture.documentId());
        ASSERT_TRUE(doc.ok());
        EXPECT_EQ(doc->pageCount, capture.pageCount());
        EXPECT_EQ(doc->sha256, sha256(capture.filePath()));
        EXPECT_EQ(doc->size, QFileInfo(capture.filePath()).size());
        EXPECT_EQ(doc->kind, DocumentKind::Image);
        EXPECT_EQ(tiffFrames(capture.filePath()), capture.pageCount());
        auto pages = m_store->pages(capture.documentId());
        ASSERT_TRUE(pages.ok());
        ASSERT_EQ(static_cast<int>(pages->size()), capture.pageCount());
        for (int i = 0; i < capture.pageCount(); ++i)
            EXPECT_EQ((*pages)[i].number, i + 1);
    }

    test::TempProject m_project;
    std::unique_ptr<ProjectStore> m_store;
};

TEST_F(CaptureDocumentTest, EachCaptureIsTheNextPageOfOneTiffBesideTheProject)
{
    CaptureDocument capture(*m_store, m_project.path());
    EXPECT_EQ(capture.documentId(), 0);
    for (int n = 1; n <= 3; ++n) {
        auto page = capture.append(frame(n));
        ASSERT_TRUE(page.ok()) << qPrintable(page.error().message);
        auto record = m_store->page(*page);
        ASSERT_TRUE(record.ok());
        EXPECT_EQ(record->number, n);
        EXPECT_EQ(record->status, PageStatus::Queued);
        EXPECT_EQ(record->widthPx, 640);
        EXPECT_EQ(record->heightPx, 480);
        expectConsistent(capture);
    }
    const QFileInfo file(capture.filePath());
    EXPECT_EQ(file.absolutePath(), m_project.path() + QStringLiteral(".captures"));
    EXPECT_TRUE(file.fileName().startsWith(QStringLiteral("capture-"))) << qPrintable(file.fileName());
    EXPECT_TRUE(file.fileName().endsWith(QStringLiteral("Z.tiff"))) << qPrintable(file.fileName());
    auto docs = m_store->documents();
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 1u);
    EXPECT_EQ(docs->front().path, capture.filePath());
    auto jobs = m_store->jobs(PageStatus::Queued);
    ASSERT_TRUE(jobs.ok());
    EXPECT_EQ(jobs->size(), 3u);
    // Small: JPEG inside, not raw pixels (3 x 640 x 480 x 3 bytes would be 2.7 MB).
    EXPECT_LT(file.size(), 400'000);
}

TEST_F(CaptureDocumentTest, TheRendererReadsEveryPageBackAsItWasShot)
{
    CaptureDocument capture(*m_store, m_project.path());
    for (int n = 1; n <= 3; ++n)
        ASSERT_TRUE(capture.append(frame(n, QSize(800, 600))).ok());
    for (int n = 1; n <= 3; ++n) {
        RenderOptions options;
        auto page = renderPage(capture.filePath(), DocumentKind::Image, n, options);
        ASSERT_TRUE(page.ok()) << "page " << n << ": " << qPrintable(page.error().message);
        EXPECT_EQ(page->image.size(), QSize(800, 600));
        EXPECT_LT(difference(page->image, frame(n, QSize(800, 600))), 3.0) << "page " << n;
        // And it is that page, not another one.
        EXPECT_GT(difference(page->image, frame(n == 1 ? 2 : 1, QSize(800, 600))), 5.0) << "page " << n;
    }
    // Colour survives: Qt's reader gives the frame's colours.
    QImageReader reader(capture.filePath(), "tiff");
    ASSERT_TRUE(reader.jumpToImage(1));
    const QImage second = reader.read();
    ASSERT_FALSE(second.isNull()) << qPrintable(reader.errorString());
    const QColor corner = second.pixelColor(10, 10), expected = frame(2, QSize(800, 600)).pixelColor(10, 10);
    EXPECT_NEAR(corner.red(), expected.red(), 8);
    EXPECT_NEAR(corner.green(), expected.green(), 8);
    EXPECT_NEAR(corner.blue(), expected.blue(), 8);
}

TEST_F(CaptureDocumentTest, UndoTakesBackTheLastPageWithItsWordsDownToNoDocument)
{
    CaptureDocument capture(*m_store, m_project.path());
    std::vector<PageId> pages;
    for (int n = 1; n <= 3; ++n) {
        auto page = capture.append(frame(n));
        ASSERT_TRUE(page.ok());
        pages.push_back(*page);
    }
    WordRecord word;
    word.text = QStringLiteral("three");
    word.box = PixelBox{10, 10, 80, 40};
    ASSERT_TRUE(m_store->addUserWord(pages[2], word).ok());
    const QString file = capture.filePath();
    const DocumentId document = capture.documentId();

    ASSERT_TRUE(capture.undoLast().ok());
    EXPECT_EQ(capture.pageCount(), 2);
    expectConsistent(capture);
    EXPECT_FALSE(m_store->page(pages[2]).ok()) << "the page row goes";
    auto words = m_store->words(pages[2]);
    EXPECT_TRUE(!words.ok() || words->empty()) << "its words go";
    auto edits = m_store->edits(pages[2]);
    EXPECT_TRUE(!edits.ok() || edits->empty()) << "its edits go";
    // The pages left are the first two frames, still readable.
    auto second = renderPage(file, DocumentKind::Image, 2, RenderOptions());
    ASSERT_TRUE(second.ok()) << qPrintable(second.error().message);
    EXPECT_LT(difference(second->image, frame(2)), 3.0);

    ASSERT_TRUE(capture.undoLast().ok());
    expectConsistent(capture);
    ASSERT_TRUE(capture.undoLast().ok());
    EXPECT_EQ(capture.pageCount(), 0);
    EXPECT_EQ(capture.documentId(), 0);
    EXPECT_FALSE(QFile::exists(file)) << "the empty document's file goes";
    EXPECT_FALSE(m_store->document(document).ok()) << "and the document";
    auto docs = m_store->documents();
    ASSERT_TRUE(docs.ok());
    EXPECT_TRUE(docs->empty());

    const Status nothing = capture.undoLast();
    ASSERT_FALSE(nothing.ok());
    EXPECT_EQ(nothing.error().code, ErrorCode::InvalidInput);

    // Capturing again starts a new document.
    auto again = capture.append(frame(4));
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().message);
    EXPECT_NE(capture.documentId(), 0);
    EXPECT_EQ(capture.pageCount(), 1);
    expectConsistent(capture);
}

TEST_F(CaptureDocumentTest, APageBeingProcessedIsNotTakenBack)
{
    CaptureDocument capture(*m_store, m_project.path());
    ASSERT_TRUE(capture.append(frame(1)).ok());
    auto last = capture.append(frame(2));
    ASSERT_TRUE(last.ok());
    const QString before = sha256(capture.filePath());
    ASSERT_TRUE(m_store->markProcessing({*last}).ok());
    const Status refused = capture.undoLast();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("being processed")))
        << qPrintable(refused.error().message);
    EXPECT_EQ(capture.pageCount(), 2);
    EXPECT_EQ(sha256(capture.filePath()), before) << "the file is left as it was";
    EXPECT_FALSE(QFile::exists(capture.filePath() + QStringLiteral(".writing")));
    expectConsistent(capture);
}

TEST_F(CaptureDocumentTest, TwoSessionsKeepTwoDocuments)
{
    CaptureDocument first(*m_store, m_project.path());
    ASSERT_TRUE(first.append(frame(1)).ok());
    CaptureDocument second(*m_store, m_project.path());
    ASSERT_TRUE(second.append(frame(2)).ok());
    EXPECT_NE(first.filePath(), second.filePath()) << "captured within the same second: a second name";
    EXPECT_NE(first.documentId(), second.documentId());
    ASSERT_TRUE(first.undoLast().ok());
    EXPECT_TRUE(QFile::exists(second.filePath()));
    EXPECT_TRUE(QDir(m_project.path() + QStringLiteral(".captures")).exists()) << "the other capture is still in it";
}

TEST_F(CaptureDocumentTest, StoreBlockRefusesWhatIsNotThere)
{
    auto missing = m_store->appendDocumentPage(999, PageInfo{}, QStringLiteral("00"), 1);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    const Status none = m_store->removeLastDocumentPage(999, QStringLiteral("00"), 1);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::NotFound);
    DocumentRecord failed;
    failed.path = QStringLiteral("/nowhere/x.tiff");
    failed.name = QStringLiteral("x.tiff");
    failed.error = QStringLiteral("not a PDF or image");
    auto id = m_store->addFailedDocument(failed);
    ASSERT_TRUE(id.ok());
    auto refused = m_store->appendDocumentPage(*id, PageInfo{}, QStringLiteral("01"), 1);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
}

} // namespace
} // namespace incidoc
