// readers_dump: for tuning two-reader OCR. Reads FUNSD-style forms (DIR/images/*.png) as the pipeline
// does (rescale to the engine's text size, Tesseract), re-reads every word with PP-OCR and prints one
// JSON line per word: form, box in the form's pixels, both readings with their confidences.
// A measurement tool, not a test. Usage: readers_dump DIR [threads] [limit]
#include "core/imaging/prepare.h"
#include "core/ocr/ppocr_engine.h"
#include "core/ocr/tesseract_engine.h"
#include "core/ocr/two_readers.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace incidoc;

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: readers_dump DIR [threads] [limit]\n");
        return 2;
    }
    QDir dir(QString::fromLocal8Bit(argv[1]) + QStringLiteral("/images"));
    QStringList files = dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    if (argc > 3)
        files = files.mid(0, std::atoi(argv[3]));
    std::atomic<int> next{0};
    std::mutex out;
    auto work = [&] {
        auto tesseract = TesseractEngine::create(QStringLiteral("eng"));
        PpocrOptions ppocrOptions;
        if (const QByteArray mx = qgetenv("MARGIN_X"); !mx.isEmpty())
            ppocrOptions.marginX = mx.toDouble();
        if (const QByteArray my = qgetenv("MARGIN_Y"); !my.isEmpty())
            ppocrOptions.marginY = my.toDouble();
        auto ppocr = PpocrEngine::create(ppocrModelDir(), ppocrOptions);
        if (!tesseract || !ppocr) {
            std::fprintf(stderr, "engine: %s\n",
                         qPrintable(!tesseract ? tesseract.error().message : ppocr.error().message));
            std::exit(1);
        }
        for (int i = next++; i < files.size(); i = next++) {
            const QImage grey = QImage(dir.filePath(files[i])).convertToFormat(QImage::Format_Grayscale8);
            const OcrInput input = prepareForOcr(grey);
            OcrOptions options;
            options.dpi = static_cast<int>(100 * input.scale);
            auto page = (*tesseract)->recognize(input.image, options, {});
            if (!page) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(files[i]), qPrintable(page.error().message));
                continue;
            }
            TwoReaderOptions twice;
            twice.spanLine = qgetenv("SPAN") == "1";
            twice.rereadBelow = 100.5f; // every word, to see both readings
            if (Status read = readTwice(*page, input.image, **ppocr, QStringLiteral("ppocr"), twice, {}); !read.ok()) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(files[i]), qPrintable(read.error().message));
                continue;
            }
            const PixelTransform back = input.fromPage().inverted();
            std::lock_guard guard(out);
            for (size_t k = 0; k < page->words.size(); ++k) {
                const auto& w = page->words[k];
                const PixelBox b = back.map(w.box);
                // Both readings, whichever was chosen.
                WordReading t{w.engine, w.text, w.confidence}, p = w.alternatives.at(0);
                if (w.engine != QLatin1String("tesseract"))
                    std::swap(t, p);
                QJsonObject o{{QStringLiteral("form"), QFileInfo(files[i]).completeBaseName()},
                              {QStringLiteral("box"), QJsonArray{b.x0, b.y0, b.x1, b.y1}},
                              {QStringLiteral("t"), t.text},
                              {QStringLiteral("tc"), t.confidence},
                              {QStringLiteral("p"), p.text},
                              {QStringLiteral("pc"), p.confidence},
                              {QStringLiteral("flagged"), w.flagged}};
                std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            }
            std::fflush(stdout);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work);
    for (auto& t : pool)
        t.join();
    return 0;
}
