// `incidoc-cli export --redact` end to end: a project of generated text PDFs and one scanned page with
// planted sensitive values (a person's name, date of birth, phone in two formats, plate, VIN, email and
// address, in fields, a narrative and a table; the same person on two documents), imported and OCR'd by
// the CLI. The redacted bundle is searched with nothing from Incidoc (Python's zipfile and regular
// expressions over every entry, and the Tesseract program over every image): no planted value anywhere.
// Pseudonyms agree across pages, documents and re-exports, and differ in another project; a region marked
// sensitive on a text-layer page is black in its page image; an export that would leak (a label named
// after the planted person, which COCO and Label Studio carry) is refused and leaves no file.

#include "core/storage/project_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

// The planted values, and patterns that find them in any case, spacing or punctuation.
const char* const kFindPlanted = R"PY(
import json, re, sys, zipfile, subprocess, tempfile, os
planted = {
    'person_name': r'jonah\W{0,3}pritchard|pritchard',
    'date_of_birth': r'0?7\W{0,2}22\W{0,2}1988|1988\W07\W22',
    'phone': r'555\W{0,3}287\W{0,3}6612',
    'vehicle_plate': r'7\W?kqx\W?219',
    'vin': r'1hgcm82633a004352',
    'email': r'jonah\.pritchard@mailbox\.net',
    'address': r'1420\W{0,3}larkspur',
}
z = zipfile.ZipFile(sys.argv[1])
bad = []
images = []
for n in z.namelist():
    data = z.read(n)
    if n.lower().endswith(('.png', '.jpg', '.jpeg')):
        images.append((n, data))
        continue
    text = data.decode('utf-8').lower()
    for t, p in planted.items():
        if re.search(p, text):
            bad.append('%s: %s' % (n, t))
with tempfile.TemporaryDirectory() as d:
    for n, data in images:
        if not n.startswith(('images/', 'visualizations/')):
            continue
        path = os.path.join(d, 'x' + os.path.splitext(n)[1])
        open(path, 'wb').write(data)
        env = dict(os.environ, OMP_THREAD_LIMIT='1')
        text = subprocess.run(['tesseract', path, '-', '--psm', '3'], capture_output=True, env=env).stdout
        text = text.decode('utf-8', 'replace').lower()
        for t, p in planted.items():
            if re.search(p, text):
                bad.append('%s (OCR): %s' % (n, t))
print('leaks', len(bad))
for b in bad:
    print(b)
)PY";

// The bundled sample report's personal values (resources/samples/incident-report.txt), as patterns.
const char* const kSampleValues = R"PY({
    "driver": "jonah\\W{0,4}r?\\W{0,3}pritchard|pritchard",
    "officer": "dana\\W{0,3}whitfield|whitfield",
    "witness 1": "elena\\W{0,3}marsh",
    "witness 2": "theodore\\W{0,3}quill",
    "date of birth": "0?7\\W{0,2}22\\W{0,2}1988",
    "phone 1": "555\\W{0,3}014\\W{0,3}2283",
    "phone 2": "555\\W{0,3}019\\W{0,3}7740",
    "plate": "ktr\\W?4582",
    "address": "1420\\W{0,3}alder"
})PY";

// Searches every entry of a ZIP (argv[1]) and Tesseract's reading of every image for the patterns in
// argv[2] (JSON: name -> regular expression, matched on lower-case text).
const char* const kFindValues = R"PY(
import json, re, sys, zipfile, subprocess, tempfile, os
patterns = json.loads(sys.argv[2])
z = zipfile.ZipFile(sys.argv[1])
bad = []
with tempfile.TemporaryDirectory() as d:
    for n in z.namelist():
        data = z.read(n)
        if n.lower().endswith(('.png', '.jpg', '.jpeg')):
            path = os.path.join(d, 'x' + os.path.splitext(n)[1])
            open(path, 'wb').write(data)
            env = dict(os.environ, OMP_THREAD_LIMIT='1')
            text = subprocess.run(['tesseract', path, '-', '--psm', '3'], capture_output=True, env=env).stdout
            where = n + ' (OCR)'
        else:
            text, where = data, n
        text = text.decode('utf-8', 'replace').lower()
        for name, p in patterns.items():
            if re.search(p, text):
                bad.append('%s: %s' % (where, name))
