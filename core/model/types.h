#pragma once
// Enumerations shared by every stage, with the exact strings of ../shared/specs/page-json.md
// (the same strings are stored in the project file).

#include <QString>

#include <optional>

namespace incidoc {

enum class DocumentKind { Pdf, Image };
enum class PageKind { Unknown, Scanned, TextLayer, Blank };
enum class PageStatus { Queued, Processing, Done, Failed };
enum class ReviewStatus { New, InProgress, Reviewed };
enum class WordSource { Ocr, TextLayer, User };
enum class BinarizeMethod { AdaptiveGaussian, Sauvola, Otsu, None };
/// Why a page or a file failed, decided where the failure happened (never read back from the reason's
/// words). None: it did not fail. Error: the input or an engine gave an error. Crash, Hang, Memory: the
/// process that handled it died, went over its time budget or over its memory budget (such a page is
/// not rendered in the app). Cancelled: the work was stopped (an outcome, not stored as a failure today).
enum class FailureKind { None, Error, Crash, Hang, Memory, Cancelled };

QString toString(DocumentKind v);
QString toString(PageKind v);
QString toString(PageStatus v);
QString toString(ReviewStatus v);
QString toString(WordSource v);
QString toString(BinarizeMethod v);
/// "" (None), "error", "crash", "hang", "memory", "cancelled".
QString toString(FailureKind v);

std::optional<DocumentKind> documentKindFromString(const QString& s);
std::optional<PageKind> pageKindFromString(const QString& s);
std::optional<PageStatus> pageStatusFromString(const QString& s);
std::optional<ReviewStatus> reviewStatusFromString(const QString& s);
std::optional<WordSource> wordSourceFromString(const QString& s);
/// Accepts "adaptive", "sauvola", "otsu", "none".
std::optional<BinarizeMethod> binarizeMethodFromString(const QString& s);
/// Accepts the strings of toString(FailureKind), "" for None.
std::optional<FailureKind> failureKindFromString(const QString& s);

} // namespace incidoc
