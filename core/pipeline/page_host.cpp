#include "core/pipeline/page_host.h"

#include "core/pipeline/workplace.h"
#include "core/remote/proto_convert.h"
#include "core/util/fault_injection.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace incidoc {

// ---- reasons ------------------------------------------------------------------------------------

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

constexpr int kInspectBudgetMs = 120'000; // hashing and parsing a 2 GB file on a slow disk

/// A call's own time limit x1.25 plus the slack; 0 (no budget) when the call has no limit.
int hangBudgetMs(long long ownMs, int slackMs)
{
    return ownMs <= 0 ? 0 : static_cast<int>(std::min<long long>(ownMs * 5 / 4 + slackMs, 24LL * 3600 * 1000));
}

} // namespace

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

PageBudgets pageHangBudgets(const ProcessOptions& options, int slackMs, const RemoteOptions* remote)
{
    const long long ocr =
        remote ? 3LL * (options.ocrDeadlineMs + remote->callSlackMs) + remote->connectTimeoutMs : options.ocrDeadlineMs;
    return {kInspectBudgetMs + slackMs, hangBudgetMs(options.render.timeLimitMs, slackMs), hangBudgetMs(ocr, slackMs)};
}

namespace {

// ---- the wire: length-prefixed QDataStream frames over the host's stdin/stdout -------------------

enum class Request : quint8 { Process = 1, Render = 2, Recognize = 3, Inspect = 4 };
/// A host tells which phase its page entered with a two-byte frame {kPhaseFrame, PagePhase} before the
/// answer (answers start with their ok byte, 0 or 1).
constexpr quint8 kPhaseFrame = 0x70;
constexpr quint32 kMaxFrame = 1024u * 1024 * 1024; // a 60 MP display render is 60 MB; anything near 1 GB is a bug
constexpr auto kStreamVersion = QDataStream::Qt_6_4;

void put(QDataStream& s, const RenderOptions& o)
{
    s << qint32(o.dpi) << qint64(o.pixelBudget) << qint32(o.timeLimitMs) << qint64(o.bandPixels);
}
void get(QDataStream& s, RenderOptions& o)
{
    qint32 dpi, limit;
    qint64 budget, band;
    s >> dpi >> budget >> limit >> band;
    o.dpi = dpi;
    o.pixelBudget = budget;
    o.timeLimitMs = limit;
    o.bandPixels = band;
}

void put(QDataStream& s, const ProcessOptions& o)
{
    put(s, o.render);
    s << o.languages << qint32(o.binarize.method) << qint32(o.binarize.blockSize) << o.binarize.c << o.binarize.sauvolaK
      << o.ocrReadsBinarized << o.normalizeTextSize << qint32(o.ocrDeadlineMs);
}
void get(QDataStream& s, ProcessOptions& o)
{
    get(s, o.render);
    qint32 method, block, deadline;
    s >> o.languages >> method >> block >> o.binarize.c >> o.binarize.sauvolaK >> o.ocrReadsBinarized
        >> o.normalizeTextSize >> deadline;
    o.binarize.method = static_cast<BinarizeMethod>(method);
    o.binarize.blockSize = block;
    o.ocrDeadlineMs = deadline;
}

void put(QDataStream& s, const RemoteOptions* r)
{
    s << bool(r);
    if (r)
        s << r->workers << r->apiKeyFile << r->tlsCaFile << r->tls << r->insecure << qint32(r->fallback)
          << qint32(r->connectTimeoutMs) << qint32(r->callSlackMs) << qint32(r->images);
}
std::optional<RemoteOptions> getRemote(QDataStream& s)
{
    bool present = false;
    s >> present;
    if (!present)
        return std::nullopt;
    RemoteOptions r;
    qint32 fallback, connect, slack, images;
    s >> r.workers >> r.apiKeyFile >> r.tlsCaFile >> r.tls >> r.insecure >> fallback >> connect >> slack >> images;
    r.fallback = static_cast<RemoteFallback>(fallback);
    r.connectTimeoutMs = connect;
    r.callSlackMs = slack;
    r.images = static_cast<RemoteOptions::Images>(images);
    return r;
}

void put(QDataStream& s, const PageJob& j)
{
    s << qint64(j.pageId) << qint64(j.documentId) << j.path << qint32(j.kind) << qint32(j.number) << qint32(j.attempts);
}
void get(QDataStream& s, PageJob& j)
{
    qint64 page, doc;
    qint32 kind, number, attempts;
    s >> page >> doc >> j.path >> kind >> number >> attempts;
    j.pageId = page;
    j.documentId = doc;
    j.kind = static_cast<DocumentKind>(kind);
    j.number = number;
    j.attempts = attempts;
}

void put(QDataStream& s, const OcrOptions& o)
{
    s << o.languages << qint32(o.dpi) << qint32(o.deadlineMs) << qint32(o.segmentation) << o.tag;
}
void get(QDataStream& s, OcrOptions& o)
{
    qint32 dpi, deadline, seg;
    s >> o.languages >> dpi >> deadline >> seg >> o.tag;
    o.dpi = dpi;
    o.deadlineMs = deadline;
    o.segmentation = static_cast<Segmentation>(seg);
}

/// Raw pixels: QDataStream's own QImage form is PNG, far too slow for page-sized images.
void put(QDataStream& s, const QImage& image)
{
    const QImage grey =
        image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    s << qint32(grey.width()) << qint32(grey.height());
    for (int y = 0; y < grey.height(); ++y)
        s.writeRawData(reinterpret_cast<const char*>(grey.constScanLine(y)), grey.width());
}
bool get(QDataStream& s, QImage& image)
{
    qint32 w, h;
    s >> w >> h;
    if (s.status() != QDataStream::Ok || w < 0 || h < 0 || static_cast<qint64>(w) * h > kMaxFrame)
        return false;
    image = QImage(w, h, QImage::Format_Grayscale8);
    if (w > 0 && h > 0 && image.isNull())
        return false;
    for (int y = 0; y < h; ++y)
        if (s.readRawData(reinterpret_cast<char*>(image.scanLine(y)), w) != w)
            return false;
    return true;
}

void put(QDataStream& s, const RecognizedPage& page)
{
    remote::pb::RecognizeResponse r;
    remote::toProto(page, &r);
    const std::string bytes = r.SerializeAsString();
    s << QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size()));
}
bool get(QDataStream& s, RecognizedPage& page)
{
    QByteArray bytes;
    s >> bytes;
    remote::pb::RecognizeResponse r;
    if (s.status() != QDataStream::Ok || !r.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size())))
        return false;
    page = remote::fromProto(r);
    return true;
}

