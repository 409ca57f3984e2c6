// MainWindow: the Redaction menu (marking words, entities and regions sensitive or not), the Redaction
// dock and the page view's redaction overlay.

#include "ui/editing/edit_commands.h"
#include "ui/project_session.h"
#include "ui/review/redaction_panel.h"
#include "ui/review/redaction_planner.h"
#include "ui/shell/main_window.h"
#include "ui/view/form_layer.h"
#include "ui/view/page_view.h"
#include "ui/view/redaction_layer.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTreeWidget>

#include <set>

namespace incidoc::ui {
namespace {

/// A type for text nobody chose one for: what it looks like, else Other.
SensitiveType typeFromText(const QString& text)
{
    static const QRegularExpression email(QStringLiteral(R"(^\S+@\S+\.\S+$)"));
    static const QRegularExpression vin(QStringLiteral(R"(^[A-HJ-NPR-Z0-9]{17}$)"));
    static const QRegularExpression date(QStringLiteral(R"(^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$)"));
    static const QRegularExpression phone(QStringLiteral(R"(^[+(]?\d[\d ().-]{6,}\d$)"));
    // Two to four capitalised words ("Elena Marsh"); one alone is as likely a make or a place.
    static const QRegularExpression name(QStringLiteral(R"(^(\p{Lu}[\p{L}'.-]+)( \p{Lu}[\p{L}'.-]+){1,3}$)"));
    const QString t = text.simplified();
    if (email.match(t).hasMatch())
        return SensitiveType::Email;
    if (vin.match(t.toUpper()).hasMatch() && t.contains(QRegularExpression(QStringLiteral("\\d"))))
        return SensitiveType::Vin;
    if (date.match(t).hasMatch())
        return SensitiveType::Date;
    if (phone.match(t).hasMatch())
        return SensitiveType::Phone;
    if (name.match(t).hasMatch())
        return SensitiveType::PersonName;
    return SensitiveType::Other;
}

} // namespace

void MainWindow::createRedactionDock()
{
    m_redactionDock = new QDockWidget(tr("Redaction"), this);
    m_redactionDock->setObjectName(QStringLiteral("redactionDock")); // saveState() needs it
    m_redactionDock->setWidget(new QLabel(tr("No project"), this));
    addDockWidget(Qt::RightDockWidgetArea, m_redactionDock);
    m_docks << m_redactionDock;
}

void MainWindow::connectRedaction()
{
    ProjectSession* s = m_session.get();
    m_redactionPlanner = new RedactionPlanner(s, this);
    m_redaction = new RedactionPanel(s, m_redactionPlanner, this);
    delete setDockContent(m_redactionDock, m_redaction);
    connect(m_redaction, &RedactionPanel::findingActivated, this,
            [this](DocumentId, PageId page, const QList<WordId>& words) {
                if (page)
                    showWords(page, words);
            });
    m_redactionLayer->setSession(s, m_redactionPlanner);
}

void MainWindow::closeRedaction()
{
    m_redactionLayer->setSession(nullptr, nullptr);
    if (!m_redaction)
        return;
    delete setDockContent(m_redactionDock, new QLabel(tr("No project"), this));
    m_redaction = nullptr;
    delete m_redactionPlanner;
    m_redactionPlanner = nullptr;
}

void MainWindow::createRedactionMenu()
{
    m_redactionLayer = new RedactionLayer(m_view, this);
    connect(m_redactionLayer, &RedactionLayer::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_redactionLayer, &RedactionLayer::regionDrawn, this, &MainWindow::markRegionSensitive);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_redactionLayer->showAction());

