#include "core/redact/sensitive_finder.h"

#include "core/forms/propose.h"
#include "core/redact/leak_check.h"
#include "core/redact/text_match_p.h"
#include "core/storage/project_store.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

namespace incidoc {

using namespace redact_detail;

QString toString(FindingSource source)
{
    switch (source) {
    case FindingSource::Field: return QStringLiteral("field");
    case FindingSource::Label: return QStringLiteral("label");
    case FindingSource::KeyValue: return QStringLiteral("key_value");
    case FindingSource::Pattern: return QStringLiteral("pattern");
    case FindingSource::Mention: return QStringLiteral("mention");
    case FindingSource::Manual: return QStringLiteral("manual");
    }
    return {};
}

std::map<SensitiveType, int> RedactionPlan::countByType() const
{
    std::map<SensitiveType, int> counts;
    for (const SensitiveFinding& f : findings)
        ++counts[f.type];
    return counts;
}

QString valueKey(SensitiveType type, const QString& text)
{
    switch (type) {
    case SensitiveType::Phone: {
        QString digits = keyOf(text, StreamKind::Digits);
        if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
            digits.remove(0, 1);
        return digits;
    }
    case SensitiveType::Email: return keyOf(text, StreamKind::Email);
    case SensitiveType::VehiclePlate:
    case SensitiveType::Vin:
    case SensitiveType::IdNumber: return keyOf(text, StreamKind::Alnum);
    case SensitiveType::PersonName: return personNameKey(text);
    case SensitiveType::Date:
    case SensitiveType::DateOfBirth:
        if (const QDate d = readDate(text); d.isValid())
            return d.toString(Qt::ISODate);
        return keyOf(text, StreamKind::Alnum).toLower();
    case SensitiveType::Address:
    case SensitiveType::Signature:
    case SensitiveType::Photo:
    case SensitiveType::Other: return keyOf(text, StreamKind::Alnum).toLower();
    }
    return {};
}

namespace {

// Which of two findings of the same words wins: a person's mark, then the most specific reason.
int priority(FindingSource s)
{
    switch (s) {
    case FindingSource::Manual: return 0;
    case FindingSource::Field: return 1;
    case FindingSource::Label: return 2;
    case FindingSource::KeyValue: return 3;
    case FindingSource::Pattern: return 4;
    case FindingSource::Mention: return 5;
    }
    return 6;
}

std::optional<SensitiveType> typeOfField(const QString& field)
{
    static const QHash<QString, SensitiveType> types{{QStringLiteral("person_name"), SensitiveType::PersonName},
                                                     {QStringLiteral("officer"), SensitiveType::PersonName},
                                                     {QStringLiteral("date_of_birth"), SensitiveType::DateOfBirth},
                                                     {QStringLiteral("incident_date"), SensitiveType::Date},
                                                     {QStringLiteral("report_date"), SensitiveType::Date},
                                                     {QStringLiteral("phone"), SensitiveType::Phone},
                                                     {QStringLiteral("location"), SensitiveType::Address},
                                                     {QStringLiteral("address"), SensitiveType::Address},
                                                     {QStringLiteral("email"), SensitiveType::Email},
                                                     {QStringLiteral("vehicle_plate"), SensitiveType::VehiclePlate},
                                                     {QStringLiteral("vin"), SensitiveType::Vin},
                                                     {QStringLiteral("case_number"), SensitiveType::IdNumber},
                                                     {QStringLiteral("badge_number"), SensitiveType::IdNumber}};
    const auto it = types.constFind(field);
    return it == types.constEnd() ? std::nullopt : std::optional(*it);
}

// A label's name read as words ("Driver_Name", "date of birth").
std::optional<SensitiveType> typeOfLabel(const QString& name)
{
    QString n = name.toLower();
    n.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    const QStringList words = n.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    auto has = [&](std::initializer_list<const char*> any) {
        return std::any_of(words.begin(), words.end(), [&](const QString& w) {
            return std::any_of(any.begin(), any.end(), [&](const char* a) { return w == QLatin1String(a); });
        });
    };
    if (has({"signature", "signatures", "signed"}))
        return SensitiveType::Signature;
    if (has({"photo", "photograph", "face", "portrait", "mugshot"}))
        return SensitiveType::Photo;
    if (has({"dob", "birth", "birthdate", "birthday"}))
        return SensitiveType::DateOfBirth;
    if (has({"email", "mail"}))
        return SensitiveType::Email;
    if (has({"phone", "telephone", "tel", "cell", "mobile"}))
        return SensitiveType::Phone;
    if (has({"address", "addr", "residence"}))
        return SensitiveType::Address;
    if (has({"plate", "plates"}))
        return SensitiveType::VehiclePlate;
    if (has({"vin"}))
        return SensitiveType::Vin;
    if (has({"ssn", "id", "licence", "license"}))
        return SensitiveType::IdNumber;
    if (has({"name", "names", "person", "driver", "witness", "owner", "surname", "firstname", "lastname"}))
        return SensitiveType::PersonName;
    return std::nullopt;
}

// A key as written ("Date of Birth:", "D.O.B.", "Driver’s License No.") in the form the table spells.
QString normalizedKey(const QString& key)
{
    QString k = key.toLower();
    k.replace(QChar(0x2019), QLatin1Char('\''));
    k.remove(QLatin1Char('.'));
    k.replace(QLatin1Char('_'), QLatin1Char(' '));
    static const QRegularExpression edges(QStringLiteral(R"(^[\s:#*\-()]+|[\s:#*\-()]+$)"));
    k.remove(edges);
    QStringList words = k.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // "Witness 2", "Owner (1)": a number after the key is the row's.
    while (!words.isEmpty() && words.back().toInt() > 0)
        words.removeLast();
    return words.join(QLatin1Char(' '));
}

const QHash<QString, SensitiveType>& keyTable()
{
    static const QHash<QString, SensitiveType> table = [] {
        QHash<QString, SensitiveType> t;
        auto add = [&](SensitiveType type, std::initializer_list<const char*> keys) {
            for (const char* k : keys)
                t.insert(QString::fromUtf8(k), type);
        };
        add(SensitiveType::PersonName, {"driver",
                                        "driver name",
                                        "witness",
                                        "witness name",
                                        "name",
                                        "full name",
                                        "first name",
                                        "last name",
                                        "surname",
                                        "given name",
                                        "middle name",
                                        "owner",
                                        "registered owner",
                                        "owner name",
                                        "victim",
                                        "suspect",
                                        "complainant",
                                        "reported by",
                                        "officer",
                                        "reporting officer",
                                        "investigating officer",
                                        "passenger",
                                        "insured",
                                        "name of insured",
                                        "policyholder",
                                        "claimant",
                                        "next of kin",
                                        "person",
                                        "parent",
                                        "guardian"});
        add(SensitiveType::DateOfBirth, {"dob", "date of birth", "born", "birth date", "birthdate", "birthday"});
        add(SensitiveType::Phone, {"phone", "tel", "telephone", "cell", "mobile", "phone no", "phone number", "tel no",
                                   "cell phone", "home phone", "work phone", "contact number", "fax"});
        add(SensitiveType::Address,
            {"address", "residence", "home address", "street address", "addr", "mailing address", "residential address",
             "location", "incident location", "location of incident", "place of incident", "scene", "loss location",
             "location of loss"});
        add(SensitiveType::Email, {"email", "e-mail", "e mail", "email address", "e-mail address"});
        add(SensitiveType::VehiclePlate,
            {"plate", "license plate", "licence plate", "plate no", "plate number", "reg", "registration", "reg no",
             "registration no", "registration number", "tag", "tag no"});
        add(SensitiveType::Vin, {"vin", "vin no", "vin number", "vehicle identification number"});
        add(SensitiveType::IdNumber, {"ssn",
                                      "social security",
                                      "social security no",
                                      "social security number",
                                      "driver's license",
                                      "drivers license",
                                      "driver's licence",
                                      "drivers licence",
                                      "driver license",
                                      "dl",
                                      "dl no",
                                      "license no",
                                      "licence no",
                                      "license number",
                                      "licence number",
                                      "id",
                                      "id no",
                                      "id number",
                                      "policy no",
                                      "policy number",
                                      "claim no",
                                      "claim number",
                                      "case no",
                                      "case number",
                                      "badge",
                                      "badge no",
                                      "badge number",
                                      "passport no",
                                      "passport number"});
        add(SensitiveType::Signature, {"signature", "signed", "signed by", "signature of driver"});
        return t;
    }();
    return table;
}

std::optional<SensitiveType> typeOfKey(const QString& keyText, bool exactOnly = false)
{
    const QString k = normalizedKey(keyText);
    if (k.isEmpty())
        return std::nullopt;
    const auto& table = keyTable();
    if (const auto it = table.constFind(k); it != table.constEnd())
        return *it;
    if (exactOnly)
        return std::nullopt;
    // "Vehicle owner", "Witness phone", "Name of insured": the key's last words, then its first.
    const QStringList words = k.split(QLatin1Char(' '));
    if (words.size() > 6)
        return std::nullopt; // a sentence, not a key ("Driver at time of loss" is one)
    for (qsizetype n = std::min<qsizetype>(3, words.size() - 1); n >= 1; --n) {
        if (const auto it = table.constFind(words.mid(words.size() - n).join(QLatin1Char(' '))); it != table.constEnd())
            return *it;
    }
    for (qsizetype n = std::min<qsizetype>(3, words.size() - 1); n >= 1; --n) {
        if (const auto it = table.constFind(words.mid(0, n).join(QLatin1Char(' '))); it != table.constEnd())
            return *it;
    }
    return std::nullopt;
}

} // namespace

std::optional<SensitiveType> sensitiveTypeOfKey(const QString& key)
{
    return typeOfKey(key);
}

namespace {

bool centreIn(const PixelBox& word, const PixelBox& box)
{
    const int cx = (word.x0 + word.x1) / 2, cy = (word.y0 + word.y1) / 2;
    return cx >= box.x0 && cx < box.x1 && cy >= box.y0 && cy < box.y1;
}

// Two words on one line: each one's middle within the other's height.
bool sameLine(const PixelBox& a, const PixelBox& b)
{
    const int am = (a.y0 + a.y1) / 2, bm = (b.y0 + b.y1) / 2;
    return (bm >= a.y0 && bm <= a.y1) || (am >= b.y0 && am <= b.y1);
}

// A page's words joined with spaces in reading order, and the word each character belongs to.
struct PageText {
    QString text;
    std::vector<int> wordAt; // -1 for the spaces between words
};

PageText pageTextOf(const std::vector<WordRecord>& words)
{
    PageText pt;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            pt.text += QLatin1Char(' ');
            pt.wordAt.push_back(-1);
        }
        pt.text += words[i].text;
        pt.wordAt.insert(pt.wordAt.end(), static_cast<size_t>(words[i].text.size()), static_cast<int>(i));
    }
    return pt;
}

