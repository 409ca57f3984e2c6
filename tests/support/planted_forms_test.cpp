// The planted forms generator: what it says it planted is printed on the page (read back with poppler's
// pdftotext from the text layer, and with Tesseract from a scanned page), where it says, in every type a
// redacted export must replace; its VINs pass the check digit; a seed gives the same set twice.
#include "core/forms/fields.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/support/planted_forms.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

QString runTool(const QString& program, const QStringList& args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// The text layer of a PDF inside the page's own area (72 dpi: pixels are points), line breaks kept and
/// other white space made single spaces.
QString textLayer(const QString& pdf)
{
    const QString raw =
        runTool(QStringLiteral("pdftotext"), {QStringLiteral("-x"), QStringLiteral("0"), QStringLiteral("-y"),
                                              QStringLiteral("0"), QStringLiteral("-W"), QStringLiteral("612"),
                                              QStringLiteral("-H"), QStringLiteral("792"), pdf, QStringLiteral("-")});
    QString out = raw;
    out.replace(QRegularExpression(QStringLiteral("[ \\t]+")), QStringLiteral(" "));
    out.replace(QRegularExpression(QStringLiteral(" ?\\n[\\s]*")), QStringLiteral("\n"));
    return out;
}

QString noSpace(QString s)
{
    return s.remove(QRegularExpression(QStringLiteral("\\s")));
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

const std::vector<SensitiveType> kTextTypes = {
    SensitiveType::PersonName,   SensitiveType::DateOfBirth, SensitiveType::Date,
    SensitiveType::Phone,        SensitiveType::Address,     SensitiveType::Email,
    SensitiveType::VehiclePlate, SensitiveType::Vin,         SensitiveType::IdNumber};

} // namespace

TEST(PlantedForms, TextLayerHoldsEveryPlantedValueWhereItSays)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const int pages : {1, 2}) {
        PlantedOptions options;
        options.count = 6;
        options.seed = 3;
        options.pagesPerDocument = pages;
        const std::vector<PlantedDocument> docs = writePlantedForms(dir.path(), options);
        ASSERT_EQ(docs.size(), 6u);
        QSet<QString> layouts;
        for (const PlantedDocument& doc : docs) {
            SCOPED_TRACE(doc.path.toStdString());
            layouts.insert(doc.layout);
            EXPECT_FALSE(doc.scanned);
            const QString text = textLayer(doc.path);
            ASSERT_FALSE(text.isEmpty());
            EXPECT_TRUE(runTool(QStringLiteral("pdfinfo"), {doc.path})
                            .contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\n").arg(pages))));
            const QString flat = noSpace(text);
            int split = 0;
            for (const PlantedValue& v : doc.values) {
                if (!v.splitAcrossLines) {
                    EXPECT_TRUE(flat.contains(noSpace(v.text)))
                        << v.text.toStdString() << " (" << v.place.toStdString() << ")";
                    continue;
                }
                ++split;
                // Broken where the recorded text has its last space; pdftotext joins a line that ends in '-'
                // to the next one and drops that '-'.
                const int at = int(v.text.lastIndexOf(QLatin1Char(' ')));
                const bool hyphen = v.text[at - 1] == QLatin1Char('-');
                EXPECT_TRUE(hyphen ? text.contains(v.text.left(at - 1) + v.text.mid(at + 1))
                                   : text.contains(v.text.left(at) + QLatin1Char('\n') + v.text.mid(at + 1)))
                    << v.text.toStdString();
            }
            EXPECT_EQ(split, 1);
            // Every type text can carry, in the fields and in the narrative; the table's four columns.
            for (const SensitiveType type : kTextTypes) {
                const auto in = [&](const char* place) {
                    return std::any_of(doc.values.begin(), doc.values.end(), [&](const PlantedValue& v) {
                        return v.type == type && v.place == QLatin1String(place);
                    });
                };
                EXPECT_TRUE(in("field")) << toString(type).toStdString();
                if (type != SensitiveType::DateOfBirth && type != SensitiveType::Vin) {
                    EXPECT_TRUE(in("narrative")) << toString(type).toStdString();
                }
            }
            for (const SensitiveType type : {SensitiveType::PersonName, SensitiveType::DateOfBirth,
                                             SensitiveType::Phone, SensitiveType::VehiclePlate})
                EXPECT_TRUE(std::any_of(doc.values.begin(), doc.values.end(), [&](const PlantedValue& v) {
                    return v.type == type && v.place == QLatin1String("table");
                })) << toString(type).toStdString();
            // The narrative's name mentions: upper case, and a surname alone.
            EXPECT_TRUE(std::any_of(doc.values.begin(), doc.values.end(), [](const PlantedValue& v) {
                return v.place == QLatin1String("narrative") && v.type == SensitiveType::PersonName
                       && v.text == v.text.toUpper();
            }));
            EXPECT_TRUE(text.contains(QStringLiteral("up the hill")));
        }
        EXPECT_EQ(layouts.size(), 3);
    }
}

