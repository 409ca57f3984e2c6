#pragma once
// Sensitive data in a project: what a redacted export replaces. Found by typed fields (an entity's field),
// word labels whose name says what they hold ("name", "phone", "signature" ...), key -> value pairs (a key
// "Driver:", "Witness:", "Name:", "DOB:", "Phone:", "Address:", "Plate:", "VIN:" ... → its value; the
// page's stored links, else links proposed from the layout on the fly, core/forms/propose.h, and a header
// line of keys over a table's column; a key ending in ':' and the words after it on its line), patterns
// (phones, emails, dates, plates, VINs, ID numbers such as SSNs), and a person's marks (sensitive, or
// not sensitive: overrules everything else on those words). Then every other mention of a value found in
// the project — on any page of any document, in any case, spacing or punctuation, split across words or a
// line break, inside a longer word — is found too. A name's single words are mentions when capitalised
// ("Pritchard said"), not when written as an ordinary word in lower case ("up the hill" for "Grace Hill").
//
// Threading: a SensitiveFinder is used by one thread; the free functions are reentrant.

#include "core/forms/fields.h"
#include "core/model/forms.h"
#include "core/model/records.h"
#include "core/model/redaction.h"
#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace incidoc {

class ProjectStore;

/// Why something is redacted.
enum class FindingSource { Field, Label, KeyValue, Pattern, Mention, Manual };
QString toString(FindingSource source); ///< "field", "label", "key_value", "pattern", "mention", "manual"

/// One page as the finder reads it.
struct RedactionPageInput {
    DocumentId document = 0;
    PageRecord page;
    std::vector<WordRecord> words; ///< the page's words in reading order (character boxes not needed)
    PageForm form;                 ///< stored entities (text and box filled) and links; may be empty
    std::vector<RedactionMark> marks;
};

/// One sensitive value found on a page.
struct SensitiveFinding {
    SensitiveType type = SensitiveType::Other;
    FindingSource source = FindingSource::Pattern;
    DocumentId document = 0;
    PageId page = 0;
    int pageNumber = 0;
    std::vector<WordId> words; ///< the whole words holding it, in reading order; empty for a bare region
    PixelBox box;              ///< the union of the words' boxes, or the region
    QString text;              ///< the value as it reads on the page (its words joined with spaces)
    QString key;               ///< valueKey(type, text): the same value anywhere has the same key; a Mention:
                               ///< the key of the value it mentions ("Pritchard's" -> "jonahrpritchard")
    RedactionMarkId mark = 0;  ///< Manual: the mark it comes from
    int value = -1;            ///< plan(): index into RedactionPlan::values (-1: a bare region, no text)
};

/// One distinct sensitive value of the project: what mentions and the leak check look for.
struct SensitiveValue {
    SensitiveType type = SensitiveType::Other;
    QString text; ///< as first found
    QString key;  ///< valueKey(type, text)
};

/// How one word is rewritten by a redacted export.
struct WordRedaction {
    SensitiveType type = SensitiveType::Other;
    int finding = 0; ///< index into RedactionPlan::findings
    int part = 0;    ///< this word's place among the finding's words (0-based) ...
    int parts = 1;   ///< ... and their number
};

/// Everything a redacted export replaces.
struct RedactionPlan {
    std::vector<SensitiveFinding> findings; ///< by document, page, reading order of the first word
    std::vector<SensitiveValue> values;     ///< distinct (type, key), in the order first found
    QHash<WordId, WordRedaction> words;     ///< every word to rewrite (a word in two findings: the first)
    /// Image areas filled beyond the redacted words' boxes (regions, signatures, photos), per page.
    std::map<PageId, std::vector<PixelBox>> fills;
    std::set<WordId> overruled; ///< words a person marked not sensitive (never rewritten)
    /// Findings per type and per source (for the report and the Redaction panel's header).
    std::map<SensitiveType, int> countByType() const;
};

/// The comparison key of a value: what two mentions of one value share whatever their case, spacing or
/// punctuation: a phone's digits (a North American number without its leading 1), an email in lower case,
/// a plate, VIN or ID number's letters and digits in upper case, a name's letters (personNameKey), a date
/// as ISO ("1988-07-22") when it parses, else its letters and digits in lower case.
QString valueKey(SensitiveType type, const QString& text);

/// The key -> value keys the finder knows ("Driver", "Date of birth", "Phone", "VIN", "Signature" ...) and
/// their types, for a key as written ("Driver's License No.:" is "driver's license no"); nullopt: not a key
/// of sensitive data. A key of a few words ending in a known one counts too ("Vehicle owner").
std::optional<SensitiveType> sensitiveTypeOfKey(const QString& key);

/// Finds sensitive data in two passes over the same pages in the same order: scan() each page (fields,
/// labels, key -> value, patterns, marks), then findMentions() each page (mentions of every value scan()
/// found anywhere), then plan().
class SensitiveFinder {
public:
    explicit SensitiveFinder(std::vector<LabelRecord> labels, FieldPatterns patterns = {});
    ~SensitiveFinder();
    SensitiveFinder(const SensitiveFinder&) = delete;
    SensitiveFinder& operator=(const SensitiveFinder&) = delete;

    void scan(const RedactionPageInput& page);
    void findMentions(const RedactionPageInput& page);
    RedactionPlan plan();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The plan for a whole project (or the documents given): every imported document's processed pages,
/// read twice in one read transaction (the project's patterns, labels and marks with them). Errors: Storage,
/// InvalidInput (a document asked for that the project does not have).
Result<RedactionPlan> planRedaction(ProjectStore& store, const std::vector<DocumentId>& documents = {});

} // namespace incidoc
