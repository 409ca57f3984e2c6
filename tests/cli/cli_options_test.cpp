// The incidoc-cli command line parsed into values: each command's options, the defaults of cli.md, and
// the exact message (and exit status 1, see run()) of every usage error, in the order they are checked.

#include "app/cli/cli_options.h"

#include <gtest/gtest.h>

namespace incidoc::cli {
namespace {

Result<CommandLine> parse(QStringList args)
{
    args.prepend(QStringLiteral("incidoc-cli"));
    return parseCommandLine(args);
}

/// The options of a command line that must parse to a command.
CliOptions options(const QStringList& args)
{
    auto line = parse(args);
    if (!line) {
        ADD_FAILURE() << qPrintable(args.join(QLatin1Char(' '))) << ": " << qPrintable(line.error().message);
        return {};
    }
    EXPECT_EQ(line->action, CommandLine::Action::Run);
    return line->options;
}

/// The message of a command line that must be refused.
QString usageError(const QStringList& args)
{
    auto line = parse(args);
    if (line) {
        ADD_FAILURE() << qPrintable(args.join(QLatin1Char(' '))) << " was accepted";
        return {};
    }
    EXPECT_EQ(line.error().code, ErrorCode::InvalidInput);
    return line.error().message;
}

const QString kProject = QStringLiteral("/tmp/p.incidoc");

TEST(CliOptions, DefaultsAreThoseOfTheSpec)
{
    const CliOptions o = options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject});
    EXPECT_EQ(o.command, QStringLiteral("ocr"));
    EXPECT_EQ(o.project, kProject);
    EXPECT_TRUE(o.inputs.isEmpty());
    EXPECT_EQ(o.pipeline.jobs, 0); // the number of cores
    EXPECT_EQ(o.pipeline.process.render.dpi, 300);
    EXPECT_EQ(o.pipeline.process.render.timeLimitMs, 60'000);
    EXPECT_EQ(o.pipeline.process.ocrDeadlineMs, 60'000); // any hostile page is given up within 90 s
    EXPECT_EQ(o.importLimits.maxFileBytes, 2048LL * 1024 * 1024);
    EXPECT_EQ(o.memoryLimitMb, 4096);
    EXPECT_TRUE(o.isolate);
    EXPECT_EQ(o.pipeline.process.languages, QStringLiteral("eng"));
    EXPECT_EQ(o.pipeline.process.binarize.method, BinarizeMethod::AdaptiveGaussian);
    EXPECT_FALSE(o.json || o.quiet || o.noOcr || o.failed || o.all);
    EXPECT_TRUE(o.remote.workers.isEmpty());
    EXPECT_EQ(o.remote.fallback, RemoteFallback::Stop);
    EXPECT_EQ(o.remote.images, RemoteOptions::Images::Auto);
}

TEST(CliOptions, ImportTakesPathsAndItsOptions)
{
    const CliOptions o = options({QStringLiteral("import"),
                                  QStringLiteral("a.pdf"),
                                  QStringLiteral("scans/"),
                                  QStringLiteral("--project"),
                                  kProject,
                                  QStringLiteral("--no-ocr"),
                                  QStringLiteral("--max-file-mb"),
                                  QStringLiteral("10"),
                                  QStringLiteral("--jobs"),
                                  QStringLiteral("3"),
                                  QStringLiteral("--dpi"),
                                  QStringLiteral("150"),
                                  QStringLiteral("--lang"),
                                  QStringLiteral("eng+fra"),
                                  QStringLiteral("--binarize"),
                                  QStringLiteral("otsu"),
                                  QStringLiteral("--render-timeout"),
                                  QStringLiteral("5"),
                                  QStringLiteral("--ocr-timeout"),
                                  QStringLiteral("7"),
                                  QStringLiteral("-q"),
                                  QStringLiteral("--json")});
    EXPECT_EQ(o.command, QStringLiteral("import"));
    EXPECT_EQ(o.inputs, (QStringList{QStringLiteral("a.pdf"), QStringLiteral("scans/")}));
    EXPECT_TRUE(o.noOcr);
    EXPECT_TRUE(o.quiet);
    EXPECT_TRUE(o.json);
    EXPECT_EQ(o.importLimits.maxFileBytes, 10LL * 1024 * 1024);
    EXPECT_EQ(o.pipeline.jobs, 3);
    EXPECT_EQ(o.pipeline.process.render.dpi, 150);
    EXPECT_EQ(o.pipeline.process.languages, QStringLiteral("eng+fra"));
    EXPECT_EQ(o.pipeline.process.binarize.method, BinarizeMethod::Otsu);
    EXPECT_EQ(o.pipeline.process.render.timeLimitMs, 5'000);
    EXPECT_EQ(o.pipeline.process.ocrDeadlineMs, 7'000);
}

TEST(CliOptions, OcrFailedAllAndIsolation)
{
    const CliOptions failed =
        options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--failed")});
    EXPECT_TRUE(failed.failed);
    EXPECT_FALSE(failed.all);
    const CliOptions all =
        options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--all"),
                 QStringLiteral("--no-isolation"), QStringLiteral("--memory-limit-mb"), QStringLiteral("0")});
    EXPECT_TRUE(all.all);
    EXPECT_FALSE(all.isolate);
    EXPECT_EQ(all.memoryLimitMb, 0); // none
    EXPECT_EQ(options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--memory-limit-mb"),
                       QStringLiteral("256")})
                  .memoryLimitMb,
              256);
}

