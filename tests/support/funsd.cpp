#include "tests/support/funsd.h"

#include "core/imaging/prepare.h"
#include "core/ocr/tesseract_engine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>
#include <tuple>

namespace incidoc::test {

std::vector<FunsdPage> loadFunsdPages(const QString& dataDir)
{
    std::vector<FunsdPage> pages;
    const QDir annotations(QDir(dataDir).filePath(QStringLiteral("annotations")));
    const QStringList files = annotations.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        QFile f(annotations.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "funsd: cannot read %s\n", qPrintable(f.fileName()));
            continue;
        }
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        if (!doc.isObject()) {
            std::fprintf(stderr, "funsd: %s: %s\n", qPrintable(file), qPrintable(err.errorString()));
            continue;
        }
        FunsdPage page;
        page.name = QFileInfo(file).completeBaseName();
        page.imagePath = QDir(dataDir).filePath(QStringLiteral("images/%1.png").arg(page.name));
        for (const QJsonValue& entity : doc.object().value(QStringLiteral("form")).toArray()) {
            for (const QJsonValue& wv : entity.toObject().value(QStringLiteral("words")).toArray()) {
                const QJsonObject w = wv.toObject();
                const QString text = w.value(QStringLiteral("text")).toString();
                const QJsonArray box = w.value(QStringLiteral("box")).toArray();
                if (text.trimmed().isEmpty() || box.size() != 4)
                    continue;
                page.words.push_back({text, {box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt()}});
            }
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

WordScore scoreWords(const std::vector<FunsdWord>& predicted, const std::vector<FunsdWord>& truth, double minIou)
{
    WordScore score;
    score.truth = static_cast<int>(truth.size());
    std::vector<std::tuple<double, int, int>> pairs; // IoU, predicted index, truth index
    for (int i = 0; i < static_cast<int>(predicted.size()); ++i) {
        if (predicted[i].text.isEmpty())
            continue;
        ++score.predicted;
        for (int j = 0; j < static_cast<int>(truth.size()); ++j) {
            if (predicted[i].text != truth[j].text)
                continue;
            const double iou = predicted[i].box.iou(truth[j].box);
            if (iou >= minIou)
                pairs.emplace_back(iou, i, j);
        }
    }
    // Highest overlap first; ties by index so the result does not depend on the sort's stability.
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
        if (std::get<0>(a) != std::get<0>(b))
            return std::get<0>(a) > std::get<0>(b);
        return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
    });
    std::vector<bool> usedP(predicted.size()), usedT(truth.size());
    for (const auto& [iou, i, j] : pairs) {
        if (usedP[i] || usedT[j])
            continue;
        usedP[i] = usedT[j] = true;
        ++score.matched;
    }
    return score;
}

std::vector<FunsdPageRun> runFunsd(const std::vector<FunsdPage>& pages, const FunsdPipeline& pipeline, int threads)
{
    std::vector<FunsdPageRun> runs(pages.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        auto engine = TesseractEngine::create(QStringLiteral("eng"));
        for (size_t i = next++; i < pages.size(); i = next++) {
            FunsdPageRun& run = runs[i];
            run.name = pages[i].name;
            if (!engine) {
                run.error = engine.error().message;
                continue;
            }
            const QImage grey = QImage(pages[i].imagePath).convertToFormat(QImage::Format_Grayscale8);
            if (grey.isNull()) {
                run.error = QStringLiteral("cannot read %1").arg(pages[i].imagePath);
                continue;
            }
            OcrInput prepared = prepareForOcr(grey, pipeline.targetCapHeightPx);
            run.capHeightPx = prepared.capHeightPx.value_or(0.0);
            if (!pipeline.rescale)
                prepared = OcrInput{grey, 1.0, prepared.capHeightPx};
            run.scale = prepared.scale;
            QImage input = prepared.image;
            if (pipeline.binarize != BinarizeMethod::None) {
                BinarizeOptions options{pipeline.binarize};
                options.blockSize = pipeline.blockSize;
                input = binarize(input, options);
            }
            // FUNSD's PNGs carry no pHYs chunk (QImage would report its 96 dpi default).
            OcrOptions options;
            options.dpi = static_cast<int>(std::lround(pipeline.assumedDpi * run.scale));
            auto page = (*engine)->recognize(input, options, CancelToken());
            if (!page) {
                run.error = page.error().message;
                continue;
            }
            const PixelTransform pageFromOcr = prepared.fromPage().inverted();
            std::vector<FunsdWord> predicted;
            for (const RecognizedWord& w : page->words)
                predicted.push_back({w.text, pageFromOcr.map(w.box)});
            run.score = scoreWords(predicted, pages[i].words);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < std::max(1, threads); ++t)
        pool.emplace_back(worker);
    for (auto& t : pool)
        t.join();
    return runs;
}

} // namespace incidoc::test
