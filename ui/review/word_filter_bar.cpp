#include "ui/review/word_filter_bar.h"

#include "ui/project_session.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace incidoc::ui {
namespace {

// Item data of the label choice: a label id, or one of these (label ids start at 1).
constexpr qlonglong kAnyLabel = -1;
constexpr qlonglong kNoLabel = 0;

} // namespace

WordFilterBar::WordFilterBar(QWidget* parent) : QToolBar(tr("Word Filter"), parent)
{
    setObjectName(QStringLiteral("filterToolBar")); // saveState() needs it

    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("filterLabel"));
    m_label->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setToolTip(tr("Show only the words with this label"));
    m_min = new QSpinBox(this);
    m_min->setObjectName(QStringLiteral("filterMinConfidence"));
    m_min->setRange(0, 100);
    m_min->setValue(0);
    m_min->setToolTip(tr("Show only the words whose confidence is at least this (0: no lower limit)"));
    m_max = new QSpinBox(this);
    m_max->setObjectName(QStringLiteral("filterMaxConfidence"));
    m_max->setRange(0, 100);
    m_max->setValue(100);
    m_max->setToolTip(tr("Show only the words whose confidence is below this (100: no upper limit)"));
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setObjectName(QStringLiteral("filterClear"));
    m_clear->setToolTip(tr("Show every word again"));

    addWidget(new QLabel(tr("Filter words: label "), this));
    addWidget(m_label);
    addWidget(new QLabel(tr("  confidence at least "), this));
    addWidget(m_min);
    addWidget(new QLabel(tr(" and below "), this));
    addWidget(m_max);
    addSeparator();
    addWidget(m_clear);

    reloadLabels();
    connect(m_label, &QComboBox::currentIndexChanged, this, &WordFilterBar::emitChanged);
    connect(m_min, &QSpinBox::valueChanged, this, &WordFilterBar::emitChanged);
    connect(m_max, &QSpinBox::valueChanged, this, &WordFilterBar::emitChanged);
    connect(m_clear, &QPushButton::clicked, this, &WordFilterBar::clear);
}

void WordFilterBar::setSession(ProjectSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session)
        connect(session, &ProjectSession::labelsChanged, this, &WordFilterBar::reloadLabels);
    reloadLabels();
    clear();
}

void WordFilterBar::reloadLabels()
{
    const QVariant current = m_label->currentData();
    {
        // Rebuilding the list must not flicker the filter through "Any label".
        m_updating = true;
        m_label->clear();
        m_label->addItem(tr("Any label"), kAnyLabel);
        m_label->addItem(tr("No label"), kNoLabel);
        if (m_session)
            for (const LabelRecord& l : m_session->labels())
                m_label->addItem(l.name, static_cast<qlonglong>(l.id));
        const int keep = current.isValid() ? m_label->findData(current) : -1;
        m_label->setCurrentIndex(keep >= 0 ? keep : 0);
        m_updating = false;
    }
    // The chosen label may be gone (another project): say what the filter is now.
    if (m_label->currentData() != current)
        emitChanged();
}

std::optional<WordFilter> WordFilterBar::filter() const
{
    WordFilter f;
    const qlonglong label = m_label->currentData().toLongLong();
    if (label == kNoLabel)
        f.unlabeledOnly = true;
    else if (label != kAnyLabel && m_label->currentIndex() >= 0)
        f.label = static_cast<LabelId>(label);
    if (m_min->value() > 0)
        f.minConfidence = m_min->value();
    if (m_max->value() < 100)
        f.maxConfidence = m_max->value();
    if (!f.label && !f.unlabeledOnly && !f.minConfidence && !f.maxConfidence)
        return std::nullopt;
    return f;
}

void WordFilterBar::clear()
{
    m_updating = true;
    m_label->setCurrentIndex(0);
    m_min->setValue(0);
    m_max->setValue(100);
    m_updating = false;
    emitChanged();
}

void WordFilterBar::focusFilter()
{
    show();
    m_label->setFocus(Qt::ShortcutFocusReason);
}

void WordFilterBar::emitChanged()
{
    if (!m_updating)
        Q_EMIT filterChanged(filter());
}

} // namespace incidoc::ui
