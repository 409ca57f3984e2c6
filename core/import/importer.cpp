#include "core/import/importer.h"

#include "core/render/image_checks.h"
#include "core/render/pdf_document.h"
#include "core/util/fault_injection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSet>

#include <poppler-qt6.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <dirent.h>

namespace incidoc {
namespace {

constexpr qint64 kHashChunk = 1024 * 1024;
constexpr int kSniffBytes = 1024;

bool hasSupportedSuffix(const QString& fileName)
{
    static const QStringList kSuffixes{QStringLiteral("pdf"),  QStringLiteral("png"), QStringLiteral("jpg"),
                                       QStringLiteral("jpeg"), QStringLiteral("tif"), QStringLiteral("tiff")};
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return kSuffixes.contains(suffix);
}

// strerror() gives "Permission denied"; messages in this project are lower case after the colon.
QString errnoText(int err)
{
    QString s = QString::fromLocal8Bit(std::strerror(err));
    if (!s.isEmpty())
        s[0] = s[0].toLower();
    return s;
}

// QDir silently returns an empty listing for a folder it cannot open, so try opendir() ourselves:
// it checks the permissions of the calling thread's credentials (fsuid), exactly what listing needs.
QString folderReadError(const QString& path)
{
    DIR* dir = ::opendir(QFile::encodeName(path).constData());
    if (!dir)
        return QStringLiteral("folder cannot be read: ") + errnoText(errno);
    ::closedir(dir);
    return {};
}

struct Collector {
    CollectedFiles out;
    QSet<QString> visitedDirs; // canonical paths: a symlink loop reaches a visited folder and stops

    void addFolder(const QString& path)
    {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || visitedDirs.contains(canonical))
            return;
        visitedDirs.insert(canonical);
        if (const QString err = folderReadError(path); !err.isEmpty()) {
            out.files.push_back({path, err});
            return;
        }
        // Hidden entries (".git", ".DS_Store") are not documents a person dropped in on purpose.
        const QFileInfoList entries =
            QDir(path).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QFileInfo& fi : entries) {
            const QString child = QDir::cleanPath(fi.absoluteFilePath());
            if (fi.isDir()) {
                addFolder(child);
            } else if (!hasSupportedSuffix(fi.fileName())) {
                out.skipped.push_back(child);
            } else if (!fi.exists()) {
                out.files.push_back({child, QStringLiteral("file not found (broken link)")});
            } else {
                out.files.push_back({child, {}});
            }
        }
    }
};

void fillPartial(DocumentRecord* partial, const DocumentRecord& doc)
{
    if (partial)
        *partial = doc;
}

QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

enum class Sniffed { Unknown, Pdf, Png, Jpeg, Tiff };

Sniffed sniff(const QByteArray& head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return Sniffed::Png;
    if (head.startsWith("\xff\xd8\xff"))
        return Sniffed::Jpeg;
    if (head.startsWith(QByteArray("II*\0", 4)) || head.startsWith(QByteArray("MM\0*", 4)))
        return Sniffed::Tiff;
    // Readers accept junk before the header (mail gateways, scanners), so search the first KiB.
    if (head.contains("%PDF-"))
        return Sniffed::Pdf;
    return Sniffed::Unknown;
}

Result<std::vector<PageInfo>> inspectPdf(const QString& path)
{
    auto opened = openPdf(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<Poppler::Document> doc = std::move(opened).value();
    const int n = doc->numPages();
    if (n <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("PDF has no pages"));
    std::vector<PageInfo> pages;
    pages.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        PageInfo info;
        info.number = i + 1;
        // A page object Poppler cannot build keeps size 0; rendering it later fails with a reason.
        if (std::unique_ptr<Poppler::Page> page(doc->page(i)); page) {
            const QSizeF size = page->pageSizeF(); // crop box, already swapped for /Rotate 90/270
            info.widthPt = size.width();
            info.heightPt = size.height();
            info.rotation = rotationDegrees(static_cast<int>(page->orientation()));
        }
        pages.push_back(info);
    }
    return pages;
}