TEST(PlantedForms, PhonesInSeveralFormatsAndValidVins)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    PlantedOptions options;
    options.count = 12;
    options.seed = 8;
    const std::vector<PlantedDocument> docs = writePlantedForms(dir.path(), options);
    ASSERT_EQ(docs.size(), 12u);
    QSet<int> phoneFormats;
    int vins = 0;
    for (const PlantedDocument& doc : docs) {
        for (const PlantedValue& v : doc.values) {
            if (v.type == SensitiveType::Phone && !v.splitAcrossLines) {
                if (QRegularExpression(QStringLiteral("^\\(\\d{3}\\) \\d{3}-\\d{4}$")).match(v.text).hasMatch())
                    phoneFormats.insert(0);
                else if (QRegularExpression(QStringLiteral("^\\d{3}-\\d{3}-\\d{4}$")).match(v.text).hasMatch())
                    phoneFormats.insert(1);
                else if (QRegularExpression(QStringLiteral("^\\d{10}$")).match(v.text).hasMatch())
                    phoneFormats.insert(2);
                else if (QRegularExpression(QStringLiteral("^\\d{3}\\.\\d{3}\\.\\d{4}$")).match(v.text).hasMatch())
                    phoneFormats.insert(3);
                else
                    ADD_FAILURE() << "phone " << v.text.toStdString();
            }
            if (v.type == SensitiveType::Vin) {
                ++vins;
                ASSERT_EQ(v.text.size(), 17);
                EXPECT_EQ(QLatin1Char(vinCheckDigit(v.text)), v.text[8]) << v.text.toStdString();
                EXPECT_FALSE(v.text.contains(QRegularExpression(QStringLiteral("[IOQ]"))));
            }
            if (v.type == SensitiveType::IdNumber && v.text.startsWith(QLatin1String("CR-"))) {
                EXPECT_TRUE(QRegularExpression(QStringLiteral("^CR-\\d{4}-\\d{5}$")).match(v.text).hasMatch());
            }
        }
    }
    EXPECT_EQ(phoneFormats.size(), 4);
    EXPECT_GE(vins, 12);
}

TEST(PlantedForms, SharedPeopleAcrossDocumentsAndAHillWitness)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    PlantedOptions options;
    options.count = 6;
    const std::vector<PlantedDocument> docs = writePlantedForms(dir.path(), options);
    ASSERT_EQ(docs.size(), 6u);
    const auto names = [](const PlantedDocument& d) {
        QSet<QString> out;
        for (const PlantedValue& v : d.values)
            if (v.type == SensitiveType::PersonName && v.place != QLatin1String("narrative"))
                out.insert(v.text);
        return out;
    };
    for (std::size_t i = 0; i + 1 < docs.size(); i += 2) {
        EXPECT_EQ(docs[i].incident, docs[i + 1].incident);
        EXPECT_NE(docs[i].layout, docs[i + 1].layout);
        EXPECT_GE(names(docs[i]).intersect(names(docs[i + 1])).size(), 3); // driver, owner, witness
    }
    EXPECT_TRUE(std::any_of(docs.begin(), docs.end(), [](const PlantedDocument& d) {
        return std::any_of(d.values.begin(), d.values.end(), [](const PlantedValue& v) {
            return v.type == SensitiveType::PersonName && v.text.endsWith(QLatin1String(" Hill"));
        });
    }));
}

TEST(PlantedForms, SameSeedSameSetOtherSeedOtherValues)
{
    QTemporaryDir a, b, c;
    ASSERT_TRUE(a.isValid() && b.isValid() && c.isValid());
    PlantedOptions options;
    options.count = 4;
    options.seed = 5;
    const auto first = writePlantedForms(a.path(), options);
    const auto second = writePlantedForms(b.path(), options);
    options.seed = 6;
    const auto other = writePlantedForms(c.path(), options);
    ASSERT_EQ(first.size(), 4u);
    ASSERT_EQ(second.size(), 4u);
    ASSERT_EQ(other.size(), 4u);
    QSet<QString> valuesFirst, valuesOther;
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(fileHash(first[i].path), fileHash(second[i].path));
        ASSERT_EQ(first[i].values.size(), second[i].values.size());
        for (std::size_t j = 0; j < first[i].values.size(); ++j)
            EXPECT_EQ(first[i].values[j].text, second[i].values[j].text);
        for (const PlantedValue& v : first[i].values)
            valuesFirst.insert(v.text);
        for (const PlantedValue& v : other[i].values)
            valuesOther.insert(v.text);
    }
    // Another seed: other people, numbers and places (a few short values may coincide).
    EXPECT_LT(QSet<QString>(valuesFirst).intersect(valuesOther).size(), valuesFirst.size() / 10);
    // Document k does not depend on the count.
    QTemporaryDir d;
    options.seed = 5;
    options.count = 2;
    const auto fewer = writePlantedForms(d.path(), options);
    ASSERT_EQ(fewer.size(), 2u);
    EXPECT_EQ(fileHash(fewer[1].path), fileHash(first[1].path));
}

TEST(PlantedForms, ScannedPageReadsBackThroughOcr)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    PlantedOptions options;
    options.count = 1;
    options.seed = 2;
    options.textPdfs = false;
    options.scanDpi = 200;
    const auto docs = writePlantedForms(dir.path(), options);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_TRUE(docs[0].scanned);
    EXPECT_TRUE(textLayer(docs[0].path).trimmed().isEmpty()); // no text layer
    const QString prefix = QDir(dir.path()).filePath(QStringLiteral("page"));
    runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-gray"),
                                         QStringLiteral("-png"), QStringLiteral("-singlefile"), docs[0].path, prefix});
    const QString ocr =
        noSpace(runTool(QStringLiteral("tesseract"), {prefix + QStringLiteral(".png"), QStringLiteral("-")}));
    ASSERT_FALSE(ocr.isEmpty());
    int found = 0;
    for (const PlantedValue& v : docs[0].values)
        found += ocr.contains(noSpace(v.text)) ? 1 : 0;
    // Legible: OCR reads nearly every value as printed.
    EXPECT_GE(found * 10, int(docs[0].values.size()) * 9) << found << " of " << docs[0].values.size();
}
