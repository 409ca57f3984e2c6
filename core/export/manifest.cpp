#include "core/export/manifest_p.h"
#include "core/ocr/tesseract_engine.h"
#include "core/render/page_renderer.h"
#include "core/util/version.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace incidoc {
namespace {

QString binarizationName(const BinarizeOptions& b)
{
    switch (b.method) {
    case BinarizeMethod::AdaptiveGaussian: return QStringLiteral("adaptive-gaussian %1 %2").arg(b.blockSize).arg(b.c);
    case BinarizeMethod::Sauvola: return QStringLiteral("sauvola %1 %2").arg(b.blockSize).arg(b.sauvolaK);
    case BinarizeMethod::Otsu: return QStringLiteral("otsu");
    case BinarizeMethod::None: return QStringLiteral("none");
    }
    return {};
}

QString imagesName(ExportImages i)
{
    switch (i) {
    case ExportImages::Binarized: return QStringLiteral("binarized");
    case ExportImages::Original: return QStringLiteral("original");
    case ExportImages::None: return QStringLiteral("none");
    }
    return {};
}

/// "poppler 22.12.0" -> "22.12.0"
QString bareVersion(const QString& v)
{
    const int space = v.lastIndexOf(QLatin1Char(' '));
    return space >= 0 ? v.mid(space + 1) : v;
}

/// The DPI most pages have, the OCR languages and the engines that processed the pages.
struct PageSettings {
    int dpi = 0;
    QStringList languages, engines;
};

PageSettings pageSettings(const std::vector<SnapshotPage>& pages)
{
    QMap<int, int> dpis;
    QSet<QString> langSet;
    QSet<QString> enginesUsed;
    for (const auto& r : pages) {
        if (r.page.dpi > 0)
            ++dpis[r.page.dpi];
        if (!r.page.engine.isEmpty())
            enginesUsed.insert(r.page.engine);
        // "tesseract 5.3.0 (eng+fra)"
        const int open = r.page.engine.lastIndexOf(QLatin1Char('(')),
                  close = r.page.engine.lastIndexOf(QLatin1Char(')'));
        if (open >= 0 && close > open)
            for (const QString& l :
                 r.page.engine.mid(open + 1, close - open - 1).split(QLatin1Char('+'), Qt::SkipEmptyParts))
                langSet.insert(l);
    }
    int dpi = 0, dpiCount = -1;
    for (auto it = dpis.begin(); it != dpis.end(); ++it)
        if (it.value() > dpiCount) {
            dpi = it.key();
            dpiCount = it.value();
        }
    QStringList langs(langSet.begin(), langSet.end());
    langs.sort();
    QStringList engineList(enginesUsed.begin(), enginesUsed.end());
    engineList.sort();
    return {dpi, langs, engineList};
}

} // namespace

QJsonArray manifestDocuments(const ExportSnapshot& snapshot)
{
    const auto& docs = snapshot.documents();
    const auto& slugs = snapshot.slugs();
    const auto& pagesPerDoc = snapshot.pagesPerDocument();
    QJsonArray documents;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (pagesPerDoc[i] == 0)
            continue;
        documents.append(QJsonObject{
            {QStringLiteral("id"), docs[i].id},
            {QStringLiteral("slug"), slugs[i]},
            {QStringLiteral("name"), docs[i].name},
            {QStringLiteral("source_path"), docs[i].path},
            {QStringLiteral("sha256"), docs[i].sha256},
            {QStringLiteral("pages"), pagesPerDoc[i]},
            {QStringLiteral("type"), docs[i].type.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(docs[i].type)},
            {QStringLiteral("type_source"), docs[i].typeSource == TypeSource::None
                                                ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(toString(docs[i].typeSource))},
            {QStringLiteral("type_confidence"), docs[i].typeSource == TypeSource::Predicted && docs[i].typeConfidence
                                                    ? QJsonValue(*docs[i].typeConfidence)
                                                    : QJsonValue(QJsonValue::Null)}});
    }
    return documents;
}