    // Ctrl+Alt: never typed into a word, and free of every other shortcut of the app.
    auto* menu = menuBar()->addMenu(tr("Re&daction"));
    menu->setObjectName(QStringLiteral("redactionMenu"));
    QAction* a = menu->addAction(tr("Mark &Sensitive"), this, [this] { markSelectionSensitive(std::nullopt); });
    a->setObjectName(QStringLiteral("markSensitiveAction"));
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    a->setToolTip(tr("The selected words (or entity) are redacted as what they look like"));
    m_writeActions << a;
    QMenu* as = menu->addMenu(tr("Mark Sensitive &As"));
    as->setObjectName(QStringLiteral("markSensitiveAsMenu"));
    for (const QString& name : sensitiveTypeNames()) {
        const SensitiveType type = *sensitiveTypeFromString(name);
        QAction* t =
            as->addAction(RedactionPanel::typeTitle(type), this, [this, type] { markSelectionSensitive(type); });
        t->setObjectName(QStringLiteral("markSensitiveAs_") + name);
        m_writeActions << t;
    }
    a = menu->addAction(tr("Mark &Not Sensitive"), this, [this] { markSelectionNotSensitive(); });
    a->setObjectName(QStringLiteral("markNotSensitiveAction"));
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+N")));
    a->setToolTip(tr("The selected words are kept as they are, whatever was found in them"));
    m_writeActions << a;
    a = menu->addAction(tr("&Clear Redaction Mark"), this, [this] { clearSelectionRedactionMarks(); });
    a->setObjectName(QStringLiteral("clearRedactionMarkAction"));
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+X")));
    m_writeActions << a;
    menu->addSeparator();
    QMenu* region = menu->addMenu(tr("Mark &Region Sensitive"));
    region->setObjectName(QStringLiteral("markRegionMenu"));
    const std::pair<SensitiveType, const char*> regionTypes[] = {
        {SensitiveType::Signature, "signature"}, {SensitiveType::Photo, "photo"}, {SensitiveType::Other, "other"}};
    for (const auto& [type, name] : regionTypes) {
        QAction* r = region->addAction(tr("%1…").arg(RedactionPanel::typeTitle(type)), this,
                                       [this, type] { m_redactionLayer->armRegion(type); });
        r->setObjectName(QStringLiteral("markRegion_") + QLatin1String(name));
        if (type == SensitiveType::Signature)
            r->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+R")));
        m_writeActions << r;
    }
    menu->addSeparator();
    a = menu->addAction(tr("Show Redaction &Panel"), this, [this] {
        m_redactionDock->show();
        m_redactionDock->raise();
        if (m_redaction)
            m_redaction->tree()->setFocus();
    });
    a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+P")));
    m_projectActions << a;
    menu->addAction(m_redactionLayer->showAction());
}

std::vector<RedactionMark> MainWindow::selectionTargets(bool sensitive, SensitiveType type)
{
    std::vector<RedactionMark> marks;
    const PageId page = m_view->pageId();
    if (!m_session || !page)
        return marks;
    auto add = [&](MarkTarget target, long long id, const PixelBox& box) {
        RedactionMark m;
        m.pageId = page;
        m.target = target;
        (target == MarkTarget::Entity ? m.entity : m.word) = id;
        m.box = box;
        m.sensitive = sensitive;
        m.type = type;
        marks.push_back(m);
    };
    // The selected entities, else the selected words.
    for (EntityId id : m_view->formLayer()->selectedEntities()) {
        auto e = m_session->store().entity(id);
        if (e && *e && !(*e)->box.isEmpty())
            add(MarkTarget::Entity, id, (*e)->box);
    }
    if (!marks.empty())
        return marks;
    for (WordId id : m_view->selectedWords()) {
        auto w = m_session->store().word(id);
        if (w && *w && !(*w)->box.isEmpty())
            add(MarkTarget::Word, id, (*w)->box);
    }
    return marks;
}

QString MainWindow::selectionName()
{
    const QList<EntityId> entities = m_view->formLayer()->selectedEntities();
    if (entities.size() == 1)
        if (auto e = m_session->store().entity(entities.front()); e && *e)
            return StoreEditCommand::quoted((*e)->text);
    return StoreEditCommand::wordList(m_session.get(), m_view->selectedWords());
}

