#pragma once
// FUNSD JSON of one bundle page (funsd/<doc>/page-NNNN.json): the page as a form, in FUNSD's own shape,
// so form-understanding loaders (FUNSD, XFUND, LayoutLM's scripts) read it unchanged. Reentrant.

#include "core/export/bundle_page.h"

#include <QByteArray>
#include <QString>

namespace incidoc {

/// The FUNSD label an entity exports with: its label when it has one, "answer" for an unlabelled entity
/// that carries a typed field (a value), else "other".
QString funsdLabel(const EntityRecord& entity);

/// {"form": [{"id", "text", "box" [x0, y0, x1, y1], "label", "words" [{"text", "box"}], "linking"
/// [[from, to], ...]}]}. Entities keep their text, box and words as stored (an imported FUNSD page comes back
/// identical); their ids are their imported ids when every entity has an integer one, unique on the page
/// (sorted by it), else 0..n-1 in the page's order. A link is listed in both its entities' `linking`, as
/// FUNSD does. Every word not in an entity becomes an entity of its own, labelled "other" (in FUNSD every
/// word belongs to an entity), after the others.
QByteArray pageToFunsd(const BundlePage& page);

} // namespace incidoc
