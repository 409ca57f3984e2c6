#pragma once
// Search across the project: a line edit and a results list (document, page, word, context). Typing
// searches after a short pause (Enter at once); choosing a result (Enter or double click) emits
// hitActivated, which the main window answers by showing the page and the word's box.
//
// Thread contract: GUI thread only.

#include "ui/project_session.h"

#include <QMetaType>
#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

Q_DECLARE_METATYPE(incidoc::ui::SearchHit)

namespace incidoc::ui {

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(ProjectSession* session, QWidget* parent = nullptr);

    /// Puts `text` in the search field and searches now.
    void search(const QString& text);
    /// Focuses the search field (Ctrl+F) with its text selected.
    void focusSearch();
    /// The hits shown, in list order.
    const std::vector<SearchHit>& hits() const { return m_hits; }

Q_SIGNALS:
    void hitActivated(const incidoc::ui::SearchHit& hit);

private:
    void runSearch();
    void activate(QTreeWidgetItem* item);

    ProjectSession* m_session;
    QLineEdit* m_query;
    QTreeWidget* m_results;
    QLabel* m_status;
    QTimer* m_debounce;
    std::vector<SearchHit> m_hits;
};

} // namespace incidoc::ui