// The words holding characters [begin, end) of the page's text, in reading order.
std::vector<int> wordsIn(const PageText& pt, qsizetype begin, qsizetype end)
{
    std::vector<int> out;
    for (qsizetype i = std::max<qsizetype>(0, begin); i < end && i < pt.text.size(); ++i) {
        const int w = pt.wordAt[static_cast<size_t>(i)];
        if (w >= 0 && (out.empty() || out.back() != w))
            out.push_back(w);
    }
    return out;
}

// A finding and what plan() orders and recomputes it by.
struct Found {
    SensitiveFinding f;
    int order = 0;                 // the reading-order place of its first word on its page
    std::vector<WordRecord> words; // its words (text and box)
    bool region = false;           // a region mark: stays without words
    int valueIndex = -1;           // Mention: the value it mentions
};

} // namespace

struct SensitiveFinder::Impl {
    QHash<LabelId, SensitiveType> labelTypes;
    FieldPatterns patterns;
    std::vector<Found> found;    // scan()
    std::vector<Found> mentions; // findMentions()
    std::set<WordId> overruled;
    std::map<PageId, std::vector<PixelBox>> fills;
    std::vector<SensitiveValue> values; // what scan() found, distinct; made on the first findMentions()
    std::optional<LeakMatcher> matcher;

