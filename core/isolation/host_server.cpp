#include "core/isolation/host_server.h"

#include "core/isolation/wire_p.h"
#include "core/pipeline/workplace.h"
#include "core/util/fault_injection.h"

#include <QFileInfo>

#include <chrono>
#include <csignal>
#include <thread>

#include <unistd.h>

namespace incidoc {
namespace {

/// The app or command went away (even by kill -9): nobody waits for this host any more.
void exitWithParent()
{
    const pid_t parent = ::getppid();
    std::thread([parent] {
        while (true) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            if (::getppid() != parent)
                ::_exit(0);
        }
    }).detach();
}

/// Writes ok = 1 and `value`, or ok = 0 and the error.
template <typename T>
void answer(QDataStream& s, const Result<T>& result)
{
    if (result)
        s << quint8(1) << *result;
    else
        s << quint8(0) << result.error();
}

void process(Workplace& here, QDataStream& in, QDataStream& s, int out)
{
    PageJob job;
    ProcessOptions options;
    std::optional<RemoteOptions> remote;
    in >> job >> options >> remote;
    // The pool holds each phase to its own budget: it learns of a new one before it begins.
    const PhaseFn onPhase = [out](PagePhase phase) {
        const char frame[2] = {char(wire::kPhaseFrame), char(phase)};
        wire::writeFrame(out, QByteArray::fromRawData(frame, 2));
    };
    const RemoteStats before = here.remoteStats();
    auto outcome = here.process(job, options, CancelToken(), remote ? &*remote : nullptr, onPhase);
    answer(s, outcome);
    if (outcome)
        s << here.remoteStats().since(before); // this page's calls on workers
}

void render(Workplace& here, QDataStream& in, QDataStream& s)
{
    QString path;
    qint32 kind = 0, number = 0;
    RenderOptions options;
    in >> path >> kind >> number >> options;
    faultPoint(QStringLiteral("render:%1#%2").arg(QFileInfo(path).fileName()).arg(number)); // tests
    answer(s, here.render(path, static_cast<DocumentKind>(kind), number, options, CancelToken()));
}

void recognize(Workplace& here, QDataStream& in, QDataStream& s)
{
    OcrOptions options;
    wire::GreyImage image;
    in >> options >> image;
    if (in.status() != QDataStream::Ok) {
        s << quint8(0) << makeError(ErrorCode::InvalidInput, QStringLiteral("unreadable image"));
        return;
    }
    answer(s, here.recognize(image.image, options, CancelToken()));
}

void inspect(Workplace& here, QDataStream& in, QDataStream& s)
{
    QString path;
    ImportLimits limits;
    in >> path >> limits;
    DocumentRecord partial;
    auto file = here.inspect(path, limits, &partial);
    if (file)
        s << quint8(1) << file->document << file->pages;
    else
        s << quint8(0) << partial << file.error();
}

} // namespace

int runPageHost()
{
    // Frames go to a private copy of stdout; anything a library prints to stdout lands on stderr.
    const int out = ::dup(1);
    ::dup2(2, 1);
    exitWithParent();
    // Ctrl-C in a terminal reaches the whole process group: the parent decides what stops (it cancels,
    // and stops the host itself).
    std::signal(SIGINT, SIG_IGN);

    // A host reads one page at a time, so one idle engine is all it keeps between requests.
    const auto here = makeLocalWorkplace(std::make_shared<EnginePool>(EnginePool::Options{1}));

    while (true) {
        char header[4];
        if (!wire::readAll(0, header, 4))
            return 0;
        const quint32 size = wire::frameSize(header);
        if (size > wire::kMaxFrame)
            return 2;
        QByteArray request(static_cast<qsizetype>(size), Qt::Uninitialized);
        if (!wire::readAll(0, request.data(), size))
            return 0;
        QDataStream in(request);
        in.setVersion(wire::kStreamVersion);
        quint8 type = 0;
        in >> type;

        QByteArray body;
        QDataStream s(&body, QIODevice::WriteOnly);
        s.setVersion(wire::kStreamVersion);
        switch (static_cast<wire::Request>(type)) {
        case wire::Request::Process: process(*here, in, s, out); break;
        case wire::Request::Render: render(*here, in, s); break;
        case wire::Request::Recognize: recognize(*here, in, s); break;
        case wire::Request::Inspect: inspect(*here, in, s); break;
        default: return 2;
        }
        if (!wire::writeFrame(out, body))
            return 0;
    }
}

} // namespace incidoc
