#pragma once
// Which OCR engines read a project's scanned pages: the choice (`--engine`, `--profile`, Settings), what
// it comes to on this machine (the engines that are available here), and where a project keeps it.

#include "core/ocr/ocr_engine.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace incidoc {

class ProjectStore;

/// The project's meta keys for the choice (absent: the defaults).
inline constexpr const char* kMetaOcrEngines = "ocr_engines";
inline constexpr const char* kMetaOcrProfile = "ocr_profile";

/// "tesseract", "ppocr", "tesseract+ppocr": what ProcessOptions::engines accepts besides empty.
QStringList engineChoices();
/// "fast", "accurate".
QStringList profileChoices();
QString defaultProfile(); ///< "accurate"

/// A project's choice, as kept in its meta table. Empty: not chosen (the default applies).
struct EngineChoice {
    QString engines; ///< empty: the profile decides
    QString profile; ///< empty: defaultProfile()
};

/// Reads the choice kept in the project; values that are not valid choices read as empty.
Result<EngineChoice> readEngineChoice(ProjectStore& store);
/// Keeps the choice in the project; an empty value removes nothing but is stored empty (the default).
Status writeEngineChoice(ProjectStore& store, const EngineChoice& choice);

/// What a choice comes to here.
struct ResolvedEngines {
    QString engines; ///< one of engineChoices()
    QString profile; ///< one of profileChoices()
    /// Why the engines differ from what the profile asked for (English, for --json and logs), e.g.
    /// "ppocr is not available (models missing): Tesseract reads alone".
    QStringList notes;
    /// The engine fallen back from and why (for translated messages); empty when none.
    QString fellBackFrom, fallbackReason;
};

/// The engines the profile asks for: fast → "tesseract"; accurate → "tesseract+ppocr".
QString enginesOfProfile(const QString& profile);

/// The engines a choice needs, split: "tesseract+ppocr" → {"tesseract", "ppocr"}.
QStringList enginesIn(const QString& engines);

/// Why `name` cannot be used here (not registered, or unavailable with its reason); empty when it can.
QString unavailableReason(const QString& name, const std::vector<EngineInfo>& engines);

/// Resolves a choice against the engines available here. `explicitEngines`: the engines were asked
/// for by name (a command-line flag): an unavailable one is an error (Unavailable, naming the engine and
/// the reason). Otherwise (the profile's choice, or a project's stored one) an unavailable PP-OCR falls
/// back to Tesseract alone with a note. Errors: InvalidInput (not a valid choice), Unavailable (an
/// explicit engine, or Tesseract itself, cannot be used).
Result<ResolvedEngines> resolveEngines(const EngineChoice& choice, bool explicitEngines,
                                       const std::vector<EngineInfo>& engines);

} // namespace incidoc