void put(QDataStream& s, const PageOutcome& o)
{
    s << qint64(o.pageId) << qint32(o.status) << qint32(o.kind) << o.error << qint32(o.widthPx) << qint32(o.heightPx)
      << qint32(o.dpi) << qint32(o.rotation) << o.widthPt << o.heightPt << o.engine << qint32(o.timings.renderMs)
      << qint32(o.timings.classifyMs) << qint32(o.timings.prepareMs) << qint32(o.timings.ocrMs)
      << qint32(o.timings.totalMs) << qint32(o.source);
    put(s, o.result);
}
bool get(QDataStream& s, PageOutcome& o)
{
    qint64 page;
    qint32 status, kind, w, h, dpi, rotation, render, classify, prepare, ocr, total, source;
    s >> page >> status >> kind >> o.error >> w >> h >> dpi >> rotation >> o.widthPt >> o.heightPt >> o.engine >> render
        >> classify >> prepare >> ocr >> total >> source;
    o.pageId = page;
    o.status = static_cast<PageStatus>(status);
    o.kind = static_cast<PageKind>(kind);
    o.widthPx = w;
    o.heightPx = h;
    o.dpi = dpi;
    o.rotation = rotation;
    o.timings = {render, classify, prepare, ocr, total};
    o.source = static_cast<WordSource>(source);
    return get(s, o.result) && s.status() == QDataStream::Ok;
}

