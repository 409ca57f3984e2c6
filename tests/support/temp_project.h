#pragma once
// A project file in a temporary folder that goes away with the test.

#include "core/storage/project_store.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace incidoc::test {

struct TempProject {
    QTemporaryDir dir;
    QString path() const { return dir.filePath(QStringLiteral("p.incidoc")); }
    /// The project opened for writing (made on first use); null, with a test failure, when it cannot be.
    std::unique_ptr<ProjectStore> store()
    {
        auto s = ProjectStore::open(path());
        EXPECT_TRUE(s.ok()) << (s ? "" : qPrintable(s.error().message));
        return s ? std::move(s).value() : nullptr;
    }
};

} // namespace incidoc::test