QByteArray bundleManifest(const ExportOptions& o, const QString& created, const QString& projectPath,
                          const std::vector<SnapshotPage>& pages, const QJsonArray& documents,
                          const QJsonArray& entries)
{
    const PageSettings settings = pageSettings(pages);
    QJsonArray documentIds;
    for (DocumentId id : o.documents)
        documentIds.append(id);
    const QJsonObject manifest{
        {QStringLiteral("schema"), QStringLiteral("incidoc.bundle/1")},
        {QStringLiteral("created"), created},
        {QStringLiteral("app"), QJsonObject{{QStringLiteral("name"), QStringLiteral("incidoc")},
                                            {QStringLiteral("version"), QStringLiteral(INCIDOC_VERSION)}}},
        {QStringLiteral("engines"), QJsonObject{{QStringLiteral("tesseract"), bareVersion(tesseractVersion())},
                                                {QStringLiteral("leptonica"), bareVersion(leptonicaVersion())},
                                                {QStringLiteral("poppler"), bareVersion(popplerVersion())},
                                                {QStringLiteral("opencv"), bareVersion(opencvVersion())},
                                                {QStringLiteral("qt"), QString::fromLatin1(qVersion())}}},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("dpi"), settings.dpi},
                     {QStringLiteral("binarization"), binarizationName(o.binarize)},
                     {QStringLiteral("languages"), QJsonArray::fromStringList(settings.languages)},
                     {QStringLiteral("page_engines"), QJsonArray::fromStringList(settings.engines)},
                     {QStringLiteral("images"), imagesName(o.images)},
                     {QStringLiteral("visualizations"), o.visualizations},
                     {QStringLiteral("formats"), QJsonArray::fromStringList(o.formats.names())},
                     {QStringLiteral("reviewed_only"), o.reviewedOnly},
                     {QStringLiteral("documents"), documentIds},
                     {QStringLiteral("low_confidence_threshold"), o.lowConfidence}}},
        // A redacted bundle does not name the project file (its name may say whom it is about).
        {QStringLiteral("project"), o.redact ? QStringLiteral("project") : QFileInfo(projectPath).fileName()},
        {QStringLiteral("documents"), documents},
        {QStringLiteral("entries"), entries}};
    QJsonObject out = manifest;
    if (o.redact)
        out.insert(QStringLiteral("redacted"), true);
    return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