TEST(CliOptions, StatusAndDump)
{
    const CliOptions status =
        options({QStringLiteral("status"), QStringLiteral("-p"), kProject, QStringLiteral("--json")});
    EXPECT_EQ(status.command, QStringLiteral("status"));
    EXPECT_TRUE(status.json);
    const CliOptions dump = options(
        {QStringLiteral("dump"), QStringLiteral("-p"), kProject, QStringLiteral("-o"), QStringLiteral("/tmp/out")});
    EXPECT_EQ(dump.command, QStringLiteral("dump"));
    EXPECT_EQ(dump.output, QStringLiteral("/tmp/out"));
    // dump without -o parses: the command itself says "dump needs -o DIR" (after opening nothing).
    EXPECT_TRUE(options({QStringLiteral("dump"), QStringLiteral("-p"), kProject}).output.isEmpty());
}

TEST(CliOptions, ExportOptions)
{
    const CliOptions defaults = options(
        {QStringLiteral("export"), QStringLiteral("-p"), kProject, QStringLiteral("-o"), QStringLiteral("b.zip")});
    const ExportOptions& d = defaults.exportOptions;
    EXPECT_EQ(defaults.output, QStringLiteral("b.zip"));
    EXPECT_TRUE(d.documents.empty());
    EXPECT_FALSE(d.reviewedOnly);
    EXPECT_TRUE(d.visualizations);
    EXPECT_EQ(d.images, ExportImages::Binarized);
    EXPECT_EQ(d.formats.names(), ExportFormats{}.names());
    EXPECT_EQ(d.jobs, 0);

    const CliOptions o =
        options({QStringLiteral("export"), QStringLiteral("-p"), kProject, QStringLiteral("--output"),
                 QStringLiteral("b.zip"), QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("--formats"),
                 QStringLiteral("alto,json"), QStringLiteral("--reviewed-only"), QStringLiteral("--images"),
                 QStringLiteral("original"), QStringLiteral("--no-visualizations"), QStringLiteral("--documents"),
                 QStringLiteral("3, 1,"), QStringLiteral("--binarize"), QStringLiteral("sauvola")});
    const ExportOptions& e = o.exportOptions;
    EXPECT_EQ(e.jobs, 2);
    EXPECT_TRUE(e.formats.alto);
    EXPECT_TRUE(e.formats.json);
    EXPECT_FALSE(e.formats.coco || e.formats.labelStudio || e.formats.hocr || e.formats.metrics);
    EXPECT_FALSE(e.formats.funsd || e.formats.pageXml || e.formats.records || e.formats.lines || e.formats.crops);
    const CliOptions forms = options({QStringLiteral("export"), QStringLiteral("-p"), kProject, QStringLiteral("-o"),
                                      QStringLiteral("f.zip"), QStringLiteral("--formats"),
                                      QStringLiteral("funsd,page,records,lines,crops")});
    EXPECT_EQ(forms.exportOptions.formats.names(),
              (QStringList{QStringLiteral("funsd"), QStringLiteral("page"), QStringLiteral("records"),
                           QStringLiteral("lines"), QStringLiteral("crops")}));
    EXPECT_TRUE(e.reviewedOnly);
    EXPECT_EQ(e.images, ExportImages::Original);
    EXPECT_FALSE(e.visualizations);
    EXPECT_EQ(e.documents, (std::vector<DocumentId>{3, 1}));
    EXPECT_EQ(e.binarize.method, BinarizeMethod::Sauvola);
    EXPECT_EQ(options({QStringLiteral("export"), QStringLiteral("-p"), kProject, QStringLiteral("--images"),
                       QStringLiteral("none")})
                  .exportOptions.images,
              ExportImages::None);
}

