// incidoc-cli as a user runs it: real processes, real files, real project databases.
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <map>

#include <unistd.h>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

bool copyFile(const QString& from, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

/// A PNG whose header claims width x height pixels (valid signature and IHDR CRC, no real data).
QByteArray lyingPng(quint32 width, quint32 height)
{
    QByteArray ihdr("IHDR");
    auto be32 = [](QByteArray& b, quint32 v) {
        for (int s = 24; s >= 0; s -= 8)
            b.append(static_cast<char>((v >> s) & 0xff));
    };
    be32(ihdr, width);
    be32(ihdr, height);
    ihdr.append(char(8)).append(char(0)).append(char(0)).append(char(0)).append(char(0));
    // CRC-32 over chunk type + data.
    auto crc32 = [](const QByteArray& bytes) {
        quint32 crc = 0xffffffffu;
        for (char ch : bytes) {
            crc ^= static_cast<quint8>(ch);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return crc ^ 0xffffffffu;
    };
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    be32(png, 13);
    png += ihdr;
    be32(png, crc32(ihdr));
    // A few real compressed rows, so that a reader gets past the header: the rest is "missing".
    const QByteArray data = qCompress(QByteArray(4096, '\0')).mid(4); // zlib stream without Qt's size prefix
    const QByteArray idat = QByteArray("IDAT") + data;
    be32(png, static_cast<quint32>(data.size()));
    png += idat;
    be32(png, crc32(idat));
    png += QByteArray("\0\0\0\0IEND\xae\x42\x60\x82", 12);
    return png;
}

/// A minimal valid PDF with one page of the given size in points and a line of text.
QByteArray pagePdf(int widthPt, int heightPt)
{
    const QByteArray content = "BT /F1 24 Tf 72 72 Td (Oversized incident map) Tj ET";
    QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        QByteArray("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ") + QByteArray::number(widthPt) + " "
            + QByteArray::number(heightPt) + "] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        QByteArray("<< /Length ") + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<int> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const int xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (int off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

int countPagesWithStatus(const QString& project, PageStatus status)
{
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    if (!store)
        return -1;
    int n = 0;
    for (const auto& d : *(*store)->documents())
        for (const auto& p : *(*store)->pages(d.id))
            n += p.status == status;
    return n;
}

} // namespace

TEST(Cli, VersionReportsOpenMpLimitOfOneEvenWithoutTheVariable)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("OMP_THREAD_LIMIT"));
    env.remove(QStringLiteral("INCIDOC_OMP_REEXEC"));
    const CliRun r = runCli({QStringLiteral("--version")}, 60'000, env);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("OpenMP thread limit 1"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("tesseract 5"))) << qPrintable(r.out);
}

TEST(Cli, BadUsageExitsWithOne)
{
    EXPECT_EQ(runCli({}).exitCode, 1);
    EXPECT_EQ(runCli({QStringLiteral("frobnicate"), QStringLiteral("-p"), QStringLiteral("/tmp/x.incidoc")}).exitCode,
              1);
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("-p"), QStringLiteral("/tmp/x.incidoc")}).exitCode, 1);
    EXPECT_EQ(runCli({QStringLiteral("status")}).exitCode, 1);
    QTemporaryDir dir;
    const CliRun lang = runCli({QStringLiteral("ocr"), QStringLiteral("-p"), dir.filePath(QStringLiteral("p.incidoc")),
                                QStringLiteral("--lang"), QStringLiteral("xyz")});
    EXPECT_EQ(lang.exitCode, 1);
    EXPECT_TRUE(lang.err.contains(QStringLiteral("tesseract-ocr-xyz"))) << qPrintable(lang.err);
}

TEST(Cli, ProjectThatIsNotAProjectIsRefusedAndUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.incidoc"));
    writeBytes(path, "these are my notes, not a database\n");
    const CliRun r = runCli({QStringLiteral("status"), QStringLiteral("-p"), path});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(r.err.isEmpty());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("these are my notes, not a database\n"));
}

