#pragma once
// The order the review docks list findings in: documents in project order, then pages in page order;
// within a page, the order they came in (a stable sort). Shared by the Checks and Redaction docks.
//
// Thread contract: reentrant.

#include "core/model/records.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace incidoc::ui {

/// Sorts `items` (each with `document` and `pageNumber`) by the documents' place in `documents` (unknown
/// documents last), then by page number.
template <typename Item>
void sortByDocumentOrder(std::vector<Item>& items, const std::vector<DocumentRecord>& documents)
{
    std::map<DocumentId, int> rank;
    for (std::size_t i = 0; i < documents.size(); ++i)
        rank[documents[i].id] = static_cast<int>(i);
    auto rankOf = [&](DocumentId d) {
        auto it = rank.find(d);
        return it == rank.end() ? static_cast<int>(documents.size()) : it->second;
    };
    std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
        return std::pair(rankOf(a.document), a.pageNumber) < std::pair(rankOf(b.document), b.pageNumber);
    });
}

} // namespace incidoc::ui