    Found make(const RedactionPageInput& in, SensitiveType type, FindingSource source, const std::vector<int>& idx)
    {
        Found x;
        x.f.type = type;
        x.f.source = source;
        x.f.document = in.document;
        x.f.page = in.page.id;
        x.f.pageNumber = in.page.number;
        x.order = idx.empty() ? -1 : idx.front();
        for (int i : idx)
            x.words.push_back(in.words[static_cast<size_t>(i)]);
        // A name's title ("Officer", "Sgt.", "Mrs") is not the person: it stays, and it is not searched for
        // elsewhere (every other "Officer" on every page would read as this person).
        if (type == SensitiveType::PersonName && source != FindingSource::Manual)
            while (x.words.size() > 1 && isNameTitle(x.words.front().text))
                x.words.erase(x.words.begin());
        refresh(x);
        return x;
    }

    static bool isNameTitle(const QString& word)
    {
        static const QSet<QString> titles{
            QStringLiteral("officer"),    QStringLiteral("sgt"),       QStringLiteral("sergeant"),
            QStringLiteral("cpl"),        QStringLiteral("corporal"),  QStringLiteral("lt"),
            QStringLiteral("lieutenant"), QStringLiteral("capt"),      QStringLiteral("captain"),
            QStringLiteral("det"),        QStringLiteral("detective"), QStringLiteral("deputy"),
            QStringLiteral("trooper"),    QStringLiteral("agent"),     QStringLiteral("inspector"),
            QStringLiteral("constable"),  QStringLiteral("chief"),     QStringLiteral("mr"),
            QStringLiteral("mrs"),        QStringLiteral("ms"),        QStringLiteral("miss"),
            QStringLiteral("mx"),         QStringLiteral("dr"),        QStringLiteral("prof"),
            QStringLiteral("pc"),         QStringLiteral("ptl"),       QStringLiteral("patrolman"),
            QStringLiteral("patrol"),     QStringLiteral("sheriff"),   QStringLiteral("marshal"),
            QStringLiteral("ofc"),        QStringLiteral("witness"),   QStringLiteral("driver"),
            QStringLiteral("owner"),      QStringLiteral("name")};
        QString w = word.toLower();
        w.remove(QRegularExpression(QStringLiteral("[^a-z]")));
        return titles.contains(w);
    }

    static void refresh(Found& x)
    {
        QStringList texts;
        x.f.words.clear();
        if (!x.region)
            x.f.box = {};
        for (const WordRecord& w : x.words) {
            x.f.words.push_back(w.id);
            texts << w.text;
            if (!x.region)
                x.f.box = x.f.box.united(w.box);
        }
        x.f.text = texts.join(QLatin1Char(' '));
        if (x.f.source != FindingSource::Mention)
            x.f.key = valueKey(x.f.type, x.f.text);
    }

    void add(Found x)
    {
        if (!x.words.empty() || x.region)
            found.push_back(std::move(x));
    }

    void scanMarks(const RedactionPageInput& in, const QHash<WordId, int>& indexOf)
    {
        auto inBox = [&](const PixelBox& box) {
            std::vector<int> idx;
            for (size_t i = 0; i < in.words.size(); ++i)
                if (centreIn(in.words[i].box, box))
                    idx.push_back(static_cast<int>(i));
            return idx;
        };
        for (const RedactionMark& m : in.marks) {
            std::vector<int> idx;
            switch (m.target) {
            case MarkTarget::Word:
                if (const auto it = indexOf.constFind(m.word); it != indexOf.constEnd())
                    idx.push_back(*it);
                else
                    idx = inBox(m.box);
                break;
            case MarkTarget::Entity: {
                const auto e = std::find_if(in.form.entities.begin(), in.form.entities.end(),
                                            [&](const EntityRecord& r) { return r.id == m.entity; });
                if (e != in.form.entities.end())
                    for (WordId w : e->words)
                        if (const auto it = indexOf.constFind(w); it != indexOf.constEnd())
                            idx.push_back(*it);
                if (idx.empty())
                    idx = inBox(m.box);
                std::sort(idx.begin(), idx.end());
                break;
            }
            case MarkTarget::Region: idx = inBox(m.box); break;
            }
            if (!m.sensitive) {
                for (int i : idx)
                    overruled.insert(in.words[static_cast<size_t>(i)].id);
                continue;
            }
            Found x = make(in, m.type, FindingSource::Manual, idx);
            x.f.mark = m.id;
            if (m.target == MarkTarget::Region) {
                x.region = true;
                x.f.box = m.box;
                fills[in.page.id].push_back(m.box);
            } else if (m.type == SensitiveType::Signature || m.type == SensitiveType::Photo) {
                fills[in.page.id].push_back(x.f.box.united(m.box));
            }
            add(std::move(x));
        }
    }