SensitiveType MainWindow::guessSensitiveType()
{
    if (!m_session)
        return SensitiveType::Other;
    const QList<WordId> words = m_view->selectedWords();
    // What the finder says about these words, else the entity's typed field, else what the text looks like.
    if (m_redactionPlanner && m_redactionPlanner->plan()) {
        const RedactionPlan& plan = *m_redactionPlanner->plan();
        for (WordId w : words)
            if (auto it = plan.words.constFind(w); it != plan.words.constEnd())
                return it->type;
    }
    QString text;
    for (EntityId id : m_view->formLayer()->selectedEntities())
        if (auto e = m_session->store().entity(id); e && *e) {
            if (auto t = sensitiveTypeFromString((*e)->field))
                return *t;
            text = (*e)->text;
            break;
        }
    if (text.isEmpty()) {
        QStringList parts;
        for (const WordRecord& w : m_session->words(m_view->pageId()))
            if (words.contains(w.id))
                parts << w.text;
        text = parts.join(QLatin1Char(' '));
    }
    return typeFromText(text);
}

void MainWindow::markSelectionSensitive(std::optional<SensitiveType> type)
{
    const SensitiveType t = type ? *type : guessSensitiveType();
    const std::vector<RedactionMark> marks = selectionTargets(true, t);
    if (marks.empty()) {
        statusBar()->showMessage(tr("Select the words or the entity to mark sensitive first"), 6000);
        return;
    }
    const QString title = RedactionPanel::typeTitle(t);
    if (m_session->addRedactionMarks(marks, tr("Mark %1 sensitive (%2)").arg(selectionName(), title)))
        statusBar()->showMessage(tr("Marked sensitive: %1").arg(RedactionPanel::typeTitle(t)), 6000);
}

void MainWindow::markSelectionNotSensitive()
{
    const std::vector<RedactionMark> marks = selectionTargets(false, SensitiveType::Other);
    if (marks.empty()) {
        statusBar()->showMessage(tr("Select the words or the entity to mark not sensitive first"), 6000);
        return;
    }
    m_session->addRedactionMarks(marks, tr("Mark %1 not sensitive").arg(selectionName()));
}

void MainWindow::clearSelectionRedactionMarks()
{
    const PageId page = m_view->pageId();
    if (!m_session || !page)
        return;
    const QList<WordId> words = m_view->selectedWords();
    const QList<EntityId> entities = m_view->formLayer()->selectedEntities();
    std::vector<PixelBox> boxes;
    for (const WordRecord& w : m_session->words(page))
        if (words.contains(w.id))
            boxes.push_back(w.box);
    // The marks on the selection: its words and entities, and the regions over its words.
    std::vector<RedactionMarkId> ids;
    for (const RedactionMark& m : m_session->redactionMarks(page)) {
        bool hit = (m.target == MarkTarget::Word && words.contains(m.word))
                   || (m.target == MarkTarget::Entity && entities.contains(m.entity));
        if (m.target == MarkTarget::Region)
            for (const PixelBox& b : boxes)
                hit = hit || (b.x0 < m.box.x1 && m.box.x0 < b.x1 && b.y0 < m.box.y1 && m.box.y0 < b.y1);
        if (hit)
            ids.push_back(m.id);
    }
    if (ids.empty()) {
        statusBar()->showMessage(tr("No redaction mark on the selection"), 6000);
        return;
    }
    m_session->deleteRedactionMarks(ids, tr("Clear %n redaction mark(s)", nullptr, static_cast<int>(ids.size())));
}

void MainWindow::markRegionSensitive(PageId page, const PixelBox& box, SensitiveType type)
{
    if (!m_session || !page)
        return;
    RedactionMark m;
    m.pageId = page;
    m.target = MarkTarget::Region;
    m.box = box;
    m.sensitive = true;
    m.type = type;
    if (m_session->addRedactionMarks({m}, tr("Mark region sensitive (%1)").arg(RedactionPanel::typeTitle(type))))
        statusBar()->showMessage(tr("Region marked sensitive: %1").arg(RedactionPanel::typeTitle(type)), 6000);
}

} // namespace incidoc::ui
