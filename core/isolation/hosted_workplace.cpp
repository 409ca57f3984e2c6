#include "core/isolation/hosted_workplace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace incidoc {

QString pageHostProgram()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {here.filePath(QStringLiteral("incidoc-page-host")),
                                     here.filePath(QStringLiteral("../libexec/incidoc/incidoc-page-host"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    }
    return {};
}

HostedWorkplace::HostedWorkplace(const PageHostOptions& options)
    : m_processing(std::make_shared<PageHostPool>(options)), m_interactive(std::make_shared<PageHostPool>(options))
{
}

Result<InspectedFile> HostedWorkplace::inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial)
{
    return m_processing->inspect(path, limits, partial);
}

Result<RenderedPage> HostedWorkplace::render(const QString& path, DocumentKind kind, int number,
                                             const RenderOptions& options, const CancelToken& cancel)
{
    return m_processing->render(path, kind, number, options, cancel);
}

Result<PageOutcome> HostedWorkplace::process(const PageJob& job, const ProcessOptions& options,
                                             const CancelToken& cancel, const RemoteOptions* remote,
                                             const PhaseFn& /*onPhase: the pool follows the host's phases*/)
{
    return m_processing->process(job, options, cancel, remote);
}

Result<RenderedPage> HostedWorkplace::renderForDisplay(const QString& path, DocumentKind kind, int number,
                                                       const RenderOptions& options, const CancelToken& cancel)
{
    return m_interactive->render(path, kind, number, options, cancel);
}

Result<RecognizedPage> HostedWorkplace::recognize(const QImage& image, const OcrOptions& options,
                                                  const CancelToken& cancel)
{
    return m_interactive->recognize(image, options, cancel);
}

} // namespace incidoc
