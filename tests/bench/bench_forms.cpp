// The forms proposal benchmark (a measuring program, not pass/fail) on FUNSD forms (annotations with
// entities, labels and links):
//   bench_forms [--forms DIR] [--limit N] [--ocr-cache DIR]
// DIR holds images/*.png and annotations/*.json (default ../shared/funsd-train, 149 forms). The forms are
// taken sorted by name; the even-indexed ones (0, 2, ...) are the half the rules in core/forms/propose.cpp
// were tuned on, the odd-indexed ones were not looked at while tuning: every figure is printed for both
// halves and for all forms.
//  1. Links given the true entities (text, box, label; links removed): proposeLinks() against FUNSD's links,
//     each pair once, undirected: precision, recall, F1 for the question -> answer links (key -> value) and
//     for all links (header -> question too). Also with the labels removed (guessed).
//  2. Entities from words: proposeEntities() on Tesseract's words (the app's pipeline: prepareForOcr, grey,
//     dpi 100 x scale) with the page image; pairwise same-entity F1 over the OCR words matched one-to-one to
//     truth words (IoU >= 0.5, greedy by IoU). And on the truth words themselves (all of them, read right).
//     The OCR is cached per form under --ocr-cache (default /tmp/incidoc-bench-forms-ocr).
//  3. Keys to link a form (scripted annotator): without proposals 3 keys per link (select the key entity,
//     start a link, pick the value); with proposals 1 key per proposal (accept a right one, reject a wrong
//     one) plus 3 per link no proposal found.
//  4. Forms carried between forms that share a layout (FUNSD has some printed forms filled in several times):
//     every ordered pair of forms whose pages align, the truth form of one carried onto the truth words of the
//     other: pairwise same-entity F1 and question -> answer link F1 against the other's truth.
//  5. All of it from Tesseract's words: entities proposed, labels guessed, links proposed, against the truth
//     question -> answer links (a proposed entity stands for the truth entity most of its words belong to;
//     proposed links standing for one truth pair count once).
// Run with OMP_THREAD_LIMIT=1 (main re-executes itself with it); one Tesseract engine, one page at a time.
#include "core/forms/propose.h"
#include "core/imaging/prepare.h"
#include "core/ocr/tesseract_engine.h"
#include "core/util/openmp_guard.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "tests/bench/bench_support.h"
#include "tests/support/funsd_forms.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

/// Tesseract's words of one form, from the cache or read now (and cached).
std::vector<WordRecord> ocrWords(const FunsdForm& form, const QString& cacheDir, TesseractEngine* engine,
                                 bool& fromCache)
{
    std::vector<WordRecord> words;
    const QString cachePath = QDir(cacheDir).filePath(form.name + QStringLiteral(".json"));
    QFile cached(cachePath);
    fromCache = cached.open(QIODevice::ReadOnly);
    if (fromCache) {
        for (const QJsonValue& v : QJsonDocument::fromJson(cached.readAll()).array()) {
            const QJsonObject o = v.toObject();
            WordRecord w;
            w.id = static_cast<WordId>(words.size()) + 1;
            w.text = o.value(QStringLiteral("text")).toString();
            w.box = funsdBox(o.value(QStringLiteral("box")));
            w.block = o.value(QStringLiteral("block")).toInt();
            w.line = o.value(QStringLiteral("line")).toInt();
            w.order = static_cast<int>(words.size());
            words.push_back(w);
        }
        return words;
    }
    if (!engine)
        return words;
    const QImage grey = QImage(form.imagePath).convertToFormat(QImage::Format_Grayscale8);
    const OcrInput prepared = prepareForOcr(grey);
    OcrOptions options;
    options.dpi = static_cast<int>(std::lround(100 * prepared.scale)); // FUNSD scans are ~100 dpi, no pHYs
    auto page = engine->recognize(prepared.image, options, CancelToken());
    if (!page) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(form.name), qPrintable(page.error().message));
        return words;
    }
    const PixelTransform pageFromOcr = prepared.fromPage().inverted();
    QJsonArray out;
    for (const RecognizedWord& r : page->words) {
        WordRecord w;
        w.id = static_cast<WordId>(words.size()) + 1;
        w.text = r.text;
        w.box = pageFromOcr.map(r.box);
        w.block = r.block;
        w.line = r.line;
        w.order = static_cast<int>(words.size());
        words.push_back(w);
        out.append(QJsonObject{{QStringLiteral("text"), w.text},
                               {QStringLiteral("box"), QJsonArray{w.box.x0, w.box.y0, w.box.x1, w.box.y1}},
                               {QStringLiteral("block"), w.block},
                               {QStringLiteral("line"), w.line}});
    }
    QDir().mkpath(cacheDir);
    QFile save(cachePath);
    if (save.open(QIODevice::WriteOnly))
        save.write(QJsonDocument(out).toJson(QJsonDocument::Compact));
    return words;
}

