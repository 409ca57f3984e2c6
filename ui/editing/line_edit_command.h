#pragma once
// Line mode's undoable edit: the words of one text line replaced by the words a person typed for the whole
// line, re-aligned by alignLine (core/review/line_align.h), in ONE edit group. A word the alignment carries
// on (typed again, corrected, the first part of a split, the first of joined words) is changed in place
// (text, box), so its id, label and history stay; the words it drops are deleted; the new ones are added as
// the person's words (the parts of a split take the label of the word they were cut from).
//
// Thread contract: GUI thread only (like every StoreEditCommand).

#include "core/model/records.h"
#include "core/review/line_align.h"
#include "ui/editing/edit_commands.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace incidoc::ui {

class SetLineTextCommand : public StoreEditCommand {
    Q_DECLARE_TR_FUNCTIONS(incidoc::ui::SetLineTextCommand)
public:
    /// `line`: the line's words before the edit, in reading order; `alignment`: alignLine of their texts and
    /// boxes with the typed text. The outcome's createdWords get the line's words afterwards, in the order
    /// typed (kept and new ones).
    SetLineTextCommand(ProjectSession* session, PageId page, std::vector<WordRecord> line, LineAlignment alignment,
                       EditOutcome* outcome);

    /// The undo text: "Line 'old' → 'new'", each side cut to about 40 characters.
    static QString describe(const QString& before, const QString& after);

protected:
    Status perform(ProjectStore& store, long long group) override;

private:
    PageId m_page;
    std::vector<WordRecord> m_line;
    LineAlignment m_alignment;
};

} // namespace incidoc::ui