TEST(CliOptions, ExportOptionsAreIgnoredByOtherCommands)
{
    // Read only for export: a bad --formats on ocr is not an error (as before the split).
    const CliOptions o = options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--formats"),
                                  QStringLiteral("nonsense"), QStringLiteral("--jobs"), QStringLiteral("2")});
    EXPECT_EQ(o.exportOptions.jobs, 0);
}

TEST(CliOptions, WorkersAndTheirOptions)
{
    const CliOptions o = options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--workers"),
                                  QStringLiteral("  10.0.0.1:50051,10.0.0.2:50051 "), QStringLiteral("--api-key-file"),
                                  QStringLiteral("/etc/key"), QStringLiteral("--tls-ca"), QStringLiteral("/etc/ca.pem"),
                                  QStringLiteral("--fallback"), QStringLiteral("local"), QStringLiteral("--insecure"),
                                  QStringLiteral("--worker-images"), QStringLiteral("png")});
    EXPECT_EQ(o.remote.workers, QStringLiteral("10.0.0.1:50051,10.0.0.2:50051")); // trimmed
    EXPECT_EQ(o.remote.apiKeyFile, QStringLiteral("/etc/key"));
    EXPECT_EQ(o.remote.tlsCaFile, QStringLiteral("/etc/ca.pem"));
    EXPECT_EQ(o.remote.fallback, RemoteFallback::Local);
    EXPECT_TRUE(o.remote.insecure);
    EXPECT_EQ(o.remote.images, RemoteOptions::Images::Png);
    const CliOptions stop =
        options({QStringLiteral("import"), QStringLiteral("x.pdf"), QStringLiteral("-p"), kProject,
                 QStringLiteral("--workers"), QStringLiteral("dns:///ocr:50051"), QStringLiteral("--fallback"),
                 QStringLiteral("stop"), QStringLiteral("--worker-images"), QStringLiteral("grey8")});
    EXPECT_EQ(stop.remote.workers, QStringLiteral("dns:///ocr:50051"));
    EXPECT_EQ(stop.remote.fallback, RemoteFallback::Stop);
    EXPECT_EQ(stop.remote.images, RemoteOptions::Images::Grey8);
    EXPECT_FALSE(stop.remote.insecure);
}

TEST(CliOptions, HelpAndVersionNeedNoCommand)
{
    auto help = parse({QStringLiteral("--help")});
    ASSERT_TRUE(help);
    EXPECT_EQ(help->action, CommandLine::Action::Help);
    EXPECT_TRUE(help->helpText.contains(QStringLiteral("--workers <LIST>"))) << qPrintable(help->helpText);
    EXPECT_TRUE(help->helpText.contains(QStringLiteral("export -o F.zip"))) << qPrintable(help->helpText);
    for (const QString& flag : {QStringLiteral("--version"), QStringLiteral("-V")}) {
        auto version = parse({flag});
        ASSERT_TRUE(version) << qPrintable(flag);
        EXPECT_EQ(version->action, CommandLine::Action::Version);
    }
    // Help and version come before any check of the command.
    EXPECT_EQ(parse({QStringLiteral("frobnicate"), QStringLiteral("--version")})->action, CommandLine::Action::Version);
}

