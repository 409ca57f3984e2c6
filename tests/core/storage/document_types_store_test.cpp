// Document types in the project: the default types of a new project, types added, titled, given a
// profile and removed; a document's type with how it got it; bad names and unknown types refused.
#include "core/storage/project_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace incidoc;

namespace {

class DocumentTypesStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = ProjectStore::open(m_dir.filePath(QStringLiteral("types.incidoc")));
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        store = std::move(s).value();
        DocumentRecord d;
        d.path = QStringLiteral("/evidence/report.pdf");
        d.name = QStringLiteral("report.pdf");
        d.sha256 = QStringLiteral("ab12");
        d.importedAt = QDateTime::currentDateTimeUtc();
        std::vector<PageInfo> pages(1);
        auto doc = store->addDocument(d, pages);
        ASSERT_TRUE(doc.ok());
        document = *doc;
    }

    QStringList typeNames()
    {
        QStringList names;
        for (const DocumentType& t : *store->documentTypes())
            names << t.name;
        return names;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> store;
    DocumentId document = 0;
};

TEST_F(DocumentTypesStoreTest, ANewProjectHasTheDefaultTypesWithNoProfile)
{
    EXPECT_EQ(typeNames(), defaultDocumentTypes());
    for (const DocumentType& t : *store->documentTypes()) {
        EXPECT_TRUE(t.title.isEmpty());
        EXPECT_TRUE(t.profile.isEmpty());
    }
    const DocumentRecord d = *store->document(document);
    EXPECT_TRUE(d.type.isEmpty());
    EXPECT_EQ(d.typeSource, TypeSource::None);
    EXPECT_FALSE(d.typeConfidence);
}

TEST_F(DocumentTypesStoreTest, TypesAreAddedTitledProfiledAndRemovedLeavingTheirDocumentsUntyped)
{
    ASSERT_TRUE(store->addDocumentType(QStringLiteral("tow_sheet"), QStringLiteral("Tow sheet")).ok());
    EXPECT_EQ(typeNames().last(), QStringLiteral("tow_sheet"));
    EXPECT_EQ(store->addDocumentType(QStringLiteral("tow_sheet")).error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(store->addDocumentType(QStringLiteral("Tow Sheet")).error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(store->addDocumentType(QString()).error().code, ErrorCode::InvalidInput);

    TypeProfile fast;
    fast.profile = QStringLiteral("fast");
    fast.dpi = 200;
    fast.binarize = QStringLiteral("sauvola");
    fast.reviewThreshold = 70;
    ASSERT_TRUE(store->setTypeProfile(QStringLiteral("tow_sheet"), fast).ok());
    ASSERT_TRUE(store->setDocumentTypeTitle(QStringLiteral("tow_sheet"), QStringLiteral("Tow slip")).ok());
    const DocumentType tow = store->documentTypes()->back();
    EXPECT_EQ(tow.title, QStringLiteral("Tow slip"));
    EXPECT_EQ(tow.profile, fast);
    EXPECT_EQ(store->setTypeProfile(QStringLiteral("nope"), fast).error().code, ErrorCode::NotFound);

    ASSERT_TRUE(store->setDocumentType(document, QStringLiteral("tow_sheet"), TypeSource::User).ok());
    ASSERT_TRUE(store->removeDocumentType(QStringLiteral("tow_sheet")).ok());
    EXPECT_FALSE(typeNames().contains(QStringLiteral("tow_sheet")));
    const DocumentRecord d = *store->document(document);
    EXPECT_TRUE(d.type.isEmpty());
    EXPECT_EQ(d.typeSource, TypeSource::None);
    EXPECT_EQ(store->removeDocumentType(QStringLiteral("tow_sheet")).error().code, ErrorCode::NotFound);
}

TEST_F(DocumentTypesStoreTest, ADocumentKeepsItsTypeAndHowItGotIt)
{
    ASSERT_TRUE(store->setDocumentType(document, QStringLiteral("fax"), TypeSource::Predicted, 0.62).ok());
    DocumentRecord d = *store->document(document);
    EXPECT_EQ(d.type, QStringLiteral("fax"));
    EXPECT_EQ(d.typeSource, TypeSource::Predicted);
    ASSERT_TRUE(d.typeConfidence);
    EXPECT_DOUBLE_EQ(*d.typeConfidence, 0.62);

    ASSERT_TRUE(store->setDocumentType(document, QStringLiteral("narrative"), TypeSource::User, 0.9).ok());
    d = *store->document(document);
    EXPECT_EQ(d.type, QStringLiteral("narrative"));
    EXPECT_EQ(d.typeSource, TypeSource::User);
    EXPECT_FALSE(d.typeConfidence) << "a person's choice has no confidence";

    EXPECT_EQ(store->setDocumentType(document, QStringLiteral("unknown_type"), TypeSource::User).error().code,
              ErrorCode::InvalidInput);
    EXPECT_EQ(store->document(document)->type, QStringLiteral("narrative")) << "nothing half-applied";
    EXPECT_EQ(store->setDocumentType(document + 100, QStringLiteral("fax"), TypeSource::User).error().code,
              ErrorCode::NotFound);

    ASSERT_TRUE(store->setDocumentType(document, QString(), TypeSource::User).ok());
    d = *store->document(document);
    EXPECT_TRUE(d.type.isEmpty());
    EXPECT_EQ(d.typeSource, TypeSource::None);
}

TEST(TypeProfileJson, ReadsBackWhatItWritesAndRefusesBadValues)
{
    TypeProfile p;
    p.engines = QStringLiteral("tesseract+ppocr");
    p.dpi = 300;
    p.reviewThreshold = 55.5;
    EXPECT_EQ(typeProfileFromJson(p.toJson()), p);
    EXPECT_TRUE(TypeProfile{}.toJson().isEmpty());
    QString why;
    EXPECT_FALSE(typeProfileFromJson(QJsonObject{{QStringLiteral("engines"), QStringLiteral("easyocr")}}, &why));
    EXPECT_TRUE(why.startsWith(QStringLiteral("engines")));
    EXPECT_FALSE(typeProfileFromJson(QJsonObject{{QStringLiteral("dpi"), 20}}, &why));
    EXPECT_TRUE(why.startsWith(QStringLiteral("dpi")));
    EXPECT_FALSE(typeProfileFromJson(QJsonObject{{QStringLiteral("review_threshold"), 140}}, &why));
    EXPECT_FALSE(typeProfileFromJson(QJsonObject{{QStringLiteral("binarize"), QStringLiteral("magic")}}, &why));
    EXPECT_TRUE(isValidTypeName(QStringLiteral("witness_statement")));
    EXPECT_FALSE(isValidTypeName(QStringLiteral("9lives")));
    EXPECT_FALSE(isValidTypeName(QStringLiteral("a-b")));
}

} // namespace
