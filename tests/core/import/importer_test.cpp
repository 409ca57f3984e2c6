// Import: collecting files and folders, hashing, type sniffing, PDF and image inspection, and the
// refusals (empty, damaged, encrypted, oversized) on hand-made files and the shared real/malformed PDFs.
#include "core/import/importer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

#include <sys/fsuid.h>
#include <sys/stat.h>

#include "tests/core/render/handmade_pdf.h"
#include "tests/support/qt_printers.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using incidoc::test::testData;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    EXPECT_TRUE(incidoc::test::writeFile(path, bytes)) << path.toStdString();
    return path;
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xffffffffu;
    for (char ch : data) {
        crc ^= static_cast<quint8>(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
    return b;
}

QByteArray pngChunk(const QByteArray& type, const QByteArray& data)
{
    return be32(static_cast<quint32>(data.size())) + type + data + be32(crc32(type + data));
}

/// A PNG whose (valid, CRC-checked) header claims width x height 8-bit grey pixels; no image data.
QByteArray pngHeaderOnly(quint32 width, quint32 height)
{
    QByteArray ihdr = be32(width) + be32(height) + QByteArray("\x08\x00\x00\x00\x00", 5);
    // libpng reads chunks up to the first IDAT to report the header; give it one (a zlib stream start).
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr)
           + pngChunk("IDAT", QByteArray("\x78\x9c\x63\x00\x00", 5)) + pngChunk("IEND", {});
}

/// Inserts an EXIF APP1 segment with only an Orientation tag right after the JPEG SOI marker.
QByteArray withExifOrientation(const QByteArray& jpeg, int orientation)
{
    QByteArray tiff("MM\0*", 4);
    tiff += be32(8);
    tiff += QByteArray("\x00\x01", 2);                   // one IFD entry
    tiff += QByteArray("\x01\x12\x00\x03", 4) + be32(1); // Orientation, SHORT, 1
    tiff += QByteArray(1, '\0') + QByteArray(1, static_cast<char>(orientation)) + QByteArray(2, '\0');
    tiff += be32(0); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = static_cast<int>(payload.size()) + 2;
    QByteArray app1("\xff\xe1", 2);
    app1 += static_cast<char>(length >> 8);
    app1 += static_cast<char>(length & 0xff);
    return jpeg.left(2) + app1 + payload + jpeg.mid(2);
}

QImage pageWithMark(int w, int h, QRect mark)
{
    QImage img(w, h, QImage::Format_Grayscale8);
    img.fill(255);
    QPainter p(&img);
    p.fillRect(mark, Qt::black);
    return img;
}

QStringList paths(const CollectedFiles& c)
{
    QStringList out;
    for (const FoundFile& f : c.files)
        out << f.path;
    return out;
}

const QStringList kKnownPdfErrors{QStringLiteral("damaged PDF: cannot be opened"),
                                  QStringLiteral("encrypted PDF (password required)"),
                                  QStringLiteral("PDF has no pages")};

} // namespace

TEST(CollectFiles, ExpandsFoldersRecursivelySortedAndFiltersByExtension)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString a = write(dir, QStringLiteral("in/b/x.PDF"), "%PDF-1.4");
    const QString b = write(dir, QStringLiteral("in/a.JpG"), "x");
    const QString c = write(dir, QStringLiteral("in/c.tiff"), "x");
    const QString d = write(dir, QStringLiteral("in/b/scan.png"), "x");
    const QString e = write(dir, QStringLiteral("in/z.jpeg"), "x");
    const QString f = write(dir, QStringLiteral("in/y.TIF"), "x");
    const QString notes = write(dir, QStringLiteral("in/notes.txt"), "x");
    const QString doc = write(dir, QStringLiteral("in/b/letter.docx"), "x");
    const QString explicitText = write(dir, QStringLiteral("readme.txt"), "x");
    // A symlink back to the top folder must not make the walk loop forever.
    ASSERT_TRUE(QFile::link(dir.filePath(QStringLiteral("in")), dir.filePath(QStringLiteral("in/b/loop"))));

    const CollectedFiles got =
        collectFiles({dir.filePath(QStringLiteral("in")), explicitText, dir.filePath(QStringLiteral("missing.pdf"))});
    QStringList expected{a, b, c, d, e, f, explicitText, QDir::cleanPath(dir.filePath(QStringLiteral("missing.pdf")))};
    expected.sort();
    EXPECT_EQ(paths(got), expected);
    for (const FoundFile& ff : got.files) {
        if (ff.path.endsWith(QStringLiteral("missing.pdf")))
            EXPECT_EQ(ff.error, QStringLiteral("file not found"));
        else
            EXPECT_TRUE(ff.error.isEmpty()) << ff.path.toStdString() << ": " << ff.error.toStdString();
    }
    QStringList skipped{notes, doc};
    skipped.sort();
    EXPECT_EQ(got.skipped, skipped);
}

