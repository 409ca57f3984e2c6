#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace incidoc {

/// A shared stop flag. One token feeds Poppler's abort callback, Tesseract's ETEXT_DESC cancel
/// and the pipeline's scheduling. Copies share the flag. Thread-safe.
class CancelToken {
public:
    CancelToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

/// A point in time after which work should give up; a default-constructed one never expires.
/// Value type; thread-safe to read.
class Deadline {
public:
    using Clock = std::chrono::steady_clock;

    Deadline() = default;
    static Deadline in(std::chrono::milliseconds ms)
    {
        Deadline d;
        d.m_at = Clock::now() + ms;
        d.m_set = ms.count() > 0;
        return d;
    }
    bool isSet() const { return m_set; }
    bool expired() const { return m_set && Clock::now() >= m_at; }
    /// Milliseconds left (0 when expired); a large number when unset.
    long long remainingMs() const
    {
        if (!m_set)
            return 1LL << 40;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_at - Clock::now()).count();
        return left > 0 ? left : 0;
    }

private:
    Clock::time_point m_at{};
    bool m_set = false;
};

} // namespace incidoc
