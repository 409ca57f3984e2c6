#include "core/redact/leak_check.h"

#include "core/redact/text_match_p.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace incidoc {

using namespace redact_detail;

namespace {

// Keys shorter than this match only as whole words (a badge "4471" is not the middle of "144712").
constexpr qsizetype kBoundedBelow = 6;
constexpr qsizetype kMinKey = 3;
constexpr qsizetype kMaxNameWords = 4;

enum class Rule {
    Anywhere, ///< in any case, inside longer words too
    Bounded,  ///< not preceded nor followed by a letter or digit in the text
    NameWord, ///< one word of a name: starts with a capital (or all caps), not followed by a letter; inside a
              ///< longer word only in an e-mail address ("jpritchard@x.org")
};

struct Needle {
    QString key;
    int value = 0;
    Rule rule = Rule::Anywhere;
};

// Needles of one stream, found by their first three characters.
struct StreamNeedles {
    std::vector<Needle> needles;
    std::unordered_map<quint64, std::vector<int>> byPrefix;

    void add(QString key, int value, Rule rule)
    {
        if (key.size() < kMinKey)
            return;
        for (const Needle& n : needles)
            if (n.value == value && n.key == key)
                return;
        byPrefix[prefixOf(key, 0)].push_back(static_cast<int>(needles.size()));
        needles.push_back({std::move(key), value, rule});
    }
    static quint64 prefixOf(const QString& s, qsizetype i)
    {
        return (quint64(s[i].unicode()) << 32) | (quint64(s[i + 1].unicode()) << 16) | quint64(s[i + 2].unicode());
    }
    bool empty() const { return needles.empty(); }
};

bool isEmailWordAt(const QString& text, qsizetype at)
{
    constexpr qsizetype kReach = 80;
    for (qsizetype i = at; i >= 0 && at - i < kReach && !text[i].isSpace(); --i)
        if (text[i] == QLatin1Char('@'))
            return true;
    for (qsizetype i = at; i < text.size() && i - at < kReach && !text[i].isSpace(); ++i)
        if (text[i] == QLatin1Char('@'))
            return true;
    return false;
}

bool accepted(const QString& text, const Needle& n, qsizetype begin, qsizetype last)
{
    switch (n.rule) {
    case Rule::Anywhere: return true;
    case Rule::Bounded:
        return (begin == 0 || !text[begin - 1].isLetterOrNumber())
               && (last + 1 >= text.size() || !text[last + 1].isLetterOrNumber());
    case Rule::NameWord: {
        if (last + 1 < text.size() && (text[last + 1].isLetter() || text[last + 1].isMark()))
            return isEmailWordAt(text, begin);
        return text[begin].isUpper() || isEmailWordAt(text, begin);
    }
    }
    return false;
}

} // namespace

struct LeakMatcher::Impl {
    std::vector<SensitiveValue> values;
    std::array<StreamNeedles, 4> streams; // by StreamKind
    QHash<QDate, std::vector<int>> dates;

    void findIn(const QString& text, std::vector<Leak>& out) const
    {
        for (size_t k = 0; k < streams.size(); ++k) {
            const StreamNeedles& sn = streams[k];
            if (sn.empty())
                continue;
            const Stream st = streamOf(text, static_cast<StreamKind>(k));
            const qsizetype n = st.s.size();
            for (qsizetype i = 0; i + kMinKey <= n; ++i) {
                const auto it = sn.byPrefix.find(StreamNeedles::prefixOf(st.s, i));
                if (it == sn.byPrefix.end())
                    continue;
                for (int idx : it->second) {
                    const Needle& needle = sn.needles[static_cast<size_t>(idx)];
                    const qsizetype len = needle.key.size();
                    if (i + len > n || QStringView(st.s).mid(i, len) != needle.key)
                        continue;
                    const qsizetype begin = st.pos[static_cast<size_t>(i)];
                    const qsizetype last = st.pos[static_cast<size_t>(i + len - 1)];
                    if (accepted(text, needle, begin, last))
                        out.push_back({needle.value, begin, last + 1});
                }
            }
        }
        if (!dates.isEmpty())
            for (const DateSpan& d : datesIn(text))
                for (int v : dates.value(d.date))
                    out.push_back({v, d.begin, d.end});
        std::sort(out.begin(), out.end(), [](const Leak& a, const Leak& b) {
            return std::tie(a.at, a.end, a.value) < std::tie(b.at, b.end, b.value);
        });
    }
};