TEST(CliOptions, UnknownOptionsAndCommands)
{
    EXPECT_EQ(usageError({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--frobnicate")}),
              QStringLiteral("error: Unknown option 'frobnicate'.\nTry 'incidoc-cli --help'."));
    EXPECT_EQ(usageError({QStringLiteral("ocr"), QStringLiteral("-p")}),
              QStringLiteral("error: Missing value after '-p'.\nTry 'incidoc-cli --help'."));
    EXPECT_EQ(usageError({}), QStringLiteral("error: no command given\nTry 'incidoc-cli --help'."));
    EXPECT_EQ(
        usageError({QStringLiteral("frobnicate"), QStringLiteral("-p"), kProject}),
        QStringLiteral("error: unknown command 'frobnicate' (import, ocr, status, dump, export, remove, propose)"));
}

TEST(CliOptions, ProjectAndPathsAreChecked)
{
    for (const QString& command :
         {QStringLiteral("ocr"), QStringLiteral("status"), QStringLiteral("dump"), QStringLiteral("export")})
        EXPECT_EQ(usageError({command}), QStringLiteral("error: -p/--project FILE is required")) << qPrintable(command);
    EXPECT_EQ(usageError({QStringLiteral("import"), QStringLiteral("a.pdf")}),
              QStringLiteral("error: -p/--project FILE is required"));
    EXPECT_EQ(usageError({QStringLiteral("import"), QStringLiteral("-p"), kProject}),
              QStringLiteral("error: import needs at least one file or folder"));
    EXPECT_EQ(usageError({QStringLiteral("status"), QStringLiteral("-p"), kProject, QStringLiteral("a.pdf")}),
              QStringLiteral("error: status takes no paths"));
}

TEST(CliOptions, BadNumbersNameTheOptionAndTheRange)
{
    struct Case {
        const char* option;
        const char* value;
        const char* message;
    };
    const Case cases[] = {
        {"--jobs", "0", "error: --jobs takes a whole number from 1 to 256"},
        {"--jobs", "257", "error: --jobs takes a whole number from 1 to 256"},
        {"--jobs", "two", "error: --jobs takes a whole number from 1 to 256"},
        {"--dpi", "1201", "error: --dpi takes a whole number from 1 to 1200"},
        {"--dpi", "-300", "error: --dpi takes a whole number from 1 to 1200"},
        {"--render-timeout", "86401", "error: --render-timeout takes a whole number from 1 to 86400"},
        {"--ocr-timeout", "1.5", "error: --ocr-timeout takes a whole number from 1 to 86400"},
        {"--max-file-mb", "1048577", "error: --max-file-mb takes a whole number from 1 to 1048576"},
        {"--memory-limit-mb", "255", "error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up"},
        {"--memory-limit-mb", "-1", "error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up"},
        {"--memory-limit-mb", "lots", "error: --memory-limit-mb takes 0 (none) or a number of MB from 256 up"},
    };
    for (const Case& c : cases)
        EXPECT_EQ(usageError({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QString::fromLatin1(c.option),
                              QString::fromLatin1(c.value)}),
                  QString::fromLatin1(c.message))
            << c.option << ' ' << c.value;
    // The largest values are accepted.
    const CliOptions o = options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--jobs"),
                                  QStringLiteral("256"), QStringLiteral("--dpi"), QStringLiteral("1200"),
                                  QStringLiteral("--max-file-mb"), QStringLiteral("1048576")});
    EXPECT_EQ(o.pipeline.jobs, 256);
    EXPECT_EQ(o.pipeline.process.render.dpi, 1200);
    EXPECT_EQ(o.importLimits.maxFileBytes, (1LL << 20) * 1024 * 1024);
}