print('leaks', len(bad))
for b in bad:
    print(b)
)PY";

struct ProgramRun {
    int code = -1;
    QString out;
};

ProgramRun run(const QString& program, const QStringList& args, int timeoutMs = 600'000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

/// An incident form with the planted person in fields, a narrative and a table.
std::vector<GeneratedPage> reportPages()
{
    GeneratedPage form;
    form.lines = {QStringLiteral("INCIDENT REPORT"),
                  QStringLiteral("Case: 24-118"),
                  QStringLiteral("Driver: Jonah Pritchard"),
                  QStringLiteral("DOB: 07/22/1988"),
                  QStringLiteral("Phone: (555) 287-6612"),
                  QStringLiteral("Email: jonah.pritchard@mailbox.net"),
                  QStringLiteral("Address: 1420 Larkspur Avenue"),
                  QStringLiteral("Plate: 7KQX219"),
                  QStringLiteral("VIN: 1HGCM82633A004352"),
                  QStringLiteral(""),
                  QStringLiteral("The vehicle stopped near the bridge after the rain started."),
                  QStringLiteral("Officers arrived shortly and secured the scene.")};
    GeneratedPage narrative;
    narrative.lines = {QStringLiteral("NARRATIVE"),
                       QStringLiteral("Pritchard said the brakes failed on the hill."),
                       QStringLiteral("He was reached later at 555-287-6612 for a statement."),
                       QStringLiteral(""),
                       QStringLiteral("Name Phone Plate"),
                       QStringLiteral("Jonah Pritchard 555-287-6612 7KQX219"),
                       QStringLiteral(""),
                       QStringLiteral("Nobody was hurt and the road reopened at noon.")};
    return {form, narrative};
}

/// A witness statement on another document that names the same person.
std::vector<GeneratedPage> statementPages()
{
    GeneratedPage p;
    p.lines = {QStringLiteral("WITNESS STATEMENT"), QStringLiteral("Witness: Mara Okafor"),
               QStringLiteral("Phone: 555-402-7731"),
               QStringLiteral("I saw Jonah Pritchard leave the car before it rolled."),
               QStringLiteral("The street was quiet and the lights were green.")};
    return {p};
}

std::vector<GeneratedPage> scannedPages()
{
    GeneratedPage p;
    p.lines = {QStringLiteral("SUPPLEMENT"), QStringLiteral("Owner: Jonah Pritchard"),
               QStringLiteral("Phone: (555) 287-6612"), QStringLiteral("Plate: 7KQX219"),
               QStringLiteral("The tow truck came at four.")};
    return {p};
}

QJsonObject parseJson(const QString& s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}

/// Unzips `zip` into `dir` with Python's zipfile (nothing from Incidoc).
bool extract(const QString& zip, const QString& dir)
{
    return run(QStringLiteral("python3"),
               {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-e"), zip, dir})
               .code
           == 0;
}

QJsonObject readJsonFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// Every word of a bundle's page JSON: (document slug/page stem, word id) -> (text, redacted).
std::map<std::pair<QString, long long>, std::pair<QString, bool>> bundleWords(const QString& dir)
{
    std::map<std::pair<QString, long long>, std::pair<QString, bool>> words;
    QDir docs(QDir(dir).filePath(QStringLiteral("documents")));
    for (const QString& slug : docs.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const QString& page : QDir(docs.filePath(slug)).entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const QJsonObject o = readJsonFile(QDir(docs.filePath(slug)).filePath(page));
            for (const QJsonValue& w : o[QStringLiteral("words")].toArray()) {
                const QJsonObject word = w.toObject();
                words[{slug + QLatin1Char('/') + page, word[QStringLiteral("id")].toInteger()}] = {
                    word[QStringLiteral("text")].toString(), word[QStringLiteral("redacted")].toBool()};
            }
        }
    return words;
}

/// Word id -> text of every word of the project.
std::map<long long, QString> projectWords(const QString& project)
{
    std::map<long long, QString> out;
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    if (!store)
        return out;
    for (const auto& d : *(*store)->documents())
        for (const auto& p : *(*store)->pages(d.id))
            for (const auto& w : *(*store)->words(p.id))
                out[w.id] = w.text;
    return out;
}

/// Original name word -> the pseudonyms it became in a bundle.
std::map<QString, std::set<QString>> namePseudonyms(const QString& project, const QString& dir)
{
    const auto original = projectWords(project);
    std::map<QString, std::set<QString>> out;
    for (const auto& [key, word] : bundleWords(dir)) {
        const auto it = original.find(key.second);
        if (it == original.end() || !word.second)
            continue;
        QString o = it->second;
        o.remove(QRegularExpression(QStringLiteral("[^A-Za-z]")));
        QString pseudonym = word.first;
        pseudonym.remove(QRegularExpression(QStringLiteral("[^A-Za-z]")));
        if (o == QLatin1String("Jonah") || o == QLatin1String("Pritchard") || o == QLatin1String("PRITCHARD"))
            out[o].insert(pseudonym);
    }
    return out;
}

class CliRedactedExport : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const QString report = s_dir->filePath(QStringLiteral("pritchard-report.pdf"));
        const QString statement = s_dir->filePath(QStringLiteral("statement.pdf"));
        const QString scan = s_dir->filePath(QStringLiteral("scan.pdf"));
        ASSERT_TRUE(writeTextPdf(report, reportPages()));
        ASSERT_TRUE(writeTextPdf(statement, statementPages()));
        ASSERT_TRUE(writeScannedPdf(scan, scannedPages(), 300));
        for (const QString& project : {projectPath(), otherProjectPath()}) {
            const CliRun imported =
                runCli({QStringLiteral("import"), QStringLiteral("-p"), project, QStringLiteral("-q"),
                        QStringLiteral("--profile"), QStringLiteral("fast"), report, statement, scan});
            ASSERT_EQ(imported.exitCode, 0) << qPrintable(imported.err);
        }
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QString projectPath() { return s_dir->filePath(QStringLiteral("p.incidoc")); }
    static QString otherProjectPath() { return s_dir->filePath(QStringLiteral("other.incidoc")); }

    /// A redacted export of `project` into `zip`; its --json.
    static QJsonObject exportRedacted(const QString& project, const QString& zip, QString* error = nullptr)
    {
        const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), zip,
                                 QStringLiteral("--redact"), QStringLiteral("--json")});
        if (error)
            *error = r.err;
        EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
        return parseJson(r.out);
    }

    static QTemporaryDir* s_dir;
};
QTemporaryDir* CliRedactedExport::s_dir = nullptr;

} // namespace

