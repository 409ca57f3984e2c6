// `incidoc-cli export` end to end on a real project (generated PDFs, the sample incident report and an
// image, imported and OCR'd by the CLI, words labelled through ProjectStore): the bundle is checked by
// independent tools (Python's zipfile/json, Info-ZIP unzip, xmllint), and the export is killed,
// interrupted and starved of disk space to show that a bundle is complete or absent.
//
// ALTO: every file is validated against the ALTO 4.4 schema (../shared/schemas, offline through its XML
// catalog), plus structural XPath checks (namespace v4, Page/PrintSpace/TextBlock/TextLine/String
// nesting, one String per word of the page JSON).

#include "core/storage/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>

#include <unistd.h>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/test_paths.h"
#include "tests/support/xml_schema.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

// Checks a bundle the way a consumer would, with nothing from Incidoc. Prints "ok <pages> <entries>".
const char* const kCheckBundle = R"PY(
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'testzip failed'
names = z.namelist()
assert len(names) == len(set(names)), 'duplicate names'
for n in names:
    assert not n.startswith('/') and '\\' not in n and '..' not in n.split('/'), 'unsafe name ' + n
    n.encode('ascii')
m = json.loads(z.read('manifest.json'))
assert m['schema'] == 'incidoc.bundle/1'
for k in ('tesseract', 'leptonica', 'poppler', 'opencv'):
    assert m['engines'][k][0].isdigit(), m['engines']
listed = {e['path']: e for e in m['entries']}
assert set(listed) == set(names) - {'manifest.json'}, 'manifest does not list every entry'
for n, e in listed.items():
    data = z.read(n)
    assert hashlib.sha256(data).hexdigest() == e['sha256'], 'sha256 mismatch ' + n
    assert len(data) == e['bytes'], 'size mismatch ' + n
    info = z.getinfo(n)
    want = zipfile.ZIP_STORED if n.endswith(('.png', '.jpg')) else zipfile.ZIP_DEFLATED
    assert info.compress_type == want or len(data) == 0, 'method of ' + n
assert sum(d['pages'] for d in m['documents']) > 0
pages = {}
for d in m['documents']:
    for i in range(1, d['pages'] + 1):
        stem = '%s/page-%04d' % (d['slug'], i)
        for f in ('documents/%s.json', 'images/%s.png', 'visualizations/%s.jpg', 'hocr/%s.hocr', 'alto/%s.xml'):
            assert f % stem in listed, 'missing ' + f % stem
        pages[stem] = json.loads(z.read('documents/%s.json' % stem))
        png = z.read('images/%s.png' % stem)
        assert png[:8] == b'\x89PNG\r\n\x1a\n'
        w = int.from_bytes(png[16:20], 'big'); h = int.from_bytes(png[20:24], 'big')
        assert (w, h) == (pages[stem]['page']['width'], pages[stem]['page']['height']), stem
        assert png[24] == 1, 'not 1-bit'
        assert z.read('visualizations/%s.jpg' % stem)[:2] == b'\xff\xd8'
# COCO: loads, every word once, boxes equal the page JSON's.
coco = json.loads(z.read('coco.json'))
cats = {c['id']: c['name'] for c in coco['categories']}
assert 'word' in cats.values()
images = {im['id']: im for im in coco['images']}
assert len(images) == len(pages)
by_image = {}
for a in coco['annotations']:
    by_image.setdefault(a['image_id'], []).append(a)
labelled = 0
for iid, im in images.items():
    stem = im['file_name'][len('images/'):-len('.png')]
    words = pages[stem]['words']
    anns = by_image.get(iid, [])
    assert len(anns) == len(words), stem
    for a, wd in zip(anns, words):
        x0, y0, x1, y1 = wd['bbox']
        assert a['bbox'] == [x0, y0, x1 - x0, y1 - y0], (stem, a['bbox'], wd['bbox'])
        assert a['text'] == wd['text'] and a['page'] == pages[stem]['page']['number']
        assert cats[a['category_id']] == (wd['label'] or 'word')
        labelled += wd['label'] is not None