TEST(CollectFiles, SameFileTwiceIsOneCandidate)
{
    QTemporaryDir dir;
    const QString a = write(dir, QStringLiteral("a.pdf"), "%PDF-1.4");
    const CollectedFiles got = collectFiles({a, dir.path(), a});
    EXPECT_EQ(paths(got), QStringList{a});
}

// Tests run as root, and root reads a chmod 000 folder anyway: then it must still be collected. The
// refusal itself is checked from a thread whose file-system uid is "nobody" (setfsuid is per thread on
// Linux and drops root's permission override), which is what an ordinary user would see.
TEST(CollectFiles, UnreadableFolderIsReportedNotFatal)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString locked = dir.filePath(QStringLiteral("locked"));
    const QString inside = write(dir, QStringLiteral("locked/scan.pdf"), "%PDF-1.4");
    const QString other = write(dir, QStringLiteral("open/page.png"), "x");
    ASSERT_EQ(::chmod(QFile::encodeName(locked).constData(), 0), 0);

    const CollectedFiles asRoot = collectFiles({dir.path()});
    if (::geteuid() == 0) {
        EXPECT_EQ(paths(asRoot), (QStringList{inside, other})); // root may read it: collected
    } else {
        ASSERT_EQ(asRoot.files.size(), 2u);
        EXPECT_EQ(asRoot.files[0].path, locked);
        EXPECT_EQ(asRoot.files[0].error, QStringLiteral("folder cannot be read: permission denied"));
    }

    CollectedFiles asNobody;
    std::thread t([&] {
        ::setfsuid(65534);
        asNobody = collectFiles({dir.path()});
        ::setfsuid(0);
    });
    t.join();
    ASSERT_EQ(asNobody.files.size(), 2u);
    EXPECT_EQ(asNobody.files[0].path, locked);
    EXPECT_EQ(asNobody.files[0].error, QStringLiteral("folder cannot be read: permission denied"));
    EXPECT_EQ(asNobody.files[1].path, other);
    EXPECT_TRUE(asNobody.files[1].error.isEmpty());
    ::chmod(QFile::encodeName(locked).constData(), 0755);
}

