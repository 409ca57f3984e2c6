#include "ui/review/search_panel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace incidoc::ui {
namespace {

constexpr int kDebounceMs = 250;
constexpr int kMaxHits = 1000;
constexpr int kContextWords = 3; ///< words shown on each side of a hit

// Up to kContextWords words on each side of the hit on its line, the hit in brackets.
QString contextOf(const std::vector<WordRecord>& words, WordId id)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].id != id)
            continue;
        QStringList parts;
        for (std::size_t k = i >= kContextWords ? i - kContextWords : 0; k < words.size() && k <= i + kContextWords;
             ++k) {
            if (words[k].block != words[i].block || words[k].line != words[i].line)
                continue;
            parts << (k == i ? QStringLiteral("[%1]").arg(words[k].text) : words[k].text);
        }
        return parts.join(QLatin1Char(' '));
    }
    return {};
}

} // namespace

SearchPanel::SearchPanel(ProjectSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search the project…"));
    m_query->setClearButtonEnabled(true);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setHeaderLabels({tr("Document"), tr("Page"), tr("Word"), tr("Context")});
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAllColumnsShowFocus(true);
    m_results->header()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_query);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);

    connect(m_query, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SearchPanel::runSearch);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        runSearch();
        if (m_results->topLevelItemCount() > 0) {
            m_results->setCurrentItem(m_results->topLevelItem(0));
            m_results->setFocus();
        }
    });
    // itemActivated: Enter on the current result, or a double click (a single click where the style
    // activates on single click).
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });
    // Results go stale when words change; search again if a query is shown.
    connect(m_session, &ProjectSession::wordsChanged, this, [this] {
        if (!m_query->text().trimmed().isEmpty())
            m_debounce->start();
    });
}

void SearchPanel::search(const QString& text)
{
    m_query->setText(text);
    m_debounce->stop();
    runSearch();
}

void SearchPanel::focusSearch()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchPanel::runSearch()
{
    const QString text = m_query->text().trimmed();
    m_results->clear();
    m_hits = text.isEmpty() ? std::vector<SearchHit>{} : m_session->search(text, kMaxHits);
    std::map<DocumentId, QString> docNames;
    std::map<PageId, std::vector<WordRecord>> pageWords; // one read per page for the context
    QList<QTreeWidgetItem*> items;
    for (std::size_t i = 0; i < m_hits.size(); ++i) {
        const SearchHit& h = m_hits[i];
        auto d = docNames.find(h.documentId);
        if (d == docNames.end()) {
            const auto doc = m_session->document(h.documentId);
            d = docNames.emplace(h.documentId, doc ? doc->name : QString::number(h.documentId)).first;
        }
        auto p = pageWords.find(h.pageId);
        if (p == pageWords.end())
            p = pageWords.emplace(h.pageId, m_session->words(h.pageId)).first;
        auto* item =
            new QTreeWidgetItem({d->second, QString::number(h.pageNumber), h.text, contextOf(p->second, h.wordId)});
        item->setData(0, Qt::UserRole, static_cast<qulonglong>(i));
        items << item;
    }
    m_results->addTopLevelItems(items);
    m_status->setText(text.isEmpty() ? QString()
                      : m_hits.size() >= static_cast<std::size_t>(kMaxHits)
                          ? tr("First %n results", nullptr, kMaxHits)
                          : tr("%n result(s)", nullptr, static_cast<int>(m_hits.size())));
}

void SearchPanel::activate(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const auto index = item->data(0, Qt::UserRole).toULongLong();
    if (index < m_hits.size())
        Q_EMIT hitActivated(m_hits[index]);
}

} // namespace incidoc::ui