TEST(CliOptions, BadWordsListTheChoices)
{
    const QStringList ocr{QStringLiteral("ocr"), QStringLiteral("-p"), kProject};
    const QStringList exp{QStringLiteral("export"), QStringLiteral("-p"), kProject};
    const QStringList workers{QStringLiteral("--workers"), QStringLiteral("localhost:1")};
    EXPECT_EQ(usageError(ocr + QStringList{QStringLiteral("--binarize"), QStringLiteral("magic")}),
              QStringLiteral("error: --binarize takes adaptive, sauvola, otsu or none"));
    EXPECT_EQ(usageError(ocr + workers + QStringList{QStringLiteral("--fallback"), QStringLiteral("retry")}),
              QStringLiteral("error: --fallback takes stop or local"));
    EXPECT_EQ(usageError(ocr + workers + QStringList{QStringLiteral("--worker-images"), QStringLiteral("jpeg")}),
              QStringLiteral("error: --worker-images takes grey8 or png"));
    EXPECT_EQ(usageError(exp + QStringList{QStringLiteral("--formats"), QStringLiteral("json,pdf")}),
              QStringLiteral("error: --formats takes a list of json, coco, labelstudio, hocr, alto, metrics, funsd, "
                             "page, records, lines, crops"));
    EXPECT_EQ(usageError(exp + QStringList{QStringLiteral("--images"), QStringLiteral("colour")}),
              QStringLiteral("error: --images takes binarized, original or none"));
    for (const QString& ids : {QStringLiteral("1,x"), QStringLiteral("0"), QStringLiteral("-2")})
        EXPECT_EQ(usageError(exp + QStringList{QStringLiteral("--documents"), ids}),
                  QStringLiteral("error: --documents takes document ids (whole numbers), e.g. 1,3"))
            << qPrintable(ids);
}

TEST(CliOptions, WorkerOptionsNeedWorkers)
{
    const QString message = QStringLiteral("error: --api-key-file, --tls-ca and --fallback need --workers");
    for (const QStringList& extra : {QStringList{QStringLiteral("--api-key-file"), QStringLiteral("/etc/key")},
                                     QStringList{QStringLiteral("--tls-ca"), QStringLiteral("/etc/ca.pem")},
                                     QStringList{QStringLiteral("--fallback"), QStringLiteral("local")},
                                     QStringList{QStringLiteral("--workers"), QStringLiteral("  "),
                                                 QStringLiteral("--fallback"), QStringLiteral("stop")}})
        EXPECT_EQ(usageError(QStringList{QStringLiteral("ocr"), QStringLiteral("-p"), kProject} + extra), message)
            << qPrintable(extra.join(QLatin1Char(' ')));
}

TEST(CliOptions, TheFirstProblemInCheckingOrderIsReported)
{
    // Numbers before words, words before the command, the command before the project.
    EXPECT_EQ(usageError({QStringLiteral("frobnicate"), QStringLiteral("--binarize"), QStringLiteral("magic"),
                          QStringLiteral("--dpi"), QStringLiteral("0")}),
              QStringLiteral("error: --dpi takes a whole number from 1 to 1200"));
    EXPECT_EQ(usageError({QStringLiteral("frobnicate"), QStringLiteral("--binarize"), QStringLiteral("magic")}),
              QStringLiteral("error: --binarize takes adaptive, sauvola, otsu or none"));
    EXPECT_EQ(usageError({QStringLiteral("frobnicate"), QStringLiteral("--fallback"), QStringLiteral("local")}),
              QStringLiteral("error: --api-key-file, --tls-ca and --fallback need --workers"));
    EXPECT_EQ(
        usageError({QStringLiteral("frobnicate")}),
        QStringLiteral("error: unknown command 'frobnicate' (import, ocr, status, dump, export, remove, propose)"));
    EXPECT_EQ(usageError({QStringLiteral("export"), QStringLiteral("--images"), QStringLiteral("colour")}),
              QStringLiteral("error: --images takes binarized, original or none"));
}

