#pragma once
// Classify: decide whether a page's words come from its PDF text layer, whether it is blank, or
// whether it needs OCR. Pure functions of their inputs; reentrant.

#include "core/model/recognized_page.h"
#include "core/render/page_renderer.h"

#include <QImage>

#include <vector>

namespace incidoc {

enum class TextLayerQuality {
    None,    ///< no text at all (a scanned page)
    Garbage, ///< text that is not language: a font without a Unicode mapping, invisible junk
    Good,    ///< real text: take it instead of OCR
};

struct TextLayerAssessment {
    TextLayerQuality quality = TextLayerQuality::None;
    QString reason; ///< for logs and notes, e.g. "82% of characters are not letters, digits or punctuation"
};

TextLayerAssessment assessTextLayer(const std::vector<TextLayerWord>& words);

/// Turns text-layer words into a page: lines (words sharing a baseline band), blocks (lines close
/// together), reading order; confidence 100; engine "pdf text layer".
RecognizedPage textLayerToPage(const std::vector<TextLayerWord>& words);

/// True when a grey page carries no visible content (only paper, maybe faint noise or a border).
bool isBlankPage(const QImage& grey);

} // namespace incidoc
