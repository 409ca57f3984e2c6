#include "core/ocr/ppocr_engine.h"

#include "core/ocr/ppocr_layers.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>

namespace incidoc {

namespace {

constexpr int kRecHeight = 48;        // the recognizer's input height
constexpr int kRecStride = 8;         // input pixels per output time step
constexpr int kMaxBatch = 32;         // crops per forward pass
constexpr int kDetLimit = 1280;       // longest side of the detector's input
constexpr int kDetNetsKept = 3;       // detector networks kept (OpenCV 4.6 needs one per input size)
constexpr float kDetThreshold = 0.3f; // PaddleOCR's DB defaults
constexpr float kDetBoxThreshold = 0.6f;
constexpr double kDetUnclip = 1.5;
constexpr int kDetMinSide = 3;

QString modelFile(const QString& dir, const QString& name)
{
    return QDir(dir).filePath(name);
}

/// The MANIFEST's entries: "sha256  file" lines; "# …" lines are comments.
struct Manifest {
    std::vector<std::pair<QString, QByteArray>> files; // name, hex SHA-256
    std::vector<int> widths;                           // recognizer buckets, ascending
    QString version;
};

Result<Manifest> readManifest(const QString& dir)
{
    QFile file(modelFile(dir, QStringLiteral("MANIFEST")));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Engine,
                         QStringLiteral("PP-OCR models are not installed (no %1)").arg(file.fileName()));
    Manifest manifest;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.startsWith(QLatin1String("# version ")))
            manifest.version = line.mid(10);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int space = line.indexOf(QLatin1Char(' '));
        if (space != 64)
            return makeError(ErrorCode::Engine, QStringLiteral("PP-OCR model list %1 is damaged").arg(file.fileName()));
        const QString name = line.mid(space).trimmed();
        manifest.files.emplace_back(name, line.left(64).toLatin1());
        if (name.startsWith(QLatin1String("rec-")) && name.endsWith(QLatin1String(".onnx")))
            manifest.widths.push_back(name.mid(4, name.size() - 9).toInt());
    }
    std::sort(manifest.widths.begin(), manifest.widths.end());
    const auto has = [&](const QString& name) {
        return std::any_of(manifest.files.begin(), manifest.files.end(),
                           [&](const auto& f) { return f.first == name; });
    };
    if (!has(QStringLiteral("det.onnx")) || !has(QStringLiteral("keys.txt")) || manifest.widths.empty()
        || manifest.widths.front() <= 0)
        return makeError(ErrorCode::Engine, QStringLiteral("PP-OCR model list %1 is incomplete").arg(file.fileName()));
    return manifest;
}

/// A grey QImage as a cv::Mat sharing its pixels.
cv::Mat matOf(const QImage& grey)
{
    return cv::Mat(grey.height(), grey.width(), CV_8UC1, const_cast<uchar*>(grey.constBits()),
                   static_cast<size_t>(grey.bytesPerLine()));
}

/// One crop's reading: text, confidence, and for each character the time steps it spans.
struct LineReading {
    QString text;
    float confidence = 0.f;                 // 0-100
    std::vector<std::pair<int, int>> steps; // per character of `text` (QString index)
    std::vector<float> charConfidence;
    double pixelsPerStep = 0; // in the crop's own pixels
};

} // namespace

QString modelsDir()
{
    const QByteArray env = qgetenv("INCIDOC_MODELS_DIR");
    if (!env.isEmpty())
        return QDir::cleanPath(QString::fromLocal8Bit(env));
    const QString programDir =
        QCoreApplication::instance()
            ? QCoreApplication::applicationDirPath()
            : QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget().section(QLatin1Char('/'), 0, -2);
    return QDir::cleanPath(programDir + QStringLiteral("/../share/incidoc/models"));
}

QString ppocrModelDir()
{
    return QDir(modelsDir()).filePath(QStringLiteral("ppocr"));
}

namespace {

Status verifyUncached(const QString& dir)
{
    auto manifest = readManifest(dir);
    if (!manifest)
        return manifest.error();
    for (const auto& [name, sha] : manifest->files) {
        QFile file(modelFile(dir, name));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Engine, QStringLiteral("PP-OCR model file %1 is missing").arg(file.fileName()));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!hash.addData(&file))
            return makeError(ErrorCode::Engine,
                             QStringLiteral("PP-OCR model file %1 cannot be read").arg(file.fileName()));
        if (hash.result().toHex() != sha)
            return makeError(ErrorCode::Engine,
                             QStringLiteral("PP-OCR model file %1 is damaged (SHA-256 mismatch)").arg(file.fileName()));
    }
    return okStatus();
}