TEST(CliOptions, LanguagesAreCheckedWhenOcrMayRunHere)
{
    const QStringList installed{QStringLiteral("eng"), QStringLiteral("fra"), QStringLiteral("osd")};
    auto withLang = [](const QStringList& args) {
        return options(
            args
            + QStringList{QStringLiteral("-p"), kProject, QStringLiteral("--lang"), QStringLiteral("eng+chi_sim")});
    };
    const Status missing = checkLanguages(withLang({QStringLiteral("ocr")}), installed);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message,
              QStringLiteral("error: Tesseract language data for 'chi_sim' is not installed (Debian package "
                             "tesseract-ocr-chi-sim)"));
    EXPECT_FALSE(checkLanguages(withLang({QStringLiteral("import"), QStringLiteral("a.pdf")}), installed));
    EXPECT_FALSE(checkLanguages(withLang({QStringLiteral("ocr"), QStringLiteral("--workers"), QStringLiteral("h:1"),
                                          QStringLiteral("--fallback"), QStringLiteral("local")}),
                                installed));
    // On workers (no local fallback) the workers check; status, dump and export do no OCR.
    EXPECT_TRUE(checkLanguages(withLang({QStringLiteral("ocr"), QStringLiteral("--workers"), QStringLiteral("h:1")}),
                               installed));
    EXPECT_TRUE(checkLanguages(withLang({QStringLiteral("status")}), installed));
    EXPECT_TRUE(checkLanguages(withLang({QStringLiteral("export")}), installed));
    EXPECT_TRUE(checkLanguages(options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject, QStringLiteral("--lang"),
                                        QStringLiteral("eng+fra")}),
                               installed));
}

TEST(CliOptions, EngineAndProfile)
{
    const QStringList ocr{QStringLiteral("ocr"), QStringLiteral("-p"), kProject};
    const CliOptions plain = options(ocr);
    EXPECT_TRUE(plain.engines.isEmpty()); // not given: the project's choice applies
    EXPECT_TRUE(plain.profile.isEmpty());
    for (const QString& e : {QStringLiteral("tesseract"), QStringLiteral("ppocr"), QStringLiteral("tesseract+ppocr")})
        EXPECT_EQ(options(ocr + QStringList{QStringLiteral("--engine"), e}).engines, e);
    const CliOptions imported = options({QStringLiteral("import"), QStringLiteral("a.pdf"), QStringLiteral("-p"),
                                         kProject, QStringLiteral("--profile"), QStringLiteral("fast")});
    EXPECT_EQ(imported.profile, QStringLiteral("fast"));
    for (const QString& bad : {QStringLiteral("easyocr"), QStringLiteral("ppocr+tesseract"), QString()})
        EXPECT_EQ(usageError(ocr + QStringList{QStringLiteral("--engine"), bad}),
                  QStringLiteral("error: --engine takes tesseract, ppocr or tesseract+ppocr"))
            << qPrintable(bad);
    EXPECT_EQ(usageError(ocr + QStringList{QStringLiteral("--profile"), QStringLiteral("slow")}),
              QStringLiteral("error: --profile takes fast or accurate"));
    // Tesseract's model: not given, fast or best_int; nothing else.
    EXPECT_TRUE(plain.tesseractModel.isEmpty());
    for (const QString& m : {QStringLiteral("fast"), QStringLiteral("best_int")})
        EXPECT_EQ(options(ocr + QStringList{QStringLiteral("--tesseract-model"), m}).tesseractModel, m);
    EXPECT_EQ(usageError(ocr + QStringList{QStringLiteral("--tesseract-model"), QStringLiteral("best")}),
              QStringLiteral("error: --tesseract-model takes fast or best_int"));
}

TEST(CliOptions, EnginesNeedsNoProject)
{
    const CliOptions o = options({QStringLiteral("engines"), QStringLiteral("--json")});
    EXPECT_EQ(o.command, QStringLiteral("engines"));
    EXPECT_TRUE(o.json);
    EXPECT_EQ(usageError({QStringLiteral("engines"), QStringLiteral("x")}),
              QStringLiteral("error: engines takes no paths"));
}