TEST(Cli, ImportTextAndScannedPdfsThenStatusAndDump)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString in = dir.filePath(QStringLiteral("in"));
    QDir().mkpath(in + QStringLiteral("/nested"));
    const auto pages = sampleParagraphPages(2, 21);
    ASSERT_TRUE(writeTextPdf(in + QStringLiteral("/report.pdf"), pages));
    ASSERT_TRUE(writeScannedPdf(in + QStringLiteral("/nested/report.pdf"), {pages[0]}, 300, 0.3, 5, 9));
    writeBytes(in + QStringLiteral("/notes.txt"), "not imported: not a PDF or image\n");

    const CliRun r = runCli({QStringLiteral("import"), QStringLiteral("-p"), project, in, QStringLiteral("--jobs"),
                             QStringLiteral("2"), QStringLiteral("--json")});
    ASSERT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(result[QStringLiteral("files")].toArray().size(), 2);
    EXPECT_EQ(result[QStringLiteral("skipped")].toArray().size(), 1);
    EXPECT_EQ(result[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 3);

    // The same folder again: nothing new (SHA-256 deduplication).
    const CliRun again =
        runCli({QStringLiteral("import"), QStringLiteral("-p"), project, in, QStringLiteral("--json")});
    EXPECT_EQ(again.exitCode, 0);
    const QJsonObject second = QJsonDocument::fromJson(again.out.toUtf8()).object();
    for (const auto& f : second[QStringLiteral("files")].toArray())
        EXPECT_EQ(f[QStringLiteral("outcome")].toString(), QStringLiteral("duplicate"));

    const QJsonObject status = statusJson(project);
    EXPECT_EQ(status[QStringLiteral("documents")].toInt(), 2);
    EXPECT_EQ(status[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 3);
    EXPECT_EQ(status[QStringLiteral("kinds")][QStringLiteral("text-layer")].toInt(), 2);
    EXPECT_EQ(status[QStringLiteral("kinds")][QStringLiteral("scanned")].toInt(), 1);
    EXPECT_GT(status[QStringLiteral("words")].toInt(), 200);

    const QString out = dir.filePath(QStringLiteral("dump"));
    const CliRun dump = runCli({QStringLiteral("dump"), QStringLiteral("-p"), project, QStringLiteral("-o"), out});
    EXPECT_EQ(dump.exitCode, 0) << qPrintable(dump.err);
    // Two documents named report.pdf: report/ and report-2/ in import order (sorted paths:
    // in/nested/report.pdf comes before in/report.pdf).
    for (const QString& f : {QStringLiteral("report/page-0001.json"), QStringLiteral("report-2/page-0001.json"),
                             QStringLiteral("report-2/page-0002.json")}) {
        QFile file(QDir(out).filePath(f));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(f);
        const QJsonObject page = QJsonDocument::fromJson(file.readAll()).object();
        EXPECT_EQ(page[QStringLiteral("schema")].toString(), QStringLiteral("incidoc.page/1"));
        const QJsonArray words = page[QStringLiteral("words")].toArray();
        EXPECT_GT(words.size(), 50);
        const int width = page[QStringLiteral("page")][QStringLiteral("width")].toInt();
        const int height = page[QStringLiteral("page")][QStringLiteral("height")].toInt();
        for (int i = 0; i < words.size(); ++i) {
            const QJsonArray box = words[i][QStringLiteral("bbox")].toArray();
            EXPECT_EQ(words[i][QStringLiteral("order")].toInt(), i);
            EXPECT_LE(0, box[0].toInt());
            EXPECT_LT(box[0].toInt(), box[2].toInt());
            EXPECT_LE(box[2].toInt(), width);
            EXPECT_LE(box[3].toInt(), height);
        }
    }
}

TEST(Cli, BadInputsGiveClearPerFileErrorsAndTheBatchGoesOn)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString in = dir.filePath(QStringLiteral("in"));
    QDir().mkpath(in);
    int copied = 0;
    for (const QFileInfo& f :
         QDir(testData(QStringLiteral("pdfjs/test/pdfs"))).entryInfoList({QStringLiteral("*.pdf")}))
        copied += copyFile(f.absoluteFilePath(), in + QLatin1Char('/') + f.fileName());
    ASSERT_GE(copied, 7);
    for (const char* name : {"invalid.pdf", "overlay.pdf", "kcs.pdf"})
        ASSERT_TRUE(copyFile(testData(QStringLiteral("ocrmypdf/tests/resources/") + QLatin1String(name)),
                             in + QLatin1Char('/') + QLatin1String(name)));
    writeBytes(in + QStringLiteral("/zero-bytes.pdf"), {});
    {
        QFile real(testData(QStringLiteral("ocrmypdf/tests/resources/skew.pdf")));
        ASSERT_TRUE(real.open(QIODevice::ReadOnly));
        const QByteArray bytes = real.readAll();
        writeBytes(in + QStringLiteral("/truncated.pdf"), bytes.left(bytes.size() / 2));
    }
    writeBytes(in + QStringLiteral("/two-billion-pixels.png"), lyingPng(50'000, 40'000));
    writeBytes(in + QStringLiteral("/200-inch-page.pdf"), pagePdf(14400, 14400));
    writeBytes(in + QStringLiteral("/not-really.png"), "Witness statement, typed up as plain text.\n");

    const CliRun r = runCli({QStringLiteral("import"), QStringLiteral("-p"), project, in, QStringLiteral("--json"),
                             QStringLiteral("--jobs"), QStringLiteral("2")});
    ASSERT_FALSE(r.crashed) << qPrintable(r.err);
    ASSERT_FALSE(r.timedOut);
    EXPECT_EQ(r.exitCode, 2) << qPrintable(r.err);
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QHash<QString, QString> errors;
    for (const auto& f : result[QStringLiteral("files")].toArray())
        errors.insert(QFileInfo(f[QStringLiteral("path")].toString()).fileName(),
                      f[QStringLiteral("error")].toString());
    EXPECT_EQ(errors.size(), copied + 3 + 5);
    EXPECT_EQ(errors.value(QStringLiteral("zero-bytes.pdf")), QStringLiteral("empty file"));
    EXPECT_TRUE(errors.value(QStringLiteral("invalid.pdf")).contains(QStringLiteral("PDF")))
        << qPrintable(errors.value(QStringLiteral("invalid.pdf")));
    EXPECT_TRUE(errors.value(QStringLiteral("two-billion-pixels.png")).contains(QStringLiteral("too large")));
    EXPECT_TRUE(errors.value(QStringLiteral("not-really.png")).contains(QStringLiteral("not a PDF or image")));

    // Every document either failed with a reason or has all its pages finished (done, or failed with a reason).
    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    for (const auto& d : *(*store)->documents()) {
        if (!d.error.isEmpty())
            continue;
        for (const auto& p : *(*store)->pages(d.id)) {
            EXPECT_TRUE(p.status == PageStatus::Done || p.status == PageStatus::Failed) << qPrintable(d.name);
            if (p.status == PageStatus::Failed) {
                EXPECT_FALSE(p.error.isEmpty()) << qPrintable(d.name);
            }
        }
    }
    // The 200-inch page is rendered within the pixel budget and says so.
    for (const auto& d : *(*store)->documents()) {
        if (d.name != QLatin1String("200-inch-page.pdf"))
            continue;
        const auto pages = *(*store)->pages(d.id);
        ASSERT_EQ(pages.size(), 1u);
        EXPECT_LT(pages[0].dpi, 300);
        EXPECT_TRUE(pages[0].error.contains(QStringLiteral("rendered at"))) << qPrintable(pages[0].error);
    }
    const QJsonObject status = statusJson(project);
    EXPECT_GT(status[QStringLiteral("failures")].toArray().size(), 3);
    for (const auto& f : status[QStringLiteral("failures")].toArray())
        EXPECT_FALSE(f[QStringLiteral("reason")].toString().isEmpty());
}