/// For each OCR word, the entity of the truth word it matches (IoU >= 0.5, one-to-one, greedy by IoU), or -1.
std::vector<int> matchedTruthGroups(const std::vector<WordRecord>& ocr, const FunsdForm& form)
{
    std::vector<std::tuple<double, size_t, size_t>> pairs;
    for (size_t i = 0; i < ocr.size(); ++i)
        for (size_t j = 0; j < form.words.size(); ++j) {
            const double iou = ocr[i].box.iou(form.words[j].box);
            if (iou >= 0.5)
                pairs.emplace_back(iou, i, j);
        }
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
        if (std::get<0>(a) != std::get<0>(b))
            return std::get<0>(a) > std::get<0>(b);
        return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
    });
    std::vector<int> group(ocr.size(), -1);
    std::vector<bool> usedTruth(form.words.size());
    for (const auto& [iou, i, j] : pairs) {
        if (group[i] >= 0 || usedTruth[j])
            continue;
        usedTruth[j] = true;
        group[i] = form.wordEntity[j];
    }
    return group;
}

/// 4. Forms carried between FUNSD forms that share a layout (some forms are the same printed form filled in
/// differently): every ordered pair whose pages align (alignPages() valid, at least 10 anchors), the truth
/// form of one carried onto the truth words of the other, scored against the other's truth: pairwise
/// same-entity F1 over its words, and its question -> answer links (a carried entity stands for the truth
/// entity most of its words belong to).
void carryBetweenForms(const std::vector<FunsdForm>& forms)
{
    std::vector<std::set<QString>> texts(forms.size());
    for (size_t i = 0; i < forms.size(); ++i) {
        std::map<QString, int> count;
        for (const WordRecord& w : forms[i].words)
            ++count[w.text];
        for (const auto& [text, n] : count)
            if (n == 1 && text.size() >= 3)
                texts[i].insert(text);
    }
    PairScore grouping, links;
    int pairs = 0, forms2 = 0;
    std::vector<bool> involved(forms.size());
    for (size_t a = 0; a < forms.size(); ++a)
        for (size_t b = 0; b < forms.size(); ++b) {
            if (a == b)
                continue;
            int shared = 0;
            for (const QString& t : texts[a])
                shared += texts[b].count(t) ? 1 : 0;
            if (shared < 10)
                continue;
            const PageAlignment align = alignPages(forms[a].words, forms[b].words);
            if (!align.valid || align.anchors < 10)
                continue;
            ++pairs;
            involved[a] = involved[b] = true;
            const FunsdForm& to = forms[b];
            const PageForm carried = carryForm(forms[a].words, forms[a].form, to.words);
            std::map<WordId, size_t> wordIndex;
            for (size_t w = 0; w < to.words.size(); ++w)
                wordIndex[to.words[w].id] = w;
            std::vector<int> group(to.words.size(), -1);
            std::map<EntityId, int> truthOf; // carried entity id -> index of the truth entity it stands for
            for (size_t e = 0; e < carried.entities.size(); ++e) {
                std::map<int, int> votes;
                for (WordId id : carried.entities[e].words) {
                    const size_t w = wordIndex.at(id);
                    group[w] = static_cast<int>(e);
                    ++votes[to.wordEntity[w]];
                }
                int best = -1, most = 0;
                for (const auto& [entity, n] : votes)
                    if (n > most) {
                        best = entity;
                        most = n;
                    }
                truthOf[carried.entities[e].id] = best;
            }
            grouping += scoreGrouping(group, to.wordEntity);
            std::vector<ProposedLink> proposed;
            for (const LinkRecord& l : carried.links)
                proposed.push_back({truthOf.at(l.from), truthOf.at(l.to), l.type, 1.0});
            links += scoreLinks(to, proposed, true);
        }
    forms2 = static_cast<int>(std::count(involved.begin(), involved.end(), true));
    std::printf("4. carried between forms of one layout: %d ordered pairs aligned (%d forms); entities (pairwise) "
                "P %.3f R %.3f F1 %.3f; question->answer links P %.3f R %.3f F1 %.3f\n",
                pairs, forms2, grouping.precision(), grouping.recall(), grouping.f1(), links.precision(),
                links.recall(), links.f1());
}

struct Half {
    PairScore keyValue, all, guessedKeyValue, ocrGrouping, truthGrouping, ocrLinks;
    long long keysWithout = 0, keysWith = 0;
    std::vector<double> keysWithoutPerForm, keysWithPerForm;
    int forms = 0;
    long long labelled = 0, labelsRight = 0;
    long long ocrWords = 0, matchedWords = 0;

