#include "core/export/export_redaction_p.h"
#include "core/export/zip_reader.h"
#include "core/ocr/engine_pool.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <optional>

namespace incidoc {
namespace {

/// Around a rewritten word's box, so no stroke of its glyphs (descenders, an underline) stays visible.
PixelBox withMargin(const PixelBox& b, int width, int height)
{
    const int m = std::max(2, b.height() / 6);
    PixelBox out{b.x0 - m, b.y0 - m, b.x1 + m, b.y1 + m};
    return width > 0 && height > 0 ? out.clampedTo(width, height) : out;
}

/// "a person name", "an address": the type as the check's message names it.
QString typeWithArticle(SensitiveType type)
{
    const QString title = sensitiveTypeTitle(type).toLower();
    const bool vowel = !title.isEmpty() && QStringLiteral("aeiou").contains(title.at(0));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + title;
}

/// The text of an XML entry with its character references and the five entities resolved, so a value
/// written "O&apos;Brien" is found as "O'Brien".
QString xmlUnescaped(const QString& text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    static const QRegularExpression reference(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QLatin1String("amp"))
            out += QLatin1Char('&');
        else if (name == QLatin1String("lt"))
            out += QLatin1Char('<');
        else if (name == QLatin1String("gt"))
            out += QLatin1Char('>');
        else if (name == QLatin1String("quot"))
            out += QLatin1Char('"');
        else if (name == QLatin1String("apos"))
            out += QLatin1Char('\'');
        else {
            bool ok = false;
            const uint code =
                name.startsWith(QLatin1String("#x")) ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok);
            if (ok && code > 0 && code < 0x110000)
                out += QString::fromUcs4(reinterpret_cast<const char32_t*>(&code), 1);
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

bool isImageEntry(const QString& name)
{
    const QString lower = name.toLower();
    return lower.endsWith(QLatin1String(".png")) || lower.endsWith(QLatin1String(".jpg"))
           || lower.endsWith(QLatin1String(".jpeg"));
}

bool isXmlEntry(const QString& name)
{
    const QString lower = name.toLower();
    return lower.endsWith(QLatin1String(".xml")) || lower.endsWith(QLatin1String(".hocr"))
           || lower.endsWith(QLatin1String(".html"));
}

/// The longest side an image is read at by the check: about 150 dpi for a letter page, where Tesseract
/// still reads body text, at a quarter of the pixels of the 300 dpi page.
constexpr int kCheckLongSide = 1700;

/// The text Tesseract reads on an image entry, a line per line.
Result<QString> readImageText(OcrEngine& engine, const QByteArray& bytes, const QString& name,
                              const CancelToken& cancel)
{
    QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return makeError(ErrorCode::Engine, QStringLiteral("cannot decode %1").arg(name));
    // The resolution it was written at (PNG pHYs; JPEG density), else the page default.
    double dpi = image.dotsPerMeterX() > 0 ? image.dotsPerMeterX() * 0.0254 : 300.0;
    if (dpi < 50 || dpi > 1200)
        dpi = 300.0;
    QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const int longSide = std::max(grey.width(), grey.height());
    if (longSide > kCheckLongSide) {
        const double k = static_cast<double>(kCheckLongSide) / longSide;
        grey = grey.scaled(std::max(1, static_cast<int>(grey.width() * k)),
                           std::max(1, static_cast<int>(grey.height() * k)), Qt::IgnoreAspectRatio,
                           Qt::SmoothTransformation);
        dpi *= k;
    }
    OcrOptions options;
    options.dpi = std::max(70, static_cast<int>(dpi));
    options.tryInverted = false;
    options.tag = name;
    // A crop of one word or line is a single block; a page is laid out.
    options.segmentation = grey.height() < 200 ? Segmentation::SingleBlock : Segmentation::Auto;
    auto page = engine.recognize(grey, options, cancel);
    if (!page)
        return page.error();
    QString text;
    int block = -1, line = -1;
    for (const RecognizedWord& w : page->words) {
        if (!text.isEmpty())
            text += (w.block != block || w.line != line) ? QLatin1Char('\n') : QLatin1Char(' ');
        block = w.block;
        line = w.line;
        text += w.text;
    }
    return text;
}

} // namespace

QString redactedDocumentName(std::size_t index, const DocumentRecord& original)
{
    const QString suffix = QFileInfo(original.name.isEmpty() ? original.path : original.name).suffix().toLower();
    QString name = QStringLiteral("document-%1").arg(static_cast<qulonglong>(index + 1), 3, 10, QLatin1Char('0'));
    // Only a plain extension is kept ("pdf", "tiff"), never something that reads like a word of a name.
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9]{1,5}$"));
    if (plain.match(suffix).hasMatch())
        name += QLatin1Char('.') + suffix;
    return name;
}

ExportRedaction::ExportRedaction(RedactionPlan plan, QByteArray secret)
    : m_plan(std::move(plan)), m_secret(std::move(secret)), m_pseudonyms(m_secret), m_matcher(m_plan.values)
{
}

Result<std::unique_ptr<ExportRedaction>> ExportRedaction::prepare(const QString& projectPath,
                                                                  const std::vector<DocumentId>& documents)
{
    auto store = ProjectStore::open(projectPath, OpenMode::ReadOnly);
    if (!store)
        return store.error();
    auto plan = planRedaction(**store, documents);
    if (!plan)
        return plan.error();
    auto secret = (*store)->redactionSecret();
    if (!secret) {
        // Made once, on the first redacted export: the only write an export makes.
        store->reset();
        auto writable = ProjectStore::open(projectPath, OpenMode::ReadWrite);
        if (!writable)
            return makeError(ErrorCode::Io,
                             QStringLiteral("the project has no redaction secret yet and cannot be opened for writing "
                                            "to make one: %1")
                                 .arg(writable.error().message));
        secret = (*writable)->redactionSecret();
        if (!secret)
            return makeError(
                ErrorCode::Io,
                QStringLiteral("cannot make the project's redaction secret: %1").arg(secret.error().message));
    }
    if (secret->size() < 16)
        return makeError(ErrorCode::Storage, QStringLiteral("the project's redaction secret is damaged"));
    return std::unique_ptr<ExportRedaction>(new ExportRedaction(std::move(plan).value(), std::move(secret).value()));
}

DocumentRecord ExportRedaction::document(std::size_t index, const DocumentRecord& original) const
{
    DocumentRecord d = original;
    d.name = redactedDocumentName(index, original);
    d.path = d.name;
    // A keyed hash: the same document keeps its identifier (and its training split) in every re-export, and
    // nobody holding the source file can match it.
    d.sha256 = QString::fromLatin1(
        QMessageAuthenticationCode::hash(QByteArrayLiteral("document:") + original.sha256.toLatin1(), m_secret,
                                         QCryptographicHash::Sha256)
            .toHex());
    d.size = 0;
    d.importedAt = QDateTime();
    d.error.clear();
    return d;
}

void ExportRedaction::apply(BundlePage& p)
{
    p.redactedBundle = true;
    // The original file's name or path in a note of the page ("rendered at 120 dpi" needs neither).
    if (!p.sourcePath.isEmpty()) {
        p.page.error.replace(p.sourcePath, p.document.path);
        p.page.error.replace(QFileInfo(p.sourcePath).fileName(), p.document.name);
    }
    QHash<WordId, std::size_t> at;
    for (std::size_t i = 0; i < p.words.size(); ++i)
        at.insert(p.words[i].id, i);
    // Each finding's words rewritten together (a name word by word, a phone split over two words).
    QHash<int, std::vector<QString>> rewritten;
    std::vector<QString> originals(p.words.size());
    for (std::size_t i = 0; i < p.words.size(); ++i)
        originals[i] = p.words[i].text;
    for (std::size_t i = 0; i < p.words.size(); ++i) {
        WordRecord& w = p.words[i];
        const auto r = m_plan.words.constFind(w.id);
        if (r == m_plan.words.constEnd() || m_plan.overruled.count(w.id))
            continue;
        if (r->finding < 0 || r->finding >= static_cast<int>(m_plan.findings.size()))
            continue;
        auto texts = rewritten.find(r->finding);
        if (texts == rewritten.end()) {
            const SensitiveFinding& f = m_plan.findings[static_cast<std::size_t>(r->finding)];
            std::vector<QString> words;
            for (WordId id : f.words) {
                const auto j = at.constFind(id);
                words.push_back(j != at.constEnd() ? originals[*j] : QString());
            }
            texts = rewritten.insert(r->finding, m_pseudonyms.rewriteWords(f.type, words));
        }
        const int part = r->part;
        // A word is never left as it was: without its share of the pseudonym it reads "[redacted]".
        QString text = part >= 0 && part < static_cast<int>(texts->size()) ? texts->at(static_cast<std::size_t>(part))
                                                                           : QStringLiteral("[redacted]");
        if (text == w.text)
            text = QStringLiteral("[redacted]");
        w.text = text;
        w.ocrText.reset();
        w.alternatives.clear();
        w.chars.clear();
        p.redacted.insert(w.id);
        p.blackout.push_back(withMargin(w.box, p.page.widthPx, p.page.heightPx));
    }
    if (const auto fills = m_plan.fills.find(p.page.id); fills != m_plan.fills.end())
        for (const PixelBox& b : fills->second)
            if (!b.isEmpty())
                p.blackout.push_back(p.page.widthPx > 0 ? b.clampedTo(p.page.widthPx, p.page.heightPx) : b);
    // Entities read again from their (rewritten) words; an imported text of its own is dropped with them.
    for (EntityRecord& e : p.entities) {
        const bool touched =
            std::any_of(e.words.begin(), e.words.end(), [&](WordId id) { return p.redacted.contains(id); });
        if (!touched)
            continue;
        QStringList texts;
        for (WordId id : e.words)
            if (const auto j = at.constFind(id); j != at.constEnd())
                texts << p.words[*j].text;
        e.text = texts.join(QLatin1Char(' '));
        e.storedText.reset();
    }
    // The report: this page's findings.
    bool any = !p.redacted.isEmpty() || !p.blackout.empty();
    for (const SensitiveFinding& f : m_plan.findings) {
        if (f.page != p.page.id)
            continue;
        ++m_byType[f.type];
        ++m_bySource[f.source];
        any = true;
    }
    m_wordsRewritten += static_cast<int>(p.redacted.size());
    if (p.hasImage)
        m_areasFilled += static_cast<int>(p.blackout.size());
    if (any)
        m_pages.emplace_back(p.slug, p.page.number);
}

void ExportRedaction::fill(QImage& grey, const BundlePage& p)
{
    if (p.blackout.empty() || grey.isNull())
        return;
    if (grey.format() != QImage::Format_Grayscale8)
        grey = grey.convertToFormat(QImage::Format_Grayscale8);
    // Boxes are page pixels; the image is the page's grid (renderForExport), scaled in case it is not.
    const double kx = p.page.widthPx > 0 ? static_cast<double>(grey.width()) / p.page.widthPx : 1.0;
    const double ky = p.page.heightPx > 0 ? static_cast<double>(grey.height()) / p.page.heightPx : 1.0;
    for (const PixelBox& b : p.blackout) {
        const int x0 = std::clamp(static_cast<int>(std::floor(b.x0 * kx)), 0, grey.width());
        const int x1 = std::clamp(static_cast<int>(std::ceil(b.x1 * kx)), 0, grey.width());
        const int y0 = std::clamp(static_cast<int>(std::floor(b.y0 * ky)), 0, grey.height());
        const int y1 = std::clamp(static_cast<int>(std::ceil(b.y1 * ky)), 0, grey.height());
        if (x1 <= x0)
            continue;
        for (int y = y0; y < y1; ++y)
            std::memset(grey.scanLine(y) + x0, 0, static_cast<std::size_t>(x1 - x0));
    }
}

std::map<QString, int> ExportRedaction::countsByType() const
{
    std::map<QString, int> counts;
    for (const auto& [type, n] : m_byType)
        counts[toString(type)] = n;
    return counts;
}

QByteArray ExportRedaction::report() const
{
    QJsonObject byType, bySource;
    int findings = 0;
    for (const auto& [type, n] : m_byType) {
        byType.insert(toString(type), n);
        findings += n;
    }
    for (const auto& [source, n] : m_bySource)
        bySource.insert(toString(source), n);
    QJsonArray pages;
    for (const auto& [slug, number] : m_pages)
        pages.append(QJsonObject{{QStringLiteral("document"), slug}, {QStringLiteral("page"), number}});
    const QJsonObject report{{QStringLiteral("schema"), QStringLiteral("incidoc.redaction-report/1")},
                             {QStringLiteral("findings"), findings},
                             {QStringLiteral("by_type"), byType},
                             {QStringLiteral("by_source"), bySource},
                             {QStringLiteral("pages_with_redactions"), static_cast<int>(m_pages.size())},
                             {QStringLiteral("pages"), pages},
                             {QStringLiteral("words_rewritten"), m_wordsRewritten},
                             {QStringLiteral("areas_filled"), m_areasFilled},
                             {QStringLiteral("checked"), true}};
    return QJsonDocument(report).toJson(QJsonDocument::Indented);
}

Status ExportRedaction::verifyArchive(const QString& path, int jobs, const CancelToken& cancel) const
{
    auto zip = ZipReader::open(path);
    if (!zip)
        return zip.error();
    const ZipReader& reader = **zip;
    std::mutex mutex;
    std::optional<Error> failure;
    std::atomic<bool> stop{false};
    auto fail = [&](Error e) {
        std::lock_guard lock(mutex);
        if (!failure)
            failure = std::move(e);
        stop = true;
    };
    auto leakIn = [&](const QString& text, const QString& entry, bool ocr) -> bool {
        const std::vector<Leak> leaks = m_matcher.find(text);
        if (leaks.empty())
            return false;
        const SensitiveValue& v = m_matcher.values().at(static_cast<std::size_t>(leaks.front().value));
        fail(makeError(ErrorCode::Engine,
                       QStringLiteral("redaction check failed: %1 holds %2%3")
                           .arg(entry, typeWithArticle(v.type), ocr ? QStringLiteral(" (OCR)") : QString())));
        return true;
    };
    // The images on the pool (Tesseract, an engine per thread), the texts meanwhile on this thread.
    EnginePool engines;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, jobs));
    const auto& entries = reader.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!isImageEntry(entries[i].name))
            continue;
        pool.start([&, i] {
            if (stop || cancel.isCancelled())
                return;
            const QString& name = entries[i].name;
            auto bytes = reader.read(i);
            if (!bytes) {
                fail(makeError(
                    ErrorCode::Io,
                    QStringLiteral("redaction check: cannot read %1 back: %2").arg(name, bytes.error().message)));
                return;
            }
            auto engine = engines.acquire(QString::fromLatin1(EnginePool::kTesseract), QStringLiteral("eng"));
            if (!engine) {
                fail(makeError(
                    ErrorCode::Engine,
                    QStringLiteral("redaction check: cannot start Tesseract: %1").arg(engine.error().message)));
                return;
            }
            auto text = readImageText(**engine, *bytes, name, cancel);
            if (!text) {
                if (!text.error().isCancelled())
                    fail(makeError(
                        ErrorCode::Engine,
                        QStringLiteral("redaction check: cannot read %1: %2").arg(name, text.error().message)));
                return;
            }
            leakIn(*text, name, true);
        });
    }
    for (std::size_t i = 0; i < entries.size() && !stop && !cancel.isCancelled(); ++i) {
        const QString& name = entries[i].name;
        if (isImageEntry(name))
            continue;
        auto bytes = reader.read(i);
        if (!bytes) {
            fail(
                makeError(ErrorCode::Io,
                          QStringLiteral("redaction check: cannot read %1 back: %2").arg(name, bytes.error().message)));
            break;
        }
        const QString text = QString::fromUtf8(*bytes);
        if (leakIn(text, name, false))
            break;
        if (isXmlEntry(name) && leakIn(xmlUnescaped(text), name, false))
            break;
    }
    pool.waitForDone();
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("export cancelled"));
    if (failure)
        return *failure;
    return okStatus();
}

} // namespace incidoc