TEST(Cli, UnreadableFolderIsReportedAndTheRestImported)
{
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString in = dir.filePath(QStringLiteral("in"));
    QDir().mkpath(in + QStringLiteral("/locked"));
    ASSERT_TRUE(writeTextPdf(in + QStringLiteral("/ok.pdf"), sampleParagraphPages(1, 4)));
    ASSERT_TRUE(writeTextPdf(in + QStringLiteral("/locked/secret.pdf"), sampleParagraphPages(1, 5)));
    QFile::setPermissions(in + QStringLiteral("/locked"), QFileDevice::Permissions());
    // Root reads any folder, so run the CLI as an unprivileged user when we are root.
    QStringList args{QStringLiteral("import"), QStringLiteral("-p"), project, in, QStringLiteral("--json")};
    CliRun r;
    if (::geteuid() == 0) {
        for (const QString& p : {in, in + QStringLiteral("/ok.pdf")})
            QFile::setPermissions(p, QFile::permissions(p) | QFileDevice::ReadOther | QFileDevice::ExeOther);
        QProcess p;
        p.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                                       QStringLiteral("--clear-groups"), cliPath()}
                                               + args);
        ASSERT_TRUE(p.waitForFinished(120'000));
        r.exitCode = p.exitCode();
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
    } else {
        r = runCli(args);
    }
    QFile::setPermissions(in + QStringLiteral("/locked"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ASSERT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 2) << qPrintable(r.err);
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    bool okDone = false, lockedReported = false;
    for (const auto& f : result[QStringLiteral("files")].toArray()) {
        const QString path = f[QStringLiteral("path")].toString();
        if (path.endsWith(QStringLiteral("ok.pdf")))
            okDone = f[QStringLiteral("outcome")].toString() == QStringLiteral("added");
        if (path.endsWith(QStringLiteral("locked")))
            lockedReported = f[QStringLiteral("error")].toString().contains(QStringLiteral("cannot be read"));
    }
    EXPECT_TRUE(okDone) << qPrintable(r.out);
    EXPECT_TRUE(lockedReported) << qPrintable(r.out);
    EXPECT_EQ(result[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 1);
}

TEST(Cli, KillDuringImportThenOcrFinishesEveryPageExactlyOnce)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    const auto pages = sampleParagraphPages(6, 31);
    ASSERT_TRUE(writeScannedPdf(pdf, pages, 300, 0.2, 4, 5));

    QProcess p;
    p.start(cliPath(), {QStringLiteral("import"), QStringLiteral("-p"), project, pdf, QStringLiteral("--jobs"),
                        QStringLiteral("2")});
    ASSERT_TRUE(p.waitForStarted());
    // Kill it once some pages are committed and others are in flight.
    for (int i = 0; i < 1200 && countPagesWithStatus(project, PageStatus::Done) < 2; ++i)
        QThread::msleep(50);
    ASSERT_GE(countPagesWithStatus(project, PageStatus::Done), 2);
    ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
    p.waitForFinished();
    const int doneBefore = countPagesWithStatus(project, PageStatus::Done);
    EXPECT_LT(doneBefore, 6) << "the run finished before it could be killed";

    const CliRun resume = runCli({QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--json")});
    EXPECT_EQ(resume.exitCode, 0) << qPrintable(resume.err);
    const QJsonObject result = QJsonDocument::fromJson(resume.out.toUtf8()).object();
    EXPECT_EQ(result[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 6 - doneBefore);
    EXPECT_EQ(integrityCheck(project), QStringLiteral("ok"));

    auto store = ProjectStore::open(project, OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    const auto docs = *(*store)->documents();
    ASSERT_EQ(docs.size(), 1u);
    const auto all = *(*store)->pages(docs[0].id);
    ASSERT_EQ(all.size(), 6u);
    for (const auto& page : all) {
        EXPECT_EQ(page.status, PageStatus::Done);
        const auto words = *(*store)->words(page.id);
        // Stored once: reading order 0..n-1 without gaps and no word twice at the same place.
        EXPECT_GT(words.size(), 100u);
        for (std::size_t i = 0; i < words.size(); ++i) {
            EXPECT_EQ(words[i].order, static_cast<int>(i));
            if (i > 0) {
                EXPECT_LT(words[i].box.iou(words[i - 1].box), 0.9);
            }
        }
    }
}

TEST(Cli, InterruptKeepsFinishedPagesAndExitsWith130)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(writeScannedPdf(pdf, sampleParagraphPages(6, 41), 300));
    QProcess p;
    p.start(cliPath(), {QStringLiteral("import"), QStringLiteral("-p"), project, pdf, QStringLiteral("--jobs"),
                        QStringLiteral("2")});
    ASSERT_TRUE(p.waitForStarted());
    for (int i = 0; i < 1200 && countPagesWithStatus(project, PageStatus::Done) < 1; ++i)
        QThread::msleep(50);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    ASSERT_TRUE(p.waitForFinished(60'000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 130) << p.readAllStandardError().constData();
    const int done = countPagesWithStatus(project, PageStatus::Done);
    EXPECT_GE(done, 1);
    EXPECT_EQ(countPagesWithStatus(project, PageStatus::Processing), 0);
    EXPECT_EQ(countPagesWithStatus(project, PageStatus::Queued), 6 - done);
}

namespace {

/// `engines --json` as run by a user: the engines by name.
std::map<QString, QJsonObject> listedEngines()
{
    const CliRun r = runCli({QStringLiteral("engines"), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    std::map<QString, QJsonObject> byName;
    for (const auto& e : QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("engines")].toArray())
        byName[e[QStringLiteral("name")].toString()] = e.toObject();
    return byName;
}

} // namespace

TEST(Cli, EnginesListsEveryEngineWithItsAvailability)
{
    const auto engines = listedEngines();
    ASSERT_TRUE(engines.count(QStringLiteral("tesseract")));
    const QJsonObject t = engines.at(QStringLiteral("tesseract"));
    EXPECT_TRUE(t[QStringLiteral("available")].toBool());
    EXPECT_TRUE(t[QStringLiteral("detects")].toBool());
    EXPECT_TRUE(t[QStringLiteral("recognizes")].toBool());
    EXPECT_FALSE(t[QStringLiteral("version")].toString().isEmpty());
    EXPECT_TRUE(t[QStringLiteral("languages")].toArray().contains(QStringLiteral("eng")));
    EXPECT_EQ(t[QStringLiteral("reason")].toString(), QString());
    for (const auto& [name, e] : engines)
        for (const char* key : {"name", "available", "version", "languages", "detects", "recognizes", "reason"})
            EXPECT_TRUE(e.contains(QLatin1String(key))) << qPrintable(name) << " " << key;

    const CliRun text = runCli({QStringLiteral("engines")});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.startsWith(QStringLiteral("tesseract ")) || text.out.contains(QStringLiteral("\ntesseract ")))
        << qPrintable(text.out);
    EXPECT_EQ(runCli({QStringLiteral("engines"), QStringLiteral("x")}).exitCode, 1);
}

TEST(Cli, EngineAndProfileAreCheckedRememberedAndFallBack)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(writeScannedPdf(pdf, {sampleParagraphPages(1, 4)[0]}, 200));
    const bool ppocrHere = listedEngines().count(QStringLiteral("ppocr"))
                           && listedEngines()[QStringLiteral("ppocr")][QStringLiteral("available")].toBool();

    // Bad words: usage errors, nothing made.
    const CliRun bad = runCli({QStringLiteral("import"), QStringLiteral("-p"), project, pdf, QStringLiteral("--engine"),
                               QStringLiteral("easyocr")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--engine takes tesseract, ppocr or tesseract+ppocr")))
        << qPrintable(bad.err);
    EXPECT_EQ(runCli({QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--profile"),
                      QStringLiteral("slow")})
                  .exitCode,
              1);
    EXPECT_FALSE(QFile::exists(project));

    // The default (accurate) reads with both engines, or falls back to Tesseract with a note.
    const CliRun imported =
        runCli({QStringLiteral("import"), QStringLiteral("-p"), project, pdf, QStringLiteral("--json")});
    ASSERT_FALSE(imported.crashed);
    ASSERT_EQ(imported.exitCode, 0) << qPrintable(imported.err);
    const QJsonObject first = QJsonDocument::fromJson(imported.out.toUtf8()).object();
    EXPECT_EQ(first[QStringLiteral("profile")].toString(), QStringLiteral("accurate"));
    EXPECT_EQ(first[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 1);
    if (ppocrHere) {
        EXPECT_EQ(first[QStringLiteral("engines")].toString(), QStringLiteral("tesseract+ppocr"));
        EXPECT_TRUE(first[QStringLiteral("notes")].toArray().isEmpty());
    } else {
        EXPECT_EQ(first[QStringLiteral("engines")].toString(), QStringLiteral("tesseract"));
        ASSERT_EQ(first[QStringLiteral("notes")].toArray().size(), 1);
        EXPECT_TRUE(first[QStringLiteral("notes")][0].toString().startsWith(QStringLiteral("ppocr is not available")));
        EXPECT_TRUE(imported.err.contains(QStringLiteral("ppocr is not available"))) << qPrintable(imported.err);

        // Asked for by name, an engine that cannot run is an error naming the reason, and nothing runs.
        const CliRun named = runCli({QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--all"),
                                     QStringLiteral("--engine"), QStringLiteral("tesseract+ppocr")});
        EXPECT_FALSE(named.crashed);
        EXPECT_EQ(named.exitCode, 1);
        EXPECT_TRUE(named.err.contains(QStringLiteral("error: the OCR engine ppocr is not available: ")))
            << qPrintable(named.err);
        EXPECT_EQ(statusJson(project)[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 1);
    }

    // Chosen once, remembered in the project and used by the next run.
    const CliRun fast = runCli({QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--all"),
                                QStringLiteral("--profile"), QStringLiteral("fast"), QStringLiteral("--engine"),
                                QStringLiteral("tesseract"), QStringLiteral("--json")});
    ASSERT_EQ(fast.exitCode, 0) << qPrintable(fast.err);
    const QJsonObject second = QJsonDocument::fromJson(fast.out.toUtf8()).object();
    EXPECT_EQ(second[QStringLiteral("engines")].toString(), QStringLiteral("tesseract"));
    EXPECT_EQ(second[QStringLiteral("profile")].toString(), QStringLiteral("fast"));
    EXPECT_TRUE(second[QStringLiteral("notes")].toArray().isEmpty());
    EXPECT_FALSE(fast.err.contains(QStringLiteral("not available"))) << qPrintable(fast.err);
    {
        auto store = ProjectStore::open(project, OpenMode::ReadOnly);
        ASSERT_TRUE(store.ok());
        EXPECT_EQ(*(*store)->meta(QStringLiteral("ocr_engines")), std::optional<QString>(QStringLiteral("tesseract")));
        EXPECT_EQ(*(*store)->meta(QStringLiteral("ocr_profile")), std::optional<QString>(QStringLiteral("fast")));
    }
    const CliRun again = runCli(
        {QStringLiteral("ocr"), QStringLiteral("-p"), project, QStringLiteral("--all"), QStringLiteral("--json")});
    ASSERT_EQ(again.exitCode, 0) << qPrintable(again.err);
    const QJsonObject third = QJsonDocument::fromJson(again.out.toUtf8()).object();
    EXPECT_EQ(third[QStringLiteral("engines")].toString(), QStringLiteral("tesseract"));
    EXPECT_EQ(third[QStringLiteral("profile")].toString(), QStringLiteral("fast"));
    EXPECT_EQ(third[QStringLiteral("pages")][QStringLiteral("done")].toInt(), 1);
}
