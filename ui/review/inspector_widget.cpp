#include "ui/review/inspector_widget.h"

#include "ui/project_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace incidoc::ui {
namespace {

constexpr int kMaxCoordinate = 1'000'000;

QIcon swatch(const QString& color)
{
    QPixmap pm(12, 12);
    pm.fill(QColor(color));
    QPainter p(&pm);
    p.setPen(Qt::black);
    p.drawRect(0, 0, 11, 11);
    return QIcon(pm);
}

QString sourceName(WordSource s)
{
    switch (s) {
    case WordSource::Ocr: return InspectorWidget::tr("OCR");
    case WordSource::TextLayer: return InspectorWidget::tr("PDF text layer");
    case WordSource::User: return InspectorWidget::tr("drawn by a person");
    }
    return {};
}

} // namespace

InspectorWidget::InspectorWidget(ProjectSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    m_summary = new QLabel(this);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("inspectorText"));
    m_text->setToolTip(tr("The word's text; Enter saves it"));
    m_confidence = new QLabel(this);
    m_source = new QLabel(this);
    m_ocrText = new QLabel(this);
    m_ocrText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readings = new QLabel(this);
    m_readings->setObjectName(QStringLiteral("inspectorReadings"));
    m_readings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readings->setWordWrap(true);
    m_takeOther = new QPushButton(tr("Take Other Reading"), this);
    m_takeOther->setObjectName(QStringLiteral("inspectorTakeOther"));
    m_takeOther->setToolTip(tr("Use the other engine's reading as the word's text (Ctrl+Shift+O)"));
    m_accept = new QPushButton(tr("Accept"), this);
    m_accept->setObjectName(QStringLiteral("inspectorAccept"));
    m_accept->setToolTip(tr("The word is right as it reads: it no longer needs review (Ctrl+Shift+A)"));
    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("inspectorLabel"));
    auto spin = [this](const char* name) {
        auto* s = new QSpinBox(this);
        s->setObjectName(QLatin1String(name));
        s->setRange(0, kMaxCoordinate);
        s->setKeyboardTracking(false);
        connect(s, &QSpinBox::editingFinished, this, &InspectorWidget::commitBox);
        return s;
    };
    m_x0 = spin("inspectorX0");
    m_y0 = spin("inspectorY0");
    m_x1 = spin("inspectorX1");
    m_y1 = spin("inspectorY1");
    m_reviewed = new QCheckBox(tr("Reviewed"), this);
    m_reviewed->setObjectName(QStringLiteral("inspectorReviewed"));

    auto* box = new QHBoxLayout;
    for (QSpinBox* s : {m_x0, m_y0, m_x1, m_y1})
        box->addWidget(s);
    auto* form = new QFormLayout;
    form->addRow(tr("Text:"), m_text);
    form->addRow(tr("Confidence:"), m_confidence);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("OCR read:"), m_ocrText);
    auto* readingButtons = new QHBoxLayout;
    readingButtons->addWidget(m_takeOther);
    readingButtons->addWidget(m_accept);
    readingButtons->addStretch(1);
    form->addRow(tr("Readings:"), m_readings);
    form->addRow(QString(), readingButtons);
    form->addRow(tr("Label:"), m_label);
    form->addRow(tr("Box (x0, y0, x1, y1):"), box);
    form->addRow(QString(), m_reviewed);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_text, &QLineEdit::returnPressed, this, &InspectorWidget::commitText);
    connect(m_label, &QComboBox::activated, this, &InspectorWidget::commitLabel);
    connect(m_reviewed, &QCheckBox::clicked, this, &InspectorWidget::commitReviewed);
    connect(m_takeOther, &QPushButton::clicked, this, &InspectorWidget::takeOtherReading);
    connect(m_accept, &QPushButton::clicked, this, &InspectorWidget::acceptWord);
    connect(m_session, &ProjectSession::wordsChanged, this, [this](PageId page) {
        if (page == m_page)
            reload();
    });
    connect(m_session, &ProjectSession::labelsChanged, this, [this] {
        reloadLabels();
        reload();
    });
    reloadLabels();
    reload();
}

void InspectorWidget::setSelection(PageId page, const QList<WordId>& words)
{
    m_page = page;
    m_words = words;
    reload();
}

void InspectorWidget::reloadLabels()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_label->clear();
    m_label->addItem(tr("(no label)"), QVariant());
    for (const LabelRecord& l : m_session->labels()) {
        const QString text = l.shortcut.isEmpty() ? l.name : tr("%1  [%2]").arg(l.name, l.shortcut);
        m_label->addItem(swatch(l.color), text, QVariant::fromValue<qlonglong>(l.id));
    }
    m_loading = wasLoading;
}