TEST(CliOptions, EnginesNamedAreCheckedBeforeAnyWork)
{
    EngineInfo tesseract;
    tesseract.name = QStringLiteral("tesseract");
    EngineInfo ppocr;
    ppocr.name = QStringLiteral("ppocr");
    ppocr.available = false;
    ppocr.reason = QStringLiteral("model file ch_PP-OCRv4_rec_infer.onnx does not match its SHA-256");
    const std::vector<EngineInfo> engines{tesseract, ppocr};
    auto withEngine = [](const QStringList& args, const QString& engine) {
        return options(args + QStringList{QStringLiteral("-p"), kProject, QStringLiteral("--engine"), engine});
    };
    const Status bad = checkEngines(withEngine({QStringLiteral("ocr")}, QStringLiteral("tesseract+ppocr")), engines);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, QStringLiteral("error: the OCR engine ppocr is not available: model file "
                                                  "ch_PP-OCRv4_rec_infer.onnx does not match its SHA-256"));
    EXPECT_FALSE(checkEngines(withEngine({QStringLiteral("import"), QStringLiteral("a.pdf")}, QStringLiteral("ppocr")),
                              engines));
    const Status absent = checkEngines(withEngine({QStringLiteral("ocr")}, QStringLiteral("ppocr")), {tesseract});
    ASSERT_FALSE(absent);
    EXPECT_EQ(absent.error().message,
              QStringLiteral("error: the OCR engine ppocr is not available: not part of this installation"));
    EXPECT_TRUE(checkEngines(withEngine({QStringLiteral("ocr")}, QStringLiteral("tesseract")), engines));
    EXPECT_TRUE(checkEngines(options({QStringLiteral("ocr"), QStringLiteral("-p"), kProject}), engines));
    // With workers too: the engines are chosen here, from what this installation has.
    EXPECT_FALSE(checkEngines(withEngine({QStringLiteral("ocr"), QStringLiteral("--workers"), QStringLiteral("h:1")},
                                         QStringLiteral("ppocr")),
                              engines));
    EXPECT_TRUE(checkEngines(withEngine({QStringLiteral("status")}, QStringLiteral("ppocr")), engines));
}

TEST(CliOptions, TypesAndClassify)
{
    const auto q = [](const char* s) { return QString::fromUtf8(s); };
    EXPECT_TRUE(options({q("types"), q("-p"), kProject}).inputs.isEmpty());
    const CliOptions add = options({q("types"), q("-p"), kProject, q("add"), q("parking_ticket"), q("Parking ticket")});
    EXPECT_EQ(add.command, q("types"));
    EXPECT_EQ(add.inputs, (QStringList{q("add"), q("parking_ticket"), q("Parking ticket")}));
    const CliOptions profile =
        options({q("types"), q("-p"), kProject, q("profile"), q("fax"), q("--engine"), q("tesseract"), q("--profile"),
                 q("fast"), q("--dpi"), q("200"), q("--binarize"), q("sauvola"), q("--review-threshold"), q("70")});
    EXPECT_EQ(profile.engines, q("tesseract"));
    EXPECT_EQ(profile.profile, q("fast"));
    EXPECT_EQ(profile.typeProfile.dpi, 200);
    EXPECT_EQ(profile.typeProfile.binarize, q("sauvola"));
    EXPECT_EQ(profile.typeProfile.reviewThreshold, 70.0);
    EXPECT_FALSE(profile.typeProfile.clear);
    // Not given: nothing to store (the import's defaults do not leak into a type's profile).
    const CliOptions bare = options({q("types"), q("-p"), kProject, q("profile"), q("fax")});
    EXPECT_EQ(bare.typeProfile.dpi, 0);
    EXPECT_TRUE(bare.typeProfile.binarize.isEmpty());
    EXPECT_FALSE(bare.typeProfile.reviewThreshold.has_value());
    EXPECT_TRUE(options({q("types"), q("-p"), kProject, q("profile"), q("fax"), q("--clear")}).typeProfile.clear);
    EXPECT_EQ(options({q("types"), q("-p"), kProject, q("set"), q("fax"), q("3"), q("a.pdf")}).inputs.size(), 4);
    const CliOptions classify = options({q("classify"), q("-p"), kProject, q("3"), q("--all")});
    EXPECT_EQ(classify.inputs, QStringList{q("3")});
    EXPECT_TRUE(classify.all);

    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("frobnicate")}),
              q("error: unknown types command 'frobnicate' (list, add, remove, title, profile, set, clear, confirm)"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("add")}),
              q("error: types add takes a NAME and an optional TITLE"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("title"), q("fax")}),
              q("error: types title takes a NAME and a TITLE"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("set"), q("fax")}),
              q("error: types set takes a TYPE and at least one document (its id or path)"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("confirm")}),
              q("error: types confirm takes at least one document (its id or path)"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("profile"), q("fax"), q("--review-threshold"), q("101")}),
              q("error: --review-threshold takes a number from 0 to 100"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("profile"), q("fax"), q("--clear"), q("--dpi"), q("200")}),
              q("error: types profile --clear takes no other setting"));
    EXPECT_EQ(usageError({q("types"), q("-p"), kProject, q("remove"), q("fax"), q("--clear")}),
              q("error: --clear and --review-threshold go with types profile"));
    EXPECT_EQ(usageError({q("classify")}), q("error: -p/--project FILE is required"));
}

