#pragma once
// Proposals for forms, from the layout alone: OCR words grouped into entities (phrases along a line, lines
// of one paragraph, never across a ruled line), key -> value links between entities (a key ending in ':' or
// labelled "question" and the value to its right or below it; a table's column header over its cells), and a
// labelled form carried onto another page with the same layout (aligned by anchor words).
// An annotator accepts or rejects each proposal; nothing here is stored.
//
// Everything is in page pixels (core/model/geometry.h). Threading: every function is reentrant.

#include "core/model/forms.h"
#include "core/model/records.h"

#include <QImage>
#include <QString>

#include <vector>

namespace incidoc {

/// A proposed entity: some of the words handed to proposeEntities().
struct ProposedEntity {
    std::vector<int> words; ///< indices into the words given, in reading order (left to right, top to bottom)
    QString label;          ///< a guess: "question", "answer", "header" or "other" (entityRoles())
    QString text;           ///< the words' texts joined with spaces
    PixelBox box;           ///< union of the words' boxes
};

/// A proposed link between two entities of the list given to proposeLinks().
struct ProposedLink {
    int from = 0, to = 0;             ///< indices into the entities: the key (question) and its value (answer)
    QString type = defaultLinkType(); ///< defaultLinkType()
    double score = 0;                 ///< 0..1, higher is surer; proposals come sorted by descending score
};

/// Groups a page's words into entities: words follow each other along a line while the gap between them is
/// small for their height; a word ending in ':' closes its entity (a key); lines of one paragraph join (close
/// line spacing, aligned left edges, similar heights, the upper line full: its end is where the next line's
/// first word would not have fit; the upper line not a key). When `page` (the page image, any format) is
/// given (in page pixels, the grid of the words' boxes), the ruled lines found on it (long dark runs) separate words
/// and lines as well, so an entity never crosses the rule between two cells. Every word with text and a box belongs to
/// exactly one entity; the others to none. Entities come in reading order, each with a label guess (guessLabels()).
std::vector<ProposedEntity> proposeEntities(const std::vector<WordRecord>& words, const QImage& page = {});

/// Guesses a label for each entity from its text and layout: a key ("question") ends in ':', or (unless it
/// is the value of such a key) is a short label of words with something on its right on its line or heading
/// a column of entries; an entity right of or just below a key is its value ("answer"); a line alone on its
/// row, in capitals or taller than the page's text, is a "header"; the rest is "other". Entities are read by
/// `text` and `box` only. On FUNSD's 149 training forms 62 % of the labels come out right (bench_forms).
/// `bold` (when given, one per entity): entities set in bold, keys like a text ending in ':'.
std::vector<QString> guessLabels(const std::vector<EntityRecord>& entities, const std::vector<bool>& bold = {});

/// Which words are set in bold on `page` (the page image in page pixels): a word whose strokes are much
/// wider than the page's usual word's (the mean length of its dark runs along each row at least 1.35 times
/// the median of the page's words). All false without an image or with
/// fewer than 8 words to compare with.
std::vector<bool> boldWords(const std::vector<WordRecord>& words, const QImage& page);

/// Proposes key -> value links between the entities of one page (read: `text`, `box`, `label`; an empty
/// label is guessed with guessLabels()). Each value ("answer") gets the key ("question") that names it: on
/// its line to its left (to its right for a checkbox mark), else above it or above and to the left (an
/// indented value), with no other entity in between; a table's cell gets its row's header (past the row's
/// other cells) and its column's header (past the column's other cells). A key with a value on its right
/// does not also take the values below it unless it heads a column. Links never repeat (an undirected pair
/// once) and never join an entity to itself.
std::vector<ProposedLink> proposeLinks(const std::vector<EntityRecord>& entities);

/// How carryForm() aligned the two pages.
struct PageAlignment {
    double scaleX = 1, scaleY = 1, dx = 0, dy = 0; ///< target = source * scale + d
    int anchors = 0;                               ///< anchor words that agree with the fit (inliers)
    bool valid = false;                            ///< false: too few anchors agreed; nothing is carried
};

/// Aligns `toWords` to `fromWords` by anchor words (a text found exactly once on each page, of at least 3
/// characters with a letter or digit): a consensus of anchor pairs on a scale per axis (0.67 to 1.5, the two
/// within 10 % of each other: scans of one printed form) and a translation, then least squares on the anchors
/// that agree with it. Valid when at least 3 anchors agree.
PageAlignment alignPages(const std::vector<WordRecord>& fromWords, const std::vector<WordRecord>& toWords);

/// Carries a labelled form from one page to another page with the same layout: the pages are aligned
/// (alignPages()), each entity's box (its words' boxes on `fromWords`, else its `box`) is mapped onto the
/// target page and takes the target words whose centres fall inside it (a word inside two takes the smaller),
/// in reading order; entities that find no words are dropped with their links.
/// Carried entities keep the `id`, `label` and `field` of the entities they come from and get `words` (the
/// target words' ids), `text`, `box` and `pageId` from those words. Carried links keep `from`, `to` and
/// `type` (so they still refer to the carried entities: map the ids when storing) and get `id` 0. Both get
/// `source` carriedSource() and `proposed` true. No alignment (fewer than 3 anchors agree): an empty form,
/// never a guess.
PageForm carryForm(const std::vector<WordRecord>& fromWords, const PageForm& fromForm,
                   const std::vector<WordRecord>& toWords);

} // namespace incidoc
