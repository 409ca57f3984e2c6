#include "ui/view/inline_editor.h"

#include "ui/project_session.h"
#include "ui/review/inspector_widget.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QCoreApplication>
#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace incidoc::ui {
namespace {

/// 1 - the edit distance over the longer length: 1 for equal texts, 0 for nothing in common.
double similarity(const QString& a, const QString& b)
{
    const int n = int(a.size()), m = int(b.size());
    if (n == 0 || m == 0)
        return n == m ? 1.0 : 0.0;
    if (std::abs(n - m) > std::max(n, m) / 2)
        return 0.0; // too different in length to be the same word misread
    std::vector<int> row(m + 1);
    for (int j = 0; j <= m; ++j)
        row[j] = j;
    for (int i = 1; i <= n; ++i) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= m; ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return 1.0 - double(row[m]) / std::max(n, m);
}

constexpr int kStripHeight = 72; ///< screen pixels of the magnified line
constexpr int kMargin = 8;

} // namespace

InlineEditor::InlineEditor(PageView* view)
    : QObject(view), m_view(view), m_panel(new QFrame(view->viewport())), m_strip(new QLabel(m_panel)),
      m_readings(new QLabel(m_panel)), m_suggestionLabel(new QLabel(m_panel)), m_edit(new QLineEdit(m_panel))
{
    m_panel->setObjectName(QStringLiteral("wordEditorPanel"));
    m_panel->setFrameShape(QFrame::StyledPanel);
    m_panel->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(m_panel);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_strip->setObjectName(QStringLiteral("wordStrip"));
    m_strip->setAlignment(Qt::AlignCenter);
    m_strip->setFixedHeight(kStripHeight);
    m_readings->setObjectName(QStringLiteral("wordReadings"));
    m_readings->setTextFormat(Qt::PlainText);
    layout->addWidget(m_strip);
    layout->addWidget(m_readings);
    layout->addWidget(m_edit);
    m_suggestionLabel->setObjectName(QStringLiteral("wordSuggestion"));
    m_suggestionLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_suggestionLabel);
    m_panel->hide();
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::textEdited, this, &InlineEditor::updateSuggestion);
}

bool InlineEditor::start(const std::optional<QString>& initial)
{
    const QList<WordId> sel = m_view->selectedWords();
    ProjectSession* session = m_view->m_session;
    if (session && session->isReadOnly() && !sel.isEmpty()) {
        // The view's context: the string was the view's before the editor was a class of its own.
        Q_EMIT m_view->statusMessage(QCoreApplication::translate(
            "incidoc::ui::PageView", "The project is open read-only: words cannot be changed."));
        return false;
    }
    if (!session || sel.size() != 1)
        return false;
    auto* item = m_view->wordItem(sel.first());
    if (!item)
        return false;
    m_word = item->wordId();
    m_edit->setText(initial.value_or(item->text()));
    if (!initial)
        m_edit->selectAll();
    QString readings;
    m_candidates.clear();
    m_engineReadings.clear();
    for (const WordRecord& w : m_view->m_words) {
        if (w.id != m_word)
            continue;
        readings = InspectorWidget::readingsText(w);
        for (const WordReading& r : w.alternatives) // what the other engine read comes first
            if (!r.text.trimmed().isEmpty())
                m_candidates << r.text.trimmed();
        if (w.ocrText)
            m_candidates << *w.ocrText;
        m_candidates << w.text;
        m_engineReadings = m_candidates;
    }
    for (const QString& v : session->vocabulary())
        m_candidates << v;
    m_readings->setText(readings);
    m_readings->setVisible(!readings.isEmpty());
    updateSuggestion(initial.value_or(QString()));
    reposition();
    m_panel->show();
    m_panel->raise();
    m_edit->setFocus(Qt::OtherFocusReason);
    if (initial)
        m_edit->end(false);
    return true;
}

QImage InlineEditor::stripImage() const
{
    return m_strip->pixmap().toImage();
}

QString InlineEditor::readingsText() const
{
    return m_readings->isVisible() || isOpen() ? m_readings->text() : QString();
}

void InlineEditor::updateSuggestion(const QString& typed)
{
    m_suggestion.clear();
    if (!typed.isEmpty()) {
        // Among the candidates that start with what was typed (same case first, then any case): the one
        // most like what the engines read (a misread word is usually a few letters off), else the first.
        for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
            double best = -1;
            for (const QString& c : m_candidates) {
                if (c.size() <= typed.size() || !c.startsWith(typed, cs))
                    continue;
                double score = 0;
                for (const QString& r : m_engineReadings)
                    score = std::max(score, similarity(c, r));
                if (score < 0.5)
                    score = 0; // not like any reading: frequency decides (the candidates' order)
                if (score > best) {
                    best = score;
                    m_suggestion = cs == Qt::CaseSensitive ? c : typed + c.mid(typed.size());
                }
            }
            if (!m_suggestion.isEmpty())
                break;
        }
    }
    m_suggestionLabel->setText(m_suggestion.isEmpty() ? QString() : tr("Tab: %1").arg(m_suggestion));
    m_suggestionLabel->setVisible(!m_suggestion.isEmpty());
}

