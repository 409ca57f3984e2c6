// `watch DIR...`: imports the files that land in the folders once they are complete, and processes their
// pages, until SIGINT or SIGTERM. The folders are watched on a thread of their own (registering a file
// reads and hashes it); pages are processed by a Pipeline created when there are pages and released once
// they are done, so that the app or `ocr` can take the project's processing lock between arrivals.

#include "app/cli/commands.h"
#include "app/cli/process_queued.h"
#include "core/import/folder_watch.h"
#include "core/storage/project_store.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <set>

namespace incidoc::cli {
namespace {

// A pipeline with nothing to do is released after this long (the processing lock goes with it).
constexpr int kIdleReleaseMs = 2000;
// While another process holds the processing lock, the queued pages are offered again this often.
constexpr int kRetryLockMs = 5000;

void printEvent(const QJsonObject& event)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(event).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QString problemText(FolderWatcher::Problem problem, const QString& folder, const QString& detail)
{
    switch (problem) {
    case FolderWatcher::Problem::Missing:
        return Cli::tr("note: the folder %1 is missing; it is watched for again").arg(folder);
    case FolderWatcher::Problem::Unreadable:
        return Cli::tr("note: the folder %1 cannot be read; it is looked at again at every rescan").arg(folder);
    case FolderWatcher::Problem::Unresolvable:
        return Cli::tr("note: the folder %1 cannot be resolved (a symbolic link loop or a link to nothing: %2)")
            .arg(folder, detail);
    }
    return {};
}

QString problemName(FolderWatcher::Problem problem)
{
    switch (problem) {
    case FolderWatcher::Problem::Missing: return QStringLiteral("missing");
    case FolderWatcher::Problem::Unreadable: return QStringLiteral("unreadable");
    case FolderWatcher::Problem::Unresolvable: return QStringLiteral("unresolvable");
    }
    return {};
}

/// The pages side: a pipeline while there are pages, their progress printed.
class PageRunner : public QObject {
public:
    PageRunner(const CliOptions& o, std::shared_ptr<Workplace> workplace, PipelineOptions options)
        : m_o(o), m_workplace(std::move(workplace)), m_options(std::move(options))
    {
        m_idle.setSingleShot(true);
        m_idle.setInterval(kIdleReleaseMs);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            if (m_outstanding.empty())
                m_pipeline.reset(); // nothing in flight: returns at once
        });
        m_retry.setInterval(kRetryLockMs);
        connect(&m_retry, &QTimer::timeout, this, &PageRunner::processQueued);
    }
    ~PageRunner() override { stop(); }

    void stop()
    {
        m_retry.stop();
        m_idle.stop();
        if (m_pipeline)
            m_pipeline->cancel();
        m_pipeline.reset(); // waits for the pages in flight to stop: they stay queued
    }

    /// Hands every queued page of the project to the pipeline (created when needed).
    void processQueued()
    {
        auto store = ProjectStore::open(m_o.project, OpenMode::ReadOnly);
        if (!store)
            return;
        auto jobs = (*store)->jobs(PageStatus::Queued);
        if (!jobs || jobs->empty()) {
            m_retry.stop();
            return;
        }
        if (!m_pipeline) {
            auto pipeline = Pipeline::create(m_o.project, m_options, [this](const PageProgress& p) {
                QMetaObject::invokeMethod(
                    this, [this, p] { onProgress(p); }, Qt::QueuedConnection);
            });
            if (!pipeline) {
                // Another process processes the project (the app, `ocr`): the pages wait, queued.
                if (!m_retry.isActive() && !m_o.quiet && !m_o.json)
                    err(Cli::tr("note: the pages wait, queued: %1").arg(pipeline.error().message));
                m_retry.start();
                return;
            }
            m_pipeline = std::move(pipeline).value();
            m_retry.stop();
            // Creating it put back pages a killed run left processing: list the queue again.
            if (auto again = (*store)->jobs(PageStatus::Queued))
                jobs = std::move(again);
        }
        for (const PageJob& j : *jobs) {
            m_outstanding.insert(j.pageId);
            m_paths.insert(j.documentId, j.path);
        }
        m_idle.stop();
        m_pipeline->enqueue(*jobs);
    }

private:
    void onProgress(const PageProgress& p)
    {
        m_outstanding.erase(p.pageId);
        const QString path = m_paths.value(p.documentId);
        if (m_o.json) {
            printEvent(QJsonObject{{QStringLiteral("event"), QStringLiteral("page")},
                                   {QStringLiteral("path"), path},
                                   {QStringLiteral("document_id"), p.documentId},
                                   {QStringLiteral("page"), p.number},
                                   {QStringLiteral("status"),
                                    p.status == PageStatus::Done ? QStringLiteral("done") : QStringLiteral("failed")},
                                   {QStringLiteral("words"), p.words},
                                   {QStringLiteral("error"), p.error.isEmpty() ? QJsonValue() : QJsonValue(p.error)}});
        } else if (p.status == PageStatus::Failed) {
            err(Cli::tr("  FAILED  %1 page %2: %3").arg(path).arg(p.number).arg(p.error));
        } else if (!m_o.quiet) {
            out(Cli::tr("  done    %1 page %2: %3 word(s)").arg(path).arg(p.number).arg(p.words));
        }
        if (p.number == 1 && p.status == PageStatus::Done)
            predictType(p.documentId);
        if (m_outstanding.empty())
            m_idle.start();
    }