assert labelled >= 3, labelled
# Label Studio: one task per page, OCR template shape.
tasks = json.loads(z.read('labelstudio.json'))
assert len(tasks) == len(pages)
for t in tasks:
    assert t['data']['ocr'].startswith('images/')
    stem = t['data']['ocr'][len('images/'):-len('.png')]
    page = pages[stem]
    groups = (t.get('annotations') or t.get('predictions'))
    assert ('annotations' in t) == (page['page']['review'] == 'reviewed')
    res = groups[0]['result']
    ids = {}
    for r in res:
        ids.setdefault(r['id'], []).append(r)
        assert r['to_name'] == 'image'
        v = r['value']
        assert 0 <= v['x'] <= 100 and 0 <= v['y'] <= 100 and 0 <= v['width'] <= 100 and 0 <= v['height'] <= 100
        assert r['original_width'] == page['page']['width']
    assert len(ids) == len(page['words']), stem
    for rid, rs in ids.items():
        types = sorted(r['type'] for r in rs)
        assert types in (['rectangle', 'textarea'], ['labels', 'rectangle', 'textarea']), types
        assert len({json.dumps({k: r['value'][k] for k in ('x', 'y', 'width', 'height')}) for r in rs}) == 1
# Metrics.
rows = z.read('metrics/pages.csv').decode().splitlines()
assert rows[0] == 'document,page,kind,status,review,words,mean_confidence,low_confidence_words,edited_words,labelled_words,render_ms,ocr_ms'
assert len(rows) == len(pages) + 1
summary = json.loads(z.read('metrics/summary.json'))
assert summary['words'] == sum(len(p['words']) for p in pages.values())
assert b'incidoc.bundle/1' in z.read('README.md')
print('ok', len(pages), len(names))
)PY";

struct ProgramRun {
    int code = -1;
    QString out;
};

ProgramRun run(const QString& program, const QStringList& args, int timeoutMs = 300'000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList hiddenPartials(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("*.incidoc-partial")}, QDir::Files | QDir::Hidden);
}

/// One project for every test: a 6-page text PDF, the sample incident report (scanned pages, OCR) and a
/// PNG, imported with the CLI; words labelled and a page reviewed through the project store.
class CliExport : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const QString pdf = s_dir->filePath(QStringLiteral("Incident ..report (draft) é.pdf"));
        ASSERT_TRUE(writeTextPdf(pdf, sampleParagraphPages(6, 21)));
        const QString png = s_dir->filePath(QStringLiteral("photo.png"));
        ASSERT_TRUE(renderTextImage(sampleParagraphPages(1, 4)[0].lines.mid(0, 5), 150).save(png, "PNG"));
        const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("-p"), project(), QStringLiteral("-q"),
                                        pdf, sourcePath(QStringLiteral("resources/samples/incident-report.pdf")), png});
        ASSERT_EQ(imported.exitCode, 0) << qPrintable(imported.err);
        auto store = ProjectStore::open(project());
        ASSERT_TRUE(store.ok());
        auto labels = *(*store)->labels();
        for (const auto& doc : *(*store)->documents()) {
            auto pages = *(*store)->pages(doc.id);
            auto words = *(*store)->words(pages[0].id);
            ASSERT_GE(words.size(), 3u);
            ASSERT_TRUE((*store)->setWordsLabel({words[1].id}, labels[doc.id % labels.size()].id).ok());
        }
        auto first = *(*store)->pages((*(*store)->documents())[0].id);
        ASSERT_TRUE((*store)->setPageReview(first[1].id, ReviewStatus::Reviewed).ok());
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QString project() { return s_dir->filePath(QStringLiteral("p.incidoc")); }

    /// Starts an export that we then interrupt; returns once its partial file exists.
    static bool startExport(QProcess& p, const QString& zip)
    {
        p.start(cliPath(), {QStringLiteral("export"), QStringLiteral("-p"), project(), QStringLiteral("-o"), zip,
                            QStringLiteral("--jobs"), QStringLiteral("1"), QStringLiteral("-q")});
        if (!p.waitForStarted(10'000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30'000) {
            if (!hiddenPartials(QFileInfo(zip).absolutePath()).isEmpty()) {
                QThread::msleep(300); // well into the pages
                return p.state() == QProcess::Running;
            }
            QThread::msleep(10);
        }
        return false;
    }

    static QTemporaryDir* s_dir;
};
QTemporaryDir* CliExport::s_dir = nullptr;

} // namespace

