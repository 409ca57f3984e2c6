// Registering files: the kind of failure a file that cannot be imported is recorded with, in a real
// project file.
#include "core/import/file_registration.h"
#include "core/storage/project_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "tests/core/render/handmade_pdf.h"

namespace incidoc {
namespace {

// Opens files as a page host does when opening one ends or stops the host: no document, an error, and
// the kind in the partial record (or, `kind` None, only the error's code).
class FailingInspector : public FileInspector {
public:
    FailingInspector(FailureKind kind, ErrorCode code) : m_kind(kind), m_code(code) {}
    Result<InspectedFile> inspect(const QString&, const ImportLimits&, DocumentRecord* partial) override
    {
        if (partial)
            partial->failure = m_kind;
        return makeError(m_code, QStringLiteral("the file could not be opened"));
    }

private:
    FailureKind m_kind;
    ErrorCode m_code;
};

class FileRegistrationTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("p.incidoc")));
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        m_store = std::move(*store);
    }

    // Registers one file (a small file written here, different for every call) with `inspector`.
    ImportedFile registerOne(const std::shared_ptr<FileInspector>& inspector, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.pdf").arg(++m_files));
        EXPECT_TRUE(test::writeFile(path, bytes));
        RegisterOptions options;
        options.inspector = inspector;
        const ImportReport report = registerFiles(*m_store, {path}, options);
        EXPECT_TRUE(report.storage.ok());
        EXPECT_EQ(report.files.size(), 1u);
        return report.files.empty() ? ImportedFile{} : report.files.front();
    }

    FailureKind storedKind(const ImportedFile& file)
    {
        auto doc = m_store->document(file.documentId);
        EXPECT_TRUE(doc.ok());
        return doc.ok() ? doc->failure : FailureKind::None;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> m_store;
    int m_files = 0;
};

TEST_F(FileRegistrationTest, AFileThatCannotBeOpenedIsAnError)
{
    const ImportedFile file = registerOne(nullptr, "%PDF-1.4\nnot really a PDF\n");
    EXPECT_EQ(file.outcome, ImportedFile::Outcome::Failed);
    EXPECT_EQ(file.failure, FailureKind::Error);
    EXPECT_EQ(storedKind(file), FailureKind::Error);
}

TEST_F(FileRegistrationTest, TheKindTheInspectorReportsIsRecorded)
{
    for (FailureKind kind : {FailureKind::Crash, FailureKind::Hang, FailureKind::Memory}) {
        const ImportedFile file = registerOne(std::make_shared<FailingInspector>(kind, ErrorCode::InvalidInput),
                                              "%PDF-1.4\n" + toString(kind).toUtf8());
        EXPECT_EQ(file.failure, kind);
        EXPECT_EQ(storedKind(file), kind);
        EXPECT_EQ(file.error, QStringLiteral("the file could not be opened"));
    }
}

TEST_F(FileRegistrationTest, ATimeoutWithoutAKindIsAHangAnyOtherErrorAnError)
{
    const ImportedFile timedOut =
        registerOne(std::make_shared<FailingInspector>(FailureKind::None, ErrorCode::Timeout), "%PDF-1.4\n1");
    EXPECT_EQ(storedKind(timedOut), FailureKind::Hang);
    const ImportedFile refused =
        registerOne(std::make_shared<FailingInspector>(FailureKind::None, ErrorCode::Unsupported), "%PDF-1.4\n2");
    EXPECT_EQ(storedKind(refused), FailureKind::Error);
}

} // namespace
} // namespace incidoc
