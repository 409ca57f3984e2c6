#include "core/pipeline/type_profiles.h"

#include "core/pipeline/engine_choice.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace incidoc {
namespace {

const QString kEngines = QStringLiteral("engines");
const QString kProfile = QStringLiteral("profile");
const QString kDpi = QStringLiteral("dpi");
const QString kBinarize = QStringLiteral("binarize");
const QString kReview = QStringLiteral("review");

QString typeLabel(const QString& type)
{
    return type.isEmpty() ? QStringLiteral("a document type") : QStringLiteral("type \"%1\"").arg(type);
}

/// A key's fields: value and whether a type's profile set it.
struct KeyField {
    QString value;
    bool fromType = false;
};
using KeyFields = std::map<QString, KeyField>;

KeyFields parseKey(const QString& key)
{
    KeyFields out;
    for (const QString& part : key.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = part.mid(eq + 1);
        const bool fromType = value.endsWith(QLatin1Char('*'));
        if (fromType)
            value.chop(1);
        out[part.left(eq)] = {value, fromType};
    }
    return out;
}

/// The stored profile of `row`'s type; nullopt (with `why`) when it does not read.
std::optional<TypeProfile> profileOf(const QString& json, QString* why)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return typeProfileFromJson(doc.object(), why);
}

} // namespace

QString processingKey(const ProcessOptions& options, const TypeProfile& fromType)
{
    const ReadingPlan plan = readingPlan(options);
    const QString engines = plan.second.isEmpty() ? plan.first : plan.first + QLatin1Char('+') + plan.second;
    const bool enginesFromType = !fromType.engines.isEmpty() || !fromType.profile.isEmpty();
    const auto field = [](const QString& name, const QString& value, bool typed) {
        return name + QLatin1Char('=') + value + (typed ? QStringLiteral("*") : QString());
    };
    const QString binarized = options.ocrReadsBinarized ? toString(options.binarize.method) : QStringLiteral("none");
    const QString review =
        options.reviewThreshold ? QString::number(double(*options.reviewThreshold), 'g', 6) : QStringLiteral("-");
    return QStringList{field(kEngines, engines, enginesFromType), field(kProfile, options.profile, enginesFromType),
                       field(kDpi, QString::number(options.render.dpi), fromType.dpi > 0),
                       field(kBinarize, binarized, !fromType.binarize.isEmpty()),
                       field(kReview, review, fromType.reviewThreshold.has_value())}
        .join(QLatin1Char(';'));
}

namespace {

/// applyTypeProfile, also saying what the type decided (`applied`: the profile less what fell back).
PageProcessing apply(const ProcessOptions& base, const TypeProfile& profile, const std::vector<EngineInfo>& engines,
                     const QString& type, TypeProfile& applied)
{
    PageProcessing out;
    out.options = base;
    applied = profile;
    if (!profile.engines.isEmpty() || !profile.profile.isEmpty()) {
        EngineChoice choice;
        choice.profile = profile.profile.isEmpty() ? base.profile : profile.profile;
        // A type that names only fast/accurate lets the profile decide the engines.
        choice.engines = !profile.engines.isEmpty()  ? profile.engines
                         : profile.profile.isEmpty() ? base.engines
                                                     : QString();
        if (auto resolved = resolveEngines(choice, false, engines)) {
            out.options.engines = resolved->engines;
            out.options.profile = resolved->profile;
            for (const QString& note : resolved->notes)
                out.notes << QStringLiteral("%1: %2").arg(typeLabel(type), note);
        } else {
            out.notes << QStringLiteral("%1: %2; the project's engines read its pages")
                             .arg(typeLabel(type), resolved.error().message);
            applied.engines.clear();
            applied.profile.clear();
        }
    }
    if (profile.dpi > 0)
        out.options.render.dpi = profile.dpi;
    if (!profile.binarize.isEmpty()) {
        const BinarizeMethod method = binarizeMethodFromString(profile.binarize).value_or(BinarizeMethod::None);
        if (method != BinarizeMethod::None)
            out.options.binarize.method = method;
        out.options.ocrReadsBinarized = method != BinarizeMethod::None;
    }
    if (profile.reviewThreshold)
        out.options.reviewThreshold = static_cast<float>(*profile.reviewThreshold);
    out.key = processingKey(out.options, applied);
    return out;
}

} // namespace