LeakMatcher::LeakMatcher(std::vector<SensitiveValue> values) : m_impl(std::make_unique<Impl>())
{
    m_impl->values = std::move(values);
    auto& streams = m_impl->streams;
    auto stream = [&](StreamKind k) -> StreamNeedles& { return streams[static_cast<size_t>(k)]; };
    for (size_t i = 0; i < m_impl->values.size(); ++i) {
        const SensitiveValue& v = m_impl->values[i];
        const int index = static_cast<int>(i);
        switch (v.type) {
        case SensitiveType::PersonName: {
            // A name's single words are mentions only for a value that reads as a name: a few words, no digit
            // ("A. L. Everett, Manager, Chain Accounts" is found whole; "Manager" alone is no mention).
            QStringList words;
            for (const QString& w :
                 v.text.split(QRegularExpression(QStringLiteral(R"([^\p{L}\p{M}]+)")), Qt::SkipEmptyParts))
                words << keyOf(w, StreamKind::Letters);
            const bool nameLike = words.size() <= kMaxNameWords
                                  && std::none_of(v.text.begin(), v.text.end(), [](QChar c) { return c.isDigit(); });
            const QStringList tokens = nameLike ? nameTokens(v.text) : QStringList();
            const QString full = keyOf(v.text, StreamKind::Letters);
            if (!nameLike || tokens.size() >= 2 || (tokens.size() == 1 && full != tokens.front()))
                stream(StreamKind::Letters).add(full, index, Rule::Anywhere);
            // "Pritchard, Jonah" is "Jonah Pritchard" too ...
            const QString keyed = valueKey(v.type, v.text);
            if (keyed != full && tokens.size() >= 2)
                stream(StreamKind::Letters).add(keyed, index, Rule::Anywhere);
            // ... and "PRITCHARD JONAH R" is "Jonah R. Pritchard": the last word first.
            if (nameLike && words.size() >= 2)
                stream(StreamKind::Letters)
                    .add(words.back() + words.mid(0, words.size() - 1).join(QString()), index, Rule::Anywhere);
            for (const QString& t : tokens)
                stream(StreamKind::Letters).add(t, index, Rule::NameWord);
            break;
        }
        case SensitiveType::Phone: {
            const QString key = valueKey(v.type, v.text);
            stream(StreamKind::Digits).add(key, index, key.size() < kBoundedBelow ? Rule::Bounded : Rule::Anywhere);
            break;
        }
        case SensitiveType::Email:
            stream(StreamKind::Email).add(keyOf(v.text, StreamKind::Email), index, Rule::Anywhere);
            break;
        case SensitiveType::Date:
        case SensitiveType::DateOfBirth:
            if (const QDate d = readDate(v.text); d.isValid())
                m_impl->dates[d].push_back(index);
            break;
        case SensitiveType::Signature:
        case SensitiveType::Photo: break; // an image's area, not a text to look for
        case SensitiveType::VehiclePlate:
        case SensitiveType::Vin:
        case SensitiveType::IdNumber:
        case SensitiveType::Address:
        case SensitiveType::Other: {
            const QString key = keyOf(v.text, StreamKind::Alnum);
            stream(StreamKind::Alnum).add(key, index, key.size() < kBoundedBelow ? Rule::Bounded : Rule::Anywhere);
            break;
        }
        }
    }
}

LeakMatcher::~LeakMatcher() = default;
LeakMatcher::LeakMatcher(LeakMatcher&&) noexcept = default;
LeakMatcher& LeakMatcher::operator=(LeakMatcher&&) noexcept = default;

const std::vector<SensitiveValue>& LeakMatcher::values() const
{
    return m_impl->values;
}

std::vector<Leak> LeakMatcher::findAll(const QString& text) const
{
    std::vector<Leak> out;
    m_impl->findIn(text, out);
    return out;
}

std::vector<Leak> LeakMatcher::find(const QString& text) const
{
    std::vector<Leak> all = findAll(text);
    std::vector<Leak> first;
    std::vector<bool> seen(m_impl->values.size(), false);
    for (const Leak& l : all)
        if (!seen[static_cast<size_t>(l.value)]) {
            seen[static_cast<size_t>(l.value)] = true;
            first.push_back(l);
        }
    std::sort(first.begin(), first.end(), [](const Leak& a, const Leak& b) { return a.value < b.value; });
    return first;
}

} // namespace incidoc