/// What the models' files look like now (name, size, modification time): a cached check is reused only
/// while this is unchanged.
QString filesSignature(const QString& dir)
{
    QString signature;
    for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        signature += QStringLiteral("%1:%2:%3;")
                         .arg(info.fileName())
                         .arg(info.size())
                         .arg(info.lastModified().toMSecsSinceEpoch());
    return signature;
}

} // namespace

Status verifyPpocrModels(const QString& dir)
{
    // Hashing the models (about 90 MB) takes a fraction of a second: done once per process and folder (every EnginePool
    // would otherwise redo it: the CLI's listing, each run's checks, each page host).
    static std::mutex mutex;
    static std::map<QString, std::pair<QString, Status>> checked;
    const QString signature = filesSignature(dir);
    {
        std::lock_guard guard(mutex);
        const auto it = checked.find(dir);
        if (it != checked.end() && it->second.first == signature)
            return it->second.second;
    }
    Status status = verifyUncached(dir);
    std::lock_guard guard(mutex);
    checked.insert_or_assign(dir, std::make_pair(signature, status));
    return status;
}

bool languagesNeedCjk(const QString& languages)
{
    for (const QString& language : languages.split(QLatin1Char('+')))
        if (language.startsWith(QLatin1String("chi")) || language.startsWith(QLatin1String("jpn"))
            || language.startsWith(QLatin1String("kor")))
            return true;
    return false;
}