TEST(Sha256, StreamsLargeFilesAndMatchesOneShotHash)
{
    QTemporaryDir dir;
    QByteArray bytes(3 * 1024 * 1024 + 17, '\0');
    QRandomGenerator rng(42);
    for (char& c : bytes)
        c = static_cast<char>(rng.bounded(256));
    const QString path = write(dir, QStringLiteral("big.bin"), bytes);
    const Result<QString> got = sha256OfFile(path);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));

    const Result<QString> empty = sha256OfFile(write(dir, QStringLiteral("empty"), {}));
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(*empty, QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

    const Result<QString> missing = sha256OfFile(dir.filePath(QStringLiteral("nope")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST(InspectFile, RefusesEmptyOversizedMissingAndUnknownFiles)
{
    QTemporaryDir dir;
    DocumentRecord partial;
    const Result<InspectedFile> empty = inspectFile(write(dir, QStringLiteral("zero.pdf"), {}), {}, &partial);
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().message, QStringLiteral("empty file"));
    EXPECT_EQ(partial.name, QStringLiteral("zero.pdf"));

    ImportLimits small;
    small.maxFileBytes = 10;
    const Result<InspectedFile> big = inspectFile(write(dir, QStringLiteral("big.pdf"), QByteArray(11, 'x')), small);
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().code, ErrorCode::TooLarge);
    EXPECT_TRUE(big.error().message.startsWith(QStringLiteral("file too large: ")))
        << big.error().message.toStdString();

    const Result<InspectedFile> missing = inspectFile(dir.filePath(QStringLiteral("gone.pdf")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(missing.error().message, QStringLiteral("file not found"));

    // A name says PDF, the bytes say text: the bytes win, and the hash is still reported once.
    const QString fake = write(dir, QStringLiteral("fake.pdf"), "just some text, not a PDF at all\n");
    const Result<InspectedFile> text = inspectFile(fake, {}, &partial);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().message, QStringLiteral("not a PDF or image"));
    EXPECT_EQ(partial.sha256, *sha256OfFile(fake));
    EXPECT_EQ(partial.size, 33);
}

TEST(InspectFile, HandmadePdfPagesWithCropBoxAndRotation)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(3);
    pages[1].cropBox = "100 200 400 600"; // 300 x 400 pt inside the letter media box
    pages[2].rotate = 90;
    pages[2].cropBox = "100 200 400 600";
    // Junk before the header (as mail gateways add) must not hide the PDF.
    const QString path = write(dir, QStringLiteral("three.bin"), QByteArray(200, '\n') + test::handmadePdf(pages));
    const Result<InspectedFile> got = inspectFile(path);
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_EQ(got->document.kind, DocumentKind::Pdf);
    EXPECT_EQ(got->document.pageCount, 3);
    EXPECT_EQ(got->document.name, QStringLiteral("three.bin"));
    EXPECT_EQ(got->document.sha256, *sha256OfFile(path));
    ASSERT_EQ(got->pages.size(), 3u);
    EXPECT_DOUBLE_EQ(got->pages[0].widthPt, 612);
    EXPECT_DOUBLE_EQ(got->pages[0].heightPt, 792);
    EXPECT_DOUBLE_EQ(got->pages[1].widthPt, 300);
    EXPECT_DOUBLE_EQ(got->pages[1].heightPt, 400);
    EXPECT_EQ(got->pages[1].rotation, 0);
    EXPECT_DOUBLE_EQ(got->pages[2].widthPt, 400); // rotated: width and height swap
    EXPECT_DOUBLE_EQ(got->pages[2].heightPt, 300);
    EXPECT_EQ(got->pages[2].rotation, 90);
    EXPECT_EQ(got->pages[2].number, 3);
}

TEST(InspectFile, EncryptedPdfNeedsPassword)
{
    QTemporaryDir dir;
    std::vector<test::HandmadePage> pages(1);
    pages[0].content = test::textAt(72, 700, 12, "secret");
    const Result<InspectedFile> got =
        inspectFile(write(dir, QStringLiteral("locked.pdf"), test::handmadePdf(pages, true)));
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(got.error().message, QStringLiteral("encrypted PDF (password required)"));

    // Encrypted with permissions only (empty user password): opens like any other PDF.
    const Result<InspectedFile> perms =
        inspectFile(testData(QStringLiteral("poppler-test/unittestcases/orientation.pdf")));
    ASSERT_TRUE(perms.ok()) << perms.error().message.toStdString();
    ASSERT_EQ(perms->pages.size(), 4u);
    EXPECT_EQ(perms->pages[0].rotation, 0);
    EXPECT_EQ(perms->pages[1].rotation, 90);
    EXPECT_EQ(perms->pages[2].rotation, 180);
    EXPECT_EQ(perms->pages[3].rotation, 270);
    EXPECT_DOUBLE_EQ(perms->pages[1].widthPt, perms->pages[0].heightPt);
}

TEST(InspectFile, PdfWithoutPages)
{
    QTemporaryDir dir;
    const Result<InspectedFile> got = inspectFile(write(dir, QStringLiteral("nopages.pdf"), test::handmadePdf({})));
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().message, QStringLiteral("PDF has no pages"));
}

