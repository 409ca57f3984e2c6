#include "core/pipeline/workplace.h"

#include "core/ocr/tesseract_engine.h"
#include "core/remote/remote_engine.h"

#include <map>
#include <mutex>

namespace incidoc {
namespace {

class LocalWorkplace final : public Workplace {
public:
    explicit LocalWorkplace(std::shared_ptr<EnginePool> engines) : m_engines(std::move(engines)) {}

    Result<InspectedFile> inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial) override
    {
        return inspectFile(path, limits, partial);
    }

    Result<RenderedPage> render(const QString& path, DocumentKind kind, int number, const RenderOptions& options,
                                const CancelToken& cancel) override
    {
        return renderPage(path, kind, number, options, cancel);
    }

    Result<RenderedPage> renderForDisplay(const QString& path, DocumentKind kind, int number,
                                          const RenderOptions& options, const CancelToken& cancel) override
    {
        return renderPage(path, kind, number, options, cancel);
    }

    Result<PageOutcome> process(const PageJob& job, const ProcessOptions& options, const CancelToken& cancel,
                                const RemoteOptions* remote, const PhaseFn& onPhase) override
    {
        const QString tesseract = QString::fromLatin1(EnginePool::kTesseract);
        QString remoteFamily;
        if (remote) {
            if (Status ready = useCluster(*remote, options.languages); !ready.ok())
                return ready.error();
            remoteFamily = kRemoteEngine; // the workers read what Tesseract would; PP-OCR runs here
        }
        // Leased on the page's first use of each family, back to the pool when the page is done.
        std::map<QString, EngineLease> leases;
        EngineProvider provider = [&](const QString& family) -> Result<OcrEngine*> {
            const QString key = family == tesseract && !remoteFamily.isEmpty() ? remoteFamily : family;
            EngineLease& lease = leases[key];
            if (!lease) {
                auto leased = m_engines->acquire(key, options.languages);
                if (!leased)
                    return leased.error();
                lease = std::move(leased).value();
            }
            return lease.get();
        };
        return processPage(job, options, provider, cancel, onPhase);
    }

    Result<RecognizedPage> recognize(const QImage& image, const OcrOptions& options, const CancelToken& cancel) override
    {
        auto lease = m_engines->acquire(QString::fromLatin1(EnginePool::kTesseract), options.languages);
        if (!lease)
            return lease.error();
        return (*lease)->recognize(image, options, cancel);
    }

    bool isolated() const override { return false; }

    RemoteStats remoteStats() const override
    {
        std::lock_guard guard(m_clusterMutex);
        return m_cluster ? m_cluster->stats() : RemoteStats{};
    }

private:
    /// Registers the workers of `remote` as kRemoteEngine, connecting once per setting: a cluster is
    /// asked for its languages and threads once, not for every page.
    Status useCluster(const RemoteOptions& remote, const QString& languages)
    {
        const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6")
                                .arg(languages, remote.workers, remote.apiKeyFile, remote.tlsCaFile)
                                .arg(int(remote.fallback))
                                .arg(int(remote.tls) * 2 + int(remote.insecure));
        std::lock_guard guard(m_clusterMutex);
        if (key == m_clusterKey)
            return okStatus();
        auto connected = RemoteCluster::connect(remote, languages);
        if (connected) {
            m_cluster = *connected;
            m_engines->registerEngine(kRemoteEngine, m_cluster->engineFactory());
        } else if (remote.fallback == RemoteFallback::Local && connected.error().code == ErrorCode::Unavailable) {
            // No worker reachable: OCR here, as the user chose, until the settings change.
            m_cluster.reset();
            m_engines->registerEngine(kRemoteEngine, std::make_shared<TesseractEngineFactory>());
        } else {
            // The caller connected before the run; failing to now (a key refused since, a fleet gone)
            // stops the run instead of failing pages: they stay queued.
            return makeError(ErrorCode::Unavailable, connected.error().message);
        }
        m_clusterKey = key;
        return okStatus();
    }

    std::shared_ptr<EnginePool> m_engines;
    mutable std::mutex m_clusterMutex;
    QString m_clusterKey;                     ///< the settings kRemoteEngine was registered for
    std::shared_ptr<RemoteCluster> m_cluster; ///< the workers it was registered for (null: none, or fallback)
};

} // namespace

std::shared_ptr<Workplace> makeLocalWorkplace(std::shared_ptr<EnginePool> engines)
{
    return std::make_shared<LocalWorkplace>(engines ? std::move(engines) : std::make_shared<EnginePool>());
}

std::function<Result<RenderedPage>(const QString& path, const RenderOptions& options)>
firstPdfPageIn(std::shared_ptr<Workplace> workplace)
{
    return [workplace = std::move(workplace)](const QString& path, const RenderOptions& options) {
        return workplace->renderForDisplay(path, DocumentKind::Pdf, 1, options, CancelToken{});
    };
}

} // namespace incidoc
