// `capture --from FILE|/dev/videoN`: reads frames from a video file or a camera, takes a page each time one
// is held still and sharp (core/capture), as the next page of one capture document beside the project, then
// processes the captured pages like an import's. A file is analysed at most 10 frames per second of video
// (the rest are skipped undecoded to colour), a camera as fast as analysis goes (it gives its newest frame).

#include "app/cli/commands.h"
#include "app/cli/process_queued.h"
#include "core/capture/capture_document.h"
#include "core/capture/frame_analyzer.h"
#include "core/capture/frame_source.h"
#include "core/storage/project_store.h"

#include <QJsonArray>

namespace incidoc::cli {
namespace {

// A file's frames are analysed at least this far apart in video time.
constexpr int kFileIntervalMs = 100;

struct Captured {
    int page = 0;
    PageId id = 0;
    qint64 timeMs = 0;
};

struct Session {
    std::vector<Captured> captures;
    int framesAnalysed = 0;
    qint64 lastTimeMs = 0;
    DocumentId document = 0;
    QString documentPath;
    bool interrupted = false;
    std::optional<Error> lost;    ///< the source failed mid-way (a camera gone, a damaged file)
    std::optional<Error> storage; ///< a capture could not be written
};

QString seconds(qint64 ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1);
}

Session captureFrom(const CliOptions& o, FrameSource& source, ProjectStore& store, CancelToken& interrupt)
{
    Session s;
    source.setMinimumInterval(source.isDevice() ? 0 : kFileIntervalMs);
    CaptureOptions options;
    options.steadyForMs = o.steadyMs;
    CaptureAnalyzer analyzer(options);
    CaptureDocument document(store, o.project);
    for (;;) {
        if (interrupt.isCancelled()) {
            s.interrupted = true;
            break;
        }
        qint64 t = 0;
        auto frame = source.next(&t);
        if (!frame) {
            s.lost = frame.error();
            break;
        }
        if (!frame->has_value())
            break;
        ++s.framesAnalysed;
        s.lastTimeMs = t;
        const FrameVerdict verdict = analyzer.analyze(**frame, t);
        if (!verdict.capture)
            continue;
        auto page = document.append(**frame);
        if (!page) {
            s.storage = page.error();
            break;
        }
        s.captures.push_back({document.pageCount(), *page, t});
        if (!o.json && !o.quiet)
            out(Cli::tr("  captured page %1 at %2 s").arg(document.pageCount()).arg(seconds(t)));
    }
    s.document = document.documentId();
    s.documentPath = document.filePath();
    return s;
}

void reportSession(const CliOptions& o, const FrameSource& source, const Session& s, QJsonObject& json)
{
    QJsonArray captures;
    for (const Captured& c : s.captures)
        captures.append(QJsonObject{{QStringLiteral("page"), c.page},
                                    {QStringLiteral("page_id"), c.id},
                                    {QStringLiteral("time_ms"), c.timeMs}});
    json.insert(QStringLiteral("device"), source.isDevice());
    json.insert(QStringLiteral("frames_analysed"), s.framesAnalysed);
    json.insert(QStringLiteral("captures"), captures);
    json.insert(QStringLiteral("pages_captured"), static_cast<int>(s.captures.size()));
    json.insert(QStringLiteral("document_id"), s.document != 0 ? QJsonValue(s.document) : QJsonValue());
    json.insert(QStringLiteral("document"), s.documentPath.isEmpty() ? QJsonValue() : QJsonValue(s.documentPath));
    json.insert(QStringLiteral("interrupted"), s.interrupted);
    const std::optional<Error>& problem = s.storage ? s.storage : s.lost;
    json.insert(QStringLiteral("error"), problem ? QJsonValue(problem->message) : QJsonValue());
    if (problem)
        err(Cli::tr("error: %1; the %2 page(s) captured before are kept").arg(problem->message).arg(s.captures.size()));
    if (o.json || o.quiet)
        return;
    if (s.captures.empty())
        out(Cli::tr("No page captured from %1 (%2 frames analysed, %3 s): none was held still and sharp for %4 ms")
                .arg(source.name())
                .arg(s.framesAnalysed)
                .arg(seconds(s.lastTimeMs))
                .arg(o.steadyMs));
    else
        out(Cli::tr("Captured %1 page(s) from %2 (%3 frames analysed, %4 s) into %5")
                .arg(s.captures.size())
                .arg(source.name())
                .arg(s.framesAnalysed)
                .arg(seconds(s.lastTimeMs))
                .arg(s.documentPath));
}

} // namespace

int commandCapture(const CliOptions& o, const std::shared_ptr<Workplace>& workplace, CancelToken& interrupt)
{
    QJsonObject json{{QStringLiteral("project"), o.project}, {QStringLiteral("source"), o.captureFrom}};
    Session session;
    {
        // The source first: what is no video leaves the project as it was (not even created).
        auto source = FrameSource::open(o.captureFrom);
        if (!source) {
            err(Cli::tr("error: %1").arg(source.error().message));
            if (o.json) {
                json.insert(QStringLiteral("error"), source.error().message);
                printJson(json);
            }
            return kExitSomeFailed;
        }
        auto store = ProjectStore::open(o.project);
        if (!store) {
            err(Cli::tr("error: cannot open project %1: %2").arg(o.project, store.error().message));
            return kExitUsage;
        }
        if (!o.json && !o.quiet && (*source)->isDevice())
            out(Cli::tr("Capturing from %1: hold each page still; Ctrl-C ends the session").arg(o.captureFrom));
        session = captureFrom(o, **source, **store, interrupt);
        reportSession(o, **source, session, json);
    } // the project is closed: processing opens it again
    int status = session.lost || session.storage ? kExitSomeFailed : kExitOk;
    if (session.interrupted) {
        if (!o.json && !o.quiet && !session.captures.empty())
            out(Cli::tr("Interrupted: the captured pages are kept, queued; incidoc-cli ocr -p %1 processes them")
                    .arg(o.project));
        if (o.json)
            printJson(json);
        return kExitInterrupted;
    }
    if (o.noOcr) {
        // The choice is remembered for the pages' OCR later.
        if (auto engines = chooseEngines(o); !engines) {
            err(Cli::tr("error: %1").arg(engines.error().message));
            if (o.json)
                printJson(json);
            return kExitUsage;
        }
    } else if (!session.captures.empty()) {
        const RunResult r = processQueued(o, workplace, interrupt);
        if (!r.ok && r.stats.queued == 0) {
            err(Cli::tr("error: %1").arg(r.error.message));
            if (o.json)
                printJson(json);
            return kExitUsage;
        }
        const int runStatus = reportRun(o, r, json);
        if (runStatus != kExitOk)
            status = runStatus;
    }
    if (o.json)
        printJson(json);
    return status;
}

} // namespace incidoc::cli