TEST(InspectFile, DamagedAndTruncatedPdfs)
{
    const Result<InspectedFile> invalid = inspectFile(testData(QStringLiteral("ocrmypdf/tests/resources/invalid.pdf")));
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(invalid.error().message, QStringLiteral("damaged PDF: cannot be opened"));

    // The first half of a real PDF: either Poppler reconstructs something (pages listed) or it is
    // reported as damaged; never a crash.
    QTemporaryDir dir;
    for (const char* name : {"multipage.pdf", "cardinal.pdf", "c02-22.pdf"}) {
        QFile src(testData(QStringLiteral("ocrmypdf/tests/resources/") + QLatin1String(name)));
        ASSERT_TRUE(src.open(QIODevice::ReadOnly));
        const QByteArray all = src.readAll();
        const QString path = write(dir, QStringLiteral("half-") + QLatin1String(name), all.left(all.size() / 2));
        const Result<InspectedFile> got = inspectFile(path);
        if (got.ok()) {
            EXPECT_GE(got->pages.size(), 1u);
        } else {
            EXPECT_TRUE(kKnownPdfErrors.contains(got.error().message)) << got.error().message.toStdString();
        }
    }
}

TEST(InspectFile, EverySharedPdfGivesPagesOrAClearError)
{
    QStringList files;
    for (const QString& folder : {QStringLiteral("pdfjs/test/pdfs"), QStringLiteral("ocrmypdf/tests/resources"),
                                  QStringLiteral("poppler-test/tests"), QStringLiteral("poppler-test/unittestcases")}) {
        const QDir d(testData(folder));
        for (const QString& f : d.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
            files << d.filePath(f);
    }
    ASSERT_GE(files.size(), 21);
    int ok = 0;
    for (const QString& f : files) {
        SCOPED_TRACE(f.toStdString());
        const Result<InspectedFile> got = inspectFile(f);
        if (!got.ok()) {
            EXPECT_TRUE(kKnownPdfErrors.contains(got.error().message)) << got.error().message.toStdString();
            continue;
        }
        ++ok;
        EXPECT_EQ(got->document.pageCount, static_cast<int>(got->pages.size()));
        for (const PageInfo& p : got->pages) {
            EXPECT_GT(p.widthPt, 0);
            EXPECT_GT(p.heightPt, 0);
        }
    }
    EXPECT_EQ(ok, files.size() - 1); // only invalid.pdf (a header and nothing else) cannot be opened
    const Result<InspectedFile> multi = inspectFile(testData(QStringLiteral("ocrmypdf/tests/resources/multipage.pdf")));
    ASSERT_TRUE(multi.ok());
    EXPECT_EQ(multi->pages.size(), 6u);
    const Result<InspectedFile> rotated =
        inspectFile(testData(QStringLiteral("ocrmypdf/tests/resources/rotated_skew.pdf")));
    ASSERT_TRUE(rotated.ok());
    EXPECT_EQ(rotated->pages[0].rotation, 90);
    EXPECT_DOUBLE_EQ(rotated->pages[0].widthPt, 612); // media box 792 x 612, shown turned by 90
    EXPECT_DOUBLE_EQ(rotated->pages[0].heightPt, 792);
}

TEST(InspectFile, ImageHeaderClaimingTwoBillionPixelsIsRefusedBeforeDecoding)
{
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("huge.png"), pngHeaderOnly(50000, 50000));
    DocumentRecord partial;
    const Result<InspectedFile> got = inspectFile(path, {}, &partial);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::TooLarge);
    EXPECT_EQ(got.error().message, QStringLiteral("image too large: 50000 x 50000 pixels (limit 200 megapixels)"));
    EXPECT_EQ(partial.kind, DocumentKind::Image);
    EXPECT_FALSE(partial.sha256.isEmpty());
}

