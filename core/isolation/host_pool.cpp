#include "core/isolation/host_pool.h"

#include "core/isolation/host_process_p.h"
#include "core/isolation/wire_p.h"

#include <QFile>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <mutex>
#include <vector>

#include <unistd.h>

namespace incidoc {

// ---- reasons and budgets --------------------------------------------------------------------------

QString signalDescription(int signal)
{
    const char* d = strsignal(signal);
    return QStringLiteral("signal %1: %2").arg(signal).arg(QString::fromLocal8Bit(d ? d : "unknown"));
}

QString isolationCrashReason(const char* what, int signal)
{
    return QStringLiteral("processing this %1 crashed the renderer or OCR engine (%2); skipped")
        .arg(QLatin1String(what), signalDescription(signal));
}

QString isolationHangReason(const char* what, int budgetMs)
{
    return QStringLiteral("processing this %1 did not finish within %2 s (the renderer or OCR engine hung); skipped")
        .arg(QLatin1String(what))
        .arg(budgetMs / 1000);
}

QString isolationHangReason(int budgetMs)
{
    return isolationHangReason("page", budgetMs);
}

QString isolationMemoryReason(const char* what, qint64 limitBytes)
{
    return QStringLiteral("processing this %1 used more than %2 MB of memory (the budget); skipped")
        .arg(QLatin1String(what))
        .arg(limitBytes / (1024 * 1024));
}

qint64 residentBytesOf(qint64 pid)
{
    QFile statm(QStringLiteral("/proc/%1/statm").arg(pid));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

namespace {

/// A call's own time limit x1.25 plus the slack; 0 (no budget) when the call has no limit.
int hangBudgetMs(long long ownMs, int slackMs)
{
    return ownMs <= 0 ? 0 : static_cast<int>(std::min<long long>(ownMs * 5 / 4 + slackMs, 24LL * 3600 * 1000));
}

/// A request that is not a page has one phase (Render) with one budget.
PageBudgets singleBudget(int budgetMs)
{
    return {budgetMs, budgetMs, budgetMs};
}

/// Why a request failed in isolation: the host's end, and the reason stored or shown.
struct IsolationFailure {
    hosts::CallEnd end = hosts::CallEnd::Answered; ///< Died, Hung or OverMemory
    QString reason;
    explicit operator bool() const { return end != hosts::CallEnd::Answered; }
    /// What the project stores: the app and the CLI decide from this, never from the reason's words.
    FailureKind kind() const
    {
        switch (end) {
        case hosts::CallEnd::Died: return FailureKind::Crash;
        case hosts::CallEnd::Hung: return FailureKind::Hang;
        case hosts::CallEnd::OverMemory: return FailureKind::Memory;
        case hosts::CallEnd::Cancelled: return FailureKind::Cancelled;
        case hosts::CallEnd::Answered:
        case hosts::CallEnd::Stale: break;
        }
        return FailureKind::None;
    }
};

/// An isolation failure of a request that is not a page to process, as an error: a hang is a Timeout,
/// anything else `otherwise`.
Error isolationError(const IsolationFailure& failure, ErrorCode otherwise)
{
    return makeError(failure.end == hosts::CallEnd::Hung ? ErrorCode::Timeout : otherwise, failure.reason);
}

/// Starts reading an answer: false (and `error` set) when the host answered with an error.
bool openAnswer(QDataStream& s, Error* error)
{
    quint8 ok = 0;
    s >> ok;
    if (!ok)
        s >> *error;
    return ok;
}

Error unreadableAnswer()
{
    return makeError(ErrorCode::Internal, QStringLiteral("the page helper sent an unreadable answer"));
}

} // namespace

PageBudgets pageHangBudgets(const ProcessOptions& options, int slackMs, const RemoteOptions* remote)
{
    const long long ocr =
        remote ? 3LL * (options.ocrDeadlineMs + remote->callSlackMs) + remote->connectTimeoutMs : options.ocrDeadlineMs;
    return {hangBudgetMs(kInspectLimitMs, slackMs), hangBudgetMs(options.render.timeLimitMs, slackMs),
            hangBudgetMs(ocr, slackMs)};
}

// ---- the pool -------------------------------------------------------------------------------------

struct PageHostPool::Impl {
    PageHostOptions options;
    mutable std::mutex mutex;
    std::vector<hosts::HostProcess> idle;
    int started = 0;
    int lost = 0;
    RemoteStats remote;

    Result<hosts::HostProcess> take()
    {
        {
            std::lock_guard guard(mutex);
            if (!idle.empty()) {
                const hosts::HostProcess h = idle.back();
                idle.pop_back();
                return h;
            }
        }
        auto host = hosts::startHost(options.program, options.arguments);
        if (host) {
            std::lock_guard guard(mutex);
            ++started;
        }
        return host;
    }

    void giveBack(const hosts::HostProcess& h)
    {
        std::lock_guard guard(mutex);
        idle.push_back(h);
    }

    void discard(hosts::HostProcess& h, bool alreadyDead)
    {
        {
            std::lock_guard guard(mutex);
            ++lost;
        }
        hosts::endHost(h, !alreadyDead);
    }

    /// One request with the isolation policy: a host that dies is replaced and the request tried once
    /// more; the second death, a hang or too much memory is the request's failure (`failure` says
    /// which, with the reason). Returns the answer's body, or an Error for cancel / no host.
    Result<QByteArray> run(const QByteArray& request, const PageBudgets& budgets, const CancelToken& cancel,
                           IsolationFailure* failure, const char* what)
    {
        int stale = 0;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            auto host = take();
            if (!host)
                return host.error();
            hosts::CallResult r = hosts::callHost(*host, request, budgets, options.memoryLimitBytes, cancel);
            switch (r.end) {
            case hosts::CallEnd::Answered: giveBack(*host); return std::move(r.body);
            case hosts::CallEnd::Cancelled:
                discard(*host, false);
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            case hosts::CallEnd::Hung:
                discard(*host, false);
                *failure = {r.end, isolationHangReason(what, r.budgetMs)};
                return QByteArray();
            case hosts::CallEnd::OverMemory:
                discard(*host, false);
                *failure = {r.end, isolationMemoryReason(what, options.memoryLimitBytes)};
                return QByteArray();
            case hosts::CallEnd::Died:
                discard(*host, host->pid < 0);
                if (attempt == 1)
                    *failure = {r.end, isolationCrashReason(what, r.signal ? r.signal : SIGKILL)};
                break;
            case hosts::CallEnd::Stale:
                discard(*host, false);
                if (++stale <= 64) // every idle host may have gone at once; a new one is started at the end
                    --attempt;
                break;
            }
        }
        return QByteArray();
    }

    /// run() for a request whose isolation failure is an error (not a failed page): the answer after
    /// its ok byte, or the host's error, or the isolation failure as an error.
    Result<QByteArray> ask(const QByteArray& request, int budgetMs, const CancelToken& cancel, ErrorCode otherwise)
    {
        IsolationFailure failure;
        auto body = run(request, singleBudget(budgetMs), cancel, &failure, "page");
        if (!body)
            return body.error();
        if (failure)
            return isolationError(failure, otherwise);
        QDataStream s(*body);
        s.setVersion(wire::kStreamVersion);
        Error error;
        if (!openAnswer(s, &error))
            return error;
        return body->mid(1); // after the ok byte
    }
};

PageHostPool::PageHostPool(PageHostOptions options) : m(std::make_unique<Impl>())
{
    // A write to a host that is gone must be an error (EPIPE), not the end of this process (SIGPIPE's
    // default). Only when nobody chose otherwise.
    struct sigaction current {};
    if (::sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
        std::signal(SIGPIPE, SIG_IGN);
    m->options = std::move(options);
}

PageHostPool::~PageHostPool()
{
    std::lock_guard guard(m->mutex);
    for (hosts::HostProcess& h : m->idle)
        hosts::endHost(h, false);
    m->idle.clear();
}

const PageHostOptions& PageHostPool::options() const
{
    return m->options;
}

int PageHostPool::hostsStarted() const
{
    std::lock_guard guard(m->mutex);
    return m->started;
}

int PageHostPool::hostsLost() const
{
    std::lock_guard guard(m->mutex);
    return m->lost;
}

RemoteStats PageHostPool::remoteStats() const
{
    std::lock_guard guard(m->mutex);
    return m->remote;
}

Result<PageOutcome> PageHostPool::process(const PageJob& job, const ProcessOptions& options, const CancelToken& cancel,
                                          const RemoteOptions* remote)
{
    const std::optional<RemoteOptions> workers = remote ? std::optional<RemoteOptions>(*remote) : std::nullopt;
    const QByteArray request =
        wire::request(wire::Request::Process, [&](QDataStream& s) { s << job << options << workers; });
    IsolationFailure failure;
    auto body = m->run(request, pageHangBudgets(options, m->options.slackMs, remote), cancel, &failure, "page");
    if (!body)
        return body.error();
    if (failure) {
        PageOutcome out;
        out.pageId = job.pageId;
        out.status = PageStatus::Failed;
        out.error = failure.reason;
        out.failure = failure.kind();
        return out;
    }
    QDataStream s(*body);
    s.setVersion(wire::kStreamVersion);
    Error error;
    if (!openAnswer(s, &error))
        return error;
    PageOutcome out;
    RemoteStats calls;
    s >> out >> calls;
    if (s.status() != QDataStream::Ok)
        return unreadableAnswer();
    if (remote) {
        std::lock_guard guard(m->mutex);
        m->remote += calls;
    }
    return out;
}

Result<RenderedPage> PageHostPool::render(const QString& path, DocumentKind kind, int number,
                                          const RenderOptions& options, const CancelToken& cancel)
{
    const QByteArray request = wire::request(
        wire::Request::Render, [&](QDataStream& s) { s << path << qint32(kind) << qint32(number) << options; });
    auto body = m->ask(request, hangBudgetMs(options.timeLimitMs, m->options.slackMs), cancel, ErrorCode::Engine);
    if (!body)
        return body.error();
    QDataStream s(*body);
    s.setVersion(wire::kStreamVersion);
    RenderedPage page;
    s >> page;
    if (s.status() != QDataStream::Ok)
        return makeError(ErrorCode::Internal, QStringLiteral("the page helper sent an unreadable image"));
    return page;
}

Result<InspectedFile> PageHostPool::inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial,
                                            const CancelToken& cancel)
{
    const QByteArray request = wire::request(wire::Request::Inspect, [&](QDataStream& s) { s << path << limits; });
    IsolationFailure failure;
    const int budgetMs = pageHangBudgets({}, m->options.slackMs).inspectMs;
    auto body = m->run(request, singleBudget(budgetMs), cancel, &failure, "file");
    if (!body)
        return body.error();
    if (failure) {
        if (partial)
            partial->failure = failure.kind(); // recorded with the file (file_registration.h)
        return isolationError(failure, ErrorCode::InvalidInput);
    }
    QDataStream s(*body);
    s.setVersion(wire::kStreamVersion);
    quint8 ok = 0;
    DocumentRecord got; // the partial record on failure, the document on success
    s >> ok >> got;
    if (!ok) {
        Error e;
        s >> e;
        if (partial && s.status() == QDataStream::Ok)
            *partial = got;
        return e;
    }
    InspectedFile file;
    file.document = got;
    s >> file.pages;
    if (s.status() != QDataStream::Ok)
        return unreadableAnswer();
    return file;
}

Result<RecognizedPage> PageHostPool::recognize(const QImage& image, const OcrOptions& options,
                                               const CancelToken& cancel)
{
    const QByteArray request =
        wire::request(wire::Request::Recognize, [&](QDataStream& s) { s << options << wire::GreyImage{image}; });
    auto body = m->ask(request, hangBudgetMs(options.deadlineMs, m->options.slackMs), cancel, ErrorCode::Engine);
    if (!body)
        return body.error();
    QDataStream s(*body);
    s.setVersion(wire::kStreamVersion);
    RecognizedPage page;
    s >> page;
    if (s.status() != QDataStream::Ok)
        return unreadableAnswer();
    return page;
}

} // namespace incidoc
