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

QString toString(DocumentKind v);
QString toString(PageKind v);
QString toString(PageStatus v);
QString toString(ReviewStatus v);
QString toString(WordSource v);
QString toString(BinarizeMethod v);

std::optional<DocumentKind> documentKindFromString(const QString& s);
std::optional<PageKind> pageKindFromString(const QString& s);
std::optional<PageStatus> pageStatusFromString(const QString& s);
std::optional<ReviewStatus> reviewStatusFromString(const QString& s);
std::optional<WordSource> wordSourceFromString(const QString& s);
/// Accepts "adaptive", "sauvola", "otsu", "none".
std::optional<BinarizeMethod> binarizeMethodFromString(const QString& s);

} // namespace incidoc
