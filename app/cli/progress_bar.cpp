#include "app/cli/progress_bar.h"

#include <QCoreApplication>

#include <cstdio>

#include <unistd.h>

namespace incidoc::cli {
namespace {

/// The bar's words go through the CLI's translations (context "cli", see cli.cpp).
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

} // namespace

ProgressBar::ProgressBar(bool enabled)
    : m_enabled(enabled && ::isatty(STDERR_FILENO)), m_start(std::chrono::steady_clock::now())
{
}

void ProgressBar::setTotal(int total)
{
    std::lock_guard guard(m_mutex);
    m_total = total;
    m_start = std::chrono::steady_clock::now();
    draw(true);
}

void ProgressBar::update(int done, int failed)
{
    std::lock_guard guard(m_mutex);
    m_done = done;
    m_failed = failed;
    draw(done + failed >= m_total);
}

void ProgressBar::finish()
{
    std::lock_guard guard(m_mutex);
    if (m_enabled && m_drawn)
        std::fprintf(stderr, "\r\033[K");
    m_drawn = false;
}

void ProgressBar::message(const QString& line)
{
    std::lock_guard guard(m_mutex);
    if (m_enabled && m_drawn)
        std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr, "%s\n", qPrintable(line));
    if (m_drawn)
        draw(true);
}

void ProgressBar::draw(bool force)
{
    if (!m_enabled || m_total <= 0)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    const int finished = m_done + m_failed;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const double rate = seconds > 0 ? finished / seconds : 0;
    const int width = 30;
    const int filled = m_total ? width * finished / m_total : 0;
    QString bar = QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
    QString left = QStringLiteral("--:--");
    if (rate > 0) {
        const int s = static_cast<int>((m_total - finished) / rate);
        left = QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    QString line = Cli::tr("[%1] %2/%3 pages  %4 pages/s  %5 left")
                       .arg(bar)
                       .arg(finished)
                       .arg(m_total)
                       .arg(rate, 0, 'f', 2)
                       .arg(left);
    if (m_failed)
        line += Cli::tr("  (%1 failed)").arg(m_failed);
    std::fprintf(stderr, "\r\033[K%s", qPrintable(line));
    std::fflush(stderr);
    m_drawn = true;
}

} // namespace incidoc::cli