TEST_F(CliExport, BundlePassesZipfileUnzipManifestCocoLabelStudioHocrAndAltoChecks)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("bundle.zip"));
    const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("-p"), project(), QStringLiteral("-o"), zip,
                             QStringLiteral("--jobs"), QStringLiteral("2"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(report[QStringLiteral("pages")].toInt(), 11);
    EXPECT_EQ(report[QStringLiteral("documents")].toInt(), 3);

    const ProgramRun py = run(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kCheckBundle), zip});
    ASSERT_EQ(py.code, 0) << qPrintable(py.out);
    EXPECT_TRUE(py.out.startsWith(QStringLiteral("ok 11 "))) << qPrintable(py.out);
    const ProgramRun unzip = run(QStringLiteral("unzip"), {QStringLiteral("-t"), zip});
    EXPECT_EQ(unzip.code, 0) << qPrintable(unzip.out);
    EXPECT_TRUE(unzip.out.contains(QStringLiteral("No errors detected")));

    // hOCR and ALTO: well-formed, and ALTO has the v4 structure with one String per word.
    QTemporaryDir x;
    ASSERT_EQ(run(QStringLiteral("unzip"), {QStringLiteral("-q"), zip, QStringLiteral("-d"), x.path()}).code, 0);
    QStringList xmlFiles;
    for (const QString& sub : {QStringLiteral("hocr"), QStringLiteral("alto")})
        for (const QString& d : QDir(x.filePath(sub)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString& f : QDir(x.filePath(sub + QLatin1Char('/') + d)).entryList(QDir::Files))
                xmlFiles << x.filePath(sub + QLatin1Char('/') + d + QLatin1Char('/') + f);
    EXPECT_EQ(xmlFiles.size(), 22);
    const ProgramRun lint =
        run(QStringLiteral("xmllint"), QStringList{QStringLiteral("--noout"), QStringLiteral("--nonet")} + xmlFiles);
    EXPECT_EQ(lint.code, 0) << qPrintable(lint.out);
    const QStringList altoFiles = xmlFiles.filter(QRegularExpression(QStringLiteral("\\.xml$")));
    EXPECT_EQ(altoFiles.size(), 11);
    const SchemaCheck schema = validateAgainstSchema(altoFiles, QStringLiteral("alto-4-4.xsd"));
    EXPECT_EQ(schema.code, 0) << qPrintable(schema.output);
    for (const QString& f : xmlFiles) {
        if (!f.endsWith(QLatin1String(".xml")))
            continue;
        QString json = QString(f).replace(x.filePath(QStringLiteral("alto")), x.filePath(QStringLiteral("documents")));
        json.replace(json.size() - 4, 4, QStringLiteral(".json"));
        const int words = QJsonDocument::fromJson(fileBytes(json)).object()[QStringLiteral("words")].toArray().size();
        const ProgramRun count =
            run(QStringLiteral("xmllint"),
                {QStringLiteral("--xpath"),
                 QStringLiteral("count(/*[local-name()='alto' and namespace-uri()='http://www.loc.gov/"
                                "standards/alto/ns-v4#']/*[local-name()='Layout']/*[local-name()='Page']/"
                                "*[local-name()='PrintSpace']/*[local-name()='TextBlock']/"
                                "*[local-name()='TextLine']/*[local-name()='String'][@CONTENT and @HPOS "
                                "and @VPOS and @WIDTH and @HEIGHT])"),
                 f});
        EXPECT_EQ(count.out.trimmed(), QString::number(words)) << qPrintable(f);
        EXPECT_GT(words, 0) << qPrintable(f);
    }
}

