#include "core/capture/capture_document.h"

#include "core/capture/capture_tiff.h"
#include "core/storage/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace incidoc {
namespace {

Result<QString> sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return makeError(ErrorCode::Io, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    return QString::fromLatin1(hash.result().toHex());
}

// rename(2) replaces the target in one step (QFile::rename refuses an existing target).
Status replaceFile(const QString& from, const QString& to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        QFile::remove(from);
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(to));
    }
    return okStatus();
}

QString temporaryBeside(const QString& path)
{
    return path + QStringLiteral(".writing");
}

} // namespace

CaptureDocument::CaptureDocument(ProjectStore& store, QString projectPath)
    : m_store(store), m_projectPath(std::move(projectPath))
{
}

QString CaptureDocument::capturesFolder(const QString& projectPath)
{
    return QDir::cleanPath(QFileInfo(projectPath).absoluteFilePath()) + QStringLiteral(".captures");
}

Result<PageId> CaptureDocument::append(const QImage& frame, const QDateTime& capturedAt)
{
    if (frame.isNull())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no frame to capture"));
    const bool first = m_file.isEmpty();
    QString file = m_file;
    if (first) {
        const QString folder = capturesFolder(m_projectPath);
        if (!QDir().mkpath(folder))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create the folder %1").arg(folder));
        const QString stem = QStringLiteral("capture-") + capturedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"))
                             + QLatin1Char('Z');
        file = QDir(folder).filePath(stem + QStringLiteral(".tiff"));
        for (int n = 2; QFileInfo::exists(file); ++n)
            file = QDir(folder).filePath(QStringLiteral("%1-%2.tiff").arg(stem).arg(n));
    }
    const QString writing = temporaryBeside(file);
    if (Status st = capture::writeCaptureTiff(m_file, m_pages, frame, capturedAt, writing); !st) {
        QFile::remove(writing);
        return st.error();
    }
    auto sha = sha256Of(writing);
    if (!sha) {
        QFile::remove(writing);
        return sha.error();
    }
    const qint64 size = QFileInfo(writing).size();
    if (Status st = replaceFile(writing, file); !st)
        return st.error();

    PageInfo page;
    page.number = m_pages + 1;
    page.widthPx = frame.width();
    page.heightPx = frame.height();
    Result<PageId> added = makeError(ErrorCode::Internal, QString());
    if (first) {
        DocumentRecord doc;
        doc.path = file;
        doc.name = QFileInfo(file).fileName();
        doc.sha256 = *sha;
        doc.size = size;
        doc.kind = DocumentKind::Image;
        doc.pageCount = 1;
        doc.importedAt = capturedAt;
        auto id = m_store.addDocument(doc, {page});
        if (id) {
            auto pages = m_store.pages(*id);
            if (pages && !pages->empty()) {
                m_document = *id;
                added = pages->front().id;
            } else {
                (void)m_store.removeDocument(*id);
                added = pages ? makeError(ErrorCode::Storage, QStringLiteral("the captured page was not stored"))
                              : Result<PageId>(pages.error());
            }
        } else {
            added = id.error();
        }
        if (!added)
            QFile::remove(file);
    } else {
        added = m_store.appendDocumentPage(m_document, page, *sha, size);
        if (!added) {
            // Back to the pages the project knows.
            const QString back = temporaryBeside(file);
            if (capture::writeCaptureTiff(file, m_pages, QImage(), capturedAt, back))
                (void)replaceFile(back, file);
        }
    }
    if (!added)
        return added.error();
    m_file = file;
    ++m_pages;
    return added;
}

Status CaptureDocument::undoLast()
{
    if (m_pages == 0 || m_document == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no captured page to take back"));
    if (m_pages == 1) {
        if (Status st = m_store.removeDocument(m_document); !st)
            return st;
        QFile::remove(m_file);
        QDir().rmdir(QFileInfo(m_file).absolutePath()); // only when no other capture is left in it
        m_document = 0;
        m_file.clear();
        m_pages = 0;
        return okStatus();
    }
    const QString writing = temporaryBeside(m_file);
    if (Status st = capture::writeCaptureTiff(m_file, m_pages - 1, QImage(), QDateTime(), writing); !st) {
        QFile::remove(writing);
        return st;
    }
    auto sha = sha256Of(writing);
    if (!sha) {
        QFile::remove(writing);
        return sha.error();
    }
    // The project first (it may refuse: the page is being processed), then the file.
    if (Status st = m_store.removeLastDocumentPage(m_document, *sha, QFileInfo(writing).size()); !st) {
        QFile::remove(writing);
        return st;
    }
    if (Status st = replaceFile(writing, m_file); !st)
        return st;
    --m_pages;
    return okStatus();
}

} // namespace incidoc
