#pragma once
// Isolation for `import` and `ocr`: the command runs in a child process (this program again, with
// INCIDOC_CHILD=1) and this process watches it. Poppler and Tesseract call abort() on some internal
// failures, and a crafted file can crash or hang them: when the child dies, a page hangs past its
// phase's time budget (page_host.h), a file past its budget as it is opened, or the child's memory
// passes its budget, the supervisor finds the page (or the file being opened) responsible from what the
// child lists as in flight (a file it rewrites as pages start, change phase and end; the project learns
// of claims later, in batches), records it as failed with the reason, and starts the child again on the
// rest. Nothing committed is lost: each page's
// result and status commit together.
//
// Finding the page: a crash with one page in flight fails that page; with several, each becomes a
// suspect and runs again alone, first; a suspect that crashes again (alone or not) fails.

#include "core/model/records.h"
#include "core/pipeline/page_host.h"
#include "core/util/cancel_token.h"

#include <QString>
#include <QStringList>

#include <map>
#include <mutex>

namespace incidoc::cli {

struct SupervisorOptions {
    QString program;       ///< this executable
    QStringList arguments; ///< the command line without the program
    QString project;
    PageBudgets budgets;            ///< a page in a phase for longer is hung: the child is stopped
    long long memoryLimitBytes = 0; ///< the child's resident memory budget; 0: none
    bool quiet = false;
    bool json = false;
};

/// Runs the command supervised; returns its exit status (2 when pages or files had to be skipped).
/// `interrupt` (Ctrl-C, SIGTERM) is passed on to the child, which stops cleanly.
int superviseCommand(const SupervisorOptions& options, const CancelToken& interrupt);

/// The child's list of its pages in flight (the file child_env::kInFlight names): one line per page,
/// "page-id TAB document-id TAB number TAB phase TAB since TAB path", since = when the phase began
/// (CLOCK_MONOTONIC milliseconds: the same clock in both processes). Rewritten whole and renamed into
/// place at every change, so the supervisor never reads half a list. Thread-safe.
class InFlightList {
public:
    explicit InFlightList(QString path) : m_path(std::move(path)) {}
    void set(const PageJob& job, bool inFlight); ///< a page starts (in its render phase) or ends
    void enter(const PageJob& job, PagePhase phase);

private:
    void write(); // with m_mutex held
    struct Entry {
        PageJob job;
        PagePhase phase = PagePhase::Render;
        qint64 sinceMs = 0;
    };
    std::mutex m_mutex;
    std::map<PageId, Entry> m_pages;
    QString m_path;
};

/// Environment the supervisor gives the child (read by cli.cpp in the child).
namespace child_env {
inline constexpr const char* kChild = "INCIDOC_CHILD";                  ///< "1": run the command here
inline constexpr const char* kCommand = "INCIDOC_CHILD_COMMAND";        ///< "ocr": the files are registered
inline constexpr const char* kInspectMarker = "INCIDOC_INSPECT_MARKER"; ///< write the file being opened here
inline constexpr const char* kInFlight = "INCIDOC_IN_FLIGHT";           ///< keep the pages in flight listed here
inline constexpr const char* kSkipFiles = "INCIDOC_SKIP_FILES";         ///< file listing paths to leave out
inline constexpr const char* kAloneFirst = "INCIDOC_ALONE_FIRST";       ///< page ids to run alone, first
inline constexpr const char* kFailures = "INCIDOC_SUPERVISOR_FAILURES"; ///< JSON lines: what was skipped
inline constexpr const char* kCounts = "INCIDOC_CHILD_COUNTS";          ///< the child keeps "done failed words" here
inline constexpr const char* kPriorCounts = "INCIDOC_PRIOR_COUNTS";     ///< "done failed words" of earlier children
} // namespace child_env

} // namespace incidoc::cli
