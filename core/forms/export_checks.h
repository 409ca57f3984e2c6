#pragma once
// Checks before export: what would make an exported dataset wrong or misleading. Dangling links, unlabelled
// entities on reviewed pages, empty or duplicate words, words outside their line, tiny boxes, boxes outside
// the page. The export dialog lists them; `incidoc-cli export --strict` refuses to write while any remain.
//
// Threading: every function is reentrant (no shared state).

#include "core/forms/fields.h"
#include "core/model/forms.h"
#include "core/model/records.h"

#include <vector>

namespace incidoc {

/// Boxes narrower or lower than this (page pixels) are "tiny": a slip of the mouse, not a word.
inline constexpr int kTinyBoxPixels = 3;

/// The findings on one page (`words` in reading order, `form` its entities and links), in page order:
/// kinds "dangling_link", "unlabelled_entity", "empty_word", "duplicate_word", "word_outside_line",
/// "tiny_box", "box_outside_page". Messages are English, for a person.
std::vector<FormFinding> exportChecks(const PageRecord& page, const std::vector<WordRecord>& words,
                                      const PageForm& form);

} // namespace incidoc
