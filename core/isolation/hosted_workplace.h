#pragma once
// The Workplace of the app and the CLI: everything a hostile file can crash, hang or exhaust memory
// with runs in page hosts (host_pool.h). Opening files, processing pages and rendering pages for the
// export go to one pool of hosts; display renders and region OCR to another, so a long run never makes
// the page someone opens wait.

#include "core/isolation/host_pool.h"
#include "core/pipeline/workplace.h"

#include <memory>

namespace incidoc {

/// The installed helper program: `incidoc-page-host` beside this program (a build tree), else in
/// ../libexec/incidoc (an installed package). Empty when neither exists.
QString pageHostProgram();

/// Thread-safe.
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
    RemoteStats remoteStats() const override { return m_processing->remoteStats(); }

    /// The two pools (for tests and logs: hosts started and lost).
    const std::shared_ptr<PageHostPool>& processing() const { return m_processing; }
    const std::shared_ptr<PageHostPool>& interactive() const { return m_interactive; }

private:
    std::shared_ptr<PageHostPool> m_processing;
    std::shared_ptr<PageHostPool> m_interactive;
};

} // namespace incidoc
