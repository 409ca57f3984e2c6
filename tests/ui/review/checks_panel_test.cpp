// The Checks and Fields docks in the main window on a copy of the bundled sample project (processed by the
// real pipeline): a case number that differs between two pages of the document is listed under its page and
// Return on it shows its words; Return on a row of the Fields dock selects the value's words on the page.
#include "core/storage/project_store.h"
#include "ui/review/checks_panel.h"
#include "ui/review/fields_panel.h"

#include <QDockWidget>
#include <QPushButton>
#include <QTreeWidget>

#include "tests/ui/sample_window_fixture.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

class FormDocksTest : public test::SampleWindowTest {
protected:
    /// The first word of `page` whose text contains `text`, else its first word.
    WordRecord wordWith(PageId page, const QString& text)
    {
        const auto words = m_window->session()->words(page);
        for (const WordRecord& w : words)
            if (w.text.contains(text))
                return w;
        EXPECT_FALSE(words.empty());
        return words.empty() ? WordRecord{} : words.front();
    }
};

TEST_F(FormDocksTest, TheChecksPanelListsACaseNumberThatDiffersBetweenTwoPagesAndJumpsToIt)
{
    ProjectSession* session = m_window->session();
    // Page 1 (the PDF's text) and page 3 (scanned, read by Tesseract) carry the case number; on page 3 a
    // person typed it with two digits swapped.
    const PageId page1 = pageNumber(1), page3 = pageNumber(3);
    const WordRecord first = wordWith(page1, QStringLiteral("INC-04417"));
    ASSERT_EQ(first.text, QStringLiteral("2026-INC-04417"));
    const WordRecord third = wordWith(page3, QStringLiteral("04417"));
    ASSERT_TRUE(session->setWordText(third.id, QStringLiteral("2026-INC-04471")));
    const EntityId a = session->groupWords({first.id});
    const EntityId b = session->groupWords({third.id});
    ASSERT_TRUE(a && b);
    ASSERT_TRUE(session->setEntityField(a, QStringLiteral("case_number")));
    ASSERT_TRUE(session->setEntityField(b, QStringLiteral("case_number")));

    ChecksPanel* checks = m_window->checksPanel();
    ASSERT_NE(checks, nullptr);
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("checksDock"));
    ASSERT_NE(dock, nullptr);
    dock->show();
    dock->raise();
    auto* refresh = checks->findChild<QPushButton*>(QStringLiteral("checksRefresh"));
    ASSERT_NE(refresh, nullptr);
    QTest::mouseClick(refresh, Qt::LeftButton);

    int differs = -1;
    for (std::size_t i = 0; i < checks->findings().size(); ++i)
        if (checks->findings()[i].kind == QLatin1String("case_number_differs"))
            differs = static_cast<int>(i);
    ASSERT_GE(differs, 0) << "no finding of the differing case number";
    const FormFinding f = checks->findings()[differs];
    EXPECT_TRUE(f.page == page1 || f.page == page3);
    EXPECT_TRUE(f.entity == a || f.entity == b);
    // Under its document and page.
    QTreeWidgetItem* item = checks->findingItem(differs);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->text(0), ChecksPanel::kindTitle(QStringLiteral("case_number_differs")));
    ASSERT_NE(item->parent(), nullptr);
    EXPECT_TRUE(item->parent()->text(0).startsWith(QStringLiteral("Page %1").arg(f.pageNumber)));
    ASSERT_NE(item->parent()->parent(), nullptr);
    EXPECT_TRUE(item->parent()->parent()->text(0).startsWith(QStringLiteral("incident-report.pdf")));

    // Return on it: its page is shown with its words selected.
    m_window->showPage(pageNumber(2));
    QTreeWidget* tree = checks->tree();
    tree->setFocus();
    tree->setCurrentItem(item);
    QTest::keyClick(tree, Qt::Key_Return);
    EXPECT_EQ(m_view->pageId(), f.page);
    EXPECT_EQ(m_view->selectedWords(), QList<WordId>{f.entity == a ? first.id : third.id});

    // Made the same again, the finding goes (after the pause the panel waits for more changes).
    ASSERT_TRUE(session->setWordText(third.id, QStringLiteral("2026-INC-04417")));
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(checks->findings().begin(), checks->findings().end(),
                                          [](const FormFinding& x) { return x.kind == "case_number_differs"; }),
                             5000);
}

TEST_F(FormDocksTest, TheFieldsDockFollowsThePageAndReturnSelectsTheValueOnIt)
{
    ProjectSession* session = m_window->session();
    const PageId page1 = pageNumber(1);
    const auto words = session->words(page1);
    std::size_t plate = 0;
    while (plate < words.size() && words[plate].text != QLatin1String("Plate:"))
        ++plate;
    ASSERT_LT(plate + 2, words.size());
    const EntityId key = session->groupWords({words[plate - 1].id, words[plate].id}, QStringLiteral("question"));
    const QList<WordId> valueWords{words[plate + 1].id, words[plate + 2].id};
    const EntityId value = session->groupWords(valueWords, QStringLiteral("answer"));
    ASSERT_TRUE(session->linkEntities(key, value));
    ASSERT_TRUE(session->setEntityField(value, QStringLiteral("vehicle_plate")));

    m_window->showPage(pageNumber(2));
    FieldsPanel* fields = m_window->fieldsPanel();
    ASSERT_NE(fields, nullptr);
    EXPECT_EQ(fields->page(), pageNumber(2));
    EXPECT_TRUE(fields->rows().empty());
    m_window->showPage(page1);
    EXPECT_EQ(fields->page(), page1);
    ASSERT_EQ(fields->rows().size(), 1u);
    auto* list = fields->findChild<QTreeWidget*>(QStringLiteral("fieldsList"));
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("Licence Plate: → KTR 4582"));
    EXPECT_EQ(list->topLevelItem(0)->text(1), FieldsPanel::fieldDisplayTitle(QStringLiteral("vehicle_plate")));

    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("fieldsDock"));
    ASSERT_NE(dock, nullptr);
    dock->show();
    dock->raise();
    list->setFocus();
    fields->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    EXPECT_EQ(m_view->pageId(), page1);
    EXPECT_EQ(m_view->selectedWords(), valueWords);
}

} // namespace
