// `incidoc-cli types` and `classify` as a user runs them on a small mixed set (born-digital PDFs of four
// kinds): nothing typed -> classify says so and sets nothing; a person types two documents of each kind;
// classify predicts the rest with a confidence and never changes a person's type; status counts them;
// types profile stores what typeProfileFromJson accepts and refuses the rest; types confirm and clear.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>

#include "tests/support/cli_runner.h"
#include "tests/support/mixed_set.h"

namespace incidoc {
namespace {

QJsonObject json(const test::CliRun& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

TEST(CliTypes, TypesClassifyStatusAndProfiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    test::MixedSetOptions options;
    options.perType = 4;
    options.seed = 3;
    auto set = test::writeMixedSet(dir.path(), options);
    // The text documents only: no OCR, seconds.
    std::map<QString, QString> truth;
    QStringList paths;
    for (const auto& d : set)
        if (d.path.endsWith(QLatin1String(".pdf"))) {
            truth[d.path] = d.type;
            paths << d.path;
        }
    ASSERT_EQ(paths.size(), 16);
    const QString project = dir.filePath(QStringLiteral("p.incidoc"));
    auto r = test::runCli(QStringList{QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"), project}
                          + paths);
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);

    r = test::runCli({QStringLiteral("classify"), QStringLiteral("-p"), project, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_EQ(json(r)[QStringLiteral("note")].toString(), QStringLiteral("no typed examples yet"));
    EXPECT_TRUE(json(r)[QStringLiteral("predictions")].toArray().isEmpty());
    r = test::runCli({QStringLiteral("classify"), QStringLiteral("-p"), project});
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("No typed examples yet"))) << qPrintable(r.out);

    // Two of each kind typed by a person (by path).
    std::map<QString, int> typed;
    std::map<QString, QString> userTypes;
    for (const auto& [path, type] : truth) {
        if (typed[type]++ >= 2)
            continue;
        r = test::runCli({QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("set"), type, path});
        ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
        userTypes[path] = type;
    }
    r = test::runCli({QStringLiteral("classify"), QStringLiteral("-p"), project, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonObject run = json(r);
    EXPECT_EQ(run[QStringLiteral("examples")].toInt(), 8);
    const QJsonArray predictions = run[QStringLiteral("predictions")].toArray();
    ASSERT_EQ(predictions.size(), 8);
    int right = 0;
    for (const QJsonValue& v : predictions) {
        const QJsonObject p = v.toObject();
        EXPECT_FALSE(userTypes.count(p[QStringLiteral("path")].toString()));
        const double c = p[QStringLiteral("confidence")].toDouble();
        EXPECT_GT(c, 0.0);
        EXPECT_LE(c, 1.0);
        const QString expected = truth[p[QStringLiteral("path")].toString()];
        if (p[QStringLiteral("type")].toString() == expected)
            ++right;
        else // "other" is invoices, memos and rosters: two examples may not show its kind. Then it is unsure.
            EXPECT_LT(c, 0.6) << qPrintable(p[QStringLiteral("path")].toString()) << " read as "
                              << qPrintable(p[QStringLiteral("type")].toString()) << " with confidence " << c;
        if (expected != QLatin1String("other"))
            EXPECT_EQ(p[QStringLiteral("type")].toString(), expected)
                << qPrintable(p[QStringLiteral("path")].toString());
    }
    EXPECT_GE(right, 6) << right << " of 8"; // measured: 6 of 8 (both "other" read as forms, at 0.48 and 0.41)

    // status counts documents per type: 8 typed by a person, 8 predicted, none untyped.
    const QJsonObject types = test::statusJson(project)[QStringLiteral("types")].toObject();
    EXPECT_EQ(types[QStringLiteral("predicted")].toInt(), 8);
    EXPECT_EQ(types[QStringLiteral("untyped")].toInt(), 0);
    int user = 0;
    for (const QJsonValue& v : types[QStringLiteral("by_type")].toObject())
        user += v.toObject()[QStringLiteral("user")].toInt();
    EXPECT_EQ(user, 8);

    // --all predicts again, never a person's type; confirm makes a prediction a person's; clear empties.
    r = test::runCli(
        {QStringLiteral("classify"), QStringLiteral("-p"), project, QStringLiteral("--all"), QStringLiteral("--json")});
    EXPECT_EQ(json(r)[QStringLiteral("predictions")].toArray().size(), 8);
    const QString predictedPath = predictions[0].toObject()[QStringLiteral("path")].toString();
    r = test::runCli(
        {QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("confirm"), predictedPath});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    r = test::runCli(
        {QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("confirm"), predictedPath});
    EXPECT_EQ(r.exitCode, 2); // no predicted type left to confirm
    r = test::runCli({QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("clear"), predictedPath});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_EQ(test::statusJson(project)[QStringLiteral("types")].toObject()[QStringLiteral("untyped")].toInt(), 1);

    // Profiles: stored as given, a DPI outside 50..1200 refused by the profile's own rules.
    r = test::runCli({QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("profile"),
                      QStringLiteral("fax"), QStringLiteral("--profile"), QStringLiteral("fast"),
                      QStringLiteral("--dpi"), QStringLiteral("200"), QStringLiteral("--review-threshold"),
                      QStringLiteral("70")});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    r = test::runCli({QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("profile"),
                      QStringLiteral("fax"), QStringLiteral("--dpi"), QStringLiteral("20")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("dpi: 20 is not between 50 and 1200"))) << qPrintable(r.err);
    r = test::runCli({QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("add"),
                      QStringLiteral("parking_ticket"), QStringLiteral("Parking ticket"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QJsonArray list = json(r)[QStringLiteral("types")].toArray();
    ASSERT_EQ(list.size(), 7);
    const QJsonObject fax = list[4].toObject();
    EXPECT_EQ(fax[QStringLiteral("name")].toString(), QStringLiteral("fax"));
    EXPECT_EQ(fax[QStringLiteral("profile")].toObject(),
              (QJsonObject{{QStringLiteral("profile"), QStringLiteral("fast")},
                           {QStringLiteral("dpi"), 200},
                           {QStringLiteral("review_threshold"), 70}}));
    EXPECT_EQ(list[6].toObject()[QStringLiteral("title")].toString(), QStringLiteral("Parking ticket"));
    r = test::runCli(
        {QStringLiteral("types"), QStringLiteral("-p"), project, QStringLiteral("add"), QStringLiteral("Bad Name")});
    EXPECT_EQ(r.exitCode, 2);
}

} // namespace
} // namespace incidoc
