#include "ui/review/checks_panel.h"

#include "core/export/form_checks.h"
#include "core/storage/project_store.h"
#include "ui/project_session.h"
#include "ui/review/document_order.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace incidoc::ui {
namespace {

constexpr int kDebounceMs = 600;
constexpr int kFindingRole = Qt::UserRole + 1; ///< the finding's index (-1 on document and page rows)

} // namespace

QString ChecksPanel::kindTitle(const QString& kind)
{
    static const char* const kKinds[][2] = {
        {"invalid", QT_TR_NOOP("Invalid value")},
        {"case_number_differs", QT_TR_NOOP("Case number differs")},
        {"birth_date_differs", QT_TR_NOOP("Date of birth differs")},
        {"date_order", QT_TR_NOOP("Dates out of order")},
        {"dangling_link", QT_TR_NOOP("Dangling link")},
        {"unlabelled_entity", QT_TR_NOOP("Unlabelled entity")},
        {"empty_word", QT_TR_NOOP("Empty word")},
        {"duplicate_word", QT_TR_NOOP("Duplicate word")},
        {"word_outside_line", QT_TR_NOOP("Word outside its line")},
        {"tiny_box", QT_TR_NOOP("Tiny box")},
        {"box_outside_page", QT_TR_NOOP("Box outside the page")},
    };
    for (const auto& k : kKinds)
        if (kind == QLatin1String(k[0]))
            return tr(k[1]);
    QString title = kind;
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

ChecksPanel::ChecksPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_status(new QLabel(this)), m_tree(new QTreeWidget(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this)), m_debounce(new QTimer(this))
{
    m_status->setObjectName(QStringLiteral("checksStatus"));
    m_status->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("checksTree"));
    m_tree->setHeaderLabels({tr("Check"), tr("Details")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setToolTip(tr("Return shows the finding on its page"));
    m_refresh->setObjectName(QStringLiteral("checksRefresh"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);

    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ChecksPanel::refresh);
    connect(m_debounce, &QTimer::timeout, this, &ChecksPanel::refresh);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item)
            activate(item->data(0, kFindingRole).toInt());
    });
    connect(session, &ProjectSession::formChanged, this, &ChecksPanel::scheduleRefresh);
    connect(session, &ProjectSession::wordsChanged, this, &ChecksPanel::scheduleRefresh);
    connect(session, &ProjectSession::pageChanged, this, &ChecksPanel::scheduleRefresh);
    connect(session, &ProjectSession::documentsChanged, this, &ChecksPanel::scheduleRefresh);
}

void ChecksPanel::scheduleRefresh()
{
    m_stale = true;
    if (isVisible())
        m_debounce->start();
}

void ChecksPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        m_debounce->start();
}

void ChecksPanel::refresh()
{
    m_debounce->stop();
    m_stale = false;
    ProjectStore& store = m_session->store();
    auto fields = fieldFindings(store);
    auto beforeExport = exportFindings(store);
    m_findings.clear();
    m_items.clear();
    m_tree->clear();
    if (!fields || !beforeExport) {
        m_status->setText(
            tr("The checks could not be read: %1").arg((!fields ? fields.error() : beforeExport.error()).message));
        return;
    }
    m_findings = std::move(*fields);
    m_findings.insert(m_findings.end(), beforeExport->begin(), beforeExport->end());

    // Documents in project order, then pages in page order (document-wide findings first); within a
    // page the order the checks give.
    const std::vector<DocumentRecord> documents = m_session->documents();
    sortByDocumentOrder(m_findings, documents);

    std::map<DocumentId, QTreeWidgetItem*> docItems;
    std::map<PageId, QTreeWidgetItem*> pageItems;
    std::map<QTreeWidgetItem*, int> counts;
    for (std::size_t i = 0; i < m_findings.size(); ++i) {
        const FormFinding& f = m_findings[i];
        QTreeWidgetItem*& doc = docItems[f.document];
        if (!doc) {
            const auto known = std::find_if(documents.begin(), documents.end(),
                                            [&](const DocumentRecord& d) { return d.id == f.document; });
            doc = new QTreeWidgetItem(m_tree);
            doc->setText(0, known != documents.end() ? known->name : QString::number(f.document));
            doc->setData(0, kFindingRole, -1);
            doc->setFirstColumnSpanned(true);
        }
        QTreeWidgetItem* parent = doc;
        if (f.page) {
            QTreeWidgetItem*& page = pageItems[f.page];
            if (!page) {
                page = new QTreeWidgetItem(doc, {tr("Page %1").arg(f.pageNumber)});
                page->setData(0, kFindingRole, -1);
                page->setFirstColumnSpanned(true);
            }
            parent = page;
            ++counts[page];
        }
        ++counts[doc];
        auto* item = new QTreeWidgetItem(parent, {kindTitle(f.kind), f.message});
        item->setData(0, kFindingRole, static_cast<int>(i));
        item->setToolTip(0, f.message); // the dock is narrow: the whole message on either column
        item->setToolTip(1, f.message);
        m_items.push_back(item);
    }
    for (auto& [item, n] : counts)
        item->setText(0, tr("%1 (%n finding(s))", nullptr, n).arg(item->text(0)));
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_status->setText(m_findings.empty() ? tr("No findings: the forms pass every check.")
                                         : tr("%n finding(s)", nullptr, static_cast<int>(m_findings.size())));
    if (!m_items.empty())
        m_tree->setCurrentItem(m_items.front());
}

QTreeWidgetItem* ChecksPanel::findingItem(int index) const
{
    return index >= 0 && index < static_cast<int>(m_items.size()) ? m_items[index] : nullptr;
}

void ChecksPanel::activate(int index)
{
    if (index < 0 || index >= static_cast<int>(m_findings.size()))
        return;
    const FormFinding& f = m_findings[index];
    QList<WordId> words;
    if (f.word)
        words << f.word;
    else if (f.entity)
        if (auto e = m_session->store().entity(f.entity); e && *e)
            words = QList<WordId>((*e)->words.begin(), (*e)->words.end());
    Q_EMIT findingActivated(f.document, f.page, words);
}

} // namespace incidoc::ui
