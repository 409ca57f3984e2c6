#pragma once
// The Checks dock: every finding over the project's forms, grouped by document and page: the typed values
// that do not pass their field's check, the checks across pages and documents (a case number that differs
// between the pages of a document, a person with two dates of birth, dates out of order), and the checks
// before export (dangling links, unlabelled entities on reviewed pages, empty, duplicate, misplaced or tiny
// words). Return or a double click on a finding emits findingActivated: the main window shows its words
// (its entity's, or its page). Refresh reads them again; changes to the project refresh the list after a
// short pause, and only while the dock is shown (else when it is shown next).
//
// Thread contract: GUI thread only.

#include "core/forms/fields.h"
#include "core/model/records.h"

#include <QList>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace incidoc::ui {

class ProjectSession;

class ChecksPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecksPanel(ProjectSession* session, QWidget* parent = nullptr);

    /// Reads every finding again now.
    void refresh();
    /// Refreshes after a short pause (several changes in a row: one refresh).
    void scheduleRefresh();
    /// The findings shown, in list order (document, page, then as the checks give them).
    const std::vector<FormFinding>& findings() const { return m_findings; }
    QTreeWidget* tree() const { return m_tree; }
    /// The tree item of finding `index` of findings().
    QTreeWidgetItem* findingItem(int index) const;
    /// Shows (emits findingActivated for) finding `index`.
    void activate(int index);

    /// A finding's kind in the user's language ("case_number_differs" → "Case number differs").
    static QString kindTitle(const QString& kind);

Q_SIGNALS:
    /// Show `words` of `page` (no words: the page; page 0: the document).
    void findingActivated(incidoc::DocumentId document, incidoc::PageId page, const QList<incidoc::WordId>& words);

protected:
    void showEvent(QShowEvent* event) override;

private:
    ProjectSession* m_session;
    QLabel* m_status;
    QTreeWidget* m_tree;
    QPushButton* m_refresh;
    QTimer* m_debounce;
    bool m_stale = true;
    std::vector<FormFinding> m_findings;
    std::vector<QTreeWidgetItem*> m_items;
};

} // namespace incidoc::ui