TEST(CliOptions, WatchTakesFoldersAndItsOptions)
{
    const CliOptions o = options({QStringLiteral("watch"), QStringLiteral("-p"), kProject, QStringLiteral("/in/a"),
                                  QStringLiteral("/in/b"), QStringLiteral("--rescan"), QStringLiteral("5"),
                                  QStringLiteral("--stable-for"), QStringLiteral("250"), QStringLiteral("--done"),
                                  QStringLiteral("--no-ocr")});
    EXPECT_EQ(o.command, QStringLiteral("watch"));
    EXPECT_EQ(o.inputs, (QStringList{QStringLiteral("/in/a"), QStringLiteral("/in/b")}));
    EXPECT_EQ(o.rescanSeconds, 5);
    EXPECT_EQ(o.stableForMs, 250);
    EXPECT_EQ(o.moveDone, QStringLiteral("/in/a/done")); // --done: in the first folder
    EXPECT_TRUE(o.noOcr);

    const CliOptions defaults =
        options({QStringLiteral("watch"), QStringLiteral("-p"), kProject, QStringLiteral("in")});
    EXPECT_EQ(defaults.rescanSeconds, 30);
    EXPECT_EQ(defaults.stableForMs, 1000);
    EXPECT_TRUE(defaults.moveDone.isEmpty()); // files stay where they landed unless asked
    EXPECT_EQ(options({QStringLiteral("watch"), QStringLiteral("-p"), kProject, QStringLiteral("in"),
                       QStringLiteral("--move-done"), QStringLiteral("/archive")})
                  .moveDone,
              QStringLiteral("/archive"));
}

TEST(CliOptions, WatchRefusesWhatCannotWork)
{
    EXPECT_EQ(usageError({QStringLiteral("watch"), QStringLiteral("-p"), kProject}),
              QStringLiteral("error: watch needs at least one folder"));
    EXPECT_EQ(usageError({QStringLiteral("watch"), QStringLiteral("-p"), kProject, QStringLiteral("in"),
                          QStringLiteral("--rescan"), QStringLiteral("0")}),
              QStringLiteral("error: --rescan takes a whole number from 1 to 86400"));
    EXPECT_EQ(usageError({QStringLiteral("watch"), QStringLiteral("-p"), kProject, QStringLiteral("in"),
                          QStringLiteral("--stable-for"), QStringLiteral("soon")}),
              QStringLiteral("error: --stable-for takes a whole number from 1 to 3600000"));
    EXPECT_EQ(usageError({QStringLiteral("watch"), QStringLiteral("-p"), kProject, QStringLiteral("in"),
                          QStringLiteral("--done"), QStringLiteral("--move-done"), QStringLiteral("x")}),
              QStringLiteral("error: --move-done DIR and --done cannot go together"));
    EXPECT_EQ(usageError({QStringLiteral("watch"), QStringLiteral("in")}),
              QStringLiteral("error: -p/--project FILE is required"));
}

} // namespace
} // namespace incidoc::cli
