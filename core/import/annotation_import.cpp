#include "core/import/annotation_import.h"

#include "core/model/forms.h"
#include "core/storage/project_store.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <map>
#include <tuple>

namespace incidoc {

namespace {

// The unions of the words' boxes per line and per block, indexed like RecognizedWord::line and ::block.
void fillRegions(RecognizedPage& page)
{
    for (const RecognizedWord& w : page.words) {
        if (w.line >= int(page.lines.size()))
            page.lines.resize(size_t(w.line) + 1);
        if (w.block >= int(page.blocks.size()))
            page.blocks.resize(size_t(w.block) + 1);
        page.lines[size_t(w.line)].box = page.lines[size_t(w.line)].box.united(w.box);
        page.blocks[size_t(w.block)].box = page.blocks[size_t(w.block)].box.united(w.box);
    }
}

using WordKey = std::tuple<int, int, int, int, QString>;

WordKey keyOf(const PixelBox& b, const QString& text)
{
    return {b.x0, b.y0, b.x1, b.y1, text};
}

} // namespace

QString importSource(const QString& format)
{
    return QStringLiteral("import:") + format;
}

Result<AnnotationImport> applyAnnotations(ProjectStore& store, PageId pageId, const ImportedPage& imported)
{
    const auto page = store.page(pageId);
    if (!page)
        return page.error();
    const QString source = importSource(imported.format);
    AnnotationImport out;
    out.format = imported.format;

    // 1. The words, as a recognizer's outcome (one transaction).
    PageOutcome outcome;
    outcome.pageId = pageId;
    outcome.status = PageStatus::Done;
    outcome.kind = page->kind;
    outcome.widthPx = page->widthPx > 0 ? page->widthPx : imported.width;
    outcome.heightPx = page->heightPx > 0 ? page->heightPx : imported.height;
    outcome.dpi = page->dpi;
    outcome.rotation = page->rotation;
    outcome.engine = source;
    outcome.source = WordSource::Ocr;
    outcome.result.engine = source;
    for (const ImportedWord& w : imported.words) {
        RecognizedWord r;
        r.text = w.text;
        r.box = w.box;
        r.confidence = static_cast<float>(w.confidence.value_or(100.0));
        r.block = w.block;
        r.line = w.line;
        r.engine = source;
        outcome.result.words.push_back(std::move(r));
    }
    fillRegions(outcome.result);
    if (const Status s = store.storeOutcomes({outcome}); !s)
        return s.error();

    // 2. Which stored word each imported word became: the imported word itself, or the word a person
    // edited or drew that the store kept in its place.
    const auto stored = store.words(pageId);
    if (!stored)
        return stored.error();
    std::map<WordKey, std::vector<WordId>> byKey;
    std::vector<const WordRecord*> kept;
    for (const WordRecord& w : *stored) {
        if (w.engine == source && w.source != WordSource::User && !w.edited)
            byKey[keyOf(w.box, w.text)].push_back(w.id);
        else
            kept.push_back(&w);
    }
    out.words = 0;
    std::vector<std::optional<WordId>> wordIds(imported.words.size());
    int standIns = 0;
    for (size_t i = 0; i < imported.words.size(); ++i) {
        const ImportedWord& w = imported.words[i];
        auto it = byKey.find(keyOf(w.box, w.text));
        if (it != byKey.end() && !it->second.empty()) {
            wordIds[i] = it->second.front();
            it->second.erase(it->second.begin());
            ++out.words;
            continue;
        }
        const WordRecord* best = nullptr;
        double bestIou = 0.5;
        for (const WordRecord* k : kept)
            if (const double iou = k->box.iou(w.box); iou >= bestIou) {
                best = k;
                bestIou = iou;
            }
        if (best) {
            wordIds[i] = best->id;
            ++standIns;
        }
    }
    if (standIns > 0)
        out.notes << QStringLiteral("%1 imported words lay under words a person had edited or drawn; those words "
                                    "stand in for them")
                         .arg(standIns);

    // 3. The entities and links, as one form (one edit group).
    PageForm form;
    QHash<QString, int> entityIndex;
    QSet<WordId> claimed;
    for (const ImportedEntity& e : imported.entities) {
        EntityRecord r;
        r.pageId = pageId;
        r.label = e.label;
        r.source = source;
        r.proposed = imported.predicted;
        r.externalId = e.id;
        r.storedText = e.text;
        for (int w : e.words) {
            const std::optional<WordId> id = wordIds.at(size_t(w));
            if (id && !claimed.contains(*id)) {
                claimed.insert(*id);
                r.words.push_back(*id);
            }
        }
        if (r.words.size() < e.words.size())
            out.notes << QStringLiteral("entity %1 keeps %2 of its %3 words (the others lie under another "
                                        "entity's or a person's words)")
                             .arg(e.id)
                             .arg(r.words.size())
                             .arg(e.words.size());
        if (r.words.empty())
            continue;
        if (!r.storedText && r.words.size() < e.words.size()) {
            // The entity's text as the file has it, though some of its words went.
            QStringList texts;
            for (int w : e.words)
                texts << imported.words.at(size_t(w)).text;
            r.storedText = texts.join(QLatin1Char(' '));
        }
        entityIndex.insert(e.id, int(form.entities.size()));
        form.entities.push_back(std::move(r));
    }
    for (const ImportedLink& l : imported.links) {
        if (l.from == l.to) {
            out.notes << QStringLiteral("the link from entity %1 to itself is left out (a project links two "
                                        "entities)")
                             .arg(l.from);
            continue;
        }
        if (!entityIndex.contains(l.from) || !entityIndex.contains(l.to)) {
            out.notes << QStringLiteral("the link from %1 to %2 is left out: one of them has no words left")
                             .arg(l.from, l.to);
            continue;
        }
        LinkRecord r;
        r.pageId = pageId;
        r.from = entityIndex.value(l.from);
        r.to = entityIndex.value(l.to);
        r.type = l.type.isEmpty() ? defaultLinkType() : l.type;
        r.source = source;
        r.proposed = imported.predicted;
        form.links.push_back(r);
    }
    if (!form.entities.empty()) {
        const auto ids = store.addForm(pageId, form);
        if (!ids)
            return makeError(ids.error().code, QStringLiteral("the words were imported but not the entities and "
                                                              "links: %1")
                                                   .arg(ids.error().message));
    }
    out.entities = int(form.entities.size());
    out.links = int(form.links.size());
    return out;
}

Result<AnnotationImport> importAnnotations(ProjectStore& store, PageId pageId, const QString& imagePath,
                                           const QString& annotationsDir)
{
    const QString file = annotationFileFor(imagePath, annotationsDir);
    if (file.isEmpty())
        return AnnotationImport{};
    const auto page = store.page(pageId);
    if (!page)
        return page.error();
    AnnotationReadOptions options;
    if (page->widthPx > 0 && page->heightPx > 0)
        options.imageSize = QSize(page->widthPx, page->heightPx);
    options.dpi = page->dpi;
    options.imageName = QFileInfo(imagePath).fileName();
    const auto imported = readAnnotations(file, options);
    if (!imported)
        return makeError(imported.error().code,
                         QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), imported.error().message));
    auto applied = applyAnnotations(store, pageId, *imported);
    if (!applied)
        return makeError(applied.error().code,
                         QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), applied.error().message));
    applied->file = file;
    return applied;
}

} // namespace incidoc
