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
#include <QXmlStreamReader>

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

/// The texts of a JSON value: every string and every key, a line each. Numbers (boxes, ids, confidences)
/// are left out: a short value's digits are found in any long enough run of coordinates.
void jsonTexts(const QJsonValue& v, QString& out)
{
    if (v.isString()) {
        out += v.toString();
        out += QLatin1Char('\n');
    } else if (v.isArray()) {
        for (const QJsonValue& x : v.toArray())
            jsonTexts(x, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out += it.key();
            out += QLatin1Char('\n');
            jsonTexts(it.value(), out);
        }
    }
}

/// The texts of an XML entry: its text nodes and the attribute values that hold letters (ALTO's CONTENT,
/// labels, names), not the geometry (coordinates, points, hOCR's bbox titles).
QString xmlTexts(const QString& xml)
{
    QXmlStreamReader reader(xml);
    QString out;
    static const QRegularExpression letter(QStringLiteral("\\p{L}"));
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isCharacters()) {
            out += reader.text();
        } else if (reader.isStartElement()) {
            out += QLatin1Char('\n');
            for (const QXmlStreamAttribute& a : reader.attributes()) {
                if (a.name() == QLatin1String("title") || !a.value().contains(letter))
                    continue;
                out += a.value();
                out += QLatin1Char('\n');
            }
        } else if (reader.isEndElement()) {
            out += QLatin1Char(' ');
        }
    }
    if (reader.hasError())
        return xml; // not well-formed: searched as it is
    return out;
}

/// The fields of a CSV entry that are not plain numbers, a line each.
QString csvTexts(const QString& csv)
{
    static const QRegularExpression number(QStringLiteral("^[-+]?[0-9]+(\\.[0-9]+)?$"));
    QString out, field;
    bool quoted = false;
    auto endField = [&] {
        if (!number.match(field).hasMatch())
            out += field + QLatin1Char('\n');
        field.clear();
    };
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',') || c == QLatin1Char('\n')) {
            endField();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    endField();
    return out;
}

/// What the check searches in a text entry: JSON's strings and keys, XML's texts, CSV's fields that are not
/// numbers, any other text whole.
QString searchedText(const QString& name, const QByteArray& bytes)
{
    const QString lower = name.toLower();
    if (lower.endsWith(QLatin1String(".json"))) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError) {
            QString out;
            jsonTexts(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), out);
            return out;
        }
    } else if (lower.endsWith(QLatin1String(".xml")) || lower.endsWith(QLatin1String(".hocr"))) {
        return xmlTexts(QString::fromUtf8(bytes));
    } else if (lower.endsWith(QLatin1String(".csv"))) {
        return csvTexts(QString::fromUtf8(bytes));
    }
    return QString::fromUtf8(bytes);
}

bool isImageEntry(const QString& name)
{
    const QString lower = name.toLower();
    return lower.endsWith(QLatin1String(".png")) || lower.endsWith(QLatin1String(".jpg"))
           || lower.endsWith(QLatin1String(".jpeg"));
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
    : m_plan(std::move(plan)), m_secret(std::move(secret)), m_pseudonyms(m_secret)
{
    // A pseudonym must not read like another original value (a fake surname that is someone's real one):
    // the check of the archive would rightly refuse it. So such a draw is made again.
    auto originals = std::make_shared<const LeakMatcher>(m_plan.values);
    m_pseudonyms.setFilter([originals](const QString& text) { return !originals->find(text).empty(); });
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
            // A shifted date may be another date of the project as it reads (two dates the shift apart).
            if (f.type == SensitiveType::Date || f.type == SensitiveType::DateOfBirth) {
                QStringList parts;
                for (const QString& t : *texts)
                    parts << t;
                m_shiftedDates.insert(valueKey(f.type, parts.join(QLatin1Char(' '))));
            }
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

int ExportRedaction::datesEqualToAShiftedDate() const
{
    return static_cast<int>(std::count_if(m_plan.values.begin(), m_plan.values.end(), [&](const SensitiveValue& v) {
        return (v.type == SensitiveType::Date || v.type == SensitiveType::DateOfBirth)
               && m_shiftedDates.contains(v.key);
    }));
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
                             {QStringLiteral("dates_equal_to_a_shifted_date"), datesEqualToAShiftedDate()},
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
    // Every value, except a date that is also what another date became: shifting keeps intervals, so a
    // date the shift away from another reads as that one's pseudonym (counted in the report).
    std::vector<SensitiveValue> values;
    for (const SensitiveValue& v : m_plan.values)
        if (!((v.type == SensitiveType::Date || v.type == SensitiveType::DateOfBirth)
              && m_shiftedDates.contains(v.key)))
            values.push_back(v);
    const LeakMatcher matcher(std::move(values));
    auto leakIn = [&](const QString& text, const QString& entry, bool ocr) -> bool {
        const std::vector<Leak> leaks = matcher.find(text);
        if (leaks.empty())
            return false;
        const SensitiveValue& v = matcher.values().at(static_cast<std::size_t>(leaks.front().value));
        if (qEnvironmentVariableIsSet("INCIDOC_DEBUG_LEAK"))
            qWarning("leak %s: '%s' at '%s'", qPrintable(entry), qPrintable(v.text),
                     qPrintable(text.mid(std::max<qsizetype>(0, leaks.front().at - 60), 160)));
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
        if (leakIn(searchedText(name, *bytes), name, false))
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