TEST(InspectFile, PngAndJpegWithResolutionAndOrientation)
{
    QTemporaryDir dir;
    QImage img = pageWithMark(640, 480, QRect(10, 10, 50, 50));
    img.setDotsPerMeterX(11811); // 300 dpi
    img.setDotsPerMeterY(11811);
    const QString png = dir.filePath(QStringLiteral("scan.png"));
    ASSERT_TRUE(img.save(png));
    const Result<InspectedFile> got = inspectFile(png);
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_EQ(got->document.kind, DocumentKind::Image);
    ASSERT_EQ(got->pages.size(), 1u);
    EXPECT_EQ(got->pages[0].widthPx, 640);
    EXPECT_EQ(got->pages[0].heightPx, 480);
    EXPECT_EQ(got->pages[0].dpi, 300);
    EXPECT_EQ(got->pages[0].widthPt, 0);

    // A real scan without any resolution in its header (FUNSD PNGs have no pHYs chunk): dpi 0.
    const Result<InspectedFile> funsd =
        inspectFile(testData(QStringLiteral("funsd/training_data/images/0000971160.png")));
    ASSERT_TRUE(funsd.ok()) << funsd.error().message.toStdString();
    EXPECT_EQ(funsd->pages[0].dpi, 0);
    EXPECT_GT(funsd->pages[0].widthPx, 500);

    // EXIF orientation 6 ("rotate 90 clockwise to view"): the page is 480 x 640 as a viewer shows it.
    QByteArray jpeg;
    {
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        ASSERT_TRUE(img.save(&buffer, "JPEG"));
    }
    const Result<InspectedFile> rotated =
        inspectFile(write(dir, QStringLiteral("photo.jpg"), withExifOrientation(jpeg, 6)));
    ASSERT_TRUE(rotated.ok()) << rotated.error().message.toStdString();
    EXPECT_EQ(rotated->pages[0].widthPx, 480);
    EXPECT_EQ(rotated->pages[0].heightPx, 640);
}

TEST(InspectFile, MultiPageTiffHasOnePagePerFrame)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.png")), b = dir.filePath(QStringLiteral("b.png"));
    ASSERT_TRUE(pageWithMark(300, 400, QRect(0, 0, 20, 20)).save(a));
    ASSERT_TRUE(pageWithMark(500, 200, QRect(480, 180, 20, 20)).save(b));
    const QString tif = dir.filePath(QStringLiteral("scans.tif"));
    QProcess convert;
    convert.start(QStringLiteral("convert"), {a, b, QStringLiteral("-compress"), QStringLiteral("lzw"), tif});
    ASSERT_TRUE(convert.waitForFinished(60000));
    ASSERT_EQ(convert.exitCode(), 0) << convert.readAllStandardError().toStdString();
    const Result<InspectedFile> got = inspectFile(tif);
    ASSERT_TRUE(got.ok()) << got.error().message.toStdString();
    EXPECT_EQ(got->document.pageCount, 2);
    ASSERT_EQ(got->pages.size(), 2u);
    EXPECT_EQ(got->pages[0].widthPx, 300);
    EXPECT_EQ(got->pages[0].heightPx, 400);
    EXPECT_EQ(got->pages[1].widthPx, 500);
    EXPECT_EQ(got->pages[1].heightPx, 200);
    EXPECT_EQ(got->pages[1].number, 2);
}

TEST(InspectFile, DamagedImageIsAnError)
{
    QTemporaryDir dir;
    // A PNG signature followed by junk: sniffed as an image, refused by the reader.
    const Result<InspectedFile> got = inspectFile(
        write(dir, QStringLiteral("broken.png"), QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'z')));
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(got.error().message.startsWith(QStringLiteral("damaged image"))) << got.error().message.toStdString();
}
