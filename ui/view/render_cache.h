#pragma once
// Rendered page images kept for reuse, keyed by (page, dpi), least recently used dropped first once
// over a byte budget. Lets the page view show a lower-resolution render at once while a crisp one is
// being made. GUI thread only (holds QPixmaps).

#include "core/model/records.h"

#include <QPixmap>

#include <list>
#include <optional>

namespace incidoc::ui {

class RenderCache {
public:
    explicit RenderCache(qint64 budgetBytes = 384LL * 1024 * 1024) : m_budget(budgetBytes) {}

    struct Entry {
        PageId page = 0;
        int dpi = 0;
        QPixmap pixmap;
    };

    /// The exact render, marked as recently used; nullptr when not cached.
    const Entry* find(PageId page, int dpi);
    /// The cached render of `page` closest to `dpi` (preferring sharper ones); nullptr when none.
    const Entry* best(PageId page, int dpi);
    void insert(PageId page, int dpi, const QPixmap& pixmap);
    void removePage(PageId page);
    void clear()
    {
        m_entries.clear();
        m_bytes = 0;
    }
    qint64 bytes() const { return m_bytes; }
    int count() const { return static_cast<int>(m_entries.size()); }

private:
    static qint64 sizeOf(const QPixmap& p) { return qint64(p.width()) * p.height() * 4; }
    std::list<Entry> m_entries; // front: most recently used
    qint64 m_budget;
    qint64 m_bytes = 0;
};

} // namespace incidoc::ui