    void scanFields(const RedactionPageInput& in, const QHash<WordId, int>& indexOf)
    {
        for (const EntityRecord& e : in.form.entities) {
            const std::optional<SensitiveType> type = typeOfField(e.field);
            if (!type)
                continue;
            std::vector<int> idx;
            for (WordId w : e.words)
                if (const auto it = indexOf.constFind(w); it != indexOf.constEnd())
                    idx.push_back(*it);
            std::sort(idx.begin(), idx.end());
            add(make(in, *type, FindingSource::Field, idx));
        }
    }

    void scanLabels(const RedactionPageInput& in)
    {
        for (size_t i = 0; i < in.words.size();) {
            const WordRecord& w = in.words[i];
            const auto type = w.labelId ? labelTypes.constFind(*w.labelId) : labelTypes.constEnd();
            if (type == labelTypes.constEnd()) {
                ++i;
                continue;
            }
            // The run of words with this label along one line: one value.
            std::vector<int> idx{static_cast<int>(i)};
            size_t j = i + 1;
            while (j < in.words.size() && in.words[j].labelId == w.labelId
                   && sameLine(in.words[j - 1].box, in.words[j].box))
                idx.push_back(static_cast<int>(j++));
            Found x = make(in, *type, FindingSource::Label, idx);
            if (*type == SensitiveType::Signature || *type == SensitiveType::Photo)
                fills[in.page.id].push_back(x.f.box);
            add(std::move(x));
            i = j;
        }
    }

