#pragma once
// Page hosts: helper processes that render, classify, prepare and OCR pages for the app, so that a page
// which crashes, hangs or exhausts memory in Poppler or Tesseract ends a helper, never the app and the
// annotator's session (the CLI has its own supervisor, app/cli/supervisor.h).
//
// A host does one thing at a time: a host that dies died of the page it held (or of the system: the
// OOM killer, a stray kill), so a page is tried once more on a fresh host and then failed; a page over
// its time or memory budget is failed at once. Reasons start with kIsolationFailurePrefix, like the CLI
// supervisor's, so the app never renders such a page in its own process. The pool keeps idle hosts, and
// with them their loaded Tesseract, for the next call. The host side is runPageHost(), which the helper
// program `incidoc-page-host` (app/page-host, core only) runs.

#include "core/import/importer.h"
#include "core/model/records.h"
#include "core/ocr/ocr_engine.h"
#include "core/pipeline/page_processor.h"
#include "core/pipeline/workplace.h"
#include "core/remote/remote_options.h"
#include "core/render/page_renderer.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace incidoc {

struct PageHostOptions {
    QString program;       ///< the helper program; empty: no isolation (the caller works in-process)
    QStringList arguments; ///< passed to `program`
    /// A host whose resident memory grows over this is stopped and its page failed (0: no limit).
    qint64 memoryLimitBytes = 4096LL * 1024 * 1024;
    /// Added to a phase's own budget (its time limit x1.25) before it counts as hung:
    /// a host's start and Tesseract's first load are not the page's fault.
    int slackMs = 10'000;
};

/// The installed helper program: `incidoc-page-host` beside this program (a build tree), else in
/// ../libexec/incidoc (an installed package). Empty when neither exists.
QString pageHostProgram();

/// The time a page may spend in each phase before it counts as hung, each the phase's own limit x1.25
/// plus the slack (0: no limit). A page hung in Poppler's parser, which never polls the abort callback,
/// is given up when its render budget is over, not after the OCR's too.
struct PageBudgets {
    int inspectMs = 0; ///< opening a file for import (hashing it, parsing it): a fixed 120 s plus the slack
    int renderMs = 0;  ///< text layer, render and preparation: from the render time limit
    int ocrMs = 0;     ///< OCR: from the OCR deadline (with workers: every round the remote engine may try)
    int of(PagePhase phase) const { return phase == PagePhase::Ocr ? ocrMs : renderMs; }
};

/// The one place page budgets come from (page hosts and the CLI supervisor). With `remote` workers
/// the OCR phase gets the engine's three rounds of (OCR deadline + call slack) and the connect timeout.
PageBudgets pageHangBudgets(const ProcessOptions& options, int slackMs = 10'000, const RemoteOptions* remote = nullptr);

/// The reasons an isolated page fails with (stored in the project; they start with
/// kIsolationFailurePrefix and are not translated: the app matches them). `what`: "page" or "file".
QString isolationCrashReason(const char* what, int signal);
QString isolationHangReason(const char* what, int budgetMs);
QString isolationHangReason(int budgetMs); ///< of a page
QString isolationMemoryReason(const char* what, qint64 limitBytes);
/// "signal 11: Segmentation fault".
QString signalDescription(int signal);
/// Resident memory of a process (Linux /proc), 0 when it cannot be read.
qint64 residentBytesOf(qint64 pid);

/// Thread contract: every function is thread-safe; calls run in parallel, each on its own host.
/// Destroy the pool only once no call is running (its owner waits for its threads first).
class PageHostPool {
public:
    /// Makes the process ignore SIGPIPE if it has the default action (a dead host is an error, not the
    /// end of the process).
    explicit PageHostPool(PageHostOptions options);
    ~PageHostPool(); ///< ends every idle host
    PageHostPool(const PageHostPool&) = delete;
    PageHostPool& operator=(const PageHostPool&) = delete;

    const PageHostOptions& options() const;

    /// processPage() in a host. A page that ends two hosts, hangs or goes over the memory budget comes
    /// back as a Failed outcome with the reason. Errors: Cancelled (the host is stopped), Unavailable
    /// (no host can be started, or `remote` workers cannot be reached with fallback Stop: the run stops,
    /// its pages stay queued). `remote`: the host OCRs on these workers (it connects once and keeps the
    /// connection); null: with its own Tesseract.
    Result<PageOutcome> process(const PageJob& job, const ProcessOptions& options, const CancelToken& cancel,
                                const RemoteOptions* remote = nullptr);
    /// renderPage() in a host, for display. A page that crashes or hangs the renderer is an Engine or
    /// Timeout error with the reason (also starting with kIsolationFailurePrefix).
    Result<RenderedPage> render(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                const CancelToken& cancel = {});
    /// inspectFile() in a host (opening a PDF parses it: the first place a crafted file can crash). A file
    /// that crashes two hosts or hangs is an InvalidInput error with the reason ("processing this file
    /// crashed ..."), recorded like any file that cannot be imported.
    Result<InspectedFile> inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial = nullptr,
                                  const CancelToken& cancel = {});
    /// OCR of an image (a region an annotator drew) in a host.
    Result<RecognizedPage> recognize(const QImage& image, const OcrOptions& options, const CancelToken& cancel = {});

    int hostsStarted() const; ///< for tests and logs: hosts started so far
    int hostsLost() const;    ///< hosts that died, hung or were stopped over budget

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

/// The Workplace of the app and the CLI: everything runs in page hosts. Opening files, processing pages
/// and rendering pages for the export go to one pool of hosts; display renders and region OCR to another,
/// so a long run never makes the page someone opens wait. Thread-safe.
class HostedWorkplace final : public Workplace {
public:
    explicit HostedWorkplace(const PageHostOptions& options);

    Result<InspectedFile> inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial) override;
    Result<RenderedPage> render(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                const CancelToken& cancel) override;
    Result<PageOutcome> process(const PageJob& job, const ProcessOptions& options, const CancelToken& cancel,
                                const RemoteOptions* remote = nullptr, const PhaseFn& onPhase = {}) override;
    Result<RenderedPage> renderForDisplay(const QString& path, DocumentKind kind, int number,
                                          const RenderOptions& options, const CancelToken& cancel) override;
    Result<RecognizedPage> recognize(const QImage& image, const OcrOptions& options,
                                     const CancelToken& cancel) override;
    bool isolated() const override { return true; }

    /// The two pools (for tests and logs: hosts started and lost).
    const std::shared_ptr<PageHostPool>& processing() const { return m_processing; }
    const std::shared_ptr<PageHostPool>& interactive() const { return m_interactive; }

private:
    std::shared_ptr<PageHostPool> m_processing;
    std::shared_ptr<PageHostPool> m_interactive;
};

/// The host's side: answers requests on stdin with results on stdout until stdin closes or the parent
/// process goes away. Call from main() after the Q(Gui)Application is made; returns the exit code.
int runPageHost();

} // namespace incidoc