void InlineEditor::updateStrip()
{
    const QPixmap& page = m_view->m_pixmap;
    const WordRecord* word = nullptr;
    for (const WordRecord& w : m_view->m_words)
        if (w.id == m_word)
            word = &w;
    const QSizeF size = m_view->pageSize();
    if (!word || page.isNull() || size.isEmpty()) {
        m_strip->setPixmap(QPixmap());
        m_strip->setText(QString());
        return;
    }
    // The word's line: the words of its block and line, or the word alone.
    PixelBox line = word->box;
    for (const WordRecord& w : m_view->m_words)
        if (w.block == word->block && w.line == word->line
            && std::abs(w.box.y0 - word->box.y0) < 3 * word->box.height())
            line = line.united(w.box);
    const int pad = std::max(4, word->box.height() / 3);
    const QRectF pageLine = QRectF(line.x0 - pad, line.y0 - pad, line.width() + 2 * pad, line.height() + 2 * pad)
                                .intersected(QRectF(QPointF(0, 0), size));
    const double sx = page.width() / size.width(), sy = page.height() / size.height();
    const QRect src = QRectF(pageLine.x() * sx, pageLine.y() * sy, pageLine.width() * sx, pageLine.height() * sy)
                          .toAlignedRect()
                          .intersected(page.rect());
    if (src.isEmpty())
        return;
    // As large as the strip allows, never wider than the panel.
    const int maxW = std::max(50, m_panel->width() - 16);
    const double scale = std::min(double(kStripHeight) / src.height(), double(maxW) / src.width());
    QPixmap out(std::max(1, int(src.width() * scale)), std::max(1, int(src.height() * scale)));
    out.fill(Qt::white);
    {
        QPainter painter(&out);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawPixmap(out.rect(), page, src);
        // The word, outlined where it is in the strip.
        const double k = scale; // strip pixels per render pixel
        const QRectF w((word->box.x0 * sx - src.x()) * k, (word->box.y0 * sy - src.y()) * k, word->box.width() * sx * k,
                       word->box.height() * sy * k);
        QPen pen(QColor(230, 120, 0), 2);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(w.adjusted(-2, -2, 2, 2));
    }
    m_strip->setPixmap(out);
}

void InlineEditor::reposition()
{
    if (!m_word)
        return;
    auto* item = m_view->wordItem(m_word);
    if (!item)
        return;
    QWidget* vp = m_view->viewport();
    const int w = std::max(160, std::min(vp->width() - 2 * kMargin, 900));
    QFont f = m_edit->font();
    const QRect r = m_view->mapFromScene(item->sceneBox()).boundingRect();
    f.setPixelSize(std::clamp(int(r.height() * 0.7), 14, 28));
    m_edit->setFont(f);
    m_panel->setFixedWidth(w);
    m_panel->adjustSize();
    const int h = m_panel->sizeHint().height();
    const int x = (vp->width() - w) / 2;
    // Along the bottom edge, or the top edge when the word is in the bottom part of the view.
    QRect at(x, vp->height() - h - kMargin, w, h);
    if (at.intersects(r.adjusted(0, -4, 0, 4)))
        at.moveTop(kMargin);
    m_panel->setGeometry(at);
    updateStrip();
}

void InlineEditor::commit(bool advance)
{
    if (!m_word)
        return;
    const WordId word = m_word;
    const QString text = m_edit->text();
    close();
    auto* item = m_view->wordItem(word);
    ProjectSession* session = m_view->m_session;
    if (session && item && !text.trimmed().isEmpty()) {
        if (text != item->text())
            session->setWordText(word, text);
        else if (advance)
            session->acceptWord(word); // read and found right
    }
    if (advance)
        Q_EMIT m_view->advanceRequested(word);
}

void InlineEditor::cancel()
{
    if (m_word)
        close();
}

void InlineEditor::close()
{
    m_word = 0;
    m_panel->hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

bool InlineEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit) {
        if (event->type() == QEvent::ShortcutOverride) {
            // Tab takes the suggestion (else it is the review's "next word", a shortcut of the view).
            auto* ke = static_cast<QKeyEvent*>(event);
            if (ke->key() == Qt::Key_Tab && ke->modifiers() == Qt::NoModifier && !m_suggestion.isEmpty()) {
                event->accept();
                return true;
            }
        }
        if (event->type() == QEvent::KeyPress) {
            auto* ke = static_cast<QKeyEvent*>(event);
            if (ke->key() == Qt::Key_Tab && ke->modifiers() == Qt::NoModifier && !m_suggestion.isEmpty()) {
                m_edit->setText(m_suggestion);
                updateSuggestion(m_suggestion);
                return true;
            }
            if (ke->key() == Qt::Key_Escape) {
                cancel();
                return true;
            }
            if (ke->key() == Qt::Key_Return || ke->key() == Qt::Key_Enter) {
                // Handled here: QLineEdit passes Return on to its parent, which would act on it again.
                commit(!(ke->modifiers() & Qt::ShiftModifier));
                return true;
            }
            if (ke->key() == Qt::Key_S && (ke->modifiers() & Qt::AltModifier)) { // split at the caret
                const WordId word = m_word;
                const int at = m_edit->cursorPosition();
                cancel();
                m_view->selectWords({word});
                m_view->splitSelected(at);
                return true;
            }
        } else if (event->type() == QEvent::FocusOut && m_word) {
            commit(); // clicking elsewhere keeps what was typed
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace incidoc::ui