    void addKeyValue(const RedactionPageInput& in, SensitiveType type, std::vector<int> idx, const PixelBox& box)
    {
        std::sort(idx.begin(), idx.end());
        idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
        // A value proposed with the next key in it ("Maria Lopez Tel:"): the value ends before that key.
        for (size_t k = 1; k < idx.size(); ++k) {
            const QString& t = in.words[static_cast<size_t>(idx[k])].text;
            if (t.size() < 2 || !t.endsWith(QLatin1Char(':')))
                continue;
            size_t cut = k;
            for (size_t n = std::min<size_t>(3, k - 1); n >= 1; --n) {
                QStringList parts;
                for (size_t j = k - n; j <= k; ++j)
                    parts << in.words[static_cast<size_t>(idx[j])].text;
                if (typeOfKey(parts.join(QLatin1Char(' ')), true)) {
                    cut = k - n;
                    break;
                }
            }
            idx.resize(cut);
            break;
        }
        Found x = make(in, type, FindingSource::KeyValue, idx);
        // A value that cannot be of its key's type is a wrong pairing of the layout ("Silver" under
        // "Badge No."), not that kind of value: numbers, plates, VINs, phones and dates have digits, a
        // person's name has letters and no number.
        const QString& t = x.f.text;
        const bool digits = std::any_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); });
        const bool letters = std::any_of(t.begin(), t.end(), [](QChar c) { return c.isLetter(); });
        switch (type) {
        case SensitiveType::IdNumber:
        case SensitiveType::VehiclePlate:
        case SensitiveType::Vin:
        case SensitiveType::Phone:
        case SensitiveType::Date:
        case SensitiveType::DateOfBirth:
            if (!digits)
                return;
            break;
        case SensitiveType::PersonName:
            if (!letters || QRegularExpression(QStringLiteral("\\d{3}")).match(t).hasMatch())
                return;
            break;
        case SensitiveType::Email:
            if (!t.contains(QLatin1Char('@')))
                return;
            break;
        default: break;
        }
        if (type == SensitiveType::Signature && !box.united(x.f.box).isEmpty())
            fills[in.page.id].push_back(box.united(x.f.box));
        add(std::move(x));
    }

    void scanKeyValues(const RedactionPageInput& in, const QHash<WordId, int>& indexOf)
    {
        // Stored entities and links; a page without any: the layout's proposals (nothing stored).
        std::vector<EntityRecord> entities = in.form.entities;
        std::vector<std::pair<size_t, size_t>> links;
        if (entities.empty()) {
            const std::vector<ProposedEntity> proposed = proposeEntities(in.words);
            for (const ProposedEntity& p : proposed) {
                EntityRecord e;
                e.label = p.label;
                e.text = p.text;
                e.box = p.box;
                for (int i : p.words)
                    e.words.push_back(in.words[static_cast<size_t>(i)].id);
                entities.push_back(std::move(e));
            }
            for (const ProposedLink& l : proposeLinks(entities))
                links.emplace_back(static_cast<size_t>(l.from), static_cast<size_t>(l.to));
        } else {
            QHash<EntityId, size_t> at;
            for (size_t i = 0; i < entities.size(); ++i)
                at.insert(entities[i].id, i);
            for (const LinkRecord& l : in.form.links)
                if (at.contains(l.from) && at.contains(l.to))
                    links.emplace_back(at.value(l.from), at.value(l.to));
        }
        for (const auto& [from, to] : links) {
            const std::optional<SensitiveType> type = typeOfKey(entities[from].text);
            if (!type)
                continue;
            std::vector<int> idx;
            for (WordId w : entities[to].words)
                if (const auto it = indexOf.constFind(w); it != indexOf.constEnd())
                    idx.push_back(*it);
            addKeyValue(in, *type, std::move(idx), entities[to].box);
        }

        // "Case No. 2026-INC-04417", "Policy # 88123": a number's key without ':' and the one word after it
        // on its line, when that word has a digit.
        static const QRegularExpression numberWord(QStringLiteral(R"(^(?:no\.?|nr\.?|#|number)$)"),
                                                   QRegularExpression::CaseInsensitiveOption);
        for (size_t i = 1; i + 1 < in.words.size(); ++i) {
            const WordRecord& value = in.words[i + 1];
            if (!numberWord.match(in.words[i].text).hasMatch() || !sameLine(in.words[i].box, value.box)
                || !std::any_of(value.text.begin(), value.text.end(), [](QChar c) { return c.isDigit(); }))
                continue;
            std::optional<SensitiveType> type;
            for (size_t n = std::min<size_t>(3, i); n >= 1 && !type; --n) {
                QStringList parts;
                bool ok = true;
                for (size_t k = i - n; k <= i; ++k) {
                    ok = ok && sameLine(in.words[k].box, in.words[i].box);
                    parts << in.words[k].text;
                }
                if (ok)
                    type = typeOfKey(parts.join(QLatin1Char(' ')), true);
            }
            if (type == SensitiveType::IdNumber)
                addKeyValue(in, *type, {static_cast<int>(i + 1)}, {});
        }

        // "Name: Jonah Pritchard DOB: 07/22/1988": a key ending in ':' and the words after it on its line.
        const auto& words = in.words;
        auto endsKey = [&](size_t i) { return words[i].text.size() > 1 && words[i].text.endsWith(QLatin1Char(':')); };
        for (size_t i = 0; i < words.size(); ++i) {
            if (!endsKey(i))
                continue;
            std::optional<SensitiveType> type;
            for (size_t n = std::min<size_t>(4, i + 1); n >= 1 && !type; --n) {
                const size_t first = i + 1 - n;
                bool ok = true;
                QStringList parts;
                for (size_t k = first; k <= i; ++k) {
                    ok = ok && sameLine(words[k].box, words[i].box) && (k == i || !endsKey(k));
                    parts << words[k].text;
                }
                if (ok)
                    type = typeOfKey(parts.join(QLatin1Char(' ')), n > 1);
            }
            if (!type)
                continue;
            const int height = std::max(1, words[i].box.height());
            size_t end = i + 1;
            while (end < words.size() && !endsKey(end) && sameLine(words[i].box, words[end].box)
                   && words[end].box.x0 >= words[end - 1].box.x1 - height
                   && words[end].box.x0 - words[end - 1].box.x1 <= 4 * height)
                ++end;
            if (end < words.size() && endsKey(end)) {
                // The next key may be of several words ("Date of birth:"): not part of this value.
                for (size_t n = 3; n >= 1; --n) {
                    if (end < i + 1 + n)
                        continue;
                    QStringList parts;
                    for (size_t k = end - n; k <= end; ++k)
                        parts << words[k].text;
                    if (typeOfKey(parts.join(QLatin1Char(' ')), true)) {
                        end -= n;
                        break;
                    }
                }
            }
            std::vector<int> idx;
            for (size_t k = i + 1; k < end; ++k)
                idx.push_back(static_cast<int>(k));
            addKeyValue(in, *type, std::move(idx), {});
        }
    }

    // A table without stored links: a header line made of keys ("Witness", "Name  Phone") over lines of
    // cells; each cell (the words of a line under a header, up to the next header's column) is that key's
    // value, down to a gap, a key or another header line.
    void scanColumns(const RedactionPageInput& in)
    {
        const auto& words = in.words;
        std::vector<std::vector<int>> lines;
        for (size_t i = 0; i < words.size(); ++i) {
            if (lines.empty() || !sameLine(words[static_cast<size_t>(lines.back().front())].box, words[i].box))
                lines.emplace_back();
            lines.back().push_back(static_cast<int>(i));
        }
        struct Column {
            SensitiveType type;
            int x0, limit;
        };
        // The keys heading a line, as columns; empty when the line is not made of keys only.
        auto headerOf = [&](const std::vector<int>& line) {
            std::vector<Column> columns;
            for (size_t k = 0; k < line.size();) {
                bool matched = false;
                for (size_t n = std::min<size_t>(3, line.size() - k); n >= 1 && !matched; --n) {
                    QStringList parts;
                    for (size_t j = k; j < k + n; ++j)
                        parts << words[static_cast<size_t>(line[j])].text;
                    const QString last = parts.back();
                    if (last.endsWith(QLatin1Char(':')))
                        break; // a key with its value on its line: not a header
                    if (const auto type = typeOfKey(parts.join(QLatin1Char(' ')), true)) {
                        const int x0 = words[static_cast<size_t>(line[k])].box.x0;
                        if (!columns.empty())
                            columns.back().limit = x0;
                        columns.push_back({*type, x0, std::numeric_limits<int>::max()});
                        k += n;
                        matched = true;
                    }
                }
                if (!matched)
                    return std::vector<Column>{};
            }
            return columns;
        };
        for (size_t l = 0; l < lines.size(); ++l) {
            const std::vector<Column> columns = headerOf(lines[l]);
            if (columns.empty())
                continue;
            const PixelBox& head = words[static_cast<size_t>(lines[l].front())].box;
            const int height = std::max(1, head.height());
            int bottom = head.y1;
            for (size_t r = l + 1; r < lines.size(); ++r) {
                const std::vector<int>& line = lines[r];
                const PixelBox& first = words[static_cast<size_t>(line.front())].box;
                if (first.y0 - bottom > 2 * height || !headerOf(line).empty())
                    break;
                bool key = false;
                for (int w : line)
                    key = key || words[static_cast<size_t>(w)].text.endsWith(QLatin1Char(':'));
                if (key)
                    break;
                bottom = first.y1;
                for (const Column& c : columns) {
                    std::vector<int> cell;
                    for (int w : line) {
                        const int x0 = words[static_cast<size_t>(w)].box.x0;
                        if (x0 >= c.x0 - height && x0 < c.limit - height)
                            cell.push_back(w);
                    }
                    if (!cell.empty())
                        addKeyValue(in, c.type, std::move(cell), {});
                }
            }
        }
    }

    void scanPatterns(const RedactionPageInput& in, const PageText& pt)
    {
        auto addSpan = [&](SensitiveType type, qsizetype begin, qsizetype end) {
            add(make(in, type, FindingSource::Pattern, wordsIn(pt, begin, end)));
        };
        auto each = [&](const QRegularExpression& re, auto&& accept) {
            auto it = re.globalMatch(pt.text);
            while (it.hasNext()) {
                const auto m = it.next();
                accept(m);
            }
        };
        static const QRegularExpression phone(QStringLiteral(
            R"((?<![\w+])(?:\+?1[\s.\-]?)?(?:\(\s?\d{3}\s?\)|\d{3})\s?[.\-]?\s?\d{3}\s?[.\-]?\s?\d{4}(?!\w))"));
        each(phone, [&](const QRegularExpressionMatch& m) {
            if (checkField(QStringLiteral("phone"), m.captured(0)).valid)
                addSpan(SensitiveType::Phone, m.capturedStart(), m.capturedEnd());
        });
        static const QRegularExpression email(QStringLiteral(
            R"([A-Za-z0-9._%+\-]+\s?@\s?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*(?:\.\s?|\s\.)(?:[a-z]{2,}|[A-Z]{2,})\b)"));
        each(email, [&](const QRegularExpressionMatch& m) {
            addSpan(SensitiveType::Email, m.capturedStart(), m.capturedEnd());
        });
        const std::vector<DateSpan> dates = datesIn(pt.text);
        for (const DateSpan& d : dates)
            addSpan(SensitiveType::Date, d.begin, d.end);
        static const QRegularExpression plate(QStringLiteral(R"((?<![\w\-])[A-Z]{2,3}[ \-]\d{3,4}(?![\w\-]))"));
        each(plate, [&](const QRegularExpressionMatch& m) {
            addSpan(SensitiveType::VehiclePlate, m.capturedStart(), m.capturedEnd());
        });
        if (!patterns.vehiclePlate.isEmpty()) {
            const QRegularExpression own(QRegularExpression::anchoredPattern(patterns.vehiclePlate));
            if (own.isValid())
                for (size_t i = 0; i < in.words.size(); ++i) {
                    if (own.match(in.words[i].text).hasMatch()) {
                        add(make(in, SensitiveType::VehiclePlate, FindingSource::Pattern, {static_cast<int>(i)}));
                    } else if (i + 1 < in.words.size()
                               && own.match(in.words[i].text + QLatin1Char(' ') + in.words[i + 1].text).hasMatch()) {
                        add(make(in, SensitiveType::VehiclePlate, FindingSource::Pattern,
                                 {static_cast<int>(i), static_cast<int>(i + 1)}));
                    }
                }
        }
        static const QRegularExpression vin(QStringLiteral(R"((?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9]))"),
                                            QRegularExpression::CaseInsensitiveOption);
        auto vinAccept = [&](const QRegularExpressionMatch& m) {
            if (keyOf(m.captured(0), StreamKind::Alnum).size() == 17
                && checkField(QStringLiteral("vin"), m.captured(0)).valid)
                addSpan(SensitiveType::Vin, m.capturedStart(), m.capturedEnd());
        };
        each(vin, vinAccept);
        // A VIN broken in two words (a line break, a space): each pair of words.
        for (size_t i = 0; i + 1 < in.words.size(); ++i) {
            const QString joined = in.words[i].text + in.words[i + 1].text;
            if (keyOf(joined, StreamKind::Alnum).size() == 17 && !keyOf(in.words[i].text, StreamKind::Alnum).isEmpty()
                && !keyOf(in.words[i + 1].text, StreamKind::Alnum).isEmpty()) {
                static const QRegularExpression edges(QStringLiteral(R"(^[^A-Za-z0-9]+|[^A-Za-z0-9]+$)"));
                QString bare = joined;
                bare.remove(edges);
                if (checkField(QStringLiteral("vin"), bare).valid)
                    add(make(in, SensitiveType::Vin, FindingSource::Pattern,
                             {static_cast<int>(i), static_cast<int>(i + 1)}));
            }
        }
        // A street address: a house number, one to three capitalised words, a street suffix ("7040
        // Ostrander Place", "12 N. Elm St.", "300 5th Ave"), wherever it is written (a narrative, a table).
        static const QRegularExpression street(QStringLiteral(
            R"((?<![\w\-.,])\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][A-Za-z'\-]+|\d+(?:st|nd|rd|th))\.?\s+){1,3})"
            R"((?i:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|)"
            R"(Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Trl|Row|Loop|Pike|Alley|Crescent|Close)\b\.?)"));
        each(street, [&](const QRegularExpressionMatch& m) {
            addSpan(SensitiveType::Address, m.capturedStart(), m.capturedEnd());
        });
        static const QRegularExpression ssn(QStringLiteral(R"((?<![\d\-])\d{3}\s?-\s?\d{2}\s?-\s?\d{4}(?![\d\-]))"));
        each(ssn, [&](const QRegularExpressionMatch& m) {
            addSpan(SensitiveType::IdNumber, m.capturedStart(), m.capturedEnd());
        });
        static const QRegularExpression caseId(
            QStringLiteral(R"((?<![\w\-/])[A-Za-z]{1,5}(?:\s?[\-/]\s?[A-Za-z0-9]+)+(?![\w]))"));
        each(caseId, [&](const QRegularExpressionMatch& m) {
            const QString s = m.captured(0);
            const auto digits = std::count_if(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
            if (digits >= 5 && !readDate(s).isValid())
                addSpan(SensitiveType::IdNumber, m.capturedStart(), m.capturedEnd());
        });
    }

    // What scan() found, once a person's "not sensitive" marks are known: its values, and the matcher.
    void ensureValues()
    {
        if (matcher)
            return;
        for (Found& x : found)
            dropOverruled(x);
        QSet<QPair<int, QString>> seen;
        for (const Found& x : found) {
            if (x.f.key.isEmpty() || x.f.type == SensitiveType::Signature || x.f.type == SensitiveType::Photo)
                continue;
            if (seen.contains({static_cast<int>(x.f.type), x.f.key}))
                continue;
            seen.insert({static_cast<int>(x.f.type), x.f.key});
            values.push_back({x.f.type, x.f.text, x.f.key});
            // An address's street ("7040 Ostrander Place" of "7040 Ostrander Place, Springfield") is
            // written alone elsewhere: a value of its own.
            const qsizetype comma = x.f.text.indexOf(QLatin1Char(','));
            if (x.f.type == SensitiveType::Address && comma > 0) {
                const QString street = x.f.text.left(comma).trimmed();
                const QString key = valueKey(SensitiveType::Address, street);
                const bool hasDigit = std::any_of(street.begin(), street.end(), [](QChar c) { return c.isDigit(); });
                if (hasDigit && street.count(QLatin1Char(' ')) >= 1 && !key.isEmpty()
                    && !seen.contains({static_cast<int>(SensitiveType::Address), key})) {
                    seen.insert({static_cast<int>(SensitiveType::Address), key});
                    values.push_back({SensitiveType::Address, street, key});
                }
            }
        }
        matcher.emplace(values);
    }

    void dropOverruled(Found& x) const
    {
        const auto before = x.words.size();
        std::erase_if(x.words, [&](const WordRecord& w) { return overruled.count(w.id) > 0; });
        if (x.words.size() != before)
            refresh(x);
    }
};

