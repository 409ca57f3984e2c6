#pragma once
// The documents of the open project as a table: name, status, pages done / total, type (the file's kind
// until it has a document type; a predicted type with its confidence, "Fax? 62 %"), problems
// (why a file or its pages failed, in full in the tooltip). Re-read from the session on refresh().
// GUI thread only.

#include "core/model/records.h"

#include <QAbstractTableModel>

#include <vector>

namespace incidoc::ui {

class ProjectSession;

class DocumentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Type, Status, Pages, Problems, ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1, HasFailuresRole };

    explicit DocumentsModel(QObject* parent = nullptr);
    void setSession(ProjectSession* session);
    /// Reads the documents and their page counts again (keeps rows when the list did not change).
    void refresh();

    DocumentId documentAt(int row) const;
    int rowOf(DocumentId id) const;
    bool hasFailures(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        DocumentRecord doc;
        int total = 0, done = 0, failed = 0, queued = 0, processing = 0, reviewed = 0;
        QStringList failures;
    };
    ProjectSession* m_session = nullptr;
    std::vector<Row> m_rows;
    std::vector<DocumentType> m_types; ///< the project's, for the titles of the Type column
};

} // namespace incidoc::ui