Result<std::vector<PageInfo>> inspectImage(const QString& path, Sniffed type, const ImportLimits& limits)
{
    ensureImageAllocationLimit();
    QImageReader reader(path, type == Sniffed::Png ? "png" : type == Sniffed::Jpeg ? "jpeg" : "tiff");
    reader.setAutoTransform(true);
    const int frames = type == Sniffed::Tiff ? std::max(1, reader.imageCount()) : 1;
    std::vector<PageInfo> pages;
    for (int i = 0; i < frames; ++i) {
        if (i > 0 && !reader.jumpToImage(i))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("damaged image: frame %1 cannot be read").arg(i + 1));
        // The header size, before any decoding: a lying header must not make us allocate.
        QSize size = reader.size();
        if (!size.isValid())
            return makeError(ErrorCode::InvalidInput, damagedImageMessage(reader.errorString()));
        if (const Status st = checkImagePixels(size, limits.maxImagePixels); !st.ok())
            return st.error();
        // dotsPerMeter is only known after decoding; the size is within the limit by now.
        QImage img = reader.read();
        if (img.isNull())
            return makeError(ErrorCode::InvalidInput, damagedImageMessage(reader.errorString()));
        PageInfo info;
        info.number = i + 1;
        info.widthPx = img.width(); // after EXIF orientation
        info.heightPx = img.height();
        info.dpi = dpiOf(img);
        pages.push_back(info);
    }
    return pages;
}

} // namespace

CollectedFiles collectFiles(const QStringList& paths)
{
    Collector c;
    try {
        for (const QString& p : paths) {
            const QFileInfo fi(p);
            const QString path = QDir::cleanPath(fi.absoluteFilePath());
            if (!fi.exists())
                c.out.files.push_back({path, QStringLiteral("file not found")});
            else if (fi.isDir())
                c.addFolder(path);
            else
                c.out.files.push_back({path, {}}); // named explicitly: always a candidate
        }
    } catch (const std::exception& e) {
        c.out.files.push_back({QString(), QStringLiteral("internal error: ") + QString::fromUtf8(e.what())});
    }
    std::stable_sort(c.out.files.begin(), c.out.files.end(),
                     [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    // The same file named twice (or a folder and a file inside it) is one candidate.
    c.out.files.erase(std::unique(c.out.files.begin(), c.out.files.end(),
                                  [](const FoundFile& a, const FoundFile& b) { return a.path == b.path; }),
                      c.out.files.end());
    c.out.skipped.sort();
    c.out.skipped.removeDuplicates();
    return c.out;
}

Result<QString> sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("file not found"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("file cannot be read: ") + file.errorString().toLower());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer;
    while (!file.atEnd()) {
        buffer = file.read(kHashChunk);
        if (buffer.isEmpty() && file.error() != QFileDevice::NoError)
            return makeError(ErrorCode::Io, QStringLiteral("file cannot be read: ") + file.errorString().toLower());
        if (buffer.isEmpty())
            break;
        hash.addData(buffer);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<InspectedFile> inspectFile(const QString& path, const ImportLimits& limits, DocumentRecord* partial)
{
    faultPoint(QFileInfo(path).fileName()); // tests: a file that crashes the reader as it is opened
    try {
        const QFileInfo fi(path);
        InspectedFile result;
        DocumentRecord& doc = result.document;
        doc.path = QDir::cleanPath(fi.absoluteFilePath());
        doc.name = fi.fileName();
        fillPartial(partial, doc);
        if (!fi.exists())
            return makeError(ErrorCode::NotFound, QStringLiteral("file not found"));
        if (fi.isDir())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("a folder, not a file"));
        doc.size = fi.size();
        fillPartial(partial, doc);
        if (doc.size == 0)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("empty file"));
        if (doc.size > limits.maxFileBytes)
            return makeError(ErrorCode::TooLarge, QStringLiteral("file too large: %1 (limit %2)")
                                                      .arg(megabytes(doc.size), megabytes(limits.maxFileBytes)));

        QByteArray head;
        {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::Io, QStringLiteral("file cannot be read: ") + file.errorString().toLower());
            head = file.read(kSniffBytes);
        }
        Result<QString> sha = sha256OfFile(path);
        if (!sha.ok())
            return sha.error();
        doc.sha256 = *sha;
        const Sniffed type = sniff(head);
        doc.kind = type == Sniffed::Pdf ? DocumentKind::Pdf : DocumentKind::Image;
        fillPartial(partial, doc);
        if (type == Sniffed::Unknown)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("not a PDF or image"));

        Result<std::vector<PageInfo>> pages =
            type == Sniffed::Pdf ? inspectPdf(path) : inspectImage(path, type, limits);
        if (!pages.ok())
            return pages.error();
        result.pages = std::move(*pages);
        doc.pageCount = static_cast<int>(result.pages.size());
        fillPartial(partial, doc);
        return result;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, QStringLiteral("internal error: ") + QString::fromUtf8(e.what()));
    }
}

bool looksImportable(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return sniff(file.read(kSniffBytes)) != Sniffed::Unknown;
}

} // namespace incidoc