QByteArray bundleReadme(const ExportOptions& o, const QString& created, int documents, int pages,
                        const PageStats& total, const QStringList& formats)
{
    QByteArray r;
    r += "# Incidoc export bundle (incidoc.bundle/1)\n\n";
    r += "Made by Incidoc " INCIDOC_VERSION " on " + created.toUtf8() + " from " + QByteArray::number(documents)
         + " document(s), " + QByteArray::number(pages) + " page(s), " + QByteArray::number(total.words) + " word(s) ("
         + QByteArray::number(total.labelled) + " labelled, " + QByteArray::number(total.lowConfidence)
         + " below confidence " + QByteArray::number(o.lowConfidence) + ").\n\n";
    r += "Options: formats " + formats.join(QLatin1Char(',')).toUtf8() + "; page images "
         + imagesName(o.images).toUtf8() + "; visualizations " + (o.visualizations ? "on" : "off") + "; "
         + (o.reviewedOnly ? "reviewed pages only" : "all pages") + ".\n\n";
    r += "## What is inside\n\n"
         "| path | what |\n|---|---|\n"
         "| `manifest.json` | schema, date, engine versions, settings, documents (with source SHA-256) and the "
         "SHA-256 of every other entry |\n"
         "| `documents/<doc>/page-NNNN.json` | one page with every word (`incidoc.page/1`): text, box `[x0, y0, x1, "
         "y1]` in page pixels, confidence 0-100, label, source, review state, the engine that read it, a review flag "
         "and the other engines' readings |\n"
         "| `images/<doc>/page-NNNN.png` | the page image every box refers to (binarized 1-bit by default, or grey); "
         "re-rendered from the source at the page's DPI; image files keep their own pixel grid |\n"
         "| `visualizations/<doc>/page-NNNN.jpg` | the page with its boxes: blue = no label, label colour otherwise, "
         "red dashed outline = confidence below the threshold (scaled to at most 1700 px) |\n"
         "| `coco.json` | COCO detection: category `word` for unlabelled words plus one per label; `bbox` is "
         "`[x, y, w, h]`; each annotation has `text`, `confidence`, `document`, `page` and `attributes` (`engine`, "
         "`flagged`, `alternatives`) |\n"
         "| `labelstudio.json` | Label Studio tasks for the OCR template (`data.ocr`; results `bbox` rectangle, "
         "`transcription` textarea, `label` labels sharing a region id, in percent); reviewed pages as "
         "`annotations`, others as `predictions`; a region an engine read carries `meta` (`engine`, `flagged`, "
         "`alternatives`); each entity of a form is a region `e<id>` of its own (text, label; `meta.words`, "
         "`meta.field`) and each link a `relation` result between two of them (`labels` [its type]) |\n"
         "| `hocr/<doc>/page-NNNN.hocr` | hOCR 1.2 (other engines' readings as `alternatives` spans) |\n"
         "| `alto/<doc>/page-NNNN.xml` | ALTO v4 (pixel units, WC confidence 0-1; other engines' readings as "
         "`ALTERNATIVE`) |\n"
         "| `metrics/pages.csv`, `metrics/summary.json` | per-page counts and totals |\n"
         "| `funsd/<doc>/page-NNNN.json` | FUNSD: `form[]` of entities with `id`, `text`, `box` `[x0, y0, x1, y1]`, "
         "`label` (header, question, answer, other), `words[{text, box}]`, `linking [[from, to]]` (each link in both "
         "entities); a word in no entity is an `other` entity of its own |\n"
         "| `page/<doc>/page-NNNN.xml` | PAGE XML 2019-07-15: a TextRegion per entity (`custom` \"structure "
         "{type:question;}\") or per block, TextLine, Word with Coords and TextEquiv (conf 0-1), ReadingOrder, "
         "Relations (type `link`, `custom` the link's type) |\n"
         "| `records/<doc>.json`, `records.csv` | the incident record of each document: every typed field with its "
         "value, whether it is valid and why not, page, box and the text of its key |\n"
         "| `lines/<split>/<doc>-pNNNN-lNNN.png` + `.gt.txt` | one image per text line with its transcription "
         "(tesstrain) |\n"
         "| `crops/<split>/<doc>-pNNNN-wNNNN.png`, `crops/<split>/labels.txt` | one image per word; `labels.txt` "
         "lines are `path<TAB>text`, paths from the bundle root (PaddleOCR recognition) |\n\n"
         "`<split>` is `train`, `val` or `test`, by document: `int(sha256(doc_sha256).hexdigest()[:8], 16) % 100`, "
         "below 80 train, below 90 val, else test (`doc_sha256` from `manifest.json`). Line and word images are 8-bit "
         "grey crops of the page with 4 px around the boxes.\n"
         "`<doc>` is the document's file name made safe (ASCII letters, digits, `-`, `_`), unique with -2, -3, ...\n"
         "Image paths in COCO, Label Studio, hOCR, ALTO and PAGE XML are relative to the bundle root, also when the "
         "bundle was made without page images.\n\n"
         "## Loading it\n\n"
         "```python\n"
         "import json, zipfile\n"
         "z = zipfile.ZipFile('bundle.zip')\n"
         "manifest = json.loads(z.read('manifest.json'))\n"
         "coco = json.loads(z.read('coco.json'))          # or pycocotools.coco.COCO after extracting\n"
         "page = json.loads(z.read(manifest['entries'][0]['path']))\n"
         "```\n\n"
         "Label Studio: extract the bundle, serve `images/` (or set up local storage), create a project with the "
         "OCR template and import `labelstudio.json`. Verify the bundle: every `sha256` in `manifest.json` is the "
         "SHA-256 of that entry's bytes.\n";
    if (o.redact)
        r += "\n## Redacted\n\n"
             "This bundle is redacted (`\"redacted\": true` in `manifest.json`). Sensitive values (person names, dates "
             "of birth and other dates, phones, addresses, emails, plates, VINs, ID numbers, signatures, photos) are "
             "replaced by pseudonyms of the same type and shape: the same value has the same pseudonym on every page "
             "and document of the bundle, and in every redacted export of the same project. Dates are shifted by a "
             "fixed number of days, so intervals stay. Boxes are unchanged. In page JSON a rewritten word carries "
             "`\"redacted\": true`; its engine readings and original OCR text are left out. The page images and "
             "visualizations are filled opaque black over the sensitive words and regions; line images and word crops "
             "of redacted words are left out. Documents are named `document-001.<ext>`, ...; their `sha256` is a keyed "
             "hash of the source's (stable across re-exports, not the file's own), with no size, import date or source "
             "file. `redaction/report.json` counts what was redacted (per type, per source, pages, words rewritten, "
             "areas filled); it holds no original value and no mapping. Before it was kept, the bundle was read back: "
             "every text entry and the OCR of every image searched for the original values.\n";
    return r;
}

} // namespace incidoc
