// bench_ppocr_words: PP-OCR's recognizer on FUNSD's true word boxes — how many words it reads exactly
// and how long a word takes, one thread. The issue's reference figure ("given FUNSD's true word boxes,
// PP-OCRv4 reads 81 % of the words") is this measurement; the time is the cost of a second reading.
//
//   bench_ppocr_words FUNSD_DIR [forms] [rounds]
//
// FUNSD_DIR holds images/*.png and annotations/*.json (../shared/funsd-train). Prints forms, words,
// exact share, and the median over rounds of the milliseconds per word. INCIDOC_MODELS_DIR chooses the
// models (e.g. an older rewrite, to compare).
#include "core/ocr/ppocr_engine.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace incidoc;

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ppocr_words FUNSD_DIR [forms] [rounds]\n");
        return 2;
    }
    const QDir root(QString::fromLocal8Bit(argv[1]));
    QStringList forms = QDir(root.filePath(QStringLiteral("annotations")))
                            .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (argc > 2)
        forms = forms.mid(0, std::atoi(argv[2]));
    const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    auto engine = PpocrEngine::create(ppocrModelDir());
    if (!engine) {
        std::fprintf(stderr, "ppocr: %s\n", qPrintable(engine.error().message));
        return 1;
    }
    struct Form {
        QImage image;
        std::vector<PixelBox> boxes;
        QStringList truth;
    };
    std::vector<Form> loaded;
    for (const QString& name : forms) {
        QFile file(root.filePath(QStringLiteral("annotations/") + name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Form form;
        form.image = QImage(root.filePath(QStringLiteral("images/") + QFileInfo(name).completeBaseName()
                                          + QStringLiteral(".png")))
                         .convertToFormat(QImage::Format_Grayscale8);
        for (const QJsonValue entity :
             QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("form")).toArray())
            for (const QJsonValue word : entity.toObject().value(QStringLiteral("words")).toArray()) {
                const QJsonArray b = word.toObject().value(QStringLiteral("box")).toArray();
                const QString text = word.toObject().value(QStringLiteral("text")).toString().trimmed();
                if (b.size() != 4 || text.isEmpty())
                    continue;
                form.boxes.push_back(PixelBox{b[0].toInt(), b[1].toInt(), b[2].toInt(), b[3].toInt()});
                form.truth << text;
            }
        if (!form.image.isNull())
            loaded.push_back(std::move(form));
    }
    long words = 0, exact = 0;
    std::vector<double> perWord;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        long roundWords = 0, roundExact = 0;
        for (const Form& form : loaded) {
            auto read = (*engine)->readWords(form.image, form.boxes, {});
            if (!read) {
                std::fprintf(stderr, "ppocr: %s\n", qPrintable(read.error().message));
                return 1;
            }
            for (size_t i = 0; i < read->size(); ++i)
                roundExact += (*read)[i].text == form.truth[static_cast<qsizetype>(i)];
            roundWords += static_cast<long>(read->size());
        }
        perWord.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6 / std::max(1L, roundWords));
        words = roundWords;
        exact = roundExact;
    }
    std::sort(perWord.begin(), perWord.end());
    std::printf("forms %zu, words %ld, read exactly %.1f %%, %.2f ms per word (median of %d rounds; %s)\n",
                loaded.size(), words, 100.0 * exact / std::max(1L, words), perWord[perWord.size() / 2], rounds,
                qPrintable((*engine)->description()));
    return 0;
}