TEST_F(CliRedactedExport, RedactionsListsThePlantedValuesByType)
{
    const CliRun r =
        runCli({QStringLiteral("redactions"), QStringLiteral("-p"), projectPath(), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject o = parseJson(r.out);
    std::set<QString> types;
    std::set<long long> documentsWithName;
    for (const QJsonValue& f : o[QStringLiteral("findings")].toArray()) {
        const QJsonObject finding = f.toObject();
        types.insert(finding[QStringLiteral("type")].toString());
        if (finding[QStringLiteral("type")].toString() == QLatin1String("person_name")
            && finding[QStringLiteral("text")].toString().contains(QLatin1String("Pritchard")))
            documentsWithName.insert(finding[QStringLiteral("document")].toInteger());
        EXPECT_GT(finding[QStringLiteral("page")].toInt(), 0);
    }
    for (const char* t : {"person_name", "date_of_birth", "phone", "vehicle_plate", "vin", "email", "address"})
        EXPECT_TRUE(types.count(QString::fromLatin1(t))) << t << " not listed:\n" << qPrintable(r.out);
    EXPECT_EQ(documentsWithName.size(), 3u) << "the same person on every document";
    // The plain listing: one line per finding, tab separated.
    const CliRun text = runCli({QStringLiteral("redactions"), QStringLiteral("-p"), projectPath()});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QLatin1String("person_name\t")));
}

