#pragma once
// Generation stamps for background work whose result may arrive after it stopped mattering (a render of
// a page the user has left, the progress of an export that was restarted, thumbnails of a document list
// that was reloaded): stamp each request when it starts, and drop a result whose stamp is no longer the
// current one. After KDAB hotspot's JobTracker.
//
// Thread contract: thread-safe (one atomic); usually stamped and checked on the GUI thread, with the
// stamp carried through a worker as a value.

#include <atomic>

namespace incidoc {

class JobTracker {
public:
    using Generation = long long;

    /// Stamps a new request: from now on, only results stamped with the returned generation are current.
    Generation start() { return ++m_generation; }
    /// Everything in flight becomes stale, and nothing new starts.
    void invalidate() { ++m_generation; }
    /// The stamp of the latest request (0: none yet).
    Generation current() const { return m_generation.load(); }
    /// A result stamped `generation` still matters: nothing was started or invalidated since.
    bool isCurrent(Generation generation) const { return generation == m_generation.load(); }

private:
    std::atomic<Generation> m_generation{0};
};

} // namespace incidoc