    /// A document's first page is done: its type is predicted (when people typed some documents), and
    /// its pages are processed with the type's profile (the first one again if its options change).
    void predictType(DocumentId document)
    {
        auto store = ProjectStore::open(m_o.project);
        if (!store)
            return;
        auto predicted = predictTypesAfterFirstPage(m_o, **store, {document}, m_workplace);
        if (!predicted || predicted->predictions.empty())
            return;
        const TypePrediction& t = predicted->predictions.front();
        if (m_o.json)
            printEvent(QJsonObject{{QStringLiteral("event"), QStringLiteral("type")},
                                   {QStringLiteral("path"), m_paths.value(document)},
                                   {QStringLiteral("document_id"), document},
                                   {QStringLiteral("type"), t.type},
                                   {QStringLiteral("confidence"), t.confidence}});
        else if (!m_o.quiet)
            out(Cli::tr("  type    %1: %2 (%3 %)")
                    .arg(m_paths.value(document), t.type)
                    .arg(qRound(t.confidence * 100)));
        if (!predicted->again.empty())
            QTimer::singleShot(0, this, &PageRunner::processQueued);
    }

    const CliOptions& m_o;
    std::shared_ptr<Workplace> m_workplace;
    PipelineOptions m_options;
    std::unique_ptr<Pipeline> m_pipeline;
    std::set<PageId> m_outstanding;
    QHash<DocumentId, QString> m_paths;
    QTimer m_idle, m_retry;
};

} // namespace

int commandWatch(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt)
{
    FolderWatchOptions watch;
    for (const QString& folder : o.inputs)
        watch.folders << QFileInfo(folder).absoluteFilePath();
    watch.rescanSeconds = o.rescanSeconds;
    watch.stableForMs = o.stableForMs;
    watch.doneFolder = o.moveDone;
    watch.registration.limits = o.importLimits;
    watch.registration.inspector = workplace;

    PipelineOptions pipelineOptions = o.pipeline;
    if (!o.noOcr) {
        auto engines = chooseEngines(o);
        if (!engines) {
            err(Cli::tr("error: %1").arg(engines.error().message));
            return kExitUsage;
        }
        pipelineOptions.process.engines = engines->engines;
        pipelineOptions.process.profile = engines->profile;
    }
    pipelineOptions.workplace = workplace;
    PageRunner pages(o, workplace, pipelineOptions);

    QThread thread;
    thread.setObjectName(QStringLiteral("folder watch"));
    auto* watcher = new FolderWatcher(o.project, watch);
    watcher->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, watcher, &QObject::deleteLater);

    QEventLoop loop;
    int status = kExitOk;
    QObject::connect(watcher, &FolderWatcher::fileSettled, &loop, [&o](const ImportedFile& f) {
        if (o.json) {
            printEvent(QJsonObject{{QStringLiteral("event"), QStringLiteral("file")},
                                   {QStringLiteral("path"), f.path},
                                   {QStringLiteral("outcome"), importOutcomeName(f.outcome)},
                                   {QStringLiteral("document_id"), f.documentId},
                                   {QStringLiteral("pages"), f.pages},
                                   {QStringLiteral("error"), f.error.isEmpty() ? QJsonValue() : QJsonValue(f.error)}});
        } else if (f.outcome == ImportedFile::Outcome::Failed) {
            err(Cli::tr("  FAILED  %1: %2").arg(f.path, f.error));
        } else if (!o.quiet) {
            out(f.outcome == ImportedFile::Outcome::Added
                    ? Cli::tr("  added   %1 (%n page(s))", nullptr, f.pages).arg(f.path)
                    : Cli::tr("  already in the project: %1").arg(f.path));
        }
    });
    QObject::connect(watcher, &FolderWatcher::batchRegistered, &loop, [&](int added) {
        if (added > 0 && !o.noOcr)
            pages.processQueued();
    });
    QObject::connect(watcher, &FolderWatcher::problem, &loop,
                     [&o](FolderWatcher::Problem p, const QString& folder, const QString& detail) {
                         if (o.json)
                             printEvent(QJsonObject{{QStringLiteral("event"), QStringLiteral("folder_problem")},
                                                    {QStringLiteral("folder"), folder},
                                                    {QStringLiteral("problem"), problemName(p)},
                                                    {QStringLiteral("detail"), detail}});
                         else
                             err(problemText(p, folder, detail));
                     });
    QObject::connect(watcher, &FolderWatcher::problemCleared, &loop, [&o](const QString& folder) {
        if (o.json)
            printEvent(QJsonObject{{QStringLiteral("event"), QStringLiteral("folder_back")},
                                   {QStringLiteral("folder"), folder}});
        else
            err(Cli::tr("note: the folder %1 is watched again").arg(folder));
    });
    QObject::connect(watcher, &FolderWatcher::storageError, &loop,
                     [](const QString& message) { err(Cli::tr("error: %1").arg(message)); });

    thread.start();
    QMetaObject::invokeMethod(watcher, [watcher, &loop, &status, &o] {
        const Status started = watcher->start();
        QMetaObject::invokeMethod(&loop, [&loop, &status, &o, started] {
            if (!started) {
                err(Cli::tr("error: cannot open project %1: %2").arg(o.project, started.error().message));
                status = kExitUsage;
                loop.quit();
            } else if (!o.quiet && !o.json) {
                out(Cli::tr("Watching %1 (rescan every %2 s); Ctrl-C stops.")
                        .arg(o.inputs.join(QStringLiteral(", ")))
                        .arg(o.rescanSeconds));
            }
        });
    });
    if (!o.noOcr)
        pages.processQueued(); // what a stopped watcher left queued

    // SIGINT/SIGTERM only set the token: poll it.
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (interrupt.isCancelled())
            loop.quit();
    });
    poll.start();
    loop.exec();

    QMetaObject::invokeMethod(watcher, [watcher] { watcher->stop(); });
    thread.quit();
    thread.wait();
    pages.stop();
    return status;
}

} // namespace incidoc::cli