TEST_F(CliRedactedExport, BundleHoldsNoPlantedValueInAnyEntryNorInTheOcrOfAnyImage)
{
    const QString zip = s_dir->filePath(QStringLiteral("redacted.zip"));
    const QJsonObject json = exportRedacted(projectPath(), zip);
    EXPECT_TRUE(json[QStringLiteral("redacted")].toBool());
    const QJsonObject counts = json[QStringLiteral("redaction")].toObject();
    EXPECT_GT(counts[QStringLiteral("findings")].toInt(), 10);
    EXPECT_GT(counts[QStringLiteral("words_rewritten")].toInt(), 10);
    EXPECT_GT(counts[QStringLiteral("areas_filled")].toInt(), 10);
    EXPECT_GT(counts[QStringLiteral("by_type")].toObject()[QStringLiteral("person_name")].toInt(), 3);

    const ProgramRun py = run(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kFindPlanted), zip});
    ASSERT_EQ(py.code, 0) << qPrintable(py.out);
    EXPECT_TRUE(py.out.startsWith(QLatin1String("leaks 0"))) << qPrintable(py.out);

    QTemporaryDir out;
    ASSERT_TRUE(extract(zip, out.path()));
    const QJsonObject manifest = readJsonFile(out.filePath(QStringLiteral("manifest.json")));
    EXPECT_TRUE(manifest[QStringLiteral("redacted")].toBool());
    for (const QJsonValue& d : manifest[QStringLiteral("documents")].toArray()) {
        const QJsonObject doc = d.toObject();
        EXPECT_TRUE(doc[QStringLiteral("name")].toString().startsWith(QLatin1String("document-")))
            << qPrintable(doc[QStringLiteral("name")].toString());
        EXPECT_FALSE(doc[QStringLiteral("source_path")].toString().contains(s_dir->path()));
    }
    for (const QJsonValue& e : manifest[QStringLiteral("entries")].toArray())
        EXPECT_FALSE(
            e.toObject()[QStringLiteral("path")].toString().contains(QLatin1String("pritchard"), Qt::CaseInsensitive));
    // The report: counts only.
    const QJsonObject report = readJsonFile(out.filePath(QStringLiteral("redaction/report.json")));
    EXPECT_EQ(report[QStringLiteral("schema")].toString(), QStringLiteral("incidoc.redaction-report/1"));
    EXPECT_GE(report[QStringLiteral("pages_with_redactions")].toInt(), 4);
    EXPECT_GT(report[QStringLiteral("words_rewritten")].toInt(), 10);
    // Rewritten words say so.
    int redacted = 0;
    for (const auto& [key, word] : bundleWords(out.path()))
        redacted += word.second ? 1 : 0;
    EXPECT_EQ(redacted, report[QStringLiteral("words_rewritten")].toInt());

    // The same person has one pseudonym on every page of every document.
    const auto names = namePseudonyms(projectPath(), out.path());
    ASSERT_TRUE(names.count(QStringLiteral("Pritchard"))) << "the name was not rewritten";
    for (const auto& [original, pseudonyms] : names) {
        EXPECT_EQ(pseudonyms.size(), 1u) << qPrintable(original) << ": " << pseudonyms.size() << " pseudonyms";
        EXPECT_FALSE(pseudonyms.count(original));
    }
}

TEST_F(CliRedactedExport, ReExportsAgreeAndAnotherProjectDiffers)
{
    const QString a = s_dir->filePath(QStringLiteral("a.zip")), b = s_dir->filePath(QStringLiteral("b.zip")),
                  c = s_dir->filePath(QStringLiteral("c.zip"));
    exportRedacted(projectPath(), a);
    exportRedacted(projectPath(), b);
    exportRedacted(otherProjectPath(), c);
    QTemporaryDir da, db, dc;
    ASSERT_TRUE(extract(a, da.path()) && extract(b, db.path()) && extract(c, dc.path()));
    const auto wa = bundleWords(da.path()), wb = bundleWords(db.path());
    ASSERT_FALSE(wa.empty());
    EXPECT_TRUE(wa == wb) << "two redacted exports of one project differ";
    const auto na = namePseudonyms(projectPath(), da.path()), nc = namePseudonyms(otherProjectPath(), dc.path());
    ASSERT_TRUE(na.count(QStringLiteral("Pritchard")) && nc.count(QStringLiteral("Pritchard")));
    EXPECT_NE(*na.at(QStringLiteral("Pritchard")).begin(), *nc.at(QStringLiteral("Pritchard")).begin())
        << "another project (another secret) gave the same pseudonym";
}

