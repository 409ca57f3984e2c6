#pragma once
// Document types: the kinds of document a project tells apart (an incident report form, a narrative sheet,
// a witness statement, ...), how a document got its type (an annotator, or the classifier learned from the
// annotators' choices), and the processing profile of each type, as the project stores them
// (core/storage/schema_v5.sql) and page JSON and the bundle manifest show them (`document.type`).

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace incidoc {

/// The types a new project starts with, in order: incident_report, narrative, witness_statement, photo,
/// fax, other.
QStringList defaultDocumentTypes();

/// A type name: 1 to 40 of a-z, 0-9 and '_', starting with a letter.
bool isValidTypeName(const QString& name);

/// How pages of documents of one type are processed. Every member left empty (or 0, or unset) means: the
/// project's own choice applies. Stored as a JSON object (toJson/typeProfileFromJson):
/// `{"engines": "tesseract+ppocr", "profile": "fast", "dpi": 200, "binarize": "sauvola",
///   "review_threshold": 70}`.
struct TypeProfile {
    QString engines;  ///< "tesseract", "ppocr", "tesseract+ppocr" or empty
    QString profile;  ///< "fast", "accurate" or empty
    int dpi = 0;      ///< PDF render resolution; 0: the project's
    QString binarize; ///< "adaptive", "sauvola", "otsu", "none" or empty (the stored page image)
    /// Words read below this confidence (0-100) are flagged for review; unset: the engines' own rule.
    std::optional<double> reviewThreshold;

    bool isEmpty() const;
    QJsonObject toJson() const;
    friend bool operator==(const TypeProfile&, const TypeProfile&) = default;
};

/// Reads a stored profile. Unknown keys are ignored; a value that is not valid (an unknown engine, a DPI
/// outside 50..1200, a threshold outside 0..100) is an error naming the key, so nothing half-valid is kept.
std::optional<TypeProfile> typeProfileFromJson(const QJsonObject& json, QString* error = nullptr);

/// One type of the project.
struct DocumentType {
    QString name;  ///< see isValidTypeName
    QString title; ///< what people see; empty for the default types (shown with their built-in title)
    int position = 0;
    TypeProfile profile;
};

/// How a document got its type.
enum class TypeSource {
    None,      ///< no type yet
    User,      ///< an annotator set or confirmed it: the classifier learns from these
    Predicted, ///< the classifier, with a confidence
};
QString toString(TypeSource v); ///< "", "user", "predicted"
std::optional<TypeSource> typeSourceFromString(const QString& s);

} // namespace incidoc
