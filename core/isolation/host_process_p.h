#pragma once
// One page host as its parent sees it: starting the helper program, one request and its answer under
// a time budget per phase, a memory budget and a cancel token, and ending it (reaping, or killing). No
// policy: what a death or a hang means for the request is the pool's (host_pool.cpp).

#include "core/isolation/host_pool.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace incidoc::hosts {

struct HostProcess {
    pid_t pid = -1;    ///< -1 once reaped
    int toHost = -1;   ///< its stdin
    int fromHost = -1; ///< its stdout
};

/// Starts `program arguments` with pipes on its stdin and stdout, QT_QPA_PLATFORM=offscreen (it needs
/// no display) and OMP_THREAD_LIMIT=1 (it OCRs one page at a time). Errors: Unavailable.
Result<HostProcess> startHost(const QString& program, const QStringList& arguments);

/// Closes its pipes and makes sure it is gone: `kill` first, else a moment for an idle host to end by
/// itself (its stdin closed), then SIGKILL. Reaps it.
void endHost(HostProcess& host, bool kill);

/// How a call ended. Stale: the host was gone before it read the request (killed while idle, e.g. by
/// the OOM killer): not the request's doing.
enum class CallEnd { Answered, Died, Hung, OverMemory, Cancelled, Stale };

struct CallResult {
    CallEnd end = CallEnd::Answered;
    QByteArray body;  ///< Answered: the answer frame
    int signal = 0;   ///< Died: the signal that ended the host (0: it exited; it is reaped)
    int budgetMs = 0; ///< Hung: the budget of the phase it hung in
};

/// Sends `request` and waits for the answer, holding each phase to its budget (the clock starts again
/// when the host says its page entered another phase), the host's resident memory to
/// `memoryLimitBytes` (0: none; checked twice a second) and watching `cancel`.
CallResult callHost(HostProcess& host, const QByteArray& request, const PageBudgets& budgets, qint64 memoryLimitBytes,
                    const CancelToken& cancel);

} // namespace incidoc::hosts