TEST_F(CliRedactedExport, RegionMarkedSensitiveOnATextLayerPageIsBlackInThePageImage)
{
    // A copy of the project, so the mark changes no other test.
    const QString project = s_dir->filePath(QStringLiteral("marked.incidoc"));
    ASSERT_TRUE(QFile::copy(projectPath(), project));
    PixelBox region;
    DocumentId statementId = 0;
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        DocumentRecord statement;
        for (const auto& d : *(*store)->documents())
            if (d.name == QLatin1String("statement.pdf"))
                statement = d;
        statementId = statement.id;
        const PageRecord page = (*(*store)->pages(statement.id))[0];
        ASSERT_EQ(page.kind, PageKind::TextLayer) << "a text-layer page";
        // The last line: "The street was quiet ...", nothing sensitive there.
        const auto words = *(*store)->words(page.id);
        for (const auto& w : words)
            if (w.text == QLatin1String("street") || w.text == QLatin1String("quiet"))
                region = region.united(w.box);
        ASSERT_FALSE(region.isEmpty());
        RedactionMark mark;
        mark.pageId = page.id;
        mark.target = MarkTarget::Region;
        mark.box = region;
        mark.type = SensitiveType::Other;
        ASSERT_TRUE((*store)->addRedactionMark(mark).ok());
    }
    const QString zip = s_dir->filePath(QStringLiteral("marked.zip"));
    exportRedacted(project, zip);
    QTemporaryDir out;
    ASSERT_TRUE(extract(zip, out.path()));
    // Its folder, from the manifest (documents keep their ids, not their names).
    QString slug;
    for (const QJsonValue& d :
         readJsonFile(out.filePath(QStringLiteral("manifest.json")))[QStringLiteral("documents")].toArray())
        if (d.toObject()[QStringLiteral("id")].toInteger() == statementId)
            slug = d.toObject()[QStringLiteral("slug")].toString();
    ASSERT_FALSE(slug.isEmpty());
    const QString stem = QStringLiteral("images/%1/page-0001.png").arg(slug);
    const QImage image(out.filePath(stem));
    ASSERT_FALSE(image.isNull());
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    long long dark = 0, all = 0;
    for (int y = region.y0; y < region.y1; ++y)
        for (int x = region.x0; x < region.x1; ++x, ++all)
            dark += grey.pixelColor(x, y).lightness() < 64 ? 1 : 0;
    EXPECT_EQ(dark, all) << "the marked region is not filled black";
    // The same area of the unmarked project's bundle is mostly white (it was text, not a filled box).
    const QString plain = s_dir->filePath(QStringLiteral("unmarked.zip"));
    exportRedacted(projectPath(), plain);
    QTemporaryDir plainOut;
    ASSERT_TRUE(extract(plain, plainOut.path()));
    const QImage before = QImage(plainOut.filePath(stem)).convertToFormat(QImage::Format_Grayscale8);
    long long darkBefore = 0;
    for (int y = region.y0; y < region.y1; ++y)
        for (int x = region.x0; x < region.x1; ++x)
            darkBefore += before.pixelColor(x, y).lightness() < 64 ? 1 : 0;
    EXPECT_LT(darkBefore, all / 2);
}

