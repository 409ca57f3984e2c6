#pragma once
// Proposals stored in the project: entities and key -> value links proposed from a page's layout
// (core/forms/propose.h), or a labelled page's form carried onto another page with the same layout. They
// are stored as proposals (`proposed`, source "proposal" / "carried") a person accepts or rejects, or
// accepted at once. What `incidoc-cli propose` and the app's Form menu run.
//
// Threading: not thread-safe (uses `store`).

#include "core/model/forms.h"
#include "core/model/records.h"
#include "core/util/result.h"

#include <QImage>

#include <vector>

namespace incidoc {

class ProjectStore;

struct ProposeOptions {
    bool entities = true; ///< group the words that are in no entity yet
    bool links = true;    ///< link keys to values among the page's entities (the new ones too)
    bool accept = false;  ///< store them accepted (not as proposals)
};

struct ProposalCounts {
    int entities = 0, links = 0;
};

/// The page image proposals may use to find ruled lines: the source image when its pixels are the
/// page's (an image file's page); a null image otherwise (proposals then use the words alone).
QImage proposalImage(const DocumentRecord& document, const PageRecord& page);

/// Proposes on page `page`, every write in edit group `group` (0: a new one). A pair of entities already
/// linked either way is not proposed again.
Result<ProposalCounts> proposeOnPage(ProjectStore& store, PageId page, const ProposeOptions& options,
                                     const QImage& image = {}, long long group = 0);

/// A labelled page to carry: its words and its accepted entities and links.
struct CarrySource {
    PageId page = 0;
    std::vector<WordRecord> words;
    PageForm form;
};

/// Reads page `page` as a source to carry. Errors: InvalidInput when it has no accepted entity.
Result<CarrySource> carrySource(ProjectStore& store, PageId page);

/// Carries `source`'s form onto page `page` (aligned by anchor words; nothing when the pages do not align
/// or the page has entities of its own), in edit group `group` (0: a new one).
Result<ProposalCounts> carryOntoPage(ProjectStore& store, const CarrySource& source, PageId page, bool accept,
                                     long long group = 0);

} // namespace incidoc
