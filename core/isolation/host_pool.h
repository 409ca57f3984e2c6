#pragma once
// Page hosts: helper processes (`incidoc-page-host`, app/page-host, core only) that open files, render,
// classify, prepare and OCR pages and read drawn regions for the app and the CLI, so that a file which
// crashes, hangs or exhausts memory in Poppler or Tesseract ends a helper, never the caller.
//
// A host does one thing at a time: a host that dies died of the request it held (or of the system: the
// OOM killer, a stray kill), so a request is tried once more on a fresh host and then failed; a request
// over its time or memory budget is failed at once. The pool keeps idle hosts, and with them their
// loaded Tesseract, for the next call.
//
// Where each part lives: this pool and its policy (host_pool.cpp), one host process as its parent sees
// it (host_process_p.h), the wire format (wire_p.h), the host's side (host_server.h) and the Workplace
// made of two pools (hosted_workplace.h).

#include "core/import/importer.h"
#include "core/model/records.h"
#include "core/ocr/ocr_engine.h"
#include "core/pipeline/page_processor.h"
#include "core/remote/remote_options.h"
#include "core/render/page_renderer.h"
#include "core/util/cancel_token.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace incidoc {

struct PageHostOptions {
    QString program;       ///< the helper program (pageHostProgram())
    QStringList arguments; ///< passed to `program`
    /// A host whose resident memory grows over this is stopped and its request failed (0: no limit).
    qint64 memoryLimitBytes = 4096LL * 1024 * 1024;
    /// Added to a phase's own budget (its time limit x1.25) before it counts as hung: a host's start
    /// and Tesseract's first load are not the page's fault.
    int slackMs = 10'000;
};

/// The time a request may spend in each phase before it counts as hung, each the phase's own limit
/// x1.25 plus the slack (0: no limit). A page hung in Poppler's parser, which never polls the abort
/// callback, is given up when its render budget is over, not after the OCR's too.
struct PageBudgets {
    int inspectMs = 0; ///< opening a file for import (hashing it, parsing it): kInspectLimitMs x1.25 + slack
    int renderMs = 0;  ///< text layer, render and preparation: from the render time limit
    int ocrMs = 0;     ///< OCR: from the OCR deadline (with workers: every round the remote engine may try)
    int of(PagePhase phase) const { return phase == PagePhase::Ocr ? ocrMs : renderMs; }
};

/// How long opening one file for import may take: hashing and parsing a 2 GB file on a slow disk.
inline constexpr int kInspectLimitMs = 60'000;

/// The one place budgets come from. With `remote` workers the OCR phase gets the engine's three
/// rounds of (OCR deadline + call slack) and the connect timeout.
PageBudgets pageHangBudgets(const ProcessOptions& options, int slackMs = 10'000, const RemoteOptions* remote = nullptr);

/// The reasons an isolated request fails with (stored in the project, not translated: the app shows its
/// own text from the failure's kind). `what`: "page" or "file".
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
    /// renderPage() in a host. A page that crashes or hangs the renderer is an Engine or Timeout error
    /// with the reason.
    Result<RenderedPage> render(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                const CancelToken& cancel = {});
    /// inspectFile() in a host (opening a PDF parses it: the first place a crafted file can crash). A file
    /// that crashes two hosts or hangs is an InvalidInput (or Timeout) error with the reason ("processing
    /// this file crashed ..."), recorded like any file that cannot be imported.
    Result<InspectedFile> inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial = nullptr,
                                  const CancelToken& cancel = {});
    /// OCR of an image (a region an annotator drew) in a host.
    Result<RecognizedPage> recognize(const QImage& image, const OcrOptions& options, const CancelToken& cancel = {});

    int hostsStarted() const; ///< for tests and logs: hosts started so far
    int hostsLost() const;    ///< hosts that died, hung or were stopped over budget
    /// OCR calls the hosts made on workers (process() with `remote`), summed over every page so far.
    RemoteStats remoteStats() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

} // namespace incidoc