PageProcessing applyTypeProfile(const ProcessOptions& base, const TypeProfile& profile,
                                const std::vector<EngineInfo>& engines, const QString& type)
{
    TypeProfile applied;
    return apply(base, profile, engines, type, applied);
}

PageProcessing pageProcessing(const PageProfileRow& row, const ProcessOptions& base,
                              const std::vector<EngineInfo>& engines, int chosenDpi)
{
    TypeProfile profile;
    QStringList notes;
    if (!row.type.isEmpty()) {
        QString why;
        if (auto read = profileOf(row.profileJson, &why))
            profile = *read;
        else
            notes << QStringLiteral("%1: its profile cannot be read (%2): the project's settings apply")
                         .arg(typeLabel(row.type), why);
    }
    TypeProfile applied;
    PageProcessing out = apply(base, profile, engines, row.type, applied);
    out.notes = notes + out.notes;

    // Words a person edited or drew stay where they are, in the page's pixel grid: a page with such words
    // is read at its own DPI when a profile, now or last time, decides the DPI.
    const bool dpiByType = profile.dpi > 0 || parseKey(row.processedWith)[kDpi].fromType;
    if (row.hasPersonWords && row.documentKind == DocumentKind::Pdf && row.dpi > 0 && dpiByType
        && out.options.render.dpi != row.dpi) {
        out.options.render.dpi = row.dpi;
        applied.dpi = row.dpi;
        out.key = processingKey(out.options, applied);
    }
    if (chosenDpi > 0 && out.options.render.dpi != chosenDpi) {
        out.options.render.dpi = chosenDpi;
        applied.dpi = chosenDpi; // decided for the page, as a type decides: compared when the type changes
        out.key = processingKey(out.options, applied);
    }
    return out;
}

bool processedDifferently(const PageProfileRow& row, const PageProcessing& now, const ProcessOptions& base)
{
    const KeyFields before = parseKey(row.processedWith.isEmpty() ? processingKey(base) : row.processedWith);
    const KeyFields after = parseKey(now.key);
    QStringList compared;
    if (row.kind == PageKind::TextLayer || row.kind == PageKind::Blank)
        compared = {kDpi};
    else
        compared = {kEngines, kProfile, kDpi, kBinarize, kReview};
    if (row.documentKind != DocumentKind::Pdf)
        compared.removeAll(kDpi);
    for (const QString& name : compared) {
        const auto b = before.find(name);
        const auto a = after.find(name);
        const bool typed = (b != before.end() && b->second.fromType) || (a != after.end() && a->second.fromType);
        if (!typed)
            continue; // the project's own choice: its changes process nothing again
        if (b == before.end() || a == after.end() || b->second.value != a->second.value)
            return true;
    }
    return false;
}

Result<int> requeueForProfiles(ProjectStore& store, const ProcessOptions& base, const std::vector<EngineInfo>& engines,
                               const ProfileScope& scope)
{
    auto rows = store.pageProfiles(scope);
    if (!rows)
        return rows.error();
    std::vector<PageId> again;
    for (const PageProfileRow& row : *rows) {
        if (row.status != PageStatus::Done)
            continue; // queued pages are processed with the profile of the moment anyway
        if (processedDifferently(row, pageProcessing(row, base, engines), base))
            again.push_back(row.page);
    }
    if (again.empty())
        return 0;
    return store.requeuePages(again);
}

Result<QStringList> typeProfileNotes(ProjectStore& store, const ProcessOptions& base,
                                     const std::vector<EngineInfo>& engines)
{
    auto stored = store.storedTypeProfiles();
    if (!stored)
        return stored.error();
    QStringList notes;
    for (const auto& [name, json] : *stored) {
        PageProfileRow row;
        row.type = name;
        row.profileJson = json;
        notes << pageProcessing(row, base, engines).notes;
    }
    return notes;
}

} // namespace incidoc
