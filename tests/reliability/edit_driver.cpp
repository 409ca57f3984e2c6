// incidoc-reliability-edit-driver: makes real edits on a project through ProjectStore, the way the app
// does (one transaction per user action, each in its own edit group), so that the crash-safety tests
// can kill it at any moment and check that every edit it acknowledged is in the project.
//
//   incidoc-reliability-edit-driver PROJECT SEED MAX_EDITS
//
// For each action it prints, flushed, before the call:   BEGIN <seq> <kind> <group> <word-id,...>
// and once the call has returned OK (committed):         ACK <seq> <kind> <group>
// W:<id>:<exists>:<text>:<box>:<label> ... (the state the driver expects every touched word to be in now:
// text percent-encoded, box "x0,y0,x1,y1", label id or "none"; "-" where the driver does not predict the
// field). Kinds: text, box, label, merge, split, undo, redo (undo/redo name the group they act on). An action
// that fails prints FAIL <seq> <kind> <message> and the driver exits with status 2 (e.g. the disk is full); a
// split the project refuses (a box too narrow to cut) prints SKIP <seq> split <message> and changes nothing.
// The expected values come from the driver's own model of the words (read once at start), never
// from reading the project back after an edit.

#include "core/storage/project_store.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <vector>

using namespace incidoc;

namespace {

/// What the driver knows about one word; nullopt fields are not predicted.
struct WordState {
    bool exists = true;
    PageId page = 0;
    std::optional<QString> text;
    std::optional<PixelBox> box;
    std::optional<std::optional<LabelId>> label;
};

/// One user action on the undo/redo stacks: the touched words before and after it.
struct Action {
    long long group = 0;
    QString kind;
    std::map<WordId, WordState> before, after;
};

void say(const QByteArray& line)
{
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout); // the test kills us at any moment: an ACK must be out once printed
}

QByteArray describe(WordId id, const WordState& w)
{
    QByteArray s = "W:" + QByteArray::number(id) + ':' + (w.exists ? "1" : "0") + ':';
    s += w.text ? w.text->toUtf8().toPercentEncoding() : QByteArray("-");
    s += ':';
    s += w.box ? QByteArray::number(w.box->x0) + ',' + QByteArray::number(w.box->y0) + ','
                     + QByteArray::number(w.box->x1) + ',' + QByteArray::number(w.box->y1)
               : QByteArray("-");
    s += ':';
    s += !w.label ? QByteArray("-") : (*w.label ? QByteArray::number(**w.label) : QByteArray("none"));
    return s;
}

QByteArray idList(const std::map<WordId, WordState>& words)
{
    QByteArray s;
    for (const auto& [id, w] : words)
        s += (s.isEmpty() ? "" : ",") + QByteArray::number(id);
    return s.isEmpty() ? QByteArray("-") : s;
}

class Driver {
public:
    Driver(ProjectStore& store, unsigned seed) : m_store(store), m_seed(seed), m_rng(seed) {}

    bool load()
    {
        auto labels = m_store.labels();
        auto docs = m_store.documents();
        if (!labels || !docs)
            return false;
        for (const auto& l : *labels)
            m_labels.push_back(l.id);
        for (const auto& d : *docs) {
            auto pages = m_store.pages(d.id);
            if (!pages)
                return false;
            for (const auto& p : *pages) {
                m_pages.push_back(p.id);
                auto words = m_store.words(p.id);
                if (!words)
                    return false;
                for (const auto& w : *words)
                    m_words[w.id] = WordState{true, p.id, w.text, w.box, w.labelId};
            }
        }
        return !m_words.empty();
    }

    /// One random action; false when it failed (FAIL printed).
    bool step(int seq)
    {
        const int dice = std::uniform_int_distribution<int>(0, 99)(m_rng);
        if (dice < 25 && !m_redo.empty()) // right after an undo, redo now and then
            return undoOrRedo(seq, false);
        if (dice < 12 && !m_undo.empty())
            return undoOrRedo(seq, true);
        const WordId id = randomWord();
        if (dice < 45)
            return editText(seq, id);
        if (dice < 65)
            return editBox(seq, id);
        if (dice < 80)
            return editLabel(seq, id);
        if (dice < 90)
            return merge(seq, id);
        return split(seq, id);
    }

private:
    WordId randomWord()
    {
        std::vector<WordId> live;
        for (const auto& [id, w] : m_words)
            if (w.exists)
                live.push_back(id);
        return live[std::uniform_int_distribution<std::size_t>(0, live.size() - 1)(m_rng)];
    }

