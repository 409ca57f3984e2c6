#include "ui/review/redaction_panel.h"

#include "ui/project_session.h"
#include "ui/review/document_order.h"
#include "ui/review/redaction_planner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace incidoc::ui {
namespace {

constexpr int kFindingRole = Qt::UserRole + 1; ///< the finding's index (-1 on document and page rows)

} // namespace

QString RedactionPanel::typeTitle(SensitiveType type)
{
    switch (type) {
    case SensitiveType::PersonName: return tr("Person name");
    case SensitiveType::DateOfBirth: return tr("Date of birth");
    case SensitiveType::Date: return tr("Date");
    case SensitiveType::Phone: return tr("Phone");
    case SensitiveType::Address: return tr("Address");
    case SensitiveType::Email: return tr("Email");
    case SensitiveType::VehiclePlate: return tr("Vehicle plate");
    case SensitiveType::Vin: return tr("VIN");
    case SensitiveType::IdNumber: return tr("ID number");
    case SensitiveType::Signature: return tr("Signature");
    case SensitiveType::Photo: return tr("Photo");
    case SensitiveType::Other: break;
    }
    return tr("Other");
}

QString RedactionPanel::sourceTitle(FindingSource source)
{
    switch (source) {
    case FindingSource::Field: return tr("Field");
    case FindingSource::Label: return tr("Label");
    case FindingSource::KeyValue: return tr("Key → value");
    case FindingSource::Pattern: return tr("Pattern");
    case FindingSource::Mention: return tr("Mention");
    case FindingSource::Manual: break;
    }
    return tr("Marked");
}

RedactionPanel::RedactionPanel(ProjectSession* session, RedactionPlanner* planner, QWidget* parent)
    : QWidget(parent), m_session(session), m_planner(planner), m_status(new QLabel(this)),
      m_tree(new QTreeWidget(this)), m_refresh(new QPushButton(tr("&Refresh"), this))
{
    m_status->setObjectName(QStringLiteral("redactionStatus"));
    m_status->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("redactionTree"));
    // The text first: the dock is narrow, and the text is what a person checks.
    m_tree->setHeaderLabels({tr("Text"), tr("Type"), tr("Source")});
    m_tree->setIndentation(12);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setToolTip(tr("Return shows the finding on its page"));
    m_refresh->setObjectName(QStringLiteral("redactionRefresh"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);

    connect(m_refresh, &QPushButton::clicked, this, &RedactionPanel::refresh);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item)
            activate(item->data(0, kFindingRole).toInt());
    });
    connect(planner, &RedactionPlanner::planReady, this, &RedactionPanel::showPlan);
    connect(planner, &RedactionPlanner::staleChanged, this, [this] {
        if (isVisible())
            m_planner->schedule();
    });
    m_status->setText(tr("Looking for personal data…"));
}

void RedactionPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_planner->isStale())
        m_planner->schedule();
    else if (m_items.empty() && m_planner->plan())
        showPlan();
}

void RedactionPanel::refresh()
{
    m_status->setText(tr("Looking for personal data…"));
    m_planner->runNow();
}

void RedactionPanel::showPlan()
{
    m_findings.clear();
    m_items.clear();
    m_tree->clear();
    if (!m_planner->error().isEmpty()) {
        m_status->setText(tr("The personal data could not be looked for: %1").arg(m_planner->error()));
        return;
    }
    const auto plan = m_planner->plan();
    if (!plan)
        return;
    m_findings = plan->findings;

    const std::vector<DocumentRecord> documents = m_session->documents();
    sortByDocumentOrder(m_findings, documents);

    std::map<DocumentId, QTreeWidgetItem*> docItems;
    std::map<PageId, QTreeWidgetItem*> pageItems;
    std::map<QTreeWidgetItem*, int> counts;
    std::map<SensitiveType, int> perType;
    for (std::size_t i = 0; i < m_findings.size(); ++i) {
        const SensitiveFinding& f = m_findings[i];
        ++perType[f.type];
        QTreeWidgetItem*& doc = docItems[f.document];
        if (!doc) {
            const auto known = std::find_if(documents.begin(), documents.end(),
                                            [&](const DocumentRecord& d) { return d.id == f.document; });
            doc = new QTreeWidgetItem(m_tree);
            doc->setText(0, known != documents.end() ? known->name : QString::number(f.document));
            doc->setData(0, kFindingRole, -1);
            doc->setFirstColumnSpanned(true);
        }
        QTreeWidgetItem*& page = pageItems[f.page];
        if (!page) {
            page = new QTreeWidgetItem(doc, {tr("Page %1").arg(f.pageNumber)});
            page->setData(0, kFindingRole, -1);
            page->setFirstColumnSpanned(true);
        }
        ++counts[page];
        ++counts[doc];
        const QString text = f.words.empty() && f.text.isEmpty() ? tr("(region)") : f.text;
        auto* item = new QTreeWidgetItem(page, {text, typeTitle(f.type), sourceTitle(f.source)});
        item->setData(0, kFindingRole, static_cast<int>(i));
        item->setToolTip(0, tr("%1 (%2, %3)").arg(text, typeTitle(f.type), sourceTitle(f.source)));
        m_items.push_back(item);
    }
    for (auto& [item, n] : counts)
        item->setText(0, tr("%1 (%n finding(s))", nullptr, n).arg(item->text(0)));
    m_tree->expandAll();
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(0);
    const int widest = std::max(120, m_tree->viewport()->width() / 2); // type and source stay in sight
    if (m_tree->columnWidth(0) > widest)
        m_tree->setColumnWidth(0, widest);
    if (m_findings.empty()) {
        m_status->setText(tr("Nothing to redact: no personal data found or marked."));
        return;
    }
    QStringList parts;
    for (const auto& [type, n] : perType)
        parts << tr("%1: %2").arg(typeTitle(type)).arg(n);
    m_status->setText(tr("%n finding(s) to redact", nullptr, static_cast<int>(m_findings.size()))
                      + QStringLiteral(" — ") + parts.join(QStringLiteral(", ")));
    m_tree->setCurrentItem(m_items.front());
}

QTreeWidgetItem* RedactionPanel::findingItem(int index) const
{
    return index >= 0 && index < static_cast<int>(m_items.size()) ? m_items[index] : nullptr;
}

void RedactionPanel::activate(int index)
{
    if (index < 0 || index >= static_cast<int>(m_findings.size()))
        return;
    const SensitiveFinding& f = m_findings[index];
    Q_EMIT findingActivated(f.document, f.page, QList<WordId>(f.words.begin(), f.words.end()));
}

} // namespace incidoc::ui
