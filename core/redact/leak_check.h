#pragma once
// The check a redacted export runs on what it wrote: does any original sensitive value appear in a text
// (an entry's decompressed text or XML, or the OCR of one of its images)? Matching follows the finder's
// rules (sensitive_finder.h): any case; any spacing or punctuation between the characters of a phone,
// plate, VIN or ID number; a name's full form in any case, and its single words only when capitalised;
// inside longer words; across line breaks. Values are compared through streams made once per text (its
// digits, its letters and digits, its letters, its characters without white space), each searched for all
// its values at once by their first three characters; dates are read where the text has one and compared by
// the day. Keys of fewer than 6 letters or digits (a badge "4471", a plate "AB 12") match only as whole words.
// Signatures and photos are areas of an image: nothing to look for in a text.
//
// Threading: a LeakMatcher is immutable after construction; find() is reentrant.

#include "core/redact/sensitive_finder.h"

#include <QString>

#include <memory>
#include <vector>

namespace incidoc {

/// One original value found in a text.
struct Leak {
    int value = 0;     ///< index into the values given to LeakMatcher
    qsizetype at = 0;  ///< where in the text (a character index)
    qsizetype end = 0; ///< just past its last character
};

class LeakMatcher {
public:
    explicit LeakMatcher(std::vector<SensitiveValue> values);
    ~LeakMatcher();
    LeakMatcher(LeakMatcher&&) noexcept;
    LeakMatcher& operator=(LeakMatcher&&) noexcept;

    const std::vector<SensitiveValue>& values() const;
    /// Every value found in `text` (the first place each is found), by value.
    std::vector<Leak> find(const QString& text) const;
    /// Every place a value is found in `text`, by place (a value's places may overlap another's).
    std::vector<Leak> findAll(const QString& text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace incidoc