void put(QDataStream& s, const DocumentRecord& d)
{
    s << d.path << d.name << d.sha256 << qint64(d.size) << qint32(d.kind) << qint32(d.pageCount);
}
void get(QDataStream& s, DocumentRecord& d)
{
    qint64 size;
    qint32 kind, count;
    s >> d.path >> d.name >> d.sha256 >> size >> kind >> count;
    d.size = size;
    d.kind = static_cast<DocumentKind>(kind);
    d.pageCount = count;
}

void put(QDataStream& s, const std::vector<PageInfo>& pages)
{
    s << quint32(pages.size());
    for (const PageInfo& p : pages)
        s << qint32(p.number) << p.widthPt << p.heightPt << qint32(p.rotation) << qint32(p.widthPx)
          << qint32(p.heightPx) << qint32(p.dpi);
}
bool get(QDataStream& s, std::vector<PageInfo>& pages)
{
    quint32 n = 0;
    s >> n;
    if (n > 10'000'000)
        return false;
    pages.resize(n);
    for (PageInfo& p : pages) {
        qint32 number, rotation, w, h, dpi;
        s >> number >> p.widthPt >> p.heightPt >> rotation >> w >> h >> dpi;
        p.number = number;
        p.rotation = rotation;
        p.widthPx = w;
        p.heightPx = h;
        p.dpi = dpi;
    }
    return s.status() == QDataStream::Ok;
}

void put(QDataStream& s, const Error& e)
{
    s << qint32(e.code) << e.message;
}
Error getError(QDataStream& s)
{
    qint32 code;
    QString message;
    s >> code >> message;
    return makeError(static_cast<ErrorCode>(code), message);
}

