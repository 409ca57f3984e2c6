#include "core/ocr/tesseract_engine.h"

#include "core/ocr/ppocr_engine.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

namespace incidoc {

namespace {

// The path compiled into Debian's package.
constexpr QLatin1StringView kDebianTessdata{"/usr/share/tesseract-ocr/5/tessdata"};

// Where Tesseract itself looks when Init() gets no data path: $TESSDATA_PREFIX, else Debian's.
QString tessdataDir()
{
    const QByteArray env = qgetenv("TESSDATA_PREFIX");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return kDebianTessdata;
}

// Tesseract's strings are new[]-allocated; this frees them however we leave the scope.
struct TessText {
    char* p = nullptr;
    ~TessText() { delete[] p; }
    QString text() const { return p ? QString::fromUtf8(p) : QString(); }
};

PixelBox boxAt(const tesseract::PageIterator& it, tesseract::PageIteratorLevel level)
{
    int l = 0, t = 0, r = 0, b = 0;
    if (!it.BoundingBox(level, &l, &t, &r, &b))
        return {};
    return {l, t, r, b}; // Tesseract's right/bottom are exclusive, as ours are
}

// Serializes Init(): Tesseract shares a process-wide dictionary cache between instances; creating
// engines one at a time keeps its first fill simple and costs nothing per page.
std::mutex& initMutex()
{
    static std::mutex m;
    return m;
}

// What recognize() hands to Tesseract's cancel callback.
struct CancelContext {
    const CancelToken* token = nullptr;
};

bool cancelCallback(void* data, int /*words*/)
{
    const auto* ctx = static_cast<const CancelContext*>(data);
    return ctx && ctx->token && ctx->token->isCancelled();
}

} // namespace

struct TesseractEngine::Impl {
    tesseract::TessBaseAPI api;
    QString languages;
};

TesseractEngine::TesseractEngine(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

TesseractEngine::~TesseractEngine()
{
    if (m_impl)
        m_impl->api.End();
}

Result<std::unique_ptr<TesseractEngine>> TesseractEngine::create(const QString& languages)
{
    try {
        const QString langs = languages.trimmed().isEmpty() ? QStringLiteral("eng") : languages.trimmed();
        // Names only: no paths, no "..", so a language cannot point outside the data folder.
        static const QRegularExpression kLanguageName(QStringLiteral("^[A-Za-z0-9_-]+$"));
        const QString dir = tessdataDir();
        const QStringList parts = langs.split(QLatin1Char('+'));
        for (const QString& lang : parts) {
            if (!kLanguageName.match(lang).hasMatch())
                return makeError(
                    ErrorCode::Engine,
                    QStringLiteral("'%1' is not a Tesseract language name (e.g. eng, deu, eng+fra)").arg(lang));
            if (!QFileInfo::exists(QDir(dir).filePath(lang + QStringLiteral(".traineddata"))))
                return makeError(ErrorCode::Engine,
                                 QStringLiteral("Tesseract language data for '%1' is not installed "
                                                "(Debian package tesseract-ocr-%2)")
                                     .arg(lang, lang.toLower().replace(QLatin1Char('_'), QLatin1Char('-'))));
        }

        auto impl = std::make_unique<Impl>();
        impl->languages = langs;
        {
            std::lock_guard lock(initMutex());
            // Warnings ("Invalid resolution", "Empty page") go to the debug file, not our stderr.
            // debug_file is one of Tesseract's process-wide parameters, read by tprintf() on every
            // thread: it is written once, before the first engine exists, and never again (writing it
            // per engine raced with the other engines' threads; ThreadSanitizer caught it).
            static std::once_flag quiet;
            std::call_once(quiet, [&] { impl->api.SetVariable("debug_file", "/dev/null"); });
            const QByteArray l = langs.toUtf8();
            if (impl->api.Init(nullptr, l.constData(), tesseract::OEM_LSTM_ONLY) != 0)
                return makeError(
                    ErrorCode::Engine,
                    QStringLiteral("Tesseract could not load its language data for '%1' from %2").arg(langs, dir));
        }
        impl->api.SetPageSegMode(tesseract::PSM_AUTO);
        return std::unique_ptr<TesseractEngine>(new TesseractEngine(std::move(impl)));
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Engine, QStringLiteral("Tesseract failed to start: %1").arg(e.what()));
    } catch (...) {
        return makeError(ErrorCode::Engine, QStringLiteral("Tesseract failed to start"));
    }
}

namespace {
tesseract::PageSegMode pageSegMode(Segmentation s)
{
    switch (s) {
    case Segmentation::SingleBlock: return tesseract::PSM_SINGLE_BLOCK;
    case Segmentation::SparseText: return tesseract::PSM_SPARSE_TEXT;
    case Segmentation::Auto: break;
    }
    return tesseract::PSM_AUTO;
}
} // namespace

Result<RecognizedPage> TesseractEngine::recognize(const QImage& image, const OcrOptions& options,
                                                  const CancelToken& cancel)
{
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    if (image.isNull() || image.width() <= 0 || image.height() <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("empty image given to OCR"));

    tesseract::TessBaseAPI& api = m_impl->api;
    // Whatever happens below, the next page starts from a clean engine (Clear keeps the languages).
    struct ClearOnExit {
        tesseract::TessBaseAPI& api;
        ~ClearOnExit() { api.Clear(); }
    } clearOnExit{api};

    try {
        const QImage grey =
            image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
        if (grey.isNull())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("image could not be converted to grey"));

        api.SetPageSegMode(pageSegMode(options.segmentation));
        // A per-engine parameter (Tesseract's class member, not a process-wide one): set on every call.
        api.SetVariable("tessedit_do_invert", options.tryInverted ? "1" : "0");
        api.SetImage(grey.constBits(), grey.width(), grey.height(), 1, static_cast<int>(grey.bytesPerLine()));
        // Tesseract warns below 70 dpi and guesses nonsense above a few thousand.
        api.SetSourceResolution(std::clamp(options.dpi > 0 ? options.dpi : 300, 70, 2400));

        CancelContext ctx{&cancel};
        tesseract::ETEXT_DESC monitor;
        monitor.cancel = &cancelCallback;
        monitor.cancel_this = &ctx;
        if (options.deadlineMs > 0)
            monitor.set_deadline_msecs(options.deadlineMs);

        const int rc = api.Recognize(&monitor);
        // Tesseract checks cancel and deadline only between words (not during layout analysis) and
        // reports both as a failed Recognize; tell them apart from our own flags.
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        if (rc != 0 && monitor.deadline_exceeded())
            return makeError(ErrorCode::Timeout,
                             QStringLiteral("OCR took longer than %1 s").arg(options.deadlineMs / 1000.0));
        if (rc != 0)
            return makeError(ErrorCode::Engine, QStringLiteral("Tesseract could not recognize the page"));

        RecognizedPage page;
        page.engine = description();
        std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
        if (!it)
            return page; // nothing found (a blank page)

        bool newBlock = true, newLine = true;
        do {
            if (it->IsAtBeginningOf(tesseract::RIL_BLOCK))
                newBlock = true;
            if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE))
                newLine = true;
            TessText word{it->GetUTF8Text(tesseract::RIL_WORD)};
            const QString text = word.text().trimmed();
            if (text.isEmpty())
                continue;
            // Blocks and lines are recorded when their first real word appears, so every entry in
            // page.blocks / page.lines has words and the indices stay dense.
            if (newBlock) {
                page.blocks.push_back({boxAt(*it, tesseract::RIL_BLOCK), it->Confidence(tesseract::RIL_BLOCK)});
                newBlock = false;
                newLine = true;
            }
            if (newLine) {
                page.lines.push_back({boxAt(*it, tesseract::RIL_TEXTLINE), it->Confidence(tesseract::RIL_TEXTLINE)});
                newLine = false;
            }
            RecognizedWord w;
            w.text = text;
            w.box = boxAt(*it, tesseract::RIL_WORD);
            w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD), 0.f, 100.f);
            w.block = static_cast<int>(page.blocks.size()) - 1;
            w.line = static_cast<int>(page.lines.size()) - 1;

            // Characters: a separate iterator walks the symbols of this word only.
            tesseract::ResultIterator sym(*it);
            do {
                TessText ch{sym.GetUTF8Text(tesseract::RIL_SYMBOL)};
                const QString c = ch.text();
                if (!c.trimmed().isEmpty())
                    w.chars.push_back({c, boxAt(sym, tesseract::RIL_SYMBOL),
                                       std::clamp(sym.Confidence(tesseract::RIL_SYMBOL), 0.f, 100.f)});
            } while (!sym.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL)
                     && sym.Next(tesseract::RIL_SYMBOL));
            page.words.push_back(std::move(w));
        } while (it->Next(tesseract::RIL_WORD));
        return page;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Engine, QStringLiteral("Tesseract failed: %1").arg(e.what()));
    } catch (...) {
        return makeError(ErrorCode::Engine, QStringLiteral("Tesseract failed"));
    }
}