namespace {

/// Latin script, digits, punctuation, general punctuation, currency and letter-like symbols.
bool isLatinEntry(const QString& entry)
{
    for (const QChar ch : entry) {
        const char16_t u = ch.unicode();
        const bool ok = (u >= 0x20 && u < 0x250) || (u >= 0x2000 && u < 0x2150);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

struct PpocrEngine::Impl {
    QString dir;
    PpocrOptions options;
    std::vector<char> allowed; // per recognizer class: may it be read (blank always)
    Manifest manifest;
    std::vector<QString> alphabet; // index 1..n of the recognizer's classes; 0 is the CTC blank
    std::map<int, cv::dnn::Net> recognizers;
    std::vector<std::pair<cv::Size, cv::dnn::Net>> detectors; // most recently used last

    /// Loads one of the folder's networks; `what` names it in the error.
    Result<cv::dnn::Net> load(const QString& name, const char* what) const
    {
        registerPpocrLayers();
        try {
            return cv::dnn::readNetFromONNX(modelFile(dir, name).toStdString());
        } catch (const cv::Exception& e) {
            return makeError(ErrorCode::Engine, QStringLiteral("PP-OCR %1 cannot be loaded: %2")
                                                    .arg(QLatin1String(what), QString::fromStdString(e.msg)));
        }
    }

    /// One forward pass; `what` names the network in the error.
    static Result<cv::Mat> forward(cv::dnn::Net& net, const cv::Mat& blob, const char* what)
    {
        try {
            net.setInput(blob);
            return net.forward();
        } catch (const cv::Exception& e) {
            return makeError(
                ErrorCode::Engine,
                QStringLiteral("PP-OCR %1 failed: %2").arg(QLatin1String(what), QString::fromStdString(e.msg)));
        }
    }

    Result<cv::dnn::Net*> recognizer(int width)
    {
        auto it = recognizers.find(width);
        if (it != recognizers.end())
            return &it->second;
        auto net = load(QStringLiteral("rec-%1.onnx").arg(width), "recognizer");
        if (!net)
            return net.error();
        return &recognizers.emplace(width, std::move(net).value()).first->second;
    }

    Result<cv::dnn::Net*> detector(cv::Size size)
    {
        for (auto it = detectors.begin(); it != detectors.end(); ++it) {
            if (it->first == size) {
                std::rotate(it, it + 1, detectors.end());
                return &detectors.back().second;
            }
        }
        auto net = load(QStringLiteral("det.onnx"), "detector");
        if (!net)
            return net.error();
        if (static_cast<int>(detectors.size()) >= kDetNetsKept)
            detectors.erase(detectors.begin());
        detectors.emplace_back(size, std::move(net).value());
        return &detectors.back().second;
    }

    int bucketFor(int width) const
    {
        for (int w : manifest.widths)
            if (width <= w)
                return w;
        return manifest.widths.back();
    }

    /// Reads crops of `image` (each already with its margin, inside the image); empty rects read "".
    Result<std::vector<LineReading>> read(const cv::Mat& image, const std::vector<cv::Rect>& crops,
                                          const CancelToken& cancel)
    {
        std::vector<LineReading> out(crops.size());
        // Width each crop takes at the recognizer's height, and its bucket.
        std::map<int, std::vector<size_t>> byBucket;
        std::vector<int> scaledWidth(crops.size(), 0);
        for (size_t i = 0; i < crops.size(); ++i) {
            const cv::Rect& r = crops[i];
            if (r.width < 2 || r.height < 2)
                continue;
            const double ratio = static_cast<double>(r.width) / r.height;
            const int width =
                std::clamp(static_cast<int>(std::ceil(kRecHeight * ratio)), kRecStride, manifest.widths.back());
            scaledWidth[i] = width;
            byBucket[bucketFor(width)].push_back(i);
        }
        for (auto& [bucket, members] : byBucket) {
            auto net = recognizer(bucket);
            if (!net)
                return net.error();
            for (size_t start = 0; start < members.size(); start += kMaxBatch) {
                if (cancel.isCancelled())
                    return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
                const size_t count = std::min<size_t>(kMaxBatch, members.size() - start);
                const int dims[] = {static_cast<int>(count), 3, kRecHeight, bucket};
                cv::Mat blob(4, dims, CV_32F, cv::Scalar(0));
                for (size_t b = 0; b < count; ++b) {
                    const size_t i = members[start + b];
                    cv::Mat resized;
                    cv::resize(image(crops[i]), resized, cv::Size(scaledWidth[i], kRecHeight), 0, 0, cv::INTER_LINEAR);
                    cv::Mat normalized;
                    resized.convertTo(normalized, CV_32F, 2.0 / 255.0, -1.0); // (x/255 - 0.5) / 0.5
                    for (int c = 0; c < 3; ++c) {
                        cv::Mat plane(kRecHeight, bucket, CV_32F, blob.ptr<float>(static_cast<int>(b), c));
                        normalized.copyTo(plane(cv::Rect(0, 0, scaledWidth[i], kRecHeight)));
                    }
                }
                auto forwarded = forward(**net, blob, "recognizer");
                if (!forwarded)
                    return forwarded.error();
                const cv::Mat& output = *forwarded;
                // [count, steps, classes]
                const int steps = output.size[1];
                const int classes = output.size[2];
                for (size_t b = 0; b < count; ++b) {
                    const size_t i = members[start + b];
                    LineReading& reading = out[i];
                    reading.pixelsPerStep = static_cast<double>(bucket) / steps * crops[i].width / scaledWidth[i];
                    const float* probs = output.ptr<float>(static_cast<int>(b));
                    int previous = 0;
                    double sum = 0;
                    for (int t = 0; t < steps; ++t) {
                        const float* row = probs + static_cast<ptrdiff_t>(t) * classes;
                        int best = 0;
                        for (int k = 1; k < classes; ++k)
                            if (row[k] > row[best]
                                && (k >= static_cast<int>(allowed.size()) || allowed[static_cast<size_t>(k)]))
                                best = k;
                        if (best != 0 && best == previous && !reading.steps.empty()) {
                            reading.steps.back().second = t; // the same character, still being read
                            reading.charConfidence.back() = std::max(reading.charConfidence.back(), row[best]);
                        } else if (best != 0 && best < static_cast<int>(alphabet.size())) {
                            const QString& ch = alphabet[static_cast<size_t>(best)];
                            reading.text += ch;
                            for (int k = 0; k < ch.size(); ++k)
                                reading.steps.emplace_back(t, t);
                            reading.charConfidence.push_back(row[best]);
                        }
                        previous = best;
                    }
                    // charConfidence is per alphabet entry; entries are one UTF-16 unit except rare
                    // surrogate pairs, which share their entry's confidence.
                    for (float c : reading.charConfidence)
                        sum += c;
                    reading.confidence = reading.charConfidence.empty()
                                             ? 0.f
                                             : static_cast<float>(100.0 * sum / reading.charConfidence.size());
                }
            }
        }
        return out;
    }
};

PpocrEngine::PpocrEngine(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PpocrEngine::~PpocrEngine() = default;

Result<std::unique_ptr<PpocrEngine>> PpocrEngine::create(const QString& modelDir, const PpocrOptions& options)
{
    auto manifest = readManifest(modelDir);
    if (!manifest)
        return manifest.error();
    QFile keys(modelFile(modelDir, QStringLiteral("keys.txt")));
    if (!keys.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Engine, QStringLiteral("PP-OCR model file %1 is missing").arg(keys.fileName()));
    auto impl = std::make_unique<Impl>();
    impl->dir = modelDir;
    impl->manifest = std::move(manifest).value();
    impl->alphabet.emplace_back(); // the CTC blank
    const QList<QByteArray> lines = keys.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.isEmpty())
            continue;
        impl->alphabet.push_back(QString::fromUtf8(line));
    }
    impl->alphabet.push_back(QStringLiteral(" ")); // PP-OCR's last class
    impl->options = options;
    impl->allowed.reserve(impl->alphabet.size());
    for (const QString& entry : impl->alphabet)
        impl->allowed.push_back(!options.latinOnly || isLatinEntry(entry) ? 1 : 0);
    impl->allowed[0] = 1;
    // One thread per engine: the pipeline runs one page per thread already.
    cv::setNumThreads(1);
    // Load the smallest recognizer now, so that a model OpenCV cannot read fails here, not mid-page.
    if (auto net = impl->recognizer(impl->manifest.widths.front()); !net)
        return net.error();
    return std::unique_ptr<PpocrEngine>(new PpocrEngine(std::move(impl)));
}

QString PpocrEngine::description() const
{
    return QStringLiteral("ppocr %1 (opencv %2)")
        .arg(m_impl->manifest.version.isEmpty() ? QStringLiteral("PP-OCRv4") : m_impl->manifest.version,
             QString::fromLatin1(CV_VERSION));
}

Result<std::vector<WordReading>> PpocrEngine::readWords(const QImage& grey, const std::vector<PixelBox>& boxes,
                                                        const CancelToken& cancel)
{
    const QImage image =
        grey.format() == QImage::Format_Grayscale8 ? grey : grey.convertToFormat(QImage::Format_Grayscale8);
    const cv::Mat mat = matOf(image);
    const cv::Rect bounds(0, 0, mat.cols, mat.rows);
    std::vector<cv::Rect> crops;
    crops.reserve(boxes.size());
    for (const PixelBox& box : boxes) {
        const int w = box.x1 - box.x0;
        const int h = box.y1 - box.y0;
        if (w <= 0 || h <= 0) {
            crops.emplace_back();
            continue;
        }
        // A margin like the one PP-OCR's detector leaves around text (its boxes are unclipped by 1.5).
        const int my = static_cast<int>(std::lround(m_impl->options.marginY * h));
        const int mx = static_cast<int>(std::lround(m_impl->options.marginX * h));
        crops.push_back(cv::Rect(box.x0 - mx, box.y0 - my, w + 2 * mx, h + 2 * my) & bounds);
    }
    auto read = m_impl->read(mat, crops, cancel);
    if (!read)
        return read.error();
    std::vector<WordReading> out;
    out.reserve(read->size());
    for (LineReading& line : *read)
        out.push_back(WordReading{QStringLiteral("ppocr"), line.text.trimmed(), line.confidence});
    return out;
}

namespace {

/// Tightens `box` to the dark pixels inside it (Otsu on the box); the box itself when it has none.
cv::Rect inkOf(const cv::Mat& grey, cv::Rect box)
{
    box &= cv::Rect(0, 0, grey.cols, grey.rows);
    if (box.width < 2 || box.height < 2)
        return box;
    cv::Mat binary;
    cv::threshold(grey(box), binary, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat points;
    cv::findNonZero(binary, points);
    if (points.empty())
        return box;
    cv::Rect ink = cv::boundingRect(points);
    ink.x += box.x;
    ink.y += box.y;
    return ink;
}

} // namespace

Result<RecognizedPage> PpocrEngine::recognize(const QImage& grey, const OcrOptions& options, const CancelToken& cancel)
{
    Q_UNUSED(options);
    RecognizedPage page;
    page.engine = description();
    if (grey.isNull() || grey.width() < 8 || grey.height() < 8)
        return page;
    const QImage image =
        grey.format() == QImage::Format_Grayscale8 ? grey : grey.convertToFormat(QImage::Format_Grayscale8);
    const cv::Mat mat = matOf(image);

    // 1. Detection: the page at most kDetLimit on its longest side, both sides multiples of 32.
    const double scale = std::min(1.0, static_cast<double>(kDetLimit) / std::max(mat.cols, mat.rows));
    const cv::Size size(std::max(32, static_cast<int>(std::lround(mat.cols * scale / 32.0)) * 32),
                        std::max(32, static_cast<int>(std::lround(mat.rows * scale / 32.0)) * 32));
    cv::Mat resized, bgr, input;
    cv::resize(mat, resized, size, 0, 0, cv::INTER_LINEAR);
    cv::cvtColor(resized, bgr, cv::COLOR_GRAY2BGR);
    bgr.convertTo(input, CV_32F, 1.0 / 255.0);
    cv::subtract(input, cv::Scalar(0.485, 0.456, 0.406), input);
    cv::divide(input, cv::Scalar(0.229, 0.224, 0.225), input);
    const cv::Mat blob = cv::dnn::blobFromImage(input);
    auto net = m_impl->detector(size);
    if (!net)
        return net.error();
    if (cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    auto output = Impl::forward(**net, blob, "detector");
    if (!output)
        return output.error();
    const cv::Mat probability(size.height, size.width, CV_32F, output->ptr<float>(0, 0));

    // 2. DB post-processing: regions over the threshold, scored by their mean probability, expanded
    // ("unclipped") by area × ratio / perimeter, mapped back to the page.
    cv::Mat mask = probability > kDetThreshold;
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    const double fx = static_cast<double>(mat.cols) / size.width;
    const double fy = static_cast<double>(mat.rows) / size.height;
    std::vector<cv::Rect> lines;
    for (const auto& contour : contours) {
        const cv::RotatedRect rect = cv::minAreaRect(contour);
        if (std::min(rect.size.width, rect.size.height) < kDetMinSide)
            continue;
        const cv::Rect around = cv::boundingRect(contour) & cv::Rect(0, 0, size.width, size.height);
        cv::Mat region = cv::Mat::zeros(around.size(), CV_8U);
        std::vector<std::vector<cv::Point>> shifted{contour};
        for (auto& p : shifted[0])
            p -= around.tl();
        cv::fillPoly(region, shifted, cv::Scalar(1));
        if (cv::mean(probability(around), region)[0] < kDetBoxThreshold)
            continue;
        const double area = rect.size.area();
        const double perimeter = 2.0 * (rect.size.width + rect.size.height);
        const double d = area * kDetUnclip / perimeter;
        cv::Rect2d box = rect.boundingRect2f();
        box.x -= d;
        box.y -= d;
        box.width += 2 * d;
        box.height += 2 * d;
        const cv::Rect onPage =
            cv::Rect(static_cast<int>(std::floor(box.x * fx)), static_cast<int>(std::floor(box.y * fy)),
                     static_cast<int>(std::ceil(box.width * fx)), static_cast<int>(std::ceil(box.height * fy)))
            & cv::Rect(0, 0, mat.cols, mat.rows);
        if (onPage.width >= 2 && onPage.height >= 2)
            lines.push_back(onPage);
    }
    // Reading order: top to bottom by line centre, left to right within a shared band.
    std::sort(lines.begin(), lines.end(), [](const cv::Rect& a, const cv::Rect& b) {
        const int ca = a.y + a.height / 2, cb = b.y + b.height / 2;
        if (std::abs(ca - cb) * 2 < std::min(a.height, b.height))
            return a.x < b.x;
        return ca < cb;
    });

    // 3. Recognition of every line, words split at the spaces read, boxes from the time steps.
    auto read = m_impl->read(mat, lines, cancel);
    if (!read)
        return read.error();
    for (size_t l = 0; l < lines.size(); ++l) {
        const LineReading& reading = (*read)[l];
        const cv::Rect& line = lines[l];
        const int lineIndex = static_cast<int>(page.lines.size());
        double lineConfidence = 0;
        int wordsInLine = 0;
        int i = 0;
        const int n = reading.text.size();
        while (i < n) {
            while (i < n && reading.text.at(i).isSpace())
                ++i;
            const int start = i;
            while (i < n && !reading.text.at(i).isSpace())
                ++i;
            if (start == i)
                break;
            RecognizedWord word;
            word.text = reading.text.mid(start, i - start);
            const int x0 =
                line.x
                + static_cast<int>(std::floor(reading.steps[static_cast<size_t>(start)].first * reading.pixelsPerStep));
            const int x1 = line.x
                           + static_cast<int>(std::ceil((reading.steps[static_cast<size_t>(i - 1)].second + 1)
                                                        * reading.pixelsPerStep));
            const cv::Rect span = cv::Rect(x0, line.y, std::max(1, x1 - x0), line.height) & line;
            const cv::Rect ink = inkOf(mat, span);
            word.box = PixelBox{ink.x, ink.y, ink.x + ink.width, ink.y + ink.height};
            double sum = 0;
            int count = 0;
            for (int k = start; k < i && k < static_cast<int>(reading.charConfidence.size()); ++k, ++count)
                sum += reading.charConfidence[static_cast<size_t>(k)];
            word.confidence = count > 0 ? static_cast<float>(100.0 * sum / count) : reading.confidence;
            word.block = 0;
            word.line = lineIndex;
            word.engine = QStringLiteral("ppocr");
            for (int k = start; k < i; ++k) {
                RecognizedChar ch;
                ch.text = reading.text.at(k);
                const int cx0 =
                    line.x
                    + static_cast<int>(std::floor(reading.steps[static_cast<size_t>(k)].first * reading.pixelsPerStep));
                const int cx1 = line.x
                                + static_cast<int>(std::ceil((reading.steps[static_cast<size_t>(k)].second + 1)
                                                             * reading.pixelsPerStep));
                ch.box = PixelBox{std::max(word.box.x0, cx0), word.box.y0,
                                  std::min(word.box.x1, std::max(cx0 + 1, cx1)), word.box.y1};
                if (ch.box.x1 <= ch.box.x0)
                    ch.box.x1 = ch.box.x0 + 1;
                ch.confidence = word.confidence;
                word.chars.push_back(std::move(ch));
            }
            lineConfidence += word.confidence;
            ++wordsInLine;
            page.words.push_back(std::move(word));
        }
        if (wordsInLine > 0)
            page.lines.push_back(TextRegion{PixelBox{line.x, line.y, line.x + line.width, line.y + line.height},
                                            static_cast<float>(lineConfidence / wordsInLine)});
    }
    if (!page.lines.empty()) {
        PixelBox all = page.lines.front().box;
        double sum = 0;
        for (const TextRegion& r : page.lines) {
            all.x0 = std::min(all.x0, r.box.x0);
            all.y0 = std::min(all.y0, r.box.y0);
            all.x1 = std::max(all.x1, r.box.x1);
            all.y1 = std::max(all.y1, r.box.y1);
            sum += r.confidence;
        }
        page.blocks.push_back(TextRegion{all, static_cast<float>(sum / page.lines.size())});
    }
    return page;
}

struct PpocrEngineFactory::State {
    QString dir;
    std::once_flag checked;
    Status verified = okStatus();
    QString version;

    /// Checks the models once (hashing them takes a fraction of a second).
    void check()
    {
        std::call_once(checked, [this] {
            verified = verifyPpocrModels(dir);
            if (auto manifest = readManifest(dir))
                version = manifest->version;
        });
    }
};

PpocrEngineFactory::PpocrEngineFactory(QString modelDir) : m(std::make_shared<State>())
{
    m->dir = std::move(modelDir);
}

PpocrEngineFactory::~PpocrEngineFactory() = default;

Result<std::unique_ptr<OcrEngine>> PpocrEngineFactory::create(const QString& languages) const
{
    m->check();
    if (!m->verified)
        return m->verified.error();
    PpocrOptions options;
    options.latinOnly = !languagesNeedCjk(languages);
    auto engine = PpocrEngine::create(m->dir, options);
    if (!engine)
        return engine.error();
    return std::unique_ptr<OcrEngine>(std::move(engine).value());
}

EngineInfo PpocrEngineFactory::info() const
{
    m->check();
    EngineInfo info;
    info.version = m->version.isEmpty() ? QStringLiteral("PP-OCRv4") : m->version;
    info.languages = {QStringLiteral("ch"), QStringLiteral("en")};
    info.available = m->verified.ok();
    if (!info.available)
        info.reason = m->verified.error().message;
    return info;
}

} // namespace incidoc
