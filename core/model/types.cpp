#include "core/model/types.h"

#include <array>
#include <utility>

namespace incidoc {
namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char*>, N>& table, E v)
{
    for (const auto& [e, s] : table)
        if (e == v)
            return QString::fromLatin1(s);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char*>, N>& table, const QString& s)
{
    for (const auto& [e, n] : table)
        if (s == QLatin1String(n))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<DocumentKind, const char*>, 2> kDocumentKinds{
    {{DocumentKind::Pdf, "pdf"}, {DocumentKind::Image, "image"}}};
constexpr std::array<std::pair<PageKind, const char*>, 4> kPageKinds{{{PageKind::Unknown, "unknown"},
                                                                      {PageKind::Scanned, "scanned"},
                                                                      {PageKind::TextLayer, "text-layer"},
                                                                      {PageKind::Blank, "blank"}}};
constexpr std::array<std::pair<PageStatus, const char*>, 4> kPageStatuses{{{PageStatus::Queued, "queued"},
                                                                           {PageStatus::Processing, "processing"},
                                                                           {PageStatus::Done, "done"},
                                                                           {PageStatus::Failed, "failed"}}};
constexpr std::array<std::pair<ReviewStatus, const char*>, 3> kReviewStatuses{
    {{ReviewStatus::New, "new"}, {ReviewStatus::InProgress, "in-progress"}, {ReviewStatus::Reviewed, "reviewed"}}};
constexpr std::array<std::pair<WordSource, const char*>, 3> kWordSources{
    {{WordSource::Ocr, "ocr"}, {WordSource::TextLayer, "text-layer"}, {WordSource::User, "user"}}};
constexpr std::array<std::pair<BinarizeMethod, const char*>, 4> kBinarizeMethods{
    {{BinarizeMethod::AdaptiveGaussian, "adaptive"},
     {BinarizeMethod::Sauvola, "sauvola"},
     {BinarizeMethod::Otsu, "otsu"},
     {BinarizeMethod::None, "none"}}};
constexpr std::array<std::pair<FailureKind, const char*>, 6> kFailureKinds{{{FailureKind::None, ""},
                                                                            {FailureKind::Error, "error"},
                                                                            {FailureKind::Crash, "crash"},
                                                                            {FailureKind::Hang, "hang"},
                                                                            {FailureKind::Memory, "memory"},
                                                                            {FailureKind::Cancelled, "cancelled"}}};

} // namespace

QString toString(DocumentKind v)
{
    return nameOf(kDocumentKinds, v);
}
QString toString(PageKind v)
{
    return nameOf(kPageKinds, v);
}
QString toString(PageStatus v)
{
    return nameOf(kPageStatuses, v);
}
QString toString(ReviewStatus v)
{
    return nameOf(kReviewStatuses, v);
}
QString toString(WordSource v)
{
    return nameOf(kWordSources, v);
}
QString toString(BinarizeMethod v)
{
    return nameOf(kBinarizeMethods, v);
}
QString toString(FailureKind v)
{
    return nameOf(kFailureKinds, v);
}

std::optional<DocumentKind> documentKindFromString(const QString& s)
{
    return valueOf(kDocumentKinds, s);
}
std::optional<PageKind> pageKindFromString(const QString& s)
{
    return valueOf(kPageKinds, s);
}
std::optional<PageStatus> pageStatusFromString(const QString& s)
{
    return valueOf(kPageStatuses, s);
}
std::optional<ReviewStatus> reviewStatusFromString(const QString& s)
{
    return valueOf(kReviewStatuses, s);
}
std::optional<WordSource> wordSourceFromString(const QString& s)
{
    return valueOf(kWordSources, s);
}
std::optional<BinarizeMethod> binarizeMethodFromString(const QString& s)
{
    return valueOf(kBinarizeMethods, s);
}
std::optional<FailureKind> failureKindFromString(const QString& s)
{
    return valueOf(kFailureKinds, s);
}

} // namespace incidoc