SensitiveFinder::SensitiveFinder(std::vector<LabelRecord> labels, FieldPatterns patterns)
    : m_impl(std::make_unique<Impl>())
{
    for (const LabelRecord& l : labels)
        if (const auto type = typeOfLabel(l.name))
            m_impl->labelTypes.insert(l.id, *type);
    m_impl->patterns = std::move(patterns);
}

SensitiveFinder::~SensitiveFinder() = default;

void SensitiveFinder::scan(const RedactionPageInput& page)
{
    QHash<WordId, int> indexOf;
    for (size_t i = 0; i < page.words.size(); ++i)
        indexOf.insert(page.words[i].id, static_cast<int>(i));
    m_impl->scanMarks(page, indexOf);
    m_impl->scanFields(page, indexOf);
    m_impl->scanLabels(page);
    m_impl->scanKeyValues(page, indexOf);
    if (page.form.links.empty())
        m_impl->scanColumns(page);
    m_impl->scanPatterns(page, pageTextOf(page.words));
}

void SensitiveFinder::findMentions(const RedactionPageInput& page)
{
    m_impl->ensureValues();
    if (m_impl->values.empty())
        return;
    const PageText pt = pageTextOf(page.words);
    for (const Leak& l : m_impl->matcher->findAll(pt.text)) {
        const SensitiveValue& v = m_impl->values[static_cast<size_t>(l.value)];
        Found x = m_impl->make(page, v.type, FindingSource::Mention, wordsIn(pt, l.at, l.end));
        if (x.words.empty())
            continue;
        x.f.key = v.key;
        x.valueIndex = l.value;
        m_impl->mentions.push_back(std::move(x));
    }
}

