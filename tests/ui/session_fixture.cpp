#include "tests/ui/session_fixture.h"

#include "core/import/file_registration.h"
#include "core/pipeline/pipeline.h"
#include "core/storage/project_store.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <memory>

#include "tests/support/test_paths.h"

namespace incidoc::test {

QString sampleProjectTemplate()
{
    static QTemporaryDir dir;
    static QString made;
    static bool tried = false;
    if (tried) {
        EXPECT_FALSE(made.isEmpty()) << "the sample project could not be made (see the first failure)";
        return made;
    }
    tried = true;
    const QString path = dir.filePath(QStringLiteral("template.incidoc"));
    {
        auto store = ProjectStore::open(path);
        EXPECT_TRUE(store.ok()) << (store ? "" : qPrintable(store.error().message));
        if (!store)
            return {};
        const ImportReport report =
            registerFiles(**store, {sourcePath(QStringLiteral("resources/samples/incident-report.pdf"))});
        EXPECT_TRUE(report.storage.ok());
        EXPECT_EQ(report.added, 1);
        auto jobs = (*store)->jobs(PageStatus::Queued);
        EXPECT_TRUE(jobs.ok());
        if (!jobs || jobs->empty())
            return {};
        PipelineOptions options;
        options.jobs = 2;
        auto pipeline = Pipeline::create(path, options);
        EXPECT_TRUE(pipeline.ok()) << (pipeline ? "" : qPrintable(pipeline.error().message));
        if (!pipeline)
            return {};
        (*pipeline)->enqueue(*jobs);
        const PipelineStats stats = (*pipeline)->wait();
        EXPECT_EQ(stats.done, 4);
        EXPECT_TRUE(stats.storage.ok());
        if (stats.done != 4)
            return {};
    } // every connection closed: the WAL is checkpointed into the file, which can be copied alone
    made = path;
    return made;
}

QString copySampleProject(const QTemporaryDir& dir)
{
    const QString from = sampleProjectTemplate();
    if (from.isEmpty())
        return {};
    const QString to = dir.filePath(QStringLiteral("sample.incidoc"));
    EXPECT_TRUE(QFile::copy(from, to));
    for (const char* suffix : {"-wal", "-shm"})
        if (QFile::exists(from + QLatin1String(suffix)))
            QFile::copy(from + QLatin1String(suffix), to + QLatin1String(suffix));
    QFile::setPermissions(to, QFile::permissions(to) | QFile::WriteOwner);
    return to;
}

} // namespace incidoc::test
