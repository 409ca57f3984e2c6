#pragma once
// A MainWindow opened on a private copy of the bundled sample project (imported and OCR'd by the core
// once per test program), shown and focused on its page view; plus fresh reads of the project database
// on a connection of its own (what is committed, nothing else). Shared by the shell tests.

#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "tests/ui/session_fixture.h"

namespace incidoc::test {

class SampleWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("IncidocTest"));
        ASSERT_TRUE(m_dir.isValid());
        m_path = copySampleProject(m_dir);
        ASSERT_FALSE(m_path.isEmpty());
        m_window = std::make_unique<ui::MainWindow>(incidoc::makeLocalWorkplace());
        m_window->resize(1400, 950);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        ASSERT_TRUE(m_window->openProject(m_path)) << qPrintable(m_window->lastError());
        m_view = m_window->pageView();
        focusView(); // keys go to the page, as after a click in it
    }
    void TearDown() override { m_window.reset(); }

    /// Makes the window active and gives the page view the keyboard focus.
    void focusView()
    {
        QApplication::setActiveWindow(m_window.get());
        m_view->setFocus();
        QApplication::processEvents();
    }

    std::vector<WordRecord> dbWords(PageId page)
    {
        auto store = ProjectStore::open(m_path, OpenMode::ReadOnly);
        EXPECT_TRUE(store.ok());
        auto words = (*store)->words(page);
        EXPECT_TRUE(words.ok());
        return words ? *words : std::vector<WordRecord>{};
    }
    /// The id of page `n` of the first document.
    PageId pageNumber(int n)
    {
        const auto docs = m_window->session()->documents();
        for (const auto& p : m_window->session()->pages(docs.front().id))
            if (p.number == n)
                return p.id;
        return 0;
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::PageView* m_view = nullptr;
};

} // namespace incidoc::test
