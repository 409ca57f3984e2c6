#include "app/cli/cli_options.h"

#include "app/cli/cli.h"
#include "core/model/redaction.h"
#include "core/pipeline/engine_choice.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>

#include <array>

namespace incidoc::cli {
namespace {

Error usage(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

/// Every option of the command line, added to the parser in the order --help lists them.
struct Definitions {
    const QCommandLineOption versionOpt{QStringList{QStringLiteral("version"), QStringLiteral("V")},
                                        Cli::tr("Print versions of Incidoc and its engines.")};
    const QCommandLineOption projectOpt{QStringList{QStringLiteral("p"), QStringLiteral("project")},
                                        Cli::tr("Project file (*.incidoc); created when missing."),
                                        QStringLiteral("FILE")};
    const QCommandLineOption jsonOpt{QStringLiteral("json"), Cli::tr("Machine-readable output.")};
    const QCommandLineOption quietOpt{QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                                      Cli::tr("Print only errors.")};
    const QCommandLineOption jobsOpt{QStringLiteral("jobs"), Cli::tr("Pages in parallel (default: cores)."),
                                     QStringLiteral("N")};
    const QCommandLineOption dpiOpt{QStringLiteral("dpi"), Cli::tr("Render resolution for PDF pages (default 300)."),
                                    QStringLiteral("N")};
    const QCommandLineOption langOpt{
        QStringLiteral("lang"), Cli::tr("OCR languages, e.g. eng or eng+fra (default eng)."), QStringLiteral("LANGS")};
    const QCommandLineOption binarizeOpt{
        QStringLiteral("binarize"), Cli::tr("Binarization for page images: adaptive (default), sauvola, otsu, none."),
        QStringLiteral("METHOD")};
    const QCommandLineOption noOcrOpt{QStringLiteral("no-ocr"),
                                      Cli::tr("import, watch: only register the files; capture: only capture.")};
    const QCommandLineOption failedOpt{QStringLiteral("failed"), Cli::tr("ocr: retry failed pages.")};
    const QCommandLineOption allOpt{QStringLiteral("all"),
                                    Cli::tr("ocr: redo every page (words a person edited are kept).")};
    const QCommandLineOption outputOpt{QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       Cli::tr("dump: output folder; export: the .zip file."), QStringLiteral("PATH")};
    const QCommandLineOption renderTimeoutOpt{
        QStringLiteral("render-timeout"), Cli::tr("Seconds a page render may take (default 60)."), QStringLiteral("S")};
    const QCommandLineOption ocrTimeoutOpt{
        QStringLiteral("ocr-timeout"), Cli::tr("Seconds OCR of a page may take (default 60)."), QStringLiteral("S")};
    const QCommandLineOption formatsOpt{
        QStringLiteral("formats"),
        Cli::tr("export: json,coco,labelstudio,hocr,alto,metrics,funsd,page,records,lines,crops "
                "(default: all but lines and crops)."),
        QStringLiteral("LIST")};
    const QCommandLineOption reviewedOnlyOpt{QStringLiteral("reviewed-only"), Cli::tr("export: only reviewed pages.")};
    const QCommandLineOption redactOpt{
        QStringLiteral("redact"),
        Cli::tr("export: a redacted bundle (sensitive values as pseudonyms, their areas filled black), read back "
                "and refused if any original value is found.")};
    const QCommandLineOption strictOpt{
        QStringLiteral("strict"),
        Cli::tr("export: write nothing (exit 2) while the checks before export find anything.")};
    const QCommandLineOption entitiesOpt{QStringLiteral("entities"),
                                         Cli::tr("propose: group words into entities (default: entities and links).")};
    const QCommandLineOption linksOpt{QStringLiteral("links"),
                                      Cli::tr("propose: link keys to their values (default: entities and links).")};
    const QCommandLineOption acceptOpt{QStringLiteral("accept"), Cli::tr("propose: accept the proposals at once.")};
    const QCommandLineOption fromOpt{
        QStringLiteral("from"),
        Cli::tr("propose: carry the form of this document's first page onto pages with the same layout; "
                "capture: the video file or camera (/dev/videoN) to take pages from."),
        QStringLiteral("DOC|SOURCE")};
    const QCommandLineOption annotationsOpt{
        QStringLiteral("annotations"),
        Cli::tr("import: annotation files (hOCR, ALTO, PAGE, FUNSD, Label Studio) named like the images, in DIR."),
        QStringLiteral("DIR")};
    const QCommandLineOption imagesOpt{QStringLiteral("images"),
                                       Cli::tr("export: page images binarized (default), original or none."),
                                       QStringLiteral("MODE")};
    const QCommandLineOption noVisualizationsOpt{QStringLiteral("no-visualizations"),
                                                 Cli::tr("export: no page visualizations.")};
    const QCommandLineOption documentsOpt{QStringLiteral("documents"), Cli::tr("export: only these document ids."),
                                          QStringLiteral("ID,...")};
    const QCommandLineOption workersOpt{
        QStringLiteral("workers"),
        Cli::tr("OCR on incidoc-worker processes: HOST:PORT[,HOST:PORT...] or dns:///NAME:PORT."),
        QStringLiteral("LIST")};
    const QCommandLineOption apiKeyFileOpt{QStringLiteral("api-key-file"),
                                           Cli::tr("File holding the workers' API key (first line)."),
                                           QStringLiteral("FILE")};
    const QCommandLineOption tlsCaOpt{
        QStringLiteral("tls-ca"),
        Cli::tr("Connect to the workers with TLS, checking their certificates against this CA (PEM)."),
        QStringLiteral("FILE")};
    const QCommandLineOption fallbackOpt{
        QStringLiteral("fallback"),
        Cli::tr("When no worker is reachable: stop (default; pages stay queued) or local (OCR here)."),
        QStringLiteral("MODE")};
    const QCommandLineOption workerImagesOpt{
        QStringLiteral("worker-images"),
        Cli::tr("How pages travel to workers: grey8 (raw, default on this machine) or png "
                "(default for other machines)."),
        QStringLiteral("MODE")};
    const QCommandLineOption noIsolationOpt{QStringLiteral("no-isolation"),
                                            Cli::tr("import/ocr: open files and process pages in this process, not in "
                                                    "page helper processes (a crash in a page then ends the run).")};
    const QCommandLineOption memoryLimitOpt{QStringLiteral("memory-limit-mb"),
                                            Cli::tr("import/ocr: memory budget of each page helper process (default "
                                                    "4096; 0: none); over it, its page or file is skipped."),
                                            QStringLiteral("MB")};
    const QCommandLineOption maxFileOpt{QStringLiteral("max-file-mb"),
                                        Cli::tr("import: larger files are refused (default 2048)."),
                                        QStringLiteral("MB")};
    const QCommandLineOption engineOpt{
        QStringLiteral("engine"),
        Cli::tr("import/ocr: OCR engines for scanned pages: tesseract, ppocr or tesseract+ppocr (default: the "
                "profile's; remembered in the project)."),
        QStringLiteral("ENGINES")};
    const QCommandLineOption profileOpt{
        QStringLiteral("profile"),
        Cli::tr("import/ocr: fast (Tesseract alone) or accurate (two readers, the default; remembered in the "
                "project)."),
        QStringLiteral("PROFILE")};
    const QCommandLineOption tesseractModelOpt{
        QStringLiteral("tesseract-model"),
        Cli::tr("import/ocr: Tesseract's English model: fast (Debian's tessdata_fast, the default) or best_int "
                "(about 1 point more words right on noisy forms, about 20 % slower; English only)."),
        QStringLiteral("MODEL")};
    const QCommandLineOption reviewThresholdOpt{
        QStringLiteral("review-threshold"),
        Cli::tr("types profile: words read below this confidence (0-100) are flagged for review."),
        QStringLiteral("T")};
    const QCommandLineOption clearOpt{
        QStringLiteral("clear"), Cli::tr("types profile: clear the type's profile (the project's choice applies).")};
    const QCommandLineOption rescanOpt{
        QStringLiteral("rescan"),
        Cli::tr("watch: look through the folders every S seconds besides the change notifications (default 30)."),
        QStringLiteral("S")};
    const QCommandLineOption stableForOpt{
        QStringLiteral("stable-for"),
        Cli::tr("watch: a file counts as complete once unchanged for MS milliseconds (default 1000)."),
        QStringLiteral("MS")};
    const QCommandLineOption moveDoneOpt{QStringLiteral("move-done"),
                                         Cli::tr("watch: move imported files (and duplicates) to DIR."),
                                         QStringLiteral("DIR")};
    const QCommandLineOption doneOpt{QStringLiteral("done"),
                                     Cli::tr("watch: move imported files to a done/ folder in the first watched "
                                             "folder.")};
    const QCommandLineOption steadyMsOpt{
        QStringLiteral("steady-ms"),
        Cli::tr("capture: a page held still and sharp this many milliseconds is captured (default 700)."),
        QStringLiteral("MS")};
    const QCommandLineOption pageOpt{QStringLiteral("page"), Cli::tr("mark: the page (its id, as dump lists it)."),
                                     QStringLiteral("ID")};
    const QCommandLineOption wordOpt{QStringLiteral("word"), Cli::tr("mark: a word of the page (its id)."),
                                     QStringLiteral("ID")};
    const QCommandLineOption entityOpt{QStringLiteral("entity"), Cli::tr("mark: an entity of the page (its id)."),
                                       QStringLiteral("ID")};
    const QCommandLineOption regionOpt{
        QStringLiteral("region"), Cli::tr("mark: a region of the page in pixels: x0,y0,x1,y1."), QStringLiteral("BOX")};
    const QCommandLineOption typeOpt{
        QStringLiteral("type"),
        Cli::tr("mark: what the value is: person_name, date_of_birth, date, phone, address, email, vehicle_plate, "
                "vin, id_number, signature, photo or other (default)."),
        QStringLiteral("TYPE")};
    const QCommandLineOption notSensitiveOpt{QStringLiteral("not-sensitive"),
                                             Cli::tr("mark: not sensitive (overrules what would be redacted there).")};
    const QCommandLineOption insecureOpt{
        QStringLiteral("insecure"),
        Cli::tr("Send the API key to workers on other machines without TLS (trusted networks only).")};

    explicit Definitions(QCommandLineParser& parser)
    {
        parser.setApplicationDescription(
            Cli::tr("Incidoc command line: import incident documents into a project, OCR them, inspect and dump the "
                    "results.\n\n"
                    "Commands:\n"
                    "  import PATH...   add PDFs, images and folders, then render, classify and OCR new pages\n"
                    "  ocr              process queued or interrupted pages (--failed: retry failed; --all: redo "
                    "all)\n"
                    "  status           documents, pages by status and kind, words, failures\n"
                    "  dump -o DIR      write every page as incidoc.page/1 JSON\n"
                    "  export -o F.zip  write an incidoc.bundle/1 ZIP dataset (images, visualizations, JSON, COCO,\n"
                    "                   Label Studio, hOCR, ALTO, metrics)\n"
                    "  redactions       what a redacted export (export --redact) would redact: type, source, "
                    "document, page, text\n"
                    "  engines          the OCR engines: version, languages, capabilities, availability\n"
                    "  propose [DOC...] propose entities and key -> value links from the layout (--entities, "
                    "--links; --accept)\n"
                    "  remove DOC...    take documents that failed (by id or path, as status lists them) out of "
                    "the project\n"
                    "  types [add NAME [TITLE] | remove NAME | title NAME TITLE | profile NAME | set TYPE DOC... |\n"
                    "         clear DOC... | confirm DOC...]\n"
                    "                   the document types (with examples, profile, title), or change them or a\n"
                    "                   document's type\n"
                    "  classify [DOC...] predict the type of documents not typed by a person (--all: predict "
                    "again)\n"
                    "  watch DIR...     import the files that land in these folders once they are complete, "
                    "until stopped\n"
                    "  capture --from SOURCE  take a page from a video file or a camera (/dev/videoN) each time one "
                    "is held\n"
                    "                   still and sharp, as the pages of one document, then OCR them\n"
                    "  mark --page ID (--word ID | --entity ID | --region X0,Y0,X1,Y1) [--type TYPE | "
                    "--not-sensitive]\n"
                    "                   mark a word, an entity or a region sensitive for a redacted export, or "
                    "not\n\n"
                    "OCR on a cluster: start incidoc-worker processes and add --workers HOST:PORT,... (or "
                    "dns:///NAME:PORT)\n"
                    "to import or ocr; pages in flight default to the workers' total threads."));
        parser.addHelpOption();
        parser.addPositionalArgument(QStringLiteral("command"),
                                     Cli::tr("import, ocr, status, dump, export or engines"));
        parser.addPositionalArgument(QStringLiteral("paths"), Cli::tr("files and folders (import)"),
                                     QStringLiteral("[PATH...]"));
        for (const auto* opt : {&strictOpt, &entitiesOpt, &linksOpt, &acceptOpt, &fromOpt, &annotationsOpt,
                                &reviewThresholdOpt, &clearOpt})
            parser.addOption(*opt);
        for (const auto* opt :
             {&formatsOpt,     &reviewedOnlyOpt, &redactOpt,  &imagesOpt,   &noVisualizationsOpt, &documentsOpt,
              &workersOpt,     &apiKeyFileOpt,   &tlsCaOpt,   &fallbackOpt, &insecureOpt,         &workerImagesOpt,
              &noIsolationOpt, &memoryLimitOpt,  &maxFileOpt, &rescanOpt,   &stableForOpt,        &moveDoneOpt,
              &doneOpt,        &steadyMsOpt,     &pageOpt,    &wordOpt,     &entityOpt,           &regionOpt,
              &typeOpt,        &notSensitiveOpt})
            parser.addOption(*opt);
        for (const auto* opt : {&versionOpt, &projectOpt, &jsonOpt, &quietOpt, &jobsOpt, &dpiOpt, &langOpt,
                                &binarizeOpt, &noOcrOpt, &failedOpt, &allOpt, &outputOpt, &renderTimeoutOpt,
                                &ocrTimeoutOpt, &engineOpt, &profileOpt, &tesseractModelOpt})
            parser.addOption(*opt);
    }
};

/// A whole number from 1 to `max`, or `fallback` when the option is not given.
Status readPositiveInt(const QCommandLineParser& parser, const QCommandLineOption& opt, int fallback, int max,
                       int& target)
{
    if (!parser.isSet(opt)) {
        target = fallback;
        return okStatus();
    }
    bool ok = false;
    const int v = parser.value(opt).toInt(&ok);
    if (!ok || v < 1 || v > max)
        return usage(Cli::tr("error: --%1 takes a whole number from 1 to %2").arg(opt.names().constLast()).arg(max));
    target = v;
    return okStatus();
}

/// --jobs, --dpi, the time limits, the size and memory budgets, --lang and --binarize.
Status readProcessing(const QCommandLineParser& parser, const Definitions& d, CliOptions& o)
{
    const ProcessOptions defaults; // the time limits' defaults: the core's
    int renderTimeout = defaults.render.timeLimitMs / 1000, ocrTimeout = defaults.ocrDeadlineMs / 1000;
    int maxFileMb = 2048;
    for (auto [opt, fallback, max, target] : {std::tuple{&d.jobsOpt, 0, 256, &o.pipeline.jobs},
                                              std::tuple{&d.dpiOpt, 300, 1200, &o.pipeline.process.render.dpi},
                                              std::tuple{&d.renderTimeoutOpt, renderTimeout, 86400, &renderTimeout},
                                              std::tuple{&d.ocrTimeoutOpt, ocrTimeout, 86400, &ocrTimeout},
                                              std::tuple{&d.maxFileOpt, 2048, 1 << 20, &maxFileMb}})
        if (Status s = readPositiveInt(parser, *opt, fallback, max, *target); !s)
            return s;
    o.importLimits.maxFileBytes = static_cast<qint64>(maxFileMb) * 1024 * 1024;
    if (parser.isSet(d.memoryLimitOpt)) {
        bool ok = false;
        o.memoryLimitMb = parser.value(d.memoryLimitOpt).toLongLong(&ok);
        if (!ok || o.memoryLimitMb < 0 || (o.memoryLimitMb > 0 && o.memoryLimitMb < 256))
            return usage(Cli::tr("error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up"));
    }
    o.isolate = !parser.isSet(d.noIsolationOpt);
    o.pipeline.process.render.timeLimitMs = renderTimeout * 1000;
    o.pipeline.process.ocrDeadlineMs = ocrTimeout * 1000;
    if (parser.isSet(d.langOpt))
        o.pipeline.process.languages = parser.value(d.langOpt);
    if (parser.isSet(d.binarizeOpt)) {
        auto m = binarizeMethodFromString(parser.value(d.binarizeOpt));
        if (!m)
            return usage(Cli::tr("error: --binarize takes adaptive, sauvola, otsu or none"));
        o.pipeline.process.binarize.method = *m;
    }
    if (parser.isSet(d.engineOpt)) {
        o.engines = parser.value(d.engineOpt).trimmed();
        if (!engineChoices().contains(o.engines))
            return usage(Cli::tr("error: --engine takes tesseract, ppocr or tesseract+ppocr"));
    }
    if (parser.isSet(d.profileOpt)) {
        o.profile = parser.value(d.profileOpt).trimmed();
        if (!profileChoices().contains(o.profile))
            return usage(Cli::tr("error: --profile takes fast or accurate"));
    }
    if (parser.isSet(d.tesseractModelOpt)) {
        o.tesseractModel = parser.value(d.tesseractModelOpt).trimmed();
        if (o.tesseractModel != QLatin1String("fast") && o.tesseractModel != QLatin1String("best_int"))
            return usage(Cli::tr("error: --tesseract-model takes fast or best_int"));
    }
    // types profile stores only what was given: the values as typed (checked above).
    if (parser.isSet(d.dpiOpt))
        o.typeProfile.dpi = o.pipeline.process.render.dpi;
    if (parser.isSet(d.binarizeOpt))
        o.typeProfile.binarize = parser.value(d.binarizeOpt).trimmed();
    if (parser.isSet(d.reviewThresholdOpt)) {
        bool ok = false;
        const double t = parser.value(d.reviewThresholdOpt).toDouble(&ok);
        if (!ok || t < 0 || t > 100)
            return usage(Cli::tr("error: --review-threshold takes a number from 0 to 100"));
        o.typeProfile.reviewThreshold = t;
    }
    o.typeProfile.clear = parser.isSet(d.clearOpt);
    return okStatus();
}

/// --workers and what goes with it.
Status readRemote(const QCommandLineParser& parser, const Definitions& d, RemoteOptions& r)
{
    r.workers = parser.value(d.workersOpt).trimmed();
    r.apiKeyFile = parser.value(d.apiKeyFileOpt);
    r.tlsCaFile = parser.value(d.tlsCaOpt);
    r.insecure = parser.isSet(d.insecureOpt);
    if (parser.isSet(d.fallbackOpt)) {
        const QString mode = parser.value(d.fallbackOpt);
        if (mode == QLatin1String("local"))
            r.fallback = RemoteFallback::Local;
        else if (mode == QLatin1String("stop"))
            r.fallback = RemoteFallback::Stop;
        else
            return usage(Cli::tr("error: --fallback takes stop or local"));
    }
    if (parser.isSet(d.workerImagesOpt)) {
        const QString mode = parser.value(d.workerImagesOpt);
        if (mode == QLatin1String("grey8"))
            r.images = RemoteOptions::Images::Grey8;
        else if (mode == QLatin1String("png"))
            r.images = RemoteOptions::Images::Png;
        else
            return usage(Cli::tr("error: --worker-images takes grey8 or png"));
    }
    if (r.workers.isEmpty()
        && (parser.isSet(d.apiKeyFileOpt) || parser.isSet(d.tlsCaOpt) || parser.isSet(d.fallbackOpt)))
        return usage(Cli::tr("error: --api-key-file, --tls-ca and --fallback need --workers"));
    return okStatus();
}

/// The export command's own options (read only for export: the others ignore them).
Status readExport(const QCommandLineParser& parser, const Definitions& d, CliOptions& o)
{
    ExportOptions& e = o.exportOptions;
    e.jobs = o.pipeline.jobs;
    e.reviewedOnly = parser.isSet(d.reviewedOnlyOpt);
    e.redact = parser.isSet(d.redactOpt);
    e.visualizations = !parser.isSet(d.noVisualizationsOpt);
    if (parser.isSet(d.binarizeOpt))
        e.binarize.method = o.pipeline.process.binarize.method;
    if (parser.isSet(d.formatsOpt)) {
        auto f = ExportFormats::parse(parser.value(d.formatsOpt));
        if (!f)
            return usage(Cli::tr("error: --formats takes a list of json, coco, labelstudio, hocr, alto, metrics, "
                                 "funsd, page, records, lines, crops"));
        e.formats = *f;
    }
    if (parser.isSet(d.imagesOpt)) {
        const QString mode = parser.value(d.imagesOpt);
        if (mode == QLatin1String("binarized"))
            e.images = ExportImages::Binarized;
        else if (mode == QLatin1String("original"))
            e.images = ExportImages::Original;
        else if (mode == QLatin1String("none"))
            e.images = ExportImages::None;
        else
            return usage(Cli::tr("error: --images takes binarized, original or none"));
    }
    if (parser.isSet(d.documentsOpt)) {
        for (const QString& id : parser.value(d.documentsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const long long v = id.trimmed().toLongLong(&ok);
            if (!ok || v < 1)
                return usage(Cli::tr("error: --documents takes document ids (whole numbers), e.g. 1,3"));
            e.documents.push_back(v);
        }
    }
    return okStatus();
}

/// `types` and what follows it: a subcommand and its arguments.
Status checkTypes(const CliOptions& o)
{
    if (o.inputs.isEmpty() || o.inputs.first() == QLatin1String("list")) {
        if (o.inputs.size() > 1)
            return usage(Cli::tr("error: types list takes nothing more"));
        return okStatus();
    }
    const QString sub = o.inputs.first();
    const qsizetype args = o.inputs.size() - 1;
    if (sub == QLatin1String("add")) {
        if (args < 1 || args > 2)
            return usage(Cli::tr("error: types add takes a NAME and an optional TITLE"));
    } else if (sub == QLatin1String("remove") || sub == QLatin1String("profile")) {
        if (args != 1)
            return usage(Cli::tr("error: types %1 takes one type NAME").arg(sub));
    } else if (sub == QLatin1String("title")) {
        if (args != 2)
            return usage(Cli::tr("error: types title takes a NAME and a TITLE"));
    } else if (sub == QLatin1String("set")) {
        if (args < 2)
            return usage(Cli::tr("error: types set takes a TYPE and at least one document (its id or path)"));
    } else if (sub == QLatin1String("clear") || sub == QLatin1String("confirm")) {
        if (args < 1)
            return usage(Cli::tr("error: types %1 takes at least one document (its id or path)").arg(sub));
    } else {
        return usage(Cli::tr("error: unknown types command '%1' (list, add, remove, title, profile, set, clear, "
                             "confirm)")
                         .arg(sub));
    }
    if (sub != QLatin1String("profile") && (o.typeProfile.clear || o.typeProfile.reviewThreshold))
        return usage(Cli::tr("error: --clear and --review-threshold go with types profile"));
    if (sub == QLatin1String("profile") && o.typeProfile.clear
        && (o.typeProfile.dpi || !o.typeProfile.binarize.isEmpty() || o.typeProfile.reviewThreshold
            || !o.engines.isEmpty() || !o.profile.isEmpty()))
        return usage(Cli::tr("error: types profile --clear takes no other setting"));
    return okStatus();
}

/// The watch command's own options.
Status readWatch(const QCommandLineParser& parser, const Definitions& d, CliOptions& o)
{
    if (Status s = readPositiveInt(parser, d.rescanOpt, 30, 86400, o.rescanSeconds); !s)
        return s;
    if (Status s = readPositiveInt(parser, d.stableForOpt, 1000, 3'600'000, o.stableForMs); !s)
        return s;
    if (parser.isSet(d.moveDoneOpt) && parser.isSet(d.doneOpt))
        return usage(Cli::tr("error: --move-done DIR and --done cannot go together"));
    if (parser.isSet(d.moveDoneOpt))
        o.moveDone = parser.value(d.moveDoneOpt);
    else if (parser.isSet(d.doneOpt) && !o.inputs.isEmpty())
        o.moveDone = QDir(o.inputs.first()).filePath(QStringLiteral("done"));
    return okStatus();
}

/// The capture command's own options.
Status readCapture(const QCommandLineParser& parser, const Definitions& d, CliOptions& o)
{
    if (Status s = readPositiveInt(parser, d.steadyMsOpt, 700, 60'000, o.steadyMs); !s)
        return s;
    o.captureFrom = parser.value(d.fromOpt);
    if (o.captureFrom.isEmpty())
        return usage(Cli::tr("error: capture needs --from FILE or --from /dev/videoN"));
    return okStatus();
}

/// A whole number from 1 up, or 0 when `opt` is not given; -1 when it is not one.
long long readId(const QCommandLineParser& parser, const QCommandLineOption& opt)
{
    if (!parser.isSet(opt))
        return 0;
    bool ok = false;
    const long long v = parser.value(opt).trimmed().toLongLong(&ok);
    return ok && v > 0 ? v : -1;
}

/// The mark command's own options.
Status readMark(const QCommandLineParser& parser, const Definitions& d, CliOptions& o)
{
    CliOptions::MarkArgs& m = o.mark;
    for (auto [opt, target] :
         {std::pair{&d.pageOpt, &m.page}, std::pair{&d.wordOpt, &m.word}, std::pair{&d.entityOpt, &m.entity}}) {
        *target = readId(parser, *opt);
        if (*target < 0)
            return usage(Cli::tr("error: --%1 takes an id (a whole number from 1 up)").arg(opt->names().constFirst()));
    }
    if (m.page == 0)
        return usage(Cli::tr("error: mark needs --page ID"));
    if (parser.isSet(d.regionOpt)) {
        const QStringList parts = parser.value(d.regionOpt).split(QLatin1Char(','));
        std::array<int, 4> v{};
        bool ok = parts.size() == 4;
        for (qsizetype i = 0; ok && i < 4; ++i)
            v[static_cast<std::size_t>(i)] = parts[i].trimmed().toInt(&ok);
        if (!ok || v[0] < 0 || v[1] < 0 || v[2] <= v[0] || v[3] <= v[1])
            return usage(Cli::tr("error: --region takes x0,y0,x1,y1 in page pixels, with x0 < x1 and y0 < y1"));
        m.region = PixelBox{v[0], v[1], v[2], v[3]};
    }
    if ((m.word > 0) + (m.entity > 0) + (m.region ? 1 : 0) != 1)
        return usage(Cli::tr("error: mark needs one of --word ID, --entity ID or --region x0,y0,x1,y1"));
    m.notSensitive = parser.isSet(d.notSensitiveOpt);
    m.type = parser.value(d.typeOpt).trimmed();
    if (m.notSensitive && !m.type.isEmpty())
        return usage(Cli::tr("error: --not-sensitive takes no --type"));
    if (m.type.isEmpty())
        m.type = QStringLiteral("other");
    if (!sensitiveTypeNames().contains(m.type))
        return usage(Cli::tr("error: --type takes one of %1").arg(sensitiveTypeNames().join(QStringLiteral(", "))));
    return okStatus();
}

/// The command, the project and the paths go together.
Status checkCommand(const CliOptions& o)
{
    if (o.command == QLatin1String("engines")) {
        if (!o.inputs.isEmpty())
            return usage(Cli::tr("error: %1 takes no paths").arg(o.command));
        return okStatus();
    }
    if (o.project.isEmpty())
        return usage(Cli::tr("error: -p/--project FILE is required"));
    if (o.command == QLatin1String("import") && o.inputs.isEmpty())
        return usage(Cli::tr("error: import needs at least one file or folder"));
    if (o.command == QLatin1String("watch") && o.inputs.isEmpty())
        return usage(Cli::tr("error: watch needs at least one folder"));
    if (o.command == QLatin1String("remove") && o.inputs.isEmpty())
        return usage(Cli::tr("error: remove needs at least one document (its id or path)"));
    if (o.command == QLatin1String("types"))
        return checkTypes(o);
    if (o.command != QLatin1String("import") && o.command != QLatin1String("remove")
        && o.command != QLatin1String("propose") && o.command != QLatin1String("classify")
        && o.command != QLatin1String("watch") && !o.inputs.isEmpty())
        return usage(Cli::tr("error: %1 takes no paths").arg(o.command));
    return okStatus();
}

} // namespace

Result<CommandLine> parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    const Definitions d(parser);
    if (!parser.parse(arguments))
        return usage(Cli::tr("error: %1\nTry 'incidoc-cli --help'.").arg(parser.errorText()));
    CommandLine line;
    if (parser.isSet(QStringLiteral("help"))) {
        line.action = CommandLine::Action::Help;
        line.helpText = parser.helpText();
        return line;
    }
    if (parser.isSet(d.versionOpt)) {
        line.action = CommandLine::Action::Version;
        return line;
    }

    CliOptions& o = line.options;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(Cli::tr("error: no command given\nTry 'incidoc-cli --help'."));
    o.command = positional.first();
    o.inputs = positional.mid(1);
    o.project = parser.value(d.projectOpt);
    o.output = parser.value(d.outputOpt);
    o.json = parser.isSet(d.jsonOpt);
    o.quiet = parser.isSet(d.quietOpt);
    o.noOcr = parser.isSet(d.noOcrOpt);
    o.failed = parser.isSet(d.failedOpt);
    o.all = parser.isSet(d.allOpt);
    o.strict = parser.isSet(d.strictOpt);
    o.proposeEntities = parser.isSet(d.entitiesOpt);
    o.proposeLinks = parser.isSet(d.linksOpt);
    o.accept = parser.isSet(d.acceptOpt);
    o.annotationsDir = parser.value(d.annotationsOpt);
    o.carryFrom = parser.value(d.fromOpt);
    if (Status s = readProcessing(parser, d, o); !s)
        return s.error();
    if (Status s = readRemote(parser, d, o.remote); !s)
        return s.error();

    const QStringList commands{QStringLiteral("import"),   QStringLiteral("ocr"),       QStringLiteral("status"),
                               QStringLiteral("dump"),     QStringLiteral("export"),    QStringLiteral("engines"),
                               QStringLiteral("remove"),   QStringLiteral("propose"),   QStringLiteral("types"),
                               QStringLiteral("classify"), QStringLiteral("watch"),     QStringLiteral("capture"),
                               QStringLiteral("mark"),     QStringLiteral("redactions")};
    if (!commands.contains(o.command))
        return usage(
            Cli::tr("error: unknown command '%1' (import, ocr, status, dump, export, remove, propose)").arg(o.command));
    if (o.command == QLatin1String("export"))
        if (Status s = readExport(parser, d, o); !s)
            return s.error();
    if (o.command == QLatin1String("watch"))
        if (Status s = readWatch(parser, d, o); !s)
            return s.error();
    if (Status s = checkCommand(o); !s)
        return s.error();
    if (o.command == QLatin1String("capture"))
        if (Status s = readCapture(parser, d, o); !s)
            return s.error();
    if (o.command == QLatin1String("mark"))
        if (Status s = readMark(parser, d, o); !s)
            return s.error();
    return line;
}

Status checkLanguages(const CliOptions& o, const QStringList& installed)
{
    const bool mayOcrHere = o.remote.workers.isEmpty() || o.remote.fallback == RemoteFallback::Local;
    if ((o.command != QLatin1String("ocr") && o.command != QLatin1String("import")
         && o.command != QLatin1String("watch") && o.command != QLatin1String("capture"))
        || !mayOcrHere || ((o.command == QLatin1String("watch") || o.command == QLatin1String("capture")) && o.noOcr))
        return okStatus();
    for (const QString& lang : o.pipeline.process.languages.split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
        if (!installed.contains(lang)) {
            // Debian names the packages with dashes and in lower case: chi_sim -> tesseract-ocr-chi-sim.
            return usage(Cli::tr("error: Tesseract language data for '%1' is not installed (Debian package %2)")
                             .arg(lang, QStringLiteral("tesseract-ocr-")
                                            + lang.toLower().replace(QLatin1Char('_'), QLatin1Char('-'))));
        }
    }
    return okStatus();
}

Status checkEngines(const CliOptions& o, const std::vector<EngineInfo>& engines)
{
    // With --workers too: the pages' engines are chosen here, from what this installation has.
    if ((o.command != QLatin1String("ocr") && o.command != QLatin1String("import")
         && o.command != QLatin1String("watch") && o.command != QLatin1String("capture"))
        || o.engines.isEmpty())
        return okStatus();
    for (const QString& name : enginesIn(o.engines)) {
        if (const QString why = unavailableReason(name, engines); !why.isEmpty())
            return makeError(ErrorCode::Unavailable,
                             Cli::tr("error: the OCR engine %1 is not available: %2").arg(name, why));
    }
    return okStatus();
}

} // namespace incidoc::cli
