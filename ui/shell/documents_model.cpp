#include "ui/shell/documents_model.h"

#include "core/storage/project_store.h"
#include "ui/failure_text.h"
#include "ui/project_session.h"
#include "ui/shell/document_type_text.h"

#include <QColor>

namespace incidoc::ui {

DocumentsModel::DocumentsModel(QObject* parent) : QAbstractTableModel(parent) {}

void DocumentsModel::setSession(ProjectSession* session)
{
    m_session = session;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    refresh();
}

void DocumentsModel::refresh()
{
    std::vector<Row> rows;
    if (m_session) {
        auto types = m_session->store().documentTypes();
        m_types = types ? std::move(types).value() : std::vector<DocumentType>{};
        for (const auto& doc : m_session->documents()) {
            Row r;
            r.doc = doc;
            for (const auto& p : m_session->pages(doc.id)) {
                ++r.total;
                switch (p.status) {
                case PageStatus::Done: ++r.done; break;
                case PageStatus::Failed:
                    ++r.failed;
                    r.failures << tr("page %1: %2").arg(p.number).arg(FailureText::ofPage(p));
                    break;
                case PageStatus::Queued: ++r.queued; break;
                case PageStatus::Processing: ++r.processing; break;
                }
                if (p.review == ReviewStatus::Reviewed)
                    ++r.reviewed;
            }
            if (!doc.error.isEmpty())
                r.failures.prepend(FailureText::ofDocument(doc));
            rows.push_back(std::move(r));
        }
    }
    bool same = rows.size() == m_rows.size();
    for (size_t i = 0; same && i < rows.size(); ++i)
        same = rows[i].doc.id == m_rows[i].doc.id;
    if (same) { // keep the rows (and the view's selection): only the numbers changed
        m_rows = std::move(rows);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

DocumentId DocumentsModel::documentAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[row].doc.id : 0;
}

int DocumentsModel::rowOf(DocumentId id) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (m_rows[i].doc.id == id)
            return i;
    return -1;
}

bool DocumentsModel::hasFailures(int row) const
{
    return row >= 0 && row < rowCount() && !m_rows[row].failures.isEmpty();
}

int DocumentsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DocumentsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = m_rows[index.row()];
    if (role == DocumentIdRole)
        return r.doc.id;
    if (role == HasFailuresRole)
        return !r.failures.isEmpty();
    if (role == Qt::ToolTipRole && index.column() == Type)
        return DocumentTypeText::explained(r.doc, m_types);
    if (role == Qt::ForegroundRole && index.column() == Type && r.doc.typeSource == TypeSource::Predicted)
        return QColor(110, 110, 110); // a guess looks lighter than a person's choice
    if (role == Qt::ToolTipRole) {
        QString tip = r.doc.path;
        if (!r.failures.isEmpty())
            tip += QLatin1Char('\n') + tr("Problems:") + QLatin1Char('\n') + r.failures.join(QLatin1Char('\n'));
        return tip;
    }
    if (role == Qt::ForegroundRole && index.column() == Status && !r.failures.isEmpty())
        return QColor(198, 40, 40);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return r.doc.name;
    case Status:
        if (!r.doc.error.isEmpty())
            return tr("failed");
        if (r.processing)
            return tr("processing");
        if (r.queued)
            return tr("queued");
        if (r.failed)
            return tr("%n page(s) failed", nullptr, r.failed);
        if (r.total && r.reviewed == r.total)
            return tr("reviewed");
        return tr("done");
    case Pages: return QStringLiteral("%1 / %2").arg(r.done + r.failed).arg(r.total);
    case Type: return r.doc.type.isEmpty() ? toString(r.doc.kind) : DocumentTypeText::shown(r.doc, m_types);
    case Problems: return r.failures.isEmpty() ? QString() : r.failures.first();
    }
    return {};
}

QVariant DocumentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Document");
    case Status: return tr("Status");
    case Pages: return tr("Pages");
    case Type: return tr("Type");
    case Problems: return tr("Problems");
    }
    return {};
}

} // namespace incidoc::ui
