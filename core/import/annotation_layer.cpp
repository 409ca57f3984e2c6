#include "core/import/annotation_layer.h"

#include "core/forms/annotation_read.h"
#include "core/storage/project_store.h"

#include <QFileInfo>

#include <map>

namespace incidoc {

QString annotationSource(const QString& format)
{
    return QStringLiteral("import:") + format;
}

AnnotationImport applyAnnotationFile(ProjectStore& store, DocumentId document, const QString& annotationPath)
{
    AnnotationImport out;
    out.document = document;
    out.annotationPath = annotationPath;
    auto doc = store.document(document);
    if (!doc) {
        out.error = doc.error().message;
        return out;
    }
    out.imagePath = doc->path;
    if (doc->kind != DocumentKind::Image) {
        out.error = QStringLiteral("annotations are matched to images; %1 is not one").arg(doc->name);
        return out;
    }
    auto pages = store.pages(document);
    if (!pages || pages->empty()) {
        out.error = pages ? QStringLiteral("the image has no page") : pages.error().message;
        return out;
    }
    const PageRecord& page = pages->front();
    AnnotationReadOptions options;
    if (page.widthPx > 0 && page.heightPx > 0)
        options.imageSize = QSize(page.widthPx, page.heightPx);
    options.dpi = page.dpi;
    options.imageName = QFileInfo(doc->path).fileName();
    auto read = readAnnotations(annotationPath, options);
    if (!read) {
        out.error = read.error().message;
        return out;
    }
    const ImportedPage& imported = *read;

    std::vector<RecognizedWord> words;
    words.reserve(imported.words.size());
    for (const ImportedWord& iw : imported.words) {
        RecognizedWord w;
        w.text = iw.text;
        w.box = iw.box;
        w.block = iw.block;
        w.line = iw.line;
        w.confidence = iw.confidence ? static_cast<float>(*iw.confidence) : -1.f; // -1: the file gave none
        words.push_back(w);
    }
    PageForm form;
    std::map<QString, long long> index;
    for (const ImportedEntity& ie : imported.entities) {
        EntityRecord e;
        e.label = ie.label.toLower();
        for (int w : ie.words)
            e.words.push_back(w);
        e.externalId = ie.id;
        e.storedText = ie.text;
        index[ie.id] = static_cast<long long>(form.entities.size());
        form.entities.push_back(e);
    }
    for (const ImportedLink& il : imported.links) {
        const auto from = index.find(il.from), to = index.find(il.to);
        if (from == index.end() || to == index.end()) {
            out.error = QStringLiteral("a link names an entity the file does not have");
            return out;
        }
        LinkRecord l;
        l.from = from->second;
        l.to = to->second;
        l.type = il.type.isEmpty() ? defaultLinkType() : il.type;
        form.links.push_back(l);
    }
    const Status stored = store.storeImportedPage(page.id, words, form, annotationSource(imported.format));
    if (!stored) {
        out.error = stored.error().message;
        return out;
    }
    out.applied = true;
    out.format = imported.format;
    out.words = static_cast<int>(words.size());
    out.entities = static_cast<int>(form.entities.size());
    out.links = static_cast<int>(form.links.size());
    return out;
}

std::vector<AnnotationImport> applyAnnotations(ProjectStore& store,
                                               const std::vector<std::pair<DocumentId, QString>>& documents,
                                               const QString& annotationsDir)
{
    std::vector<AnnotationImport> out;
    for (const auto& [id, path] : documents) {
        auto doc = store.document(id);
        if (!doc || doc->kind != DocumentKind::Image)
            continue;
        const QString file = annotationFileFor(path, annotationsDir);
        if (file.isEmpty())
            continue;
        out.push_back(applyAnnotationFile(store, id, file));
    }
    return out;
}

} // namespace incidoc
