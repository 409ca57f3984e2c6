#pragma once

#include <QString>

#include <chrono>
#include <mutex>

namespace incidoc::cli {

/// A one-line progress bar on stderr (pages done / total, pages per second, time left), drawn only
/// when stderr is a terminal. Thread-safe: update() may come from the writer thread.
class ProgressBar {
public:
    explicit ProgressBar(bool enabled);
    void setTotal(int total);
    void update(int done, int failed);
    /// Clears the line so that ordinary output can follow.
    void finish();
    /// Prints a line above the bar (e.g. a failure) without garbling it.
    void message(const QString& line);

private:
    void draw(bool force);

    std::mutex m_mutex;
    bool m_enabled;
    int m_total = 0, m_done = 0, m_failed = 0;
    std::chrono::steady_clock::time_point m_start, m_lastDraw;
    bool m_drawn = false;
};

} // namespace incidoc::cli