    bool begin(int seq, const char* kind, long long group, const std::map<WordId, WordState>& words)
    {
        say("BEGIN " + QByteArray::number(seq) + ' ' + kind + ' ' + QByteArray::number(group) + ' ' + idList(words));
        return true;
    }

    bool failed(int seq, const char* kind, const Error& e)
    {
        say("FAIL " + QByteArray::number(seq) + ' ' + kind + ' ' + e.message.toUtf8());
        return false;
    }

    void acknowledge(int seq, const char* kind, const Action& a, const std::map<WordId, WordState>& now)
    {
        QByteArray line = "ACK " + QByteArray::number(seq) + ' ' + kind + ' ' + QByteArray::number(a.group);
        for (const auto& [id, w] : now)
            line += ' ' + describe(id, w);
        say(line);
    }

    /// Starts a new user action: its group, and the words it touches as they are now.
    std::optional<Action> start(int seq, const char* kind, const std::vector<WordId>& ids)
    {
        auto group = m_store.beginEditGroup();
        if (!group) {
            failed(seq, kind, group.error());
            return std::nullopt;
        }
        Action a;
        a.group = *group;
        a.kind = QString::fromLatin1(kind);
        for (WordId id : ids)
            a.before[id] = m_words[id];
        begin(seq, kind, a.group, a.before);
        return a;
    }

    void commit(int seq, Action a, const std::vector<WordId>& ids)
    {
        for (WordId id : ids)
            a.after[id] = m_words[id];
        for (const auto& [id, w] : a.after) // a word the action created did not exist before it
            if (!a.before.count(id))
                a.before[id] = WordState{false, w.page, {}, {}, {}};
        acknowledge(seq, qPrintable(a.kind), a, a.after);
        m_undo.push_back(std::move(a));
        m_redo.clear(); // a new action ends what could be redone, as in the app
    }

    bool editText(int seq, WordId id)
    {
        auto a = start(seq, "text", {id});
        if (!a)
            return false;
        // Non-ASCII and a space now and then: the text must come back exactly.
        const QString text = (seq % 5 == 0) ? QStringLiteral("Témoin %1-%2").arg(m_seed).arg(seq)
                                            : QStringLiteral("e%1s%2").arg(m_seed).arg(seq);
        if (const Status s = m_store.updateWordText(id, text, a->group); !s)
            return failed(seq, "text", s.error());
        m_words[id].text = text;
        commit(seq, std::move(*a), {id});
        return true;
    }

    /// Learns the fields the model does not predict (after a merge or split) from the project, only to
    /// choose an edit that changes something (an edit that changes nothing leaves no history entry).
    void refresh(WordId id)
    {
        WordState& w = m_words[id];
        if (w.box && w.label)
            return;
        if (auto now = m_store.word(id); now && now->has_value()) {
            if (!w.box)
                w.box = (*now)->box;
            if (!w.label)
                w.label = (*now)->labelId;
        }
    }

    bool editBox(int seq, WordId id)
    {
        refresh(id);
        const PixelBox old = m_words[id].box.value_or(PixelBox{10, 10, 40, 30});
        PixelBox box = old;
        std::uniform_int_distribution<int> d(-3, 3);
        box.x0 = std::max(0, box.x0 + d(m_rng));
        box.y0 = std::max(0, box.y0 + d(m_rng));
        box.x1 = std::max(box.x0 + 2, box.x1 + d(m_rng));
        box.y1 = std::max(box.y0 + 2, box.y1 + d(m_rng));
        if (box == old)
            box.x1 += 1;
        auto a = start(seq, "box", {id});
        if (!a)
            return false;
        if (const Status s = m_store.updateWordBox(id, box, a->group); !s)
            return failed(seq, "box", s.error());
        m_words[id].box = box;
        commit(seq, std::move(*a), {id});
        return true;
    }