/// Writes all of `data`; false when the other side is gone.
bool writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool writeFrame(int fd, const QByteArray& body)
{
    const quint32 size = static_cast<quint32>(body.size());
    char header[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
    return writeAll(fd, header, 4) && writeAll(fd, body.constData(), static_cast<size_t>(body.size()));
}

quint32 frameSize(const char* h)
{
    return (quint32(uchar(h[0])) << 24) | (quint32(uchar(h[1])) << 16) | (quint32(uchar(h[2])) << 8)
           | quint32(uchar(h[3]));
}

/// Blocking read of exactly `size` bytes (the host's side); false at EOF or error.
bool readAll(int fd, char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::read(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

/// A request: its type, then what `fill` writes.
template <typename Fill>
QByteArray makeRequest(Request type, Fill&& fill)
{
    QByteArray request;
    QDataStream s(&request, QIODevice::WriteOnly);
    s.setVersion(kStreamVersion);
    s << quint8(type);
    fill(s);
    return request;
}

/// Starts reading an answer: false (and `error` set) when the host answered with an error.
bool openAnswer(QDataStream& s, Error* error)
{
    s.setVersion(kStreamVersion);
    quint8 ok = 0;
    s >> ok;
    if (!ok)
        *error = getError(s);
    return ok;
}

/// An isolation failure of a request that is not a page to process: an error with the reason.
Error isolationError(const QString& failure, ErrorCode otherwise)
{
    return makeError(failure.contains(QLatin1String("did not finish")) ? ErrorCode::Timeout : otherwise, failure);
}

// ---- the parent's side ---------------------------------------------------------------------------

struct Host {
    pid_t pid = -1;
    int toHost = -1;   ///< its stdin
    int fromHost = -1; ///< its stdout
};

void closeHost(Host& h, bool kill)
{
    if (h.toHost >= 0)
        ::close(h.toHost);
    if (h.fromHost >= 0)
        ::close(h.fromHost);
    h.toHost = h.fromHost = -1;
    if (h.pid > 0) {
        if (kill)
            ::kill(h.pid, SIGKILL);
        // Closing its stdin ends an idle host; give it a moment, then make sure.
        for (int i = 0; i < 50; ++i) {
            if (::waitpid(h.pid, nullptr, WNOHANG) != 0)
                return;
            ::usleep(10'000);
        }
        ::kill(h.pid, SIGKILL);
        ::waitpid(h.pid, nullptr, 0);
    }
    h.pid = -1;
}

/// Stale: the host was gone before it read the request (killed while idle, e.g. by the OOM killer): not
/// the request's doing.
enum class Outcome { Answered, Died, Hung, OverMemory, Cancelled, Stale };

struct Waited {
    Outcome outcome = Outcome::Answered;
    QByteArray body;
    int signal = 0;   ///< Died: the signal that ended the host (0: it exited)
    int budgetMs = 0; ///< Hung: the budget of the phase it hung in
};

/// Phase frames a host sends change the budget a request is held to; a request that is not a page has
/// one phase (Render) with one budget.
PageBudgets singleBudget(int budgetMs)
{
    return {budgetMs, budgetMs, budgetMs};
}

} // namespace

struct PageHostPool::Impl {
    PageHostOptions options;
    std::mutex mutex;
    std::vector<Host> idle;
    int started = 0;
    int lost = 0;

    Result<Host> spawn()
    {
        int in[2], out[2];
        if (::pipe2(in, O_CLOEXEC) != 0)
            return makeError(
                ErrorCode::Unavailable,
                QStringLiteral("cannot start the page helper: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        if (::pipe2(out, O_CLOEXEC) != 0) {
            ::close(in[0]);
            ::close(in[1]);
            return makeError(
                ErrorCode::Unavailable,
                QStringLiteral("cannot start the page helper: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        }
        // The host needs no display, and OCRs one page at a time (OpenMP would only oversubscribe).
        std::vector<std::string> env;
        for (char** e = environ; e && *e; ++e) {
            const std::string v(*e);
            if (v.rfind("QT_QPA_PLATFORM=", 0) == 0 || v.rfind("OMP_THREAD_LIMIT=", 0) == 0)
                continue;
            env.push_back(v);
        }
        env.emplace_back("QT_QPA_PLATFORM=offscreen");
        env.emplace_back("OMP_THREAD_LIMIT=1");
        std::vector<std::string> args{options.program.toStdString()};
        for (const QString& a : options.arguments)
            args.push_back(a.toStdString());
        std::vector<char*> argv, envp;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        pid_t pid = -1;
        const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        if (rc != 0) {
            ::close(in[1]);
            ::close(out[0]);
            return makeError(ErrorCode::Unavailable, QStringLiteral("cannot start the page helper %1: %2")
                                                         .arg(options.program, QString::fromLocal8Bit(strerror(rc))));
        }
        {
            std::lock_guard guard(mutex);
            ++started;
        }
        return Host{pid, in[1], out[0]};
    }

    Result<Host> take()
    {
        {
            std::lock_guard guard(mutex);
            if (!idle.empty()) {
                Host h = idle.back();
                idle.pop_back();
                return h;
            }
        }
        return spawn();
    }

    void giveBack(Host h)
    {
        std::lock_guard guard(mutex);
        idle.push_back(h);
    }

    void discard(Host& h, bool alreadyDead)
    {
        {
            std::lock_guard guard(mutex);
            ++lost;
        }
        closeHost(h, !alreadyDead);
    }

    /// Sends a request and waits for the answer, watching the host's time in each phase (the clock
    /// starts again when the host says its page entered another phase), memory and the cancel token.
    Waited call(Host& h, const QByteArray& request, const PageBudgets& budgets, const CancelToken& cancel)
    {
        Waited w;
        if (!writeFrame(h.toHost, request)) {
            w.outcome = Outcome::Stale; // EPIPE: nobody reads the host's stdin any more
        } else {
            QElapsedTimer clock;
            clock.start();
            PagePhase phase = PagePhase::Render;
            qint64 phaseStart = 0;
            qint64 lastMemoryCheck = 0;
            QByteArray got;
            quint32 need = 0;
            bool haveHeader = false;
            char header[4];
            int headerHave = 0;
            while (true) {
                if (cancel.isCancelled()) {
                    w.outcome = Outcome::Cancelled;
                    return w;
                }
                const int budgetMs = budgets.of(phase);
                if (budgetMs > 0 && clock.elapsed() - phaseStart > budgetMs) {
                    w.outcome = Outcome::Hung;
                    w.budgetMs = budgetMs;
                    return w;
                }
                if (options.memoryLimitBytes > 0 && clock.elapsed() - lastMemoryCheck >= 500) {
                    lastMemoryCheck = clock.elapsed();
                    if (residentBytesOf(h.pid) > options.memoryLimitBytes) {
                        w.outcome = Outcome::OverMemory;
                        return w;
                    }
                }
                pollfd p{h.fromHost, POLLIN, 0};
                const int ready = ::poll(&p, 1, 100);
                if (ready < 0 && errno == EINTR)
                    continue;
                if (ready == 0)
                    continue;
                ssize_t n;
                if (!haveHeader) {
                    n = ::read(h.fromHost, header + headerHave, static_cast<size_t>(4 - headerHave));
                } else {
                    n = ::read(h.fromHost, got.data() + (got.size() - need), need);
                }
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0) {
                    w.outcome = Outcome::Died;
                    break;
                }
                if (!haveHeader) {
                    headerHave += static_cast<int>(n);
                    if (headerHave == 4) {
                        haveHeader = true;
                        need = frameSize(header);
                        if (need > kMaxFrame) {
                            w.outcome = Outcome::Died; // garbage on the pipe: treat the host as broken
                            return w;
                        }
                        got.resize(need);
                        if (need == 0) {
                            w.body = got;
                            return w;
                        }
                    }
                } else {
                    need -= static_cast<quint32>(n);
                    if (need == 0 && got.size() == 2 && quint8(got[0]) == kPhaseFrame) {
                        const auto next = static_cast<PagePhase>(quint8(got[1]));
                        if (next != phase) {
                            phase = next;
                            phaseStart = clock.elapsed();
                        }
                        haveHeader = false;
                        headerHave = 0;
                        continue;
                    }
                    if (need == 0) {
                        w.body = got;
                        return w;
                    }
                }
            }
        }
        // The host is gone (its stdout closed): how did it end? It is normally reaped at once; one that
        // closed its stdout and lives on is killed.
        int status = 0;
        for (int i = 0; i < 200 && h.pid > 0; ++i) {
            const pid_t r = ::waitpid(h.pid, &status, i < 199 ? WNOHANG : 0);
            if (r == h.pid) {
                h.pid = -1;
                if (WIFSIGNALED(status))
                    w.signal = WTERMSIG(status);
                break;
            }
            if (r < 0)
                break;
            if (i == 198)
                ::kill(h.pid, SIGKILL);
            ::usleep(10'000);
        }
        return w;
    }

    /// One request with the isolation policy: a host that dies is replaced and the request tried once
    /// more; the second death, a hang or too much memory is the request's failure (`failure` gets the
    /// reason). Returns the answer's body, or an Error for cancel / no host.
    Result<QByteArray> run(const QByteArray& request, const PageBudgets& budgets, const CancelToken& cancel,
                           QString* failure, const char* what = "page")
    {
        int stale = 0;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            auto host = take();
            if (!host)
                return host.error();
            Waited w = call(*host, request, budgets, cancel);
            switch (w.outcome) {
            case Outcome::Answered: giveBack(*host); return w.body;
            case Outcome::Cancelled:
                discard(*host, false);
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            case Outcome::Hung:
                discard(*host, false);
                *failure = isolationHangReason(what, w.budgetMs);
                return QByteArray();
            case Outcome::OverMemory:
                discard(*host, false);
                *failure = isolationMemoryReason(what, options.memoryLimitBytes);
                return QByteArray();
            case Outcome::Died:
                discard(*host, host->pid < 0);
                if (attempt == 1)
                    *failure = isolationCrashReason(what, w.signal ? w.signal : SIGKILL);
                break;
            case Outcome::Stale:
                discard(*host, false);
                if (++stale <= 64) // every idle host may have gone at once; a new one is started at the end
                    --attempt;
                break;
            }
        }
        return QByteArray();
    }

    /// run() for a request whose isolation failure is an error (not a failed page): the answer after
    /// its ok byte, or the host's error, or the isolation reason as an error (`otherwise` unless a hang).
    Result<QByteArray> ask(const QByteArray& request, int budgetMs, const CancelToken& cancel, ErrorCode otherwise)
    {
        QString failure;
        auto body = run(request, singleBudget(budgetMs), cancel, &failure);
        if (!body)
            return body.error();
        if (!failure.isEmpty())
            return isolationError(failure, otherwise);
        QDataStream s(*body);
        Error error;
        if (!openAnswer(s, &error))
            return error;
        return body->mid(1); // the ok byte
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
    for (Host& h : m->idle)
        closeHost(h, false);
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

Result<PageOutcome> PageHostPool::process(const PageJob& job, const ProcessOptions& options, const CancelToken& cancel,
                                          const RemoteOptions* remote)
{
    const QByteArray request = makeRequest(Request::Process, [&](QDataStream& s) {
        put(s, job);
        put(s, options);
        put(s, remote);
    });
    QString failure;
    auto body = m->run(request, pageHangBudgets(options, m->options.slackMs, remote), cancel, &failure);
    if (!body)
        return body.error();
    if (!failure.isEmpty()) {
        PageOutcome out;
        out.pageId = job.pageId;
        out.status = PageStatus::Failed;
        out.error = failure;
        return out;
    }
    QDataStream s(*body);
    Error error;
    if (!openAnswer(s, &error))
        return error;
    PageOutcome out;
    if (!get(s, out))
        return makeError(ErrorCode::Internal, QStringLiteral("the page helper sent an unreadable answer"));
    return out;
}

Result<RenderedPage> PageHostPool::render(const QString& path, DocumentKind kind, int number,
                                          const RenderOptions& options, const CancelToken& cancel)
{
    const QByteArray request = makeRequest(Request::Render, [&](QDataStream& s) {
        s << path << qint32(kind) << qint32(number);
        put(s, options);
    });
    auto body = m->ask(request, hangBudgetMs(options.timeLimitMs, m->options.slackMs), cancel, ErrorCode::Engine);
    if (!body)
        return body.error();
    QDataStream s(*body);
    s.setVersion(kStreamVersion);
    RenderedPage page;
    qint32 dpi, rotation;
    s >> dpi >> rotation >> page.widthPt >> page.heightPt >> page.note;
    page.dpi = dpi;
    page.rotation = rotation;
    if (!get(s, page.image))
        return makeError(ErrorCode::Internal, QStringLiteral("the page helper sent an unreadable image"));
    return page;
}

Result<InspectedFile> PageHostPool::inspect(const QString& path, const ImportLimits& limits, DocumentRecord* partial,
                                            const CancelToken& cancel)
{
    const QByteArray request = makeRequest(Request::Inspect, [&](QDataStream& s) {
        s << path << qint64(limits.maxFileBytes) << qint64(limits.maxImagePixels);
    });
    QString failure;
    const int budgetMs = pageHangBudgets({}, m->options.slackMs).inspectMs;
    auto body = m->run(request, singleBudget(budgetMs), cancel, &failure, "file");
    if (!body)
        return body.error();
    if (!failure.isEmpty())
        return isolationError(failure, ErrorCode::InvalidInput);
    QDataStream s(*body);
    s.setVersion(kStreamVersion);
    quint8 ok = 0;
    s >> ok;
    DocumentRecord got;
    get(s, got); // the partial record on failure, the document on success
    if (!ok) {
        const Error e = getError(s);
        if (partial && s.status() == QDataStream::Ok)
            *partial = got;
        return e;
    }
    InspectedFile file;
    file.document = got;
    if (!get(s, file.pages))
        return makeError(ErrorCode::Internal, QStringLiteral("the page helper sent an unreadable answer"));
    return file;
}

Result<RecognizedPage> PageHostPool::recognize(const QImage& image, const OcrOptions& options,
                                               const CancelToken& cancel)
{
    const QByteArray request = makeRequest(Request::Recognize, [&](QDataStream& s) {
        put(s, options);
        put(s, image);
    });
    auto body = m->ask(request, hangBudgetMs(options.deadlineMs, m->options.slackMs), cancel, ErrorCode::Engine);
    if (!body)
        return body.error();
    QDataStream s(*body);
    s.setVersion(kStreamVersion);
    RecognizedPage page;
    if (!get(s, page))
        return makeError(ErrorCode::Internal, QStringLiteral("the page helper sent an unreadable answer"));
    return page;
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

// ---- the host's side ------------------------------------------------------------------------------

int runPageHost()
{
    // Frames go to a private copy of stdout; anything a library prints to stdout lands on stderr.
    const int out = ::dup(1);
    ::dup2(2, 1);
    // The app went away (even by kill -9): nobody waits for this host any more.
    const pid_t parent = ::getppid();
    std::thread([parent] {
        while (true) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            if (::getppid() != parent)
                ::_exit(0);
        }
    }).detach();

    // The work itself, as in any process; a host reads one page at a time, so one idle engine is all it
    // keeps between requests.
    const auto here = makeLocalWorkplace(std::make_shared<EnginePool>(EnginePool::Options{1}));

    while (true) {
        char header[4];
        if (!readAll(0, header, 4))
            return 0;
        const quint32 size = frameSize(header);
        if (size > kMaxFrame)
            return 2;
        QByteArray request(static_cast<qsizetype>(size), Qt::Uninitialized);
        if (!readAll(0, request.data(), size))
            return 0;
        QDataStream in(request);
        in.setVersion(kStreamVersion);
        quint8 type = 0;
        in >> type;

        QByteArray answer;
        QDataStream s(&answer, QIODevice::WriteOnly);
        s.setVersion(kStreamVersion);
        switch (static_cast<Request>(type)) {
        case Request::Process: {
            PageJob job;
            ProcessOptions options;
            get(in, job);
            get(in, options);
            const std::optional<RemoteOptions> remote = getRemote(in);
            // The pool holds each phase to its own budget: it learns of a new one before it begins.
            const PhaseFn onPhase = [out](PagePhase phase) {
                const char frame[2] = {char(kPhaseFrame), char(phase)};
                writeFrame(out, QByteArray::fromRawData(frame, 2));
            };
            auto outcome = here->process(job, options, CancelToken(), remote ? &*remote : nullptr, onPhase);
            if (outcome) {
                s << quint8(1);
                put(s, *outcome);
            } else {
                s << quint8(0);
                put(s, outcome.error());
            }
            break;
        }
        case Request::Render: {
            QString path;
            qint32 kind, number;
            RenderOptions options;
            in >> path >> kind >> number;
            get(in, options);
            faultPoint(QStringLiteral("render:%1#%2").arg(QFileInfo(path).fileName()).arg(number)); // tests
            auto page = here->render(path, static_cast<DocumentKind>(kind), number, options, CancelToken());
            if (page) {
                s << quint8(1) << qint32(page->dpi) << qint32(page->rotation) << page->widthPt << page->heightPt
                  << page->note;
                put(s, page->image);
            } else {
                s << quint8(0);
                put(s, page.error());
            }
            break;
        }
        case Request::Recognize: {
            OcrOptions options;
            QImage image;
            get(in, options);
            if (!get(in, image)) {
                s << quint8(0);
                put(s, makeError(ErrorCode::InvalidInput, QStringLiteral("unreadable image")));
                break;
            }
            Result<RecognizedPage> page = here->recognize(image, options, CancelToken());
            if (page) {
                s << quint8(1);
                put(s, *page);
            } else {
                s << quint8(0);
                put(s, page.error());
            }
            break;
        }
        case Request::Inspect: {
            QString path;
            qint64 maxBytes, maxPixels;
            in >> path >> maxBytes >> maxPixels;
            ImportLimits limits;
            limits.maxFileBytes = maxBytes;
            limits.maxImagePixels = maxPixels;
            DocumentRecord partial;
            auto file = here->inspect(path, limits, &partial);
            if (file) {
                s << quint8(1);
                put(s, file->document);
                put(s, file->pages);
            } else {
                s << quint8(0);
                put(s, partial);
                put(s, file.error());
            }
            break;
        }
        default: return 2;
        }
        if (!writeFrame(out, answer))
            return 0;
    }
}

} // namespace incidoc