TEST_F(CliRedactedExport, AnExportThatWouldLeakIsRefusedAndLeavesNoFile)
{
    // A label named after the planted person: label names are not redacted, and COCO's categories and
    // Label Studio's tasks carry them.
    const QString project = s_dir->filePath(QStringLiteral("leaky.incidoc"));
    ASSERT_TRUE(QFile::copy(projectPath(), project));
    {
        auto store = ProjectStore::open(project);
        ASSERT_TRUE(store.ok());
        LabelRecord label;
        label.name = QStringLiteral("Jonah Pritchard");
        label.color = QStringLiteral("#aa3300");
        ASSERT_TRUE((*store)->addLabel(label).ok());
    }
    QDir folder(s_dir->filePath(QStringLiteral("leak-out")));
    ASSERT_TRUE(folder.mkpath(QStringLiteral(".")));
    const QString zip = folder.filePath(QStringLiteral("leak.zip"));
    const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), zip,
                             QStringLiteral("--redact")});
    EXPECT_EQ(r.exitCode, 2) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QLatin1String("redaction check failed: coco.json holds a person name")))
        << qPrintable(r.err);
    EXPECT_FALSE(r.err.contains(QLatin1String("Pritchard"))) << "the error names the value";
    EXPECT_FALSE(QFile::exists(zip));
    EXPECT_TRUE(folder.entryList(QDir::Files | QDir::Hidden).isEmpty())
        << qPrintable(folder.entryList(QDir::Files | QDir::Hidden).join(QLatin1Char(' ')));
}

TEST_F(CliRedactedExport, TimeAgainstAPlainExport)
{
    // Measured, not asserted (the machine is shared): printed for the README.
    auto timed = [](const QStringList& args) {
        QElapsedTimer t;
        t.start();
        const CliRun r = runCli(args);
        EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
        return t.elapsed();
    };
    const QString plain = s_dir->filePath(QStringLiteral("t-plain.zip")),
                  redacted = s_dir->filePath(QStringLiteral("t-redacted.zip"));
    const qint64 p = timed({QStringLiteral("export"), QStringLiteral("-p"), projectPath(), QStringLiteral("-o"), plain,
                            QStringLiteral("-q")});
    const qint64 r = timed({QStringLiteral("export"), QStringLiteral("-p"), projectPath(), QStringLiteral("-o"),
                            redacted, QStringLiteral("-q"), QStringLiteral("--redact")});
    std::printf("plain export %lld ms, redacted %lld ms (%.2fx)\n", static_cast<long long>(p),
                static_cast<long long>(r), p > 0 ? double(r) / double(p) : 0.0);
}

// The bundled sample report (four scanned pages, read by real OCR), with nobody marking anything: none of its
// people, date of birth, phones, plate or address is left in any entry or in the OCR of any image.
TEST(CliRedactedSample, TheSampleReportKeepsNoPersonalValueInAnyEntryNorImage)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("sample.incidoc"));
    const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("-p"), project, QStringLiteral("-q"),
                                    sourcePath(QStringLiteral("resources/samples/incident-report.pdf"))});
    ASSERT_EQ(imported.exitCode, 0) << qPrintable(imported.err);
    const QString zip = dir.filePath(QStringLiteral("sample-redacted.zip"));
    const CliRun exported = runCli({QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), zip,
                                    QStringLiteral("--redact"), QStringLiteral("--json")});
    ASSERT_EQ(exported.exitCode, 0) << qPrintable(exported.err);
    // The plain export holds them (the search finds what is there) ...
    const QString plain = dir.filePath(QStringLiteral("sample.zip"));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("-p"), project, QStringLiteral("-o"), plain,
                      QStringLiteral("--images"), QStringLiteral("none"), QStringLiteral("--no-visualizations")})
                  .exitCode,
              0);
    const ProgramRun control = run(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kFindValues),
                                                               plain, QString::fromUtf8(kSampleValues)});
    ASSERT_EQ(control.code, 0) << qPrintable(control.out);
    EXPECT_FALSE(control.out.startsWith(QLatin1String("leaks 0"))) << "the search finds nothing in a plain bundle";
    // ... the redacted one none of them.
    const ProgramRun py = run(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kFindValues), zip,
                                                          QString::fromUtf8(kSampleValues)});
    ASSERT_EQ(py.code, 0) << qPrintable(py.out);
    EXPECT_TRUE(py.out.startsWith(QLatin1String("leaks 0"))) << qPrintable(py.out);
}
