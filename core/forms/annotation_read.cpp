#include "core/forms/annotation_read.h"

#include "core/forms/annotation_read_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cstdlib>

namespace incidoc {

namespace annotation_read {

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

QString fileNameOf(const QString& pathOrUrl)
{
    QString s = pathOrUrl.trimmed();
    // Label Studio's local files: "/data/local-files/?d=images/a.png".
    static const QRegularExpression localFile(QStringLiteral(R"([?&]d=([^&#]+))"));
    if (const auto m = localFile.match(s); m.hasMatch())
        s = QUrl::fromPercentEncoding(m.captured(1).toUtf8());
    else if (s.contains(QLatin1String("://")))
        s = s.left(s.indexOf(QRegularExpression(QStringLiteral("[?#]|$"))));
    const qsizetype slash = std::max(s.lastIndexOf(QLatin1Char('/')), s.lastIndexOf(QLatin1Char('\\')));
    return slash >= 0 ? s.mid(slash + 1) : s;
}

} // namespace annotation_read

using annotation_read::invalid;

namespace {

// Files larger than this are not annotations of one page (a Label Studio export of a whole project can be
// big, hence the generous bound).
constexpr qint64 kMaxAnnotationBytes = 512LL * 1024 * 1024;

QString describeWord(const ImportedWord& w, int index)
{
    return w.id.isEmpty() ? QStringLiteral("word %1 (\"%2\")").arg(index + 1).arg(w.text)
                          : QStringLiteral("word %1 (\"%2\")").arg(w.id, w.text);
}

QString boxText(const PixelBox& b)
{
    return QStringLiteral("%1 %2 %3 %4").arg(b.x0).arg(b.y0).arg(b.x1).arg(b.y1);
}

// The links as a graph over distinct entities: a path a -> b -> ... -> a, as text, or "" when there is none.
// A link from an entity to itself is not a cycle over distinct links (FUNSD has such annotations); it is
// kept as the file has it. Iterative (a file may chain thousands of entities): peel off the entities no
// remaining link points to; whatever remains lies on or leads into a cycle.
QString findCycle(const std::vector<ImportedLink>& links)
{
    QHash<QString, QStringList> next;
    QHash<QString, int> incoming;
    for (const ImportedLink& l : links) {
        if (l.from == l.to || next.value(l.from).contains(l.to))
            continue;
        next[l.from] << l.to;
        incoming[l.to] += 1;
        incoming.insert(l.from, incoming.value(l.from));
    }
    QStringList ready;
    for (auto it = incoming.cbegin(); it != incoming.cend(); ++it)
        if (it.value() == 0)
            ready << it.key();
    while (!ready.isEmpty()) {
        const QString node = ready.takeLast();
        incoming.remove(node);
        for (const QString& to : next.value(node))
            if (--incoming[to] == 0)
                ready << to;
    }
    if (incoming.isEmpty())
        return {};
    // Every remaining entity has a remaining predecessor: walking backwards from the first link's target
    // that remains must come back to an entity already seen. Start from the file's order for a stable path.
    QHash<QString, QString> previous;
    for (const ImportedLink& l : links)
        if (l.from != l.to && incoming.contains(l.from) && incoming.contains(l.to) && !previous.contains(l.to))
            previous.insert(l.to, l.from);
    QString start;
    for (const ImportedLink& l : links)
        if (l.from != l.to && incoming.contains(l.to)) {
            start = l.to;
            break;
        }
    QStringList walk;
    QHash<QString, int> at;
    QString node = start;
    while (!at.contains(node)) {
        at.insert(node, int(walk.size()));
        walk << node;
        node = previous.value(node);
    }
    QStringList cycle = walk.mid(at.value(node));
    std::reverse(cycle.begin(), cycle.end());
    // Begin with the entity the file links from first, for a path that reads like the file.
    for (const ImportedLink& l : links) {
        const qsizetype i = cycle.indexOf(l.from);
        if (i >= 0) {
            std::rotate(cycle.begin(), cycle.begin() + i, cycle.end());
            break;
        }
    }
    cycle << cycle.first();
    return cycle.join(QStringLiteral(" → "));
}

Status checkPage(ImportedPage& page, const AnnotationReadOptions& options)
{
    const int tol = kAnnotationBoxTolerancePx;
    int W = 0, H = 0;
    if (options.imageSize.isValid()) {
        W = options.imageSize.width();
        H = options.imageSize.height();
        // Percentages (Label Studio) were converted with the image's own size; the other formats' pixels
        // only fit an image of the size they describe.
        if (page.format != QLatin1String("label-studio") && page.width > 0 && page.height > 0
            && (std::abs(page.width - W) > tol || std::abs(page.height - H) > tol))
            return invalid(QStringLiteral("the file describes a page of %1×%2 pixels, the image has %3×%4")
                               .arg(page.width)
                               .arg(page.height)
                               .arg(W)
                               .arg(H));
    } else if (page.width > 0 && page.height > 0) {
        W = page.width;
        H = page.height;
    }
    for (int i = 0; i < int(page.words.size()); ++i) {
        const PixelBox& b = page.words[i].box;
        if (b.x1 < b.x0 || b.y1 < b.y0)
            return invalid(
                QStringLiteral("%1 has an inverted box (%2)").arg(describeWord(page.words[i], i), boxText(b)));
        if (W > 0 && (b.x0 < -tol || b.y0 < -tol || b.x1 > W + tol || b.y1 > H + tol))
            return invalid(QStringLiteral("%1 lies outside the %2×%3 page: its box is %4")
                               .arg(describeWord(page.words[i], i))
                               .arg(W)
                               .arg(H)
                               .arg(boxText(b)));
    }

    QSet<QString> ids;
    for (const ImportedEntity& e : page.entities) {
        if (ids.contains(e.id))
            return invalid(QStringLiteral("two entities have the id %1").arg(e.id));
        ids.insert(e.id);
        if (e.words.empty())
            return invalid(QStringLiteral("entity %1 has no words").arg(e.id));
        for (int w : e.words)
            if (w < 0 || w >= int(page.words.size()))
                return invalid(QStringLiteral("entity %1 refers to a word that does not exist").arg(e.id));
    }

    std::vector<ImportedLink> distinct;
    QSet<QString> seen;
    for (const ImportedLink& l : page.links) {
        for (const QString& end : {l.from, l.to})
            if (!ids.contains(end))
                return invalid(QStringLiteral("a link from %1 to %2 refers to %3, which is not an entity of the page")
                                   .arg(l.from, l.to, end));
        const QString key = l.from + QChar(0) + l.to + QChar(0) + l.type;
        if (!seen.contains(key)) {
            seen.insert(key);
            distinct.push_back(l);
        }
    }
    page.links = std::move(distinct);
    if (const QString cycle = findCycle(page.links); !cycle.isEmpty())
        return invalid(QStringLiteral("the links form a cycle: %1").arg(cycle));
    return okStatus();
}

// The task of a several-page file (a Label Studio list) that is the image's.
Result<ImportedPage> pickPage(std::vector<ImportedPage> pages, const QString& imageName)
{
    if (pages.empty())
        return invalid(QStringLiteral("the file holds no page (an empty list of tasks)"));
    if (pages.size() == 1)
        return std::move(pages.front());
    if (imageName.isEmpty())
        return invalid(QStringLiteral("the file holds %1 tasks and the image is not named: cannot tell which is "
                                      "its page")
                           .arg(pages.size()));
    const QString name = annotation_read::fileNameOf(imageName);
    const QString stem = QFileInfo(name).completeBaseName();
    std::vector<size_t> found;
    for (size_t i = 0; i < pages.size(); ++i) {
        const QString n = pages[i].imageName;
        // Label Studio renames uploads "<8 hex>-<name>".
        if (n == name || n.endsWith(QLatin1Char('-') + name) || QFileInfo(n).completeBaseName() == stem)
            found.push_back(i);
    }
    if (found.size() != 1)
        return invalid(QStringLiteral("the file holds %1 tasks and %2 of them are for %3")
                           .arg(pages.size())
                           .arg(found.empty() ? QStringLiteral("none") : QString::number(found.size()))
                           .arg(name));
    return std::move(pages[found.front()]);
}

Result<std::vector<ImportedPage>> readAll(const QByteArray& content, const AnnotationReadOptions& options)
{
    qsizetype start = 0;
    if (content.startsWith("\xEF\xBB\xBF"))
        start = 3;
    while (start < content.size() && QChar::isSpace(uchar(content[start])))
        ++start;
    if (start == content.size())
        return invalid(QStringLiteral("an empty file"));
    const char first = content[start];
    if (first == '<')
        return annotation_read::readXml(content, options);
    if (first == '{' || first == '[')
        return annotation_read::readJson(content, options);
    return invalid(QStringLiteral("neither XML (hOCR, ALTO, PAGE) nor JSON (FUNSD, Label Studio)"));
}

Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such file: %1").arg(path));
    if (file.size() > kMaxAnnotationBytes)
        return makeError(ErrorCode::TooLarge, QStringLiteral("%1 is too large for an annotation file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

Result<ImportedPage> readAnnotationBytes(const QByteArray& content, const AnnotationReadOptions& options)
{
    auto pages = readAll(content, options);
    if (!pages)
        return pages.error();
    auto page = pickPage(std::move(*pages), options.imageName);
    if (!page)
        return page.error();
    if (const Status s = checkPage(*page, options); !s)
        return s.error();
    return page;
}

Result<ImportedPage> readAnnotations(const QString& path, const AnnotationReadOptions& options)
{
    const auto content = readFile(path);
    if (!content)
        return content.error();
    return readAnnotationBytes(*content, options);
}

Result<ImportedPage> readAnnotations(const QString& path, QSize imageSize)
{
    AnnotationReadOptions options;
    options.imageSize = imageSize;
    options.imageName = QFileInfo(path).completeBaseName(); // a list of tasks is matched by the file's stem
    return readAnnotations(path, options);
}

Result<std::vector<ImportedPage>> readAnnotationPages(const QString& path, const AnnotationReadOptions& options)
{
    const auto content = readFile(path);
    if (!content)
        return content.error();
    auto pages = readAll(*content, options);
    if (!pages)
        return pages.error();
    for (ImportedPage& page : *pages)
        if (const Status s = checkPage(page, options); !s)
            return pages->size() == 1 || page.imageName.isEmpty()
                       ? s.error()
                       : makeError(s.error().code, QStringLiteral("%1: %2").arg(page.imageName, s.error().message));
    return pages;
}

QString annotationFileFor(const QString& imagePath, const QString& annotationsDir)
{
    const QFileInfo image(imagePath);
    const QString stem = image.completeBaseName();
    static const char* const kSuffixes[] = {".json", ".hocr", ".html", ".xml", ".page.xml", ".alto.xml", ".hocr.html"};
    QStringList dirs;
    if (!annotationsDir.isEmpty())
        dirs << annotationsDir;
    dirs << image.absolutePath();
    for (const QString& dir : dirs) {
        const QDir d(dir);
        for (const char* suffix : kSuffixes) {
            for (const QString& s : {QString::fromLatin1(suffix), QString::fromLatin1(suffix).toUpper()}) {
                const QFileInfo candidate(d.filePath(stem + s));
                if (candidate.isFile() && candidate.absoluteFilePath() != image.absoluteFilePath())
                    return candidate.absoluteFilePath();
            }
        }
    }
    return {};
}

} // namespace incidoc
