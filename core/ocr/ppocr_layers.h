#pragma once
// Layers the rewritten PP-OCR recognizer uses that OpenCV 4.6's dnn module has no fast form of
// (tools/models/rewrite_ppocr.py writes them into the models).

namespace incidoc {

/// Registers the layers with OpenCV's layer factory, once per process; thread-safe. Call before reading
/// a rewritten recognizer.
void registerPpocrLayers();

} // namespace incidoc