RedactionPlan SensitiveFinder::plan()
{
    Impl& d = *m_impl;
    d.ensureValues();
    std::vector<Found> all = d.found;
    for (Found x : d.mentions) {
        d.dropOverruled(x);
        all.push_back(std::move(x));
    }
    std::erase_if(all, [](const Found& x) { return x.words.empty() && !x.region; });

    // A date written where a date of birth was found elsewhere is that date of birth.
    QSet<QString> birthDates;
    for (const Found& x : all)
        if (x.f.type == SensitiveType::DateOfBirth)
            birthDates.insert(x.f.key);
    for (Found& x : all)
        if (x.f.type == SensitiveType::Date && birthDates.contains(x.f.key))
            x.f.type = SensitiveType::DateOfBirth;

    std::stable_sort(all.begin(), all.end(), [](const Found& a, const Found& b) {
        return std::make_tuple(a.f.document, a.f.pageNumber, a.f.page, a.order, priority(a.f.source))
               < std::make_tuple(b.f.document, b.f.pageNumber, b.f.page, b.order, priority(b.f.source));
    });

    // A finding whose words a finding of the same kind already holds adds nothing (a pattern's phone inside
    // a field's, a mention where the value was found).
    RedactionPlan plan;
    QHash<WordId, std::vector<size_t>> holders; // word -> kept findings holding it
    std::vector<Found> kept;
    for (Found& x : all) {
        const bool covered = !x.words.empty() && std::all_of(x.words.begin(), x.words.end(), [&](const WordRecord& w) {
            const auto it = holders.constFind(w.id);
            return it != holders.constEnd() && std::any_of(it->begin(), it->end(), [&](size_t k) {
                       const SensitiveType t = kept[k].f.type;
                       return t == x.f.type || (x.f.type == SensitiveType::Date && t == SensitiveType::DateOfBirth)
                              || x.f.source == FindingSource::Mention || x.f.source == FindingSource::Pattern;
                   });
        });
        if (covered)
            continue;
        for (const WordRecord& w : x.words)
            holders[w.id].push_back(kept.size());
        kept.push_back(std::move(x));
    }

    QHash<QPair<int, QString>, int> valueAt;
    for (Found& x : kept) {
        SensitiveFinding f = std::move(x.f);
        if (!f.key.isEmpty()) {
            const QPair<int, QString> vk{static_cast<int>(f.type), f.key};
            auto it = valueAt.constFind(vk);
            if (it == valueAt.constEnd()) {
                QString text = f.text;
                if (f.source == FindingSource::Mention && x.valueIndex >= 0)
                    text = d.values[static_cast<size_t>(x.valueIndex)].text;
                it = valueAt.insert(vk, static_cast<int>(plan.values.size()));
                plan.values.push_back({f.type, text, f.key});
            }
            f.value = *it;
        }
        const int index = static_cast<int>(plan.findings.size());
        const int parts = static_cast<int>(f.words.size());
        for (int p = 0; p < parts; ++p)
            if (!plan.words.contains(f.words[static_cast<size_t>(p)]))
                plan.words.insert(f.words[static_cast<size_t>(p)], {f.type, index, p, parts});
        plan.findings.push_back(std::move(f));
    }
    plan.fills = d.fills;
    for (auto& [page, boxes] : plan.fills) {
        std::vector<PixelBox> distinct;
        for (const PixelBox& b : boxes)
            if (std::find(distinct.begin(), distinct.end(), b) == distinct.end())
                distinct.push_back(b);
        boxes = std::move(distinct);
    }
    plan.overruled = d.overruled;
    return plan;
}