TEST_F(CliExport, KillNineLeavesNoFileAndTheOldBundleIntact)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("b.zip"));
    const QByteArray old = "an older bundle that must survive";
    {
        QFile f(zip);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(old);
    }
    QProcess p;
    ASSERT_TRUE(startExport(p, zip));
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    ASSERT_TRUE(p.waitForFinished(10'000));
    EXPECT_EQ(p.exitStatus(), QProcess::CrashExit);
    EXPECT_EQ(fileBytes(zip), old);
    // The killed run's partial is there (it could not clean up) but it is hidden and not a .zip...
    const QStringList partials = hiddenPartials(out.path());
    EXPECT_EQ(partials.size(), 1);
    // ...and the next export removes it and replaces the old bundle.
    const CliRun again = runCli({QStringLiteral("export"), QStringLiteral("-p"), project(), QStringLiteral("-o"), zip,
                                 QStringLiteral("--formats"), QStringLiteral("json"), QStringLiteral("--images"),
                                 QStringLiteral("none"), QStringLiteral("--no-visualizations")});
    ASSERT_EQ(again.exitCode, 0) << qPrintable(again.err);
    EXPECT_TRUE(hiddenPartials(out.path()).isEmpty());
    EXPECT_TRUE(fileBytes(zip).startsWith("PK\x03\x04"));
}

TEST_F(CliExport, CtrlCExitsWith130AndLeavesNoFile)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("b.zip"));
    QProcess p;
    ASSERT_TRUE(startExport(p, zip));
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    ASSERT_TRUE(p.waitForFinished(60'000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 130) << p.readAllStandardError().constData();
    EXPECT_TRUE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_F(CliExport, FileSizeLimitIsAClearErrorWithNoPartialFile)
{
    QTemporaryDir out;
    const QString zip = out.filePath(QStringLiteral("b.zip"));
    // RLIMIT_FSIZE of 1 MiB (ulimit -f counts 1024-byte blocks): the bundle needs several.
    const ProgramRun r =
        run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("ulimit -f 1024; exec \"$0\" \"$@\""),
                                   cliPath(), QStringLiteral("export"), QStringLiteral("-p"), project(),
                                   QStringLiteral("-o"), zip, QStringLiteral("-q")});
    EXPECT_EQ(r.code, 2) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("cannot write %1: File too large").arg(zip))) << qPrintable(r.out);
    EXPECT_TRUE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_F(CliExport, FullDiskIsAClearErrorWithNoPartialFile)
{
    // A 2 MB tmpfs: mounting needs root, which the test environment has (the CI image runs as root).
    ASSERT_EQ(::geteuid(), 0u) << "this test mounts a small tmpfs and needs root";
    QTemporaryDir out;
    const QString mnt = out.filePath(QStringLiteral("small"));
    ASSERT_TRUE(QDir().mkpath(mnt));
    ASSERT_EQ(run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                            QStringLiteral("size=2m"), QStringLiteral("tmpfs"), mnt})
                  .code,
              0);
    const QString zip = mnt + QStringLiteral("/b.zip");
    const CliRun r = runCli({QStringLiteral("export"), QStringLiteral("-p"), project(), QStringLiteral("-o"), zip});
    const QStringList left = QDir(mnt).entryList(QDir::Files | QDir::Hidden);
    run(QStringLiteral("umount"), {mnt});
    EXPECT_EQ(r.exitCode, 2) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("cannot write %1: No space left on device").arg(zip)))
        << qPrintable(r.err);
    EXPECT_TRUE(left.isEmpty()) << qPrintable(left.join(QLatin1Char(' ')));
}

TEST_F(CliExport, BadOptionsAndUnwritableDestinationsAreClearErrors)
{
    const QString p = project();
    EXPECT_EQ(runCli({QStringLiteral("export"), QStringLiteral("-p"), p}).exitCode, 1); // no -o
    const CliRun formats =
        runCli({QStringLiteral("export"), QStringLiteral("-p"), p, QStringLiteral("-o"), QStringLiteral("/tmp/x.zip"),
                QStringLiteral("--formats"), QStringLiteral("json,pdf")});
    EXPECT_EQ(formats.exitCode, 1);
    EXPECT_TRUE(formats.err.contains(QStringLiteral("--formats")));
    EXPECT_EQ(runCli({QStringLiteral("export"), QStringLiteral("-p"), p, QStringLiteral("-o"),
                      QStringLiteral("/tmp/x.zip"), QStringLiteral("--images"), QStringLiteral("colour")})
                  .exitCode,
              1);
    const CliRun dest = runCli(
        {QStringLiteral("export"), QStringLiteral("-p"), p, QStringLiteral("-o"), QStringLiteral("/proc/bundle.zip")});
    EXPECT_EQ(dest.exitCode, 2);
    EXPECT_TRUE(dest.err.contains(QStringLiteral("error: cannot write /proc/bundle.zip"))) << qPrintable(dest.err);
}