void InspectorWidget::reload()
{
    m_loading = true;
    m_shown.clear();
    if (m_page != 0 && !m_words.isEmpty()) {
        for (WordRecord& w : m_session->words(m_page))
            if (m_words.contains(w.id))
                m_shown.push_back(std::move(w));
    }
    // Words that no longer exist (deleted, merged away) drop out of the selection.
    QList<WordId> still;
    for (const WordRecord& w : m_shown)
        still << w.id;
    m_words.erase(std::remove_if(m_words.begin(), m_words.end(), [&](WordId id) { return !still.contains(id); }),
                  m_words.end());

    const bool one = m_shown.size() == 1;
    const bool any = !m_shown.empty();
    m_summary->setText(!any  ? tr("No word selected")
                       : one ? tr("1 word selected")
                             : tr("%n words selected", nullptr, int(m_shown.size())));
    m_text->setEnabled(one);
    for (QSpinBox* s : {m_x0, m_y0, m_x1, m_y1})
        s->setEnabled(one);
    m_label->setEnabled(any && !m_session->isReadOnly());
    m_reviewed->setEnabled(any && !m_session->isReadOnly());
    m_text->setReadOnly(m_session->isReadOnly());

    if (one) {
        const WordRecord& w = m_shown.front();
        m_text->setText(w.text);
        m_confidence->setText(w.confidence ? QString::number(*w.confidence, 'f', 1) : tr("none"));
        m_source->setText(sourceName(w.source));
        m_ocrText->setText(w.ocrText ? *w.ocrText : (w.source == WordSource::User ? QString() : w.text));
        m_readings->setText(readingsText(w));
        m_x0->setValue(w.box.x0);
        m_y0->setValue(w.box.y0);
        m_x1->setValue(w.box.x1);
        m_y1->setValue(w.box.y1);
    } else {
        m_text->clear();
        m_confidence->clear();
        m_source->clear();
        m_ocrText->clear();
        m_readings->clear();
        for (QSpinBox* s : {m_x0, m_y0, m_x1, m_y1})
            s->setValue(0);
    }
    const bool writable = one && !m_session->isReadOnly();
    m_readings->setVisible(one && !m_shown.front().alternatives.empty());
    m_takeOther->setVisible(one && !m_shown.front().alternatives.empty());
    m_takeOther->setEnabled(writable && !m_shown.front().alternatives.empty()
                            && m_shown.front().alternatives.front().text != m_shown.front().text);
    m_accept->setVisible(one && m_shown.front().flagged);
    m_accept->setEnabled(writable && m_shown.front().flagged);
    // Label: the common label of the selection, else "(no label)" when none has one, else blank.
    int labelIndex = 0;
    if (any) {
        const std::optional<LabelId> first = m_shown.front().labelId;
        const bool same =
            std::all_of(m_shown.begin(), m_shown.end(), [&](const WordRecord& w) { return w.labelId == first; });
        labelIndex = !same ? -1 : first ? m_label->findData(QVariant::fromValue<qlonglong>(*first)) : 0;
    }
    m_label->setCurrentIndex(labelIndex);
    const auto reviewedCount =
        std::count_if(m_shown.begin(), m_shown.end(), [](const WordRecord& w) { return w.reviewed; });
    m_reviewed->setTristate(reviewedCount > 0 && reviewedCount < static_cast<long>(m_shown.size()));
    m_reviewed->setCheckState(reviewedCount == 0                                   ? Qt::Unchecked
                              : reviewedCount == static_cast<long>(m_shown.size()) ? Qt::Checked
                                                                                   : Qt::PartiallyChecked);
    m_loading = false;
}

void InspectorWidget::commitText()
{
    if (m_loading || m_shown.size() != 1)
        return;
    const QString text = m_text->text().trimmed();
    if (text.isEmpty() || text == m_shown.front().text) {
        m_text->setText(m_shown.front().text); // an empty word is not a correction: delete it instead
        return;
    }
    if (!m_session->setWordText(m_shown.front().id, text))
        reload();
}

QString InspectorWidget::readingsText(const WordRecord& w)
{
    if (w.alternatives.empty())
        return QString();
    // What each engine read: the chosen engine's reading is what the recognizer gave (ocr_text once a
    // person changed the text).
    const QString chosen = w.ocrText ? *w.ocrText : w.text;
    QStringList parts{tr("%1 read %2").arg(engineDisplayName(w.engine), chosen)};
    for (const WordReading& r : w.alternatives)
        parts << tr("%1 read %2").arg(engineDisplayName(r.engine), r.text);
    return parts.join(QStringLiteral(" · "));
}

QString InspectorWidget::engineDisplayName(const QString& engine)
{
    if (engine == QLatin1String("tesseract"))
        return QStringLiteral("Tesseract");
    if (engine == QLatin1String("ppocr"))
        return QStringLiteral("PP-OCR");
    return engine.isEmpty() ? tr("OCR") : engine;
}

bool InspectorWidget::takeOtherReading()
{
    if (m_loading || m_shown.size() != 1 || m_shown.front().alternatives.empty() || m_session->isReadOnly())
        return false;
    const WordRecord& w = m_shown.front();
    const QString other = w.alternatives.front().text.trimmed();
    if (other.isEmpty() || other == w.text)
        return false;
    const bool ok = m_session->setWordText(w.id, other);
    if (!ok)
        reload();
    return ok;
}

bool InspectorWidget::acceptWord()
{
    if (m_loading || m_shown.size() != 1 || m_session->isReadOnly())
        return false;
    const bool ok = m_session->acceptWord(m_shown.front().id);
    if (!ok)
        reload();
    return ok;
}

void InspectorWidget::commitBox()
{
    if (m_loading || m_shown.size() != 1)
        return;
    const PixelBox box{m_x0->value(), m_y0->value(), m_x1->value(), m_y1->value()};
    if (box == m_shown.front().box)
        return;
    if (box.isEmpty() || !m_session->setWordBox(m_shown.front().id, box))
        reload(); // show the stored box again
}

void InspectorWidget::commitLabel(int index)
{
    if (m_loading || m_shown.empty() || index < 0)
        return;
    const QVariant data = m_label->itemData(index);
    const std::optional<LabelId> label = data.isValid() ? std::optional<LabelId>(data.toLongLong()) : std::nullopt;
    if (!m_session->setWordsLabel(m_words, label))
        reload();
}

void InspectorWidget::commitReviewed(bool reviewed)
{
    if (m_loading || m_shown.empty())
        return;
    m_reviewed->setTristate(false);
    if (!m_session->setWordsReviewed(m_words, reviewed))
        reload();
}

} // namespace incidoc::ui