Result<RedactionPlan> planRedaction(ProjectStore& store, const std::vector<DocumentId>& documents)
{
    if (auto s = store.beginSnapshot(); !s)
        return s.error();
    struct EndSnapshot {
        ProjectStore& store;
        ~EndSnapshot() { (void)store.endSnapshot(); }
    } end{store};

    auto labels = store.labels();
    if (!labels)
        return labels.error();
    FieldPatterns patterns;
    auto caseNumber = store.meta(QStringLiteral("pattern_case_number"));
    if (!caseNumber)
        return caseNumber.error();
    auto plate = store.meta(QStringLiteral("pattern_vehicle_plate"));
    if (!plate)
        return plate.error();
    patterns.caseNumber = caseNumber->value_or(QString());
    patterns.vehiclePlate = plate->value_or(QString());

    auto docs = store.documents();
    if (!docs)
        return docs.error();
    const QSet<DocumentId> wanted(documents.begin(), documents.end());
    QSet<DocumentId> known;
    std::vector<std::pair<DocumentId, PageRecord>> pages;
    for (const DocumentRecord& doc : *docs) {
        known.insert(doc.id);
        if ((!wanted.isEmpty() && !wanted.contains(doc.id)) || !doc.error.isEmpty())
            continue;
        auto list = store.pages(doc.id);
        if (!list)
            return list.error();
        for (PageRecord& p : *list)
            if (p.status == PageStatus::Done)
                pages.emplace_back(doc.id, std::move(p));
    }
    for (DocumentId id : documents)
        if (!known.contains(id))
            return makeError(ErrorCode::InvalidInput, QStringLiteral("the project has no document with id %1").arg(id));

    auto marks = store.redactionMarks();
    if (!marks)
        return marks.error();
    std::map<PageId, std::vector<RedactionMark>> marksOf;
    for (RedactionMark& m : *marks)
        marksOf[m.pageId].push_back(std::move(m));

    // Each page is read twice (a project's words need not fit in memory at once).
    auto read = [&](const std::pair<DocumentId, PageRecord>& page) -> Result<RedactionPageInput> {
        RedactionPageInput in;
        in.document = page.first;
        in.page = page.second;
        auto words = store.words(page.second.id);
        if (!words)
            return words.error();
        in.words = std::move(words).value();
        for (WordRecord& w : in.words) {
            w.chars.clear();
            w.chars.shrink_to_fit();
            w.alternatives.clear();
        }
        auto form = store.pageForm(page.second.id);
        if (!form)
            return form.error();
        in.form = std::move(form).value();
        if (const auto it = marksOf.find(page.second.id); it != marksOf.end())
            in.marks = it->second;
        return in;
    };
    SensitiveFinder finder(std::move(labels).value(), patterns);
    for (const auto& page : pages) {
        auto in = read(page);
        if (!in)
            return in.error();
        finder.scan(*in);
    }
    for (const auto& page : pages) {
        auto in = read(page);
        if (!in)
            return in.error();
        finder.findMentions(*in);
    }
    return finder.plan();
}

} // namespace incidoc
