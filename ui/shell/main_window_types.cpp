// The Document menu: a document's type, set, corrected and confirmed from the keyboard, predicted by the
// classifier learned from the documents people typed (core/doctype), and the project's types.
#include "core/doctype/classify_documents.h"
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "ui/editing/document_type_command.h"
#include "ui/project_session.h"
#include "ui/shell/document_type_text.h"
#include "ui/shell/document_types_dialog.h"
#include "ui/shell/documents_model.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_list_model.h"

#include <QFutureWatcher>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QUndoStack>

namespace incidoc::ui {

void MainWindow::createDocumentMenu()
{
    auto* menu = menuBar()->addMenu(tr("&Document"));
    m_typeMenu = menu->addMenu(tr("&Type"));
    m_typeMenu->setObjectName(QStringLiteral("documentTypeMenu"));
    connect(m_typeMenu, &QMenu::aboutToShow, this, &MainWindow::fillTypeMenu);
    fillTypeMenu();
    // F9: the Type menu at the documents list, its types numbered 1, 2, ... (one more key chooses).
    QAction* a = menu->addAction(tr("C&hoose Type…"), this, [this] {
        if (!m_session || currentDocument() == 0)
            return;
        fillTypeMenu();
        const QModelIndex index = m_documentsView->currentIndex();
        const QRect row = index.isValid() ? m_documentsView->visualRect(index) : QRect();
        m_typeMenu->popup(row.isValid() ? m_documentsView->viewport()->mapToGlobal(row.bottomLeft())
                                        : mapToGlobal(rect().center()));
    });
    a->setObjectName(QStringLiteral("chooseDocumentType"));
    a->setShortcut(QKeySequence(Qt::Key_F9));
    m_writeActions << a;
    a = menu->addAction(tr("&Confirm Predicted Type"), this, [this] { confirmPredictedType(); });
    a->setObjectName(QStringLiteral("confirmDocumentType"));
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+T")));
    m_writeActions << a;
    menu->addSeparator();
    a = menu->addAction(tr("&Predict Types"), this, [this] { predictTypes(); });
    a->setObjectName(QStringLiteral("predictDocumentTypes"));
    m_writeActions << a;
    a = menu->addAction(tr("Document T&ypes…"), this, [this] { editDocumentTypes(); });
    a->setObjectName(QStringLiteral("editDocumentTypes"));
    m_projectActions << a;
}

void MainWindow::fillTypeMenu()
{
    m_typeMenu->clear();
    if (!m_session)
        return;
    auto types = m_session->store().documentTypes();
    if (!types)
        return;
    const DocumentId doc = currentDocument();
    const auto record = doc ? m_session->document(doc) : std::nullopt;
    int n = 0;
    for (const DocumentType& t : *types) {
        ++n;
        const QString title = DocumentTypeText::title(t);
        // 1..9 as mnemonics; further types by their title's first letter.
        QAction* a = m_typeMenu->addAction(n <= 9 ? QStringLiteral("&%1 %2").arg(n).arg(title) : title, this,
                                           [this, name = t.name] { setCurrentDocumentType(name); });
        a->setObjectName(QStringLiteral("documentType_") + t.name);
        a->setCheckable(true);
        a->setChecked(record && record->type == t.name);
        a->setEnabled(doc != 0 && !m_session->isReadOnly());
    }
    m_typeMenu->addSeparator();
    QAction* none = m_typeMenu->addAction(tr("&No Type"), this, [this] { setCurrentDocumentType({}); });
    none->setObjectName(QStringLiteral("documentType_none"));
    none->setEnabled(doc != 0 && !m_session->isReadOnly() && record && !record->type.isEmpty());
}

DocumentId MainWindow::currentDocument() const
{
    if (!m_session)
        return 0;
    if (const QModelIndex i = m_documentsView->currentIndex(); i.isValid())
        if (const DocumentId d = m_documents->documentAt(i.row()))
            return d;
    return m_pages->document();
}

bool MainWindow::setCurrentDocumentType(const QString& type)
{
    const DocumentId doc = currentDocument();
    if (!m_session || doc == 0 || m_session->isReadOnly())
        return false;
    const auto record = m_session->document(doc);
    if (!record)
        return false;
    const SetDocumentTypeCommand::TypeState before{record->type, record->typeSource, record->typeConfidence};
    const SetDocumentTypeCommand::TypeState after{type, type.isEmpty() ? TypeSource::None : TypeSource::User, {}};
    if (before.type == after.type && before.source == after.source)
        return true; // nothing to change: no undo step
    auto types = m_session->store().documentTypes();
    const std::vector<DocumentType> list = types ? *types : std::vector<DocumentType>{};
    const QString text = type.isEmpty() ? tr("No type for %1").arg(record->name)
                                        : (before.type == type ? tr("Confirm type %1 of %2") : tr("Type %1 for %2"))
                                              .arg(DocumentTypeText::title(type, list), record->name);
    auto* command = new SetDocumentTypeCommand(m_session.get(), doc, before, after, text);
    m_session->undoStack()->push(command); // runs redo(): the change; a failed one is obsolete and dropped
    const auto now = m_session->document(doc);
    const bool ok = now && now->type == type && now->typeSource == after.source;
    if (ok)
        statusBar()->showMessage(text, 4000);
    return ok;
}

bool MainWindow::confirmPredictedType()
{
    const DocumentId doc = currentDocument();
    if (!m_session || doc == 0)
        return false;
    const auto record = m_session->document(doc);
    if (!record || record->typeSource != TypeSource::Predicted) {
        statusBar()->showMessage(tr("This document has no predicted type to confirm: F9 chooses one."), 5000);
        return false;
    }
    return setCurrentDocumentType(record->type);
}

void MainWindow::predictTypes()
{
    runTypePrediction({}, false);
}

void MainWindow::predictTypeAfterFirstPage(PageId page, DocumentId document, bool ok)
{
    if (!ok || !m_session || m_session->isReadOnly())
        return;
    const auto p = m_session->store().page(page);
    if (!p || p->number != 1)
        return;
    const auto d = m_session->document(document);
    if (!d || d->typeSource != TypeSource::None)
        return; // a person's type stays; a predicted one is predicted again only when asked
    m_typePredictionWaiting.insert(document);
    if (!m_typePredictionTimer) {
        m_typePredictionTimer = new QTimer(this);
        m_typePredictionTimer->setSingleShot(true);
        m_typePredictionTimer->setInterval(400);
        connect(m_typePredictionTimer, &QTimer::timeout, this, [this] {
            if (m_typePredictionRunning || m_typePredictionWaiting.empty())
                return; // the running one starts the next when it finishes
            const std::vector<DocumentId> documents(m_typePredictionWaiting.begin(), m_typePredictionWaiting.end());
            m_typePredictionWaiting.clear();
            runTypePrediction(documents, true);
        });
    }
    m_typePredictionTimer->start();
}

void MainWindow::runTypePrediction(const std::vector<DocumentId>& documents, bool automatic)
{
    if (!m_session || m_session->isReadOnly())
        return;
    if (!automatic)
        statusBar()->showMessage(tr("Predicting document types…"));
    m_typePredictionRunning = true;
    // On a connection of its own: measuring first pages renders them, which must not block the window.
    const QString path = m_session->path();
    auto* watcher = new QFutureWatcher<Result<ClassifyRun>>(this);
    connect(watcher, &QFutureWatcher<Result<ClassifyRun>>::finished, this, [this, watcher, path, automatic] {
        watcher->deleteLater();
        m_typePredictionRunning = false;
        const Result<ClassifyRun> run = watcher->result();
        const bool sameProject = m_session && m_session->path() == path;
        if (!run) {
            if (sameProject)
                showError(tr("Predict Types"), run.error().message);
            return;
        }
        if (!sameProject)
            return;
        if (!automatic && !run->note.isEmpty())
            statusBar()->showMessage(run->examples == 0
                                         ? tr("No typed examples yet: set the type of a few documents of each type "
                                              "(F9), then predict. Nothing was predicted.")
                                         : tr("Documents of one type only were typed: set the type of a few "
                                              "documents of another type too (F9), then predict. Nothing was "
                                              "predicted."),
                                     10000);
        else if (!automatic || !run->predictions.empty())
            statusBar()->showMessage(tr("Predicted the type of %n document(s), learned from %1 typed by people.",
                                        nullptr, static_cast<int>(run->predictions.size()))
                                         .arg(run->examples),
                                     8000);
        m_session->notifyDocumentsChanged();
        for (const TypePrediction& p : run->predictions)
            m_session->notifyTypeProfilesChanged(ProfileScope::ofDocument(p.document));
        if (!m_typePredictionWaiting.empty() && m_typePredictionTimer)
            m_typePredictionTimer->start();
    });
    ClassifyOptions options;
    options.documents = documents;
    if (m_workplace) // first pages measured in a page host: a crafted PDF cannot crash the window
        options.renderPdf = firstPdfPageIn(m_workplace);
    watcher->setFuture(QtConcurrent::run([path, options]() -> Result<ClassifyRun> {
        auto store = ProjectStore::open(path);
        if (!store)
            return store.error();
        return classifyDocuments(**store, options);
    }));
}

void MainWindow::editDocumentTypes()
{
    if (!m_session)
        return;
    auto* dialog = new DocumentTypesDialog(m_session.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, no nested event loop
}

} // namespace incidoc::ui
