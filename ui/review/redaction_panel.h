#pragma once
// The Redaction dock: everything a redacted export would redact (RedactionPlanner's plan), grouped by
// document and page: each finding's text, its type and why it was found (a typed field, a label, a key ->
// value pair, a pattern, a mention of a value found elsewhere, or a person's mark); a header counts the
// findings per type. Return or a double click on a finding emits findingActivated: the main window shows
// its words (or its page, for a bare region). Changes to the project plan again after a short pause, and
// only while the dock is shown (else when it is shown next).
//
// Thread contract: GUI thread only.

#include "core/model/records.h"
#include "core/redact/sensitive_finder.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace incidoc::ui {

class ProjectSession;
class RedactionPlanner;

class RedactionPanel : public QWidget {
    Q_OBJECT
public:
    RedactionPanel(ProjectSession* session, RedactionPlanner* planner, QWidget* parent = nullptr);

    /// Plans again now (the list follows when the plan comes back).
    void refresh();
    /// The findings listed, in list order (document, page, reading order).
    const std::vector<SensitiveFinding>& findings() const { return m_findings; }
    QTreeWidget* tree() const { return m_tree; }
    QLabel* header() const { return m_status; }
    /// The tree item of finding `index` of findings().
    QTreeWidgetItem* findingItem(int index) const;
    /// Shows (emits findingActivated for) finding `index`.
    void activate(int index);

    /// A type's title in the user's language ("Person name", "Phone" ...).
    static QString typeTitle(SensitiveType type);
    /// Why a finding was made, in the user's language ("Field", "Pattern", "Marked" ...).
    static QString sourceTitle(FindingSource source);

Q_SIGNALS:
    /// Show `words` of `page` (no words: the page).
    void findingActivated(incidoc::DocumentId document, incidoc::PageId page, const QList<incidoc::WordId>& words);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showPlan();

    ProjectSession* m_session;
    RedactionPlanner* m_planner;
    QLabel* m_status;
    QTreeWidget* m_tree;
    QPushButton* m_refresh;
    std::vector<SensitiveFinding> m_findings;
    std::vector<QTreeWidgetItem*> m_items;
};

} // namespace incidoc::ui