    void add(const Half& o)
    {
        keyValue += o.keyValue;
        all += o.all;
        guessedKeyValue += o.guessedKeyValue;
        ocrGrouping += o.ocrGrouping;
        truthGrouping += o.truthGrouping;
        ocrLinks += o.ocrLinks;
        keysWithout += o.keysWithout;
        keysWith += o.keysWith;
        keysWithoutPerForm.insert(keysWithoutPerForm.end(), o.keysWithoutPerForm.begin(), o.keysWithoutPerForm.end());
        keysWithPerForm.insert(keysWithPerForm.end(), o.keysWithPerForm.begin(), o.keysWithPerForm.end());
        forms += o.forms;
        labelled += o.labelled;
        labelsRight += o.labelsRight;
        ocrWords += o.ocrWords;
        matchedWords += o.matchedWords;
    }
};

void printRow(const char* name, const PairScore& even, const PairScore& odd, const PairScore& all)
{
    auto cell = [](const PairScore& s) { std::printf(" | %5.3f %5.3f %5.3f", s.precision(), s.recall(), s.f1()); };
    std::printf("%-44s", name);
    cell(even);
    cell(odd);
    cell(all);
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    QCoreApplication app(argc, argv);
    QString formsDir = QStringLiteral(INCIDOC_SOURCE_DIR "/../shared/funsd-train");
    QString cacheDir = QStringLiteral("/tmp/incidoc-bench-forms-ocr");
    int limit = -1;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--forms") && i + 1 < args.size())
            formsDir = args[++i];
        else if (args[i] == QLatin1String("--limit") && i + 1 < args.size())
            limit = args[++i].toInt();
        else if (args[i] == QLatin1String("--ocr-cache") && i + 1 < args.size())
            cacheDir = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_forms [--forms DIR] [--limit N] [--ocr-cache DIR]\n");
            return 2;
        }
    }
    QStringList names = funsdFormNames(formsDir);
    if (limit >= 0 && names.size() > limit)
        names = names.mid(0, limit);
    if (names.isEmpty()) {
        std::fprintf(stderr, "no annotations/*.json under %s\n", qPrintable(formsDir));
        return 1;
    }

    std::unique_ptr<TesseractEngine> engine;
    Half halves[2];
    std::vector<FunsdForm> forms;
    forms.reserve(static_cast<size_t>(names.size()));
    int ocrRead = 0;
    QElapsedTimer proposeTime;
    qint64 proposeMs = 0;
    std::vector<double> entityMs;
    for (int i = 0; i < names.size(); ++i) {
        forms.push_back(readFunsdForm(formsDir, names[i]));
        const FunsdForm& form = forms.back();
        Half& h = halves[i % 2];
        ++h.forms;

        // 1. Links given the true entities, their labels, no links.
        std::vector<EntityRecord> entities = form.form.entities;
        proposeTime.start();
        const std::vector<ProposedLink> links = proposeLinks(entities);
        proposeMs += proposeTime.elapsed();
        const PairScore kv = scoreLinks(form, links, true);
        h.keyValue += kv;
        h.all += scoreLinks(form, links, false);
        const std::vector<QString> guessed = guessLabels(entities);
        for (size_t e = 0; e < entities.size(); ++e) {
            ++h.labelled;
            h.labelsRight += guessed[e] == entities[e].label ? 1 : 0;
        }
        for (EntityRecord& e : entities)
            e.label.clear();
        h.guessedKeyValue += scoreLinks(form, proposeLinks(entities), true);

        // 3. Keys for the key -> value links of the form.
        const long long without = 3 * kv.truth;
        const long long with = kv.predicted + 3 * (kv.truth - kv.matched);
        h.keysWithout += without;
        h.keysWith += with;
        h.keysWithoutPerForm.push_back(static_cast<double>(without));
        h.keysWithPerForm.push_back(static_cast<double>(with));

        // 2. Entities from words: the truth words, then Tesseract's.
        const QImage image(form.imagePath);
        std::vector<int> truthGroups = form.wordEntity;
        h.truthGrouping += scoreGrouping(proposedGroups(form.words, image), truthGroups);
        bool cached = false;
        std::vector<WordRecord> words = ocrWords(form, cacheDir, engine.get(), cached);
        if (!cached && !engine) {
            auto created = TesseractEngine::create(QStringLiteral("eng"));
            if (!created) {
                std::fprintf(stderr, "tesseract: %s\n", qPrintable(created.error().message));
                return 1;
            }
            engine = std::move(*created);
            words = ocrWords(form, cacheDir, engine.get(), cached);
        }
        if (!cached) {
            ++ocrRead;
            std::fprintf(stderr, "OCR %d/%lld %s\n", i + 1, static_cast<long long>(names.size()),
                         qPrintable(form.name));
        }
        const std::vector<int> matched = matchedTruthGroups(words, form);
        h.ocrWords += static_cast<long long>(words.size());
        h.matchedWords += std::count_if(matched.begin(), matched.end(), [](int g) { return g >= 0; });
        proposeTime.start();
        const std::vector<int> groups = proposedGroups(words, image);
        entityMs.push_back(static_cast<double>(proposeTime.nsecsElapsed()) / 1e6);
        h.ocrGrouping += scoreGrouping(groups, matched);

        // 5. All of it from Tesseract's words: entities proposed, labels guessed, links proposed. A proposed
        // entity stands for the truth entity most of its matched words belong to.
        const std::vector<ProposedEntity> proposed = proposeEntities(words, image);
        std::vector<EntityRecord> records;
        std::vector<int> standsFor;
        for (const ProposedEntity& p : proposed) {
            EntityRecord r;
            r.text = p.text;
            r.box = p.box;
            records.push_back(r);
            std::map<int, int> votes;
            for (int w : p.words)
                if (matched[static_cast<size_t>(w)] >= 0)
                    ++votes[matched[static_cast<size_t>(w)]];
            int best = -1, most = 0;
            for (const auto& [entity, n] : votes)
                if (n > most) {
                    best = entity;
                    most = n;
                }
            standsFor.push_back(best);
        }
        std::vector<ProposedLink> endToEnd;
        for (const ProposedLink& l : proposeLinks(records))
            endToEnd.push_back(
                {standsFor[static_cast<size_t>(l.from)] >= 0 ? standsFor[static_cast<size_t>(l.from)] : -1,
                 standsFor[static_cast<size_t>(l.to)] >= 0 ? standsFor[static_cast<size_t>(l.to)] : -2, l.type,
                 l.score});
        h.ocrLinks += scoreLinks(form, endToEnd, true);
    }
    Half all;
    all.add(halves[0]);
    all.add(halves[1]);

    std::printf("bench_forms: %d FUNSD forms from %s (tuned on the %d even-indexed ones, %d odd-indexed held out)\n",
                all.forms, qPrintable(formsDir), halves[0].forms, halves[1].forms);
    if (ocrRead)
        std::printf("Tesseract read %d forms now (cached in %s)\n", ocrRead, qPrintable(cacheDir));
    std::printf("%-44s | %-17s | %-17s | %-17s\n", "", "tuned (even)", "held out (odd)", "all");
    std::printf("%-44s | %-17s | %-17s | %-17s\n", "figure", "  P     R     F1", "  P     R     F1",
                "  P     R     F1");
    printRow("1. links, true entities: question->answer", halves[0].keyValue, halves[1].keyValue, all.keyValue);
    printRow("   links, true entities: all FUNSD links", halves[0].all, halves[1].all, all.all);
    printRow("   question->answer, labels guessed", halves[0].guessedKeyValue, halves[1].guessedKeyValue,
             all.guessedKeyValue);
    std::printf("%-44s | %17.3f | %17.3f | %17.3f\n", "   labels guessed right (of true entities)",
                halves[0].labelled ? double(halves[0].labelsRight) / double(halves[0].labelled) : 0.0,
                halves[1].labelled ? double(halves[1].labelsRight) / double(halves[1].labelled) : 0.0,
                all.labelled ? double(all.labelsRight) / double(all.labelled) : 0.0);
    printRow("2. entities from Tesseract words (pairwise)", halves[0].ocrGrouping, halves[1].ocrGrouping,
             all.ocrGrouping);
    printRow("   entities from truth words (pairwise)", halves[0].truthGrouping, halves[1].truthGrouping,
             all.truthGrouping);
    std::printf("   Tesseract words matched to truth words: %lld of %lld\n", all.matchedWords, all.ocrWords);
    printRow("5. q->a links, all from Tesseract words", halves[0].ocrLinks, halves[1].ocrLinks, all.ocrLinks);
    std::printf("   (entities proposed, labels guessed, links proposed: nothing from the annotations)\n");
    std::printf("3. keys to link the question->answer links (without: 3 per link; with: 1 per proposal + 3 per "
                "missed link)\n");
    for (const auto& [name, h] : {std::pair<const char*, const Half*>{"tuned (even)", &halves[0]},
                                  {"held out (odd)", &halves[1]},
                                  {"all", &all}})
        std::printf("   %-15s without %6lld  with %6lld  (%.0f %% fewer); per form median %.0f -> %.0f\n", name,
                    h->keysWithout, h->keysWith,
                    h->keysWithout ? 100.0 * double(h->keysWithout - h->keysWith) / double(h->keysWithout) : 0.0,
                    bench::median(h->keysWithoutPerForm), bench::median(h->keysWithPerForm));
    carryBetweenForms(forms);
    std::printf("proposeLinks: %lld ms for all forms; proposeEntities (Tesseract words and the page image): %.1f ms "
                "per form (median)\n",
                static_cast<long long>(proposeMs), bench::median(entityMs));
    return 0;
}