QString TesseractEngine::description() const
{
    // Models from another folder than Debian's (best_int, TESSDATA_PREFIX) are named by their folder.
    const QString dir = QDir::cleanPath(tessdataDir());
    if (dir != kDebianTessdata)
        return QStringLiteral("tesseract %1 (%2; %3)")
            .arg(tesseractVersion(), m_impl->languages, QFileInfo(dir).fileName());
    return QStringLiteral("tesseract %1 (%2)").arg(tesseractVersion(), m_impl->languages);
}

Result<QString> tesseractModelDir(const QString& model)
{
    if (model == QLatin1String("fast"))
        return QString();
    if (model != QLatin1String("best_int"))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("unknown Tesseract model %1 (fast or best_int)").arg(model));
    const QString dir = QDir(modelsDir()).filePath(QStringLiteral("tessdata-best-int"));
    if (!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("eng.traineddata"))))
        return makeError(ErrorCode::NotFound, QStringLiteral("the best_int model is not installed (%1 is missing)")
                                                  .arg(QDir(dir).filePath(QStringLiteral("eng.traineddata"))));
    return dir;
}

Result<std::unique_ptr<OcrEngine>> TesseractEngineFactory::create(const QString& languages) const
{
    auto engine = TesseractEngine::create(languages);
    if (!engine)
        return engine.error();
    return std::unique_ptr<OcrEngine>(std::move(engine).value());
}

EngineInfo TesseractEngineFactory::info() const
{
    EngineInfo info;
    info.name = QStringLiteral("tesseract");
    info.version = tesseractVersion();
    info.languages = tesseractLanguages();
    if (info.languages.isEmpty()) {
        info.available = false;
        info.reason = QStringLiteral("no Tesseract language data is installed (Debian package tesseract-ocr-eng)");
    }
    return info;
}

QString tesseractVersion()
{
    return QString::fromLatin1(tesseract::TessBaseAPI::Version());
}

QString leptonicaVersion()
{
    // "leptonica-1.82.0", allocated by Leptonica: freed with its own allocator.
    char* v = getLeptonicaVersion();
    QString s = v ? QString::fromLatin1(v) : QString();
    lept_free(v);
    if (s.startsWith(QStringLiteral("leptonica-")))
        s = s.mid(10);
    return s;
}

QStringList tesseractLanguages()
{
    QStringList langs;
    const QDir dir(tessdataDir());
    for (const QFileInfo& f : dir.entryInfoList({QStringLiteral("*.traineddata")}, QDir::Files, QDir::Name))
        langs << f.completeBaseName();
    return langs;
}

} // namespace incidoc
