#include "ui/editing/line_edit_command.h"

#include "core/storage/project_store.h"

#include <QStringList>

#include <utility>

namespace incidoc::ui {
namespace {

constexpr qsizetype kDescribedLength = 40;

QString elided(const QString& text)
{
    if (text.size() <= kDescribedLength)
        return text;
    return text.left(kDescribedLength - 1) + QChar(0x2026); // …
}

QString lineText(const std::vector<WordRecord>& line)
{
    QStringList texts;
    for (const WordRecord& w : line)
        texts << w.text;
    return texts.join(QLatin1Char(' '));
}

QString lineText(const LineAlignment& alignment)
{
    QStringList texts;
    for (const AlignedWord& w : alignment.words)
        texts << w.text;
    return texts.join(QLatin1Char(' '));
}

} // namespace

SetLineTextCommand::SetLineTextCommand(ProjectSession* session, PageId page, std::vector<WordRecord> line,
                                       LineAlignment alignment, EditOutcome* outcome)
    : StoreEditCommand(session, describe(lineText(line), lineText(alignment)), outcome), m_page(page),
      m_line(std::move(line)), m_alignment(std::move(alignment))
{
}

QString SetLineTextCommand::describe(const QString& before, const QString& after)
{
    return tr("Line '%1' → '%2'").arg(elided(before), elided(after));
}

Status SetLineTextCommand::perform(ProjectStore& store, long long group)
{
    // Each store call is its own transaction: when one fails, what this group already did is undone, so the
    // command is all or nothing.
    auto rollBack = [&](const Error& error) -> Status {
        (void)store.undoEditGroup(group);
        return error;
    };
    std::vector<WordId> removed;
    for (int i : m_alignment.removed)
        removed.push_back(m_line[static_cast<std::size_t>(i)].id);
    if (!removed.empty()) {
        const Status done = store.deleteWords(removed, group);
        if (!done)
            return rollBack(done.error());
    }
    const std::vector<AlignedWord>& words = m_alignment.words;
    std::vector<WordId> ids(words.size(), 0);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const AlignedWord& w = words[i];
        if (w.from < 0)
            continue;
        const WordRecord& old = m_line[static_cast<std::size_t>(w.from)];
        ids[i] = old.id;
        if (w.text != old.text) {
            const Status done = store.updateWordText(old.id, w.text, group);
            if (!done)
                return rollBack(done.error());
        }
        if (w.box != old.box) { // an unchanged box is not written: the word stays as the reader left it
            const Status done = store.updateWordBox(old.id, w.box, group);
            if (!done)
                return rollBack(done.error());
        }
    }
    // The new words, each placed in reading order by its box next to the words already there. A run carved
    // from the right end of the word before it lies inside that word's box: added last word first, each
    // lands right after that word and so before the ones added earlier.
    for (std::size_t r = 0; r < words.size();) {
        if (words[r].from >= 0) {
            ++r;
            continue;
        }
        std::size_t end = r;
        while (end < words.size() && words[end].from < 0)
            ++end;
        const bool carvedFromLeft = r > 0 && words[r].box.x0 < words[r - 1].box.x1;
        for (std::size_t k = 0; k < end - r; ++k) {
            const std::size_t i = carvedFromLeft ? end - 1 - k : r + k;
            const AlignedWord& w = words[i];
            WordRecord add;
            add.text = w.text;
            add.box = w.box;
            if (w.change == LineChange::Split)
                add.labelId = m_line[static_cast<std::size_t>(w.fromLast)].labelId;
            auto id = store.addUserWord(m_page, add, group);
            if (!id)
                return rollBack(id.error());
            ids[i] = *id;
        }
        r = end;
    }
    for (WordId id : ids)
        addCreatedWord(id);
    return okStatus();
}

} // namespace incidoc::ui
