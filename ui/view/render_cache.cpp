#include "ui/view/render_cache.h"

#include <cstdlib>

namespace incidoc::ui {

const RenderCache::Entry* RenderCache::find(PageId page, int dpi)
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->page == page && it->dpi == dpi) {
            m_entries.splice(m_entries.begin(), m_entries, it);
            return &m_entries.front();
        }
    }
    return nullptr;
}

const RenderCache::Entry* RenderCache::best(PageId page, int dpi)
{
    const Entry* chosen = nullptr;
    long score = 0;
    for (const auto& e : m_entries) {
        if (e.page != page)
            continue;
        // A sharper render scaled down looks better than a blurrier one scaled up: favour it.
        const long s = e.dpi >= dpi ? (e.dpi - dpi) : 4L * (dpi - e.dpi);
        if (!chosen || s < score) {
            chosen = &e;
            score = s;
        }
    }
    return chosen;
}

void RenderCache::insert(PageId page, int dpi, const QPixmap& pixmap)
{
    if (pixmap.isNull())
        return;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->page == page && it->dpi == dpi) {
            m_bytes -= sizeOf(it->pixmap);
            m_entries.erase(it);
            break;
        }
    }
    m_entries.push_front({page, dpi, pixmap});
    m_bytes += sizeOf(pixmap);
    while (m_bytes > m_budget && m_entries.size() > 1) {
        m_bytes -= sizeOf(m_entries.back().pixmap);
        m_entries.pop_back();
    }
}

void RenderCache::removePage(PageId page)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->page == page) {
            m_bytes -= sizeOf(it->pixmap);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace incidoc::ui