    bool editLabel(int seq, WordId id)
    {
        refresh(id);
        const std::optional<LabelId> old = m_words[id].label.value_or(std::nullopt);
        std::optional<LabelId> label;
        do {
            const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, m_labels.size())(m_rng);
            label = pick < m_labels.size() ? std::optional<LabelId>(m_labels[pick]) : std::nullopt;
        } while (label == old);
        auto a = start(seq, "label", {id});
        if (!a)
            return false;
        if (const Status s = m_store.setWordLabel(id, label, a->group); !s)
            return failed(seq, "label", s.error());
        m_words[id].label = label;
        commit(seq, std::move(*a), {id});
        return true;
    }

    /// The word right after `id` in reading order on its page, if any.
    std::optional<WordId> nextInOrder(WordId id)
    {
        auto words = m_store.words(m_words[id].page);
        if (!words)
            return std::nullopt;
        for (std::size_t i = 0; i + 1 < words->size(); ++i)
            if ((*words)[i].id == id)
                return (*words)[i + 1].id;
        return std::nullopt;
    }

    bool merge(int seq, WordId id)
    {
        const std::optional<WordId> next = nextInOrder(id);
        if (!next || !m_words.count(*next) || !m_words[*next].exists)
            return editText(seq, id);
        auto a = start(seq, "merge", {id, *next});
        if (!a)
            return false;
        const WordState first = m_words[id], second = m_words[*next];
        auto merged = m_store.mergeWords({id, *next}, a->group);
        if (!merged)
            return failed(seq, "merge", merged.error());
        // The merged word is the first in reading order: text joined with a space, union box.
        WordState& m = m_words[id];
        m.text = first.text && second.text ? std::optional<QString>(*first.text + QLatin1Char(' ') + *second.text)
                                           : std::nullopt;
        m.box = first.box && second.box ? std::optional<PixelBox>(first.box->united(*second.box)) : std::nullopt;
        m.label.reset();
        m_words[*next].exists = false;
        commit(seq, std::move(*a), {id, *next});
        return true;
    }

    bool split(int seq, WordId id)
    {
        const WordState w = m_words[id];
        if (!w.text || w.text->size() < 2)
            return editText(seq, id);
        const int at = static_cast<int>(w.text->size() / 2);
        const QString left = w.text->left(at).trimmed(), right = w.text->mid(at).trimmed();
        if (left.isEmpty() || right.isEmpty())
            return editText(seq, id);
        auto a = start(seq, "split", {id});
        if (!a)
            return false;
        auto parts = m_store.splitWord(id, at, a->group);
        if (!parts && parts.error().code == ErrorCode::InvalidInput) {
            // A refusal, e.g. a box too narrow to cut after many splits: nothing changed; go on.
            say("SKIP " + QByteArray::number(seq) + " split " + parts.error().message.toUtf8());
            return true;
        }
        if (!parts)
            return failed(seq, "split", parts.error());
        // Boxes follow the character boxes: not predicted; the label of the parts neither.
        m_words[id] = WordState{true, w.page, left, std::nullopt, std::nullopt};
        m_words[parts->second] = WordState{true, w.page, right, std::nullopt, std::nullopt};
        commit(seq, std::move(*a), {id, parts->second});
        return true;
    }

    bool undoOrRedo(int seq, bool undo)
    {
        std::vector<Action>& from = undo ? m_undo : m_redo;
        std::vector<Action>& to = undo ? m_redo : m_undo;
        Action a = std::move(from.back());
        from.pop_back();
        const char* kind = undo ? "undo" : "redo";
        begin(seq, kind, a.group, a.before);
        const Status s = undo ? m_store.undoEditGroup(a.group) : m_store.redoEditGroup(a.group);
        if (!s)
            return failed(seq, kind, s.error());
        const std::map<WordId, WordState>& now = undo ? a.before : a.after;
        for (const auto& [id, state] : now)
            m_words[id] = state;
        acknowledge(seq, kind, a, now);
        to.push_back(std::move(a));
        return true;
    }

    ProjectStore& m_store;
    unsigned m_seed;
    std::mt19937 m_rng;
    std::vector<LabelId> m_labels;
    std::vector<PageId> m_pages;
    std::map<WordId, WordState> m_words;
    std::vector<Action> m_undo, m_redo;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: incidoc-reliability-edit-driver PROJECT SEED MAX_EDITS\n");
        return 1;
    }
    auto store = ProjectStore::open(args[1]);
    if (!store) {
        std::fprintf(stderr, "error: %s\n", qPrintable(store.error().message));
        return 1;
    }
    Driver driver(**store, args[2].toUInt());
    if (!driver.load()) {
        std::fprintf(stderr, "error: cannot read the project's words\n");
        return 1;
    }
    say("READY");
    const int max = args[3].toInt();
    for (int seq = 1; seq <= max; ++seq)
        if (!driver.step(seq))
            return 2;
    say("DONE");
    return 0;
}
