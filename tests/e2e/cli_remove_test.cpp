// `incidoc-cli remove` as a user runs it: a real import with a damaged file, then the failed document
// named by its path (as `status` lists it) or its id (`status --json`) is removed; a document whose pages
// were read, or one that is not there, is refused with exit status 2 and the project keeps it.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/cli_runner.h"
#include "tests/support/pdf_factory.h"

using namespace incidoc::test;

namespace {

TEST(CliRemove, TakesAFailedDocumentOutByPathOrIdAndRefusesARealOne)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("cases.incidoc"));
    const QString good = dir.filePath(QStringLiteral("report.pdf"));
    ASSERT_TRUE(writeTextPdf(good, {{{QStringLiteral("The vehicle was towed from the scene.")}}}));
    const QString broken = dir.filePath(QStringLiteral("broken.pdf")),
                  empty = dir.filePath(QStringLiteral("empty.pdf"));
    {
        QFile b(broken), e(empty);
        ASSERT_TRUE(b.open(QIODevice::WriteOnly) && e.open(QIODevice::WriteOnly));
        b.write("%PDF-1.4\nnot a PDF body\n");
    }
    const CliRun import =
        runCli({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), project, good, broken, empty});
    ASSERT_EQ(import.exitCode, 2) << qPrintable(import.err); // some inputs failed
    QJsonObject status = statusJson(project);
    ASSERT_EQ(status.value(QStringLiteral("documents")).toInt(), 3);
    ASSERT_EQ(status.value(QStringLiteral("failures")).toArray().size(), 2);
    qint64 emptyId = 0;
    for (const QJsonValue f : status.value(QStringLiteral("failures")).toArray())
        if (f.toObject().value(QStringLiteral("path")).toString() == empty)
            emptyId = f.toObject().value(QStringLiteral("document_id")).toInteger();
    ASSERT_NE(emptyId, 0);

    // By path, as `status` prints it.
    CliRun r = runCli({QStringLiteral("remove"), QStringLiteral("-p"), project, broken});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("Removed"))) << qPrintable(r.out);
    // By id, with --json; the imported report is refused and stays, as does a name that is not there.
    r = runCli({QStringLiteral("remove"), QStringLiteral("-p"), project, QString::number(emptyId), good,
                dir.filePath(QStringLiteral("never-imported.pdf")), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 2) << qPrintable(r.err);
    const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
    ASSERT_EQ(out.value(QStringLiteral("removed")).toArray().size(), 1) << qPrintable(r.out);
    EXPECT_EQ(
        out.value(QStringLiteral("removed")).toArray()[0].toObject().value(QStringLiteral("document_id")).toInteger(),
        emptyId);
    const QJsonArray refused = out.value(QStringLiteral("refused")).toArray();
    ASSERT_EQ(refused.size(), 2);
    EXPECT_TRUE(refused[0]
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("only a document that failed")))
        << qPrintable(r.out);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no such document"))) << qPrintable(r.err);

    status = statusJson(project);
    EXPECT_EQ(status.value(QStringLiteral("documents")).toInt(), 1);
    EXPECT_TRUE(status.value(QStringLiteral("failures")).toArray().isEmpty());
    EXPECT_GT(status.value(QStringLiteral("words")).toInt(), 0);

    // Nothing named: a usage error.
    EXPECT_EQ(runCli({QStringLiteral("remove"), QStringLiteral("-p"), project}).exitCode, 1);
}

} // namespace
